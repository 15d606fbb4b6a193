import { HttpError } from "./errors";

const encoder = new TextEncoder();

/**
 * Check `Authorization: Bearer <token>` against every configured token.
 *
 * Both sides are hashed first so the comparison always runs over 32 bytes (a length mismatch
 * would otherwise leak through timing), and every token is compared without an early exit so
 * the time taken does not tell which token, if any, came close. Several tokens are allowed so a
 * key can be rotated: add the new one, move producers over, remove the old one.
 */
export async function requireBearerToken(
  authorization: string | null,
  tokens: readonly string[],
): Promise<void> {
  const presented = /^Bearer\s+(.+)$/i.exec(authorization?.trim() ?? "")?.[1]?.trim();
  if (presented === undefined || presented === "") {
    throw new HttpError(401, "missing bearer token: send `Authorization: Bearer <token>`");
  }
  const presentedDigest = await sha256(presented);
  let matched = false;
  for (const token of tokens) {
    const equal = timingSafeEqual(presentedDigest, await sha256(token));
    matched = matched || equal;
  }
  if (!matched) throw new HttpError(401, "invalid bearer token");
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
