import { argumentsInArray, secretNameOf } from "./argument-strings";
import { isSecretNumber, isSecretString, redactContainer } from "./argument-values";
import type { Rewrite } from "./detectors/detector";

/**
 * A printf-style format string as a call's or a console line's first argument (Node's `util.format`, pino,
 * winston, browsers: `console.log("password: %s", pw)`, `["pin: %d",1234]`, `logger.info("Login %s password=%s",
 * user, pw)`, escaped in a JSON string `[\"token: %o\",\"…\"]`), where a secret's name and its `:` or `=` stand
 * right before a placeholder: the argument that placeholder consumes is the secret. Placeholders are counted left
 * to right (`%s %d %i %f %j %o %O`, and `%c`, a browser's CSS argument); `%%` is a literal percent and consumes
 * none. The placeholder stays (it is no secret, and the field form would mask it: `token: [REDACTED]`); the
 * argument goes when it is a value as a lone argument after a name's string is (`isSecretString`,
 * `isSecretNumber`, `redactContainer`): a marker already written, a stand-in or a variable's name stays. An
 * argument under a placeholder with no secret's name before it (`Login %s`: the user) stays, as a user's name
 * after `user=` does elsewhere.
 *
 * The match is the format string (opening an argument: at the text's start or after `(`, `[` or `,`) and at most
 * `ARGUMENTS_REACH` characters of its line after it; the rewrite covers the format string and the arguments up to
 * the last one it removes, and the rest is scanned again.
 */

/** A character of the format string: none of its closing quote (`\k<fe>\k<fq>`), no backslash but a control's escape (`\n`, `\\t` one level down), no line break. */
const FORMAT_CHARACTER = String.raw`(?:(?!\k<fe>\k<fq>)[^\\\n]|\\{1,8}[nrt])`;
/** A placeholder, as `util.format` and printf write it: flags, width and precision perhaps, then its letter. */
const PLACEHOLDER = String.raw`%[-+ #0]{0,3}\d{0,3}(?:\.\d{1,3})?[sdifjoOc]`;
/** How far after the format string its arguments are read. */
const ARGUMENTS_REACH = 512;
/**
 * The format string's opening escapes (`fe`) and quote (`fq`), its characters (`format`), holding a `:` or `=`
 * right before a placeholder, then the rest of its line within reach (`rest`); named, as it is read beside
 * argument-strings.ts's reading in one detector (console-arguments.ts).
 */
export const FORMAT_STRING_SOURCE = String.raw`(?<=(?:^|[([,])[ \t]{0,8})(?<fe>\\{0,8})(?<fq>["'])(?<format>${FORMAT_CHARACTER}{0,256}?[:=][ \t]{0,4}${PLACEHOLDER}${FORMAT_CHARACTER}{0,256})\k<fe>\k<fq>(?<rest>[^\n]{0,${ARGUMENTS_REACH}})`;
const FORMAT = new RegExp(FORMAT_STRING_SOURCE);

/** Each placeholder in a format string, or a literal `%%` (no letter captured). */
const PLACEHOLDERS = new RegExp(`%%|${PLACEHOLDER}`, "g");
/** A name's words and their `:` or `=`, perhaps blanks after it, at the end of the text before a placeholder. */
const NAME_BEFORE_PLACEHOLDER = /((?:[A-Za-z0-9]+[ \t]+)?[A-Za-z0-9_.-]+)[ \t]?[:=][ \t]{0,4}$/;

/** For each placeholder of `format`, left to right, the secret's name before it (`password: %s`), or undefined. */
function placeholderNames(format: string): (string | undefined)[] {
  const names: (string | undefined)[] = [];
  let from = 0;
  for (const placeholder of format.matchAll(PLACEHOLDERS)) {
    if (placeholder[0] === "%%") continue;
    const words = NAME_BEFORE_PLACEHOLDER.exec(format.slice(from, placeholder.index))?.[1];
    names.push(placeholder[0].endsWith("c") || words === undefined ? undefined : secretNameOf(words));
    from = placeholder.index + placeholder[0].length;
  }
  return names;
}

/**
 * One argument after a `,` (1, with its blanks): a string in the format string's escapes (2) and any quote (3), its
 * characters (4) read whole as in argument-strings.ts; a flat object or list (5); or any other argument up to its
 * `,` or the call's or array's end (6: a number, a variable, `null`).
 */
const ARGUMENT = /([ \t]*,[ \t]*)(?:(\\{0,8})(["'`])((?:(?!\2\3)[^\\\n]|\\+(?![\\"'`\n])(?!$)|(?!\2\3)\\+["'`])*)\2\3|(\{[^{}[\]\n]{0,256}\}|\[[^{}[\]\n]{0,256}\])|([^,()[\]{}\n]{1,64}))/y;

/** The argument `argument` (an `ARGUMENT` match) replaced by `marker` when it is the secret under `name`, or undefined. */
function redactArgument(argument: RegExpExecArray, name: string, marker: string, inArray: boolean, escapes: string, quote: string): string | undefined {
  const [, join, ownEscapes, ownQuote, string, container, other] = argument;
  if (string !== undefined) return isSecretString(name, string) ? `${join}${ownEscapes}${ownQuote}${marker}${ownEscapes}${ownQuote}` : undefined;
  if (container !== undefined) {
    const redacted = redactContainer(name, container, marker);
    return redacted === undefined ? undefined : `${join}${redacted}`;
  }
  const number = /^(-?\d{1,19})([ \t]*)$/.exec(other!);
  if (number === null || !isSecretNumber(name, number[1]!)) return undefined;
  return `${join}${inArray ? `${escapes}${quote}${marker}${escapes}${quote}` : marker}${number[2]}`;
}

/**
 * The format string (kept) and its arguments up to the last one removed, each consumed by a placeholder after a
 * secret's name replaced when it is a value; undefined when none is (every find is counted, so a format string
 * whose arguments all stay is no find: there the field form reads on, as before).
 */
export function redactFormatArguments(match: string, marker: string, text: string, start: number, kind: string): Rewrite | undefined {
  const parts = FORMAT.exec(match);
  if (parts === null || parts.index !== 0) return undefined;
  const { fe: escapes, fq: quote, format, rest } = parts.groups!;
  const names = placeholderNames(format!);
  if (names.every((name) => name === undefined)) return undefined;
  const inArray = argumentsInArray(text, start + 1);
  const formatEnd = match.length - rest!.length;
  let written = match.slice(0, formatEnd);
  let covered = formatEnd;
  let pending = "";
  ARGUMENT.lastIndex = formatEnd;
  for (const name of names) {
    const argument = ARGUMENT.exec(match);
    if (argument === null) break;
    const redacted = name === undefined ? undefined : redactArgument(argument, name, marker, inArray, escapes!, quote!);
    pending += redacted ?? argument[0];
    if (redacted !== undefined) {
      written += pending;
      pending = "";
      covered = ARGUMENT.lastIndex;
    }
  }
  return covered === formatEnd ? undefined : { text: written, kind, length: covered };
}
