/**
 * A `Set-Cookie` attribute a sender put in a `Cookie` header (`Path=/`, `Secure`) names no
 * cookie and stays; redis-cli's prompt glued to the command (`redis>auth …`), in subscribed
 * mode, or at the IPv6 loopback (`::1:6379> `, whose address stays) still announces a command.
 */
import { describe, expect, it } from "vitest";
import { sessionMarker } from "../support/redaction";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { itStores } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const PARAM = "[REDACTED:secret_param]";
const SECRET = "[REDACTED:secret]";

describe("a Cookie header's attributes", () => {
  itStores("%j", (text) => redactString(text, policy).text, [
    ["Cookie: JSESSIONID=ABC123DEF456; Path=/", `Cookie: JSESSIONID=${sessionMarker("ABC123DEF456")}; Path=/`],
    [
      "Cookie: JSESSIONID=ABC123DEF456; Path=/; Domain=example.com; Max-Age=3600; SameSite=Lax; Secure; HttpOnly; Expires=Wed, 21 Oct 2026 07:28:00 GMT",
      `Cookie: JSESSIONID=${sessionMarker("ABC123DEF456")}; Path=/; Domain=example.com; Max-Age=3600; SameSite=Lax; Secure; HttpOnly; Expires=Wed, 21 Oct 2026 07:28:00 GMT`,
    ],
    ["Cookie: a=b1c2d3e4; sid=abc123def", `Cookie: a=${PARAM}; sid=${sessionMarker("abc123def")}`],
  ]);
});

describe("redis-cli's prompts", () => {
  itStores("%j", (text) => redactString(text, policy).text, [
    ["redis>auth mypass", `redis>auth ${SECRET}`],
    ["127.0.0.1:6379(subscribed mode)> auth x9pass", `127.0.0.1:6379(subscribed mode)> auth ${SECRET}`],
    ["::1:6379> auth mypass", `::1:6379> auth ${SECRET}`],
    ["::1:6379[2]> auth mypass", `::1:6379[2]> auth ${SECRET}`],
  ]);

  it("a visitor's IPv6 address still goes", () => {
    expect(redactString("client 2001:db8::5 connected", policy).text).toBe("client [REDACTED:ipv6] connected");
  });
});
