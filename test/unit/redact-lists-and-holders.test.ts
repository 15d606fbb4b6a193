/**
 * Postal codes listed under one name (`zips=94103,10001,60601`, `cep: a, b`,
 * `postal_codes=["…","…"]`), card holders' names in `name=value` fields (quoted, unquoted,
 * URL-encoded) and split into first and last name (attributes, JSON members, text after the words
 * `card holder`), and lower-case IBANs in a list or under a key naming IBANs: each form with the
 * look-alikes that stay (counts, a team as a holder, names with no card, ids in arrays).
 */
import { describe, expect, it } from "vitest";
import type { AnyValue, KeyValue } from "../../workers/shared/otlp/model";
import { defaultRedactionPolicy, redactRequest } from "../../workers/ingest/core/redact";
import { scannedText } from "../support/redaction";
import { logRecord, logsRequest } from "../support/model-builders";

const policy = defaultRedactionPolicy();
const redacted = (text: string) => scannedText(text, policy).text;
const ZIP = "[REDACTED:postal_code]";
const PERSON = "[REDACTED:person_name]";
const HOLDER = "[REDACTED:card_holder]";
const IBAN = "[REDACTED:iban]";

/** The log record's attributes after redaction, by key (`attributes`: key and string value). */
function redactedAttributes(attributes: Record<string, string>): Record<string, string> {
  const record = logRecord({ attributes: Object.entries(attributes).map(([key, stringValue]): KeyValue => ({ key, value: { stringValue } })) });
  redactRequest("logs", logsRequest([record]), policy);
  return Object.fromEntries(record.attributes.map((a) => [a.key, (a.value as { stringValue: string }).stringValue]));
}

/** The body of a log record holding `body` after redaction (a body kept as the JSON line it is). */
function redactedBody(body: string): { body: AnyValue | undefined } {
  const record = logRecord({ body: { stringValue: body } });
  redactRequest("logs", logsRequest([record]), policy);
  return { body: record.body };
}

describe("postal codes listed under one name", () => {
  it.each([
    ["a comma list after a plural parameter", "zips=94103,10001,60601 shipped", `zips=${ZIP},${ZIP},${ZIP} shipped`],
    ["in a query string", "/ship?zips=94103,10001&sku=2", `/ship?zips=${ZIP},${ZIP}&sku=2`],
    ["CEPs after a field's colon, spaced", "cep: 01304-001, 04538-133", `cep: ${ZIP}, ${ZIP}`],
    ["at a sentence's end", "CEPs: 01304-001, 04538-133.", `CEPs: ${ZIP}, ${ZIP}.`],
    ["a JSON array after a parameter's =", 'postal_codes=["94103","10001"]', `postal_codes=["${ZIP}","${ZIP}"]`],
    ["a bare array after a parameter's =: no quotes added, as it is no JSON", "zips=[94103,10001]", `zips=[${ZIP},${ZIP}]`],
    ["a JSON array under a plural member (as before)", '{"zipCodes":[94105, 10001]}', `{"zipCodes":["${ZIP}", "${ZIP}"]}`],
    ["a list in a JSON string under a plural member", '"ceps": "01304-001, 04538-133"', `"ceps": "${ZIP}, ${ZIP}"`],
  ])("%s", (_, text, expected) => {
    expect(redacted(text)).toBe(expected);
  });

  it.each([
    ["a count of archives", "bundled zips=3 files=12"],
    ["ZIP-shaped numbers listed under another name", "sizes: 94103, 10001 bytes"],
    ["an array under a member that is no postal code's", '{"n":[94103,10001]}'],
  ])("look-alike: %s", (_, text) => {
    expect(redacted(text)).toBe(text);
  });

  it("the items are one country's codes: a year after a ZIP is no second code", () => {
    expect(redacted("zips=94103,2026")).toBe(`zips=${ZIP},2026`);
  });
});

describe("a card holder's name in a name=value field", () => {
  it.each([
    ["quoted in a logfmt line", 'payment ok card_holder="John Smith" amount=10', `payment ok card_holder="${HOLDER}" amount=10`],
    ["in single quotes", "payment ok cardholder='Ana Souza' amount=10", `payment ok cardholder='${HOLDER}' amount=10`],
    ["URL-encoded with +", "POST /pay card_holder_name=John+Smith&amount=10", `POST /pay card_holder_name=${HOLDER}&amount=10`],
    ["URL-encoded with %20", "cardholder_name=John%20Smith&amount=10", `cardholder_name=${HOLDER}&amount=10`],
    ["unquoted, its capitalized words up to the next key", "payment ok card_holder=JOHN SMITH amount=10", `payment ok card_holder=${HOLDER} amount=10`],
    ["unquoted before a capitalized key", "card_holder=Maria Souza Amount=10", `card_holder=${HOLDER} Amount=10`],
    ["unquoted at a sentence's end", "card_holder=Ana Souza. Next", `card_holder=${HOLDER}. Next`],
  ])("%s", (_, text, expected) => {
    expect(redacted(text)).toBe(expected);
  });

  it.each([
    ["a team as a holder (no card's holder)", "holder=ops-team"],
    ["a flag", "card.holder=true"],
    ["no value", "holder_name=n/a"],
    ["a template", "card_holder={{holderName}}"],
    ["a comparison", "if (holder == x) name=y"],
  ])("look-alike: %s", (_, text) => {
    expect(redacted(text)).toBe(text);
  });
});

describe("a card holder's name after a label in prose", () => {
  it.each([
    ["after `:`", "Card holder: John Smith", `Card holder: ${HOLDER}`],
    ["after a label's ` - `", "Cardholder name - Maria Silva", `Cardholder name - ${HOLDER}`],
    ["Portuguese, with a particle", "Titular do cartão: João da Silva", `Titular do cartão: ${HOLDER}`],
    ["Portuguese, the name's label first", "Nome do titular do cartão: MARIA P SOUZA", `Nome do titular do cartão: ${HOLDER}`],
    ["Spanish", "nombre del titular de la tarjeta: Juan Pérez", `nombre del titular de la tarjeta: ${HOLDER}`],
    ["a name on the card, in capitals, with an initial", "NAME ON CARD: JOHN P. SMITH", `NAME ON CARD: ${HOLDER}`],
    ["a credit card's holder", "Credit card holder: Ana Souza", `Credit card holder: ${HOLDER}`],
    ["ending before the next field", "Card holder: John Smith Amount: 10", `Card holder: ${HOLDER} Amount: 10`],
    ["ending at its sentence's period", "payment failed. Card holder: Ana Souza. Retry later", `payment failed. Card holder: ${HOLDER}. Retry later`],
    ["in a JSON string", '{"note":"Card holder: John Smith"}', `{"note":"Card holder: ${HOLDER}"}`],
  ])("%s", (_, text, expected) => {
    expect(redacted(text)).toBe(expected);
  });

  it.each([
    ["a check's result", "Card holder: present"],
    ["a label describing the holder", "card holder verification: passed"],
    ["a marker", "Card holder: [REDACTED]"],
    ["a status in capitals", "Card holder: Not Present"],
    ["a card brand", "Card holder: Visa Electron"],
    ["a company", "Account holder: Acme Ltda"],
    ["a lock's holder", "lock holder: Worker Pool"],
    ["one word", "Card holder: Verified"],
    ["a note after the label's dash", "Card holder - name mismatch"],
  ])("look-alike: %s", (_, text) => {
    expect(redacted(text)).toBe(text);
  });
});

describe("a card holder's name split into first and last name", () => {
  it("under attribute keys naming the holder", () => {
    expect(
      redactedAttributes({ cardholder_first_name: "Maria", card_holder_last_name: "Souza", "card.holder.surname": "Souza", "cartao.titular.sobrenome": "Souza", first_name: "Maria" }),
    ).toMatchObject({ cardholder_first_name: HOLDER, card_holder_last_name: HOLDER, "card.holder.surname": HOLDER, "cartao.titular.sobrenome": HOLDER, first_name: "[REDACTED:person_name]" });
  });

  it("in a card's or payment's holder object (the keys a lifted line gets, a body kept as JSON, JSON text)", () => {
    expect(redactedAttributes({ "card.holder.first_name": "Maria", "card.holder.last_name": "Souza" })).toMatchObject({
      "card.holder.first_name": HOLDER,
      "card.holder.last_name": HOLDER,
    });
    expect(redactedBody('{"msg":"paid","card":{"holder":{"first_name":"Maria","last_name":"Souza"}}}').body).toEqual({
      stringValue: `{"msg":"paid","card":{"holder":{"first_name":"${HOLDER}","last_name":"${HOLDER}"}}}`,
    });
    const body = redactedAttributes({ "http.request.body": '{"payment":{"holder":{"first_name":"Maria","last_name":"Souza"}}}' });
    expect(body["http.request.body"]).toBe(`{"payment":{"holder":{"first_name":"${HOLDER}","last_name":"${HOLDER}"}}}`);
  });

  it.each([
    ["after the words card holder", "card holder first_name=Maria last_name=Souza", `card holder first_name=${HOLDER} last_name=${HOLDER}`],
    ["a card object in prose", 'payment failed: {"card":{"holder":{"first_name":"Maria","last_name":"Souza"}}}', `payment failed: {"card":{"holder":{"first_name":"${HOLDER}","last_name":"${HOLDER}"}}}`],
    ["a card holder's own object in prose", '{"cardholder":{"first_name":"Maria"}}', `{"cardholder":{"first_name":"${HOLDER}"}}`],
  ])("in text: %s", (_, text, expected) => {
    expect(redacted(text)).toBe(expected);
  });

  // No card holder's: a part of a name with no holder before it is a person's, as its bare member in JSON is.
  it.each([
    ["names with no card", "signup first_name=Maria last_name=Souza", `signup first_name=${PERSON} last_name=${PERSON}`],
    ["a lock's holder", "lock acquired holder=ops-team first_name=Bob", `lock acquired holder=ops-team first_name=${PERSON}`],
    ["a holder that is a member's value, then a name", '{"card":{"holder":"ops","first_name":"Bob"}}', `{"card":{"holder":"ops","first_name":"${PERSON}"}}`],
    ["a holder on an earlier line", "card holder updated\nfirst_name=Maria", `card holder updated\nfirst_name=${PERSON}`],
  ])("no card holder's, a person's: %s", (_, text, expected) => {
    expect(redacted(text)).toBe(expected);
  });

  it("a user's first name is a person's name, as a key and in a body kept as JSON", () => {
    expect(redactedAttributes({ "user.first_name": "Maria" })["user.first_name"]).toBe("[REDACTED:person_name]");
    expect(redactedBody('{"msg":"signup","user":{"first_name":"Maria"}}').body).toEqual({
      stringValue: '{"msg":"signup","user":{"first_name":"[REDACTED:person_name]"}}',
    });
  });
});

describe("lower-case IBANs", () => {
  it.each([
    ["in a JSON array under ibans", '{"ibans":["de89370400440532013000","gb82west12345698765432"]}', `{"ibans":["${IBAN}","${IBAN}"]}`],
    ["spaced", '{"ibans": [ "de89370400440532013000" , "gb82west12345698765432" ]}', `{"ibans": [ "${IBAN}" , "${IBAN}" ]}`],
    ["after an upper-case one", '{"ibans":["DE89370400440532013000","gb82west12345698765432"]}', `{"ibans":["${IBAN}","${IBAN}"]}`],
    ["JSON text in a string", '{"a":"{\\"ibans\\":[\\"de89370400440532013000\\",\\"gb82west12345698765432\\"]}"}', `{"a":"{\\"ibans\\":[\\"${IBAN}\\",\\"${IBAN}\\"]}"}`],
    ["in text after ibans, a comma between", "ibans: gb82west12345698765432, de89370400440532013000", `ibans: ${IBAN}, ${IBAN}`],
    ["in text after ibans, a semicolon between", "ibans: gb82west12345698765432; de89370400440532013000", `ibans: ${IBAN}; ${IBAN}`],
    ["in text after ibans, a bar between", "ibans=gb82west12345698765432|de89370400440532013000", `ibans=${IBAN}|${IBAN}`],
    ["in text after ibans, a spaced bar between", "ibans=gb82west12345698765432 | de89370400440532013000", `ibans=${IBAN} | ${IBAN}`],
    ["in text after ibans, a blank between", "ibans: gb82west12345698765432 de89370400440532013000", `ibans: ${IBAN} ${IBAN}`],
    ["in text after ibans, a tab between, three items", "ibans: gb82west12345698765432\tde89370400440532013000;gb82west12345698765432", `ibans: ${IBAN}\t${IBAN};${IBAN}`],
  ])("%s", (_, text, expected) => {
    expect(redacted(text)).toBe(expected);
  });

  it("under a key naming IBANs: one value, or a lifted list", () => {
    expect(redactedAttributes({ "customer.iban": "de89370400440532013000", ibans: '["de89370400440532013000","gb82west12345698765432"]' })).toMatchObject({
      "customer.iban": IBAN,
      ibans: `["${IBAN}","${IBAN}"]`,
    });
    expect(redactedBody('{"msg":"x","ibans":["de89370400440532013000"]}').body).toEqual({ stringValue: `{"msg":"x","ibans":["${IBAN}"]}` });
  });

  it.each([
    ["ids in an array", '{"ids":["de89370400440532013000","gb82west12345698765432"]}'],
    ["an item after a list's item that is no IBAN", '{"ibans":["n/a","de89370400440532013000"]}'],
    ["an item after a semicolon, a bar or a blank in no list of IBANs", "ids: 4f2a; de89370400440532013000|de89370400440532013000 gb82west12345698765432"],
  ])("look-alike: %s", (_, text) => {
    expect(redacted(text)).toBe(text);
  });

  it.each([
    ["a number that fails the check, after a semicolon", "ibans: gb82west12345698765432; de89370400440532013001", `ibans: ${IBAN}; de89370400440532013001`],
    ["a word with a letter glued to it, after a blank", "ibans: gb82west12345698765432 de89370400440532013000x", `ibans: ${IBAN} de89370400440532013000x`],
    ["a word after a bar", "ibans=gb82west12345698765432|pending", `ibans=${IBAN}|pending`],
  ])("look-alike after an accepted IBAN stays: %s", (_, text, expected) => {
    expect(redacted(text)).toBe(expected);
  });

  it("a key that describes the IBAN rather than holds it stays", () => {
    expect(redactedAttributes({ iban_checked: "de89370400440532013000" }).iban_checked).toBe("de89370400440532013000");
  });
});
