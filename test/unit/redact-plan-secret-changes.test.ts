/**
 * Terraform's plan changing an attribute whose name holds a secret (detectors/plan-change.ts):
 * `~ api_token = "old" -> "new"` loses the new value as the old one, judged as the name's own
 * assignment is (`api_token`, `client_secret`, `private_key`, `secret_string`); `null`,
 * `(sensitive value)`, `(known after apply)`, numbers, flags and the values of a counter's or a
 * version's attribute stay.
 */
import { describe, expect, it } from "vitest";
import { itKeepsInEveryForm, itStoresInEveryForm, text } from "../support/prose-forms";

const PARAM = "[REDACTED:secret_param]";

describe("a plan's change of a secret's attribute", () => {
  itStoresInEveryForm(
    [
      ['  ~ api_token = "sk_live_abc123XYZ" -> "sk_live_def456UVW"', `  ~ api_token = "${PARAM}" -> "${PARAM}"`],
      ['  ~ secret_string = "Tr0ub4dor&3" -> "Xk9#mPq2vL"', `  ~ secret_string = "${PARAM}" -> "${PARAM}"`],
      ['  ~ client_secret = "Tr0ub4dor&3" -> "Xk9#mPq2vL"', `  ~ client_secret = "${PARAM}" -> "${PARAM}"`],
      ['  ~ api_key         = "Tr0ub4dor&3" -> "Xk9#mPq2vL"', `  ~ api_key         = "${PARAM}" -> "${PARAM}"`],
      ['  ~ private_key = "Tr0ub4dor&3" -> "Xk9#mPq2vL"', `  ~ private_key = "${PARAM}" -> "${PARAM}"`],
      ['  ~ password = null -> "Xk9#mPq2vL"', `  ~ password = null -> "${PARAM}"`],
      ['  ~ db_password = null -> "Xk9#mPq2vL"', `  ~ db_password = null -> "${PARAM}"`],
      ['  ~ auth_token = (sensitive value) -> "Xk9#mPq2vL"', `  ~ auth_token = (sensitive value) -> "${PARAM}"`],
      ['  + secret_string = "Tr0ub4dor&3"', `  + secret_string = "${PARAM}"`],
      ['secret_string = "Tr0ub4dor&3"', `secret_string = "${PARAM}"`],
    ],
    () => "Xk9#mPq2vL",
  );
  itKeepsInEveryForm("a plan's change of no secret's value", [
    "  ~ token_ttl = 3600 -> 7200",
    "  ~ api_token_version = 1 -> 2",
    "  ~ secret_count = 2 -> 3",
    "  ~ password_length = 12 -> 16",
    "  ~ api_token = (sensitive value)",
    "  ~ api_token = (known after apply)",
    "  ~ password = (sensitive value) -> null",
    '  ~ token_type = "Bearer" -> "JWT"',
    '  ~ secret_name = "db-creds" -> "db-creds-2"',
    '  ~ secret_id = "abc" -> "def"',
    '  ~ api_key_enabled = "true" -> "false"',
    '  ~ enable_token = "true" -> "false"',
    "  ~ rotate_password = true -> false",
    '  ~ instance_type = "t2.micro" -> "t3.micro"',
  ]);
});

describe("a plan's change whose new value refers to a secret, is a flag, or is no plan's", () => {
  itKeepsInEveryForm("a reference, an ARN, a flag's word, a lambda", [
    '      ~ password = null -> "env:DB_PASS"',
    '  ~ client_secret = null -> "env:CLIENT_SECRET"',
    '  ~ api_token = null -> "var.api_token"',
    '  ~ password = null -> "random_password.db.result"',
    '  ~ secret_key = null -> "ref+vault://secret/app#key"',
    '  ~ password = null -> "secret/data/db"',
    '      ~ secret_string = null -> "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf"',
    '  + secret_string = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf"',
    '  ~ secret_string = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf" -> null',
    '  ~ enable_password = "true" -> "false"',
    "Function<String, String> token = s -> \"tok_\" + s;",
    'Function<String,String> secret = name -> "projects/p/secrets/" + name;',
    '  ~ "DB_HOST" = "old.example.com" -> "new.example.com"',
    "  ~ \"LOG_LEVEL\" = 'info' -> 'debug'",
    '  ~ "DB_PASSWORD" = (sensitive value) -> (sensitive value)',
  ]);
  it("a flag's new value stays where its old one goes as the assignment's", () => {
    expect(text('  ~ require_password = "Enabled" -> "Disabled"')).toBe(`  ~ require_password = "${PARAM}" -> "Disabled"`);
  });
});

describe("a plan's change with a quoted map key, single quotes or no blanks around `=`", () => {
  itStoresInEveryForm(
    [
      ['        ~ "DB_PASSWORD" = "OldPassw0rd!x" -> "NewPassw0rd!y"', `        ~ "DB_PASSWORD" = "${PARAM}" -> "${PARAM}"`],
      ['        ~ "CLIENT_SECRET" = "abcDEF123ghiJKL456" -> "NewPassw0rd!y"', `        ~ "CLIENT_SECRET" = "${PARAM}" -> "${PARAM}"`],
      ["  ~ client_secret = 'abcDEF123ghiJKL456' -> 'NewPassw0rd!y'", `  ~ client_secret = '${PARAM}' -> '${PARAM}'`],
      ['client_secret="abcDEF123ghiJKL456" -> "NewPassw0rd!y"', `client_secret="${PARAM}" -> "${PARAM}"`],
    ],
    () => "NewPassw0rd!y",
  );
});
