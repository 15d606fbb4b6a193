/**
 * What every match of a regex holds, read from its source: the characters a text must show
 * before the regex can match it, so that a cheap test of a text's characters rules the regex out
 * (`evidence.ts`: `needsOfPatterns`, `mayHoldAny`).
 */

/** A need: a pair of bit masks (classes, letters) in the caller's terms, each bit one the text must show. */
export type Need = readonly [number, number];

/** What a character, escaped or not, needs when a pattern matches it. */
export type NeedOfCharacter = (code: number) => Need;

const NOTHING: Need = [0, 0];
/** Past this many ways through a sequence, a group counts as what all its ways share: fewer, looser needs. */
const MOST_NEEDS = 64;
/** The escapes that stand for one character: `\t`, `\n`, `\r`, `\f`, `\v`. */
const CHARACTER_ESCAPES: Readonly<Record<string, number>> = { t: 9, n: 10, r: 13, f: 12, v: 11 };
const QUANTIFIER_BOUNDS = /^\{(\d+)(?:,\d*)?\}/;
const HEX = /^[0-9A-Fa-f]+$/;

/**
 * The needs of every match of the regex `source` (written for no `u` or `v` flag), one for each
 * way a match may go: every match holds all of one of them. A sequence needs what each of its
 * parts needs, with one need for each way through its groups while they stay few (past
 * `MOST_NEEDS`, a group counts as what all its ways share); a character needs `needOf`'s; a class
 * what all its members need (`[Pp]`: a `p`; `[ \t]`: a blank). What `?`, `*` or `{0,…}` make
 * optional, a lookaround, `.`, an escape for a class, an assertion or a backreference, a `\u` or
 * `\x` escape and a negated class need nothing; a range needs what each of its characters does.
 * Looser than the regex, never stricter: a text lacking some need of every way cannot match.
 */
export function patternNeeds(source: string, needOf: NeedOfCharacter): Need[] {
  let at = 0;

  function alternation(): Need[] {
    const ways: Need[] = [];
    let sequence: Need[] = [NOTHING];
    while (at < source.length && source[at] !== ")") {
      if (source[at] === "|") {
        ways.push(...sequence);
        sequence = [NOTHING];
        at++;
        continue;
      }
      const part = term();
      sequence = optional() ? sequence : product(sequence, part);
    }
    ways.push(...sequence);
    return ways;
  }

  function term(): Need[] {
    const character = source[at]!;
    if (character === "(") return group();
    if (character === "[") return [characterClass()];
    if (character === "\\") return [escape()];
    at++;
    return character === "." || character === "^" || character === "$" ? [NOTHING] : [needOf(character.charCodeAt(0))];
  }

  function group(): Need[] {
    at++;
    // A lookaround, or a group with modifiers (`(?i:`), needs nothing; a named group what it holds.
    let counts = true;
    if (source[at] === "?") {
      const kind = source[at + 1];
      if (kind === ":") at += 2;
      else if (kind === "<" && source[at + 2] !== "=" && source[at + 2] !== "!") at = source.indexOf(">", at) + 1;
      else {
        counts = false;
        while (at < source.length && source[at] !== ":" && source[at] !== "=" && source[at] !== "!") at++;
        at++;
      }
    }
    const inner = alternation();
    at++;
    return counts ? inner : [NOTHING];
  }

  /** The escape at `at`, read past, as a part of the pattern. */
  function escape(): Need {
    const kind = source[at + 1]!;
    const code = escapedCharacter();
    if (code >= 0) return needOf(code);
    if (kind === "k") at = source.indexOf(">", at) + 1;
    return NOTHING;
  }

  /**
   * The character the escape at `at` stands for, read past: `\t`, `\n`, `\r`, `\f`, `\v`, a
   * `\u` or `\x` escape's, or a punctuation character's; -1 for a class's (`\d`, `\w`), an
   * assertion's, a backreference's, a `\c` escape's.
   */
  function escapedCharacter(): number {
    const kind = source[at + 1]!;
    const digits = kind === "u" ? 4 : kind === "x" ? 2 : 0;
    const hex = source.slice(at + 2, at + 2 + digits);
    if (digits > 0 && HEX.test(hex)) {
      at += 2 + digits;
      return Number.parseInt(hex, 16);
    }
    at += kind === "c" ? 3 : 2;
    const code = CHARACTER_ESCAPES[kind];
    if (code !== undefined) return code;
    return /[A-Za-z0-9]/.test(kind) ? -1 : kind.charCodeAt(0);
  }

  /** The class's character at `at`, read past (-1 as `escapedCharacter`). */
  function classCharacter(): number {
    return source[at] === "\\" ? escapedCharacter() : source.charCodeAt(at++);
  }

  function characterClass(): Need {
    at++;
    let loose = source[at] === "^";
    if (loose) at++;
    let classes = -1;
    let letters = -1;
    while (at < source.length && source[at] !== "]") {
      const low = classCharacter();
      let high = low;
      if (source[at] === "-" && source[at + 1] !== "]") {
        at++;
        high = classCharacter();
      }
      if (low < 0 || high < 0 || high - low > 255) {
        loose = true;
        continue;
      }
      for (let code = low; code <= high; code++) {
        const need = needOf(code);
        classes &= need[0];
        letters &= need[1];
      }
    }
    at++;
    return loose || classes === -1 ? NOTHING : [classes, letters];
  }

  /** Reads a quantifier at `at`, if any: whether it makes the part before it optional. */
  function optional(): boolean {
    const character = source[at];
    let none = false;
    if (character === "?" || character === "*") none = true;
    else if (character === "{") {
      const bounds = QUANTIFIER_BOUNDS.exec(source.slice(at));
      if (bounds === null) return false;
      none = Number(bounds[1]) === 0;
      at += bounds[0].length - 1;
    } else if (character !== "+") return false;
    at++;
    // A lazy quantifier's `?`.
    if (source[at] === "?") at++;
    return none;
  }

  return alternation();
}

/** What either need needs: the bits they share. */
function either(a: Need, b: Need): Need {
  return [a[0] & b[0], a[1] & b[1]];
}

/** The needs of a sequence and then a part: each of the sequence's with each of the part's, the ways of a side with fewer counting as what they share while more than `MOST_NEEDS` would come of it. */
function product(sequence: Need[], part: Need[]): Need[] {
  const shared = (needs: Need[]): Need[] => [needs.reduce(either)];
  // One side's ways alone may be many (a list of names); only their product is kept few.
  let [fewer, more] = sequence.length <= part.length ? [sequence, part] : [part, sequence];
  if (fewer.length > 1 && fewer.length * more.length > MOST_NEEDS) fewer = shared(fewer);
  if (fewer.length > 1 && fewer.length * more.length > MOST_NEEDS) more = shared(more);
  const [left, right] = sequence.length <= part.length ? [fewer, more] : [more, fewer];
  const ways: Need[] = [];
  for (const a of left) for (const b of right) ways.push([a[0] | b[0], a[1] | b[1]]);
  return ways;
}
