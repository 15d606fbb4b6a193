/**
 * What a request holds that can make no row, named for the answer's warning, so that it does
 * not vanish behind a bare 200.
 *
 * A metric with no data points (its data field unset, or a data field whose `dataPoints` is
 * empty) makes no row. The OTLP specification's partial success counts rejected data points, and
 * such a metric has none to count, so the answer names it in a warning (`error_message` with
 * `rejected_data_points` 0, which the specification allows). The Collector stores nothing for an
 * empty `dataPoints` without a word, and its exporter fails the whole export on an unset data
 * field ("metrics type is unset"); here the rest of the request is stored.
 *
 * Containers without records (a resource with no scope lists, a scope with no records) are not
 * warned of: they are what an SDK's empty flush looks like (the JS SDK's periodic reader sent
 * its resource with no scope metrics until opentelemetry-js#5288), they hold nothing that would
 * make a row, and SDKs log every warning.
 */
import { bySignal, type BySignal } from "../../../shared/otlp/by-signal";
import type { MetricsRequest, Signal, SignalRequest } from "../../../shared/otlp/model";
import type { SenderPlace } from "../../../shared/otlp/sender-place";

/** How many metrics the warning names before counting the rest. */
const NAMED_IN_WARNING = 5;

/**
 * The warning for `request`'s metrics without data points, each named with its place (as
 * `senderPlace` names it) and what it lacks; "" when there is none, and for logs and traces.
 * Must see the request as decoded, before record limits empty any point list.
 */
export function noDataPointsWarning<S extends Signal>(signal: S, request: SignalRequest[S], senderPlace: SenderPlace): string {
  return bySignal(signal, request, NO_DATA_POINTS)(senderPlace);
}

const NO_DATA_POINTS: BySignal<(senderPlace: SenderPlace) => string> = {
  logs: () => () => "",
  traces: () => () => "",
  metrics: (request) => (senderPlace) => metricsWithoutPoints(request, senderPlace),
};

function metricsWithoutPoints(request: MetricsRequest, senderPlace: SenderPlace): string {
  let count = 0;
  const named: string[] = [];
  for (let r = 0; r < request.resourceMetrics.length; r++) {
    const scopeMetrics = request.resourceMetrics[r]!.scopeMetrics;
    for (let s = 0; s < scopeMetrics.length; s++) {
      const metrics = scopeMetrics[s]!.metrics;
      for (let m = 0; m < metrics.length; m++) {
        const { name, data } = metrics[m]!;
        if (data.type !== "empty" && data.dataPoints.length > 0) continue;
        if (count++ >= NAMED_IN_WARNING) continue;
        const lack =
          data.type === "empty"
            ? "no data: none of gauge, sum, histogram, exponentialHistogram, summary is set"
            : `${data.type}.dataPoints is empty`;
        named.push(`${JSON.stringify(name)} at ${senderPlace(`resourceMetrics[${r}].scopeMetrics[${s}].metrics[${m}]`)} (${lack})`);
      }
    }
  }
  if (count === 0) return "";
  const metricsWord = count === 1 ? "1 metric" : `${count} metrics`;
  const more = count > named.length ? `; and ${count - named.length} more` : "";
  return `${metricsWord} without data points stored nothing (no data point was rejected): ${named.join("; ")}${more}`;
}
