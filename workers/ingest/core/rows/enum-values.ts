/**
 * The OTLP enums the rows store, and what becomes of a value their proto does not define.
 *
 * The decoders pass any int32 (proto3 keeps unknown enum values, and OTLP/JSON sends integers),
 * and the Collector's exporter stores what Go makes of it: `uint8(SeverityNumber)` (300 → 44,
 * -1 → 255), `SpanKind.String()` and `StatusCode.String()` ("" for a kind or code pdata does not
 * name), `int32(AggregationTemporality)` as sent. Each of those changes or hides what was sent
 * without a word, and a wrapped severity is a wrong one. Here such a value is stored as the
 * enum's 0 (UNSPECIFIED, or UNSET for a status: what a receiver assumes when it does not know),
 * the value as sent is kept in decimal under the enum's note key (note-keys.ts) beside the
 * record, and the answer warns of it with the first place (`undefinedEnumWarning`), as replaced
 * times are. The record itself is kept: the rest of it is good.
 */
import type { EnumValue } from "../../../shared/otlp/model";
import {
  ORIGINAL_SEVERITY_NUMBER_ATTRIBUTE,
  ORIGINAL_SPAN_KIND_ATTRIBUTE,
  ORIGINAL_STATUS_CODE_ATTRIBUTE,
  ORIGINAL_TEMPORALITY_ATTRIBUTE,
} from "../note-keys";

/** One stored OTLP enum: its values are 0 to `last` (the proto's), its 0 named `unspecified`. */
export interface StoredEnum {
  /** The field as OTLP/JSON names it. */
  readonly field: string;
  readonly last: number;
  /** The proto's name of the value 0, which an undefined value is stored as. */
  readonly unspecified: string;
  /** The column the value goes to, as a warning names it. */
  readonly column: string;
  /** Where the value as sent is kept: the note's key and the column that holds it. */
  readonly noteKey: string;
  readonly noteColumn: string;
}

/** logs.proto `SeverityNumber`: 0 to 24 (FATAL4). */
export const SEVERITY_NUMBER: StoredEnum = {
  field: "severityNumber",
  last: 24,
  unspecified: "SEVERITY_NUMBER_UNSPECIFIED",
  column: "SeverityNumber",
  noteKey: ORIGINAL_SEVERITY_NUMBER_ATTRIBUTE,
  noteColumn: "LogAttributes",
};

/** trace.proto `Span.SpanKind`: 0 to 5 (CONSUMER). */
export const SPAN_KIND: StoredEnum = {
  field: "kind",
  last: 5,
  unspecified: "SPAN_KIND_UNSPECIFIED",
  column: "SpanKind",
  noteKey: ORIGINAL_SPAN_KIND_ATTRIBUTE,
  noteColumn: "SpanAttributes",
};

/** trace.proto `Status.StatusCode`: 0 to 2 (ERROR). */
export const STATUS_CODE: StoredEnum = {
  field: "status.code",
  last: 2,
  unspecified: "STATUS_CODE_UNSET",
  column: "StatusCode",
  noteKey: ORIGINAL_STATUS_CODE_ATTRIBUTE,
  noteColumn: "SpanAttributes",
};

/**
 * metrics.proto `AggregationTemporality`: 0 to 2 (CUMULATIVE). Noted on the rows'
 * `ScopeAttributes`, as a metric point's replaced times are: `Attributes` is the series identity.
 */
export const AGGREGATION_TEMPORALITY: StoredEnum = {
  field: "aggregationTemporality",
  last: 2,
  unspecified: "AGGREGATION_TEMPORALITY_UNSPECIFIED",
  column: "AggregationTemporality",
  noteKey: ORIGINAL_TEMPORALITY_ATTRIBUTE,
  noteColumn: "ScopeAttributes",
};

/** Whether the proto of `stored` defines `value` (an int32, or a name no value of the proto has). */
export function isDefined(stored: StoredEnum, value: EnumValue): value is number {
  return typeof value === "number" && value >= 0 && value <= stored.last;
}

/**
 * The answer's warning for `count` values of `stored` it does not define, stored as 0, the first
 * at `firstPlace` (named as the sender's document does). E.g. `1 severityNumber value not
 * defined by OTLP (0 to 24) stored as 0 (SEVERITY_NUMBER_UNSPECIFIED) in SeverityNumber, the value
 * sent kept in LogAttributes['otel.severity_number.original'] (first at resourceLogs[0].scopeLogs[0].logRecords[2])`.
 */
export function undefinedEnumWarning(stored: StoredEnum): (count: number, firstPlace: string) => string {
  return (count, firstPlace) =>
    `${count} ${stored.field} ${count === 1 ? "value" : "values"} not defined by OTLP (0 to ${stored.last}) stored as 0 (${stored.unspecified}) in ${stored.column}, ` +
    `the value sent kept in ${stored.noteColumn}['${stored.noteKey}'] (first at ${firstPlace})`;
}
