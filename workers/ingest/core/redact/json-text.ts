/**
 * Key rules inside JSON text. A log body kept as the line its producer wrote, the same line in
 * `log.record.original`, arrays and deep objects that lifting stored as JSON text, and any
 * attribute holding a JSON document (a span's `http.request.body`, `graphql.variables`, an
 * event's `exception.message`) hold keys that, sent as attributes, a key rule (drop, hash,
 * credential) would rule: the rule must reach the text too, or the value it removes from an
 * attribute stays readable in the text. docs/normalization-and-redaction.md, "Key rules in
 * JSON text".
 */
import { EXACT_JSON_SUPPORTED, INEXACT_NUMBER, isRawJsonNumber, parseJsonExactly } from "../decode/exact-json";
import { firstNonBlankCharCode, lastNonBlankCharCode } from "../normalize/json-object-body";

/** Leave the member to the text detectors; its own members are visited. */
export const DESCEND = 0;
/** Leave the member exactly as it is (`keepKeys`). */
export const KEEP = 1;
/** Remove the member (`dropKeys`, `geo.*` finer than the policy). */
export const REMOVE = 2;

/** What a key rule makes of a member: one of the constants above, or the text replacing its value. */
export type MemberAction = typeof DESCEND | typeof KEEP | typeof REMOVE | string;

export interface JsonKeyRules {
  /**
   * The action for the member holding `value` (a parsed JSON value, whose numbers may be
   * RawJsonNumbers). `path` is its keys from the JSON root, dot-joined, after the caller's
   * prefix; `rootPath` the same keys without the prefix (equal to `path` when the prefix is
   * empty). An array's items share the array's path.
   */
  member(path: string, rootPath: string, value: unknown): MemberAction;
  /** The walk starts over on an exact parse: forget what the members seen so far counted. */
  restart(): void;
}

/**
 * Applies `rules` to every member of `text` when it is a JSON object, or an array holding one
 * (`prefix`: the path the members' paths start with, "" for none),
 * and returns the text with what they removed or replaced, re-serialized compactly (every number
 * written as it was spelled, every other value as JSON.stringify writes it; of a key named twice
 * the last one, as JSON.parse reads it). Text the rules leave alone, text that is no such JSON,
 * and JSON nesting deeper than MAX_JSON_TEXT_DEPTH come back as the same string.
 *
 * The first walk runs on a plain `JSON.parse`, which is all that text the rules leave alone
 * costs; only when a rule changed something is the text parsed again keeping every number's
 * spelling (exact-json.ts) and walked again for the text that is written.
 */
export function applyKeyRulesToJsonText(text: string, prefix: string, rules: JsonKeyRules): string {
  const parsed = parseJsonContainer(text);
  if (parsed === undefined) return text;
  try {
    if (!walk(parsed, prefix, "", rules, 0)) return text;
  } catch (error) {
    if (error === TOO_DEEP) return text;
    // A number JSON.parse rounded, which a rule wants whole: the exact walk below has it.
    if (error !== INEXACT_NUMBER) throw error;
  }
  rules.restart();
  const exact = parseJsonExactly(text, EXACT_JSON_SUPPORTED ? keepEveryNumber : undefined);
  try {
    walk(exact, prefix, "", rules, 0);
  } catch (error) {
    if (error === TOO_DEEP) return text;
    throw error;
  }
  return JSON.stringify(exact);
}

/**
 * Whether `text` can be JSON text applyKeyRulesToJsonText works on, judged by its first
 * character alone (`{`, `[` or JSON whitespace): the one test most values pay.
 */
export function mayBeJsonContainer(text: string): boolean {
  const first = text.charCodeAt(0);
  return first === OPEN_BRACE || first === OPEN_BRACKET || first === 0x20 || first === 0x09 || first === 0x0a || first === 0x0d;
}

/**
 * Levels of objects and arrays walked: lifting's deepest flattening (16) and the nesting it
 * stores as JSON text (128), with room. A log line's nesting is the line's own, which no request
 * limit sees; deeper text is left to the text detectors.
 */
export const MAX_JSON_TEXT_DEPTH = 160;

const TOO_DEEP = new Error(`JSON text nests more than ${MAX_JSON_TEXT_DEPTH} levels`);

const keepEveryNumber = (): boolean => true;

/**
 * Whether any member changed. `path` and `rootPath`: the node's path with and without the
 * caller's prefix. Throws TOO_DEEP past MAX_JSON_TEXT_DEPTH levels.
 */
function walk(node: unknown, path: string, rootPath: string, rules: JsonKeyRules, depth: number): boolean {
  if (node === null || typeof node !== "object" || isRawJsonNumber(node)) return false;
  if (depth === MAX_JSON_TEXT_DEPTH) throw TOO_DEEP;
  let changed = false;
  if (Array.isArray(node)) {
    for (const item of node) changed = walk(item, path, rootPath, rules, depth + 1) || changed;
    return changed;
  }
  const object = node as Record<string, unknown>;
  for (const name in object) {
    const key = path === "" ? name : `${path}.${name}`;
    // Without a prefix both paths are one string, built once.
    const rootKey = rootPath === path ? key : rootPath === "" ? name : `${rootPath}.${name}`;
    const value = object[name];
    const action = rules.member(key, rootKey, value);
    if (action === DESCEND) {
      changed = walk(value, key, rootKey, rules, depth + 1) || changed;
    } else if (action === REMOVE) {
      delete object[name];
      changed = true;
    } else if (action !== KEEP) {
      object[name] = action;
      changed = true;
    }
  }
  return changed;
}

/**
 * `text` parsed when it is a JSON object, or an array with an object in it (an array without
 * one has no keys), else undefined. The first and last characters decide before JSON.parse is
 * paid for: most values are plain text.
 */
function parseJsonContainer(text: string): object | undefined {
  const first = firstNonBlankCharCode(text);
  if (first === OPEN_BRACE) {
    if (lastNonBlankCharCode(text) !== CLOSE_BRACE) return undefined;
  } else if (first === OPEN_BRACKET) {
    if (lastNonBlankCharCode(text) !== CLOSE_BRACKET || text.indexOf("{") < 0) return undefined;
  } else {
    return undefined;
  }
  try {
    return JSON.parse(text) as object;
  } catch {
    return undefined;
  }
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
