/**
 * Redis's configuration and tools: redis-cli's password options, the server's password
 * directives (`requirepass`, `masterauth`) as flags, JSON members and attributes, and written
 * as redis.conf writes them. The password goes; user names, hosts, ports and other settings stay.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy } from "../../workers/ingest/core/redact";
import { storedLogAttributes, scannedText } from "../support/redaction";
import { itKeeps, itStores } from "../support/redaction-cases";

const redact = (text: string) => scannedText(text, defaultRedactionPolicy()).text;

describe("redis-cli and redis-server password options", () => {
  itStores("%s", redact, [
    ["redis-cli -a s3cret -h cache ping", "redis-cli -a [REDACTED:secret_param] -h cache ping"],
    ["redis-cli --pass s3cret -h cache ping", "redis-cli --pass [REDACTED:secret_param] -h cache ping"],
    ["redis-cli --pass=s3cret ping", "redis-cli --pass=[REDACTED:secret_param] ping"],
    ["/usr/bin/redis-cli --user app --pass s3cret -h cache", "/usr/bin/redis-cli --user app --pass [REDACTED:secret_param] -h cache"],
    ["REDISCLI_AUTH=s3cret redis-cli -h cache ping", "REDISCLI_AUTH=[REDACTED:secret_param] redis-cli -h cache ping"],
    ["redis-server --requirepass s3cret --port 6380", "redis-server --requirepass [REDACTED:secret_param] --port 6380"],
    ["redis-server --masterauth s3cret --masteruser replica", "redis-server --masterauth [REDACTED:secret_param] --masteruser replica"],
  ]);

  itKeeps("keeps %s", redact, [
    "redis-cli -h cache -p 6379 ping",
    "redis-cli --askpass -h cache ping",
    "redis-cli --user app --askpass",
    // `--pass` is a password only for redis-cli.
    "pytest --pass 3 --fail 1",
  ]);

  it("reads redis-cli's --pass in an argument list", () => {
    const args = (...items: string[]) => ({ arrayValue: items.map((stringValue) => ({ stringValue })) });
    const stored = storedLogAttributes([{ key: "process.command_args", value: args("redis-cli", "--pass", "s3cret", "-h", "cache") }]);
    expect(stored.values["process.command_args"]).toEqual(args("redis-cli", "--pass", "[REDACTED:secret_param]", "-h", "cache"));
  });
});

describe("Redis password directives as names", () => {
  itStores("%s", redact, [
    ['{"requirepass":"foobared","port":6379}', '{"requirepass":"[REDACTED:secret_param]","port":6379}'],
    ['{"masterauth":"s3cret","masteruser":"replica","maxmemory":"1gb"}', '{"masterauth":"[REDACTED:secret_param]","masteruser":"replica","maxmemory":"1gb"}'],
    ["requirepass=foobared masteruser=replica", "requirepass=[REDACTED:secret_param] masteruser=replica"],
  ]);

  it("redacts attributes named by a directive and keeps the replica's user", () => {
    const stored = storedLogAttributes([
      { key: "requirepass", value: { stringValue: "foobared" } },
      { key: "masterauth", value: { stringValue: "s3cret" } },
      { key: "masteruser", value: { stringValue: "replica" } },
    ]);
    expect(stored.values).toEqual({ requirepass: "[REDACTED:secret]", masterauth: "[REDACTED:secret]", masteruser: "replica" });
  });
});

describe("Redis configuration files and CONFIG GET replies", () => {
  const SHA256 = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";

  itStores("%s", redact, [
    ["requirepass foobared", "requirepass [REDACTED:secret]"],
    ["masterauth pw1234", "masterauth [REDACTED:secret]"],
    ["REQUIREPASS foobared", "REQUIREPASS [REDACTED:secret]"],
    [
      "port 6379\nbind 0.0.0.0\nrequirepass foobared\nmasterauth s3cretpw\nmasteruser replica\n",
      "port 6379\nbind 0.0.0.0\nrequirepass [REDACTED:secret]\nmasterauth [REDACTED:secret]\nmasteruser replica\n",
    ],
    ["user default on >p4ss ~* +@all", "user default on >[REDACTED:secret] ~* +@all"],
    [`user app on #${SHA256} ~cache:* +get`, "user app on #[REDACTED:secret] ~cache:* +get"],
    [
      "user default off\nuser app on >Str0ng ~app:* &* +@read -flushall\nuser ops on allkeys allcommands <0ldPw",
      "user default off\nuser app on >[REDACTED:secret] ~app:* &* +@read -flushall\nuser ops on allkeys allcommands <[REDACTED:secret]",
    ],
    ['1) "requirepass"\n2) "pw"', '1) "requirepass"\n2) "[REDACTED:secret]"'],
    [
      '127.0.0.1:6379> CONFIG GET requirepass\n1) "requirepass"\n2) "foobared"',
      '127.0.0.1:6379> CONFIG GET requirepass\n1) "requirepass"\n2) "[REDACTED:secret]"',
    ],
    ['35) "masterauth"\n36) "s3cr3t"\n37) "maxmemory"\n38) "0"', '35) "masterauth"\n36) "[REDACTED:secret]"\n37) "maxmemory"\n38) "0"'],
    ["CONFIG SET requirepass pw", "CONFIG SET requirepass [REDACTED:secret]"],
  ]);

  itKeeps("keeps %s", redact, [
    'requirepass ""',
    '1) "requirepass"\n2) ""',
    // redis.conf ships its example commented out: no setting in effect.
    "# requirepass foobared",
    "CONFIG GET requirepass",
    "CONFIG GET maxmemory",
    "masteruser replica",
    "user default on nopass ~* +@all",
    "requirepass missing",
    "requirepass is not set",
    "User alice logged in >3 times",
    "user bob #1",
    "port 6379\nbind 0.0.0.0\nmaxmemory 1gb\nappendonly yes\n",
  ]);
});
