/**
 * A Redis command's word and its arguments held apart, as siblings: a logger's or a client's
 * object with other members between (`{"command":"AUTH","db":0,"args":[…]}`, ioredis'
 * `flags: []`, in either order), dotted keys (`redis.command` + `redis.args`) and OpenTelemetry's
 * database attributes (`db.operation` / `db.operation.name` beside `db.redis.args`,
 * `db.statement`, `db.query.text`) — each read together, in every
 * form (text, JSON text in a string, a pino line's and a Cloudflare console line's lifted
 * members, attributes). And `AUTH` as a word of a status line after `redis` (`[redis] AUTH ok,
 * SELECT 2`, `redis: AUTH took 3ms`) is a report, not the command: only AUTH's own arguments go.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { exportedConsoleLine, storedLogAttribute, storedLogAttributes, storedSpanAttributes } from "../support/redaction";

const policy = defaultRedactionPolicy();
const SECRET = "[REDACTED:secret]";
const text = (value: string): string => redactString(value, policy).text;

/**
 * A form a text is sent in: its name, what it stores for a text, and what it stores for a text
 * the text form stores as `stored` (the same text, or a JSON object's members as lifted).
 */
type Form = readonly [string, (text: string) => unknown, (stored: string) => string];
const same = (stored: string): string => stored;
const asLifted = (json: string): string => JSON.stringify(flattened(JSON.parse(json)));

/** What each form stores of a JSON object's text: the same text, or its members lifted. */
const OBJECT_FORMS: readonly Form[] = [
  ["text", text, same],
  ["JSON text in a string", (json) => JSON.parse(text(JSON.stringify({ msg: json }))).msg, same],
  ["Cloudflare console line's message", (json) => exportedConsoleLine(JSON.stringify({ message: json, level: "error" })).body, same],
  ["pino line's members", (json) => lifted({ level: 50, time: 1796000000000, msg: "redis failed", ...JSON.parse(json) }), asLifted],
  ["Cloudflare console line's members", (json) => lifted({ message: "redis failed", level: "error", ...JSON.parse(json) }), asLifted],
];

/** A JSON line's lifted members, each as JSON text of the object it came from: the object rebuilt from the row's attributes. */
function lifted(line: object): string {
  const { attributes } = exportedConsoleLine(JSON.stringify(line));
  const rebuilt: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (["level", "time", "msg", "message", "redaction.count", "redaction.kinds"].includes(key)) continue;
    rebuilt[key] = /^\[(?:"|\])/.test(value) || /^(?:\d+|true|false)$/.test(value) ? JSON.parse(value) : value;
  }
  return JSON.stringify(flattened(rebuilt));
}

/** `object` as a flat map of its leaves' dotted keys, as lifting writes them. */
function flattened(object: Record<string, unknown>, prefix = "", into: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [key, value] of Object.entries(object).sort(([a], [b]) => a.localeCompare(b))) {
    const path = prefix === "" ? key : `${prefix}.${key}`;
    if (value !== null && typeof value === "object" && !Array.isArray(value)) flattened(value as Record<string, unknown>, path, into);
    else into[path] = value;
  }
  return into;
}

/** One test per case and form: each of `forms` stores for a text what the text form stores, `stored`, in its own shape. */
function itStoresInForms(forms: readonly Form[], cases: readonly (readonly [string, string])[]): void {
  for (const [form, storedBy, expected] of forms) {
    it.each(cases.map((pair) => [...pair]))(`${form}: %s is stored %s`, (sent, stored) => {
      expect(storedBy(sent)).toBe(expected(stored));
    });
  }
}

/** Cases of texts stored as sent. */
const keptWhole = (texts: readonly string[]): (readonly [string, string])[] => texts.map((sent) => [sent, sent] as const);

describe("a command object with other members between its word and its arguments", () => {
  itStoresInForms(OBJECT_FORMS, [
    ['{"command":"AUTH","db":0,"args":["default","Xy9RedisPw"]}', `{"command":"AUTH","db":0,"args":["default","${SECRET}"]}`],
    ['{"err":{"command":{"name":"auth","flags":[],"db":0,"args":["Io9RedisPw!"]}}}', `{"err":{"command":{"name":"auth","flags":[],"db":0,"args":["${SECRET}"]}}}`],
    ['{"err":{"command":{"args":["Io9RedisPw!"],"flags":[],"db":0,"name":"auth"}}}', `{"err":{"command":{"args":["${SECRET}"],"flags":[],"db":0,"name":"auth"}}}`],
    ['{"args":["default","Xy9RedisPw"],"db":0,"command":"AUTH"}', `{"args":["default","${SECRET}"],"db":0,"command":"AUTH"}`],
    ['{"command":"auth","db":0,"readOnly":false,"args":["Xy9RedisPw"]}', `{"command":"auth","db":0,"readOnly":false,"args":["${SECRET}"]}`],
  ]);
  it("reads ioredis' object as util.inspect prints it", () => {
    expect(text("command: { name: 'auth', flags: [], db: 0, args: [ 'Io9RedisPw!' ] }")).toBe(`command: { name: 'auth', flags: [], db: 0, args: [ '${SECRET}' ] }`);
    expect(text("ReplyError: WRONGPASS invalid command: { args: [ 'default', 'Io9RedisPw!' ], flags: [], name: 'auth' }")).toBe(
      `ReplyError: WRONGPASS invalid command: { args: [ 'default', '${SECRET}' ], flags: [], name: 'auth' }`,
    );
  });
});

describe("dotted sibling keys and OpenTelemetry's database attributes", () => {
  itStoresInForms(OBJECT_FORMS, [
    ['{"redis.command":"AUTH","redis.args":["default","Xy9RedisPw"]}', `{"redis.command":"AUTH","redis.args":["default","${SECRET}"]}`],
    ['{"db.system":"redis","db.operation":"AUTH","db.redis.args":"default Xy9RedisPw"}', `{"db.system":"redis","db.operation":"AUTH","db.redis.args":"default ${SECRET}"}`],
    ['{"db.system":"redis","db.operation.name":"AUTH","db.query.text":"default Xy9RedisPw"}', `{"db.system":"redis","db.operation.name":"AUTH","db.query.text":"default ${SECRET}"}`],
    ['{"db.system":"valkey","db.operation":"auth","db.statement":"Xy9RedisPw"}', `{"db.system":"valkey","db.operation":"auth","db.statement":"${SECRET}"}`],
  ]);
  const string = (value: string) => ({ stringValue: value });
  it.each([
    [[["redis.command", "AUTH"]], "redis.args", '["default","Xy9RedisPw"]', `["default","${SECRET}"]`],
    [[["db.system", "redis"], ["db.operation", "AUTH"]], "db.redis.args", "default Xy9RedisPw", `default ${SECRET}`],
    [[["db.operation", "AUTH"]], "db.redis.args", "default Xy9RedisPw", `default ${SECRET}`],
    [[["db.system", "redis"], ["db.operation", "AUTH"]], "db.statement", "default Xy9RedisPw", `default ${SECRET}`],
    [[["db.system", "redis"], ["db.operation.name", "AUTH"]], "db.query.text", "default Xy9RedisPw", `default ${SECRET}`],
    [[["db.system.name", "redis"], ["db.operation.name", "HELLO"]], "db.query.text", "3 AUTH default Xy9RedisPw", `3 AUTH default ${SECRET}`],
    [[["db.system", "redis"], ["db.operation", "AUTH"]], "db.statement", "AUTH default Xy9RedisPw", `AUTH default ${SECRET}`],
  ])("as log and span attributes, %j beside %s = %s", (siblings, key, value, stored) => {
    const attributes = () => [...siblings.map(([k, v]) => ({ key: k!, value: string(v!) })), { key, value: string(value) }];
    expect(storedLogAttributes(attributes()).values[key]).toBe(stored);
    expect(storedSpanAttributes(3, attributes())[key]).toBe(stored);
  });
  it("keeps other commands' arguments and other databases' statements", () => {
    const attributes = (pairs: string[][]) => pairs.map(([key, value]) => ({ key: key!, value: string(value!) }));
    expect(storedLogAttributes(attributes([["db.system", "redis"], ["db.operation", "GET"], ["db.redis.args", "user:42"]])).values["db.redis.args"]).toBe("user:42");
    expect(storedLogAttributes(attributes([["db.system", "postgresql"], ["db.operation", "SELECT"], ["db.statement", "SELECT * FROM users WHERE id = $1"]])).values["db.statement"]).toBe(
      "SELECT * FROM users WHERE id = $1",
    );
    expect(storedLogAttributes(attributes([["db.system", "mongodb"], ["db.operation", "hello"], ["db.statement", '{"hello":1,"helloOk":true}']])).values["db.statement"]).toBe(
      '{"hello":1,"helloOk":true}',
    );
    expect(storedLogAttribute("redis.args", string('["default","Xy9RedisPw"]'))).toEqual(string('["default","Xy9RedisPw"]'));
  });
});

describe("other commands' arguments and objects that are no command's stay", () => {
  const kept = [
    '{"command":"GET","db":0,"args":["user:42"]}',
    '{"redis.command":"SET","redis.args":["session:abc","EX","60"]}',
    '{"db.system":"redis","db.operation":"GET","db.redis.args":"user:42"}',
    '{"job":{"id":1,"name":"auth","args":["bob","session-refresh"]}}',
    '{"command":"auth","db":0,"args":["login","--web"]}',
  ];
  itStoresInForms(OBJECT_FORMS, keptWhole(kept));
});

/** What each form stores for a line: the same text in all of them. */
const LINE_FORMS: readonly Form[] = [
  ["text", text, same],
  ["JSON text", (line) => JSON.parse(text(JSON.stringify({ msg: line }))).msg, same],
  ["attribute", (line) => {
    const kept = storedLogAttribute("event.detail", { stringValue: line });
    return "stringValue" in kept ? kept.stringValue : kept;
  }, same],
  ["pino line", (line) => exportedConsoleLine(JSON.stringify({ level: 50, time: 1796000000000, msg: line })).body, same],
  ["Cloudflare console line", (line) => exportedConsoleLine(JSON.stringify({ message: line, level: "error" })).body, same],
];

describe("AUTH as a word of a status line after redis: a report, not the command", () => {
  const kept = [
    "[redis] AUTH ok, SELECT 2",
    "redis: AUTH took 3ms",
    "redis: AUTH OK",
    "redis: AUTH succeeded",
    "redis: AUTH failed",
    "redis: AUTH done; SELECT 2",
    "redis: AUTH timed out",
    "redis: AUTH default ok",
    "command: GET user:42",
    "Command: SET session:abc EX 60",
    "redis SELECT 2",
    "cmd=auth status=ok",
  ];
  itStoresInForms(LINE_FORMS, keptWhole(kept));
  const cases = [
    ["redis: AUTH hunter2x9 took 3ms", `redis: AUTH ${SECRET} took 3ms`],
    ["redis: AUTH default Pw9x ok", `redis: AUTH default ${SECRET} ok`],
    ["redis: AUTH hunter2x9, SELECT 2", `redis: AUTH ${SECRET}, SELECT 2`],
    ["[redis] AUTH admin Tr0ub4dor3 failed, retrying", `[redis] AUTH admin ${SECRET} failed, retrying`],
  ] as const;
  itStoresInForms(LINE_FORMS, cases);
});

/** MONITOR's line before a command's quoted words. */
const MONITOR = "1764878400.123456 [0 127.0.0.1:5000]";

describe("a report word is a report only right after AUTH and with its complement; a `,` ends AUTH's clause only before another", () => {
  const cases = [
    ["AUTH default, Pw9xQ", `AUTH default, ${SECRET}`],
    ["AUTH svc, Pw9xQ", `AUTH svc, ${SECRET}`],
    ["redis: AUTH default, Pw9xQ", `redis: AUTH default, ${SECRET}`],
    [`${MONITOR} "AUTH" "svc," "Pw9x"`, `${MONITOR} "AUTH" "svc," "${SECRET}"`],
    ["AUTH took", `AUTH ${SECRET}`],
    ...["took", "timed", "completed", "finished", "returned", "replied", "answered", "Took"].map((word) => [`AUTH default ${word}`, `AUTH default ${SECRET}`] as const),
    ["auth default took", `auth default ${SECRET}`],
    ["redis: AUTH default took", `redis: AUTH default ${SECRET}`],
    ["`AUTH default took`", `\`AUTH default ${SECRET}\``],
    ["cmd=AUTH default took", `cmd=AUTH default ${SECRET}`],
    ["sent AUTH default took", `sent AUTH default ${SECRET}`],
    ["redis-cli -h h AUTH default took", `redis-cli -h h AUTH default ${SECRET}`],
    [`${MONITOR} "AUTH" "took"`, `${MONITOR} "AUTH" "${SECRET}"`],
    [`${MONITOR} "auth" "default" "finished"`, `${MONITOR} "auth" "default" "${SECRET}"`],
    [`${MONITOR} "AUTH" "default" "returned"`, `${MONITOR} "AUTH" "default" "${SECRET}"`],
    ["AUTH svc completed", `AUTH svc ${SECRET}`],
    ["AUTH app-user completed", `AUTH app-user ${SECRET}`],
    ["AUTH svc finished", `AUTH svc ${SECRET}`],
    [`${MONITOR} "AUTH" "svc" "completed"`, `${MONITOR} "AUTH" "svc" "${SECRET}"`],
    ["AuthenticationError: ('AUTH', 'took')", `AuthenticationError: ('AUTH', '${SECRET}')`],
    ['["AUTH","default","took"]', `["AUTH","default","${SECRET}"]`],
    ["redis: AUTH hunter2x9 took 3ms", `redis: AUTH ${SECRET} took 3ms`],
    ["redis: AUTH admin took 4ms", `redis: AUTH ${SECRET} took 4ms`],
    ["redis: AUTH app, Xy9pass", `redis: AUTH app, ${SECRET}`],
    ["redis: AUTH admin ok", `redis: AUTH ${SECRET} ok`],
  ] as const;
  itStoresInForms(LINE_FORMS, cases);
  const kept = [
    "AUTH took 3ms",
    "AUTH completed successfully",
    "AUTH finished",
    "AUTH completed for user u_42 on host edge-fra-03",
    "redis: AUTH OK, SELECT 2",
    "redis: AUTH default took 3ms",
    "AUTH default completed in 4ms",
    "AUTH completed; SELECT 2",
    "AUTH check passed",
    "redis: AUTH default, SELECT 2",
    "redis: AUTH slow, took 800ms",
    "[redis] AUTH (acl) took 3ms",
    "AUTH header missing",
    "AUTH token missing",
    "auth token expired",
  ];
  itStoresInForms(LINE_FORMS, keptWhole(kept));
  it.each([
    ["db.statement", "AUTH default took"],
    ["db.query.text", "AUTH default took"],
    ["db.statement", "AUTH svc completed"],
  ])("as the statement's attribute, %s = %s holds the arguments as sent", (key, value) => {
    const stored = value.replace(/\S+$/, SECRET);
    expect(storedLogAttributes([{ key, value: { stringValue: value } }]).values[key]).toBe(stored);
    expect(storedSpanAttributes(3, [{ key, value: { stringValue: value } }])[key]).toBe(stored);
  });
  itStoresInForms(OBJECT_FORMS, [['{"db.operation":"AUTH","db.statement":"AUTH default took"}', `{"db.operation":"AUTH","db.statement":"AUTH default ${SECRET}"}`]]);
});

describe("a command's word and arguments held apart are another program's only where they say so", () => {
  itStoresInForms(OBJECT_FORMS, [
    ['{"command":"auth","user":"svc","args":["pw9Xq"]}', `{"command":"auth","user":"svc","args":["${SECRET}"]}`],
    ['{"db.system":"redis","db.redis.args":"default pw9Xq","db.operation":"AUTH"}', `{"db.system":"redis","db.redis.args":"default ${SECRET}","db.operation":"AUTH"}`],
  ]);
  const kept = [
    '{"cli.command":"auth","cli.args":["status"]}',
    '{"cmd":"auth","exit":0,"args":["login"]}',
    '{"level":30,"msg":"run","command":"auth","args":["status"]}',
    '{"db.operation":"auth","db.statement":"login u_42"}',
    '{"db.system":"cassandra","db.operation":"AUTH","db.statement":"user svc"}',
    '{"db.system":"cassandra","db.statement":"user svc","db.operation":"AUTH"}',
  ];
  itStoresInForms(OBJECT_FORMS.slice(0, 3), keptWhole(kept));
  // Any other argument goes, as it does from the same object's lifted members.
  itStoresInForms(OBJECT_FORMS.slice(0, 3), [
    '{"level":"info","command":"auth","args":["u_42"]}',
    '{"command":"auth","queue":"default","args":["u_42"]}',
    '{"cmd":"auth","status":"ok","args":["u_42"]}',
    '{"event":"command","command":"auth","args":["u_42"]}',
    '{"level":"info","args":["u_42"],"command":"auth"}',
    '{"level":"info","command":"auth","args":["sunshine"]}',
  ].map((sent) => [sent, sent.replace(/"(u_42|sunshine)"/, `"${SECRET}"`)] as const));
  // There, as in prose, a credential-shaped argument still goes.
  itStoresInForms(OBJECT_FORMS.slice(0, 3), [
    ['{"db.system":"cassandra","db.operation":"AUTH","db.statement":"default s3cr3tP4ss"}', `{"db.system":"cassandra","db.operation":"AUTH","db.statement":"default ${SECRET}"}`],
    ['{"db.system":"cassandra","db.operation":"AUTH","db.statement":"s3cr3tP4ss"}', `{"db.system":"cassandra","db.operation":"AUTH","db.statement":"${SECRET}"}`],
    ['{"cmd":"auth","exit":0,"args":["hunter2x9"]}', `{"cmd":"auth","exit":0,"args":["${SECRET}"]}`],
  ]);
  it.each([
    [[["db.system", "cassandra"], ["db.operation", "AUTH"]], "db.statement", "default s3cr3tP4ss"],
    [[["db.system", "cassandra"], ["db.operation", "AUTH"]], "db.statement", "default hunter2x9"],
  ])("as log and span attributes, %j beside %s = %s loses its credential-shaped password", (siblings, key, value) => {
    const attributes = () => [...siblings.map(([k, v]) => ({ key: k!, value: { stringValue: v! } })), { key, value: { stringValue: value } }];
    const stored = value.replace(/\S+$/, SECRET);
    expect(storedLogAttributes(attributes()).values[key]).toBe(stored);
    expect(storedSpanAttributes(3, attributes())[key]).toBe(stored);
  });
  it.each([
    [[["db.system", "cassandra"], ["db.operation", "AUTH"]], "db.statement", "user svc"],
  ])("as log and span attributes, %j beside %s = %s stays", (siblings, key, value) => {
    const attributes = () => [...siblings.map(([k, v]) => ({ key: k!, value: { stringValue: v! } })), { key, value: { stringValue: value } }];
    expect(storedLogAttributes(attributes()).values[key]).toBe(value);
    expect(storedSpanAttributes(3, attributes())[key]).toBe(value);
  });
});

describe("one word then an outcome: the word is AUTH's password; a report's complement after a blank", () => {
  const cases = [
    ...["failed", "denied", "OK", "error", "invalid", "rejected", "timeout", "expired", "FAILED"].map((outcome) => [`AUTH hunter2x9 ${outcome}`, `AUTH ${SECRET} ${outcome}`] as const),
    ["AUTH Pw9xQ!2z failed", `AUTH ${SECRET} failed`],
    ["AUTH sunshine OK", `AUTH ${SECRET} OK`],
    ["AUTH hunter2x9 failed, retrying in 5s", `AUTH ${SECRET} failed, retrying in 5s`],
    ["Command: AUTH sunshine failed", `Command: AUTH ${SECRET} failed`],
    ["cmd=AUTH sunshine failed", `cmd=AUTH ${SECRET} failed`],
    ["redis: AUTH sunshine rejected", `redis: AUTH ${SECRET} rejected`],
    ["redis: AUTH sunshine took 3 ms", `redis: AUTH ${SECRET} took 3 ms`],
    ["redis: AUTH sunshine took 3", `redis: AUTH ${SECRET} took 3`],
    ["redis: AUTH sunshine took 3 milliseconds", `redis: AUTH ${SECRET} took 3 milliseconds`],
    ["redis: AUTH sunshine completed in 3 ms", `redis: AUTH ${SECRET} completed in 3 ms`],
    ["redis: AUTH (Pw9xQ) took 3ms", `redis: AUTH ${SECRET} took 3ms`],
  ] as const;
  itStoresInForms(LINE_FORMS, cases);
  const kept = [
    "redis: AUTH default took 3 ms",
    "Command: AUTH default took 3 ms",
    "redis: AUTH default completed in 4 ms",
    "redis: AUTH default took too long",
    "redis: AUTH default returned OK",
    "redis: AUTH default replied OK",
    "redis: AUTH default finished.",
    "redis: AUTH default completed.",
    "AUTH took 3 ms",
    "AUTH took 3",
    "AUTH completed in 3 ms",
    "AUTH token required",
    "AUTH phase finished, took 20ms",
  ];
  itStoresInForms(LINE_FORMS, keptWhole(kept));
});

describe("every password command's object is Redis's, and an auth object held apart unless it says another program's", () => {
  itStoresInForms(OBJECT_FORMS, [
    ['{"ms":3,"command":"config","args":["set","requirepass","sunshine"]}', `{"ms":3,"command":"config","args":["set","requirepass","${SECRET}"]}`],
    ['{"ms":3,"command":"acl","args":["setuser","alice","on",">sunshine"]}', `{"ms":3,"command":"acl","args":["setuser","alice","on",">${SECRET}"]}`],
    ['{"ms":3,"command":"hello","args":["3","auth","default","sunshine"]}', `{"ms":3,"command":"hello","args":["3","auth","default","${SECRET}"]}`],
    ['{"ms":3,"command":"migrate","args":["h",6379,"","0","5000","auth2","app","sunshine"]}', `{"ms":3,"command":"migrate","args":["h",6379,"","0","5000","auth2","app","${SECRET}"]}`],
    ['{"command":"auth","ms":3,"args":["default","s3cr3tP4ss"]}', `{"command":"auth","ms":3,"args":["default","${SECRET}"]}`],
    ['{"ms":3,"command":"auth","args":["Pw9xQ!2z"]}', `{"ms":3,"command":"auth","args":["${SECRET}"]}`],
    ['{"command":"auth","ms":3,"args":["default","sunshine"]}', `{"command":"auth","ms":3,"args":["default","${SECRET}"]}`],
    ['{"app.command":"auth","app.args":["default","s3cr3tP4ss"]}', `{"app.command":"auth","app.args":["default","${SECRET}"]}`],
    ['{"db.system":"other","db.operation":"AUTH","db.redis.args":"default sunshine"}', `{"db.system":"other","db.operation":"AUTH","db.redis.args":"default ${SECRET}"}`],
    ['{"db.system":"keydb","db.operation":"AUTH","db.statement":"default sunshine"}', `{"db.system":"keydb","db.operation":"AUTH","db.statement":"default ${SECRET}"}`],
    ['{"db.operation":"auth","db.statement":"default s3cr3tP4ss"}', `{"db.operation":"auth","db.statement":"default ${SECRET}"}`],
  ]);
  it.each([
    [[["db.system", "other"], ["db.operation", "AUTH"]], "db.redis.args", "default sunshine"],
    [[["db.system", "cassandra"], ["db.operation", "AUTH"]], "db.redis.args", "default sunshine"],
    [[["db.system", "elasticache"], ["db.operation", "AUTH"]], "db.statement", "default sunshine"],
    [[["db.system", "dragonfly"], ["db.operation", "AUTH"]], "db.statement", "default sunshine"],
    [[["db.operation", "auth"]], "db.statement", "default s3cr3tP4ss"],
    [[["db.operation.name", "auth"]], "db.query.text", "default s3cr3tP4ss"],
    [[["db.operation", "Auth"]], "db.statement", "default s3cr3tP4ss"],
  ])("as log and span attributes, %j beside %s = %s loses its password", (siblings, key, value) => {
    const attributes = () => [...siblings.map(([k, v]) => ({ key: k!, value: { stringValue: v! } })), { key, value: { stringValue: value } }];
    const stored = value.replace(/\S+$/, SECRET);
    expect(storedLogAttributes(attributes()).values[key]).toBe(stored);
    expect(storedSpanAttributes(3, attributes())[key]).toBe(stored);
  });
});

describe("a client's name or [redis] opening the message names the command's Redis; a clause's mark stays", () => {
  const cases = [
    ["[redis] AUTH sunshine; SELECT 2", `[redis] AUTH ${SECRET}; SELECT 2`],
    ["[redis] AUTH sunshine, SELECT 2", `[redis] AUTH ${SECRET}, SELECT 2`],
    ["redis: AUTH sunshine, SELECT 2", `redis: AUTH ${SECRET}, SELECT 2`],
    ["ioredis AUTH sunshine failed", `ioredis AUTH ${SECRET} failed`],
    ["[valkey] auth default sunshine", `[valkey] auth default ${SECRET}`],
  ] as const;
  itStoresInForms(LINE_FORMS, cases);
  itStoresInForms(LINE_FORMS, keptWhole(["[redis] AUTH default ok", "[redis] AUTH took 3ms", "ioredis AUTH ok", "go-redis: AUTH timed out", "[redis] AUTH with ACL users", "ioredis auth failed"]));
});
