import { Evidence } from "../evidence";
import { PASSWORD_HASH_SOURCE } from "../token-formats";
import type { Detector } from "./detector";

/**
 * Stored password hashes (`token-formats.ts`, `PASSWORD_HASH_SOURCE`: bcrypt `$2b$…`, Argon2's
 * `$argon2id$…`, crypt(3)'s `$6$…`/`$y$…`, Django's `pbkdf2_sha256$…`, LDAP's `{SSHA}…`), wherever
 * they are written and under any name: whoever reads one can crack it offline, so it is
 * credential material like the password it stands for. The whole hash is replaced, its scheme
 * included (`hash=[REDACTED:password_hash]`; an LDAP `{CRYPT}` before a crypt string stays). Its
 * own kind, not `known_token`: a hash grants nothing when presented, and an operator may count
 * or turn off the two apart.
 */
export const passwordHashDetector: Detector = {
  kind: "password_hash",
  source: PASSWORD_HASH_SOURCE,
  evidence: Evidence.PASSWORD_HASH,
};
