/**
 * Every public entry of redaction gives one answer for one text: `redactString` on a text is what
 * `redactRequest` stores for a log record whose body is that text, and counts the same kinds.
 * Over the whole redaction corpus (test/fixtures/pii/*.json): its texts, its place cases' values
 * and its span names. An attribute's value or a span's name may differ from a body on purpose
 * (its key or place says more about it); the body is the text with nothing said about it.
 */
import { describe, expect, it } from "vitest";
import { PLACES, TEXT_LOOK_ALIKES, TEXT_TRUE_POSITIVES } from "../fixtures/pii/corpus";
import { defaultRedactionPolicy, redactRequest, redactString, type RedactionPolicy } from "../../workers/ingest/core/redact";
import { logRecord, logsRequest } from "../support/model-builders";
import { redactionPolicy, storedLogAttributes } from "../support/redaction";

/** `text` as one log record's body through `redactRequest`: the stored body's text and the request's counts. */
function asLogBody(text: string, policy: RedactionPolicy): { text: string; counts: Record<string, number> } {
  const record = logRecord({ attributes: [], body: { stringValue: text } });
  const { kinds } = redactRequest("logs", logsRequest([record]), policy);
  const body = record.body !== undefined && "stringValue" in record.body ? record.body.stringValue : JSON.stringify(record.body);
  return { text: body, counts: kinds };
}

const corpusTexts: [string, string][] = [
  ...TEXT_TRUE_POSITIVES.map((entry): [string, string] => [`true positive: ${entry.name}`, entry.text]),
  ...TEXT_LOOK_ALIKES.map((entry): [string, string] => [`look-alike: ${entry.name}`, entry.text]),
  ...[...PLACES.truePositives, ...PLACES.lookAlikes].flatMap((entry): [string, string][] =>
    entry.value === undefined ? [] : [[`place value: ${entry.name}`, entry.value]],
  ),
  ...[...PLACES.truePositiveSpanNames, ...PLACES.lookAlikeSpanNames].flatMap((entry): [string, string][] =>
    entry.spanName === undefined ? [] : [[`span name: ${entry.name}`, entry.spanName]],
  ),
];

describe("redactString gives a log body's answer", () => {
  it("covers the whole corpus", () => {
    expect(corpusTexts.length).toBeGreaterThan(TEXT_TRUE_POSITIVES.length + TEXT_LOOK_ALIKES.length);
  });

  it.each(corpusTexts)("%s", (_name, text) => {
    const policy = defaultRedactionPolicy();
    expect(redactString(text, policy)).toEqual(asLogBody(text, policy));
  });

  // The operator's trial: key rules read structures printed in text (EDN maps, PHP's var_dump),
  // which need no request around the text.
  it.each([
    ['an EDN map', '{:user "ana" :password "hunter2"}', '{:user "ana" :password "[REDACTED:secret]"}'],
    ['a var_dump counted string', 'array(1) {\n  ["password"]=>\n  string(7) "hunter2"\n}', 'array(1) {\n  ["password"]=>\n  string(7) "[REDACTED:secret]"\n}'],
  ])("reads %s as a body does", (_name, text, stored) => {
    const policy = defaultRedactionPolicy();
    expect(redactString(text, policy)).toEqual({ text: stored, counts: { secret: 1 } });
    expect(asLogBody(text, policy).text).toBe(stored);
  });

  it("applies the policy's own key rules inside JSON text, as a body does", () => {
    const policy = redactionPolicy({ dropKeys: ["order.note"] });
    const text = '{"order":{"id":7,"note":"leave at the door"}}';
    expect(redactString(text, policy)).toEqual(asLogBody(text, policy));
    expect(redactString(text, policy).text).not.toContain("leave at the door");
  });

  it("leaves text alone under a disabled policy, as a request is", () => {
    const policy = redactionPolicy({ enabled: false });
    const text = '{:user "ana" :password "hunter2"}';
    expect(redactString(text, policy)).toEqual({ text, counts: {} });
    expect(asLogBody(text, policy)).toEqual({ text, counts: {} });
  });
});

describe("a marker an earlier pass wrote hides nothing", () => {
  // Found when redactString became the body's answer: its idempotence over the true positives
  // failed on `{"session":"[REDACTED:email]"}`, the session key's rule hiding the e-mail's marker.
  it.each(['{"session":"[REDACTED:email]","plan":"pro"}', '{"password":"[REDACTED:secret_param]"}', '{"token":"[REDACTED:ipv4:9f86d081884c7d65]"}'])(
    "stays under a secret's key in a body: %s",
    (text) => {
      expect(redactString(text, defaultRedactionPolicy())).toEqual({ text, counts: {} });
    },
  );

  it("stays as an attribute under a secret's key, uncounted", () => {
    const { values, kinds } = storedLogAttributes([
      { key: "session", value: { stringValue: "[REDACTED:email]" } },
      { key: "password", value: { stringValue: "[REDACTED:secret]" } },
    ]);
    expect(values).toEqual({ session: "[REDACTED:email]", password: "[REDACTED:secret]" });
    expect(kinds).toBeUndefined();
  });

  it("is no marker with anything beside it: the secret still goes", () => {
    expect(redactString('{"password":"[REDACTED:secret]hunter2"}', defaultRedactionPolicy()).text).toBe('{"password":"[REDACTED:secret]"}');
  });
});
