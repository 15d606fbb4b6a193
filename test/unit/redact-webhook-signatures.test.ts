/**
 * Webhook signature headers lose their signatures and nothing else: Stripe's timestamp `t=` and
 * the `v1=`/`v0=` labels, GitHub's `sha256=`, Slack's `v0=` and Standard Webhooks' `v1,` say how
 * and when a payload was signed and stay, as does the text around the header; each signature is
 * replaced, in prose, in JSON text and under an attribute's key.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { storedLogAttribute } from "../support/redaction";

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
