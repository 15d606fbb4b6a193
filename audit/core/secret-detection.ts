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
  if (/^(bearer|basic)\s+\S{8,}$/i.test(value)) return "its value is an Authorization header";
  if (/^eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]*$/.test(value)) return "its value is a JWT";
  if (KNOWN_PREFIX.test(value)) return "its value has a known token prefix";
  if (secretName(name) && /^\S{8,}$/.test(value) && !/^(true|false|\d+(\.\d+)?)$/i.test(value)) {
    return "its name says it is a credential";
  }
  if (looksRandom(value)) return "its value looks like a random key";
  return undefined;
}

const SECRET_PARAM = /^(token|access_token|api_?key|key|secret|password|sig|signature|auth)$/i;

/** Prefixes of widely used tokens (GitHub, GitLab, Slack, Stripe/OpenAI-style, AWS, Cloudflare API v4 user tokens are opaque). */
const KNOWN_PREFIX = /^(ghp_|gho_|ghu_|ghs_|ghr_|github_pat_|glpat-|xox[abposr]-|sk_live_|sk_test_|rk_live_|sk-[A-Za-z0-9]|AKIA[0-9A-Z]{16}$)/;

const CREDENTIAL_WORDS = new Set(["TOKEN", "SECRET", "PASSWORD", "PASSWD", "APIKEY", "CREDENTIAL", "CREDENTIALS", "PRIVATEKEY"]);
const CREDENTIAL_PAIRS = new Set(["API_KEY", "PRIVATE_KEY", "ACCESS_KEY", "SIGNING_KEY", "AUTH_KEY"]);
/** A last word that makes the var describe a credential rather than hold one. */
const DESCRIBING_WORDS = new Set(["URL", "URI", "ENDPOINT", "HEADER", "NAME", "PATH", "FILE", "TTL", "EXPIRY", "EXPIRES", "LENGTH", "ENABLED", "DISABLED", "MODE", "TYPE", "ID"]);

function secretName(name: string): boolean {
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase().split(/[^A-Z0-9]+/).filter(Boolean);
  if (words.length === 0 || DESCRIBING_WORDS.has(words[words.length - 1]!)) return false;
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
