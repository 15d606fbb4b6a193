import { argumentsInArray } from "../argument-strings";
import { MoreEvidence } from "../evidence";
import { codeListDigits, isSecretCodeName, namesCodeInPlace } from "../secret-names";
import type { Detector } from "./detector";
import { startsWithUnit } from "./measure-value";
import { SECRET_PARAM_KIND } from "./secret-parameter";

/**
 * Codes under a code's plural name written in the shapes the field and parameter forms of
 * secret-parameter.ts do not read, counted as `secret_param`: Go's `%v` (`map[pins:[1234 5678]]`,
 * `{Pins:[1234 5678]}`), logfmt's and a shell's quoted or `,`-joined values (`pins="[1234,5678]"`,
 * `PINS=1234,5678`, `OTPS='123456'`), one code (`pins=1234`, `otps: 123456`), a query's array
 * (`otp[]=123456`, `pins[]=1234&pins[]=5678`), codes joined by `,` and blanks or by `and` (`otps: 123456, 654321`,
 * `otps=12345678 and 87654321`), a YAML block list (`pins:` then `- 1234` lines), a Markdown
 * table's cell or bold name (`| pins | [1234, 5678] |`, `**pins:** [1234]`; a code's singular too, `| otp | 123456 |`),
 * a console.log's next argument (`["pins:",[1234,5678]]`, `["pins:",1234]`, markers quoted: `markedItems`), a
 * trailing `,` or mixed quoting (`[1234, "5678",]`). `codeListTailDetector` reads on where a code's singular holds
 * a list whose first code the secret parameter forms took (`pin=1234,5678`).
 *
 * Each code goes and its quotes, brackets and separators stay. The name decides first: a code
 * list's plural (`codeListDigits`: `pins`, `card_pins`, `pin_codes`, `security_codes`,
 * `pin_numbers`, `pin_list`; `one_time_codes`), or a code's singular before a query's index
 * (`otp[]`, `pin[0]`) or in a Markdown table's cell (`| otp |`); a numeric password's plural counts as often and is
 * left to the other forms.
 * Then every item must be a code (`holdsOnlyCodes`): whole numbers of the name's code's digits (a
 * CVV's 3 or 4, an OTP's 4 to 10, a PIN's or another code's 4 to 12, one alone as well as several), no date or epoch, or,
 * under a name ending in `codes` (backup, recovery, security codes), letters and digits mixed that
 * name no algorithm (`ABC123`, `ab12-cd34`, not `sha256`). Anything else (`pins: enabled`, `otps: 2`,
 * `pins=80,443`) keeps the whole value, and so does a count's word before it (`Total pins: 300`) or, after a
 * lone code only, a time's unit or a count's word (`otps: 123456 ms`, `OTPs: 150000 sent`) and, unless it has a
 * one-time code's 6 to 8 digits under an OTP's name, a quantity's unit or a rate's `/` (`pins=4096 bytes`,
 * `pins: 1234 records`, `otps=1500/min`; `otps: 123456 bytes` goes): under a code's name a short number is a code
 * unless the text says otherwise. No unit keeps a list of two codes or more (`pins: 1234 5678 bytes`,
 * `otps: 123456, 654321 ms` go). A list joined by `and` or `or` ends before a number that is no code.
 *
 * The match starts at the separator (`:`, `=`, a table's `|`), after a name read back by its
 * lookbehind, so that at the same place the secret parameter forms, tried first, keep their
 * readings (`pins: [1234, 5678]` goes whole there).
 */

/** A code's word, in any case, that a code list's name ends with or holds before its plural's tail (`pins`, `pin_numbers`, `backup_codes`). */
const CODE_WORD = "(?:[Pp][Ii][Nn]|[Oo][Tt][Pp]|[Cc][Vv][VvCc]|[Cc][Oo][Dd][Ee])";
/** The name before the separator: the code's word with its plural's tail, a query's index, a closing quote or Markdown's bold. */
const NAME_BEFORE = `(?<![A-Za-z0-9])[A-Za-z0-9_-]{0,40}${CODE_WORD}[A-Za-z_-]{0,10}(?:\\[\\d{0,3}\\])?(?:\\\\{0,8}["']|\\*\\*)?[ \\t]{0,8}`;
/** An item in a list: letters, digits and `-`, perhaps quoted (double quotes escaped as JSON in a string has them). */
const ITEM = `\\\\{0,8}["']?[A-Za-z0-9][A-Za-z0-9-]{0,18}\\\\{0,8}["']?`;
/** A bare item: letters, digits and `-`. */
const BARE = "[A-Za-z0-9][A-Za-z0-9-]{0,18}";
/** What joins two items: `,` or `;` with blanks around, or blanks alone (Go's `%v`). */
const JOIN = "(?:[ \\t]*[,;][ \\t]*|[ \\t]+)";
/** A bracketed list, a trailing `,` allowed. */
const LIST = `\\[[ \\t]*${ITEM}(?:${JOIN}${ITEM}){0,63}(?:[ \\t]*,)?[ \\t]*\\]`;
/** A quoted value of bare items, perhaps bracketed inside the quotes (`"[1234,5678]"`, `'123456'`, `"1234 5678"`). */
const QUOTED = `\\\\{0,8}["']\\[?[ \\t]*${BARE}(?:${JOIN}${BARE}){0,63}[ \\t]*\\]?\\\\{0,8}["']`;
/**
 * What joins two whole numbers: `and` or `or` between blanks (after a `,` perhaps) before 3 digits or more
 * (`123456 and 2 retries` is one code and prose; a number after the word that is no code ends the list there:
 * `listBeforeProse`), `,` or `;` with blanks around, or blanks alone.
 */
const NUMBER_JOIN = "(?:(?:[ \\t]*,[ \\t]*|[ \\t]+)(?:and|or)[ \\t]+(?=\\d{3})|[ \\t]*[,;][ \\t]*|[ \\t]+)";
/** What ends a list's last bare item: no word's character or `-`, no decimal's or time's `.` or `:` before one. */
const ITEM_END = "(?![\\w-]|[.:]\\w)";
/**
 * Whole numbers joined by `NUMBER_JOIN` (`1234 5678`, `123456, 654321`, `12345678 and 87654321`: all of
 * them or none go), or bare items joined by `,` or `;` (`1234,5678`, `1234;5678`), ending a word (`123456`),
 * not a decimal or a time.
 */
const BARE_LIST = `(?:\\d{1,19}(?:${NUMBER_JOIN}\\d{1,19}){1,63}|${BARE}(?:[,;]${BARE}){0,63})${ITEM_END}`;
/**
 * A YAML block list's lines (`\n  - 1234`), each holding one item alone, the last perhaps ending a
 * sentence (`- 2093.`, `- 2093. Next`) or the JSON string that holds the list (`{"msg":"pins:\n  - 1234"}`).
 */
const BLOCK_LIST = `(?:\\r?\\n[ \\t]{0,16}-[ \\t]{1,8}${ITEM}(?=[ \\t]*(?:\\.(?:[ \\t]|$)|\\r?\\n|$|\\\\{0,8}"))){1,64}`;
/** After the separator: Markdown's bold's end, or a console.log argument's end (`"pins:",`), then blanks. */
const AFTER_SEPARATOR = `(?:[ \\t]{0,8}(?:\\*\\*|\\\\{0,8}"[ \\t]*,))?[ \\t]{0,8}`;

/** The separator first (a native scan), the name read back behind it, then the value. */
const SOURCE = `[:=|](?<=${NAME_BEFORE}[:=|])(?:${BLOCK_LIST}|${AFTER_SEPARATOR}(?:${LIST}|${QUOTED}|${BARE_LIST}))`;

/** The name, its query index and what closes it before the separator, at the end of the text before it. */
const NAME_AT_END = /([A-Za-z0-9_-]{1,64})(\[\d{0,3}\])?(?:\\{0,8}["']|\*\*)?[ \t]{0,8}$/;
/** An item's letters, digits and `-`, each replaced; not the words that join numbers (`NUMBER_JOIN`: `and`, `or`). */
const ITEM_TEXT = /(?<![A-Za-z0-9-])(?!(?:and|or)\b)[A-Za-z0-9][A-Za-z0-9-]*/g;
/** A code of letters and digits (a backup or recovery code, `ABC123`, `ab12-cd34`): one or two groups, letters and digits both among them. */
const LETTERED_CODE = /^(?=[A-Za-z0-9-]*\d)(?=[A-Za-z0-9-]*[A-Za-z])[A-Za-z0-9]{4,12}(?:-[A-Za-z0-9]{4,8})?$/;
/** An algorithm's or a protocol's name, letters then its number (`sha256`, `TLS13`, `AES256`, `ed25519`): no code. */
const ALGORITHM_NAME = /^(?:sha|md|aes|tls|ssl|rsa|des|rc|crc|hmac|blake|ecdsa|ed|x|p|http|utf|base|gcm|cbc|chacha|poly|curve|secp)[-_]?\d+$/i;
/** A one-time code's plural spelled out (`one_time_codes`, `oneTimeCodes`), in any case. */
const ONE_TIME_CODES = /one[_-]?time[_-]?codes$/i;
/** A count's word before the name (`Total pins: 300`, `GPIO pins: 128`, `gpio_pins=100,101`): what follows counts or numbers pins, no codes. */
const COUNTING_LEAD = /(?:^|[^A-Za-z])(?:total|gpio)[ \t_-]*$/i;
/**
 * A time's unit or a count's word after a lone item (`otps: 123456 ms`, `OTPs: 150000 sent`, `pin_list: 3000 entries`):
 * it measures or counts. A list of two codes or more goes before such words (`OTPS=123456,654321 sent via sms`,
 * `otps=123456,654321 s`), as codes sent or left are written so; `per` (`otps: 123456 per request`) and `hours ago`
 * say nothing of the number.
 */
const COUNT_AFTER = /^[ \t]+(?:ms|s|sec|secs|seconds|minutes|min|entries|items|sent|total|times|left|remaining)\b/i;
/** A rate's `/` and time after a lone item (`otps=1500/min`): what the number counts per time. */
const RATE_AFTER = /^\/[ \t]*(?:s|secs?|second|mins?|minute|h|hours?|day)\b/i;
/**
 * A one-time code's digits (RFC 4226 §5.3: 6 to 8): alone under an OTP's name such a number is read as a code
 * before a quantity's unit or a rate too (`otps: 123456 bytes`, `otps: 123456/min`), as it was before lone PINs were read.
 */
const ONE_TIME_CODE = /^\d{6,8}$/;
/** An `and` or `or` joining a number to the list (`123456 and 654321`): prose, whose list ends at its first number that is no code. */
const WORD_JOIN = /(?:[ \t]*,[ \t]*|[ \t]+)(?:and|or)[ \t]+\d/;
/** A whole number (1) and the join before it (`NUMBER_JOIN`), in a list of whole numbers. */
const JOINED_NUMBER = new RegExp(`${NUMBER_JOIN}(\\d+)`, "g");
/** An OTP's word in a name (`otps`, `otp[]`, `one_time_codes`). */
const OTP_WORD = /otp|one[_-]?time/i;

/**
 * The fewest and most digits of each code a name's word holds: a card's code (`cvvs`, `cvcs`) 3 or 4,
 * a one-time code (`otps`, `one_time_codes`) 4 to 10, a PIN and another code (`pins`, `backup_codes`) 4 to 12.
 */
function codeDigitRange(name: string): readonly [number, number] {
  if (/cv[vc]/i.test(name)) return [3, 4];
  if (OTP_WORD.test(name)) return [4, 10];
  return [4, 12];
}

/**
 * Whether a whole number reads as a date or a time rather than a code: `YYYYMMDD` from 1900 to 2099 with
 * a real month and day (`20241207`), or epoch seconds from 1.0e9 to 2.1e9 (`1733011200`).
 */
export function isDateOrEpoch(number: string): boolean {
  const date = /^(19|20)\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/.test(number);
  return date || (number.length === 10 && Number(number) >= 1.0e9 && Number(number) <= 2.1e9);
}

/**
 * Whether `name` names a list of codes (a code list's plural, `codeListDigits` 3, or `one_time_codes`),
 * or, before a query's index or in a Markdown table's cell (`singular`: `otp[]`, `pin[0]`, `| otp |`), one code's singular.
 */
function namesCodeList(name: string, singular: boolean): boolean {
  if (singular) return namesCodeInPlace(name);
  return codeListDigits(name) === 3 || ONE_TIME_CODES.test(name);
}

/**
 * Whether every item is a code under `name` (no half list is read): numbers of the name's digits
 * (`codeDigitRange`), one alone (`pins=1234`, `cvvs=443`) as well as several, none a date or an epoch in
 * seconds; or, under a `…code` or `…codes` name, letters and digits mixed (`LETTERED_CODE`) that name no
 * algorithm (`ALGORITHM_NAME`).
 */
function holdsOnlyCodes(name: string, items: readonly string[]): boolean {
  const isCode = (item: string): boolean =>
    /^\d+$/.test(item) ? isCodeNumber(name, item) : /codes?$/i.test(name) && LETTERED_CODE.test(item) && !ALGORITHM_NAME.test(item);
  return items.length > 0 && items.every(isCode);
}

/** Whether `number`, a whole number's digits, is a code under `name`: of the name's code's digits (`codeDigitRange`), no date or epoch. */
export function isCodeNumber(name: string, number: string): boolean {
  const [fewest, most] = codeDigitRange(name);
  return /^\d+$/.test(number) && number.length >= fewest && number.length <= most && !isDateOrEpoch(number);
}

/**
 * Whether the text around the value says it counts or measures: `COUNTING_LEAD` before the name, or after the item
 * standing alone (`lone`, outside brackets) `COUNT_AFTER`, or, when it is a number that is no one-time code under an
 * OTP's name (`ONE_TIME_CODE`), a quantity's unit (`startsWithUnit`: `bytes`, `rows`) or `RATE_AFTER`: a code holding
 * letters (`mfa_codes: X7K9P2/min`, `passcodes: 7F3KQ9 bytes`) is no quantity. No unit keeps a list:
 * codes are listed before a unit as often as counts are (`pins=1234,5678 KB`).
 */
function readsAsCount(name: string, lead: string, lone: string | undefined, after: string): boolean {
  if (COUNTING_LEAD.test(lead) || /^gpio/i.test(name)) return true;
  if (lone === undefined) return false;
  const measurable = /^\d+$/.test(lone) && !(OTP_WORD.test(name) && ONE_TIME_CODE.test(lone));
  return COUNT_AFTER.test(after) || (measurable && (startsWithUnit(after) || RATE_AFTER.test(after)));
}

/**
 * How much of `value` the list under `name` holds: all of it, or, in a list joined by `and` or `or` (prose), up to
 * the join before its first number that is no code (`otps: 123456 and 300 retries`, `otps: 123456 and 654321
 * 2 retries left`: the codes, then prose that counts something else). A list joined otherwise is read whole.
 */
function listBeforeProse(name: string, value: string): string {
  if (!WORD_JOIN.test(value)) return value;
  for (const join of value.matchAll(JOINED_NUMBER)) {
    if (!holdsOnlyCodes(name, [join[1]!])) return value.slice(0, join.index);
  }
  return value;
}

/**
 * A console.log argument's end before a bracketed list or a bare number (`"pins:",[1234,5678]`, `"pins:", 1234`,
 * escaped in a JSON string `\"pins:\",[…]`): its quote, captured.
 */
const ARGUMENT_BEFORE_LIST = /^[ \t]*(\\{0,8}")[ \t]*,[ \t]*(?=[[\d])/;
/** An item of a list with the quote before it, if any. */
const QUOTED_ITEM_TEXT = /(\\{0,8}["'])?[A-Za-z0-9][A-Za-z0-9-]*/g;

/**
 * `value` with each item replaced by `marker`. After a console.log argument (`["pins:",[1234,5678]]`,
 * `["pins:",1234]`) the list or the number is an item of the arguments: a bracketed list's bare markers are
 * quoted with the argument's quote (`[\"[REDACTED:…]\"]` one level down), as a JSON array's markers are elsewhere,
 * and a bare number's too when the arguments are a JSON array's items (`inArray`), so that JSON text stays JSON;
 * in a call's arguments (`console.log("pins:", 1234)`) a bare number's marker stands bare. A quoted item keeps its
 * own quotes.
 */
function markedItems(value: string, marker: string, inArray: boolean): string {
  const argument = ARGUMENT_BEFORE_LIST.exec(value);
  if (argument === null || (!inArray && !value.slice(argument[0].length).startsWith("["))) return value.replace(ITEM_TEXT, marker);
  const quote = argument[1]!;
  const list = argument[0].length;
  return `${value.slice(0, list)}${value.slice(list).replace(QUOTED_ITEM_TEXT, (_, before: string | undefined) => (before === undefined ? `${quote}${marker}${quote}` : `${before}${marker}`))}`;
}

/** A code's word and the blank after it, at the end of the text before a plural's last word (`otp codes`, `backup codes`). */
const WORD_BEFORE_PLURAL = /(?<![A-Za-z0-9_-])([A-Za-z0-9]{1,32})[ \t]$/;

/**
 * The code list's name ending with `last` (`namesCodeList`) and how many characters before `last` it also holds:
 * `last` alone (`pins`), or, when `last` names no list alone, the word before it joined as a key's words are
 * (`otp codes: …`: `otp_codes`; `backup codes`); undefined when neither names a code list.
 */
function codeListName(last: string, singular: boolean, before: string): { readonly name: string; readonly lead: number } | undefined {
  if (namesCodeList(last, singular)) return { name: last, lead: 0 };
  const word = WORD_BEFORE_PLURAL.exec(before);
  const joined = word === null ? undefined : `${word[1]}_${last}`;
  return joined !== undefined && namesCodeList(joined, singular) ? { name: joined, lead: word![0].length } : undefined;
}

/** The match with each code replaced by `marker`, the separator, quotes, brackets and joins kept; undefined when the name or an item is no code list's. */
function redactCodeList(match: string, marker: string, text: string, start: number): string | undefined {
  const head = NAME_AT_END.exec(text.slice(Math.max(0, start - 80), start));
  if (head === null) return undefined;
  const singular = head[2] !== undefined || match.startsWith("|");
  const named = codeListName(head[1]!, singular, text.slice(Math.max(0, start - head[0].length - 40), start - head[0].length));
  if (named === undefined) return undefined;
  const value = listBeforeProse(named.name, match.slice(1));
  const items = value.match(ITEM_TEXT) ?? [];
  // One item outside brackets stands alone in the text; `[1234]` is written as a list.
  const lone = items.length === 1 && !value.includes("[") ? items[0] : undefined;
  if (!holdsOnlyCodes(named.name, items)) return undefined;
  const nameStart = start - head[0].length - named.lead;
  const end = start + 1 + value.length;
  if (readsAsCount(named.name, text.slice(Math.max(0, nameStart - 12), nameStart), lone, text.slice(end, end + 16))) return undefined;
  return `${match.charAt(0)}${markedItems(value, marker, argumentsInArray(text, start))}${match.slice(1 + value.length)}`;
}

export const codeListsDetector: Detector = {
  kind: SECRET_PARAM_KIND,
  source: SOURCE,
  evidence: 0,
  moreEvidence: MoreEvidence.CODE_LIST,
  rewrite: (match, marker, text, start) => redactCodeList(match, marker, text, start),
};

/**
 * The rest of a list of numbers under a code's singular after its first code (`pin=1234,5678`,
 * `MFA_CODE=123456;654321`, `otp=123456 and 654321`): the secret parameter forms read one code there and
 * end at the join, so the scan goes on here, the name and the first code read back by the lookbehind.
 */
const TAIL_SOURCE = `(?<=${NAME_BEFORE}[:=][ \\t]{0,8}\\d{1,19})(?:${NUMBER_JOIN}\\d{1,19}){1,63}${ITEM_END}`;
/** The name, its separator and the list's first code, at the end of the text before a list's tail. */
const NAME_AND_FIRST_CODE = /([A-Za-z0-9_-]{1,64})(?:\\{0,8}["']|\*\*)?[ \t]{0,8}[:=][ \t]{0,8}(\d{1,19})$/;

/**
 * The tail with each code replaced by `marker`, its joins kept; undefined unless the name is a code's singular
 * (`isSecretCodeName`: `pin`, `otp`, `cvv`, `mfa_code`; a plural's list is `codeListsDetector`'s) and the first
 * code and every code after it are codes (`holdsOnlyCodes`) that no word around says count or measure.
 */
function redactCodeListTail(match: string, marker: string, text: string, start: number): string | undefined {
  const head = NAME_AND_FIRST_CODE.exec(text.slice(Math.max(0, start - 120), start));
  if (head === null || !isSecretCodeName(head[1]!)) return undefined;
  const tail = listBeforeProse(head[1]!, match);
  const items = tail.match(ITEM_TEXT) ?? [];
  if (items.length === 0 || !holdsOnlyCodes(head[1]!, [head[2]!, ...items])) return undefined;
  const nameStart = start - head[0].length;
  const end = start + tail.length;
  if (readsAsCount(head[1]!, text.slice(Math.max(0, nameStart - 12), nameStart), undefined, text.slice(end, end + 16))) return undefined;
  return `${tail.replace(ITEM_TEXT, marker)}${match.slice(tail.length)}`;
}

export const codeListTailDetector: Detector = {
  kind: SECRET_PARAM_KIND,
  source: TAIL_SOURCE,
  evidence: 0,
  moreEvidence: MoreEvidence.CODE_LIST,
  rewrite: (match, marker, text, start) => redactCodeListTail(match, marker, text, start),
};
