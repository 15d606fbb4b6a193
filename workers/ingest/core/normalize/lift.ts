import type { AnyValue, KeyValue, LogRecord, LogsRequest } from "../../../shared/otlp/model";
import { isRequestIdAlias, REQUEST_ID_ATTRIBUTE } from "../../../shared/request-id";
import { TAIL_RECORD_KEYS, TAIL_SCOPE_NAME } from "../../../shared/tail-records";
import { parseTraceparent } from "../../../shared/traceparent";
import { INEXACT_NUMBER } from "../decode/exact-json";
import { idFromHexText } from "../decode/ids";
import { ORIGINAL_RECORD_ATTRIBUTE } from "./attribute-names";
import { CLOUDFLARE_EXPORT_SCOPE } from "./cloudflare-export";
import { DottedKeys } from "./dotted-keys";
import { JsonObjectFields, KvlistFields, type BodyFields } from "./body-fields";
import type { RequestLimits } from "../limits";
import { keyCount } from "../limits/key-count";
import { allWithinLength } from "../limits/value-length";
import { ConsumedKeys, MAX_NESTING_AS_TEXT, TOO_DEEP_TO_LIFT, TakenKeys, checkLiftableNesting, lastWithKey, requestIdValue } from "./json-to-attributes";
import { parseJsonObjectBody, parseJsonObjectBodyExactly } from "./json-object-body";
import { mayRepeatAKey, parseJsonBodyPairs } from "./json-pairs-body";
import { numericLevelScale } from "./level-scale-evidence";
import { isPinoScope } from "./pino-scopes";
import { renderMessageTemplate, type PropertyValue } from "./message-template";
import { templateBody, type LineTemplate } from "./template-body";
import type { LiftNotes } from "./lift-notes";
import {
  consume,
  LEVEL_FIELDS,
  LEVELS_WHEN_ABSENT,
  MESSAGE_FIELDS,
  LEVEL_TABLE,
  MESSAGE_TABLE,
  isPinoRequestMap,
  PINO_HTTP_MEMBERS,
  PINO_HTTP_REQUEST_ID,
  PINO_HTTP_REQUEST_ID_PATH,
  presentRows,
  scalarAt,
  SPAN_ID_FIELDS,
  SPAN_ID_TABLE,
  TRACE_FLAGS_FIELDS,
  TRACE_FLAGS_TABLE,
  TRACE_ID_FIELDS,
  TRACE_ID_TABLE,
  TRACEPARENT_KEY,
  type IdField,
  type KeyNamespace,
  type LevelField,
  type LineMarks,
} from "./log-shapes";
import { noteReplacedSeverity, replaceSeverityText } from "./severity";
import { numericLevel, severityFromName, severityOnScale, type NumericLevelScale, type Severity } from "./severity-scale";

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
  /**
   * The records' bare 9 is their sender's mark on every line (Cloudflare's export), not a
   * severity it chose: a lifted level replacing it leaves no `originalSeverityNumber`.
   */
  blanketDefaultSeverity?: boolean;
  /**
   * Attribute keys the records' sender writes itself and that only hold what it saw (the tail
   * Worker's: TAIL_RECORD_KEYS): a body's value under one goes to `log.<key>`, also on a record
   * without the key (TakenKeys).
   */
  reservedKeys?: ReadonlySet<string>;
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
 * becomes an attribute, and a request-id alias (isRequestIdAlias) also sets `request.id`; a
 * default severity number the level changes is kept in `originalSeverityNumber` (takeSeverity). A key
 * is consumed (not kept as an attribute) only when it was used; a level the record already has,
 * or an id that is not valid hex, stays an attribute so nothing the producer wrote is lost.
 * Integers keep every digit. A JSON body nesting deeper than flattening and MAX_NESTING_AS_TEXT
 * more levels stays the text it is. A JSON body writing a key twice in one object is lifted as
 * the same line sent as a map body (json-pairs-body.ts): the last value is used, none is lost.
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
  // A key written twice (zap's and slog's own key beside a field of that name): read as the
  // line's map body would be, which keeps the earlier values JSON.parse dropped (json-pairs-body.ts).
  if (mayRepeatAKey(body.stringValue, object, options.maxDepth + MAX_NESTING_AS_TEXT)) {
    const pairs = parseJsonBodyPairs(body.stringValue, notes);
    if (pairs !== undefined) {
      liftFields(record, new KvlistFields(pairs), body, options, limits, keys, notes);
      return true;
    }
  }
  // What lifting changes, kept in locals (no closure per record) to undo a lift that has to
  // start over from an exact parse or give up.
  const severityText = record.severityText;
  const severityNumber = record.severityNumber;
  const traceId = record.traceId;
  const spanId = record.spanId;
  const flags = record.flags;
  const originalSeverityNumber = record.originalSeverityNumber;
  const originalSeverityText = record.originalSeverityText;
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
    record.flags = flags;
    record.originalSeverityNumber = originalSeverityNumber;
    record.originalSeverityText = originalSeverityText;
    record.templateBody = undefined;
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
  // Cloudflare's export sets number 9 with no text on every console line whatever it logged:
  // there, a replaced 9 is the export's blanket mark, which the scope already says, not a level
  // the Worker chose (no note keeps it). The tail Worker (TAIL_SCOPE_NAME) writes the same bare 9
  // on the same lines, so that one line gets one severity over both channels: its 9 is that mark too.
  const cloudflareExport: LiftOptions = { ...options, blanketDefaultSeverity: true };
  const tailWorker: LiftOptions = { ...cloudflareExport, reservedKeys: TAIL_RECORD_KEYS };
  // Where the record being lifted is, for the notes' first places: indexes, a text only when noted.
  const at = notes?.record ?? { resource: 0, scope: 0, record: 0 };
  at.resource = 0;
  for (const resourceLogs of request.resourceLogs) {
    at.scope = 0;
    for (const scopeLogs of resourceLogs.scopeLogs) {
      const scope = scopeLogs.scope.name;
      const sentByPino = isPinoScope(scopeLogs.scope);
      const scopeOptions = scope === CLOUDFLARE_EXPORT_SCOPE ? cloudflareExport : scope === TAIL_SCOPE_NAME ? tailWorker : options;
      at.record = 0;
      for (const record of scopeLogs.logRecords) {
        joinRequestIdAttribute(record, sentByPino);
        liftJsonBody(record, scopeOptions, limits, keys, notes);
        at.record++;
      }
      at.scope++;
    }
    at.resource++;
  }
}

/**
 * Sets `request.id` from the record's own attributes when a logger sent its fields as attributes
 * rather than in the body (pino-opentelemetry-transport and instrumentation-pino send a logged
 * object so, each member an attribute, a nested object a `kvlistValue` map): the first request-id
 * alias (isRequestIdAlias) holding a non-empty string or an integer (requestIdValue), else
 * pino-http's request id (pinoHttpAttributeRequestId; `sentByPino` when the record's scope is
 * one of pino's OTel senders', isPinoScope), unless the record has a `request.id` already. Runs
 * before the body is lifted, so the record's own value wins over the body's, as it does for every
 * other key. The attributes stay as sent, as the Collector stores them (a map as its JSON text):
 * only `request.id` is added.
 */
function joinRequestIdAttribute(record: LogRecord, sentByPino: boolean): void {
  let alias: AnyValue | undefined;
  for (const attribute of record.attributes) {
    if (attribute.key === REQUEST_ID_ATTRIBUTE) return;
    if (alias === undefined && isRequestIdAlias(attribute.key)) alias = requestIdValue(attribute.value);
  }
  const id = alias ?? pinoHttpAttributeRequestId(record.attributes, sentByPino);
  if (id !== undefined) record.attributes.push({ key: REQUEST_ID_ATTRIBUTE, value: id });
}

/**
 * pino-http's request id where its line came as the record's attributes: the member `id` of the
 * map `req` (PINO_HTTP_REQUEST_ID_PATH) beside `res` and `responseTime` (PINO_HTTP_MEMBERS: its
 * request line), or of a `req` of pino's own shape (isPinoRequestMap: a handler's `req.log` line;
 * `id`, `method` and `url` alone are enough when `sentByPino`), when it holds an id
 * (requestIdValue), as pinoHttpRequestId reads the same line's body. A key sent twice is read by
 * its last value, as a map body's (lastWithKey).
 */
function pinoHttpAttributeRequestId(attributes: readonly KeyValue[], sentByPino: boolean): AnyValue | undefined {
  const [map, member] = PINO_HTTP_REQUEST_ID_PATH;
  const request = lastWithKey(attributes, map)?.value;
  if (request === undefined || !("kvlistValue" in request)) return undefined;
  if (!isRequestLine(attributes) && !isPinoRequestMap(new KvlistFields(attributes), map, sentByPino)) return undefined;
  const id = lastWithKey(request.kvlistValue, member)?.value;
  return id === undefined ? undefined : requestIdValue(id);
}

/** Whether the attributes hold pino-http's request line's members (PINO_HTTP_MEMBERS), each by its last value. */
function isRequestLine(attributes: readonly KeyValue[]): boolean {
  for (const name of PINO_HTTP_MEMBERS) if (lastWithKey(attributes, name) === undefined) return false;
  return true;
}

/**
 * `joinRequestIdAttribute` for every record of the request, in place: the join with the
 * record's own attributes holds with lifting off too (`liftJsonBodies` does it as it lifts).
 */
export function joinRequestIdAttributes(request: LogsRequest): void {
  for (const resourceLogs of request.resourceLogs) {
    for (const scopeLogs of resourceLogs.scopeLogs) {
      const sentByPino = isPinoScope(scopeLogs.scope);
      for (const record of scopeLogs.logRecords) joinRequestIdAttribute(record, sentByPino);
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
  const present = presentRows(fields);
  const level = readLevel(fields, present[LEVEL_TABLE]!);
  takeSeverity(record, fields, level, consumed, options.blanketDefaultSeverity !== true);
  const message = takeMessage(fields, present[MESSAGE_TABLE]!, level, consumed);
  const traceRow = takeTraceId(record, fields, present[TRACE_ID_TABLE]!, level, consumed);
  record.spanId = takeSpanId(fields, present[SPAN_ID_TABLE]!, record.traceId, traceRow, record.spanId, level, consumed);
  record.flags = takeTraceFlags(fields, present[TRACE_FLAGS_TABLE]!, record.flags, consumed);
  if (record.traceId === "") takeTraceparent(record, fields, consumed);
  const taken = new TakenKeys(record.attributes, keys, options.reservedKeys);
  const requestId = fields.appendAttributes(options.maxDepth, consumed, taken) ?? pinoHttpRequestId(fields, record.attributes, taken.before);
  // A line's request-id alias also sets the join key, unless the record has one already (the
  // alias's value stays an attribute under its own name either way).
  if (requestId !== undefined) addIfAbsent(record.attributes, REQUEST_ID_ATTRIBUTE, requestId);
  const originalAdded = options.keepOriginal === true && addIfAbsent(record.attributes, ORIGINAL_RECORD_ATTRIBUTE, original);
  // The message replaces the body only when the attributes hold everything else the body held:
  // each lifted value under its own key, or the whole body in `log.record.original`, uncut.
  if (message !== undefined && (!taken.lost || originalAdded) && withinLimits(record.attributes, taken.before, limits)) {
    record.body = { stringValue: message.text };
    // Written again from the values as stored once redaction has run (template-body.ts).
    if (message.template !== undefined) record.templateBody = templateBody(message.template, message.rendered, fields, record.attributes, taken.before);
    return;
  }
  // The body stays as written, so it is the original: a second copy would store every value
  // twice (and a map body, one object in two places, would be redacted twice).
  if (originalAdded) record.attributes.pop();
  if (record.attributes.length > taken.before) notes?.copies.set(record.attributes, taken.before);
}

/**
 * The request id of a pino-http line: its lifted `req.id` (of the attributes from index `from`),
 * when it holds a non-empty string or an integer (requestIdValue), on its request line
 * (PINO_HTTP_MEMBERS: `req`, `res` and `responseTime` side by side) and on a line whose `req` is
 * of pino's own shape (isPinoRequestMap: what pino-http binds on a handler's `req.log`).
 * Undefined for any other line, whose `req.id` may be anything's id, and where `req` was not
 * flattened (LIFT_MAX_DEPTH 1).
 */
function pinoHttpRequestId(fields: BodyFields, attributes: readonly KeyValue[], from: number): AnyValue | undefined {
  const [map] = PINO_HTTP_REQUEST_ID_PATH;
  if (fields.countNamed(PINO_HTTP_MEMBERS) !== PINO_HTTP_MEMBERS.size && !isPinoRequestMap(fields, map)) return undefined;
  for (let i = from; i < attributes.length; i++) {
    if (attributes[i]!.key === PINO_HTTP_REQUEST_ID) return requestIdValue(attributes[i]!.value);
  }
  return undefined;
}

/**
 * Whether the attributes lifted from index `before` on survive the limits whole: none dropped
 * (the count limit counts keys: keyCount), none cut.
 */
function withinLimits(attributes: readonly KeyValue[], before: number, limits: LiftAttributeLimits): boolean {
  if (attributes.length > limits.maxAttributesPerRecord && attributes.length > before && keyCount(attributes) > limits.maxAttributesPerRecord) return false;
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

/** A level a line holds: the LEVEL_FIELDS row it was read from, its value as written, and what it names. */
interface LineLevel {
  row: number;
  sent: string | number;
  severity: Severity;
}

/**
 * The line's level, of the rows `present` marks: the first level field (LEVEL_FIELDS, top-level
 * or nested alike) whose value names a level: a name (severityFromName, or the key's own names,
 * as its loggers write it: otherCaseBeside), or a number (or number text) on the field's own
 * scale or else the one the line's shape shows (numericLevelScale). A value that names none (a
 * number no evidence places, `"Gold"`) is no level, so a later field (a `level_name`) may still
 * name it. Undefined when none does.
 */
function readLevel(fields: BodyFields, present: number): LineLevel | undefined {
  // Looked for once, at the first numeric level: null when the shape shows no scale.
  let scale: NumericLevelScale | null | undefined;
  for (let row = 0; present >>> row !== 0; row++) {
    if ((present & (1 << row)) === 0) continue;
    const field = LEVEL_FIELDS[row]!;
    const value = scalarAt(fields, field.path);
    if (value === undefined || (field.marks !== undefined && !hasMarks(fields, field.marks, field.path[0]))) continue;
    let severity: Severity | undefined = typeof value === "string" ? levelName(fields, field, value) : undefined;
    if (severity === undefined) {
      const level = numericLevel(value);
      if (level === undefined) continue;
      const on = field.scale ?? (scale ??= numericLevelScale(fields) ?? null);
      if (on === null || (severity = severityOnScale(level, on)) === undefined) continue;
    }
    return { row, sent: value, severity };
  }
  return undefined;
}

/** The severity level name `name` in `field` stands for, when written as that key's loggers write it (LevelField). */
function levelName(fields: BodyFields, field: LevelField, name: string): Severity | undefined {
  const severity = field.names?.get(name.toLowerCase()) ?? severityFromName(name);
  if (severity === undefined || field.otherCaseBeside === undefined || name === name.toUpperCase()) return severity;
  return holdsAnother(fields, field.otherCaseBeside, field.path[0]) ? severity : undefined;
}

/**
 * The take* helpers add each field they use to `consumed`, which keeps it out of the attributes.
 * The line's `level` (readLevel) sets the severity; a line with none that a format writes
 * without a level at its default (LEVELS_WHEN_ABSENT) has that default. A record whose own text
 * is a bare numeric level (`"40"`, number 0) is read on the body's scale instead.
 */
function takeSeverity(record: LogRecord, fields: BodyFields, level: LineLevel | undefined, consumed: ConsumedKeys, keepReplaced: boolean): void {
  if (!severityIsDefault(record)) {
    readNumericSeverityText(record, fields);
    return;
  }
  if (level !== undefined) {
    replaceDefaultSeverity(record, level.severity, keepReplaced);
    // The level's field is consumed: another name (`notice`, `critical`, Python's 40) survives
    // only in the note; a spelling of the level stored (`warning`, pino's 40) needs none.
    noteReplacedSeverity(record, String(level.sent), level.severity.text);
    consume(consumed, LEVEL_FIELDS[level.row]!.path);
    return;
  }
  for (const absent of LEVELS_WHEN_ABSENT) {
    if (absent.message.some((key) => typeof fields.scalar(key) === "string") && hasMarks(fields, absent.marks, "")) {
      replaceDefaultSeverity(record, severityFromName(absent.level)!, keepReplaced);
      return;
    }
  }
}

/**
 * Sets the line's severity over the record's default one (severityIsDefault). A number the sender
 * set (9) that the level changes is kept in `originalSeverityNumber` when `keepReplaced` (an SDK's
 * INFO by number alone is a choice the row should still show); an unset 0 chose nothing, the same
 * number loses nothing, and a blanket default (LiftOptions.blanketDefaultSeverity) is no choice.
 */
function replaceDefaultSeverity(record: LogRecord, severity: Severity, keepReplaced: boolean): void {
  // A default is a number (severityIsDefault); an undefined enum name sent as text never is one.
  if (keepReplaced && typeof record.severityNumber === "number" && record.severityNumber !== 0 && record.severityNumber !== severity.number) {
    record.originalSeverityNumber = record.severityNumber;
  }
  setSeverity(record, severity);
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

/**
 * Whether the line bears `marks` (LineMarks) beside the field at top-level key `own`: its
 * members (of `any`, one other than `own`), only its logger's names in its `namespace`, and a
 * level read (`level`, readLevel) from the key the marks name. A member of `all` must be a
 * scalar (a map's key is no mark).
 */
function hasMarks(fields: BodyFields, marks: LineMarks, own: string, level?: LineLevel): boolean {
  if (marks.level !== undefined) {
    if (level === undefined) return false;
    if (marks.level !== true && !marks.level.includes(LEVEL_FIELDS[level.row]!.path.join("."))) return false;
  }
  if (marks.all !== undefined) for (const key of marks.all) if (fields.scalar(key) === undefined) return false;
  if (marks.namespace !== undefined && !onlyOwnNames(fields, marks.namespace)) return false;
  return marks.any === undefined || holdsAnother(fields, marks.any, own);
}

/**
 * Whether the line holds one of the namespace's `anyOf`, and every member of the line named with
 * its prefix (not doubled: an escaped property's) is one of its members.
 */
function onlyOwnNames(fields: BodyFields, namespace: KeyNamespace): boolean {
  const { prefix, members, anyOf } = namespace;
  return fields.countNamed(anyOf) > 0 && fields.countPrefixed(prefix) - fields.countPrefixed(prefix + prefix) === fields.countNamed(members);
}

/** Whether the line has a top-level member named in `names` besides `own`, the field's own key. */
function holdsAnother(fields: BodyFields, names: ReadonlySet<string>, own: string): boolean {
  return fields.countNamed(names) > (names.has(own) ? 1 : 0);
}

function setSeverity(record: LogRecord, severity: Severity): void {
  record.severityNumber = severity.number;
  // Only a numeric level sent as text (readNumericSeverityText) has a text to replace, noted by the number now stored.
  replaceSeverityText(record, severity.text);
}
/**
 * The first message field (MESSAGE_FIELDS, of the rows `present` marks) holding text, consumed;
 * one with `marks` only in a line bearing them (hasMarks; `level`: the line's, readLevel); a
 * template rendered (renderMessageTemplate) and left an attribute. A sender's rendering
 * (`renders`) comes with where its template, properties, copies and elements are, when the line
 * holds a template or such elements, for template-body.ts.
 */
function takeMessage(fields: BodyFields, present: number, level: LineLevel | undefined, consumed: ConsumedKeys): LineMessage | undefined {
  for (let row = 0; present >>> row !== 0; row++) {
    if ((present & (1 << row)) === 0) continue;
    const field = MESSAGE_FIELDS[row]!;
    const value = scalarAt(fields, field.path);
    if (typeof value !== "string") continue;
    if (field.marks !== undefined && !hasMarks(fields, field.marks, field.path[0], level)) continue;
    if (field.template !== undefined) {
      // Rendered with the line's properties; the template stays an attribute, as the body no longer holds it.
      const map = field.template.properties === "line" ? undefined : field.template.properties;
      // CLEF's `@r` (JsonFormatter writes its renderings in another shape, not read).
      const renderings = field.path[0] === "@mt" ? stringElements(fields.property(undefined, "@r")) : undefined;
      const text = renderMessageTemplate(value, (name) => fields.property(map, name), (index) => renderings?.[index]);
      const template: LineTemplate = { text: value, key: field.path[0], properties: field.template.properties, ...(renderings === undefined ? {} : { renderings }) };
      return { text, template, rendered: false };
    }
    consume(consumed, field.path);
    const renders = field.renders;
    if (renders === undefined) return { text: value, rendered: true };
    const template = scalarAt(fields, renders.template);
    const elements = renders.elements !== undefined && fields.elementScalars(renders.elements.key, renders.elements.template).some((t) => typeof t === "string") ? renders.elements : undefined;
    if (typeof template !== "string" && elements === undefined) return { text: value, rendered: true };
    const line: LineTemplate = {
      ...(typeof template === "string" ? { text: template, key: renders.template.join(".") } : {}),
      properties: renders.properties,
      ...(renders.copies === undefined ? {} : { copies: renders.copies.map((path) => path.join(".")) }),
      ...(elements === undefined ? {} : { elements }),
    };
    return { text: value, template: line, rendered: true };
  }
  return undefined;
}

/** The message a line holds (takeMessage), and the template its values come from, when there is one. */
interface LineMessage {
  text: string;
  /** The template, where its properties and its other renderings are. */
  template?: LineTemplate;
  /** Whether the text is the sender's rendering of the template (`@m`), not ours. */
  rendered: boolean;
}

/**
 * The string elements of a property holding a JSON array (CLEF's `@r`, read as its JSON text:
 * BodyFields.property), in order; undefined when it is no array.
 */
function stringElements(value: PropertyValue | undefined): string[] | undefined {
  if (value === undefined || !("json" in value) || !value.json.startsWith("[")) return undefined;
  const array: unknown = JSON.parse(value.json);
  return Array.isArray(array) ? array.map((element) => (typeof element === "string" ? element : String(element))) : undefined;
}

/**
 * Sets the record's trace id from the first TRACE_ID_FIELDS row of those `present` marks that
 * holds one (32 hex digits, alone or after the row's `after` prefix; in the first element holding
 * one, for `inElements`; only beside the row's `marks`, hasMarks with the line's `level`) when
 * the record has none or the same. Returns that row, or -1 when no row gave the id. The field is
 * consumed when it held the id alone; one with a prefix stays an attribute, for the prefix is
 * data too, and so does an array of elements.
 */
function takeTraceId(record: LogRecord, fields: BodyFields, present: number, level: LineLevel | undefined, consumed: ConsumedKeys): number {
  const current = record.traceId;
  for (let row = 0; present >>> row !== 0; row++) {
    if ((present & (1 << row)) === 0) continue;
    const field = TRACE_ID_FIELDS[row]!;
    if (field.marks !== undefined && !hasMarks(fields, field.marks, field.path[0], level)) continue;
    if (field.inElements === true) {
      let id: string | undefined;
      for (const value of fields.elementScalars(field.path[0], field.path[1]!)) if ((id = idIn(value, undefined, TRACE_ID_LENGTH)) !== undefined) break;
      if (id === undefined || (current !== "" && current !== id)) continue;
      record.traceId = id;
      return row;
    }
    const value = scalarAt(fields, field.path);
    const id = idIn(value, field.after, TRACE_ID_LENGTH);
    if (id === undefined || (current !== "" && current !== id)) continue;
    // Alone in its field, the id is consumed; after a prefix it stays, for the prefix is data too.
    if (field.after === undefined || (value as string).lastIndexOf(field.after) < 0) consume(consumed, field.path);
    record.traceId = id;
    return row;
  }
  return -1;
}

/**
 * Returns the span id the record ends up with: a span id belongs to its trace, so both come from
 * one source, a SPAN_ID_FIELDS row and its TRACE_ID_FIELDS row of the same index (`span_id` with
 * `trace_id`; a `Scopes` element's `SpanId` with the same element's `TraceId`). The first row of
 * those `present` marks (beside its `marks`) holding a span id (16 hex digits) gives it when the
 * record has none or the same, and when its source's trace id is the record's `traceId` (the
 * line's, or the record's own when the line gave none); a source with no trace id only when
 * the record has a trace id that came from no other row (`traceRow`: takeTraceId's), as a span
 * id names nothing without its trace (sameTrace). A span id of another trace (a .NET scope of an
 * outer activity beside a top-level `TraceId`), or beside a trace id that is no valid id, stays
 * where the line put it. Consumed as takeTraceId's.
 */
function takeSpanId(
  fields: BodyFields,
  present: number,
  traceId: string,
  traceRow: number,
  current: string,
  level: LineLevel | undefined,
  consumed: ConsumedKeys,
): string {
  for (let row = 0; present >>> row !== 0; row++) {
    if ((present & (1 << row)) === 0) continue;
    const field = SPAN_ID_FIELDS[row]!;
    const traceField = TRACE_ID_FIELDS[row]!;
    if (field.marks !== undefined && !hasMarks(fields, field.marks, field.path[0], level)) continue;
    if (field.inElements === true) {
      const traces = fields.elementScalars(traceField.path[0], traceField.path[1]!);
      const spans = fields.elementScalars(field.path[0], field.path[1]!);
      for (let i = 0; i < spans.length; i++) {
        const id = idIn(spans[i], undefined, SPAN_ID_LENGTH);
        if (id === undefined || !sameTrace(traces[i], traceField.after, traceId, traceRow, row)) continue;
        if (current === "" || current === id) return id;
      }
      continue;
    }
    const value = scalarAt(fields, field.path);
    const id = idIn(value, field.after, SPAN_ID_LENGTH);
    if (id === undefined || (current !== "" && current !== id)) continue;
    // The row that gave the record's trace id is its own source: that id is not read again.
    if (traceRow !== row && !sameTrace(scalarAt(fields, traceField.path), traceField.after, traceId, traceRow, row)) continue;
    if (field.after === undefined || (value as string).lastIndexOf(field.after) < 0) consume(consumed, field.path);
    return id;
  }
  return current;
}

/**
 * Whether a span id's source (row `row`, whose trace id field holds `sourceTrace`, undefined when
 * it holds none; after the row's `after`) belongs to the record's trace `traceId`, which row
 * `traceRow` gave (-1: none of the line's). A source with a trace id belongs only when that is a
 * valid id and the record's (`"trace_id":"abc"` names no trace, so its span id none either); one
 * without, only to a trace the record has (a span id alone names nothing).
 */
function sameTrace(sourceTrace: string | number | undefined, after: string | undefined, traceId: string, traceRow: number, row: number): boolean {
  if (sourceTrace !== undefined) return idIn(sourceTrace, after, TRACE_ID_LENGTH) === traceId;
  return traceId !== "" && (traceRow < 0 || traceRow === row);
}

/**
 * The id (`length` hex digits, lower case: idFromHexText) a field's `value` holds, alone or after
 * the last `after`; undefined when it holds none, or an all-zero one (OTLP's "no id", which must
 * not replace one).
 */
function idIn(value: string | number | undefined, after: string | undefined, length: number): string | undefined {
  if (typeof value !== "string") return undefined;
  const cut = after === undefined ? -1 : value.lastIndexOf(after);
  const id = idFromHexText(cut < 0 ? value : value.slice(cut + after!.length), length);
  return id === "" ? undefined : id;
}

/**
 * Returns the record's flags with the line's W3C trace flags (TRACE_FLAGS_FIELDS' rows `present` marks) in their low
 * byte when the record has none there; the field is consumed when the flags hold its value.
 */
function takeTraceFlags(fields: BodyFields, present: number, flags: number, consumed: ConsumedKeys): number {
  for (let row = 0; present >>> row !== 0; row++) {
    if ((present & (1 << row)) === 0) continue;
    const field = TRACE_FLAGS_FIELDS[row]!;
    // A sampled boolean: `true` is the flags 01; `false` stays an attribute, as flags 00 cannot
    // tell "not sampled" from "not sent".
    const traceFlags = field.sampled === true ? (fields.boolean(field.path[0]) === true ? SAMPLED : -1) : traceFlagsIn(scalarAt(fields, field.path));
    if (!(traceFlags >= 0 && traceFlags <= 0xff)) continue;
    const own = flags & 0xff;
    if (own !== 0 && own !== traceFlags) continue;
    consume(consumed, field.path);
    return (flags | traceFlags) >>> 0;
  }
  return flags;
}

/** W3C trace flags as a line writes them: a number 0..255 or two hex digits; -1 for anything else. */
function traceFlagsIn(value: string | number | undefined): number {
  return typeof value === "number" ? value : value !== undefined && TRACE_FLAGS_HEX.test(value) ? parseInt(value, 16) : -1;
}
const TRACE_FLAGS_HEX = /^[0-9a-fA-F]{2}$/;
/** The W3C sampled flag. */
const SAMPLED = 0x01;

/**
 * Fills a record without a trace id from the line's W3C `traceparent` (TRACEPARENT_KEY, as the
 * header is written, read by parseTraceparent): its trace id, its span id when the record has none, and its flags when the record's
 * are unset. The member is consumed only when the record then holds all three as written;
 * otherwise it stays an attribute, so nothing it says is lost.
 */
function takeTraceparent(record: LogRecord, fields: BodyFields, consumed: ConsumedKeys): void {
  const value = fields.scalar(TRACEPARENT_KEY);
  if (typeof value !== "string") return;
  const parsed = parseTraceparent(value);
  if (parsed === undefined) return;
  const { traceId, spanId, flags: traceFlags } = parsed;
  record.traceId = traceId;
  if (record.spanId === "") record.spanId = spanId;
  if ((record.flags & 0xff) === 0) record.flags = (record.flags | traceFlags) >>> 0;
  if (record.spanId === spanId && (record.flags & 0xff) === traceFlags) consumed.add(TRACEPARENT_KEY);
}

/** Adds the attribute unless its key is taken; returns whether it was added. */
function addIfAbsent(attributes: KeyValue[], key: string, value: AnyValue): boolean {
  for (const attribute of attributes) if (attribute.key === key) return false;
  attributes.push({ key, value });
  return true;
}
