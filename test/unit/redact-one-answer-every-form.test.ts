/**
 * One answer for a member's name in every printed form: the key rules decide from a name whether
 * its value is an id to keep, a secret, or data the text detectors judge, and that decision is
 * the same whether the member arrives as an attribute, a JSON body, logfmt, a query string,
 * util.inspect, PHP's print_r and var_export, a Ruby hash, a Python dict or repr, Go's `%v` of a
 * map, Rust's Debug or a YAML-like `name: value` line. A card-shaped number under an id's name
 * (`order_id`, `sku`, `Order::Id`) or a measure's (`bytes`) is kept in all of them; under a name
 * that is neither (`note`) it is a card in all of them. A path's `::` parts a name as `.` does.
 * Under a credential's name, the empty string and `-` are kept and counted as nothing.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactRequest } from "../../workers/ingest/core/redact";
import { logRecord, logsRequest } from "../support/model-builders";
import { sessionMarker } from "../support/redaction";

const policy = defaultRedactionPolicy();
const CARD = "4111111111111111";
const PASSWORD = "hunter2Pw9x";

/** Each printed form of a member named `name` holding `value`, as a program writes it into a log body. */
const FORMS: ReadonlyArray<readonly [form: string, write: (name: string, value: string) => string]> = [
  ["logfmt", (name, value) => `msg=checkout ${name}=${value} user=ana`],
  ["JSON", (name, value) => `{"${name}":"${value}","attempt":1}`],
  ["util.inspect", (name, value) => `{ ${name}: '${value}', attempt: 1 }`],
  ["print_r", (name, value) => `Array\n(\n    [${name}] => ${value}\n    [attempt] => 1\n)\n`],
  ["var_export", (name, value) => `array (\n  '${name}' => '${value}',\n  'attempt' => 1,\n)`],
  ["Ruby hash, symbol keys", (name, value) => `{:${name}=>"${value}", :attempt=>1}`],
  ["Ruby hash, string keys", (name, value) => `{"${name}"=>"${value}", "attempt"=>1}`],
  ["Python dict", (name, value) => `{'${name}': '${value}', 'attempt': 1}`],
  ["Python repr", (name, value) => `Checkout(${name}='${value}', attempt=1)`],
  ["Go map", (name, value) => `map[${name}:${value} user:ana]`],
  ["Rust Debug", (name, value) => `Checkout { ${name}: "${value}", attempt: 1 }`],
  ["query string", (name, value) => `GET /checkout?${name}=${value}&attempt=1`],
  ["name: value", (name, value) => `${name}: ${value}`],
];

/** A log record with `body` and the attribute `name` = `value`, redacted: the stored body, attribute and summary. */
function redacted(body: string, name: string, value: string): { body: string; attribute: unknown; kinds: unknown } {
  const record = logRecord({ body: { stringValue: body }, attributes: [{ key: name, value: { stringValue: value } }] });
  redactRequest("logs", logsRequest([record]), policy);
  const stored = Object.fromEntries(record.attributes.map((attribute) => [attribute.key, attribute.value]));
  return { body: (record.body as { stringValue: string }).stringValue, attribute: stored[name], kinds: stored["redaction.kinds"] };
}

/** `[name, form, text, value]` for each name in each form. */
const cases = (names: readonly string[], value: string) => names.flatMap((name) => FORMS.map(([form, write]) => [name, form, write(name, value), value] as const));

describe("a card-shaped number under an id's or a measure's name is kept in every form", () => {
  const ID_NAMES = ["order_id", "orderId", "order.id", "sku", "part_number", "tracking_number", "trace_id", "ids", "user_id", "Order::Id", "bytes"];

  it.each(cases(ID_NAMES, CARD))("%s in %s", (name, _form, text) => {
    const stored = redacted(text, name, CARD);
    expect(stored.body).toBe(text);
    expect(stored.attribute).toEqual({ stringValue: CARD });
    expect(stored.kinds).toBeUndefined();
  });
});

describe("a card number under a name that says nothing of it is a card in every form", () => {
  it.each(cases(["note", "comment", "memo"], CARD))("%s in %s", (name, _form, text) => {
    const stored = redacted(text, name, CARD);
    expect(stored.body).not.toContain(CARD);
    expect(stored.body).toContain("[REDACTED:card]");
    expect(stored.attribute).toEqual({ stringValue: "[REDACTED:card]" });
    expect(stored.kinds).toEqual({ stringValue: "card" });
  });
});

describe("a path's `::` parts a credential's name as `.` does", () => {
  const NAMES = ["auth::token", "Session::Secret", "db::password", "Auth::api_key"];

  it.each(cases(NAMES, PASSWORD))("%s in %s", (name, _form, text) => {
    const stored = redacted(text, name, PASSWORD);
    expect(stored.body).not.toContain(PASSWORD);
    // The name stays whole: its `::` is no separator between a name and a value.
    expect(stored.body).toContain(name);
    expect(stored.attribute).toEqual({ stringValue: "[REDACTED:secret]" });
  });
});

describe("nothing under a credential's name is kept and counted as nothing", () => {
  const NAMES = ["password", "token", "api_key", "auth::token"];
  // An empty value needs quotes to be written at all in most forms; `-` stands alone.
  const QUOTED_FORMS = new Set(["JSON", "util.inspect", "var_export", "Ruby hash, symbol keys", "Ruby hash, string keys", "Python dict", "Python repr", "Rust Debug"]);

  it.each([
    ...cases(NAMES, "-"),
    ...cases(NAMES, "").filter(([, form]) => QUOTED_FORMS.has(form)),
  ])("%s in %s: %j", (name, _form, text, value) => {
    const stored = redacted(text, name, value);
    expect(stored.body).toBe(text);
    expect(stored.attribute).toEqual({ stringValue: value });
    expect(stored.kinds).toBeUndefined();
  });

  it("keeps logfmt's empty value without taking the next pair for it", () => {
    const text = "login failed password= user=ana token=- api_key=tok_8f2a9c1d7e";
    const stored = redacted(text, "password", "");
    expect(stored.body).toBe("login failed password= user=ana token=- api_key=[REDACTED:secret_param]");
    expect(stored.kinds).toEqual({ stringValue: "secret_param" });
  });
});

describe("a session's id is its credential in every spelling and every form", () => {
  // OpenTelemetry's `session.id` included: its name cannot tell a client's telemetry session
  // from a web session's cookie copied into it (docs/decisions.md, "A session's id").
  const NAMES = ["session_id", "session.id", "sessionId", "sessionid", "session-id", "SESSION_ID", "Session::Id"];
  const SESSION = "9b2e4f6a1c3d4e5f";
  // Forms a name with a `-` or `::` cannot be written in as a member (an identifier's).
  const IDENTIFIER_FORMS = new Set(["util.inspect", "Go map", "Python repr", "Rust Debug", "Ruby hash, symbol keys"]);
  const MORE_FORMS: ReadonlyArray<readonly [form: string, write: (name: string, value: string) => string]> = [
    ["spaced =", (name, value) => `${name} = ${value}`],
    ["=>", (name, value) => `${name} => ${value}`],
    ["cookie", (name, value) => `Cookie: ${name}=${value}; theme=dark`],
  ];

  it.each([
    ...cases(NAMES, SESSION).filter(([name, form]) => !(IDENTIFIER_FORMS.has(form) && /[-:.]/.test(name))),
    ...NAMES.flatMap((name) => MORE_FORMS.map(([form, write]) => [name, form, write(name, SESSION), SESSION] as const)),
  ])("%s in %s", (name, _form, text) => {
    const stored = redacted(text, name, SESSION);
    expect(stored.body).not.toContain(SESSION);
    // Its keyed hash, the same for every name: a session's records still group.
    expect(stored.attribute).toEqual({ stringValue: sessionMarker(SESSION) });
  });

  it("keeps what only describes a session or names a former one", () => {
    for (const name of ["session.country", "session.previous_id", "session_ttl", "session.start"]) {
      expect(redacted(`${name}: x1y2z3`, name, "x1y2z3").attribute, name).toEqual({ stringValue: "x1y2z3" });
    }
  });
});
