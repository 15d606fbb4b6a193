/**
 * Deterministic OTLP export requests with the shapes the ingest Worker sees in production:
 * Workers' JSON log lines, HTTP server spans with 10–20 attributes, and metric points of every
 * type. The same seed gives the same bytes, in OTLP/JSON and in protobuf, so runs compare.
 */
import { gzipSync } from "node:zlib";
import { hexBytes, oracle, oracleEncode, type OracleMessageType } from "../test/fixtures/otlp/protobuf-oracle";
import { keyValues, nanos, workerResource, type AttributeValue, type JsonKeyValue } from "./otlp-values";
import { seededRandom, type Random } from "./random";

export type Signal = "logs" | "traces" | "metrics";
export type Encoding = "json" | "protobuf";

export const SIGNALS: readonly Signal[] = ["logs", "traces", "metrics"];
export const ENCODINGS: readonly Encoding[] = ["json", "protobuf"];

export interface Payload {
  signal: Signal;
  /** Log records, spans or metric data points in the request. */
  records: number;
  /** The OTLP/JSON request as an object, before serialization. */
  request: object;
  json: Uint8Array;
  protobuf: Uint8Array;
}

export interface PayloadOptions {
  records: number;
  seed?: number;
  /**
   * Unix nanoseconds of the first record. Fixed by default so bytes never depend on the clock;
   * the Worker end-to-end bench passes "now" so records fall inside the accepted time window.
   */
  startNanos?: bigint;
}

/** 2026-04-26T08:00:00Z, the default first record time. */
export const DEFAULT_START_NANOS = 1_777_190_400_000_000_000n;

const MESSAGE_TYPES: Record<Signal, OracleMessageType> = {
  logs: oracle.logsRequest,
  traces: oracle.tracesRequest,
  metrics: oracle.metricsRequest,
};

const GENERATORS: Record<Signal, (random: Random, records: number, start: bigint) => object> = {
  logs: logsRequest,
  traces: tracesRequest,
  metrics: metricsRequest,
};

export function generatePayload(signal: Signal, options: PayloadOptions): Payload {
  const random = seededRandom(options.seed ?? 1);
  const request = GENERATORS[signal](random, options.records, options.startNanos ?? DEFAULT_START_NANOS);
  return {
    signal,
    records: options.records,
    request,
    json: new TextEncoder().encode(JSON.stringify(request)),
    // The same message through the reference protobuf encoder; only ids change form (hex → bytes).
    protobuf: plainBytes(oracleEncode(MESSAGE_TYPES[signal], withIdBytes(request) as object)),
  };
}

/**
 * A push from Cloudflare's native OTLP export (Workers Observability destinations), as its
 * captures show it: one `resourceLogs` entry per invocation (never merged), scope
 * `workers-observability`, each invocation's record (`"<METHOD> <url>"` with the request's
 * attributes) followed by its `console.log(JSON.stringify({...}))` lines: severity 9, no
 * severity text, the JSON text in `body.stringValue`, attributes `name` and
 * `cloudflare.invocation.sequence.number` (an `intValue` written as a JSON number). Sent as
 * gzip OTLP/JSON only; the protobuf form is kept for symmetry with the other payloads.
 */
export function generateCloudflarePush(options: PayloadOptions): Payload {
  const random = seededRandom(options.seed ?? 1);
  const request = cloudflarePushRequest(random, options.records, options.startNanos ?? DEFAULT_START_NANOS);
  return {
    signal: "logs",
    records: options.records,
    request,
    json: new TextEncoder().encode(JSON.stringify(request)),
    protobuf: plainBytes(oracleEncode(oracle.logsRequest, withIdBytes(request) as object)),
  };
}

/**
 * The encoder's bytes as a plain Uint8Array, as a Worker receives a body: a Node Buffer would send
 * every `subarray` of the decoder through Node's Buffer code (about 60% slower in Node).
 */
function plainBytes(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** gzip as OTLP exporters send it; Node writes no timestamp, so it is deterministic too. */
export function gzip(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(gzipSync(bytes));
}

const ID_KEYS = new Set(["traceId", "spanId", "parentSpanId"]);

function withIdBytes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withIdBytes);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      ID_KEYS.has(key) && typeof item === "string" ? hexBytes(item) : withIdBytes(item),
    ]),
  );
}

const SERVICES = ["storefront", "checkout-api", "image-resizer"];
const COLOS = ["GRU", "GIG", "IAD", "FRA", "NRT", "SIN", "LHR", "EWR"];
const METHODS = ["GET", "GET", "GET", "GET", "POST", "POST", "PUT", "DELETE"];
const ROUTES = [
  "/api/products/:id",
  "/api/cart",
  "/api/checkout",
  "/api/search",
  "/api/users/:id/orders",
  "/_next/data/:build/index.json",
  "/images/:size/:file",
];
const USER_AGENTS = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
  "okhttp/4.12.0",
  "curl/8.7.1",
];
const STATUSES = [200, 200, 200, 200, 200, 200, 201, 204, 301, 304, 400, 404, 429, 500, 502];
const FIRST_NAMES = ["ana", "bruno", "carla", "diego", "elisa", "felipe"];

interface HttpExchange {
  method: string;
  route: string;
  path: string;
  status: number;
  colo: string;
  userAgent: string;
  durationMs: number;
  rayId: string;
}

function httpExchange(random: Random): HttpExchange {
  const route = random.pick(ROUTES);
  return {
    method: random.pick(METHODS),
    route,
    path: route
      .replace(":id", String(random.int(1, 99_999)))
      .replace(":build", random.hex(4))
      .replace(":size", random.pick(["320", "640", "1280"]))
      .replace(":file", `${random.hex(6)}.webp`),
    status: random.pick(STATUSES),
    colo: random.pick(COLOS),
    userAgent: random.pick(USER_AGENTS),
    durationMs: Math.round(random.next() * 40_000) / 100,
    rayId: `${random.hex(8)}-${random.pick(COLOS)}`,
  };
}

/** Personal data as it leaks into real logs; about one line in eight carries some. */
function personalField(random: Random): Record<string, string> {
  const name = random.pick(FIRST_NAMES);
  switch (random.int(0, 3)) {
    case 0:
      return { user: `${name}.${random.int(1, 999)}@example.com` };
    case 1:
      return { clientIp: `203.0.113.${random.int(1, 254)}` };
    case 2:
      return { callback: `https://partner.example.com/hook?token=${random.hex(16)}&user=${name}` };
    default:
      return { phone: `+55 11 9${random.int(1000, 9999)}-${random.int(1000, 9999)}` };
  }
}

/** A `console.log(JSON.stringify({...}))` line from a Worker handling a request. */
function jsonLogLine(random: Random, exchange: HttpExchange): string {
  const level = exchange.status >= 500 ? "error" : exchange.status >= 400 ? "warn" : random.pick(["info", "info", "info", "debug"]);
  const line: Record<string, unknown> = {
    level,
    msg: `${exchange.method} ${exchange.path} ${exchange.status}`,
    requestId: random.hex(8),
    method: exchange.method,
    path: exchange.path,
    route: exchange.route,
    status: exchange.status,
    durationMs: exchange.durationMs,
    colo: exchange.colo,
    cache: { status: random.pick(["HIT", "MISS", "EXPIRED", "BYPASS"]), ageSeconds: random.int(0, 3600) },
    ...(random.chance(0.5) ? { traceId: random.hex(16), spanId: random.hex(8) } : {}),
    ...(random.chance(0.125) ? personalField(random) : {}),
  };
  if (level === "error") {
    line.error = {
      name: "TypeError",
      message: `Cannot read properties of undefined (reading '${random.pick(["price", "items", "id"])}')`,
      stack: "TypeError: Cannot read properties of undefined\n    at handleCart (worker.js:412:19)\n    at async fetch (worker.js:88:12)",
    };
  }
  return JSON.stringify(line);
}

function logsRequest(random: Random, records: number, start: bigint): object {
  const logRecords = [];
  for (let i = 0; i < records; i++) {
    const exchange = httpExchange(random);
    const time = start + BigInt(i) * 1_000_000n + BigInt(random.int(0, 999_999));
    // Lines that went through console.error/warn arrive with a severity; console.log ones without.
    const severity = random.chance(0.3) ? random.pick([[9, "INFO"], [13, "WARN"], [17, "ERROR"]] as const) : ([0, ""] as const);
    logRecords.push({
      timeUnixNano: nanos(time),
      observedTimeUnixNano: nanos(time + BigInt(random.int(1, 50)) * 1_000_000n),
      severityNumber: severity[0],
      severityText: severity[1],
      body: { stringValue: jsonLogLine(random, exchange) },
      attributes: keyValues({
        "cloudflare.ray_id": exchange.rayId,
        "cloudflare.colo": exchange.colo,
        "log.source": "console",
      }),
      flags: 0,
    });
  }
  return {
    resourceLogs: [
      {
        resource: workerResource(random.pick(SERVICES)),
        scopeLogs: [{ scope: { name: "cloudflare.workers.console", version: "1.0.0" }, logRecords }],
      },
    ],
  };
}

/** Attributes every HTTP server span has, then optional ones up to a random count in [10, 20]. */
function spanAttributes(random: Random, exchange: HttpExchange): JsonKeyValue[] {
  const attributes: Record<string, AttributeValue> = {
    "http.request.method": exchange.method,
    "http.route": exchange.route,
    "http.response.status_code": exchange.status,
    "url.path": exchange.path,
    "url.scheme": "https",
    "server.address": "shop.example.com",
    "server.port": 443,
    "network.protocol.version": random.pick(["1.1", "2", "3"]),
    "user_agent.original": exchange.userAgent,
    "cloudflare.colo": exchange.colo,
  };
  const optional: Array<[string, () => AttributeValue]> = [
    ["cloudflare.ray_id", () => exchange.rayId],
    ["client.address", () => `198.51.100.${random.int(1, 254)}`],
    ["http.request.body.size", () => random.int(0, 20_000)],
    ["http.response.body.size", () => random.int(100, 200_000)],
    ["url.query", () => `page=${random.int(1, 20)}&sort=${random.pick(["price", "name", "rating"])}`],
    ["faas.trigger", () => "http"],
    ["faas.invocation_id", () => random.hex(16)],
    ["faas.coldstart", () => random.chance(0.05)],
    ["cloudflare.cpu_time_ms", () => Math.round(random.next() * 5000) / 100],
    ["cloudflare.cache.status", () => random.pick(["HIT", "MISS", "DYNAMIC"])],
  ];
  const extra = random.int(0, optional.length);
  for (const [key, value] of optional.slice(0, extra)) attributes[key] = value();
  return keyValues(attributes);
}

function tracesRequest(random: Random, records: number, start: bigint): object {
  const spans = [];
  for (let i = 0; i < records; i++) {
    const exchange = httpExchange(random);
    const startTime = start + BigInt(i) * 2_000_000n + BigInt(random.int(0, 999_999));
    const endTime = startTime + BigInt(Math.round(exchange.durationMs * 1_000_000));
    const failed = exchange.status >= 500;
    spans.push({
      traceId: random.hex(16),
      spanId: random.hex(8),
      // Half the requests continue a trace started upstream.
      ...(random.chance(0.5) ? { parentSpanId: random.hex(8) } : {}),
      flags: 1,
      name: `${exchange.method} ${exchange.route}`,
      kind: 2,
      startTimeUnixNano: nanos(startTime),
      endTimeUnixNano: nanos(endTime),
      attributes: spanAttributes(random, exchange),
      events: failed
        ? [
            {
              timeUnixNano: nanos(endTime - 1000n),
              name: "exception",
              attributes: keyValues({
                "exception.type": "Error",
                "exception.message": `upstream ${exchange.status}`,
                "exception.stacktrace": "Error: upstream failed\n    at fetchOrigin (worker.js:120:11)",
              }),
            },
          ]
        : [],
      links: [],
      status: failed ? { code: 2, message: `upstream answered ${exchange.status}` } : { code: 0 },
    });
  }
  return {
    resourceSpans: [
      {
        resource: workerResource(random.pick(SERVICES)),
        scopeSpans: [{ scope: { name: "@microlabs/otel-cf-workers", version: "1.0.0" }, spans }],
      },
    ],
  };
}

type MetricType = "gauge" | "sum" | "histogram" | "exponentialHistogram" | "summary";
export const METRIC_TYPES: readonly MetricType[] = ["gauge", "sum", "histogram", "exponentialHistogram", "summary"];

const HISTOGRAM_BOUNDS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

function pointAttributes(random: Random): JsonKeyValue[] {
  const exchange = httpExchange(random);
  return keyValues({
    "http.request.method": exchange.method,
    "http.route": exchange.route,
    "http.response.status_code": exchange.status,
    "cloudflare.colo": exchange.colo,
  });
}

function counts(random: Random, buckets: number, max: number): number[] {
  return Array.from({ length: buckets }, () => random.int(0, max));
}

/** One data point of `type`, with the fields its OTLP message has. */
function dataPoint(random: Random, type: MetricType, time: bigint, start: bigint): object {
  const common = { attributes: pointAttributes(random), startTimeUnixNano: nanos(start), timeUnixNano: nanos(time) };
  switch (type) {
    case "gauge":
      return { ...common, asDouble: Math.round(random.next() * 128_000_000) / 1000 };
    case "sum":
      return { ...common, asInt: String(random.int(1, 1_000_000)) };
    case "histogram": {
      const bucketCounts = counts(random, HISTOGRAM_BOUNDS.length + 1, 500);
      const count = bucketCounts.reduce((a, b) => a + b, 0);
      return {
        ...common,
        count: String(count),
        sum: Math.round(count * random.next() * 100) / 100,
        min: 0.001,
        max: 9.5,
        bucketCounts: bucketCounts.map(String),
        explicitBounds: HISTOGRAM_BOUNDS,
        exemplars: random.chance(0.25)
          ? [{ timeUnixNano: nanos(time - 5000n), asDouble: 0.42, traceId: random.hex(16), spanId: random.hex(8), filteredAttributes: [] }]
          : [],
      };
    }
    case "exponentialHistogram": {
      const positive = counts(random, 24, 200);
      const count = positive.reduce((a, b) => a + b, 0) + 3;
      return {
        ...common,
        count: String(count),
        sum: Math.round(count * random.next() * 10_000) / 100,
        scale: 3,
        zeroCount: "3",
        positive: { offset: random.int(0, 8), bucketCounts: positive.map(String) },
        negative: { offset: 0, bucketCounts: [] },
        min: 0,
        max: 480.5,
      };
    }
    case "summary":
      return {
        ...common,
        count: String(random.int(100, 10_000)),
        sum: Math.round(random.next() * 1_000_000) / 100,
        quantileValues: [
          { quantile: 0.5, value: Math.round(random.next() * 5000) / 100 },
          { quantile: 0.9, value: Math.round(random.next() * 20_000) / 100 },
          { quantile: 0.99, value: Math.round(random.next() * 90_000) / 100 },
        ],
      };
  }
}

const METRIC_DESCRIPTIONS: Record<MetricType, { name: string; unit: string; wrap: (points: object[]) => object }> = {
  gauge: { name: "workers.isolate.memory", unit: "kBy", wrap: (dataPoints) => ({ gauge: { dataPoints } }) },
  sum: {
    name: "http.server.requests",
    unit: "{request}",
    wrap: (dataPoints) => ({ sum: { dataPoints, aggregationTemporality: 2, isMonotonic: true } }),
  },
  histogram: {
    name: "http.server.request.duration",
    unit: "s",
    wrap: (dataPoints) => ({ histogram: { dataPoints, aggregationTemporality: 2 } }),
  },
  exponentialHistogram: {
    name: "workers.cpu_time",
    unit: "ms",
    wrap: (dataPoints) => ({ exponentialHistogram: { dataPoints, aggregationTemporality: 1 } }),
  },
  summary: { name: "workers.wall_time", unit: "ms", wrap: (dataPoints) => ({ summary: { dataPoints } }) },
};

/** `records` data points spread round-robin over one metric of each type. */
function metricsRequest(random: Random, records: number, start: bigint): object {
  const points = new Map<MetricType, object[]>(METRIC_TYPES.map((type) => [type, []]));
  for (let i = 0; i < records; i++) {
    const type = METRIC_TYPES[i % METRIC_TYPES.length]!;
    points.get(type)!.push(dataPoint(random, type, start + BigInt(i) * 1_000_000n, start - 60_000_000_000n));
  }
  const metrics = METRIC_TYPES.filter((type) => points.get(type)!.length > 0).map((type) => {
    const { name, unit, wrap } = METRIC_DESCRIPTIONS[type];
    return { name, unit, description: "", ...wrap(points.get(type)!) };
  });
  return {
    resourceMetrics: [
      {
        resource: workerResource(random.pick(SERVICES)),
        scopeMetrics: [{ scope: { name: "deco-otel-tail", version: "1.0.0" }, metrics }],
      },
    ],
  };
}

/** Console lines per invocation in a Cloudflare push: a couple, as request handlers log. */
const CLOUDFLARE_LINES_PER_INVOCATION = 3;

function cloudflareResource(script: string, random: Random): { attributes: JsonKeyValue[] } {
  return {
    attributes: keyValues({
      "service.name": script,
      "faas.name": script,
      "cloudflare.script_name": script,
      "faas.version": random.hex(16),
      "cloudflare.script_version.id": random.hex(16),
      "cloud.provider": "cloudflare",
      "cloud.platform": "cloudflare.workers",
      "cloudflare.colo": random.pick(COLOS),
      "faas.invoked_region": random.pick(["SA", "ENAM", "WEUR"]),
      "telemetry.sdk.name": "workers-observability",
      "telemetry.sdk.language": "js",
    }),
  };
}

function cloudflarePushRequest(random: Random, records: number, start: bigint): object {
  const resourceLogs = [];
  let time = start;
  for (let written = 0; written < records; ) {
    const exchange = httpExchange(random);
    const traceId = random.hex(16);
    const spanId = random.hex(8);
    const url = `https://shop.example.com${exchange.path}?page=${random.int(1, 9)}`;
    const logRecords: object[] = [];
    const record = (body: string, attributes: JsonKeyValue[]) => {
      time += BigInt(random.int(1, 5_000_000));
      logRecords.push({
        timeUnixNano: nanos(time),
        observedTimeUnixNano: nanos(time + BigInt(random.int(1, 50)) * 1_000_000n),
        severityNumber: 9,
        body: { stringValue: body },
        attributes,
        traceId,
        spanId,
        flags: 1,
      });
      written++;
    };
    const invocation: Record<string, AttributeValue> = {
      "cloudflare.ray_id": exchange.rayId,
      "faas.invocation_id": random.hex(16),
      "faas.trigger": "http",
      "cloudflare.handler_type": "fetch",
      "cloudflare.execution_model": "stateless",
      "url.full": url,
      "url.path": exchange.path,
      "url.query": url.slice(url.indexOf("?") + 1),
      "http.request.method": exchange.method,
      "user_agent.original": exchange.userAgent,
      "cloudflare.asn": random.int(1000, 65_000),
      "geo.country": "BR",
      "geo.city": "São Paulo",
      "geo.timezone": "America/Sao_Paulo",
      "http.response.status_code": exchange.status,
      "cloudflare.invocation.sequence.number": 0,
    };
    record(`${exchange.method} ${url}`, keyValues(invocation, true));
    for (let line = 1; line <= CLOUDFLARE_LINES_PER_INVOCATION && written < records; line++) {
      record(jsonLogLine(random, exchange), keyValues({ name: "log", "cloudflare.invocation.sequence.number": line }, true));
    }
    resourceLogs.push({
      resource: cloudflareResource("storefront", random),
      scopeLogs: [{ scope: { name: "workers-observability" }, logRecords }],
    });
  }
  return { resourceLogs };
}
