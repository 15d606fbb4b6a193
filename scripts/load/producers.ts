/**
 * Concurrent producers against an OTLP/HTTP logs endpoint: each sends one request at a time,
 * as an SDK's batch exporter does, until the deadline; JSON and protobuf alternate. No retries:
 * a request that is not answered 200 is counted as such, so nothing is accepted twice.
 */
import { WireReader } from "../../workers/ingest/core/decode/protobuf/reader";
import type { BodyTemplate, LoadEncoding } from "./bodies";

export interface LoadSettings {
  /** Origin of the ingest Worker, e.g. http://127.0.0.1:8787 */
  url: string;
  token: string;
  concurrency: number;
  seconds: number;
  template: BodyTemplate;
}

export interface LoadResult {
  requests: number;
  /** Records the 200 answers accepted (sent minus any partial-success rejections). */
  recordsAccepted: number;
  statuses: Map<number, number>;
  /** Wall time of each request, send to whole answer read, in milliseconds. */
  latenciesMs: number[];
  elapsedMs: number;
  /** The first few answers that were not 200, for the report. */
  failures: string[];
}

const CONTENT_TYPES: Record<LoadEncoding, string> = { json: "application/json", protobuf: "application/x-protobuf" };
const FAILURES_KEPT = 5;

export async function runLoad(settings: LoadSettings): Promise<LoadResult> {
  const result: LoadResult = { requests: 0, recordsAccepted: 0, statuses: new Map(), latenciesMs: [], elapsedMs: 0, failures: [] };
  const started = performance.now();
  const deadline = started + settings.seconds * 1000;
  await Promise.all(
    Array.from({ length: settings.concurrency }, async (_, producer) => {
      for (let sequence = 0; performance.now() < deadline; sequence++) {
        const encoding: LoadEncoding = (producer + sequence) % 2 === 0 ? "json" : "protobuf";
        await sendOne(settings, encoding, `p${producer}s${sequence}`, result);
      }
    }),
  );
  result.elapsedMs = performance.now() - started;
  return result;
}

async function sendOne(settings: LoadSettings, encoding: LoadEncoding, requestId: string, result: LoadResult): Promise<void> {
  const body = settings.template.body(encoding, requestId);
  const sent = performance.now();
  let status: number;
  let answer: Uint8Array;
  try {
    const response = await fetch(`${settings.url}/v1/logs`, {
      method: "POST",
      headers: { Authorization: `Bearer ${settings.token}`, "Content-Type": CONTENT_TYPES[encoding] },
      body,
    });
    status = response.status;
    answer = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    status = 0; // no answer at all
    answer = new TextEncoder().encode(error instanceof Error ? error.message : String(error));
  }
  result.latenciesMs.push(performance.now() - sent);
  result.requests++;
  result.statuses.set(status, (result.statuses.get(status) ?? 0) + 1);
  if (status === 200) {
    result.recordsAccepted += settings.template.records - rejectedRecords(encoding, answer);
  } else if (result.failures.length < FAILURES_KEPT) {
    result.failures.push(`${status} ${new TextDecoder().decode(answer).slice(0, 200)}`);
  }
}

/** `partialSuccess.rejectedLogRecords` of an ExportLogsServiceResponse; 0 when absent. */
function rejectedRecords(encoding: LoadEncoding, answer: Uint8Array): number {
  if (answer.length === 0) return 0;
  if (encoding === "json") {
    const parsed = JSON.parse(new TextDecoder().decode(answer)) as { partialSuccess?: { rejectedLogRecords?: string | number } };
    return Number(parsed.partialSuccess?.rejectedLogRecords ?? 0);
  }
  // ExportLogsServiceResponse { partial_success = 1 { rejected_log_records = 1 (int64) } }
  const reader = new WireReader(answer);
  while (reader.hasMore()) {
    const tag = reader.tag();
    if (tag !== ((1 << 3) | 2)) {
      reader.skip(tag);
      continue;
    }
    const parentLimit = reader.enter();
    let rejected = 0;
    while (reader.hasMore()) {
      const inner = reader.tag();
      if (inner === 1 << 3) rejected = Number(reader.int64Decimal());
      else reader.skip(inner);
    }
    reader.leave(parentLimit);
    return rejected;
  }
  return 0;
}
