/**
 * Browser senders (the OpenTelemetry JS web SDK's OTLP/HTTP exporters) through the ingest Worker
 * in workerd: the preflight a browser sends before an export with a bearer token and a JSON
 * content type, then the export itself and its errors, answered with the CORS headers the
 * browser needs to let the SDK read them; as the Collector's receiver with `cors` configured.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueId } from "../support/export-results";
import { bearer, startIngestWorker, type IngestUnderTest } from "../support/ingest-worker";
import { captureRuntimeOutput, discardRuntimeOutput, jsonLogLines } from "../support/runtime-output";

const SHOP = "https://shop.example.com";

let ingest: IngestUnderTest;

beforeAll(async () => {
  ingest = await startIngestWorker({
    prefix: "ingest_cors",
    handleRuntimeStdio: discardRuntimeOutput,
    vars: { CORS_ALLOWED_ORIGINS: `${SHOP}, https://*.example.org`, CORS_ALLOWED_HEADERS: "X-Tenant", CORS_MAX_AGE: "7200" },
  });
});

afterAll(async () => {
  await ingest?.dispose();
});

/** What Chrome sends before `fetch(url, { method: "POST", headers: { Authorization, "Content-Type": "application/json" } })`. */
function preflight(origin: string, requestHeaders = "authorization,content-type", method = "POST"): Promise<Response> {
  return ingest.fetch("/v1/traces", {
    method: "OPTIONS",
    headers: {
      Origin: origin,
      "Access-Control-Request-Method": method,
      "Access-Control-Request-Headers": requestHeaders,
      "Sec-Fetch-Mode": "cors",
    },
  });
}

function corsHeaders(response: Response): Record<string, string> {
  const found: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name.startsWith("access-control-") || name === "vary") found[name] = value;
  });
  return found;
}

function spans(runId: string): string {
  return JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: [{ key: "service.name", value: { stringValue: "storefront-web" } }, { key: "run.id", value: { stringValue: runId } }] },
        scopeSpans: [
          {
            scope: { name: "@opentelemetry/instrumentation-document-load" },
            spans: [
              {
                traceId: "5b8efff798038103d269b633813fc60c",
                spanId: "eee19b7ec3c1b174",
                name: "documentLoad",
                kind: 1,
                startTimeUnixNano: `${Date.now() - 2000}000000`,
                endTimeUnixNano: `${Date.now() - 1000}000000`,
              },
            ],
          },
        ],
      },
    ],
  });
}

describe("preflight", () => {
  it.each([
    ["an exact origin", SHOP],
    ["an origin matching a wildcard", "https://app.example.org"],
    ["an origin in other case", "HTTPS://Shop.Example.com"],
  ])("allows %s, its method and headers, with no token and no route lookup", async (_, origin) => {
    const response = await preflight(origin);
    expect(response.status).toBe(204);
    expect(corsHeaders(response)).toEqual({
      "access-control-allow-origin": origin,
      "access-control-allow-methods": "POST",
      "access-control-allow-headers": "authorization, content-type",
      "access-control-allow-credentials": "true",
      "access-control-max-age": "7200",
      vary: "Origin, Access-Control-Request-Method, Access-Control-Request-Headers",
    });
    expect(await response.text()).toBe("");
  });

  it("allows a header listed in CORS_ALLOWED_HEADERS beside the implicit ones", async () => {
    const response = await preflight(SHOP, "content-encoding,content-type,x-tenant");
    expect(response.headers.get("access-control-allow-headers")).toBe("content-encoding, content-type, x-tenant");
  });

  it.each([
    ["an origin not listed", "https://evil.example.net", "authorization,content-type", "POST"],
    ["a wildcard's look-alike", "https://example.org.evil.net", "authorization,content-type", "POST"],
    ["a header not allowed", SHOP, "authorization,x-secret", "POST"],
    ["a method not allowed", SHOP, "content-type", "DELETE"],
  ])("answers %s without allowing it: the browser then refuses the request", async (_, origin, requestHeaders, method) => {
    const response = await preflight(origin, requestHeaders, method);
    expect(response.status).toBe(204);
    expect(corsHeaders(response)).toEqual({ vary: "Origin, Access-Control-Request-Method, Access-Control-Request-Headers" });
  });
});

describe("the export and its errors, from an allowed origin", () => {
  const allowed = {
    "access-control-allow-origin": SHOP,
    "access-control-allow-credentials": "true",
    "access-control-expose-headers": "Retry-After, X-Request-Id",
    vary: "Origin",
  };

  it("writes the export and answers it readable to the page", async () => {
    const runId = uniqueId("cors-export");
    const response = await ingest.fetch("/v1/traces", {
      method: "POST",
      body: spans(runId),
      headers: { ...bearer(), "Content-Type": "application/json", Origin: SHOP },
    });
    expect(response.status).toBe(200);
    expect(corsHeaders(response)).toEqual(allowed);
    expect(await response.json()).toEqual({});
    expect(await ingest.rows(`SELECT SpanName FROM otel_traces WHERE ResourceAttributes['run.id'] = '${runId}'`)).toEqual([
      { SpanName: "documentLoad" },
    ]);
  });

  it.each([
    ["401 without a token", {}, "application/json", 401],
    ["415 for a content type OTLP does not have", bearer(), "text/plain", 415],
    ["400 for an empty JSON body", bearer(), "application/json", 400],
  ])("answers %s with CORS headers", async (_, auth, contentType, status) => {
    const response = await ingest.fetch("/v1/traces", {
      method: "POST",
      body: status === 415 ? spans("x") : new Uint8Array(0),
      headers: { ...auth, "Content-Type": contentType, Origin: SHOP },
    });
    expect(response.status).toBe(status);
    expect(corsHeaders(response)).toEqual(allowed);
    expect((await response.json()) as { message: string }).toHaveProperty("message");
  });

  it("answers a page of another origin without them, and a request with no Origin as before", async () => {
    const other = await ingest.fetch("/health", { headers: { Origin: "https://evil.example.net" } });
    expect(corsHeaders(other)).toEqual({ vary: "Origin" });
    const server = await ingest.fetch("/health");
    expect(server.status).toBe(200);
    expect(corsHeaders(server)).toEqual({ vary: "Origin" });
  });
});

describe("settings", () => {
  let off: IngestUnderTest;
  let bad: IngestUnderTest;
  const badOutput = captureRuntimeOutput();

  beforeAll(async () => {
    [off, bad] = await Promise.all([
      startIngestWorker({ prefix: "ingest_cors_off", handleRuntimeStdio: discardRuntimeOutput }),
      startIngestWorker({
        prefix: "ingest_cors_bad",
        handleRuntimeStdio: badOutput.handleRuntimeStdio,
        vars: { CORS_ALLOWED_ORIGINS: "https://shop.example.com/app" },
      }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([off?.dispose(), bad?.dispose()]);
  });

  it("is off without CORS_ALLOWED_ORIGINS, as in the Collector: OPTIONS is a method the endpoint does not take", async () => {
    const response = await off.fetch("/v1/traces", {
      method: "OPTIONS",
      headers: { Origin: SHOP, "Access-Control-Request-Method": "POST" },
    });
    expect(response.status).toBe(405);
    expect(corsHeaders(response)).toEqual({});
  });

  it("refuses every public request with 503, readable by the browser, and logs the bad entry", async () => {
    const response = await bad.fetch("/v1/traces", {
      method: "POST",
      body: spans("bad"),
      headers: { ...bearer(), "Content-Type": "application/json", Origin: SHOP, "X-Request-Id": "cors-bad-1" },
    });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("60");
    expect(((await response.json()) as { message: string }).message).toBe(
      "the deco-otel-ingest Worker is misconfigured: its log (`wrangler tail deco-otel-ingest`, with `--env staging` for a staging deployment) names the problem (request id cors-bad-1)",
    );
    await expect
      .poll(() => jsonLogLines(badOutput, "request refused").find((line) => line.requestId === "cors-bad-1")?.reason)
      .toBe(
        'deco-otel-ingest configuration is invalid: CORS_ALLOWED_ORIGINS entry "https://shop.example.com/app" is not an origin: ' +
          "write scheme://host[:port] with no path (e.g. https://shop.example.com), at most one * (https://*.example.com), or * alone",
      );
  });
});
