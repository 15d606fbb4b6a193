/**
 * Reading a Worker's vars and secrets: each setting is a function from its raw value to the
 * value it means, or to a phrase saying why not that follows the setting's name in the error.
 *
 * Wrangler delivers vars as strings, numbers or booleans depending on how they were written,
 * and secrets always as strings, so every field accepts the string spelling too. Written by hand
 * rather than with a schema library: zod/mini's code and the building of its schemas were about
 * 10 ms of the ingest Worker's CPU at every start (docs/decisions.md, 2026-12-02, "Cold start,
 * twelfth round"), and every setting carries its own message anyway, for an operator needs to
 * read which setting is wrong and why.
 */

/** A setting's value, or why its raw value is refused (a phrase: "must be …, got …"). */
export type Reading<T> = { ok: true; value: T } | { ok: false; message: string };

/** Reads one setting's raw value; `undefined` is an unset var. */
export type Setting<T> = (raw: unknown) => Reading<T>;

/** Settings by the var's name. */
export type SettingsSchema = Record<string, Setting<unknown>>;

/** The values a schema's settings read to. */
export type SettingsOf<S extends SettingsSchema> = { [K in keyof S]: S[K] extends Setting<infer T> ? T : never };

export function accepted<T>(value: T): Reading<T> {
  return { ok: true, value };
}

export function refused(message: string): Reading<never> {
  return { ok: false, message };
}

/** A raw value as an error shows it: JSON, or its `String` form where JSON has none. */
export function shown(raw: unknown): string {
  try {
    return JSON.stringify(raw) ?? String(raw);
  } catch {
    return String(raw);
  }
}

/** Whether a string var is blank (`""`, spaces): a dashboard field cleared or a `KEY=` line. */
function isBlank(raw: unknown): boolean {
  return typeof raw === "string" && raw.trim() === "";
}

const TRUE_WORDS = ["true", "1", "yes", "on"];
const FALSE_WORDS = ["false", "0", "no", "off"];

/**
 * A switch: true/1/yes/on or false/0/no/off (any case), a JSON boolean, or blank. A blank value
 * is the default, as if the var were unset: a dashboard field cleared or a `KEY=` line in
 * .dev.vars means "no value", and reading it as false would turn a feature off (metrics,
 * redaction) without a word.
 */
export function booleanSetting(defaultValue: boolean): Setting<boolean> {
  return (raw) => {
    if (raw === undefined || isBlank(raw)) return accepted(defaultValue);
    if (typeof raw === "boolean") return accepted(raw);
    const word = typeof raw === "string" ? raw.trim().toLowerCase() : undefined;
    if (word !== undefined && TRUE_WORDS.includes(word)) return accepted(true);
    if (word !== undefined && FALSE_WORDS.includes(word)) return accepted(false);
    return refused(`must be true or false, got ${shown(raw)}`);
  };
}

const DECIMAL_INTEGER = /^-?\d+$/;

/**
 * A whole number from `min` to `max`: a JSON number, decimal digits (an optional minus sign,
 * spaces around), or blank, which is the default as for a switch (`booleanSetting`). Not what
 * `Number()` also reads (`"1e1"`, `"0x3"`, `"0b11"`, `"3."`): an operator who wrote those meant
 * something else, and a value read differently from how it reads is worse than one refused with
 * its name.
 */
export function integerSetting(defaultValue: number, min: number, max: number): Setting<number> {
  return (raw) => {
    if (raw === undefined || isBlank(raw)) return accepted(defaultValue);
    const parsed =
      typeof raw === "number" ? raw : typeof raw === "string" && DECIMAL_INTEGER.test(raw.trim()) ? Number(raw.trim()) : NaN;
    if (Number.isInteger(parsed) && parsed >= min && parsed <= max) return accepted(parsed);
    return refused(`must be a whole number from ${min} to ${max}, got ${shown(raw)}`);
  };
}

/** A comma-separated list; blanks are dropped so `"a, b,"` is `["a", "b"]`; unset is empty. */
export function listSetting(): Setting<string[]> {
  return (raw) => {
    if (raw === undefined) return accepted([]);
    if (typeof raw !== "string") return refused("must be a comma-separated list");
    return accepted(
      raw
        .split(",")
        .map((item) => item.trim())
        .filter((item) => item.length > 0),
    );
  };
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A ClickHouse identifier (database or table name): never built from request data. */
export function identifierSetting(defaultValue: string): Setting<string> {
  return (raw) => {
    if (raw === undefined) return accepted(defaultValue);
    if (typeof raw === "string" && IDENTIFIER.test(raw)) return accepted(raw);
    return refused(`must be a plain identifier (letters, digits, underscore), got ${shown(raw)}`);
  };
}

/** Any string, taken as written; unset is `defaultValue` (which may be `undefined`). */
export function stringSetting<D extends string | undefined>(defaultValue: D): Setting<string | D> {
  return (raw) => {
    if (raw === undefined) return accepted(defaultValue);
    return typeof raw === "string" ? accepted(raw) : refused("must be a string");
  };
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/** A bad setting: its var's name and why. */
export interface SettingProblem {
  setting: string;
  message: string;
}

/**
 * Reads every setting of `schema` from `env` (other members of env, such as bindings, are
 * ignored): the values, or every bad setting in the schema's order.
 */
export function readSettings<S extends SettingsSchema>(
  schema: S,
  env: Record<string, unknown>,
): { ok: true; settings: SettingsOf<S> } | { ok: false; problems: SettingProblem[] } {
  const settings: Record<string, unknown> = {};
  const problems: SettingProblem[] = [];
  for (const [setting, read] of Object.entries(schema)) {
    const reading = read(env[setting]);
    if (reading.ok) settings[setting] = reading.value;
    else problems.push({ setting, message: reading.message });
  }
  return problems.length === 0 ? { ok: true, settings: settings as SettingsOf<S> } : { ok: false, problems };
}

/** Reads `env` with `schema`, or throws a ConfigError naming every bad setting. */
export function parseSettings<S extends SettingsSchema>(
  schema: S,
  env: Record<string, unknown>,
  workerName: string,
): SettingsOf<S> {
  const read = readSettings(schema, env);
  if (read.ok) return read.settings;
  const problems = read.problems.map(({ setting, message }) => `${setting} ${message}`);
  throw new ConfigError(`${workerName} configuration is invalid: ${problems.join("; ")}`);
}
