/**
 * Redis `AUTH` as real clients print it, each with one verdict in every form (text, JSON text, an
 * attribute, a pino line and a Cloudflare console line lifted): the command after a `Command:`
 * label or the word `redis`, with a user that is not `default`; lower case with the server's
 * reply after `: ` (go-redis); redis-py's `HELLO` tuple; ioredis' arguments beside the command's
 * word. Their look-alikes stay: Django's `('AUTH', 'Authorized')` labels and programs' `auth`
 * sub-commands (`gh auth login --web`, `auth status`).
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
    expect(lifted({ command: "AUTH", args: ["status"] })["args"]).toBe('["status"]');
  });
});

describe("labels and programs' auth sub-commands stay", () => {
  const kept = [
    "('AUTH', 'Authorized')",
    "('auth', 'Authentication')",
    '{"name":"auth","args":["login","--web"]}',
    '{"command":{"name":"auth","args":["login","--web"]}}',
    "command: { name: 'auth', args: [ 'status' ] }",
    "auth status",
    "auth logout",
    "AUTH status",
    "('AUTH', 'status')",
    "gh auth login --web",
    "Command: auth status",
    "redis auth failed",
    "Redis AUTH OK",
    "Command: AUTH failed: NOAUTH Authentication required.",
    "AUTH default Authorized",
    "GET session:42",
    "SELECT 2",
  ];
  for (const [form, storedBy] of FORMS) {
    it.each(kept)(`${form}: %s stays`, (text) => {
      expect(storedBy(text)).toBe(text);
    });
  }
  it("takes a capitalised word that a client sent or a user typed at redis-cli's prompt", () => {
    expect(redactString("redis> AUTH Summer", policy).text).toBe(`redis> AUTH ${SECRET}`);
    expect(redactString('{"command":{"name":"auth","args":["Summer"]}}', policy).text).toBe(`{"command":{"name":"auth","args":["${SECRET}"]}}`);
  });
});
