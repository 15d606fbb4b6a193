/**
 * Bodies whose labels misstate them, and text the rows cannot hold as sent, through the Worker in
 * workerd against the local ClickHouse: compression named by its magic bytes in every answer
 * that says what a body is (zstd labelled gzip, zlib unlabelled, gzip inside gzip), unlabelled
 * zstd stored as unlabelled gzip is, and OTLP/JSON lone surrogates stored as U+FFFD with the
 * same warning as bytes that are not UTF-8.
 */
import { deflateSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { oracleDecodeStatus } from "../fixtures/otlp/protobuf-oracle";
import { uniqueId } from "../support/export-results";
import { JSON_TYPE, PROTOBUF_TYPE, logsEndpointForFile, zstdFixture } from "../support/logs-bodies";

const logs = logsEndpointForFile("named_body_faults");
const { post, logCount } = logs;

/** A logs request of one record under `run.id` = `runId` holding `fields` (raw JSON members). */
function logsText(runId: string, fields: string): string {
  const time = `${Math.floor(Date.now() / 1000) - 60}000000000`;
  return (
    `{"resourceLogs":[{"resource":{"attributes":[{"key":"run.id","value":{"stringValue":"${runId}"}}]},` +
    `"scopeLogs":[{"logRecords":[{"timeUnixNano":"${time}",${fields}}]}]}]}`
  );
}

/** The message of the 400 answered for `body` (a `google.rpc.Status` in the request's encoding), after checking nothing was stored. */
async function refusal(body: Uint8Array, headers: Record<string, string>): Promise<string> {
  const before = await logCount();
  const response = await post(body, headers);
  expect(response.status).toBe(400);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const { message } =
    headers["Content-Type"] === PROTOBUF_TYPE["Content-Type"]
      ? oracleDecodeStatus(bytes)
      : (JSON.parse(new TextDecoder().decode(bytes)) as { message: string });
  expect(await logCount()).toBe(before);
  return message;
}

describe("compression named by its magic bytes", () => {
  it("tells a zstd body labelled gzip that it is zstd and to send Content-Encoding: zstd", async () => {
    expect(await refusal(zstdFixture("logs.json.zst"), { ...JSON_TYPE, "Content-Encoding": "gzip" })).toBe(
      "request body is not valid gzip: it starts 28 b5 2f fd 04 58 e5 08 …, zstd's frame magic 28 b5 2f fd, so it is zstd: " +
        "send it with Content-Encoding: zstd",
    );
  });

  it("stores a zstd body sent without Content-Encoding, as a gzip one without it is", async () => {
    const response = await post(zstdFixture("logs.json.zst"), JSON_TYPE);
    expect(response.status).toBe(200);
    const rows = await logs.rows<{ Body: string }>(`SELECT Body FROM otel_logs WHERE LogAttributes['fixture'] = 'zstd-streamed'`);
    expect(rows).toEqual([{ Body: "forwarded by a Collector agent with compression: zstd" }]);
  });

  it.each([
    ["JSON", JSON_TYPE],
    ["protobuf", PROTOBUF_TYPE],
  ])("tells a zlib body sent as %s without Content-Encoding to send Content-Encoding: deflate", async (_, type) => {
    const message = await refusal(deflateSync(logsText(uniqueId("zlib"), `"body":{"stringValue":"never stored"}`)), type);
    expect(message).toMatch(
      /^request body is zlib \(deflate\) \(it starts 78 9c .*, a zlib header\), not OTLP as its Content-Type says: send it with Content-Encoding: deflate, compressed once \(read as declared: .+\)$/,
    );
  });

  it.each([
    ["JSON", JSON_TYPE],
    ["protobuf", PROTOBUF_TYPE],
  ])("tells a body gzipped twice and sent as %s that it was compressed twice", async (_, type) => {
    const twice = gzipSync(gzipSync(logsText(uniqueId("twice"), `"body":{"stringValue":"never stored"}`)));
    expect(await refusal(twice, { ...type, "Content-Encoding": "gzip" })).toMatch(
      /^request body is gzip again once decompressed \(it starts 1f 8b 08 .*\): it was compressed twice; compress it once and send it with Content-Encoding: gzip \(read as declared: .+\)$/,
    );
  });
});

describe("OTLP/JSON lone surrogates", () => {
  it("stores them as U+FFFD and says so in the partial success, as for bytes that are not UTF-8", async () => {
    const runId = uniqueId("lone-surrogates");
    const response = await post(
      logsText(runId, `"body":{"stringValue":"lone \\ud800 x"},"attributes":[{"key":"k\\udc00","value":{"stringValue":"v"}}]`),
      JSON_TYPE,
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      partialSuccess: {
        rejectedLogRecords: "0",
        errorMessage:
          "2 lone surrogates (a \\uD800–\\uDFFF escape without its pair) stored as U+FFFD " +
          "(first in resourceLogs[0].scopeLogs[0].logRecords[0].body.stringValue; rows hold UTF-8 text, which cannot hold half a surrogate pair)",
      },
    });
    const rows = await logs.rows<{ Body: string; keys: string[] }>(
      `SELECT Body, mapKeys(LogAttributes) AS keys FROM otel_logs WHERE ResourceAttributes['run.id'] = '${runId}'`,
    );
    expect(rows).toEqual([{ Body: "lone \ufffd x", keys: ["k\ufffd"] }]);
  });

  it("keeps the first of two keys equal once replaced, as keys equal once invalid UTF-8 is replaced, not one key twice in the map", async () => {
    const runId = uniqueId("lone-surrogate-keys");
    const keys = `{"key":"k\\udc00","value":{"stringValue":"first"}},{"key":"k\\udc01","value":{"stringValue":"second"}}`;
    const response = await post(logsText(runId, `"body":{"stringValue":"x"},"attributes":[${keys}]`), JSON_TYPE);
    expect(response.status).toBe(200);
    const { partialSuccess } = (await response.json()) as { partialSuccess: { errorMessage: string } };
    expect(partialSuccess.errorMessage).toContain("2 lone surrogates");
    expect(partialSuccess.errorMessage).toContain(
      "1 attribute value dropped for a key equal to an earlier one in the same list, with another value, once what UTF-8 cannot hold " +
        "(bytes that are not UTF-8, a JSON text's lone surrogates) was replaced by U+FFFD",
    );
    const rows = await logs.rows<{ keys: string[]; value: string }>(
      `SELECT mapKeys(LogAttributes) AS keys, LogAttributes['k\ufffd'] AS value FROM otel_logs WHERE ResourceAttributes['run.id'] = '${runId}'`,
    );
    expect(rows).toEqual([{ keys: ["k\ufffd"], value: "first" }]);
  });
});
