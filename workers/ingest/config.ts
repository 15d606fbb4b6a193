import {
  accepted,
  booleanSetting,
  configError,
  identifierSetting,
  integerSetting,
  listSetting,
  parseSettings,
  readSettings,
  refused,
  secretSetting,
  shown,
  shownType,
  stringSetting,
  wordSetting,
  type Setting,
  type SettingsOf,
} from "../shared/env-schema";
import { INGEST_WORKER } from "../shared/pipeline-workers";
import { hideUrlCredentials } from "../shared/url-credentials";
import { DEFAULT_REQUEST_LIMITS, MIN_JSON_DEPTH } from "./core/limits";
import { DEFAULT_LIFT_MAX_DEPTH } from "./core/normalize/lift";
import { parseCorsPolicy, type CorsPolicy } from "./http/cors";
import { readIngestTokens, tokenListRefusal, type IngestToken } from "./http/tokens";
import { queueBindingsOf, RETRY_QUEUE_BINDING } from "./queue/bindings";
import type { PipelineOptions } from "./core/pipeline";
import {
  DEFAULT_GEO_PRECISION,
  GEO_PRECISIONS,
  parseRedactionPolicy,
  type GeoPrecision,
  type ParsedRedactionPolicy,
  type PolicyPath,
} from "./core/redact";

/**
 * CLICKHOUSE_URL: an http(s) URL, spaces around it and any tab or line break in it dropped (the
 * URL parser drops those too, so the text kept is the URL it read). `http:host` and `https:/x`,
 * which the parser would take, are refused: the `//` is what an operator always means. A refused
 * value is shown without its password or query values.
 */
const clickHouseUrlSetting: Setting<string> = (raw) => {
  if (raw === undefined) return refused("is required: the ClickHouse HTTP(S) endpoint, e.g. https://host:8443");
  const url = typeof raw === "string" ? raw.trim() : undefined;
  if (url !== undefined && /^https?:\/\//i.test(url) && isUrl(url)) return accepted(url.replace(/[\t\n\r]/g, ""));
  return refused(`must be an http(s) URL, got ${shown(typeof raw === "string" ? hideUrlCredentials(raw) : raw)}`);
};

function isUrl(text: string): boolean {
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}

const WRITE_MODES: readonly WriteMode[] = ["direct", "queue"];

/**
 * ADMIN_TOKEN, without the spaces around it: a bearer token reaches the Worker in a header,
 * whose value HTTP trims, so a token kept with them could never be presented.
 */
const adminTokenSetting: Setting<string | undefined> = (raw) => {
  const read = secretSetting(16, " (it guards the replay of dead letters)")(raw);
  return read.ok && read.value !== undefined ? accepted(read.value.trim()) : read;
};

/**
 * REDACTION_EXTRA_PATTERNS: JSON text, or the JSON array itself as wrangler `vars` hold it;
 * its shape is validated with the policy.
 */
const extraPatternsSetting: Setting<unknown> = (raw) => {
  if (raw === undefined) return accepted([]);
  if (typeof raw !== "string") return accepted(raw);
  try {
    return accepted(JSON.parse(raw) as unknown);
  } catch (error) {
    return refused(`must be a JSON array of {"name", "pattern"} objects (${(error as Error).message}), got ${shown(raw)}`);
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
  CLICKHOUSE_PASSWORD: secretSetting(),
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
  // How long a table's learnt columns are trusted before the next insert asks again: an ALTER
  // (a dropped or narrowed column) is noticed within it (docs/decisions.md, 2026-12-03).
  CLICKHOUSE_TABLE_RECHECK_SECONDS: integerSetting(60, 1, 86_400),
  // Below the OpenTelemetry exporters' 10 s default timeout, so the rows are queued and
  // answered for before the sender gives up on the request.
  DIRECT_WRITE_TIMEOUT_MS: integerSetting(4_000, 100, 60_000),
  WRITE_MODE: wordSetting<WriteMode>("direct", WRITE_MODES),
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
  // The decoders stop at 64 levels of AnyValue whatever this says; it only bounds the parse. At
  // least what ordinary nested attribute values need (MIN_JSON_DEPTH).
  MAX_JSON_DEPTH: integerSetting(DEFAULT_REQUEST_LIMITS.maxJsonDepth, MIN_JSON_DEPTH, 1024),
  LIFT_JSON_BODIES: booleanSetting(true),
  NORMALIZE_SEVERITY: booleanSetting(true),
  LIFT_MAX_DEPTH: integerSetting(DEFAULT_LIFT_MAX_DEPTH, 1, 16),
  LIFT_KEEP_ORIGINAL: booleanSetting(false),
  REDACTION_ENABLED: booleanSetting(true),
  REDACTION_DROP_KEYS: listSetting(),
  REDACTION_KEEP_KEYS: listSetting(),
  REDACTION_HASH_KEYS: listSetting(),
  // Required with REDACTION_HASH_KEYS (checked with the policy), and with redaction on and a
  // ClickHouse off this machine (hashSecretProblem); it keys the series hashes of metric
  // attributes too, so its length counts even without hashed keys.
  REDACTION_HASH_SECRET: secretSetting(16, " (the key of the keyed hashes)"),
  // Read in any case by the policy, which shows a bad name as written.
  REDACTION_DISABLED_DETECTORS: listSetting(),
  REDACTION_GEO_PRECISION: wordSetting<GeoPrecision>(DEFAULT_GEO_PRECISION, GEO_PRECISIONS),
  REDACTION_EXTRA_PATTERNS: extraPatternsSetting,
  TIMESTAMP_MAX_PAST_SECONDS: integerSetting(30 * 24 * 3600, 60, 100 * 365 * 24 * 3600),
  TIMESTAMP_MAX_FUTURE_SECONDS: integerSetting(24 * 3600, 60, 365 * 24 * 3600),
};

export type IngestSettings = SettingsOf<typeof INGEST_SETTINGS>;

/** The Worker named in configuration errors: production's script name (pipeline-workers.ts). */
export const INGEST_WORKER_NAME = INGEST_WORKER;

/**
 * Pairs of good settings that cannot both hold, each naming both (ADMIN_TOKEN and INGEST_TOKENS,
 * though the latter is the public endpoint's: a producer's token must never open /admin, so
 * every entrypoint refuses it; WRITE_MODE=queue and a missing retry queue binding). Not a pair:
 * DIRECT_WRITE_TIMEOUT_MS above CLICKHOUSE_TIMEOUT_MS, for the direct write's budget spans
 * several ClickHouse calls (the table plan, then the inserts, 6 at a time), each with its own
 * timeout (docs/decisions.md, 2026-12-02, "Settings as wrangler passes them").
 */
function contradictions(settings: Partial<IngestSettings>, env: Record<string, unknown>): string[] {
  const found: string[] = [];
  const { QUEUE_RETRY_DELAY_SECONDS: delay, QUEUE_RETRY_MAX_DELAY_SECONDS: maxDelay } = settings;
  if (delay !== undefined && maxDelay !== undefined && delay > maxDelay) {
    found.push(
      `QUEUE_RETRY_DELAY_SECONDS (${delay}) must not be above QUEUE_RETRY_MAX_DELAY_SECONDS (${maxDelay}): ` +
        "the first retry delay doubles up to that cap",
    );
  }
  const { MAX_BODY_BYTES: body, MAX_DECOMPRESSED_BYTES: decompressed } = settings;
  if (body !== undefined && decompressed !== undefined && decompressed < body) {
    found.push(
      `MAX_DECOMPRESSED_BYTES (${decompressed}) must not be below MAX_BODY_BYTES (${body}): ` +
        "an uncompressed body is held to both, and a compressed one is smaller than its inflated content, so the larger MAX_BODY_BYTES would never be reached",
    );
  }
  if (settings.WRITE_MODE === "queue" && queueBindingsOf(env).retry === undefined) {
    found.push(`WRITE_MODE=queue needs the ${RETRY_QUEUE_BINDING} queue binding (queues.producers in wrangler.ingest.jsonc)`);
  }
  const admin = settings.ADMIN_TOKEN;
  const producer = admin === undefined ? -1 : ingestTokenSecrets(env).indexOf(admin);
  if (producer !== -1) {
    found.push(
      `ADMIN_TOKEN must not be the secret of an INGEST_TOKENS entry (entry ${producer + 1}): ` +
        "a producer holding that token could read and replay every producer's dead letters",
    );
  }
  return found;
}

/**
 * REDACTION_HASH_SECRET missing where it must be set: redaction is on and CLICKHOUSE_URL names
 * no loopback host, so the Worker is deployed (a Worker on Cloudflare cannot reach one). The
 * secret keys the hashes that replace personal values in metric attributes (client addresses,
 * postal codes, phones); a key the source shows would let anyone hash every IPv4 address and read
 * the stored ones back, and a key taken from CLICKHOUSE_PASSWORD would start new series whenever
 * the password is rotated. A local run (`npm start`, `wrangler dev`, tests) needs none: its key
 * is random per Worker start (RedactionPolicy.seriesHash). Not said when REDACTION_HASH_KEYS is
 * set (the policy asks for the secret then), nor when the secret or the URL was itself refused.
 */
function hashSecretProblem(settings: Partial<IngestSettings>, refused: readonly string[]): string[] {
  const url = settings.CLICKHOUSE_URL;
  if (settings.REDACTION_ENABLED === false || settings.REDACTION_HASH_SECRET !== undefined || url === undefined) return [];
  if (refused.includes("REDACTION_HASH_SECRET") || refused.includes("REDACTION_ENABLED") || (settings.REDACTION_HASH_KEYS ?? []).length > 0) return [];
  if (isLoopbackUrl(url)) return [];
  return [
    "REDACTION_HASH_SECRET is required while redaction is on and CLICKHOUSE_URL is not on this machine: it keys the hashes " +
      "that replace personal values in metric attributes, which without a secret key could be recomputed and read back; set 16 or more " +
      "random characters with `npx wrangler secret put REDACTION_HASH_SECRET -c wrangler.ingest.jsonc` and keep them (a new key starts new metric series)",
  ];
}

/** Whether `url`'s host is this machine: `localhost` (and its subdomains, RFC 6761), 127.0.0.0/8 or `[::1]`. */
function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname.toLowerCase();
  return host === "localhost" || host.endsWith(".localhost") || /^127\.\d+\.\d+\.\d+$/.test(host) || host === "[::1]";
}

/** The secrets of INGEST_TOKENS as the public endpoint reads them; none when it is unset or malformed (it names that itself). */
function ingestTokenSecrets(env: Record<string, unknown>): string[] {
  const read = readSettings({ INGEST_TOKENS: PUBLIC_AUTH_SETTINGS.INGEST_TOKENS }, env);
  return (read.settings.INGEST_TOKENS ?? []).map((token) => token.secret);
}

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
    /** Seconds a table's plan (its columns, from `DESC TABLE`) is used before it is learnt again. */
    tableRecheckSeconds: number;
    tables: ClickHouseTables;
  };
  durability: DurabilityConfig;
  /** The bearer token of the operator's /admin routes; undefined turns them off. */
  admin: { token: string | undefined };
  limits: { maxBodyBytes: number; maxDecompressedBytes: number };
  pipeline: PipelineOptions;
}

/**
 * The ingest Worker's settings, or a ConfigError naming every problem at once: each bad
 * setting, each pair of settings that contradict each other, and the redaction policy's
 * problems (read from the REDACTION_* settings that are good, even when others are bad).
 */
export function parseIngestConfig(env: Record<string, unknown>): IngestConfig {
  const read = readSettings(INGEST_SETTINGS, env);
  const redaction = redactionPolicyFrom(
    read.settings,
    read.problems.map((problem) => problem.setting),
  );
  const problems = [
    ...read.problems,
    ...contradictions(read.settings, env),
    ...hashSecretProblem(read.settings, read.problems.map((problem) => problem.setting)),
    ...(redaction.ok ? [] : [redaction.error]),
  ];
  if (problems.length > 0 || !redaction.ok) throw configError(INGEST_WORKER_NAME, problems);
  const settings = read.settings as IngestSettings;
  return {
    clickhouse: {
      url: settings.CLICKHOUSE_URL,
      user: settings.CLICKHOUSE_USER,
      password: settings.CLICKHOUSE_PASSWORD ?? "",
      database: settings.CLICKHOUSE_DATABASE,
      asyncInsert: settings.CLICKHOUSE_ASYNC_INSERT,
      timeoutMs: settings.CLICKHOUSE_TIMEOUT_MS,
      tableRecheckSeconds: settings.CLICKHOUSE_TABLE_RECHECK_SECONDS,
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
      redaction: redaction.policy,
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
    if (typeof raw !== "string") return refused(tokenListRefusal(shownType(raw)));
    const parsed = readIngestTokens(raw);
    return parsed.ok ? accepted(parsed.tokens) : refused(parsed.error);
  }) satisfies Setting<IngestToken[]>,
  AUTH_DISABLED: booleanSetting(false),
};

export interface PublicAuthConfig {
  /** `AUTH_DISABLED=true`: no bearer token asked for (local use only). */
  disabled: boolean;
  tokens: IngestToken[];
}

/**
 * The public endpoint's auth settings, or a ConfigError naming what is wrong with them: a bad
 * setting, no INGEST_TOKENS with auth on, or INGEST_TOKENS with AUTH_DISABLED=true.
 */
export function parsePublicAuthConfig(env: Record<string, unknown>): PublicAuthConfig {
  const settings = parseSettings(PUBLIC_AUTH_SETTINGS, env, INGEST_WORKER_NAME);
  // Both set is a contradiction, not a precedence: tokens listed say callers must present one,
  // and letting AUTH_DISABLED win would open a production endpoint without a word.
  if (settings.AUTH_DISABLED && settings.INGEST_TOKENS.length > 0) {
    throw configError(INGEST_WORKER_NAME, [
      "AUTH_DISABLED=true contradicts INGEST_TOKENS, which is set: with tokens listed callers must present one; " +
        "unset AUTH_DISABLED (or, for local use only, INGEST_TOKENS)",
    ]);
  }
  if (!settings.AUTH_DISABLED && settings.INGEST_TOKENS.length === 0) {
    throw configError(INGEST_WORKER_NAME, [
      "INGEST_TOKENS is required (one or more comma-separated bearer tokens, set with " +
        "`wrangler secret put INGEST_TOKENS`); set AUTH_DISABLED=true only for local use",
    ]);
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

/** The public endpoint's CORS policy, undefined when off (no origin listed), or a ConfigError naming every problem. */
export function parsePublicCorsConfig(env: Record<string, unknown>): CorsPolicy | undefined {
  const read = readSettings(PUBLIC_CORS_SETTINGS, env);
  const { CORS_ALLOWED_ORIGINS: origins, CORS_ALLOWED_HEADERS: headers = [], CORS_MAX_AGE: maxAge = 0 } = read.settings;
  const parsed = parseCorsPolicy(origins, headers, maxAge);
  if (read.problems.length > 0 || !parsed.ok) {
    throw configError(INGEST_WORKER_NAME, [...read.problems, ...(parsed.ok ? [] : parsed.problems)]);
  }
  return parsed.policy;
}

/**
 * The redaction policy of the REDACTION_* settings that read well (a `refused` one is left out,
 * to its default, and named by its own problem), or the policy's problems as one sentence.
 */
function redactionPolicyFrom(settings: Partial<IngestSettings>, refused: readonly string[]): ParsedRedactionPolicy {
  return parseRedactionPolicy({
    enabled: settings.REDACTION_ENABLED,
    dropKeys: settings.REDACTION_DROP_KEYS,
    keepKeys: settings.REDACTION_KEEP_KEYS,
    // With REDACTION_HASH_SECRET refused (and named), hashed keys would only add "hashSecret is
    // required", a follow-on of that problem, not another one.
    hashKeys: refused.includes("REDACTION_HASH_SECRET") ? [] : settings.REDACTION_HASH_KEYS,
    // Also the key of metric attributes' series hashes; without it (a local run: hashSecretProblem)
    // the policy draws a random one.
    hashSecret: settings.REDACTION_HASH_SECRET,
    geoPrecision: settings.REDACTION_GEO_PRECISION,
    disabledDetectors: settings.REDACTION_DISABLED_DETECTORS,
    extraPatterns: settings.REDACTION_EXTRA_PATTERNS,
  }, settingOfPolicyPath);
}

/** The settings the policy's fields are read from, for its messages to name. */
const POLICY_FIELD_SETTINGS: Readonly<Record<string, string>> = {
  enabled: "REDACTION_ENABLED",
  dropKeys: "REDACTION_DROP_KEYS",
  keepKeys: "REDACTION_KEEP_KEYS",
  hashKeys: "REDACTION_HASH_KEYS",
  hashSecret: "REDACTION_HASH_SECRET",
  geoPrecision: "REDACTION_GEO_PRECISION",
  disabledDetectors: "REDACTION_DISABLED_DETECTORS",
  extraPatterns: "REDACTION_EXTRA_PATTERNS",
};

/**
 * A place in the policy as the setting it came from: a list's item by its position from 1
 * (`REDACTION_DISABLED_DETECTORS item 2`), REDACTION_EXTRA_PATTERNS's members by JSON index
 * as written in its JSON (`REDACTION_EXTRA_PATTERNS[0].name`).
 */
function settingOfPolicyPath([field, index, member]: PolicyPath): string {
  const setting = POLICY_FIELD_SETTINGS[String(field)] ?? String(field);
  if (index === undefined) return setting;
  if (field === "extraPatterns") return `${setting}[${index}]${member === undefined ? "" : `.${member}`}`;
  return `${setting} item ${Number(index) + 1}`;
}
