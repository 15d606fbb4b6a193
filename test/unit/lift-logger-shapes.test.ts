/**
 * Each widely used JSON logger's line, in the shape its formatter writes by default (or in the
 * configuration its documentation shows for JSON), lifted as its sender meant: the level on the
 * logger's own scale, its message as the body, its trace context in the record's ids and flags,
 * and every other member kept as an attribute (log-shapes.ts; the survey is in
 * docs/normalization-and-redaction.md, "What each JSON logger's line becomes").
 */
import { describe, expect, it } from "vitest";
import type { AnyValue, KeyValue, LogRecord } from "../../workers/shared/otlp/model";
import { liftJsonBody, normalizeRecordSeverity } from "../../workers/ingest/core/normalize";
import { LEVEL_FIELDS, MESSAGE_FIELDS, SPAN_ID_FIELDS, TRACE_FLAGS_FIELDS, TRACE_ID_FIELDS } from "../../workers/ingest/core/normalize/log-shapes";
import { logRecord } from "../support/model-builders";

const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
const SPAN = "00f067aa0ba902b7";
const str = (stringValue: string): AnyValue => ({ stringValue });
const int = (intValue: string): AnyValue => ({ intValue });
const attr = (key: string, value: AnyValue): KeyValue => ({ key, value });

/** Lifts, then normalizes the severity, as the pipeline does, for a record as a log bridge or Cloudflare's export sends a line. */
function normalized(body: string | AnyValue, overrides: Partial<LogRecord> = {}, maxDepth = 4): LogRecord {
  const log = logRecord({ timeUnixNano: "1796000000000000000", body: typeof body === "string" ? str(body) : body, ...overrides });
  expect(liftJsonBody(log, { maxDepth })).toBe(true);
  normalizeRecordSeverity(log);
  return log;
}

interface Expected {
  severity: [text: string, number: number];
  body: string;
  /** The record's trace and span ids and flags; none when left out. */
  trace?: [traceId: string, spanId: string, flags: number];
  /** Every attribute's key, in order: what the line held besides the fields the record took. */
  keys: string[];
  /** Some attributes' values. */
  values?: Record<string, AnyValue>;
}

const SHAPES: [logger: string, line: string, expected: Expected][] = [
  [
    "pino (default line)",
    '{"level":30,"time":1796000000000,"pid":4242,"hostname":"web-1","msg":"request completed"}',
    { severity: ["INFO", 9], body: "request completed", keys: ["time", "pid", "hostname"], values: { time: int("1796000000000") } },
  ],
  [
    "pino with an error and @opentelemetry/instrumentation-pino's context",
    `{"level":50,"time":1796000000000,"pid":4242,"hostname":"web-1","trace_id":"${TRACE}","span_id":"${SPAN}","trace_flags":"01","err":{"type":"Error","message":"boom","stack":"Error: boom\\n    at charge (/app/pay.js:3:9)"},"msg":"boom"}`,
    { severity: ["ERROR", 17], body: "boom", trace: [TRACE, SPAN, 1], keys: ["time", "pid", "hostname", "err.type", "err.message", "err.stack"] },
  ],
  [
    "winston (format.json with timestamp and errors({ stack: true }), instrumentation-winston)",
    `{"level":"error","message":"payment failed","stack":"Error: payment failed\\n    at charge (/app/pay.js:3:9)","timestamp":"2026-12-03T07:00:00.000Z","trace_id":"${TRACE}","span_id":"${SPAN}","trace_flags":"01"}`,
    { severity: ["ERROR", 17], body: "payment failed", trace: [TRACE, SPAN, 1], keys: ["stack", "timestamp"] },
  ],
  [
    "Bunyan",
    '{"name":"billing","hostname":"web-1","pid":4242,"level":40,"msg":"slow","time":"2026-12-03T07:00:00.000Z","v":0}',
    { severity: ["WARN", 13], body: "slow", keys: ["name", "hostname", "pid", "time", "v"] },
  ],
  [
    "structlog (JSONRenderer after add_logger_name, add_log_level, TimeStamper(fmt='iso'), format_exc_info)",
    '{"event": "charge failed", "logger": "billing", "level": "error", "timestamp": "2026-12-03T07:00:00.123456Z", "exception": "Traceback (most recent call last):\\n  File \\"/app/pay.py\\", line 3, in charge\\nValueError: boom"}',
    { severity: ["ERROR", 17], body: "charge failed", keys: ["logger", "timestamp", "exception"] },
  ],
  [
    "python-json-logger ('%(asctime)s %(levelname)s %(name)s %(message)s', OTel logging instrumentation)",
    `{"asctime": "2026-12-03 07:00:00,123", "levelname": "ERROR", "name": "billing", "message": "charge failed", "otelSpanID": "${SPAN}", "otelTraceID": "${TRACE}", "otelTraceSampled": true, "otelServiceName": "billing"}`,
    { severity: ["ERROR", 17], body: "charge failed", trace: [TRACE, SPAN, 1], keys: ["asctime", "name", "otelServiceName"] },
  ],
  [
    "Go log/slog JSONHandler (AddSource, a level between ERROR and the next)",
    '{"time":"2026-12-03T07:00:00.123456789Z","level":"ERROR+2","source":{"function":"main.charge","file":"/app/pay.go","line":42},"msg":"charge failed","err":"timeout"}',
    { severity: ["ERROR", 19], body: "charge failed", keys: ["time", "source.function", "source.file", "source.line", "err"] },
  ],
  [
    "zap (NewProduction: ts in epoch seconds, caller, stacktrace at error)",
    '{"level":"error","ts":1796000000.123456,"logger":"billing","caller":"app/pay.go:42","msg":"charge failed","error":"timeout","stacktrace":"main.charge\\n\\t/app/pay.go:42"}',
    { severity: ["ERROR", 17], body: "charge failed", keys: ["ts", "logger", "caller", "error", "stacktrace"], values: { ts: { doubleValue: 1796000000.123456 } } },
  ],
  [
    "zerolog (Err, Caller)",
    '{"level":"warn","error":"timeout","time":"2026-12-03T07:00:00Z","caller":"/app/pay.go:42","message":"retrying"}',
    { severity: ["WARN", 13], body: "retrying", keys: ["error", "time", "caller"] },
  ],
  [
    "logrus JSONFormatter (keys sorted, WithError)",
    '{"error":"timeout","level":"warning","msg":"retrying","time":"2026-12-03T07:00:00Z"}',
    { severity: ["WARN", 13], body: "retrying", keys: ["error", "time"] },
  ],
  [
    "log15 JsonFormat (its own four-letter level names)",
    '{"t":"2026-12-03T07:00:00.123Z","lvl":"eror","msg":"payment failed","order":42}',
    { severity: ["ERROR", 17], body: "payment failed", keys: ["t", "order"] },
  ],
  [
    "Rust tracing-subscriber's json() (the message inside `fields`)",
    '{"timestamp":"2026-12-03T07:00:00.123456Z","level":"WARN","fields":{"message":"cache miss","key":"user:42"},"target":"shop::cache","span":{"method":"GET","name":"request"},"spans":[{"method":"GET","name":"request"}]}',
    {
      severity: ["WARN", 13],
      body: "cache miss",
      keys: ["timestamp", "fields.key", "target", "span.method", "span.name", "spans"],
      values: { spans: str('[{"method":"GET","name":"request"}]') },
    },
  ],
  [
    "Serilog CompactJsonFormatter at Information (no @l), with @tr and @sp",
    `{"@t":"2026-12-03T07:00:00.1234567Z","@mt":"Charged {Amount} to {CustomerId}","@tr":"${TRACE}","@sp":"${SPAN}","Amount":12.5,"CustomerId":"c-9"}`,
    { severity: ["INFO", 9], body: 'Charged 12.5 to "c-9"', trace: [TRACE, SPAN, 0], keys: ["@t", "@mt", "Amount", "CustomerId"] },
  ],
  [
    "Serilog CompactJsonFormatter at Error with an exception",
    '{"@t":"2026-12-03T07:00:00.1234567Z","@mt":"Payment {Id} failed","@l":"Error","@x":"System.TimeoutException: boom\\n   at Shop.Pay.Charge()","Id":7}',
    { severity: ["ERROR", 17], body: "Payment 7 failed", keys: ["@t", "@mt", "@x", "Id"] },
  ],
  [
    "Serilog RenderedCompactJsonFormatter",
    '{"@t":"2026-12-03T07:00:00.1234567Z","@m":"Payment 7 failed","@i":"a1b2c3d4","@l":"Error","Id":7}',
    { severity: ["ERROR", 17], body: "Payment 7 failed", keys: ["@t", "@i", "Id"] },
  ],
  [
    "Serilog JsonFormatter(renderMessage: true)",
    `{"Timestamp":"2026-12-03T07:00:00.1234567+00:00","Level":"Warning","MessageTemplate":"Disk {Drive} low","RenderedMessage":"Disk \\"C\\" low","TraceId":"${TRACE}","SpanId":"${SPAN}","Properties":{"Drive":"C"}}`,
    { severity: ["WARN", 13], body: 'Disk "C" low', trace: [TRACE, SPAN, 0], keys: ["Timestamp", "MessageTemplate", "Properties.Drive"] },
  ],
  [
    "Serilog JsonFormatter without the rendered message",
    '{"Timestamp":"2026-12-03T07:00:00.1234567+00:00","Level":"Information","MessageTemplate":"Disk {Drive} low","Properties":{"Drive":"C"}}',
    { severity: ["INFO", 9], body: 'Disk "C" low', keys: ["Timestamp", "MessageTemplate", "Properties.Drive"] },
  ],
  [
    "Microsoft.Extensions.Logging's JSON console formatter",
    '{"EventId":0,"LogLevel":"Information","Category":"Shop.Cart","Message":"Added 3 items","State":{"Message":"Added 3 items","Count":3,"{OriginalFormat}":"Added {Count} items"}}',
    { severity: ["INFO", 9], body: "Added 3 items", keys: ["EventId", "Category", "State.Message", "State.Count", "State.{OriginalFormat}"] },
  ],
  [
    "Monolog JsonFormatter (CRITICAL is syslog's Critical, ERROR2)",
    '{"message":"Payment failed","context":{"order":42},"level":500,"level_name":"CRITICAL","channel":"app","datetime":"2026-12-03T07:00:00.123456+00:00","extra":{}}',
    { severity: ["ERROR", 18], body: "Payment failed", keys: ["context.order", "level_name", "channel", "datetime", "extra"] },
  ],
  [
    "Log4j2 JsonTemplateLayout, EcsLayout.json",
    '{"@timestamp":"2026-12-03T07:00:00.123Z","ecs.version":"1.2.0","log.level":"ERROR","message":"Payment failed","process.thread.name":"main","log.logger":"com.shop.Pay","error.type":"java.lang.IllegalStateException","error.message":"boom","error.stack_trace":"java.lang.IllegalStateException: boom\\n\\tat com.shop.Pay.run(Pay.java:12)\\n"}',
    {
      severity: ["ERROR", 17],
      body: "Payment failed",
      keys: ["@timestamp", "ecs.version", "process.thread.name", "log.logger", "error.type", "error.message", "error.stack_trace"],
    },
  ],
  [
    "Log4j2 JsonTemplateLayout, GelfLayout.json (level is syslog's 3, Error)",
    '{"version":"1.1","host":"web-1","short_message":"Payment failed","full_message":"java.lang.IllegalStateException: boom\\n\\tat com.shop.Pay.run(Pay.java:12)\\n","timestamp":1796000000.123,"level":3,"_logger":"com.shop.Pay","_thread":"main"}',
    { severity: ["ERROR", 17], body: "Payment failed", keys: ["version", "host", "full_message", "timestamp", "_logger", "_thread"] },
  ],
  [
    "Logback with logstash-logback-encoder's LogstashEncoder (OTel MDC)",
    `{"@timestamp":"2026-12-03T07:00:00.123Z","@version":"1","message":"Payment failed","logger_name":"com.shop.Pay","thread_name":"main","level":"ERROR","level_value":40000,"stack_trace":"java.lang.IllegalStateException: boom\\n\\tat com.shop.Pay.run(Pay.java:12)\\n","trace_id":"${TRACE}","span_id":"${SPAN}","trace_flags":"01"}`,
    { severity: ["ERROR", 17], body: "Payment failed", trace: [TRACE, SPAN, 1], keys: ["@timestamp", "@version", "logger_name", "thread_name", "level_value", "stack_trace"] },
  ],
  [
    "ecs-logging for Node.js (flat dotted keys, APM's trace.id and span.id)",
    `{"log.level":"warn","@timestamp":"2026-12-03T07:00:00.123Z","process.pid":4242,"host.hostname":"web-1","ecs.version":"8.10.0","trace.id":"${TRACE}","transaction.id":"${SPAN}","span.id":"${SPAN}","message":"disk low"}`,
    { severity: ["WARN", 13], body: "disk low", trace: [TRACE, SPAN, 0], keys: ["@timestamp", "process.pid", "host.hostname", "ecs.version", "transaction.id"] },
  ],
  [
    "ecs-logging for Python (flat log.level beside a nested log map)",
    '{"@timestamp":"2026-12-03T07:00:00.123Z","log.level":"error","message":"charge failed","ecs":{"version":"1.6.0"},"log":{"logger":"billing","origin":{"file":{"line":12,"name":"pay.py"},"function":"charge"},"original":"charge failed"},"process":{"name":"MainProcess","pid":4242,"thread":{"id":1,"name":"MainThread"}}}',
    {
      severity: ["ERROR", 17],
      body: "charge failed",
      keys: [
        "@timestamp",
        "ecs.version",
        "log.logger",
        "log.origin.file.line",
        "log.origin.file.name",
        "log.origin.function",
        "log.original",
        "process.name",
        "process.pid",
        "process.thread.id",
        "process.thread.name",
      ],
    },
  ],
  [
    "ECS nested, a pino-shaped line's number (the operator trial's line)",
    '{"@timestamp":"2026-12-03T07:00:00.123Z","log":{"level":40},"message":"w","pid":1,"hostname":"h"}',
    { severity: ["WARN", 13], body: "w", keys: ["@timestamp", "pid", "hostname"] },
  ],
  [
    "ECS nested, with the trace context nested too",
    `{"@timestamp":"2026-12-03T07:00:00.123Z","log":{"level":"error","logger":"billing"},"message":"charge failed","trace":{"id":"${TRACE}"},"span":{"id":"${SPAN}"}}`,
    { severity: ["ERROR", 17], body: "charge failed", trace: [TRACE, SPAN, 0], keys: ["@timestamp", "log.logger"] },
  ],
  [
    "systemd journald's JSON export (journalctl -o json: every value text, PRIORITY 3 is err)",
    '{"__CURSOR":"s=0b1;i=2a","__REALTIME_TIMESTAMP":"1796000000123456","__MONOTONIC_TIMESTAMP":"987654321","_BOOT_ID":"5c9e0b1a2d3f4e5f6a7b8c9d0e1f2a3b","PRIORITY":"3","SYSLOG_FACILITY":"3","SYSLOG_IDENTIFIER":"billing","_PID":"4242","_COMM":"billing","_HOSTNAME":"web-1","_SYSTEMD_UNIT":"billing.service","MESSAGE":"charge failed"}',
    {
      severity: ["ERROR", 17],
      body: "charge failed",
      keys: ["__CURSOR", "__REALTIME_TIMESTAMP", "__MONOTONIC_TIMESTAMP", "_BOOT_ID", "SYSLOG_FACILITY", "SYSLOG_IDENTIFIER", "_PID", "_COMM", "_HOSTNAME", "_SYSTEMD_UNIT"],
    },
  ],
  [
    "Google Cloud structured logging (the trace's project stays an attribute)",
    `{"severity":"ERROR","message":"charge failed","time":"2026-12-03T07:00:00.123Z","logging.googleapis.com/trace":"projects/shop-prod/traces/${TRACE}","logging.googleapis.com/spanId":"${SPAN}","logging.googleapis.com/trace_sampled":true,"logging.googleapis.com/sourceLocation":{"file":"pay.js","line":"12","function":"charge"}}`,
    {
      severity: ["ERROR", 17],
      body: "charge failed",
      trace: [TRACE, SPAN, 1],
      keys: [
        "time",
        "logging.googleapis.com/trace",
        "logging.googleapis.com/sourceLocation.file",
        "logging.googleapis.com/sourceLocation.line",
        "logging.googleapis.com/sourceLocation.function",
      ],
      values: { "logging.googleapis.com/trace": str(`projects/shop-prod/traces/${TRACE}`) },
    },
  ],
];

describe("each JSON logger's line is lifted as its sender meant", () => {
  it.each(SHAPES)("%s", (_, line, expected) => {
    // Cloudflare's export marks every console line INFO (9) with no text: the line's level decides.
    const log = normalized(line, { severityNumber: 9, severityText: "" });
    expect([log.severityText, log.severityNumber]).toEqual(expected.severity);
    expect(log.body).toEqual(str(expected.body));
    expect([log.traceId, log.spanId, log.flags]).toEqual(expected.trace ?? ["", "", 0]);
    expect(log.attributes.map((a) => a.key)).toEqual(expected.keys);
    for (const [key, value] of Object.entries(expected.values ?? {})) expect(log.attributes.find((a) => a.key === key)?.value).toEqual(value);
  });
});

describe("the fields a shape names are read only where they mean it", () => {
  it.each([
    ["an AWS notification's Message with no level", '{"Type":"Notification","MessageId":"m-1","Message":"hello"}', "Message"],
    ["journald's MESSAGE with no PRIORITY", '{"MESSAGE":"hello","_PID":"1"}', "MESSAGE"],
    ["a `fields` map's message with no level", '{"fields":{"message":"hello"}}', "fields.message"],
  ])("%s stays an attribute and the body stays the line", (_, line, key) => {
    const log = normalized(line);
    expect(log.body).toEqual(str(line));
    expect(log.attributes.map((a) => a.key)).toContain(key);
  });

  it.each([
    ["a syslog priority past 7", '{"PRIORITY":"9","MESSAGE":"m"}', "PRIORITY"],
    ["a numeric level with no GELF short_message", '{"level":3,"host":"web-1","message":"m"}', "level"],
    ["a Monolog-like number without its channel", '{"level":400,"level_name":"loud","message":"m"}', "level"],
  ])("%s is no level and stays an attribute", (_, line, key) => {
    const log = normalized(line);
    expect([log.severityText, log.severityNumber]).toEqual(["", 0]);
    expect(log.attributes.map((a) => a.key)).toContain(key);
  });

  it("reads each Monolog level on its scale, and each syslog priority", () => {
    const monolog = (level: number) => normalized(JSON.stringify({ message: "m", level, level_name: "X", channel: "app" }));
    expect([100, 200, 250, 300, 400, 500, 550, 600].map((level) => monolog(level).severityNumber)).toEqual([5, 9, 10, 13, 17, 18, 19, 21]);
    const journald = (priority: string) => normalized(JSON.stringify({ PRIORITY: priority, MESSAGE: "m", _PID: "1" }));
    expect(["0", "1", "2", "3", "4", "5", "6", "7"].map((p) => journald(p).severityText)).toEqual(["FATAL", "ERROR", "ERROR", "ERROR", "WARN", "INFO", "INFO", "DEBUG"]);
  });

  it("takes Google Cloud's bare trace id whole, and leaves a prefix with no id as it is", () => {
    const bare = normalized(`{"message":"m","logging.googleapis.com/trace":"${TRACE}"}`);
    expect(bare.traceId).toBe(TRACE);
    expect(bare.attributes).toEqual([]);
    const noId = normalized('{"message":"m","logging.googleapis.com/trace":"projects/p/traces/"}');
    expect(noId.traceId).toBe("");
    expect(noId.attributes).toEqual([attr("logging.googleapis.com/trace", str("projects/p/traces/"))]);
  });

  it("keeps a record's own trace flags, and flags that are not two hex digits, as attributes", () => {
    const own = normalized(`{"msg":"m","trace_id":"${TRACE}","trace_flags":"00"}`, { flags: 0x101 });
    expect(own.flags).toBe(0x101);
    expect(own.attributes).toEqual([attr("trace_flags", str("00"))]);
    const same = normalized('{"msg":"m","trace_flags":"01"}', { flags: 1 });
    expect([same.flags, same.attributes]).toEqual([1, []]);
    const odd = normalized('{"msg":"m","trace_flags":"1"}');
    expect([odd.flags, odd.attributes]).toEqual([0, [attr("trace_flags", str("1"))]]);
    const numeric = normalized('{"msg":"m","traceFlags":1}');
    expect([numeric.flags, numeric.attributes]).toEqual([1, []]);
  });

  it("at maxDepth 1 keeps a nested map whole as text, the field it gave the record in it", () => {
    const line = '{"level":"WARN","fields":{"message":"cache miss","key":"k"},"target":"t"}';
    const log = normalized(line, {}, 1);
    expect([log.severityText, log.body]).toEqual(["WARN", str("cache miss")]);
    expect(log.attributes).toEqual([attr("fields", str('{"message":"cache miss","key":"k"}')), attr("target", str("t"))]);
  });

  it.each([
    ["an AWS SNS notification with a severity that names no level", '{"Type":"Notification","Message":"disk 91%","severity":"high"}', ["Type", "Message", "severity"], ["", 0]],
    ["an AWS SNS notification with a severity that names one", '{"Type":"Notification","Message":"disk 91%","severity":"CRITICAL"}', ["Type", "Message"], ["FATAL", 21]],
    ["a customer's Message and Level", '{"Message":"Payment received","Level":"Gold","CustomerId":7}', ["Message", "Level", "CustomerId"], ["", 0]],
    [".NET's Message and LogLevel without Category, EventId or State", '{"Message":"m","LogLevel":"Warning"}', ["Message", "LogLevel"], ["", 0]],
    ["journald's MESSAGE with a priority past 7", '{"MESSAGE":"x","PRIORITY":"9","_PID":"1"}', ["MESSAGE", "PRIORITY"], ["", 0]],
    ["journald's MESSAGE and PRIORITY without journald's own fields", '{"MESSAGE":"x","PRIORITY":"3"}', ["MESSAGE", "PRIORITY"], ["", 0]],
    ["a ticket's PRIORITY", '{"PRIORITY":3,"ticket":"T-12","MESSAGE":"printer jammed"}', ["PRIORITY", "ticket", "MESSAGE"], ["", 0]],
    ["a fields map's message beside a number no scale places", '{"fields":{"message":"hi"},"level":12}', ["fields.message", "level"], ["", 0]],
    ["a fields map's message and a level without target or timestamp", '{"fields":{"message":"hi"},"level":"info"}', ["fields.message"], ["INFO", 9]],
    ["an SMPP SMS's short_message", '{"source_addr":"ACME","destination_addr":"+15551234","short_message":"Your code is 1234"}', ["source_addr", "destination_addr", "short_message"], ["", 0]],
    ["a short_message and a number without GELF's version and host", '{"short_message":"x","level":3}', ["short_message", "level"], ["", 0]],
    ["a RenderedMessage without Serilog's template", '{"RenderedMessage":"x","Foo":1}', ["RenderedMessage", "Foo"], ["", 0]],
    ["a MessageTemplate without Serilog's Level or Timestamp", '{"MessageTemplate":"x","Foo":1}', ["MessageTemplate", "Foo"], ["", 0]],
    ["an @m beside another @ key than CLEF's", '{"@m":"x","@id":"urn:1"}', ["@m", "@id"], ["", 0]],
    ["structlog's event beside a level key that names no level", '{"event":"signup","level":"gold"}', ["event", "level"], ["", 0]],
  ] as const)("%s: the message key stays an attribute and the body the line", (_, line, keys, severity) => {
    const log = normalized(line);
    expect(log.body).toEqual(str(line));
    expect([log.severityText, log.severityNumber]).toEqual(severity);
    for (const key of keys) expect(log.attributes.map((a) => a.key)).toContain(key);
  });

  it("takes journald's, .NET's and tracing-subscriber's messages beside their logger's marks", () => {
    const journald = normalized('{"MESSAGE":"x","PRIORITY":"3","_SYSTEMD_UNIT":"shop.service"}');
    expect([journald.body, journald.severityNumber]).toEqual([str("x"), 17]);
    const dotnet = normalized('{"EventId":3,"LogLevel":"Error","Category":"Shop","Message":"m"}');
    expect([dotnet.body, dotnet.severityNumber]).toEqual([str("m"), 17]);
    const tracing = normalized('{"timestamp":"2026-12-03T07:00:00Z","level":"WARN","fields":{"message":"hi"}}');
    expect([tracing.body, tracing.severityNumber]).toEqual([str("hi"), 13]);
  });

  it.each([
    ["Serilog compact's @m and @l, without @t", '{"@m":"x","@l":"Error"}', ["ERROR", 17], []],
    ["Serilog compact's @m alone, without @t (Information)", '{"@m":"x","Foo":1}', ["INFO", 9], ["Foo"]],
    ["Serilog JsonFormatter's RenderedMessage and Level, without the template", '{"Level":"Warning","RenderedMessage":"x"}', ["WARN", 13], []],
    [".NET's short line (EventId, LogLevel, Message)", '{"EventId":0,"LogLevel":"Warning","Message":"x"}', ["WARN", 13], ["EventId"]],
    ["journald's short line (PRIORITY, MESSAGE, SYSLOG_IDENTIFIER)", '{"PRIORITY":"4","MESSAGE":"x","SYSLOG_IDENTIFIER":"shop"}', ["WARN", 13], ["SYSLOG_IDENTIFIER"]],
  ] as const)("lifts a short line whose logger its keys show whole: %s", (_, line, severity, keys) => {
    const log = normalized(line, { severityNumber: 9 });
    expect([log.severityText, log.severityNumber, log.body]).toEqual([...severity, str("x")]);
    expect(log.attributes.map((a) => a.key)).toEqual(keys);
  });

  it("takes Serilog JsonFormatter's RenderedMessage beside its Level key whose value names no level, which stays", () => {
    const log = normalized('{"RenderedMessage":"x","Level":"Gold"}');
    expect([log.severityText, log.severityNumber, log.body]).toEqual(["", 0, str("x")]);
    expect(log.attributes).toEqual([attr("Level", str("Gold"))]);
  });

  describe(".NET's trace context inside its Scopes (ActivityTrackingOptions)", () => {
    const activity = `{"Message":"SpanId:${SPAN}, TraceId:${TRACE}, ParentId:0000000000000000","SpanId":"${SPAN}","TraceId":"${TRACE}","ParentId":"0000000000000000"}`;
    const dotnet = (scopes: string, extra = "") =>
      `{"EventId":0,"LogLevel":"Information","Category":"Shop.Cart","Message":"m"${extra},"Scopes":[${scopes}]}`;

    it("fills the record's trace and span ids (in lower case) from the scope that holds them, and keeps Scopes whole", () => {
      const upperCase = `{"SpanId":"${SPAN.toUpperCase()}","TraceId":"${TRACE.toUpperCase()}","ParentId":"0000000000000000"}`;
      const line = dotnet(`{"Message":"ConnectionId:0HN1","ConnectionId":"0HN1"},${upperCase}`);
      const log = normalized(line);
      expect([log.traceId, log.spanId, log.body]).toEqual([TRACE, SPAN, str("m")]);
      expect(log.attributes.map((a) => a.key)).toEqual(["EventId", "Category", "Scopes"]);
      expect(log.attributes.find((a) => a.key === "Scopes")?.value).toEqual(str(JSON.stringify(JSON.parse(line).Scopes)));
    });

    it("keeps the record's own ids, and reads no id that is not hex of its length", () => {
      const own = normalized(dotnet(activity), { traceId: "0af7651916cd43dd8448eb211c80319c", spanId: "b7ad6b7169203331" });
      expect([own.traceId, own.spanId]).toEqual(["0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331"]);
      const hierarchical = normalized(dotnet('{"SpanId":"|4bf92f35.1.","TraceId":"4bf92f35","ParentId":""}'));
      expect([hierarchical.traceId, hierarchical.spanId]).toEqual(["", ""]);
    });

    it("takes a span id only with its own trace id: a scope of another trace fills nothing", () => {
      const other = "11111111111111111111111111111111";
      const topLevel = normalized(dotnet(activity, `,"TraceId":"${other}"`));
      expect([topLevel.traceId, topLevel.spanId]).toEqual([other, ""]);
      const otlp = normalized(dotnet(activity), { traceId: other });
      expect([otlp.traceId, otlp.spanId]).toEqual([other, ""]);
      const same = normalized(dotnet(activity), { traceId: TRACE });
      expect([same.traceId, same.spanId]).toEqual([TRACE, SPAN]);
      // The scope of the record's trace, after one of another trace, gives the span id.
      const outer = `{"SpanId":"2222222222222222","TraceId":"${"3".repeat(32)}"}`;
      const later = normalized(dotnet(`${outer},${activity}`), { traceId: TRACE });
      expect([later.traceId, later.spanId]).toEqual([TRACE, SPAN]);
    });

    it("reads Scopes only in .NET's line: a level read from LogLevel", () => {
      const line = `{"message":"m","Scopes":[${activity}]}`;
      const log = normalized(line);
      expect([log.traceId, log.spanId]).toEqual(["", ""]);
    });

    it("reads a kvlistValue body's Scopes alike", () => {
      const kvlist = (...entries: KeyValue[]): AnyValue => ({ kvlistValue: entries });
      const body = kvlist(
        attr("LogLevel", str("Warning")),
        attr("Category", str("Shop")),
        attr("Message", str("m")),
        attr("Scopes", { arrayValue: [str("a plain scope"), kvlist(attr("TraceId", str(TRACE)), attr("SpanId", str(SPAN)))] }),
      );
      const log = normalized(body);
      expect([log.severityText, log.traceId, log.spanId, log.body]).toEqual(["WARN", TRACE, SPAN, str("m")]);
    });
  });

  it.each([
    ["trce", "TRACE", 1],
    ["dbug", "DEBUG", 5],
    ["info", "INFO", 9],
    ["warn", "WARN", 13],
    ["eror", "ERROR", 17],
    ["crit", "ERROR", 18],
  ] as const)("reads log15's %j under its key lvl as %s (%i)", (name, text, number) => {
    const log = normalized(JSON.stringify({ t: "2026-12-03T07:00:00Z", lvl: name, msg: "t" }));
    expect([log.severityText, log.severityNumber, log.body]).toEqual([text, number, str("t")]);
    expect(log.attributes.map((a) => a.key)).toEqual(["t"]);
  });

  it("reads log15's own names under its key only", () => {
    const log = normalized('{"level":"eror","msg":"t"}');
    expect([log.severityText, log.severityNumber]).toEqual(["", 0]);
    expect(log.attributes).toEqual([attr("level", str("eror"))]);
  });

  it.each([
    ["msg alone", '{"msg":"game over","level":20,"score":5}'],
    ["msg alone, at pino's top level", '{"msg":"reached top","level":60}'],
    ["msg and a time that is no epoch millisecond", '{"msg":"lap","level":30,"time":42}'],
  ])("a number beside %s is not read on pino's scale: the level stays an attribute", (_, line) => {
    const log = normalized(line);
    expect([log.severityText, log.severityNumber]).toEqual(["", 0]);
    expect(log.attributes.find((a) => a.key === "level")?.value).toEqual(int(String(JSON.parse(line).level)));
  });

  it.each([
    ["time in epoch milliseconds (pino with base: null)", '{"level":20,"time":1796000000000,"msg":"x"}', "DEBUG", 5],
    ["pid and hostname (pino with timestamp: false)", '{"level":60,"pid":1,"hostname":"h","msg":"x"}', "FATAL", 21],
  ] as const)("reads a number on pino's scale beside msg and %s", (_, line, text, number) => {
    const log = normalized(line);
    expect([log.severityText, log.severityNumber, log.body]).toEqual([text, number, str("x")]);
  });

  it.each([
    ["a bug's severity", '{"msg":"bug triaged","severity":"critical"}'],
    ["a form validation's severity", '{"message":"form validation","severity":"error","field":"email"}'],
    ["a customer's Level", '{"message":"upgraded","Level":"Critical"}'],
  ])("%s in lower or mixed case with no logger's marks is no level and stays an attribute", (_, line) => {
    const log = normalized(line);
    expect([log.severityText, log.severityNumber]).toEqual(["", 0]);
    const key = "severity" in JSON.parse(line) ? "severity" : "Level";
    expect(log.attributes.find((a) => a.key === key)?.value).toEqual(str(JSON.parse(line)[key]));
  });

  it.each([
    ["upper case, as Google Cloud and Ruby Logger write it", '{"severity":"CRITICAL","message":"m"}', "FATAL", 21],
    ["beside a time", '{"severity":"error","message":"m","time":"2026-12-03T07:00:00Z"}', "ERROR", 17],
    ["beside Google Cloud's fields", `{"severity":"warning","message":"m","logging.googleapis.com/trace":"projects/p/traces/${TRACE}"}`, "WARN", 13],
    ["beside Ruby Logger's progname", '{"severity":"Error","message":"m","progname":"web"}', "ERROR", 17],
  ] as const)("reads severity %s", (_, line, text, number) => {
    const log = normalized(line);
    expect([log.severityText, log.severityNumber, log.body]).toEqual([text, number, str("m")]);
    expect(log.attributes.map((a) => a.key)).not.toContain("severity");
  });

  it("reads nested fields of a kvlistValue body as a JSON line's, leaving the maps' other members", () => {
    const kvlist = (...entries: KeyValue[]): AnyValue => ({ kvlistValue: entries });
    const body = kvlist(
      attr("log", kvlist(attr("level", int("40")), attr("logger", str("db")))),
      attr("pid", int("1")),
      attr("hostname", str("h")),
      attr("trace", kvlist(attr("id", str(TRACE)))),
      attr("fields", kvlist(attr("message", str("slow query")), attr("ms", int("900")))),
      attr("target", str("shop::db")),
    );
    const log = normalized(body);
    expect([log.severityText, log.severityNumber, log.body, log.traceId]).toEqual(["WARN", 13, str("slow query"), TRACE]);
    expect(log.attributes.map((a) => a.key)).toEqual(["log.logger", "pid", "hostname", "fields.ms", "target"]);
  });

  it("names at most one member of any map across the tables, as ConsumedKeys keeps one per map (an array's elements are never consumed)", () => {
    const members = [LEVEL_FIELDS, MESSAGE_FIELDS, TRACE_ID_FIELDS, SPAN_ID_FIELDS, TRACE_FLAGS_FIELDS].flatMap((table) =>
      table.flatMap((field) => (field.path.length === 2 && !("inElements" in field) ? [field.path[0]] : [])),
    );
    expect(new Set(members).size).toBe(members.length);
  });
});

describe("the sampled flag and a traceparent", () => {
  it("a sampled boolean sets the flags 01 when the record has none; false stays an attribute", () => {
    const sampled = normalized(`{"message":"m","otelTraceID":"${TRACE}","otelSpanID":"${SPAN}","otelTraceSampled":true}`);
    expect([sampled.traceId, sampled.spanId, sampled.flags]).toEqual([TRACE, SPAN, 1]);
    expect(sampled.attributes).toEqual([]);
    const not = normalized(`{"message":"m","otelTraceID":"${TRACE}","otelSpanID":"${SPAN}","otelTraceSampled":false}`);
    expect(not.flags).toBe(0);
    expect(not.attributes).toEqual([attr("otelTraceSampled", { boolValue: false })]);
    // The record's own flags win over a line's that disagree, which stays an attribute.
    const own = normalized(`{"message":"m","otelTraceSampled":true,"trace_flags":"00"}`, { flags: 0x02 });
    expect(own.flags).toBe(0x02);
    expect(own.attributes.map((a) => a.key)).toEqual(["otelTraceSampled", "trace_flags"]);
  });

  it("a traceparent fills the ids and flags of a record without a trace id", () => {
    const log = normalized(`{"msg":"m","traceparent":"00-${TRACE}-${SPAN}-01"}`);
    expect([log.traceId, log.spanId, log.flags]).toEqual([TRACE, SPAN, 1]);
    expect(log.attributes).toEqual([]);
    // A later version is read by its first four fields.
    const later = normalized(`{"msg":"m","traceparent":"01-${TRACE}-${SPAN}-01-what-comes"}`);
    expect([later.traceId, later.spanId]).toEqual([TRACE, SPAN]);
  });

  it("a traceparent the record cannot hold whole stays an attribute, and an invalid one is not read", () => {
    const other = "11111111111111111111111111111111";
    const own = normalized(`{"msg":"m","traceparent":"00-${TRACE}-${SPAN}-01"}`, { traceId: other });
    expect([own.traceId, own.spanId, own.flags]).toEqual([other, "", 0]);
    expect(own.attributes.map((a) => a.key)).toEqual(["traceparent"]);
    const spanOwn = normalized(`{"msg":"m","traceparent":"00-${TRACE}-${SPAN}-01"}`, { spanId: "2222222222222222" });
    expect([spanOwn.traceId, spanOwn.spanId, spanOwn.flags]).toEqual([TRACE, "2222222222222222", 1]);
    expect(spanOwn.attributes.map((a) => a.key)).toEqual(["traceparent"]);
    for (const invalid of [`ff-${TRACE}-${SPAN}-01`, `00-${"0".repeat(32)}-${SPAN}-01`, `00-${TRACE.toUpperCase()}-${SPAN}-01`, `00-${TRACE}-${SPAN}-01-x`]) {
      const log = normalized(`{"msg":"m","traceparent":"${invalid}"}`);
      expect([log.traceId, log.spanId, log.attributes.map((a) => a.key)]).toEqual(["", "", ["traceparent"]]);
    }
  });
});

describe("a span id comes with its trace id from one source", () => {
  const other = "11111111111111111111111111111111";

  it("a line's span id beside a trace id the record does not take stays an attribute", () => {
    const log = normalized(`{"msg":"m","trace_id":"${TRACE}","span_id":"${SPAN}"}`, { traceId: other });
    expect([log.traceId, log.spanId]).toEqual([other, ""]);
    expect(log.attributes).toContainEqual(attr("span_id", str(SPAN)));
  });

  it("a span id from another logger's keys than the trace id's is not taken", () => {
    const log = normalized(`{"msg":"m","trace_id":"${TRACE}","@sp":"${SPAN}"}`);
    expect([log.traceId, log.spanId]).toEqual([TRACE, ""]);
  });

  it("a span id alone fills the record's span id beside the record's own trace id, and both from one source", () => {
    const alone = normalized(`{"msg":"m","span_id":"${SPAN}"}`, { traceId: other });
    expect([alone.traceId, alone.spanId]).toEqual([other, SPAN]);
    const pair = normalized(`{"msg":"m","trace_id":"${TRACE}","span_id":"${SPAN}"}`);
    expect([pair.traceId, pair.spanId]).toEqual([TRACE, SPAN]);
  });

  it("every span id row has its trace id row at the same index", () => {
    expect(SPAN_ID_FIELDS).toHaveLength(TRACE_ID_FIELDS.length);
    SPAN_ID_FIELDS.forEach((span, row) => expect(span.inElements === true).toBe(TRACE_ID_FIELDS[row]!.inElements === true));
  });
});

describe("Serilog's Verbose", () => {
  it("is TRACE under Serilog's own level keys (@l, JsonFormatter's Level), as .NET's Trace", () => {
    const compact = normalized('{"@t":"2026-12-03T10:00:00Z","@l":"Verbose","@m":"v"}');
    expect([compact.severityText, compact.severityNumber]).toEqual(["TRACE", 1]);
    const json = normalized('{"Timestamp":"2026-12-03T10:00:00Z","Level":"Verbose","RenderedMessage":"v"}');
    expect([json.severityText, json.severityNumber]).toEqual(["TRACE", 1]);
  });

  it("is DEBUG under winston's level key, at winston-transport's DEBUG2", () => {
    const winston = normalized('{"level":"verbose","message":"v"}');
    expect([winston.severityText, winston.severityNumber]).toEqual(["DEBUG", 6]);
  });

  it("reads winston's cli levels at the numbers @opentelemetry/winston-transport sends", () => {
    const cases: [string, string, number][] = [["help", "INFO", 11], ["data", "INFO", 10], ["prompt", "TRACE", 4], ["input", "TRACE", 2], ["http", "DEBUG", 7], ["silly", "TRACE", 1]];
    for (const [level, text, number] of cases) {
      const line = normalized(`{"level":"${level}","message":"m"}`);
      expect([level, line.severityText, line.severityNumber]).toEqual([level, text, number]);
    }
  });
});
