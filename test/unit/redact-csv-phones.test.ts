/**
 * A phone number in CSV text: the international form is a phone in any field (`+48 601 234 567`
 * between `,` or `;`); a national number is one in a column whose header names a phone
 * (`name,phone` over `Jan,601 234 567`, `;`-separated too, quoted, after a field of one to three
 * digits that a `,` would otherwise glue to it as a decimal's); numeric columns (amounts, ids,
 * timestamps, `1,234,567`) and a national number in a row with no header stay. CSV held in a
 * JSON string (`{"export":"id,name,phone\\n42,Jan,601 234 567"}`) is read the same, its escaped
 * line breaks the CSV's.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { csvColumnName } from "../../workers/ingest/core/redact/detectors/csv-columns";
import { expectUnchanged, storedLogAttributes } from "../support/redaction";
import { itStores } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const PHONE = "[REDACTED:phone]";

describe("phones in CSV", () => {
  itStores("%j", (text) => redactString(text, policy).text, [
    // The trial's line: the international form, `,` or `;` its field's bounds.
    ["42,Jan Kowalski,+48 601 234 567,Warszawa", `42,Jan Kowalski,${PHONE},Warszawa`],
    ["42;Jan Kowalski;+48 601 234 567;Warszawa", `42;Jan Kowalski;${PHONE};Warszawa`],
    ["id,name,phone,city\n42,Jan Kowalski,+48 601 234 567,Warszawa", `id,name,phone,city\n42,Jan Kowalski,${PHONE},Warszawa`],
    // A national number under a header naming a phone.
    ["id,name,phone,city\n42,Jan Kowalski,601 234 567,Warszawa", `id,name,phone,city\n42,Jan Kowalski,${PHONE},Warszawa`],
    ["id;name;telefon;miasto\n42;Jan;601234567;Warszawa", `id;name;telefon;miasto\n42;Jan;${PHONE};Warszawa`],
    ["id,phone\n42,601 234 567", `id,phone\n42,${PHONE}`],
    ["phone,name\n601 234 567,Jan", `phone,name\n${PHONE},Jan`],
    ["name,mobile_number\r\nJan,07911 123456\r\n", `name,mobile_number\r\nJan,${PHONE}\r\n`],
    ['"name","phone"\n"Jan","(415) 555-0100"', `"name","phone"\n"Jan","${PHONE}"`],
    ["id,name,phone\n41,Ana,\"601 234 567\"\n42,Jan,601 234 568", `id,name,phone\n41,Ana,"${PHONE}"\n42,Jan,${PHONE}`],
    ["name,phone,qty\nJan,601234567,5", `name,phone,qty\nJan,${PHONE},5`],
  ]);

  it.each([
    "id,amount,ts\n42,12345678,1700000000000",
    "id,phone\n1,234,567",
    "order_id,amount\n12345678,1,234,567",
    "sku,qty,price\n12345678,2,1,50",
    "total: 1,234,567",
    "ids: 3,14159265",
    // No header names the column: a national number's shape alone is no phone.
    "42,Jan Kowalski,601 234 567,Warszawa",
    "name,city\nJan,601 234 567",
  ])("keeps %j", expectUnchanged);

  it("as a log attribute holding the export", () => {
    const { values, kinds } = storedLogAttributes([{ key: "export", value: { stringValue: "name;telefon\nJan;601 234 567" } }]);
    expect(values).toEqual({ export: `name;telefon\nJan;${PHONE}` });
    expect(kinds).toBe("phone");
  });
});

describe("phones in CSV held in a JSON string, its line breaks escaped", () => {
  it.each([
    // The trial's body: the escaped `\n` is the CSV's line break.
    ['{"export":"id,name,phone\\n42,Jan,601 234 567"}', `{"export":"id,name,phone\\n42,Jan,${PHONE}"}`],
    ['{"export":"id;name;telefon\\r\\n42;Jan;601234567\\r\\n43;Ana;602345678","rows":2}', `{"export":"id;name;telefon\\r\\n42;Jan;${PHONE}\\r\\n43;Ana;${PHONE}","rows":2}`],
    ['{"export":"id,name,phone,city\\n42,Jan,601 234 567,Warszawa"}', `{"export":"id,name,phone,city\\n42,Jan,${PHONE},Warszawa"}`],
    // CSV's own quotes, escaped in the JSON string.
    ['{"export":"id,name,phone\\n43,Ana,\\"602 345 678\\"","x":1}', `{"export":"id,name,phone\\n43,Ana,\\"${PHONE}\\"","x":1}`],
    ['{"export":"\\"name\\",\\"phone\\"\\n\\"Jan\\",\\"(415) 555-0100\\""}', `{"export":"\\"name\\",\\"phone\\"\\n\\"Jan\\",\\"${PHONE}\\""}`],
    // An array's item, and JSON held in a JSON string.
    ['["id,name,phone\\n42,Jan,601 234 567","x"]', `["id,name,phone\\n42,Jan,${PHONE}","x"]`],
    ['{"msg":"{\\"export\\":\\"id,name,phone\\\\n42,Jan,601 234 567\\"}"}', `{"msg":"{\\"export\\":\\"id,name,phone\\\\n42,Jan,${PHONE}\\"}"}`],
  ])("%j", (text, expected) => {
    expect(redactString(text, policy)).toEqual({ text: expected, counts: { phone: expected.split(PHONE).length - 1 } });
  });

  it.each([
    '{"export":"id,amount,ts\\n42,12345678,1700000000000"}',
    '{"export":"name,city\\nJan,601 234 567"}',
    '{"export":"id,phone\\n1,234,567"}',
    // The string's first line is its header: a line before the string is none.
    'name,phone\n{"row":"x\\nJan,601 234 567"}',
    '{"export":"42,Jan,601 234 567"}',
  ])("keeps %j", expectUnchanged);

  it("as a log attribute holding JSON text with the export, as its plain text is", () => {
    const { values, kinds } = storedLogAttributes([{ key: "payload", value: { stringValue: '{"export":"id,name,phone\\n42,Jan,601 234 567"}' } }]);
    expect(values).toEqual({ payload: `{"export":"id,name,phone\\n42,Jan,${PHONE}"}` });
    expect(kinds).toBe("phone");
  });
});

describe("csvColumnName", () => {
  const at = (text: string, field: string) => {
    const start = text.lastIndexOf(field);
    return csvColumnName(text, start, start + field.length);
  };

  it("names a whole field's column by the nearest header of as many fields", () => {
    expect(at("a,b,c\n1,2,xyz", "xyz")).toBe("c");
    expect(at("a,b,c\n1,2,3\n4,5,xyz", "xyz")).toBe("c");
    expect(at('a;"b c";d\n1;xyz;3', "xyz")).toBe("b c");
  });

  it("names none for a lone value, a row without a header, a glued field or another row's width", () => {
    expect(at("xyz", "xyz")).toBeUndefined();
    expect(at("1,2,3\n4,5,xyz", "xyz")).toBeUndefined();
    expect(at("a,b\n1,2xyz", "xyz")).toBeUndefined();
    expect(at("a,b\n1,2,xyz", "xyz")).toBeUndefined();
    expect(at("a;b\n1,xyz", "xyz")).toBeUndefined();
  });
});
