import type { AddressInfo } from "node:net";
import { ChdbEngine } from "./chdb-engine";
import { defaultCredentials } from "./credentials";
import { createClickHouseHttpServer } from "./http-server";
import { HttpSessions } from "./http-sessions";
import { QueryExecutor } from "./query-executor";

export interface LocalClickHouseOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Where tables live; created when missing, kept between runs. */
  dataDir?: string;
  user?: string;
  /** When set, requests must present it, as for a server user with a password. */
  password?: string;
}

export interface LocalClickHouse {
  url: string;
  port: number;
  dataDir: string;
  /** Stops listening and releases the data directory; starting again on it keeps the data. */
  stop(): Promise<void>;
}

export const DEFAULT_PORT = 8123;
export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_DATA_DIR = ".data/clickhouse";

/**
 * A ClickHouse HTTP server on this machine, backed by chDB. One per process: chDB serves a
 * single data directory per process at a time.
 */
export async function startLocalClickHouse(options: LocalClickHouseOptions = {}): Promise<LocalClickHouse> {
  const engine = await ChdbEngine.open(options.dataDir ?? DEFAULT_DATA_DIR);
  const sessions = new HttpSessions(engine);
  const server = createClickHouseHttpServer({
    executor: new QueryExecutor(engine, sessions),
    credentials: {
      user: options.user ?? defaultCredentials.user,
      password: options.password ?? defaultCredentials.password,
    },
    serverVersion: engine.version,
    timezone: engine.timezone,
  });

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
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    dataDir: engine.dataDir,
    async stop() {
      // Lets running requests finish; idle keep-alive sockets are closed straight away.
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await engine.exclusive(async () => sessions.endAll());
      await engine.close();
    },
  };
}
