/**
 * What a trial found around code after a credential's name, session ids in prose and paths, and
 * passport numbers: in code, a string literal that is not a variable's or key's name is the secret
 * and goes while the code stays; a setter named for a credential gives its literal; a session's id
 * where no name announces it is id-shaped (a UUID, 12+ hex digits, 12+ token characters mixing
 * letters and digits), so host, region, algorithm and version words stay; a passport number holds
 * at least five digits.
 */
import { describe, expect, it } from "vitest";
import { sessionMarker } from "../support/redaction";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { itStores, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const PARAM = "[REDACTED:secret_param]";

/** The text comes back unchanged and nothing is counted. */
function expectKept(text: string): void {
  expect(redactString(text, policy)).toEqual({ text, counts: {} });
}

describe("a session's id in prose or a path is id-shaped", () => {
  it.each([
    "session sha256 digest",
    "session aes256 cipher negotiated",
    "session base64 decode failed",
    "session utf16le decoded",
    "session x86_64 build",
    "session v1beta1 api",
    "session node-1 drained",
    "session worker-3 stopped",
    "session web-01 timeout",
    "session us-east-1 failover",
    "session k8s-node-1 drained",
    "session ip-10-0-1-23 drained",
    "GET /auth/session/oauth2/callback 302",
    "POST /api/session/refresh2",
    "GET /sessions/us-east-1/stats",
    "session 1714567890123 started",
  ])("keeps %j", expectKept);

  it.each([
    ["session 8f3a2b9c1d2e4f5a expired", `session ${sessionMarker("8f3a2b9c1d2e4f5a")} expired`],
    ["session aB3xY9kL2mN4pQ expired", `session ${sessionMarker("aB3xY9kL2mN4pQ")} expired`],
    ["session aB3-xY9_kL2mN4pQ expired", `session ${sessionMarker("aB3-xY9_kL2mN4pQ")} expired`],
    ["GET /sessions/8f3a2b9c-1d2e-4f5a-b6c7-d8e9f0a1b2c3/stats", `GET /sessions/${sessionMarker("8f3a2b9c-1d2e-4f5a-b6c7-d8e9f0a1b2c3")}/stats`],
    // An id's word announces the id: its looser shape is enough there.
    ["session id abc123 expired", `session id ${sessionMarker("abc123")} expired`],
  ])("replaces the id in %j", (text, expected) => {
    const result = redactString(text, policy);
    expect(result.text).toBe(expected);
    expect(result.counts).toEqual({ secret_param: 1 });
  });
});

describe("a passport number holds at least five digits", () => {
  it.each([
    "passport oauth2 callback took 123456 us",
    "passport oauth2 strategy error 500 after 12345ms",
    "passport v2auth0 user 12345678",
    "passport: saml20 strategy",
  ])("keeps %j", expectKept);

  it.each(["C01X00T47", "L898902C3", "XDC123456", "FZ123456", "A1234567", "123456789"])("replaces passport %s", (number) => {
    expect(redactString(`passport ${number}`, policy)).toEqual({ text: "passport [REDACTED:passport]", counts: { passport: 1 } });
  });
});

describe("in code after a credential's name, the code stays and every string literal but a lookup's key goes", () => {
  it.each([
    ['this.password = options.password || "hunter2";', `this.password = options.password || "${PARAM}";`],
    ['this.secret = options.secret ?? "hunter2";', `this.secret = options.secret ?? "${PARAM}";`],
    ["config.password = process.env.PW || 'hunter2';", `config.password = process.env.PW || '${PARAM}';`],
    ['self.password = os.environ["PW"] or "hunter2"', `self.password = os.environ["PW"] or "${PARAM}"`],
    ['password = os.getenv("PW", "hunter2")', `password = os.getenv("PW", "${PARAM}")`],
    ["$this->password = env('DB_PASSWORD', 'hunter2');", `$this->password = env('DB_PASSWORD', '${PARAM}');`],
    ['self.password = kwargs.get("password", "hunter2")', `self.password = kwargs.get("password", "${PARAM}")`],
    ["$this->password = $pw ?: 'hunter2';", `$this->password = $pw ?: '${PARAM}';`],
    ['this.password = await "hunter2"', `this.password = await "${PARAM}"`],
    ['this.password = opts.pw || "hunter2"; this.user = "ana"', `this.password = opts.pw || "${PARAM}"; this.user = "ana"`],
  ])("%j", (text, expected) => {
    const result = redactString(text, policy);
    expect(result.text).toBe(expected);
    expect(result.counts).toEqual({ secret_param: 1 });
  });

  it("leaves a known token's format in a literal to the known tokens, which name it", () => {
    expect(redactString('this.token = opts.t || "abc123XYZ9def" || "sk_live_51H8xYzAbCdEfGhIjKlMnOpQr"', policy)).toEqual({
      text: `this.token = opts.t || "${PARAM}" || "[REDACTED:known_token]"`,
      counts: { secret_param: 1, known_token: 1 },
    });
  });

  it("counts each literal replaced", () => {
    expect(redactString('this.token = opts.token || cache.token || "abc123XYZ9def" || "zyx987WVU6cba"', policy)).toEqual({
      text: `this.token = opts.token || cache.token || "${PARAM}" || "${PARAM}"`,
      counts: { secret_param: 2 },
    });
  });

  it.each([
    'self.token = config.get("stripe.token")',
    "password = os.getenv(\"PW\")",
    "$db->password = DB_PASSWORD;",
    'this.token = options.token || "none"',
    'this.password = options.password || ""',
    'log("password = " + user.password)',
    'setTheme("dark")',
  ])("keeps %j", expectKept);
});

describe("a credential's setter called with a literal", () => {
  itStoresCounting("%j", (text) => redactString(text, policy), { secret_param: 1 }, [
    ['setPassword("hunter2")', `setPassword("${PARAM}")`],
    ["user.setPassword('hunter2')", `user.setPassword('${PARAM}')`],
    ['setApiKey("sk9f8a7d6s5a4")', `setApiKey("${PARAM}")`],
    ['set_password("hunter2")', `set_password("${PARAM}")`],
  ]);
});

describe("a bare word after a credential's name in code is read alike with or without `;`", () => {
  itStores("%j", (text) => redactString(text, policy).text, [
    ["$db->password = hunter2;", `$db->password = ${PARAM};`],
    ["self.password = hunter2", `self.password = ${PARAM}`],
  ]);
});

describe("a code literal is looked for only where a quote follows", () => {
  // Every code literal holds a quote: a text with none after a name is not searched, where each
  // name had the rest of its line read on for one (64 KB of assignments in 20 ms).
  const assignments = "this.password = x; ".repeat(3449);
  const redacted = `this.password = ${PARAM}; `.repeat(3449);

  it("redacts 64 KB of unquoted assignments as before, with or without a literal at the end", () => {
    expect(redactString(assignments, policy)).toEqual({ text: redacted, counts: { secret_param: 3449 } });
    expect(redactString(`${assignments}this.password = "hunter2";`, policy)).toEqual({
      text: `${redacted}this.password = "${PARAM}";`,
      counts: { secret_param: 3450 },
    });
  });
});
