/**
 * What the load run measures, on loopback: the local ClickHouse in a process of its own (so
 * its CPU and the producers' are told apart) with the schema applied, and the ingest Worker in
 * workerd through Miniflare, configured from wrangler.ingest.jsonc as it deploys.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { Miniflare } from "miniflare";
import { unstable_readConfig } from "wrangler";
import { buildWorker } from "../build-worker";
import { childrenNamed } from "./process-cpu";

const REPOSITORY_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const HOST = "127.0.0.1";

export interface ClickHouseProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** `npm run clickhouse` as a child process on a free port, answering once it listens. */
export async function startClickHouseProcess(dataDir: string): Promise<ClickHouseProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "scripts/clickhouse/cli.ts", "--host", HOST, "--port", "0", "--data", dataDir],
    { cwd: REPOSITORY_ROOT, stdio: ["ignore", "pipe", "inherit"] },
  );
  const exited = once(child, "exit");
  const url = await new Promise<string>((resolve, reject) => {
    // Read to the end, not only to the banner, so the pipe never fills and stalls the server.
    createInterface({ input: child.stdout }).on("line", (line) => {
      const listening = /listening on (http:\/\/\S+)/.exec(line)?.[1];
      if (listening !== undefined) resolve(listening);
    });
    void exited.then(([code]) => reject(new Error(`the local ClickHouse exited before listening (code ${String(code)})`)));
  });
  return {
    url,
    pid: child.pid!,
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

export interface IngestInWorkerd {
  url: string;
  /** The workerd process running it, for CPU accounting. */
  workerdPid: number;
  /** Lines the Worker logged at level error so far. */
  errorLines(): string[];
  dispose(): Promise<void>;
}

/** The ingest Worker as wrangler.ingest.jsonc deploys it, with `vars` overriding its vars. */
export async function startIngestInWorkerd(vars: Record<string, string>): Promise<IngestInWorkerd> {
  const config = unstable_readConfig({ config: `${REPOSITORY_ROOT}wrangler.ingest.jsonc` }, { hideWarnings: true });
  if (config.main === undefined) throw new Error("wrangler.ingest.jsonc has no main");
  const before = new Set(childrenNamed(process.pid, "workerd"));
  const errors: string[] = [];
  const mf = new Miniflare({
    host: HOST,
    port: 0,
    // Every request logs a line; drained here, keeping the errors for the report.
    handleRuntimeStdio(stdout: Readable, stderr: Readable) {
      stdout.resume();
      createInterface({ input: stderr }).on("line", (line) => {
        if (line.includes('"level":"error"')) errors.push(line);
      });
    },
    workers: [
      {
        name: config.name,
        modules: true,
        script: await buildWorker(config.main),
        compatibilityDate: config.compatibility_date,
        compatibilityFlags: config.compatibility_flags,
        bindings: { ...config.vars, ...vars },
      },
    ],
  });
  const url = (await mf.ready).origin;
  const started = childrenNamed(process.pid, "workerd").filter((pid) => !before.has(pid));
  if (started.length !== 1) throw new Error(`expected one new workerd process, found ${started.length}`);
  return { url, workerdPid: started[0]!, errorLines: () => errors, dispose: () => mf.dispose() };
}
