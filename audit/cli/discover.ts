import { readdir, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { WRANGLER_FILE_NAMES, isWranglerFile, isWranglerTemplate } from "../core/load";

/** The wrangler files found under a path, and what was met and not searched or not read. */
export interface Discovery {
  files: string[];
  /** Each folder met and not searched, with why: `node_modules`, a dot-folder, a symbolic link. */
  notSearched: { folder: string; reason: string }[];
  /**
   * Each path named as a wrangler file and not read, with why: a template (`wrangler.example.toml`,
   * read by wrangler only when given with `-c`), a file another one shadows (a stale
   * `wrangler.toml` beside the `wrangler.jsonc` wrangler reads), a link to nothing, a folder.
   */
  notRead: { path: string; reason: string }[];
}

export interface DiscoveryOptions {
  /** Read templates (`wrangler.example.toml`, `.template.`, `.sample.`) as wrangler files too. */
  includeTemplates?: boolean;
}

/**
 * The wrangler files a path stands for: the path itself when it is a file (a template too: it
 * was asked for), else every wrangler file under it (sorted). Only dependencies
 * (`node_modules`), folders whose name starts with a dot, and links to folders (not followed,
 * so a link cannot loop) are not searched, and each is returned so the run can say so: a folder
 * named `build` or `dist` may hold a real producer (`services/build/`), so build output is left
 * out with `--exclude`, never silently. Templates are not read unless `includeTemplates`, since
 * wrangler never reads them on its own (only `wrangler.jsonc`, `wrangler.json`, `wrangler.toml`,
 * or the file given with `-c`); nor is a `wrangler.jsonc` or `wrangler.toml` beside a file wrangler
 * looks for first (`WRANGLER_FILE_NAMES`: it reads that one and ignores the rest, so their
 * findings would be about nothing deployed); a link to nothing and a folder named as a wrangler
 * file are not read either (the folder is searched like any other); each is returned with why.
 *
 * @throws the file system's error when the path cannot be read (e.g. ENOENT).
 */
export async function wranglerFilesAt(path: string, options: DiscoveryOptions = {}): Promise<Discovery> {
  const discovery: Discovery = { files: [], notSearched: [], notRead: [] };
  if (!(await stat(path)).isDirectory()) return { ...discovery, files: [path] };
  await search(path, discovery, options);
  return discovery;
}

async function search(folder: string, discovery: Discovery, options: DiscoveryOptions): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const found = discovery.files.length;
  for (const entry of entries) {
    const child = join(folder, entry.name);
    const linked = entry.isSymbolicLink() ? await stat(child).catch(() => undefined) : undefined;
    const named = isWranglerFile(entry.name);
    if (entry.isDirectory() || linked?.isDirectory() === true) {
      const reason = linked !== undefined ? "a symbolic link" : entry.name === "node_modules" ? "dependencies" : entry.name.startsWith(".") ? "a dot-folder" : undefined;
      if (named) discovery.notRead.push({ path: child, reason: `a folder, not a file${reason === undefined ? "; searched as a folder" : ""}` });
      if (reason === undefined) await search(child, discovery, options);
      else discovery.notSearched.push({ folder: child, reason });
    } else if (!named) {
      continue;
    } else if (entry.isSymbolicLink() && linked === undefined) {
      discovery.notRead.push({ path: child, reason: "a symbolic link to nothing" });
    } else if (!entry.isFile() && linked?.isFile() !== true) {
      discovery.notRead.push({ path: child, reason: "not a regular file" });
    } else if (isWranglerTemplate(entry.name) && options.includeTemplates !== true) {
      discovery.notRead.push({ path: child, reason: "a template: wrangler reads it only when given with -c; --include-templates audits it" });
    } else {
      discovery.files.push(child);
    }
  }
  shadow(folder, discovery, found);
}

/**
 * Moves the default-named files of `folder` found after index `from` that wrangler would not read
 * to `notRead`: only the first of `WRANGLER_FILE_NAMES` present counts (a file wrangler can open;
 * a link to nothing or a folder is not one, so wrangler goes on to the next name).
 */
function shadow(folder: string, discovery: Discovery, from: number): void {
  const present = WRANGLER_FILE_NAMES.map((name) => join(folder, name)).filter((path) => discovery.files.includes(path, from));
  const [read, ...ignored] = present;
  if (read === undefined || ignored.length === 0) return;
  discovery.files = discovery.files.filter((path, i) => i < from || !ignored.includes(path));
  for (const path of ignored) discovery.notRead.push({ path, reason: `shadowed by ${basename(read)}, which wrangler reads first in this folder and uses instead` });
}
