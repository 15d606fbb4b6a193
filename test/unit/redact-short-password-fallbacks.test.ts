/**
 * A password code falls back to after a lookup, under every short or last-word password name
 * (`pw`, `pwd`, `passwd`, `pass`, `db_pw`, `smtpPw`), in every form the long names take: Rust's
 * `env::var(…).unwrap_or("…")`, Python's `os.getenv("…", "…")` and `os.getenv("…") or "…"`,
 * JavaScript's `process.env.X ?? "…"`, Java's `getOrDefault`, Go's `getEnv`, a comparison, a
 * setter and a shell default. Found by a user trial: `let pw = …unwrap_or("hunter2x")` was kept
 * while `let pwd = …` was redacted. Under `pw` or `pass` alone (a flag's or a verdict's as often)
 * only a literal shaped as a password goes. The lookup's key stays, whatever it names
 * (`env::var("X")`). Read standalone and as a log record's body.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { redactedLogBody, storedLogAttribute } from "../support/redaction";

const policy = defaultRedactionPolicy();
const PARAM = "[REDACTED:secret_param]";

describe("a fallback or a lookup's default under a short password name", () => {
  const names = ["pw", "pwd", "passwd", "pass", "db_pw", "DB_PW", "smtpPw", "smtp_pw", "admin_pass"];
  const forms: ((name: string) => [string, string])[] = [
    (name) => [`let ${name} = env::var("DB_PASSWORD").unwrap_or("hunter2x");`, `let ${name} = env::var("DB_PASSWORD").unwrap_or("${PARAM}");`],
    (name) => [`let ${name} = std::env::var("X").unwrap_or_else(|_| "hunter2x".to_string());`, `let ${name} = std::env::var("X").unwrap_or_else(|_| "${PARAM}".to_string());`],
    (name) => [`${name} = os.getenv("DB_PW", "hunter2x")`, `${name} = os.getenv("DB_PW", "${PARAM}")`],
    (name) => [`${name} = os.getenv("DB_PW") or "hunter2x"`, `${name} = os.getenv("DB_PW") or "${PARAM}"`],
    (name) => [`${name} = os.getenv("X") or "hunter2x"`, `${name} = os.getenv("X") or "${PARAM}"`],
    (name) => [`const ${name} = process.env.SMTP ?? "hunter2x";`, `const ${name} = process.env.SMTP ?? "${PARAM}";`],
    (name) => [`String ${name} = System.getenv().getOrDefault("MODE", "hunter2x");`, `String ${name} = System.getenv().getOrDefault("MODE", "${PARAM}");`],
    (name) => [`${name} := getEnv("MODE", "hunter2x")`, `${name} := getEnv("MODE", "${PARAM}")`],
    (name) => [`if (${name} == "hunter2x") {`, `if (${name} == "${PARAM}") {`],
    (name) => [`cfg.${name} || "hunter2x"`, `cfg.${name} || "${PARAM}"`],
    (name) => [`\${${name}:-hunter2x}`, `\${${name}:-${PARAM}}`],
  ];
  const cases = names.flatMap((name) => forms.map((form) => form(name)));
  it.each(cases)("%j", (text, expected) => {
    expect(redactString(text, policy)).toEqual({ text: expected, counts: { secret_param: 1 } });
    expect(redactedLogBody(text)).toBe(expected);
  });

  it.each([
    // The trial's own lines.
    ['let pw = env::var("DB_PASSWORD").unwrap_or("hunter2x");', `let pw = env::var("DB_PASSWORD").unwrap_or("${PARAM}");`],
    ['let db_pw = env::var("DB_PASSWORD").unwrap_or("hunter2x");', `let db_pw = env::var("DB_PASSWORD").unwrap_or("${PARAM}");`],
    ['pw = os.getenv("DB_PW", "hunter2x")', `pw = os.getenv("DB_PW", "${PARAM}")`],
    ['pw = os.getenv("DB_PW") or "hunter2x"', `pw = os.getenv("DB_PW") or "${PARAM}"`],
    ['let pw = "hunter2x";', `let pw = "${PARAM}";`],
    ['setPw("hunter2x")', `setPw("${PARAM}")`],
    // A lookup's key under a last-word name is a name; its default, a word of letters too, is the password.
    ['os.environ.get("SMTP_PW", "changeme")', `os.environ.get("SMTP_PW", "${PARAM}")`],
    ['process.env.DB_PW ?? "letmein"', `process.env.DB_PW ?? "${PARAM}"`],
  ])("the trial's %j", (text, expected) => {
    expect(redactString(text, policy)).toEqual({ text: expected, counts: { secret_param: 1 } });
    expect(redactedLogBody(text)).toBe(expected);
  });
});

describe("what a short name's value is when no password", () => {
  it.each([
    // `pass` and `pw` alone are a verdict's, a flag's or a count's as often: a word or a number stays.
    'pass = "yes" if ok else "no"',
    'pw = opts.pw || "3"',
    'let pass = check().unwrap_or("skipped");',
    'if (pass == "true") {',
    'const pass = results.pass ?? "n/a";',
    'String pass = props.getProperty("mode", "fast");',
    // `bypass` is no pass.
    'bypass = opts.bypass || "abc-1"',
    // A lookup's key is a name, whatever the variable.
    'let passwd = env::var("X");',
    'let pw = std::env::var_os("PGUSER");',
    // A last word `pw` or `pass` (`db_pw`) is as short as alone: a number, a size with its unit,
    // a version or a status word under it stays (a regression of a user trial).
    "page_pw = 210",
    "img_pw = 640",
    "step_pw = 4",
    "db_pw = 4",
    'max_pw = "1200px"',
    'col_pw = "12em"',
    "${pw:-1024x768}",
    'pw = os.getenv("PW", "A4-portrait")',
    'if (pass == "v2.1.0")',
    'if pass == "OK_200":',
  ])("keeps %j", (text) => {
    expect(redactString(text, policy)).toEqual({ text, counts: {} });
    expect(redactedLogBody(text)).toBe(text);
  });

  it.each([
    ['let pw = env::var("DB_PASSWORD").unwrap_or("hunter2x")', `let pw = env::var("DB_PASSWORD").unwrap_or("${PARAM}")`],
    ["db_pw: s3cret9", `db_pw: ${PARAM}`],
    ['pw = os.getenv("DB_PW", "hunter2x")', `pw = os.getenv("DB_PW", "${PARAM}")`],
    ['let db_pw = "hunter2x";', `let db_pw = "${PARAM}";`],
    // One of the commonest passwords; a font's name and size (`Courier12`) reads the same and goes too.
    ['pw = "Password1"', `pw = "${PARAM}"`],
  ])("still replaces a password shaped as one under a short or last-word name: %j", (text, expected) => {
    expect(redactString(text, policy)).toEqual({ text: expected, counts: { secret_param: 1 } });
    expect(redactedLogBody(text)).toBe(expected);
  });

  it("keeps the lookup's key and replaces its default only (`env::var(\"X\")`)", () => {
    expect(redactString('let passwd = env::var("X").unwrap_or("hunter2x");', policy)).toEqual({
      text: `let passwd = env::var("X").unwrap_or("${PARAM}");`,
      counts: { secret_param: 1 },
    });
  });
});

/**
 * One rule for a last word `pass` or `pw` in every form a name is read in (a user trial found
 * `avg_pw=180` replaced in logfmt while `avg_pw = 180` stayed in code, and `boarding pass`,
 * `result.pass` taken for passwords): after a word saying what else the pass is (a ticket, a
 * check's outcome) never a password; alone only a value shaped as one or a default password;
 * after another word anything but a number, a size, a version or a status word.
 */
describe("one rule for pass and pw in every form", () => {
  const forms: [string, (name: string, value: string) => string][] = [
    ["logfmt", (name, value) => `a=1 ${name}=${value} b=2`],
    ["quoted", (name, value) => `${name}="${value}"`],
    ["field", (name, value) => `${name}: ${value}`],
    ["JSON", (name, value) => `{"${name}":"${value}"}`],
    ["code", (name, value) => `${name} = "${value}"`],
    ["XML", (name, value) => `<${name}>${value}</${name}>`],
    ["query", (name, value) => `GET /x?${name}=${value}&y=1`],
    ["YAML", (name, value) => `cfg:\n  ${name}: ${value}\n`],
  ];
  const kept: [string, string][] = [
    // A noun's pass: a ticket, a check's or a run's outcome.
    ...["result.pass", "test.pass", "ci.pass", "results.pass", "boarding_pass", "status.pass"].flatMap((name) =>
      ["SKIPPED-3", "BP-2231-A", "hunter2x", "3", "123456"].map((value): [string, string] => [name, value]),
    ),
    // After another word: a measure (a power, a pulse's width), a size, a version, a status word.
    ...["avg_pw", "db_pw", "page_pass", "smtpPw"].flatMap((name) => ["180", "1200px", "v2.1.0", "OK_200", "12.5"].map((value): [string, string] => [name, value])),
    // Alone: a verdict, a count of fewer than four digits, a measure, a version.
    ...["pass", "PASS", "pw"].flatMap((name) => ["3", "0", "120", "yes", "12ms", "v2.1.0", "first", "0.98"].map((value): [string, string] => [name, value])),
  ];
  it.each(kept.flatMap(([name, value]) => forms.map(([form, write]) => [form, write(name, value)] as const)))("%s keeps %j", (_form, text) => {
    expect(redactString(text, policy)).toEqual({ text, counts: {} });
  });

  const replaced: [string, string][] = [
    // Alone, four digits or more are a PIN's or a digit password's (a user trial: `pw=123456` was kept while `password=123456` went).
    ...["pass", "PASS", "pw"].flatMap((name) => ["hunter2", "S3cr3t!", "Summer2024!", "changeme", "123456", "20241231", "0000"].map((value): [string, string] => [name, value])),
    ...["db_pass", "db_pw", "avg_pw", "smtpPw"].flatMap((name) => ["S3cr3t!", "hunter2", "changeme", "letters"].map((value): [string, string] => [name, value])),
  ];
  it.each(replaced.flatMap(([name, value]) => forms.map(([form, write]) => [form, write(name, value), value] as const)))("%s replaces %j", (_form, text, value) => {
    const stored = redactString(text, policy).text;
    expect(stored).not.toContain(value);
    expect(stored).toMatch(/\[REDACTED:secret(?:_param)?\]/);
  });

  it.each([
    ["avg_pw", { intValue: "180" }],
    ["avg_pw", { stringValue: "180" }],
    ["db_pw", { stringValue: "1200px" }],
    ["pass", { stringValue: "yes" }],
    ["pass", { intValue: "3" }],
    ["result.pass", { stringValue: "SKIPPED-3" }],
    ["test.pass", { stringValue: "hunter2x" }],
    ["boarding_pass", { stringValue: "BP-2231-A" }],
  ] as const)("an attribute %s keeps %j", (key, value) => {
    expect(storedLogAttribute(key, value)).toEqual(value);
  });

  it.each([
    ["pass", "hunter2"],
    ["PASS", "changeme"],
    ["pw", "123456"],
    ["db_pass", "S3cr3t!"],
    ["smtp.pass", "letters"],
    ["db_pw", "hunter2"],
  ] as const)("an attribute %s replaces %j", (key, value) => {
    expect(storedLogAttribute(key, { stringValue: value })).toEqual({ stringValue: "[REDACTED:secret]" });
  });

  it.each([
    // The trial's lines.
    "avg_pw=180",
    'boarding pass="BP-2231-A"',
    "boarding pass: BP-2231-A",
    'result.pass = "SKIPPED-3"',
    // A pass as a noun in prose and counts.
    "Boarding pass: BP-2231-A, gate 12",
    "season pass=SP-2024-77 renewed",
    "test pass: OK_200",
    "tests: pass=12 fail=0",
    "pass=3 fail=1",
    "passes=12 failures=0",
    "bypass=true",
    'bypass="cache-miss"',
    "compass=NNE",
    'compass="N-45"',
    "ci.pass=green",
    'test.pass = "yes"',
    "avg_pw: 180",
    "the avg pw is 180",
    'const avg_pw = "180";',
    // The other forms a name is read in: print_r, `=>`, escaped JSON, an encoded query, Go's map, a flag, a shell.
    "[avg_pw] => 180",
    "[result.pass] => SKIPPED-3",
    "'avg_pw' => '180'",
    '{\\"avg_pw\\":\\"180\\"}',
    '{"msg":"{\\"result.pass\\":\\"SKIPPED-3\\"}"}',
    "GET /x?q=1%26avg_pw%3D180",
    "GET /x?q=1%26pass%3Dyes",
    "map[avg_pw:180]",
    "--avg-pw=180",
    "export AVG_PW=180",
  ])("keeps %j", (text) => {
    expect(redactString(text, policy)).toEqual({ text, counts: {} });
    expect(redactedLogBody(text)).toBe(text);
  });

  it.each([
    ["pass=hunter2", `pass=${PARAM}`],
    ['db_pass="S3cr3t!"', `db_pass="${PARAM}"`],
    ["password=Password1", `password=${PARAM}`],
    ["pw: Summer2024!", `pw: ${PARAM}`],
    ["PASS=changeme", `PASS=${PARAM}`],
    ['mysql -p"S3cr3t!" -u root', `mysql -p"${PARAM}" -u root`],
    ["user=bob pass=letmein", `user=bob pass=${PARAM}`],
    ["<pass>hunter2x</pass>", `<pass>${PARAM}</pass>`],
    ["[db_pw] => hunter2x", `[db_pw] => ${PARAM}`],
    ["GET /x?q=1%26pass%3Dhunter2x", `GET /x?q=1%26pass%3D${PARAM}`],
    ["GET /x?q=1%26db_pw%3Dhunter2x", `GET /x?q=1%26db_pw%3D${PARAM}`],
    ["export DB_PW=hunter2x", `export DB_PW=${PARAM}`],
  ])("still replaces %j", (text, expected) => {
    expect(redactString(text, policy)).toEqual({ text: expected, counts: { secret_param: 1 } });
    expect(redactedLogBody(text)).toBe(expected);
  });
});

/**
 * A user trial's passwords kept under `pass` and `pw`: a spaced `=` (a config file's, an INI
 * section's) and `password` or `passphrase` written as two words (`pass_word`, `pass_phrase`).
 * What is no password under the same words stays.
 */
describe("pass and pw with a spaced `=`, and password written as two words", () => {
  it.each([
    ["pass = Tr0ub4dor", `pass = ${PARAM}`],
    ["pw = changeme", `pw = ${PARAM}`],
    ["[database]\npass = Tr0ub4dor", `[database]\npass = ${PARAM}`],
    ["[database]\nhost = db-01\npw = Summer2024!", `[database]\nhost = db-01\npw = ${PARAM}`],
    ["pass_word=Tr0ub4dor", `pass_word=${PARAM}`],
    ["pass-word=Tr0ub4dor", `pass-word=${PARAM}`],
    ["PassWord: Tr0ub4dor", `PassWord: ${PARAM}`],
    ["pw=123456", `pw=${PARAM}`],
    ["pass=20241231", `pass=${PARAM}`],
    ["pw: 0000", `pw: ${PARAM}`],
    ["pass = 123456", `pass = ${PARAM}`],
    ["--pass 123456", `--pass ${PARAM}`],
    ["user=bob pass=1234 host=db-01", `user=bob pass=${PARAM} host=db-01`],
    ["password=123456", `password=${PARAM}`],
  ])("replaces %j", (text, expected) => {
    expect(redactString(text, policy)).toEqual({ text: expected, counts: { secret_param: 1 } });
    expect(redactedLogBody(text)).toBe(expected);
  });

  it.each([
    'boarding pass="BP-2231-A"',
    'result.pass = "SKIPPED-3"',
    "pass=3",
    "passes=3",
    "pass_rate=0.98",
    "bypass=true",
    "pw_len=12",
    "avg_pw=180",
    "pass = 0",
    "pass = yes",
    "result.pass = SKIPPED-3",
    "def f():\n    pass",
    "    pass",
    "test pass: 12",
    "pass_words=12",
    "pass=12",
    "passes=1234",
    "pass_count=1234",
    "password_changed=20241231",
    "result.pass=123456",
  ])("keeps %j", (text) => {
    expect(redactString(text, policy)).toEqual({ text, counts: {} });
    expect(redactedLogBody(text)).toBe(text);
  });
});

/**
 * A passphrase's unquoted value is words (a user trial: `passphrase=correct horse battery staple`
 * lost only its first word): it goes to the line's next pair, as after `Password for bob:`. A
 * password's three or more words of letters alone too (`password=correct horse battery staple`).
 */
describe("a passphrase's and a password's words after `=`", () => {
  it.each([
    ["passphrase=correct horse battery staple", `passphrase=${PARAM}`],
    ["pass_phrase=correct horse battery", `pass_phrase=${PARAM}`],
    ["GPG_PASSPHRASE=correct horse battery staple", `GPG_PASSPHRASE=${PARAM}`],
    ["passphrase=correct horse battery staple user=bob", `passphrase=${PARAM} user=bob`],
    ["passphrase=correct horse battery. Retrying", `passphrase=${PARAM}. Retrying`],
    ["passphrase=correct horse\nnext line here", `passphrase=${PARAM}\nnext line here`],
    ['{"msg":"passphrase=correct horse battery staple"}', `{"msg":"passphrase=${PARAM}"}`],
    ["passphrase='correct horse'", `passphrase='${PARAM}'`],
    // A password's words of letters alone, three or more, to the line's end or next pair (a user trial: all but `correct` were kept).
    ["password=correct horse battery staple", `password=${PARAM}`],
    ["PASSWORD=correct horse battery staple", `PASSWORD=${PARAM}`],
    ["db_password=correct horse battery staple host=db-01", `db_password=${PARAM} host=db-01`],
    ["passwd=correct horse battery staple. Retrying", `passwd=${PARAM}. Retrying`],
    ['{"msg":"password=correct horse battery staple"}', `{"msg":"password=${PARAM}"}`],
    // Prose after a password's token stays.
    ["password=hunter2 retrying", `password=${PARAM} retrying`],
    ["password=secret retrying", `password=${PARAM} retrying`],
    ["password=secret retrying in 5s", `password=${PARAM} retrying in 5s`],
  ])("replaces %j", (text, expected) => {
    expect(redactString(text, policy)).toEqual({ text: expected, counts: { secret_param: 1 } });
    expect(redactedLogBody(text)).toBe(expected);
  });

  it.each(["passphrase=expired", "passphrase_set=true retries=3", "password=expired please reset it", "user=bob password=too short for policy"])("keeps %j", (text) => {
    expect(redactString(text, policy)).toEqual({ text, counts: {} });
  });
});

/** The trial's JSON object under `pass` and its password hash under `pw_hash`: read as their `password` twins are. */
describe("a value held under pass or pw", () => {
  it.each([
    ['{"pass":{"value":"Tr0ub4dor"}}', '{"pass":{"value":"[REDACTED:secret]"}}', { secret: 1 }],
    ['{"pw":{"value":"changeme"}}', '{"pw":{"value":"[REDACTED:secret]"}}', { secret: 1 }],
    ["pw_hash=$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy", "pw_hash=[REDACTED:password_hash]", { password_hash: 1 }],
  ])("replaces %j", (text, expected, counts) => {
    expect(redactString(text, policy)).toEqual({ text: expected, counts });
  });

  it.each(['{"pass":{"value":"3"}}', '{"pass":{"value":"yes"}}', '{"result":{"pass":{"value":"SKIPPED-3"}}}', '{"db_pw":{"value":"180"}}'])("keeps %j", (text) => {
    expect(redactString(text, policy)).toEqual({ text, counts: {} });
  });
});

/** `pass` and `pw` alone in prose before `is`/`was` (a user trial: `my pass is Tr0ub4dor` was kept). */
describe("pass and pw in prose", () => {
  it.each([
    ["my pass is Tr0ub4dor", `my pass is ${PARAM}`],
    ["the pw is Tr0ub4dor", `the pw is ${PARAM}`],
    ["PW was Summer2024!", `PW was ${PARAM}`],
  ])("replaces %j", (text, expected) => {
    expect(redactString(text, policy)).toEqual({ text: expected, counts: { secret_param: 1 } });
    expect(redactedLogBody(text)).toBe(expected);
  });

  it.each(["my boarding pass is BP-2231-A", "the pass is v2.1.0", "the pass is OK_200", "the avg pw is 180", "bypass is enabled2x", "test pass is 12", "my pass is good"])(
    "keeps %j",
    (text) => {
      expect(redactString(text, policy)).toEqual({ text, counts: {} });
    },
  );
});
