/**
 * (1) A scheme's word, a header's name or a placeholder under a header's name holds no credential
 * only as the whole value, or before prose: a token after it past a mark or a blank is the
 * credential, replaced with it in text as in an attribute; `HMAC-SHA*` is a scheme with its
 * signature after it; a header whose own name says password or secret shields nothing; an
 * algorithm's name under a secret's own name is the secret, as before. (2) Under a key naming a
 * national document, a value no person's number is in stays in every form alike (text, JSON
 * text, a URL query, an attribute, a lifted JSON line): dates, server addresses, versions,
 * lower-case hex ids, paths and files' names, network interfaces, counts, records' ids after a
 * word, a Spanish company's tax id. (3) A mask hides at least as many characters as it shows
 * digits (`XX1234` is none); a number with blanks, tabs or thousands' commas between its groups,
 * a check letter after a blank, or wrapped in `` ` ``, `()`, `[]`, `<>` goes whole in every form.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { exportedConsoleLine, storedLogAttribute } from "../support/redaction";
import { itKeepsUncounted, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const redacted = (text: string) => redactString(text, policy);
const SECRET = "[REDACTED:secret]";
const SECRET_PARAM = "[REDACTED:secret_param]";
const text = (value: string) => ({ stringValue: value });
const TOKEN = "s3cr3tT0kenAbc123xyz";
const SIGNATURE = "a1b2c3d4e5f60718293a4b5c6d7e8f90";

describe("a scheme's word with a token after it past a mark or a blank", () => {
  itStoresCounting("replaces the word and the token in text %j", redacted, { secret_param: 1 }, [
    [`X-Api-Key: Token, ${TOKEN}`, `X-Api-Key: ${SECRET_PARAM}`],
    [`X-Api-Key: Token; ${TOKEN}`, `X-Api-Key: ${SECRET_PARAM}`],
    [`X-Api-Key: Token,${TOKEN}`, `X-Api-Key: ${SECRET_PARAM}`],
    [`X-Api-Key: Token! ${TOKEN}`, `X-Api-Key: ${SECRET_PARAM}`],
    [`X-Api-Key: Token\u00a0${TOKEN}`, `X-Api-Key: ${SECRET_PARAM}`],
    [`GET /v1?X-Api-Key=Token,${TOKEN}&page=2 200`, `GET /v1?X-Api-Key=${SECRET_PARAM}&page=2 200`],
    [`X-Auth-Token: Bearer, ${TOKEN}`, `X-Auth-Token: ${SECRET_PARAM}`],
    [`Authorization: Bearer, ${TOKEN}`, `Authorization: ${SECRET_PARAM}`],
    [`Authorization: Bearer; ${TOKEN}`, `Authorization: ${SECRET_PARAM}`],
    [`X-Api-Key: Token, ${TOKEN} then retried`, `X-Api-Key: ${SECRET_PARAM} then retried`],
    [`X-Auth-Token: Bearer. ${TOKEN}`, `X-Auth-Token: ${SECRET_PARAM}`],
    [`Authorization: Bearer\u00a0${TOKEN}`, `Authorization: ${SECRET_PARAM}`],
    [`X-Api-Key: Token, then ${TOKEN}`, `X-Api-Key: ${SECRET_PARAM}`],
  ]);

  itStoresCounting("reads a query's value to its `&` only %j", redacted, { secret_param: 1 }, [
    [`Authorization=Bearer&token=${TOKEN}`, `Authorization=Bearer&token=${SECRET_PARAM}`],
  ]);

  it("replaces it as an attribute too", () => {
    for (const value of [`Token, ${TOKEN}`, `Token; ${TOKEN}`, `Token! ${TOKEN}`, `Token\u00a0${TOKEN}`]) {
      expect(storedLogAttribute("X-Api-Key", text(value)), value).toEqual(text(SECRET));
    }
    expect(storedLogAttribute("X-Auth-Token", text(`Bearer, ${TOKEN}`))).toEqual(text(SECRET));
  });

  itKeepsUncounted("keeps the word before prose or another header %j", redacted, [
    "X-Api-Key: Token, then retried",
    "X-Auth-Token: Bearer; see the docs",
    "Authorization: HMAC-SHA256 | X-Api-Key: Bearer",
    "Authorization: Digest | X-Api-Key: Bearer",
  ]);

  it("keeps the word before prose as an attribute", () => {
    expect(storedLogAttribute("X-Api-Key", text("Token, then retried"))).toEqual(text("Token, then retried"));
  });
});

describe("HMAC-SHA* as a scheme with its signature after it", () => {
  itStoresCounting("replaces the signature in text %j", redacted, { secret_param: 1 }, [
    [`X-Signature: HMAC-SHA256 ${SIGNATURE}`, `X-Signature: HMAC-SHA256 ${SECRET_PARAM}`],
    [`X-Signature: HMAC-SHA1 ${SIGNATURE}`, `X-Signature: HMAC-SHA1 ${SECRET_PARAM}`],
    [`Authorization: HMAC-SHA256 ${SIGNATURE}`, `Authorization: HMAC-SHA256 ${SECRET_PARAM}`],
    [`Authorization: HMAC-SHA256\t${SIGNATURE}`, `Authorization: HMAC-SHA256\t${SECRET_PARAM}`],
    [`X-Api-Key: HMAC-SHA256 ${TOKEN}`, `X-Api-Key: HMAC-SHA256 ${SECRET_PARAM}`],
  ]);

  it("replaces the signature as an attribute", () => {
    expect(storedLogAttribute("X-Signature", text(`HMAC-SHA1 ${SIGNATURE}`))).toEqual(text(`HMAC-SHA1 ${SECRET}`));
    expect(storedLogAttribute("Authorization", text(`HMAC-SHA256 ${SIGNATURE}`))).toEqual(text(`HMAC-SHA256 ${SECRET}`));
  });

  itKeepsUncounted("keeps it alone under a header's name or an algorithm's key %j", redacted, [
    "Authorization: HMAC-SHA256",
    "signing.algorithm=HMAC-SHA256",
    "hmac_algorithm=HMAC-SHA256",
  ]);
});

describe("a header whose own name says password or secret", () => {
  itStoresCounting("replaces a scheme's word under it in text %j", redacted, { secret_param: 1 }, [
    ["X-Password: Basic", `X-Password: ${SECRET_PARAM}`],
    ["X-Secret: Token", `X-Secret: ${SECRET_PARAM}`],
    ["x-auth-password: Token", `x-auth-password: ${SECRET_PARAM}`],
  ]);

  it("replaces it as an attribute and a lifted member", () => {
    expect(storedLogAttribute("X-Password", text("Basic"))).toEqual(text(SECRET));
    expect(storedLogAttribute("x-auth-password", text("Token"))).toEqual(text(SECRET));
    expect(exportedConsoleLine(JSON.stringify({ msg: "request", headers: { "X-Password": "Basic" } })).attributes["headers.X-Password"]).toBe(SECRET);
  });
});

describe("an algorithm's name under a secret's own name", () => {
  itStoresCounting("is the secret %j", redacted, { secret_param: 1 }, [
    ["password=HMAC-SHA256", `password=${SECRET_PARAM}`],
    ["secret: hmac-sha1", `secret: ${SECRET_PARAM}`],
  ]);

  it("is the secret as an attribute", () => {
    expect(storedLogAttribute("password", text("HMAC-SHA256"))).toEqual(text(SECRET));
    expect(storedLogAttribute("secret", text("hmac-sha1"))).toEqual(text(SECRET));
  });
});

const NATIONAL_ID = "[REDACTED:national_id]";

/** `[key, value]` look-alikes a national document's key holds in logs. */
const LOOK_ALIKES: readonly (readonly [string, string])[] = [
  ["idCard", "2026-12-04"], ["idCard", "2026.12.04"], ["dni", "04/12/2026"],
  ["idCard", "10.0.0.1"], ["dni", "192.168.1.10"],
  ["dni", "v2-1234"], ["idCard", "v1.2.3456"], ["idCard", "v2.1.1234"],
  ["idCard", "deadbeef1234"], ["idCard", "a1b2c3d4"], ["idCard", "ab12cd34ef"], ["idCard", "sha-1a2b3c4d"],
  ["idCard", "AB1234/rest/of/path"], ["idCard", "AB1234.json"],
  ["nif", "eth0-1234"], ["nif", "wlan0-5678"],
  ["idCard", "doc-000123"], ["idCard", "build-20261204"], ["national_id", "USR-1001"],
  ["nif", "B12345678"], ["nif", "B-1234567-8"],
];

describe("a look-alike under a national document's key", () => {
  it("stays in text, JSON text, a URL query, an attribute and a lifted JSON line", () => {
    for (const [key, value] of LOOK_ALIKES) {
      for (const sent of [`${key}=${value}`, `kyc check ${key}: ${value} ok`, JSON.stringify({ user: { [key]: value } }), `GET /kyc?${key}=${value}&page=2 200`]) {
        expect(redacted(sent), sent).toEqual({ text: sent, counts: {} });
      }
      expect(storedLogAttribute(key, text(value)), `${key}=${value}`).toEqual(text(value));
      expect(exportedConsoleLine(JSON.stringify({ msg: "kyc", [key]: value })).attributes[key], `${key}=${value}`).toBe(value);
    }
  });

  itKeepsUncounted("keeps a date with its time and a count before its unit %j", redacted, [
    "idCard: 2026-12-04 10:00",
    "idCard=12345 rows",
    "dni: 1234 records",
  ]);

  it("keeps a count before its unit as an attribute", () => {
    expect(storedLogAttribute("idCard", text("1234 rows"))).toEqual(text("1234 rows"));
  });

  itStoresCounting("still replaces a person's number %j", redacted, { national_id: 1 }, [
    ["dni=12345678Z", `dni=${NATIONAL_ID}`],
    ["nif=12345678Z", `nif=${NATIONAL_ID}`],
    ["idCard=C0FFEE123", `idCard=${NATIONAL_ID}`],
    ["customer_dni: AB-1234", `customer_dni: ${NATIONAL_ID}`],
    ["dni: 12.345.678-Z", `dni: ${NATIONAL_ID}`],
    ["dni: 12-345-678/Z", `dni: ${NATIONAL_ID}`],
    ["idCard=12345", `idCard=${NATIONAL_ID}`],
  ]);
});

describe("masks, grouped and wrapped numbers under a national document's key", () => {
  itStoresCounting("replaces a mask that shows most of the number %j", redacted, { national_id: 1 }, [["idCard=XX1234", `idCard=${NATIONAL_ID}`]]);

  it("replaces it as an attribute and keeps a mask that hides most", () => {
    expect(storedLogAttribute("idCard", text("XX1234"))).toEqual(text(NATIONAL_ID));
    expect(storedLogAttribute("idCard", text("XXXX1234"))).toEqual(text("XXXX1234"));
  });

  itStoresCounting("replaces the whole number in text %j", redacted, { national_id: 1 }, [
    ["idCard=AB 123 456", `idCard=${NATIONAL_ID}`],
    ["idCard=AB 123456", `idCard=${NATIONAL_ID}`],
    ['{"idCard": "AB 123 456"}', `{"idCard": "${NATIONAL_ID}"}`],
    ["idCard='AB 123 456'", `idCard='${NATIONAL_ID}'`],
    ["national_id=AB 12 34 56 C", `national_id=${NATIONAL_ID}`],
    ["idCard: AB\t123456", `idCard: ${NATIONAL_ID}`],
    ["dni: 12,345,678-Z", `dni: ${NATIONAL_ID}`],
    ["dni=`12345678Z`", `dni=\`${NATIONAL_ID}\``],
    ["dni=(12345678Z)", `dni=(${NATIONAL_ID})`],
    ["dni=[12345678Z]", `dni=[${NATIONAL_ID}]`],
    ["dni=<12345678Z>", `dni=<${NATIONAL_ID}>`],
    ["dni: 12 345 678 Z", `dni: ${NATIONAL_ID}`],
    ["dni: 12.345.678 Z", `dni: ${NATIONAL_ID}`],
    ["dni: 12345678 - Z", `dni: ${NATIONAL_ID}`],
    ["dni: 12345678\u00a0Z", `dni: ${NATIONAL_ID}`],
  ]);

  it("replaces it whole as an attribute", () => {
    for (const [key, value] of [
      ["idCard", "AB 123 456"], ["idCard", "AB\t123456"], ["national_id", "AB 12 34 56 C"], ["dni", "12,345,678-Z"],
      ["dni", "(12345678Z)"], ["dni", "[12345678Z]"], ["dni", "12 345 678 Z"], ["dni", "12345678\u00a0Z"],
    ] as const) {
      expect(storedLogAttribute(key, text(value)), `${key}=${value}`).toEqual(text(NATIONAL_ID));
    }
  });

  itKeepsUncounted("keeps a lone wrapper's opening and a list's numbers %j", redacted, ["dni=(12345678Z", "idCard=[1234, 5678]"]);
});
