/**
 * Reading a Worker's vars and secrets: each setting is a function from its raw value to the
 * value it means, or to a phrase saying why not that follows the setting's name in the error.
 *
 * Wrangler delivers vars with the JSON type they were written with (a string, number, boolean,
 * array or object) and secrets always as strings, so every setting takes the string spelling and
 * the JSON value that means the same without doubt (a list as an array of strings, a switch as
 * a boolean or 0/1, a number as a number). A blank var (`""`, only spaces) is unset, for every
 * setting: a dashboard field cleared or a `KEY=` line in .dev.vars means "no value". Written by hand
 * rather than with a schema library: zod/mini's code and the building of its schemas were about
 * 10 ms of the ingest Worker's CPU at every start (docs/decisions.md, 2026-12-02, "Cold start,
 * twelfth round"), and every setting carries its own message anyway, for an operator needs to
 * read which setting is wrong and why.
 */

import { hideUrlCredentialsIn } from "./url-credentials";

/** A setting's value, or why its raw value is refused (a phrase: "must be …, got …"). */
export type Reading<T> = { ok: true; value: T } | { ok: false; message: string };

/** Reads one setting's raw value; `undefined` is an unset or blank var (readSettings). */
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

/**
 * A raw value's JSON type, as an error names it where the value itself must not be shown (a
 * secret's): "a number", "an array", ….
 */
export function shownType(raw: unknown): string {
  if (raw === null) return "null";
  if (Array.isArray(raw)) return "an array";
  return typeof raw === "object" ? "an object" : `a ${typeof raw}`;
}

/** Whether a string var is blank (`""`, spaces): a dashboard field cleared or a `KEY=` line. */
function isBlank(raw: unknown): boolean {
  return typeof raw === "string" && raw.trim() === "";
}

const TRUE_WORDS = ["true", "1", "yes", "on"];
const FALSE_WORDS = ["false", "0", "no", "off"];

/**
 * A switch: true/1/yes/on or false/0/no/off (any case), a JSON boolean, or the JSON number 1 or
 * 0. Unset (or blank) is the default: reading a cleared field as false would turn a feature off
 * (metrics, redaction) without a word.
 */
export function booleanSetting(defaultValue: boolean): Setting<boolean> {
  return (raw) => {
    if (raw === undefined) return accepted(defaultValue);
    if (typeof raw === "boolean") return accepted(raw);
    const word = typeof raw === "string" ? raw.trim().toLowerCase() : typeof raw === "number" ? String(raw) : undefined;
    if (word !== undefined && TRUE_WORDS.includes(word)) return accepted(true);
    if (word !== undefined && FALSE_WORDS.includes(word)) return accepted(false);
    return refused(`must be true or false, got ${shown(raw)}`);
  };
}

const DECIMAL_INTEGER = /^-?\d+$/;

/**
 * A whole number from `min` to `max`: a JSON number or decimal digits (an optional minus sign,
 * spaces around); unset (or blank) is the default. Not what
 * `Number()` also reads (`"1e1"`, `"0x3"`, `"0b11"`, `"3."`): an operator who wrote those meant
 * something else, and a value read differently from how it reads is worse than one refused with
 * its name.
 */
export function integerSetting(defaultValue: number, min: number, max: number): Setting<number> {
  return (raw) => {
    if (raw === undefined) return accepted(defaultValue);
    const parsed =
      typeof raw === "number" ? raw : typeof raw === "string" && DECIMAL_INTEGER.test(raw.trim()) ? Number(raw.trim()) : NaN;
    if (Number.isInteger(parsed) && parsed >= min && parsed <= max) return accepted(parsed);
    return refused(`must be a whole number from ${min} to ${max}, got ${shown(raw)}`);
  };
}

/**
 * A list: comma-separated text, a JSON array of strings (wrangler `vars` keep arrays), or that
 * array written as text (`'["a","b"]'`: a secret, a `--var` or a `.dev.vars` line is always
 * text), each item trimmed and blank items dropped, so `"a, b,"`, `["a", " b", ""]` and
 * `'["a","b"]'` are `["a", "b"]`; unset is empty. Text starting with `[` (after spaces) is read
 * as JSON or refused: split at commas it would give items such as `["a"` that match nothing.
 * `words`: the items are words of ours (detector names, levels), read in any case and given
 * lower-cased.
 */
export function listSetting(options: { words?: boolean } = {}): Setting<string[]> {
  return (raw) => {
    if (raw === undefined) return accepted([]);
    const items = listItemsOf(raw);
    if (items === undefined) return refused(`must be a JSON array of strings or comma-separated words, got ${shown(raw)}`);
    const kept = items.map((item) => item.trim()).filter((item) => item.length > 0);
    return accepted(options.words === true ? kept.map((item) => item.toLowerCase()) : kept);
  };
}

/**
 * A list setting's items as given, not yet trimmed: comma-separated text split, a JSON array of
 * strings (as a value or as text starting with `[`) taken; undefined for anything else.
 */
export function listItemsOf(raw: unknown): string[] | undefined {
  if (typeof raw === "string" && raw.trimStart().startsWith("[")) {
    try {
      return stringsOf(JSON.parse(raw));
    } catch {
      return undefined;
    }
  }
  return typeof raw === "string" ? raw.split(",") : stringsOf(raw);
}

function stringsOf(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === "string") ? (value as string[]) : undefined;
}

/**
 * One of our words (`WRITE_MODE`'s `direct`/`queue`), in any case and with spaces around: no two
 * of a setting's words differ only in case, so `Queue` can mean nothing else. Unset is the default.
 */
export function wordSetting<W extends string>(defaultValue: W, words: readonly W[]): Setting<W> {
  return (raw) => {
    if (raw === undefined) return accepted(defaultValue);
    const word = typeof raw === "string" ? raw.trim().toLowerCase() : undefined;
    if (words.includes(word as W)) return accepted(word as W);
    return refused(`must be one of ${words.join(", ")} (any case), got ${shown(raw)}`);
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

/**
 * A name (a user name): any string without the spaces around it, as words and lists are read
 * (a ` default ` typed in a dashboard field is `default`); unset is `defaultValue`.
 */
export function stringSetting<D extends string | undefined>(defaultValue: D): Setting<string | D> {
  return (raw) => {
    if (raw === undefined) return accepted(defaultValue);
    return typeof raw === "string" ? accepted(raw.trim()) : refused(`must be a string, got ${shown(raw)}`);
  };
}

/**
 * A secret (a password, a token): a string taken as written, at least `minLength` characters
 * once the spaces around it are left out (16 spaces are no token). Errors name the JSON type
 * received, never the value, for they are logged and answered in 503s.
 */
export function secretSetting(minLength = 0, why = ""): Setting<string | undefined> {
  return (raw) => {
    if (raw === undefined) return accepted(undefined);
    if (typeof raw !== "string") return refused(`must be a string, got ${shownType(raw)} (not shown: it is a secret)`);
    if (raw.trim().length < minLength) return refused(`must be at least ${minLength} characters, not counting spaces around it${why}`);
    return accepted(raw);
  };
}

/**
 * A Worker's settings are wrong. Its message names every problem and is logged, never answered
 * to a caller (it shows setting values); any URL in it is shown without its password or query
 * values (url-credentials.ts), whichever setting it came from.
 */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  /** Each problem the message names ("NAME why" or a sentence), as configError was given them. */
  readonly problems: readonly string[];
  constructor(message: string, problems: readonly string[] = [message]) {
    super(hideUrlCredentialsIn(message));
    this.problems = problems.map(hideUrlCredentialsIn);
  }
}

/** A bad setting: its var's name and why. */
export interface SettingProblem {
  setting: string;
  message: string;
}

/**
 * Reads every setting of `schema` from `env` (other members of env, such as bindings, are
 * ignored), a blank string var as unset: the values of the good settings, and every bad one in
 * the schema's order (none when all are good, and then `settings` holds every setting).
 */
export function readSettings<S extends SettingsSchema>(
  schema: S,
  env: Record<string, unknown>,
): { settings: Partial<SettingsOf<S>>; problems: SettingProblem[] } {
  const settings: Record<string, unknown> = {};
  const problems: SettingProblem[] = [];
  for (const [setting, read] of Object.entries(schema)) {
    const raw = env[setting];
    const reading = read(isBlank(raw) ? undefined : raw);
    if (reading.ok) settings[setting] = reading.value;
    else problems.push({ setting, message: reading.message });
  }
  return { settings: settings as Partial<SettingsOf<S>>, problems };
}

/** The ConfigError of a Worker's bad settings, each "NAME why" (a SettingProblem) or a sentence. */
export function configError(workerName: string, problems: readonly (SettingProblem | string)[]): ConfigError {
  const said = problems.map((problem) => (typeof problem === "string" ? problem : `${problem.setting} ${problem.message}`));
  return new ConfigError(`${workerName} configuration is invalid: ${said.join("; ")}`, said);
}

/** Reads `env` with `schema`, or throws a ConfigError naming every bad setting. */
export function parseSettings<S extends SettingsSchema>(
  schema: S,
  env: Record<string, unknown>,
  workerName: string,
): SettingsOf<S> {
  const read = readSettings(schema, env);
  if (read.problems.length > 0) throw configError(workerName, read.problems);
  return read.settings as SettingsOf<S>;
}
