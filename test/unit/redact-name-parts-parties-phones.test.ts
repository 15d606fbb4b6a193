/**
 * One member's value, one verdict in every printed form: a part of a name or a whole one under
 * a bare key (`first_name=Maria`, `[first_name] => Maria`), a full name under a bare person's or
 * party's word (`user="Maria Silva"`, `{"from":"Maria Silva"}`, a mailbox's display name as a
 * string's value), the WhatsApp Cloud API's phone fields (`wa_id`, `messages[].from`) and a North
 * American number with its area code in parentheses or its trunk prefix without a phone word, dotted
 * only after a phone's or a contact's word.
 */
import { describe, expect, it } from "vitest";
import type { KeyValue } from "../../workers/shared/otlp/model";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { storedLogAttributes } from "../support/redaction";
import { itKeeps, itStores } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const NAME = "[REDACTED:person_name]";
const PHONE = "[REDACTED:phone]";

const redacted = (text: string): string => redactString(text, policy).text;

/** The log record's sent attributes after redaction, by key (the tally's `redaction.*` left out). */
function redactedAttributes(attributes: Record<string, string>): Record<string, unknown> {
  return storedLogAttributes(Object.entries(attributes).map(([key, stringValue]): KeyValue => ({ key, value: { stringValue } })), policy).values;
}

describe("a part of a name under a bare key, in every printed form", () => {
  itStores("%j", redacted, [
    ["first_name=Maria last_name=Silva", `first_name=${NAME} last_name=${NAME}`],
    ['signup first_name="Maria" last_name="Silva"', `signup first_name="${NAME}" last_name="${NAME}"`],
    ["event='signup' first_name='Maria' last_name='Silva'", `event='signup' first_name='${NAME}' last_name='${NAME}'`],
    ["first_name: Maria", `first_name: ${NAME}`],
    ["user:\n  first_name: Maria\n  last_name: Silva", `user:\n  first_name: ${NAME}\n  last_name: ${NAME}`],
    ["[first_name] => Maria", `[first_name] => ${NAME}`],
    ["signup [user_name] => Ana Silva", `signup [user_name] => ${NAME}`],
    ["user.first_name=Maria user.last_name=Silva", `user.first_name=${NAME} user.last_name=${NAME}`],
    ["customer_first_name=Maria", `customer_first_name=${NAME}`],
    ["surname=Silva sobrenome=Souza", `surname=${NAME} sobrenome=${NAME}`],
    ["full_name=Ana Silva", `full_name=${NAME}`],
    ['{"first_name":"Maria","last_name":"Silva"}', `{"first_name":"${NAME}","last_name":"${NAME}"}`],
    ['Parameters: {"user"=>{"first_name"=>"Maria"}}', `Parameters: {"user"=>{"first_name"=>"${NAME}"}}`],
    ["extra={'first_name': 'Maria', 'last_name': 'Silva'}", `extra={'first_name': '${NAME}', 'last_name': '${NAME}'}`],
    ["{ first_name: 'Maria', last_name: 'Silva' }", `{ first_name: '${NAME}', last_name: '${NAME}' }`],
    ["{FirstName:Maria LastName:Silva}", `{FirstName:${NAME} LastName:${NAME}}`],
  ]);

  it("judges a lifted attribute as the text", () => {
    expect(redactedAttributes({ first_name: "Maria", "user.last_name": "Silva" })).toEqual({ first_name: NAME, "user.last_name": NAME });
  });

  it.each([
    "first_name=42 last_name=null",
    "[first_name] => 42",
    "card holder first_name=Maria",
    "product_display_name=Blue Mug",
  ])("keeps what is no person's part of a name, or leaves it to its own kind: %j", (text) => {
    const out = redacted(text);
    expect(out).not.toContain(NAME);
  });

  itStores("takes an unquoted name's particles and next word, not the next key: %j", redacted, [
    ["first_name=maria gonzalez", `first_name=${NAME}`],
    ["last_name=de la Cruz", `last_name=${NAME}`],
    ["last_name=van der Berg status=ok", `last_name=${NAME} status=ok`],
    ["first_name=maria last_name=gonzalez", `first_name=${NAME} last_name=${NAME}`],
    ["first_name=Maria, last_name=O'Brien.", `first_name=${NAME}, last_name=${NAME}.`],
  ]);

  itKeeps("keeps a validation's, a state's, a type's or a placeholder's word in text: %j", redacted, [
    "first_name=required",
    'first_name="required"',
    "first_name: required",
    "first_name=varchar(255)",
    "first_name: varchar(255)",
    "first_name=too long",
    "given_name=must not be blank",
    "Validation failed: first_name=required, last_name=required",
    "surname=Unknown",
    "firstName: 'Test'",
    "first_name=NOT NULL",
    "first_name=ASC",
    "first_name=DESC",
    "first_name=string",
    "first_name=TEXT",
    "first_name=missing",
    "first_name=invalid",
    "first_name=empty",
    "first_name=System",
    "first_name=indexed",
    '"last_name":"column"',
    "display_name=NOT NULL",
    '"display_name":"too long"',
    'display_name="must not be blank"',
    "full_name=required",
  ]);

  it("judges a part's attribute by the key rule, whole: text and attribute differ on a validation word", () => {
    expect(redactedAttributes({ first_name: "maria gonzalez", last_name: "de la Cruz" })).toEqual({ first_name: NAME, last_name: NAME });
    expect(redactedAttributes({ first_name: "varchar(255)" })).toEqual({ first_name: "varchar(255)" });
  });

  it("leaves a card holder's part of a name to the card holder's kind", () => {
    expect(redacted("card holder first_name=Maria")).toBe("card holder first_name=[REDACTED:card_holder]");
  });
});

describe("a full name under a bare person's or party's word", () => {
  itStores("%j", redacted, [
    ['{"user":"Maria Silva"}', `{"user":"${NAME}"}`],
    ['user="Maria Silva"', `user="${NAME}"`],
    ['level=info msg=login user="Maria Silva"', `level=info msg=login user="${NAME}"`],
    ['Parameters: {"user"=>"Maria Silva"}', `Parameters: {"user"=>"${NAME}"}`],
    ['{"member":"Maria Silva"}', `{"member":"${NAME}"}`],
    ['{"sender":"Maria Silva"}', `{"sender":"${NAME}"}`],
    ['{"client":"Maria Silva"}', `{"client":"${NAME}"}`],
    ['{"from":"Maria Silva"}', `{"from":"${NAME}"}`],
    ['{"username":"Maria Silva"}', `{"username":"${NAME}"}`],
    ["sender: Maria Silva", `sender: ${NAME}`],
    ['{"to":"Maria Silva <maria@example.com>"}', `{"to":"${NAME} <[REDACTED:email]>"}`],
    ['To: "Maria Silva" <maria@example.com>', `To: "${NAME}" <[REDACTED:email]>`],
  ]);

  it("judges lifted attributes as the text", () => {
    expect(redactedAttributes({ user: "Maria Silva", from: "Maria Silva", client: "web" })).toEqual({ user: NAME, from: NAME, client: "web" });
  });

  it.each([
    'user="admin"',
    "user=app",
    'client="Chrome 120"',
    "client=web",
    "sender=noreply",
    "username=jdoe",
    '{"username":"svc-orders","user":"admin"}',
    'from="Acme Corp"',
    '{"from":"Acme Corp","to":"Head Office"}',
    '{"client":"Google Chrome","user":"System Administrator"}',
    "from=2024-01-01 to=2024-02-01",
    '{"from":"Mail Delivery Subsystem <mailer@example.com>"}',
  ])("keeps a login, a program, a company or a range: %j", (text) => {
    expect(redacted(text)).not.toContain(NAME);
  });

  it("keeps a provider's phone field a phone's", () => {
    expect(redactedAttributes({ To: "4158675309" })).toEqual({ To: PHONE });
  });
});

describe("the WhatsApp Cloud API's phone fields", () => {
  it("replaces the contact's wa_id and a message's sender, keeps the message's id", () => {
    const text =
      '{"contacts":[{"profile":{"name":"Maria Silva"},"wa_id":"5511987654321"}],"messages":[{"from":"5511987654321","id":"wamid.HBgNNTUxMTk4NzY1NDMyMRUCABIYFjNFQjBDMEQ2","timestamp":"1700000000","type":"text"}]}';
    expect(redacted(text)).toBe(
      `{"contacts":[{"profile":{"name":"${NAME}"},"wa_id":"${PHONE}"}],"messages":[{"from":"${PHONE}","id":"wamid.HBgNNTUxMTk4NzY1NDMyMRUCABIYFjNFQjBDMEQ2","timestamp":"1700000000","type":"text"}]}`,
    );
  });

  itStores("%j", redacted, [
    ["wa_id=5511987654321", `wa_id=${PHONE}`],
    ['{"statuses":[{"id":"wamid.X1","recipient_id":"5511987654321","status":"delivered"}]}', `{"statuses":[{"id":"wamid.X1","recipient_id":"${PHONE}","status":"delivered"}]}`],
  ]);

  it("judges lifted attributes as the text", () => {
    expect(redactedAttributes({ wa_id: "5511987654321", "messages.from": "5511987654321" })).toEqual({ wa_id: PHONE, "messages.from": PHONE });
  });

  itKeeps("keeps a chat's user id, a range and an id elsewhere: %j", redacted, [
    '{"messages":[{"from":"U024BE7LH","text":"hi"}]}',
    '{"order_id":"5511987654321","from":"2024-01-01"}',
    '{"recipient_id":"5511987654321"}',
  ]);
});

describe("a North American number printed dotted or with its area code in parentheses", () => {
  itStores("%j", redacted, [
    ["call 415.555.0132", `call ${PHONE}`],
    ["phone: 415.555.0132", `phone: ${PHONE}`],
    ["tel 415.555.0132", `tel ${PHONE}`],
    ["contact 212.555.0100", `contact ${PHONE}`],
    ["contact: 415-555-0132", `contact: ${PHONE}`],
    ["call me at (415) 555-0132 or 1-415-555-0132", `call me at ${PHONE} or ${PHONE}`],
    ["reach me at (415) 555-0132", `reach me at ${PHONE}`],
    ["(415)555-0132", PHONE],
    ["+1 415.555.0132", PHONE],
    ['{"msg":"sent","phone":"415.555.0132"}', `{"msg":"sent","phone":"${PHONE}"}`],
  ]);

  itKeeps("keeps versions, dates, addresses, decimals, ids and the grouped form alone: %j", redacted, [
    "version 1.2.3 released 2024.01.15 at 10.0.0.1 took 415.555 ms",
    "sqlalchemy 2.0.31 v415.555.0132 build 100.200.3000 ip 192.168.100.200",
    "order_id=415.555.0132",
    "order 1-800-555-0100",
    "1.415.555.0132.7",
    "lat 415.555.0132e3",
    "415-555-0132",
    "415.555.0132",
    "or 415.555.0132",
    "(123) 456-7890 is no area code",
  ]);

  itKeeps("keeps the dotted shape after a version's, a measure's or an id's word: %j", redacted, [
    "version=628.581.8187",
    "build 212.555.0100",
    "count 522.721.0983",
    "duration=415.555.0132",
    "415.555.0132 ms",
    "checksum 212.555.0199",
    "gauge value 212.555.4567",
    '"version":"415.555.0132"',
  ]);

  it("keeps the dotted shape under attribute keys that name no phone", () => {
    const sent = { "service.version": "415.555.0132", version: "415.555.0132", "server.address": "415.555.0132", path: "415.555.0132" };
    expect(redactedAttributes(sent)).toEqual(sent);
    expect(redactedAttributes({ phone: "415.555.0132" })).toEqual({ phone: PHONE });
  });
});
