/**
 * Two more printed forms of a record, ruled as the same keys in JSON: Clojure's and EDN's maps
 * (`pr-str`, timbre, mulog, `ex-info`'s data; edn-text.ts) and Swift's `dump()` (swift-dump.ts);
 * and names written with an apostrophe, an escaped quote or emoji inside a printed record. Each
 * output is pinned: only the values replaced, in the quotes they were written in, the rest as
 * written. And the cost of each reader: twice the text, at most twice the work.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy } from "../../workers/ingest/core/redact";
import { holdsPersonName } from "../../workers/ingest/core/redact/person-names";
import { bodyRedactionWork, redactedLogBody } from "../support/redaction";
import { itKeeps, itStores } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const NAME = "[REDACTED:person_name]";
const EMAIL = "[REDACTED:email]";
const SECRET = "[REDACTED:secret]";
const STREET = "[REDACTED:street_address]";

const redactedBody = (body: string): unknown => redactedLogBody(body, policy);

const bodyWork = (text: string) => bodyRedactionWork(text, policy);

describe("Clojure and EDN maps", () => {
  itStores("%s", redactedBody, [
    // pr-str of a map, with and without commas (blanks in EDN).
    [
      '{:id 42, :name "Ana Souza", :email "ana.souza@example.com", :password "s3cr3tPw", :host "db-01.internal"}',
      `{:id 42, :name "${NAME}", :email "${EMAIL}", :password "${SECRET}", :host "db-01.internal"}`,
    ],
    [
      '{:id 42 :name "Ana Souza" :email "ana@example.com" :password "s3cr3tPw"}',
      `{:id 42 :name "${NAME}" :email "${EMAIL}" :password "${SECRET}"}`,
    ],
    // Namespaced keys: the namespace is whose the attribute is (`:user/name` as `user.name`).
    [
      '{:user/id 42, :user/name "Ana Souza", :user/password "s3cr3tPw", :user/email "ana@example.com"}',
      `{:user/id 42, :user/name "${NAME}", :user/password "${SECRET}", :user/email "${EMAIL}"}`,
    ],
    ['#:user{:id 42, :name "Ana Souza", :password "hunter2"}', `#:user{:id 42, :name "${NAME}", :password "${SECRET}"}`],
    // Nested maps, vectors, sets, tagged literals, keyword values, nil, true and false: only the name goes.
    [
      '{:user {:name "Ana Souza", :roles #{:admin :ops}, :tags ["a" "b"]}, :created #inst "2026-12-02T15:00:00.000-00:00", ' +
        ':req-id #uuid "5f1c2a3e-9b7d-4c1a-8e2f-3a4b5c6d7e8f", :status :active, :deleted nil, :ok true}',
      `{:user {:name "${NAME}", :roles #{:admin :ops}, :tags ["a" "b"]}, :created #inst "2026-12-02T15:00:00.000-00:00", ` +
        ':req-id #uuid "5f1c2a3e-9b7d-4c1a-8e2f-3a4b5c6d7e8f", :status :active, :deleted nil, :ok true}',
    ],
    // A record, named by its class.
    ['#myapp.User{:name "Ana Souza", :password "hunter2", :id 42}', `#myapp.User{:name "${NAME}", :password "${SECRET}", :id 42}`],
    // ex-info's data in an exception's message, and a map after words.
    [
      'clojure.lang.ExceptionInfo: login failed {:user-name "Ana Souza", :password "hunter2", :request-id #uuid "5f1c2a3e-9b7d-4c1a-8e2f-3a4b5c6d7e8f"}',
      `clojure.lang.ExceptionInfo: login failed {:user-name "${NAME}", :password "${SECRET}", :request-id #uuid "5f1c2a3e-9b7d-4c1a-8e2f-3a4b5c6d7e8f"}`,
    ],
    ['(ex-info "login failed" {:user/email "ana@example.com", :user/password "hunter2", :attempt 3})', `(ex-info "login failed" {:user/email "${EMAIL}", :user/password "${SECRET}", :attempt 3})`],
    // An Integrant or Datomic config: the server stays, its password goes; a string holding `}` and an escaped quote is one string.
    [
      '{:db {:host "db-01.internal", :port 5432, :password "pg-pass-99", :note "a } b \\"q\\""}, :ids [1 2 3]}',
      `{:db {:host "db-01.internal", :port 5432, :password "${SECRET}", :note "a } b \\"q\\""}, :ids [1 2 3]}`,
    ],
  ]);

  itKeeps("keeps what is no secret nor person's: %s", redactedBody, [
    '{:service "checkout", :status :active, :host "db-01.internal", :id #uuid "5f1c2a3e-9b7d-4c1a-8e2f-3a4b5c6d7e8f", :at #inst "2026-12-02T15:00:00.000-00:00"}',
    '{:order-id 12345678901234567890123, :amount 10.5M, :ratio 1/2, :name "checkout-service", :char \\a}',
    // Ruby's hash is Ruby's, as before (inspect-text.ts).
    '{:status=>"active", :id=>42}',
  ]);

  itStores("string keys and symbols: %s", redactedBody, [
    // String keys, as Ring prints `:form-params` and `:params` and `clojure.walk/stringify-keys` leaves them.
    ['{"username" "ana", "password" "hunter2"}', `{"username" "ana", "password" "${SECRET}"}`],
    ['params: {"username" "ana", "password" "hunter2"}', `params: {"username" "ana", "password" "${SECRET}"}`],
    ['{"email" "ana@example.com", "name" "Ana Souza", "password" "hunter2"}', `{"email" "${EMAIL}", "name" "${NAME}", "password" "${SECRET}"}`],
    ['{"username" "ana" "password" "hunter2"}', `{"username" "ana" "password" "${SECRET}"}`],
    // Keywords and strings as keys in one map, either first.
    ['{:a 1 "password" "hunter2"}', `{:a 1 "password" "${SECRET}"}`],
    ['{"a" 1 :password "hunter2"}', `{"a" 1 :password "${SECRET}"}`],
    ['{"a" :b, "password" "hunter2"}', `{"a" :b, "password" "${SECRET}"}`],
    // A Ring request map: the header's token goes, its scheme and the host stay.
    [
      '{:headers {"authorization" "Bearer abc.def.ghi", "host" "api.internal"} :form-params {"password" "x"}}',
      `{:headers {"authorization" "Bearer ${SECRET}", "host" "api.internal"} :form-params {"password" "${SECRET}"}}`,
    ],
    // A symbol replaced stays unquoted, as printed.
    ["{:password hunter2}", `{:password ${SECRET}}`],
    ['{:password hunter2, :name "Ana Souza", :email "ana@example.com", :db {:secret foo/bar}}', `{:password ${SECRET}, :name "${NAME}", :email "${EMAIL}", :db {:secret ${SECRET}}}`],
    ['{"password" hunter2}', `{"password" ${SECRET}}`],
  ]);

  itStores("reads other forms as before: %s", redactedBody, [
    // JSON, with a blank before its colon too, is read as JSON (its spelling kept but for the value).
    ['{"password" : "hunter2"}', `{"password" : "${SECRET}"}`],
    ['{"password" :"hunter2"}', `{"password" :"${SECRET}"}`],
    // Ruby's and Elixir's arrows, HCL's `=`: their own readers'.
    ['{"password" => "hunter2", "host" => "db"}', `{"password" => "${SECRET}", "host" => "db"}`],
    ['%{"password" => "hunter2"}', `%{"password" => "${SECRET}"}`],
    ['tags = { "Name" = "web", "password" = "x" }', `tags = { "Name" = "web", "password" = "${SECRET}" }`],
    // A set or an initializer list of strings is no map: a comma between a key and its value is none Clojure writes.
    ['{"password", "hunter2"}', '{"password", "hunter2"}'],
    ['names = {"ana", "joao"}', 'names = {"ana", "joao"}'],
  ]);

  it("rules a bare `name` as JSON rules it: kept without a sibling saying whose, in both", () => {
    expect(redactedBody('{:id 42 :name "Ana Souza" :password "x"}')).toBe(`{:id 42 :name "Ana Souza" :password "${SECRET}"}`);
    expect(redactedBody('{"id":42,"name":"Ana Souza","password":"x"}')).toBe(`{"id":42,"name":"Ana Souza","password":"${SECRET}"}`);
  });
});

describe("Swift's dump()", () => {
  itStores("%j", redactedBody, [
    [
      '▿ main.User\n  - id: 42\n  - name: "Ana Souza"\n  - email: "ana.souza@example.com"\n  - password: "s3cr3tPw"\n  - status: "active"',
      `▿ main.User\n  - id: 42\n  - name: "${NAME}"\n  - email: "${EMAIL}"\n  - password: "${SECRET}"\n  - status: "active"`,
    ],
    // Swift before 5.1 wrote a blank before the colon.
    [
      '▿ User\n  - id : 42\n  - name : "Ana Souza"\n  - password : "s3cr3tPw"\n  - status : "active"',
      `▿ User\n  - id : 42\n  - name : "${NAME}"\n  - password : "${SECRET}"\n  - status : "active"`,
    ],
    // A nested struct, an optional (its summary repeats the value), an enum's case, a class's instance number.
    [
      '▿ main.User #0\n  - id: 42\n  ▿ name: Optional("Ana Souza")\n    - some: "Ana Souza"\n  ▿ address: main.Address\n' +
        '    - street: "221 Baker Street"\n    - city: "London"\n  - status: main.Status.active\n  - nickname: nil',
      `▿ main.User #0\n  - id: 42\n  ▿ name: Optional("${NAME}")\n    - some: "${NAME}"\n  ▿ address: main.Address\n` +
        `    - street: "${STREET}"\n    - city: "London"\n  - status: main.Status.active\n  - nickname: nil`,
    ],
    // An optional at the root, an array of records, a dictionary by its keys.
    [
      '▿ Optional(main.User)\n  ▿ some: main.User\n    - id: 42\n    - name: "Ana Souza"\n    - password: "s3cr3tPw"',
      `▿ Optional(main.User)\n  ▿ some: main.User\n    - id: 42\n    - name: "${NAME}"\n    - password: "${SECRET}"`,
    ],
    [
      '▿ 2 elements\n  ▿ main.User\n    - name: "Ana Souza"\n    - email: "ana@example.com"\n  ▿ main.User\n    - name: "João Lima"\n    - email: "joao@example.com"',
      `▿ 2 elements\n  ▿ main.User\n    - name: "${NAME}"\n    - email: "${EMAIL}"\n  ▿ main.User\n    - name: "${NAME}"\n    - email: "${EMAIL}"`,
    ],
    [
      '▿ 2 key/value pairs\n  ▿ (2 elements)\n    - key: "password"\n    - value: "s3cr3tPw"\n  ▿ (2 elements)\n    - key: "host"\n    - value: "db-01.internal"',
      `▿ 2 key/value pairs\n  ▿ (2 elements)\n    - key: "password"\n    - value: "${SECRET}"\n  ▿ (2 elements)\n    - key: "host"\n    - value: "db-01.internal"`,
    ],
    // After a logger's words on its line, and a line of prose after it.
    [
      'user: ▿ main.User\n  - name: "Ana Souza"\n  - host: "db-01.internal"\nrequest done',
      `user: ▿ main.User\n  - name: "${NAME}"\n  - host: "db-01.internal"\nrequest done`,
    ],
    // A string's escapes are Swift's.
    ['▿ main.User\n  - name: "Ana \\"Nana\\" Souza"\n  - id: 7', `▿ main.User\n  - name: "${NAME}"\n  - id: 7`],
  ]);

  it("reads a dump whose lines end CRLF, keeping each \\r\\n and the quotes", () => {
    expect(redactedBody('▿ User\r\n  - id: 42\r\n  - password: "s3cr3t"\r\n  - host: "db"\r\n')).toBe(
      `▿ User\r\n  - id: 42\r\n  - password: "${SECRET}"\r\n  - host: "db"\r\n`,
    );
    expect(redactedBody('got ▿ main.User\r\n  ▿ name: Optional("Ana Souza")\r\n    - some: "Ana Souza"\r\n  - status: main.Status.active\r\ndone\r\n')).toBe(
      `got ▿ main.User\r\n  ▿ name: Optional("${NAME}")\r\n    - some: "${NAME}"\r\n  - status: main.Status.active\r\ndone\r\n`,
    );
  });

  it("keeps a record with nothing personal as written", () => {
    const text = '▿ main.Config\n  - host: "db-01.internal"\n  - port: 5432\n  - status: main.Status.active\n  ▹ pool: main.Pool\n  - id: 12345678901234567890';
    expect(redactedBody(text)).toBe(text);
  });
});

describe("names with an apostrophe, an escaped quote or emoji inside a printed record", () => {
  itStores("%s", redactedBody, [
    ["User(id=42, name='Ana O\\'Brien', email='ana@example.com')", `User(id=42, name='${NAME}', email='${EMAIL}')`],
    [`User(id=42, name="Ana O'Brien", email='ana@example.com')`, `User(id=42, name="${NAME}", email='${EMAIL}')`],
    // Java's hand-written toString does not escape the apostrophe; one between letters is the value's own.
    ["User{name='Ana O'Brien', email='ana@example.com', id=42}", `User{name='${NAME}', email='${EMAIL}', id=42}`],
    ["User{id=42, fullName='Ana O'Brien', status='it's fine'}", `User{id=42, fullName='${NAME}', status='it's fine'}`],
    ["User{id=42, name='D’Angelo Souza', email='ana@example.com'}", `User{id=42, name='${NAME}', email='${EMAIL}'}`],
    ['payload: {"user":{"name":"Ana \\"Nana\\" Souza","id":42}}', `payload: {"user":{"name":"${NAME}","id":42}}`],
    ["User(id=42, name='Zoë 🌸 Souza', email='zoe@example.com')", `User(id=42, name='${NAME}', email='${EMAIL}')`],
    ["{ id: 42, user: { name: 'Zoë 🌸 Souza', host: 'db-01.internal' } }", `{ id: 42, user: { name: '${NAME}', host: 'db-01.internal' } }`],
    ["Customer{name='Ana (Nana) Souza', host='db-01.internal'}", `Customer{name='${NAME}', host='db-01.internal'}`],
  ]);

  it("reads emoji and a nickname among a name's words as a person's shape, not a single word or an account's", () => {
    expect(holdsPersonName("Zoë 🌸 Souza")).toBe(true);
    expect(holdsPersonName('Ana "Nana" Souza')).toBe(true);
    expect(holdsPersonName("🌸 Zoë Souza 👩🏽‍💻")).toBe(true);
    expect(holdsPersonName("Zoë 🌸")).toBe(false);
    expect(holdsPersonName("deploy 🚀 bot")).toBe(false);
  });
});

describe("the cost of reading these forms", () => {
  it.each([
    ["an EDN map of many maps", "{:users [", '{:full-name "Ana Souza", :id 42} ', "]}"],
    ["EDN maps after words", "", 'got {:user {:name "Ana Souza"}, :tags #{:a :b}} ', ""],
    ["EDN maps inside reader forms", "{:users [", "{:f #(inc %) :q '{:full-name \"Ana Souza\"} :a #<Atom@1a2b: {:id 1}> #_#_ :x :y :m ^:private @s} ", "]}"],
    ["EDN maps with string keys after words", "", 'params {"username" "ana", "password" "hunter2", "note" "a \\"b\\""} ', ""],
    ["a Swift dump with CRLF lines", "▿ many elements\r\n", '  ▿ main.User\r\n    - full_name: "Ana Souza"\r\n    - id: 42\r\n', ""],
    ["a Swift dump of many values", "▿ many elements\n", '  ▿ main.User\n    - full_name: "Ana Souza"\n    - id: 42\n', ""],
    ["Java toStrings with apostrophes", "", "User{name='Ana O'Brien', note='it's d'accord'} ", ""],
  ])("is linear in the text (%s): twice the text, at most twice the work", (_, prefix, unit, suffix) => {
    const n = 1 << 9;
    const built = (units: number) => prefix + unit.repeat(units) + suffix;
    const small = bodyWork(built(n));
    const large = bodyWork(built(2 * n));
    expect(small.work).toBeGreaterThan(0);
    expect(small.markers).toBeGreaterThan(0);
    expect(large.work).toBeLessThanOrEqual(2 * small.work + 8192);
    expect(large.markers).toBe(2 * small.markers);
  });
});
