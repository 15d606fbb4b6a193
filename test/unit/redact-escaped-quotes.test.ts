/**
 * Secrets in quotes escaped by JSON text held in a string (detectors/escaped-quotes.ts), and API
 * keys of Latin American payment platforms by their documented names and prefixes. The corpus
 * (test/fixtures/pii/) holds the same examples end to end.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy } from "../../workers/ingest/core/redact";
import { scannedText } from "../support/redaction";
import { isSecretName } from "../../workers/ingest/core/redact/secret-names";
import { itKeeps, itStores } from "../support/redaction-cases";

const redacted = (text: string) => scannedText(text, defaultRedactionPolicy()).text;

/** `text` encoded as a JSON string `levels` times. */
function encoded(text: string, levels: number): string {
  let result = text;
  for (let i = 0; i < levels; i++) result = JSON.stringify(result);
  return result;
}

/** `text` decoded as a JSON string `levels` times; throws when it is no longer valid JSON. */
function decoded(text: string, levels: number): string {
  let result = text;
  for (let i = 0; i < levels; i++) result = JSON.parse(result) as string;
  return result;
}

describe("a quoted secret reads the same written inside one, two or three JSON strings", () => {
  // Each text as a sender writes it; encoded, its quotes become \", \\\" and \\\\\\\".
  const texts = [
    'mutation { login(email: "ana@uol.com.br", senha: "Mudar@2024") { token } }',
    'db password: "Hunter2024!" ok',
    'psql --password="S3cr3t!x" -h db',
    'api_key: "ak_9f8e7d6c5b4a3210"',
    'mutation { pagar(cartao: {numero: "4111111111111111", cvv: "8731"}) }',
    'args: password="Hunter2024!"',
    '{"senha":"Mudar@2024","usuario":"joao"}',
    'api_key = "ak9f8e7d6c5b4a3210" # cfg',
    ':password=>"Hunter2024!"',
    '<add key="ApiKey" value="k9Xb2mQ7pL4zR8"/>',
    'Authorization: Digest username="ana", response="6629fae49393a05397450978507c4ef1"',
    // A quote and a backslash the sender escaped inside the value.
    'login password="Hun\\"ter\\\\" user=joao',
  ];
  it.each(texts.flatMap((text) => [1, 2, 3].map((levels) => [levels, text] as const)))(
    "%i level(s): %s",
    (levels, text) => {
      const expected = redacted(text);
      expect(expected).not.toBe(text);
      const result = redacted(encoded(text, levels));
      // Still valid JSON text at every level, and decoded it is what the decoded text gives.
      expect(decoded(result, levels)).toBe(expected);
    },
  );

  it("the marker never takes the escape alone (the reported fault: `senha: [REDACTED]\"Mudar@2024\\\"`)", () => {
    const body = JSON.stringify({ query: 'mutation { login(email: "ana@uol.com.br", senha: "Mudar@2024") { token } }' });
    const result = redacted(body);
    expect(result).not.toContain("Mudar@2024");
    expect(JSON.parse(result)).toEqual({ query: 'mutation { login(email: "[REDACTED:email]", senha: "[REDACTED:secret_param]") { token } }' });
  });

  itStores("in text that is not JSON as a whole, and never closed: %s", redacted, [
    ['request body: {\\"senha\\":\\"Mudar@2024\\"}', 'request body: {\\"senha\\":\\"[REDACTED:secret_param]\\"}'],
    ["repr: password=\\'Hunter2024!\\' ok", "repr: password=\\'[REDACTED:secret_param]\\' ok"],
    [
      'GraphQL error: {"query":"mutation { login(password: \\"Hunter2024!\\") }"}',
      'GraphQL error: {"query":"mutation { login(password: \\"[REDACTED:secret_param]\\") }"}',
    ],
    // Never closed, as a line cut short: the word after the escape goes, the escape stays, and
    // the word ends before a backslash, so no quote loses its escape.
    ['password=\\"unterminated and more', 'password=\\"[REDACTED:secret_param] and more'],
    ['{\\"password\\":\\"Hunter2024', '{\\"password\\":\\"[REDACTED:secret_param]'],
    ['{"a":"password=\\"xyz"}', '{"a":"password=\\"[REDACTED:secret_param]"}'],
    ['login password=\\"abc\\\\\\" more', 'login password=\\"[REDACTED:secret_param]\\\\\\" more'],
  ]);

  itKeeps("leaves alone: %s", redacted, [
    // Empty, and values that only stand for a secret.
    '{\\"password\\":\\"\\"}',
    '{"cmd":"login --password=\\"$DB_PASSWORD\\""}',
    '{"log":"status: \\"ok\\", code: \\"US\\", token_count: \\"12\\""}',
    // A GraphQL variable passed as an argument is no value, also before the `)` closing the call.
    "login(senha:$s)",
    '{"query":"mutation($s:String!){login(senha:$s)}","variables":{"s":"[REDACTED:secret]"}}',
    "mutation { login(email: $e, password: $p) }",
  ]);
});

describe("payment platforms' API secrets by their documented names", () => {
  it.each(["MerchantKey", "merchantkey", "merchant_key", "http.request.header.merchantkey", "X-VTEX-API-AppToken", "secretkey", "privatekey"])(
    "%s names a secret",
    (name) => {
      expect(isSecretName(name)).toBe(true);
    },
  );
  // Cielo's MerchantId and VTEX's AppKey identify the account or the key, as a user name does.
  it.each(["MerchantId", "merchantid", "MerchantOrderId", "X-VTEX-API-AppKey", "accesskey", "hotkey", "monkey"])("%s does not", (name) => {
    expect(isSecretName(name)).toBe(false);
  });

  it("Cielo's MerchantKey goes from a URL, the MerchantId stays", () => {
    const key = "XQPZDMAKYVKCTRKQXNSMUFHQBZLUSUIDFGTYERNWA";
    expect(redacted(`GET https://api.cieloecommerce.cielo.com.br/1/sales?MerchantId=a1b2c3d4-e5f6-7890-abcd-ef1234567890&MerchantKey=${key}`)).toBe(
      "GET https://api.cieloecommerce.cielo.com.br/1/sales?MerchantId=a1b2c3d4-e5f6-7890-abcd-ef1234567890&MerchantKey=[REDACTED:secret_param]",
    );
  });

  it.each([
    "$aact_prod_000MzkwODA2MWY2OGM3MWRlMDU2NWM3MzJlNzZmNGZhZGY6OjAwMDAwMDAwMDAwMDI2Nzk4Njg6OiRhYWNo",
    "$aact_YTU5YTE0M2M2N2I4MTliNzk0YTI5N2U5MzdjNWZmNDQ6OjAwMDAwMDAwMDAwMDAwMDAwMDA6OiRhYWNoXzRlNTZk==",
    "sk_8a4f1b2c3d4e5f60718293a4b5c6d7e8",
    "ak_test_Wq8hT3kLm2Nv5Bx9Zr4Pj6Yc1Fd7Gs0",
    "APP_USR-1234567890123456-112233-abcdef0123456789abcdef0123456789-123456789",
    "TEST-1234567890123456-112233-abcdef0123456789abcdef0123456789-123456789",
  ])("a key known by its prefix, without a name: %s", (key) => {
    expect(redacted(`using ${key} now`)).toBe("using [REDACTED:known_token] now");
  });

  itKeeps("stays: %s", redacted, [
    // Mercado Pago's public key, a checkout page's; Pagar.me v4's encryption key; words after sk_.
    "APP_USR-a1b2c3d4-e5f6-7890-abcd-ef1234567890",
    "ek_live_Wq8hT3kLm2Nv5Bx9Zr4Pj6Yc1Fd7Gs0",
    "sk_learn_tutorial_for_beginners",
  ]);
});
