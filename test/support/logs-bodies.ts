/**
 * What the tests of logs bodies as sent share (compressed, mislabelled, recorded by a Collector):
 * the file's Worker, whose time window takes the recorded fixtures' times as they are, and a
 * post of raw bytes to its `/v1/logs` under any labels.
 */
import { readFileSync } from "node:fs";
import { ingestWorkerForFile } from "./ingest-run";
import { bearer } from "./ingest-worker";

export const JSON_TYPE = { "Content-Type": "application/json" };
export const PROTOBUF_TYPE = { "Content-Type": "application/x-protobuf" };

/** A recorded body of test/fixtures/zstd, as bytes. */
export function zstdFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../fixtures/zstd/${name}`, import.meta.url)));
}

/** The logs endpoint of a file's Worker (tables prefixed `prefix`), usable inside its tests. */
export interface LogsEndpoint {
  /** Posts `body` to `/v1/logs` as it is, with the test's bearer token and `headers`. */
  post(body: Uint8Array | string, headers: Record<string, string>): Promise<Response>;
  /** Rows in `otel_logs`, every run's. */
  logCount(): Promise<number>;
  /** Rows of a query in the Worker's database, 64-bit integers as strings. */
  rows<T>(sql: string): Promise<T[]>;
}

/**
 * Starts the file's Worker before its tests and disposes of it after them (`ingestWorkerForFile`),
 * its `TIMESTAMP_MAX_PAST_SECONDS` fifty years: the recorded fixtures keep their recorded times.
 */
export function logsEndpointForFile(prefix: string): LogsEndpoint {
  const ingest = ingestWorkerForFile(prefix, { TIMESTAMP_MAX_PAST_SECONDS: String(50 * 365 * 24 * 3600) });
  return {
    post: (body, headers) =>
      ingest().fetch("/v1/logs", { method: "POST", body: body as Uint8Array<ArrayBuffer>, headers: { ...bearer(), ...headers } }),
    async logCount() {
      const [row] = await ingest().rows<{ n: string }>("SELECT count() AS n FROM otel_logs");
      return Number(row!.n);
    },
    rows: (sql) => ingest().rows(sql),
  };
}
