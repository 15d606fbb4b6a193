/**
 * Lifting, redaction and the attribute limits together, in the pipeline's order: key rules reach
 * every copy of a value (the body kept as JSON text, `log.record.original`, JSON text values,
 * nested maps), a producer's `redaction.*` never poses as the pipeline's summary, and the limits
 * never cut what the sender wrote for the sake of a marker or the summary.
 */
import { describe, expect, it } from "vitest";
import type { AnyValue, KeyValue, LogRecord } from "../../workers/shared/otlp/model";
import { DEFAULT_NORMALIZATION_OPTIONS, normalizeLogsRequest, writeTemplateBodies, type NormalizationOptions } from "../../workers/ingest/core/normalize";
import { redactRequest, type RedactionPolicy } from "../../workers/ingest/core/redact";
import { DEFAULT_REQUEST_LIMITS, limitAttributes, type RequestLimits } from "../../workers/ingest/core/limits";
import { hash, hashingPolicy } from "../support/hashing-policy";
import { parseIngestConfig } from "../../workers/ingest/config";
import { prepareExport } from "../../workers/ingest/core/pipeline";
import { logRecord, logsRequest } from "../support/model-builders";

const str = (stringValue: string): AnyValue => ({ stringValue });
const int = (intValue: string): AnyValue => ({ intValue });
const attr = (key: string, value: AnyValue): KeyValue => ({ key, value });
const CLOUDFLARE_NAME = attr("name", str("log"));

const policy = hashingPolicy;

interface Setup {
  redaction?: RedactionPolicy;
  normalization?: Partial<NormalizationOptions>;
  limits?: Partial<RequestLimits>;
}

/** normalize → redact → template bodies → limit attributes, as prepareExport runs them. */
function stored(body: AnyValue, attributes: KeyValue[] = [CLOUDFLARE_NAME], setup: Setup = {}): { record: LogRecord; attributes: Record<string, AnyValue> } {
  const record = logRecord({ timeUnixNano: "1796000000000000000", severityNumber: 9, body, attributes: [...attributes] });
  const request = logsRequest([record]);
  const limits = { ...DEFAULT_REQUEST_LIMITS, ...setup.limits };
  normalizeLogsRequest(request, { ...DEFAULT_NORMALIZATION_OPTIONS, ...setup.normalization }, limits);
  const rewritten = new Map<AnyValue, number>();
  redactRequest("logs", request, setup.redaction ?? policy(), rewritten);
  writeTemplateBodies(request);
  limitAttributes("logs", request, limits, rewritten);
  return { record, attributes: Object.fromEntries(record.attributes.map((a) => [a.key, a.value])) };
}

const bodyText = (record: LogRecord) => (record.body as { stringValue: string }).stringValue;

/** A bunyan-style line with a user id to hash, a city and a postal code to drop, a token. */
const PERSONAL = {
  name: "checkout",
  msg: "paid",
  user: { id: "cust-829311", plan: "pro" },
  geo: { city: "Campinas", postal_code: "13083-970", region: "SP" },
  auth: { access_token: "tok-51H8xYz" },
};
const SECRETS = ["cust-829311", "Campinas", "13083-970", "tok-51H8xYz"];

function expectNoSecrets(record: LogRecord): void {
  const everything = JSON.stringify([record.body, record.attributes]);
  for (const secret of SECRETS) expect(everything).not.toContain(secret);
}

describe("a logger's name beside Cloudflare's: the body becomes the message, every value stored once", () => {
  it("keeps the line's name as log.name and applies the key rules to the attributes", () => {
    const { record, attributes } = stored(str(JSON.stringify(PERSONAL)));
    expect(record.body).toEqual(str("paid"));
    expect(attributes).toMatchObject({
      name: str("log"),
      "log.name": str("checkout"),
      "user.id": str(hash("cust-829311")),
      "user.plan": str("pro"),
      "geo.region": str("SP"),
      "auth.access_token": str("[REDACTED:secret]"),
      "redaction.count": int("4"),
      "redaction.kinds": str("dropped,hashed,secret"),
    });
    expect(attributes).not.toHaveProperty("geo.city");
    expectNoSecrets(record);
  });

  it("counts one e-mail once", () => {
    const { record, attributes } = stored(str('{"name":"api","msg":"login ana@example.com","level":30}'));
    expect(record.body).toEqual(str("login [REDACTED:email]"));
    expect(attributes["redaction.count"]).toEqual(int("1"));
  });
});

describe("a body kept as JSON text gets the key rules its attributes get", () => {
  it("when a lifted key collides with another (the body stays the line): the same hash, drops removed, credentials redacted", () => {
    const line = JSON.stringify({ ...PERSONAL, "a.b": 1, a: { b: 2 } });
    const { record, attributes } = stored(str(line));
    const body = JSON.parse(bodyText(record));
    expect(body.user).toEqual({ id: (attributes["user.id"] as { stringValue: string }).stringValue, plan: "pro" });
    expect(body.user.id).toBe(hash("cust-829311"));
    expect(body.geo).toEqual({ region: "SP" });
    expect(body.auth).toEqual({ access_token: "[REDACTED:secret]" });
    expect(body.name).toBe("checkout");
    expectNoSecrets(record);
    // Each copy is an item redacted: four in the attributes, four in the body.
    expect(attributes["redaction.count"]).toEqual(int("8"));
  });

  it("when the line has no message, and when lifting is off", () => {
    const { msg: _, ...withoutMessage } = PERSONAL;
    expectNoSecrets(stored(str(JSON.stringify(withoutMessage))).record);
    const off = stored(str(JSON.stringify(PERSONAL)), [], { normalization: { liftJsonBodies: false } });
    expect(JSON.parse(bodyText(off.record)).user.id).toBe(hash("cust-829311"));
    expectNoSecrets(off.record);
  });

  it("keeps every number, blank and escape as written, only the values a rule replaced changed", () => {
    const line = '{ "id": 2305843009213693953, "price": 1.50, "e": 1E+2, "tags": ["a"], "user": { "id": "u1" }, "t": "caf\\u00e9" }';
    const { record } = stored(str(line), [], { normalization: { liftJsonBodies: false } });
    expect(bodyText(record)).toBe(`{ "id": 2305843009213693953, "price": 1.50, "e": 1E+2, "tags": ["a"], "user": { "id": "${hash("u1")}" }, "t": "caf\\u00e9" }`);
  });

  it("writes the JSON compactly when a rule changed its shape", () => {
    const line = '{ "user": { "geo": { "city": "Campinas" } }, "n": 1.50 }';
    const { record } = stored(str(line), [], { normalization: { liftJsonBodies: false } });
    expect(bodyText(record)).toBe('{"user":{"geo":{}},"n":1.50}');
  });

  it("leaves a line no key rule touches byte for byte as written", () => {
    const line = '{ "event": "view",  "path": "/a", "n": 1.0 }';
    const { record } = stored(str(line), [], { normalization: { liftJsonBodies: false } });
    expect(record.body).toEqual(str(line));
  });

  it("rules arrays' objects by the array's path, and leaves JSON nesting past the bound to the text detectors", () => {
    const line = JSON.stringify({ users: [{ geo: { city: "Campinas" } }], geo: [{ city: "Campinas" }] });
    expect(stored(str(line), [], { normalization: { liftJsonBodies: false } }).record.body).toEqual(str('{"users":[{"geo":{}}],"geo":[{}]}'));
    const deep = `${'{"a":'.repeat(200)}{"geo":{"city":"Campinas"}}${"}".repeat(200)}`;
    expect(stored(str(deep), [], { normalization: { liftJsonBodies: false } }).record.body).toEqual(str(deep));
  });
});

describe("other copies of a line's values", () => {
  it("log.record.original gets the key rules by the line's own paths", () => {
    const line = JSON.stringify({ msg: "m", "a.b": 1, a: { b: 2 }, user: { id: "cust-829311" }, geo: { city: "Campinas" } });
    const { record, attributes } = stored(str(line), [], { normalization: { keepOriginal: true } });
    expect(record.body).toEqual(str("m"));
    expect(JSON.parse((attributes["log.record.original"] as { stringValue: string }).stringValue)).toEqual({ msg: "m", "a.b": 1, a: { b: 2 }, user: { id: hash("cust-829311") }, geo: {} });
  });

  it("values lifting stored as JSON text get the key rules by their key's path", () => {
    const line = JSON.stringify({ msg: "m", geo: [{ city: "Campinas" }], w: { x: { y: { z: { geo: { city: "Campinas" } } } } } });
    const { attributes } = stored(str(line));
    expect(attributes).toMatchObject({ geo: str("[{}]"), "w.x.y.z": str('{"geo":{}}') });
  });

  it("a map body kept as the map it is, and nested maps in attributes, are ruled by their dotted paths", () => {
    const map = (entries: Record<string, AnyValue>): AnyValue => ({ kvlistValue: Object.entries(entries).map(([key, value]) => attr(key, value)) });
    // No message: the map stays the body.
    const body = map({ user: map({ id: str("cust-829311") }), geo: map({ city: str("Campinas"), region: str("SP") }) });
    const { record, attributes } = stored(body, [attr("client", map({ geo: map({ postal_code: str("13083-970") }) }))]);
    expect(record.body).toEqual(map({ user: map({ id: str(hash("cust-829311")) }), geo: map({ region: str("SP") }) }));
    expect(attributes.client).toEqual(map({ geo: map({}) }));
    expectNoSecrets(record);
  });
});

describe("redaction.count and redaction.kinds are the pipeline's", () => {
  it("a producer's attributes of those names are kept as producer.*, and no summary is made up", () => {
    const sent = [attr("redaction.count", int("9")), attr("redaction.kinds", str("pii-reviewed"))];
    const { attributes } = stored(str("nothing personal"), sent);
    expect(attributes).toEqual({ "producer.redaction.count": int("9"), "producer.redaction.kinds": str("pii-reviewed") });
  });

  it("lifted from a body, beside the pipeline's own summary", () => {
    const { record, attributes } = stored(str('{"msg":"login ana@example.com","redaction.kinds":"pii-reviewed"}'), []);
    expect(record.body).toEqual(str("login [REDACTED:email]"));
    expect(attributes).toEqual({
      "producer.redaction.kinds": str("pii-reviewed"),
      "redaction.count": int("1"),
      "redaction.kinds": str("email"),
    });
  });

  it("a producer.* name already taken is prefixed again", () => {
    const sent = [attr("producer.redaction.kinds", str("a")), attr("redaction.kinds", str("b"))];
    expect(stored(str("x"), sent).attributes).toEqual({ "producer.redaction.kinds": str("a"), "producer.producer.redaction.kinds": str("b") });
  });

  it("on spans and resources too", () => {
    const resource = [attr("redaction.count", int("2"))];
    const request = logsRequest([logRecord({ body: str("x") })], resource);
    redactRequest("logs", request, policy());
    expect(request.resourceLogs[0]!.resource.attributes).toEqual([attr("producer.redaction.count", int("2"))]);
  });
});

describe("the attribute limits judge what the sender wrote", () => {
  const limits = { maxAttributeValueLength: 64, maxAttributesPerRecord: 4 };

  it("a value that fit before a marker replaced its secret is not cut", () => {
    const note = `a@b.co ${"k".repeat(57)}`;
    const { record, attributes } = stored(str(JSON.stringify({ msg: "m", note })), [], { limits });
    expect(record.body).toEqual(str("m"));
    expect(attributes.note).toEqual(str(`[REDACTED:email] ${"k".repeat(57)}`));
    expect(attributes).not.toHaveProperty("otel.truncated_values");
  });

  it("a value whose hash is longer than the limit is not cut either", () => {
    const { attributes } = stored(str('{"msg":"m","user":{"id":"u1"}}'), [], { limits: { maxAttributeValueLength: 8 } });
    expect(attributes["user.id"]).toEqual(str(hash("u1")));
  });

  it("a value longer than the limit as sent is still cut", () => {
    const note = `a@b.co ${"k".repeat(60)}`;
    const { record, attributes } = stored(str(JSON.stringify({ msg: "m", note })), [], { limits });
    expect(bodyText(record)).toBe('{"msg":"m","note":"[REDACTED:email] kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk"}');
    expect(attributes["otel.truncated_values"]).toEqual(int("1"));
  });

  it("the redaction summary takes no room from the sender's attributes", () => {
    const { record, attributes } = stored(str('{"msg":"m","a":"ana@example.com","b":2,"c":3}'), [CLOUDFLARE_NAME], { limits });
    expect(record.body).toEqual(str("m"));
    expect(Object.keys(attributes)).toEqual(["name", "a", "b", "c", "redaction.count", "redaction.kinds"]);
  });
});

describe("a body kept as JSON text reads its escapes as the attributes lifted from it do", () => {
  it("redacts an address whose `@` is an escape in the Body as in the lifted `user`, and the Body stays JSON", () => {
    const { record, attributes } = stored(str(String.raw`{"user": "ana\u0040example.com", "ip": "203.0.113.9"}`));
    expect(attributes.user).toEqual(str("[REDACTED:email]"));
    expect(bodyText(record)).toBe(String.raw`{"user": "[REDACTED:email]", "ip": "[REDACTED:ipv4]"}`);
    expect(JSON.parse(bodyText(record))).toEqual({ user: "[REDACTED:email]", ip: "[REDACTED:ipv4]" });
  });
});

describe("a body kept as JSON and the values lifted from it read the same, and stay JSON", () => {
  it("a name right after a string value's opening quote (`CEP: …`, `zip=…`) is redacted in the Body as in the lifted attribute", () => {
    for (const [line, value] of [
      ['{"m":"CEP: 01310-100"}', "CEP: [REDACTED:postal_code]"],
      ['{"m":"zip=94105"}', "zip=[REDACTED:postal_code]"],
    ] as const) {
      const { record, attributes } = stored(str(line));
      expect(attributes.m).toEqual(str(value));
      expect(JSON.parse(bodyText(record))).toEqual({ m: value });
    }
  });

  it("a member one level down, in JSON text held in a string value", () => {
    const { record, attributes } = stored(str(JSON.stringify({ q: '{"cep":"01310-100"}' })));
    expect(bodyText(record)).not.toContain("01310-100");
    expect(JSON.parse(JSON.parse(bodyText(record)).q)).toEqual({ cep: "[REDACTED:postal_code]" });
    expect(JSON.parse((attributes.q as { stringValue: string }).stringValue)).toEqual({ cep: "[REDACTED:postal_code]" });
  });

  it("a card number as an array's item becomes a quoted marker in the Body and in the lifted array", () => {
    const { record, attributes } = stored(str('{"cards":[4111111111111111],"n":{"a":[[5500000000000004,1]]}}'));
    expect(JSON.parse(bodyText(record))).toEqual({ cards: ["[REDACTED:card]"], n: { a: [["[REDACTED:card]", 1]] } });
    expect(JSON.parse((attributes.cards as { stringValue: string }).stringValue)).toEqual(["[REDACTED:card]"]);
  });
});

describe("a body rendered from a message template holds each property as stored", () => {
  const T = '"@t":"2026-12-03T10:00:00Z"';

  it("a property redacted by its key (Password, ApiKey) is redacted in the body too", () => {
    for (const [line, body] of [
      [`{${T},"@mt":"Login with password {Password}","Password":"hunter2hunter2"}`, 'Login with password "[REDACTED:secret]"'],
      [`{${T},"@mt":"User {ApiKey}","ApiKey":"a1b2c3d4e5f6a7b8c9d0"}`, 'User "[REDACTED:secret]"'],
    ] as const) {
      const { record, attributes } = stored(str(line));
      expect(bodyText(record)).toBe(body);
      expect(Object.values(attributes)).toContainEqual(str("[REDACTED:secret]"));
      expect(record.templateBody).toBeUndefined();
    }
  });

  it("the sender's own rendering (@m, RenderedMessage) beside the template gets the stored value too", () => {
    const compact = stored(str(`{${T},"@m":"Login with password \\"hunter2hunter2\\"","@mt":"Login with password {Password}","Password":"hunter2hunter2"}`));
    // The quoted value after "password" in the sender's own text is prose redaction's find first
    // (secret_param); either way the stored body holds no secret.
    expect(bodyText(compact.record)).toBe('Login with password "[REDACTED:secret_param]"');
    const json = stored(
      str('{"Timestamp":"2026-12-03T10:00:00Z","Level":"Information","MessageTemplate":"Key {ApiKey}","RenderedMessage":"Key \\"a1b2c3d4e5f6a7b8c9d0\\"","Properties":{"ApiKey":"a1b2c3d4e5f6a7b8c9d0"}}'),
    );
    expect(bodyText(json.record)).toBe('Key "[REDACTED:secret]"');
    expect(json.attributes["Properties.ApiKey"]).toEqual(str("[REDACTED:secret]"));
  });

  it("JsonFormatter's MessageTemplate with Properties, and a personal value (e-mail) found by its text", () => {
    const { record } = stored(
      str('{"Timestamp":"2026-12-03T10:00:00Z","Level":"Information","MessageTemplate":"Reset for {Email} with {Password}","Properties":{"Email":"bob@example.com","Password":"pw-77x"}}'),
    );
    expect(bodyText(record)).toBe('Reset for "[REDACTED:email]" with "[REDACTED:secret]"');
  });

  it("a property whose attribute the policy drops reads as the drop marker", () => {
    const { record, attributes } = stored(str(`{${T},"@mt":"Call from {Phone} ok","Phone":"+1 555 0100"}`), [CLOUDFLARE_NAME], {
      redaction: policy({ dropKeys: ["Phone"] }),
    });
    expect(attributes.Phone).toBeUndefined();
    expect(bodyText(record)).toBe("Call from [REDACTED:dropped] ok");
  });

  it("a destructured map with a redacted member reads as its stored members", () => {
    const { record } = stored(str(`{${T},"@mt":"Login {@User}","User":{"Name":"x1","Password":"s3cr3t-pw"}}`));
    expect(bodyText(record)).toBe('Login {"Name":"x1","Password":"[REDACTED:secret]"}');
  });

  it("properties redaction leaves alone read as written, and CLEF's @r renders a token with a format", () => {
    const { record } = stored(str(`{${T},"@mt":"Total {Total:C} for {Id}","Total":12.5,"Id":7,"@r":["$12.50"]}`));
    expect(bodyText(record)).toBe("Total $12.50 for 7");
  });

  it("a rendering (@r) of a redacted property is not used, and is replaced in @r by the stored value", () => {
    const { record, attributes } = stored(str(`{${T},"@mt":"Key {ApiKey:x} at {When:HH}","ApiKey":"a1b2c3d4e5f6a7b8c9d0","When":"2026-12-03T10:00:00Z","@r":["a1b2c3d4e5f6a7b8c9d0","10"]}`));
    expect(bodyText(record)).toBe('Key "[REDACTED:secret]" at 10');
    expect(attributes["@r"]).toEqual(str('["[REDACTED:secret]","10"]'));
  });

  // A CLEF line needs no `@t` (the record has its time): it is rendered as one with it. Before,
  // such a line kept its JSON as the body.
  it("a line with @mt and no @t keeps its template's tokens as written, neither replaced nor counted", () => {
    for (const [line, rendered] of [
      ['{"@mt":"Login for {User} with password={Password}","User":"bob"}', 'Login for "bob" with password={Password}'],
      ['{"@mt":"Key {ApiKey:l} sent as token={@ApiToken} at {When:yyyy-MM-dd}","When":"2026-12-03"}', 'Key {ApiKey:l} sent as token={@ApiToken} at "2026-12-03"'],
    ] as const) {
      const { record, attributes } = stored(str(line));
      expect(bodyText(record)).toBe(rendered);
      expect(attributes["@mt"]).toEqual(str(JSON.parse(line)["@mt"]));
      expect(attributes["redaction.count"]).toBeUndefined();
    }
    const { record, attributes } = stored(str('{"@mt":"Key {ApiKey:l} now","ApiKey":"a1b2c3d4e5f6a7b8c9d0"}'));
    expect(bodyText(record)).toBe("Key [REDACTED:secret] now");
    expect(attributes["@mt"]).toEqual(str("Key {ApiKey:l} now"));
    expect(attributes["redaction.kinds"]).toEqual(str("secret"));
  });

  it("a template keeps its tokens and format specs as written; `l` renders the stored value unquoted", () => {
    const { record, attributes } = stored(str(`{${T},"@mt":"Key {ApiKey:l} now","ApiKey":"a1b2c3d4e5f6a7b8c9d0"}`));
    expect(attributes["@mt"]).toEqual(str("Key {ApiKey:l} now"));
    expect(bodyText(record)).toBe("Key [REDACTED:secret] now");
    // Beside the sender's rendering too, and in JsonFormatter's MessageTemplate.
    const compact = stored(str(`{${T},"@m":"Key a1b2c3d4e5f6a7b8c9d0 now","@mt":"Key {ApiKey:l} now","ApiKey":"a1b2c3d4e5f6a7b8c9d0"}`));
    expect(compact.attributes["@mt"]).toEqual(str("Key {ApiKey:l} now"));
    expect(bodyText(compact.record)).toBe("Key [REDACTED:secret] now");
    const json = stored(str('{"Timestamp":"2026-12-03T10:00:00Z","Level":"Information","MessageTemplate":"Token {ApiKey,-24:l}.","Properties":{"ApiKey":"a1b2c3d4e5f6a7b8c9d0"}}'));
    expect(json.attributes.MessageTemplate).toEqual(str("Token {ApiKey,-24:l}."));
    expect(bodyText(json.record)).toBe("Token [REDACTED:secret]       .");
  });

  it("no @r entry puts back a redacted value, whichever token it renders", () => {
    // ApiKey has no format: @r's one entry renders When, and holds the key's value by mistake or design.
    const { record, attributes } = stored(str(`{${T},"@mt":"Key {ApiKey} at {When:HH}","ApiKey":"a1b2c3d4e5f6a7b8c9d0","When":"2026-12-03T10:00:00Z","@r":["a1b2c3d4e5f6a7b8c9d0"]}`));
    expect(bodyText(record)).toBe('Key "[REDACTED:secret]" at [REDACTED:secret]');
    expect(attributes["@r"]).toEqual(str('["[REDACTED:secret]"]'));
    expect(JSON.stringify([record.body, record.attributes])).not.toContain("a1b2c3d4e5f6a7b8c9d0");
  });
});

describe(".NET's renderings of a template hold no value redaction changed (Microsoft.Extensions.Logging, the OpenTelemetry .NET SDK)", () => {
  const SECRET = "zQ9v4lu3x7Kq";
  const noSecret = (record: LogRecord) => expect(JSON.stringify([record.body, record.attributes])).not.toContain(SECRET);

  it("the JSON console formatter's Message and State.Message, with State's {OriginalFormat} as written", () => {
    const line = `{"EventId":1,"LogLevel":"Information","Category":"C","Message":"Using ${SECRET} now","State":{"Message":"Using ${SECRET} now","Password":"${SECRET}","{OriginalFormat}":"Using {Password} now"}}`;
    const { record, attributes } = stored(str(line));
    expect(bodyText(record)).toBe("Using [REDACTED:secret] now");
    expect(attributes["State.Message"]).toEqual(str("Using [REDACTED:secret] now"));
    expect(attributes["State.Password"]).toEqual(str("[REDACTED:secret]"));
    expect(attributes["State.{OriginalFormat}"]).toEqual(str("Using {Password} now"));
    expect(record.templateBody).toBeUndefined();
    noSecret(record);
  });

  it("a value the policy drops, and values redaction leaves, in a line whose template has a format", () => {
    const line = '{"EventId":7,"LogLevel":"Warning","Category":"Shop","Message":"Shelf B-17x for order 42 at 10:00","State":{"Message":"Shelf B-17x for order 42 at 10:00","Shelf":"B-17x","Order":42,"When":"10:00","{OriginalFormat}":"Shelf {Shelf} for order {Order} at {When:HH:mm}"}}';
    const { record, attributes } = stored(str(line), [CLOUDFLARE_NAME], { redaction: policy({ dropKeys: ["State.Shelf"] }) });
    expect(attributes["State.Shelf"]).toBeUndefined();
    expect(bodyText(record)).toBe("Shelf [REDACTED:dropped] for order 42 at 10:00");
    expect(attributes["State.Message"]).toEqual(str("Shelf [REDACTED:dropped] for order 42 at 10:00"));
    expect(attributes["State.{OriginalFormat}"]).toEqual(str("Shelf {Shelf} for order {Order} at {When:HH:mm}"));
  });

  it("each scope's Message (IncludeScopes), numbers kept digit for digit", () => {
    const line =
      `{"EventId":1,"LogLevel":"Information","Category":"C","Message":"Hello","State":{"Message":"Hello","{OriginalFormat}":"Hello"},` +
      `"Scopes":[{"Message":"Tenant 9007199254740993","Tenant":9007199254740993,"{OriginalFormat}":"Tenant {Tenant}"},` +
      `{"Message":"Login as bob with ${SECRET}","User":"bob","UserPassword":"${SECRET}","{OriginalFormat}":"Login as {User} with {UserPassword:l}"}]}`;
    const { record, attributes } = stored(str(line));
    expect(bodyText(record)).toBe("Hello");
    expect(JSON.parse((attributes.Scopes as { stringValue: string }).stringValue)[1]).toEqual({
      Message: "Login as bob with [REDACTED:secret]",
      User: "bob",
      UserPassword: "[REDACTED:secret]",
      "{OriginalFormat}": "Login as {User} with {UserPassword:l}",
    });
    expect((attributes.Scopes as { stringValue: string }).stringValue).toContain('"Tenant":9007199254740993');
    noSecret(record);
  });

  it("an OTLP record as the .NET SDK's exporter sends it (IncludeFormattedMessage): the formatted body, the properties and {OriginalFormat} as attributes", () => {
    const { record, attributes } = stored(str(`Using ${SECRET} now`), [attr("Password", str(SECRET)), attr("{OriginalFormat}", str("Using {Password} now")), attr("Attempt", int("3"))]);
    expect(bodyText(record)).toBe("Using [REDACTED:secret] now");
    expect(attributes.Password).toEqual(str("[REDACTED:secret]"));
    expect(attributes["{OriginalFormat}"]).toEqual(str("Using {Password} now"));
    noSecret(record);
    // Its template keeps a format spec a detector would read as a secret's assignment.
    const formatted = stored(str(`Key ${SECRET}`), [attr("ApiKey", str(SECRET)), attr("{OriginalFormat}", str("Key {ApiKey:l}"))]);
    expect(formatted.attributes["{OriginalFormat}"]).toEqual(str("Key {ApiKey:l}"));
    expect(bodyText(formatted.record)).toBe("Key [REDACTED:secret]");
  });

  it("takes a template only from an attribute named exactly {OriginalFormat} or message_template.text, the first such", () => {
    const marked = (attributes: KeyValue[]) => {
      const record = logRecord({ timeUnixNano: "1796000000000000000", severityNumber: 9, body: str("Using x now"), attributes });
      normalizeLogsRequest(logsRequest([record]), DEFAULT_NORMALIZATION_OPTIONS);
      return record.templateBody?.template?.value;
    };
    // Names of the same lengths, spelled otherwise, are no template's.
    expect(marked([attr("{originalFormat}", str("Using {P} now")), attr("P", str("x"))])).toBeUndefined();
    expect(marked([attr("message_template.Text", str("Using {P} now")), attr("P", str("x"))])).toBeUndefined();
    expect(marked([attr("message_template.tex", str("Using {P} now")), attr("P", str("x"))])).toBeUndefined();
    expect(marked([attr("P", str("x")), attr("message_template.text", str("Using {P} now"))])).toEqual(str("Using {P} now"));
    expect(marked([attr("{OriginalFormat}", str("first {P}")), attr("message_template.text", str("second {P}"))])).toEqual(str("first {P}"));
  });

  it("an OTLP record as Serilog.Sinks.OpenTelemetry sends it: message_template.text and .renderings beside the rendered body, or the template as the body", () => {
    const template = attr("message_template.text", str("Key {ApiKey:x} for {User}"));
    const rendered = stored(str(`Key ${SECRET} for ana`), [template, attr("message_template.renderings", { arrayValue: [str(SECRET)] }), attr("ApiKey", str(SECRET)), attr("User", str("ana"))]);
    expect(bodyText(rendered.record)).toBe("Key [REDACTED:secret] for ana");
    expect(rendered.attributes["message_template.renderings"]).toEqual({ arrayValue: [str("[REDACTED:secret]")] });
    noSecret(rendered.record);
    // A destructured property is a map: the member redaction changed in place is replaced in the body.
    const user = { kvlistValue: [attr("Name", str("x1")), attr("Pin", str("4821x"))] };
    const destructured = stored(str("Login x1 with 4821x"), [attr("message_template.text", str("Login {@User}")), attr("User", user)]);
    expect(bodyText(destructured.record)).toBe("Login x1 with [REDACTED:secret]");
    expect(destructured.attributes.User).toEqual({ kvlistValue: [attr("Name", str("x1")), attr("Pin", str("[REDACTED:secret]"))] });
    // IncludedData.TemplateBody: the body is the template, and keeps its tokens as written.
    const asTemplate = stored(str("Key {ApiKey:l}"), [attr("message_template.text", str("Key {ApiKey:l}")), attr("ApiKey", str(SECRET))]);
    expect(bodyText(asTemplate.record)).toBe("Key {ApiKey:l}");
    expect(asTemplate.attributes["message_template.text"]).toEqual(str("Key {ApiKey:l}"));
    noSecret(asTemplate.record);
  });
});

describe("redaction.count is the values redaction changed in what a template's writing stores", () => {
  const SECRET = "zQ9v4lu3x7Kq";
  const count = (attributes: Record<string, AnyValue>) => attributes["redaction.count"];

  it("a .NET SDK record whose template's token a detector reads as a password's assignment: the body and the property, not the token put back", () => {
    // `password={Password}` reads as a secret's assignment: redaction changed the token, the writing put it back.
    const { record, attributes } = stored(str("Login password=hunter2x ok"), [attr("{OriginalFormat}", str("Login password={Password} ok")), attr("Password", str("hunter2x"))]);
    expect(bodyText(record)).toBe("Login password=[REDACTED:secret_param] ok");
    expect(attributes["{OriginalFormat}"]).toEqual(str("Login password={Password} ok"));
    expect(count(attributes)).toEqual(int("2"));
    expect(attributes["redaction.kinds"]).toEqual(str("secret,secret_param"));
  });

  it("the JSON console formatter's line: Message, State.Message and State.Password", () => {
    const line = `{"EventId":1,"LogLevel":"Information","Category":"C","Message":"Login password=hunter2x ok","State":{"Message":"Login password=hunter2x ok","Password":"hunter2x","{OriginalFormat}":"Login password={Password} ok"}}`;
    const { attributes } = stored(str(line));
    expect(attributes["State.{OriginalFormat}"]).toEqual(str("Login password={Password} ok"));
    expect(count(attributes)).toEqual(int("3"));
  });

  it("a value only the property's key names: the renderings it reaches count, the token put back does not", () => {
    const line = `{"EventId":1,"LogLevel":"Information","Category":"C","Message":"Key ${SECRET}","State":{"Message":"Key ${SECRET}","ApiKey":"${SECRET}","{OriginalFormat}":"Key {ApiKey:l}"}}`;
    const { record, attributes } = stored(str(line));
    expect(bodyText(record)).toBe("Key [REDACTED:secret]");
    expect(attributes["State.Message"]).toEqual(str("Key [REDACTED:secret]"));
    expect(count(attributes)).toEqual(int("3"));
    const otlp = stored(str(`Key ${SECRET}`), [attr("ApiKey", str(SECRET)), attr("{OriginalFormat}", str("Key {ApiKey:l}"))]);
    expect(count(otlp.attributes)).toEqual(int("2"));
  });

  it("a body that is the template itself keeps its tokens and counts nothing; Serilog's renderings count", () => {
    const asTemplate = stored(str("Key {ApiKey:l}"), [attr("message_template.text", str("Key {ApiKey:l}")), attr("ApiKey", str(SECRET))]);
    expect(bodyText(asTemplate.record)).toBe("Key {ApiKey:l}");
    expect(count(asTemplate.attributes)).toEqual(int("1"));
    const rendered = stored(str(`Key ${SECRET} for ana`), [
      attr("message_template.text", str("Key {ApiKey:x} for {User}")),
      attr("message_template.renderings", { arrayValue: [str(SECRET)] }),
      attr("ApiKey", str(SECRET)),
      attr("User", str("ana")),
    ]);
    // The body, the rendering and the property.
    expect(count(rendered.attributes)).toEqual(int("3"));
  });

  it("a template whose token reads as a secret's assignment, with a property left as written: what redaction changed in the body alone counts", () => {
    const rendered = stored(str("Login token=3 ok"), [attr("{OriginalFormat}", str("Login token={Attempt} ok")), attr("Attempt", int("3"))]);
    expect(rendered.attributes["{OriginalFormat}"]).toEqual(str("Login token={Attempt} ok"));
    expect(count(rendered.attributes)).toEqual(int("1"));
    // The body is the template (Serilog's TemplateBody): both put back, nothing changed, no summary.
    const { record, attributes } = stored(str("Login token={Attempt} ok"), [attr("message_template.text", str("Login token={Attempt} ok")), attr("Attempt", int("3"))]);
    expect(bodyText(record)).toBe("Login token={Attempt} ok");
    expect(attributes).not.toHaveProperty("redaction.count");
    expect(attributes).not.toHaveProperty("redaction.kinds");
  });

  it("a hashed property rendered into a template body counts as hashed", () => {
    const line = '{"@t":"2026-12-03T10:00:00Z","@mt":"User {UserId} logged in","UserId":"cust-829311"}';
    const { record, attributes } = stored(str(line), [CLOUDFLARE_NAME], { redaction: hashingPolicy({ hashKeys: ["UserId"] }) });
    expect(bodyText(record)).toBe(`User "${hash("cust-829311")}" logged in`);
    expect(count(attributes)).toEqual(int("2"));
    expect(attributes["redaction.kinds"]).toEqual(str("hashed"));
  });

  it("the request's counts are the records' (prepareExport)", () => {
    const { pipeline } = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true" });
    const record = {
      timeUnixNano: "1796000000000000000",
      body: { stringValue: "Login password=hunter2x ok" },
      attributes: [
        { key: "{OriginalFormat}", value: { stringValue: "Login password={Password} ok" } },
        { key: "Password", value: { stringValue: "hunter2x" } },
      ],
    };
    const document = { resourceLogs: [{ resource: { attributes: [] }, scopeLogs: [{ scope: {}, logRecords: [record] }] }] };
    const prepared = prepareExport("logs", "json", new TextEncoder().encode(JSON.stringify(document)), pipeline, "1796000000000000000");
    expect(prepared.redactions).toMatchObject({ count: 2, kinds: { secret: 1, secret_param: 1 } });
  });
});
