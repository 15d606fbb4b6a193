/**
 * Decides whether a name (an attribute key's last segment, a query parameter) announces a
 * secret value. Names are split into words at `-`, `_`, `.`, spaces and camelCase humps, so
 * `accessToken`, `X-Api-Key` and `client_secret` all match while `keyword`, `monkey` and
 * `prompt_tokens` do not. The words are English, the Portuguese and Spanish ones the
 * platform's producers write (`senha`, `contraseña`, `chave_api`, `clave_secreta`), and other
 * European languages' words for a password (`Kennwort`, `wachtwoord`, `hasło`, `mot_de_passe`).
 */

import { blanksBefore } from "./blanks";
import { BoundedMemo, ScanMemo } from "./bounded-memo";
import { isPlaceholder } from "./placeholders";
import { isSenderMask } from "./sender-masks";
import { saysSecretState } from "./status-words";
import { propertyTokenOf } from "../normalize/message-template";

/**
 * Portuguese and Spanish for "password" (`usuario.senha`, `SENHA_BANCO`, `contrasena`), with
 * and without the tilde. The wiring audit reads vars' names with the same words.
 */
export const ROMANCE_PASSWORD_WORDS: readonly string[] = ["senha", "contrasena", "contraseña"];

/**
 * Other European languages' one word for "password", lower case, with and without their accents
 * as keys are written both ways: German `Passwort` and `Kennwort`, Dutch `wachtwoord`, Swedish
 * `lösenord`, Polish `hasło`, Czech and Slovak `heslo`, Norwegian `passord`, Danish
 * `adgangskode`, Finnish `salasana`. French writes three words (`mot_de_passe`: `secrecyInFull`).
 */
export const OTHER_PASSWORD_WORDS: readonly string[] = [
  "passwort", "kennwort", "wachtwoord", "lösenord", "losenord", "hasło", "haslo", "heslo", "passord", "adgangskode", "salasana",
];
/**
 * Each language's words for what state a password is in, as its prose writes them after the
 * password's word (`Passwort: falsch`, `hasło: zmienione`, `lösenord: ändrat`), lower case, with
 * and without accents: wrong, invalid, expired, changed, reset, forgotten, empty, missing,
 * required, set, locked, ok, yes, no, and two-word states (`zu kurz`, `nicht gesetzt`). A
 * closed list, as English's (status-words.ts): any other word there is the password
 * (`Passwort: geheim`, `hasło: kochanie`).
 */
const PASSWORD_STATE_WORDS: Readonly<Record<string, readonly string[]>> = {
  german: [
    "falsch", "ungültig", "ungueltig", "abgelaufen", "geändert", "geaendert", "vergessen", "leer", "fehlt", "fehlend", "erforderlich",
    "gesetzt", "zurückgesetzt", "zurueckgesetzt", "gesperrt", "korrekt", "richtig", "ok", "ja", "nein",
    "zu kurz", "zu schwach", "zu lang", "nicht gesetzt", "nicht korrekt",
  ],
  dutch: ["onjuist", "ongeldig", "fout", "verlopen", "gewijzigd", "wijzigd", "vergeten", "leeg", "ontbreekt", "vereist", "ingesteld", "gereset", "geblokkeerd", "ok", "ja", "nee",
    "te kort", "te zwak", "niet ingesteld",
  ],
  swedish: ["fel", "felaktigt", "ogiltigt", "utgånget", "ändrat", "andrat", "glömt", "tomt", "saknas", "krävs", "satt", "återställt", "låst", "ok", "ja", "nej",
    "för kort", "för svagt", "inte satt",
  ],
  polish: [
    "błędne", "bledne", "nieprawidłowe", "nieprawidlowe", "niepoprawne", "wygasło", "wygaslo", "zmienione", "zapomniane", "puste", "brak",
    "wymagane", "ustawione", "zresetowane", "zablokowane", "ok", "tak", "nie",
    "za krótkie", "za krotkie", "za słabe", "za slabe", "nie ustawione",
  ],
  czech: ["nesprávné", "nespravne", "neplatné", "neplatne", "vypršelo", "vyprselo", "změněno", "zmeneno", "zapomenuto", "prázdné", "prazdne", "chybí", "chybi", "ok", "ano", "ne",
    "příliš krátké", "prilis kratke",
  ],
  norwegian: ["feil", "ugyldig", "utløpt", "utlopt", "endret", "glemt", "tomt", "mangler", "satt", "tilbakestilt", "låst", "ok", "ja", "nei", "for kort"],
  danish: ["forkert", "ugyldig", "udløbet", "udlobet", "ændret", "aendret", "glemt", "tom", "mangler", "nulstillet", "låst", "ok", "ja", "nej", "for kort"],
  finnish: ["väärä", "vaara", "virheellinen", "vanhentunut", "vaihdettu", "unohtunut", "tyhjä", "tyhja", "puuttuu", "asetettu", "lukittu", "ok", "kyllä", "kylla", "ei", "liian lyhyt"],
};
/**
 * French's words for a password's state, as prose writes them after `mot de passe` and `:`
 * (`mot de passe : oublié`, `mot de passe : requis`), lower case, with and without accents: apart
 * from `PASSWORD_STATE_WORDS`, as no key is French's three words and `isStateInAnyLanguage` reads
 * none of them.
 */
const FRENCH_PASSWORD_STATE_WORDS: readonly string[] = [
  "incorrect", "invalide", "erroné", "errone", "refusé", "refuse", "accepté", "accepte", "expiré", "expire", "modifié", "modifie", "changé", "change",
  "oublié", "oublie", "vide", "manquant", "absent", "requis", "obligatoire", "défini", "defini", "configuré", "configure", "réinitialisé", "reinitialise",
  "bloqué", "bloque", "verrouillé", "verrouille", "valide", "correct", "faible", "moyen", "fort", "robuste", "inchangé", "inchange", "identique",
  "masqué", "masque", "caché", "cache", "chiffré", "chiffre", "protégé", "protege", "envoyé", "envoye", "généré", "genere", "temporaire",
  "inconnu", "aucun", "néant", "neant", "saisi", "ok", "oui", "non",
  "erreur", "jamais", "activé", "active", "activée", "désactivé", "desactive", "désactivée", "desactivee", "vérifié", "verifie", "vérifiée", "verifiee",
  "présent", "present", "présente", "presente", "sécurisé", "securise", "sécurisée", "securisee",
];
/** `OTHER_PASSWORD_WORDS` and French's `mot de passe`, each with its language's state words (`PASSWORD_STATE_WORDS`, `FRENCH_PASSWORD_STATE_WORDS`). */
const OTHER_PASSWORD_WORD_STATES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ...(
    [
      ["german", ["passwort", "kennwort"]], ["dutch", ["wachtwoord"]], ["swedish", ["lösenord", "losenord"]], ["polish", ["hasło", "haslo"]],
      ["czech", ["heslo"]], ["norwegian", ["passord"]], ["danish", ["adgangskode"]], ["finnish", ["salasana"]],
    ] as const
  ).flatMap(([language, words]) => words.map((word) => [word, new Set(PASSWORD_STATE_WORDS[language])] as const)),
  ["mot de passe", new Set(FRENCH_PASSWORD_STATE_WORDS)],
]);
/** Every language's state words together (`PASSWORD_STATE_WORDS`), lower case. */
const ANY_LANGUAGE_STATE_WORDS: ReadonlySet<string> = new Set(Object.values(PASSWORD_STATE_WORDS).flat());

/**
 * Whether `value`, whole but for a sentence's final mark, is one of the other languages' state
 * words (`PASSWORD_STATE_WORDS`), in any case: after a scheme's word, which names no language
 * (`Authorization: Token: abgelaufen`), a state as English's `expired` is.
 */
export function isStateInAnyLanguage(value: string): boolean {
  return ANY_LANGUAGE_STATE_WORDS.has(value.trim().replace(/[.!]$/, "").toLowerCase());
}

/** A value's first word or two, perhaps in parentheses (`(leer)`), and nothing glued to them but a sentence's marks. */
const FIRST_STATE_WORD = /^\(?([^\s,;.!?|()]{2,24})\)?(?![^\s,;.!?|])/;
const FIRST_TWO_STATE_WORDS = /^([^\s,;.!?|()]{2,8}[ \t]+[^\s,;.!?|()]{2,24})(?![^\s,;.!?|])/;

/** Whether `value` after another language's password word `name` (`passwort`, `mot de passe`) starts with that language's state word or two-word state (`PASSWORD_STATE_WORDS`), in any case. */
export function saysOtherPasswordState(name: string, value: string): boolean {
  const states = OTHER_PASSWORD_WORD_STATES.get(name.toLowerCase());
  if (states === undefined) return false;
  const word = FIRST_STATE_WORD.exec(value)?.[1];
  const words = FIRST_TWO_STATE_WORDS.exec(value)?.[1]?.replace(/[ \t]+/, " ");
  return (word !== undefined && states.has(word.toLowerCase())) || (words !== undefined && states.has(words.toLowerCase()));
}
/** French `mot de passe` glued (`motdepasse`); as a name's last three words (`mot_de_passe`, `motDePasse`) `secrecyInFull` reads it. */
const FRENCH_PASSWORD_GLUED = "motdepasse";

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
  "sessid",
  "jwt",
  "otp",
  // A collection of them (`passwords`, `secrets`: `{"secrets":{"db":"…"}}`), whose members are
  // secrets named by what they open (`heldSecrecy`).
  "passwords",
  "passphrases",
  "secrets",
  "senhas",
  ...ROMANCE_PASSWORD_WORDS,
  ...OTHER_PASSWORD_WORDS,
  FRENCH_PASSWORD_GLUED,
  // Redis's configuration directives for the server's password and the replica's password to
  // its master (redis.conf, `CONFIG SET requirepass …`, `redis-server --masterauth …`);
  // `masteruser` names a user and stays.
  "requirepass",
  "masterauth",
]);

/**
 * Portuguese `chave` and Spanish `clave` ("key") name a credential only before these words
 * (`chave_api`, `chave_secreta`, `clave_privada`): alone they are any key, and `clave` is a
 * code in Mexican invoices (`ClaveProdServ`). Not `acesso`/`acceso`: a Brazilian invoice's
 * `chave de acesso` (and Ecuador's `clave de acceso`) is the invoice's public 44- or 49-digit
 * number.
 */
export const ROMANCE_KEY_WORDS: ReadonlySet<string> = new Set(["chave", "clave"]);
export const ROMANCE_KEY_QUALIFIERS: ReadonlySet<string> = new Set(["api", "secreta", "secreto", "privada", "privado"]);

/**
 * A key or token that is public by design: `public_key`, `publishable_key` (Stripe's
 * `pk_live_…`), .NET's `PublicKeyToken` (the hash of an assembly's public key, printed in every
 * assembly-load error), `publicToken`. After one of these words, `key`, `token` and `apikey`
 * name nothing secret; other secret words still do (`public_key_password`).
 */
const PUBLIC_WORDS = new Set(["public", "publishable"]);
const PUBLIC_WORD_GLUED = /^publi(?:c|shable)/;
const PUBLIC_CREDENTIAL_WORDS = new Set(["key", "token", "apikey", "keytoken"]);

/**
 * `tokens` names a collection of credentials (`{"tokens":{"github":"ghp_…"}}`, `access_tokens`,
 * `refresh_tokens`) only alone or after one of these words: after others it is a count of an
 * LLM's tokens (`input_tokens`, `max_tokens`, `prompt_tokens`, `gen_ai.usage.output_tokens`),
 * and a count under `tokens` (`{"usage":{"tokens":1234}}`) is a number, kept as under any
 * secret name. docs/decisions.md, 2026-12-01, "`tokens` as a collection of secrets".
 */
const TOKENS_QUALIFIERS = new Set(["access", "refresh", "auth", "api", "bearer", "oauth", "session", "id", "device", "personal"]);
/**
 * A member of a collection of tokens or keys named by what it opens, in a dotted name
 * (`tokens.github`, `keys.stripe`, Java properties' and YAML paths' `app.tokens.slack`): the
 * token or key itself. A count keeps its number as under any secret name; `keys` alone or with
 * a member that describes (`keys.id`, `keys.count`) names nothing secret.
 */
const COLLECTION_MEMBER = /(?:^|[._-])(?:tokens|keys)\.[A-Za-z][A-Za-z0-9]*$/i;

/**
 * A count's member of a collection of tokens (`tokens.count`, `tokens.total`, `tokens.used`):
 * it holds a number (docs/decisions.md, 2026-12-01, "`tokens` as a collection of secrets"), and
 * what holds a count's place without being one (`tokens.count=Zx81kQpL0vN2`) is a token of the
 * collection written under the wrong member.
 */
const TOKENS_COUNT_MEMBER = /(?:^|[._-])tokens\.(?:count|counts|total|used|remaining|limit|max|min|usage|budget)$/i;

/** Whether `name` is a count's member of a collection of tokens (`TOKENS_COUNT_MEMBER`), for the text forms' evidence. */
export function namesTokensCountMember(name: string): boolean {
  return TOKENS_COUNT_MEMBER.test(name);
}

/**
 * Whether `value` under `name`, a count's member of a collection of tokens (`tokens.count`), is a
 * token rather than a count: neither a count nor text in a count's place (`standsForCount`), nor
 * a word of letters (`unknown`), nor a value standing for a secret.
 */
export function isTokenInCountPlace(name: string, value: string): boolean {
  return TOKENS_COUNT_MEMBER.test(name) && !standsForCount(value) && !/^[A-Za-z]{1,15}$/.test(value) && !standsForSecret(value);
}

/**
 * Whether a name (a key, dotted or not, or a parameter's name) counts or bounds something when
 * its value is a whole number: a secret word's plural is one of its words (`PLURAL_SECRET_WORDS`:
 * `tokens`, `access_tokens`, `tokens.input`, `secretsLoaded`), as LLM and usage logs write counts
 * of an LLM's tokens (`{"tokens":"42"}`, `{"tokens":[12,30]}`, `tokens=42`); or a word that
 * counts or bounds (`COUNTING_WORDS`: `max_token`, `num_session_ids`, `token_limit`,
 * `password_hash_rounds`); or its last word is the plural `ids` (`session_ids=3`: how many) or
 * counts events (`COUNTED_EVENT_WORDS`: `passwordResets`). A credential is never digits alone
 * there (a GitHub token's `ghp_…`, a JWT, an opaque string with letters). docs/decisions.md,
 * 2026-12-01, "a whole number under `tokens`", and 2026-12-03, "a number under a name that counts".
 */
export function namesCount(name: string): boolean {
  const words = nameWords(name);
  const last = words[words.length - 1] ?? "";
  return words.some((word) => PLURAL_SECRET_WORDS.has(word) || COUNTING_WORDS.has(word)) || last === "ids" || (words.length > 1 && COUNTED_EVENT_WORDS.has(last));
}

/**
 * Last words that make a name count what happened to its secrets, lower case: how many were
 * loaded, revoked or rotated (`secretsLoaded=3`, `tokens_revoked=2`) and how many resets or
 * renewals there were (`passwordResets=12`). Only last and after another word: first they name
 * the secret's own kind (`rotated_token`). Not what holds a secret after its word (`generated`,
 * `confirmed`, `new`, a `reset` code): a number there is still the secret.
 */
const COUNTED_EVENT_WORDS: ReadonlySet<string> = new Set([
  "loaded", "revoked", "rotated", "expired", "refreshed", "renewed", "rejected", "issued", "failed",
  "resets", "changes", "rotations", "renewals", "refreshes", "revocations", "loads", "errors",
]);
/**
 * The fewest digits a secret named by `name` has when it is digits alone, for a list of numbers
 * under it (`pins=[1234, 5678]`, `passwords=[123456, 654321]`): the name is the secret's own,
 * singular or plural, with any other words (`card_pins`, `pinList`, `pin_codes`, `db_password`), or
 * the plural of another code's name (`security_codes`, `totps`, `cvv2s`: `isSecretCodeName`);
 * a PIN's, a one-time code's or a card code's 3, a numeric password's 4. 0 when it names none,
 * or when another word counts or qualifies them (`num_passwords`, `passwords_checked`,
 * `failed_passwords`, `pin_attempts`: `COUNTING_WORDS`, `COUNTED_EVENT_WORDS`, `LIST_QUALIFIER_WORDS`),
 * or every word after the secret's measures it (`pin_ids`, `pin_timeout_ms`: `measuresNumericSecret`).
 */
export function numericSecretDigits(name: string): number {
  const words = nameWords(name);
  let digits = 0;
  for (const word of words) digits = Math.max(digits, NUMERIC_SECRET_DIGITS.get(word) ?? 0);
  // A plural of another code's name, read as its singular (`security_codes`, `totps`, `cvv2s`).
  if (digits === 0 && /s$/i.test(name) && isSecretCodeName(name.slice(0, -1))) digits = 3;
  // Most names hold no numeric secret's word: they need neither of the word tests below.
  if (digits === 0 || countsOrQualifiesSecrets(words)) return 0;
  return measuresNumericSecret(name) ? 0 : digits;
}

/** Whether a word of a name counts its secrets or says what happened to them (`num_pins`, `failed_otps`, `passwords_checked`). */
function countsOrQualifiesSecrets(words: readonly string[]): boolean {
  return words.some((word) => COUNTING_WORDS.has(word) || COUNTED_EVENT_WORDS.has(word) || LIST_QUALIFIER_WORDS.has(word));
}

/**
 * The fewest digits of a code in a list a key names by a plural or `list` (`pins`, `card_pins`, `pin_list`,
 * `pin_codes`, `one_time_passwords`, `security_codes`, `totps`, `cvv2s`), read as the text
 * detector reads a list's name (`numericSecretDigits`); 0 when it names none or a word counts or
 * qualifies them (`num_pins`, `failed_otps`, `pin_ids`, `pins_count`). Only a key ending so is
 * read: `db_password` and `pin_expiry` name one value, whose own rules stay.
 */
export function codeListDigits(key: string): number {
  return /(?:s|list)$/i.test(key) ? numericSecretDigits(key) : 0;
}

/**
 * Whether `name` names one code or a list of codes where its place says a code follows: before a query's
 * index (`otp[]`, `pin[0]`) or in a Markdown table's key cell or column (`| otp |`, `| pins |`): a numeric
 * secret's name (`numericSecretDigits` 3: `pin`, `card_pins`), a code's singular (`isSecretCodeName`:
 * `cvv`, `mfa_code`) or a code list's plural (`codeListDigits` 3). One reading for code-lists.ts and
 * table-rows.ts, which leaves such a cell to it.
 */
export function namesCodeInPlace(name: string): boolean {
  return numericSecretDigits(name) === 3 || isSecretCodeName(name) || codeListDigits(name) === 3;
}

/**
 * Whether every word after a numeric secret's word in `name`'s last part names another thing of
 * it (`MEASURE_OF_SECRET_END`: `pin_ids`, `pin_timeout_ms`, `passwords_per_page`, `password_lengths`):
 * a list of numbers under it holds that thing's numbers, kept whole. One other word after it
 * may say whose secrets the list holds (`pins_by_user_id`, `pins_per_user`, `pins_and_ids`), and
 * before the secret's word any may (`user_id_pins`), so those lists go. A path's earlier part
 * (`otp.ids`) names the object, not a measure of the secret, so only the last part is read.
 */
export function measuresNumericSecret(name: string): boolean {
  const words = nameWords(name.slice(name.lastIndexOf(".") + 1));
  let secretWord = -1;
  words.forEach((word, index) => {
    if (NUMERIC_SECRET_DIGITS.has(word)) secretWord = index;
  });
  return secretWord >= 0 && MEASURE_OF_SECRET_END.test(words.slice(secretWord).join("_"));
}
/**
 * The plurals of the code words (`SECRET_CODE_WORDS`) that name a list of codes (`pins: [1234, 5678]`,
 * `{"otps":["123456"]}`), lower case: a list's name in text (`NUMERIC_SECRET_DIGITS`,
 * `SECRET_NAME_ENDINGS`) and a key's (`namesCodeList`).
 */
const PLURAL_CODE_WORDS: readonly string[] = ["pins", "otps", "cvvs", "cvcs", "passcodes"];

/** A numeric secret's words, singular and plural, lower case, and the fewest digits it has. */
const NUMERIC_SECRET_DIGITS: ReadonlyMap<string, number> = new Map([
  ...["pin", "otp", "cvv", "cvc", "passcode", ...PLURAL_CODE_WORDS].map((word) => [word, 3] as const),
  ...["password", "passwords"].map((word) => [word, 4] as const),
]);
/** Words that say what happened to a list's secrets or how they are used (`passwords_checked`, `otp_window`): its numbers count them. */
const LIST_QUALIFIER_WORDS: ReadonlySet<string> = new Set(["checked", "reset", "hashed", "used", "window"]);

/**
 * Plural secret words: a name holding one counts the secrets it names (`tokens=42`,
 * `secretsLoaded=3`, `passwords_rotated=2`, `keys_found=5`), as no one secret is a plural's.
 */
const PLURAL_SECRET_WORDS: ReadonlySet<string> = new Set(["tokens", "secrets", "passwords", "credentials", "keys"]);

/**
 * Words that count or bound what a name is about, lower case: how many (`num_sessions`,
 * `token_count`, `secrets.total`), a bound (`max_token`, `token_limit`, `password_min`), a
 * measure of a secret (`password_length`, `passwort_länge`, `password_hash_rounds`, `bcrypt_cost`, PBKDF2's
 * `iterations`), how many it remembers or allows (`password_history`, `password_attempts`), a
 * version, and a lifetime (`expires_in`, `ttl`, `age`). The wiring audit reads vars' names with the same words.
 */
export const COUNTING_WORDS: ReadonlySet<string> = new Set([
  "num", "count", "counts", "total", "max", "min", "maximum", "minimum", "limit", "limits",
  "rounds", "cost", "iterations", "length", "len",
  // A length in the languages whose password words name secrets (`passwort_länge=12`, `hasło_długość=8`).
  "länge", "laenge", "lengte", "längd", "langd", "długość", "dlugosc", "délka", "delka", "lengde", "længde", "pituus",
  // How many past secrets it remembers, tries and versions (`password_history=5`,
  // `password_attempts=3`, `secret_version=7`) and how long it lasts (`token.expires_in=3600`,
  // `token_ttl`, `max_password_age`, `password_expires_in_days`).
  "history", "attempts", "tries", "retries", "failures", "version", "versions", "expires", "ttl", "age",
  "days", "hours", "minutes", "seconds",
]);

/**
 * The words after a numeric secret's word (`measuresNumericSecret`, the secret's word first, then
 * each after `_`) when all of them measure or count it, singular or plural: a count or bound
 * (`COUNTING_WORDS`: `password_lengths`, `pin_versions`), its id or time (`pin_ids`, `pin_timestamps`),
 * a wait, perhaps in ms (`pin_timeout_ms`, `otp_delays_ms`), or a page's share (`passwords_per_page`).
 * Not an index, a size, an offset, `ms` or a page alone: `pins_index`, `pins_page` may hold the
 * codes, a PIN's offset derives from it, so those lists go, as before.
 */
const MEASURE_OF_SECRET_END = new RegExp(
  String.raw`^[^_]+(?:_(?:(?:${[...COUNTING_WORDS, "id", "timestamp"].join("|")})s?|(?:timeout|duration|interval|delay)s?(?:_ms)?|per_page))+$`,
);

/**
 * A whole number as text: up to 19 digits, no sign (a count), as a value's text or the items of
 * a JSON list of them, numbers or strings of digits (`[12,30]`, `["12","30"]`).
 */
const WHOLE_NUMBER = /^\d{1,19}$/;
const WHOLE_NUMBER_LIST = /^\[[ \t\n\r]*"?\d{1,19}"?(?:[ \t\n\r]*,[ \t\n\r]*"?\d{1,19}"?)*[ \t\n\r]*\]$/;

/** Whether `value` is a whole number as text, or JSON text of a list of them (`[12,30]`, as lifting stores an array). */
export function isCountText(value: string): boolean {
  return WHOLE_NUMBER.test(value) || WHOLE_NUMBER_LIST.test(value);
}

/**
 * Whether a name's last word is `token` (`token`, `access_token`, `csrfToken`): a number written
 * as a number there, not as text, is a count when it is short (`isShortCount`: `{"tokens":4096,
 * "token":512}`), as LLM logs write a token's budget beside the total; docs/decisions.md,
 * 2026-12-03, "a short number under `token`".
 */
export function namesToken(name: string): boolean {
  return nameWords(name).at(-1) === "token";
}

/**
 * The fewest digits a one-time code has (RFC 4226 §5.3 and RFC 6238: 6 to 8): a whole number
 * with fewer is a count under a token's name, one with as many may be the code.
 */
const CODE_DIGITS = 6;
const SHORT_COUNT = new RegExp(`^\\d{1,${CODE_DIGITS - 1}}$`);

/** Whether `digits` is a whole number of fewer digits than a one-time code's (`512`, `4096`; not `123456`). */
export function isShortCount(digits: string): boolean {
  return SHORT_COUNT.test(digits);
}

/**
 * A JSON number's text (RFC 8259 §6), also as JavaScript prints a parsed one (`1e+21`).
 */
const JSON_NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
/**
 * The least an `auth` member's number is when it may be a PIN or a one-time code: 4 integer
 * digits, the fewest a PIN has (ISO 9564-1: 4 to 12). Below it the number is a time or a count.
 */
const AUTH_CODE_LEAST = 1000;

/**
 * Whether `number`, a number written as a number (JSON's, an attribute's int or double, as text)
 * under the credential's name `name` that names no code, holds no credential. Under `auth` a
 * value below 1000 is a step's time or count (`{"dns":2,"auth":3}`, `{"auth":12.5}`; not
 * `{"auth":482193}`); under any other credential's name only 0 and 1 are, a flag
 * (`{"password":0}`; not `{"password":123}`, `{"api_key":42}`, `-123`). It reads the value, not
 * its spelling, so JSON text (`100.0`, `1e2`) and the number a parser lifts from it (`100`) get
 * one verdict. A code's name (`pin`, `cvv`, `otp`) holds its code whatever it is: callers ask
 * for names that name none.
 */
export function isFlagOrCountUnder(name: string, number: string): boolean {
  if (!JSON_NUMBER.test(number)) return false;
  const value = Number(number);
  return /^auth$/i.test(name.slice(name.lastIndexOf(".") + 1)) ? Math.abs(value) < AUTH_CODE_LEAST : value === 0 || value === 1;
}

/** Whether `value`, under the name `name`, is a count (`namesCount`, `standsForCount`). */
export function isNamedCount(name: string, value: string): boolean {
  return standsForCount(value) && namesCount(name);
}

/**
 * Whether `value` is a count (`isCountText`) or text that stands where a count does and cannot
 * be a credential (`COUNT_LIKE`), what a name counting tokens keeps.
 */
export function standsForCount(value: string): boolean {
  return isCountText(value) || COUNT_LIKE.test(value);
}

/**
 * Text in a count's place that no credential is: an approximate or abbreviated count (`~500`,
 * `1.2k`), a count of a limit (`12/4096`), no count (`n/a`, `unlimited`), and a GraphQL schema's
 * scalar type of the field (`tokens: Int!`).
 */
const COUNT_LIKE = /^(?:~?\d{1,19}(?:\.\d+)?[kKmMbB]?|\d{1,19}\/\d{1,19}|n\/a|unlimited|Int!?|Float!?|BigInt!?)$/;

/**
 * Whether `value`, under a dotted `name` (a member of a collection: `secrets.refresh`,
 * `tokens.host`), is a setting of the collection that no credential is: a duration (`300s`,
 * `15m`), a server's address with its port (`auth.internal:8443`) or a URL with no user
 * information, query or fragment (`redis://cache.internal:6379/0`). Not under a member that is
 * a secret's own name (`spring.datasource.password`), whose value is that secret.
 */
export function isMemberSetting(name: string, value: string): boolean {
  const dot = name.lastIndexOf(".");
  if (dot < 0 || isSecretName(name.slice(dot + 1))) return false;
  return DURATION.test(value) || SERVER_ADDRESS.test(value) || URL_WITHOUT_CREDENTIALS.test(value);
}
const DURATION = /^\d{1,9}(?:ms|s|m|h|d)$/;
const SERVER_ADDRESS = /^(?:[A-Za-z0-9-]+\.)+[A-Za-z][A-Za-z0-9-]*:\d{1,5}$/;
const URL_WITHOUT_CREDENTIALS = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/(?<![^\s@?#])[^\s@?#]+$/;

/**
 * Words before `token` that make it no credential: a position in a listing, a page token or
 * cursor (S3's `ContinuationToken`/`NextContinuationToken` and its query's `continuation-token`,
 * AWS's `NextToken`, Google APIs' `pageToken`/`nextPageToken`/`page_token`, Microsoft Graph's
 * `skipToken`/`deltaToken`, Google Calendar's and Todoist's `syncToken`/`sync_token`). A page
 * token is opaque but grants nothing: the next request still needs the caller's own credentials.
 * And .NET's `CancellationToken` (`cancellation_token`), a handle that cancels an operation in the
 * process. A MongoDB change stream's resume token (`resumeToken`, `resume_token`, the driver's
 * `postBatchResumeToken`): a position in the oplog, `{"_data":"8263…"}`, that a new stream
 * starts after and that the caller's credentials still guard. A lock's token (`lock_token`,
 * WebDAV's `Lock-Token`, RFC 4918 §10.5): which lock a request holds, not who may send it.
 * An idempotency token (`idempotency_token`, `IdempotencyToken`), the request id a client
 * chooses so a retry is not done twice, as the `idempotency_key` beside it (`key` alone names no
 * secret): the server's answer to it still needs the caller's credentials.
 * Other secret words in the name still count (`page_token_secret`). Meteor's login sends its
 * token under `resume` alone (`{"resume":"…"}`), a name no `token` follows, and stores it
 * under `loginTokens`, which stays secret.
 */
const NON_CREDENTIAL_TOKEN_WORDS = new Set([
  "page", "pagination", "continuation", "next", "prev", "previous", "skip", "delta", "sync", "cursor", "cancellation",
  "resume", "lock", "idempotency",
]);
/** The same names glued, as `$skiptoken`, `$deltatoken` and lower-case keys write them (`nextpagetoken`, `synctoken`). */
const GLUED_NON_CREDENTIAL_TOKEN =
  /^(?:(?:next|prev|previous|start)?(?:page|pagination|continuation|skip|delta|sync|cursor)|next|prev|previous|cancellation|(?:postbatch)?resume|lock|idempotency|clientrequest)token$/;

/**
 * Whether the `token` that is `words[index]` is no credential: after a word that makes it a
 * position, a handle or a request's id (`NON_CREDENTIAL_TOKEN_WORDS`); AWS's `ClientRequestToken`
 * (CloudFormation's, Secrets Manager's: the idempotency token an SDK or the console fills with a
 * UUID or `Console-CreateStack-…`), where `request_token` alone may be OAuth 1.0's or a broker's
 * login step; or a rate limiter's token bucket (`token_bucket_capacity`, `tokenBucketRefillRate`),
 * whose tokens are units of the allowed rate.
 */
function namesNonCredentialToken(words: readonly string[], index: number): boolean {
  const before = words[index - 1] ?? "";
  return NON_CREDENTIAL_TOKEN_WORDS.has(before) || (before === "request" && words[index - 2] === "client") || words[index + 1] === "bucket";
}

/**
 * Portuguese and Spanish put the head noun first: `tipo_senha` (the password's type),
 * `validade_token` (the token's validity), `nombre_clave_api`. A name that starts with one of
 * these describes the secret its later words name, as `DESCRIBING_WORDS` do at the end of an
 * English name.
 */
const DESCRIBING_HEADS = new Set([
  "tipo", "nome", "nombre", "arquivo", "archivo", "caminho", "ruta", "formato", "politica", "política",
  "validade", "vencimiento", "expiracao", "expiração", "expiracion", "expiración", "duracao", "duração", "duracion",
  "duración", "tamanho", "longitud", "comprimento", "quantidade", "cantidad",
]);

/**
 * The card networks' names of a card security code (Visa's CVV2, Mastercard's CVC2, Amex's and
 * Discover's CSC, JCB's CAV2, CVN), lower case. A code phrase in text reads them too (`CVV 123`).
 */
export const CARD_SECURITY_CODE_WORDS: readonly string[] = ["cvv", "cvv2", "cvc", "cvc2", "csc", "cvn", "cav2"];

/**
 * Names of the short codes that prove who holds a card or an account: card security codes
 * (PCI DSS forbids storing them after authorization), PINs and one-time passwords. A number
 * under such a name is the secret itself, where a number under another secret name is a count
 * or a flag (`token_count`).
 */
const SECRET_CODE_WORDS = new Set([...CARD_SECURITY_CODE_WORDS, "pin", "pincode", "passcode", "otp", "totp", "hotp"]);

/** Words before `code` or `codes` naming a second factor's spare one-time passwords (`recovery_code`, `backup_codes`). */
const RECOVERY_CODE_WORDS: readonly string[] = ["recovery", "backup"];

/**
 * `code`, `codes` and `value` name a secret code only after these words: `security_code`,
 * `card_verification_value`, `pin_code`, `mfa_code`, `sms_code`, `auth_code`; alone they are an
 * error code or any value.
 */
const CODE_QUALIFIERS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["code", new Set(["security", "verification", "pin", "otp", "totp", "mfa", "2fa", "factor", "sms", "auth", ...RECOVERY_CODE_WORDS])],
  // An account's recovery or backup codes (`backup_codes`, `recovery_codes`): one-time
  // passwords kept for a lost second factor, each a login on its own.
  ["codes", new Set(RECOVERY_CODE_WORDS)],
  ["value", new Set(["verification"])],
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
  // GitHub's `X-Hub-Signature-256`; Shopify's `X-Shopify-Hmac-Sha256` and any `<vendor>-hmac`
  // (`namesHmac`: an algorithm's word ends a name only after `hmac`).
  "signature-256",
  "signature_256",
  "hmac",
  "sha1",
  "sha256",
  "sha512",
  "sessionid",
  // A session's id is its credential in every spelling (`sessionid` above; `session.id` is
  // `session` and a member).
  "session_id",
  "session-id",
  "session::id",
  // Its short spellings (`PHPSESSID`, `sess_id`, `sid`, `connect.sid`: `namesSession`).
  "sessid",
  "sess_id",
  "sid",
  "password",
  "session",
  "cookies",
  "passwd",
  "secret",
  "cookie",
  "token",
  // `tokens: "…"`, `access_tokens: …` (`TOKENS_QUALIFIERS`).
  "tokens",
  // Collections of secrets, whose dotted members are secrets (`secrets.db: …`, `passwords.smtp: …`).
  "secrets",
  "passwords",
  "auth",
  "pass",
  "pwd",
  // `pw` alone, as `pass` alone, before a value shaped as a password (`isBarePassName`).
  "pw",
  "key",
  "jwt",
  "otp",
  "cvv",
  "cvv2",
  "cvc",
  "cvc2",
  "csc",
  "cvn",
  "cav2",
  "pin",
  // A list of codes under the plural (`pins: [1234, 5678]`, `cvvs: [123, 456]`): only a list of
  // numbers shaped as the codes is a secret there (`numericSecretDigits`); `passcodes` ends in `codes`.
  ...PLURAL_CODE_WORDS.filter((word) => !word.endsWith("codes")),
  "code",
  // `backup_codes`, `recovery_codes` (`CODE_QUALIFIERS`).
  "codes",
  "value",
  "senha",
  "contrasena",
  "contraseña",
  ...OTHER_PASSWORD_WORDS,
  // `mot_de_passe`, `motdepasse` (French `mot de passe`).
  "passe",
  // `chave_api`, `clave_secreta`, `chave_privada` (ROMANCE_KEY_WORDS).
  "api",
  "secreta",
  "secreto",
  "privada",
  "privado",
];

/**
 * A word that ends with a secret word glued to what it protects, as environment variables and
 * lower-case keys write them (`PGPASSWORD`, `dbpasswd`, `clientsecret`, `authtoken`,
 * `gpgpassphrase`), and as German, Dutch and Swedish compound their nouns (`Benutzerkennwort`,
 * `DATENBANKPASSWORT`, `gebruikerswachtwoord`, `användarlösenord`). Not `pass` or `pwd` glued: `bypass`, `compass` and the shell's `OLDPWD`.
 */
const GLUED_SECRET_WORD_ENDS: readonly string[] = ["password", "passwd", "passphrase", "secret", "token", "sessionid", "sessid", "passwort", "kennwort", "wachtwoord", "lösenord"];
const GLUED_SECRET_WORD = new RegExp(`^[a-z0-9à-ÿ]+(?:${GLUED_SECRET_WORD_ENDS.join("|")})$`);

/**
 * Session cookies' names that hold no secret word: Express's `connect.sid` (express-session's
 * default name) and koa-session's `koa.sess` (`koa:sess` before v6). Their value is the session's
 * id, its credential in every form (docs/decisions.md, 2026-12-03); the servlet containers',
 * and PHP's (`JSESSIONID`, `PHPSESSID`) glue `sessionid` or `sessid` after a prefix
 * (`GLUED_SECRET_WORD`); classic ASP's adds eight letters after it (`ASPSESSIONIDQQGGQQGG`).
 */
const SESSION_COOKIE_NAME = /^(?:connect\.sid|koa[.:]sess|aspsessionid[a-z]{8})$/i;

/**
 * `pass` names a password only as the last word after another (`admin_pass`, `db_pass`):
 * first or alone it is a test's `pass_rate`, a `pass` verdict. The wiring audit reads vars the
 * same way.
 */
const LAST_PASSWORD_WORD = "pass";
/**
 * `pw` likewise names a password as the last word after another (`db_pw`, `admin_pw`,
 * `smtpPw`), as `pass` does and with the same exceptions; alone it is read by its value's shape
 * (`isBarePassName`).
 */
const LAST_PW_WORD = "pw";

/**
 * Words before a last `pass` that make it a pass that is no password: a ticket or a permit
 * (`boarding_pass`, `bus_pass`, `season_pass`, `hall_pass`, a wallet's `wallet_pass`, a game's
 * `battle_pass`), a stage of processing (`render_pass`, `shadow_pass`, `first_pass`,
 * `compiler_pass`), a filter (`low_pass`, `high_pass`, `band_pass`) or a check's verdict
 * (`test_pass`, `lint_pass`). After any other word (`db_pass`, `admin_pass`, `smtp_pass`,
 * `grafana_pass`) it names a password: what a password opens is any system's name, while what
 * else a pass is comes from these few families. Lower case; the wiring audit reads vars' names
 * with the same words.
 */
export const NON_PASSWORD_PASS_WORDS: ReadonlySet<string> = new Set([
  "boarding", "bus", "season", "hall", "day", "week", "weekly", "month", "monthly", "annual", "year", "yearly",
  "travel", "train", "rail", "metro", "transit", "subway", "ski", "park", "parking", "event", "festival", "concert",
  "museum", "gym", "guest", "visitor", "backstage", "vip", "press", "wallet", "battle", "game", "membership", "free",
  "render", "shader", "draw", "depth", "shadow", "lighting", "post", "first", "second", "third", "final", "multi",
  "single", "one", "two", "compile", "compiler", "optimization", "optimizer",
  "low", "high", "band", "all", "gate", "entry", "ride", "ticket", "lift",
  "test", "tests", "check", "checks", "lint", "smoke", "unit", "qa", "ci",
  // A check's or a run's outcome (`result.pass`, `results.pass`, `status.pass`, `build.pass`).
  "result", "results", "outcome", "verdict", "status", "build", "run", "step", "stage", "suite", "case", "cases",
  "e2e", "integration", "regression", "exam", "grade",
]);

/**
 * Whether `name` is `pass` or `pw` alone, in any case (`pass`, `PASS`, `pw`; a flag's without
 * its dashes): a password's name only before a value shaped as one (`isPassPassword`: `pw:
 * hunter2x`, not `pw: 3`). The text forms' evidence reads it so. Code's literals read the same
 * names (`isShortPasswordName`).
 */
export function isBarePassName(name: string): boolean {
  return isShortPasswordName(name);
}

/**
 * Whether `name` is a short name code gives a password (`pw = "…"`, `pass = '…'`, any case): as
 * often a flag's, a count's or a verdict's (`pass = "yes"`, `pw = "3"`), so a literal under it is
 * a password only when shaped as one (`isPasswordShaped`).
 */
export function isShortPasswordName(name: string): boolean {
  return SHORT_PASSWORD_NAMES.has(name.toLowerCase());
}
const SHORT_PASSWORD_NAMES: ReadonlySet<string> = new Set(["pw", "pass"]);

/**
 * The one rule for a name that reads as a password's by a short word, `pass` or `pw`, in every
 * form a name is judged (an attribute's or JSON's key, logfmt's `name=value`, `name: value`, a
 * flag, code's assignments, XML, YAML, print_r): whether `value` under `name` stays.
 * - After a word saying what else the pass is (`NON_PASSWORD_PASS_WORDS`: `boarding_pass`,
 *   `result.pass`, `test.pass`, `ci.pass`): always; the name is no password's.
 * - Alone (`pass`, `PASS`, `pw`): unless the value is a password by its shape (`isPasswordByShape`),
 *   a PIN's digits or, when `delimited` (the sender quoted it, or it is a JSON string or an
 *   attribute's whole value), a passphrase's words (`isBarePassValue`).
 * - Last after another word (`db_pw`, `smtpPw`, `admin_pass`, `avg_pw`): when the value is shaped
 *   as no password (`isNoPasswordValue`: `avg_pw=180`, `page_pw = 210`, `max_pw = "1200px"`) and
 *   is no PIN's four or more digits, which stay only after a measure's word (`measuresPassWord`:
 *   `avg_pw=1800`); the word before says what the password opens (`db_pw=48213977`), not that
 *   the value is one.
 * - Another language's word for a password alone (`OTHER_PASSWORD_WORDS`: `Passwort`, `hasło`),
 *   not `delimited`: when the value's first word, in any case, is one of that language's words
 *   for the password's state (`PASSWORD_STATE_WORDS`: `Passwort: falsch`, `Passwort: OK`,
 *   `wachtwoord: vergeten`, `hasło: zmienione | …`), as English's state words stay
 *   (status-words.ts); any other word is the password (`Passwort: geheim`, `PASSWORT=geheim`).
 * Any other name: never (its own rules decide). docs/decisions.md, 2026-12-03, "one rule for
 * `pass` and `pw`", and 2026-12-04, "`pass` and `pw` read as `password`".
 */
export function keptUnderPassWord(name: string, value: string, delimited = false): boolean {
  if (!delimited && saysOtherPasswordState(name, value)) return true;
  const reading = passWordReading(name);
  if (reading === PassWord.ALONE) return !isBarePassValue(value, delimited);
  return reading === PassWord.NOUN || (reading === PassWord.LAST && isNoPasswordValue(value) && !(PIN_SHAPED.test(value) && !measuresPassWord(name)));
}

/**
 * Whether `name`, whose last word is `pass` or `pw` after another (`PassWord.LAST`), names a
 * measure by the word before it (`MEASURE_PASS_WORDS`: `avg_pw=1800`, `max_pw`, `pulse_pw`):
 * there `pw` is a pulse's width or a power, and four digits are its reading, not a PIN.
 */
function measuresPassWord(name: string): boolean {
  const words = nameWords(withoutHeldMember(name));
  return words.length > 1 && MEASURE_PASS_WORDS.has(words[words.length - 2]!);
}
/**
 * Words before a last `pw` (or `pass`) that make it a measure, lower case: a statistic (`avg_pw`,
 * `max_pw`, `p99_pw`: a pulse's width or a power summarised) or what has a width or a power
 * (`pulse_pw`, `pwm_pw`, `page_pw`, `tx_pw`, `cpu_pw`, and an energy meter's `solar_pw`,
 * `grid_pw`, `bat_pw`). After any other word (`db_pw`, `redis_pw`, `smtp_pass`) the word says what
 * the password opens, and digits alone are a PIN.
 */
const MEASURE_PASS_WORDS: ReadonlySet<string> = new Set([
  "avg", "average", "mean", "median", "min", "max", "peak", "total", "sum", "std", "stddev", "rms", "p50", "p90", "p95", "p99",
  "pulse", "pwm", "page", "tx", "rx", "signal", "laser", "motor", "servo", "cpu", "gpu", "rf", "beam",
  "ac", "dc", "solar", "pv", "grid", "bat", "battery", "inverter",
]);

/** A name whose last letters are `pass` or `pw`, any case: the only names `passWordReading` splits. */
const ENDS_IN_PASS_WORD = /(?:pass|pw)$/i;

/** How a name's last word `pass` or `pw` reads (`keptUnderPassWord`): `NONE` when it ends otherwise. */
export const PassWord = { NONE: 0, NOUN: 1, ALONE: 2, LAST: 3 } as const;

/** How `name` (a key, dotted or not, a parameter's or a flag's name) reads by a last word `pass` or `pw` (`PassWord`). */
export function passWordReading(name: string): number {
  const holder = withoutHeldMember(name);
  // Most names read are other secrets' (`password`, `token`): no split into words for them.
  if (!ENDS_IN_PASS_WORD.test(holder)) return PassWord.NONE;
  const words = nameWords(holder);
  const last = words.length - 1;
  if (last < 0 || !SHORT_PASSWORD_NAMES.has(words[last]!)) return PassWord.NONE;
  if (last === 0) return PassWord.ALONE;
  return NON_PASSWORD_PASS_WORDS.has(words[last - 1]!) ? PassWord.NOUN : PassWord.LAST;
}

/**
 * `name` without a last dotted member that holds its parent's value (`HELD_VALUE_WORDS`): a
 * JSON object under `pass` (`{"pass":{"value":"…"}}`, the key `pass.value`) reads as `pass`.
 */
function withoutHeldMember(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 && HELD_VALUE_WORDS.has(name.slice(dot + 1).toLowerCase()) ? name.slice(0, dot) : name;
}

/**
 * Whether the name `name` that ends at `nameStart + name.length` in prose is `pass` or `pw`
 * alone after a word, one blank before, saying what else it is (`NON_PASSWORD_PASS_WORDS`:
 * `boarding pass: BP-2231-A`, `test pass=OK`): a noun, as `boarding_pass` is, whatever follows.
 */
export function isPassNounAt(text: string, nameStart: number, name: string): boolean {
  if (nameStart < 0 || !isShortPasswordName(name)) return false;
  const before = WORD_BEFORE.exec(text.slice(Math.max(0, nameStart - 24), nameStart));
  return before !== null && NON_PASSWORD_PASS_WORDS.has(before[1]!.toLowerCase());
}
/** The word ending one blank before a name. */
const WORD_BEFORE = /([A-Za-z0-9]+)[ \t]$/;

/**
 * Whether `value` is shaped as something else than a password: a number, a number with its unit
 * (`12ms`, `1200px`), a time, or a `NO_PASSWORD_SHAPE` (a size, a version, a status word).
 */
export function isNoPasswordValue(value: string): boolean {
  return /^[-+]?\d+(?:\.\d+)?$/.test(value) || MEASURE_WITH_UNIT.test(value) || ISO_TIME.test(value) || NO_PASSWORD_SHAPE.test(value);
}

/**
 * Whether `name` is a password's name that a change word ends (`password_changed`,
 * `passwordUpdated`, `pwd_set`): its value is when or whether the password changed (a time, a
 * boolean, a count), or, logged under it, the new password.
 */
export function namesPasswordChange(name: string): boolean {
  return PASSWORD_CHANGE.test(name);
}
/** The first words of a password's change (`namesPasswordChange`), lower case. */
export const PASSWORD_CHANGE_HEADS: readonly string[] = ["password", "passwd", "pwd", "passphrase", "senha", "contrasena", "contraseña"];
/**
 * The last words of a password's change (`namesPasswordChange`), lower case: the describing words
 * (`DESCRIBING_WORDS`) that say when it was set. A change word that describes nothing
 * (`password_reset`, `pwd_rotated`) leaves the name a secret's already.
 */
export const PASSWORD_CHANGE_WORD_LIST: readonly string[] = ["changed", "updated", "set", "created"];
/** A password's change as one name, in any case, its words joined by `_`, `-`, `.` or camel case: one test, no allocation (the evidence asks it of every parameter). */
const PASSWORD_CHANGE = new RegExp(`^(?:${PASSWORD_CHANGE_HEADS.join("|")})[._-]?(?:${PASSWORD_CHANGE_WORD_LIST.join("|")})$`, "i");
/** The last letters of every change word (`PASSWORD_CHANGE_WORD_LIST`): what the text forms' evidence looks for before a separator. */
export const PASSWORD_CHANGE_ENDINGS: readonly string[] = ["ed", "set"];

/**
 * Whether `name` names a password only before a value shaped as one (`isPassPassword`): `pass`
 * alone (`isBarePassName`) or a password's change (`namesPasswordChange`).
 */
export function namesPasswordByShape(name: string): boolean {
  return isBarePassName(name) || namesPasswordChange(name);
}

/**
 * Whether `value` under `name` is a password that `pass` alone names (`pass: a&b`, `PASS=hunter2`,
 * `--pass Zx81`, `user=bob pass=s3cr3t`): first or alone, `pass` is as often a check's verdict
 * (`pass: true`), a count (`tests pass: 3`), a stage (`pass: first`) or a measure (`pass: 12ms`),
 * so only a value no such word or number is counts: one holding a letter and something else
 * (a digit, a symbol), no number with a unit, no placeholder (`standsForSecret`), no time
 * (`2024-05-01T10:00:00Z`), or a default password (`DEFAULT_PASSWORDS`: `PASS=changeme`), a PIN,
 * or a `delimited` value's passphrase (`isBarePassValue`). Another password of letters alone,
 * unquoted, under `pass` is the accepted miss.
 * docs/decisions.md, 2026-12-02, "`pass` alone". The same holds under a password's change
 * (`password_changed: hunter2`, `namesPasswordChange`), whose value is otherwise a time, a boolean
 * or a count.
 */
export function isPassPassword(name: string, value: string, delimited = false): boolean {
  return isBarePassName(name) ? isBarePassValue(value, delimited) : namesPasswordChange(name) && isPasswordByShape(value);
}

/**
 * Whether `value` under `pass` or `pw` alone is a password: shaped as one (`isPasswordByShape`),
 * a PIN (`PIN_SHAPED`: `pw=123456`, `pass=20241231`, `pw: 0000`) or, when the sender delimited
 * the value (`delimited`: quoted, a JSON string, an attribute's), a passphrase (`isPassPhrase`:
 * `pass="my secret phrase"`). A count, a verdict's number
 * or a stage under `pass` is rarely four digits (`pass=3`, `pass = 0`, `pass: 12`), and one that
 * is wears its count's word in the name (`passes=1200`, `pass_count=1200`, read elsewhere).
 * Not under a password's change, whose digits are a time (`password_changed=20241231`).
 * docs/decisions.md, 2026-12-03, "A PIN under `pass` or `pw` alone".
 */
function isBarePassValue(value: string, delimited: boolean): boolean {
  return isPasswordByShape(value) || PIN_SHAPED.test(value) || (delimited && isPassPhrase(value));
}

/**
 * Whether `value`, a whole value the sender delimited (a quoted one in text, a JSON string, an
 * attribute's), is a passphrase under `pass` or `pw` alone (`pass="my secret phrase"`,
 * `{"pass":"correct horse battery"}`, `pass="Tr0ub4dor 3 horse"`): two to eight words, the first
 * and one more holding a letter, no placeholder or state (`"not set"`, `"too short"`). Callers ask only of delimited values:
 * unquoted words after `pass` (`pass=ok all good`, a YAML plain scalar `pass: all good`, XML's
 * `<pass>all good</pass>`) are a verdict's as often and stay. A verdict's words quoted under
 * `pass` alone (`pass="all tests ok"`) go: the name and the quotes both say a password, as
 * `password="…"` does. docs/decisions.md, 2026-12-04, "`pass` and `pw` read as `password`".
 */
function isPassPhrase(value: string): boolean {
  return PASS_PHRASE.test(value) && value.split(" ").filter((word) => LETTER.test(word)).length >= 2 && !standsForSecret(value) && !saysSecretState(value);
}
/** Two to eight words, one blank between, the first holding a letter (`3 of 4`, `12 tests passed` are counts). */
const PASS_PHRASE = /^(?=\S*[A-Za-z])\S+(?: \S+){1,7}$/;
/** A word holding a letter: a passphrase has two or more (`Tr0ub4dor 3 horse`; `ok 3` is a verdict's). */
const LETTER = /[A-Za-z]/;
/** Four or more digits and nothing else: a PIN's or a digit password's shape (`0000`, `123456`, a date as `20241231`). */
const PIN_SHAPED = /^\d{4,}$/;

/** Whether `value` is a password by itself, whatever the name: shaped as one (`isPasswordShaped`) or a default password (`DEFAULT_PASSWORDS`). */
export function isPasswordByShape(value: string): boolean {
  return isPasswordShaped(value) || DEFAULT_PASSWORDS.has(value.toLowerCase());
}
/**
 * Passwords of letters alone that products ship as defaults and guides write as examples
 * (`changeme`, `changeit`, Java's keystores' default, RabbitMQ's `guest`, `letmein`): under a
 * short password's name (`PASS=changeme`) they are what the name says, never a verdict or a stage.
 */
const DEFAULT_PASSWORDS: ReadonlySet<string> = new Set([
  "changeme", "changeit", "password", "letmein", "qwerty", "secret", "admin", "guest", "welcome", "hunter", "toor",
]);

/**
 * Whether `value` is shaped as a password, not as a word or a number: three or more characters,
 * no blank, a letter and something else (a digit, a symbol); no number with a unit (`12ms`), no
 * time (`2024-05-01T10:00:00Z`), no placeholder or mask (`standsForSecret`).
 */
export function isPasswordShaped(value: string): boolean {
  return PASSWORD_SHAPED.test(value) && !isNoPasswordValue(value) && !standsForSecret(value);
}
/**
 * Values shaped as something else than a password: a size (`1024x768`, `1920x1080px`), a version
 * (`v2.1.0`, `1.2.3-rc1`), a status word with its code (`OK_200`, `ERR-404`), a paper's size
 * (`A4`, `A4-portrait`). A capitalised word and a number stays a password (`Password1`,
 * `Welcome1` are among the commonest), though a font's name and size (`Courier12`) reads so too.
 */
const NO_PASSWORD_SHAPE = /^(?:\d+(?:\.\d+)?(?:[x×]\d+(?:\.\d+)?)+[A-Za-z]{0,3}|v?\d+(?:\.\d+)+(?:[-+][\w.]+)?|[A-Z]+[_-]\d{3}|[A-Z]\d{1,2}(?:-[a-z]+)?)$/;
/** A date and time as ISO 8601 writes them (`2024-05-01T10:00:00.123Z`, `2024-05-01T10:00:00+02:00`). */
const ISO_TIME = /^\d{4}-\d\d-\d\d(?:[T ][\d:.]+)?(?:Z|[+-]\d\d:?\d\d)?$/;
/** Three or more characters, no blank, a letter and something that is none among them. */
const PASSWORD_SHAPED = /^(?=[^\s]*[A-Za-z])(?=[^\s]*[^A-Za-z\s])\S{3,}$/;
/** A number and its unit (`12ms`, `1.5s`, `3x`, `80%`). */
const MEASURE_WITH_UNIT = /^[-+]?\d+(?:\.\d+)?(?:[A-Za-z]{1,3}|%)$/;

/**
 * The shell's current and previous working directories (`PWD=/home/app`, as an environment dump
 * prints them): paths, where a lower-case `pwd` parameter (`?user=ana&pwd=…`) is a password.
 */
const SHELL_DIRECTORY_NAMES = new Set(["PWD", "OLDPWD"]);

/**
 * "key" alone is too common (`cache_key`, `sort_key`, `partition_key`, `idempotency_key`), so
 * it counts only after these words: keys that authenticate (`api_key`, `client_key`), sign
 * (`signing_key`, `hmac_key`) or encrypt (`encryption_key`, `master_key`), and a `private_key`.
 */
export const KEY_QUALIFIERS: ReadonlySet<string> = new Set([
  "api", "access", "private", "secret", "client", "auth", "signing", "hmac", "encryption", "encrypt", "decryption", "master",
  // A payment gateway's key for a merchant's account: Cielo's and Stone's `MerchantKey` (next
  // to the public `MerchantId`), the secret of every request's headers.
  "merchant",
  // A storage account's shared key: Azure's `AccountKey=` in a connection string, `account_key`
  // in its SDKs' settings (`azure.storage.account_key`), next to the public `AccountName`.
  "account",
  // Gateways' and vendors' keys sent on every request: Azure API Management's
  // `Ocp-Apim-Subscription-Key` (and its `subscription-key` query parameter), Azure Functions'
  // `x-functions-key`, RapidAPI's `X-RapidAPI-Key`, Datadog's `DD-APPLICATION-KEY`, Algolia's
  // admin key, New Relic's license and ingest keys, LaunchDarkly's server SDK key, Azure
  // storage's key. Not `app`: VTEX's `X-VTEX-API-AppKey` names its key (docs/decisions.md).
  "subscription", "function", "functions", "rapidapi", "application", "admin", "license", "licence", "ingest", "sdk", "storage",
]);

/**
 * The same keys glued, as lower-case header names write them (`merchantkey`, `secretkey`,
 * `privatekey`, `clientkey`); not `accesskey`, HTML's attribute naming a keyboard shortcut.
 */
const GLUED_QUALIFIED_KEY = new RegExp(`^(?:${[...KEY_QUALIFIERS].filter((word) => word !== "access").join("|")})key$`);

/**
 * Query parameters that are secret only as the whole name: OAuth's `code`, presigned URLs'
 * `sig`, `key` for API keys. As attribute keys these mean ordinary things (an error `code`).
 */
export const SECRET_PARAMETER_NAMES: ReadonlySet<string> = new Set(["code", "sig", "key", "pin", "sid", "auth"]);

/**
 * Words before `sid` that make it a session cookie's name (`connect.sid`, `session_sid`,
 * `cookie.sid`): `sid` alone is one too (express-session's and many frameworks' cookie, `req.sid`);
 * after any other word it is an account's or a database's identifier (Twilio's `AccountSid`,
 * `ORACLE_SID`), no credential.
 */
export const SESSION_SID_QUALIFIERS: ReadonlySet<string> = new Set(["connect", "session", "sess", "express", "cookie"]);

const NAME_SEPARATORS = /(?:[\s._-]|::)+/;
const NAMESPACED_NAME_SEPARATORS = /(?:[\s._/-]|::)+/;

/**
 * A name's words, lower case: `accessToken` → `access`, `token`; `X-Api-Key` → `x`, `api`, `key`;
 * a path's `::` parts them as `.` does (Rust's, C++'s and Ruby's: `auth::token`, `Session::Secret`);
 * a namespace's `/` parts them too (`user/password` → `user`, `password`: Clojure's namespaced
 * keywords as JSON encoders write them, `vault/token`), but not a URL's path, which starts with
 * one (`/oauth/token`, a route's key in a latency map, is one word and names no secret).
 */
export function nameWords(name: string): readonly string[] {
  return scanNameWords.get(name);
}

function splitNameWords(name: string): readonly string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(SPLIT_PASS_WORD, "pass$1")
    .split(name.charCodeAt(0) === 47 /* / */ ? NAME_SEPARATORS : NAMESPACED_NAME_SEPARATORS)
    .filter((word) => word !== "");
}
/**
 * `password` and `passphrase` written as two words (`pass_word`, `pass-word`, `PassWord`,
 * `pass_phrase`): one word, as glued, so the name reads as theirs and not as a last `pass`.
 */
const SPLIT_PASS_WORD = /(?<![a-z0-9])pass[\s._-]+(word|phrase)(?![a-z0-9])/g;

/**
 * The words a login's credentials are logged after, as an unnamed pair (`auth ["ana@…","…"]`,
 * `login ['ana', '…']`): lower case; the credential pair form and its evidence read them.
 */
export const LOGIN_WORDS: readonly string[] = ["auth", "login", "signin", "sign_in", "authenticate"];

/** Distinct names are few in practice; the bound only stops unusual input from growing memory. */
const MAX_CACHED_NAMES = 4096;
/**
 * `nameWords` by name within a scan: a text's checks split the same name at each of its
 * candidates (`auth` at every `auth:` of a long line), several regex passes and arrays each.
 */
const scanNameWords = new ScanMemo<string, readonly string[]>(MAX_CACHED_NAMES, splitNameWords);
/** What a name announces: nothing, a secret, or a secret code (a secret even as a number). */
const NOT_SECRET = 0;
const SECRET = 1;
const SECRET_CODE = 2;
/** A member of a list of codes named by its plural (`pins.visa`, `otps.0`): a code only when shaped as one (`codeListDigits`). */
const CODE_LIST = 3;
/**
 * Answers by name: the same parameter and field names (`token=`, `"password":`) recur on every
 * line that carries them, and splitting a name into words costs several regex passes.
 */
const secretNames = new BoundedMemo<string, number>(MAX_CACHED_NAMES, secrecyOf);

/** Whether an attribute key's last dotted segment (or the whole name) names a secret. */
export function isSecretName(name: string): boolean {
  return secretNames.get(name) !== NOT_SECRET;
}

/**
 * Whether a name ends by naming a card security code, a PIN or a one-time password
 * (`card.cvv`, `security_code`, `pin`, `otp`, `mfa_code`): its value is secret even when it is
 * a number. Such a name is also a secret name.
 */
export function isSecretCodeName(name: string): boolean {
  return secretNames.get(name) === SECRET_CODE;
}

/**
 * The JOSE header parameters and JWT registered claims (RFC 7515 §4.1, RFC 7519 §4.1), which a
 * token carries in readable form: the algorithm and key id that verify it, its type, issuer,
 * audience, subject, times and id.
 */
const JOSE_PARAMETER_NAMES: readonly string[] = ["alg", "kid", "typ", "cty", "iss", "aud", "sub", "exp", "nbf", "iat", "jti"];

/**
 * Last words of a compound adjective whose first word is a secret word (`password-less-login`,
 * `token-based-auth`, `password_free`): the name is a feature's or a mode's, the secret word
 * only says which, and its value is a setting (`beta`).
 */
const COMPOUND_MODIFIER_ENDS = new Set(["less", "based", "free"]);

/**
 * Last words that make a name describe a secret rather than hold one: where it is (`file`,
 * `path`, `url`, `env`, `ref`, `arn`), what it is (`type`, `name`, `version`, `store`), how long
 * or how many (`ttl`, `timeout`, `count`, `length`, `max`) and whether it is on or checked
 * (`enabled`, `required`, `verified`, `status`, `state`: `session_state=2fa_pending`), how much of it is used (an LLM's `token_usage`,
 * `token_budget`), which part or whom it lets do what (`prefix`,
 * `scope`, `permissions`, a rate limit's `bucket`, a token's `audience` and `issuer`, a cookie's
 * `domain` and `samesite`), which service or store serves it (`manager`, `region`, `host`, `cache`,
 * an LLM's `model` and `encoding`) and when (`changed_at`, `expires_at`, `duration_ms`, `session_start`): `--token-count 5`, `session_ttl=3600`,
 * `--secret-name prod-db`, `otp_enabled=true`, `cvv_check=pass`. The value under such a name is
 * configuration or a result, never the secret itself.
 */
const DESCRIBING_WORDS = new Set([
  "file", "path", "dir", "url", "uri", "endpoint", "env", "stdin", "ref", "arn",
  "name", "type", "kind", "version", "store", "backend", "provider", "mode", "method", "algorithm", "policy", "affinity",
  "prefix", "suffix", "scope", "scopes", "permission", "permissions", "bucket", "audience", "issuer", "source",
  "format", "strength", "driver", "domain", "secure", "samesite", "httponly",
  "ttl", "timeout", "expiry", "expires", "expiration", "lifetime", "age", "interval", "rotation", "duration",
  "ms", "seconds", "at", "ts", "date", "time", "timestamp", "created", "issued", "changed", "updated", "started",
  "start", "end", "ended", "begin",
  // When it was last set and how many days or tries it allows (Active Directory's `pwdLastSet`,
  // `password_last_set`, `password_rotation_days`, `password_attempts`).
  "set", "minutes", "hours", "days", "attempts", "tries", "retries", "failures",
  "count", "counts", "size", "length", "len", "limit", "max", "min", "usage", "used", "remaining", "budget",
  "enabled", "disabled", "required", "present", "status", "state", "check", "verified", "valid",
  // Which service or store serves it and how (`secrets.manager: aws`, `secrets.region: us-east-1`,
  // `secrets.mount: kv`, `tokens.model: gpt-4o`, `tokens.encoding: cl100k_base`, `tokens.host`,
  // `tokens.cache`), and a whole number of them (`secrets.total=3`).
  "model", "encoding", "encoder", "tokenizer", "manager", "engine", "mount", "namespace", "cache", "region", "host",
  "hostname", "port", "server", "total",
  // The header it is sent in and the channel it is sent over (`apiKeyHeader: X-API-Key`,
  // `signatureHeader: Stripe-Signature`, `otp.channel: sms`), and the scheme it is sent with.
  "header", "headers", "channel", "scheme",
  // The part a key's listing shows to tell it apart (`api_key_last4: a1b2`, `token_last4`,
  // `api_key_hint=...a1b2`, as Stripe's and OpenAI's dashboards show a key), as `card_last4` is
  // no card number: four characters of a long random key leave the rest unguessable.
  "last4", "hint",
  // A JSON Web Token's header parameters and registered claims (RFC 7515 §4.1, RFC 7519 §4.1):
  // the token's readable parts, what signs it is the secret (`jwt.alg`, `jwtKid`, `token.jti`).
  // `sub` is the subject's id, which ids' rules treat as any user id (scanned, not hidden).
  ...JOSE_PARAMETER_NAMES,
]);

/**
 * An id names a secret without holding it (`api_key_id`, `token_id`, `secret_store_id`,
 * `GITHUB_TOKEN_OWNER_ID`), except a session's: a session's id is the session's credential
 * (`session_id`, `sess_id`, `x-session-id` stay secret).
 */
const CREDENTIAL_IDS = new Set(["session", "sess"]);

/**
 * Words before `session` that make it a business object's session, not a login's: Stripe's
 * Checkout, Setup and Identity verification Sessions (`checkout_session_id=cs_live_…`, an object's
 * id its API reads back with the account's secret key), a resumable or multipart upload's
 * (`upload_session_id`), a payment's, a chat's or a call's. Such an id opens no login; any other
 * word keeps the name a login session's (`user_session_id`, `auth_session_id`, `web_session_id`,
 * Rails' `_shop_session` cookie): a kept credential costs more than a lost object id.
 */
const OBJECT_SESSION_WORDS: ReadonlySet<string> = new Set([
  "checkout", "setup", "verification", "payment", "billing", "upload", "multipart", "import", "export", "sync",
  "transfer", "chat", "conversation", "call", "meeting", "recording", "game", "booking",
]);

/** Whether `words` (a name's) end with an object's session or its id (`OBJECT_SESSION_WORDS`: `checkout_session_id`, `upload-session`). */
export function namesObjectSession(words: readonly string[]): boolean {
  const at = words[words.length - 1] === "id" ? words.length - 2 : words.length - 1;
  return at > 0 && words[at] === "session" && OBJECT_SESSION_WORDS.has(words[at - 1]!);
}

/**
 * Last words naming a hash of an id or a token (`session_id_hash`, `session_id_sha256`,
 * `token_hash: sha256:…`): a one-way digest that logs and token stores write to correlate a
 * session or a token without its credential; an id and a token are random and long, so no
 * guess finds them from their hash. Only after `id` and `token` (`HASHED_RANDOM_WORDS`): a
 * `session_hash` may be the session's own token (Gradio's), and a password's, a PIN's or a
 * one-time code's hash is a secret of its own, found again by trying the few values such a
 * secret takes (a password hash detector reads its formats). docs/decisions.md, 2026-12-03,
 * "a hash of a token".
 */
const ID_HASH_WORDS: ReadonlySet<string> = new Set(["hash", "hashed", "digest", "sha1", "sha256", "sha512", "md5"]);
/** The words whose hash `ID_HASH_WORDS` name: of a random id's or token's value. */
const HASHED_RANDOM_WORDS: ReadonlySet<string> = new Set(["id", "token"]);

/**
 * Last words of a member under a secret's name that say whose or which secret it is rather than
 * hold it, besides `DESCRIBING_WORDS` and ids: the account it opens (`credentials.username`,
 * `credentials.email`), where (`secrets.db.host`, `port`, `region`), a note about it (`hint`,
 * `label`, `description`), whether it was changed (`rotated`), the part a key's listing shows to
 * tell it apart (`api_key.last4`, `fingerprint`, `masked`), and a JWT's decoded parts
 * (`jwt.claims`, `jwt.header`: the signature is the secret, the claims are the token's readable
 * content).
 */
const HELD_SECRET_METADATA_WORDS = new Set([
  "user", "username", "login", "email", "account", "owner", "principal", "subject", "host", "hostname", "port",
  "region", "database", "label", "description", "hint", "rotated", "last4", "fingerprint", "masked", "claims", "header",
  "headers",
]);

/**
 * Secret words that also name the context a secret belongs to, whose other members are no
 * secret: an access decision's (`authorization.decision`, `authorization.policy_result`), a
 * user's visit (`session.country`, `session.page_views`), a cookie's attributes, a signature's
 * check, an authentication's settings or outcome (a last `auth`: `basic_auth.username`,
 * Cloudflare's `cf.tlsClientAuth.certPresented`). Under them only the members `HELD_VALUE_WORDS`
 * name hold the secret (`session.value`, `cookie.value`, `basic_auth.value`). Not `cookies`: a
 * map of cookies by name (Express's `req.cookies` and `req.signedCookies`, a framework's
 * parsed cookie jar) holds a cookie's value in each member (`cookies.sid`, `cookies.connect.sid`).
 */
const CONTEXT_SECRET_WORDS = new Set(["authorization", "session", "sessionid", "cookie", "signature", "auth"]);

/**
 * Names of a member that holds the secret its parent names, in whatever form or version:
 * `value`, `raw`, `plain`, `text`, `data`, `new`, `old`, `current`, `confirm`, `primary`,
 * `secondary`, … and Portuguese and Spanish `valor`, `nova`, `atual`, `confirmacao`, `nueva`.
 */
const HELD_VALUE_WORDS = new Set([
  "value", "values", "raw", "plain", "plaintext", "cleartext", "text", "data", "string", "str", "bytes", "content",
  "encoded", "base64", "b64", "hex", "pem", "new", "old", "current", "previous", "prev", "next", "confirm",
  "confirmation", "repeat", "retype", "primary", "secondary", "backup", "fallback", "temp", "temporary",
  "valor", "novo", "nova", "antigo", "antiga", "atual", "confirmacao", "confirmação", "confirmar", "nuevo", "nueva",
  "anterior", "actual",
]);

/**
 * What a dotted key's value is by the secret names its parents give it (`NOT_SECRET`, `SECRET`,
 * `SECRET_CODE`): a member under a secret's name is that secret (`credentials.value`,
 * `password.new`, `password.confirm`, `api_key.primary`, `secrets.db`, `pin.value` a code's, an
 * array item `password.0`, `secrets.db.value` two levels down), as the same words joined in one
 * name are (`credentials_value`, `api_key_primary`), unless its name says something about the
 * secret instead: the words that end a name describing one (`password.length`,
 * `password.min_length`, `password.type`, `api_key.provider`, `password.expires_at`, ids:
 * `api_key.id`) and `HELD_SECRET_METADATA_WORDS` (`credentials.username`). Under a name that is
 * also a context (`CONTEXT_SECRET_WORDS`: `session`, `authorization`) only `HELD_VALUE_WORDS` and
 * array items hold it (`session.value`; `session.country` stays). Under a cookie jar's name
 * (`namesCookieJar`: `cookies`, `signedCookies`, `cookie_jar`) each member is a cookie by its name
 * and holds its value (`cookies.user`, `signedCookies.connect.sid`) unless it describes the jar
 * (`cookies.count`, `cookies.names`); an array item there is one cookie's serialized object
 * (tough-cookie's `{key, value, domain, path}`), whose `value` alone holds it. A member naming a secret itself
 * has its own verdict. docs/decisions.md, 2026-12-01, "a member under a secret's
 * name".
 */
function heldSecrecy(key: string): number {
  let verdict = NOT_SECRET;
  let context = false;
  // The parent is a session, whose `id` is its credential (`session.id`, as `session_id`).
  let credentialId = false;
  let jar = false;
  let start = 0;
  for (let dot = key.indexOf("."); ; dot = key.indexOf(".", start)) {
    const segment = key.slice(start, dot < 0 ? key.length : dot);
    // A list of codes by its plural (`pins.visa`, `otps.0`) holds codes, when shaped as them (`CODE_LIST`).
    const own = segment === "" ? NOT_SECRET : secretNames.get(segment) || (codeListDigits(segment) > 0 ? CODE_LIST : NOT_SECRET);
    if (jar) {
      // A cookie jar's member: a cookie by its name, whatever the name says (`cookies.user`,
      // `cookies.email`), or a serialized cookie (tough-cookie's `cookies.0`), whose attributes
      // stay and whose `value` holds it, as under `cookie`; or what describes the jar.
      // A jar's own list of cookies (tough-cookie's `cookieJar.cookies`) is a jar again.
      jar = namesCookieJar(segment);
      context = ARRAY_INDEX.test(segment);
      verdict = jar || context || !describesCookieJar(segment) ? SECRET : NOT_SECRET;
    } else if (own !== NOT_SECRET) {
      verdict = own;
      context = CONTEXT_SECRET_WORDS.has(lastWord(segment));
      credentialId = CREDENTIAL_IDS.has(lastWord(segment));
      jar = namesCookieJar(segment);
    } else if (verdict !== NOT_SECRET && !holdsParentSecret(segment, context, credentialId)) {
      verdict = NOT_SECRET;
    } else {
      context = false;
    }
    if (dot < 0) return start === 0 ? NOT_SECRET : verdict;
    start = dot + 1;
  }
}

/**
 * Whether a name (one dotted segment) names a cookie jar, a map of cookies by name: its last word
 * is `cookies` (`cookies`, Express's `signedCookies`, `signed_cookies`) or its last two are
 * `cookie jar` (`cookie_jar`, `cookieJar`, tough-cookie's `CookieJar`).
 */
function namesCookieJar(name: string): boolean {
  const words = nameWords(name);
  const last = words[words.length - 1];
  return last === "cookies" || (last === "jar" && words[words.length - 2] === "cookie");
}

/**
 * Whether a cookie jar's member named `segment` describes the jar rather than being a cookie:
 * its last word, perhaps plural, is one that describes a secret (`DESCRIBING_WORDS`:
 * `cookies.count`, `cookies.names`, `cookie_jar.path`). Not an id or a user's or an account's
 * word: a cookie is often named so (`id`, `user`, `email`) and its value is that person's.
 */
function describesCookieJar(segment: string): boolean {
  if (SERIALIZED_COOKIE_MEMBERS.has(segment.toLowerCase())) return true;
  const last = lastWord(segment);
  return DESCRIBING_WORDS.has(last) || (last.endsWith("s") && DESCRIBING_WORDS.has(last.slice(0, -1)));
}

/**
 * A serialized cookie's members besides its `value`, lower case: tough-cookie's `Cookie.toJSON()`
 * (`key`, `domain`, `path`, `expires`, `maxAge`, `hostOnly`, `creation`, `lastAccessed`, …),
 * Puppeteer's and Playwright's `page.cookies()` (`name`, `httpOnly`, `sameSite`, `size`,
 * `session`, `partitionKey`), the jar's `toJSON()` list read without its items' places (JSON's
 * arrays add no segment to a member's path: `cookies.key`). No cookie is named so in practice.
 */
const SERIALIZED_COOKIE_MEMBERS: ReadonlySet<string> = new Set([
  "key", "name", "domain", "path", "expires", "maxage", "secure", "httponly", "samesite", "hostonly", "pathisdefault",
  "creation", "creationindex", "lastaccessed", "extensions", "partitioned", "partitionkey", "priority", "size", "session",
  "sameparty", "sourcescheme", "sourceport",
]);

/**
 * The name of the cookie a dotted `key` holds the value of as a member of a cookie jar
 * (`cookies.theme` → `theme`, `req.signedCookies.lang` → `lang`), or undefined: what the
 * preference rule of a cookie (credential-headers.ts) reads in a jar as in a `Cookie` header.
 */
export function cookieInJar(key: string): string | undefined {
  const dot = key.lastIndexOf(".");
  if (dot <= 0) return undefined;
  const parent = key.slice(key.lastIndexOf(".", dot - 1) + 1, dot);
  const name = key.slice(dot + 1);
  return namesCookieJar(parent) && secretNames.get(parent) !== NOT_SECRET && !describesCookieJar(name) ? name : undefined;
}

/** Whether a dotted `key`'s parent segment names a cookie jar (`namesCookieJar`: `cookies.session`, `req.signedCookies.sid`): its last segment is a cookie's name. */
export function inCookieJar(key: string): boolean {
  const dot = key.lastIndexOf(".");
  return dot > 0 && namesCookieJar(key.slice(key.lastIndexOf(".", dot - 1) + 1, dot));
}

/** Whether a dotted `key`'s last segment names a cookie jar (`namesCookieJar`: `req.cookies`, `signedCookies`) that is a secret's name. */
export function namesCookieJarKey(key: string): boolean {
  const last = key.slice(key.lastIndexOf(".") + 1);
  return namesCookieJar(last) && secretNames.get(last) !== NOT_SECRET;
}

/**
 * Whether a secret's name ends in a word that also names the context a credential belongs to
 * (`CONTEXT_SECRET_WORDS`: `session`, `cookie`, `authorization`, `signature`, `auth`): what
 * such a name labels may say whose context it is (`session:ana@example.com`) rather than hold
 * the credential.
 */
export function namesSecretContext(name: string): boolean {
  return CONTEXT_SECRET_WORDS.has(lastWord(name));
}

/** Whether `heldSecrecy` finds a secret under a parent's name in `key` (not the last segment's own). */
export function isHeldSecretName(key: string): boolean {
  const verdict = heldSecrecy(asDottedPath(key));
  return verdict === SECRET || verdict === SECRET_CODE;
}

/** Whether `heldSecrecy` finds a member of a list of codes named by its plural in `key` (`pins.visa`, `otps.sent`): a code only when shaped as one. */
export function isHeldCodeListName(key: string): boolean {
  return heldSecrecy(asDottedPath(key)) === CODE_LIST;
}

/** Whether `heldSecrecy` finds a card security code, a PIN or a one-time password under a parent's name in `key`. */
export function isHeldSecretCodeName(key: string): boolean {
  return heldSecrecy(asDottedPath(key)) === SECRET_CODE;
}

/** `key` with a path's `::` written as `.`, which parts its segments alike (`Session::Id` is `Session.Id`). */
function asDottedPath(key: string): string {
  return key.includes("::") ? key.replaceAll("::", ".") : key;
}

/**
 * Whether a member named `segment` under a secret's name holds that secret (`heldSecrecy`): an
 * array item or a value's name (`HELD_VALUE_WORDS`), a session's `id` (`credentialId`: the parent
 * is a session, `CREDENTIAL_IDS`), or, under a name that is no context, any name that says
 * nothing about the secret.
 */
function holdsParentSecret(segment: string, context: boolean, credentialId: boolean): boolean {
  if (ARRAY_INDEX.test(segment)) return true;
  const words = nameWords(segment);
  if (words.length > 0 && words.every((word) => HELD_VALUE_WORDS.has(word))) return true;
  if (credentialId && words.length === 1 && words[0] === "id") return true;
  if (context) return false;
  const last = words[words.length - 1] ?? "";
  return !(endsDescribing(words) || HELD_SECRET_METADATA_WORDS.has(last) || last === "id" || last === "ids" || DESCRIBING_HEADS.has(words[0] ?? ""));
}
const ARRAY_INDEX = /^\d+$/;

function lastWord(name: string): string {
  const words = nameWords(name);
  return words[words.length - 1] ?? "";
}

/** Whether a name's words describe a secret rather than hold it (`DESCRIBING_WORDS`, an id: `CREDENTIAL_IDS`). */
function describesSecret(words: readonly string[]): boolean {
  const last = words[words.length - 1] ?? "";
  return (
    words.length > 1 &&
    (endsDescribing(words) || (last === "id" && !CREDENTIAL_IDS.has(words[words.length - 2]!)) ||
      // A hash of a session's id or a token (`session.id_hash`, `session_id_sha256`, `token_hash`): the id cannot be read back from it.
      (ID_HASH_WORDS.has(last) && HASHED_RANDOM_WORDS.has(words[words.length - 2]!)) ||
      DESCRIBING_HEADS.has(words[0]!))
  );
}

/**
 * Whether a name's last words say something about a secret rather than hold it, alone or as a
 * member under a secret's name (`token_ttl`, `token.expires_in`): a describing word
 * (`DESCRIBING_WORDS`), a cookie's `SameSite`, or a lifetime as OAuth's `expires_in`
 * (RFC 6749 §5.1) and jsonwebtoken's `expiresIn` name it.
 */
function endsDescribing(words: readonly string[]): boolean {
  const last = words[words.length - 1] ?? "";
  const before = words[words.length - 2];
  // A cookie's `SameSite` attribute in camelCase or snake case (`sessionSameSite`, `session_same_site`).
  return DESCRIBING_WORDS.has(last) || (last === "site" && before === "same") || (last === "in" && before === "expires");
}

/**
 * The words `secrecyInFull` finds a secret by, lower case, one for each of its rules: a name it finds
 * secret holds one of its words whole (`SECRET_WORDS`, `SECRET_CODE_WORDS`, `key` or `keys` after a
 * `KEY_QUALIFIERS` word, a last `pass` or `pw`, `chave` or `clave` before a qualifier, `tokens`,
 * `sid`, `sess`, French `passe`, `hmac`, a last `auth`), ends a word with one (`GLUED_SECRET_WORD`,
 * `GLUED_QUALIFIED_KEY`'s `key`), names a code after its qualifier (`CODE_QUALIFIERS`) or is a
 * session cookie's (`SESSION_COOKIE_NAME`: `connect.sid`, `koa.sess`, `ASPSESSIONID…`). A rule
 * added to `secrecyInFull` adds its word here (test/unit/redact-secret-name-shortcut.test.ts).
 */
const SECRET_RULE_WORDS: readonly string[] = [
  ...SECRET_WORDS,
  ...SECRET_CODE_WORDS,
  ...[...CODE_QUALIFIERS.values()].flatMap((qualifiers) => [...qualifiers]),
  "key",
  "keys",
  LAST_PASSWORD_WORD,
  LAST_PW_WORD,
  ...ROMANCE_KEY_WORDS,
  "tokens",
  ...GLUED_SECRET_WORD_ENDS,
  "sid",
  "sess",
  "passe",
  "hmac",
  "auth",
];

/**
 * Whether a name may be secret (`secrecyInFull`), tested without splitting it: a name that holds none
 * of `SECRET_RULE_WORDS` in any case (`page`, `status_code`, `durationMs`) is not, as each of
 * `secrecyInFull`'s rules needs one of them in a word, and a word is part of the name lower cased
 * (camel case and separators only part it; the one join, `pass_word` read as `password`, keeps the
 * `pass` the name holds). Only ASCII is folded so: a name holding any other character (`hasło`,
 * `contraseña`, a letter whose lower case is ASCII's, as the Kelvin sign's `k`) is judged whole.
 * The words that hold another of them (`password` holds `pass`) go, for a shorter pattern.
 * Most names read out of texts are no secret's, and no memo keeps them across texts (bounded-memo.ts).
 */
const MAY_NAME_SECRET = new RegExp(
  `[^\\x00-\\x7f]|${[...new Set(SECRET_RULE_WORDS)]
    .filter((word, _, words) => /^[\x00-\x7f]+$/.test(word) && !words.some((other) => other !== word && word.includes(other)))
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|")}`,
  "i",
);

/**
 * What `name` announces (`NOT_SECRET`, `SECRET`, `SECRET_CODE`): not a secret when it holds none
 * of the rules' words (`MAY_NAME_SECRET`), unsplit; else as the rules read its words (`secrecyInFull`).
 */
function secrecyOf(name: string): number {
  return MAY_NAME_SECRET.test(name) ? secrecyInFull(name) : NOT_SECRET;
}

/** `isSecretName` judged in full, without `MAY_NAME_SECRET`: what a test holds that shortcut to. */
export function isSecretNameInFull(name: string): boolean {
  return secrecyInFull(name) !== NOT_SECRET;
}

function secrecyInFull(name: string): number {
  if (SHELL_DIRECTORY_NAMES.has(name)) return NOT_SECRET;
  if (SESSION_COOKIE_NAME.test(name)) return SECRET;
  const words = nameWords(name);
  const last = words[words.length - 1] ?? "";
  if (describesSecret(words) || namesObjectSession(words)) return NOT_SECRET;
  if (SECRET_CODE_WORDS.has(last) || CODE_QUALIFIERS.get(last)?.has(words[words.length - 2] ?? "") === true) {
    return SECRET_CODE;
  }
  const publicFrom = words.findIndex((word) => PUBLIC_WORDS.has(word));
  const secret = words.some(
    (word, index) =>
      !COMPOUND_MODIFIER_ENDS.has(words[index + 1] ?? "") &&
      !(publicFrom >= 0 && index > publicFrom && PUBLIC_CREDENTIAL_WORDS.has(word)) &&
      !(word === "token" && namesNonCredentialToken(words, index)) &&
      !GLUED_NON_CREDENTIAL_TOKEN.test(word) &&
      (SECRET_WORDS.has(word) ||
        ((word === "key" || word === "keys") && KEY_QUALIFIERS.has(words[index - 1] ?? "")) ||
        GLUED_QUALIFIED_KEY.test(word) ||
        ((word === LAST_PASSWORD_WORD || word === LAST_PW_WORD) && index > 0 && index === words.length - 1 && !NON_PASSWORD_PASS_WORDS.has(words[index - 1]!)) ||
        (ROMANCE_KEY_WORDS.has(word) && ROMANCE_KEY_QUALIFIERS.has(words[index + 1] ?? "")) ||
        (word === "tokens" && (words.length === 1 || TOKENS_QUALIFIERS.has(words[index - 1] ?? "") || (index === words.length - 2 && COLLECTION_MEMBER.test(name)))) ||
        (word === "keys" && index === words.length - 2 && COLLECTION_MEMBER.test(name)) ||
        (GLUED_SECRET_WORD.test(word) && !PUBLIC_WORD_GLUED.test(word)) ||
        // A session's id in short (`sid`, `sess_id`): see `SESSION_SID_QUALIFIERS`.
        (word === "sid" && index === words.length - 1 && (index === 0 || SESSION_SID_QUALIFIERS.has(words[index - 1]!))) ||
        (word === "sess" && words[index + 1] === "id") ||
        // French `mot de passe` in a name (`mot_de_passe`, `motDePasse`); `passe` alone is any pass.
        (word === "passe" && words[index - 1] === "de" && words[index - 2] === "mot")),
  );
  if (namesHmac(words)) return SECRET;
  // `auth` ends names of credentials (`REDISCLI_AUTH`, `basic_auth`, npm's `_auth`); before
  // another word it names a kind or a place (`auth_type`, `auth.user`), and after a compound
  // adjective a mode (`token-based-auth`).
  return secret || (last === "auth" && !COMPOUND_MODIFIER_ENDS.has(words[words.length - 2] ?? "")) ? SECRET : NOT_SECRET;
}

/**
 * Whether a name's words end with `hmac`, perhaps before its hash's name (`X-Shopify-Hmac-Sha256`,
 * `webhook_hmac`, `hmac`): a message's authentication code, a webhook's signature. Not `hmac`
 * before another word (`hmac_algorithm`, `hmac_key_id`), which says how it is made.
 */
function namesHmac(words: readonly string[]): boolean {
  const last = words.length - 1;
  return words[last] === "hmac" || (words[last - 1] === "hmac" && HASH_NAME.test(words[last]!));
}
const HASH_NAME = /^(?:sha[0-9]{1,3}|md5)$/;

/**
 * First words that make a command-line flag a switch (`--no-password`, `--ask-password`), and
 * `header`, which as a flag's last word names the header to send the secret in
 * (`--token-header X-Token`): the word after such a flag is no secret. (Other last words that
 * describe a secret, `--token-file`, `--password-stdin`, are `DESCRIBING_WORDS` for every name.)
 */
const SWITCH_FLAG_WORDS = new Set(["no", "ask", "prompt", "show", "skip", "without"]);

/**
 * Whether a setting's name (a command-line flag without its dashes, a configuration variable
 * such as a wrangler var) says that its value is something about a secret rather than the
 * secret: its last word describes one (`DESCRIBING_WORDS`: `--token-file`, `TOKEN_URL`,
 * `PASSWORD_MIN_LENGTH`, `API_KEY_ID`), names the header to send it in (`--token-header`,
 * `TOKEN_HEADER`), or its first word switches something (`--no-password`, `SKIP_TOKEN`). The
 * wiring audit judges vars' names by it.
 */
export function describesSecretSetting(name: string): boolean {
  const words = nameWords(name);
  return describesSecret(words) || words[words.length - 1] === "header" || SWITCH_FLAG_WORDS.has(words[0] ?? "");
}

/**
 * Whether a command-line flag's name, without its dashes (`db-password`, `api-key`, a Java
 * system property's `Dspring.datasource.password`), announces that its value is a secret: a
 * secret name, unless it names a header or switches something (`describesSecretSetting`).
 */
export function isSecretFlagName(name: string): boolean {
  return isSecretName(name) && !describesSecretSetting(name);
}

/** Whether a URL query or form parameter name announces a secret. */
export function isSecretParameterName(name: string): boolean {
  return SECRET_PARAMETER_NAMES.has(name.toLowerCase()) || isSecretName(name);
}

/**
 * The name that ends just before `end` (at most 64 characters back), read backwards past blanks
 * and one quote, escaped or not: `password` in `"password" :` and `\"password\":`; a path of
 * names parted by `::` whole (`Api::Key`). Empty when no name character is there.
 */
export function nameBefore(text: string, end: number): string {
  const limit = Math.max(0, end - 64);
  let i = blanksBefore(text, end, limit);
  if (i > limit && (text.charCodeAt(i - 1) === 34 || text.charCodeAt(i - 1) === 39)) {
    i--;
    // The quote of a name in JSON text held in a string is escaped: `{\"senha\":…}`.
    while (i > limit && text.charCodeAt(i - 1) === 92) i--;
  }
  const nameEnd = i;
  while (i > limit && isNameCharacter(text.charCodeAt(i - 1))) i--;
  // A path's `::` parts a name as `.` does (`Api::Key`, `Session::Secret`): the path is the name.
  while (i > limit + 2 && i < nameEnd && text.startsWith("::", i - 2) && isNameCharacter(text.charCodeAt(i - 3))) {
    i -= 2;
    while (i > limit && isNameCharacter(text.charCodeAt(i - 1))) i--;
  }
  return text.slice(i, nameEnd);
}

/**
 * A character of a name as the text forms read it (`NAME_CHARACTER`): ASCII letters, digits,
 * `_`, `.` and `-`, the Latin-1 letters of Portuguese and Spanish names (`contraseña`,
 * `usuário.senha`) and the Latin Extended-A letters of Central European ones (Polish `hasło`).
 */
export function isNameCharacter(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ||
    code === 95 || code === 46 || code === 45 || (code >= 0xc0 && code <= 0x17f && code !== 0xd7 && code !== 0xf7)
  );
}

/** `isNameCharacter` as a regex class, for the detectors' sources. */
export const NAME_CHARACTER = "[\\w.\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u017F-]";

/**
 * A value that stands for a secret without being one: a boolean, a switch or no value as languages
 * print one (`pin=true`, `basic_auth=disabled`, `auth=none`, Python's `None`/`True`, JavaScript's
 * `undefined`, Go's `nil`, SQL's `NULL`, Java's `Optional.empty`: `token=undefined`, `password=None`; `n/a`; a no-value word in
 * parentheses as C's printf writes a null string and tools an unset setting: `(null)`, `(nil)`, `(none)`, `(empty)`), an environment variable or a template for it
 * (`$DB_PASSWORD`, `${GITHUB_TOKEN}`, `%API_KEY%`, `{{ .Values.apiKey }}`, GitHub Actions'
 * `${{ secrets.DB_PASSWORD }}`; a shell's expansion with an operator, blanks and all:
 * `${PASSWORD:?PASSWORD must be set}` holds an error's message, and a default's secret in
 * `${PASSWORD:-…}` is the credential literal detector's to replace alone (also where a value's
 * token ends at a blank inside the braces, `PASSWORD=${PASSWORD:?must be set}`); a bare `$name` in
 * lower case may be a password such as `$ecret`), a documentation placeholder in angle brackets
 * (`<your-key>`, `<API_TOKEN>`, `<password>`, `<set in dashboard>`, Go's `<nil>`: words of
 * letters only, joined by blanks, `_`, `-` or `.`; `<Secr3t!>`, `<p@ss>`, `<x9Kq2mZ7vB4nL1>` and
 * `<<hunter2>>` are values someone wrapped in brackets), or a mask a sender already wrote
 * (`isSenderMask`: `********`, `xxxxxxxx`, `...`, Rails' and Phoenix's `[FILTERED]`,
 * `[PROTECTED]`, `REDACTED`), or nothing: the empty string and the `-` that access logs and
 * logfmt write for a missing value. Redacting it would hide how a service is configured and
 * protect nothing, and counting it would inflate the redaction tally.
 *
 * A template's inside is read at most 256 characters, far more than a variable's name, an
 * operator and a message or default hold: an unclosed `${name-…` otherwise stands for a secret
 * to the end of any blank-free run, so a run of `password=${` was kept at each of its names and
 * read again to its end from each (quadratic). Longer, the value is read as a secret.
 */
const STANDS_FOR_SECRET =
  /^(?:|-|true|false|null|none|True|False|None|TRUE|FALSE|NULL|NONE|Null|nil|undefined|enabled|disabled|on|off|Optional\.empty|\((?:none|None|NONE|null|NULL|nil|empty|Empty|EMPTY)\)|\$\{[^}\s]{0,256}\}|\$\{[A-Za-z_]\w*:?[-=?+][^}\n]{0,256}\}?|\$[A-Z_][A-Z0-9_]*|%[A-Z_][A-Z0-9_]*%|\$?\{\{[^}]{0,256}\}\}|n\/a|N\/A|<(?=[^>]{1,64}>$)[A-Za-z]+(?:[ _.-]+[A-Za-z]+)*>)$/;

/**
 * Whether `value` is the upper-case name of a secret (an environment variable's, a store's
 * entry's: `STRIPE_KEY`, `DB_PASSWORD`), as a list of the secrets a service needs names them
 * (`secrets:\n  - STRIPE_KEY`, `secrets: ["STRIPE_KEY"]`): no secret itself.
 */
export function isSecretNameValue(value: string): boolean {
  return SECRET_NAME_VALUE.test(value);
}
/** Upper snake case whose every part is letters perhaps ending in digits, or digits (`OAUTH2_SECRET`, `S3_KEY`, `KEY_2024`): `P4SSW0RD_2024` mixes them as a value does. */
const SECRET_NAME_VALUE = /^[A-Z]+[0-9]*(?:_(?:[A-Z]+[0-9]*|[0-9]+))+$/;

/**
 * A setting's value under a secret's name that names how the secret is kept or sent, not the
 * secret: a password hashing or a JWS algorithm (`password_encryption=scram-sha-256`,
 * `password.hash=argon2id`, `jwt.algorithm=RS256`; RFC 7518 §3.1, RFC 9106, RFC 7677) or the
 * header a credential travels in (`CREDENTIAL_HEADER`: `api.key.header=X-API-Key`,
 * `token_location=cookie`, `{ Authorization: authorization }`, `api_key=X-API-KEY header missing`).
 */
const NAMES_ALGORITHM =
  /^(?:argon2(?:id|i|d)?|bcrypt|scrypt|yescrypt|pbkdf2(?:[-_]sha-?(?:1|256|512))?|scram-sha-(?:1|256)|md5|sha-?(?:1|224|256|384|512)|(?:HS|RS|ES|PS)(?:256|384|512)|EdDSA)$/;
/**
 * The name of a header a credential travels in: the credential headers (RFC 9110 §11.6.2, RFC
 * 6265 §4) as their registry writes them or in lower case (`Authorization`, `proxy-authorization`,
 * `Set-Cookie`, `cookie`; in any other case, `COOKIE`, `CoOkIe`, a secret), and a custom `X-`
 * header's name: `X-` or `x-` and words joined by `-`, each starting with a capital (`Vault`,
 * `MBX`, `OrgID`, `CSRFToken`) or all lower case (`apikey`), perhaps a number last (`X-Api-Key`,
 * `X-Vault-Token`, `X-Scope-OrgID`, `x-apikey`, `X-Hub-Signature-256`). Code, configuration and
 * error messages name such headers under secrets' names far more often than anyone sets a
 * header-shaped secret, so a made-up one (`password=X-Abc-Def`, `password=x-wing`) stays: the
 * accepted miss. A word of another shape (`X-aBc9-dEf`, `x-hUnTeR`) or of over 16 letters (the
 * longest in registered and vendors' headers is `Authorization`'s 13; a random key is longer:
 * `x-qwhfkzlmnbvcxzasdfghjklpoiuytre`) is no header's.
 */
const CREDENTIAL_HEADER =
  /^(?:[Xx](?:-(?:[A-Z][A-Za-z]{0,15}|[a-z]{1,16}))+(?:-\d{1,3})?|(?:Proxy-)?Authorization|(?:proxy-)?authorization|(?:Set-)?Cookie|(?:set-)?cookie)$/;
/**
 * The HTTP headers a CORS list or a client's code names beside the credential's (RFC 9110, RFC
 * 9111, RFC 6454, W3C Trace Context), as their registry (IANA's HTTP Field Name Registry) writes
 * them or in lower case. Under a secret's name alone such a word is the secret
 * (`password=Origin`, `token=Accept`); in a list of header names it is one (`isHeaderName`).
 */
const STANDARD_HEADER =
  /^(?:(?:Content-(?:Type|Length|Encoding|Language|Disposition|Range)|Accept(?:-(?:Language|Encoding|Ranges))?|Cache-Control|If-(?:None-Match|Match|Modified-Since|Unmodified-Since)|User-Agent|Last-Modified|WWW-Authenticate|Proxy-Authenticate|Origin|Referer|ETag|Traceparent|Tracestate)|(?:content-(?:type|length|encoding|language|disposition|range)|accept(?:-(?:language|encoding|ranges))?|cache-control|if-(?:none-match|match|modified-since|unmodified-since)|user-agent|last-modified|www-authenticate|proxy-authenticate|origin|referer|etag))$/;

/**
 * Whether `value` is an HTTP header's name (`CREDENTIAL_HEADER`, `STANDARD_HEADER`): in a list of
 * header names (`{"allowedHeaders":["Authorization","Content-Type"]}`) an item, not a value.
 */
export function isHeaderName(value: string): boolean {
  return CREDENTIAL_HEADER.test(value) || STANDARD_HEADER.test(value);
}

/**
 * Whether `value` only stands for a secret (see `STANDS_FOR_SECRET`): nothing to hide. A value
 * that already is a redaction placeholder (pino's `[Redacted]`, Rails' `[FILTERED]`, GitHub's
 * `sha256=[filtered]`) stays as the sender wrote it, and so does the name of an algorithm or of a
 * credential's header (`NAMES_ALGORITHM`, `CREDENTIAL_HEADER`), and a format's or a query's
 * placeholder or a template expression (`isPlaceholder`: `%s`, `%(secret)s`, `?`, `:password`,
 * `$1`, `{{ .Token }}`).
 */
export function standsForSecret(value: string): boolean {
  return isMaskOrPlaceholder(value) || NAMES_ALGORITHM.test(value) || CREDENTIAL_HEADER.test(value);
}

/**
 * Whether `value` is a placeholder, a mask or no value (`standsForSecret` without the names of
 * algorithms and headers, which only a setting's value holds): what a cookie's value can stand
 * for a secret with (`…`, `[REDACTED]`, `<redacted>`, `***`, `{{ .Token }}`). A cookie names no
 * setting, so a header-name-shaped value there (`auth=X-Abc-Def`) is a value like any other.
 */
export function isMaskOrPlaceholder(value: string): boolean {
  return STANDS_FOR_SECRET.test(value) || isSenderMask(value) || isTemplateHole(value) || isPlaceholder(value);
}

/**
 * Whether `value` is a message template's hole for a secret (messagetemplates.org, Serilog's
 * `@mt`, .NET's `ILogger` and `string.Format`): one property token naming a secret
 * (`{Password}`, `{ApiToken}`, `{pass}`), one a hint, an alignment or a format marks as a
 * template's (`{@Credentials}`, `{Key:l}`, `{Secret,-10}`), or a position (`{0}`, `{12}`). The
 * value is filled in elsewhere; the template holds none. A value someone wrapped in braces
 * (`{s3cr3t}`, `{1234}`) is none of these.
 */
function isTemplateHole(value: string): boolean {
  const token = value.charCodeAt(0) === 123 /* { */ ? propertyTokenOf(value) : undefined;
  return token !== undefined && (token.marked || POSITION.test(token.name) || isSecretName(token.name) || isShortPasswordName(token.name));
}
/** A format string's argument position (`{0}`). */
const POSITION = /^\d{1,2}$/;

/**
 * Whether a message template's hole (`isTemplateHole`) starts at `at` in `text`, read to its `}`
 * whatever else a reader's value ends at: an alignment's comma (`secret={Secret,-10}`), a
 * format's colon or blank (`{Password,-10:X}`, `{When:yyyy-MM-dd HH:mm}`). A replacement
 * starting there would take the placeholder, or half of it, for a secret.
 */
export function isTemplateHoleAt(text: string, at: number): boolean {
  if (text.charCodeAt(at) !== 123 /* { */) return false;
  const close = text.indexOf("}", at + 1);
  return close > 0 && close - at <= MAX_TEMPLATE_HOLE && isTemplateHole(text.slice(at, close + 1));
}
/** The longest hole `isTemplateHoleAt` reads: a name, an alignment and a format, as templates write them. */
const MAX_TEMPLATE_HOLE = 128;
