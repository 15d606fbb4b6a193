/**
 * `source`, regex source of a word or a phrase as prose writes it (letters, `[Xx]` for a first
 * letter in either case, `\uXXXX` escapes, blanks and the group syntax `(?:…)`, `|`, `?`), as a
 * form, a label or a bank's statement prints it, all in capitals: `[Dd]ear` is `DEAR`, `from` is
 * `FROM`, `[Uu]su\u00e1rio` is `USU\u00c1RIO`, `[Gg]ood (?:[Mm]orning|…)` is `GOOD (?:MORNING|…)`.
 * Other escapes (`\t`, `\(`) are kept as written. Used to read the party's words and the greetings
 * in capitals beside their prose forms (name-introducers.ts, greetings.ts).
 */
export function inCapitals(source: string): string {
  return source.replace(PIECE, (piece, first: string | undefined, hex: string | undefined) => {
    if (first !== undefined) return first;
    if (hex !== undefined) return `\\u${String.fromCharCode(Number.parseInt(hex, 16)).toUpperCase().charCodeAt(0).toString(16).padStart(4, "0")}`;
    return piece.startsWith("\\") ? piece : piece.toUpperCase();
  });
}
/** A first letter in either case (`[Dd]`), a `\u` escape, another escape, or one character. */
const PIECE = /\[([A-Z])[a-z]\]|\\u([0-9a-fA-F]{4})|\\.|[^\\]/g;
