/**
 * The full place of a skipped JSON `null`, for the answer's partial success and warning.
 *
 * While decoding, a null is known only by its list's key and index (`logRecords[1]`): the
 * decoders are plain functions that learn their ancestors' path only when an error unwinds
 * through them (`within`). Keeping a path stack for every request would cost each of them for
 * what is rare, so the place is looked up after the decode, and only when a null was met.
 */

import type { SenderPlace } from "../../../../shared/otlp/sender-place";
import { containerFields, fieldNames, type NullCount, type NullPart } from "./common";

/**
 * Rewrites `counter.first`, a list's key and index as counted (`logRecords[1]`), as the full
 * path of that null in `document` (fullPathOfNull), and so each of its `parts`' (a counter's
 * `first` is then its first part's); a counter with no null is left as it is.
 */
export function placeFirstNull(document: unknown, counter: NullCount): void {
  if (counter.count === 0) return;
  if (counter.parts === undefined) {
    counter.first = placeOf(document, counter.first);
    return;
  }
  for (const [part, count] of counter.parts) count.first = placeOf(document, count.first, part);
  counter.first = counter.parts.values().next().value!.first;
}

function placeOf(document: unknown, counted: string, part?: NullPart): string {
  const at = /^(.+)\[(\d+)\]$/.exec(counted);
  return at === null ? counted : fullPathOfNull(document, at[1]!, Number(at[2]), part);
}

/**
 * The path in `document` of the first array item that is `null` at `index` of a list under
 * `key`, in document order, written as decode errors write paths
 * (`resourceLogs[1].scopeLogs[0].logRecords[1]`); `${key}[${index}]` when none is found.
 * `document` is the parsed request (JSON.parse's or the exact parser's objects and arrays).
 * A `part` counted under `values` is looked for only among a kvlistValue's members (an
 * arrayValue's `values` keep their nulls), within a Body or outside one as `part` says.
 */
export function fullPathOfNull(document: unknown, key: string, index: number, part?: NullPart): string {
  const fits = part === "a body member" ? inBody : part === "a key-value list member" ? outsideBody : anyList;
  return search(document, "", key, index, fits) ?? `${key}[${index}]`;
}

const KVLIST_MEMBERS = /(?:^|\.)(?:kvlistValue|kvlist_value)\.values$/;
const WITHIN_BODY = /(?:^|\.)body\./;
const anyList = (): boolean => true;
const inBody = (list: string): boolean => KVLIST_MEMBERS.test(list) && WITHIN_BODY.test(list);
const outsideBody = (list: string): boolean => KVLIST_MEMBERS.test(list) && !WITHIN_BODY.test(list);

function search(value: unknown, path: string, key: string, index: number, fits: (list: string) => boolean): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = search(value[i], `${path}[${i}]`, key, index, fits);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  for (const name in value) {
    const member = (value as Record<string, unknown>)[name];
    const at = path === "" ? name : `${path}.${name}`;
    if (name === key && Array.isArray(member) && index < member.length && member[index] === null && fits(at)) return `${at}[${index}]`;
    const found = search(member, at, key, index, fits);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The path in `document` of `target`, an object of it (found by identity, in document order),
 * written as decode errors write paths (`resourceLogs[0].scopeLogs[0].logRecords[2].body`);
 * `undefined` when the document does not hold it. Run only for a note's first instance.
 */
export function pathOfObject(document: unknown, target: object): string | undefined {
  return pathWhere(document, (value) => value === target, false);
}

/**
 * The path, written as pathOfObject writes it, of the first value in `document` (in document
 * order) that `found` picks; with `keys`, a member's name that it picks is named too (the path
 * of its object, then the name). `undefined` when none is picked.
 */
export function pathWhere(document: unknown, found: (value: unknown) => boolean, keys: boolean, path = ""): string | undefined {
  if (found(document)) return path;
  if (typeof document !== "object" || document === null) return undefined;
  if (Array.isArray(document)) {
    for (let i = 0; i < document.length; i++) {
      const at = pathWhere(document[i], found, keys, `${path}[${i}]`);
      if (at !== undefined) return at;
    }
    return undefined;
  }
  for (const name in document) {
    const member = path === "" ? name : `${path}.${name}`;
    if (keys && found(name)) return member;
    const at = pathWhere((document as Record<string, unknown>)[name], found, keys, member);
    if (at !== undefined) return at;
  }
  return undefined;
}

/**
 * The SenderPlace of a document whose decode skipped JSON null items, which shifts the indexes
 * of the items after them. Each `key[index]` of a place is looked up in `document` as the
 * decoder read it: the index-th non-null item of the list under `key` or its snake_case (both
 * joined in the order their keys appear, as bothSpellings does), or of the pre-1.0 scope lists
 * when the current one holds none (scopeList), and `scope` may be `instrumentationLibrary`. The
 * sender's spelling of each key is named. A place the document does not hold is kept as it is
 * from there on. Only built when a null was skipped, so the common request pays nothing.
 */
export function senderPlaces(document: unknown): SenderPlace {
  return (place) => {
    const segments = place.split(".");
    const out: string[] = [];
    let node = document;
    for (let n = 0; n < segments.length; n++) {
      const at = /^([^[\]]+)(?:\[(\d+)\])?$/.exec(segments[n]!);
      const found = at === null || !isObject(node) ? undefined : at[2] === undefined ? member(node, at[1]!) : listItem(node, at[1]!, Number(at[2]));
      if (found === undefined) return out.concat(segments.slice(n)).join(".");
      out.push(found.place);
      node = found.value;
    }
    return out.join(".");
  };
}

interface Found {
  place: string;
  value: unknown;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The field `name` (or its snake_case; `scope` may be the pre-1.0 `instrumentationLibrary`) as the decoder reads it. */
function member(o: Record<string, unknown>, name: string): Found | undefined {
  const names = [...fieldNames(name)];
  if (name === "scope") names.push(...fieldNames("instrumentationLibrary"));
  for (const key of names) {
    if (o[key] != null) return { place: key, value: o[key] };
  }
  return undefined;
}

/** The `index`-th item the decoder kept of the list `name`: nulls skipped, spellings and legacy lists joined. */
function listItem(o: Record<string, unknown>, name: string, index: number): Found | undefined {
  const spellings = fieldNames(name);
  let lists: string[] = [];
  for (const key in o) if (spellings.has(key) && Array.isArray(o[key])) lists.push(key);
  const legacy = LEGACY_SCOPE_LISTS.get(name);
  if (legacy !== undefined && !lists.some((key) => (o[key] as unknown[]).some((item) => item !== null))) {
    lists = legacy.filter((key) => Array.isArray(o[key]));
  }
  let left = index;
  for (const key of lists) {
    const items = o[key] as unknown[];
    for (let raw = 0; raw < items.length; raw++) {
      if (items[raw] !== null && left-- === 0) return { place: `${key}[${raw}]`, value: items[raw] };
    }
  }
  return undefined;
}

/** Each signal's current ScopeX list name → its pre-1.0 names, in the order scopeList joins them. */
const LEGACY_SCOPE_LISTS: ReadonlyMap<string, readonly string[]> = new Map(
  ([["logs", "Logs"], ["traces", "Spans"], ["metrics", "Metrics"]] as const).map(([signal, kind]) => {
    const names = containerFields(signal, kind, "").scopeList;
    return [names.current, names.legacy];
  }),
);
