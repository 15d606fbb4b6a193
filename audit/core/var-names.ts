import {
  KEY_QUALIFIERS as REDACTION_KEY_QUALIFIERS,
  NON_PASSWORD_PASS_WORDS,
  ROMANCE_KEY_QUALIFIERS,
  ROMANCE_KEY_WORDS,
  ROMANCE_PASSWORD_WORDS,
  COUNTING_WORDS,
  describesSecretSetting,
} from "../../workers/ingest/core/redact/secret-names";

/**
 * What a wrangler var's name says about its value, as producers name vars (environment-variable
 * style `DB_PASSWORD`, camelCase `clientSecret` inside a JSON var):
 *
 * - `credential`: `"secret"` when the name says it holds something that is secret by definition
 *   (a password, a secret, a private key, credentials); `"key"` when it names a key or token,
 *   which some issuers make public on purpose (a browser API key, a publishable key, a map
 *   token); undefined when it names neither.
 * - `public`: the name says the value is public: a `PUBLIC` word (`PUBLIC_KEY`,
 *   `VAPID_PUBLIC_KEY`, and the prefixes frameworks publish to browsers by convention:
 *   `NEXT_PUBLIC_`, `NUXT_PUBLIC_`, `EXPO_PUBLIC_`, SvelteKit's and Astro's `PUBLIC_`),
 *   `PUBLISHABLE` (Stripe's, Clerk's publishable keys), a CAPTCHA site key
 *   (`RECAPTCHA_SITE_KEY`, `TURNSTILE_SITE_KEY`, `HCAPTCHA_SITEKEY`), or an OAuth client id
 *   (`AUTH0_CLIENT_ID`, `googleClientId`: "not a secret", RFC 6749 §2.2; the client's secret
 *   is `*_CLIENT_SECRET`).
 * - `describes`: the name is about a credential rather than holding one, read with the ingest
 *   Worker's redaction's words (`describesSecretSetting`: `TOKEN_URL`, `PASSWORD_MIN_LENGTH`,
 *   `API_KEY_ID`, `SKIP_TOKEN`), also when more words follow the describing one
 *   (`ACCESS_TOKEN_EXPIRES_IN`, `API_KEY_ROTATION_DAYS`); a credential word after them starts
 *   over (`SECRET_STORE_TOKEN` holds a token).
 * - `switch`: the name may be an on/off setting about a credential rather than the credential,
 *   so a switch value (`true`, `1`) under it is one: its first word turns something on or off
 *   (`USE_TOKEN`, `ENABLE_PASSWORD`, `REQUIRE_API_KEY`, `HAS_TOKEN`, Portuguese and Spanish
 *   `HABILITAR_SENHA`, `USAR_CLAVE_API`), or its credential word is not its head, so it names
 *   something else (`PASSWORD_LOGIN`, `TOKEN_AUTH`). English names put the head last, after
 *   which only words saying which copy of it may follow (an environment, a generation, a slot:
 *   `DB_PASSWORD_PROD`, `API_KEY_2`, `SECRET_OLD`, `TOKEN_VALUE` hold the credential);
 *   Portuguese and Spanish put it first (`SENHA_BANCO`, `CLAVE_SECRETA_DB` are passwords). A
 *   name whose head is a password, secret, key or token (`ADMIN_PASSWORD`, `JWT_SECRET`,
 *   `GITHUB_TOKEN`) holds one, and `1` there is the password.
 * - `measures`: a word after its credential word counts or bounds something about the credential
 *   (`MEASURE_WORDS`: `PASSWORD_HASH_ROUNDS`, `BCRYPT_PASSWORD_COST`, `PASSWORD_LENGTH`,
 *   `TOKEN_MAX`), so a number under it is that count, not the credential.
 */
export interface VarName {
  credential: "secret" | "key" | undefined;
  public: boolean;
  describes: boolean;
  switch: boolean;
  measures: boolean;
}

/**
 * Words that name a secret by definition, in English and, as the ingest Worker's redaction
 * reads them, Portuguese and Spanish (`SENHA_BANCO`, `CONTRASENA_DB`; names are read without
 * accents, so `CONTRASEÑA` is one word).
 */
const SECRET_WORDS = new Set([
  "SECRET", "SECRETS", "PASSWORD", "PASSWD", "PASSPHRASE", "CREDENTIAL", "CREDENTIALS", "PRIVATEKEY",
  ...ROMANCE_PASSWORD_WORDS.map(unaccentedUpperCase),
]);
/**
 * Short forms that name a password only as a name's last word (`ADMIN_PASS`, `DB_PWD`), not
 * `PASS_RATE` or the shell's `PWD`; `PASS` not after a word naming another pass
 * (`BOARDING_PASS`, `LOW_PASS`: the redaction's `NON_PASSWORD_PASS_WORDS`).
 */
const LAST_SECRET_WORDS = new Set(["PASS", "PWD"]);
/** Words that name a key or token. */
const KEY_WORDS = new Set(["TOKEN", "APIKEY", "AUTHTOKEN", "ACCESSTOKEN"]);
/**
 * A secret word glued to what it protects, as environment variables write them (`PGPASSWORD`,
 * `NGROK_AUTHTOKEN`, `CLIENTSECRET`).
 */
const GLUED_SECRET = /^[A-Z0-9]+(?:PASSWORD|PASSWD|SECRET)$/;
const GLUED_KEY = /^[A-Z0-9]+TOKEN$/;
/**
 * `KEY` alone is too common (`CACHE_KEY`, `SORT_KEY`, `R2_OBJECT_KEY`): it names a credential
 * after these words. Beyond the redaction's qualifiers (API, access, private, secret, client,
 * auth, and the keys that sign or encrypt: signing, HMAC, encryption, master), more keys that
 * sign, encrypt or authenticate: `SESSION_KEY`, `COOKIE_KEY`, Laravel's `APP_KEY`, Azure's storage `ACCOUNT_KEY` and API
 * Management `SUBSCRIPTION_KEY`, Supabase's `SERVICE_KEY`, New Relic's `LICENSE_KEY`.
 */
const KEY_QUALIFIERS = new Set([
  ...[...REDACTION_KEY_QUALIFIERS].map((word) => word.toUpperCase()),
  "CRYPTO", "CIPHER", "AES", "SESSION", "COOKIE", "JWT", "ROOT",
  "ADMIN", "APP", "SERVICE", "ACCOUNT", "SUBSCRIPTION", "LICENSE", "WEBHOOK", "SHARED",
]);
/** `PRIVATE` + `KEY` is a secret by definition; other qualified keys may be public keys. */
const SECRET_KEY_QUALIFIERS = new Set(["PRIVATE", "SECRET", "ENCRYPTION", "ENCRYPT", "DECRYPTION", "HMAC", "MASTER", "SIGNING"]);

/** Reads a var's name (see `VarName`). */
export function readVarName(name: string): VarName {
  const words = unaccentedUpperCase(name.replace(/([a-z0-9])([A-Z])/g, "$1_$2")).split(/[^A-Z0-9]+/).filter(Boolean);
  let credential: VarName["credential"];
  let lastCredentialWord = -1;
  words.forEach((word, i) => {
    const kind = credentialKind(words, i);
    if (kind === undefined) return;
    if (credential !== "secret") credential = kind;
    lastCredentialWord = i;
  });
  const isPublic = words.some(
    (word, i) =>
      word === "PUBLIC" || word === "PUBLISHABLE" || word === "SITEKEY" || (word === "SITE" && words[i + 1] === "KEY") ||
      word === "CLIENTID" || (word === "CLIENT" && words[i + 1] === "ID"),
  );
  let describes = false;
  for (let end = Math.max(lastCredentialWord, 0); end < words.length && !describes; end++) {
    describes = describesSecretSetting(words.slice(0, end + 1).join("_"));
  }
  const measures = credential !== undefined && words.slice(lastCredentialWord + 1).some((word) => MEASURE_WORDS.has(word));
  return { credential, public: isPublic, describes, switch: readsAsSwitch(words, lastCredentialWord), measures };
}

/**
 * Words that count or bound (`VarName.measures`): hashing rounds and cost, a length, a minimum or
 * maximum, a limit, how many; the ingest Worker's redaction keeps a number under them (`COUNTING_WORDS`).
 */
const MEASURE_WORDS: ReadonlySet<string> = new Set([...COUNTING_WORDS].map((word) => word.toUpperCase()));

/** `VarName.switch` of a name's `words`, whose last credential word is at `lastCredentialWord`. */
function readsAsSwitch(words: readonly string[], lastCredentialWord: number): boolean {
  if (SWITCH_VERBS.has(words[0] ?? "")) return true;
  let head = words.length - 1;
  while (head > lastCredentialWord && WHICH_COPY.test(words[head]!)) head--;
  if (head === lastCredentialWord) return false;
  const first = words[0]?.toLowerCase() ?? "";
  const romanceHead = ROMANCE_PASSWORD_WORDS.map(unaccentedUpperCase).includes(words[0] ?? "") ||
    (ROMANCE_KEY_WORDS.has(first) && ROMANCE_KEY_QUALIFIERS.has(words[1]?.toLowerCase() ?? ""));
  return !romanceHead;
}

/**
 * First words of a switch: verbs that turn a feature on or off or demand it, in English,
 * Portuguese and Spanish (`NO_`, `SKIP_`, `WITHOUT_` already make a name describe one).
 */
const SWITCH_VERBS = new Set([
  "USE", "ENABLE", "ENABLED", "DISABLE", "DISABLED", "REQUIRE", "REQUIRED", "ALLOW", "FORCE", "ENFORCE", "HAS", "IS", "WITH", "TOGGLE",
  "USAR", "HABILITAR", "DESABILITAR", "DESHABILITAR", "ATIVAR", "DESATIVAR", "ACTIVAR", "DESACTIVAR", "EXIGIR", "REQUERIR", "PERMITIR",
]);

/**
 * Last words saying which copy of a credential a name holds, not what else it names: an
 * environment, a generation, a slot, a number, or its form.
 */
const WHICH_COPY =
  /^(?:PROD|PRODUCTION|PRD|DEV|DEVELOPMENT|STAGING|STAGE|STG|TEST|TESTING|QA|UAT|LOCAL|PREVIEW|SANDBOX|LIVE|PRIMARY|SECONDARY|OLD|NEW|PREV|PREVIOUS|NEXT|CURRENT|BACKUP|FALLBACK|VALUE|RAW|B64|BASE64|HEX|V?\d+)$/;

function credentialKind(words: readonly string[], i: number): VarName["credential"] {
  const word = words[i]!;
  if (SECRET_WORDS.has(word) || GLUED_SECRET.test(word)) return "secret";
  if (LAST_SECRET_WORDS.has(word) && i > 0 && i === words.length - 1 && !(word === "PASS" && NON_PASSWORD_PASS_WORDS.has(words[i - 1]!.toLowerCase()))) {
    return "secret";
  }
  if (KEY_WORDS.has(word) || GLUED_KEY.test(word)) return "key";
  // Portuguese `chave` and Spanish `clave` ("key") before `api` name a key, before `secreta`/`privada` a secret.
  if (ROMANCE_KEY_WORDS.has(word.toLowerCase()) && ROMANCE_KEY_QUALIFIERS.has(words[i + 1]?.toLowerCase() ?? "")) {
    return words[i + 1] === "API" ? "key" : "secret";
  }
  if (word === "KEY" && i > 0 && KEY_QUALIFIERS.has(words[i - 1]!)) return SECRET_KEY_QUALIFIERS.has(words[i - 1]!) ? "secret" : "key";
  return undefined;
}

/** Upper case without diacritics (`contraseña` → `CONTRASENA`), so that a name's words split at non-ASCII letters only. */
function unaccentedUpperCase(name: string): string {
  return name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toUpperCase();
}
