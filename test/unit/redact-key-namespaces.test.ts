/**
 * Redis, KV and cache keys whose namespace is a secret word (`tokens:revoked:…`, `session:?`):
 * a key's namespace and part, kept; an id or a password glued after the colon still goes.
 */
import { describe, expect, it } from "vitest";
import { sessionMarker } from "../support/redaction";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { span, tracesRequest } from "../support/model-builders";
import { redactRequest } from "../../workers/ingest/core/redact";
import { itKeeps, itStores } from "../support/redaction-cases";

const redacted = (text: string) => redactString(text, defaultRedactionPolicy()).text;

describe("a key's namespace is no secret's name", () => {
  itKeeps("%s", redacted, [
    "DEL tokens:revoked:2026-12-01",
    "SADD secrets:rotated orders-db",
    "GET session:?",
    "HGET session:? data",
    "SET token:? ? EX 900",
    "SCAN 0 MATCH session:* COUNT 100",
    "SET token:count 42",
    "DEL secret:rotation:lock",
    "DEL password:reset:ana",
  ]);

  it("a span name redis GET session:? stays", () => {
    const s = span({ name: "redis GET session:?", kind: 3 });
    redactRequest("traces", tracesRequest([s]), defaultRedactionPolicy());
    expect(s.name).toBe("redis GET session:?");
  });
});

describe("an id or a password glued after a secret's name still goes", () => {
  itStores("%s", redacted, [
    ["GET session:9b2e4f6a-1c3d-4e5f-8a7b-0c1d2e3f4a5b", `GET session:${sessionMarker("9b2e4f6a-1c3d-4e5f-8a7b-0c1d2e3f4a5b")}`],
    ["SET session:abc123 1", `SET session:${sessionMarker("abc123")} 1`],
    ["login failed password:hunter", "login failed password:[REDACTED:secret_param]"],
    ["token: expired-soon-ab12", "token: [REDACTED:secret_param]"],
  ]);
});

describe("a lone word after a secret's name and a colon, outside a Redis command's key, is the secret", () => {
  itStores("%s", redacted, [
    ["login failed with token:sunshine for user 42", "login failed with token:[REDACTED:secret_param] for user 42"],
    ["secret:mysecretpassphrase", "secret:[REDACTED:secret_param]"],
    ["apikey:letmein", "apikey:[REDACTED:secret_param]"],
    ["credentials:hunter", "credentials:[REDACTED:secret_param]"],
    ["secret:keyboard-cat", "secret:[REDACTED:secret_param]"],
    ['{"msg":"login with token:sunshine"}', '{"msg":"login with token:[REDACTED:secret_param]"}'],
  ]);

  itKeeps("a lone word as a Redis command's key stays: %s", redacted, [
    "get token:count",
    "redis> SET token:count 1",
    '1700000000.123456 [0 10.0.0.1:5000] "SET" "token:count" "1"',
    '["SET","token:count","1"]',
  ]);
});
