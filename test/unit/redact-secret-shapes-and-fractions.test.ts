/**
 * Values a secret's key holds in shapes the rules used to pass over, and signed fractions the
 * phone detector took for numbers: found by a review of Go, Elixir, Ruby, Rust and Python prints.
 * Each output is pinned: the input with only the redacted values replaced.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy } from "../../workers/ingest/core/redact";
import { expectKept, expectRedacted, redactedLogBody, redactionPolicy, redactionWork, storedLogAttributes, scannedText } from "../support/redaction";
import { itKeeps, itStores } from "../support/redaction-cases";

const PHONE = "[REDACTED:phone]";

describe("a signed decimal fraction is no phone number", () => {
  it("keeps Go's monotonic clock reading and other signed fractions", () => {
    expectKept([
      // Go's Time.String of time.Now(), as `%v` prints it in every such log line.
      "2026-12-02 15:00:00.123 +0000 UTC m=+0.000000001",
      "started at 2026-12-02 15:00:00.123456789 -0300 -03 m=+3.141592653",
      "elapsed m=+3.141592653",
      "delta -12.5 ratio +1.0e-9 offset +12345678.9",
      "skew=+0.000012345 drift=-0.000012345",
    ]);
  });

  it("still redacts phone numbers written with a `+`", () => {
    expectRedacted([
      ["call +55 11 91234-5678", `call ${PHONE}`],
      ["call +1 (415) 555-0100", `call ${PHONE}`],
      ["call +5511912345678", `call ${PHONE}`],
      ["call +1.415.555.0100", `call ${PHONE}`],
      ["tel: +33 6.12.34.56.78", `tel: ${PHONE}`],
    ]);
  });
});

const SECRET = "[REDACTED:secret]";
const redactedBody = (body: string): unknown => redactedLogBody(body, defaultRedactionPolicy());

describe("a value of no known form under a secret's key goes whole", () => {
  itStores("%j", redactedBody, [
    // Go's %+v of a []byte password: its bytes are the password's.
    ["&{User:ana Password:[112 119 49 50 51 52] Host:db-01}", `&{User:ana Password:${SECRET} Host:db-01}`],
    // Elixir's sigil and a struct of no derived Inspect.
    ['%User{name: "x", password: ~s(pw1234), host: "db-01"}', `%User{name: "x", password: ${SECRET}, host: "db-01"}`],
    ['%User{token: #Secret<abc123>, host: "db-01"}', `%User{token: ${SECRET}, host: "db-01"}`],
    // Ruby's inspect of an object holding the secret.
    ['#<User:0x000055d5 @name="x", @password=#<Secret abc123>, @host="db-01">', `#<User:0x000055d5 @name="x", @password=${SECRET}, @host="db-01">`],
    // Python's bytes.
    ["{'user': 'x', 'api_key': b'abc123', 'host': 'db-01'}", `{'user': 'x', 'api_key': ${SECRET}, 'host': 'db-01'}`],
    // A Rust tuple, an Ecto struct's metadata and sigil beside it.
    ['{ tags: (1, 2), password: (1, 2), host: "db-01" }', `{ tags: (1, 2), password: ${SECRET}, host: "db-01" }`],
    [
      '%MyApp.User{__meta__: #Ecto.Schema.Metadata<:loaded, "users">, id: 42, inserted_at: ~N[2026-12-02 15:00:00], password: ~s(pw1234)}',
      `%MyApp.User{__meta__: #Ecto.Schema.Metadata<:loaded, "users">, id: 42, inserted_at: ~N[2026-12-02 15:00:00], password: ${SECRET}}`,
    ],
  ]);

  it("replaces it as JSON replaces an array under the same key", () => {
    expect(redactedBody('{"password":[1,2,3],"host":"db-01"}')).toBe(`{"password":"${SECRET}","host":"db-01"}`);
  });

  itKeeps("keeps %j", redactedBody, [
    // The secrecy crate's Debug, pydantic's repr: the sender's own mask stays, with no stray bracket.
    'User { name: "x", password: Secret([REDACTED]), host: "db-01" }',
    'User { name: "x", password: SecretBox<str>([REDACTED alloc::string::String]), host: "db-01" }',
    "User(name='x', password=SecretStr('**********'), host='db-01')",
    "{'user': 'x', 'api_key': b'**********', 'host': 'db-01'}",
    "password=SecretStr('**********') user=ana",
    "password: Secret([REDACTED])",
    // Under other keys a value of no known form is kept; missing values stay as JavaScript prints them;
    // a word alone followed by more lines is no value (a GraphQL type's members apart by lines).
    "type Usage {\n  tokens: Int\n  model: String\n}",
    "{ password: None, role: Admin }",
    '%User{tags: ~w(a b), pid: #PID<0.1.0>, host: "db-01"}',
    "{ password: undefined, token: null, host: 'db-01', when: 2026-12-02T15:00:00.000Z, n: 123n }",
  ]);
});

describe("a number under a secret's name is the secret", () => {
  itStores("%j", redactedBody, [
    ["{ password: 1234, host: 'db-01' }", `{ password: ${SECRET}, host: 'db-01' }`],
    ["&{Password:1234 Host:db-01}", `&{Password:${SECRET} Host:db-01}`],
    ['{"password":1234,"host":"db-01"}', `{"password":"${SECRET}","host":"db-01"}`],
    ['{"pin":4321,"host":"db-01"}', `{"pin":"${SECRET}","host":"db-01"}`],
    ["login failed password=1234 user=ana", "login failed password=[REDACTED:secret_param] user=ana"],
  ]);

  it("as an attribute, integer or double; counts, lengths and flags stay", () => {
    const { values } = storedLogAttributes([
      { key: "password", value: { intValue: "1234" } },
      { key: "api_key", value: { doubleValue: 12.5 } },
      { key: "password_length", value: { intValue: "12" } },
      { key: "password.attempts", value: { intValue: "3" } },
      { key: "token_count", value: { intValue: "5" } },
      { key: "max_tokens", value: { intValue: "100" } },
      { key: "tokens", value: { intValue: "42" } },
      { key: "password_required", value: { boolValue: true } },
    ]);
    expect(values).toEqual({
      password: SECRET,
      api_key: SECRET,
      password_length: { intValue: "12" },
      "password.attempts": { intValue: "3" },
      token_count: { intValue: "5" },
      max_tokens: { intValue: "100" },
      tokens: { intValue: "42" },
      password_required: { boolValue: true },
    });
  });

  itKeeps("keeps the counts in %j", redactedBody, [
    "{ password_length: 12, token_count: 5, max_tokens: 100 }",
    '{"password_length":12,"password.attempts":3,"token_count":5,"max_tokens":100,"tokens":[12,30]}',
  ]);
});

describe("Python's bytes under a secret's name in text", () => {
  it("replaces what the quotes hold, its `b` and quotes kept; a mask stays", () => {
    expectRedacted([
      ["api_key: b'abc123' next", "api_key: b'[REDACTED:secret_param]' next"],
      ['password=b"pw1234" user=ana', 'password=b"[REDACTED:secret_param]" user=ana'],
    ]);
    expectKept(["api_key: b'**********' next", "password=b'[FILTERED]' user=ana"]);
  });
});

describe("YAML flow values under a secret's name", () => {
  it("replaces a flow sequence or set of plain scalars whole", () => {
    expectRedacted([
      ["password: [s3cr3t]", "password: [REDACTED:secret_param]"],
      ["password: {s3cr3t}", "password: [REDACTED:secret_param]"],
      ["db:\n  password: [s3cr3t, other]\n  host: db-01", "db:\n  password: [REDACTED:secret_param]\n  host: db-01"],
      ["pin: [1234]", "pin: [REDACTED:secret_param]"],
    ]);
  });

  it("keeps inspect's elisions, GraphQL list types, masks, counts and secrets' names", () => {
    expectKept([
      "{ password: [Array], token: [Object] }",
      "{ token: [Function: token], secret: [Circular *1] }",
      "mutation { login(password: [String!]) }",
      "query Q($tokens: [ID!]!) { x }",
      "password: [FILTERED]",
      "tokens: [12, 30]",
      "secrets: [DB_URL, API_KEY]",
      // A format string's field, and LDAP's scheme glued to its hash (which the hash detector reads).
      "password: {password}",
      "token: {api_token}",
    ]);
  });
});

describe("a capitalised secret in brackets under a secret's name", () => {
  it("goes when a digit ends a part of it, its case changes letter by letter, or it is a key's run of capitals", () => {
    expectRedacted([
      ["password: [Passw0rd]", "password: [REDACTED:secret_param]"],
      ["password: [Hunter2x]", "password: [REDACTED:secret_param]"],
      ["api_key: [AbCdEf123456]", "api_key: [REDACTED:secret_param]"],
      ["password: [PASSW0RD]", "password: [REDACTED:secret_param]"],
      ["password: [Summer2024]", "password: [REDACTED:secret_param]"],
      ["password: [HuNtEr]", "password: [REDACTED:secret_param]"],
      ["token: [VSXJQTBLMMRCWDHNKPABCDEFG]", "token: [REDACTED:secret_param]"],
      ["password: [Hunter2x!]", "password: [REDACTED:secret_param]"],
      ["password: [Passw0rd]!", "password: [REDACTED:secret_param]!"],
      ["password: [Passw0rd]. Next", "password: [REDACTED:secret_param]. Next"],
      ["password:[Hunter2x]", "password:[REDACTED:secret_param]"],
      ["Password: [Passw0rd]", "Password: [REDACTED:secret_param]"],
      ["password: [Passw0rd] user=ana", "password: [REDACTED:secret_param] user=ana"],
      ["db:\n  password: [Passw0rd]\n  host: db-01", "db:\n  password: [REDACTED:secret_param]\n  host: db-01"],
    ]);
  });

  it("goes under every secret's name, quoted, after `=` and in lower case alike", () => {
    expectRedacted([
      ["token: [AbCdEf123456]", "token: [REDACTED:secret_param]"],
      ["secret: [Passw0rd]", "secret: [REDACTED:secret_param]"],
      ["client_secret: [Passw0rd]", "client_secret: [REDACTED:secret_param]"],
      ["pin: [Ab12]", "pin: [REDACTED:secret_param]"],
      ['password: ["Passw0rd"]', 'password: ["[REDACTED:secret_param]"]'],
      ['"password": ["Passw0rd"]', '"password": ["[REDACTED:secret_param]"]'],
      ["password=[Passw0rd]", "password=[REDACTED:secret_param]"],
      ["api_key=[AbCdEf123456]", "api_key=[REDACTED:secret_param]"],
      ["password: [passw0rd]", "password: [REDACTED:secret_param]"],
      ["password: [s3cr3t]", "password: [REDACTED:secret_param]"],
    ]);
  });

  it("goes in a JSON line's string and in a text of several lines", () => {
    expect(redactedBody('{"msg":"x","yaml":"password: [Passw0rd]"}')).toBe('{"msg":"x","yaml":"password: [REDACTED:secret_param]"}');
    expect(redactedBody("login\npassword: [Passw0rd]\nretrying")).toBe("login\npassword: [REDACTED:secret_param]\nretrying");
  });

  it("keeps GraphQL's types, PascalCase types' names, placeholders and masks", () => {
    expectKept([
      "password: [String!]",
      "password: [String]",
      "password: [Int]",
      "password: [ID!]!",
      "password: [Int64]",
      "mutation Login($password: [Vec3f!]) { login }",
      "mutation Upload($apiKey: [Uint8Array], $secret: [OAuth2Token], $token: [S3Client!]) { upload }",
      "password: [$pw]",
      "password: [:pin]",
      "password: [?]",
      "password: [${pw}]",
      "password: [***]",
      "password: [REDACTED]",
      "password: [hidden]",
      "password: [Hidden]",
      "password: [filtered]",
    ]);
  });
});

describe("inspect's head of an object with no prototype under a secret's name", () => {
  it("stays, its braces read as an object's", () => {
    expectKept([
      "password: [Object: null prototype] {}",
      "password: [Object: null prototype]",
      "token: [Object: null prototype] { a: 1 }",
      "secret: [Object: null prototype] { a: 1 }",
      "api_key:[Object: null prototype] {}",
      "{ password: [Object: null prototype] {} }",
      "{ user: 'a', password: [Object: null prototype] { a: 1 } }",
    ]);
  });

  it("keeps no secret inside its braces", () => {
    expectRedacted([
      ['password: [Object: null prototype] { token: "hunter2x" }', 'password: [Object: null prototype] { token: "[REDACTED:secret]" }'],
      ["{ user: 'a', token: [Object: null prototype] { token: 'hunter2x' } }", "{ user: 'a', token: [Object: null prototype] { token: '[REDACTED:secret]' } }"],
      ["[Object: null prototype] { password: 'hunter2x' }", "[Object: null prototype] { password: '[REDACTED:secret]' }"],
    ]);
  });
});

describe("a capitalised word in brackets under a secret's name is a type only when shaped as code writes one", () => {
  it("goes when a digit stands inside it or a `!` follows a word that is no GraphQL scalar", () => {
    expectRedacted(
      ["Xk9Vm2Lp", "Pa55Word", "Pass2Word", "Secret2Go", "Admin1Admin", "MyPass12Word", "Hunter!", "Sunshine!"].map((word) => [
        `password: [${word}]`,
        "password: [REDACTED:secret_param]",
      ]),
    );
  });

  it("goes when it is a type whose name holds a digit and is in no exact list (a known cost)", () => {
    expectRedacted(["S3Client", "Vec3f", "Float32x4", "ApiKeyV1", "Node7", "Pod3", "Region1", "Bcrypt12", "TokenId:4412"].map((word) => [`token: [${word}]`, "token: [REDACTED:secret_param]"]));
  });

  it("keeps a type's, an algorithm's or a percentile's name with digits written whole as the exact lists name it", () => {
    expectKept([
      "secret: [V1Secret]",
      "token: [K8sSecret]",
      "session: [Http2Session]",
      "session: [Http2Stream]",
      "token: [Float64Array]",
      "token: [BigInt64Array]",
      "token: [BigUint64Array]",
      "token: [Uint8ClampedArray]",
      "token: [Uint8Array]",
      "token: [OAuth2Token]",
      "token: [OAuth2Client]",
      "password: [Argon2]",
      "password: [Argon2i]",
      "password: [Argon2d]",
      "password: [Argon2id]",
      "password: [Pbkdf2]",
      "password: [Aes256Gcm]",
      "password: [Aes128]",
      "password: [Aes192Cbc]",
      "password: [Sha384]",
      "password: [Md5]",
      "token: [Gpt4o]",
      "token: [P95]",
      "token: [P999]",
      '{"msg":"token: [Float64Array]"}',
    ]);
  });

  it("still removes passwords with digits: a stem or a type's word beside other humps, an id's number, a version, a percentile's look-alike", () => {
    const leaks = [
      ["Passw0rd", "Hunter2", "Hunter2x", "Pa55Word", "Xk9Vm2Lp", "Secret2Go", "AbCdEf123456", "Hunter!", "Sunshine1", "Secret1", "HunterV2", "Hunter:1234", "P9"],
      ["Worker2024", "Host123", "Node2024", "Zone42", "Shard01", "BigInt12345", "Crc32d", "Gpt4i"],
      ["SummerHost2024", "MonkeyNode1", "AHost1", "Float64Hunter", "Gpt4oPass", "Base64Sunshine", "Http2Password", "Sha256Secret", "Region1Secret", "Md5Md5", "Int1Int2Int3"],
      ["HunterId:2024", "SecretV2", "HunterV2Key", "V99Secret", "KeyV123", "MyKeyV1", "P12", "P00", "P123"],
    ].flat();
    expectRedacted(leaks.map((word) => [`password: [${word}]`, "password: [REDACTED:secret_param]"]));
    expectRedacted([
      ["password: [Argon2id]x", "password: [REDACTED:secret_param]"],
      ["password: [Sunshine]x", "password: [REDACTED:secret_param]"],
      ["token: [TokenId:4412]x", "token: [REDACTED:secret_param]"],
    ]);
  });

  it("reads no name of the exact lists under a code's name, nor an id's number under any name", () => {
    expectRedacted([
      ["pin: [Key:1234]", "pin: [REDACTED:secret_param]"],
      ["otp: [Id:123456]", "otp: [REDACTED:secret_param]"],
      ["cvv: [Value:123]", "cvv: [REDACTED:secret_param]"],
      ["password: [Id:1234]", "password: [REDACTED:secret_param]"],
      ["token: [Key:4412]", "token: [REDACTED:secret_param]"],
      ["pin: [P99]", "pin: [REDACTED:secret_param]"],
      ["otp: [Argon2id]", "otp: [REDACTED:secret_param]"],
      ["card_pin: [Float64Array]", "card_pin: [REDACTED:secret_param]"],
      ["mfa_code: [P95]", "mfa_code: [REDACTED:secret_param]"],
      ["cvv: [Aes256Gcm]", "cvv: [REDACTED:secret_param]"],
    ]);
  });

  it("keeps a word of letters and protocols' and algorithms' names with their width or version", () => {
    expectKept(["password: [Sunshine]", "auth: [OAuth2]", "token: [Base64]", "token: [UTF8]", "token: [Sha1]", "token: [SHA256]", "token: [AES256]", "token: [Crc32]", "token: [X509]", "token: [IPv6]", "token: [Http2]"]);
  });
});

describe("a number after a secret's name in text", () => {
  it("is the secret, as under the same key; counts and headings stay", () => {
    expectRedacted([
      ["password: 1234", "password: [REDACTED:secret_param]"],
      ["db:\n  password: 1234\n  port: 5432", "db:\n  password: [REDACTED:secret_param]\n  port: 5432"],
      ["login failed password=1234 user=ana", "login failed password=[REDACTED:secret_param] user=ana"],
    ]);
    expectKept(["tokens: 42", "max_tokens: 100", "token_count: 5", "password_length: 12", "Session: 2 of 5", "otp_enabled: true"]);
  });
});

describe("a value of no known form under a hashKeys key", () => {
  it("is hashed whole, as an array there in JSON is", () => {
    const policy = redactionPolicy({ hashKeys: ["user_ref"], hashSecret: "k0123456789abcdefghij" });
    const printed = redactedLogBody('%User{user_ref: ~s(u-42), host: "db-01"}', policy) as string;
    expect(printed).toMatch(/^%User\{user_ref: [0-9a-f]{16}, host: "db-01"\}$/);
    expect(redactedLogBody('{"user_ref":[1,2]}', policy)).toMatch(/^\{"user_ref":"[0-9a-f]{16}"\}$/);
  });
});

describe("cost", () => {
  it("many records of unknown values under secrets' keys: the work grows with the text", () => {
    const body = (count: number): string =>
      Array.from({ length: count }, (_, i) => `%User{id: ${i}, password: ~s(pw${i}), token: #Secret<t${i}>, api_key: b'k${i}', tags: (1, 2)}`).join("\n");
    const small = redactionWork(body(100));
    const large = redactionWork(body(400));
    expect(small.markers).toBe(300);
    expect(large.markers).toBe(4 * small.markers);
    expect(large.work).toBeLessThanOrEqual(4 * small.work + 8192);
  });
});

describe("the text detectors alone read such values whole", () => {
  it("a sigil's `)` and a `#<…>` value go with the value", () => {
    for (const [text, scanned] of [
      ["%User{id: 1, password: ~s(pw1), host: db}", "%User{id: 1, password: [REDACTED:secret_param], host: db}"],
      ["note token: #Secret<t1> and more", "note token: [REDACTED:secret_param] and more"],
      ["viewer(token: abc){id}", "viewer(token: [REDACTED:secret_param]){id}"],
      ["note pid: #PID<0.1.0> and more", "note pid: #PID<0.1.0> and more"],
    ]) expect(scannedText(text!).text, text).toBe(scanned);
  });
});
