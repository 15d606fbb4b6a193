/**
 * One pass over a text's ASCII words for many word searches at once (`evidence.ts`): which of
 * them may match, read from the first letters of their words, so that only those run.
 *
 * Each search is a regular expression whose every way through starts with letters. Its keys are
 * read from its source (`wordKeysOf`, run by `scripts/word-keys-table.ts` to generate
 * `word-keys-table.ts`, which load only copies into the tables): per way, the first three letters
 * in lower case, through classes of letters (`[Pp]`, `[cs]`) and leading groups' alternatives. A way
 * behind a lookbehind that rules out a letter before it (`(?<![A-Za-z…])`, `(?<![\w])`) starts an
 * ASCII word, and is keyed by its first one to three letters there (`St`, `Hi`, `Dear`); any other
 * way may start inside a word, and is keyed by its first three letters wherever they stand (`pas`
 * of `dbPassword`). A character that is no ASCII letter (`ü`, `_`, a blank) ends a word: past it
 * the next word's first letters key the way at a word's start when they are as many
 * (`F[üÜ]hrerschein` by `hre`, not `f` anywhere); a lookahead's letters key it when they rule out
 * more than what follows (`(?=I[Dd][_-]?Card)`). `wordKeysIn` reads the text once: a word is a run of ASCII letters (any other
 * character ends one, so a word starts at least wherever a match can), and a search's bit is set
 * when a word starts with one of its start keys or holds one of its inner keys. A search with a way
 * keyed so by nothing (under three letters inside a word, no letter first) is always set. Case is
 * folded by ASCII alone, as a regex without the `u` flag folds it (`ſ`, `K`, `ı`, `İ` match no
 * ASCII letter there), and the keys fold every case: a set bit is a necessary condition only.
 */

/** Keys of up to three letters, five bits each (`a` is 1): a key's length is read from its value. */
const KEY_SPACE = 1 << 15;
/** By an ASCII code: its letter's number in either case (1 to 26), 0 for any other character. */
const LETTER_NUMBERS = new Uint8Array(128);
for (let letter = 0; letter < 26; letter++) {
  LETTER_NUMBERS[65 + letter] = letter + 1;
  LETTER_NUMBERS[97 + letter] = letter + 1;
}

/** The tables `wordKeysIn` reads, built by `wordKeysOf`. */
export interface WordKeys {
  /** By key: the bits of the searches with a way starting a word with it. */
  readonly starts: Int32Array;
  /** By three-letter key: the bits of the searches with a way holding it anywhere. */
  readonly inner: Int32Array;
  /** The bits of the searches that no key rules out. */
  readonly always: number;
}

/** One search for `wordKeysOf`: its bit (below 1 << 30), its regex, and ways its caller gates otherwise. */
export interface WordSearch {
  readonly bit: number;
  readonly pattern: RegExp;
  /** Top-level alternatives of `pattern`'s source, as written, that are keyed by nothing here (`%3[Dd]`): the caller's own gate covers them. */
  readonly gatedElsewhere?: readonly string[];
}

/**
 * The key tables of `searches`. Throws when a pattern has the `u` or `v` flag (case folding past
 * ASCII), a bit is not one bit below 1 << 30, or a way gated elsewhere is no alternative of its pattern.
 */
export function wordKeysOf(searches: readonly WordSearch[]): WordKeys {
  const starts = new Int32Array(KEY_SPACE);
  const inner = new Int32Array(KEY_SPACE);
  let always = 0;
  for (const { bit, pattern, gatedElsewhere = [] } of searches) {
    if (/[uv]/.test(pattern.flags)) throw new Error(`word keys: /${pattern.source}/ folds case past ASCII`);
    if (bit <= 0 || bit >= 1 << 30 || (bit & (bit - 1)) !== 0) throw new Error(`word keys: ${bit} is not one bit`);
    const ways = alternativesOf(pattern.source);
    const absent = gatedElsewhere.find((way) => !ways.includes(way));
    if (absent !== undefined) throw new Error(`word keys: ${absent} is no alternative of /${pattern.source}/`);
    for (const way of ways) {
      if (gatedElsewhere.includes(way)) continue;
      for (const key of leadingLetters(way, 0, "", false)) {
        const wordStart = key.startsWith(WORD_START);
        const letters = wordStart ? key.slice(1) : key;
        if (letters.length === 0 || (!wordStart && letters.length < 3)) always |= bit;
        else (wordStart ? starts : inner)[keyOf(letters)]! |= bit;
      }
    }
  }
  return { starts, inner, always };
}

/**
 * `WordKeys` written compactly (`word-keys-table.ts`, generated): per table, groups of keys in
 * lower-case letters sharing one bits value, `[bits, "key key …"]`, by bits then keys ascending.
 */
export interface WordKeyTable {
  readonly always: number;
  readonly starts: readonly (readonly [number, string])[];
  readonly inner: readonly (readonly [number, string])[];
}

/** The compact form of `keys`, the one `wordKeysFrom` reads back: what the table's generator writes. */
export function wordKeyTableOf(keys: WordKeys): WordKeyTable {
  return { always: keys.always, starts: groupsOf(keys.starts), inner: groupsOf(keys.inner) };
}

/** The key tables written in `table`: `KEY_SPACE` entries each, filled from its groups (some 200 keys), no regex read. */
export function wordKeysFrom(table: WordKeyTable): WordKeys {
  return { starts: filled(table.starts), inner: filled(table.inner), always: table.always };
}

function groupsOf(bitsByKey: Int32Array): [number, string][] {
  const keysByBits = new Map<number, string[]>();
  bitsByKey.forEach((bits, key) => {
    if (bits !== 0) keysByBits.set(bits, [...(keysByBits.get(bits) ?? []), lettersOf(key)]);
  });
  return [...keysByBits].sort(([a], [b]) => a - b).map(([bits, keys]) => [bits, keys.sort().join(" ")]);
}

function filled(groups: WordKeyTable["starts"]): Int32Array {
  const bitsByKey = new Int32Array(KEY_SPACE);
  for (const [bits, keys] of groups) for (const key of keys.split(" ")) bitsByKey[keyOf(key)] = bits;
  return bitsByKey;
}

/**
 * The bits of the searches in `keys` that may match `text`: those with a start key starting one
 * of its ASCII words or an inner key in one, and `keys.always`. One loop over the text's codes.
 *
 * The loop has no branch but its own: masks of all ones or zeros stand for the tests (a letter
 * or not, the word's first three letters or not), and the tables' entry 0, which no key of one
 * letter or more is, stands for no lookup. Ids mixing letters and digits (hex ids, Cloudflare's
 * Ray ids) turn a letter test taken per character into a guess the processor misses about every
 * other character; measured in Node on a 1,000-record request's texts, the pass costs about a
 * third less so (docs/decisions.md, 2026-12-05).
 */
export function wordKeysIn(text: string, keys: WordKeys): number {
  const { starts, inner } = keys;
  let found = keys.always;
  let run = 0;
  let key = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Past ASCII `(code - 128) >> 31` is 0: no letter.
    const letter = LETTER_NUMBERS[code & 127]! & ((code - 128) >> 31);
    // All ones on a letter (1 to 26), else 0, which ends the word: its run and key start over.
    const inWord = -((letter + 31) >> 5);
    run = (run + 1) & inWord;
    key = ((key << 5) | letter) & (KEY_SPACE - 1) & inWord;
    // `starts` while the word has three letters or fewer, `inner` from its third on.
    found |= starts[key & ((run - 4) >> 31)]! | inner[key & ~((run - 3) >> 31)]!;
  }
  return found;
}

function keyOf(letters: string): number {
  let key = 0;
  for (let i = 0; i < letters.length; i++) key = (key << 5) | (letters.charCodeAt(i) - 96);
  return key;
}

/** `keyOf`'s letters back: five bits a letter, the first in the highest bits. */
function lettersOf(key: number): string {
  let letters = "";
  for (; key > 0; key >>= 5) letters = String.fromCharCode(96 + (key & 31)) + letters;
  return letters;
}

/** The top-level alternatives of a regex source. */
function alternativesOf(source: string): string[] {
  const ways: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const character = source[i];
    if (character === "\\") i++;
    else if (character === "[") i = classEnd(source, i);
    else if (character === "(") depth++;
    else if (character === ")") depth--;
    else if (character === "|" && depth === 0) {
      ways.push(source.slice(from, i));
      from = i + 1;
    }
  }
  ways.push(source.slice(from));
  return ways;
}

/** The index of the `]` closing the class opened at `open`. */
function classEnd(source: string, open: number): number {
  let i = open + 1;
  if (source[i] === "]") i++;
  for (; i < source.length && source[i] !== "]"; i++) if (source[i] === "\\") i++;
  return i;
}

/** The index of the `)` closing the group opened at `open`. */
function groupEnd(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const character = source[i];
    if (character === "\\") i++;
    else if (character === "[") i = classEnd(source, i);
    else if (character === "(") depth++;
    else if (character === ")" && --depth === 0) return i;
  }
  throw new Error(`word keys: no group closes at ${open} of /${source}/`);
}

/** Marks a key `leadingLetters` read at a word's start (`^st`): one to three letters starting an ASCII word. */
const WORD_START = "^";

/** Whether the lookbehind `(?<![…])` opened at `open` and closed at `close` rules out every ASCII letter before the match. */
function excludesLetters(source: string, open: number, close: number): boolean {
  if (!source.startsWith("(?<![", open)) return false;
  const classClose = classEnd(source, open + 4);
  const members = source.slice(open + 5, classClose);
  return classClose + 1 === close && (members.includes("A-Za-z") || members.includes("\\w"));
}

function isQuantifier(character: string | undefined): boolean {
  return character === "?" || character === "*" || character === "{" || character === "+";
}

/** Characters with a meaning of their own in a regex source outside a class. */
const SYNTAX = "\\[](){}|?*+^$.";
/** Escapes that match no ASCII letter: a digit, a blank, a control character. */
const NO_LETTER_ESCAPES = "dstnrfv0";

/**
 * What one character of a regex source (`\x`, `\uXXXX`) at `at` stands for, outside or inside a
 * class: its code and the index past it, or `undefined` for an escape that may match a letter
 * (`\w`, `\S`, `\p{…}`, a back reference) or that is no one character (`\b`).
 */
function charAt(source: string, at: number): { code: number; end: number } | undefined {
  if (source[at] !== "\\") return { code: source.charCodeAt(at), end: at + 1 };
  const escaped = source[at + 1]!;
  if (escaped === "u" && /^[0-9A-Fa-f]{4}$/.test(source.slice(at + 2, at + 6))) return { code: parseInt(source.slice(at + 2, at + 6), 16), end: at + 6 };
  if (NO_LETTER_ESCAPES.includes(escaped)) return { code: 0, end: at + 2 };
  return /[A-Za-z0-9]/.test(escaped) ? undefined : { code: escaped.charCodeAt(0), end: at + 2 };
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * What a class's members (the source between `[` and `]`) may match: the ASCII letters among
 * them (lower case), and whether any other character is (which ends an ASCII word); `undefined`
 * when that cannot be read (a negated class, `\w`).
 */
function classMembers(members: string): { letters: Set<string>; other: boolean } | undefined {
  if (members.startsWith("^")) return undefined;
  const letters = new Set<string>();
  let other = false;
  for (let i = 0; i < members.length; ) {
    const first = charAt(members, i);
    if (first === undefined) return undefined;
    let last = first;
    if (members[first.end] === "-" && first.end + 1 < members.length) {
      const upper = charAt(members, first.end + 1);
      if (upper === undefined) return undefined;
      last = upper;
    }
    for (let code = first.code; code <= Math.min(last.code, 127); code++) {
      if (isAsciiLetter(code)) letters.add(String.fromCharCode(code | 0x20));
      else other = true;
    }
    if (last.code > 127) other = true;
    i = last.end;
  }
  return { letters, other };
}

/**
 * The first letters (up to three, lower case) of every way through `source` from `at`, after
 * `read`; a key read at a word's start is marked `WORD_START`. Letters and classes of letters
 * (`[Pp]`, `[cs]`: one way per letter) are read, through groups' alternatives; a group that may be
 * absent is read with and without it, one that may repeat up to its own end. A character that is
 * no ASCII letter (`_`, a blank, `ü`, a class of them) ends the word: the letters after it start
 * one, which keys the way when they are at least as many as those before (`f[üÜ]hrerschein` by
 * `hre` at a word's start, not `f` anywhere). A lookbehind reads no character of the match: one
 * that rules out a letter before it (`(?<![A-Za-z…])`) makes what follows start a word, any other
 * is passed over. A lookahead `(?=…)` keys the way by its own letters when they rule out more than
 * what follows it does (`(?=I[Dd][_-]?Card)`); `(?!…)` is passed over. Stops at anything else,
 * and before a letter with a quantifier.
 */
function leadingLetters(source: string, at: number, read: string, start: boolean): string[] {
  const key = (): string[] => [(start ? WORD_START : "") + read];
  let i = at;
  while (read.length < 3 && i < source.length) {
    const character = source[i]!;
    if (/[A-Za-z]/.test(character)) {
      if (isQuantifier(source[i + 1])) break;
      read += character.toLowerCase();
      i++;
    } else if (character === "[" || !SYNTAX.includes(character) || (character === "\\" && charAt(source, i) !== undefined)) {
      // One character or a class of them: letters go on with the word, anything else ends it.
      const one = character === "[" ? undefined : charAt(source, i)!;
      const close = one === undefined ? classEnd(source, i) : one.end - 1;
      const members =
        one === undefined ? classMembers(source.slice(i + 1, close)) : isAsciiLetter(one.code) ? { letters: new Set([String.fromCharCode(one.code | 0x20)]), other: false } : { letters: new Set<string>(), other: true };
      const quantifier = source[close + 1];
      if (members === undefined || (quantifier !== undefined && quantifier !== "?" && isQuantifier(quantifier))) break;
      const next = quantifier === "?" ? close + 2 : close + 1;
      const ways = [...members.letters].flatMap((letter) => leadingLetters(source, next, read + letter, start));
      if (members.other) ways.push(...afterWordEnd(source, next, read, start));
      if (quantifier === "?") ways.push(...leadingLetters(source, next, read, start));
      return ways;
    } else if (source.startsWith("(?<!", i) || source.startsWith("(?<=", i)) {
      const close = groupEnd(source, i);
      if (read.length === 0 && excludesLetters(source, i, close)) start = true;
      i = close + 1;
    } else if (source.startsWith("(?!", i)) {
      i = groupEnd(source, i) + 1;
    } else if (source.startsWith("(?=", i)) {
      const close = groupEnd(source, i);
      const ahead = alternativesOf(source.slice(i + 3, close)).flatMap((way) => leadingLetters(way, 0, read, start));
      const after = leadingLetters(source, close + 1, read, start);
      return ahead.every(isKeyed) && !after.every(isKeyed) ? ahead : after;
    } else if (source.startsWith("(?:", i) || (character === "(" && source[i + 1] !== "?")) {
      const close = groupEnd(source, i);
      const quantifier = source[close + 1];
      if (quantifier === "{") break;
      const inside = source.slice(source[i + 1] === "?" ? i + 3 : i + 1, close);
      const rest = source.slice(quantifier === "?" || quantifier === "*" || quantifier === "+" ? close + 2 : close + 1);
      // A group that may repeat is read once, its end where the reading stops; one that may be absent also as absent.
      const once = alternativesOf(inside).flatMap((way) => leadingLetters(quantifier === "*" || quantifier === "+" ? way : way + rest, 0, read, start));
      return quantifier === "?" || quantifier === "*" ? [...once, ...leadingLetters(rest, 0, read, start)] : once;
    } else {
      break;
    }
  }
  return key();
}

/** Whether a key `leadingLetters` read rules a text out: at a word's start one letter or more, anywhere three. */
function isKeyed(key: string): boolean {
  return key.startsWith(WORD_START) ? key.length > 1 : key.length === 3;
}

/**
 * The keys of the ways on from `next`, where a character that is no ASCII letter ended the word
 * holding `read`: the next word's first letters, when every way has at least as many as `read`;
 * else `read` as it stands.
 */
function afterWordEnd(source: string, next: number, read: string, start: boolean): string[] {
  const after = leadingLetters(source, next, "", true);
  return after.every((key) => key.length - 1 >= Math.max(1, read.length)) ? after : [(start ? WORD_START : "") + read];
}
