/**
 * The 404 for a path no route takes: an OTLP export's path spelled otherwise (a trailing slash,
 * repeated slashes, capitals) is named with the path meant and what differs; any other path gets
 * the list of OTLP paths.
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

  it.each(["/", "///", "/v1/profiles", "/v1/logs/extra", "/v1/log", "/otlp/v1/logs", "/v1/logs"])("lists the OTLP paths for %s", (path) => {
    expect(noRouteMessage("GET", path)).toBe(`no route for GET ${path}: OTLP paths are /v1/logs, /v1/traces and /v1/metrics`);
  });
});
