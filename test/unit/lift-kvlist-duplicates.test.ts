/**
 * A map body (`kvlistValue`) holding a key twice is lifted as the Collector shows that map: the
 * last entry of a key is used, for the record's fields and for attributes alike (pdata's
 * `Map.AsRaw` builds a Go map, each entry overwriting the one before, and the exporter stores the
 * body through it), and an earlier one with other text becomes an attribute like any key not
 * used where its key is free, else the body stays as stored, never dropped with the body unsaid.
 */
import { describe, expect, it } from "vitest";
import { parseIngestConfig } from "../../workers/ingest/config";
import { prepareExport } from "../../workers/ingest/core/pipeline";

const RECEIVED = "1700000000000000000";
const config = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true" }).pipeline;
const kv = (key: string, value: string) => ({ key, value: { stringValue: value } });
const map = (...values: object[]) => ({ kvlistValue: { values } });

function stored(values: object[], attributes: object[] = []) {
  const document = { resourceLogs: [{ scopeLogs: [{ logRecords: [{ timeUnixNano: RECEIVED, attributes, body: { kvlistValue: { values } } }] }] }] };
  const prepared = prepareExport("logs", "json", new TextEncoder().encode(JSON.stringify(document)), config, RECEIVED);
  const row = prepared.batches[0]!.rows[0] as { Body: string; LogAttributes: string[]; SeverityText: string };
  return { body: row.Body, attributes: row.LogAttributes, severity: row.SeverityText, warning: prepared.warning };
}

describe("a map body with a used key twice", () => {
  it("takes the last msg as the message and keeps the first as the attribute msg", () => {
    expect(stored([kv("msg", "first"), kv("user", "u"), kv("msg", "second")])).toMatchObject({
      body: "second",
      attributes: ["msg", "first", "user", "u"],
      warning: "",
    });
  });

  it("stores a second msg saying the same text once", () => {
    expect(stored([kv("msg", "same"), kv("msg", "same")])).toMatchObject({ body: "same", attributes: [] });
  });

  it("reads the last level as the severity, keeps the first as an attribute, and a first msg whose key the record has under log.msg", () => {
    expect(stored([kv("level", "error"), kv("msg", "m"), kv("level", "info"), kv("msg", "other")], [kv("msg", "record's")])).toMatchObject({
      body: "other",
      severity: "INFO",
      attributes: ["level", "error", "log.msg", "m", "msg", "record's"],
    });
  });
});

describe("one rule for every key a map body repeats: the last value, as the stored body shows it", () => {
  it("msg twice and another key twice: the message and the attribute both the last, and the body kept as the Collector renders it", () => {
    const got = stored([kv("msg", "a"), kv("user", "u1"), kv("msg", "b"), kv("user", "u2")]);
    // user's first value has no attribute of its own left: the body stays, rendered with the last
    // of each key, and the answer says what that rendering dropped.
    expect(got).toMatchObject({ body: '{"msg":"b","user":"u2"}', attributes: ["msg", "a", "user", "u2"] });
    expect(got.warning).toMatch(/^2 kvlist values dropped for a key sent twice in one kvlistValue with another value \(OTLP requires unique keys; the last value is kept/);
  });

  it("a key not used twice: its last value is the attribute", () => {
    expect(stored([kv("msg", "m"), kv("user", "u1"), kv("user", "u2")])).toMatchObject({ body: '{"msg":"m","user":"u2"}', attributes: ["user", "u2"] });
  });

  it("a key twice inside a flattened map: the last value takes the dotted key", () => {
    const got = stored([kv("msg", "m"), { key: "user", value: map({ key: "id", value: { intValue: "1" } }, { key: "id", value: { intValue: "2" } }) }]);
    expect(got).toMatchObject({ body: '{"msg":"m","user":{"id":2}}', attributes: ["user.id", "2"] });
    expect(got.warning).toContain('(first body["user"]["id"] at resourceLogs[0].scopeLogs[0].logRecords[0].body, in Body)');
  });

  it("a nested member lifting uses (ECS's log.level) twice: the last is the severity, the first an attribute", () => {
    const log = map(kv("level", "error"), kv("level", "info"));
    expect(stored([kv("message", "m"), { key: "log", value: log }])).toMatchObject({ body: "m", severity: "INFO", attributes: ["log.level", "error"] });
  });

  it("a request-id alias twice: request.id is its last value", () => {
    expect(stored([kv("msg", "m"), kv("requestId", "r-1"), kv("requestId", "r-1")]).attributes).toEqual(["request.id", "r-1", "requestId", "r-1"]);
    const got = stored([kv("msg", "m"), kv("requestId", "r-1"), kv("requestId", "r-2")]);
    expect(got.attributes).toEqual(["request.id", "r-2", "requestId", "r-2"]);
    expect(got.body).toBe('{"msg":"m","requestId":"r-2"}');
  });

  it("a map twice under one name: each member kept, a member both hold by its last map's value", () => {
    const got = stored([kv("msg", "m"), { key: "ctx", value: map(kv("a", "1"), kv("b", "x")) }, { key: "ctx", value: map(kv("b", "y")) }]);
    expect(got.attributes).toEqual(["ctx.a", "1", "ctx.b", "y"]);
  });
});
