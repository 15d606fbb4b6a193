/**
 * OTLP/JSON wire shapes the tail sends, and small builders for them.
 *
 * These follow the OTLP JSON encoding, not the decoded model in workers/shared: field names are
 * lowerCamelCase, ids are hex, enums are integers, and 64-bit integers are decimal strings so that
 * no digit is lost to a JS number on either side of the wire.
 */
import { TAIL_SCOPE_NAME } from "../shared/tail-records";

export type JsonAnyValue =
  | { stringValue: string }
  | { boolValue: boolean }
  | { intValue: string }
  | { doubleValue: number }
  | { arrayValue: { values: JsonAnyValue[] } };

export interface JsonKeyValue {
  key: string;
  value: JsonAnyValue;
}

export interface JsonResource {
  attributes: JsonKeyValue[];
}

export interface JsonScope {
  name: string;
}

export interface JsonLogRecord {
  timeUnixNano: string;
  observedTimeUnixNano: string;
  severityNumber: number;
  severityText: string;
  body: JsonAnyValue;
  attributes: JsonKeyValue[];
  traceId?: string;
  flags?: number;
}

export interface JsonLogsRequest {
  resourceLogs: {
    resource: JsonResource;
    scopeLogs: { scope: JsonScope; logRecords: JsonLogRecord[] }[];
  }[];
}

/** OTLP AggregationTemporality: every point covers only the invocations of one tail batch. */
export const AGGREGATION_TEMPORALITY_DELTA = 1;

export interface JsonNumberDataPoint {
  attributes: JsonKeyValue[];
  startTimeUnixNano: string;
  timeUnixNano: string;
  asInt: string;
}

export interface JsonHistogramDataPoint {
  attributes: JsonKeyValue[];
  startTimeUnixNano: string;
  timeUnixNano: string;
  count: string;
  sum: number;
  min: number;
  max: number;
  bucketCounts: string[];
  explicitBounds: number[];
}

export type JsonMetric = { name: string; description: string; unit: string } & (
  | { sum: { dataPoints: JsonNumberDataPoint[]; aggregationTemporality: number; isMonotonic: boolean } }
  | { histogram: { dataPoints: JsonHistogramDataPoint[]; aggregationTemporality: number } }
);

export interface JsonMetricsRequest {
  resourceMetrics: {
    resource: JsonResource;
    scopeMetrics: { scope: JsonScope; metrics: JsonMetric[] }[];
  }[];
}

/** The instrumentation scope on everything the tail emits, so its data is recognisable. */
export const TAIL_SCOPE: JsonScope = { name: TAIL_SCOPE_NAME };

/** An attribute value the builders accept; `undefined` means "leave the attribute out". */
export type AttributeInput = string | number | boolean | readonly string[] | undefined;

/**
 * Builds an attribute list, skipping absent values. Integral numbers become intValue (a string,
 * per OTLP/JSON); fractional ones doubleValue, since cpuTime and wallTime may carry fractions.
 */
export function attributeList(entries: Record<string, AttributeInput>): JsonKeyValue[] {
  const list: JsonKeyValue[] = [];
  for (const [key, value] of Object.entries(entries)) {
    if (value === undefined) continue;
    list.push({ key, value: anyValue(value) });
  }
  return list;
}

function anyValue(value: Exclude<AttributeInput, undefined>): JsonAnyValue {
  if (typeof value === "string") return { stringValue: value };
  if (typeof value === "boolean") return { boolValue: value };
  if (typeof value === "number") {
    return Number.isInteger(value) ? { intValue: String(value) } : { doubleValue: value };
  }
  return { arrayValue: { values: value.map((item) => ({ stringValue: item })) } };
}

/**
 * Millisecond epoch (what Cloudflare reports) to OTLP's nanosecond decimal string. Goes through
 * BigInt because nanosecond epochs exceed Number.MAX_SAFE_INTEGER; keeps microsecond fractions.
 */
export function millisToUnixNano(milliseconds: number): string {
  return (BigInt(Math.round(milliseconds * 1000)) * 1000n).toString();
}
