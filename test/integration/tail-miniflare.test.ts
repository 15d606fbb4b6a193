/**
 * The tail Worker in workerd: real producer Workers fail in the ways a tail exists to catch, and
 * the OTLP requests the tail forwards over its INGEST binding are checked as received.
 *
 * INGEST points at a capture Worker that records each request behind the same named entrypoint
 * (TailIngest) the real ingest Worker exports.
 */
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { JsonLogRecord, JsonLogsRequest, JsonMetricsRequest } from "../../workers/tail/otlp-json";
import { DEFAULT_NORMALIZATION_OPTIONS, liftJsonBody } from "../../workers/ingest/core/normalize";
import { attributeMap, type PlainValue } from "../fixtures/trace-items/index";
import { logRecord } from "../support/model-builders";
import { buildWorker } from "../../scripts/build-worker";
import { TAIL_INGEST_CAPTURE_WORKER } from "../support/tail-ingest-capture";
import { tailedProducers } from "../support/tail-workers";
import { LOG_LEVELS } from "../../workers/tail/config";

/** Kept equal to wrangler.tail.jsonc. */
const COMPATIBILITY_DATE = "2026-04-01";
/** Locally the runtime reports scriptName null, so every producer appears under this name. */
const LOCAL_SERVICE_NAME = "local-producer";
/** A second tail Worker, capturing every console level the runtime sends (LOG_LEVELS). */
const EVERY_LEVEL_TAIL = "deco-otel-tail-every-level";

const PRODUCERS = {
  "throws-in-fetch": `export default {
    async fetch(request) {
      throw new TypeError("cart is undefined");
    },
  };`,
  "logs-errors": `export default {
    async fetch(request) {
      console.log(JSON.stringify({ msg: "order received", "request.id": "req-from-log-line" }));
      console.error("payment declined for order", 1042, { retry: false });
      console.error("%s failed for %d items (%o)", "checkout", 7, { step: "pay" });
      console.error("100%% done");
      console.error("order %d: %s%%", 12345678901234567890n, "50");
      console.error(JSON.stringify({ level: "error", msg: "inventory out of sync", sku: "SKU-9" }));
      console.error(new RangeError("quantity out of range"));
      return new Response("sorry", { status: 502 });
    },
  };`,
  "fails-in-cron": `export default {
    async scheduled(controller) {
      throw new Error("nightly sync failed");
    },
  };`,
  "fails-in-queue": `export default {
    async queue(batch) {
      throw new SyntaxError("bad message " + batch.messages[0].body);
    },
  };`,
  "pino-then-throws": `export default {
    async fetch(request) {
      console.log(JSON.stringify({ level: 30, msg: "checkout started", reqId: "req-pino-1" }));
      throw new Error("payment provider unreachable");
    },
  };`,
  "logs-line-then-throws": `export default {
    async fetch(request) {
      const line = new URL(request.url).searchParams.get("line");
      // A logged object: the console line holds the value, not a text. (One holding a BigInt
      // reaches the tail as {}: workerd sends the line's arguments as JSON.)
      if (line === null) console.log({ msg: "checkout started", reqId: 4711 });
      else console.log(line);
      throw new Error("payment failed");
    },
  };`,
  "fails-in-websocket": `import { DurableObject } from "cloudflare:workers";
  export class Room extends DurableObject {
    async fetch(request) {
      const pair = new WebSocketPair();
      this.ctx.acceptWebSocket(pair[1]);
      return new Response(null, { status: 101, webSocket: pair[0] });
    }
    async webSocketMessage(ws, message) {
      throw new Error("cannot handle " + message);
    }
  }
  export default {
    async fetch(request, env) {
      return env.ROOM.get(env.ROOM.idFromName("lobby")).fetch(request);
    },
  };`,
  // Every console method that prints, then a throw: tailed by EVERY_LEVEL_TAIL, which captures
  // all five levels the runtime sends.
  "logs-every-level": `export default {
    async fetch(request) {
      console.debug("cache miss for sku", 42);
      console.info("order received");
      console.log('{"level":"error","msg":"charge failed"}');
      console.warn("retrying payment");
      console.error("payment declined");
      console.trace("reached checkout");
      throw new Error("checkout failed");
    },
  };`,
  healthy: `export default {
    async fetch(request) {
      console.log("all good");
      console.warn("a warning is not captured by default");
      return new Response("ok");
    },
  };`,
} as const;

type ProducerName = keyof typeof PRODUCERS;

/** A handler that threw, which workerd reports with outcome "ok" beside its exceptions. */
const FAILED_BUT_REPORTED_OK = {
  script: LOCAL_SERVICE_NAME,
  outcome: "exception",
  "cloudflare.reported_outcome": "ok",
} as const;

interface Received {
  path: string;
  method: string;
  contentType: string;
  body: unknown;
}

let mf: Miniflare;

beforeAll(async () => {
  const tailScript = await buildWorker("workers/tail/index.ts");
  mf = new Miniflare({
    workers: [
      ...tailedProducers(PRODUCERS, (name) => ({
        ...(name === "fails-in-queue" ? { queueConsumers: ["order-events"] } : {}),
        ...(name === "fails-in-websocket" ? { durableObjects: { ROOM: "Room" } } : {}),
        ...(name === "logs-every-level" ? { tails: [EVERY_LEVEL_TAIL] } : {}),
      })),
      {
        name: "deco-otel-tail",
        modules: true,
        script: tailScript,
        compatibilityDate: COMPATIBILITY_DATE,
        bindings: { TAIL_SERVICE_NAME_FALLBACK: LOCAL_SERVICE_NAME, TAIL_FORWARD_RETRIES: "2" },
        serviceBindings: { INGEST: { name: "capture", entrypoint: "TailIngest" } },
      },
      {
        name: EVERY_LEVEL_TAIL,
        modules: true,
        script: tailScript,
        compatibilityDate: COMPATIBILITY_DATE,
        bindings: { TAIL_SERVICE_NAME_FALLBACK: LOCAL_SERVICE_NAME, TAIL_CAPTURE_LEVELS: LOG_LEVELS.join(",") },
        serviceBindings: { INGEST: { name: "capture", entrypoint: "TailIngest" } },
      },
      { name: "capture", modules: true, script: TAIL_INGEST_CAPTURE_WORKER, compatibilityDate: COMPATIBILITY_DATE },
    ],
  });
  await mf.ready;
});

afterAll(async () => {
  await mf?.dispose();
});

beforeEach(async () => {
  await drainCapture();
});

async function drainCapture(): Promise<Received[]> {
  const capture = await mf.getWorker("capture");
  return (await (await capture.fetch("http://capture/")).json()) as Received[];
}

/** Tail delivery is asynchronous to the producer's invocation: poll until it has arrived. */
async function receiveUntil(done: (received: Received[]) => boolean, timeoutMs = 10_000): Promise<Received[]> {
  const received: Received[] = [];
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    received.push(...(await drainCapture()));
    if (done(received)) return received;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out; received so far: ${JSON.stringify(received.map((r) => r.path))}`);
}

const hasLogsAndMetrics = (received: Received[]) =>
  received.some((r) => r.path === "/v1/logs") && received.some((r) => r.path === "/v1/metrics");

function logRecords(received: Received[]): { resource: Record<string, unknown>; record: JsonLogRecord }[] {
  return received
    .filter((r) => r.path === "/v1/logs")
    .flatMap((r) => (r.body as JsonLogsRequest).resourceLogs)
    .flatMap((resourceLog) =>
      resourceLog.scopeLogs.flatMap((scopeLog) =>
        scopeLog.logRecords.map((record) => ({ resource: attributeMap(resourceLog.resource.attributes), record })),
      ),
    );
}

function invocationCounts(received: Received[]) {
  return received
    .filter((r) => r.path === "/v1/metrics")
    .flatMap((r) => (r.body as JsonMetricsRequest).resourceMetrics)
    .flatMap((resourceMetric) => resourceMetric.scopeMetrics.flatMap((scope) => scope.metrics))
    .flatMap((metric) =>
      metric.name === "cloudflare.worker.invocations" && "sum" in metric ? metric.sum.dataPoints : [],
    )
    .map((point) => ({ ...attributeMap(point.attributes), count: Number(point.asInt) }));
}

async function producer(name: ProducerName) {
  return mf.getWorker(name);
}

describe("tail Worker in workerd", () => {
  it("forwards an uncaught exception as an ERROR record with request, trace and exception attributes", async () => {
    const worker = await producer("throws-in-fetch");
    await expect(
      worker.fetch("https://shop.example.com/api/cart?token=s3cr3t", {
        method: "POST",
        headers: {
          "x-request-id": "req-header-1",
          traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
          cookie: "session=abc",
        },
      }),
    ).rejects.toThrow("cart is undefined");

    const received = await receiveUntil(hasLogsAndMetrics);
    expect(received.every((r) => r.method === "POST" && r.contentType === "application/json")).toBe(true);
    const records = logRecords(received);
    expect(records).toHaveLength(1);
    const [{ resource, record }] = records as [(typeof records)[number]];
    expect(resource).toEqual({ "service.name": LOCAL_SERVICE_NAME, "cloud.provider": "cloudflare", "cloud.platform": "cloudflare.workers" });
    expect(record).toMatchObject({
      severityNumber: 17,
      severityText: "ERROR",
      body: { stringValue: "TypeError: cart is undefined" },
      traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
      flags: 1,
    });
    // The traceparent's span id is the caller's: the tail has no span of the producer's to name.
    expect(record).not.toHaveProperty("spanId");
    expect(attributeMap(record.attributes)).toMatchObject({
      _source: "tail-worker",
      _outcome: "exception",
      "url.path": "/api/cart",
      "http.request.method": "POST",
      "request.id": "req-header-1",
      "exception.type": "TypeError",
      "exception.message": "cart is undefined",
      "cloudflare.event.kind": "fetch",
      "cloudflare.truncated": false,
    });
    expect(String(attributeMap(record.attributes)["exception.stacktrace"])).toMatch(/^TypeError: cart is undefined\n\s+at /);
    const serialized = JSON.stringify(received);
    expect(serialized).not.toContain("s3cr3t");
    expect(serialized).not.toContain("session=abc");
    expect(invocationCounts(received)).toEqual([
      { script: LOCAL_SERVICE_NAME, outcome: "exception", "event.kind": "fetch", "http.status_class": "none", count: 1 },
    ]);
  });

  it("forwards each console.error line, plain, printf-style and JSON, with the request id the producer logged", async () => {
    const worker = await producer("logs-errors");
    const response = await worker.fetch("https://shop.example.com/api/orders/1042?debug=1");
    expect(response.status).toBe(502);
    await response.text();

    const records = logRecords(await receiveUntil(hasLogsAndMetrics));
    expect(records.map(({ record }) => [record.severityText, record.body])).toEqual([
      ["ERROR", { stringValue: 'payment declined for order 1042 {"retry":false}' }],
      // printf-style arguments formatted as the console printed them, a lone argument as it is.
      ["ERROR", { stringValue: 'checkout failed for 7 items ({"step":"pay"})' }],
      ["ERROR", { stringValue: "100%% done" }],
      ["ERROR", { stringValue: "order 12345678901234567890: 50%" }],
      ["ERROR", { stringValue: '{"level":"error","msg":"inventory out of sync","sku":"SKU-9"}' }],
      ["ERROR", { stringValue: "RangeError: quantity out of range" }],
    ]);
    for (const { record } of records) {
      expect(attributeMap(record.attributes)).toMatchObject({
        _source: "tail-worker",
        _outcome: "ok",
        "url.path": "/api/orders/1042",
        "http.request.method": "GET",
        "http.response.status_code": 502,
        "request.id": "req-from-log-line",
      });
    }
  });

  it("forwards an exception thrown in a scheduled handler with its cron, and counts the run as failed", async () => {
    const worker = await producer("fails-in-cron");
    await worker.scheduled({ cron: "0 3 * * *", scheduledTime: new Date("2026-04-26T03:00:00Z") }).catch(() => {});

    const received = await receiveUntil(hasLogsAndMetrics);
    expect(invocationCounts(received)).toEqual([
      { ...FAILED_BUT_REPORTED_OK, "event.kind": "scheduled", "http.status_class": "none", count: 1 },
    ]);
    const records = logRecords(received);
    expect(records).toHaveLength(1);
    expect(records[0]!.record.body).toEqual({ stringValue: "Error: nightly sync failed" });
    expect(attributeMap(records[0]!.record.attributes)).toMatchObject({
      _source: "tail-worker",
      // workerd reports the run "ok" beside its exception; the tail reports the failure.
      _outcome: "exception",
      "cloudflare.reported_outcome": "ok",
      "cloudflare.event.kind": "scheduled",
      "faas.trigger": "timer",
      "faas.cron": "0 3 * * *",
      "faas.time": "2026-04-26T03:00:00.000Z",
      "exception.type": "Error",
    });
  });

  it("forwards an exception thrown in a queue consumer with the queue and batch size, and counts it as failed", async () => {
    const worker = await producer("fails-in-queue");
    await worker.queue("order-events", [{ id: "m1", timestamp: new Date(), body: "{oops", attempts: 1 }]);

    const received = await receiveUntil(hasLogsAndMetrics);
    expect(invocationCounts(received)).toEqual([
      { ...FAILED_BUT_REPORTED_OK, "event.kind": "queue", "http.status_class": "none", count: 1 },
    ]);
    const records = logRecords(received);
    expect(records).toHaveLength(1);
    expect(records[0]!.record.body).toEqual({ stringValue: "SyntaxError: bad message {oops" });
    expect(attributeMap(records[0]!.record.attributes)).toMatchObject({
      _outcome: "exception",
      "cloudflare.reported_outcome": "ok",
      "cloudflare.event.kind": "queue",
      "faas.trigger": "pubsub",
      "messaging.destination.name": "order-events",
      "messaging.batch.message_count": 1,
    });
  });

  it("forwards an exception thrown in a hibernatable WebSocket handler, and counts it as failed", async () => {
    const worker = await producer("fails-in-websocket");
    const response = await worker.fetch("https://shop.example.com/room", { headers: { Upgrade: "websocket" } });
    expect(response.status).toBe(101);
    const socket = response.webSocket!;
    socket.accept();
    socket.send("hello");

    const isMessage = (count: Record<string, PlainValue>) => count["event.kind"] === "websocket";
    const received = await receiveUntil((r) => invocationCounts(r).some(isMessage) && logRecords(r).length > 0);
    socket.close(1000, "done");
    expect(invocationCounts(received).filter(isMessage)).toEqual([
      { ...FAILED_BUT_REPORTED_OK, "event.kind": "websocket", "http.status_class": "none", count: 1 },
    ]);
    const records = logRecords(received);
    expect(records).toHaveLength(1);
    expect(records[0]!.record.body).toEqual({ stringValue: "Error: cannot handle hello" });
    expect(attributeMap(records[0]!.record.attributes)).toMatchObject({
      _outcome: "exception",
      "cloudflare.reported_outcome": "ok",
      "cloudflare.event.kind": "websocket",
      "cloudflare.websocket.event_type": "message",
      "cloudflare.execution_model": "durableObject",
    });
  });

  it("gives the exception record the request id a pino line logged, as the ingest lifts it", async () => {
    const worker = await producer("pino-then-throws");
    await expect(
      worker.fetch("https://shop.example.com/checkout", { headers: { "x-request-id": "req-header-2" } }),
    ).rejects.toThrow("payment provider unreachable");

    const records = logRecords(await receiveUntil(hasLogsAndMetrics));
    expect(records).toHaveLength(1);
    expect(attributeMap(records[0]!.record.attributes)).toMatchObject({
      "exception.message": "payment provider unreachable",
      "request.id": "req-pino-1",
    });
  });

  // D-9: the tail's records carry the id the ingest stores for the producer's own line.
  it.each([
    ['{"level":30,"msg":"checkout started","reqId":1234567890123456789}', "1234567890123456789"],
    ['{"requestId":"","request_id":"r-2"}', "r-2"],
    ['{"request":{"id":""},"reqId":"r-4"}', "req-header-3"],
    ['{"request":{"id":"b"},"request.id":"a"}', "b"],
    [null, "4711"],
  ])("gives the exception record the request id the ingest lifts from the line %s", async (line, id) => {
    const worker = await producer("logs-line-then-throws");
    const query = line === null ? "" : `?line=${encodeURIComponent(line)}`;
    await expect(
      worker.fetch(`https://shop.example.com/checkout${query}`, { headers: { "x-request-id": "req-header-3" } }),
    ).rejects.toThrow("payment failed");

    const records = logRecords(await receiveUntil(hasLogsAndMetrics));
    expect(records).toHaveLength(1);
    expect(attributeMap(records[0]!.record.attributes)["request.id"]).toBe(id);
    if (line === null) return;
    const lifted = logRecord({ body: { stringValue: line } });
    liftJsonBody(lifted, DEFAULT_NORMALIZATION_OPTIONS);
    const stored = lifted.attributes.find((attribute) => attribute.key === "request.id")!.value;
    const storedText = "intValue" in stored ? stored.intValue : "stringValue" in stored ? stored.stringValue : undefined;
    // The same id, or (the line's own request.id empty) none the producer's row could join on.
    expect(storedText === "" ? "req-header-3" : storedText).toBe(id);
  });

  it("gives each console level its severity, log and info the export's bare 9; console.trace reaches no tail", async () => {
    const worker = await producer("logs-every-level");
    await expect(worker.fetch("https://shop.example.com/checkout")).rejects.toThrow("checkout failed");

    const records = logRecords(await receiveUntil(hasLogsAndMetrics));
    expect(records.map(({ record }) => [record.severityNumber, record.severityText, record.body])).toEqual([
      [17, "ERROR", { stringValue: "Error: checkout failed" }],
      [5, "DEBUG", { stringValue: "cache miss for sku 42" }],
      // log and info: the export's bare 9, so the ingest lifts a JSON line's level on both channels.
      [9, "", { stringValue: "order received" }],
      [9, "", { stringValue: '{"level":"error","msg":"charge failed"}' }],
      [13, "WARN", { stringValue: "retrying payment" }],
      [17, "ERROR", { stringValue: "payment declined" }],
    ]);
  });

  it("forwards no log record for a healthy invocation, but still counts it", async () => {
    const worker = await producer("healthy");
    expect(await (await worker.fetch("https://shop.example.com/health")).text()).toBe("ok");

    const received = await receiveUntil((r) => r.some((request) => request.path === "/v1/metrics"));
    // The healthy tail started all its forwards together, so by now any logs request of its was
    // sent; a later invocation's records, awaited next, arrive behind it.
    const later = await producer("throws-in-fetch");
    await expect(later.fetch("https://shop.example.com/later")).rejects.toThrow("cart is undefined");
    received.push(...(await receiveUntil(hasLogsAndMetrics)));
    expect(received.map((r) => r.path).sort()).toEqual(["/v1/logs", "/v1/metrics", "/v1/metrics"]);
    expect(logRecords(received).map(({ record }) => attributeMap(record.attributes)["url.path"])).toEqual(["/later"]);
    expect(invocationCounts(received)).toEqual([
      { script: LOCAL_SERVICE_NAME, outcome: "ok", "event.kind": "fetch", "http.status_class": "2xx", count: 1 },
      { script: LOCAL_SERVICE_NAME, outcome: "exception", "event.kind": "fetch", "http.status_class": "none", count: 1 },
    ]);
  });

  it("retries a forward the ingest turned away with 503", async () => {
    const capture = await mf.getWorker("capture");
    await (await capture.fetch("http://capture/fail?count=1")).text();
    const worker = await producer("throws-in-fetch");
    await worker.fetch("https://shop.example.com/retry").catch(() => {});

    const records = logRecords(await receiveUntil(hasLogsAndMetrics));
    expect(records).toHaveLength(1);
    expect(attributeMap(records[0]!.record.attributes)["url.path"]).toBe("/retry");
  });
});
