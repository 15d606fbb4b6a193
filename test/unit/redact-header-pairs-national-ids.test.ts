/**
 * One verdict per value in every form. (1) Where a header's value would stand under a header's
 * name (a JSON list read as name/value pairs, `Authorization: …` in text, an attribute
 * `http.request.header.x-api-key`, a lifted JSON member), a scheme's word, another header's name
 * or a placeholder holds no credential; a real credential there still goes. (2) Under a key naming
 * a national document (`idCard`, `national_id`, `dni`, `nif`, …) a value in a document number's
 * shape (letters, digits and separators, four digits or more) is the person's number in text
 * `key=value` and `key: value`, JSON text, a URL query, an attribute and a lifted JSON line alike;
 * a placeholder, a template, a word, a mask, a record's UUID and a `0x` literal stay in all of them.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { exportedConsoleLine, storedLogAttribute } from "../support/redaction";
import { itKeepsUncounted, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const redacted = (text: string) => redactString(text, policy);
const SECRET = "[REDACTED:secret]";
const SECRET_PARAM = "[REDACTED:secret_param]";
const NATIONAL_ID = "[REDACTED:national_id]";
const text = (value: string) => ({ stringValue: value });

/** No credential where a header's value would stand. */
const NO_CREDENTIALS: readonly (readonly [string, string])[] = [
  ["Authorization", "apikey"], ["Authorization", "ApiKey"], ["Authorization", "Bearer"], ["Authorization", "Basic"],
  ["Authorization", "Digest"], ["Authorization", "Token"], ["Authorization", "HMAC-SHA256"], ["Authorization", "<token>"],
  ["Authorization", "Content-Type"], ["X-Api-Key", "Token"], ["X-Api-Key", "apikey"], ["X-Api-Key", "Bearer"],
  ["X-Auth-Token", "Bearer"], ["X-Api-Key", "Content-Type"], ["X-Api-Key", "${API_KEY}"],
];

describe("a scheme's word, a header's name or a placeholder where a header's value would stand", () => {
  it("keeps it as a JSON list's would-be pair", () => {
    for (const [name, value] of NO_CREDENTIALS) {
      const list = JSON.stringify({ headers: [name, value] });
      expect(redacted(list), list).toEqual({ text: list, counts: {} });
    }
  });

  it("keeps it in text as `name: value` and `name=value`", () => {
    for (const [name, value] of NO_CREDENTIALS) {
      for (const line of [`${name}: ${value}`, `${name}=${value}`]) expect(redacted(line), line).toEqual({ text: line, counts: {} });
    }
  });

  itKeepsUncounted("keeps it before a sentence's final mark %j", redacted, [
    "Authorization: apikey.",
    "the client sent X-Auth-Token: Bearer.",
    "X-Api-Key: Token, then retried",
  ]);

  it("keeps it as an attribute under the header's key", () => {
    for (const [name, value] of NO_CREDENTIALS) {
      for (const key of [`http.request.header.${name.toLowerCase()}`, name, `headers.${name}`]) {
        expect(storedLogAttribute(key, text(value)), `${key}=${value}`).toEqual(text(value));
      }
    }
  });

  it("keeps it in a lifted JSON line", () => {
    for (const [name, value] of NO_CREDENTIALS) {
      const line = exportedConsoleLine(JSON.stringify({ msg: "request", headers: { [name]: value } }));
      expect(line.attributes[`headers.${name}`], `${name}=${value}`).toBe(value);
      const list = exportedConsoleLine(JSON.stringify({ msg: "request", headers: [name, value] }));
      expect(list.attributes.headers, `[${name}, ${value}]`).toBe(JSON.stringify([name, value]));
    }
  });

  itStoresCounting("still replaces a real pair's credential %j", redacted, { secret: 1 }, [
    ['{"headers":["Authorization","Bearer abc123"]}', `{"headers":["Authorization","Bearer ${SECRET}"]}`],
    ['{"headers":["X-Api-Key","hunter2"]}', `{"headers":["X-Api-Key","${SECRET}"]}`],
    ['{"headers":["Authorization","apikey sk_live_abcdef123456"]}', `{"headers":["Authorization","apikey ${SECRET}"]}`],
    ['{"headers":["X-Api-Key","Tokenabc123"]}', `{"headers":["X-Api-Key","${SECRET}"]}`],
  ]);

  itStoresCounting("still replaces it in text %j", redacted, { secret_param: 1 }, [
    ["X-Api-Key: hunter2", `X-Api-Key: ${SECRET_PARAM}`],
    ["Authorization: apikey sk_live_abcdef123456", `Authorization: apikey ${SECRET_PARAM}`],
    // A request signature's scheme stays, its signature goes.
    ["Authorization: HMAC-SHA256 SignedHeaders=x-ms-date;host&Signature=abcdef123456", `Authorization: HMAC-SHA256 SignedHeaders=x-ms-date;host&Signature=${SECRET_PARAM}`],
  ]);

  it("still replaces a real credential as an attribute and a lifted member", () => {
    expect(storedLogAttribute("http.request.header.x-api-key", text("hunter2"))).toEqual(text(SECRET));
    expect(storedLogAttribute("http.request.header.authorization", text("Bearer abc123"))).toEqual(text(`Bearer ${SECRET}`));
    expect(exportedConsoleLine('{"msg":"r","headers":{"X-Api-Key":"hunter2"}}').attributes["headers.X-Api-Key"]).toBe(SECRET);
  });

  // Under a secret's own name (no header's) a header's word alone may be the secret, as decided before.
  itStoresCounting("still replaces a header's word under a secret's name %j", redacted, { secret_param: 1 }, [
    ["password=Origin", `password=${SECRET_PARAM}`],
    ["token=Bearer", `token=${SECRET_PARAM}`],
  ]);
});

/** Keys naming a national document, as attributes and as text keys. */
const KEYS = ["idCard", "id_card", "national_id", "user.national_id", "dni", "customer_dni", "nif", "nino", "idCardNumber"] as const;
/** Values in a document number's shape: the person's number under such a key. */
const NUMBERS = ["C0FFEE123", "12345", "AB123456C", "AB-1234", "123 456 789", "T220001294"] as const;
/**
 * Values no person's number is in; a record's id after a word (`USR-1001`, `ord-123456`), a
 * version (`v2-1234`), a lower-case hex id (`c0ffee123`) and a Spanish company's tax id
 * (`B12345678`) too (redact-scheme-words-national-look-alikes.test.ts).
 */
const NO_NUMBERS = [
  "required", "missing", "null", "550e8400-e29b-41d4-a716-446655440000", "XXXX1234", "XXX-XX-1234", "0x1a2b3c", "${NATIONAL_ID}", "{{ idCard }}", "<dni>", "t220001294", "abc",
  "USR-1001", "ord-123456", "v2-1234", "c0ffee123", "B12345678",
] as const;

describe("a value under a national document's key, in every form", () => {
  it("replaces a number-shaped value in text `key=value`, `key: value`, JSON text and a URL query", () => {
    for (const key of KEYS) {
      for (const value of NUMBERS) {
        const query = encodeURIComponent(value);
        const forms: readonly (readonly [string, string])[] = [
          [`${key}=${value.replaceAll(" ", "")}`, `${key}=${NATIONAL_ID}`],
          [`kyc check ${key}: ${value} ok`, `kyc check ${key}: ${NATIONAL_ID} ok`],
          [JSON.stringify({ [key]: value }), JSON.stringify({ [key]: NATIONAL_ID })],
          [`GET /kyc?${key}=${query.replaceAll("%20", "")}&step=2 200`, `GET /kyc?${key}=${NATIONAL_ID}&step=2 200`],
        ];
        for (const [sent, stored] of forms) expect(redacted(sent).text, sent).toBe(stored);
      }
    }
  });

  it("replaces it as an attribute and in a lifted JSON line", () => {
    for (const key of KEYS) {
      for (const value of NUMBERS) {
        expect(storedLogAttribute(key, text(value)), `${key}=${value}`).toEqual(text(NATIONAL_ID));
        expect(exportedConsoleLine(JSON.stringify({ msg: "kyc", [key]: value })).attributes[key], `${key}=${value}`).toBe(NATIONAL_ID);
      }
    }
  });

  it("keeps a word, a placeholder, a template, a mask, a record's UUID and a hex literal in every form", () => {
    for (const key of KEYS) {
      for (const value of NO_NUMBERS) {
        for (const sent of [`${key}=${value}`, `${key}: ${value}`, JSON.stringify({ [key]: value }), `GET /kyc?${key}=${value}&step=2`]) {
          expect(redacted(sent).text, sent).toBe(sent);
        }
        expect(storedLogAttribute(key, text(value)), `${key}=${value}`).toEqual(text(value));
        expect(exportedConsoleLine(JSON.stringify({ msg: "kyc", [key]: value })).attributes[key], `${key}=${value}`).toBe(value);
      }
    }
  });

  itStoresCounting("reads the review's example alike %j", redacted, { national_id: 1 }, [
    ["idCard=C0FFEE123", `idCard=${NATIONAL_ID}`],
    ['{"level":30,"msg":"kyc","idCard":"C0FFEE123"}', `{"level":30,"msg":"kyc","idCard":"${NATIONAL_ID}"}`],
  ]);

  itKeepsUncounted("keeps a label in prose, where a number needs its document's shape %j", redacted, [
    "national id: 123456789",
    "ID card: 12345 verified",
    "see RFC: 7231 section 6.5",
    "RFC: ABC680524P76 emitido",
    "idCardType=passport",
    "national_id_count=12345",
    "idcard_id=12345",
    "ID-Nr: 12345",
  ]);
});
