/**
 * A tail batch's requests cut below the ingest's limits (split.ts, batch.ts), a request the
 * ingest still finds too large halved (forward.ts), and a request handed off in pieces that each
 * fit a queue message (hand-off.ts). The batches are the ones a probe found lost: one invocation
 * of 10,000 short console.error lines makes a 9 MB request, two of them and a CPU kill 17.9 MB.
 */
import { gunzipSync } from "node:zlib";
import { beforeEach, describe, expect, it } from "vitest";
import type { Logger } from "../../workers/shared/log";
import { buildPayloads, type OtlpPayload } from "../../workers/tail/batch";
import { loadConfig } from "../../workers/tail/config";
import { forwardPayload, type IngestBinding } from "../../workers/tail/forward";
import { drainHandOffs, queueHandOff, type HandedOffRequest, type HandOffMessage } from "../../workers/tail/hand-off";
import type { JsonLogRecord, JsonLogsRequest, JsonMetricsRequest } from "../../workers/tail/otlp-json";
import { halvePayload, splitRequest } from "../../workers/tail/split";
import type { TailTraceItem } from "../../workers/tail/trace-item";
import { attributeMap, loadTraceItems } from "../fixtures/trace-items/index";

const NOW_MS = 1777190460000;
const utf8 = new TextEncoder();
const bytesOf = (text: string) => utf8.encode(text).byteLength;

/** One invocation of `lines` console.error lines, each `text(j)`. */
function noisyInvocation(scriptName: string, lines: number, text: (j: number) => string): TailTraceItem {
  const base = loadTraceItems("fetch-console-error")[0]!;
  return {
    ...base,
    scriptName,
    logs: Array.from({ length: lines }, (_, j) => ({ timestamp: NOW_MS - 60_000 + j, level: "error", message: [text(j)] })),
  };
}

/** Text gzip cannot shrink much: what a producer logging ids, hashes or base64 writes. */
function incompressible(length: number, seed: number): string {
  let state = seed;
  let text = "";
  while (text.length < length) {
    state = (state * 1103515245 + 12345) % 2147483648;
    text += (state >>> 8).toString(36);
  }
  return text.slice(0, length);
}

function logRecordsOf(payloads: readonly OtlpPayload[]): { service: string; record: JsonLogRecord }[] {
  return payloads.flatMap((payload) =>
    (JSON.parse(payload.body) as JsonLogsRequest).resourceLogs.flatMap((resource) =>
      resource.scopeLogs.flatMap((scope) =>
        scope.logRecords.map((record) => ({ service: String(attributeMap(resource.resource.attributes)["service.name"]), record })),
      ),
    ),
  );
}

describe("a batch's requests within the ingest's limits", () => {
  it("cuts one invocation of 10,000 short console.error lines (a 9 MB request) into parts of at most 4 MiB", () => {
    const item = noisyInvocation("noisy", 10_000, (j) => `fail ${j}`);
    const whole = splitRequest("/v1/logs", JSON.parse(buildPayloads([item], loadConfig({ TAIL_MAX_REQUEST_BYTES: "104857600" }), NOW_MS)[0]!.body), {
      maxBytes: Number.POSITIVE_INFINITY,
      maxRecords: Number.POSITIVE_INFINITY,
    });
    expect(bytesOf(whole[0]!.body)).toBeGreaterThan(8_000_000);

    const logs = buildPayloads([item], loadConfig({}), NOW_MS).filter((payload) => payload.path === "/v1/logs");
    expect(logs.length).toBeGreaterThanOrEqual(3);
    for (const part of logs) {
      expect(bytesOf(part.body)).toBeLessThanOrEqual(4 * 1024 * 1024);
      expect(part.recordCount).toBe(logRecordsOf([part]).length);
    }
    // Every record, once, in order, with the same content as the uncut request.
    expect(logRecordsOf(logs).map(({ record }) => record)).toEqual(logRecordsOf(whole).map(({ record }) => record));
  });

  it("keeps an unrelated CPU kill beside two noisy producers: 20,001 records in parts within both limits", () => {
    const cpuKill = { ...loadTraceItems("exceeded-cpu")[0]!, scriptName: "quiet-cpu-kill" };
    const items = [noisyInvocation("noisy-a", 10_000, (j) => `fail ${j}`), noisyInvocation("noisy-b", 10_000, (j) => `fail ${j}`), cpuKill];
    const logs = buildPayloads(items, loadConfig({}), NOW_MS).filter((payload) => payload.path === "/v1/logs");
    expect(logs.reduce((total, part) => total + part.recordCount, 0)).toBe(20_001);
    for (const part of logs) {
      expect(bytesOf(part.body)).toBeLessThanOrEqual(4 * 1024 * 1024);
      expect(part.recordCount).toBeLessThanOrEqual(10_000);
    }
    const services = logRecordsOf(logs).map(({ service }) => service);
    expect(services.filter((service) => service === "noisy-a")).toHaveLength(10_000);
    expect(services.filter((service) => service === "quiet-cpu-kill")).toHaveLength(1);
  });

  it("counts UTF-8 bytes, not characters: accented, CJK and emoji lines stay within the byte limit", () => {
    const item = noisyInvocation("unicode", 3_000, (j) => `São Paulo 東京 😀 ${j} ${"é".repeat(j % 50)}`);
    const logs = buildPayloads([item], loadConfig({ TAIL_MAX_REQUEST_BYTES: "262144" }), NOW_MS).filter((payload) => payload.path === "/v1/logs");
    expect(logs.length).toBeGreaterThan(1);
    for (const part of logs) expect(bytesOf(part.body)).toBeLessThanOrEqual(262_144);
    // Filled close to the limit: the count is an upper bound, not a loose one.
    expect(bytesOf(logs[0]!.body)).toBeGreaterThan(262_144 * 0.9);
    expect(logRecordsOf(logs).map(({ record }) => record.body)).toEqual(item.logs.map((log) => ({ stringValue: (log.message as string[])[0] })));
  });

  it("keeps to TAIL_MAX_REQUEST_RECORDS", () => {
    const logs = buildPayloads([noisyInvocation("noisy", 2_500, (j) => `fail ${j}`)], loadConfig({ TAIL_MAX_REQUEST_RECORDS: "1000" }), NOW_MS).filter(
      (payload) => payload.path === "/v1/logs",
    );
    expect(logs.map((part) => part.recordCount)).toEqual([1000, 1000, 500]);
  });

  it("sends one request, the whole batch as before, when it is within both limits", () => {
    const payloads = buildPayloads(loadTraceItems("fetch-console-error"), loadConfig({}), NOW_MS);
    expect(payloads.map((payload) => payload.path)).toEqual(["/v1/logs", "/v1/metrics"]);
  });

  it("cuts metrics by data points, each part repeating its resource and metric", () => {
    const items = Array.from({ length: 40 }, (_, i) => ({ ...loadTraceItems("exceeded-cpu")[0]!, scriptName: `tenant-${i}` }));
    const metrics = buildPayloads(items, loadConfig({ TAIL_MAX_REQUEST_RECORDS: "7" }), NOW_MS).filter((payload) => payload.path === "/v1/metrics");
    // 40 producers, 3 metrics each, one point per metric.
    expect(metrics.reduce((total, part) => total + part.recordCount, 0)).toBe(120);
    expect(metrics.every((part) => part.recordCount <= 7)).toBe(true);
    const points = metrics.flatMap((part) =>
      (JSON.parse(part.body) as JsonMetricsRequest).resourceMetrics.flatMap((resource) =>
        resource.scopeMetrics[0]!.metrics.map((metric) => ({
          service: attributeMap(resource.resource.attributes)["service.name"],
          name: metric.name,
          points: ("sum" in metric ? metric.sum.dataPoints : metric.histogram.dataPoints).length,
        })),
      ),
    );
    expect(new Set(points.map((point) => `${String(point.service)} ${point.name}`)).size).toBe(120);
  });

  it("sends a single record over the byte limit alone, as nothing smaller can be sent", () => {
    const item = noisyInvocation("big-line", 3, (j) => (j === 1 ? "x".repeat(100_000) : `small ${j}`));
    const logs = buildPayloads([item], loadConfig({ TAIL_MAX_REQUEST_BYTES: "65536" }), NOW_MS).filter((payload) => payload.path === "/v1/logs");
    expect(logs.map((part) => part.recordCount)).toEqual([1, 1, 1]);
    expect(bytesOf(logs[1]!.body)).toBeGreaterThan(65_536);
    expect(halvePayload(logs[1]!)).toEqual([logs[1]]);
  });
});

let lines: Record<string, unknown>[];
const logger: Logger = { log: (level, msg, fields) => void lines.push({ level, msg, ...fields }) };
beforeEach(() => {
  lines = [];
});

/**
 * An ingest whose MAX_BODY_BYTES is `maxBytes`: 413 above it, 200 within, taking the drain's
 * gzipped bodies as the real one does. `calls` are every request's records and key, `accepted`
 * the ones it took.
 */
function ingestRefusingOver(maxBytes: number) {
  const calls: { records: number; key: string }[] = [];
  const accepted: typeof calls = [];
  const binding: IngestBinding = {
    async fetch(_url, init) {
      const headers = new Headers(init.headers);
      const body = headers.get("content-encoding") === "gzip" ? gunzipSync(init.body as Uint8Array).toString("utf8") : String(init.body);
      const call = { records: logRecordsOf([{ path: "/v1/logs", body, recordCount: 0 }]).length, key: headers.get("idempotency-key")! };
      calls.push(call);
      if (bytesOf(body) > maxBytes) return new Response(`request body is ${bytesOf(body)} bytes, over the limit`, { status: 413 });
      accepted.push(call);
      return new Response("{}");
    },
  };
  return { binding, calls, accepted };
}

/** The loss line of one record a 413 refused for good, with the forward's note. */
const singleRecordLost = (payload: OtlpPayload, fields: Record<string, unknown> = {}) =>
  expect.objectContaining({
    level: "error",
    msg: "forward to ingest failed; records lost",
    lostRecords: 1,
    status: 413,
    retryable: false,
    bytes: bytesOf(payload.body),
    note: expect.stringMatching(/^a single record over the ingest's MAX_BODY_BYTES cannot be cut smaller: .*MAX_ATTRIBUTE_VALUE_LENGTH/),
    ...fields,
  });

describe("a request the ingest still finds too large", () => {
  /** An ingest whose MAX_BODY_BYTES is `maxBytes`: 413 above it, 200 within. */
  it("is halved until the parts fit, each part under its own key, and nothing is lost", async () => {
    const [logs] = buildPayloads([noisyInvocation("noisy", 40, (j) => `fail ${j}`)], loadConfig({}), NOW_MS);
    const { binding, calls } = ingestRefusingOver(bytesOf(logs!.body) / 3);
    const result = await forwardPayload(binding, logs!, { logger, retries: 0 });
    expect(result).toMatchObject({ delivered: true });
    const accepted = calls.filter((call) => call.records <= 10);
    expect(accepted.reduce((total, call) => total + call.records, 0)).toBe(40);
    expect(new Set(calls.map((call) => call.key)).size).toBe(calls.length);
    expect(lines.filter((line) => line.level === "error")).toEqual([]);
    expect(lines[0]).toMatchObject({ level: "warn", msg: "ingest refused a forward as too large; sending it in smaller parts", records: 40, parts: 2 });
  });

  it("is final for a single record, and the loss line says why nothing smaller could be sent", async () => {
    const [logs] = buildPayloads([noisyInvocation("one-line", 1, () => "x".repeat(5_000))], loadConfig({}), NOW_MS);
    const { binding } = ingestRefusingOver(1_024);
    expect(await forwardPayload(binding, logs!, { logger, retries: 3 })).toEqual({ delivered: false, attempts: 1 });
    expect(lines).toEqual([singleRecordLost(logs!)]);
  });
});

describe("a request handed off in queue-sized pieces", () => {
  function recordingQueue(refuse = () => false) {
    const sent: HandedOffRequest[] = [];
    return {
      sent,
      queue: {
        async send(body: HandedOffRequest) {
          if (refuse()) throw new Error("Queue send failed: queue overloaded");
          sent.push(body);
        },
      },
    };
  }

  it("hands off 2,000 distinct 100-character lines (over 128,000 bytes gzipped) as several messages that each fit", async () => {
    const [logs] = buildPayloads([noisyInvocation("near-the-log-limit", 2_000, (j) => incompressible(100, j + 1))], loadConfig({}), NOW_MS);
    const { sent, queue } = recordingQueue();
    await queueHandOff(queue)(logs!, "key-1", "ingest unavailable");
    expect(sent.length).toBeGreaterThan(1);
    for (const message of sent) expect(message.gzippedBody.byteLength).toBeLessThanOrEqual(126_000);
    expect(sent.reduce((total, message) => total + message.recordCount, 0)).toBe(2_000);
    expect(new Set(sent.map((message) => message.idempotencyKey)).size).toBe(sent.length);
    expect(sent.every((message) => message.idempotencyKey.startsWith("key-1/"))).toBe(true);
    // The pieces are sent concurrently: compare the records in time order (one line per ms).
    const inTimeOrder = (records: { record: JsonLogRecord }[]) =>
      records.map(({ record }) => record).sort((a, b) => a.timeUnixNano.localeCompare(b.timeUnixNano));
    const records = sent.flatMap((message) => logRecordsOf([{ path: "/v1/logs", body: gunzipSync(message.gzippedBody).toString("utf8"), recordCount: 0 }]));
    expect(inTimeOrder(records)).toEqual(inTimeOrder(logRecordsOf([logs!])));
  });

  it("hands off a small request as one message under the request's own key", async () => {
    const [logs] = buildPayloads(loadTraceItems("fetch-console-error"), loadConfig({}), NOW_MS);
    const { sent, queue } = recordingQueue();
    await queueHandOff(queue)(logs!, "key-1", "ingest unavailable");
    expect(sent.map((message) => [message.idempotencyKey, message.recordCount])).toEqual([["key-1", logs!.recordCount]]);
  });

  it("reports as lost only the records it could not keep: one record over a message even gzipped", async () => {
    const [logs] = buildPayloads(
      [noisyInvocation("huge-line", 3, (j) => (j === 0 ? incompressible(200_000, 7) : `small ${j}`))],
      loadConfig({}),
      NOW_MS,
    );
    const { binding } = { binding: { fetch: async () => new Response("busy", { status: 503 }) } satisfies IngestBinding };
    const { sent, queue } = recordingQueue();
    const result = await forwardPayload(binding, logs!, { logger, retries: 0, handOff: queueHandOff(queue) });
    expect(result).toEqual({ delivered: false, attempts: 1 });
    expect(sent.reduce((total, message) => total + message.recordCount, 0)).toBe(2);
    expect(lines).toEqual([
      expect.objectContaining({
        level: "error",
        msg: "forward to ingest failed; records lost",
        lostRecords: 1,
        handedOffRecords: 2,
        handOffError: expect.stringMatching(/^a record is \d+ bytes gzipped, over a queue message's 126000$/),
      }),
    ]);
  });
});

describe("a handed-off request the ingest finds too large", () => {
  /** The hand-off queue: messages sent to it, drained (each acked or retried once) until it is empty. */
  function handOffQueue() {
    const waiting: HandedOffRequest[] = [];
    const settled: string[] = [];
    const handOff = queueHandOff({ send: async (body) => void waiting.push(body) });
    const drainAll = async (binding: IngestBinding) => {
      while (waiting.length > 0) {
        const messages: HandOffMessage[] = waiting.splice(0).map((body) => ({
          id: body.idempotencyKey,
          body,
          attempts: 1,
          ack: () => void settled.push(`ack ${body.idempotencyKey}`),
          retry: () => void settled.push(`retry ${body.idempotencyKey}`),
        }));
        await drainHandOffs({ queue: "deco-otel-tail-handoff", messages }, binding, { logger, maxAttempts: 50, handOff });
      }
    };
    return { waiting, settled, handOff, drainAll };
  }

  it("is halved back onto the queue until the halves fit, each under its own key, and nothing is lost", async () => {
    const [logs] = buildPayloads([noisyInvocation("noisy", 40, (j) => `fail ${j}`)], loadConfig({}), NOW_MS);
    const queue = handOffQueue();
    // The forward's first failure was retryable (the ingest was down): the whole part was handed off.
    await queue.handOff(logs!, "key-1", "ingest unavailable");
    const { binding, accepted } = ingestRefusingOver(bytesOf(logs!.body) / 3);
    await queue.drainAll(binding);

    expect(accepted.reduce((total, call) => total + call.records, 0)).toBe(40);
    expect(accepted.every((call) => call.records <= 10)).toBe(true);
    expect(new Set(accepted.map((call) => call.key)).size).toBe(accepted.length);
    expect(accepted.every((call) => /^key-1(\/[01])+$/.test(call.key))).toBe(true);
    expect(queue.settled.every((settled) => settled.startsWith("ack "))).toBe(true);
    expect(lines.filter((line) => line.level === "error")).toEqual([]);
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: "warn",
        msg: "ingest refused handed-off records as too large; handed off again in smaller parts",
        records: 40,
        parts: 2,
      }),
    );
  });

  it("halves a redelivered message into the same keys, so a half sent twice lands once", async () => {
    const [logs] = buildPayloads([noisyInvocation("noisy", 9, (j) => `fail ${j}`)], loadConfig({}), NOW_MS);
    const keysOfHalves = async () => {
      const queue = handOffQueue();
      await queue.handOff(logs!, "key-1", "ingest unavailable");
      const [message] = queue.waiting.splice(0);
      const halves: HandedOffRequest[] = [];
      const tooLarge: IngestBinding = { fetch: async () => new Response("too large", { status: 413 }) };
      await drainHandOffs(
        { queue: "deco-otel-tail-handoff", messages: [{ id: "m0", body: message, attempts: 1, ack: () => {}, retry: () => {} }] },
        tooLarge,
        { logger, maxAttempts: 50, handOff: queueHandOff({ send: async (body) => void halves.push(body) }) },
      );
      return halves.map((half) => [half.idempotencyKey, half.recordCount]).sort();
    };
    const first = await keysOfHalves();
    expect(first).toEqual([
      ["key-1/0", 5],
      ["key-1/1", 4],
    ]);
    expect(await keysOfHalves()).toEqual(first);
  });

  it("retries the whole message when a half cannot be handed off, and nothing is acknowledged lost", async () => {
    const [logs] = buildPayloads([noisyInvocation("noisy", 8, (j) => `fail ${j}`)], loadConfig({}), NOW_MS);
    const queue = handOffQueue();
    await queue.handOff(logs!, "key-1", "ingest unavailable");
    const [message] = queue.waiting.splice(0);
    const seen: string[] = [];
    const tooLarge: IngestBinding = { fetch: async () => new Response("too large", { status: 413 }) };
    const refusingQueue = queueHandOff({
      send: async () => {
        throw new Error("Queue send failed: queue overloaded");
      },
    });
    await drainHandOffs(
      {
        queue: "deco-otel-tail-handoff",
        messages: [{ id: "m0", body: message, attempts: 1, ack: () => void seen.push("ack"), retry: (o) => void seen.push(`retry ${o?.delaySeconds}`) }],
      },
      tooLarge,
      { logger, maxAttempts: 50, handOff: refusingQueue },
    );
    expect(seen).toEqual(["retry 5"]);
    expect(lines[0]).toMatchObject({
      level: "warn",
      msg: "handed-off records retried",
      records: 8,
      reason: expect.stringMatching(/^too large; halves not handed off: Queue send failed: queue overloaded/),
    });
  });

  it("is final for a single record, and the loss line says why nothing smaller could be sent", async () => {
    const [logs] = buildPayloads([noisyInvocation("one-line", 1, () => "x".repeat(5_000))], loadConfig({}), NOW_MS);
    const queue = handOffQueue();
    await queue.handOff(logs!, "key-1", "ingest unavailable");
    const { binding, accepted } = ingestRefusingOver(1_024);
    await queue.drainAll(binding);
    expect(accepted).toEqual([]);
    expect(queue.settled).toEqual(["ack key-1"]);
    expect(lines).toContainEqual(singleRecordLost(logs!, { handedOff: true }));
  });
});
