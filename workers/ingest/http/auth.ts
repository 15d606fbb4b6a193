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
    const equal = timingSafeEqual(presentedDigest, await sha256(token.secret));
    if (equal) matched = token;
  }
  if (matched === undefined) throw new HttpError(401, "invalid bearer token");
  return { tokenName: matched.name, services: matched.services };
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
