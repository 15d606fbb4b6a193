import { diag, DiagConsoleLogger, DiagLogLevel, SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { OTLPMetricExporter } from "@opentelemetry/exporter-metrics-otlp-proto";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { MeterProvider, PeriodicExportingMetricReader } from "@opentelemetry/sdk-metrics";
import { BasicTracerProvider, BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { DEMO_CLIENT_SERVICE } from "../defaults";

/** Seconds, as OpenTelemetry recommends for HTTP durations. */
const DURATION_BOUNDS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

export interface ClientResponse {
  status: number;
  /** The trace the request ran in, which the producer continued from `traceparent`. */
  traceId: string;
}

export interface InstrumentedClient {
  get(url: string, requestId: string): Promise<ClientResponse>;
  /** Exports everything recorded, then releases the SDK. */
  shutdown(): Promise<void>;
}

/**
 * An HTTP client instrumented the standard way, with the OpenTelemetry JS SDK exporting
 * OTLP/protobuf to the ingest Worker: a client span per request, whose context travels to the
 * producer in `traceparent`, and a request duration histogram.
 */
export function instrumentedClient(settings: { ingestUrl: string; token: string; runId: string }): InstrumentedClient {
  // The SDK is silent by default: an export the ingest Worker refuses should be seen.
  diag.setLogger(new DiagConsoleLogger(), DiagLogLevel.ERROR);
  const resource = resourceFromAttributes({ "service.name": DEMO_CLIENT_SERVICE, "demo.run_id": settings.runId });
  const headers = { Authorization: `Bearer ${settings.token}` };
  const tracerProvider = new BasicTracerProvider({
    resource,
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: `${settings.ingestUrl}/v1/traces`, headers }))],
  });
  const meterProvider = new MeterProvider({
    resource,
    readers: [
      new PeriodicExportingMetricReader({
        exporter: new OTLPMetricExporter({ url: `${settings.ingestUrl}/v1/metrics`, headers }),
      }),
    ],
  });
  const tracer = tracerProvider.getTracer("deco-otel-demo");
  const duration = meterProvider.getMeter("deco-otel-demo").createHistogram("http.client.request.duration", {
    unit: "s",
    advice: { explicitBucketBoundaries: DURATION_BOUNDS },
  });

  return {
    async get(url, requestId) {
      const path = new URL(url).pathname;
      const span = tracer.startSpan(`GET ${path}`, {
        kind: SpanKind.CLIENT,
        attributes: { "http.request.method": "GET", "url.full": url, "request.id": requestId },
      });
      const { traceId, spanId } = span.spanContext();
      const started = performance.now();
      try {
        const response = await fetch(url, {
          headers: { "x-request-id": requestId, traceparent: `00-${traceId}-${spanId}-01` },
        });
        await response.arrayBuffer();
        span.setAttribute("http.response.status_code", response.status);
        if (response.status >= 400) span.setStatus({ code: SpanStatusCode.ERROR, message: `HTTP ${response.status}` });
        duration.record((performance.now() - started) / 1000, {
          "http.request.method": "GET",
          "url.template": path,
          "http.response.status_code": response.status,
        });
        return { status: response.status, traceId };
      } finally {
        span.end();
      }
    },
    async shutdown() {
      await Promise.all([tracerProvider.shutdown(), meterProvider.shutdown()]);
    },
  };
}
