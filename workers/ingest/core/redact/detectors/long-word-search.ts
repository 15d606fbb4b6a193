import { currentScan, resetAfterEachScan } from "../scan-scope";
import { MAX_UNQUOTED_WORD, UNQUOTED, WORD_CHARACTER } from "./name-field";

/**
 * A name field detector's search (`Detector.search`) that reads a long word's inside once.
 * An unquoted value's word is at most `MAX_UNQUOTED_WORD` characters (`UNQUOTED`), which its
 * lookahead checks by reading up to one character more: at each `=` inside a longer word
 * (`to=` repeated over 64 KB) that was 513 characters read to fail, a tenth of a second a text.
 *
 * Each long word's run is found once per scan (`longWordsOf`), and a separator with more than
 * `MAX_UNQUOTED_WORD` word characters right after it is tried with `UNQUOTED` left out
 * (`NEVER`), where it fails anyway: there a value glued to `=` starts inside the long word, and
 * one after `:` or `=>` needs a blank or `>` the word does not hold (any other start, an XML
 * element's `<`, reaches no unquoted value and reads the same either way). Every other position is
 * tried with the whole source, so each match is the one `exec` of the source finds, at the same
 * start. `starts`: a character class holding every match's first character.
 */
export function longWordSearch(source: string, starts: string): (text: string, from: number) => RegExpExecArray | null {
  if (!source.includes(UNQUOTED)) throw new Error("the source holds no unquoted value to leave out");
  const whole = new RegExp(source, "g");
  const sticky = new RegExp(source, "y");
  const withoutUnquoted = new RegExp(source.split(UNQUOTED).join(NEVER), "y");
  const separators = new RegExp(starts, "g");
  return (text, from) => {
    const words = longWordsOf(text);
    for (let at = from; ; ) {
      // Past the last separator a long word follows, the source alone finds what it would.
      if (words.length === 0 || at > words[words.length - 1]! - MAX_UNQUOTED_WORD - 2) {
        whole.lastIndex = at;
        return whole.exec(text);
      }
      separators.lastIndex = at;
      const separator = separators.exec(text);
      if (separator === null) return null;
      const regex = startsLongWord(words, separator.index + 1) ? withoutUnquoted : sticky;
      regex.lastIndex = separator.index;
      const found = regex.exec(text);
      if (found !== null) return found;
      at = separator.index + 1;
    }
  };
}

/** A regex source that never matches, standing for `UNQUOTED` where it cannot. */
const NEVER = "(?!)";

/** A word of more than `MAX_UNQUOTED_WORD` characters from its start; its run's end is read after it (`WORD_REST`). */
const LONG_WORD = new RegExp(`(?<!${WORD_CHARACTER})${WORD_CHARACTER}{${MAX_UNQUOTED_WORD + 1}}`, "g");
const WORD_REST = new RegExp(`${WORD_CHARACTER}*`, "y");

/** Whether more than `MAX_UNQUOTED_WORD` word characters follow from `at`, in one of `words` (`longWordsOf`). */
function startsLongWord(words: readonly number[], at: number): boolean {
  for (let i = 0; i < words.length; i += 2) {
    if (at < words[i]!) return false;
    if (at <= words[i + 1]! - MAX_UNQUOTED_WORD - 1) return true;
  }
  return false;
}

/** No long words: a text of at most `MAX_UNQUOTED_WORD` characters holds none. */
const NONE: readonly number[] = [];

/** The text whose long words `words` holds, and the scan it was read in (scan-scope.ts). */
let wordsScan = -1;
let wordsText = "";
/** Each long word's start and end, ascending: [start, end, start, end, …]. */
let words: number[] = [];

/** The runs of `text`'s words longer than `MAX_UNQUOTED_WORD` characters, read once per scan. */
function longWordsOf(text: string): readonly number[] {
  if (text.length <= MAX_UNQUOTED_WORD) return NONE;
  if (wordsScan === currentScan() && wordsText === text) return words;
  const found: number[] = [];
  LONG_WORD.lastIndex = 0;
  for (let word = LONG_WORD.exec(text); word !== null; word = LONG_WORD.exec(text)) {
    WORD_REST.lastIndex = LONG_WORD.lastIndex;
    WORD_REST.test(text);
    found.push(word.index, WORD_REST.lastIndex);
    LONG_WORD.lastIndex = WORD_REST.lastIndex;
  }
  wordsScan = currentScan();
  wordsText = text;
  words = found;
  return found;
}

resetAfterEachScan(() => {
  wordsScan = -1;
  wordsText = "";
  words = [];
});
