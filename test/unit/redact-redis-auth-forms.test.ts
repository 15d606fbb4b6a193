/**
 * Redis `AUTH` as real clients print it, each with one verdict in every form (text, JSON text, an
 * attribute, a pino line and a Cloudflare console line lifted): the command after a `Command:`
 * label or the word `redis`, with a user that is not `default`; lower case with the server's
 * reply after `: ` (go-redis); redis-py's `HELLO` tuple; ioredis' arguments beside the command's
 * word. Their look-alikes stay: Django's `('AUTH', 'Authorized')` labels and programs' `auth`
 * sub-commands (`gh auth login --web`, `auth status`). Wherever anything says Redis (`AUTH` in
 * capitals, RESP, MONITOR, redis-cli's prompt, a reply code, a client's name, a `command:`
 * label, a client's command object), every argument goes whatever its shape; SMTP's `AUTH`
 * initial responses and challenge answers go; prose after `AUTH` keeps versions, regions,
 * machines and names.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { exportedConsoleLine, storedLogAttribute, storedLogAttributes } from "../support/redaction";

const policy = defaultRedactionPolicy();
const SECRET = "[REDACTED:secret]";

/** What each form stores for `text`: the same text in all of them. */
const FORMS: readonly (readonly [string, (text: string) => unknown])[] = [
  ["text", (text) => redactString(text, policy).text],
  ["JSON text", (text) => JSON.parse(redactString(JSON.stringify({ msg: text }), policy).text).msg],
  ["attribute", (text) => {
    const kept = storedLogAttribute("event.detail", { stringValue: text });
    return "stringValue" in kept ? kept.stringValue : kept;
  }],
  ["pino line", (text) => exportedConsoleLine(JSON.stringify({ level: 50, time: 1796000000000, msg: text })).body],
  ["Cloudflare console line", (text) => exportedConsoleLine(JSON.stringify({ message: text, level: "error" })).body],
];

/** One test per case and form: the form stores `stored` for `text`. */
function itStoresInEveryForm(cases: readonly (readonly [string, string])[]): void {
  for (const [form, storedBy] of FORMS) {
    it.each(cases.map((pair) => [...pair]))(`${form}: %s is stored %s`, (text, stored) => {
      expect(storedBy(text)).toBe(stored);
    });
  }
}

/** One test per text and form: the form stores the text as sent. */
function itKeepsInEveryForm(texts: readonly string[]): void {
  for (const [form, storedBy] of FORMS) {
    it.each([...texts])(`${form}: %s stays`, (text) => {
      expect(storedBy(text)).toBe(text);
    });
  }
}

describe("AUTH with any user, after a label or the word redis", () => {
  itStoresInEveryForm([
    ["Command: AUTH admin Tr0ub4dor3", `Command: AUTH admin ${SECRET}`],
    ["redis AUTH admin pw", `redis AUTH admin ${SECRET}`],
    ["Command: AUTH admin Tr0ub4dor3 failed: WRONGPASS invalid username-password pair", `Command: AUTH admin ${SECRET} failed: WRONGPASS invalid username-password pair`],
    ["cmd=AUTH app-user N3wPass!", `cmd=AUTH app-user ${SECRET}`],
  ]);
});

describe("auth in lower case, as clients and people write it", () => {
  itStoresInEveryForm([
    ["command: auth default pw", `command: auth default ${SECRET}`],
    ["auth default s3cretPw: WRONGPASS invalid username-password pair", `auth default ${SECRET}: WRONGPASS invalid username-password pair`],
    ["auth Tr0ub4dor3: ERR invalid password", `auth ${SECRET}: ERR invalid password`],
    ["auth pw: ERR invalid password", `auth ${SECRET}: ERR invalid password`],
    ["redis> auth s3cretPw", `redis> auth ${SECRET}`],
  ]);
});

describe("HELLO's AUTH, as redis-py and a line write it", () => {
  itStoresInEveryForm([
    ["('HELLO', 3, 'AUTH', 'default', 'pw')", `('HELLO', 3, 'AUTH', 'default', '${SECRET}')`],
    ["AuthenticationError: ('HELLO', 3, 'AUTH', 'app', 'Tr0ub4dor3')", `AuthenticationError: ('HELLO', 3, 'AUTH', 'app', '${SECRET}')`],
    ["HELLO 3 AUTH default pw", `HELLO 3 AUTH default ${SECRET}`],
  ]);
});

describe("a command's arguments without the object's name", () => {
  const lifted = (members: object) => exportedConsoleLine(JSON.stringify({ level: 50, time: 1796000000000, msg: "redis failed", ...members })).attributes;
  it("reads lifted args whose first item is the command", () => {
    expect(lifted({ err: { command: { args: ["AUTH", "default", "pw"] } } })["err.command.args"]).toBe(`["AUTH","default","${SECRET}"]`);
    expect(lifted({ err: { command: { args: ["HELLO", 3, "AUTH", "default", "pw"] } } })["err.command.args"]).toBe(`["HELLO",3,"AUTH","default","${SECRET}"]`);
  });
  it("reads args beside a command member naming the command (ioredis' name given elsewhere)", () => {
    expect(lifted({ command: "auth", args: ["s3cretPw"] })["args"]).toBe(`["${SECRET}"]`);
    expect(lifted({ err: { name: "ReplyError", command: "auth", args: ["default", "pw"] } })["err.args"]).toBe(`["default","${SECRET}"]`);
    const { values } = storedLogAttributes([
      { key: "command", value: { stringValue: "auth" } },
      { key: "args", value: { arrayValue: [{ stringValue: "default" }, { stringValue: "pw" }] } },
    ]);
    expect(values["args"]).toEqual({ arrayValue: [{ stringValue: "default" }, { stringValue: SECRET }] });
  });
  it("reads a command member and its args as JSON text and util.inspect print them", () => {
    const text = (value: string) => redactString(value, policy).text;
    expect(text('{"command":"auth","args":["default","Xy9pw123"]}')).toBe(`{"command":"auth","args":["default","${SECRET}"]}`);
    expect(text("{ command: 'auth', args: [ 'default', 'Xy9pw123' ] }")).toBe(`{ command: 'auth', args: [ 'default', '${SECRET}' ] }`);
    expect(text('{"args":["default","Xy9pw123"],"cmdTimeout":5,"command":"auth"}')).toBe(`{"args":["default","${SECRET}"],"cmdTimeout":5,"command":"auth"}`);
    // A member between the word and the args is scanned as any text is, not kept by the command's rule.
    expect(text('{"command":"auth","email":"bob@example.com","args":["Xy9pw123"]}')).toBe('{"command":"auth","email":"[REDACTED:email]","args":["Xy9pw123"]}');
    expect(text('{"command":"auth","args":["login","--web"]}')).toBe('{"command":"auth","args":["login","--web"]}');
    expect(text('{"args":["default","Xy9pw123"]}')).toBe('{"args":["default","Xy9pw123"]}');
  });
  it("keeps args with nothing saying they are AUTH's, and other commands' args", () => {
    expect(lifted({ err: { command: { args: ["default", "pw"] } } })["err.command.args"]).toBe('["default","pw"]');
    expect(lifted({ args: ["default", "pw"] })["args"]).toBe('["default","pw"]');
    expect(lifted({ command: "get", args: ["session:42"] })["args"]).toBe('["session:42"]');
    expect(lifted({ command: "auth", args: ["login", "--web"] })["args"]).toBe('["login","--web"]');
  });
});

describe("labels and programs' auth sub-commands stay", () => {
  const kept = [
    "('AUTH', 'Authorized')",
    "('auth', 'Authentication')",
    '{"name":"auth","args":["login","--web"]}',
    '{"command":{"name":"auth","args":["login","--web"]}}',
    "auth status",
    "auth logout",
    "gh auth login --web",
    "redis auth failed",
    "Redis AUTH OK",
    "Command: AUTH failed: NOAUTH Authentication required.",
    "GET session:42",
    "SELECT 2",
  ];
  itKeepsInEveryForm(kept);
  it("takes a capitalised word that a client sent or a user typed at redis-cli's prompt", () => {
    expect(redactString("redis> AUTH Summer", policy).text).toBe(`redis> AUTH ${SECRET}`);
    expect(redactString('{"command":{"name":"auth","args":["Summer"]}}', policy).text).toBe(`{"command":{"name":"auth","args":["${SECRET}"]}}`);
  });
});

describe("AUTH where anything says Redis: every argument goes, whatever its shape", () => {
  describe("a capitalised word", () => {
    itStoresInEveryForm([
      ["AUTH default Sommer", `AUTH default ${SECRET}`],
      ["AUTH Sommer", `AUTH ${SECRET}`],
      ["AUTH admin Geheim", `AUTH admin ${SECRET}`],
      ["(AUTH default Sommer)", `(AUTH default ${SECRET})`],
      ["AUTH default Sommer\r\nGET k", `AUTH default ${SECRET}\r\nGET k`],
      ["AuthenticationError: ('AUTH', 'Sommer')", `AuthenticationError: ('AUTH', '${SECRET}')`],
      ["[\"AUTH\",\"Sommer\"]", `[\"AUTH\",\"${SECRET}\"]`],
      ["1764878400.123456 [0 127.0.0.1:52000] \"AUTH\" \"Sommer\"", `1764878400.123456 [0 127.0.0.1:52000] \"AUTH\" \"${SECRET}\"`],
      ["redis.clients.jedis.exceptions.JedisDataException: WRONGPASS invalid; AUTH default Sommer", `redis.clients.jedis.exceptions.JedisDataException: WRONGPASS invalid; AUTH default ${SECRET}`],
      ["AUTH default Authorized", `AUTH default ${SECRET}`],
    ]);
  });
  describe("a program's sub-command word", () => {
    itStoresInEveryForm([
      ["AUTH default status", `AUTH default ${SECRET}`],
      ["AUTH default list", `AUTH default ${SECRET}`],
      ["AUTH default refresh", `AUTH default ${SECRET}`],
      ["redis AUTH default status", `redis AUTH default ${SECRET}`],
      ["StackExchange.Redis: AUTH default status failed", `StackExchange.Redis: AUTH default ${SECRET} failed`],
      ["`AUTH default status`", `\`AUTH default ${SECRET}\``],
      ["[\"AUTH\",\"default\",\"status\"]", `[\"AUTH\",\"default\",\"${SECRET}\"]`],
      ["ioredis:redis write command[127.0.0.1:6379]: 0 -> auth([ 'default', 'status' ])", `ioredis:redis write command[127.0.0.1:6379]: 0 -> auth([ 'default', '${SECRET}' ])`],
      ["*3\r\n$4\r\nAUTH\r\n$7\r\ndefault\r\n$6\r\nstatus\r\n", `*3\r\n$4\r\nAUTH\r\n$7\r\ndefault\r\n$6\r\n${SECRET}\r\n`],
      ["ReplyError: WRONGPASS invalid command: {\"name\":\"auth\",\"args\":[\"admin\",\"login\"]}", `ReplyError: WRONGPASS invalid command: {\"name\":\"auth\",\"args\":[\"admin\",\"${SECRET}\"]}`],
      ["command: { name: 'auth', args: [ 'admin', 'status' ] }", `command: { name: 'auth', args: [ 'admin', '${SECRET}' ] }`],
      ["('AUTH', 'default', 'status')", `('AUTH', 'default', '${SECRET}')`],
      ["AUTH status", `AUTH ${SECRET}`],
      ["('AUTH', 'status')", `('AUTH', '${SECRET}')`],
      ["Command: auth status", `Command: auth ${SECRET}`],
      ["command: { name: 'auth', args: [ 'status' ] }", `command: { name: 'auth', args: [ '${SECRET}' ] }`],
    ]);
  });
  describe("a leading -", () => {
    itStoresInEveryForm([
      ["AUTH default -Xy9pass", `AUTH default ${SECRET}`],
      ["Command: AUTH -Xy9pass", `Command: AUTH ${SECRET}`],
      ["Command: AUTH default -s3cr3t", `Command: AUTH default ${SECRET}`],
      ["Lettuce: command AUTH default -Xy9pass", `Lettuce: command AUTH default ${SECRET}`],
      ["Error: AUTH -Xy9pass failed", `Error: AUTH ${SECRET} failed`],
      ["valkey: AUTH -Xy9pass", `valkey: AUTH ${SECRET}`],
      ["sent AUTH -Xy9pass to cache", `sent AUTH ${SECRET} to cache`],
      ["sent AUTH default -Xy9pass to cache", `sent AUTH default ${SECRET} to cache`],
      ["[\"AUTH\",\"-Xy9pass\"]", `[\"AUTH\",\"${SECRET}\"]`],
      ["auth([ '-Xy9pass' ])", `auth([ '${SECRET}' ])`],
      ["('AUTH', '-Xy9pass')", `('AUTH', '${SECRET}')`],
      ["1764878400.123456 [0 127.0.0.1:52000] \"AUTH\" \"default\" \"--pw\"", `1764878400.123456 [0 127.0.0.1:52000] \"AUTH\" \"default\" \"${SECRET}\"`],
    ]);
  });
  describe("a label, a prompt, a client's name or reply, a command object's key", () => {
    itStoresInEveryForm([
      ["redis AUTH Sommer", `redis AUTH ${SECRET}`],
      ["redis: AUTH Sommer", `redis: AUTH ${SECRET}`],
      ["redis AUTH Passwort", `redis AUTH ${SECRET}`],
      ["Command: AUTH Sommer", `Command: AUTH ${SECRET}`],
      ["command: AUTH admin Sommer", `command: AUTH admin ${SECRET}`],
      ["cmd=AUTH default Sommerzeit", `cmd=AUTH default ${SECRET}`],
      ["command: auth user1 Welcome", `command: auth user1 ${SECRET}`],
      ["cmd=AUTH -Xy9pass", `cmd=AUTH ${SECRET}`],
      ["127.0.0.1:6379> AUTH default login", `127.0.0.1:6379> AUTH default ${SECRET}`],
      ["> AUTH default Sommer", `> AUTH default ${SECRET}`],
      ["[ErrorReply: WRONGPASS invalid username-password pair or user is disabled.] command AUTH default token", `[ErrorReply: WRONGPASS invalid username-password pair or user is disabled.] command AUTH default ${SECRET}`],
      ["io.lettuce.core.RedisCommandExecutionException: WRONGPASS invalid username-password pair; command AUTH Sommer", `io.lettuce.core.RedisCommandExecutionException: WRONGPASS invalid username-password pair; command AUTH ${SECRET}`],
      ["StackExchange.Redis: AUTH Sommer failed", `StackExchange.Redis: AUTH ${SECRET} failed`],
      ["auth admin login: WRONGPASS invalid username-password pair", `auth admin ${SECRET}: WRONGPASS invalid username-password pair`],
      ["auth default status: WRONGPASS invalid username-password pair", `auth default ${SECRET}: WRONGPASS invalid username-password pair`],
      ["auth -pw123: WRONGPASS invalid username-password pair", `auth ${SECRET}: WRONGPASS invalid username-password pair`],
      ["{\"command\":\"AUTH\",\"args\":[\"default\",\"status\"]}", `{\"command\":\"AUTH\",\"args\":[\"default\",\"${SECRET}\"]}`],
      ["{\"command\":\"auth\",\"args\":[\"-Xy9pass\"]}", `{\"command\":\"auth\",\"args\":[\"${SECRET}\"]}`],
      ["{\"name\":\"auth\",\"args\":[\"-Xy9pass\"]}", `{\"name\":\"auth\",\"args\":[\"${SECRET}\"]}`],
      ["{\"cmd\":\"auth\",\"args\":[\"default\",\"Xy9pw123\"]}", `{\"cmd\":\"auth\",\"args\":[\"default\",\"${SECRET}\"]}`],
      ["{\"redisCommand\":\"auth\",\"args\":[\"default\",\"Xy9pw123\"]}", `{\"redisCommand\":\"auth\",\"args\":[\"default\",\"${SECRET}\"]}`],
    ]);
  });
  describe("a password with punctuation or quoted in prose", () => {
    itStoresInEveryForm([
      ["sent AUTH admin p@ss w0rd", `sent AUTH admin ${SECRET} w0rd`],
      ["sent AUTH admin \"p@ss\"", `sent AUTH admin \"${SECRET}\"`],
      ["sent AUTH 'pw1'", `sent AUTH '${SECRET}'`],
      ["sent AUTH pw#1", `sent AUTH ${SECRET}`],
      ["sent AUTH hunter2 to cache", `sent AUTH ${SECRET} to cache`],
    ]);
  });
});

describe("SMTP AUTH's initial response and challenge answers", () => {
  itStoresInEveryForm([
    ["AUTH PLAIN AGJvYgBzM2NyM3Q=", `AUTH PLAIN ${SECRET}`],
    ["> AUTH PLAIN AGJvYgBzM2NyM3Q=", `> AUTH PLAIN ${SECRET}`],
    ["C: AUTH PLAIN AGJvYgBzM2NyM3Q=", `C: AUTH PLAIN ${SECRET}`],
    ["SMTP: AUTH PLAIN AGJvYgBzM2NyM3Q=", `SMTP: AUTH PLAIN ${SECRET}`],
    ["AUTH LOGIN YWxpY2U=", `AUTH LOGIN ${SECRET}`],
    ["AUTH XOAUTH2 dXNlcj1ib2JAZXhhbXBsZS5jb20BYXV0aD1CZWFyZXIgeWEyOS5hMEFmSDZTTXgBAQ==", `AUTH XOAUTH2 ${SECRET}`],
    ["C: AUTH LOGIN\nS: 334 VXNlcm5hbWU6\nC: YWxpY2VAZXhhbXBsZS5jb20=\nS: 334 UGFzc3dvcmQ6\nC: czNjcjN0UGFzcw==\nS: 235 2.7.0 Authentication successful", `C: AUTH LOGIN\nS: 334 VXNlcm5hbWU6\nC: ${SECRET}\nS: 334 UGFzc3dvcmQ6\nC: ${SECRET}\nS: 235 2.7.0 Authentication successful`],
  ]);
});

describe("what stays: prose after AUTH, programs, labels, a server's mechanisms", () => {
  const kept = [
    "redis AUTH with ACL users",
    "valkey AUTH via ACL file",
    "Valkey AUTH not configured",
    "sent AUTH admin v1.2.3 to idp",
    "sent AUTH client v2.3.1",
    "command: AUTH admin v1.2.3",
    "sent AUTH svc eu-west-1 ok",
    "sent AUTH admin HTTP/1.1",
    "sent AUTH v2 x86_64 to node",
    "queued AUTH job-17 retry3",
    "checking AUTH service-a v1.2.3",
    "sent AUTH us-east-1 prod2",
    "sent AUTH request to idp-2 at 10.0.0.5",
    "command: GET user:42",
    "Command: SET session:abc EX 60",
    "redis SELECT 2",
    "cmd=auth status=ok",
    "gcloud auth list",
    "gh auth status",
    '"gh" "auth" "status"',
    "auth: ok",
    "AUTH LOGIN",
    "C: AUTH LOGIN",
    "250-AUTH PLAIN LOGIN",
    "S: 250-AUTH LOGIN PLAIN XOAUTH2",
    "AUTH PLAIN LOGIN",
    '["AUTH","Unauthorized"]',
    '{"command":"auth","args":["login","--web"]}',
    "Command: AUTH LOGIN",
    "redis: AUTH requested by client 10.0.0.5",
    "redis-auth-service: AUTH token refreshed",
    "ReplyError: ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?",
    "334 items processed\ndone",
    "no AUTH configured for redis",
    '{"job":{"name":"auth","args":["bob","session-refresh"]}}',
  ];
  itKeepsInEveryForm(kept);
});

describe("a command's args beside its word, lifted as attributes", () => {
  const lifted = (members: object) => exportedConsoleLine(JSON.stringify({ level: 50, time: 1796000000000, msg: "redis failed", ...members })).attributes;
  it("reads the args of a command whatever their shape", () => {
    expect(lifted({ command: "auth", args: ["default", "Sommer"] })["args"]).toBe(`["default","${SECRET}"]`);
    expect(lifted({ command: "AUTH", args: ["status"] })["args"]).toBe(`["${SECRET}"]`);
    expect(lifted({ command: "auth", args: ["-Xy9pass"] })["args"]).toBe(`["${SECRET}"]`);
    expect(lifted({ cmd: "auth", args: ["default", "Sommer"] })["args"]).toBe(`["default","${SECRET}"]`);
    expect(lifted({ redisCommand: "auth", args: ["default", "Sommer"] })["args"]).toBe(`["default","${SECRET}"]`);
  });
  it("keeps a program's options and labels", () => {
    expect(lifted({ cmd: "auth", args: ["login", "--web"] })["args"]).toBe('["login","--web"]');
    expect(lifted({ command: "auth", args: ["Authorized"] })["args"]).toBe('["Authorized"]');
  });
});
