import { lazy } from "../../../shared/lazy";
import { beforeLogfmtPairs } from "./event-reports";

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

/**
 * The words a rule's rest may hold after its length (`lang, 1 Ziffer und 1 Sonderzeichen`,
 * `upper and lower case, symbols`), lower case: the bound's, range's and unit's words and a
 * closed list of what a rule asks for in each language. Nothing else: a password after a rule
 * (`12 chars Xk-mQ!vLp`, `12 Zeichen: Sommer-Regen!`) is no word of it.
 */
const REST_WORDS = new Set([
  ...BOUND_WORDS.flatMap((word) => word.split(" ")), ...RANGE_WORDS, ...UNIT_WORDS,
  "ein", "eine", "einen", "einer", "een", "ett", "jeden", "jedna", "jedną", "une", "un", "una", "uno", "um", "uma",
  "long", "length", "with", "including", "incl", "one", "a", "an", "or", "of", "plus", "upper", "lower", "case", "uppercase", "lowercase",
  "mixed", "number", "numbers", "digit", "letter", "special", "symbol", "required", "no", "spaces", "alphanumeric",
  "lang", "mit", "oder", "ziffer", "zahl", "zahlen", "sonderzeichen", "großbuchstabe", "großbuchstaben", "grossbuchstaben",
  "kleinbuchstabe", "kleinbuchstaben", "buchstabe", "ohne", "leerzeichen", "erforderlich",
  "lengte", "hoofdletter", "hoofdletters", "kleine", "cijfer", "teken", "speciaal", "speciale",
  "långt", "langt", "versal", "versaler", "gemener", "siffra", "specialtecken", "stor", "stora", "bokstav", "bokstäver",
  "długie", "dlugie", "długości", "dlugosci", "wielka", "wielkie", "litera", "litery", "mała", "małe", "mala", "male", "cyfra", "cyfry", "cyfrę",
  "znak", "specjalny", "specjalne", "specjalnych", "oraz",
  "longueur", "majuscule", "majuscules", "minuscule", "minuscules", "chiffre", "spécial", "spéciaux", "requis", "avec", "ou", "dont",
  "longitud", "mayúscula", "mayúsculas", "minúscula", "minúsculas", "número", "números", "carácter", "especial", "especiales", "símbolo", "símbolos", "con",
  "comprimento", "maiúscula", "maiúsculas", "especiais", "caractere", "com",
  "lunghezza", "maiuscola", "maiuscole", "minuscola", "minuscole", "numero", "numeri", "carattere", "speciali", "simbolo", "simboli",
]);

const alternatives = (words: readonly string[]): string =>
  [...new Set(words)].sort((a, b) => b.length - a.length).map((word) => word.replace(/ /g, String.raw`[ \t]+`)).join("|");

/**
 * A rule's head at a value's start: a bound's word (perhaps with its `.`, `:`), a length or a
 * range (`12`, `8-64`, `8 bis 64`, `12+`: `RANGE_WORDS`), a unit, perhaps a bound's word after it
 * (`12 caractères minimum`); a bound's word or a unit at least (`min 8`, `12 chars`); in any case.
 * A unit glued to the length (`12Zeichen`) is a password's shape.
 * Captures the bound's word (1) and the unit (2).
 */
const RULE_HEAD = lazy(() => new RegExp(
  String.raw`^(?:(${alternatives(BOUND_WORDS)})\.?:?[ \t]+)?\d{1,3}\+?(?:[ \t]*(?:${alternatives(RANGE_WORDS)})[ \t]*\d{1,3})?(?:[ \t]+(${alternatives(UNIT_WORDS)}))?(?![\p{L}\p{N}])(?:[ \t]+(?:${alternatives(BOUND_WORDS)})(?![\p{L}\p{N}]))?`,
  "iu",
));
/** The rest's tokens: a word (perhaps hyphenated: `upper-case`), a number, a mark a rule's prose holds, blanks; anything else one character. */
const REST_TOKEN = lazy(() => new RegExp(String.raw`\p{L}+(?:-\p{L}+)*|\d{1,3}\+?|[.,;:()/–-]|[ \t]+|[^]`, "gu"));
/**
 * Where a value's line ends: a line break (escaped in JSON text too), or a string's closing
 * quote, escaped or not, that JSON's `,`, `}` or `]`, the text's end or a logfmt line's next
 * `name=` follows (`{"msg":"password: at least 12 characters"}`, `msg="password: 12 chars"
 * request_id=…`); a quote with prose after it ends nothing.
 */
const LINE_END = /[\r\n]|\\[nr]|\\*"[ \t]*(?:[,}\]]|$)|\\*"[ \t]+[A-Za-z_][\w.-]{0,63}=/;
/** A `|`-parted field after a rule holding a log's pairs only (`| next=1`, `| user=bob ip=10.0.0.1`). */
const PAIRS_FIELD = /^[ \t]*\|(?:[ \t]*[\w.-]+=[^\s|]*)+[ \t]*$/;
/** How far a value's line is read. */
const LINE_REACH = 256;

/** A rule read at a value's start (`passwordRuleAt`): kept when it is a rule and nothing else; else the value's `length`, to its line's or string's end. */
export interface PasswordRule {
  readonly kept: boolean;
  readonly length: number;
}

/**
 * The rule for a password's length at `at` in `text`, the value after a password's name and its
 * `:` (`mindestens 12 Zeichen lang`, `co najmniej 8 znaków`, `12 caractères minimum`, `min 8`):
 * undefined when the value starts with no rule's head (`RULE_HEAD`); kept when everything after
 * the head to the line's or JSON string's end (`LINE_END`) is the rule's own words
 * (`REST_WORDS`), counts before them (`1 Ziffer`), its prose's marks and perhaps a `|`-parted
 * field of pairs (`PAIRS_FIELD`) or a log's next pairs (`beforeLogfmtPairs`: `12 chars
 * user=bob`); else not kept, and `length` (UTF-16 units) runs to that end or the next pairs:
 * a password after a rule (`password: 12 characters: Xk9mQ7vLp2`, `min 8: hunter2x9`) goes with it.
 */
export function passwordRuleAt(text: string, at: number): PasswordRule | undefined {
  const line = text.slice(at, at + LINE_REACH);
  const end = LINE_END.exec(line)?.index ?? line.length;
  const value = line.slice(0, end);
  const head = RULE_HEAD().exec(value);
  if (head === null || (head[1] === undefined && head[2] === undefined)) return undefined;
  const rest = value.slice(head[0].length);
  const pairs = /[ \t]*\|[^|]*$/.exec(rest);
  const fielded = pairs !== null && PAIRS_FIELD.test(pairs[0]);
  // A log's next pairs end the rule as they end a report (`password: 12 chars user=bob`).
  const prose = fielded ? rest.slice(0, pairs.index) : beforeLogfmtPairs(rest);
  const read = fielded ? value : value.slice(0, head[0].length + prose.length);
  return { kept: holdsRuleWordsOnly(prose), length: read.replace(/(?<![ \t])[ \t]+$/, "").length };
}

/** A word's first letter, of any script. */
const LETTER_START = lazy(() => new RegExp(String.raw`^\p{L}`, "u"));

/** Whether `rest`, a rule's text after its head, holds its own words (`REST_WORDS`), counts before a word, its prose's marks and blanks, and nothing else. */
function holdsRuleWordsOnly(rest: string): boolean {
  const tokens = rest.match(REST_TOKEN()) ?? [];
  return tokens.every((token, index) => {
    if (/^\d/.test(token)) return /^[ \t]+$/.test(tokens[index + 1] ?? "") && LETTER_START().test(tokens[index + 2] ?? "");
    if (/^(?:[ \t]+|[.,;:()/–-])$/.test(token)) return true;
    return token.toLowerCase().split("-").every((part) => REST_WORDS.has(part));
  });
}
