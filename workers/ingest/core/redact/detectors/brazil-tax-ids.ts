import { Evidence } from "../evidence";
import { Place, type Detector } from "./detector";
import { isThingIdPlace, isThingIdentifierValue } from "./id-value";
import { COMMA_GLUED_AFTER, COMMA_GLUED_BEFORE } from "./list-items";
import { followsNamedNumber, namesThingItems } from "./comma-glued-values";

/**
 * Brazilian taxpayer numbers, which storefront checkouts collect: CPF (people, 11 digits) and
 * CNPJ (companies, 14). Both end in two check digits, so only checksum-valid numbers are
 * redacted (one in a hundred random numbers passes), and runs of one repeated digit, which pass
 * the checksum but are never issued, are left alone.
 *
 * A bare number that is the value of a thing's id (an attribute under an id key, `order_id=…` or
 * `"trace.parent_id":"…"` in text, `nsu`, `tid`, `NSU 52998224725`, `nosso número …`) is that
 * id: one 11- or 14-digit id in a hundred passes the check digits. A person's id (`user.id`,
 * `cliente_id`, `customerId=`) is not: Brazilian shops key customers by their CPF, and a
 * checksum-valid number there is taken for it, as an SSN printed as one is under such a key. The punctuated spellings (`529.982.247-25`, `11.222.333/0001-81`) are how the
 * documents are printed, which no generated id is, so they go wherever they are, a URL path's
 * segment too; so does a CPF
 * typed in groups of spaces (`123 456 789 09`).
 */

/**
 * Digits glued to a word, a path or a decimal's or thousands' separator are part of something
 * else (`1.234.567.890,12`, `-23,52998224725`, `52998224725,50`); a `,` after four digits or
 * more separates a list's items (`[52998224725,10023456779]`), after a word or a quote a CSV
 * row's fields (`Ana,52998224725,SP`): `list-items.ts`.
 */
const NOT_GLUED_BEFORE = `(?<![\\w./-]|${COMMA_GLUED_BEFORE})`;
const NOT_GLUED_AFTER = `(?![\\w/-]|\\.\\d|${COMMA_GLUED_AFTER})`;
/**
 * The fully punctuated spellings may also stand between `/`s: a URL path names the document
 * (`/clientes/529.982.247-25/pedidos`, `/empresas/11.222.333/0001-81/notas`). Bare digits
 * between `/`s stay a path's id. No number is written with their dots and dash, so a `,` never
 * glues them: a CSV row's or an SQL tuple's field is one, whatever field is beside it
 * (`Ana,529.982.247-25,SP`, `42,529.982.247-25,12`), unless the number before the `,` begins the
 * value of a thing's id's, a measure's or a phone's name (`order_ids=42,529.982.247-25`:
 * `followsNamedNumber`), which says what the value's numbers are.
 */
const PRINTED_BEFORE = "(?<![\\w.-])";
const PRINTED_AFTER = "(?![\\w-]|\\.\\d)";

export const cpfDetector: Detector = {
  kind: "cpf",
  // Printed with dots and a dash, or with spaces as people type it (`123 456 789 09`, not inside a longer spaced run).
  source:
    `${PRINTED_BEFORE}\\d{3}\\.\\d{3}\\.\\d{3}-\\d{2}${PRINTED_AFTER}` +
    `|${NOT_GLUED_BEFORE}(?:\\d{3}\\.?\\d{3}\\.?\\d{3}-?\\d{2}${NOT_GLUED_AFTER}` +
    `|(?<!\\d )\\d{3} \\d{3} \\d{3}[ -]\\d{2}${NOT_GLUED_AFTER}(?! \\d))`,
  evidence: Evidence.CPF_DIGITS,
  rewrite: (match, marker, text, start, place) =>
    isValidCpf(match.replace(/\D/g, "")) && !isBareId(match, text, start, place) && !followsNamedNumber(text, start, namesThingItems) ? marker : undefined,
};

/**
 * CNPJ, including the alphanumeric form issued from July 2026 (letters in the first twelve
 * positions). Letters are accepted only in the punctuated spelling: unpunctuated, fourteen
 * upper-case letters and digits are far more often a SKU or a token than a CNPJ.
 */
export const cnpjDetector: Detector = {
  kind: "cnpj",
  source:
    `${PRINTED_BEFORE}[0-9A-Z]{2}\\.[0-9A-Z]{3}\\.[0-9A-Z]{3}/[0-9A-Z]{4}-\\d{2}${PRINTED_AFTER}` +
    `|${NOT_GLUED_BEFORE}\\d{2}\\.?\\d{3}\\.?\\d{3}/?\\d{4}-?\\d{2}${NOT_GLUED_AFTER}`,
  // The numeric form has 14 digits; an alphanumeric one always has its `/`, branch and check digits.
  evidence: Evidence.CNPJ,
  rewrite: (match, marker, text, start, place) =>
    isValidCnpj(match.replace(/[./-]/g, "")) && !isBareId(match, text, start, place) && !followsNamedNumber(text, start, namesThingItems) ? marker : undefined,
};

/**
 * Digits alone, as the whole value of a thing's identifier (`Place.THING_ID` from an attribute's key)
 * or named as one in text (`order_id=…`, `"pedido": "…"`, an SQL column `numero_pedido`, `order
 * 52998224725`, `NSU …`: `isThingIdentifierValue`): the id, not a tax number. Under a person's
 * id or document (`user.id`, `user_id=`, `cliente_cpf`) or under no name at all they are the
 * person's number.
 */
function isBareId(match: string, text: string, start: number, place: number): boolean {
  return BARE_DIGITS.test(match) && (isThingIdPlace(place, text, start, match.length) || isThingIdentifierValue(text, start));
}
const BARE_DIGITS = /^\d+$/;

/** Whether `digits` (11, no punctuation) is a CPF: its two mod-11 check digits hold (Receita Federal), not one digit repeated. */
export function isValidCpf(digits: string): boolean {
  if (digits.length !== 11 || /^(\d)\1+$/.test(digits)) return false;
  return (
    checkDigit(digits.slice(0, 9), [10, 9, 8, 7, 6, 5, 4, 3, 2]) === digits.charCodeAt(9) - 48 &&
    checkDigit(digits.slice(0, 10), [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]) === digits.charCodeAt(10) - 48
  );
}

const CNPJ_FIRST_WEIGHTS = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const CNPJ_SECOND_WEIGHTS = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

/** `characters` is the CNPJ without punctuation: twelve [0-9A-Z] then two check digits. */
export function isValidCnpj(characters: string): boolean {
  if (characters.length !== 14 || /^(.)\1+$/.test(characters)) return false;
  return (
    checkDigit(characters.slice(0, 12), CNPJ_FIRST_WEIGHTS) === characters.charCodeAt(12) - 48 &&
    checkDigit(characters.slice(0, 13), CNPJ_SECOND_WEIGHTS) === characters.charCodeAt(13) - 48
  );
}

/**
 * The mod-11 check digit both numbers use. A character's value is its code minus 48, which is
 * the digit for digits and, for CNPJ letters, the value the Receita Federal specifies (A = 17).
 */
function checkDigit(characters: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < characters.length; i++) {
    sum += (characters.charCodeAt(i) - 48) * (weights[i] ?? 0);
  }
  const remainder = sum % 11;
  return remainder < 2 ? 0 : 11 - remainder;
}
