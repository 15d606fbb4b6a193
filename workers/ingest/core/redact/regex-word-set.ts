/**
 * Regex source matching exactly one of `words` (literal text, each at least one character), as a
 * tree: words sharing a first character share it (`o(?:r(?:az|)|der|f)` for `or`, `oraz`, `oder`,
 * `of`), and first characters whose rests are the same share a class (`[łl]o` for `ło`, `lo`).
 * The words' order is not kept, so it is for inside a lookaround with no group in it, where only
 * whether some word matches is seen (`(?!${anyWord(…)}[ \t])`), or before what no word's letter
 * is, so that at most one word can be followed by it (a month's name before `.`, `-` or a blank:
 * the word ending where the letters end), and no order of trying can change a match. `caseless`
 * reads the ASCII letters and `ñ` in either case, as `caseless` in detectors/detector.ts does
 * (`[Mm][Aa][Rr](?:[Cc][HhOo]|…)` for `march`, `marco`, …).
 *
 * Why: under 20 KB of source V8 compiles each alternative of a list with its own check of what
 * follows, and a lookaround copied with its pattern (a quantifier's unrolled first repeat, a
 * language's alternative) is compiled once per copy: the password sentences' clause-word check,
 * 120 spellings, was some 1,800 bytecodes a copy where the tree takes some 1,400
 * (docs/decisions.md, 2026-12-05, "Password sentences and street lines compiled once per
 * word").
 */
export function anyWord(words: readonly string[], caseless = false): string {
  const rests = new Map<string, string[]>();
  let ends = false;
  for (const word of words) {
    if (word === "") { ends = true; continue; }
    const [first] = word;
    rests.set(first!, [...(rests.get(first!) ?? []), word.slice(first!.length)]);
  }
  const firsts = new Map<string, string[]>();
  for (const [first, rest] of rests) {
    const tail = anyWord(rest, caseless);
    firsts.set(tail, [...(firsts.get(tail) ?? []), first]);
  }
  const cased = (char: string): boolean => caseless && EITHER_CASE.test(char);
  const branches = [...firsts].map(([tail, chars]) =>
    (chars.length === 1 && !cased(chars[0]!) ? literal(chars[0]!) : `[${chars.map((char) => (cased(char) ? char.toUpperCase() + char : member(char))).join("")}]`) + tail);
  if (ends) branches.push("");
  return branches.length === 1 ? branches[0]! : `(?:${branches.join("|")})`;
}

/** A letter `caseless` reads in either case. */
const EITHER_CASE = /^[a-zñ]$/;

/** `char` as a regex literal. */
function literal(char: string): string {
  return char.replace(/[\\^$.*+?()[\]{}|/]/g, String.raw`\$&`);
}

/** `char` as a member of a character class. */
function member(char: string): string {
  return char.replace(/[\\\]\[^-]/g, String.raw`\$&`);
}
