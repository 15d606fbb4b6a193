import { realpathSync } from "node:fs";
import { isAbsolute, posix, relative, resolve, sep } from "node:path";
import picomatch from "picomatch";

/**
 * What `--exclude` and `--exclude-env` leave out of a run. Patterns are globs (picomatch,
 * `**` crosses folders) matched against a wrangler file's path, with `/` separators, relative
 * to the folder the audit runs in and relative to the folder given as a path to audit (so
 * `deco-otel audit ../fleet --exclude shop` works too), however the file was named (see
 * `pathsOf`); a pattern may start with `./` or `../` or be absolute, and a pattern naming a
 * folder leaves out everything under it.
 */
export interface Exclusions {
  /** The `--exclude` pattern that leaves this whole file, found under `root`, out, if any. */
  fileExcludedBy(file: string, root: string): string | undefined;
  /**
   * Whether `--exclude-env` leaves environment `env` of this file out; the top level (`null`) only
   * when named as wrangler names it, the empty name (`--env=""`): a team may deploy only `env.*`.
   */
  environmentExcluded(file: string, root: string, env: string | null): boolean;
  /**
   * One line per pattern that has left nothing out so far (`--exclude 'apps/legacy/**' matched
   * no wrangler file`): most often a path given from another folder, or a misspelled name.
   */
  unmatched(): string[];
}

/**
 * Builds the matchers for `--exclude GLOB` and `--exclude-env [GLOB:]NAME` (NAME alone applies
 * to every file; an empty NAME is the top level, as in wrangler's `--env=""`).
 *
 * @throws Error naming the pattern when `--exclude` or the GLOB of `--exclude-env GLOB:NAME` is empty.
 */
export function exclusionsOf(filePatterns: string[], environmentPatterns: string[], cwd: string): Exclusions {
  const files = filePatterns.map((pattern) => {
    if (pattern.trim() === "") throw new Error("--exclude needs a glob, e.g. --exclude 'apps/legacy/**'");
    return { pattern, matches: matcherOf(pattern, cwd) };
  });
  const environments = environmentPatterns.map((pattern) => {
    const colon = pattern.lastIndexOf(":");
    const name = pattern.slice(colon + 1);
    const glob = pattern.slice(0, Math.max(colon, 0));
    if (colon !== -1 && glob.trim() === "") throw new Error(`--exclude-env takes NAME or GLOB:NAME, e.g. --exclude-env preview, got "${pattern}"`);
    return { pattern, name, matches: colon === -1 ? () => true : matcherOf(glob, cwd) };
  });
  const used = new Set<string>();
  return {
    fileExcludedBy(file, root) {
      const paths = pathsOf(file, root, cwd);
      const pattern = files.find((f) => paths.some(f.matches))?.pattern;
      if (pattern !== undefined) used.add(`file\u0000${pattern}`);
      return pattern;
    },
    environmentExcluded(file, root, env) {
      const found = environments.find((e) => e.name === (env ?? "") && pathsOf(file, root, cwd).some(e.matches));
      if (found !== undefined) used.add(`env\u0000${found.pattern}`);
      return found !== undefined;
    },
    unmatched: () => [
      ...files.filter((f) => !used.has(`file\u0000${f.pattern}`)).map((f) => `--exclude ${f.pattern} matched no wrangler file (patterns are read from the folder the audit runs in, or from the folder given to audit)`),
      ...environments.filter((e) => !used.has(`env\u0000${e.pattern}`)).map((e) => `--exclude-env ${e.pattern === "" ? '""' : e.pattern} matched no environment: no file audited has ${e.name === "" ? "a top level" : `env.${e.name}`}${e.pattern.includes(":") ? " among the files its glob matches" : ""}`),
    ],
  };
}

/** Leading steps up out of a folder in a relative path (`../../`). */
const STEPS_UP = /^(\.\.\/)+/;

/**
 * A matcher of `pathsOf` paths for a glob and everything under it. The glob's folder part is
 * read from `cwd` as written (an absolute one as its path from `cwd`) and with links resolved, so
 * `--exclude apps/current`, a link to `apps/v2`, and an absolute path name what their targets do. picomatch's `**` never matches a `..` step, yet a glob opening with `**` means
 * "at any depth": it is also tried on what follows the steps up, so `**\/dist/**` leaves out
 * `../fleet/app/dist/wrangler.json` as it does `app/dist/wrangler.json`.
 */
function matcherOf(glob: string, cwd: string): (path: string) => boolean {
  const { base, glob: rest } = picomatch.scan(glob);
  const written = isAbsolute(base) ? slashed(relative(cwd, base)) : posix.normalize(slashed(base));
  const real = slashed(relative(realPathOf(cwd), realPathOf(resolve(cwd, base))));
  const globs = [...new Set([written, real])].map((start) => [start, rest].filter((part) => part !== "" && part !== ".").join("/").replace(/\/+$/, "") || "**");
  const matches = picomatch(globs.flatMap((g) => [g, `${g}/**`]), { dot: true });
  const anyDepth = base === "" && rest.startsWith("**");
  return (path) => matches(path) || (anyDepth && STEPS_UP.test(path) && matches(path.replace(STEPS_UP, "")));
}

/**
 * The paths of a wrangler file the patterns are matched against, with `/` separators: from the
 * folder the audit runs in (`../fleet/shop/wrangler.jsonc` when the file lies outside it), and
 * from the folder given to audit when a folder was given; each also with links resolved on both
 * sides, so a file reached through a linked folder, or named through a link to the folder the
 * audit runs in (macOS's `/tmp`), matches what its real path matches.
 */
function pathsOf(file: string, root: string, cwd: string): string[] {
  const named = resolve(cwd, file);
  const folder = resolve(cwd, root);
  const pairs: [string, string][] = [[cwd, named], [realPathOf(cwd), realPathOf(named)]];
  if (folder !== named) pairs.push([folder, named], [realPathOf(folder), realPathOf(named)]);
  return [...new Set(pairs.map(([from, to]) => slashed(relative(from, to))))];
}

/** The path with links resolved, or the path itself when it does not exist (a glob's base may not). */
function realPathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function slashed(path: string): string {
  return path.split(sep).join("/");
}
