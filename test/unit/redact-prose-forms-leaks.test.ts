/**
 * Personal data and secrets in the prose forms that kept them: a UK National Insurance number
 * after a bare `NI`, a phone after a callback's verb in German, French, Spanish and Italian, a
 * long IBAN whose last group runs past four, `pw:`/`pwd:` fields, a credential after `is`/`was`
 * unquoted, a magic link's dotted token. Each is read through `redactString` with the default
 * policy and as a log record's body through the core; the words, numbers and paths beside them
 * that are no such thing stay.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { redactedLogBody } from "../support/redaction";

const policy = defaultRedactionPolicy();

/** `text` redacted to `expected`, counted as `counts`, alone and as a log body. */
function expectRedacted(text: string, expected: string, counts: Record<string, number>): void {
  expect(redactString(text, policy)).toEqual({ text: expected, counts });
  expect(redactedLogBody(text, policy)).toBe(expected);
}

/** `text` left as it is, alone and as a log body. */
function expectKept(text: string): void {
  expect(redactString(text, policy)).toEqual({ text, counts: {} });
  expect(redactedLogBody(text, policy)).toBe(text);
}

describe("a UK National Insurance number after `NI`, `NINO` or `national insurance`", () => {
  const NI = "[REDACTED:national_id]";
  it.each([
    ["NI AB123456C", `NI ${NI}`],
    ["ni=AB123456C", `ni=${NI}`],
    ["NI: AB123456C", `NI: ${NI}`],
    ["NI no: AB 12 34 56 C", `NI no: ${NI}`],
    ["NI-number AB123456C", `NI-number ${NI}`],
    ["customer NI AB 12 34 56 C verified", `customer NI ${NI} verified`],
    ["NINO AB123456C", `NINO ${NI}`],
    ["national insurance AB123456C", `national insurance ${NI}`],
    ['{"ni":"AB123456C"}', `{"ni":"${NI}"}`],
  ])("%s", (text, expected) => expectRedacted(text, expected, { national_id: 1 }));

  it.each([["the NI team"], ["NI 42 failed"], ["NI AB12"], ["NI AB123456"], ["NICE AB123456C"], ["Nice AB123456C"]])("keeps %s", (text) => expectKept(text));
});

describe("a phone after a callback's or reachability's words", () => {
  const PHONE = "[REDACTED:phone]";
  it.each([
    ["Rückruf unter 0171 1234567", `Rückruf unter ${PHONE}`],
    ["erreichbar unter +49 171 1234567", `erreichbar unter ${PHONE}`],
    ["erreichbar unter 0171/1234567", `erreichbar unter ${PHONE}`],
    ["bitte anrufen unter 030 1234567", `bitte anrufen unter ${PHONE}`],
    ["Tel. 030/1234567", `Tel. ${PHONE}`],
    ["Handy: 0171-1234567", `Handy: ${PHONE}`],
    ["joignable au 06 12 34 56 78", `joignable au ${PHONE}`],
    ["appelez-moi au 06 12 34 56 78", `appelez-moi au ${PHONE}`],
    ["llamar al 612 345 678", `llamar al ${PHONE}`],
    ["teléfono 612 345 678", `teléfono ${PHONE}`],
    ["chiamare al 333 1234567", `chiamare al ${PHONE}`],
  ])("%s", (text, expected) => expectRedacted(text, expected, { phone: 1 }));

  it.each([
    ["build 2024 1234567"],
    ["Bestellung 0171 1234567"],
    ["order 612 345 678"],
    ["Betrag 1234567"],
    ["Rückruf am 03.12.2026"],
    ["erreichbar unter port 8080"],
    ["Rückruf unter Ticket 12345678"],
    ["llamar al 12345678"],
    ["erreichbar unter https://x.de/0171/1234567"],
    ["Tel. 2024/1234567"],
    ["version 612.345.678"],
  ])("keeps %s", (text) => expectKept(text));
});

describe("a long IBAN in the print format's groups, its last group holding the characters left over", () => {
  const IBAN = "[REDACTED:iban]";
  it.each([
    ["BR15 0000 0000 0000 1093 2840 814P2"],
    ["BR15 0000 0000 0000 1093 2840 814P 2"],
    ["MT84 MALT 0110 0001 2345 MTLC AST0 01S"],
    ["MT84 MALT 0110 0001 2345 MTLC AST001S"],
    ["LC55 HEMM 0001 0001 0012 0012 0002 3015"],
    ["QA58 DOHB 0000 1234 5678 90AB CDEF G"],
    ["QA58 DOHB 0000 1234 5678 90AB CDEFG"],
  ])("%s", (iban) => expectRedacted(`pay to ${iban} today`, `pay to ${IBAN} today`, { iban: 1 }));

  // One character more than the country's length, or a group short of four before the last.
  it.each([["BR15 0000 0000 0000 1093 2840 814P2X"], ["BR15 0000 0000 0000 1093 2840 814P23"], ["NO93 8601 111794 7"]])("keeps %s", (text) => expectKept(text));
});

describe("`pw` and `pwd` fields", () => {
  const SECRET = "[REDACTED:secret_param]";
  it.each([
    ['pw: "hunter2x"', `pw: "${SECRET}"`],
    ["pw: 's3cr3t!'", `pw: '${SECRET}'`],
    ["pw: hunter2x", `pw: ${SECRET}`],
    ["PW=hunter2x", `PW=${SECRET}`],
    ['pwd: "s3cr3t!"', `pwd: "${SECRET}"`],
    ["pwd: hunter2x", `pwd: ${SECRET}`],
  ])("%s", (text, expected) => expectRedacted(text, expected, { secret_param: 1 }));

  it.each([["pwd: /home/app"], ['"pwd": "/home/app"'], ["pwd: ./build"], ["pw: 3"], ["pw: true"], ["pw: 12ms"]])("keeps %s", (text) => expectKept(text));
});

describe("a credential after `is` or `was`, unquoted", () => {
  const SECRET = "[REDACTED:secret_param]";
  it.each([
    ["the secret is hunter2x", `the secret is ${SECRET}`],
    ["client secret is wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", `client secret is ${SECRET}`],
    ["password is hunter2", `password is ${SECRET}`],
    ["my password was Summer2024!", `my password was ${SECRET}`],
    ["password is hunter2x.", `password is ${SECRET}`],
    ["the secret is s3cr3t, rotate it", `the secret is ${SECRET}, rotate it`],
    ["token was abc123def456", `token was ${SECRET}`],
    ["my PIN is 4821.", `my PIN is ${SECRET}.`],
    ["senha é hunter2x", `senha é ${SECRET}`],
  ])("%s", (text, expected) => expectRedacted(text, expected, { secret_param: 1 }));

  it.each([
    ["the secret is safe"],
    ["password is required"],
    ["password is required."],
    ["password is too short"],
    ["the secret is rotated daily"],
    ["token is expired"],
    ["token is v2"],
    ["secret is db-creds-2"],
    ["contraseña es requerida"],
    ["the secret is ${DB_SECRET}"],
  ])("keeps %s", (text) => expectKept(text));
});

describe("a magic link's token of dotted parts in a URL's path or query", () => {
  const SECRET = "[REDACTED:secret_param]";
  it.each([
    ["GET /login/magic/abc123.def456.ghi789 200", `GET /login/magic/${SECRET} 200`],
    ["https://shop.example/login?magic=abc123.def456.ghi789", `https://shop.example/login?magic=${SECRET}`],
    ["GET /magic-link?t=abc123.def456.ghi789&next=/cart", `GET /magic-link?t=${SECRET}&next=/cart`],
    ["sent /reset-password/abc123def456ghi789.", `sent /reset-password/${SECRET}.`],
  ])("%s", (text, expected) => expectRedacted(text, expected, { secret_param: 1 }));

  it("a JWT as the token is the JWT detector's", () => {
    const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.abcdefghijklmnop";
    expectRedacted(`GET /magic/${jwt}`, "GET /magic/[REDACTED:jwt]", { jwt: 1 });
  });

  it.each([["GET /share/quarterly-report.2024.pdf"], ["GET /share/report-2024-final.tar.gz"], ["GET /share/v1.2.3.4567890123456"], ["GET /verify/email-address-change"]])(
    "keeps %s",
    (text) => expectKept(text),
  );
});
