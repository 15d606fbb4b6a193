/**
 * The label a log line writes before JSON (`user {…}`, `user: {…}`, `user={…}`, `user -> {…}`,
 * `users [{…},{…}]`) is the object's parent key: each member gets the verdict it gets under that
 * key in the same JSON sent whole (`user.name` is a person's login, `service.name` a service's).
 * The person-name key rule reads a key's words as a name (`name`, `full name`, `display name`)
 * and whose it is (`user`, `enduser`, `customer`, `owner`), in keys and in prose fields
 * (`user.name=ana.silva`), and a list of secrets' names under a credential's key (a Worker's
 * secret bindings) is no secret.
 */
import { describe, expect, it } from "vitest";
import type { AnyValue, KeyValue, LogRecord } from "../../workers/shared/otlp/model";
import { DEFAULT_NORMALIZATION_OPTIONS, normalizeLogsRequest } from "../../workers/ingest/core/normalize";
import { defaultRedactionPolicy, redactRequest, redactString } from "../../workers/ingest/core/redact";
import { DEFAULT_REQUEST_LIMITS } from "../../workers/ingest/core/limits";
import { formatConsoleArguments } from "../../workers/tail/console-format";
import { logRecord, logsRequest } from "../support/model-builders";
import { redactionPolicy, storedLogAttributes } from "../support/redaction";
import { itKeeps, itStores } from "../support/redaction-cases";

const NAME = "[REDACTED:person_name]";
const policy = defaultRedactionPolicy();
const text = (value: AnyValue | undefined): string => (value as { stringValue: string }).stringValue;

/** A log record with `body` after the ingest's normalization (JSON bodies lifted) and redaction. */
function storedRecord(body: string): LogRecord {
  const record: LogRecord = logRecord({ timeUnixNano: "1796000000000000000", body: { stringValue: body } });
  const request = logsRequest([record]);
  normalizeLogsRequest(request, DEFAULT_NORMALIZATION_OPTIONS, DEFAULT_REQUEST_LIMITS);
  redactRequest("logs", request, policy);
  return record;
}

/** A log record's Body after the ingest's normalization and redaction. */
function storedBody(body: string): string {
  return text(storedRecord(body).body);
}

/** A log record's string attributes after redaction, by key. */
function redactedAttributes(attributes: Record<string, string>): Record<string, unknown> {
  return storedLogAttributes(Object.entries(attributes).map(([key, stringValue]): KeyValue => ({ key, value: { stringValue } }))).values;
}

describe("a label before JSON in a log line names the object's owner", () => {
  it.each([
    ["a Worker's console.log('user', obj)", formatConsoleArguments(["user", { name: "Ana Silva", email: "ana@example.com" }]), `user {"name":"${NAME}","email":"[REDACTED:email]"}`],
    ["a customer", 'customer {"name":"Ana Silva"}', `customer {"name":"${NAME}"}`],
    ["an owner", 'owner {"name":"Ana Silva","plan":"pro"}', `owner {"name":"${NAME}","plan":"pro"}`],
    ["after `=`", 'user={"name":"Ana Silva"}', `user={"name":"${NAME}"}`],
    ["after `->`", 'user -> {"name":"Ana Silva"}', `user -> {"name":"${NAME}"}`],
    ["after `=>`", 'user => {"name":"Ana Silva"}', `user => {"name":"${NAME}"}`],
    ["after `:`", 'user: {"name":"Ana Silva"}', `user: {"name":"${NAME}"}`],
    ["in the middle of a line", 'login ok user {"fullName":"Ana Silva"} from edge', `login ok user {"fullName":"${NAME}"} from edge`],
    ["an array's items", 'users [{"name":"Ana Silva"},{"name":"Bruno Costa"}]', `users [{"name":"${NAME}"},{"name":"${NAME}"}]`],
    ["an array's later item, blanks between", 'users: [{"id":1} , {"name":"Bruno Costa"}]', `users: [{"id":1} , {"name":"${NAME}"}]`],
    ["JSON printed with its escapes", 'user {\\"name\\":\\"Ana Silva\\"}', `user {\\"name\\":\\"${NAME}\\"}`],
    ["a pino line's message (`user %j`)", JSON.stringify({ level: 30, msg: 'user {"name":"Ana Silva"}' }), `user {"name":"${NAME}"}`],
  ])("%s", (_, line, expected) => {
    expect(storedBody(line)).toBe(expected);
  });

  it("the label holds for its own object or array only", () => {
    expect(storedBody('users [{"name":"Ana Silva"}] job {"name":"nightly-sync"} {"name":"cart"}')).toBe(
      `users [{"name":"${NAME}"}] job {"name":"nightly-sync"} {"name":"cart"}`,
    );
  });

  it.each([
    ["a service", 'service {"name":"checkout"}'],
    ["a job", 'job {"name":"nightly-sync"}'],
    ["a queue", 'queue {"name":"orders"}'],
    ["a route", 'route {"name":"GET /v1/users"}'],
    ["a user's id and plan", 'user {"id":42,"plan":"pro"}'],
    ["a Worker's bindings", 'bindings {"kv":["CACHE"]}'],
    ["a service account as the user", 'user {"name":"ci-bot"}'],
    ["a user name spelled in words", "the user name field is required"],
    ["a name after a verb", 'loaded {"name":"Ana Silva"}'],
    ["services' names in an array", 'services [{"name":"checkout"},{"name":"cart"}]'],
    ["a name after a number", 'took 12 {"name":"Ana Silva"}'],
  ])("keeps %s", (_, line) => {
    expect(storedBody(line)).toBe(line);
  });
});

describe("person-name keys: a name's words and whose it is", () => {
  it.each([
    "enduser.full_name", "enduser.name", "customer.name", "customer.full_name", "user.display_name", "userName", "user_name",
    "fullName", "displayName", "full_name", "owner.name", "users.name", "endUser.fullName", "customers.displayName",
  ])("%s is a person's name", (key) => {
    expect(redactedAttributes({ [key]: "Ana Silva" })[key]).toBe(NAME);
  });

  it.each(["name", "service.name", "job.name", "queue.name", "repository.full_name", "service.display_name", "user.id"])(
    "%s stays",
    (key) => {
      expect(redactedAttributes({ [key]: "Ana Silva" })[key]).toBe("Ana Silva");
    },
  );

  // A bare `username` holds a service's credential user as often: only a full name's shape is a person's there.
  it("username holds a person's full name, or an account that stays", () => {
    expect(redactedAttributes({ username: "Ana Silva", "db.username": "svc-orders" })).toEqual({ username: NAME, "db.username": "svc-orders" });
  });
});

describe("a list of secrets' names under a credential's key", () => {
  const bindings = '{"secrets":["STRIPE_KEY","DB_URL","API_V2_KEY"],"kv":["CACHE"]}';

  it.each([
    ["after a label", `bindings ${bindings}`],
    ["as the whole Body", bindings],
  ])("stays %s", (_, line) => {
    expect(storedBody(line)).toBe(line);
  });

  it("stays as an attribute holding the list's JSON text, and in a request body", () => {
    expect(redactedAttributes({ secrets: '["STRIPE_KEY","DB_URL"]', "http.request.body": bindings })).toEqual({
      secrets: '["STRIPE_KEY","DB_URL"]',
      "http.request.body": bindings,
    });
  });

  it.each([
    ["a live key among the names", '{"secrets":["STRIPE_KEY","sk_live_51H8xYzAbCdEfGhIjKlMnOpQr"]}'],
    ["an access key id", '{"secrets":["AKIAIOSFODNN7EXAMPLE"]}'],
    ["a base32 one-time-password seed", '{"secrets":["JBSWYDPEHPKPXPAB"]}'],
    ["a lower-case value", '{"secrets":["hunter2"]}'],
  ])("goes when it holds %s", (_, body) => {
    expect(storedBody(`bindings ${body}`)).toBe('bindings {"secrets":"[REDACTED:secret]"}');
  });

  it.each(["secret_names", "secretNames"])("stays under %s, and names with digits after a word's letters stay", (key) => {
    const body = `{"${key}":["OAUTH2_SECRET","S3_KEY"]}`;
    expect(storedBody(`bindings ${body}`)).toBe(`bindings ${body}`);
  });

  it.each([
    ["passwords", "ADMIN123"],
    ["api_keys", "WINTER2024"],
    ["passwords", "HUNTER_TWO"],
    ["tokens", "GHPABCDEFGHIJKL"],
    ["secret", "HUNTERTWO"],
  ])("an upper-case list under %s holds the values: %s goes, in the Body and the lifted attribute", (key, value) => {
    const record = storedRecord(`{"${key}":["${value}"]}`);
    expect(JSON.stringify([record.body, record.attributes])).not.toContain(value);
  });

  it("an attribute secrets holding a value mixing letters and digits inside a word goes", () => {
    expect(redactedAttributes({ secrets: '["P4SSW0RD_2024"]' })).toEqual({ secrets: "[REDACTED:secret]" });
  });
});

describe("an upper snake value in YAML and GraphQL is a name only without digits inside a word", () => {
  itStores("%s", (line) => redactString(line, policy).text, [
    ["secrets:\n  db: P4SSW0RD_2024", "secrets:\n  db: [REDACTED:secret_param]"],
    ["password:\n  TR0UB4DOR_AND_THREE", "password:\n  [REDACTED:secret_param]"],
    ['mutation { setPasswords(passwords: ["P4SSW0RD_2024"]) { ok } }', 'mutation { setPasswords(passwords: ["[REDACTED:secret_param]"]) { ok } }'],
  ]);

  itKeeps("%s stays", (line) => redactString(line, policy).text, ["secrets:\n  - STRIPE_KEY\n  - OAUTH2_SECRET\n  - S3_KEY", 'secrets: ["STRIPE_KEY", "API_V2_KEY"]']);
});

describe("a person-name field written in prose", () => {
  const redacted = (line: string): string => redactString(line, policy).text;

  it.each([
    ["a logfmt login", "login ok user.name=ana.silva from 10.0.0.4", `login ok user.name=${NAME} from 10.0.0.4`],
    ["a camel-case field before words", 'userName: "Ana Silva" signed in', `userName: "${NAME}" signed in`],
    ["a customer's quoted full name", 'customer_full_name="Ana Silva" total=10', `customer_full_name="${NAME}" total=10`],
    ["a process's owner", "started process.owner=ana.silva pid=42", `started process.owner=${NAME} pid=42`],
    ["an unquoted name of two words", "user.name=Ana Silva logged in", `user.name=${NAME} logged in`],
    // A part of a name or a whole one needs no word saying whose: its bare JSON member is replaced too.
    ["a full name with no word saying whose", "signup full_name=Ana", `signup full_name=${NAME}`],
    ["a first name with no word saying whose", "signup first_name=Maria", `signup first_name=${NAME}`],
  ])("%s", (_, line, expected) => {
    expect(redacted(line)).toBe(expected);
  });

  it.each([
    ["a service account", "deploy ok user.name=ci-bot"],
    ["a service's name", "service.name=checkout"],
    ["an id", "user.name=42"],
    ["a sentence naming the field", "the user name field is required"],
    ["a bare name", "name=Ana"],
    ["anonymous", 'userName: "anonymous"'],
  ])("keeps %s", (_, line) => {
    expect(redacted(line)).toBe(line);
  });

  it("a JSON member the key rules kept by its path stays in the scan after them", () => {
    expect(storedBody('{"repository":{"fullName":"octo-org/hello"},"fullName":"Ana Silva"}')).toBe(
      `{"repository":{"fullName":"octo-org/hello"},"fullName":"${NAME}"}`,
    );
    const keeping = redactionPolicy({ keepKeys: ["userName", "holderName"] });
    for (const body of ['{"userName":"Ana Silva"}', '{"holderName":"JOAO SILVA"}', '{"a":"{\\"userName\\":\\"Ana Silva\\"}"}']) {
      const record = logRecord({ body: { stringValue: body } });
      redactRequest("logs", logsRequest([record]), keeping);
      expect(text(record.body)).toBe(body);
    }
  });

  it("turned off with the kind person_name", () => {
    const off = redactionPolicy({ disabledDetectors: ["person_name"] });
    expect(redactString("login ok user.name=ana.silva", off).text).toBe("login ok user.name=ana.silva");
  });
});
