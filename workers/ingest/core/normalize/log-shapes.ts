/**
 * Where JSON loggers put a log record's own fields in the lines they write by default: the
 * level, the message and the trace context. One table for every logger: lifting (lift.ts) reads
 * each field the same way wherever it sits (a level name or a number on its scale, a message
 * text, a hex id), so a logger is added by a row, not by a branch. The loggers each row stands
 * for, with their lines, are in docs/normalization-and-redaction.md ("What each JSON logger's
 * line becomes") and test/unit/lift-logger-shapes.test.ts.
 */
import type { BodyFields } from "./body-fields";
import type { ConsumedKeys } from "./json-to-attributes";
import { LOG15_LEVELS, SERILOG_LEVELS, WINSTON_LEVELS, type NumericLevelScale, type Severity } from "./severity-scale";

/** A field's place in a line: a top-level member, or a member of a top-level map (`["log", "level"]`). */
export type FieldPath = readonly [key: string] | readonly [map: string, member: string];

export interface LevelField {
  readonly path: FieldPath;
  /**
   * The scale a number here is on by the key's own name (Python's `levelno`, journald's
   * `PRIORITY`); without it, the scale the line's shape shows (numericLevelScale).
   */
  readonly scale?: NumericLevelScale;
  /**
   * Level names only this key's logger writes (log15's `eror`), or that it places elsewhere than
   * the common ones do (Serilog's Verbose), lower case; they take precedence over the common ones
   * (severityFromName).
   */
  readonly names?: ReadonlyMap<string, Severity>;
  /**
   * For a name business JSON uses too (a bug's or an alert's `severity`, a customer's `Level`):
   * a level name here is read when written in upper case, as the loggers that use the key write
   * it (Google Cloud's LogSeverity, Ruby Logger's labels), or in a line holding one of these
   * members; else it is no level and stays an attribute.
   */
  readonly otherCaseBeside?: ReadonlySet<string>;
  /**
   * For a key only one logger writes but other JSON may too (journald's `PRIORITY`, .NET's
   * `LogLevel`, Serilog's `@l`, Python's `levelno`): read only in a line bearing another of the
   * logger's members, the same evidence its message needs (MESSAGE_FIELDS), so that a line is
   * lifted as that logger's whole or not at all.
   */
  readonly marks?: Omit<LineMarks, "level">;
}

/**
 * What shows a line is one logger's, beyond a key name other JSON uses too: members the line
 * holds (top-level, any value), and a level read from the logger's own level key.
 */
export interface LineMarks {
  /** Every one of these members. */
  readonly all?: ReadonlySet<string>;
  /** At least one of these members, other than the field's own key. */
  readonly any?: ReadonlySet<string>;
  /**
   * The logger's own names (KeyNamespace): every member named with its prefix is one of them, and
   * one of its `anyOf` is there (the field's own key counts), so that no other member is needed.
   */
  readonly namespace?: KeyNamespace;
  /**
   * A level read (a valid value on its scale, not merely the key) from one of these LEVEL_FIELDS
   * keys (a map's member as `log.level`), or from any with `true`.
   */
  readonly level?: true | readonly string[];
}

/**
 * Member names a format keeps for itself by a prefix that its properties' names escape by
 * doubling it (CLEF: `@t`, `@mt`, and a property `@Id` written `@@Id`).
 */
export interface KeyNamespace {
  readonly prefix: string;
  /** The format's own members, each named with the prefix (not doubled). */
  readonly members: ReadonlySet<string>;
  /** Of them, those one of which every line of the format holds (the field's own key counts). */
  readonly anyOf: ReadonlySet<string>;
}

export interface MessageField {
  readonly path: FieldPath;
  /**
   * Read only in a line with these marks: the name also stands for other things in lines no
   * logger wrote (`{"event":"cart.updated","items":3}`, an AWS notification's `Message`, an SMS's
   * `short_message`).
   */
  readonly marks?: LineMarks;
  /**
   * A message template (messagetemplates.org: Serilog's `@mt`, `MessageTemplate`) with its
   * properties as the line's top-level members (`"line"`) or a map's members (`"Properties"`):
   * the body is the template rendered (renderMessageTemplate), and the template stays an attribute.
   */
  readonly template?: { readonly properties: TemplateProperties };
  /**
   * The message is the sender's rendering of the template at this path when the line holds one
   * (Serilog's `@m` of `@mt`, `RenderedMessage` of `MessageTemplate`, .NET's `Message` of
   * `State.{OriginalFormat}`), with its properties where `properties` says: the values in it are
   * the properties' (template-body.ts). `copies` are other members holding the same rendering
   * (.NET's `State.Message`); `elements`, a top-level array of maps each holding a template, its
   * rendering and its properties (.NET's `Scopes`, IncludeScopes).
   */
  readonly renders?: {
    readonly template: FieldPath;
    readonly properties: TemplateProperties;
    readonly copies?: readonly FieldPath[];
    readonly elements?: TemplateElements;
  };
}

/** Where a template's properties are: the line's top-level members, or a top-level map's members. */
export type TemplateProperties = "line" | "Properties" | "State";

/** A top-level array of maps each holding a template (member `template`), its rendering (member `rendering`) and its properties (the other members). */
export interface TemplateElements {
  readonly key: string;
  readonly template: string;
  readonly rendering: string;
}

export interface IdField {
  readonly path: FieldPath;
  /**
   * Text the format writes before the id, ending with this (GCP's `projects/<project>/traces/`):
   * the id is what follows it, and the member stays an attribute, for the rest is data too.
   */
  readonly after?: string;
  /**
   * The path's key holds an array of maps (.NET's `Scopes`), and the id is the first of their
   * `path[1]` members that is valid: read, never consumed, for the array is stored whole as its
   * JSON text (and each scope's `Message` spells the ids again).
   */
  readonly inElements?: true;
  /** Read only in a line with these marks (LineMarks), as a message field is. */
  readonly marks?: LineMarks;
  /** A boolean saying the trace was sampled (TRACE_FLAGS_FIELDS): `true` is the flags 01. */
  readonly sampled?: true;
}

/** .NET's JSON console formatter: ids only in its line (a level read from `LogLevel`, which needs its members). */
const MEL_LINE: LineMarks = { level: ["LogLevel"] };

/**
 * .NET's JSON console formatter's renderings (JsonConsoleFormatter): `Message` is the message
 * formatted from `State`'s `{OriginalFormat}` with `State`'s other members, which `State.Message`
 * repeats; each scope in `Scopes` (IncludeScopes) holds its own `Message`, `{OriginalFormat}`
 * and properties.
 */
const MEL_RENDERS: MessageField["renders"] = {
  template: ["State", "{OriginalFormat}"],
  properties: "State",
  copies: [["State", "Message"]],
  elements: { key: "Scopes", template: "{OriginalFormat}", rendering: "Message" },
};

/**
 * Members Google Cloud's structured logging writes beside `severity` (its special fields,
 * cloud.google.com/logging/docs/structured-logging) and Ruby Logger's JSON formatters' `progname`
 * and `time`.
 */
const GOOGLE_CLOUD_OR_RUBY_MEMBERS: ReadonlySet<string> = new Set([
  "time",
  "timestamp",
  "timestampSeconds",
  "httpRequest",
  "logging.googleapis.com/trace",
  "logging.googleapis.com/spanId",
  "logging.googleapis.com/trace_sampled",
  "logging.googleapis.com/sourceLocation",
  "logging.googleapis.com/labels",
  "logging.googleapis.com/insertId",
  "logging.googleapis.com/operation",
  "progname",
]);

/** Members Serilog's JsonFormatter writes on every line (`RenderedMessage` with `renderMessage: true`). */
const SERILOG_JSON_MEMBERS: ReadonlySet<string> = new Set(["Timestamp", "Level", "MessageTemplate", "RenderedMessage"]);

/**
 * Serilog's compact JSON's (CLEF's) reified members, `@`-prefixed: time, message, template,
 * level, exception, event id, renderings, trace and span ids (Serilog.Formatting.Compact).
 */
const CLEF_MEMBERS: ReadonlySet<string> = new Set(["@t", "@m", "@mt", "@l", "@x", "@i", "@r", "@tr", "@sp"]);

/**
 * What shows a line is CLEF: its `@` members are all CLEF's own (a property named with `@` is
 * written `@@`), and it holds its time, its message or its template, one of which every CLEF
 * event has. `@t` is not needed: a template or a rendering alone, with a level, an exception or
 * an event id or not (`{"@mt":"Hello {Name}","Name":"ana"}`, as a formatter writes when the
 * record carries its own time), is CLEF. A line with another `@` key (`@timestamp`, JSON-LD's
 * `@type`) is some other JSON's, and a level `@l` beside a `message` alone no CLEF line.
 */
const CLEF_LINE: LineMarks = { namespace: { prefix: "@", members: CLEF_MEMBERS, anyOf: new Set(["@t", "@m", "@mt"]) } };

/**
 * Members Microsoft.Extensions.Logging's JSON console formatter writes beside `LogLevel` and
 * `Message`: `Category` and `EventId` on every line, `State` for a structured message.
 */
const MEL_MEMBERS: ReadonlySet<string> = new Set(["Category", "EventId", "State"]);

/**
 * pino-http's request line (its "request completed" and "request errored"): the request logged
 * as `req` (whose `id` is its genReqId's request id), the response as `res`, and `responseTime`.
 * All three together make `req.id` the request's id (lift.ts), whatever `req`'s serializer wrote;
 * so does a `req` of pino's own shape (isPinoRequestMap); a `req` elsewhere may be anything's.
 */
export const PINO_HTTP_MEMBERS: ReadonlySet<string> = new Set(["req", "res", "responseTime"]);
/** Where pino-http's request id is: member `id` of the map `req`. */
export const PINO_HTTP_REQUEST_ID_PATH = ["req", "id"] as const satisfies FieldPath;
/** The flattened key of pino-http's request id. */
export const PINO_HTTP_REQUEST_ID = PINO_HTTP_REQUEST_ID_PATH.join(".");

/** Members every request pino's standard serializer writes has: genReqId's `id`, `method`, `url`. */
const PINO_REQUEST_MEMBERS: readonly string[] = ["id", "method", "url"];
/** Of the socket's and the message's members it writes, those a request logged so has one of. */
const PINO_REQUEST_ANY_OF: readonly string[] = ["headers", "remoteAddress"];

/**
 * Whether the top-level member `map` of a line is a request as pino's standard serializer writes
 * it (pino-std-serializers' `req`: `id`, `method`, `url`, then `query` and `params` where a
 * framework set them, `headers`, and the socket's `remoteAddress` and `remotePort`, left out
 * without one). pino-http binds that map on the request's child logger (`req.log`), so a handler's
 * own lines carry it without `res` and `responseTime`: its `id` is the request's id there too.
 * `id`, `method` and `url` alone are enough on a line pino wrote (isPinoLine): pino's `redact`
 * removing `req.headers` and the socket's members, or a `req` serializer returning
 * `{ id, method, url }`, leave just those; so are they in a record `sentByPino` (a scope of pino's
 * OTel senders, pino-scopes.ts), whose attributes hold the line without pino's own members. On a
 * line of another shape they are not: an application's own `req` (an HTTP client's outgoing
 * request, a job's or a queue message's, with their own ids) holds an `id`, a `method` and a
 * `url` just as well. A `req` of another shape (`{"id":3}` beside a retry's `attempt`) may be
 * anything's, and a Bunyan line's or record's (isBunyanLine) is never pino's, whatever it holds
 * (a bridge that names no scope sends Bunyan's records as `unknown` too).
 */
export function isPinoRequestMap(fields: Pick<BodyFields, "hasMember" | "scalar">, map: string, sentByPino = false): boolean {
  if (isBunyanLine(fields, sentByPino)) return false;
  for (const member of PINO_REQUEST_MEMBERS) if (!fields.hasMember(map, member)) return false;
  for (const member of PINO_REQUEST_ANY_OF) if (fields.hasMember(map, member)) return true;
  return sentByPino || isPinoLine(fields);
}

/**
 * Whether a line is as pino writes it: its `level` a number (pino's `"level":30`, where most
 * loggers write a name) beside its message `msg` as text or its `time` as pino writes it
 * (isEpochMilliseconds), or a level's label beside that `time`, `pid` and `hostname` (pino's base
 * members); pino writes `time` on every line unless told not to, and `msg` on every line given a
 * message. Bunyan writes a numeric `level` and `msg` too (isBunyanLine).
 */
function isPinoLine(fields: Pick<BodyFields, "scalar">): boolean {
  if (typeof fields.scalar("level") === "number") return typeof fields.scalar("msg") === "string" || isEpochMilliseconds(fields.scalar("time"));
  // pino's level formatter writing the label (`formatters: { level: (label) => ({ level: label }) }`)
  // leaves its other base members: the epoch-ms `time`, `pid` and `hostname` together.
  return isEpochMilliseconds(fields.scalar("time")) && typeof fields.scalar("pid") === "number" && typeof fields.scalar("hostname") === "string";
}

/**
 * Whether a line (or a record's attributes) is Bunyan's: its format's version `"v":0` (as a
 * number or as text), which Bunyan writes on every line and pino never does (pino 6 and before
 * wrote `"v":1`), beside a `time` that is not pino's epoch milliseconds (Bunyan writes an ISO
 * string): a pino line with an application's own `v` of 0 keeps its epoch-ms `time`. A record
 * `sentByPino` (pino's senders move pino's `time` into the record) is Bunyan's only with a
 * `time` text among its attributes, as a bridge sends Bunyan's line's; an application's `v` of 0
 * there without one is no sign. Bunyan's request serializer writes no `id`, so a Bunyan line's
 * `req` with an `id` is an application's own (an outgoing call's), not the request's; Bunyan's
 * per-request id is its child logger's `req_id`.
 */
function isBunyanLine(fields: Pick<BodyFields, "scalar">, sentByPino: boolean): boolean {
  const version = fields.scalar("v");
  if (version !== 0 && version !== "0") return false;
  const time = fields.scalar("time");
  return sentByPino ? typeof time === "string" : !isEpochMilliseconds(time);
}

/**
 * `time` as pino writes it (`Date.now()`): whole milliseconds since the epoch, here between
 * 2001-09-09 (10^12) and 2286 (10^13); a small number under `time` is a duration or a count.
 */
export function isEpochMilliseconds(value: string | number | undefined): boolean {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 1e12 && value < 1e13;
}

/**
 * `time` as pino's `stdTimeFunctions.isoTime` writes it, `Date#toISOString()`: a date, `T`, a time
 * of day with milliseconds and `Z` (`isoTimeNano`: nine fraction digits). Python's `isoformat()`
 * writes microseconds and `+00:00`, its `asctime` a blank for `T`: neither is pino's.
 */
export function isPinoIsoTimestamp(value: string | number | undefined): boolean {
  return typeof value === "string" && PINO_ISO_TIMESTAMP.test(value);
}
const PINO_ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.(?:\d{3}|\d{9})Z$/;

/**
 * LogRecord attribute names that Python's JSON formatters (python-json-logger, structlog's
 * stdlib bridge, Django's and Celery's formatters) copy under their own names; no Node logger
 * writes them by default.
 */
export const PYTHON_RECORD_KEYS: ReadonlySet<string> = new Set([
  "levelname",
  "levelno",
  "funcName",
  "lineno",
  "pathname",
  "filename",
  "module",
  "threadName",
  "processName",
  "taskName",
  "asctime",
  "msecs",
  "relativeCreated",
  "exc_info",
  "stack_info",
]);

/**
 * A Python logger's name (`name`, or `logger` as formatters rename it): evidence only beside a
 * LogRecord key, as Bunyan writes `name` on every line and a pino child logger often binds `logger`.
 */
export const PYTHON_LOGGER_NAME_KEYS = ["name", "logger"] as const;

/** What shows a `levelno` is Python's: another LogRecord key, or its logger's name beside it. */
const PYTHON_MEMBERS: ReadonlySet<string> = new Set([...PYTHON_RECORD_KEYS, ...PYTHON_LOGGER_NAME_KEYS]);

/** GELF 1.1's required members besides `short_message` (Log4j's GelfLayout, logstash-gelf and Graylog's libraries write them). */
export const GELF_MEMBERS: ReadonlySet<string> = new Set(["version", "host"]);

/**
 * journald's own fields (systemd.journal-fields(7)) that `journalctl -o json` writes beside
 * `PRIORITY` and `MESSAGE`: the entry's cursor and times, and the trusted fields of its sender.
 */
const JOURNALD_MEMBERS: ReadonlySet<string> = new Set([
  "__CURSOR",
  "__REALTIME_TIMESTAMP",
  "__MONOTONIC_TIMESTAMP",
  "_BOOT_ID",
  "_MACHINE_ID",
  "_SYSTEMD_UNIT",
  "_SYSTEMD_CGROUP",
  "_SYSTEMD_SLICE",
  "_SYSTEMD_INVOCATION_ID",
  "SYSLOG_IDENTIFIER",
  "SYSLOG_FACILITY",
  "_PID",
  "_UID",
  "_GID",
  "_EXE",
  "_CMDLINE",
  "_HOSTNAME",
  "_TRANSPORT",
  "_STREAM_ID",
  "_COMM",
  "_SOURCE_REALTIME_TIMESTAMP",
]);

/**
 * The level, first found first: `level` (pino, Bunyan, winston, zap, zerolog, logrus, Go slog,
 * structlog, tracing-subscriber, Logback's logstash-encoder, Monolog's number, GELF's syslog
 * number, NLog, Ruby's semantic_logger and Ougai), `severity` (Google Cloud's structured lines,
 * Ruby Logger's JSON formatters), `lvl` (log15), ECS's flat `log.level` (every ecs-logging
 * library, Log4j's EcsLayout), python-json-logger's `levelname`, `log_level` (structlog's
 * `capture_logs` and its common renaming), `loglevel`, Monolog's `level_name`, Serilog's
 * JsonFormatter's `Level`, .NET's JSON console formatter's `LogLevel`, Serilog's compact `@l`,
 * Python's `levelno` (Python's scale by its name), journald's `PRIORITY` (a syslog severity as
 * text, `"3"`), and last ECS's nested `{"log":{"level":…}}`. `severity` and `Level` are also
 * business JSON's names (`{"msg":"bug triaged","severity":"critical"}`): a name there is read
 * in upper case, or in lower or mixed case beside its logger's members (otherCaseBeside).
 * `LogLevel`, `levelno` and `PRIORITY` are read beside another member of their logger only, and
 * `@l` in a line whose `@` members are all CLEF's (marks): `{"PRIORITY":3,"ticket":…}` is a
 * ticket's priority. winston's own names under
 * `level` are read at winston-transport's numbers (WINSTON_LEVELS).
 */
export const LEVEL_FIELDS: readonly LevelField[] = [
  { path: ["level"], names: WINSTON_LEVELS },
  { path: ["severity"], otherCaseBeside: GOOGLE_CLOUD_OR_RUBY_MEMBERS },
  { path: ["lvl"], names: LOG15_LEVELS },
  { path: ["log.level"] },
  { path: ["levelname"] },
  { path: ["log_level"] },
  { path: ["loglevel"] },
  { path: ["level_name"] },
  { path: ["Level"], names: SERILOG_LEVELS, otherCaseBeside: SERILOG_JSON_MEMBERS },
  { path: ["LogLevel"], marks: { any: MEL_MEMBERS } },
  { path: ["@l"], names: SERILOG_LEVELS, marks: CLEF_LINE },
  { path: ["levelno"], scale: "python", marks: { any: PYTHON_MEMBERS } },
  { path: ["PRIORITY"], scale: "syslog", marks: { any: JOURNALD_MEMBERS } },
  { path: ["log", "level"] },
];

/**
 * Formats that leave the level out at their default level: a line holding one of the format's
 * messages (`message`), with the marks (LineMarks) that show the line is theirs. Serilog's
 * compact JSON omits `@l` at Information ("absent implies Information",
 * Serilog.Formatting.Compact): a CLEF line (CLEF_LINE) with its message or template is one.
 */
export const LEVELS_WHEN_ABSENT: readonly { message: readonly string[]; marks: LineMarks; level: string }[] = [
  { message: ["@m", "@mt"], marks: CLEF_LINE, level: "Information" },
];

/**
 * The message, first found first: `msg` (pino, Bunyan, zap, logrus, Go slog), `message`
 * (winston, zerolog, python-json-logger, ECS, Logback, Monolog, Google Cloud), Serilog compact's
 * rendered `@m`, else its template `@mt` (each in a CLEF line: CLEF_LINE), Serilog
 * JsonFormatter's `RenderedMessage`, else its `MessageTemplate` (each beside another of its
 * members: `Timestamp`, `Level`, the other), GELF's `short_message` (beside `version` and
 * `host`), .NET's JSON console formatter's `Message` (a level read from `LogLevel`, which needs
 * its `Category`, `EventId` or `State`), journald's `MESSAGE` (a level read from `PRIORITY`, which
 * needs one of journald's own fields), tracing-subscriber's `{"fields":{"message":…}}` (a level
 * read, beside `target` or `timestamp`), structlog's `event` (a level read). Each of those names
 * is business JSON's too (an AWS notification's `Message`, an SMS's `short_message`): without its
 * logger's marks it stays an attribute and the body the line. A logger's own level key needs the
 * same marks (LEVEL_FIELDS), so its line is read whole or not at all. A template that is not the
 * message stays an attribute; one that is becomes the body rendered (`template`: where the
 * line's properties are, message-template.ts), and stays an attribute too.
 */
export const MESSAGE_FIELDS: readonly MessageField[] = [
  { path: ["msg"] },
  { path: ["message"] },
  { path: ["@m"], marks: CLEF_LINE, renders: { template: ["@mt"], properties: "line" } },
  { path: ["@mt"], marks: CLEF_LINE, template: { properties: "line" } },
  { path: ["RenderedMessage"], marks: { any: SERILOG_JSON_MEMBERS }, renders: { template: ["MessageTemplate"], properties: "Properties" } },
  { path: ["MessageTemplate"], marks: { any: SERILOG_JSON_MEMBERS }, template: { properties: "Properties" } },
  { path: ["short_message"], marks: { all: GELF_MEMBERS } },
  { path: ["Message"], marks: MEL_LINE, renders: MEL_RENDERS },
  { path: ["MESSAGE"], marks: { level: ["PRIORITY"] } },
  { path: ["fields", "message"], marks: { level: true, any: new Set(["target", "timestamp"]) } },
  { path: ["event"], marks: { level: true } },
];

/**
 * The trace id: `trace_id` (OTel's pino, winston, Bunyan and Logback MDC instrumentations, the
 * Collector's trace_parser default), `traceId`, ECS's `trace.id` flat or nested, Serilog
 * compact's `@tr`, Serilog JsonFormatter's `TraceId`, OTel Python logging instrumentation's
 * `otelTraceID` (python-json-logger writes it), Google Cloud's `logging.googleapis.com/trace`
 * (`projects/<project>/traces/<id>`), and .NET's JSON console formatter's `Scopes`, where
 * ActivityTrackingOptions put the activity's `TraceId`, `SpanId` and `ParentId` in one scope.
 */
export const TRACE_ID_FIELDS: readonly IdField[] = [
  { path: ["trace_id"] },
  { path: ["traceId"] },
  { path: ["trace.id"] },
  { path: ["trace", "id"] },
  { path: ["@tr"] },
  { path: ["TraceId"] },
  { path: ["otelTraceID"] },
  { path: ["logging.googleapis.com/trace"], after: "/traces/" },
  { path: ["Scopes", "TraceId"], inElements: true, marks: MEL_LINE },
];

/**
 * The span id, from the same loggers as TRACE_ID_FIELDS (Google Cloud's `logging.googleapis.com/spanId`,
 * .NET's `Scopes`), row for row: a row here and the trace id row of the same index are one
 * source, and a span id is taken only with its source's trace id (lift.ts, takeSpanId).
 */
export const SPAN_ID_FIELDS: readonly IdField[] = [
  { path: ["span_id"] },
  { path: ["spanId"] },
  { path: ["span.id"] },
  { path: ["span", "id"] },
  { path: ["@sp"] },
  { path: ["SpanId"] },
  { path: ["otelSpanID"] },
  { path: ["logging.googleapis.com/spanId"] },
  { path: ["Scopes", "SpanId"], inElements: true, marks: MEL_LINE },
];

/**
 * W3C trace flags beside those ids (`"01"`: sampled), two hex digits or a number 0..255, as OTel's
 * logger instrumentations write them and the Collector's trace_parser reads `trace_flags`; or
 * the sampled bit alone as a boolean: OTel Python logging instrumentation's `otelTraceSampled`
 * (python-json-logger writes it), Google Cloud's `logging.googleapis.com/trace_sampled`.
 */
export const TRACE_FLAGS_FIELDS: readonly IdField[] = [
  { path: ["trace_flags"] },
  { path: ["traceFlags"] },
  { path: ["otelTraceSampled"], sampled: true },
  { path: ["logging.googleapis.com/trace_sampled"], sampled: true },
];

/**
 * A W3C `traceparent` header's value written into a line (`00-<trace id>-<span id>-<flags>`),
 * read for the record's trace id, span id and flags when the line gave no trace id (lift.ts).
 */
export const TRACEPARENT_KEY = "traceparent";

/** The tables, in the order of PresentRows' masks. */
const TABLES: readonly (readonly { readonly path: FieldPath }[])[] = [LEVEL_FIELDS, MESSAGE_FIELDS, TRACE_ID_FIELDS, SPAN_ID_FIELDS, TRACE_FLAGS_FIELDS];
export const LEVEL_TABLE = 0;
export const MESSAGE_TABLE = 1;
export const TRACE_ID_TABLE = 2;
export const SPAN_ID_TABLE = 3;
export const TRACE_FLAGS_TABLE = 4;

/** Each top-level key a row names → its rows, as (table index, row index) pairs, flat. */
const ROWS_BY_KEY: ReadonlyMap<string, readonly number[]> = (() => {
  const index = new Map<string, number[]>();
  TABLES.forEach((table, tableIndex) => {
    if (table.length > 31) throw new Error("a shape table holds at most 31 rows: one bit each in a mask");
    table.forEach((row, rowIndex) => {
      const rows = index.get(row.path[0]) ?? [];
      rows.push(tableIndex, rowIndex);
      index.set(row.path[0], rows);
    });
  });
  return index;
})();

/**
 * Which rows of each table a line may hold: bit `i` of `masks[table]` is set when the line has
 * row `i`'s top-level key. A line's few keys are looked up once in one index, so the tables'
 * forty-odd names cost a line nothing it does not hold (most lines hold two or three of them).
 */
export function presentRows(fields: BodyFields): number[] {
  const masks = [0, 0, 0, 0, 0];
  fields.markKeys(ROWS_BY_KEY, masks);
  return masks;
}

/** For BodyFields.markKeys: sets the bits of the rows `key` names (ROWS_BY_KEY's pairs) in `masks`. */
export function markRowsOf(rows: readonly number[], masks: number[]): void {
  for (let i = 0; i < rows.length; i += 2) masks[rows[i]!]! |= 1 << rows[i + 1]!;
}

/** The scalar at `path` (BodyFields.scalar, or memberScalar for a map's member). */
export function scalarAt(fields: BodyFields, path: FieldPath): string | number | undefined {
  return path.length === 1 ? fields.scalar(path[0]) : fields.memberScalar(path[0], path[1]);
}

/** Records the field at `path` as used, so that it is not also an attribute. */
export function consume(consumed: ConsumedKeys, path: FieldPath): void {
  if (path.length === 1) consumed.add(path[0]);
  else consumed.addMember(path[0], path[1]);
}
