import type { Caller } from "../core/access";
import { HttpError } from "./errors";
import type { IngestToken } from "./tokens";

const encoder = new TextEncoder();

/**
 * Checks `Authorization: Bearer <token>` against every configured token and returns the caller
 * it identifies: the token's name and the services it may write. Throws HttpError 401 for a
 * missing or unknown token.
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
  if (presented === undefined || presented === "") {
    throw new HttpError(401, "missing bearer token: send `Authorization: Bearer <token>`");
  }
  const presentedDigest = await sha256(presented);
  let matched: IngestToken | undefined;
  for (const token of tokens) {
    const equal = timingSafeEqual(presentedDigest, await secretDigestOf(token));
    if (equal) matched = token;
  }
  if (matched === undefined) throw new HttpError(401, "invalid bearer token");
  return { tokenName: matched.name, services: matched.services };
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
