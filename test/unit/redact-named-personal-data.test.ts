/**
 * Personal data named by its field: a value a key rule redacts as an attribute is redacted when
 * the same `name=value` is printed in text, in every printed form (`k=v`, `k: v`, `"k": v`, PHP's
 * and Ruby's `'k' => v`, print_r's `[k] => v`); and the prose forms of postal codes, dates of birth
 * and passport numbers (in words, other languages, other countries' formats, SQL `INSERT` columns),
 * with their look-alikes kept.
 */
import { describe, expect, it } from "vitest";
import { logRecord, logsRequest } from "../support/model-builders";
import type { KeyValue } from "../../workers/shared/otlp/model";
import { BUILT_IN_KINDS, defaultRedactionPolicy, parseRedactionPolicy, redactRequest, redactString } from "../../workers/ingest/core/redact";
import { itKeepsUncounted, itStores, itStoresCounting } from "../support/redaction-cases";

const redacted = (text: string) => redactString(text, defaultRedactionPolicy());

/** The stored value of an attribute `key` = `value` on a log record. */
function storedAttribute(key: string, value: string): unknown {
  const request = logsRequest([logRecord({ attributes: [{ key, value: { stringValue: value } } satisfies KeyValue] })]);
  redactRequest("logs", request, defaultRedactionPolicy());
  const stored = request.resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!.attributes.find((attribute) => attribute.key === key)!.value;
  return "stringValue" in stored ? stored.stringValue : stored;
}

/** The forms a program prints a field in: logfmt, a YAML or label line, spaced `=`, JSON, PHP's and Ruby's `=>`, print_r. */
const FORMS: readonly ((key: string, value: string) => string)[] = [
  (k, v) => `${k}=${v}`,
  (k, v) => `${k}: ${v}`,
  (k, v) => `${k} = ${v}`,
  (k, v) => `{"${k}":"${v}"}`,
  (k, v) => `'${k}' => '${v}',`,
  (k, v) => `{"${k}" => "${v}"}`,
  (k, v) => `[${k}] => ${v}`,
  (k, v) => `Array\n(\n    [${k}] => ${v}\n)`,
];

describe("a value named by its field gets the attribute's verdict in text, in every printed form", () => {
  it.each([
    ["ssn", "123456789", "ssn"],
    ["customerSsn", "123456789", "ssn"],
    ["phone", "4155550132", "phone"],
    ["telefone", "11987654321", "phone"],
    ["celular", "987654321", "phone"],
    ["rg", "123456789", "rg"],
    ["numeroRg", "123456789", "rg"],
    ["cnh", "12345678901", "cnh"],
    ["iban", "de89370400440532013000", "iban"],
    ["pix_key", "11987654321", "pix_key"],
    ["chavePix", "11987654321", "pix_key"],
    ["birth_date", "1990-04-12", "birth_date"],
    ["dateOfBirth", "12/04/1990", "birth_date"],
    ["passport_number", "FZ123456", "passport"],
    ["zip", "94103", "postal_code"],
    ["billing_zip", "94103", "postal_code"],
    ["cep", "01310-100", "postal_code"],
  ])("%s = %s: %s", (key, value, kind) => {
    expect(storedAttribute(key, value)).toBe(`[REDACTED:${kind}]`);
    // A postal code after a spaced `=` too, an assignment's; an SQL comparison's (`WHERE zip = '…'`) stays (below).
    for (const form of FORMS) {
      const text = form(key, value);
      const result = redacted(text);
      expect(result.text, text).not.toContain(value);
      expect(result.counts, text).toEqual({ [kind]: 1 });
    }
  });
});

describe("a street field's house number goes with its street, as under the attribute", () => {
  it.each([
    ["shipping_address=Rua Augusta 1500", "shipping_address=[REDACTED:street_address]"],
    ["address_line1=Rua Augusta, 1500 city=SP", "address_line1=[REDACTED:street_address] city=SP"],
    ["shipping_address=Rua Augusta, nº 1500", "shipping_address=[REDACTED:street_address]"],
    ["street=Main Street 12 amount=10", "street=[REDACTED:street_address] amount=10"],
  ])("%s", (text, expected) => {
    const value = text.slice(text.indexOf("=") + 1).split(/ \w+=/)[0]!;
    expect(storedAttribute(text.slice(0, text.indexOf("=")), value)).toBe("[REDACTED:street_address]");
    expect(redacted(text)).toEqual({ text: expected, counts: { street_address: 1 } });
  });

  itStores("keeps a number that is the next key's, or under no street's key: %j", (text) => redacted(text).text, [
    ["shipping_address=Rua Augusta 3=1", "shipping_address=[REDACTED:street_address] 3=1"],
    ["email_address=ana 12", "email_address=ana 12"],
    ["server.address=db 5432", "server.address=db 5432"],
  ]);
});

describe("postal codes after their word alone", () => {
  itStoresCounting("%s", redacted, { postal_code: 1 }, [
    ["zip 94103", "zip [REDACTED:postal_code]"],
    ["zip code 94103", "zip code [REDACTED:postal_code]"],
    ["ZIP 94105-1234", "ZIP [REDACTED:postal_code]"],
    ["postal code 01310-100", "postal code [REDACTED:postal_code]"],
    ["CEP 01310-100", "CEP [REDACTED:postal_code]"],
    ["código postal 01310-100 confirmado", "código postal [REDACTED:postal_code] confirmado"],
  ]);

  it.each(["zip = true", "zip = gz", "size = 94103", "zip => 2", "WHERE zip = '01304-001'", "x == 94103", "zip 2 files", "gzip 94103 bytes", "unzip 94103", "created 12 zip 94105 files", "zip 10001 to 10099", "zip 1234 is ok", "postcode 123456", "zip 94103.5", "zip: 12345 entries, 3 MB", "zip 12345 files extracted", "zip=48213 bytes", '"zip": 12345 items'])(
    "keeps the look-alike %j",
    (text) => {
      expect(redacted(text)).toEqual({ text, counts: {} });
    },
  );
});

describe("dates of birth", () => {
  itStoresCounting("after their name: %s", redacted, { birth_date: 1 }, [
    ["dob 1990-04-12", "dob [REDACTED:birth_date]"],
    ["date of birth: 1990-04-12", "date of birth: [REDACTED:birth_date]"],
    ["DOB: 04/12/1990", "DOB: [REDACTED:birth_date]"],
    ["D.O.B. 12.04.1990", "D.O.B. [REDACTED:birth_date]"],
    ["birth_date=12/04/1990 plan=gold", "birth_date=[REDACTED:birth_date] plan=gold"],
    ['{"dataNascimento":"1990-04-12","plano":"ouro"}', '{"dataNascimento":"[REDACTED:birth_date]","plano":"ouro"}'],
    ["customerDob=1990-04-12T00:00:00Z", "customerDob=[REDACTED:birth_date]"],
    ["data de nascimento: 12/04/1990", "data de nascimento: [REDACTED:birth_date]"],
    ["fecha de nacimiento: 12/04/1990", "fecha de nacimiento: [REDACTED:birth_date]"],
    ["dob=19900412", "dob=[REDACTED:birth_date]"],
    // In words, and after short or sentence names.
    ["Date of Birth: April 12, 1990", "Date of Birth: [REDACTED:birth_date]"],
    ["dob: 12-Apr-1990", "dob: [REDACTED:birth_date]"],
    ["DOB 12 Apr 1990", "DOB [REDACTED:birth_date]"],
    ["dob: Apr 12th 1990", "dob: [REDACTED:birth_date]"],
    ["fechaNac=1990-04-12", "fechaNac=[REDACTED:birth_date]"],
    ["nasc: 12/04/1990", "nasc: [REDACTED:birth_date]"],
    ["cliente nascido em 12/04/1990", "cliente nascido em [REDACTED:birth_date]"],
    ["nascida em 12 de abril de 1990", "nascida em [REDACTED:birth_date]"],
    ["aniversário: 12/04/1990", "aniversário: [REDACTED:birth_date]"],
    ["born on 1990-04-12", "born on [REDACTED:birth_date]"],
    ["born 12 April 1990", "born [REDACTED:birth_date]"],
    ["Geburtsdatum: 12. April 1990", "Geburtsdatum: [REDACTED:birth_date]"],
    ["née le 12/04/1990", "née le [REDACTED:birth_date]"],
    ["nacido el 12 de abril de 1990", "nacido el [REDACTED:birth_date]"],
  ]);

  itKeepsUncounted("keeps a date that is no birth date: %j", redacted, [
    "created 1990-04-12",
    "date 12/04/1990",
    "expiry date: 2026-01-01",
    "dob_verified=2024-01-01",
    "dob: 2024-13-45",
    "dob: 1990-04/12",
    "birthday sale ends 2026-12-25",
    "birth_year=1990",
    "adobe 2024-01-01",
    "expires: April 12, 2030",
    "born-again 1990-04-12",
    "updated April 12, 1990",
    "dob: April 45, 1990",
    "shipped 12 de abril de 1990",
    "born to run 1990-04-12",
  ]);

  it("under a key naming one, the whole value; a value that is no date stays", () => {
    expect(storedAttribute("customer.dob", "1990-04-12")).toBe("[REDACTED:birth_date]");
    expect(storedAttribute("data_nascimento", "12/04/1990")).toBe("[REDACTED:birth_date]");
    expect(storedAttribute("birth_date", "unknown")).toBe("unknown");
    expect(storedAttribute("created_at", "1990-04-12")).toBe("1990-04-12");
  });

  it("an INSERT's column named as a birth date or a passport redacts its value, as the name beside it", () => {
    expect(redacted("INSERT INTO customers (name, dob) VALUES ('Ana Silva', '1990-04-12')")).toEqual({
      text: "INSERT INTO customers (name, dob) VALUES ('[REDACTED:person_name]', '[REDACTED:birth_date]')",
      counts: { person_name: 1, birth_date: 1 },
    });
    expect(redacted("INSERT INTO travelers (passport_number, created) VALUES ('FZ123456', '1990-04-12')")).toEqual({
      text: "INSERT INTO travelers (passport_number, created) VALUES ('[REDACTED:passport]', '1990-04-12')",
      counts: { passport: 1 },
    });
  });
});

describe("passport numbers", () => {
  itStoresCounting("after their name: %s", redacted, { passport: 1 }, [
    ["passport X1234567", "passport [REDACTED:passport]"],
    ["passport no. X1234567", "passport no. [REDACTED:passport]"],
    ["passport_number: FZ123456", "passport_number: [REDACTED:passport]"],
    ["passaporte nº FZ123456", "passaporte nº [REDACTED:passport]"],
    ['{"pasaporte":"123456789"}', '{"pasaporte":"[REDACTED:passport]"}'],
    // Other countries' formats (ICAO 9303 document numbers) after the word in other languages.
    ["pasaporte: XDC123456", "pasaporte: [REDACTED:passport]"],
    ["passport: C01X00T47", "passport: [REDACTED:passport]"],
    ["passportNumber=L898902C3", "passportNumber=[REDACTED:passport]"],
    ["passaporte: FZ123456", "passaporte: [REDACTED:passport]"],
    ["Reisepass: C01X00T47", "Reisepass: [REDACTED:passport]"],
    ["Reisepassnummer C01X00T47", "Reisepassnummer [REDACTED:passport]"],
    ["passeport: 12AB34567", "passeport: [REDACTED:passport]"],
    ["passaporto YA1234567", "passaporto [REDACTED:passport]"],
    ["paspoort: NW1234567", "paspoort: [REDACTED:passport]"],
  ]);

  it.each(["passport 0.7.0", "passport.js 0.6.0", "passport-jwt 4.0.1", "passport strategy local", "passport 2 files", "passport expired 2024-01-01", "order 1234567", "passport: authenticated", "passport: google-oauth20", "passport: oauth2client", "passeport v1.2.3", "passport 12345678 ms", "passport: 1234567 rows"])(
    "keeps the look-alike %j",
    (text) => {
      expect(redacted(text)).toEqual({ text, counts: {} });
    },
  );

  it("under a key naming one, the whole value; a library's setting stays", () => {
    expect(storedAttribute("traveler.passport_number", "FZ123456")).toBe("[REDACTED:passport]");
    expect(storedAttribute("reisepass", "C01X00T47")).toBe("[REDACTED:passport]");
    expect(storedAttribute("fechaNac", "1990-04-12")).toBe("[REDACTED:birth_date]");
    expect(storedAttribute("passport.strategy", "local")).toBe("local");
  });
});

describe("the new kinds are the policy's", () => {
  it("are built-in kinds a policy can turn off", () => {
    expect(BUILT_IN_KINDS).toEqual(expect.arrayContaining(["birth_date", "passport"]));
    const parsed = parseRedactionPolicy({ disabledDetectors: ["birth_date", "passport"] });
    if (!parsed.ok) throw new Error(parsed.error);
    expect(redactString("dob 1990-04-12 passport X1234567", parsed.policy)).toEqual({ text: "dob 1990-04-12 passport X1234567", counts: {} });
  });
});

describe("a named field's value behind a spaced or quoted-name `=` gets the glued `=`'s verdict", () => {
  itStoresCounting("%s", redacted, { person_name: 1 }, [
    ["full_name = Ana Silva", "full_name = [REDACTED:person_name]"],
    ["FullName = Ana Silva", "FullName = [REDACTED:person_name]"],
    ["FULL_NAME = Ana Silva", "FULL_NAME = [REDACTED:person_name]"],
    ["first_name = Maria", "first_name = [REDACTED:person_name]"],
    ['"full_name"="Ana Silva"', '"full_name"="[REDACTED:person_name]"'],
    ["User(full_name='Ana Silva')", "User(full_name='[REDACTED:person_name]')"],
  ]);
  itStoresCounting("%s", redacted, { postal_code: 1 }, [
    ["zip = 94105", "zip = [REDACTED:postal_code]"],
    ["ZIP = 94105", "ZIP = [REDACTED:postal_code]"],
    ['zip = "94105"', 'zip = "[REDACTED:postal_code]"'],
    ['"zip" = "94105"', '"zip" = "[REDACTED:postal_code]"'],
    ["postalCode = 94105", "postalCode = [REDACTED:postal_code]"],
    ["UPDATE a SET zip = '94105' WHERE id = 7", "UPDATE a SET zip = '[REDACTED:postal_code]' WHERE id = 7"],
  ]);
  itStoresCounting("%s", redacted, { person_name: 1, postal_code: 1 }, [
    ["customer.full_name = Ana Silva, zip = 94105", "customer.full_name = [REDACTED:person_name], zip = [REDACTED:postal_code]"],
  ]);
  itStoresCounting("%s", redacted, { card_holder: 1 }, [["card_holder = John Smith", "card_holder = [REDACTED:card_holder]"]]);

  // Code, comparisons, placeholders and empty values under the same names stay; so does an SQL condition's postal code.
  itKeepsUncounted("keeps %j", redacted, [
    "full_name = user.full_name",
    "full_name = get_name()",
    "first_name = first_name.strip()",
    'full_name = form.cleaned_data["full_name"]',
    'first_name = request.args.get("first_name")',
    'username = os.environ["X"]',
    "full_name = $1",
    "full_name = ?",
    "full_name = :full_name",
    "full_name = %s",
    'full_name = ""',
    "full_name = null",
    "full_name = None",
    "full_name = full_name",
    'if full_name == "":',
    "full_name != nil",
    "x = y + 1",
    "count = 5",
    "status = ok",
    "zip = zipfile.ZipFile(f)",
    "zip == 94105",
    "zip != 94105",
    "zip = $1",
    "zip = 1",
    "zip = 12345 files",
    "SELECT * FROM t WHERE id = 1 AND zip = '94105'",
    "WHERE (zip = '94105')",
    "WHERE t.zip = 94105",
    "CASE WHEN zip = 94105 THEN 1",
  ]);
});

describe("a street field behind a spaced or glued `=` is gone, its number too", () => {
  it.each([
    "street = Rua Augusta, 1500",
    "street = 742 Evergreen Terrace, Apt 4",
    "logradouro = Rua Augusta, 1500",
    "address_line1 = Rua Augusta, 1500",
    "Endereço = Rua Augusta, 1500 - CEP 01304-001",
    "street_address = Rua Augusta, 1500 - apto 42",
    "complemento = apto 42",
    "street = Av. Paulista, 1000",
  ])("%s", (spaced) => {
    const glued = spaced.replace(" = ", "=");
    const result = redacted(spaced).text;
    expect(result).toBe(redacted(glued).text.replace("=", " = "));
    // A ` - ` ends the field in both forms (`- apto 42` stays after it, as glued).
    expect(result).not.toMatch(/1500|Apt 4|= apto|1000/);
  });
});

describe("a street line behind a field's `=` is gone to its city and postal code, where the field's words stop sooner", () => {
  // The field's value stops at its words (`742 Evergreen Terrace`, `5 Rue`); the street line read
  // as text goes on, and takes the value with its city and postal code. Under a person's field too.
  it.each([
    "address = 742 Evergreen Terrace, Springfield, IL 62704",
    "address = 742 Evergreen Terrace, Apt 4, Springfield, IL 62704",
    "address = 5 Rue de la Paix, 75002 Paris",
    "address = 1600 Pennsylvania Ave NW, Washington, DC 20500",
    "address = 221B Baker Street, London NW1 6XE",
    "address = Hauptstraße 5, 10115 Berlin",
    "address = Calle Mayor 5, 28013 Madrid",
    "full_name = Av. Paulista, 1000",
    "first_name = Av. Paulista, 1000",
    "card_holder = Av. Paulista, 1000",
    "name_on_card = 742 Evergreen Terrace, Springfield, IL 62704",
  ])("%s", (spaced) => {
    for (const text of [spaced, spaced.replace(" = ", "="), JSON.stringify({ msg: spaced })]) {
      const result = redacted(text).text;
      expect(result).toContain("[REDACTED:street_address]");
      expect(result).not.toMatch(/Evergreen|Springfield|62704|Paix|75002|Pennsylvania|20500|Baker|NW1|Hauptstraße|10115|Mayor|28013|Paulista|1000/);
    }
  });
});

describe("a titled name behind a name field's `=` is gone after its title", () => {
  // The title stays before the marker (`Dr. [REDACTED:person_name]`), as after a spaced `=` the titled name read as text; the name
  // after the title's period is the field's (`[REDACTED:person_name]. Ana Silva` left the name), particles too (`Sr. João da Silva`).
  it.each([
    ["full_name = Dr. Ana Silva", "full_name = Dr. [REDACTED:person_name]"],
    ["full_name=Dr. Ana Silva", "full_name=Dr. [REDACTED:person_name]"],
    ["first_name = Mr. John", "first_name = Mr. [REDACTED:person_name]"],
    ["first_name=Mr. John logged in", "first_name=Mr. [REDACTED:person_name] logged in"],
    ["last_name = Mrs. Silva", "last_name = Mrs. [REDACTED:person_name]"],
    ["display_name = Prof. Ana Silva", "display_name = Prof. [REDACTED:person_name]"],
    ["FullName = Ms. Ana Silva", "FullName = Ms. [REDACTED:person_name]"],
    ["nome_completo = Sra. Ana Silva", "nome_completo = Sra. [REDACTED:person_name]"],
    ["full_name = Sr. João da Silva", "full_name = Sr. [REDACTED:person_name]"],
    ["full_name=João da Silva", "full_name=[REDACTED:person_name]"],
    ["display_name = Ana de la Cruz", "display_name = [REDACTED:person_name]"],
    ["card_holder = Mrs. Ana Silva", "card_holder = Mrs. [REDACTED:card_holder]"],
    ["cardholder_name = Ms. Ana Silva", "cardholder_name = Ms. [REDACTED:card_holder]"],
    ["name_on_card=Dr. Ana Silva", "name_on_card=Dr. [REDACTED:card_holder]"],
    ["card_holder = Sr. João da Silva", "card_holder = Sr. [REDACTED:card_holder]"],
    ['{"msg":"full_name = Dr. Ana Silva"}', '{"msg":"full_name = Dr. [REDACTED:person_name]"}'],
  ])("%s", (text, expected) => {
    expect(redacted(text).text).toBe(expected);
  });
});

describe("code and SQL conditions behind a spaced `=` stay", () => {
  itKeepsUncounted("keeps %j", redacted, [
    "SELECT * FROM users WHERE\n  zip = '94105'",
    "SELECT * FROM t WHERE /* c */ zip = '94105'",
    "IF zip = '94105' THEN x := 1; END IF;",
    "ELSIF zip = '94105' THEN",
    "SELECT IIF(zip = '94105', 1, 0) FROM t",
    'If zip = "94105" Then',
    "FullName = FullName,",
    "first_name = firstName",
    "first_name = firstName;",
    "full_name = new Name()",
    "last_name = lastName ?? string.Empty",
    "full_name = fullName || ''",
    "last_name = last_name)",
    '"password"="password"="password"=',
  ]);
  itStoresCounting("%s", redacted, { person_name: 1 }, [
    ["full_name = Ana", "full_name = [REDACTED:person_name]"],
    ["last_name = McDonald", "last_name = [REDACTED:person_name]"],
    ["full_name = Ana Silva;", "full_name = [REDACTED:person_name];"],
  ]);
});

describe("after a spaced `=`, an identifier is code only in a shape no person's name has", () => {
  // A single capitalised word is a name's shape, a capital inside too: a surname's or a given name's.
  itStoresCounting("%s", redacted, { person_name: 1 }, [
    ["full_name = JoAnn", "full_name = [REDACTED:person_name]"],
    ["last_name = FitzGerald", "last_name = [REDACTED:person_name]"],
    ["first_name = McDonald", "first_name = [REDACTED:person_name]"],
    ["customer_name = DeShawn", "customer_name = [REDACTED:person_name]"],
    ["last_name = FitzGerald;", "last_name = [REDACTED:person_name];"],
    ["full_name = JoAnn,", "full_name = [REDACTED:person_name],"],
    ['"last_name"=FitzGerald', '"last_name"=[REDACTED:person_name]'],
  ]);
  itStoresCounting("%s", redacted, { card_holder: 1 }, [["card_holder = FitzGerald", "card_holder = [REDACTED:card_holder]"]]);

  // An `_`, a digit, camelCase, or the field's own words in another case: code.
  itKeepsUncounted("keeps %j", redacted, [
    "FullName = FullName",
    "FullName = FullName,",
    "full_name = FullName;",
    "customer.FullName = FullName;",
    "self.first_name = FirstName",
    "first_name = firstName",
    "first_name = first_name2,",
    "full_name = FULL_NAME",
    "card_holder = CardHolder,",
    "display_name = DisplayName)",
  ]);
});

describe("a value of the line before never hides the next line's named field", () => {
  // A word an `=` gives as a value (a switch's, or one SQL also writes) is that line's, not the start of an SQL condition.
  const VALUES = ["on", "true", "yes", "off", "null", "and", "or", "not", "where", "when", "if"];
  const PAIRS = [
    "zip = 94105",
    'zip = "94105"',
    "zip=94105",
    "postal_code = 01304-001",
    "full_name = Ana Silva",
    "first_name = Maria",
    "password = hunter2x",
    '"password"="hunter2"',
    "ssn = 234-12-2143",
    "email = ana@example.com",
    "street = Rua Augusta, 1500",
    "card_holder = John Smith",
  ];
  it.each(VALUES.flatMap((value) => PAIRS.map((pair) => [value, pair])))("debug = %s, then %s", (value, pair) => {
    const alone = redacted(pair).text;
    expect(alone).not.toBe(pair);
    for (const lineBreak of ["\n", "\r\n", "\n  "]) {
      expect(redacted(`debug = ${value}${lineBreak}${pair}`).text).toBe(`debug = ${value}${lineBreak}${alone}`);
    }
    expect(redacted(`debug: ${value}\n${pair}`).text).toBe(`debug: ${value}\n${alone}`);
  });

  itStoresCounting("%s", redacted, { postal_code: 1 }, [
    // A glued `=` is a parameter's, never an SQL comparison's.
    ["WHERE zip=94105", "WHERE zip=[REDACTED:postal_code]"],
    ["debug=on zip=94105", "debug=on zip=[REDACTED:postal_code]"],
    ["[server]\nenabled = on\nzip = 94105", "[server]\nenabled = on\nzip = [REDACTED:postal_code]"],
  ]);
  itKeepsUncounted("keeps %j", redacted, ["SELECT * FROM t JOIN u ON\n  zip = '94105'", "SELECT * FROM t WHERE a = 1 AND\n  zip = '94105'"]);
});
