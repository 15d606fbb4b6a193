/**
 * Which bodies no other export can have (PreparedExport's `uniqueBody`), so a resend of the same
 * bytes takes the same deduplication token: Cloudflare's export pushes that name an invocation.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Signal } from "../../workers/shared/otlp/model";
import { parseIngestConfig } from "../../workers/ingest/config";
import { prepareExport } from "../../workers/ingest/core/pipeline";
import type { CloudflareExportFixture } from "../fixtures/cloudflare-export";
import { movedToPresent, recentBaseNanos } from "../support/fixture-clock";

const config = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true" }).pipeline;
const utf8 = new TextEncoder();
const base = recentBaseNanos();
const received = `${base + 60_000_000_000n}`;

function fixtureText(name: CloudflareExportFixture): string {
  return movedToPresent(readFileSync(new URL(`../fixtures/cloudflare-export/${name}.json`, import.meta.url), "utf8"), base);
}

function uniqueBody(signal: Signal, text: string): boolean {
  return prepareExport(signal, "json", utf8.encode(text), config, received).uniqueBody;
}

describe("a body no other export can have", () => {
  it.each<[CloudflareExportFixture, Signal]>([
    ["logs-console-lines", "logs"],
    ["logs-invocation", "logs"],
    ["logs-own-request-id", "logs"],
    ["logs-request-cf", "logs"],
    ["traces", "traces"],
    ["traces-own-request-id", "traces"],
  ])("is Cloudflare's push %s", (fixture, signal) => {
    expect(uniqueBody(signal, fixtureText(fixture))).toBe(true);
  });

  it("is not the destination's test record (no invocation)", () => {
    expect(uniqueBody("logs", fixtureText("preflight"))).toBe(false);
  });

  it("is not console lines without their invocation's span id", () => {
    expect(uniqueBody("logs", fixtureText("logs-console-lines").replace(/"spanId": ?"[0-9a-f]+"/g, '"spanId": ""'))).toBe(false);
  });

  it("is not a record naming a Ray ID outside the export's scope", () => {
    const text = fixtureText("logs-invocation").replaceAll('"workers-observability"', '"my-sdk"');
    expect(uniqueBody("logs", text)).toBe(false);
  });

  it("is never a metrics export", () => {
    const metrics = { resourceMetrics: [{ scopeMetrics: [{ scope: { name: "workers-observability" }, metrics: [{ name: "m", gauge: { dataPoints: [{ asDouble: 1, timeUnixNano: received }] } }] }] }] };
    expect(uniqueBody("metrics", JSON.stringify(metrics))).toBe(false);
  });
});
