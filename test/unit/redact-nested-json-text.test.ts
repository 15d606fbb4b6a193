/**
 * Key rules inside JSON text that is itself a string member of JSON text: a line logging a
 * payload it received as text (`{"msg":"x","payload":"{\"user\":{\"id\":\"u-42\"}}"}`), at any
 * depth, in every copy the walk reaches (a body kept as JSON, `log.record.original`, span, event,
 * link, resource and scope attributes; metric attributes in redact-json-text.test.ts), with drop,
 * hash, keep and credential rules; and the bounds that keep a hostile body's cost linear.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AnyValue, KeyValue, LogRecord } from "../../workers/shared/otlp/model";
import { DEFAULT_NORMALIZATION_OPTIONS, normalizeLogsRequest, type NormalizationOptions } from "../../workers/ingest/core/normalize";
import { redactRequest, type RedactionPolicy } from "../../workers/ingest/core/redact";
import {
  DESCEND,
  MAX_JSON_TEXT_DEPTH,
  MAX_JSON_TEXT_NESTING,
  applyKeyRulesToJsonText,
  type JsonKeyRules,
} from "../../workers/ingest/core/redact/json-text";
import { DEFAULT_REQUEST_LIMITS, limitAttributes } from "../../workers/ingest/core/limits";
import { hash, hashingPolicy } from "../support/hashing-policy";
import { logRecord, logsRequest, span, tracesRequest } from "../support/model-builders";

const str = (stringValue: string): AnyValue => ({ stringValue });
const int = (intValue: string): AnyValue => ({ intValue });
const attr = (key: string, value: AnyValue): KeyValue => ({ key, value });
const text = (value: AnyValue | undefined): string => (value as { stringValue: string }).stringValue;
const json = JSON.stringify;

/** A new user's line: a payload received as JSON text, logged inside a JSON line. */
const RECEIVED = json({ msg: "x", payload: json({ user: { id: "u-42" } }) });
const RECEIVED_RULED = json({ msg: "x", payload: json({ user: { id: hash("u-42") } }) });

/** normalize → redact → limit attributes, as prepareExport runs them. */
function stored(
  body: AnyValue,
  normalization: Partial<NormalizationOptions> = {},
  policy: RedactionPolicy = hashingPolicy(),
): { record: LogRecord; attributes: Record<string, AnyValue> } {
  const record = logRecord({ timeUnixNano: "1796000000000000000", severityNumber: 9, body, attributes: [attr("name", str("log"))] });
  const request = logsRequest([record]);
  normalizeLogsRequest(request, { ...DEFAULT_NORMALIZATION_OPTIONS, ...normalization }, DEFAULT_REQUEST_LIMITS);
  const rewritten = new Map<AnyValue, number>();
  redactRequest("logs", request, policy, rewritten);
  limitAttributes("logs", request, DEFAULT_REQUEST_LIMITS, rewritten);
  return { record, attributes: Object.fromEntries(record.attributes.map((a) => [a.key, a.value])) };
}

/** `leaf` encoded as JSON text `levels` times, each level one member `m<level>` holding the next. */
function nested(levels: number, leaf: unknown): unknown {
  let value = leaf;
  for (let level = levels; level >= 1; level--) value = { [`m${level}`]: level === levels ? value : json(value) };
  return value;
}

describe("a received payload: JSON text in a string member of a log body", () => {
  it("a body kept as JSON (lifting off) stores the hash the lifted attribute gets, not the id", () => {
    const { record, attributes } = stored(str(RECEIVED), { liftJsonBodies: false });
    expect(record.body).toEqual(str(RECEIVED_RULED));
    expect(attributes).toMatchObject({ "redaction.count": int("1"), "redaction.kinds": str("hashed") });
    const lifted = stored(str(RECEIVED)).attributes;
    expect(lifted.payload).toEqual(str(json({ user: { id: hash("u-42") } })));
  });

  it("a body kept as written because it has no message", () => {
    const line = json({ event: "webhook", payload: json({ user: { id: "u-42" }, total: 10 }) });
    expect(stored(str(line)).record.body).toEqual(str(json({ event: "webhook", payload: json({ user: { id: hash("u-42") }, total: 10 }) })));
  });

  it("log.record.original, the line as written, by the line's own paths", () => {
    const { record, attributes } = stored(str(RECEIVED), { keepOriginal: true });
    expect(record.body).toEqual(str("x"));
    expect(attributes["log.record.original"]).toEqual(str(RECEIVED_RULED));
    // One hash in the lifted attribute, one in the original.
    expect(attributes["redaction.count"]).toEqual(int("2"));
  });

  it("a map body's member, and a value lifting flattened, holding text with text inside", () => {
    const payload = json({ order: json({ user: { id: "u-42" } }) });
    const map: AnyValue = { kvlistValue: [attr("event", str("webhook")), attr("payload", str(payload))] };
    expect(stored(map).record.body).toEqual({
      kvlistValue: [attr("event", str("webhook")), attr("payload", str(json({ order: json({ user: { id: hash("u-42") } }) })))],
    });
    expect(stored(str(json({ msg: "x", payload }))).attributes.payload).toEqual(str(json({ order: json({ user: { id: hash("u-42") } }) })));
  });
});

describe("at any depth, keeping the text's shape", () => {
  it("rules the members of text nested in text several levels deep, each level re-serialized in its order", () => {
    const sent = json(nested(4, { z: 1, user: { id: "u-42", plan: "pro" }, a: 2 }));
    const ruled = json(nested(4, { z: 1, user: { id: hash("u-42"), plan: "pro" }, a: 2 }));
    const { record } = stored(str(sent), { liftJsonBodies: false });
    expect(record.body).toEqual(str(ruled));
    // The stored text decodes level by level to what was sent, the id hashed.
    let level: unknown = JSON.parse(text(record.body));
    for (let i = 1; i < 4; i++) level = JSON.parse((level as Record<string, string>)[`m${i}`]!);
    expect(Object.keys((level as Record<string, object>).m4!)).toEqual(["z", "user", "a"]);
  });

  it("reaches text in arrays' strings, by the array's path", () => {
    const line = json({ batch: [json({ user: { id: "u1" } }), "plain", json([{ user: { id: "u2" } }])] });
    expect(stored(str(line), { liftJsonBodies: false }).record.body).toEqual(
      str(json({ batch: [json({ user: { id: hash("u1") } }), "plain", json([{ user: { id: hash("u2") } }])] })),
    );
  });

  it("keeps an inner text no rule touches byte for byte, and every number of a changed one as spelled", () => {
    const untouched = '{ "event": "view",  "n": 1.0 }';
    const numbers = '{"orderId":2305843009213693953,"price":1.50,"e":1E+2,"user":{"id":"u1"}}';
    const line = `{"msg":"x","a":${json(untouched)},"b":${json(numbers)},"user":{"id":"u0"}}`;
    const { record } = stored(str(line), { liftJsonBodies: false });
    expect(text(record.body)).toBe(
      `{"msg":"x","a":${json(untouched)},"b":${json(`{"orderId":2305843009213693953,"price":1.50,"e":1E+2,"user":{"id":"${hash("u1")}"}}`)},"user":{"id":"${hash("u0")}"}}`,
    );
  });

  it("leaves strings that only look like JSON text as they are", () => {
    const values = ["{not json}", "[1,2,3]", "{\"a\":1", "plain {user: {id: u1}}"];
    const line = json({ values, user: { id: "u0" } });
    expect(JSON.parse(text(stored(str(line), { liftJsonBodies: false }).record.body)).values).toEqual(values);
  });

  it("rules JSON written after words in a string as the same JSON sent as text, the words left as written", () => {
    const line = json({ values: ['plain {"user":{"id":"u1"}}'], user: { id: "u0" } });
    expect(JSON.parse(text(stored(str(line), { liftJsonBodies: false }).record.body)).values).toEqual([`plain {"user":{"id":"${hash("u1")}"}}`]);
  });
});

describe("every rule reaches inner text", () => {
  const body = json({ msg: "x", payload: json({ user: { id: "u1", name: "Ana" }, geo: { city: "Campinas", country: "BR" }, auth: { token: "tok-51H8xYz" } }) });

  it("drop, geo precision, hash and credential rules", () => {
    const { record, attributes } = stored(str(body), { liftJsonBodies: false }, hashingPolicy({ dropKeys: ["user.name"] }));
    expect(record.body).toEqual(
      str(json({ msg: "x", payload: json({ user: { id: hash("u1") }, geo: { country: "BR" }, auth: { token: "[REDACTED:secret]" } }) })),
    );
    expect(attributes).toMatchObject({ "redaction.count": int("4"), "redaction.kinds": str("dropped,hashed,secret") });
  });

  it("a kept member stays whole, the text inside it too, while its siblings are ruled", () => {
    const line = json({ payload: json({ user: { id: "u1" } }), audit: json({ user: { id: "u2" } }) });
    const { record } = stored(str(line), { liftJsonBodies: false }, hashingPolicy({ keepKeys: ["audit"] }));
    expect(record.body).toEqual(str(json({ payload: json({ user: { id: hash("u1") } }), audit: json({ user: { id: "u2" } }) })));
  });

  it("a rule naming the member holding the text rules it whole", () => {
    const { record } = stored(str(body), { liftJsonBodies: false }, hashingPolicy({ dropKeys: ["payload"] }));
    expect(record.body).toEqual(str(json({ msg: "x" })));
  });
});

describe("in every attribute of every signal (the walk is shared)", () => {
  const sent = json({ request: json({ user: { id: "cust-1" }, geo: { city: "Campinas" } }) });
  const ruled = json({ request: json({ user: { id: hash("cust-1") }, geo: {} }) });

  it("span, event, link, resource and scope attributes, nested maps and arrays", () => {
    const map: AnyValue = { kvlistValue: [attr("body", str(sent))] };
    const s = span({
      attributes: [attr("http.request.body", str(sent)), attr("http.request", map), attr("bodies", { arrayValue: [str(sent)] })],
      events: [{ timeUnixNano: "1", name: "exception", attributes: [attr("exception.message", str(sent))], droppedAttributesCount: 0 }],
      links: [{ traceId: "", spanId: "", traceState: "", flags: 0, attributes: [attr("messaging.message.body", str(sent))], droppedAttributesCount: 0 }],
    });
    const request = tracesRequest([s], [attr("deployment.config", str(sent))]);
    request.resourceSpans[0]!.scopeSpans[0]!.scope.attributes.push(attr("graphql.variables", str(sent)));
    redactRequest("traces", request, hashingPolicy());
    expect(text(s.attributes[0]!.value)).toBe(ruled);
    expect(text((map as { kvlistValue: KeyValue[] }).kvlistValue[0]!.value)).toBe(ruled);
    expect(text((s.attributes[2]!.value as { arrayValue: AnyValue[] }).arrayValue[0])).toBe(ruled);
    expect(text(s.events[0]!.attributes[0]!.value)).toBe(ruled);
    expect(text(s.links[0]!.attributes[0]!.value)).toBe(ruled);
    expect(text(request.resourceSpans[0]!.resource.attributes[0]!.value)).toBe(ruled);
    expect(text(request.resourceSpans[0]!.scopeSpans[0]!.scope.attributes[0]!.value)).toBe(ruled);
    // Two items in each of five copies, counted on the span.
    expect(s.attributes).toContainEqual(attr("redaction.count", int("10")));
  });
});

describe("bounds: a hostile body cannot make the walk deep or quadratic", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** Key rules hashing `user.id` members to `#`, recording every path they see. */
  function recordingRules(): JsonKeyRules & { paths: string[] } {
    const paths: string[] = [];
    return {
      paths,
      member: (path) => {
        paths.push(path);
        return path.endsWith("user.id") ? "#" : DESCEND;
      },
      restart: () => {
        paths.length = 0;
      },
    };
  }

  it(`walks ${MAX_JSON_TEXT_NESTING} levels of text inside text, leaves deeper text as written and rules the rest`, () => {
    const levels = MAX_JSON_TEXT_NESTING + 3;
    // Every level holds a user id beside the text of the next one.
    let value: unknown = { user: { id: "u" } };
    for (let level = levels; level >= 1; level--) value = { user: { id: "u" }, next: json(value) };
    const sent = json(value);
    const rules = recordingRules();
    const ruled = applyKeyRulesToJsonText(sent, "", rules);

    let current = ruled;
    let walked = 0;
    for (;;) {
      const level = JSON.parse(current) as { user: { id: string }; next: string };
      if (level.user.id !== "#") break;
      walked++;
      current = level.next;
    }
    // The outer text and MAX_JSON_TEXT_NESTING inner texts are ruled; the next one is as sent.
    expect(walked).toBe(MAX_JSON_TEXT_NESTING + 1);
    expect(current).toBe(stringAtDepth(sent, MAX_JSON_TEXT_NESTING + 1));
    // No rule saw a member of the text left as sent.
    const textLevels = (path: string) => path.split(".").filter((segment) => segment === "next").length;
    expect(Math.max(...rules.paths.filter((path) => path.endsWith("user.id")).map(textLevels))).toBe(MAX_JSON_TEXT_NESTING);
  });

  it("parses at most the text's length once per level of text nesting, per walk", () => {
    // Text in text past the bound, every level with a user id, the innermost with a long note:
    // each level's text is nearly the whole text, which an unbounded walk would parse again.
    let value: unknown = { user: { id: "u" }, note: "n".repeat(10_000) };
    for (let level = 0; level < MAX_JSON_TEXT_NESTING + 4; level++) value = { next: json(value), user: { id: "u" } };
    const sent = json(value);
    const parse = vi.spyOn(JSON, "parse");
    applyKeyRulesToJsonText(sent, "", recordingRules());
    const parsed = parse.mock.calls.reduce((sum, [source]) => sum + String(source).length, 0);
    // Two walks (the plain one and the exact one), each at most one text length per level.
    expect(parsed).toBeLessThanOrEqual(2 * (MAX_JSON_TEXT_NESTING + 1) * sent.length);
  });

  it("an inner text whose objects would nest too deep is left as written, the rest ruled and counted exactly", () => {
    const deep = `${'{"a":'.repeat(MAX_JSON_TEXT_DEPTH)}{"user":{"id":"u9"}}${"}".repeat(MAX_JSON_TEXT_DEPTH)}`;
    const line = json({ user: { id: "u1" }, deep });
    const { record, attributes } = stored(str(line), { liftJsonBodies: false });
    expect(record.body).toEqual(str(json({ user: { id: hash("u1") }, deep })));
    expect(attributes["redaction.count"]).toEqual(int("1"));
  });
});

/** The JSON text held `levels` levels of `next` members down in `sent`. */
function stringAtDepth(sent: string, levels: number): string {
  let current = sent;
  for (let i = 0; i < levels; i++) current = (JSON.parse(current) as { next: string }).next;
  return current;
}

describe("JSON text after a byte order mark or a no-break space", () => {
  it.each([
    ["a byte order mark", "\uFEFF"],
    ["a no-break space", "\u00A0"],
    ["both, then a blank", "\uFEFF\u00A0 "],
  ])("an inner text starting with %s is ruled as the object it encodes", (_name, lead) => {
    const line = json({ msg: "x", payload: `${lead}${json({ user: { id: "u-42" } })}` });
    const { record } = stored(str(line), { liftJsonBodies: false });
    expect(record.body).toEqual(str(json({ msg: "x", payload: json({ user: { id: hash("u-42") } }) })));
  });

  it("a whole value starting with a byte order mark is ruled too", () => {
    const { record } = stored(str(`\uFEFF${json({ event: "login", user: { id: "u-42" } })}`), { liftJsonBodies: false });
    expect(text(record.body)).not.toContain("u-42");
    expect(text(record.body)).toContain(hash("u-42"));
  });

  it("a no-break space inside plain text is no JSON", () => {
    const rules: JsonKeyRules = { member: () => DESCEND, restart: () => undefined };
    expect(applyKeyRulesToJsonText("\u00A0user {id}", "", rules)).toBe("\u00A0user {id}");
  });
});

describe("the work JSON text costs, counted", () => {
  it("a braced text that is no JSON is told apart before any parse", () => {
    const rules: JsonKeyRules = { member: () => DESCEND, restart: () => undefined };
    const line = json({ items: Array.from({ length: 100 }, (_, i) => `{item ${i}}`), note: "{ id }" });
    const parse = vi.spyOn(JSON, "parse");
    try {
      expect(applyKeyRulesToJsonText(line, "", rules)).toBe(line);
      // The line itself only: none of its 101 braced strings reaches the parser.
      expect(parse).toHaveBeenCalledTimes(1);
    } finally {
      parse.mockRestore();
    }
  });

  it("the first walk stops at the first change: each ruled member's rule runs once, in the walk that writes", () => {
    let calls = 0;
    const rules: JsonKeyRules = {
      member: (path) => {
        if (path !== "items.user.id") return DESCEND;
        calls++;
        return "[hashed]";
      },
      restart: () => undefined,
    };
    const line = json({ items: Array.from({ length: 50 }, (_, i) => json({ user: { id: `u-${i}` } })) });
    const ruled = applyKeyRulesToJsonText(line, "", rules);
    expect(ruled).not.toContain("u-1");
    expect(calls).toBe(50 + 1);
  });
});
