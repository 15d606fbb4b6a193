/**
 * Which schema generation a database's tables are, from what ClickHouse says of
 * `otel_logs.TimestampTime` (`system.columns.default_kind`), and whether queries rendered for a
 * generation run on them.
 */
import type { Generation } from "../../schema/index";

/** `otel_logs.TimestampTime` as `system.columns` lists it: absent, stored (`""`) or an ALIAS. */
export type TimestampTimeColumn = "absent" | "stored" | "alias";

export interface DetectedGeneration {
  generation: Generation;
  /** The current generation with the opt-in `TimestampTime` ALIAS (`npm run schema -- --timestamp-time-alias`). */
  timestampTimeAlias: boolean;
}

/**
 * The legacy generation stores `TimestampTime`; the current one has none, or the opt-in ALIAS
 * (schema/catalog.ts). `defaultKind` is `system.columns.default_kind` of that column, undefined
 * when the column is absent.
 */
export function detectGeneration(defaultKind: string | undefined): DetectedGeneration {
  if (defaultKind === undefined) return { generation: "current", timestampTimeAlias: false };
  if (defaultKind === "ALIAS") return { generation: "current", timestampTimeAlias: true };
  return { generation: "legacy", timestampTimeAlias: false };
}

/** How the generation reads in a message: `current`, `current (with the TimestampTime alias)`, `legacy`. */
export function describeGeneration(detected: DetectedGeneration): string {
  return detected.timestampTimeAlias ? `${detected.generation} (with the TimestampTime alias)` : detected.generation;
}

/**
 * Undefined when queries rendered for `requested` fit tables of `detected`; else why not, for
 * the user. Without a requested generation queries use only shared columns and always fit.
 * Legacy queries filter logs on `TimestampTime`, which the current generation has only as its
 * opt-in ALIAS; current queries on legacy tables would run but miss its sort key, and the data
 * source would name the wrong OTel version for the plugin.
 */
export function generationMismatch(requested: Generation | undefined, detected: DetectedGeneration): string | undefined {
  if (requested === undefined || requested === detected.generation) return undefined;
  if (requested === "legacy" && detected.timestampTimeAlias) return undefined;
  const why =
    detected.generation === "current"
      ? "otel_logs has no TimestampTime column, which legacy queries filter logs on"
      : "otel_logs stores TimestampTime, the column its rows are ordered by";
  return `--generation ${requested} does not fit these tables: they are the ${describeGeneration(detected)} generation (${why}); pass --generation ${detected.generation}, or leave --generation out`;
}
