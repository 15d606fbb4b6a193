/**
 * A password's sentence that is the whole content of a quoted string (a pino or winston line's
 * `msg`, a logfmt `msg="…"`, a single-quoted value, escaped JSON text held in a string): its value
 * ends at the string's closing quote, which stays with what follows. The change's words right
 * after the password's (`changed to`, `set to`, `was reset to`), Unix's `passwd`
 * before them, and the sentences read already (`is`, `lautet`, `changé en`, the pair's `from … to`).
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { expectUnchanged, logfmtMessageForm, proseAndQuotedForms } from "../support/redaction";
import { itKeeps, itStores, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const stored = (text: string) => redactString(text, policy).text;
const R = "[REDACTED:secret_param]";

/** The forms a sentence reaches the store in, and the single-quoted and the escaped JSON string. */
const FORMS: readonly (readonly [string, (text: string) => string])[] = [
  ...proseAndQuotedForms(logfmtMessageForm('" user=bob')),
  ["a single-quoted string", (text) => stored(`msg='${text}'`).slice(5, -1)],
  ["escaped JSON text in a string", (text) => JSON.parse(JSON.parse(stored(JSON.stringify({ body: JSON.stringify({ msg: text }) }))).body).msg as string],
];

const TAKEN: readonly (readonly [string, string])[] = [
  ["password changed to Winter#2025", `password changed to ${R}`],
  ["password set to Winter#2025", `password set to ${R}`],
  ["password was reset to Winter#2025", `password was reset to ${R}`],
  ["password has been updated to Winter#2025", `password has been updated to ${R}`],
  ["Password Changed To Winter#2025", `Password Changed To ${R}`],
  ["PASSWORD SET TO Winter#2025", `PASSWORD SET TO ${R}`],
  ["user 42 changed password to Winter#2025", `user 42 changed password to ${R}`],
  ["password is Winter#2025", `password is ${R}`],
  ["passwd changed to Winter#2025", `passwd changed to ${R}`],
  ["Passwd set to Winter#2025", `Passwd set to ${R}`],
  ["changed passwd to Winter#2025", `changed passwd to ${R}`],
  ["Passwort geändert auf Winter#2025", `Passwort geändert auf ${R}`],
  ["Das Passwort lautet Winter#2025", `Das Passwort lautet ${R}`],
  ["mot de passe changé en Winter#2025", `mot de passe changé en ${R}`],
  ["La contraseña es Verano2024!", `La contraseña es ${R}`],
  ["set password for alice to Winter#2025", `set password for alice to ${R}`],
];

/** Prose about a change holding no password: kept in every form. */
const KEPT = [
  "password changed",
  "password changed successfully",
  "password changed to default policy",
  "password changed to meet policy",
  "password changed to comply with policy",
  "password reset to default",
  "password set to never expire",
  "password set to expire in 90 days",
  "password updated to v2 hashing",
  "password changed to argon2id",
  "password changed to TLS1.2",
  "password changed to env:DB_PASS",
  "password changed to ${DB_PASS}",
  "password changed to [REDACTED]",
  "password replaced by SSO",
  "password replaced with passkey",
  "password replaced with a passkey",
  "password replaced with bcrypt hash",
  "password replaced by Okta",
  "password replaced with TOTP",
  "password replaced by magic-link",
  // Who replaced it: a user's name, no password's strong shape.
  "password replaced by jdoe42",
  "password was replaced by admin.ops",
  "password replaced by ********",
  // A way of signing in with its number.
  "password replaced by OAuth2",
  "password replaced with YubiKey5 keys",
  "password replaced by FIDO2",
  "passwd changed to shadow format",
  "passwd changed to /etc/shadow",
  "passwd set to 0600",
  "passwd database changed to ldap2",
  "passwd changed to nis+",
  "password reset link sent to jdoe42",
  "sent password to jdoe42",
  "password is required",
  "password is too short",
];

describe("a password's sentence as a quoted string's content", () => {
  for (const [form, storedIn] of FORMS) {
    itStores(`${form}: %s is stored %s`, storedIn, TAKEN);
    itKeeps(`${form}: %s stays`, storedIn, KEPT);
  }
});

describe("the known lines", () => {
  itStoresCounting("%j", (text) => redactString(text, policy), { secret_param: 1 }, [
    ['{"msg":"password changed to Winter#2025"}', `{"msg":"password changed to ${R}"}`],
    ['{"level":30,"msg":"password changed to Winter#2025","user":"bob"}', `{"level":30,"msg":"password changed to ${R}","user":"bob"}`],
    ['msg="password changed to Winter#2025" user=bob', `msg="password changed to ${R}" user=bob`],
    ["msg='password changed to Winter#2025'", `msg='${"password changed to " + R}'`],
    ['{"body":"{\\"msg\\":\\"password changed to Winter#2025\\"}"}', `{"body":"{\\"msg\\":\\"password changed to ${R}\\"}"}`],
    ["{'msg': 'password set to Winter#2025', 'user': 'bob'}", `{'msg': 'password set to ${R}', 'user': 'bob'}`],
    ["passwd changed to Winter#2025", `passwd changed to ${R}`],
    ["Passwd changed to Winter#2025", `Passwd changed to ${R}`],
    ['passwd changed to "Winter#2025"', `passwd changed to "${R}"`],
  ]);
  it("takes both values of a pair in single quotes", () => {
    expect(stored("msg='password changed from Old#2024 to Winter#2025'")).toBe(`msg='password changed from ${R} to ${R}'`);
  });
});

describe("look-alikes of the quoted and the new forms", () => {
  it.each([
    '{"msg":"password changed to default policy"}',
    '{"msg":"password changed successfully"}',
    '{"msg":"password changed to meet policy"}',
    'msg="password changed"',
    '{"event":"password_changed","to":"email"}',
    "password replaced by SSO",
    "password replaced with passkey",
    'password replaced by "Windows Hello"',
    "password replaced with 'magic link'",
    'password replaced with "passkey"',
    "password replaced by 'jdoe42'",
    'password replaced with "WebAuthn2"',
    // Who or what replaced it: `replaced by`/`with` is not read.
    "password replaced by JDoe42",
    '{"msg":"password replaced by CORP\\\\jdoe"}',
    "password replaced by root@host",
    "password replaced by Admin1",
    "password replaced by iPhone15",
    "password replaced with Office365",
    "passwd changed to shadow format",
    // `passwd` with no change's words is the command; a quote right after the word's value ends a request line.
    "sudo passwd admin123",
    '{"cmd":"passwd jdoe42"}',
    '"GET /de/konto/passwort HTTP/1.1"',
    "GET /reset/password abc123'",
    "pw updated to iPhone13",
  ])("%j", (text) => {
    expectUnchanged(text);
  });
});

describe("passwd, a word of its own before or after a change's words", () => {
  itStoresCounting("%j", (text) => redactString(text, policy), { secret_param: 1 }, [
    ['changed passwd to "Winter#2025"', `changed passwd to "${R}"`],
    ["set passwd to 'Winter#2025'", `set passwd to '${R}'`],
    ["user bob changed his passwd to 'Winter#2025'", `user bob changed his passwd to '${R}'`],
    ['{"msg":"changed passwd to \\"Winter#2025\\""}', `{"msg":"changed passwd to \\"${R}\\""}`],
    ['Passwd Changed To "Winter#2025"', `Passwd Changed To "${R}"`],
    // A passphrase in lower case is no name service's source.
    ['passwd changed to "correct horse battery"', `passwd changed to "${R}"`],
  ]);
  // A file, a name's part, nsswitch's source, an owner, a package's version, a mode or an expiry's number, quoted or not; a UI's option in title case.
  it.each([
    "/etc/passwd changed to root:root",
    "/etc/passwd changed to Winter#2025",
    "etc/passwd changed to Winter#2025",
    "passwd.db changed to Winter#2025",
    "-passwd changed to Winter#2025",
    "_passwd changed to Winter#2025",
    "nsswitch: passwd changed to files:sss",
    "passwd changed to root:root",
    'passwd changed to "root:root"',
    "passwd changed to files:sss",
    "passwd updated to 1:4.8.1-2ubuntu2.1",
    "passwd changed to yescrypt:5",
    "passwd changed to SHA512-crypt",
    'passwd changed to "files systemd"',
    'passwd set to "0600"',
    'passwd set to "99999"',
    'passwd set to "-1"',
    'passwd set to "!!"',
    "passwd set to -1",
    'Passwd Changed To "Never Expire"',
    'PASSWD SET TO "Never Expire"',
    'Passwd Set To "Expire Now"',
    'passwd to "Winter#2025"',
    'passwd changed to "files sss"',
    "passwd changed to compat",
    "nsswitch: passwd changed to Winter#2025",
    "/etc/nsswitch.conf: passwd changed to Winter#2025",
  ])("%j", (text) => {
    expectUnchanged(text);
  });
  // nsswitch elsewhere on the line does not make passwd its database's label.
  itStoresCounting("%j", (text) => redactString(text, policy), { secret_param: 1 }, [
    ['{"host":"nsswitch-test-01","msg":"user bob passwd changed to Winter#2025"}', `{"host":"nsswitch-test-01","msg":"user bob passwd changed to ${R}"}`],
    ["nsswitch reload ok; passwd changed to Winter#2025", `nsswitch reload ok; passwd changed to ${R}`],
    ['{"file":"/etc/nsswitch.conf","msg":"passwd changed to Winter#2025"}', `{"file":"/etc/nsswitch.conf","msg":"passwd changed to ${R}"}`],
  ]);
});

describe("a quote inside the value is the value's, a closing one ends it", () => {
  itStoresCounting("%j", (text) => redactString(text, policy), { secret_param: 1 }, [
    // A value's own quote before a symbol ends it, as a closing one does: the tail stays.
    ["password is Summer#24'-x9", `password is ${R}'-x9`],
    ['{"msg":"password changed to Winter#\\"2025"}', `{"msg":"password changed to ${R}"}`],
    ['password is Winter#2025"x', `password is ${R}`],
    ["He said 'password is Hunter2x!'", `He said 'password is ${R}'`],
    ['<p>password is Hunter2x!"</p>', `<p>password is ${R}"</p>`],
    ['<log msg="password changed to Winter#2025"/>', `<log msg="password changed to ${R}"/>`],
    ['{"msg":"password changed to Winter#2025\\""}', `{"msg":"password changed to ${R}\\""}`],
    ['{"msg":"password for alice changed to \\"correct horse battery\\""}', `{"msg":"password for alice changed to \\"${R}\\""}`],
    // A closing quote before any symbol ends the value: the fields after it stay.
    ['"password is Winter#2025"|"bob"|"10.0.0.1"', `"password is ${R}"|"bob"|"10.0.0.1"`],
    ['msg="password is Winter#2025"|user=bob', `msg="password is ${R}"|user=bob`],
    ['msg="password is Winter#2025"&user=bob', `msg="password is ${R}"&user=bob`],
    ['"password changed to Winter#2025"|"Bob Smith"', `"password changed to ${R}"|"Bob Smith"`],
    ['"2026-01-01"|"password changed to Winter#2025"|"bob"', `"2026-01-01"|"password changed to ${R}"|"bob"`],
    ['a="password changed to Winter#2025"-b', `a="password changed to ${R}"-b`],
    ['("password is Winter#2025"%user)', `("password is ${R}"%user)`],
    ['"password is Winter#2025"+"x"', `"password is ${R}"+"x"`],
    ["msg='password set to Winter#2025'=x", `msg='password set to ${R}'=x`],
    ['{"msg":"password changed to Winter#2025\\"@host"}', `{"msg":"password changed to ${R}\\"@host"}`],
  ]);
  it("takes a pair's new value with a quote inside", () => {
    expect(stored("password changed from Old#2024 to Winter#'2025")).toBe(`password changed from ${R} to ${R}`);
  });
  // An apostrophe between letters is a word's (`Alice's`): the value stays whole, as before.
  it.each(["the password is Alice's", "password is bob's"])("%j", (text) => {
    expectUnchanged(text);
  });
});

describe("a password set for an account `to` a value, before another field", () => {
  /** The wraps a log line gives the sentence, each with a next field holding a user's name that stays. */
  const WRAPS: readonly (readonly [string, (sentence: string) => string])[] = [
    ["single-quoted logfmt", (sentence) => `msg='${sentence}' user='bob'`],
    ["double-quoted logfmt", (sentence) => `msg="${sentence}" user="bob"`],
    ["JSON", (sentence) => JSON.stringify({ msg: sentence, user: "bob" })],
    ["JSON text in a JSON string", (sentence) => JSON.stringify({ body: JSON.stringify({ msg: sentence, user: "bob" }) })],
    ["unquoted, a quoted field after", (sentence) => `${sentence} user='bob'`],
    ["unquoted, a bare field after", (sentence) => `${sentence} user=bob`],
    ["|-separated quoted fields", (sentence) => `'${sentence}'|'bob'`],
    ["|-separated, a quoted field after", (sentence) => `${sentence} | user='bob'`],
  ];
  // Prose, no MySQL statement: the value after `to` goes whole, the next field's user stays.
  const SET: readonly (readonly [string, string])[] = [
    ["set password for alice to Xk9#mPq2", `set password for alice to ${R}`],
    ["Set Password for alice to Xk9#mPq2", `Set Password for alice to ${R}`],
    ["SET PASSWORD FOR alice TO Xk9#mPq2", `SET PASSWORD FOR alice TO ${R}`],
    ["set the password for alice to Xk9#mPq2", `set the password for alice to ${R}`],
    ["set password of alice to Xk9#mPq2", `set password of alice to ${R}`],
    ["Set Password for bob@example.com to Xk9#mPq2", `Set Password for [REDACTED:email] to ${R}`],
  ];
  // What the change's words keep after `to` (`password changed to expire`) stays here too.
  const KEPT_SET = ["set password for alice to expire", "set password for alice to never expire", "set password for alice to default"];
  for (const [form, wrap] of WRAPS) {
    itStores(`${form}: %s is stored %s`, (sentence) => stored(wrap(sentence)), SET.map(([sentence, expected]) => [sentence, wrap(expected)] as const));
    itStores(`${form}: %s stays as %s`, (sentence) => stored(wrap(sentence)), KEPT_SET.map((sentence) => [sentence, wrap(sentence)] as const));
  }
  itStoresCounting("%j", (text) => redactString(text, policy), { secret_param: 1 }, [
    ["msg='set password for alice to X#secret99' user='bob'", `msg='set password for alice to ${R}' user='bob'`],
    ["set password for alice to 'X#secret99' user='bob'", `set password for alice to '${R}' user='bob'`],
    ["msg='set password for bob's account to X#secret99' user='bob'", `msg='set password for bob's account to ${R}' user='bob'`],
  ]);
  // MySQL's statement reads its account as before, a comment holding `to` too.
  itStoresCounting("%j", (text) => redactString(text, policy), { secret_param: 1 }, [
    ["SET PASSWORD FOR ''@'localhost' = 'Secret#123'", `SET PASSWORD FOR ''@'localhost' = '${R}'`],
    ["SET PASSWORD FOR 'bob'@'' = 'Secret#123'", `SET PASSWORD FOR 'bob'@'' = '${R}'`],
    ["SET PASSWORD FOR app@10.0.0.0/255.0.0.0 = 'Secret#123'", `SET PASSWORD FOR app@10.0.0.0/255.0.0.0 = '${R}'`],
    ["SET PASSWORD FOR josé@localhost = 'Secret#123'", `SET PASSWORD FOR josé@localhost = '${R}'`],
    ["SET PASSWORD FOR ${user} = 'Secret#123'", `SET PASSWORD FOR \${user} = '${R}'`],
    ["SET PASSWORD FOR {{ user }}@'%' = 'Secret#123'", `SET PASSWORD FOR {{ user }}@'%' = '${R}'`],
    ["SET PASSWORD FOR ? = 'Secret#123'", `SET PASSWORD FOR ? = '${R}'`],
    ["SET PASSWORD FOR 'bob'@'%' = PASSWORD('s3cr3t')", `SET PASSWORD FOR 'bob'@'%' = PASSWORD('${R}')`],
    ["SET PASSWORD FOR 'bob'@'%' /** to **/ = 'Secret#123'", `SET PASSWORD FOR 'bob'@'%' /** to **/ = '${R}'`],
    ["SET PASSWORD FOR /* migrate to v2 */ 'bob'@'%' = 'Secret#123'", `SET PASSWORD FOR /* migrate to v2 */ 'bob'@'%' = '${R}'`],
    ["SET PASSWORD FOR 'bob'@'%' /* a */ /* to */ = 'Secret#123'", `SET PASSWORD FOR 'bob'@'%' /* a */ /* to */ = '${R}'`],
    ["SET PASSWORD FOR 'bob'@'%' /* rotated to = 'Secret#123'", `SET PASSWORD FOR 'bob'@'%' /* rotated to = '${R}'`],
    ["SET PASSWORD FOR 'bob'@'%' -- rotated to v2 = 'Secret#123'", `SET PASSWORD FOR 'bob'@'%' -- rotated to v2 = '${R}'`],
    ["SET PASSWORD FOR 'to'@'%' = 'Secret#123'", `SET PASSWORD FOR 'to'@'%' = '${R}'`],
    ["SET PASSWORD = 'Secret#123'", `SET PASSWORD = '${R}'`],
  ]);
});

describe("SET PASSWORD FOR's account reads a quoted part whole, and no prose past its field's closing quote", () => {
  /** The wraps a log line gives a text, and a next member or field holding `name` = `value`. */
  const wraps = (name: string, value: string): readonly (readonly [string, (text: string) => string])[] => [
    ["single-quoted logfmt", (text) => `msg='${text}' ${name}='${value}'`],
    ["double-quoted logfmt", (text) => `msg="${text}" ${name}="${value}"`],
    ["compact JSON", (text) => JSON.stringify({ msg: text, [name]: value })],
    ['JSON with ": " separators', (text) => JSON.stringify({ msg: text, [name]: value }, null, 1).replace(/\n ?/g, " ")],
    ["a dict's repr", (text) => `{'msg': '${text}', '${name}': '${value}'}`],
    ["JSON text in a JSON string", (text) => JSON.stringify({ body: JSON.stringify({ msg: text, [name]: value }) })],
  ];
  // A quoted account holding ` to ` is still the statement's (backquotes too): its password goes.
  const STATEMENTS = [
    "SET PASSWORD FOR `a to b`@`%` = 'S3cr3t#pw'",
    "SET PASSWORD FOR \"a to b\"@'%' = 'S3cr3t#pw'",
    "SET PASSWORD FOR 'a to b'@'%' = 'S3cr3t#pw'",
    "SET PASSWORD FOR 'a to b'@'%' = '*94BDCEBE19083CE2A1F959FD02F964C7AF4CFC29'",
  ];
  itStoresCounting("%j", (text) => redactString(text, policy), { secret_param: 1 }, STATEMENTS.map((text) => [text, text.replace(/= '.*'$/, `= '${R}'`)] as const));
  itStores("in double-quoted logfmt, %j is stored %j", (text) => stored(`query="${text}" user=bob`), STATEMENTS.map((text) => [text, `query="${text.replace(/= '.*'$/, `= '${R}'`)}" user=bob`] as const));
  it.each(STATEMENTS)("%j in JSON and in JSON text in a JSON string: the password goes, the user stays", (text) => {
    const json = JSON.stringify({ stmt: text, user: "bob" });
    for (const wrapped of [json, JSON.stringify({ body: json })]) {
      const out = stored(wrapped);
      expect(out).not.toContain(text.slice(text.indexOf("= '") + 3, -1));
      expect(out).toContain("bob");
    }
  });
  // A sentence holding no blank-separated `to`, or no value: the next member stays, its value too.
  const NEXT: readonly (readonly [string, string, string])[] = [
    ["set password for alice to: X#secret99", "user", "bob"],
    ["set password for alice: X#secret99", "user", "bob"],
    ["failed to set password for alice: policy", "trace_id", "4bf92f3577b34da6a3ce929d0e0e4736"],
    ["set password for alice", "version", "1.2.3"],
    ["set password for alice", "host", "db-01.internal"],
    ["set password for alice", "id", "12345"],
    ["set password for alice to X#secret99", "user", "bob"],
    ["set password for alice to X#secret99", "trace_id", "4bf92f3577b34da6a3ce929d0e0e4736"],
    ["set password for alice to X#secret99", "version", "1.2.3"],
    ["set password for alice to X#secret99", "host", "db-01.internal"],
    ["password for alice changed to X#secret99", "user", "bob"],
    ["password for alice changed", "trace_id", "4bf92f3577b34da6a3ce929d0e0e4736"],
  ];
  for (const [sentence, name, value] of NEXT) {
    it.each(wraps(name, value))(`%s: ${JSON.stringify(sentence)} keeps ${name}=${value}, no password stays`, (_form, wrap) => {
      const out = stored(wrap(sentence));
      expect(out).toContain(value);
      expect(out).not.toContain("X#secret99");
    });
  }
  // `password for alice: X` is read as the prose reads it unquoted: its value goes.
  itStores("%j is stored %j", stored, [
    ['msg="set password for alice: X#secret99" user="bob"', `msg="set password for alice: ${R}" user="bob"`],
    ["set password for alice: X#secret99 user=bob", `set password for alice: ${R} user=bob`],
    ['{"msg": "set password for alice", "user": "bob"}', '{"msg": "set password for alice", "user": "bob"}'],
    ['msg: "set password for alice to X#secret99", user: "bob"', `msg: "set password for alice to ${R}", user: "bob"`],
    ['{"a": {"msg": "password for alice"}, "user": "bob"}', '{"a": {"msg": "password for alice"}, "user": "bob"}'],
    // A value to the rest of the line ends at the single quote closing its field, which stays.
    ["msg='set password for alice: X#secret99' user='bob'", `msg='set password for alice: ${R}' user='bob'`],
    ["{'msg': 'password for alice: X#secret99', 'user': 'bob'}", `{'msg': 'password for alice: ${R}', 'user': 'bob'}`],
    ["msg='passphrase=correct horse battery staple' user='bob'", `msg='passphrase=${R}' user='bob'`],
    ["msg='password for alice: X#secret99'", `msg='password for alice: ${R}'`],
    ["Password for bob: it's mine, 42", `Password for bob: ${R}`],
  ]);
});

describe("a prompt's whom past a quote and a comma, a quote that closes no field, a doubled or spaced quoted account", () => {
  // A comma after a quote before words, or before a key whose value is bare prose, starts no next member: the value goes.
  itStores("%j is stored %j", stored, [
    ['Password for user "bob", host db1: S3cret#1', `Password for user "bob", host db1: ${R}`],
    ["Enter password for 'root'@'localhost', attempt 2: S3cret#1", `Enter password for 'root'@'localhost', attempt 2: ${R}`],
    ['Password for "alice", retry 2: S3cret#1', `Password for "alice", retry 2: ${R}`],
    ["Password for the 'prod', 'staging' and 'dev' dbs: S3cret#1", `Password for the 'prod', 'staging' and 'dev' dbs: ${R}`],
    ['API key for "stripe", env prod: abcd1234efgh5678', `API key for "stripe", env prod: ${R}`],
    ["Token for 'ci', repo x: ghp_abcd1234efgh5678ijkl", `Token for 'ci', repo x: ${R}`],
    ["PIN for card 'visa', slot 2: 4821", `PIN for card 'visa', slot 2: ${R}`],
    ["pass phrase for 'key1', slot 1: correct horse battery", `pass phrase for 'key1', slot 1: ${R}`],
    ["Password for 'alice', 'bob': S3cret#1", `Password for 'alice', 'bob': ${R}`],
    ['msg=\'Password for user "bob", host db1: S3cret#1\' user=\'bob\'', `msg='Password for user "bob", host db1: ${R}' user='bob'`],
  ]);
  // A single quote that closes no field opened before the sentence is the value's.
  itStores("%j is stored %j", stored, [
    ["Password for bob: x7',Qz9#k", `Password for bob: ${R}`],
    ["Password for bob: ab']cd#9", `Password for bob: ${R}`],
    ["Password for bob: abc'}def", `Password for bob: ${R}`],
    ["passphrase=my dogs', cats and birds", `passphrase=${R}`],
    ["passphrase=x7',Qz9#k", `passphrase=${R}`],
    ["pass phrase: it's', mine", `pass phrase: ${R}`],
    ["Password for bob: O'Neil', 1985", `Password for bob: ${R}`],
    // In a field, the quote closing it is the last one before a field's end.
    ["msg='Password for bob: x7',Qz9#k' user='bob'", `msg='Password for bob: ${R}' user='bob'`],
    ["{'msg': 'passphrase=my dogs', cats and birds', 'user': 'bob'}", `{'msg': 'passphrase=${R}', 'user': 'bob'}`],
  ]);
  // A quoted account part with doubled quotes, or any blank but a line break before the `=`, is the statement's.
  const ACCOUNTS = [
    `"SET PASSWORD FOR ""bob""@""%"" = 'S3cr3t#pw'",1,2`,
    "SET PASSWORD FOR 'bob'@'%'\u00a0= 'S3cr3t#pw'",
    "SET PASSWORD FOR 'bob'@'%'\u3000= 'S3cr3t#pw'",
    "SET PASSWORD FOR 'bob'@'%'\f= 'S3cr3t#pw'",
    "SET PASSWORD FOR 'bob'@'%'\v= 'S3cr3t#pw'",
    "SET PASSWORD FOR 'bob'@'%'\r= 'S3cr3t#pw'",
    "SET PASSWORD FOR 'o''brien'@'%' = 'S3cr3t#pw'",
    "SET PASSWORD FOR 'bob'@'%'.x = 'S3cr3t#pw'",
  ];
  itStores("%j is stored %j", stored, ACCOUNTS.map((text) => [text, text.replace("S3cr3t#pw", R)] as const));
  it("a CSV cell's doubled quotes escaped in a JSON string: the password goes", () => {
    expect(stored(JSON.stringify({ msg: ACCOUNTS[0], user: "bob" }))).not.toContain("S3cr3t#pw");
  });
});
