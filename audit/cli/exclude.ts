import { isAbsolute, relative, resolve, sep } from "node:path";
import picomatch from "picomatch";

/**
 * What `--exclude` and `--exclude-env` leave out of a run. Patterns are globs (picomatch,
 * `**` crosses folders) matched against a wrangler file's path, with `/` separators, relative
 * to the folder the audit runs in and relative to the folder given as a path to audit (so
 * `deco-otel audit ../fleet --exclude shop` works too); a pattern may start with `./` or be
 * absolute, and a pattern naming a folder leaves out everything under it.
 */
export interface Exclusions {
  /** The `--exclude` pattern that leaves this whole file, found under `root`, out, if any. */
  fileExcludedBy(file: string, root: string): string | undefined;
  /** Whether `--exclude-env` leaves environment `env` of this file out (never the top level). */
  environmentExcluded(file: string, root: string, env: string | null): boolean;
}

/**
 * Builds the matchers for `--exclude GLOB` and `--exclude-env [GLOB:]NAME` (NAME alone applies
 * to every file).
 *
 * @throws Error naming the pattern when one is empty.
 */
export function exclusionsOf(filePatterns: string[], environmentPatterns: string[], cwd: string): Exclusions {
  const key = (file: string, from = cwd) => relative(from, file).split(sep).join("/");
  /** The file's path from where the audit runs, and from the folder it was found under. */
  const keys = (file: string, root: string) => [key(file), key(file, resolve(cwd, root))];
  /** The glob and everything under it, as picomatch matchers of `key`s. */
  const matcher = (glob: string) => {
    const normalized = (isAbsolute(glob) ? key(glob) : glob).replace(/^(\.\/)+/, "").replace(/\/+$/, "");
    return picomatch([normalized, `${normalized}/**`], { dot: true });
  };
  const files = filePatterns.map((pattern) => {
    if (pattern.trim() === "") throw new Error("--exclude needs a glob, e.g. --exclude 'apps/legacy/**'");
    return { pattern, matches: matcher(pattern) };
  });
  const environments = environmentPatterns.map((pattern) => {
    const colon = pattern.lastIndexOf(":");
    const name = pattern.slice(colon + 1);
    const glob = colon === -1 ? "**" : pattern.slice(0, colon);
    if (name === "" || glob.trim() === "") throw new Error(`--exclude-env takes NAME or GLOB:NAME, e.g. --exclude-env preview, got "${pattern}"`);
    return { name, matches: matcher(glob) };
  });
  return {
    fileExcludedBy: (file, root) => files.find((f) => keys(file, root).some((k) => f.matches(k)))?.pattern,
    environmentExcluded: (file, root, env) => env !== null && environments.some((e) => e.name === env && keys(file, root).some((k) => e.matches(k))),
  };
}
