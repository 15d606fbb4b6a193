import { nameStringAt } from "../argument-strings";
import { PASSWORD_DIGITS } from "../code-list-items";
import { Evidence } from "../evidence";
import { isNamedCount, isSecretCodeName, isSecretName, isShortCount, namesToken } from "../secret-names";
import { saysPasswordState, saysSessionState, standsInForSecret } from "../status-words";
import { isCodeNumber } from "./code-lists";
import { isRedactionMarker, type Detector } from "./detector";
import { SECRET_PARAM_KIND } from "./secret-parameter";

/**
 * A secret's value written as the argument after its name's own string, as a call's arguments are
 * (`console.log("password:", "hunter2")`, `print('pin:', 1234)`, the array a logger keeps them in,
 * `["otp:",123456]`, escaped in a JSON string `[\"token:\",\"…\"]`), and a string after its name's
 * string glued by `+` or a blank (`"password: " + "hunter2"`, `"password:" "hunter2"` opening the text). The field
 * form (`password: …`) reads no such value: the quote after the colon closes the name's string. That string must
 * open an argument (`nameStringAt`: after `(`, `[`, `,` or at the text's start), so a shell's words after a command
 * (`echo "password:" "hunter2"`) are none: the field form reads them as before, losing the gap and keeping the value
 * (a known fault).
 *
 * The match starts at the colon, as the field form's does (which reads nothing there: `nameStringAt`), so the
 * code lists' reading of a plural's argument (`["pins:",[1234,5678]]`) stays theirs.
 * The name is the last word of its string (`"Your password:"`), a secret's name as an attribute key's
 * (`isSecretName`). A string goes unless it stands in for a secret (`standsInForSecret`: a mask, a placeholder,
 * a state's word), says a password's or a session's state or is no value (`NO_VALUE_STRING`: another secret's
 * name's head, a separator). A whole number goes when it has a code's digits under a code's name (`pin`, `otp`,
 * `cvv`: `isCodeNumber`, `console.log("pin:", 3)` stays) and a numeric password's under another secret's name,
 * unless it is a count there (a count under `token_count`, a short one under `token`): fewer digits are a status,
 * a count or a flag (`console.log("api_key:", 200)`). A number ends its argument (`2024-secret-pass` is none).
 * The value's quotes stay; a number's marker after a `,` is quoted with the name's quote, so that JSON text stays
 * JSON (`["pin:","[REDACTED:secret_param]"]`). A string a `:` follows is a key, no value.
 */

/** After the colon closing the name inside its string: the string's closing quote (its escapes, 1; the quote, 2) and what joins the next argument (3). */
const NAME_STRING_END = String.raw`[ \t]?(\\{0,8})(["'])([ \t]*[,+][ \t]*|[ \t]+)`;
/**
 * The next argument: a string in the same quotes (no quote of its kind, backslash or line break inside), or a
 * number that ends the argument (a `,`, `;`, a bracket's or a call's end, a line's or the text's end after it).
 */
const NEXT_ARGUMENT = String.raw`(?:\1\2((?:(?!\2)[^\\\n]){1,256})\1\2(?![ \t]*:)|(-?\d{1,19}(?:\.\d{1,19})?)(?=[ \t]*(?:[,;)\]}\r\n]|\\{1,8}["n]|$)))`;
/** The colon after a name's character, then the rest. */
const SOURCE = `:(?<=[A-Za-z0-9_]:)${NAME_STRING_END}${NEXT_ARGUMENT}`;
const PARTS = new RegExp(`^:${NAME_STRING_END}${NEXT_ARGUMENT}$`);

/** The last word of the name's string: the name. */
const LAST_WORD = /[A-Za-z0-9_.-]+$/;

/**
 * A string that is no value: a name's head, a word (2) ending with a separator or a blank (`"api_key :"`,
 * `"token="`, `"--private-key "`), as a list of names' strings is written, when the word is a secret's name
 * (`"hunter2 "`, `"P@ssw0rd="` go); or one punctuation character alone, a separator (`";".repeat(8)`).
 */
const NO_VALUE_STRING = /^(?:(?:--?)?([A-Za-z][\w.-]{0,63})(?:[ \t]*[:=]|[ \t])[ \t]*|[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e])$/;

/** Whether `value`, a string argument after `name`'s, is a secret: no value (`NO_VALUE_STRING`), none standing in for it, saying its state or a marker already written. */
function isSecretString(name: string, value: string): boolean {
  const noValue = NO_VALUE_STRING.exec(value);
  if (noValue !== null && (noValue[1] === undefined || isSecretName(noValue[1]))) return false;
  const trimmed = value.trim();
  return trimmed !== "" && !isRedactionMarker(trimmed) && !standsInForSecret(trimmed) && !saysPasswordState(trimmed) && !saysSessionState(name, trimmed);
}

/**
 * Whether `number`, a number argument after `name`'s, is a secret: a whole number of a code's digits under a
 * code's name (`isCodeNumber`), of a numeric password's (`PASSWORD_DIGITS`) under another secret's name unless
 * a count there.
 */
function isSecretNumber(name: string, number: string): boolean {
  const digits = /^-?(\d+)$/.exec(number)?.[1];
  if (digits === undefined) return false;
  if (isSecretCodeName(name)) return isCodeNumber(name, digits);
  return digits.length >= PASSWORD_DIGITS && !isNamedCount(name, number) && !(namesToken(name) && isShortCount(digits));
}

/** The match with the next argument's value replaced by `marker`; undefined when the name's string names no secret or the value is none. */
function redactNextArgument(match: string, marker: string, text: string, start: number): string | undefined {
  const parts = PARTS.exec(match);
  const words = nameStringAt(text, start);
  if (parts === null || words === undefined) return undefined;
  const name = LAST_WORD.exec(words)?.[0];
  if (name === undefined || !isSecretName(name)) return undefined;
  const [, escapes, quote, join, string, number] = parts;
  if (string !== undefined) return isSecretString(name, string) ? `${match.slice(0, match.length - string.length - escapes!.length - 1)}${marker}${escapes}${quote}` : undefined;
  if (!isSecretNumber(name, number!)) return undefined;
  // After a `,` the number is an item of an array or a call's arguments, JSON as often as not: its marker is quoted as a string.
  const quoted = join!.includes(",") ? `${escapes}${quote}${marker}${escapes}${quote}` : marker;
  return `${match.slice(0, match.length - number!.length)}${quoted}`;
}

export const consoleArgumentsDetector: Detector = {
  kind: SECRET_PARAM_KIND,
  source: SOURCE,
  evidence: Evidence.SECRET_FIELD,
  rewrite: (match, marker, text, start) => redactNextArgument(match, marker, text, start),
};
