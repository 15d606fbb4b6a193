/**
 * Postal codes under their own keys and fields, IBANs, visitor location in text forms, and
 * phones as SQL values: each form a sender writes, beside the look-alikes that must stay.
 */
import { describe, expect, it } from "vitest";
import { metricsRequest } from "../support/model-builders";
import { redactionPolicy, storedLogAttributes, scannedText } from "../support/redaction";
import type { AnyValue, KeyValue, NumberDataPoint } from "../../workers/shared/otlp/model";
import { BUILT_IN_KINDS, defaultRedactionPolicy, redactRequest, redactString } from "../../workers/ingest/core/redact";
import { isValidIbanChecksum } from "../../workers/ingest/core/redact/detectors/iban";
import { itKeeps, itStores } from "../support/redaction-cases";

const str = (stringValue: string): AnyValue => ({ stringValue });
const attr = (key: string, value: AnyValue | string): KeyValue => ({ key, value: typeof value === "string" ? str(value) : value });

const policy = redactionPolicy;
const redacted = (text: string, with_ = defaultRedactionPolicy()) => scannedText(text, with_).text;
const asLogAttributes = storedLogAttributes;

function pointsRequest(points: KeyValue[][]) {
  const dataPoints: NumberDataPoint[] = points.map((attributes) => ({
    attributes,
    startTimeUnixNano: "0",
    timeUnixNano: "1",
    value: { asInt: "1" },
    exemplars: [],
    flags: 0,
  }));
  const data = { type: "sum", dataPoints, aggregationTemporality: 2, isMonotonic: true } as const;
  return metricsRequest([{ name: "orders", description: "", unit: "1", metadata: [], data }]);
}

describe("postal codes under a key naming one", () => {
  it("redacts a value shaped as a postal code, whole, under the name words the parameters use", () => {
    const { values, kinds } = asLogAttributes([
      attr("cep", "01310-100"),
      attr("customer.zip", "94105"),
      attr("billing_zip", "94105-1234"),
      attr("shipping.postalCode", "13083-970"),
      attr("address.postal_code", "SW1A 1AA"),
      attr("address.postal.code", "K1A 0B1"),
      attr("cepDestino", "01310100"),
    ]);
    expect(values).toEqual({
      cep: "[REDACTED:postal_code]",
      "customer.zip": "[REDACTED:postal_code]",
      billing_zip: "[REDACTED:postal_code]",
      "shipping.postalCode": "[REDACTED:postal_code]",
      "address.postal_code": "[REDACTED:postal_code]",
      "address.postal.code": "[REDACTED:postal_code]",
      cepDestino: "[REDACTED:postal_code]",
    });
    expect(kinds).toBe("postal_code");
  });

  it("redacts a whole value with the blanks or line break a form leaves around it, and keeps them", () => {
    const { values } = asLogAttributes([attr("customer.zip", "94103 "), attr("cep", " 01310-100"), attr("shipping.zip", "94103\r\n"), attr("zip", " true ")]);
    expect(values).toEqual({
      "customer.zip": "[REDACTED:postal_code] ",
      cep: " [REDACTED:postal_code]",
      "shipping.zip": "[REDACTED:postal_code]\r\n",
      zip: " true ",
    });
  });

  it("reads `cep` and a word as a postal code only when the word says whose or which address; any path ending in .zip but a file's", () => {
    const { values } = asLogAttributes([
      attr("cep_total", "12345678"),
      attr("cep_hits", "13010000"),
      attr("cep.count", "5231"),
      attr("cep_ttl", "86400"),
      attr("cep_residencial", "01310-100"),
      attr("cep_entrega", "01310-100"),
      attr("order.zip", "94103-1234"),
      attr("data.zip", "94103"),
      attr("req.body.zip", "10001"),
      attr("assets.zip", "48213"),
      attr("backup-14141837.zip", "582607"),
      attr("release-1.2.3.zip", "20481"),
    ]);
    expect(values).toEqual({
      cep_total: "12345678",
      cep_hits: "13010000",
      "cep.count": "5231",
      cep_ttl: "86400",
      cep_residencial: "[REDACTED:postal_code]",
      cep_entrega: "[REDACTED:postal_code]",
      "order.zip": "[REDACTED:postal_code]",
      "data.zip": "[REDACTED:postal_code]",
      "req.body.zip": "[REDACTED:postal_code]",
      "assets.zip": "48213",
      "backup-14141837.zip": "582607",
      "release-1.2.3.zip": "20481",
    });
  });

  it("keeps switches, formats, archives and values of other shapes", () => {
    const sent = {
      zip: "true",
      "archive.zip": "gz",
      "build.zip": "v2",
      postal_code_format: "12345",
      zip_required: "12345",
      file: "report.zip",
      "customer.cep": "não informado",
      "order.id": "94105",
    };
    const { values, kinds } = asLogAttributes(Object.entries(sent).map(([key, value]) => attr(key, value)));
    expect(values).toEqual(sent);
    expect(kinds).toBeUndefined();
  });

  it("reads an integer under the key as its digits, as a lifted {\"zip\":94105} gives it; other integers stay numbers", () => {
    const { values } = asLogAttributes([
      attr("customer.zip", { intValue: "94105" }),
      attr("customer.phone", { intValue: "11987654321" }),
      attr("applicant.ssn", { intValue: "536228841" }),
      attr("zip", { intValue: "1" }),
      attr("items", { intValue: "94105" }),
    ]);
    expect(values).toEqual({
      "customer.zip": "[REDACTED:postal_code]",
      "customer.phone": "[REDACTED:phone]",
      "applicant.ssn": "[REDACTED:ssn]",
      zip: { intValue: "1" },
      items: { intValue: "94105" },
    });
  });

  it("keeps every postal code when the precision is full", () => {
    const full = policy({ geoPrecision: "full" });
    const { values } = asLogAttributes([attr("cep", "01310-100"), attr("customer.zip", { intValue: "94105" })], full);
    expect(values).toEqual({ cep: "01310-100", "customer.zip": { intValue: "94105" } });
    expect(redacted("CEP: 01310-100", full)).toBe("CEP: 01310-100");
  });

  it("gives a metric point's postal code a hashed marker: series stay apart, none merge, no key is added", () => {
    const request = pointsRequest([[attr("zip", "94105")], [attr("zip", "10001")], [attr("zip", "94105")], [attr("zip", "true")]]);
    const result = redactRequest("metrics", request, defaultRedactionPolicy());
    const data = request.resourceMetrics[0]!.scopeMetrics[0]!.metrics[0]!.data;
    if (data.type !== "sum") throw new Error("a sum");
    const stored = data.dataPoints.map((point) => point.attributes.map((a) => [a.key, (a.value as { stringValue: string }).stringValue]));
    const [first, second, third, flag] = stored.map((attributes) => attributes[0]![1]!);
    expect(first).toMatch(/^\[REDACTED:postal_code:[0-9a-f]{16}\]$/);
    expect(second).toMatch(/^\[REDACTED:postal_code:[0-9a-f]{16}\]$/);
    expect(second).not.toBe(first);
    expect(third).toBe(first);
    expect(flag).toBe("true");
    expect(stored.every((attributes) => attributes.length === 1)).toBe(true);
    expect(result).toEqual({ count: 3, kinds: { postal_code: 3 } });
  });
});

describe("postal codes as fields and JSON members", () => {
  itStores("%j", redacted, [
    ["CEP: 01310-100 entregue", "CEP: [REDACTED:postal_code] entregue"],
    ['{"cep":"01310-100","sku":"A1"}', '{"cep":"[REDACTED:postal_code]","sku":"A1"}'],
    ['{"customer":{"zip":94105}}', '{"customer":{"zip":"[REDACTED:postal_code]"}}'],
    ["{'billing_zip': '10001'}", "{'billing_zip': '[REDACTED:postal_code]'}"],
    ["Postcode: SW1A 1AA", "Postcode: [REDACTED:postal_code]"],
    ["customer.zip: 94105", "customer.zip: [REDACTED:postal_code]"],
    // Names read by the last character before `:` or `=` (`p`, `e`, a digit, a dropped separator,
    // any case) and names starting with `cep`, which may end in any letter.
    ['{"ageSeconds":1762,"cepDestino":"01310-100"}', '{"ageSeconds":1762,"cepDestino":"[REDACTED:postal_code]"}'],
    ['{"status":200,"CEP_ORIGEM":"01310100"}', '{"status":200,"CEP_ORIGEM":"[REDACTED:postal_code]"}'],
    ["cepEntrega=01310-100&sku=1", "cepEntrega=[REDACTED:postal_code]&sku=1"],
    ['{"ZIP":94105,"zip5":"10001","zip_":"10002"}', '{"ZIP":"[REDACTED:postal_code]","zip5":"[REDACTED:postal_code]","zip_":"[REDACTED:postal_code]"}'],
    ['{"shippingPostalCode":"K1A 0B1"}', '{"shippingPostalCode":"[REDACTED:postal_code]"}'],
    ["user ZIP=94105", "user ZIP=[REDACTED:postal_code]"],
    // `.zip` after a word naming a party or an address is a member path, not a file's name.
    ["billing.zip=12345 shipping.zip: 12345", "billing.zip=[REDACTED:postal_code] shipping.zip: [REDACTED:postal_code]"],
    ['{"endereco.zip":"12345","user.address.zip":"10001"}', '{"endereco.zip":"[REDACTED:postal_code]","user.address.zip":"[REDACTED:postal_code]"}'],
    // A range word elsewhere, or from/to before the code's word (an origin or destination address).
    ["ship_to_zip=12345 from_zip=10001 to_zip=10002", "ship_to_zip=[REDACTED:postal_code] from_zip=[REDACTED:postal_code] to_zip=[REDACTED:postal_code]"],
    ['{"cep_destino":"01310100","cepOrigem":"01310-100"}', '{"cep_destino":"[REDACTED:postal_code]","cepOrigem":"[REDACTED:postal_code]"}'],
    // A Dutch code's letters are capitals (`1234 AB`, `1234AB`); a word after four digits stays.
    ["shipping zip 1234 to warehouse 7", "shipping zip [REDACTED:postal_code] to warehouse 7"],
    ["delivery zip 2024 of 2026", "delivery zip [REDACTED:postal_code] of 2026"],
    ["address zip 1234 is ok, order 56789", "address zip [REDACTED:postal_code] is ok, order 56789"],
    ["zip: 1234 to warehouse 7", "zip: [REDACTED:postal_code] to warehouse 7"],
    ["zip=1234 to", "zip=[REDACTED:postal_code] to"],
    ["zip=1234AB&x=1 zip=1234ab&y=2", "zip=[REDACTED:postal_code]&x=1 zip=[REDACTED:postal_code]&y=2"],
    ["zip: 1234 AB", "zip: [REDACTED:postal_code]"],
    ["billing address, zip 1234 AB, order 56789", "billing address, zip [REDACTED:postal_code], order 56789"],
    ["billing address, zip 1234AB, order 56789", "billing address, zip [REDACTED:postal_code], order 56789"],
  ]);

  it.each([
    "zip: true",
    '"zip": "gz"',
    '"postal_code_format": "12345"',
    "zip: 12345.tar.gz",
    "zip_required: 1",
    "at 10:30 zip",
    // An archive's name and its size.
    "created archive backup-14141837.zip: 582607 bytes",
    "assets.zip: 48213",
    "Archive: release-1.2.3.zip: 20481",
    '{"files":{"assets.zip":48213}}',
    "upload.ZIP=199201",
    // A shipping table's ranges: bounds, no one's address.
    '{"cep_inicio":"01000000","cep_fim":"09999999"}',
    "cep_de=01000000 cep_ate=09999999 cepInicio=01000000 cepFim=09999999",
    "zip_start=10001 zip_end=10099 zipFrom=10001 zipTo=10099 zipCodeStart=10001 zipCodeEnd=10099",
    "faixa_cep=01000000 cep_min=01000 cep_max=09999 min_zip=10001 range_zip=10001",
  ])(
    "keeps %j",
    (text) => {
      expect(redacted(text)).toBe(text);
    },
  );
});

describe("IBANs", () => {
  itStores("%j", redacted, [
    ["IBAN DE89370400440532013000", "IBAN [REDACTED:iban]"],
    ["GB82 WEST 1234 5698 7654 32", "[REDACTED:iban]"],
    ["BR15 0000 0000 0000 1093 2840 814P 2", "[REDACTED:iban]"],
    ["IBAN: DE89 3704 0044 0532 0130 00 EUR", "IBAN: [REDACTED:iban] EUR"],
    ["pay to GB82WEST12345698765432.", "pay to [REDACTED:iban]."],
    ["NO9386011117947", "[REDACTED:iban]"],
  ]);

  itKeeps("keeps %j", redacted, [
    "DE89 alone",
    "DE89370400440532013001",
    "DE8937040044053201300099",
    "GB82WEST1234569876543",
    "DE89 3704 0044 0532 013 000",
    "order BR12-4455 shipped",
    "4BF92F3577B34DA6A3CE929D0E0E4736",
    "ZZ89370400440532013000",
  ]);

  it("checks ISO 7064 MOD 97-10", () => {
    expect(isValidIbanChecksum("DE89370400440532013000")).toBe(true);
    expect(isValidIbanChecksum("BR1500000000000010932840814P2")).toBe(true);
    expect(isValidIbanChecksum("DE88370400440532013000")).toBe(false);
  });

  it("is a kind a policy can turn off", () => {
    expect(BUILT_IN_KINDS).toContain("iban");
    expect(redacted("IBAN DE89370400440532013000", policy({ disabledDetectors: ["iban"] }))).toBe("IBAN DE89370400440532013000");
  });
});

describe("phones as SQL values", () => {
  itStores("%j", redacted, [
    ["UPDATE users SET `phone` = '11987654321' WHERE id = 5", "UPDATE users SET `phone` = '[REDACTED:phone]' WHERE id = 5"],
    [`UPDATE users SET "telefone" = '+55 11 98765-4321' WHERE id = 5`, `UPDATE users SET "telefone" = '[REDACTED:phone]' WHERE id = 5`],
    ["UPDATE users SET [phone] = '11987654321'", "UPDATE users SET [phone] = '[REDACTED:phone]'"],
    ["INSERT INTO clientes (nome, celular) VALUES ('Ana', '11987654321')", "INSERT INTO clientes (nome, celular) VALUES ('Ana', '[REDACTED:phone]')"],
    [
      "INSERT INTO clientes (nome, celular, cidade)\nVALUES ('Ana, a', '11987654321', 'X'), ('Bia''s', '21987654321', 'Y');",
      "INSERT INTO clientes (nome, celular, cidade)\nVALUES ('Ana, a', '[REDACTED:phone]', 'X'), ('Bia''s', '[REDACTED:phone]', 'Y');",
    ],
    // A number written inline: its marker an SQL string, as every column rule writes one there.
    [
      `insert into "customers" ("name", "email", "mobile_phone") values ('Ana', 'ana@example.com', 11987654321)`,
      `insert into "customers" ("name", "email", "mobile_phone") values ('Ana', '[REDACTED:email]', '[REDACTED:phone]')`,
    ],
  ]);

  it("reads every row of a bulk insert by the column list, rows without a number between them too", () => {
    const rows = Array.from({ length: 3000 }, (_, row) => (row % 100 === 0 ? `('c${row}', '119876${String(row).padStart(5, "0")}')` : `('c${row}', NULL)`));
    const text = `INSERT INTO clientes (nome, celular) VALUES ${rows.join(", ")}`;
    const result = redactString(text, defaultRedactionPolicy());
    expect(result.counts).toEqual({ phone: 30 });
    expect(result.text).not.toMatch(/119876\d{5}/);
  });

  itKeeps("keeps %j", redacted, [
    "INSERT INTO pedidos (cliente, sku, total) VALUES ('Ana', '11987654321', 10)",
    "INSERT INTO pedidos (cliente, telefone_id) VALUES ('Ana', '11987654321')",
    "INSERT INTO logs (msg, n) VALUES ('call later', 11987654321)",
    "UPDATE t SET `phone_count` = '12345678'",
    "SELECT (celular) FROM t WHERE n IN (11987654321)",
  ]);
});

describe("visitor location in text forms", () => {
  const LINE =
    'user data cf={"city":"Sao Paulo","latitude":"-23.5","postalCode":"01310","country":"BR","continent":"SA","colo":"GRU"} ' +
    "cf-ipcity=Campinas cf-ipcountry=BR cf-postal-code=13010";

  it("drops what is finer than the default precision, keeps the region and what locates no visitor", () => {
    expect(redacted(LINE)).toBe(
      'user data cf={"city":"[REDACTED:geo]","latitude":"[REDACTED:geo]","postalCode":"[REDACTED:postal_code]","country":"BR","continent":"SA","colo":"GRU"} ' +
        "cf-ipcity=[REDACTED:geo] cf-ipcountry=BR cf-postal-code=[REDACTED:postal_code]",
    );
    expect(redactString(LINE, defaultRedactionPolicy()).counts).toEqual({ geo: 3, postal_code: 2 });
  });

  it("keeps the levels the precision keeps, as it does for geo.* and the headers as attributes", () => {
    expect(redacted(LINE, policy({ geoPrecision: "city" }))).toBe(
      'user data cf={"city":"Sao Paulo","latitude":"[REDACTED:geo]","postalCode":"[REDACTED:postal_code]","country":"BR","continent":"SA","colo":"GRU"} ' +
        "cf-ipcity=Campinas cf-ipcountry=BR cf-postal-code=[REDACTED:postal_code]",
    );
    expect(redacted(LINE, policy({ geoPrecision: "continent" }))).toBe(
      'user data cf={"city":"[REDACTED:geo]","latitude":"[REDACTED:geo]","postalCode":"[REDACTED:postal_code]","country":"[REDACTED:geo]","continent":"SA","colo":"GRU"} ' +
        "cf-ipcity=[REDACTED:geo] cf-ipcountry=[REDACTED:geo] cf-postal-code=[REDACTED:postal_code]",
    );
    expect(redacted(LINE, policy({ geoPrecision: "none" }))).toContain('"continent":"[REDACTED:geo]","colo":"GRU"');
    expect(redacted(LINE, policy({ geoPrecision: "full" }))).toBe(LINE);
  });

  itStores("%j", redacted, [
    ['headers [["cf-ipcity","Campinas"],["cf-ipcountry","BR"]]', 'headers [["cf-ipcity","[REDACTED:geo]"],["cf-ipcountry","BR"]]'],
    ['Headers { "cf-ipcity": "Campinas" }', 'Headers { "cf-ipcity": "[REDACTED:geo]" }'],
    ["Headers(1) { 'CF-IPCity' => 'São Paulo' }", "Headers(1) { 'CF-IPCity' => '[REDACTED:geo]' }"],
    ["cf-ipcity: Sao Paulo status=200", "cf-ipcity: [REDACTED:geo] status=200"],
    ["cf_iplatitude=-22.9&x=1", "cf_iplatitude=[REDACTED:geo]&x=1"],
    ["request.cf.city=Campinas request.cf.colo=GRU", "request.cf.city=[REDACTED:geo] request.cf.colo=GRU"],
    ["cf: { city: 'Itu', asn: 28573, botManagement: { score: 99 } }", "cf: { city: '[REDACTED:geo]', asn: 28573, botManagement: { score: 99 } }"],
    // A word that starts as a literal does, and a literal quoted, is a value.
    ["cf-ipcity: Nullville", "cf-ipcity: [REDACTED:geo]"],
    ['{"cf-ipcity":"null","cf":{"city":"true"}}', '{"cf-ipcity":"[REDACTED:geo]","cf":{"city":"[REDACTED:geo]"}}'],
    [
      'req {"cf":{"tlsClientAuth":{"certPresented":"0"},"longitude":-47.06,"region":"SP"}} done',
      'req {"cf":{"tlsClientAuth":{"certPresented":"0"},"longitude":"[REDACTED:geo]","region":"SP"}} done',
    ],
  ]);

  itKeeps("keeps %j", redacted, [
    "shipping city: Campinas",
    'x={"city":"Campinas"}',
    'cfg={"city":"Campinas"}',
    'cf={"botManagement":{"city":"n/a"}}',
    '["city","Campinas"]',
    "acf-ipcity=X",
    "cf-ipcity=[REDACTED:geo]",
    // JSON's and JavaScript's literals say no place.
    '{"cf-ipcity":null}',
    '{"cf":{"city":null}}',
    '{"cf-ipcity":false}',
    'request cf={"city":null,"latitude":true,"postalCode":null,"region":"SP"}',
    "cf-ipcity: null cf-iplatitude=undefined",
    "cf: { city: undefined, latitude: null }",
  ]);

  it("is the kind geo, which a policy can turn off", () => {
    expect(BUILT_IN_KINDS).toContain("geo");
    expect(redacted("cf-ipcity=Campinas", policy({ disabledDetectors: ["geo"] }))).toBe("cf-ipcity=Campinas");
  });
});
