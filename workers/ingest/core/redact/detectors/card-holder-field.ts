import { cardHolderNameLastWords, holderContextBefore, holdsCardHolderName, namesCardHolder, namesPersonName } from "../card-holder-names";
import { Evidence } from "../evidence";
import { nameBefore, nameWords } from "../secret-names";
import { caseless, type Detector } from "./detector";
import { DOUBLE_QUOTED_OVER_LINES, ESCAPED_SINGLE_QUOTED, quoteOpening } from "./escaped-quotes";

/**
 * A card holder's name as a field written into free text: a quoted field of JSON or a similar
 * notation (`payment failed: {"holderName":"JOAO P SILVA"}`, `"nome_titular":"João"`, escaped
 * quotes of JSON text held in a string too), or a `name=value` field of a logfmt or query-string
 * line, quoted or not (`card_holder="John Smith"`, `cardholder='Ana Souza'`,
 * `holder_name=John+Smith` URL-encoded, `card_holder=JOHN SMITH amount=10`). The keys are the
 * ones the card holder key rule reads (`namesCardHolder`, one list for both), judged from the
 * name before the `:` or `=` as the secret fields' detector judges `"password":"…"`
 * (`secret-parameter.ts`); a part of a person's name (`first_name`, `last_name`) is a holder's
 * when the words before it on its line say so (`holderContextBefore`: `card holder
 * first_name=Maria`, `{"card":{"holder":{"first_name":"Maria"}}}`). The name and quotes stay; a
 * value that is no name (`"true"`, `"n/a"`, `"Visa"`, `"required"`: `holdsCardHolderName`) or
 * already a marker stays. An unquoted value after `:` is not read (`Card holder: verified`); one
 * after `=` ends at a blank or a parameter's separator, with the capitalized words after it that
 * are no key (`John Smith`, not `amount=10`): what a logfmt line leaves unquoted.
 */
const QUOTED = `${DOUBLE_QUOTED_OVER_LINES}|` + String.raw`'(?:[^'\\\n]|\\.)*'|` + ESCAPED_SINGLE_QUOTED;
/**
 * An unquoted `name=value` value: a word up to a blank or separator, and up to four capitalized
 * words after it that are no key; a sentence's final punctuation after it is not the name's.
 */
const UNQUOTED = String.raw`[^\s&;,"'\\<>()\[\]{}]*[^\s&;,"'\\<>()\[\]{}.!?:](?: [A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u00FF'-]*(?![\w.-]*[=:])){0,4}`;
const LAST_WORD = cardHolderNameLastWords().map(caseless).join("|");
/** The colon after a name whose last word a holder's key can end with; the match starts at it. */
const AFTER_HOLDER_NAME = `:(?!=)(?<=(?:${LAST_WORD})(?:\\\\{0,7}["'])?[ \\t]*:)`;
/** The same for a parameter's `=` (not `==`, `=>`). */
const EQUALS_AFTER_HOLDER_NAME = `=(?![=>])(?<=(?:${LAST_WORD})=)`;

/** The kind of a card holder's name, found by its key (`key-rules.ts`) or in text. */
export const CARD_HOLDER_KIND = "card_holder";

export const cardHolderFieldDetector: Detector = {
  kind: CARD_HOLDER_KIND,
  source: `${AFTER_HOLDER_NAME}[ \\t]*(?:${QUOTED})|${EQUALS_AFTER_HOLDER_NAME}(?:${QUOTED}|${UNQUOTED})`,
  evidence: Evidence.CARD_HOLDER_FIELD,
  rewrite: (match, marker, text, start) => {
    const name = nameBefore(text, start);
    const words = nameWords(name);
    if (!namesCardHolder(words) && !(namesPersonName(words) && holderContextBefore(text, text.lastIndexOf(name, start)))) return undefined;
    const valueStart = match.search(/[^:= \t]/);
    const value = match.slice(valueStart);
    const quote = quoteOpening(value);
    const inner = value.slice(quote.length, value.length - quote.length);
    // A form's or query string's encoding writes the blanks of a name as `+` or `%20`.
    const written = quote === "" ? inner.replace(/\+|%20/g, " ") : inner;
    if (inner.startsWith("[REDACTED:") || !holdsCardHolderName(written)) return undefined;
    return `${match.slice(0, valueStart)}${quote}${marker}${quote}`;
  },
};
