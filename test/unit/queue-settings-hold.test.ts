/**
 * The retry queue's consumer while a setting is bad: the batch waits for the fix, whole and
 * untouched, instead of being redelivered until its deliveries run out.
 */
import { describe, expect, it } from "vitest";
import { parseIngestConfig } from "../../workers/ingest/config";
import { holdForSettingsFix, MISCONFIGURED_RETRY_DELAY_SECONDS, type HeldBatch } from "../../workers/ingest/queue/settings-hold";
import { ConfigError } from "../../workers/shared/env-schema";
import type { LogFields, LogLevel } from "../../workers/shared/log";

describe("holdForSettingsFix", () => {
  it("retries the whole batch after 10 minutes and logs the problems once, without a URL's password", () => {
    const calls: string[] = [];
    const message = (id: string) => ({
      id,
      attempts: 1,
      body: {},
      ack: () => calls.push(`ack ${id}`),
      retry: () => calls.push(`retry ${id}`),
    });
    const batch: HeldBatch & { ackAll(): void } = {
      queue: "deco-otel-ingest-retry",
      messages: [message("a"), message("b")],
      retryAll: (options?: { delaySeconds?: number }) => calls.push(`retryAll ${options?.delaySeconds}`),
      ackAll: () => calls.push("ackAll"),
    };
    const lines: { level: LogLevel; msg: string; fields?: LogFields }[] = [];
    const error = (() => {
      try {
        parseIngestConfig({ CLICKHOUSE_URL: "clickhouse://default:hunter2@ch:9000", AUTH_DISABLED: "true" });
      } catch (thrown) {
        return thrown as ConfigError;
      }
      throw new Error("the settings were read");
    })();
    holdForSettingsFix(batch, error, { log: (level, msg, fields) => lines.push({ level, msg, ...(fields ? { fields } : {}) }) });
    expect(MISCONFIGURED_RETRY_DELAY_SECONDS).toBe(600);
    expect(calls).toEqual(["retryAll 600"]);
    expect(lines).toEqual([
      {
        level: "error",
        msg: "retry batch held: the settings are invalid",
        fields: {
          queue: "deco-otel-ingest-retry",
          messages: 2,
          delay_seconds: 600,
          reason: 'deco-otel-ingest configuration is invalid: CLICKHOUSE_URL must be an http(s) URL, got "clickhouse://default:***@ch:9000"',
        },
      },
    ]);
  });
});
