/**
 * A Worker in workerd through Miniflare, loaded from the very bundle `wrangler deploy` uploads
 * and with its wrangler configuration (compatibility date, flags, vars), plus a per-request
 * probe of the workerd process's CPU time and the request's wall time.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Miniflare } from "miniflare";
import { unstable_readConfig } from "wrangler";
import { wranglerBuild } from "./bundle";
import { newWorkerdPid, processCpuNanos, threadCpuNanos, workerdChildren } from "./workerd-cpu";

export interface BuiltWorker {
  scriptPath: string;
  compatibilityDate: string;
  compatibilityFlags: string[];
  vars: Record<string, string>;
  remove(): Promise<void>;
}

/**
 * Builds the Worker of the wrangler file `config` with `wrangler deploy --dry-run`: the bundle
 * `wrangler deploy` uploads (minified if the file says so), or with `minify` set, built that way
 * instead (the workerd profile reads an unminified build's module markers).
 */
export async function buildForWorkerd(config: string, options: { minify?: boolean } = {}): Promise<BuiltWorker> {
  const outdir = await mkdtemp(join(tmpdir(), "deco-otel-workerd-"));
  await wranglerBuild(config, outdir, options.minify);
  const parsed = unstable_readConfig({ config });
  const vars = Object.fromEntries(
    Object.entries(parsed.vars).map(([name, value]) => [name, typeof value === "string" ? value : JSON.stringify(value)]),
  );
  return {
    scriptPath: join(outdir, "index.js"),
    compatibilityDate: parsed.compatibility_date ?? "2026-04-01",
    compatibilityFlags: parsed.compatibility_flags,
    vars,
    remove: () => rm(outdir, { recursive: true, force: true }),
  };
}

/**
 * The built ingest Worker in workerd with its wrangler vars, writing to `clickhouseUrl`, without
 * bearer tokens; `inspectorPort` opens workerd's inspector for profiling.
 */
export function startIngestInWorkerd(build: BuiltWorker, clickhouseUrl: string, inspectorPort?: number): Promise<RunningWorker> {
  return startInWorkerd(
    { scriptPath: build.scriptPath, modulesRoot: dirname(build.scriptPath) },
    {
      compatibilityDate: build.compatibilityDate,
      compatibilityFlags: build.compatibilityFlags,
      bindings: { ...build.vars, CLICKHOUSE_URL: clickhouseUrl, AUTH_DISABLED: "true" },
      ...(inspectorPort === undefined ? {} : { inspectorPort }),
    },
  );
}

export interface Measured {
  status: number;
  body: Uint8Array;
  /** workerd CPU (all threads) from sending the request to reading the whole answer. */
  cpuNs: number;
  /** Of which on workerd's main thread (event loop and JavaScript) … */
  mainCpuNs: number;
  /** … and on V8's background threads (GC helpers, concurrent compilers). */
  v8BackgroundCpuNs: number;
  wallMs: number;
}

export interface RunningWorker {
  /** The workerd process serving the Worker (bench/native-profile.ts samples it). */
  pid: number;
  /** From `new Miniflare` until workerd is up with the Worker loaded. */
  readyMs: number;
  /**
   * Of `readyMs`, the part from Miniflare spawning workerd until ready: workerd's own start
   * (reading its configuration from a pipe, compiling the Worker, running its top-level code)
   * and well under 1 ms of Miniflare's after workerd reports its sockets. The rest of `readyMs`
   * happens in Node before workerd exists: reading the bundle and Miniflare assembling and
   * serializing workerd's configuration, which no deployed Worker pays. That part grows with
   * the bundle: Miniflare's Cap'n Proto encoder copies its whole buffer each time it grows by a
   * few KB, and every piece of configuration written after the Worker's text copies that text
   * again (about +45 ms for the ingest Worker's 670 KB: docs/decisions.md, "Cold start,
   * nineteenth round").
   */
  workerdReadyMs: number;
  /**
   * CPU the new workerd process spent getting there (all threads): its start and the Worker's
   * compilation and top-level code, without what other processes on a busy machine take.
   */
  readyCpuMs: number;
  request(path: string, init?: RequestInit): Promise<Measured>;
  dispose(): Promise<void>;
}

/**
 * The Worker logs each request to stdout; that is drained so it neither floods the table nor
 * backs up. stderr (warnings, errors, workerd's own failures) still shows.
 */
function drainStdout(stdout: NodeJS.ReadableStream, stderr: NodeJS.ReadableStream): void {
  stdout.resume();
  // Forwarded chunk by chunk: piping would add listeners to process.stderr for every start.
  stderr.on("data", (chunk: Buffer) => process.stderr.write(chunk));
}

export async function startInWorkerd(
  source: { scriptPath: string; modulesRoot: string } | { script: string },
  settings: {
    compatibilityDate: string;
    compatibilityFlags?: string[];
    bindings?: Record<string, string>;
    /** Opens workerd's inspector (the DevTools protocol) on this port, for profiling. */
    inspectorPort?: number;
  },
): Promise<RunningWorker> {
  const before = workerdChildren();
  const started = performance.now();
  let spawned: number | undefined;
  const mf = new Miniflare({
    // The one module given as it is: with `modules: true` Miniflare would first parse the whole
    // bundle with a JavaScript parser in Node to find its imports (a single-file build has
    // none), a cost that grows with the bundle and that no deployed Worker pays.
    modules: [
      "script" in source
        ? { type: "ESModule", path: "worker.js", contents: source.script }
        : { type: "ESModule", path: source.scriptPath, contents: await readFile(source.scriptPath, "utf8") },
    ],
    ...("modulesRoot" in source ? { modulesRoot: source.modulesRoot } : {}),
    compatibilityDate: settings.compatibilityDate,
    compatibilityFlags: settings.compatibilityFlags ?? [],
    bindings: settings.bindings ?? {},
    // Miniflare calls this right after spawning workerd, before writing it its configuration:
    // the moment that splits the start into Node's part and workerd's (`workerdReadyMs`).
    handleRuntimeStdio: (stdout: NodeJS.ReadableStream, stderr: NodeJS.ReadableStream) => {
      spawned = performance.now();
      drainStdout(stdout, stderr);
    },
    ...(settings.inspectorPort === undefined ? {} : { inspectorPort: settings.inspectorPort }),
  });
  const url = await mf.ready;
  const ready = performance.now();
  if (spawned === undefined) throw new Error("Miniflare was ready without having spawned workerd");
  const readyMs = ready - started;
  const workerdReadyMs = ready - spawned;
  const pid = newWorkerdPid(before);
  const readyCpuMs = processCpuNanos(pid) / 1e6;
  return {
    pid,
    readyMs,
    workerdReadyMs,
    readyCpuMs,
    async request(path, init) {
      const cpuBefore = threadCpuNanos(pid);
      const sent = performance.now();
      // A plain HTTP request to workerd's socket, as a sender makes it: a body of known length
      // arrives with its Content-Length. (`dispatchFetch` would deliver it chunked, without one.)
      const response = await fetch(new URL(path, url), init);
      const body = new Uint8Array(await response.arrayBuffer());
      const wallMs = performance.now() - sent;
      const cpuAfter = threadCpuNanos(pid);
      return {
        status: response.status,
        body,
        cpuNs: cpuAfter.total - cpuBefore.total,
        mainCpuNs: cpuAfter.main - cpuBefore.main,
        v8BackgroundCpuNs: cpuAfter.v8Background - cpuBefore.v8Background,
        wallMs,
      };
    },
    dispose: () => mf.dispose(),
  };
}
