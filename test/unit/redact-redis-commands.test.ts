/**
 * Redis commands carrying a password, as client instrumentations write them (go-redis's
 * redisotel: the command and its arguments; one command a line for a pipeline): the password
 * goes, the command word, keywords, user name and server stay; prose about auth stays.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";

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

  it("ends a command at a sentence's end, its mark kept", () => {
    expect(redact("AUTH hunter2redispw. Next").text).toBe("AUTH [REDACTED:secret]. Next");
    expect(redact("CONFIG SET requirepass N3wR3disPw! Done").text).toBe("CONFIG SET requirepass [REDACTED:secret]! Done");
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
    "login AUTH hunter2redispw",
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
  ])("keeps prose, placeholders and commands without a password: %s", (text) => {
    const result = redact(text);
    expect(result.text).toBe(text);
    expect(result.counts).toEqual({});
  });
});
