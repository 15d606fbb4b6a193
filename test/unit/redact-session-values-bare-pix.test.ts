/**
 * A session's id in prose may stand in quotes or brackets, and a cipher suite's name after
 * `session` is no id; under a session's key (attribute or JSON member) only an id-shaped value
 * is the id, as after the same name in text; under the bare `pix` key a value in a PIX key's shape
 * is the key, while `pixels`, `pix_fmt` and a payment method's flag stay.
 */
import { describe, expect, it } from "vitest";
import type { AnyValue, KeyValue } from "../../workers/shared/otlp/model";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { expectUnchanged, sessionMarker, storedLogAttributes } from "../support/redaction";
import { itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const PARAM = "[REDACTED:secret_param]";
const attr = (key: string, value: AnyValue | string): KeyValue => ({ key, value: typeof value === "string" ? { stringValue: value } : value });

describe("a session's id in prose", () => {
  itStoresCounting("%j", (text) => redactString(text, policy), { secret_param: 1 }, [
    ["session 9fK2pQ7xLm3Z expired", `session ${sessionMarker("9fK2pQ7xLm3Z")} expired`],
    ["Session 9fK2pQ7xLm3Z", `Session ${sessionMarker("9fK2pQ7xLm3Z")}`],
    ["session 9fK2pQ7xLm3Z.", `session ${sessionMarker("9fK2pQ7xLm3Z")}.`],
    ['session "9fK2pQ7xLm3Z" expired', `session "${sessionMarker("9fK2pQ7xLm3Z")}" expired`],
    ["session '9fK2pQ7xLm3Z' expired", `session '${sessionMarker("9fK2pQ7xLm3Z")}' expired`],
    ["session (9fK2pQ7xLm3Z) expired", `session (${sessionMarker("9fK2pQ7xLm3Z")}) expired`],
    ['session id "abc123" expired', `session id "${sessionMarker("abc123")}" expired`],
    ['{"msg":"session 9fK2pQ7xLm3Z expired"}', `{"msg":"session ${sessionMarker("9fK2pQ7xLm3Z")} expired"}`],
  ]);

  it.each([
    "session 2fa enabled",
    "session timeout 30m",
    "session count 12345678901",
    "session 12345678901 count",
    "session TLSv1.3 negotiated",
    "session ECDHE-RSA-AES128-GCM-SHA256 negotiated",
    "session TLS-AES-256-GCM-SHA384 resumed",
    'checkout session "cs_live_a1B2c3D4e5F6g7"',
  ])("keeps %j", expectUnchanged);
});

describe("under a session's key only an id-shaped value is the id", () => {
  it.each([
    '{"session":"active"}',
    '{"session":3}',
    '{"session":true}',
    '{"session":"expired"}',
    '{"session":"3600s"}',
    '{"session":"created for user 42"}',
    '{"session_id":42}',
    '{"PHPSESSID":"deleted"}',
    "{ session: 'active', user: 'ana' }",
    'session: "active"',
  ])("keeps %j", expectUnchanged);

  itStoresCounting("replaces %j", (text) => redactString(text, policy), { secret: 1 }, [
    // A session's id keeps its keyed hash: a session's records still group.
    ['{"session":"9fK2pQ7xLm3Z"}', `{"session":"${sessionMarker("9fK2pQ7xLm3Z")}"}`],
    ['{"session_id":"abc123"}', `{"session_id":"${sessionMarker("abc123")}"}`],
    ['{"session":1234567890123}', `{"session":"${sessionMarker("1234567890123")}"}`],
    ['{"JSESSIONID":"ABCDEF0123456789"}', `{"JSESSIONID":"${sessionMarker("ABCDEF0123456789")}"}`],
    // A cookie jar's member is a cookie's value whatever its shape, as in a `Cookie` header.
    ['{"cookies":{"session":"active"}}', '{"cookies":{"session":"[REDACTED:secret]"}}'],
  ]);

  it("reads an attribute as it reads a JSON member", () => {
    const { values } = storedLogAttributes([
      attr("session", "active"),
      attr("session.state", "expired"),
      attr("app.session", { intValue: "3" }),
      attr("session_flag", { boolValue: true }),
      attr("user_session_id", "9fK2pQ7xLm3Z"),
      attr("session.id", "8f3a2b9c-1d2e-4f5a-b6c7-d8e9f0a1b2c3"),
    ]);
    expect(values).toEqual({
      session: "active",
      "session.state": "expired",
      "app.session": { intValue: "3" },
      session_flag: { boolValue: true },
      user_session_id: sessionMarker("9fK2pQ7xLm3Z"),
      "session.id": sessionMarker("8f3a2b9c-1d2e-4f5a-b6c7-d8e9f0a1b2c3"),
    });
  });
});

describe("the bare pix key", () => {
  itStoresCounting("replaces %j in text", (text) => redactString(text, policy), { pix_key: 1 }, [
    ['{"pix":"+5511987654321"}', '{"pix":"[REDACTED:pix_key]"}'],
    ['{"pix":"12345678909"}', '{"pix":"[REDACTED:pix_key]"}'],
    ["pix=12345678909", "pix=[REDACTED:pix_key]"],
    ["pix: fulano@example.com", "pix: [REDACTED:pix_key]"],
    ["pix: 123e4567-e89b-12d3-a456-426614174000", "pix: [REDACTED:pix_key]"],
    ['{"chavePix":"fulano@example.com"}', '{"chavePix":"[REDACTED:pix_key]"}'],
  ]);

  it("replaces a value in a key's shape as an attribute under the bare key, and keeps the rest", () => {
    const { values, kinds } = storedLogAttributes([
      attr("pix", "+5511987654321"),
      attr("payment.pix", "52998224725"),
      attr("cliente_pix", "fulano@example.com"),
      attr("order.pix", "123e4567-e89b-12d3-a456-426614174000"),
      attr("checkout.pix", { intValue: "12345678909" }),
      attr("pix_enabled", { boolValue: true }),
      attr("payment.method.pix", "enabled"),
      attr("refund.pix", "150.00"),
      attr("pixels", { intValue: "1080" }),
      attr("pix_fmt", "yuv420p"),
      attr("pixel_ratio", "2"),
    ]);
    expect(values).toEqual({
      pix: "[REDACTED:pix_key]",
      "payment.pix": "[REDACTED:pix_key]",
      cliente_pix: "[REDACTED:pix_key]",
      "order.pix": "[REDACTED:pix_key]",
      "checkout.pix": "[REDACTED:pix_key]",
      pix_enabled: { boolValue: true },
      "payment.method.pix": "enabled",
      "refund.pix": "150.00",
      pixels: { intValue: "1080" },
      pix_fmt: "yuv420p",
      pixel_ratio: "2",
    });
    expect(kinds).toBe("pix_key");
  });

  it.each(['{"pixels":1080,"pix_fmt":"yuv420p","pixel_ratio":2}', "pixels: 1080", "pix_fmt: yuv420p", "pixel_ratio: 2", '{"pix":true}', '{"pix":"enabled"}', "pix: 150.00"])(
    "keeps %j",
    expectUnchanged,
  );
});

describe("a session id holding an `&` or a shell's `\\&` is one value, gone whole", () => {
  const redact = (text: string) => redactString(text, policy);
  // A session cookie's value carries no pairs: an `&` glued to its id is more of it, judged by the id before it.
  itStoresCounting("%j", redact, { secret_param: 1 }, [
    ["sessionid:9f8e7d6c5b4a&x path=/", `sessionid:${sessionMarker("9f8e7d6c5b4a&x")} path=/`],
    ["sessionid:9f8e7d6c5b4a\\&x path=/", `sessionid:${sessionMarker("9f8e7d6c5b4a\\&x")} path=/`],
    ["Cookie: sessionid=9f8e7d6c5b4a\\&x", `Cookie: sessionid=${sessionMarker("9f8e7d6c5b4a\\&x")}`],
    ["Cookie: sessionid=9f8e7d6c5b4a\\&x; theme=dark", `Cookie: sessionid=${sessionMarker("9f8e7d6c5b4a\\&x")}; theme=dark`],
    ["sessionid: 9f8e7d6c5b4a&x path=/", `sessionid: ${sessionMarker("9f8e7d6c5b4a&x")} path=/`],
    ["sessionid=9f8e7d6c5b4a&x path=/", `sessionid=${sessionMarker("9f8e7d6c5b4a&x")} path=/`],
    ["sessionid=9f8e7d6c5b4a\\&x path=/", `sessionid=${sessionMarker("9f8e7d6c5b4a\\&x")} path=/`],
    ["JSESSIONID:9f8e7d6c5b4a&x", `JSESSIONID:${sessionMarker("9f8e7d6c5b4a&x")}`],
    ["session_id: 9f8e7d6c5b4a\\&x", `session_id: ${sessionMarker("9f8e7d6c5b4a\\&x")}`],
    ['sessionid: "9f8e7d6c5b4a&x"', `sessionid: "${sessionMarker("9f8e7d6c5b4a&x")}"`],
    ["sid:abc123def&{x", `sid:${sessionMarker("abc123def&{x")}`],
  ]);
  itStoresCounting("%j", redact, { secret: 1 }, [['{"sessionid":"9f8e7d6c5b4a&x"}', `{"sessionid":"${sessionMarker("9f8e7d6c5b4a&x")}"}`]]);
  // In a URL's query an `&` before a pair's name ends the value, as before.
  itStoresCounting("%j", redact, { secret_param: 1 }, [
    ["https://x.test/?sessionid=9f8e7d6c5b4a&x=1", `https://x.test/?sessionid=${sessionMarker("9f8e7d6c5b4a")}&x=1`],
    ["sessionid=9f8e7d6c5b4a&x=1", `sessionid=${sessionMarker("9f8e7d6c5b4a")}&x=1`],
  ]);
  it.each(["sid:abc&x", "sessionid:ab12c&x path=/", "sessionid=abc&x"])("keeps %j", expectUnchanged);
});

describe("an `&` joins a session id to more of its value only before a value's characters", () => {
  const redact = (text: string) => redactString(text, policy);
  const long = "9f8e7d6c5b4a".repeat(25);
  const base64 = "Zx9Kq2Lm7Pw4-_".repeat(22);
  // A long id is read to its end once, its shape judged on its first characters: no length lets it through.
  itStoresCounting("%j", redact, { secret_param: 1 }, [
    [`sessionid:${long}&x path=/`, `sessionid:${sessionMarker(`${long}&x`)} path=/`],
    [`sessionid=${long}\\&{x`, `sessionid=${sessionMarker(`${long}\\&{x`)}`],
    [`sid:${long}\\&x path=/`, `sid:${sessionMarker(`${long}\\&x`)} path=/`],
    [`sessionid:${long}&{x`, `sessionid:${sessionMarker(`${long}&{x`)}`],
    [`sessionid:${base64}&x path=/`, `sessionid:${sessionMarker(`${base64}&x`)} path=/`],
    ["sessionid:9f8e7d6c5b4a&{x", `sessionid:${sessionMarker("9f8e7d6c5b4a&{x")}`],
  ]);
  // JSON's escape of a shell's `\&` (`\\&`) is the same join.
  itStoresCounting("%j", redact, { secret_param: 1 }, [
    ['{"msg":"sessionid:9f8e7d6c5b4a\\\\&x path=/"}', `{"msg":"sessionid:${sessionMarker("9f8e7d6c5b4a\\\\&x")} path=/"}`],
    ['{"msg":"Cookie: sessionid=9f8e7d6c5b4a\\\\&x"}', `{"msg":"Cookie: sessionid=${sessionMarker("9f8e7d6c5b4a\\\\&x")}"}`],
  ]);
  // Another cookie's value ends at a backslash, as before; a blank, a quote or a comma after the `&` makes no id.
  it.each([
    "Cookie: theme=dark\\&x",
    "Cookie: lang=en\\\\&x",
    "X-Session-Id: abcdef123456&, retries=3",
    '{"session_id":"abc123def456& note"}',
    "sid:abc123def456&",
  ])("keeps %j", expectUnchanged);
});
