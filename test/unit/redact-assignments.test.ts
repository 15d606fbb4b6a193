/**
 * Secrets assigned in SQL, hashes, PHP, Go, XML and encoded URLs (detectors/secret-assignment.ts),
 * postal codes in query and form text (detectors/postal-code-parameter.ts), and what those rules
 * must leave alone. The corpus (test/fixtures/pii/) holds the same examples end to end.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { scannedText, sessionMarker } from "../support/redaction";
import { secretAssignmentDetector } from "../../workers/ingest/core/redact/detectors/secret-assignment";
import { postalCodeParameterDetector } from "../../workers/ingest/core/redact/detectors/postal-code-parameter";
import { itKeeps, itStores } from "../support/redaction-cases";

const redacted = (text: string) => scannedText(text, defaultRedactionPolicy());

describe("secret assignments: names only a URL's query makes secret, and names a later word describes, stay", () => {
  it.each([
    "WHERE code = 'US' AND key = 'enabled'",
    "UPDATE settings SET value = 'dark' WHERE key = 'theme'",
    "SELECT * FROM sessions WHERE session = 'active'",
    "SELECT count(*) FROM logins WHERE auth = 'saml'",
    "SET session_replication_role = 'replica';",
    "ALTER SYSTEM SET password_encryption = 'scram-sha-256';",
    "'key' => 'app.name'",
    ':key => "cache:42"',
    '"code" => "ERR_42"',
    '"auth" => "ldap"',
    '"signature" => "John Smith"',
    "<secret-santa>Ana</secret-santa>",
    "<token-list><token>ETH</token><token>BTC</token></token-list>",
    "<session>Morning keynote, room 2</session>",
    "<session>Morning session: Keynote</session>",
    "Signature: Approved",
    "<credentials>default</credentials>",
    "The user reset their password 'yesterday' via the link",
    "Please alter the user settings; password 'reset' links expire",
    "CREATE USER sidney IDENTIFIED BY VALUES 'S:8F2A…'",
    "CREATE USER app IDENTIFIED BY RANDOM PASSWORD",
    'Parameters: {"user"=>"bob", "password"=>"[FILTERED]"}',
    "password=[FILTERED]&user=bob",
    "mutation { login(email: $email, password: $password) { token } }",
    '<add key="Theme" value="dark"/>',
    '<add key="ApiKeyHeader" value="X-Api-Key"/>',
  ])("%s", (text) => {
    const result = redacted(text);
    expect(result.text).toBe(text);
    expect(result.counts).toEqual({});
  });
});

describe("secret assignments: the notations that hold a secret", () => {
  it.each([
    ["Executing (default): SELECT * FROM `Users` WHERE `User`.`password` = 'hunter2'", "Executing (default): SELECT * FROM `Users` WHERE `User`.`password` = '[REDACTED:secret_param]'"],
    ["UPDATE `Users` SET `password`='hunter2' WHERE `id` = 1", "UPDATE `Users` SET `password`='[REDACTED:secret_param]' WHERE `id` = 1"],
    ['CREATE USER app IDENTIFIED BY "S3cret"', 'CREATE USER app IDENTIFIED BY "[REDACTED:secret_param]"'],
    ["CREATE USER sidney IDENTIFIED BY out_standing1 DEFAULT TABLESPACE example", "CREATE USER sidney IDENTIFIED BY [REDACTED:secret_param] DEFAULT TABLESPACE example"],
    ["create user sidney identified by outstanding", "create user sidney identified by [REDACTED:secret_param]"],
    ["ALTER USER app\nWITH PASSWORD 'hunter2';", "ALTER USER app\nWITH PASSWORD '[REDACTED:secret_param]';"],
    ["CREATE ROLE app WITH LOGIN CONNECTION LIMIT 5 PASSWORD 'hunter2' VALID UNTIL '2027-01-01'", "CREATE ROLE app WITH LOGIN CONNECTION LIMIT 5 PASSWORD '[REDACTED:secret_param]' VALID UNTIL '2027-01-01'"],
    ["CREATE USER 'app'@'%' IDENTIFIED BY 'S3cret'", "CREATE USER 'app'@'%' IDENTIFIED BY '[REDACTED:secret_param]'"],
    ["UPDATE mysql.user SET authentication_string = PASSWORD('S3cret') WHERE User='root';", "UPDATE mysql.user SET authentication_string = PASSWORD('[REDACTED:secret_param]') WHERE User='root';"],
    ["<password>\n  hunter2\n</password>", "<password>[REDACTED:secret_param]</password>"],
    ["<password><![CDATA[hunter2]]></password>", "<password>[REDACTED:secret_param]</password>"],
    ["<password>hunter</password>", "<password>[REDACTED:secret_param]</password>"],
    ["<token>ghs_x1</token>", "<token>[REDACTED:secret_param]</token>"],
    ["$config['password'] = 'hunter2';", "$config['password'] = '[REDACTED:secret_param]';"],
    ["define('DB_PASSWORD', 'hunter2');", "define('DB_PASSWORD', '[REDACTED:secret_param]');"],
    ['define("AUTH_KEY", "k9-Xq2mZ7vB4");', 'define("AUTH_KEY", "[REDACTED:secret_param]");'],
    ['params[:password] = "hunter2"', 'params[:password] = "[REDACTED:secret_param]"'],
    ['array(1) {\n  ["password"]=>\n  string(7) "hunter2"\n}', 'array(1) {\n  ["password"]=>\n  string(7) "[REDACTED:secret_param]"\n}'],
    ['object(User)#1 (2) { ["password":protected]=> string(7) "hunter2" }', 'object(User)#1 (2) { ["password":protected]=> string(7) "[REDACTED:secret_param]" }'],
    ['"password" =>\n  "hunter2"', '"password" =>\n  "[REDACTED:secret_param]"'],
    ['token := "abc123def"', 'token := "[REDACTED:secret_param]"'],
    ['<add key="ApiKey" value="abc123def456"/>', '<add key="ApiKey" value="[REDACTED:secret_param]"/>'],
    ['<param name="password" value="hunter2"/>', '<param name="password" value="[REDACTED:secret_param]"/>'],
    ["next=%252Flogin%253Ftoken%253Dabc123", "next=%252Flogin%253Ftoken%253D[REDACTED:secret_param]"],
    ["return_to=%2Fcb%23access_token%3Dabc123def456%26state%3Dx", "return_to=%2Fcb%23access_token%3D[REDACTED:secret_param]%26state%3Dx"],
    ["WHERE api_key = 'k9Xq2mZ7' AND user_session = 'c2Vzc2lvbg42'", `WHERE api_key = '[REDACTED:secret_param]' AND user_session = '${sessionMarker("c2Vzc2lvbg42")}'`],
  ])("%j", (text, expected) => {
    const result = redacted(text);
    expect(result.text).toBe(expected);
    expect(result.counts).toEqual({ secret_param: 1 + (expected.split("[REDACTED:").length - 2) });
  });

  it("redacts a versioned Discord webhook URL", () => {
    const text = "POST https://discord.com/api/v10/webhooks/123456789012345678/abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefgh failed";
    expect(redacted(text).text).toBe("POST https://[REDACTED:known_token] failed");
  });
});

describe("postal codes in query and form text", () => {
  itStores("%j", (text) => redacted(text).text, [
    ["zip=94103&sku=1", "zip=[REDACTED:postal_code]&sku=1"],
    ["zip=94103&name=ana", "zip=[REDACTED:postal_code]&name=ana"],
    ["postal_code=SW1A%201AA&country=GB", "postal_code=[REDACTED:postal_code]&country=GB"],
    ["GET /api?billing_zip=94103", "GET /api?billing_zip=[REDACTED:postal_code]"],
    ["GET /api?shipping_postal_code=94103-1234", "GET /api?shipping_postal_code=[REDACTED:postal_code]"],
    ["GET /api?zip5=94103", "GET /api?zip5=[REDACTED:postal_code]"],
    ["GET /frete?cepDestino=01310100&cep_origem=01.310-100", "GET /frete?cepDestino=[REDACTED:postal_code]&cep_origem=[REDACTED:postal_code]"],
    ["checkout shippingZipCode=K1A 0B1 postcode=M1+1AE.", "checkout shippingZipCode=[REDACTED:postal_code] postcode=[REDACTED:postal_code]."],
  ]);

  itKeeps("keeps %j", (text) => redacted(text).text, [
    "GET /download?zip=release-2.4.1",
    "GET /a?zip=v2",
    "GET /files?name=report.zip&zip=1",
    "GET /static/app.js?v=3&zip=gz2",
    "zip=2&level=9",
    "GET /x?postal_code_format=12345&zip_required=94103",
    "GET /x?order_id=94103&zip=true",
    "zip=12345.tar.gz",
  ]);
});

/**
 * The work a detector's regex does on a text, counted without a clock: the characters its
 * matching reads cannot be seen, but a regex whose work grows faster than its text shows it in
 * the number of candidates and in how far each reaches. This counts candidates and the
 * characters they span over texts of growing size: both must grow in proportion to the text.
 */
function candidateWork(source: string, text: string): number {
  const regex = new RegExp(source, "g");
  let work = 0;
  for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
    work += 1 + match[0].length;
    if (match[0] === "") regex.lastIndex++;
  }
  return work;
}

describe("costs grow with the text, not its square", () => {
  const hostile = [
    "?zip=abcdefgh",
    "user a b c d e f g h i j k l ",
    "a b c d e f g h i j k l m n o ",
    "<a b=c ",
    "<a>b</a>",
    `password${" ".repeat(60)}x `,
    "''",
    "%3Ftoken%3D%41%41%41%26",
    ':password=>"',
    "create user x with ",
  ];
  it.each(hostile)("%j repeated", (unit) => {
    for (const detector of [secretAssignmentDetector, postalCodeParameterDetector]) {
      const small = candidateWork(detector.source, unit.repeat(200) + " password = 'x'");
      const large = candidateWork(detector.source, unit.repeat(2000) + " password = 'x'");
      expect(large).toBeLessThanOrEqual(small * 10 + 64);
    }
  });
});

describe("redacting twice changes nothing", () => {
  it.each([
    'object(User)#1 (2) { ["password":protected]=> string(7) "hunter2" }',
    'object(User)#1 (2) { ["password":"User":private]=> string(7) "hunter2" }',
    "CREATE USER sidney IDENTIFIED BY out_standing1",
    "<password><![CDATA[hunter2]]></password>",
    "next=%252Flogin%253Ftoken%253Dabc123",
    "GET /api?billing_zip=94103",
  ])("%j", (text) => {
    const once = redacted(text).text;
    expect(once).not.toBe(text);
    expect(redacted(once)).toEqual({ text: once, counts: {} });
  });
});

describe("secret assignments with blanks around `=` where a line or a connection string's part starts", () => {
  itStores("redacts %j", (text) => redacted(text).text, [
    ["password = hunter2", "password = [REDACTED:secret_param]"],
    ["[db]\npassword = hunter2\nhost = db", "[db]\npassword = [REDACTED:secret_param]\nhost = db"],
    ["DB_PASSWORD =hunter2", "DB_PASSWORD =[REDACTED:secret_param]"],
    ["api_key = sk9f8e7d6c5b4a", "api_key = [REDACTED:secret_param]"],
    ['PASSWORD = "x"', 'PASSWORD = "[REDACTED:secret_param]"'],
    ["Server=db; User Id=app; Password = hunter2;", "Server=db; User Id=app; Password = [REDACTED:secret_param];"],
  ]);

  it.each(["the password = wrong", "x = 5", "tokens = 42", "password.length=12", "password_reset.sent=true", "token = os.getenv(NAME)", "password = ${DB_PASSWORD}"])(
    "keeps %j",
    (text) => {
      expect(redacted(text).text).toBe(text);
    },
  );
});

describe("secrets under dotted names: a property's path, a member of a collection of secrets", () => {
  itStores("redacts %j", (text) => redacted(text).text, [
    ["tokens.github=opaque1234abcd", "tokens.github=[REDACTED:secret_param]"],
    ["secrets.db: s3cr3tvalue", "secrets.db: [REDACTED:secret_param]"],
    ["passwords.smtp: hunter2x", "passwords.smtp: [REDACTED:secret_param]"],
    ["app.tokens.slack: xoxb-1234-abcd", "app.tokens.slack: [REDACTED:secret_param]"],
    ["tokens.refresh=abcdef123456", "tokens.refresh=[REDACTED:secret_param]"],
    ["secrets.db=redis://:pw@cache.internal:6379/0", "secrets.db=[REDACTED:secret_param]"],
    ["spring.datasource.password=300s", "spring.datasource.password=[REDACTED:secret_param]"],
    ["auth.password=hunter2", "auth.password=[REDACTED:secret_param]"],
    ["spring.datasource.password=x", "spring.datasource.password=[REDACTED:secret_param]"],
    ["DB.PASSWORD=x", "DB.PASSWORD=[REDACTED:secret_param]"],
  ]);

  it.each(["secrets.count: 3", "tokens.input=123", "usage.tokens.total: 1234", "tokens.prompt=512 tokens.completion=64", "secrets.enabled: true", "secrets.db.host: db.internal",
    "tokens.model: gpt-4o", "tokens.model=claude-3-5-sonnet", "tokens.encoding: cl100k_base", "tokens.host=auth.internal:8443",
    "tokens.cache=redis://cache.internal:6379/0", "secrets.manager: aws", "secrets.region: us-east-1", "secrets.mount: kv",
    "secrets.total=3", "secrets.provider: vault", "Set `tokens.model: gpt-4o` to choose a model.", "secrets.refresh: 300s",
    "secrets.db: db.internal:5432"])(
    "keeps %j",
    (text) => {
      expect(redacted(text).text).toBe(text);
    },
  );
});

describe("assignments with blanks after a shell's export or a word, and to a collection's member by index", () => {
  itStores("redacts %j", (text) => redacted(text).text, [
    ["export PASSWORD = hunter2x9", "export PASSWORD = [REDACTED:secret_param]"],
    ["declare -x DB_PASSWORD = hunter2x9", "declare -x DB_PASSWORD = [REDACTED:secret_param]"],
    ["the password = hunter2x9 was rejected", "the password = [REDACTED:secret_param] was rejected"],
    ["login failed: password = Tr0ub4dor3x.", "login failed: password = [REDACTED:secret_param]"],
    ['secrets["db"]=Zx81kQpL0vN2', 'secrets["db"]=[REDACTED:secret_param]'],
    ["tokens['github'] = ghx81kQpL0vN2", "tokens['github'] = [REDACTED:secret_param]"],
    ["passwords[smtp]=hunter2x9", "passwords[smtp]=[REDACTED:secret_param]"],
    ["keys.stripe=Zx81kQpL0vN2", "keys.stripe=[REDACTED:secret_param]"],
    ["tokens.count=Zx81kQpL0vN2", "tokens.count=[REDACTED:secret_param]"],
    ["tokens.count: Zx81kQpL0vN2", "tokens.count: [REDACTED:secret_param]"],
  ]);

  itKeeps("keeps %j", (text) => redacted(text).text, [
    "the password = wrong",
    "the password is required",
    "export PASSWORD_FILE = /run/secrets/db",
    "WHERE password = $1",
    "SELECT * FROM a JOIN b ON a.token = b.token",
    'cache["db"]=Zx81kQpL0vN2',
    'secrets["total"]=3',
    "keys.id=Zx81kQpL0vN2",
    "keys.count=12",
    "tokens.count=42",
    "tokens.count=~500",
    "tokens.count=unknown",
  ]);
});

describe("a credential pair in an unnamed array after a login word", () => {
  itStores("redacts %j", (text) => redacted(text).text, [
    ['auth ["ana@example.com","hunter2x9"]', 'auth ["[REDACTED:email]","[REDACTED:secret_param]"]'],
    ['login ["ana", "hunter2x9"]', 'login ["ana", "[REDACTED:secret_param]"]'],
    ["AUTH: ['ana','Tr0ub4dor&3']", "AUTH: ['ana','[REDACTED:secret_param]']"],
    ['signin ["ana@example.com", "correct-horse-battery"]', 'signin ["[REDACTED:email]", "[REDACTED:secret_param]"]'],
  ]);

  itKeeps("keeps %j", (text) => redacted(text).text, [
    'auth ["bearer","basic"]',
    'roles ["admin","viewer"]',
    'auth ["ana","********"]',
    'auth ["ana","hunter2x9","extra"]',
    'oauth ["ana","hunter2x9"]',
  ]);
});

describe("an `&` inside a secret's value is the value's, unless the next pair starts after it", () => {
  const policy = defaultRedactionPolicy();
  itStores("%s", (text) => redactString(text, policy).text, [
    ["password: Xk9#mQ&7vLp2wZ", "password: [REDACTED:secret_param]"],
    ["password: Tr0ub4dor&3", "password: [REDACTED:secret_param]"],
    ["DB_PASSWORD=Tr0ub4dor&3 next", "DB_PASSWORD=[REDACTED:secret_param] next"],
    ["https://x.example/login?password=hunter2x9&next=/home", "https://x.example/login?password=[REDACTED:secret_param]&next=/home"],
    ["#access_token=abc123def456&token_type=Bearer", "#access_token=[REDACTED:secret_param]&token_type=Bearer"],
  ]);
});

describe("a `#` inside an unquoted secret's value is the value's; after a blank it starts a comment", () => {
  const policy = defaultRedactionPolicy();
  itStores("%s", (text) => redactString(text, policy).text, [
    ["PASSWORD=Xy7#pq", "PASSWORD=[REDACTED:secret_param]"],
    ["password=Xy7#pq", "password=[REDACTED:secret_param]"],
    ["PASS=Xy7#pq", "PASS=[REDACTED:secret_param]"],
    ["DB_PASSWORD=Xy7#pq # the staging one", "DB_PASSWORD=[REDACTED:secret_param] # the staging one"],
    ["callback?x=1&state=abc#access_token=abc123def456", "callback?x=1&state=abc#access_token=[REDACTED:secret_param]"],
    // In a URL's query a `#` starts the fragment.
    ["https://x.example/geo?token=k9Xq2mPz7Lw4#top", "https://x.example/geo?token=[REDACTED:secret_param]#top"],
  ]);
});
