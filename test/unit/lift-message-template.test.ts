/**
 * Serilog lines that carry only the message template (compact JSON's `@mt` without `@m`,
 * JsonFormatter's `MessageTemplate` without `RenderedMessage`) get the template rendered with the
 * line's properties as their body, as Serilog's own reader renders them; the template stays an
 * attribute under its own name.
 */
import { describe, expect, it } from "vitest";
import type { AnyValue, KeyValue, LogRecord } from "../../workers/shared/otlp/model";
import { liftJsonBody, normalizeRecordSeverity } from "../../workers/ingest/core/normalize";
import { renderMessageTemplate, withTokensAsWritten, type PropertyValue } from "../../workers/ingest/core/normalize/message-template";
import { logRecord } from "../support/model-builders";

const str = (stringValue: string): AnyValue => ({ stringValue });
const attr = (key: string, value: AnyValue): KeyValue => ({ key, value });

function lifted(body: string | AnyValue): LogRecord {
  const log = logRecord({ severityNumber: 9, body: typeof body === "string" ? str(body) : body });
  expect(liftJsonBody(log, { maxDepth: 4 })).toBe(true);
  normalizeRecordSeverity(log);
  return log;
}

const PROPERTIES: Record<string, PropertyValue> = {
  Name: { string: "ana" },
  Quote: { string: 'say "hi"' },
  Count: { json: "7" },
  Ok: { json: "true" },
  Nothing: { json: "null" },
  Cart: { json: '{"Items":3}' },
};
const render = (template: string) => renderMessageTemplate(template, (name) => PROPERTIES[name]);

describe("renderMessageTemplate", () => {
  it.each([
    ["Hello {Name}", 'Hello "ana"'],
    ["Hello {Name:l}", "Hello ana"],
    ["{Quote}", String.raw`"say \"hi\""`],
    ["{Count} items, ok {Ok}, {Nothing}", "7 items, ok true, null"],
    ["cart {@Cart}, as text {$Cart}", 'cart {"Items":3}, as text {"Items":3}'],
    ["{Count:000} and {Count:N2}: formats are not applied", "7 and 7: formats are not applied"],
    ["[{Count,4}] [{Count,-4}] [{Name,-6:l}]", "[   7] [7   ] [ana   ]"],
    ["{{literal}} and }} and {{{Name:l}}}", "{literal} and } and {ana}"],
    ["{Missing} stays, so do { Name } and {Name", "{Missing} stays, so do { Name } and {Name"],
    ["a lone } and {", "a lone } and {"],
  ])("%j → %j", (template, rendered) => {
    expect(render(template)).toBe(rendered);
  });
});

describe("a Serilog line with a template and no rendered message", () => {
  it("compact JSON: the body is @mt rendered with the line's properties, @mt and the properties stay", () => {
    const log = lifted('{"@t":"2026-12-03T07:00:00Z","@mt":"Charged {Amount:0.00} to {CustomerId} for {@Cart}","Amount":12.5,"CustomerId":"c-9","Cart":{"Items":3}}');
    expect([log.severityText, log.body]).toEqual(["INFO", str('Charged 12.5 to "c-9" for {"Items":3}')]);
    expect(log.attributes.map((a) => a.key)).toEqual(["@t", "@mt", "Amount", "CustomerId", "Cart.Items"]);
  });

  it("keeps every digit of an integer property past 2^53", () => {
    const log = lifted('{"@t":"2026-12-03T07:00:00Z","@mt":"Order {OrderId}","OrderId":2305843009213693953}');
    expect(log.body).toEqual(str("Order 2305843009213693953"));
  });

  it("JsonFormatter: the body is MessageTemplate rendered with its Properties", () => {
    const log = lifted('{"Timestamp":"2026-12-03T07:00:00Z","Level":"Warning","MessageTemplate":"Disk {Drive} at {Percent}%","Properties":{"Drive":"C","Percent":91}}');
    expect([log.severityText, log.body]).toEqual(["WARN", str('Disk "C" at 91%')]);
    expect(log.attributes).toEqual([
      attr("Timestamp", str("2026-12-03T07:00:00Z")),
      attr("MessageTemplate", str("Disk {Drive} at {Percent}%")),
      attr("Properties.Drive", str("C")),
      attr("Properties.Percent", { intValue: "91" }),
    ]);
  });

  it("a kvlistValue body is rendered the same way", () => {
    const body: AnyValue = { kvlistValue: [attr("@t", str("2026-12-03T07:00:00Z")), attr("@mt", str("Hi {User}")), attr("User", str("ana"))] };
    expect(lifted(body).body).toEqual(str('Hi "ana"'));
  });

  it.each([
    ["@mt alone", '{"@mt":"Hello {Name}","Name":"ana"}', ["INFO", 9], 'Hello "ana"', ["@mt", "Name"]],
    ["@mt and @l", '{"@mt":"Failed {Id}","@l":"Error","Id":7}', ["ERROR", 17], "Failed 7", ["@mt", "Id"]],
    ["@mt and @x", '{"@mt":"Failed {Id}","@x":"System.Exception: boom","Id":7}', ["INFO", 9], "Failed 7", ["@mt", "@x", "Id"]],
    ["@mt and @i", '{"@mt":"Hello {Name}","@i":"a1b2c3d4","Name":"ana"}', ["INFO", 9], 'Hello "ana"', ["@mt", "@i", "Name"]],
    ["@m alone", '{"@m":"Hello ana","Name":"ana"}', ["INFO", 9], "Hello ana", ["Name"]],
    ["@m and @mt, a property escaped with @@", '{"@m":"Hello ana","@mt":"Hello {Name}","Name":"ana","@@Id":3}', ["INFO", 9], "Hello ana", ["@mt", "Name", "@@Id"]],
    ["a kvlistValue body", { kvlistValue: [attr("@mt", str("Hi {User}")), attr("User", str("ana"))] }, ["INFO", 9], 'Hi "ana"', ["@mt", "User"]],
  ] as const)("compact JSON without @t is lifted as with it: %s", (_, body, severity, message, keys) => {
    const log = lifted(body as unknown as string | AnyValue);
    expect([log.severityText, log.severityNumber, log.body]).toEqual([...severity, str(message)]);
    expect(log.attributes.map((a) => a.key)).toEqual(keys);
  });

  it.each([
    ["another @ key than CLEF's", '{"@mt":"Hello {Name}","@type":"Greeting","Name":"ana"}'],
    ["@timestamp (Logstash's, not CLEF's)", '{"@timestamp":"2026-12-03T07:00:00Z","@m":"Hello ana"}'],
  ])("a line with %s is not CLEF: the body stays", (_, line) => {
    const log = logRecord({ body: str(line) });
    liftJsonBody(log, { maxDepth: 4 });
    expect([log.severityText, log.severityNumber, log.body]).toEqual(["", 0, str(line)]);
  });

  it("a rendered message wins, and the template stays as it is", () => {
    const log = lifted('{"@t":"2026-12-03T07:00:00Z","@m":"Hi ana!","@mt":"Hi {User}","User":"ana"}');
    expect(log.body).toEqual(str("Hi ana!"));
    expect(log.attributes.map((a) => a.key)).toEqual(["@t", "@mt", "User"]);
  });
});

describe("a template as redaction stored it keeps its tokens as written (withTokensAsWritten)", () => {
  it("a format spec, alignment or hint a detector replaced is put back", () => {
    for (const [written, stored] of [
      ["Key {ApiKey:l} now", "Key {ApiKey:[REDACTED:secret]} now"],
      ["Key {ApiKey,-12:l} now", "Key {ApiKey,-12:[REDACTED:secret]} now"],
      ["Id {$Token:D}", "Id {$Token:[REDACTED:secret]}"],
    ] as const) {
      expect(withTokensAsWritten(written, stored)).toBe(written);
    }
  });

  it("a whole token read as a secret's value is put back, and text around it stays redacted", () => {
    expect(withTokensAsWritten("login password={Password} ok", "login password=[REDACTED:secret_param] ok")).toBe("login password={Password} ok");
    expect(withTokensAsWritten("pw hunter2hunter2 {@User}", "pw [REDACTED:secret] {@User}")).toBe("pw [REDACTED:secret] {@User}");
    // One span covering a literal value and a token: the literal part stays a marker.
    expect(withTokensAsWritten("token=abc123xyz{Id} done", "token=[REDACTED:secret] done")).toBe("token=[REDACTED:secret]{Id} done");
    expect(withTokensAsWritten("{User} used [REDACTED:x] twice: a1b2c3d4e5", "{User} used [REDACTED:x] twice: [REDACTED:secret]")).toBe("{User} used [REDACTED:x] twice: [REDACTED:secret]");
  });

  it("a template with no token, or redaction's text that is not the template with markers, stays as stored", () => {
    expect(withTokensAsWritten("Password hunter2", "Password [REDACTED:secret]")).toBe("Password [REDACTED:secret]");
    expect(withTokensAsWritten("User {Name}", "9f86d081884c7d65")).toBe("9f86d081884c7d65");
    expect(withTokensAsWritten("User {Name}", "User {Name}")).toBe("User {Name}");
  });
});
