/**
 * The same key and value printed by any common language is ruled as it would be in JSON: a
 * survey of each language's usual prints of a record (Go's `%v`/`%+v`/`%#v`, PHP's print_r,
 * var_dump and var_export, Java's records, toString and ToStringBuilder, Kotlin's data classes,
 * C#'s records and anonymous types, Ruby's inspect, ActiveRecord, Struct and Data, Python's dicts,
 * reprs and namespaces, Elixir's maps, structs, keyword lists and derived Inspect, Rust's Debug,
 * Swift's print) holding a person's name, an e-mail address, a phone, a password or token and a
 * street; and the same prints of what must stay (ids, hosts, servers' addresses, statuses,
 * companies, services). Each output is pinned: only the values replaced, in the quotes they were
 * written in, the rest as written.
 */
import { describe } from "vitest";
import { defaultRedactionPolicy } from "../../workers/ingest/core/redact";
import { redactedLogBody } from "../support/redaction";
import { itKeeps, itStores } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const NAME = "[REDACTED:person_name]";
const EMAIL = "[REDACTED:email]";
const PHONE = "[REDACTED:phone]";
const SECRET = "[REDACTED:secret]";
const STREET = "[REDACTED:street_address]";

const redactedBody = (body: string): unknown => redactedLogBody(body, policy);

describe("a trial with real senders: a person's name left in a printed record", () => {
  itStores("%j", redactedBody, [
    ["map[user_name:Ana Silva email:ana@example.com]", `map[user_name:${NAME} email:${EMAIL}]`],
    [
      'array(2) {\n  ["user_name"]=>\n  string(9) "Ana Silva"\n  ["id"]=>\n  int(42)\n}',
      `array(2) {\n  ["user_name"]=>\n  string(9) "${NAME}"\n  ["id"]=>\n  int(42)\n}`,
    ],
    ["array (\n  'user_name' => 'Ana Silva',\n)", `array (\n  'user_name' => '${NAME}',\n)`],
    ["'user_name' => 'Ana Silva',", `'user_name' => '${NAME}',`],
    ["Customer[fullName=Ana Silva, id=42]", `Customer[fullName=${NAME}, id=42]`],
    ['#<User id: 7, name: "Ana Silva", email: "ana@example.com">', `#<User id: 7, name: "${NAME}", email: "${EMAIL}">`],
    ["User { Name = Ana Silva, Id = 42 }", `User { Name = ${NAME}, Id = 42 }`],
  ]);

  // `user` holding a full name is ruled alike in JSON and in a printed record: replaced in every
  // form (a bare `user` holds an account or a service's user as often, so only a full name's
  // shape is a name there: `namesPersonParty`).
  itStores("a bare `user` holding a full name is replaced as JSON replaces it: %s", redactedBody, [
    ["{'user': 'Ana Silva'}", `{'user': '${NAME}'}`],
    ['{"user": "Ana Silva"}', `{"user": "${NAME}"}`],
    ['{"user":"Ana Silva"}', `{"user":"${NAME}"}`],
    ["{user=Ana Silva}", `{user=${NAME}}`],
    ["map[user:Ana Silva]", `map[user:${NAME}]`],
  ]);
  itKeeps("a bare `user` holding an account is kept in every form: %s", redactedBody, ["{'user': 'app'}", '{"user":"admin"}', "{user=svc-orders}", "map[user:root]"]);
});

describe("Go", () => {
  itStores("%j", redactedBody, [
    // %+v of a struct, a pointer and a nested struct.
    [
      "{Name:Ana Silva Email:ana@example.com Phone:+1 415 555 0132 Password:hunter2!Pw ID:42}",
      `{Name:${NAME} Email:${EMAIL} Phone:${PHONE} Password:${SECRET} ID:42}`,
    ],
    [
      "&{Name:Ana Silva Address:{Street:221 Baker Street City:London} Token:ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa}",
      `&{Name:${NAME} Address:{Street:${STREET} City:London} Token:${SECRET}}`,
    ],
    // %#v.
    [
      'main.User{Name:"Ana Silva", Email:"ana@example.com", Password:"hunter2!Pw", ID:42}',
      `main.User{Name:"${NAME}", Email:"${EMAIL}", Password:"${SECRET}", ID:42}`,
    ],
    // %v of maps: a label before `map[` names it, a map in a map is its member's.
    ["map[full_name:Ana Silva password:hunter2!Pw phone:+1 415 555 0132]", `map[full_name:${NAME} password:${SECRET} phone:${PHONE}]`],
    ["user=map[name:Ana Silva id:42]", `user=map[name:${NAME} id:42]`],
    ["map[customer:map[name:Ana Silva]]", `map[customer:map[name:${NAME}]]`],
  ]);

  itStores("a capitalized field glued to a value holding `:` is the field's, no key's namespace: %j", redactedBody, [
    // A %+v line cut short: the field's value runs to the end of the blank-free run.
    ["{Password:a:{Password:a:", "{Password:[REDACTED:secret_param]"],
    ["{Password:a:b}", `{Password:${SECRET}}`],
    ["login Password:a:b", "login Password:[REDACTED:secret_param]"],
  ]);

  itKeeps("a key's namespace in lower case, or a Redis command's key, stays: %s", redactedBody, ["DEL password:reset:ana", "GET Password:reset:ana", "evicted session:cart:items"]);
});

describe("PHP", () => {
  itStores("%j", redactedBody, [
    [
      "Array\n(\n    [user_name] => Ana Silva\n    [email] => ana@example.com\n    [phone] => +1 415 555 0132\n)\n",
      `Array\n(\n    [user_name] => ${NAME}\n    [email] => ${EMAIL}\n    [phone] => ${PHONE}\n)\n`,
    ],
    // print_r's list of rows: its items share the label's path (`users.name`), as a JSON array's do.
    [
      "users: Array\n(\n    [0] => Array\n        (\n            [name] => Ana Silva\n        )\n\n)\n",
      `users: Array\n(\n    [0] => Array\n        (\n            [name] => ${NAME}\n        )\n\n)\n`,
    ],
    [
      'object(User)#1 (2) {\n  ["name"]=>\n  string(9) "Ana Silva"\n  ["password":protected]=>\n  string(10) "hunter2!Pw"\n}',
      `object(User)#1 (2) {\n  ["name"]=>\n  string(9) "${NAME}"\n  ["password":protected]=>\n  string(10) "${SECRET}"\n}`,
    ],
    [
      'users=array(1) {\n  [0]=>\n  array(1) {\n    ["name"]=>\n    string(9) "Ana Silva"\n  }\n}',
      `users=array(1) {\n  [0]=>\n  array(1) {\n    ["name"]=>\n    string(9) "${NAME}"\n  }\n}`,
    ],
    // A var_dump of every type; a length that is no UTF-8 count (a Latin-1 string) ends at the line's last quote.
    [
      'object(App\\Models\\Customer)#12 (5) {\n  ["fullName":protected]=>\n  string(9) "Ana Silvá"\n  ["active"]=>\n  bool(true)\n  ["score"]=>\n  float(1.5)\n  ["meta"]=>\n  NULL\n  ["suit"]=>\n  enum(Suit::Hearts)\n}',
      `object(App\\Models\\Customer)#12 (5) {\n  ["fullName":protected]=>\n  string(9) "${NAME}"\n  ["active"]=>\n  bool(true)\n  ["score"]=>\n  float(1.5)\n  ["meta"]=>\n  NULL\n  ["suit"]=>\n  enum(Suit::Hearts)\n}`,
    ],
    ["'customer_name' => \"Ana Silva\"", `'customer_name' => "${NAME}"`],
    ["'billing_street' => '221 Baker Street',", `'billing_street' => '${STREET}',`],
  ]);
});

describe("Java, Kotlin and C#", () => {
  itStores("%j", redactedBody, [
    [
      "Customer[fullName=Ana Silva, email=ana@example.com, phone=+1 415 555 0132, password=hunter2!Pw]",
      `Customer[fullName=${NAME}, email=${EMAIL}, phone=${PHONE}, password=${SECRET}]`,
    ],
    // Apache's ToStringBuilder: the class's identity hash before the members.
    ["com.acme.User@1b6d3586[name=Ana Silva,password=hunter2!Pw]", `com.acme.User@1b6d3586[name=${NAME},password=${SECRET}]`],
    // Guava's toStringHelper, a Kotlin data class.
    ["User{name=Ana Silva, email=ana@example.com}", `User{name=${NAME}, email=${EMAIL}}`],
    ["User(name=Ana Silva, email=ana@example.com, password=hunter2!Pw)", `User(name=${NAME}, email=${EMAIL}, password=${SECRET})`],
    ["Customer{firstName=Ana, lastName=Silva, street=221 Baker Street}", `Customer{firstName=${NAME}, lastName=${NAME}, street=${STREET}}`],
    // C#'s records and anonymous types.
    [
      "Customer { FullName = Ana Silva, Email = ana@example.com, Phone = +1 415 555 0132 }",
      `Customer { FullName = ${NAME}, Email = ${EMAIL}, Phone = ${PHONE} }`,
    ],
    ["{ Name = Ana Silva, Password = hunter2!Pw }", `{ Name = Ana Silva, Password = ${SECRET} }`],
  ]);
});

describe("Ruby, Python, Elixir, Rust and Swift", () => {
  itStores("%j", redactedBody, [
    [
      '#<User:0x000055d5c1 @name="Ana Silva", @email="ana@example.com", @password="hunter2!Pw">',
      `#<User:0x000055d5c1 @name="${NAME}", @email="${EMAIL}", @password="${SECRET}">`,
    ],
    ['#<struct User name="Ana Silva", email="ana@example.com">', `#<struct User name="${NAME}", email="${EMAIL}">`],
    ['#<data User name="Ana Silva", password="hunter2!Pw">', `#<data User name="${NAME}", password="${SECRET}">`],
    ['#<User id: 7, address: #<Address street: "221 Baker Street", city: "London">>', `#<User id: 7, address: #<Address street: "${STREET}", city: "London">>`],
    ["namespace(full_name='Ana Silva', password='hunter2!Pw')", `namespace(full_name='${NAME}', password='${SECRET}')`],
    ["Address(street='221 Baker Street', city='London')", `Address(street='${STREET}', city='London')`],
    ['[first_name: "Ana", last_name: "Silva"]', `[first_name: "${NAME}", last_name: "${NAME}"]`],
    ['[name: "Ana Silva", password: "hunter2!Pw"]', `[name: "Ana Silva", password: "${SECRET}"]`],
    ['#User<name: "Ana Silva", ...>', `#User<name: "${NAME}", ...>`],
    ['User {\n    name: "Ana Silva",\n    password: "hunter2!Pw",\n}', `User {\n    name: "${NAME}",\n    password: "${SECRET}",\n}`],
    ['User(fullName: "Ana Silva", password: "hunter2!Pw")', `User(fullName: "${NAME}", password: "${SECRET}")`],
    ['["full_name": "Ana Silva"]', `["full_name": "${NAME}"]`],
    // Swift's optional and Rust's `Some`: the value inside is the member's.
    ['User(name: Optional("Ana Silva"), id: 42)', `User(name: Optional("${NAME}"), id: 42)`],
    ['User { name: "Ana Silva", email: Some("ana@example.com") }', `User { name: "${NAME}", email: Some("${EMAIL}") }`],
  ]);
});

describe("what must survive, printed by each language", () => {
  itKeeps("%j", redactedBody, [
    "{Host:db.internal Port:5432 Status:active Company:Acme Corp Service:checkout ID:u-42 IP:10.0.0.4}",
    "map[host:db.internal status:active service:checkout id:42 server_ip:10.0.0.4 company:Acme Corp]",
    "Service[name=checkout, host=10.0.0.4, status=ACTIVE]",
    "Server { Name = api-gateway, Host = 10.0.0.4, Status = Running }",
    '#<Server id: 7, name: "checkout", host: "db.internal", status: "active">',
    "Company(name='Acme Corp', id=42)",
    '%Service{name: "checkout", host: "10.0.0.4"}',
    '[name: "checkout", status: :ok]',
    'array(2) {\n  ["company"]=>\n  string(9) "Acme Corp"\n  ["status"]=>\n  string(6) "active"\n}',
    "Array\n(\n    [service] => checkout\n    [host] => 10.0.0.4\n)\n",
    "Order(id=7, status=SHIPPED, customer=Acme Corp)",
    'Server(name: "api-gateway", host: "10.0.0.4")',
    // Brackets and angles that are no record: log fields, our markers, tags, GraphQL's arguments.
    "[INFO] [pid:42] [req:abc123] GET /items/7 200",
    "user [REDACTED:email] token=[REDACTED:secret_param] Bearer [REDACTED:bearer]",
    "<b>name: Ana</b> #<none>",
    "query($v: String){ a(password: $v) }",
  ]);
});
