/**
 * The texts one request's walk has already scanned and left as they were, with how they were
 * scanned: a text met again the same way (a level, a method, a route, a colo, a service name,
 * the same error's stack on every record of a batch) is answered without reading it again.
 * What `TextScanner.redact` returns is a function of the text, the detectors left out and the
 * key's `Place` facts alone (the policy is fixed for the walk), so the answer is the scan's.
 * Only unchanged texts are kept: a text with a find must also be counted, and is scanned each
 * time it is met.
 *
 * Two entries per set of slots, the set chosen from the text's length and seven of its characters
 * mixed (`setOf`), the newer entry first and the older one replaced by the next text of the set:
 * finding one costs one or two string comparisons, where a map would first hash the whole text (a
 * decoded request's strings are new strings, whose hash nobody has computed yet), and the slots
 * bound the memory whatever the request holds. Two entries, for a log's repeated values come in
 * look-alike pairs one slot would keep evicting each other from: one error's messages naming
 * different fields, one value under two keys scanned two ways (`cloudflare.colo` and `colo`).
 * Used for one request's walk and then `release`d, which empties the slots it filled, so one
 * request's texts are never held past it and a request's cost is what it sends. The slots
 * themselves are reused by the next walk: made per request, they cost a small request
 * (Cloudflare's push of ten lines) more than its texts' lookups save.
 */
/** What `UnchangedTexts.met` knows of a text scanned a given way. */
export enum Met {
  /** Not met so, or met and changed. */
  NOT = 0,
  /** Left unchanged, noted without `plain`. */
  UNCHANGED = 1,
  /** Left unchanged, and holding no JSON the key rules read (`add`'s `plain`). */
  PLAIN = 2,
}

export class UnchangedTexts {
  private readonly slots: Slots;

  constructor() {
    this.slots = idle ?? newSlots();
    idle = undefined;
  }

  /** Whether `text` was left unchanged by a scan with the same `excluded`, `inHost` and `place` (see `redactText`). Non-empty text. */
  has(text: string, excluded: number, inHost: number, place: number): boolean {
    return this.entryOf(text, excluded, inHost, place) >= 0;
  }

  /**
   * What the memo knows of `text` scanned so (`Met`): whether it was left unchanged, and whether
   * it was noted as `plain` by `add`, what lets the walk answer a value it met before without first
   * asking whether it holds JSON (`RequestWalker.ruledText`). One lookup answers both, for the
   * walk asks the second of most texts it meets. Non-empty text.
   */
  met(text: string, excluded: number, inHost: number, place: number): Met {
    const at = this.entryOf(text, excluded, inHost, place);
    return at < 0 ? Met.NOT : this.slots.scans[at + 3] === 1 ? Met.PLAIN : Met.UNCHANGED;
  }

  /** Where `text`'s entry starts in `scans` when its scan was the same, else -1. */
  private entryOf(text: string, excluded: number, inHost: number, place: number): number {
    const first = setOf(text);
    const { texts, scans } = this.slots;
    for (let slot = first; slot < first + WAYS; slot++) {
      if (texts[slot] !== text) continue;
      const at = slot * SCAN_FIELDS;
      if (scans[at] === excluded && scans[at + 1] === inHost && scans[at + 2] === place) return at;
    }
    return -1;
  }

  /**
   * Notes that a scan with `excluded`, `inHost` and `place` left `text` unchanged; `plain`: the
   * caller found that the text holds no JSON the key rules read (no JSON container, none in
   * prose), whatever its key. Non-empty text, not noted the same way already (`has` is asked
   * first). It takes its set's first slot; the entry there moves to the second.
   */
  add(text: string, excluded: number, inHost: number, place: number, plain = false): void {
    const slot = setOf(text);
    const { texts, scans, filled } = this.slots;
    const newer = texts[slot];
    if (newer !== undefined) {
      if (texts[slot + 1] === undefined) filled.push(slot + 1);
      texts[slot + 1] = newer;
      const from = slot * SCAN_FIELDS;
      for (let field = 0; field < SCAN_FIELDS; field++) scans[from + SCAN_FIELDS + field] = scans[from + field]!;
    } else {
      filled.push(slot);
    }
    texts[slot] = text;
    const at = slot * SCAN_FIELDS;
    scans[at] = excluded;
    scans[at + 1] = inHost;
    scans[at + 2] = place;
    scans[at + 3] = plain ? 1 : 0;
  }

  /** Empties the slots this walk filled and leaves them to the next; the instance is not used again. */
  release(): void {
    const { texts, filled } = this.slots;
    for (const slot of filled) texts[slot] = undefined;
    filled.length = 0;
    idle = this.slots;
  }
}

interface Slots {
  readonly texts: (string | undefined)[];
  /** Per slot (`SCAN_FIELDS`): the detectors left out of the text, of its URL's authority, its `Place` facts, and 1 when it is plain (`add`). */
  readonly scans: Int32Array;
  /** The slots holding a text, to empty on `release`. */
  readonly filled: number[];
}

/**
 * The slots no walk holds (all empty), or undefined while one does: a walk is synchronous, so
 * there is one at a time, but a walk started inside another (none is) would get slots of its own.
 */
let idle: Slots | undefined;

function newSlots(): Slots {
  return { texts: new Array<string | undefined>(SLOTS).fill(undefined), scans: new Int32Array(SLOTS * SCAN_FIELDS), filled: [] };
}

/** Sets of the table (`1 << SET_BITS`) and the slots of a set: more than the distinct values a batch's records repeat. */
const SET_BITS = 10;
const WAYS = 2;
const SLOTS = WAYS << SET_BITS;
/** The numbers a slot keeps about its text's scan (`Slots.scans`). */
const SCAN_FIELDS = 4;

/**
 * The first slot of a non-empty text's set: its length and seven of its characters (first, at a
 * quarter, middle, at three quarters, the last three) mixed by multiplying, the top bits taken.
 * A log's texts share their shape (a route's paths, request lines of one length, one error's
 * messages naming different fields), so the sum of a few characters the set was once chosen by
 * landed many on a few slots, and the characters before a text's end are where such texts
 * differ (`(reading 'price')`, `(reading 'items')`; `GET /api/search 200`, `… 301`).
 */
function setOf(text: string): number {
  const length = text.length;
  let hash = Math.imul(length ^ text.charCodeAt(0), MIX);
  hash = Math.imul(hash ^ text.charCodeAt(length >> 2), MIX);
  hash = Math.imul(hash ^ text.charCodeAt(length >> 1), MIX);
  hash = Math.imul(hash ^ text.charCodeAt(length - 1 - (length >> 2)), MIX);
  hash = Math.imul(hash ^ text.charCodeAt(length - 1), MIX);
  // A text of one or two characters reads its first again: no read past its start.
  hash = Math.imul(hash ^ text.charCodeAt(Math.max(0, length - 2)), MIX);
  hash = Math.imul(hash ^ text.charCodeAt(Math.max(0, length - 3)), MIX);
  return (hash >>> (32 - SET_BITS)) * WAYS;
}

/** An odd constant whose bits look random (2^32 over the golden ratio): each product spreads a character over the high bits. */
const MIX = 0x9e3779b1;
