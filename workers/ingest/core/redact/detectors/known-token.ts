import { lazy } from "../../../../shared/lazy";
import { Evidence } from "../evidence";
import { currentScan, resetAfterEachScan } from "../scan-scope";
import { KNOWN_TOKEN_FORMATS, isTokenMatch, issuedTokenSource, knownTokenSource, nestsInOwnBody, type KnownTokenFormat } from "../token-formats";
import type { Detector } from "./detector";

const KNOWN_TOKEN_KIND = "known_token";
/** The formats whose body may hold their own prefix (`nestsInOwnBody`), judged once at load. */
const NESTING_TOKEN_FORMATS = KNOWN_TOKEN_FORMATS.filter((format) => nestsInOwnBody(format));

/**
 * API keys and tokens of the formats their issuers mark with a prefix (`token-formats.ts`:
 * OpenAI's `sk-proj-…`, GitHub's `ghp_…`, Slack's `xoxb-…`, AWS's `AKIA…`, …), wherever they
 * are written: such a token needs no name in front to be known as one. A match of a format's
 * issued shape is one by that alone (`AKIALNMDMWDIUDEXTOLP`); another that reads as words rather
 * than generated characters (`sk-learn-tutorial-for-beginners`) passes (`isTokenMatch`). The
 * formats whose body may hold their own prefix are found by `nestingKnownTokenDetector`.
 */
export const knownTokenDetector: Detector = {
  kind: KNOWN_TOKEN_KIND,
  source: knownTokenSource(KNOWN_TOKEN_FORMATS.filter((format) => !NESTING_TOKEN_FORMATS.includes(format))),
  evidence: Evidence.KNOWN_TOKEN,
  rewrite: (match, marker) => (isTokenMatch(match) ? marker : undefined),
};

/**
 * The known tokens whose body may hold their own prefix (`nestsInOwnBody`: Grafana's `glc_…`
 * and Sentry's `sntrys_…` are base64, GitLab's `glpat-…` and `glrt-…` hold dots), judged as `knownTokenDetector` judges the others. Each format is searched alone
 * (`NestingFormatSearch`), its prefix being no other format's start, so at any position at
 * most one of them matches and the leftmost of their next matches is the one their alternation
 * would find. Set apart because a body that reads as words rejects the candidates inside it
 * with it: `glc_/` repeated made each `glc_` a candidate whose body ran to the end of the text,
 * read and rejected again at every one (quadratic in the text), as `glpat-.` repeated did.
 */
export const nestingKnownTokenDetector: Detector = {
  kind: KNOWN_TOKEN_KIND,
  source: knownTokenSource(NESTING_TOKEN_FORMATS),
  search: (text, from) => {
    let first: RegExpExecArray | null = null;
    for (const format of NESTING_FORMATS) {
      const found = format.next(text, from);
      if (found !== null && (first === null || found.index < first.index)) first = found;
    }
    return first;
  },
  evidence: Evidence.KNOWN_TOKEN,
  rewrite: knownTokenDetector.rewrite,
};

/**
 * One nesting format's next match that is a token (`isTokenMatch`), from any position of the
 * text under scan. A match that is none is passed over with every match starting inside it but
 * a token of the issued shape (`glpat-.glpat-jmcpi7bFgVu-tONgH1Hc`; not a placeholder, which
 * would be searched again to the outer match's end at each prefix): such a match runs to where the
 * outer one ends (the same body characters, read greedily to the same end), and holds no more of
 * a generated token's characters than the outer one does, so the detector would reject each of
 * them. The issued one is looked for at each of the outer match's prefixes, up to the next
 * prefix past it, where the search would go on anyway. The last answer is kept for the
 * scan (`scan-scope.ts`): the scanner asks again from later positions, and up to the match it
 * found the answer is the same.
 */
class NestingFormatSearch {
  /** Built on the first search: only a text holding a known prefix is searched (cold start). */
  private readonly regex: () => RegExp;
  /** The format's token as issued, tried at a prefix (`issuedTokenSource`); undefined when it has no issued shape. */
  private readonly issued: (() => RegExp) | undefined;
  private readonly prefix: string;
  private scan = -1;
  private text = "";
  private from = -1;
  private found: RegExpExecArray | null = null;

  constructor(format: KnownTokenFormat) {
    this.regex = lazy(() => new RegExp(knownTokenSource([format]), "g"));
    const issued = issuedTokenSource(format);
    this.issued = issued === undefined ? undefined : lazy(() => new RegExp(issued, "y"));
    this.prefix = format.prefix;
  }

  next(text: string, from: number): RegExpExecArray | null {
    // The scan's number keeps a retried request's equal text from being compared whole; the text
    // keeps a search outside a scan (a test's) from reading another text's answer.
    if (this.scan === currentScan() && this.text === text && from >= this.from && (this.found === null || from <= this.found.index)) return this.found;
    const regex = this.regex();
    let found: RegExpExecArray | null;
    for (let at = from; ; at = this.issuedInside(text, found.index, found.index + found[0].length)) {
      regex.lastIndex = at;
      found = regex.exec(text);
      if (found === null || isTokenMatch(found[0])) break;
    }
    this.scan = currentScan();
    this.text = text;
    this.from = from;
    this.found = found;
    return found;
  }

  /** Where a token of the issued shape (`isTokenMatch`) starts after `start` and before `end`, a match's bounds; else `end`. */
  private issuedInside(text: string, start: number, end: number): number {
    if (this.issued === undefined) return end;
    const issued = this.issued();
    for (let at = text.indexOf(this.prefix, start + 1); at >= 0 && at < end; at = text.indexOf(this.prefix, at + 1)) {
      issued.lastIndex = at;
      const token = issued.exec(text);
      if (token !== null && isTokenMatch(token[0])) return at;
    }
    return end;
  }

  /** Lets the scanned text go when its scan ends. */
  reset(): void {
    this.scan = -1;
    this.text = "";
    this.found = null;
  }
}

const NESTING_FORMATS = NESTING_TOKEN_FORMATS.map((format) => new NestingFormatSearch(format));
resetAfterEachScan(() => {
  for (const format of NESTING_FORMATS) format.reset();
});
