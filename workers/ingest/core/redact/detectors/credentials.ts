import { Evidence } from "../evidence";
import { standsForSecret } from "../secret-names";
import type { Detector } from "./detector";
import { sentenceEndLength, valueEnd } from "./sentence-end";

/**
 * Credentials as they appear in headers and connection strings. Each rewrite keeps the part
 * that says what was there (the scheme word, the URL scheme) and replaces only the secret.
 */

const TOKEN_CHARS = "[A-Za-z0-9._~+/-]";

/**
 * `Bearer <token>`. Prose like "the bearer instrument" must pass, so a token needs a digit or
 * token punctuation, or at least 20 characters. A `)` closing a sentence's `(` after the token stays (`sentenceEndLength`).
 */
export const bearerDetector: Detector = {
  kind: "bearer",
  source: `(?<![\\w-])(?:[Bb]earer|BEARER)[ \\t]+${TOKEN_CHARS}{8,}=*`,
  evidence: Evidence.BEARER,
  rewrite: (match, marker, text, start) => {
    const [scheme, written = ""] = splitScheme(match);
    const token = written.slice(0, written.length - sentenceEndLength(written, valueEnd(text, start, start + match.length)));
    const looksLikeToken = /[\d._~+/=-]/.test(token) || token.length >= 20;
    return looksLikeToken ? { text: `${scheme}${marker}`, kind: "bearer", length: scheme.length + token.length } : undefined;
  },
};

/** `Basic <base64 of user:password>`; the decoded text must hold the colon Basic requires. */
export const basicDetector: Detector = {
  kind: "basic",
  source: "(?<![\\w-])(?:[Bb]asic|BASIC)[ \\t]+[A-Za-z0-9+/]{4,}={0,2}(?![\\w+/=])",
  evidence: Evidence.BASIC,
  rewrite: (match, marker) => {
    const [scheme, encoded = ""] = splitScheme(match);
    return decodesToUserPassword(encoded) ? `${scheme}${marker}` : undefined;
  },
};

/**
 * The `user:password@` of a URL such as `postgres://app:hunter2@db.internal/shop`, also with
 * an empty user (`redis://:hunter2@cache:6379/0`, RFC 3986's userinfo may be `:password`, as
 * Redis clients write a password without an ACL user). The user part cannot start a marker
 * (`[`), so already redacted URLs are not redacted again.
 */
export const urlCredentialsDetector: Detector = {
  kind: "url_credentials",
  source: "(?<![\\w+.-])[A-Za-z][A-Za-z0-9+.-]*://[^\\s/?#@:\\[]*:[^\\s/?#@]+@",
  evidence: Evidence.URL_CREDENTIALS,
  // A template's password (`postgres://app:${PG_PASSWORD}@db`) is configuration, not a secret.
  rewrite: (match, marker) =>
    standsForSecret(match.slice(match.indexOf(":", match.indexOf("://") + 3) + 1, -1))
      ? undefined
      : `${match.slice(0, match.indexOf("://") + 3)}${marker}@`,
};

/** Splits "Bearer   abc" into ["Bearer   ", "abc"]. */
function splitScheme(match: string): [string, string] {
  const tokenStart = match.search(/[ \t][^ \t]/) + 1;
  return [match.slice(0, tokenStart), match.slice(tokenStart)];
}

function decodesToUserPassword(encoded: string): boolean {
  try {
    return atob(encoded).includes(":");
  } catch {
    return false;
  }
}
