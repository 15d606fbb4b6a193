import { countWork } from "./scan-scope";

/**
 * `ruled`, the compact JSON a key rule wrote again for the JSON object `written` (applyKeyRulesToJsonText's
 * serialisation), spelt as `written` spells it: its blanks and every token the rule left alone kept
 * byte for byte, only the tokens it replaced (a string's or a value's, RFC 8259 §2 and §7) taken
 * from `ruled`. A string written with other escapes but holding the same text stays as written.
 * `ruled` itself when `written` is no strict JSON (a printed form: its writer keeps its spelling
 * already) or the rule changed the object's shape (a member removed, an array replaced): then no
 * token answers another. Linear in both lengths.
 */
export function keptSpelling(written: string, ruled: string): string {
  const before = jsonTokens(written);
  const after = before === undefined ? undefined : jsonTokens(ruled);
  if (before === undefined || after === undefined || before.length !== after.length) return ruled;
  let out = "";
  let copied = 0;
  for (let k = 0; k < before.length; k += 2) {
    const start = before[k]!;
    const end = before[k + 1]!;
    const token = ruled.slice(after[k], after[k + 1]);
    const own = written.slice(start, end);
    if (own === token) continue;
    // Punctuation is one character a replaced value never is: a differing one is another shape.
    if (PUNCTUATION.has(own) || PUNCTUATION.has(token)) return ruled;
    if (own.charCodeAt(0) === QUOTE && token.charCodeAt(0) === QUOTE && JSON.parse(own) === JSON.parse(token)) continue;
    out += written.slice(copied, start) + token;
    copied = end;
  }
  return copied === 0 ? written : out + written.slice(copied);
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const PUNCTUATION: ReadonlySet<string> = new Set(["{", "}", "[", "]", ":", ","]);
/** JSON's whitespace (RFC 8259 §2) and punctuation, which end a number or a literal name. */
const BREAKS: ReadonlySet<number> = new Set([0x20, 0x09, 0x0a, 0x0d, 0x7b, 0x7d, 0x5b, 0x5d, 0x3a, 0x2c, QUOTE]);

/**
 * The tokens of the JSON text `text` as [start, end) pairs, flattened; undefined when it is no
 * strict JSON (the parse decides; the tokens are then read once).
 */
function jsonTokens(text: string): number[] | undefined {
  try {
    JSON.parse(text);
  } catch {
    return undefined;
  }
  const tokens: number[] = [];
  let i = 0;
  while (i < text.length) {
    countWork(1);
    const code = text.charCodeAt(i);
    if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) {
      i++;
      continue;
    }
    const start = i;
    if (code === QUOTE) {
      i++;
      while (text.charCodeAt(i) !== QUOTE) i += text.charCodeAt(i) === BACKSLASH ? 2 : 1;
      i++;
    } else if (BREAKS.has(code)) i++;
    else while (i < text.length && !BREAKS.has(text.charCodeAt(i))) i++;
    tokens.push(start, i);
  }
  return tokens;
}
