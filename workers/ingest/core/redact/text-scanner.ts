import type { Detector, Rewrite } from "./detectors";
import { blanksAfter, blanksBefore } from "./blanks";
import { pauseRemembering, resumeRemembering } from "./bounded-memo";
import { escapeView, escapesMayShowEvidence, type EscapeView } from "./escape-view";
import { Evidence, evidenceIn } from "./evidence";
import { JSON_VALUE, JsonPlaceReader, NESTED_JSON_VALUE } from "./json-place";
import type { KeptMembers } from "./kept-members";
import { DetectorFault } from "./failures";
import { redactionMarker } from "./kinds";
import { mayHoldQueryProse, redactQueryProse, type ParameterPlace } from "./query-prose";
import { beginScan, endScan } from "./scan-scope";
import { isTemplateHoleAt } from "./secret-names";
import type { RedactionTally } from "./tally";

/**
 * The kinds a query value's prose under a search's or a label's key (`q`, `title`, `utm_campaign`:
 * query-prose.ts, `namesTypedText`) is not searched for: names and places looked up or shown
 * (`Dr. Seuss books`, `10 Downing Street`, `plz 10115`) stay as sent; contact data and secrets go.
 */
const TYPED_TEXT_KEPT_KINDS = ["person_name", "card_holder", "street_address", "postal_code"];

interface ScannedDetector {
  readonly detector: Detector;
  readonly marker: string;
  /** The detector alone, global, to find its next candidate from any position. */
  readonly regex: RegExp;
  /** The facts that let the detector search: its `evidence`, `moreEvidence` and `placeEvidence`, 0 each when absent. */
  readonly evidence: number;
  readonly moreEvidence: number;
  readonly place: number;
  /** Whether it declares any of those facts; one that declares none searches every string. */
  readonly gated: boolean;
  /** Its bit in `excluded` masks (`1 << n`), given the first time `maskOf` names its kind; 0 before. */
  exclusion: number;
}

/**
 * The detectors one scanner can leave out by an `excluded` mask (`maskOf`): the bits of a
 * small integer in V8 (31-bit signed with pointer compression, as in workerd), as the masks are
 * kept per text (unchanged-texts.ts) and passed down the request's walk. Only the detectors
 * whose kinds are named take one (a policy's addresses and cards: three); how many detectors a
 * scanner holds, with evidence or not, has no bound.
 */
export const MAX_EXCLUDED_DETECTORS = 30;

/**
 * Finds and replaces detector matches in a string in one left-to-right pass. What a string
 * costs follows what it could hold: one walk over its character codes (`evidenceIn`) says
 * which detectors could find anything in it, and only those search. Most strings the walk
 * meets (`GET`, `production`, paths, hex and UUID ids, timestamps, versions) show no evidence
 * and end there without a regex call; a path with a short number is not searched for tax ids
 * or cards, a URL without a secret parameter name not for secret parameters.
 *
 * Each detector searches with its own regex rather than one alternation of all of them: alone,
 * a regex skips ahead to where its pattern can start (a literal, a character class), while an
 * alternation whose branches start differently (several with lookbehinds) must try every
 * branch at every position; measured, the alternation cost about twice the sum of the
 * detectors alone. The result is the alternation's: the leftmost candidate wins, and at one
 * position the earlier detector, then the next one that accepts. Leaving out a detector that
 * would find nothing it accepts changes nothing: its rejected candidates never move the scan.
 */
export class TextScanner {
  private readonly detectors: readonly ScannedDetector[];
  /** Whether some detector declares no evidence: every string is then searched. */
  private readonly searchesEveryString: boolean;
  /** The facts some detector searches on (`Evidence`, `MoreEvidence`, `Place`): a text showing none is not scanned. */
  private readonly evidence: number;
  private readonly moreEvidence: number;
  private readonly places: number;
  /** The detectors a search's or a label's decoded query value is not searched with (`TYPED_TEXT_KEPT_KINDS`). */
  private readonly typedTextExcluded: number;
  /** The exclusion bits `maskOf` has given. */
  private excludable = 0;
  /** Where `evidenceIn` writes a text's `MoreEvidence` facts. */
  private readonly more = new Int32Array(1);
  /** Each detector's next candidate during `scan`; kept to allocate nothing per string. */
  private readonly candidates: (RegExpExecArray | null)[];
  /** The indexes of the detectors with a candidate during `scan`, ascending, in its first entries; kept as `candidates` is. */
  private readonly pending: Int32Array;
  /** The replacement `accept` found: its text, the length of text it replaces, its kind. */
  private replacement = "";
  private replacedLength = 0;
  private replacedKind = "";
  /** The places among the replacement's markers of those hiding a session's id (`Rewrite`), or undefined. */
  private replacedSessionIds: readonly number[] | undefined;

  /**
   * `sessionMarker`: the marker of a session's id a detector found (`Rewrite.sessionIds`), the
   * policy's hashed one; absent, such an id keeps its detector's marker. `parameterPlace`: what
   * a query parameter's key says of its value, as the policy's key rules say it of an
   * attribute's (`ParameterPlace`); absent, a query's encoded prose is read only as sent.
   */
  constructor(
    detectors: readonly Detector[],
    private readonly sessionMarker?: (id: string) => string,
    private readonly parameterPlace?: ParameterPlace,
  ) {
    // Each detector keeps its own facts rather than a bit in a mask of detectors: a text's
    // facts are asked of each detector where a scan starts, so the number of detectors is not
    // bounded by a mask's width (docs/decisions.md, 2026-12-02).
    this.detectors = detectors.map((detector) => {
      const evidence = detector.evidence;
      const moreEvidence = detector.moreEvidence ?? 0;
      const place = detector.placeEvidence ?? 0;
      return {
        detector,
        marker: redactionMarker(detector.kind),
        regex: new RegExp(detector.source, "g"),
        evidence,
        moreEvidence,
        place,
        // Place evidence alone gates nothing: such a detector searches every string, as one without evidence does.
        gated: evidence !== 0 || moreEvidence !== 0,
        exclusion: 0,
      };
    });
    const gated = this.detectors.filter((scanned) => scanned.gated);
    this.evidence = gated.reduce((facts, scanned) => facts | scanned.evidence, 0);
    this.moreEvidence = gated.reduce((facts, scanned) => facts | scanned.moreEvidence, 0);
    this.places = gated.reduce((facts, scanned) => facts | scanned.place, 0);
    this.searchesEveryString = gated.length < this.detectors.length;
    this.candidates = detectors.map(() => null);
    this.pending = new Int32Array(detectors.length);
    this.typedTextExcluded = parameterPlace === undefined ? 0 : this.groupMaskOf(TYPED_TEXT_KEPT_KINDS);
  }

  /**
   * The text with every match replaced by its marker; each marker written is counted in `tally` (`tallyMarkers`).
   * Detectors in `excluded` (a mask from `maskOf`) do not run: the caller knows the text's
   * place makes their kind harmless there (an address in a span name, a card-shaped trace id).
   * `place`: what the key of the attribute whose value the text is says about it (`Place`),
   * evidence for some detectors and a fact their checks consult. A text holding JSON escapes is
   * read as what they say (`redactEscaped`), but for one whose raw characters show no evidence
   * and whose escapes cannot make any (`escapesMayShowEvidence`: a stack trace's `\n    at`).
   * A text with nothing to replace comes back as the same string; one that shows no evidence,
   * escaped or not, allocates nothing. `kept`: members of the JSON text whose whole value the
   * key rules kept by their path (kept-members.ts): no find that is exactly such a value is replaced.
   * `marking`: each find's marker is the one it gives for the text the find replaces
   * (`SeriesMarking`: a metric attribute's hashed marker), the rest of the text kept.
   * What the checks read as names in the text (before an `=`, in a `name="…"`, a literal) may be
   * a value, a token before its padding: no memo of names remembers it (`pauseRemembering`).
   */
  redact(text: string, tally: RedactionTally, excluded = 0, place = 0, kept?: KeptMembers, marking?: SeriesMarking): string {
    const outer = pauseRemembering();
    try {
      return this.redactText(this.proseValuesRedacted(text, tally, excluded, place, marking), tally, excluded, place, kept, marking);
    } finally {
      resumeRemembering(outer);
    }
  }

  /**
   * `text` with each query parameter's value that is prose once decoded (`redactQueryProse`)
   * redacted as its decoded text, scanned alone with the facts its key gives (`parameterPlace`);
   * the whole text's scan reads the rest after. Without `parameterPlace`, `text` as it is.
   */
  private proseValuesRedacted(text: string, tally: RedactionTally, excluded: number, place: number, marking: SeriesMarking | undefined): string {
    const parameterPlace = this.parameterPlace;
    // Checked before the scan's callback is made: most texts hold no query.
    if (parameterPlace === undefined || !mayHoldQueryProse(text)) return text;
    return redactQueryProse(text, place, parameterPlace, (view, valuePlace, typed, counts = tally) =>
      this.redactEscaped(view, counts, typed ? excluded | this.typedTextExcluded : excluded, valuePlace, -1, undefined, marking),
    );
  }

  private redactText(text: string, tally: RedactionTally, excluded: number, place: number, kept: KeptMembers | undefined, marking: SeriesMarking | undefined): string {
    const more = this.more;
    let evidence = evidenceIn(text, false, more);
    if (evidence === Evidence.ESCAPES) {
      // The raw facts are asked first only where they may settle it: a text whose escapes cannot
      // make evidence and whose raw characters show none has nothing to find through them.
      // Where they cannot, the raw facts hold every fact of the view (escape-view.ts), and are what
      // the view's scan is asked for.
      const raw = place === 0 && !this.searchesEveryString && !escapesMayShowEvidence(text) ? evidenceIn(text, true, more) : -1;
      if (raw === 0 && more[0] === 0) return text;
      const view = escapeView(text);
      if (view !== undefined) return this.redactEscaped(view, tally, excluded, place, raw, kept, marking);
      // Not met: the evidence and the view find escapes with one test (`holdsCharacterEscape`).
      evidence = evidenceIn(text, true, more);
    }
    return this.searches(evidence, more[0]!, place, excluded) ? this.scan(text, evidence, more[0]!, excluded, tally, place, undefined, kept, marking) : text;
  }

  /**
   * `redact` for a text holding escapes that encode characters: the detectors read what they say
   * (`view.text`), and each replacement is written over whole escapes of the text as sent.
   * `evidence`: the `Evidence` facts of the raw text when they hold the view's (its `MoreEvidence`
   * facts in `more`), else -1 (the view's are asked).
   */
  private redactEscaped(
    view: EscapeView,
    tally: RedactionTally,
    excluded: number,
    place: number,
    evidence: number,
    kept: KeptMembers | undefined,
    marking: SeriesMarking | undefined,
  ): string {
    const facts = evidence >= 0 ? evidence : evidenceIn(view.text, true, this.more);
    const more = this.more[0]!;
    return this.searches(facts, more, place, excluded) ? this.scan(view.text, facts, more, excluded, tally, place, view, kept, marking) : view.raw;
  }

  /**
   * Whether some detector searches a text showing `evidence` and `more` (`Evidence`,
   * `MoreEvidence`), at `place`, but for `excluded`. The detectors are asked one by one only
   * where some are excluded and some fact is shown.
   */
  private searches(evidence: number, more: number, place: number, excluded: number): boolean {
    if (this.searchesEveryString) return true;
    if (((evidence & this.evidence) | (more & this.moreEvidence) | (place & this.places)) === 0) return false;
    if ((excluded & this.excludable) === 0) return true;
    for (const scanned of this.detectors) {
      if (searchesWith(scanned, evidence, more, place, excluded)) return true;
    }
    return false;
  }

  /**
   * The mask of this scanner's detectors of the given kinds, for `redact`'s `excluded`: each gets
   * a bit the first time its kind is named, and keeps it. A detector without evidence searches
   * every string and cannot be excluded: naming its kind is an error, as is naming more than
   * `MAX_EXCLUDED_DETECTORS` detectors over the scanner's life.
   */
  maskOf(kinds: readonly string[]): number {
    return this.exclusionOf(kinds, () => this.newExclusion());
  }

  /**
   * `maskOf` giving all the detectors of `kinds` without a bit one bit together: for kinds
   * always left out at once (`TYPED_TEXT_KEPT_KINDS`, a dozen detectors of names and places),
   * which `MAX_EXCLUDED_DETECTORS` would not hold one by one. Naming one of those kinds again
   * gives the group's bit. Also for a policy that only asks whether a kind's detectors are there
   * (the secret parameters', more of them than `MAX_EXCLUDED_DETECTORS` would hold one by one).
   */
  groupMaskOf(kinds: readonly string[]): number {
    let shared = 0;
    return this.exclusionOf(kinds, () => (shared ||= this.newExclusion()));
  }

  private exclusionOf(kinds: readonly string[], newBit: () => number): number {
    let mask = 0;
    for (const scanned of this.detectors) {
      if (!kinds.includes(scanned.detector.kind)) continue;
      if (!scanned.gated) throw new RangeError(`the detector of "${scanned.detector.kind}" searches every string and cannot be excluded`);
      if (scanned.exclusion === 0) scanned.exclusion = newBit();
      mask |= scanned.exclusion;
    }
    return mask;
  }

  /** The next exclusion bit; a RangeError past `MAX_EXCLUDED_DETECTORS`. */
  private newExclusion(): number {
    const given = 32 - Math.clz32(this.excludable);
    if (given === MAX_EXCLUDED_DETECTORS) throw new RangeError(`at most ${MAX_EXCLUDED_DETECTORS} detectors of a scanner can be excluded`);
    const bit = 1 << given;
    this.excludable |= bit;
    return bit;
  }

  /**
   * Replaces the accepted candidates of the detectors that search a text showing `evidence` and
   * `more` at `place`, but for `excluded` (`searchesWith`), leftmost first.
   * `candidates[i]` is detector i's next candidate at or after the scan position (null when it
   * has none left or does not search); only the ones the position passes are searched
   * again, so each detector reads the text about once. With `view`, `text` is the view's text and
   * the result is its raw text with each replacement written over whole escapes. `kept` and
   * `marking` as in `redact`.
   */
  private scan(
    text: string,
    evidence: number,
    more: number,
    excluded: number,
    tally: RedactionTally,
    place: number,
    view: EscapeView | undefined,
    kept: KeptMembers | undefined,
    marking: SeriesMarking | undefined,
  ): string {
    const candidates = this.candidates;
    const scanned = this.detectors;
    let output = "";
    let copiedUpTo = 0;
    // Read only for a marker that replaces an array's item (`quotedAsJsonValue`).
    let places: JsonPlaceReader | undefined;
    // Outside metric attributes only a session's id leaves a hashed marker (redact-request.ts): a text without one skips the check.
    const hashedMarkers = marking === undefined && text.includes(MARKER_START);
    // The detectors holding a candidate, in their order: only they are read at each step.
    const pending = this.pending;
    let pendingCount = 0;
    beginScan();
    try {
      for (let i = 0; i < scanned.length; i++) {
        const candidate = searchesWith(scanned[i]!, evidence, more, place, excluded) ? nextCandidate(scanned[i]!, text, 0) : null;
        candidates[i] = candidate;
        if (candidate != null) pending[pendingCount++] = i;
      }
      while (pendingCount > 0) {
        let first = -1;
        let start = text.length + 1;
        for (let k = 0; k < pendingCount; k++) {
          const i = pending[k]!;
          const index = candidates[i]!.index;
          if (index < start) {
            first = i;
            start = index;
          }
        }
        let resumeAt: number;
        // A hashed marker the key rules wrote (`[REDACTED:secret:<hash>]`) reads as a name and a value.
        if (
          (marking === undefined ? !hashedMarkers || !insideHashedMarker(text, start) : !insideMarker(text, start)) &&
          this.accept(text, start, first, place, kept)
        ) {
          places ??= new JsonPlaceReader(text, view?.raw);
          const marked = this.marked(text.slice(start, start + this.replacedLength), marking);
          const replacement = quotedAsJsonValue(text, start, this.replacedLength, marked, places);
          output +=
            view === undefined
              ? text.slice(copiedUpTo, start) + replacement
              : view.rawSlice(copiedUpTo, start) + view.written(start, this.replacedLength, replacement);
          copiedUpTo = start + this.replacedLength;
          resumeAt = copiedUpTo;
          tallyMarkers(tally, this.replacement, text.slice(start, copiedUpTo), this.replacedKind);
        } else {
          // Every detector's lookbehind forbids starting inside the rejected candidate's word,
          // so resuming one character later cannot find a fragment of it.
          resumeAt = start + 1;
        }
        let still = 0;
        for (let k = 0; k < pendingCount; k++) {
          const i = pending[k]!;
          if (candidates[i]!.index < resumeAt) candidates[i] = nextCandidate(scanned[i]!, text, resumeAt);
          if (candidates[i] != null) pending[still++] = i;
        }
        pendingCount = still;
      }
    } finally {
      // The matches and the detectors' memos hold the text: let it go with the request.
      candidates.fill(null);
      endScan();
    }
    if (view === undefined) return copiedUpTo === 0 ? text : output + text.slice(copiedUpTo);
    return copiedUpTo === 0 ? view.raw : output + view.rawSlice(copiedUpTo, text.length);
  }

  /**
   * Whether the candidate of detector `first` at `start`, or, when it rejects it, the first
   * later detector's candidate at the same place, is accepted; the replacement is left in
   * `replacement`, `replacedLength` and `replacedKind` rather than in a new object. A candidate
   * that is a kept member's whole value (`kept`) is rejected as a detector's check would.
   */
  private accept(text: string, start: number, first: number, place: number, kept: KeptMembers | undefined): boolean {
    const candidates = this.candidates;
    for (let i = first; i < candidates.length; i++) {
      const candidate = candidates[i];
      if (candidate == null || candidate.index !== start) continue;
      const matched = withoutEscapeAfter(candidate[0]);
      if (matched === "") continue;
      const { detector, marker } = this.detectors[i]!;
      if (kept !== undefined && keepsFind(kept, text, start, matched, detector)) continue;
      const rewrite = detector.rewrite === undefined ? marker : rewriteOf(detector, matched, marker, text, start, place);
      if (rewrite === undefined || replacesTemplateHole(text, start, matched, typeof rewrite === "string" ? rewrite : rewrite.text)) continue;
      if (typeof rewrite === "string") {
        this.replacement = rewrite;
        this.replacedLength = matched.length;
        this.replacedKind = detector.kind;
        this.replacedSessionIds = undefined;
      } else {
        this.replacement = rewrite.text;
        this.replacedLength = rewrite.length ?? matched.length;
        this.replacedKind = rewrite.kind;
        this.replacedSessionIds = rewrite.sessionIds;
      }
      return true;
    }
    return false;
  }

  /**
   * The accepted replacement of `found` as written: each marker hiding a session's id as
   * `sessionMarker` gives it for the id, in any text; the others as `marking` gives them (a metric
   * attribute's), or as the detector wrote them.
   */
  private marked(found: string, marking: SeriesMarking | undefined): string {
    const sessionIds = this.sessionMarker === undefined ? undefined : this.replacedSessionIds;
    if (sessionIds === undefined) return marking === undefined ? this.replacement : markedFind(found, this.replacement, marking);
    const sessionMarker = this.sessionMarker!;
    let place = 0;
    return markedFind(found, this.replacement, (kind, hidden) =>
      sessionIds.includes(place++) ? sessionMarker(hidden.replace(SENTENCE_END, "")) : marking === undefined ? redactionMarker(kind) : marking(kind, hidden),
    );
  }
}

/**
 * A sentence's final punctuation a find may take with a session's id (`session_id=abc123.`): no
 * character of an id (RFC 6265's cookie values, frameworks' generators end in none), so the id is
 * hashed without it and the line groups with the same id written elsewhere.
 */
const SENTENCE_END = /(?<![.,;:!?])[.,;:!?]+$/;

/**
 * Whether `replacement` of the find `matched` at `start` starts replacing at a message template's
 * hole (`isTemplateHoleAt`: `{Secret,-10}`, `{Password:X}`, `{@Password}`): a placeholder, never a
 * secret's value, which every detector's value token would otherwise cut where it stops
 * (`secret={Secret,-10}` read as `{Secret`). Only a find's replacement pays the check.
 */
function replacesTemplateHole(text: string, start: number, matched: string, replacement: string): boolean {
  let same = 0;
  while (same < matched.length && matched.charCodeAt(same) === replacement.charCodeAt(same)) same++;
  return same < matched.length && isTemplateHoleAt(text, start + same);
}

/** Whether the find `matched` at `start` is a kept member's whole value, or holds one as the field `detector` reads (`Detector.fieldValue`). */
function keepsFind(kept: KeptMembers, text: string, start: number, matched: string, detector: Detector): boolean {
  const value = detector.fieldValue?.(matched);
  return value === undefined ? kept.keeps(text, start, matched.length) : kept.keeps(text, start + value[0], value[1]);
}

/**
 * The marker a find of `kind` writes for `found`, the part of the text it hides (without what the
 * find keeps around its marker: `api_key=`, a URL's `://` and `@`): a metric attribute's
 * `[REDACTED:<kind>:<keyed hash of found>]`, so that a value keeps what is no secret in it (a
 * URL's server and path) and two values differing only in their secrets stay two series.
 */
export type SeriesMarking = (kind: string, found: string) => string;

/**
 * `replacement`, a detector's text for the matched `found`, with each of its markers
 * (`[REDACTED:<kind>]`) written as `marking` gives it for the part of `found` it hides: the
 * replacement's text between its markers is kept from `found` (`mongodb://`, `:`, `@` around a
 * URL's user and password), so each marker hides what lies between the kept texts around it.
 */
function markedFind(found: string, replacement: string, marking: SeriesMarking): string {
  const parts = replacement.split(MARKER);
  // `parts`: kept text, then per marker its kind and the kept text after it.
  if (parts.length === 1) return replacement;
  // Not met by the built-in detectors: a replacement whose kept text is no part of the find hides it whole.
  if (!found.startsWith(parts[0]!)) return replacement.replace(MARKERS, (_, kind: string) => marking(kind, found));
  let at = parts[0]!.length;
  let marked = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const after = parts[i + 1]!;
    const last = i + 2 >= parts.length;
    const foundEnd = last ? found.length - after.length : after === "" ? -1 : found.indexOf(after, at);
    const end = foundEnd < at ? found.length : foundEnd;
    marked += marking(parts[i]!, found.slice(at, end)) + after;
    at = end + after.length;
  }
  return marked;
}

/**
 * Counts in `tally` what a replacement hides, by the markers it writes: each marker `replacement`
 * holds beyond those `found` (the text it replaces) already held, under the marker's own kind. A
 * find that hides two values (a Digest header's `username` and `response`, a URL's e-mail user
 * and password: `email` and `url_credentials`) counts both, as the stored text shows them. One
 * that writes no marker of its own still hid something, counted once under `kind`.
 */
function tallyMarkers(tally: RedactionTally, replacement: string, found: string, kind: string): void {
  if (!replacement.includes(MARKER_START)) {
    tally.add(kind);
    return;
  }
  const written = new Map<string, number>();
  for (const marker of replacement.matchAll(MARKERS)) written.set(marker[1]!, (written.get(marker[1]!) ?? 0) + 1);
  // A marker an earlier pass left in the find, kept in its replacement, hides nothing new.
  if (found.includes(MARKER_START)) for (const marker of found.matchAll(MARKERS)) written.set(marker[1]!, (written.get(marker[1]!) ?? 0) - 1);
  let counted = 0;
  for (const [markerKind, count] of written) {
    if (count <= 0) continue;
    tally.add(markerKind, count);
    counted += count;
  }
  if (counted === 0) tally.add(kind);
}

/** Whether `at` is inside a marker of `text` (after its `[REDACTED:`, before its `]`). */
function insideMarker(text: string, at: number): boolean {
  const opening = text.lastIndexOf(MARKER_START, at);
  if (opening < 0 || opening === at) return false;
  const closing = text.indexOf("]", opening);
  return closing < 0 || closing >= at;
}

/**
 * Whether `at` is inside a whole hashed marker of `text` (`[REDACTED:secret:9f86d081884c7d65]`,
 * as a session's id leaves in any signal): only a marker of that exact shape, so that a sender's
 * own `[REDACTED: password=…` hides nothing from the scan. Only the marker's longest length before
 * `at` is searched, so that a text of many finds and no marker is not searched back whole for each.
 */
function insideHashedMarker(text: string, at: number): boolean {
  const from = Math.max(0, at - HASHED_MARKER_LENGTH);
  const around = text.slice(from, at + HASHED_MARKER_LENGTH);
  const opening = around.lastIndexOf(MARKER_START, at - from);
  if (opening < 0 || opening === at - from) return false;
  const closing = around.indexOf("]", opening);
  return closing >= at - from && HASHED_MARKER.test(around.slice(opening, closing + 1));
}

/** A hashed marker: a kind and the 16 hex digits of a keyed hash (`keyed-hash.ts`). */
const HASHED_MARKER = /^\[REDACTED:[a-z_]{1,64}:[0-9a-f]{16}\]$/;
/** The longest text `HASHED_MARKER` matches: `[REDACTED:`, 64 letters, `:`, 16 digits, `]`. */
const HASHED_MARKER_LENGTH = 92;

/** A marker as `redactionMarker` writes it, its kind captured (`String.split` puts it between the texts around it). */
const MARKER = /\[REDACTED:([^\]:]+)\]/;
const MARKERS = new RegExp(MARKER.source, "g");

const JSON_NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** How every marker starts (`redactionMarker`). */
const MARKER_START = "[REDACTED:";

/**
 * `replacement` for the `length` characters at `start`, with its marker quoted as a JSON string
 * when what the marker replaces is a bare JSON number in a JSON value's place: a member's value
 * (`"zip":94105`, `"cvc": 123`, also inside JSON text held in a JSON string, where the quotes are
 * escaped as the member name's closing quote is: `{\"cpf\":\"[REDACTED:cpf]\"}`), or an array's
 * item in a text that is JSON (`{"cards":[4111111111111111]}`, a lifted `[4111…, 5500…]`, arrays
 * of arrays), quoted as the level it stands at quotes (`places`: `"…"` outside every string,
 * `\"…\"` in JSON text held in a string; bare in a string's words, `"cards [4111…]"`). A marker
 * left bare in a value's place would make the text no longer JSON, and a body or attribute
 * stored as JSON could no longer be read with ClickHouse's JSON functions. A detector's
 * replacement may keep the text before the value (`"cvc": ` + marker): the value is what
 * follows that kept prefix. Runs only for an accepted replacement.
 */
function quotedAsJsonValue(text: string, start: number, length: number, replacement: string, places: JsonPlaceReader): string {
  const markerAt = replacement.lastIndexOf(MARKER_START);
  if (markerAt < 0 || !replacement.endsWith("]")) return replacement;
  const kept = replacement.slice(0, markerAt);
  if (!text.startsWith(kept, start)) return replacement;
  const valueStart = start + markerAt;
  const end = start + length;
  if (!JSON_NUMBER.test(text.slice(valueStart, end))) return replacement;
  const after = blanksAfter(text, end, text.length, true);
  if (after < text.length && !",}]".includes(text.charAt(after))) return replacement;
  const before = blanksBefore(text, valueStart, 0, true) - 1;
  const marker = replacement.slice(markerAt);
  if (text.charAt(before) === ":") {
    const quote = blanksBefore(text, before, 0, true) - 1;
    if (text.charAt(quote) !== '"') return replacement;
    let escapes = quote;
    while (escapes > 0 && text.charAt(escapes - 1) === "\\") escapes--;
    const quoteText = text.slice(escapes, quote + 1);
    return kept + quoteText + marker + quoteText;
  }
  if (text.charAt(before) !== "[" && text.charAt(before) !== ",") return replacement;
  const place = places.placeAt(valueStart);
  if (place === JSON_VALUE) return `${kept}"${marker}"`;
  return place === NESTED_JSON_VALUE ? `${kept}\\"${marker}\\"` : replacement;
}

/**
 * `matched` without the backslashes it ends with. In JSON text held in a string (and in any text
 * escaping as JSON does) they escape the character after the match, the value's closing quote
 * (`password=abc\"`, one level further down `\\\"`), not the value's: a detector judges the
 * value without them (`Signature: Approved\"` is a word), and the marker leaves them in place, so
 * the quote keeps its escape and does not end the string that holds it. Texts without a
 * backslash are never changed.
 */
function withoutEscapeAfter(matched: string): string {
  let end = matched.length;
  while (end > 0 && matched.charCodeAt(end - 1) === 92 /* \ */) end--;
  return end === matched.length ? matched : matched.slice(0, end);
}

/** Whether `scanned` searches a text showing `evidence` and `more`, at `place`, but for `excluded` (`TextScanner.redact`). */
function searchesWith(scanned: ScannedDetector, evidence: number, more: number, place: number, excluded: number): boolean {
  if (!scanned.gated) return true;
  return ((evidence & scanned.evidence) | (more & scanned.moreEvidence) | (place & scanned.place)) !== 0 && (excluded & scanned.exclusion) === 0;
}

/** The detector's next candidate at or after `from`; what its search throws comes out as a DetectorFault naming it (failures.ts). */
function nextCandidate({ detector, regex }: ScannedDetector, text: string, from: number): RegExpExecArray | null {
  try {
    if (detector.search !== undefined) return detector.search(text, from);
    regex.lastIndex = from;
    return regex.exec(text);
  } catch (error) {
    throw new DetectorFault(detector.kind, error);
  }
}

/** `detector.rewrite` of a candidate; what it throws comes out as a DetectorFault naming the detector (failures.ts). */
function rewriteOf(detector: Detector, matched: string, marker: string, text: string, start: number, place: number): Rewrite | undefined {
  try {
    return detector.rewrite!(matched, marker, text, start, place);
  } catch (error) {
    throw new DetectorFault(detector.kind, error);
  }
}
