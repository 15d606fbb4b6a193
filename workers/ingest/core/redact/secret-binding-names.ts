import type { AnyValue } from "../../../shared/otlp/model";

/**
 * Whether `value`, under a credential's key (`secrets`, `bindings.secrets`), is a list naming
 * secrets rather than holding them: an array, or the JSON text of one (what lifting and a JSON
 * member's walk store for an array), whose every item is a string written as an environment
 * variable's name is (upper snake case, `SECRET_NAME`), as a Worker logs its secret bindings
 * (`bindings {"secrets":["STRIPE_KEY","DB_URL"],"kv":["CACHE"]}`, the names `wrangler secret
 * list` prints) and a service lists the variables it reads. Such a list tells how the service is
 * configured and hides nothing, as a placeholder does (`standsForSecret`). A list holding
 * anything else (a token, `sk_live_…`, an access key id `AKIAIOSFODNN7EXAMPLE`, a base32 seed,
 * a number) is the secrets' own, replaced whole.
 */
export function listsSecretNames(value: AnyValue): boolean {
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

/** JSON text of an array of strings, judged by its first and last characters before it is parsed. */
const LIST_TEXT = /^\[\s*"[\s\S]*"\s*\]$/;

/**
 * An environment variable's name: upper-case words of up to 15 letters, each perhaps ending in
 * digits (`API_V2_KEY`, `DB1_URL`), joined by `_`. Digits inside a word (`AKIAIOSFODNN7EXAMPLE`)
 * or a longer run of letters (a base32 one-time-password seed is 16 or more) are a value's.
 */
const SECRET_NAME = /^[A-Z]{1,15}[0-9]*(?:_[A-Z]{1,15}[0-9]*)*$/;
