/**
 * An Amazon Resource Name names a resource: a Secrets Manager secret's ARN
 * (`arn:aws:secretsmanager:…:secret:prod/db-AbCdEf`) is kept whole in text, under an ARN key and
 * under a `secret` key; a secret's value after `secret:` outside an ARN still goes.
 */
import { describe, expect, it } from "vitest";
import type { KeyValue } from "../../workers/shared/otlp/model";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { storedLogAttributes } from "../support/redaction";
import { itKeeps, itStores } from "../support/redaction-cases";

const str = (key: string, stringValue: string): KeyValue => ({ key, value: { stringValue } });
const ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf";

describe("an ARN is kept whole", () => {
  itKeeps("in text: %s", (text) => redactString(text, defaultRedactionPolicy()).text, [
    ARN,
    "fetching arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/orders/db-AbCdEf failed",
    '{"ARN":"arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/orders/db-AbCdEf","Name":"prod/orders/db"}',
    "GetSecretValue SecretId=arn:aws-us-gov:secretsmanager:us-gov-west-1:123456789012:secret:orders/stripe-Xy12Ab",
  ]);

  it.each(["secret_arn", "aws.secretsmanager.secret_id", "secret", "db.secret"])("under %s", (key) => {
    expect(storedLogAttributes([str(key, ARN)]).values).toEqual({ [key]: ARN });
  });
});

describe("a secret's value outside an ARN still goes", () => {
  itStores("%s", (text) => redactString(text, defaultRedactionPolicy()).text, [
    ["client secret:k9Xq2mPz7Lw4Rt8Yv3Nb", "client secret:[REDACTED:secret_param]"],
    ["aws:secret: k9Xq2mPz7Lw4Rt8Yv3Nb", "aws:secret: [REDACTED:secret_param]"],
  ]);

  it("a secret under secret that only starts like an ARN", () => {
    expect(storedLogAttributes([str("secret", "arn:k9Xq2mPz7Lw4Rt8Yv3Nb")]).values).toEqual({ secret: "[REDACTED:secret]" });
  });
});
