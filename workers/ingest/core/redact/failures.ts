/**
 * Containment of a fault in redaction (docs/decisions.md, 2026-12-02, "a text whose redaction
 * throws is replaced, not the request refused"): a detector's or a key rule's exception on one
 * text replaces that text by a marker of this kind and is counted; the rest of the request is
 * redacted and stored as usual. The text is never stored unredacted, and no part of it reaches
 * the answer or the log: an exception's message may quote its input (`new URL` does, JSON.parse
 * does), so only its name and the code position it was thrown at are kept.
 */
import { exceptionFrame, exceptionName } from "../../../shared/exception-description";

/** The kind of the marker replacing a text whose redaction threw: `[REDACTED:redaction_failed]`. */
export const REDACTION_FAILED_KIND = "redaction_failed";

/**
 * An exception thrown by one detector's search or check (TextScanner), with the detector's kind,
 * so that the log names which detector is at fault. `fault` is what the detector threw.
 */
export class DetectorFault extends Error {
  constructor(
    readonly detector: string,
    readonly fault: unknown,
  ) {
    super(`the ${detector} detector threw`);
    this.name = "DetectorFault";
  }
}

/** One text whose redaction threw, named without any of its characters. */
export interface RedactionFailure {
  /** Where in the request: the part (`log record attributes`, `span name`) and the key path, if any. */
  place: string;
  /** The kind of the detector that threw (`phone`), or "" when it was no detector (a key rule, the JSON walk). */
  detector: string;
  /** The exception's name (`TypeError`), never its message. */
  error: string;
  /** The first frame of the exception's stack (`at accept (…/text-scanner.ts:262:31)`), "" when it has none. */
  at: string;
}

/** The texts of a request whose redaction threw: how many, and the first. */
export interface RedactionFailures {
  count: number;
  first: RedactionFailure;
}

/** What `error`, thrown while redacting the text at `place`, says without quoting the text. */
export function redactionFailure(place: string, error: unknown): RedactionFailure {
  const detector = error instanceof DetectorFault ? error.detector : "";
  const thrown = error instanceof DetectorFault ? error.fault : error;
  return { place, detector, error: exceptionName(thrown), at: exceptionFrame(thrown) };
}

/**
 * The answer's warning for `failures` (a partial success with every record accepted: OTLP's
 * warning): how many texts were replaced and where the first was, so the sender knows its
 * records were stored with those texts hidden.
 */
export function redactionFailureWarning(failures: RedactionFailures): string {
  const texts = failures.count === 1 ? "1 text was" : `${failures.count} texts were`;
  const detector = failures.first.detector === "" ? "" : `, the ${failures.first.detector} detector`;
  return (
    `${texts} stored as [REDACTED:${REDACTION_FAILED_KIND}]: redacting them failed (first in ${failures.first.place}${detector}; ` +
    "a fault of this endpoint, reported in its log), so they were hidden whole; the rest of each record is stored"
  );
}
