/**
 * Webhook signature headers lose their signatures and nothing else: Stripe's timestamp `t=` and
 * the `v1=`/`v0=` labels, GitHub's `sha256=`, Slack's `v0=` and Standard Webhooks' `v1,` say how
 * and when a payload was signed and stay, as does the text around the header; each signature is
 * replaced, in prose, in JSON text and under an attribute's key.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { redactedLogBody, storedLogAttribute } from "../support/redaction";

const HEX = "5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd";
const B64 = "K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=";
const PARAM = "[REDACTED:secret_param]";

describe("a webhook signature header in text", () => {
  it.each([
    [`Stripe-Signature: t=1733241600,v1=${HEX} webhook_id=we_1Qb7X2eZvKYlo`, `Stripe-Signature: t=1733241600,v1=${PARAM} webhook_id=we_1Qb7X2eZvKYlo`, 1],
    [`Stripe-Signature: t=1733241600,v1=${HEX},v0=${HEX}`, `Stripe-Signature: t=1733241600,v1=${PARAM},v0=${PARAM}`, 2],
    [`X-Hub-Signature: sha1=${HEX.slice(0, 40)}`, `X-Hub-Signature: sha1=${PARAM}`, 1],
    [`X-Slack-Signature: v0=${HEX}`, `X-Slack-Signature: v0=${PARAM}`, 1],
    [`webhook-signature: v1,${B64} v1a,${B64}`, `webhook-signature: v1,${PARAM} v1a,${PARAM}`, 2],
    [`svix-signature: v1,${B64}`, `svix-signature: v1,${PARAM}`, 1],
  ] as const)("%s", (text, expected, count) => {
    expect(redactString(text, defaultRedactionPolicy())).toEqual({ text: expected, counts: { secret_param: count } });
  });

  it("keeps the timestamp and labels in JSON text", () => {
    expect(redactString(`{"stripe_signature": "t=1733241600,v1=${HEX}"}`, defaultRedactionPolicy())).toEqual({
      text: '{"stripe_signature": "t=1733241600,v1=[REDACTED:secret]"}',
      counts: { secret: 1 },
    });
    expect(redactString(`{"headers":{"x-hub-signature-256":"sha256=${HEX}","x-slack-signature":"v0=${HEX}"}}`, defaultRedactionPolicy()).text).toBe(
      '{"headers":{"x-hub-signature-256":"sha256=[REDACTED:secret]","x-slack-signature":"v0=[REDACTED:secret]"}}',
    );
  });
});

describe("a webhook signature header under an attribute's key", () => {
  it.each([
    ["http.request.header.stripe-signature", `t=1733241600,v1=${HEX}`, "t=1733241600,v1=[REDACTED:secret]"],
    ["http.request.header.x-hub-signature-256", `sha256=${HEX}`, "sha256=[REDACTED:secret]"],
    ["http.request.header.webhook-signature", `v1,${B64}`, "v1,[REDACTED:secret]"],
    ["http.request.header.x-twilio-signature", B64, "[REDACTED:secret]"],
  ] as const)("%s", (key, value, expected) => {
    expect(storedLogAttribute(key, { stringValue: value })).toEqual({ stringValue: expected });
    expect(storedLogAttribute(key, { arrayValue: [{ stringValue: value }] })).toEqual({ arrayValue: [{ stringValue: expected }] });
  });
});

describe("more webhook signature headers", () => {
  it.each([
    [`X-Hub-Signature-256: sha256=${HEX}`, `X-Hub-Signature-256: sha256=${PARAM}`],
    [`X-Shopify-Hmac-Sha256: ${B64} topic=orders/create`, `X-Shopify-Hmac-Sha256: ${PARAM} topic=orders/create`],
    [`X-Signature: ${HEX}`, `X-Signature: ${PARAM}`],
    [`X-Webhook-Signature: ${HEX}`, `X-Webhook-Signature: ${PARAM}`],
    [`X-Twilio-Signature: ${B64}`, `X-Twilio-Signature: ${PARAM}`],
    [`X-Line-Signature: ${B64}`, `X-Line-Signature: ${PARAM}`],
    [`Paddle-Signature: ts=1671552777;h1=${HEX} event=transaction.completed`, `Paddle-Signature: ts=1671552777;h1=${PARAM} event=transaction.completed`],
  ] as const)("in text: %s", (text, expected) => {
    expect(redactString(text, defaultRedactionPolicy())).toEqual({ text: expected, counts: { secret_param: 1 } });
    expect(redactedLogBody(text)).toBe(expected);
  });

  it.each([
    ["http.request.header.x-shopify-hmac-sha256", B64, "[REDACTED:secret]"],
    ["http.request.header.x-line-signature", B64, "[REDACTED:secret]"],
    ["http.request.header.paddle-signature", `ts=1671552777;h1=${HEX}`, "ts=1671552777;h1=[REDACTED:secret]"],
    ["webhook_hmac", HEX, "[REDACTED:secret]"],
  ] as const)("under the key %s", (key, value, expected) => {
    expect(storedLogAttribute(key, { stringValue: value })).toEqual({ stringValue: expected });
  });

  it("keeps names that only say how a signature is made, and other hashes", () => {
    for (const text of [`checksum_sha256: ${HEX}`, "hmac_algorithm: sha256", `image.sha256: ${HEX}`]) {
      expect(redactString(text, defaultRedactionPolicy())).toEqual({ text, counts: {} });
    }
    expect(storedLogAttribute("hmac_algorithm", { stringValue: "sha256" })).toEqual({ stringValue: "sha256" });
    expect(storedLogAttribute("artifact.sha256", { stringValue: HEX })).toEqual({ stringValue: HEX });
  });
});

describe("a signature a sender already masked", () => {
  it.each(["X-Hub-Signature-256: sha256=[filtered]", "Paddle-Signature: ts=1671552777;h1=[FILTERED]", "X-Shopify-Hmac-Sha256: ********"])("%s stays", (text) => {
    expect(redactString(text, defaultRedactionPolicy())).toEqual({ text, counts: {} });
  });
});
