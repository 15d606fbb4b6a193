import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { Session } from "chdb";
import { SerialQueue } from "./serial-queue";
import { serverSettings } from "./server-settings";
import { setStatement } from "./sql-literals";

/** What one statement produced: its output bytes and the engine's own counters. */
export interface StatementResult {
  output: Uint8Array;
  resultRows: number;
  resultBytes: number;
  elapsedSeconds: number;
}

/**
 * One chDB connection. Each has its own current database, settings and query parameters, so a
 * request that runs on a connection of its own cannot leave anything behind for the next.
 */
export class EngineConnection {
  constructor(private readonly session: Session) {}

  async run(sql: string, format = "TabSeparated"): Promise<StatementResult> {
    const result = await this.session.queryAsync(sql, { format });
    return {
      output: result.bytes(),
      resultRows: result.rowsRead,
      resultBytes: result.bytesRead,
      elapsedSeconds: result.elapsed,
    };
  }

  close(): void {
    this.session.close();
  }
}

/**
 * The ClickHouse engine, in process: chDB bound to one data directory.
 *
 * A "root" connection lives as long as the engine so the data directory stays loaded; requests
 * get short-lived connections of their own (opening one costs well under a millisecond). The
 * engine runs a query off the event loop, but one thing at a time: everything that touches it
 * goes through `exclusive`.
 */
export class ChdbEngine {
  private readonly queue = new SerialQueue();

  private constructor(
    readonly dataDir: string,
    private readonly root: Session,
    /** `SELECT version()`, which error bodies quote as a server does. */
    readonly version: string,
    readonly timezone: string,
  ) {}

  /** chDB allows one data directory per process at a time; a second one throws. */
  static async open(dataDir: string): Promise<ChdbEngine> {
    const path = resolve(dataDir);
    mkdirSync(path, { recursive: true });
    // Load every table before the first query instead of lazily behind it, as a server does.
    const root = new Session(path, { connectionArgs: ["--async_load_databases=0"] });
    try {
      const facts = await root.queryAsync("SELECT version(), timezone()", { format: "TabSeparated" });
      const [version = "", timezone = ""] = facts.text().trim().split("\t");
      return new ChdbEngine(path, root, version, timezone);
    } catch (error) {
      root.close();
      throw error;
    }
  }

  /** Runs `task` when nothing else is using the engine. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    return this.queue.run(task);
  }

  /** A fresh connection with the server's settings; call inside `exclusive`. */
  async connect(): Promise<EngineConnection> {
    const connection = new EngineConnection(new Session(this.dataDir));
    try {
      await connection.run(setStatement(serverSettings));
      return connection;
    } catch (error) {
      connection.close();
      throw error;
    }
  }

  /** Waits for running work, then releases the data directory so it can be opened again. */
  async close(): Promise<void> {
    await this.queue.idle();
    this.root.close();
  }
}
