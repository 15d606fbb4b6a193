/**
 * Scoped ingest tokens: the INGEST_TOKENS format (earlier comma-separated secrets keep their
 * meaning), the service scope check and the `deco.ingest.token` stamp, in the pure core, and
 * the bearer check that picks the token.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../../workers/shared/env-schema";
import type { KeyValue, LogsRequest } from "../../workers/shared/otlp/model";
import { parseIngestConfig, parsePublicAuthConfig } from "../../workers/ingest/config";
import {
  INGEST_TOKEN_ATTRIBUTE,
  ServiceOutOfScopeError,
  UNRESTRICTED_CALLER,
  checkServiceScope,
  serviceInScope,
  stampCaller,
} from "../../workers/ingest/core/access";
import { prepareExport } from "../../workers/ingest/core/pipeline";
import { authenticateBearer } from "../../workers/ingest/http/auth";
import { HttpError } from "../../workers/ingest/http/errors";
import { parseIngestTokens, readIngestTokens, unnamedTokenName } from "../../workers/ingest/http/tokens";
import { logRecord } from "../support/model-builders";

const tokensOf = (text: string) => {
  const parsed = readIngestTokens(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.tokens;
};
const errorOf = (text: string) => {
  const parsed = readIngestTokens(text);
  return parsed.ok ? undefined : parsed.error;
};

/** A row's flattened map column (key, value, key, value, …) as an object. */
const pairs = (flat: readonly string[]) => Object.fromEntries(flat.flatMap((item, i) => (i % 2 === 0 ? [[item, flat[i + 1]]] : [])));

const SECRET_RULE = 'non-empty, without spaces, ";" or control characters (entries are separated by commas)';
const ASCII_RULE = "visible ASCII only: clients send a header value as visible ASCII (RFC 9110 field-value), so no client could send it";

describe("INGEST_TOKENS", () => {
  it("keeps bare comma-separated secrets as unscoped tokens named by a SHA-256 prefix", () => {
    const secret = "legacy-token-0123456789";
    const digest = createHash("sha256").update(secret).digest("hex");
    expect(tokensOf(` ${secret} , other-token-abc,`)).toEqual([
      { name: `sha256:${digest.slice(0, 12)}`, secret, services: undefined },
      { name: unnamedTokenName("other-token-abc"), secret: "other-token-abc", services: undefined },
    ]);
  });

  it("reads NAME:SECRET and NAME:SECRET:SERVICE|SERVICE, with base64 padding and prefixes", () => {
    expect(tokensOf("ops:b3BzLXNlY3JldA==, shop-a:c2hvcC1h:shop-a | shop-a-* ,edge.v2:s3cr3t:unknown_service:node")).toEqual([
      { name: "ops", secret: "b3BzLXNlY3JldA==", services: undefined },
      { name: "shop-a", secret: "c2hvcC1h", services: ["shop-a", "shop-a-*"] },
      // Only the first two colons separate: a service.name may hold one.
      { name: "edge.v2", secret: "s3cr3t", services: ["unknown_service:node"] },
    ]);
  });

  it("names the entry at fault and never quotes a secret", () => {
    const cases: Array<[string, string]> = [
      ["a:one, a:two", 'entry 2 of 2 repeats the name "a" of entry 1: each token needs its own'],
      ["a:same, b:same", "entry 2 of 2 repeats the secret of entry 1: give each name its own secret"],
      // A bare token's name is its secret's digest: the repeat is the secret's, not a name's.
      ["twice-tok,y,twice-tok", "entry 3 of 3 repeats entry 1, secret included: list each token once"],
      ["a:dup-tok,a:dup-tok", "entry 2 of 2 repeats entry 1, secret included: list each token once"],
      // No client can send these in an Authorization header.
      ["a:s\u00e9cret", `entry 1 of 1 ("a"): the secret after "a:" must be ${ASCII_RULE}`],
      ["t\u00f6ken", `entry 1 of 1: a token must be ${ASCII_RULE}`],
      ["good:x, sEcReT-vAlUe!:name", 'entry 2 of 2: the name before the first ":" must be 1–64 letters, digits, ".", "_" or "-"'],
      ["a:", `entry 1 of 1 ("a"): the secret after "a:" must be ${SECRET_RULE}`],
      ["a:two words", `entry 1 of 1 ("a"): the secret after "a:" must be ${SECRET_RULE}`],
      ["a:s1;b:s2", `entry 1 of 1 ("a"): the secret after "a:" must be ${SECRET_RULE}`],
      ["a:s1\nb:s2", `entry 1 of 1 ("a"): the secret after "a:" must be ${SECRET_RULE}`],
      ["two words", `entry 1 of 1: a token must be ${SECRET_RULE}`],
      ["one;two", `entry 1 of 1: a token must be ${SECRET_RULE}`],
      ["tab\there", `entry 1 of 1: a token must be ${SECRET_RULE}`],
      ["Bearer 6f1c0123456789", 'entry 1 of 1 starts with "Bearer ": leave the scheme out, list the token alone'],
      ["bearer\tops:6f1c0123456789", 'entry 1 of 1 starts with "Bearer ": leave the scheme out, list the token alone'],
      ["a:hidden-secret:", 'entry 1 of 1 ("a"): list its services after the second ":", separated by "|"'],
      ["a:hidden-secret:*-shop", 'entry 1 of 1 ("a"): "*" may only end a service prefix, got "*-shop"'],
    ];
    for (const [text, message] of cases) {
      expect(errorOf(text)).toBe(message);
      expect(message).not.toMatch(/hidden-secret|sEcReT|same|\bone\b|two words|s1|s2|6f1c|tab|dup-tok|twice-tok|s\u00e9cret|t\u00f6ken/);
    }
  });

  it("refuses a comma inside a JSON array's entry, which the comma-separated form never lets through", () => {
    const oneJoined = 'entry 1 of 1 holds a ",": in a JSON array each string is one entry, list them apart';
    expect(parseIngestTokens(["a:s1,b:s2"])).toEqual({ ok: false, error: oneJoined });
    expect(parseIngestTokens(["a:s1:shop-a,shop-b"])).toEqual({ ok: false, error: oneJoined });
    expect(() => parsePublicAuthConfig({ INGEST_TOKENS: '["a:s1,b:s2"]' })).toThrow(`INGEST_TOKENS ${oneJoined}`);
    expect(parseIngestTokens(["a:s1", "b:s2"])).toMatchObject({ ok: true, tokens: [{ name: "a" }, { name: "b" }] });
  });

  it("ends a secret at the second colon: what follows is the scope, colons and all", () => {
    expect(tokensOf("a:b:c:d")).toEqual([{ name: "a", secret: "b", services: ["c:d"] }]);
  });

  it("names every malformed entry at once", () => {
    expect(errorOf("a:s, bad name:x, c:, d:s")).toBe(
      'entry 2 of 4: the name before the first ":" must be 1–64 letters, digits, ".", "_" or "-"; ' +
        `entry 3 of 4 ("c"): the secret after "c:" must be ${SECRET_RULE}; ` +
        "entry 4 of 4 repeats the secret of entry 1: give each name its own secret",
    );
  });

  it("is the public endpoint's setting alone: the shared settings parse without it", () => {
    const base = { CLICKHOUSE_URL: "http://127.0.0.1:8123" };
    expect(() => parseIngestConfig(base)).not.toThrow();
    expect(() => parseIngestConfig({ ...base, INGEST_TOKENS: "a:x, a:y" })).not.toThrow();
    expect(() => parsePublicAuthConfig(base)).toThrow(ConfigError);
    expect(() => parsePublicAuthConfig({ INGEST_TOKENS: "a:x, a:y" })).toThrow(
      'deco-otel-ingest configuration is invalid: INGEST_TOKENS entry 2 of 2 repeats the name "a" of entry 1: each token needs its own',
    );
    expect(parsePublicAuthConfig({ AUTH_DISABLED: "true" })).toEqual({ disabled: true, tokens: [] });
    expect(parsePublicAuthConfig({ AUTH_DISABLED: "true", INGEST_TOKENS: " " })).toEqual({ disabled: true, tokens: [] });
  });

  it("refuses AUTH_DISABLED=true with INGEST_TOKENS set as a contradiction naming both, not the secret", () => {
    const read = () => parsePublicAuthConfig({ AUTH_DISABLED: "true", INGEST_TOKENS: "prod:0123456789abcdef" });
    expect(read).toThrow(
      "deco-otel-ingest configuration is invalid: AUTH_DISABLED=true contradicts INGEST_TOKENS, which is set: " +
        "with tokens listed callers must present one; unset AUTH_DISABLED (or, for local use only, INGEST_TOKENS)",
    );
    expect(read).not.toThrow("0123456789abcdef");
    expect(parsePublicAuthConfig({ AUTH_DISABLED: "false", INGEST_TOKENS: "prod:0123456789abcdef" }).disabled).toBe(false);
  });
});

const str = (key: string, value: string): KeyValue => ({ key, value: { stringValue: value } });

function logsFrom(...resources: KeyValue[][]): LogsRequest {
  return {
    resourceLogs: resources.map((attributes) => ({
      resource: { attributes, droppedAttributesCount: 0 },
      schemaUrl: "",
      scopeLogs: [{ scope: { name: "", version: "", attributes: [], droppedAttributesCount: 0 }, logRecords: [logRecord()], schemaUrl: "" }],
    })),
  };
}

describe("service scope", () => {
  const shop = { tokenName: "shop-a", services: ["shop-a", "shop-a-*"] };

  it("matches exact names and prefixes ending in *", () => {
    expect(serviceInScope(["shop-a", "edge-*"], "shop-a")).toBe(true);
    expect(serviceInScope(["shop-a", "edge-*"], "edge-eu")).toBe(true);
    expect(serviceInScope(["shop-a", "edge-*"], "shop-ab")).toBe(false);
    expect(serviceInScope(["shop-a", "edge-*"], "")).toBe(false);
    expect(serviceInScope(["*"], "")).toBe(true);
  });

  it("refuses the whole request, naming every service outside the scope once", () => {
    const request = logsFrom([str("service.name", "shop-a")], [str("service.name", "shop-b")], [], [str("service.name", "shop-b")]);
    let error: unknown;
    try {
      checkServiceScope("logs", request, shop);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ServiceOutOfScopeError);
    expect((error as ServiceOutOfScopeError).services).toEqual(["shop-b", ""]);
    expect((error as Error).message).toBe(
      'token "shop-a" may not write service.name "shop-b", a resource without service.name: it may write ' +
        'service.name "shop-a", "shop-a-*"; nothing was written',
    );
  });

  it("reads service.name as the ServiceName column does (the first one, as a string)", () => {
    const request = logsFrom([str("service.name", "shop-a-api"), str("service.name", "shop-b")]);
    expect(() => checkServiceScope("logs", request, shop)).not.toThrow();
    expect(() => checkServiceScope("logs", logsFrom([str("service.name", "other")]), UNRESTRICTED_CALLER)).not.toThrow();
  });
});

describe("the deco.ingest.token stamp", () => {
  it("replaces what a sender claims with the accepted token's name, on every resource", () => {
    const request = logsFrom([str("service.name", "a"), str(INGEST_TOKEN_ATTRIBUTE, "forged")], [str("service.name", "b")]);
    stampCaller("logs", request, { tokenName: "shop-a", services: undefined });
    for (const { resource } of request.resourceLogs) {
      expect(resource.attributes.filter((a) => a.key === INGEST_TOKEN_ATTRIBUTE)).toEqual([str(INGEST_TOKEN_ATTRIBUTE, "shop-a")]);
    }
  });

  it("removes a claimed one where no token identifies the caller", () => {
    const request = logsFrom([str("service.name", "a"), str(INGEST_TOKEN_ATTRIBUTE, "forged")]);
    stampCaller("logs", request, UNRESTRICTED_CALLER);
    expect(request.resourceLogs[0]!.resource.attributes).toEqual([str("service.name", "a")]);
  });

  it("survives redaction of secret-named keys and the attribute count limit", () => {
    const body = new TextEncoder().encode(
      JSON.stringify({
        resourceLogs: [
          {
            resource: { attributes: Array.from({ length: 5 }, (_, i) => ({ key: `k${i}`, value: { stringValue: "v" } })) },
            scopeLogs: [{ logRecords: [{ body: { stringValue: "hello" } }] }],
          },
        ],
      }),
    );
    const options = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", MAX_ATTRIBUTES_PER_RECORD: "2" }).pipeline;
    const prepared = prepareExport("logs", "json", body, options, "1700000000000000000", { tokenName: "ops", services: undefined });
    const row = prepared.batches[0]!.rows[0] as { ResourceAttributes: readonly string[] };
    const flat = [...row.ResourceAttributes];
    expect(flat[flat.indexOf(INGEST_TOKEN_ATTRIBUTE) + 1]).toBe("ops");
  });

  it("counts no redaction for a sender's own value, which the stamp replaces and no row holds", () => {
    // A probe's request: the sender's `deco.ingest.token` "spoofed" beside a record whose body holds an email.
    const resource = { attributes: [{ key: "service.name", value: { stringValue: "hj-14" } }, str(INGEST_TOKEN_ATTRIBUTE, "spoofed")] };
    const record = { timeUnixNano: "1796665224000000000", body: { stringValue: "mail a@b.com" } };
    const body = new TextEncoder().encode(JSON.stringify({ resourceLogs: [{ resource, scopeLogs: [{ logRecords: [record] }] }] }));
    const options = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123" }).pipeline;
    const prepared = prepareExport("logs", "json", body, options, "1796665224000000000", { tokenName: "ops", services: undefined });
    const row = prepared.batches[0]!.rows[0] as { ResourceAttributes: readonly string[]; LogAttributes: readonly string[]; Body: string };
    expect(pairs(row.ResourceAttributes)).toEqual({ "service.name": "hj-14", [INGEST_TOKEN_ATTRIBUTE]: "ops" });
    // The record's own redaction is counted on the record, and the request counts it alone.
    expect(row.Body).toBe("mail [REDACTED:email]");
    expect(prepared.redactions).toMatchObject({ count: 1, kinds: { email: 1 } });
    expect(JSON.stringify(prepared.batches)).not.toContain("spoofed");
  });

  it("counts no redaction for a sender's own value on spans and metrics either", () => {
    const resource = { attributes: [{ key: "service.name", value: { stringValue: "hj-14" } }, str(INGEST_TOKEN_ATTRIBUTE, "spoofed")] };
    const span = { traceId: "4bf92f3577b34da6a3ce929d0e0e4736", spanId: "00f067aa0ba902b7", name: "GET", startTimeUnixNano: "1796665224000000000", endTimeUnixNano: "1796665224000000000" };
    const point = { timeUnixNano: "1796665224000000000", asInt: "1" };
    const requests = {
      traces: { resourceSpans: [{ resource, scopeSpans: [{ spans: [span] }] }] },
      metrics: { resourceMetrics: [{ resource, scopeMetrics: [{ metrics: [{ name: "m", gauge: { dataPoints: [point] } }] }] }] },
    };
    const options = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123" }).pipeline;
    for (const signal of ["traces", "metrics"] as const) {
      const body = new TextEncoder().encode(JSON.stringify(requests[signal]));
      const prepared = prepareExport(signal, "json", body, options, "1796665224000000000", { tokenName: "ops", services: undefined });
      const row = prepared.batches[0]!.rows[0] as { ResourceAttributes: readonly string[] };
      expect(pairs(row.ResourceAttributes)).toEqual({ "service.name": "hj-14", [INGEST_TOKEN_ATTRIBUTE]: "ops" });
      expect(prepared.redactions.count).toBe(0);
    }
  });
});

describe("authenticateBearer", () => {
  const tokens = tokensOf("site-a:secret-a,site-b:secret-b:shop-*,secret-c");

  it("names the presented token on every request, the secrets' digests kept from the first", async () => {
    for (let round = 0; round < 3; round++) {
      expect(await authenticateBearer("Bearer secret-b", tokens)).toEqual({ tokenName: "site-b", services: ["shop-*"] });
      expect(await authenticateBearer("bearer  secret-a ", tokens)).toEqual({ tokenName: "site-a", services: undefined });
      expect(await authenticateBearer("Bearer secret-c", tokens)).toEqual({ tokenName: unnamedTokenName("secret-c"), services: undefined });
    }
  });

  it.each([
    { name: "an unknown token", header: "Bearer secret-d", message: "invalid bearer token" },
    { name: "a prefix of a known one", header: "Bearer secret-", message: "invalid bearer token" },
    { name: "no token", header: null, message: "missing bearer token: send `Authorization: Bearer <token>`" },
  ])("refuses $name with 401, before and after the digests are kept", async ({ header, message }) => {
    for (const list of [tokensOf("site-a:secret-a,site-b:secret-b"), tokens]) {
      const refusal = await authenticateBearer(header, list).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(HttpError);
      expect(refusal).toMatchObject({ status: 401, message });
    }
  });

  it("holds a token to its own secret when another list reuses its name", async () => {
    await authenticateBearer("Bearer secret-a", tokens);
    const rotated = tokensOf("site-a:secret-new");
    await expect(authenticateBearer("Bearer secret-a", rotated)).rejects.toMatchObject({ status: 401 });
    expect(await authenticateBearer("Bearer secret-new", rotated)).toEqual({ tokenName: "site-a", services: undefined });
  });
});
