/**
 * One value, one verdict, whatever form a sender gives it: for every kind of key whose value
 * redaction reads (a postal code, a CPF, a CNPJ, a tax id, a person's id, an SSN, a phone, an RG,
 * a CNH, a PIX key, a card), the same number sent as a string attribute, as an integer
 * attribute (what pino and winston lift `{cliente:{cpf:10023456779}}` to), as a JSON member of
 * a body, and in a list (an OTLP array of both, a body's JSON array, and the comma list a form or a
 * query writes) is redacted as the same kind everywhere, or kept everywhere; in log record, span
 * event and metric point attributes. Through the pure core (`prepareExport`), as the Worker runs it.
 */
import { describe, expect, it } from "vitest";
import { prepareExport, type PipelineOptions } from "../../workers/ingest/core/pipeline";
import { DEFAULT_NORMALIZATION_OPTIONS } from "../../workers/ingest/core/normalize";
import { defaultRedactionPolicy } from "../../workers/ingest/core/redact";
import { DEFAULT_REQUEST_LIMITS } from "../../workers/ingest/core/limits";
import type { AttributeMap } from "../../workers/ingest/core/rows/attributes";
import { Place } from "../../workers/ingest/core/redact/detectors/detector";
import { workDone } from "../../workers/ingest/core/redact/scan-scope";
import { RedactionTally } from "../../workers/ingest/core/redact/tally";

const OPTIONS: PipelineOptions = {
  normalization: DEFAULT_NORMALIZATION_OPTIONS,
  redaction: defaultRedactionPolicy(),
  limits: DEFAULT_REQUEST_LIMITS,
};
const NOW = "1796000000000000000";
/** An attribute as OTLP/JSON writes it. */
interface JsonAttribute {
  key: string;
  value: unknown;
}
const str = (stringValue: string) => ({ stringValue });
const int = (intValue: string) => ({ intValue });
const service = { key: "service.name", value: str("checkout") };
const encode = (request: unknown) => new TextEncoder().encode(JSON.stringify(request));

function mapOf(map: AttributeMap): Record<string, string> {
  const entries: Record<string, string> = {};
  for (let i = 0; i < map.length; i += 2) entries[map[i]!] = map[i + 1]!;
  return entries;
}

/** The stored log row's body and attributes for one record. */
function storedLog(attributes: JsonAttribute[], body = "pedido criado"): { body: string; attributes: Record<string, string> } {
  const request = { resourceLogs: [{ resource: { attributes: [service] }, scopeLogs: [{ logRecords: [{ timeUnixNano: NOW, body: str(body), attributes }] }] }] };
  const row = prepareExport("logs", "json", encode(request), OPTIONS, NOW).batches[0]!.rows[0] as { Body: string; LogAttributes: AttributeMap };
  return { body: row.Body, attributes: mapOf(row.LogAttributes) };
}

/** The stored attributes of a span event holding `attributes`. */
function storedSpanEvent(attributes: JsonAttribute[]): Record<string, string> {
  const span = {
    traceId: "5b8efff798038103d269b633813fc60c",
    spanId: "eee19b7ec3c1b174",
    name: "POST /checkout",
    kind: 2,
    startTimeUnixNano: NOW,
    endTimeUnixNano: NOW,
    events: [{ timeUnixNano: NOW, name: "pedido", attributes }],
    status: {},
  };
  const request = { resourceSpans: [{ resource: { attributes: [service] }, scopeSpans: [{ spans: [span] }] }] };
  const row = prepareExport("traces", "json", encode(request), OPTIONS, NOW).batches[0]!.rows[0] as { "Events.Attributes": AttributeMap[] };
  return mapOf(row["Events.Attributes"][0]!);
}

/** The stored attributes of a metric point holding `attributes`. */
function storedPoint(attributes: JsonAttribute[]): Record<string, string> {
  const metric = { name: "orders", sum: { aggregationTemporality: 2, isMonotonic: true, dataPoints: [{ timeUnixNano: NOW, asInt: "1", attributes }] } };
  const request = { resourceMetrics: [{ resource: { attributes: [service] }, scopeMetrics: [{ metrics: [metric] }] }] };
  const row = prepareExport("metrics", "json", encode(request), OPTIONS, NOW).batches[0]!.rows[0] as { Attributes: AttributeMap };
  return mapOf(row.Attributes);
}

interface Case {
  /** The key, also the JSON member's name in the body. */
  key: string;
  /** Digits, so that the same number is also sent as an integer. */
  value: string;
  /** The marker's kind every form must be redacted as, or undefined when every form is kept. */
  kind: string | undefined;
  /** A second value of the same kind, for lists. */
  other?: string;
  /** The separator of a comma list of the two values as one string (postal codes). */
  listed?: string;
}

const CASES: Case[] = [
  { key: "zip", value: "94103", other: "10001", kind: "postal_code" },
  { key: "zips", value: "94103", other: "10001", listed: ",", kind: "postal_code" },
  { key: "zip_codes", value: "94103", other: "10001", listed: ",", kind: "postal_code" },
  { key: "ceps", value: "13083970", other: "04538133", listed: ", ", kind: "postal_code" },
  // A CEP as a number has lost São Paulo's leading zero: 01310-100 is 1310100.
  { key: "cep", value: "1310100", other: "4538133", kind: "postal_code" },
  { key: "cliente.cep", value: "1310100", kind: "postal_code" },
  { key: "cpf", value: "10023456779", other: "52998224725", kind: "cpf" },
  { key: "customer.cpf", value: "52998224725", kind: "cpf" },
  { key: "cliente.cpf", value: "10023456779", kind: "cpf" },
  { key: "tax_id", value: "10023456779", kind: "cpf" },
  { key: "cpfs", value: "52998224725", other: "10023456779", listed: ",", kind: "cpf" },
  { key: "cnpj", value: "11222333000181", other: "11444777000161", kind: "cnpj" },
  { key: "user.id", value: "52998224725", kind: "cpf" },
  { key: "user_ids", value: "52998224725", other: "10023456779", kind: "cpf" },
  { key: "ssn", value: "123456789", other: "234567890", listed: ",", kind: "ssn" },
  { key: "ssns", value: "123456789", other: "234567890", listed: ", ", kind: "ssn" },
  { key: "phone", value: "11987654321", other: "11912345678", listed: ", ", kind: "phone" },
  { key: "phones", value: "11987654321", other: "11912345678", listed: ", ", kind: "phone" },
  { key: "telefones", value: "11987654321", other: "11912345678", listed: ",", kind: "phone" },
  // A list's name: its item's with `numbers` or a list's word (`list-names.ts`).
  { key: "phoneNumbers", value: "4155550132", other: "4155550133", listed: " ", kind: "phone" },
  { key: "phone_numbers", value: "11987654321", other: "21998765432", listed: "; ", kind: "phone" },
  { key: "phoneList", value: "11987654321", other: "21998765432", listed: ",", kind: "phone" },
  { key: "socialSecurityNumbers", value: "234567890", other: "345678901", listed: ", ", kind: "ssn" },
  { key: "ssn_list", value: "234567890", other: "345678901", listed: " ", kind: "ssn" },
  { key: "SSN_ARRAY", value: "234567890", other: "345678901", listed: ";", kind: "ssn" },
  { key: "cpf_list", value: "52998224725", other: "10023456779", listed: ",", kind: "cpf" },
  { key: "zip_list", value: "94103", other: "10001", listed: ",", kind: "postal_code" },
  { key: "rg", value: "123456789", kind: "rg" },
  { key: "pix_key", value: "52998224725", kind: "pix_key" },
  { key: "card_number", value: "4111111111111111", other: "5555555555554444", kind: "card" },
  { key: "payment.card", value: "4111111111111111", kind: "card" },
  // Look-alikes: a thing's number, counts, a card's last digits, a code too short to be one.
  { key: "order_id", value: "52998224725", kind: undefined },
  { key: "numero_pedido", value: "10023456779", kind: undefined },
  { key: "zip_count", value: "2", kind: undefined },
  { key: "zips", value: "3", kind: undefined },
  { key: "card.last4", value: "1111", kind: undefined },
  { key: "nsu", value: "52998224725", kind: undefined },
  // Nine-digit ids and amounts in lists: no name of an SSN or a phone.
  { key: "ids", value: "123456789", other: "234567890", listed: ", ", kind: undefined },
  { key: "amounts", value: "123456789", other: "234567890", listed: ",", kind: undefined },
  // A list's word or `numbers` after no name of a person's number: things' numbers, counts.
  { key: "order_numbers", value: "123456789", other: "234567890", listed: " ", kind: undefined },
  { key: "amount_list", value: "123456789", other: "234567890", listed: "; ", kind: undefined },
  { key: "phone_list_size", value: "12345678", kind: undefined },
  // CPF-valid ids in lists of things' ids, whatever the plural's form; a person's list still wins.
  { key: "ids", value: "52998224725", other: "11144477735", listed: ",", kind: undefined },
  { key: "orderIds", value: "52998224725", other: "11144477735", listed: ", ", kind: undefined },
  { key: "skus", value: "52998224725", other: "11144477735", listed: ",", kind: undefined },
  { key: "trackingNumbers", value: "52998224725", other: "11144477735", kind: undefined },
  { key: "customer_cpfs", value: "52998224725", other: "11144477735", listed: ",", kind: "cpf" },
];

/** One stored form of a case's value: where, what it became, what was sent, the kind it must be redacted as. */
interface Form {
  where: string;
  stored: string | undefined;
  sent: string;
  kind: string | undefined;
}

/** Every stored form of a case's value. */
function storedForms({ key, value, other, listed, kind }: Case): Form[] {
  const forms: Form[] = [];
  const kinds: [string, unknown, string][] = [
    ["a string attribute", str(value), value],
    ["an integer attribute", int(value), value],
  ];
  // An array attribute is stored as its JSON text, as the Collector's exporter writes it.
  if (other !== undefined) kinds.push(["an array of a string and an integer", { arrayValue: { values: [str(value), int(other)] } }, `[${JSON.stringify(value)},${other}]`]);
  if (listed !== undefined) kinds.push(["a comma list", str(`${value}${listed}${other!}`), `${value}${listed}${other!}`]);
  for (const [form, anyValue, sent] of kinds) {
    const attribute = [{ key, value: anyValue }];
    forms.push({ where: `${form} of a log record`, stored: storedLog(attribute).attributes[key], sent, kind });
    forms.push({ where: `${form} of a span event`, stored: storedSpanEvent(attribute)[key], sent, kind });
    forms.push({ where: `${form} of a metric point`, stored: storedPoint(attribute)[key], sent, kind });
  }
  for (const member of [JSON.stringify(value), value]) {
    // A body that is JSON without a message stays as written; its members are lifted too.
    const body = `{"${key}":${member},"level":"info"}`;
    const log = storedLog([], body);
    forms.push({ where: `the JSON member ${member} of a body`, stored: log.body, sent: body, kind });
    forms.push({ where: `the attribute lifted from ${body}`, stored: log.attributes[key], sent: value, kind });
  }
  if (other !== undefined) {
    // A JSON array in a body: numbers as a logger writes them (a leading zero is no JSON number), and strings.
    const items = [value, other];
    const arrays = items.some((item) => item.startsWith("0")) ? [JSON.stringify(items)] : [JSON.stringify(items), `[${items.join(",")}]`];
    for (const array of arrays) {
      const body = `{"${key}":${array},"level":"info"}`;
      const log = storedLog([], body);
      forms.push({ where: `the JSON array ${array} of a body`, stored: log.body, sent: body, kind });
      forms.push({ where: `the attribute lifted from ${body}`, stored: log.attributes[key], sent: array, kind });
    }
  }
  return forms;
}

describe("a value under a key gets one verdict in every form it is sent in", () => {
  it.each(CASES)("$key = $value: $kind", (entry) => {
    for (const { where, stored, sent, kind } of storedForms(entry)) {
      const digits = [entry.value, entry.other].filter((item) => item !== undefined);
      if (kind === undefined) {
        expect(stored, where).toBe(sent);
      } else {
        expect(stored, where).toContain(`[REDACTED:${kind}`);
        for (const secret of digits) expect(stored, where).not.toContain(secret);
      }
    }
  });

  it("reads a list's items as the text after a name reads them: a year among postal codes is kept", () => {
    expect(storedLog([{ key: "zips", value: str("94103,2026") }]).attributes.zips).toBe("[REDACTED:postal_code],2026");
    expect(storedLog([], "zips=94103,2026").body).toBe("zips=[REDACTED:postal_code],2026");
    expect(storedLog([{ key: "zips", value: str("SW1A 1AA, EC1A 1BB") }]).attributes.zips).toBe("[REDACTED:postal_code], [REDACTED:postal_code]");
    // Not a postal code's key: a list of numbers stays.
    expect(storedLog([{ key: "ids", value: str("94103,10001") }]).attributes.ids).toBe("94103,10001");
  });

  it("reads the later items of an SSN's or a phone's list in text as its first, when printed alike", () => {
    const redacted = (text: string) => OPTIONS.redaction.scanner!.redact(text, new RedactionTally(), 0, 0);
    expect(redacted("ssn: 123456789, 234567890")).toBe("ssn: [REDACTED:ssn], [REDACTED:ssn]");
    expect(redacted('applicant {"ssn":["123456789","234567890"]}')).toBe('applicant {"ssn":["[REDACTED:ssn]","[REDACTED:ssn]"]}');
    expect(redacted("phones: 11987654321, 11912345678")).toBe("phones: [REDACTED:phone], [REDACTED:phone]");
    expect(redacted("celulares=11987654321,11912345678&page=2")).toBe("celulares=[REDACTED:phone],[REDACTED:phone]&page=2");
    // Pretty-printed (`JSON.stringify(value, null, 2)`): a line break and indentation before each item.
    const pretty = JSON.stringify({ cliente: { phones: [11987654321, 11912345678], ssn: ["123456789", "234567890"], ids: [123456789, 234567890] } }, null, 2);
    expect(JSON.parse(redacted(pretty))).toEqual({
      cliente: { phones: ["[REDACTED:phone]", "[REDACTED:phone]"], ssn: ["[REDACTED:ssn]", "[REDACTED:ssn]"], ids: [123456789, 234567890] },
    });
    // A count or a short code after the list's first item is no item printed as it.
    expect(redacted("ssn: 123456789, 12345")).toBe("ssn: [REDACTED:ssn], 12345");
    expect(redacted("phone: 11987654321, 2 tentativas")).toBe("phone: [REDACTED:phone], 2 tentativas");
    // A list after no name of an SSN or a phone: ids, amounts.
    expect(redacted("ids: [123456789, 234567890]")).toBe("ids: [123456789, 234567890]");
    expect(redacted("amounts=123456789,234567890")).toBe("amounts=123456789,234567890");
    // A list's item after a word that is not the list's name stays.
    expect(redacted("ssn: 123456789, order 234567890")).toBe("ssn: [REDACTED:ssn], order 234567890");
  });

  it("reads every item of an SSN's or a phone's list, whatever form each is written in and however they are separated", () => {
    const redacted = (text: string) => OPTIONS.redaction.scanner!.redact(text, new RedactionTally(), 0, 0);
    // Items written in different forms, in JSON arrays, as strings and numbers.
    expect(redacted('{"ssns":["123-45-6789","234567890"]}')).toBe('{"ssns":["[REDACTED:ssn]","[REDACTED:ssn]"]}');
    expect(redacted('{"ssns":["123-45-6789",345678901]}')).toBe('{"ssns":["[REDACTED:ssn]","[REDACTED:ssn]"]}');
    expect(redacted('{"ssns":["234567890","345 67 8901"]}')).toBe('{"ssns":["[REDACTED:ssn]","[REDACTED:ssn]"]}');
    expect(redacted('{"phones":["+1 415 555 0132","4155550133"]}')).toBe('{"phones":["[REDACTED:phone]","[REDACTED:phone]"]}');
    expect(redacted('{"phones":["(11) 98765-4321","21998765432"]}')).toBe('{"phones":["[REDACTED:phone]","[REDACTED:phone]"]}');
    // In prose: `,`, `;` or blanks between the items.
    expect(redacted("ssns: 123-45-6789, 234567890")).toBe("ssns: [REDACTED:ssn], [REDACTED:ssn]");
    expect(redacted("ssns: 234567890 345678901")).toBe("ssns: [REDACTED:ssn] [REDACTED:ssn]");
    expect(redacted("phones: 4155550132 4155550133")).toBe("phones: [REDACTED:phone] [REDACTED:phone]");
    expect(redacted("telefones: 11987654321; 21998765432")).toBe("telefones: [REDACTED:phone]; [REDACTED:phone]");
    expect(redacted("phoneList: +1 415 555 0132; (415) 555-0133")).toBe("phoneList: [REDACTED:phone]; [REDACTED:phone]");
    // Names of lists: an item's name with `numbers` or a list's word.
    expect(redacted('{"phoneNumbers":["4155550132","4155550133"]}')).toBe('{"phoneNumbers":["[REDACTED:phone]","[REDACTED:phone]"]}');
    expect(redacted('{"phone_numbers":["4155550132"]}')).toBe('{"phone_numbers":["[REDACTED:phone]"]}');
    expect(redacted('{"socialSecurityNumbers":["234567890"]}')).toBe('{"socialSecurityNumbers":["[REDACTED:ssn]"]}');
    expect(redacted('{"ssn_list":["234567890","345678901"]}')).toBe('{"ssn_list":["[REDACTED:ssn]","[REDACTED:ssn]"]}');
    expect(redacted("SSN list: 123-45-6789 234 56 7890")).toBe("SSN list: [REDACTED:ssn] [REDACTED:ssn]");
    expect(redacted("zip_list=94103,10001")).toBe("zip_list=[REDACTED:postal_code],[REDACTED:postal_code]");
    // Look-alikes: a count, an amount, a date or a sentence's next number after an item; lists under other names.
    expect(redacted("phones: 4155550132 3 calls")).toBe("phones: [REDACTED:phone] 3 calls");
    expect(redacted("phone: 11987654321 1500.00")).toBe("phone: [REDACTED:phone] 1500.00");
    expect(redacted("phones: 11987654321, 2026-12-01")).toBe("phones: [REDACTED:phone], 2026-12-01");
    expect(redacted("ssn: 123-45-6789. 234567890 bytes")).toBe("ssn: [REDACTED:ssn]. 234567890 bytes");
    // Blanks separate whole numbers only, not a status or a count before a timestamp.
    expect(redacted("GET /x phone=11987654321 200 512 1733059200 ok")).toBe("GET /x phone=[REDACTED:phone] 200 512 1733059200 ok");
    expect(redacted("ids: 123456789 234567890")).toBe("ids: 123456789 234567890");
    expect(redacted("amounts: 123456789; 234567890")).toBe("amounts: 123456789; 234567890");
    expect(redacted("ts=1733059200 1733059201")).toBe("ts=1733059200 1733059201");
    expect(redacted("order_numbers: 123456789, 234567890")).toBe("order_numbers: 123456789, 234567890");
    expect(redacted("playlist=94103")).toBe("playlist=94103");
    // After a verb, numbers in a row may be calls' ids, the first as the later ones.
    expect(redacted("call 12345678 23456789")).toBe("call 12345678 23456789");
  });

  it("gives a JSON list's items in a body one verdict with the attribute lifted from it", () => {
    for (const [key, items] of [
      ["ssns", ["123-45-6789", "234567890"]],
      ["ssns", ["234567890", "345 67 8901"]],
      ["phones", ["+1 415 555 0132", "4155550133"]],
      ["phones", ["(11) 98765-4321", "21998765432"]],
      ["phoneNumbers", ["4155550132", "4155550133"]],
      ["socialSecurityNumbers", ["234567890"]],
      ["ssn_list", ["234567890", "345678901"]],
    ] as const) {
      const body = JSON.stringify({ [key]: items, level: "info" });
      const log = storedLog([], body);
      for (const stored of [log.body, log.attributes[key]!]) {
        for (const item of items) expect(stored, `${body}: ${stored}`).not.toContain(item);
        expect(stored.split("[REDACTED:").length - 1, `${body}: ${stored}`).toBe(items.length);
      }
    }
  });

  it("reads a CSV row's fields apart: a `,` after a word separates, after one to three digits it is a decimal's", () => {
    const redacted = (text: string) => OPTIONS.redaction.scanner!.redact(text, new RedactionTally(), 0, 0);
    expect(redacted("Ana,52998224725,SP")).toBe("Ana,[REDACTED:cpf],SP");
    expect(redacted('"Ana Souza",529.982.247-25,"São Paulo"')).toBe('"Ana Souza",[REDACTED:cpf],"São Paulo"');
    expect(redacted("Ana,11222333000181,SP")).toBe("Ana,[REDACTED:cnpj],SP");
    expect(redacted("John,123-45-6789,NY")).toBe("John,[REDACTED:ssn],NY");
    // A phone in a row is one only under a name, as anywhere.
    expect(redacted("Ana,11987654321,SP")).toBe("Ana,11987654321,SP");
    // Decimals and thousands look-alikes, as the CPF lists' record decided.
    expect(redacted("lat,-23,52998224725")).toBe("lat,-23,52998224725");
    expect(redacted("total,52998224725,50")).toBe("total,52998224725,50");
    expect(redacted("R$ 1.234,52998224725")).toBe("R$ 1.234,52998224725");
  });

  it("takes an SSN or a CPF printed with its dashes and dots beside a number's field: no number is written so", () => {
    const redacted = (text: string) => OPTIONS.redaction.scanner!.redact(text, new RedactionTally(), 0, 0);
    for (const [text, expected] of [
      ["42,234-12-2143", "42,[REDACTED:ssn]"],
      ["order 42,234-12-2143", "order 42,[REDACTED:ssn]"],
      ["id,ssn,created\n42,234-12-2143,2026-12-01", "id,ssn,created\n42,[REDACTED:ssn],2026-12-01"],
      ["Ana,123-45-6789,12", "Ana,[REDACTED:ssn],12"],
      ["42,529.982.247-25", "42,[REDACTED:cpf]"],
      ["id,cpf,created\n42,291.013.630-26,2026-12-01", "id,cpf,created\n42,[REDACTED:cpf],2026-12-01"],
      ["(42,529.982.247-25,19.99)", "(42,[REDACTED:cpf],19.99)"],
      ["42,11.222.333/0001-81,1", "42,[REDACTED:cnpj],1"],
    ] as const) expect(redacted(text)).toBe(expected);
    // Unpunctuated, the digits a comma joins to one to three digits are still that number's.
    for (const kept of ["12,123456789", "ssn=123456789,5", "lat,-23,52998224725", "total 1.234.567,89"]) expect(redacted(kept)).toBe(kept);
  });

  it("keeps a printed SSN or CPF after `N,` under a name of things' ids, parts, orders, measures or phones: the name says what the value's numbers are", () => {
    const redacted = (text: string) => OPTIONS.redaction.scanner!.redact(text, new RedactionTally(), 0, 0);
    for (const kept of [
      "skus=42,123-45-6789",
      "part_number=42,123-45-6789",
      "order_ids=42,234-12-2143",
      "order_ids=42,529.982.247-25",
      "pedidos=42,529.982.247-25",
      "phone: 42,555-12-3456",
      "offsets=42,234-12-2143,7",
    ]) expect(redacted(kept)).toBe(kept);
    // Under a person's document, a person's ids, or no name (an SQL tuple's, a CSV row's field), they are still the document.
    for (const [text, expected] of [
      ["ssn=42,123-45-6789", "ssn=42,[REDACTED:ssn]"],
      ["user_ids=42,123-45-6789", "user_ids=42,[REDACTED:ssn]"],
      ["cpfs=42,529.982.247-25", "cpfs=42,[REDACTED:cpf]"],
      ["(42,123-45-6789,7)", "(42,[REDACTED:ssn],7)"],
      ["order 42,234-12-2143", "order 42,[REDACTED:ssn]"],
      ["note=42,529.982.247-25", "note=42,[REDACTED:cpf]"],
    ] as const) expect(redacted(text)).toBe(expected);
  });

  it("keeps a card-like item of a comma list under an ids key alike in the Body's JSON and the attribute lifted from it", () => {
    const log = storedLog([{ key: "ids", value: str("42,4111111111111111,7") }], '{"ids":"42,4111111111111111,7"}');
    expect(log.attributes.ids).toBe("42,4111111111111111,7");
    expect(log.body).toBe('{"ids":"42,4111111111111111,7"}');
  });

  it("keeps an integer under a name that says nothing of a person or a card: a quantity, though its digits pass a CPF's check", () => {
    const { attributes } = storedLog([
      { key: "amount_cents", value: int("52998224725") },
      { key: "users", value: int("10023456779") },
      { key: "order_ids", value: int("10023456779") },
      { key: "note", value: str("52998224725") },
    ]);
    expect(attributes.amount_cents).toBe("52998224725");
    expect(attributes.users).toBe("10023456779");
    expect(attributes.order_ids).toBe("10023456779");
    // As text, unnamed, the same digits may be anyone's CPF.
    expect(attributes.note).toBe("[REDACTED:cpf]");
  });

  it("writes the marker as a string where an integer was, and a metric point's as a keyed hash that keeps series apart", () => {
    const first = storedPoint([{ key: "cpf", value: int("10023456779") }]).cpf!;
    const second = storedPoint([{ key: "cpf", value: int("52998224725") }]).cpf!;
    expect(first).toMatch(/^\[REDACTED:cpf:[0-9a-f]+\]$/);
    expect(second).toMatch(/^\[REDACTED:cpf:[0-9a-f]+\]$/);
    expect(first).not.toBe(second);
    expect(storedLog([{ key: "cnpj", value: int("11222333000181") }]).attributes).toMatchObject({
      cnpj: "[REDACTED:cnpj]",
      "redaction.count": "1",
      "redaction.kinds": "cnpj",
    });
  });

  it("reads a whole value's list of n codes in work linear in n, every item redacted", () => {
    const scanner = OPTIONS.redaction.scanner!;
    const read = (items: number) => {
      const before = workDone();
      const text = scanner.redact(Array.from({ length: items }, () => "94103").join(","), new RedactionTally(), 0, Place.POSTAL_CODE_VALUE);
      return { work: workDone() - before, text };
    };
    const small = read(10_000);
    const large = read(20_000);
    expect(small.text).toBe(Array.from({ length: 10_000 }, () => "[REDACTED:postal_code]").join(","));
    expect(small.work).toBeGreaterThan(0);
    expect(large.work).toBeLessThanOrEqual(2 * small.work + 8192);
  });
});
