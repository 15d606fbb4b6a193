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
  ])("goes in %s", (text, stored) => expectRedacted([[text, stored]]));

  it("stays when the segment is an id after any other word, or words after the link's word", () => {
    expectKept([
      "GET /orders/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
      "GET /v1/users/3fa85f64-5717-4562-b3fc-2c963f66afa6",
      "GET /verify/email-address-change-request",
      "GET /unsubscribe?list=newsletter-2024-weekly",
      "GET /password/reset/done/",
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
