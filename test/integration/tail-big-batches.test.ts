/**
 * A noisy producer must not sink anyone's records. Every record the tail writes carries its
 * invocation's attributes (about 900 bytes), so 4,000 short console.error lines, far inside the
 * platform's 256 KB per invocation (local workerd cuts at about 4,900 such lines), become a
 * 3.6 MB /v1/logs request: sent whole to an ingest whose MAX_BODY_BYTES is below that, it was
 * refused with a final 413 and every record was lost. Here the real tail cuts it into parts of
 * TAIL_MAX_REQUEST_BYTES (1 MiB), the real ingest (MAX_BODY_BYTES 768 KiB, set below the tail's
 * parts) still refuses those, the tail halves them, and every record lands in ClickHouse once,
 * beside a quiet producer's exception. (Unit tests cover the 9 MB and 17.9 MB batches at the
 * default limits: tail-split.test.ts.)
 *
 * The same part handed off first (the ingest was down when it was forwarded) is halved by the
 * drain when the ingest answers it 413, the halves go back on the hand-off queue under their own
 * keys, and every record lands once.
 */
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applySchema, renderSchema, resolveSchemaOptions } from "../../schema";
import { buildPayloads } from "../../workers/tail/batch";
import { loadConfig } from "../../workers/tail/config";
import { queueHandOff, type HandedOffRequest } from "../../workers/tail/hand-off";
import { createTestDatabase, rowsUntil, type TestDatabase } from "../support/clickhouse";
import { eventually } from "../support/exactly-once";
import { drivenQueue, queueDriverWorker, type DrivenQueue } from "../support/queue-driver";
import { HANDOFF_QUEUE, ingestWorker, TAIL_COMPATIBILITY_DATE, tailedProducers, tailWorker } from "../support/tail-workers";
import { loadTraceItems } from "../fixtures/trace-items/index";

const SERVICE = `noisy-${Date.now().toString(36)}`;
const LINES = 4_000;

let mf: Miniflare;
let db: TestDatabase;
let handOffQueue: DrivenQueue;

beforeAll(async () => {
  db = await createTestDatabase("tail_big");
  await applySchema(db.client, renderSchema(resolveSchemaOptions({ database: db.database })));
  mf = new Miniflare({
    workers: [
      ...tailedProducers({
        noisy: `export default { async fetch() {
          for (let j = 0; j < ${LINES}; j++) console.error("fail " + j);
          return new Response("ok");
        } };`,
        quiet: `export default { async fetch() { throw new RangeError("quiet producer failed"); } };`,
      }),
      await tailWorker({
        vars: { TAIL_SERVICE_NAME_FALLBACK: SERVICE, TAIL_MAX_REQUEST_BYTES: String(1024 * 1024) },
        ingest: { name: "deco-otel-ingest", entrypoint: "TailIngest" },
        handOff: true,
      }),
      await ingestWorker(db, { MAX_BODY_BYTES: String(768 * 1024), MAX_DECOMPRESSED_BYTES: String(768 * 1024) }),
      queueDriverWorker({ name: "hand-off-driver", queue: HANDOFF_QUEUE, consumer: "deco-otel-tail", compatibilityDate: TAIL_COMPATIBILITY_DATE }),
    ],
  });
  await mf.ready;
  handOffQueue = drivenQueue(mf, "hand-off-driver");
}, 60_000);

afterAll(async () => {
  await mf?.dispose();
  await db?.drop();
});

interface Count {
  kind: string;
  n: string;
  bodies: string;
}

const countsUntil = (enough: (rows: Count[]) => boolean) =>
  rowsUntil<Count>(
    db,
    `SELECT if(Body LIKE 'fail %', 'noisy', Body) AS kind, toString(count()) AS n, toString(uniqExact(Body)) AS bodies
     FROM otel_logs WHERE ServiceName = '${SERVICE}' GROUP BY kind ORDER BY kind`,
    enough,
    45_000,
  );

describe("a noisy producer beside a quiet one", () => {
  it("lands all 4,000 console.error records of one invocation once, and the other producer's exception", async () => {
    await (await (await mf.getWorker("noisy")).fetch("https://shop.example.com/noisy")).text();
    await (await mf.getWorker("quiet")).fetch("https://shop.example.com/quiet").catch(() => undefined);

    const rows = await countsUntil((found) => found.find((row) => row.kind === "noisy")?.n === String(LINES) && found.length === 2);
    expect(rows).toEqual([
      { kind: "RangeError: quiet producer failed", n: "1", bodies: "1" },
      { kind: "noisy", n: String(LINES), bodies: String(LINES) },
    ]);
  }, 60_000);
});

describe("a handed-off part over the ingest's limit", () => {
  it("is halved by the drain back onto the queue, and all its records land once", async () => {
    const service = `handed-off-${Date.now().toString(36)}`;
    // Enough lines to pass the ingest's 768 KiB and stay within the tail's 1 MiB, with room for
    // the attributes each record carries (~1 KB a line here).
    const lines = 900;
    const base = loadTraceItems("fetch-console-error")[0]!;
    const item = {
      ...base,
      scriptName: service,
      logs: Array.from({ length: lines }, (_, j) => ({ timestamp: Date.now() - 60_000 + j, level: "error", message: [`handed ${j}`] })),
    };
    // The part the forward handed off whole: within the tail's 1 MiB, over the ingest's 768 KiB.
    const [part] = buildPayloads([item], loadConfig({ TAIL_MAX_REQUEST_BYTES: String(1024 * 1024) }), Date.now());
    expect(part!.recordCount).toBe(lines);
    expect(new TextEncoder().encode(part!.body).byteLength).toBeGreaterThan(768 * 1024);
    const producer = await mf.getQueueProducer<HandedOffRequest>("HANDOFF_QUEUE", "deco-otel-tail");
    await queueHandOff({ send: async (body, options) => void (await producer.send(body, options)) })(part!, "key-handed-off", "ingest unavailable");

    const landed = async () => {
      const sql = `SELECT toString(count()) AS n, toString(uniqExact(Body)) AS bodies FROM otel_logs WHERE ServiceName = '${service}'`;
      const [row] = await (await db.client.query({ query: sql, format: "JSONEachRow" })).json<{ n: string; bodies: string }>();
      return row;
    };
    const keys: string[] = [];
    for (let round = 0; round < 10 && (await landed())?.n !== String(lines); round++) {
      await eventually(async () => expect((await handOffQueue.held()).length).toBeGreaterThan(0));
      keys.push(...(await handOffQueue.held<HandedOffRequest>()).map((message) => message.idempotencyKey));
      await handOffQueue.deliver(1);
    }
    expect(await landed()).toEqual({ n: String(lines), bodies: String(lines) });
    // The whole part (413), then its halves under keys of their own.
    expect(keys[0]).toBe("key-handed-off");
    expect(keys.slice(1).every((key) => key.startsWith("key-handed-off/"))).toBe(true);
    expect(keys.length).toBeGreaterThan(2);
    expect(await handOffQueue.held()).toEqual([]);
  }, 60_000);
});
