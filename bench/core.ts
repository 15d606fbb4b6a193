/**
 * Our core as the target names it: `prepareExport` (decode → normalize → redact → rows)
 * with the options the Worker's default configuration yields, then each batch serialized to the
 * JSONEachRow text the writer inserts, planned against the current schema's columns. The Worker
 * writes the same text in a pass that also sizes each row for its write units
 * (`planWriteUnits`); that sizing is the queue's concern and is not counted here. gzip
 * requests first go through the Worker's own body reader (a Request stream inflated by
 * DecompressionStream), as in production. The core and the floors are timed side by side,
 * sample by sample (`timeSideBySide`), and each ratio is taken round by round.
 */
import { expectedColumns } from "../schema";
import { EXPORTER_TABLE } from "../workers/ingest/clickhouse/schema-drift";
import { parseIngestConfig } from "../workers/ingest/config";
import { prepareExport, type TableKind } from "../workers/ingest/core/pipeline";
import { planTable, serializeRows, type TablePlan } from "../workers/ingest/core/rows";
import { readRequestBody } from "../workers/ingest/http/body";
import { floorWork, gunzipWork, type FloorResult } from "./floor";
import { quantile, timeSideBySide, type Budget, type Timing } from "./measure";
import { DEFAULT_START_NANOS, ENCODINGS, gzip, type Encoding, type Payload } from "./payloads";

export interface CoreResult {
  signal: Payload["signal"];
  encoding: Encoding;
  gzip: boolean;
  records: number;
  /** Bytes on the wire (compressed for gzip). */
  bytes: number;
  /** Per request. */
  timing: Timing;
  /**
   * CPU over each encoding's floor for the same payload (plus that floor's inflate for a gzip
   * request), the median of the ratios taken round by round (`timeSideBySide`).
   */
  overFloor: Record<Encoding, number>;
}

/** The Worker's configuration with nothing set but what it requires. */
const config = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true" });

/**
 * The same with JSON bodies left as sent, as the redaction corpus's test runs the Worker: a
 * look-alike written as a JSON line is judged by its stored Body, which lifting would replace
 * with its message (lifting has its own tests).
 */
export const PIPELINE_WITHOUT_LIFTING = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true", LIFT_JSON_BODIES: "false" }).pipeline;

/** Records are a minute old when they arrive, well inside the accepted time window. */
const RECEIVED_AT_NANOS = (DEFAULT_START_NANOS + 60_000_000_000n).toString();

/** What `DESC TABLE` lists as insertable: computed columns are the server's to fill. */
const SCHEMA_COLUMNS = expectedColumns("current");

/** Plans are learnt once per isolate in the Worker, so they are made outside the timed work. */
const plans = new Map<string, TablePlan>();

function planFor(kind: TableKind, columns: readonly string[]): TablePlan {
  let plan = plans.get(kind);
  if (plan === undefined) {
    const stored = SCHEMA_COLUMNS[EXPORTER_TABLE[kind]].filter((column) => column.kind === "stored");
    plan = planTable(stored, columns);
    plans.set(kind, plan);
  }
  return plan;
}

/** decode → normalize → redact → rows → JSONEachRow text; returns the text to keep it alive. */
export function runCore(signal: Payload["signal"], encoding: Encoding, body: Uint8Array, pipeline = config.pipeline): string[] {
  const prepared = prepareExport(signal, encoding, body, pipeline, RECEIVED_AT_NANOS);
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

/**
 * The signal's floors (each encoding, and inflating each) and its core (each encoding, plain
 * and gzip) for one payload, all timed side by side so each ratio compares samples of the same
 * moments. `budget` is per workload.
 */
export async function measureCoreAndFloors(payload: Payload, budget: Budget): Promise<{ floor: FloorResult[]; core: CoreResult[] }> {
  const { signal } = payload;
  const floors = ENCODINGS.map((encoding) => ({ encoding, work: floorWork(signal, encoding, payload[encoding]), gunzip: gunzipWork(payload[encoding]) }));
  const cores = ENCODINGS.flatMap((encoding) =>
    [false, true].map((compressed) => {
      const plain = payload[encoding];
      const zipped = gzip(plain);
      const work = compressed ? () => runCoreGzip(signal, encoding, zipped) : () => runCore(signal, encoding, plain);
      return { encoding, compressed, bytes: compressed ? zipped.byteLength : plain.byteLength, work };
    }),
  );
  const { timings, cpuPerCall } = await timeSideBySide(
    [...floors.flatMap((floor) => [floor.work, floor.gunzip]), ...cores.map((core) => core.work)],
    budget,
  );
  const floorIndex = (encoding: Encoding) => 2 * ENCODINGS.indexOf(encoding);
  const floor: FloorResult[] = floors.map(({ encoding }) => ({
    signal,
    encoding,
    records: payload.records,
    bytes: payload[encoding].byteLength,
    timing: timings[floorIndex(encoding)]!,
    gunzip: timings[floorIndex(encoding) + 1]!,
  }));
  const core: CoreResult[] = cores.map(({ encoding, compressed, bytes }, i) => {
    const own = cpuPerCall[2 * floors.length + i]!;
    const overFloorOf = (floorEncoding: Encoding) => {
      const work = cpuPerCall[floorIndex(floorEncoding)]!;
      const gunzip = cpuPerCall[floorIndex(floorEncoding) + 1]!;
      return quantile(own.map((ns, round) => ns / (work[round]! + (compressed ? gunzip[round]! : 0))), 0.5);
    };
    return {
      signal,
      encoding,
      gzip: compressed,
      records: payload.records,
      bytes,
      timing: timings[2 * floors.length + i]!,
      overFloor: { json: overFloorOf("json"), protobuf: overFloorOf("protobuf") },
    };
  });
  return { floor, core };
}
