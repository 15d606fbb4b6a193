/**
 * A review of phone lists and national numbers: a number after a phone and any list's joiner
 * (`|`, ` - `, `&`, `/`, `;`, a line break) printed as that phone is the list's next phone, as
 * after a contact's word (`Kontakt:`); look-alike lists (ports, versions, dates, order ids,
 * statuses) stay. Canada's SIN also under its French name (`NAS`), the UK's NHS number and
 * Japan's My Number go by their names when their check digits hold; a `sin` key's value is a
 * SIN only as nine digits whose Luhn check holds.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { redactedLogBody, storedLogAttribute } from "../support/redaction";
import { itKeepsUncounted, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const redacted = (text: string) => redactString(text, policy);
const PHONE = "[REDACTED:phone]";
const ID = "[REDACTED:national_id]";
const storedUnder = (key: string) => (value: string) => (storedLogAttribute(key, { stringValue: value }) as { stringValue: string }).stringValue;

/** Expects each `[text, stored]` stored so quoted, as a log attribute and in a JSON body's message. */
function expectStoredInEveryForm(cases: readonly (readonly [string, string])[]): void {
  for (const [text, stored] of cases) {
    expect(redacted(`"${text}"`).text).toBe(`"${stored}"`);
    expect(storedUnder("message")(text)).toBe(stored);
    expect(redactedLogBody(JSON.stringify({ msg: text }))).toBe(JSON.stringify({ msg: stored }));
  }
}

/** Each `[before, phone, joiner, phone]`: both phones go, whatever joins them. */
const JOINED_PHONES: readonly (readonly [string, string, string, string])[] = [
  ["call ", "+44 20 7946 0958", " | ", "+44 20 7946 0959"],
  ["Tel: ", "030 1234567", " - ", "030 1234568"],
  ["Tel: ", "030 1234567", " | ", "030 1234568"],
  ["Tel: ", "030 1234567", " & ", "030 1234568"],
  ["Tel: ", "030 1234567", " / ", "030 1234568"],
  ["Tel: ", "030 1234567", "; ", "030 1234568"],
  ["Tel./Fax ", "030 1234567", " - ", "030 1234568"],
  ["Kontakt: ", "0171 2345678", " & ", "0171 2345679"],
  ["Kontakt: ", "0171 2345678", " | ", "0171 2345679"],
  ["phone: ", "(415) 555-0132", "\n", "(415) 555-0199"],
  ["Tel: ", "030 1234567", "\n", "030 1234568"],
  ["phone: ", "415-867-5309", " | ", "212-555-0134"],
  ["tel ", "06 12 34 56 78", " - ", "06 98 76 54 32"],
];

describe("a list's next phone, whatever joins it", () => {
  const cases = JOINED_PHONES.map(([before, first, joiner, second]) => [`${before}${first}${joiner}${second}`, `${before}${PHONE}${joiner}${PHONE}`] as const);
  itStoresCounting("%j", redacted, { phone: 2 }, cases);

  it("quoted, as an attribute and a JSON body", () => expectStoredInEveryForm(cases));

  itKeepsUncounted("keeps a look-alike list %j", redacted, [
    "ports 8080 | 8081",
    "v1.2.3 - v1.2.4",
    "2026-12-04 | 2026-12-05",
    "ORD-2026-0001 & ORD-2026-0002",
    "HTTP 200 | 404",
    "took 1200 ms | 1300 ms",
    "size 1048576 - 2097152 bytes",
    "10.0.0.1 | 10.0.0.2",
    "order 12345678 & 12345679",
    "Kontakt: 12345678",
    "Kontakt: 2026-12-04",
  ]);

  itStoresCounting("keeps a tail printed otherwise %j", redacted, { phone: 1 }, [
    ["Tel: 030 1234567 | 200 OK", `Tel: ${PHONE} | 200 OK`],
    ["Tel: 030 1234567 - 2026-12-05", `Tel: ${PHONE} - 2026-12-05`],
    ["Tel: 030 1234567 & ORD-2026-0002", `Tel: ${PHONE} & ORD-2026-0002`],
    ["Tel: 030 1234567\n1733270400", `Tel: ${PHONE}\n1733270400`],
    ["Tel: 030 1234567 | 030 1234568 ms", `Tel: ${PHONE} | 030 1234568 ms`],
  ]);
});

describe("national numbers by their names", () => {
  itStoresCounting("%j", redacted, { national_id: 1 }, [
    ["NAS: 046 454 286", `NAS: ${ID}`],
    ["NAS 046-454-286", `NAS ${ID}`],
    ["numéro d'assurance sociale: 046 454 286", `numéro d'assurance sociale: ${ID}`],
    ["NHS number 943 476 5919", `NHS number ${ID}`],
    ["NHS no: 943-476-5919", `NHS no: ${ID}`],
    ["nhs_number=9434765919", `nhs_number=${ID}`],
    ["マイナンバー: 1234 5678 9018", `マイナンバー: ${ID}`],
    ["My Number 123456789018", `My Number ${ID}`],
    ["個人番号: 123456789018", `個人番号: ${ID}`],
    ["SIN: 046 454 286", `SIN: ${ID}`],
    ["sin=046454286", `sin=${ID}`],
  ]);

  it("as an attribute and a JSON body", () => {
    expect(storedUnder("message")("NHS number 943 476 5919")).toBe(`NHS number ${ID}`);
    expect(redactedLogBody(JSON.stringify({ msg: "マイナンバー: 1234 5678 9018" }))).toBe(JSON.stringify({ msg: `マイナンバー: ${ID}` }));
    expect(redactedLogBody(JSON.stringify({ sin: "046454286" }))).toBe(JSON.stringify({ sin: ID }));
  });

  itKeepsUncounted("keeps digits without the name or failing the check %j", redacted, [
    "NAS: 046 454 287",
    "NAS 192.168.1.10",
    "NAS volume 123 456 789 full",
    // A bare NAS names its document's number only printed in its groups.
    "NAS 046454286",
    "NHS number 943 476 5918",
    "trust 943 476 5919",
    "マイナンバー: 1234 5678 9012",
    "My Number 123456789012",
    "batch 123456789018",
    "sin: 12345",
    "sin=12345678",
    "SIN 0.5",
    "sin=046454287",
    "sin(x) = 0.84147",
  ]);

  it("keeps a sin key's value that is no SIN, as an attribute and a JSON body", () => {
    for (const value of ["12345", "12345678", "0.5", "046454287"]) {
      expect(storedUnder("sin")(value)).toBe(value);
      expect(redactedLogBody(JSON.stringify({ sin: value }))).toBe(JSON.stringify({ sin: value }));
    }
  });
});

describe("a checked national number in every separator and label", () => {
  itStoresCounting("%j", redacted, { national_id: 1 }, [
    ["sin=046.454.286", `sin=${ID}`],
    ['"sin":"046.454.286"', `"sin":"${ID}"`],
    ["?sin=046.454.286&x=1", `?sin=${ID}&x=1`],
    ["?sin=046+454+286&x=1", `?sin=${ID}&x=1`],
    ["?nhs_number=943+476+5919", `?nhs_number=${ID}`],
    ["?my_number=1234+5678+9018", `?my_number=${ID}`],
    ["nhs_number=943.476.5919", `nhs_number=${ID}`],
    ["SIN 046.454.286", `SIN ${ID}`],
    ["SIN: 046/454/286", `SIN: ${ID}`],
    ["S.I.N. 046 454 286", `S.I.N. ${ID}`],
    ["S.I.N 046454286", `S.I.N ${ID}`],
    ["N.A.S. 046 454 286", `N.A.S. ${ID}`],
    ["NAS 046.454.286", `NAS ${ID}`],
    ["SIN (046 454 286)", `SIN (${ID})`],
    ["SIN - 046 454 286", `SIN - ${ID}`],
    ["numéro d’assurance sociale: 046 454 286", `numéro d’assurance sociale: ${ID}`],
    ["N° d'assurance sociale: 046 454 286", `N° d'assurance sociale: ${ID}`],
    ["Numéro d'assurance sociale (NAS) : 046 454 286", `Numéro d'assurance sociale (NAS) : ${ID}`],
    ["nas=046454286", `nas=${ID}`],
    ["numero_assurance_sociale=046454286", `numero_assurance_sociale=${ID}`],
    ["NHS number: 943.476.5919", `NHS number: ${ID}`],
    ["NHS number 943  476  5919", `NHS number ${ID}`],
    ["NHS number (943) 476 5919", `NHS number ${ID}`],
    ["マイナンバー：1234 5678 9018", `マイナンバー：${ID}`],
    ["個人番号：123456789018", `個人番号：${ID}`],
    ["マイナンバー：1234\u30005678\u30009018", `マイナンバー：${ID}`],
    ["個人番号は123456789018です", `個人番号は${ID}です`],
    ["マイナンバーは 1234 5678 9018", `マイナンバーは ${ID}`],
    ["マイナンバー(個人番号): 1234 5678 9018", `マイナンバー(個人番号): ${ID}`],
    ["マイナンバーカード番号: 123456789018", `マイナンバーカード番号: ${ID}`],
    ["individual_number=123456789018", `individual_number=${ID}`],
    ["kojin_bangou=123456789018", `kojin_bangou=${ID}`],
    ["my_no=123456789018", `my_no=${ID}`],
    ["NHS number: 1764878418", `NHS number: ${ID}`],
    ["マイナンバー：１２３４ ５６７８ ９０１８", `マイナンバー：${ID}`],
    ["個人番号は１２３４５６７８９０１８です", `個人番号は${ID}です`],
    ["my_number=１２３４５６７８９０１８", `my_number=${ID}`],
    ["my_number=202612050009", `my_number=${ID}`],
  ]);

  it("as an attribute, a span's attribute and a JSON body", () => {
    for (const [key, value] of [
      ["sin", "046.454.286"], ["social_insurance_number", "046.454.286"], ["nhs_number", "943.476.5919"], ["nas", "046 454 286"],
      ["numero_assurance_sociale", "046454286"], ["individual_number", "123456789018"], ["kojin_bangou", "123456789018"], ["my_no", "123456789018"],
      ["my_number", "１２３４５６７８９０１８"],
    ] as const) {
      expect(storedUnder(key)(value)).toBe(ID);
      expect(redactedLogBody(JSON.stringify({ [key]: value }))).toBe(JSON.stringify({ [key]: ID }));
      expect(redactedLogBody(JSON.stringify({ msg: `${key}=${value}` }))).toBe(JSON.stringify({ msg: `${key}=${ID}` }));
    }
  });

  itKeepsUncounted("keeps a look-alike %j", redacted, [
    "SIN 046.454 286",
    "NAS: 046 454 286 GB free",
    "NAS: 046 454 286%",
    "NHS 1764878418",
    "my number 202612050009",
    "my number is 1234 5678 9018",
    "My Number: 1234 5678 9018 ms",
    "My Number: 1234 5678 9018 EUR",
    "sin=046454286 ms",
    "マイナンバー制度 202612050009 件",
    "NAS backup 046 454 286 bytes",
    "マイナンバー：１２３４ ５６７８ ９０１９",
    "NHS trust 943 476 5919",
    "my_no=12345",
    "nas=12345",
  ]);

  it("takes the number of a checked key's value that names its document first, as text does", () => {
    for (const [key, value, stored] of [
      ["sin", "SIN: 046 454 286", "SIN: " + ID],
      ["sin", "SIN 046454286", "SIN " + ID],
      ["sin", "Social Insurance Number: 046 454 286", "Social Insurance Number: " + ID],
      ["nas", "NAS: 046 454 286", "NAS: " + ID],
      ["nhs_number", "NHS number: 943 476 5919", "NHS number: " + ID],
      ["my_number", "My Number: 1234-5678-9018", "My Number: " + ID],
      // The check still decides.
      ["sin", "SIN: 123 456 789", "SIN: 123 456 789"],
    ] as const) {
      expect(storedUnder(key)(value)).toBe(stored);
    }
  });

  it("keeps a checked key's look-alike as an attribute and a JSON body", () => {
    for (const [key, value] of [["nas", "backup-01"], ["nas", "046454287"], ["my_no", "7"], ["individual_number", "12345"]] as const) {
      expect(storedUnder(key)(value)).toBe(value);
      expect(redactedLogBody(JSON.stringify({ [key]: value }))).toBe(JSON.stringify({ [key]: value }));
    }
  });
});

describe("a list's next phone in the first one's numbering plan", () => {
  const cases = [
    ["+49 30 1234567 | 030 7654321", `${PHONE} | ${PHONE}`],
    ["Tel: 030 1234567 | 030/7654321", `Tel: ${PHONE} | ${PHONE}`],
    ["Tel: 030 1234567 | 0307654321", `Tel: ${PHONE} | ${PHONE}`],
    ["Tel: (415) 555-0132 | 415-555-0199", `Tel: ${PHONE} | ${PHONE}`],
    ["Tel: 415-555-0132 - 415.555.0199", `Tel: ${PHONE} - ${PHONE}`],
    ["Tel: 030 1234567 — 030 7654321", `Tel: ${PHONE} — ${PHONE}`],
    ["Tel: 030 1234567 || 030 7654321", `Tel: ${PHONE} || ${PHONE}`],
    ["Tel: 030 1234567\n\n030 7654321", `Tel: ${PHONE}\n\n${PHONE}`],
    ["Tel: 030 1234567 |\n030 7654321", `Tel: ${PHONE} |\n${PHONE}`],
    ["Tel: 030 1234567 &amp; 030 7654321", `Tel: ${PHONE} &amp; ${PHONE}`],
    ["Tel: 030 1234567&nbsp;|&nbsp;030 7654321", `Tel: ${PHONE}&nbsp;|&nbsp;${PHONE}`],
    ["Tel: 030 1234567 + 030 7654321", `Tel: ${PHONE} + ${PHONE}`],
    ["Tel: 030 1234567 · 030 7654321", `Tel: ${PHONE} · ${PHONE}`],
  ] as const;
  itStoresCounting("%j", redacted, { phone: 2 }, cases);

  it("quoted, as an attribute and a JSON body", () => expectStoredInEveryForm(cases));

  itStoresCounting("keeps a member outside the plan %j", redacted, { phone: 1 }, [
    ["Tel: 0301234567 | 2026120500", `Tel: ${PHONE} | 2026120500`],
    ["phone: 415 555 0132 - 200 300 4000", `phone: ${PHONE} - 200 300 4000`],
    ["Tel: 030 1234567 - 099 1234567", `Tel: ${PHONE} - 099 1234567`],
    ["phone: 415-555-0132 | 123-456-7890", `phone: ${PHONE} | 123-456-7890`],
    ["Tel: 030 1234567 & 0171 2345679 Euro", `Tel: ${PHONE} & 0171 2345679 Euro`],
  ]);
});

describe("a contact's German number in the plan", () => {
  itStoresCounting("%j", redacted, { phone: 1 }, [
    ["Kontakt: 01712345678", `Kontakt: ${PHONE}`],
    ["Kontakt: 0049 171 2345678", `Kontakt: ${PHONE}`],
    ["Kontaktdaten: 0171 2345678", `Kontaktdaten: ${PHONE}`],
    ["Tel: 0049 171 2345678", `Tel: ${PHONE}`],
    ["Kontakt: 0228 123456", `Kontakt: ${PHONE}`],
  ]);

  itKeepsUncounted("keeps an order's, a code's, an amount %j", redacted, [
    "Kontakt: 0100 123456",
    "Kontakt 0815 123456",
    "Kontakt: 0815/123456",
    "Kontakt=0301 23456",
    "Kontakt: 0171 2345678 EUR",
    "Kontakt: 0171 2345678 Stück",
    "Kontakt: 0171 2345678 ms",
    "id 0049 171 2345678",
  ]);
});
