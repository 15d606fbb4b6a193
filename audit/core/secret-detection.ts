import { DEFAULT_REDACTION_POLICY, redactString } from "../../workers/ingest/core/redact";
import { describesSecretSetting } from "../../workers/ingest/core/redact/secret-names";
import { findKnownToken } from "../../workers/ingest/core/redact/token-formats";

/**
 * Whether a var looks like a credential. Vars are plain text in the wrangler file, the
 * repository and the dashboard; anything that authenticates must be a secret
 * (`wrangler secret put`). Judged by the name and by the value, so a token under an innocent
 * name is caught too; plain settings (URLs without credentials, words, numbers, hex ids) are not.
 *
 * @returns why it looks like one, or `undefined`.
 */
export function secretReason(name: string, value: string): string | undefined {
  if (value.length === 0) return undefined;
  const url = URL.parse(value);
  if (url !== null && /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    if (url.password !== "") return "its value is a URL with a password";
    const param = [...url.searchParams.keys()].find((key) => SECRET_PARAM.test(key));
    return param === undefined ? undefined : `its value is a URL carrying "${param}"`;
  }
  const header = credentialHeader(value);
  if (header !== undefined) return `its header list sets "${header.name}", where ${header.reason}`;
  if (/^(bearer|basic)\s+\S{8,}$/i.test(value)) return "its value is an Authorization header";
  if (/^eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]*$/.test(value)) return "its value is a JWT";
  if (findKnownToken(value) !== undefined) return "its value has a known token prefix";
  if (secretName(name) && /^\S{8,}$/.test(value) && !/^(true|false|\d+(\.\d+)?)$/i.test(value)) {
    return "its name says it is a credential";
  }
  if (looksRandom(value)) return "its value looks like a random key";
  const held = credentialsIn(value);
  if (held.length > 0) return `its value holds ${held.join(", ")} (as the ingest Worker's redaction reads it)`;
  return undefined;
}

/**
 * Kinds of the ingest Worker's redaction that are credentials: what it would hide in this
 * value anywhere in it (`Authorization: Bearer …`, `-Dapp.password=…`, `Server=…;Password=…`),
 * where the checks above read the value as a whole.
 */
const CREDENTIAL_KINDS: ReadonlySet<string> = new Set(["bearer", "basic", "jwt", "url_credentials", "secret_param", "known_token"]);

function credentialsIn(value: string): string[] {
  return Object.keys(redactString(value, DEFAULT_REDACTION_POLICY).counts).filter((kind) => CREDENTIAL_KINDS.has(kind));
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
    const reason = secretReason(name, headerValue);
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

const CREDENTIAL_WORDS = new Set(["TOKEN", "SECRET", "PASSWORD", "PASSWD", "APIKEY", "CREDENTIAL", "CREDENTIALS", "PRIVATEKEY"]);
const CREDENTIAL_PAIRS = new Set(["API_KEY", "PRIVATE_KEY", "ACCESS_KEY", "SIGNING_KEY", "AUTH_KEY"]);

/**
 * Whether a var's name says it holds a credential: it names one (`*_TOKEN`, `*_SECRET`,
 * `*_API_KEY`, `clientSecret`), unless, as the ingest Worker's redaction reads names of
 * settings, it describes one rather than holds it (`TOKEN_URL`, `PASSWORD_MIN_LENGTH`,
 * `SECRET_ROTATION_DAYS`, `API_KEY_ID`, `TOKEN_HEADER`: `describesSecretSetting`).
 */
function secretName(name: string): boolean {
  if (describesSecretSetting(name)) return false;
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase().split(/[^A-Z0-9]+/).filter(Boolean);
  return words.some((word, i) => CREDENTIAL_WORDS.has(word) || CREDENTIAL_PAIRS.has(`${word}_${words[i + 1]}`));
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
