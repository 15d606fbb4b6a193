/**
 * A name and its value as a list of two strings (`["password","hunter2"]`, `[["password","hunter2"]]` in a form's
 * or a binding's dump of pairs): the second string goes when the first is a secret's name of letters, `_`, `.`
 * and `-` (`isSecretName`, as an attribute's key; `["hunter2secret","94103"]` is no pair) and the second is a
 * value (`isSecretString`; digits alone only as a code or a numeric password, `isSecretNumber`), no field's name
 * and no structured value (`STRUCTURED_VALUE`). A list of field names
 * (`["password","username"]`, `["password","token"]`) has a second item of a name's characters alone: letters,
 * `_`, `-` or `.`, or a secret's name; so a password of letters alone stays there (a known fault).
 */

import { isSecretNumber, isSecretString } from "./argument-values";
import { isSecretName } from "./secret-names";

/** A string item's characters, up to the closing escapes (`pe`) and quote (`pq`), read whole as in argument-strings.ts. */
const ITEM_CHARACTER = String.raw`(?:(?!\k<pe>\k<pq>)[^\\\n]|\\+(?![\\"'\n])(?!$)|(?!\k<pe>\k<pq>)\\+["'])`;
/**
 * A list of two strings in one quoting (escapes `pe`, quote `pq`), the first a name's characters (`pname`), the
 * second anything (`pvalue`), right after the list's `[` and right before its `]`. Named groups: it is read
 * beside the other arguments' readings in one detector (console-arguments.ts).
 */
const PAIR_ITEMS = String.raw`(?<pe>\\{0,8})(?<pq>["'])(?<pname>[A-Za-z][A-Za-z_.-]{0,63})\k<pe>\k<pq>[ \t]*,[ \t]*\k<pe>\k<pq>(?<pvalue>${ITEM_CHARACTER}{1,256})\k<pe>\k<pq>`;
export const PAIR_SOURCE = String.raw`(?<=\[[ \t]{0,8})${PAIR_ITEMS}(?=[ \t]*\])`;
/** The items of a match of `PAIR_SOURCE`, read again alone. */
const PAIR = new RegExp(`^${PAIR_ITEMS}$`);
/**
 * A value holding a blank, `=` or `;`: a structured value the other detectors read (a header pair's cookies,
 * `["cookie","sid=…; theme=dark"]`, or scheme and credentials, `["Authorization","Bearer …"]`).
 */
const STRUCTURED_VALUE = /[ \t=;]/;
/** A field's name: a name's characters alone, no digit. */
const FIELD_NAME = /^[A-Za-z_][A-Za-z_.-]*$/;

/** Whether `match` is a pair `PAIR_SOURCE` reads. */
export function isPair(match: string): boolean {
  return PAIR.test(match);
}

/** The pair with its value replaced by `marker`, or undefined when the name is no secret's or the value is none. */
export function redactPair(match: string, marker: string): string | undefined {
  const groups = PAIR.exec(match)?.groups;
  if (groups === undefined) return undefined;
  const { pe, pq, pname, pvalue } = groups as Record<string, string>;
  if (!isSecretName(pname!) || FIELD_NAME.test(pvalue!) || STRUCTURED_VALUE.test(pvalue!) || isSecretName(pvalue!) || !isSecretString(pname!, pvalue!)) return undefined;
  // Digits alone are judged as a number argument is: a code under a code's name, a numeric password's 4 digits or more (`["pin","3"]`, `["auth","999"]` stay).
  if (/^-?\d+$/.test(pvalue!) && !isSecretNumber(pname!, pvalue!)) return undefined;
  return `${match.slice(0, match.length - pvalue!.length - pe!.length - pq!.length)}${marker}${pe}${pq}`;
}
