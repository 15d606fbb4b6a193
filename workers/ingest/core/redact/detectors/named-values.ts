import { MoreEvidence } from "../evidence";
import { countWork, currentScan, emptied, resetAfterEachScan } from "../scan-scope";
import { redactionMarker, type Detector, type Rewrite } from "./detector";
import { SECRET_PARAM_KIND } from "./secret-parameter";
import { namedValueKind } from "./sql-bound-parameter";
import { sqlColumnInTable } from "./sql-values";

/**
 * A value a log prints beside the name of the column, parameter or field it is for, judged by
 * that name as a bound value of such a column is (`namedValueKind`: the rules of
 * `sql-bound-parameter.ts`, the attribute key rules), in four forms:
 *
 * - Rails ActiveRecord's bound list after its statement: `[["password", "hunter2"], ["id", 42]]`,
 *   a bare `name` read with the statement's table (`INSERT INTO "users"` is `users.name`);
 * - EF Core's `Executed DbCommand (…) [Parameters=[@__password_1='…' (Size = 4000), …]`: the
 *   parameter's name without EF's `__` and `_n` (`@__user_Password_0` is `user_Password`), a bare
 *   `name` read with the statement EF logs after the list;
 * - pydantic's validation error as text: `password\n  String should have at least 12 characters
 *   [type=string_too_short, input_value='hunter2', input_type=str]`, the field (its `loc` joined
 *   with `.`, the last part read) on the line before;
 * - FastAPI's validation error as JSON: `{"loc":["body","password"],"msg":"…","input":"hunter2"}`,
 *   the field the last name of the `loc` before the `input` in its object.
 *
 * So a password, a token, a phone or a person's name is its marker (`"[REDACTED:secret_param]"`,
 * the value's quotes kept; a number's marker quoted as the form's strings), and `["id", 42]`,
 * `@__p_0='10'` and a `quantity`'s `-1` stay. `withheld` kinds (the policy's detectors turned off)
 * stay too. Gate: `MoreEvidence.NAMED_VALUE` (`[["`, `[Parameters=[@`, `input_value=`, `"input":`).
 */
export function namedValuesDetector(withheld: ReadonlySet<string>): Detector {
  return {
    kind: SECRET_PARAM_KIND,
    // Every form starts with no blank: asked first, it spares the lookbehinds' backward reading of
    // a blank run after `[` or `,` at each of its blanks (quadratic in the run).
    source: `(?=\\S)(?:${RAILS_PAIR}|${EF_PARAMETER}|${PYDANTIC_INPUT}|${JSON_INPUT})`,
    evidence: 0,
    moreEvidence: MoreEvidence.NAMED_VALUE,
    rewrite: (match, _marker, text, start) => {
      const head = HEAD.exec(match);
      if (head === null) return undefined;
      const valueAt = head[0].length;
      const name = nameOf(match, head, text, start);
      if (name === undefined) return undefined;
      const quote = match.charAt(valueAt);
      const quoted = quote === '"' || quote === "'";
      const value = quoted ? match.slice(valueAt + 1, -1) : match.slice(valueAt);
      const kind = namedValueKind(name, value, quoted);
      if (kind === undefined || withheld.has(kind)) return undefined;
      const around = quoted ? quote : match.startsWith("input_value=") ? "'" : '"';
      return { text: `${match.slice(0, valueAt)}${around}${redactionMarker(kind)}${around}`, kind } satisfies Rewrite;
    },
  };
}

/** A JSON-like string (a backslash escapes one character) or a number, on one line. */
const DOUBLE_QUOTED = String.raw`"(?:[^"\\\n]|\\.){0,512}"`;
const NUMBER = String.raw`-?\d{1,30}(?:\.\d{1,30})?(?![\w.])`;
/** Ruby's `inspect` of a pair, a blank after its comma (JSON's `["cookie","…"]` header pairs are no bound list). */
const RAILS_PAIR = String.raw`(?<=\[[ \t]*|,[ \t]*)\["[A-Za-z_][\w.]{0,63}",[ \t]+(?:${DOUBLE_QUOTED}|${NUMBER})(?=[ \t]*\])`;
/**
 * A parameter of EF Core's list: first in `[Parameters=[`, or after another's value and its facets
 * (`'…' (Size = 4000) (DbType = String), `); its value in SQL's quotes (`''` one inside).
 */
const EF_PARAMETER = String.raw`(?<=\[Parameters=\[|'(?: \([A-Za-z]{1,16} = [^()\n]{1,40}\)){0,4}, )@[A-Za-z_]\w{0,63}='(?:[^'\n]|''){0,512}'`;
const PYDANTIC_INPUT = String.raw`(?<=[\[,][ \t]*)input_value=(?:'(?:[^'\\\n]|\\.){0,512}'|${DOUBLE_QUOTED}|${NUMBER})`;
const JSON_INPUT = String.raw`"input"[ \t]*:[ \t]*(?:${DOUBLE_QUOTED}|${NUMBER})`;

/** What precedes the value in each form: Rails' name (1), EF Core's parameter (2). */
const HEAD = /^(?:\["([^"]+)",[ \t]+|@(\w+)=|input_value=|"input"[ \t]*:[ \t]*)/;

/**
 * The name the match's value is judged by, or undefined when its form's context is missing (an
 * `input_value=` after no field's line, an `"input"` with no `loc` in its object).
 */
function nameOf(match: string, head: RegExpExecArray, text: string, start: number): string | undefined {
  const column = head[1];
  if (column !== undefined) return sqlColumnInTable(text, start, column);
  const parameter = head[2];
  if (parameter !== undefined) return efColumnInTable(text, start, parameter.replace(EF_DECORATION, ""));
  return match.startsWith("input_value=") ? fieldLineBefore(text, start) : locBefore(text, start);
}

/** EF Core's parameter name around a captured variable's: `__` before, `_0` after. */
const EF_DECORATION = /^_+|_\d+$/g;

/**
 * `column` read with the table of the statement EF Core logs after the list holding `at`
 * (`sqlColumnInTable`: a bare `name` of `FROM "Users"` is `Users.name`). The list's end and the
 * columns read for it are kept for the scan (`efList`), so a long list's parameters read its end
 * and its statement once, not each.
 */
function efColumnInTable(text: string, at: number, column: string): string {
  if (efList.scan !== currentScan() || at >= efList.end) {
    const found = text.slice(at, at + REACH).indexOf(EF_LIST_END);
    countWork(found < 0 ? Math.min(REACH, text.length - at) : found);
    efList.scan = currentScan();
    efList.end = found < 0 ? Math.min(text.length, at + REACH) : at + found;
    emptied(efList.columns);
  }
  let read = efList.columns.get(column);
  if (read === undefined) {
    read = sqlColumnInTable(text, Math.min(text.length, efList.end + REACH), column);
    efList.columns.set(column, read);
  }
  return read;
}
const EF_LIST_END = "], CommandType=";
const efList = { scan: -1, end: -1, columns: new Map<string, string>() };
resetAfterEachScan(() => emptied(efList.columns));

/**
 * The field of pydantic's error line holding `at`: the line before it, alone on its line (a
 * `loc` joined with `.`: `password`, `body.user.password`, `items.0.phone`), the error's line
 * indented under it; its last part that is not an index. Reads back to the error line's start,
 * stopping at a `]` (another error's end, on the same line), then over the field's line: each
 * character is read for one error at most.
 */
function fieldLineBefore(text: string, at: number): string | undefined {
  let lineStart = at - 1;
  while (lineStart >= 0 && at - lineStart <= REACH && text.charCodeAt(lineStart) !== 10 /* \n */ && text.charCodeAt(lineStart) !== 93 /* ] */) lineStart--;
  let fieldStart = lineStart - 1;
  while (fieldStart >= 0 && lineStart - fieldStart <= REACH && FIELD_CHARACTER.test(text.charAt(fieldStart))) fieldStart--;
  countWork(at - fieldStart);
  if (text.charCodeAt(lineStart) !== 10 || !text.startsWith("  ", lineStart + 1)) return undefined;
  if (fieldStart >= 0 && text.charCodeAt(fieldStart) !== 10) return undefined;
  return lastName(text.slice(fieldStart + 1, lineStart).split("."));
}
const FIELD_CHARACTER = /[\w.-]/;

/**
 * The last name of the `"loc":[…]` in the JSON object holding `at` (FastAPI writes `loc` before
 * `input`): read back from `at` to it, none when an object's `{` or `}` or another `"input"`
 * comes first, so each character is read for one `input` at most.
 */
function locBefore(text: string, at: number): string | undefined {
  let i = at - 1;
  for (; i >= 0 && at - i <= REACH; i--) {
    const code = text.charCodeAt(i);
    if (code === 123 /* { */ || code === 125 /* } */) break;
    if (code === 34 /* " */ && (text.startsWith('"loc"', i) || text.startsWith('"input"', i))) break;
  }
  countWork(at - i);
  if (i < 0 || !text.startsWith('"loc"', i)) return undefined;
  const list = LOC_LIST.exec(text.slice(i, at));
  return list === null ? undefined : lastName(Array.from(list[1]!.matchAll(LOC_NAME), (name) => name[1]));
}
const LOC_LIST = /^"loc"[ \t]*:[ \t]*\[([^\]]{0,512})\]/;
const LOC_NAME = /"((?:[^"\\]|\\.)*)"|-?\d+/g;

/** The last part of a `loc` naming a field, past any list index (`["body", "phones", 0]` is `phones`). */
function lastName(parts: readonly (string | undefined)[]): string | undefined {
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i];
    if (part !== undefined && part !== "" && !/^\d+$/.test(part)) return part;
  }
  return undefined;
}

/** How far back a form's context is looked for (pydantic's field line, FastAPI's `loc`), and ahead for EF Core's statement. */
const REACH = 4096;

/** Every kind on: the built-in list's detector. */
export const NAMED_VALUES_DETECTOR: Detector = namedValuesDetector(new Set());
