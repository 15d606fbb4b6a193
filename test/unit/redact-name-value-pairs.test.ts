/**
 * Secrets written as a name/value pair, the name in one member and the value in its sibling
 * (name-value-pairs.ts): Kubernetes `env` lists, HAR and Fetch header lists, AWS tags and SSM
 * parameters, GitHub Actions and Terraform variables, as JSON text, lifted attributes, maps and
 * YAML. The name decides, as a key does; what it names no secret, or has no value, stays.
 */
import { describe, expect, it } from "vitest";
import type { AnyValue, KeyValue } from "../../workers/shared/otlp/model";
import { DEFAULT_NORMALIZATION_OPTIONS, normalizeLogsRequest } from "../../workers/ingest/core/normalize";
import { defaultRedactionPolicy, redactRequest } from "../../workers/ingest/core/redact";
import { DEFAULT_REQUEST_LIMITS } from "../../workers/ingest/core/limits";
import { logRecord, logsRequest } from "../support/model-builders";
import { storedLogAttributes, scannedText } from "../support/redaction";
import { itKeeps, itStores } from "../support/redaction-cases";

const redacted = (text: string) => scannedText(text, defaultRedactionPolicy()).text;

/** A log line's body and attributes as stored: lifted, kept as its JSON text and redacted, as the ingest path runs them. */
function stored(body: string): { body: string; attributes: Record<string, string> } {
  const record = logRecord({ timeUnixNano: "1796000000000000000", body: { stringValue: body } });
  const request = logsRequest([record]);
  normalizeLogsRequest(request, DEFAULT_NORMALIZATION_OPTIONS, DEFAULT_REQUEST_LIMITS);
  redactRequest("logs", request, defaultRedactionPolicy());
  const value: AnyValue | undefined = record.body;
  const attributes = Object.fromEntries(record.attributes.map((a) => [a.key, "stringValue" in a.value ? a.value.stringValue : JSON.stringify(a.value)]));
  return { body: value !== undefined && "stringValue" in value ? value.stringValue : JSON.stringify(value), attributes };
}

const pair = (nameMember: string, name: string, valueMember: string, value: string): AnyValue => ({
  kvlistValue: [
    { key: nameMember, value: { stringValue: name } },
    { key: valueMember, value: { stringValue: value } },
  ],
});

describe("a name/value pair's value is ruled by its name", () => {
  itStores("in JSON text %j", (body) => stored(body).body, [
    ['{"env":[{"name":"DB_PASSWORD","value":"hunter2"},{"name":"PORT","value":"8080"}]}', '{"env":[{"name":"DB_PASSWORD","value":"[REDACTED:secret]"},{"name":"PORT","value":"8080"}]}'],
    ['{"headers":[{"name":"X-Api-Key","value":"zq81hd72kx"},{"name":"Accept","value":"*/*"}]}', '{"headers":[{"name":"X-Api-Key","value":"[REDACTED:secret]"},{"name":"Accept","value":"*/*"}]}'],
    ['{"Tags":[{"Key":"api_key","Value":"zq81hd72"},{"Key":"team","Value":"payments"}]}', '{"Tags":[{"Key":"api_key","Value":"[REDACTED:secret]"},{"Key":"team","Value":"payments"}]}'],
    ['{"Parameter":{"Name":"/prod/db/password","Value":"hunter2","Type":"SecureString"}}', '{"Parameter":{"Name":"/prod/db/password","Value":"[REDACTED:secret]","Type":"SecureString"}}'],
    ['{"name":"TOKEN","value":"hunter2"}', '{"name":"TOKEN","value":"[REDACTED:secret]"}'],
    ['{"variable":{"key":"spring.datasource.password","value":"hunter2"}}', '{"variable":{"key":"spring.datasource.password","value":"[REDACTED:secret]"}}'],
  ]);

  it("in the attributes lifted from it", () => {
    const { attributes } = stored('{"Parameter":{"Name":"/prod/db/password","Value":"hunter2","Type":"SecureString"}}');
    expect(attributes["Parameter.Value"]).toBe("[REDACTED:secret]");
    expect(attributes["Parameter.Name"]).toBe("/prod/db/password");
    expect(stored('{"name":"TOKEN","value":"hunter2"}').attributes.value).toBe("[REDACTED:secret]");
  });

  it("in a map attribute and a list of maps", () => {
    const attributes: KeyValue[] = [
      { key: "env", value: pair("name", "DB_PASSWORD", "value", "hunter2") },
      { key: "tags", value: { arrayValue: [pair("Key", "team", "Value", "payments"), pair("Key", "api_key", "Value", "zq81hd72")] } },
    ];
    const { values, kinds } = storedLogAttributes(attributes);
    expect(values.env).toEqual(pair("name", "DB_PASSWORD", "value", "[REDACTED:secret]"));
    expect(values.tags).toEqual({ arrayValue: [pair("Key", "team", "Value", "payments"), pair("Key", "api_key", "Value", "[REDACTED:secret]")] });
    expect(kinds).toBe("secret");
  });

  it.each([
    '{"name":"LOG_LEVEL","value":"debug"}',
    '{"name":"password_min_length","value":"12"}',
    '{"key":"token_ttl","value":3600}',
    '{"name":"Authorization","value":""}',
    '{"name":"PORT","value":"8080"}',
    '{"name":"DB_PASSWORD","valueFrom":{"secretKeyRef":{"name":"db","key":"password"}}}',
    '{"name":"my password is long","value":"shown"}',
  ])("leaves %j", (body) => {
    const { body: out, attributes } = stored(body);
    expect(out).toBe(body);
    expect(Object.values(attributes).join(" ")).not.toContain("REDACTED");
  });

  it("leaves a map whose name names no secret", () => {
    const attributes: KeyValue[] = [{ key: "env", value: pair("name", "LOG_LEVEL", "value", "debug") }];
    expect(storedLogAttributes(attributes).values.env).toEqual(pair("name", "LOG_LEVEL", "value", "debug"));
  });
});

describe("a name/value pair in text is read by its name member", () => {
  itStores("redacts %j", redacted, [
    ["env:\n  - name: DB_PASSWORD\n    value: hunter2\n  - name: PORT\n    value: \"8080\"", "env:\n  - name: DB_PASSWORD\n    value: [REDACTED:secret_param]\n  - name: PORT\n    value: \"8080\""],
    ['env:\n- name: API_TOKEN\n  value: "ab cd"', 'env:\n- name: API_TOKEN\n  value: "[REDACTED:secret_param]"'],
    ['{"name":"DB_PASSWORD","value":"hunter2"}', '{"name":"DB_PASSWORD","value":"[REDACTED:secret_param]"}'],
    ['{\\"Key\\":\\"api_key\\",\\"Value\\":\\"zq81hd72\\"}', '{\\"Key\\":\\"api_key\\",\\"Value\\":\\"[REDACTED:secret_param]\\"}'],
    ["{name: DB_PASSWORD, value: hunter2}", "{name: DB_PASSWORD, value: [REDACTED:secret_param]}"],
    ["headers [ { name: 'X-Api-Key', value: 'zq81hd72' } ]", "headers [ { name: 'X-Api-Key', value: '[REDACTED:secret_param]' } ]"],
  ]);

  itKeeps("leaves %j", redacted, [
    "- name: DB_PASSWORD\n  valueFrom: {secretKeyRef: {name: db, key: password}}",
    "env:\n  - name: LOG_LEVEL\n    value: debug",
    '{"name":"password_min_length","value":"12"}',
    '{"key":"token_ttl","value":3600}',
    '{"name":"Authorization","value":""}',
    '{"name":"a sentence about a password","value":"kept"}',
  ]);
});

describe("a YAML plain scalar after a secret's name is its whole text", () => {
  itStores("redacts %j", redacted, [
    ["password: a b c", "password: [REDACTED:secret_param]"],
    ["password: abc;def", "password: [REDACTED:secret_param]"],
    ["db:\n  password: correct horse battery # rotated\n  host: db.internal", "db:\n  password: [REDACTED:secret_param] # rotated\n  host: db.internal"],
    ["- token: ab cd", "- token: [REDACTED:secret_param]"],
    ["{user: admin, password: a b c, host: x}", "{user: admin, password: [REDACTED:secret_param], host: x}"],
    ['db: {host: x, password: "p w"}', 'db: {host: x, password: "[REDACTED:secret_param]"}'],
    ["db: {host: x, password: p w}", "db: {host: x, password: [REDACTED:secret_param]}"],
    ["{user: admin, password: 'it''s'}", "{user: admin, password: '[REDACTED:secret_param]'}"],
    ["secrets:\n  db: Zx81 kQpL # note\n  host: x", "secrets:\n  db: [REDACTED:secret_param] # note\n  host: x"],
    ["password:\n  hunter2 x y", "password:\n  [REDACTED:secret_param]"],
  ]);

  itStores("keeps the first token's extent in %j", redacted, [
    // Prose and a log's pairs: the value ends at the blank.
    ["login password=abc user=bob", "login password=[REDACTED:secret_param] user=bob"],
    ["password: s3cret user: bob", "password: [REDACTED:secret_param] user: bob"],
    ["authorization: Bearer abc123 retry", "authorization: Bearer [REDACTED:bearer] retry"],
  ]);

  itKeeps("leaves %j", redacted, ["password: too short", "token: expired at 10:00", "password: <your password>", "secrets:\n  note: rotate monthly"]);
});

describe("`pass` alone names a password only before a value shaped as one", () => {
  itStores("redacts %j", redacted, [
    ["pass: a&b", "pass: [REDACTED:secret_param]"],
    ["pass: hunter2", "pass: [REDACTED:secret_param]"],
    ["db_pass=hunter2", "db_pass=[REDACTED:secret_param]"],
    ["mysql --pass hunter2 -h db", "mysql --pass [REDACTED:secret_param] -h db"],
    ["PASS=hunter2", "PASS=[REDACTED:secret_param]"],
    ["login user=bob pass=s3cr3t", "login user=bob pass=[REDACTED:secret_param]"],
    ['{"user":"bob","pass":"s3cr3t"}', '{"user":"bob","pass":"[REDACTED:secret_param]"}'],
  ]);

  itKeeps("leaves %j", redacted, [
    "pass: true",
    "pass: 12",
    "tests pass: 3",
    "pass: first",
    "pass: 12ms",
    "pass: ${PASS}",
    "passes=3 bypass=true passport=X123 pass_rate=0.9 pass_count=4",
    "result: pass",
    "--pass first",
    "PASS: 10/10 tests",
  ]);

  it("rules an attribute named pass by its value", () => {
    const attributes: KeyValue[] = [
      { key: "pass", value: { stringValue: "s3cr3t!" } },
      { key: "check.pass", value: { stringValue: "first" } },
      { key: "lint.pass", value: { boolValue: true } },
    ];
    const { values } = storedLogAttributes(attributes);
    expect(values).toEqual({ pass: "[REDACTED:secret]", "check.pass": "first", "lint.pass": { boolValue: true } });
  });
});

describe("a whole plain scalar stops where JSON text around it goes on", () => {
  it.each([
    JSON.stringify({ payload: JSON.stringify({ msg: 'login(\n  password:\n    "Tr0ub4dor&3") { ok }' }) }),
    JSON.stringify('{"cvc": 1}\ncard_verification_value: 7319'),
  ])("keeps %j JSON text", (text) => {
    const out = redacted(text);
    expect(out).toContain("[REDACTED:secret_param]");
    expect(() => JSON.parse(out)).not.toThrow();
  });
});

describe("a member ending in Key or Name pairs with its sibling ending in Value", () => {
  itStores("in JSON text %j", (body) => stored(body).body, [
    // CloudFormation's stack parameters and Elastic Beanstalk's option settings.
    ['{"Parameters":[{"ParameterKey":"DBPassword","ParameterValue":"hunter2!Pw"},{"ParameterKey":"Env","ParameterValue":"prod"}]}', '{"Parameters":[{"ParameterKey":"DBPassword","ParameterValue":"[REDACTED:secret]"},{"ParameterKey":"Env","ParameterValue":"prod"}]}'],
    ['{"OptionName":"DB_PASSWORD","Value":"hunter2!Pw","Namespace":"aws:elasticbeanstalk:application:environment"}', '{"OptionName":"DB_PASSWORD","Value":"[REDACTED:secret]","Namespace":"aws:elasticbeanstalk:application:environment"}'],
    ['{"variable":"DB_PASSWORD","value":"hunter2!Pw"}', '{"variable":"DB_PASSWORD","value":"[REDACTED:secret]"}'],
  ]);

  it("in the attributes lifted from it and in a map", () => {
    expect(stored('{"ParameterKey":"DBPassword","ParameterValue":"hunter2!Pw"}').attributes.ParameterValue).toBe("[REDACTED:secret]");
    const attributes: KeyValue[] = [{ key: "option", value: pair("OptionName", "DB_PASSWORD", "Value", "hunter2!Pw") }];
    expect(storedLogAttributes(attributes).values.option).toEqual(pair("OptionName", "DB_PASSWORD", "Value", "[REDACTED:secret]"));
  });

  itStores("in text %j", redacted, [
    ['{"ParameterKey":"DBPassword","ParameterValue":"hunter2!Pw"}', '{"ParameterKey":"DBPassword","ParameterValue":"[REDACTED:secret_param]"}'],
    ["{OptionName: DB_PASSWORD, Value: hunter2!Pw}", "{OptionName: DB_PASSWORD, Value: [REDACTED:secret_param]}"],
  ]);

  it.each([
    // Another start before Value is another member's: a bound, not the pair's value.
    '{"ParameterKey":"DBPasswordLength","ParameterValue":"16"}',
    '{"fieldName":"password","maxValue":"64"}',
    '{"OptionName":"PORT","Value":"8080"}',
  ])("leaves %j", (body) => {
    const { body: out, attributes } = stored(body);
    expect(out).toBe(body);
    expect(Object.values(attributes).join(" ")).not.toContain("REDACTED");
  });
});

describe("a comment line between a YAML pair's name and value", () => {
  it("is read past", () => {
    expect(redacted("env:\n  - name: DB_PASSWORD\n    # rotated monthly\n    value: hunter2!Pw")).toBe(
      "env:\n  - name: DB_PASSWORD\n    # rotated monthly\n    value: [REDACTED:secret_param]",
    );
    const text = "env:\n  - name: LOG_LEVEL\n    # noisy\n    value: debug";
    expect(redacted(text)).toBe(text);
  });
});
