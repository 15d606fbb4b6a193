/**
 * What a Brazilian shop's traffic wrote that redaction missed: postal codes in prose and in JSON
 * arrays, cardholder names by their keys, phones after Portuguese calling verbs, IBANs in lower
 * case, personal values among an ORM's bound parameters. Each form beside the look-alikes that
 * must stay.
 */
import { describe, expect, it } from "vitest";
import { BUILT_IN_KINDS, defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { expectKept, expectRedacted, redactionPolicy } from "../support/redaction";
import { storedLogAttributes } from "../support/redaction";
import type { AnyValue, KeyValue } from "../../workers/shared/otlp/model";

const attr = (key: string, value: AnyValue | string): KeyValue => ({ key, value: typeof value === "string" ? { stringValue: value } : value });

const redacted = (text: string) => redactString(text, defaultRedactionPolicy()).text;
describe("postal codes in prose, after their word", () => {
  it("redacts a CEP after CEP, alone or with whose or which address it is, and a ZIP after an address", () => {
    expectRedacted([
      ["Endereço: Rua Augusta, 1500 - CEP 01304-001 - São Paulo", "Endereço: [REDACTED:street_address] - CEP [REDACTED:postal_code] - São Paulo"],

      ["Jadlog CEP destino 04538133", "Jadlog CEP destino [REDACTED:postal_code]"],
      ["enviar para CEP de entrega: 01310-100 amanhã", "enviar para CEP de entrega: [REDACTED:postal_code] amanhã"],
      ["consulta cep 01.310-100 ok", "consulta cep [REDACTED:postal_code] ok"],
      ["Rua Augusta 1500, São Paulo, CA zip 94105", "[REDACTED:street_address], São Paulo, CA zip [REDACTED:postal_code]"],
      ["Shipping address: 1 Market St, San Francisco, zip code: 94105-1234", "Shipping address: [REDACTED:street_address], San Francisco, zip code: [REDACTED:postal_code]"],
      ["billing address: Damrak 70, postcode 1012 LM Amsterdam.", "billing address: [REDACTED:street_address], postcode [REDACTED:postal_code] Amsterdam."],
    ]);
  });

  it("keeps ranges, other words after CEP, archives and counts", () => {
    expectKept([
      "faixa de CEP 01000-000 a 09999-999",
      "CEP 01000000 - 09999999 frete grátis",
      "CEP inicial 01000000",
      "Rua Augusta: zip 10001 to 10099",
      "created 12 zip 94105 files",
      "order 98765-4321 shipped, Seattle, WA 98101-1234",
      "gzip 12345678 bytes",
      "report.zip 94105 bytes",
      "cep_total 12345678",
    ]);
  });

  it("keeps an amount after an address's words: a unit or a count's noun after the number, a memory address before it", () => {
    expectKept([
      "shipping labels for Rua Augusta; zip 48213 bytes",
      "billing export done: city=SP rows=3; ZIP 94105 bytes written",
      "Shipping rates loaded\nZIP 94105 entries indexed",
      "Shipping rates loaded\\nZIP 94105 entries indexed",
      "billing address cache: zip 94105 KB, 12 files",
      "address space 0x7ffe94105000 ZIP 94105",
    ]);
    expectRedacted([
      ["Shipping address: 1 Market St, zip 94105 today", "Shipping address: [REDACTED:street_address], zip [REDACTED:postal_code] today"],
      ["Shipping address: 1 Market St, zip 94105 Bldg 2", "Shipping address: [REDACTED:street_address], zip [REDACTED:postal_code] Bldg 2"],
    ]);
  });
});

describe("postal codes in JSON arrays", () => {
  it("redacts each item under a member naming a postal code; a bare number becomes a quoted marker, so the text stays JSON", () => {
    const cep = redacted('{"cep":["01310-100","20040-020"],"n":1}');
    expect(cep).toBe('{"cep":["[REDACTED:postal_code]","[REDACTED:postal_code]"],"n":1}');
    const zip = redacted('{"zip":[94105, 10001]}');
    expect(zip).toBe('{"zip":["[REDACTED:postal_code]", "[REDACTED:postal_code]"]}');
    expect(JSON.parse(zip)).toEqual({ zip: ["[REDACTED:postal_code]", "[REDACTED:postal_code]"] });
    expect(redacted('{"shipping":{"postalCode":[ "13083-970" ]}}')).toBe('{"shipping":{"postalCode":[ "[REDACTED:postal_code]" ]}}');
    // JSON text held in a JSON string: the marker is quoted as the name is, with escapes.
    const inner = redacted(JSON.stringify({ payload: '{"zip":[94105],"cep":["01310-100"]}' }));
    expect(JSON.parse(JSON.parse(inner).payload)).toEqual({ zip: ["[REDACTED:postal_code]"], cep: ["[REDACTED:postal_code]"] });
  });

  it("redacts the items of an array held whole under a key naming one, as lifting {\"cep\":[…]} gives it", () => {
    const { values, kinds } = storedLogAttributes([attr("cep", '["01310-100"]'), attr("customer.zip", "[94105]"), attr("sku", "[94105]")]);
    expect(values).toEqual({ cep: '["[REDACTED:postal_code]"]', "customer.zip": '["[REDACTED:postal_code]"]', sku: "[94105]" });
    expect(kinds).toBe("postal_code");
  });

  it("keeps arrays under other names and ranges' bounds", () => {
    expectKept(['{"sizes":[94105, 10001], "files":["a.zip"]}', '{"cep_inicio":["01000000"],"zip_required":[12345]}', "[94105, 10001]"]);
  });

  it("redacts lists and values under plural names, as the singular's", () => {
    expectRedacted([
      ['{"postalCodes":["01304-001"]}', '{"postalCodes":["[REDACTED:postal_code]"]}'],
      ['{"zipCodes":[94105,94107]}', '{"zipCodes":["[REDACTED:postal_code]","[REDACTED:postal_code]"]}'],
      ['{"customer_zip_codes":["94105"]}', '{"customer_zip_codes":["[REDACTED:postal_code]"]}'],
      ['{"ceps":["01304-001"]}', '{"ceps":["[REDACTED:postal_code]"]}'],
    ]);
    const { values, kinds } = storedLogAttributes([attr("ceps", "01304-001"), attr("zip_codes", '["94105"]'), attr("postcodes", "1012 LM")]);
    expect(values).toEqual({ ceps: "[REDACTED:postal_code]", zip_codes: '["[REDACTED:postal_code]"]', postcodes: "[REDACTED:postal_code]" });
    expect(kinds).toBe("postal_code");
  });

  it("keeps a service's area: lists of codes served, covered or allowed are no one's address", () => {
    expectKept([
      '{"cepsAtendidos":["01304-001","01310-100"]}',
      '{"zipCodesServed":[94105,94107]}',
      '{"coverage_zips":["94105"]}',
      '{"allowed_postal_codes":["94105"],"status":"94105"}',
    ]);
    const kept = [attr("cepsAtendidos", "01304-001"), attr("coverage_zips", '["94105"]')];
    expect(storedLogAttributes(kept).kinds).toBeUndefined();
  });
});

describe("cardholder names by their keys", () => {
  const holderKeys = [
    "card.holder",
    "cardholder_name",
    "card_holder",
    "cardHolderName",
    "creditCardHolderName",
    "cardholder.name",
    "card.holder.name",
    "nameOnCard",
    "name_on_card",
    "payment.CreditCard.Holder",
    "titular_cartao",
  ];
  /** Holders' keys naming no card: a person's name (docs/decisions.md, 2026-12-03, "a holder's kind by what is held"). */
  const otherHolderKeys = ["holderName", "holder_name", "bank_account.holder", "nome_titular", "titular", "nombre_titular"];

  it("replaces the holder's name, in whatever case it is written, under the gateways' and shops' names", () => {
    const { values, kinds } = storedLogAttributes(holderKeys.map((key) => attr(key, key === "card.holder" ? "JOAO DA SILVA" : "Maria Souza")));
    expect(values).toEqual(Object.fromEntries(holderKeys.map((key) => [key, "[REDACTED:card_holder]"])));
    expect(kinds).toBe("card_holder");
    const others = storedLogAttributes(otherHolderKeys.map((key) => attr(key, "MARIA SOUZA")));
    expect(others.values).toEqual(Object.fromEntries(otherHolderKeys.map((key) => [key, "[REDACTED:person_name]"])));
    expect(others.kinds).toBe("person_name");
  });

  it("replaces a holder's name in JSON text members, as the attribute's copy would be", () => {
    const { values } = storedLogAttributes([
      attr("http.request.body", '{"payment":{"creditCard":{"holder":"Maria Souza","brand":"Visa"}},"cardholderName":"JOAO SILVA"}'),
    ]);
    expect(JSON.parse(values["http.request.body"] as string)).toEqual({
      payment: { creditCard: { holder: "[REDACTED:card_holder]", brand: "Visa" } },
      cardholderName: "[REDACTED:card_holder]",
    });
  });

  it("keeps holders of other things, keys describing the holder, numbers and blanks", () => {
    const kept = [
      attr("lock.holder", "worker-3"),
      attr("lease_holder", "node-7"),
      attr("holder_type", "individual"),
      attr("tipo_titular", "PF"),
      attr("is_titular", "true"),
      attr("titular.cpf_count", "1"),
      attr("card.name", "Visa Gold"),
      attr("card_holder", { intValue: "1" }),
      attr("holder_name", ""),
    ];
    const { values, kinds } = storedLogAttributes(kept);
    expect(values).toEqual(Object.fromEntries(kept.map(({ key, value }) => [key, "stringValue" in value ? value.stringValue : value])));
    expect(kinds).toBeUndefined();
  });

  it("walks an object or list under a holder's key: its members are ruled by their own keys, nothing else is lost", () => {
    const { values, kinds } = storedLogAttributes([
      attr("a", '{"cardholder":{"name":"Maria Souza","brand":"visa","last4":"4242"}}'),
      attr("b", '{"card":{"holder":{"name":"Maria Souza","document":"52998224725"},"brand":"visa"}}'),
      attr("c", '{"titular":{"tipo":"PF","nome":"Maria Souza"}}'),
      attr("cardholder", { kvlistValue: [attr("name", "Maria Souza"), attr("brand", "visa")] }),
    ]);
    expect(JSON.parse(values["a"] as string)).toEqual({ cardholder: { name: "[REDACTED:card_holder]", brand: "visa", last4: "4242" } });
    expect(JSON.parse(values["b"] as string)).toEqual({ card: { holder: { name: "[REDACTED:card_holder]", document: "[REDACTED:cpf]" }, brand: "visa" } });
    expect(JSON.parse(values["c"] as string)).toEqual({ titular: { tipo: "PF", nome: "[REDACTED:person_name]" } });
    expect(values["cardholder"]).toEqual({ kvlistValue: [attr("name", "[REDACTED:card_holder]"), attr("brand", "visa")] });
    expect(kinds).toBe("card_holder,cpf,person_name");
  });

  it("keeps what forms put in a name's place: flags, no value, templates, card brands, validation words, the field's label", () => {
    const kept = [
      attr("titular", "true"),
      attr("payment.titular", "Sim"),
      attr("cardholder.name", "n/a"),
      attr("holderName", "{{holderName}}"),
      attr("nameOnCard", "Visa"),
      attr("card.holder", "CARDHOLDER NAME"),
      attr("nome_titular", "Nome do titular"),
      attr("titular", "Banco do Brasil S.A."),
      attr("conta.titular", "Acme Ltda"),
      attr("body", '{"validation":{"holderName":"required"}}'),
    ];
    const { values, kinds } = storedLogAttributes(kept);
    expect(values).toEqual(Object.fromEntries(kept.map(({ key, value }) => [key, "stringValue" in value ? value.stringValue : value])));
    expect(kinds).toBeUndefined();
  });

  it("replaces a holder's name in quoted fields of JSON written into prose, as a password there is", () => {
    expectRedacted([
      [
        'payment failed: {"password":"hunter2","holderName":"JOAO P SILVA"}',
        'payment failed: {"password":"[REDACTED:secret]","holderName":"[REDACTED:person_name]"}',
      ],
      ['"nome_titular":"João"', '"nome_titular":"[REDACTED:person_name]"'],
      ['{"holderName":"JOAO SA"}', '{"holderName":"[REDACTED:person_name]"}'],
      ['{"cardHolderName":"JOAO SA"}', '{"cardHolderName":"[REDACTED:card_holder]"}'],
      ["erro {'name_on_card': 'Ana Lima'}", "erro {'name_on_card': '[REDACTED:card_holder]'}"],
      ['{"msg":"falhou {\\"cardholderName\\":\\"MARIA SOUZA\\"}"}', '{"msg":"falhou {\\"cardholderName\\":\\"[REDACTED:card_holder]\\"}"}'],
    ]);
    expect(redactString('x {"holderName":"JOAO P SILVA"}', defaultRedactionPolicy()).counts).toEqual({ person_name: 1 });
    expect(redactString('x {"cardholderName":"JOAO P SILVA"}', defaultRedactionPolicy()).counts).toEqual({ card_holder: 1 });
  });

  it("keeps fields in prose that name no card holder or hold no name", () => {
    expectKept([
      'form error: {"holderName":"required","titular":"true","nameOnCard":"Visa","cardholder_name":"n/a","holder_name":"{{holderName}}"}',
      'lock busy: {"holder":"worker-3","lease_holder":"node-7","holder_type":"individual","name":"Widget"}',
      'ok {"cardholderName":"[REDACTED:card_holder]"}',
    ]);
  });

  it("is a kind a policy can turn off", () => {
    expect(redactString('x {"cardholderName":"JOAO P SILVA"}', redactionPolicy({ disabledDetectors: ["card_holder"] })).text).toBe('x {"cardholderName":"JOAO P SILVA"}');
    // Another holder's name is a person's, kept only when that kind is off.
    expect(redactString('x {"holderName":"JOAO P SILVA"}', redactionPolicy({ disabledDetectors: ["person_name"] })).text).toBe('x {"holderName":"JOAO P SILVA"}');
    expect(BUILT_IN_KINDS).toContain("card_holder");
    const off = redactionPolicy({ disabledDetectors: ["card_holder"] });
    expect(storedLogAttributes([attr("card.holder", "Maria Souza")], off).values).toEqual({ "card.holder": "Maria Souza" });
  });
});

describe("phones after calling verbs", () => {
  it("redacts a number in groups after a verb saying a call came from it or goes to it, in Portuguese, Spanish and English", () => {
    expectRedacted([
      ["cliente ligou do 11 3456-7890 reclamando", "cliente ligou do [REDACTED:phone] reclamando"],
      ["ligou de 11 98765-4321", "ligou de [REDACTED:phone]"],
      ["retornar para 11 3456 7890", "retornar para [REDACTED:phone]"],
      ["liguei para 11 3456-7890 ontem; retorne no 21 2345-6789", "liguei para [REDACTED:phone] ontem; retorne no [REDACTED:phone]"],
      ["llamó del 11 3456-7890", "llamó del [REDACTED:phone]"],
      ["customer called from 415 555 0100", "customer called from [REDACTED:phone]"],
    ]);
  });

  it("keeps versions, ranges, times, counts, a thing's number and numbers not in groups after a verb", () => {
    expectKept([
      "versão 11 3456",
      "ligou 3 vezes entre 10 1234 e 11 5678",
      "retornar para 10:30 amanhã",
      "ligou do pedido 11 3456-7890",
      "atualizado de 11 3456-7890 para 12 3456-7890",
      "ligou 12 vezes, retornar em 2026-12-02",
      "call 12345678 ended",
    ]);
  });

  it("reads a line break as a blank, and a line's word after the verb as naming the phone", () => {
    expectRedacted([
      ["ligou do\n11 3456-7890", "ligou do\n[REDACTED:phone]"],
      ['{"msg":"ligou do\\n11 3456-7890"}', '{"msg":"ligou do\\n[REDACTED:phone]"}'],
      ['{"p":"{\\"msg\\":\\"ligou do\\\\n11 3456-7890\\"}"}', '{"p":"{\\"msg\\":\\"ligou do\\\\n[REDACTED:phone]\\"}"}'],
      ["tel:\n11987654321", "tel:\n[REDACTED:phone]"],
      ["Cliente ligou do\r\n11 3456-7890", "Cliente ligou do\r\n[REDACTED:phone]"],
      ["Cliente ligou do número 11 3456-7890", "Cliente ligou do número [REDACTED:phone]"],
      ["ligou do fixo 1134567890", "ligou do fixo [REDACTED:phone]"],
      ["customer called from home 415 555 0100", "customer called from home [REDACTED:phone]"],
    ]);
    expectKept(["ligou do cache 11 3456 vezes", "Job ligou do worker 11 3456-7890 tarefas", "ligou do\npedido 11 3456-7890", "call\n12345678 ended"]);
  });
});

describe("IBANs in lower case", () => {
  it("redacts one with a valid checksum after the word IBAN or in the print format's groups", () => {
    expectRedacted([
      ["iban de89370400440532013000", "iban [REDACTED:iban]"],
      ["iban de89 3704 0044 0532 0130 00", "iban [REDACTED:iban]"],
      ["transfer to de89 3704 0044 0532 0130 00 ok", "transfer to [REDACTED:iban] ok"],
      ["IBAN: gb82west12345698765432", "IBAN: [REDACTED:iban]"],
      ['{"iban":"br1500000000000010932840814p2"}', '{"iban":"[REDACTED:iban]"}'],
    ]);
  });

  it("keeps lower-case ids of an IBAN's length without the word, and failing checksums", () => {
    expectKept(["span be71096123456769 done", "id de89370400440532013000", "iban de89370400440532013001", "iban de89 3704 0044 0532 0130 01"]);
  });
});

describe("phones among an ORM's bound parameters", () => {
  it("redacts a parameter whose placeholder the logged statement puts in a phone's column", () => {
    expectRedacted([
      ['query: INSERT INTO "user"("name", "email", "phone") VALUES ($1, $2, $3) -- PARAMETERS: ["João","ana@example.com","1134567890"]', 'query: INSERT INTO "user"("name", "email", "phone") VALUES ($1, $2, $3) -- PARAMETERS: ["[REDACTED:person_name]","[REDACTED:email]","[REDACTED:phone]"]'],
      ['query: UPDATE `cliente` SET `telefone` = ?, `sku` = ? WHERE `id` = ? -- PARAMETERS: ["1134567890","1134567890",42]', 'query: UPDATE `cliente` SET `telefone` = ?, `sku` = ? WHERE `id` = ? -- PARAMETERS: ["[REDACTED:phone]","1134567890",42]'],
      ['Executing (default): INSERT INTO "users" ("id","name","phone") VALUES (DEFAULT,$1,$2) RETURNING "id"; "João", "1134567890"', 'Executing (default): INSERT INTO "users" ("id","name","phone") VALUES (DEFAULT,$1,$2) RETURNING "id"; "[REDACTED:person_name]", "[REDACTED:phone]"'],
    ]);
  });

  it("redacts e-mails and phones in a list logged without its statement; a Brazilian mobile's digits as a quoted string", () => {
    expectRedacted([
      ['-- PARAMETERS: ["ana@example.com","+55 11 98765-4321","João"]', '-- PARAMETERS: ["[REDACTED:email]","[REDACTED:phone]","João"]'],
      ['Params: ["ana@example.com","11987654321"]', 'Params: ["[REDACTED:email]","[REDACTED:phone]"]'],
    ]);
  });

  it("keeps numbers bound to other columns, numbers that are no mobile's, and bare numbers without a statement", () => {
    expectKept([
      'query: SELECT * FROM "order" WHERE "order_number" = $1 -- PARAMETERS: ["1134567890"]',
      'query: INSERT INTO "item"("sku", "qty") VALUES ($1, $2) -- PARAMETERS: ["11987654321",2]',
      'Params: [11987654321, "12345678901", "01987654321"]',
    ]);
  });
});

describe("a thing's number on the line after its name", () => {
  it("keeps an order's or a SKU's number after a line break, raw or escaped, as on one line; a phone's word still names a phone", () => {
    expectKept([
      "Pedido:\n11 98765-4321",
      "sku\n11 98765-4321",
      String.raw`{"m":"Pedido:\n11 98765-4321"}`,
      String.raw`{"m":"sku\n11 98765-4321"}`,
    ]);
    expectRedacted([
      ["tel:\n11 98765-4321", "tel:\n[REDACTED:phone]"],
      [String.raw`{"m":"ligou do\n11 3456-7890"}`, String.raw`{"m":"ligou do\n[REDACTED:phone]"}`],
    ]);
  });
});
