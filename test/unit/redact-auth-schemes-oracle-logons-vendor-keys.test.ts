/**
 * Credentials a trial found kept whole in what logging libraries print: authentication schemes
 * other than Bearer and Basic where a header's value stands without the header's name, Oracle's
 * `user/password@connect` logons, vendors' key headers and parameters, and MFA recovery codes;
 * each in text and, where a sender lifts it, as an attribute's value.
 */
import { describe, expect, it } from "vitest";
import type { AnyValue, KeyValue } from "../../workers/shared/otlp/model";
import { defaultRedactionPolicy, redactRequest, redactString } from "../../workers/ingest/core/redact";
import { logRecord, logsRequest } from "../support/model-builders";
import { itKeeps, itStores } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const redacted = (text: string) => redactString(text, policy).text;

/** The attributes of one log record after the request's redaction, by key. */
function redactedAttributes(attributes: Record<string, AnyValue>): Record<string, AnyValue> {
  const record = logRecord({ timeUnixNano: "1796000000000000000", severityNumber: 9, body: { stringValue: "request" }, attributes: Object.entries(attributes).map(([key, value]): KeyValue => ({ key, value })) });
  redactRequest("logs", logsRequest([record]), policy, new Map());
  return Object.fromEntries(record.attributes.map((a) => [a.key, a.value]));
}

describe("an Authorization value without the header's name", () => {
  itStores("%s", redacted, [
    ['200 "Token Zx8Kq2Lm9Np4Rt7VaBcDeFgH"', '200 "Token [REDACTED:secret_param]"'],
    ['200 "Bot MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs"', '200 "Bot [REDACTED:secret_param]"'],
    ['200 "SSWS 00QCjAl4MlV-WPXM-ABCDEFGHIJKLMNOPQRSTUVWXYZ"', '200 "SSWS [REDACTED:secret_param]"'],
    ['200 "Splunk 0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"', '200 "Splunk [REDACTED:secret_param]"'],
    ['"GenieKey 0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"', '"GenieKey [REDACTED:secret_param]"'],
    ['"NTLM TlRMTVNTUAABAAAAB4IIogAAAAAAAAAAAAAAAAAAAAAKAO5CAAAADw=="', '"NTLM [REDACTED:secret_param]"'],
    ['"Negotiate YIIGhgYGKwYBBQUCoIIGejCCBnagMDAuBgkqhkiC9xIBAgIGCSqGSIb3EgECAg"', '"Negotiate [REDACTED:secret_param]"'],
    ['"SharedKey myaccount:ctzMq410TV3wS7upTBcunJTDLEJwMAZuFPfr0mrrA08="', '"SharedKey [REDACTED:secret_param]"'],
    ["{'authz': 'Token Zx8Kq2Lm9Np4Rt7VaBcDeFgH'}", "{'authz': 'Token [REDACTED:secret_param]'}"],
    ['{"authz":"Token Zx8Kq2Lm9Np4Rt7VaBcDeFgH","auth_header":"SSWS 00QCjAl4MlV-WPXM-ABCDEFGHIJ"}', '{"authz":"Token [REDACTED:secret_param]","auth_header":"SSWS [REDACTED:secret_param]"}'],
    ["authz=Token Zx8Kq2Lm9Np4Rt7VaBcDeFgH msg=ok", "authz=Token [REDACTED:secret_param] msg=ok"],
    [
      '"Digest username=\\"maria\\", realm=\\"api\\", uri=\\"/api\\", response=\\"6629fae49393a05397450978507c4ef1\\""',
      '"Digest username=\\"[REDACTED:secret_param]\\", realm=\\"api\\", uri=\\"/api\\", response=\\"[REDACTED:secret_param]\\""',
    ],
    ['"GoogleLogin auth=DQAAAGgAdk3fA5N..Zx8Kq2Lm9Np4Rt7VaBcDeFgH"', '"GoogleLogin auth=[REDACTED:secret_param]"'],
    ['"Sentry sentry_key=9f8e7d6c5b4a39281706f5e4d3c2b1a0, sentry_version=7"', '"Sentry sentry_key=[REDACTED:secret_param], sentry_version=7"'],
  ]);

  itKeeps("keeps prose around a scheme's word: %s", redacted, [
    "Token expired",
    "Bot detected on /login",
    "token 42 of 100",
    '"Token expired"',
    '"Bot detected"',
    '"Token 1234abcd"',
    'msg="Token 4bf92f3577b34da6a3ce929d0e0e4736 revoked"',
    '"Digest auth failed for realm \\"api\\""',
    "robot 12 of 40 in the Bot pool",
  ]);

  it("reads a lifted attribute whose whole value is the credential", () => {
    const attributes = redactedAttributes({ auth_header: { stringValue: "SSWS 00QCjAl4MlV-WPXM-ABCDEFGHIJ" }, note: { stringValue: "Token expired" } });
    expect(attributes.auth_header).toEqual({ stringValue: "SSWS [REDACTED:secret_param]" });
    expect(attributes.note).toEqual({ stringValue: "Token expired" });
  });
});

describe("Oracle's user/password@connect logons", () => {
  it.each([
    ["jdbc:oracle:thin:app/S3cretPa55@//db.prod.internal:1521/ORCL", "jdbc:oracle:thin:app/[REDACTED:url_credentials]@//db.prod.internal:1521/ORCL"],
    ["jdbc:oracle:thin:app/S3cretPa55@db.prod.internal:1521:ORCL", "jdbc:oracle:thin:app/[REDACTED:url_credentials]@db.prod.internal:1521:ORCL"],
    ["jdbc:oracle:oci:app/S3cretPa55@(DESCRIPTION=(ADDRESS=(HOST=db.prod.internal)(PORT=1521)))", "jdbc:oracle:oci:app/[REDACTED:url_credentials]@(DESCRIPTION=(ADDRESS=(HOST=db.prod.internal)(PORT=1521)))"],
    ['jdbc:oracle:thin:app/"p@ss w0rd"@db:1521/ORCL', "jdbc:oracle:thin:app/[REDACTED:url_credentials]@db:1521/ORCL"],
    ["sqlplus app/S3cretPa55@ORCL", "sqlplus app/[REDACTED:url_credentials]@ORCL"],
    ["sqlplus -s -L app/S3cretPa55@//db:1521/ORCL @run.sql", "sqlplus -s -L app/[REDACTED:url_credentials]@//db:1521/ORCL @run.sql"],
    ["rman target sys/S3cretPa55@prod catalog rco/Rc0Pass77@rcat", "rman target sys/[REDACTED:url_credentials]@prod catalog rco/[REDACTED:url_credentials]@rcat"],
    ["expdp system/S3cretPa55@ORCL directory=DP schemas=app", "expdp system/[REDACTED:url_credentials]@ORCL directory=DP schemas=app"],
    ["SQL> CONNECT app/S3cretPa55@ORCL", "SQL> CONNECT app/[REDACTED:url_credentials]@ORCL"],
    ["userid=app/S3cretPa55@ORCL", "userid=app/[REDACTED:url_credentials]@ORCL"],
  ])("%s", (text, expected) => {
    expect(redactString(text, policy)).toEqual({ text: expected, counts: { url_credentials: (expected.match(/url_credentials/g) ?? []).length } });
  });

  itKeeps("keeps %s", redacted, [
    "jdbc:oracle:thin:@//db.prod.internal:1521/ORCL",
    "jdbc:oracle:thin:app/${DB_PASSWORD}@db:1521/ORCL",
    "sqlplus / as sysdba",
    "sqlplus /@wallet_alias",
    "connect to db.internal failed",
  ]);
});

describe("vendors' key names", () => {
  itStores("%s", redacted, [
    ['{"ocp-apim-subscription-key":"9f8e7d6c5b4a39281706f5e4d3c2b1a0"}', '{"ocp-apim-subscription-key":"[REDACTED:secret]"}'],
    ['{"subscription-key":"9f8e7d6c5b4a39281706f5e4d3c2b1a0"}', '{"subscription-key":"[REDACTED:secret]"}'],
    ["GET /bing/v7.0/search?q=x&subscription-key=9f8e7d6c5b4a39281706f5e4d3c2b1a0", "GET /bing/v7.0/search?q=x&subscription-key=[REDACTED:secret_param]"],
    ['{"x-functions-key":"Zx8Kq2Lm9Np4Rt7VaBcDeFgH12"}', '{"x-functions-key":"[REDACTED:secret]"}'],
    ['{"x-rapidapi-key":"9f8e7d6c5b4a39281706f5e4d3c2b1a0"}', '{"x-rapidapi-key":"[REDACTED:secret]"}'],
    ["DD-APPLICATION-KEY: 9f8e7d6c5b4a39281706f5e4d3c2b1a0", "DD-APPLICATION-KEY: [REDACTED:secret_param]"],
    ["license_key=Zx8Kq2Lm9Np4Rt7VaBcDeFgH12 admin_key=Zx8Kq2Lm9Np4Rt7VaBcDeFgH13", "license_key=[REDACTED:secret_param] admin_key=[REDACTED:secret_param]"],
  ]);

  it("redacts a lifted subscription_key and keeps keys that name no credential", () => {
    const attributes = redactedAttributes({
      subscription_key: { stringValue: "9f8e7d6c5b4a39281706f5e4d3c2b1a0" },
      cache_key: { stringValue: "user:42" },
      "x-vtex-api-appkey": { stringValue: "vtexappkey-store-ABCDEF" },
    });
    expect(attributes.subscription_key).toEqual({ stringValue: "[REDACTED:secret]" });
    expect(attributes.cache_key).toEqual({ stringValue: "user:42" });
    expect(attributes["x-vtex-api-appkey"]).toEqual({ stringValue: "vtexappkey-store-ABCDEF" });
  });
});

describe("MFA recovery and backup codes", () => {
  itStores("%s", redacted, [
    ['{"backup_codes":["48291-37562","19283-74650"],"recovery_code":"a1b2-c3d4-e5f6"}', '{"backup_codes":"[REDACTED:secret]","recovery_code":"[REDACTED:secret]"}'],
    ["recovery_codes=48291-37562,19283-74650 user=42", "recovery_codes=[REDACTED:secret_param] user=42"],
    ["backup_code=48291-37562", "backup_code=[REDACTED:secret_param]"],
  ]);

  it("redacts lifted codes, a list and one", () => {
    const attributes = redactedAttributes({
      backup_codes: { arrayValue: [{ stringValue: "48291-37562" }, { stringValue: "19283-74650" }] },
      recovery_code: { stringValue: "a1b2-c3d4-e5f6" },
      error_code: { stringValue: "E1234" },
    });
    expect(JSON.stringify(attributes)).not.toMatch(/48291|19283|a1b2/);
    expect(attributes.error_code).toEqual({ stringValue: "E1234" });
  });
});
