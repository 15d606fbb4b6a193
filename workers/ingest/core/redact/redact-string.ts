import type { RedactionPolicy } from "./policy";
import { RedactionTally } from "./tally";

export interface RedactedString {
  text: string;
  /** Items redacted, by kind; empty when the text came back unchanged. */
  counts: Record<string, number>;
}

/**
 * Redacts one string with the policy's text detectors (key rules need a key, so they do not
 * apply here). The entry point for tests and benchmarks; the request walker shares one tally
 * across a record instead of allocating a result per string.
 */
export function redactString(text: string, policy: RedactionPolicy): RedactedString {
  const tally = new RedactionTally();
  const redacted =
    policy.enabled && policy.scanner !== undefined ? policy.scanner.redact(text, tally) : text;
  return { text: redacted, counts: tally.toRecord() };
}
