import { type HolderOf, holderContextBefore, holderKeyLastWords, holderOf, holdsCardHolderName, namesPersonName } from "../card-holder-names";
import { Evidence } from "../evidence";
import { nameWords } from "../secret-names";
import { caseless, type Detector } from "./detector";
import { longWordSearch } from "./long-word-search";
import { fieldNameBefore, nameFieldSource, nameFieldValue, rewrittenNameField, unquotedAnyCase } from "./name-field";
import { PARTICLED_NAME, PERSON_NAME_KIND } from "./person-name-field";
import { yieldsToLine } from "./street-address";

/**
 * A holder's name as a field written into free text (`name-field.ts`: `payment failed:
 * {"holderName":"JOAO P SILVA"}`, `"nome_titular":"João"`, `card_holder="John Smith"`,
 * `policyholder=Jan+Kowalski`). The keys are the ones the holder key rules read (`holderOf`, one
 * list for both), a card's holder's (`card_holder`) by one detector, any other holder's (`person_name`) by
 * another, so that a policy turning either kind off keeps that kind's names; judged from the name before the `:` or `=` as the
 * secret fields' detector judges `"password":"…"` (`secret-parameter.ts`); a part of a person's
 * name (`first_name`, `last_name`) is a holder's when the words before it on its line say so
 * (`holderContextBefore`: `card holder first_name=Maria`,
 * `{"card":{"holder":{"first_name":"Maria"}}}`). An unquoted value is the whole name in any case
 * (`card_holder=john smith`: `unquotedAnyCase`), up to the next field; an XML element's text
 * too (`<CardHolder>John Smith</CardHolder>`). The name and quotes stay; a value that is no
 * name (`"true"`, `"n/a"`, `"Visa"`, `"required"`: `holdsCardHolderName`) or already a marker
 * stays.
 */

/** The kind of a card holder's name, found by its key (`key-rules.ts`) or in text. */
export const CARD_HOLDER_KIND = "card_holder";

/** A holder's name field of what `of` says is held, replaced as `kind`. */
function holderFieldDetector(kind: string, of: HolderOf): Detector {
  const source = `${nameFieldSource(holderKeyLastWords(), `${PARTICLED_NAME}|${unquotedAnyCase(holderKeyLastWords())}`)}|${XML_ELEMENT}`;
  return {
    kind,
    source,
    // A field starts at its `:` or `=`, an element at its `<`; a long word's `=`s are tried without a word's value (`holder=` repeated).
    search: longWordSearch(source, "[:=<]"),
    evidence: Evidence.CARD_HOLDER_FIELD,
    fieldValue: (match) => (match.startsWith("<") ? elementText(match) : nameFieldValue(match)),
    rewrite: (match, marker, text, start) => {
      if (match.startsWith("<")) {
        const [offset, length] = elementText(match);
        const tag = match.slice(1, match.search(/[ \t>]/));
        const value = match.slice(offset, offset + length);
        if (holderOf(nameWords(tag.slice(tag.indexOf(":") + 1))) !== of || value.startsWith("[REDACTED:") || !holdsCardHolderName(value)) return undefined;
        return `${match.slice(0, offset)}${marker}${match.slice(offset + length)}`;
      }
      const name = fieldNameBefore(text, start);
      const words = nameWords(name);
      const held = holderOf(words) ?? (namesPersonName(words) ? holderContextBefore(text, text.lastIndexOf(name, start)) : undefined);
      // A street line under the holder's key is the street detector's, to its city and postal code (`yieldsToLine`).
      if (held !== of || yieldsToLine(match, text, start)) return undefined;
      return rewrittenNameField(match, marker, text, start, holdsCardHolderName);
    },
  };
}

/**
 * An XML element whose name ends in a holder key's last word (`<CardHolder>John Smith</CardHolder>`,
 * `<ns:AccountHolder>`), closed by the same name, holding text only (at most 256 characters).
 */
const XML_ELEMENT =
  `<(?<tag>(?:[A-Za-z_][\\w.-]*:)?(?:[A-Za-z_][\\w.-]*?)?(?:${holderKeyLastWords().map(caseless).join("|")}))(?:[ \\t][^<>]*)?>` +
  `[^<>]{1,256}</\\k<tag>>`;

/** Where an element's text is in its `match` (`XML_ELEMENT`), as [offset, length]. */
function elementText(match: string): readonly [number, number] {
  const offset = match.indexOf(">") + 1;
  return [offset, match.lastIndexOf("<") - offset];
}

export const cardHolderFieldDetector = holderFieldDetector(CARD_HOLDER_KIND, "card");
/** Another holder's name as a field (`account_holder=…`, `policyholder=…`, `"holderName":"…"`): a person's name. */
export const heldHolderFieldDetector = holderFieldDetector(PERSON_NAME_KIND, "held");
