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
    ['password = cfg["password"] + "Hunter2x"', `password = cfg["password"] + "${PARAM}"`],
  ])("still replaces %j", (text, expected) => {
    expect(redactString(text, policy).text).toBe(expected);
  });
});

describe("code going on around a read of a secret by its name", () => {
  it.each([
    // A method, a member or a type assertion after the read, a conditional, a numeric index before it.
    'pw = request.form["password"].strip()',
    'password = request.POST["password"].encode("utf-8")',
    'pw = request.form["password"] if ok else None',
    'x = forms[0]["password"]',
    'password = forms[-1]["password"]',
    "@password = params[:password].to_s",
    'pw := cfg["password"].(string)',
    'pw = data.get("password", "")',
    'pw = os.environ["DB_PASSWORD"]',
    "pw = config['auth']['password']",
    'tok = getenv("API_TOKEN")',
    "const pw = req.body.password;",
    // A call's first literal that names a secret is the key looked up.
    "$password = $request->input('password');",
    "$user->password = Hash::make($request->input('password'));",
    'password := r.FormValue("password")',
    // An index by a secret's key assigned a variable.
    'user["password"] = hashed',
    "session[:token] = new_token",
    // A comment's prose, ids, hashes, hosts and tickets.
    'pw = form["password"]  # TODO: strip whitespace',
    'pw = form["password"]  # user 550e8400-e29b-41d4-a716-446655440000',
    'pw = form["password"]  # commit a1b2c3d4e5f6',
    'pw = form["password"]  # sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    'pw = form["password"]  # see JIRA-12345',
    'pw = form["password"]  # see RFC7617',
    'pw = form["password"]  # node10 host ip-10-0-1-23',
    'pw = form["password"]  # k8s pod web-7d9f8b6c5-x2x4z',
    'pw = form["password"]  # user_id=12345 order=ORD-98765',
    'pw = form["password"]  #section-2',
    'pw = form["password"]  # hunter (old)',
    'pw = form["password"]  # password reset flow',
    // An encoding's name a conversion is called with.
    'password = hunter2x.encode("utf-8")',
    'pw = s.getBytes("UTF-8")',
    'token = buf.toString("base64")',
    'pw = raw.decode("latin1")',
    // A variable holding a derived value, assigned to the index.
    'user["password"] = pw_hash',
    'user["password"] = new_password',
    'user["password"] = hashedPassword',
    'user["password"] = digest',
    'user["password"] = None',
    'user["password"] = nil',
    // A reading method's key.
    'pw = req.getParameter("password")',
    'pw = form["password"] if ok else default_pw',
  ])("keeps %j", (text) => {
    expect(redactString(text, policy)).toEqual({ text, counts: {} });
  });

  it.each([
    // A literal beside the read: compared with it, assigned to the index, a default, a fallback.
    ['if request.form["password"] == "S3cretPass!":', `if request.form["password"] == "${PARAM}":`],
    ['if "S3cretPass!" == request.form["password"]:', `if "${PARAM}" == request.form["password"]:`],
    ["if params[:password] == 'S3cretPass!'", `if params[:password] == '${PARAM}'`],
    ["if ($_POST['password'] == 'S3cretPass!') {", `if ($_POST['password'] == '${PARAM}') {`],
    ["if forms[0][\"password\"] != 'S3cretPass!':", `if forms[0]["password"] != '${PARAM}':`],
    ['login(request.form["password"] or "Hunter2x")', `login(request.form["password"] or "${PARAM}")`],
    ['user["password"] = "hunter2x"', `user["password"] = "${PARAM}"`],
    ['password = os.getenv("PW", "S3cretPass!")', `password = os.getenv("PW", "${PARAM}")`],
    ['pw = os.getenv("PW", "S3cretPass!")', `pw = os.getenv("PW", "${PARAM}")`],
    // A secret in a trailing comment after such code.
    ['pw = form["password"]  # was hunter2x', `pw = form["password"]  # was ${PARAM}`],
    ["secret = params[:password]  # was hunter2x", `secret = params[:password]  # was ${PARAM}`],
    ["$pw = $_POST['password']; // was hunter2x", `$pw = $_POST['password']; // was ${PARAM}`],
    ["const pw = req.body.password; // was hunter2x", `const pw = req.body.password; // was ${PARAM}`],
    ['password = cfg["password"]  # default "changeme"', `password = cfg["password"]  # default "${PARAM}"`],
    // A secret's shape or a default password assigned to the index is the secret.
    ['user["password"] = hunter2x', `user["password"] = ${PARAM}`],
    ['user["password"] = changeme', `user["password"] = ${PARAM}`],
    // Its neighbours: a plain value, and a value glued after the read.
    ['password = "hunter2x"', `password = "${PARAM}"`],
    ["password=hunter2x", `password=${PARAM}`],
    ['"password": "hunter2x"', `"password": "${PARAM}"`],
    ["--password hunter2x", `--password ${PARAM}`],
    ['pw = form["password"]hunter2x', `pw = ${PARAM}"password"]hunter2x`],
    // A conversion's literal other than an encoding's name is the data converted.
    ['secret = Base64.decode("aHVudGVyMnhodW50ZXI=")', `secret = Base64.decode("${PARAM}")`],
    ['password = new String(Base64.decode("S3cretPass1"))', `password = new String(Base64.decode("${PARAM}"))`],
    ['password = Hex.decode("S3cretPass!")', `password = Hex.decode("${PARAM}")`],
    ['token = Base64.encode("S3cretPass!")', `token = Base64.encode("${PARAM}")`],
    ['token = tok.decode("S3cretPass!")', `token = tok.decode("${PARAM}")`],
    ['password = x.encode("hunter2x")', `password = x.encode("${PARAM}")`],
    ['secret = codecs.decode("uryyb2k", "rot13")', `secret = codecs.decode("${PARAM}", "${PARAM}")`],
    ['api_key = Buffer.from(data).toString("aHVudGVyMnhodW50")', `api_key = Buffer.from(data).toString("${PARAM}")`],
    // A bare word assigned to the index that reads as no variable is the password.
    ['user["password"] = dragon', `user["password"] = ${PARAM}`],
    ['user["password"] = monkey', `user["password"] = ${PARAM}`],
    ['user["password"] = sunshine', `user["password"] = ${PARAM}`],
    ['user["password"] = Summer', `user["password"] = ${PARAM}`],
    ['user["password"] = abc', `user["password"] = ${PARAM}`],
    ['user["password"] = correcthorsebatterystaple', `user["password"] = ${PARAM}`],
    ['user["password"] =dragon', `user["password"] =${PARAM}`],
    ['cfg["token"] = abcdefghijklmnopqrstuvwxyzABCDEFGH', `cfg["token"] = ${PARAM}`],
    // A call that takes the value itself, not a key: hashing, connecting, logging in, trimming.
    ["pw = Hash::make('password')", `pw = Hash::make('${PARAM}')`],
    ["pw = bcrypt.hash('secret')", `pw = bcrypt.hash('${PARAM}')`],
    ["pw = db.connect('secret')", `pw = db.connect('${PARAM}')`],
    ['pw = strings.TrimSpace("secret")', `pw = strings.TrimSpace("${PARAM}")`],
    ["pw = x.login('password')", `pw = x.login('${PARAM}')`],
    // A concatenated bare word or a comment after a member makes no code of the value.
    ["password=cfg.password+Summer2024", `password=${PARAM}`],
    ["password = my.password # x", `password = ${PARAM} # x`],
    ["password = Hunter2x.password # x", `password = ${PARAM} # x`],
    // In a comment, a quoted literal and a word after a secret's name, `was` or `is`.
    ['pw = form["password"]  # was "S3cretPass!"', `pw = form["password"]  # was "${PARAM}"`],
    ['pw = form["password"]  # pass is letmein', `pw = form["password"]  # pass is ${PARAM}`],
    ['pw = form["password"]  # pw: Summer', `pw = form["password"]  # pw: ${PARAM}`],
    ['pw = form["password"]  # was changeme', `pw = form["password"]  # was ${PARAM}`],
    ['pw = form["password"]  # was hunter2x; password=hunter2x', `pw = form["password"]  # was ${PARAM}; password=${PARAM}`],
    // A token's shape assigned to the index is no variable.
    ['cfg["token"] = ghp_abcdefghijklmnop', `cfg["token"] = ${PARAM}`],
  ])("replaces the secret in %j", (text, expected) => {
    expect(redactString(text, policy).text).toBe(expected);
  });
});
