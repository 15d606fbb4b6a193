/**
 * Optional dependencies a package declares but the registry does not have, and the lockfile
 * entries that keep `npm ci` working in spite of them.
 *
 * chDB declares one optional package per platform (`@chdb/lib-darwin-arm64`, …) and publishes
 * only some of them. `npm install` skips an optional package it cannot fetch and leaves it out
 * of package-lock.json; `npm ci` then builds its ideal tree, finds the same optional edge
 * unresolved, and refuses the lockfile as "Missing: @chdb/lib-darwin-arm64@ from lock file"
 * (npm 11.16 and later; npm/cli#9846). A lockfile entry carrying the declared version
 * satisfies the edge, so neither command fetches it again: `npm ci` accepts the file, skips the
 * package on install like any optional package that fails, and later `npm install`s keep the
 * entry because it satisfies its edge.
 */

/** The parts of a package-lock.json (lockfileVersion 2 or 3) this module reads and writes. */
export interface PackageLock {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
  [other: string]: unknown;
}

export interface LockEntry {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  optionalDependencies?: Record<string, string>;
  [other: string]: unknown;
}

/** An optional dependency no lockfile entry resolves, where npm looks for it first. */
export interface UnresolvedOptional {
  /** The declaring package's location, e.g. `node_modules/chdb`. */
  dependent: string;
  name: string;
  /** The declared spec, e.g. `26.7.3-stable.1`. */
  spec: string;
}

/**
 * Every optional dependency of a locked package that no entry resolves, found as Node and npm
 * resolve a name: the package's own `node_modules`, then each enclosing one up to the root.
 */
export function unresolvedOptionals(lock: PackageLock): UnresolvedOptional[] {
  const missing: UnresolvedOptional[] = [];
  for (const [location, entry] of Object.entries(lock.packages)) {
    for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
      if (resolve(lock, location, name) === undefined) missing.push({ dependent: location, name, spec });
    }
  }
  return missing;
}

/**
 * A copy of `lock` with an entry for every unresolved optional dependency: its declared
 * version, `optional`, and `dev` when its dependent is dev-only, placed at the top level when
 * that is free (where npm would hoist it) and beside its dependent otherwise. Entries come out
 * sorted by location, as npm writes them. Throws when a spec is a range rather than one
 * version: no entry can name the version npm would pick from packages it cannot see.
 */
export function withUnresolvedOptionals(lock: PackageLock): PackageLock {
  const packages: Record<string, LockEntry> = { ...lock.packages };
  for (const { dependent, name, spec } of unresolvedOptionals(lock)) {
    if (!EXACT_VERSION.test(spec)) {
      throw new Error(
        `${dependent} declares the optional dependency ${name}@${spec}, which the registry does not ` +
          "resolve and which is not one exact version: add its lockfile entry by hand",
      );
    }
    packages[`node_modules/${name}`] = {
      version: spec,
      ...(lock.packages[dependent]?.dev === true ? { dev: true } : {}),
      optional: true,
    };
  }
  const sorted = Object.fromEntries(
    Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : a > b ? 1 : 0)),
  );
  return { ...lock, packages: sorted };
}

const EXACT_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

function resolve(lock: PackageLock, from: string, name: string): LockEntry | undefined {
  let base = from;
  for (;;) {
    const found = lock.packages[base === "" ? `node_modules/${name}` : `${base}/node_modules/${name}`];
    if (found !== undefined) return found;
    if (base === "") return undefined;
    const cut = base.lastIndexOf("/node_modules/");
    base = cut === -1 ? "" : base.slice(0, cut);
  }
}
