import { realpathSync } from "node:fs";
import { isAbsolute, posix, relative, resolve, sep } from "node:path";
import picomatch from "picomatch";

/**
 * What `--exclude` and `--exclude-env` leave out of a run. Patterns are globs (picomatch, `**`
 * crosses folders) matched against a wrangler file's path with `/` separators, however the file
 * was named (see `pathsOf`); a pattern naming a folder leaves out everything under it. A pattern
 * with a folder part (`.`, `..`, `./…`, `../…`, an absolute path) names files under that folder
 * as resolved from the folder the audit runs in, nothing else; any other (`apps/legacy`,
 * `**\/dist/**`) is matched against paths from the folder the audit runs in and from the folder
 * given to audit, so `deco-otel audit ../fleet --exclude shop` works too.
 */
export interface Exclusions {
  /** The first `--exclude` pattern that leaves this whole file, found under `root`, out, if any (every one naming it counts as matched). */
  fileExcludedBy(file: string, root: string): string | undefined;
  /**
   * Every `--exclude` pattern that covers a path the run found and does not read (a shadowed file,
   * a template), in the order given. Each is counted as having matched something, so none is
   * noted as matching no wrangler file whatever the order: the run says once what happened to the
   * path (`notReadLines`).
   */
  coveredBy(path: string, root: string): string[];
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
  /**
   * One line naming the top levels `--exclude-env GLOB:` has left out so far, or none: `GLOB:`
   * with nothing after the colon is the top level, and so is `"**:$ENV"` with `$ENV` unset, which
   * the audit cannot tell apart, so the run says what it left out rather than do it silently.
   */
  topLevelsLeftOut(): string[];
}

/**
 * Builds the matchers for `--exclude GLOB` and `--exclude-env [GLOB:]NAME` (NAME alone applies
 * to every file; an empty NAME after `GLOB:` is the top level, as in wrangler's `--env=""`).
 *
 * @throws Error naming the pattern when `--exclude`, `--exclude-env` or the GLOB of `--exclude-env GLOB:NAME` is empty.
 */
export function exclusionsOf(filePatterns: string[], environmentPatterns: string[], cwd: string): Exclusions {
  const files = filePatterns.map((pattern) => {
    if (pattern.trim() === "") throw new Error("--exclude needs a glob, e.g. --exclude 'apps/legacy/**'");
    return { pattern, matches: matcherOf(pattern, cwd) };
  });
  const environments = environmentPatterns.map((pattern) => {
    if (pattern.trim() === "") throw new Error(EMPTY_ENVIRONMENT);
    const colon = pattern.lastIndexOf(":");
    const name = pattern.slice(colon + 1);
    const glob = pattern.slice(0, Math.max(colon, 0));
    if (colon !== -1 && glob.trim() === "") throw new Error(`--exclude-env takes NAME or GLOB:NAME, e.g. --exclude-env preview, got "${pattern}"`);
    if (colon === -1 && /[/\\]/.test(pattern)) throw new Error(`--exclude-env takes an environment's NAME or GLOB:NAME, not a path: did you mean --exclude ${pattern}?`);
    return { pattern, name, glob: colon === -1 ? undefined : glob, matches: colon === -1 ? () => true : matcherOf(glob, cwd) };
  });
  const used = new Set<string>();
  // The --exclude-env patterns whose glob matched a file audited, so that a note can tell a glob
  // that matched no file from files that lack the environment.
  const inScope = new Set<string>();
  // The files whose top level a `GLOB:` pattern left out.
  const topLevels = new Set<string>();
  /**
   * Every `--exclude` pattern naming `path` found under `root`, in the order given, each counted
   * as matched: a pattern is never "matched no wrangler file" because an earlier one named its path too.
   */
  const matching = (path: string, root: string) => {
    const paths = pathsOf(path, root, cwd);
    const patterns = files.filter((f) => f.matches(paths)).map((f) => f.pattern);
    for (const pattern of patterns) used.add(`file\u0000${pattern}`);
    return patterns;
  };
  return {
    fileExcludedBy: (file, root) => matching(file, root)[0],
    coveredBy: matching,
    environmentExcluded(file, root, env) {
      const paths = pathsOf(file, root, cwd);
      const scoped = environments.filter((e) => e.matches(paths));
      for (const e of scoped) inScope.add(e.pattern);
      const found = scoped.find((e) => e.name === (env ?? ""));
      if (found !== undefined) used.add(`env\u0000${found.pattern}`);
      if (found !== undefined && env === null) topLevels.add(file);
      return found !== undefined;
    },
    unmatched: () => [
      ...files.filter((f) => !used.has(`file\u0000${f.pattern}`)).map((f) => `--exclude ${f.pattern} matched no wrangler file (${howRead(f.pattern, cwd)})`),
      ...environments.filter((e) => !used.has(`env\u0000${e.pattern}`)).map((e) => `--exclude-env ${e.pattern === "" ? '""' : e.pattern} matched no environment: ${environmentMiss(e, inScope.has(e.pattern), cwd)}`),
    ],
    topLevelsLeftOut: () => (topLevels.size === 0 ? [] : [topLevelsNote([...topLevels])]),
  };
}

/**
 * Why an empty `--exclude-env` is refused, and what to write instead. An unset shell variable
 * (`--exclude-env "$ENV"`) gives the empty name, which wrangler reads as the top level
 * (`--env=""`): taken so, a typo in a CI variable would silently stop auditing every file's
 * deployed top level. The top level is named with a glob, which no unset variable writes alone.
 */
const EMPTY_ENVIRONMENT =
  "--exclude-env got an empty name (an unset shell variable gives one): name an environment (--exclude-env preview), " +
  "or, to leave out a top level that is never deployed, write GLOB: with nothing after the colon: --exclude-env '**:' for every file, --exclude-env 'apps/shop/**:' for some";

/** How many shown by name in `topLevelsNote`. */
const NAMED_TOP_LEVELS = 3;

/** The note of `topLevelsLeftOut`: how many top levels, the first few files, and how to see them audited. */
function topLevelsNote(files: string[]): string {
  const named = files.slice(0, NAMED_TOP_LEVELS).join(", ") + (files.length > NAMED_TOP_LEVELS ? `, and ${files.length - NAMED_TOP_LEVELS} more` : "");
  const count = files.length === 1 ? "the top level of 1 file" : `the top levels of ${files.length} files`;
  return `--exclude-env GLOB: (nothing after the colon) left out ${count} (${named}): an unset shell variable after the colon ("**:$ENV") reads the same; if a top level is deployed, run without that pattern to audit it`;
}

/** Why an `--exclude-env` pattern left nothing out: its glob matched no file audited, or no file it matched has the environment. */
function environmentMiss(e: { name: string; glob: string | undefined }, inScope: boolean, cwd: string): string {
  const environment = e.name === "" ? "a top level" : `env.${e.name}`;
  if (e.glob === undefined) return `no file audited has ${environment}`;
  if (!inScope) return `its glob matched no wrangler file audited (${howRead(e.glob, cwd)})`;
  return `no file audited has ${environment} among the files its glob matches`;
}

/** How a pattern is read, for a note saying it matched nothing: a folder part names one folder, a bare glob is read from two. */
function howRead(written: string, cwd: string): string {
  const glob = slashedPattern(written);
  const read = namesFolder(glob)
    ? `it names files under ${resolve(cwd, picomatch.scan(glob).base || ".")}`
    : "a pattern without ./, ../ or / is read from the folder the audit runs in and from the folder given to audit";
  return written.includes("\\") ? `${read}; \\ is read as a folder separator, not an escape: a glob character in a name goes in brackets, [[] for a literal [` : read;
}

/**
 * Whether a pattern has a folder part (`.`, `..`, `./…`, `../…`, an absolute path): it then names
 * files under that folder as resolved from the folder the audit runs in, and is never read from
 * the folder given to audit, where `.` or `$PWD` would name every file of the tree audited.
 */
function namesFolder(glob: string): boolean {
  return isAbsolute(glob) || /^\.\.?(\/|$)/.test(glob);
}

/**
 * A pattern with each `\` read as a folder separator, as a user on Windows writes paths
 * (`.\apps\legacy\wrangler.toml`, `apps\legacy\**`): picomatch would read it as an escape, so the
 * pattern had no folder part and matched nothing. A glob character in a name is written in
 * brackets instead (`apps/[[]id]/**` for a folder named `[id]`).
 */
function slashedPattern(pattern: string): string {
  return pattern.replaceAll("\\", "/");
}

/** Leading steps up out of a folder in a relative path (`../../`). */
const STEPS_UP = /^(\.\.\/)+/;

/**
 * A matcher of a file's `pathsOf` paths for a glob and everything under it. A pattern with a
 * folder part (`namesFolder`) is read from that folder, resolved from `cwd`: it matches the
 * file's path from there when the file lies under it, so `..` or an absolute path of a folder
 * above `cwd` names the files of `cwd` too. Any other pattern is matched against the paths from
 * `cwd` and from the folder given to audit, its folder part read from `cwd` as written and with
 * links resolved, so `--exclude apps/current`, a link to `apps/v2`, names what its target does.
 * picomatch's `**` never matches a `..` step, yet a bare glob opening with `**` means "at any
 * depth": it is also tried on what follows the steps up, so `**\/dist/**` leaves out
 * `../fleet/app/dist/wrangler.json` as it does `app/dist/wrangler.json`.
 */
function matcherOf(pattern: string, cwd: string): (paths: FilePaths) => boolean {
  const glob = slashedPattern(pattern);
  const { base, glob: rest } = picomatch.scan(glob);
  if (namesFolder(glob)) return folderMatcher(resolve(cwd, base), rest.replace(/\/+$/, ""));
  const written = posix.normalize(slashed(base));
  const real = slashed(relative(realPathOf(cwd), realPathOf(resolve(cwd, base))));
  const globs = [...new Set([written, real])].map((start) => [start, rest].filter((part) => part !== "" && part !== ".").join("/").replace(/\/+$/, "") || "**");
  const matches = picomatch(globs.flatMap((g) => [g, `${g}/**`]), { dot: true });
  const anyDepth = base === "" && rest.startsWith("**");
  const matchesPath = (path: string) => matches(path) || (anyDepth && STEPS_UP.test(path) && matches(path.replace(STEPS_UP, "")));
  return ({ fromCwd, fromRoot }) => fromCwd.some(matchesPath) || fromRoot.some(matchesPath);
}

/**
 * A matcher of the files under `folder` whose path from it matches `rest` (or lies under what it
 * matches); with no `rest`, every file under it, or the file itself when `folder` names one.
 * Paths are taken as named and with links resolved, as `relativePaths` gives them.
 */
function folderMatcher(folder: string, rest: string): (paths: FilePaths) => boolean {
  const matches = rest === "" ? () => true : picomatch([rest, `${rest}/**`], { dot: true });
  const inside = (path: string) => path !== ".." && !path.startsWith("../") && !isAbsolute(path);
  return ({ file }) => relativePaths(folder, file).some((path) => inside(path) && matches(path));
}

/** A wrangler file's absolute path as named, and its paths, with `/` separators, from the folder the audit runs in and from the folder given to audit. */
interface FilePaths {
  file: string;
  fromCwd: string[];
  fromRoot: string[];
}

/**
 * The paths of a wrangler file the patterns are matched against: from the folder the audit runs
 * in (`../fleet/shop/wrangler.jsonc` when the file lies outside it), and from the folder given
 * to audit when a folder was given; each also with links resolved on both sides, so a file
 * reached through a linked folder, or named through a link to the folder the audit runs in
 * (macOS's `/tmp`), matches what its real path matches.
 */
function pathsOf(file: string, root: string, cwd: string): FilePaths {
  const named = resolve(cwd, file);
  const folder = resolve(cwd, root);
  return {
    file: named,
    fromCwd: relativePaths(cwd, named),
    fromRoot: folder === named ? [] : relativePaths(folder, named),
  };
}

/** The path from a folder to a file as named, and with links resolved on both sides. */
function relativePaths(from: string, to: string): string[] {
  return [...new Set([slashed(relative(from, to)), slashed(relative(realPathOf(from), realPathOf(to)))])];
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
