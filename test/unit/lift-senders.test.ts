/**
 * Lifting as real senders need it: Cloudflare's export (severity 9 with no text on every console
 * line), pino's numeric levels, ECS's `log.level`, structured (`kvlistValue`) bodies from log
 * bridges, the request-id names the platform's producers use, integers past 2^53, and the
 * `log.record.original` option.
 */
import { describe, expect, it } from "vitest";
import type { AnyValue, KeyValue, LogRecord } from "../../workers/shared/otlp/model";
import { DEFAULT_NORMALIZATION_OPTIONS, liftJsonBodies, liftJsonBody, normalizeLogsRequest, normalizeRecordSeverity, ORIGINAL_RECORD_ATTRIBUTE } from "../../workers/ingest/core/normalize";
import { requestIdOfLine } from "../../workers/ingest/core/normalize/line-request-id";
import { logRecord, logsRequest } from "../support/model-builders";

const str = (stringValue: string): AnyValue => ({ stringValue });
const int = (intValue: string): AnyValue => ({ intValue });
const attr = (key: string, value: AnyValue): KeyValue => ({ key, value });
const options: { maxDepth: number; keepOriginal?: boolean } = { maxDepth: 4 };

function record(body: AnyValue, overrides: Partial<LogRecord> = {}): LogRecord {
  return logRecord({ timeUnixNano: "1796000000000000000", body, ...overrides });
}

/** Lifts, then normalizes the severity, as the pipeline does. */
function normalized(body: AnyValue | string, overrides: Partial<LogRecord> = {}, liftOptions = options): LogRecord {
  const log = record(typeof body === "string" ? str(body) : body, overrides);
  expect(liftJsonBody(log, liftOptions)).toBe(true);
  normalizeRecordSeverity(log);
  return log;
}

const attributeMap = (log: LogRecord) => Object.fromEntries(log.attributes.map((a) => [a.key, a.value]));

/** Cloudflare's export: severityNumber 9, no text, attributes `name` and the sequence number. */
function cloudflareLine(): Partial<LogRecord> {
  return {
    severityNumber: 9,
    severityText: "",
    attributes: [attr("name", str("log")), attr("cloudflare.invocation.sequence.number", int("3"))],
  };
}

describe("which severity wins: the lifted level or the record's own", () => {
  it("a lifted level wins over Cloudflare's bare default (9, no text)", () => {
    const log = normalized('{"level":"error","msg":"checkout failed"}', cloudflareLine());
    expect([log.severityText, log.severityNumber, log.body]).toEqual(["ERROR", 17, str("checkout failed")]);
    expect(attributeMap(log)).toEqual({ name: str("log"), "cloudflare.invocation.sequence.number": int("3") });
  });

  it("a lifted level wins over an unset severity (0, no text)", () => {
    const log = normalized('{"level":"warn","msg":"slow"}', { severityNumber: 0, severityText: "" });
    expect([log.severityText, log.severityNumber]).toEqual(["WARN", 13]);
  });

  it("a line without a level keeps Cloudflare's 9 and reads INFO", () => {
    const log = normalized('{"msg":"ok"}', cloudflareLine());
    expect([log.severityText, log.severityNumber]).toEqual(["INFO", 9]);
  });

  it.each([
    ["an SDK's explicit text", { severityText: "ERROR", severityNumber: 17 }, ["ERROR", 17]],
    ["an explicit INFO text with its number", { severityText: "INFO", severityNumber: 9 }, ["INFO", 9]],
    ["a text without a number", { severityText: "warn", severityNumber: 0 }, ["WARN", 13]],
    ["a bare number other than the default", { severityText: "", severityNumber: 17 }, ["ERROR", 17]],
  ] as const)("%s is never replaced by a JSON level", (_, own, expected) => {
    const log = normalized('{"level":"debug","msg":"m"}', own);
    expect([log.severityText, log.severityNumber]).toEqual(expected);
    expect(attributeMap(log).level).toEqual(str("debug"));
  });
});

describe("level and message keys of logging libraries", () => {
  it("reads pino's level written as text in a body as it reads the number, and as it reads the same text in severityText", () => {
    const inBody = normalized('{"level":"50","time":1796000000000,"msg":"pino line"}', cloudflareLine());
    expect([inBody.severityText, inBody.severityNumber, inBody.body]).toEqual(["ERROR", 17, str("pino line")]);
    expect(attributeMap(inBody)).not.toHaveProperty("level");
    const asText = normalized('{"time":1796000000000,"msg":"pino line"}', { severityText: "50", severityNumber: 0 });
    expect([asText.severityText, asText.severityNumber]).toEqual([inBody.severityText, inBody.severityNumber]);
  });

  it.each(["level", "severity", "lvl", "log.level", "levelname", "log_level", "loglevel", "level_name", "Level"])("reads the level from %j", (key) => {
    const log = normalized(JSON.stringify({ [key]: "ERROR", message: "m" }));
    expect([log.severityText, log.severityNumber, log.body]).toEqual(["ERROR", 17, str("m")]);
    expect(attributeMap(log)).not.toHaveProperty(key);
  });

  it.each([
    ["LogLevel", "ERROR", { Category: "Shop" }],
    ["@l", "ERROR", { "@t": "2026-12-02T10:00:00Z" }],
    ["levelno", 40, { funcName: "charge" }],
    ["PRIORITY", "3", { SYSLOG_IDENTIFIER: "shop" }],
  ] as const)("reads the level from %j beside another member of its logger, and not alone", (key, level, member) => {
    const log = normalized(JSON.stringify({ [key]: level, message: "m", ...member }));
    expect([log.severityText, log.severityNumber, log.body]).toEqual(["ERROR", 17, str("m")]);
    expect(attributeMap(log)).toEqual(Object.fromEntries(Object.entries(member).map(([name, value]) => [name, str(value)])));
    const alone = normalized(JSON.stringify({ [key]: level, message: "m" }));
    expect([alone.severityText, alone.severityNumber, alone.body]).toEqual(["", 0, str("m")]);
    expect(attributeMap(alone)).toHaveProperty([key]);
  });

  it.each([
    // python-json-logger's default format
    ['{"asctime":"2026-12-02 10:00:00,123","name":"app","levelname":"WARNING","message":"py"}', "WARN", 13, "py", { asctime: str("2026-12-02 10:00:00,123"), name: str("app") }],
    // structlog's JSONRenderer: the message is `event`
    ['{"event":"user logged in","level":"info","timestamp":"2026-12-02T10:00:00Z"}', "INFO", 9, "user logged in", { timestamp: str("2026-12-02T10:00:00Z") }],
    // Google Cloud Logging's structured line
    ['{"severity":"ERROR","message":"gcp"}', "ERROR", 17, "gcp", {}],
    // Serilog's compact JSON: rendered message wins, the template stays an attribute
    ['{"@t":"2026-12-02T10:00:00Z","@l":"Warning","@m":"Hello ana","@mt":"Hello {User}","User":"ana"}', "WARN", 13, "Hello ana", { "@t": str("2026-12-02T10:00:00Z"), "@mt": str("Hello {User}"), User: str("ana") }],
    // Serilog's compact JSON without the rendered message
    ['{"@t":"2026-12-02T10:00:00Z","@l":"Error","@mt":"Failed {Id}","Id":7}', "ERROR", 17, "Failed 7", { "@t": str("2026-12-02T10:00:00Z"), "@mt": str("Failed {Id}"), Id: int("7") }],
    // Serilog's compact JSON at Information, which leaves `@l` out ("absent implies Information")
    ['{"@t":"2026-12-02T10:00:00.0000000Z","@mt":"User {UserId} logged in","UserId":42}', "INFO", 9, "User 42 logged in", { "@t": str("2026-12-02T10:00:00.0000000Z"), "@mt": str("User {UserId} logged in"), UserId: int("42") }],
    ['{"@t":"2026-12-02T10:00:00Z","@m":"Hello ana","@mt":"Hello {User}","User":"ana"}', "INFO", 9, "Hello ana", { "@t": str("2026-12-02T10:00:00Z"), "@mt": str("Hello {User}"), User: str("ana") }],
    // Logback's logstash-encoder: level_value stays
    ['{"level":"WARN","level_value":30000,"message":"lb","logger_name":"a.B"}', "WARN", 13, "lb", { level_value: int("30000"), logger_name: str("a.B") }],
    // Bunyan: numeric level as pino
    ['{"name":"svc","hostname":"h","pid":1,"level":50,"msg":"bunyan","v":0}', "ERROR", 17, "bunyan", { name: str("svc"), hostname: str("h"), pid: int("1"), v: int("0") }],
    // zap, zerolog, logrus
    ['{"level":"error","ts":1796000000.5,"msg":"zap"}', "ERROR", 17, "zap", { ts: { doubleValue: 1796000000.5 } }],
    ['{"level":"warn","time":"2026-12-02T10:00:00Z","message":"zerolog"}', "WARN", 13, "zerolog", { time: str("2026-12-02T10:00:00Z") }],
    ['{"level":"warning","msg":"logrus","time":"2026-12-02T10:00:00Z"}', "WARN", 13, "logrus", { time: str("2026-12-02T10:00:00Z") }],
    // a line with a message keeps `event` as an attribute
    ['{"level":"info","msg":"m","event":"order.created"}', "INFO", 9, "m", { event: str("order.created") }],
    // structlog: `log_level` (capture_logs, and renderers configured so) with `event` as the message
    ['{"event":"x","log_level":"error"}', "ERROR", 17, "x", {}],
    ['{"event":"charge failed","log_level":"warning","timestamp":"2026-12-02T10:00:00Z","logger":"billing"}', "WARN", 13, "charge failed", { timestamp: str("2026-12-02T10:00:00Z"), logger: str("billing") }],
    // Microsoft.Extensions.Logging's JSON console formatter: its `Message` beside `LogLevel` is the message
    ['{"EventId":0,"LogLevel":"Warning","Category":"Shop.Cart","Message":"low stock"}', "WARN", 13, "low stock", { EventId: int("0"), Category: str("Shop.Cart") }],
    // Serilog's JsonFormatter
    ['{"Timestamp":"2026-12-02T10:00:00Z","Level":"Error","MessageTemplate":"Failed {Id}","message":"Failed 7"}', "ERROR", 17, "Failed 7", { Timestamp: str("2026-12-02T10:00:00Z"), MessageTemplate: str("Failed {Id}") }],
    // Monolog: `level_name` and `channel` show its scale, on which 400 is ERROR; the name stays
    ['{"message":"m","context":{},"level":400,"level_name":"ERROR","channel":"app"}', "ERROR", 17, "m", { context: str("{}"), level_name: str("ERROR"), channel: str("app") }],
    // Ruby's semantic_logger and Logger JSON formatters
    ['{"level":"warn","level_index":3,"message":"ruby","name":"Orders"}', "WARN", 13, "ruby", { level_index: int("3"), name: str("Orders") }],
    ['{"severity":"ERROR","message":"rails","progname":"web"}', "ERROR", 17, "rails", { progname: str("web") }],
  ])("reads %s", (line, text, number, message, attributes) => {
    const log = normalized(line);
    expect([log.severityText, log.severityNumber, log.body]).toEqual([text, number, str(message)]);
    expect(attributeMap(log)).toEqual(attributes);
  });

  it.each([
    ["winston's colorize() in the body", String.raw`{"level":"\u001b[31merror\u001b[39m","message":"x"}`, {}, "ERROR", 17],
    ["a bold colour", String.raw`{"level":"\u001b[1;33mwarn\u001b[22;39m","message":"x"}`, {}, "WARN", 13],
    ["in severityText", '{"message":"x"}', { severityText: "\u001b[32minfo\u001b[39m", severityNumber: 0 }, "INFO", 9],
  ] as const)("reads a level coloured with ANSI escapes: %s", (_, line, own, text, number) => {
    const log = normalized(line, own as Partial<LogRecord>);
    expect([log.severityText, log.severityNumber, log.body]).toEqual([text, number, str("x")]);
    expect(attributeMap(log)).not.toHaveProperty("level");
  });

  it("reads an ECS line (flat log.level, message)", () => {
    const line = '{"@timestamp":"2026-11-30T12:00:00.000Z","log.level":"warn","message":"disk almost full","ecs.version":"8.10.0"}';
    const log = normalized(line);
    expect([log.severityText, log.body]).toEqual(["WARN", str("disk almost full")]);
    expect(attributeMap(log)).toEqual({ "@timestamp": str("2026-11-30T12:00:00.000Z"), "ecs.version": str("8.10.0") });
  });
});

describe("ECS's level nested as {\"log\":{\"level\":…}}", () => {
  it("is the level, and the log map's other members stay attributes", () => {
    const log = normalized('{"@timestamp":"2026-11-30T12:00:00.000Z","log":{"level":"error","logger":"app.db"},"message":"lost connection"}', cloudflareLine());
    expect([log.severityText, log.severityNumber, log.body]).toEqual(["ERROR", 17, str("lost connection")]);
    expect(attributeMap(log)).toEqual({
      name: str("log"),
      "cloudflare.invocation.sequence.number": int("3"),
      "@timestamp": str("2026-11-30T12:00:00.000Z"),
      "log.logger": str("app.db"),
    });
  });

  it("yields to a flat level key, whose value it then keeps as the attribute log.level", () => {
    const log = normalized('{"log.level":"warn","log":{"level":"error","origin":{"function":"f"}},"message":"m"}');
    expect([log.severityText, log.severityNumber]).toEqual(["WARN", 13]);
    expect(attributeMap(log)).toEqual({ "log.level": str("error"), "log.origin.function": str("f") });
  });

  it("with a level that names none, stays an attribute, as a flat key's does", () => {
    const log = normalized('{"log":{"level":"loud"},"message":"m"}');
    expect([log.severityText, log.severityNumber]).toEqual(["", 0]);
    expect(attributeMap(log)).toEqual({ "log.level": str("loud") });
  });

  it("at maxDepth 1 keeps the log map whole as JSON text, the level in it", () => {
    const log = normalized('{"log":{"level":"error","logger":"a"},"message":"m"}', {}, { maxDepth: 1 });
    expect([log.severityText, log.severityNumber]).toEqual(["ERROR", 17]);
    expect(attributeMap(log)).toEqual({ log: str('{"level":"error","logger":"a"}') });
  });

  it("makes `event` structlog's message as a flat level key does", () => {
    const log = normalized('{"event":"x","log":{"level":"info"}}');
    expect([log.severityText, log.body]).toEqual(["INFO", str("x")]);
  });
});

describe("numeric levels by the scale the line's shape shows", () => {
  const python = { name: "app", funcName: "charge", lineno: 88, message: "py line" };
  const pino = { time: 1796000000000, pid: 7, hostname: "h", msg: "pino line" };

  it.each([
    ["pino's", 10, "TRACE", 1],
    ["pino's", 20, "DEBUG", 5],
    ["pino's", 30, "INFO", 9],
    ["pino's", 40, "WARN", 13],
    ["pino's", 50, "ERROR", 17],
    ["pino's", 60, "FATAL", 21],
    ["Python's", 10, "DEBUG", 5],
    ["Python's", 20, "INFO", 9],
    ["Python's", 30, "WARN", 13],
    ["Python's", 40, "ERROR", 17],
    ["Python's", 50, "FATAL", 21],
    ["Python's", 45, "ERROR", 20],
    ["Python's", 21, "INFO", 10],
    ["Python's", 99, "FATAL", 24],
  ] as const)("%s level %d in a line of its shape is %s (%i), as its OTel bridge maps it", (shape, level, text, number) => {
    const line = shape === "pino's" ? { level, ...pino } : { level, ...python };
    const log = normalized(JSON.stringify(line), cloudflareLine());
    expect([log.severityText, log.severityNumber, log.body]).toEqual([text, number, str(shape === "pino's" ? "pino line" : "py line")]);
    expect(attributeMap(log)).not.toHaveProperty("level");
  });

  it("Python's levelno is on Python's scale by its name, and a level under DEBUG is none", () => {
    const error = normalized('{"levelno":40,"name":"billing","message":"m"}');
    expect([error.severityText, error.severityNumber]).toEqual(["ERROR", 17]);
    const notSet = normalized('{"levelno":5,"name":"billing","message":"m"}');
    expect([notSet.severityText, notSet.severityNumber]).toEqual(["", 0]);
    expect(attributeMap(notSet)).toEqual({ levelno: int("5"), name: str("billing") });
  });

  it("one Python key is no evidence of Python's scale: a number beside it stays an attribute", () => {
    const log = normalized('{"level":40,"module":"billing","message":"m"}');
    expect([log.severityText, log.severityNumber]).toEqual(["", 0]);
    expect(attributeMap(log)).toEqual({ level: int("40"), module: str("billing") });
    const two = normalized('{"level":40,"module":"billing","lineno":12,"message":"m"}');
    expect([two.severityText, two.severityNumber]).toEqual(["ERROR", 17]);
  });

  it("a name beside a Python number is read first, whatever the number", () => {
    const log = normalized('{"levelname":"ERROR","levelno":40,"message":"m"}');
    expect([log.severityText, log.severityNumber]).toEqual(["ERROR", 17]);
    expect(attributeMap(log)).toEqual({ levelno: int("40") });
  });

  it("pino's 40 stays WARN with a child logger's `logger` key, and with a Python-like key among pino's own", () => {
    const child = normalized(JSON.stringify({ level: 40, ...pino, logger: "db" }));
    expect([child.severityText, child.severityNumber]).toEqual(["WARN", 13]);
    const module = normalized(JSON.stringify({ level: 50, ...pino, logger: "db", module: "cart" }));
    expect([module.severityText, module.severityNumber]).toEqual(["ERROR", 17]);
  });

  it("pino's whole default line decides for pino whatever other keys it carries", () => {
    const log = normalized(JSON.stringify({ level: 40, ...pino, module: "m", lineno: 1, funcName: "f", filename: "x.js", pathname: "/x.js" }));
    expect([log.severityText, log.severityNumber]).toEqual(["WARN", 13]);
    const bunyan = normalized('{"name":"svc","hostname":"h","pid":1,"level":40,"msg":"b","time":"2026-12-02T10:00:00Z","v":0,"lineno":3,"module":"m","funcName":"f","pathname":"/p"}');
    expect([bunyan.severityText, bunyan.severityNumber]).toEqual(["WARN", 13]);
  });

  it.each([
    ["only a number", '{"level":40}'],
    ["a number and a logger name", '{"level":40,"logger":"db","message":"m"}'],
    ["as much of each shape", '{"level":40,"msg":"m","lineno":3}'],
    ["a number as text", '{"level":"40","message":"m"}'],
  ])("a line with %s shows no scale: the level stays an attribute and the severity unset", (_, line) => {
    const log = normalized(line, { severityText: "", severityNumber: 0 });
    expect([log.severityText, log.severityNumber]).toEqual(["", 0]);
    expect(attributeMap(log)).toHaveProperty("level");
  });

  it("a record's own numeric severity text with no number is read on the scale its body shows, else stays", () => {
    const onPython = normalized(JSON.stringify(python), { severityText: "40", severityNumber: 0 });
    expect([onPython.severityText, onPython.severityNumber]).toEqual(["ERROR", 17]);
    const onPino = normalized(JSON.stringify(pino), { severityText: "40", severityNumber: 0 });
    expect([onPino.severityText, onPino.severityNumber]).toEqual(["WARN", 13]);
    // The text as sent is kept for the row's note (otel.severity_text.original) when it says
    // more than the level stored: Python's 40 does, pino's 40 is WARN's spelling on its scale.
    expect([onPython.originalSeverityText, onPino.originalSeverityText]).toEqual(["40", undefined]);
    const unknown = normalized('{"message":"m"}', { severityText: "40", severityNumber: 0 });
    expect([unknown.severityText, unknown.severityNumber, unknown.originalSeverityText]).toEqual(["40", 0, undefined]);
  });
});

describe("structured (kvlistValue) bodies are lifted like JSON string bodies", () => {
  const kvlist = (...entries: KeyValue[]): AnyValue => ({ kvlistValue: entries });

  it("takes level, message and ids, and flattens the rest keeping each value's type", () => {
    const body = kvlist(
      attr("level", str("error")),
      attr("msg", str("payment failed")),
      attr("trace_id", str("4BF92F3577B34DA6A3CE929D0E0E4736")),
      attr("payment_id", int("2305843009213693953")),
      attr("amount", { doubleValue: 10 }),
      attr("order", kvlist(attr("id", int("991")), attr("tags", { arrayValue: [str("a")] }))),
    );
    const log = normalized(body, cloudflareLine());
    expect([log.severityText, log.severityNumber, log.body, log.traceId]).toEqual([
      "ERROR",
      17,
      str("payment failed"),
      "4bf92f3577b34da6a3ce929d0e0e4736",
    ]);
    expect(attributeMap(log)).toEqual({
      name: str("log"),
      "cloudflare.invocation.sequence.number": int("3"),
      payment_id: int("2305843009213693953"),
      amount: { doubleValue: 10 },
      "order.id": int("991"),
      "order.tags": { arrayValue: [str("a")] },
    });
  });

  it("reads a pino level sent as intValue by the map's pino shape, and keeps maps past the depth limit as maps", () => {
    const deep = kvlist(attr("b", kvlist(attr("c", str("d")))));
    const log = record(kvlist(attr("level", int("40")), attr("pid", int("7")), attr("hostname", str("h")), attr("a", deep)));
    liftJsonBody(log, { maxDepth: 2 });
    normalizeRecordSeverity(log);
    expect([log.severityText, log.severityNumber]).toEqual(["WARN", 13]);
    expect(attributeMap(log)).toEqual({ pid: int("7"), hostname: str("h"), "a.b": kvlist(attr("c", str("d"))) });
  });

  it("reads an intValue level on Python's scale beside Python's keys, and leaves one with no evidence unread", () => {
    const python = normalized(kvlist(attr("levelno", int("40")), attr("funcName", str("pay")), attr("message", str("m"))));
    expect([python.severityText, python.severityNumber, python.body]).toEqual(["ERROR", 17, str("m")]);
    const bare = normalized(kvlist(attr("level", int("40")), attr("message", str("m"))));
    expect([bare.severityText, bare.severityNumber]).toEqual(["", 0]);
    expect(attributeMap(bare)).toEqual({ level: int("40") });
  });

  it("reads ECS's nested log.level in a map, leaving the map's other members", () => {
    const log = normalized(kvlist(attr("log", kvlist(attr("level", str("error")), attr("logger", str("app")))), attr("message", str("m"))));
    expect([log.severityText, log.severityNumber, log.body]).toEqual(["ERROR", 17, str("m")]);
    expect(attributeMap(log)).toEqual({ "log.logger": str("app") });
  });
});

describe("request-id aliases also set request.id", () => {
  it.each([
    ["requestId", "req_abc123"],
    ["request_id", "0191c3f0-7b1e-7c3a-9a51-2d7e0f3c4b5a"],
    ["reqId", "req-1"],
    ["correlationId", "8F42B1C3-5D9E-4A7B-B2E1-9C3F4D5A6E7B"],
    ["correlation_id", "7c9e6679-7425-40de-944b-e07fc1f90ae7"],
    ["x-request-id", "edge-42"],
  ])("%s", (key, id) => {
    const log = normalized(JSON.stringify({ level: "info", msg: "m", [key]: id }));
    expect(attributeMap(log)).toEqual({ [key]: str(id), "request.id": str(id) });
  });

  it("keeps an integer id exact, and takes ids from structured bodies", () => {
    expect(attributeMap(normalized('{"reqId":12}'))["request.id"]).toEqual(int("12"));
    const log = normalized({ kvlistValue: [attr("requestId", str("r-9"))] });
    expect(attributeMap(log)["request.id"]).toEqual(str("r-9"));
  });

  it("never replaces a request.id the line or the record already has", () => {
    expect(attributeMap(normalized('{"request":{"id":"mine"},"requestId":"other"}'))["request.id"]).toEqual(str("mine"));
    expect(attributeMap(normalized('{"request.id":"mine","requestId":"other"}'))["request.id"]).toEqual(str("mine"));
    const own = normalized('{"requestId":"other"}', { attributes: [attr("request.id", str("mine"))] });
    expect(own.attributes.filter((a) => a.key === "request.id")).toEqual([attr("request.id", str("mine"))]);
  });

  it("takes the id from the record's own attributes when a logger sends its fields so (pino-opentelemetry-transport's reqId)", () => {
    // pino-opentelemetry-transport: the message is the body, the logged object's members are
    // attributes, a nested one a map (the captured request: lift-sent-maps.test.ts).
    const res: AnyValue = { kvlistValue: [attr("statusCode", int("200"))] };
    const pino = record(str("request completed"), { attributes: [attr("reqId", str("req-7")), attr("res", res)] });
    const withBodyAlias = record(str('{"msg":"m","requestId":"from-body"}'), { attributes: [attr("reqId", int("42"))] });
    const own = record(str("m"), { attributes: [attr("reqId", str("alias")), attr("request.id", str("mine"))] });
    const notAnId = record(str("m"), { attributes: [attr("reqId", { boolValue: true })] });
    liftJsonBodies(logsRequest([pino, withBodyAlias, own, notAnId]), options);
    expect(attributeMap(pino)).toEqual({ reqId: str("req-7"), res, "request.id": str("req-7") });
    // The record's own attribute wins over the body's alias, as for every other key.
    expect(attributeMap(withBodyAlias)["request.id"]).toEqual(int("42"));
    expect(own.attributes.filter((a) => a.key === "request.id")).toEqual([attr("request.id", str("mine"))]);
    expect(attributeMap(notAnId)).not.toHaveProperty("request.id");
  });

  it("joins a record's own alias with lifting off too", () => {
    const pino = record(str('{"msg":"m","requestId":"from-body"}'), { attributes: [attr("reqId", str("req-7"))] });
    normalizeLogsRequest(logsRequest([pino]), { ...DEFAULT_NORMALIZATION_OPTIONS, liftJsonBodies: false });
    expect(attributeMap(pino)).toEqual({ reqId: str("req-7"), "request.id": str("req-7") });
    expect(pino.body).toEqual(str('{"msg":"m","requestId":"from-body"}'));
  });

  it("takes pino-http's req.id on its request lines (req, res and responseTime), and no other line's req.id", () => {
    const completed = '{"level":30,"time":1733230000123,"pid":7,"req":{"id":7,"method":"GET","url":"/"},"res":{"statusCode":200},"responseTime":4,"msg":"request completed"}';
    expect(attributeMap(normalized(completed))["request.id"]).toEqual(int("7"));
    // The tail Worker joins its records of the invocation on the same id.
    expect(requestIdOfLine(completed)).toBe("7");
    const uuid = '{"req":{"id":"0191c3f0-7b1e","method":"POST"},"res":{"statusCode":500},"err":{"message":"x"},"responseTime":9,"msg":"request errored"}';
    expect(attributeMap(normalized(uuid))["request.id"]).toEqual(str("0191c3f0-7b1e"));
    // A line's own request-id alias wins, as it comes first.
    expect(attributeMap(normalized('{"reqId":"r-1","req":{"id":2},"res":{},"responseTime":1}'))["request.id"]).toEqual(str("r-1"));
    // Without pino-http's shape, `req` may be anything (a queue request, a retry's).
    expect(attributeMap(normalized('{"msg":"retrying","req":{"id":3},"attempt":2}'))).not.toHaveProperty("request.id");
    expect(attributeMap(normalized('{"msg":"retrying","req":{"id":3,"method":"GET","url":"/"},"attempt":2}'))).not.toHaveProperty("request.id");
    expect(attributeMap(normalized('{"req":{"id":3},"res":{"statusCode":200}}'))).not.toHaveProperty("request.id");
    expect(attributeMap(normalized('{"req":{"id":""},"res":{},"responseTime":1}'))).not.toHaveProperty("request.id");
  });

  it("takes the req.id of a req of pino's serializer's shape (what pino-http binds on req.log) without res and responseTime", () => {
    const handler = '{"level":30,"time":1733230000123,"pid":7,"req":{"id":7,"method":"GET","url":"/cart","headers":{"host":"api.example.com"},"remoteAddress":"::1","remotePort":50412},"orderId":"o-1","msg":"inside handler"}';
    expect(attributeMap(normalized(handler))["request.id"]).toEqual(int("7"));
    expect(requestIdOfLine(handler)).toBe("7");
    expect(requestIdOfLine('{"req":{"id":"a1","method":"GET","url":"/","remoteAddress":"::1"},"msg":"m"}')).toBe("a1");
    // Not flattened (LIFT_MAX_DEPTH 1), `req` is kept whole and gives no id, as on the request line.
    expect(requestIdOfLine(handler, 1)).toBeUndefined();
    // `req` as written by something else: members missing, or not a map.
    expect(requestIdOfLine('{"req":{"id":"a1","method":"GET","headers":{}},"msg":"m"}')).toBeUndefined();
    expect(requestIdOfLine('{"req":{"id":"a1","url":"/","headers":{}},"msg":"m"}')).toBeUndefined();
    expect(requestIdOfLine('{"req":"a1","req.id":"a1","req.method":"GET","req.url":"/","req.headers":{},"msg":"m"}')).toBeUndefined();
  });

  it("takes the req.id of a req holding only id, method and url on a line pino wrote (numeric level, and msg or epoch-ms time), on no other line", () => {
    const request = '"req":{"id":7,"method":"GET","url":"/cart"}';
    // pino's `redact` removing headers and the socket's members, or a `req` serializer returning `{ id, method, url }`.
    expect(requestIdOfLine(`{"level":30,"time":1733230000123,"pid":7,"hostname":"api-1",${request},"msg":"inside handler"}`)).toBe("7");
    expect(requestIdOfLine(`{"level":30,${request},"msg":"inside handler"}`)).toBe("7");
    expect(requestIdOfLine(`{"level":30,"time":1733230000123,${request},"orderId":"o-1"}`)).toBe("7");
    // An application's own `req` (an outgoing call's, a job's) on a line of another shape: a level name, no level, no pino time or text message.
    expect(requestIdOfLine(`{"level":"info",${request},"msg":"calling partner"}`)).toBeUndefined();
    expect(requestIdOfLine(`{${request},"msg":"calling partner","time":1733230000123}`)).toBeUndefined();
    expect(requestIdOfLine(`{"level":30,${request},"time":"2024-12-03T12:46:40.123Z"}`)).toBeUndefined();
    expect(requestIdOfLine(`{"level":30,${request},"time":1733230000,"msg":{"text":"m"}}`)).toBeUndefined();
    // pino's level formatter writing the label: its time, pid and hostname say pino.
    expect(requestIdOfLine(`{"level":"info","time":1796571413818,"pid":9544,"hostname":"vm",${request},"orderId":"o-1","msg":"inside handler"}`)).toBe("7");
    expect(requestIdOfLine(`{"level":"info","time":"2026-12-06T15:36:53.746Z","pid":9544,"hostname":"vm",${request},"msg":"calling partner"}`)).toBeUndefined();
    // Bunyan (its `"v":0` on every line) logging an outgoing call's `req`: its own request serializer writes no id.
    expect(requestIdOfLine(`{"name":"app","hostname":"vm","pid":9544,"level":30,"req":{"id":"partner-42","method":"POST","url":"https://partner.example/api"},"msg":"calling partner","time":"2026-12-06T15:36:53.746Z","v":0}`)).toBeUndefined();
    expect(requestIdOfLine(`{"name":"app","hostname":"vm","pid":9544,"level":30,"req":{"id":"partner-42","method":"POST","url":"https://partner.example/api","headers":{"host":"partner.example"}},"msg":"calling partner","time":"2026-12-06T15:36:53.746Z","v":0}`)).toBeUndefined();
    // Bunyan's version as text is Bunyan's too; a pino line with an application's own `"v":0` keeps pino's epoch-ms `time`, and its request id.
    expect(requestIdOfLine(`{"name":"a","level":30,"req":{"id":"r","method":"GET","url":"/","headers":{}},"msg":"m","v":"0"}`)).toBeUndefined();
    expect(requestIdOfLine('{"level":30,"time":1733230000123,"pid":1,"hostname":"h","req":{"id":7,"method":"GET","url":"/","headers":{}},"msg":"m","v":0}')).toBe("7");
    expect(requestIdOfLine('{"level":30,"time":1733230000123,"req":{"id":7,"method":"GET","url":"/","remoteAddress":"::1"},"msg":"m","v":0}')).toBe("7");
    // A pino line's `req` without all three stays anything's.
    expect(requestIdOfLine('{"level":30,"time":1733230000123,"req":{"id":7,"method":"GET"},"msg":"m"}')).toBeUndefined();
  });

  it("ignores aliases holding objects or fractions", () => {
    expect(attributeMap(normalized('{"requestId":{"a":1},"reqId":1.5}'))).not.toHaveProperty("request.id");
  });
});

describe("integers in lifted bodies keep every digit", () => {
  it("keeps an id past 2^53 as the exact integer", () => {
    const log = normalized('{"msg":"paid","payment_id":2305843009213693953,"amount":12.5,"big_double":1e300}');
    expect(attributeMap(log)).toEqual({ payment_id: int("2305843009213693953"), amount: { doubleValue: 12.5 }, big_double: { doubleValue: 1e300 } });
    expect(log.body).toEqual(str("paid"));
  });

  it("keeps exact digits in nested keys, arrays stored as text and negative values, after restoring what a first pass changed", () => {
    const line = '{"level":"error","msg":"m","order":{"id":-9223372036854775808},"ids":[9007199254740993,1],"too_big":18446744073709551616}';
    const log = normalized(line, cloudflareLine());
    expect([log.severityText, log.severityNumber]).toEqual(["ERROR", 17]);
    expect(attributeMap(log)).toEqual({
      name: str("log"),
      "cloudflare.invocation.sequence.number": int("3"),
      "order.id": int("-9223372036854775808"),
      ids: str("[9007199254740993,1]"),
      too_big: str("18446744073709551616"),
    });
  });
});

describe("log.record.original (off by default)", () => {
  const line = '{"level":"error","msg":"paid","payment_id":2305843009213693953}';

  it("is not added unless asked for", () => {
    expect(attributeMap(normalized(line))).not.toHaveProperty(ORIGINAL_RECORD_ATTRIBUTE);
  });

  it("keeps the whole line as written, and a structured body as it was", () => {
    const log = normalized(line, {}, { maxDepth: 4, keepOriginal: true });
    expect(attributeMap(log)[ORIGINAL_RECORD_ATTRIBUTE]).toEqual(str(line));
    const body: AnyValue = { kvlistValue: [attr("msg", str("m")), attr("n", int("1"))] };
    const structured = normalized(body, {}, { maxDepth: 4, keepOriginal: true });
    expect(attributeMap(structured)[ORIGINAL_RECORD_ATTRIBUTE]).toEqual(body);
  });

  it("is not added to bodies that are not lifted", () => {
    const log = record(str("plain text"));
    expect(liftJsonBody(log, { maxDepth: 4, keepOriginal: true })).toBe(false);
    expect(log.attributes).toEqual([]);
  });
});
