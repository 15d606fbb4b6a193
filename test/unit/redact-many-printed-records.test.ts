/**
 * Bodies made of many small records as other languages print them (a Java `Map`'s `{a=b}`, a
 * list's toString, Python's dicts, Go's `%+v`, PHP's print_r), each read as an object in prose:
 * what redaction makes of them, pinned, so that the work done for such bodies can change while
 * what they become does not. Records that hold nothing personal come back as written; one record
 * that does is redacted among hundreds that do not; a member in JSON keeps what its own rules keep
 * beside printed records of the same name and value.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy } from "../../workers/ingest/core/redact";
import { redactedLogBody } from "../support/redaction";

const policy = defaultRedactionPolicy();

const redactedBody = (body: string): unknown => redactedLogBody(body, policy);

/** `count` records made by `record` from their index, joined by `separator`. */
function records(count: number, record: (index: number) => string, separator: string): string {
  return Array.from({ length: count }, (_, index) => record(index)).join(separator);
}

const COUNT = 400;

describe("many small printed records holding nothing personal", () => {
  it.each([
    ["a Java Map's {a=b}, repeated", records(COUNT, () => "{a=b}", " ")],
    ["a Java list's toString", `[${records(COUNT, (i) => `Item{id=${i}, name=x}`, ", ")}]`],
    ["Python dicts", `[${records(COUNT, (i) => `{'id': ${i}, 'name': 'x'}`, ", ")}]`],
    ["Go's %+v", records(COUNT, (i) => `{A:${i} B:2}`, " ")],
    ["PHP's print_r", records(COUNT, (i) => `Array\n(\n    [id] => ${i}\n    [name] => x\n)\n`, "")],
    ["Python reprs", records(COUNT, (i) => `Item(id=${i}, name='x')`, " ")],
  ])("stay as written: %s", (_, body) => {
    expect(redactedBody(body)).toBe(body);
  });
});

describe("one record holding personal data among many that hold none", () => {
  const NAME = "[REDACTED:person_name]";
  const EMAIL = "[REDACTED:email]";
  const SECRET = "[REDACTED:secret]";
  /** `COUNT` records by `record`, the one at `COUNT / 2` written by `odd` instead. */
  const among = (record: (index: number) => string, odd: string, separator: string) =>
    records(COUNT, (i) => (i === COUNT / 2 ? odd : record(i)), separator);

  it.each([
    [
      "a Java list's toString",
      `[${among((i) => `Item{id=${i}, name=x}`, "User{id=2, name=Ana Silva, email=ana@example.com, password=hunter2!Pw}", ", ")}]`,
      `[${among((i) => `Item{id=${i}, name=x}`, `User{id=2, name=${NAME}, email=${EMAIL}, password=${SECRET}}`, ", ")}]`,
    ],
    [
      "Go's %+v",
      among((i) => `{A:${i} B:2}`, "{Name:Ana Silva Email:ana@example.com Password:hunter2!Pw}", " "),
      among((i) => `{A:${i} B:2}`, `{Name:${NAME} Email:${EMAIL} Password:${SECRET}}`, " "),
    ],
    [
      "Python dicts",
      `[${among((i) => `{'id': ${i}, 'name': 'x'}`, "{'id': 2, 'first_name': 'Ana', 'password': 'hunter2!Pw'}", ", ")}]`,
      `[${among((i) => `{'id': ${i}, 'name': 'x'}`, `{'id': 2, 'first_name': '${NAME}', 'password': '${SECRET}'}`, ", ")}]`,
    ],
    ["a Java Map's {a=b}", among(() => "{a=b}", "{password=hunter2!Pw}", " "), among(() => "{a=b}", `{password=${SECRET}}`, " ")],
    [
      "Python reprs",
      among((i) => `Customer(id=${i}, full_name='x')`, "Customer(id=2, full_name='Ana Silva')", " "),
      among((i) => `Customer(id=${i}, full_name='x')`, `Customer(id=2, full_name='${NAME}')`, " "),
    ],
  ])("has its values replaced, the rest as written: %s", (_, body, expected) => {
    expect(redactedBody(body)).toBe(expected);
  });
});

describe("a JSON member beside printed records of the same name and value", () => {
  it.each([
    // The order's number in JSON is kept by its path; the printed record's, read by the scan alone, is a CPF.
    ["one record", 'pedido {"numero": 10023456779} cliente {numero=10023456779}', 'pedido {"numero": 10023456779} cliente {numero=[REDACTED:cpf]}'],
    [
      "many records",
      `pedido {"numero": 10023456779} ${records(COUNT, (i) => `Item{numero=${i}}`, " ")}`,
      `pedido {"numero": 10023456779} ${records(COUNT, (i) => `Item{numero=${i}}`, " ")}`,
    ],
    ["a CPF in JSON", 'cliente {"cpf": "100.234.567-79"} pedido {numero=10023456779}', 'cliente {"cpf": "[REDACTED:cpf]"} pedido {numero=[REDACTED:cpf]}'],
  ])("keeps what its own rules keep: %s", (_, body, expected) => {
    expect(redactedBody(body)).toBe(expected);
  });
});
