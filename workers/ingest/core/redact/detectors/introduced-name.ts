import { MoreEvidence } from "../evidence";
import { isCommonWord } from "../common-words";
import { isCommonGivenName } from "../given-names";
import { isOnlySurname } from "../surnames";
import { endsInRegionName, isRegionName } from "../region-names";
import { COURTESY_TITLES, OFFICE_WORDS } from "../greetings";
import { ACADEMIC_DEGREE_TITLE, LABEL_COLON, LABEL_PARTY_INTRODUCERS, NAME_LABELS, NAME_LABEL_BEFORE, NAME_SAYING_INTRODUCERS, PARTY_INTRODUCERS, PARTY_NAMED_NON_PERSONS, PAYMENT_NAME_ENDS, isPaymentWord, PAYMENT_PARTY_PHRASE, isPlaceNameEnding, PROSE_TITLES, SELF_INTRODUCERS, UPPER_CASE_TITLES, isTitledNonPerson, namesJobTitle, namesSeniorJob, seniorJobWordCount } from "../name-introducers";
import { namesGroup } from "../organization-names";
import { NAME_PARTICLE, holdsPersonName, readsAsPersonName } from "../person-names";
import { withoutAccents } from "../street-addresses";
import { UPPER_CASE_NAME_RUN, titleCasedName } from "../upper-case-names";
import { type Detector, Place } from "./detector";
import { lastNameSegment, memberNameBefore } from "./member-name";
import { nameWords } from "../secret-names";
import { NAME_END, NAME_WORD } from "./greeting-name";
import { PERSON_NAME_KIND } from "./person-name-field";
import { upTo } from "../regex-repeat";

/**
 * One to four capitalised words of a name, up to two particles before a word (`Maria de la Cruz`,
 * `Ludwig van Beethoven`), or the same in capitals (`MARIA DE LA CRUZ`: `UPPER_CASE_NAME_RUN`).
 */
const NAME_RUN = `(?:${NAME_WORD}${upTo(`[ \\t]+${upTo(`${NAME_PARTICLE}[ \\t]+`, 2)}${NAME_WORD}`, 3)}|${UPPER_CASE_NAME_RUN})`;
/** A distinguished name's value ends at its attribute's separator (`,`, `+`, `/` in OpenSSL's one-line form), a quote, a bracket or the line's end. */
const DN_VALUE_END = `(?=[ \\t]*(?:[,+/;"'>)\\]\\r\\n]|$))`;
const INTRODUCTION_AT = new RegExp(`^(?:${NAME_SAYING_INTRODUCERS.join("|")})[ \\t]+`);
const SELF_INTRODUCTION_AT = new RegExp(`^(?:${SELF_INTRODUCERS.join("|")})[ \\t]+`);
const PARTY_AT = new RegExp(`^(?:(?:${PARTY_INTRODUCERS.join("|")})[ \\t]+|(?:${[...LABEL_PARTY_INTRODUCERS, ...NAME_LABELS].join("|")})${LABEL_COLON})`);
const PAYMENT_PARTY_AT = new RegExp(`^${PAYMENT_PARTY_PHRASE}[ \\t]+`);
const TITLE_AT = new RegExp(`^(?:${[...PROSE_TITLES, ...UPPER_CASE_TITLES].join("|")})[ \\t]+`);
const UPPER_CASE_TITLE_AT = new RegExp(`^(?:${UPPER_CASE_TITLES.join("|")})[ \\t]`);
/** The titles in capitals that spell no acronym or unit (`MS` a millisecond's, `DR` a disaster recovery's, `MX` a mail exchanger's): a person's. */
const PERSON_TITLE_IN_CAPITALS = /^MRS?\.?[ \t]/;
const COMMON_NAME_AT = /^CN[ \t]*=[ \t]*/;
/**
 * A capitalised word and blanks right before a title: `Main Dr.` is a street's Drive, not a
 * doctor; unless the word is a courtesy title (`Frau Dr. Schneider`, `Mme Dr Martin`).
 */
const CAPITALISED_WORD_BEFORE = /([A-Z][a-z]+)[ \t]+$/;
const TITLES: ReadonlySet<string> = new Set(COURTESY_TITLES.map((title) => title.toLowerCase()));
const PARTICLE = new RegExp(`^${NAME_PARTICLE}$`);
/** An academic degree where a title's name would start (`Herr Dipl.-Ing. Müller`): another title, whose name the next match reads. */
const ACADEMIC_DEGREE_AT = new RegExp(`^${ACADEMIC_DEGREE_TITLE}`);
/** The word right after a name, past blanks: `depot` in `to Maria Helena depot`. */
const WORD_AFTER = /^[ \t]+([A-Za-z\u00C0-\u017F]+)/;

/** The name labels' first letters: checked before the label's lookbehind, which is slower to fail. */
const LABEL_INITIALS = [...new Set(NAME_LABELS.map((label) => label[0]!))].join("");

/**
 * A person's full name in free text after a word saying a person follows, where no field's
 * separator names it: a party's or a role's word (`login failed for user Maria Gonzalez`,
 * `assigned to customer John Smith`, `transfer from Alice Cooper to Bob Marley`: `PARTY_INTRODUCERS`),
 * an honorific title (`Dr. Marie Dupont`, `Mr John Smith`, `Mrs. O'Brien`: `PROSE_TITLES`), or
 * the common name of an LDAP or X.509 distinguished name (`CN=John Smith,OU=Sales,DC=corp`,
 * Active Directory's `CN=Smith\, John,…`, OpenSSL's `/CN=John Smith/O=…` and `CN = John Smith`);
 * and a labelled line's name: a party's word and a label's `:` (`Cliente: Ana Paula Ferreira`,
 * `Kunde: Hans Müller`), or a name's label where a line's label stands (`Name: Hans Müller`,
 * `Nom : Marie Dupont`: `NAME_LABELS`), judged as after a party's word (`Name: Checkout Service`,
 * `Cliente: Loja Exemplo Ltda` stay). Only the name is replaced; the word, the title and the DN's other parts stay.
 *
 * The words before a name precede a login, a program, a company, a place or a certificate's
 * host as often (`for user root`, `client Google Chrome`, `customer Acme Corp`, `from New York to
 * San Francisco`, `CN=DigiCert Global Root CA`, `CN=Domain Admins`), so after a party's word or
 * `CN=` only a full name's shape led by a common given name is a person's (`holdsPersonName`'s
 * "party" field, as under a bare `user=`), with no group's or function's word (`namesGroup`) and
 * no place's last word and no place's, facility's or product's word right after
 * (`PLACE_NAME_ENDINGS`: `to Victoria Station`, `from Paulo Afonso depot`, `Mme. Butterfly
 * tickets`, after a title too), and no city or brand named as a person is
 * (`PARTY_NAMED_NON_PERSONS`: `to João Pessoa`, `Shipped by Michael Kors`). After
 * a title the title is the evidence: a surname alone is a name (`holdsPersonName` of a whole name:
 * `Mrs. O'Brien`, not `Mr. Robot`), unless it is an office or another title (`Mr. President`,
 * `Prof. Dr. …` and `Herr Dipl.-Ing. …` leave the name to the next match), a titled program or character
 * (`isTitledNonPerson`: `Dr. Watson`, `Dr. Oetker`, `Dr. Scholl's`), more words than a person's name has
 * (`Mr. Bean Coffee Roasters`: `holdsOnlyNameWords`), a street's `Dr.` after the street's name (`Main Dr.
 * Springfield`; not after a courtesy title, `Frau Dr. Schneider`), after an English title in capitals (`MR`, `DR.`:
 * `UPPER_CASE_TITLES`) a name not led by a common given name (`MR SMITH`, `DR SITE`: `from MR JOHN SMITH` goes), or after `Sr.` a senior's job without a given name after it (`Sr. Software Engineer`, `Sr. Nurse`, `Sr. SRE`, `Sr. Nurse Practitioner`: more than one word or `namesSeniorJob`, plurals too, `hiring Sr. Engineers`; `Sr. SILVA`, `Sr. Nurse Maria Silva` and a common surname alone, `Sr. Nurse Silva`, go).
 * A party's word in capitals introduces no name (`PARTY_INTRODUCERS`: `CONNECTION FROM ALICE REFUSED`),
 * but after a payment's word it does (`PAYMENT TO JOHN SMITH`, `SEPA CREDIT FROM ANA SOUZA`:
 * `PAYMENT_PARTY_PHRASE`, `paymentPartyNameLength`).
 * Known misses: a full name outside the list of given names after a party's word (`user Zephyr
 * Quill`), a one-word name after one (`for user Maria`), a name followed by a capitalised word
 * (`user Maria Gonzalez ID 42`, as after a greeting), a name after a party's word in capitals
 * but a payment's (`USER JOHN SMITH LOGGED IN`), a surname alone after `Sr.` and a job outside the
 * common surnames (`Sr. Nurse Quill`).
 */
export const introducedNameDetector: Detector = {
  kind: PERSON_NAME_KIND,
  source:
    `(?<![A-Za-z\\u00C0-\\u017F0-9_.-])(?:${[...PARTY_INTRODUCERS, ...PROSE_TITLES, ...UPPER_CASE_TITLES, ...NAME_SAYING_INTRODUCERS, ...SELF_INTRODUCERS].join("|")})[ \\t]+${NAME_RUN}${NAME_END}` +
    `|(?:(?<![A-Za-z\\u00C0-\\u017F0-9_.-])(?:${LABEL_PARTY_INTRODUCERS.join("|")})|(?=[${LABEL_INITIALS}])${NAME_LABEL_BEFORE}(?:${NAME_LABELS.join("|")}))${LABEL_COLON}${NAME_RUN}${NAME_END}` +
    `|(?<![A-Za-z0-9_-])CN[ \\t]*=[ \\t]*${NAME_RUN}(?:\\\\,[ \\t]*${NAME_RUN})?${DN_VALUE_END}` +
    `|(?<![A-Za-z\\u00C0-\\u017F0-9_.-])${PAYMENT_PARTY_PHRASE}[ \\t]+${UPPER_CASE_NAME_RUN}`,
  evidence: 0,
  moreEvidence: MoreEvidence.NAME_INTRODUCER,
  rewrite: (match, marker, text, start, place) => {
    const common = COMMON_NAME_AT.exec(match)?.[0].length;
    if (common !== undefined) return readsAsPartyName(titleCasedName(commonNameAsWritten(match.slice(common)))) ? match.slice(0, common) + marker : undefined;
    const after = WORD_AFTER.exec(text.slice(start + match.length, start + match.length + 40))?.[1]?.toLowerCase();
    if (after !== undefined && isPlaceNameEnding(after)) return undefined;
    const payment = PAYMENT_PARTY_AT.exec(match)?.[0].length;
    if (payment !== undefined) {
      const name = paymentPartyNameLength(match.slice(payment));
      if (name === undefined || joinsTrade(match.slice(payment + name) + text.slice(start + match.length, start + match.length + 40))) return undefined;
      return match.slice(0, payment) + marker + match.slice(payment + name);
    }
    const introduction = INTRODUCTION_AT.exec(match)?.[0].length;
    if (introduction !== undefined) return readsAsIntroducedName(nameAfter(match, introduction)) ? match.slice(0, introduction) + marker : undefined;
    const party = (SELF_INTRODUCTION_AT.exec(match) ?? PARTY_AT.exec(match))?.[0].length;
    if (party !== undefined) {
      const name = nameAfter(match, party);
      if (name !== undefined && endsInRegionName(name) && introducesPerson(match.slice(0, party), text, start)) {
        // A person's party: a region's name last is a surname (`from Maria Montana`) or where the holder lives (`from Ana Souza Brasil`).
        const written = match.slice(party).replace(/[ \t]+[^ \t]+$/, "");
        if (readsAsPartyName(name.slice(0, name.lastIndexOf(" ")))) return match.slice(0, party) + marker + match.slice(party + written.length);
        return readsAsPartyName(name, true) ? match.slice(0, party) + marker : undefined;
      }
      return readsAsPartyName(name) ? match.slice(0, party) + marker : undefined;
    }
    const title = TITLE_AT.exec(match)?.[0] ?? "";
    // A title in capitals is no evidence (`UPPER_CASE_TITLES`): a given name must lead the name;
    // after `MR` or `MRS`, no acronym's, a surname may be a common word (`MRS EMILY POST`).
    const inCapitals = UPPER_CASE_TITLE_AT.test(title);
    const name = nameAfter(match, title.length, !inCapitals, !inCapitals || PERSON_TITLE_IN_CAPITALS.test(title));
    if (title === "" || name === undefined || ACADEMIC_DEGREE_AT.test(text.slice(start + title.length, start + title.length + 16))) return undefined;
    const before = text.slice(Math.max(0, start - 32), start);
    if (readsAsTitledName(title, name, before)) return title + marker;
    // Under a job title's key the words after the job are the job's (`job_title` = `Sr. Nurse Maria`).
    if (underJobTitle(text, start, place)) return undefined;
    const job = seniorJobBefore(title, name, match.slice(title.length));
    return job !== undefined && readsAsTitledName(title, name.split(" ").slice(job.words).join(" "), before) ? title + job.written + marker : undefined;
  },
};

/**
 * The name in `match` from `at` on, in single blanks and as a capitalised name is written
 * (`titleCasedName`: `JOHN SMITH` is `John Smith`); undefined for words in capitals not led by a
 * common given name (`US EAST`, `SYSTEM ADMIN`), unless `afterTitle` and one word (`Frau SCHNEIDER`);
 * `afterPersonTitle`: a title saying a person precedes it, so a surname may be a common word (`MRS EMILY POST`).
 */
function nameAfter(match: string, at: number, afterTitle = false, afterPersonTitle = afterTitle): string | undefined {
  return titleCasedName(match.slice(at).replace(/[ \t]+/g, " "), afterTitle, afterPersonTitle);
}

/**
 * Whether `name` (words and single blanks) after a party's word, a self-introduction's `I am`
 * or `CN=` reads as a person's full name: two or more words led by a common given name, no
 * group's word, not a place's ending, not a place or a brand named as a person is
 * (`PARTY_NAMED_NON_PERSONS`: `João Pessoa`, `Michael Kors`).
 */
function readsAsPartyName(name: string | undefined, regionIsSurname = false): boolean {
  return name !== undefined && holdsPersonName(name, "party") && !namesGroupOrPlace(name, regionIsSurname) && !PARTY_NAMED_NON_PERSONS.has(withoutAccents(name).toLowerCase());
}

/**
 * Whether `name` (words and single blanks) after a phrase saying a name follows (`My name is`,
 * `Je m'appelle`: `NAME_SAYING_INTRODUCERS`) is a person's: as after a greeting
 * (`readsAsPersonName`), a common given name first, alone or before up to two more names
 * (`Maria`, `Ana Souza`), or a name outside ASCII, with no group's or place's word.
 */
function readsAsIntroducedName(name: string | undefined): boolean {
  return name !== undefined && readsAsPersonName(name) && !namesGroupOrPlace(name);
}

/**
 * Whether `name` (words and single blanks) names a group or a function (`namesGroup`) or ends as a
 * place's name does (`isPlaceNameEnding`: `Victoria Station`, `George Foreman Grills`) or in a country's or a state's name
 * (`isRegionName`: `Helena Montana`, the city and its state), unless `regionIsSurname`.
 */
function namesGroupOrPlace(name: string, regionIsSurname = false): boolean {
  return namesGroup(name) || isPlaceNameEnding(name.slice(name.lastIndexOf(" ") + 1)) || (!regionIsSurname && endsInRegionName(name));
}

/**
 * Whether `introducer` (a party's word or a self-introduction as written, with its blanks) at
 * `start` of `text` says a person follows, so that a country's or a state's name after a full
 * name is no city's state (`Helena Montana`): a person's role (`customer`, `user`, `Kunde`, `I am`),
 * or a phrase's `from`, `to`, `by`, `para` after a payment's word among the three words before it
 * (`isPaymentWord`: `payment from Ana Souza Brasil`, `transfer received from Maria Montana`).
 * After any other words those name a place as often (`shipment to Helena Montana`, `flight from
 * Victoria Texas`), and the name stays.
 */
function introducesPerson(introducer: string, text: string, start: number): boolean {
  if (!PHRASE_PARTY_WORDS.has(introducer.trim())) return true;
  return text.slice(Math.max(0, start - 48), start).split(/[^A-Za-z\u00C0-\u017F]+/).filter(Boolean).slice(-3).some(isPaymentWord);
}
/** The party words that end a phrase as much as they name a party (`from`, `to`, `by`, `para`): places follow them too. */
const PHRASE_PARTY_WORDS: ReadonlySet<string> = new Set(["from", "to", "by", "para"]);

/**
 * The length of the person's name that leads `run`, words in capitals after a payment's party
 * phrase (`PAYMENT TO JOHN SMITH`, `TRANSFER FROM MARIA GARCIA REF`: `PAYMENT_PARTY_PHRASE`), or
 * undefined when none does. In capitals only the line ends a name, so the name is cut before the
 * first word after its first that is a reference's or an outcome's (`PAYMENT_NAME_ENDS`: `REF`,
 * `DECLINED`), a common word (`isCommonWord`: `FAILED`, `ACCOUNT`) or a country's or a state's
 * name (`isRegionName`: `ANA SOUZA BRASIL`); the words before are judged as after a party's word
 * in prose (`readsAsPartyName`: a common given name and a surname, no company's legal form,
 * `titleCasedName`, no trade's last word, `isPlaceNameEnding`, nor one joined by `AND` or `&`, `joinsTrade`; `VENDOR FAILED`, `SAVINGS ACCOUNT`,
 * `AMAZON EU SARL`, `MARY KAY COSMETICS` stay), nor led by a place or a brand named as a person
 * (`PARTY_NAMED_NON_PERSONS`: `JOAO PESSOA PB`).
 */
function paymentPartyNameLength(run: string): number | undefined {
  const parts = run.split(/([ \t]+)/);
  let end = 1;
  while (end < parts.length && !endsPaymentName(parts[end + 1]!)) end += 2;
  const name = parts.slice(0, end);
  const words = name.filter((_, index) => index % 2 === 0);
  // A city or a brand named as a person leads the words as often, its state's code or its trade after it (`JOAO PESSOA PB`, `CHARLES SCHWAB BROKERAGE`).
  if ([2, 3].some((count) => PARTY_NAMED_NON_PERSONS.has(withoutAccents(words.slice(0, count).join(" ")).toLowerCase()))) return undefined;
  return readsAsPartyName(titleCasedName(words.join(" "))) ? name.join("").length : undefined;
}

/**
 * Whether `rest`, what follows a payee's name in capitals, joins a trade's word to it (`JOHN WILEY
 * & SONS`, `BOB SMITH AND SONS`: `AND` or `&`, then `isPlaceNameEnding`): the payee is a firm.
 */
function joinsTrade(rest: string): boolean {
  const word = JOINED_WORD.exec(rest)?.[1];
  return word !== undefined && isPlaceNameEnding(word);
}
const JOINED_WORD = /^[ \t]+(?:AND|&|E|Y|UND)[ \t]+([A-Za-z\u00C0-\u017F]+)/;

/** Whether `word`, in capitals, ends a name after a payment's party phrase (`paymentPartyNameLength`). */
function endsPaymentName(word: string): boolean {
  return PAYMENT_NAME_ENDS.has(word.toLowerCase()) || isCommonWord(word) || isRegionName(word);
}

/** A DN's common name in a person's order: Active Directory's `Smith\, John` is `John Smith`. */
function commonNameAsWritten(value: string): string {
  const comma = value.indexOf("\\,");
  const name = comma === -1 ? value : `${value.slice(comma + 2).trim()} ${value.slice(0, comma).trim()}`;
  return name.replace(/[ \t]+/g, " ");
}

/**
 * The senior's job between `Sr.` (`title`) and a name led by a common given name (`Sr. Nurse
 * Maria Silva`, `Sr. Staff Engineer John Smith`: `seniorJobWordCount`): its count of words in
 * `name` (words and single blanks) and its text as written in `written` (what follows the title,
 * blanks kept) with the blanks after it; undefined when the title is another, no job leads, or no
 * given name and surname nor a common surname alone naming nothing else (`isOnlySurname`: `Sr. Nurse Silva`, not `Sr. Engineer Lima`) follow
 * the job (`Sr. Nurse Practitioner`, `Sr. Developer Julia`, `Sr. Developer Java`), or a surname is a country's or a state's name (`isRegionName`:
 * `Sr. Analyst Sofia Bulgaria`) or a common word (`isCommonWord`: `Sr. Developer Julia Set`).
 */
function seniorJobBefore(title: string, name: string, written: string): { words: number; written: string } | undefined {
  if (title.trim().replace(/\.$/, "").toLowerCase() !== "sr") return undefined;
  const all = name.split(" ");
  const words = seniorJobWordCount(all);
  // Only a common given name and a surname after the job make a name: a job takes its field or a
  // posting's word after it as often as a surname (`Sr. Nurse Practitioner`, `Sr. Manager Logistics`),
  // a given name alone there is a city's or a language's as often (`Sr. Consultant Victoria`, `Sr.
  // Developer Julia`), and a place or a common word is no surname (`Sr. Engineer Santiago Chile`, `Sr. Developer Julia Set`).
  // A common surname alone after the job is the senior's (`Sr. Nurse Silva`), unless it names a
  // place, a brand or a word as often, as a given name does (`Sr. Engineer Lima`, `Sr. Manager
  // Ferrari`, `Sr. Designer Gray`, as `Sr. Consultant Victoria`: `isOnlySurname`, `isRegionName`, `isCommonWord`).
  const lone = all[words];
  const surnameAlone = words + 1 === all.length && isOnlySurname(lone!) && !isCommonGivenName(lone!) && !isRegionName(lone!) && !isCommonWord(lone!);
  if (words === 0 || (!surnameAlone && (words + 2 > all.length || !isCommonGivenName(all[words]!)))) return undefined;
  if (all.slice(words + 1).some((word) => isRegionName(word) || isCommonWord(word))) return undefined;
  return { words, written: new RegExp(`^(?:[^ \\t]+[ \\t]+){${words}}`).exec(written)![0] };
}

/**
 * Whether `name` (words and single blanks) after `title` (as written, with its blanks) is a
 * person's; `before` is the text before the title.
 */
function readsAsTitledName(title: string, name: string, before: string): boolean {
  const bare = title.trim().replace(/\.$/, "").toLowerCase();
  const first = name.split(" ", 1)[0]!.toLowerCase();
  const wordBefore = bare === "dr" ? CAPITALISED_WORD_BEFORE.exec(before)?.[1] : undefined;
  // A courtesy title before `Dr.` names a person (`Frau Dr. Oetker` is a woman; `Dr. Oetker` alone the brand).
  const courtesyBefore = wordBefore !== undefined && TITLES.has(wordBefore.toLowerCase());
  if ((!courtesyBefore && isTitledNonPerson(bare, name)) || OFFICE_WORDS.has(first) || TITLES.has(first)) return false;
  if (wordBefore !== undefined && !courtesyBefore) return false;
  if (namesGroupOrPlace(name) || name.split(" ").some((word) => OFFICE_WORDS.has(word.toLowerCase()))) return false;
  if (!holdsOnlyNameWords(name)) return false;
  if (isCommonGivenName(first)) return holdsPersonName(name, "party") || holdsPersonName(name, "whole");
  return (bare !== "sr" || (!name.includes(" ") && !namesSeniorJob(first))) && holdsPersonName(name, "whole");
}

/**
 * Whether the value starting at `start` in `text` is a job's title by its key: the attribute's
 * (`place` holding `Place.JOB_TITLE_VALUE`) or the member's printed before it (`memberNameBefore`:
 * `"job_title":"Sr. …"`, `position=Sr. …`), read by `namesJobTitle`.
 */
function underJobTitle(text: string, start: number, place: number): boolean {
  if ((place & Place.JOB_TITLE_VALUE) !== 0) return true;
  const member = memberNameBefore(text, start);
  return member !== undefined && namesJobTitle(nameWords(lastNameSegment(member)));
}

/**
 * Whether `name` (words and single blanks) after a title is no longer than a person's: one
 * surname, or common given names and at most two surnames (`Marie Dupont`, `João Silva Santos`),
 * particles aside. Longer, the title is a brand's or a product's (`Dr Martens Jadon Boot`,
 * `Mr. Bean Coffee Roasters`).
 */
function holdsOnlyNameWords(name: string): boolean {
  const words = name.split(" ").filter((word) => !PARTICLE.test(word));
  let given = 0;
  while (given < words.length && isCommonGivenName(words[given]!)) given++;
  return given === 0 ? words.length === 1 : words.length - given <= 2;
}
