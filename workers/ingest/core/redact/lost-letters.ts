/**
 * Letters lost to decoding. Text written in Latin-1 or Windows-1252 and sent as UTF-8 has each of
 * its characters past ASCII replaced by U+FFFD, one for each byte (`geändert` arrives as
 * `ge\uFFFDndert`, `modifié` as `modifi\uFFFD`). Such a word is damaged, not a password: the rules
 * that tell a word from a secret by its characters read it as the word it was.
 */

import { lazy } from "../../../shared/lazy";

const REPLACEMENT = "\ufffd";

/**
 * `word` as it arrives after the damage: each character past ASCII as U+FFFD (`zurückgesetzt`
 * → `zur\uFFFDckgesetzt`). A word list's damaged spellings let a lookup find a damaged word.
 */
export function damagedSpelling(word: string): string {
  return word.replace(PAST_ASCII, REPLACEMENT);
}
const PAST_ASCII = /[^\x00-\x7f]/g;

/** `words` and the damaged spellings of those holding characters past ASCII (`damagedSpelling`). */
export function withDamagedSpellings(words: readonly string[]): string[] {
  return [...words, ...words.map(damagedSpelling).filter((damaged, at) => damaged !== words[at])];
}

/**
 * `word` with each run of U+FFFD that touches a letter (`ge\uFFFDndert`, `modifi\uFFFD`,
 * `\uFFFDber`) written as as many letters past ASCII, as the lost ones were: `ä`, or `Ä` at the
 * word's start (which a capital may have held: `"\uFFFDbernommen"` is no plain lower-case word)
 * and in a word with no lower-case letter. A shape's test then judges the word it was (`geändert`:
 * letters only, no password; `Gr\uFFFDn123!` still one). A U+FFFD next to no letter (`42\uFFFD!`)
 * stays a symbol, and so does one before a capital inside a word with lower-case letters
 * (`Sommer\uFFFDWinter`): a capital starts another word there, as after a separator Latin-1 writes
 * past ASCII (`§`, `€`, `°`), and a password joins its words so. One pass over the word.
 */
export function withLostLetters(word: string): string {
  if (!word.includes(REPLACEMENT)) return word;
  const lower = LOWER_CASE().test(word);
  return word.replace(REPLACEMENT_RUN, (run: string, at: number) => {
    const next = word.charAt(at + run.length);
    const joins = at > 0 && lower && UPPER_CASE().test(next);
    return !joins && (LETTER().test(word.charAt(at - 1)) || LETTER().test(next)) ? (lower && at > 0 ? "ä" : "Ä").repeat(run.length) : run;
  });
}
const REPLACEMENT_RUN = /\ufffd+/g;
/** A letter of any script; U+FFFD is none. */
const LETTER = lazy(() => new RegExp(String.raw`^\p{L}$`, "u"));
const LOWER_CASE = lazy(() => new RegExp(String.raw`\p{Ll}`, "u"));
const UPPER_CASE = lazy(() => new RegExp(String.raw`^\p{Lu}$`, "u"));
