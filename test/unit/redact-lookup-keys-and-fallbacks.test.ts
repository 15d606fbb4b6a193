/**
 * Code around a credential's name, found by a trial: a lookup's key is a name, never a secret,
 * whatever the call (`Environment.GetEnvironmentVariable("DB_PASSWORD")`, `getEnv("API_KEY")`,
 * `cfg.GetValue<string>("Jwt:Secret")`, `Configuration["Jwt:Secret"]`), and the literal code
 * falls back to after a lookup or a credential's member (`?? "secret"`, `|| "changeme"`,
 * `or "secret"`, Kotlin's `?:`, Go's `cmp.Or`) is the credential's value, a word of letters too.
 * Each form is read standalone and as a log record's body and attribute, whose
 * `redaction.count` counts the values changed.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactRequest, redactString } from "../../workers/ingest/core/redact";
import { logRecord, logsRequest } from "../support/model-builders";

const policy = defaultRedactionPolicy();
const PARAM = "[REDACTED:secret_param]";

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
