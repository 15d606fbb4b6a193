import { type ConfigDocument, entryOf, stringAt } from "./model";
import { ENDPOINT_VARS } from "./wiring";
import { isParameterName } from "./parameter-names";

/**
 * What `--ingest-url` takes and the endpoint vars start with, as help, hints and refusals say it:
 * a gateway in front of the ingest Worker may add a path, so "origin" alone would be wrong.
 */
export const INGEST_URL_MEANING = "the ingest Worker's https URL (its origin, or a base with a path)";

/** The placeholder the advice writes where that URL goes, until `--ingest-url` gives it. */
export const INGEST_URL_PLACEHOLDER = "https://<ingest origin>";

/** The option as a hint names it before the URL is known. */
export const INGEST_URL_OPTION = "--ingest-url <URL>";

/**
 * What `url`'s host is when a deployed Worker cannot reach it, or undefined: a deployed Worker runs
 * on Cloudflare's network, not on the network that has these, over http or https alike. The one
 * answer for `--ingest-url` and for the endpoint vars of a file, each class named precisely:
 * - "a local development address": `localhost`, `*.localhost` (RFC 6761), `127.0.0.0/8`,
 *   `0.0.0.0/8`, `[::1]`, `[::]`: the machine the Worker runs on, or none;
 * - "a link-local address": `169.254/16`, `fe80::/10`: one network segment;
 * - "a private network address": RFC 1918 `10/8`, `172.16/12`, `192.168/16`, unique local `fc00::/7`;
 * - "a carrier-grade NAT address (100.64.0.0/10, RFC 6598)": inside a provider's network;
 * - "a benchmarking address (198.18.0.0/15, RFC 2544)": for test networks, never routed;
 * - any of the IPv4 ones written as NAT64 (`64:ff9b::/96`, RFC 6052), IPv4-mapped or IPv4-compatible;
 * - "a name reserved for private networks" (`PRIVATE_NAMES`: `.internal`, `.home.arpa`, `.local`),
 *   which no public resolver answers. A name merely used so (`.lan`, `.corp`) is not reserved
 *   and is left alone: it may be someone's public domain one day.
 * The WHATWG parser has already written the host in its one form (`127.1` and `0x7f.0.0.1` as
 * `127.0.0.1`, IPv6 compressed, `[64:ff9b::10.0.0.1]` as `[64:ff9b::a00:1]`).
 */
export function unreachableAddress(url: URL): string | undefined {
  const host = url.hostname.replace(/\.$/, "");
  if (host === "localhost" || host.endsWith(".localhost") || host === "[::1]" || host === "[::]") return LOCAL_ADDRESS;
  const name = PRIVATE_NAMES.find(({ suffix }) => host === suffix || host.endsWith(`.${suffix}`));
  if (name !== undefined) return `a name reserved for private networks (.${name.suffix}, ${name.source})`;
  const v4 = ipv4Of(host);
  if (v4 !== undefined) {
    const kind = ipv4Kind(v4.address);
    return kind !== undefined && v4.form !== undefined ? `${kind} written as ${v4.form}` : kind;
  }
  if (/^\[fe[89ab][0-9a-f]:/.test(host)) return "a link-local address";
  return /^\[f[cd][0-9a-f]{2}:/.test(host) ? "a private network address" : undefined;
}

const LOCAL_ADDRESS = "a local development address";

/**
 * Top-level names reserved for private networks: ICANN's `.internal` (board resolution of July
 * 2024), `.home.arpa` (RFC 8375, home networks) and `.local` (RFC 6762, multicast DNS).
 */
const PRIVATE_NAMES: readonly { suffix: string; source: string }[] = [
  { suffix: "internal", source: "ICANN 2024" },
  { suffix: "home.arpa", source: "RFC 8375" },
  { suffix: "local", source: "RFC 6762" },
];

/**
 * The four numbers of an IPv4 host, and, when written in IPv6, which form: NAT64's well-known
 * prefix (`[64:ff9b::a00:1]`, RFC 6052, which a NAT64 gateway translates to the IPv4 address
 * behind it), IPv4-mapped (`[::ffff:7f00:1]`, as the parser writes `[::ffff:127.0.0.1]`) or
 * IPv4-compatible (`[::7f00:1]` for `[::127.0.0.1]`); undefined for another host.
 */
function ipv4Of(host: string): { address: number[]; form?: string } | undefined {
  const dotted = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(host);
  if (dotted !== null) return { address: dotted.slice(1).map(Number) };
  const embedded = /^\[(64:ff9b::|::ffff:|::)([0-9a-f]{1,4}):([0-9a-f]{1,4})\]$/.exec(host);
  if (embedded === null) return undefined;
  const [high, low] = [parseInt(embedded[2]!, 16), parseInt(embedded[3]!, 16)];
  const form = embedded[1] === "64:ff9b::" ? "NAT64 (64:ff9b::/96, RFC 6052)" : undefined;
  return { address: [high >> 8, high & 255, low >> 8, low & 255], ...(form === undefined ? {} : { form }) };
}

/** What an IPv4 address is when a deployed Worker cannot reach it (`unreachableAddress`), or undefined. */
function ipv4Kind([a, b]: number[]): string | undefined {
  if (a === 127 || a === 0) return LOCAL_ADDRESS;
  if (a === 169 && b === 254) return "a link-local address";
  if (a === 100 && b! >= 64 && b! <= 127) return "a carrier-grade NAT address (100.64.0.0/10, RFC 6598)";
  if (a === 198 && (b === 18 || b === 19)) return "a benchmarking address (198.18.0.0/15, RFC 2544)";
  return a === 10 || (a === 172 && b! >= 16 && b! <= 31) || (a === 192 && b === 168) ? "a private network address" : undefined;
}

/**
 * What the URL parser skips before a URL's host: blanks and control characters before it, the
 * scheme (the parser drops tabs and line breaks inside it) and any run of `/` and `\\` after it
 * (`https:/a:pw@host`, `https:\\/a:pw@host` read user info as `https://a:pw@host` does), or, with
 * no scheme, the run of `/` and `\\` a scheme-relative URL starts with (`//a:pw@host`, which a
 * page or `new URL(text, base)` reads on its base's scheme). Each part is one run of a class the
 * next does not start with, so matching is linear in the text.
 */
const URL_PREFIX = /^[\s\x00-\x20]*(?:[a-z][a-z\d+.\t\n\r-]*:)?[/\\\t\n\r]*/i;

/**
 * `text` read as the WHATWG URL parser reads it, or null: on its own (`https:/a:pw@host`,
 * `HTTPS:\\\\a:pw@host`), or, when it has no scheme and starts with `//` or `\\\\`
 * (scheme-relative), against an https base, as a page would fetch it. The one reader the audit
 * judges and masks URLs by, so what is detected and what is masked are the same spellings.
 */
export function readUrl(text: string): URL | null {
  return URL.parse(text) ?? (SCHEME_RELATIVE.test(text) ? URL.parse(text, "https://scheme-relative.invalid") : null);
}

/** A scheme-relative URL: blanks the parser drops, then two slashes of either kind. */
const SCHEME_RELATIVE = /^[\s\x00-\x20]*[/\\]{2}/;

/**
 * Whether `text` is written as a URL with a host: a scheme followed by a slash of either kind
 * (`https://`, `https:/`, `https:\\\\`, any case), or scheme-relative (`//host`), and the parser
 * reads it (`readUrl`). A value such as `mailto:x` or `user:pw` is not one.
 */
export function isHostUrl(text: string): boolean {
  if (!/^[\s\x00-\x20]*(?:[a-z][a-z\d+.-]*:)?[/\\]/i.test(text)) return false;
  return (readUrl(text)?.host ?? "") !== "";
}

/**
 * `text` with what may be a credential in a URL masked as `…`: the user info
 * (`https://user:pw@host`, a token written as the user name, `https://ghp_…@host`, in every
 * spelling the parser reads user info from, also without a scheme, `user:pw@host`), every
 * query, fragment and path parameter's value, its name kept unless `names` are masked
 * (`maskedTail`: `?token=…`, a bare `?…`), and what follows a character no host holds in a
 * URL's host (`STRAY_IN_HOST`: `https://ingest.acme.io,…`). Where the parser reads
 * the URL, its authority ends at the first `/`, `\\`, `?` or `#`; where it does not
 * (`https://a:s3cret?Pass@host` has no valid port), everything before the last `@` ahead of the
 * first `/` or `\\` is masked, since what the writer meant is unknown. The rest is kept as
 * written, so the person finds the value they typed.
 */
export function maskedUrl(text: string, names: Names = "kept"): string {
  const start = URL_PREFIX.exec(text)![0].length;
  const rest = text.slice(start);
  const end = rest.search(readUrl(text) === null ? /[/\\]|$/ : /[/\\?#]|$/);
  const at = rest.slice(0, end).lastIndexOf("@");
  const host = at === -1 ? 0 : at;
  // A host holding what no host name holds (`ingest.acme.io,key=pw9`): what follows that character may be a credential.
  const stray = isHostUrl(text) ? rest.slice(host, end).search(STRAY_IN_HOST) : -1;
  // A port the parser refuses that may be a credential (`https://ingest.acme.io:pw9Kq2/`, `https:ingest.acme.io:pw9Kq2/`); a placeholder (`:${PORT}`) is kept.
  const port = stray === -1 && /(?:[/\\]|^\s*https?:)$/i.test(text.slice(0, start)) && readUrl(text) === null ? SECRET_PORT.exec(rest.slice(host, end)) : null;
  const cut = stray !== -1 ? stray : port !== null && !PORT_PLACEHOLDER.test(port[1]!) ? port.index : -1;
  const tail = cut === -1 ? rest.slice(host) : `${rest.slice(host, host + cut + 1)}…${rest.slice(end)}`;
  return text.slice(0, start) + (at === -1 ? "" : "…") + maskedTail(tail, names);
}

/**
 * An authority's last `:` (`[::1]:x` too, not `[::1]`) and what follows it when that may be a
 * credential: letters and digits mixed (`:pw9`), 8 characters or more, or a number too long for a
 * port (6 digits or more). A port's digits, a word (`:PORT`, `host:port`) and `PORT_PLACEHOLDER` are no secret.
 */
const SECRET_PORT = /:(?=[^:\]]*$)((?=[^:\]]*[A-Za-z])(?=[^:\]]*\d)[^:\]]+|[^:\]]{8,}|\d{6,})$/;

/** A template's or documentation's placeholder for a port: `${PORT}`, `$PORT`, `<port>`, `{port}`, `{{port}}`. */
const PORT_PLACEHOLDER = /^(?:\$\{[^}]*\}|\$\w+|<[^>]*>|\{\{?[^}]*\}?\})$/;

/**
 * A character the URL parser takes in a host that no host name holds and that may start a
 * credential written into it (`strayHostCharacter` reads the parsed host): `,`, `&`, `=`, `%`
 * (`%3B`), `!`, `'`, `(`, `)`, `*`, `+`, `~`, and a `$` that starts no `${…}` template (which the
 * placeholder finding names as written). A `;` starts path parameters, which `maskedTail` masks by
 * their own reading (`;key=…`); letters of any script, blanks and a line break are shown.
 */
const STRAY_IN_HOST = /[,&=%!'()*+~]|\$(?!\{)/;

/**
 * Whether a masked URL keeps its parameters' names (`?token=…`, as it is shown) or masks each
 * parameter's text whole (`?…`, as it is judged: `maskedValue` asks whether what the masking
 * leaves still looks like a credential, which a parameter's name alone does not make it).
 */
export type Names = "kept" | "masked";

/**
 * `rest` with every query and fragment value after `?` or `#` masked as `…`, and each path
 * parameter's after `;` up to the next `/` (`/v1/logs;token=…`, as RFC 3986 §3.3 allows and some
 * gateways read credentials from), and after a `;` written percent-encoded (`/v1/logs%3Bkey=…`, which a
 * gateway that decodes the path first reads the same); blanks at its end kept on the line. A parameter's name is kept
 * (`?token=…&tenant=…`, `#access_token=…`, `;key=…`): names are no secret, and they tell the
 * person what the masked value is; a bare value (`?s3cret`, `;s3cret`) or a name not plainly a name
 * (`isParameterName`) is masked whole. The path is otherwise shown: it is what tells a person which
 * value they wrote.
 */
function maskedTail(rest: string, names: Names): string {
  const kept = rest.trimEnd();
  const query = kept.search(/[?#]/);
  const path = query === -1 ? kept : kept.slice(0, query);
  const after = query === -1 ? "" : kept.slice(query);
  return path.replace(/(;|%3B)([^/\\]+)/gi, (_, mark: string, body: string) => mark + maskedParameters(body, /;|%3B/i, names)) + after.replace(/([?#])([^#]+)/g, (_, mark: string, body: string) => mark + maskedParameters(body, /&/, names)) + rest.slice(kept.length);
}

/** `body`'s parameters, split by `separator` (kept as written), each as `name=…` when its name is one (`isParameterName`), else `…`; all `…` when `names` are masked. */
function maskedParameters(body: string, separator: RegExp, names: Names): string {
  if (names === "masked") return "…";
  return body
    .split(new RegExp(`(${separator.source})`, separator.flags))
    .map((parameter, index) => {
      // Odd places hold the separators as written (`;`, `%3B`).
      if (index % 2 === 1) return parameter;
      const equals = parameter.indexOf("=");
      return equals !== -1 && isParameterName(parameter.slice(0, equals)) ? `${parameter.slice(0, equals)}=…` : "…";
    })
    .join("");
}

/**
 * The first character of `url`'s host that no host a Worker can reach holds, or undefined. Such a
 * host, as the URL parser leaves it (lower case, punycode), is a DNS name's letters, digits,
 * dashes, dots and underscores, or an IP address (IPv6 in brackets); the parser also takes `;`,
 * `=`, `!`, `$`, `&`, `'`, `(`, `)`, `*`, `+`, `,` and `~` in a host (`https://ingest.acme.io;key=pw9`
 * has the host `ingest.acme.io;key=pw9`), which no DNS name holds. Undefined for a URL with no host.
 */
export function strayHostCharacter(url: URL): string | undefined {
  return url.hostname === "" || HOST_NAME.test(url.hostname) ? undefined : /[^a-z0-9_.-]/.exec(url.hostname)![0];
}

const HOST_NAME = /^(?:[a-z0-9_.-]+|\[[0-9a-f:.]+\])$/;

/** What a URL's host holding `stray` (`strayHostCharacter`) is told, after "its host", by `--ingest-url` and the endpoint vars' rule alike. */
export function hostHolds(stray: string): string {
  return `holds ${JSON.stringify(stray)}, which no host a Worker can reach holds (a host name is letters, digits, dots and dashes, and the URL parser reads all of it up to the first "/" as the host)`;
}

/**
 * Whether `url`'s path holds a `;` written percent-encoded (`/otel%3Bkey=…`, any case). By RFC 3986
 * §3.3 that is data, not a delimiter, and the URL parser keeps it in the path; but a gateway that
 * decodes the path before reading it reads what follows as path parameters, and vars are plain text.
 */
export function holdsEncodedSemicolon(url: URL): boolean {
  return /%3B/i.test(url.pathname);
}

/** How a finding or refusal names what `holdsEncodedSemicolon` finds. */
export const ENCODED_SEMICOLON = "a percent-encoded ';' (%3B) in the path";

/** `pathname` without its path parameters, each up to the next `/`, a `;` percent-encoded too: `/otel;key=x/v1`, `/otel%3Bkey=x/v1` → `/otel/v1`. */
export function withoutPathParameters(pathname: string): string {
  return pathname.replace(/(?:;|%3B)[^/]*/gi, "");
}

/** Why a URL in vars must not hold path parameters (`/otel;key=…`), as `--ingest-url` and the endpoint vars' rule say it. */
export const PATH_PARAMETERS_EXPOSED = "vars are plain text, and a credential belongs in the DECO_OTEL_TOKEN secret";

/**
 * `url`'s query and fragment as its `href` writes them (`?tenant=a`, `#x`, an empty `?` or `#`),
 * or undefined when it has neither. An empty one counts: `URL.search` and `URL.hash` are `""` for
 * it, but a base ending in `?` would still be written into vars (`…/otel?/v1/logs`), and a var
 * ending in `/v1/logs?` or `#` is not the endpoint as written. (The parser percent-encodes a `?`
 * or `#` anywhere before them, so the first one in `href` starts them.)
 */
export function queryAndFragment(url: URL): string | undefined {
  const start = url.href.search(/[?#]/);
  return start === -1 ? undefined : url.href.slice(start);
}

/** Where a placeholder's `account` goes: the subdomain every Worker of the account is under. */
const ACCOUNT_HINT = "put your Cloudflare account's workers.dev subdomain in its place (the dashboard's Workers & Pages overview shows it)";

/**
 * The words a tutorial writes for the account or a host of yours: the account or its subdomain
 * (`account`, `subdomain`, `workers-subdomain`, `domain`), with `id`, `name` or `here` after them
 * (`ACCOUNT_ID`, `your-account-name`, `YOUR_SUBDOMAIN_HERE`), in any case and with `-`, `_` or
 * nothing between the words.
 */
const ACCOUNT_WORDS = "(workers?[-_]?)?(account|subdomain|domain)";
const ACCOUNT_SUFFIX = "([-_]?(id|name|here))";

/** A whole label saying "put yours here" by its `your`: `your-account`, `YourAccount`, `your_subdomain`, `your-account-id`. */
const YOUR_LABEL = new RegExp(`^your[-_]?${ACCOUNT_WORDS}${ACCOUNT_SUFFIX}?$`, "i");

/**
 * A whole label that is a token for the account: the words with a suffix (`ACCOUNT_ID`,
 * `account_id`, `SUBDOMAIN_HERE`). It is a placeholder only written in upper case or with a `_`,
 * which no real host name has; `accountid.workers.dev` may be someone's account.
 */
const TOKEN_LABEL = new RegExp(`^${ACCOUNT_WORDS}${ACCOUNT_SUFFIX}$`, "i");

/** A bracketed placeholder's inner text that stands for the account (`<account>`, `{ACCOUNT_ID}`, `<your-subdomain>`). */
const ACCOUNT_PLACEHOLDER = new RegExp(`^(your[-_]?)?${ACCOUNT_WORDS}${ACCOUNT_SUFFIX}?$`, "i");

/**
 * Why a host is reserved and never any Worker's, or undefined: names that never resolve publicly
 * (`.invalid`, `.test`, RFC 2606 and 6761) and the documentation names (`example.com`,
 * `example.org`, `example.net` and `*.example`, RFC 2606). (`.localhost` is a local address:
 * `unreachableAddress`.)
 */
function reservedHost(host: string): string | undefined {
  const name = host.replace(/\.$/, "");
  const tld = /\.(invalid|test)$/.exec(name)?.[1];
  if (tld !== undefined || name === "invalid" || name === "test") return `.${tld ?? name} names never resolve`;
  if (/(^|\.)example(\.(com|org|net))?$/.test(name)) return "example names are kept for documentation, never an account's host";
  return undefined;
}

/**
 * The host of a URL as written (its case kept), the user info and port left out: a placeholder
 * label is quoted as the person wrote it (`YOUR_SUBDOMAIN_HERE`), not as the parser lower-cases it.
 */
function writtenHost(text: string): string {
  return writtenAuthority(text).replace(/:\d*$/, "");
}

/**
 * The origin of a URL as written: its scheme and slashes, host and port as the person typed them
 * (`https://[::ffff:10.0.0.1]:4318`, `https://Ingest.ACME.io`, not the parser's `[::ffff:a00:1]` or
 * lower case), the user info left out, so a finding naming origins names what the file holds.
 */
export function writtenOrigin(text: string): string {
  const trimmed = text.trim();
  return trimmed.slice(0, URL_PREFIX.exec(trimmed)![0].length) + writtenAuthority(trimmed);
}

/** The host and port of a URL as written (`[::ffff:10.0.0.1]:4318`, not the parser's `[::ffff:a00:1]`), the user info left out. */
export function writtenAuthority(text: string): string {
  const trimmed = text.trim();
  const authority = trimmed.slice(URL_PREFIX.exec(trimmed)![0].length).split(/[/\\?#]/)[0]!;
  return authority.slice(authority.lastIndexOf("@") + 1);
}

/**
 * How many labels at the end of a host are a public suffix, roughly: `workers.dev` (where the
 * label before it is an account's subdomain), a country's second level (`com.br`, `co.uk`), or
 * the top-level label.
 */
function suffixLabels(labels: string[]): number {
  const [second, top] = labels.slice(-2);
  if (second === "workers" && top === "dev") return 2;
  return /^[a-z]{2}$/.test(top ?? "") && /^(com|net|org|co|gov|edu|ac|or|ne|go)$/.test(second ?? "") && labels.length > 2 ? 2 : 1;
}

/**
 * The placeholder label of a host (the parser's form, `written` as the person wrote it), quoted as
 * written, or `example` for workers.dev's `example` account, or undefined. Only subdomain labels
 * and a workers.dev account count: the label before a public suffix (`accountname.io`,
 * `your-domain.shop`) is someone's registered name, whatever its words.
 */
function placeholderLabel(host: string, written: string): string | undefined {
  const labels = host.replace(/\.$/, "").split(".");
  const writtenLabels = written.replace(/\.$/, "").split(".");
  const asWritten = (index: number) => (writtenLabels.length === labels.length ? writtenLabels[index]! : labels[index]!);
  const workersDev = labels.slice(-2).join(".") === "workers.dev";
  const checked = labels.slice(0, labels.length - suffixLabels(labels) - (workersDev ? 0 : 1));
  const found = checked.findIndex((label, index) => isPlaceholderLabel(label, asWritten(index)));
  if (found !== -1) return asWritten(found);
  return /(^|\.)example\.workers\.dev\.?$/.test(host) ? "example" : undefined;
}

/** Whether a label says "put yours here": `your` before the words, or a token written in upper case or with `_` (`TOKEN_LABEL`). */
function isPlaceholderLabel(label: string, written: string): boolean {
  return YOUR_LABEL.test(label) || (TOKEN_LABEL.test(label) && (label.includes("_") || written === written.toUpperCase()));
}

/**
 * Why an ingest URL as written cannot be what a Worker sends to, or undefined: a `${…}` template
 * (wrangler puts vars into the Worker as written and expands nothing, so the Worker would send to
 * `https://${INGEST}/…` literally), a `<…>` or `{…}` placeholder copied from docs
 * (`https://deco-otel-ingest.<account>.workers.dev`), a reserved host (`reservedHost`: `.invalid`,
 * `.test`, `example.com`; the README's `deco-otel-ingest.example.invalid`), a subdomain or
 * workers.dev account label of the parsed host that says "put yours here" (`placeholderLabel`:
 * `YOUR_ACCOUNT`, `ACCOUNT_ID`, `your-subdomain`) or the account `example` of workers.dev, and a blank in a value that is a URL without it (`" https://…"`: the URL parser
 * drops one before or after it, so it reads as valid, but the var holds it and a sender that joins
 * it to `/v1/logs` as text does not; a value that is no URL at all, `TODO set me`, is left to the
 * caller to call "not a URL"). The audit flags
 * such an endpoint var, never proposes it, and `--ingest-url` refuses it.
 */
export function placeholderFault(text: string): string | undefined {
  const template = /\$\{[^}]*\}/.exec(text)?.[0];
  if (template !== undefined) return `holds ${template}, a template: wrangler does not expand \${…} in vars, so it would be sent to as written; write the URL itself`;
  const placeholder = /<[^<>]*>|\{[^{}]*\}/.exec(text)?.[0];
  if (placeholder !== undefined) return `holds the placeholder ${placeholder}: ${/\.workers\.dev([/\\:?#]|$)/i.test(text.trim()) && ACCOUNT_PLACEHOLDER.test(placeholder.slice(1, -1)) ? ACCOUNT_HINT : "put the real value in its place"}`;
  if (/\s/.test(text) && URL.parse(text.trim()) !== null) return `holds a blank ${/^\s|\s$/.test(text) ? "before or after the URL" : "inside it"}: wrangler keeps it in the value as written; write the URL without it`;
  const host = URL.parse(text)?.hostname;
  if (host === undefined) return undefined;
  const written = writtenHost(text);
  const word = placeholderLabel(host, written);
  if (word !== undefined && host.replace(/\.$/, "").endsWith(".workers.dev")) return `is on ${written}, a placeholder host ("${word}" is no account's name): ${ACCOUNT_HINT}, or give your own host`;
  if (word !== undefined) return `is on ${written}, a placeholder host ("${word}" stands for a name of yours): put ${INGEST_URL_MEANING} in its place`;
  const reserved = reservedHost(host);
  if (reserved !== undefined) return `is on ${written}, a placeholder host (${reserved}): put ${INGEST_URL_MEANING} in its place`;
  return undefined;
}

/**
 * The ingest base of an endpoint var's value that may be proposed as the ingest URL: its origin
 * and the path before `/v1/<signal>` (`https://gw.acme.dev/otel` for `https://gw.acme.dev/otel/v1/logs`,
 * as `--fix --ingest-url https://gw.acme.dev/otel` writes it back); undefined for a value the rule
 * refuses (not https, another path, a query or fragment, an empty one too, a placeholder or template), for one whose
 * base holds what the masking hides (`maskedUrl`: path parameters, `/otel;key=…/v1/logs`), and for a
 * host a deployed Worker cannot reach (`unreachableAddress`: `https://127.0.0.1:4318`, a local
 * collector). Blanks before or after the value are left out first: the rule flags them, but the
 * URL they surround is clear (`"https://i.acme.io/v1/logs\n"`, a heredoc's line break), so its
 * base is still proposed, and `--fix` with it rewrites the var without them.
 */
export function endpointBase(text: string, path: string): string | undefined {
  const trimmed = text.trim();
  const url = URL.parse(trimmed);
  if (url === null || url.protocol !== "https:" || unreachableAddress(url) !== undefined || !url.pathname.endsWith(path) || queryAndFragment(url) !== undefined || placeholderFault(trimmed) !== undefined) return undefined;
  const base = url.origin + url.pathname.slice(0, -path.length);
  // A base holding what the masking hides (path parameters, `/otel;key=…`) would be printed and written into vars.
  return maskedUrl(base) === base ? base : undefined;
}

/**
 * The ingest base the file's endpoint vars already use (top level and every `env.<name>`): the
 * one base (`endpointBase`: origin and any path before `/v1/<signal>`, so a gateway's
 * `https://gw.acme.dev/otel` keeps its `/otel`) of every `DECO_OTEL_*_ENDPOINT` the rule accepts.
 * The advice proposes it rather than a placeholder, so its steps keep a working value as it is
 * and `--fix --ingest-url <base>` leaves it alone. Undefined when the file names none, or more
 * than one: a var the rule refuses counts by its host, so `http://ingest…` beside
 * `https://other…` proposes neither (which is meant is the person's to say).
 */
export function fileIngestBase(document: ConfigDocument): string | undefined {
  const env = entryOf(document.root, "env")?.value;
  const environments = env?.kind === "object" ? [...env.entries.values()].map((entry) => entry.value) : [];
  const bases = new Set<string>();
  const hosts = new Set<string>();
  for (const scope of [document.root, ...environments]) {
    const vars = entryOf(scope, "vars")?.value;
    for (const { name, path } of ENDPOINT_VARS) {
      const text = stringAt(vars, name) ?? "";
      const url = URL.parse(text);
      if (url !== null) hosts.add(url.host);
      const base = endpointBase(text, path);
      if (base !== undefined) bases.add(base);
    }
  }
  return bases.size === 1 && hosts.size === 1 ? [...bases][0] : undefined;
}
