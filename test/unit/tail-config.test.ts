import { describe, expect, it } from "vitest";
import { ConfigError } from "../../workers/shared/env-schema";
import { loadConfig, readConfig } from "../../workers/tail/config";

describe("loadConfig", () => {
  it("defaults: capture errors, emit metrics, 3 retries, no producer ignored (the pipeline's own Workers always are: filter.ts)", () => {
    expect(loadConfig({})).toEqual({
      captureLevels: new Set(["error"]),
      ignoredScripts: new Set(),
      emitMetrics: true,
      forwardRetries: 3,
      serviceNameFallback: "unknown-worker",
      handOffMaxAttempts: 50,
      maxRequestBytes: 4 * 1024 * 1024,
      maxRequestRecords: 10_000,
    });
  });

  it("reads string vars as the dashboard and .dev.vars give them", () => {
    expect(
      loadConfig({
        TAIL_CAPTURE_LEVELS: " error , warn ",
        TAIL_IGNORE_SCRIPTS: "noisy-worker,legacy",
        TAIL_EMIT_METRICS: "false",
        TAIL_FORWARD_RETRIES: "0",
        TAIL_SERVICE_NAME_FALLBACK: "local-dev",
        TAIL_HANDOFF_MAX_ATTEMPTS: "3",
        TAIL_MAX_REQUEST_BYTES: "1048576",
        TAIL_MAX_REQUEST_RECORDS: "500",
      }),
    ).toEqual({
      captureLevels: new Set(["error", "warn"]),
      ignoredScripts: new Set(["noisy-worker", "legacy"]),
      emitMetrics: false,
      forwardRetries: 0,
      serviceNameFallback: "local-dev",
      handOffMaxAttempts: 3,
      maxRequestBytes: 1_048_576,
      maxRequestRecords: 500,
    });
  });

  it.each(["", "  "])("reads a blank TAIL_EMIT_METRICS (%j) as unset: metrics stay on", (value) => {
    expect(loadConfig({ TAIL_EMIT_METRICS: value }).emitMetrics).toBe(true);
  });

  it("reads decimal integers with spaces around", () => {
    expect(loadConfig({ TAIL_HANDOFF_MAX_ATTEMPTS: " 7 ", TAIL_FORWARD_RETRIES: "007" })).toMatchObject({
      handOffMaxAttempts: 7,
      forwardRetries: 7,
    });
  });

  it("reads JSON-typed vars as wrangler.jsonc can give them", () => {
    expect(loadConfig({ TAIL_EMIT_METRICS: false, TAIL_FORWARD_RETRIES: 5 })).toMatchObject({
      emitMetrics: false,
      forwardRetries: 5,
    });
  });

  it.each([
    ["TAIL_CAPTURE_LEVELS", "error,fatal"],
    ["TAIL_CAPTURE_LEVELS", " , "],
    ["TAIL_EMIT_METRICS", "maybe"],
    ["TAIL_FORWARD_RETRIES", "-1"],
    ["TAIL_FORWARD_RETRIES", "11"],
    ["TAIL_FORWARD_RETRIES", "two"],
    ["TAIL_FORWARD_RETRIES", "1.5"],
    ["TAIL_SERVICE_NAME_FALLBACK", 7],
    ["TAIL_HANDOFF_MAX_ATTEMPTS", "0"],
    ["TAIL_HANDOFF_MAX_ATTEMPTS", "101"],
    // Integers are decimal digits: what Number() also reads is not what an operator wrote.
    ["TAIL_FORWARD_RETRIES", "1e1"],
    ["TAIL_FORWARD_RETRIES", "0x3"],
    ["TAIL_FORWARD_RETRIES", "0b11"],
    ["TAIL_FORWARD_RETRIES", "3."],
    ["TAIL_FORWARD_RETRIES", "+3"],
    ["TAIL_FORWARD_RETRIES", "- 3"],
    ["TAIL_MAX_REQUEST_BYTES", "4MiB"],
    ["TAIL_MAX_REQUEST_BYTES", "1024"],
    ["TAIL_MAX_REQUEST_RECORDS", "0"],
  ])("rejects %s = %j with an error naming the setting", (setting, value) => {
    const load = () => loadConfig({ [setting]: value });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(new RegExp(`^deco-otel-tail configuration is invalid: ${setting} (must be |item \\d+ \\(".*"\\) is no level)`));
  });
});

describe("readConfig", () => {
  it("gives the settings as loadConfig does when all are good", () => {
    expect(readConfig({ TAIL_FORWARD_RETRIES: "5" })).toEqual({ config: loadConfig({ TAIL_FORWARD_RETRIES: "5" }) });
  });

  it("puts each bad setting's default in its place, keeps the good ones, and names the bad ones", () => {
    const env = {
      TAIL_CAPTURE_LEVELS: "error,fatal",
      TAIL_FORWARD_RETRIES: "two",
      TAIL_IGNORE_SCRIPTS: "noisy-worker",
      TAIL_SERVICE_NAME_FALLBACK: "local-dev",
    };
    const { config, invalid } = readConfig(env);
    expect(config).toEqual(loadConfig({ TAIL_IGNORE_SCRIPTS: "noisy-worker", TAIL_SERVICE_NAME_FALLBACK: "local-dev" }));
    expect(invalid?.settings).toEqual(["TAIL_CAPTURE_LEVELS", "TAIL_FORWARD_RETRIES"]);
    expect(invalid?.error).toBe(
      'deco-otel-tail configuration is invalid: TAIL_CAPTURE_LEVELS item 2 ("fatal") is no level: list debug, info, log, warn, error (any case), comma-separated or a JSON array, got "error,fatal"; TAIL_FORWARD_RETRIES must be a whole number from 0 to 10, got "two"',
    );
  });

  it("names each capture level that is none, as written", () => {
    expect(() => loadConfig({ TAIL_CAPTURE_LEVELS: "Warning, error, Fatal" })).toThrow(
      'deco-otel-tail configuration is invalid: TAIL_CAPTURE_LEVELS item 1 ("Warning"), item 3 ("Fatal") are no levels: ' +
        'list debug, info, log, warn, error (any case), comma-separated or a JSON array, got "Warning, error, Fatal"',
    );
    expect(() => loadConfig({ TAIL_CAPTURE_LEVELS: ["ERROR", "verbose"] })).toThrow('TAIL_CAPTURE_LEVELS item 2 ("verbose") is no level');
  });

  it("keeps an exact capture list without error, and warns that console.error lines make no records", () => {
    const { config, invalid, warnings } = readConfig({ TAIL_CAPTURE_LEVELS: "warn" });
    expect(config.captureLevels).toEqual(new Set(["warn"]));
    expect(invalid).toBeUndefined();
    expect(warnings).toEqual([
      'TAIL_CAPTURE_LEVELS is "warn", without error: console.error lines make no log records (the list is exact, not a threshold); add error to capture them',
    ]);
    expect(readConfig({ TAIL_CAPTURE_LEVELS: "warn,error" }).warnings).toBeUndefined();
  });
});
