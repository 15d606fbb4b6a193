import type { AnyValue, KeyValue } from "../../../shared/otlp/model";
import { EXACT_JSON_SUPPORTED, INEXACT_NUMBER, INTEGER_TOKEN, isRawJsonNumber } from "../decode/exact-json";
import { decimalFromString, NUMBER_TOKEN } from "../decode/int64";
import { isRequestIdAlias } from "../../../shared/request-id";
import { anyValueAsString } from "../rows/any-value";
import { BODY_KEY_PREFIX } from "./attribute-names";
import { DottedKeys } from "./dotted-keys";

/**
 * Flattens a parsed JSON object into attributes appended to `taken.attributes`: nested objects
 * become dotted keys, arrays and objects at `maxDepth` become JSON text, scalars keep their type.
 * A key already there is not written twice (TakenKeys.refuse): a key the record has keeps the
 * record's value and the body's goes under `log.<key>`; between lifted keys the first writer
 * wins and `taken.lost` records that a value was left out, so the caller can keep the body that
 * still holds it. Keys in `consumed` were used for the record's own fields and are left out
 * (skipping them is cheaper than deleting them, which would turn the object into a slow
 * dictionary); a member it names (ECS's `log` → `level`) only where its map is flattened.
 *
 * Returns the value of the first top-level request-id alias (isRequestIdAlias) holding an id
 * (requestIdValue), found on the way so that lines without one cost no extra lookups.
 *
 * Throws INEXACT_NUMBER when the object came from plain JSON.parse and holds an integer it had
 * to round: the caller parses the text again with parseJsonExactly, whose RawJsonNumbers keep
 * every digit here. Throws TOO_DEEP_TO_LIFT when a value kept as JSON text nests more than
 * MAX_NESTING_AS_TEXT levels: the caller leaves such a body as it is.
 */
export function appendJsonAsAttributes(
  object: Record<string, unknown>,
  maxDepth: number,
  consumed: ConsumedKeys,
  taken: TakenKeys,
  check: NumberCheck = INEXACT_NUMBERS,
): AnyValue | undefined {
  const into = taken.attributes;
  let requestId: AnyValue | undefined;
  for (const name in object) {
    const value = object[name];
    if (requestId === undefined && isRequestIdAlias(name) && isScalarId(value)) {
      requestId = requestIdValue(jsonToAnyValue(value, check));
    }
    if (consumed.has(name)) continue;
    // appendEntry's first level, inlined: a top-level key is distinct from the other top-level
    // keys (JSON.parse keeps one member per name), so TakenKeys need not compare it with them.
    if (maxDepth > 1 && isNonEmptyPlainObject(value)) {
      const used = consumed.memberOf(name);
      for (const inner in value) {
        if (inner !== used) appendEntry(taken.keys.join(name, inner), value[inner], 2, maxDepth, taken, into, check);
      }
    } else if (taken.takeDistinct(name)) {
      into.push({ key: name, value: jsonToAnyValue(value, check) });
    } else {
      taken.refuse(name, jsonToAnyValue(value, check));
    }
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
  check: NumberCheck,
): void {
  if (depth < maxDepth && isNonEmptyPlainObject(value)) {
    for (const name in value) appendEntry(taken.keys.join(key, name), value[name], depth + 1, maxDepth, taken, into, check);
    return;
  }
  if (taken.take(key)) into.push({ key, value: jsonToAnyValue(value, check) });
  else taken.refuse(key, jsonToAnyValue(value, check));
}

/**
 * The same flattening for a structured (`kvlistValue`) body, its entries in lift order
 * (inLiftOrder): nested maps become dotted keys down
 * to `maxDepth`, every other value is kept as the AnyValue it is (the exporter renders arrays and
 * deeper maps as JSON text, as it would have rendered them in the body). A key that collides
 * is handled by TakenKeys.refuse. A key a map holds twice is read with its last value, at the
 * place it was first written (inLiftOrder); an earlier value with other text is kept under its
 * key when that is free (a key lifting consumed: `msg` twice keeps the message's rival as the
 * attribute `msg`), else TakenKeys.refuse leaves it out and `taken.lost` says so. A consumed
 * member (ConsumedKeys.memberOf; of the map read last under its name, as KvlistFields reads it)
 * is left out where its map is flattened. Returns the first request-id alias's value, as
 * appendJsonAsAttributes does.
 */
export function appendKvlistAsAttributes(order: LiftOrder, maxDepth: number, consumed: ConsumedKeys, taken: TakenKeys): AnyValue | undefined {
  let requestId: AnyValue | undefined;
  for (const entry of order.read) {
    if (requestId === undefined && isRequestIdAlias(entry.key)) requestId = requestIdValue(entry.value);
    if (consumed.has(entry.key)) continue;
    const value = entry.value;
    const member = consumed.memberOf(entry.key);
    if (member !== undefined && maxDepth > 1 && "kvlistValue" in value) {
      const inner = inLiftOrder(value.kvlistValue);
      const used = lastWithKey(value.kvlistValue, member);
      for (const kept of inner.read) if (kept !== used) appendKvlistEntry(taken.keys.join(entry.key, kept.key), kept.value, 2, maxDepth, taken);
      for (const earlier of inner.earlier) {
        if (earlier.key !== member || !rendersAlike(earlier, used)) appendKvlistEntry(taken.keys.join(entry.key, earlier.key), earlier.value, 2, maxDepth, taken);
      }
      continue;
    }
    appendKvlistEntry(entry.key, value, 1, maxDepth, taken);
  }
  for (const earlier of order.earlier) {
    // A consumed key's value that says what the used one says is that value, already in the record.
    if (consumed.has(earlier.key) && rendersAlike(earlier, lastWithKey(order.read, earlier.key))) continue;
    appendKvlistEntry(earlier.key, earlier.value, 1, maxDepth, taken);
  }
  return requestId;
}

/**
 * The entry with `key` a map body is read by: the last, as the Collector's `Map.AsRaw` keeps a
 * key sent twice (a Go map: each entry overwrites the one before), and with it the body's
 * `AsString` text, as `JSON.parse` keeps a key written twice.
 */
export function lastWithKey(entries: readonly KeyValue[], key: string): KeyValue | undefined {
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i]!.key === key) return entries[i];
  return undefined;
}

/** A map's entries in the order lifting reads them (inLiftOrder). */
export interface LiftOrder {
  /** Each key once, with its last value, where the key was first written: JSON.parse's object. */
  readonly read: readonly KeyValue[];
  /** The values a later one of the same key replaced, in the sender's order. */
  readonly earlier: readonly KeyValue[];
}

const NONE: readonly KeyValue[] = [];

/** Up to this many entries a repeated key is looked for by comparing each pair. */
const PAIRWISE_LIMIT = 16;

/**
 * `entries` as lifting reads them: each key with its last value (lastWithKey) at the place of its
 * first, as `JSON.parse` builds an object from a line writing a key twice, and the replaced
 * values apart. A map without a repeated key (nearly all) is read as it is, at the cost of a
 * comparison of its few keys.
 */
export function inLiftOrder(entries: readonly KeyValue[]): LiftOrder {
  if (!repeatsAKey(entries)) return { read: entries, earlier: NONE };
  const last = new Map<string, KeyValue>();
  for (const entry of entries) last.set(entry.key, entry);
  const read: KeyValue[] = [];
  const earlier: KeyValue[] = [];
  const placed = new Set<string>();
  for (const entry of entries) {
    const kept = last.get(entry.key)!;
    if (!placed.has(entry.key)) {
      placed.add(entry.key);
      read.push(kept);
    }
    if (entry !== kept) earlier.push(entry);
  }
  return { read, earlier };
}

function repeatsAKey(entries: readonly KeyValue[]): boolean {
  const count = entries.length;
  if (count > PAIRWISE_LIMIT) return new Set(entries.map((entry) => entry.key)).size < count;
  for (let i = 1; i < count; i++) {
    const key = entries[i]!.key;
    for (let j = 0; j < i; j++) if (entries[j]!.key === key) return true;
  }
  return false;
}

/** Whether two entries' values are stored as the same text (anyValueAsString); false without `other`. */
function rendersAlike(entry: KeyValue, other: KeyValue | undefined): boolean {
  return other !== undefined && anyValueAsString(entry.value) === anyValueAsString(other.value);
}

/**
 * The keys lifting used for the record's own fields, left out of the attributes: top-level
 * names, and members of top-level maps (ECS's nested `{"log":{"level":…}}`, tracing-subscriber's
 * `{"fields":{"message":…}}`), at most one per map, each left out only where its map is flattened
 * (at `maxDepth` 1 the map is kept whole, as text).
 */
export class ConsumedKeys {
  private readonly names: string[] = [];
  /** The used members as pairs: a map's name, then its member's. */
  private readonly members: string[] = [];

  add(name: string): void {
    this.names.push(name);
  }

  /** Records member `inner` of top-level map `outer` as used: one member per map (log-shapes.ts' tables have no two). */
  addMember(outer: string, inner: string): void {
    this.members.push(outer, inner);
  }

  /** The used member of top-level map `outer`, if any. */
  memberOf(outer: string): string | undefined {
    const members = this.members;
    for (let i = 0; i < members.length; i += 2) if (members[i] === outer) return members[i + 1];
    return undefined;
  }

  /** Whether top-level `name` was used: a loop over the few names, without a builtin call per key. */
  has(name: string): boolean {
    const names = this.names;
    for (let i = 0; i < names.length; i++) if (names[i] === name) return true;
    return false;
  }
}

function isScalarId(value: unknown): boolean {
  return typeof value === "string" || typeof value === "number" || isRawJsonNumber(value);
}

/**
 * Only non-empty strings and integers are ids; an object or a fraction under an alias is not, and
 * an empty string is a field the logger left blank (`{"requestId":"","request_id":"r-2"}` carries
 * r-2), which would join every row left blank. A `doubleValue` holding an integer (wholeDouble:
 * a Collector's parsed `"reqId":12`) is that integer, as the same JSON line's `12` is.
 */
export function requestIdValue(value: AnyValue): AnyValue | undefined {
  if ("doubleValue" in value) {
    const whole = wholeDouble(value.doubleValue);
    return whole === undefined ? undefined : { intValue: String(whole) };
  }
  return ("stringValue" in value && value.stringValue !== "") || "intValue" in value ? value : undefined;
}

/**
 * The integer a map's `doubleValue` holds, read where an `intValue` is: the Collector's
 * `json_parser` (with `parse_ints` off, its default) and OTTL's `ParseJSON` make every JSON
 * number a double, and Python's bridges send `levelno` 40 as 40.0, so a JSON line's `50` reaches
 * a map as 50.0. Only a whole number a double holds exactly (a safe integer, as a JSON line's
 * numbers are read) is one: undefined for a fraction (50.5), a double past 2^53 (1e300, no
 * integer exactly) and -0 (an integer would store it as "0").
 */
export function wholeDouble(value: number): number | undefined {
  return Number.isSafeInteger(value) && !Object.is(value, -0) ? value : undefined;
}

function appendKvlistEntry(key: string, value: AnyValue, depth: number, maxDepth: number, taken: TakenKeys): void {
  if (depth < maxDepth && "kvlistValue" in value && value.kvlistValue.length > 0) {
    // A key the map repeats: its last value takes the dotted key, an earlier one is refused.
    const order = inLiftOrder(value.kvlistValue);
    for (const entry of order.read) appendKvlistEntry(taken.keys.join(key, entry.key), entry.value, depth + 1, maxDepth, taken);
    for (const entry of order.earlier) appendKvlistEntry(taken.keys.join(key, entry.key), entry.value, depth + 1, maxDepth, taken);
    return;
  }
  if (taken.take(key)) taken.attributes.push({ key, value });
  else taken.refuse(key, value);
}

/** Up to this many attributes a key is looked for by comparing it with each. */
const LINEAR_SEARCH_LIMIT = 32;

/**
 * The keys of an attribute list that only grows by keys `take` or `takeDistinct` allowed. A
 * typical record has a dozen attributes, where comparing strings costs less than hashing them
 * into a Set (and allocates nothing); a Set takes over past LINEAR_SEARCH_LIMIT so a body with
 * thousands of keys stays linear.
 */
export class TakenKeys {
  private set: Set<string> | undefined;
  /** How many attributes the list had before this flattening began. */
  readonly before: number;
  /** Index of the first attribute `take` allowed, or -1 while it allowed none. */
  private firstTaken = -1;
  /**
   * Whether a value was left out because its key was taken by an attribute storing other text
   * and could not move to `log.<key>` (refuse): the attributes then do not hold everything the
   * body held.
   */
  lost = false;

  /**
   * `attributes` is the list appended to; it must only grow by keys this allowed. `keys` makes
   * the dotted keys, one instance per key for the whole request.
   */
  constructor(
    readonly attributes: KeyValue[],
    readonly keys: DottedKeys = new DottedKeys(),
    /**
     * Keys the record's sender writes itself (LiftOptions.reservedKeys): never free, whether
     * or not the record has them, so a body's value under one goes to `log.<key>` (refuse).
     */
    readonly reserved?: ReadonlySet<string>,
  ) {
    this.before = attributes.length;
  }

  /** Whether `key` is free, recording it as taken: the caller must then append it. */
  take(key: string): boolean {
    if (this.reserved?.has(key) === true) return false;
    const attributes = this.attributes;
    if (this.set === undefined) {
      if (attributes.length < LINEAR_SEARCH_LIMIT) {
        for (let i = 0; i < attributes.length; i++) if (attributes[i]!.key === key) return false;
        if (this.firstTaken < 0) this.firstTaken = attributes.length;
        return true;
      }
      this.set = new Set();
      for (const attribute of attributes) this.set.add(attribute.key);
    }
    if (this.set.has(key)) return false;
    this.set.add(key);
    return true;
  }

  /**
   * Stores `value`, whose `key` `take` refused. The same text as the attribute holding the key
   * (the map column stores every value as its AsString rendering, as when a line's `request.id`
   * is the one the tail Worker already set from it) is not stored twice. A key the record itself
   * has (Cloudflare's `name`, a tail Worker's `_source`) keeps the record's value, which queries
   * and runbooks rely on, and the body's goes under `log.<key>` (BODY_KEY_PREFIX) when that is
   * free; so does a reserved key's (the sender's own) where the record has none. Otherwise (a
   * key an earlier lifted value took, or `log.<key>` taken too) the value is left out and `lost`
   * says so.
   */
  refuse(key: string, value: AnyValue): void {
    const attributes = this.attributes;
    let own = this.reserved?.has(key) === true;
    for (let i = 0; i < attributes.length; i++) {
      const attribute = attributes[i]!;
      if (attribute.key !== key) continue;
      if (anyValueAsString(attribute.value) === anyValueAsString(value)) return;
      own = i < this.before;
      break;
    }
    const moved = BODY_KEY_PREFIX + key;
    if (own && this.take(moved)) {
      attributes.push({ key: moved, value });
      return;
    }
    this.lost = true;
  }

  /**
   * `take` for a key known to differ from every key `takeDistinct` allowed before (the
   * top-level members of one JSON object): it is compared only with the attributes that were
   * there before and with those `take` allowed since, which a dotted key could collide with.
   */
  takeDistinct(key: string): boolean {
    if (this.reserved?.has(key) === true) return false;
    const attributes = this.attributes;
    if (this.set !== undefined || attributes.length >= LINEAR_SEARCH_LIMIT) return this.take(key);
    for (let i = 0; i < this.before; i++) if (attributes[i]!.key === key) return false;
    if (this.firstTaken >= 0) {
      for (let i = this.firstTaken; i < attributes.length; i++) if (attributes[i]!.key === key) return false;
    }
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
 * numbers (`doubleValue`), null as empty, arrays and objects as their JSON text. A number
 * `check` picks (by default isInexactNumber's: a rounded integer, or `1e400`, Infinity), here
 * or inside an array or object, throws INEXACT_NUMBER: the exact parse gives back its digits.
 */
export function jsonToAnyValue(value: unknown, check: NumberCheck = INEXACT_NUMBERS): AnyValue {
  switch (typeof value) {
    case "string":
      return { stringValue: value };
    case "boolean":
      return { boolValue: value };
    case "number":
      // Most numbers are integers no predicate keeps as text (only ±0 might be: `-0`).
      if (value !== 0 && Number.isSafeInteger(value)) return { intValue: String(value) };
      if (EXACT_JSON_SUPPORTED && check.keepsText(value)) throw INEXACT_NUMBER;
      return Number.isSafeInteger(value) ? { intValue: String(value) } : { doubleValue: value };
    default:
      if (value === null || value === undefined) return { empty: true };
      if (isRawJsonNumber(value)) return rawNumberToAnyValue(value.rawJSON);
      // Walked even without exact parsing: the depth bound is what keeps JSON.stringify (and the
      // exact parse's reviver) from running out of stack on a hostile line.
      if (holdsInexactNumber(value, MAX_NESTING_AS_TEXT, check) && EXACT_JSON_SUPPORTED) throw INEXACT_NUMBER;
      // Arrays and objects too deep to flatten keep their JSON spelling (RawJsonNumbers verbatim).
      return { stringValue: JSON.stringify(value) };
  }
}

/**
 * An integer token within int64 stays an integer, digit for digit. One past int64 (an unsigned
 * 64-bit id such as Datadog's, or wider) keeps its digits as text, as the map column would store
 * them: `intValue` cannot hold it and a double would round it. So does any other number whose
 * double would not print back to the value written (printsBack): past the double range (`1e400`,
 * Infinity), below it (`1.5e-400`, 0), `-0` (stored as "0" by an integer), or with more digits
 * than a double keeps (`12345678901234567.89`). Anything else is the double it spells.
 */
export function rawNumberToAnyValue(text: string): AnyValue {
  if (INTEGER_TOKEN.test(text) && text !== "-0") {
    const decimal = decimalFromString(text, true);
    if (decimal === "out of range") return { stringValue: text };
    if (decimal !== "not an integer") return { intValue: decimal };
  }
  const double = Number(text);
  return printsBack(double, text) ? { doubleValue: double } : { stringValue: text };
}

/**
 * A number JSON.parse could not give back as written: an integer past 2^53 (rounded) or one past
 * the double range (Infinity; JSON itself has no Infinity, so it always came from digits).
 */
export function isInexactNumber(value: number): boolean {
  return !Number.isFinite(value) || (!Number.isSafeInteger(value) && Number.isInteger(value));
}

/** Which numbers of a parsed JSON value a walk must have as written, asking for the exact parse (INEXACT_NUMBER). */
export interface NumberCheck {
  keepsText(value: number): boolean;
}

/** isInexactNumber's: numbers JSON.parse rounded to other integers or to Infinity. */
export const INEXACT_NUMBERS: NumberCheck = { keepsText: isInexactNumber };

/**
 * The lift's check of a body's JSON.parse result: mayNotPrintBack; a 0 when `text` may hold an
 * underflow (`1.5e-400`), which only the text shows (read once, at the first 0); and a fraction
 * whose shortest digits `text` does not hold as a number (holdsNumberText): it was written
 * otherwise, perhaps with 17 significant digits or more that round to it (`0.10000000000000001`
 * is 0.1), perhaps only spelled otherwise (`1.50`, `1E-7`), which the exact parse tells apart by
 * the source text (keepsNumberText). A whole double (`2.00000000000000001` is 2) is an integer
 * to the lift and never comes here: checking every integer would cost every line.
 */
export class PrintBackCheck implements NumberCheck {
  private underflow: boolean | undefined;

  constructor(private readonly text: string) {}

  keepsText(value: number): boolean {
    if (mayNotPrintBack(value)) return true;
    if (value === 0) return (this.underflow ??= mayHoldUnderflow(this.text));
    return !Number.isInteger(value) && !holdsNumberText(this.text, String(value));
  }
}

/**
 * Whether `text` holds `printed` (a number's shortest text) as a whole JSON number: not inside a
 * longer run of digits, and followed by no more digits, fraction or exponent (`0.1` is held by
 * `{"a":0.1}` but not by `0.10000000000000001`, `10.1` or `0.1e5`). A search at string speed
 * per fraction, not a pass over the line.
 */
function holdsNumberText(text: string, printed: string): boolean {
  for (let at = text.indexOf(printed); at >= 0; at = text.indexOf(printed, at + 1)) {
    if (!continuesNumber(text.charCodeAt(at - 1)) && !continuesNumber(text.charCodeAt(at + printed.length))) return true;
  }
  return false;
}

/** A digit, `.`, `e` or `E`: a character that would make a number's text longer. NaN (no character) is none. */
function continuesNumber(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || code === 0x2e || code === 0x65 || code === 0x45;
}

/**
 * Whether a number JSON.parse gave the lift may not print back to what was written, judged by
 * its value alone, cheaply (the text of the common line is never looked at again): inexact
 * (isInexactNumber), negative zero (an integer would store "0"), or a fraction whose shortest
 * digits are 16 or more, as every double rounded from a longer decimal has
 * (`12345678901234567.89` is 12345678901234568, `0.12345678901234567891` 0.12345678901234568).
 * The exact parse then decides by the source text (keepsNumberText). What the value cannot show
 * is left to the text (PrintBackCheck): an underflow to 0 (mayHoldUnderflow), and a decimal of
 * 17 digits or more that rounds to a double of fewer (`0.10000000000000001` is 0.1).
 */
export function mayNotPrintBack(value: number): boolean {
  if (Number.isInteger(value)) return isInexactNumber(value) || Object.is(value, -0);
  if (!Number.isFinite(value)) return true;
  // The common fraction (88.63, 0.25) is the double nearest a decimal with six places or fewer and
  // under 15 digits: then its shortest text has under 16. Division is correctly rounded, so
  // `k / 1e6 === value` proves it without printing the number.
  const k = Math.round(value * 1e6);
  if (k / 1e6 === value && Math.abs(k) < 1e15) return false;
  const printed = String(value);
  // 16 significant digits need 16 characters at least: the common 88.63 stops here.
  return printed.length >= 16 && significantDigits(printed) >= 16;
}

/** How many significant digits a number's shortest text (String(x) of a finite double) has. */
function significantDigits(printed: string): number {
  const token = NUMBER_TOKEN.exec(printed.charCodeAt(0) === 45 ? printed.slice(1) : printed);
  if (token === null) return 0;
  return (token[2]! + (token[3] ?? "")).replace(/^0+/, "").replace(/0+$/, "").length;
}

/**
 * Whether `text` may hold a number a double cannot hold that is no integer, which JSON.parse
 * turns into 0 or a subnormal that prints otherwise (`1.5e-400`), so that only the text shows
 * it (mayNotPrintBack reads the other numbers to keep by their values): an exponent below -99,
 * or a fraction with 323 zeros after its point (`0.000…1`, below the least subnormal).
 * Its "e-" and that run of zeros are looked for first, at string search speed, so the common
 * line pays no regular expression; a word like "re-run" only costs that.
 */
function mayHoldUnderflow(text: string): boolean {
  return ((text.includes("e-") || text.includes("E-")) && UNDERFLOW_EXPONENT.test(text)) || text.includes(UNDERFLOW_ZEROS);
}

const UNDERFLOW_EXPONENT = /\d[eE]-\d{3}/;
/** A point and 323 zeros: a decimal written so is below 1e-323, which only a subnormal or 0 holds. */
const UNDERFLOW_ZEROS = "." + "0".repeat(323);

/**
 * Whether a JSON number must keep its source text when lifted: `value` (JSON.parse's double of
 * `source`) is inexact (isInexactNumber), negative zero (which the walk, like JSON.stringify,
 * would store as the integer 0), or would not print back to the value written (printsBack). The
 * exact parse of a log body keeps such numbers as RawJsonNumbers.
 */
export function keepsNumberText(value: number, source: string): boolean {
  return isInexactNumber(value) || Object.is(value, -0) || !printsBack(value, source);
}

/**
 * Whether the double `value`, printed as the Collector prints it (shortest digits; `-0` for
 * negative zero), is the same decimal value as the JSON number `source` it was parsed from:
 * `1.50` and `1e3` are, `0.1000000000000000001`, `1.5e-400` and `-0` (JavaScript prints "0") are
 * not.
 */
function printsBack(value: number, source: string): boolean {
  const printed = Object.is(value, -0) ? "-0" : String(value);
  return printed === source || decimalKey(printed) === decimalKey(source);
}

/** `-?digits e exponent` with no leading or trailing zero digits: equal for equal decimal values (zero keeps its sign). */
function decimalKey(number: string): string {
  const token = NUMBER_TOKEN.exec(number);
  if (token === null) return number;
  const fraction = token[3] ?? "";
  const digits = (token[2]! + fraction).replace(/^0+/, "");
  if (digits === "") return token[1] + "0";
  const significant = digits.replace(/0+$/, "");
  const exponent = Number(token[4] ?? "0") - fraction.length + (digits.length - significant.length);
  return `${token[1]}${significant}e${exponent}`;
}

/**
 * Levels of arrays and objects a value kept as JSON text may nest. A log line is only a string to
 * OTLP, so no request limit saw its nesting.
 */
export const MAX_NESTING_AS_TEXT = 128;

class TooDeepToLiftSignal extends Error {
  override readonly name = "TooDeepToLiftSignal";
}

/** Thrown, never reported: the body nests too deep to lift and is stored as the text it is. */
export const TOO_DEEP_TO_LIFT = new TooDeepToLiftSignal(`a log body nests more than ${MAX_NESTING_AS_TEXT} levels below its flattened keys`);

/**
 * Whether `value` holds a number JSON.parse could not give back as written (`check`, by
 * default isInexactNumber's), looking `levels` levels of arrays and objects down; throws TOO_DEEP_TO_LIFT past them. Bounded,
 * so it never runs out of stack. (JSON.stringify would write Infinity as `null`.)
 */
function holdsInexactNumber(value: unknown, levels: number, check: NumberCheck = INEXACT_NUMBERS): boolean {
  if (typeof value === "number") return check.keepsText(value);
  if (typeof value !== "object" || value === null) return false;
  if (levels === 0) throw TOO_DEEP_TO_LIFT;
  let inexact = false;
  if (Array.isArray(value)) {
    for (const item of value) inexact = holdsInexactNumber(item, levels - 1, check) || inexact;
  } else {
    for (const name in value) inexact = holdsInexactNumber((value as Record<string, unknown>)[name], levels - 1, check) || inexact;
  }
  return inexact;
}

/**
 * Throws TOO_DEEP_TO_LIFT when `object` nests past flattening (`maxDepth` levels) and
 * MAX_NESTING_AS_TEXT more: checked before an exact parse, whose reviver recurses too.
 */
export function checkLiftableNesting(object: Record<string, unknown>, maxDepth: number): void {
  holdsInexactNumber(object, maxDepth + MAX_NESTING_AS_TEXT);
}
