/** OTLP/JSON decoders for common/v1 and resource/v1 messages. */

import type { AnyValue, InstrumentationScope, KeyValue, Resource } from "../../../../shared/otlp/model";
import { MAX_ANY_VALUE_DEPTH } from "../limits";
import {
  array,
  bool,
  bytes,
  double,
  fail,
  item,
  optionalObject,
  sint64,
  string,
  uint32,
  within,
  type JsonObject,
} from "./values";


export function anyValue(o: JsonObject, depth: number): AnyValue {
  if (depth > MAX_ANY_VALUE_DEPTH) fail(`AnyValue nested deeper than ${MAX_ANY_VALUE_DEPTH} levels`);
  // The oneof: exactly one member may be set; an object with none is a valid empty value.
  let value: AnyValue | undefined;
  let member = "";
  if (o.stringValue != null) {
    value = { stringValue: string(o.stringValue, "stringValue") };
    member = "stringValue";
  }
  if (o.intValue != null) {
    if (value !== undefined) oneofConflict(member, "intValue");
    value = { intValue: sint64(o.intValue, "intValue") };
    member = "intValue";
  }
  if (o.boolValue != null) {
    if (value !== undefined) oneofConflict(member, "boolValue");
    value = { boolValue: bool(o.boolValue, "boolValue") };
    member = "boolValue";
  }
  if (o.doubleValue != null) {
    if (value !== undefined) oneofConflict(member, "doubleValue");
    value = { doubleValue: double(o.doubleValue, "doubleValue") };
    member = "doubleValue";
  }
  if (o.arrayValue != null) {
    if (value !== undefined) oneofConflict(member, "arrayValue");
    value = { arrayValue: arrayValue(o.arrayValue, depth) };
    member = "arrayValue";
  }
  if (o.kvlistValue != null) {
    if (value !== undefined) oneofConflict(member, "kvlistValue");
    value = { kvlistValue: kvlistValue(o.kvlistValue, depth) };
    member = "kvlistValue";
  }
  if (o.bytesValue != null) {
    if (value !== undefined) oneofConflict(member, "bytesValue");
    value = { bytesValue: bytes(o.bytesValue, "bytesValue") };
  }
  return value ?? { empty: true };
}

export function oneofConflict(first: string, second: string): never {
  return fail(`both ${first} and ${second} set, but they are members of one oneof`);
}

function arrayValue(value: unknown, depth: number): AnyValue[] {
  try {
    const items = array(optionalObject(value)!.values, "values");
    const out = new Array<AnyValue>(items.length);
    for (let i = 0; i < items.length; i++) {
      try {
        out[i] = anyValue(item(items[i]), depth + 1);
      } catch (error) {
        throw within(error, `values[${i}]`);
      }
    }
    return out;
  } catch (error) {
    throw within(error, "arrayValue");
  }
}

function kvlistValue(value: unknown, depth: number): KeyValue[] {
  try {
    return keyValues(optionalObject(value)!.values, "values", depth + 1);
  } catch (error) {
    throw within(error, "kvlistValue");
  }
}

/** A repeated KeyValue field such as `attributes`. */
export function keyValues(value: unknown, key: string, depth: number): KeyValue[] {
  const items = array(value, key);
  const out = new Array<KeyValue>(items.length);
  for (let i = 0; i < items.length; i++) {
    try {
      const kv = item(items[i]);
      const v = optionalObject(kv.value, "value");
      out[i] = { key: string(kv.key, "key"), value: v === undefined ? { empty: true } : nestedAnyValue(v, depth) };
    } catch (error) {
      throw within(error, `${key}[${i}]`);
    }
  }
  return out;
}

function nestedAnyValue(o: JsonObject, depth: number): AnyValue {
  try {
    return anyValue(o, depth);
  } catch (error) {
    throw within(error, "value");
  }
}

export function resource(value: unknown): Resource {
  const o = optionalObject(value, "resource");
  if (o === undefined) return { attributes: [], droppedAttributesCount: 0 };
  try {
    return {
      attributes: keyValues(o.attributes, "attributes", 0),
      droppedAttributesCount: uint32(o.droppedAttributesCount, "droppedAttributesCount"),
    };
  } catch (error) {
    throw within(error, "resource");
  }
}

export function scope(value: unknown): InstrumentationScope {
  const o = optionalObject(value, "scope");
  if (o === undefined) return { name: "", version: "", attributes: [], droppedAttributesCount: 0 };
  try {
    return {
      name: string(o.name, "name"),
      version: string(o.version, "version"),
      attributes: keyValues(o.attributes, "attributes", 0),
      droppedAttributesCount: uint32(o.droppedAttributesCount, "droppedAttributesCount"),
    };
  } catch (error) {
    throw within(error, "scope");
  }
}

/**
 * Decodes each item of a repeated message field, naming the failing item in errors.
 * `key` is the field's JSON name, e.g. "logRecords".
 */
export function messages<T>(value: unknown, key: string, decode: (o: JsonObject) => T): T[] {
  const items = array(value, key);
  const out = new Array<T>(items.length);
  for (let i = 0; i < items.length; i++) {
    try {
      out[i] = decode(item(items[i]));
    } catch (error) {
      throw within(error, `${key}[${i}]`);
    }
  }
  return out;
}
