/**
 * GraphQL variables ruled by the arguments their document passes them as: a password bound as
 * `$p` or `$senha` is hidden as one sent as `$password` is, in a JSON request body, in the
 * `graphql.document`/`graphql.source` attributes beside `graphql.variables` (one JSON text, or
 * one attribute per variable), in a lifted log line and in a structured body; personal
 * arguments (`phone`, `cep`) make the variable's value read as one. Variables passed as ids,
 * page sizes, cursors and locales stay, and so does a request without a document. The document
 * is read linearly, counted in characters, never timed.
 */
import { describe, expect, it } from "vitest";
import type { AnyValue, KeyValue, NumberDataPoint } from "../../workers/shared/otlp/model";
import { defaultRedactionPolicy, redactRequest } from "../../workers/ingest/core/redact";
import { variableArguments } from "../../workers/ingest/core/redact/graphql-document";
import { workDone } from "../../workers/ingest/core/redact/scan-scope";
import { GraphQLDocuments } from "../../workers/ingest/core/redact/graphql-variables";
import { hash, hashingPolicy } from "../support/hashing-policy";
import { logRecord, logsRequest, metricsRequest, span, tracesRequest } from "../support/model-builders";

const str = (stringValue: string): AnyValue => ({ stringValue });
const attr = (key: string, value: AnyValue): KeyValue => ({ key, value });
const text = (value: AnyValue | undefined): string => (value as { stringValue: string }).stringValue;
const kvlist = (entries: Record<string, AnyValue>): AnyValue => ({
  kvlistValue: Object.entries(entries).map(([key, value]) => attr(key, value)),
});

/** The span's attributes after redaction, by key. */
function redactedSpan(attributes: KeyValue[], policy = defaultRedactionPolicy()): Record<string, AnyValue> {
  const s = span({ attributes });
  redactRequest("traces", tracesRequest([s]), policy);
  return Object.fromEntries(s.attributes.map((a) => [a.key, a.value]));
}

/** `http.request.body` holding `body` (JSON), redacted; the stored text. */
function redactedBody(body: object | string, policy = defaultRedactionPolicy()): string {
  return text(redactedSpan([attr("http.request.body", str(typeof body === "string" ? body : JSON.stringify(body)))], policy)["http.request.body"]);
}

const LOGIN = "mutation($p:String!){login(password:$p)}";

describe("the document: which arguments each variable is passed as", () => {
  it.each([
    ["named after their arguments", "mutation Login($email: String!, $senha: String!) { login(email: $email, senha: $senha) { token } }", { email: ["email"], senha: ["senha"] }],
    ["unspaced, under another name", LOGIN, { p: ["password"] }],
    ["a whole input object", "mutation($in: LoginInput!){login(input:$in)}", { in: ["input"] }],
    [
      "inside input objects and lists, in directives and fragments",
      'mutation($p: String = "a)b" @d(x: $z)) { login(input: {credentials: {password: $p}}, codes: [$a, {pin: $b}]) @include(if: $show) { ...F } }\nfragment F on User { friends(first: $n, after: $c) { id } }',
      { p: ["input.credentials.password"], a: ["codes"], b: ["codes.pin"], show: ["if"], n: ["first"], c: ["after"] },
    ],
    ["a directive on the operation", "query Q @auth(token: $t) { me { id } }", { t: ["token"] }],
    ["one variable passed twice", "mutation($x: String){a(id: $x) b(password: $x) c(id: $x)}", { x: ["id", "password"] }],
    ["`$` and brackets inside strings, block strings and comments mean nothing", '{ a(b: """ $x ) \\""" $y """, c: "$w\\"(", d: $z) } # f(password: $v)', { z: ["d"] }],
    ["a variable's definition and its default are no use", "query($password: String = \"x\", $ids: [ID!] = [1]) { a }", {}],
    ["no GraphQL: SQL's numbered parameters", "SELECT * FROM users WHERE id = $1 AND name = $2", {}],
  ])("%s", (_, document, expected) => {
    expect(Object.fromEntries(variableArguments(document))).toEqual(expected);
  });
});

describe("a JSON request body (GraphQL over HTTP)", () => {
  it("a new user's example: variables named after their arguments (`$email`, `$senha`)", () => {
    const body = {
      query: "mutation Login($email: String!, $senha: String!) { login(email: $email, senha: $senha) { token } }",
      variables: { email: "ana@example.com", senha: "Mudar@2024" },
    };
    expect(JSON.parse(redactedBody(body))).toEqual({ query: body.query, variables: { email: "[REDACTED:email]", senha: "[REDACTED:secret]" } });
  });

  it("a password under a variable named anything (`$p`): the argument's rule, the rest as sent", () => {
    const sent = `{"query":"${LOGIN}","variables":{"p":"hunter22"}}`;
    expect(redactedBody(sent)).toBe(`{"query":"${LOGIN}","variables":{"p":"[REDACTED:secret]"}}`);
  });

  it("Apollo Client's member order (variables before the document), and variables sent as JSON text", () => {
    const apollo = { operationName: "Login", variables: { s: "Mudar@2024", remember: true }, query: "mutation Login($s: String!, $remember: Boolean) { login(senha: $s, remember: $remember) { token } }" };
    expect(JSON.parse(redactedBody(apollo))).toEqual({ ...apollo, variables: { s: "[REDACTED:secret]", remember: true } });
    const asText = { query: LOGIN, variables: JSON.stringify({ p: "hunter22" }) };
    expect(JSON.parse(redactedBody(asText))).toEqual({ query: LOGIN, variables: '{"p":"[REDACTED:secret]"}' });
  });

  it("an inline input object's field, a list, a card code's number and a batch of requests, each by its own document", () => {
    const inline = { query: "mutation($pw: String!){ login(input: {credentials: {email: \"a\", password: $pw}}) }", variables: { pw: "hunter22" } };
    expect(JSON.parse(redactedBody(inline)).variables).toEqual({ pw: "[REDACTED:secret]" });
    const card = { query: "mutation($c: Int!, $a: String, $b: String){ pay(cvv: $c) setPins(pin: [$a, $b]) }", variables: { c: 123, a: "4821", b: "9377" } };
    expect(JSON.parse(redactedBody(card)).variables).toEqual({ c: "[REDACTED:secret]", a: "[REDACTED:secret]", b: "[REDACTED:secret]" });
    const batch = [
      { query: LOGIN, variables: { p: "hunter22" } },
      { query: "query($p: Int){ products(first: $p) { id } }", variables: { p: 10 } },
    ];
    expect(JSON.parse(redactedBody(batch))).toEqual([{ query: LOGIN, variables: { p: "[REDACTED:secret]" } }, batch[1]]);
  });

  it("an input object variable: its members are ruled by their own names", () => {
    const body = { query: "mutation($in: LoginInput!){login(input:$in)}", variables: { in: { email: "ana@example.com", password: "hunter22" } } };
    expect(JSON.parse(redactedBody(body)).variables).toEqual({ in: { email: "[REDACTED:email]", password: "[REDACTED:secret]" } });
  });

  it("a personal argument makes the value read as one (`phone`, `cep`): what its key would find", () => {
    const body = {
      query: "mutation($t: String, $z: String, $n: String) { signup(phone: $t, cep: $z, name: $n) { id } }",
      variables: { t: "11987654321", z: "01310-100", n: "Ana" },
    };
    expect(JSON.parse(redactedBody(body)).variables).toEqual({ t: "[REDACTED:phone]", z: "[REDACTED:postal_code]", n: "Ana" });
    // The same values under names that say nothing, with no document, are no phone or CEP.
    expect(JSON.parse(redactedBody({ variables: body.variables }))).toEqual({ variables: body.variables });
  });

  it("a variable passed as an order's id and a phone is read as both: what either argument would find", () => {
    const body = {
      query: "query($v: String, $w: String) { a: orders(orderId: $v, phone: $v) { id } b: orders(numeroPedido: $w, cpf: $w) { id } }",
      variables: { v: "11987654321", w: "52998224725" },
    };
    expect(JSON.parse(redactedBody(body)).variables).toEqual({ v: "[REDACTED:phone]", w: "[REDACTED:cpf]" });
    // Passed as an order's number alone, the digits are that number.
    const order = { query: "query($w: String) { orders(numeroPedido: $w) { id } }", variables: { w: "52998224725" } };
    expect(JSON.parse(redactedBody(order)).variables).toEqual({ w: "52998224725" });
  });

  it("a key the operator lists is reached through the argument's name (hash `email`)", () => {
    const body = { query: "query($e: String!){ customer(email: $e) { id } }", variables: { e: "ana@example.com" } };
    expect(JSON.parse(redactedBody(body, hashingPolicy({ hashKeys: ["email"] }))).variables).toEqual({ e: hash("ana@example.com") });
  });

  it("a variable's own name still rules: `$password` passed as `first` stays hidden", () => {
    const body = { query: "query($password: String){ items(first: $password) { id } }", variables: { password: "hunter22" } };
    expect(JSON.parse(redactedBody(body)).variables).toEqual({ password: "[REDACTED:secret]" });
  });

  it("counts each value once, on the span", () => {
    const attributes = redactedSpan([attr("http.request.body", str(JSON.stringify({ query: LOGIN, variables: { p: "hunter22" } })))]);
    expect(attributes).toMatchObject({ "redaction.count": { intValue: "1" }, "redaction.kinds": str("secret") });
  });
});

describe("look-alikes: variables passed as what is no secret stay as sent", () => {
  it.each([
    ["an id, a page size, a cursor and a locale", { query: "query($i: ID!, $n: Int, $c: String, $l: String){ products(id: $i, first: $n, after: $c, locale: $l) { id } }", variables: { i: "prod-42", n: 10, c: "YXJyYXljb25uZWN0aW9uOjk5", l: "pt-BR" } }],
    ["a query without secrets", { query: "query($slug: String!){ product(slug: $slug) { name price } }", variables: { slug: "camiseta-azul" } }],
    ["a document passing the password inline, with variables for the rest", { query: "mutation($n: Int){ login(password: \"\") { items(first: $n) } }", variables: { n: 5 } }],
    ["a `query` that is SQL beside `variables`", { query: "SELECT * FROM t WHERE password_hash = $1", variables: { "1": "x" } }],
  ])("%s", (_, body) => {
    const sent = JSON.stringify(body);
    expect(redactedBody(sent)).toBe(sent);
  });

  it("a persisted query names no argument (a hash instead of the document): its variables keep their own names' rules", () => {
    const persisted = { sha256Hash: "ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38", version: 1 };
    const body = { operationName: "Login", variables: { p: "hunter22", password: "Mudar@2024" }, extensions: { persistedQuery: persisted } };
    expect(JSON.parse(redactedBody(body))).toEqual({ ...body, variables: { p: "hunter22", password: "[REDACTED:secret]" } });
  });

  it("a secret-named argument bound to a placeholder or a switch: what the key rule keeps", () => {
    const body = { query: "mutation($p: String, $t: Boolean){ configure(password: $p, token: $t) }", variables: { p: "${DB_PASSWORD}", t: true } };
    const sent = JSON.stringify(body);
    expect(redactedBody(sent)).toBe(sent);
  });
});

describe("the document and the variables in attributes beside each other", () => {
  it("a new user's example: `graphql.document` and `graphql.variables` (JSON text) on one span", () => {
    const attributes = redactedSpan([
      attr("graphql.document", str(LOGIN)),
      attr("graphql.variables", str('{"pwd":"Mudar@2024","p":"hunter22"}')),
      attr("graphql.operation.type", str("mutation")),
    ]);
    expect(attributes["graphql.document"]).toEqual(str(LOGIN));
    expect(attributes["graphql.variables"]).toEqual(str('{"pwd":"[REDACTED:secret]","p":"[REDACTED:secret]"}'));
    expect(attributes["graphql.operation.type"]).toEqual(str("mutation"));
  });

  it("OpenTelemetry JS instrumentation-graphql: `graphql.source` and one attribute per variable (and field)", () => {
    const attributes = redactedSpan([
      attr("graphql.source", str("mutation($p: String!, $in: Profile, $t: String, $i: ID!) { login(password: $p, profile: $in, phone: $t, id: $i) { token } }")),
      attr("graphql.variables.p", str("hunter22")),
      attr("graphql.variables.in.nickname", str("ana")),
      attr("graphql.variables.t", str("11987654321")),
      attr("graphql.variables.i", str("u-42")),
    ]);
    expect(attributes).toMatchObject({
      "graphql.variables.p": str("[REDACTED:secret]"),
      "graphql.variables.in.nickname": str("ana"),
      "graphql.variables.t": str("[REDACTED:phone]"),
      "graphql.variables.i": str("u-42"),
      "redaction.count": { intValue: "2" },
    });
  });

  it("`graphql.query` beside `graphql.variables`, in a log record", () => {
    const record = logRecord({ attributes: [attr("graphql.variables", str('{"s":"Mudar@2024"}')), attr("graphql.query", str("mutation($s:String!){login(senha:$s)}"))] });
    redactRequest("logs", logsRequest([record]), defaultRedactionPolicy());
    expect(record.attributes[0]).toEqual(attr("graphql.variables", str('{"s":"[REDACTED:secret]"}')));
  });

  it("a lifted log line (`query`, `variables.p`) and a nested one (`request.query`, `request.variables.z`)", () => {
    const record = logRecord({
      attributes: [
        attr("query", str(LOGIN)),
        attr("variables.p", str("hunter22")),
        attr("request.query", str("query($z: String){ shipping(cep: $z) { price } }")),
        attr("request.variables.z", str("01310-100")),
      ],
    });
    redactRequest("logs", logsRequest([record]), defaultRedactionPolicy());
    expect(record.attributes.slice(0, 4).map((a) => text(a.value))).toEqual([LOGIN, "[REDACTED:secret]", "query($z: String){ shipping(cep: $z) { price } }", "[REDACTED:postal_code]"]);
  });

  it("a structured body (`kvlistValue`) with `query` and a map of variables", () => {
    const record = logRecord({ body: kvlist({ query: str(LOGIN), variables: kvlist({ p: str("hunter22"), n: { intValue: "3" } }) }) });
    redactRequest("logs", logsRequest([record]), defaultRedactionPolicy());
    expect(record.body).toEqual(kvlist({ query: str(LOGIN), variables: kvlist({ p: str("[REDACTED:secret]"), n: { intValue: "3" } }) }));
  });

  it("an object passed as a secret argument goes whole: its members' paths name no secret (JSON text, a structured body, a map attribute)", () => {
    const object = { raw: "hunter22", hint: "pet" };
    expect(JSON.parse(redactedBody({ query: LOGIN, variables: { p: object } })).variables).toEqual({ p: "[REDACTED:secret]" });
    const map = kvlist({ raw: str("hunter22"), hint: str("pet") });
    const record = logRecord({ body: kvlist({ query: str(LOGIN), variables: kvlist({ p: map }) }) });
    redactRequest("logs", logsRequest([record]), defaultRedactionPolicy());
    expect(record.body).toEqual(kvlist({ query: str(LOGIN), variables: kvlist({ p: str("[REDACTED:secret]") }) }));
    const attributes = redactedSpan([attr("graphql.document", str(LOGIN)), attr("graphql.variables", kvlist({ p: map }))]);
    expect(attributes["graphql.variables"]).toEqual(kvlist({ p: str("[REDACTED:secret]") }));
  });

  it("a document and variables of different owners are not paired: a span's `graphql.document`, its event's variables", () => {
    const s = span({
      attributes: [attr("graphql.document", str(LOGIN))],
      events: [{ timeUnixNano: "1", name: "vars", attributes: [attr("graphql.variables", str('{"p":"x1"}'))], droppedAttributesCount: 0 }],
    });
    redactRequest("traces", tracesRequest([s]), defaultRedactionPolicy());
    expect(s.events[0]!.attributes[0]).toEqual(attr("graphql.variables", str('{"p":"x1"}')));
  });
});

describe("metric attributes: a bound variable's find is its hashed marker in place, the document kept", () => {
  it.each([
    ["a secret", JSON.stringify({ query: LOGIN, variables: { p: "hunter22" } }), "secret"],
    ["a phone", JSON.stringify({ query: "query($t: String){ a(phone: $t) }", variables: { t: "11987654321" } }), "phone"],
  ])("%s", (_, value, kind) => {
    const point: NumberDataPoint = { attributes: [attr("http.request.body", str(value))], startTimeUnixNano: "0", timeUnixNano: "1", value: { asInt: "1" }, exemplars: [], flags: 0 };
    const points = [point];
    const data = { type: "sum", dataPoints: points, aggregationTemporality: 2, isMonotonic: true } as const;
    redactRequest("metrics", metricsRequest([{ name: "requests", description: "", unit: "1", metadata: [], data }]), defaultRedactionPolicy());
    const stored = JSON.parse(text(point.attributes[0]!.value)) as { query: string; variables: Record<string, string> };
    expect(stored.query).toBe((JSON.parse(value) as { query: string }).query);
    expect(Object.values(stored.variables)[0]).toMatch(new RegExp(`^\\[REDACTED:${kind}:[0-9a-f]{16}\\]$`));
  });
});

describe("reading the document costs linear work, counted in characters", () => {
  /** `prefix`, then `unit` repeated to `size` characters, then `suffix`. */
  const built = (prefix: string, unit: string, size: number, suffix = "") => prefix + unit.repeat(Math.ceil(size / unit.length)).slice(0, size) + suffix;
  const measured = (document: string): number => {
    const before = workDone();
    variableArguments(document);
    return workDone() - before;
  };
  const longName = "k".repeat(200);

  it.each([
    ["many variables in one call", "{ f(", "a: $x, ", ") }"],
    ["variables deep in input objects named long", `{ f(${`${longName}: {`.repeat(200)}`, "password: $p, ", ""],
    ["frames opened and never closed", "{ f(", "a: [{b: ($x ", ""],
    ["closers with nothing open", "", ")]} $x ", ""],
    ["an unclosed block string", '{ f(a: """', "$x ) ", ""],
    ["`$` after `$`", "{ f(a: ", "$$x", ""],
  ])("%s: twice the text, at most twice the work, a few reads a character", (_, prefix, unit, suffix) => {
    const n = 1 << 16;
    const small = measured(built(prefix, unit, n, suffix));
    const large = measured(built(prefix, unit, 2 * n, suffix));
    expect(small).toBeGreaterThan(0);
    expect(large).toBeLessThanOrEqual(2 * small + 8192);
    expect(large).toBeLessThanOrEqual(8 * (2 * n + prefix.length + suffix.length));
  });

  it("distinct names under a deep path: each builds its path once, at most 64 characters hashed a character read", () => {
    const document = (count: number) => {
      let text = `{ f(${"input: {".repeat(12)}`;
      for (let i = 0; i < count; i++) text += `k${String(i).padStart(5, "0")}: $p `;
      return text;
    };
    const small = measured(document(1 << 13));
    const large = measured(document(1 << 14));
    expect(large).toBeLessThanOrEqual(2 * small + 8192);
    expect(large).toBeLessThanOrEqual(64 * document(1 << 14).length);
  });

  it("a record with thousands of keys naming a document looks at a few: a pass over the list each", () => {
    // A `variables` of none of the documents: with no key holding `variables` the walk is not made at all (list-walks.ts).
    const work = (count: number, variables = true) => {
      const attributes = Array.from({ length: count }, (_, i) => attr(`k${i}.query`, str(`query($v: String){ a(password: $v) }`)));
      if (variables) attributes.push(attr("other.variables", str('{"v":"x"}')));
      const before = workDone();
      redactRequest("logs", logsRequest([logRecord({ attributes })]), defaultRedactionPolicy());
      return workDone() - before;
    };
    // No walk without it: twice the list adds no work (the one repeated text's own scan counts the same few characters).
    const none = work(10_000, false);
    expect(work(20_000, false)).toBe(none);
    expect(none).toBeLessThan(64);
    const small = work(10_000);
    const large = work(20_000);
    expect(small).toBeGreaterThan(none);
    expect(large).toBeLessThanOrEqual(2 * small + 8192);
    // MAX_DOCUMENT_KEYS passes over the list, its 20,000 documents and the variables (beside the text's own scan).
    expect(large - none).toBeLessThanOrEqual(8 * 20_001);
  });

  it("keeps the first 32 arguments of a variable passed to more (each costs a rule lookup per value)", () => {
    const document = `{ f(${Array.from({ length: 1000 }, (_, i) => `a${i}: $x`).join(", ")}) }`;
    const bound = variableArguments(document).get("x")!;
    expect(bound).toHaveLength(32);
    expect(bound.slice(0, 2)).toEqual(["a0", "a1"]);
  });

  it("still binds what it read before a nesting no document reaches", () => {
    const document = `{ a(password: $p) f(${"a: {".repeat(300)}b: $x`;
    expect(Object.fromEntries(variableArguments(document))).toEqual({ p: ["password"] });
  });
});

describe("the documents a request's walk read", () => {
  const document = 'mutation L($p: String!) { login(password: $p) }';

  it("reads a document once while it is among the last few of the walk", () => {
    const documents = new GraphQLDocuments();
    const first = documents.argumentsOf(document);
    expect(first.get("p")).toEqual(["password"]);
    // An equal copy (another span of the operation) answers from the memo: the same bindings.
    expect(documents.argumentsOf(document.slice(0, 9) + document.slice(9))).toBe(first);
  });

  it("keeps nothing past its walk: another request's walk reads the document anew", () => {
    const first = new GraphQLDocuments().argumentsOf(document);
    const second = new GraphQLDocuments().argumentsOf(document);
    expect(second).not.toBe(first);
    expect(second).toEqual(first);
  });

  it("reads a document again once four others came after it", () => {
    const documents = new GraphQLDocuments();
    const first = documents.argumentsOf(document);
    for (let i = 0; i < 4; i++) documents.argumentsOf(`query Q${i}($v: ID) { node(id: $v) { id } }`);
    const again = documents.argumentsOf(document);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});
