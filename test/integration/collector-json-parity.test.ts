/**
 * OTLP/JSON that the Collector's reader stores whole, through the ingest Worker in workerd into
 * the local ClickHouse: a list under both its names, `null` items from `JSON.stringify`, 64-bit
 * integers spelled with a fraction or an exponent, and AnyValues nested as deep as protobuf may.
 */
import { describe, expect, it } from "vitest";
import { recentBaseNanos } from "../support/fixture-clock";
import { bearer } from "../support/ingest-worker";
import { ingestWorkerForFile } from "../support/ingest-run";

const ingest = ingestWorkerForFile("collector_json");

async function post(path: string, body: string): Promise<[number, unknown]> {
  const response = await ingest().fetch(path, { method: "POST", body, headers: { ...bearer(), "Content-Type": "application/json" } });
  return [response.status, await response.json()];
}

/** A logs request from `service` with one scope holding `scopeMembers` (its record lists). */
function logs(service: string, scopeMembers: string): string {
  return `{"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"${service}"}}]},"scopeLogs":[{"scope":{"name":"s"},${scopeMembers}}]}]}`;
}

function bodiesOf(service: string): Promise<unknown[]> {
  return ingest().rows(`SELECT Body FROM otel_logs WHERE ServiceName = '${service}' ORDER BY Body`);
}

describe("OTLP/JSON the Collector stores whole is stored whole", () => {
  it("stores both lists of a field sent as logRecords and log_records, and data_points beside dataPoints", async () => {
    const time = recentBaseNanos();
    expect(
      await post("/v1/logs", logs("mixed", `"logRecords":[{"timeUnixNano":"${time}","body":{"stringValue":"camel"}}],"log_records":[{"timeUnixNano":"${time}","body":{"stringValue":"snake"}}]`)),
    ).toEqual([200, {}]);
    expect(await bodiesOf("mixed")).toEqual([{ Body: "camel" }, { Body: "snake" }]);

    const point = (value: string, route: string) =>
      `{"timeUnixNano":"${time}","asInt":"${value}","attributes":[{"key":"route","value":{"stringValue":"${route}"}}]}`;
    const metrics =
      `{"resourceMetrics":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"dupdp"}}]},"scopeMetrics":[{"metrics":[{"name":"c","sum":` +
      `{"aggregationTemporality":1,"isMonotonic":true,"dataPoints":[${point("1", "/a")}],"data_points":[${point("2", "/b")}]}}]}]}]}`;
    expect(await post("/v1/metrics", metrics)).toEqual([200, {}]);
    expect(await ingest().rows(`SELECT Attributes['route'] AS route, Value FROM otel_metrics_sum WHERE ServiceName = 'dupdp' ORDER BY route`)).toEqual([
      { route: "/a", Value: 1 },
      { route: "/b", Value: 2 },
    ]);
  });

  it("stores resource_logs sent beside an empty resourceLogs", async () => {
    const body =
      `{"resourceLogs":[],"resource_logs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"emptycamel"}}]},` +
      `"scopeLogs":[{"logRecords":[{"timeUnixNano":"${recentBaseNanos()}","body":{"stringValue":"kept"}}]}]}]}`;
    expect(await post("/v1/logs", body)).toEqual([200, {}]);
    expect(await bodiesOf("emptycamel")).toEqual([{ Body: "kept" }]);
  });

  it("stores the records beside a null one and answers that one as rejected; skips a null attribute and warns of it", async () => {
    const time = recentBaseNanos();
    const [status, answer] = await post(
      "/v1/logs",
      logs("nullitem", `"logRecords":[{"timeUnixNano":"${time}","body":{"stringValue":"good 1"}},null,{"timeUnixNano":"${time}","body":{"stringValue":"good 2"}}]`),
    );
    expect([status, answer]).toEqual([
      200,
      {
        partialSuccess: {
          rejectedLogRecords: "1",
          errorMessage: "1 log record rejected: JSON null where a record belongs (first at resourceLogs[0].scopeLogs[0].logRecords[1]; JSON.stringify writes an undefined array item as null)",
        },
      },
    ]);
    expect(await bodiesOf("nullitem")).toEqual([{ Body: "good 1" }, { Body: "good 2" }]);

    const nullAttribute =
      `{"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"nullattr"}},null]},` +
      `"scopeLogs":[{"logRecords":[{"timeUnixNano":"${time}","body":{"stringValue":"good"},"attributes":[null,{"key":"k","value":{"stringValue":"v"}}]}]}]}]}`;
    // Every record stored, the sender's attribute lists not as written: OTLP's warning, rejected 0.
    expect(await post("/v1/logs", nullAttribute)).toEqual([
      200,
      {
        partialSuccess: {
          rejectedLogRecords: "0",
          errorMessage:
            "2 JSON nulls skipped where an attribute belongs " +
            "(first at resourceLogs[0].resource.attributes[1]; JSON.stringify writes an undefined array item as null)",
        },
      },
    ]);
    expect(await ingest().rows(`SELECT Body, LogAttributes FROM otel_logs WHERE ServiceName = 'nullattr'`)).toEqual([{ Body: "good", LogAttributes: { k: "v" } }]);
  });

  it("keeps every digit of 64-bit integers written with a fraction or an exponent, and refuses a fractional one", async () => {
    const time = recentBaseNanos() + 123456789n;
    const body = logs(
      "fracnanos",
      `"logRecords":[{"timeUnixNano":${time}.0,"body":{"stringValue":"a"},"attributes":[` +
        `{"key":"id","value":{"intValue":2305843009213693953.0}},{"key":"id2","value":{"intValue":23058430092136939530e-1}}]}]`,
    );
    expect(await post("/v1/logs", body)).toEqual([200, {}]);
    expect(await ingest().rows(`SELECT toString(toUnixTimestamp64Nano(Timestamp)) AS ts, LogAttributes FROM otel_logs WHERE ServiceName = 'fracnanos'`)).toEqual([
      { ts: String(time), LogAttributes: { id: "2305843009213693953", id2: "2305843009213693953" } },
    ]);

    const [status, answer] = await post("/v1/logs", logs("fraction", `"logRecords":[{"timeUnixNano":${time}.5}]`));
    expect(status).toBe(400);
    expect(answer).toMatchObject({ message: `resourceLogs[0].scopeLogs[0].logRecords[0].timeUnixNano: expected uint64, got ${time}.5` });
    expect(await bodiesOf("fraction")).toEqual([]);
  });

  it("stores a body of 64 nested kvlists, as protobuf may carry, and refuses 65 naming the AnyValue limit", async () => {
    const nested = (levels: number) => {
      let value = '{"stringValue":"leaf"}';
      for (let level = 1; level <= levels; level++) value = `{"kvlistValue":{"values":[{"key":"l${level}","value":${value}}]}}`;
      return value;
    };
    const time = recentBaseNanos();
    expect(await post("/v1/logs", logs("deep", `"logRecords":[{"timeUnixNano":"${time}","body":${nested(64)}}]`))).toEqual([200, {}]);
    const [row] = await ingest().rows<{ Body: string }>(`SELECT Body FROM otel_logs WHERE ServiceName = 'deep'`);
    expect(row!.Body.startsWith('{"l64":{"l63":')).toBe(true);
    expect(row!.Body.endsWith('"l1":"leaf"' + "}".repeat(64))).toBe(true);

    const [status, answer] = await post("/v1/logs", logs("deeper", `"logRecords":[{"timeUnixNano":"${time}","body":${nested(65)}}]`));
    expect(status).toBe(400);
    expect((answer as { message: string }).message).toMatch(/^resourceLogs\[0\]\.scopeLogs\[0\]\.logRecords\[0\]\.body\..*: AnyValue nested deeper than 64 levels$/);
  });
});
