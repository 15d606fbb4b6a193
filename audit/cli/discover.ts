import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { isWranglerFile } from "../core/load";

/** The wrangler files found under a path, and the folders not searched. */
export interface Discovery {
  files: string[];
  /** Each folder met and not searched, with why: `node_modules`, a dot-folder, a symbolic link. */
  notSearched: { folder: string; reason: string }[];
}

/**
 * The wrangler files a path stands for: the path itself when it is a file, else every
 * wrangler file under it (sorted). Only dependencies (`node_modules`), folders whose name
 * starts with a dot, and links to folders (not followed, so a link cannot loop) are not
 * searched, and each is returned so the run can say so: a folder named `build` or `dist` may
 * hold a real producer (`services/build/`), so build output is left out with `--exclude`,
 * never silently.
 *
 * @throws the file system's error when the path cannot be read (e.g. ENOENT).
 */
export async function wranglerFilesAt(path: string): Promise<Discovery> {
  const discovery: Discovery = { files: [], notSearched: [] };
  if (!(await stat(path)).isDirectory()) return { files: [path], notSearched: [] };
  await search(path, discovery);
  return discovery;
}

async function search(folder: string, discovery: Discovery): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const child = join(folder, entry.name);
    const linked = entry.isSymbolicLink() ? await stat(child).catch(() => undefined) : undefined;
    if (entry.isDirectory() || linked?.isDirectory() === true) {
      const reason = linked !== undefined ? "a symbolic link" : entry.name === "node_modules" ? "dependencies" : entry.name.startsWith(".") ? "a dot-folder" : undefined;
      if (reason === undefined) await search(child, discovery);
      else discovery.notSearched.push({ folder: child, reason });
    } else if ((entry.isFile() || linked?.isFile() === true) && isWranglerFile(entry.name)) {
      discovery.files.push(child);
    }
  }
}
