/**
 * The whole error path in workerd: producer Workers fail, the tail Worker turns their
 * invocations into OTLP, the real ingest Worker takes them over the service binding (no token),
 * and the rows are read back from the local ClickHouse with the attributes dashboards query.
 */
import { readFileSync } from "node:fs";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INVOCATION_IS_ERROR } from "../../dashboards/core/sql";
import { applySchema, renderSchema, resolveSchemaOptions } from "../../schema";
import { buildWorker } from "../../scripts/build-worker";
import { createTestDatabase, rowsUntil as rowsUntilIn, type TestDatabase } from "../support/clickhouse";
import { INGEST_COMPATIBILITY_DATE } from "../support/ingest-worker";

/** Kept equal to wrangler.tail.jsonc. */
const TAIL_COMPATIBILITY_DATE = "2026-04-01";
/** Locally every producer's scriptName is null, so the tail names them all this. */
const SERVICE = `storefront-${Date.now().toString(36)}`;

const PRODUCERS: Record<string, string> = {
  "throws-in-fetch": `export default {
    async fetch(request) {
      throw new TypeError("cart is undefined for " + new URL(request.url).pathname);
    },
  };`,
  "logs-json-error": `export default {
    async fetch(request) {
      console.error(JSON.stringify({
        level: "error",
        msg: "payment declined",
        "request.id": request.headers.get("x-request-id"),
        customer: { email: "ana.souza@example.com.br", tier: "gold" },
      }));
      return new Response("declined", { status: 402 });
    },
  };`,
  "fails-in-cron": `export default {
    async scheduled() {
      throw new Error("nightly catalog sync failed");
    },
  };`,
  "throws-custom-errors": `class CheckoutError extends Error {
    constructor(message) {
      super(message);
      this.name = "CheckoutError";
    }
  }
  export default {
    async fetch(request) {
      if (new URL(request.url).pathname === "/batch") {
        throw new AggregateError([new Error("a1"), new TypeError("a2")], "several payments failed");
      }
      throw new CheckoutError("card declined");
    },
  };`,
  // Over the platform's 256 KB per invocation: the error line after the big one is never recorded.
  "logs-past-the-limit": `export default {
    async fetch() {
      console.log("cart dump: " + "x".repeat(300000));
      console.error("checkout failed after the dump");
      return new Response("ok");
    },
  };`,
  healthy: `export default {
    async fetch() {
      console.log("fine");
      return new Response("ok");
    },
  };`,
};

/** The seed runbook's "Recent exceptions captured by the tail worker", unchanged. */
const RECENT_TAIL_EXCEPTIONS = readFileSync(new URL("../fixtures/runbook-queries.sql", import.meta.url), "utf8")
  .split(/\n\s*\n/)
  .find((block) => block.startsWith("-- Recent exceptions captured by the tail worker"))!
  .replace(/;\s*$/, "");

let mf: Miniflare;
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase("tail_e2e");
  await applySchema(db.client, renderSchema(resolveSchemaOptions({ database: db.database })));
  const [tailScript, ingestScript] = await Promise.all([
    buildWorker("workers/tail/index.ts"),
    buildWorker("workers/ingest/index.ts"),
  ]);
  mf = new Miniflare({
    workers: [
      ...Object.entries(PRODUCERS).map(([name, script]) => ({
        name,
        modules: true,
        script,
        compatibilityDate: TAIL_COMPATIBILITY_DATE,
        tails: ["deco-otel-tail"],
      })),
      {
        name: "deco-otel-tail",
        modules: true,
        script: tailScript,
        compatibilityDate: TAIL_COMPATIBILITY_DATE,
        bindings: { TAIL_SERVICE_NAME_FALLBACK: SERVICE },
        serviceBindings: { INGEST: { name: "deco-otel-ingest", entrypoint: "TailIngest" } },
      },
      {
        name: "deco-otel-ingest",
        modules: true,
        script: ingestScript,
        compatibilityDate: INGEST_COMPATIBILITY_DATE,
        // No INGEST_TOKENS: the binding path needs none (it is not reachable from outside), and
        // a setting of the public endpoint must not stop it.
        bindings: { CLICKHOUSE_URL: db.url, CLICKHOUSE_DATABASE: db.database },
      },
    ],
  });
  await mf.ready;
});

afterAll(async () => {
  await mf?.dispose();
  await db?.drop();
});

const rowsUntil = <T>(sql: string, enough: (rows: T[]) => boolean, timeoutMs?: number) =>
  rowsUntilIn<T>(db, sql, enough, timeoutMs);

interface LogRow {
  ServiceName: string;
  SeverityText: string;
  SeverityNumber: number;
  Body: string;
  LogAttributes: Record<string, string>;
  ResourceAttributes: Record<string, string>;
}

function logsWhere(condition: string): Promise<LogRow[]> {
  return rowsUntil<LogRow>(
    `SELECT ServiceName, SeverityText, SeverityNumber, Body, LogAttributes, ResourceAttributes
     FROM otel_logs WHERE ServiceName = '${SERVICE}' AND ${condition}`,
    (rows) => rows.length > 0,
  );
}

describe("producer → tail → ingest → ClickHouse", () => {
  it("lands an uncaught exception as an ERROR row with the tail's attributes", async () => {
    const producer = await mf.getWorker("throws-in-fetch");
    await producer
      .fetch("https://shop.example.com/api/cart?coupon=SECRET10", { headers: { "x-request-id": "req-tail-e2e-1" } })
      .catch(() => undefined);

    const [row, ...others] = await logsWhere(`LogAttributes['request.id'] = 'req-tail-e2e-1'`);
    expect(others).toEqual([]);
    expect(row).toMatchObject({
      SeverityText: "ERROR",
      SeverityNumber: 17,
      Body: "TypeError: cart is undefined for /api/cart",
      ResourceAttributes: { "service.name": SERVICE, "cloud.provider": "cloudflare" },
    });
    expect(row!.LogAttributes).toMatchObject({
      _source: "tail-worker",
      _outcome: "exception",
      "url.path": "/api/cart",
      "http.request.method": "GET",
      "exception.type": "TypeError",
      "exception.message": "cart is undefined for /api/cart",
    });
    expect(JSON.stringify(row)).not.toContain("SECRET10");
  });

  it("lifts a console.error JSON line and redacts the e-mail in it", async () => {
    const producer = await mf.getWorker("logs-json-error");
    const response = await producer.fetch("https://shop.example.com/checkout", {
      headers: { "x-request-id": "req-tail-e2e-2" },
    });
    expect(response.status).toBe(402);
    await response.text();

    const [row] = await logsWhere(`LogAttributes['request.id'] = 'req-tail-e2e-2'`);
    expect(row).toMatchObject({ SeverityText: "ERROR", Body: "payment declined" });
    expect(row!.LogAttributes).toMatchObject({
      _source: "tail-worker",
      _outcome: "ok",
      "url.path": "/checkout",
      "http.response.status_code": "402",
      "customer.email": "[REDACTED:email]",
      "customer.tier": "gold",
      "redaction.kinds": "email",
    });
    expect(JSON.stringify(row)).not.toContain("ana.souza");
  });

  it("lands a failed cron run with its schedule, where error panels and the runbook find it", async () => {
    const producer = await mf.getWorker("fails-in-cron");
    await producer.scheduled({ cron: "15 4 * * *" }).catch(() => undefined);

    const [row] = await logsWhere(`LogAttributes['faas.cron'] = '15 4 * * *'`);
    expect(row).toMatchObject({ SeverityText: "ERROR", Body: "Error: nightly catalog sync failed" });
    // workerd reports a throwing cron run "ok"; the tail reports the failure and keeps the "ok".
    expect(row!.LogAttributes).toMatchObject({
      _source: "tail-worker",
      _outcome: "exception",
      "cloudflare.reported_outcome": "ok",
      "cloudflare.event.kind": "scheduled",
    });

    const runbook = await (
      await db.client.query({ query: RECENT_TAIL_EXCEPTIONS.replaceAll("{site}", SERVICE), format: "JSONEachRow" })
    ).json<{ Body: string }>();
    expect(runbook.map((found) => found.Body)).toContain("Error: nightly catalog sync failed");

    // The dashboards' and alerts' error condition (the README's error-rate query spells the same).
    const failed = await rowsUntil<{ dashboards: number; all: number }>(
      `SELECT sumIf(Value, ${INVOCATION_IS_ERROR}) AS dashboards, sum(Value) AS all
       FROM otel_metrics_sum
       WHERE ServiceName = '${SERVICE}' AND MetricName = 'cloudflare.worker.invocations'
         AND Attributes['event.kind'] = 'scheduled'`,
      (rows) => (rows[0]?.all ?? 0) >= 1,
    );
    expect(failed).toEqual([{ dashboards: 1, all: 1 }]);
  });

  it("counts every invocation, healthy ones included, in otel_metrics_sum", async () => {
    const producer = await mf.getWorker("healthy");
    for (let i = 0; i < 3; i++) expect(await (await producer.fetch("https://shop.example.com/")).text()).toBe("ok");

    const counted = await rowsUntil<{ total: number }>(
      `SELECT sum(Value) AS total FROM otel_metrics_sum
       WHERE ServiceName = '${SERVICE}' AND MetricName = 'cloudflare.worker.invocations'
         AND Attributes['outcome'] = 'ok' AND Attributes['http.status_class'] = '2xx'`,
      (rows) => (rows[0]?.total ?? 0) >= 3,
    );
    expect(counted[0]!.total).toBeGreaterThanOrEqual(3);
    const healthyLogs = await (
      await db.client.query({
        query: `SELECT count() AS n FROM otel_logs WHERE ServiceName = '${SERVICE}' AND Body = 'fine'`,
        format: "JSONEachRow",
      })
    ).json<{ n: string }>();
    expect(healthyLogs).toEqual([{ n: "0" }]);
  });

  it("records a custom error class under its own type, its stack with one header", async () => {
    const producer = await mf.getWorker("throws-custom-errors");
    await producer.fetch("https://shop.example.com/pay", { headers: { "x-request-id": "req-custom-1" } }).catch(() => undefined);
    await producer.fetch("https://shop.example.com/batch", { headers: { "x-request-id": "req-custom-2" } }).catch(() => undefined);

    const [checkout] = await logsWhere(`LogAttributes['request.id'] = 'req-custom-1'`);
    expect(checkout).toMatchObject({ SeverityText: "ERROR", Body: "CheckoutError: card declined" });
    expect(checkout!.LogAttributes).toMatchObject({ "exception.type": "CheckoutError", "exception.message": "card declined" });
    expect(checkout!.LogAttributes["exception.stacktrace"]).toMatch(/^CheckoutError: card declined\n\s+at /);

    const [batch] = await logsWhere(`LogAttributes['request.id'] = 'req-custom-2'`);
    expect(batch!.LogAttributes).toMatchObject({ "exception.type": "AggregateError", "exception.message": "several payments failed" });
    expect(batch!.LogAttributes["exception.stacktrace"]).toMatch(/^AggregateError: several payments failed\n\s+at /);
  });

  it("makes an invocation past the 256 KB log limit visible: the platform's notice, and its count marked", async () => {
    const producer = await mf.getWorker("logs-past-the-limit");
    const response = await producer.fetch("https://shop.example.com/dump", { headers: { "x-request-id": "req-truncated" } });
    expect(await response.text()).toBe("ok");

    const [row, ...others] = await logsWhere(`LogAttributes['request.id'] = 'req-truncated'`);
    expect(others).toEqual([]);
    expect(row).toMatchObject({ SeverityText: "WARN", SeverityNumber: 13 });
    expect(row!.Body).toMatch(/^Log size limit exceeded: More than 256KB/);
    expect(row!.LogAttributes).toMatchObject({ _outcome: "ok", "cloudflare.truncated": "true", "url.path": "/dump" });

    const counted = await rowsUntil<{ total: number }>(
      `SELECT sum(Value) AS total FROM otel_metrics_sum
       WHERE ServiceName = '${SERVICE}' AND MetricName = 'cloudflare.worker.invocations'
         AND Attributes['cloudflare.truncated'] = 'true'`,
      (rows) => (rows[0]?.total ?? 0) >= 1,
    );
    expect(counted).toEqual([{ total: 1 }]);
  });
});
