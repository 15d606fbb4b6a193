/**
 * A person's full name in free text after a word saying a person follows, judged by "removes
 * personal data and nothing else": after a party's or a role's word in prose, after an honorific
 * title, as a distinguished name's common name, under a bare `name` key, and drawn as a
 * traceback's value under a person's variable. Only the name goes (the word, the title, the
 * DN's other parts and the quotes stay); logins, programs, companies, places, certificates'
 * hosts and groups after the same words stay.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { expectUnchanged, storedLogAttribute } from "../support/redaction";

const policy = defaultRedactionPolicy();
const NAME = "[REDACTED:person_name]";

/** `text` is stored as `expected`, each marker counted as a person's name. */
function expectNames(text: string, expected: string): void {
  const count = expected.split(NAME).length - 1;
  expect(redactString(text, policy)).toEqual({ text: expected, counts: { person_name: count } });
}

describe("a full name after a party's or a role's word in prose", () => {
  it.each([
    ["login failed for user Maria Gonzalez", `login failed for user ${NAME}`],
    ["order 123 shipped to client Jane Doe", `order 123 shipped to client ${NAME}`],
    ["transfer from Alice Cooper to Bob Marley", `transfer from ${NAME} to ${NAME}`],
    ["assigned to customer John Smith", `assigned to customer ${NAME}`],
    ["invited by member Priya Patel", `invited by member ${NAME}`],
    ["ticket approved by Ana Souza at 10:02", `ticket approved by ${NAME} at 10:02`],
    ["User Maria da Silva logged in", `User ${NAME} logged in`],
    ["login failed for user Maria Gonzalez.", `login failed for user ${NAME}.`],
    ["cliente José García sin saldo", `cliente ${NAME} sin saldo`],
  ])("%s", (text, expected) => expectNames(text, expected));

  it.each([
    "login failed for user Admin",
    "login failed for user root",
    // Two capitalised words no given name leads: an account's label, kept (decisions: "full names in prose").
    "login failed for user Service Account",
    "client Chrome Mobile 120 connected",
    "customer Acme Corp upgraded",
    "flight from New York to San Francisco",
    "order shipped to client Amazon Web Services",
    "client Google Chrome",
    "job started by user Jenkins Agent",
    "request from Internet Explorer",
    "message from Maria Support Team",
    "migrated from Maria Db",
    "user Maria ran the job",
    "train from Victoria Station to Elizabeth Line",
  ])("keeps %s", (text) => expectUnchanged(text));
});

describe("a name after an honorific title", () => {
  it.each([
    ["Dr. Marie Dupont signed the report", `Dr. ${NAME} signed the report`],
    ["Mr John Smith", `Mr ${NAME}`],
    ["Mrs. O'Brien called", `Mrs. ${NAME} called`],
    ["Ms Anna Kowalska", `Ms ${NAME}`],
    ["Prof. Hans Müller", `Prof. ${NAME}`],
    ["Sr. José García", `Sr. ${NAME}`],
    ["Prof. Dr. Hans Müller", `Prof. Dr. ${NAME}`],
    ["appointment with Frau Schröder", `appointment with Frau ${NAME}`],
  ])("%s", (text, expected) => expectNames(text, expected));

  it.each([
    "Dr. Watson postmortem debugger attached",
    // A show's and a character's name, no one's to hide (decisions: "full names in prose").
    "Mr. Robot",
    "Sr. Software Engineer",
    "Dear Mr. President",
    "Mr. President",
    "cache Miss Ratio 0.3",
    "Ms Excel crashed",
  ])("keeps %s", (text) => expectUnchanged(text));

  it("reads a street's `Dr.` after its name as no title", () => {
    expect(redactString("take exit onto Mulholland Dr. Springfield is next", policy)).toEqual({ text: "take exit onto Mulholland Dr. Springfield is next", counts: {} });
  });
});

describe("a distinguished name's common name", () => {
  it.each([
    ["CN=John Smith,OU=Sales,DC=corp,DC=example", `CN=${NAME},OU=Sales,DC=corp,DC=example`],
    ["bind as CN=Smith\\, John,OU=Users,DC=corp", `bind as CN=${NAME},OU=Users,DC=corp`],
    ["client cert subject=/C=US/O=Acme/CN=Maria Gonzalez", `client cert subject=/C=US/O=Acme/CN=${NAME}`],
    ["subject: C = US, CN = Maria Gonzalez", `subject: C = US, CN = ${NAME}`],
  ])("%s", (text, expected) => expectNames(text, expected));

  it.each([
    "issuer: CN=DigiCert Global Root CA,OU=www.digicert.com,O=DigiCert Inc,C=US",
    "issuer=C=US, O=Let's Encrypt, CN=R3",
    "CN=Let's Encrypt",
    "CN=localhost",
    "subject: CN=*.example.com",
    "CN=svc-backup,OU=Service Accounts,DC=corp,DC=example",
    "CN=Users,DC=corp,DC=example",
    "member of CN=Domain Admins,CN=Users,DC=corp,DC=example",
    "CN=Amazon RSA 2048 M02,O=Amazon,C=US",
  ])("keeps %s", (text) => expectUnchanged(text));
});

describe("a bare `name` key", () => {
  it.each([
    ["name=John Smith", `name=${NAME}`],
    ["signup ok name=John Smith plan=pro", `signup ok name=${NAME} plan=pro`],
    ['full_name: "John Smith"', `full_name: "${NAME}"`],
    ["full_name=John Smith", `full_name=${NAME}`],
    ["display_name=John Smith status=active", `display_name=${NAME} status=active`],
  ])("%s", (text, expected) => expectNames(text, expected));

  // A printed record's own `name` is its label, whose type or siblings say whose it is: kept
  // without one in every printed form, as the key rule keeps it (decisions: "full names in prose").
  it.each([
    'name: "John Smith"',
    "{name: 'John Smith', plan: 'pro'}",
    "Item(id=1, name=John Smith)",
    "[name] => John Smith",
  ])("keeps a printed record's %s", (text) => expectUnchanged(text));

  it("not a structured record's own `name`, whose siblings say whose it is", () => {
    expect(storedLogAttribute("name", { stringValue: "John Smith" })).toEqual({ stringValue: "John Smith" });
    expect(storedLogAttribute("service.name", { stringValue: "John Smith" })).toEqual({ stringValue: "John Smith" });
    expect(storedLogAttribute("name", { stringValue: "login failed for user Maria Gonzalez" })).toEqual({ stringValue: `login failed for user ${NAME}` });
  });

  it.each([
    "name=Content Type",
    "name=checkout",
    'name: "Jenkins Agent"',
    "service.name=John Smith",
    '{"name":"John Smith","plan":"pro"}',
    '{"object":"product","id":"prod_123","name":"Jenny Rosen"}',
  ])("keeps %s", (text) => expectUnchanged(text));
});

describe("loguru's drawn value under a person's variable", () => {
  const drawn = (name: string, value: string) =>
    [`    greet(${name})`, `    │     └ ${value}`, "    └ <function greet at 0x7f28ff234d60>"].join("\n");

  it.each(["user", "customer", "name", "full_name"])("under %s", (name) => {
    expectNames(drawn(name, "'Maria Gonzalez'"), drawn(name, `'${NAME}'`));
  });

  it.each([
    ["user", "'maria'"],
    ["user", "<User 42>"],
    ["name", "'checkout'"],
    ["order", "'Maria Gonzalez'"],
  ])("keeps %s over %s", (name, value) => expectUnchanged(drawn(name, value)));
});
