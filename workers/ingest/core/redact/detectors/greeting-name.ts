import { MoreEvidence } from "../evidence";
import { ADDRESSEE_WORDS, COURTESY_TITLES, COURTESY_TITLES_IN_CAPITALS, GREETING_WORDS, JAPANESE_NON_NAMES, LETTER_SALUTATION, OFFICE_ARTICLES, OFFICE_WORDS, PERSONAL_GREETING, ROLE_ENDING } from "../greetings";
import { namesGroup, namesSoftwareThing } from "../organization-names";
import { isCommonWord } from "../common-words";
import { isCommonGivenName } from "../given-names";
import { isCommonSurname } from "../surnames";
import { ACADEMIC_DEGREE_TITLE, UPPER_CASE_PHRASE_PARTY_WORDS, isTitledNonPerson, isTitledSurname, namesSeniorJob } from "../name-introducers";
import { holdsPersonName, readsAsPersonName } from "../person-names";
import { endsInRegionName } from "../region-names";
import { UPPER_CASE_NAME_RUN, titleCasedName } from "../upper-case-names";
import type { Detector } from "./detector";
import { PERSON_NAME_KIND } from "./person-name-field";
import { upTo } from "../regex-repeat";

/** A capitalised word of a name, in Latin letters (`Ana`, `O'Neil`, `Jean-Pierre`, `Łukasz`, `Lefèvre`). */
export const NAME_WORD = "[A-Z\\u00C0-\\u00DE\\u0100-\\u017F][A-Za-z\\u00C0-\\u017F'\\u2019-]*[a-z\\u00DF-\\u017F]";
/** A name's particles between its words (`Maria da Silva`, `Ludwig van Beethoven`). */
const PARTICLE = "(?:da|de|di|do|dos|das|du|del|der|den|la|le|van|von)";
/** The greeting and its title, up to the name: read again where a match starts, to find the name. */
const GREETING = `(?<![A-Za-z\\u00C0-\\u017F])(?:${GREETING_WORDS.join("|")}),?[ \\t]+`;
/** The courtesy titles as prose writes them and as a line in capitals does (`DEAR MR SMITH,`: `COURTESY_TITLES_IN_CAPITALS`). */
const ANY_CASE_TITLES = [...COURTESY_TITLES, ...COURTESY_TITLES_IN_CAPITALS].join("|");
/**
 * The titles before the name: a courtesy title and up to two more, an academic one or a degree
 * (`Frau Dr. `, `Herr Prof. Dr. `, `Herr Dipl.-Ing. `), kept whole so no title is read as the name.
 */
const TITLE = `(?:(?:${ANY_CASE_TITLES})\\.?[ \\t]+)(?:(?:${ANY_CASE_TITLES})\\.?[ \\t]+|${ACADEMIC_DEGREE_TITLE}[ \\t]+){0,2}`;
const GREETING_AT = new RegExp(GREETING, "y");
const TITLE_AT = new RegExp(TITLE, "y");
/**
 * A name's end: no more of a word, and no capital or digit after a blank, a word the name could
 * not take (`Hello Maria DB error`: `Maria` is a database's name's first half there); but a
 * phrase's party word in capitals may follow (`DEAR JOHN SMITH FROM ACME BILLING TEAM`:
 * `UPPER_CASE_PHRASE_PARTY_WORDS`), as a line in capitals has no other end for a name.
 */
export const NAME_END = `(?![A-Za-z\\u00C0-\\u017F'\\u2019-]|[ \\t]+(?!(?:${UPPER_CASE_PHRASE_PARTY_WORDS.join("|")})[ \\t])[A-Z0-9\\u00C0-\\u00DE])`;
/** Kanji (and the repeat mark `々`) of a Japanese name, two to five, before its honorific. */
const KANJI = "\\u4E00-\\u9FFF\\u3005";
/**
 * A Japanese name and its honorific (`山田太郎様`, `佐藤さん`, `田中殿`), before a particle, a
 * punctuation mark, a blank or the end (`山田太郎様のご注文`, `佐藤さんが`): not after a kanji
 * (a longer word's end) nor after the honorific prefixes `お`/`ご` (`お得意様`, a valued customer).
 */
const JAPANESE_NAME = `(?<![${KANJI}おご御])[${KANJI}]{2,5}(?:様|さん|殿)(?=[のがはをにへとも、。，,.!！?？\\s」』)）]|$)`;

/**
 * A person's name after a greeting or a salutation, as a notice, an e-mail or a support ticket
 * logged whole writes it (`Dear Oliver Bennett,`, `Sehr geehrte/r Sabine Schröder,`, `Bonjour
 * Oliver Bennett,`, `Hola Jean-Pierre Lefèvre,`, `Olá Ana,`, `Hi Anna,`, `Użytkownik Katarzyna
 * Nowak zmienił hasło`; `GREETING_WORDS`), or a Japanese name before its honorific (`山田太郎様`).
 * Only the name is replaced, the greeting and a courtesy title kept. A greeting greets anyone, so
 * the words must read as a person's name (`readsAsPersonName`: a common given name first, or a
 * name outside ASCII): `Dear Customer,`, `Hello World`, `Hi Team`, `Hola Mundo` stay, as does a city before its state or
 * country after a bare greeting (`HELLO HELENA MONTANA`: `endsInRegionName`; a letter's salutation greets a
 * person, so there the region's name before its comma is a surname, `Dear Maria Montana,`: `LETTER_SALUTATION`) and as do
 * lower-case words (`Hi team`, `Bonjour à tous`). A name in capitals is read as its capitalised
 * form when a common given name leads it (`Dear MARIA GARCIA`, after a greeting in capitals too, `DEAR JOHN SMITH,`; `Hi ALL`, `HELLO WORLD` stay, as does a company or a common word after the given name, `HELLO JULIA SET`: `titleCasedName`). After a courtesy title a surname alone is a
 * name, in capitals too (`Dear Mr. Smith`, `Dear Mr. SMITH`: `holdsPersonName` of a whole name), and after a courtesy title and an academic one
 * (`Sehr geehrte Frau Dr. Schneider,`, `Sehr geehrter Herr Prof. Dr. Weber,`), the titles kept, a title alone no name (`Hallo Frau Dr.,`), a brand or a character named with a title no one's (`Dear Dr. Martens fans,`, `Dear Dr. Pepper,`: `isTitledNonPerson`, as in prose; not a letter's `Dear Dr. Martens,` to a real surname nor `Frau Dr. Oetker`); an office or a role there is no
 * name and stays (`Dear Mr. President`, `Bonjour Monsieur le Maire`, `Hola Señor Cliente`:
 * `OFFICE_WORDS`, `OFFICE_ARTICLES`), a name after it goes (`Herr Doktor Müller`). A Japanese role's or group's word
 * before an honorific stays (`担当者様`, `会員様`, `皆様`: `JAPANESE_NON_NAMES`, `ROLE_ENDING`).
 * One capitalised word closed by a letter's salutation's comma is the reader's name too, in the
 * list or not (`Dear Zbigniew,`, `Szanowny Grzegorz,`: `LETTER_SALUTATION`, `greetsByName`), and
 * after a bare greeting outside English (`Hola Anselmo,`, `Hej Zbyszek,`: `PERSONAL_GREETING`);
 * after an English bare greeting it must read as a person's (`Hello Kubernetes, ready` stays). Known misses: a name outside the given
 * names in ASCII after a bare greeting and no comma (`Hi Zephyr`), a name written in katakana or
 * hiragana (`スミス様`).
 */
export const greetingNameDetector: Detector = {
  kind: PERSON_NAME_KIND,
  source: `${GREETING}(?:${TITLE})?(?:${NAME_WORD}${upTo(`[ \\t]+(?:${PARTICLE}[ \\t]+)?${NAME_WORD}`, 3)}|${UPPER_CASE_NAME_RUN})${NAME_END}|${JAPANESE_NAME}`,
  evidence: 0,
  moreEvidence: MoreEvidence.GREETING,
  rewrite: (match, marker, text, start) => {
    GREETING_AT.lastIndex = start;
    const greeting = GREETING_AT.exec(text)?.[0].length ?? 0;
    if (greeting === 0) {
      const honorific = match.endsWith("さん") ? 2 : 1;
      const name = match.slice(0, -honorific);
      return JAPANESE_NON_NAMES.has(name) || ROLE_ENDING.test(name) ? undefined : marker + match.slice(-honorific);
    }
    TITLE_AT.lastIndex = start + greeting;
    const title = TITLE_AT.exec(text)?.[0].length ?? 0;
    const titles = match.slice(greeting, greeting + title);
    const office = title > 0 ? officeLength(match.slice(greeting + title), SENIOR_TITLE.test(titles)) : 0;
    const name = titleCasedName(match.slice(greeting + title + office).replace(/[ \t]+/g, " "), title > 0);
    // After `Sr.` and a job only a common given name leads a name, or a common surname is one alone
    // (`Hello Sr. Nurse Silva,`): a field's or a posting's word follows a job as often as a surname
    // (`Hello Sr. Manager Approval`, `Hello Sr. Nurse Practitioner,`).
    if (name === undefined || name === "" || (office > 0 && SENIOR_TITLE.test(titles) && !isCommonGivenName(name.split(" ", 1)[0]!) && !isCommonSurname(name))) return undefined;
    const next = text.charCodeAt(start + match.length);
    // In capitals a title and one word hold no case's evidence: an acronym or a thing follows a title as often (`HEY MR DJ`).
    if (title > 0 && !name.includes(" ") && !/[a-z]/.test(match.slice(greeting)) && !readsAsSurnameInCapitals(name, next)) return undefined;
    const person =
      title > 0
        ? !TITLES.has(name.toLowerCase()) && !namesTitledNonPerson(titles, name, next) && holdsPersonName(name, "whole")
        : !ADDRESSEE_WORDS.has(name.toLowerCase()) && (!endsInRegionName(name) || (LETTER_SALUTATION.test(match) && next === 44)) && (readsAsPersonName(name) || ((LETTER_SALUTATION.test(match) || PERSONAL_GREETING.test(match)) && greetsByName(name, next)));
    return person ? match.slice(0, greeting + title + office) + marker : undefined;
  },
};

/**
 * Whether `word`, the one word after a greeting and a courtesy title all in capitals (`DEAR MR
 * SMITH,`), is a surname: three letters or more or a common surname of two (`isCommonSurname`: `HELLO
 * DR OZ,`, `DEAR MRS WU,`), no common or software word (`isCommonWord`:
 * `HELLO MR API`, `HELLO DR NODE, STATUS OK`), and the greeting's comma or the text's end right
 * after it (`next`, the character after the word; NaN at the end). A line in capitals has no
 * case to tell a surname from an acronym or a thing (`HEY MR DJ`, `HELLO MR PM,`, `HELLO MR CACHE`).
 */
function readsAsSurnameInCapitals(word: string, next: number): boolean {
  return ([...word].length >= 3 || isCommonSurname(word)) && !isCommonWord(word) && (Number.isNaN(next) || next === 44 /* , */);
}

/**
 * Whether `name`, the words after a letter's salutation or a bare greeting outside English, is one capitalised word its comma
 * (`next`, the character after it) closes (`Dear Zbigniew,`, `Szanowny Grzegorz,`):
 * a letter's opening names its reader there. Not a word for whoever reads (`ADDRESSEE_WORDS`:
 * `Dear Customer,`, `Hello World,`, `Hi All,`), an office or a title (`OFFICE_WORDS`,
 * `COURTESY_TITLES`: `Dear Sir,`, `Dear Madame,`), nor a group's or a program's word
 * (`namesGroup`, `namesSoftwareThing`: `Hi Support,`).
 */
function greetsByName(name: string, next: number): boolean {
  if (next !== 44 /* , */ || name.includes(" ")) return false;
  const lower = name.toLowerCase();
  return !ADDRESSEE_WORDS.has(lower) && !OFFICE_WORDS.has(lower) && !TITLES.has(lower) && !namesGroup(name) && !namesSoftwareThing(name);
}
const TITLES: ReadonlySet<string> = new Set(COURTESY_TITLES.map((title) => title.toLowerCase()));

/**
 * Whether `name` after `titles` (the titles as written, with their blanks) is a brand's or a
 * character's (`isTitledNonPerson` of the title, as the prose titles read it: `Dear Dr. Martens
 * fans,`, `Dear Dr. Oetker team,`, `Dear Dr. Scholl's customers,`, `Dear Dr. Pepper,`). Not where
 * a letter greets its reader by a surname the brand is named after: the name alone closed by the
 * salutation's comma (`next`, the character after it) and a real surname (`isTitledSurname`:
 * `Dear Dr. Martens,` greets a Dr. Martens; `Dear Mr. Clean,` no one), nor after a courtesy title
 * and another (`Sehr geehrte Frau Dr. Oetker,`): a brand takes no courtesy title.
 */
function namesTitledNonPerson(titles: string, name: string, next: number): boolean {
  const words = titles.trim().split(/[ \t]+/);
  return words.length === 1 && isTitledNonPerson(words[0]!, name) && !(next === 44 /* , */ && !name.includes(" ") && isTitledSurname(words[0]!, name));
}

/** The titles ending in `Sr.` (`Sr. `, `Sr `, `SR `): a senior as often as a señor, whose job may come before the name (`Hello Sr. Nurse Maria Silva,`, `HELLO SR ENGINEER,`). */
const SENIOR_TITLE = /(?:^|[ \t])(?:Sr|SR)\.?[ \t]+$/;

/**
 * How much of `words` (what follows a courtesy title, words between blanks) names an office and
 * no one: office words (`OFFICE_WORDS`: `President`, `Doktor`), an article with the word after
 * it (`le Directeur`, `la Présidente`: `OFFICE_ARTICLES`) and, `afterSenior` (the title is `Sr.`),
 * a senior's job (`namesSeniorJob`: `Nurse`), with their blanks; 0 when the first word is none.
 */
function officeLength(words: string, afterSenior: boolean): number {
  const parts = words.split(/([ \t]+)/);
  let length = 0;
  let index = 0;
  while (index < parts.length) {
    const word = parts[index]!;
    // An article takes the word after it: `[article, blank, word, blank, …]`.
    const taken = OFFICE_ARTICLES.has(word) ? 4 : OFFICE_WORDS.has(word.toLowerCase()) || (afterSenior && namesSeniorJob(word.toLowerCase())) ? 2 : 0;
    if (taken === 0) break;
    for (const part of parts.slice(index, index + taken)) length += part.length;
    index += taken;
  }
  return length;
}
