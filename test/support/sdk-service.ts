/**
 * A service that reports only through the OpenTelemetry JS SDK (no tail Worker): server spans
 * and log records exported over OTLP/HTTP protobuf to the ingest Worker by the SDK's own
 * exporters, as an SDK-instrumented backend or a Worker without `tail_consumers` sends them.
 */
import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { SeverityNumber } from "@opentelemetry/api-logs";
import { OTLPLogExporter } from "@opentelemetry/exporter-logs-otlp-proto";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchLogRecordProcessor, LoggerProvider } from "@opentelemetry/sdk-logs";
import { BasicTracerProvider, BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";

export interface ServerRequest {
  /** The span's name, `METHOD route` as the HTTP semantic conventions name server spans. */
  name: string;
  startMs: number;
  durationMs: number;
  /** `http.response.status_code`. */
  status: number;
  /** Set the span's status to Error (instrumentations do for a 5xx; some leave it unset). */
  errorStatus?: boolean;
}

interface SdkTelemetry {
  requests: readonly ServerRequest[];
  /** ERROR log records, one per message, at the time of the first request. */
  errorLogs?: readonly string[];
}

/** Exports `telemetry` for `service` through the SDK and resolves once the exporters have sent it. */
export async function exportSdkTelemetry(ingestUrl: string, token: string, service: string, telemetry: SdkTelemetry): Promise<void> {
  const resource = resourceFromAttributes({ "service.name": service, "service.version": "sdk-1" });
  const headers = { Authorization: `Bearer ${token}` };
  const tracerProvider = new BasicTracerProvider({
    resource,
    // A queue that holds every span: the default 2,048 would drop a day of them.
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter({ url: `${ingestUrl}/v1/traces`, headers }), {
        maxQueueSize: telemetry.requests.length + 1,
        maxExportBatchSize: 2_000,
      }),
    ],
  });
  const tracer = tracerProvider.getTracer("sdk-service");
  for (const request of telemetry.requests) {
    const span = tracer.startSpan(request.name, {
      kind: SpanKind.SERVER,
      startTime: request.startMs,
      attributes: { "http.request.method": request.name.split(" ")[0]!, "http.response.status_code": request.status },
    });
    if (request.errorStatus) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end(request.startMs + request.durationMs);
  }
  await tracerProvider.shutdown();
  if (!telemetry.errorLogs?.length) return;
  const loggerProvider = new LoggerProvider({
    resource,
    processors: [new BatchLogRecordProcessor({ exporter: new OTLPLogExporter({ url: `${ingestUrl}/v1/logs`, headers }) })],
  });
  const logger = loggerProvider.getLogger("sdk-service");
  for (const body of telemetry.errorLogs) {
    logger.emit({ severityNumber: SeverityNumber.ERROR, severityText: "ERROR", body, timestamp: telemetry.requests[0]?.startMs });
  }
  await loggerProvider.shutdown();
}
