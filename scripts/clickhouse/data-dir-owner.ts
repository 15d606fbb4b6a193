import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Which process serves a data directory. ClickHouse itself locks `<dir>/status` while a
 * process has the directory open, and a second open fails with a native stack trace that names
 * neither the holder nor a way out; this file, written once the server listens and removed
 * when it stops, lets a second start say in one line who holds the directory.
 */
const OWNER_FILE = "local-clickhouse.json";

interface Owner {
  pid: number;
  url: string;
}

/** A start refused because the data directory is in use; its message is one line to print as is. */
export class DataDirectoryInUseError extends Error {
  override readonly name = "DataDirectoryInUseError";
}

/** Directories this process has open: chDB serves one at a time per process. */
const openHere = new Set<string>();

/**
 * Throws DataDirectoryInUseError when a live local ClickHouse serves `dataDir`; its message
 * names `dataDirFlag`, the starting command's flag that picks another directory.
 */
export function assertDataDirectoryFree(dataDir: string, dataDirFlag: string): void {
  if (openHere.has(dataDir)) {
    throw new DataDirectoryInUseError(`the data directory ${dataDir} is already open in this process: stop that local ClickHouse first`);
  }
  const owner = ownerOf(dataDir);
  if (owner !== undefined && owner.pid !== process.pid && isAlive(owner.pid)) {
    throw new DataDirectoryInUseError(
      `the data directory ${dataDir} is in use by the local ClickHouse at ${owner.url} (pid ${owner.pid}): ` +
        `stop it (Ctrl-C in its terminal, or kill ${owner.pid}) or choose another directory with ${dataDirFlag}`,
    );
  }
}

/**
 * The one-line refusal for a directory ClickHouse would not open although no owner file names
 * a live holder: another program (or a local ClickHouse of an older version) has it locked.
 */
export function lockedByAnotherProcess(dataDir: string, dataDirFlag: string): DataDirectoryInUseError {
  return new DataDirectoryInUseError(
    `the data directory ${dataDir} is locked by another process (ClickHouse's lock file ${join(dataDir, "status")}): ` +
      `stop that process (\`fuser ${join(dataDir, "status")}\` names it) or choose another directory with ${dataDirFlag}`,
  );
}

/** Records this process as the directory's server, reachable at `url`. */
export function claimDataDirectory(dataDir: string, url: string): void {
  openHere.add(dataDir);
  writeFileSync(join(dataDir, OWNER_FILE), `${JSON.stringify({ pid: process.pid, url } satisfies Owner)}\n`);
}

export function releaseDataDirectory(dataDir: string): void {
  openHere.delete(dataDir);
  rmSync(join(dataDir, OWNER_FILE), { force: true });
}

function ownerOf(dataDir: string): Owner | undefined {
  try {
    const owner = JSON.parse(readFileSync(join(dataDir, OWNER_FILE), "utf8")) as Partial<Owner>;
    return typeof owner.pid === "number" && typeof owner.url === "string" ? { pid: owner.pid, url: owner.url } : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
