/**
 * A JSON log line writing a key twice in one object (zap and Go slog's JSONHandler write a field
 * named like their own key beside it) is lifted as the same line sent as a map body: the last of
 * a key is used, as `JSON.parse` and the Collector read it, an earlier one kept, nothing lost, and
 * the answer says so when the values differ.
 */
import { describe, expect, it } from "vitest";
import { parseIngestConfig } from "../../workers/ingest/config";
import { prepareExport } from "../../workers/ingest/core/pipeline";
import { keysAtMost, keysWritten, mayRepeatAKey, parseJsonBodyPairs } from "../../workers/ingest/core/normalize/json-pairs-body";

const RECEIVED = "1700000000000000000";
const config = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true" }).pipeline;

function stored(body: object, attributes: object[] = []) {
  const document = { resourceLogs: [{ scopeLogs: [{ logRecords: [{ timeUnixNano: RECEIVED, attributes, body }] }] }] };
  const prepared = prepareExport("logs", "json", new TextEncoder().encode(JSON.stringify(document)), config, RECEIVED);
  const row = prepared.batches[0]!.rows[0] as { Body: string; LogAttributes: string[]; SeverityText: string; SeverityNumber: number };
  return { body: row.Body, attributes: row.LogAttributes, severity: row.SeverityText, number: row.SeverityNumber, warning: prepared.warning };
}

const line = (text: string) => stored({ stringValue: text });
const kv = (key: string, value: object) => ({ key, value });

describe("a JSON log line writing a key twice", () => {
  it("takes the last msg as the body, as JSON.parse reads it, and keeps slog's own message as the attribute msg", () => {
    const got = line(`{"level":"error","ts":1733230000.123,"caller":"a.go:1","msg":"real message","msg":"field value"}`);
    expect(got).toMatchObject({ body: "field value", severity: "ERROR", number: 17 });
    expect(got.attributes).toEqual(["caller", "a.go:1", "msg", "real message", "ts", "1733230000.123"]);
    expect(got.warning).toContain(`1 key written again with another value in one JSON object of a log body (first at resourceLogs[0].scopeLogs[0].logRecords[0]; key "msg")`);
    expect(got.warning).toContain("the last value (as JSON.parse and the Collector read it) fills the record's field or attribute, and an earlier one is kept");
  });

  it("stores {\"msg\":\"a\",\"msg\":\"b\"} with JSON.parse's message, and the other value beside it", () => {
    const text = `{"msg":"a","msg":"b"}`;
    expect(line(text)).toMatchObject({ body: JSON.parse(text).msg, attributes: ["msg", "a"] });
  });

  it("reads the last level as the severity and keeps the first as the attribute level", () => {
    const got = line(`{"level":"custom","ts":1733230000.1,"msg":"real","level":"error"}`);
    expect(got).toMatchObject({ body: "real", severity: "ERROR", number: 17 });
    expect(got.attributes).toEqual(["level", "custom", "ts", "1733230000.1"]);
  });

  it("keeps a nested key's both values: the last as the attribute, the line as the body", () => {
    const text = `{"msg":"m","user":{"id":1,"id":2}}`;
    const got = line(text);
    expect(got.body).toBe(text);
    expect(got.attributes).toEqual(["user.id", String(JSON.parse(text).user.id)]);
    expect(got.warning).toContain(`(first at resourceLogs[0].scopeLogs[0].logRecords[0]; key "id")`);
  });

  it("stores what the same line sent as a map body stores", () => {
    const text = `{"level":"warn","msg":"a","n":12345678901234567890,"tags":["x",1.5],"deep":{"a":{"b":{"c":{"d":{"e":1}}}}},"msg":"b","ok":true,"none":null}`;
    const map = {
      kvlistValue: {
        values: [
          kv("level", { stringValue: "warn" }),
          kv("msg", { stringValue: "a" }),
          kv("n", { stringValue: "12345678901234567890" }),
          kv("tags", { arrayValue: { values: [{ stringValue: "x" }, { doubleValue: 1.5 }] } }),
          kv("deep", { kvlistValue: { values: [kv("a", { kvlistValue: { values: [kv("b", { kvlistValue: { values: [kv("c", { kvlistValue: { values: [kv("d", { kvlistValue: { values: [kv("e", { intValue: "1" })] } })] } })] } })] } })] } }),
          kv("msg", { stringValue: "b" }),
          kv("ok", { boolValue: true }),
          kv("none", {}),
        ],
      },
    };
    const fromLine = line(text);
    const fromMap = stored(map);
    expect(fromLine.body).toBe("b");
    expect(fromLine.attributes).toContain("12345678901234567890");
    expect({ ...fromLine, warning: "" }).toEqual({ ...fromMap, warning: "" });
  });

  it("keeps a number past a double's range as its digits, noted once", () => {
    const got = line(`{"msg":"m","big":1e400,"msg":"again"}`);
    expect(got.attributes).toEqual(["big", "1e400", "msg", "m"]);
    expect(got.warning).toContain(
      "1 number in lifted log bodies past a double's range stored as written, as text (first 1e400 at resourceLogs[0].scopeLogs[0].logRecords[0]; key \"big\";",
    );
  });

  it("says nothing of a key written twice with the same value, and stores it once", () => {
    expect(line(`{"msg":"same","a":1,"a":1,"msg":"same"}`)).toEqual({ body: "same", attributes: ["a", "1"], severity: "", number: 0, warning: "" });
  });

  it("keeps a first msg under log.msg when the record has msg itself", () => {
    const got = line(`{"msg":"m","msg":"other"}`);
    expect(got.attributes).toEqual(["msg", "m"]);
    const own = stored({ stringValue: `{"msg":"m","msg":"other"}` }, [kv("msg", { stringValue: "record's" })]);
    expect(own).toMatchObject({ body: "other", attributes: ["log.msg", "m", "msg", "record's"] });
  });
});

describe("finding a repeated key cheaply", () => {
  it("counts every key written, and no colon inside a string", () => {
    const text = `{"a":1,"b":{"c":"x:y","d\\":":2},"e" : "\\":","ip":"::1","t":"\\\\","u":1}`;
    expect(Object.keys(JSON.parse(text))).toEqual(["a", "b", "e", "ip", "t", "u"]);
    expect(Object.keys(JSON.parse(text).b)).toEqual(["c", "d\":"]);
    expect(keysWritten(text)).toBe(8);
    expect(keysWritten(`{"a":":x"}`)).toBe(1);
  });

  it("tells a line without a repeat from one with a repeat at any level, and reads no line nested too deep", () => {
    const plain = `{"a":{"b":[{"c":1},{"c":2}]},"t":"10:00:00"}`;
    expect(mayRepeatAKey(plain, JSON.parse(plain), 10)).toBe(false);
    const nested = `{"a":{"b":[{"c":1,"c":2}]}}`;
    expect(mayRepeatAKey(nested, JSON.parse(nested), 10)).toBe(true);
    expect(mayRepeatAKey(nested, JSON.parse(nested), 2)).toBe(false);
  });

  it("bounds the keys written from above by the colons after a quote, so no repeat escapes the cheap test", () => {
    // A `:` opening a string (`"::1"`) or after an escaped quote counts one more; blanks before a key's `:` count it still.
    const text = `{"a":1,"b":{"c":"x:y","d\\":":2},"e" : "\\":","ip":"::1","t":"\\\\","u":1}`;
    expect(keysWritten(text)).toBe(8);
    expect(keysAtMost(text)).toBe(11);
    expect(keysAtMost(`{"a":":x"}`)).toBe(2);
    expect(keysAtMost(`{\n  "a" \t:\r\n 1}`)).toBe(1);
    // Over the bound, the exact count decides: one key and an escaped quote before a colon is no repeat.
    const escaped = `{"a":"say \\": now"}`;
    expect(keysAtMost(escaped)).toBe(2);
    expect(mayRepeatAKey(escaped, JSON.parse(escaped), 10)).toBe(false);
    const repeated = `{"a":"say \\": now","a" :1}`;
    expect(mayRepeatAKey(repeated, JSON.parse(repeated), 10)).toBe(true);
    // Generated lines of keys, strings with quotes, colons, backslashes and blanks: never below the exact count.
    const pieces = ['"', "\\", ":", " ", "\n", "a", "\"", "\\\\", '\\"', '\\":'];
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    for (let i = 0; i < 2000; i++) {
      const value = () => Array.from({ length: next(6) }, () => pieces[next(pieces.length)]).join("");
      const members = Array.from({ length: 1 + next(5) }, (_, k) => `${JSON.stringify("k" + value() + next(3))}${[" ", "", "\n"][next(3)]}:${JSON.stringify(value())}`);
      const line = `{${members.join(",")}}`;
      JSON.parse(line);
      expect(keysAtMost(line)).toBeGreaterThanOrEqual(keysWritten(line));
    }
  });

  it("answers no pairs for a line without a repeat, which lifts as before", () => {
    const text = `{"ip":"::1","msg":"m"}`;
    expect(mayRepeatAKey(text, JSON.parse(text), 10)).toBe(false);
    expect(parseJsonBodyPairs(text)).toBeUndefined();
    expect(line(text)).toMatchObject({ body: "m", attributes: ["ip", "::1"] });
  });
});

describe("the lift judges the count limit by keys", () => {
  it("makes the message the body when a key the record sent twice leaves room for the lifted ones", () => {
    const limited = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true", MAX_ATTRIBUTES_PER_RECORD: "2" }).pipeline;
    const attributes = [kv("a", { stringValue: "1" }), kv("a", { stringValue: "2" })];
    const document = { resourceLogs: [{ scopeLogs: [{ logRecords: [{ timeUnixNano: RECEIVED, attributes, body: { stringValue: `{"msg":"m","b":"3"}` } }] }] }] };
    const prepared = prepareExport("logs", "json", new TextEncoder().encode(JSON.stringify(document)), limited, RECEIVED);
    expect(prepared.batches[0]!.rows[0]).toMatchObject({ Body: "m", LogAttributes: ["a", "1", "b", "3"] });
    expect(prepared.warning).not.toContain("over MAX_ATTRIBUTES_PER_RECORD");
  });
});
