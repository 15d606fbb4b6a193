/**
 * The floor: what any implementation must at least do with the same bytes. For OTLP/JSON,
 * turning UTF-8 into objects and objects back into JSON text (`JSON.parse` + `JSON.stringify`,
 * both native); for protobuf, a plain decode with the protobufjs static decoders the
 * OpenTelemetry JS exporters shipped. Inflating gzip is timed apart, with Node's native zlib.
 */
import { gunzipSync } from "node:zlib";
import { oracle, type OracleMessageType } from "../test/fixtures/otlp/protobuf-oracle";
import type { Timing } from "./measure";
import { gzip, type Encoding, type Signal } from "./payloads";

const DECODERS: Record<Signal, OracleMessageType> = {
  logs: oracle.logsRequest,
  traces: oracle.tracesRequest,
  metrics: oracle.metricsRequest,
};

export interface FloorResult {
  signal: Signal;
  encoding: Encoding;
  records: number;
  bytes: number;
  /** The floor work on the uncompressed body. */
  timing: Timing;
  /** Inflating the gzip of the same body, to add to the floor of a gzip request. */
  gunzip: Timing;
}

const utf8 = new TextDecoder();

export function floorWork(signal: Signal, encoding: Encoding, body: Uint8Array): () => unknown {
  if (encoding === "json") return () => JSON.stringify(JSON.parse(utf8.decode(body)));
  const decoder = DECODERS[signal];
  return () => decoder.decode(body);
}

/** Inflating the gzip of `body` with Node's native zlib: what a gzip request adds to the floor. */
export function gunzipWork(body: Uint8Array): () => unknown {
  const compressed = gzip(body);
  return () => gunzipSync(compressed);
}
