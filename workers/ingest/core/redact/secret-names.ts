/**
 * Decides whether a name (an attribute key's last segment, a query parameter) announces a
 * secret value. Names are split into words at `-`, `_`, `.`, spaces and camelCase humps, so
 * `accessToken`, `X-Api-Key` and `client_secret` all match while `keyword`, `monkey` and
 * `prompt_tokens` do not.
 */

import { BoundedMemo } from "./bounded-memo";

/** A name holding any of these words is secret. */
const SECRET_WORDS = new Set([
  "authorization",
  "cookie",
  "cookies",
  "password",
  "passwd",
  "pwd",
  "passphrase",
  "secret",
  "token",
  "apikey",
  "credential",
  "credentials",
  "signature",
  "session",
  "sessionid",
  "jwt",
  "otp",
]);

/**
 * The words a secret name ends with, lower case: `Authorization`, `x-api-key`, `client_secret`,
 * `db.password`. A `name: value` field in free text is a secret parameter only after one of
 * them, which is cheaper to check than splitting every name before a colon into words.
 */
export const SECRET_NAME_ENDINGS: readonly string[] = [
  "authorization",
  "passphrase",
  "credentials",
  "credential",
  "signature",
  "sessionid",
  "password",
  "session",
  "cookies",
  "passwd",
  "secret",
  "cookie",
  "token",
  "auth",
  "pwd",
  "key",
  "jwt",
  "otp",
];

/** "key" alone is too common (`cache_key`, `sort_key`), so it counts only after these words. */
const KEY_QUALIFIERS = new Set(["api", "access", "private", "secret", "client", "auth", "signing"]);

/**
 * Query parameters that are secret only as the whole name: OAuth's `code`, presigned URLs'
 * `sig`, `key` for API keys. As attribute keys these mean ordinary things (an error `code`).
 */
const SECRET_PARAMETER_NAMES = new Set(["code", "sig", "key", "pin", "sid", "auth"]);

function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[\s._-]+/)
    .filter((word) => word !== "");
}

/** Distinct names are few in practice; the bound only stops unusual input from growing memory. */
const MAX_CACHED_NAMES = 4096;
/**
 * Answers by name: the same parameter and field names (`token=`, `"password":`) recur on every
 * line that carries them, and splitting a name into words costs several regex passes.
 */
const secretNames = new BoundedMemo<string, boolean>(MAX_CACHED_NAMES, holdsSecretWord);

/** Whether an attribute key's last dotted segment (or the whole name) names a secret. */
export function isSecretName(name: string): boolean {
  return secretNames.get(name);
}

function holdsSecretWord(name: string): boolean {
  const words = wordsOf(name);
  return words.some(
    (word, index) =>
      SECRET_WORDS.has(word) || (word === "key" && KEY_QUALIFIERS.has(words[index - 1] ?? "")),
  );
}

/** Whether a URL query or form parameter name announces a secret. */
export function isSecretParameterName(name: string): boolean {
  return SECRET_PARAMETER_NAMES.has(name.toLowerCase()) || isSecretName(name);
}

/**
 * The name that ends just before `end` (at most 64 characters back), read backwards past blanks
 * and one quote: `password` in `"password" :`. Empty when no name character is there.
 */
export function nameBefore(text: string, end: number): string {
  const limit = Math.max(0, end - 64);
  let i = end;
  while (i > limit && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) i--;
  if (i > limit && (text.charCodeAt(i - 1) === 34 || text.charCodeAt(i - 1) === 39)) i--;
  const nameEnd = i;
  while (i > limit && isNameCharacter(text.charCodeAt(i - 1))) i--;
  return text.slice(i, nameEnd);
}

/** `[\w.-]`: ASCII letters, digits, `_`, `.` and `-`. */
export function isNameCharacter(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ||
    code === 95 || code === 46 || code === 45
  );
}
