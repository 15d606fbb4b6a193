/**
 * Words that say what state a secret is in rather than being one, as error and audit lines
 * write them after a secret's name (`token=expired`, `Password: too short`, `session=active`,
 * `credentials=invalid`, `api_key=missing`, `auth=failed`, jsonwebtoken's `Invalid token: jwt
 * expired`): whether it is there, valid, accepted, changed or strong enough. Lower case, matched
 * in any case; English, Portuguese and Spanish. `too` heads `too short`/`too weak`, read one word
 * at a time. A generated secret has digits or symbols, and a password made of one of these
 * words is the accepted miss.
 */
const STATUS_WORDS: ReadonlySet<string> = new Set([
  "expired", "expiring", "invalid", "valid", "missing", "required", "optional", "present", "absent", "empty", "blank",
  "active", "inactive", "revoked", "rotated", "refreshed", "renewed", "changed", "reset", "set", "unset", "new", "stale",
  "found", "loaded", "provided", "supplied", "accepted", "rejected", "denied", "verified", "unverified", "incorrect",
  "wrong", "mismatch", "malformed", "weak", "strong", "too", "ok", "failed", "closed", "resumed", "locked", "unlocked",
  "pending", "default",
  "expirado", "expirada", "inválido", "inválida", "invalido", "invalida", "válido", "válida", "ausente", "incorreto",
  "incorreta", "incorrecto", "incorrecta", "obrigatório", "obrigatória", "obligatorio", "obligatoria", "fraca", "débil",
]);

/** Whether `value` is one word saying a secret's state (`STATUS_WORDS`): no secret's value. */
export function isStatusWord(value: string): boolean {
  return value.length <= 12 && STATUS_WORDS.has(value.toLowerCase());
}
