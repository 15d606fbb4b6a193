/**
 * The local ClickHouse as an operator runs it: stopped while an ingest Worker is writing to
 * it, it answers what is running, refuses what comes after, closes every connection and
 * releases its data directory, so it starts again on the same data with every accepted row
 * there once. A second start on a directory in use, by `npm run clickhouse` or `npm start`, says
 * in one line which and what to do, naming the command's own flag; so does `npm start` on a
 * port in use.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@clickhouse/client-web";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applySchema, renderSchema, resolveSchemaOptions } from "../../schema";
import { buildWorker } from "../../scripts/build-worker";
import { DataDirectoryInUseError } from "../../scripts/clickhouse/data-dir-owner";
import { startLocalClickHouse, type LocalClickHouse } from "../../scripts/clickhouse/local-clickhouse";
import { INGEST_COMPATIBILITY_DATE } from "../support/ingest-worker";
import { runScript, startPipeline } from "../support/local-start";
import { logsPayload } from "../support/otlp-payloads";
import { discardRuntimeOutput } from "../support/runtime-output";

const RECORDS_PER_REQUEST = 5;
const SENDERS = 4;

function runCli(args: string[]) {
  return spawnSync(join("node_modules", ".bin", "tsx"), ["scripts/clickhouse/cli.ts", ...args], { encoding: "utf8", timeout: 60_000 });
}

describe("the local ClickHouse's lifecycle", () => {
  let dataDir: string;
  let clickhouse: LocalClickHouse;
  let mf: Miniflare;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "deco-otel-lifecycle-"));
    clickhouse = await startLocalClickHouse({ port: 0, dataDir });
    const client = createClient({ url: clickhouse.url });
    try {
      await applySchema(client, renderSchema(resolveSchemaOptions({ database: "otel" })));
    } finally {
      await client.close();
    }
    mf = new Miniflare({
      host: "127.0.0.1",
      port: 0,
      handleRuntimeStdio: discardRuntimeOutput,
      workers: [
        {
          name: "deco-otel-ingest",
          modules: true,
          script: await buildWorker("workers/ingest/index.ts"),
          compatibilityDate: INGEST_COMPATIBILITY_DATE,
          bindings: { CLICKHOUSE_URL: clickhouse.url, AUTH_DISABLED: "true" },
        },
      ],
    });
  });

  afterAll(async () => {
    await mf?.dispose();
    await clickhouse?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("refuses a second start on its data directory in one line naming it, in another process or this one", async () => {
    const second = runCli(["--port", "0", "--data", dataDir]);
    expect(second.status).toBe(1);
    expect(second.stdout).toBe("");
    expect(second.stderr).toBe(
      `Local ClickHouse not started: the data directory ${dataDir} is in use by the local ClickHouse at ${clickhouse.url} ` +
        `(pid ${process.pid}): stop it (Ctrl-C in its terminal, or kill ${process.pid}) or choose another directory with --data\n`,
    );
    await expect(startLocalClickHouse({ port: 0, dataDir })).rejects.toThrow(DataDirectoryInUseError);
  });

  it("refuses `npm start` on that directory naming npm start's own flag, --data-dir", async () => {
    const start = startPipeline(dataDir);
    const exit = await start.exited;
    expect(exit.code).toBe(1);
    expect(start.stderr()).toBe(
      `npm start: the data directory ${dataDir} is in use by the local ClickHouse at ${clickhouse.url} ` +
        `(pid ${process.pid}): stop it (Ctrl-C in its terminal, or kill ${process.pid}) or choose another directory with --data-dir\n`,
    );
  });

  it("refuses `npm start` on a port in use in one line naming the port and its flag, without the usage", async () => {
    const taken = new URL(clickhouse.url).port;
    const start = runScript("scripts/dev/start.ts", [
      ...["--clickhouse-port", "0", "--ingest-port", taken, "--producer-port", "0"],
      ...["--data-dir", join(dataDir, "never-created")],
    ]);
    const exit = await start.exited;
    expect(exit.code).toBe(1);
    expect(start.output()).not.toContain("Usage");
    expect(start.stderr()).toBe(
      `npm start: port ${taken} on 127.0.0.1 is in use (is \`npm start\` already running?): ` +
        "stop what listens there or choose another port with --ingest-port\n",
    );
  });

  it("answers --help, and a wrong flag with the usage", () => {
    const help = runCli(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run clickhouse -- \[flags\]\n/);
    expect(help.stdout).toContain("--data DIR");
    const wrong = runCli(["--prot", "8123"]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/^unknown option --prot: did you mean --port\?\n\nUsage: npm run clickhouse/);
  });

  it("stops mid-insert under an ingest Worker's traffic and starts again on the same data, every accepted row there once", async () => {
    const url = (await mf.ready).toString();
    const answers = new Map<string, number>();
    let sending = true;
    let armed = false;
    let stopping = false;
    // Stop the moment ClickHouse receives an INSERT, once traffic is flowing: mid-insert for sure.
    // Settles when that stop has finished.
    const stopped = new Promise<void>((resolve, reject) => {
      clickhouse.server.on("request", (request) => {
        if (armed && !stopping && request.method === "POST" && /INSERT/i.test(decodeURIComponent(request.url ?? ""))) {
          stopping = true;
          clickhouse.stop().then(resolve, reject);
        }
      });
    });
    const senders = Array.from({ length: SENDERS }, async (_, sender) => {
      for (let i = 0; sending; i++) {
        const id = `${sender}-${i}`;
        const payload = await logsPayload({ records: RECORDS_PER_REQUEST, seed: sender * 1000 + i, resourceAttributes: { "test.request": id } });
        const response = await fetch(new URL("/v1/logs", url), {
          method: "POST",
          headers: { "Content-Type": "application/x-protobuf" },
          body: payload.protobuf.slice(),
        });
        await response.arrayBuffer();
        answers.set(id, response.status);
        if (response.status !== 200) expect(response.headers.get("retry-after")).not.toBeNull();
        if ([...answers.values()].filter((status) => status === 200).length >= 10) armed = true;
      }
    });
    await stopped;
    sending = false;
    await Promise.all(senders);

    // Stopped for real: the port is closed and the data directory free for the next start.
    await expect(fetch(`${clickhouse.url}/ping`)).rejects.toThrow();
    clickhouse = await startLocalClickHouse({ port: 0, dataDir });
    const client = createClient({ url: clickhouse.url, database: "otel" });
    try {
      const landed = await (
        await client.query({
          query: "SELECT ResourceAttributes['test.request'] AS id, count() AS n FROM otel_logs GROUP BY id",
          format: "JSONEachRow",
        })
      ).json<{ id: string; n: string }>();
      const rowsById = new Map(landed.map((row) => [row.id, Number(row.n)]));
      const accepted = [...answers].filter(([, status]) => status === 200).map(([id]) => id);
      expect(accepted.length).toBeGreaterThanOrEqual(10);
      for (const id of accepted) expect(rowsById.get(id), `request ${id}`).toBe(RECORDS_PER_REQUEST);
      // What was refused while stopping was refused as retryable, so its sender keeps it.
      for (const [, status] of answers) expect([200, 502, 503, 504]).toContain(status);
      for (const n of rowsById.values()) expect(n).toBe(RECORDS_PER_REQUEST);
    } finally {
      await client.close();
    }
  });
});
