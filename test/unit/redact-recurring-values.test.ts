/**
 * A value a key rule replaced (a person's name under `user`, a password, a token, a phone under
 * `phone`, a street address) is replaced by the same marker wherever else the same log record or
 * span repeats it: the body, other attributes, `exception.message`, a span's events,
 * `log.record.original`; each occurrence counted. Only values specific enough (no short secret,
 * small number, common word), on word boundaries, case-sensitive, in JSON's escaped spellings
 * too; ids and hashed values are kept, and metric attributes, a series' identity, are not searched.
 */
import { describe, expect, it } from "vitest";
import type { AnyValue, KeyValue, LogRecord } from "../../workers/shared/otlp/model";
import { DEFAULT_NORMALIZATION_OPTIONS, normalizeLogsRequest, writeTemplateBodies } from "../../workers/ingest/core/normalize";
import { defaultRedactionPolicy, parseRedactionPolicy, redactRequest, redactString, type RedactionPolicy } from "../../workers/ingest/core/redact";
import { DEFAULT_REQUEST_LIMITS } from "../../workers/ingest/core/limits";
import { hash, hashingPolicy } from "../support/hashing-policy";
import { logRecord, logsRequest, metricsRequest, span, tracesRequest } from "../support/model-builders";

const str = (stringValue: string): AnyValue => ({ stringValue });
const attr = (key: string, value: string): KeyValue => ({ key, value: str(value) });
const NAME = "[REDACTED:person_name]";
const SECRET = "[REDACTED:secret]";

/** A console line as Cloudflare's export sends it, lifted (with `log.record.original`), redacted, its template body written. */
function lifted(line: object, policy: RedactionPolicy = defaultRedactionPolicy()): { body: AnyValue | undefined; attributes: Record<string, AnyValue> } {
  const record = logRecord({ timeUnixNano: "1796000000000000000", severityNumber: 9, body: str(JSON.stringify(line)), attributes: [attr("name", "log")] });
  const request = logsRequest([record]);
  normalizeLogsRequest(request, { ...DEFAULT_NORMALIZATION_OPTIONS, keepOriginal: true }, DEFAULT_REQUEST_LIMITS);
  redactRequest("logs", request, policy);
  writeTemplateBodies(request);
  return { body: record.body, attributes: Object.fromEntries(record.attributes.map((a) => [a.key, a.value])) };
}

/** A record with `body` and `attributes` as sent (no lifting), redacted. */
function redactedRecord(body: AnyValue, attributes: KeyValue[], policy: RedactionPolicy = defaultRedactionPolicy()): LogRecord {
  const record = logRecord({ body, attributes });
  redactRequest("logs", logsRequest([record]), policy);
  return record;
}

const valueOf = (record: { attributes: KeyValue[] }, key: string) => record.attributes.find((a) => a.key === key)?.value;

describe("a pino line: the value its key redacts is redacted in the message and the original too", () => {
  it("replaces the name under `user` in `msg` and in `log.record.original`, each occurrence counted", () => {
    const { body, attributes } = lifted({ level: 30, msg: "login failed for Maria Gonzalez", user: "Maria Gonzalez", email: "maria@x.io" });
    expect(body).toEqual(str(`login failed for ${NAME}`));
    expect(attributes["user"]).toEqual(str(NAME));
    expect(JSON.parse((attributes["log.record.original"] as { stringValue: string }).stringValue)).toEqual({
      level: 30,
      msg: `login failed for ${NAME}`,
      user: NAME,
      email: "[REDACTED:email]",
    });
    // person_name: `user`, the body, the original's `user` and `msg`; email: the attribute and the original's.
    expect(attributes["redaction.count"]).toEqual({ intValue: "6" });
    expect(attributes["redaction.kinds"]).toEqual(str("email,person_name"));
    expect(JSON.stringify([body, attributes])).not.toContain("Gonzalez");
  });

  it.each([
    ["a password", { password: "hunter2secret" }, "hunter2secret", SECRET],
    ["a token under api_key", { api_key: "zq81Kx0pLm" }, "zq81Kx0pLm", SECRET],
    ["a phone under phone, dotted without a phone word", { phone: "415.555.0132" }, "415.555.0132", "[REDACTED:phone]"],
    ["a name under customer_name", { customer_name: "Ana Beatriz Souza" }, "Ana Beatriz Souza", NAME],
    ["a street address under street", { street: "742 Evergreen Terrace" }, "742 Evergreen Terrace", "[REDACTED:street_address]"],
  ])("%s recurring in the message", (_what, fields, value, marker) => {
    const { body, attributes } = lifted({ level: 50, msg: `retry for ${value} queued`, ...fields });
    expect(body).toEqual(str(`retry for ${marker} queued`));
    expect(JSON.stringify([body, attributes])).not.toContain(value);
  });

  it("keeps a value its key hashed, and ids, where they recur", () => {
    const { body, attributes } = lifted({ level: 30, msg: "order ord-5521 for cust-829311", user: { id: "cust-829311" }, order_id: "ord-5521" }, hashingPolicy());
    expect(attributes["user.id"]).toEqual(str(hash("cust-829311")));
    expect(body).toEqual(str("order ord-5521 for cust-829311"));
  });
});

describe("independent of the order the fields are walked in", () => {
  it("a body walked before the attribute whose key names the value", () => {
    const record = redactedRecord(str("password reset mailed to Maria Gonzalez, twice: Maria Gonzalez"), [attr("customer_name", "Maria Gonzalez"), attr("note", "for Maria Gonzalez")]);
    expect(record.body).toEqual(str(`password reset mailed to ${NAME}, twice: ${NAME}`));
    expect(valueOf(record, "note")).toEqual(str(`for ${NAME}`));
    expect(valueOf(record, "redaction.count")).toEqual({ intValue: "4" });
  });

  it("a span: its name, status, events and attributes, from a secret in an event's attributes", () => {
    const sent = span({
      name: "connect Qx7-rT9!zz",
      status: { code: 2, message: "auth failed with Qx7-rT9!zz" },
      events: [{ timeUnixNano: "1", name: "exception", droppedAttributesCount: 0, attributes: [attr("exception.message", "bad credentials Qx7-rT9!zz"), attr("db.password", "Qx7-rT9!zz")] }],
      attributes: [attr("db.statement", "SELECT 1 -- Qx7-rT9!zz")],
    });
    redactRequest("traces", tracesRequest([sent]), defaultRedactionPolicy());
    expect(sent.name).toBe(`connect ${SECRET}`);
    expect(sent.status.message).toBe(`auth failed with ${SECRET}`);
    expect(sent.events[0]!.attributes).toEqual([attr("exception.message", `bad credentials ${SECRET}`), attr("db.password", SECRET)]);
    expect(valueOf(sent, "db.statement")).toEqual(str(`SELECT 1 -- ${SECRET}`));
    expect(valueOf(sent, "redaction.count")).toEqual({ intValue: "5" });
  });

  it("not across records: another record's text keeps what this one's key redacted", () => {
    const first = logRecord({ body: str("hello"), attributes: [attr("customer_name", "Maria Gonzalez")] });
    const second = logRecord({ body: str("note on Maria Gonzalez"), attributes: [] });
    redactRequest("logs", logsRequest([first, second]), defaultRedactionPolicy());
    expect(first.attributes[0]!.value).toEqual(str(NAME));
    expect(second.body).toEqual(str("note on Maria Gonzalez"));
  });
});

describe("only values specific enough, on word boundaries, as written", () => {
  it("on word boundaries: a name is not found inside a longer word", () => {
    const record = redactedRecord(str("Ann Leeds filed; Ann Lee's report"), [attr("customer_name", "Ann Lee")]);
    expect(record.body).toEqual(str(`Ann Leeds filed; ${NAME}'s report`));
  });

  it.each([
    ["a secret under six characters", "password", "pa55w", "retry pa55w"],
    ["a secret of letters alone under eight", "password", "letmen", "letmen was tried"],
    ["a common word as a password", "password", "password", "password reset"],
    ["a small number", "password", "482139", "took 482139 us"],
    ["a one-word name that is a common word", "customer_name", "Grace", "Grace period ends"],
  ])("keeps %s where it recurs", (_what, key, value, text) => {
    const record = redactedRecord(str(text), [attr(key, value)]);
    expect(record.body).toEqual(str(text));
  });

  it("a number only printed with a separator, in prose: a bare run of digits and a value of its own are their keys' to judge", () => {
    const record = redactedRecord(str("order 123456789 for 123.456.789-09; queued 415.555.0132 twice"), [
      attr("cliente.rg", "123456789"),
      attr("cliente.cpf", "123.456.789-09"),
      attr("phone", "415.555.0132"),
      attr("payload", '{"callback":"415.555.0132"}'),
      attr("order.number", "123456789"),
    ]);
    expect(record.body).toEqual(str("order 123456789 for [REDACTED:cpf]; queued [REDACTED:phone] twice"));
    expect(valueOf(record, "payload")).toEqual(str('{"callback":"415.555.0132"}'));
    expect(valueOf(record, "order.number")).toEqual(str("123456789"));
  });

  it("a value of few letters or digits: `(1, 2)` under a password's key", () => {
    const record = redactedRecord(str("{ tags: (1, 2), password: (1, 2) }"), []);
    expect(record.body).toEqual(str("{ tags: (1, 2), password: [REDACTED:secret] }"));
  });

  it("a variable's or setting's name (words joined by `_`, `-`, `.`): printed beside its own value, it is a name, not a secret's text", () => {
    const record = redactedRecord(str("Client(api_key=api_key, timeout=30)"), [attr("db_password", "db_password"), attr("setting", "db_password is unset")]);
    expect(record.body).toEqual(str(`Client(api_key=${SECRET}, timeout=30)`));
    expect(valueOf(record, "setting")).toEqual(str("db_password is unset"));
  });

  it("a name in a printed record's member no reader knows (Java's Optional), beside the same name under its key", () => {
    const record = redactedRecord(str("User[id=42, name=Ana Souza, nick=Optional[Ana Souza]]"), []);
    expect(record.body).toEqual(str(`User[id=42, name=${NAME}, nick=Optional[${NAME}]]`));
  });

  it("case-sensitive: a secret spelled otherwise is left to the detectors", () => {
    const record = redactedRecord(str("saw Tr0ub4dor-x and tr0ub4dor-X"), [attr("password", "Tr0ub4dor-x")]);
    expect(record.body).toEqual(str(`saw ${SECRET} and tr0ub4dor-X`));
  });

  it("a secret sent as a number is found as its digits", () => {
    const record = redactedRecord(str("pin 48213977 rejected"), [{ key: "pin", value: { intValue: "48213977" } }]);
    expect(valueOf(record, "pin")).toEqual(str(SECRET));
    expect(record.body).toEqual(str(`pin ${SECRET} rejected`));
  });
});

describe("JSON texts: the value as JSON writes it", () => {
  it("inside JSON text escaped twice, when escaping leaves it as it was", () => {
    const payload = JSON.stringify({ event: JSON.stringify({ who: "Maria Gonzalez" }) });
    const record = redactedRecord(str("x"), [attr("customer_name", "Maria Gonzalez"), attr("payload", payload)]);
    expect((valueOf(record, "payload") as { stringValue: string }).stringValue).toBe(JSON.stringify({ event: JSON.stringify({ who: NAME }) }));
  });

  it("with its quotes and backslashes escaped, and non-ASCII letters as \\u escapes in either case", () => {
    const record = redactedRecord(str('{"a":"Jos\\u00e9 Garc\\u00eda","b":"Jos\\u00E9 Garc\\u00EDa","c":"José García"}'), [attr("customer_name", "José García"), attr("password", 'pa"ss\\wd9')]);
    expect(JSON.parse((record.body as { stringValue: string }).stringValue)).toEqual({ a: NAME, b: NAME, c: NAME });
    const secret = redactedRecord(str(JSON.stringify({ detail: 'tried pa"ss\\wd9 twice' })), [attr("password", 'pa"ss\\wd9')]);
    expect(JSON.parse((secret.body as { stringValue: string }).stringValue)).toEqual({ detail: `tried ${SECRET} twice` });
  });

  it("a JSON body's member under a name's key, and its other members, through redactString", () => {
    const { text, counts } = redactString('{"customer_name":"Maria Gonzalez","note":"call Maria Gonzalez back"}', defaultRedactionPolicy());
    expect(JSON.parse(text)).toEqual({ customer_name: NAME, note: `call ${NAME} back` });
    expect(counts).toEqual({ person_name: 2 });
  });
});

describe("what is not searched", () => {
  it("a metric's attributes: each keeps its series' identity, no value searched in the others", () => {
    const note = attr("note", "rotated Zx81-pQ7mm");
    const point = { attributes: [attr("db.password", "Zx81-pQ7mm"), note], startTimeUnixNano: "0", timeUnixNano: "1", exemplars: [], flags: 0, asInt: "1" };
    const request = metricsRequest([{ name: "logins", description: "", unit: "", metadata: [], data: { type: "sum", aggregationTemporality: 2, isMonotonic: true, dataPoints: [point] } } as never]);
    redactRequest("metrics", request, defaultRedactionPolicy());
    expect(note.value).toEqual(str("rotated Zx81-pQ7mm"));
  });

  it("an attribute whose key the policy keeps", () => {
    const parsed = parseRedactionPolicy({ keepKeys: ["audit.text"] });
    if (!parsed.ok) throw new Error(parsed.error);
    const record = redactedRecord(str("for Maria Gonzalez"), [attr("customer_name", "Maria Gonzalez"), attr("audit.text", "Maria Gonzalez")], parsed.policy);
    expect(record.body).toEqual(str(`for ${NAME}`));
    expect(valueOf(record, "audit.text")).toEqual(str("Maria Gonzalez"));
  });
});

describe("what a replaced value leaves alone: servers, services, places and products that share its words", () => {
  it("a default password that names its server: the server's, the service's and the URL's values keep it, and so does the prose", () => {
    const record = redactedRecord(str("connected to postgres at db.internal:5432 as postgres"), [
      attr("password", "postgres"),
      attr("server.address", "postgres"),
      attr("db.system", "postgres"),
      attr("service.name", "keycloak"),
      attr("url.full", "http://keycloak:8080/realms/master"),
      attr("client_secret", "keycloak"),
    ]);
    expect(record.body).toEqual(str("connected to postgres at db.internal:5432 as postgres"));
    expect(valueOf(record, "password")).toEqual(str(SECRET));
    expect(valueOf(record, "client_secret")).toEqual(str(SECRET));
    for (const key of ["server.address", "db.system"]) expect(valueOf(record, key)).toEqual(str("postgres"));
    expect(valueOf(record, "service.name")).toEqual(str("keycloak"));
    expect(valueOf(record, "url.full")).toEqual(str("http://keycloak:8080/realms/master"));
  });

  it("a secret with more than letters is still found in the prose, but never under a server's or a URL's key", () => {
    const record = redactedRecord(str("retrying login with S3cr3tPass for app"), [attr("password", "S3cr3tPass"), attr("server.address", "S3cr3tPass")]);
    expect(record.body).toEqual(str(`retrying login with ${SECRET} for app`));
    expect(valueOf(record, "server.address")).toEqual(str("S3cr3tPass"));
  });

  it.each([
    ["user.first_name", "Victoria", "city", "Victoria", "logged in from Victoria, BC"],
    ["first_name", "Jordan", "product.name", "Jordan 1 Retro High", "added Jordan 1 Retro High to cart"],
    ["customer.last_name", "Silva", "store.name", "Loja Silva Jardim", "pickup at Loja Silva Jardim"],
    ["first_name", "Maria", "customer.city", "Santa Maria", "shipping to Santa Maria"],
  ])("one word under %s (%s) is a city's, a product's or a shop's word elsewhere: %s stays", (nameKey, name, otherKey, otherValue, prose) => {
    const record = redactedRecord(str(prose), [attr(nameKey, name), attr(otherKey, otherValue)]);
    expect(record.body).toEqual(str(prose));
    expect(valueOf(record, otherKey)).toEqual(str(otherValue));
  });

  it("a full name under its key still goes wherever the record repeats it; its surname alone under another key does not cut a name in two", () => {
    const record = redactedRecord(str("order for Ana Souza shipped"), [attr("customer_name", "Ana Souza"), attr("lastName", "Souza"), attr("receiver", "Ana Souza")]);
    expect(record.body).toEqual(str(`order for ${NAME} shipped`));
    expect(valueOf(record, "receiver")).toEqual(str(NAME));
  });
});
