/**
 * The two kinds of structured log body lifting reads, behind one face: a string body holding a
 * JSON object, and a `kvlistValue` body (what OpenTelemetry log bridges send for a logged
 * object). Lifting asks each for a few named members and then flattens the rest.
 */
import type { AnyValue, KeyValue } from "../../../shared/otlp/model";
import { isRawJsonNumber } from "../decode/exact-json";
import {
  appendJsonAsAttributes,
  appendKvlistAsAttributes,
  INEXACT_NUMBERS,
  inLiftOrder,
  jsonToAnyValue,
  lastWithKey,
  PrintBackCheck,
  type ConsumedKeys,
  type LiftOrder,
  type NumberCheck,
  type TakenKeys,
  wholeDouble,
} from "./json-to-attributes";
import { markRowsOf } from "./log-shapes";
import type { PropertyValue } from "./message-template";
import { anyValueAsString } from "../rows/any-value";

export interface BodyFields {
  /** The top-level member `key` when it is a string or a number that is exact, else undefined. */
  scalar(key: string): string | number | undefined;
  /** The top-level member `key` when it is a boolean, else undefined. */
  boolean(key: string): boolean | undefined;
  /** `scalar` of member `inner` of the top-level map `outer` (ECS's `{"log":{"level":…}}`). */
  memberScalar(outer: string, inner: string): string | number | undefined;
  /** Whether the top-level member `outer` is a map holding a member `inner`, whatever its value. */
  hasMember(outer: string, inner: string): boolean;
  /** `scalar` of member `inner` of each map in the top-level array `outer` (.NET's `Scopes`), in order; [] when it is no array. */
  elementScalars(outer: string, inner: string): (string | number | undefined)[];
  /** How many top-level members, whatever their values, have a name in `names`. */
  countNamed(names: ReadonlySet<string>): number;
  /** How many top-level members, whatever their values, have a name starting with `prefix`. */
  countPrefixed(prefix: string): number;
  /**
   * The member `name` (of the top-level map `map`, when given: Serilog's `Properties`) as a
   * message template's property (renderMessageTemplate); undefined when there is none.
   */
  property(map: string | undefined, name: string): PropertyValue | undefined;
  /** For each top-level member whose name `index` holds, marks its rows in `masks` (markRowsOf; presentRows). */
  markKeys(index: ReadonlyMap<string, readonly number[]>, masks: number[]): void;
  /**
   * Flattens every top-level member not in `consumed` into `taken.attributes` (the first writer
   * of a key wins; `taken.lost` says a value was left out); returns the first request-id
   * alias's value (a non-empty string or an integer: requestIdValue), if any.
   */
  appendAttributes(maxDepth: number, consumed: ConsumedKeys, taken: TakenKeys): AnyValue | undefined;
}

export class JsonObjectFields implements BodyFields {
  /**
   * `exact`: the object came from the exact parse (parseJsonObjectBodyExactly) of `text`, whose
   * RawJsonNumbers already hold every number to keep as written; else from JSON.parse, whose
   * numbers that may not print back (PrintBackCheck) ask for the exact parse (INEXACT_NUMBER).
   */
  constructor(
    private readonly object: Record<string, unknown>,
    private readonly exact: boolean,
    private readonly text: string,
  ) {}

  scalar(key: string): string | number | undefined {
    return jsonScalar(this.object[key]);
  }

  boolean(key: string): boolean | undefined {
    const value = this.object[key];
    return typeof value === "boolean" ? value : undefined;
  }

  memberScalar(outer: string, inner: string): string | number | undefined {
    const map = this.object[outer];
    return isPlainObject(map) ? jsonScalar(map[inner]) : undefined;
  }

  hasMember(outer: string, inner: string): boolean {
    const map = this.object[outer];
    return isPlainObject(map) && Object.hasOwn(map, inner);
  }

  elementScalars(outer: string, inner: string): (string | number | undefined)[] {
    const array = this.object[outer];
    if (!Array.isArray(array)) return [];
    return array.map((element: unknown) => (isPlainObject(element) ? jsonScalar(element[inner]) : undefined));
  }

  countNamed(names: ReadonlySet<string>): number {
    // The line's few keys looked up in the set, rather than each name of the set in the line.
    let count = 0;
    for (const key in this.object) if (names.has(key)) count++;
    return count;
  }

  countPrefixed(prefix: string): number {
    let count = 0;
    for (const key in this.object) if (key.startsWith(prefix)) count++;
    return count;
  }

  property(map: string | undefined, name: string): PropertyValue | undefined {
    const holder = map === undefined ? this.object : this.object[map];
    if (!isPlainObject(holder) || !Object.hasOwn(holder, name)) return undefined;
    const value = holder[name];
    if (typeof value === "string") return { string: value };
    // jsonToAnyValue gives a number its digits and a map or array its JSON text (null is empty).
    return { json: value === null ? "null" : anyValueAsString(jsonToAnyValue(value, this.numberCheck())) };
  }

  /** The number check appendAttributes uses, made once. */
  private numbers: NumberCheck | undefined;
  private numberCheck(): NumberCheck {
    return (this.numbers ??= this.exact ? INEXACT_NUMBERS : new PrintBackCheck(this.text));
  }

  markKeys(index: ReadonlyMap<string, readonly number[]>, masks: number[]): void {
    for (const key in this.object) {
      const rows = index.get(key);
      if (rows !== undefined) markRowsOf(rows, masks);
    }
  }

  appendAttributes(maxDepth: number, consumed: ConsumedKeys, taken: TakenKeys): AnyValue | undefined {
    return appendJsonAsAttributes(this.object, maxDepth, consumed, taken, this.numberCheck());
  }
}

/**
 * A map body read as the Collector shows it: a key sent twice has its last value (lastWithKey,
 * as `Map.AsRaw` and so the stored body read it, and as `JSON.parse` reads a JSON line), in maps
 * nested in it too; the values it replaced are flattened after the rest (appendKvlistAsAttributes).
 */
export class KvlistFields implements BodyFields {
  private readonly order: LiftOrder;
  /** Each top-level key once, with its last value, where it was first written. */
  private readonly keys: readonly KeyValue[];

  constructor(private readonly entries: readonly KeyValue[]) {
    this.order = inLiftOrder(entries);
    this.keys = this.order.read;
  }

  scalar(key: string): string | number | undefined {
    return kvlistScalar(lastWithKey(this.entries, key)?.value);
  }

  boolean(key: string): boolean | undefined {
    const value = lastWithKey(this.entries, key)?.value;
    return value !== undefined && "boolValue" in value ? value.boolValue : undefined;
  }

  memberScalar(outer: string, inner: string): string | number | undefined {
    const map = lastWithKey(this.entries, outer)?.value;
    return map !== undefined && "kvlistValue" in map ? kvlistScalar(lastWithKey(map.kvlistValue, inner)?.value) : undefined;
  }

  hasMember(outer: string, inner: string): boolean {
    const map = lastWithKey(this.entries, outer)?.value;
    return map !== undefined && "kvlistValue" in map && lastWithKey(map.kvlistValue, inner) !== undefined;
  }

  elementScalars(outer: string, inner: string): (string | number | undefined)[] {
    const array = lastWithKey(this.entries, outer)?.value;
    if (array === undefined || !("arrayValue" in array)) return [];
    return array.arrayValue.map((element) => ("kvlistValue" in element ? kvlistScalar(lastWithKey(element.kvlistValue, inner)?.value) : undefined));
  }

  countNamed(names: ReadonlySet<string>): number {
    let count = 0;
    for (const entry of this.keys) if (names.has(entry.key)) count++;
    return count;
  }

  countPrefixed(prefix: string): number {
    let count = 0;
    for (const entry of this.keys) if (entry.key.startsWith(prefix)) count++;
    return count;
  }

  property(map: string | undefined, name: string): PropertyValue | undefined {
    const holder = map === undefined ? this.entries : lastWithKey(this.entries, map)?.value;
    const entries = holder === undefined || Array.isArray(holder) ? holder : "kvlistValue" in holder ? holder.kvlistValue : undefined;
    const value = entries === undefined ? undefined : lastWithKey(entries, name)?.value;
    if (value === undefined) return undefined;
    if ("stringValue" in value) return { string: value.stringValue };
    return { json: "empty" in value ? "null" : anyValueAsString(value) };
  }

  markKeys(index: ReadonlyMap<string, readonly number[]>, masks: number[]): void {
    for (const entry of this.keys) {
      const rows = index.get(entry.key);
      if (rows !== undefined) markRowsOf(rows, masks);
    }
  }

  appendAttributes(maxDepth: number, consumed: ConsumedKeys, taken: TakenKeys): AnyValue | undefined {
    return appendKvlistAsAttributes(this.order, maxDepth, consumed, taken);
  }
}

/** A JSON object's map (not an array, null, or an exact parse's number). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) && !isRawJsonNumber(value);
}

/** A JSON value as a scalar lifting reads: a string, or a number that is an exact integer. */
function jsonScalar(value: unknown): string | number | undefined {
  return typeof value === "string" || (typeof value === "number" && Number.isSafeInteger(value)) ? value : undefined;
}

/**
 * The same for an AnyValue: `stringValue`, or an `intValue` a number holds exactly, or a
 * `doubleValue` that is such an integer (wholeDouble: what a Collector's JSON parsing sends).
 */
function kvlistScalar(value: AnyValue | undefined): string | number | undefined {
  if (value === undefined) return undefined;
  if ("stringValue" in value) return value.stringValue;
  if ("intValue" in value) {
    const n = Number(value.intValue);
    return Number.isSafeInteger(n) ? n : undefined;
  }
  if ("doubleValue" in value) return wholeDouble(value.doubleValue);
  return undefined;
}
