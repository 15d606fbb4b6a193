import type { AnyValue, KeyValue, NumberDataPoint } from "../../workers/shared/otlp/model";
import { defaultRedactionPolicy, parseRedactionPolicy, redactRequest, redactString, type RedactedString, type RedactionPolicy } from "../../workers/ingest/core/redact";
import { RedactionTally } from "../../workers/ingest/core/redact/tally";
import { workDone } from "../../workers/ingest/core/redact/scan-scope";
import { expect } from "vitest";
import { logRecord, logsRequest, metricsRequest, span, tracesRequest } from "./model-builders";
import { parseIngestConfig } from "../../workers/ingest/config";
import { prepareExport } from "../../workers/ingest/core/pipeline";

/**
 * The marker a session's id `value` leaves wherever it is found (under `session.id`, in
 * `session_id=…`, a `Cookie`'s `JSESSIONID=…`): the secret's kind and the policy's keyed hash of
 * the value, so a session's records still group.
 */
export function sessionMarker(value: string, policy = defaultRedactionPolicy()): string {
  return policy.sessionMarker(value);
}

/** A compiled redaction policy of `input`'s settings; a bad setting fails the test with the parser's message. */
export function redactionPolicy(input: unknown): RedactionPolicy {
  const parsed = parseRedactionPolicy(input);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.policy;
}

/**
 * `text` through the policy's text detectors alone (its scanner), no key rule reading the JSON and
 * printed structures in it: what the detector tests pin. `redactString`, as a log body, reads
 * those structures' members by their keys first (`{"password":…}` is `secret` there, the
 * detectors' `secret_param` here).
 */
export function scannedText(text: string, policy = defaultRedactionPolicy()): RedactedString {
  const tally = new RedactionTally();
  const scanned = policy.enabled && policy.scanner !== undefined ? policy.scanner.redact(text, tally) : text;
  return { text: scanned, counts: tally.toRecord() };
}

/** The body of one log record holding the string `body`, after redaction: its text, or the AnyValue redaction left. */
export function redactedLogBody(body: string, policy = defaultRedactionPolicy()): unknown {
  const record = logRecord({ attributes: [], body: { stringValue: body } });
  redactRequest("logs", logsRequest([record]), policy);
  return record.body && "stringValue" in record.body ? record.body.stringValue : record.body;
}

/**
 * `attributes` redacted as one log record's: the stored values (a string's text, any other
 * AnyValue as it is), summary keys left out, and the record's `redaction.kinds`.
 */
export function storedLogAttributes(attributes: KeyValue[], policy = defaultRedactionPolicy()): { values: Record<string, unknown>; kinds: unknown } {
  const request = logsRequest([logRecord({ attributes })]);
  redactRequest("logs", request, policy);
  const stored = attributeValues(request.resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!.attributes);
  const { "redaction.count": _count, "redaction.kinds": kinds, ...values } = stored;
  return { values, kinds };
}

/** The value one log record's attribute `key` = `value` is stored with after redaction, as an AnyValue. */
export function storedLogAttribute(key: string, value: AnyValue, policy = defaultRedactionPolicy()): AnyValue {
  const request = logsRequest([logRecord({ attributes: [{ key, value }] })]);
  redactRequest("logs", request, policy);
  return request.resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!.attributes[0]!.value;
}

/** `attributes` redacted as one span's of `kind` (OTLP's numbering: 2 Server, 3 Client), summary keys included. */
export function storedSpanAttributes(kind: number, attributes: KeyValue[], policy = defaultRedactionPolicy()): Record<string, unknown> {
  const s = span({ name: "GET", kind, attributes });
  redactRequest("traces", tracesRequest([s]), policy);
  return attributeValues(s.attributes);
}

/** `attributes` redacted as one gauge point's of the metric named `metric` (its name says which side measured). */
export function storedPointAttributes(metric: string, attributes: KeyValue[], policy = defaultRedactionPolicy()): Record<string, unknown> {
  const point: NumberDataPoint = { attributes, startTimeUnixNano: "0", timeUnixNano: "1", value: { asInt: "1" }, exemplars: [], flags: 0 };
  redactRequest("metrics", metricsRequest([{ name: metric, description: "", unit: "1", metadata: [], data: { type: "gauge", dataPoints: [point] } }]), policy);
  return attributeValues(point.attributes);
}

/** Each attribute's stored value by its key: a string's text, any other AnyValue as it is. */
function attributeValues(attributes: readonly KeyValue[]): Record<string, unknown> {
  return Object.fromEntries(attributes.map((a) => [a.key, "stringValue" in a.value ? a.value.stringValue : a.value]));
}

/**
 * The characters counted while redacting `text` with the default policy (`countWork`), and the
 * markers written: what the linearity tests compare on texts of n and 2n characters.
 */
export function redactionWork(text: string): { work: number; markers: number } {
  const before = workDone();
  const result = redactString(text, defaultRedactionPolicy()).text;
  return { work: workDone() - before, markers: result.split("[REDACTED:").length - 1 };
}

/**
 * The characters counted while redacting `body` as a log record's body with `policy` (key rules,
 * printed-record readers and all), and the markers written.
 */
export function bodyRedactionWork(body: string, policy = defaultRedactionPolicy()): { work: number; markers: number } {
  const before = workDone();
  const redacted = String(redactedLogBody(body, policy));
  return { work: workDone() - before, markers: redacted.split("[REDACTED:").length - 1 };
}

/** Each text (left) is stored by the default policy as the right one. */
export function expectRedacted(cases: readonly (readonly [string, string])[]): void {
  for (const [text, stored] of cases) expect(redactString(text, defaultRedactionPolicy()).text, text).toBe(stored);
}

/** `text` comes back from `redactString` with the default policy unchanged, nothing counted: one look-alike, for `it.each`. */
export function expectUnchanged(text: string): void {
  expect(redactString(text, defaultRedactionPolicy())).toEqual({ text, counts: {} });
}

/** Every text is stored by the default policy as sent. */
export function expectKept(texts: readonly string[]): void {
  for (const text of texts) expect(redactString(text, defaultRedactionPolicy()).text, text).toBe(text);
}

/**
 * A Cloudflare console line's body (`body`) as the ingest pipeline (`prepareExport`) stores it,
 * with `attributes` on its record: the row's body and its attributes by key, a JSON line's
 * members lifted among them.
 */
export function exportedConsoleLine(body: string, attributes: object[] = []): { body: string; attributes: Record<string, string> } {
  return exportedLogBody({ stringValue: body }, attributes);
}

/** A log record's body of any OTLP/JSON value (a string, a `kvlistValue`) as `exportedConsoleLine` gives it. */
export function exportedLogBody(body: object, attributes: object[] = []): { body: string; attributes: Record<string, string> } {
  const received = "1700000000000000000";
  const document = { resourceLogs: [{ scopeLogs: [{ logRecords: [{ timeUnixNano: received, attributes, body }] }] }] };
  const config = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true" }).pipeline;
  const prepared = prepareExport("logs", "json", new TextEncoder().encode(JSON.stringify(document)), config, received);
  const row = prepared.batches[0]!.rows[0] as { Body: string; LogAttributes: string[] };
  const pairs: Record<string, string> = {};
  for (let i = 0; i + 1 < row.LogAttributes.length; i += 2) pairs[row.LogAttributes[i]!] = row.LogAttributes[i + 1]!;
  return { body: row.Body, attributes: pairs };
}

/** A text as `redactString` stores it with the default policy. */
const storedText = (text: string): string => redactString(text, defaultRedactionPolicy()).text;
const LOGGER_PREFIX = "2026-12-05T03:00:00.123Z INFO ";

/**
 * The forms a line of prose reaches the store in, each giving back what is stored of the line
 * itself: the text, a pino line's message (JSON text), after a logger's prefix, a log
 * attribute's string and a Cloudflare console line's body.
 */
export const PROSE_FORMS: readonly (readonly [string, (text: string) => string])[] = [
  ["text", storedText],
  ["a pino message", (text) => JSON.parse(storedText(JSON.stringify({ level: 30, msg: text }))).msg as string],
  ["after a logger's prefix", (text) => storedText(`${LOGGER_PREFIX}${text}`).replace(LOGGER_PREFIX, "")],
  ["a log attribute", (text) => (storedLogAttribute("detail", { stringValue: text }) as { stringValue: string }).stringValue],
  ["a Cloudflare console line", (text) => exportedConsoleLine(text).body],
];

/** The head of the logfmt line `logfmtMessageForm` puts a text in, as its quoted `msg`. */
export const LOGFMT_MESSAGE_HEAD = 'level=info msg="';

/**
 * A line of prose as a logfmt line's quoted message, `level=info msg="…` then `tail` (the closing
 * quote and the line's next pairs, `" user=bob`), giving back what is stored of the message.
 */
export function logfmtMessageForm(tail: string): (text: string) => string {
  return (text) => storedText(`${LOGFMT_MESSAGE_HEAD}${text}${tail}`).slice(LOGFMT_MESSAGE_HEAD.length, -tail.length);
}

/** `PROSE_FORMS`, then `inLogfmtMessage` (a `logfmtMessageForm`) and a text in double quotes. */
export function proseAndQuotedForms(inLogfmtMessage: (text: string) => string): readonly (readonly [string, (text: string) => string])[] {
  return [...PROSE_FORMS, ["a logfmt message", inLogfmtMessage], ["a quoted string", (text) => storedText(`"${text}"`).slice(1, -1)]];
}
