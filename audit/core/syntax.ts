import { maskedLine } from "./masking";
import { type ConfigFormat, type ConfigValue, plainValue } from "./model";

/**
 * Values as a wrangler file of each format writes them inline, for the advice and hand edits
 * the audit prints: JSON (`{ "service": "deco-otel-tail" }`) for JSONC files, TOML 1.0
 * (`{ service = "deco-otel-tail" }`) for `wrangler.toml`, so what a person copies parses where
 * it goes.
 */

/** A TOML key: bare when it may be (TOML 1.0 "Keys": A-Za-z0-9_-), else a quoted basic string. */
export function tomlKey(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : JSON.stringify(key);
}

/** A value as TOML writes it inline (`"…"`, `1`, `inf`, `[…]`, `{ k = … }`): JSON's strings are TOML basic strings. */
export function tomlInline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(tomlInline).join(", ")}]`;
  if (value !== null && typeof value === "object") return `{ ${Object.entries(value).map(([k, v]) => `${tomlKey(k)} = ${tomlInline(v)}`).join(", ")} }`;
  // TOML 1.0 "Float": the special values JSON has no words for.
  if (typeof value === "number" && !Number.isFinite(value)) return Number.isNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
  return JSON.stringify(value);
}

/** A value as JSON writes it on one line, spaced as the audit's messages show it (`{ "binding": "X" }`). */
function jsonInline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(jsonInline).join(", ")}]`;
  if (value !== null && typeof value === "object") return `{ ${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${jsonInline(v)}`).join(", ")} }`;
  return JSON.stringify(value);
}

/** `value` written inline in the file's format. */
export function written(format: ConfigFormat, value: unknown): string {
  return format === "toml" ? tomlInline(value) : jsonInline(value);
}

/**
 * A value of the file as a finding shows it, in the file's format: compact JSON for JSONC
 * (`"true"`, `["deco-otel-tail"]`, `{"binding":["X"]}`), TOML inline for TOML (`{ binding = ["X"] }`),
 * masked (`{ service = "x", token = "…" }`).
 */
export function shownValue(format: ConfigFormat, value: ConfigValue): string {
  return maskedLine(format === "toml" ? tomlInline(plainValue(value)) : JSON.stringify(plainValue(value)));
}

/** `key` set to `value` in the file's format: `"version_metadata": { … }` or `version_metadata = { … }`. */
export function writtenEntry(format: ConfigFormat, key: string, value: unknown): string {
  return format === "toml" ? `${tomlKey(key)} = ${tomlInline(value)}` : `${JSON.stringify(key)}: ${jsonInline(value)}`;
}
