/** Names the endpoint a misdirected export belongs to, for the 400 that refuses it. */

import type { Signal } from "../../../../shared/otlp/model";

const SIGNAL_OF_TOP_FIELD: Readonly<Record<string, Signal>> = {
  resourceLogs: "logs",
  resource_logs: "logs",
  resourceSpans: "traces",
  resource_spans: "traces",
  resourceMetrics: "metrics",
  resource_metrics: "metrics",
};

/** For a top-level key of another signal's request: where that request should have gone. */
export function wrongSignalHint(key: string, endpointSignal: Signal): string | undefined {
  const signal = Object.hasOwn(SIGNAL_OF_TOP_FIELD, key) ? SIGNAL_OF_TOP_FIELD[key] : undefined;
  if (signal === undefined || signal === endpointSignal) return undefined;
  return endpointHint(signal);
}

/** Where a request of `signal` sent to another signal's endpoint belongs, in JSON's and protobuf's 400 alike. */
export function endpointHint(signal: Signal): string {
  return `a ${signal} request: send it to /v1/${signal}`;
}

/** The `service.name` of the test record Cloudflare's export sends when a destination is saved. */
export const CLOUDFLARE_PREFLIGHT_SERVICE = "cloudflare-workers-observability";

/**
 * Whether a request that is not of the endpoint's signal is Cloudflare's destination test: a logs
 * request whose every resource is `service.name: cloudflare-workers-observability`. The export
 * must get a 2xx for it or the destination cannot be saved, and which body it sends to a traces
 * destination is not documented, so such a probe is answered as an empty export there; on
 * /v1/logs it is an ordinary record and is stored.
 */
export function isCloudflarePreflight(o: { readonly [key: string]: unknown }): boolean {
  const resources = o.resourceLogs ?? o.resource_logs;
  if (!Array.isArray(resources) || resources.length === 0) return false;
  return resources.every((entry) => {
    const attributes = (entry as { resource?: { attributes?: unknown } } | null)?.resource?.attributes;
    return (
      Array.isArray(attributes) &&
      attributes.some(
        (attribute) =>
          (attribute as { key?: unknown } | null)?.key === "service.name" &&
          (attribute as { value?: { stringValue?: unknown } }).value?.stringValue === CLOUDFLARE_PREFLIGHT_SERVICE,
      )
    );
  });
}
