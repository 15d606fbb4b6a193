import type { Detector } from "./detectors";
import { BoundedMemo } from "./bounded-memo";
import { redactionMarker } from "./kinds";
import type { RedactionTally } from "./tally";

interface GatedDetector {
  readonly detector: Detector;
  readonly marker: string;
  /**
   * Undefined for a detector without a trigger (a policy's extra pattern): it always runs.
   * Global, so that a test can start where the first trigger of any detector is.
   */
  readonly trigger: RegExp | undefined;
  /** The detector alone, global, to find its next candidate from any position. */
  readonly regex: RegExp;
}

/**
 * Strings up to this length are read character by character through the trigger-character
 * table; longer ones are ruled out by one regex of every trigger. A regex call has a fixed cost
 * (about 40 ns in V8) that a short attribute value (`GET`, `/api/cart`, a hex id) does not
 * repay, while the table walk grows with the length. Measured on the bench's requests, walking
 * up to 64 characters and testing above cut the scanner's time per string by 10–25%; at 128
 * it made 80-character prose slower.
 */
const WALKED_LENGTH = 64;

/**
 * Distinct detector masks are few: they follow which groups of trigger characters strings hold
 * (eight groups for the built-ins, and extra patterns have no trigger). The bound is for safety.
 */
const MAX_TRIGGER_UNIONS = 1024;

/**
 * Finds and replaces detector matches in a string in one left-to-right pass. Gates keep the
 * cost of a string in proportion to what it could hold:
 * 1. which detectors the string could trigger at all: for a short string, one walk through a
 *    table of the detectors each character can trigger (most attribute values, `GET`, `HIT`,
 *    `production`, hold no trigger character and end there; a path with digits is not tried for
 *    e-mails or credentials), then one regex of those detectors' triggers; for a long one, one
 *    regex of every trigger, which also says where the first trigger is;
 * 2. each remaining detector's own trigger;
 * 3. only the triggered detectors search.
 * Each searches with its own regex rather than one alternation of all of them: alone, a regex
 * skips ahead to where its pattern can start (a literal, a character class), while an
 * alternation whose branches start differently (several with lookbehinds) must try every
 * branch at every position; measured, the alternation cost about twice the sum of the
 * detectors alone. The result is the alternation's: the leftmost candidate wins, and at one
 * position the earlier detector, then the next one that accepts.
 */
export class TextScanner {
  private readonly gated: readonly GatedDetector[];
  /** Every detector's bit. */
  private readonly allDetectors: number;
  /** Detectors with a trigger to test. */
  private readonly withTrigger: number;
  /** Detectors that declare no trigger characters: every string is theirs to try. */
  private readonly everyString: number;
  /** Per ASCII code, the mask of the detectors whose trigger characters include it. */
  private readonly characterDetectors = new Int32Array(128);
  /** Any detector's trigger; undefined when some detector has none (every string is tried). */
  private readonly anyTrigger: RegExp | undefined;
  /** The alternation of the triggers of a set of detectors, by its mask, made when first needed. */
  private readonly triggerUnions = new BoundedMemo<number, RegExp>(MAX_TRIGGER_UNIONS, (mask) => this.unionOf(mask));
  /** Each detector's next candidate during `scan`; kept to allocate nothing per string. */
  private readonly candidates: (RegExpExecArray | null)[];
  /** The replacement `accept` found: its text, the length of text it replaces, its kind. */
  private replacement = "";
  private replacedLength = 0;
  private replacedKind = "";

  constructor(detectors: readonly Detector[]) {
    if (detectors.length > 31) throw new RangeError("at most 31 detectors fit in a detector mask");
    this.gated = detectors.map((detector) => ({
      detector,
      marker: redactionMarker(detector.kind),
      trigger: detector.trigger === "" ? undefined : new RegExp(detector.trigger, "g"),
      regex: new RegExp(detector.source, "g"),
    }));
    let withTrigger = 0;
    let everyString = 0;
    detectors.forEach((detector, index) => {
      if (detector.trigger !== "") withTrigger |= 1 << index;
      if (detector.triggerCharacters === "") everyString |= 1 << index;
      for (const character of detector.triggerCharacters) {
        const code = character.charCodeAt(0);
        if (code >= 128) throw new RangeError(`trigger characters must be ASCII, got ${JSON.stringify(character)}`);
        this.characterDetectors[code]! |= 1 << index;
      }
    });
    this.allDetectors = detectors.length === 31 ? 0x7fffffff : (1 << detectors.length) - 1;
    this.withTrigger = withTrigger;
    this.everyString = everyString;
    this.anyTrigger = withTrigger === this.allDetectors ? this.unionOf(withTrigger) : undefined;
    this.candidates = detectors.map(() => null);
  }

  /**
   * The text with every match replaced by its marker; each replacement is counted in `tally`.
   * Detectors in `excluded` (a mask from `maskOf`) do not run: the caller knows the text's
   * place makes their kind harmless there (an address in a span name, a card-shaped trace id).
   * A text with nothing to replace comes back as the same string; a short one in which no
   * trigger matches allocates nothing.
   */
  redact(text: string, tally: RedactionTally, excluded = 0): string {
    let triggered: number;
    /** No trigger matches before this position. */
    let from = 0;
    if (text.length <= WALKED_LENGTH) {
      triggered = this.charactersIn(text) & ~excluded;
      const testable = triggered & this.withTrigger;
      // With several candidates, one regex of their triggers rules most strings out at once.
      if ((testable & (testable - 1)) !== 0 && !this.triggerUnions.get(testable).test(text)) {
        triggered &= ~testable;
      }
    } else {
      triggered = this.allDetectors & ~excluded;
      if (this.anyTrigger !== undefined) {
        const found = this.anyTrigger.exec(text);
        if (found === null) return text;
        from = found.index;
      }
    }
    const withTrigger = triggered & this.withTrigger;
    for (let i = 0; withTrigger >>> i !== 0; i++) {
      if ((withTrigger & (1 << i)) === 0) continue;
      const trigger = this.gated[i]!.trigger!;
      trigger.lastIndex = from;
      if (!trigger.test(text)) triggered &= ~(1 << i);
    }
    return triggered === 0 ? text : this.scan(text, triggered, tally);
  }

  /** The mask of this scanner's detectors of the given kinds, for `redact`'s `excluded`. */
  maskOf(kinds: readonly string[]): number {
    let mask = 0;
    this.gated.forEach((gated, index) => {
      if (kinds.includes(gated.detector.kind)) mask |= 1 << index;
    });
    return mask;
  }

  /**
   * The detectors whose trigger characters `text` holds, with those that declare none. The
   * walk stops once every detector is in.
   */
  private charactersIn(text: string): number {
    const table = this.characterDetectors;
    const all = this.allDetectors;
    let found = this.everyString;
    for (let i = 0; i < text.length && found !== all; i++) {
      const code = text.charCodeAt(i);
      if (code < 128) found |= table[code]!;
    }
    return found;
  }

  /** One regex matching where any trigger of the detectors in `mask` (all with triggers) does. */
  private unionOf(mask: number): RegExp {
    const sources: string[] = [];
    this.gated.forEach((gated, index) => {
      if ((mask & (1 << index)) !== 0) sources.push(gated.detector.trigger);
    });
    return new RegExp(sources.join("|"));
  }

  /**
   * Replaces the accepted candidates of the detectors in `detectors` (a mask), leftmost first.
   * `candidates[i]` is detector i's next candidate at or after the scan position (null when it
   * has none left or is not in the mask); only the ones the position passes are searched
   * again, so each detector reads the text about once.
   */
  private scan(text: string, detectors: number, tally: RedactionTally): string {
    const candidates = this.candidates;
    const gated = this.gated;
    for (let i = 0; i < gated.length; i++) {
      candidates[i] = (detectors & (1 << i)) === 0 ? null : nextCandidate(gated[i]!.regex, text, 0);
    }
    let output = "";
    let copiedUpTo = 0;
    try {
      for (;;) {
        let first = -1;
        let start = text.length + 1;
        for (let i = 0; i < candidates.length; i++) {
          const candidate = candidates[i];
          if (candidate != null && candidate.index < start) {
            first = i;
            start = candidate.index;
          }
        }
        if (first < 0) break;
        let resumeAt: number;
        if (this.accept(text, start, first)) {
          output += text.slice(copiedUpTo, start) + this.replacement;
          copiedUpTo = start + this.replacedLength;
          resumeAt = copiedUpTo;
          tally.add(this.replacedKind);
        } else {
          // Every detector's lookbehind forbids starting inside the rejected candidate's word,
          // so resuming one character later cannot find a fragment of it.
          resumeAt = start + 1;
        }
        for (let i = 0; i < candidates.length; i++) {
          const candidate = candidates[i];
          if (candidate != null && candidate.index < resumeAt) {
            candidates[i] = nextCandidate(gated[i]!.regex, text, resumeAt);
          }
        }
      }
    } finally {
      // The matches hold the text: let it go with the request.
      candidates.fill(null);
    }
    return copiedUpTo === 0 ? text : output + text.slice(copiedUpTo);
  }

  /**
   * Whether the candidate of detector `first` at `start`, or, when it rejects it, the first
   * later detector's candidate at the same place, is accepted; the replacement is left in
   * `replacement`, `replacedLength` and `replacedKind` rather than in a new object.
   */
  private accept(text: string, start: number, first: number): boolean {
    const candidates = this.candidates;
    for (let i = first; i < candidates.length; i++) {
      const candidate = candidates[i];
      if (candidate == null || candidate.index !== start) continue;
      const matched = candidate[0];
      if (matched === "") continue;
      const { detector, marker } = this.gated[i]!;
      const rewrite = detector.rewrite === undefined ? marker : detector.rewrite(matched, marker, text, start);
      if (rewrite === undefined) continue;
      if (typeof rewrite === "string") {
        this.replacement = rewrite;
        this.replacedLength = matched.length;
        this.replacedKind = detector.kind;
      } else {
        this.replacement = rewrite.text;
        this.replacedLength = rewrite.length ?? matched.length;
        this.replacedKind = rewrite.kind;
      }
      return true;
    }
    return false;
  }
}

function nextCandidate(regex: RegExp, text: string, from: number): RegExpExecArray | null {
  regex.lastIndex = from;
  return regex.exec(text);
}
