/**
 * Enum names of the OTLP protos, for senders that write names instead of the integers
 * OTLP/JSON requires (see `enumeration`). Each table also holds every name without its type's
 * prefix (`ERROR` for SEVERITY_NUMBER_ERROR, `SERVER` for SPAN_KIND_SERVER, `DELTA` for
 * AGGREGATION_TEMPORALITY_DELTA), all keyed in upper case: hand-written senders and loggers
 * write the short name in any case (`"severityNumber":"Error"`), and no two values of one enum
 * share a short name, so each reads as the one value it names (docs/decisions.md, 2026-12-03).
 */

export type EnumTable = ReadonlyMap<string, number>;

/** The table of an enum whose names are `prefix` + each of `names`, numbered from 0. */
function enumTable(prefix: string, names: readonly string[]): EnumTable {
  return new Map(names.flatMap((name, number): [string, number][] => [[prefix + name, number], [name, number]]));
}

const SEVERITY_LEVELS = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"];

export const SEVERITY_NUMBER = enumTable("SEVERITY_NUMBER_", [
  "UNSPECIFIED",
  ...SEVERITY_LEVELS.flatMap((level) => ["", "2", "3", "4"].map((suffix) => level + suffix)),
]);

export const SPAN_KIND = enumTable("SPAN_KIND_", ["UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"]);

export const STATUS_CODE = enumTable("STATUS_CODE_", ["UNSET", "OK", "ERROR"]);

/** Pre-0.7 trace.proto `Status.DeprecatedStatusCode` (gRPC's codes), read only by its rule (traces.ts, status). */
export const DEPRECATED_STATUS_CODE = enumTable("DEPRECATED_STATUS_CODE_", [
  "OK", "CANCELLED", "UNKNOWN_ERROR", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED",
  "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL_ERROR", "UNAVAILABLE", "DATA_LOSS",
  "UNAUTHENTICATED",
]);

export const AGGREGATION_TEMPORALITY = enumTable("AGGREGATION_TEMPORALITY_", ["UNSPECIFIED", "DELTA", "CUMULATIVE"]);
