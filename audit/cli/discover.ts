import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { isWranglerFile, isWranglerTemplate } from "../core/load";

/** The wrangler files found under a path, and what was met and not searched or not read. */
export interface Discovery {
  files: string[];
  /** Each folder met and not searched, with why: `node_modules`, a dot-folder, a symbolic link. */
  notSearched: { folder: string; reason: string }[];
  /**
   * Each path named as a wrangler file and not read, with why: a template (`wrangler.example.toml`,
   * read by wrangler only when given with `-c`), a link to nothing, a folder.
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
 * or the file given with `-c`); a link to nothing and a folder named as a wrangler file are not
 * read either (the folder is searched like any other); each is returned with why.
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
}
