/**
 * The W3C Trace Context `traceparent` value (Trace Context level 1, §3.2), read the same way from a
 * request header by the tail Worker and from a log line by the ingest's lifting.
 */

/** A `traceparent`'s ids as written (lower-case hex) and its trace-flags byte. */
export interface Traceparent {
  /** 32 lower-case hex digits, not all zero. */
  traceId: string;
  /** 16 lower-case hex digits, not all zero. */
  spanId: string;
  /** The trace-flags, 0–255 (bit 0 is "sampled"). */
  flags: number;
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
const ALL_ZERO = /^0+$/;

/**
 * Parses `version-traceid-parentid-flags` (`00-<32 hex>-<16 hex>-<2 hex>`), or undefined when the
 * value is invalid by §3.2: hex in upper case, version `ff`, an all-zero id, or anything after the
 * flags in version 00. A later version's value is read by its first four fields when what follows
 * starts with `-` (§3.2.4, "Versioning of traceparent"). The caller trims the header's blanks.
 */
export function parseTraceparent(value: string): Traceparent | undefined {
  const parts = TRACEPARENT.exec(value);
  if (parts === null) return undefined;
  const [, version, traceId, spanId, flags, rest] = parts as unknown as [string, string, string, string, string, string | undefined];
  if (version === "ff" || (version === "00" && rest !== undefined)) return undefined;
  if (ALL_ZERO.test(traceId) || ALL_ZERO.test(spanId)) return undefined;
  return { traceId, spanId, flags: parseInt(flags, 16) };
}
