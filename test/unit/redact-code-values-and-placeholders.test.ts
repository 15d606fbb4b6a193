/**
 * Code and placeholders written where a secret's or a name's value would be, judged by "removes
 * secrets and personal data and nothing else": a keyword argument's variable, a setting's member
 * and a lookup's key are code (the source line a traceback prints stays, counted nowhere); a
 * validator's word or a placeholder is read alike in text, in a JSON body and under an
 * attribute's key; the value of a name part's key in prose is one word unless the next is
 * written as a name. Real secrets after the same names still go.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { redactedLogBody, storedLogAttributes } from "../support/redaction";

const policy = defaultRedactionPolicy();
const PARAM = "[REDACTED:secret_param]";
const NAME = "[REDACTED:person_name]";

describe("code after a secret's name is no secret", () => {
  it.each([
    "    conn = connect(host=host, password=password)",
    "connect(password=self.password)",
    'connect(password=os.environ["DB_PASS"])',
    "connect(password=settings.DB_PASSWORD, user=u)",
    'connect(token=request.headers.get("x"))',
    "password=settings.DB_PASSWORD",
    "password=cfg.password;",
    'password=get_secret("db")',
    'client = Client(api_key=getSecret("stripe"))',
    'Client(api_key=os.getenv("STRIPE"))',
    "Client(api_key=settings.STRIPE_KEY)",
    'token = fetch_token("orders")',
  ])("%s stays, in a string and as a log body", (text) => {
    expect(redactString(text, policy)).toEqual({ text, counts: {} });
    expect(redactedLogBody(text)).toBe(text);
  });

  it("keeps loguru's source line and hides the value drawn under it once", () => {
    const text = [
      "    conn = connect(host=host, password=password)",
      "           │            │              └ 'S3cret!2024'",
      "           │            └ 'db.internal'",
      "           └ <function connect at 0x7f28ffc79bc0>",
    ].join("\n");
    expect(redactString(text, policy)).toEqual({ text: text.replace("S3cret!2024", PARAM), counts: { secret_param: 1 } });
  });

  it("reads any variable passed on a line a traceback draws values under as code", () => {
    const source = "    connect(host=host, password=pw)";
    const column = source.indexOf("pw)");
    const text = [source, `    │${" ".repeat(column - 5)}└ 'S3cret!2024'`, "    └ <function connect at 0x7f28ffc79bc0>"].join("\n");
    expect(redactString(text, policy)).toEqual({ text: text.replace("S3cret!2024", PARAM), counts: { secret_param: 1 } });
  });

  it.each([
    ['password=getSecret("db", "hunter2")', `password=getSecret("db", "${PARAM}")`],
    ['password=hash("hunter2")', `password=hash("${PARAM}")`],
    // A printed record's bare word (Lombok's, Kotlin's `toString`) is the value.
    ["connect(password=password123)", `connect(password=${PARAM})`],
    ["User(name=bob, password=hunter2)", "User(name=bob, password=[REDACTED:secret])"],
    // A printed record's bare word is its value, even the key's own name (`Client(api_key=api_key)`).
    ["Client(api_key=api_key)", "Client(api_key=[REDACTED:secret])"],
    ['Client(api_key=getSecret("db", "hunter2"))', `Client(api_key=getSecret("db", "${PARAM}"))`],
  ])("a literal or a word that is no variable still goes: %s", (text, expected) => {
    expect(redactString(text, policy).text).toBe(expected);
  });

  it("reads a member path under an attribute's key as it reads it in text (2026-12-04: one rule in every form)", () => {
    expect(storedLogAttributes([{ key: "password", value: { stringValue: "self.password" } }]).values).toEqual({ password: "self.password" });
    expect(storedLogAttributes([{ key: "password", value: { stringValue: "self.pw1" } }]).values).toEqual({ password: "[REDACTED:secret]" });
  });
});

describe("real secrets after a secret's name still go", () => {
  it.each([
    ["password=hunter2", `password=${PARAM}`],
    ['password="hunter2"', `password="${PARAM}"`],
    ["password=Tr0ub4dor&3", `password=${PARAM}`],
    ["passwd=s3cr3t!", `passwd=${PARAM}`],
    // A value that merely starts with the key's name is no variable of it.
    ["password=password123", `password=${PARAM}`],
    ["password=P@ssw0rd", `password=${PARAM}`],
    // A dotted word is a member read only when its last name is the key's or a constant's.
    ["pwd=abc.def", `pwd=${PARAM}`],
    ["password=password", `password=${PARAM}`],
    ["password=changeme", `password=${PARAM}`],
  ])("%s", (text, expected) => {
    expect(redactString(text, policy).text).toBe(expected);
  });

  it.each(["hunter2", "password123", "changeme", "abc.def", "test"])("under an attribute's key: %s", (value) => {
    expect(storedLogAttributes([{ key: "password", value: { stringValue: value } }]).values).toEqual({ password: "[REDACTED:secret]" });
  });
});

/** Words a form's validator or a sender writes in a value's place. */
const PLACEHOLDERS = ["required", "missing", "invalid", "null", "None", "undefined", "empty", "blank", "n/a", "<redacted>", "***", "REDACTED", "[FILTERED]", "not set", "too short"];

describe("a placeholder reads alike in text and under a key", () => {
  const forms = (key: string, word: string) => [`${key}=${word}`, `${key}=${word}, retry`, `${key}="${word}"`, JSON.stringify({ [key]: word })];

  it.each(PLACEHOLDERS.flatMap((word) => ["password", "api_key", "first_name", "last_name", "customer_name", "card_holder"].map((key) => [key, word])))("%s = %s", (key, word) => {
    for (const text of forms(key, word)) {
      expect(redactString(text, policy), text).toEqual({ text, counts: {} });
      expect(redactedLogBody(text), text).toBe(text);
    }
    expect(storedLogAttributes([{ key, value: { stringValue: word } }]).values).toEqual({ [key]: word });
  });
});

describe("a name part's value in prose", () => {
  it.each([
    ["first_name=Maria logged in", `first_name=${NAME} logged in`],
    ["last_name=Doe signed up", `last_name=${NAME} signed up`],
    ["first_name: Maria logged in", `first_name: ${NAME} logged in`],
    ["first_name=maria updated profile", `first_name=${NAME} updated profile`],
    ["first_name=Maria José logged in", `first_name=${NAME} logged in`],
    ["first_name=maria gonzalez email=a", `first_name=${NAME} email=a`],
    ["last_name=de la Cruz signed up", `last_name=${NAME} signed up`],
  ])("%s", (text, expected) => {
    expect(redactString(text, policy)).toEqual({ text: expected, counts: { person_name: 1 } });
  });

  it.each(["name=maria updated profile", "given_name=must not be blank", "first_name=too short, try again"])("%s stays", (text) => {
    expect(redactString(text, policy)).toEqual({ text, counts: {} });
  });
});

describe("code reading a secret from a mapping by its key", () => {
  it.each([
    '    pw = request.form["password"]',
    "token = os.environ['API_TOKEN']",
    "secret = params[:password]",
    'key := cfg["api_key"]',
    "$pass = $_POST['password'];",
    '    token = request.headers["Authorization"]',
    "    api_key = kwargs['api_key']",
    '    password = request.json["user"]["password"]',
    "  password = params[:user][:password]",
    'password = req.body["password"];',
    'Traceback (most recent call last):\n  File "/app/views.py", line 10, in login\n    pw = request.form["password"]\nKeyError: \'password\'',
    // A name of letters alone is read as its member is (`hunter.password`): a variable.
    'password = hunter["password"]',
  ])("keeps %j", (text) => {
    expect(redactString(text, policy)).toEqual({ text, counts: {} });
  });

  it.each([
    // What is subscripted must be a name or member path with no part shaped as a secret.
    ['password = Hunter2x["password"]', `password = ${PARAM}"password"]`],
    ['password=Xk9mQ7vLp["password"]', `password=${PARAM}"password"]`],
    ["password = s3cr3t['password']", `password = ${PARAM}'password']`],
    ['password = sk_live_4eC39HqLyjWDarjtT1zdp7dc["password"]', `password = ${PARAM}"password"]`],
    ['password = a.b2c3d4e5["password"]', `password = ${PARAM}"password"]`],
    ["token = abc123xyz[:token]", `token = ${PARAM}`],
    // A key naming no secret, a real value, and code going on past the lookup with a literal.
    ['password = hunter2["x"]', `password = ${PARAM}"x"]`],
    ['password = cfg["user"]', `password = ${PARAM}"user"]`],
    ['password = "hunter2"', `password = "${PARAM}"`],
    ["password = hunter2", `password = ${PARAM}`],
    ['password = request.form["password"] or "Hunter2x"', `password = request.form["password"] or "${PARAM}"`],
    ['password = cfg["password"] + "Hunter2x"', `password = ${PARAM}"password"] + "Hunter2x"`],
  ])("still replaces %j", (text, expected) => {
    expect(redactString(text, policy).text).toBe(expected);
  });
});
