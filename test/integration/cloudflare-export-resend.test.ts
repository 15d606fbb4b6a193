/**
 * Cloudflare's export resent after a push that failed or went unanswered: it sends no
 * Idempotency-Key, but each of its records names its invocation (an invocation record's Ray ID, a
 * console line's span id and sequence number, a span's own id), so no other export can have the
 * same bytes, and the Worker derives the push's deduplication token from its inflated body. The
 * same push twice lands once, a push that differs in one record lands, and an SDK export without
 * such ids still lands each time it is sent: its identical bytes may be two exports.
 */
import { describe, expect, it } from "vitest";
import { cloudflareExportRequest, type CloudflareExportFixture } from "../fixtures/cloudflare-export";
import { recentBaseNanos } from "../support/fixture-clock";
import { countRun, logsBody, postJson } from "../support/exactly-once";
import { uniqueId } from "../support/export-results";
import { TEST_TOKEN } from "../support/ingest-worker";
import { ingestWorkerForFile } from "../support/ingest-run";
import { gunzipSync } from "node:zlib";

const ingest = ingestWorkerForFile("cloudflare_resend");

/** Each test's pushes on a clock of their own, `k` seconds apart, so their rows are counted apart. */
function baseOf(k: number): bigint {
  return recentBaseNanos() - BigInt(k) * 1_000_000_000n;
}

async function push(path: string, request: RequestInit): Promise<void> {
  const answer = await ingest().fetch(path, request);
  expect(answer.status, await answer.clone().text()).toBe(200);
}

/** Rows of `table` whose time is within a second after `base`. */
async function rowsAt(table: "otel_logs" | "otel_traces", base: bigint): Promise<number> {
  const [counted] = await ingest().rows<{ rows: string }>(
    `SELECT count() AS rows FROM ${table}
      WHERE toUnixTimestamp64Nano(Timestamp) BETWEEN ${base} AND ${base + 999_999_999n}`,
  );
  return Number(counted?.rows ?? 0);
}

describe("Cloudflare's push posted twice", () => {
  it.each<[CloudflareExportFixture, "logs" | "traces", number, number]>([
    ["logs-console-lines", "logs", 10, 0],
    ["logs-invocation", "logs", 1, 2],
    ["logs-own-request-id", "logs", 2, 4],
    ["traces", "traces", 2, 6],
  ])("lands once: %s", async (fixture, signal, records, k) => {
    const base = baseOf(k);
    const table = signal === "logs" ? "otel_logs" : "otel_traces";
    await push(`/v1/${signal}`, cloudflareExportRequest(fixture, base, TEST_TOKEN));
    await push(`/v1/${signal}`, cloudflareExportRequest(fixture, base, TEST_TOKEN));
    expect(await rowsAt(table, base)).toBe(records);
  });

  it("lands once when the resend is compressed otherwise (the token is the inflated body's)", async () => {
    const base = baseOf(8);
    const gzipped = cloudflareExportRequest("logs-console-lines", base, TEST_TOKEN);
    await push("/v1/logs", gzipped);
    const plain = gunzipSync(gzipped.body as Uint8Array);
    await push("/v1/logs", { ...gzipped, body: plain, headers: { ...(gzipped.headers as Record<string, string>), "Content-Encoding": "identity" } });
    expect(await rowsAt("otel_logs", base)).toBe(10);
  });

  it("lands both when the pushes differ in one record", async () => {
    const base = baseOf(10);
    await push("/v1/logs", cloudflareExportRequest("logs-console-lines", base, TEST_TOKEN));
    const edited = cloudflareExportRequest("logs-console-lines", base, TEST_TOKEN, (text) => {
      expect(text).toContain("cart recomputed");
      return text.replace("cart recomputed", "cart recomputed twice");
    });
    await push("/v1/logs", edited);
    expect(await rowsAt("otel_logs", base)).toBe(20);
  });
});

describe("an SDK export without invocation ids posted twice", () => {
  it("lands twice: two exports can have the same bytes (a Worker's clock stands still between I/O)", async () => {
    const runId = uniqueId("sdk-twice");
    const body = logsBody(runId, "r", 3);
    expect((await postJson(ingest(), "logs", body)).status).toBe(200);
    expect((await postJson(ingest(), "logs", body)).status).toBe(200);
    expect((await countRun(ingest(), runId)).rows).toBe(6);
  });
});
