import { cardHolderNameLastWords, holdsCardHolderName, namesCardHolder } from "../card-holder-names";
import { Evidence } from "../evidence";
import { nameBefore, nameWords } from "../secret-names";
import { caseless, type Detector } from "./detector";
import { ESCAPED_QUOTED, quoteOpening } from "./escaped-quotes";

/**
 * A card holder's name as a quoted field of JSON or a similar notation written into free text
 * (`payment failed: {"holderName":"JOAO P SILVA"}`, `"nome_titular":"João"`, escaped quotes of
 * JSON text held in a string too): the keys the card holder key rule reads (`namesCardHolder`,
 * one list for both), judged from the name before the colon as the secret fields' detector
 * judges `"password":"…"` (`secret-parameter.ts`). The name and quotes stay; a value that is no
 * name (`"true"`, `"n/a"`, `"Visa"`, `"required"`: `holdsCardHolderName`) or already a marker
 * stays. Unquoted values are not read: where a name without quotes ends is not written.
 */
const QUOTED = String.raw`"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|${ESCAPED_QUOTED}`;
const LAST_WORD = cardHolderNameLastWords().map(caseless).join("|");
/** The colon after a name whose last word a holder's key can end with; the match starts at it. */
const AFTER_HOLDER_NAME = `:(?!=)(?<=(?:${LAST_WORD})(?:\\\\{0,7}["'])?[ \\t]*:)`;

/** The kind of a card holder's name, found by its key (`key-rules.ts`) or in text. */
export const CARD_HOLDER_KIND = "card_holder";

export const cardHolderFieldDetector: Detector = {
  kind: CARD_HOLDER_KIND,
  source: `${AFTER_HOLDER_NAME}[ \\t]*(?:${QUOTED})`,
  evidence: Evidence.CARD_HOLDER_FIELD,
  rewrite: (match, marker, text, start) => {
    if (!namesCardHolder(nameWords(nameBefore(text, start)))) return undefined;
    const valueStart = match.search(/[^: \t]/);
    const value = match.slice(valueStart);
    const quote = quoteOpening(value);
    const inner = value.slice(quote.length, value.length - quote.length);
    if (inner.startsWith("[REDACTED:") || !holdsCardHolderName(inner)) return undefined;
    return `${match.slice(0, valueStart)}${quote}${marker}${quote}`;
  },
};
