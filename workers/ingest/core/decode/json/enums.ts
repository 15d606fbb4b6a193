/**
 * Enum names of the OTLP protos, for senders that write names instead of the integers
 * OTLP/JSON requires (see `enumeration`).
 */

type EnumTable = Readonly<Record<string, number>>;

const SEVERITY_LEVELS = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"];

export const SEVERITY_NUMBER: EnumTable = Object.fromEntries([
  ["SEVERITY_NUMBER_UNSPECIFIED", 0],
  ...SEVERITY_LEVELS.flatMap((level, i) =>
    ["", "2", "3", "4"].map((suffix, j): [string, number] => [`SEVERITY_NUMBER_${level}${suffix}`, i * 4 + j + 1]),
  ),
]);

export const SPAN_KIND: EnumTable = {
  SPAN_KIND_UNSPECIFIED: 0,
  SPAN_KIND_INTERNAL: 1,
  SPAN_KIND_SERVER: 2,
  SPAN_KIND_CLIENT: 3,
  SPAN_KIND_PRODUCER: 4,
  SPAN_KIND_CONSUMER: 5,
};

export const STATUS_CODE: EnumTable = {
  STATUS_CODE_UNSET: 0,
  STATUS_CODE_OK: 1,
  STATUS_CODE_ERROR: 2,
};

export const AGGREGATION_TEMPORALITY: EnumTable = {
  AGGREGATION_TEMPORALITY_UNSPECIFIED: 0,
  AGGREGATION_TEMPORALITY_DELTA: 1,
  AGGREGATION_TEMPORALITY_CUMULATIVE: 2,
};
