/**
 * What one export request may hold. Counts that make a request too big to take are refused
 * with a precise error; attributes beyond what a record may carry are trimmed and counted
 * instead, so one chatty record does not cost the sender its whole batch.
 */
export interface RequestLimits {
  /**
   * Log records + spans + metric data points stored from one request; those past it are cut
   * off and reported as rejected in the answer's partial success.
   */
  maxRecordsPerRequest: number;
  /** Attributes kept per attribute list (record, span, point, event, link, resource, scope). */
  maxAttributesPerRecord: number;
  /** UTF-16 code units kept of a string attribute value, at any depth; the rest is cut. */
  maxAttributeValueLength: number;
  /** Nesting of JSON arrays and objects in an OTLP/JSON body; deeper is refused (400). */
  maxJsonDepth: number;
}

/**
 * Defaults. 30 000 records is what a 128 MB isolate holds with room to spare: a request's
 * records are all in memory at once (decoded, as rows, as JSONEachRow text and write units).
 * 30 000 of the JS SDK's counter points with 3 attributes need 44–48 MB of V8 heap above what a
 * 10-point request needs, and 72 MB with 10 attributes (a Prometheus scrape's labels), measured
 * as the smallest heap the core runs in (`npx tsx bench/big-requests.ts heap`; docs/decisions.md,
 * 2026-12-01). It is not a batch size senders keep to: the Collector's batch processor sends once
 * it holds `send_batch_size` (8192) items but splits nothing unless `send_batch_max_size` is set
 * (default 0, no maximum), and the SDKs export every series of a cumulative metric in one
 * request; so records past it are cut off as a partial success rather than refused. 128
 * attributes is the OpenTelemetry SDKs' default attribute count limit; 64 Ki code units keeps
 * long stack traces; 128 JSON levels is ~30 levels of nested AnyValue, far beyond any real body,
 * while the decoders' own recursion cap stays the backstop.
 */
export const DEFAULT_REQUEST_LIMITS: RequestLimits = {
  maxRecordsPerRequest: 30_000,
  maxAttributesPerRecord: 128,
  maxAttributeValueLength: 65_536,
  maxJsonDepth: 128,
};
