/**
 * The pure heart of the tail: one tail() batch in, the OTLP requests to send out. No I/O here,
 * so it runs the same in workerd and in unit tests.
 */
import type { TailConfig } from "./config";
import { isFromIgnoredScript, needsLogRecords } from "./filter";
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

export function buildPayloads(events: readonly TailTraceItem[], config: TailConfig, nowMs: number): OtlpPayload[] {
  const watched = events.filter((item) => !isFromIgnoredScript(item, config));
  const payloads: OtlpPayload[] = [];

  const logs = translateLogs(
    watched.filter((item) => needsLogRecords(item, config)),
    config,
    nowMs,
  );
  if (logs.recordCount > 0) {
    payloads.push({ path: "/v1/logs", body: JSON.stringify(logs.request), recordCount: logs.recordCount });
  }

  if (config.emitMetrics && watched.length > 0) {
    const metrics = translateMetrics(watched, config, nowMs);
    payloads.push({ path: "/v1/metrics", body: JSON.stringify(metrics.request), recordCount: metrics.pointCount });
  }
  return payloads;
}
