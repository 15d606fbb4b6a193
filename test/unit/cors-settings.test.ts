/**
 * The public endpoint's CORS settings (CORS_ALLOWED_ORIGINS, CORS_ALLOWED_HEADERS, CORS_MAX_AGE):
 * what they accept, and the message naming what they refuse.
 */
import { describe, expect, it } from "vitest";
import { parsePublicCorsConfig } from "../../workers/ingest/config";
import { ConfigError } from "../../workers/shared/env-schema";

describe("CORS settings", () => {
  it("are off unless an origin is listed; allowed headers or a max age without one, which would do nothing, are refused", () => {
    expect(parsePublicCorsConfig({})).toBeUndefined();
    expect(parsePublicCorsConfig({ CORS_MAX_AGE: "0" })).toBeUndefined();
    expect(() => parsePublicCorsConfig({ CORS_ALLOWED_HEADERS: "X-Tenant", CORS_MAX_AGE: "60" })).toThrow(
      "deco-otel-ingest configuration is invalid: " +
        "CORS_ALLOWED_HEADERS is set without CORS_ALLOWED_ORIGINS: CORS is off until an origin is listed, so it would do nothing; list the origins or unset it; " +
        "CORS_MAX_AGE is set without CORS_ALLOWED_ORIGINS: CORS is off until an origin is listed, so it would do nothing; list the origins or unset it",
    );
  });

  it("name every problem at once: each bad origin, each bad header, a bad max age", () => {
    const notOrigin = (entry: string) =>
      `CORS_ALLOWED_ORIGINS entry ${JSON.stringify(entry)} is not an origin: write scheme://host[:port] ` +
      "with no path (e.g. https://shop.example.com), at most one * (https://*.example.com), or * alone";
    expect(() =>
      parsePublicCorsConfig({ CORS_ALLOWED_ORIGINS: "bad, https://ok.example, also bad", CORS_ALLOWED_HEADERS: "X Tenant, *, Y:Z", CORS_MAX_AGE: "a day" }),
    ).toThrow(
      "deco-otel-ingest configuration is invalid: CORS_MAX_AGE must be a whole number from 0 to 86400, got \"a day\"; " +
        'CORS_ALLOWED_HEADERS entry "X Tenant" is not a header name (or * for any); ' +
        'CORS_ALLOWED_HEADERS entry "Y:Z" is not a header name (or * for any); ' +
        `${notOrigin("bad")}; ${notOrigin("also bad")}`,
    );
    // An unreadable origin list is its own problem, not also "headers without origins".
    expect(() => parsePublicCorsConfig({ CORS_ALLOWED_ORIGINS: "[x", CORS_ALLOWED_HEADERS: "X-Tenant" })).toThrow(
      /^deco-otel-ingest configuration is invalid: CORS_ALLOWED_ORIGINS must be a JSON array of strings or comma-separated words, got "\[x"$/,
    );
  });

  it("read exact and wildcard origins in lower case, * as any, headers beside the implicit ones", () => {
    const policy = parsePublicCorsConfig({
      CORS_ALLOWED_ORIGINS: "https://Shop.example.com, https://*.example.org, http://localhost:5173",
      CORS_ALLOWED_HEADERS: "X-Tenant",
      CORS_MAX_AGE: 600,
    })!;
    expect(policy.origins).toEqual([
      { exact: "https://shop.example.com" },
      { prefix: "https://", suffix: ".example.org" },
      { exact: "http://localhost:5173" },
    ]);
    expect(policy.headers).toEqual(new Set(["accept", "accept-language", "content-language", "content-type", "origin", "x-requested-with", "authorization", "content-encoding", "idempotency-key", "x-request-id", "x-tenant"]));
    expect(policy.maxAgeSeconds).toBe(600);
    expect(parsePublicCorsConfig({ CORS_ALLOWED_ORIGINS: "https://a.example, *", CORS_ALLOWED_HEADERS: "*" })).toEqual({ origins: "any", headers: "any", maxAgeSeconds: 0 });
  });

  it.each([
    ["https://shop.example.com/", "CORS_ALLOWED_ORIGINS entry \"https://shop.example.com/\" is not an origin"],
    ["shop.example.com", "CORS_ALLOWED_ORIGINS entry \"shop.example.com\" is not an origin"],
    ["https://*.*.example.com", "CORS_ALLOWED_ORIGINS entry \"https://*.*.example.com\" is not an origin"],
  ])("refuse the origin %j, naming it", (origin, message) => {
    expect(() => parsePublicCorsConfig({ CORS_ALLOWED_ORIGINS: origin })).toThrow(ConfigError);
    expect(() => parsePublicCorsConfig({ CORS_ALLOWED_ORIGINS: origin })).toThrow(`deco-otel-ingest configuration is invalid: ${message}`);
  });

  it("refuse a header that is no header name and a max age past a day", () => {
    expect(() => parsePublicCorsConfig({ CORS_ALLOWED_ORIGINS: "*", CORS_ALLOWED_HEADERS: "X Tenant" })).toThrow(
      'CORS_ALLOWED_HEADERS entry "X Tenant" is not a header name (or * for any)',
    );
    expect(() => parsePublicCorsConfig({ CORS_ALLOWED_ORIGINS: "*", CORS_MAX_AGE: "86401" })).toThrow(
      "CORS_MAX_AGE must be a whole number from 0 to 86400",
    );
  });
});
