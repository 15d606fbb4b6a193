import type { RedactionPolicy } from "./policy";
import { redactLogBody } from "./redact-request";
import { RedactionTally } from "./tally";

export interface RedactedString {
  text: string;
  /** Items redacted, by kind; empty when the text came back unchanged. */
  counts: Record<string, number>;
}

/**
 * Redacts one string as `redactRequest` redacts a log record's body holding it (`redactLogBody`):
 * the same text and the same counts by kind, whatever the text holds. The policy's key rules read
 * the members of the JSON and printed structures in it (`{"password":…}`, an EDN map's `:password`,
 * var_dump's `["password"]=>`), then the text detectors scan it; a text whose redaction throws
 * is the `redaction_failed` marker, counted so. What a request says beyond a body's text is not
 * asked: an attribute's key (its rule, its `Place`, a server's address under `server.address`)
 * and a span's name (where an address names the server reached) may give that value another
 * answer on purpose. The entry point for tests, benchmarks and the audit's secret detection.
 */
export function redactString(text: string, policy: RedactionPolicy): RedactedString {
  const tally = new RedactionTally();
  const redacted = redactLogBody(text, policy, tally);
  return { text: redacted, counts: tally.toRecord() };
}
