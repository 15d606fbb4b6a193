/**
 * Redis commands carrying a password, as client instrumentations write them (go-redis's
 * redisotel: the command and its arguments; one command a line for a pipeline): the password
 * goes, the command word, keywords, user name and server stay; prose about auth stays.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { redactionPolicy, storedLogAttributes } from "../support/redaction";
import { itKeeps, itStores } from "../support/redaction-cases";

const redact = (text: string) => redactString(text, defaultRedactionPolicy());
const SHA256 = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";

describe("Redis commands with passwords", () => {
  it.each([
    ["AUTH hunter2redispw", "AUTH [REDACTED:secret]"],
    ["auth default R3disP4ssw0rd", "auth default [REDACTED:secret]"],
    ["AUTH app foobared", "AUTH app [REDACTED:secret]"],
    ["auth default foobared", "auth default [REDACTED:secret]"],
    ["HELLO 3 AUTH default R3disP4ssw0rd SETNAME app", "HELLO 3 AUTH default [REDACTED:secret] SETNAME app"],
    ["hello 3 auth default R3disP4ssw0rd", "hello 3 auth default [REDACTED:secret]"],
    ["CONFIG SET requirepass N3wR3disPw", "CONFIG SET requirepass [REDACTED:secret]"],
    ["config set masterauth N3wR3disPw", "config set masterauth [REDACTED:secret]"],
    ["CONFIG SET maxmemory 1gb requirepass N3wR3disPw", "CONFIG SET maxmemory 1gb requirepass [REDACTED:secret]"],
    ["MIGRATE 10.0.0.9 6379 key 0 5000 AUTH s3cretPW", "MIGRATE 10.0.0.9 6379 key 0 5000 AUTH [REDACTED:secret]"],
    ["MIGRATE 10.0.0.9 6379 key 0 5000 AUTH2 default s3cretPW", "MIGRATE 10.0.0.9 6379 key 0 5000 AUTH2 default [REDACTED:secret]"],
    ["ACL SETUSER app on >Str0ngAclPw ~* +@all", "ACL SETUSER app on >[REDACTED:secret] ~* +@all"],
    ["acl setuser app <0ldPw", "acl setuser app <[REDACTED:secret]"],
    [`ACL SETUSER app on #${SHA256} ~*`, "ACL SETUSER app on #[REDACTED:secret] ~*"],
    [`ACL SETUSER app !${SHA256}`, "ACL SETUSER app ![REDACTED:secret]"],
    ["  AUTH hunter2redispw\r", "  AUTH [REDACTED:secret]\r"],
    ["            AUTH hunter2redispw", "            AUTH [REDACTED:secret]"],
    ["AUTH default p@ssw0rd", "AUTH default [REDACTED:secret]"],
    ['AUTH "s3cr3t P4ss"', 'AUTH "[REDACTED:secret]"'],
    ["AUTH 's3cr3t P4ss'", "AUTH '[REDACTED:secret]'"],
    ['AUTH "default" "s3cr3t P4ss"', 'AUTH "default" "[REDACTED:secret]"'],
    ['AUTH "s3cr3t \\" P4ss"', 'AUTH "[REDACTED:secret]"'],
    ['CONFIG SET requirepass "N3w R3dis Pw"', 'CONFIG SET requirepass "[REDACTED:secret]"'],
    ['ACL SETUSER app on ">Str0ng Acl Pw" ~*', 'ACL SETUSER app on ">[REDACTED:secret]" ~*'],
    ["AUTH app-7 Xk9-2vQ", "AUTH app-7 [REDACTED:secret]"],
    // A command read in any case, as Redis reads it; a capitalised `Auth` with a user and a password.
    ["Auth default s3cr3tP4ss", "Auth default [REDACTED:secret]"],
    ["Config set requirepass N3wR3disPw", "Config set requirepass [REDACTED:secret]"],
    // After redis-cli's prompt, and the `redis>` of Redis's documentation.
    ["127.0.0.1:6379> AUTH s3cr3tP4ss", "127.0.0.1:6379> AUTH [REDACTED:secret]"],
    ["127.0.0.1:6379> AUTH pw", "127.0.0.1:6379> AUTH [REDACTED:secret]"],
    ["redis> AUTH s3cr3tP4ss", "redis> AUTH [REDACTED:secret]"],
    ["127.0.0.1:6379[2]> CONFIG SET requirepass N3wR3disPw", "127.0.0.1:6379[2]> CONFIG SET requirepass [REDACTED:secret]"],
    ["127.0.0.1:6379(TX)> acl setuser app on >Str0ngAclPw", "127.0.0.1:6379(TX)> acl setuser app on >[REDACTED:secret]"],
    ["redis 127.0.0.1:6379> auth default foobared", "redis 127.0.0.1:6379> auth default [REDACTED:secret]"],
    ["redis /tmp/redis.sock> AUTH s3cr3tP4ss", "redis /tmp/redis.sock> AUTH [REDACTED:secret]"],
    // ioredis' debug line: `write command[…]: <db> -> <name>(<arguments as util.inspect prints them>)`.
    [
      "ioredis:redis write command[10.0.0.1:6379]: 0 -> auth([ 's3cr3tP4ss' ])",
      "ioredis:redis write command[10.0.0.1:6379]: 0 -> auth([ '[REDACTED:secret]' ])",
    ],
    ["redis write command[10.0.0.1:6379]: 0 -> auth([ 's3cr3tP4ss', [length]: 1 ])", "redis write command[10.0.0.1:6379]: 0 -> auth([ '[REDACTED:secret]', [length]: 1 ])"],
    ["ioredis:redis write command[10.0.0.1:6379]: 0 -> auth([ 'default', 'foobared' ])", "ioredis:redis write command[10.0.0.1:6379]: 0 -> auth([ 'default', '[REDACTED:secret]' ])"],
    ["ioredis:redis write command[10.0.0.1:6379]: 0 -> hello([ '3', 'AUTH', 'default', 's3cr3tP4ss' ])", "ioredis:redis write command[10.0.0.1:6379]: 0 -> hello([ '3', 'AUTH', 'default', '[REDACTED:secret]' ])"],
    // MONITOR: the time, the database and client, each argument quoted.
    ['1700000000.123 [0 10.0.0.1:6379] "AUTH" "s3cr3tP4ss"', '1700000000.123 [0 10.0.0.1:6379] "AUTH" "[REDACTED:secret]"'],
    ['1700000000.123456 [0 unix:/tmp/redis.sock] "auth" "default" "foobared"', '1700000000.123456 [0 unix:/tmp/redis.sock] "auth" "default" "[REDACTED:secret]"'],
    ['1700000000.123456 [0 lua] "config" "set" "masterauth" "N3wR3disPw"', '1700000000.123456 [0 lua] "config" "set" "masterauth" "[REDACTED:secret]"'],
    // An array of arguments, as JSON or util.inspect print node-redis' and ioredis' commands.
    ['["AUTH","s3cr3tP4ss"]', '["AUTH","[REDACTED:secret]"]'],
    ["[ 'auth', 'default', 's3cr3tP4ss' ]", "[ 'auth', 'default', '[REDACTED:secret]' ]"],
    ['{"args":["HELLO","3","AUTH","default","s3cr3tP4ss"]}', '{"args":["HELLO","3","AUTH","default","[REDACTED:secret]"]}'],
    // Inside a JSON string, up to its end.
    ['{"command":"AUTH s3cr3tP4ss"}', '{"command":"AUTH [REDACTED:secret]"}'],
    ['{"db.statement":"MIGRATE 10.0.0.9 6379 k 0 5000 AUTH s3cretPW","ok":true}', '{"db.statement":"MIGRATE 10.0.0.9 6379 k 0 5000 AUTH [REDACTED:secret]","ok":true}'],
    ['{"command":"AUTH \\"default\\" \\"s3cr3t P4ss\\"","ok":true}', '{"command":"AUTH \\"default\\" \\"[REDACTED:secret]\\"","ok":true}'],
    ['log: {\\"command\\":\\"AUTH s3cr3tP4ss\\"}', 'log: {\\"command\\":\\"AUTH [REDACTED:secret]\\"}'],
    // After a `;`, to the next.
    ["ok; AUTH s3cr3tP4ss", "ok; AUTH [REDACTED:secret]"],
    ["ok; AUTH pw9x; GET k", "ok; AUTH [REDACTED:secret]; GET k"],
    ["x; CONFIG SET requirepass N3w;Pw", "x; CONFIG SET requirepass [REDACTED:secret]"],
    ['ok; AUTH "s3cr3t P4ss"; GET k', 'ok; AUTH "[REDACTED:secret]"; GET k'],
    ['{"msg":"ok; AUTH s3cr3tP4ss"}', '{"msg":"ok; AUTH [REDACTED:secret]"}'],
    // A JSON string's line (its `\n` read as a line break) ends at the string's closing quote.
    ['{"msg":"x\\nAUTH s3cr3tP4ss"}', '{"msg":"x\\nAUTH [REDACTED:secret]"}'],
    ['{"msg":"x\\n127.0.0.1:6379> AUTH default pa\\"ss","ok":true}', '{"msg":"x\\n127.0.0.1:6379> AUTH default [REDACTED:secret]","ok":true}'],
    ['AUTH pa"ss', "AUTH [REDACTED:secret]"],
    [JSON.stringify(JSON.stringify({ msg: "ok; AUTH s3cr3tP4ss" })), JSON.stringify(JSON.stringify({ msg: "ok; AUTH [REDACTED:secret]" }))],
    // RESP, the protocol's text.
    ["*2\r\n$4\r\nAUTH\r\n$10\r\ns3cr3tP4ss\r\n", "*2\r\n$4\r\nAUTH\r\n$10\r\n[REDACTED:secret]\r\n"],
    ["*3\r\n$4\r\nauth\r\n$7\r\ndefault\r\n$8\r\nfoobared\r\n", "*3\r\n$4\r\nauth\r\n$7\r\ndefault\r\n$8\r\n[REDACTED:secret]\r\n"],
    ["*2\r\n$4\r\nAUTH\r\n$10\r\ns3cr3tP4ss", "*2\r\n$4\r\nAUTH\r\n$10\r\n[REDACTED:secret]"],
    ["*2\r\n$4\r\nAUTH\r\n$10\r\ns3cr3tP4", "*2\r\n$4\r\nAUTH\r\n$10\r\n[REDACTED:secret]"],
    // In prose, `AUTH` and a credential-shaped word.
    ["sent AUTH s3cr3tP4ss to redis", "sent AUTH [REDACTED:secret] to redis"],
    ["sent AUTH default s3cr3tP4ss, then GET", "sent AUTH default [REDACTED:secret], then GET"],
    ["login AUTH hunter2redispw", "login AUTH [REDACTED:secret]"],
  ])("replaces the password: %s", (text, stored) => {
    const result = redact(text);
    expect(result.text).toBe(stored);
    expect(result.counts).toEqual({ secret: 1 });
  });

  it("reads each command of a pipeline, one a line, and scans the rest of a line again", () => {
    expect(redact("get k\nauth default pw9x\nset a b").text).toBe("get k\nauth default [REDACTED:secret]\nset a b");
    const migrate = redact('MIGRATE 10.0.0.9 6379 "" 0 5000 COPY AUTH2 default s3cretPW KEYS user:ana@example.com k2');
    expect(migrate.text).toBe('MIGRATE 10.0.0.9 6379 "" 0 5000 COPY AUTH2 default [REDACTED:secret] KEYS user:[REDACTED:email] k2');
    expect(migrate.counts).toEqual({ secret: 1, email: 1 });
  });

  it("ends a command at a sentence's end, its mark kept, and a password's own `!` with it", () => {
    expect(redact("AUTH hunter2redispw. Next").text).toBe("AUTH [REDACTED:secret]. Next");
    // `!` and `?` are a password's punctuation as often as a sentence's: they go with it.
    expect(redact("CONFIG SET requirepass N3wR3disPw! Done").text).toBe("CONFIG SET requirepass [REDACTED:secret] Done");
    expect(redact('AUTH "s3cr3t P4ss". Next').text).toBe('AUTH "[REDACTED:secret]". Next');
    expect(redact('AUTH "s3cr3t P4ss".').text).toBe('AUTH "[REDACTED:secret]".');
  });

  it.each([
    "auth failed for user bob",
    "auth denied",
    "auth user bob",
    "Auth s3cretlooking",
    "AUTH ?",
    "AUTH ********",
    "AUTH ${REDIS_PASSWORD}",
    "AUTH [1 other arguments]",
    "AUTH [REDACTED:secret]",
    "hello world",
    "HELLO 3 SETNAME app",
    "config set stuff",
    "CONFIG SET maxmemory 1gb",
    "CONFIG GET requirepass",
    "MIGRATE 10.0.0.9 6379 key 0 5000 REPLACE",
    "ACL SETUSER app on ~* +@all",
    "ACL SETUSER app #notahash",
    "GET session:42",
    'AUTH ""',
    'CONFIG SET requirepass ""',
    'AUTH "OK"',
    "auth {\"scheme\":\"bearer\",\"required\":true}",
    "AUTH {\"scheme\":\"bearer\",\"required\":true}",
    "auth {\"ok\":true}",
    "auth [\"bearer\",\"basic\"]",
    "auth 10.0.0.5",
    "auth 10.0.0.5:6379",
    "auth ana@10.0.0.5",
    "auth tenant-42",
    "auth /v1/login",
    "AUTH OK",
    "AUTH OK user=42",
    "AUTH OK {\"user\":42}",
    "AUTH success",
    "AUTH called",
    "AUTH 200",
    "AUTH LOGIN",
    "AUTH PLAIN failed",
    "auth /login 401",
    "auth 401 Unauthorized",
    "AUTH b1f8e2c4-3d5a-4e6f-8a9b-0c1d2e3f4a5b ok",
    // Look-alikes of the forms a command is read in anywhere.
    "sent auth request to idp",
    "sent AUTH request to idp",
    "the AUTH command failed",
    "got AUTH 5f2b9c1a8e from cache",
    "AUTH failed: WRONGPASS invalid username-password pair",
    "+OK",
    "Auth s3cretlooking",
    "Auth user bob",
    "127.0.0.1:6379> AUTH OK",
    "127.0.0.1:6379> GET session:42",
    "ok; auth denied",
    '{"features":["auth","billing"]}',
    '["auth","profile"]',
    '{"step":"auth 10.0.0.5:6379"}',
    '"auth" => "ldap"',
    '{"c":"auth \\"bearer\\""}',
    "ioredis:redis write command[10.0.0.1:6379]: 0 -> get([ 'session:42' ])",
    '1700000000.123456 [0 10.0.0.1:6379] "GET" "session:42"',
    "*2\r\n$3\r\nGET\r\n$10\r\nsession:42\r\n",
    "*2\r\n$4\r\nAUTH\r\n$3\r\ns3cr3tP4ss\r\n",
    "AUTH [1 other arguments]",
  ])("keeps prose, placeholders and commands without a password: %s", (text) => {
    const result = redact(text);
    expect(result.text).toBe(text);
    expect(result.counts).toEqual({});
  });
});

describe("several Redis commands on one line", () => {
  // How logs and instrumentations join commands: `;` (with or without blanks, on either side),
  // `|`, a redis-cli session's prompts, MONITOR's quoted commands, a MULTI/EXEC pipeline. Each
  // command's passwords go; the next command's word is never read as an argument.
  itStores("%s", (text) => redact(text).text, [
    ["x; AUTH pw1 ;AUTH pw2", "x; AUTH [REDACTED:secret] ;AUTH [REDACTED:secret]"],
    ["AUTH pw1 ;AUTH pw2", "AUTH [REDACTED:secret] ;AUTH [REDACTED:secret]"],
    ["AUTH pw1;AUTH pw2", "AUTH [REDACTED:secret];AUTH [REDACTED:secret]"],
    ["x;AUTH pw1;AUTH pw2", "x;AUTH [REDACTED:secret];AUTH [REDACTED:secret]"],
    ["AUTH ;AUTH pw", "AUTH ;AUTH [REDACTED:secret]"],
    ["AUTH pw1 | AUTH pw2", "AUTH [REDACTED:secret] | AUTH [REDACTED:secret]"],
    ["GET k|AUTH pw", "GET k|AUTH [REDACTED:secret]"],
    ["MULTI | AUTH u pw1 | EXEC", "MULTI | AUTH u [REDACTED:secret] | EXEC"],
    ["MULTI; AUTH pw1; EXEC", "MULTI; AUTH [REDACTED:secret]; EXEC"],
    ["127.0.0.1:6379> AUTH pw1 ;AUTH pw2", "127.0.0.1:6379> AUTH [REDACTED:secret] ;AUTH [REDACTED:secret]"],
    [
      "127.0.0.1:6379> AUTH u pw1 127.0.0.1:6379> CONFIG SET requirepass pw2 redis> AUTH pw3",
      "127.0.0.1:6379> AUTH u [REDACTED:secret] 127.0.0.1:6379> CONFIG SET requirepass [REDACTED:secret] redis> AUTH [REDACTED:secret]",
    ],
    ['"AUTH" "pw1";"AUTH" "pw2"', '"AUTH" "[REDACTED:secret]";"AUTH" "[REDACTED:secret]"'],
    ['"AUTH" "pw1" | "AUTH" "u" "pw2"', '"AUTH" "[REDACTED:secret]" | "AUTH" "u" "[REDACTED:secret]"'],
    ['1700000000.123456 [0 10.0.0.1:6379] "AUTH" "pw1" ; "AUTH" "pw2"', '1700000000.123456 [0 10.0.0.1:6379] "AUTH" "[REDACTED:secret]" ; "AUTH" "[REDACTED:secret]"'],
    ["[ioredis] AUTH default pw1 | [ioredis] AUTH default pw2", "[ioredis] AUTH default [REDACTED:secret] | [ioredis] AUTH default [REDACTED:secret]"],
    ["CONFIG SET requirepass x ;CONFIG SET requirepass y", "CONFIG SET requirepass [REDACTED:secret] ;CONFIG SET requirepass [REDACTED:secret]"],
    ["ACL SETUSER u on >pw;ACL SETUSER v on >pw2", "ACL SETUSER u on >[REDACTED:secret];ACL SETUSER v on >[REDACTED:secret]"],
    ["AUTH pw1 ;acl setuser v on >pw2", "AUTH [REDACTED:secret] ;acl setuser v on >[REDACTED:secret]"],
    ["HELLO 3 AUTH user pw ;HELLO 3 AUTH user pw2", "HELLO 3 AUTH user [REDACTED:secret] ;HELLO 3 AUTH user [REDACTED:secret]"],
    ["HELLO 3 AUTH u pw1 | AUTH pw2", "HELLO 3 AUTH u [REDACTED:secret] | AUTH [REDACTED:secret]"],
    ["MIGRATE h 6379 k 0 5000 AUTH2 user pw2 ;AUTH pw3", "MIGRATE h 6379 k 0 5000 AUTH2 user [REDACTED:secret] ;AUTH [REDACTED:secret]"],
    ['{"msg":"AUTH pw1;AUTH pw2"}', '{"msg":"AUTH [REDACTED:secret];AUTH [REDACTED:secret]"}'],
    ['{"msg":"ok | AUTH pw1 | AUTH u pw2"}', '{"msg":"ok | AUTH [REDACTED:secret] | AUTH u [REDACTED:secret]"}'],
    ['{"msg":"127.0.0.1:6379> AUTH pw1\\n127.0.0.1:6379> AUTH pw2"}', '{"msg":"127.0.0.1:6379> AUTH [REDACTED:secret]\\n127.0.0.1:6379> AUTH [REDACTED:secret]"}'],
    ["127.0.0.1:6379> MULTI 127.0.0.1:6379(TX)> AUTH pw1 127.0.0.1:6379(TX)> EXEC", "127.0.0.1:6379> MULTI 127.0.0.1:6379(TX)> AUTH [REDACTED:secret] 127.0.0.1:6379(TX)> EXEC"],
    ["AUTH 'pw1';AUTH pw2", "AUTH '[REDACTED:secret]';AUTH [REDACTED:secret]"],
    ["HELLO 3 AUTH u pw;GET k", "HELLO 3 AUTH u [REDACTED:secret];GET k"],
    ["CONFIG SET requirepass a;CONFIG SET masterauth b", "CONFIG SET requirepass [REDACTED:secret];CONFIG SET masterauth [REDACTED:secret]"],
    // A command's name in any case glued after `;` or `|` starts the next command.
    ["AUTH pw1;get k", "AUTH [REDACTED:secret];get k"],
    ["AUTH pw1;Get k", "AUTH [REDACTED:secret];Get k"],
    ["AUTH pw1|get k", "AUTH [REDACTED:secret]|get k"],
    ["AUTH pw1;ping", "AUTH [REDACTED:secret];ping"],
    ["AUTH u pw1;hgetall h", "AUTH u [REDACTED:secret];hgetall h"],
    ["SET a 1;auth pw2", "SET a 1;auth [REDACTED:secret]"],
    ["set a 1;auth pw2;get k", "set a 1;auth [REDACTED:secret];get k"],
    ["GET k|auth default pw3", "GET k|auth default [REDACTED:secret]"],
    ["CONFIG SET requirepass a;config set masterauth b", "CONFIG SET requirepass [REDACTED:secret];config set masterauth [REDACTED:secret]"],
    // MIGRATE's `AUTH2 username password` as a `;`-joined part of its command.
    [";AUTH2 user pw2", ";AUTH2 user [REDACTED:secret]"],
    ["MIGRATE h 6379 k 0 5000;AUTH2 user pw2", "MIGRATE h 6379 k 0 5000;AUTH2 user [REDACTED:secret]"],
    ["GET k|auth2 user pw2", "GET k|auth2 user [REDACTED:secret]"],
    // Commands joined by a blank only: a command's name in capitals, or quoted in any case,
    // after AUTH's first argument ends AUTH's arguments; where AUTH could also be read as user
    // and password (the name ends the line, or another command follows it), both words go.
    ['"AUTH" "s3cr3t" "GET" "k"', '"AUTH" "[REDACTED:secret]" "GET" "k"'],
    ['1700000000.123456 [0 10.0.0.1:6379] "auth" "s3cr3t" "get" "k"', '1700000000.123456 [0 10.0.0.1:6379] "auth" "[REDACTED:secret]" "get" "k"'],
    ['"AUTH" "u" "s3cr3t" "GET" "k"', '"AUTH" "u" "[REDACTED:secret]" "GET" "k"'],
    ["AUTH s3cr3t GET k", "AUTH [REDACTED:secret] GET k"],
    ["AUTH u s3cr3t GET k", "AUTH u [REDACTED:secret] GET k"],
    ["AUTH pw3 EXEC", "AUTH [REDACTED:secret] [REDACTED:secret]"],
    ['"MULTI" "AUTH" "pw3" "EXEC"', '"MULTI" "AUTH" "[REDACTED:secret]" "[REDACTED:secret]"'],
    ["AUTH user GET", "AUTH [REDACTED:secret] [REDACTED:secret]"],
    ["AUTH default GET", "AUTH default [REDACTED:secret]"],
    ['["AUTH","s3cr3t","GET","k"]', '["AUTH","[REDACTED:secret]","GET","k"]'],
    ["AUTH default s3cr3t GET k", "AUTH default [REDACTED:secret] GET k"],
    ["AUTH pw3 GET SET k v", "AUTH [REDACTED:secret] [REDACTED:secret] SET k v"],
    // A command's name in any case ends AUTH's arguments, as Redis reads commands caseless:
    // `AUTH app get` is read both ways (`app` the password before GET, or the user before the
    // password `get`), and both words go, as `AUTH user GET`'s do.
    ["AUTH app get", "AUTH [REDACTED:secret] [REDACTED:secret]"],
    ["auth s3cr3t get k", "auth [REDACTED:secret] get k"],
    ["Auth s3cr3t Get k", "Auth [REDACTED:secret] Get k"],
    ["auth default s3cr3t get k", "auth default [REDACTED:secret] get k"],
    ["AUTH u s3cr3t set k v", "AUTH u [REDACTED:secret] set k v"],
    // A `;` or `|` inside a word, before no command's name, is the password's.
    ["AUTH a|b", "AUTH [REDACTED:secret]"],
    ["AUTH ;secret", "AUTH [REDACTED:secret]"],
    ["AUTH pass;word", "AUTH [REDACTED:secret]"],
    ["AUTH N3w;Pw", "AUTH [REDACTED:secret]"],
  ]);

  it.each([
    "AUTH ;AUTH ;AUTH ;",
    "AUTH; AUTH ;",
    "| auth | denied |",
    "ok| auth denied",
    'x;"auth" "required"',
    "connecting to 10.0.0.1:6379> auth denied",
    '"127.0.0.1:6379> auth denied"',
  ])("takes no command word for a password and keeps prose: %s", (text) => {
    const result = redact(text);
    expect(result.text).toBe(text);
    expect(result.counts).toEqual({});
  });
});

describe("a Redis command's arguments as an argument list", () => {
  const args = (...items: string[]) => ({ arrayValue: items.map((stringValue) => ({ stringValue })) });

  it("replaces the passwords its grammar names, in an attribute and in a map's member", () => {
    const stored = storedLogAttributes([
      { key: "db.redis.args", value: args("AUTH", "s3cr3tP4ss") },
      { key: "redis.command", value: args("auth", "default", "foobared") },
      { key: "acl", value: args("ACL", "SETUSER", "app", "on", ">Str0ngAclPw", "~*") },
      { key: "command", value: { kvlistValue: [{ key: "args", value: args("HELLO", "3", "AUTH", "default", "s3cr3tP4ss") }] } },
    ]);
    expect(stored.values).toEqual({
      "db.redis.args": args("AUTH", "[REDACTED:secret]"),
      "redis.command": args("auth", "default", "[REDACTED:secret]"),
      acl: args("ACL", "SETUSER", "app", "on", ">[REDACTED:secret]", "~*"),
      command: { kvlistValue: [{ key: "args", value: args("HELLO", "3", "AUTH", "default", "[REDACTED:secret]") }] },
    });
    expect(stored.kinds).toBe("secret");
  });

  it("keeps lists that are no command with a password, and every list when the kind is off", () => {
    const kept = [
      { key: "features", value: args("auth", "billing") },
      { key: "schemes", value: args("AUTH", "OK") },
      { key: "redis.args", value: args("GET", "session:42") },
      { key: "placeholder", value: args("AUTH", "${REDIS_PASSWORD}") },
    ];
    expect(storedLogAttributes(structuredClone(kept)).values).toEqual(Object.fromEntries(kept.map(({ key, value }) => [key, value])));
    const off = [{ key: "redis.args", value: args("AUTH", "s3cr3tP4ss") }];
    expect(storedLogAttributes(structuredClone(off), redactionPolicy({ disabledDetectors: ["secret"] })).values).toEqual({ "redis.args": args("AUTH", "s3cr3tP4ss") });
  });
});

describe("MONITOR's quoted words copied to a line without its prefix", () => {
  itStores("%s", (text) => redactString(text, defaultRedactionPolicy()).text, [
    ['"AUTH" "default" "s3cr3tRedisPass"', '"AUTH" "default" "[REDACTED:secret]"'],
    ['"AUTH" "s3cr3tRedisPass"', '"AUTH" "[REDACTED:secret]"'],
    ['"auth" "required"', '"auth" "required"'],
    ['"AUTH" "OK"', '"AUTH" "OK"'],
  ]);
});

describe("Redis command arrays escaped in JSON strings, and commands after a line's words", () => {
  const command = (...items: string[]) => JSON.stringify(items);

  itStores("%s", (text) => redact(text).text, [
    [JSON.stringify({ cmd: command("AUTH", "default", "pw") }), JSON.stringify({ cmd: command("AUTH", "default", "[REDACTED:secret]") })],
    [JSON.stringify({ cmd: command("HELLO", "3", "AUTH", "default", "s3cr3tP4ss") }), JSON.stringify({ cmd: command("HELLO", "3", "AUTH", "default", "[REDACTED:secret]") })],
    // Doubly escaped: JSON text inside JSON text held in a string.
    [
      JSON.stringify({ m: JSON.stringify({ cmd: command("AUTH", "default", "pw") }) }),
      JSON.stringify({ m: JSON.stringify({ cmd: command("AUTH", "default", "[REDACTED:secret]") }) }),
    ],
    ['auth "AUTH" "default" "pw"', 'auth "AUTH" "default" "[REDACTED:secret]"'],
    ['msg="redis" "AUTH" "s3cr3tP4ss"', 'msg="redis" "AUTH" "[REDACTED:secret]"'],
    ['redis "auth" "default" "pw" then "GET" "k"', 'redis "auth" "default" "[REDACTED:secret]" then "GET" "k"'],
    ["sent AUTH default pw to cache", "sent AUTH default [REDACTED:secret] to cache"],
    ["client sent AUTH default Xk9-2vQ, then PING", "client sent AUTH default [REDACTED:secret], then PING"],
  ]);

  itKeeps("keeps %s", (text) => redact(text).text, [
    JSON.stringify({ cmd: command("GET", "user:1") }),
    JSON.stringify({ args: command("auth", "profile") }),
    'log "auth" "required"',
    'x "auth" "bob" "smith"',
    "sent AUTH default mechanism to server",
    "sent AUTH default user to cache",
    "AUTH default failed for client",
  ]);
});
