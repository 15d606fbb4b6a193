/**
 * OTLP's severity scale (logs data model): six ranges of four numbers each, TRACE=1..4 up to
 * FATAL=21..24, with the short names TRACE, TRACE2, TRACE3, TRACE4, DEBUG, ... FATAL4.
 */

export interface Severity {
  /** OTLP's canonical upper-case short name, e.g. "ERROR" or "ERROR2". */
  text: string;
  /** 1..24 on OTLP's scale. */
  number: number;
}

const RANGE_NAMES = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"] as const;

/** Level names producers use in the wild, mapped to the first number of their OTLP range. */
const ALIASES: Readonly<Record<string, number>> = {
  // Workers' console.log arrives as level "log" in tail events and Cloudflare's exports.
  log: 9,
  information: 9,
  notice: 10,
  warning: 13,
  err: 17,
  critical: 21,
  crit: 21,
  emerg: 21,
  emergency: 21,
  panic: 21,
};

function buildNameTable(): Map<string, Severity> {
  const table = new Map<string, Severity>();
  RANGE_NAMES.forEach((range, rangeIndex) => {
    for (let step = 0; step < 4; step++) {
      const text = step === 0 ? range : `${range}${step + 1}`;
      table.set(text.toLowerCase(), { text, number: rangeIndex * 4 + step + 1 });
    }
  });
  for (const [alias, number] of Object.entries(ALIASES)) {
    table.set(alias, { text: shortNameOf(number), number });
  }
  return table;
}

function shortNameOf(severityNumber: number): string {
  const rangeIndex = Math.floor((severityNumber - 1) / 4);
  const step = (severityNumber - 1) % 4;
  const range = RANGE_NAMES[rangeIndex] ?? "";
  return step === 0 ? range : `${range}${step + 1}`;
}

const BY_NAME = buildNameTable();

/**
 * BY_NAME's names also in upper case: the spellings senders use nearly always ("info", "INFO",
 * and the canonical texts normalization itself writes), found without building a trimmed,
 * lower-cased copy of the name.
 */
const BY_USUAL_SPELLING: ReadonlyMap<string, Severity> = new Map([
  ...BY_NAME,
  ...[...BY_NAME].map(([name, severity]): [string, Severity] => [name.toUpperCase(), severity]),
]);

/** The severity a level name stands for, in any case; undefined for names outside the table. */
export function severityFromName(name: string): Severity | undefined {
  return BY_USUAL_SPELLING.get(name) ?? BY_NAME.get(name.trim().toLowerCase());
}

/** pino's numeric levels (trace 10, debug 20, info 30, warn 40, error 50, fatal 60). */
const PINO_LEVELS: ReadonlyMap<number, Severity> = new Map(
  [10, 20, 30, 40, 50, 60].map((level, rangeIndex) => [level, { text: RANGE_NAMES[rangeIndex]!, number: rangeIndex * 4 + 1 }]),
);

/**
 * The severity of a numeric level as pino writes it; undefined for any other number (a bare
 * 3 could be syslog's error or OTLP's TRACE3, so only pino's six values are trusted).
 */
export function severityFromPinoLevel(level: number): Severity | undefined {
  return PINO_LEVELS.get(level);
}

/**
 * The text for a bare severity number: the name of its range ("ERROR" for 17..20), not the
 * numbered short name, so that `SeverityText = 'ERROR'` finds every error whatever its step.
 */
export function rangeNameOf(severityNumber: number): string | undefined {
  if (!Number.isInteger(severityNumber) || severityNumber < 1 || severityNumber > 24) {
    return undefined;
  }
  return RANGE_NAMES[Math.floor((severityNumber - 1) / 4)];
}
