/**
 * Key rules inside JSON text held by any attribute, in every signal: a span's
 * `http.request.body`, an event's `exception.message`, a link's, a resource's and a scope's
 * attributes, a log record's resource, and metric attributes (where every replacement keeps
 * series apart). Members are ruled by their path after the attribute's key and, where that names
 * no rule, by their path from the JSON's root.
 */
import { describe, expect, it } from "vitest";
import type { AnyValue, KeyValue, NumberDataPoint } from "../../workers/shared/otlp/model";
import { defaultRedactionPolicy, redactRequest } from "../../workers/ingest/core/redact";
import { scannedText } from "../support/redaction";
import { hash, hashingPolicy } from "../support/hashing-policy";
import { logRecord, logsRequest, metricsRequest, span, tracesRequest } from "../support/model-builders";

const str = (stringValue: string): AnyValue => ({ stringValue });
const attr = (key: string, value: AnyValue): KeyValue => ({ key, value });
const text = (value: AnyValue | undefined): string => (value as { stringValue: string }).stringValue;

const policy = hashingPolicy;

/** A new user's example: a user id to hash, a city to drop at the default precision, a token. */
const BODY = '{"user":{"id":"cust-1"},"geo":{"city":"Campinas","region":"SP"},"auth":{"access_token":"tok-51H8xYz"}}';
const RULED = `{"user":{"id":"${hash("cust-1")}"},"geo":{"region":"SP"},"auth":{"access_token":"[REDACTED:secret]"}}`;

describe("JSON text in a span's attributes gets the key rules the same members get as attributes", () => {
  it("span, event, link, resource and scope attributes; counted on their owners", () => {
    const s = span({
      name: "POST /checkout",
      attributes: [attr("http.request.body", str(BODY)), attr("http.route", str("/checkout"))],
      events: [{ timeUnixNano: "1", name: "exception", attributes: [attr("exception.message", str(BODY))], droppedAttributesCount: 0 }],
      links: [{ traceId: "", spanId: "", traceState: "", flags: 0, attributes: [attr("messaging.message.body", str(BODY))], droppedAttributesCount: 0 }],
    });
    const request = tracesRequest([s], [attr("deployment.config", str(BODY))]);
    request.resourceSpans[0]!.scopeSpans[0]!.scope.attributes.push(attr("graphql.variables", str(BODY)));
    redactRequest("traces", request, policy());
    const attributes = Object.fromEntries(s.attributes.map((a) => [a.key, a.value]));
    expect(attributes["http.request.body"]).toEqual(str(RULED));
    expect(text(s.events[0]!.attributes[0]!.value)).toBe(RULED);
    expect(text(s.links[0]!.attributes[0]!.value)).toBe(RULED);
    // Three items in each of three copies, all counted on the span.
    expect(attributes).toMatchObject({ "redaction.count": { intValue: "9" }, "redaction.kinds": str("dropped,hashed,secret") });
    const resource = request.resourceSpans[0]!.resource.attributes;
    expect(text(resource[0]!.value)).toBe(RULED);
    expect(resource[1]).toEqual(attr("redaction.count", { intValue: "3" }));
    expect(text(request.resourceSpans[0]!.scopeSpans[0]!.scope.attributes[0]!.value)).toBe(RULED);
  });

  it("a member is ruled by its path after the key too (a rule naming the attribute's members)", () => {
    const s = span({ attributes: [attr("http.request.body", str('{"card":{"holder":"Ana"},"cart":[{"sku":"A-1"}]}'))] });
    redactRequest("traces", tracesRequest([s]), policy({ dropKeys: ["http.request.body.card.holder"] }));
    expect(text(s.attributes[0]!.value)).toBe('{"card":{},"cart":[{"sku":"A-1"}]}');
  });

  it("keepKeys keeps a member by the path after the key or by a key the path ends in", () => {
    const s = span({ attributes: [attr("payload", str('{"user":{"id":"u1"},"geo":{"city":"Campinas"},"client":{"name":"Ana"}}'))] });
    redactRequest("traces", tracesRequest([s]), policy({ keepKeys: ["payload.user.id", "geo.city"], dropKeys: ["client.name"] }));
    // `payload.geo.city` ends in the kept `geo.city`: keeping comes before the geo precision's drop.
    expect(text(s.attributes[0]!.value)).toBe('{"user":{"id":"u1"},"geo":{"city":"Campinas"},"client":{}}');
  });

  it("leaves text that is no JSON object, a db.statement, and JSON no rule touches as it is", () => {
    const values = [
      "SELECT * FROM users WHERE id = ?",
      "{not json}",
      "[1,2,3]",
      '{ "event": "view",  "n": 1.0 }',
      '  [ {"path": "/a"} ] ',
    ];
    const s = span({ attributes: values.map((value, i) => attr(i === 0 ? "db.statement" : `v${i}`, str(value))) });
    redactRequest("traces", tracesRequest([s]), policy());
    expect(s.attributes.map((a) => text(a.value))).toEqual(values);
  });

  it("keeps every number as written, in an array of objects too, and text detectors still run", () => {
    const s = span({ attributes: [attr("graphql.variables", str('[{"orderId":2305843009213693953,"user":{"id":"u1"},"note":"ana@example.com","price":1.50}]'))] });
    redactRequest("traces", tracesRequest([s]), policy());
    expect(text(s.attributes[0]!.value)).toBe(`[{"orderId":2305843009213693953,"user":{"id":"${hash("u1")}"},"note":"[REDACTED:email]","price":1.50}]`);
  });

  it("nested maps and arrays holding JSON text are reached", () => {
    const map: AnyValue = { kvlistValue: [attr("body", str(BODY))] };
    const array: AnyValue = { arrayValue: [str(BODY)] };
    const s = span({ attributes: [attr("http.request", map), attr("messaging.batch.bodies", array)] });
    redactRequest("traces", tracesRequest([s]), policy());
    expect(text((map as { kvlistValue: KeyValue[] }).kvlistValue[0]!.value)).toBe(RULED);
    expect(text((array as { arrayValue: AnyValue[] }).arrayValue[0])).toBe(RULED);
  });
});

describe("logs: resource and scope attributes too", () => {
  it("rules JSON text in a log record's resource and scope attributes", () => {
    const request = logsRequest([logRecord({ body: str("x") })], [attr("app.config", str(BODY))]);
    request.resourceLogs[0]!.scopeLogs[0]!.scope.attributes.push(attr("scope.config", str(BODY)));
    redactRequest("logs", request, policy());
    expect(text(request.resourceLogs[0]!.resource.attributes[0]!.value)).toBe(RULED);
    expect(text(request.resourceLogs[0]!.scopeLogs[0]!.scope.attributes[0]!.value)).toBe(RULED);
  });
});

describe("metrics: JSON text in series attributes keeps series identity", () => {
  function point(attributes: KeyValue[]): NumberDataPoint {
    return { attributes, startTimeUnixNano: "0", timeUnixNano: "1", value: { asInt: "1" }, exemplars: [], flags: 0 };
  }
  function request(points: NumberDataPoint[]) {
    const data = { type: "sum", dataPoints: points, aggregationTemporality: 2, isMonotonic: true } as const;
    return metricsRequest([{ name: "requests", description: "", unit: "1", metadata: [], data }]);
  }

  /** The members as the series attribute holds them: in its JSON text, or in JSON text inside it. */
  const shapes = [
    ["in the text", (members: object) => JSON.stringify(members)],
    ["in JSON text held by a member of the text", (members: object) => JSON.stringify({ ctx: JSON.stringify(members) })],
  ] as const;

  it.each(shapes)("a hashed member (%s) is the keyed hash: the same value gives the same text, distinct ones stay apart", (_, shape) => {
    const values = ["u1", "u2", "u1"].map((id) => shape({ user: { id }, plan: "pro" }));
    const points = values.map((value) => point([attr("tenant", str(value))]));
    const result = redactRequest("metrics", request(points), policy());
    const stored = points.map((p) => text(p.attributes[0]!.value));
    expect(stored[0]).toBe(shape({ user: { id: hash("u1") }, plan: "pro" }));
    expect(stored[0]).toBe(stored[2]);
    expect(stored[0]).not.toBe(stored[1]);
    expect(points.every((p) => p.attributes.map((a) => a.key).join() === "tenant")).toBe(true);
    expect(result).toEqual({ count: 3, kinds: { hashed: 3 } });
  });

  it.each(shapes)("a credential member (%s) is its hashed marker in place, as a detector's find is", (_, shape) => {
    const values = ["t-1", "t-2", "t-1"].map((token) => shape({ plan: "pro", token }));
    const points = values.map((value) => point([attr("tenant", str(value))]));
    const result = redactRequest("metrics", request(points), policy());
    const stored = points.map((p) => text(p.attributes[0]!.value));
    expect(stored[0]).toBe(shape({ plan: "pro", token: `[REDACTED:secret:${hash("t-1")}]` }));
    expect(stored[0]).toBe(stored[2]);
    expect(stored[0]).not.toBe(stored[1]);
    expect(result).toEqual({ count: 3, kinds: { secret: 3 } });
  });

  it("a member locating finer than the precision is its hashed marker: two cities stay two series", () => {
    const points = ["Campinas", "Itu"].map((city) => point([attr("origin", str(`{"geo":{"country":"BR","city":"${city}"}}`))]));
    const result = redactRequest("metrics", request(points), policy());
    expect(points.map((p) => p.attributes)).toEqual(
      ["Campinas", "Itu"].map((city) => [attr("origin", str(`{"geo":{"country":"BR","city":"[REDACTED:geo:${hash(city)}]"}}`))]),
    );
    expect(result).toEqual({ count: 2, kinds: { geo: 2 } });
  });

  it("a member whose key the operator listed to drop is removed, and the series it merges are named", () => {
    const points = ["acme", "globex"].map((tenant) => point([attr("origin", str(`{"tenant":"${tenant}","plan":"pro"}`))]));
    const result = redactRequest("metrics", request(points), policy({ dropKeys: ["tenant"] }));
    expect(points.map((p) => p.attributes)).toEqual([0, 1].map(() => [attr("origin", str('{"plan":"pro"}'))]));
    expect(result).toEqual({ count: 2, kinds: { dropped: 2 }, mergedSeries: ["requests"] });
  });
});

describe("a detector's marker for a bare JSON number keeps JSON text JSON", () => {
  const redacted = (text: string) => scannedText(text, defaultRedactionPolicy()).text;

  it.each([
    ['{"zip":94105,"cvc": 123}', '{"zip":"[REDACTED:postal_code]","cvc": "[REDACTED:secret_param]"}'],
    ['{"otp": 482913}', '{"otp": "[REDACTED:secret_param]"}'],
    ['{"contato":{"phone":11987654321}}', '{"contato":{"phone":"[REDACTED:phone]"}}'],
  ])("%s", (text, expected) => {
    expect(redacted(text)).toBe(expected);
    expect(() => JSON.parse(redacted(text))).not.toThrow();
  });

  it("quotes with the member name's own escapes inside JSON text held in a JSON string", () => {
    const text = JSON.stringify({ q: JSON.stringify({ cpf: 52998224725, n: 1 }) });
    const out = redacted(text);
    expect(JSON.parse(JSON.parse(out).q)).toEqual({ cpf: "[REDACTED:cpf]", n: 1 });
  });

  it("leaves prose and text after a prefix as it was", () => {
    expect(redacted("Código: 607409")).toBe("Código: [REDACTED:secret_param]");
    expect(redacted("cpf: 52998224725, ok")).toBe("cpf: [REDACTED:cpf], ok");
    expect(redacted("values [52998224725, 1]")).toBe("values [[REDACTED:cpf], 1]");
    // An array's item could be inside a JSON string (a printed list in a message): left bare.
    const message = JSON.stringify({ message: "cards: [4111111111111111, 5555555555554444]" });
    expect(JSON.parse(redacted(message))).toEqual({ message: "cards: [[REDACTED:card], [REDACTED:card]]" });
  });
});
