import { lazy } from "../../../../shared/lazy";
import { MoreEvidence } from "../evidence";
import { icaoCheckDigitHolds } from "../national-id-checks";
import { REJOIN } from "../regex-join";
import { anyWord } from "../regex-word-set";
import { Place, caseless, type Detector } from "./detector";
import { AMOUNT_AFTER, AMOUNT_REACH, BORN_THINGS, NUMBER_WORD } from "./thing-words";

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
 * `birthdate`, `birthday`, `date_of_birth`, `dateOfBirth`, `born`, `born on`, `data de nascimento`,
 * `data_nascimento`, `dataNascimento`, `dt_nasc`, `nasc`, `nascimento`, `nascido em`/`nascida em`,
 * `aniversário` (a birthday), `fecha de nacimiento`, `fechaNac`, `nacimiento`, `nacido el`,
 * German `Geburtsdatum`, `geboren am`, French `date de naissance`, `né le`/`née le`, Polish
 * `data urodzenia`, Italian `data di nascita`, Dutch `geboortedatum`, `geboren op`, Japanese
 * `生年月日` and `誕生日`, in any case.
 * `born` and `nascido` are read only before a date, so `born-again` and `nascido para…` stay.
 */
const BIRTH_DATE_NAME =
  `${NAME_START}(?:[Dd]\\.?[Oo]\\.?[Bb]\\.?|D\\.?O\\.?B\\.?` +
  `|(?:${caseless("date")}${JOIN}${caseless("of")}${JOIN})?${caseless("birth")}(?:${JOIN}(?:${caseless("date")}|${caseless("day")}))?` +
  `|${caseless("born")}(?:[ \\t]+${caseless("on")})?` +
  `|(?:(?:${caseless("data")}|${caseless("dt")})${JOIN}(?:${caseless("de")}${JOIN})?)?${caseless("nasc")}(?:${caseless("imento")})?` +
  `|${caseless("nascid")}[oaOA][sS]?[ \\t]+${caseless("em")}|${caseless("nacid")}[oaOA][sS]?(?:[ \\t]+${caseless("el")})?` +
  `|${caseless("anivers")}[áÁaA]${caseless("rio")}` +
  `|(?:${caseless("fecha")}${JOIN}(?:${caseless("de")}${JOIN})?)?${caseless("nacimiento")}|${caseless("fecha")}${JOIN}${caseless("nac")}` +
  `|${caseless("geburtsdatum")}|${caseless("geboren")}(?:[ \\t]+${caseless("am")})?` +
  `|${caseless("date")}${JOIN}(?:${caseless("de")}${JOIN})?${caseless("naissance")}|[Nn][ée][eE]?[ \\t]+${caseless("le")}` +
  `|${caseless("data")}${JOIN}${caseless("urodzenia")}|${caseless("data")}${JOIN}${caseless("di")}${JOIN}${caseless("nascita")}` +
  `|${caseless("geboortedatum")}|${caseless("geboren")}${JOIN}${caseless("op")}|生年月日|誕生日)${NAME_END}`;

/**
 * The names of a passport, then perhaps a word for "number" (`passport no.`, `passportNumber`;
 * `nº do passaporte` is not read): English `passport`, Portuguese `passaporte`, Spanish
 * `pasaporte`, French `passeport`, Italian `passaporto`, Dutch `paspoort`, German `Reisepass`
 * and `Reisepassnummer`, and German `Passnummer`, or `Pass` capitalised as a German noun is before
 * its number's abbreviation (`Pass-Nr.`, `Pass Nr`): `pass` alone is a verb's, a test's, a
 * password's, and so in prose before `nr` (`test pass nr 12345678`).
 */
const PASSPORT_NAME =
  `${NAME_START}(?:${caseless("passport")}|${caseless("passaport")}[eoEO]|${caseless("pasaporte")}|${caseless("passeport")}|${caseless("paspoort")}` +
  `|${caseless("reisepass")}(?:${caseless("nummer")})?|${caseless("pass")}${caseless("nummer")}|(?:Pass|PASS)(?=[ _-]?[Nn][Rr](?![A-Za-z])))` +
  `(?:${JOIN}${NUMBER_WORD}\\.?)?(?![A-Za-z\\u00C0-\\u00FF0-9_])`;

/**
 * What stands between a name and its value: a name's closing quote (perhaps escaped, JSON text in
 * a string) or print_r's `]`, then `:`, `=`, `=>` or `#` and a value's opening quote, or `is`,
 * `é`, `was`, or blanks alone (`dob 1990-04-12`, `passport X1234567`).
 */
const BETWEEN =
  "(?:\\\\{0,7}[\"'])?\\]?[ \\t]*(?:(?::(?!=)|=>|=(?![=>])|#)[ \\t]*(?:\\\\{0,7}[\"'])?|(?:is|was|é)[ \\t]+)?";

/**
 * A month's name in English, Portuguese, Spanish, German or French, whole or cut to three letters
 * (`April`, `Apr`, `abril`, `Sept`, `março`, `Dezember`, `avril`), in any case (`caseless`).
 */
const MONTH_NAMES = [
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
  "janeiro", "fevereiro", "março", "marco", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro",
  "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "septiembre", "setiembre", "octubre", "noviembre", "diciembre",
  "januar", "februar", "märz", "juni", "juli", "oktober", "dezember",
  "janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août", "aout", "septembre", "octobre", "novembre", "décembre", "decembre",
  "jan", "feb", "fev", "mar", "apr", "abr", "jun", "jul", "aug", "ago", "sep", "sept", "set", "oct", "out", "nov", "dec", "dez", "dic",
];

/**
 * A date with its month's name and a four-digit year, as people write one: `April 12, 1990`,
 * `Apr 12th 1990`, `12 April 1990`, `12-Apr-1990`, `12 Apr. 1990`, `12. April 1990`, Portuguese's
 * and Spanish's `12 de abril de 1990`.
 *
 * The names are one tree of letters (`anyWord`): a name is followed by `.`, `-` or a blank, no
 * name's letter, so only the name ending where the text's letters end can go on to a match
 * (`April` is never read as `Apr`), whatever the order the names are tried in. `REJOIN` after the
 * names and after a day's number, before a choice, has V8 compile what follows once, not once per
 * way into it (docs/decisions.md, 2026-12-05, "Birth dates and national ids compiled once per
 * part").
 */
function wordDate(): string {
  const month = `${anyWord(MONTH_NAMES, true)}${REJOIN}\\.?`;
  const day = "(?:[0-3]?\\d)(?:st|nd|rd|th|º)?";
  const de = `(?:${caseless("de")}[ \\t]+)?`;
  return `${day}${REJOIN}(?:-${month}-|\\.?[ \\t]+${de}${month}[ \\t]+${de})(?:19|20)\\d\\d|${month}[ \\t]+${day},?[ \\t]+(?:19|20)\\d\\d`;
}

/**
 * A date as written in records: ISO 8601's `1990-04-12` (perhaps with a time,
 * `1990-04-12T00:00:00Z`), `1990/04/12`, day or month first with a four- or two-digit year
 * (`12/04/1990`, `04-12-1990`, `12.04.90`), eight digits (`19900412`), Japanese `1984年3月12日`; or as people write it,
 * with the month's name (`wordDate`). The rewrite checks the month and the day.
 */
const DATE =
  "(?:\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}(?:T[\\d:.]{2,15}(?:Z|[+-]\\d\\d:?\\d\\d)?)?|(?:19|20)\\d\\d年\\d{1,2}月\\d{1,2}日|\\d{1,2}[-/.]\\d{1,2}[-/.](?:\\d{4}|\\d{2})|(?:19|20)\\d{6}" +
  `|${wordDate()})`;

/**
 * A passport's number as ICAO Doc 9303 writes a document number (up to nine of `A`–`Z` and
 * `0`–`9`) and as nations issue them: six to nine letters and digits, at least five of them digits
 * (`X1234567`, `FZ123456`, `XDC123456`, `C01X00T47`, `L898902C3`, `12AB34567`, `123456789`), or
 * nine with the machine-readable zone's check digit after them (`C01X00T478`, `L898902C36`), which
 * must agree (`icaoCheckDigitHolds`). Every such form holds five digits or more; a word with a
 * digit or two after the name is a library's or protocol's (`passport oauth2 callback`, `passport
 * v2auth0 user`).
 */
const PASSPORT_NUMBER = "(?=(?:[A-Za-z]{0,8}\\d){5})(?:[A-Za-z0-9]{6,9}|[A-Z0-9]{9}\\d)";
/** Whether a passport's number in `PASSPORT_NUMBER`'s shape holds: ten characters hold their check digit. */
const passportNumberHolds = (value: string): boolean => value.length < 10 || icaoCheckDigitHolds(value);
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
    // A number followed by a unit or a count's noun is an amount (`passport 12345678 ms`).
    const end = start + match.length;
    if (AMOUNT_AFTER.test(text.slice(end, end + AMOUNT_REACH))) return undefined;
    prefixAt.lastIndex = start;
    const length = prefixAt.exec(text)?.[0].length ?? 0;
    if (length === 0 || length >= match.length || !holds(match.slice(length))) return undefined;
    return match.slice(0, length) + marker;
  };
}

/**
 * Whether a date can be a calendar's: written with digits, its separators agree, its month and
 * day can be a calendar's (either may come first), and a four-digit year is 1900–2099; written
 * with its month's name, its day is 1–31 (`wordDate` reads only such years).
 */
function isCalendarDate(value: string): boolean {
  if (/[A-Za-z\u00C0-\u00FF]{3}/.test(value)) {
    const day = Number(/(?<!\d)\d{1,2}(?!\d)/.exec(value)?.[0] ?? 0);
    return day >= 1 && day <= 31;
  }
  // Japanese `1984年3月12日` reads as `1984-3-12`.
  const date = value.replace(/[年月]/g, "-").replace("日", "").split("T")[0]!;
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
  // A whole value's leading blanks are `(?:[ \t]+)?`, which tries as many as `[ \t]*` does, then
  // fewer down to none, in the same order (no capture): V8 compiled the date after `[ \t]*` twice
  // (regexp bytecode, the whole value's branch alone: 16,219 lines where 8,522 do after this).
  source: `${BIRTH_DATE_NAME}${BETWEEN}${REJOIN}${DATE}${VALUE_END}|^(?:[ \\t]+)?${DATE}[ \\t]*$`,
  evidence: 0,
  moreEvidence: MoreEvidence.PERSONAL_DOCUMENT,
  placeEvidence: Place.BIRTH_DATE_VALUE,
  rewrite: (match, marker, text, start, place) => {
    const rewrite = birthDateRewrite(match, marker, text, start, place);
    return rewrite !== undefined && BORN_VERB.test(match) && isThingsBirth(text, start, start + match.length) ? undefined : rewrite;
  },
};
const birthDateRewrite = namedValueRewrite(Place.BIRTH_DATE_VALUE, `${BIRTH_DATE_NAME}${BETWEEN}`, isCalendarDate);

/**
 * The names of a date of birth that are a verb (`born`, `nascido em`, `nacido el`, `geboren am`,
 * `né le`): said of things as well as of people (`batch born 2024-05-01`), where the nouns
 * (`dob`, `date of birth`, `birthday`) are a person's.
 */
const BORN_VERB = /^(?:born|nascid|nacid|geboren|n[ée]e?[ \t])/i;
/** A word after the date (`born 2024-05-01 batch`, `…, build 7`). */
const WORD_AFTER = lazy(() => new RegExp(String.raw`^[ \t]*,?[ \t]*([\p{L}]+)`, "u"));
/** The one or two words before the verb (`batch born`, `node-7 was born on`, `batch 42 born`, `Build #1234 born`), an auxiliary skipped. */
const WORDS_BEFORE = lazy(() => new RegExp(String.raw`(?:([\p{L}\d_./-]+)[ \t]+)?(#?[\p{L}\d_./-]+)[ \t]+$`, "u"));
/** An auxiliary before the verb (`was born`, `foi nascido`), read past. */
const AUXILIARY_BEFORE = /(?<=[ \t])(?:was|is|were|got|foi|fue|wurde|est)[ \t]+$/u;

/**
 * Whether the date a verb of birth gives (`born 2024-05-01`, from `start` to `end`) is a thing's
 * (`BORN_THINGS`): a thing's word right after it (`born 2024-05-01 batch`, `born 2024-05-01 build 7`)
 * or as its subject before the verb (`batch born …`, `cluster was born on …`, `node-7 born …`,
 * `batch 42 born …`, `Build #1234 born …`; a name's parts split at `-`, `_`, `.` and `/`). A person's date stays
 * replaced (`Ana born 1990-04-12`, `customer born on 1990-04-12 in Lisbon`).
 */
function isThingsBirth(text: string, start: number, end: number): boolean {
  const after = WORD_AFTER().exec(text.slice(end, end + 32))?.[1];
  if (after !== undefined && namesBornThing(after)) return true;
  const before = WORDS_BEFORE().exec(text.slice(Math.max(0, start - 64), start).replace(AUXILIARY_BEFORE, ""));
  if (before === null) return false;
  // The word right before, or, when that is a number or an id (`batch 42`), the word before it.
  return namesBornThing(before[2]!) || (/\d/.test(before[2]!) && before[1] !== undefined && namesBornThing(before[1]));
}

/** Whether a word or one of its parts (`node-7`, `build_42`, `pod/web-1`) is a thing's (`BORN_THINGS`), singular or plural. */
function namesBornThing(word: string): boolean {
  return word.toLowerCase().split(/[-_./]/).some((part) => BORN_THINGS.has(part) || (part.endsWith("s") && BORN_THINGS.has(part.slice(0, -1))));
}

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
  rewrite: namedValueRewrite(Place.PASSPORT_VALUE, `${PASSPORT_NAME}${BETWEEN}`, passportNumberHolds),
};


/**
 * Whether a key's words (`nameWords`) name a date of birth (`birth_date`, `dob`, `dateOfBirth`,
 * `data_nascimento`, `dt_nasc`, `nasc`, `fechaNac`, `aniversario`, `geburtsdatum`, `date_de_naissance`,
 * `date_naissance`, and the verb and noun alone, as JSON logs write them: `born`, `birth`).
 */
export function namesBirthDate(words: readonly string[]): boolean {
  const last = words[words.length - 1] ?? "";
  const before = words[words.length - 2] ?? "";
  return (
    BIRTH_DATE_WORDS.has(last) || (last === "birth" && (before === "of" || words.length === 1)) || ((last === "date" || last === "day") && before === "birth") ||
    (last === "nac" && before === "fecha") || (last === "naissance" && before === "de" && words[words.length - 3] === "date")
  );
}

/** Whether a key's words (`nameWords`) name a passport or its number (`passport`, `passport_number`, `passaporte`, `passportNo`, `passeport`, `reisepass`). */
export function namesPassport(words: readonly string[]): boolean {
  const last = words[words.length - 1] ?? "";
  const word = PASSPORT_NUMBER_WORDS.has(last) ? (words[words.length - 2] ?? "") : last;
  return PASSPORT_WORDS.has(word);
}
const BIRTH_DATE_WORDS: ReadonlySet<string> = new Set([
  "dob", "birthdate", "birthday", "born", "nasc", "nascimento", "nacimiento", "aniversario", "aniversário", "geburtsdatum", "geburtstag",
  "naissance", "urodzenia", "nascita", "geboortedatum", "生年月日", "誕生日",
]);
const PASSPORT_WORDS: ReadonlySet<string> = new Set([
  "passport", "passaporte", "pasaporte", "passeport", "passaporto", "paspoort", "reisepass", "reisepassnummer", "passnummer",
]);
const PASSPORT_NUMBER_WORDS: ReadonlySet<string> = new Set(["number", "no", "num", "nr", "numero", "número", "nº"]);
