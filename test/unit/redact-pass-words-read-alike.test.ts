/**
 * `pass` and `pw`, alone or as a compound's last word (`db_pw`, `smtp_pass`, `dbPw`, `ftp-pass`,
 * `PG_PASS`, `redis_pw`), read as `password` does where the sender clearly named a credential: a
 * quoted value of several words under `pass` or `pw` alone is a passphrase, and four or more digits
 * under a compound are a PIN, in logfmt, `:` forms, JSON keys, environment lines, flags, code and
 * attributes. Found by a trial: `pass="my secret phrase"` and `db_pw=48213977` were kept while
 * `password="my secret phrase"` and `db_password=48213977` went. The look-alikes earlier records
 * kept still stay (verdicts, counts, measures, `bypass`, `pwd=/home/app`, unquoted words).
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { expectUnchanged, redactedLogBody, storedLogAttribute } from "../support/redaction";
import { itStores, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const PARAM = "[REDACTED:secret_param]";
const KEYED = "[REDACTED:secret]";

describe("a quoted passphrase under `pass` or `pw` alone", () => {
  it.each([
    // The trial's own lines.
    ['pass="my secret phrase"', `pass="${PARAM}"`],
    ["pass='correct horse battery'", `pass='${PARAM}'`],
    // Every form a quoted value takes.
    ['PASS="correct horse battery staple"', `PASS="${PARAM}"`],
    ['pw="my secret phrase"', `pw="${PARAM}"`],
    ['pass="Tr0ub4dor 3 horse"', `pass="${PARAM}"`],
    ['user=bob pass="my secret phrase" host=db', `user=bob pass="${PARAM}" host=db`],
    ['pass: "my secret phrase"', `pass: "${PARAM}"`],
    ['--pass "my secret phrase"', `--pass "${PARAM}"`],
    ['--pass="my secret phrase"', `--pass="${PARAM}"`],
    ['let pass = "my secret phrase";', `let pass = "${PARAM}";`],
    ['pass := "my secret phrase"', `pass := "${PARAM}"`],
    ["'pass' => 'my secret phrase',", `'pass' => '${PARAM}',`],
  ])("%s", (text, expected) => {
    expect(redactString(text, policy)).toEqual({ text: expected, counts: { secret_param: 1 } });
    expect(redactedLogBody(text)).toBe(expected);
  });

  itStores("the JSON or object member %s", (text) => redactString(text, policy).text, [
    ['{"pass":"my secret phrase"}', `{"pass":"${KEYED}"}`],
    ['{"pw":"correct horse battery"}', `{"pw":"${KEYED}"}`],
    ["{pass: 'my secret phrase'}", `{pass: '${KEYED}'}`],
  ]);

  it.each(["pass", "pw", "PASS"])("the attribute %s", (key) => {
    expect(storedLogAttribute(key, { stringValue: "my secret phrase" })).toEqual({ stringValue: KEYED });
  });
});

describe("digits under a compound's last word `pass` or `pw` are a PIN", () => {
  itStoresCounting("%s", (text) => redactString(text, policy), { secret_param: 1 }, [
    // The trial's own lines.
    ["db_pw=48213977", `db_pw=${PARAM}`],
    ["db_pw: 123456", `db_pw: ${PARAM}`],
    ["dbPw=123456", `dbPw=${PARAM}`],
    ["smtp_pass=4821397", `smtp_pass=${PARAM}`],
    // The other compounds and forms.
    ["ftp-pass=48213977", `ftp-pass=${PARAM}`],
    ["PG_PASS=48213977", `PG_PASS=${PARAM}`],
    ["redis_pw=48213977", `redis_pw=${PARAM}`],
    ["export DB_PW=48213977", `export DB_PW=${PARAM}`],
    ["--db-pw 48213977", `--db-pw ${PARAM}`],
    ["--db-pw=48213977", `--db-pw=${PARAM}`],
    ["user=app redis_pw=4821 host=cache", `user=app redis_pw=${PARAM} host=cache`],
    ['db_pw = "48213977"', `db_pw = "${PARAM}"`],
  ]);

  itStores("the JSON member %s", (text) => redactString(text, policy).text, [
    ['{"db_pw":"48213977"}', `{"db_pw":"${KEYED}"}`],
    ['{"smtp_pass":48213977}', `{"smtp_pass":"${KEYED}"}`],
  ]);

  it.each([
    ["db_pw", { stringValue: "48213977" }],
    ["smtp_pass", { intValue: "4821397" }],
    ["redis.pw", { intValue: "123456" }],
  ])("the attribute %s = %j", (key, value) => {
    expect(storedLogAttribute(key, value)).toEqual({ stringValue: KEYED });
  });
});

describe("the look-alikes earlier records kept stay", () => {
  it.each([
    // Counts, verdicts and states under `pass` alone, and unquoted words (a verdict's as often).
    'pass = "yes"',
    'pass="no"',
    'pass="3 of 4"',
    'pass="12 tests passed"',
    'pass="ok 3"',
    'pass="not set"',
    'pass="too short"',
    "pass=3 fail=1",
    "pass=ok all good",
    "pass: all tests ok",
    "<pass>all tests ok</pass>",
    // Names that count or are no password's.
    "passwordResets=12",
    "pwd=/home/app",
    "bypass=48213977",
    "compass=48213977",
    "passed=12",
    "tests passed: 12",
    "pass_count=1234",
    "pw_len=12",
    "test_pass=1234",
    "boarding_pass=12345678",
    // Measures under a compound's `pw`, and short numbers, dates and sizes under any compound.
    "avg_pw=1800",
    "peak_pw=1200",
    "max_pw=1200",
    "pulse_pw=2500",
    "p99_pw=1800",
    "solar_pw=3700 grid_pw=1200 bat_pw=2500",
    "page_pw = 210",
    "db_pw=123",
    "smtp_pass=2024-05-01",
    'max_pw = "1200px"',
  ])("%s", expectUnchanged);

  it.each([
    ["avg_pw", { intValue: "1800" }],
    ["test.pass", { intValue: "1234" }],
    ["pass", { stringValue: "3 of 4" }],
    ["db_pw", { doubleValue: 1800.5 }],
    ["db_pw", { boolValue: true }],
  ])("the attribute %s = %j", (key, value) => {
    expect(storedLogAttribute(key, value)).toEqual(value);
  });
});
