/**
 * The last span of one text a search read (`from` to `to`), kept for the scan so that a later ask
 * from a position inside it is answered without reading again. The scanner asks a detector again
 * from each candidate it rejects, in the text's order; a search that reads on to a run's end or to
 * its next find (a refusing character, a flag's dash, a `state`, the run around a parameter) would
 * otherwise read the same characters once for every candidate inside them, quadratic in the text.
 * Each memo lets its text go when the scan ends (scan-scope.ts).
 */
import { resetAfterEachScan } from "./scan-scope";

export class SpanMemo {
  private text: string | undefined;
  private start = -1;
  private end = -1;

  constructor() {
    // The memo holds the scanned text: let it go when the scan ends.
    resetAfterEachScan(() => {
      this.text = undefined;
    });
  }

  /** Where the span kept last starts. */
  get from(): number {
    return this.start;
  }

  /** Where the span kept last ends; -1 when its search found nothing, the span then reaching the text's end. */
  get to(): number {
    return this.end;
  }

  /** Whether `at` in `text` falls inside the span kept last for that same text (its ends included). */
  holds(text: string, at: number): boolean {
    return this.text === text && at >= this.start && (this.end < 0 || at <= this.end);
  }

  /** Keeps the span `from` to `to` of `text` (`to` -1: nothing found up to the text's end). */
  keep(text: string, from: number, to: number): void {
    this.text = text;
    this.start = from;
    this.end = to;
  }

  /**
   * Where a search from `at` in `text` stops (`read(at)`: a run's end, a next find, -1 for none),
   * answered from the span kept when `at` falls inside it: whether the search goes on at a
   * position must depend on the characters from there on alone, so one started later inside the
   * span stops where it stopped.
   */
  endFrom(text: string, at: number, read: (at: number) => number): number {
    if (this.holds(text, at)) return this.end;
    this.keep(text, at, read(at));
    return this.end;
  }
}
