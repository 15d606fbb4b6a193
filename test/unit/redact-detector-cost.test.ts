/**
 * The detectors' checks that read back from a candidate (a `request.cf` member's object) cost
 * linear work in the text however it is built, and their memos belong to one scan: counted in
 * characters read (`countWork`), never timed.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactRequest, redactString } from "../../workers/ingest/core/redact";
import { workDone } from "../../workers/ingest/core/redact/scan-scope";
import { span, tracesRequest } from "../support/model-builders";

const policy = defaultRedactionPolicy();

/** `prefix` and `unit` repeated to `size` characters. */
const built = (prefix: string, unit: string, size: number) => prefix + unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** The characters the checks read while redacting `text`, and the redacted text. */
function measured(text: string): { work: number; text: string } {
  const before = workDone();
  const redacted = redactString(text, policy).text;
  return { work: workDone() - before, text: redacted };
}

/** One test per case (name, prefix, repeated unit) that its text costs linear work (`expectLinear`). */
function itIsLinearIn(cases: ReadonlyArray<[string, string, string]>): void {
  it.each(cases)("is linear in the text (%s): twice the text, at most twice the work, a few reads a character", (_, prefix, unit) => {
    expectLinear(prefix, unit);
  });
}

/**
 * Twice the text costs at most twice the work (and a constant), a few reads a character: nine, as
 * an item of a long list of CPF-valid numbers is read back to the item before it by each check
 * that reads a list (a phone's, an SSN's, the name of a list of ids: `id-value.ts`) besides the
 * bound list's own reading.
 */
function expectLinear(prefix: string, unit: string): void {
    const n = 1 << 16;
    const small = measured(built(prefix, unit, n)).work;
    const large = measured(built(prefix, unit, 2 * n)).work;
    expect(small).toBeGreaterThan(0);
    expect(large).toBeLessThanOrEqual(2 * small + 8192);
    expect(large).toBeLessThanOrEqual(9 * 2 * n);
}

const HOSTILE: Array<[string, string, string]> = [
  ["objects opened and never closed", "cf={", '{"city":"x",'],
  ["objects closed before each member", "cf={", '"city":"x"},'],
  ["one long object", "cf={", '"city":"x",'],
  ["members after an object closed", "cf={} ", '"city":"x",'],
  ["arrays opened and never closed", "cf={", '["city","x"],"city":"x",['],
];

describe("visitor location in text: the work of finding a member's object", () => {
  itIsLinearIn(HOSTILE);

  it("is the same for an equal copy of the text scanned again (a retry), with the same output", () => {
    const text = built("cf={", '"city":"x",', 1 << 15);
    const first = measured(text);
    const copy = measured(built("cf={", '"city":"x",', 1 << 15));
    expect(copy.work).toBe(first.work);
    expect(copy.text).toBe(first.text);
    expect(first.text.startsWith('cf={"city":"[REDACTED:geo]","city":"[REDACTED:geo]"')).toBe(true);
  });

  it("takes no answer from an earlier scan of another text at the same places", () => {
    const inside = 'cf={"region":"SP","city":"Campinas"}';
    const outside = 'xx={"region":"SP","city":"Campinas"}';
    expect(redactString(inside, policy).text).toBe('cf={"region":"SP","city":"[REDACTED:geo]"}');
    expect(redactString(outside, policy).text).toBe(outside);
    expect(redactString(inside, policy).text).toBe('cf={"region":"SP","city":"[REDACTED:geo]"}');
  });

  it("still finds each member of an object nested and closed before it", () => {
    const text = 'request cf={"botManagement":{"score":99},"tlsClientAuth":{"certPresented":"0"},"city":"Campinas","latitude":"-22.9"}';
    expect(redactString(text, policy).text).toBe(
      'request cf={"botManagement":{"score":99},"tlsClientAuth":{"certPresented":"0"},"city":"[REDACTED:geo]","latitude":"[REDACTED:geo]"}',
    );
  });

  it("does not read a member from inside its own quotes (the scanner's retry one character on)", () => {
    const text = 'meta={"note":"a","city":"Campinas"} {"city":"Recife"}';
    expect(redactString(text, policy).text).toBe(text);
  });
});

describe("phones in an ORM's list of bound parameters: the work of finding the list and its placeholder", () => {
  const cases: Array<[string, string, string]> = [
    ["one long Prisma list", "Params: [", '"11987654321", '],
    ["numbers after a marker with no list", "Params: ", "x 3456-7890 y "],
    ["lists after statements, over and over", "", 'INSERT INTO t (nome, celular) VALUES ($1, $2) -- PARAMETERS: ["Ana","11987654321"] '],
    ["numbers after a list closed", 'Params: ["a"] ', "x 3456-7890 y "],
    ["MySQL placeholders before each list", "", 'Executing (default): UPDATE c SET phone = ? WHERE id = ?; "11987654321", 7\n'],
    // Each list opens a string no quote closes: every candidate sits inside it.
    ["lists whose string never closes, over and over", "", 'UPDATE t SET phone = $1 PARAMETERS: [\\"' + "11987654321 ".repeat(40)],
  ];

  itIsLinearIn(cases);

  it("still finds each number of a long list, and each column a placeholder names", () => {
    // Items as far as the list's reach (4096 characters) from its marker.
    const list = measured(built("Params: [", '"11987654321", ', 4000)).text;
    expect(list.startsWith('Params: ["[REDACTED:phone]", "[REDACTED:phone]", ')).toBe(true);
    expect(list).not.toContain("11987654321");
    const logged = 'INSERT INTO t (nome, celular) VALUES ($1, $2) -- PARAMETERS: ["Ana","1140041234"] ';
    expect(measured(logged.repeat(3)).text).toBe(logged.replaceAll("1140041234", "[REDACTED:phone]").repeat(3));
    const mysql = 'Executing (default): UPDATE c SET phone = ? WHERE id = ?; "1140041234", "1140041235"';
    expect(measured(mysql).text).toBe('Executing (default): UPDATE c SET phone = ? WHERE id = ?; "[REDACTED:phone]", "1140041235"');
  });
});

describe("a value an SQL WHERE compares, inline: the work of finding its column", () => {
  itIsLinearIn([
    ["one long IN list of strings", "SELECT * FROM users WHERE `User`.`ssn` IN (", "'234567890', "],
    ["one long IN list over lines that never closes", "SELECT * FROM users WHERE ssn IN (", "\n  '234567890',\n  345678901,"],
    ["values in parentheses after a WHERE, no IN list", "SELECT 1 WHERE a = 1 ", "fn('x', 1) "],
    ["strings that never close after a WHERE", "SELECT 1 WHERE ssn = '", "a, 'b', ("],
    ["comparisons over and over", "", "SELECT 1 FROM u WHERE `u`.`ssn` = '234567890' AND phone IN ('4155550132', '4155550133'); "],
    ["Prisma's query events logged as JSON, over and over", "", '{"query":"SELECT 1 WHERE ssn = $1 AND phone = $2","params":"[\\"234567890\\",\\"4155550132\\"]"}\n'],
  ]);

  it("still redacts every value of a long list", () => {
    const text = `SELECT * FROM users WHERE \`User\`.\`ssn\` IN (${"'234567890', ".repeat(1 << 12)}'345678901') LIMIT 1`;
    expect(measured(text).text).toBe(`SELECT * FROM users WHERE \`User\`.\`ssn\` IN (${"'[REDACTED:ssn]', ".repeat(1 << 12)}'[REDACTED:ssn]') LIMIT 1`);
  });
});

describe("any value in an ORM's list of bound parameters: the work of finding its column's rule", () => {
  const cases: Array<[string, string, string]> = [
    ["one long TypeORM list", 'UPDATE u SET password = $1 -- PARAMETERS: [', '"hunter2-S3cret!", 7, '],
    ["one long Rails list", 'User Update  UPDATE "users" SET "password" = $1  [', '["password", "hunter2-S3cret!"], ["id", 7], '],
    ["one long EF Core list", "Executed DbCommand (3ms) [Parameters=[", "@__password_0='hunter2-S3cret!' (Size = 4000), @__name_1='Ana Souza', "],
    ["pydantic errors over and over", "", "password\n  String too short [type=string_too_short, input_value='hunter2', input_type=str]\n"],
    ["one long line of pydantic inputs", "password\n  ", "[type=x, input_value='hunter2', input_type=str] "],
    ["FastAPI errors over and over", '{"detail":[', '{"type":"string_too_short","loc":["body","password"],"msg":"too short","input":"hunter2"},'],
    ["FastAPI inputs with no loc", '{"detail":[', '{"type":"x","msg":"m","input":"hunter2"},'],
    ["one long Sequelize 7 list in single quotes, over lines", "Executing (default): UPDATE u SET `password`=$1; with parameters [", "\n  'hunter2-S3cret!',\n  '01304-001',"],
    ["statements and lists over and over", "", 'UPDATE u SET "password" = $1, "zip" = $2 -- PARAMETERS: ["hunter2-S3cret!","01304-001"] '],
    ["quoted items after a marker with no list", "Params: ", ',"a" ,7 '],
    ["one long Sequelize 6 list after the statement", "Executing (default): UPDATE u SET password = $1, zip = $2; ", '"hunter2-S3cret!", "01304-001", '],
    ["one long object of Sequelize 6 SQLite's keyed values", "Executing (default): UPDATE u SET password = $1; {", '"$1":"hunter2-S3cret!",'],
    ["Sequelize 6 statements over and over", "", 'Executing (default): UPDATE u SET `password`=?,`cep`=? WHERE `email` = ?; "hunter2-S3cret!", "01304-001", "ana@example.com"\n'],
    ["one long list in JSON text held in a string", '{"msg":"query: UPDATE u SET \\"password\\" = $1 -- PARAMETERS: [', '\\"hunter2-S3cret!\\",7,'],
    ["escaped strings in a list that never close", '{"msg":"query: UPDATE u SET \\"password\\" = $1 -- PARAMETERS: [\\"', 'a\\\\\\" ,7, '],
    ["IN lists over and over", "", 'query: SELECT 1 FROM a WHERE "zip" IN ($1, $2, $3) -- PARAMETERS: ["01304-001","94103",7] '],
    ["one long list of strings holding escaped line breaks", 'UPDATE u SET password = $1 -- PARAMETERS: [', '"hunter2\\nS3cret!", 7, '],
    ["a list whose string never closes, over escaped line breaks", 'UPDATE u SET password = $1 -- PARAMETERS: ["', 'a\\nb ,7, '],
    ["inline strings that never close, over line breaks", "UPDATE u SET password = '", "a\nb = 'c\n"],
    ["a secret's double-quoted value that never closes, over escaped line breaks", 'password="', "a\\nb api_key=x "],
    ["a secret assigned in code whose double-quoted value never closes, over escaped line breaks", 'api_key = "', "a\\nb api_key = x "],
    ["card holders' double-quoted values over escaped line breaks, over and over", "", 'card_holder: "Maria\\nSouza" '],
    ["statements using a placeholder twice, over and over", "", 'Executing (default): SELECT 1 WHERE "status" = $1 AND "password" = $1; "hunter2-S3cret!"\n'],
    ["statements using a placeholder for a status and a phone, over and over", "", 'Executing (default): SELECT 1 WHERE "status" = $1 OR "phone" = $1; "11987654321"\n'],
    ["statements using a placeholder for an order's number and a CPF, over and over", "", 'Executing (default): SELECT 1 WHERE "numero_pedido" = $1 OR "cpf" = $1; "52998224725"\n'],
    ["one long list of numbers in a JSON record", '{"msg":"(db) Executing (default): UPDATE c SET cvv = ?; ', "123, "],
  ];

  itIsLinearIn(cases);

  it("is linear in JSON records each binding a number, read once for the level of their strings, each record still JSON", () => {
    const record = '{"msg":"[db] Executing (default): SELECT * FROM t WHERE zip = $1; 94103"}\n';
    const records = (count: number) => record.repeat(count);
    const small = measured(records(1 << 10));
    const large = measured(records(1 << 11));
    expect(small.work).toBeGreaterThan(0);
    expect(large.work).toBeLessThanOrEqual(2 * small.work + 8192);
    const stored = small.text.split("\n").filter((line) => line !== "");
    expect(stored).toHaveLength(1 << 10);
    for (const line of stored) expect(JSON.parse(line)).toEqual({ msg: '[db] Executing (default): SELECT * FROM t WHERE zip = $1; "[REDACTED:postal_code]"' });
  });

  it("is linear in a statement's placeholders in no IN list, each with its value", () => {
    const logged = (count: number) => {
      const placeholders = Array.from({ length: count }, (_, i) => `$${i + 1}`).join(", ");
      return `query: SELECT f(${placeholders}) -- PARAMETERS: [${Array.from({ length: count }, () => '"01304-001"').join(",")}] `;
    };
    const small = measured(logged(200).repeat(20));
    const large = measured(logged(200).repeat(40));
    expect(small.work).toBeGreaterThan(0);
    expect(large.work).toBeLessThanOrEqual(2 * small.work + 8192);
    expect(measured(logged(400)).work).toBeLessThanOrEqual(2 * measured(logged(200)).work + 8192);
    expect(small.text).toBe(logged(200).repeat(20));
  });

  it("is linear in the uses of one placeholder, in a logged statement and in a span's db.query.text", () => {
    const logged = (uses: number) => `Executing (default): SELECT 1 WHERE ${'"status" = $1 OR '.repeat(uses)}"password" = $1; "hunter2-S3cret!"`;
    const small = measured(logged(100));
    expect(small.text).toBe(`Executing (default): SELECT 1 WHERE ${'"status" = $1 OR '.repeat(100)}"password" = $1; "[REDACTED:secret_param]"`);
    expect(measured(logged(200)).work).toBeLessThanOrEqual(2 * small.work + 8192);

    const spanWork = (uses: number) => {
      const s = span({
        kind: 3,
        attributes: [
          { key: "db.query.text", value: { stringValue: `SELECT 1 WHERE ${'"status" = ? OR "zip" IN (?, ?) OR '.repeat(uses)}"password" = ?` } },
          ...Array.from({ length: 3 * uses + 1 }, (_, i) => ({ key: `db.query.parameter.${i}`, value: { stringValue: "hunter2-S3cret!" } })),
        ],
      });
      const before = workDone();
      redactRequest("traces", tracesRequest([s]), policy);
      return { work: workDone() - before, last: s.attributes[3 * uses + 1]!.value };
    };
    const n = 1 << 12;
    const spanSmall = spanWork(n);
    expect(spanSmall.last).toEqual({ stringValue: "[REDACTED:secret]" });
    expect(spanSmall.work).toBeGreaterThan(0);
    expect(spanWork(2 * n).work).toBeLessThanOrEqual(2 * spanSmall.work + 8192);
  });

  it("still redacts each statement's values by their columns", () => {
    const logged = 'UPDATE u SET "password" = $1, "zip" = $2 -- PARAMETERS: ["hunter2-S3cret!","01304-001"] ';
    expect(measured(logged.repeat(3)).text).toBe(
      'UPDATE u SET "password" = $1, "zip" = $2 -- PARAMETERS: ["[REDACTED:secret_param]","[REDACTED:postal_code]"] '.repeat(3),
    );
    const sequelize = 'Executing (default): UPDATE u SET `password`=?,`cep`=? WHERE `email` = ?; "hunter2-S3cret!", "01304-001", "ana@example.com"\n';
    expect(measured(sequelize.repeat(3)).text).toBe(
      'Executing (default): UPDATE u SET `password`=?,`cep`=? WHERE `email` = ?; "[REDACTED:secret_param]", "[REDACTED:postal_code]", "[REDACTED:email]"\n'.repeat(3),
    );
    const inLists = 'query: SELECT 1 FROM a WHERE "zip" IN ($1, $2, $3) -- PARAMETERS: ["01304-001","94103",7] ';
    expect(measured(inLists.repeat(3)).text).toBe('query: SELECT 1 FROM a WHERE "zip" IN ($1, $2, $3) -- PARAMETERS: ["[REDACTED:postal_code]","[REDACTED:postal_code]",7] '.repeat(3));
  });
});

describe("values written inline in SQL statements: the work of finding their column's rule", () => {
  const cases: Array<[string, string, string]> = [
    ["one long INSERT's rows", "INSERT INTO a (id, zip, card_holder) VALUES ", "(7, '01304-001', 'Ana Souza'), "],
    ["INSERTs over and over", "", "INSERT INTO a (id, zip) VALUES (7, '01304-001'); "],
    ["UPDATEs over and over", "", "UPDATE u SET cep = '01304-001', status = 'ok' WHERE id = 7; "],
    ["values in no row", "INSERT INTO a (zip) VALUES ", "'01304-001', 7, "],
  ];

  itIsLinearIn(cases);
});


describe("CPF-valid numbers named a thing's or a person's: the work of finding the column an unnamed one goes in", () => {
  const cases: Array<[string, string, string]> = [
    // Past the first item, no placeholder gives a column: each is read as a number with no name.
    ["one long bound list after an order number's placeholder", "SELECT * FROM pedidos WHERE numero_pedido = $1 -- PARAMETERS: [", '"52998224725", '],
    ["one long bound list after a CPF's placeholder", "SELECT * FROM clientes WHERE cliente_cpf = $1 -- PARAMETERS: [", '"52998224725", '],
    ["statements and lists over and over", "", 'SELECT * FROM pedidos WHERE numero_pedido = $1 -- PARAMETERS: ["52998224725"] '],
    ["numbers after no name, over and over", "", "x 52998224725 "],
  ];

  itIsLinearIn(cases);

  it("keeps each order number of statements logged with their lists and of an INSERT's rows, and redacts each CPF", () => {
    const logged = 'SELECT * FROM pedidos WHERE numero_pedido = $1 AND cliente_cpf = $2 -- PARAMETERS: ["52998224725","52998224725"] ';
    expect(measured(logged.repeat(50)).text).toBe(logged.replace('","52998224725"]', '","[REDACTED:cpf]"]').repeat(50));
    const rows = measured(built("INSERT INTO pedidos (numero_pedido, cliente_cpf) VALUES ", "('52998224725', '52998224725'), ", 4000)).text;
    expect(rows.startsWith("INSERT INTO pedidos (numero_pedido, cliente_cpf) VALUES ('52998224725', '[REDACTED:cpf]'), ('52998224725', '[REDACTED:cpf]'), ")).toBe(true);
    expect(rows.match(/52998224725/g)?.length).toBe(rows.match(/\[REDACTED:cpf\]/g)?.length);
  });
});

describe("lists of postal codes and IBANs, holders' names split in fields: the work of reading back to the list's name or the holder", () => {
  const cases: Array<[string, string, string]> = [
    ["one long comma list of ZIP codes after a name", "zips=", "94103,"],
    ["one long list of CEPs after a field's colon", "cep: ", "01304-001, "],
    ["ZIP-shaped items after a name that is no postal code's", "zip=94103 sizes: ", "94103, "],
    ["ZIP-shaped items after a comma and no name", "zip=94103 ", " a,94103"],
    ["one long JSON array of lower-case IBANs", '{"ibans":[', '"de89370400440532013000",'],
    ["holders' split names over and over", "", "card holder first_name=Maria last_name=Souza "],
    ["name fields after a holder that is a key's", "holder=ops ", "first_name=Maria "],
    ["holders' names after labels in prose, over and over", "", "Card holder: John Smith - Titular do cartão: João da Silva "],
    ["labels before names that are no holder's, over and over", "", "card holder verification: Not Present lock holder - Worker Pool "],
    ["long labels of holder words before names that are no name", "", "card holder holder holder holder: Not Present "],
  ];

  itIsLinearIn(cases);

  it("still redacts every item of a long list, and each holder's name", () => {
    const zips = measured(built("zips=", "94103,", 6000)).text;
    expect(zips.startsWith("zips=[REDACTED:postal_code],[REDACTED:postal_code],")).toBe(true);
    expect(zips).not.toContain("94103");
    const ibans = measured(`{"ibans":[${'"de89370400440532013000",'.repeat(500)}"gb82west12345698765432"]}`).text;
    expect(ibans).not.toMatch(/de89|gb82/);
    expect(measured("card holder first_name=Maria last_name=Souza ".repeat(3)).text).toBe(
      "card holder first_name=[REDACTED:card_holder] last_name=[REDACTED:card_holder] ".repeat(3),
    );
    expect(measured("Card holder: John Smith - Titular do cartão: João da Silva ".repeat(3)).text).toBe(
      "Card holder: [REDACTED:card_holder] - Titular do cartão: [REDACTED:card_holder] ".repeat(3),
    );
  });
});

describe("lists of SSNs and phones, CSV rows: the work of reading back to the list's name", () => {
  const cases: Array<[string, string, string]> = [
    ["one long comma list of SSNs after their name", "ssn: ", "123456789, "],
    // Pretty-printed with tabs, three levels deep: 16 characters an item, so n and 2n end alike.
    ["one long JSON array of phones as numbers", '{"cliente":{"phones":[', "\n\t\t\t11987654321,"],
    ["one long JSON array of phones as strings, never closed", '{"celulares":[', '"11987654321",'],
    ["lists of SSNs over and over", "", "ssn: 123456789, 234567890 "],
    ["nine-digit items after a name that is no SSN's", "ssn: 123456789 ids: ", "234567890, "],
    ["items after a list's opening and a word", "phones: [", "x,11987654321,"],
    ["CSV rows", "nome,cpf,uf\n", "Ana,52998224725,SP\n"],
    ["one long list of SSNs apart by blanks", "ssns: ", "123456789 "],
    ["one long list of phones apart by semicolons, in mixed forms", "telefones: ", "11987654321; (11) 98765-4321; +1 415 555 0132; "],
    ["one long JSON array of SSNs in mixed forms", '{"ssn_list":[', '"123-45-6789",234567890,"345 67 8901",'],
    ["nine-digit items apart by blanks after a name that is no SSN's", "ssn: 123456789 ids: ", "234567890 "],
    ["numbers apart by blanks in a list after no phone's name", "phone: none, ids [", "4155550132 "],
  ];

  itIsLinearIn(cases);

  it("still redacts every item of a long list and every row's CPF", () => {
    const ssns = measured(built("ssn: ", "123456789, ", 6000)).text;
    expect(ssns.startsWith("ssn: [REDACTED:ssn], [REDACTED:ssn], ")).toBe(true);
    expect(ssns).not.toContain("123456789");
    const phones = measured(`{"phones":[${"11987654321,".repeat(1000)}11912345678]}`).text;
    expect(phones).not.toMatch(/119\d{8}/);
    const blanks = measured(built("ssns: ", "123456789 ", 6000)).text;
    expect(blanks.startsWith("ssns: [REDACTED:ssn] [REDACTED:ssn] ")).toBe(true);
    expect(blanks).not.toContain("123456789");
    const mixed = measured(built("telefones: ", "11987654321; (11) 98765-4321; +1 415 555 0132; ", 6000)).text;
    expect(mixed).not.toMatch(/\d{4}/);
    const rows = measured("Ana,52998224725,SP\n".repeat(100)).text;
    expect(rows).toBe("Ana,[REDACTED:cpf],SP\n".repeat(100));
  });
});

describe("fields glued into one blank-free run: the work of reading each field's value", () => {
  // Each field's value runs to the end of the run; one whose name names no secret
  // (`example.comsession`) was read to that end at each colon, the work growing with the square.
  const cases: Array<[string, string, string]> = [
    ["a session's name glued to each address", "", "session:ana@example.com"],
    ["a bare sid glued to each address", "", "sid:a@b.c"],
    ["another session's address", "", "session:bob@x.io"],
    ["a token's name glued to each address", "", "token:x@y.z"],
    ["a password's name glued to each address", "", "password:a@b.c"],
    // A session's name ends each value (`ysessionid`, `y.session`, `active.session`): it names a
    // session still, and the value's start refuses the field (an `@` in its token, a state's word).
    ["a glued session id's name after each address", "", "sessionid:x@y"],
    // Any character no session id holds, a letter after it, refuses the field as the `@` does.
    ["a glued session id's name after each exclamation", "", "sessionid:x!y"],
    ["a session's name after each hash sign", "", "session:x#y"],
    ["a bare sid after each dollar", "", "sid:x$y"],
    ["a session id's name after each question mark", "", "session_id:x?y"],
    ["a session id's name after each letter past ASCII", "", "sessionid:xéy"],
    ["a session's name after each address and a dot", "", "session:x@y."],
    ["a session's state before a dot", "", "session:active."],
    ["a camel-case session id's name", "", "sessionId=x@y"],
    ["a session id's value of words", "", "session_id:a.b"],
    ["a token's name glued to each short address", "", "token:x@y"],
    ["a short session id's number", "", "sessid:1."],
    ["a token's state before a dot", "", "token:active."],
    ["a password's state before a dot", "", "password:expired."],
    // A source file's position is judged from its few characters after the colon, never its value
    // (glued to the next name, `token.go:1:2:` is none, and the run goes whole).
    ["a credential-named source file's line and column, glued", "", "token.go:1:2:"],
    ["the same after a directory", "", "a/token.go:1:2:"],
    ["a source file's line before a comma", "", "token.go:42,"],
    ["a JVM frame's file and line", "", "(Secret.java:42)"],
    // A value that opens with a character no session id holds, no word before it, is refused as well.
    ["a bare sid before each address's at sign", "password=1 ", "sid:@a="],
    ["a session's name before each parenthesis", "password=1 ", "session:(a="],
    ["a session id's name before each shell expansion", "", "sessionid:${a="],
    ["a bare sid before each command substitution", "", "sid:$(a="],
    ["a session's name before each percent and brace", "", "session:%{a="],
    ["a bare sid before each Ruby interpolation", "", "sid:#{a="],
    // So is one whose word is followed by such an opening (`NO_SESSION_ID_OPENING`), glued.
    ["a bare sid before a letter and each shell expansion", "", "sid:a${"],
    ["a bare sid before a word with a digit and each command substitution", "", "sid:ab1$("],
    ["a bare sid before a digit and each percent and brace", "", "sid:1%{"],
    ["a session id's name before a letter and each Ruby interpolation", "password=1 ", "sessionid:a#{"],
    ["a bare sid before a dash and each parenthesis", "", "sid:-("],
    ["a bare sid before a dot and each brace", "", "sid:.{"],
    ["a bare sid before a percent-encoding and each bracket", "", "sid:%41["],
    // Under a session's name the run goes on through a session id's other characters, and an `&`
    // or a `)` before a word's character refuses the value; so do some openings and a glob's part.
    ["a bare sid before a letter, a bar and each brace", "", "sid:a|{"],
    ["a bare sid before a letter, an ampersand and each brace", "", "sid:a&{"],
    ["a session id before a letter, an ampersand and each bracket", "", "sessionid:a&["],
    ["a bare sid before a letter, a tilde and each shell expansion", "", "sid:a~${"],
    ["a bare sid before a letter, a slash and each parenthesis", "", "sid:a/("],
    ["a bare sid before a letter, a closing parenthesis, a letter and each parenthesis", "", "sid:a)b("],
    ["a bare sid before a letter and each closing parenthesis", "", "sid:m)"],
    ["a session id before a bar and each bracket", "", "sessionid:|["],
    ["a session id before a letter, a brace and a star", "", "sessionid:m{*"],
    ["a short session id before a letter, an ampersand and a letter", "", "sessid:P&K"],
    ["a bare sid before each hash", "", "sid:#"],
    ["a bare sid before each closing parenthesis", "", "sid:)"],
    ["a bare sid before each backslash", "", "sid:\\"],
    ["a bare sid before a letter and each backslash", "", "sid:a\\"],
    ["a bare sid before a word and each escaped quote", "", 'sid:ab\\"'],
    ["a bare sid before a letter, a backslash's escape and each parenthesis", "", "sid:a\\b("],
    ["a bare sid before each letter past Latin", "", "sid:\u044f"],
    ["a password before each glob's star", "", "password:*"],
    ["a one-time password before a word and each glob's star", "", "otp:ih*"],
  ];

  itIsLinearIn(cases);

  it("still refuses those fields and redacts what they held before", () => {
    expect(measured("sessionid:x@y".repeat(4)).text).toBe("sessionid:x@y".repeat(4));
    expect(measured("session:active.".repeat(4)).text).toBe("session:active.".repeat(4));
    expect(measured("sessionid:x!y".repeat(4)).text).toBe("sessionid:x!y".repeat(4));
    expect(measured("session:x#ysession:x(y".repeat(3)).text).toBe("session:x#ysession:x(y".repeat(3));
    // A session id before a `)` a sentence's end cuts is still the id.
    expect(measured("(sessionid:Zx9Kq2Lm7Pw4) next").text).toMatch(/^\(sessionid:\[REDACTED:secret:[0-9a-f]{16}\]\) next$/);
    expect(measured("session:x@y.".repeat(2)).text).toBe("session:[REDACTED:email]:x@y.");
    expect(measured("token:x@y".repeat(4)).text).toBe("token:[REDACTED:secret_param]");
    expect(measured("session:Zx9Kq2Lm7Pw4").text).toMatch(/^session:\[REDACTED:secret:[0-9a-f]{16}\]$/);
    expect(measured("sid:@a=sid:(a=session:${a=session:%{a=sid:#{a=").text).toBe("sid:@a=sid:(a=session:${a=session:%{a=sid:#{a=");
    expect(measured("session:(Zx9Kq2Lm7Pw4)").text).toBe("session:(Zx9Kq2Lm7Pw4)");
    expect(measured("session:%Zx9Kq2Lm7Pw4").text).toMatch(/^session:\[REDACTED:secret:[0-9a-f]{16}\]$/);
    expect(measured("sid:a${sid:ab1$(sid:1%{sessionid:a#{").text).toBe("sid:a${sid:ab1$(sid:1%{sessionid:a#{");
    expect(measured("sid:-(sid:.{sid:%41[").text).toBe("sid:-(sid:.{sid:%41[");
    expect(measured("sid:a${sid:Zx9Kq2Lm7Pw4").text).toMatch(/^sid:a\$\{sid:\[REDACTED:secret:[0-9a-f]{16}\]$/);
    expect(measured("sid:a|{sid:a&{sessionid:a&[sid:a~${sid:a/(sid:a)b(").text).toBe("sid:a|{sid:a&{sessionid:a&[sid:a~${sid:a/(sid:a)b(");
    expect(measured("sid:a|{sid:Zx9Kq2Lm7Pw4").text).toMatch(/^sid:a\|\{sid:\[REDACTED:secret:[0-9a-f]{16}\]$/);
    expect(measured("sid:#a:sid:)a:sid:\u044fa:sid:m)x:sid:Zx9Kq2Lm7Pw4").text).toMatch(/^sid:#a:sid:\)a:sid:\u044fa:sid:m\)x:sid:\[REDACTED:secret:[0-9a-f]{16}\]$/);
    expect(measured("password:*password:*token:*").text).toBe("password:*password:*token:*");
    expect(measured("password:*x password:hunter2x").text).toBe("password:*x password:[REDACTED:secret_param]");
    // A cookie's pair after the run is read as the field's whole value, as before; so is a Ruby `#Name<…>`.
    expect(measured("sid:a|b=Zx9Kq2Lm7Pw4").text).toMatch(/^sid:\[REDACTED:secret:[0-9a-f]{16}\]$/);
    expect(measured("sid:#Secret<abc>").text).toBe("sid:[REDACTED:secret_param]");
  });

  // A backslash after the run refuses the value only before an ASCII letter or digit (`sid:x\q`);
  // before an escaped quote, a backslash or a blank it ends the id, which goes.
  it.each([
    [String.raw`{"log":"{\"msg\":\"login sid:Zx9Kq2Lm7Pw4abcd\"}"}`, "Zx9Kq2Lm7Pw4abcd"],
    [String.raw`{\"msg\":\"sessionid:Zx9Kq2Lm7Pw4abcd\"}`, "Zx9Kq2Lm7Pw4abcd"],
    [String.raw`{"msg":"cookie PHPSESSID:Zx9Kq2Lm7Pw4abcd\\"}`, "Zx9Kq2Lm7Pw4abcd"],
    [String.raw`jsessionid:Zx9Kq2Lm7Pw4abcd\"}`, "Zx9Kq2Lm7Pw4abcd"],
    [String.raw`session:Zx9Kq2Lm7Pw4abcd\ `, "Zx9Kq2Lm7Pw4abcd"],
    [String.raw`sid:Zx9Kq2Lm7Pw4abcd\\`, "Zx9Kq2Lm7Pw4abcd"],
    [String.raw`sid:abc|def\"`, "abc|def"],
  ])("redacts a glued session id before a backslash that escapes no letter or digit: %s", (text, id) => {
    const redacted = measured(text).text;
    expect(redacted).not.toContain(id);
    expect(redacted).toMatch(/:\[REDACTED:secret:[0-9a-f]{16}\]\\/);
    expect(redacted.replace(/\[REDACTED:secret:[0-9a-f]{16}\]/, id)).toBe(text);
  });

  it("keeps a glued session field whose run a backslash before a letter or digit follows", () => {
    expect(measured(String.raw`sid:Zx9Kq2Lm7Pw4abcd\q sid:Zx9Kq2Lm7Pw4abcd\1`).text).toBe(String.raw`sid:Zx9Kq2Lm7Pw4abcd\q sid:Zx9Kq2Lm7Pw4abcd\1`);
  });

  it.each([
    [String.raw`sid:Zx9Kq2Lm7Pw4abcd\\n`, String.raw`\\n`],
    [String.raw`sid:Zx9Kq2Lm7Pw4abcd\\&x=1`, String.raw`\\&x=1`],
    [String.raw`sid:\\u0041Zx9Kq2Lm7Pw4abcd`, ""],
  ])("redacts a glued session id beside two backslashes that start an escape or end it before a pair: %s", (text, kept) => {
    expect(measured(text).text).toMatch(new RegExp(`^sid:\\[REDACTED:secret:[0-9a-f]{16}\\]${kept.replace(/[\\&]/g, "\\$&")}$`));
  });

  it("keeps a glued session field whose value holds two backslashes or more before another character its token holds", () => {
    const text = String.raw`sid:Zx9Kq2Lm7Pw4abcd\\q sid:Zx9Kq2Lm7Pw4abcd\\\q sid:Zx9Kq2Lm7Pw4abcd\\uzz sid:\\&{`;
    expect(measured(text).text).toBe(text);
  });

  it("redacts a glued session id joined by JSON's escape of a shell's `\\&` to more of its value, whole", () => {
    // `\\&` in a JSON string is `\&`, which joins an id to more of it as `&` does (session-ids.ts).
    expect(measured(String.raw`sid:Zx9Kq2Lm7Pw4abcd\\&{`).text).toMatch(/^sid:\[REDACTED:secret:[0-9a-f]{16}\]$/);
  });
});

describe("a secret's name before each template opener never closed: the work of judging each value a placeholder", () => {
  // An unclosed template stood for a secret to the end of the blank-free run, so each name in the
  // run was kept and its value read again to the run's end; a template is read 256 characters at most.
  const cases: Array<[string, string, string]> = [
    ["a password's shell expansion opened", "", "password=${"],
    ["a password's variable never closed", "", "password=${a"],
    ["a password's default never closed", "", "password=${a-"],
    ["a password's required variable never closed", "", "password=${a?"],
    ["a password's assigned default never closed", "", "password=${a="],
    ["a password flag's default never closed", "", "--password=${aaaa"],
    ["a token's template braces opened", "", "token={{"],
    ["a token's field with a shell expansion opened", "", "token: ${a-"],
  ];

  itIsLinearIn(cases);

  it("still keeps a template of any reach a real one has, and redacts a value past it", () => {
    expect(measured("password=${a-password=${a-password=${a-").text).toBe("password=${a-password=${a-password=${a-");
    expect(measured("--password=${aaaa--password=${aaaa--password=${aaaa").text).toBe("--password=${aaaa--password=${aaaa--password=[REDACTED:secret_param]");
    expect(measured("PASSWORD=${PASSWORD:?must be set}").text).toBe("PASSWORD=${PASSWORD:?must be set}");
    expect(measured(`password=\${DB_PASSWORD:-${"x".repeat(200)}}`).text).toBe(`password=\${DB_PASSWORD:-${"x".repeat(200)}}`);
    expect(measured(`password=\${a-${"x".repeat(300)}`).text).toBe("password=[REDACTED:secret_param]");
    expect(measured("token={{ .Values.token }}").text).toBe("token={{ .Values.token }}");
  });
});

describe("values a database's error quotes: the work of reading back to the list's columns or index", () => {
  // Each list's reading goes back to the parenthesis before it at most, which no other list's crosses.
  const cases: Array<[string, string, string]> = [
    ["one-column keys", "", "Key (a)=(b) "],
    ["a key's heads glued, each reading back to the one before", "Key (a)=(b", ")=(b"],
    ["keys a column judges", "", "Key (phone)=(4155550132) already exists. "],
    ["SQL Server's key values with no index named", "", "The duplicate key value is (1) "],
    ["SQL Server's key values glued after one index", "index 'IX_a_Phone'. The duplicate key value is (1", ")=(1"],
  ];

  itIsLinearIn(cases);

  it("still redacts a key's value its column judges", () => {
    expect(measured("Key (phone)=(4155550132) already exists. ".repeat(2)).text).toBe("Key (phone)=([REDACTED:phone]) already exists. ".repeat(2));
  });
});

describe("a name after each opener inside a value that runs on: the work of judging each parameter by its name", () => {
  // A parameter's value runs to the end of the blank-free run, and a name starts again after each
  // `{`, `(` or `[` in it; each name that names no secret was read to that end, the work
  // growing with the square once the text held a secret's word. Such a name is passed over first.
  const cases: Array<[string, string, string]> = [
    ["a name after a brace, after a secret's field", "", "password:{a="],
    ["a name after two braces", "", "password:{{a="],
    ["a name after a bracket", "password=1 ", "password:[a="],
    ["a shell expansion's name, after a password's pair", "password=1 ", "foo=${"],
    ["a command substitution's name", "password=1 ", "foo=$("],
    ["a Ruby interpolation's name", "password=1 ", "foo=#{"],
    ["a template's name", "token: abc ", "foo={{"],
    // A session's name or a bare `key` before a value that opens with a character neither a
    // session id nor a key's credential holds is refused by that opening, before its value is read.
    ["a session's parameter before each parenthesis", "password=1 ", "session=("],
    ["a session's parameter before each bracket", "password=1 ", "session=["],
    ["a session id's parameter before each brace", "session=1 ", "sessionid={"],
    ["a bare sid's parameter before each template", "token: abc ", "sid={{"],
    ["a session's parameter before each shell expansion", "password=1 ", "session=${"],
    ["a session id's parameter before each command substitution", "password=1 ", "sessionid=$("],
    ["a bare sid's parameter before each percent and brace", "password=1 ", "sid=%{"],
    ["a session's parameter before each Ruby interpolation", "session=1 ", "session=#{"],
    ["a bare key before each parenthesis", "token: abc ", "key=("],
    ["a bare key before each brace", "password=1 ", "key={"],
    ["a bare key before each shell expansion", "password=1 ", "key=${"],
    ["a bare key before each Ruby interpolation", "token: abc ", "key=#{"],
    ["a bare code before each parenthesis", "", "code=("],
    // So is such a value whose character comes after a first word, a number or a percent-encoding,
    // read up to that character only, with or without a secret before.
    ["a bare key before a letter and each parenthesis", "", "key=a("],
    ["a bare sid before a letter and each brace", "", "sid=a{"],
    ["a bare key before a letter and each percent and brace", "", "key=a%{"],
    ["a bare key before a letter and each shell expansion", "", "key=a${"],
    ["a bare sid before a letter and each bracket", "", "sid=a["],
    ["a bare code before a letter and each parenthesis", "", "code=a("],
    ["a session's parameter before a letter and each parenthesis", "", "session=a("],
    ["PHP's session cookie before a letter and each parenthesis", "", "PHPSESSID=a("],
    ["a bare key before a word with a digit and each command substitution", "password=1 ", "key=ab1$("],
    ["a bare sid before a digit and each Ruby interpolation", "", "sid=1#{"],
    ["a session id's parameter before a dash and each backtick", "", "sessionid=-`"],
    ["a bare code before a percent-encoding and each brace", "", "code=%41{"],
    ["a bare key before a letter and each question mark", "", "key=a?"],
    ["a bare sid before a letter and each parenthesis in a JSON string", '{"msg":"', "sid=a("],
    ["a session's path before each parenthesis", "password=1 ", "session::id=("],
    ["a session's path before a letter and each bracket", "", "session::id=a["],
    // So is one whose run before that character holds other characters its token goes on
    // through (`~ / : | \\ ) +`, an `&` before no name, a letter past ASCII), or opens with one.
    ["a bare key before a letter, a tilde and each parenthesis", "", "key=a~("],
    ["a bare key before a letter, a slash and each parenthesis", "", "key=a/("],
    ["a bare key before a letter, a plus and each parenthesis", "", "key=a+("],
    ["a bare key before a letter, a colon and each parenthesis", "", "key=a:("],
    ["a bare key before a letter, a bar and each parenthesis", "", "key=a|("],
    ["a bare key before a letter, a backslash and each parenthesis", "", "key=a\\("],
    ["a bare key before a letter, a closing parenthesis and each parenthesis", "", "key=a)("],
    ["a bare key before an accented letter and each parenthesis", "", "key=a\u00e9("],
    ["a bare sid before a letter, an ampersand and each parenthesis", "", "sid=a&("],
    ["a bare sid before a letter, a tilde and each brace", "", "sid=a~{"],
    ["a bare code before a letter, a slash and each parenthesis", "", "code=a/("],
    ["a session's parameter before a letter, a colon and each brace", "", "session=a:{"],
    ["PHP's session cookie before a letter, a plus and each bracket", "", "PHPSESSID=a+["],
    ["a bare key before a letter, a tilde and each shell expansion", "password=1 ", "key=a~${"],
    ["a bare key before a digit, a slash and each parenthesis", "", "key=1/("],
    ["a bare key before a dash, a tilde and each parenthesis", "", "key=-~("],
    ["a bare key before a tilde and each parenthesis", "", "key=~("],
    ["a bare key before a slash and each parenthesis", "", "key=/("],
    ["a bare key before a colon and each parenthesis", "", "key=:("],
    ["a bare key before a plus and each parenthesis", "", "key=+("],
    ["a bare sid before a closing parenthesis and each parenthesis", "", "sid=)("],
    ["a bare sid before an ampersand and each parenthesis", "", "sid=&("],
    ["a bare code before an accented letter and each parenthesis", "", "code=\u00e9("],
    ["a bare key before a pair's value and each parenthesis", "", "key=a=b("],
    ["a bare key before each parenthesis and a bare key", "", "key=a(key="],
    // A bare code's value is refused outside an authorization response: the path before each code
    // (a `/` within reach) is read once, not 2 KB a code.
    ["a bare code before a letter, an exclamation mark and each slash", "", "code=a!/"],
    ["a bare code before a letter, a parenthesis and each slash", "", "code=a(/"],
    // The run is read as the value's token reads it, whatever it holds (an `&` before a name that
    // takes no `=`, a backslash, `=` under a session's name after a character no cookie's name
    // holds), and a run that starts inside one already read ends where it ended.
    ["a bare key before an ampersand before a name and each parenthesis", "", "key=ab&cd("],
    ["a bare code before an ampersand before a name and each brace", "", "code=ab&cd{"],
    ["a bare sid before an ampersand before a name and each parenthesis", "", "sid=ab&cd("],
    ["a session's parameter before an ampersand before a name and each bracket", "", "session=ab&cd["],
    ["a bare sid before a backslash's escape and each parenthesis", "", "sid=a\\b("],
    ["a bare key before an escaped backslash and each parenthesis", "", "key=a\\\\b("],
    ["a bare sid before a plus, a pair's equals sign and each parenthesis", "", "sid=a+b=("],
    ["a bare sid before a bracket's close and each parenthesis", "", "sid=a]b("],
    ["a bare key before a letter past Latin and each parenthesis", "", "key=a\u044f("],
    ["a bare key before a letter and each percent sign", "", "key=a%"],
    ["a bare code before each bar", "", "code=|"],
    ["a bare code before a letter and each closing parenthesis", "", "code=a)"],
    ["a bare key before each closing bracket", "", "key=]"],
    ["a bare sid before a letter and each closing brace", "", "sid=a}"],
    ["a bare key before a letter, a tilde and the next key", "", "key=a~key=a~"],
    ["a session's path before each closing parenthesis", "", "session::id=)"],
    ["a session's path before each ampersand", "", "session::id=&"],
    ["a session's path before a letter, a question mark and a letter glued to the next path", "", "session::id=f?p"],
  ];

  itIsLinearIn(cases);

  it("still reads a secret's name after the same openers, and what a cookie's or a path's name holds", () => {
    expect(measured("password:{a=password:{a=password:{a=").text).toBe("password:{a=password:{a=password:{a=");
    expect(measured("password=1 foo=${foo=${foo=${").text).toBe("password=[REDACTED:secret_param] foo=${foo=${foo=${");
    expect(measured("password=1 connect(a=1,password=hunter2)").text).toBe("password=[REDACTED:secret_param] connect(a=1,password=[REDACTED:secret_param])");
    expect(measured("password=1 {user=bob, password=s3cr3t}").text).toBe("password=[REDACTED:secret_param] {user=bob, password=[REDACTED:secret]}");
    expect(measured("token: abc [a=[a=[token=xyz").text).toBe("token: [REDACTED:secret_param]");
    expect(measured("cookie:x foo=(sid=abc123def456ghi; theme=dark").text).toMatch(/^cookie:\[REDACTED:secret_param\] foo=\(sid=\[REDACTED:secret:[0-9a-f]{16}\]; theme=dark$/);
    expect(measured('* Added cookie sid="abc123def456" for domain x').text).toMatch(/^\* Added cookie sid="\[REDACTED:secret:[0-9a-f]{16}\]" for domain x$/);
    expect(measured("ok Api::Key=abcdef123456").text).toBe("ok Api::Key=[REDACTED:secret_param]");
    const openers = "password=1 session=(session=[sid={{sessionid=${key=$(key=%{sid=#{";
    expect(measured(openers).text).toBe(openers.replace("=1", "=[REDACTED:secret_param]"));
    expect(measured("password=1 session=(sid=abc123def456ghi").text).toMatch(/^password=\[REDACTED:secret_param\] session=\(sid=\[REDACTED:secret:[0-9a-f]{16}\]$/);
    expect(measured("password=1 key=({key=AIzaSyD4Zx9Kq2Lm7Pw4a1b2").text).toBe("password=[REDACTED:secret_param] key=({key=[REDACTED:secret_param]");
    expect(measured("password=1 session=%Zx9Kq2Lm7Pw4").text).toMatch(/^password=\[REDACTED:secret_param\] session=\[REDACTED:secret:[0-9a-f]{16}\]$/);
    expect(measured("password=1 cookie=(Zx9Kq2Lm7Pw4").text).toBe("password=[REDACTED:secret_param] cookie=[REDACTED:secret_param]");
  });

  it("still reads a key, a code and a session id after a first word and such a character, and the same value where its token ends before it", () => {
    const glued = "key=a(sid=ab1{code=%41${session=a[PHPSESSID=a(key=ab1?sid=1#{";
    expect(measured(glued).text).toBe(glued);
    expect(measured("key=a(key=AIzaSyD4Zx9Kq2Lm7Pw4a1b2").text).toBe("key=a(key=[REDACTED:secret_param]");
    expect(measured("sid=abc(sid=abc123def456ghi").text).toMatch(/^sid=abc\(sid=\[REDACTED:secret:[0-9a-f]{16}\]$/);
    // In an authorization response a bare code is the credential whatever it holds.
    expect(measured("GET /cb?code=a(b&state=1").text).toBe("GET /cb?code=[REDACTED:secret_param]&state=1");
    // A URL path's parameter ends at its `?`, a query's value at its `#`.
    expect(measured("/cart;jsessionid=abc123def456ghi?x=1").text).toMatch(/^\/cart;jsessionid=\[REDACTED:secret:[0-9a-f]{16}\]\?x=1$/);
    expect(measured("GET /?sid=abc123def456ghi#{x}").text).toMatch(/^GET \/\?sid=\[REDACTED:secret:[0-9a-f]{16}\]#\{x\}$/);
    expect(measured("x sid=abc123def456ghi#access_token=abc").text).toMatch(/^x sid=\[REDACTED:secret:[0-9a-f]{16}\]#access_token=\[REDACTED:secret_param\]$/);
    expect(measured("pwd=a(b").text).toBe("pwd=[REDACTED:secret_param]");
    const runs = "key=a~(key=a/(key=a+(key=a:(key=a|(key=a\\(key=a)(sid=a&(code=\u00e9(key=/(sid=)(";
    expect(measured(runs).text).toBe(runs);
    expect(measured("key=a~(key=AIzaSyD4Zx9Kq2Lm7Pw4a1b2").text).toBe("key=a~(key=[REDACTED:secret_param]");
    expect(measured("sid=a/(sid=abc123def456ghi").text).toMatch(/^sid=a\/\(sid=\[REDACTED:secret:[0-9a-f]{16}\]$/);
    expect(measured("key=a=b(key=AIzaSyD4Zx9Kq2Lm7Pw4a1b2").text).toBe("key=a=b(key=[REDACTED:secret_param]");
    // An `&` before a name starts the next parameter, which is read as its own.
    expect(measured("x sid=a&token=Zx9Kq2Lm7Pw4(").text).toBe("x sid=a&token=[REDACTED:secret_param]");
    expect(measured("session::id=a(session::id=abc123def456ghi").text).toMatch(/^session::id=a\(session::id=\[REDACTED:secret:[0-9a-f]{16}\]$/);
    const named = "key=ab&cd(code=ab&cd{session=ab&cd[sid=a+b=(key=a%code=|code=a)";
    expect(measured(named).text).toBe(named);
    expect(measured("key=ab&cd(key=AIzaSyD4Zx9Kq2Lm7Pw4a1b2").text).toBe("key=ab&cd(key=[REDACTED:secret_param]");
    expect(measured("x sid=ab&token=Zx9Kq2Lm7Pw4(").text).toBe("x sid=ab&token=[REDACTED:secret_param]");
    expect(measured("key=a~key=AIzaSyD4Zx9Kq2Lm7Pw4a1b2").text).toBe("key=[REDACTED:secret_param]");
    // A cookie's pair under a session's name, and a scheme's credentials, which an `&` ends, are read as before.
    expect(measured("sid=a=Zx9Kq2Lm7Pw4(").text).toBe("sid=a=[REDACTED:secret_param]");
    expect(measured("x sid=Xk9mQ2+defghijklmnopqrst1234&x(").text).toMatch(/^x sid=\[REDACTED:secret:[0-9a-f]{16}\]&x\($/);
    // A value that opens as a scheme's word and separator is read up to its first `&`: its credentials
    // are redacted before a later `#`, `?` or refusing character (an `=`, an `&`, a letter past ASCII between).
    const hash = (redacted: string) => redacted.replace(/(\[REDACTED:[a-z_]+:)[0-9a-f]{16}\]/g, "$1H]");
    for (const [text, expected] of [
      ["sid=Basic+dXNlcjpwYXNzd29yZDEyMw==#", "sid=Basic+[REDACTED:secret:H]#"],
      ['{"msg":"sid=Basic+dXNlcjpwYXNzd29yZDEyMw==#"}', '{"msg":"sid=Basic+[REDACTED:secret:H]#"}'],
      ["session=Bearer+eyJhbGciOiJIUzI1NiJ9==#1 ok", "session=Bearer+[REDACTED:secret:H]#1 ok"],
      ["JSESSIONID=Basic%20dXNlcjpwYXNzd29yZDEyMw==#", "JSESSIONID=Basic%20[REDACTED:secret:H]#"],
      ["PHPSESSID=ab+cd=Zx9Kq2Lm7Pw4#!", "PHPSESSID=[REDACTED:secret:H]#!"],
      ["session=abc+Zx9Kq2Lm7Pw4=x#1", "session=[REDACTED:secret:H]#1"],
      ["sid=Zx9Kq2Lm7Pw4%20Zx9Kq2Lm7Pw4=Zx9Kq2Lm7Pw4#", "sid=[REDACTED:secret:H]#"],
      ["sid=Zx9Kq2Lm7Pw4+Zx9Kq2Lm7Pw4=/#", "sid=[REDACTED:secret:H]#"],
      ["sid:Bearer%20Zx9Kq2Lm7Pw4&#1", "sid:Bearer%20[REDACTED:secret:H]&#1"],
      ["session:Bearer%20eyJhbGciOiJIUzI1NiJ9&#1", "session:Bearer%20[REDACTED:secret:H]&#1"],
      ["sid:Bearer%20Zx9Kq2Lm7Pw4&?x", "sid:Bearer%20[REDACTED:secret:H]&?x"],
      ["https://h/p?sessionid:Bearer%20Zx9Kq2Lm7Pw4&#!", "https://h/p?sessionid:Bearer%20[REDACTED:secret:H]&#!"],
      ["sid=abc+Zx9Kq2Lm7Pw4&\u044f#", "sid=[REDACTED:secret:H]&\u044f#"],
      ["session=abc+dXNlcjpwYXNzd29yZDEyMw&\u044f#", "session=[REDACTED:secret:H]&\u044f#"],
      ["x session=Basic+s%3AZx9Kq2Lm7Pw4.abcdefghijk&\u044f#", "x session=Basic+[REDACTED:secret:H]&\u044f#"],
      ["sid=Token:+Zx9Kq2Lm7Pw4=x#1", "sid=Token:+[REDACTED:secret:H]#1"],
      // Kept whole before: the run read on through the `&` to the refusing `(`.
      ["sid=abcdef+ghijkl12&(", "sid=[REDACTED:secret:H]&("],
      // A JSON string's escape is no refusing character: the id before it goes, as before.
      ["sid=Zx9Kq2Lm7Pw4\\nnext", "sid=[REDACTED:secret:H]\\nnext"],
    ]) {
      expect(hash(measured(text!).text)).toBe(expected);
    }
  });
});

describe("a session id joined by `&` and code after a bracketed value: the work of reading them", () => {
  itIsLinearIn([
    ["a long joined id before each session name", "sessionid:" + "9f8e7d6c5b4a".repeat(30), "&sid:9f8e"],
    ["session names joined by ampersands", "", "sessionid:9f8e7d6c5b4a&"],
    ["session names joined by a shell's escaped ampersand", "", "sid:9f8e7d6c5b4a\\&"],
    ["JSON's escape of a shell's ampersand after each id", "", "sid:9f8e7d6c5b4a\\\\&"],
    ["Cookie headers whose session ids hold escaped ampersands", "", "Cookie: sid=9f8e7d6c5b4a\\&sid=a\\&"],
    ["a password's bracket before each opened parenthesis", "", "password: [hunter2]("],
    ["a password's bracket before each opened brace and a comma", "", "password: [hunter2]{x,"],
    ["a regex's class before each quantifier", "", "password: [A-Za-z\\d@]{8,}"],
    ["a password's bracket before each member", "", "password: [a1].map"],
    ["a union after each bracket", "", "password: [x]|TokenInfo"],
    ["a readonly union's member after each bracket", "", "password: [x]|readonly "],
    ["separators and a quote glued after each bracket", "", 'password: [x]&a;b,c\\d"e'],
    ["a masked scheme before each token", "", "Authorization: [Bearer ***] "],
    ["a masked scheme before each prefixed key", "", "Authorization: [Bearer ***] sk_live_abcdef12 "],
    ["a secret-shaped run after a separator after each bracket", "", "password: [x];Sup3rS3cretPw "],
    ["a key after a sanitized part before each comma", "", "x-api-key:?:Zx9Kq2Lm7Pw4abcd, "],
    ["a sanitized API key's header before each blank", "", "x-api-key:?:a "],
    ["a sanitized cookie header's session before each semicolon", "", "cookie:?:sid=Zx9Kq2Lm7Pw4abcd; "],
    ["a Markdown key/value row on each line", "", "| password | hunter2x9 |\n"],
    ["a psql key/value row on each line", "", "password  | hunter2x9\n"],
    ["a logger's prefix before each key/value row", "", "2026-12-04T21:00:00.000Z ERROR | password | hunter2x9 |\n"],
    ["cells on one long line", "", "| a | b "],
    ["a table's rows under a secret's column", "| user | password |\n|---|---|\n", "| alice | hunter2x9 |\n"],
    ["a password before a word glued to a colon, again and again", "", "password:x y: "],
    ["nested brackets under each secret's name", "", "password: [[hunter2]] "],
    ["a bracketed host's port and path after each name", "", "token: [api.example.com]:443/oauth "],
    ["a wiki link under each secret's name", "", "password: [[reset-password]] "],
    ["a mask and a separator before each field", "", "password: [FILTERED],host:a "],
    ["a mask and a separator before each secret-shaped run", "", "password: [FILTERED],abc12345678 "],
    ["a Go array's length and pointer after each secret's name", "", "password: [8]*hunter2 "],
    ["Go's slice literal after each secret's name", "", 'token: []string{"'],
    ["an inspected built-in under each name", "{ ", "pin: [Uint8Array], "],
  ]);
});
