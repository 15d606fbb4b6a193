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
