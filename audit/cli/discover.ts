import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { isWranglerFile } from "../core/load";

/** Folders never searched: dependencies, build output, VCS and tool state (`.git`, `.wrangler`, …). */
const SKIPPED = new Set(["node_modules", "dist", "build", "coverage"]);

/**
 * The wrangler files a path stands for: the path itself when it is a file, else every
 * wrangler file under it (sorted, skipping dependencies and dot-folders).
 *
 * @throws the file system's error when the path cannot be read (e.g. ENOENT).
 */
export async function wranglerFilesAt(path: string): Promise<string[]> {
  if (!(await stat(path)).isDirectory()) return [path];
  const found: string[] = [];
  const entries = await readdir(path, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith(".") && !SKIPPED.has(entry.name)) found.push(...(await wranglerFilesAt(child)));
    } else if (entry.isFile() && isWranglerFile(entry.name)) {
      found.push(child);
    }
  }
  return found;
}
