import type { AnyValue } from "../../../shared/otlp/model";

/**
 * Whether `value`, under the credential's key `key` (the key's last part), is a list naming
 * secrets rather than holding them. Only a key that names secrets' names does (`secrets`,
 * `bindings.secrets`, `secret_names`, `secretNames`, `SECRETS`): under `passwords`, `api_keys`,
 * `tokens` or `secret` a list holds the values (`{"passwords":["ADMIN123"]}`). The value is
 * an array, or the JSON text of one (what lifting and a JSON
 * member's walk store for an array), whose every item is a string written as an environment
 * variable's name is (upper snake case, `SECRET_NAME`), as a Worker logs its secret bindings
 * (`bindings {"secrets":["STRIPE_KEY","DB_URL"],"kv":["CACHE"]}`, the names `wrangler secret
 * list` prints) and a service lists the variables it reads. Such a list tells how the service is
 * configured and hides nothing, as a placeholder does (`standsForSecret`). A list holding
 * anything else (a token, `sk_live_…`, an access key id `AKIAIOSFODNN7EXAMPLE`, a base32 seed,
 * a number) is the secrets' own, replaced whole.
 */
export function listsSecretNames(key: string, value: AnyValue): boolean {
  if (!NAMES_KEY.test(key)) return false;
  if ("arrayValue" in value) return value.arrayValue.length > 0 && value.arrayValue.every((item) => "stringValue" in item && SECRET_NAME.test(item.stringValue));
  if (!("stringValue" in value) || !LIST_TEXT.test(value.stringValue)) return false;
  let items: unknown;
  try {
    items = JSON.parse(value.stringValue);
  } catch {
    return false;
  }
  return Array.isArray(items) && items.length > 0 && items.every((item) => typeof item === "string" && SECRET_NAME.test(item));
}

/** A key naming secrets' names: `secrets`, `secret_names`, `secretNames`, `secret-names`, in any case. */
const NAMES_KEY = /^secrets$|^secret[-_]?names$/i;

/** JSON text of an array of strings, judged by its first and last characters before it is parsed. */
const LIST_TEXT = /^\[\s*"[\s\S]*"\s*\]$/;

/**
 * An environment variable's name: upper-case words of up to 15 letters, each perhaps ending in
 * digits (`API_V2_KEY`, `DB1_URL`), joined by `_`. Digits inside a word (`AKIAIOSFODNN7EXAMPLE`)
 * or a longer run of letters (a base32 one-time-password seed is 16 or more) are a value's.
 */
const SECRET_NAME = /^[A-Z]{1,15}[0-9]*(?:_[A-Z]{1,15}[0-9]*)*$/;
