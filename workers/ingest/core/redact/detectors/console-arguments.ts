import { nameStringAt } from "../argument-strings";
import { Evidence } from "../evidence";
import { isFlagOrCountUnder, isNamedCount, isSecretCodeName, isSecretName, isShortCount, namesToken } from "../secret-names";
import { saysPasswordState, saysSessionState, standsInForSecret } from "../status-words";
import { isRedactionMarker, type Detector } from "./detector";
import { SECRET_PARAM_KIND } from "./secret-parameter";

/**
 * A secret's value written as the argument after its name's own string, as a call's arguments are
 * (`console.log("password:", "hunter2")`, `print('pin:', 1234)`, the array a logger keeps them in,
 * `["otp:",123456]`, escaped in a JSON string `[\"token:\",\"…\"]`), and a string after its name's
 * string glued by `+` or a blank (`"password: " + "hunter2"`, `echo "password:" "hunter2"`). The field form
 * (`password: …`) reads no such value: the quote after the colon closes the name's string.
 *
 * The match starts at the colon, as the field form's does (which reads nothing there: `nameStringAt`), so the
 * code lists' reading of a plural's argument (`["pins:",[1234,5678]]`) stays theirs.
 * The name is the last word of its string (`"Your password:"`), a secret's name as an attribute key's
 * (`isSecretName`). A string goes unless it stands in for a secret (`standsInForSecret`: a mask, a placeholder,
 * a state's word), says a password's or a session's state or is another name's head (`NO_VALUE_STRING`); a number goes under a code's name (`pin`, `otp`,
 * `cvv`: `isSecretCodeName`) and under another secret's name unless it is a flag or a count there (`0`, `1`,
 * a count under `token_count`, a short one under `token`). The value's quotes stay; a number's marker is quoted with the name's quote, so
 * that JSON text stays JSON (`["pin:","[REDACTED:secret_param]"]`). A string a `:` follows is a key, no value.
 */

/** After the colon closing the name inside its string: the string's closing quote (its escapes, 1; the quote, 2) and what joins the next argument. */
const NAME_STRING_END = String.raw`[ \t]?(\\{0,8})(["'])(?:[ \t]*[,+][ \t]*|[ \t]+)`;
/** The next argument: a string in the same quotes (no quote of its kind, backslash or line break inside), or a number. */
const NEXT_ARGUMENT = String.raw`(?:\1\2((?:(?!\2)[^\\\n]){1,256})\1\2(?![ \t]*:)|(-?\d{1,19}(?:\.\d{1,19})?)(?![\w.]|[ \t]*:))`;
/** The colon after a name's character, then the rest. */
const SOURCE = `:(?<=[A-Za-z0-9_]:)${NAME_STRING_END}${NEXT_ARGUMENT}`;
const PARTS = new RegExp(`^:${NAME_STRING_END}${NEXT_ARGUMENT}$`);

/** The last word of the name's string: the name. */
const LAST_WORD = /[A-Za-z0-9_.-]+$/;

/**
 * A string that is another name's head, not a value: it ends with a separator or a blank (`"api_key :"`,
 * `"password="`, `"--private-key "`), as a list of names' strings is written; or it holds ASCII punctuation alone (`";"`).
 */
const NO_VALUE_STRING = /[\s:=]$|^[\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]*$/;

/** Whether `value`, a string argument after `name`'s, is a secret: no other name's head, none standing in for it, saying its state or a marker already written. */
function isSecretString(name: string, value: string): boolean {
  if (NO_VALUE_STRING.test(value)) return false;
  const trimmed = value.trim();
  return !isRedactionMarker(trimmed) && !standsInForSecret(trimmed) && !saysPasswordState(trimmed) && !saysSessionState(name, trimmed);
}

/** Whether `number`, a number argument after `name`'s, is a secret: always under a code's name, else unless a flag or a count. */
function isSecretNumber(name: string, number: string): boolean {
  return isSecretCodeName(name) || !(isFlagOrCountUnder(name, number) || isNamedCount(name, number) || (namesToken(name) && isShortCount(number)));
}

/** The match with the next argument's value replaced by `marker`; undefined when the name's string names no secret or the value is none. */
function redactNextArgument(match: string, marker: string, text: string, start: number): string | undefined {
  const parts = PARTS.exec(match);
  const words = nameStringAt(text, start);
  if (parts === null || words === undefined) return undefined;
  const name = LAST_WORD.exec(words)?.[0];
  if (name === undefined || !isSecretName(name)) return undefined;
  const [, escapes, quote, string, number] = parts;
  if (string !== undefined) return isSecretString(name, string) ? `${match.slice(0, match.length - string.length - escapes!.length - 1)}${marker}${escapes}${quote}` : undefined;
  return isSecretNumber(name, number!) ? `${match.slice(0, match.length - number!.length)}${escapes}${quote}${marker}${escapes}${quote}` : undefined;
}

export const consoleArgumentsDetector: Detector = {
  kind: SECRET_PARAM_KIND,
  source: SOURCE,
  evidence: Evidence.SECRET_FIELD,
  rewrite: (match, marker, text, start) => redactNextArgument(match, marker, text, start),
};
