import { isCodeRead } from "./code-values";
import { nameWords, standsForSecret } from "./secret-names";
/**
 * Words that say what state a secret is in rather than being one, as error and audit lines
 * write them after a secret's name (`token=expired`, `Password: too short`, `credentials=invalid`,
 * `api_key=missing`, `auth=failed`, jsonwebtoken's `Invalid token: jwt expired`, MySQL's
 * `Access denied for user 'app'@'host' (using password: YES)`): only words no one picks as a
 * password, because they say the secret is absent, refused or over, or whether one was given
 * (`yes`, `no`). Words that
 * are also common passwords (`default`, `changed`, `reset`, `new`, `set`, `valid`, `pending`,
 * `ok`, `strong`) are not among them: there they are the value. Lower case, matched in
 * any case; English, Portuguese, Spanish and French.
 */
const STATUS_WORDS: ReadonlySet<string> = new Set([
  "expired", "invalid", "missing", "required", "revoked", "empty", "blank", "absent", "incorrect", "wrong", "mismatch",
  "malformed", "failed", "rejected", "denied", "unset", "rotated", "active", "inactive", "yes", "no",
  "expirado", "expirada", "inválido", "inválida", "invalido", "invalida", "ausente", "incorreto", "incorreta", "incorrecto",
  "incorrecta", "obrigatório", "obrigatória", "obrigatorio", "obrigatoria", "obligatorio", "obligatoria", "requerido", "requerida",
  "requis", "obligatoire",
]);
/** Two-word states read whole (`Password: too short`, `token: not set`): their first word alone is no state. */
const STATUS_PHRASE = /^(?:too[ \t]+(?:short|weak|long|common)|not[ \t]+(?:set|found|provided|configured))(?![\w-])/i;

/**
 * Whether `value`, the unquoted text after a secret's name in prose (`token=expired retry=false`,
 * `too short`), starts with a word or phrase saying the secret's state (`STATUS_WORDS`,
 * `STATUS_PHRASE`) and nothing glued to it: no secret's value. A caller applies it to prose
 * only; under an attribute's key, in a URL's query, a connection string, a flag or an
 * environment variable the value is the secret whatever it says.
 */
export function saysSecretState(value: string): boolean {
  if (STATUS_PHRASE.test(value)) return true;
  const word = /^[^\s,;.!?)\]}]+/.exec(value)?.[0] ?? "";
  return word.length <= 12 && STATUS_WORDS.has(word.toLowerCase());
}

/** A state phrase that is the whole value (`too short`). */
const WHOLE_STATUS_PHRASE = new RegExp(`${STATUS_PHRASE.source}$`, "i");

/**
 * Whether `value` is, whole, one state word or phrase (`STATUS_WORDS`, `STATUS_PHRASE`: `expired`,
 * `Required`, `too short`, `not set`), nothing before or after it: unlike `saysSecretState`, which
 * reads prose's first word, a value that goes on (`expired John`) is not one.
 */
export function isStateWhole(value: string): boolean {
  return WHOLE_STATUS_PHRASE.test(value) || STATUS_WORDS.has(value.toLowerCase());
}

/**
 * Whether `value`, the whole of what a secret's key holds (an attribute's or a JSON member's
 * string, a quoted value after a secret's name in prose, a URL query's value once decoded), only
 * stands in for a secret: a placeholder, a mask or no value (`standsForSecret`: `null`, `None`,
 * `undefined`, `n/a`, `<redacted>`, `***`, `REDACTED`, `[FILTERED]`) or, whole, a state's word or
 * phrase in a value's place (`STATUS_WORDS`, `STATUS_PHRASE`: `required`, `missing`, `invalid`,
 * `empty`, `expired`, `revoked`, `too short`, `not set`). The one answer for a secret's key in
 * every form, so `{"password":"expired"}`, `password="expired"`, `?password=expired` and an
 * attribute are read as `password=expired` is (`saysSecretState`, its first word in prose).
 * A default or test password (`changeme`, `test`) and `unknown` are none: each is a word someone
 * sets as a password (docs/decisions.md, 2026-12-04, "one verdict per value"). Not for a
 * connection string's or a flag's value, which a program is given as the secret whatever it says.
 */
export function standsInForSecret(value: string): boolean {
  return standsForSecret(value) || isStateWhole(value) || isCodeRead(value);
}

/** What became of a password, as a status field or line reports it (`password: changed`), in one case. */
const PASSWORD_STATE = /^(?:changed|reset|expired|Changed|Reset|Expired|CHANGED|RESET|EXPIRED)$/;

/**
 * Whether `value`, the whole value after a password's name as a field or a phrase writes it
 * (`password: changed`, `Password for user bob: reset`), says what became of the password. Only
 * there: as a flag's or a connection string's value (`--password=changed`) it is the password.
 */
export function saysPasswordState(value: string): boolean {
  return PASSWORD_STATE.test(value);
}

/**
 * What a session's state is called in logs (`session=closed`, `session=new`, `user_session=open`):
 * a session's id is generated, never one of these words, so under a name whose last word is
 * `session` they say the session's state. Unlike `STATUS_WORDS`, kept in any text (a query's,
 * an environment variable's): the name is a session's, not a password's. Lower case.
 */
const SESSION_STATE_WORDS: ReadonlySet<string> = new Set([
  "new", "open", "opened", "closed", "started", "ended", "created", "destroyed", "resumed", "renewed", "restored",
  "terminated", "established", "idle", "active", "inactive", "expired", "invalid", "invalidated", "regenerated",
  "none", "pending", "timeout",
]);

/** Whether `value` under `name` is a session's state (`SESSION_STATE_WORDS`): `name`'s last word is `session`. */
export function saysSessionState(name: string, value: string): boolean {
  if (!SESSION_STATE_WORDS.has(value.toLowerCase())) return false;
  const words = nameWords(name);
  return words[words.length - 1] === "session";
}
