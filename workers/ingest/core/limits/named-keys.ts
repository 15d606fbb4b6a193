/**
 * How the limits' answers name the attribute keys they cut or refused, so a user can find them:
 * JSON-quoted, as sent, each cut to SHOWN_KEY_LENGTH characters, at most NAMED_KEYS of a kind.
 * Keys are shown as sent: they are names, which redaction never rewrites in a row either
 * (docs/decisions.md, 2026-12-03).
 */

/** How many distinct keys of each kind of cut a warning names: a user finds the rest by them. */
export const NAMED_KEYS = 3;

/** Characters of a key an answer shows; a longer key is cut with `…`. */
const SHOWN_KEY_LENGTH = 64;

/**
 * Distinct attribute keys a kind of cut met, in the order met: the first NAMED_KEYS, and whether
 * there were others (not counted, so a request of many lists keeps no set of every key).
 */
export interface NamedKeys {
  names: string[];
  more: boolean;
}

/** No keys yet. */
export function noNamedKeys(): NamedKeys {
  return { names: [], more: false };
}

/** Adds `key` to `keys` unless it is there or NAMED_KEYS are (then notes that there are more). */
export function nameKey(keys: NamedKeys, key: string): void {
  if (keys.names.includes(key)) return;
  if (keys.names.length < NAMED_KEYS) keys.names.push(key);
  else keys.more = true;
}

/** `key` JSON-quoted, cut to SHOWN_KEY_LENGTH characters: `"http.url"`. */
export function quotedKey(key: string): string {
  return JSON.stringify(key.length > SHOWN_KEY_LENGTH ? `${key.slice(0, SHOWN_KEY_LENGTH)}…` : key);
}

/** `key "a"`, `keys "a", "b", "c"` or `keys "a", "b", "c" and others`. */
export function keysNamed(keys: NamedKeys): string {
  const word = keys.names.length === 1 && !keys.more ? "key" : "keys";
  return `${word} ${keys.names.map(quotedKey).join(", ")}${keys.more ? " and others" : ""}`;
}
