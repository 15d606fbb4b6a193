/**
 * Whether an argument after a secret's name is its value (console-arguments.ts, format-arguments.ts): a string, a
 * number or a flat object's or list's strings, judged alike wherever the name stood.
 */

import { stringCharacterSource } from "./argument-strings";
import { PASSWORD_DIGITS } from "./code-list-items";
import { isSecretCodeName, isSecretName, numericSecretDigits } from "./secret-names";
import { saysPasswordState, saysSessionState, standsInForSecret } from "./status-words";
import { isCodeNumber, isDateOrEpoch } from "./detectors/code-lists";
import { isRedactionMarker } from "./detectors/detector";

/**
 * A string that is no value: the next name's string (a secret's name and a `:`, `"token:"`, read at its own colon)
 * or one punctuation character alone, a separator (`";".repeat(8)`). A secret's word and a blank or a `=`
 * (`"secret "`, `"token="`) is a value here, whatever it would be as the first argument.
 */
const NO_VALUE_STRING = /^(?:([A-Za-z][\w.-]{0,63})[ \t]*:[ \t]*|[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e])$/;

/** Whether `value`, a string argument after `name`'s, is a secret: no value (`NO_VALUE_STRING`), none standing in for it, saying its state or a marker already written. */
export function isSecretString(name: string, value: string): boolean {
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
export function isSecretNumber(name: string, number: string): boolean {
  const digits = number.replace(/^-/, "");
  if (isSecretCodeName(name)) return isCodeNumber(name, digits);
  return numericSecretDigits(name) === PASSWORD_DIGITS && digits.length >= PASSWORD_DIGITS && !isDateOrEpoch(digits);
}

/** A string inside a flat object or list argument (its quote's escapes, 1; the quote, 2; its characters, 3) and, in an object, whether a `:` (a member's key) follows it. */
const CONTAINED_STRING = new RegExp(String.raw`(\\{0,8})(["'])(${stringCharacterSource(String.raw`\1`, String.raw`\2`)}*)\1\2([ \t]*:)?`, "g");

/**
 * A flat object or list argument after a secret's name (`["password:",{"v":"hunter2"}]`, `["token:",["abc"]]`)
 * with each string that is a value replaced by `marker`: an object's members' strings, not their keys, and a
 * list's items, each judged as a lone string argument is (`isSecretString`); undefined when none goes.
 */
export function redactContainer(name: string, container: string, marker: string): string | undefined {
  let replaced = false;
  const text = container.replace(CONTAINED_STRING, (whole: string, escapes: string, quote: string, string: string, key: string | undefined) => {
    if (key !== undefined || !isSecretString(name, string)) return whole;
    replaced = true;
    return `${escapes}${quote}${marker}${escapes}${quote}`;
  });
  return replaced ? text : undefined;
}

