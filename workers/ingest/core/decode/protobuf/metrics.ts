/** Decoder for ExportMetricsServiceRequest (opentelemetry/proto/collector/metrics/v1, metrics/v1). */

import type { Metric, MetricData, MetricsRequest, ResourceMetrics, ScopeMetrics } from "../../../../shared/otlp/model";
import { readAttribute } from "./common";
import {
  readExponentialHistogramDataPoint,
  readHistogramDataPoint,
  readNumberDataPoint,
  readSummaryDataPoint,
} from "./metric-points";
import { defineEnvelope, readEnvelope } from "./envelope";
import { locate, WIRE_LENGTH_DELIMITED, WIRE_VARINT, type WireReader } from "./reader";

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
          // The oneof keeps the last member; the same member twice merges.
          const data = out.data.type === type ? out.data : newDataMessage(type);
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
  r.leave(parentLimit);
  return out;
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
