/**
 * A session's id under a session's key (OpenTelemetry's `session.id`, `session_id`, `JSESSIONID`)
 * is its bearer's credential and goes, but as its keyed hash (`[REDACTED:secret:<hash>]`) in
 * logs and traces as in metrics: one session's records still group in queries, two sessions stay
 * apart, and the hash is the policy's `hashSecret`'s, stable across isolates when one is set.
 */
import { describe, expect, it } from "vitest";
import { redactString } from "../../workers/ingest/core/redact";
import { redactionPolicy, sessionMarker, storedLogAttributes, storedPointAttributes, storedSpanAttributes } from "../support/redaction";

const SESSION = "8f3a2b9c-1d2e-4f5a-b6c7-d8e9f0a1b2c3";
const OTHER = "0c1d2e3f-4a5b-4c6d-8e7f-90a1b2c3d4e5";

describe("a session's id keeps a keyed hash", () => {
  it("groups one session's records and keeps two sessions apart, in every signal", () => {
    const first = storedLogAttributes([{ key: "session.id", value: { stringValue: SESSION } }]);
    const again = storedSpanAttributes(2, [{ key: "session.id", value: { stringValue: SESSION } }]);
    const point = storedPointAttributes("app.requests", [{ key: "session.id", value: { stringValue: SESSION } }]);
    const other = storedLogAttributes([{ key: "session.id", value: { stringValue: OTHER } }]);
    expect(first.values["session.id"]).toBe(sessionMarker(SESSION));
    expect(first.kinds).toBe("secret");
    expect(again["session.id"]).toBe(sessionMarker(SESSION));
    expect(point["session.id"]).toBe(sessionMarker(SESSION));
    expect(other.values["session.id"]).toBe(sessionMarker(OTHER));
    expect(sessionMarker(OTHER)).not.toBe(sessionMarker(SESSION));
    expect(sessionMarker(SESSION)).toMatch(/^\[REDACTED:secret:[0-9a-f]{16}\]$/);
  });

  it("is the same hash in a JSON body's member as in the attribute", () => {
    const policy = redactionPolicy({});
    const body = redactString(`{"session":{"id":"${SESSION}"},"user":"x"}`, policy);
    expect(body).toEqual({ text: `{"session":{"id":"${sessionMarker(SESSION, policy)}"},"user":"x"}`, counts: { secret: 1 } });
    expect(storedLogAttributes([{ key: "session.id", value: { stringValue: SESSION } }], policy).values["session.id"]).toBe(sessionMarker(SESSION, policy));
  });

  it("is keyed by the policy's hashSecret: the same under two policies with one secret, unknown without it", () => {
    const secret = "a-hash-secret-long-enough-for-the-policy-0123";
    const one = redactionPolicy({ hashSecret: secret });
    const two = redactionPolicy({ hashSecret: secret });
    const stored = (policy: typeof one) => storedLogAttributes([{ key: "session_id", value: { stringValue: SESSION } }], policy).values["session_id"];
    expect(stored(one)).toBe(stored(two));
    expect(stored(one)).toBe(sessionMarker(SESSION, one));
    expect(stored(redactionPolicy({ hashSecret: `${secret}-other` }))).not.toBe(stored(one));
    expect(String(stored(one))).not.toContain(SESSION);
  });

  it("keeps what is no session's id under its name, and a former session's id", () => {
    const { values, kinds } = storedLogAttributes([
      { key: "session", value: { stringValue: "active" } },
      { key: "session.previous_id", value: { stringValue: "x1y2z3" } },
    ]);
    expect(values).toEqual({ session: "active", "session.previous_id": "x1y2z3" });
    expect(kinds).toBeUndefined();
  });

  it("a hashed marker read again is left whole, and a sender's own bracket hides nothing", () => {
    const marker = sessionMarker(SESSION);
    const policy = redactionPolicy({});
    expect(redactString(`{"session":"${marker}"}`, policy)).toEqual({ text: `{"session":"${marker}"}`, counts: {} });
    expect(redactString("[REDACTED: password=hunter2 ]", policy).text).not.toContain("hunter2");
    expect(redactString("[REDACTED:secret:0123456789abcdef password=hunter2]", policy).text).not.toContain("hunter2");
  });
});

describe("a session's id the text detectors find keeps the same keyed hash", () => {
  const policy = redactionPolicy({});
  const marker = sessionMarker(SESSION, policy);

  it.each([
    ["logfmt", `level=info session_id=${SESSION} msg=ok`, `level=info session_id=${marker} msg=ok`],
    ["print_r in prose", `got [session_id] => ${SESSION}, retrying`, `got [session_id] => ${marker}, retrying`],
    ["a Cookie line's JSESSIONID", `Cookie: JSESSIONID=${SESSION}; theme=dark`, `Cookie: JSESSIONID=${marker}; theme=dark`],
    ["a Set-Cookie line's PHPSESSID", `Set-Cookie: PHPSESSID=${SESSION}; Path=/; HttpOnly`, `Set-Cookie: PHPSESSID=${marker}; Path=/; HttpOnly`],
    ["express-session's connect.sid", `Cookie: connect.sid=${SESSION}; lang=en`, `Cookie: connect.sid=${marker}; lang=en`],
    ["a field", `X-Session-Id: ${SESSION}`, `X-Session-Id: ${marker}`],
    ["a quoted assignment", `$session_id = '${SESSION}';`, `$session_id = '${marker}';`],
    ["an XML element", `<sessionId>${SESSION}</sessionId>`, `<sessionId>${marker}</sessionId>`],
    ["a URL's path parameter", `GET /cart;jsessionid=${SESSION}?sku=1`, `GET /cart;jsessionid=${marker}?sku=1`],
    ["prose", `session ${SESSION} expired`, `session ${marker} expired`],
  ])("%s, counted as before", (_, text, expected) => {
    expect(redactString(text, policy)).toEqual({ text: expected, counts: { secret_param: 1 } });
  });

  it.each([
    ["print_r's array", `Array\n(\n    [session_id] => ${SESSION}\n)`, `Array\n(\n    [session_id] => ${marker}\n)`],
    ["a JSON body, lifted", `{"sessionId":"${SESSION}","msg":"x"}`, `{"sessionId":"${marker}","msg":"x"}`],
    ["a JSON body after a message", `got {"sessionId":"${SESSION}"}`, `got {"sessionId":"${marker}"}`],
    ["JSON held in a JSON string", `{"msg":"{\\"sessionId\\":\\"${SESSION}\\"}"}`, `{"msg":"{\\"sessionId\\":\\"${marker}\\"}"}`],
  ])("a structure the key rules read: %s, counted as the key rule's", (_, text, expected) => {
    expect(redactString(text, policy)).toEqual({ text: expected, counts: { secret: 1 } });
  });

  it("is the attribute's marker: a log line and an attribute of one session group", () => {
    const line = redactString(`user=42 session_id=${SESSION} action=checkout`, policy).text;
    const attribute = storedLogAttributes([{ key: "session.id", value: { stringValue: SESSION } }], policy).values["session.id"];
    expect(line).toContain(String(attribute));
    expect(redactString(`user=42 session_id=${OTHER} action=checkout`, policy).text).not.toContain(String(attribute));
  });

  it("only a session's cookie: the others in the same header keep their own marker", () => {
    const text = `Cookie: theme=dark; sid=${SESSION}; csrftoken=Zx9Yw8Vu7Ts6Rq5P`;
    expect(redactString(text, policy)).toEqual({
      text: `Cookie: theme=dark; sid=${marker}; csrftoken=[REDACTED:secret_param]`,
      counts: { secret_param: 2 },
    });
    const { values } = storedLogAttributes([{ key: "http.request.header.cookie", value: { stringValue: `sid=${SESSION}; auth_token=abcdef123456xyz` } }], policy);
    expect(values["http.request.header.cookie"]).toBe(`sid=${marker}; auth_token=[REDACTED:secret]`);
  });

  it("in a metric attribute's text too, where other finds keep their own hashed markers", () => {
    const stored = storedPointAttributes(
      "app.requests",
      [{ key: "note", value: { stringValue: `session_id=${SESSION} password=hunter2xyz` } }],
      policy,
    );
    expect(stored["note"]).toMatch(new RegExp(`^session_id=${marker.replace(/[[\]]/g, "\\$&")} password=\\[REDACTED:secret_param:[0-9a-f]{16}\\]$`));
  });

  it("hashes the id without a sentence's final punctuation the find took with it", () => {
    expect(redactString(`logged out session_id=${SESSION}.`, policy).text).toContain(marker);
    expect(redactString(`expired: session ${SESSION}!`, policy).text).toBe(`expired: session ${marker}!`);
  });

  it("is read again unchanged", () => {
    const once = redactString(`session_id=${SESSION} Cookie: sid=${OTHER}`, policy).text;
    expect(redactString(once, policy)).toEqual({ text: once, counts: {} });
  });
});
