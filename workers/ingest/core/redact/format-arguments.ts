/**
 * A printf-style format string as a call's or a console line's first argument (Node's `util.format`, pino,
 * winston, browsers, Go, Python: `["password: %s","hunter2"]`, `logger.info("pin: %d", 1234)`, escaped in a JSON
 * string `[\"token: %o\",\"…\"]`), where a secret's name and its `:` or `=` stand right before a placeholder: the
 * argument that placeholder consumes is that name's value. Placeholders are counted left to right; `%%` is a
 * literal percent and consumes none, `%c` consumes a browser's CSS argument, never judged.
 *
 * The find is the consumed argument's value alone (a string's characters inside its quotes, or a whole number):
 * the format string, the placeholder and every other argument are scanned by the other detectors as any text is
 * (an e-mail, an IP, a card before the secret). The value is judged as the field form judges the rendered pair
 * (`renderedReading`): `["auth=%s","basic"]` keeps `basic` as `auth=basic` does, `["Authorization: %s","Bearer …"]`
 * gives the bearer marker, `["pin: %d",3]` loses `3` as `pin: 3` does; a mask, a stand-in or `""` stays.
 */

import { countWork, currentScan, readAside, resetAfterEachScan } from "./scan-scope";
import { secretNameOf, stringCharacterSource } from "./argument-strings";
import { TextScanner } from "./text-scanner";
import { RedactionTally } from "./tally";
import { BUILT_IN_DETECTORS } from "./detectors";
import { redactionMarker } from "./detectors/detector";
import { SECRET_PARAM_KIND } from "./detectors/secret-parameter";
import { PRINTF_CONVERSION } from "./placeholders";
import { isPairedSecretValue } from "./pair-values";

/** A placeholder as `util.format`, printf, Go's `fmt` and Python's `%` write it (`PRINTF_CONVERSION`, the list `isPlaceholder` reads). */
const PLACEHOLDER = `%${PRINTF_CONVERSION}`;
/**
 * One character of the format string (escapes `fe`, quote `fq`), read in JSON's escape units as a string argument's
 * are, or a line break: a JSON text's `\n` (Go's and C's `"token=%q\n"`) is one where the scanner reads its escapes.
 */
const FORMAT_CHARACTER = String.raw`(?:${stringCharacterSource(String.raw`\k<fe>`, String.raw`\k<fq>`)}|\r?\n)`;
/**
 * A format string opening a call's or a list's first argument (at the text's start or after `(` or `[`; never after
 * `,`, as only a call's first argument is a format): its escapes (`fe`), quote
 * (`fq`) and characters (`format`), holding a `:` or `=` and at most four blanks (and a quote) right before a
 * placeholder.
 */
const FORMAT_STRING = new RegExp(
  String.raw`(?<=(?:^|[([])[ \t]{0,8})(?<fe>\\{0,8})(?<fq>["'])(?<format>(?:(?![:=][ \t]{0,4}(?:\\{0,8}["'])?%)${FORMAT_CHARACTER}){0,256}[:=][ \t]{0,4}(?:\\{0,8}["'])?${PLACEHOLDER}${FORMAT_CHARACTER}{0,256})\k<fe>\k<fq>`,
  "g",
);
/** Each placeholder of a format string, or a literal `%%` (consuming none). */
const PLACEHOLDERS = new RegExp(`%%|${PLACEHOLDER}`, "g");
/** A name's words, their `:` or `=` and blanks, and a quote opening the placeholder's (`password: '%s'`), ending the text before a placeholder. */
const NAME_BEFORE_PLACEHOLDER = /((?:[A-Za-z0-9]+[ \t]+)?[A-Za-z0-9_.-]+[ \t]?[:=][ \t]{0,4})(\\{0,8}["'])?$/;

/**
 * What a placeholder after a secret's name renders: the text before its value (`password: `) and after it (a
 * closing quote), as `renderedReading` reads them. A placeholder whose name is the argument the placeholder before
 * it consumes (`"%s: %s"`, `"%s=%s"`) holds the separator between them (`separator`, `: `) in place of a head: its
 * head is that argument's string and the separator, when the string names a secret (`argumentNamed`).
 */
interface NamedPlaceholder {
  readonly head: string;
  readonly tail: string;
  readonly separator?: string;
}

/** The text between two placeholders that makes the first's argument the second's name: a `:` or `=` and blanks (`%s: %s`, `%s = %s`). */
const SEPARATOR_ONLY = /^[ \t]?[:=][ \t]{0,4}$/;

/**
 * For each placeholder of `format` that consumes an argument, left to right, its name's rendering
 * (`NamedPlaceholder`) when a secret's name stands before it, when it follows such a placeholder with nothing
 * between them (`password: %s%s`: each argument it consumes is more of the value), or when only a `:` or `=`
 * stands between it and the placeholder before it (`%s: %s`: the name is that one's argument); else undefined.
 */
function namedPlaceholders(format: string): (NamedPlaceholder | undefined)[] {
  const named: (NamedPlaceholder | undefined)[] = [];
  let from = 0;
  let previous: { readonly end: number; readonly named: NamedPlaceholder | undefined; readonly string: boolean } | undefined;
  for (const placeholder of format.matchAll(PLACEHOLDERS)) {
    if (placeholder[0] === "%%") continue;
    // A `*` width or precision consumes an argument of its own before the placeholder's (`%*d`, `%.*f`).
    const stars = placeholder[0].split("*").length - 1;
    for (let star = stars; star > 0; star--) named.push(undefined);
    const end = placeholder.index + placeholder[0].length;
    const between = format.slice(from, placeholder.index);
    const before = NAME_BEFORE_PLACEHOLDER.exec(between);
    from = end;
    const joined = stars === 0 && !placeholder[0].endsWith("c") ? previous : undefined;
    previous = { end, named: undefined, string: stars === 0 && /[sv]$/.test(placeholder[0]) };
    if (joined !== undefined && joined.end === placeholder.index && joined.named !== undefined && joined.named.separator === undefined) {
      // `password: %s%s`: the arguments of placeholders glued to a secret's are all the value's parts.
      previous = { ...previous, named: { head: joined.named.head, tail: "" } };
    } else if (joined?.string === true && SEPARATOR_ONLY.test(between)) {
      previous = { ...previous, named: { head: "", tail: "", separator: between } };
    } else {
      const words = before?.[1]!.replace(/[ \t]?[:=][ \t]*$/, "");
      if (before !== null && !placeholder[0].endsWith("c") && secretNameOf(words!) !== undefined) {
        const quote = before[2]?.replace(/^\\+/, "") ?? "";
        previous = { ...previous, named: { head: `${before[1]}${quote}`, tail: quote !== "" && format.slice(end).replace(/^\\+/, "").startsWith(quote) ? quote : "" } };
      }
    }
    named.push(previous.named);
  }
  return named;
}

/** A string argument that is a secret's name alone, as a name given as an argument is (`"password"`, `"API key"`), at most two words. */
const ARGUMENT_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,63}(?: [A-Za-z0-9_.-]{1,64})?$/;

/**
 * The rendering of `placeholder` for the argument `value` it consumes when its name is the argument before it
 * (`separator`): that argument's string `name` and the separator, when it names a secret and `value` is a token as
 * a pair's value is judged wherever two strings are written (`isPairedSecretValue`: `["%s: %s","token","count"]`,
 * `"IDENT"`, `"Password"`, `"AES256"` and `"hunter2"` stay, as `[["token","count"]]` does); `placeholder` itself
 * when it has a head.
 */
function argumentNamed(placeholder: NamedPlaceholder | undefined, name: string | undefined, value: string): NamedPlaceholder | undefined {
  if (placeholder?.separator === undefined) return placeholder;
  if (name === undefined || !ARGUMENT_NAME.test(name) || secretNameOf(name) === undefined || !isPairedSecretValue(name, value)) return undefined;
  return { head: `${name}${placeholder.separator}`, tail: "" };
}

/**
 * One argument after a `,` and its blanks, line breaks too (`logging.info("password=%s",\n    "hunter2")`): a
 * string in any escapes (1) and quote (2), its characters (3) read as JSON's escapes nest, or a line break the
 * scanner read from its escape (`"hunter2\n"`); a whole number ending its argument (4); or anything else up to its `,` or the call's or
 * array's end (a variable, an object: judged never, but counted).
 */
const ARGUMENT = new RegExp(
  String.raw`[ \t\r\n]{0,32},[ \t\r\n]{0,32}(?:(\\{0,8})(["'${"`"}])((?:${stringCharacterSource(String.raw`\1`, String.raw`\2`)}|\r?\n){0,1024})\1\2|(-?\d{1,19})(?=[ \t]*(?:[,)\]\r\n]|\\{1,8}["n]|$))|\{[^{}\n]{0,256}\}|\[[^[\]\n]{0,256}\]|[^,()[\]{}"'\n]{1,64})`,
  "y",
);

/** A consumed argument's value that goes: where it stands, how long it is, what replaces it, and which of its markers hide a session's id (`Rewrite.sessionIds`). */
interface FormatFind {
  readonly start: number;
  readonly length: number;
  readonly text: string;
  readonly sessionIds: readonly number[];
}

/**
 * A placeholder standing alone in a string, at its start or after a blank, `:` or `=`, and no letter or digit
 * after it (`username: %s`, `%d items`): a template's. A password holding a `%` (`p%ssw0rd`, `ab%d9`) holds none.
 */
const HOLDS_PLACEHOLDER = new RegExp(String.raw`(?:^|[ \t:=])${PLACEHOLDER}(?![A-Za-z0-9])`);
/** A consumed string that is itself a format string or a name's (`["password: %s","username: %s"]`, a list of templates): no value. */
function isFormatOrName(value: string): boolean {
  if (HOLDS_PLACEHOLDER.test(value)) return true;
  const name = /^(.{1,64}?)[ \t]?[:=][ \t]*$/.exec(value)?.[1];
  return name !== undefined && secretNameOf(name) !== undefined;
}

/** The finds among the arguments of the format string ending at `formatEnd`, each consumed by a placeholder of `namedAt`. */
function findsOfArguments(text: string, formatEnd: number, namedAt: readonly (NamedPlaceholder | undefined)[]): FormatFind[] {
  const finds: FormatFind[] = [];
  ARGUMENT.lastIndex = formatEnd;
  let previousString: string | undefined;
  for (const named of namedAt) {
    const at = ARGUMENT.lastIndex;
    const argument = ARGUMENT.exec(text);
    if (argument === null) break;
    countWork(argument[0].length);
    const value = argument[3] ?? argument[4];
    const placeholder = argumentNamed(named, previousString, value ?? "");
    previousString = argument[3];
    if (placeholder === undefined || value === undefined || value === "" || isFormatOrName(value)) continue;
    const start = argument[3] !== undefined ? ARGUMENT.lastIndex - value.length - argument[1]!.length - 1 : at + argument[0].length - value.length;
    const replaced = renderedReading(placeholder, value);
    if (replaced !== undefined) finds.push({ start, length: value.length, ...replaced });
  }
  return finds;
}

/** The field form's readings a scan may ask for (`renderedReading`): each scans a short text beside the scan, so a text holding more keeps the rest as main did. */
const MOST_READINGS = 16;
/** The scan whose readings `readings` counts: a scan's number and a count, no text. */
let readingsOf = { scan: -1, readings: 0 };
/** Whether a rendered pair is being read: its own text's format strings are not read again. */
let readingRendered = false;
/** The scanner of the built-in detectors that reads a rendered pair, built on first use. */
let renderedScanner: TextScanner | undefined;

/**
 * The replacement of `value`, the argument a placeholder after a secret's name consumes, as the field form reads
 * the rendered pair (`password: hunter2`, `auth=basic`, `Authorization: Bearer …`, `password: '…'` for a quoted
 * placeholder): the rendered text is redacted by the built-in detectors, and when its head and tail stay, what
 * became of the value replaces it; undefined when the value stays, holds a secret of its own (the scan finds it in
 * place, as it reads any text), or the reading changed more than the value.
 */
function renderedReading(placeholder: NamedPlaceholder, value: string): { readonly text: string; readonly sessionIds: readonly number[] } | undefined {
  const scan = currentScan();
  if (readingsOf.scan !== scan) readingsOf = { scan, readings: 0 };
  if (readingsOf.readings >= MOST_READINGS) return undefined;
  readingsOf = { scan, readings: readingsOf.readings + 1 };
  const { head, tail } = placeholder;
  const rendered = `${head}${value}${tail}`;
  countWork(rendered.length);
  renderedScanner ??= new TextScanner(BUILT_IN_DETECTORS, () => SESSION_ID_HELD);
  const scanner = renderedScanner;
  readingRendered = true;
  let read: string;
  try {
    // The value read alone first: one holding a secret of its own (`password: hunter2`, `Bearer …`, a card) is
    // left to the scan, which finds it in place as main did; the rendered pair would read its name as the value.
    countWork(value.length);
    const alone = readAside(() => scanner.redact(value, new RedactionTally()));
    read = alone !== value ? rendered : readAside(() => scanner.redact(rendered, new RedactionTally()));
  } finally {
    readingRendered = false;
  }
  if (read === rendered || !read.startsWith(head) || !read.endsWith(tail) || read.length < head.length + tail.length) return undefined;
  const replaced = read.slice(head.length, read.length - tail.length);
  // A quote, an escape or a control character (a line break or tab the scanner read from `\n`, `\t`) inside the
  // argument ends the rendered value early (`hun\"ter2`, `hunter2\n`), not the argument: it goes whole.
  return sessionIdsHeld(/["'`\\\x00-\x1f]/.test(value) ? (replaced.match(MARKER)?.[0] ?? replaced) : replaced);
}

/** The marker the rendered reading writes for a session's id (its scanner's session marker), which the scan's own session marker then writes for it. */
const SESSION_ID_HELD = redactionMarker("session_id_held");
/** A marker a rendered reading writes, and each of them. */
const MARKER = /\[REDACTED:[a-z_]{1,64}\]/;
const MARKERS = new RegExp(MARKER.source, "g");

/**
 * `replaced` with each marker hiding a session's id (`SESSION_ID_HELD`) written as a secret parameter's, and the
 * places of those among its markers, so that the scan writes its own session marker for the id as it does for
 * `session_id: …` (`Rewrite.sessionIds`).
 */
function sessionIdsHeld(replaced: string): { readonly text: string; readonly sessionIds: readonly number[] } {
  const sessionIds: number[] = [];
  let place = 0;
  const text = replaced.replace(MARKERS, (marker) => {
    if (marker === SESSION_ID_HELD) sessionIds.push(place);
    place++;
    return marker === SESSION_ID_HELD ? redactionMarker(SECRET_PARAM_KIND) : marker;
  });
  return { text, sessionIds };
}

/** The current scan's finds, all read as its first search asked; emptied as each scan ends. */
let pending: { scan: number; finds: readonly FormatFind[] } | undefined;
resetAfterEachScan(() => {
  pending = undefined;
});

/**
 * A format string's characters that hold a list or a call of escaped strings (`[\"password: %s\",\"hunter2\"]`
 * in a list of stringified console lines): the format is the escaped one inside, not the string holding it.
 */
const HOLDS_ESCAPED_LIST = /[[(][ \t]{0,8}\\+["']/;

/**
 * All finds of `text`'s format strings, left to right. Every rendered reading of the text is done here, in one
 * batch before the scan reads on, so the memos each reading empties (`readAside`) are refilled once a scan, not
 * once per reading.
 */
function findsOfText(text: string): FormatFind[] {
  const finds: FormatFind[] = [];
  FORMAT_STRING.lastIndex = 0;
  for (let format = FORMAT_STRING.exec(text); format !== null; format = FORMAT_STRING.exec(text)) {
    const at = format.index;
    const end = at + format[0].length;
    if (HOLDS_ESCAPED_LIST.test(format.groups!.format!)) {
      FORMAT_STRING.lastIndex = at + 1;
      continue;
    }
    const named = namedPlaceholders(format.groups!.format!);
    if (named.some((placeholder) => placeholder !== undefined)) finds.push(...findsOfArguments(text, end, named));
    FORMAT_STRING.lastIndex = end;
  }
  return finds;
}

/**
 * The first find at or after `from` of a consumed argument's value (`FormatFind`), the format strings read once
 * a scan (`findsOfText`); undefined when none is left. A rendered pair's own text (`readingRendered`) has none.
 */
export function formatFindAfter(text: string, from: number): FormatFind | undefined {
  if (readingRendered) return undefined;
  const scan = currentScan();
  if (pending?.scan !== scan) {
    const finds = findsOfText(text);
    pending = { scan, finds };
  }
  return pending.finds.find((find) => find.start >= from);
}

/**
 * The find `formatFindAfter` gave at `start` for `match` in the current scan, if any: what the detector's rewrite
 * writes there. The scanner hands a match over without the backslashes it ends with (`abc\\`); the argument's
 * reading in escape units says they are the value's, so the find keeps its length.
 */
export function formatFindAt(start: number, match: string): FormatFind | undefined {
  const find = pending?.scan === currentScan() ? pending.finds.find((candidate) => candidate.start === start) : undefined;
  return find !== undefined && find.length >= match.length ? find : undefined;
}
