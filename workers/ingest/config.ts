import * as z from "zod/mini";
import {
  ConfigError,
  booleanSetting,
  identifierSetting,
  integerSetting,
  listSetting,
  parseSettings,
} from "../shared/env-schema";
import { DEFAULT_REQUEST_LIMITS } from "./core/limits";
import { parseCorsPolicy, type CorsPolicy } from "./http/cors";
import { parseIngestTokens, type IngestToken } from "./http/tokens";
import type { PipelineOptions } from "./core/pipeline";
import { parseRedactionPolicy, type RedactionPolicy } from "./core/redact";

/**
 * Every var and secret both of the ingest Worker's entrypoints read (the public endpoint's own
 * are in PublicAuthSettingsSchema). The README's configuration table mirrors these schemas;
 * keep them together.
 */
const IngestSettingsSchema = z.object({
  CLICKHOUSE_URL: z.url({
    protocol: /^https?$/,
    error: (issue) =>
      issue.input === undefined
        ? "is required: the ClickHouse HTTP(S) endpoint, e.g. https://host:8443"
        : `must be an http(s) URL, got ${JSON.stringify(issue.input)}`,
  }),
  CLICKHOUSE_USER: z._default(z.string({ error: "must be a string" }), "default"),
  CLICKHOUSE_PASSWORD: z._default(z.string({ error: "must be a string" }), ""),
  CLICKHOUSE_DATABASE: identifierSetting("otel"),
  CLICKHOUSE_LOGS_TABLE: identifierSetting("otel_logs"),
  CLICKHOUSE_TRACES_TABLE: identifierSetting("otel_traces"),
  CLICKHOUSE_METRICS_GAUGE_TABLE: identifierSetting("otel_metrics_gauge"),
  CLICKHOUSE_METRICS_SUM_TABLE: identifierSetting("otel_metrics_sum"),
  CLICKHOUSE_METRICS_HISTOGRAM_TABLE: identifierSetting("otel_metrics_histogram"),
  CLICKHOUSE_METRICS_EXPONENTIAL_HISTOGRAM_TABLE: identifierSetting(
    "otel_metrics_exponential_histogram",
  ),
  CLICKHOUSE_METRICS_SUMMARY_TABLE: identifierSetting("otel_metrics_summary"),
  CLICKHOUSE_ASYNC_INSERT: booleanSetting(true),
  CLICKHOUSE_TIMEOUT_MS: integerSetting(10_000, 100, 120_000),
  // Below the OpenTelemetry exporters' 10 s default timeout, so the rows are queued and
  // answered for before the sender gives up on the request.
  DIRECT_WRITE_TIMEOUT_MS: integerSetting(4_000, 100, 60_000),
  WRITE_MODE: z._default(
    z.enum(["direct", "queue"], {
      error: (issue) => `must be direct or queue, got ${JSON.stringify(issue.input)}`,
    }),
    "direct",
  ),
  QUEUE_MAX_ATTEMPTS: integerSetting(20, 1, 100),
  QUEUE_RETRY_DELAY_SECONDS: integerSetting(5, 0, 43_200),
  QUEUE_RETRY_MAX_DELAY_SECONDS: integerSetting(900, 0, 43_200),
  // The operator's token for /admin/* (dead letters); without it those routes are off.
  ADMIN_TOKEN: z.optional(
    z.string({ error: "must be a string" }).check(
      z.minLength(16, { error: "must be at least 16 characters (it guards the replay of dead letters)" }),
    ),
  ),
  // 16 MiB as received and once inflated, not the Collector's 20 MiB: a body is decoded whole
  // before the record limit cuts it, and 16 MiB of small protobuf points (130 000) already
  // needs 84 MB of heap (docs/decisions.md, 2026-12-01). Cloudflare refuses bodies over 100 MB.
  MAX_BODY_BYTES: integerSetting(16 * 1024 * 1024, 1024, 100 * 1024 * 1024),
  MAX_DECOMPRESSED_BYTES: integerSetting(16 * 1024 * 1024, 1024, 100 * 1024 * 1024),
  MAX_RECORDS_PER_REQUEST: integerSetting(DEFAULT_REQUEST_LIMITS.maxRecordsPerRequest, 1, 1_000_000),
  MAX_ATTRIBUTES_PER_RECORD: integerSetting(DEFAULT_REQUEST_LIMITS.maxAttributesPerRecord, 1, 65_535),
  MAX_ATTRIBUTE_VALUE_LENGTH: integerSetting(
    DEFAULT_REQUEST_LIMITS.maxAttributeValueLength,
    64,
    100 * 1024 * 1024,
  ),
  // The decoders stop at 64 levels of AnyValue whatever this says; it only bounds the parse.
  MAX_JSON_DEPTH: integerSetting(DEFAULT_REQUEST_LIMITS.maxJsonDepth, 8, 1024),
  LIFT_JSON_BODIES: booleanSetting(true),
  NORMALIZE_SEVERITY: booleanSetting(true),
  LIFT_MAX_DEPTH: integerSetting(4, 1, 16),
  LIFT_KEEP_ORIGINAL: booleanSetting(false),
  REDACTION_ENABLED: booleanSetting(true),
  REDACTION_DROP_KEYS: listSetting(),
  REDACTION_KEEP_KEYS: listSetting(),
  REDACTION_HASH_KEYS: listSetting(),
  REDACTION_HASH_SECRET: z.optional(z.string({ error: "must be a string" })),
  REDACTION_DISABLED_DETECTORS: listSetting(),
  // Validated with the policy, which names the allowed values.
  REDACTION_GEO_PRECISION: z._default(z.string({ error: "must be a string" }), "region"),
  REDACTION_EXTRA_PATTERNS: z._default(
    z.pipe(
      z.string({ error: 'must be JSON: [{"name":"…","pattern":"…"}]' }),
      z.transform((text, ctx) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          ctx.issues.push({
            code: "custom",
            input: text,
            message: 'must be JSON: [{"name":"…","pattern":"…"}]',
          });
          return z.NEVER;
        }
      }),
    ),
    [],
  ),
  TIMESTAMP_MAX_PAST_SECONDS: integerSetting(30 * 24 * 3600, 60, 100 * 365 * 24 * 3600),
  TIMESTAMP_MAX_FUTURE_SECONDS: integerSetting(24 * 3600, 60, 365 * 24 * 3600),
});

export type IngestSettings = z.output<typeof IngestSettingsSchema>;

export interface ClickHouseTables {
  logs: string;
  traces: string;
  gauge: string;
  sum: string;
  histogram: string;
  exponentialHistogram: string;
  summary: string;
}

export type WriteMode = "direct" | "queue";

export interface DurabilityConfig {
  /** `direct`: insert, and queue what fails; `queue`: every write goes through the queue. */
  writeMode: WriteMode;
  /** Budget of a request's direct write (table plan and inserts) before it is queued. */
  directWriteTimeoutMs: number;
  /** Deliveries of a queued batch before it is dead-lettered. */
  maxAttempts: number;
  /** Backoff of queued retries: the first delay, doubled per attempt up to the maximum. */
  retryDelaySeconds: number;
  retryMaxDelaySeconds: number;
}

export interface IngestConfig {
  clickhouse: {
    url: string;
    user: string;
    password: string;
    database: string;
    asyncInsert: boolean;
    timeoutMs: number;
    tables: ClickHouseTables;
  };
  durability: DurabilityConfig;
  /** The bearer token of the operator's /admin routes; undefined turns them off. */
  admin: { token: string | undefined };
  limits: { maxBodyBytes: number; maxDecompressedBytes: number };
  pipeline: PipelineOptions;
}

export function parseIngestConfig(env: Record<string, unknown>): IngestConfig {
  const settings = parseSettings(IngestSettingsSchema, env, "deco-otel-ingest");
  return {
    clickhouse: {
      url: settings.CLICKHOUSE_URL,
      user: settings.CLICKHOUSE_USER,
      password: settings.CLICKHOUSE_PASSWORD,
      database: settings.CLICKHOUSE_DATABASE,
      asyncInsert: settings.CLICKHOUSE_ASYNC_INSERT,
      timeoutMs: settings.CLICKHOUSE_TIMEOUT_MS,
      tables: {
        logs: settings.CLICKHOUSE_LOGS_TABLE,
        traces: settings.CLICKHOUSE_TRACES_TABLE,
        gauge: settings.CLICKHOUSE_METRICS_GAUGE_TABLE,
        sum: settings.CLICKHOUSE_METRICS_SUM_TABLE,
        histogram: settings.CLICKHOUSE_METRICS_HISTOGRAM_TABLE,
        exponentialHistogram: settings.CLICKHOUSE_METRICS_EXPONENTIAL_HISTOGRAM_TABLE,
        summary: settings.CLICKHOUSE_METRICS_SUMMARY_TABLE,
      },
    },
    durability: {
      writeMode: settings.WRITE_MODE,
      directWriteTimeoutMs: settings.DIRECT_WRITE_TIMEOUT_MS,
      maxAttempts: settings.QUEUE_MAX_ATTEMPTS,
      retryDelaySeconds: settings.QUEUE_RETRY_DELAY_SECONDS,
      retryMaxDelaySeconds: settings.QUEUE_RETRY_MAX_DELAY_SECONDS,
    },
    admin: { token: settings.ADMIN_TOKEN },
    limits: {
      maxBodyBytes: settings.MAX_BODY_BYTES,
      maxDecompressedBytes: settings.MAX_DECOMPRESSED_BYTES,
    },
    pipeline: {
      normalization: {
        liftJsonBodies: settings.LIFT_JSON_BODIES,
        normalizeSeverity: settings.NORMALIZE_SEVERITY,
        maxDepth: settings.LIFT_MAX_DEPTH,
        keepOriginal: settings.LIFT_KEEP_ORIGINAL,
      },
      redaction: redactionPolicyFrom(settings),
      timestampWindow: {
        maxPastSeconds: settings.TIMESTAMP_MAX_PAST_SECONDS,
        maxFutureSeconds: settings.TIMESTAMP_MAX_FUTURE_SECONDS,
      },
      limits: {
        maxRecordsPerRequest: settings.MAX_RECORDS_PER_REQUEST,
        maxAttributesPerRecord: settings.MAX_ATTRIBUTES_PER_RECORD,
        maxAttributeValueLength: settings.MAX_ATTRIBUTE_VALUE_LENGTH,
        maxJsonDepth: settings.MAX_JSON_DEPTH,
      },
    },
  };
}

/**
 * Settings only the public endpoint reads: who may call it. They are validated apart from the
 * rest so that a missing or malformed token list refuses public callers (503, naming it) and
 * never the tail's service binding, which no token opens.
 */
const PublicAuthSettingsSchema = z.object({
  INGEST_TOKENS: z._default(
    z.pipe(
      z.string({ error: "must be a comma-separated list of NAME:SECRET[:SERVICE|…] entries" }),
      z.transform((text, ctx) => {
        const parsed = parseIngestTokens(text);
        if (parsed.ok) return parsed.tokens;
        ctx.issues.push({ code: "custom", input: "(not shown: a secret)", message: parsed.error });
        return z.NEVER;
      }),
    ),
    [],
  ),
  AUTH_DISABLED: booleanSetting(false),
});

export interface PublicAuthConfig {
  /** `AUTH_DISABLED=true`: no bearer token asked for (local use only). */
  disabled: boolean;
  tokens: IngestToken[];
}

/** The public endpoint's auth settings, or a ConfigError naming what is wrong with them. */
export function parsePublicAuthConfig(env: Record<string, unknown>): PublicAuthConfig {
  const settings = parseSettings(PublicAuthSettingsSchema, env, "deco-otel-ingest");
  if (!settings.AUTH_DISABLED && settings.INGEST_TOKENS.length === 0) {
    throw new ConfigError(
      "deco-otel-ingest configuration is invalid: INGEST_TOKENS is required (one or more " +
        "comma-separated bearer tokens, set with `wrangler secret put INGEST_TOKENS`); set " +
        "AUTH_DISABLED=true only for local use",
    );
  }
  return { disabled: settings.AUTH_DISABLED, tokens: settings.INGEST_TOKENS };
}

/**
 * The public endpoint's CORS settings, for browser senders (http/cors.ts): validated apart from
 * the rest, like its auth settings, so that its answers carry CORS headers, and so stay readable
 * to a browser, even when another setting is wrong.
 */
const PublicCorsSettingsSchema = z.object({
  /** Origins allowed, comma-separated: exact (`https://shop.example.com`), one `*` (`https://*.example.com`), or `*`. */
  CORS_ALLOWED_ORIGINS: listSetting(),
  /** Request headers allowed beyond the implicit ones, or `*`. */
  CORS_ALLOWED_HEADERS: listSetting(),
  /** Seconds a browser caches a preflight answer; 0 sends no Access-Control-Max-Age (browsers then keep it 5 s). */
  CORS_MAX_AGE: integerSetting(0, 0, 86_400),
});

/** The public endpoint's CORS policy, undefined when off (no origin listed), or a ConfigError naming the bad entry. */
export function parsePublicCorsConfig(env: Record<string, unknown>): CorsPolicy | undefined {
  const settings = parseSettings(PublicCorsSettingsSchema, env, "deco-otel-ingest");
  try {
    return parseCorsPolicy(settings.CORS_ALLOWED_ORIGINS, settings.CORS_ALLOWED_HEADERS, settings.CORS_MAX_AGE);
  } catch (error) {
    throw new ConfigError(`deco-otel-ingest configuration is invalid: ${(error as Error).message}`);
  }
}

function redactionPolicyFrom(settings: IngestSettings): RedactionPolicy {
  const parsed = parseRedactionPolicy({
    enabled: settings.REDACTION_ENABLED,
    dropKeys: settings.REDACTION_DROP_KEYS,
    keepKeys: settings.REDACTION_KEEP_KEYS,
    hashKeys: settings.REDACTION_HASH_KEYS,
    hashSecret: settings.REDACTION_HASH_SECRET,
    // Metric attributes need a stable key even where no hash secret was set: the ClickHouse
    // password is a secret every deployment has and rarely rotates.
    seriesHashSecret: `clickhouse-password:${settings.CLICKHOUSE_PASSWORD}`,
    geoPrecision: settings.REDACTION_GEO_PRECISION,
    disabledDetectors: settings.REDACTION_DISABLED_DETECTORS,
    extraPatterns: settings.REDACTION_EXTRA_PATTERNS,
  });
  if (!parsed.ok) {
    // The policy's field names map onto the REDACTION_* settings one to one.
    throw new ConfigError(`deco-otel-ingest configuration is invalid: ${parsed.error}`);
  }
  return parsed.policy;
}
