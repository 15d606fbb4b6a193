import { describe, expect, it } from "vitest";
import { roleOf } from "../../audit/core/wiring";
import { buildPayloads } from "../../workers/tail/batch";
import { loadConfig } from "../../workers/tail/config";
import type { JsonLogsRequest, JsonMetricsRequest } from "../../workers/tail/otlp-json";
import { attributeMap, loadTraceItems } from "../fixtures/trace-items/index";

const NOW_MS = 1777190460000;

function payloadsFor(fixtures: string[], settings: Parameters<typeof loadConfig>[0] = {}) {
  return buildPayloads(fixtures.flatMap(loadTraceItems), loadConfig(settings), NOW_MS);
}

describe("a tail batch", () => {
  it("forwards nothing but the counts for healthy invocations with no error lines", () => {
    const payloads = payloadsFor(["fetch-ok"]);
    expect(payloads.map((payload) => payload.path)).toEqual(["/v1/metrics"]);
  });

  it("forwards nothing at all for healthy invocations when metrics are off", () => {
    expect(payloadsFor(["fetch-ok"], { TAIL_EMIT_METRICS: "false" })).toEqual([]);
  });

  it("sends all log records of the batch in one logs request and counts them", () => {
    const payloads = payloadsFor(["fetch-exception", "fetch-console-error", "exceeded-cpu", "fetch-ok"]);
    const logs = payloads.find((payload) => payload.path === "/v1/logs")!;
    expect(payloads.map((payload) => payload.path)).toEqual(["/v1/logs", "/v1/metrics"]);
    expect(logs.recordCount).toBe(5);
    const request = JSON.parse(logs.body) as JsonLogsRequest;
    expect(request.resourceLogs.flatMap((resource) => resource.scopeLogs[0]!.logRecords)).toHaveLength(5);
  });

  it("ignores the tail and the ingest Worker entirely, so a mis-wired account cannot loop", () => {
    expect(payloadsFor(["loop-guard"])).toEqual([]);
  });

  it("ignores the pipeline's own Workers in every environment, the scripts the audit calls the pipeline's", () => {
    const failed = loadTraceItems("fetch-exception")[0]!;
    const own = ["deco-otel-tail", "deco-otel-ingest", "deco-otel-tail-staging", "deco-otel-ingest-staging", "deco-otel-ingest-qa"];
    for (const scriptName of own) {
      expect(roleOf(scriptName)).not.toBe("producer");
      expect(buildPayloads([{ ...failed, scriptName }], loadConfig({}), NOW_MS)).toEqual([]);
    }
    // A producer whose name merely contains the pipeline's is forwarded, as the audit audits it.
    for (const scriptName of ["deco-otel-tailor", "shop-deco-otel-tail"]) {
      expect(roleOf(scriptName)).toBe("producer");
      expect(buildPayloads([{ ...failed, scriptName }], loadConfig({}), NOW_MS).map((payload) => payload.path)).toEqual(["/v1/logs", "/v1/metrics"]);
    }
  });

  it("ignores the scripts named in TAIL_IGNORE_SCRIPTS, in logs and counts alike", () => {
    const payloads = payloadsFor(["workers-for-platforms"], { TAIL_IGNORE_SCRIPTS: "customer-acme" });
    expect(payloads.map((payload) => payload.path)).toEqual(["/v1/metrics"]);
    const metrics = JSON.parse(payloads[0]!.body) as JsonMetricsRequest;
    const services = metrics.resourceMetrics.map((resource) => attributeMap(resource.resource.attributes)["service.name"]);
    expect(services).toEqual(["dispatcher"]);
  });

  it("captures the levels named in TAIL_CAPTURE_LEVELS, keeping a healthy item that only warned", () => {
    const payloads = payloadsFor(["fetch-ok"], { TAIL_CAPTURE_LEVELS: "warn", TAIL_EMIT_METRICS: false });
    expect(payloads).toHaveLength(1);
    expect(payloads[0]).toMatchObject({ path: "/v1/logs", recordCount: 1 });
    expect(payloads[0]!.body).toContain("deprecated header used");
  });

  it("encodes OTLP/JSON with 64-bit integers as strings", () => {
    const [logs] = payloadsFor(["exceeded-cpu"]);
    expect(logs!.body).toContain('"timeUnixNano":"1777190400000000000"');
    expect(logs!.body).toContain('{"key":"cloudflare.cpu_time_ms","value":{"intValue":"30004"}}');
  });
});

describe("a truncated invocation", () => {
  it("is forwarded as a log record though it ended ok and logged nothing at a captured level", () => {
    const payloads = buildPayloads(loadTraceItems("log-limit-exceeded").slice(0, 1), loadConfig({ TAIL_EMIT_METRICS: "false" }), NOW_MS);
    expect(payloads.map(({ path, recordCount }) => ({ path, recordCount }))).toEqual([{ path: "/v1/logs", recordCount: 1 }]);
  });
});
