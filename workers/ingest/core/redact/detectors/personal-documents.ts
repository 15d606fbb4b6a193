import { MoreEvidence } from "../evidence";
import { Place, caseless, type Detector } from "./detector";
import { NUMBER_WORD } from "./thing-words";

/** The kind of a person's date of birth, found after its name in text or under a key naming one. */
export const BIRTH_DATE_KIND = "birth_date";
/** The kind of a passport's number, found after its name in text or under a key naming one. */
export const PASSPORT_KIND = "passport";

/**
 * A name starts a word, or a camel-case key's word (`customerDob`, `userBirthDate`), or follows a
 * key's `_` or `.` (`customer_dob`, `user.birth_date`); it does not go on into a longer name
 * (`dob_verified`, `passport_expiry`, `passport.js`).
 */
const NAME_START = "(?:(?<![A-Za-z\\u00C0-\\u00FF0-9])|(?<=[a-z0-9])(?=[A-Z]))";
const NAME_END = "(?![A-Za-z\\u00C0-\\u00FF0-9_]|\\.[A-Za-z])";
/** A key's separator between words, or none (`birth_date`, `birth-date`, `birth date`, `birthDate`, `birthdate`). */
const JOIN = "[ _.-]?";

/**
 * The names of a date of birth: `dob`, `DOB`, `D.O.B.`, `date of birth`, `birth date`,
 * `birthdate`, `birthday`, `date_of_birth`, `dateOfBirth`, `data de nascimento`,
 * `data_nascimento`, `dataNascimento`, `dt_nasc`, `nascimento`, `fecha de nacimiento`,
 * `nacimiento`, in any case.
 */
const BIRTH_DATE_NAME =
  `${NAME_START}(?:[Dd]\\.?[Oo]\\.?[Bb]\\.?|D\\.?O\\.?B\\.?` +
  `|(?:${caseless("date")}${JOIN}${caseless("of")}${JOIN})?${caseless("birth")}(?:${JOIN}(?:${caseless("date")}|${caseless("day")}))?` +
  `|(?:${caseless("data")}|${caseless("dt")})${JOIN}(?:${caseless("de")}${JOIN})?${caseless("nasc")}(?:${caseless("imento")})?` +
  `|${caseless("nascimento")}` +
  `|(?:${caseless("fecha")}${JOIN}(?:${caseless("de")}${JOIN})?)?${caseless("nacimiento")})${NAME_END}`;

/** The names of a passport (`passport`, Portuguese `passaporte`, Spanish `pasaporte`), then perhaps a word for "number" (`passport no.`, `passportNumber`, `nº do passaporte` is not read). */
const PASSPORT_NAME = `${NAME_START}(?:${caseless("passport")}|${caseless("passaporte")}|${caseless("pasaporte")})(?:${JOIN}${NUMBER_WORD}\\.?)?(?![A-Za-z\\u00C0-\\u00FF0-9_])`;

/**
 * What stands between a name and its value: a name's closing quote (perhaps escaped, JSON text in
 * a string) or print_r's `]`, then `:`, `=`, `=>` or `#` and a value's opening quote, or `is`,
 * `é`, `was`, or blanks alone (`dob 1990-04-12`, `passport X1234567`).
 */
const BETWEEN =
  "(?:\\\\{0,7}[\"'])?\\]?[ \\t]*(?:(?::(?!=)|=>|=(?![=>])|#)[ \\t]*(?:\\\\{0,7}[\"'])?|(?:is|was|é)[ \\t]+)?";

/**
 * A date as written in records: ISO 8601's `1990-04-12` (perhaps with a time,
 * `1990-04-12T00:00:00Z`), `1990/04/12`, day or month first with a four- or two-digit year
 * (`12/04/1990`, `04-12-1990`, `12.04.90`), eight digits (`19900412`). The rewrite checks the
 * month and the day.
 */
const DATE =
  "(?:\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}(?:T[\\d:.]{2,15}(?:Z|[+-]\\d\\d:?\\d\\d)?)?|\\d{1,2}[-/.]\\d{1,2}[-/.](?:\\d{4}|\\d{2})|(?:19|20)\\d{6})";
/** A passport's number: up to two letters, six to nine digits, perhaps a letter (`X1234567`, `FZ123456`, `123456789`). */
const PASSPORT_NUMBER = "[A-Za-z]{0,2}\\d{6,9}[A-Za-z]?";
/** A value's end: no word, no more of a number, no path or version going on. */
const VALUE_END = "(?![\\w/@-]|[.,]\\d)";
/**
 * The rewrite of a named value (`prefix`, the name and `BETWEEN`, then the value): its name and
 * separator kept, its value replaced by `marker` where `holds` accepts it. A match that is the
 * whole text under a key naming the kind (`placed`) is the value alone. The prefix is read again
 * where the match stands, as its name may be a camel-case word's (`customerDob`).
 */
function namedValueRewrite(placed: number, prefix: string, holds: (value: string) => boolean): NonNullable<Detector["rewrite"]> {
  const prefixAt = new RegExp(prefix, "y");
  return (match, marker, text, start, place) => {
    if ((place & placed) !== 0 && start === 0 && match.length === text.length) return holds(match.trim()) ? marker : undefined;
    prefixAt.lastIndex = start;
    const length = prefixAt.exec(text)?.[0].length ?? 0;
    if (length === 0 || length >= match.length || !holds(match.slice(length))) return undefined;
    return match.slice(0, length) + marker;
  };
}

/** Whether a date's separators agree, its month and day can be a calendar's (either may come first), and a four-digit year is 1900–2099. */
function isCalendarDate(value: string): boolean {
  const date = value.split("T")[0]!;
  const separators = date.replace(/\d/g, "");
  if (separators.length === 2 && separators[0] !== separators[1]) return false;
  const parts = separators === "" ? [date.slice(0, 4), date.slice(4, 6), date.slice(6)] : date.split(/[-/.]/);
  const [a, b, c] = parts.map(Number) as [number, number, number];
  const yearFirst = parts[0]!.length === 4;
  const year = yearFirst ? a : c;
  if ((yearFirst || parts[2]!.length === 4) && (year < 1900 || year > 2099)) return false;
  const [first, second] = yearFirst ? [b, c] : [a, b];
  const monthDay = (month: number, day: number) => month >= 1 && month <= 12 && day >= 1 && day <= 31;
  return monthDay(first, second) || monthDay(second, first);
}

/**
 * A person's date of birth after its name in text (`dob 1990-04-12`, `date of birth:
 * 1990-04-12`, `birth_date=12/04/1990`, `"dataNascimento":"1990-04-12"`, `[dob] => 1990-04-12`),
 * or as the whole value of a key naming one (`birth_date`, `customer.dob`: `Place.BIRTH_DATE_VALUE`).
 * Only the date is replaced. A date under any other name (`created`, `expiry date`, `date`) stays:
 * only the name says whose birth it is.
 */
export const birthDateDetector: Detector = {
  kind: BIRTH_DATE_KIND,
  source: `${BIRTH_DATE_NAME}${BETWEEN}${DATE}${VALUE_END}|^[ \\t]*${DATE}[ \\t]*$`,
  evidence: 0,
  moreEvidence: MoreEvidence.PERSONAL_DOCUMENT,
  placeEvidence: Place.BIRTH_DATE_VALUE,
  rewrite: namedValueRewrite(Place.BIRTH_DATE_VALUE, `${BIRTH_DATE_NAME}${BETWEEN}`, isCalendarDate),
};

/**
 * A passport's number after its name in text (`passport X1234567`, `passport no. X1234567`,
 * `passport_number: FZ123456`, `"passaporte":"FZ123456"`), or as the whole value of a key naming
 * one (`passport`, `traveler.passport_number`: `Place.PASSPORT_VALUE`). The word alone, a
 * library's name and version (`passport 0.7.0`, `passport.js`) and short numbers stay.
 */
export const passportDetector: Detector = {
  kind: PASSPORT_KIND,
  source: `${PASSPORT_NAME}${BETWEEN}${PASSPORT_NUMBER}${VALUE_END}|^[ \\t]*${PASSPORT_NUMBER}[ \\t]*$`,
  evidence: 0,
  moreEvidence: MoreEvidence.PERSONAL_DOCUMENT,
  placeEvidence: Place.PASSPORT_VALUE,
  rewrite: namedValueRewrite(Place.PASSPORT_VALUE, `${PASSPORT_NAME}${BETWEEN}`, () => true),
};


/** Whether a key's words (`nameWords`) name a date of birth (`birth_date`, `dob`, `dateOfBirth`, `data_nascimento`). */
export function namesBirthDate(words: readonly string[]): boolean {
  const last = words[words.length - 1] ?? "";
  const before = words[words.length - 2] ?? "";
  return (
    last === "dob" || last === "birthdate" || last === "birthday" || last === "nascimento" || last === "nacimiento" ||
    (last === "birth" && before === "of") || ((last === "date" || last === "day") && before === "birth") || (last === "nasc" && (before === "data" || before === "dt"))
  );
}

/** Whether a key's words (`nameWords`) name a passport or its number (`passport`, `passport_number`, `passaporte`, `passportNo`). */
export function namesPassport(words: readonly string[]): boolean {
  const last = words[words.length - 1] ?? "";
  const word = PASSPORT_NUMBER_WORDS.has(last) ? (words[words.length - 2] ?? "") : last;
  return word === "passport" || word === "passaporte" || word === "pasaporte";
}
const PASSPORT_NUMBER_WORDS: ReadonlySet<string> = new Set(["number", "no", "num", "nr", "numero", "número", "nº"]);
