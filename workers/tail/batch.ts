/**
 * The pure heart of the tail: one tail() batch in, the OTLP requests to send out. No I/O here,
 * so it runs the same in workerd and in unit tests.
 */
import type { TailConfig } from "./config";
import { isFromIgnoredScript, needsLogRecords } from "./filter";
import { splitRequest } from "./split";
import { translateLogs } from "./translate-logs";
import { translateMetrics } from "./translate-metrics";
import type { TailTraceItem } from "./trace-item";

export interface OtlpPayload {
  path: "/v1/logs" | "/v1/metrics";
  /** OTLP/JSON request body. */
  body: string;
  /** Log records or data points it carries: what is lost if it cannot be delivered. */
  recordCount: number;
}

/**
 * The `/v1/logs` requests (when there are records) and `/v1/metrics` requests (unless metrics are
 * off) of one batch, each within `config.maxRequestBytes` and `config.maxRequestRecords`
 * (split.ts): usually one of each; more when a batch is large, so each fits the ingest's limits
 * and is delivered, retried and handed off on its own, under its own idempotency key.
 */
export function buildPayloads(events: readonly TailTraceItem[], config: TailConfig, nowMs: number): OtlpPayload[] {
  const watched = events.filter((item) => !isFromIgnoredScript(item, config));
  const limits = { maxBytes: config.maxRequestBytes, maxRecords: config.maxRequestRecords };
  const logs = translateLogs(
    watched.filter((item) => needsLogRecords(item, config)),
    config,
    nowMs,
  );
  const payloads = splitRequest("/v1/logs", logs.request, limits);
  if (config.emitMetrics && watched.length > 0) {
    payloads.push(...splitRequest("/v1/metrics", translateMetrics(watched, config, nowMs).request, limits));
  }
  return payloads;
}
