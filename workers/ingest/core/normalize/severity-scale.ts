/**
 * OTLP's severity scale (logs data model): six ranges of four numbers each, TRACE=1..4 up to
 * FATAL=21..24, with the short names TRACE, TRACE2, TRACE3, TRACE4, DEBUG, ... FATAL4.
 */

import type { EnumValue } from "../../../shared/otlp/model";

export interface Severity {
  /** OTLP's canonical upper-case short name, e.g. "ERROR" or "ERROR2". */
  text: string;
  /** 1..24 on OTLP's scale. */
  number: number;
}

const RANGE_NAMES = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"] as const;

/**
 * Level names of common logging libraries that are not OTLP's own, each at the number the OTel
 * logs data model's "Appendix B: SeverityNumber example mappings" gives it (syslog/RFC 5424,
 * Windows Event Log, Log4j, zap, java.util.logging, .NET), or, for a library the appendix does
 * not list, the number its OTel bridge sends. Lower case; matched in any case. A name that means
 * different levels in different libraries is placed where the appendix puts it, and a sender's
 * own number overrides it (normalizeRecordSeverity).
 */
const LIBRARY_LEVELS: Readonly<Record<string, number>> = {
  // TRACE range: java.util.logging FINEST; winston's silly (@opentelemetry/winston-transport).
  finest: 1,
  silly: 1,
  // DEBUG range: FINER (5), FINE (6), CONFIG (7); Windows Event Log's Verbose and winston's
  // verbose (the appendix's Verbose is DEBUG; Serilog's is TRACE under its own keys:
  // SERILOG_LEVELS); winston's http (winston-transport: 7).
  finer: 5,
  verbose: 5,
  fine: 6,
  config: 7,
  http: 7,
  // INFO range: Workers' console.log ("log" in tail events and Cloudflare's exports), .NET and
  // Serilog Information, syslog Informational; syslog Notice is INFO2.
  log: 9,
  information: 9,
  informational: 9,
  notice: 10,
  // WARN range: syslog, Python and JUL's WARNING.
  warning: 13,
  // ERROR range: syslog err, JUL SEVERE; syslog Critical (crit) and zap DPanic are ERROR2,
  // syslog Alert and zap Panic ERROR3.
  err: 17,
  severe: 17,
  crit: 18,
  dpanic: 18,
  alert: 19,
  panic: 19,
  // FATAL range: syslog Emergency; "critical" is .NET's LogLevel.Critical and Python's CRITICAL,
  // both their highest level (the appendix puts .NET's at FATAL; syslog's own Critical is crit).
  emerg: 21,
  emergency: 21,
  critical: 21,
};


/** A level name's severity, and whether the name is a library's rather than OTLP's own. */
export interface NamedSeverity extends Severity {
  /**
   * True for LIBRARY_LEVELS' names and Go slog's offsets: the library's OTel bridge sends its
   * own number with it, and that number, not our table, says where the level sits.
   */
  libraryName: boolean;
}

function buildNameTable(): Map<string, NamedSeverity> {
  const table = new Map<string, NamedSeverity>();
  RANGE_NAMES.forEach((range, rangeIndex) => {
    for (let step = 0; step < 4; step++) {
      const text = step === 0 ? range : `${range}${step + 1}`;
      table.set(text.toLowerCase(), { text, number: rangeIndex * 4 + step + 1, libraryName: false });
    }
  });
  // A library's name becomes its range's name: SeverityText = 'INFO' finds notice, 'ERROR' SEVERE.
  for (const [name, number] of Object.entries(LIBRARY_LEVELS)) {
    table.set(name, { text: rangeNameOf(number)!, number, libraryName: true });
  }
  return table;
}

const BY_NAME = buildNameTable();

/**
 * BY_NAME's names also in upper case: the spellings senders use nearly always ("info", "INFO",
 * and the canonical texts normalization itself writes), found without building a trimmed,
 * lower-cased copy of the name.
 */
const BY_USUAL_SPELLING: ReadonlyMap<string, NamedSeverity> = new Map([
  ...BY_NAME,
  ...[...BY_NAME].map(([name, severity]): [string, NamedSeverity] => [name.toUpperCase(), severity]),
]);

/**
 * Go log/slog's levels and the OTel Go bridge's numbers: slog's DEBUG, INFO, WARN and ERROR are
 * -4, 0, 4 and 8, a level between them prints as the name below it plus an offset (`ERROR+2`,
 * `INFO-2`), and otelslog sends level + 9 as the severity number (DEBUG 5 … ERROR 17).
 */
const SLOG_LEVELS: Readonly<Record<string, number>> = { debug: -4, info: 0, warn: 4, error: 8 };
const SLOG_OFFSET = /^\s*(debug|info|warn|error)([+-]\d{1,2})\s*$/i;

/** OTLP's scale: 1 (TRACE) to 24 (FATAL4). */
const LOWEST_SEVERITY = 1;
const HIGHEST_SEVERITY = 24;

function severityFromSlogOffset(name: string): NamedSeverity | undefined {
  const match = SLOG_OFFSET.exec(name);
  if (match === null) return undefined;
  // A level past OTLP's scale (`ERROR+10`, 27) is still above FATAL4 (or below TRACE): it sits
  // at the scale's end, so the order of levels holds (`ERROR+4` is FATAL, `ERROR+10` no lower).
  const offset = SLOG_LEVELS[match[1]!.toLowerCase()]! + Number(match[2]) + 9;
  const number = Math.min(HIGHEST_SEVERITY, Math.max(LOWEST_SEVERITY, offset));
  return { text: rangeNameOf(number)!, number, libraryName: true };
}

/**
 * An ANSI SGR escape (`ESC [ … m`), the colour a terminal formatter wraps a level in (winston's
 * `format.colorize()`: `\u001b[31merror\u001b[39m`); it is no part of the level's name.
 */
const SGR_ESCAPE = /\u001b\[[0-9;]*m/g;

/**
 * The severity a level name stands for, in any case: OTLP's short names (`ERROR3` is 19, text
 * `ERROR3`), the library names above (`SEVERE` is 17, text `ERROR`), Go slog's offsets
 * (`ERROR+2` is 19, text `ERROR`; past the scale at its end: `ERROR+10` is 24, text `FATAL`);
 * a name coloured with ANSI SGR escapes is read without them (`\u001b[31merror\u001b[39m` is
 * 17, text `ERROR`). Undefined for any other name: Ruby Logger's `UNKNOWN` ("an unknown message
 * that should always be logged") names no severity, and a number written as text (`"40"`) is a
 * level only on a scale (numericLevel, severityOnScale).
 */
export function severityFromName(name: string): NamedSeverity | undefined {
  const found = BY_USUAL_SPELLING.get(name) ?? BY_NAME.get(name.trim().toLowerCase()) ?? severityFromSlogOffset(name);
  if (found !== undefined || !name.includes("\u001b")) return found;
  const plain = name.replace(SGR_ESCAPE, "");
  return plain === name ? undefined : severityFromName(plain);
}

/**
 * log15's four-letter level names (`Lvl.String()`: dbug, info, warn, eror, crit; go-ethereum's
 * fork adds trce) that the common names (severityFromName) lack: read only under log15's own key
 * `lvl` (log-shapes.ts), as no other logger writes them. Its info, warn and crit are the common
 * names' (crit as syslog's Critical, ERROR2). Lower case, as log15 writes them.
 */
export const LOG15_LEVELS: ReadonlyMap<string, Severity> = levelTable(["trce", 1], ["dbug", 5], ["eror", 17]);

/**
 * Serilog's level names where they differ from the common ones (severityFromName): its Verbose,
 * below Debug, is .NET's Trace (Serilog.Extensions.Logging maps the two onto each other), so
 * TRACE as .NET's Trace is in the OTel logs data model's Appendix B, where the common table puts
 * Windows Event Log's Verbose at DEBUG. Read only under Serilog's own level keys (`@l`, its
 * JsonFormatter's `Level`: log-shapes.ts). Lower case.
 */
export const SERILOG_LEVELS: ReadonlyMap<string, Severity> = levelTable(["verbose", 1]);

/**
 * winston's level names where @opentelemetry/winston-transport sends another number than the
 * common names give (severityFromName): npm's verbose is DEBUG2 (6; the common table keeps
 * Windows Event Log's Verbose at DEBUG, 5), and the cli levels input, prompt, data and help,
 * which no other logger names so, TRACE2, TRACE4, INFO2 and INFO3 (the transport's npm table
 * wins over its cli one, so verbose is not cli's TRACE3). Read only under the `level` key winston
 * writes (log-shapes.ts). Its syslog names stay Appendix B's. Lower case.
 */
export const WINSTON_LEVELS: ReadonlyMap<string, Severity> = levelTable(["verbose", 6], ["input", 2], ["prompt", 4], ["data", 10], ["help", 11]);

/**
 * The numeric level scales JSON loggers write, which disagree: pino's and Bunyan's (40 is warn,
 * 50 error), Python logging's `levelno` (40 is ERROR, 50 CRITICAL), syslog's severities (RFC
 * 5424: 0 Emergency … 7 Debug; journald's `PRIORITY`, GELF's `level`) and Monolog's (RFC 5424's
 * eight levels as 100 DEBUG … 600 EMERGENCY). Which one a line uses its key or its shape tells
 * (log-shapes.ts, level-scale-evidence.ts).
 */
export type NumericLevelScale = "pino" | "python" | "syslog" | "monolog";

/**
 * The scales that name a fixed set of numbers, each with the severity its OTel bridge sends:
 * pino-opentelemetry-transport's for pino's six levels; the logs data model's Appendix B syslog
 * row for syslog's eight (Alert ERROR3, Critical ERROR2, Notice INFO2), which OpenTelemetry
 * PHP's PSR-3 mapping gives Monolog's same eight levels too. Any other number on them is a
 * custom level their bridges leave unspecified.
 */
const LISTED_LEVELS: Readonly<Record<Exclude<NumericLevelScale, "python">, ReadonlyMap<number, Severity>>> = {
  pino: levelTable([10, 1], [20, 5], [30, 9], [40, 13], [50, 17], [60, 21]),
  syslog: levelTable([0, 21], [1, 19], [2, 18], [3, 17], [4, 13], [5, 10], [6, 9], [7, 5]),
  monolog: levelTable([100, 5], [200, 9], [250, 10], [300, 13], [400, 17], [500, 18], [550, 19], [600, 21]),
};

/**
 * Level names that are only another spelling of one of OTLP's range names, each at that range's
 * first number: the Workers console's `log` (console.log, beside info/debug/warn/error/trace,
 * which are OTLP's own names), .NET's and Serilog's Information, RFC 5424's Informational,
 * Warning and its keyword `err`, and log15's four-letter forms. Names of a level OTLP folds into
 * a range (syslog's notice, crit and alert, JUL's fine), of one of their own (emerg, severe) or
 * placed differently by different schemes (critical, alert, verbose) are not among them: their
 * name says what the stored severity does not (docs/decisions.md, "severity notes").
 */
const SPELLINGS: ReadonlyMap<string, number> = new Map([
  ["log", 9],
  ["information", 9],
  ["informational", 9],
  ["warning", 13],
  ["err", 17],
  ["eror", 17],
  ["dbug", 5],
  ["trce", 1],
]);

/**
 * Whether a level as its sender wrote it (`sent`: a name, or a numeric level as its decimal
 * text) says nothing that severity number `number` with its range's name does not: a spelling
 * of that range's name (SPELLINGS) at the range's first number, or one of pino's and Bunyan's
 * six levels at the number pino's bridge gives it (`"30"` at 9). `log` beside 17, `Warning`
 * beside 17, pino's custom 35 or Python's 20 at 9 say more.
 */
export function spellsSeverity(sent: string, number: EnumValue): boolean {
  if (SPELLINGS.get(sent.trim().toLowerCase()) === number) return true;
  const level = numericLevel(sent);
  return level !== undefined && LISTED_LEVELS.pino.get(level)?.number === number;
}

function levelTable<Level>(...levels: [level: Level, severityNumber: number][]): ReadonlyMap<Level, Severity> {
  return new Map(levels.map(([level, number]) => [level, { text: rangeNameOf(number)!, number }]));
}

/**
 * A numeric level as an integer: a JSON integer, or one written as text (`"40"`, ` 40 `: pino's
 * level copied into a severity text or written as a string). Undefined for anything else
 * (`"30.0"`, `"-30"`, `"4e1"`, a name).
 */
export function numericLevel(value: string | number): number | undefined {
  if (typeof value === "number") return Number.isSafeInteger(value) ? value : undefined;
  // The common case, a level name, is told apart by its first character before any trimming.
  const first = value.charCodeAt(0);
  if (!(first >= 0x30 && first <= 0x39) && first !== 0x20) return undefined;
  return LEVEL_DIGITS.test(value) ? Number(value) : undefined;
}
const LEVEL_DIGITS = /^\s*\d{1,6}\s*$/;

/** Python logging's levels as OTel Python's LoggingHandler maps them: DEBUG 10 is 5 … CRITICAL 50 is 21. */
const PYTHON_LOWEST_LEVEL = 10;
const PYTHON_HIGHEST_MAPPED_LEVEL = 53;

/**
 * The severity of numeric level `level` on `scale`, as the scale's own OTel bridge sends it:
 * - pino (pino-opentelemetry-transport) and Bunyan: only the six levels (10 TRACE … 60 FATAL);
 *   syslog (0 FATAL, 1 ERROR3, 2 ERROR2, 3 ERROR, 4 WARN, 5 INFO2, 6 INFO, 7 DEBUG) and Monolog
 *   (100 DEBUG … 600 FATAL, the same eight): only their eight (LISTED_LEVELS); any other number
 *   is a custom level the bridge leaves unspecified, so undefined here.
 * - Python (opentelemetry-sdk's LoggingHandler, `std_to_otel`): 10, 20, 30, 40, 50 are DEBUG,
 *   INFO, WARN, ERROR, FATAL (CRITICAL); 1 to 3 past one of them is that range's 2nd to 4th
 *   step and 4 to 9 past it its 4th (`45` is ERROR4, 20); past 53 is FATAL4 (24); below 10
 *   (NOTSET and custom levels under DEBUG) is unspecified, so undefined here.
 */
export function severityOnScale(level: number, scale: NumericLevelScale): Severity | undefined {
  if (scale !== "python") return LISTED_LEVELS[scale].get(level);
  if (level < PYTHON_LOWEST_LEVEL) return undefined;
  const number =
    level > PYTHON_HIGHEST_MAPPED_LEVEL ? HIGHEST_SEVERITY : Math.floor(level / 10) * 4 + 1 + Math.min(level % 10, 3);
  return { text: rangeNameOf(number)!, number };
}

/**
 * The text for a bare severity number: the name of its range ("ERROR" for 17..20), not the
 * numbered short name, so that `SeverityText = 'ERROR'` finds every error whatever its step.
 */
export function rangeNameOf(severityNumber: EnumValue): string | undefined {
  if (typeof severityNumber !== "number" || !Number.isInteger(severityNumber) || severityNumber < 1 || severityNumber > 24) {
    return undefined;
  }
  return RANGE_NAMES[Math.floor((severityNumber - 1) / 4)];
}
