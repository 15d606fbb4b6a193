import { type HolderOf, holderContextBefore, holderKeyLastWords, holderOf, holdsCardHolderName, namesPersonName } from "../card-holder-names";
import { Evidence } from "../evidence";
import { nameBefore, nameWords } from "../secret-names";
import type { Detector } from "./detector";
import { UNQUOTED_ANY_CASE, nameFieldSource, nameFieldValue, rewrittenNameField } from "./name-field";
import { PERSON_NAME_KIND } from "./person-name-field";

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
 * (`card_holder=john smith`: `UNQUOTED_ANY_CASE`), up to the next field. The name and quotes stay; a value that is no
 * name (`"true"`, `"n/a"`, `"Visa"`, `"required"`: `holdsCardHolderName`) or already a marker
 * stays.
 */

/** The kind of a card holder's name, found by its key (`key-rules.ts`) or in text. */
export const CARD_HOLDER_KIND = "card_holder";

/** A holder's name field of what `of` says is held, replaced as `kind`. */
function holderFieldDetector(kind: string, of: HolderOf): Detector {
  return {
    kind,
    source: nameFieldSource(holderKeyLastWords(), UNQUOTED_ANY_CASE),
    evidence: Evidence.CARD_HOLDER_FIELD,
    fieldValue: nameFieldValue,
    rewrite: (match, marker, text, start) => {
      const name = nameBefore(text, start);
      const words = nameWords(name);
      const held = holderOf(words) ?? (namesPersonName(words) ? holderContextBefore(text, text.lastIndexOf(name, start)) : undefined);
      if (held !== of) return undefined;
      return rewrittenNameField(match, marker, holdsCardHolderName);
    },
  };
}

export const cardHolderFieldDetector = holderFieldDetector(CARD_HOLDER_KIND, "card");
/** Another holder's name as a field (`account_holder=…`, `policyholder=…`, `"holderName":"…"`): a person's name. */
export const heldHolderFieldDetector = holderFieldDetector(PERSON_NAME_KIND, "held");
