import { blanksAfter, blanksBefore, isBlank } from "../blanks";
import { BoundedMemo } from "../bounded-memo";
import { lastNameSegment, memberNameBefore } from "./member-name";
import { NAME_CHARACTER, nameWords } from "../secret-names";
import { Place, caseless } from "./detector";
import { PERHAPS_ESCAPED_QUOTE as QUOTE } from "./escaped-quotes";
import { WITH_TABLE, sqlBoundParameterOf, sqlComparedColumnOf, sqlInsertColumnOf } from "./sql-values";
import { ListReader, firstItemStart, isNumberListCharacter, printedAs } from "./list-items";
import { countWork, currentScan } from "../scan-scope";
import { namesMeasure } from "./measure-value";
import {
  CARD_PAYMENT_THINGS,
  NUMBERED_THINGS,
  NUMBERED_THING_SET,
  NUMBER_WORD,
  NUMBER_WORDS,
  NUMBER_WORD_SET,
  PAYMENT_CODES,
  PAYMENT_CODE_SET,
  PRODUCT_CODES,
  PRODUCT_CODE_SET,
} from "./thing-words";

/**
 * Whether a candidate is the value of a member whose name names an id, in whatever form the text
 * prints the member (`memberNameBefore`: `trace_id=`, `dd.span_id: `, `"order.id":"`,
 * `{ orderId: '`, `[order_id] => `, `:order_id=>"`, `'sku' => '`, `Order::Id: `), or an item of
 * a list whose name does (`"ids":["…","…"]`, `orderIds=…,…`: `listNameOf`). The name gets the
 * answer the same key gets as an attribute's (`namesIdMember`, the key rules' `id` fact), so a
 * number under `order_id` or `sku` is kept in every form and one under `note` is judged in every form.
 */
export function isIdValue(text: string, start: number): boolean {
  const name = memberNameBefore(text, start);
  if (name !== undefined && namesIdMember(name)) return true;
  const list = listNameOf(text, start);
  return list !== undefined && namesIdMember(list);
}

/** Whether a member's name names an id as a key does (`namesId` of its last segment and words); names recur on every line. */
export function namesIdMember(name: string): boolean {
  return idMemberNames.get(name);
}
const idMemberNames = new BoundedMemo<string, boolean>(1024, (name) => namesId(lastNameSegment(name), nameWords(name)));
/**
 * Whether the value at `start` is bound in an ORM's list (`sqlBoundParameterOf`: knex's
 * `bindings`, Prisma's `params`, TypeORM's `PARAMETERS`) to a placeholder every column of which
 * names an id, as an attribute's key does (`namesId`: `"id" = ?`, `"order_id" = $1`, `tenant_id`,
 * `"users"."id"`), or a measure (`bytes`, `offset`): the column says the value is that id or quantity. A placeholder also used for a column
 * naming anything else (`"id" = $1 OR "card_number" = $1`) may hold that too.
 */
export function isBoundToIdColumn(text: string, start: number): boolean {
  const columns = sqlBoundParameterOf(text, start)?.columns;
  return columns !== undefined && columns.length > 0 && columns.every((column) => idColumnByName.get(column));
}

/**
 * Whether the value at `start` is in one of the rows PostgreSQL prints in a constraint's error:
 * a unique violation's `DETAIL: Key (order_id)=(4242…) already exists.`, under a column that
 * names an id or a measure (`idColumnByName`), the columns and values matched by position; or
 * the first value of a `Failing row contains (…)` (a not-null or check violation), the row's
 * first column, which a table's key is by convention. Reads back at most `ROW_REACH` characters.
 */
export function isPostgresRowKey(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - ROW_REACH), start);
  if (FAILING_ROW_START.test(before)) return true;
  const key = UNIQUE_KEY_VALUES.exec(before);
  if (key === null) return false;
  const columns = key[1]!.split(",").map((column) => column.trim().replace(/^"|"$/g, ""));
  const column = columns[key[2]!.split(",").length - 1];
  return column !== undefined && idColumnByName.get(column);
}
/** How far back a PostgreSQL error's row is read. */
const ROW_REACH = 256;
/** A failing row's opening, right before its first value. */
const FAILING_ROW_START = /Failing row contains \($/;
/** A unique violation's columns and the values before the one at the end (`Key (a, b)=(1, `). */
const UNIQUE_KEY_VALUES = /Key \(([^()]{1,200})\)=\(([^()]*)$/;

/**
 * Whether a column (perhaps qualified by its table, `users.id`) names an id, by its last segment
 * and words, or a measure (`bytes`, `offset`: `namesMeasure`), whose number is no card either.
 */
const idColumnByName = new BoundedMemo<string, boolean>(256, (column) => namesIdMember(column) || namesMeasure(nameWords(column)));

/**
 * A last segment naming an id: `id`, `trace_id`, `span-id`, `traceId`, `spanID` (so `order_id`,
 * `trace.parent_id`, `cloudflare.ray_id`, `payment.attempt.id`).
 */
const ID_SEGMENT = /(?:^|[_-])[Ii][Dd]$|[a-z0-9]I[Dd]$/;

/**
 * Whether a key or a column names an identifier, whose value's number is no card: its last
 * segment (after its last `.`) names an id (`ID_SEGMENT`), or its words (`nameWords`) name one
 * (`namesIdentifier`: `sku`, `part_number`, `ids`). The `id` fact of a key's rule (`key-rules.ts`).
 */
export function namesId(lastSegment: string, words: readonly string[]): boolean {
  return ID_SEGMENT.test(lastSegment) || namesIdentifier(words);
}



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
 * Words that name a person's document, wherever they stand in a name (`cpf`, `cliente_cpf`,
 * `cpf_pedido`, `documento`, `customer.document`, `tax_id`'s owner is in `PERSON_OWNERS`): a
 * value there is the document, whatever thing the name also mentions. Brazil's CPF, CNPJ, RG,
 * CNH and NIS/PIS, the US SSN and ITIN, the passport, and the Spanish-speaking countries' tax and
 * identity numbers (DNI, NIF, NIE, CUIT, CUIL, RUT, CURP, RFC, cédula).
 */
const PERSON_DOCUMENTS: ReadonlySet<string> = new Set([
  "cpf", "cnpj", "rg", "cnh", "nis", "pis", "ssn", "itin", "documento", "document", "passport", "passaporte", "pasaporte",
  "dni", "nif", "nie", "cuit", "cuil", "rut", "curp", "rfc", "cedula", "cédula",
]);

/**
 * Words between an identifier's word and its owner in Portuguese, Spanish and English (`numero_do_pedido`,
 * `nro_del_pedido`, `number_of_order`), skipped when looking for the owner.
 */
const CONNECTORS: ReadonlySet<string> = new Set(["de", "do", "da", "dos", "das", "del", "of", "the"]);

/**
 * Words after a thing's name that only say which kind of it (`nota_fiscal`, `cupom_fiscal`,
 * `nota_fiscal_eletronica`, `factura_electronica`), skipped when looking for the thing.
 */
const QUALIFIERS: ReadonlySet<string> = new Set(["fiscal", "eletronica", "eletrônica", "electronica", "electrónica", "electronic"]);

/**
 * The plurals of the words that say what one value is (an id, a number, a product's or a payment's
 * code, a person's document: `ids`, `numbers`, `numeros`, `skus`, `eans`, `nsus`, `cpfs`,
 * `documentos`), each to its singular. A list's name says what each of its items is.
 */
const SINGULARS: ReadonlyMap<string, string> = new Map(
  ["id", ...NUMBER_WORDS, ...PRODUCT_CODES, ...PAYMENT_CODES, ...PERSON_DOCUMENTS].filter((word) => word !== "nº").map((word) => [`${word}s`, word]),
);

/**
 * A name's words with its last word read as its singular when it is the plural of a word in
 * `SINGULARS` (`order_ids`, `productIds`, `trackingNumbers`, `skus`, `cpfs`, `user_ids`): the
 * items of a list get the verdict a value under the singular name gets. Other plurals stay as
 * they are (`users`, `orders`, `items`: counts as often as lists, and no identifier's word).
 */
function singularLast(words: readonly string[]): readonly string[] {
  const singular = SINGULARS.get(words[words.length - 1] ?? "");
  return singular === undefined ? words : [...words.slice(0, -1), singular];
}

/** Whether `word` says "identifier": `id`, or a word for "number" (`number`, `no`, `nro`, `numero`, `nº`). */
function isIdentifierWord(word: string): boolean {
  return word === "id" || NUMBER_WORD_SET.has(word);
}

/**
 * The identifier a name's words name, as its word (`id` or a word for "number") and its owner's
 * (the word naming whose it is, or ""), or undefined. English puts the owner first (`order_id`,
 * `pedido_id`, `order.number`, `nota_fiscal_numero`; `id` alone has no owner); Portuguese and
 * Spanish put it after (`id_pedido`, `numero_pedido`, `nro_del_pedido`, `numero_da_nota_fiscal`,
 * `id_cliente`), read only when the word after is a known owner, a numbered thing's or a person's,
 * so `id_token` and `number_of_retries` name no identifier.
 */
function identifierOf(words: readonly string[]): { readonly word: string; readonly owner: string } | undefined {
  const last = words.length - 1;
  if (last >= 0 && isIdentifierWord(words[last]!)) {
    let before = last - 1;
    while (before >= 0 && QUALIFIERS.has(words[before]!)) before--;
    const owner = singularOwner(words[before] ?? "");
    if (words[last] === "id" || NUMBERED_THING_SET.has(owner) || PERSON_OWNERS.has(owner)) return { word: words[last]!, owner };
  }
  for (let i = last - 1; i >= 0; i--) {
    if (!isIdentifierWord(words[i]!)) continue;
    let after = i + 1;
    while (after < last && CONNECTORS.has(words[after]!)) after++;
    const owner = singularOwner(words[after]!);
    if (NUMBERED_THING_SET.has(owner) || PERSON_OWNERS.has(owner)) return { word: words[i]!, owner };
  }
  return undefined;
}

/**
 * An owner's word, a plural of a person's or a numbered thing's read as its singular: a table
 * names the rows it holds in the plural (`users`.`id`, `clientes.id`, `orders.number`), whose id
 * is one user's, one order's.
 */
function singularOwner(word: string): string {
  if (!word.endsWith("s")) return word;
  const singular = word.slice(0, -1);
  return PERSON_OWNERS.has(singular) || NUMBERED_THING_SET.has(singular) ? singular : word;
}

/**
 * Whether a name's words (`nameWords`) name an identifier: an id (`order.id`, `trace_id`,
 * `orderId`, `id_pedido`, `id_cliente`: `identifierOf`), a product code (`sku`, `product.sku`,
 * `ean`) or a thing's number (`part_number`, `partNo`, `order_no`, `serial_number`,
 * `nosso_numero`, `numero_pedido`, `nroPedido`), or a list of them (`ids`, `order_ids`, `skus`,
 * `trackingNumbers`: `singularLast`), or a reference last (`pspReference`, `merchantReference`,
 * `payment_ref`: a payment service's or a merchant's id of the payment, never the card's number).
 * A number of a card's shape there is that identifier, not a card (a decimal trace id passes
 * the Luhn check one time in ten).
 */
export function namesIdentifier(named: readonly string[]): boolean {
  const words = singularLast(named);
  const last = words[words.length - 1] ?? "";
  if (PRODUCT_CODE_SET.has(last) || REFERENCE_WORDS.has(last)) return true;
  const identifier = identifierOf(words);
  return identifier !== undefined && (identifier.word === "id" || NUMBERED_THING_SET.has(identifier.owner));
}

/** A last word that names a reference, an id a service or a merchant gives a payment or a record (`pspReference`, `order_ref`). */
const REFERENCE_WORDS: ReadonlySet<string> = new Set(["reference", "ref", "referencia", "referência"]);

/**
 * Whether the words right before the number at `start` in prose name it a thing's id: a
 * numbered thing's or a product code's word (`NUMBERED_THINGS`, `PRODUCT_CODES`), perhaps with
 * `id`, a word for "number" or `#` after it (`order 4086…`, `order #4086…`, `Shopify order id …`,
 * `invoice number …`, `shipment …`, `row id …`, `Discord snowflake …`), or `id` or `ref` alone
 * (`id 4086…`, `ID: …`), then perhaps `:`, `=` or `is`. Not the words of a card payment
 * (`CARD_PAYMENT_THINGS`: `transaction 4111… declined`), after which a card's number is the
 * card's. Reads the 48 characters before `start`.
 */
export function isIdInProse(text: string, start: number): boolean {
  return idWordsBeforeRegExp().test(text.slice(Math.max(0, start - 48), start));
}
let idWordsBefore: RegExp | undefined;
/** `isIdInProse`'s pattern, built on first use as `thingWordsBeforeRegExp` is. */
function idWordsBeforeRegExp(): RegExp {
  if (idWordsBefore !== undefined) return idWordsBefore;
  return (idWordsBefore = new RegExp(
    `(?<![A-Za-z])(?:(?:${[...idThingWords()].map(caseless).join("|")})(?:[ _-]?(?:[Ii][Dd]|${NUMBER_WORD})\\.?|[ \\t]*#)?|[Ii][Dd]|[Rr][Ee][Ff]\\.?)` +
      `[ \\t]*(?:[:=#][ \\t]*|(?:is|was)[ \\t]+)?$`,
  ));
}

/**
 * A URL path's segment naming a resource, then the `/` before the value's segment
 * (`/api/orders/`, `/v1/invoices/`, `/pedidos/`): group 1 the segment, in lower case, a plural
 * perhaps (REST names a collection in the plural).
 */
const RESOURCE_SEGMENT_BEFORE = /(?<=\/)([a-z][a-z_-]*)\/$/;
/** How much of the text before a value `isIdInPath` reads: a resource's segment is a short word. */
const RESOURCE_SEGMENT_REACH = 32;

/**
 * Whether the value at `start` is a URL path's segment right after a segment naming a numbered
 * thing or a product code, singular or plural (`/api/orders/4532…`, `/orders/4532…/items`,
 * `/v1/invoices/…`, `/products/…`, `/pedidos/…`): REST puts a resource's id after its
 * collection's name, as prose puts it after the thing's word (`isIdInProse`), and the same words
 * count, so a card payment's (`/transactions/4111…`) do not, and a card's (`/cards/…`, `/pan/…`)
 * never did. Any other segment (`/checkout/…`, `/tokenize/…`) says nothing of the value.
 */
export function isIdInPath(text: string, start: number): boolean {
  if (text.charCodeAt(start - 1) !== 47 /* / */) return false;
  const segment = RESOURCE_SEGMENT_BEFORE.exec(text.slice(Math.max(0, start - RESOURCE_SEGMENT_REACH), start).toLowerCase())?.[1];
  if (segment === undefined) return false;
  const things = idThingWords();
  return things.has(segment) || (segment.endsWith("s") && (things.has(segment.slice(0, -1)) || (segment.endsWith("es") && things.has(segment.slice(0, -2)))));
}
let idThings: ReadonlySet<string> | undefined;
/**
 * The words that name a thing whose number follows them, in prose (`isIdInProse`) and as a path's
 * resource (`isIdInPath`): product codes and numbered things but a card payment's. Built on first use.
 */
function idThingWords(): ReadonlySet<string> {
  return (idThings ??= new Set([...PRODUCT_CODES, ...NUMBERED_THINGS.filter((word) => !CARD_PAYMENT_THINGS.has(word))]));
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

/** What a name says its value identifies: `THING`, `PERSON`, or neither (`NEITHER`). */
export type Identified = typeof NEITHER | typeof THING | typeof PERSON;
export const NEITHER = 0;
export const THING = 1;
export const PERSON = 2;

/**
 * The one question every place asks of a value's name, an attribute's key (`key-rules.ts`), a
 * `name=` or a JSON member in text, an SQL column, a GraphQL argument: does it say the value is
 * a thing's identifier (an order's, an invoice's, a ticket's, a product's, a payment's) or a
 * person's? From the name's words (`nameWords`), a plural last word read as its singular
 * (`ids`, `orderIds`, `order_numbers`, `skus`, `cpfs`, `user_ids`: `singularLast`), in this order:
 * - a person's document anywhere (`cpf`, `cliente_cpf`, `cpf_pedido`, `documento`): `PERSON`;
 * - an identifier (`identifierOf`) whose owner is one of `PERSON_OWNERS` (`user.id`,
 *   `cliente_id`, `id_cliente`, `customer_number`): `PERSON`; any other id (`order_id`,
 *   `trace_id`, `id`, `id_pedido`) or a numbered thing's number (`order.number`, `numero_pedido`,
 *   `nro_pedido`, `nº do pedido`): `THING`;
 * - a product code last (`sku`) or a payment's code (`nsu`, `tid`, `autorizacao`): `THING`;
 * - a person's word anywhere else (`cliente_pedido`, `order.customer`): `PERSON`;
 * - a numbered thing last, past qualifiers (`pedido`, `invoice`, `ticket`, `nota_fiscal`,
 *   `order.pedido`): `THING`, its number;
 * - else `NEITHER` (`card_number`, `amount`, `message`).
 * A value printed like a CPF, CNPJ or SSN under a `THING` name is that thing's identifier; under
 * any other it may be the document, as unnamed (docs/decisions.md, 2026-12-01, "one verdict").
 */
export function identifiedBy(named: readonly string[]): Identified {
  const words = singularLast(named);
  if (words.some((word) => PERSON_DOCUMENTS.has(word))) return PERSON;
  const identifier = identifierOf(words);
  if (identifier !== undefined) {
    if (PERSON_OWNERS.has(identifier.owner)) return PERSON;
    if (identifier.word === "id" || NUMBERED_THING_SET.has(identifier.owner)) return THING;
  }
  if (PRODUCT_CODE_SET.has(words[words.length - 1] ?? "") || namesPaymentCode(words)) return THING;
  if (words.some((word) => PERSON_OWNERS.has(word))) return PERSON;
  let head = words.length - 1;
  while (head > 0 && QUALIFIERS.has(words[head]!)) head--;
  return NUMBERED_THING_SET.has(words[head] ?? "") ? THING : NEITHER;
}

/**
 * Whether a name's words name the identifier of a thing rather than of a person
 * (`identifiedBy` is `THING`: `order.id`, `sku`, `part_number`, `numero_pedido`, `pedido`, `id`
 * alone; not `applicant.id`, `user_id`, `tax_id`, `cpf_pedido`). A number printed like an SSN or
 * a CPF there is that identifier; under a person's id it may be the person's document.
 */
export function namesThingIdentifier(words: readonly string[]): boolean {
  return identifiedBy(words) === THING;
}

/**
 * A name before a list's `[`: its value's (`"ids":`, `"ids": `, `ids=`, quotes perhaps escaped),
 * or the name alone in prose (`processed ids `).
 */
const NAME_BEFORE_LIST = new RegExp(`(?<!${NAME_CHARACTER})(${NAME_CHARACTER}+)${QUOTE}?[ \\t]*(?:[:=][ \\t\\r\\n]*)?$`);
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
 * Whether the key's `Place.THING_ID` (`order_id`, `pedido`, `nsu`, `order_ids`) speaks for the
 * match of `length` characters at `start`: the match is the whole value, but for blanks around
 * it, or an item of the list of numbers that is the whole value (`isNumberList`: `skus` holding
 * `["…","…"]`). A key says what its value is, not what text or JSON in it holds: `pedido` holding
 * `{"cliente":{"cpf":"…"}}` or a note quoting a customer's number is no order number.
 * Reads only the blanks next to the match, and the text once a scan for a list.
 */
export function isThingIdPlace(place: number, text: string, start: number, length: number): boolean {
  if ((place & Place.THING_ID) === 0) return false;
  return (blanksBefore(text, start, 0, true) === 0 && blanksAfter(text, start + length, text.length, true) === text.length) || isNumberList(text);
}

/**
 * Whether the whole of `text` is a list of numbers (`isNumberListCharacter`, and brackets): the
 * JSON text of an array (`["52998224725","11144477735"]`, what an array lifted from a log line's
 * JSON is stored as) or a comma list (`52998224725, 11144477735`), whose items a key naming a list
 * of things' ids (`order_ids`, `skus`) speaks for. Read once a scan, for all its candidates.
 */
function isNumberList(text: string): boolean {
  if (numberList.scan !== currentScan()) {
    let i = 0;
    while (i < text.length && isNumberListPart(text.charCodeAt(i))) i++;
    countWork(i);
    numberList.scan = currentScan();
    numberList.whole = i === text.length;
  }
  return numberList.whole;
}
const numberList = { scan: -1, whole: false };

function isNumberListPart(code: number): boolean {
  return code === 91 /* [ */ || code === 93 /* ] */ || isNumberListCharacter(code);
}

/**
 * Whether the value at `start` in free text is a thing's identifier, by the one verdict on its
 * name (`identifiedBy`): the name written before it (`order_id=`, `"pedido": "`,
 * `numero_pedido: `, `orderId: \"` in a GraphQL document held in JSON), else the SQL column
 * it goes in (an `INSERT`'s row, `sqlInsertColumnOf`; an ORM's bound list, `sqlBoundParameterOf`,
 * every column its placeholder is used for: `identifiedByColumns`), its list's name, or the
 * column a statement compares it with (`unnamedVerdict`);
 * a name that says a person's (`cliente_cpf=`, `user_id=`) answers no. Without a name, the
 * words of a sentence: `SKU `, `part no. `, `order #`, `pedido ` before it. Reads the 64
 * characters before `start`, and the statement's columns as sql-values.ts reads them (once per
 * text for all candidates, asked left to right).
 */
export function isThingIdentifierValue(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 64), start);
  // A value in an ORM's bound list has its placeholder's columns or none: the list's own name
  // (`PARAMETERS: [`) says nothing of it.
  const name = memberNameBefore(text, start) ?? sqlInsertColumnOf(text, start);
  const identified = name !== undefined ? identifiedByName.get(name) : unnamedVerdict(text, start);
  return identified === NEITHER ? thingWordsBeforeRegExp().test(before) : identified === THING;
}

/**
 * The verdict on a bound value by every column its placeholder is used for (`WHERE
 * "numero_pedido" = $1 OR "cpf" = $1`): a person's when any column names a person's, else a
 * thing's when any names a thing's. The value is compared with each, so it may be each.
 */
function identifiedByColumns(columns: readonly string[] | undefined): Identified {
  let identified: Identified = NEITHER;
  for (const column of columns ?? []) {
    const verdict = identifiedByName.get(column);
    if (verdict === PERSON) return PERSON;
    if (verdict === THING) identified = THING;
  }
  return identified;
}

/**
 * The verdict on a value at `start` no name is written before: by every column its placeholder
 * is used for in an ORM's bound list (`sqlBoundParameterOf`, `identifiedByColumns`), else by its
 * list's name (`listNameOf`), else by the column it is compared with in a statement
 * (`sqlComparedColumnOf`, `WITH_TABLE`); NEITHER when none names it.
 */
function unnamedVerdict(text: string, start: number): Identified {
  const bound = sqlBoundParameterOf(text, start);
  if (bound !== undefined) return identifiedByColumns(bound.columns);
  const name = listNameOf(text, start) ?? sqlComparedColumnOf(text, start, WITH_TABLE);
  return name === undefined ? NEITHER : identifiedByName.get(name);
}

/** The reader of lists of numbers whose name says what their items are (`list-items.ts`). */
const namedLists = new ListReader(isNumberListCharacter);

/**
 * The name of the list holding the value at `start`: written before the list's `[`
 * (`{"ids":["…","…"]}`, a pretty-printed array's items on their lines, `processed ids [… , …]`),
 * or its `=` or `:` for a later item (`ids=…,…`, `skus: …, …`; the first is the name's value);
 * undefined when the value is in no list, or the list has no name. Past a `=` or `:`, the value
 * must be printed as the list's first item (`printedAs`), as a list's items are (`pedido: 123,
 * 52998224725` is an order and something else); a `[…]`'s items are its items whatever their lengths.
 */
function listNameOf(text: string, start: number): string | undefined {
  const open = namedLists.opening(text, start);
  if (open < 0) return undefined;
  const before = text.slice(Math.max(0, open - 64), open);
  if (text.charCodeAt(open) === 91 /* [ */) return memberNameBefore(text, open) ?? NAME_BEFORE_LIST.exec(before)?.[1];
  const first = firstItemStart(text, open + 1);
  if (first >= start || !printedAs(itemAt(text, first), itemAt(text, start))) return undefined;
  return memberNameBefore(text, open + 1);
}

/**
 * The item of a list starting at `from`: up to the `,` or `;`, quote, blank or `\` that ends it,
 * or the first character no item is written with (`isItemEnd`), at most 32 characters. So the
 * last item is read alike wherever the list stands: at the text's end, before a `]`, or before a
 * query's next parameter (`ids=52998224725,11144477735&page=2`).
 */
function itemAt(text: string, from: number): string {
  let end = from;
  while (end < text.length && end - from < 32 && !isItemEnd(text.charCodeAt(end))) end++;
  return text.slice(from, end);
}

/** Separators, quotes, blanks and `\`, and what is neither a number's character (`isNumberListCharacter`) nor a letter or `/` of a printed document (`12.ABC.345/01DE-35`): `&`, `#`, `]`, `}`, `=`. */
function isItemEnd(code: number): boolean {
  if (code === 44 || code === 59 || code === 34 || code === 39 || code === 92 || isBlank(code, true)) return true;
  const letter = (code | 32) >= 97 && (code | 32) <= 122;
  return !letter && code !== 47 /* / */ && !isNumberListCharacter(code);
}

/** The verdict by name: the columns of a bulk insert and the names of a log's lines recur on every row. */
const identifiedByName = new BoundedMemo<string, Identified>(256, (name) => identifiedBy(nameWords(name)));

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
