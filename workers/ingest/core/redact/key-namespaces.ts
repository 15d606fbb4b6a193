import { nameWords } from "./secret-names";

/**
 * A name's words, joined, ending with a password's word (`password`, `db_pass`, `senha`): under
 * it a word of letters may be the password (`<password>hunter</password>`).
 */
export const PASSWORD_WORD = /(?:password|passwd|pwd|passphrase|pass|senha|contrase[nñ]a)$/;

/**
 * Whether `name:value`, written with no blank or quote around its colon, is a key's namespace
 * and part rather than a secret's name and value: Redis, KV and cache keys are written
 * `namespace:part[:part…]` (`DEL tokens:revoked:2026-12-01`, `SADD secrets:rotated …`,
 * `SET token:count 42`, `DEL secret:rotation:lock`), OpenTelemetry's Redis instrumentations
 * sanitize a key's arguments to `?` (`GET session:?`), and a `SCAN … MATCH` pattern globs them
 * (`session:*`). `value` is the text after the colon up to a blank: a part that is a word of
 * lower-case letters (`_` and `-` too), `?`, or a glob with `*`. Under a password's name a lone
 * word may be the password itself (`password:hunter`) and counts only before another `:` part.
 * A part with digits is an id (`session:9b2e4f6a-…`, `session:abc123`): a session's id is its
 * credential, and it still goes.
 */
export function isKeyNamespace(name: string, value: string): boolean {
  const colon = value.indexOf(":");
  const part = colon < 0 ? value : value.slice(0, colon);
  if (part === "?" || (part.includes("*") && GLOB.test(part))) return true;
  return WORD.test(part) && (colon > 0 || !PASSWORD_WORD.test(nameWords(name).join("")));
}

const WORD = /^[a-z][a-z_-]{0,31}$/;
const GLOB = /^[\w*?-]+$/;
