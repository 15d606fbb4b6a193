/**
 * Case-insensitive tests of an ASCII word at a place in a key, without slicing or lower-casing
 * the key: the per-attribute walks (name-owners.ts, name-value-pairs.ts) ask them of every key
 * of every record, and most keys fail at their first character.
 */

/**
 * Whether `text` ends with `word` (lower-case ASCII letters) in any ASCII case, as a regular
 * expression's `/i` flag without `u` reads an ASCII letter (ECMA-262 §22.2.2.7.3 Canonicalize:
 * no non-ASCII character folds to one): `ParameterName`, `NAME` end with `name`.
 */
export function endsWithFolded(text: string, word: string): boolean {
  const start = text.length - word.length;
  if (start < 0) return false;
  for (let i = 0; i < word.length; i++) if ((text.charCodeAt(start + i) | 0x20) !== word.charCodeAt(i)) return false;
  return true;
}

/** Whether `text` from `start` to its end is `word` (lower-case ASCII letters) in any ASCII case (`endsWithFolded`). */
export function isFoldedWordAt(text: string, start: number, word: string): boolean {
  return text.length - start === word.length && endsWithFolded(text, word);
}
