/**
 * Forms of code that name a credential and hold its value as a string literal, found by a trial:
 * a fallback after optional chaining or an index, nested and blank-less ternaries, Python's
 * conditional expression. The code stays, the literals go, and literals of code that names no
 * credential stay. A lookup's key is a name whatever the call (`getEnv("API_KEY")`,
 * `cfg.GetValue<string>("Jwt:Secret")`), and the literal code falls back to after a lookup or a
 * credential's member is its value, a word of letters too (`opts.Token ?? "secret"`): these are
 * read standalone and as a log record's body and attribute, whose `redaction.count` counts the
 * values changed.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactRequest, redactString } from "../../workers/ingest/core/redact";
import { logRecord, logsRequest } from "../support/model-builders";
import { expectKept, expectUnchanged, redactionWork } from "../support/redaction";
import { itStores, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const PARAM = "[REDACTED:secret_param]";

describe("a fallback after optional chaining or an index", () => {
  itStoresCounting("%j", (text) => redactString(text, policy), { secret_param: 1 }, [
    ['const token = a?.b?.c ?? "tok_abc123456"', `const token = a?.b?.c ?? "${PARAM}"`],
    ['const apiKey = x[0] ?? "sk_live_abc123"', `const apiKey = x[0] ?? "${PARAM}"`],
    ['token = cfg.get("t") || "fallback-secret-1"', `token = cfg.get("t") || "${PARAM}"`],
    ['const password = opts?.password || "hunter2x";', `const password = opts?.password || "${PARAM}";`],
    ['const secret = list?.[0] ?? "s3cr3tValue";', `const secret = list?.[0] ?? "${PARAM}";`],
    ['password = cfg?.get("pw") ?? "hunter2x"', `password = cfg?.get("pw") ?? "${PARAM}"`],
  ]);
});

describe("ternaries in every shape", () => {
  it.each([
    // Nested: the condition and the variables stay, both literals go.
    ['password = isProd ? a : b ? "x" : "y"', `password = isProd ? a : b ? "${PARAM}" : "${PARAM}"`, 2],
    ['const token = prod ? cfg.token : dev ? "devTok123" : "tstTok456";', `const token = prod ? cfg.token : dev ? "${PARAM}" : "${PARAM}";`, 2],
    // Without blanks.
    ['password=c?"aa12345":"bb12345"', `password=c?"${PARAM}":"${PARAM}"`, 2],
    ["apiKey=isProd?'prodKey99':'devKey99';", `apiKey=isProd?'${PARAM}':'${PARAM}';`, 2],
    // Python's conditional expression: both branches.
    ['password = "a1234567" if x else "b1234567"', `password = "${PARAM}" if x else "${PARAM}"`, 2],
    ["DB_PASSWORD = 'prodPw99' if env == 'prod' else 'devPw99'", `DB_PASSWORD = '${PARAM}' if env == 'prod' else '${PARAM}'`, 2],
  ])("%j", (text, expected, count) => {
    expect(redactString(text, policy)).toEqual({ text: expected, counts: { secret_param: count } });
  });

  it.each([
    // No credential's name: the literals are no secret.
    'p=c?"aa":"bb"',
    'name = "x" ?? "y"',
    'label = isProd ? a : b ? "x" : "y"',
    'mode = "fast" if turbo else "slow"',
  ])("keeps %j", expectUnchanged);
});

describe("a literal compared with a credential's variable", () => {
  itStoresCounting("%j", (text) => redactString(text, policy), { secret_param: 1 }, [
    ['if (password === "letmein123")', `if (password === "${PARAM}")`],
    ['if (password == "letmein123") {', `if (password == "${PARAM}") {`],
    ['if (password != "letmein123") {', `if (password != "${PARAM}") {`],
    ["if ($password !== 'letmein123')", `if ($password !== '${PARAM}')`],
    ['if (this.apiKey === "sk9f8a7d6s5a4") return', `if (this.apiKey === "${PARAM}") return`],
    ['assert password == "letmein123"', `assert password == "${PARAM}"`],
    ['if ("letmein123" == password)', `if ("${PARAM}" == password)`],
    ['expect(password).toBe("letmein123")', `expect(password).toBe("${PARAM}")`],
    ['expect(user.password).not.toEqual("letmein123");', `expect(user.password).not.toEqual("${PARAM}");`],
    ['assertThat(token).isEqualTo("tok_9f8a7d6s")', `assertThat(token).isEqualTo("${PARAM}")`],
    ['assertEquals("letmein123", password)', `assertEquals("${PARAM}", password)`],
    ['self.assertEqual(creds.password, "letmein123")', `self.assertEqual(creds.password, "${PARAM}")`],
    ['assert_eq!(token, "tok_9f8a7d6s");', `assert_eq!(token, "${PARAM}");`],
    ['if (password.equals("letmein123"))', `if (password.equals("${PARAM}"))`],
    ['if ("letmein123".equals(password))', `if ("${PARAM}".equals(password))`],
  ]);

  itStores("%j", (text) => redactString(text, policy).text, [
    // Only the credential's literal goes: the other comparison in the condition stays.
    ['if (user == "admin" && password == "letmein123")', `if (user == "admin" && password == "${PARAM}")`],
  ]);

  it.each([
    // No credential's name, or no secret compared.
    'if (status === "active1")',
    'if (password === "")',
    'if (password.length == "12")',
    'if (token_type == "bearer")',
    'expect(username).toBe("ana_smith1")',
    'assertEquals("en-US", locale)',
    'if (password === undefined)',
  ])("keeps %j", expectUnchanged);
});

describe("a lookup's default when its key names a credential", () => {
  itStoresCounting("%j", (text) => redactString(text, policy), { secret_param: 1 }, [
    ['os.environ.get("DB_PASSWORD", "envFallback1")', `os.environ.get("DB_PASSWORD", "${PARAM}")`],
    ['os.getenv("API_KEY", "envFallback1")', `os.getenv("API_KEY", "${PARAM}")`],
    ['getenv("API_KEY","envFallback1")', `getenv("API_KEY","${PARAM}")`],
    ['process.env.API_KEY ?? "envFallback1"', `process.env.API_KEY ?? "${PARAM}"`],
    ['connect(process.env.DB_PASSWORD || "envFallback1")', `connect(process.env.DB_PASSWORD || "${PARAM}")`],
    ['ENV.fetch("SECRET_TOKEN", "envFallback1")', `ENV.fetch("SECRET_TOKEN", "${PARAM}")`],
    ['System.getenv().getOrDefault("DB_PASSWORD", "envFallback1")', `System.getenv().getOrDefault("DB_PASSWORD", "${PARAM}")`],
    ['os.environ.get("DB_PASSWORD") or "envFallback1"', `os.environ.get("DB_PASSWORD") or "${PARAM}"`],
    ["ENV['API_KEY'] || 'envFallback1'", `ENV['API_KEY'] || '${PARAM}'`],
    ["env('DB_PASSWORD', 'envFallback1')", `env('DB_PASSWORD', '${PARAM}')`],
    // An assignment to a name that says nothing: the key names the credential.
    ['x = os.getenv("API_KEY", "envFallback1")', `x = os.getenv("API_KEY", "${PARAM}")`],
  ]);

  it.each([
    // The key stays: it names what is looked up.
    'os.environ.get("DB_PASSWORD")',
    'os.getenv("DB_HOST", "localhost")',
    'process.env.PORT ?? "8080"',
    'os.environ.get("DB_PASSWORD", "")',
    'cfg.get("db", "password")',
  ])("keeps %j", expectUnchanged);
});

describe("a shell's parameter expansion keeps its operator and loses a credential's default", () => {
  itStoresCounting("%j", (text) => redactString(text, policy), { secret_param: 1 }, [
    ["echo ${PASSWORD:-envFallback1}", `echo \${PASSWORD:-${PARAM}}`],
    ["echo ${PASSWORD-envFallback1} done", `echo \${PASSWORD-${PARAM}} done`],
    ["echo ${PASSWORD:=envFallback1}", `echo \${PASSWORD:=${PARAM}}`],
    ['psql -W "${DB_PASSWORD:-"envFallback1"}"', `psql -W "\${DB_PASSWORD:-"${PARAM}"}"`],
    // Under an assignment's name too: only the default goes, blanks and all.
    ['PASSWORD="${PASSWORD:-hunter2secret}"', `PASSWORD="\${PASSWORD:-${PARAM}}"`],
    ['PASSWORD="${PASSWORD:-correct horse}"', `PASSWORD="\${PASSWORD:-${PARAM}}"`],
    ["export PASSWORD=${PASSWORD:-correct horse}", `export PASSWORD=\${PASSWORD:-${PARAM}}`],
    ["password: ${DB_PASSWORD:-s3cr3t}", `password: \${DB_PASSWORD:-${PARAM}}`],
  ]);

  it.each([
    // Another variable, an error's message, a value used when set, an empty default, no credential.
    "echo ${PASSWORD:-$FALLBACK_PASSWORD}",
    "echo ${PASSWORD:?missing}",
    "echo ${PASSWORD:+set}",
    "echo ${DB_PASSWORD:-} ok",
    "echo ${HOST:-db.internal}",
    'PASSWORD="${PASSWORD:?PASSWORD must be set}"',
    "export PASSWORD=${PASSWORD:?must be set}",
    'PASSWORD="${PASSWORD:+--password}"',
  ])("keeps %j", expectUnchanged);
});

describe("short password names, annotations and command lines", () => {
  itStoresCounting("%j", (text) => redactString(text, policy), { secret_param: 1 }, [
    ['pw = "hunter2x"', `pw = "${PARAM}"`],
    ["pass = 'hunter2x'", `pass = '${PARAM}'`],
    ['$pass = "hunter2x";', `$pass = "${PARAM}";`],
    ['pw := "hunter2x"', `pw := "${PARAM}"`],
    ['pwd="hunter2x"', `pwd="${PARAM}"`],
    ['passwd = "hunter2x"', `passwd = "${PARAM}"`],
    // A typed declaration keeps its type and `=`, quoted or not.
    ['password: str = "hunter2"', `password: str = "${PARAM}"`],
    ["password: str = hunter2", `password: str = ${PARAM}`],
    ["password: String = s3cretPw;", `password: String = ${PARAM};`],
    // A MySQL client's password glued to `-p`, in quotes or not: the quotes stay.
    ['mysql -p"R00tPw!" -u root', `mysql -p"${PARAM}" -u root`],
    ["mysql -p'R00t Pw!' -u root", `mysql -p'${PARAM}' -u root`],
    ["mysql -pR00tPw -u root", `mysql -p${PARAM} -u root`],
    ["mysql --password=R00tPw -u root", `mysql --password=${PARAM} -u root`],
    ["sshpass -p secret ssh host", `sshpass -p ${PARAM} ssh host`],
    ["curl -u user:pass1234 https://api.example.com", `curl -u user:${PARAM} https://api.example.com`],
    ["redis-cli -a pass1234 ping", `redis-cli -a ${PARAM} ping`],
  ]);

  it("leaves a crypt hash under a short name to the password-hash detector, and its marker alone", () => {
    const text = 'UPDATE users SET pw = "$2y$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234" WHERE id = 7';
    const once = redactString(text, policy);
    expect(once).toEqual({ text: 'UPDATE users SET pw = "[REDACTED:password_hash]" WHERE id = 7', counts: { password_hash: 1 } });
    expect(redactString(`pw = "${PARAM}"`, policy)).toEqual({ text: `pw = "${PARAM}"`, counts: {} });
  });

  it("reads a type before `=` only with a blank before it: a glued `Name=value` is the value", () => {
    expect(redactString("Cookie: OptanonConsent=isGDPRApplied=true&groups=C0001%3A1; theme=dark", policy).counts).toEqual({});
  });

  it.each([
    // An authentication scheme's word is no type: Bearer credentials starting with `=` are none.
    "Authorization: Bearer =abc",
    "Authorization: Bearer =Authorization: Bearer =",
    "token: Bearer =Authorization:",
  ])("reads no typed declaration in %j", expectUnchanged);

  it("reads a connection URL's password as the URL's credentials", () => {
    expect(redactString("psql postgresql://app:pw1234@db.internal/shop", policy)).toEqual({
      text: "psql postgresql://app:[REDACTED:url_credentials]@db.internal/shop",
      counts: { url_credentials: 1 },
    });
  });

  it.each([
    // A directory, a count, a verdict, a flag: no password.
    "pwd=/home/app",
    "cd; pwd=/srv/www",
    "pwd=./build",
    "pass=3",
    'pass = "yes"',
    'pw = "3"',
    "passwordMinLength = 12",
    "secretsLoaded=3",
    "secrets_loaded=3",
    "passwords_rotated=2",
    'bypass = "hunter2x"',
    "password: str = None",
    'password: str = os.environ["PW"]',
    'mysql -p"${DB_PASSWORD}" shop',
    'docker run -p"8080:80" nginx',
  ])("keeps %j", expectUnchanged);
});

describe("the same code held in a JSON string", () => {
  it.each([
    ['{"msg":"if (password === \\"letmein123\\")"}', `{"msg":"if (password === \\"${PARAM}\\")"}`],
    ['{"msg":"os.getenv(\\"API_KEY\\", \\"envFallback1\\")"}', `{"msg":"os.getenv(\\"API_KEY\\", \\"${PARAM}\\")"}`],
    ['{"msg":"const token = a?.b ?? \\"tok_abc123456\\""}', `{"msg":"const token = a?.b ?? \\"${PARAM}\\""}`],
  ])("%j", (text, expected) => {
    const result = redactString(text, policy);
    expect(result).toEqual({ text: expected, counts: { secret_param: 1 } });
    expect(() => JSON.parse(result.text)).not.toThrow();
  });
});

describe("literals in a credential's code that are no credential", () => {
  it("keeps a string method's separators and prefixes, blanks, auth schemes, typeof's type names and the variable's own name", () => {
    expectKept([
      'const token = req.headers.authorization?.split(" ")[1];',
      'const token = authorization?.split(" ").pop();',
      'const token = header?.replace("Bearer ", "");',
      'const token = authorization.split(":")[1];',
      'token = auth_header.removeprefix("Bearer ")',
      'token := strings.TrimPrefix(h, "Bearer ")',
      'if (typeof password === "string") hash(password);',
      'assert password != "password"',
      'const token = " ";',
      'const scheme_token = "Basic ";',
    ]);
  });

  it("still redacts the credential a comparison or a fallback holds beside them", () => {
    expect(redactString('if (password === "s3cr3t!") ok();', policy)).toEqual({ text: `if (password === "${PARAM}") ok();`, counts: { secret_param: 1 } });
    expect(redactString('const token = header?.split(" ")[1] ?? "tok_abc123456";', policy)).toEqual({
      text: `const token = header?.split(" ")[1] ?? "${PARAM}";`,
      counts: { secret_param: 1 },
    });
  });
});

/** `text` as one log record's body and as its attribute `code`, after redaction: both stored strings and the record's summary. */
function inRecord(text: string): { body: unknown; attribute: unknown; count: unknown; kinds: unknown } {
  const record = logRecord({ body: { stringValue: text }, attributes: [{ key: "code", value: { stringValue: text } }] });
  redactRequest("logs", logsRequest([record]), policy);
  const value = (key: string): unknown => {
    const found = record.attributes.find((attribute) => attribute.key === key)?.value;
    return found === undefined ? undefined : "stringValue" in found ? found.stringValue : "intValue" in found ? Number(found.intValue) : found;
  };
  return { body: record.body !== undefined && "stringValue" in record.body ? record.body.stringValue : record.body, attribute: value("code"), count: value("redaction.count"), kinds: value("redaction.kinds") };
}

/** `text` is kept whole standalone and in a record, nothing counted. */
function expectKeptEverywhere(text: string): void {
  expect(redactString(text, policy)).toEqual({ text, counts: {} });
  expect(inRecord(text)).toEqual({ body: text, attribute: text, count: undefined, kinds: undefined });
}

/** `text` becomes `stored` standalone and in a record, one literal counted per string (two in a record: body and attribute). */
function expectStored(text: string, stored: string): void {
  expect(redactString(text, policy)).toEqual({ text: stored, counts: { secret_param: 1 } });
  expect(inRecord(text)).toEqual({ body: stored, attribute: stored, count: 2, kinds: "secret_param" });
}

describe("a lookup's key is a name, with or without a default after it", () => {
  it.each([
    'Environment.GetEnvironmentVariable("DB_PASSWORD")',
    'var password = Environment.GetEnvironmentVariable("DB_PASSWORD");',
    'string password = Environment.GetEnvironmentVariable("DB_PASSWORD");',
    'password: Environment.GetEnvironmentVariable("DB_PASSWORD")',
    'getEnv("API_KEY")',
    'const apiKey = getEnv("API_KEY");',
    'const password = getEnv("DB_PASSWORD");',
    'cfg.GetValue<string>("Jwt:Secret")',
    'var secret = cfg.GetValue<string>("Jwt:Secret");',
    'Configuration["Jwt:Secret"]',
    'var key = Configuration["Jwt:Secret"];',
    'Configuration["Jwt:Issuer"]',
    'Configuration["Jwt:Key"]',
    'Configuration["ConnectionStrings:Default"]',
    'config.get("db.password")',
    'password = config.get("db.password")',
    'os.environ["API_KEY"]',
    'api_key = os.environ["API_KEY"]',
    'ENV["SECRET_TOKEN"]',
    'token = ENV["SECRET_TOKEN"]',
    'secrets.get("stripe/api_key")',
    'api_key = secrets.get("stripe/api_key")',
    'vault.read("secret/data/db")',
    'token = vault.read("secret/data/db")',
    'password = Secrets.Load("Db:Password")',
    '@Value("${db.password}")',
    '@Value("${db.password}") private String password;',
    'process.env["DB_PASSWORD"]',
    'const password = process.env["DB_PASSWORD"];',
  ])("keeps %j", expectKeptEverywhere);
});

describe("the fallback after a lookup or a credential's member is its value", () => {
  it.each([
    ['cfg.GetValue<string>("Db:Password") ?? "secret"', `cfg.GetValue<string>("Db:Password") ?? "${PARAM}"`],
    ['var pw = cfg.GetValue<string>("Db:Password") ?? "secret";', `var pw = cfg.GetValue<string>("Db:Password") ?? "${PARAM}";`],
    ['getEnv("API_KEY") ?? "secret"', `getEnv("API_KEY") ?? "${PARAM}"`],
    ['const key = getEnv("API_KEY") ?? "secret";', `const key = getEnv("API_KEY") ?? "${PARAM}";`],
    ['var token = Environment.GetEnvironmentVariable("TOKEN") ?? "secret";', `var token = Environment.GetEnvironmentVariable("TOKEN") ?? "${PARAM}";`],
    ['Environment.GetEnvironmentVariable("TOKEN") ?? "secret"', `Environment.GetEnvironmentVariable("TOKEN") ?? "${PARAM}"`],
    ['opts.Token ?? "secret"', `opts.Token ?? "${PARAM}"`],
    ['var t = opts.Token ?? "secret";', `var t = opts.Token ?? "${PARAM}";`],
    ['settings.password || "changeme"', `settings.password || "${PARAM}"`],
    ['const p = settings.password || "changeme";', `const p = settings.password || "${PARAM}";`],
    ['settings.password or "changeme"', `settings.password or "${PARAM}"`],
    ['token = os.getenv("TOKEN") or "secret"', `token = os.getenv("TOKEN") or "${PARAM}"`],
    ['password = config.get("pw") or "hunter2"', `password = config.get("pw") or "${PARAM}"`],
    ['os.getenv("API_KEY", "secret")', `os.getenv("API_KEY", "${PARAM}")`],
    ['val password = System.getenv("DB_PASSWORD") ?: "secret"', `val password = System.getenv("DB_PASSWORD") ?: "${PARAM}"`],
    ['val pw = config.password ?: "secret"', `val pw = config.password ?: "${PARAM}"`],
    ['ENV["TOKEN"] || "secret"', `ENV["TOKEN"] || "${PARAM}"`],
    ['token = ENV["TOKEN"] || "secret"', `token = ENV["TOKEN"] || "${PARAM}"`],
    ['token := cmp.Or(os.Getenv("TOKEN"), "secret")', `token := cmp.Or(os.Getenv("TOKEN"), "${PARAM}")`],
    ['cmp.Or(os.Getenv("TOKEN"), "secret")', `cmp.Or(os.Getenv("TOKEN"), "${PARAM}")`],
  ])("%j", expectStored);

  it.each([
    // No credential's name, or no value: a placeholder, empty, null, a number, a boolean.
    'cfg.Get("Region") ?? "eu"',
    'region = cfg.Get("Region") ?? "eu"',
    "opts.timeout ?? 30",
    'name ?? "anonymous"',
    'user = name ?? "anonymous"',
    'password = cfg.get("pw") ?? ""',
    "password = cfg.get(\"pw\") ?? null",
    'opts.password ?? ""',
    'opts.token ?? "none"',
    "opts.password ?? false",
    'token = header ?? "Bearer "',
    'password = config.get("db", "password")',
  ])("keeps %j", expectKeptEverywhere);
});

describe("a configuration path's `:` is no name's and value's only where it is looked up", () => {
  it("still reads a credential's value after a glued colon elsewhere, and a connection string's password", () => {
    expect(redactString("password:hunter2x", policy).text).toBe(`password:${PARAM}`);
    expect(redactString('{"ConnectionStrings":{"Default":"Server=db;User Id=sa;Password=Hunter2x!"}}', policy).text).not.toContain("Hunter2x!");
  });
});

describe("the cost stays linear", () => {
  it("many lookups and fallbacks on one line and over lines: the markers and the work grow with the text", () => {
    const line = (count: number, join: string): string =>
      Array.from({ length: count }, (_, i) => `cfg.GetValue<string>("Db:Password") ?? "pw${i}x"; opts.a.b.Token ?? "t${i}x"; cmp.Or(os.Getenv("TOKEN"), "s${i}x")`).join(join);
    for (const join of [" ", "\n"]) {
      const small = redactionWork(line(50, join));
      const large = redactionWork(line(200, join));
      expect(small.markers).toBe(150);
      expect(large.markers).toBe(4 * small.markers);
      expect(large.work).toBeLessThanOrEqual(4 * small.work + 8192);
    }
  });
});
