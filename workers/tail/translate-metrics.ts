/**
 * Per-batch counts of every invocation the tail saw, sampled or not, so error rates have a true
 * denominator: a sum of invocations and histograms of CPU and wall time, all delta temporality
 * (each batch reports only its own invocations; the store adds them up).
 */
import { REPORTED_OUTCOME_ATTRIBUTE, TRUNCATED_ATTRIBUTE } from "./attributes";
import type { TailConfig } from "./config";
import { classifyEvent, type InvocationEvent } from "./event-kind";
import {
  AGGREGATION_TEMPORALITY_DELTA,
  attributeList,
  millisToUnixNano,
  TAIL_SCOPE,
  type JsonHistogramDataPoint,
  type JsonMetric,
  type JsonMetricsRequest,
  type JsonNumberDataPoint,
} from "./otlp-json";
import { invocationOutcome, reportedOutcomeIfChanged } from "./outcomes";
import { isUsableTime } from "./record-time";
import { groupByResource } from "./resource-groups";
import type { TailTraceItem } from "./trace-item";

export const INVOCATIONS_METRIC = "cloudflare.worker.invocations";
/** A data point's attributes: strings, and the truncation flag as the log records carry it (bool). */
type PointAttributes = Record<string, string | boolean>;
export const CPU_TIME_METRIC = "cloudflare.worker.cpu_time";
export const WALL_TIME_METRIC = "cloudflare.worker.wall_time";

/** Bucket bounds in ms: CPU time is usually a few ms; wall time spans subrequests and waitUntil. */
export const CPU_TIME_BOUNDS_MS = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 5000, 30000];
export const WALL_TIME_BOUNDS_MS = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000];

export interface TranslatedMetrics {
  request: JsonMetricsRequest;
}

/** One invocation's contribution, before aggregation. */
interface Observation {
  script: string;
  outcome: string;
  /** The runtime's outcome where the tail reports another (REPORTED_OUTCOME_ATTRIBUTE). */
  reportedOutcome: string | undefined;
  eventKind: string;
  statusClass: string;
  cpuTime: number;
  wallTime: number;
  /** The platform cut the invocation's logs short (truncation.ts). */
  truncated: boolean;
}

export function translateMetrics(
  items: readonly TailTraceItem[],
  config: Pick<TailConfig, "serviceNameFallback">,
  nowMs: number,
): TranslatedMetrics {
  const window = { start: millisToUnixNano(windowStart(items, nowMs)), end: millisToUnixNano(nowMs) };
  const groups = groupByResource(items, config.serviceNameFallback, (item) => [
    observe(item, config.serviceNameFallback),
  ]);
  const resourceMetrics = groups.map(({ resource, entries }) => ({
    resource,
    scopeMetrics: [{ scope: TAIL_SCOPE, metrics: metricsFor(entries, window) }],
  }));
  return { request: { resourceMetrics } };
}

function observe(item: TailTraceItem, serviceNameFallback: string): Observation {
  const event = classifyEvent(item.event);
  return {
    script: item.scriptName ?? serviceNameFallback,
    outcome: invocationOutcome(item),
    reportedOutcome: reportedOutcomeIfChanged(item),
    eventKind: event.kind,
    statusClass: statusClass(event),
    cpuTime: item.cpuTime,
    wallTime: item.wallTime,
    truncated: item.truncated,
  };
}

/** "2xx".."5xx" for fetch events that produced a response; "none" for everything else. */
function statusClass(event: InvocationEvent): string {
  if (event.kind !== "fetch" || event.status === undefined) return "none";
  return `${Math.floor(event.status / 100)}xx`;
}

/**
 * The delta window's start, epoch ms: the earliest usable eventTimestamp in the batch (isUsableTime:
 * the rule the log records' times follow too), else `nowMs`. A time after `nowMs`, or older than
 * MAX_RECORD_AGE_MS (0, a clock gone wrong), never opens it: one such item would date every point
 * of the batch back to it, 1970 for a 0.
 */
export function windowStart(items: readonly TailTraceItem[], nowMs: number): number {
  return items.reduce(
    (earliest, { eventTimestamp: time }) => (isUsableTime(time, nowMs) ? Math.min(earliest, time) : earliest),
    nowMs,
  );
}

interface Window {
  start: string;
  end: string;
}

interface DurationHistogram {
  name: string;
  description: string;
  bounds: readonly number[];
  valueOf: (observation: Observation) => number;
}

const DURATION_HISTOGRAMS: readonly DurationHistogram[] = [
  {
    name: CPU_TIME_METRIC,
    description: "CPU time of producer Worker invocations.",
    bounds: CPU_TIME_BOUNDS_MS,
    valueOf: (observation) => observation.cpuTime,
  },
  {
    name: WALL_TIME_METRIC,
    description: "Wall time of producer Worker invocations.",
    bounds: WALL_TIME_BOUNDS_MS,
    valueOf: (observation) => observation.wallTime,
  },
];

function metricsFor(observations: readonly Observation[], window: Window): JsonMetric[] {
  return [
    invocationsMetric(observations, window),
    ...DURATION_HISTOGRAMS.map((histogram) => durationMetric(histogram, observations, window)),
  ];
}

function invocationsMetric(observations: readonly Observation[], window: Window): JsonMetric {
  const attributesOf = (o: Observation): PointAttributes => ({
    ...outcomeAttributes(o),
    "event.kind": o.eventKind,
    "http.status_class": o.statusClass,
    // Only where true: a truncated invocation is counted apart (its logs may have lost its
    // error), and the series of every other invocation stay as they were.
    ...(o.truncated ? { [TRUNCATED_ATTRIBUTE]: true } : {}),
  });
  return {
    name: INVOCATIONS_METRIC,
    description: "Producer Worker invocations seen by the tail Worker, sampled or not.",
    unit: "{invocation}",
    sum: {
      dataPoints: aggregate(observations, attributesOf).map(
        ([attributes, members]): JsonNumberDataPoint => ({
          attributes: attributeList(attributes),
          startTimeUnixNano: window.start,
          timeUnixNano: window.end,
          asInt: String(members.length),
        }),
      ),
      aggregationTemporality: AGGREGATION_TEMPORALITY_DELTA,
      isMonotonic: true,
    },
  };
}

/** The script and how its invocations ended; the reported outcome only where the tail changed it. */
function outcomeAttributes(o: Observation): Record<string, string> {
  const attributes: Record<string, string> = { script: o.script, outcome: o.outcome };
  if (o.reportedOutcome !== undefined) attributes[REPORTED_OUTCOME_ATTRIBUTE] = o.reportedOutcome;
  return attributes;
}

function durationMetric(
  histogram: DurationHistogram,
  observations: readonly Observation[],
  window: Window,
): JsonMetric {
  // Durations leave the status class out: it adds series without telling more about latency.
  const attributesOf = (o: Observation) => ({ ...outcomeAttributes(o), "event.kind": o.eventKind });
  return {
    name: histogram.name,
    description: histogram.description,
    unit: "ms",
    histogram: {
      dataPoints: aggregate(observations, attributesOf).map(([attributes, members]) =>
        histogramPoint(attributes, members.map(histogram.valueOf), histogram.bounds, window),
      ),
      aggregationTemporality: AGGREGATION_TEMPORALITY_DELTA,
    },
  };
}

function histogramPoint(
  attributes: PointAttributes,
  values: readonly number[],
  bounds: readonly number[],
  window: Window,
): JsonHistogramDataPoint {
  const bucketCounts = new Array<number>(bounds.length + 1).fill(0);
  for (const value of values) {
    // OTLP bucket i holds (bounds[i-1], bounds[i]]; the last one everything above the last bound.
    const index = bounds.findIndex((bound) => value <= bound);
    const bucket = index === -1 ? bounds.length : index;
    bucketCounts[bucket] = (bucketCounts[bucket] ?? 0) + 1;
  }
  return {
    attributes: attributeList(attributes),
    startTimeUnixNano: window.start,
    timeUnixNano: window.end,
    count: String(values.length),
    sum: values.reduce((total, value) => total + value, 0),
    min: Math.min(...values),
    max: Math.max(...values),
    bucketCounts: bucketCounts.map(String),
    explicitBounds: [...bounds],
  };
}

/** Observations grouped by the attribute set they report under, in first-seen order. */
function aggregate(
  observations: readonly Observation[],
  attributesOf: (o: Observation) => PointAttributes,
): [PointAttributes, Observation[]][] {
  const groups = new Map<string, [PointAttributes, Observation[]]>();
  for (const observation of observations) {
    const attributes = attributesOf(observation);
    const key = JSON.stringify(attributes);
    const group = groups.get(key) ?? [attributes, []];
    group[1].push(observation);
    groups.set(key, group);
  }
  return [...groups.values()];
}
