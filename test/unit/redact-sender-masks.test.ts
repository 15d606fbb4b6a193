/**
 * A value the sender already masked stays as sent, uncounted: the Collector's redaction
 * processor's `****`, Rails' `[FILTERED]`, pino's `[Redacted]`, GitLab's `[MASKED]`,
 * `[PROTECTED]`, `REDACTED`, Go's `xxxxx`, bullets, in every form a secret's value is written
 * (a parameter, a field, JSON, a printed record, a flag, a URL, a Redis command, an attribute).
 * A value with anything of a secret beside the mask, or a word in lower case alone, still goes.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactRequest, redactString } from "../../workers/ingest/core/redact";
import { isSenderMask } from "../../workers/ingest/core/redact/sender-masks";
import { logRecord, logsRequest } from "../support/model-builders";
import { storedLogAttributes, scannedText } from "../support/redaction";
import { itStores } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();

/** A log body as stored, and the record's `redaction.count` (undefined when nothing was replaced). */
function storedBody(body: string): { text: unknown; count: unknown } {
  const record = logRecord({ attributes: [], body: { stringValue: body } });
  redactRequest("logs", logsRequest([record]), policy);
  const count = record.attributes.find((attribute) => attribute.key === "redaction.count")?.value;
  return { text: record.body && "stringValue" in record.body ? record.body.stringValue : record.body, count };
}

describe("a sender's mask stays as sent and is not counted", () => {
  it.each([
    "password=[PROTECTED]",
    "login failed password=[PROTECTED] user=ana",
    "password=***",
    '{"password":"********"}',
    "password=<redacted>",
    "token=[FILTERED]",
    "password=[MASKED]",
    "password=[Masked]",
    "password=REDACTED",
    "api_key=FILTERED",
    "password=xxxxx",
    "api_key=XXXXXXXX",
    "password=••••••••",
    "password=***REDACTED***",
    "password=(redacted)",
    "password=[HIDDEN]",
    'password="[PROTECTED]"',
    "password='[PROTECTED]'",
    "password: [PROTECTED]",
    "password: `[FILTERED]`",
    '{"token":"[PROTECTED]"}',
    '{"token":"REDACTED","user":"x"}',
    "User{id=42, password=[PROTECTED], name=x}",
    "User(password: [FILTERED], x: 1)",
    "map[password:[MASKED] host:db-01.internal]",
    "&{Password:[PROTECTED] Host:db-01.internal}",
    "{ Password = [PROTECTED], Host = db-01.internal }",
    "User(password: Optional(\"[FILTERED]\"), id: 42)",
    "password: Optional(nil)",
    "password: Optional.empty",
    "Authorization: Bearer [PROTECTED]",
    "--password=[MASKED]",
    "mysql -uroot -p[PROTECTED] shop",
    "postgres://app:REDACTED@db.internal:5432/orders",
    "postgres://app:xxxxx@db.internal:5432/orders",
    "AUTH [PROTECTED]",
  ])("%s", (text) => {
    expect(storedBody(text)).toEqual({ text, count: undefined });
    expect(redactString(text, policy)).toEqual({ text, counts: {} });
  });

  it("under keys", () => {
    for (const mask of ["[PROTECTED]", "[MASKED]", "REDACTED", "****", "xxxxx", "***MASKED***", "••••"]) {
      expect(storedLogAttributes([{ key: "db.password", value: { stringValue: mask } }])).toEqual({ values: { "db.password": mask }, kinds: undefined });
    }
  });
});

describe("a real secret beside or shaped like a mask still goes", () => {
  itStores("%s", (text) => scannedText(text, policy).text, [
    ["password=hidden", "password=[REDACTED:secret_param]"],
    ["api_key=redacted", "api_key=[REDACTED:secret_param]"],
    ["password=****1234", "password=[REDACTED:secret_param]"],
    ["password=[FILTERED]x9", "password=[REDACTED:secret_param]"],
    ["password=[s3cr3t]", "password=[REDACTED:secret_param]"],
    ["password=xxxx-xxxx-9f8e", "password=[REDACTED:secret_param]"],
    ["secret=[SECRET]", "secret=[REDACTED:secret_param]"],
    // Text before a mask's `=` that names no signature scheme may be the secret itself.
    ["password=hunter2=[FILTERED] user=bob", "password=[REDACTED:secret_param] user=bob"],
    ["password=s3cr3tPw9=***REDACTED***", "password=[REDACTED:secret_param]"],
    ["User{password=abc=[FILTERED]}", "User{password=[REDACTED:secret_param]}"],
  ]);

  it("a JSON member whose value is text, `=` and a mask goes, as an attribute too", () => {
    expect(storedBody('{"password":"hunter2=[FILTERED]"}').text).toBe('{"password":"[REDACTED:secret]"}');
    expect(storedLogAttributes([{ key: "password", value: { stringValue: "hunter2=[FILTERED]" } }]).values).toMatchObject({ password: "[REDACTED:secret]" });
  });

  it("only a signature scheme's name may stand before a mask's `=`", () => {
    expect(["sha256=[filtered]", "sha1=[REDACTED]", "v0=[FILTERED]", "v1=***MASKED***"].every(isSenderMask)).toBe(true);
    expect(["hunter2=[FILTERED]", "abc=[FILTERED]", "pw-9=(redacted)"].filter(isSenderMask)).toEqual([]);
  });

  it("the mask words alone in lower case are words a password may be", () => {
    expect(["hidden", "protected", "masked", "redacted"].filter(isSenderMask)).toEqual([]);
    expect(["[hidden]", "(protected)", "<masked>", "REDACTED", "*****", "xxxxx", "\u2022\u2022\u2022"].every(isSenderMask)).toBe(true);
  });
});
