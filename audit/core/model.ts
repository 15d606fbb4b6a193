/**
 * The audit's view of a wrangler file: every value with the position it was read from, the
 * same whether the file was JSONC or TOML. Rules read this model; loaders build it.
 */

/** A place in a file: 1-based line and 1-based column (UTF-16 code units, as editors count). */
export interface Position {
  line: number;
  column: number;
}

export type ConfigValue = ConfigObject | ConfigArray | ConfigScalar;

export interface ConfigObject {
  kind: "object";
  /** Keys in file order; a key given twice keeps its last value, as JSON.parse and wrangler do. */
  entries: Map<string, ConfigEntry>;
  at: Position;
}

export interface ConfigArray {
  kind: "array";
  items: ConfigValue[];
  at: Position;
}

export interface ConfigScalar {
  kind: "scalar";
  /** TOML dates are kept as their text: no wrangler key the audit reads is a date. */
  value: string | number | boolean | null;
  at: Position;
}

export interface ConfigEntry {
  key: string;
  keyAt: Position;
  value: ConfigValue;
}

export type ConfigFormat = "jsonc" | "toml";

/** One parsed wrangler file. */
export interface ConfigDocument {
  file: string;
  format: ConfigFormat;
  /** The file's text after any UTF-8 byte order mark, which wrangler drops too: positions are an editor's. */
  text: string;
  /** Whether the file starts with a UTF-8 byte order mark; `--fix` writes it back. */
  byteOrderMark: boolean;
  root: ConfigObject;
}

/** A file that could not be parsed: the parser's own message and where it stopped. */
export class ConfigParseError extends Error {
  override name = "ConfigParseError";
  constructor(
    message: string,
    readonly at: Position,
    /** What to do about it, when it is not a syntax error to fix at `at`. */
    readonly fix = "fix the file's syntax at this position",
  ) {
    super(message);
  }
}

/** The entry under `key` when `value` is an object. */
export function entryOf(value: ConfigValue | undefined, key: string): ConfigEntry | undefined {
  return value?.kind === "object" ? value.entries.get(key) : undefined;
}

/** The string under `key` when `value` is an object holding a string there. */
export function stringAt(value: ConfigValue | undefined, key: string): string | undefined {
  const entry = entryOf(value, key);
  return entry?.value.kind === "scalar" && typeof entry.value.value === "string" ? entry.value.value : undefined;
}

/** The value with every position dropped: what wrangler would read. */
export function plainValue(value: ConfigValue): unknown {
  switch (value.kind) {
    case "scalar":
      return value.value;
    case "array":
      return value.items.map(plainValue);
    case "object":
      return Object.fromEntries([...value.entries].map(([key, entry]) => [key, plainValue(entry.value)]));
  }
}

/**
 * The name an entry wrangler refuses clearly means: the entry itself when it is a bare string
 * (`"deco-otel-tail"` for `{ "service": "deco-otel-tail" }`), or the one string of an array
 * under `key` (`{ "binding": ["DECO_METRICS"] }`); undefined when nothing tells.
 */
export function meantString(item: ConfigValue, key: string): string | undefined {
  if (item.kind === "scalar") return typeof item.value === "string" ? item.value : undefined;
  const value = entryOf(item, key)?.value;
  if (value?.kind !== "array" || value.items.length !== 1) return undefined;
  const only = value.items[0]!;
  return only.kind === "scalar" && typeof only.value === "string" ? only.value : undefined;
}
