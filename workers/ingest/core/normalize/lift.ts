import type { AnyValue, KeyValue, LogRecord, LogsRequest } from "../../../shared/otlp/model";
import { isRequestIdAlias, REQUEST_ID_ATTRIBUTE } from "../../../shared/request-id";
import { INEXACT_NUMBER } from "../decode/exact-json";
import { idFromHexText } from "../decode/ids";
import { ORIGINAL_RECORD_ATTRIBUTE } from "./attribute-names";
import { DottedKeys } from "./dotted-keys";
import { JsonObjectFields, KvlistFields, type BodyFields } from "./body-fields";
import type { RequestLimits } from "../limits";
import { allWithinLength } from "../limits/value-length";
import { ConsumedKeys, TOO_DEEP_TO_LIFT, TakenKeys, checkLiftableNesting, requestIdValue } from "./json-to-attributes";
import { parseJsonObjectBody, parseJsonObjectBodyExactly } from "./json-object-body";
import { numericLevelScale } from "./level-scale-evidence";
import type { LiftNotes } from "./lift-notes";
import { numericLevel, severityFromName, severityOnScale, type NumericLevelScale, type Severity } from "./severity-scale";

/** Python's LogRecord `levelno`: a number on Python's scale by its name alone. */
const PYTHON_LEVEL_NUMBER_KEY = "levelno";
/** ECS's level as a nested map writes it (`{"log":{"level":"error"}}`), read after the flat keys. */
const ECS_LEVEL = ["log", "level"] as const;

/**
 * Keys that carry the record's own fields, in the order they are looked for, as JSON loggers
 * write them. The level: `level` (pino, Bunyan, winston, zap, zerolog, logrus, slog, structlog,
 * Logback's logstash-encoder, Log4j's JsonLayout, NLog, Ruby's semantic_logger and Ougai,
 * Monolog's number), `severity` (Google Cloud Logging's structured lines, Ruby Logger's JSON
 * formatters), `lvl` (log15), ECS's flat `log.level` (every ecs-logging library), python-json-logger's
 * `levelname`, `log_level` (structlog's `capture_logs` and its common renaming), `loglevel`,
 * Monolog's `level_name`, Serilog's JSON formatter's `Level`, .NET's JSON console formatter's
 * `LogLevel`, Serilog's compact `@l`, Python's `levelno` (always on Python's scale); then ECS's
 * nested `{"log":{"level":…}}` (ECS_LEVEL). The message: `msg` (pino, Bunyan, zap, logrus),
 * `message` (winston, zerolog, python-json-logger, ECS, Logback), Serilog's rendered `@m`, else
 * its template `@mt`; and structlog's `event` (EVENT_MESSAGE_KEY).
 */
const LEVEL_KEYS = [
  "level",
  "severity",
  "lvl",
  "log.level",
  "levelname",
  "log_level",
  "loglevel",
  "level_name",
  "Level",
  "LogLevel",
  "@l",
  PYTHON_LEVEL_NUMBER_KEY,
] as const;
const MESSAGE_KEYS = ["msg", "message", "@m", "@mt"] as const;
/**
 * structlog's message key, read last and only in a line that has a level key too, as structlog's
 * lines do (its default processors add `level`): `event` alone names an event in many lines
 * that have no message (`{"event":"cart.updated","items":3}`), which keep their body.
 */
const EVENT_MESSAGE_KEY = ["event"] as const;
const TRACE_ID_KEYS = ["trace_id", "traceId"] as const;
const SPAN_ID_KEYS = ["span_id", "spanId"] as const;

/** SeverityNumber INFO: what Cloudflare's export and some bridges set on every line by default. */
const DEFAULT_SEVERITY_NUMBER = 9;

/** Hex digits in a trace id and a span id. */
const TRACE_ID_LENGTH = 32;
const SPAN_ID_LENGTH = 16;

/** LIFT_MAX_DEPTH's default: nesting levels flattened into dotted keys. */
export const DEFAULT_LIFT_MAX_DEPTH = 4;

export interface LiftOptions {
  /** Nesting levels flattened into dotted keys; deeper values are stored as JSON text. */
  maxDepth: number;
  /** Keep the lifted body, as written, in `log.record.original` when the message replaces it. */
  keepOriginal?: boolean;
}

/**
 * The attribute limits the request's attributes are held to after lifting (limitAttributes): a
 * lifted value they would drop or cut is not the only copy of what the sender wrote.
 */
export type LiftAttributeLimits = Pick<RequestLimits, "maxAttributesPerRecord" | "maxAttributeValueLength">;

/** No limits: what a caller that applies none gets. */
const UNLIMITED: LiftAttributeLimits = { maxAttributesPerRecord: Infinity, maxAttributeValueLength: Infinity };

/**
 * Lifts a structured log body into the record: a string body holding a JSON object, or a
 * `kvlistValue` body. Level, message and ids fill the record's own fields, every other key
 * becomes an attribute, and a request-id alias (isRequestIdAlias) also sets `request.id`. A key
 * is consumed (not kept as an attribute) only when it was used; a level the record already has,
 * or an id that is not valid hex, stays an attribute so nothing the producer wrote is lost.
 * Integers keep every digit. A JSON body nesting deeper than flattening and MAX_NESTING_AS_TEXT
 * more levels stays the text it is.
 *
 * Nothing the sender wrote is lost and nothing is stored twice (docs/normalization-and-redaction.md,
 * "When lifting cannot keep everything"): a key the record already has with other text keeps
 * the record's value, and the body's is stored as `log.<key>`; when a lifted value still cannot
 * be stored as an attribute of its own (its key taken by an earlier lifted key, or the request's
 * attribute `limits` would drop or cut it), the body stays as written instead of becoming the
 * message, as the Collector stores every body. Mutates the record. `keys` makes the dotted keys
 * (one instance per key when a request's records share it); `notes` learns of the lifted
 * attributes of a body that stays and of numbers past a double's range kept as their text
 * (LiftNotes). Returns whether the body was lifted.
 */
export function liftJsonBody(
  record: LogRecord,
  options: LiftOptions,
  limits: LiftAttributeLimits = UNLIMITED,
  keys: DottedKeys = new DottedKeys(),
  notes?: LiftNotes,
): boolean {
  const body = record.body;
  if (body === undefined) return false;
  if ("kvlistValue" in body) {
    if (body.kvlistValue.length === 0) return false;
    liftFields(record, new KvlistFields(body.kvlistValue), body, options, limits, keys, notes);
    return true;
  }
  if (!("stringValue" in body)) return false;
  const object = parseJsonObjectBody(body.stringValue);
  if (object === undefined) return false;
  // What lifting changes, kept in locals (no closure per record) to undo a lift that has to
  // start over from an exact parse or give up.
  const severityText = record.severityText;
  const severityNumber = record.severityNumber;
  const traceId = record.traceId;
  const spanId = record.spanId;
  const attributeCount = record.attributes.length;
  try {
    // A number whose double would not print back as written asks for the exact parse (JsonObjectFields).
    liftFields(record, new JsonObjectFields(object, false, body.stringValue), body, options, limits, keys, notes);
  } catch (error) {
    if (error !== INEXACT_NUMBER && error !== TOO_DEEP_TO_LIFT) throw error;
    record.severityText = severityText;
    record.severityNumber = severityNumber;
    record.traceId = traceId;
    record.spanId = spanId;
    record.body = body;
    record.attributes.length = attributeCount;
    if (error === TOO_DEEP_TO_LIFT) return false;
    // The number to keep may have come before a part nested too deep for the exact parse.
    try {
      checkLiftableNesting(object, options.maxDepth);
    } catch (nesting) {
      if (nesting !== TOO_DEEP_TO_LIFT) throw nesting;
      return false;
    }
    const exact = new JsonObjectFields(parseJsonObjectBodyExactly(body.stringValue, notes), true, body.stringValue);
    liftFields(record, exact, body, options, limits, keys, notes);
  }
  return true;
}

/**
 * Lifts the structured body of every record in the request, in place (liftJsonBody), making
 * each dotted key once for the whole request (DottedKeys); `notes` as liftJsonBody's.
 */
export function liftJsonBodies(
  request: LogsRequest,
  options: LiftOptions,
  limits: LiftAttributeLimits = UNLIMITED,
  notes?: LiftNotes,
): void {
  const keys = new DottedKeys();
  for (const resourceLogs of request.resourceLogs) {
    for (const scopeLogs of resourceLogs.scopeLogs) {
      for (const record of scopeLogs.logRecords) {
        joinRequestIdAttribute(record);
        liftJsonBody(record, options, limits, keys, notes);
      }
    }
  }
}

/**
 * Sets `request.id` from the record's own attributes when a logger sent its fields as attributes
 * rather than in the body (pino-opentelemetry-transport sends pino-http's `reqId` so): the first
 * request-id alias (isRequestIdAlias) holding a non-empty string or an integer, unless the record has a
 * `request.id` already. Runs before the body is lifted, so the record's own value wins over the
 * body's, as it does for every other key.
 */
function joinRequestIdAttribute(record: LogRecord): void {
  let alias: AnyValue | undefined;
  for (const attribute of record.attributes) {
    if (attribute.key === REQUEST_ID_ATTRIBUTE) return;
    if (alias === undefined && isRequestIdAlias(attribute.key)) alias = requestIdValue(attribute.value);
  }
  if (alias !== undefined) record.attributes.push({ key: REQUEST_ID_ATTRIBUTE, value: alias });
}

/**
 * `joinRequestIdAttribute` for every record of the request, in place: the join with the
 * record's own attributes holds with lifting off too (`liftJsonBodies` does it as it lifts).
 */
export function joinRequestIdAttributes(request: LogsRequest): void {
  for (const resourceLogs of request.resourceLogs) {
    for (const scopeLogs of resourceLogs.scopeLogs) {
      for (const record of scopeLogs.logRecords) joinRequestIdAttribute(record);
    }
  }
}

function liftFields(
  record: LogRecord,
  fields: BodyFields,
  original: AnyValue,
  options: LiftOptions,
  limits: LiftAttributeLimits,
  keys: DottedKeys,
  notes: LiftNotes | undefined,
): void {
  const consumed = new ConsumedKeys();
  takeSeverity(record, fields, consumed);
  const message =
    takeFirstString(fields, MESSAGE_KEYS, consumed) ?? (hasLevelKey(fields) ? takeFirstString(fields, EVENT_MESSAGE_KEY, consumed) : undefined);
  record.traceId = takeId(fields, TRACE_ID_KEYS, TRACE_ID_LENGTH, record.traceId, consumed);
  record.spanId = takeId(fields, SPAN_ID_KEYS, SPAN_ID_LENGTH, record.spanId, consumed);
  const taken = new TakenKeys(record.attributes, keys);
  const requestId = fields.appendAttributes(options.maxDepth, consumed, taken);
  // A line's request-id alias also sets the join key, unless the record has one already (the
  // alias's value stays an attribute under its own name either way).
  if (requestId !== undefined) addIfAbsent(record.attributes, REQUEST_ID_ATTRIBUTE, requestId);
  const originalAdded = options.keepOriginal === true && addIfAbsent(record.attributes, ORIGINAL_RECORD_ATTRIBUTE, original);
  // The message replaces the body only when the attributes hold everything else the body held:
  // each lifted value under its own key, or the whole body in `log.record.original`, uncut.
  if (message !== undefined && (!taken.lost || originalAdded) && withinLimits(record.attributes, taken.before, limits)) {
    record.body = { stringValue: message };
    return;
  }
  // The body stays as written, so it is the original: a second copy would store every value
  // twice (and a map body, one object in two places, would be redacted twice).
  if (originalAdded) record.attributes.pop();
  if (record.attributes.length > taken.before) notes?.copies.set(record.attributes, taken.before);
}

/** Whether the attributes lifted from index `before` on survive the limits whole: none dropped, none cut. */
function withinLimits(attributes: readonly KeyValue[], before: number, limits: LiftAttributeLimits): boolean {
  if (attributes.length > limits.maxAttributesPerRecord && attributes.length > before) return false;
  return allWithinLength(attributes, limits.maxAttributeValueLength, before);
}

/**
 * A lifted level replaces a severity the sender did not really choose: none at all, or the bare
 * default INFO (number 9 with no text, as Cloudflare's export marks every console line). A
 * severity text, or any other number, was chosen: the JSON level then stays an attribute.
 */
function severityIsDefault(record: LogRecord): boolean {
  return record.severityText === "" && (record.severityNumber === 0 || record.severityNumber === DEFAULT_SEVERITY_NUMBER);
}

/**
 * The take* helpers add each key they use to `consumed`, which keeps it out of the attributes.
 * The first level key whose value names a level sets the severity: a name (severityFromName),
 * or a number (or number text) on the scale the line's shape shows (numericLevelScale; Python's
 * for `levelno`); a number no evidence places is read as no level and stays an attribute, so a
 * later key (Monolog's `level_name` after its `level` 200) may still name it. A record whose own
 * text is a bare numeric level (`"40"`, number 0) is read on the body's scale instead.
 */
function takeSeverity(record: LogRecord, fields: BodyFields, consumed: ConsumedKeys): void {
  if (!severityIsDefault(record)) {
    readNumericSeverityText(record, fields);
    return;
  }
  // Looked for once, at the first numeric level: null when the shape shows no scale.
  let scale: NumericLevelScale | null | undefined;
  for (const key of LEVEL_KEYS) {
    const value = fields.scalar(key);
    if (value === undefined) continue;
    let severity: Severity | undefined = typeof value === "string" ? severityFromName(value) : undefined;
    if (severity === undefined) {
      const level = numericLevel(value);
      if (level === undefined) continue;
      const on = key === PYTHON_LEVEL_NUMBER_KEY ? "python" : (scale ??= numericLevelScale(fields) ?? null);
      if (on === null || (severity = severityOnScale(level, on)) === undefined) continue;
    }
    setSeverity(record, severity);
    consumed.add(key);
    return;
  }
  const ecs = fields.memberScalar(ECS_LEVEL[0], ECS_LEVEL[1]);
  const ecsSeverity = typeof ecs === "string" ? severityFromName(ecs) : undefined;
  if (ecsSeverity !== undefined) {
    setSeverity(record, ecsSeverity);
    consumed.addMember(ECS_LEVEL[0], ECS_LEVEL[1]);
    return;
  }
  // Serilog's compact format leaves `@l` out at its default level: "absent implies Information"
  // (Serilog.Formatting.Compact), so a line with its time and its message or template is one.
  if (fields.scalar("@t") !== undefined && (fields.scalar("@m") !== undefined || fields.scalar("@mt") !== undefined)) {
    setSeverity(record, SERILOG_DEFAULT_LEVEL);
  }
}

/**
 * A record sent with a bare numeric level as its text and no number (a bridge copying pino's
 * `level` into SeverityText) gets the severity that number has on the scale its body's shape
 * shows; with no evidence it stays as sent (normalizeRecordSeverity leaves it).
 */
function readNumericSeverityText(record: LogRecord, fields: BodyFields): void {
  if (record.severityNumber !== 0) return;
  const level = numericLevel(record.severityText);
  if (level === undefined) return;
  const scale = numericLevelScale(fields);
  const severity = scale === undefined ? undefined : severityOnScale(level, scale);
  if (severity !== undefined) setSeverity(record, severity);
}

/** Whether the line has a level key at all, named or not: structlog's `event` is its message only then. */
function hasLevelKey(fields: BodyFields): boolean {
  for (const key of LEVEL_KEYS) if (fields.scalar(key) !== undefined) return true;
  return fields.memberScalar(ECS_LEVEL[0], ECS_LEVEL[1]) !== undefined;
}

function setSeverity(record: LogRecord, severity: Severity): void {
  record.severityText = severity.text;
  record.severityNumber = severity.number;
}
const SERILOG_DEFAULT_LEVEL: Severity = severityFromName("Information")!;

function takeFirstString(fields: BodyFields, keys: readonly string[], consumed: ConsumedKeys): string | undefined {
  for (const key of keys) {
    const value = fields.scalar(key);
    if (typeof value !== "string") continue;
    consumed.add(key);
    return value;
  }
  return undefined;
}

/** Returns the id the record ends up with, consuming the JSON key when it was used or redundant. */
function takeId(fields: BodyFields, keys: readonly string[], length: number, current: string, consumed: ConsumedKeys): string {
  for (const key of keys) {
    const value = fields.scalar(key);
    if (typeof value !== "string") continue;
    const id = idFromHexText(value, length);
    // Not hex, or all zero: OTLP's "no id", which must not replace one.
    if (id === undefined || id === "") continue;
    if (current === "" || current === id) {
      consumed.add(key);
      return id;
    }
  }
  return current;
}

/** Adds the attribute unless its key is taken; returns whether it was added. */
function addIfAbsent(attributes: KeyValue[], key: string, value: AnyValue): boolean {
  for (const attribute of attributes) if (attribute.key === key) return false;
  attributes.push({ key, value });
  return true;
}
