import { MoreEvidence } from "../evidence";
import { standsForSecret } from "../secret-names";
import type { Detector } from "./detector";
import { SECRET_PARAM_KIND } from "./secret-parameter";
import { holdsSecret } from "./secret-assignment";
import { holdsPersonName, textPersonFieldOf } from "../person-names";
import { PERSON_NAME_KIND } from "./person-name-field";
import { indentedMessageStart } from "../logger-prefix";

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

export const tracebackValueDetector: Detector = drawnValueDetector(SECRET_PARAM_KIND, (value, marker, drawn) => {
  if (!(holdsSecret(drawn.name) || (drawn.keyword !== undefined && holdsSecret(drawn.keyword)))) return undefined;
  if (QUOTED_REPR.test(value)) return hiddenRepr(value, marker, (inner) => !standsForSecret(inner));
  return standsForSecret(value) || DEFAULT_REPR.test(value) ? undefined : marker;
});

/**
 * A person's name drawn as a string's `repr` under a name that holds one, as the person-name
 * detector of text fields reads the same name before `=` (`textPersonFieldOf`, `holdsPersonName`):
 * `user`, `customer`, `name`, `full_name` over `└ 'Maria Gonzalez'`, or a keyword argument's
 * value under such a keyword (`greet(user=u)`). Only a quoted string's inner text is judged, as a
 * bare `user`'s or `name`'s is in text: a full name led by a common given name there
 * (`user` over `'maria'` or `<User 42>` stays); the quotes stay.
 */
export const tracebackNameDetector: Detector = drawnValueDetector(PERSON_NAME_KIND, (value, marker, drawn) => {
  // A drawn name is a variable's: a bare `name` there is a person's as a logfmt field's is.
  const read = textPersonFieldOf(drawn.name, true) ?? (drawn.keyword === undefined ? undefined : textPersonFieldOf(drawn.keyword, true));
  if (read === undefined) return undefined;
  const field = read === "login" ? undefined : read;
  return hiddenRepr(value, marker, (inner) => holdsPersonName(inner, field));
});

/** The name drawn above a value, and the keyword whose argument that name is (`drawnNameOf`). */
interface DrawnName {
  readonly name: string;
  readonly keyword: string | undefined;
}

/**
 * A detector of `kind` over the values drawn rows print (`SOURCE`, gated on
 * `MoreEvidence.DRAWN_VALUE`): a value with a name drawn above it is replaced as `judge` says
 * (the replacement, or undefined to keep it); one with none stays.
 */
function drawnValueDetector(kind: string, judge: (value: string, marker: string, drawn: DrawnName) => string | undefined): Detector {
  return {
    kind,
    source: SOURCE,
    evidence: 0,
    moreEvidence: MoreEvidence.DRAWN_VALUE,
    rewrite: (value, marker, text, start) => {
      const drawn = drawnNameOf(text, start);
      return drawn === undefined ? undefined : judge(value, marker, drawn);
    },
  };
}

/**
 * `value` (a drawn row's value) as a string's or a bytes literal's `repr` with its inner text
 * replaced by `marker` when `hides` says so; undefined when it is no quoted `repr`, an empty
 * one, one already replaced, or one `hides` keeps.
 */
function hiddenRepr(value: string, marker: string, hides: (inner: string) => boolean): string | undefined {
  const quoted = QUOTED_REPR.exec(value);
  if (quoted === null) return undefined;
  const [, prefix, quote, inner] = quoted;
  return inner === "" || inner!.startsWith("[REDACTED") || !hides(inner!) ? undefined : `${prefix}${quote}${marker}${quote}`;
}

/**
 * The name drawn above the value starting at `start` (after its row's `└ ` or `-> `), and the
 * keyword whose argument it is (`connect(password=pw)`'s `password` over `pw`); undefined when
 * the value is already a marker or no name is drawn there: the rows above each hold a pipe at
 * the value's column up to the source line, which holds a name starting there.
 */
function drawnNameOf(text: string, start: number): DrawnName | undefined {
  if (text.startsWith("[REDACTED", start)) return undefined;
  const rowStart = text.lastIndexOf("\n", start - 1) + 1;
  // `└ ` is two characters before the value, `-> ` three.
  const column = start - (text.startsWith("└", start - 2) ? 2 : 3) - rowStart;
  let end = rowStart - 1;
  for (let rows = 0; end > 0 && rows < ROW_REACH; rows++) {
    const lineStart = text.lastIndexOf("\n", end - 1) + 1;
    // The source line may open the logged message: its columns count from after the logger's prefix.
    const line = text.slice(indentedMessageStart(text, lineStart), end);
    const at = line[column];
    if ((at === "│" || at === "|") && DRAWING.test(line.slice(0, column))) {
      end = lineStart - 1;
      continue;
    }
    if (column > 0 && /\w/.test(line[column - 1] ?? "")) return undefined;
    const name = NAME.exec(line.slice(column))?.[0];
    return name === undefined ? undefined : { name, keyword: KEYWORD_BEFORE.exec(line.slice(0, column))?.[1] };
  }
  return undefined;
}
