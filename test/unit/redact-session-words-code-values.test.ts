/**
 * What a trial found replaced or kept wrongly around sessions and code: a session's name
 * announces its id only when the value is shaped as one (prose, a duration, a state word stay);
 * a business object's session id (Stripe's Checkout Session, an upload's) is no login; code after
 * a credential's name (a variable, a member path, `ENV[…]`, a call, `await`, `??`) is no secret,
 * a string literal is; a URL path's parameter ends at the path's delimiters; every cookie replaced
 * is counted; a session's id in prose or a path goes; a value set under a secret's name by a
 * named setter goes.
 */
import { describe, expect, it } from "vitest";
import { sessionMarker } from "../support/redaction";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { itKeeps, itStores } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const PARAM = "[REDACTED:secret_param]";

describe("a session's name announces its id only when the value is shaped as one", () => {
  it.each([
    "express-session: store ready",
    "session: created for user 42",
    "session: Redis connection lost",
    "checkout-session: created for cart 12345",
    "session: 3600s",
    "build_id=20240501.12345678 session=build",
    "Session: 42 active users",
    "session: store ready",
    "user-session: expired",
    "PHPSESSID=deleted; expires=Thu, 01 Jan 1970",
  ])("keeps %j", (text) => {
    const result = redactString(text, policy);
    expect(result.text).toBe(text);
    expect(result.counts).toEqual({});
  });

  itStores("replaces the id in %j", (text) => redactString(text, policy).text, [
    ["session: abc123def456 expired", `session: ${sessionMarker("abc123def456")} expired`],
    ["session=abc123def456ghi789", `session=${sessionMarker("abc123def456ghi789")}`],
    ["PHPSESSID=abc123def456ghi789; path=/", `PHPSESSID=${sessionMarker("abc123def456ghi789")}; path=/`],
    ["user_session_id=abc123def456ghi789", `user_session_id=${sessionMarker("abc123def456ghi789")}`],
    ["auth_session_id: abc123def456ghi789", `auth_session_id: ${sessionMarker("abc123def456ghi789")}`],
    ["web_session_id=abc123def456ghi789", `web_session_id=${sessionMarker("abc123def456ghi789")}`],
  ]);
});

describe("a business object's session id is no login's", () => {
  itKeeps("keeps %j", (text) => redactString(text, policy).text, [
    "checkout_session_id=cs_live_a1B2c3D4e5F6g7H8",
    "upload_session_id=7f3c2a",
    "payment_session_id: ps_8f3a2b9c1d",
    "chat-session-id=c9d8e7f6a5b4",
    "stripe checkout session cs_live_a1B2c3D4e5F6g7H8 completed",
  ]);
});

describe("code after a credential's name is no secret, a string literal is", () => {
  itKeeps("keeps %j", (text) => redactString(text, policy).text, [
    "$cfg->api_key => $_ENV['API_KEY']",
    "@api_key = ENV['API_KEY']",
    "$this->apiKey = $apiKey;",
    "this.password = await hash(this.password)",
    "this.apiKey = options.apiKey;",
    "this.secret = options.secret ?? process.env.SECRET;",
    "this.token = token || null",
    "self.password = password",
    "token: this.token",
    "this.token = token",
    "apiKey: process.env.API_KEY,",
    "self.token = kwargs.get(\"token\")",
    "this.client = new Client(this.token)",
  ]);

  itStores("replaces the literal in %j", (text) => redactString(text, policy).text, [
    ["this.password = 'hunter2';", `this.password = '${PARAM}';`],
    ['self.api_key = "sk_test_abcdefghijk"', `self.api_key = "${PARAM}"`],
    ["$cfg->api_key => 'AbC123xyz'", `$cfg->api_key => '${PARAM}'`],
    ["$cfg->api_key => AbC123xyz", `$cfg->api_key => ${PARAM}`],
    ["this.password = hunter2x", `this.password = ${PARAM}`],
    ["password=$ecret1", `password=${PARAM}`],
    ["login attempt password=new from 10.0.0.5", `login attempt password=${PARAM} from 10.0.0.5`],
  ]);
});

describe("a URL path's parameter ends at the path's delimiters", () => {
  itStores("%j", (text) => redactString(text, policy).text, [
    ["GET /cart;jsessionid=A1B2C3D4E5F6?sku=1 200", `GET /cart;jsessionid=${sessionMarker("A1B2C3D4E5F6")}?sku=1 200`],
    ["https://shop.example.com/cart;jsessionid=A1B2C3D4E5F6/items#top", `https://shop.example.com/cart;jsessionid=${sessionMarker("A1B2C3D4E5F6")}/items#top`],
    ["/a;token=abc123XYZ9def;v=2", `/a;token=${PARAM};v=2`],
  ]);
});

describe("every cookie replaced is counted", () => {
  it.each([
    ["Cookie: sessionid=abc123def456ghi789; csrftoken=Zx9Yw8Vu7Ts6", 2],
    ["Cookie: koa.sess=eyJwYXNzcG9ydCI6e319; koa.sess.sig=abc123", 2],
    ["Cookie: session=abc123def456; remember_token=42|abcdefXYZ123", 2],
    ["Cookie: sid=abc123def456ghi789; lang=pt", 1],
  ])("%j", (text, count) => {
    const result = redactString(text, policy);
    expect(result.counts).toEqual({ secret_param: count });
    // A session cookie's marker is its hashed one, counted as the other cookies' (docs/decisions.md, "found anywhere").
    expect(result.text.match(/\[REDACTED:secret(?:_param|:[0-9a-f]{16})\]/g)?.length).toBe(count);
  });
});

describe("a session's id in prose or a path", () => {
  it.each([
    ["invalid session id abc123def456ghi789", `invalid session id ${sessionMarker("abc123def456ghi789")}`],
    ["sessionId abc123def456 not found", `sessionId ${sessionMarker("abc123def456")} not found`],
    ["session 8f3a2b9c-1d2e-4f5a-b6c7-d8e9f0a1b2c3 expired", `session ${sessionMarker("8f3a2b9c-1d2e-4f5a-b6c7-d8e9f0a1b2c3")} expired`],
    ["sesión abc123def456 caducada", `sesión ${sessionMarker("abc123def456")} caducada`],
    ["sessão abc123def456 expirada", `sessão ${sessionMarker("abc123def456")} expirada`],
    ["GET /api/session/8f3a2b9c1d2e/cart", `GET /api/session/${sessionMarker("8f3a2b9c1d2e")}/cart`],
    ["session abc123def456.", `session ${sessionMarker("abc123def456")}.`],
  ])("replaces the id in %j", (text, expected) => {
    const result = redactString(text, policy);
    expect(result.text).toBe(expected);
    expect(result.counts).toEqual({ secret_param: 1 });
  });

  itKeeps("keeps %j", (text) => redactString(text, policy).text, [
    "session 2 of 5",
    "session started",
    "session 12345 of 20000 processed",
    "session started for cart 8f3a",
    // Eight hex digits are no session's id in a path where no name announces one (docs/decisions.md, 2026-12-03).
    "GET /api/session/8f3a2b9c/cart",
    "session v2 ready",
    "session expired after 3600 seconds",
    "Deploy 2024-05-01 version 3.4.5 session pool size=12345",
    "sessionStorage quota exceeded 5242880",
  ]);

  it("leaves an AWS key after `session` to the known tokens", () => {
    expect(redactString("session ASIAY34FZKBOKMUTVV7A", policy).counts).toEqual({ known_token: 1 });
  });
});

describe("a value set under a secret's name by a named setter", () => {
  itStores("%j", (text) => redactString(text, policy).text, [
    ["localStorage.setItem('token', 'abc123XYZ9def')", `localStorage.setItem('token', '${PARAM}')`],
    ['sessionStorage.setItem("authToken", "abc123XYZ9def")', `sessionStorage.setItem("authToken", "${PARAM}")`],
    ["res.setHeader('X-Api-Key', 'abc123XYZ9def')", `res.setHeader('X-Api-Key', '${PARAM}')`],
    ["headers.set('Authorization', 'Bearer abc123XYZ9def')", "headers.set('Authorization', 'Bearer [REDACTED:bearer]')"],
  ]);

  it("keeps a setting's value", () => {
    expect(redactString("localStorage.setItem('theme', 'dark')", policy).text).toBe("localStorage.setItem('theme', 'dark')");
  });
});
