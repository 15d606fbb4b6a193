import { lazy } from "../../../../shared/lazy";
import { Evidence } from "../evidence";
import { ADDRESS_KINDS, PARTY_WORDS } from "../postal-code-names";
import type { Detector } from "./detector";
import { AMOUNT_AFTER, AMOUNT_REACH } from "./thing-words";
import { POSTAL_CODE_KIND, VALUE_END } from "./postal-code-parameter";

/**
 * Postal codes written in prose after their word, without the `:` or `=` of a field or a
 * parameter (`postal-code-parameter.ts` reads those), as addresses are printed in order and
 * shipping lines (`Endereço: Rua Augusta, 1500 - CEP 01304-001 - São Paulo`, `Jadlog CEP
 * destino 04538133`, `Rua Augusta 1500, CA zip 94105`):
 *
 * - `CEP` (any case, a word of its own) and a CEP's shape (`01304-001`, `04538133`,
 *   `01.304-001`), perhaps with a word between saying whose or which address it is, perhaps
 *   after `de`/`do`/`da` and before a `:` (`CEP destino`, `CEP de entrega:`, `CEP do cliente`:
 *   the words `postal-code-names.ts` reads after `cep` in a name). `CEP` names nothing else, and
 *   eight digits are no count;
 * - `ZIP`, `ZIP code`, `postal code`, `postcode`, `código postal` and a code with four digits in
 *   a row (`PROSE_VALUE`), perhaps after a `:` when the name has two words: a US ZIP, ZIP+4 or a
 *   CEP with its hyphen (`NAMED_CODE`: `zip 94103`, `postal code 01310-100`) after the word
 *   alone, the other shapes (`1234 AB`, `123-4567`, six digits) only after an address in the text
 *   before them (`ADDRESS_CONTEXT`: `Rua`, `Avenida`, `Street`, `endereço`, `shipping`, a US
 *   state's two capitals before `zip`); `zip 12345 files` is a count (docs/decisions.md).
 *
 * Never a bound of a range (`CEP 01000-000 a 09999-999`, `faixa de CEP 01000000 - 09999999`,
 * `zip 10001 to 10099`: a shipping table's, no one's address), nor a word after `CEP` that is
 * no party's or address's (`CEP inicial 01000000`). Only the code is replaced; the words stay.
 * The name of the kind is `postal_code`, so the policy leaves this detector out with the
 * parameter form at `geoPrecision` `full`.
 */
const CEP_VALUE = "(?:\\d{5}-?\\d{3}|\\d\\d\\.\\d{3}-?\\d{3})";
/**
 * The shapes the parameter form reads (`POSTAL_CODE_VALUE`) that hold four digits in a row: US
 * ZIP and ZIP+4, a CEP, the 4- and 6-digit codes, `1234-567`, `1234 AB`, `123-4567`. The UK's,
 * Canada's and Poland's codes are left to fields and parameters: in prose their few digits
 * cannot be told from a text's other numbers without reading every word.
 */
const PROSE_VALUE = "(?:\\d{5}(?:-\\d{4}|-?\\d{3})?|\\d\\d\\.\\d{3}-?\\d{3}|\\d{4}(?:-\\d{3}|[ ]?[A-Z]{2}(?![A-Za-z]))?|\\d{6}|\\d{3}-\\d{4})";
const WORD_START = "(?<![\\w.-])";
const WORD_END = "(?![\\w\\u00C0-\\u00FF])";
/** `CEP`, then perhaps a word that the rewrite checks (group 1), then blanks and the code. */
const CEP_PHRASE =
  `${WORD_START}(?:CEP|[Cc]ep)${WORD_END}(?:[ \\t]+(?:[Dd][eoa][ \\t]+)?([A-Za-z\\u00C0-\\u00FF]+)(?:[ \\t]*:)?)?[ \\t]+${CEP_VALUE}`;
/**
 * A UK postcode in capitals, its outward and inward codes (`SW1A 1AA`, `M1 1AE`, `EC1A 1BB`):
 * read only after the UK's words (`postcode`, `post code`, `postal code`: `UK_WORD`), where its two
 * or three digits are no other number's.
 */
const UK_POSTCODE = "[A-Z]{1,2}\\d[A-Z\\d]?[ ]?\\d[A-Z]{2}(?![A-Za-z\\d])";
/**
 * The other postal code words in the languages of the field: English `ZIP`, `ZIP code`, `postal
 * code`, `postcode`, `post code`; Portuguese and Spanish `código postal`, French `code postal`,
 * German `Postleitzahl` and `PLZ`, Spanish and French `CP` (capitals only: `cp` is the copy
 * command); in these spellings (`Zip`, `ZIP`, `zip`, …). A second word (`code`, `postal`) lets a
 * `:` follow. A UK postcode only after the UK's words.
 */
const OTHER_PHRASE =
  `${WORD_START}(?:ZIP|[Zz]ip|(?:POSTAL|[Pp]ostal|POST|[Pp]ost)(?=[ \\t]?[Cc]ode|[ \\t]?CODE)` +
  `|C[ÓO]DIGO POSTAL|[Cc][óo]digo postal|CODE POSTAL|[Cc]ode postal|POSTLEITZAHL|[Pp]ostleitzahl|PLZ|[Pp]lz|C\\.?P\\.?)` +
  `(?:[ \\t]?(?:CODE|[Cc]ode))?${WORD_END}(?:[ \\t]*:)?[ \\t]+(?:${PROSE_VALUE}|${UK_POSTCODE})`;

/**
 * What makes the text before a postal code's word an address: a street, an address's word (in
 * English, Portuguese, Spanish, French and German; German's as the last part of a compound:
 * `Hauptstraße`, `Lieferadresse`); or a US state before it (`STATE_BEFORE`).
 */
const ADDRESS_CONTEXT = lazy(() => new RegExp(String.raw`(?<![\p{L}])(?:endere[çc]o|address|rua|avenida|av\.|alameda|travessa|rodovia|estrada|logradouro|bairro|cidade|street|avenue|ave\.|road|blvd|boulevard|suite|apt|city|shipping|ship to|billing|entrega|destinat[áa]rio|delivery|mailing|calle|plaza|paseo|direcci[óo]n|domicilio|env[íi]o|rue|adresse|livraison|facturation|anschrift|str\.|\p{L}*(?:stra(?:ß|ss)e|adresse|weg|platz|gasse))(?![\p{L}])`, "iu"));
/** A US state's two capitals right before the code's word (`Springfield, IL ZIP 62701`), in capitals only: `we`, `to` are words. */
const STATE_BEFORE = /(?:^|,[ \t]*)[A-Z]{2}[ \t]*$/;
/**
 * The codes that are postal codes after their word alone, with no address before them: a US ZIP
 * or ZIP+4 (`zip 94103`, `ZIP 94105-1234`) and a CEP with its hyphen (`postal code 01310-100`).
 * Nothing else after `zip` or `postal code` has these shapes; a count or a range is ruled out
 * apart (`AMOUNT_AFTER`, `RANGE_AFTER`).
 */
const NAMED_CODE = /^\d{5}(?:-\d{4}|-\d{3})?$|^\d\d\.\d{3}-\d{3}$/;
/** The UK's and the Netherlands' words for a postal code (`postcode`, `post code`, `postal code`), at a match's start. */
const UK_WORD = /^post(?:al)?[ \t]?code/i;
/**
 * The codes that are postal codes after the UK's and the Netherlands' words alone: a UK postcode
 * (`SW1A 1AA`, which nothing else after those words reads) and a Dutch code's four digits and two
 * capitals (`1012 LM`). After any other word they stay (a UK code) or need an address (a Dutch one).
 */
const POSTCODE_NAMED_CODE = new RegExp(`^(?:${UK_POSTCODE}|\\d{4} ?[A-Z]{2})$`);
/**
 * `post code` in lower case, two words, then digits with no `:` between, after a subject, a
 * modal or a request (`we post code 12345 reviews daily`, `please post code 404`): the verb and
 * its object, so digits there are a postal code only after an address (`ADDRESS_CONTEXT`). Alone
 * (`post code 12345`), as a named field (`post code: 12345`) or before a UK postcode's letters
 * (`post code SW1A 1AA`) it stays the noun.
 */
const VERB_POST_CODE = /^post[ \t]+code[ \t]+\d/;
const VERB_SUBJECT_BEFORE = lazy(() => new RegExp(String.raw`(?<![\p{L}])(?:we|i|you|they|please|pls|plz|to|will|would|can|could|should|must|and|then|also)[ \t]+$`, "iu"));
/** Portugal's `código postal` and its code's shape (`1000-001`), a postal code after the word alone. */
const PORTUGUESE_WORD = /^c[óo]digo postal/i;
const PORTUGUESE_CODE = /^\d{4}-\d{3}$/;
/** `CP` (código postal, code postal): a checkpoint's, a copy's or a product's as often, so a postal code only after an address. */
const CP_WORD = /^C\.?P\b/;
/** How far before its word an address is read. */
const ADDRESS_REACH = 160;
/** A range's second bound after a code (`a 09999-999`, `- 09999999`, `to 10099`, `até`). */
const RANGE_AFTER = /^[ \t]*(?:-|–|a|at[ée]|to|through|thru)[ \t]*\d/i;
/** The code at the end of a match: after the last blank or `:` (`1234 AB`, `SW1A 1AA` keep their blank). */
const VALUE_AT_END = new RegExp(`(?:\\d[^ \\t:]*(?:[ ][A-Z]{2})?|${UK_POSTCODE})$`);

export const postalCodePhraseDetector: Detector = {
  kind: POSTAL_CODE_KIND,
  source: `(?:${CEP_PHRASE}|${OTHER_PHRASE})${VALUE_END}`,
  evidence: Evidence.POSTAL_CODE_PHRASE,
  rewrite: (match, marker, text, start) => {
    if (RANGE_AFTER.test(text.slice(start + match.length, start + match.length + 16))) return undefined;
    if (isAmountOrMemory(text, start, start + match.length)) return undefined;
    const cep = /^cep/i.test(match);
    if (cep) {
      const word = /^cep[ \t]+(?:d[eoa][ \t]+)?([^\s\d:]+)/i.exec(match)?.[1];
      if (word !== undefined && !namesParty(word)) return undefined;
    }
    const value = valueOf(match, cep);
    if (cep) return match.slice(0, match.length - value.length) + marker;
    const uk = UK_WORD.test(match);
    // A UK postcode after any other word (`zip SW1A 1AA`) is no such word's.
    if (!uk && /^[A-Z]/.test(value)) return undefined;
    const verb = VERB_POST_CODE.test(match) && VERB_SUBJECT_BEFORE().test(text.slice(Math.max(0, start - 16), start));
    const named =
      !CP_WORD.test(match) && !verb && (NAMED_CODE.test(value) || (uk && POSTCODE_NAMED_CODE.test(value)) || (PORTUGUESE_WORD.test(match) && PORTUGUESE_CODE.test(value)));
    const before = text.slice(Math.max(0, start - ADDRESS_REACH), start);
    if (!named && !ADDRESS_CONTEXT().test(before) && !STATE_BEFORE.test(before)) return undefined;
    return match.slice(0, match.length - value.length) + marker;
  },
};

/**
 * A hexadecimal number just before the code's word (`address space 0x7ffe94105000 ZIP 94105`):
 * the text speaks of memory addresses, not postal ones. Only the `HEX_REACH` characters
 * before: a hex id further back is another field's.
 */
const HEX_BEFORE = /0x[0-9a-f]{4,}/i;
const HEX_REACH = 40;

/**
 * Whether the code between `start` and `end` is no postal code by what surrounds it: a unit or
 * a count's noun after it (`AMOUNT_AFTER`), or a memory address just before (`HEX_BEFORE`).
 */
function isAmountOrMemory(text: string, start: number, end: number): boolean {
  return AMOUNT_AFTER.test(text.slice(end, end + AMOUNT_REACH)) || HEX_BEFORE.test(text.slice(Math.max(0, start - HEX_REACH), start));
}

/** Whether a word after `CEP` names whose or which address the code is (`destino`, `entrega`, `cobrança`). */
function namesParty(word: string): boolean {
  const plain = word.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  return PARTY_WORDS.has(plain) || ADDRESS_KINDS.has(plain);
}

/** The code a match ends with: a CEP has no blank; `1234 AB` has one. */
function valueOf(match: string, cep: boolean): string {
  if (cep) return match.slice(match.search(/[\d]+[\d.-]*$/));
  return VALUE_AT_END.exec(match)![0];
}
