import type { LogRecord, LogsRequest } from "../../../shared/otlp/model";
import { numericLevel, rangeNameOf, severityFromName, spellsSeverity } from "./severity-scale";

/**
 * Brings one record's severity onto OTLP's canonical spelling (OTel logs data model, "Field:
 * SeverityText"/"SeverityNumber" and Appendix B), so that one `SeverityText` finds a level
 * whatever library sent it:
 * - OTLP's own short name in any case (`error`, `Info3`) becomes its upper-case spelling;
 * - a logging library's name (`SEVERE`, `notice`, `crit`, `Critical`, `DPANIC`) or a Go slog
 *   offset (`ERROR+2`) becomes the name of its range (`ERROR`, `INFO`, …), taken from the
 *   sender's own number when it set one in 1..24 (its bridge's mapping: winston-transport sends
 *   `alert` as 22, FATAL, where the appendix's syslog Alert is 19, ERROR) and from the name's
 *   number otherwise;
 * - a missing number (0) is taken from the name; a missing text from the number (its range name);
 * - a numeric level sent as text (`"40"`, pino's level copied by a bridge) is WARN on pino's
 *   scale and ERROR on Python's: only the sender's own number (1..24) says which it meant, and
 *   the text becomes that number's range name; with no number it stays as sent, number 0 (the
 *   lift reads it by the body's shape first: liftJsonBody).
 * A number the sender set is never changed. Unknown names and out-of-range numbers are left as
 * they are. A name replaced by another that says more than the stored pair is kept in
 * `originalSeverityText` (`replaceSeverityText`).
 */
export function normalizeRecordSeverity(record: LogRecord): void {
  if (record.severityText !== "") {
    const known = severityFromName(record.severityText);
    if (known === undefined) {
      const range = rangeNameOf(record.severityNumber);
      if (range !== undefined && numericLevel(record.severityText) !== undefined) replaceSeverityText(record, range);
      return;
    }
    const senderRange = known.libraryName ? rangeNameOf(record.severityNumber) : undefined;
    if (record.severityNumber === 0) record.severityNumber = known.number;
    replaceSeverityText(record, senderRange ?? known.text);
    return;
  }
  const name = rangeNameOf(record.severityNumber);
  if (name !== undefined) record.severityText = name;
}

/**
 * Sets the record's SeverityText to `text`, keeping the sender's in `originalSeverityText` when
 * `text` is another name that the record's SeverityNumber, already the one stored, does not
 * spell out (noteReplacedSeverity).
 */
export function replaceSeverityText(record: LogRecord, text: string): void {
  noteReplacedSeverity(record, record.severityText, text);
  record.severityText = text;
}

/**
 * Keeps `sent`, a severity level as the sender wrote it (its SeverityText, or a level the lift
 * read from the body, a number as its decimal text), in `originalSeverityText` when it says what
 * `text`, the name stored, and the record's SeverityNumber (set before the call) do not. The same
 * name in other letter case or between blanks (`Info3`, `" INFO "`) says nothing more: a search
 * in any case finds what was sent, and lower-case names, most libraries' spelling, would
 * otherwise add a note to nearly every record. Nor does a documented spelling of the stored level
 * (spellsSeverity: console's `log` at 9, `warning` at 13, pino's `30` at 9), which would repeat
 * on every line of the commonest senders what SeverityNumber says. `notice`, `critical`, `log`
 * beside 17 or pino's custom `35` are kept. The first level replaced stays the one kept.
 */
export function noteReplacedSeverity(record: LogRecord, sent: string, text: string): void {
  const name = sent.trim();
  if (name === "" || record.originalSeverityText !== undefined || name.toUpperCase() === text.toUpperCase()) return;
  if (!spellsSeverity(name, record.severityNumber)) record.originalSeverityText = sent;
}

/** Normalizes every record of the request in place. */
export function normalizeSeverity(request: LogsRequest): void {
  for (const resourceLogs of request.resourceLogs) {
    for (const scopeLogs of resourceLogs.scopeLogs) {
      for (const record of scopeLogs.logRecords) normalizeRecordSeverity(record);
    }
  }
}
