/**
 * Credentials whose issuers give them a fixed prefix, so that they can be recognised wherever
 * they are written: in a log line, a command line, a config var. One list serves the ingest
 * Worker's `known_token`, `private_key` and `password_hash` detectors and the wiring audit's
 * check of `vars`.
 *
 * Prefixes and body shapes as the issuers document them (2026): GitHub "About authentication
 * to GitHub" (token formats), GitLab "Token overview" (prefixes), Slack "Token types", Stripe
 * "API keys", AWS IAM "Unique identifiers" (access key ids), Google Cloud "API keys", OpenAI
 * and Anthropic API keys, Honeycomb API keys, npm access tokens, Hugging Face user access
 * tokens, Grafana Cloud access policy and service account tokens, PyPI API tokens, Docker Hub
 * personal and organization access tokens, DigitalOcean, Sentry, Shopify, New Relic user keys,
 * Linear and Postman API keys, Pagar.me "Autenticação" (v5 and v4 keys), Asaas "Autenticação"
 * (key prefixes), Mercado Pago "Credenciais" (access tokens), and the provider keys of
 * `PROVIDER_SECRET_FORMATS`.
 */
import { lazy } from "../../../shared/lazy";

export interface KnownTokenFormat {
  /** Who issues it, for docs and audit messages. */
  readonly issuer: string;
  /** The literal prefix, case-sensitive. */
  readonly prefix: string;
  /** Regex source of what follows the prefix (no flags, no captures). */
  readonly body: string;
  /**
   * A literal every match holds, looked for before the regex runs; the prefix when absent. For
   * a prefix that is also a common word's start (Telegram's `bot`), a rarer part of the body.
   */
  readonly evidence?: string;
  /**
   * Regex source of the body as its issuer issues it, where `body` also takes lengthened, older
   * or shorter tokens: a match that starts with the prefix and this shape is a token by its
   * format alone (`isTokenMatch`). By default `body` itself when its length is bounded.
   */
  readonly issued?: string;
}

/**
 * An AWS secret access key (40 characters of base64) after its access key id and a blank or a
 * separator (`AKIA… / wJalr…`, `AKIA…:wJalr…`, `AKIA…,wJalr…` as CSV credential files have it):
 * the secret has no prefix of its own, but next to its id it is known.
 */
const AWS_SECRET_AFTER_ID = "(?:(?:[ \\t]*[,:;/|=][ \\t]*|[ \\t]+)[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=]))?";

/** One issuer's several prefixes with one body shape (and one issued shape, `KnownTokenFormat.issued`). */
function family(issuer: string, prefixes: readonly string[], body: string, issued?: string): KnownTokenFormat[] {
  return prefixes.map((prefix) => (issued === undefined ? { issuer, prefix, body } : { issuer, prefix, body, issued }));
}

/** A GitLab token's body as GitLab issues it (`glpat-`, `gldt-`, `glrt-`). */
const GITLAB_TOKEN = "[A-Za-z0-9_-]{20}";

/**
 * Credentials that outbound-fetch spans (`url.full` of a Client span) and "fetch failed" lines
 * carry in a URL: a Discord webhook's URL is its credential like a Slack one's (Discord
 * "Webhook Resource": `/api/webhooks/{webhook.id}/{webhook.token}`, also under a versioned
 * API path, `/api/v10/webhooks/…`; the id a snowflake, the token 68 characters); a Telegram bot token is its API path's `bot<token>` (Telegram Bot API
 * "Authorizing your bot": `123456:ABC-DEF…`, the secret part 35 characters starting with `A` as
 * issued, fewer accepted as examples write them); a Google OAuth 2.0 access token starts
 * `ya29.` (Google Identity "OAuth 2.0 token types"), in `Authorization` headers and in
 * implicit-flow redirects' fragments; a Microsoft Teams incoming webhook's URL (Microsoft 365
 * connectors: `https://<tenant>.webhook.office.com/webhookb2/<group id>@<tenant id>/IncomingWebhook/<32 hex>/<owner id>`,
 * newer ones followed by `/V2<signature>`) lets whoever has it post to the channel.
 */
const CHAT_AND_OAUTH_TOKEN_FORMATS: readonly KnownTokenFormat[] = [
  // Each host is its own evidence: a shared `.com/api/` would send every `*.com/api/` URL (most
  // API calls a Worker logs) through the token regex for nothing.
  ...family("Discord webhook", ["discord.com/api/", "discordapp.com/api/"], "(?:v\\d{1,2}/)?webhooks/\\d{17,20}/[A-Za-z0-9_-]{60,}"),
  // As issued: the bot's id, 8 to 10 digits, and 35 characters from `A`.
  { issuer: "Telegram bot token", prefix: "bot", body: "\\d{5,16}:A[A-Za-z0-9_-]{30,}", evidence: ":A", issued: "\\d{8,10}:A[A-Za-z0-9_-]{34}" },
  { issuer: "Google OAuth access token", prefix: "ya29.", body: "[A-Za-z0-9_-]{20,}" },
  {
    issuer: "Microsoft Teams incoming webhook",
    prefix: "webhook.office.com/webhookb2/",
    body: "[0-9A-Fa-f-]{36}@[0-9A-Fa-f-]{36}/IncomingWebhook/[0-9A-Fa-f]{32}/[0-9A-Fa-f-]{36}(?:/V2[A-Za-z0-9_-]{20,})?",
  },
];

/**
 * Secret keys of the payment platforms Brazilian and Latin American shops use, as their docs
 * give them: Pagar.me's (and Stone Connect's) v5 secret key `sk_…` (its test key `sk_test_…`
 * has Stripe's shape) and v4 API key `ak_live_…`/`ak_test_…` (not the v4 encryption key
 * `ek_…`, which a checkout page holds); Asaas's API key `$aact_prod_…`/`$aact_hmlg_…` (older
 * keys `$aact_` and base64), which its `access_token` header carries; a Mercado Pago access
 * token `APP_USR-<app id>-<date>-<32 hex>-<user id>` (`TEST-…` in its sandbox; its public key
 * is a UUID after the same prefix and stays).
 */
const LATIN_AMERICAN_PAYMENT_FORMATS: readonly KnownTokenFormat[] = [
  { issuer: "Pagar.me secret key", prefix: "sk_", body: "[A-Za-z0-9]{24,}" },
  ...family("Pagar.me API key", ["ak_live_", "ak_test_"], "[A-Za-z0-9]{24,}"),
  { issuer: "Asaas API key", prefix: "$aact_", body: "[A-Za-z0-9+/_]{20,}={0,2}" },
  ...family("Mercado Pago access token", ["APP_USR-", "TEST-"], "\\d{6,20}-\\d{6}-[a-f0-9]{32}-\\d{4,12}"),
];

/**
 * Secrets of cloud, mail, payment and secret-store providers, as their docs give them: a Google
 * OAuth client secret `GOCSPX-` and 28 characters (Google Identity, client secrets since 2021);
 * a SendGrid API key `SG.<22>.<43>` (Twilio SendGrid "API keys"); HashiCorp Vault's service,
 * batch and recovery tokens `hvs.`/`hvb.`/`hvr.` (Vault "Tokens", token prefixes since 1.10);
 * Square's access token `sq0atp-` (22) and application secret `sq0csp-` (43) (Square "Access
 * tokens"); a Facebook user access token as the Graph API Explorer issues it, `EAACEdEose0cBA…`;
 * an age identity `AGE-SECRET-KEY-1` and 58 upper-case bech32 characters (age-encryption.org/v1);
 * Doppler's personal, service, CLI, service-account, SCIM and audit tokens `dp.pt.`, `dp.st.`
 * (a config's slug and a dot may come first), `dp.ct.`, `dp.sa.`, `dp.scim.`, `dp.audit.`
 * (Doppler "Token formats"); a Mailgun private API key `key-` and 32 hex digits (Mailgun "API
 * keys", before its 2023 key format); a Twilio API key `SK` and 32 hex digits (Twilio "API keys").
 */
const PROVIDER_SECRET_FORMATS: readonly KnownTokenFormat[] = [
  { issuer: "Google OAuth client secret", prefix: "GOCSPX-", body: "[A-Za-z0-9_-]{28}" },
  { issuer: "SendGrid API key", prefix: "SG.", body: "[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}" },
  ...family("HashiCorp Vault token", ["hvs.", "hvb.", "hvr."], "[A-Za-z0-9_-]{24,}"),
  { issuer: "Square access token", prefix: "sq0atp-", body: "[A-Za-z0-9_-]{22}" },
  { issuer: "Square application secret", prefix: "sq0csp-", body: "[A-Za-z0-9_-]{43}" },
  { issuer: "Facebook access token", prefix: "EAACEdEose0cBA", body: "[A-Za-z0-9]{20,}" },
  { issuer: "age secret key", prefix: "AGE-SECRET-KEY-1", body: "[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}" },
  { issuer: "Doppler service token", prefix: "dp.st.", body: "(?:[a-z0-9_-]{1,40}\\.)?[A-Za-z0-9]{40,}" },
  ...family("Doppler token", ["dp.pt.", "dp.ct.", "dp.sa.", "dp.scim.", "dp.audit."], "[A-Za-z0-9]{40,}"),
  { issuer: "Mailgun API key", prefix: "key-", body: "[a-f0-9]{32}" },
  // An API key's SID names the key its secret goes with; Twilio's docs treat the pair as one credential.
  { issuer: "Twilio API key", prefix: "SK", body: "[0-9a-fA-F]{32}" },
];

export const KNOWN_TOKEN_FORMATS: readonly KnownTokenFormat[] = [
  // OpenAI (`sk-`, `sk-proj-`, `sk-svcacct-`, `sk-admin-`) and Anthropic (`sk-ant-api03-`).
  // As issued: a legacy key's 48 letters and digits; a project, service account or admin key's
  // kind and 40 or more characters; Anthropic's `ant-api03-` and 80 or more.
  {
    issuer: "OpenAI / Anthropic API key",
    prefix: "sk-",
    body: "[A-Za-z0-9_-]{20,}",
    issued: "[A-Za-z0-9]{48}|(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,}|ant-(?:api|admin)\\d\\d-[A-Za-z0-9_-]{80,}",
  },
  // Personal, OAuth, user-to-server, server-to-server and refresh tokens; GitHub may lengthen them.
  ...family("GitHub token", ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"], "[A-Za-z0-9]{36,}", "[A-Za-z0-9]{36}"),
  { issuer: "GitHub fine-grained token", prefix: "github_pat_", body: "[A-Za-z0-9_]{22,}", issued: "[A-Za-z0-9]{22}_[A-Za-z0-9]{59}" },
  // GitLab's tokens are 20 characters after their prefix as issued; routable ones run on after a dot.
  { issuer: "GitLab personal access token", prefix: "glpat-", body: "[A-Za-z0-9_.-]{20,}", issued: GITLAB_TOKEN },
  { issuer: "GitLab deploy token", prefix: "gldt-", body: "[A-Za-z0-9_-]{20,}", issued: GITLAB_TOKEN },
  { issuer: "GitLab runner token", prefix: "glrt-", body: "[A-Za-z0-9_.-]{20,}", issued: GITLAB_TOKEN },
  { issuer: "GitLab pipeline trigger token", prefix: "glptt-", body: "[A-Za-z0-9_-]{20,}" },
  // An incoming webhook's URL is its credential: whoever has it can post.
  { issuer: "Slack incoming webhook", prefix: "hooks.slack.com/services/", body: "T[A-Z0-9]{8,}/B[A-Z0-9]{8,}/[A-Za-z0-9]{24}" },
  ...family("Slack token", ["xoxb-", "xoxp-", "xoxa-", "xoxo-", "xoxr-", "xoxs-", "xoxe-", "xapp-"], "[A-Za-z0-9-]{10,}"),
  ...family("Stripe secret key", ["sk_live_", "sk_test_", "rk_live_", "rk_test_", "whsec_"], "[A-Za-z0-9]{16,}"),
  // Long-term and temporary; a secret access key written right after its id goes with it.
  ...family("AWS access key", ["AKIA", "ASIA"], `[A-Z0-9]{16}${AWS_SECRET_AFTER_ID}`, "[A-Z0-9]{16}"),
  { issuer: "Google API key", prefix: "AIza", body: "[A-Za-z0-9_-]{35}" },
  ...family("Honeycomb API key", ["hcaik_", "hcxik_", "hcamk_", "hcxmk_", "hcxlk_"], "[A-Za-z0-9]{20,}"),
  { issuer: "npm access token", prefix: "npm_", body: "[A-Za-z0-9]{36}" },
  // Letters as issued; digits in some, as examples and older tokens write them.
  { issuer: "Hugging Face token", prefix: "hf_", body: "[A-Za-z0-9]{34}" },
  { issuer: "Grafana Cloud access policy token", prefix: "glc_", body: "[A-Za-z0-9+/_-]{32,}={0,2}" },
  { issuer: "Grafana service account token", prefix: "glsa_", body: "[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}" },
  // A PyPI API token is a macaroon whose base64 starts by naming pypi.org.
  { issuer: "PyPI API token", prefix: "pypi-", body: "AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}" },
  ...family("Docker Hub access token", ["dckr_pat_", "dckr_oat_"], "[A-Za-z0-9_-]{27,}", "[A-Za-z0-9_-]{27}"),
  ...family("DigitalOcean token", ["dop_v1_", "doo_v1_", "dor_v1_"], "[a-f0-9]{64}"),
  { issuer: "Sentry organization token", prefix: "sntrys_", body: "[A-Za-z0-9+/=_]{50,}" },
  { issuer: "Sentry user token", prefix: "sntryu_", body: "[a-f0-9]{64}" },
  ...family("Shopify access token", ["shpat_", "shpss_", "shpca_", "shppa_"], "[a-fA-F0-9]{32}"),
  { issuer: "New Relic user API key", prefix: "NRAK-", body: "[A-Z0-9]{27}" },
  { issuer: "Linear API key", prefix: "lin_api_", body: "[A-Za-z0-9]{40}" },
  { issuer: "Postman API key", prefix: "PMAK-", body: "[a-f0-9]{24}-[a-f0-9]{34}" },
  ...LATIN_AMERICAN_PAYMENT_FORMATS,
  ...PROVIDER_SECRET_FORMATS,
  ...CHAT_AND_OAUTH_TOKEN_FORMATS,
];

/** Characters a token is made of: none may be glued to either end of a match. */
const TOKEN_CHARACTER = "[A-Za-z0-9_-]";

/**
 * Regex source matching any known token as a whole word: not glued to a token character on
 * either side (so `sk-` inside `task-…` and a prefix in the middle of a longer id pass).
 */
const KNOWN_TOKEN_SOURCE = knownTokenSource(KNOWN_TOKEN_FORMATS);

/** Regex source matching any token of `formats` as a whole word, as `KNOWN_TOKEN_SOURCE` does all of them. */
export function knownTokenSource(formats: readonly KnownTokenFormat[]): string {
  return `(?<!${TOKEN_CHARACTER})(?:${formats.map((format) => `${escape(format.prefix)}${format.body}`).join("|")})(?!${TOKEN_CHARACTER})`;
}

/**
 * What a body's source holds if it can match one of `nestsInOwnBody`'s separators: the separator
 * itself, a `.`, a negated class (`[^`) or `\S`, `\W`, `\D`. Bodies write their ranges of letters
 * and digits only (`[A-Za-z0-9_-]`), which span no separator
 * (test/unit/known-token-nesting.test.ts holds them to it).
 */
const MAY_MATCH_SEPARATOR = /[/+=.^]|\\[DSW]/;

/** The characters no token holds that a base64 body does (Grafana's `glc_…`, Sentry's `sntrys_…`). */
export const BASE64_SEPARATORS: readonly string[] = ["/", "+", "="];

/** Those and the `.` GitLab's personal access and runner tokens' bodies hold (`glpat-…`, `glrt-…`). */
const TOKEN_SEPARATORS: readonly string[] = [...BASE64_SEPARATORS, "."];

/**
 * Whether a format's body may hold its own prefix after a character no token holds (one of
 * `separators`; by default `/`, `+`, `=` and `.`): a match of it may then start inside another
 * one's body and end where that one ends. Read from the body itself, by trying it on the prefix
 * repeated after each such character.
 */
export function nestsInOwnBody(format: KnownTokenFormat, separators: readonly string[] = TOKEN_SEPARATORS): boolean {
  // Most bodies cannot match a separator at all: their regex is not built (cold start).
  if (!MAY_MATCH_SEPARATOR.test(format.body)) return false;
  const body = new RegExp(`^(?:${format.body})$`);
  return separators.some((separator) => body.test(`${separator}${format.prefix}`.repeat(64)));
}

function escape(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** No known token is shorter (Slack's: a five-character prefix and ten more). */
export const SHORTEST_KNOWN_TOKEN = 15;

/**
 * Whether a candidate match looks generated rather than written: a run of 12 letters and
 * digits, and digits with letters or both letter cases. A slug after a prefix
 * (`sk-learn-tutorial-for-beginners`) is words, not a key.
 */
export function looksGenerated(token: string): boolean {
  let run = 0;
  let longest = 0;
  let digit = false;
  let lower = false;
  let upper = false;
  for (let i = 0; i < token.length; i++) {
    const code = token.charCodeAt(i);
    const isDigit = code >= 48 && code <= 57;
    const isUpper = code >= 65 && code <= 90;
    const isLower = code >= 97 && code <= 122;
    digit ||= isDigit;
    upper ||= isUpper;
    lower ||= isLower;
    run = isDigit || isUpper || isLower ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest >= 12 && ((digit && (lower || upper)) || (lower && upper));
}

/**
 * A format's body as issued (`KnownTokenFormat.issued`): its own, or its body when that bounds
 * its length (no `+`, `*` or `{n,}` outside a character class: `AIza` and 35 characters, `SG.`,
 * 22, a dot and 43), or undefined: a body of any length is told from words by its look alone.
 */
export function issuedShape(format: KnownTokenFormat): string | undefined {
  if (format.issued !== undefined) return format.issued;
  return /[+*]|\{\d+,\}/.test(format.body.replace(/\\.|\[(?:\\.|[^\]\\])*\]/g, "")) ? undefined : format.body;
}

/**
 * Regex source of `format`'s tokens as issued, the body its one capturing group (issued shapes
 * group with `(?:…)` only), not glued to a token character on either side (a routable GitLab
 * token's dot may follow); undefined when it has no issued shape.
 */
export function issuedTokenSource(format: KnownTokenFormat): string | undefined {
  const issued = issuedShape(format);
  return issued === undefined ? undefined : `(?<!${TOKEN_CHARACTER})${escape(format.prefix)}(${issued})(?!${TOKEN_CHARACTER})`;
}

/** The formats that have an issued shape, in the order of `ISSUED_TOKEN_START`'s groups. */
const ISSUED_FORMATS = lazy(() => KNOWN_TOKEN_FORMATS.filter((format) => issuedShape(format) !== undefined));

/** A match that starts as a token of some format as issued, the body in its format's group: built on the first match judged. */
const ISSUED_TOKEN_START = lazy(() => new RegExp(`^(?:${ISSUED_FORMATS().map(issuedTokenSource).join("|")})`));

/** Lower-case words joined by `-`, `_` or `.`: a slug, a name or a host (`runner-manager-prd`). */
const JOINED_LOWER_CASE_WORDS = /^[a-z]+(?:[-_.][a-z]+)*$/;

/** Whether a match's text after its prefix holds one letter or digit, repeated in any case: a placeholder (`AKIAXXXXXXXXXXXXXXXX`, `SG.xxx….xxx…`). */
function isPlaceholder(body: string): boolean {
  const characters = body.replace(/[^A-Za-z0-9]/g, "").toLowerCase();
  return characters.replaceAll(characters.charAt(0), "") === "";
}

/**
 * Whether the body of an issued shape (`shape`) reads as issued rather than written: holding a
 * capital where the shape's alphabet has both cases (20 or more random characters of it hold
 * none with a chance of about 1e-5, while a lower-case slug, pod name, CSS class or host of the
 * issued length holds none: `glrt-runner-manager-prd-1`), and not lower-case words joined by
 * `-`, `_` or `.`. An all-capitals word of an issued length (`ASIAPACIFICSOUTHEAST`) reads as
 * issued: AWS's key ids are capitals and digits too.
 */
function readsAsIssued(body: string, shape: string): boolean {
  if (shape.includes("A-Z") && shape.includes("a-z") && !/[A-Z]/.test(body)) return false;
  return !JOINED_LOWER_CASE_WORDS.test(body);
}

/**
 * Whether a match of a known format (`KNOWN_TOKEN_SOURCE`) is a token. One that starts with a
 * format's prefix and body as issued (`issuedShape`: `AKIA` and 16 capitals and digits, `glpat-`
 * and 20 characters) is one unless it is a placeholder (`isPlaceholder`), when it looks generated
 * (`looksGenerated`) or reads as issued (`readsAsIssued`); any other must look generated
 * (`sk-learn-tutorial-for-beginners` reads as words).
 */
export function isTokenMatch(match: string): boolean {
  const issued = ISSUED_TOKEN_START().exec(match);
  if (issued === null) return looksGenerated(match);
  const group = issued.findIndex((body, index) => index > 0 && body !== undefined);
  const format = ISSUED_FORMATS()[group - 1]!;
  if (isPlaceholder(match.slice(format.prefix.length))) return false;
  return looksGenerated(match) || readsAsIssued(issued[group]!, issuedShape(format)!);
}

/** Compiled by `findKnownToken`'s first call: the Worker never calls it, so never pays for it. */
let knownToken: RegExp | undefined;

/**
 * The first known token in `text` (`isTokenMatch`), or undefined. For callers that judge
 * whole values (the wiring audit); the ingest scanner runs the known-token detectors
 * (detectors/known-token.ts).
 */
export function findKnownToken(text: string): KnownTokenFormat | undefined {
  knownToken ??= new RegExp(KNOWN_TOKEN_SOURCE, "g");
  for (const match of text.matchAll(knownToken)) {
    if (isTokenMatch(match[0])) return KNOWN_TOKEN_FORMATS.find((format) => match[0].startsWith(format.prefix));
  }
  return undefined;
}

/**
 * Prefixes ending in `_` or `-` by their last two characters (the character before the
 * separator, then the separator), for the evidence walk: only where such a pair is in a text
 * can a prefix end there.
 */
const PREFIXES_BY_ENDING = new Map<number, string[]>();
/** The same endings as flags, read before the map: most separators end no prefix. */
const ENDS_PREFIX = new Uint8Array(128 * 128);
/** A literal and where in it its anchor character is: it can only start that far before one. */
interface AnchoredLiteral {
  readonly literal: string;
  readonly anchorAt: number;
}

/**
 * Prefixes not ending in `_` or `-`, or a format's own evidence literal in their stead, looked
 * for where their anchor is: those holding a dot (Slack's and Discord's webhook paths, `ya29.`,
 * `SG.`) at each `.`, those holding an `A` (`AKIA`, `AIza`, Telegram's `:A`) at each `A`, the
 * others, which all hold an `S` (Twilio's `SK`), at each `S`.
 */
const DOTTED_PREFIXES: AnchoredLiteral[] = [];
const CAPITAL_A_PREFIXES: AnchoredLiteral[] = [];
const CAPITAL_S_PREFIXES: AnchoredLiteral[] = [];
for (const { prefix, evidence } of KNOWN_TOKEN_FORMATS) {
  const last = prefix.charCodeAt(prefix.length - 1);
  if (last !== 95 && last !== 45) {
    const literal = evidence ?? prefix;
    const [list, anchor] = literal.includes(".")
      ? [DOTTED_PREFIXES, "."]
      : literal.includes("A")
        ? [CAPITAL_A_PREFIXES, "A"]
        : [CAPITAL_S_PREFIXES, "S"];
    // The evidence walk looks for these only in texts holding their anchor.
    if (!literal.includes(anchor)) throw new Error(`known token prefix ${literal} holds neither a dot, an A nor an S`);
    if (!list.some((known) => known.literal === literal)) list.push({ literal, anchorAt: literal.indexOf(anchor) });
    continue;
  }
  const ending = prefix.charCodeAt(prefix.length - 2) * 128 + last;
  PREFIXES_BY_ENDING.set(ending, [...(PREFIXES_BY_ENDING.get(ending) ?? []), prefix]);
  ENDS_PREFIX[ending] = 1;
}

/**
 * Whether `text` holds a known prefix ending in `_` or `-`: a necessary condition of most
 * known tokens in it. Reads each `_` and `-` and the character before it, then compares only
 * the prefixes that end so.
 */
export function holdsSeparatedPrefix(text: string): boolean {
  return text.length >= SHORTEST_KNOWN_TOKEN && (endsPrefixAt(text, "_") || endsPrefixAt(text, "-"));
}

/** Whether some `separator` in `text` ends a known prefix. Runs for most strings: no allocation. */
function endsPrefixAt(text: string, separator: string): boolean {
  for (let at = text.indexOf(separator, 1); at >= 0; at = text.indexOf(separator, at + 1)) {
    const ending = (text.charCodeAt(at - 1) & 127) * 128 + text.charCodeAt(at);
    if (ENDS_PREFIX[ending] === 0) continue;
    const prefixes = PREFIXES_BY_ENDING.get(ending)!;
    for (let i = 0; i < prefixes.length; i++) {
      const prefix = prefixes[i]!;
      if (text.startsWith(prefix, at + 1 - prefix.length)) return true;
    }
  }
  return false;
}

/**
 * Whether `text` holds one of the few other prefixes (`AKIA`, `ASIA`, `AIza`, Telegram's `:A`
 * when `capitalA`; Slack's and Discord's webhook paths, `ya29.` and `SG.` when `dotted`;
 * Twilio's `SK` when `letterS`). The caller says which the text's characters allow (`letterS`:
 * an `S` in either case). Each `A`, `.` or `S` is compared with the prefixes that hold one,
 * rather than the whole text searched once per prefix: a text's dots and capitals are few.
 */
export function holdsUnseparatedPrefix(text: string, capitalA: boolean, dotted: boolean, letterS: boolean): boolean {
  if (text.length < SHORTEST_KNOWN_TOKEN) return false;
  return (
    (capitalA && holdsAtAnchor(text, "A", CAPITAL_A_PREFIXES)) ||
    (dotted && holdsAtAnchor(text, ".", DOTTED_PREFIXES)) ||
    (letterS && holdsAtAnchor(text, "S", CAPITAL_S_PREFIXES))
  );
}

/** Whether one of `literals` is in `text` with its anchor at an `anchor` of the text. */
function holdsAtAnchor(text: string, anchor: string, literals: readonly AnchoredLiteral[]): boolean {
  for (let at = text.indexOf(anchor); at >= 0; at = text.indexOf(anchor, at + 1)) {
    for (let i = 0; i < literals.length; i++) {
      const { literal, anchorAt } = literals[i]!;
      if (at >= anchorAt && text.startsWith(literal, at - anchorAt)) return true;
    }
  }
  return false;
}

/**
 * The armor line that opens a PEM private key (RFC 7468 `PRIVATE KEY`, `ENCRYPTED PRIVATE
 * KEY`; OpenSSL's `RSA`/`EC`/`DSA PRIVATE KEY`; OpenSSH's `OPENSSH PRIVATE KEY`; OpenPGP's
 * `PGP PRIVATE KEY BLOCK`, RFC 4880 §6.2), a secret under any name. `PUBLIC KEY` and
 * `CERTIFICATE` blocks are published by design and do not match.
 */
export const PEM_PRIVATE_KEY_ARMOR = "-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----";

/** How every PEM armor line starts, of keys and certificates alike. */
export const PEM_ARMOR_START = "-----BEGIN";


/**
 * What separates the lines of a key as logs carry it: a line break, a blank (a key flattened
 * to one line), or a line break escaped once or twice (`\n` in JSON, `\\n` in JSON inside a
 * JSON string).
 */
const PEM_BREAK = "(?:[\\r\\n \\t]|\\\\{1,2}[rn])";
/**
 * A header line (`Proc-Type: 4,ENCRYPTED`, `DEK-Info: …`, PGP's `Version: …`), up to a line
 * break or, in a key flattened to one line, the END line's dashes; or a line of base64.
 */
const PEM_LINE = "(?:[A-Z][A-Za-z-]+: [^\\r\\n\\\\]*?(?=[\\r\\n\\\\]|-----|$)|[A-Za-z0-9+/=]+)";

/**
 * Regex source of a PEM private key: its armor line, at least one line of it, and its closing
 * armor line when the text has it. A key cut short (a truncated log line) ends at the first
 * character no line of a key holds (`…`, a quote); one with its END line ends there. A key
 * already redacted (`-----BEGIN … PRIVATE KEY-----[REDACTED:private_key]`) has no line left and
 * does not match again. Once a line matched the rest cannot fail (the END line is optional), so
 * the match never backtracks into the lines.
 */
export const PEM_PRIVATE_KEY_SOURCE =
  `${PEM_PRIVATE_KEY_ARMOR}(?:${PEM_BREAK}*${PEM_LINE})+(?:${PEM_BREAK}*-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----)?`;

/** A private key's armor line alone (a value that ended at the line break its lines follow) or before its key's marker (redacted already); sticky. */
const PEM_PRIVATE_KEY_ARMOR_ALONE = lazy(() => new RegExp(`${PEM_PRIVATE_KEY_ARMOR}(?:$|\\[REDACTED:)`, "y"));

/** Whether a private key's armor line stands at `at` in `text` alone or before its key's marker (`PEM_PRIVATE_KEY_ARMOR_ALONE`). */
function privateKeyArmorAloneAt(text: string, at: number): boolean {
  const armor = PEM_PRIVATE_KEY_ARMOR_ALONE();
  armor.lastIndex = at;
  return armor.test(text);
}
/** A private key the key detector reads where a value starts (`PEM_PRIVATE_KEY_SOURCE`, sticky: `pemKeyAt`). */
const PEM_PRIVATE_KEY_AT = lazy(() => new RegExp(PEM_PRIVATE_KEY_SOURCE, "y"));

/** The private key the key detector reads at `at` in `text`, as it finds it; undefined when none starts there. */
function pemKeyAt(text: string, at: number): string | undefined {
  const reader = PEM_PRIVATE_KEY_AT();
  reader.lastIndex = at;
  return reader.exec(text)?.[0];
}
/** A certificate's or a public key's armor line, as written or percent- or form-encoded in a query (`%20`, `+`); sticky, read where a value starts (`opensPublicArmorAt`). */
const PEM_PUBLIC_ARMOR = /-----BEGIN(?: |%20|\+)(?:[A-Z0-9]+(?: |%20|\+))*(?:CERTIFICATE|PUBLIC(?: |%20|\+)KEY)/y;

/** Whether a certificate's or a public key's armor line (`PEM_PUBLIC_ARMOR`) starts at `at` in `text`. */
function opensPublicArmorAt(text: string, at: number): boolean {
  PEM_PUBLIC_ARMOR.lastIndex = at;
  return PEM_PUBLIC_ARMOR.test(text);
}
/** What may follow a key in its value: no key line's character but escaped line breaks (a cut key's `…`, a closing `\n`). */
const NO_KEY_MATERIAL = /^(?:\\{1,2}[rn]|[^A-Za-z0-9])*$/;

/**
 * Whether a value written after a secret's name (`private_key = …`, `password: "…"`,
 * `<PrivateKey>…</PrivateKey>`) is a PEM block the name's rule leaves to others: a private key
 * the private key detector takes whole from the value's start (its material replaced to the END
 * line, or to where a cut key's lines end, and nothing of a key's after it in the value), or a
 * certificate's or public key's, published by design and kept. A value that ends before the
 * key's lines (an unquoted first word `-----BEGIN`, which `leavesPemBlockAt` reads in the text
 * where it has it, or an armor line alone before a line break) is left to the key detector,
 * which reads on in the text. Any other value opening an
 * armor line is the name's secret, replaced whole: lines the key detector cannot read (XML's
 * `&#xA;`, HTML's `<br>`, a lower-case label), an OpenVPN static key, a key cut in the middle
 * with lines after the cut, `-----BEGIN hunter2`.
 */
export function leavesPemValue(value: string): boolean {
  if (!value.startsWith(PEM_ARMOR_START)) return false;
  if (value === PEM_ARMOR_START || opensPublicArmorAt(value, 0) || privateKeyArmorAloneAt(value, 0)) return true;
  const key = pemKeyAt(value, 0);
  return key !== undefined && NO_KEY_MATERIAL.test(value.slice(key.length));
}

/**
 * Whether the PEM block an unquoted value opens at `at` in `text` (its first word `-----BEGIN`)
 * is left to others: a certificate's or public key's armor, a key redacted already, or a private
 * key the key detector reads there whose END line no word is glued to. A glued name (`-----END RSA PRIVATE
 * KEY-----password=hunter2`) would be lost in the key's find, which takes the dashes the name's
 * own find starts at (`KEY-----password`); there, and before anything else (`password =
 * -----BEGIN hunter2`, an OpenVPN static key), the value is the name's, its first word replaced.
 */
export function leavesPemBlockAt(text: string, at: number): boolean {
  if (opensPublicArmorAt(text, at) || privateKeyArmorAloneAt(text, at)) return true;
  const key = pemKeyAt(text, at);
  return key !== undefined && !(key.endsWith("-----") && /\w/.test(text.charAt(at + key.length)));
}

/** The armor lines of a matched key, kept when its material is redacted: they say what leaked. */
const PEM_ARMOR_LINE = /-----(?:BEGIN|END) [A-Z0-9 ]+-----/g;

/**
 * A matched PEM private key with its material replaced by `marker`:
 * `-----BEGIN RSA PRIVATE KEY-----[REDACTED:private_key]-----END RSA PRIVATE KEY-----`.
 */
export function redactPemPrivateKey(match: string, marker: string): string {
  const [begin, end = ""] = match.match(PEM_ARMOR_LINE)!;
  return `${begin}${marker}${end}`;
}

/** How a PuTTY key file (`.ppk`) starts, of every version (PuTTY manual, appendix C). */
const PUTTY_KEY_FILE_START = "PuTTY-User-Key-File-";

/**
 * Regex source of a PuTTY private key file: its first line (`PuTTY-User-Key-File-3: ssh-rsa`),
 * the header and public lines up to `Private-Lines: N`, and the base64 lines after it, each
 * followed by a line break (perhaps escaped) or the text's end, so that `Private-MAC: …`, whose
 * first word is base64 too, is not taken for one. The header is bounded: a file's public part
 * is a few hundred characters, and a text with the first line and no `Private-Lines:` is read
 * no further than that.
 */
export const PUTTY_PRIVATE_KEY_SOURCE =
  `${PUTTY_KEY_FILE_START}[1-3]: [\\s\\S]{1,4000}?Private-Lines: \\d{1,4}(?:${PEM_BREAK}+[A-Za-z0-9+/=]+(?=[\\r\\n \\t\\\\]|$))+`;

/** The header of a matched PuTTY key file, up to its `Private-Lines: N` and the line break after it. */
const PUTTY_PRIVATE_LINES = lazy(() => new RegExp(`^[\\s\\S]*?Private-Lines: \\d+${PEM_BREAK}+`));

/**
 * A matched PuTTY key file with its private lines replaced by `marker`; its header, public lines
 * and MAC stay, saying which key leaked: `…Private-Lines: 14\n[REDACTED:private_key]\nPrivate-MAC: …`.
 */
export function redactPuttyPrivateKey(match: string, marker: string): string {
  return `${PUTTY_PRIVATE_LINES().exec(match)![0]}${marker}`;
}

/**
 * Whether `text` holds the start of a private key's armor: a PEM armor line (`-----BEGIN` and
 * then `PRIVATE KEY`) or a PuTTY key file's first line. Native searches only; a text without
 * five dashes in a row or `PuTTY` pays two `indexOf`.
 */
export function holdsPrivateKeyArmor(text: string): boolean {
  const begin = text.indexOf(PEM_ARMOR_START);
  return (begin >= 0 && text.includes("PRIVATE KEY", begin + PEM_ARMOR_START.length)) || text.includes(PUTTY_KEY_FILE_START);
}

/** The crypt alphabet (`./0-9A-Za-z`), in which the modular crypt format writes salts and hashes. */
const CRYPT_CHARACTERS = "[./A-Za-z0-9]";
/** Base64 (RFC 4648 §4), in which Argon2, Django, passlib and LDAP write theirs. */
const BASE64_CHARACTERS = "[A-Za-z0-9+/]";

/**
 * Stored password hashes, as the libraries that make them print them: credential material, which
 * a leaked log hands to offline cracking (a hash and its salt are all a cracker needs). Shapes as
 * each format's reference defines them:
 *
 * - bcrypt (`$2a$`, `$2b$`, `$2x$`, `$2y$`, cost, then 22 characters of salt and 31 of hash: 60 in all);
 * - the crypt(3) family of glibc and libxcrypt: MD5-crypt `$1$` and Apache's `$apr1$`, SHA-crypt
 *   `$5$`/`$6$` (with `rounds=N$`), Sun's `$md5$`, yescrypt `$y$` (Debian's and Ubuntu's
 *   `/etc/shadow` default), gost-yescrypt `$gy$`, scrypt `$7$`; phpass `$P$`/`$H$` (WordPress, phpBB);
 * - Argon2's PHC string (`$argon2id$v=19$m=65536,t=3,p=4$salt$hash`), passlib's `$pbkdf2-sha256$`;
 * - Django's `<algorithm>$…` (`pbkdf2_sha256$260000$salt$hash`, `argon2$argon2id$…`,
 *   `bcrypt_sha256$$2b$…`, `scrypt$16384$salt$8$1$hash`) and Werkzeug's (`pbkdf2:sha256:600000$salt$hex`,
 *   `scrypt:32768:8:1$salt$hex`);
 * - LDAP `userPassword` schemes (RFC 2307, OpenLDAP): `{SSHA}…`, `{SHA}…`, `{SSHA512}…`,
 *   `{MD5}…`, `{SMD5}…`, `{PBKDF2-SHA256}N$salt$hash`; `{CRYPT}`, `{ARGON2}`, `{BCRYPT}` before a
 *   crypt string, which is matched and replaced alone.
 *
 * A bare hex digest (an unsalted MD5 or SHA-1) is not among them: nothing tells it from a
 * content hash, an ETag or an id.
 */
const MODULAR_CRYPT_HASH =
  `(?:\\$2[abxy]\\$\\d\\d\\$${CRYPT_CHARACTERS}{53}` +
  `|\\$(?:1|5|6|md5|apr1)\\$(?:rounds=\\d{1,9}\\$)?${CRYPT_CHARACTERS}{1,16}\\$${CRYPT_CHARACTERS}{22,86}` +
  `|\\$(?:y|gy|7)\\$${CRYPT_CHARACTERS}+\\$(?:${CRYPT_CHARACTERS}*\\$)?${CRYPT_CHARACTERS}{43}` +
  `|\\$[PH]\\$${CRYPT_CHARACTERS}{31}` +
  `|\\$argon2(?:id|i|d)\\$(?:v=\\d+\\$)?m=\\d+,t=\\d+,p=\\d+(?:,[a-z]+=[^$,\\s]+)*\\$${BASE64_CHARACTERS}+=*\\$${BASE64_CHARACTERS}{16,}=*` +
  `|\\$pbkdf2(?:-sha(?:1|256|512))?\\$\\d+\\$[./A-Za-z0-9+=]+\\$[./A-Za-z0-9+=]{16,})`;
const DJANGO_HASH =
  `(?:pbkdf2_sha(?:1|256)\\$\\d+\\$[./A-Za-z0-9+=]+\\$${BASE64_CHARACTERS}{20,}=*` +
  `|scrypt\\$\\d+\\$[./A-Za-z0-9+=]+\\$\\d+\\$\\d+\\$${BASE64_CHARACTERS}{20,}=*` +
  `|(?:pbkdf2:sha(?:1|256|512)(?::\\d+)?|scrypt:\\d+:\\d+:\\d+)\\$[A-Za-z0-9]{1,64}\\$[0-9a-f]{32,})`;
const LDAP_HASH =
  `(?:\\{(?:S?SHA(?:256|384|512)?|S?MD5)\\}${BASE64_CHARACTERS}{20,}=*` +
  `|\\{PBKDF2(?:-SHA(?:1|256|512))?\\}\\d+\\$[./A-Za-z0-9+]+\\$[./A-Za-z0-9+]{16,})`;

/**
 * Regex source of a stored password hash (see above) as a whole word: not glued to a word, a `$`
 * or the crypt alphabet before it (Django's `bcrypt_sha256$`/`argon2$` prefix goes with the
 * crypt string after it), nor to either alphabet after it but a sentence's final `.`.
 */
export const PASSWORD_HASH_SOURCE =
  `(?:(?:(?<![\\w$./+-])(?:argon2|bcrypt(?:_sha256)?\\$)|(?<![\\w$./+]))${MODULAR_CRYPT_HASH}` +
  `|(?<![\\w$./+-])${DJANGO_HASH}|(?<![\\w$./+])${LDAP_HASH})(?![\\w/+=$]|\\.[\\w./+=$])`;

/** How far apart the two `$` that open every crypt, Django and Werkzeug string may be (`$2b$`, `pbkdf2:sha256:600000$<16 characters>$`). */
const HASH_FIELD_REACH = 24;
/** How long an LDAP scheme's name in braces may be after its `{S` (`{SSHA512}`). */
const LDAP_SCHEME_REACH = 8;

/**
 * Whether `text` could hold a password hash (`PASSWORD_HASH_SOURCE`): when `dollar`, two `$` at
 * most `HASH_FIELD_REACH` apart with no blank between (every crypt, Django and Werkzeug string,
 * and LDAP's `{CRYPT}$…`, `{PBKDF2}…$…$`); when `capitalA`, `{S` opening a scheme of the SHA
 * family (`{SSHA}`, `{SHA256}`); when `equals`, `MD5}` (`{MD5}` and `{SMD5}`, whose base64 always
 * ends in `=` padding). The caller says which characters the text holds. Native searches only:
 * a price (`$12.99 and $5`) ends at the blank between its dollars, and a JSON line's braces are
 * never read.
 */
export function holdsPasswordHashMark(text: string, dollar: boolean, capitalA: boolean, equals: boolean): boolean {
  if (dollar) {
    for (let at = text.indexOf("$"); at >= 0; ) {
      const next = text.indexOf("$", at + 1);
      if (next < 0) break;
      if (next - at <= HASH_FIELD_REACH && !holdsBlank(text, at + 1, next)) return true;
      at = next;
    }
  }
  if (capitalA) {
    for (let open = text.indexOf("{S"); open >= 0; open = text.indexOf("{S", open + 2)) {
      let end = open + 2;
      while (end < open + 2 + LDAP_SCHEME_REACH && isSchemeCharacter(text.charCodeAt(end))) end++;
      if (text.charCodeAt(end) === 125) return true;
    }
  }
  return equals && text.includes("MD5}");
}

/** `[A-Z0-9]`: an LDAP scheme's name. */
function isSchemeCharacter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

function holdsBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 32 || (code >= 9 && code <= 13)) return true;
  }
  return false;
}
