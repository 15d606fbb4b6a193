import type { SenderPlace } from "../../../shared/otlp/sender-place";

/**
 * Counts the items one kind of warning (lostEndWarning, valuelessPointWarning, …) reports in a
 * request and remembers where the first was, as the decoded request names it: the answer names
 * one place and the count, so a request with many such items keeps a short warning.
 */
export class PlaceNotes {
  private count = 0;
  private first = "";

  constructor(private readonly warningOf: (count: number, firstPlace: string) => string) {}

  /** Called for each noted item, at `place` as the decoded request names it. */
  add(place: string): void {
    if (this.count++ === 0) this.first = place;
  }

  /** The warning, the first place named by `senderPlace`; "" when nothing was noted. */
  warning(senderPlace: SenderPlace): string {
    return this.count === 0 ? "" : this.warningOf(this.count, senderPlace(this.first));
  }
}
