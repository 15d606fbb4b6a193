import {
  ConfigError,
  accepted,
  booleanSetting,
  identifierSetting,
  integerSetting,
  listSetting,
  parseSettings,
  refused,
  shown,
  stringSetting,
  type Setting,
  type SettingsOf,
} from "../shared/env-schema";
import { DEFAULT_REQUEST_LIMITS } from "./core/limits";
import { parseCorsPolicy, type CorsPolicy } from "./http/cors";
import { parseIngestTokens, type IngestToken } from "./http/tokens";
import type { PipelineOptions } from "./core/pipeline";
import { parseRedactionPolicy, type RedactionPolicy } from "./core/redact";

/**
 * CLICKHOUSE_URL: an http(s) URL, spaces around it and any tab or line break in it dropped (the
 * URL parser drops those too, so the text kept is the URL it read). `http:host` and `https:/x`,
 * which the parser would take, are refused: the `//` is what an operator always means.
 */
const clickHouseUrlSetting: Setting<string> = (raw) => {
  if (raw === undefined) return refused("is required: the ClickHouse HTTP(S) endpoint, e.g. https://host:8443");
  const url = typeof raw === "string" ? raw.trim() : undefined;
  if (url !== undefined && /^https?:\/\//i.test(url) && isUrl(url)) return accepted(url.replace(/[\t\n\r]/g, ""));
  return refused(`must be an http(s) URL, got ${shown(raw)}`);
};

function isUrl(text: string): boolean {
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}

const WRITE_MODES = ["direct", "queue"] as const;

const writeModeSetting: Setting<WriteMode> = (raw) => {
  if (raw === undefined) return accepted("direct");
  if (WRITE_MODES.includes(raw as WriteMode)) return accepted(raw as WriteMode);
  return refused(`must be direct or queue, got ${shown(raw)}`);
};

const adminTokenSetting: Setting<string | undefined> = (raw) => {
  const read = stringSetting(undefined)(raw);
  if (read.ok && read.value !== undefined && read.value.length < 16) {
    return refused("must be at least 16 characters (it guards the replay of dead letters)");
  }
  return read;
};

const EXTRA_PATTERNS_FORM = 'must be JSON: [{"name":"…","pattern":"…"}]';

/** REDACTION_EXTRA_PATTERNS: JSON text, parsed here and validated with the policy. */
const extraPatternsSetting: Setting<unknown> = (raw) => {
  if (raw === undefined) return accepted([]);
  if (typeof raw !== "string") return refused(EXTRA_PATTERNS_FORM);
  try {
    return accepted(JSON.parse(raw) as unknown);
  } catch {
    return refused(EXTRA_PATTERNS_FORM);
  }
};

/**
 * Every var and secret both of the ingest Worker's entrypoints read (the public endpoint's own
 * are in PUBLIC_AUTH_SETTINGS). The README's configuration table mirrors these settings; keep
 * them together.
 */
const INGEST_SETTINGS = {
  CLICKHOUSE_URL: clickHouseUrlSetting,
  CLICKHOUSE_USER: stringSetting("default"),
  CLICKHOUSE_PASSWORD: stringSetting(""),
  CLICKHOUSE_DATABASE: identifierSetting("otel"),
  CLICKHOUSE_LOGS_TABLE: identifierSetting("otel_logs"),
  CLICKHOUSE_TRACES_TABLE: identifierSetting("otel_traces"),
  CLICKHOUSE_METRICS_GAUGE_TABLE: identifierSetting("otel_metrics_gauge"),
  CLICKHOUSE_METRICS_SUM_TABLE: identifierSetting("otel_metrics_sum"),
  CLICKHOUSE_METRICS_HISTOGRAM_TABLE: identifierSetting("otel_metrics_histogram"),
  CLICKHOUSE_METRICS_EXPONENTIAL_HISTOGRAM_TABLE: identifierSetting("otel_metrics_exponential_histogram"),
  CLICKHOUSE_METRICS_SUMMARY_TABLE: identifierSetting("otel_metrics_summary"),
  CLICKHOUSE_ASYNC_INSERT: booleanSetting(true),
  CLICKHOUSE_TIMEOUT_MS: integerSetting(10_000, 100, 120_000),
  // Below the OpenTelemetry exporters' 10 s default timeout, so the rows are queued and
  // answered for before the sender gives up on the request.
  DIRECT_WRITE_TIMEOUT_MS: integerSetting(4_000, 100, 60_000),
  WRITE_MODE: writeModeSetting,
  QUEUE_MAX_ATTEMPTS: integerSetting(20, 1, 100),
  QUEUE_RETRY_DELAY_SECONDS: integerSetting(5, 0, 43_200),
  QUEUE_RETRY_MAX_DELAY_SECONDS: integerSetting(900, 0, 43_200),
  // The operator's token for /admin/* (dead letters); without it those routes are off.
  ADMIN_TOKEN: adminTokenSetting,
  // 16 MiB as received and once inflated, not the Collector's 20 MiB: a body is decoded whole
  // before the record limit cuts it, and 16 MiB of small protobuf points (130 000) already
  // needs 84 MB of heap (docs/decisions.md, 2026-12-01). Cloudflare refuses bodies over 100 MB.
  MAX_BODY_BYTES: integerSetting(16 * 1024 * 1024, 1024, 100 * 1024 * 1024),
  MAX_DECOMPRESSED_BYTES: integerSetting(16 * 1024 * 1024, 1024, 100 * 1024 * 1024),
  MAX_RECORDS_PER_REQUEST: integerSetting(DEFAULT_REQUEST_LIMITS.maxRecordsPerRequest, 1, 1_000_000),
  MAX_ATTRIBUTES_PER_RECORD: integerSetting(DEFAULT_REQUEST_LIMITS.maxAttributesPerRecord, 1, 65_535),
  MAX_ATTRIBUTE_VALUE_LENGTH: integerSetting(DEFAULT_REQUEST_LIMITS.maxAttributeValueLength, 64, 100 * 1024 * 1024),
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
  REDACTION_HASH_SECRET: stringSetting(undefined),
  REDACTION_DISABLED_DETECTORS: listSetting(),
  // Validated with the policy, which names the allowed values.
  REDACTION_GEO_PRECISION: stringSetting("region"),
  REDACTION_EXTRA_PATTERNS: extraPatternsSetting,
  TIMESTAMP_MAX_PAST_SECONDS: integerSetting(30 * 24 * 3600, 60, 100 * 365 * 24 * 3600),
  TIMESTAMP_MAX_FUTURE_SECONDS: integerSetting(24 * 3600, 60, 365 * 24 * 3600),
};

export type IngestSettings = SettingsOf<typeof INGEST_SETTINGS>;

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
  const settings = parseSettings(INGEST_SETTINGS, env, "deco-otel-ingest");
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
const PUBLIC_AUTH_SETTINGS = {
  INGEST_TOKENS: ((raw) => {
    if (raw === undefined) return accepted([]);
    if (typeof raw !== "string") return refused("must be a comma-separated list of NAME:SECRET[:SERVICE|…] entries");
    const parsed = parseIngestTokens(raw);
    return parsed.ok ? accepted(parsed.tokens) : refused(parsed.error);
  }) satisfies Setting<IngestToken[]>,
  AUTH_DISABLED: booleanSetting(false),
};

export interface PublicAuthConfig {
  /** `AUTH_DISABLED=true`: no bearer token asked for (local use only). */
  disabled: boolean;
  tokens: IngestToken[];
}

/** The public endpoint's auth settings, or a ConfigError naming what is wrong with them. */
export function parsePublicAuthConfig(env: Record<string, unknown>): PublicAuthConfig {
  const settings = parseSettings(PUBLIC_AUTH_SETTINGS, env, "deco-otel-ingest");
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
const PUBLIC_CORS_SETTINGS = {
  /** Origins allowed, comma-separated: exact (`https://shop.example.com`), one `*` (`https://*.example.com`), or `*`. */
  CORS_ALLOWED_ORIGINS: listSetting(),
  /** Request headers allowed beyond the implicit ones, or `*`. */
  CORS_ALLOWED_HEADERS: listSetting(),
  /** Seconds a browser caches a preflight answer; 0 sends no Access-Control-Max-Age (browsers then keep it 5 s). */
  CORS_MAX_AGE: integerSetting(0, 0, 86_400),
};

/** The public endpoint's CORS policy, undefined when off (no origin listed), or a ConfigError naming the bad entry. */
export function parsePublicCorsConfig(env: Record<string, unknown>): CorsPolicy | undefined {
  const settings = parseSettings(PUBLIC_CORS_SETTINGS, env, "deco-otel-ingest");
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
