/**
 * The two generations of the OpenTelemetry Collector clickhouseexporter DDL we support.
 *
 * - `current`: the exporter's DDL after its 2026 upgrades (logs without `TimestampTime`,
 *   second-precision metric times, version-dependent full-text indexes).
 * - `legacy`: the DDL the exporter created before those upgrades; existing fleets and
 *   Grafana's default log queries (built on `TimestampTime`) rely on it.
 */
export const generations = ["current", "legacy"] as const;

export type Generation = (typeof generations)[number];

export const defaultGeneration: Generation = "current";
