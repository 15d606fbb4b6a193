/**
 * Our core as the target names it: `prepareExport` (decode → normalize → redact → rows)
 * with the options the Worker's default configuration yields, then each batch serialized to the
 * JSONEachRow text the writer inserts, planned against the current schema's columns. The Worker
 * writes the same text in a pass that also sizes each row for its write units
 * (`planWriteUnits`); that sizing is the queue's concern and is not counted here. gzip
 * requests first go through the Worker's own body reader (a Request stream inflated by
 * DecompressionStream), as in production.
 */
import { expectedColumns, type SchemaTable } from "../schema";
import { parseIngestConfig } from "../workers/ingest/config";
import { prepareExport, type TableKind } from "../workers/ingest/core/pipeline";
import { planTable, serializeRows, type TablePlan } from "../workers/ingest/core/rows";
import { readRequestBody } from "../workers/ingest/http/body";
import { timeIt, type Budget, type Timing } from "./measure";
import { DEFAULT_START_NANOS, gzip, type Encoding, type Payload } from "./payloads";

export interface CoreResult {
  signal: Payload["signal"];
  encoding: Encoding;
  gzip: boolean;
  records: number;
  /** Bytes on the wire (compressed for gzip). */
  bytes: number;
  /** Per request. */
  timing: Timing;
}

const SCHEMA_TABLE: Record<TableKind, SchemaTable> = {
  logs: "logs",
  traces: "traces",
  gauge: "metricsGauge",
  sum: "metricsSum",
  histogram: "metricsHistogram",
  exponentialHistogram: "metricsExponentialHistogram",
  summary: "metricsSummary",
};

/** The Worker's configuration with nothing set but what it requires. */
const config = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true" });

/** Records are a minute old when they arrive, well inside the accepted time window. */
const RECEIVED_AT_NANOS = (DEFAULT_START_NANOS + 60_000_000_000n).toString();

/** What `DESC TABLE` lists as insertable: computed columns are the server's to fill. */
const SCHEMA_COLUMNS = expectedColumns("current");

/** Plans are learnt once per isolate in the Worker, so they are made outside the timed work. */
const plans = new Map<string, TablePlan>();

function planFor(kind: TableKind, columns: readonly string[]): TablePlan {
  let plan = plans.get(kind);
  if (plan === undefined) {
    const stored = SCHEMA_COLUMNS[SCHEMA_TABLE[kind]].filter((column) => column.kind === "stored");
    plan = planTable(stored, columns);
    plans.set(kind, plan);
  }
  return plan;
}

/** decode → normalize → redact → rows → JSONEachRow text; returns the text to keep it alive. */
export function runCore(signal: Payload["signal"], encoding: Encoding, body: Uint8Array): string[] {
  const prepared = prepareExport(signal, encoding, body, config.pipeline, RECEIVED_AT_NANOS);
  if (prepared.rejected > 0) throw new Error(`core rejected records: ${prepared.rejectionMessage}`);
  return prepared.batches.map((batch) => serializeRows(planFor(batch.kind, batch.columns), batch.rows));
}

async function runCoreGzip(signal: Payload["signal"], encoding: Encoding, compressed: Uint8Array<ArrayBuffer>): Promise<string[]> {
  const request = new Request("https://ingest.example/v1/" + signal, {
    method: "POST",
    headers: { "content-encoding": "gzip" },
    body: compressed,
  });
  return runCore(signal, encoding, await readRequestBody(request, config.limits));
}

export async function measureCore(payload: Payload, encoding: Encoding, compressed: boolean, budget: Budget): Promise<CoreResult> {
  const { signal } = payload;
  if (compressed) {
    const body = gzip(payload[encoding]);
    const timing = await timeIt(() => runCoreGzip(signal, encoding, body), budget);
    return { signal, encoding, gzip: true, records: payload.records, bytes: body.byteLength, timing };
  }
  const body = payload[encoding];
  const timing = await timeIt(() => runCore(signal, encoding, body), budget);
  return { signal, encoding, gzip: false, records: payload.records, bytes: body.byteLength, timing };
}
