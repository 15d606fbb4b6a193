/**
 * `npm start` and the other local commands as a newcomer runs them: a TypeScript entry as a
 * child process of this Node, its output kept, stopped with the signals a terminal sends.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

export const REPOSITORY_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BANNER_END = "then stops everything; the tables stay for the next start.";

export interface Started {
  child: ChildProcess;
  /** stdout alone. */
  stdout: () => string;
  /** stderr alone. */
  stderr: () => string;
  /** stdout and stderr as they came. */
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs a TypeScript entry on this Node, without a wrapper process, so signals reach it directly. */
export function runScript(entry: string, args: string[]): Started {
  return keptOutput(
    spawn(process.execPath, ["--import", "tsx", entry, ...args], {
      cwd: REPOSITORY_ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
}

/** `child` (its stdout and stderr piped) with what it prints kept, and its exit as a promise. */
export function keptOutput(child: ChildProcess): Started {
  let stdout = "";
  let stderr = "";
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    output += chunk.toString();
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    output += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => stdout, stderr: () => stderr, output: () => output, exited };
}

/** `npm start` on free ports, with `dataDir` and the ingest Worker's bearer `token`. */
export function startPipeline(dataDir: string, token = "test-token"): Started {
  return runScript("scripts/dev/start.ts", [
    ...["--clickhouse-port", "0", "--ingest-port", "0", "--producer-port", "0"],
    ...["--data-dir", dataDir, "--token", token],
  ]);
}

/** The base URLs `npm start` listens on. */
export interface PipelineUrls {
  ingest: string;
  producer: string;
  clickhouse: string;
}

/** The base URLs in `npm start`'s banner (as `bannerOf` returns it); throws naming what is missing. */
export function urlsIn(banner: string): PipelineUrls {
  const url = (pattern: RegExp) => {
    const match = pattern.exec(banner);
    if (!match?.[1]) throw new Error(`no ${pattern} in the banner:\n${banner}`);
    return match[1];
  };
  return {
    ingest: url(/logs\s+(http:\/\/[\d.:]+)\/v1\/logs/),
    producer: url(/Producer\s+(http:\/\/[\d.:]+)/),
    clickhouse: url(/ClickHouse\s+(http:\/\/[\d.:]+)/),
  };
}

/** Everything `npm start` printed up to the end of its banner; throws with the output if it exits or times out first. */
export async function bannerOf(started: Started, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void started.exited.then(({ code }) => (exitCode = code));
  while (!started.output().includes(BANNER_END)) {
    if (exitCode !== undefined || Date.now() > deadline) {
      throw new Error(`npm start did not come up (exit ${exitCode}):\n${started.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return started.output();
}

/**
 * Resolves as soon as the chunk that brings `text` into stdout arrives (no polling); rejects
 * if the process's output closes without it.
 */
export function stdoutReaches(started: Started, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const stdout = started.child.stdout!;
    // Added after runScript's own listener, so stdout() already holds the chunk.
    const check = () => {
      if (!started.stdout().includes(text)) return false;
      stdout.off("data", check);
      started.child.off("close", closed);
      resolve();
      return true;
    };
    const closed = () => {
      if (!check()) reject(new Error(`the output closed without ${JSON.stringify(text)}:\n${started.output()}`));
    };
    stdout.on("data", check);
    started.child.once("close", closed);
    check();
  });
}

export async function stopWithSigint(started: Started) {
  started.child.kill("SIGINT");
  return started.exited;
}

/**
 * `npm run clickhouse` on `dataDir` (a free port) for the length of `use`, stopped with SIGINT
 * after it: how a person prepares or repairs a local data folder by hand.
 */
export async function withLocalClickHouse<T>(dataDir: string, use: (url: string) => Promise<T>): Promise<T> {
  const server = runScript("scripts/clickhouse/cli.ts", ["--port", "0", "--data", dataDir]);
  try {
    const deadline = Date.now() + 30_000;
    let url: string | undefined;
    while ((url = /listening on (http:\/\/\S+)/.exec(server.stdout())?.[1]) === undefined) {
      if (server.child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`npm run clickhouse did not come up:\n${server.output()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return await use(url);
  } finally {
    const { code } = await stopWithSigint(server);
    if (code !== 0) throw new Error(`npm run clickhouse exited ${code}:\n${server.output()}`);
  }
}
