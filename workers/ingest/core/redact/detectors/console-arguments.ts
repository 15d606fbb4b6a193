import { NEXT_ARGUMENT_SOURCE, nextArgumentAt } from "../argument-strings";
import { PASSWORD_DIGITS } from "../code-list-items";
import { Evidence } from "../evidence";
import { isSecretCodeName, isSecretName, numericSecretDigits } from "../secret-names";
import { saysPasswordState, saysSessionState, standsInForSecret } from "../status-words";
import { isCodeNumber, isDateOrEpoch } from "./code-lists";
import { isRedactionMarker, type Detector } from "./detector";
import { SECRET_PARAM_KIND } from "./secret-parameter";

/**
 * A secret's value written as the argument after its name's own string, as a call's arguments are
 * (`console.log("password:", "hunter2")`, `print('pin:', 1234)`, the array a logger keeps them in,
 * `["otp:",123456]`, escaped in a JSON string `[\"token:\",\"…\"]`), and a string after its name's
 * string glued by `+` or a blank (`"password: " + "hunter2"`, `"password:" "hunter2"` opening the text). The field
 * form (`password: …`) gives way here only where this reader reads the next argument (`nextArgumentAt`: a string
 * in any quote, escaped as the name's string is, or a number of 19 digits at most ending its argument); anything
 * else after a name's string (`"password:", hunter2`, `"password:", 'hunter2'` escaped otherwise, a longer number)
 * the field form reads as before. The name's string must open an argument (`nameStringAt`: after `(`, `[`, `,` or
 * at the text's start), so a shell's words after a command (`echo "password:" "hunter2"`) are none: the field
 * form reads them as before, losing the gap and keeping the value (a known fault).
 *
 * The match starts at the colon, as the field form's does, so the code lists' reading of a plural's argument
 * (`["pins:",[1234,5678]]`) stays theirs. The name is the last word of its string (`"Your password:"`), a
 * secret's name as an attribute key's (`isSecretName`). A string goes unless it stands in for a secret
 * (`standsInForSecret`: a mask, a placeholder, a state's word), says a password's or a session's state or is no
 * value (`NO_VALUE_STRING`). A number goes only as a code or a numeric password (`isSecretNumber`).
 */

/**
 * A string that is no value: the next name's string (a secret's name and a `:`, `"token:"`, read at its own colon)
 * or one punctuation character alone, a separator (`";".repeat(8)`). A secret's word and a blank or a `=`
 * (`"secret "`, `"token="`) is a value here, whatever it would be as the first argument.
 */
const NO_VALUE_STRING = /^(?:([A-Za-z][\w.-]{0,63})[ \t]*:[ \t]*|[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e])$/;

/** Whether `value`, a string argument after `name`'s, is a secret: no value (`NO_VALUE_STRING`), none standing in for it, saying its state or a marker already written. */
function isSecretString(name: string, value: string): boolean {
  const noValue = NO_VALUE_STRING.exec(value);
  if (noValue !== null && (noValue[1] === undefined || isSecretName(noValue[1]))) return false;
  const trimmed = value.trim();
  return trimmed !== "" && !isRedactionMarker(trimmed) && !standsInForSecret(trimmed) && !saysPasswordState(trimmed) && !saysSessionState(name, trimmed);
}

/**
 * Whether `number`, a number argument after `name`'s, is a secret: a whole number of a code's digits under a
 * code's name (`isCodeNumber`: `pin`, `otp`, `passcode`; no date or epoch), or of a numeric password's
 * (`PASSWORD_DIGITS` or more, no date or epoch) under a password's name (`numericSecretDigits`). Under any other
 * secret's name (`secret`, `token`, `session_id`, `auth`) a number is a lifetime, a time, a port or a count as
 * often, and stays.
 */
function isSecretNumber(name: string, number: string): boolean {
  const digits = number.replace(/^-/, "");
  if (isSecretCodeName(name)) return isCodeNumber(name, digits);
  return numericSecretDigits(name) === PASSWORD_DIGITS && digits.length >= PASSWORD_DIGITS && !isDateOrEpoch(digits);
}

/**
 * The match with the next argument's value replaced by `marker`; undefined when the value is none. A number's
 * marker is quoted with the name's quote among a JSON array's items (`["pin:","[REDACTED:…]"]`), so that JSON
 * text stays JSON; in a call's arguments it stands bare (`console.log("pin:", [REDACTED:…])`).
 */
function redactNextArgument(match: string, marker: string, text: string, start: number): string | undefined {
  const next = nextArgumentAt(text, start);
  if (next === undefined || next.read !== match) return undefined;
  const { escapes, quote, string, number } = next;
  if (string !== undefined) return isSecretString(next.name, string) ? `${match.slice(0, match.length - string.length - escapes.length - 1)}${marker}${match.slice(match.length - escapes.length - 1)}` : undefined;
  if (!isSecretNumber(next.name, number!)) return undefined;
  const quoted = next.inArray ? `${escapes}${quote}${marker}${escapes}${quote}` : marker;
  return `${match.slice(0, match.length - number!.length)}${quoted}`;
}

export const consoleArgumentsDetector: Detector = {
  kind: SECRET_PARAM_KIND,
  source: NEXT_ARGUMENT_SOURCE,
  evidence: Evidence.SECRET_FIELD,
  rewrite: (match, marker, text, start) => redactNextArgument(match, marker, text, start),
};
