import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { ChdbEngine } from "./chdb-engine";
import { defaultCredentials } from "./credentials";
import { assertDataDirectoryFree, claimDataDirectory, lockedByAnotherProcess, releaseDataDirectory } from "./data-dir-owner";
import { createClickHouseHttpServer } from "./http-server";
import { HttpSessions } from "./http-sessions";
import { QueryExecutor } from "./query-executor";

export interface LocalClickHouseOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Where tables live; created when missing, kept between runs. */
  dataDir?: string;
  /**
   * The starting command's flag that picks another data directory, named in the refusal of a
   * directory in use (`npm run clickhouse` has `--data`, `npm start` `--data-dir`); default `--data`.
   */
  dataDirFlag?: string;
  user?: string;
  /** When set, requests must present it, as for a server user with a password. */
  password?: string;
}

export interface LocalClickHouse {
  url: string;
  port: number;
  dataDir: string;
  /** The HTTP server, for watching its requests. */
  server: Server;
  /**
   * Stops, under traffic too: running queries are answered, later requests refused (503
   * ABORTED), every connection closed, then the data directory released; starting again on it
   * keeps the data.
   */
  stop(): Promise<void>;
}

export const DEFAULT_PORT = 8123;
export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_DATA_DIR = ".data/clickhouse";

/**
 * A ClickHouse HTTP server on this machine, backed by chDB. One per process: chDB serves a
 * single data directory per process at a time. Throws DataDirectoryInUseError (one line to
 * print) when another process serves or holds the data directory.
 */
export async function startLocalClickHouse(options: LocalClickHouseOptions = {}): Promise<LocalClickHouse> {
  const dataDir = resolve(options.dataDir ?? DEFAULT_DATA_DIR);
  const dataDirFlag = options.dataDirFlag ?? "--data";
  assertDataDirectoryFree(dataDir, dataDirFlag);
  const engine = await ChdbEngine.open(dataDir).catch((error: unknown) => {
    // The engine's own error says only that it could not connect; its lock is the usual cause.
    throw (error as { code?: unknown }).code === "CHDB_CONNECTION" ? lockedByAnotherProcess(dataDir, dataDirFlag) : error;
  });
  const sessions = new HttpSessions(engine);
  const http = createClickHouseHttpServer({
    executor: new QueryExecutor(engine, sessions),
    credentials: {
      user: options.user ?? defaultCredentials.user,
      password: options.password ?? defaultCredentials.password,
    },
    serverVersion: engine.version,
    timezone: engine.timezone,
  });

  const { server } = http;
  const host = options.host ?? DEFAULT_HOST;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? DEFAULT_PORT, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    await engine.close();
    throw error;
  }

  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  claimDataDirectory(engine.dataDir, url);
  return {
    url,
    port,
    dataDir: engine.dataDir,
    server,
    async stop() {
      // Running requests are answered; later ones, even over open connections, are refused.
      await http.shutdown();
      await engine.exclusive(async () => sessions.endAll());
      await engine.close();
      releaseDataDirectory(engine.dataDir);
    },
  };
}
