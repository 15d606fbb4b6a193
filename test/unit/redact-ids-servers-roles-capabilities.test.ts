/**
 * Redaction removes secrets and personal data and nothing else: a Luhn-valid id a word names
 * (`order 4086…`, `pspReference`) stays, as does the server Node's connection error names, a
 * short count under `token` and a role's mailbox; a capability URL's secret part goes
 * (docs/decisions.md, 2026-12-03).
 */
import { describe, expect, it } from "vitest";
import type { AnyValue, LogRecord } from "../../workers/shared/otlp/model";
import { DEFAULT_NORMALIZATION_OPTIONS, normalizeLogsRequest } from "../../workers/ingest/core/normalize";
import { defaultRedactionPolicy, redactRequest, redactString } from "../../workers/ingest/core/redact";
import { DEFAULT_REQUEST_LIMITS } from "../../workers/ingest/core/limits";
import { storedLogAttribute } from "../support/redaction";
import { logRecord, logsRequest } from "../support/model-builders";
import { itStores } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const text = (line: string): string => redactString(line, policy).text;

/** A stored value as the test reads it: a string's text, an integer as `int:` and its digits. */
const shown = (value: AnyValue | undefined): string =>
  value !== undefined && "stringValue" in value ? value.stringValue : value !== undefined && "intValue" in value ? `int:${value.intValue}` : JSON.stringify(value);

/** A JSON log line's body and lifted attributes after normalization and redaction. */
function storedLine(body: string): { body: string; attributes: Record<string, string> } {
  const record: LogRecord = logRecord({ timeUnixNano: "1796000000000000000", body: { stringValue: body } });
  const request = logsRequest([record]);
  normalizeLogsRequest(request, { ...DEFAULT_NORMALIZATION_OPTIONS, liftJsonBodies: true }, DEFAULT_REQUEST_LIMITS);
  redactRequest("logs", request, policy);
  return { body: shown(record.body), attributes: Object.fromEntries(record.attributes.map((a) => [a.key, shown(a.value)])) };
}

describe("a Luhn-valid number a word names as an id stays", () => {
  it.each([
    "order 4086569070293132 not found",
    "order #4086569070293132 shipped",
    "Shopify order id 4329261265206429 fulfilled",
    "invoice number 5357416299864989 overdue",
    "shipment 4461850894148859 in transit",
    "row id 5078843703742444 deleted",
    "Discord snowflake 4086569070293132 deleted",
    "ID: 4086569070293132",
    "reference 4368193036426212 settled",
    '{"pspReference":"4368193036426212","eventCode":"AUTHORISATION"}',
    "pspReference: 4368193036426212",
    "pspReference=4368193036426212",
    "merchantReference=4368193036426212",
    "payment_ref=4368193036426212",
    "order_id=4086569070293132",
  ])("%s", (line) => {
    expect(redactString(line, policy)).toEqual({ text: line, counts: {} });
  });

  it("as a reference's attribute and as a lifted JSON member", () => {
    for (const key of ["pspReference", "payment.merchant_ref", "order.id"]) {
      expect(storedLogAttribute(key, { stringValue: "4368193036426212" })).toEqual({ stringValue: "4368193036426212" });
    }
    expect(storedLogAttribute("note", { stringValue: "4111111111111111" })).toEqual({ stringValue: "[REDACTED:card]" });
    const line = '{"pspReference":"4368193036426212","eventCode":"AUTHORISATION"}';
    expect(storedLine(line)).toEqual({ body: line, attributes: { pspReference: "4368193036426212", eventCode: "AUTHORISATION" } });
  });

  itStores("a card's number still goes: %s", text, [
    ["card 4111111111111111", "card [REDACTED:card]"],
    ["paid with 4111111111111111", "paid with [REDACTED:card]"],
    ["cc=4111111111111111", "cc=[REDACTED:card]"],
    ["the customer used 4111111111111111 today", "the customer used [REDACTED:card] today"],
    ["4111111111111111", "[REDACTED:card]"],
    ["order card 4111111111111111", "order card [REDACTED:card]"],
    ["transaction 5555555555554444 declined", "transaction [REDACTED:card] declined"],
    ['{"pan":"4111111111111111","orderRef":"A-1"}', '{"pan":"[REDACTED:card]","orderRef":"A-1"}'],
  ]);
});

describe("the server Node's system error names stays", () => {
  it.each([
    "Error: connect ECONNREFUSED 52.84.12.3:443 { errno: -111, code: 'ECONNREFUSED', syscall: 'connect', address: '52.84.12.3', port: 443 }",
    '{"errno":-110,"code":"ETIMEDOUT","syscall":"connect","address":"34.120.55.7","port":5432}',
    "{ errno: -113, code: 'EHOSTUNREACH', address: '34.120.55.7', port: 443 }",
    '{"err":{"type":"Error","code":"EADDRINUSE","syscall":"listen","address":"34.120.55.7","port":8080}}',
  ])("in text: %s", (line) => {
    expect(redactString(line, policy)).toEqual({ text: line, counts: {} });
  });

  it("as a JSON body's lifted members, at the top and under `err`", () => {
    const line = '{"errno":-110,"code":"ETIMEDOUT","syscall":"connect","address":"34.120.55.7","port":5432}';
    expect(storedLine(line)).toEqual({
      body: line,
      attributes: { errno: "int:-110", code: "ETIMEDOUT", syscall: "connect", address: "34.120.55.7", port: "int:5432" },
    });
    expect(storedLine('{"msg":"db down","err":{"code":"ECONNREFUSED","address":"34.120.55.7"}}').attributes["err.address"]).toBe("34.120.55.7");
  });

  it.each([
    ['{"msg":"login","address":"34.120.55.7"}', '{"msg":"login","address":"[REDACTED:ipv4]"}'],
    ['{"code":"200","address":"34.120.55.7"}', '{"code":"200","address":"[REDACTED:ipv4]"}'],
    ['{"syscall":"read","address":"34.120.55.7"}', '{"syscall":"read","address":"[REDACTED:ipv4]"}'],
  ])("an address beside no system error's member still goes: %s", (line, stored) => {
    expect(text(line)).toBe(stored);
    expect(storedLine(line).attributes.address).toBe("[REDACTED:ipv4]");
  });
});

describe("a short number under `token` is a count", () => {
  it("kept as the number it is, in the body and lifted", () => {
    const line = '{"level":"info","tokens":4096,"token":512}';
    expect(redactString(line, policy)).toEqual({ text: line, counts: {} });
    expect(storedLine(line)).toEqual({ body: line, attributes: { tokens: "int:4096", token: "int:512" } });
    expect(storedLogAttribute("access_token", { intValue: "42" })).toEqual({ intValue: "42" });
    expect(storedLogAttribute("access_token", { intValue: "123456" })).toEqual({ stringValue: "[REDACTED:secret]" });
  });

  itStores("a code's length, a string or a PIN still goes: %s", text, [
    ['{"token":123456}', '{"token":"[REDACTED:secret]"}'],
    ['{"token":"512"}', '{"token":"[REDACTED:secret]"}'],
    ['{"password":1234}', '{"password":"[REDACTED:secret]"}'],
    ["token=512", "token=[REDACTED:secret_param]"],
  ]);
});

describe("a role's mailbox stays", () => {
  it.each(["Sending email via noreply@acme.io", "support@acme.io mailbox quota exceeded", "bounce from postmaster@acme.io", "alert sent to ops+pager@acme.io"])(
    "%s",
    (line) => {
      expect(redactString(line, policy)).toEqual({ text: line, counts: {} });
    },
  );

  it("a person's still goes", () => {
    expect(text("john.doe@acme.io signed in")).toBe("[REDACTED:email] signed in");
    expect(text("support.jane@acme.io replied")).toBe("[REDACTED:email] replied");
  });
});

describe("a capability URL's secret part goes", () => {
  itStores("%s", text, [
    [
      "receipt https://pay.stripe.com/receipts/acct_1AbcDEFghiJKLmno/ch_3XyzABCdefGHIjkl/rcpt_AbCdEfGhIjKlMnOpQrStUvWxYz0123 sent",
      "receipt https://pay.stripe.com/receipts/[REDACTED:secret_param] sent",
    ],
    [
      "https://pay.stripe.com/receipts/payment/CAcaFwoVYWNjdF8xTWVzc2FnZXNEZW1vEJ2Ktq8GMgaP2SHA2pY6LBZ4",
      "https://pay.stripe.com/receipts/[REDACTED:secret_param]",
    ],
    [
      "invoice https://invoice.stripe.com/i/acct_1AbcDEFghiJKLmno/live_YWNjdF8xQWJjREVGZ2hpSktMbW5v0200abcd?s=ap",
      "invoice https://invoice.stripe.com/i/[REDACTED:secret_param]?s=ap",
    ],
    ["posting to https://hooks.slack.com/services/T0123ABCD/B0123ABCD/abcdefghijklmnopqrstuvwx", "posting to https://[REDACTED:known_token]"],
  ]);

  it("as a URL attribute", () => {
    const url = "https://pay.stripe.com/receipts/acct_1AbcDEFghiJKLmno/ch_3XyzABCdefGHIjkl/rcpt_AbCdEfGhIjKlMnOpQrStUvWxYz0123";
    expect(storedLogAttribute("receipt_url", { stringValue: url })).toEqual({ stringValue: "https://pay.stripe.com/receipts/[REDACTED:secret_param]" });
  });

  it("Stripe's other pages stay", () => {
    const line = "see https://stripe.com/docs/receipts and https://dashboard.stripe.com/payments/pi_3XyzABCdefGHIjkl";
    expect(text(line)).toBe(line);
  });
});
