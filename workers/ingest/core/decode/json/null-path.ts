/**
 * The full place of a skipped JSON `null`, for the answer's partial success and warning.
 *
 * While decoding, a null is known only by its list's key and index (`logRecords[1]`): the
 * decoders are plain functions that learn their ancestors' path only when an error unwinds
 * through them (`within`). Keeping a path stack for every request would cost each of them for
 * what is rare, so the place is looked up after the decode, and only when a null was met.
 */

import type { NullCount } from "./common";

/**
 * Rewrites `counter.first`, a list's key and index as counted (`logRecords[1]`), as the full
 * path of that null in `document` (fullPathOfNull); a counter with no null is left as it is.
 */
export function placeFirstNull(document: unknown, counter: NullCount): void {
  if (counter.count === 0) return;
  const at = /^(.+)\[(\d+)\]$/.exec(counter.first);
  if (at !== null) counter.first = fullPathOfNull(document, at[1]!, Number(at[2]));
}

/**
 * The path in `document` of the first array item that is `null` at `index` of a list under
 * `key`, in document order, written as decode errors write paths
 * (`resourceLogs[1].scopeLogs[0].logRecords[1]`); `${key}[${index}]` when none is found.
 * `document` is the parsed request (JSON.parse's or the exact parser's objects and arrays).
 */
export function fullPathOfNull(document: unknown, key: string, index: number): string {
  return search(document, "", key, index) ?? `${key}[${index}]`;
}

function search(value: unknown, path: string, key: string, index: number): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = search(value[i], `${path}[${i}]`, key, index);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  for (const name in value) {
    const member = (value as Record<string, unknown>)[name];
    const at = path === "" ? name : `${path}.${name}`;
    if (name === key && Array.isArray(member) && index < member.length && member[index] === null) return `${at}[${index}]`;
    const found = search(member, at, key, index);
    if (found !== undefined) return found;
  }
  return undefined;
}
