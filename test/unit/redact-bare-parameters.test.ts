/**
 * The bare parameter names `code` and `key`: an OAuth authorization code and an API key in a
 * URL's credentials, an exit, status or error code and a cache or sort key everywhere else.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { itKeeps, itStores } from "../support/redaction-cases";

const redacted = (text: string) => redactString(text, defaultRedactionPolicy()).text;
const MARKER = "[REDACTED:secret_param]";

describe("a bare code or key that is no credential stays", () => {
  itKeeps("%s", redacted, [
    "process exited with code=137 signal=SIGKILL",
    "upstream returned code=503 after 3 retries",
    "connect failed code=ECONNRESET errno=-104",
    "pg error code=42P01 relation missing",
    "mongo code=E11000 duplicate key",
    "pg error code=23505",
    "payment failed code=card_declined",
    "s3 code=NoSuchKey bucket=assets",
    "grpc code=UNAVAILABLE",
    "grpc code=14",
    "node error code=ERR_INVALID_ARG_TYPE",
    "coupon applied code=SUMMER25",
    "panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x4a5b6c]",
    "cache miss key=product:sku-1001 ttl=60",
    'level=INFO msg="cache hit" key=product:sku-1001',
    "rate limit key=route:/api/login",
    "cache set key=user:42",
    "sortKey=createdAt&key=orders",
    "key=sku-1001",
    "key=uploads/2026/12/01/a.png",
    "key=flags/new-checkout",
    "key=orders-2026-12-01-export",
    "GET /i18n?lang=1&code=pt-BR",
  ]);
});

describe("a code or key that can be a credential goes", () => {
  itStores("%s", redacted, [
    ["/cb?state=1&code=xyz", `/cb?state=1&code=${MARKER}`],
    ["GET /cb?code=4/0AX4XfWh.&state=1", `GET /cb?code=${MARKER}&state=1`],
    ["code=abc&state=af0ifjsldkj", `code=${MARKER}&state=af0ifjsldkj`],
    ["GET /auth/google/callback?code=abc123", `GET /auth/google/callback?code=${MARKER}`],
    ["redirect_uri=https%3A%2F%2Fshop.example%2Fcallback%3Fcode%3Dabc123", `redirect_uri=https%3A%2F%2Fshop.example%2Fcallback%3Fcode%3D${MARKER}`],
    ["exchanging code=SplxlOBeZQQYbYS6WxSbIA", `exchanging code=${MARKER}`],
    ["github code=e72e16c7e42f292c6912 received", `github code=${MARKER} received`],
    ["GET /maps/api/geocode/json?address=x&key=AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q", `GET /maps/api/geocode/json?address=x&key=${MARKER}`],
    ["?key=k9Xq2mPz7Lw4Rt8Yv3Nb", `?key=${MARKER}`],
    ["api_key=orders", `api_key=${MARKER}`],
  ]);
});

describe("a verification's, reset's or second factor's code goes", () => {
  it.each([
    ["GET /verify-email?code=482913&email=ana@example.com", "GET /verify-email?code=MARK&email=[REDACTED:email]"],
    ["GET /reset-password?code=Xk9mQ2", "GET /reset-password?code=MARK"],
    ["url.full=https://app.example.com/api/2fa/verify?code=482913", "url.full=https://app.example.com/api/2fa/verify?code=MARK"],
    ["http.url=https://app.example.com/account/confirm?code=482913&uid=42", "http.url=https://app.example.com/account/confirm?code=MARK&uid=42"],
    ["GET /auth/magic-link?code=abcdefgh", "GET /auth/magic-link?code=MARK"],
    ["GET /account/activate?code=qwertyui", "GET /account/activate?code=MARK"],
    ["mfa challenge passed code=482913 user=42", "mfa challenge passed code=MARK user=42"],
    ["otp sent code=4829", "otp sent code=MARK"],
    ["sms sent code=48291375", "sms sent code=MARK"],
    ["mail sent code=Xk9mQ2", "mail sent code=MARK"],
  ])("%s", (text, expected) => {
    expect(redacted(text)).toBe(expected.replace("MARK", MARKER));
  });

  itKeeps("a status, errno or hex code beside such a word stays: %s", redacted, [
    "login failed code=503",
    "password reset failed code=ECONNRESET",
    "mfa provider error code=card_declined",
    "hresult code=0x80004005",
    "mongo code=E11000 duplicate key",
  ]);
});
