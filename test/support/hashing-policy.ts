import { parseRedactionPolicy, type RedactionPolicy } from "../../workers/ingest/core/redact";
import { createKeyedHasher } from "../../workers/ingest/core/redact/keyed-hash";

/** The hash key of the tests' policies, and the keyed hash it gives a value. */
export const HASH_SECRET = "0123456789abcdef0123";
export const hash = createKeyedHasher(HASH_SECRET);

/** A redaction policy hashing `user.id` with HASH_SECRET, with `input`'s settings on top. */
export function hashingPolicy(input: object = {}): RedactionPolicy {
  const parsed = parseRedactionPolicy({ hashKeys: ["user.id"], hashSecret: HASH_SECRET, ...input });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.policy;
}
