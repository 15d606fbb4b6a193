import { Evidence } from "../evidence";
import { PARTY_WORDS, PERSON_FIELD_LAST_WORDS, RECORD_ROLE_LAST_WORDS, ROLE_WORDS, gluedToName, holdsPersonName, namesPersonField, namesPersonParty, namesWhosePersonField, personNameFieldOf } from "../person-names";
import { nameWords } from "../secret-names";
import { caseless, type Detector } from "./detector";
import { UNQUOTED, fieldNameBefore, nameFieldSource, nameFieldValue, rewrittenNameWords, unquotedAnyCase } from "./name-field";

/** The kind of a person's name or login, found by its key (`key-rules.ts`) or in text. */
export const PERSON_NAME_KIND = "person_name";

/**
 * An unquoted value after `: ` under a person field's name (`billing_name: Jenny Rosen`,
 * `user.name: ana.silva`): a word, and up to four capitalised words after it that are no key, as
 * a logfmt value after `=` is read (name-field.ts), under a role's key in any case (`holder: john
 * smith`); the value is judged by its shape (`holdsPersonName`: `user.name: required` stays).
 */
const colonUnquoted = (lastWords: readonly string[], unquoted: string): string => `:(?!=)(?<=(?:${lastWords.map(caseless).join("|")})[ \\t]*:)[ \\t]+(?:${unquoted})`;
/**
 * The last words of a person's role's keys (`holder`, `customer`, a record's `author`, `created_by`), whose unquoted value is a
 * name in any case (`holder=john smith`: `unquotedAnyCase`); `owner` stays the other fields' (`process.owner` is a login's).
 */
const ROLE_LAST_WORDS: readonly string[] = [...ROLE_WORDS, ...RECORD_ROLE_LAST_WORDS.filter((word) => !PERSON_FIELD_LAST_WORDS.includes(word))];
/** The last words of the other person fields' keys (`user.name`, `process.owner`), whose unquoted value is a login or capitalised words (`UNQUOTED`). */
const NAME_LAST_WORDS: readonly string[] = PERSON_FIELD_LAST_WORDS.filter((word) => !ROLE_WORDS.has(word));
const ROLE_UNQUOTED = unquotedAnyCase(ROLE_LAST_WORDS);
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
 * and a bare person's or party's word (`user="Maria Silva"`, `from: Maria Silva`:
 * `namesPersonParty`), where only a full name's shape is one (`user=app`, `from="Acme Corp"` stay).
 */
export const personNameFieldDetector: Detector = {
  kind: PERSON_NAME_KIND,
  source:
    `${nameFieldSource(ROLE_LAST_WORDS, ROLE_UNQUOTED)}|${nameFieldSource(NAME_LAST_WORDS)}|${nameFieldSource(PARTY_LAST_WORDS)}|` +
    `${colonUnquoted(ROLE_LAST_WORDS, ROLE_UNQUOTED)}|${colonUnquoted(NAME_LAST_WORDS, UNQUOTED)}|${colonUnquoted(PARTY_LAST_WORDS, UNQUOTED)}`,
  evidence: Evidence.CARD_HOLDER_FIELD,
  fieldValue: nameFieldValue,
  rewrite: (match, marker, text, start) => {
    const name = fieldNameBefore(text, start);
    const words = nameWords(name);
    const glued = gluedToName(name);
    const party = !namesPersonField(words, glued) && namesPersonParty(words);
    if (!party && !namesWhosePersonField(words, glued)) return undefined;
    // The value is judged as the key rule judges its attribute (`customer: Ana Souza` a role's, `first_name=Maria` a part's).
    const field = party ? "party" : personNameFieldOf(words);
    return rewrittenNameWords(match, marker, (value) => holdsPersonName(value, field));
  },
};
