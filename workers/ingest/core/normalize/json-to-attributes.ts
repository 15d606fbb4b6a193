import type { AnyValue, KeyValue } from "../../../shared/otlp/model";
import { EXACT_JSON_SUPPORTED, INEXACT_NUMBER, INTEGER_TOKEN, isRawJsonNumber } from "../decode/exact-json";
import { decimalFromString } from "../decode/int64";

/**
 * Flattens a parsed JSON object into attributes appended to `into`: nested objects become dotted
 * keys, arrays and objects at `maxDepth` become JSON text, scalars keep their type. A key already
 * in `into` (set by the producer, or produced earlier by the flattening itself) is skipped, so the
 * first writer wins. Top-level keys in `consumed` were used for the record's own fields and are
 * left out (skipping them is cheaper than deleting them, which would turn the object into a slow
 * dictionary).
 *
 * Returns the value of the first top-level request-id alias (isRequestIdAlias) holding a string
 * or an integer, found on the way so that lines without one cost no extra lookups.
 *
 * Throws INEXACT_NUMBER when the object came from plain JSON.parse and holds an integer it had
 * to round: the caller parses the text again with parseJsonExactly, whose RawJsonNumbers keep
 * every digit here.
 */
export function appendJsonAsAttributes(
  object: Record<string, unknown>,
  maxDepth: number,
  consumed: readonly string[],
  into: KeyValue[],
): AnyValue | undefined {
  const taken = new TakenKeys(into);
  let requestId: AnyValue | undefined;
  for (const name in object) {
    const value = object[name];
    if (requestId === undefined && isRequestIdAlias(name) && isScalarId(value)) {
      requestId = requestIdValue(jsonToAnyValue(value));
    }
    if (consumed.length > 0 && consumed.includes(name)) continue;
    appendEntry(name, value, 1, maxDepth, taken, into);
  }
  return requestId;
}

// for...in rather than Object.entries: it allocates no pair per key, and JSON.parse's objects
// have only own, enumerable keys, visited in the same order.
function appendEntry(
  key: string,
  value: unknown,
  depth: number,
  maxDepth: number,
  taken: TakenKeys,
  into: KeyValue[],
): void {
  if (depth < maxDepth && isNonEmptyPlainObject(value)) {
    for (const name in value) appendEntry(`${key}.${name}`, value[name], depth + 1, maxDepth, taken, into);
    return;
  }
  if (taken.take(key)) into.push({ key, value: jsonToAnyValue(value) });
}

/**
 * The same flattening for a structured (`kvlistValue`) body: nested maps become dotted keys down
 * to `maxDepth`, every other value is kept as the AnyValue it is (the exporter renders arrays and
 * deeper maps as JSON text, as it would have rendered them in the body). Returns the first
 * request-id alias's value, as appendJsonAsAttributes does.
 */
export function appendKvlistAsAttributes(
  entries: readonly KeyValue[],
  maxDepth: number,
  consumed: readonly string[],
  into: KeyValue[],
): AnyValue | undefined {
  const taken = new TakenKeys(into);
  let requestId: AnyValue | undefined;
  for (const entry of entries) {
    if (requestId === undefined && isRequestIdAlias(entry.key)) requestId = requestIdValue(entry.value);
    if (consumed.length > 0 && consumed.includes(entry.key)) continue;
    appendKvlistEntry(entry.key, entry.value, 1, maxDepth, taken, into);
  }
  return requestId;
}

/**
 * What real log lines call the request id (the seeds' producers, pino-http/fastify, Express
 * middlewares, header names copied into lines). A switch over internalized strings costs a few
 * pointer comparisons per key.
 */
export function isRequestIdAlias(key: string): boolean {
  switch (key) {
    case "requestId":
    case "request_id":
    case "requestID":
    case "reqId":
    case "req_id":
    case "correlationId":
    case "correlation_id":
    case "x-request-id":
    case "X-Request-ID":
    case "x-correlation-id":
    case "X-Correlation-ID":
      return true;
    default:
      return false;
  }
}

function isScalarId(value: unknown): boolean {
  return typeof value === "string" || typeof value === "number" || isRawJsonNumber(value);
}

/** Only strings and integers are ids; an object or a fraction under an alias is not. */
function requestIdValue(value: AnyValue): AnyValue | undefined {
  return "stringValue" in value || "intValue" in value ? value : undefined;
}

function appendKvlistEntry(
  key: string,
  value: AnyValue,
  depth: number,
  maxDepth: number,
  taken: TakenKeys,
  into: KeyValue[],
): void {
  if (depth < maxDepth && "kvlistValue" in value && value.kvlistValue.length > 0) {
    for (const entry of value.kvlistValue) {
      appendKvlistEntry(`${key}.${entry.key}`, entry.value, depth + 1, maxDepth, taken, into);
    }
    return;
  }
  if (taken.take(key)) into.push({ key, value });
}

/** Up to this many attributes a key is looked for by comparing it with each. */
const LINEAR_SEARCH_LIMIT = 32;

/**
 * The keys of an attribute list that only grows by keys `take` allowed. A typical record has a
 * dozen attributes, where comparing strings costs less than hashing them into a Set (and
 * allocates nothing); a Set takes over past LINEAR_SEARCH_LIMIT so a body with thousands of keys
 * stays linear.
 */
export class TakenKeys {
  private set: Set<string> | undefined;

  constructor(private readonly attributes: readonly KeyValue[]) {}

  /** Whether `key` is free, recording it as taken: the caller must then append it. */
  take(key: string): boolean {
    const attributes = this.attributes;
    if (this.set === undefined) {
      if (attributes.length < LINEAR_SEARCH_LIMIT) {
        for (let i = 0; i < attributes.length; i++) if (attributes[i]!.key === key) return false;
        return true;
      }
      this.set = new Set();
      for (const attribute of attributes) this.set.add(attribute.key);
    }
    if (this.set.has(key)) return false;
    this.set.add(key);
    return true;
  }
}

function isNonEmptyPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value) || isRawJsonNumber(value)) return false;
  for (const _ in value) return true;
  return false;
}

/**
 * A JSON value as an attribute value: strings, booleans, integers (`intValue`, exact), other
 * numbers (`doubleValue`), null as empty, arrays and objects as their JSON text.
 */
export function jsonToAnyValue(value: unknown): AnyValue {
  switch (typeof value) {
    case "string":
      return { stringValue: value };
    case "boolean":
      return { boolValue: value };
    case "number":
      if (Number.isSafeInteger(value)) return { intValue: String(value) };
      if (EXACT_JSON_SUPPORTED && Number.isInteger(value)) throw INEXACT_NUMBER;
      return { doubleValue: value };
    default:
      if (value === null || value === undefined) return { empty: true };
      if (isRawJsonNumber(value)) return rawNumberToAnyValue(value.rawJSON);
      if (EXACT_JSON_SUPPORTED && holdsInexactInteger(value)) throw INEXACT_NUMBER;
      // Arrays and objects too deep to flatten keep their JSON spelling (RawJsonNumbers verbatim).
      return { stringValue: JSON.stringify(value) };
  }
}

/** An integer token within int64 stays an integer, digit for digit; anything else is the double it spells. */
function rawNumberToAnyValue(text: string): AnyValue {
  if (INTEGER_TOKEN.test(text)) {
    const decimal = decimalFromString(text, true);
    if (decimal !== "out of range" && decimal !== "not an integer") return { intValue: decimal };
  }
  return { doubleValue: Number(text) };
}

function holdsInexactInteger(value: unknown): boolean {
  if (typeof value === "number") return !Number.isSafeInteger(value) && Number.isInteger(value);
  if (typeof value !== "object" || value === null) return false;
  if (Array.isArray(value)) return value.some(holdsInexactInteger);
  for (const name in value) if (holdsInexactInteger((value as Record<string, unknown>)[name])) return true;
  return false;
}
