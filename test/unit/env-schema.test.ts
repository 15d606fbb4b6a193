/**
 * The shared settings helpers, through both Workers' settings: a blank switch is unset (its
 * default), never false, and integers are decimal digits only.
 */
import { describe, expect, it } from "vitest";
import { parseIngestConfig } from "../../workers/ingest/config";
import { ConfigError } from "../../workers/shared/env-schema";
import { loadConfig } from "../../workers/tail/config";

const ingest = (vars: Record<string, unknown>) =>
  parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true", ...vars });

describe("booleanSetting", () => {
  it.each(["", " ", "\t"])("reads a blank value (%j) as unset: redaction and metrics stay on", (blank) => {
    expect(ingest({ REDACTION_ENABLED: blank }).pipeline.redaction.enabled).toBe(true);
    expect(loadConfig({ TAIL_EMIT_METRICS: blank }).emitMetrics).toBe(true);
    expect(ingest({ LIFT_KEEP_ORIGINAL: blank }).pipeline.normalization.keepOriginal).toBe(false);
  });

  it.each([
    ["false", false],
    ["OFF", false],
    ["0", false],
    ["no", false],
    ["yes", true],
    [" True ", true],
  ])("reads %j as %s", (word, value) => {
    expect(ingest({ REDACTION_ENABLED: word }).pipeline.redaction.enabled).toBe(value);
    expect(loadConfig({ TAIL_EMIT_METRICS: word }).emitMetrics).toBe(value);
  });
});

describe("integerSetting", () => {
  it.each(["1e4", "0x2710", "0b11", "10000.", "+10000", "10_000", "1,000", "- 5"])(
    "refuses %j, naming the setting",
    (value) => {
      expect(() => ingest({ MAX_RECORDS_PER_REQUEST: value })).toThrow(ConfigError);
      expect(() => ingest({ MAX_RECORDS_PER_REQUEST: value })).toThrow(
        `MAX_RECORDS_PER_REQUEST must be a whole number from 1 to 1000000, got ${JSON.stringify(value)}`,
      );
      expect(() => loadConfig({ TAIL_MAX_REQUEST_RECORDS: value })).toThrow("TAIL_MAX_REQUEST_RECORDS must be a whole number");
    },
  );

  it.each(["", " ", "\t"])("reads a blank value (%j) as unset: the default, as for a switch", (blank) => {
    expect(ingest({ MAX_RECORDS_PER_REQUEST: blank }).pipeline.limits.maxRecordsPerRequest).toBe(ingest({}).pipeline.limits.maxRecordsPerRequest);
    expect(loadConfig({ TAIL_FORWARD_RETRIES: blank }).forwardRetries).toBe(loadConfig({}).forwardRetries);
  });

  it("reads decimal digits, with spaces around, and JSON numbers", () => {
    expect(ingest({ MAX_RECORDS_PER_REQUEST: " 10000 " }).pipeline.limits.maxRecordsPerRequest).toBe(10_000);
    expect(ingest({ MAX_RECORDS_PER_REQUEST: 500 }).pipeline.limits.maxRecordsPerRequest).toBe(500);
    expect(loadConfig({ TAIL_FORWARD_RETRIES: "02" }).forwardRetries).toBe(2);
  });
});

describe("settings of another JSON type than their own", () => {
  // Wrangler's vars keep the JSON type they were written with, so `"CLICKHOUSE_ASYNC_INSERT": 1`
  // reaches the Worker as a number: the error names the setting, what it takes and what it got.
  it.each([
    [{ CLICKHOUSE_ASYNC_INSERT: 1 }, "CLICKHOUSE_ASYNC_INSERT must be true or false, got 1"],
    [{ MAX_RECORDS_PER_REQUEST: true }, "MAX_RECORDS_PER_REQUEST must be a whole number from 1 to 1000000, got true"],
    [{ CLICKHOUSE_DATABASE: 7 }, "CLICKHOUSE_DATABASE must be a plain identifier (letters, digits, underscore), got 7"],
    [{ WRITE_MODE: ["queue"] }, 'WRITE_MODE must be direct or queue, got ["queue"]'],
    [{ REDACTION_DROP_KEYS: ["user.email"] }, "REDACTION_DROP_KEYS must be a comma-separated list"],
    [{ CLICKHOUSE_URL: 8123 }, "CLICKHOUSE_URL must be an http(s) URL, got 8123"],
  ])("refuses %j", (vars, message) => {
    expect(() => ingest(vars)).toThrow(`deco-otel-ingest configuration is invalid: ${message}`);
  });

  it("names every bad setting at once, in the settings' order", () => {
    expect(() => ingest({ CLICKHOUSE_URL: "ftp://h", WRITE_MODE: "later", MAX_BODY_BYTES: "1" })).toThrow(
      'deco-otel-ingest configuration is invalid: CLICKHOUSE_URL must be an http(s) URL, got "ftp://h"; ' +
        'WRITE_MODE must be direct or queue, got "later"; MAX_BODY_BYTES must be a whole number from 1024 to 104857600, got "1"',
    );
  });
});

describe("CLICKHOUSE_URL", () => {
  it("is required", () => {
    expect(() => parseIngestConfig({ AUTH_DISABLED: "true" })).toThrow(
      "CLICKHOUSE_URL is required: the ClickHouse HTTP(S) endpoint, e.g. https://host:8443",
    );
  });

  it("takes an http(s) URL, spaces around it and tabs or line breaks in it dropped", () => {
    expect(ingest({ CLICKHOUSE_URL: " https://ch.example.com:8443/ \n" }).clickhouse.url).toBe("https://ch.example.com:8443/");
    expect(ingest({ CLICKHOUSE_URL: "https://ch.exam\tple.com:8443" }).clickhouse.url).toBe("https://ch.example.com:8443");
    expect(ingest({ CLICKHOUSE_URL: "HTTP://CH:8123" }).clickhouse.url).toBe("HTTP://CH:8123");
  });

  it.each(["http:ch:8123", "https:/ch", "ftp://ch", "ch:8123", "https://", "not a url"])("refuses %j", (url) => {
    expect(() => ingest({ CLICKHOUSE_URL: url })).toThrow(`CLICKHOUSE_URL must be an http(s) URL, got ${JSON.stringify(url)}`);
  });
});
