import type { KeyValue, MetricsRequest } from "../../../shared/otlp/model";
import { anyValueAsString } from "../rows/any-value";

/**
 * The names of the metrics in `request` (sorted, each once) two of whose data points have one
 * series identity and one time: the same resource, scope, metric name, kind and point attributes
 * and the same `timeUnixNano`, which the rows of the Collector's ClickHouse schema cannot tell
 * apart (ResourceAttributes, ScopeName, ScopeVersion, ScopeAttributes, MetricName, Attributes,
 * TimeUnix). A request holds such points when redaction removed the only attribute that set them
 * apart (a key in REDACTION_DROP_KEYS); a query per series then reads a counter's two values at
 * one time as a reset. Attribute lists are compared as sets of key and stored value, in any order.
 */
export function mergedSeries(request: MetricsRequest): string[] {
  const merged = new Set<string>();
  const seen = new Set<string>();
  for (const resourceMetrics of request.resourceMetrics) {
    const resource = identityText(resourceMetrics.resource.attributes);
    for (const scopeMetrics of resourceMetrics.scopeMetrics) {
      const { name, version, attributes } = scopeMetrics.scope;
      const scope = JSON.stringify([resource, name, version, identityText(attributes)]);
      for (const metric of scopeMetrics.metrics) {
        if (metric.data.type === "empty") continue;
        const series = JSON.stringify([scope, metric.name, metric.data.type]);
        for (const point of metric.data.dataPoints) {
          const identity = JSON.stringify([series, identityText(point.attributes), point.timeUnixNano]);
          if (seen.has(identity)) merged.add(metric.name);
          else seen.add(identity);
        }
      }
    }
  }
  return [...merged].sort();
}

/**
 * An attribute list as text that is the same for the same keys and stored values in any order:
 * each value as its row stores it (`anyValueAsString`: `1` and `"1"` are one value there).
 */
function identityText(attributes: readonly KeyValue[]): string {
  const entries = attributes.map((attribute) => `${JSON.stringify(attribute.key)}=${JSON.stringify(anyValueAsString(attribute.value))}`);
  return entries.sort().join(",");
}

/** The metrics a warning names; the rest are counted. */
const NAMED_IN_WARNING = 5;

/**
 * The answer's warning for `names`, the metrics `mergedSeries` found, "" for none: the points are
 * stored (nothing is rejected), but as one series with several values at one time.
 */
export function mergedSeriesWarning(names: readonly string[]): string {
  if (names.length === 0) return "";
  const listed = names.slice(0, NAMED_IN_WARNING).map((name) => JSON.stringify(name)).join(", ");
  const more = names.length > NAMED_IN_WARNING ? ` and ${names.length - NAMED_IN_WARNING} more` : "";
  const metricsWord = names.length === 1 ? "metric" : "metrics";
  return (
    `${metricsWord} ${listed}${more} stored data points of one series at one time: REDACTION_DROP_KEYS removed the attributes ` +
    "that set their series apart, so a query per series reads their values as one series' (a counter's as resets); " +
    "remove those keys from REDACTION_DROP_KEYS, or aggregate the points before export"
  );
}
