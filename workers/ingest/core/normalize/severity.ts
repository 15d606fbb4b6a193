import type { LogRecord, LogsRequest } from "../../../shared/otlp/model";
import { rangeNameOf, severityFromName } from "./severity-scale";

/**
 * Brings one record's severity onto OTLP's canonical spelling: a known level name in any case
 * becomes its upper-case short name, a missing number is taken from the text and a missing text
 * from the number. Unknown names and out-of-range numbers are left as they are.
 */
export function normalizeRecordSeverity(record: LogRecord): void {
  if (record.severityText !== "") {
    const known = severityFromName(record.severityText);
    if (known === undefined) return;
    record.severityText = known.text;
    if (record.severityNumber === 0) record.severityNumber = known.number;
    return;
  }
  const name = rangeNameOf(record.severityNumber);
  if (name !== undefined) record.severityText = name;
}

/** Normalizes every record of the request in place. */
export function normalizeSeverity(request: LogsRequest): void {
  for (const resourceLogs of request.resourceLogs) {
    for (const scopeLogs of resourceLogs.scopeLogs) {
      for (const record of scopeLogs.logRecords) normalizeRecordSeverity(record);
    }
  }
}
