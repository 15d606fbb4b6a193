/** Decoder for ExportMetricsServiceRequest (opentelemetry/proto/collector/metrics/v1, metrics/v1). */

import type { Metric, MetricData, MetricsRequest, ResourceMetrics, ScopeMetrics } from "../../../../shared/otlp/model";
import { readAttribute } from "./common";
import {
  readExponentialHistogramDataPoint,
  readHistogramDataPoint,
  readNumberDataPoint,
  readSummaryDataPoint,
} from "./metric-points";
import { chosenDataMember } from "../oneof";
import { defineEnvelope, readEnvelope } from "./envelope";
import { locate, WIRE_LENGTH_DELIMITED, WIRE_VARINT, WireError, type WireReader } from "./reader";

const METRIC_FIELDS = ["", "name", "description", "unit", "", "gauge", "", "sum", "", "histogram", "exponentialHistogram", "summary", "metadata"];
const DATA_FIELDS = ["", "dataPoints", "aggregationTemporality", "isMonotonic"];

const ENVELOPE = defineEnvelope({
  messages: ["ExportMetricsServiceRequest", "ResourceMetrics", "ScopeMetrics"],
  lists: ["resourceMetrics", "scopeMetrics", "metrics"],
  readItem: readMetric,
  scopeEntry: (scope, metrics, schemaUrl): ScopeMetrics => ({ scope, metrics, schemaUrl }),
  resourceEntry: (resource, scopeMetrics, schemaUrl): ResourceMetrics => ({ resource, scopeMetrics, schemaUrl }),
});

/** Reads the whole buffer as one request (the top level has no length prefix); see envelope.ts. */
export function readMetricsRequest(r: WireReader): MetricsRequest {
  return { resourceMetrics: readEnvelope(r, ENVELOPE) };
}

/** Metric data as it is once the `data` oneof has a member. */
type DataMessage = Exclude<MetricData, { type: "empty" }>;

/** The `data` oneof's members, by field number in Metric. */
const DATA_TYPE_OF_FIELD: Readonly<Record<number, DataMessage["type"]>> = {
  5: "gauge",
  7: "sum",
  9: "histogram",
  10: "exponentialHistogram",
  11: "summary",
};

const PROTO_NAME_OF_DATA_TYPE: Readonly<Record<DataMessage["type"], string>> = {
  gauge: "Gauge",
  sum: "Sum",
  histogram: "Histogram",
  exponentialHistogram: "ExponentialHistogram",
  summary: "Summary",
};

function readMetric(r: WireReader): Metric {
  const parentLimit = r.enter();
  const out: Metric = { name: "", description: "", unit: "", data: { type: "empty" }, metadata: [] };
  // Each member of the `data` oneof sent, in the order first sent, once more than one was.
  let members: DataMessage[] | undefined;
  let field = 0;
  try {
    while (r.hasMore()) {
      field = 0;
      const tag = r.tag();
      field = tag >>> 3;
      switch (field) {
        case 1:
          r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
          out.name = r.string();
          break;
        case 2:
          r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
          out.description = r.string();
          break;
        case 3:
          r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
          out.unit = r.string();
          break;
        case 5:
        case 7:
        case 9:
        case 10:
        case 11: {
          r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
          const type = DATA_TYPE_OF_FIELD[field]!;
          // The same member twice merges; another member is kept apart for chosenData.
          let data = out.data.type === type ? out.data : members?.find((member) => member.type === type);
          if (data === undefined) {
            data = newDataMessage(type);
            if (out.data.type !== "empty") (members ??= [out.data]).push(data);
          }
          readDataMessage(r, data);
          out.data = data;
          break;
        }
        case 12:
          readAttribute(r, tag, out.metadata);
          break;
        default:
          r.skip(tag);
      }
    }
  } catch (error) {
    throw locate(error, "Metric", field, METRIC_FIELDS, field === 12 ? out.metadata.length : -1);
  }
  if (members !== undefined) out.data = chosenData(r, out.name, members);
  r.leave(parentLimit);
  return out;
}

/**
 * A metric whose `data` oneof was set to more than one member (`members`, in the order first
 * sent), judged by the JSON decoder's rule (oneof.ts, chosenDataMember): the only member holding
 * data points is kept, the choice noted naming the metric; none holding points keeps the last
 * (the metric is warned of as one without data points); more than one refuses the request.
 * Protobuf, and the Collector, keep the last member on the wire, which would lose an earlier
 * member's points unsaid (docs/decisions.md, 2026-12-07, a metric's data members set twice).
 */
function chosenData(r: WireReader, name: string, members: readonly DataMessage[]): DataMessage {
  const names = members.map((data) => data.type);
  const choice = chosenDataMember(
    names,
    members.map((data) => data.dataPoints.length > 0),
  );
  if ("refused" in choice) throw new WireError(choice.refused, r.pos);
  if (choice.noted) r.noteOneofChoice(`metric ${JSON.stringify(name)} (${names.join(", ")} set, ${names[choice.kept]} kept)`);
  return members[choice.kept]!;
}

function newDataMessage(type: DataMessage["type"]): DataMessage {
  switch (type) {
    case "gauge":
      return { type, dataPoints: [] };
    case "sum":
      return { type, dataPoints: [], aggregationTemporality: 0, isMonotonic: false };
    case "histogram":
      return { type, dataPoints: [], aggregationTemporality: 0 };
    case "exponentialHistogram":
      return { type, dataPoints: [], aggregationTemporality: 0 };
    case "summary":
      return { type, dataPoints: [] };
  }
}

/** Reads Gauge, Sum, Histogram, ExponentialHistogram or Summary: they share field numbers. */
function readDataMessage(r: WireReader, data: DataMessage): void {
  const parentLimit = r.enter();
  let field = 0;
  try {
    while (r.hasMore()) {
      field = 0;
      const tag = r.tag();
      field = tag >>> 3;
      if (field === 1) {
        r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
        readDataPoint(r, data);
      } else if (field === 2 && (data.type === "sum" || data.type === "histogram" || data.type === "exponentialHistogram")) {
        r.expectWireType(tag, WIRE_VARINT);
        data.aggregationTemporality = r.int32();
      } else if (field === 3 && data.type === "sum") {
        r.expectWireType(tag, WIRE_VARINT);
        data.isMonotonic = r.bool();
      } else {
        r.skip(tag);
      }
    }
  } catch (error) {
    throw locate(error, PROTO_NAME_OF_DATA_TYPE[data.type], field, DATA_FIELDS, field === 1 ? data.dataPoints.length : -1);
  }
  r.leave(parentLimit);
}

function readDataPoint(r: WireReader, data: DataMessage): void {
  switch (data.type) {
    case "gauge":
    case "sum":
      data.dataPoints.push(readNumberDataPoint(r));
      return;
    case "histogram":
      data.dataPoints.push(readHistogramDataPoint(r));
      return;
    case "exponentialHistogram":
      data.dataPoints.push(readExponentialHistogramDataPoint(r));
      return;
    case "summary":
      data.dataPoints.push(readSummaryDataPoint(r));
      return;
  }
}
