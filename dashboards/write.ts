/**
 * Writes rendered files under an output directory, so that it holds exactly this run's files,
 * and says how to load them into Grafana.
 */
import { lstat, mkdir, readdir, readFile, rmdir, stat, unlink, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { DASHBOARDS_PATH, render, renderFiles, type RenderedFile, type RenderInput } from "./core/render";

/** Where `npm run dashboards` and `npm run demo` write unless told otherwise (ignored by git). */
export const DEFAULT_OUT = "dashboards/dist";

/**
 * The record of what the last run wrote, in the output directory: JSON `{ "files": [...] }`,
 * paths relative to it, `/`-separated. Hidden and outside `dashboards/` and `provisioning/`, so
 * the import step's copies never take it along.
 */
export const MANIFEST = ".deco-otel-dashboards.json";

/** The folders the import step copies from: every file in them reaches Grafana. */
const COPIED_FOLDERS = ["dashboards", "provisioning"] as const;

/** A path the generator writes (renderFiles): under a copied folder, no `.` or `..` segment. */
const GENERATED_PATH = /^(dashboards|provisioning)(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)+$/;

/** The output folder holds files this generator did not write: refused before anything is written. */
export class OutputFolderError extends Error {
  override name = "OutputFolderError";
}

export interface WriteResult {
  /** Absolute paths written, in renderFiles' order. */
  written: string[];
  /** Absolute paths an earlier run wrote that this one does not, removed. */
  removed: string[];
}

/** Renders everything for `input` and writes it under `outDir` (writeRenderedFiles). */
export async function writeGrafanaFiles(input: RenderInput, outDir: string): Promise<WriteResult> {
  return writeRenderedFiles(outDir, renderFiles(render(input)));
}

/**
 * What a run does to an output folder, from what the last run recorded (`previous`, MANIFEST's
 * list), the files now in the copied folders (`present`) and this run's (`next`), all relative
 * paths: `foreign` are present files no run recorded and this one does not overwrite (the
 * import step would copy them along); `stale` are recorded files this run does not write, to
 * remove. A recorded path of another shape than the generator writes is never removed.
 */
export function planOutputFolder(previous: readonly string[], present: readonly string[], next: readonly string[]) {
  const recorded = new Set(previous.filter((path) => GENERATED_PATH.test(path)));
  const writing = new Set(next);
  return {
    foreign: present.filter((path) => !recorded.has(path) && !writing.has(path)).sort(),
    stale: present.filter((path) => recorded.has(path) && !writing.has(path)).sort(),
  };
}

/**
 * Writes `files` under `outDir` (creating directories, overwriting files of the same name),
 * removes the files the last run recorded in MANIFEST that this run does not write (and the
 * folders that leaves empty), and records this run's. So a run with fewer services or without
 * `--with-alerts` leaves no dashboard or rule of an earlier run for the import step to copy.
 *
 * @throws OutputFolderError, before writing anything, when `outDir` or a folder above it is a
 *   file (checkFolderPath), or when `dashboards/` or `provisioning/`
 *   under `outDir` hold a file no run recorded and this run does not write (put there by hand,
 *   or by a version of the generator that kept no record): it names them.
 */
export async function writeRenderedFiles(outDir: string, files: readonly RenderedFile[]): Promise<WriteResult> {
  await checkFolderPath(outDir);
  const previous = await recordedFiles(outDir);
  const present = (await Promise.all(COPIED_FOLDERS.map((folder) => filesUnder(outDir, folder)))).flat();
  const plan = planOutputFolder(previous, present, files.map((file) => file.path));
  if (plan.foreign.length > 0) {
    const shown = plan.foreign.slice(0, 10).map((path) => join(outDir, path));
    const more = plan.foreign.length > shown.length ? ` and ${plan.foreign.length - shown.length} more` : "";
    throw new OutputFolderError(
      `--out ${outDir} holds ${plan.foreign.length} file(s) npm run dashboards did not write (or wrote before it recorded its files in ${MANIFEST}), which the import step would copy into Grafana: ${shown.join(", ")}${more}. Remove them, or pass another --out`,
    );
  }
  const written: string[] = [];
  for (const file of files) {
    const path = join(outDir, ...file.path.split("/"));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.content);
    written.push(path);
  }
  const removed: string[] = [];
  for (const stale of plan.stale) {
    const path = join(outDir, ...stale.split("/"));
    await unlink(path);
    removed.push(path);
    await removeEmptyFolders(outDir, dirname(stale));
  }
  await writeFile(join(outDir, MANIFEST), `${JSON.stringify({ files: files.map((file) => file.path) }, null, 2)}\n`);
  return { written, removed };
}

/**
 * Refuses an `outDir` that is, or lies below, something other than a folder: the nearest path
 * of it that exists must be a directory, or every read and write under it fails with Node's
 * ENOTDIR, which names no flag.
 *
 * @throws OutputFolderError `--out must be a directory: … is a file`.
 */
async function checkFolderPath(outDir: string): Promise<void> {
  for (let path = outDir; ; path = dirname(path)) {
    // ENOTDIR: something above `path` is not a folder; the walk up finds it.
    const found = await stat(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT" || error.code === "ENOTDIR") return undefined;
      throw error;
    });
    if (found !== undefined) {
      if (found.isDirectory()) return;
      const what = found.isFile() ? "a file" : "not a directory";
      throw new OutputFolderError(`--out must be a directory: ${path} is ${what}${path === outDir ? "" : `, so ${outDir} cannot be made`}`);
    }
    if (dirname(path) === path) return;
  }
}

/** MANIFEST's list, empty when there is none. @throws OutputFolderError when it is not one. */
async function recordedFiles(outDir: string): Promise<string[]> {
  const path = join(outDir, MANIFEST);
  const text = await readFile(path, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  if (text === undefined) return [];
  let files: unknown;
  try {
    files = (JSON.parse(text) as { files?: unknown }).files;
  } catch {
    files = undefined;
  }
  if (!Array.isArray(files) || !files.every((file) => typeof file === "string")) {
    throw new OutputFolderError(`${path} is not the record npm run dashboards writes ({ "files": [paths] }): remove it, or pass another --out`);
  }
  return files;
}

/** Regular files below `outDir/folder`, relative to `outDir`, `/`-separated; none when it is absent. */
async function filesUnder(outDir: string, folder: string): Promise<string[]> {
  const entries = await readdir(join(outDir, folder), { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(outDir, join(entry.parentPath, entry.name)).split(/[\\/]/).join("/"));
}

/** Removes `folder` (relative to `outDir`) and its parents below `outDir` while they are empty. */
async function removeEmptyFolders(outDir: string, folder: string): Promise<void> {
  for (let current = folder; current !== "." && current !== ""; current = dirname(current)) {
    const path = join(outDir, ...current.split("/"));
    const stat = await lstat(path).catch(() => undefined);
    if (stat === undefined || !stat.isDirectory() || (await readdir(path)).length > 0) return;
    await rmdir(path);
  }
}

/** Two ways in: the Grafana UI (one dashboard at a time) or file provisioning (everything). */
export function importInstructions(outDir: string, withAlerts: boolean): string {
  const fromHere = relative(process.cwd(), outDir);
  const dir = fromHere === "" ? "." : fromHere.startsWith("..") ? outDir : fromHere;
  return [
    "Import into Grafana (with the grafana-clickhouse-datasource plugin installed):",
    `  UI:           add the data source from ${dir}/provisioning/datasources/deco-otel.yaml (or by hand with the same uid),`,
    `                then Dashboards > New > Import and upload each ${dir}/dashboards/*.json`,
    "  Provisioning: copy the files and restart Grafana, with CLICKHOUSE_PASSWORD in its environment:",
    `                cp -r ${dir}/provisioning/* /etc/grafana/provisioning/`,
    `                mkdir -p ${DASHBOARDS_PATH} && cp ${dir}/dashboards/*.json ${DASHBOARDS_PATH}/`,
    withAlerts
      ? "  Alert rules are in provisioning/alerting/; no contact point is wired: add one to be notified."
      : "  Alert rules (off by default, no receiver is wired): npm run dashboards -- --with-alerts --runbook-base-url URL ...",
  ].join("\n");
}
