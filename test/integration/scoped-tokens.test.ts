/**
 * Scoped ingest tokens, through the ingest Worker in workerd into the local ClickHouse: each
 * token has a name and may be limited to some `service.name`s; a request writing outside its
 * scope is refused whole with 403 naming the service; every row records the accepting token's
 * name as `deco.ingest.token`; tokens written as before keep working. And the tail's service
 * binding never depends on the public endpoint's token settings: unset or malformed, the tail's
 * path still writes.
 */
import type { WorkerOptions } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unnamedTokenName } from "../../workers/ingest/http/tokens";
import { cloudflareExportRequest } from "../fixtures/cloudflare-export";
import { recentBaseNanos } from "../support/fixture-clock";
import { INGEST_COMPATIBILITY_DATE, startIngestWorker, type IngestUnderTest } from "../support/ingest-worker";
import { logsPayload, metricsPayload, tracesPayload, type Payload } from "../support/otlp-payloads";
import { captureRuntimeOutput, jsonLogLines, type RuntimeOutput } from "../support/runtime-output";

const LEGACY = "legacy-token-0123456789";
const SHOP_A = "c2hvcC1hLXNlY3JldC0wMTIz";
const OPS = "b3BzLXNlY3JldC00NTY3ODk=";
const TOKENS = `${LEGACY}, shop-a:${SHOP_A}:shop-a|shop-a-*, ops:${OPS}`;

const PROTOBUF = { "Content-Type": "application/x-protobuf" };
const JSON_TYPE = { "Content-Type": "application/json" };

function post(ingest: IngestUnderTest, path: string, secret: string, body: Uint8Array, headers: Record<string, string> = PROTOBUF) {
  return ingest.fetch(path, { method: "POST", headers: { ...headers, Authorization: `Bearer ${secret}` }, body: body.slice() });
}

/** One request holding the resources of several exports: protobuf messages merge when concatenated. */
function merged(...payloads: Payload[]): Uint8Array {
  return Buffer.concat(payloads.map((payload) => payload.protobuf));
}

const service = (name: string, seed: number) => logsPayload({ records: 2, seed, resourceAttributes: { "service.name": name } });

describe("scoped ingest tokens", () => {
  let ingest: IngestUnderTest;
  let output: RuntimeOutput;

  beforeAll(async () => {
    output = captureRuntimeOutput();
    ingest = await startIngestWorker({ prefix: "scoped_tokens", vars: { INGEST_TOKENS: TOKENS }, handleRuntimeStdio: output.handleRuntimeStdio });
  });
  afterAll(() => ingest?.dispose());

  const tokensByService = (table: string) =>
    ingest.rows<{ service: string; token: string; n: string }>(
      `SELECT ServiceName AS service, ResourceAttributes['deco.ingest.token'] AS token, count() AS n
       FROM ${table} GROUP BY service, token ORDER BY service, token`,
    );

  it("writes a scoped token's services, exact and by prefix, stamped with its name", async () => {
    const response = await post(ingest, "/v1/logs", SHOP_A, merged(await service("shop-a", 1), await service("shop-a-api", 2)));
    expect(response.status).toBe(200);
    expect(await tokensByService("otel_logs")).toEqual([
      { service: "shop-a", token: "shop-a", n: "2" },
      { service: "shop-a-api", token: "shop-a", n: "2" },
    ]);
  });

  it("refuses a request with any resource outside the scope, whole, with 403 naming the service", async () => {
    const before = await tokensByService("otel_logs");
    const response = await post(ingest, "/v1/logs", SHOP_A, merged(await service("shop-a", 3), await service("shop-b", 4)));
    expect(response.status).toBe(403);
    expect(response.headers.get("retry-after")).toBeNull();
    const json = await post(ingest, "/v1/logs", SHOP_A, (await service("shop-b", 5)).json, JSON_TYPE);
    expect(json.status).toBe(403);
    expect(await json.json()).toEqual({
      code: 7,
      message: 'token "shop-a" may not write service.name "shop-b": it may write service.name "shop-a", "shop-a-*"; nothing was written',
    });
    expect(await tokensByService("otel_logs")).toEqual(before);
  });

  it("refuses a resource without service.name to a scoped token, and allows it to an unscoped one", async () => {
    const body = new TextEncoder().encode(
      JSON.stringify({ resourceLogs: [{ resource: { attributes: [] }, scopeLogs: [{ logRecords: [{ body: { stringValue: "no service" } }] }] }] }),
    );
    const refused = await post(ingest, "/v1/logs", SHOP_A, body, JSON_TYPE);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toContain("a resource without service.name");
    expect((await post(ingest, "/v1/logs", OPS, body, JSON_TYPE)).status).toBe(200);
    expect(await ingest.rows(`SELECT ResourceAttributes['deco.ingest.token'] AS token FROM otel_logs WHERE ServiceName = ''`)).toEqual([
      { token: "ops" },
    ]);
  });

  it("keeps bare tokens working, named by a SHA-256 prefix, and overrides a name the sender claims", async () => {
    const forged = await logsPayload({ records: 1, seed: 6, resourceAttributes: { "service.name": "legacy-app", "deco.ingest.token": "shop-a" } });
    expect((await post(ingest, "/v1/logs", LEGACY, forged.protobuf)).status).toBe(200);
    expect(await ingest.rows(`SELECT ResourceAttributes['deco.ingest.token'] AS token FROM otel_logs WHERE ServiceName = 'legacy-app'`)).toEqual([
      { token: unnamedTokenName(LEGACY) },
    ]);
  });

  it("scopes and stamps traces and metrics alike", async () => {
    const spans = await tracesPayload({ records: 3, seed: 7, resourceAttributes: { "service.name": "shop-a-checkout" } });
    const points = await metricsPayload({ records: 1, seed: 8, resourceAttributes: { "service.name": "shop-a" } });
    expect((await post(ingest, "/v1/traces", SHOP_A, spans.protobuf)).status).toBe(200);
    expect((await post(ingest, "/v1/metrics", SHOP_A, points.protobuf)).status).toBe(200);
    expect(await tokensByService("otel_traces")).toEqual([{ service: "shop-a-checkout", token: "shop-a", n: "3" }]);
    const [sum] = await ingest.rows<{ tokens: string[] }>(
      "SELECT groupUniqArray(ResourceAttributes['deco.ingest.token']) AS tokens FROM otel_metrics_sum",
    );
    expect(sum!.tokens).toEqual(["shop-a"]);
    const elsewhere = await tracesPayload({ records: 1, seed: 9, resourceAttributes: { "service.name": "billing" } });
    const refused = await post(ingest, "/v1/traces", SHOP_A, elsewhere.protobuf);
    expect(refused.status).toBe(403);
    expect(await tokensByService("otel_traces")).toEqual([{ service: "shop-a-checkout", token: "shop-a", n: "3" }]);
  });

  it("answers Cloudflare's destination test 200 under a scoped token, stored under its own service and stamped; anything more under that name 403", async () => {
    const saved = await ingest.fetch("/v1/logs", cloudflareExportRequest("preflight", recentBaseNanos(), SHOP_A));
    expect(saved.status).toBe(200);
    const traces = await ingest.fetch("/v1/traces", cloudflareExportRequest("preflight", recentBaseNanos(), SHOP_A));
    expect(traces.status).toBe(200);
    const tested = () =>
      ingest.rows<{ body: string; token: string }>(
        `SELECT Body AS body, ResourceAttributes['deco.ingest.token'] AS token FROM otel_logs
          WHERE ServiceName = 'cloudflare-workers-observability'`,
      );
    expect(await tested()).toEqual([{ body: "Hello from Cloudflare 👋 (deco-otel-logs)", token: "shop-a" }]);
    const more = new TextEncoder().encode(
      JSON.stringify({
        resourceLogs: [
          {
            resource: { attributes: [{ key: "service.name", value: { stringValue: "cloudflare-workers-observability" } }] },
            scopeLogs: [{ scope: { name: "workers-observability" }, logRecords: [{ severityNumber: 9, body: { stringValue: "Hello from Cloudflare 👋 (x)" }, attributes: [{ key: "data", value: { stringValue: "mine" } }] }] }],
          },
        ],
      }),
    );
    const refused = await post(ingest, "/v1/logs", SHOP_A, more, JSON_TYPE);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toContain(
      `it was not read as Cloudflare's destination test, which any token may write, because record attribute "data" is not one Cloudflare's export sets`,
    );
    expect(await tested()).toHaveLength(1);
  });

  it("logs the token's name with each request and never a secret", () => {
    const lines = output.lines();
    expect(lines.some((line) => line.includes('"msg":"export written"') && line.includes('"token":"shop-a"'))).toBe(true);
    expect(lines.some((line) => line.includes('"msg":"request refused"') && line.includes('"status":403') && line.includes('"token":"shop-a"'))).toBe(true);
    for (const line of lines) for (const secret of [LEGACY, SHOP_A, OPS]) expect(line).not.toContain(secret);
  });
});

/**
 * A stand-in for the tail Worker's forward: posts what it is given to the ingest Worker's
 * `TailIngest` entrypoint over a service binding, as the tail does.
 */
const relay: WorkerOptions = {
  name: "binding-caller",
  modules: true,
  compatibilityDate: INGEST_COMPATIBILITY_DATE,
  script: `export default { fetch(request, env) { return env.INGEST.fetch(request); } };`,
  serviceBindings: { INGEST: { name: "deco-otel-ingest", entrypoint: "TailIngest" } },
};

describe.each([
  { what: "INGEST_TOKENS unset", tokens: undefined, message: "INGEST_TOKENS is required" },
  { what: "INGEST_TOKENS malformed", tokens: "a:one, a:two", message: 'INGEST_TOKENS entry 2 of 2 repeats the name "a"' },
])("the tail's service binding with $what", ({ what, tokens, message }) => {
  let ingest: IngestUnderTest;
  const output = captureRuntimeOutput();

  beforeAll(async () => {
    ingest = await startIngestWorker({
      prefix: `tail_binding_${tokens === undefined ? "unset" : "malformed"}`,
      vars: { INGEST_TOKENS: tokens },
      extraWorkers: [relay],
      handleRuntimeStdio: output.handleRuntimeStdio,
    });
  });
  afterAll(() => ingest?.dispose());

  it(`writes through TailIngest with no deco.ingest.token, while the public endpoint answers 503 (${what})`, async () => {
    const payload = await logsPayload({ records: 4, seed: 11, resourceAttributes: { "service.name": "producer", "deco.ingest.token": "forged" } });
    const caller = await ingest.mf.getWorker("binding-caller");
    const viaBinding = (await caller.fetch("http://ingest/v1/logs", { method: "POST", headers: PROTOBUF, body: payload.protobuf.slice() } as never)) as unknown as Response;
    expect(viaBinding.status).toBe(200);
    expect(await ingest.rows("SELECT count() AS n, groupUniqArray(ResourceAttributes['deco.ingest.token']) AS tokens FROM otel_logs")).toEqual([
      { n: "4", tokens: [""] },
    ]);
    const deep = (await caller.fetch("http://ingest/health/deep")) as unknown as Response;
    expect(deep.status).toBe(200);

    const publicAnswer = await post(ingest, "/v1/logs", "any-token-at-all", payload.json, JSON_TYPE);
    expect(publicAnswer.status).toBe(503);
    expect(publicAnswer.headers.get("retry-after")).toBe("60");
    // The answer says only that the Worker is misconfigured; its log names the setting.
    const requestId = publicAnswer.headers.get("x-request-id");
    expect(((await publicAnswer.json()) as { message: string }).message).toBe(
      `the deco-otel-ingest Worker is misconfigured: its log (\`wrangler tail deco-otel-ingest\`, with \`--env staging\` for a staging deployment) names the problem (request id ${requestId})`,
    );
    await expect
      .poll(() => jsonLogLines(output, "request refused").find((line) => line.requestId === requestId)?.reason)
      .toContain(message);
    expect((await ingest.fetch("/health/deep")).status).toBe(503);
  });
});
