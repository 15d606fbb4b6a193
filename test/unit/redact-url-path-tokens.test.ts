/**
 * One-time tokens in URL paths and queries after a word naming what the link does (a password
 * reset, a verification, a magic login, an invitation, a share): a trial found them stored. A
 * random-looking segment after any other word is an id and stays; a metric's `url.path` keeps
 * one series per token, its token replaced by a hashed marker.
 */
import { describe, expect, it } from "vitest";
import type { KeyValue, NumberDataPoint } from "../../workers/shared/otlp/model";
import { defaultRedactionPolicy, redactRequest } from "../../workers/ingest/core/redact";
import { metricsRequest } from "../support/model-builders";
import { expectKept, expectRedacted } from "../support/redaction";

const TOKEN = "[REDACTED:secret_param]";

describe("a one-time link's token", () => {
  it.each([
    ["GET /accounts/reset/MQ/c4x2pm-9f8e7d6c5b4a39281706f5e4d3c2b1a0/", `GET /accounts/reset/MQ/${TOKEN}/`],
    ["GET /reset-password/Xk9mQ2abcdEFGH12345678", `GET /reset-password/${TOKEN}`],
    ["GET /password/reset/9f8e7d6c5b4a39281706f5e4d3c2b1a0", `GET /password/reset/${TOKEN}`],
    ["GET /verify-email/Xk9mQ2abcdEFGH12345678ZZ?next=/home", `GET /verify-email/${TOKEN}?next=/home`],
    ["GET /login/magic/9f8e7d6c5b4a39281706f5e4d3c2b1a0", `GET /login/magic/${TOKEN}`],
    ["GET /share/Xk9mQ2abcdEFGH12345678Xk9mQ2abcdEF", `GET /share/${TOKEN}`],
    ["GET /magic-link?t=Xk9mQ2abcdEFGH12345678", `GET /magic-link?t=${TOKEN}`],
    ['"GET /invite/Zx81Kq2mZ7vB4nL1pQrS HTTP/1.1" 200', `"GET /invite/${TOKEN} HTTP/1.1" 200`],
    ["https://app.example.com/unsubscribe/u8Fk2Lm9Np4Qr6St0Uv2", `https://app.example.com/unsubscribe/${TOKEN}`],
    ["GET /api/password-reset/b1f85c8e-3254-4141-8857-582daa5eac53/status 200", `GET /api/password-reset/${TOKEN}/status 200`],
    ["GET /reset/12345/Xk9mQ2abcdEFGH12345678/", `GET /reset/12345/${TOKEN}/`],
  ])("goes in %s", (text, stored) => expectRedacted([[text, stored]]));

  it("stays when the segment is an id after any other word, or words after the link's word", () => {
    expectKept([
      "GET /orders/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
      "GET /v1/users/3fa85f64-5717-4562-b3fc-2c963f66afa6",
      "GET /verify/email-address-change-request",
      "GET /unsubscribe?list=newsletter-2024-weekly",
      "GET /password/reset/done/",
      // A segment that goes on past the link's word names a resource, and the id after it is the resource's.
      "arn:aws:ecs:us-east-1:123456789012:task/password-reset-cluster/da8d4b2c9e7f4a1b8c3d2e1f0a9b8c7d",
      "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/password-reset-tg/1a2b3c4d5e6f7a8b",
      "arn:aws:sts::123456789012:assumed-role/password-reset-role/i-0abc123def4567890",
      "arn:aws:cloudformation:us-east-1:123456789012:stack/password-reset-stack/b1f85c8e-3254-4141-8857-582daa5eac53",
      // A repository so named: a word in lower case after it is its page, no user's id.
      "https://github.com/acme/password-reset/commit/dc581d8416810ce5c1bbcd7f152ae9bfb8fa5ae2",
      "fetch https://api.github.com/repos/acme/password-reset/commits/dc581d8416810ce5c1bbcd7f152ae9bfb8fa5ae2/status",
    ]);
  });
});

describe("a metric's url.path holding a one-time token", () => {
  function storedPath(path: string): string {
    const attributes: KeyValue[] = [{ key: "url.path", value: { stringValue: path } }];
    const point: NumberDataPoint = { attributes, startTimeUnixNano: "0", timeUnixNano: "1", value: { asDouble: 1 }, exemplars: [], flags: 0 };
    const request = metricsRequest([{ name: "http.server.request.duration", description: "", unit: "s", metadata: [], data: { type: "gauge", dataPoints: [point] } }]);
    redactRequest("metrics", request, defaultRedactionPolicy());
    const value = point.attributes[0]!.value;
    return "stringValue" in value ? value.stringValue : JSON.stringify(value);
  }

  it("keeps the path, hashes the token and keeps two tokens two series", () => {
    const first = storedPath("/reset-password/Xk9mQ2abcdEFGH12345678");
    const second = storedPath("/reset-password/Yk9mQ2abcdEFGH87654321");
    expect(first).toMatch(/^\/reset-password\/\[REDACTED:secret_param:[0-9a-f]{16}\]$/);
    expect(second).toMatch(/^\/reset-password\/\[REDACTED:secret_param:[0-9a-f]{16}\]$/);
    expect(first).not.toBe(second);
    expect(storedPath("/reset-password/Xk9mQ2abcdEFGH12345678")).toBe(first);
  });
});
