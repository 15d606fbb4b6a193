import { MAX_ANY_VALUE_DEPTH } from "../decode/limits";

/**
 * What one export request may hold. Counts that make a request too big to take are refused
 * with a precise error; attributes beyond what a record may carry are trimmed and counted
 * instead, so one chatty record does not cost the sender its whole batch (identity lists are
 * never trimmed: past their bound only the records carrying them are refused).
 */
export interface RequestLimits {
  /**
   * Log records + spans + metric data points stored from one request; those past it are cut
   * off and reported as rejected in the answer's partial success.
   */
  maxRecordsPerRequest: number;
  /**
   * Attributes kept per log record, span, event and link. Identity lists (resource, scope, data
   * point, exemplar) are not cut: identityBound holds them, never to less than this.
   */
  maxAttributesPerRecord: number;
  /** UTF-16 code units kept of a string value, at any depth, in the same lists; the rest is cut. */
  maxAttributeValueLength: number;
  /** Nesting of JSON arrays and objects in an OTLP/JSON body; deeper is refused (400). */
  maxJsonDepth: number;
}

/**
 * JSON levels down to the deepest AnyValue's own object: an exemplar's filtered attribute
 * (request, resourceMetrics, item, scopeMetrics, item, metrics, item, histogram, dataPoints,
 * item, exemplars, item, filteredAttributes, item, value).
 */
const DEEPEST_ANY_VALUE_LEVEL = 15;
/** JSON levels one kvlist AnyValue adds: `{"kvlistValue":{"values":[{"key":…,"value":{`. */
const KVLIST_LEVELS = 4;
/** JSON levels one array AnyValue adds: `{"arrayValue":{"values":[{`. */
const ARRAY_LEVELS = 3;

/**
 * JSON levels of a request that nests AnyValues as deep as the decoders allow, wherever they sit,
 * plus one more AnyValue level: the deepest AnyValue's start, and at most KVLIST_LEVELS for each
 * further level. A value one level past MAX_ANY_VALUE_DEPTH thus still reaches the decoder and
 * is refused there with its path, as protobuf's is; only deeper JSON, or nesting under keys no
 * decoder reads, meets this guard. 279 levels cost the parser nothing a 128-level cap saved: its
 * work per byte is what it was, and the decoders' recursion is bounded by MAX_ANY_VALUE_DEPTH.
 */
export const JSON_DEPTH_FOR_ANY_VALUES = DEEPEST_ANY_VALUE_LEVEL + KVLIST_LEVELS * (MAX_ANY_VALUE_DEPTH + 2);

/**
 * The least MAX_JSON_DEPTH may be, 22: what a valid request needs whose deepest attribute (an
 * exemplar's filtered attribute) holds a kvlist with an array of scalars in it, or an array of
 * kvlists. Below it ordinary traffic would be refused: a log record's attribute of one kvlist
 * holding an array is 17 levels deep already.
 */
export const MIN_JSON_DEPTH = DEEPEST_ANY_VALUE_LEVEL + KVLIST_LEVELS + ARRAY_LEVELS;

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
 * long stack traces. The JSON depth is derived from the AnyValue depth both decoders allow
 * (MAX_ANY_VALUE_DEPTH), so that the same data passes or fails alike as JSON and as protobuf:
 * see JSON_DEPTH_FOR_ANY_VALUES.
 */
export const DEFAULT_REQUEST_LIMITS: RequestLimits = {
  maxRecordsPerRequest: 30_000,
  maxAttributesPerRecord: 128,
  maxAttributeValueLength: 65_536,
  maxJsonDepth: JSON_DEPTH_FOR_ANY_VALUES,
};
