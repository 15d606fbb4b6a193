/**
 * Webhook signatures read alike as an attribute key (the semantic conventions'
 * `http.request.header.<name>`, lower case, `_` or `-`) and in log text whatever the header's
 * case: Shopify's HMAC, GitHub's `x-hub-signature-256` and Slack's `x-slack-signature`. The
 * signature goes; what says how it was signed (`sha256=`, `v0=`) stays. Found by a user trial,
 * which saw the Shopify attribute stored in clear and GitHub's header in lower case kept.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { storedLogAttribute } from "../support/redaction";
import { itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const HEX = "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9";
const HMAC = "XWmrwMey6OsLMeiZKwP4FppHH3cmAiiJJAweH5Jo4bM=";

describe("a webhook signature under its header's attribute key", () => {
  it.each([
    ["http.request.header.x-shopify-hmac-sha256", HMAC, "[REDACTED:secret]"],
    ["http.request.header.x_shopify_hmac_sha256", HMAC, "[REDACTED:secret]"],
    ["X-Shopify-Hmac-SHA256", HMAC, "[REDACTED:secret]"],
    ["http.request.header.x-hub-signature-256", `sha256=${HEX}`, "sha256=[REDACTED:secret]"],
    ["http.request.header.x-slack-signature", `v0=${HEX}`, "v0=[REDACTED:secret]"],
  ])("%s", (key, value, stored) => {
    expect(storedLogAttribute(key, { stringValue: value })).toEqual({ stringValue: stored });
  });
});

describe("a webhook signature header in text, in any case", () => {
  itStoresCounting("%j", (text) => redactString(text, policy), { secret_param: 1 }, [
    [`x-hub-signature-256: sha256=${HEX}`, "x-hub-signature-256: sha256=[REDACTED:secret_param]"],
    [`X-Hub-Signature-256: sha256=${HEX}`, "X-Hub-Signature-256: sha256=[REDACTED:secret_param]"],
    [`x-slack-signature: v0=${HEX}`, "x-slack-signature: v0=[REDACTED:secret_param]"],
    [`X-Shopify-Hmac-Sha256: ${HMAC}`, "X-Shopify-Hmac-Sha256: [REDACTED:secret_param]"],
    [`x-shopify-hmac-sha256: ${HMAC}`, "x-shopify-hmac-sha256: [REDACTED:secret_param]"],
  ]);
});
