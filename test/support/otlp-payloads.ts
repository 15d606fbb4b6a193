/**
 * Realistic OTLP export request bodies, made by the OpenTelemetry JS SDK and serialized by the
 * same `@opentelemetry/otlp-transformer` serializers its exporters use, in both encodings.
 *
 * Deterministic for a given seed (except metric timestamps, which the SDK takes from the clock),
 * so tests can compare the JSON and protobuf bodies of one payload, and benchmarks can build
 * bodies of any size.
 */

import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, TraceFlags, type Attributes, type Link } from "@opentelemetry/api";
import type { AnyValueMap } from "@opentelemetry/api-logs";
import {
  JsonLogsSerializer,
  JsonMetricsSerializer,
  JsonTraceSerializer,
  ProtobufLogsSerializer,
  ProtobufMetricsSerializer,
  ProtobufTraceSerializer,
} from "@opentelemetry/otlp-transformer";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { InMemoryLogRecordExporter, LoggerProvider, SimpleLogRecordProcessor } from "@opentelemetry/sdk-logs";
import { AggregationType, MeterProvider, MetricReader } from "@opentelemetry/sdk-metrics";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type IdGenerator } from "@opentelemetry/sdk-trace-base";

export interface PayloadOptions {
  /** Log records, spans, or data points per metric instrument. Default 10. */
  records?: number;
  /** Extra generated attributes on each record, span or data point. Default 4. */
  attributes?: number;
  /** Seeds every generated value. Default 1. */
  seed?: number;
  /** Instrumentation scopes the records are spread over. Default 1. */
  scopes?: number;
  /** Merged over the default resource (`service.name` "payload-service", …). */
  resourceAttributes?: Attributes;
}

export interface Payload {
  json: Uint8Array;
  protobuf: Uint8Array;
  /** How many log records / spans / data points the request holds. */
  items: number;
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Lower-case hex of `bytes` random bytes, never all zero (the SDK treats that as invalid). */
export function randomHex(random: () => number, bytes: number): string {
  let hex = "";
  for (let i = 0; i < bytes; i++) hex += Math.floor(random() * 256).toString(16).padStart(2, "0");
  return /^0+$/.test(hex) ? "1".padStart(bytes * 2, "0") : hex;
}

const WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"];

function word(random: () => number): string {
  return WORDS[Math.floor(random() * WORDS.length)]!;
}

/** `count` attributes cycling through string, int, double and bool values. */
function generatedAttributes(random: () => number, count: number): Attributes {
  const attributes: Attributes = {};
  for (let i = 0; i < count; i++) {
    switch (i % 4) {
      case 0:
        attributes[`attr.string.${i}`] = `${word(random)}-${word(random)}`;
        break;
      case 1:
        attributes[`attr.int.${i}`] = Math.floor(random() * 1_000_000);
        break;
      case 2:
        attributes[`attr.double.${i}`] = Math.floor(random() * 1_000_000) / 1000 + 0.5;
        break;
      default:
        attributes[`attr.bool.${i}`] = random() < 0.5;
    }
  }
  return attributes;
}

function resourceOf(options: PayloadOptions) {
  return resourceFromAttributes({
    "service.name": "payload-service",
    "service.version": "1.2.3",
    "deployment.environment.name": "test",
    ...options.resourceAttributes,
  });
}

/** Seconds part of generated timestamps: 2023-11-14T22:13:20Z. */
const BASE_SECONDS = 1_700_000_000;

/** An hrtime with nanosecond digits that a double could not hold once combined. */
function nanosecondTime(random: () => number, offsetSeconds: number): [number, number] {
  return [BASE_SECONDS + offsetSeconds, Math.floor(random() * 1_000_000_000)];
}

/**
 * Logs: string bodies mostly, a structured (kvlist) body every fifth record, an event name and a
 * trace context on every other record, severities cycling through the range.
 */
export async function logsPayload(options: PayloadOptions = {}): Promise<Payload> {
  const { records = 10, attributes = 4, seed = 1, scopes = 1 } = options;
  const random = seededRandom(seed);
  const exporter = new InMemoryLogRecordExporter();
  const provider = new LoggerProvider({
    resource: resourceOf(options),
    processors: [new SimpleLogRecordProcessor({ exporter })],
  });
  const loggers = Array.from({ length: scopes }, (_, i) => provider.getLogger(`payload.logger.${i}`, "0.1.0"));
  for (let i = 0; i < records; i++) {
    const severityNumber = (i % 24) + 1;
    const withTrace = i % 2 === 0;
    const context = withTrace
      ? trace.setSpanContext(ROOT_CONTEXT, {
          traceId: randomHex(random, 16),
          spanId: randomHex(random, 8),
          traceFlags: TraceFlags.SAMPLED,
        })
      : ROOT_CONTEXT;
    const body: string | AnyValueMap =
      i % 5 === 4
        ? { message: `structured ${word(random)}`, count: i, nested: { ok: true, ratio: 0.25 } }
        : `request ${i} handled by ${word(random)} in ${Math.floor(random() * 1000)} ms`;
    loggers[i % scopes]!.emit({
      timestamp: nanosecondTime(random, i),
      observedTimestamp: nanosecondTime(random, i + 1),
      severityNumber,
      severityText: `SEV${severityNumber}`,
      body,
      attributes: generatedAttributes(random, attributes),
      context,
      ...(withTrace ? { eventName: `payload.event.${i % 3}` } : {}),
    });
  }
  await provider.forceFlush();
  const finished = exporter.getFinishedLogRecords();
  await provider.shutdown();
  return {
    json: JsonLogsSerializer.serializeRequest(finished)!,
    protobuf: ProtobufLogsSerializer.serializeRequest(finished)!,
    items: finished.length,
  };
}

/** Ids from the seeded generator, so spans are reproducible. */
function seededIdGenerator(random: () => number): IdGenerator {
  return {
    generateTraceId: () => randomHex(random, 16),
    generateSpanId: () => randomHex(random, 8),
  };
}

const SPAN_KINDS = [SpanKind.INTERNAL, SpanKind.SERVER, SpanKind.CLIENT, SpanKind.PRODUCER, SpanKind.CONSUMER];

/**
 * Traces: a root span every fourth span and children below it, an event on every span, a link
 * on every third, statuses cycling through unset/ok/error.
 */
export async function tracesPayload(options: PayloadOptions = {}): Promise<Payload> {
  const { records = 10, attributes = 4, seed = 1, scopes = 1 } = options;
  const random = seededRandom(seed);
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceOf(options),
    idGenerator: seededIdGenerator(random),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracers = Array.from({ length: scopes }, (_, i) => provider.getTracer(`payload.tracer.${i}`, "0.1.0"));
  let parentContext = ROOT_CONTEXT;
  for (let i = 0; i < records; i++) {
    const links: Link[] =
      i % 3 === 2
        ? [{ context: { traceId: randomHex(random, 16), spanId: randomHex(random, 8), traceFlags: TraceFlags.SAMPLED }, attributes: { "link.index": i } }]
        : [];
    const span = tracers[i % scopes]!.startSpan(
      `operation ${word(random)}`,
      {
        kind: SPAN_KINDS[i % SPAN_KINDS.length]!,
        attributes: generatedAttributes(random, attributes),
        links,
        startTime: nanosecondTime(random, i),
      },
      i % 4 === 0 ? ROOT_CONTEXT : parentContext,
    );
    if (i % 4 === 0) parentContext = trace.setSpan(ROOT_CONTEXT, span);
    span.addEvent(`event ${word(random)}`, { "event.index": i }, nanosecondTime(random, i));
    const statusCode = [SpanStatusCode.UNSET, SpanStatusCode.OK, SpanStatusCode.ERROR][i % 3]!;
    span.setStatus(statusCode === SpanStatusCode.ERROR ? { code: statusCode, message: `failed ${i}` } : { code: statusCode });
    span.end(nanosecondTime(random, i + 2));
  }
  await provider.forceFlush();
  const finished = exporter.getFinishedSpans();
  await provider.shutdown();
  return {
    json: JsonTraceSerializer.serializeRequest(finished)!,
    protobuf: ProtobufTraceSerializer.serializeRequest(finished)!,
    items: finished.length,
  };
}

/** Hands collected metrics to the caller instead of exporting them. */
class CollectingReader extends MetricReader {
  protected override onShutdown(): Promise<void> {
    return Promise.resolve();
  }

  protected override onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * Metrics: a counter, an up-down counter, a gauge, an explicit-bucket histogram and an
 * exponential histogram, each with `records` data points (one per attribute set).
 */
export async function metricsPayload(options: PayloadOptions = {}): Promise<Payload> {
  const { records = 10, attributes = 4, seed = 1, scopes = 1 } = options;
  const random = seededRandom(seed);
  const reader = new CollectingReader();
  const provider = new MeterProvider({
    resource: resourceOf(options),
    readers: [reader],
    views: [{ instrumentName: "*.latency.exponential", aggregation: { type: AggregationType.EXPONENTIAL_HISTOGRAM } }],
  });
  for (let s = 0; s < scopes; s++) {
    const meter = provider.getMeter(`payload.meter.${s}`, "0.1.0");
    const counter = meter.createCounter("payload.requests", { description: "Requests handled", unit: "{request}" });
    const upDown = meter.createUpDownCounter("payload.in_flight", { unit: "{request}" });
    const gauge = meter.createGauge("payload.temperature", { unit: "Cel" });
    const histogram = meter.createHistogram("payload.latency", { unit: "ms" });
    const exponential = meter.createHistogram("payload.latency.exponential", { unit: "ms" });
    for (let i = 0; i < records; i++) {
      const pointAttributes = { "point.index": i, ...generatedAttributes(random, attributes) };
      counter.add(Math.floor(random() * 100) + 1, pointAttributes);
      upDown.add(Math.floor(random() * 20) - 10, pointAttributes);
      gauge.record(random() * 40 - 10, pointAttributes);
      for (let k = 0; k < 5; k++) {
        histogram.record(random() * 500, pointAttributes);
        // Histograms take non-negative values only; the SDK drops the others.
        exponential.record(k === 0 ? 0 : random() * 500, pointAttributes);
      }
    }
  }
  const { resourceMetrics, errors } = await reader.collect();
  if (errors.length > 0) throw new AggregateError(errors, "metric collection failed");
  await provider.shutdown();
  return {
    json: JsonMetricsSerializer.serializeRequest(resourceMetrics)!,
    protobuf: ProtobufMetricsSerializer.serializeRequest(resourceMetrics)!,
    items: records * 5 * scopes,
  };
}
