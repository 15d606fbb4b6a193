import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

/**
 * A short keyed hash of a value: the first 64 bits of HMAC-SHA256, in hex. Rows can still be
 * grouped and joined per user, but without the secret the ids cannot be recovered by hashing
 * every candidate id. 64 bits keep collisions unlikely below billions of distinct values.
 * Synchronous on purpose: WebCrypto's HMAC is async, and redaction runs in a synchronous walk.
 */
export function createKeyedHasher(secret: string): (value: string) => string {
  // The key's inner and outer states are computed once (RFC 2104's padded key blocks): each
  // value then costs the compressions of its own bytes and of the outer digest, not the key's.
  const keyed = hmac.create(sha256, utf8ToBytes(secret));
  return (value) => bytesToHex(keyed.clone().update(utf8ToBytes(value)).digest().subarray(0, 8));
}
