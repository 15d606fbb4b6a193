import { countWork, currentScan, resetAfterEachScan } from "../scan-scope";

/**
 * How many JSON strings are open at a position of a text: the level a value there is written at,
 * so a marker put in place of a number can be quoted as a string of that level and the text stays
 * JSON (`{"msg":"…; 94103"}` takes `\"[REDACTED:…]\"`, a log line held in it one level more).
 * Read forward from the start of the text, once for all candidates of a scan (`scan-scope`), asked
 * left to right: a text costs its length once however many values it holds.
 *
 * A quote's level is read from the backslashes before it (RFC 8259 §7, as `escaped-quotes.ts`
 * reads them): `2^n - 1` of them, modulo `2^(n+1)`, make a quote of level `n` (`"`, `\"`,
 * `\\\"`); what a word or bracket is does not matter, only quotes. At depth `d` a quote of level
 * `d` opens a string (depth `d + 1`), one of a lower level `n` closes the strings down to it
 * (depth `n`). One of a higher level belongs to a text held in strings whose quotes this one does
 * not hold (a log line kept with its quotes escaped, `… WHERE \"zip\" = $1; 94103`): it opens a
 * string at its level, as if the outer ones were open.
 */

/** Levels read: JSON text in a string, in a string of a string (as `escaped-quotes.ts`). */
const MAX_LEVEL = 3;
const BACKSLASH = 0x5c;
const QUOTE = 0x22;

/** How far `jsonStringDepthAt` read the text of the current scan, and the depth there. */
const read = { scan: -1, at: 0, depth: 0 };

resetAfterEachScan(() => {
  read.scan = -1;
});

/**
 * The number of JSON strings open at `position` of `text` (0 outside any), at most MAX_LEVEL + 1.
 * Asked again in the same scan for a later position, it reads on from where it stopped.
 */
export function jsonStringDepthAt(text: string, position: number): number {
  if (read.scan !== currentScan() || position < read.at) {
    read.scan = currentScan();
    read.at = 0;
    read.depth = 0;
  }
  let i = read.at;
  let depth = read.depth;
  while (i < position) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      depth = afterQuote(depth, 0);
      i++;
    } else if (code === BACKSLASH) {
      let end = i;
      while (end < position && text.charCodeAt(end) === BACKSLASH) end++;
      if (end < position && text.charCodeAt(end) === QUOTE) {
        depth = afterQuote(depth, Math.min(MAX_LEVEL, levelOf(end - i)));
        end++;
      }
      i = end;
    } else {
      i++;
    }
  }
  countWork(i - read.at);
  read.at = i;
  read.depth = depth;
  return depth;
}

/** The quote, with the backslashes escaping it, that opens and closes a string at `depth` strings: `"`, `\"`, `\\\"`. */
export function quoteAtDepth(depth: number): string {
  return `${"\\".repeat(2 ** depth - 1)}"`;
}

/** The level of a quote after `backslashes` backslashes: how many of the lowest bits are ones. */
function levelOf(backslashes: number): number {
  let level = 0;
  while (backslashes & 1) {
    level++;
    backslashes >>= 1;
  }
  return level;
}

/** The depth after a quote of `level` read at `depth`. */
function afterQuote(depth: number, level: number): number {
  return level < depth ? level : level + 1;
}
