/**
 * Leftovers in phones, identity card keys and greetings in capitals: an international number a
 * literal blank groups in a log line's URL query goes whole, its status kept
 * (`?phone=+55 11 98765-4321 200`); Spain's landline and mobile groups after a phone word
 * (`llame al 91 123 45 67`, `Tel. 612 34 56 78`), not alone nor after a version's word; a German
 * identity card's number under a camel-case key with a word before `Id` (`customerIdCard`) and
 * after the prose `ID card`; a courtesy title in capitals after a greeting (`DEAR MR SMITH,`), the
 * title kept; given names a review found missing (`Ana Paula`).
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { redactedLogBody, storedLogAttribute } from "../support/redaction";
import { itKeepsUncounted, itStores, itStoresCounting } from "../support/redaction-cases";

const redact = (text: string) => redactString(text, defaultRedactionPolicy());
const storedAttribute = (key: string) => (text: string) => {
  const value = storedLogAttribute(key, { stringValue: text });
  return "stringValue" in value ? value.stringValue : value;
};

describe("an international number a literal blank groups in a log line's URL query", () => {
  itStoresCounting("replaces the whole number in %s", redact, { phone: 1 }, [
    ["GET /x?phone=+55 11 98765-4321 200", "GET /x?phone=[REDACTED:phone] 200"],
    ["GET /x?phone=+1 415 867 5309 200", "GET /x?phone=[REDACTED:phone] 200"],
    ["GET /x?customerPhone=+44 20 7183 8750 200", "GET /x?customerPhone=[REDACTED:phone] 200"],
    ["GET /x?phone_number=+55 (11) 98765-4321 200", "GET /x?phone_number=[REDACTED:phone] 200"],
    ["GET /x?a=1&phone=+55 11 98765-4321 HTTP/1.1", "GET /x?a=1&phone=[REDACTED:phone] HTTP/1.1"],
    // Whatever the key, the number goes whole or not at all: never its country code alone.
    ["GET /x?ids=+55 11 98765-4321 200", "GET /x?ids=[REDACTED:phone] 200"],
    ["GET /x?phone=+5511987654321 200", "GET /x?phone=[REDACTED:phone] 200"],
    ['{"url":"/cb?phone=+1 415 867 5309&x=1"}', '{"url":"/cb?phone=[REDACTED:phone]&x=1"}'],
  ]);
  itStores("stores a log body %s as %s", redactedLogBody, [["GET /x?phone=+55 11 98765-4321 200", "GET /x?phone=[REDACTED:phone] 200"]]);
  itKeepsUncounted("keeps %s", redact, ["GET /x?tz=+05:30 200", "GET /x?n=+1 200", "GET /x?delta=+12 200"]);
});

describe("Spain's landline and mobile groups after a phone word", () => {
  itStoresCounting("replaces the number in %s", redact, { phone: 1 }, [
    ["llame al 91 123 45 67", "llame al [REDACTED:phone]"],
    ["teléfono: 91 123 45 67", "teléfono: [REDACTED:phone]"],
    ["Tel. 612 34 56 78", "Tel. [REDACTED:phone]"],
    ["Tel: 91-123-45-67", "Tel: [REDACTED:phone]"],
    ["llame al 91 123 45 67 mañana", "llame al [REDACTED:phone] mañana"],
    ['{"telefono":"91 123 45 67"}', '{"telefono":"[REDACTED:phone]"}'],
    ["tel=612 34 56 78", "tel=[REDACTED:phone]"],
  ]);
  it("stores a phone attribute's landline as the marker", () => {
    expect(storedAttribute("customer.telefono")("91 123 45 67")).toBe("[REDACTED:phone]");
  });
  // Alone or after another word the groups could be anything: a version, a count, a reference.
  itKeepsUncounted("keeps %s", redact, ["91 123 45 67", "versión 91 123 45 67", "fecha 12 345 67 89", "total 91 123 45 67 EUR"]);
});

describe("a German identity card's number under a camel-case key or after the prose ID card", () => {
  itStoresCounting("replaces the number in %s", redact, { national_id: 1 }, [
    ["customerIdCard=T22000129", "customerIdCard=[REDACTED:national_id]"],
    ["holderIdCardNumber=T22000129", "holderIdCardNumber=[REDACTED:national_id]"],
    ['{"customerIdCard":"T22000129"}', '{"customerIdCard":"[REDACTED:national_id]"}'],
    ['{\\"holderIdCardNumber\\":\\"T22000129\\"}', '{\\"holderIdCardNumber\\":\\"[REDACTED:national_id]\\"}'],
    ["myIDCard: T22000129", "myIDCard: [REDACTED:national_id]"],
    // The printed nine characters carry no check digit (the machine-readable zone adds it): the name says what they are.
    ["ID card T22000129", "ID card [REDACTED:national_id]"],
    ["identity card T22000129", "identity card [REDACTED:national_id]"],
    ["Personalausweis T22000129", "Personalausweis [REDACTED:national_id]"],
    ["ID card T220001293", "ID card [REDACTED:national_id]"],
  ]);
  it("stores a camel-case key's card number as the marker", () => {
    expect(storedAttribute("customerIdCard")("T22000129")).toBe("[REDACTED:national_id]");
  });
  itKeepsUncounted("keeps %s", redact, ["customerIdCardType=T22000129", "paidCard=T22000129", "ID card TICKET12", "ID card expired"]);
});

describe("a courtesy title in capitals after a greeting", () => {
  itStoresCounting("replaces the name in %s", redact, { person_name: 1 }, [
    ["SEHR GEEHRTE FRAU MÜLLER,", "SEHR GEEHRTE FRAU [REDACTED:person_name],"],
    ["DEAR MR SMITH,", "DEAR MR [REDACTED:person_name],"],
    ["HELLO MRS JONES,", "HELLO MRS [REDACTED:person_name],"],
    ["DEAR MR. SMITH,", "DEAR MR. [REDACTED:person_name],"],
    ["SEHR GEEHRTER HERR DR. MÜLLER,", "SEHR GEEHRTER HERR DR. [REDACTED:person_name],"],
    ["HOLA SRA. GARCIA,", "HOLA SRA. [REDACTED:person_name],"],
    ["BONJOUR MADAME DUBOIS,", "BONJOUR MADAME [REDACTED:person_name],"],
    ["DEAR MRS JONES, YOUR ORDER SHIPPED", "DEAR MRS [REDACTED:person_name], YOUR ORDER SHIPPED"],
    ['{"subject":"HELLO MRS JONES, YOUR ORDER SHIPPED"}', '{"subject":"HELLO MRS [REDACTED:person_name], YOUR ORDER SHIPPED"}'],
    ["HELLO SR. NURSE MARIA SILVA,", "HELLO SR. NURSE [REDACTED:person_name],"],
  ]);
  it("stores a log body's greeting with the title kept", () => {
    expect(redactedLogBody("DEAR MR SMITH, YOUR ORDER SHIPPED")).toBe("DEAR MR [REDACTED:person_name], YOUR ORDER SHIPPED");
  });
  it("stores an attribute's greeting with the title kept", () => {
    expect(storedAttribute("email.subject")("SEHR GEEHRTE FRAU MÜLLER, IHRE BESTELLUNG")).toBe("SEHR GEEHRTE FRAU [REDACTED:person_name], IHRE BESTELLUNG");
  });
  // An office, a role or a senior's job after the title names no one; titles that in capitals are
  // an acronym or a thing's word (`DOM`, `PAN`, `MX`) are read as such.
  itKeepsUncounted("keeps %s", redact, [
    "DEAR MR PRESIDENT,", "DEAR MS CUSTOMER,", "HELLO DR WHO", "DEAR SIR,", "HELLO SR ENGINEER,", "HELLO SR SRE", "HI DOM NODE", "HELLO PAN AM",
    "HELLO MX LINUX",
  ]);
});

describe("common given names the list lacked", () => {
  itStoresCounting("replaces the name in %s", redact, { person_name: 1 }, [
    ["cliente: ANA PAULA SA", "cliente: [REDACTED:person_name]"],
    ["DEAR ANA PAULA SOUZA,", "DEAR [REDACTED:person_name],"],
    ["Hello Simone,", "Hello [REDACTED:person_name],"],
    ["Kunde Katharina Müller hat angerufen", "Kunde [REDACTED:person_name] hat angerufen"],
  ]);
});
