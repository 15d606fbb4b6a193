/**
 * The attribute keys under which the pipeline writes notes of its own, in one list, and how a
 * producer's attribute under one of them is kept: moved to `producer.<key>` (PRODUCER_PREFIX),
 * so that a key only ever holds what this pipeline did and nothing the producer sent is lost.
 *
 * Each stage moves a producer's attribute under the keys it writes before it writes them, as it
 * is the last to tell the producer's value from its own: redaction its summary
 * (REDACTION_NOTE_KEYS, on resources, scopes, log records and spans), the attribute limits
 * `otel.truncated_values`, and row mapping the rest (ROW_NOTE_KEYS, in every attribute list it
 * maps: the notes of replaced times and of enum values OTLP does not define).
 * `otel.dropped_attributes_count` is not among them: it is the specification's name for a count
 * a producer may send, which the limits add to.
 */
import type { KeyValue } from "../../shared/otlp/model";

/** The redaction summary a record gets when something in it was redacted. */
export const REDACTION_COUNT_ATTRIBUTE = "redaction.count";
export const REDACTION_KINDS_ATTRIBUTE = "redaction.kinds";

/**
 * How many string values of an attribute list the length limit cut. Our own name (no semantic
 * convention or Collector component writes it), so it only ever counts cuts this pipeline made.
 */
export const TRUNCATED_VALUES_ATTRIBUTE = "otel.truncated_values";

/** A replaced or clamped record time as sent, decimal nanoseconds (rows/time.ts). */
export const ORIGINAL_TIMESTAMP_ATTRIBUTE = "otel.timestamp.original";
export const ORIGINAL_START_TIMESTAMP_ATTRIBUTE = "otel.start_timestamp.original";
export const ORIGINAL_END_TIMESTAMP_ATTRIBUTE = "otel.end_timestamp.original";

/**
 * An enum value OTLP does not define, as sent, in decimal (rows/enum-values.ts); for the
 * severity number also one a lifted JSON level replaced (LogRecord.originalSeverityNumber).
 */
export const ORIGINAL_SEVERITY_NUMBER_ATTRIBUTE = "otel.severity_number.original";
/** A severity name normalization replaced, as sent (LogRecord.originalSeverityText). */
export const ORIGINAL_SEVERITY_TEXT_ATTRIBUTE = "otel.severity_text.original";
export const ORIGINAL_SPAN_KIND_ATTRIBUTE = "otel.span_kind.original";
export const ORIGINAL_STATUS_CODE_ATTRIBUTE = "otel.span_status_code.original";
export const ORIGINAL_TEMPORALITY_ATTRIBUTE = "otel.aggregation_temporality.original";

/** Notes the redaction summary writes. */
export const REDACTION_NOTE_KEYS: ReadonlySet<string> = new Set([REDACTION_COUNT_ATTRIBUTE, REDACTION_KINDS_ATTRIBUTE]);

/** Notes row mapping writes. */
export const ROW_NOTE_KEYS: ReadonlySet<string> = new Set([
  ORIGINAL_TIMESTAMP_ATTRIBUTE,
  ORIGINAL_START_TIMESTAMP_ATTRIBUTE,
  ORIGINAL_END_TIMESTAMP_ATTRIBUTE,
  ORIGINAL_SEVERITY_NUMBER_ATTRIBUTE,
  ORIGINAL_SEVERITY_TEXT_ATTRIBUTE,
  ORIGINAL_SPAN_KIND_ATTRIBUTE,
  ORIGINAL_STATUS_CODE_ATTRIBUTE,
  ORIGINAL_TEMPORALITY_ATTRIBUTE,
]);

/** Where a producer's attribute under a note's key is kept: `producer.redaction.count`. */
const PRODUCER_PREFIX = "producer.";

/**
 * Renames a producer's `attribute` of the list, one under a note's key, to
 * `producer.<name>` (prefixed again while that is taken), so that the name only ever holds what
 * the pipeline did and nothing the producer sent is lost. Mutates `attribute`; returns the new key.
 */
export function moveToProducerName(attributes: readonly KeyValue[], attribute: KeyValue): string {
  let renamed = PRODUCER_PREFIX + attribute.key;
  while (attributes.some((other) => other.key === renamed)) renamed = PRODUCER_PREFIX + renamed;
  attribute.key = renamed;
  return renamed;
}
