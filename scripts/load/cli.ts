/**
 * `npm run load`: a bounded load test of the ingest Worker on loopback.
 *
 *   npm run load -- [--concurrency 50] [--seconds 30] [--records 50]
 *
 * Starts the local ClickHouse (a temporary data directory, a free port) with the schema, the
 * ingest Worker in workerd, then runs the producers (OTLP log requests of `--records` records,
 * JSON and protobuf alternating, all tagged with one run id) after a short warm-up. Reports
 * requests/s, p50/p99 latency, CPU per request of workerd (and, for context, of ClickHouse and
 * of the producers), and checks that the rows written for the run equal the records accepted.
 * Exits 1 when they differ or any request failed with a 5xx or no answer.
 */
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@clickhouse/client-web";
import { UsageError, parseFlags } from "../../cli/flags";
import { logsBodyTemplate, RUN_ID_ATTRIBUTE } from "./bodies";
import { applyDefaultSchema } from "../dev/apply-schema";
import { startClickHouseProcess, startIngestInWorkerd } from "./local-stack";
import { cpuMillis } from "./process-cpu";
import { runLoad, type LoadResult } from "./producers";
import { describeStatuses, percentile } from "./stats";

const TOKEN = "load-token";
const WARM_UP_SECONDS = 3;

const usage = `Usage: npm run load -- [flags]

A bounded load test on loopback: a local ClickHouse (temporary data), the ingest Worker in
workerd, and concurrent OTLP/HTTP log producers. Exits 1 unless rows written equal records
accepted and no request failed with a 5xx or no answer.

  --concurrency N   producers sending at once (default 50)
  --seconds N       how long to send, after a ${WARM_UP_SECONDS} s warm-up (default 30)
  --records N       log records per request (default 50)
  --help            this text`;

function positiveInteger(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`--${flag} must be a whole number of at least 1, got ${text}`);
  return value;
}

/** The run's settings, or undefined when only the usage was asked for. */
function settingsFrom(argv: string[]): { concurrency: number; seconds: number; records: number } | undefined {
  const flags = parseFlags(argv, {
    concurrency: { type: "string", default: "50" },
    seconds: { type: "string", default: "30" },
    records: { type: "string", default: "50" },
    help: { type: "boolean" },
  });
  if (flags.help === true) return undefined;
  return {
    concurrency: positiveInteger(flags.concurrency, "concurrency"),
    seconds: positiveInteger(flags.seconds, "seconds"),
    records: positiveInteger(flags.records, "records"),
  };
}

async function rowsOfRun(clickhouseUrl: string, runId: string): Promise<number> {
  const client = createClient({ url: clickhouseUrl, database: "otel" });
  try {
    // The run id is our own UUID, never request data.
    const result = await client.query({
      query: `SELECT count() AS n FROM otel_logs WHERE ResourceAttributes['${RUN_ID_ATTRIBUTE}'] = '${runId}'`,
      format: "JSONEachRow",
    });
    return Number((await result.json<{ n: string }>())[0]!.n);
  } finally {
    await client.close();
  }
}

function report(result: LoadResult, cpu: { workerd: number; clickhouse: number; producers: number }, rows: number): string {
  const perRequest = (ms: number) => `${(ms / result.requests).toFixed(2)} ms`;
  return [
    `requests        ${result.requests} in ${(result.elapsedMs / 1000).toFixed(1)} s: ${(result.requests / (result.elapsedMs / 1000)).toFixed(1)} requests/s, ` +
      `${((result.recordsAccepted / result.elapsedMs) * 1000).toFixed(0)} records/s`,
    `statuses        ${describeStatuses(result.statuses)}`,
    `latency         p50 ${percentile(result.latenciesMs, 50).toFixed(1)} ms, p99 ${percentile(result.latenciesMs, 99).toFixed(1)} ms, max ${percentile(result.latenciesMs, 100).toFixed(1)} ms`,
    `CPU per request workerd ${perRequest(cpu.workerd)} (total ${(cpu.workerd / 1000).toFixed(1)} s); ` +
      `ClickHouse ${perRequest(cpu.clickhouse)}; producers ${perRequest(cpu.producers)}`,
    `records         accepted ${result.recordsAccepted}, rows written for the run ${rows}: ${rows === result.recordsAccepted ? "equal" : "DIFFERENT"}`,
    ...result.failures.map((failure) => `failure         ${failure}`),
  ].join("\n");
}

async function main(): Promise<number> {
  const settings = settingsFrom(process.argv.slice(2));
  if (settings === undefined) {
    console.log(usage);
    return 0;
  }
  const { concurrency, seconds, records } = settings;
  const dataDir = await mkdtemp(join(tmpdir(), "deco-otel-load-"));
  const clickhouse = await startClickHouseProcess(dataDir);
  try {
    await applyDefaultSchema(clickhouse.url, dataDir);
    const worker = await startIngestInWorkerd({ CLICKHOUSE_URL: clickhouse.url, INGEST_TOKENS: TOKEN });
    try {
      console.log(`ClickHouse ${clickhouse.url} (pid ${clickhouse.pid}), ingest Worker ${worker.url} (workerd pid ${worker.workerdPid})`);
      const warmUp = await logsBodyTemplate(`warm-up-${randomUUID()}`, records, 2);
      await runLoad({ url: worker.url, token: TOKEN, concurrency, seconds: WARM_UP_SECONDS, template: warmUp });

      const runId = randomUUID();
      const template = await logsBodyTemplate(runId, records, 1);
      console.log(`run ${runId}: ${concurrency} producers for ${seconds} s, ${template.records} records a request`);
      const before = { workerd: cpuMillis(worker.workerdPid), clickhouse: cpuMillis(clickhouse.pid), producers: cpuMillis(process.pid) };
      const result = await runLoad({ url: worker.url, token: TOKEN, concurrency, seconds, template });
      const cpu = {
        workerd: cpuMillis(worker.workerdPid) - before.workerd,
        clickhouse: cpuMillis(clickhouse.pid) - before.clickhouse,
        producers: cpuMillis(process.pid) - before.producers,
      };
      const rows = await rowsOfRun(clickhouse.url, runId);
      console.log(report(result, cpu, rows));
      for (const line of worker.errorLines().slice(0, 5)) console.log(`worker error    ${line}`);
      const failed = [...result.statuses.keys()].some((status) => status === 0 || status >= 500);
      return rows === result.recordsAccepted && !failed ? 0 : 1;
    } finally {
      await worker.dispose();
    }
  } finally {
    await clickhouse.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) console.error(`${error.message}\n\n${usage}`);
    else console.error("npm run load failed:", error);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
