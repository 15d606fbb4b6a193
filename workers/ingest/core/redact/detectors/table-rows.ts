import { MoreEvidence } from "../evidence";
import type { Detector, Rewrite } from "./detector";
import { SECRET_PARAM_KIND, secretParameterDetector } from "./secret-parameter";

/**
 * A key/value table's row whose key cell names a secret: a Markdown row (`| password | hunter2x9 |`,
 * `| token | Zx9Kq2… |`) or a psql row as `\x` prints a record (` password | hunter2x9`, the key's
 * column padded with blanks). The value cell is one blank-free run, which may hold a `|` glued to
 * it (`[x]|hunter2`); a row of three columns or more, a cell with blanks, or a key that is no
 * word's is no key/value row and stays.
 *
 * The value is judged as the secret field forms judge `name: value` (secret-parameter.ts): the row
 * is that field written in a table's cells, so one reading decides what a secret's name holds
 * (placeholders, masks, states and type names stay). A code's cell (`| otp | 123456 |`) is
 * code-lists.ts's reading: its detector comes first at the same `|`, and this one reads only what
 * that one leaves.
 *
 * The match starts at the `|` after the key, read back by the lookbehind from the line's start,
 * and runs to the line's end: one candidate per line at most, so a search costs the text's length.
 */

/** A key: a word of letters, digits, `_`, `.` and `-`, a letter first. */
const KEY = "[A-Za-z][\\w.-]{0,63}";
/** The line's start, a Markdown row's opening `|` if any, the key and blanks, read back from the `|` after the key. */
const ROW_HEAD = `(?<=(?<![^\\n])[ \\t]{0,16}(?:\\|[ \\t]{0,64})?${KEY}[ \\t]{0,64}\\|)`;
const SOURCE = `\\|${ROW_HEAD}[^\\r\\n]{1,4096}`;

/** A row's start up to the `|` after its key: a Markdown row's opening `|` (1), the key (2). */
const HEAD_AT_END = new RegExp(`(?:^|\\n)[ \\t]*(\\|[ \\t]*)?(${KEY})[ \\t]*$`);
/** A value cell of a Markdown row, after the key's `|`: blanks, the value (1), blanks, the row's closing `|`, blanks. */
const MARKDOWN_CELL = /^([ \t]*)(\S+?)[ \t]*\|[ \t]*$/;
/** A value cell of a psql row: blanks, the value (1), blanks to the line's end. */
const PSQL_CELL = /^([ \t]*)(\S+)[ \t]*$/;

/**
 * `value` as the secret field forms rewrite `name: value` standing alone, or undefined when they
 * keep it: the text after `name: ` in their rewrite, with the kind and the session ids they give.
 */
function fieldReading(name: string, value: string, marker: string): { value: string; rewrite: Rewrite } | undefined {
  const field = `${name}: ${value}`;
  const match = secretParameterDetector.search!(field, 0);
  if (match === null || match.index !== name.length) return undefined;
  const rewrite = secretParameterDetector.rewrite!(match[0], marker, field, match.index, 0);
  if (rewrite === undefined) return undefined;
  const replaced = typeof rewrite === "string" ? rewrite : rewrite.text;
  const length = typeof rewrite === "string" ? match[0].length : (rewrite.length ?? match[0].length);
  const redacted = `${field.slice(0, match.index)}${replaced}${field.slice(match.index + length)}`;
  return { value: redacted.slice(name.length + 2), rewrite };
}

/** The row's value cell with its secret replaced as the secret field forms replace it; undefined when the row is kept. */
function redactTableRow(match: string, marker: string, text: string, start: number): Rewrite | undefined {
  const head = HEAD_AT_END.exec(text.slice(Math.max(0, start - 160), start));
  if (head === null) return undefined;
  const cell = (head[1] === undefined ? PSQL_CELL : MARKDOWN_CELL).exec(match.slice(1));
  if (cell === null) return undefined;
  const reading = fieldReading(head[2]!, cell[2]!, marker);
  if (reading === undefined || reading.value === cell[2]) return undefined;
  const row = `|${cell[1]}${reading.value}${match.slice(1 + cell[1]!.length + cell[2]!.length)}`;
  const { rewrite } = reading;
  if (typeof rewrite === "string") return row;
  return rewrite.sessionIds === undefined ? { text: row, kind: rewrite.kind } : { text: row, kind: rewrite.kind, sessionIds: rewrite.sessionIds };
}

export const tableRowsDetector: Detector = {
  kind: SECRET_PARAM_KIND,
  source: SOURCE,
  evidence: 0,
  moreEvidence: MoreEvidence.TABLE_ROW,
  rewrite: (match, marker, text, start) => redactTableRow(match, marker, text, start),
};
