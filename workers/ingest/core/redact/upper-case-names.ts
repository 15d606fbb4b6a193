import { isCommonGivenName } from "./given-names";
import { NAME_PARTICLE } from "./person-names";

/**
 * A person's name written in capitals where prose puts one (`from JOHN SMITH`, `para ANA SOUZA`,
 * `Sr. JOÃO DA SILVA`, `Dear MARIA GARCIA`, `Frau SCHNEIDER`), as forms, banks' statements and shipping labels
 * print a name: read by the detectors of introduced and greeted names (`detectors/introduced-name.ts`,
 * `detectors/greeting-name.ts`) beside the capitalised form, and judged as that form is
 * (`titleCasedName`).
 */

/** A word in capitals (`JOHN`, `JOÃO`, `O'NEIL`, `JEAN-PIERRE`), two letters or more. */
const UPPER_CASE_WORD = "[A-Z\\u00C0-\\u00DE][A-Z\\u00C0-\\u00DE'\\u2019-]*[A-Z\\u00C0-\\u00DE]";
/** A name's particle between its words, in capitals or not (`DA`, `de`, `VAN`). */
const UPPER_CASE_PARTICLE = `(?:${NAME_PARTICLE}|${NAME_PARTICLE.toUpperCase()})`;

/** A middle initial, its period optional (`A`, `A.`): one capital letter, as forms print one between a given name and a surname. */
const MIDDLE_INITIAL = "[A-Z]\\.?";

/**
 * Regex source of one to four words in capitals, up to two particles before a word (`JOHN
 * SMITH`, `MARIA DA SILVA`), a middle initial after the first word (`JOHN A SMITH`), not glued to a word's character (`CONFIG_FILE`, `US_EAST_1`: a
 * constant's).
 */
export const UPPER_CASE_NAME_RUN =
  `${UPPER_CASE_WORD}(?:[ \\t]+${MIDDLE_INITIAL}(?=[ \\t]+[A-Z\\u00C0-\\u00DE]))?(?:[ \\t]+(?:${UPPER_CASE_PARTICLE}[ \\t]+){0,2}${UPPER_CASE_WORD}){0,3}(?![\\w\\u00C0-\\u017F])`;

const PARTICLE = new RegExp(`^${UPPER_CASE_PARTICLE}$`);
const LOWER_CASE_LETTER = /[a-z\u00DF-\u00FF]/;

/**
 * `name` (words and single blanks) as a capitalised name is written, for the judgement of one:
 * as sent when it holds a lower-case letter (`John Smith`); words in capitals capitalised, their
 * particles in lower case (`JOÃO DA SILVA` is `João da Silva`, `O'NEIL` is `O'neil`), only when the
 * first word is a common given name (`isCommonGivenName`); else undefined. Capitals hold no
 * name's shape: a region's, a city's, a role's, an error's or a constant's words are written so as
 * often (`US EAST`, `NEW YORK`, `SAO PAULO`, `SYSTEM ADMIN`), so the given name is the evidence.
 * `afterTitle`: a courtesy title precedes `name` and is the evidence, so one word in capitals is
 * capitalised whatever it is (`Mr. SMITH` is judged as `Mr. Smith`); more words still need the
 * given name (`Dr. WHO CARES`). A middle initial is left out of the judged form (`JOHN A SMITH` is
 * judged as `John Smith`), as the capitalised form's judgement knows no initial.
 */
export function titleCasedName(name: string, afterTitle = false): string | undefined {
  if (LOWER_CASE_LETTER.test(name.replace(PARTICLES_IN_LOWER_CASE, ""))) return name;
  if (!(afterTitle && !name.includes(" ")) && !isCommonGivenName(name.split(" ", 1)[0]!)) return undefined;
  return name
    .split(" ")
    .filter((word, index, words) => !(index === 1 && index < words.length - 1 && MIDDLE_INITIAL_WORD.test(word)))
    .map((word) => (PARTICLE.test(word) ? word.toLowerCase() : word.charAt(0) + word.slice(1).toLowerCase()))
    .join(" ");
}
const MIDDLE_INITIAL_WORD = new RegExp(`^${MIDDLE_INITIAL}$`);
/** A particle in lower case between words in capitals (`MARIA da SILVA`): no sign the name is written capitalised. */
const PARTICLES_IN_LOWER_CASE = new RegExp(`(?<= )${NAME_PARTICLE}(?= )`, "g");
