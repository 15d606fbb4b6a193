import { lazy } from "../../../../shared/lazy";
import { type HolderOf, holderKeyLastWords, holderOf, holderWords, holdsCardHolderName } from "../card-holder-names";
import { Evidence } from "../evidence";
import { countWork } from "../scan-scope";
import { readsAsPersonName } from "../person-names";
import { nameWords } from "../secret-names";
import { CARD_HOLDER_KIND } from "./card-holder-field";
import { caseless, type Detector } from "./detector";
import { CAPITALIZED_NAME_WORD } from "./name-field";
import { PERSON_NAME_KIND } from "./person-name-field";

/**
 * A holder's name after a label in prose, as a receipt, a support note or a payment error
 * prints it: `Card holder: John Smith`, `Cardholder name - Maria Silva`, `Titular do cartão: João
 * da Silva`, `nombre del titular: Juan Pérez`, `NAME ON CARD: JOHN P SMITH`. The label is words
 * on the line before a `:` or a ` - `, which some words ending there name a holder as a key
 * would (`holderOf`: `Account holder:`, `Kontoinhaberin:`, `Policyholder -`; a card's holder is
 * `card_holder`, any other holder's name `person_name`, each kind its own detector, with the articles and prepositions of a phrase left out: `do`,
 * `del`, `of the`); the name is two to six words, each capitalized or a particle of a name
 * (`da`, `de`, `del`, `van`; `CAPITALIZED_NAME_WORD`: `JOAO`, `P.`, and `S.A.` whole, never cut at its
 * period), ending before a word that starts a field's name or label (`John
 * Smith Amount: 10` keeps `Amount: 10`). What stays: a label whose last words describe the holder rather than
 * name them (`card holder verification: passed`), a value of one word (`Card holder: present`,
 * `Card holder: Verified`), words in lower case that are not the whole value after a separator
 * (`LOWER_NAME_WORD`), a status (`Card holder: Not Present`), a marker
 * (`Card holder: [REDACTED]`), a brand or a company (`holdsCardHolderName`). After a holder's word
 * and only a blank (`Policyholder Jan Kowalski`, `the account holder John Smith called`) only what
 * reads as a person's name goes (`readsAsPersonName`: `Cardholder Data Environment` stays). The field forms
 * (`card_holder=…`, `"holderName":"…"`) are `card-holder-field.ts`.
 */
const LAST_WORD = holderKeyLastWords().map(caseless).join("|");
/** A holder's word, the last of a label a name follows with only a blank (`Policyholder Jan Kowalski`, `account holder John Smith called`). */
const HOLDER_WORD = holderWords().map(caseless).join("|");
/** A lower-case particle between the words of a name (`João da Silva`, `Ludwig van Beethoven`). */
const PARTICLE = "(?:da|das|de|del|della|di|do|dos|du|la|le|van|von|der|den|e|y)";
/**
 * A further word of the name: not the start of a field's name or label following it (`Amount:`,
 * `id=`, `Amount due:`, `Card holder:`, `Nome do titular:`: up to two lower-case words, then `:`
 * or `=`).
 */
const NEXT_NAME_WORD = `[ \\t]+(?:${PARTICLE}[ \\t]+)?${CAPITALIZED_NAME_WORD}(?![\\w.-]*(?:[ \\t]+[a-z\\u00DF-\\u00FF][\\w.\\u00DF-\\u00FF-]*){0,2}[ \\t]*[=:])`;

/**
 * A label's separator after a holder's word: `:` (not `::`, `:/`, `:=`, told before the holder's
 * words are read back, as a URL's `https://` is spared that read) or a dash after a blank.
 */
const SEPARATOR = `(?::(?![:/=])(?<=(?:${LAST_WORD})[ \\t]*:)|[-\\u2013](?<=(?:${LAST_WORD})[ \\t]+[-\\u2013]))`;
/**
 * A word of a name written in lower case (`max mustermann`, as a form's user typed it): after a
 * label's separator only, and only as the whole value, up to the line's end, a delimiter or the
 * next field (`Karteninhaber: max mustermann`), so that a label's prose goes on unread.
 */
const LOWER_NAME_WORD = `[a-z\\u00DF-\\u00F6\\u00F8-\\u00FF][a-z\\u00DF-\\u00F6\\u00F8-\\u00FF'\\u2019-]*`;

/** A holder's name after a label naming what `of` says is held, replaced as `kind`. */
function holderPhraseDetector(kind: string, of: HolderOf): Detector {
  return {
    kind,
    source:
      `${SEPARATOR}[ \\t]+${CAPITALIZED_NAME_WORD}(?:${NEXT_NAME_WORD}){1,5}` +
      `|${SEPARATOR}[ \\t]+${LOWER_NAME_WORD}(?:[ \\t]+${LOWER_NAME_WORD}){1,5}(?=[ \\t]*(?:[\\r\\n,;|]|$)|[ \\t]+[\\w.-]+[=:])` +
      `|[ \\t](?<=(?:${HOLDER_WORD})[ \\t])[ \\t]*${CAPITALIZED_NAME_WORD}(?:${NEXT_NAME_WORD}){1,5}`,
    evidence: Evidence.CARD_HOLDER_FIELD,
    rewrite: (match, marker, text, start) => {
      if (labelHolderOf(text, start) !== of) return undefined;
      const valueStart = match.search(/[^:\-\u2013 \t]/);
      const name = match.slice(valueStart);
      if (!holdsCardHolderName(name) || name.split(/[ \t]+/).some((word) => STATUS_WORDS.has(word.toLowerCase()))) return undefined;
      // With no separator the label may go on in capitalised words (`Cardholder Data Environment`): only a person's name reads as one.
      if (valueStart > 0 && match.charCodeAt(0) !== 58 /* : */ && match.charCodeAt(0) !== 45 /* - */ && match.charCodeAt(0) !== 0x2013 && !readsAsPersonName(name)) return undefined;
      return `${match.slice(0, valueStart)}${marker}`;
    },
  };
}

export const cardHolderPhraseDetector = holderPhraseDetector(CARD_HOLDER_KIND, "card");
/** Another holder's name after its label (`Account holder: Jan Kowalski`, `Depotinhaber: Klaus Meyer`): a person's name. */
export const heldHolderPhraseDetector = holderPhraseDetector(PERSON_NAME_KIND, "held");

/** Words of a phrase left out of a label before its words are judged as a key's. */
const PHRASE_WORDS: ReadonlySet<string> = new Set(["do", "da", "dos", "das", "de", "del", "du", "la", "el", "the", "of", "a", "o", "s"]);
/** Words after a label that say what was checked, not whose name it is (lower case): `Card holder: Not Present`. */
const STATUS_WORDS: ReadonlySet<string> = new Set([
  "not", "no", "present", "absent", "verified", "unverified", "matched", "mismatch", "confirmed", "pending", "failed", "passed",
  "unknown", "missing", "required", "none", "ok",
  // The same in the senders' other languages, as a lower-case value after a label says them (`Karteninhaber: nicht vorhanden`).
  "nicht", "kein", "keine", "vorhanden", "fehlt", "fehlend", "geprüft", "bestätigt", "ungültig", "unbekannt",
  "non", "présent", "absent", "vérifié", "inconnu", "não", "nao", "presente", "ausente", "verificado", "confirmado", "desconhecido",
  "desconocido", "pendente", "pendiente", "nie", "brak", "obecny", "nieobecny",
]);
/** Words of a label read back from its separator, at most. */
const LABEL_WORDS = 6;
/** How far back a label is read. */
const LABEL_REACH = 64;

/**
 * What the words on the line before the separator at `end` say is held, when they end as a
 * holder's label: the last one to LABEL_WORDS of them, phrase words left out, the fewest that
 * `holderOf` reads as a holder's (`card holder`, `cardholder name`, `titular do cartão` as
 * `titular cartão`, `nombre del titular`, `Account holder`); not `card holder verification`.
 */
function labelHolderOf(text: string, end: number): HolderOf {
  let from = end;
  const limit = Math.max(0, end - LABEL_REACH);
  while (from > limit && LABEL_CHARACTER().test(text[from - 1]!)) from--;
  countWork(end - from);
  const words = nameWords(text.slice(from, end)).filter((word) => !PHRASE_WORDS.has(word));
  for (let count = 1; count <= Math.min(LABEL_WORDS, words.length); count++) {
    const held = holderOf(words.slice(words.length - count));
    if (held !== undefined) return held;
  }
  return undefined;
}
/** A character of a label's words and the blanks between them (`Titular do cartão`, `cardholder's`). */
const LABEL_CHARACTER = lazy(() => new RegExp(String.raw`[\p{L}\p{N} \t'\u2019_-]`, "u"));
