/**
 * Lifting from the maps real loggers send, as OTLP/JSON and as protobuf: a logged object sent as
 * the record's attributes (pino-opentelemetry-transport, instrumentation-pino: `req` and `res` as
 * `kvlistValue` maps), a map body whose whole numbers are doubles (the Collector's `json_parser`
 * and OTTL's `ParseJSON`, Python's `levelno` 40.0), and a span id whose trace id is no id. Each
 * map is read as the same JSON line is. The request lines real loggers wrote (pino-http set up
 * several ways, nestjs-pino, hapi-pino, fastify, Bunyan, express-winston, morgan-json) say which
 * of them give `request.id`.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseIngestConfig } from "../../workers/ingest/config";
import { prepareExport } from "../../workers/ingest/core/pipeline";
import type { Row } from "../../workers/ingest/core/rows";
import { hexBytes, oracle, oracleDecode, oracleEncode } from "../fixtures/otlp/protobuf-oracle";

const RECEIVED = "1796000000000000000";
const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
const SPAN_ID = "00f067aa0ba902b7";
const utf8 = new TextEncoder();
const settings = { CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true" };
const lifting = parseIngestConfig(settings).pipeline;
const notLifting = parseIngestConfig({ ...settings, LIFT_JSON_BODIES: "false" }).pipeline;
const ENCODINGS = ["json", "protobuf"] as const;
type Encoding = (typeof ENCODINGS)[number];

/** A record as a test writes it: OTLP/JSON's values (`intValue` as text), its own trace id in hex. */
interface SentRecord {
  body?: object;
  attributes?: object[];
  traceId?: string;
}

/** How a bridge sends a whole number: OTLP/JSON's `intValue` as text, or a double (the Collector's JSON parsing). */
const asInt = (value: number) => ({ intValue: String(value) });
const asDouble = (value: number) => ({ doubleValue: value });
const str = (key: string, value: string) => ({ key, value: { stringValue: value } });
const int = (key: string, value: number) => ({ key, value: asInt(value) });
const double = (key: string, value: number) => ({ key, value: asDouble(value) });
const map = (key: string, ...entries: object[]) => ({ key, value: { kvlistValue: { values: entries } } });
const mapBody = (...entries: object[]) => ({ kvlistValue: { values: entries } });
const line = (text: string) => ({ stringValue: text });

type JsonValue = string | number | JsonValue[] | JsonObject;
type JsonObject = { [key: string]: JsonValue };
/** A JSON value as a bridge sends it: each whole number as `whole` makes it, a fraction as a double, a list as an array. */
const anyValueOf = (value: JsonValue, whole: (value: number) => object): object =>
  typeof value === "string"
    ? { stringValue: value }
    : typeof value === "number"
      ? Number.isInteger(value) ? whole(value) : asDouble(value)
      : Array.isArray(value)
        ? { arrayValue: { values: value.map((element) => anyValueOf(element, whole)) } }
        : { kvlistValue: { values: mapEntriesOf(value, whole) } };
/** A JSON object's members as a map's entries, as a bridge sends a logged object. */
const mapEntriesOf = (object: JsonObject, whole: (value: number) => object = asInt): object[] =>
  Object.entries(object).map(([key, value]) => ({ key, value: anyValueOf(value, whole) }));

/** The request's rows, sent as OTLP/JSON or encoded as protobuf (ids as bytes there). */
function sent(document: object, encoding: Encoding, pipeline = lifting): Row[] {
  const body = encoding === "json" ? utf8.encode(JSON.stringify(document)) : oracleEncode(oracle.logsRequest, document);
  return prepareExport("logs", encoding, body, pipeline, RECEIVED).batches.flatMap((batch) => batch.rows) as Row[];
}

function rowsOf(records: SentRecord[], encoding: Encoding, pipeline = lifting, scope: object = {}): Row[] {
  const logRecords = records.map(({ traceId, ...record }) => ({
    timeUnixNano: RECEIVED,
    ...record,
    ...(traceId === undefined ? {} : { traceId: encoding === "json" ? traceId : hexBytes(traceId) }),
  }));
  return sent({ resourceLogs: [{ resource: { attributes: [str("service.name", "api")] }, scopeLogs: [{ scope, logRecords }] }] }, encoding, pipeline);
}

const rowOf = (record: SentRecord, encoding: Encoding, pipeline = lifting): Row => rowsOf([record], encoding, pipeline)[0]!;

/** A row's `LogAttributes` (key, value, key, value, …) as an object. */
function attributesOf(row: Row): Record<string, string> {
  const flat = row.LogAttributes as readonly string[];
  const attributes: Record<string, string> = {};
  for (let i = 0; i < flat.length; i += 2) attributes[flat[i]!] = flat[i + 1]!;
  return attributes;
}

/** What lifting decides for a row: its own fields and attributes. */
const lifted = (row: Row) => ({
  severity: [row.SeverityText, row.SeverityNumber],
  body: row.Body,
  ids: [row.TraceId, row.SpanId, row.TraceFlags],
  attributes: attributesOf(row),
});

/** A file of test/fixtures/logger-captures. */
const capturedText = (name: string): string => readFileSync(new URL(`../fixtures/logger-captures/${name}`, import.meta.url), "utf8");

/** An OTLP/JSON request the transport sent, read as sent and as the same request in protobuf, at its records' receipt. */
function capturedRequest(name: string): (encoding: Encoding, pipeline?: typeof lifting) => Row[] {
  const capture = JSON.parse(capturedText(name)) as { resourceLogs: { scopeLogs: { logRecords: { observedTimeUnixNano: string }[] }[] }[] };
  const received = capture.resourceLogs[0]!.scopeLogs[0]!.logRecords[1]!.observedTimeUnixNano;
  return (encoding, pipeline = lifting) => {
    const body = encoding === "json" ? utf8.encode(JSON.stringify(capture)) : oracleEncode(oracle.logsRequest, capture);
    return prepareExport("logs", encoding, body, pipeline, received).batches.flatMap((batch) => batch.rows) as Row[];
  };
}

describe("pino-http through pino-opentelemetry-transport 4.0.2, as captured (test/fixtures/logger-captures)", () => {
  const captured = capturedRequest("pino-http-otel-transport.json");

  it.each(ENCODINGS)("req.id becomes request.id on the request line and on the handler's own line, the maps stay as sent (%s)", (encoding) => {
    const [handler, completed] = captured(encoding);
    expect([completed!.Body, completed!.SeverityText, completed!.SeverityNumber]).toEqual(["request completed", "INFO", 9]);
    const attributes = attributesOf(completed!);
    expect(attributes["request.id"]).toBe("1");
    expect(JSON.parse(attributes.req!)).toMatchObject({ id: 1, method: "GET", url: "/cart?x=1", headers: { "x-request-id": "rid-from-header" } });
    expect(attributes).toMatchObject({ res: '{"headers":{},"statusCode":200}', responseTime: "7" });
    expect(Object.keys(attributes).sort()).toEqual(["req", "request.id", "res", "responseTime"]);
    // The handler's `req.log` line carries the `req` pino-http bound on it, without `res`: the same id joins it.
    expect(handler!.Body).toBe("inside handler");
    expect(attributesOf(handler!)).toMatchObject({ orderId: "o-1", "request.id": "1" });
    expect(Object.keys(attributesOf(handler!)).sort()).toEqual(["orderId", "req", "request.id"]);
  });

  it.each(ENCODINGS)("with lifting off the join holds too, and the rows are otherwise the same (%s)", (encoding) => {
    expect(captured(encoding, notLifting)).toEqual(captured(encoding));
  });

  it.each(ENCODINGS)("with quietReqLogger the handler's line carries reqId alone, read as an alias, as the request line is (%s)", (encoding) => {
    const quiet = capturedRequest("pino-http-quiet-otel-transport.json");
    const [handler, completed] = quiet(encoding);
    expect(attributesOf(handler!)).toEqual({ reqId: "1", orderId: "o-1", "request.id": "1" });
    expect(attributesOf(completed!)).toMatchObject({ reqId: "1", "request.id": "1" });
    expect(quiet(encoding, notLifting)).toEqual(quiet(encoding));
  });

  it.each(ENCODINGS)("with pino's redact removing req.headers and the socket's members, the handler's req (id, method, url) gives req.id too: the transport's scope shows pino (%s)", (encoding) => {
    const [handler, completed] = capturedRequest("pino-http-redact-otel-transport.json")(encoding);
    expect(JSON.parse(attributesOf(handler!).req!)).toEqual({ id: 1, method: "GET", url: "/cart?x=1" });
    // The transport sends pino's level, msg and time as the record's own fields: its scope `unknown` is the evidence left.
    expect(attributesOf(handler!)["request.id"]).toBe("1");
    expect(attributesOf(completed!)["request.id"]).toBe("1");
  });
});

/** A request a sender posted, as posted (`.json` OTLP/JSON, `.pb` protobuf), with its records' scope replaced where `scope` is given. */
function postedRows(name: string, options: { scope?: object; pipeline?: typeof lifting } = {}): { encoding: Encoding; rows: Row[] } {
  const bytes = new Uint8Array(readFileSync(new URL(`../fixtures/logger-captures/${name}`, import.meta.url)));
  const encoding: Encoding = name.endsWith(".pb") ? "protobuf" : "json";
  type Posted = { resourceLogs: { scopeLogs: { scope: object; logRecords: { observedTimeUnixNano: string }[] }[] }[] };
  const request = (encoding === "json" ? JSON.parse(new TextDecoder().decode(bytes)) : oracleDecode(oracle.logsRequest, bytes)) as Posted;
  const scopeLogs = request.resourceLogs[0]!.scopeLogs[0]!;
  const received = scopeLogs.logRecords[1]!.observedTimeUnixNano;
  if (options.scope !== undefined) scopeLogs.scope = options.scope;
  const body = options.scope === undefined ? bytes : encoding === "json" ? utf8.encode(JSON.stringify(request)) : oracleEncode(oracle.logsRequest, request);
  return { encoding, rows: prepareExport("logs", encoding, body, options.pipeline ?? lifting, received).batches.flatMap((batch) => batch.rows) as Row[] };
}

describe("pino's OTel senders with pino's redact (req holds id, method and url alone), as posted (test/fixtures/logger-captures)", () => {
  const REDACTED_REQ = { id: 1, method: "GET", url: "/cart?x=1" };

  it.each([
    // pino-opentelemetry-transport 4.0.2 without a loggerName: the OTel SDK's scope `unknown`.
    ["pino-http-redact-otel-transport.pb", "unknown"],
    // @opentelemetry/instrumentation-pino 0.69.0's log sending: its package's scope.
    ["pino-http-redact-instrumentation-pino.json", "@opentelemetry/instrumentation-pino"],
    ["pino-http-redact-instrumentation-pino.pb", "@opentelemetry/instrumentation-pino"],
  ])("%s: the handler's record and the request line get req.id as request.id (scope %s), with lifting off too", (name, scope) => {
    const { rows } = postedRows(name);
    expect(rows.map((row) => [row.ScopeName, row.Body, row.SeverityText])).toEqual([
      [scope, "inside handler", "INFO"],
      [scope, "request completed", "INFO"],
    ]);
    const [handler, completed] = rows.map(attributesOf);
    expect(JSON.parse(handler!.req!)).toEqual(REDACTED_REQ);
    expect(handler).toEqual({ req: handler!.req, orderId: "o-1", "request.id": "1" });
    expect(completed!["request.id"]).toBe("1");
    expect(postedRows(name, { pipeline: notLifting }).rows).toEqual(rows);
  });

  it("a transport given a loggerName writes the application's scope: the handler's record shows nothing of pino and gets no request.id", () => {
    const [handler, completed] = postedRows("pino-http-redact-otel-transport-named.json").rows;
    expect([handler!.ScopeName, handler!.ScopeVersion]).toEqual(["checkout", "1.4.2"]);
    expect(JSON.parse(attributesOf(handler!).req!)).toEqual(REDACTED_REQ);
    expect(attributesOf(handler!)).not.toHaveProperty("request.id");
    // The request line's req, res and responseTime side by side are pino-http's whatever the scope.
    expect(attributesOf(completed!)["request.id"]).toBe("1");
  });

  it.each([
    ["Bunyan's instrumentation", { name: "@opentelemetry/instrumentation-bunyan", version: "0.58.0" }],
    ["winston's OTel transport", { name: "@opentelemetry/winston-transport", version: "0.17.0" }],
    ["an application's own OTel SDK logger", { name: "checkout", version: "1.4.2" }],
    ["a sender writing no scope", {}],
  ])("the same records under %s: an app's own req (id, method, url) gives no request.id, as JSON and protobuf", (_sender, scope) => {
    for (const name of ["pino-http-redact-instrumentation-pino.json", "pino-http-redact-instrumentation-pino.pb"]) {
      for (const pipeline of [lifting, notLifting]) {
        const [handler] = postedRows(name, { scope, pipeline }).rows;
        expect(JSON.parse(attributesOf(handler!).req!)).toEqual(REDACTED_REQ);
        expect(attributesOf(handler!)).not.toHaveProperty("request.id");
      }
    }
  });
});

describe("Bunyan's records sent as attributes under the scope `unknown` (a bridge naming no scope), from the captured lines (test/fixtures/logger-captures)", () => {
  const [handlerLine, requestLine] = capturedText("bunyan-lines.jsonl").trimEnd().split("\n").map((text) => JSON.parse(text) as JsonObject);
  const APP_REQ = { id: "partner-42", method: "POST", url: "https://partner.example/api" };
  /** The captured handler's line with `req_id` replaced by `req`, sent as a bridge sends a logged object: `msg` the body, the rest attributes. */
  const unknownScopeRow = (req: JsonObject, encoding: Encoding, pipeline = lifting, captured: JsonObject = handlerLine!) => {
    const { msg, req_id: _alias, ...fields } = captured;
    return rowsOf([{ body: line(msg as string), attributes: mapEntriesOf({ ...fields, req }) }], encoding, pipeline, { name: "unknown" })[0]!;
  };

  it.each(ENCODINGS)("an application's own req (id, method, url; or Bunyan's serializer's map given an id) gives no request.id: `v` 0 wins over the scope, lifting on or off (%s)", (encoding) => {
    for (const req of [APP_REQ, { id: "partner-42", ...(requestLine!.req as JsonObject) }]) {
      for (const pipeline of [lifting, notLifting]) {
        const row = unknownScopeRow(req, encoding, pipeline);
        expect([row.ScopeName, attributesOf(row).v]).toEqual(["unknown", "0"]);
        expect(attributesOf(row)).not.toHaveProperty("request.id");
      }
    }
  });

  it.each(ENCODINGS)("the child logger's req_id, an alias, still gives request.id there (%s)", (encoding) => {
    const { msg, ...fields } = handlerLine!;
    const row = rowsOf([{ body: line(msg as string), attributes: mapEntriesOf(fields) }], encoding, lifting, { name: "unknown" })[0]!;
    expect(attributesOf(row)["request.id"]).toBe(handlerLine!.req_id);
  });

  it.each(ENCODINGS)("the same record without Bunyan's `v` is read as pino's transport's in that scope (%s)", (encoding) => {
    const { v: _version, ...notBunyan } = handlerLine!;
    expect(attributesOf(unknownScopeRow(APP_REQ, encoding, lifting, notBunyan))["request.id"]).toBe("partner-42");
  });
});

describe("an application's own `v` of 0 in a record of pino's senders", () => {
  const req = map("req", str("id", "rid-1"), str("method", "GET"), str("url", "/x"));
  const requestIdUnder = (scope: object, attributes: object[], encoding: Encoding) => attributesOf(rowsOf([{ body: line("m"), attributes }], encoding, lifting, scope)[0]!)["request.id"];

  it.each(ENCODINGS)("keeps pino's reading without a `time` text: instrumentation-pino's and the transport's scope `unknown` (%s)", (encoding) => {
    for (const name of ["@opentelemetry/instrumentation-pino", "unknown"]) {
      expect(requestIdUnder({ name }, [req, int("v", 0)], encoding), name).toBe("rid-1");
      expect(requestIdUnder({ name }, [req, double("v", 0)], encoding), name).toBe("rid-1");
    }
  });

  it.each(ENCODINGS)("refuses it beside Bunyan's ISO `time` under `unknown`, and under another scope beside `headers` without pino's epoch-ms time (%s)", (encoding) => {
    expect(requestIdUnder({ name: "unknown" }, [req, int("v", 0), str("time", "2026-12-06T13:47:18.590Z")], encoding)).toBeUndefined();
    const withHeaders = map("req", str("id", "rid-1"), str("method", "GET"), str("url", "/x"), map("headers", str("host", "h")));
    expect(requestIdUnder({ name: "@opentelemetry/instrumentation-bunyan" }, [withHeaders, int("v", 0)], encoding)).toBeUndefined();
    expect(requestIdUnder({ name: "@opentelemetry/instrumentation-bunyan" }, [withHeaders, int("v", 0), int("time", 1733230000123)], encoding)).toBe("rid-1");
  });
});

describe("pino-http's JSON lines, as captured (test/fixtures/logger-captures)", () => {
  const linesOf = (name: string) => capturedText(name).trimEnd().split("\n");

  it.each(ENCODINGS)("the handler's req.log line and the request line get req.id as request.id, as a line and as a map body (%s)", (encoding) => {
    const [handler, completed] = linesOf("pino-http-lines.jsonl");
    expect(JSON.parse(handler!)).not.toHaveProperty("res");
    for (const text of [handler!, completed!]) {
      const row = rowOf({ body: line(text) }, encoding);
      expect([row.SeverityText, attributesOf(row)["request.id"], attributesOf(row)["req.id"]]).toEqual(["INFO", "1", "1"]);
      expect(lifted(rowOf({ body: mapBody(...mapEntriesOf(JSON.parse(text) as JsonObject)) }, encoding))).toEqual(lifted(row));
    }
  });

  it.each(ENCODINGS)("with quietReqLogger, both lines' reqId is read as an alias, as a line and as a map body (%s)", (encoding) => {
    const [handler, completed] = linesOf("pino-http-quiet-lines.jsonl");
    expect(JSON.parse(handler!)).not.toHaveProperty("req");
    for (const text of [handler!, completed!]) {
      const row = rowOf({ body: line(text) }, encoding);
      expect(attributesOf(row)).toMatchObject({ reqId: "1", "request.id": "1" });
      expect(lifted(rowOf({ body: mapBody(...mapEntriesOf(JSON.parse(text) as JsonObject)) }, encoding))).toEqual(lifted(row));
    }
  });
});

describe("other request loggers' JSON lines, as captured (test/fixtures/logger-captures)", () => {
  const HAPI_ID = "1796564830929:api-1:17176:mxbwbbej:10000";
  const BUNYAN_ID = "5e2e5e61-dd0c-44a6-a29c-6d6c828da6fb";
  const none = (count: number) => Array<undefined>(count).fill(undefined);
  it.each([
    // pino's `redact` removing `req.headers`, `req.remoteAddress` and `req.remotePort`: `req` keeps id, method and url.
    ["pino-http-redact-lines.jsonl", ["1", "1"]],
    // A `req` serializer returning `{ id, method, url }`.
    ["pino-http-serializer-lines.jsonl", ["1", "1"]],
    // Nest's start-up lines carry no request; the controller's Logger line carries pino-http's `req`.
    ["nestjs-pino-lines.jsonl", [...none(6), "1", "1"]],
    // hapi's request id in `req.id`; the server's own `id` on its start and stop lines is no request's.
    ["hapi-pino-lines.jsonl", [undefined, HAPI_ID, HAPI_ID, undefined]],
    // fastify binds `reqId`, an alias, on every line of the request.
    ["fastify-lines.jsonl", [undefined, "req-1", "req-1", "req-1"]],
    // Bunyan's documented child logger `req_id`, an alias; its request serializer writes no id.
    ["bunyan-lines.jsonl", [BUNYAN_ID, BUNYAN_ID]],
    // express-winston's `meta.req` holds no id (only the caller's header), winston's own line none.
    ["express-winston-lines.jsonl", none(2)],
    // morgan-json's keys are the format's: a top-level `id` may be any JSON's.
    ["morgan-json-lines.jsonl", none(2)],
  ] as const)("%s: each line's request.id, as a line and as a map body", (name, expected) => {
    const texts = capturedText(name).trimEnd().split("\n");
    for (const encoding of ENCODINGS) {
      const ids = texts.map((text) => {
        // A line without a message keeps its body as written, a map body as the map's rendering: the attributes are the same.
        const attributes = attributesOf(rowOf({ body: line(text) }, encoding));
        expect(attributesOf(rowOf({ body: mapBody(...mapEntriesOf(JSON.parse(text) as JsonObject)) }, encoding))).toEqual(attributes);
        return attributes["request.id"];
      });
      expect(ids).toEqual(expected);
    }
  });
});

describe("pino-http's req sent as the record's attributes", () => {
  const requestLine = (id: object, ...more: object[]) => [map("req", { key: "id", value: id }, str("method", "GET")), map("res", int("statusCode", 200)), int("responseTime", 12), ...more];
  const id = (attributes: object[], encoding: Encoding) => attributesOf(rowOf({ body: line("request completed"), attributes }, encoding))["request.id"];

  it.each(ENCODINGS)("sets request.id from req's id, a string or an integer (whole doubles too), and only beside res and responseTime (%s)", (encoding) => {
    expect(id(requestLine({ stringValue: "req-abc" }), encoding)).toBe("req-abc");
    expect(id(requestLine({ intValue: "7" }), encoding)).toBe("7");
    expect(id(requestLine({ doubleValue: 7 }), encoding)).toBe("7");
    expect(id(requestLine({ doubleValue: 7.5 }), encoding)).toBeUndefined();
    expect(id(requestLine({ stringValue: "" }), encoding)).toBeUndefined();
    expect(id([map("req", str("id", "req-abc")), map("res", int("statusCode", 200))], encoding)).toBeUndefined();
    expect(id([str("req", '{"id":"req-abc"}'), map("res"), int("responseTime", 1)], encoding)).toBeUndefined();
    // A request-id alias comes first, as in a line; a request.id the record has stays.
    expect(id(requestLine({ stringValue: "req-abc" }, str("reqId", "r-1")), encoding)).toBe("r-1");
    const own = rowOf({ body: line("m"), attributes: requestLine({ stringValue: "req-abc" }, str("request.id", "mine")) }, encoding);
    expect(attributesOf(own)["request.id"]).toBe("mine");
  });

  it.each(ENCODINGS)("sets request.id from a req of pino's serializer's shape alone: id, method, url, and headers or remoteAddress (%s)", (encoding) => {
    const request = (...members: object[]) => [map("req", str("id", "req-abc"), str("method", "GET"), str("url", "/cart"), ...members), str("orderId", "o-1")];
    expect(id(request(map("headers", str("host", "api.example.com"))), encoding)).toBe("req-abc");
    expect(id(request(str("remoteAddress", "203.0.113.9"), int("remotePort", 50000)), encoding)).toBe("req-abc");
    // Fewer members, or a req sent as text, may be anything's.
    expect(id(request(), encoding)).toBeUndefined();
    expect(id([map("req", str("id", "req-abc"), str("method", "GET"), map("headers"))], encoding)).toBeUndefined();
    expect(id([str("req", '{"id":"req-abc","method":"GET","url":"/","headers":{}}')], encoding)).toBeUndefined();
  });

  it.each(ENCODINGS)("sets request.id from a req of id, method and url alone when the attributes are a pino line's: numeric level, and msg or epoch-ms time (%s)", (encoding) => {
    // As a Collector's JSON parsing of a pino line into the record's attributes leaves them.
    const request = map("req", str("id", "req-abc"), str("method", "GET"), str("url", "/cart"));
    expect(id([int("level", 30), int("time", 1733230000123), request, str("msg", "inside handler")], encoding)).toBe("req-abc");
    expect(id([double("level", 30), str("msg", "inside handler"), request], encoding)).toBe("req-abc");
    expect(id([str("level", "info"), str("msg", "inside handler"), request], encoding)).toBeUndefined();
    expect(id([int("level", 30), request], encoding)).toBeUndefined();
  });
});

describe("a whole number sent as doubleValue is read as the integer it is", () => {
  /** Every number a double, as the Collector's json_parser makes them. */
  const entriesOf = (object: JsonObject): object[] => mapEntriesOf(object, asDouble);

  it.each([
    ["pino's level 50 and pid, time as the Collector parses them", { level: 50, time: 1733230000123, pid: 4242, hostname: "h", msg: "charge failed" }, ["ERROR", 17], undefined],
    ["Bunyan's level and v", { name: "api", hostname: "h", pid: 7, level: 50, msg: "b", v: 0 }, ["ERROR", 17], undefined],
    ["Python's levelno 40.0", { levelno: 40, name: "app", funcName: "f", lineno: 3, message: "py" }, ["ERROR", 17], undefined],
    ["a reqId 12.0", { reqId: 12, msg: "m" }, ["", 0], "12"],
    ["pino-http's req.id 1.0", { level: 30, time: 1733230000123, req: { id: 1, method: "GET" }, res: { statusCode: 200 }, responseTime: 7, msg: "request completed" }, ["INFO", 9], "1"],
    ["trace_flags 1.0", { trace_id: TRACE_ID, span_id: SPAN_ID, trace_flags: 1, msg: "m" }, ["", 0], undefined],
  ] as const)("%s, as the JSON line (both encodings)", (_, object, severity, requestId) => {
    for (const encoding of ENCODINGS) {
      const fromMap = lifted(rowOf({ body: mapBody(...entriesOf(object)) }, encoding));
      expect(fromMap).toEqual(lifted(rowOf({ body: line(JSON.stringify(object)) }, encoding)));
      expect([fromMap.severity, fromMap.attributes["request.id"]]).toEqual([severity, requestId]);
    }
  });

  it.each(ENCODINGS)("sets what each reads: the level, request.id, the trace flags (%s)", (encoding) => {
    const pino = rowOf({ body: mapBody(double("level", 50), double("time", 1733230000123), double("pid", 4242), str("hostname", "h"), double("reqId", 12), str("msg", "m")) }, encoding);
    expect([pino.SeverityText, pino.SeverityNumber, attributesOf(pino)["request.id"]]).toEqual(["ERROR", 17, "12"]);
    expect(attributesOf(pino)).not.toHaveProperty("level");
    const flags = rowOf({ body: mapBody(str("trace_id", TRACE_ID), str("span_id", SPAN_ID), double("trace_flags", 1), str("msg", "m")) }, encoding);
    expect([flags.TraceId, flags.SpanId, flags.TraceFlags, attributesOf(flags)]).toEqual([TRACE_ID, SPAN_ID, 1, {}]);
  });

  it.each(ENCODINGS)("a bare attribute reqId 12.0 sets request.id 12 (%s)", (encoding) => {
    expect(attributesOf(rowOf({ body: line("m"), attributes: [double("reqId", 12)] }, encoding))).toEqual({ reqId: "12", "request.id": "12" });
  });

  it.each(ENCODINGS)("a fraction, or a double past 2^53, stays unread (%s)", (encoding) => {
    const pino = [double("time", 1733230000123), double("pid", 4242), str("hostname", "h"), str("msg", "m")];
    for (const level of [50.5, 1e300]) {
      const row = rowOf({ body: mapBody(double("level", level), ...pino) }, encoding);
      expect([row.SeverityText, row.SeverityNumber]).toEqual(["", 0]);
      expect(attributesOf(row)).toHaveProperty("level");
    }
    const id = rowOf({ body: mapBody(double("reqId", 1e300), str("msg", "m")), attributes: [double("requestId", 12.5)] }, encoding);
    expect(attributesOf(id)).not.toHaveProperty("request.id");
    const flags = rowOf({ body: mapBody(str("trace_id", TRACE_ID), str("span_id", SPAN_ID), double("trace_flags", 1.5), str("msg", "m")) }, encoding);
    expect([flags.TraceFlags, attributesOf(flags).trace_flags]).toEqual([0, "1.5"]);
  });
});

describe("a span id is lifted only with its trace", () => {
  const members: [string, string][] = [["trace_id", "abc"], ["span_id", SPAN_ID], ["msg", "m"]];
  const bodies = {
    "a JSON line": line(JSON.stringify(Object.fromEntries(members))),
    "a map body": mapBody(...members.map(([key, value]) => str(key, value))),
  };

  it.each(ENCODINGS.flatMap((encoding) => Object.entries(bodies).map(([shape, body]) => [shape, encoding, body] as const)))(
    "beside a trace id that is no id, in %s, neither is lifted: both stay attributes (%s)",
    (_, encoding, body) => {
      const row = rowOf({ body }, encoding);
      expect([row.TraceId, row.SpanId, row.Body]).toEqual(["", "", "m"]);
      expect(attributesOf(row)).toEqual({ trace_id: "abc", span_id: SPAN_ID });
      // Beside the record's own trace id too: the line's span id is of the trace it names, no valid one.
      const own = rowOf({ body, traceId: TRACE_ID }, encoding);
      expect([own.TraceId, own.SpanId]).toEqual([TRACE_ID, ""]);
      expect(attributesOf(own)).toEqual({ trace_id: "abc", span_id: SPAN_ID });
    },
  );

  it.each(ENCODINGS)("alone it stays an attribute, and fills the record's own trace's span (%s)", (encoding) => {
    const alone = rowOf({ body: line(`{"span_id":"${SPAN_ID}","msg":"m"}`) }, encoding);
    expect([alone.TraceId, alone.SpanId, attributesOf(alone)]).toEqual(["", "", { span_id: SPAN_ID }]);
    const own = rowOf({ body: line(`{"span_id":"${SPAN_ID}","msg":"m"}`), traceId: TRACE_ID }, encoding);
    expect([own.TraceId, own.SpanId, attributesOf(own)]).toEqual([TRACE_ID, SPAN_ID, {}]);
  });
});
