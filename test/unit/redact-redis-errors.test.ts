/**
 * Redis clients' errors carrying the command they failed on: ioredis' `ReplyError` with its
 * `command` object (pino's JSON, `util.inspect`, lifted), node-redis' and redis-py's argument
 * lists, `AUTH` with a password ending in punctuation, and an error's name after a credential's
 * colon. The password goes; the command, user, keys and the error's words stay.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { exportedConsoleLine, storedLogAttributes } from "../support/redaction";
import { itKeeps, itStores } from "../support/redaction-cases";

const text = (line: string) => redactString(line, defaultRedactionPolicy()).text;
const M = "[REDACTED:secret]";
const P = "[REDACTED:secret_param]";
const WRONGPASS = "WRONGPASS invalid username-password pair or user is disabled.";

describe("ioredis' ReplyError with its command object", () => {
  itStores("takes the password of a credential command's arguments in %s", text, [
    [
      `{"err":{"type":"ReplyError","message":"${WRONGPASS}","command":{"name":"auth","args":["default","s3cr3tRedisPw"]}}}`,
      `{"err":{"type":"ReplyError","message":"${WRONGPASS}","command":{"name":"auth","args":["default","${M}"]}}}`,
    ],
    [
      `ReplyError: ${WRONGPASS} { command: { name: 'auth', args: [ 'default', 's3cr3tRedisPw' ] } }`,
      `ReplyError: ${WRONGPASS} { command: { name: 'auth', args: [ 'default', '${M}' ] } }`,
    ],
    [
      `ReplyError: ${WRONGPASS}\n    at parseError (node_modules/redis-parser/lib/parser.js:179:12) {\n  command: {\n    name: 'auth',\n    args: [ 's3cr3tRedisPw' ]\n  }\n}`,
      `ReplyError: ${WRONGPASS}\n    at parseError (node_modules/redis-parser/lib/parser.js:179:12) {\n  command: {\n    name: 'auth',\n    args: [ '${M}' ]\n  }\n}`,
    ],
    [`{"command":{"name":"hello","args":["3","AUTH","default","s3cr3tRedisPw"]}}`, `{"command":{"name":"hello","args":["3","AUTH","default","${M}"]}}`],
    [`{"command":{"name":"auth2","args":["default","s3cr3tRedisPw"]}}`, `{"command":{"name":"auth2","args":["default","${M}"]}}`],
    [`{"command":{"name":"config","args":["set","requirepass","s3cr3tRedisPw"]}}`, `{"command":{"name":"config","args":["set","requirepass","${M}"]}}`],
    [`{"command":{"name":"config","args":["SET","masterauth","s3cr3tRedisPw"]}}`, `{"command":{"name":"config","args":["SET","masterauth","${M}"]}}`],
    [
      `{"command":{"name":"migrate","args":["10.0.0.9","6379","k","0","5000","AUTH","s3cr3tRedisPw"]}}`,
      `{"command":{"name":"migrate","args":["10.0.0.9","6379","k","0","5000","AUTH","${M}"]}}`,
    ],
    // A map stored with sorted keys, and JSON held in a JSON string.
    [`{"command":{"args":["default","s3cr3tRedisPw"],"name":"auth"}}`, `{"command":{"args":["default","${M}"],"name":"auth"}}`],
    [`{"msg":"{\\"command\\":{\\"name\\":\\"auth\\",\\"args\\":[\\"default\\",\\"s3cr3tRedisPw\\"]}}"}`, `{"msg":"{\\"command\\":{\\"name\\":\\"auth\\",\\"args\\":[\\"default\\",\\"${M}\\"]}}"}`],
  ]);

  itKeeps("keeps another command's arguments (keys and ids are no secrets): %s", text, [
    `{"err":{"type":"ReplyError","message":"WRONGTYPE Operation against a key holding the wrong kind of value","command":{"name":"get","args":["session:42"]}}}`,
    `ReplyError: ERR unknown command { command: { name: 'set', args: [ 'user:7', 'ana' ] } }`,
    `{"command":{"args":["session:42"],"name":"get"}}`,
  ]);

  it("takes it from the members a pino line lifts, its args kept as JSON text", () => {
    const line = `{"level":50,"msg":"redis error","err":{"type":"ReplyError","message":"${WRONGPASS}","command":{"name":"auth","args":["default","s3cr3tRedisPw"]}}}`;
    const stored = exportedConsoleLine(line);
    expect(stored.attributes["err.command.args"]).toBe(`["default","${M}"]`);
    expect(stored.attributes["err.command.name"]).toBe("auth");
    expect(JSON.stringify(stored)).not.toContain("s3cr3tRedisPw");
    const get = exportedConsoleLine(`{"level":50,"msg":"redis error","err":{"command":{"name":"get","args":["session:42"]}}}`);
    expect(get.attributes["err.command.args"]).toBe(`["session:42"]`);
  });

  it("takes it from a command map and from flat attributes, its args an array", () => {
    const args = (...items: string[]) => ({ arrayValue: items.map((stringValue) => ({ stringValue })) });
    const stored = storedLogAttributes([
      { key: "err.command.name", value: { stringValue: "auth" } },
      { key: "err.command.args", value: args("default", "s3cr3tRedisPw") },
      { key: "command", value: { kvlistValue: [{ key: "name", value: { stringValue: "AUTH" } }, { key: "args", value: args("s3cr3tRedisPw") }] } },
      { key: "other.name", value: { stringValue: "get" } },
      { key: "other.args", value: args("session:42") },
    ]);
    expect(stored.values).toEqual({
      "err.command.name": "auth",
      "err.command.args": args("default", M),
      command: { kvlistValue: [{ key: "name", value: { stringValue: "AUTH" } }, { key: "args", value: args(M) }] },
      "other.name": "get",
      "other.args": args("session:42"),
    });
    expect(stored.kinds).toBe("secret");
  });
});

describe("a command as a list in an error", () => {
  itStores("takes the password of %s", text, [
    [`["AUTH","default","s3cr3tRedisPw"]`, `["AUTH","default","${M}"]`],
    [`sent 'AUTH', 's3cr3tRedisPw' to redis`, `sent 'AUTH', '${M}' to redis`],
    [`sent "AUTH", "default", "s3cr3tRedisPw" to redis`, `sent "AUTH", "default", "${M}" to redis`],
    [`[ErrorReply: ${WRONGPASS}] args: [ 'AUTH', 'default', 's3cr3tRedisPw' ]`, `[ErrorReply: ${WRONGPASS}] args: [ 'AUTH', 'default', '${M}' ]`],
    [`redis.exceptions.AuthenticationError: ('AUTH', 's3cr3tRedisPw')`, `redis.exceptions.AuthenticationError: ('AUTH', '${M}')`],
    [`redis.exceptions.AuthenticationError: ('AUTH', 'default', 's3cr3tRedisPw')`, `redis.exceptions.AuthenticationError: ('AUTH', 'default', '${M}')`],
  ]);

  itKeeps("keeps JSON members and longer lists that only hold the word: %s", text, [
    `{"type":"AUTH", "user":"bob"}`,
    `{"cmds":["GET", "AUTH", "pw"]}`,
    `features: 'auth', 'billing'`,
    `('AUTH', 'OK')`,
    // Code: a call's bare argument is a variable's name, no value.
    `console.log('AUTH', password)`,
  ]);
});

describe("a password's own punctuation", () => {
  itStores("takes %s whole", text, [
    ["AUTH default s3cr3tRedisPw!", `AUTH default ${M}`],
    ["sent AUTH default s3cr3tRedisPw! then retried", `sent AUTH default ${M} then retried`],
    ["AUTH s3cr3tRedisPw? Next", `AUTH ${M} Next`],
    ["sent AUTH default p@ss1, retrying", `sent AUTH default ${M} retrying`],
  ]);

  itStores("leaves a sentence's mark after a plain password: %s", text, [
    ["sent AUTH default s3cr3tRedisPw.", `sent AUTH default ${M}.`],
    ["sent AUTH s3cr3tP4ss, then GET", `sent AUTH ${M}, then GET`],
    ["sent AUTH s3cr3tP4ss!. Then", `sent AUTH ${M}. Then`],
    ["(sent AUTH default s3cr3tPw)", `(sent AUTH default ${M})`],
    ["AUTH hunter2. Next", `AUTH ${M}. Next`],
  ]);

  itKeeps("keeps an outcome with a mark: %s", text, [
    "AUTH failed! Retrying",
    "sent AUTH failed!",
    "auth ok!",
    "AUTH required?",
    "AUTH failed.",
    "auth ok.",
    "ERR: AUTH failed!",
  ]);
});

describe("an error's name after a credential's colon", () => {
  itKeeps("keeps %s", text, [
    "ERR invalid password: ReplyError: WRONGPASS invalid username-password pair",
    "password: TypeError: Cannot read properties of undefined",
    "password: Error: connect ECONNREFUSED 10.0.0.5:6379",
    "password: Error: connect ETIMEDOUT after 30000 ms",
    "auth failed: NOAUTH Authentication required.",
    "password: WRONGPASS invalid username-password pair",
    "redis password: redis.exceptions.AuthenticationError: invalid password",
  ]);

  itStores("takes a look-alike with a digit or a symbol, or another ending: %s", text, [
    ["password: ReplyErr0r9x", `password: ${P}`],
    ["password: ReplyErrors", `password: ${P}`],
    ["password: TypeError!", `password: ${P}`],
    ["password: ERRx9", `password: ${P}`],
    ["password: Hunter2Error", `password: ${P}`],
  ]);

  itKeeps("keeps an error's name with its message after it: %s", text, [
    "token: TokenExpiredError: jwt expired",
    "password: ERR invalid password",
    "secret: NOAUTH Authentication required.",
    "password: Error: ReplyError: WRONGPASS invalid password",
    `db password: OperationalError: FATAL: password authentication failed for user "app"`,
  ]);

  itStores("takes an error's name alone as the value: %s", text, [
    ["password: SecretError", `password: ${P}`],
    ["password: MyAppException", `password: ${P}`],
    ["PASSWORD: SecretError", `PASSWORD: ${P}`],
    ["db_password: MyAppException", `db_password: ${P}`],
    ["password: PasswordError", `password: ${P}`],
    ["password: Error", `password: ${P}`],
    ["secret: Exception", `secret: ${P}`],
    ["password: redis.exceptions.AuthenticationError", `password: ${P}`],
    ["secret: NOAUTH", `secret: ${P}`],
    ["pwd: ERR", `pwd: ${P}`],
    ["password: BUSY", `password: ${P}`],
    ["password: OOM", `password: ${P}`],
    ["password: LOADING", `password: ${P}`],
    ["password: TRYAGAIN", `password: ${P}`],
    ["passwd: ERR\nnext line", `passwd: ${P}\nnext line`],
  ]);

  itStores("takes a package that is no lower-case letters' as the value: %s", text, [
    ["password: hunter2.Error", `password: ${P}`],
    ["password: s3cr3t.TypeError", `password: ${P}`],
    ["password: my_pw.ReplyError", `password: ${P}`],
  ]);

  itStores("takes an error's name and the token after it: %s", text, [
    ["password: ERR hunter2x9", `password: ${P}`],
    ["password: WRONGPASS hunter2x9", `password: ${P}`],
    ["password: ReplyError hunter2x9", `password: ${P}`],
    ["password: Error hunter2x9", `password: ${P}`],
    ["password: OOM 1234", `password: ${P}`],
    ["client_secret: NOAUTH 9f8e7d6c5b4a", `client_secret: ${P}`],
    ["password: AuthError: hunter2x9", `password: ${P}`],
    ["token: AuthError: 3f9a7c2e1b8d4a6f9e0c", `token: ${P}`],
    ["token: InvalidTokenError: s3cr3tT0kenValue99", `token: ${P}`],
    ["password: AuthError: invalid hunter2x9 given", `password: ${P} given`],
    ["password: ERR hunter2x9. Next", `password: ${P}. Next`],
    ["(password: ERR hunter2x9)", `(password: ${P})`],
    [`{"msg":"password: ERR hunter2x9"}`, `{"msg":"password: ${P}"}`],
    [`{"msg":"{\\"m\\":\\"password: ERR hunter2x9\\"}"}`, `{"msg":"{\\"m\\":\\"password: ${P}\\"}"}`],
  ]);
});

describe("the same errors as attributes and console lines", () => {
  const s = (stringValue: string) => ({ stringValue });

  it("takes the password in an error's attributes and keeps the error's words", () => {
    const stack = (password: string) => `ReplyError: ${WRONGPASS}\n    at parseError (parser.js:179:12) {\n  command: { name: 'auth', args: [ 'default', '${password}' ] }\n}`;
    const stored = storedLogAttributes([
      { key: "exception.message", value: s(WRONGPASS) },
      { key: "exception.stacktrace", value: s(stack("s3cr3tRedisPw")) },
      { key: "error", value: s("redis.exceptions.AuthenticationError: ('AUTH', 's3cr3tRedisPw')") },
      { key: "detail", value: s("AUTH default s3cr3tRedisPw!") },
      { key: "msg", value: s(`ERR invalid password: ReplyError: ${WRONGPASS}`) },
    ]);
    expect(stored.values).toEqual({
      "exception.message": WRONGPASS,
      "exception.stacktrace": stack(M),
      error: `redis.exceptions.AuthenticationError: ('AUTH', '${M}')`,
      detail: `AUTH default ${M}`,
      msg: `ERR invalid password: ReplyError: ${WRONGPASS}`,
    });
  });

  it("takes it from a Cloudflare console line of the error and keeps a message naming the error", () => {
    const line = exportedConsoleLine(`ReplyError: ${WRONGPASS} { command: { name: 'auth', args: [ 'default', 's3cr3tRedisPw' ] } }`);
    expect(line.body).toBe(`ReplyError: ${WRONGPASS} { command: { name: 'auth', args: [ 'default', '${M}' ] } }`);
    const logged = exportedConsoleLine(`{"level":"error","message":"ERR invalid password: ReplyError: WRONGPASS","args":["AUTH","default","s3cr3tRedisPw"]}`);
    expect(JSON.stringify(logged)).not.toContain("s3cr3tRedisPw");
    expect(JSON.stringify(logged)).toContain("ERR invalid password: ReplyError: WRONGPASS");
  });
});

describe("a command list only as a client prints it", () => {
  itKeeps("keeps a call's arguments and a list whose first word is in lower case: %s", text, [
    "console.log('auth', 'user logged in')",
    "emit('auth', 'session-expired')",
    "track('auth', 'sign-in-clicked')",
    "'auth', 'login_failed'",
    `"auth", "token expired"`,
    "('auth', 'login')",
  ]);

  itStores("takes the password after the command word in capitals: %s", text, [
    ["redis.exceptions.AuthenticationError: ('AUTH', 'hunter2x9')", `redis.exceptions.AuthenticationError: ('AUTH', '${M}')`],
    ["sent 'AUTH', 'hunter2x9'", `sent 'AUTH', '${M}'`],
  ]);
});

describe("a command object only under a command", () => {
  itKeeps("keeps another parent's name and args: %s", text, [
    `{"job":{"name":"auth","args":["bob","session-refresh"]}}`,
    `{"task":{"name":"auth","args":["login","remember-me"]}}`,
    "{ name: 'auth', args: [ 'bob', 'session-refresh' ] }",
  ]);

  it("keeps the name and args attributes of a job, a task, a function and an event", () => {
    const args = (...items: string[]) => ({ arrayValue: items.map((stringValue) => ({ stringValue })) });
    const attributes = [
      { key: "job.name", value: { stringValue: "auth" } },
      { key: "job.args", value: { stringValue: `["bob","session-refresh"]` } },
      { key: "task.name", value: { stringValue: "auth" } },
      { key: "task.args", value: args("bob", "session-refresh") },
      { key: "fn.name", value: { stringValue: "config" } },
      { key: "fn.args", value: args("set", "requirepass", "yes") },
      { key: "event.name", value: { stringValue: "hello" } },
      { key: "event.args", value: args("3", "auth", "ok", "welcome") },
    ];
    const sent = Object.fromEntries(attributes.map(({ key, value }) => [key, "stringValue" in value ? value.stringValue : value]));
    expect(storedLogAttributes(structuredClone(attributes)).values).toEqual(sent);
  });

  it("keeps a pino line's job with a name and args", () => {
    const stored = exportedConsoleLine(`{"level":30,"msg":"queued","job":{"name":"auth","args":["bob","session-refresh"]}}`);
    expect(stored.attributes["job.args"]).toBe(`["bob","session-refresh"]`);
  });
});

describe("a command object's other shapes", () => {
  itStores("takes the password of %s", text, [
    [
      "command: { name: 'auth', keyPrefix: 'x', args: [ 'default', 'hunter2x9' ] }",
      `command: { name: 'auth', keyPrefix: 'x', args: [ 'default', '${M}' ] }`,
    ],
    [
      "Command { name: 'auth', inTransaction: false, isResolved: false, args: [ 'default', 'hunter2x9' ] }",
      `Command { name: 'auth', inTransaction: false, isResolved: false, args: [ 'default', '${M}' ] }`,
    ],
    [`{"err":{"command":{"name":"auth","keyPrefix":"","args":["default","hunter2x9"]}}}`, `{"err":{"command":{"name":"auth","keyPrefix":"","args":["default","${M}"]}}}`],
    [`{"command":{"args":["default","hunter2x9"],"keyPrefix":"","name":"auth"}}`, `{"command":{"args":["default","${M}"],"keyPrefix":"","name":"auth"}}`],
    ["command: { name: `auth`, args: [ `hunter2x9` ] }", `command: { name: \`auth\`, args: [ \`${M}\` ] }`],
    ["command: { name: 'auth', args: [ 'default', 'hunter2x9', [length]: 2 ] }", `command: { name: 'auth', args: [ 'default', '${M}', [length]: 2 ] }`],
    [
      `{"msg":"{\\"command\\":{\\"name\\":\\"auth\\",\\"keyPrefix\\":\\"\\",\\"args\\":[\\"default\\",\\"hunter2x9\\"]}}"}`,
      `{"msg":"{\\"command\\":{\\"name\\":\\"auth\\",\\"keyPrefix\\":\\"\\",\\"args\\":[\\"default\\",\\"${M}\\"]}}"}`,
    ],
  ]);

  it("takes it from a HELLO's arguments holding an integer", () => {
    const stored = storedLogAttributes([
      { key: "command.name", value: { stringValue: "hello" } },
      { key: "command.args", value: { arrayValue: [{ intValue: "3" }, { stringValue: "AUTH" }, { stringValue: "default" }, { stringValue: "hunter2x9" }] } },
    ]);
    expect(stored.values["command.args"]).toEqual({ arrayValue: [{ intValue: "3" }, { stringValue: "AUTH" }, { stringValue: "default" }, { stringValue: M }] });
  });

  it.each([
    `{"err":{"command":{"name":"auth","keyPrefix":"","args":["default","hunter2x9"]}}}`,
    `{"err":{"command":{"name":"hello","args":[3,"AUTH","default","hunter2x9"]}}}`,
    `{"err":{"command":{"args":["default","hunter2x9"],"isResolved":false,"name":"auth"}}}`,
  ])("keeps the password out of a Cloudflare console line's body and its lifted members: %s", (line) => {
    const stored = exportedConsoleLine(line);
    expect(stored.body).not.toContain("hunter2x9");
    expect(JSON.stringify(stored.attributes)).not.toContain("hunter2x9");
  });
});
