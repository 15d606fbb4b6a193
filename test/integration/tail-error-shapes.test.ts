/**
 * What real producers' errors look like once the tail and the ingest have stored them, in
 * workerd against the local ClickHouse: a Durable Object or another Worker that throws (two
 * ERROR rows when called with fetch, returned or awaited, tied by request id or not; one over JS
 * RPC; told apart and counted once by the README's queries and the dashboard's exception panel), `console.error(err)` (its printed text only) beside
 * `console.error(err.stack)` (an Error's printed stack, read as that error), a thrown plain
 * object, and the resource attributes Cloudflare's own export sets.
 */
import { Miniflare, type WorkerOptions } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applySchema, renderSchema, resolveSchemaOptions } from "../../schema";
import { render } from "../../dashboards/core/render";
import { expandQuery } from "../../dashboards/core/plugin-macros";
import { readmeQuery } from "../support/readme-query";
import { renderedQueries } from "../support/rendered-queries";
import { createTestDatabase, rowsUntil as rowsUntilIn, type TestDatabase } from "../support/clickhouse";
import { ingestWorker, tailedProducers, tailWorker } from "../support/tail-workers";

const SERVICE = `shapes-${Date.now().toString(36)}`;

const PRODUCERS: Record<string, string> = {
  "do-host": `import { DurableObject } from "cloudflare:workers";
    export class Cart extends DurableObject {
      async fetch() { throw new Error("cart object failed"); }
    }
    export default { async fetch(request, env) { return env.CART.get(env.CART.idFromName("c1")).fetch(request); } };`,
  "console-errors": `export default { async fetch() {
      const err = new TypeError("upstream timed out");
      console.error(err);
      console.error(err.stack);
      console.error("Error: could not reach the upstream");
      return new Response("ok");
    } };`,
  "throws-object": `export default { async fetch() { throw { code: 42, reason: "object thrown" }; } };`,
  // A Durable Object called with a request of its own (no caller's header reaches it) or over RPC.
  "do-calls": `import { DurableObject } from "cloudflare:workers";
    export class Shelf extends DurableObject {
      async fetch(request) {
        const path = new URL(request.url).pathname;
        if (path === "/text") throw "shelf text failed";
        if (path === "/awaited") throw new Error("shelf awaited fetch failed");
        throw new Error("shelf fetch failed");
      }
      async restock() { throw new Error("shelf rpc failed"); }
    }
    export default { async fetch(request, env) {
      const shelf = env.SHELF.get(env.SHELF.idFromName("s1"));
      const path = new URL(request.url).pathname;
      if (path === "/rpc") { await shelf.restock(); return new Response("restocked"); }
      if (path === "/awaited") { const answer = await shelf.fetch("https://shelf/awaited"); return new Response(String(answer.status)); }
      return shelf.fetch("https://shelf" + path);
    } };`,
  // Another Worker, called through a service binding with fetch or over RPC.
  billing: `import { WorkerEntrypoint } from "cloudflare:workers";
    export class Billing extends WorkerEntrypoint { async charge() { throw new Error("billing rpc failed"); } }
    export default { async fetch(request) { throw new Error("billing " + new URL(request.url).pathname.slice(1) + " failed"); } };`,
  "billing-caller": `export default { async fetch(request, env) {
      const path = new URL(request.url).pathname;
      if (path === "/rpc") { await env.BILLING_RPC.charge(); return new Response("charged"); }
      if (path === "/awaited") { const answer = await env.BILLING.fetch("https://billing/awaited-fetch"); return new Response(String(answer.status)); }
      // A runtime API's own failure, awaited: no callee, so the one row is a failure.
      if (path === "/down") { await fetch("http://127.0.0.1:1/"); return new Response("reached"); }
      return env.BILLING.fetch("https://billing/fetch");
    } };`,
};

/** Miniflare options of the producers that call another: their Durable Object and service bindings. */
function producerBindings(name: string): Partial<WorkerOptions> {
  if (name === "do-host") return { durableObjects: { CART: "Cart" } };
  if (name === "do-calls") return { durableObjects: { SHELF: "Shelf" } };
  if (name === "billing-caller") return { serviceBindings: { BILLING: "billing", BILLING_RPC: { name: "billing", entrypoint: "Billing" } } };
  return {};
}

let mf: Miniflare;
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase("tail_shapes");
  await applySchema(db.client, renderSchema(resolveSchemaOptions({ database: db.database })));
  mf = new Miniflare({
    workers: [
      ...tailedProducers(PRODUCERS, producerBindings),
      await tailWorker({ vars: { TAIL_SERVICE_NAME_FALLBACK: SERVICE }, ingest: { name: "deco-otel-ingest", entrypoint: "TailIngest" } }),
      await ingestWorker(db),
    ],
  });
  await mf.ready;
}, 60_000);

afterAll(async () => {
  await mf?.dispose();
  await db?.drop();
});

const rowsUntil = <T>(sql: string, enough: (rows: T[]) => boolean) => rowsUntilIn<T>(db, sql, enough);

interface Row {
  Body: string;
  LogAttributes: Record<string, string>;
  ResourceAttributes: Record<string, string>;
}

const rowsOf = (requestId: string, count: number) =>
  rowsUntil<Row>(
    `SELECT Body, LogAttributes, ResourceAttributes FROM otel_logs
     WHERE ServiceName = '${SERVICE}' AND LogAttributes['request.id'] = '${requestId}' ORDER BY Timestamp, Body`,
    (rows) => rows.length >= count,
  );

async function hit(worker: string, requestId: string, path = "/x"): Promise<void> {
  const response = await (await mf.getWorker(worker))
    .fetch(`https://shop.example.com${path}`, { headers: { "x-request-id": requestId } })
    .catch(() => undefined);
  await response?.text();
}

/**
 * Returns once a failure hit after `requestId`'s is stored. Every invocation the earlier hit
 * made had ended before it (the callee's with its caller's answer), and the tail forwards each
 * invocation's records as it ends, so a row of the earlier hit that is not stored by now was
 * never written: a count taken next is final.
 */
async function laterFailureStored(requestId: string): Promise<void> {
  await hit("throws-object", `${requestId}-later`);
  expect(await rowsOf(`${requestId}-later`, 1)).toHaveLength(1);
}

describe("errors as real producers make them", () => {
  it("a throwing Durable Object gives two ERROR rows; the README's queries tell them apart and count one failure", async () => {
    await hit("do-host", "req-do-1");
    const rows = await rowsOf("req-do-1", 2);
    expect(rows.map((row) => row.Body)).toEqual(["Error: cart object failed", "Error: cart object failed"]);
    const thrown = rows.find((row) => row.LogAttributes["cloudflare.execution_model"] === "durableObject")!;
    expect(thrown.ResourceAttributes["cloudflare.entrypoint"]).toBe("Cart");
    expect(thrown.LogAttributes["exception.stacktrace"]).toMatch(/^Error: cart object failed\n\s+at /);
    // Where it was thrown has a frame of its own; the caller's copy (returned, no stack) none.
    expect(rows.map((row) => row.LogAttributes["cloudflare.exception.own_frame"]).sort()).toEqual(["false", "true"]);

    const where = await rowsUntil<{ request_id: string; entrypoint: string; propagated_copy: number }>(
      readmeQuery("Tail exceptions in the last hour"),
      (found) => found.length >= 2,
    );
    expect(
      where
        .filter((row) => row.request_id === "req-do-1")
        .map((row) => [row.entrypoint, Number(row.propagated_copy)])
        .sort(),
    ).toEqual([["", 1], ["Cart", 0]]);

    const [counted] = await rowsUntil<{ failures: string; error_rows: string }>(readmeQuery("Failures counted once"), () => true);
    expect(counted).toEqual({ failures: "1", error_rows: "2" });
  });

  // One failure each, with the rows the tail really leaves: two untied rows for a callee called
  // with fetch and a request of its own, one row (the caller's, with the callee's stack) over RPC.
  it.each([
    ["a Durable Object's fetch, called with its own request", "do-calls", "/url", "Error: shelf fetch failed", 2],
    ["a Durable Object's fetch throwing a non-Error", "do-calls", "/text", "Error: shelf text failed", 2],
    ["a service binding's fetch", "billing-caller", "/fetch", "Error: billing fetch failed", 2],
    // Awaited, the caller's copy has a stack of its own `at async` frames, and still is a copy.
    ["a service binding's fetch, awaited", "billing-caller", "/awaited", "Error: billing awaited-fetch failed", 2],
    ["a Durable Object's fetch, awaited", "do-calls", "/awaited", "Error: shelf awaited fetch failed", 2],
    ["a runtime API's failure, awaited (no callee)", "billing-caller", "/down", "Error: Network connection lost.", 1],
    ["a Durable Object's RPC method", "do-calls", "/rpc", "Error: shelf rpc failed", 1],
    ["a WorkerEntrypoint's RPC method", "billing-caller", "/rpc", "Error: billing rpc failed", 1],
  ] as const)("%s: the README's queries count one failure", async (_name, worker, path, body, expectedRows) => {
    const requestId = `req-${worker}${path.replace("/", "-")}`;
    await hit(worker, requestId, path);
    const onlyThis = (sql: string) => sql.replace("FROM otel_logs", `FROM (SELECT * FROM otel_logs WHERE Body = '${body}')`);
    const where = onlyThis(readmeQuery("Tail exceptions in the last hour"));
    await rowsUntil(where, (found) => found.length >= expectedRows);
    await laterFailureStored(requestId);
    const rows = await rowsUntil<{ request_id: string; propagated_copy: number }>(where, () => true);
    expect(rows).toHaveLength(expectedRows);
    // The caller's row has the request id; a callee's, called with a request of its own, has none.
    const byRequest = rows.map((row) => [row.request_id, Number(row.propagated_copy)]).sort();
    expect(byRequest).toEqual(expectedRows === 2 ? [["", 0], [requestId, 1]] : [[requestId, 0]]);
    const [counted] = await rowsUntil<{ failures: string; error_rows: string }>(onlyThis(readmeQuery("Failures counted once")), () => true);
    expect(counted).toEqual({ failures: "1", error_rows: String(expectedRows) });
  });

  it("the dashboard's exception panel counts a caller's awaited copy apart, and an API's failure as one", async () => {
    await hit("billing-caller", "req-panel-awaited", "/awaited");
    await hit("billing-caller", "req-panel-down", "/down");
    await rowsOf("req-panel-down", 1);
    await rowsOf("req-panel-awaited", 1);
    await rowsUntil(`SELECT 1 FROM otel_logs WHERE Body = 'Error: billing awaited-fetch failed' AND LogAttributes['request.id'] = ''`, (found) => found.length >= 2);
    const panel = renderedQueries(render({ services: [SERVICE], database: db.database, clickhouseUrl: "http://127.0.0.1:8123", clickhouseUser: "default" }))
      .find((query) => query.kind === "panel" && query.title === "Exceptions by type and message")!;
    const toMs = Date.now() + 60_000;
    const sql = expandQuery(panel.rawSql, { fromMs: toMs - 3_600_000, toMs, intervalMs: 10_000, variables: { service: SERVICE } });
    const rows = await rowsUntil<{ message: string; occurrences: string; propagated_copies: string }>(sql, () => true);
    const counts = (message: string) => rows.filter((row) => row.message === message).map((row) => [Number(row.occurrences), Number(row.propagated_copies)]);
    // Two hits of /awaited in this file: each one failure (the callee's row), each one copy.
    expect(counts("billing awaited-fetch failed")).toEqual([[2, 2]]);
    expect(counts("Network connection lost.")).toEqual([[2, 0]]);
  });

  it("console.error(err) keeps its printed text with no exception.*; console.error(err.stack) is read as the error; prose stays prose", async () => {
    await hit("console-errors", "req-console-1");
    const rows = await rowsOf("req-console-1", 3);
    const byBody = (start: string) => rows.find((row) => row.Body.startsWith(start))!;
    expect(rows).toHaveLength(3);
    expect(byBody("TypeError: upstream timed out\n").LogAttributes).toMatchObject({
      "exception.type": "TypeError",
      "exception.message": "upstream timed out",
    });
    expect(rows.find((row) => row.Body === "TypeError: upstream timed out")!.LogAttributes).not.toHaveProperty("exception.type");
    expect(byBody("Error: could not reach").LogAttributes).not.toHaveProperty("exception.type");
  });

  it("a thrown plain object arrives as an Error whose message is #<Object>", async () => {
    await hit("throws-object", "req-object-1");
    const [row] = await rowsOf("req-object-1", 1);
    expect(row!.Body).toBe("Error: #<Object>");
    expect(row!.LogAttributes).toMatchObject({ "exception.type": "Error", "exception.message": "#<Object>" });
  });

  it("carries cloud.platform as Cloudflare's export does (no faas.name where the runtime gives no script name)", async () => {
    await hit("throws-object", "req-object-2");
    const [row] = await rowsOf("req-object-2", 1);
    expect(row!.ResourceAttributes).toMatchObject({ "cloud.provider": "cloudflare", "cloud.platform": "cloudflare.workers" });
    expect(row!.ResourceAttributes).not.toHaveProperty("faas.name");
  });
});
