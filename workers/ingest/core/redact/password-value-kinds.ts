import { isStandardName } from "./standard-names";
import { WHOLE_UUID } from "./uuid";

/**
 * What a value standing where a password's would (`Passwort geändert auf …`, `mot de passe « … »`)
 * is when it is no password: a thing's id, or a UI's label. Each test names only shapes no
 * password takes in practice, since a value wrongly kept here leaks: one word of letters
 * (`Soleil`), a word and a number (`Winter-24`, `cafe2024`, `HUNTER_2`) are the commonest
 * passwords' shapes.
 */

/**
 * Whether `value` (a sentence's `.` after it set aside) names a thing by an id no password is
 * shaped as: a UUID (RFC 9562), a hex id of sixteen digits or more with a letter and a digit
 * (`9f86d081884c7d65`; eight hex characters are as often a word and digits, `cafe2024`), a
 * ticket's key, two to ten capitals, `-` and three digits or more that are no year (`JIRA-4711`;
 * `SOMMER-2024`, `SOMMER-12` are passwords' shapes), or an error's code after its `ERR_`, `E_` or
 * `ERROR_` prefix (`ERR_AUTH_401`; `HUNTER_2` has none). A `!` is no id's (`Geheim-1!`).
 */
export function namesThing(value: string): boolean {
  const word = value.replace(/\.$/, "");
  return WHOLE_UUID.test(word) || THING_ID.test(word);
}
const THING_ID = /^(?:(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{16,64}|(?=[0-9A-F]*[A-F])(?=[0-9A-F]*\d)[0-9A-F]{16,64}|[A-Z]{2,10}-(?!(?:19|20)\d\d$)\d{3,}|(?:ERR|E|ERROR)_[A-Z0-9]+(?:_[A-Z0-9]+)*)$/;

/**
 * Whether `value`, in typographic quotes right after a password's word (`mot de passe « Valider
 * »`, `hasło „Zapomniałem”`, `password “—”`), is a UI's label: a dash or dots standing for no
 * value, or one of the words a login form's buttons and links say (`UI_LABELS`, any case). Any
 * other word there is the password tried (`mot de passe « Soleil » refusé`, `password “Sunshine”`).
 */
export function isUiLabel(value: string): boolean {
  return NO_VALUE.test(value) || UI_LABELS.has(value.toLowerCase());
}
const NO_VALUE = /^[-‐–—―…]{1,3}$/;

/** A login form's buttons' and links' words, in the languages whose password's word the detector reads (English, French, German, Dutch, Spanish, Portuguese, Italian, Polish, Swedish). */
const UI_LABELS: ReadonlySet<string> = new Set([
  "ok", "show", "hide", "reveal", "forgot", "forgotten", "submit", "save", "cancel", "confirm", "continue", "next", "login", "change", "edit", "reset",
  "valider", "afficher", "masquer", "modifier", "changer", "réinitialiser", "oublié", "envoyer", "confirmer", "annuler", "enregistrer", "continuer", "suivant", "connexion",
  "anzeigen", "verbergen", "ausblenden", "einblenden", "ändern", "zurücksetzen", "vergessen", "speichern", "bestätigen", "abbrechen", "weiter", "absenden", "anmelden",
  "tonen", "wijzigen", "vergeten", "opslaan", "bevestigen", "annuleren", "volgende", "inloggen",
  "mostrar", "ocultar", "cambiar", "olvidé", "olvidada", "guardar", "confirmar", "cancelar", "restablecer", "enviar", "siguiente", "alterar", "esqueci", "esqueceu", "salvar", "redefinir", "entrar",
  "mostra", "nascondi", "modifica", "dimenticata", "salva", "conferma", "annulla", "avanti", "accedi",
  "zapomniałem", "zapomniałeś", "pokaż", "ukryj", "zmień", "zapisz", "potwierdź", "anuluj", "dalej", "resetuj", "zaloguj",
  "visa", "dölj", "ändra", "glömt", "spara", "bekräfta", "avbryt", "nästa", "återställ", "logga",
]);

/**
 * Whether `value`, quoted after a password's word and holding blanks (`password "…"`, `Passwort
 * „…“`), is prose and no passphrase: one of its words, in any case, is a UI's label
 * (`isUiLabel`: `"reset link"`, `« Mot de passe oublié »`), a word of prose (`PROSE_WORDS`:
 * `"must be changed"`, `"for user bob"`) or a password's own word, or it asks (`?`). A
 * passphrase's words are none of these (`"correct horse battery"`, `„Sommer 2024“`). One word is
 * judged as a word is (password-phrase.ts).
 */
export function isQuotedProse(value: string): boolean {
  const words = value.split(/[ \t]+/);
  return words.length > 1 && words.some((word) => {
    const bare = word.replace(/[.,;:!]+$/, "").toLowerCase();
    return word.endsWith("?") || PROSE_WORDS.has(bare) || isUiLabel(bare);
  });
}
/**
 * Words of prose, lower case, in the languages whose password's word the detector reads: articles,
 * pronouns, auxiliaries and modals, negations, conjunctions, prepositions, and the password's
 * own words; one letter alone is left out, as a passphrase holds it as often (`i`, `a`, `o`).
 */
const PROSE_WORDS: ReadonlySet<string> = new Set([
  "the", "an", "is", "are", "was", "were", "be", "been", "has", "have", "had", "must", "should", "can", "cannot", "could", "will", "would",
  "may", "not", "no", "to", "for", "of", "in", "on", "at", "by", "with", "from", "and", "or", "your", "you", "this", "that", "it", "its",
  "if", "here", "please", "enter", "does", "do", "did", "link", "button", "field", "page", "form", "policy",
  "der", "die", "das", "den", "dem", "ein", "eine", "ist", "sind", "war", "wurde", "nicht", "zu", "und", "oder", "für", "mit", "von",
  "bitte", "ihr", "ihre", "sie", "hier",
  "le", "la", "les", "un", "une", "des", "du", "de", "est", "sont", "pas", "ne", "et", "ou", "pour", "avec", "votre", "vous", "ici",
  "el", "los", "las", "es", "para", "con", "su", "aquí", "os", "as", "não", "com", "seu", "sua", "aqui",
  "het", "een", "niet", "en", "voor", "met", "uw", "il", "lo", "gli", "non", "per", "tuo", "qui",
  "nie", "jest", "lub", "dla", "är", "inte", "och", "eller", "för", "med", "ditt", "här",
  "password", "passwort", "kennwort", "wachtwoord", "mot", "passe", "senha", "contraseña", "contrasena", "hasło", "haslo", "lösenord", "losenord",
]);

/**
 * Whether `value`, quoted after a password's word and holding blanks, names a setting, a state or
 * a directory rather than giving a passphrase: one of `SETTING_NAMES` whole, in any case, its
 * blanks read as one (`password "Never Expires"`, `password "Active Directory" sync failed`,
 * Active Directory's flag `"User Must Change Password At Next Logon"`). Whole names, not their
 * words: a passphrase may be made of such words (`"Smart Card Store Hash"`, `"Cloud Domain"`),
 * and Title Case is no test either (`"Correct Horse Battery Staple"`).
 */
export function namesPasswordSetting(value: string): boolean {
  return SETTING_NAMES.has(value.trim().replace(/[ \t]+/g, " ").toLowerCase());
}
/**
 * Lower case: the names of a password's or an account's states and settings as directories and
 * their consoles print them (Windows' and Active Directory's account flags and password policies),
 * and of the directories and sign-in services a password is kept or synced in.
 */
const SETTING_NAMES: ReadonlySet<string> = new Set([
  // Account flags (userAccountControl) and states.
  "never expires", "password never expires", "not set", "must change", "must change password", "user must change password at next logon",
  "user cannot change password", "cannot change password", "password not required", "password expired", "account disabled",
  "account locked", "account locked out", "account expired", "smart card required", "smart card is required for interactive logon",
  "store password using reversible encryption", "use kerberos des encryption types for this account",
  // Password policies.
  "minimum password age", "maximum password age", "minimum password length", "enforce password history",
  "password must meet complexity requirements",
  // Directories and sign-in services.
  "active directory", "azure ad", "azure active directory", "entra id", "microsoft entra id", "google workspace", "local account",
  "domain account", "microsoft account", "windows hello",
]);

/**
 * Whether a change's old and new values (`password changed from SHA1 to SHA256`, `Passwort
 * geändert von prod-db-01 auf prod-db-02`) both name one kind of thing no password is: a hashing
 * algorithm (`HASH_ALGORITHM`: `MD5`, `SHA256`, `Argon2id`), or a host or region of three labels
 * or more (`prod-db-01`, `eu-west-1`; two, `hunter-2`, are a password's shape as often). What
 * changed is how or where the password is kept. Both must be: one alone says nothing of the other.
 */
export function namesChangedKind(old: string, next: string): boolean {
  const [a, b] = [old, next].map((value) => value.replace(/[.!,;:]+$/, ""));
  return (HASH_ALGORITHM.test(a!) && HASH_ALGORITHM.test(b!)) || (LABELLED_HOST.test(a!) && LABELLED_HOST.test(b!)) || (isStandardName(a!) && isStandardName(b!)) || areSeriesMembers(old, next);
}
/**
 * A series' member: a word naming a build, a stage or a version in the languages of the change's
 * sentences, perhaps `-`, `_` or `.`, and its number (`build42`, `stage-2`, `versie1`, `Stufe3`,
 * `v1.2`), or a year's quarter or half (`2024Q1`, `2024-H2`); the stem captured. A word and a
 * number are a password's commonest shape too (`hunter2`), so only these words make a series.
 */
const SERIES_MEMBER = /^((?:build|release|rel|version|ver|versie|stage|phase|step|round|level|tier|batch|sprint|iteration|cycle|wave|attempt|rev|revision|v|stufe|etappe|stap|fase|niveau|etape|étape|etap|steg)[-_.]?|\d{4}[-_]?[QH])\d{1,6}(?:\.\d{1,4}){0,3}$/i;
/**
 * Whether `a` and `b` are two members of one series (`SERIES_MEMBER`, the same stem: `build42` and
 * `build43`, `2024Q1` and `2024Q2`): a build's, stage's or version's change, no password's
 * (`hunter2` to `hunter3`, `Summer2023!` to `Summer2024!` go; so does a member with a symbol, `Stage1!`).
 */
function areSeriesMembers(old: string, next: string): boolean {
  // A sentence's punctuation after a value set aside, a password's `!` kept.
  const [a, b] = [old, next].map((value) => value.replace(/[.,;:]+$/, ""));
  const stem = SERIES_MEMBER.exec(a!)?.[1];
  return stem !== undefined && a !== b && SERIES_MEMBER.exec(b!)?.[1]?.toLowerCase() === stem.toLowerCase();
}

/** A duration (`30 days`, `90d`, `12 h`, `90-days`, German `90-Tage`), what a password's lifetime is set to, not the password. */
const DURATION = /^\d{1,5}(?:[ \t]?(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|months?|y|years?)|-(?:days?|weeks?|months?|hours?|minutes?|tage?n?|wochen?|monate?n?|stunden?|minuten?|jahre?n?))$/i;
/**
 * A reference to where a secret is kept, as a configuration names it instead of the value
 * (`env:DB_PASS`, `file:/run/secrets/db`, `vault:secret/db#password`, `op://vault/item/field`,
 * as OpenSSL's `env:`/`file:` and a template's `${DB_PASS}` say where the password is): a store's
 * scheme, `:` or `://` (`ref+vault://…` as vals writes it), and a name or path; or an AWS secret
 * store's ARN (`arn:aws:secretsmanager:…:secret:db-AbCdEf`).
 */
const SECRET_REFERENCE = /^(?:(?:env|file|fd|vault|op|ssm|secret|secrets|secretsmanager|keyvault|k8s|sops|ref|ref\+[a-z0-9]{1,16}):(?:\/\/)?[\w$./#:@{}-]{1,256}|arn:aws[\w-]{0,16}:(?:secretsmanager|ssm|kms):[\w-]{0,32}:\d{12}:[\w/:.+=@-]{1,256})$/i;
/**
 * A store's path (`secret/v1`, `kv/db`) or Terraform's reference to a variable or another
 * resource's attribute (`var.api_token`, `random_password.db.result`), which its plan shows for a
 * value to come: in lower case as they are written (`Secret/Hunter2` is none).
 */
const STORE_PATH_OR_REFERENCE = /^(?:(?:secret|secrets|kv)\/[\w./-]{1,256}|(?:var|local)\.\w{1,64}|(?:data\.|module\.)?[a-z][a-z0-9]{0,31}_[a-z0-9_]{1,64}\.[a-z0-9_-]{1,64}\.\w{1,64})$/;

/** Whether `value` is a reference to where a secret is kept (`SECRET_REFERENCE`, `STORE_PATH_OR_REFERENCE`: `env:DB_PASS`, an ARN, `secret/v1`, `var.api_token`), no secret itself. */
export function namesSecretReference(value: string): boolean {
  return SECRET_REFERENCE.test(value) || STORE_PATH_OR_REFERENCE.test(value);
}

/**
 * A placeholder for no value or a hidden one in brackets, parentheses or braces, in any case:
 * `(none)`, `{REDACTED}`, `<unset>`, `[empty]`; a closed list, since a word in brackets may be the
 * password (`{Hunter}`, `<Welcome>`).
 */
const STAND_IN = /^[([{<](?:none|unset|empty|null|nil|blank|redacted|hidden|masked|removed|default|not[ _-]set)[)\]}>]$/i;

/**
 * Whether `value`, what a password is set to (`set password to "…"`, `password for alice changed
 * to …`), names another thing than a password: a standard's or algorithm's name (`TLS1.2`,
 * `AES256`, `PBKDF2-SHA256`), a duration (`30 days`, `90-Tage`), a reference to where the secret is
 * kept (`env:DB_PASS`) or a placeholder (`STAND_IN`): a setting's value, or no secret itself.
 */
export function namesSettingValue(value: string): boolean {
  const word = value.replace(/[.,;:]$/, "");
  return isStandardName(word) || HASH_ALGORITHM.test(word) || DURATION.test(word) || SECRET_REFERENCE.test(word) || STAND_IN.test(word);
}
/** A hashing algorithm's name, any case, `-` optional (`SHA-256`, `sha3-512`, `PBKDF2-SHA256`, `Argon2id`). */
const HASH_ALGORITHM = /^(?:md[45]|sha-?(?:1|2|224|256|384|512)|sha3-?(?:224|256|384|512)|bcrypt|scrypt|yescrypt|argon2(?:id|i|d)?|pbkdf2(?:-?sha-?(?:1|256|512))?|ntlm|crypt)$/i;
/** A host's or region's name of three labels or more, lower case (`prod-db-01`, `us-east-1`, `db.prod.internal`). */
const LABELLED_HOST = /^[a-z][a-z0-9]*(?:[-.][a-z0-9]+){2,}$/;
