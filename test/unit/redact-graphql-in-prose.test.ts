/**
 * A GraphQL request written into a log line after words (`POST /graphql {…}`, `graphql request:
 * {…}`, `body={…}`, and that line JSON-escaped inside a JSON log line): its variables are ruled
 * by the arguments the document passes them as, as in a text that is the request. Variables
 * passed as no secret stay, JSON in prose that is no request is left to the text detectors, and
 * finding the requests costs linear work, counted in characters, never timed.
 */
import { describe, expect, it } from "vitest";
import type { AnyValue, KeyValue } from "../../workers/shared/otlp/model";
import { defaultRedactionPolicy, redactRequest } from "../../workers/ingest/core/redact";
import { workDone } from "../../workers/ingest/core/redact/scan-scope";
import { logRecord, logsRequest } from "../support/model-builders";

const policy = defaultRedactionPolicy();
const str = (stringValue: string): AnyValue => ({ stringValue });

/** The body and attributes of a log record holding `body` (and `attributes`), after redaction. */
function redacted(body: string, attributes: KeyValue[] = []): { body: string; attributes: Record<string, string> } {
  const record = logRecord({ body: str(body), attributes });
  redactRequest("logs", logsRequest([record]), policy);
  const text = (value: AnyValue | undefined) => (value as { stringValue: string }).stringValue;
  return { body: text(record.body), attributes: Object.fromEntries(record.attributes.map((a) => [a.key, text(a.value)])) };
}

const REQUEST = '{"query":"mutation L($p: String!){login(password: $p)}","variables":{"p":"hunter2secret"}}';
const RULED = '{"query":"mutation L($p: String!){login(password: $p)}","variables":{"p":"[REDACTED:secret]"}}';

describe("a GraphQL request after words in a log line", () => {
  it.each([
    ["after a method and path", "POST /graphql "],
    ["after a label and a colon", "graphql request: "],
    ["as a logfmt-style value", "body="],
    ["after a level and a time", "2026-12-01T10:00:00Z INFO "],
  ])("%s: the variable passed as a password is hidden", (_, prefix) => {
    const { body, attributes } = redacted(`${prefix}${REQUEST}`);
    expect(body).toBe(`${prefix}${RULED}`);
    expect(body).not.toContain("hunter2secret");
    expect(attributes["redaction.kinds"]).toBe("secret");
  });

  it("with words after it (status and duration) and a second request in the same line", () => {
    const second = '{"query":"query Me($t: String!){viewer(token: $t){id}}","variables":{"t":"tok-8f2a"}}';
    const { body } = redacted(`POST /graphql ${REQUEST} 200 12ms; retry ${second} 200`);
    expect(body).toBe(
      `POST /graphql ${RULED} 200 12ms; retry {"query":"query Me($t: String!){viewer(token: $t){id}}","variables":{"t":"[REDACTED:secret]"}} 200`,
    );
  });

  it("JSON-escaped inside a JSON log line's member, at the member's level", () => {
    const line = JSON.stringify({ level: "info", event: `POST /graphql ${REQUEST}` });
    const attributes = [{ key: "log.record.original", value: str(line) }];
    const stored = redacted("x", attributes).attributes["log.record.original"]!;
    expect(JSON.parse(stored)).toEqual({ level: "info", event: `POST /graphql ${RULED}` });
    expect(stored).not.toContain("hunter2secret");
  });

  it.each([
    ["after an object that never closes", 'retry after {"error": "timeout" POST /graphql '],
    ["after two objects that never close", '{"a": {"b": 1, "c": "x" graphql request: '],
    ["after an unclosed object and a closed one", '{"error": "timeout" {"code":504} body='],
  ])("%s: the request inside is still ruled", (_, prefix) => {
    const { body } = redacted(`${prefix}${REQUEST}`);
    expect(body).toBe(`${prefix}${RULED}`);
  });

  it("the request the review found after an unclosed brace: the password passed as a variable is hidden", () => {
    const line = 'retry after {"error": "timeout" POST /graphql {"query":"mutation($p: String!){login(password:$p){token}}","variables":{"p":"hunter2xyz"}}';
    const { body, attributes } = redacted(line);
    expect(body).toBe(line.replace('"hunter2xyz"', '"[REDACTED:secret]"'));
    expect(attributes["redaction.kinds"]).toBe("secret");
  });

  it("a lifted JSON line whose message holds the request", () => {
    const record = logRecord({ body: str(`POST /graphql ${REQUEST}`), attributes: [{ key: "request.id", value: str("req-1") }] });
    redactRequest("logs", logsRequest([record]), policy);
    expect((record.body as { stringValue: string }).stringValue).toBe(`POST /graphql ${RULED}`);
  });
});

describe("look-alikes: what stays", () => {
  it.each([
    ["variables passed as no secret's argument", 'POST /graphql {"query":"query Q($id: ID!, $n: Int){order(id: $id){items(first: $n){sku}}}","variables":{"id":"ord-991","n":20}}'],
    ["a request without a document (a persisted query)", 'POST /graphql {"extensions":{"persistedQuery":{"sha256Hash":"ab12"}},"variables":{"p":"x"}}'],
    ["JSON in prose that is no request", 'saved {"variables":{"region":"sa-east-1"},"query":3} ok'],
    ["braces that are no JSON", "render {variables\"} {x} done"],
    ["a request cut off (no closing brace)", 'POST /graphql {"query":"mutation L($p: String!){login(password: $p)}","variables":{"p":'],
  ])("%s", (_, line) => {
    expect(redacted(line).body).toBe(line);
  });

  it("a variable named as a secret keeps its own rule in prose, as in a request text", () => {
    const line = 'POST /graphql {"query":"query Q($id: ID!){order(id: $id){total}}","variables":{"id":"ord-1","password":"x1"}}';
    expect(redacted(line).body).toBe(line.replace('"x1"', '"[REDACTED:secret]"'));
  });
});

describe("finding requests in prose costs linear work, counted in characters", () => {
  const built = (prefix: string, unit: string, size: number) => prefix + unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  const measured = (line: string): number => {
    const before = workDone();
    redacted(line);
    return workDone() - before;
  };

  it.each([
    ["objects opened and never closed", 'variables" ', '{"a":{"b":'],
    ["many small objects that are no request", 'variables" ', '{"a":1} '],
    ["requests over and over", "", `POST /graphql ${REQUEST} `],
    // The object in front makes the text one that may hold JSON: every brace after it is read.
    ["opening braces with no member", '{"a":1} ', "{ {x} "],
    ["requests after objects that never close", "", `{"error": "timeout" POST /graphql ${REQUEST} `],
    ["objects that never close, each holding a request's name", "", '{"variables":{"a":1} {"b": "'],
  ])("%s: twice the text, at most twice the work", (_, prefix, unit) => {
    const n = 1 << 15;
    const small = measured(built(prefix, unit, n));
    const large = measured(built(prefix, unit, 2 * n));
    expect(small).toBeGreaterThan(0);
    expect(large).toBeLessThanOrEqual(2 * small + 8192);
    expect(large).toBeLessThanOrEqual(16 * 2 * n);
  });
});
