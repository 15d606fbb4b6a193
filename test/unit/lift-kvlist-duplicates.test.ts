/**
 * A map body (`kvlistValue`) holding a key lifting uses twice: the first entry is used, as
 * pdata's Map.Get and an attribute list's first-wins rule read it, and a later one with other
 * text becomes an attribute like any key not used, never dropped with the body.
 */
import { describe, expect, it } from "vitest";
import { parseIngestConfig } from "../../workers/ingest/config";
import { prepareExport } from "../../workers/ingest/core/pipeline";

const RECEIVED = "1700000000000000000";
const config = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true" }).pipeline;
const kv = (key: string, value: string) => ({ key, value: { stringValue: value } });

function stored(values: object[], attributes: object[] = []) {
  const document = { resourceLogs: [{ scopeLogs: [{ logRecords: [{ timeUnixNano: RECEIVED, attributes, body: { kvlistValue: { values } } }] }] }] };
  const prepared = prepareExport("logs", "json", new TextEncoder().encode(JSON.stringify(document)), config, RECEIVED);
  const row = prepared.batches[0]!.rows[0] as { Body: string; LogAttributes: string[]; SeverityText: string };
  return { body: row.Body, attributes: row.LogAttributes, severity: row.SeverityText, warning: prepared.warning };
}

describe("a map body with a used key twice", () => {
  it("takes the first msg as the message and keeps the second as the attribute msg", () => {
    expect(stored([kv("msg", "first"), kv("user", "u"), kv("msg", "second")])).toMatchObject({
      body: "first",
      attributes: ["msg", "second", "user", "u"],
      warning: "",
    });
  });

  it("stores a second msg saying the same text once", () => {
    expect(stored([kv("msg", "same"), kv("msg", "same")])).toMatchObject({ body: "same", attributes: [] });
  });

  it("keeps a second level as an attribute too, and a second msg whose key the record has under log.msg", () => {
    expect(stored([kv("level", "error"), kv("msg", "m"), kv("level", "info"), kv("msg", "other")], [kv("msg", "record's")])).toMatchObject({
      body: "m",
      severity: "ERROR",
      attributes: ["level", "info", "log.msg", "other", "msg", "record's"],
    });
  });
});
