import { lazy } from "../../../shared/lazy";

/**
 * A password's rule written where its value would be (`Passwort: mindestens 12 Zeichen`, `Hasło:
 * co najmniej 8 znaków`, `contraseña: mínimo 8 caracteres`, `password: at least 12 characters`):
 * a length, perhaps with a bound's word before or after it, and a unit of characters, in English,
 * German, Dutch, Swedish, Polish, French, Spanish, Portuguese and Italian. A rule describes
 * passwords; it holds none.
 */

/** A bound's words before a length (at least, at most, minimum, maximum, up to, between, from), lower case. */
const BOUND_WORDS = [
  "at least", "at most", "minimum", "maximum", "min", "max", "up to", "between",
  "mindestens", "mind", "höchstens", "hoechstens", "maximal", "minimal", "bis zu", "zwischen", "von",
  "minimaal", "minstens", "ten minste", "maximaal", "tussen",
  "minst", "högst", "hogst", "mellan",
  "co najmniej", "najmniej", "maksymalnie", "maks", "od",
  "au moins", "au plus", "entre", "de",
  "mínimo", "minimo", "máximo", "maximo", "al menos", "como mínimo", "como minimo", "hasta",
  "pelo menos", "no mínimo", "no minimo", "no máximo", "no maximo", "até", "ate",
  "almeno", "almeno di", "massimo", "tra", "da",
];
/** What joins a range's two lengths (`8-64`, `8 to 64`, `8 bis 64`, `entre 8 y 64`, `od 8 do 64`), lower case. */
const RANGE_WORDS = ["-", "–", "to", "and", "bis", "und", "tot", "en", "till", "och", "do", "i", "à", "a", "et", "y", "al", "e"];
/** A unit of a password's length (characters, letters, digits), singular and plural, lower case. */
const UNIT_WORDS = [
  "characters", "character", "chars", "char", "letters", "digits", "symbols",
  "zeichen", "stellen", "ziffern", "buchstaben",
  "tekens", "karakters", "cijfers",
  "tecken", "siffror",
  "znaków", "znakow", "znaki", "cyfr", "liter",
  "caractères", "caracteres", "caractère", "caractere", "chiffres",
  "dígitos", "digitos", "letras",
  "caratteri", "cifre", "lettere",
];

const alternatives = (words: readonly string[]): string =>
  [...new Set(words)].sort((a, b) => b.length - a.length).map((word) => word.replace(/ /g, String.raw`[ \t]+`)).join("|");

/**
 * What may follow a rule up to the line's, a quoted string's or a `|`-parted field's end: words
 * of letters, short numbers and punctuation (`lang`, `, 1 Ziffer und 1 Sonderzeichen`), so a
 * password after it (`password: 8 chars hunter2x9`) is no rule's.
 */
const PROSE_REST = String.raw`(?:[ \t]*(?:(?:\p{L}+|\d{1,3}\+?)(?![\p{L}\p{N}])|[.,;:()!?/–-]))*[ \t]*(?:$|["|\r\n\\])`;

/**
 * A rule at a value's start: a bound's word (perhaps with its `.`, `:`), a length or a range
 * (`12`, `8-64`, `8 bis 64`, `12+`: `RANGE_WORDS`), a unit, perhaps a bound's word after it (`12 caractères
 * minimum`) and prose (`PROSE_REST`); in any case.
 */
const PASSWORD_RULE = lazy(() => new RegExp(
  String.raw`^(?:(?:${alternatives(BOUND_WORDS)})\.?:?[ \t]+)?\d{1,3}\+?(?:[ \t]*(?:${alternatives(RANGE_WORDS)})[ \t]*\d{1,3})?[ \t]*(?:${alternatives(UNIT_WORDS)})(?![\p{L}\p{N}])${PROSE_REST}`,
  "iu",
));

/**
 * Whether `value`, the text after a password's name and its `:` (`mindestens 12 Zeichen lang`,
 * `co najmniej 8 znaków`, `12 caractères minimum`), starts with a rule for the password's
 * length (`PASSWORD_RULE`) rather than the password.
 */
export function describesPasswordRule(value: string): boolean {
  return PASSWORD_RULE().test(value);
}
