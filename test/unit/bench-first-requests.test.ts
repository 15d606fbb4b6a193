import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { FIRST_REQUESTS } from "../../bench/first-requests";
import { parseIngestConfig } from "../../workers/ingest/config";
import { prepareExport } from "../../workers/ingest/core/pipeline";

const pipeline = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true" }).pipeline;

/** The request body of a step as the Worker reads it: inflated when gzipped. */
function bodyOf(init: RequestInit): Uint8Array {
  const body = init.body as Uint8Array;
  return (init.headers as Record<string, string>)["content-encoding"] === "gzip" ? new Uint8Array(gunzipSync(body)) : body;
}

describe("the bench's first requests of a fresh isolate", () => {
  it("are exports the core accepts whole, records within the time window", () => {
    for (const { name, init } of FIRST_REQUESTS) {
      const request = init();
      const encoding = (request.headers as Record<string, string>)["content-type"] === "application/x-protobuf" ? "protobuf" : "json";
      const prepared = prepareExport("logs", encoding, bodyOf(request), pipeline, `${BigInt(Date.now()) * 1_000_000n}`);
      expect(prepared.rejected, name).toBe(0);
      expect(prepared.batches[0]!.rows.length, name).toBeGreaterThan(0);
    }
  });

  it("meet the large rules in the third: passwords, a phone, an e-mail address, a card's holder, a URL's credentials", () => {
    const step = FIRST_REQUESTS[2]!;
    const prepared = prepareExport("logs", "json", bodyOf(step.init()), pipeline, `${BigInt(Date.now()) * 1_000_000n}`);
    expect(Object.keys(prepared.redactions.kinds)).toEqual(expect.arrayContaining(["secret_param", "phone", "email", "card_holder", "url_credentials"]));
    const text = JSON.stringify(prepared.batches[0]!.rows);
    for (const secret of ["hunter2", "Sommer2024", "1234567", "ana.souza", "Maria Silva", "S3cr3tPw"]) expect(text).not.toContain(secret);
  });
});
