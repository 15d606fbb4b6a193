import { SECRET_KEY_KIND, defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { standsForSecret } from "../../workers/ingest/core/redact/secret-names";
import { PEM_PRIVATE_KEY_ARMOR, findKnownToken } from "../../workers/ingest/core/redact/token-formats";
import { type VarName, readVarName } from "./var-names";
import { isHostUrl, readUrl } from "./ingest-url";

/**
 * Whether a var looks like a credential. Vars are plain text in the wrangler file, the
 * repository and the dashboard; anything that authenticates must be a secret
 * (`wrangler secret put`). Judged by the value and by the name (`readVarName`), so a token under
 * an innocent name is caught too:
 *
 * - by the value, under any name: a PEM private key, a URL with a password, a secret
 *   parameter or a credential in its path, query or fragment (`urlSecretReason`), an
 *   Authorization header, a JWT, a known token format (the ingest Worker's
 *   `known_token` list), a header list setting a credential, 32+ random-looking characters, or
 *   a credential the ingest Worker's redaction would hide anywhere in it;
 * - by the name: a name that holds a credential (`DB_PASSWORD`, `ADMIN_PASS`, `HMAC_KEY`,
 *   `clientSecret`) with any value but one that stands for a credential without being one: a
 *   blank, a template or placeholder (`${DB_PASSWORD}`, `${{ secrets.DB_PASSWORD }}`,
 *   `<your-key>`, `********`), a boolean switch (`true`, `off`, `1`), a duration (`15m`,
 *   `PT1H`) or a count (`PASSWORD_HASH_ROUNDS = "10"`). A literal such as `changeme` is what
 *   the Worker gets deployed with, so it is flagged like any other value.
 *
 * A value that only says where a credential is kept (`SECRET_REFERENCE`: an AWS ARN, a Vault
 * path, a credential file's path such as `GOOGLE_APPLICATION_CREDENTIALS = "/etc/gcp/sa.json"`)
 * passes under any name, unless it holds a known token.
 *
 * A name that marks its value public (`NEXT_PUBLIC_API_KEY`, `STRIPE_PUBLISHABLE_KEY`,
 * `RECAPTCHA_SITE_KEY`, `PUBLIC_KEY`) is not judged as a key by its name or by randomness (public
 * keys look random); a value in a secret format is still a credential there, and a name that
 * says secret (`NEXT_PUBLIC_JWT_SECRET`) still says so.
 *
 * @returns why it looks like one, or `undefined`.
 */
export function secretReason(name: string, value: string): string | undefined {
  return judged(name, value, true);
}

/**
 * `secretReason`, reading `value` as a header list only when `headerLists` is set: a header's
 * value is judged once, as a var's value but not as a list again (`credentialHeader`), so a
 * value such as `a=a=a=…` is read in one pass, not one nested list per `=` (which recursed once
 * per `=`, quadratic and out of stack at 10 KB). A header value holding `password=…` is still
 * caught, by the redaction's reading (`credentialsIn`).
 */
function judged(name: string, value: string, headerLists: boolean): string | undefined {
  if (value.trim() === "") return undefined;
  if (PEM_PRIVATE_KEY.test(value)) return "its value is a PEM private key";
  const varName = readVarName(name);
  if (varName.public) return publicVarReason(varName, value);
  // Every spelling the URL parser reads a host from (`https:/a:pw@host`, `//a:pw@host`), as `quotedUrl` masks them.
  if (isHostUrl(value)) return urlSecretReason(readUrl(value)!, value);
  const header = headerLists ? credentialHeader(value) : undefined;
  if (header !== undefined) return `its header list sets "${header.name}", where ${header.reason}`;
  if (AUTHORIZATION_HEADER.test(value)) return "its value is an Authorization header";
  if (JWT.test(value)) return "its value is a JWT";
  if (findKnownToken(value) !== undefined) return "its value has a known token prefix";
  if (namesWhereKept(value)) return undefined;
  if (varName.credential !== undefined && !varName.describes && !standsForCredential(value, varName)) {
    return BOOLEAN.test(value.trim())
      ? `its name says it is a credential, and "${value.trim()}" is its value, not a switch (a switch's name says so: *_ENABLED, USE_*, REQUIRE_*)`
      : "its name says it is a credential";
  }
  if (looksRandom(value) && !isPublicHash(value.trim())) return "its value looks like a random key";
  const held = credentialsIn(value, CREDENTIAL_KINDS);
  if (held.length > 0) return `its value holds ${held.join(", ")} (as the ingest Worker's redaction reads it)`;
  return undefined;
}

/**
 * A URL value: its password and its query parameters' names, then what its parts hold, as any
 * value is judged: a known token anywhere in it (a Slack, Discord or Teams webhook's path, a
 * Telegram bot's `bot<token>`, `/ghp_…`), a webhook whose secret part is too short to look
 * random (`CREDENTIAL_WEBHOOKS`: Zapier's catch hooks), a JWT or 32+ random-looking characters
 * as a path segment, a query value or a fragment value (`?t=eyJ…`, `#access_token=…`), or a
 * credential the ingest Worker's redaction would hide in it. Ordinary URLs pass: words,
 * numeric ids, UUIDs and hex hashes in paths are not random-looking (`looksRandom`), and
 * public parts are not judged as keys: digests named by their algorithm, file names (content
 * hashes name built assets and fonts: `_app-a1B2….js`, `fonts.gstatic.com/s/inter/v13/UcCO….woff2`),
 * the values of parameters that are public by their protocol (`PUBLIC_PARAMETERS`: an OAuth
 * `client_id`, a CAPTCHA's `render` site key) and publishable keys (`PUBLISHABLE_KEY`) under
 * any parameter (`widget.js?key=pk_live_…`).
 */
function urlSecretReason(url: URL, value: string): string | undefined {
  if (url.password !== "") return "its value is a URL with a password";
  const query = withoutPublicValues(url.searchParams);
  const fragment = withoutPublicValues(new URLSearchParams(url.hash.slice(1)));
  const param = [...query.keys(), ...fragment.keys()].find((key) => SECRET_PARAM.test(key));
  if (param !== undefined) return `its value is a URL carrying "${param}"`;
  const token = findKnownToken(value);
  if (token !== undefined) return `its value is a URL holding a ${token.issuer}`;
  const webhook = CREDENTIAL_WEBHOOKS.find((hook) => url.hostname === hook.host && hook.path.test(url.pathname));
  if (webhook !== undefined) return `its value is a URL holding a ${webhook.issuer}`;
  const segments = url.pathname.split("/").map(percentDecoded);
  // A fragment of parameters is judged by its values; a bare fragment (`#<token>`) whole.
  const bareFragment = url.hash.includes("=") ? [] : [percentDecoded(url.hash.slice(1))];
  const values = [...query.values(), ...fragment.values(), ...bareFragment];
  if ([...segments, ...values].some((part) => JWT.test(part))) return "its value is a URL holding a JWT";
  const keyLike = [...segments.filter((segment) => !FILE_NAME.test(segment)), ...values];
  if (keyLike.some((part) => !NAMED_DIGEST.test(part) && looksRandom(part))) return "its value is a URL holding a random-looking key";
  const judged = new URL(url);
  judged.search = query.toString();
  judged.hash = url.hash.includes("=") ? fragment.toString() : url.hash;
  const held = credentialsIn(judged.href, CREDENTIAL_KINDS);
  if (held.length > 0) return `its value is a URL holding ${held.join(", ")} (as the ingest Worker's redaction reads it)`;
  return undefined;
}

/** `params` without the parameters whose values are public (`PUBLIC_PARAMETERS`, `PUBLISHABLE_KEY`). */
function withoutPublicValues(params: URLSearchParams): URLSearchParams {
  return new URLSearchParams([...params].filter(([key, value]) => !PUBLIC_PARAMETERS.has(key.toLowerCase()) && !PUBLISHABLE_KEY.test(value)));
}

/**
 * Query parameters whose values are public by their protocol, lower case: OAuth 2.0's
 * authorization request (RFC 6749 §2.2, a client identifier "is not a secret"; §4.1.1
 * `redirect_uri`, `state`; OpenID Connect's `nonce`; PKCE's `code_challenge`, a hash of the
 * secret verifier, RFC 7636 §4.2) and the site keys CAPTCHA scripts load with, which every page
 * using them shows (reCAPTCHA's `api.js?render=`, hCaptcha's and Turnstile's `sitekey`).
 */
const PUBLIC_PARAMETERS: ReadonlySet<string> = new Set(["client_id", "clientid", "redirect_uri", "state", "nonce", "code_challenge", "render", "sitekey"]);

/**
 * A publishable key: Stripe's (`pk_live_…`, `pk_test_…`, "API keys": publishable keys identify
 * an account in client-side code) and Clerk's, which uses the same prefixes. Public under any
 * name or parameter.
 */
const PUBLISHABLE_KEY = /^pk_(?:live|test)_[A-Za-z0-9$=+/]+$/;

/**
 * Whether a random-looking value, as a whole, is a hash that is public: a digest named by its
 * algorithm and exactly that digest's length (`EXACT_DIGEST`: Subresource Integrity's
 * `sha256-<44 base64>`, `sha256:<64 hex>`) or a file's name or path with a known extension
 * (`BUILT_FILE`: a build's hashed entry point, `dist/_worker-a1B2….js`). Any other ending
 * (`k9Xq….v2`, `….prod`, `….key`) or prefix (`sha256-<a key's length>`) is judged as a key.
 */
function isPublicHash(value: string): boolean {
  const digest = EXACT_DIGEST.exec(value);
  if (digest !== null) {
    const [hex, ...base64] = DIGEST_LENGTHS[digest[1]!.toLowerCase()]!;
    const written = digest[2]!;
    return /^[0-9a-f]+$/i.test(written) ? written.length === hex : base64.includes(written.length);
  }
  return BUILT_FILE.test(value);
}

/** An algorithm's name, a separator, and its digest in hex or base64 (padded or not, URL-safe too). */
const EXACT_DIGEST = /^(sha1|sha224|sha256|sha384|sha512|md5)[-:=]([A-Za-z0-9+/_-]+={0,2})$/i;

/** Each digest's length in hex (a value of hex digits only is read as hex), in padded base64 and in unpadded base64 (FIPS 180-4's and RFC 1321's sizes). */
const DIGEST_LENGTHS: Readonly<Record<string, readonly number[]>> = {
  md5: [32, 24, 22],
  sha1: [40, 28, 27],
  sha224: [56, 40, 38],
  sha256: [64, 44, 43],
  sha384: [96, 64],
  sha512: [128, 88, 86],
};

/** A file's name or path whose extension a build or a site serves (scripts, modules, maps, styles, pages, data, fonts, images). */
const BUILT_FILE = /^[\w.@+~/-]*\.(?:m?js|cjs|jsx|m?ts|cts|tsx|wasm|json|map|txt|html?|css|xml|svg|png|jpe?g|gif|webp|avif|ico|woff2?|ttf|otf|eot)$/i;

/** A path segment naming a file: a dot and an extension of 1 to 5 letters and digits (`.js`, `.woff2`, `.json`). */
const FILE_NAME = /\.[a-z][a-z0-9]{0,4}$/i;

/**
 * Webhook URLs that are credentials, whoever posts to them, but whose secret part is too short
 * for a known token's generated-looking test: a Zapier "Catch Hook"
 * (`https://hooks.zapier.com/hooks/catch/<account id>/<hook id>/`, Zapier "Webhooks by Zapier":
 * any request to it starts the Zap).
 */
const CREDENTIAL_WEBHOOKS: readonly { issuer: string; host: string; path: RegExp }[] = [
  { issuer: "Zapier catch hook", host: "hooks.zapier.com", path: /^\/hooks\/catch\/\d+\/[A-Za-z0-9]+/ },
];

/**
 * A var whose name marks it public: only a name that says secret, or a value in a format that is
 * secret whoever holds it, makes it a credential (see `secretReason`).
 */
function publicVarReason(varName: VarName, value: string): string | undefined {
  if (varName.credential === "secret" && !varName.describes && !standsForCredential(value, varName)) {
    return "its name says it is a secret, which no public var may hold";
  }
  const token = findKnownToken(value);
  if (token !== undefined && !PUBLIC_KEY_ISSUERS.has(token.issuer)) {
    return `its name marks it public, but its value is a ${token.issuer}, which is never public`;
  }
  const held = credentialsIn(value, PUBLIC_VAR_CREDENTIAL_KINDS);
  if (held.length > 0) return `its name marks it public, but its value holds ${held.join(", ")} (as the ingest Worker's redaction reads it)`;
  return undefined;
}

/** The armor line of a PEM private key (RFC 7468; OpenSSH and PGP write theirs the same way): a secret under any name. */
const PEM_PRIVATE_KEY = new RegExp(PEM_PRIVATE_KEY_ARMOR);

const AUTHORIZATION_HEADER = /^(bearer|basic)\s+\S{8,}$/i;
const JWT = /^eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]*$/;
/** A digest named by its algorithm (Subresource Integrity's `sha384-…`, an OCI digest's `sha256:…`): random-looking, public. */
const NAMED_DIGEST = /^(?:sha(?:1|224|256|384|512)|md5)[-:=]/i;

/**
 * Known token formats whose issuer also makes keys to be published: Google's browser API keys
 * (Maps JavaScript, a Firebase web app's config) are restricted by referrer and sit in every
 * page that uses them. In a var named public they are what the name says.
 */
const PUBLIC_KEY_ISSUERS: ReadonlySet<string> = new Set(["Google API key"]);

/**
 * A value that stands for a credential without being one: a blank, what the ingest Worker's
 * redaction takes for a template, placeholder or mask (`standsForSecret`: `${DB_PASSWORD}`,
 * `<your-key>`, `********`), a GitHub Actions expression (`${{ secrets.DB_PASSWORD }}`), a
 * duration, a number under a name that counts or bounds
 * (`VarName.measures`: `PASSWORD_HASH_ROUNDS = "10"`), or a boolean switch in any case under a
 * name that may be a switch (`VarName.switch`: `USE_TOKEN = "1"`, not `ADMIN_PASSWORD = "1"`,
 * whose `1` is the password).
 */
function standsForCredential(value: string, name: VarName): boolean {
  const trimmed = value.trim();
  if (name.measures && /^\d+$/.test(trimmed)) return true;
  // Before standsForSecret, which takes `true` and `off` for switches whatever the name.
  if (BOOLEAN.test(trimmed)) return name.switch;
  return trimmed === "" || standsForSecret(trimmed) || ACTIONS_EXPRESSION.test(trimmed) || DURATION.test(trimmed) || ISO_DURATION.test(trimmed);
}

/** A GitHub Actions expression (`${{ secrets.DB_PASSWORD }}`, `${{ vars.X }}`): the workflow substitutes it at deploy time. */
const ACTIONS_EXPRESSION = /^\$\{\{[^{}]*\}\}$/;

/** Whether `value` is only where a credential is kept (`SECRET_REFERENCE`), under any name. */
function namesWhereKept(value: string): boolean {
  const trimmed = value.trim();
  return SECRET_REFERENCE.some((reference) => reference.test(trimmed));
}

/**
 * Where a credential is kept, which is not the credential: whoever reads it still needs access
 * to the store or the file. Judged before the name and the value's randomness
 * (`…:secret:db-AbCdEf` is an ARN's resource, not a `secret:` assignment).
 * - an Amazon Resource Name (`arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf`,
 *   `arn:aws:ssm:…:parameter/…`; AWS "Identify AWS resources with ARNs"), in any partition;
 * - a HashiCorp Vault KV path: a version 2 engine's, whose mount is followed by `data/`
 *   (`secret/data/app`), or any path as a `vault:` reference (`vault:secret/data/db#password`,
 *   `vault:kv/smtp`), with an optional `#field` (a bare `secret/hunter2` may be a password);
 * - a Google Secret Manager version (`projects/p/secrets/db/versions/latest`);
 * - an Azure App Service Key Vault reference (`@Microsoft.KeyVault(SecretUri=…)`);
 * - a file's path, absolute, home-relative or relative (`/etc/gcp/sa.json` under
 *   `GOOGLE_APPLICATION_CREDENTIALS`, `./certs/key.pem`, `C:\keys\sa.json`): two or more
 *   segments of file-name characters, or one with an extension.
 */
const SECRET_REFERENCE: readonly RegExp[] = [
  /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:\d{12}:\S+$/,
  /^(?:vault:[\w-]+|[\w-]+\/data)\/[\w.\/-]+(?:#[\w.-]+)?$/,
  /^projects\/[\w-]+\/secrets\/[\w-]+(?:\/versions\/\w+)?$/,
  /^@Microsoft\.KeyVault\((?:SecretUri|VaultName)=[^)]+\)$/,
  /^(?:\/|~\/|\.{1,2}\/|[A-Za-z]:\\)(?:[\w.@+-]+[\/\\])+[\w.@+-]+$|^(?:\/|~\/|\.{1,2}\/|[A-Za-z]:\\)[\w@+-]+\.[A-Za-z]\w{0,4}$/,
];

const BOOLEAN = /^(?:true|false|yes|no|on|off|enabled?|disabled?|[01])$/i;
/** `15m`, `1h30m`, `2 days`, `500ms`: Go's and the `ms` package's duration forms. */
const DURATION = /^(?:\d+(?:\.\d+)?\s*(?:ns|us|µs|ms|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|y|years?)\s*)+$/i;
/** ISO 8601 durations: `PT1H`, `P30D`. */
const ISO_DURATION = /^P(?=\d|T\d)(?:\d+[YMWD])*(?:T(?:\d+(?:\.\d+)?[HMS])+)?$/;

/**
 * Kinds of the ingest Worker's redaction that are credentials: what it would hide in this
 * value anywhere in it (`Authorization: Bearer …`, `-Dapp.password=…`, `Server=…;Password=…`),
 * where the checks above read the value as a whole; a stored password hash (`password_hash`),
 * which a var exposes to offline cracking; a member under a credential's name in JSON or a
 * printed structure (`{"db":{"password":…}}`, an EDN map's `:password`), which the key rules
 * hide as `secret` (`SECRET_KEY_KIND`).
 */
const CREDENTIAL_KINDS: ReadonlySet<string> = new Set([
  "bearer", "basic", "jwt", "url_credentials", "secret_param", "known_token", "private_key", "password_hash", SECRET_KEY_KIND,
]);
/**
 * The kinds that are credentials in a public var too: a public client key may be a JWT
 * (Supabase's anon key), sit in a URL's `key=` parameter, or be a Google API key (`known_token`,
 * judged issuer by issuer above).
 */
const PUBLIC_VAR_CREDENTIAL_KINDS: ReadonlySet<string> = new Set(["bearer", "basic", "url_credentials", "password_hash"]);

function credentialsIn(value: string, kinds: ReadonlySet<string>): string[] {
  return Object.keys(redactString(value, defaultRedactionPolicy()).counts).filter((kind) => kinds.has(kind));
}

const SECRET_PARAM = /^(token|access_token|api_?key|key|secret|password|sig|signature|auth)$/i;

/**
 * `name=value,name=value`: the header lists of `OTEL_EXPORTER_OTLP_HEADERS` and its per-signal
 * variants (OpenTelemetry SDK environment variables: W3C Baggage's format, values
 * percent-encoded), and of any var written the same way. Names are HTTP tokens (RFC 9110 §5.6.2);
 * values hold no `;`, so a connection string (`Server=…;Password=…`) is not read as one.
 */
const HEADER_LIST = /^[\t ]*[!#$%&'*+.^_`|~0-9A-Za-z-]+[\t ]*=[^,;]*(?:,[\t ]*[!#$%&'*+.^_`|~0-9A-Za-z-]+[\t ]*=[^,;]*)*$/;

/**
 * The first header of a header-list value whose name and value, judged as a var of their
 * own, look like a credential (`Authorization=Bearer …`, `x-honeycomb-team=hcaik_…`,
 * `api-key=…`); undefined when the value is no header list or none does.
 */
function credentialHeader(value: string): { name: string; reason: string } | undefined {
  if (!HEADER_LIST.test(value)) return undefined;
  for (const member of value.split(",")) {
    const equals = member.indexOf("=");
    const name = member.slice(0, equals).trim();
    const headerValue = percentDecoded(member.slice(equals + 1).trim());
    // A lone base64 value's padding (`…==`) also reads as a list of one: its name is the whole value.
    if (headerValue === "" || headerValue === "=") continue;
    const reason = judged(name, headerValue, false);
    if (reason !== undefined) return { name, reason };
  }
  return undefined;
}

function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * 32+ characters of a token alphabet mixing upper case, lower case and digits with high
 * Shannon entropy: how generated keys look. Hex-only ids (account ids, hashes) and UUIDs fail
 * the mixed-case test.
 */
function looksRandom(value: string): boolean {
  if (value.length < 32 || !/^[A-Za-z0-9+/=_.-]+$/.test(value)) return false;
  if (!/[a-z]/.test(value) || !/[A-Z]/.test(value) || !/[0-9]/.test(value)) return false;
  const counts = new Map<string, number>();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  let entropy = 0;
  for (const n of counts.values()) entropy -= (n / value.length) * Math.log2(n / value.length);
  return entropy >= 4.2;
}
