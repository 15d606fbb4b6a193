import { Evidence } from "../evidence";
import { NAME_PARTICLE, NAME_PART_KEY_ENDINGS, PARTY_WORDS, PERSON_FIELD_LAST_WORDS, RECORD_ROLE_LAST_WORDS, ROLE_WORDS, holdsPersonName, namesPersonParty, namesWhosePersonField, personNameFieldOf, readsAsTextNamePart, textPersonFieldOf } from "../person-names";
import { saysNoPersonName, startsSayingNoName } from "../no-name-values";
import { isNameCharacter } from "../secret-names";
import { saysSecretState } from "../status-words";
import { readsAsWording } from "../error-wording";
import { formDecoded } from "../form-encoding";
import { queryNameOwner } from "../name-owners";
import { titleCasedName } from "../upper-case-names";
import { isCommonWord } from "../common-words";
import { PARTY_NAMED_NON_PERSONS, isPlaceNameEnding } from "../name-introducers";
import { endsInRegionName } from "../region-names";
import { withoutAccents } from "../street-addresses";
import { caseless, type Detector } from "./detector";
import { longWordSearch } from "./long-word-search";
import { MAX_UNQUOTED_WORD, TITLE_BEFORE_NAME, UNQUOTED, fieldNameBefore, nameFieldSource, nameFieldValue, rewrittenNameField, rewrittenNameWords, unquotedAnyCase } from "./name-field";
import { yieldsToLine } from "./street-address";

/** The kind of a person's name or login, found by its key (`key-rules.ts`) or in text. */
export const PERSON_NAME_KIND = "person_name";

/**
 * An unquoted value after `: ` under a person field's name (`billing_name: Jenny Rosen`,
 * `user.name: ana.silva`): a word, and up to four capitalised words after it that are no key, as
 * a logfmt value after `=` is read (name-field.ts), under a role's key in any case (`holder: john
 * smith`); the value is judged by its shape (`holdsPersonName`: `user.name: required` stays).
 * The blank after the `:` is checked before the name is read back: most colons in text (a URL's
 * `https:`, a time's `12:30`) have none, and then the lookbehind's names are not tried.
 */
const colonUnquoted = (lastWords: readonly string[], unquoted: string): string => `:(?!=)(?=[ \\t])(?<=(?:${lastWords.map(caseless).join("|")})[ \\t]*:)[ \\t]+(?:${unquoted})`;
/**
 * The last words of a person's role's keys (`holder`, `customer`, a record's `author`, `created_by`), whose unquoted value is a
 * name in any case (`holder=john smith`: `unquotedAnyCase`); `owner` stays the other fields' (`process.owner` is a login's).
 */
const ROLE_LAST_WORDS: readonly string[] = [...ROLE_WORDS, ...RECORD_ROLE_LAST_WORDS.filter((word) => !PERSON_FIELD_LAST_WORDS.includes(word))];
/** The last words of the other person fields' keys (`user.name`, `process.owner`), whose unquoted value is a login or capitalised words (`UNQUOTED`). */
const NAME_LAST_WORDS: readonly string[] = PERSON_FIELD_LAST_WORDS.filter((word) => !ROLE_WORDS.has(word));
const ROLE_UNQUOTED = unquotedAnyCase(ROLE_LAST_WORDS);
/** A word of a part of a name: letters, apostrophes and hyphens (`Maria`, `O'Brien`, `Jean-Luc`). */
const PART_WORD = String.raw`[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF][A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF'\u2019-]*`;
/**
 * What goes on after a value's word where a name's does not end: a word, a bracket, an `@`, a
 * path, a key's separator (`varchar(255)`, `maria@`), a percent-encoded byte (`M%C3%BCller`: the
 * whole word is then read as a query's value is, decoded).
 */
const GOES_ON = String.raw`[\w\u00C0-\u017F'\u2019(\[{<@/=-]|\.\w|%[0-9A-Fa-f]{2}`;
const PART_GOES_ON = new RegExp(`^(?:${GOES_ON})`);
/**
 * A value form-encoded with its blanks as `+`, as a URL's query or a form body sends it
 * (`first_name=John+Smith&last_name=Doe`, `first_name=John+Smith+N%2FA`, `Jos%C3%A9+da+Silva`):
 * read whole, words of letters, percent escapes and a mask's or a filler's `*` and `/`, up to
 * what ends a name (the next parameter's `&`, a fragment's `#`, a blank, punctuation, the end),
 * and judged decoded (`formDecoded`), as a whole name's key reads it. Anything else glued on
 * (`John+Smith+2`, `Maria+x%ZZ`) leaves the value to the one-word reading.
 */
const FORM_WORD = String.raw`(?:[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF'\u2019*/-]|%[0-9A-Fa-f]{2}){1,${MAX_UNQUOTED_WORD}}`;
const FORM_ENCODED_VALUE = `${FORM_WORD}(?:\\+${FORM_WORD})+(?!${GOES_ON}|[*+%])`;
/** A word of a part of a name written capitalised (`Maria`), and one in lower case (`maria`). */
const CAPITALISED_PART_WORD = String.raw`[A-Z\u00C0-\u00D6\u00D8-\u00DE][A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF'\u2019-]*`;
const LOWER_CASE_PART_WORD = String.raw`[a-z\u00DF-\u00F6\u00F8-\u00FF][A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF'\u2019-]*`;
/** What may follow a value where it ends: the line's end, punctuation, or the next key (`first_name=maria gonzalez email=…`). */
const VALUE_ENDS = String.raw`(?=[ \t]*(?:$|[\r\n,;)\]}|]|[\w.-]+[=:]))`;
/**
 * An unquoted value under a key naming a part of a name (`NAME_PART_KEY_ENDINGS`): one word of
 * letters, and the particles and word after it in any case (`last_name=de la Cruz`,
 * `van der Berg`) or one more word that is no key and is written as a name is: capitalised
 * after a capitalised one (`first_name=Maria José`), or in lower case after a lower-case one
 * where the value ends after it (`first_name=maria gonzalez`, `… email=…`). Prose going on after
 * the name is no part of it (`first_name=Maria logged in`, `first_name=maria updated profile`:
 * `Maria`, `maria`). Not `first_name=maria last_name=…`'s `last_name`; ending at a blank or punctuation.
 */
const PART_UNQUOTED =
  `${FORM_ENCODED_VALUE}|(?:${TITLE_BEFORE_NAME})?(?:${PART_WORD}(?: ${NAME_PARTICLE}){1,2} ${PART_WORD}|${CAPITALISED_PART_WORD}(?: ${CAPITALISED_PART_WORD}(?![\\w.-]*[=:]))?` +
  `|${LOWER_CASE_PART_WORD}(?: ${LOWER_CASE_PART_WORD}(?![\\w.-]*[=:])${VALUE_ENDS})?)(?!${GOES_ON})`;
/**
 * An unquoted whole name with particles before its last word (`João da Silva`, `Sr. Ana de la
 * Cruz`: a title first, `TITLE_BEFORE_NAME`), which `UNQUOTED` would end at the particle, leaving
 * the surname (`[REDACTED:person_name] da Silva`). Under a whole name's key or a card holder's.
 */
export const PARTICLED_NAME =
  `(?:${TITLE_BEFORE_NAME})?${CAPITALISED_PART_WORD}(?: ${CAPITALISED_PART_WORD}){0,2}(?: ${NAME_PARTICLE}){1,2} ${CAPITALISED_PART_WORD}(?![\\w.-]*[=:])(?!${GOES_ON})`;
/**
 * An unquoted value under the other person fields' keys (`display_name`, `customer_name`,
 * `user.name`): two or three words in lower case where the value ends (the line's end,
 * punctuation, the next key: `display_name=maria silva ok`), read whole as the key rule reads the
 * same string as an attribute; a name with particles (`PARTICLED_NAME`); else `UNQUOTED`, a word
 * and capitalised words after it.
 */
const NAME_UNQUOTED = `${LOWER_CASE_PART_WORD}(?: ${LOWER_CASE_PART_WORD}(?![\\w.-]*[=:])){1,2}${VALUE_ENDS}(?!${GOES_ON})|${PARTICLED_NAME}|${UNQUOTED}`;
/** How far past a part's value a state's phrase or an error's wording is read (`too short`, `must not be blank`). */
const WORDING_REACH = 32;
/**
 * Whether the field whose separator starts at `start` is written as a field of its own, a logfmt
 * line's or a URL query's: a bare word glued to `=` (`name=John Smith`, `?nome=Ana+Souza`,
 * `&nom=Dubois`), not a quoted member, an arrow, a colon or a printed record's field (`User(id=1,
 * name=…)`, `[name=…`, `{name=…`: after a bracket or a comma), whose label a type or siblings own.
 */
function isOwnField(text: string, start: number): boolean {
  if (text.charCodeAt(start) !== 61 /* = */ || text.charCodeAt(start + 1) === 62 /* > */) return false;
  let i = start;
  while (i > 0 && isNameCharacter(text.charCodeAt(i - 1))) i--;
  return i === 0 || (LOGFMT_FIELD_BEFORE.test(text.charAt(i - 1)) && !PRINTED_RECORD_BEFORE.test(text.slice(Math.max(0, i - 2), i)));
}
/** What stands before a logfmt field's or a query parameter's name: a blank, a line's start, a query's `?` or `&`. */
const LOGFMT_FIELD_BEFORE = /^[ \t\n?&]$/;
/** A printed record's separator between its fields, before a blank (`User(id=1, name=…)`). */
const PRINTED_RECORD_BEFORE = /^,[ \t]$/;
/** The bare words for a person or a message's party (`namesPersonParty`: `user`, `from`), whose value is a name only in a full name's shape. */
const PARTY_LAST_WORDS: readonly string[] = [...PARTY_WORDS];

/**
 * A person's name or login as a field written into free text (`name-field.ts`): `login ok
 * user.name=ana.silva from 10.0.0.4`, `userName: "Ana Silva" signed in`, `customer_full_name="Ana
 * Silva"`, `process.owner=ana.silva`, `first_name=Maria`. The keys are the person-name key
 * rule's that say whose name it is or that it is a part of a name or a whole one
 * (`namesWhosePersonField`). The value is judged as that rule judges it (`personNameFieldOf`,
 * `holdsPersonName`: a service account, `root`, an id or a placeholder stays). A JSON member the key rules kept by
 * its path (a `keepKeys` entry) stays (`fieldValue`, kept-members.ts): the text scan reads only
 * its name. Words without a field's separator stay (`the user name field is required`).
 * A party's name is such a key too (`shipping_name=Jenny Rosen`, `from_name="Jenny Rosen"`,
 * `sender.name`), and, unlike a card holder's, one written after `: ` without quotes, as YAML and
 * labelled lines write it (`billing_name: Jenny Rosen`, `user.name: ana.silva`:
 * `COLON_UNQUOTED`). So is a person's role (`customer: Ana Souza`, `assignee="Ana Souza"`:
 * `namesRoleName`), where only spaced capitalised words are a name (`customer=cus_123` stays),
 * and a bare person's or party's word or a bare `name` (`user="Maria Silva"`, `from: Maria Silva`,
 * `name=John Smith`, a URL query's `/customers?nome=Ana+Souza`: `namesPersonParty`, `textPersonFieldOf`), where only a full
 * name's shape is one (`user=app`, `from="Acme Corp"`, `name=checkout`, `name=Content Type`, `?nome=produto-123` stay).
 * A query's bare name word is a person's only where the query says so (`queryNameOwner`): beside a part of a name's
 * parameter it is the other part (`?nom=Dubois&prenom=Marie`); beside a person's parameter or under a people path
 * it is a full name, in capitals too (`/clientes?nome=ANA+SOUZA&cpf=1`); under a path naming things it stays
 * (`/api/products?name=Maria+Filo+Vestido`); under any other path a full name holding no thing's words goes (`/x?nome=Ana+Souza`:
 * `namesNoThing`; `/?name=Julia+Set` stays).
 * A logfmt line's bare name word beside a part of a name's field is the other part too (`nom=Dubois prenom=Marie`).
 */
/**
 * Where a URL query's value in `match` (a name field's) ends when its first word is encoded
 * (`+` or `%20` in it: `Ana%20Souza`): at the raw blank after that word, which a URL's value
 * cannot hold (`?name=Ana%20Souza HTTP/1.1`, an access log's protocol after it); else the match's end.
 */
function encodedValueEnd(match: string): number {
  const start = nameFieldValue(match)[0];
  const blank = match.indexOf(" ", start);
  return blank !== -1 && /\+|%20/i.test(match.slice(start, blank)) ? blank : match.length;
}

/**
 * Whether `value`, a full name's shape under a query's bare name word whose path says neither a
 * person nor a thing (`queryNameOwner`'s `unknown`: `/x?nome=Ana+Souza`), holds no thing's words:
 * no common word after its first (`isCommonWord`: `Julia Set`), no place's, trade's or product's
 * last word, singular or plural (`isPlaceNameEnding`: `Maria Rosa Cafe`) nor a country's or a state's (`endsInRegionName`:
 * `Helena Montana`), and no city or brand named as a person leading it (`PARTY_NAMED_NON_PERSONS`: `Joao Pessoa`,
 * `Jose Cuervo Tequila`).
 */
function namesNoThing(value: string): boolean {
  const words = value.split(" ");
  return (
    !words.some((word, index) => index > 0 && isCommonWord(word)) &&
    !isPlaceNameEnding(words[words.length - 1]!) &&
    !endsInRegionName(value) &&
    ![2, 3].some((count) => PARTY_NAMED_NON_PERSONS.has(withoutAccents(words.slice(0, count).join(" ")).toLowerCase()))
  );
}

/** The detector's source: each kind of key's fields after `=` or `=>` (`nameFieldSource`) and after `: ` (`colonUnquoted`), each match starting at its `:` or `=`. */
const PERSON_NAME_FIELD_SOURCE =
  `${nameFieldSource(ROLE_LAST_WORDS, ROLE_UNQUOTED)}|${nameFieldSource(NAME_PART_KEY_ENDINGS, PART_UNQUOTED)}|${nameFieldSource(NAME_LAST_WORDS, NAME_UNQUOTED)}|` +
  `${nameFieldSource(PARTY_LAST_WORDS)}|${colonUnquoted(ROLE_LAST_WORDS, ROLE_UNQUOTED)}|${colonUnquoted(NAME_PART_KEY_ENDINGS, PART_UNQUOTED)}|` +
  `${colonUnquoted(NAME_LAST_WORDS, NAME_UNQUOTED)}|${colonUnquoted(PARTY_LAST_WORDS, UNQUOTED)}`;

export const personNameFieldDetector: Detector = {
  kind: PERSON_NAME_KIND,
  source: PERSON_NAME_FIELD_SOURCE,
  // A long word's `=`s are tried without a word's value, which cannot start there (`to=` repeated).
  search: longWordSearch(PERSON_NAME_FIELD_SOURCE, "[:=]"),
  evidence: Evidence.CARD_HOLDER_FIELD,
  fieldValue: nameFieldValue,
  rewrite: (match, marker, text, start, place) => {
    // The value is judged as the key rule judges its attribute (`customer: Ana Souza` a role's, `first_name=Maria` a part's).
    const key = fieldNameBefore(text, start);
    const read = textPersonFieldOf(key, isOwnField(text, start));
    if (read === undefined || yieldsToLine(match, text, start)) return undefined;
    // A query's bare `name`, `nom`, `nome` is a person's only by its siblings or its path: beside a
    // part of a name's parameter or logfmt field it is the name's other part (`?nom=Dubois&prenom=Marie`, `nom=Dubois prenom=Marie`).
    const owner = read === "party" || read === "unowned" ? queryNameOwner(text, start, key, place) : undefined;
    if (owner === "none") return undefined;
    const field = read === "login" ? undefined : owner === "part" ? "part" : read;
    // A part of a name in text is one only in a name's shape, not glued on (`first_name=required`, `first_name=varchar(255)` stay).
    if (field === "part") {
      if (PART_GOES_ON.test(text.slice(start + match.length, start + match.length + 2))) return undefined;
      // A state's phrase or an error's wording read on past the one word taken (`first_name=too
      // short`, `given_name=must not be blank`, a query's `given_name=must+not+be+blank` read form-decoded): the line says no name there.
      const said = formDecoded(text.slice(start + nameFieldValue(match)[0], start + match.length + WORDING_REACH));
      // So does a placeholder of several words led by a name's label (`first_name=Nome não informado`: `startsSayingNoName`).
      if (saysSecretState(said) || readsAsWording(said) || startsSayingNoName(said)) return undefined;
      return rewrittenNameField(match, marker, text, start, (value) => readsAsTextNamePart(value) && holdsPersonName(value, field));
    }
    // A whole name's key in text prints a form's answers too (`display_name=must not be blank`).
    // Where the query says a person's name is there, one in capitals led by a given name is one (`/users?name=JOHN+SMITH`).
    const judged = owner === "person" ? (value: string) => titleCasedName(value) ?? value : (value: string) => value;
    // A query's encoded value ends at a raw blank (`?name=Ana%20Souza HTTP/1.1`): the words after are the line's.
    const end = owner === undefined ? match.length : encodedValueEnd(match);
    const rewritten = rewrittenNameWords(
      match.slice(0, end),
      marker,
      text,
      start,
      (value) => (field !== "whole" || !saysNoPersonName(value)) && holdsPersonName(judged(value), field) && (owner !== "unknown" || namesNoThing(value)),
    );
    return rewritten === undefined ? undefined : rewritten + match.slice(end);
  },
};
