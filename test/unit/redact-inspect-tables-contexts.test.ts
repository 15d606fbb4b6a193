/**
 * People's names and addresses the key rules missed in three places: an e-mail address under a
 * credential context's key (`session`, `cookie`), as an attribute or a JSON member, is the
 * address it is, as the same name in text reads it; the `name` column of a table named for
 * people (`INSERT INTO users (name)`); objects printed as Node's `util.inspect` writes them
 * (winston's `%o`, `console.log`).
 */
import { describe, expect, it } from "vitest";
import type { KeyValue } from "../../workers/shared/otlp/model";
import { defaultRedactionPolicy, redactRequest } from "../../workers/ingest/core/redact";
import { logRecord, logsRequest } from "../support/model-builders";

const policy = defaultRedactionPolicy();

/** The record's attributes after redaction (with its tally), by key. */
function redactedRecord(attributes: KeyValue[], body?: string): { attributes: Record<string, unknown>; body: unknown } {
  const record = logRecord({ attributes, ...(body === undefined ? {} : { body: { stringValue: body } }) });
  redactRequest("logs", logsRequest([record]), policy);
  return {
    attributes: Object.fromEntries(record.attributes.map((a) => [a.key, "stringValue" in a.value ? a.value.stringValue : a.value])),
    body: record.body && "stringValue" in record.body ? record.body.stringValue : record.body,
  };
}

const string = (key: string, stringValue: string): KeyValue => ({ key, value: { stringValue } });

describe("an e-mail address under a credential context's key", () => {
  it.each(["session", "cookie", "auth", "http.request.header.authorization", "user_session"])("is an e-mail find as an attribute: %s", (key) => {
    expect(redactedRecord([string(key, "ana@example.com")]).attributes).toEqual({
      [key]: "[REDACTED:email]",
      "redaction.count": { intValue: "1" },
      "redaction.kinds": "email",
    });
  });

  it("is an e-mail find as a JSON member", () => {
    const { body, attributes } = redactedRecord([], '{"session":"ana@example.com","x":1}');
    expect(body).toBe('{"session":"[REDACTED:email]","x":1}');
    expect(attributes["redaction.kinds"]).toBe("email");
  });

  it.each([
    ["password", "ana@example.com"],
    ["token", "ana@example.com"],
    ["session", "abc123def456ghi789"],
    ["cookie", "sid=ana@example.com"],
  ])("under a credential's own name, or not one whole address, stays a secret: %s=%s", (key, value) => {
    expect(redactedRecord([string(key, value)]).attributes[key]).toBe("[REDACTED:secret]");
  });
});
