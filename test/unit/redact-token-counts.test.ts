/**
 * `tokens` as a count: LLM and usage logs write counts of an LLM's tokens under `tokens`,
 * `tokens_used`, `max_tokens`, `input_tokens`, as numbers, numeric strings and lists of them, and
 * those stay; a credential under `tokens` (a GitHub token, a JWT, an opaque string with letters)
 * is still hidden, as a JSON member, in a list, under `tokens.github`, as an attribute and after
 * `tokens=` in text. docs/decisions.md, 2026-12-01, "a whole number under `tokens`".
 */
import { describe, expect, it } from "vitest";
import type { AnyValue, KeyValue, LogRecord } from "../../workers/shared/otlp/model";
import { DEFAULT_NORMALIZATION_OPTIONS, normalizeLogsRequest } from "../../workers/ingest/core/normalize";
import { defaultRedactionPolicy, redactRequest, redactString } from "../../workers/ingest/core/redact";
import { DEFAULT_REQUEST_LIMITS } from "../../workers/ingest/core/limits";
import { storedLogAttributes } from "../support/redaction";
import { logRecord, logsRequest } from "../support/model-builders";

/** A row's text for a stored value: a string's text, an integer's digits. */
const text = (value: AnyValue | undefined): string =>
  value !== undefined && "stringValue" in value ? value.stringValue : value !== undefined && "intValue" in value ? value.intValue : JSON.stringify(value);

/** A log line's Body (`lift`: JSON bodies lifted) and attributes after normalization and redaction. */
function storedLine(body: string, lift = true): { body: string; attributes: Record<string, string> } {
  const record: LogRecord = logRecord({ timeUnixNano: "1796000000000000000", body: { stringValue: body } });
  const request = logsRequest([record]);
  normalizeLogsRequest(request, { ...DEFAULT_NORMALIZATION_OPTIONS, liftJsonBodies: lift }, DEFAULT_REQUEST_LIMITS);
  redactRequest("logs", request, defaultRedactionPolicy());
  return { body: text(record.body), attributes: Object.fromEntries(record.attributes.map((a) => [a.key, text(a.value)])) };
}

const GITHUB_TOKEN = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";
const JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl";
const OPAQUE = "opaque123456abc";

describe("counts of tokens stay", () => {
  it.each([
    '{"tokens":42}',
    '{"tokens":"42"}',
    '{"tokens":[12,30]}',
    '{"tokens":["12","30"]}',
    '{"tokens":{"input":12,"output":30}}',
    '{"tokens":{"input":"12","output":"30"}}',
    '{"usage":{"prompt_tokens":12,"completion_tokens":30,"total_tokens":42}}',
    '{"tokens_used":"1234","max_tokens":"4096","input_tokens":[12,30]}',
    '{"access_tokens":"3"}',
  ])("a JSON body %s, kept as written and lifted", (line) => {
    expect(storedLine(line, false).body).toBe(line);
    const lifted = storedLine(line);
    expect(Object.values(lifted.attributes).join(" ")).not.toContain("REDACTED");
  });

  it.each(["tokens=42 model=gpt-4o", 'tokens="42" model=gpt-4o', "tokens: 1234, cost: 0.02", 'tokens: "1234"', "used 1234 tokens", 'usage {"tokens":"42","max_tokens":"4096"}'])(
    "text %s",
    (line) => {
      expect(storedLine(line).body).toBe(line);
      expect(redactString(line, defaultRedactionPolicy()).text).toBe(line);
    },
  );

  it.each([
    ["tokens", "42"],
    ["tokens", "[12,30]"],
    ["tokens", '["12","30"]'],
    ["llm.usage.total_tokens", "42"],
    ["tokens.input", "12"],
  ])("an attribute %s = %s", (key, value) => {
    const attribute: KeyValue = { key, value: { stringValue: value } };
    expect(storedLogAttributes([attribute]).values).toEqual({ [key]: value });
  });

  it.each(["tokens: Int", "tokens: Int!", "type Usage {\n  tokens: Int\n  model: String\n}", "tokens: 1.2k", "tokens: ~500", "tokens: n/a", "tokens: unlimited", "tokens=12/4096"])(
    "text in a count's place, %j",
    (line) => {
      expect(storedLine(line).body).toBe(line);
      expect(redactString(line, defaultRedactionPolicy()).text).toBe(line);
    },
  );

  it.each(["1.2k", "~500", "n/a", "unlimited", "Int!"])("an attribute tokens = %s", (value) => {
    expect(storedLogAttributes([{ key: "tokens", value: { stringValue: value } }]).values).toEqual({ tokens: value });
  });

  it("a count as a string bound to a tokens column of a knex query object, as an attribute and as a Body", () => {
    const sql = 'update "usage" set "tokens" = ?, "model" = ? where "id" = ?';
    const bindings: AnyValue = { arrayValue: [{ stringValue: "1200" }, { stringValue: "gpt-4o" }, { intValue: "7" }] };
    const value: AnyValue = { kvlistValue: [{ key: "sql", value: { stringValue: sql } }, { key: "bindings", value: bindings }] };
    expect(storedLogAttributes([{ key: "db.query", value }]).values).toEqual({ "db.query": value });
    const record: LogRecord = logRecord({ timeUnixNano: "1796000000000000000", body: value });
    const request = logsRequest([record]);
    normalizeLogsRequest(request, DEFAULT_NORMALIZATION_OPTIONS, DEFAULT_REQUEST_LIMITS);
    redactRequest("logs", request, defaultRedactionPolicy());
    expect(JSON.stringify([record.body, record.attributes])).not.toContain("REDACTED");
  });

  it("a list of integers under tokens", () => {
    const value: AnyValue = { arrayValue: [{ intValue: "12" }, { stringValue: "30" }] };
    expect(storedLogAttributes([{ key: "tokens", value }]).values).toEqual({ tokens: value });
  });
});

describe("credentials under tokens are still hidden, in every form", () => {
  it.each([
    [`{"tokens":["${GITHUB_TOKEN}"]}`, GITHUB_TOKEN],
    [`{"tokens":"${OPAQUE}"}`, OPAQUE],
    [`{"tokens":["${OPAQUE}","42"]}`, OPAQUE],
    [`{"tokens":{"github":"${GITHUB_TOKEN}"}}`, GITHUB_TOKEN],
    [`{"tokens":{"github":"${OPAQUE}"}}`, OPAQUE],
    [`{"tokens":{"access":"${JWT}"}}`, JWT],
    [`{"tokens":{"refresh":"${JWT}"}}`, JWT],
    [`tokens.refresh=${OPAQUE}`, OPAQUE],
    [`{"tokens":"42abc"}`, "42abc"],
    [`tokens=${OPAQUE} model=gpt-4o`, OPAQUE],
    [`tokens: "${OPAQUE}"`, OPAQUE],
    [`note {"tokens":{"github":"${OPAQUE}"}}`, OPAQUE],
  ])("%s", (line, secret) => {
    const lifted = storedLine(line);
    expect(lifted.body).not.toContain(secret);
    expect(Object.values(lifted.attributes).join(" ")).not.toContain(secret);
    expect(storedLine(line, false).body).not.toContain(secret);
  });

  it.each([
    ["tokens", OPAQUE],
    ["tokens", `["${OPAQUE}"]`],
    ["tokens.github", OPAQUE],
    ["access_tokens", '["abc","def"]'],
  ])("an attribute %s = %s", (key, value) => {
    expect(storedLogAttributes([{ key, value: { stringValue: value } }]).values).toEqual({ [key]: "[REDACTED:secret]" });
  });
});
