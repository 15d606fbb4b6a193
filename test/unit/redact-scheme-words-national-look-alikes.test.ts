/**
 * (1) A scheme's word, a header's name or a placeholder under a header's name holds no credential
 * only as the whole value, or before prose: a token after it past a mark or a blank is the
 * credential, replaced with it in text as in an attribute; `HMAC-SHA*` is a scheme with its
 * signature after it; a header whose own name says password or secret shields nothing; an
 * algorithm's name under a secret's own name is the secret, as before.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { exportedConsoleLine, storedLogAttribute } from "../support/redaction";
import { itKeepsUncounted, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const redacted = (text: string) => redactString(text, policy);
const SECRET = "[REDACTED:secret]";
const SECRET_PARAM = "[REDACTED:secret_param]";
const text = (value: string) => ({ stringValue: value });
const TOKEN = "s3cr3tT0kenAbc123xyz";
const SIGNATURE = "a1b2c3d4e5f60718293a4b5c6d7e8f90";

describe("a scheme's word with a token after it past a mark or a blank", () => {
  itStoresCounting("replaces the word and the token in text %j", redacted, { secret_param: 1 }, [
    [`X-Api-Key: Token, ${TOKEN}`, `X-Api-Key: ${SECRET_PARAM}`],
    [`X-Api-Key: Token; ${TOKEN}`, `X-Api-Key: ${SECRET_PARAM}`],
    [`X-Api-Key: Token,${TOKEN}`, `X-Api-Key: ${SECRET_PARAM}`],
    [`X-Api-Key: Token! ${TOKEN}`, `X-Api-Key: ${SECRET_PARAM}`],
    [`X-Api-Key: Token\u00a0${TOKEN}`, `X-Api-Key: ${SECRET_PARAM}`],
    [`GET /v1?X-Api-Key=Token,${TOKEN}&page=2 200`, `GET /v1?X-Api-Key=${SECRET_PARAM}&page=2 200`],
    [`X-Auth-Token: Bearer, ${TOKEN}`, `X-Auth-Token: ${SECRET_PARAM}`],
    [`Authorization: Bearer, ${TOKEN}`, `Authorization: ${SECRET_PARAM}`],
    [`Authorization: Bearer; ${TOKEN}`, `Authorization: ${SECRET_PARAM}`],
    [`X-Api-Key: Token, ${TOKEN} then retried`, `X-Api-Key: ${SECRET_PARAM} then retried`],
  ]);

  it("replaces it as an attribute too", () => {
    for (const value of [`Token, ${TOKEN}`, `Token; ${TOKEN}`, `Token! ${TOKEN}`, `Token\u00a0${TOKEN}`]) {
      expect(storedLogAttribute("X-Api-Key", text(value)), value).toEqual(text(SECRET));
    }
    expect(storedLogAttribute("X-Auth-Token", text(`Bearer, ${TOKEN}`))).toEqual(text(SECRET));
  });

  itKeepsUncounted("keeps the word before prose %j", redacted, ["X-Api-Key: Token, then retried", "X-Auth-Token: Bearer; see the docs"]);

  it("keeps the word before prose as an attribute", () => {
    expect(storedLogAttribute("X-Api-Key", text("Token, then retried"))).toEqual(text("Token, then retried"));
  });
});

describe("HMAC-SHA* as a scheme with its signature after it", () => {
  itStoresCounting("replaces the signature in text %j", redacted, { secret_param: 1 }, [
    [`X-Signature: HMAC-SHA256 ${SIGNATURE}`, `X-Signature: HMAC-SHA256 ${SECRET_PARAM}`],
    [`X-Signature: HMAC-SHA1 ${SIGNATURE}`, `X-Signature: HMAC-SHA1 ${SECRET_PARAM}`],
    [`Authorization: HMAC-SHA256 ${SIGNATURE}`, `Authorization: HMAC-SHA256 ${SECRET_PARAM}`],
    [`Authorization: HMAC-SHA256\t${SIGNATURE}`, `Authorization: HMAC-SHA256\t${SECRET_PARAM}`],
    [`X-Api-Key: HMAC-SHA256 ${TOKEN}`, `X-Api-Key: HMAC-SHA256 ${SECRET_PARAM}`],
  ]);

  it("replaces the signature as an attribute", () => {
    expect(storedLogAttribute("X-Signature", text(`HMAC-SHA1 ${SIGNATURE}`))).toEqual(text(`HMAC-SHA1 ${SECRET}`));
    expect(storedLogAttribute("Authorization", text(`HMAC-SHA256 ${SIGNATURE}`))).toEqual(text(`HMAC-SHA256 ${SECRET}`));
  });

  itKeepsUncounted("keeps it alone under a header's name or an algorithm's key %j", redacted, [
    "Authorization: HMAC-SHA256",
    "signing.algorithm=HMAC-SHA256",
    "hmac_algorithm=HMAC-SHA256",
  ]);
});

describe("a header whose own name says password or secret", () => {
  itStoresCounting("replaces a scheme's word under it in text %j", redacted, { secret_param: 1 }, [
    ["X-Password: Basic", `X-Password: ${SECRET_PARAM}`],
    ["X-Secret: Token", `X-Secret: ${SECRET_PARAM}`],
    ["x-auth-password: Token", `x-auth-password: ${SECRET_PARAM}`],
  ]);

  it("replaces it as an attribute and a lifted member", () => {
    expect(storedLogAttribute("X-Password", text("Basic"))).toEqual(text(SECRET));
    expect(storedLogAttribute("x-auth-password", text("Token"))).toEqual(text(SECRET));
    expect(exportedConsoleLine(JSON.stringify({ msg: "request", headers: { "X-Password": "Basic" } })).attributes["headers.X-Password"]).toBe(SECRET);
  });
});

describe("an algorithm's name under a secret's own name", () => {
  itStoresCounting("is the secret %j", redacted, { secret_param: 1 }, [
    ["password=HMAC-SHA256", `password=${SECRET_PARAM}`],
    ["secret: hmac-sha1", `secret: ${SECRET_PARAM}`],
  ]);

  it("is the secret as an attribute", () => {
    expect(storedLogAttribute("password", text("HMAC-SHA256"))).toEqual(text(SECRET));
    expect(storedLogAttribute("secret", text("hmac-sha1"))).toEqual(text(SECRET));
  });
});
