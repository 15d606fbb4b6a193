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
 */
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applySchema, renderSchema, resolveSchemaOptions } from "../../schema";
import { createTestDatabase, rowsUntil, type TestDatabase } from "../support/clickhouse";
import { ingestWorker, tailedProducers, tailWorker } from "../support/tail-workers";

const SERVICE = `noisy-${Date.now().toString(36)}`;
const LINES = 4_000;

let mf: Miniflare;
let db: TestDatabase;

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
      }),
      await ingestWorker(db, { MAX_BODY_BYTES: String(768 * 1024), MAX_DECOMPRESSED_BYTES: String(768 * 1024) }),
    ],
  });
  await mf.ready;
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
