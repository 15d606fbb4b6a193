import { isCommonWord } from "./common-words";
import { isCommonGivenName } from "./given-names";
import { LEGAL_FORMS } from "./organization-names";
import { NAME_PARTICLE } from "./person-names";
import { upTo } from "./regex-repeat";

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
  `${UPPER_CASE_WORD}(?:[ \\t]+${MIDDLE_INITIAL}(?=[ \\t]+[A-Z\\u00C0-\\u00DE]))?${upTo(`[ \\t]+${upTo(`${UPPER_CASE_PARTICLE}[ \\t]+`, 2)}${UPPER_CASE_WORD}`, 3)}(?![\\w\\u00C0-\\u017F])`;

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
 * judged as `John Smith`), as the capitalised form's judgement knows no initial. In capitals
 * nothing ends a name but the line, so the words after a given name are read for what they are:
 * undefined when one after the first is a common word (`isCommonWord`: `JULIA SET RENDER`,
 * `JUSTIN CASE`, `SAM A RECORD`, the initial an article there; not `afterPersonTitle`, a title
 * that says a person precedes `name`, where a surname may be a word: `DEAR MRS EMILY POST,`) or a
 * company's legal form after a surname (`MARIA MEIER GMBH`, `JOHN DEERE LLC`, `JOAO SILVA ME`:
 * `namesCompany`).
 */
export function titleCasedName(name: string, afterTitle = false, afterPersonTitle = afterTitle): string | undefined {
  if (LOWER_CASE_LETTER.test(name.replace(PARTICLES_IN_LOWER_CASE, ""))) return name;
  if (!(afterTitle && !name.includes(" ")) && !isCommonGivenName(name.split(" ", 1)[0]!)) return undefined;
  const words = name.split(" ").filter((word, index, all) => !(index === 1 && index < all.length - 1 && MIDDLE_INITIAL_WORD.test(word)));
  if ((!afterPersonTitle && words.some((word, index) => index > 0 && isCommonWord(word))) || namesCompany(words)) return undefined;
  return words.map((word) => (PARTICLE.test(word) ? word.toLowerCase() : word.charAt(0) + word.slice(1).toLowerCase())).join(" ");
}

/**
 * Whether `words`, a name's words in capitals (no middle initial), end as a company's do: a legal
 * form (`COMPANY_FORMS`) after a word that is neither a common given name nor a particle, a
 * surname's or a company's word, as a firm is named after its founder (`MARIA MEIER GMBH`, `JOHN
 * DEERE LLC`, Brazil's sole trader `JOAO SILVA ME`). After a given name or a particle `SA` writes
 * the surname Sá (`JOAO PAULO SA`, `MARIA DE SA`), and a form there is a person's word too.
 */
function namesCompany(words: readonly string[]): boolean {
  for (let index = 2; index < words.length; index++) {
    const before = words[index - 1]!;
    if (COMPANY_FORMS.has(words[index]!) && !isCommonGivenName(before) && !PARTICLE.test(before)) return true;
  }
  return false;
}

/**
 * Companies' legal forms as a name in capitals ends with them, without their last period (the
 * capitals' run stops there: `ACME INC.` is read to `INC`): `LEGAL_FORMS` of letters alone, in
 * capitals (`GMBH`, `LLC`, `LTDA`, `EIRELI`, `SARL`, `CO`, `BV`), and forms written so only in
 * capitals or only there read as a company's: Germany's `OHG` and `UG`, the Netherlands' `NV`, the
 * Romance languages' `SA`, Brazil's `ME` and `MEI` (a sole trader's firm).
 */
const COMPANY_FORMS: ReadonlySet<string> = new Set([
  ...LEGAL_FORMS.map((form) => form.toUpperCase().replace(/\.$/, "")).filter((form) => /^[A-Z]+$/.test(form)),
  "OHG", "UG", "NV", "SA", "ME", "MEI",
]);
const MIDDLE_INITIAL_WORD = new RegExp(`^${MIDDLE_INITIAL}$`);
/** A particle in lower case between words in capitals (`MARIA da SILVA`): no sign the name is written capitalised. */
const PARTICLES_IN_LOWER_CASE = new RegExp(`(?<= )${NAME_PARTICLE}(?= )`, "g");
