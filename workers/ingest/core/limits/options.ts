/**
 * What one export request may hold. Counts that make a request too big to take are refused
 * with a precise error; attributes beyond what a record may carry are trimmed and counted
 * instead, so one chatty record does not cost the sender its whole batch.
 */
export interface RequestLimits {
  /** Log records + spans + metric data points in one request; more is refused (413). */
  maxRecordsPerRequest: number;
  /** Attributes kept per attribute list (record, span, point, event, link, resource, scope). */
  maxAttributesPerRecord: number;
  /** UTF-16 code units kept of a string attribute value, at any depth; the rest is cut. */
  maxAttributeValueLength: number;
  /** Nesting of JSON arrays and objects in an OTLP/JSON body; deeper is refused (400). */
  maxJsonDepth: number;
}

/**
 * Defaults: the Collector's batch processor sends 8192 items per batch, so 10 000 records
 * passes it whole; 128 attributes is the OpenTelemetry SDKs' default attribute count limit;
 * 64 Ki code units keeps long stack traces; 128 JSON levels is ~30 levels of nested AnyValue,
 * far beyond any real body, while the decoders' own recursion cap stays the backstop.
 */
export const DEFAULT_REQUEST_LIMITS: RequestLimits = {
  maxRecordsPerRequest: 10_000,
  maxAttributesPerRecord: 128,
  maxAttributeValueLength: 65_536,
  maxJsonDepth: 128,
};
