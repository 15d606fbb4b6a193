import type { Caller } from "../core/access";
import { UnauthorizedError } from "./errors";
import type { IngestToken } from "./tokens";

const encoder = new TextEncoder();

/**
 * Checks `Authorization: Bearer <token>` (RFC 6750 §2.1; the scheme is case-insensitive, RFC 9110
 * §11.1) against every configured token and returns the caller it identifies: the token's name
 * and the services it may write. Throws an UnauthorizedError (401 with its `WWW-Authenticate`
 * challenge) for a missing or unknown token; when a
 * header was sent but holds no bearer token, the message says what it holds instead
 * (`noBearerTokenMessage`), never the credential itself.
 *
 * Both sides are hashed first so the comparison always runs over 32 bytes (a length mismatch
 * would otherwise leak through timing), and every token is compared without an early exit so
 * the time taken does not tell which token, if any, came close. Several tokens are allowed so a
 * key can be rotated (add the new one, move producers over, remove the old one) and so each
 * site can hold its own.
 */
export async function authenticateBearer(
  authorization: string | null,
  tokens: readonly IngestToken[],
): Promise<Caller> {
  const presented = /^Bearer\s+(.+)$/i.exec(authorization?.trim() ?? "")?.[1]?.trim();
  if (presented === undefined || presented === "") throw new UnauthorizedError(noBearerTokenMessage(authorization), "Bearer");
  const presentedDigest = await sha256(presented);
  let matched: IngestToken | undefined;
  for (const token of tokens) {
    const equal = timingSafeEqual(presentedDigest, await secretDigestOf(token));
    if (equal) matched = token;
  }
  if (matched === undefined) throw new UnauthorizedError("invalid bearer token", 'Bearer error="invalid_token"');
  return { tokenName: matched.name, services: matched.services };
}

const SEND_BEARER = "send `Authorization: Bearer <token>`";

/**
 * Authentication schemes named in a refusal: the IANA HTTP Authentication Scheme Registry's, and
 * those common clients send unregistered (AWS Signature V4, NTLM, `Token`, `ApiKey`), in their
 * usual spelling. A first word not listed is not repeated: it may be the credential itself.
 */
const KNOWN_SCHEMES = new Map(
  [
    "Basic", "Concealed", "Digest", "DPoP", "GNAP", "HOBA", "Mutual", "Negotiate", "OAuth",
    "PrivateToken", "SCRAM-SHA-1", "SCRAM-SHA-256", "vapid", "AWS4-HMAC-SHA256", "NTLM", "Token", "ApiKey",
  ].map((scheme) => [scheme.toLowerCase(), scheme]),
);

/**
 * Why an `Authorization` value (or its absence) holds no bearer token, for a 401: nothing sent,
 * `Bearer` with no token, `Bearer:` glued to it, another scheme (named when `KNOWN_SCHEMES` has
 * it), or one word with no scheme (a token sent bare). The credential is never repeated.
 */
function noBearerTokenMessage(authorization: string | null): string {
  const value = authorization?.trim() ?? "";
  if (value === "") return `missing bearer token: ${SEND_BEARER}`;
  if (/^bearer$/i.test(value)) return `empty bearer token: the Authorization header holds the Bearer scheme and no token; ${SEND_BEARER}`;
  if (/^bearer[:=]/i.test(value)) {
    return `the Authorization header joins the Bearer scheme to the token with "${value[6]}"; the scheme and the token are separated by a space: ${SEND_BEARER}`;
  }
  const [scheme, ...rest] = value.split(/\s+/);
  if (rest.length === 0) return `no authentication scheme: the Authorization header holds one word (a token without "Bearer "?); ${SEND_BEARER}`;
  const known = KNOWN_SCHEMES.get(scheme!.toLowerCase());
  const which = known === undefined ? "a scheme other than Bearer (not repeated here, in case it is part of the credential)" : `the ${known} scheme`;
  return `no bearer token: the Authorization header uses ${which}; the ingest takes only Bearer tokens: ${SEND_BEARER}`;
}

/**
 * Each configured token's SHA-256, computed on its first use. The tokens come from the
 * configuration parsed once per isolate, so a request hashes only the token it presents. The
 * comparison still runs over every token: whether a digest was cached says nothing about
 * the presented token.
 */
const secretDigests = new WeakMap<IngestToken, Promise<Uint8Array>>();

function secretDigestOf(token: IngestToken): Promise<Uint8Array> {
  let digest = secretDigests.get(token);
  if (digest === undefined) {
    digest = sha256(token.secret);
    secretDigests.set(token, digest);
  }
  return digest;
}

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
}

function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  // workerd provides crypto.subtle.timingSafeEqual; Node does not, hence the fallback.
  const subtle = crypto.subtle as SubtleCrypto & {
    timingSafeEqual?: (a: ArrayBufferView, b: ArrayBufferView) => boolean;
  };
  if (typeof subtle.timingSafeEqual === "function") return subtle.timingSafeEqual(a, b);
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}
