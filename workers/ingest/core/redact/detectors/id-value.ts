import { NAME_CHARACTER, nameWords } from "../secret-names";
import { caseless } from "./detector";
import {
  NUMBERED_THINGS,
  NUMBERED_THING_SET,
  NUMBER_WORD,
  NUMBER_WORD_SET,
  PAYMENT_CODES,
  PAYMENT_CODE_SET,
  PRODUCT_CODES,
  PRODUCT_CODE_SET,
} from "./thing-words";

/**
 * Whether a candidate is the value of a key naming an id, as free text writes one: `trace_id=`,
 * `dd.span_id: `, `"order.id":"`, `orderId=` just before it (a word ending in `id` as its own
 * word or camel-case hump, then `=` or `:`, optionally quoted). The same names as the id keys of
 * attribute maps (`key-rules.ts`, `ID_SEGMENT`), read backwards from `start`.
 */
export function isIdValue(text: string, start: number): boolean {
  return ID_KEY_BEFORE.test(text.slice(Math.max(0, start - 16), start));
}
const ID_KEY_BEFORE = /(?:(?<![A-Za-z0-9])[Ii][Dd]|[a-z0-9]I[Dd])["']?[ \t]*[:=][ \t]*["']?$/;


/**
 * Owners whose id may be a document of the person: a US system has long used a person's Social
 * Security number as their id (`applicant.id`, `employee_id`, `patient_id`), and a taxpayer's
 * or a citizen's id is their tax or national number (`tax_id`, `national_id`); and the
 * document itself (`ssn_id`). Brazilian shops key their customers by CPF: the Portuguese owners
 * (`cliente_id`, `usuario.id`, `comprador_id`, `titular_id`) are people too.
 */
const PERSON_OWNERS: ReadonlySet<string> = new Set([
  "ssn", "user", "enduser", "customer", "client", "applicant", "employee", "patient", "member", "person", "citizen",
  "taxpayer", "tax", "national", "government", "social", "beneficiary", "holder", "student", "subscriber",
  "insured", "borrower", "candidate", "contact", "payer", "payee", "worker", "resident", "voter", "buyer",
  "cliente", "usuario", "usuário", "comprador", "pagador", "recebedor", "titular", "pessoa", "consumidor", "contribuinte",
  "favorecido", "beneficiario", "beneficiário", "destinatario", "destinatário", "remetente", "paciente", "aluno",
  "funcionario", "funcionário", "colaborador", "associado", "assinante", "cidadao", "cidadão", "eleitor",
]);

/**
 * Whether a name's words (`nameWords`) name an identifier: an id (`order.id`, `trace_id`,
 * `orderId`: its last word is `id`), a product code (`sku`, `product.sku`, `ean`) or a thing's
 * number (`part_number`, `partNo`, `order_no`, `serial_number`, `nosso_numero`). A number of a
 * card's shape there is that identifier, not a card (a decimal trace id passes the Luhn check one
 * time in ten).
 */
export function namesIdentifier(words: readonly string[]): boolean {
  const last = words[words.length - 1] ?? "";
  return (
    last === "id" ||
    PRODUCT_CODE_SET.has(last) ||
    (NUMBER_WORD_SET.has(last) && NUMBERED_THING_SET.has(words[words.length - 2] ?? ""))
  );
}

/**
 * Whether a name's words name a card payment's code: an authorization's (`autorizacao`,
 * `codigo_autorizacao`) or a payment's anywhere in the name (`nsu`, `nsu_host`, `nsu_sitef`,
 * `tid`). A number printed like a CPF or an SSN there is that code; a card number is still a
 * card, as after those words in text: payment logs write a PAN beside them, and a stored PAN is
 * the leak PCI DSS forbids (docs/decisions.md, 2026-12-01).
 */
export function namesPaymentCode(words: readonly string[]): boolean {
  const last = words[words.length - 1] ?? "";
  return last === "autorizacao" || last === "autorização" || words.some((word) => PAYMENT_CODE_SET.has(word));
}

/**
 * Whether a name's words name the identifier of a thing rather than of a person: an identifier
 * (`namesIdentifier`) whose owner, the word before `id`, is none of `PERSON_OWNERS` (`order.id`,
 * `sku`, `part_number`, `id` alone; not `applicant.id`, `user_id`, `tax_id`). A number printed
 * like an SSN there is that identifier; under a person's id it may be the person's SSN.
 */
export function namesThingIdentifier(words: readonly string[]): boolean {
  return (namesIdentifier(words) || namesPaymentCode(words)) && !namesPersonId(words);
}

/** Whether a name's words name a person's id: `id` after one of `PERSON_OWNERS` (`user.id`, `cliente_id`, `customerId`). */
function namesPersonId(words: readonly string[]): boolean {
  return words[words.length - 1] === "id" && PERSON_OWNERS.has(words[words.length - 2] ?? "");
}

/** A name, then what writes a value after it: `=` or `:`, optionally quoted and spaced (`"order.id": "`). */
// A line break between the name and its value is a blank too (`Pedido:` + `\n` + the number):
// phones are read across one (phone.ts), and the names that keep a value must be as well.
const NAME_BEFORE_VALUE = new RegExp(`(?<!${NAME_CHARACTER})(${NAME_CHARACTER}+)["']?[ \\t]*[:=][ \\t\\r\\n]*["']?$`);
let thingWordsBefore: RegExp | undefined;
/**
 * Words that name a thing's identifier in a sentence, then what may stand between them and the
 * value: `SKU 321-54-9876`, `part no. 123-45-6789`, `order #123-45-6789`, `P/N: …`, `serial
 * number is …`. Built on first use: its source joins and case-folds three word lists, work an
 * isolate's start does not need (most requests never ask).
 */
function thingWordsBeforeRegExp(): RegExp {
  return (thingWordsBefore ??= new RegExp(
    `(?<![A-Za-z])(?:${[...PRODUCT_CODES, ...PAYMENT_CODES, ...NUMBERED_THINGS].map(caseless).join("|")}|P/N|PN)` +
      `(?:[ _-]?${NUMBER_WORD}\\.?|[ \\t]*#)?[ \\t\\r\\n]*(?:[:=#][ \\t\\r\\n]*|(?:is|was)[ \\t]+)?$`,
  ));
}

/**
 * Whether the value at `start` in free text is a thing's identifier, as its name or the words
 * before it say: `order_id=`, `"sku": "`, `part_number: ` (`namesThingIdentifier`), or `SKU `,
 * `part no. `, `order #` in a sentence. Read from the 64 characters before `start`.
 */
export function isThingIdentifierValue(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 64), start);
  const name = NAME_BEFORE_VALUE.exec(before);
  if (name !== null && namesThingIdentifier(nameWords(name[1]!))) return true;
  return thingWordsBeforeRegExp().test(before);
}

/**
 * Whether the value at `start` in free text is a person's id, as its name says: `user_id=`,
 * `"cliente.id": "`, `customerId: ` (`namesPersonId`). Read from the 64 characters before `start`.
 */
export function isPersonIdValue(text: string, start: number): boolean {
  const name = NAME_BEFORE_VALUE.exec(text.slice(Math.max(0, start - 64), start));
  return name !== null && namesPersonId(nameWords(name[1]!));
}

let barcodeBefore: RegExp | undefined;
/**
 * Words that name a barcode, then what may stand between them and its digits: the GS1 codes
 * (`EAN 4516533011970`, `ean13=`, `GTIN-14: `, `UPC-A `), `barcode` and Portuguese `código de
 * barras` / `cod_barras`. An EAN-13 passes the Luhn check as often as any number does; after
 * these words it is the product's barcode, as under the `product.ean` key. Built on first use,
 * like `thingWordsBeforeRegExp`.
 */
function barcodeBeforeRegExp(): RegExp {
  return (barcodeBefore ??= new RegExp(
    `(?<![A-Za-z])(?:${["ean", "gtin", "upc", "barcode", "bar code"].map(caseless).join("|")}` +
      `|${caseless("c")}(?:${caseless("ódigo")}|${caseless("odigo")}|${caseless("od")})[ _-]?(?:${caseless("de")}[ _-])?${caseless("barras")})` +
      `(?:[ _-]?(?:8|12|13|14|[Aa]))?["']?[ \\t]*(?:[:=#][ \\t]*["']?)?$`,
  ));
}

/** Whether the number at `start` follows a barcode's name (`barcodeBeforeRegExp`), read from the 32 characters before it. */
export function isBarcodeValue(text: string, start: number): boolean {
  return barcodeBeforeRegExp().test(text.slice(Math.max(0, start - 32), start));
}
