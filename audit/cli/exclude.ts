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
  /**
   * One line per pattern that has left nothing out so far (`--exclude 'apps/legacy/**' matched
   * no wrangler file`): most often a path given from another folder, or a misspelled name.
   */
  unmatched(): string[];
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
    return { pattern, name, matches: matcher(glob) };
  });
  const used = new Set<string>();
  return {
    fileExcludedBy(file, root) {
      const pattern = files.find((f) => keys(file, root).some((k) => f.matches(k)))?.pattern;
      if (pattern !== undefined) used.add(`file\u0000${pattern}`);
      return pattern;
    },
    environmentExcluded(file, root, env) {
      const found = env === null ? undefined : environments.find((e) => e.name === env && keys(file, root).some((k) => e.matches(k)));
      if (found !== undefined) used.add(`env\u0000${found.pattern}`);
      return found !== undefined;
    },
    unmatched: () => [
      ...files.filter((f) => !used.has(`file\u0000${f.pattern}`)).map((f) => `--exclude ${f.pattern} matched no wrangler file (patterns are read from the folder the audit runs in, or from the folder given to audit)`),
      ...environments.filter((e) => !used.has(`env\u0000${e.pattern}`)).map((e) => `--exclude-env ${e.pattern} matched no environment: no file audited has env.${e.name}${e.pattern.includes(":") ? " among the files its glob matches" : ""}`),
    ],
  };
}
