import { MoreEvidence } from "../evidence";
import { standsForSecret } from "../secret-names";
import type { Detector } from "./detector";
import { SECRET_PARAM_KIND } from "./secret-parameter";
import { holdsSecret } from "./secret-assignment";

/**
 * A variable's value as a traceback that draws its frames' values prints it: loguru's
 * `diagnose` (on by default) and better-exceptions, which print under a frame's source line one
 * row per name, a `└` (`->` where the sink's encoding has no box drawing) under the name's first
 * character and the value's `repr` after it, with a `│` (`|`) under each name further left:
 *
 * ```
 *     check(user, password)
 *     │     │     └ 'Hunter2!x'
 *     │     └ 'maria@example.com'
 *     └ <function check at 0x7f3a2c1e0d30>
 * ```
 *
 * The value is a secret when the name drawn above it holds one (`holdsSecret`: `password`,
 * `db_password`, `api_key`, `self.token`'s `token`), or when that name is a keyword argument's
 * value and the keyword holds one (`connect(password=pw)`); counted as `secret_param`, as the
 * same value is under the name. The name is found by walking up the rows to the source line,
 * each row holding a `│` in the value's column (loguru's `_format_relevant_values`). A string's
 * quotes (and a bytes literal's `b`) stay; `None`, an empty string and an object's default
 * `repr` (`<Foo object at 0x…>`) stay. Rows whose name holds no secret are left to the other
 * detectors (the e-mail's above). Colourised output (ANSI escapes between the columns) is not read.
 */
/** A row's drawing before its value: blanks and `│`/`|` from the line's start, then `└ ` or `-> `. */
const SOURCE = String.raw`(?<=(?:^|\n)[ \t|│]*(?:└|->) )[^\r\n]{1,512}`;

/** A drawing row's characters before a column: blanks and pipes. */
const DRAWING = /^[ \t|│]*$/;
/** A name starting a source line's text at a column. */
const NAME = /^[A-Za-z_]\w*/;
/** A keyword argument's name right before a column (`password=` in `connect(password=pw)`), no `==`, `<=`, `!=`. */
const KEYWORD_BEFORE = /(?<![\w=!<>])([A-Za-z_]\w*)[ \t]*=[ \t]*$/;
/** How many rows above a value are walked to find its source line: one per name on the line. */
const ROW_REACH = 32;
/** A string's or a bytes literal's `repr`, its quotes captured. */
const QUOTED_REPR = /^([bu]?)(['"])([\s\S]*)\2$/;
/** Python's default `repr` of an object (`<Foo object at 0x7f…>`, `<function check at 0x7f…>`): its type's name and address only. */
const DEFAULT_REPR = /^<[^<>]* at 0x[0-9a-fA-F]+>$/;

export const tracebackValueDetector: Detector = {
  kind: SECRET_PARAM_KIND,
  source: SOURCE,
  evidence: 0,
  moreEvidence: MoreEvidence.DRAWN_VALUE,
  rewrite: (value, marker, text, start) => {
    const rowStart = text.lastIndexOf("\n", start - 1) + 1;
    // `└ ` is two characters before the value, `-> ` three.
    const column = start - (text.startsWith("└", start - 2) ? 2 : 3) - rowStart;
    if (!namesSecretAbove(text, rowStart, column) || value.startsWith("[REDACTED")) return undefined;
    const quoted = QUOTED_REPR.exec(value);
    if (quoted !== null) {
      const [, prefix, quote, inner] = quoted;
      return inner === "" || standsForSecret(inner!) || inner!.startsWith("[REDACTED") ? undefined : `${prefix}${quote}${marker}${quote}`;
    }
    return standsForSecret(value) || DEFAULT_REPR.test(value) ? undefined : marker;
  },
};

/**
 * Whether the name drawn at `column` above the row starting at `rowStart` holds a secret, or is
 * the value of a keyword argument whose name does: the rows above each hold a pipe at `column`
 * up to the source line, which holds a name starting there.
 */
function namesSecretAbove(text: string, rowStart: number, column: number): boolean {
  let end = rowStart - 1;
  for (let rows = 0; end > 0 && rows < ROW_REACH; rows++) {
    const lineStart = text.lastIndexOf("\n", end - 1) + 1;
    const line = text.slice(lineStart, end);
    const at = line[column];
    if ((at === "│" || at === "|") && DRAWING.test(line.slice(0, column))) {
      end = lineStart - 1;
      continue;
    }
    if (column > 0 && /\w/.test(line[column - 1] ?? "")) return false;
    const name = NAME.exec(line.slice(column))?.[0];
    if (name === undefined) return false;
    const keyword = KEYWORD_BEFORE.exec(line.slice(0, column))?.[1];
    return holdsSecret(name) || (keyword !== undefined && holdsSecret(keyword));
  }
  return false;
}
