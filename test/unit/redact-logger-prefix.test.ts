/**
 * A message's start after a logger's prefix (workers/ingest/core/redact/logger-prefix.ts): the
 * rules that read a form only where a message opens (a Redis command, reply or configuration
 * line written as the line's words, YAML members by their indentation and a name/value pair's
 * block, a `Código:`/`Code:` message alone, a `Name:` label, loguru's diagnose drawing,
 * kubectl's table header) read it after a logger's timestamp, level and names as at a line's
 * start. Found by the corpus in the sender forms
 * (test/unit/redaction-sender-forms.test.ts): `2026-12-04T21:00:00.000Z ERROR <text>` leaked 25
 * secrets a bare line loses, and `ERROR` before `Sending code 482913` read as an error's code.
 * Each secret is read after the prefixes of ISO 8601 loggers, Python logging (its default format
 * too), Go's `log`, logback (with a time alone), syslog (with a priority, or a host and tag after
 * an ISO time, Heroku's), bracketed timestamps, loguru, Spring Boot, Rails, nginx's and Apache's
 * error logs, klog, zap's console, Redis's server log and PostgreSQL; the look-alikes after them stay.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { loggerPrefixLength } from "../../workers/ingest/core/redact/logger-prefix";
import { redactedLogBody, storedLogAttribute } from "../support/redaction";
import { itKeepsUncounted } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const redact = (text: string) => redactString(text, policy);
const SECRET = "[REDACTED:secret]";
const PARAM = "[REDACTED:secret_param]";

/** Prefixes as loggers print them, each before its message. */
const PREFIXES = [
  "2026-12-04T21:00:00.000Z ERROR ",
  "2026-12-04T21:00:00.000+02:00 warn: ",
  "2026-12-04 21:00:00,123 - myapp - ERROR - ",
  "2026/12/04 21:00:00 ",
  "2026-12-04 21:00:00.123 [main] INFO c.e.App - ",
  "Dec  4 21:00:00 web01 app[812]: ",
  "[2026-12-04 21:00:00] [INFO] ",
  "2026-12-04 21:00:00.123 | ERROR    | __main__:main:10 - ",
  "2026-12-04 21:00:00.123  INFO 12345 --- [           main] c.e.App                   : ",
  "I, [2026-12-04T10:00:00.123456 #1234]  INFO -- : ",
  "2026/12/04 10:00:00 [error] 123#0: *1 ",
  "[Fri Dec 04 10:00:00.123 2026] [core:error] [pid 1234] ",
  "10:00:00.123 [main] ERROR ",
  "<14>Dec  4 10:00:00 web01 app[812]: ",
  "2026-12-04T10:00:00+01:00 web01 app[812]: ",
  "2026-12-04T10:00:00.000000+00:00 app[web.1]: ",
  "I1204 10:00:00.123456       1 main.go:10] ",
  "2026-12-04T10:00:00.000Z\tINFO\tapp/main.go:10\t",
  "1:M 04 Dec 2026 10:00:00.123 * ",
  "ERROR:root:",
  "2026-12-04 10:00:00.123 UTC [1234] LOG:  ",
];

describe("where a logger's prefix ends", () => {
  it.each(PREFIXES)("reads %j as a prefix, to the message", (prefix) => {
    expect(loggerPrefixLength(`${prefix}AUTH pw`, 0)).toBe(prefix.length);
  });

  it("reads two, a logged line stamped again by what collected it", () => {
    const prefix = "2026-12-04T21:00:00.000000000Z stdout F 2026/12/04 21:00:00 ";
    expect(loggerPrefixLength(`${prefix}auth default pw`, 0)).toBe(prefix.length);
    expect(redact(`${prefix}auth default R3disP4ssw0rd`).text).toBe(`${prefix}auth default ${SECRET}`);
  });

  it.each([
    ["the line's start", "Code: 482913"],
    ["a level word opening the line", "ERROR Code: 482913"],
    ["a logger's prefix", "2026-12-04 21:00:00 Code: 482913"],
    ["a logger's prefix and a level word", "2026-12-04 21:00:00 ERROR Code: 482913"],
  ])("reads a message's start after %s, with a level word opening the message or not (code-phrase.ts reads the line's start once for both)", (_, text) => {
    expect(redact(text).text).toBe(text.replace("482913", "[REDACTED:secret_param]"));
  });

  it("reads no message's start after a level word inside a sentence", () => {
    expect(redact("see ERROR Code: 482913").text).toBe("see ERROR Code: 482913");
  });

  it("reads it on a later line too, from that line's start", () => {
    const text = "first\n2026/12/04 21:00:00 AUTH pw";
    expect(loggerPrefixLength(text, 6)).toBe("2026/12/04 21:00:00 ".length);
  });

  it.each([
    ["logfmt is no prefix", "level=info msg=AUTH"],
    ["a level word without a timestamp", "ERROR: AUTH pw"],
    ["a word before ` - ` without a timestamp", "myapp - AUTH pw"],
    ["a date alone", "2026-12-04 AUTH pw"],
    ["a version", "1.2.3 AUTH pw"],
    ["a level and ` - ` without a timestamp", "INFO - AUTH pw"],
    ["winston's level without a timestamp", "info: AUTH pw"],
    ["a level word glued to a key without a logger's name", "ERROR:AUTH pw"],
    ["a bracketed word that is no time", "[Fri] AUTH pw"],
  ])("finds none: %s", (_, text) => {
    expect(loggerPrefixLength(text, 0)).toBe(0);
  });

  it.each([
    ["a second level word is the message's", "2026-12-04T21:00:00Z INFO error sending", "error sending"],
    ["a key glued to its colon is the message's", "2026-12-04T21:00:00Z ERROR db.password: x", "db.password: x"],
    ["a level word is no logger's name", "2026-12-04 21:00:00 - ERROR - Error code sent", "Error code sent"],
    ["a word in capitals is no zone", "2026-12-04 10:00:00 POST /login 200", "POST /login 200"],
    ["a zone's abbreviation is the prefix's", "2026-12-04 10:00:00 UTC POST /login", "POST /login"],
    ["a level word is no host", "2026-12-04T10:00:00Z ERROR items[3]: x", "items[3]: x"],
    ["a time alone keeps the first word", "10:00:00.123 started", "started"],
    ["a second level word after Ruby's is the message's", "E, [2026-12-04T10:00:00.123456 #1] ERROR -- app: ERROR x", "ERROR x"],
    ["Python's default keeps the message's colons", "WARNING:app.db:retry: 3", "retry: 3"],
    ["zap's caller is read only before a tab", "2026-12-04T10:00:00.000Z\tINFO\tmain.go:10 x", "main.go:10 x"],
  ])("%s", (_, text, message) => {
    expect(text.slice(loggerPrefixLength(text, 0))).toBe(message);
  });
});

describe("secrets read at a message's start, after each prefix", () => {
  /** Each message with its secret, and what is stored for it. */
  const messages: [string, string, Record<string, number>][] = [
    ["auth default R3disP4ssw0rd", `auth default ${SECRET}`, { secret: 1 }],
    ["Auth default s3cr3tP4ss", `Auth default ${SECRET}`, { secret: 1 }],
    ['AUTH "s3cr3t P4ss"', `AUTH "${SECRET}"`, { secret: 1 }],
    ["CONFIG SET requirepass N3wR3disPw", `CONFIG SET requirepass ${SECRET}`, { secret: 1 }],
    ["CONFIG SET masterauth N3wR3disPw", `CONFIG SET masterauth ${SECRET}`, { secret: 1 }],
    ["MIGRATE 10.0.0.9 6379 key 0 5000 AUTH2 default s3cretPW", `MIGRATE 10.0.0.9 6379 key 0 5000 AUTH2 default ${SECRET}`, { secret: 1 }],
    ["ACL SETUSER app on >Str0ngAclPw ~* +@all", `ACL SETUSER app on >${SECRET} ~* +@all`, { secret: 1 }],
    ["user app on >Str0ngAclPw ~app:* +@read", `user app on >${SECRET} ~app:* +@read`, { secret: 1 }],
    ['1) "requirepass"\n2) "f00bared9"', `1) "requirepass"\n2) "${SECRET}"`, { secret: 1 }],
    ["auth R3disPw1 get session:42", `auth ${SECRET} get session:42`, { secret: 1 }],
    ["redis>auth mypass", `redis>auth ${SECRET}`, { secret: 1 }],
    ["password:\n  hunter2x9", `password:\n  ${PARAM}`, { secret_param: 1 }],
    ["secrets:\n  db: Zx81kQpL0vN2\n  stripe: Sk9vQ2mZ7xB4nL1p", `secrets:\n  db: ${PARAM}\n  stripe: ${PARAM}`, { secret_param: 2 }],
    ["credentials:\n  - hunter2x9", `credentials:\n  - ${PARAM}`, { secret_param: 1 }],
    ["password: |\n  hunter2x9\nport: 5432", `password: |\n  ${PARAM}\nport: 5432`, { secret_param: 1 }],
    ["password: Xk9;mQ7vLp", `password: ${PARAM}`, { secret_param: 1 }],
    ["name: DB_PASSWORD\nvalue: hunter2x9", `name: DB_PASSWORD\nvalue: ${PARAM}`, { secret_param: 1 }],
    ["Name: Maria Gonzalez", "Name: [REDACTED:person_name]", { person_name: 1 }],
    ["Código: 445566", `Código: ${PARAM}`, { secret_param: 1 }],
    ["Code: 482913", `Code: ${PARAM}`, { secret_param: 1 }],
    ["Telegram code: 54321", `Telegram code: ${PARAM}`, { secret_param: 1 }],
    ["Sending code 482913 to the user", `Sending code ${PARAM} to the user`, { secret_param: 1 }],
    ["enviamos com código 482913", `enviamos com código ${PARAM}`, { secret_param: 1 }],
    ["Enviamos um código para o seu e-mail: 482913", `Enviamos um código para o seu e-mail: ${PARAM}`, { secret_param: 1 }],
    [
      "    greet(user)\n    │     └ 'Maria Gonzalez'\n    └ <function greet at 0x7f28ff234d60>",
      "    greet(user)\n    │     └ '[REDACTED:person_name]'\n    └ <function greet at 0x7f28ff234d60>",
      { person_name: 1 },
    ],
  ];
  const cases = PREFIXES.flatMap((prefix) => messages.map(([text, stored, counts]) => [`${prefix}${text}`, `${prefix}${stored}`, counts] as const));

  it.each(cases)("%j", (text, stored, counts) => {
    expect(redact(text)).toEqual({ text: stored, counts });
  });

  it.each(cases)("%j as a log body", (text, stored) => {
    expect(redactedLogBody(text)).toBe(stored);
  });
});

describe("a level word is never an error's code", () => {
  it.each([
    ["ERROR Sending code 482913", `ERROR Sending code ${PARAM}`],
    ["ERROR: enviamos com código 482913", `ERROR: enviamos com código ${PARAM}`],
    ["2026-12-04T21:00:00Z error Sending code 482913", `2026-12-04T21:00:00Z error Sending code ${PARAM}`],
  ])("%j", (text, stored) => {
    expect(redact(text)).toEqual({ text: stored, counts: { secret_param: 1 } });
  });

  // The message's own words still name another code.
  itKeepsUncounted("keeps %j", redact, [
    "2026-12-04T21:00:00.000Z ERROR Error code sent: 5001",
    "2026-12-04T21:00:00.000Z ERROR error sending code 482913",
    "2026-12-04T21:00:00.000Z INFO Pedido enviado com código 45678",
    "Error sending code 482913",
    "error code 1001, sending code 200 OK",
  ]);
});

describe("a level word is never a brand before `Code:`", () => {
  // MySQL's error logged at a level: its verdict is the prefix-less line's.
  const kept = ["WARN Code: 1045 Access denied", "INFO Code: 1045 (28000) Access denied", "Error Code: 1045 Access denied", "Warning Code: 1045 Access denied"];
  itKeepsUncounted("keeps %j", redact, [
    ...kept,
    ...kept.map((message) => `'${message}'`),
    ...PREFIXES.flatMap((prefix) => kept.map((message) => `${prefix}${message}`)),
  ]);
  it.each(kept)("keeps %j as a log body", (message) => {
    expect(redactedLogBody(`2026-12-04T10:00:00Z ${message}`)).toBe(`2026-12-04T10:00:00Z ${message}`);
  });

  // A brand after the level still names the code, and `Code:` alone after it is the code's message.
  it.each([
    ["INFO Telegram code: 54321", `INFO Telegram code: ${PARAM}`],
    ["2026-12-04T10:00:00Z INFO Telegram code: 54321", `2026-12-04T10:00:00Z INFO Telegram code: ${PARAM}`],
    ["INFO Code: 482913.", `INFO Code: ${PARAM}.`],
    ["2026-12-04T10:00:00Z WARN Code: 482913.", `2026-12-04T10:00:00Z WARN Code: ${PARAM}.`],
    ["2026-12-04T10:00:00Z ERROR INFO Code: 482913.", `2026-12-04T10:00:00Z ERROR INFO Code: ${PARAM}.`],
  ])("%j", (text, stored) => {
    expect(redact(text)).toEqual({ text: stored, counts: { secret_param: 1 } });
  });
});

describe("a name/value block printed by a logger", () => {
  const p = "2026-12-04T10:00:00Z INFO ";
  const blocks: [string, string][] = [
    // Every line carries the prefix.
    [`${p}name: DB_PASSWORD\n${p}value: hunter2x9`, `${p}name: DB_PASSWORD\n${p}value: ${PARAM}`],
    [`${p}- name: DB_PASSWORD\n${p}  value: hunter2x9`, `${p}- name: DB_PASSWORD\n${p}  value: ${PARAM}`],
    // ` - ` before the item: the dash is the message's list item's.
    [`${p}- name: DB_PASSWORD\n  value: hunter2x9`, `${p}- name: DB_PASSWORD\n  value: ${PARAM}`],
    // Blanks past the separating one are the message's indentation.
    [`${p}  name: DB_PASSWORD\n  value: hunter2x9`, `${p}  name: DB_PASSWORD\n  value: ${PARAM}`],
  ];
  const blocksAfterEachPrefix = PREFIXES.flatMap((prefix) => [
    [`${prefix}name: DB_PASSWORD\n${prefix}value: hunter2x9`, `${prefix}name: DB_PASSWORD\n${prefix}value: ${PARAM}`] as [string, string],
  ]);
  it.each([...blocks, ...blocksAfterEachPrefix])("%j", (text, stored) => {
    expect(redact(text)).toEqual({ text: stored, counts: { secret_param: 1 } });
    expect(redactedLogBody(text)).toBe(stored);
  });
  it.each(blocks)("%j as an attribute", (text, stored) => {
    expect(storedLogAttribute("log.original", { stringValue: text })).toEqual({ stringValue: stored });
  });

  itKeepsUncounted("keeps %j", redact, [
    `${p}name: PORT\n${p}value: 8080`,
    `${p}- name: PORT\n  value: 8080`,
    `${p}  name: LOG_LEVEL\n  value: debug`,
  ]);
});

describe("look-alikes after a logger's prefix stay", () => {
  const messages = [
    "ERROR get user failed",
    "get user failed",
    "set cache key user:42",
    "PAYMENT FAILED FOR ORDER 123",
    "SELECT id, email_verified FROM users WHERE id = 42",
    "status: ok",
    "retries: 3\n  timeout: 30s",
    "auth failed for user bob",
    "auth OK",
    "config get maxmemory",
    "config reloaded from /etc/app.yaml",
    "user bob logged in",
    "acl check passed for user bob",
    "migrate 42 rows done",
    'hello 3 "client"',
    "Name: checkout-service",
    "name: PORT\nvalue: 8080",
    "Código: 12345 - Camiseta",
    "Code: 200 OK",
    "Error code sent: 5001",
    "NAME         TYPE           CLUSTER-IP     EXTERNAL-IP    PORT(S)         AGE\nweb          LoadBalancer   10.0.171.239   34.120.5.12    80:31234/TCP    2m",
    "    check(user_id)\n    │     └ 42\n    └ <function check at 0x7f28ff234d60>",
  ];
  itKeepsUncounted(
    "keeps %j",
    redact,
    PREFIXES.flatMap((prefix) => messages.map((message) => `${prefix}${message}`)),
  );
});

describe("an event word beside a secret under a secret's name hides nothing", () => {
  // A review of a rule that kept a value whose first or last word said what happened to the
  // secret (taken back): each of these kept the password itself, bare and after every prefix.
  const VALUES: Array<[string, string]> = [
    ["password: changed Xk9mQ7vLp", "Xk9mQ7vLp"],
    ["token: sent abc123def456ghi789", "abc123def456ghi789"],
    ["Password: Reset Tr0ub4dor3", "Tr0ub4dor3"],
    ["password: letmein changed", "letmein"],
    ["secret: qzjxkvwbmf loaded", "qzjxkvwbmf"],
    ["password: monkey dragon sent", "monkey dragon"],
    ["db_password: verified opensesame", "opensesame"],
  ];
  for (const [text, secret] of VALUES) {
    for (const prefix of ["", "2026-12-04T10:00:00Z INFO ", "2026-12-04 10:00:00.123 UTC [812] LOG:  "]) {
      it(`${JSON.stringify(prefix + text)} loses ${secret}`, () => {
        const out = redact(prefix + text).text;
        expect(out).not.toContain(secret);
        expect(out).toContain("[REDACTED:");
        expect(out.startsWith(prefix)).toBe(true);
      });
    }
  }
  it("a logger's name/value block with an event word in the value", () => {
    expect(redact("name: DB_PASSWORD\nvalue: changed Xk9mQ7vLp").text).toBe(`name: DB_PASSWORD\nvalue: changed ${PARAM}`);
  });
});
