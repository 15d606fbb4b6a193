import { isAbsolute, relative, sep } from "node:path";
import picomatch from "picomatch";

/**
 * What `--exclude` and `--exclude-env` leave out of a run. Patterns are globs (picomatch,
 * `**` crosses folders) matched against a wrangler file's path relative to the folder the
 * audit runs in, with `/` separators (a pattern may start with `./` or be absolute); a pattern
 * naming a folder leaves out everything under it.
 */
export interface Exclusions {
  /** The `--exclude` pattern that leaves this whole file out, if any. */
  fileExcludedBy(file: string): string | undefined;
  /** Whether `--exclude-env` leaves environment `env` of this file out (never the top level). */
  environmentExcluded(file: string, env: string | null): boolean;
}

/**
 * Builds the matchers for `--exclude GLOB` and `--exclude-env [GLOB:]NAME` (NAME alone applies
 * to every file).
 *
 * @throws Error naming the pattern when one is empty.
 */
export function exclusionsOf(filePatterns: string[], environmentPatterns: string[], cwd: string): Exclusions {
  const key = (file: string) => relative(cwd, file).split(sep).join("/");
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
    fileExcludedBy: (file) => files.find((f) => f.matches(key(file)))?.pattern,
    environmentExcluded: (file, env) => env !== null && environments.some((e) => e.name === env && e.matches(key(file))),
  };
}
