/**
 * The tail's settings, read from Worker vars and validated once per invocation.
 *
 * `loadConfig` fails with the setting's name. The Worker itself reads its settings with
 * `readConfig`, which puts the default in place of each bad value and says which were bad: a
 * tail that stops for a typo loses every producer's errors until someone notices, while one
 * that logs the fault on every invocation and keeps capturing with the defaults loses nothing.
 */
import {
  accepted,
  booleanSetting,
  ConfigError,
  integerSetting,
  listItemsOf,
  listSetting,
  parseSettings,
  readSettings,
  refused,
  shown,
  type Setting,
} from "../shared/env-schema";
import { TAIL_WORKER } from "../shared/pipeline-workers";

/** Console levels a producer can write, as the runtime names them in TraceItem.logs[].level. */
export const LOG_LEVELS = ["debug", "info", "log", "warn", "error"] as const;

export interface TailConfig {
  /** Console levels turned into log records (and that make an otherwise healthy item worth keeping). */
  readonly captureLevels: ReadonlySet<string>;
  /**
   * Producers TAIL_IGNORE_SCRIPTS names. The pipeline's own Workers, in every environment, are
   * ignored besides these, whatever the settings say (filter.ts).
   */
  readonly ignoredScripts: ReadonlySet<string>;
  readonly emitMetrics: boolean;
  /** Retries after the first forward attempt fails; 0 means a single attempt. */
  readonly forwardRetries: number;
  /** service.name when the runtime gives no script name (local development does this). */
  readonly serviceNameFallback: string;
  /** Deliveries of a handed-off request from the hand-off queue before it is reported lost. */
  readonly handOffMaxAttempts: number;
  /** Most UTF-8 bytes of one request's JSON body; a batch's larger requests are cut into parts (split.ts). */
  readonly maxRequestBytes: number;
  /** Most log records or data points in one request. */
  readonly maxRequestRecords: number;
}

/**
 * TAIL_CAPTURE_LEVELS: levels in any case (the runtime's are lower-case), as text or a JSON
 * array. A refusal names each item that is no level, as written (`item 1 ("warning")`).
 */
const captureLevelsSetting: Setting<string[]> = (raw) => {
  if (raw === undefined) return accepted(["error"]);
  const read = listSetting({ words: true })(raw);
  if (!read.ok) return read;
  const levels = `${LOG_LEVELS.join(", ")} (any case), comma-separated or a JSON array`;
  if (read.value.length === 0) return refused(`must be a non-empty list of ${levels}, got ${shown(raw)}`);
  const written = (listItemsOf(raw) ?? []).map((item) => item.trim()).filter((item) => item.length > 0);
  const bad = written.flatMap((item, index) =>
    (LOG_LEVELS as readonly string[]).includes(item.toLowerCase()) ? [] : [`item ${index + 1} (${JSON.stringify(item)})`],
  );
  return bad.length === 0 ? read : refused(`${bad.join(", ")} ${bad.length === 1 ? "is no level" : "are no levels"}: list ${levels}, got ${shown(raw)}`);
};

/** A name to stand for a script, spaces around it dropped (a blank one is unset). */
const serviceNameSetting: Setting<string> = (raw) => {
  if (raw === undefined) return accepted("unknown-worker");
  return typeof raw === "string" ? accepted(raw.trim()) : refused(`must be a string, got ${shown(raw)}`);
};

/** TAIL_MAX_REQUEST_BYTES's default: 4 MiB. */
const DEFAULT_MAX_REQUEST_BYTES = 4 * 1024 * 1024;
/** TAIL_MAX_REQUEST_RECORDS's default. */
const DEFAULT_MAX_REQUEST_RECORDS = 10_000;

const TAIL_SETTINGS = {
  TAIL_CAPTURE_LEVELS: captureLevelsSetting,
  TAIL_IGNORE_SCRIPTS: listSetting(),
  TAIL_EMIT_METRICS: booleanSetting(true),
  TAIL_FORWARD_RETRIES: integerSetting(3, 0, 10),
  // With 5 s doubling to 15 min between deliveries, 50 cover about 11 hours of ingest outage.
  TAIL_HANDOFF_MAX_ATTEMPTS: integerSetting(50, 1, 100),
  // A quarter of the ingest's default MAX_BODY_BYTES (16 MiB) and a third of its
  // MAX_RECORDS_PER_REQUEST (30,000): room for an ingest set lower, few subrequests per batch.
  TAIL_MAX_REQUEST_BYTES: integerSetting(DEFAULT_MAX_REQUEST_BYTES, 65_536, 100 * 1024 * 1024),
  TAIL_MAX_REQUEST_RECORDS: integerSetting(DEFAULT_MAX_REQUEST_RECORDS, 1, 1_000_000),
  TAIL_SERVICE_NAME_FALLBACK: serviceNameSetting,
};

/** The vars the tail reads; the rest of env (its bindings) is ignored. */
export type TailSettings = Partial<Record<keyof typeof TAIL_SETTINGS, unknown>>;

/** Reads the settings; throws a ConfigError naming every bad one. */
export function loadConfig(env: TailSettings): TailConfig {
  const settings = parseSettings(TAIL_SETTINGS, env, TAIL_WORKER);
  return {
    captureLevels: new Set(settings.TAIL_CAPTURE_LEVELS),
    ignoredScripts: new Set(settings.TAIL_IGNORE_SCRIPTS),
    emitMetrics: settings.TAIL_EMIT_METRICS,
    forwardRetries: settings.TAIL_FORWARD_RETRIES,
    serviceNameFallback: settings.TAIL_SERVICE_NAME_FALLBACK,
    handOffMaxAttempts: settings.TAIL_HANDOFF_MAX_ATTEMPTS,
    maxRequestBytes: settings.TAIL_MAX_REQUEST_BYTES,
    maxRequestRecords: settings.TAIL_MAX_REQUEST_RECORDS,
  };
}

export interface ReadConfig {
  config: TailConfig;
  /** Present when some settings were bad: their names, and the ConfigError's message naming why. */
  invalid?: { settings: string[]; error: string };
  /** Valid settings that are likely a mistake, each a sentence saying why (see captureWarning). */
  warnings?: string[];
}

/**
 * A capture list without `error` (`TAIL_CAPTURE_LEVELS=warn`) is an exact list, as documented:
 * the producers' `console.error` lines then make no records. That is more likely a setting meant
 * as a threshold ("warn and above") than a wish, and it loses the one level the tail exists for
 * without a sign, so it is said on every invocation, as a `warn`, and the list is kept as given.
 */
function captureWarning(config: TailConfig): string | undefined {
  if (config.captureLevels.has("error")) return undefined;
  return (
    `TAIL_CAPTURE_LEVELS is ${JSON.stringify([...config.captureLevels].join(","))}, without error: ` +
    "console.error lines make no log records (the list is exact, not a threshold); add error to capture them"
  );
}

/**
 * The settings the Worker runs with: each bad one replaced by its default (the setting as if
 * unset), the rest as given. Never throws on a bad value; `invalid` says what was replaced.
 */
export function readConfig(env: TailSettings): ReadConfig {
  const read = readOrDefault(env);
  const warning = captureWarning(read.config);
  return warning === undefined ? read : { ...read, warnings: [warning] };
}

function readOrDefault(env: TailSettings): ReadConfig {
  try {
    return { config: loadConfig(env) };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const settings = readSettings(TAIL_SETTINGS, env).problems.map((problem) => problem.setting);
    const usable = Object.fromEntries(Object.entries(env).filter(([name]) => !settings.includes(name)));
    return { config: loadConfig(usable), invalid: { settings, error: error.message } };
  }
}
