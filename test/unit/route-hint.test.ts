/**
 * The 404 for a path no route takes: an OTLP export's path spelled otherwise (a trailing slash,
 * repeated slashes, capitals) is named with the path meant and what differs; a near miss (one
 * edit, a file suffix) is asked "did you mean"; any other path gets the list of OTLP paths.
 */
import { describe, expect, it } from "vitest";
import { noRouteMessage } from "../../workers/ingest/http/route-hint";

const PATHS = "(OTLP paths are /v1/logs, /v1/traces and /v1/metrics)";

describe("the 404's message", () => {
  it.each([
    ["/v1/logs/", "logs", "without the trailing slash"],
    ["/v1/traces/", "traces", "without the trailing slash"],
    ["/v1/metrics/", "metrics", "without the trailing slash"],
    ["/v1/logs///", "logs", "without the trailing slash"],
    ["//v1/logs", "logs", "with single slashes"],
    ["/v1//traces", "traces", "with single slashes"],
    ["/V1/Logs", "logs", "in lower case"],
    ["/v1/METRICS", "metrics", "in lower case"],
    ["/V1/LOGS//", "logs", "without the trailing slash and in lower case"],
    ["//V1//Traces/", "traces", "without the trailing slash, with single slashes and in lower case"],
  ])("names the path %s meant (%s), and what differs", (path, signal, differs) => {
    expect(noRouteMessage("POST", path)).toBe(`no route for POST ${path}: the OTLP ${signal} path is /v1/${signal}, ${differs} ${PATHS}`);
  });

  it.each([
    ["/v1/log", "logs"],
    ["/v1/trace", "traces"],
    ["/v1/metric", "metrics"],
    ["/v1/logs.json", "logs"],
    ["/v1/traces.proto", "traces"],
    ["/v1/metric.pb", "metrics"],
    ["/V1/Log/", "logs"],
    ["//v1//trace", "traces"],
    ["/v1/lgos", "logs"],
    ["/v1/metrcs", "metrics"],
    ["/v1/logz", "logs"],
    ["/v2/logs", "logs"],
    ["/v1logs", "logs"],
  ])("asks whether %s, a near miss, meant /v1/%s", (path, signal) => {
    expect(noRouteMessage("POST", path)).toBe(`no route for POST ${path}: did you mean /v1/${signal}? ${PATHS}`);
  });

  it.each(["/", "///", "/v1/profiles", "/v1/logs/extra", "/v1/lo", "/v1/logs.json/x", "/otlp/v1/logs", "/v1/logs", "/v1/events"])("lists the OTLP paths for %s", (path) => {
    expect(noRouteMessage("GET", path)).toBe(`no route for GET ${path}: OTLP paths are /v1/logs, /v1/traces and /v1/metrics`);
  });

  it("answers a 64 KB path at once", () => {
    const path = `/v1/${"log".repeat(22_000)}`;
    const started = performance.now();
    expect(noRouteMessage("POST", path)).toBe(`no route for POST ${path}: OTLP paths are /v1/logs, /v1/traces and /v1/metrics`);
    expect(performance.now() - started).toBeLessThan(50);
  });
});
