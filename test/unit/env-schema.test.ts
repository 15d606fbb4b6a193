/**
 * The shared settings helpers, through both Workers' settings: a blank switch is unset (its
 * default), never false, and integers are decimal digits only.
 */
import { describe, expect, it } from "vitest";
import { parseIngestConfig, parsePublicAuthConfig, parsePublicCorsConfig } from "../../workers/ingest/config";
import { BUILT_IN_KINDS, redactString } from "../../workers/ingest/core/redact";
import { ingestContextFor, publicIngestContextFor, publicSettingsError } from "../../workers/ingest/context";
import { ConfigError } from "../../workers/shared/env-schema";
import { loadConfig } from "../../workers/tail/config";

const ingest = (vars: Record<string, unknown>) =>
  parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true", ...vars });

describe("booleanSetting", () => {
  it.each(["", " ", "\t"])("reads a blank value (%j) as unset: redaction and metrics stay on", (blank) => {
    expect(ingest({ REDACTION_ENABLED: blank }).pipeline.redaction.enabled).toBe(true);
    expect(loadConfig({ TAIL_EMIT_METRICS: blank }).emitMetrics).toBe(true);
    expect(ingest({ LIFT_KEEP_ORIGINAL: blank }).pipeline.normalization.keepOriginal).toBe(false);
  });

  it.each([
    ["false", false],
    ["OFF", false],
    ["0", false],
    ["no", false],
    ["yes", true],
    [" True ", true],
  ])("reads %j as %s", (word, value) => {
    expect(ingest({ REDACTION_ENABLED: word }).pipeline.redaction.enabled).toBe(value);
    expect(loadConfig({ TAIL_EMIT_METRICS: word }).emitMetrics).toBe(value);
  });
});

describe("integerSetting", () => {
  it.each(["1e4", "0x2710", "0b11", "10000.", "+10000", "10_000", "1,000", "- 5"])(
    "refuses %j, naming the setting",
    (value) => {
      expect(() => ingest({ MAX_RECORDS_PER_REQUEST: value })).toThrow(ConfigError);
      expect(() => ingest({ MAX_RECORDS_PER_REQUEST: value })).toThrow(
        `MAX_RECORDS_PER_REQUEST must be a whole number from 1 to 1000000, got ${JSON.stringify(value)}`,
      );
      expect(() => loadConfig({ TAIL_MAX_REQUEST_RECORDS: value })).toThrow("TAIL_MAX_REQUEST_RECORDS must be a whole number");
    },
  );

  it.each(["", " ", "\t"])("reads a blank value (%j) as unset: the default, as for a switch", (blank) => {
    expect(ingest({ MAX_RECORDS_PER_REQUEST: blank }).pipeline.limits.maxRecordsPerRequest).toBe(ingest({}).pipeline.limits.maxRecordsPerRequest);
    expect(loadConfig({ TAIL_FORWARD_RETRIES: blank }).forwardRetries).toBe(loadConfig({}).forwardRetries);
  });

  it("reads decimal digits, with spaces around, and JSON numbers", () => {
    expect(ingest({ MAX_RECORDS_PER_REQUEST: " 10000 " }).pipeline.limits.maxRecordsPerRequest).toBe(10_000);
    expect(ingest({ MAX_RECORDS_PER_REQUEST: 500 }).pipeline.limits.maxRecordsPerRequest).toBe(500);
    expect(loadConfig({ TAIL_FORWARD_RETRIES: "02" }).forwardRetries).toBe(2);
  });
});

describe("settings of another JSON type than their own", () => {
  // Wrangler's vars keep the JSON type they were written with, so `"CLICKHOUSE_ASYNC_INSERT": 1`
  // reaches the Worker as a number: the error names the setting, what it takes and what it got.
  it.each([
    [{ CLICKHOUSE_ASYNC_INSERT: 2 }, "CLICKHOUSE_ASYNC_INSERT must be true or false, got 2"],
    [{ MAX_RECORDS_PER_REQUEST: true }, "MAX_RECORDS_PER_REQUEST must be a whole number from 1 to 1000000, got true"],
    [{ CLICKHOUSE_DATABASE: 7 }, "CLICKHOUSE_DATABASE must be a plain identifier (letters, digits, underscore), got 7"],
    [{ WRITE_MODE: ["queue"] }, 'WRITE_MODE must be one of direct, queue (any case), got ["queue"]'],
    [{ REDACTION_DROP_KEYS: 5 }, "REDACTION_DROP_KEYS must be a JSON array of strings or comma-separated words, got 5"],
    [{ REDACTION_DROP_KEYS: ["user.email", 7] }, 'REDACTION_DROP_KEYS must be a JSON array of strings or comma-separated words, got ["user.email",7]'],
    [{ CLICKHOUSE_USER: 123 }, "CLICKHOUSE_USER must be a string, got 123"],
    [{ REDACTION_GEO_PRECISION: 3 }, "REDACTION_GEO_PRECISION must be one of none, continent, country, region, city, full (any case), got 3"],
    [{ CLICKHOUSE_PASSWORD: 12345678 }, "CLICKHOUSE_PASSWORD must be a string, got a number (not shown: it is a secret)"],
    [{ ADMIN_TOKEN: 1234567890123456 }, "ADMIN_TOKEN must be a string, got a number (not shown: it is a secret)"],
    [
      { REDACTION_EXTRA_PATTERNS: "[{name:'x'}]" },
      `REDACTION_EXTRA_PATTERNS must be a JSON array of {"name", "pattern"} objects (`,
    ],
    [{ REDACTION_EXTRA_PATTERNS: { name: "x", pattern: "y" } }, 'redaction policy is invalid: REDACTION_EXTRA_PATTERNS must be a list of { name, pattern }, got {"name":"x","pattern":"y"}'],
    [{ CLICKHOUSE_URL: 8123 }, "CLICKHOUSE_URL must be an http(s) URL, got 8123"],
  ])("refuses %j", (vars, message) => {
    expect(() => ingest(vars)).toThrow(`deco-otel-ingest configuration is invalid: ${message}`);
  });

  it("refuses an extra pattern named as a marker the Worker writes itself: its finds would read as those", () => {
    for (const name of ["email", "dropped", "hashed", "redaction_failed"]) {
      expect(() => ingest({ REDACTION_EXTRA_PATTERNS: [{ name, pattern: "CUST-\\d{6}" }] })).toThrow(`must not reuse the built-in kind "${name}"`);
    }
  });

  it("says what a bad extra-patterns text was, without echoing an example in its place", () => {
    expect(() => ingest({ REDACTION_EXTRA_PATTERNS: "[{name:'x'}]" })).toThrow(/\), got "\[\{name:'x'\}\]"$/);
  });

  it("never shows a secret's value, only its JSON type", () => {
    for (const name of ["CLICKHOUSE_PASSWORD", "ADMIN_TOKEN", "REDACTION_HASH_SECRET"]) {
      expect(() => ingest({ [name]: 9876543210987654 })).toThrow(`${name} must be a string, got a number (not shown: it is a secret)`);
      expect(() => ingest({ [name]: 9876543210987654 })).not.toThrow(/98765/);
    }
  });

  it("names every bad setting at once, in the settings' order", () => {
    expect(() => ingest({ CLICKHOUSE_URL: "ftp://h", WRITE_MODE: "later", MAX_BODY_BYTES: "1" })).toThrow(
      'deco-otel-ingest configuration is invalid: CLICKHOUSE_URL must be an http(s) URL, got "ftp://h"; ' +
        'WRITE_MODE must be one of direct, queue (any case), got "later"; MAX_BODY_BYTES must be a whole number from 1024 to 104857600, got "1"',
    );
  });
});

describe("CLICKHOUSE_URL", () => {
  it("is required", () => {
    expect(() => parseIngestConfig({ AUTH_DISABLED: "true" })).toThrow(
      "CLICKHOUSE_URL is required: the ClickHouse HTTP(S) endpoint, e.g. https://host:8443",
    );
  });

  it("takes an http(s) URL, spaces around it and tabs or line breaks in it dropped", () => {
    const remote = (url: string) => ingest({ CLICKHOUSE_URL: url, REDACTION_HASH_SECRET: "0123456789abcdef" }).clickhouse.url;
    expect(remote(" https://ch.example.com:8443/ \n")).toBe("https://ch.example.com:8443/");
    expect(remote("https://ch.exam\tple.com:8443")).toBe("https://ch.example.com:8443");
    expect(remote("HTTP://CH:8123")).toBe("HTTP://CH:8123");
  });

  it.each(["http:ch:8123", "https:/ch", "ftp://ch", "ch:8123", "https://", "not a url"])("refuses %j", (url) => {
    expect(() => ingest({ CLICKHOUSE_URL: url })).toThrow(`CLICKHOUSE_URL must be an http(s) URL, got ${JSON.stringify(url)}`);
  });
});

describe("JSON values as wrangler vars hold them", () => {
  // `"vars": { "REDACTION_DROP_KEYS": ["a", "b"] }` reaches the Worker as an array, not as text.
  it("takes an array of strings as the list it means", () => {
    const policy = ingest({ REDACTION_DROP_KEYS: ["user.email", " x ", ""] }).pipeline.redaction;
    const asText = ingest({ REDACTION_DROP_KEYS: "user.email, x" }).pipeline.redaction;
    expect(policy.keyRules.ruleFor("x")).toEqual(asText.keyRules.ruleFor("x"));
    expect(policy.keyRules.ruleFor("x")).not.toEqual(ingest({}).pipeline.redaction.keyRules.ruleFor("x"));
    expect(() => ingest({ REDACTION_DISABLED_DETECTORS: ["email", "phone"] })).not.toThrow();
    expect(() => ingest({ REDACTION_DISABLED_DETECTORS: ["email", "Emial"] })).toThrow('REDACTION_DISABLED_DETECTORS item 2 names no built-in detector: "Emial"');
    expect(loadConfig({ TAIL_CAPTURE_LEVELS: ["error", "warn"] }).captureLevels).toEqual(new Set(["error", "warn"]));
    expect(loadConfig({ TAIL_IGNORE_SCRIPTS: ["a-worker"] }).ignoredScripts.has("a-worker")).toBe(true);
    expect(parsePublicCorsConfig({ CORS_ALLOWED_ORIGINS: ["https://shop.example.com"] })?.origins).toEqual(
      parsePublicCorsConfig({ CORS_ALLOWED_ORIGINS: "https://shop.example.com" })?.origins,
    );
  });

  // A secret, a `--var`, a `.dev.vars` line or a dashboard text var is always text.
  it("reads a JSON array written as text as that array, in every list setting", () => {
    const rule = (vars: Record<string, unknown>) => ingest(vars).pipeline.redaction.keyRules.ruleFor("user.email");
    for (const setting of ["REDACTION_DROP_KEYS", "REDACTION_KEEP_KEYS"]) {
      expect(rule({ [setting]: ' ["user.email", "x"] ' })).toEqual(rule({ [setting]: "user.email, x" }));
    }
    const hashed = { REDACTION_HASH_SECRET: "0123456789abcdef" };
    expect(rule({ ...hashed, REDACTION_HASH_KEYS: '["user.email"]' })).toEqual(rule({ ...hashed, REDACTION_HASH_KEYS: "user.email" }));
    expect(rule({ REDACTION_DROP_KEYS: '["user.email"]' })).not.toEqual(rule({}));
    expect(() => ingest({ REDACTION_DISABLED_DETECTORS: '["Email", "phone"]' })).not.toThrow();
    expect(loadConfig({ TAIL_CAPTURE_LEVELS: '["error","warn"]' }).captureLevels).toEqual(new Set(["error", "warn"]));
    expect(loadConfig({ TAIL_IGNORE_SCRIPTS: '["a","b"]' }).ignoredScripts).toEqual(new Set(["a", "b"]));
    expect(parsePublicCorsConfig({ CORS_ALLOWED_ORIGINS: '["https://shop.example.com"]', CORS_ALLOWED_HEADERS: '["X-Tenant"]' })).toEqual(
      parsePublicCorsConfig({ CORS_ALLOWED_ORIGINS: "https://shop.example.com", CORS_ALLOWED_HEADERS: "X-Tenant" }),
    );
    expect(parsePublicAuthConfig({ INGEST_TOKENS: '["a:0123456789abcdef", "b:fedcba9876543210:shop"]' }).tokens).toEqual(
      parsePublicAuthConfig({ INGEST_TOKENS: "a:0123456789abcdef, b:fedcba9876543210:shop" }).tokens,
    );
  });

  it.each([
    ["REDACTION_DROP_KEYS", '["user.email"'],
    ["REDACTION_KEEP_KEYS", "[user.email]"],
    ["REDACTION_HASH_KEYS", '["a", 1]'],
    ["REDACTION_DISABLED_DETECTORS", "['email']"],
    ["CORS_ALLOWED_ORIGINS", '["https://shop.example.com",]'],
  ])("refuses %s as text starting with [ that is no JSON array of strings, naming it", (setting, text) => {
    const read = () => (setting.startsWith("CORS_") ? parsePublicCorsConfig({ [setting]: text }) : ingest({ [setting]: text }));
    expect(read).toThrow(`${setting} must be a JSON array of strings or comma-separated words, got ${JSON.stringify(text)}`);
    expect(() => loadConfig({ TAIL_IGNORE_SCRIPTS: '["a",' })).toThrow(
      `TAIL_IGNORE_SCRIPTS must be a JSON array of strings or comma-separated words, got ${JSON.stringify('["a",')}`,
    );
  });

  it("refuses INGEST_TOKENS as text starting with [ that is no JSON array of strings, without showing it", () => {
    expect(() => parsePublicAuthConfig({ INGEST_TOKENS: '["a:0123456789abcdef"' })).toThrow(
      "INGEST_TOKENS must be a comma-separated list of NAME:SECRET[:SERVICE|…] entries or a JSON array of them as text, " +
        "got text that is no JSON array of strings (not shown: it holds secrets)",
    );
  });

  it("takes REDACTION_EXTRA_PATTERNS as the array itself", () => {
    const asArray = ingest({ REDACTION_EXTRA_PATTERNS: [{ name: "customer_id", pattern: "CUST-\\d{6}" }] }).pipeline.redaction;
    const asText = ingest({ REDACTION_EXTRA_PATTERNS: '[{"name":"customer_id","pattern":"CUST-\\\\d{6}"}]' }).pipeline.redaction;
    for (const policy of [asArray, asText]) {
      expect(redactString("order of CUST-123456", policy).text).toBe("order of [REDACTED:customer_id]");
    }
  });

  it("takes a switch as a JSON boolean or the number 1 or 0, and a number as a number", () => {
    expect(ingest({ CLICKHOUSE_ASYNC_INSERT: 0 }).clickhouse.asyncInsert).toBe(false);
    expect(ingest({ CLICKHOUSE_ASYNC_INSERT: 1 }).clickhouse.asyncInsert).toBe(true);
    expect(loadConfig({ TAIL_EMIT_METRICS: 0 }).emitMetrics).toBe(false);
    expect(ingest({ LIFT_KEEP_ORIGINAL: true }).pipeline.normalization.keepOriginal).toBe(true);
    expect(ingest({ CLICKHOUSE_TIMEOUT_MS: 5000 }).clickhouse.timeoutMs).toBe(5000);
  });
});

describe("blank vars", () => {
  // One rule for every setting: a blank var ("", spaces) is unset, as a cleared dashboard field
  // or a `KEY=` line in .dev.vars means.
  it.each(["", "  ", "\t"])("read %j as unset, whatever the setting", (blank) => {
    const config = ingest({
      ADMIN_TOKEN: blank,
      WRITE_MODE: blank,
      CLICKHOUSE_DATABASE: blank,
      CLICKHOUSE_USER: blank,
      CLICKHOUSE_PASSWORD: blank,
      REDACTION_GEO_PRECISION: blank,
      REDACTION_EXTRA_PATTERNS: blank,
      REDACTION_HASH_SECRET: blank,
      REDACTION_DROP_KEYS: blank,
    });
    const unset = ingest({});
    expect({ ...config, pipeline: { ...config.pipeline, redaction: undefined } }).toEqual({
      ...unset,
      pipeline: { ...unset.pipeline, redaction: undefined },
    });
    expect(config.pipeline.redaction.keyRules.ruleFor("geo.city.name")).toEqual(unset.pipeline.redaction.keyRules.ruleFor("geo.city.name"));
    const text = "mail ana@example.com from 10.1.2.3, card 4111 1111 1111 1111";
    expect(redactString(text, config.pipeline.redaction)).toEqual(redactString(text, unset.pipeline.redaction));
    expect(config.admin.token).toBeUndefined();
    expect(config.durability.writeMode).toBe("direct");
    expect(config.clickhouse.database).toBe("otel");
    expect(loadConfig({ TAIL_CAPTURE_LEVELS: blank, TAIL_SERVICE_NAME_FALLBACK: blank })).toEqual(loadConfig({}));
  });

  it("says a required one is required", () => {
    expect(() => ingest({ CLICKHOUSE_URL: " " })).toThrow("CLICKHOUSE_URL is required: the ClickHouse HTTP(S) endpoint");
    expect(() => parsePublicAuthConfig({ INGEST_TOKENS: "" })).toThrow("INGEST_TOKENS is required");
  });

  it("with REDACTION_HASH_KEYS, a blank secret is a missing one", () => {
    expect(() => ingest({ REDACTION_HASH_KEYS: "user.id", REDACTION_HASH_SECRET: " " })).toThrow(
      "REDACTION_HASH_SECRET is required when REDACTION_HASH_KEYS is set",
    );
  });
});

describe("secrets of spaces", () => {
  const spaces = " ".repeat(16);

  it("refuses 16 spaces as ADMIN_TOKEN or REDACTION_HASH_SECRET: the length is counted without them", () => {
    expect(() => ingest({ ADMIN_TOKEN: spaces + "abc" })).toThrow(
      "ADMIN_TOKEN must be at least 16 characters, not counting spaces around it (it guards the replay of dead letters)",
    );
    expect(() => ingest({ REDACTION_HASH_KEYS: "user.id", REDACTION_HASH_SECRET: spaces + "abc" })).toThrow(
      "deco-otel-ingest configuration is invalid: REDACTION_HASH_SECRET must be at least 16 characters, not counting spaces around it (the key of the keyed hashes)",
    );
  });

  it("refuses a short REDACTION_HASH_SECRET without REDACTION_HASH_KEYS too: it keys the metric attributes' hashes", () => {
    expect(() => ingest({ REDACTION_HASH_SECRET: "abc" })).toThrow(
      "deco-otel-ingest configuration is invalid: REDACTION_HASH_SECRET must be at least 16 characters, not counting spaces around it (the key of the keyed hashes)",
    );
    expect(() => ingest({ REDACTION_HASH_SECRET: "0123456789abcdef" })).not.toThrow();
  });

  it("keeps ADMIN_TOKEN without the spaces around it, as a bearer header can carry it", () => {
    expect(ingest({ ADMIN_TOKEN: " 0123456789abcdef\n" }).admin.token).toBe("0123456789abcdef");
  });
});

describe("settings that contradict each other", () => {
  it.each([
    [
      { QUEUE_RETRY_DELAY_SECONDS: 900, QUEUE_RETRY_MAX_DELAY_SECONDS: 5 },
      "QUEUE_RETRY_DELAY_SECONDS (900) must not be above QUEUE_RETRY_MAX_DELAY_SECONDS (5)",
    ],
    [
      { MAX_BODY_BYTES: "50000000", MAX_DECOMPRESSED_BYTES: "2000" },
      "MAX_DECOMPRESSED_BYTES (2000) must not be below MAX_BODY_BYTES (50000000)",
    ],
    [{ MAX_BODY_BYTES: 33554432 }, "MAX_DECOMPRESSED_BYTES (16777216) must not be below MAX_BODY_BYTES (33554432)"],
  ])("refuses %j naming both", (vars, message) => {
    expect(() => ingest(vars)).toThrow(message);
  });

  it("refuses ADMIN_TOKEN equal to an INGEST_TOKENS secret, naming both settings and not the secret", () => {
    const admin = "0123456789abcdef-admin";
    const read = () => ingest({ ADMIN_TOKEN: ` ${admin} `, INGEST_TOKENS: `shop:aaaaaaaaaaaaaaaa, ops:${admin}:ops` });
    expect(read).toThrow(
      "deco-otel-ingest configuration is invalid: ADMIN_TOKEN must not be the secret of an INGEST_TOKENS entry (entry 2): " +
        "a producer holding that token could read and replay every producer's dead letters",
    );
    expect(read).not.toThrow(admin);
    // INGEST_TOKENS malformed: the public endpoint names that, and nothing is compared.
    expect(() => ingest({ ADMIN_TOKEN: admin, INGEST_TOKENS: `bad name:x, ${admin}` })).not.toThrow();
    expect(ingest({ ADMIN_TOKEN: admin, INGEST_TOKENS: `${admin}x, y:${admin}y` }).admin.token).toBe(admin);
    expect(() => ingest({ ADMIN_TOKEN: admin, INGEST_TOKENS: `["${admin}"]` })).toThrow("ADMIN_TOKEN must not be the secret of an INGEST_TOKENS entry (entry 1)");
  });

  it("takes equal limits, and a direct-write budget above one ClickHouse call's timeout (it spans several)", () => {
    expect(ingest({ QUEUE_RETRY_DELAY_SECONDS: 60, QUEUE_RETRY_MAX_DELAY_SECONDS: 60 }).durability.retryDelaySeconds).toBe(60);
    expect(ingest({ MAX_BODY_BYTES: 2048, MAX_DECOMPRESSED_BYTES: 2048 }).limits.maxBodyBytes).toBe(2048);
    expect(ingest({ DIRECT_WRITE_TIMEOUT_MS: 60_000, CLICKHOUSE_TIMEOUT_MS: 100 }).durability.directWriteTimeoutMs).toBe(60_000);
  });
});

describe("the redaction policy's problems", () => {
  it("name the setting, show a value as written and never a secret's", () => {
    const problems = (vars: Record<string, unknown>) => {
      try {
        ingest(vars);
      } catch (error) {
        return (error as Error).message;
      }
      return undefined;
    };
    expect(problems({ REDACTION_DISABLED_DETECTORS: "Email, PHONE, Emial" })).toBe(
      `deco-otel-ingest configuration is invalid: redaction policy is invalid: REDACTION_DISABLED_DETECTORS item 3 names no built-in detector: "Emial" (known: ${BUILT_IN_KINDS.join(", ")})`,
    );
    expect(problems({ REDACTION_KEEP_KEYS: "User.Id", REDACTION_HASH_KEYS: "user.id", REDACTION_HASH_SECRET: "0123456789abcdef-secret" })).toBe(
      'deco-otel-ingest configuration is invalid: redaction policy is invalid: REDACTION_HASH_KEYS must not repeat "user.id", which is already in REDACTION_KEEP_KEYS',
    );
    expect(
      problems({
        REDACTION_EXTRA_PATTERNS: JSON.stringify([
          { name: "cust", pattern: "CUST-\\d{6}" },
          { name: "ok", pattern: "y" },
          { name: "Bad-Name", pattern: "x", flags: "i" },
        ]),
      }),
    ).toBe(
      "deco-otel-ingest configuration is invalid: redaction policy is invalid: " +
        'REDACTION_EXTRA_PATTERNS[2] has unknown members "flags": only name and pattern are read (no flags: for either case write both into the pattern, e.g. [Cc][Uu][Ss][Tt]-\\d{6}); ' +
        'REDACTION_EXTRA_PATTERNS[2].name must be lower-case letters, digits and underscores, got "Bad-Name"',
    );
    expect(problems({ REDACTION_EXTRA_PATTERNS: JSON.stringify([{ name: "cust", pattern: "a" }, { name: "cust", pattern: "(" }]) })).toMatch(
      /^deco-otel-ingest configuration is invalid: redaction policy is invalid: REDACTION_EXTRA_PATTERNS\[1\]\.name must not repeat "cust", the name of REDACTION_EXTRA_PATTERNS\[0\]; REDACTION_EXTRA_PATTERNS\[1\]\.pattern does not compile: /,
    );
  });
});

/** What a queue producer binding looks like to the Worker. */
const RETRY_QUEUE_STUB = { send: async () => undefined, sendBatch: async () => undefined };

describe("every problem at once", () => {
  it("names WRITE_MODE=queue without its queue binding with the other problems", () => {
    expect(() => ingest({ MAX_BODY_BYTES: "x", WRITE_MODE: "queue" })).toThrow(
      'deco-otel-ingest configuration is invalid: MAX_BODY_BYTES must be a whole number from 1024 to 104857600, got "x"; ' +
        "WRITE_MODE=queue needs the RETRY_QUEUE queue binding (queues.producers in wrangler.ingest.jsonc)",
    );
  });

  it("names, for a public request, the public endpoint's own bad settings with the shared ones", () => {
    const env = {
      CLICKHOUSE_URL: "http://127.0.0.1:8123",
      MAX_BODY_BYTES: "x",
      WRITE_MODE: "queue",
      INGEST_TOKENS: "a:s, bad name:s2",
      CORS_ALLOWED_ORIGINS: "bad",
    };
    const all =
      'deco-otel-ingest configuration is invalid: MAX_BODY_BYTES must be a whole number from 1024 to 104857600, got "x"; ' +
      "WRITE_MODE=queue needs the RETRY_QUEUE queue binding (queues.producers in wrangler.ingest.jsonc); " +
      'INGEST_TOKENS entry 2 of 2: the name before the first ":" must be 1–64 letters, digits, ".", "_" or "-"; ' +
      'CORS_ALLOWED_ORIGINS entry "bad" is not an origin';
    expect(() => publicIngestContextFor(env)).toThrow(all);
    expect(publicSettingsError(env)?.message).toMatch(new RegExp(`^${all.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    // The tail's service binding reads no public setting: only the shared ones are named.
    expect(() => ingestContextFor(env)).toThrow(/RETRY_QUEUE queue binding \(queues\.producers in wrangler\.ingest\.jsonc\)$/);
    expect(publicSettingsError({ CLICKHOUSE_URL: "http://127.0.0.1:8123", INGEST_TOKENS: "a:0123456789abcdef" })).toBeUndefined();
  });

  it("names the redaction policy's problems with the other settings'", () => {
    expect(() =>
      ingest({ CLICKHOUSE_TIMEOUT_MS: "x", WRITE_MODE: "y", REDACTION_GEO_PRECISION: "Z", REDACTION_KEEP_KEYS: "a", REDACTION_DROP_KEYS: "A" }),
    ).toThrow(
      'deco-otel-ingest configuration is invalid: CLICKHOUSE_TIMEOUT_MS must be a whole number from 100 to 120000, got "x"; ' +
        'WRITE_MODE must be one of direct, queue (any case), got "y"; ' +
        'REDACTION_GEO_PRECISION must be one of none, continent, country, region, city, full (any case), got "Z"; ' +
        'redaction policy is invalid: REDACTION_DROP_KEYS must not repeat "A", which is already in REDACTION_KEEP_KEYS',
    );
  });

  it("adds no follow-on of a refused hash secret: the secret's own problem is named", () => {
    expect(() => ingest({ REDACTION_HASH_KEYS: "user.id", REDACTION_HASH_SECRET: 1234567890123456 })).toThrow(
      /invalid: REDACTION_HASH_SECRET must be a string, got a number \(not shown: it is a secret\)$/,
    );
  });

  it("names a contradiction with a bad setting", () => {
    expect(() => ingest({ WRITE_MODE: "y", QUEUE_RETRY_DELAY_SECONDS: 10, QUEUE_RETRY_MAX_DELAY_SECONDS: 5 })).toThrow(
      /WRITE_MODE must be .*; QUEUE_RETRY_DELAY_SECONDS \(10\) must not be above QUEUE_RETRY_MAX_DELAY_SECONDS \(5\)/,
    );
  });
});

describe("our words in any case", () => {
  it("reads WRITE_MODE, TAIL_CAPTURE_LEVELS, REDACTION_GEO_PRECISION and detector names in any case", () => {
    expect(ingest({ WRITE_MODE: "Queue", RETRY_QUEUE: RETRY_QUEUE_STUB }).durability.writeMode).toBe("queue");
    expect(ingest({ WRITE_MODE: " DIRECT " }).durability.writeMode).toBe("direct");
    expect(loadConfig({ TAIL_CAPTURE_LEVELS: "ERROR,warn" }).captureLevels).toEqual(new Set(["error", "warn"]));
    const city = (precision: string) => ingest({ REDACTION_GEO_PRECISION: precision }).pipeline.redaction.keyRules.ruleFor("geo.city.name");
    expect(city("City")).toEqual(city("city"));
    expect(city("City")).not.toEqual(city("region"));
    expect(() => ingest({ REDACTION_DISABLED_DETECTORS: "Email, PHONE" })).not.toThrow();
  });

  it("reads CLICKHOUSE_USER without the spaces around it, as the other words", () => {
    expect(ingest({ CLICKHOUSE_USER: " default \n" }).clickhouse.user).toBe("default");
    expect(ingest({ CLICKHOUSE_USER: "Ingest_Writer" }).clickhouse.user).toBe("Ingest_Writer");
  });

  it("keeps names that are not ours as written: ClickHouse identifiers are case-sensitive", () => {
    expect(ingest({ CLICKHOUSE_DATABASE: "Otel" }).clickhouse.database).toBe("Otel");
  });
});

describe("REDACTION_HASH_SECRET with a ClickHouse off this machine", () => {
  const REQUIRED =
    "deco-otel-ingest configuration is invalid: REDACTION_HASH_SECRET is required while redaction is on and CLICKHOUSE_URL is not on this machine: " +
    "it keys the hashes that replace personal values in metric attributes, which without a secret key could be recomputed and read back; " +
    "set 16 or more random characters with `npx wrangler secret put REDACTION_HASH_SECRET -c wrangler.ingest.jsonc` and keep them (a new key starts new metric series)";

  it.each(["https://abc.clickhouse.cloud:8443", "http://10.0.0.5:8123", "http://[2001:db8::1]:8123"])("is required with redaction on: %s", (url) => {
    expect(() => ingest({ CLICKHOUSE_URL: url })).toThrow(REQUIRED);
    // The password keys nothing any more: a deployment with one still needs the secret.
    expect(() => ingest({ CLICKHOUSE_URL: url, CLICKHOUSE_PASSWORD: "a-long-clickhouse-password" })).toThrow(REQUIRED);
    expect(() => ingest({ CLICKHOUSE_URL: url, REDACTION_HASH_SECRET: "0123456789abcdef" })).not.toThrow();
    expect(() => ingest({ CLICKHOUSE_URL: url, REDACTION_ENABLED: "false" })).not.toThrow();
  });

  it.each(["http://127.0.0.1:8123", "http://127.0.1.1:8123", "http://localhost:8123", "http://ch.localhost:8123", "http://[::1]:8123"])(
    "is not required on this machine, whose runs key metric hashes at random per start: %s",
    (url) => {
      const first = ingest({ CLICKHOUSE_URL: url }).pipeline.redaction;
      expect(first.seriesHash("203.0.113.7")).toBe(first.seriesHash("203.0.113.7"));
      expect(first.seriesHash("203.0.113.7")).not.toBe(ingest({ CLICKHOUSE_URL: url }).pipeline.redaction.seriesHash("203.0.113.7"));
    },
  );

  it("keys metric hashes with the secret alone: rotating CLICKHOUSE_PASSWORD keeps every series", () => {
    const hashOf = (password: string) =>
      ingest({ CLICKHOUSE_URL: "https://ch.example.com", REDACTION_HASH_SECRET: "0123456789abcdef", CLICKHOUSE_PASSWORD: password }).pipeline.redaction.seriesHash("203.0.113.7");
    expect(hashOf("old-password")).toBe(hashOf("new-password"));
  });

  it("is not asked for twice: REDACTION_HASH_KEYS without it, or a refused secret, names the setting once", () => {
    const message = (vars: Record<string, unknown>) => {
      try {
        ingest({ CLICKHOUSE_URL: "https://ch.example.com", ...vars });
      } catch (error) {
        return (error as Error).message;
      }
      return "";
    };
    expect(message({ REDACTION_HASH_KEYS: "user.id" }).match(/REDACTION_HASH_SECRET/g)).toHaveLength(1);
    expect(message({ REDACTION_HASH_SECRET: "short" }).match(/REDACTION_HASH_SECRET/g)).toHaveLength(1);
  });
});
