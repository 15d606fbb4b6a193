/**
 * Records as programs in other languages print them into a log body (an OTel SDK's or a log
 * bridge's body is the program's own print): Python's dicts and reprs, Go's `%+v`, Java's
 * toString and Lombok's, Ruby's hashes, Elixir's maps, Rust's Debug, .NET Serilog's, PHP's
 * print_r/var_export/var_dump. Their members are judged as the same members in JSON are, and the
 * line stays as it was written: only the values replaced, in the quotes they were written in.
 */
import { describe } from "vitest";
import { defaultRedactionPolicy } from "../../workers/ingest/core/redact";
import { redactedLogBody } from "../support/redaction";
import { itKeeps, itStores } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const NAME = "[REDACTED:person_name]";
const SECRET = "[REDACTED:secret]";

const redactedBody = (body: string): unknown => redactedLogBody(body, policy);

describe("a value replaced in a printed object", () => {
  itStores("keeps the quotes it was written in: %s", redactedBody, [
    [`User { Name: "Jenny Rosen", Password: "hunter2!Pw" }`, `User { Name: "${NAME}", Password: "${SECRET}" }`],
    [`Config { host: "db", password: "hunter2!Pw" }`, `Config { host: "db", password: "${SECRET}" }`],
    ["user { name: `Ana Silva`, password: 'hunter2!Pw' }", `user { name: \`${NAME}\`, password: '${SECRET}' }`],
    [`user { name: 'Ana Silva', password: "it's" }`, `user { name: '${NAME}', password: "${SECRET}" }`],
  ]);
});

describe("PHP's print_r", () => {
  // Read as a record (inspect-text.ts), its members judged as JSON's: `secret`, as `{"password":…}` is.
  itStores("hides a secret member's unquoted value, its name and visibility kept: %j", redactedBody, [
    ["Array\n(\n    [username] => bob\n    [password] => hunter2!Pw\n)\n", `Array\n(\n    [username] => bob\n    [password] => ${SECRET}\n)\n`],
    ["User Object\n(\n    [id] => 42\n    [password:protected] => hunter2!Pw\n)\n", `User Object\n(\n    [id] => 42\n    [password:protected] => ${SECRET}\n)\n`],
    ["App\\User Object\n(\n    [api_token:App\\User:private] => tok_8f2a9c1d7e \n)", `App\\User Object\n(\n    [api_token:App\\User:private] => ${SECRET} \n)`],
  ]);

  itKeeps("keeps what is no secret: %j", redactedBody, [
    "Array\n(\n    [password] => Array\n        (\n            [min_length] => 12\n        )\n\n)\n",
    "Array\n(\n    [password] => ********\n    [password_changed_at] => 2024-01-01 10:00:00\n)\n",
    "Array\n(\n    [total_tokens] => 1234\n    [session_count] => 3\n)\n",
  ]);
});

describe("a password's change (`password_changed`)", () => {
  const PARAM = "[REDACTED:secret_param]";
  itStores("hides a value shaped as a password: %s", redactedBody, [
    ["password_changed: hunter2", `password_changed: ${PARAM}`],
    ["password_changed=hunter2!Pw user=bob", `password_changed=${PARAM} user=bob`],
    ['{"passwordUpdated":"Tr0ub4dor&3"}', '{"passwordUpdated":"[REDACTED:secret]"}'],
  ]);

  itKeeps("keeps a time, a boolean or a count: %s", redactedBody, [
    "password_changed: true",
    "password_changed: 2024-05-01T10:00:00Z",
    "password_changed=3 password_reset: yes passwordUpdated: 1714557600",
    "password_changed: 2d ago, password_set: never",
    '{"password_changed":"2024-05-01T10:00:00.123+02:00","password_updated":false}',
  ]);
});

describe("records printed by other languages", () => {
  const EMAIL = "[REDACTED:email]";
  itStores("has its members judged as JSON's: %j", redactedBody, [
    // Python: a dict, and a class's repr.
    [
      "login failed for {'user': {'name': 'Jenny Rosen', 'password': 'hunter2!Pw'}, 'ok': False, 'n': None}",
      `login failed for {'user': {'name': '${NAME}', 'password': '${SECRET}'}, 'ok': False, 'n': None}`,
    ],
    [
      "Customer(name='Jenny Rosen', email='jr@example.com', id=42)",
      `Customer(name='${NAME}', email='${EMAIL}', id=42)`,
    ],
    // Go's %+v: unquoted values, members apart by a blank; a pointer's `&{`.
    [
      "user: {Name:Jenny Rosen Password:hunter2!Pw Email:jr@example.com Age:42}",
      `user: {Name:${NAME} Password:${SECRET} Email:${EMAIL} Age:42}`,
    ],
    ["cfg=&{Host:db.internal Port:5432 Password:hunter2!Pw}", `cfg=&{Host:db.internal Port:5432 Password:${SECRET}}`],
    // Java: toString, Lombok's, a Map's.
    ["User{id=42, name='Jenny Rosen', password='hunter2!Pw'}", `User{id=42, name='${NAME}', password='${SECRET}'}`],
    ["User(id=42, name=Jenny Rosen, password=hunter2!Pw, active=true)", `User(id=42, name=${NAME}, password=${SECRET}, active=true)`],
    ["MDC {user=bob, password=hunter2!Pw}", `MDC {user=bob, password=${SECRET}}`],
    // Ruby: string keys, symbols, Ruby 3.4's spacing.
    ['params: {"user"=>{"name"=>"Jenny Rosen", "password"=>"hunter2!Pw"}}', `params: {"user"=>{"name"=>"${NAME}", "password"=>"${SECRET}"}}`],
    ['{:password=>"hunter2!Pw", :first_name=>"Jenny", :admin=>nil}', `{:password=>"${SECRET}", :first_name=>"${NAME}", :admin=>nil}`],
    ['{"first_name" => "Jenny", last_name: "Rosen"}', `{"first_name" => "${NAME}", last_name: "${NAME}"}`],
    // Elixir: a struct and a map.
    ['%User{name: "Jenny Rosen", password: "hunter2!Pw"}', `%User{name: "${NAME}", password: "${SECRET}"}`],
    ['user: %{"first_name" => "Jenny"}', `user: %{"first_name" => "${NAME}"}`],
    // Rust's Debug, Serilog's.
    ['Customer { name: "Jenny Rosen", id: 7 }', `Customer { name: "${NAME}", id: 7 }`],
    // PHP's var_export.
    ["array (\n  'user' => \n  array (\n    'first_name' => 'Jenny',\n    'password' => 'hunter2!Pw',\n  ),\n)", `array (\n  'user' => \n  array (\n    'first_name' => '${NAME}',\n    'password' => '${SECRET}',\n  ),\n)`],
  ]);

  itKeeps("keeps what no key names as a person's or a secret: %s", redactedBody, [
    "Config { host: \"db.internal\", port: 5432, name: \"checkout\" }",
    "%{name: \"nightly\", version: \"1.4.2\"}",
    "Service{name='checkout', host='10.0.0.4', version=1.2.3}",
    "Product(id=42, name=Blue Widget, price=12.5)",
    "{Host:db.internal Port:5432 Name:orders}",
    "{:service=>\"checkout\", :region=>\"us-east-1\"}",
    "call f(x=1, y=2) returned {'status': 'ok', 'id': 'u-42'}",
    "render {id} of {items} in (a=b)",
    "map[string]int{\"a\": 1}",
  ]);
});

describe("a number written with a leading zero in a printed record", () => {
  // A language prints an int without a leading zero, so `007` was text (an id, a month, a code);
  // read as a JSON number it made the whole request fail.
  itStores("is kept as written and its siblings are judged: %s", redactedBody, [
    ["Item{id=007, name=x}", "Item{id=007, name=x}"],
    ["{A:007 B:2}", "{A:007 B:2}"],
    ["{ id: 007 }", "{ id: 007 }"],
    ["Date{month=07, password=hunter2!Pw}", `Date{month=07, password=${SECRET}}`],
    ["{ id: -00.5, password: 'hunter2!Pw' }", `{ id: -00.5, password: '${SECRET}' }`],
    ["Item(id=007, email=jenny@example.com)", "Item(id=007, email=[REDACTED:email])"],
  ]);
});
