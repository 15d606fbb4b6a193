/**
 * Which numeric level scale a structured log line was written on, read from its shape. pino and
 * Bunyan write `"level":40` for warn; Python logging's `levelno` 40 is ERROR. The number alone
 * cannot say which, so the keys each logger writes beside it decide, and a line that shows
 * neither (or both equally) is left unread rather than guessed (docs/decisions.md, "numeric
 * levels by the line's shape").
 */
import type { BodyFields } from "./body-fields";
import { GELF_MEMBERS, isEpochMilliseconds, isPinoIsoTimestamp, PYTHON_LOGGER_NAME_KEYS, PYTHON_RECORD_KEYS } from "./log-shapes";
import type { NumericLevelScale } from "./severity-scale";

/** How many of pino's keys its default line has (`time`, `pid`, `hostname`, `msg`; Bunyan's: `v` for `time`). */
const PINO_DEFAULT_SHAPE = 4;

/**
 * How many of them show pino's scale at the least: `msg` alone is any JSON's message key
 * (`{"msg":"game over","level":20}`); pino writes `time` beside it on every line unless told
 * not to (epoch milliseconds, or pino's `isoTime` text), and `pid` and `hostname`
 * unless its `base` is changed.
 */
const PINO_LEAST_SHAPE = 2;

/**
 * How many of Python's keys show its scale at the least: one (`{"level":40,"module":"billing"}`)
 * is any JSON's field; a Python formatter writes its level's name or number, its logger's name or
 * its record's place beside it.
 */
const PYTHON_LEAST_SHAPE = 2;

/**
 * Text members that only one format writes, and on every line: a line holding them all is that
 * format's, whatever else it holds. GELF's `short_message`, `version` and `host` are its required
 * fields (GELF 1.1; Log4j's GelfLayout, logstash-gelf; an SMS's `short_message` alone is not
 * GELF's), and GELF's `level` is a
 * syslog severity; Monolog's JsonFormatter writes `level_name` and `channel` beside its `level`.
 */
const SIGNATURES: readonly { keys: readonly string[]; scale: NumericLevelScale }[] = [
  { keys: ["short_message", ...GELF_MEMBERS], scale: "syslog" },
  { keys: ["level_name", "channel"], scale: "monolog" },
];

function signatureScale(fields: BodyFields): NumericLevelScale | undefined {
  for (const { keys, scale } of SIGNATURES) if (keys.every((key) => typeof fields.scalar(key) === "string")) return scale;
  return undefined;
}

/**
 * The scale `fields` were written on: a format's signature's (SIGNATURES: GELF's syslog, Monolog's
 * own); else "pino" when pino's and Bunyan's own keys outnumber Python's and are two at the
 * least (`msg`, `pid`, `hostname`, `v`, `time` as epoch milliseconds, or as pino's ISO text on a
 * line with none of Python's keys; `msg` alone is no evidence), "python" when Python's LogRecord keys
 * (PYTHON_RECORD_KEYS, then its logger's name) outnumber pino's and are two at the least,
 * undefined when neither does; four of pino's keys are pino's default line and
 * decide at once. Called only for a numeric level, so the common line with a level name pays
 * nothing.
 */
export function numericLevelScale(fields: BodyFields): NumericLevelScale | undefined {
  const signed = signatureScale(fields);
  if (signed !== undefined) return signed;
  let pino = 0;
  if (typeof fields.scalar("msg") === "string") pino++;
  if (typeof fields.scalar("pid") === "number") pino++;
  if (typeof fields.scalar("hostname") === "string") pino++;
  if (isEpochMilliseconds(fields.scalar("time"))) pino++;
  if (fields.scalar("v") === 0) pino++;
  // pino's whole default line (or Bunyan's): no Python formatter writes these four together,
  // and the line's keys need not be read.
  if (pino >= PINO_DEFAULT_SHAPE) return "pino";
  let python = fields.countNamed(PYTHON_RECORD_KEYS);
  // pino's ISO time counts only where none of Python's keys is: a Python line stays read as the
  // 2026-12-03 rule reads it, never turned into a tie (docs/decisions.md, 2026-12-06).
  if (python === 0 && isPinoIsoTimestamp(fields.scalar("time"))) pino++;
  if (python > 0) for (const key of PYTHON_LOGGER_NAME_KEYS) if (typeof fields.scalar(key) === "string") python++;
  if (pino > python) return pino >= PINO_LEAST_SHAPE ? "pino" : undefined;
  return python > pino && python >= PYTHON_LEAST_SHAPE ? "python" : undefined;
}
