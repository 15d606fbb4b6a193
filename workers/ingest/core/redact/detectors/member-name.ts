import { blanksBefore } from "../blanks";
import { isNameCharacter } from "../secret-names";

/**
 * The name of the member whose value starts at `start` in printed text, read backwards, or
 * undefined when no name stands there. The one reader of a value's name for every printed form
 * a program writes a record in, so that a member's name gets one answer whatever form carries it:
 * - the value's opening quote, perhaps escaped (`"`, `'`, `` ` ``, `\"` in JSON text held in a
 *   string), then blanks (a line break too: `Pedido:` + `\n` + the number);
 * - the separator: `=` (logfmt, a query string, Python's and Java's reprs), `:` (JSON, YAML,
 *   util.inspect, Go's `%v` of a map, Rust's Debug; not one of a path's `::`), or `=>` (Ruby's
 *   hash, PHP's `print_r`, `var_export` and `var_dump`, Perl's Data::Dumper), blanks before it;
 * - the name: bare (`order_id`, a Ruby symbol's `:order_id`, a path `Order::Id`), quoted, its
 *   quotes perhaps escaped (`"order_id"`, `\"order_id\"`, `'order_id'`), qualified by another
 *   quoted name as SQL qualifies a column by its table (`"users"."id"` → `users.id`), or in a
 *   PHP dump's brackets (`[order_id]`, `["order_id"]`), a property's visibility after it left out
 *   (`[token:protected]`, `[token:App\User:private]`).
 * Reads at most `MAX_BLANKS` blanks on each side of the separator and a name of at most
 * `MAX_NAME` characters (`isNameCharacter`, and `::`), so each call costs a bounded read.
 */
export function memberNameBefore(text: string, start: number): string | undefined {
  let i = start;
  // The value's opening quote and the backslashes escaping it.
  if (i > 0 && isQuote(text.charCodeAt(i - 1))) {
    i--;
    while (i > 0 && start - i < 8 && text.charCodeAt(i - 1) === 92 /* \ */) i--;
  }
  i = blanksBefore(text, i, i - MAX_BLANKS, true);
  if (i === 0) return undefined;
  const separator = text.charCodeAt(i - 1);
  if (separator === 62 /* > */ && text.charCodeAt(i - 2) === 61 /* = */) i -= 2;
  else if (separator === 61 /* = */) i--;
  else if (separator === 58 /* : */ && text.charCodeAt(i - 2) !== 58) i--;
  else return undefined;
  i = blanksBefore(text, i, i - MAX_BLANKS);
  return nameEndingAt(text, i);
}

/** At most this many blanks are read on each side of a separator. */
const MAX_BLANKS = 16;
/** At most this many characters of a name are read. */
const MAX_NAME = 64;

/**
 * The last segment of a member's name, after its last `.` or `::` (`order.id` → `id`,
 * `Order::Id` → `Id`, `auth::token` → `token`): what the key rules read an id's or a
 * credential's name in (`key-rules.ts`). Rust's, C++'s and Ruby's paths part a name with `::`
 * as the semantic conventions part one with `.`.
 */
export function lastNameSegment(name: string): string {
  const path = name.lastIndexOf("::");
  return name.slice(Math.max(name.lastIndexOf(".") + 1, path < 0 ? 0 : path + 2));
}

/** The name that ends at `end`: in quotes (perhaps escaped, perhaps qualified), in a PHP dump's brackets, or bare. */
function nameEndingAt(text: string, end: number): string | undefined {
  if (end === 0) return undefined;
  const last = text.charCodeAt(end - 1);
  if (last === 93 /* ] */) return bracketedName(text, end - 1);
  if (isQuote(last)) {
    const close = end - 1;
    let nameEnd = close;
    while (nameEnd > 0 && close - nameEnd < 8 && text.charCodeAt(nameEnd - 1) === 92) nameEnd--;
    // Backslashes before the closing quote escape it in text held in a string: the name ends before them.
    const nameStart = bareNameStart(text, nameEnd);
    if (nameStart === nameEnd || !isQuote(text.charCodeAt(nameStart - 1))) return undefined;
    const name = text.slice(nameStart, nameEnd);
    const table = qualifierBefore(text, nameStart - 1);
    return table === undefined ? name : `${table}.${name}`;
  }
  const nameStart = bareNameStart(text, end);
  return nameStart === end ? undefined : text.slice(nameStart, end);
}

/**
 * The quoted name qualifying the quoted name whose opening quote is at `open` (`"users"."id"`:
 * `users`), perhaps in escaped quotes; undefined when none does.
 */
function qualifierBefore(text: string, open: number): string | undefined {
  let i = open;
  while (i > 0 && open - i < 8 && text.charCodeAt(i - 1) === 92) i--;
  if (text.charCodeAt(i - 1) !== 46 /* . */ || !isQuote(text.charCodeAt(i - 2))) return undefined;
  let end = i - 2;
  while (end > 0 && i - 2 - end < 8 && text.charCodeAt(end - 1) === 92) end--;
  const start = bareNameStart(text, end);
  return start < end && isQuote(text.charCodeAt(start - 1)) ? text.slice(start, end) : undefined;
}

/**
 * The name in a PHP dump's brackets closed at `close`: `[order_id]` (`print_r`),
 * `["order_id"]` (`var_dump`), `[token:protected]` and `[token:App\User:private]` (a
 * property's visibility and class, left out).
 */
function bracketedName(text: string, close: number): string | undefined {
  let open = close - 1;
  while (open >= 0 && close - open <= MAX_NAME + 2 && text.charCodeAt(open) !== 91 /* [ */ && text.charCodeAt(open) !== 10) open--;
  if (open < 0 || text.charCodeAt(open) !== 91) return undefined;
  const inside = text.slice(open + 1, close);
  const visibility = /(?<!:):(?!:)/.exec(inside);
  const name = (visibility === null ? inside : inside.slice(0, visibility.index)).replace(/^\\*["']|\\*["']$/g, "");
  return name !== "" && bareNameStart(name, name.length) === 0 ? name : undefined;
}

/** Where the run of name characters (`isNameCharacter`, and a path's `::`) ending at `end` starts, at most `MAX_NAME` back. */
function bareNameStart(text: string, end: number): number {
  let i = end;
  while (i > 0 && end - i < MAX_NAME) {
    const code = text.charCodeAt(i - 1);
    if (isNameCharacter(code)) i--;
    else if (code === 58 && text.charCodeAt(i - 2) === 58 && i - 2 > 0 && isNameCharacter(text.charCodeAt(i - 3)) && i < end) i -= 2;
    else break;
  }
  return i;
}

function isQuote(code: number): boolean {
  return code === 34 || code === 39 || code === 96;
}
