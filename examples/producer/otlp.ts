/**
 * A Worker's own telemetry as OTLP/JSON, posted straight to the deco-otel ingest endpoints.
 *
 * Record during the invocation, then hand `flush()` to `ctx.waitUntil`: the export happens
 * after the response is sent, so it never adds to the user's latency, and a failed export
 * never fails the request.
 */

/** The producer's settings: three endpoints (vars) and a bearer token (a secret). */
export interface OtlpEnv {
  DECO_OTEL_LOGS_ENDPOINT: string;
  DECO_OTEL_TRACES_ENDPOINT: string;
  DECO_OTEL_METRICS_ENDPOINT: string;
  DECO_OTEL_TOKEN: string;
}

export type Attributes = Record<string, string | number | boolean>;

export type Severity = "INFO" | "WARN" | "ERROR";

export interface TraceContext {
  traceId: string;
  spanId: string;
}

export interface SpanRecord extends TraceContext {
  parentSpanId?: string;
  name: string;
  kind: "server" | "client" | "internal";
  startMs: number;
  endMs: number;
  attributes: Attributes;
  /** Set when the operation failed: the span's status becomes ERROR with this message. */
  error?: string;
}

const SEVERITY_NUMBER: Record<Severity, number> = { INFO: 9, WARN: 13, ERROR: 17 };
const SPAN_KIND = { internal: 1, server: 2, client: 3 } as const;
const STATUS_ERROR = 2;
/** Each data point covers one invocation, so points add up: delta temporality. */
const DELTA = 1;

export class Telemetry {
  private readonly logRecords: object[] = [];
  private readonly spans: object[] = [];
  private readonly metrics: object[] = [];

  constructor(
    private readonly env: OtlpEnv,
    /** Resource attributes; `service.name` names the producer in every table. */
    private readonly resource: Attributes,
    private readonly scope = "example-shop",
  ) {}

  log(severity: Severity, message: string, attributes: Attributes, trace?: TraceContext): void {
    this.logRecords.push({
      timeUnixNano: nanos(Date.now()),
      severityNumber: SEVERITY_NUMBER[severity],
      severityText: severity,
      body: { stringValue: message },
      attributes: keyValues(attributes),
      ...(trace ? { traceId: trace.traceId, spanId: trace.spanId } : {}),
    });
  }

  span(span: SpanRecord): void {
    this.spans.push({
      traceId: span.traceId,
      spanId: span.spanId,
      ...(span.parentSpanId ? { parentSpanId: span.parentSpanId } : {}),
      name: span.name,
      kind: SPAN_KIND[span.kind],
      startTimeUnixNano: nanos(span.startMs),
      endTimeUnixNano: nanos(span.endMs),
      attributes: keyValues(span.attributes),
      status: span.error === undefined ? {} : { code: STATUS_ERROR, message: span.error },
    });
  }

  /** Adds `value` to a monotonic counter over the window [startMs, endMs]. */
  count(name: string, unit: string, value: number, attributes: Attributes, startMs: number, endMs: number): void {
    this.metrics.push({
      name,
      unit,
      sum: {
        aggregationTemporality: DELTA,
        isMonotonic: true,
        dataPoints: [{ ...window(startMs, endMs), attributes: keyValues(attributes), asInt: String(value) }],
      },
    });
  }

  /** Records one measurement into a histogram with the given bucket bounds. */
  measure(
    name: string,
    unit: string,
    value: number,
    bounds: readonly number[],
    attributes: Attributes,
    startMs: number,
    endMs: number,
  ): void {
    // Bucket i holds values in (bounds[i-1], bounds[i]]; the last one everything above.
    const bucket = bounds.findIndex((bound) => value <= bound);
    const bucketCounts = Array.from({ length: bounds.length + 1 }, (_, i) =>
      String(i === (bucket === -1 ? bounds.length : bucket) ? 1 : 0),
    );
    this.metrics.push({
      name,
      unit,
      histogram: {
        aggregationTemporality: DELTA,
        dataPoints: [
          {
            ...window(startMs, endMs),
            attributes: keyValues(attributes),
            count: "1",
            sum: value,
            min: value,
            max: value,
            bucketCounts,
            explicitBounds: bounds,
          },
        ],
      },
    });
  }

  /** Sends what was recorded, one request per signal. Never throws. */
  async flush(): Promise<void> {
    const resource = { attributes: keyValues(this.resource) };
    const scope = { name: this.scope };
    await Promise.all([
      this.logRecords.length > 0 &&
        this.post(this.env.DECO_OTEL_LOGS_ENDPOINT, {
          resourceLogs: [{ resource, scopeLogs: [{ scope, logRecords: this.logRecords }] }],
        }),
      this.spans.length > 0 &&
        this.post(this.env.DECO_OTEL_TRACES_ENDPOINT, {
          resourceSpans: [{ resource, scopeSpans: [{ scope, spans: this.spans }] }],
        }),
      this.metrics.length > 0 &&
        this.post(this.env.DECO_OTEL_METRICS_ENDPOINT, {
          resourceMetrics: [{ resource, scopeMetrics: [{ scope, metrics: this.metrics }] }],
        }),
    ]);
  }

  /**
   * Posts one request, retrying a retryable answer (429, 502, 503, 504) up to MAX_ATTEMPTS times
   * after the wait its `Retry-After` asks for (else 1 s, 2 s, …); a wait longer than MAX_WAIT_MS
   * is not shortened but given up, so everything stays within the time `ctx.waitUntil` allows.
   * Every attempt carries the same `Idempotency-Key`, new for each batch: a 504 or 502 may come
   * after its rows were stored, and the ingest Worker stores a retry with the same key and body
   * once (README, "Nothing duplicated"); without it each retry would store them again.
   */
  private async post(endpoint: string, body: object): Promise<void> {
    const init = {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${this.env.DECO_OTEL_TOKEN}`,
        "idempotency-key": crypto.randomUUID(),
      },
      body: JSON.stringify(body),
    };
    try {
      for (let attempt = 1; ; attempt++) {
        const response = await fetch(endpoint, init);
        // Read the answer to the end so the connection is released.
        const answer = await response.text();
        if (response.ok) return warnOfPartialSuccess(endpoint, answer);
        const waitMs = retryWaitMs(response, attempt);
        if (waitMs === undefined || attempt === MAX_ATTEMPTS) throw new Error(`HTTP ${response.status}: ${answer}`);
        await new Promise((resolve) => setTimeout(resolve, waitMs));
      }
    } catch (error) {
      // console.error reaches deco-otel through the tail even when the direct export cannot.
      console.error(
        JSON.stringify({ level: "error", msg: "telemetry export failed", endpoint, reason: String(error) }),
      );
    }
  }
}

/** Tries per request; the waits between them stay under MAX_WAIT_MS each. */
const MAX_ATTEMPTS = 3;
const MAX_WAIT_MS = 10_000;
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

/** How long to wait before trying again, or undefined when not to: not retryable, or asked to wait too long. */
function retryWaitMs(response: Response, attempt: number): number | undefined {
  if (!RETRYABLE_STATUSES.has(response.status)) return undefined;
  // Retry-After is seconds or an HTTP date (RFC 9110, 10.2.3).
  const retryAfter = response.headers.get("retry-after");
  const asked = retryAfter === null ? NaN : /^\d+$/.test(retryAfter) ? Number(retryAfter) * 1000 : Date.parse(retryAfter) - Date.now();
  const waitMs = Number.isNaN(asked) ? 1000 * 2 ** (attempt - 1) : Math.max(0, asked);
  return waitMs <= MAX_WAIT_MS ? waitMs : undefined;
}

/**
 * A 200 may still say some records were refused (OTLP's `partialSuccess`: `rejectedLogRecords`,
 * `rejectedSpans` or `rejectedDataPoints`, and an `errorMessage`, also a warning with 0 rejected).
 */
function warnOfPartialSuccess(endpoint: string, answer: string): void {
  let partial: Record<string, unknown> | undefined;
  try {
    partial = (JSON.parse(answer) as { partialSuccess?: Record<string, unknown> }).partialSuccess;
  } catch {
    return;
  }
  if (partial === undefined) return;
  const rejected = Object.entries(partial)
    .filter(([key]) => key.startsWith("rejected"))
    .reduce((total, [, count]) => total + Number(count), 0);
  const message = typeof partial["errorMessage"] === "string" ? partial["errorMessage"] : "";
  if (rejected === 0 && message === "") return;
  console.warn(JSON.stringify({ level: "warn", msg: "telemetry export partly refused", endpoint, rejected, reason: message }));
}

function nanos(ms: number): string {
  return `${Math.round(ms * 1000)}000`;
}

function window(startMs: number, endMs: number) {
  return { startTimeUnixNano: nanos(startMs), timeUnixNano: nanos(endMs) };
}

function keyValues(attributes: Attributes) {
  return Object.entries(attributes).map(([key, value]) => ({ key, value: anyValue(value) }));
}

function anyValue(value: string | number | boolean) {
  if (typeof value === "string") return { stringValue: value };
  if (typeof value === "boolean") return { boolValue: value };
  // OTLP/JSON writes 64-bit integers as strings.
  return Number.isInteger(value) ? { intValue: String(value) } : { doubleValue: value };
}
