/**
 * The public endpoint's CORS settings (CORS_ALLOWED_ORIGINS, CORS_ALLOWED_HEADERS, CORS_MAX_AGE):
 * what they accept, and the message naming what they refuse.
 */
import { describe, expect, it } from "vitest";
import { parsePublicCorsConfig } from "../../workers/ingest/config";
import { ConfigError } from "../../workers/shared/env-schema";

describe("CORS settings", () => {
  it("are off unless an origin is listed, an allowed header list alone doing nothing (as in the Collector)", () => {
    expect(parsePublicCorsConfig({})).toBeUndefined();
    expect(parsePublicCorsConfig({ CORS_ALLOWED_HEADERS: "X-Tenant", CORS_MAX_AGE: "60" })).toBeUndefined();
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
