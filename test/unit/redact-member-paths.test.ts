/**
 * One verdict per member in a record: a JSON member's value gets in the Body's JSON text the
 * verdict its lifted attribute gets, when the rule depends on a parent's name (`pedido.numero`:
 * an order's number, kept; `user.id`: a person's id, its CPF redacted; a GraphQL variable passed
 * as `numeroPedido`), though the text detectors that read the whole text afterwards see only the
 * member's own name (`numero`, `id`, `n`). docs/decisions.md, 2026-12-01, "the Body's JSON text
 * and its lifted attributes".
 */
import { describe, expect, it } from "vitest";
import type { AnyValue, KeyValue, LogRecord } from "../../workers/shared/otlp/model";
import { DEFAULT_NORMALIZATION_OPTIONS, normalizeLogsRequest } from "../../workers/ingest/core/normalize";
import { defaultRedactionPolicy, redactRequest, type RedactionPolicy } from "../../workers/ingest/core/redact";
import { DEFAULT_REQUEST_LIMITS } from "../../workers/ingest/core/limits";
import { KeptMembers } from "../../workers/ingest/core/redact/kept-members";
import { workDone } from "../../workers/ingest/core/redact/scan-scope";
import { logRecord, logsRequest, metricsRequest } from "../support/model-builders";
import { redactionPolicy } from "../support/redaction";

/** An order number whose last two digits are the CPF check digits of its first nine. */
const CPF_DIGITS = "52998224725";
const CPF_MARKER = "[REDACTED:cpf]";

/** A stored value as a row shows it: a string's text, an integer's digits. */
function text(value: AnyValue | undefined): string {
  if (value !== undefined && "stringValue" in value) return value.stringValue;
  return value !== undefined && "intValue" in value ? value.intValue : JSON.stringify(value);
}

/** A log line's body lifted and kept as its JSON text, then redacted, as prepareExport runs them. */
function storedLine(body: string, attributes: KeyValue[] = []): { body: string; attributes: Record<string, string> } {
  const record: LogRecord = logRecord({ timeUnixNano: "1796000000000000000", body: { stringValue: body }, attributes });
  const request = logsRequest([record]);
  normalizeLogsRequest(request, DEFAULT_NORMALIZATION_OPTIONS, DEFAULT_REQUEST_LIMITS);
  redactRequest("logs", request, defaultRedactionPolicy());
  return { body: text(record.body), attributes: Object.fromEntries(record.attributes.map((a) => [a.key, text(a.value)])) };
}

/** Log attributes redacted as sent: values that are JSON text are not lifted. */
function storedAttributes(attributes: KeyValue[], policy: RedactionPolicy = defaultRedactionPolicy()): Record<string, string> {
  const record = logRecord({ attributes });
  redactRequest("logs", logsRequest([record]), policy);
  return Object.fromEntries(record.attributes.map((a) => [a.key, text(a.value)]));
}

const attribute = (key: string, value: string): KeyValue => ({ key, value: { stringValue: value } });

/** Members whose parent's name makes their attribute keep the value: the Body keeps it too. */
const KEPT = [
  { line: `{"pedido":{"numero":"${CPF_DIGITS}"}}`, key: "pedido.numero", value: CPF_DIGITS },
  { line: `{"order":{"number":"${CPF_DIGITS}"}}`, key: "order.number", value: CPF_DIGITS },
  { line: `{"nota_fiscal":{"numero":"${CPF_DIGITS}"}}`, key: "nota_fiscal.numero", value: CPF_DIGITS },
  { line: `{"pedido": {"numero": "${CPF_DIGITS}", "itens": 3}, "evento": "pago"}`, key: "pedido.numero", value: CPF_DIGITS },
  { line: `{"pedido":{"numero":${CPF_DIGITS}},"evento":"pago"}`, key: "pedido.numero", value: CPF_DIGITS },
  // An order's number is an id: a Luhn-valid one is no card there, as under the attribute.
  { line: `{"pedido":{"numero":"4111111111111111"},"evento":"pago"}`, key: "pedido.numero", value: "4111111111111111" },
  { line: `{"order":{"id":"123-45-6789"},"evento":"ok"}`, key: "order.id", value: "123-45-6789" },
  {
    line: `{"query":"query { order(numeroPedido: $n) { id } }","variables":{"n":"${CPF_DIGITS}"}}`,
    key: "variables.n",
    value: CPF_DIGITS,
  },
];

const SECRET_MARKER = "[REDACTED:secret]";

/** The member of parsed JSON at a dotted path. */
function memberAt(json: Record<string, unknown>, path: string): unknown {
  return path.split(".").reduce<unknown>((member, name) => (member as Record<string, unknown> | undefined)?.[name], json);
}

/**
 * Members under a secret's name (`heldSecrecy`): those holding the secret (`held`) are hidden in
 * the attribute and in the Body; those describing it (`kept`, with the text stored) stay in both.
 */
const HELD_SECRETS: { line: string; held: string[]; kept: Record<string, string> }[] = [
  { line: `{"password":{"new":"x9!Secret","confirm":"x9!Secret"},"evento":"troca"}`, held: ["password.new", "password.confirm"], kept: { evento: "troca" } },
  { line: `{"api_key":{"primary":"Zq8vT2mK9pL4xR7w","secondary":"Wn3bY6cH1jF5gD0s"}}`, held: ["api_key.primary", "api_key.secondary"], kept: {} },
  { line: `{"secrets":{"db":"pa55word!x","smtp":"m4il-Pa55"}}`, held: ["secrets.db", "secrets.smtp"], kept: {} },
  { line: `{"secrets":{"db":{"value":"pa55word!x","host":"db.internal"}}}`, held: ["secrets.db.value"], kept: { "secrets.db.host": "db.internal" } },
  { line: `{"senha":{"atual":"Abc!2345","nova":"Xyz!6789"}}`, held: ["senha.atual", "senha.nova"], kept: {} },
  { line: `{"session":{"value":"s3ss10n-v4lue","country":"BR"}}`, held: ["session.value"], kept: { "session.country": "BR" } },
  {
    line: `{"password":{"length":12,"min_length":8,"type":"bcrypt","algorithm":"argon2id","policy":"strong","rotated":"yes","expires_at":"2027-01-01"}}`,
    held: [],
    kept: {
      "password.length": "12",
      "password.min_length": "8",
      "password.type": "bcrypt",
      "password.algorithm": "argon2id",
      "password.policy": "strong",
      "password.rotated": "yes",
      "password.expires_at": "2027-01-01",
    },
  },
  {
    line: `{"api_key":{"id":"key_123","name":"prod","provider":"stripe","kind":"restricted","created_at":"2026-11-30","count":"2"},"credentials":{"username":"svc-orders","value":"hunter2"}}`,
    held: ["credentials.value"],
    kept: {
      "api_key.id": "key_123",
      "api_key.name": "prod",
      "api_key.provider": "stripe",
      "api_key.kind": "restricted",
      "api_key.created_at": "2026-11-30",
      "api_key.count": "2",
      "credentials.username": "svc-orders",
    },
  },
  { line: `{"authorization":{"decision":"allow","policy":"orders-read"}}`, held: [], kept: { "authorization.decision": "allow", "authorization.policy": "orders-read" } },
];

/** Members whose parent's name makes their attribute redact the value: the Body redacts it too. */
const REDACTED = [
  { line: `{"user":{"id":"${CPF_DIGITS}"},"evento":"login"}`, key: "user.id", value: CPF_DIGITS },
  { line: `{"cliente":{"id":"${CPF_DIGITS}"},"evento":"login"}`, key: "cliente.id", value: CPF_DIGITS },
  { line: `{"applicant":{"id":"123-45-6789"},"evento":"ok"}`, key: "applicant.id", value: "123-45-6789" },
  { line: `{"card":{"holder":"Ana Souza"},"evento":"pago"}`, key: "card.holder", value: "Ana Souza" },
  { line: `{"address":{"zip":"04538-133"},"evento":"entrega"}`, key: "address.zip", value: "04538-133" },
  { line: `{"address":{"zip":94105},"evento":"ship"}`, key: "address.zip", value: "94105" },
  { line: `{"customer":{"phone":"123-45-6789"},"evento":"ok"}`, key: "customer.phone", value: "123-45-6789" },
  { line: `{"pix":{"chave":"${CPF_DIGITS}"},"evento":"pix"}`, key: "pix.chave", value: CPF_DIGITS },
  {
    line: `{"query":"mutation { pay(customer: {cpf: $d}) { id } }","variables":{"d":"${CPF_DIGITS}"}}`,
    key: "variables.d",
    value: CPF_DIGITS,
  },
];

describe("a member's verdict in the Body's JSON text is its lifted attribute's", () => {
  it.each(KEPT)("$key keeps $value in both", ({ line, key, value }) => {
    const stored = storedLine(line);
    expect(stored.attributes[key]).toBe(value);
    expect(stored.body).toBe(line);
  });

  it.each(REDACTED)("$key redacts $value in both", ({ line, key, value }) => {
    const stored = storedLine(line);
    expect(stored.attributes[key]).not.toContain(value);
    expect(stored.attributes[key]).toMatch(/^\[REDACTED:/);
    expect(stored.body).not.toContain(value);
  });

  it("hides a secret under a secret's parent in the Body member by member, as its attribute", () => {
    const stored = storedLine(`{"credentials":{"value":"hunter2"},"evento":"login"}`);
    expect(stored.attributes["credentials.value"]).toBe(SECRET_MARKER);
    expect(stored.body).toBe(`{"credentials":{"value":"${SECRET_MARKER}"},"evento":"login"}`);
  });

  it.each(HELD_SECRETS)("$line hides the secret under its parent's name in both", ({ line, held, kept }) => {
    const stored = storedLine(line);
    const body = JSON.parse(stored.body) as Record<string, unknown>;
    for (const key of held) {
      expect(stored.attributes[key]).toBe(SECRET_MARKER);
      expect(memberAt(body, key)).toBe(SECRET_MARKER);
    }
    for (const [key, value] of Object.entries(kept)) {
      expect(stored.attributes[key]).toBe(value);
      expect(String(memberAt(body, key))).toBe(value);
    }
  });

  it("keeps the member's value only: the same digits in prose beside it stay redacted, as in their attribute", () => {
    const stored = storedLine(`{"pedido":{"numero":"${CPF_DIGITS}"},"nota":"o cliente ${CPF_DIGITS} ligou"}`);
    expect(stored.attributes["nota"]).toBe(`o cliente ${CPF_MARKER} ligou`);
    expect(stored.body).toBe(`{"pedido":{"numero":"${CPF_DIGITS}"},"nota":"o cliente ${CPF_MARKER} ligou"}`);
  });

  it("redacts every member of the same name and value when one of them is a person's", () => {
    const stored = storedLine(`{"pedido":{"numero":"${CPF_DIGITS}"},"cliente":{"numero":"${CPF_DIGITS}"}}`);
    expect(stored.attributes["pedido.numero"]).toBe(CPF_DIGITS);
    expect(stored.attributes["cliente.numero"]).toBe(CPF_MARKER);
    // The customer's CPF is hidden; the order's copy, in clear in its attribute, hides nothing.
    expect(stored.body).toBe(`{"pedido":{"numero":"${CPF_MARKER}"},"cliente":{"numero":"${CPF_MARKER}"}}`);
  });
});

describe("members ruled by their path in JSON text that is no lifted body", () => {
  it("a request body attribute, and JSON text one level down in it", () => {
    const kept = `{"pedido":{"numero":"${CPF_DIGITS}"}}`;
    const nested = JSON.stringify({ payload: kept });
    const person = JSON.stringify({ payload: `{"user":{"id":"${CPF_DIGITS}"}}` });
    const stored = storedAttributes([attribute("http.request.body", kept), attribute("http.response.body", nested), attribute("message", person)]);
    expect(stored["http.request.body"]).toBe(kept);
    expect(stored["http.response.body"]).toBe(nested);
    expect(stored["message"]).toBe(JSON.stringify({ payload: `{"user":{"id":"${CPF_MARKER}"}}` }));
  });

  it("the same text under two keys gets each key's verdict: a text kept under one is not remembered as clean", () => {
    const line = `{"numero":"${CPF_DIGITS}"}`;
    const stored = storedAttributes([attribute("audit", line), attribute("note", line)], redactionPolicy({ keepKeys: ["audit.numero"] }));
    expect(stored["audit"]).toBe(line);
    expect(stored["note"]).toBe(`{"numero":"${CPF_MARKER}"}`);
  });

  it("a member listed to keep keeps its value in the text scanned after", () => {
    const line = `{"audit":{"numero":"${CPF_DIGITS}"},"nota":"cpf ${CPF_DIGITS}"}`;
    const stored = storedAttributes([attribute("http.request.body", line)], redactionPolicy({ keepKeys: ["audit.numero"] }));
    expect(stored["http.request.body"]).toBe(`{"audit":{"numero":"${CPF_DIGITS}"},"nota":"cpf ${CPF_MARKER}"}`);
  });

  it("a person's id in a metric attribute's JSON is its hashed marker in place", () => {
    const request = metricsRequest([
      {
        name: "m",
        description: "",
        unit: "",
        metadata: [],
        data: { type: "gauge", dataPoints: [{ attributes: [attribute("payload", `{"user":{"id":"${CPF_DIGITS}"}}`)], startTimeUnixNano: "0", timeUnixNano: "1", value: { asInt: "1" }, exemplars: [], flags: 0 }] },
      } as never,
    ]);
    redactRequest("metrics", request, defaultRedactionPolicy());
    const data = request.resourceMetrics[0]!.scopeMetrics[0]!.metrics[0]!.data as { dataPoints: { attributes: KeyValue[] }[] };
    const stored = text(data.dataPoints[0]!.attributes[0]!.value);
    expect(stored).not.toContain(CPF_DIGITS);
    expect(stored).toMatch(/^\{"user":\{"id":"\[REDACTED:cpf:[0-9a-f]{16}\]"\}\}$/);
  });
});

describe("KeptMembers", () => {
  const kept = (pairs: [string, string][]) => {
    const members = new KeptMembers();
    for (const [name, value] of pairs) members.add(name, value);
    return members;
  };

  it("keeps a noted member's whole value, a string or a bare number, at any level of escapes", () => {
    for (const written of [`{"numero":"${CPF_DIGITS}"}`, `{"numero" : ${CPF_DIGITS} }`, `{\\"numero\\":\\"${CPF_DIGITS}\\"}`, `[{"numero":${CPF_DIGITS}}]`]) {
      const members = kept([["numero", CPF_DIGITS]]);
      expect(members.keeps(written, written.indexOf(CPF_DIGITS), CPF_DIGITS.length)).toBe(true);
    }
  });

  it("keeps nothing else: another name, part of a value, a value in words, a name written with an escape", () => {
    const cases: [string, string][] = [
      [`{"nota":"${CPF_DIGITS}"}`, CPF_DIGITS],
      [`{"numero":"${CPF_DIGITS}1"}`, CPF_DIGITS],
      [`{"numero":"n ${CPF_DIGITS}"}`, CPF_DIGITS],
      [`{"numero":${CPF_DIGITS}5}`, CPF_DIGITS],
      [`{"n\\u00famero":"${CPF_DIGITS}"}`, CPF_DIGITS],
      [`numero: ${CPF_DIGITS}`, CPF_DIGITS],
    ];
    for (const [written, value] of cases) {
      const members = kept([["numero", value], ["número", value]]);
      expect(members.keeps(written, written.indexOf(value), value.length)).toBe(false);
    }
  });

  it("keeps a value only while every member of its name and value is a noted one", () => {
    const twice = `{"a":{"numero":"${CPF_DIGITS}"},"b":{"numero":"${CPF_DIGITS}"}}`;
    expect(kept([["numero", CPF_DIGITS]]).keeps(twice, twice.indexOf(CPF_DIGITS), CPF_DIGITS.length)).toBe(false);
    expect(kept([["numero", CPF_DIGITS], ["numero", CPF_DIGITS]]).keeps(twice, twice.lastIndexOf(CPF_DIGITS), CPF_DIGITS.length)).toBe(true);
  });

  it("reads a text a bounded number of times however many pairs it notes: linear", () => {
    const work = (members: number) => {
      const pairs: [string, string][] = Array.from({ length: members }, (_, i) => ["numero", String(10_000_000_000 + i)]);
      const written = JSON.stringify(pairs.map(([name, value]) => ({ [name]: value })));
      const noted = kept(pairs);
      const before = workDone();
      let keeps = 0;
      for (const [, value] of pairs) if (noted.keeps(written, written.indexOf(value), value.length)) keeps++;
      return { work: workDone() - before, keeps, length: written.length };
    };
    const small = work(500);
    const large = work(1000);
    expect(small.keeps).toBeGreaterThan(0);
    expect(large.work / large.length).toBeLessThanOrEqual(8);
    expect(large.work).toBeLessThanOrEqual(2.2 * small.work);
  });
});

describe("a member under a secret's name, in any form a sender nests it", () => {
  const keyRules = defaultRedactionPolicy().keyRules;
  const map = (entries: Record<string, string>): AnyValue => ({
    kvlistValue: Object.entries(entries).map(([key, value]) => attribute(key, value)),
  });

  it("rules a flattened key by its parents' secret names, as the same words joined in one name", () => {
    for (const key of ["credentials.value", "password.new", "password.confirm", "api_key.primary", "secrets.db", "password.0", "secrets.db.value", "user.password.old", "senha.nova", "session.value", "basic_auth.value", "credentials_value"]) {
      expect(keyRules.ruleFor(key).action, key).toBe("secret");
    }
    expect(keyRules.ruleFor("pin.value").action).toBe("secret_code");
    expect(keyRules.ruleFor("card.cvv.new").action).toBe("secret_code");
    for (const key of [
      "password.length", "password.min_length", "password.type", "password.expires_at", "password.rotated", "api_key.id", "api_key.name",
      "api_key.provider", "api_key.kind", "secret.created_at", "token.count", "token.algorithm", "secrets.db.host",
      "session.country", "session.previous_id", "authorization.decision", "jwt.claims", "cookie.domain", "api_key.last4", "api_key.fingerprint",
      "cf.tlsClientAuth.certPresented", "basic_auth.realm",
      "password_length", "value", "data.value",
    ]) {
      expect(keyRules.ruleFor(key).action, key).toBe("scan");
    }
    // A login's user is no secret; a full name there is a person's (`namesPersonParty`).
    for (const key of ["credentials.username", "basic_auth.username"]) expect(keyRules.ruleFor(key), key).toEqual({ action: "person_name", nameField: "party" });
  });

  it("names a collection of secrets a secret: `passwords`, `secrets`, `api_keys`", () => {
    for (const key of ["passwords", "secrets", "api_keys", "apiKeys", "user.signing_keys", "senhas"]) expect(keyRules.ruleFor(key).action, key).toBe("secret");
    for (const key of ["keys", "sort_keys", "secrets_count"]) expect(keyRules.ruleFor(key).action, key).toBe("scan");
  });

  it("names a list of codes by a code word's plural as its singular names one code, with the singular's exceptions", () => {
    for (const key of ["pins", "otps", "cvvs", "cvcs", "passcodes", "card_pins", "cardPins", "PINS", "data.pins", "user.otps", "pins.visa", "otps.0"]) {
      expect(keyRules.ruleFor(key).action, key).toBe("secret_code");
    }
    for (const key of ["pin_ids", "pins_count", "otp_length", "pins_ids", "otps_length", "pin_limits", "pins_timeout_ms", "pins_version", "pins.count", "pinned", "spins"]) {
      expect(keyRules.ruleFor(key).action, key).toBe("scan");
    }
    const stored = storedLine(`{"msg":"x","pins":[1234,5678],"data":{"otps":["123456"]},"cvvs":{"visa":"123"},"pin_ids":[1234,5678],"pins_count":2}`);
    expect(stored.attributes).toMatchObject({ pins: SECRET_MARKER, "data.otps": SECRET_MARKER, "cvvs.visa": SECRET_MARKER, pin_ids: "[1234,5678]", pins_count: "2" });
  });

  it("keeps a count under a code word's plural when a word before it counts or qualifies the codes, or its value holds no code", () => {
    const counts = [
      "num_pins", "numPins", "max_pins", "maxPins", "min_pins", "total_pins", "totalPins", "n_pins", "count_pins", "failed_pins",
      "failedOtps", "remaining_pins", "attempted_pins", "wrong_pins", "invalid_pins", "locked_pins", "reset_pins", "max_otps",
      "pending_otps", "used_otps", "expired_otps", "valid_otps", "sent_otps", "hasPins", "showPins", "isPins",
    ];
    for (const key of counts) {
      expect(storedLine(`{"msg":"x","${key}":3}`).attributes[key], key).toBe("3");
      expect(storedLine(`{"msg":"x","${key}":[3,5]}`).attributes[key], key).toBe("[3,5]");
    }
    expect(storedLine(`{"msg":"x","otps":{"sent":3,"verified":2,"failed":1}}`).attributes).toMatchObject({ "otps.sent": "3", "otps.verified": "2", "otps.failed": "1" });
  });

  it("keeps what is no code under a code word's plural: map pins, HPKP pins, GPIO pins, ids, flags, placeholders", () => {
    const kept: [string, string, string][] = [
      [`{"msg":"x","pins":[{"lat":52.5,"lng":13.4}]}`, "pins", `[{"lat":52.5,"lng":13.4}]`],
      [`{"msg":"x","map":{"pins":[{"lat":52.5,"lng":13.4}]}}`, "map.pins", `[{"lat":52.5,"lng":13.4}]`],
      [`{"msg":"x","dropPins":[{"lat":52.5,"lng":13.4}]}`, "dropPins", `[{"lat":52.5,"lng":13.4}]`],
      [`{"msg":"x","hpkp":{"pins":["sha256/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdef="]}}`, "hpkp.pins", `["sha256/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdef="]`],
      [`{"msg":"x","gpio":{"pins":[17,27,22]}}`, "gpio.pins", "[17,27,22]"],
      [`{"msg":"x","pins":["pin_abc123"]}`, "pins", `["pin_abc123"]`],
      [`{"msg":"x","pins":[{"id":7,"pinned":true}]}`, "pins", `[{"id":7,"pinned":true}]`],
      [`{"msg":"x","pins":["a","b"]}`, "pins", `["a","b"]`],
      [`{"msg":"x","pins":[true,false]}`, "pins", "[true,false]"],
      [`{"msg":"x","pins":0}`, "pins", "0"],
      [`{"msg":"x","pins":"[$a, $b]"}`, "pins", "[$a, $b]"],
      [`{"msg":"x","pins":["$a"]}`, "pins", `["$a"]`],
    ];
    for (const [line, key, value] of kept) expect(storedLine(line).attributes[key], line).toBe(value);
  });

  it("hides codes under every plural of a code's name, read as its singular, and under `passwords` as a list", () => {
    const keys = [
      "passwords", "pin_codes", "pinCodes", "cvv_codes", "cvc_codes", "one_time_passwords", "oneTimePasswords", "pin_numbers", "pinNumbers",
      "pins_list", "pin_list", "pin_values", "security_codes", "verification_codes", "mfa_codes", "totp_codes", "totps", "cvv2s",
    ];
    for (const key of keys) {
      expect(storedLine(`{"msg":"x","${key}":[1234,5678]}`).attributes[key], key).toBe(SECRET_MARKER);
      expect(storedLine(`{"msg":"x","${key}":["123456"]}`).attributes[key], key).toBe(SECRET_MARKER);
    }
    // One number under `passwords` is a count, as before; a password in text still goes.
    expect(storedLine(`{"msg":"x","passwords":1500,"db_passwords":"hunter22"}`).attributes).toMatchObject({ passwords: "1500", db_passwords: SECRET_MARKER });
    expect(storedLine(`{"msg":"x","pins":"1234,5678","card_pins":[1234,"5678"]}`).attributes).toMatchObject({ pins: SECRET_MARKER, card_pins: SECRET_MARKER });
  });

  it("names `tokens` a collection of secrets alone or after a credential's word, and keeps LLM token counts", () => {
    for (const key of ["tokens", "access_tokens", "refresh_tokens", "refreshTokens", "user.tokens", "tokens.internal", "tokens.github"]) {
      expect(keyRules.ruleFor(key).action, key).toBe("secret");
    }
    for (const key of ["max_tokens", "input_tokens", "prompt_tokens", "gen_ai.usage.input_tokens", "tokens_used", "total_tokens", "tokens.count"]) {
      expect(keyRules.ruleFor(key).action, key).toBe("scan");
    }
    const stored = storedLine(`{"tokens":{"github":"ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3z5A","internal":"Zq8vT2mK9pL4xR7wQ1"},"evento":"x"}`);
    expect(stored.attributes["tokens.internal"] ?? JSON.parse(stored.body).tokens.internal).toBe(SECRET_MARKER);
    expect(stored.body).not.toContain("Zq8vT2mK9pL4xR7wQ1");
    expect(stored.body).not.toContain("ghp_");
    const counts = storedLine(`{"usage":{"tokens":1234},"max_tokens":4096,"tokens_used":87,"refresh_tokens":2}`);
    expect(JSON.parse(counts.body)).toEqual({ usage: { tokens: 1234 }, max_tokens: 4096, tokens_used: 87, refresh_tokens: 2 });
  });

  it("rules a map attribute (`kvlistValue`) member by member: the secret goes, its metadata stays", () => {
    const stored = storedAttributes([
      { key: "credentials", value: map({ value: "hunter2", username: "svc-orders" }) },
      { key: "password", value: map({ new: "x9!Secret", confirm: "x9!Secret", length: "9", type: "bcrypt" }) },
      { key: "secrets", value: map({ db: "pa55word!x" }) },
    ]);
    expect(JSON.parse(stored["credentials"]!)).toEqual({ kvlistValue: [attribute("value", SECRET_MARKER), attribute("username", "svc-orders")] });
    expect(JSON.parse(stored["password"]!)).toEqual({
      kvlistValue: [attribute("new", SECRET_MARKER), attribute("confirm", SECRET_MARKER), attribute("length", "9"), attribute("type", "bcrypt")],
    });
    expect(JSON.parse(stored["secrets"]!)).toEqual({ kvlistValue: [attribute("db", SECRET_MARKER)] });
  });

  it("hides a list under a secret's name whole, its items being the secret", () => {
    const stored = storedLine(`{"password":["hunter2","x9!Secret"],"api_keys":[{"value":"Zq8vT2mK9pL4xR7w"}],"evento":"x"}`);
    expect(stored.attributes["password"]).toBe(SECRET_MARKER);
    expect(stored.attributes["api_keys"]).toBe(SECRET_MARKER);
    expect(stored.body).toBe(`{"password":"${SECRET_MARKER}","api_keys":"${SECRET_MARKER}","evento":"x"}`);
  });
});
