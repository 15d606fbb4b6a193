/**
 * One big export through the Worker's core and write planning in a Node process whose V8 heap
 * is capped (`node --max-heap-size=MB`), for `bench/big-requests.ts heap`: the request's rows,
 * JSONEachRow text and write units are all alive at the end, as in the Worker before its
 * INSERTs. Prints `{"accepted":…,"rejected":…,"units":…}`; a heap too small ends the process
 * with V8's out-of-memory abort instead.
 *
 * `node --max-heap-size=96 --import tsx bench/big-request-core.ts <body file> <json|protobuf> <MAX_RECORDS_PER_REQUEST>`
 */
import { readFileSync } from "node:fs";
import { expectedColumns } from "../schema";
import { parseIngestConfig } from "../workers/ingest/config";
import { prepareExport } from "../workers/ingest/core/pipeline";
import { planTable } from "../workers/ingest/core/rows";
import { DIRECT_UNIT_BYTES } from "../workers/ingest/queue/message";
import { planWriteUnits } from "../workers/ingest/queue/write-units";

const [file = "", encoding = "protobuf", maxRecords = "30000"] = process.argv.slice(2);
if (encoding !== "json" && encoding !== "protobuf") throw new Error(`encoding must be json or protobuf, got ${encoding}`);
const config = parseIngestConfig({
  CLICKHOUSE_URL: "http://127.0.0.1:8123",
  AUTH_DISABLED: "true",
  MAX_RECORDS_PER_REQUEST: maxRecords,
});
// The bodies are cumulative counters: every row goes to the sum table.
const sumColumns = expectedColumns("current").metricsSum.filter((column) => column.kind === "stored");
const body = new Uint8Array(readFileSync(file));
const prepared = prepareExport("metrics", encoding, body, config.pipeline, `${Date.now()}000000`);
const tables = prepared.batches.map((batch) => ({ table: "otel_metrics_sum", columns: batch.columns, rows: batch.rows }));
const units = planWriteUnits(
  tables,
  "bench",
  DIRECT_UNIT_BYTES,
  tables.map((table) => planTable(sumColumns, table.columns)),
);
process.stdout.write(`${JSON.stringify({ accepted: prepared.accepted, rejected: prepared.rejected, units: units.length })}\n`);
