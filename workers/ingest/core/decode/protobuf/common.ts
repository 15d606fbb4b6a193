/**
 * Decoders for opentelemetry/proto/common/v1 and resource/v1 messages.
 *
 * Every `read…` function reads one length-delimited message, starting at its length prefix, and
 * follows protobuf semantics: unknown fields are skipped, a repeated scalar or singular
 * message field seen twice merges (last scalar wins, repeated fields append). One departure: a
 * oneof set to two members, within one occurrence of its message or across two occurrences of
 * the field holding it (a `body` sent twice, merged as protobuf merges it), is read as the JSON
 * decoder reads one (oneof.ts, with a warning), where protobuf keeps the last member.
 */

import type { AnyValue, InstrumentationScope, KeyValue, Resource } from "../../../../shared/otlp/model";
import { byteCount, idHexOfLength, SHORT_TRACE_ID_BYTES, TRACE_ID_BYTES } from "../ids";
import { MAX_ANY_VALUE_DEPTH } from "../limits";
import { isDefaultAnyValue } from "../oneof";
import { locate, WIRE_FIXED64, WIRE_LENGTH_DELIMITED, WIRE_VARINT, WireError, type WireReader } from "./reader";


const ANY_VALUE_FIELDS = ["", "stringValue", "boolValue", "intValue", "doubleValue", "arrayValue", "kvlistValue", "bytesValue"];
const VALUES_FIELDS = ["", "values"];
const KEY_VALUE_FIELDS = ["", "key", "value"];
const RESOURCE_FIELDS = ["", "attributes", "droppedAttributesCount"];
const SCOPE_FIELDS = ["", "name", "version", "attributes", "droppedAttributesCount"];

/**
 * Reads one AnyValue. `previous` is the field's value read from an earlier occurrence of the same
 * singular field (a LogRecord's `body`, a KeyValue's `value` sent twice): protobuf reads the two
 * as one message, so this one is read into it, and a member of its oneof other than the one
 * `previous` holds is judged as two members in one message are (keptMember, with the warning).
 */
export function readAnyValue(r: WireReader, depth: number, previous?: AnyValue): AnyValue {
  if (depth > MAX_ANY_VALUE_DEPTH) {
    throw new WireError(`AnyValue nested deeper than ${MAX_ANY_VALUE_DEPTH} levels`, r.pos);
  }
  const parentLimit = r.enter();
  let value: AnyValue = previous ?? { empty: true };
  // Each member another member followed on the wire, as it was then: kept apart for keptMember.
  let displaced: AnyValue[] | undefined;
  let field = 0;
  try {
    while (r.hasMore()) {
      field = 0;
      const tag = r.tag();
      field = tag >>> 3;
      if (field <= 7 && !("empty" in value) && !(ANY_VALUE_FIELDS[field]! in value)) (displaced ??= []).push(value);
      // The same member again: a scalar's last value, a list appended to (a message member merges).
      switch (field) {
        case 1:
          r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
          value = { stringValue: r.string() };
          break;
        case 2:
          r.expectWireType(tag, WIRE_VARINT);
          value = { boolValue: r.bool() };
          break;
        case 3:
          r.expectWireType(tag, WIRE_VARINT);
          value = { intValue: r.int64Decimal() };
          break;
        case 4:
          r.expectWireType(tag, WIRE_FIXED64);
          value = { doubleValue: r.double() };
          break;
        case 5: {
          r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
          const values: AnyValue[] = "arrayValue" in value ? value.arrayValue : [];
          readArrayValue(r, values, depth);
          value = { arrayValue: values };
          break;
        }
        case 6: {
          r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
          const values: KeyValue[] = "kvlistValue" in value ? value.kvlistValue : [];
          readKeyValueList(r, values, depth);
          value = { kvlistValue: values };
          break;
        }
        case 7:
          r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
          value = { bytesValue: r.bytesCopy() };
          break;
        default:
          // Includes string_value_strindex (8): an index into a dictionary that only the
          // profiles signal carries, meaningless in logs, traces and metrics.
          r.skip(tag);
      }
    }
  } catch (error) {
    throw locate(error, "AnyValue", field, ANY_VALUE_FIELDS, -1);
  }
  r.leave(parentLimit);
  return displaced === undefined ? value : r.keptMember("an AnyValue", [...displaced, value], isDefaultAnyValue);
}

function readArrayValue(r: WireReader, values: AnyValue[], depth: number): void {
  const parentLimit = r.enter();
  let field = 0;
  try {
    while (r.hasMore()) {
      field = 0;
      const tag = r.tag();
      field = tag >>> 3;
      if (field === 1) {
        r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
        values.push(readAnyValue(r, depth + 1));
      } else {
        r.skip(tag);
      }
    }
  } catch (error) {
    throw locate(error, "ArrayValue", field, VALUES_FIELDS, field === 1 ? values.length : -1);
  }
  r.leave(parentLimit);
}

function readKeyValueList(r: WireReader, values: KeyValue[], depth: number): void {
  const parentLimit = r.enter();
  let field = 0;
  try {
    while (r.hasMore()) {
      field = 0;
      const tag = r.tag();
      field = tag >>> 3;
      if (field === 1) {
        r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
        values.push(readKeyValue(r, depth + 1));
      } else {
        r.skip(tag);
      }
    }
  } catch (error) {
    throw locate(error, "KeyValueList", field, VALUES_FIELDS, field === 1 ? values.length : -1);
  }
  r.leave(parentLimit);
}

/** The caller has checked the wire type, as for every `read…` below. */
function readKeyValue(r: WireReader, depth: number): KeyValue {
  const parentLimit = r.enter();
  let key = "";
  let value: AnyValue | undefined;
  let field = 0;
  try {
    while (r.hasMore()) {
      field = 0;
      const tag = r.tag();
      field = tag >>> 3;
      if (field === 1) {
        r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
        key = r.string();
      } else if (field === 2) {
        r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
        value = readAnyValue(r, depth, value);
      } else {
        // Includes key_strindex (3), a profiles-only dictionary reference.
        r.skip(tag);
      }
    }
  } catch (error) {
    throw locate(error, "KeyValue", field, KEY_VALUE_FIELDS, -1);
  }
  r.leave(parentLimit);
  return { key, value: value ?? { empty: true } };
}

/** Appends one KeyValue of a repeated `attributes`-like field, checking its wire type. */
export function readAttribute(r: WireReader, tag: number, into: KeyValue[]): void {
  r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
  into.push(readKeyValue(r, 0));
}

export function newResource(): Resource {
  return { attributes: [], droppedAttributesCount: 0 };
}

export function readResource(r: WireReader, out: Resource): void {
  const parentLimit = r.enter();
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
          r.expectWireType(tag, WIRE_VARINT);
          out.droppedAttributesCount = r.uint32();
          break;
        default:
          // Includes entity_refs (3), which the model does not carry.
          r.skip(tag);
      }
    }
  } catch (error) {
    throw locate(error, "Resource", field, RESOURCE_FIELDS, field === 1 ? out.attributes.length : -1);
  }
  r.leave(parentLimit);
}

export function newScope(): InstrumentationScope {
  return { name: "", version: "", attributes: [], droppedAttributesCount: 0 };
}

export function readScope(r: WireReader, out: InstrumentationScope): void {
  const parentLimit = r.enter();
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
          out.version = r.string();
          break;
        case 3:
          readAttribute(r, tag, out.attributes);
          break;
        case 4:
          r.expectWireType(tag, WIRE_VARINT);
          out.droppedAttributesCount = r.uint32();
          break;
        default:
          r.skip(tag);
      }
    }
  } catch (error) {
    throw locate(error, "InstrumentationScope", field, SCOPE_FIELDS, field === 3 ? out.attributes.length : -1);
  }
  r.leave(parentLimit);
}

/**
 * A `bytes` trace or span id as model hex (idHexOfLength: a 64-bit trace id is left-padded with
 * zeros, as its JSON hex is); empty means absent, any other length is an error. An id of zeros
 * is `allZero`: the model's `""`, or allZeroId for a span's own ids.
 */
export function readId(r: WireReader, tag: number, byteLength: number, allZero = ""): string {
  r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
  const start = r.pos;
  const end = r.lengthDelimitedEnd();
  const hex = idHexOfLength(r.bytes, r.pos, end, byteLength);
  if (hex === undefined) {
    const widths = byteLength === TRACE_ID_BYTES ? `${byteLength} (or ${SHORT_TRACE_ID_BYTES} for a 64-bit trace id, ` : `${byteLength} (`;
    throw new WireError(`id of ${byteCount(end - r.pos)}, expected ${widths}or 0 for none)`, start);
  }
  const sent = end > r.pos;
  r.pos = end;
  return hex === "" && sent ? allZero : hex;
}
