/**
 * Case-insensitive tests of an ASCII word at the end of a key, without slicing or lower-casing
 * the key: the per-attribute walks (name-owners.ts, name-value-pairs.ts) ask them of every key
 * of every record, and most keys fail at their last character. The answers are a lower-cased
 * copy's: besides the ASCII letters only the Kelvin sign lower-cases to one (`k`), and no word
 * asked so has a `k` (`name`, `value`, `variable`; `key` is asked only before a regular
 * expression that reads the key as these do).
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

/**
 * Whether `key`'s last part (after its last `.`, or all of it) is `word` (lower-case ASCII
 * letters) in any ASCII case (`endsWithFolded`): `shipping.Name` and `name` for `name`.
 */
export function lastPartIsFolded(key: string, word: string): boolean {
  return endsWithFolded(key, word) && (key.length === word.length || key.charCodeAt(key.length - word.length - 1) === 0x2e /* . */);
}
