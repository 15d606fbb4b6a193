/**
 * The texts one request's walk has already scanned and left as they were, with how they were
 * scanned: a text met again the same way (a level, a method, a route, a colo, a service name,
 * the same error's stack on every record of a batch) is answered without reading it again.
 * What `TextScanner.redact` returns is a function of the text, the detectors left out and the
 * key's `Place` facts alone (the policy is fixed for the walk), so the answer is the scan's.
 * Only unchanged texts are kept: a text with a find must also be counted, and is scanned each
 * time it is met.
 *
 * One entry per slot, chosen from the text's length and three of its characters, replaced by
 * the next text of the slot: finding one costs a string comparison, where a map would first
 * hash the text (a decoded request's strings are new strings, whose hash nobody has computed
 * yet), and the slots bound the memory whatever the request holds. Made per request, so one
 * request's texts are never held past it, and a request's cost is what it sends.
 */
export class UnchangedTexts {
  private readonly texts: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);
  /** Per slot: the detectors left out of the text, of its URL's authority, and its `Place` facts. */
  private readonly scans = new Int32Array(SLOTS * 3);

  /** Whether `text` was left unchanged by a scan with the same `excluded`, `inHost` and `place` (see `redactText`). Non-empty text. */
  has(text: string, excluded: number, inHost: number, place: number): boolean {
    const slot = slotOf(text);
    if (this.texts[slot] !== text) return false;
    const at = slot * 3;
    return this.scans[at] === excluded && this.scans[at + 1] === inHost && this.scans[at + 2] === place;
  }

  /** Notes that a scan with `excluded`, `inHost` and `place` left `text` unchanged. Non-empty text. */
  add(text: string, excluded: number, inHost: number, place: number): void {
    const slot = slotOf(text);
    this.texts[slot] = text;
    const at = slot * 3;
    this.scans[at] = excluded;
    this.scans[at + 1] = inHost;
    this.scans[at + 2] = place;
  }
}

/** Slots of the table (a power of two): more than the distinct values a batch's records repeat. */
const SLOTS = 512;

/** The slot of a non-empty text: its length, first, middle and last characters mixed. */
function slotOf(text: string): number {
  const length = text.length;
  return (length * 29 + text.charCodeAt(0) * 5 + text.charCodeAt(length >> 1) * 11 + text.charCodeAt(length - 1)) & (SLOTS - 1);
}
