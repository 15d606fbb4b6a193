/**
 * A printed record (a Go, Java, Ruby, C#, PHP, Swift, Elixir, Python, Rust or Node print, read by
 * inspect-text.ts) whose one member holds a value of a form the reader does not know (a date, a
 * typed slice, a tuple, an Ecto struct's metadata, a sigil): that value is read whole up to the
 * next member and kept as written, and every other member is ruled as the same key in JSON. Found
 * by a new user's trial, where the whole record was given up and names and hashes stayed in clear.
 * Each output is pinned: the input with only the redacted values replaced.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy } from "../../workers/ingest/core/redact";
import { parseInspectObject } from "../../workers/ingest/core/redact/inspect-text";
import { workDone } from "../../workers/ingest/core/redact/scan-scope";
import { redactedLogBody, redactionWork } from "../support/redaction";
import { itStores } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const NAME = "[REDACTED:person_name]";
const EMAIL = "[REDACTED:email]";
const SECRET = "[REDACTED:secret]";
const STREET = "[REDACTED:street_address]";

const redactedBody = (body: string): unknown => redactedLogBody(body, policy);

describe("the trial's records: one unknown value no longer hides the rest", () => {
  itStores("%j", redactedBody, [
    // Go's %+v of a pointer holding a slice (a struct's own name is not printed).
    ["&{ID:42 Name:Ana Souza Email:ana@example.com Tags:[a b] Password:pw1234}", `&{ID:42 Name:${NAME} Email:${EMAIL} Tags:[a b] Password:${SECRET}}`],
    // Go's %#v with a typed slice: the struct's name is the members' parent.
    [
      'main.User{ID:42, Name:"Ana Souza", Tags:[]string{"a", "b"}, Password:"pw1234"}',
      `main.User{ID:42, Name:"${NAME}", Tags:[]string{"a", "b"}, Password:"${SECRET}"}`,
    ],
    // An Ecto struct: metadata, sigils and a not-loaded association kept as written.
    [
      '%MyApp.User{__meta__: #Ecto.Schema.Metadata<:loaded, "users">, id: 42, name: "Ana Souza", email: "ana@example.com", ' +
        'password_hash: "$2b$12$KIXQJ1x5sQyq6p6v0Q0z3eVQw2l5mF3n7Qp9nqJ8h1mQe7sJY5v9W", inserted_at: ~N[2026-12-02 15:00:00], ' +
        "posts: #Ecto.Association.NotLoaded<association :posts is not loaded>, roles: [:admin]}",
      `%MyApp.User{__meta__: #Ecto.Schema.Metadata<:loaded, "users">, id: 42, name: "${NAME}", email: "${EMAIL}", ` +
        `password_hash: "${SECRET}", inserted_at: ~N[2026-12-02 15:00:00], ` +
        "posts: #Ecto.Association.NotLoaded<association :posts is not loaded>, roles: [:admin]}",
    ],
  ]);

  // A `name` at the root beside no sibling saying whose it is stays as in JSON, unknown value or
  // not (json-text.ts, name-owners.ts): the password goes, the record is read whole.
  it.each([
    ["&{ID:42 Name:Ana Souza CreatedAt:2026-12-02 15:00:00 +0000 UTC Password:pw1234}", "&{ID:42 Name:Ana Souza CreatedAt:2026-12-02 15:00:00 +0000 UTC Password:[REDACTED:secret]}"],
    ["&{ID:42 Name:Ana Souza Tags:[a b] Password:pw1234}", `&{ID:42 Name:Ana Souza Tags:[a b] Password:${SECRET}}`],
    [
      "Array\n(\n    [roles] => Array\n        (\n            [0] => admin\n        )\n\n    [name] => Ana Souza\n    [password] => s3cr3tPw\n)\n",
      `Array\n(\n    [roles] => Array\n        (\n            [0] => admin\n        )\n\n    [name] => Ana Souza\n    [password] => ${SECRET}\n)\n`,
    ],
  ])("a bare root `name` is ruled as in JSON: %j", (text, expected) => {
    expect(redactedBody(text)).toBe(expected);
    expect(redactedBody('{"name":"Ana Souza","password":"pw1234"}')).toBe(`{"name":"Ana Souza","password":"${SECRET}"}`);
  });
});

describe("each dialect's common nested values", () => {
  it.each([
    // Go: a time.Time with its monotonic reading, a %v map holding a slice.
    ["Go %+v time", "&{Name:Ana Souza CreatedAt:2026-12-02 15:00:00 +0000 UTC Email:ana@example.com}", `&{Name:${NAME} CreatedAt:2026-12-02 15:00:00 +0000 UTC Email:${EMAIL}}`],
    [
      "Go %+v slice of structs",
      "&{ID:42 Users:[{Name:Ana Souza Email:ana@example.com} {Name:Bob Lee Email:bob@example.com}] IDs:[1 2 3]}",
      `&{ID:42 Users:[{Name:${NAME} Email:${EMAIL}} {Name:${NAME} Email:${EMAIL}}] IDs:[1 2 3]}`,
    ],
    ["Go %v map", "user: map[name:Ana Souza roles:[admin ops] password:pw1234 host:db-01.internal]", `user: map[name:${NAME} roles:[admin ops] password:${SECRET} host:db-01.internal]`],
    [
      "Go %#v call",
      'main.User{Name:"Ana Souza", Created:time.Date(2026, time.December, 2, 15, 0, 0, 0, time.UTC), ID:42}',
      `main.User{Name:"${NAME}", Created:time.Date(2026, time.December, 2, 15, 0, 0, 0, time.UTC), ID:42}`,
    ],
    // Java: a record with an Optional of spaced words, Lombok's toString with a nested record, ToStringBuilder.
    [
      "Java record",
      "User[id=42, name=Ana Souza, created=2026-12-02T15:00, roles=[ADMIN, USER], nick=Optional[Ana Souza], password=pw1234]",
      `User[id=42, name=${NAME}, created=2026-12-02T15:00, roles=[ADMIN, USER], nick=Optional[${NAME}], password=${SECRET}]`,
    ],
    [
      "Java toString",
      "User{id=42, name='Ana Souza', address=Address{street='1 Main St'}, tags=[a b], password='pw1234'}",
      `User{id=42, name='${NAME}', address=Address{street='${STREET}'}, tags=[a b], password='${SECRET}'}`,
    ],
    [
      "ToStringBuilder",
      "com.acme.User@1b6d3586[id=42,name=Ana Souza,created=Wed Dec 02 15:00:00 UTC 2026,roles={admin,ops},password=pw1234]",
      `com.acme.User@1b6d3586[id=42,name=${NAME},created=Wed Dec 02 15:00:00 UTC 2026,roles={admin,ops},password=${SECRET}]`,
    ],
    // Ruby: ActiveRecord's time with its commas, a Set, an object's instance variables.
    [
      "Ruby ActiveRecord",
      '#<User id: 42, name: "Ana Souza", created_at: Wed, 02 Dec 2026 15:00:00.000000000 UTC +00:00, roles: #<Set: {:admin}>, password: "pw1234">',
      `#<User id: 42, name: "${NAME}", created_at: Wed, 02 Dec 2026 15:00:00.000000000 UTC +00:00, roles: #<Set: {:admin}>, password: "${SECRET}">`,
    ],
    [
      "Ruby inspect",
      '#<User:0x000055d5 @id=42, @name="Ana Souza", @tags=#<Set: {"a"}>, @created=2026-12-02 15:00:00 +0000, @password="pw1234">',
      `#<User:0x000055d5 @id=42, @name="${NAME}", @tags=#<Set: {"a"}>, @created=2026-12-02 15:00:00 +0000, @password="${SECRET}">`,
    ],
    // C#: a generic type's name holds a backtick, no string's.
    [
      "C# record",
      "User { Id = 42, Name = Ana Souza, Tags = System.Collections.Generic.List`1[System.String], Created = 12/2/2026 3:00:00 PM, Password = pw1234 }",
      `User { Id = 42, Name = ${NAME}, Tags = System.Collections.Generic.List\`1[System.String], Created = 12/2/2026 3:00:00 PM, Password = ${SECRET} }`,
    ],
    // PHP: var_dump's nested DateTime object.
    [
      "PHP var_dump",
      'object(App\\User)#3 (3) {\n  ["created"]=>\n  object(DateTime)#4 (1) {\n    ["date"]=>\n    string(26) "2026-12-02 15:00:00.000000"\n  }\n  ["name"]=>\n  string(9) "Ana Souza"\n  ["password"]=>\n  string(6) "pw1234"\n}',
      `object(App\\User)#3 (3) {\n  ["created"]=>\n  object(DateTime)#4 (1) {\n    ["date"]=>\n    string(26) "2026-12-02 15:00:00.000000"\n  }\n  ["name"]=>\n  string(9) "${NAME}"\n  ["password"]=>\n  string(6) "${SECRET}"\n}`,
    ],
    // Swift: a Date, a Set, an enum case.
    [
      "Swift",
      'User(id: 42, name: "Ana Souza", created: 2026-12-02 15:00:00 +0000, tags: Set(["a"]), role: main.Role.admin, password: "pw1234")',
      `User(id: 42, name: "${NAME}", created: 2026-12-02 15:00:00 +0000, tags: Set(["a"]), role: main.Role.admin, password: "${SECRET}")`,
    ],
    // Elixir: derived Inspect with a date sigil; a keyword list with a PID and a tuple (a bare root `name`, kept as JSON keeps it).
    ["Elixir derived Inspect", '#User<name: "Ana Souza", born: ~D[1990-01-01], ...>', `#User<name: "${NAME}", born: ~D[1990-01-01], ...>`],
    [
      "Elixir keyword list",
      '[name: "Ana Souza", at: ~U[2026-12-02 15:00:00Z], pid: #PID<0.123.0>, pair: {:ok, 1}, password: "pw1234"]',
      `[name: "Ana Souza", at: ~U[2026-12-02 15:00:00Z], pid: #PID<0.123.0>, pair: {:ok, 1}, password: "${SECRET}"]`,
    ],
    // Python: a dataclass's datetime, set and tuple; a dict's set and date.
    [
      "Python dataclass",
      "User(id=42, name='Ana Souza', created=datetime.datetime(2026, 12, 2, 15, 0), tags={'a', 'b'}, pair=(1, 2), password='pw1234')",
      `User(id=42, name='${NAME}', created=datetime.datetime(2026, 12, 2, 15, 0), tags={'a', 'b'}, pair=(1, 2), password='${SECRET}')`,
    ],
    [
      "Python dict",
      "{'name': 'Ana Souza', 'email': 'ana@example.com', 'tags': {'a', 'b'}, 'at': datetime.date(2026, 12, 2), 'raw': b'{x'}",
      `{'name': '${NAME}', 'email': '${EMAIL}', 'tags': {'a', 'b'}, 'at': datetime.date(2026, 12, 2), 'raw': b'{x'}`,
    ],
    [
      "Python enum and object reprs",
      "User(color=<Color.RED: 1>, name='Ana Souza', tags={'a'}, meta=<Foo a=1, b=2>)",
      `User(color=<Color.RED: 1>, name='${NAME}', tags={'a'}, meta=<Foo a=1, b=2>)`,
    ],
    // Rust Debug: a tuple, an enum variant with fields, Some and None.
    [
      "Rust Debug",
      'User { id: 42, name: "Ana Souza", created: SystemTime { tv_sec: 1, tv_nsec: 2 }, pair: (1, 2), role: Role::Admin { level: 3 }, nick: Some("Ana Souza"), none: None, password: "pw1234" }',
      `User { id: 42, name: "${NAME}", created: SystemTime { tv_sec: 1, tv_nsec: 2 }, pair: (1, 2), role: Role::Admin { level: 3 }, nick: Some("${NAME}"), none: None, password: "${SECRET}" }`,
    ],
    // Node's util.inspect: a Set's members are no object's.
    [
      "Node inspect",
      "{ name: 'Ana Souza', email: 'ana@example.com', tags: Set(2) { 'a', 'b' }, password: 'pw1234' }",
      `{ name: '${NAME}', email: '${EMAIL}', tags: Set(2) { 'a', 'b' }, password: '${SECRET}' }`,
    ],
    [
      "Node inspect Buffer",
      "{ data: <Buffer 61 62>, name: 'Ana Souza', email: 'ana@example.com' }",
      `{ data: <Buffer 61 62>, name: '${NAME}', email: '${EMAIL}' }`,
    ],
    // An apostrophe inside an unquoted word opens no string.
    ["Lombok apostrophe", "User(name=O'Neil Souza, tags=[a b], email=ana@example.com)", `User(name=${NAME}, tags=[a b], email=${EMAIL})`],
  ])("%s", (_dialect, text, expected) => {
    expect(redactedBody(text)).toBe(expected);
  });

  it("keeps what must stay: ids, hosts, statuses and the unknown values as written", () => {
    const text = "&{ID:42 Host:db-01.internal Addr:10.0.0.5 Tags:[a b] Status:active Pair:(1, 2)}";
    expect(redactedBody(text)).toBe(text);
  });
});

describe("reading an unknown value", () => {
  /** The record read from `text` as JSON text (its numbers as written), or undefined when it is none. */
  const root = (text: string): string | undefined => {
    const read = parseInspectObject(text, 64, false);
    return read === undefined ? undefined : JSON.stringify(read.root);
  };

  it("reads it as the text written, the members around it as JSON's", () => {
    expect(root('{__meta__: #Ecto.Schema.Metadata<:loaded, "users">, id: 42, at: ~N[2026-12-02 15:00:00], name: "Ana"}')).toBe(
      '{"__meta__":"#Ecto.Schema.Metadata<:loaded, \\"users\\">","id":42,"at":"~N[2026-12-02 15:00:00]","name":"Ana"}',
    );
    // Go's %#v: the comma before the next `Name:` is no number's.
    expect(root('{ID:42, Tags:[]string{"a"}, Name:"Ana"}')).toBe('{"ID":42,"Tags":"[]string{\\"a\\"}","Name":"Ana"}');
    // Go's slice: items apart by blanks, a run of words one item.
    expect(root("{Users:[{Name:Ana} {Name:Bob}] Tags:[a b]}")).toBe('{"Users":[{"Name":"Ana"},{"Name":"Bob"}],"Tags":["a b"]}');
    // An array's unknown item, the others read; a Ruby symbol or an Elixir atom is the text written.
    expect(root("{roles: [:admin, ~N[2026-12-02 15:00:00], 'ops']}")).toBe('{"roles":[":admin","~N[2026-12-02 15:00:00]","ops"]}');
    // A value read whole whose end is no member's (`Foo{…} junk`): read on to the member's end.
    expect(root("{a: Foo{b: 1} junk, c: 2}")).toBe('{"a":"Foo{b: 1} junk","c":2}');
  });

  it("gives up the record when an unknown value never ends or closes what it did not open", () => {
    expect(root('{a: #Foo<:x, "y", b: 1}')).toBeUndefined();
    expect(root("{a: ~N[2026, b: 1}")).toBeUndefined();
    expect(root("{a: (1, 2]], b: 1}")).toBeUndefined();
  });
});

describe("the cost of unknown values, counted in characters", () => {
  const parseWork = (text: string): number => {
    const before = workDone();
    expect(parseInspectObject(text, 160, true)).toBeDefined();
    return workDone() - before;
  };

  it("a body of many unknown values: four times the body, at most four times the work", () => {
    const body = (count: number): string =>
      "%User{" + Array.from({ length: count }, (_, i) => `f${i}: ~N[2026-12-02 15:00:00], n${i}: "Ana Souza", m${i}: #Ecto.Schema.Metadata<:loaded, "users">`).join(", ") + "}";
    const small = body(180);
    const large = body(720);
    expect(small.length).toBeGreaterThan(16_000);
    expect(large.length).toBeGreaterThan(64_000);
    const smallWork = redactionWork(small);
    const largeWork = redactionWork(large);
    expect(largeWork.markers).toBe(4 * smallWork.markers);
    expect(largeWork.work).toBeLessThanOrEqual(4 * smallWork.work + 8192);
  });

  it("values nested 100 deep, each followed by words no member's: the text read about twice, not once a level", () => {
    const nested = (pad: number): string => {
      let value = "x".repeat(pad) + " y";
      for (let level = 0; level < 100; level++) value = level % 2 === 0 ? `{a: ${value}} ${"j".repeat(pad)}` : `[${value}, ${"j".repeat(pad)} k]`;
      return `{b: ${value}}`;
    };
    for (const pad of [50, 200]) {
      const text = nested(pad);
      expect(parseWork(text)).toBeLessThanOrEqual(3 * text.length);
    }
  });
});
