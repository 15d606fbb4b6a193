/** Decoders for the data points of metrics/v1 and what they contain (buckets, quantiles, exemplars). */

import type {
  Exemplar,
  ExponentialHistogramBuckets,
  ExponentialHistogramDataPoint,
  HistogramDataPoint,
  NumberDataPoint,
  NumberValue,
  SummaryDataPoint,
  ValueAtQuantile,
} from "../../../../shared/otlp/model";
import { SPAN_ID_BYTES, TRACE_ID_BYTES } from "../ids";
import { isDefaultNumberValue } from "../oneof";
import { readAttribute, readId } from "./common";
import { locate, WIRE_FIXED64, WIRE_LENGTH_DELIMITED, WIRE_VARINT, type WireReader } from "./reader";

const NUMBER_POINT_FIELDS = ["", "", "startTimeUnixNano", "timeUnixNano", "asDouble", "exemplars", "asInt", "attributes", "flags"];
const HISTOGRAM_POINT_FIELDS = [
  "", "", "startTimeUnixNano", "timeUnixNano", "count", "sum", "bucketCounts", "explicitBounds",
  "exemplars", "attributes", "flags", "min", "max",
];
const EXPONENTIAL_POINT_FIELDS = [
  "", "attributes", "startTimeUnixNano", "timeUnixNano", "count", "sum", "scale", "zeroCount",
  "positive", "negative", "flags", "exemplars", "min", "max", "zeroThreshold",
];
const BUCKETS_FIELDS = ["", "offset", "bucketCounts"];
const SUMMARY_POINT_FIELDS = ["", "", "startTimeUnixNano", "timeUnixNano", "count", "sum", "quantileValues", "attributes", "flags"];
const QUANTILE_FIELDS = ["", "quantile", "value"];
const EXEMPLAR_FIELDS = ["", "", "timeUnixNano", "asDouble", "spanId", "traceId", "asInt", "filteredAttributes"];

export function readNumberDataPoint(r: WireReader): NumberDataPoint {
  const parentLimit = r.enter();
  const out: NumberDataPoint = {
    attributes: [],
    startTimeUnixNano: "0",
    timeUnixNano: "0",
    value: { none: true },
    exemplars: [],
    flags: 0,
  };
  // asDouble and asInt each as last sent before the other followed on the wire: kept apart for keptMember.
  let displaced: NumberValue[] | undefined;
  let field = 0;
  try {
    while (r.hasMore()) {
      field = 0;
      const tag = r.tag();
      field = tag >>> 3;
      switch (field) {
        case 2:
          r.expectWireType(tag, WIRE_FIXED64);
          out.startTimeUnixNano = r.fixed64Decimal();
          break;
        case 3:
          r.expectWireType(tag, WIRE_FIXED64);
          out.timeUnixNano = r.fixed64Decimal();
          break;
        case 4:
          r.expectWireType(tag, WIRE_FIXED64);
          if ("asInt" in out.value) (displaced ??= []).push(out.value);
          out.value = { asDouble: r.double() };
          break;
        case 5:
          r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
          out.exemplars.push(readExemplar(r));
          break;
        case 6:
          r.expectWireType(tag, WIRE_FIXED64);
          if ("asDouble" in out.value) (displaced ??= []).push(out.value);
          out.value = { asInt: r.sfixed64Decimal() };
          break;
        case 7:
          readAttribute(r, tag, out.attributes);
          break;
        case 8:
          r.expectWireType(tag, WIRE_VARINT);
          out.flags = r.uint32();
          break;
        default:
          r.skip(tag);
      }
    }
  } catch (error) {
    const index = field === 7 ? out.attributes.length : field === 5 ? out.exemplars.length : -1;
    throw locate(error, "NumberDataPoint", field, NUMBER_POINT_FIELDS, index);
  }
  r.leave(parentLimit);
  if (displaced !== undefined) out.value = r.keptMember("a number point", [...displaced, out.value], isDefaultNumberValue);
  return out;
}

export function readHistogramDataPoint(r: WireReader): HistogramDataPoint {
  const parentLimit = r.enter();
  const out: HistogramDataPoint = {
    attributes: [],
    startTimeUnixNano: "0",
    timeUnixNano: "0",
    count: "0",
    sum: undefined,
    bucketCounts: [],
    explicitBounds: [],
    exemplars: [],
    flags: 0,
    min: undefined,
    max: undefined,
  };
  let field = 0;
  try {
    while (r.hasMore()) {
      field = 0;
      const tag = r.tag();
      field = tag >>> 3;
      switch (field) {
        case 2:
          r.expectWireType(tag, WIRE_FIXED64);
          out.startTimeUnixNano = r.fixed64Decimal();
          break;
        case 3:
          r.expectWireType(tag, WIRE_FIXED64);
          out.timeUnixNano = r.fixed64Decimal();
          break;
        case 4:
          r.expectWireType(tag, WIRE_FIXED64);
          out.count = r.fixed64Decimal();
          break;
        case 5:
          r.expectWireType(tag, WIRE_FIXED64);
          out.sum = r.double();
          break;
        case 6:
          r.repeatedFixed64Decimal(tag, out.bucketCounts);
          break;
        case 7:
          r.repeatedDouble(tag, out.explicitBounds);
          break;
        case 8:
          r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
          out.exemplars.push(readExemplar(r));
          break;
        case 9:
          readAttribute(r, tag, out.attributes);
          break;
        case 10:
          r.expectWireType(tag, WIRE_VARINT);
          out.flags = r.uint32();
          break;
        case 11:
          r.expectWireType(tag, WIRE_FIXED64);
          out.min = r.double();
          break;
        case 12:
          r.expectWireType(tag, WIRE_FIXED64);
          out.max = r.double();
          break;
        default:
          r.skip(tag);
      }
    }
  } catch (error) {
    const index = field === 9 ? out.attributes.length : field === 8 ? out.exemplars.length : -1;
    throw locate(error, "HistogramDataPoint", field, HISTOGRAM_POINT_FIELDS, index);
  }
  r.leave(parentLimit);
  return out;
}

export function readExponentialHistogramDataPoint(r: WireReader): ExponentialHistogramDataPoint {
  const parentLimit = r.enter();
  const out: ExponentialHistogramDataPoint = {
    attributes: [],
    startTimeUnixNano: "0",
    timeUnixNano: "0",
    count: "0",
    sum: undefined,
    scale: 0,
    zeroCount: "0",
    positive: { offset: 0, bucketCounts: [] },
    negative: { offset: 0, bucketCounts: [] },
    flags: 0,
    exemplars: [],
    min: undefined,
    max: undefined,
    zeroThreshold: 0,
  };
  let field = 0;
  try {
    while (r.hasMore()) {
      field = 0;
      const tag = r.tag();
      field = tag >>> 3;
      switch (field) {
        case 1:
          readAttribute(r, tag, out.attributes);
          break;
        case 2:
          r.expectWireType(tag, WIRE_FIXED64);
          out.startTimeUnixNano = r.fixed64Decimal();
          break;
        case 3:
          r.expectWireType(tag, WIRE_FIXED64);
          out.timeUnixNano = r.fixed64Decimal();
          break;
        case 4:
          r.expectWireType(tag, WIRE_FIXED64);
          out.count = r.fixed64Decimal();
          break;
        case 5:
          r.expectWireType(tag, WIRE_FIXED64);
          out.sum = r.double();
          break;
        case 6:
          r.expectWireType(tag, WIRE_VARINT);
          out.scale = r.sint32();
          break;
        case 7:
          r.expectWireType(tag, WIRE_FIXED64);
          out.zeroCount = r.fixed64Decimal();
          break;
        case 8:
          r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
          readBuckets(r, out.positive);
          break;
        case 9:
          r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
          readBuckets(r, out.negative);
          break;
        case 10:
          r.expectWireType(tag, WIRE_VARINT);
          out.flags = r.uint32();
          break;
        case 11:
          r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
          out.exemplars.push(readExemplar(r));
          break;
        case 12:
          r.expectWireType(tag, WIRE_FIXED64);
          out.min = r.double();
          break;
        case 13:
          r.expectWireType(tag, WIRE_FIXED64);
          out.max = r.double();
          break;
        case 14:
          r.expectWireType(tag, WIRE_FIXED64);
          out.zeroThreshold = r.double();
          break;
        default:
          r.skip(tag);
      }
    }
  } catch (error) {
    const index = field === 1 ? out.attributes.length : field === 11 ? out.exemplars.length : -1;
    throw locate(error, "ExponentialHistogramDataPoint", field, EXPONENTIAL_POINT_FIELDS, index);
  }
  r.leave(parentLimit);
  return out;
}

function readBuckets(r: WireReader, out: ExponentialHistogramBuckets): void {
  const parentLimit = r.enter();
  let field = 0;
  try {
    while (r.hasMore()) {
      field = 0;
      const tag = r.tag();
      field = tag >>> 3;
      switch (field) {
        case 1:
          r.expectWireType(tag, WIRE_VARINT);
          out.offset = r.sint32();
          break;
        case 2:
          r.repeatedUint64Decimal(tag, out.bucketCounts);
          break;
        default:
          r.skip(tag);
      }
    }
  } catch (error) {
    throw locate(error, "ExponentialHistogramDataPoint.Buckets", field, BUCKETS_FIELDS, -1);
  }
  r.leave(parentLimit);
}

export function readSummaryDataPoint(r: WireReader): SummaryDataPoint {
  const parentLimit = r.enter();
  const out: SummaryDataPoint = {
    attributes: [],
    startTimeUnixNano: "0",
    timeUnixNano: "0",
    count: "0",
    sum: 0,
    quantileValues: [],
    flags: 0,
  };
  let field = 0;
  try {
    while (r.hasMore()) {
      field = 0;
      const tag = r.tag();
      field = tag >>> 3;
      switch (field) {
        case 2:
          r.expectWireType(tag, WIRE_FIXED64);
          out.startTimeUnixNano = r.fixed64Decimal();
          break;
        case 3:
          r.expectWireType(tag, WIRE_FIXED64);
          out.timeUnixNano = r.fixed64Decimal();
          break;
        case 4:
          r.expectWireType(tag, WIRE_FIXED64);
          out.count = r.fixed64Decimal();
          break;
        case 5:
          r.expectWireType(tag, WIRE_FIXED64);
          out.sum = r.double();
          break;
        case 6:
          r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
          out.quantileValues.push(readValueAtQuantile(r));
          break;
        case 7:
          readAttribute(r, tag, out.attributes);
          break;
        case 8:
          r.expectWireType(tag, WIRE_VARINT);
          out.flags = r.uint32();
          break;
        default:
          r.skip(tag);
      }
    }
  } catch (error) {
    const index = field === 7 ? out.attributes.length : field === 6 ? out.quantileValues.length : -1;
    throw locate(error, "SummaryDataPoint", field, SUMMARY_POINT_FIELDS, index);
  }
  r.leave(parentLimit);
  return out;
}

function readValueAtQuantile(r: WireReader): ValueAtQuantile {
  const parentLimit = r.enter();
  const out: ValueAtQuantile = { quantile: 0, value: 0 };
  let field = 0;
  try {
    while (r.hasMore()) {
      field = 0;
      const tag = r.tag();
      field = tag >>> 3;
      if (field === 1) {
        r.expectWireType(tag, WIRE_FIXED64);
        out.quantile = r.double();
      } else if (field === 2) {
        r.expectWireType(tag, WIRE_FIXED64);
        out.value = r.double();
      } else {
        r.skip(tag);
      }
    }
  } catch (error) {
    throw locate(error, "SummaryDataPoint.ValueAtQuantile", field, QUANTILE_FIELDS, -1);
  }
  r.leave(parentLimit);
  return out;
}

function readExemplar(r: WireReader): Exemplar {
  const parentLimit = r.enter();
  const out: Exemplar = {
    filteredAttributes: [],
    timeUnixNano: "0",
    value: { none: true },
    spanId: "",
    traceId: "",
  };
  let displaced: NumberValue[] | undefined;
  let field = 0;
  try {
    while (r.hasMore()) {
      field = 0;
      const tag = r.tag();
      field = tag >>> 3;
      switch (field) {
        case 2:
          r.expectWireType(tag, WIRE_FIXED64);
          out.timeUnixNano = r.fixed64Decimal();
          break;
        case 3:
          r.expectWireType(tag, WIRE_FIXED64);
          if ("asInt" in out.value) (displaced ??= []).push(out.value);
          out.value = { asDouble: r.double() };
          break;
        case 4:
          out.spanId = readId(r, tag, SPAN_ID_BYTES);
          break;
        case 5:
          out.traceId = readId(r, tag, TRACE_ID_BYTES);
          break;
        case 6:
          r.expectWireType(tag, WIRE_FIXED64);
          if ("asDouble" in out.value) (displaced ??= []).push(out.value);
          out.value = { asInt: r.sfixed64Decimal() };
          break;
        case 7:
          readAttribute(r, tag, out.filteredAttributes);
          break;
        default:
          r.skip(tag);
      }
    }
  } catch (error) {
    throw locate(error, "Exemplar", field, EXEMPLAR_FIELDS, field === 7 ? out.filteredAttributes.length : -1);
  }
  r.leave(parentLimit);
  if (displaced !== undefined) out.value = r.keptMember("an exemplar", [...displaced, out.value], isDefaultNumberValue);
  return out;
}
