import type { Detector, Rewrite } from "./detectors";
import { redactionMarker } from "./kinds";
import type { RedactionTally } from "./tally";

interface GatedDetector {
  readonly detector: Detector;
  readonly marker: string;
  /** Undefined for a detector without a trigger (a policy's extra pattern): it always runs. */
  readonly trigger: RegExp | undefined;
  /** The detector alone, anchored where a rejected candidate started, to try the next one there. */
  readonly sticky: RegExp;
}

/** One regex for a set of detectors, each wrapped in a capture group to tell which matched. */
interface CombinedScan {
  readonly regex: RegExp;
  readonly members: readonly { readonly gated: GatedDetector; readonly group: number }[];
}

/**
 * Combinations are few in practice (which kinds of text a service logs); the bound only stops
 * unusual input from compiling every one of them.
 */
const MAX_CACHED_COMBINATIONS = 256;

/**
 * Finds and replaces detector matches in a string in one left-to-right pass. Each detector's
 * cheap trigger is tested first and only the triggered detectors are combined into the regex
 * that scans, because a regex's cost grows with its alternatives at every position of the text:
 * measured, the combination of all detectors costs several times the few a typical line triggers.
 * Combined regexes are compiled once per combination and kept for the scanner's lifetime.
 */
export class TextScanner {
  private readonly gated: readonly GatedDetector[];
  /** Any detector's trigger: most strings fail this one test. Undefined when some detector has none. */
  private readonly anyTrigger: RegExp | undefined;
  private readonly combinations = new Map<number, CombinedScan>();

  constructor(detectors: readonly Detector[]) {
    if (detectors.length > 31) throw new RangeError("at most 31 detectors fit in a combination mask");
    this.gated = detectors.map((detector) => ({
      detector,
      marker: redactionMarker(detector.kind),
      trigger: detector.trigger === "" ? undefined : new RegExp(detector.trigger),
      sticky: new RegExp(detector.source, "y"),
    }));
    this.anyTrigger = detectors.every((d) => d.trigger !== "")
      ? new RegExp(detectors.map((d) => d.trigger).join("|"))
      : undefined;
  }

  /**
   * The text with every match replaced by its marker; each replacement is counted in `tally`.
   * Detectors in `excluded` (a mask from `maskOf`) do not run: the caller knows the text's
   * place makes their kind harmless there (an address in a span name, a card-shaped trace id).
   */
  redact(text: string, tally: RedactionTally, excluded = 0): string {
    if (this.anyTrigger !== undefined && !this.anyTrigger.test(text)) return text;
    let mask = 0;
    for (let i = 0; i < this.gated.length; i++) {
      if ((excluded & (1 << i)) !== 0) continue;
      const trigger = this.gated[i]!.trigger;
      if (trigger === undefined || trigger.test(text)) mask |= 1 << i;
    }
    return mask === 0 ? text : this.scan(text, this.combinationFor(mask), tally);
  }

  /** The mask of this scanner's detectors of the given kinds, for `redact`'s `excluded`. */
  maskOf(kinds: readonly string[]): number {
    let mask = 0;
    this.gated.forEach((gated, index) => {
      if (kinds.includes(gated.detector.kind)) mask |= 1 << index;
    });
    return mask;
  }

  private scan(text: string, scan: CombinedScan, tally: RedactionTally): string {
    const regex = scan.regex;
    regex.lastIndex = 0;
    let output = "";
    let copiedUpTo = 0;
    let match: RegExpExecArray | null;
    while ((match = regex.exec(text)) !== null) {
      const start = match.index;
      const found = acceptAt(text, start, match, scan);
      if (found === undefined) {
        // Every detector's lookbehind forbids starting inside the rejected candidate's word,
        // so resuming one character later cannot find a fragment of it.
        regex.lastIndex = start + 1;
        continue;
      }
      output += text.slice(copiedUpTo, start) + found.replacement;
      copiedUpTo = start + found.length;
      regex.lastIndex = copiedUpTo;
      tally.add(found.kind);
    }
    return copiedUpTo === 0 ? text : output + text.slice(copiedUpTo);
  }

  private combinationFor(mask: number): CombinedScan {
    const cached = this.combinations.get(mask);
    if (cached !== undefined) return cached;
    const members: { gated: GatedDetector; group: number }[] = [];
    const sources: string[] = [];
    let group = 1;
    this.gated.forEach((gated, index) => {
      if ((mask & (1 << index)) === 0) return;
      members.push({ gated, group });
      sources.push(`(${gated.detector.source})`);
      group += 1 + countCaptureGroups(gated.detector.source);
    });
    const combination = { regex: new RegExp(sources.join("|"), "g"), members };
    if (this.combinations.size < MAX_CACHED_COMBINATIONS) this.combinations.set(mask, combination);
    return combination;
  }
}

/**
 * The replacement for the candidate the combined regex found, or, when its detector rejects it,
 * for the first later detector that matches at the same place and accepts.
 */
function acceptAt(
  text: string,
  start: number,
  match: RegExpExecArray,
  scan: CombinedScan,
): { replacement: string; length: number; kind: string } | undefined {
  const members = scan.members;
  const first = members.findIndex((member) => match[member.group] !== undefined);
  for (let i = first; i < members.length; i++) {
    const { detector, marker, sticky } = members[i]!.gated;
    let matched: string | undefined;
    if (i === first) {
      matched = match[0];
    } else {
      sticky.lastIndex = start;
      matched = sticky.exec(text)?.[0];
    }
    if (matched === undefined || matched === "") continue;
    const rewrite: Rewrite | undefined =
      detector.rewrite === undefined ? marker : detector.rewrite(matched, marker, text, start);
    if (typeof rewrite === "string") return { replacement: rewrite, length: matched.length, kind: detector.kind };
    if (rewrite !== undefined) {
      return { replacement: rewrite.text, length: rewrite.length ?? matched.length, kind: rewrite.kind };
    }
  }
  return undefined;
}

/** How many capture groups a regex source has: an empty alternative matches "" and reports them all. */
function countCaptureGroups(source: string): number {
  return (new RegExp(`${source}|`).exec("")?.length ?? 1) - 1;
}
