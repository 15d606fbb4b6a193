/**
 * JSON written into a log line after words (`note {…}`, `cfg: {…}`, winston's `info: msg {…}`, a
 * Worker's `console.log("user", obj)`, several objects on a line, and the same line as a string
 * inside a JSON log line) gets the verdicts the same JSON sent as the whole Body gets: a member
 * under a secret's name holds the secret and its metadata stays, a list under a person's data
 * name is that data, a thing's number is kept. Text with no member-opening `{` pays nothing for
 * it, counted in characters, never timed.
 */
import { describe, expect, it } from "vitest";
import type { AnyValue, LogRecord } from "../../workers/shared/otlp/model";
import { DEFAULT_NORMALIZATION_OPTIONS, normalizeLogsRequest } from "../../workers/ingest/core/normalize";
import { defaultRedactionPolicy, redactRequest } from "../../workers/ingest/core/redact";
import { DEFAULT_REQUEST_LIMITS } from "../../workers/ingest/core/limits";
import { workDone } from "../../workers/ingest/core/redact/scan-scope";
import { formatConsoleArguments } from "../../workers/tail/console-format";
import { logRecord, logsRequest, span, tracesRequest } from "../support/model-builders";

const text = (value: AnyValue | undefined): string => (value as { stringValue: string }).stringValue;

/** A log record's Body after the ingest's normalization (`lift`: JSON bodies lifted) and redaction. */
function storedBody(body: string, lift = true): string {
  const record: LogRecord = logRecord({ timeUnixNano: "1796000000000000000", body: { stringValue: body } });
  const request = logsRequest([record]);
  normalizeLogsRequest(request, { ...DEFAULT_NORMALIZATION_OPTIONS, liftJsonBodies: lift }, DEFAULT_REQUEST_LIMITS);
  redactRequest("logs", request, defaultRedactionPolicy());
  return text(record.body);
}

/** The secrets of the task's examples, each as the JSON a producer logs and what the Body keeps of it. */
const SECRETS = [
  { json: '{"credentials":{"value":"hunter2x"}}', secrets: ["hunter2x"] },
  { json: '{"password":{"new":"s3cretPass!","old":"oldPass9"}}', secrets: ["s3cretPass!", "oldPass9"] },
  { json: '{"secrets":{"internal":"abcd1234efgh"}}', secrets: ["abcd1234efgh"] },
  { json: '{"api_keys":["k-1234567890abcdef","k-abcdef1234567890"]}', secrets: ["k-1234567890abcdef", "k-abcdef1234567890"] },
  { json: '{"name":"x","auth":{"token":"opaque123456"}}', secrets: ["opaque123456"] },
];

/** Where a line puts the JSON: `${before}${json}${after}`. */
const PLACES = [
  ["after a word", "note ", ""],
  ["after a colon", "cfg loaded: ", ""],
  ["in the middle of a line", "changing ", " done in 3ms"],
  ["after a level and a time", "2026-12-01T10:00:00Z INFO ", ""],
  ["as winston's simple format writes meta", "info: user updated ", ""],
] as const;

describe("a secret's members in JSON after words hold it, as in the same JSON as the Body", () => {
  it.each(SECRETS.flatMap(({ json, secrets }) => PLACES.map(([place, before, after]) => [place, json, secrets, before, after] as const)))(
    "%s: %s",
    (_, json, secrets, before, after) => {
      const whole = storedBody(json, false);
      for (const secret of secrets) expect(whole).not.toContain(secret);
      expect(storedBody(`${before}${json}${after}`)).toBe(`${before}${whole}${after}`);
    },
  );

  it("several objects on a line are each ruled", () => {
    const line = 'a {"secrets":{"internal":"abcd1234efgh"}} then {"credentials":{"value":"hunter2x"}} end';
    expect(storedBody(line)).toBe('a {"secrets":{"internal":"[REDACTED:secret]"}} then {"credentials":{"value":"[REDACTED:secret]"}} end');
  });

  it("an object in a list after words", () => {
    expect(storedBody('keys [{"secrets":{"internal":"abcd1234efgh"}}]')).toBe('keys [{"secrets":{"internal":"[REDACTED:secret]"}}]');
  });

  it("the name a field gives the object is its parent (`credentials: {\"value\":…}`)", () => {
    expect(storedBody('login credentials: {"value":"hunter2x"}')).toBe('login credentials: {"value":"[REDACTED:secret]"}');
    expect(storedBody('login credentials: {"username":"ana","value":"hunter2x"}')).toBe(
      'login credentials: {"username":"ana","value":"[REDACTED:secret]"}',
    );
  });

  it("a parameter's value (`credentials={…}`): its members are the name's, and the JSON stays JSON", () => {
    expect(storedBody('login credentials={"username":"ana","value":"hunter2x"} ok')).toBe(
      'login credentials={"username":"ana","value":"[REDACTED:secret]"} ok',
    );
    expect(storedBody('password={"new":"s3cretPass!"}')).toBe('password={"new":"[REDACTED:secret]"}');
  });

  it("a span's name, its status message and an event's name, which have no key, are read so too", () => {
    const line = 'note {"credentials":{"value":"hunter2x"}}';
    const ruled = 'note {"credentials":{"value":"[REDACTED:secret]"}}';
    const sent = span({ name: line, status: { code: 2, message: line }, events: [{ timeUnixNano: "1", name: line, attributes: [], droppedAttributesCount: 0 }] });
    redactRequest("traces", tracesRequest([sent]), defaultRedactionPolicy());
    expect([sent.name, sent.status.message, sent.events[0]!.name]).toEqual([ruled, ruled, ruled]);
  });

  it("a pino line's message holding the JSON, lifted or kept as the line's JSON text", () => {
    const line = JSON.stringify({ level: 30, msg: 'note {"credentials":{"value":"hunter2x"}}' });
    expect(storedBody(line)).toBe('note {"credentials":{"value":"[REDACTED:secret]"}}');
    expect(storedBody(line, false)).toBe(JSON.stringify({ level: 30, msg: 'note {"credentials":{"value":"[REDACTED:secret]"}}' }));
  });

  it("a Worker's console line logging a word and an object (Workers Logs and the tail print it so)", () => {
    const line = formatConsoleArguments(["user", { name: "ana.silva", auth: { token: "opaque123456" } }]);
    expect(line).toBe('user {"name":"ana.silva","auth":{"token":"opaque123456"}}');
    // The word is the object's label: `name` is `user.name`, a person's login.
    expect(storedBody(line)).toBe('user {"name":"[REDACTED:person_name]","auth":{"token":"[REDACTED:secret]"}}');
  });
});

describe("what the Body keeps in the same JSON stays in prose", () => {
  it.each([
    ["a secret's metadata", 'changing {"password":{"length":12,"type":"bcrypt","expires_at":"2027-01-01","id":"pw-52998224725"}}'],
    ["a credential's user name", 'note {"credentials":{"username":"ana","hint":"pet"}}'],
    ["an order's number that is a valid CPF", 'order {"pedido":{"numero":"52998224725"}}'],
    ["things' ids in a list", 'processed {"order_ids":["52998224725","11144477735"]}'],
    ["an object that never closes", 'cut {"credentials":{"value":'],
    ["braces that are no JSON", "render {user} with {id: 1}"],
  ])("%s", (_, line) => {
    expect(storedBody(line)).toBe(line);
  });

  it("a person's ids in a list are redacted, as in the Body", () => {
    expect(storedBody('users {"user":{"ids":["52998224725"]}}')).toBe('users {"user":{"ids":["[REDACTED:cpf]"]}}');
  });
});

describe("an object in prose keeps its spelling but for the values replaced", () => {
  it.each([
    ['x = {"password": "hunter2x", "user": "ana"}', 'x = {"password": "[REDACTED:secret]", "user": "ana"}'],
    ['got {\n  "auth" : { "token" : "opaque123456" },\n  "n" : 1.50, "s": "caf\\u00e9"\n} ok', 'got {\n  "auth" : { "token" : "[REDACTED:secret]" },\n  "n" : 1.50, "s": "caf\\u00e9"\n} ok'],
    // A value of another type replaced: the marker is a string where a number was.
    ['card {"cvv": 123, "brand": "visa"}', 'card {"cvv": "[REDACTED:secret]", "brand": "visa"}'],
  ])("%j", (line, stored) => {
    expect(storedBody(line)).toBe(stored);
  });
});

describe("JSON printed with its string's escapes in a line is read as its unescaped JSON", () => {
  it.each([
    ['body: {\\"credentials\\":{\\"value\\":\\"hunter2x\\"}}', 'body: {\\"credentials\\":{\\"value\\":\\"[REDACTED:secret]\\"}}'],
    ['request failed {\\"password\\":\\"hunter2\\"} status=400', 'request failed {\\"password\\":\\"[REDACTED:secret]\\"} status=400'],
    [
      'sent {\\"secrets\\":{\\"internal\\":\\"abcd1234efgh\\"},\\"note\\":\\"a \\\\\\"quoted\\\\\\" {word}\\"} ok',
      'sent {\\"secrets\\":{\\"internal\\":\\"[REDACTED:secret]\\"},\\"note\\":\\"a \\\\\\"quoted\\\\\\" {word}\\"} ok',
    ],
  ])("%s", (line, stored) => {
    expect(storedBody(line)).toBe(stored);
  });

  it("as the same line unescaped", () => {
    const line = 'body: {\\"credentials\\":{\\"value\\":\\"hunter2x\\"}}';
    const unescaped = JSON.parse(`"${line}"`) as string;
    expect(JSON.parse(`"${storedBody(line)}"`)).toBe(storedBody(unescaped));
  });

  it.each([
    ["a credential's user name", 'note {\\"credentials\\":{\\"username\\":\\"ana\\",\\"hint\\":\\"pet\\"}}'],
    ["an object that never closes", 'cut {\\"credentials\\":{\\"value\\":'],
  ])("keeps %s", (_, line) => {
    expect(storedBody(line)).toBe(line);
  });

  it("finds an object that closes after ones that never do", () => {
    const line = 'cut {\\"credentials\\":{\\"value\\": then {\\"password\\":\\"hunter2\\"} ok';
    expect(storedBody(line)).toBe('cut {\\"credentials\\":{\\"value\\": then {\\"password\\":\\"[REDACTED:secret]\\"} ok');
  });
});

describe("the cost of looking for JSON in prose, counted in characters", () => {
  const work = (body: string): number => {
    const before = workDone();
    storedBody(body);
    return workDone() - before;
  };

  it("a line without a member-opening `{` reads nothing for it: braces cost what parentheses do", () => {
    const braces = "user ana logged in from the mobile app; retrying {id} in 3s ".repeat(200);
    expect(work(braces)).toBe(work(braces.replaceAll("{id}", "(id)")));
  });

  // Each `{` here opens an escaped object that never closes: read from each to the end, the work grew with the square.
  it.each(['{\\"a\\":\\"\\\\\\"{\\",', '{\\"a\\":{', '\\{\\"a\\"', '{\\", \\\\\\"'])(
    "escaped objects that never close, %j repeated: twice the line, at most twice the work",
    (unit) => {
      const small = work(unit.repeat(2000));
      const large = work(unit.repeat(4000));
      expect(large).toBeLessThanOrEqual(2 * small + 8192);
    },
  );

  it("many objects on a line: twice the line, at most twice the work", () => {
    const line = (count: number) => 'n {"secrets":{"internal":"abcd1234efgh"}} '.repeat(count);
    const small = work(line(1000));
    const large = work(line(2000));
    expect(large).toBeLessThanOrEqual(2 * small + 8192);
  });
});
