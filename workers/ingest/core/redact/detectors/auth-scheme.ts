import { SCHEMES, redactAuthParameters } from "../credential-headers";
import { MoreEvidence } from "../evidence";
import { standsForSecret } from "../secret-names";
import { findKnownToken } from "../token-formats";
import { caseless, type Detector } from "./detector";
import { SECRET_PARAM_KIND } from "./secret-parameter";

/**
 * The schemes read here, in the regex's spelling: every known scheme (`SCHEMES`) but `Bearer` and
 * `Basic`, whose own detectors read them anywhere in text.
 */
const SCHEME_WORDS = SCHEMES.filter((scheme) => scheme !== "bearer" && scheme !== "basic")
  .map(caseless)
  .join("|");

/** A scheme word as a word, then blanks (RFC 9110 §11.4: `credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ]`). */
const SCHEME = `(?:${SCHEME_WORDS})[ \\t]+`;

/**
 * Where an `Authorization` header's value stands without the header's name, and the value's
 * extent there:
 * - the whole of a string in double quotes, its inner quotes escaped (nginx's `"$http_authorization"`,
 *   Envoy's `"%REQ(AUTHORIZATION)%"`, a JSON member under any name: `{"authz":"Token …"}`);
 * - the whole of a string in single quotes (a Python dict's `'Token …'`);
 * - the whole text (an attribute's value: `auth_header` = `SSWS …`);
 * - one token68 after a name's `=` or `:` (logfmt's `authz=Token …`); a scheme's word starts with
 *   no blank, asked before the lookbehind so that a blank run after `=` is not read back from
 *   each of its blanks (quadratic in the run).
 */
const QUOTED = `(?<=(?:^|[^\\\\])")${SCHEME}(?:[^"\\\\\\n]|\\\\.)+(?=")`;
const SINGLE_QUOTED = `(?<=(?:^|[^\\\\])')${SCHEME}[^'\\n]+(?=')`;
const WHOLE_TEXT = `^${SCHEME}[^\\n]+$`;
const AFTER_NAME = `(?=\\S)(?<=[\\w\\]-][ \\t]*[=:][ \\t]*)${SCHEME}${"[A-Za-z0-9._~+/:-]+=*"}(?=[\\s,;&]|$)`;

/**
 * Credentials that are one token (RFC 9110 §11.2's token68), or an account and its signature
 * (Azure's `SharedKey account:signature`, AWS's v2 `AWS AKIA…:signature`), perhaps padded.
 */
const TOKEN = /^[A-Za-z0-9._~+/-]+(?::[A-Za-z0-9._~+/-]+)?=*$/;
/** The fewest characters a token read here has: a word and a short number in prose (`Token 42`, `Bot 7`) are no credentials. */
const TOKEN_LENGTH = 16;

/**
 * An HTTP `Authorization` value of a scheme other than Bearer and Basic, printed without the
 * header's name (`SCHEMES`: `Token …`, Discord's `Bot …`, Okta's `SSWS …`, Splunk's `Splunk
 * <uuid>`, Opsgenie's `GenieKey …`, `Negotiate`/`NTLM` blobs, Azure's `SharedKey account:sig`,
 * `Digest username="…", response="…"`, `OAuth oauth_signature="…"`, `GoogleLogin auth=…`) where
 * a header's value stands (`QUOTED`, `SINGLE_QUOTED`, `WHOLE_TEXT`, `AFTER_NAME`). The scheme
 * word stays, as under the header's name:
 * - a token (`TOKEN`) of 16 characters or more holding a letter and a digit is replaced whole:
 *   `"Token [REDACTED:secret_param]"`; a JWT or a known token's format is left to its detector;
 * - parameters keep their names and the public ones' values (`realm`, `uri`, `nc`, OAuth's
 *   timestamp: credential-headers.ts) and lose each other value, when one holds a digit.
 * Prose around a scheme's word stays: `Token expired`, `"Bot detected"`, `token 42 of 100`, a
 * quoted sentence that goes on past a token (`"Token 4f…e1 revoked"`). Counted as
 * `secret_param`, as the same value under the header's name is.
 */
export const authSchemeDetector: Detector = {
  kind: SECRET_PARAM_KIND,
  source: `${QUOTED}|${SINGLE_QUOTED}|${WHOLE_TEXT}|${AFTER_NAME}`,
  evidence: 0,
  moreEvidence: MoreEvidence.AUTH_SCHEME,
  rewrite: (match, marker, text, start) => {
    const scheme = /^\S+[ \t]+/.exec(match)![0];
    const written = match.slice(scheme.length).trimEnd();
    const trailing = match.slice(scheme.length + written.length);
    if (TOKEN.test(written)) return isTokenShaped(written) ? `${scheme}${marker}${trailing}` : undefined;
    // Parameters' quotes are escaped inside a double-quoted string (`"Digest username=\"ana\", …"`).
    const escaped = text.charAt(start - 1) === '"' && written.includes('\\"');
    const credentials = escaped ? written.replaceAll('\\"', '"') : written;
    if (!/\d/.test(credentials) || standsForSecret(credentials)) return undefined;
    const redacted = redactAuthParameters(credentials, () => marker);
    if (redacted === undefined || redacted === credentials) return undefined;
    return `${scheme}${escaped ? redacted.replaceAll('"', '\\"') : redacted}${trailing}`;
  },
};

/**
 * Whether a token after a scheme's word is one this detector names: 16 characters or more, a
 * letter and a digit among them, and no JWT or known token's format, whose own detectors name it
 * more precisely (`token eyJ…` is a `jwt`, `Token ghp_…` a `known_token`).
 */
function isTokenShaped(token: string): boolean {
  return token.length >= TOKEN_LENGTH && /\d/.test(token) && /[A-Za-z]/.test(token) && !token.startsWith("eyJ") && findKnownToken(token) === undefined && !standsForSecret(token);
}
