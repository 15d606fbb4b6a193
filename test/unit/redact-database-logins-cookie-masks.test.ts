/**
 * A database server's login refusal names the account it refused (PostgreSQL's `password
 * authentication failed for user "…"`, MySQL's `Access denied for user '…'@'…'`): a login is an
 * account's id, kept as user ids are, in text, in JSON and under an attribute's key; a login that
 * is an e-mail address is personal data and goes as any e-mail does. A cookie's value a sender
 * already masked (`…`, `...`, `<redacted>`, `[REDACTED]`, `***`) holds no secret: it stays and is
 * not counted, in a `Cookie` or `Set-Cookie` header in text and under an attribute's key; a real
 * value beside it still goes (docs/decisions.md, "Database logins kept as account ids").
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { redactedLogBody, storedLogAttributes } from "../support/redaction";
import { itKeepsUncounted, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const redact = (text: string) => redactString(text, policy);
const str = (key: string, stringValue: string) => ({ key, value: { stringValue } });

describe("a database's refused login is an account id and stays", () => {
  itKeepsUncounted("%s", redact, [
    'password authentication failed for user "alice_smith"',
    'FATAL:  password authentication failed for user "alice_smith"',
    "Access denied for user 'jsmith'@'10.0.0.5'",
    "Access denied for user 'jsmith'@'10.0.0.5' (using password: YES)",
    "ERROR 1045 (28000): Access denied for user 'jsmith'@'localhost' (using password: YES)",
  ]);

  it("in a JSON body and under an attribute's key alike", () => {
    const body = JSON.stringify({ msg: 'password authentication failed for user "alice_smith"', user: "alice_smith" });
    expect(redactedLogBody(body)).toBe(body);
    const message = "Access denied for user 'jsmith'@'10.0.0.5' (using password: YES)";
    expect(storedLogAttributes([str("exception.message", message), str("db.user", "alice_smith")])).toEqual({
      values: { "exception.message": message, "db.user": "alice_smith" },
      kinds: undefined,
    });
  });

  itStoresCounting("a login that is an e-mail address goes: %s", redact, { email: 1 }, [
    ["Access denied for user 'alice@example.com'@'10.0.0.5' (using password: YES)", "Access denied for user '[REDACTED:email]'@'10.0.0.5' (using password: YES)"],
    ['password authentication failed for user "alice.smith@example.com"', 'password authentication failed for user "[REDACTED:email]"'],
  ]);
});

describe("a cookie's value a sender masked is no secret", () => {
  itKeepsUncounted("%s", redact, [
    "Cookie: session=…; theme=dark",
    "Cookie: session=...; theme=dark",
    "Cookie: session=<redacted>; theme=dark",
    "Cookie: session=[REDACTED]; theme=dark",
    "Cookie: session=***; theme=dark",
    "Cookie: JSESSIONID=[FILTERED]",
    "Set-Cookie: session=…; Path=/; HttpOnly",
    "cookie=session=…; theme=dark",
  ]);

  it("under an attribute's key and in a JSON body's headers", () => {
    expect(storedLogAttributes([str("http.request.header.cookie", "session=…; theme=dark"), str("cookie", "sid=<redacted>; theme=dark")])).toEqual({
      values: { "http.request.header.cookie": "session=…; theme=dark", cookie: "sid=<redacted>; theme=dark" },
      kinds: undefined,
    });
    const body = JSON.stringify({ headers: { Cookie: "session=…; theme=dark" } });
    expect(redactedLogBody(body)).toBe(body);
  });

  it("a real value beside a masked one still goes, counted once", () => {
    const { text, counts } = redact("Cookie: session=…; csrf=Zq8vR2mK4xN7pL1t; theme=dark");
    expect(text).toBe("Cookie: session=…; csrf=[REDACTED:secret_param]; theme=dark");
    expect(counts).toEqual({ secret_param: 1 });
  });
});
