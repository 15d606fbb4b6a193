/**
 * Judged by "redaction removes secrets and nothing else": Terraform's progress line about a
 * resource whose type or name ends in a credential's word is kept, a resource's address then the
 * whole rest of the line one of its progress messages; a value after a credential's colon is
 * replaced as before everywhere else, with the phrase after another name, anything after the
 * phrase, and the forms a review found leaking secrets.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { expectUnchanged } from "../support/redaction";

const policy = defaultRedactionPolicy();
const PARAM = "[REDACTED:secret_param]";

describe("Terraform's progress line after a resource's address", () => {
  it.each([
    "random_password.db: Creation complete after 0s [id=none]",
    "aws_secretsmanager_secret.app: Creating...",
    "kubernetes_secret.tls: Still creating... [10s elapsed]",
    "module.db.tls_private_key.ca: Refreshing state... [id=abcdef0123]",
    "null_resource.api_token: Destroying... [id=5577006791947779410]",
    "data.aws_secretsmanager_secret.db: Read complete after 0s [id=prod-db]",
    "random_password.db: Destruction complete after 1s",
    "aws_iam_access_key.ci: Modifying... [id=ci-user-key]",
    "google_secret_manager_secret.app: Modifications complete after 2s [id=projects/p/secrets/app]",
    'random_password.pw["a"]: Still destroying... [id=none, 10s elapsed]',
    "random_password.db[0]: Still modifying... [1m10s elapsed]",
    "random_password.db: Reading...",
    "terraform: random_password.db: Creation complete after 0s [id=none]",
    '{"@level":"info","@message":"kubernetes_secret.app: Still creating... [10s elapsed]","@module":"terraform.ui"}',
    "\u001b[0m\u001b[1mrandom_password.db: Creating...\u001b[0m\u001b[0m",
    "random_password.db: Creating...\nrandom_password.db: Creation complete after 0s [id=none]",
  ])("keeps %j", expectUnchanged);

  it("leaves the id to the other detectors", () => {
    const result = redactString("aws_iam_access_key.ci: Creation complete after 1s [id=AKIAIOSFODNN7EXAMPLE]", policy);
    expect(result.text).toBe("aws_iam_access_key.ci: Creation complete after 1s [id=[REDACTED:known_token]]");
  });
});

describe("a value after a credential's colon still goes", () => {
  it.each([
    // The phrase after a name that is no resource's address, or not the whole rest of the line.
    ["password: Creating...", `password: ${PARAM}`],
    ["db.password: Creating...", `db.password: ${PARAM}`],
    ["password: Creation complete after 0s hunter2", `password: ${PARAM}`],
    ["password: Still creating... hunter2x9", `password: ${PARAM}`],
    ["random_password.db: hunter2x9", `random_password.db: ${PARAM}`],
    ['random_password.db: "Creating..."', `random_password.db: "${PARAM}"`],
    ["random_password.db: Creation complete after 0s [id=none] hunter2", `random_password.db: ${PARAM}`],
    ["kubernetes_secret.app: Still creating... [10s elapsed] Kp4#zW8nRt", `kubernetes_secret.app: ${PARAM}`],
    ["random_password.db: Creating...\npassword: hunter2", `random_password.db: Creating...\npassword: ${PARAM}`],
    // What a review of a wider reading found kept: a wrapped error's prefix, a subject's pair,
    // a component's name, logr's quoted key, a step's report.
    ["password: hunter2: invalid credentials", `password: ${PARAM} invalid credentials`],
    ["api_key: d41d8cd98f00b204e9800998ecf8427e: invalid api key", `api_key: ${PARAM} invalid api key`],
    ["secret: key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY not found", `secret: ${PARAM}`],
    ["password: value=hunter2 is invalid", `password: ${PARAM}`],
    ["db-credentials: postgres s3cretPass", `db-credentials: ${PARAM}`],
    ["app-secrets: alice hunter2", `app-secrets: ${PARAM}`],
    ['password: "hunter2"="x"', `password: "${PARAM}"="x"`],
    ["token: scheduled", `token: ${PARAM}`],
    ["password: db set", `password: ${PARAM}`],
  ])("replaces %j", (text, expected) => {
    const result = redactString(text, policy);
    expect(result.text).toBe(expected);
    expect(result.counts).toEqual({ secret_param: 1 });
  });

  it("a person's name before an error's wording still goes", () => {
    expect(redactString("first_name=maria: must not be blank", policy).text).toBe("first_name=[REDACTED:person_name]: must not be blank");
  });
});
