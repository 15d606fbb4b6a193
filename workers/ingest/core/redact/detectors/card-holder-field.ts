import { cardHolderNameLastWords, holderContextBefore, holdsCardHolderName, namesCardHolder, namesPersonName } from "../card-holder-names";
import { Evidence } from "../evidence";
import { nameBefore, nameWords } from "../secret-names";
import type { Detector } from "./detector";
import { nameFieldSource, nameFieldValue, rewrittenNameField } from "./name-field";

/**
 * A card holder's name as a field written into free text (`name-field.ts`: `payment failed:
 * {"holderName":"JOAO P SILVA"}`, `"nome_titular":"João"`, `card_holder="John Smith"`,
 * `holder_name=John+Smith`). The keys are the ones the card holder key rule reads
 * (`namesCardHolder`, one list for both), judged from the name before the `:` or `=` as the
 * secret fields' detector judges `"password":"…"` (`secret-parameter.ts`); a part of a person's
 * name (`first_name`, `last_name`) is a holder's when the words before it on its line say so
 * (`holderContextBefore`: `card holder first_name=Maria`,
 * `{"card":{"holder":{"first_name":"Maria"}}}`). The name and quotes stay; a value that is no
 * name (`"true"`, `"n/a"`, `"Visa"`, `"required"`: `holdsCardHolderName`) or already a marker
 * stays.
 */

/** The kind of a card holder's name, found by its key (`key-rules.ts`) or in text. */
export const CARD_HOLDER_KIND = "card_holder";

export const cardHolderFieldDetector: Detector = {
  kind: CARD_HOLDER_KIND,
  source: nameFieldSource(cardHolderNameLastWords()),
  evidence: Evidence.CARD_HOLDER_FIELD,
  fieldValue: nameFieldValue,
  rewrite: (match, marker, text, start) => {
    const name = nameBefore(text, start);
    const words = nameWords(name);
    if (!namesCardHolder(words) && !(namesPersonName(words) && holderContextBefore(text, text.lastIndexOf(name, start)))) return undefined;
    return rewrittenNameField(match, marker, holdsCardHolderName);
  },
};
