/**
 * A state's or report's word after a secret's name, and what follows it: the value is kept only
 * when every word after the state's word fits the report grammar (event-reports.ts); a word
 * shaped as a secret, a quoted word or words a Redis reply never opens with after it make the
 * whole value the secret's. Logfmt's next pairs are the line's own fields, and a name that says
 * what was done to a secret (`password_reset`) holds none. Each case in text, a pino line's
 * message (JSON text), after a logger's prefix, a log attribute's string and a Cloudflare console
 * line.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { exportedConsoleLine, storedLogAttribute } from "../support/redaction";
import { itKeeps, itStores, wholeValuesReplaced } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const stored = (text: string) => redactString(text, policy).text;
/** The text as a pino line's message in a log body (JSON text). */
const inJsonBody = (text: string) => JSON.parse(stored(JSON.stringify({ level: 30, msg: text }))).msg as string;
const afterPrefix = (text: string) => stored(`2026-12-05T03:00:00.123Z INFO ${text}`).replace("2026-12-05T03:00:00.123Z INFO ", "");
const inAttribute = (text: string) => (storedLogAttribute("detail", { stringValue: text }) as { stringValue: string }).stringValue;
const inConsoleLine = (text: string) => exportedConsoleLine(text).body;

const FORMS: readonly (readonly [string, (text: string) => string])[] = [
  ["text", stored],
  ["a pino message", inJsonBody],
  ["after a logger's prefix", afterPrefix],
  ["a log attribute", inAttribute],
  ["a Cloudflare console line", inConsoleLine],
];

const SECRETS_AFTER_STATE_WORDS = wholeValuesReplaced([
  "Passwort: OK geheim123",
  "Passwort: falsch geheim123",
  "password: ERR swordfish now",
  "password: ERR invalid password 48291734",
  "password: failed hunter2x9",
  "password: expired Tr0ub4dor3 now",
  "token: expired eyJhbGciOi…",
  "token: expired eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9",
  'password: reset "Sommer2024!"',
  "password: reset 'Sommer2024!'",
  "password: invalid, hunter2x9",
  // A lone pair shaped as a secret after a report's word is no logfmt field.
  "password: changed new=hunter2x9",
]);

const KEPT = [
  "auth=jwt status=200",
  "auth=ok latency_ms=4",
  "auth=oidc took=12ms",
  "password=changed user_id=42 took_ms=3",
  "password: changed user_id=42 took_ms=3",
  "token: refreshed for session 9 in 15ms",
  "token: ok",
  "session_token: verified",
  "password: changed by admin",
  "password: reset for user 42 at 2026-12-05T03:00:00Z",
  "password: required or optional",
  "password: expired, please reset",
  "password: invalid (min 8 chars)",
  "password: ERR invalid password",
  "Authorization: Token: abgelaufen",
  "Authorization: Token: expired",
  "ERROR:root:password_reset=sent",
  "ERROR:root:password_reset_sent=true",
  "password_reset=sent",
];

describe("a state's word after a secret's name keeps the value only when all of it fits a report", () => {
  for (const [form, storedIn] of FORMS) {
    itStores(`${form}: %s is stored %s`, storedIn, SECRETS_AFTER_STATE_WORDS);
    itKeeps(`${form}: %s stays`, storedIn, KEPT);
  }
});

describe("a secret's list in single quotes", () => {
  const LISTS: readonly (readonly [string, string])[] = [
    ["password: [ 's3cr3tPw42' ]", "password: [ '[REDACTED:secret_param]' ]"],
    ["password: ['s3cr3tPw42']", "password: ['[REDACTED:secret_param]']"],
    ["command: { name: 'auth', args: [ 's3cr3tPw42' ] }", "command: { name: 'auth', args: [ '[REDACTED:secret]' ] }"],
  ];
  for (const [form, storedIn] of FORMS) itStores(`${form}: %s is stored %s`, storedIn, LISTS);
  itKeeps("text %s stays", stored, ["secrets: [ 'STRIPE_KEY' ]", "args: [ 'users', 42 ]"]);
});

describe("what ends a value on a logfmt line", () => {
  it("keeps a connection string's password the password whatever it says", () => {
    expect(stored("host=db user=app password=reset dbname=orders")).toBe("host=db user=app password=[REDACTED:secret_param] dbname=orders");
  });
  it("keeps an environment's or a flag's state word the password", () => {
    expect(stored("password=changed")).toBe("password=[REDACTED:secret_param]");
    expect(stored("--password=changed user=x")).toBe("--password=[REDACTED:secret_param] user=x");
  });
  it("reads an authentication scheme's parameters as its own, not as the line's next pairs", () => {
    expect(stored('Authorization: Digest username="maria", realm="shop", response="6629fae49393a05397450978507c4ef1"')).not.toContain("6629fae4");
    expect(stored("authorization=AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, Signature=fe5f80f77d5fa3be")).not.toContain("fe5f80f7");
  });
  it("keeps a base64 token's padding in the value", () => {
    expect(stored("token: issued for user 42 dGhpc2lzYXNlY3JldDEyMw==")).toBe("token: [REDACTED:secret_param]");
  });
});
