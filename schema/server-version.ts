/** A ClickHouse server version as `SELECT version()` reports it, e.g. `26.2.1.803`. */
export interface ServerVersion {
  major: number;
  minor: number;
  patch: number;
}

export function parseServerVersion(text: string): ServerVersion | undefined {
  const match = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(text.trim());
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3] ?? 0) };
}

export function isAtLeast(version: ServerVersion, minimum: ServerVersion): boolean {
  if (version.major !== minimum.major) return version.major > minimum.major;
  if (version.minor !== minimum.minor) return version.minor > minimum.minor;
  return version.patch >= minimum.patch;
}

/** The exporter switches to `TYPE text(...)` indexes from this release, where they went GA. */
export const fullTextSearchMinimumVersion: ServerVersion = { major: 26, minor: 2, patch: 0 };

/**
 * Whether the current generation gets full-text indexes. Like the exporter, an unknown
 * version falls back to bloom and token bloom filters, which every supported server accepts.
 */
export function supportsFullTextSearch(version: ServerVersion | undefined): boolean {
  return version !== undefined && isAtLeast(version, fullTextSearchMinimumVersion);
}
