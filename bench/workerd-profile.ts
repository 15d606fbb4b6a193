/**
 * Where a request's time goes inside workerd: V8's sampling CPU profiler in the ingest Worker's
 * own isolate, reached through workerd's inspector (the DevTools protocol Miniflare proxies),
 * while the bench sends the same request again and again. Each sample is put down to the stage
 * of the pipeline whose code was running, read from the bundle's module markers (wrangler's
 * unminified build starts each module with a `// path/to/module.ts` line). The Workers deploy
 * minified, so the profile runs an unminified build of the same code: minifying changes no
 * request's CPU measurably (docs/decisions.md, "Cold start: a minified upload with source maps"),
 * and its one-line text would leave the lines table nothing to tell apart. Native code (JSON.parse,
 * TextDecoder, fetch's internals) counts for the nearest JavaScript caller on the stack.
 *
 * What the profile cannot see is workerd's own C++ work outside the isolate (HTTP parsing,
 * Miniflare's routing Worker, sockets); the workerd process CPU measured around the same
 * requests gives the whole, so that share is stated as the difference.
 *
 * Two things the profile inflates. Attaching the inspector makes every `console.log` also send
 * its message over the DevTools protocol, so the log line's share is far above what it costs
 * unprofiled (a build without the `console.log` measured within ±2% of one with it, side by
 * side). And lines: V8 puts a sample in code it inlined on the line where the outermost function
 * begins, so a function's first line stands for the callees inlined into it, and a native call
 * (`JSON.parse`, `String#slice` flattening a string) is listed by name under its caller.
 */
import { readFile } from "node:fs/promises";
import { createServer } from "node:net";
import { quantile } from "./measure";
import { spreadOf, forwardingRequest, type ForwardingCase } from "./forwarding";
import { startIngestInWorkerd, type BuiltWorker } from "./workerd";

/** Pipeline stages, matched in order against the bundle's module paths. */
const STAGES: ReadonlyArray<readonly [stage: string, pattern: RegExp]> = [
  ["decode", /core\/decode\/|core\/limits\/(json-depth|records)\.ts/],
  ["lift (normalize)", /core\/normalize\//],
  ["redact", /core\/redact\/|@noble\/hashes/],
  ["attribute limits", /core\/limits\//],
  ["rows", /core\/rows\/(?!serialize)/],
  ["serialize (JSONEachRow)", /core\/rows\/serialize\.ts/],
  ["write units", /ingest\/queue\//],
  ["ClickHouse client insert", /@clickhouse\/client|ingest\/clickhouse\//],
  ["answer (encode)", /core\/encode\//],
  ["log line", /shared\/log\.ts/],
  ["HTTP layer (routing, body, gzip)", /hono\/|ingest\/http\/|ingest\/index\.ts|ingest\/context\.ts/],
  ["configuration", /zod\/|env-schema\.ts|ingest\/config\.ts/],
  ["pipeline orchestration", /core\/pipeline\.ts/],
];
const OTHER_JS = "other JavaScript";
/**
 * Native frames without a JavaScript caller. `(program)` samples are left out altogether: they
 * are the event loop, whether working or waiting, which the process CPU measures instead.
 */
const NATIVE = "native, no JavaScript caller";
const GC = "garbage collection";

export interface StageShare {
  stage: string;
  /** Sampled CPU per request in the isolate, µs. */
  us: number;
}

export interface WorkerdProfile {
  case: ForwardingCase;
  requests: number;
  /** workerd process CPU per request (all threads), µs: the whole the stages are part of. */
  processCpuUs: number;
  /** Sampled isolate time per request, by stage, largest first. */
  stages: StageShare[];
  /** Functions with the most self time per request (µs), with their module. */
  topFunctions: StageShare[];
  /**
   * Bundle lines with the most samples per request (µs): `module:line  code` (the line counted
   * from the module's start in the unminified bundle, so it is the built JavaScript's, not the
   * TypeScript's), or a native function and its JavaScript caller.
   */
  topLines: StageShare[];
}

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
  /** Samples by source line (1-based) of the node's own code. */
  positionTicks?: Array<{ line: number; ticks: number }>;
}
/** The parts of a DevTools protocol `Profiler.Profile` read here. */
export interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A minimal DevTools protocol client over the inspector's WebSocket. */
async function inspector(url: string): Promise<{ send(method: string, params?: object): Promise<unknown>; close(): void }> {
  const socket = new WebSocket(url);
  socket.binaryType = "arraybuffer";
  await new Promise((resolve, reject) => {
    socket.addEventListener("open", resolve, { once: true });
    socket.addEventListener("error", reject, { once: true });
  });
  let nextId = 1;
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  socket.addEventListener("message", (event) => {
    const text = typeof event.data === "string" ? event.data : new TextDecoder().decode(event.data as ArrayBuffer);
    const message = JSON.parse(text) as { id?: number; result?: unknown; error?: { message: string } };
    const pending = message.id === undefined ? undefined : waiting.get(message.id);
    if (pending === undefined) return;
    waiting.delete(message.id!);
    if (message.error !== undefined) pending.reject(new Error(message.error.message));
    else pending.resolve(message.result);
  });
  return {
    send(method, params = {}) {
      const id = nextId++;
      socket.send(JSON.stringify({ id, method, params }));
      return new Promise((resolve, reject) => waiting.set(id, { resolve, reject }));
    },
    close: () => socket.close(),
  };
}

/** The inspector WebSocket of the Worker under test; Miniflare's own Workers have theirs too. */
async function userWorkerInspectorUrl(port: number): Promise<string> {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Array<{ id: string; webSocketDebuggerUrl: string }>;
  const target = targets.find(({ id }) => id.startsWith("core:user:"));
  if (target === undefined) throw new Error(`no user Worker among workerd's inspector targets: ${targets.map(({ id }) => id).join(", ")}`);
  return target.webSocketDebuggerUrl;
}

/** Where a bundle line (0-based) comes from: its module's path and its line in that module (1-based). */
export interface BundleSource {
  moduleAt(line: number): string;
  /** `module:line  code` for display. */
  describe(line: number): string;
}

/** The bundle's lines and modules, from the `// path` markers of an unminified build's text. */
export function bundleSource(bundle: string): BundleSource {
  const lines = bundle.split("\n");
  const starts: Array<[number, string]> = [];
  lines.forEach((line, i) => {
    const marker = /^\/\/ ((?:node_modules|workers)\/\S+\.[cm]?[jt]s)$/.exec(line);
    if (marker !== null) starts.push([i, marker[1]!]);
  });
  // A minified build has no markers: every sample would land in "other JavaScript" unnoticed.
  if (starts.length === 0) {
    throw new Error("the bundle has no `// path` module markers: profile an unminified build (buildForWorkerd(config, { minify: false }))");
  }
  /** The last module start at or before `line`. */
  const startOf = (line: number): [number, string] => {
    let low = 0;
    let high = starts.length - 1;
    let found: [number, string] = [0, ""];
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (starts[middle]![0] <= line) {
        found = starts[middle]!;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found;
  };
  return {
    moduleAt: (line) => startOf(line)[1],
    describe(line) {
      const [start, module] = startOf(line);
      return `${module.replace(/^node_modules\//, "")}:${line - start}  ${(lines[line] ?? "").trim().slice(0, 100)}`;
    },
  };
}

function stageOf(module: string): string {
  for (const [stage, pattern] of STAGES) if (pattern.test(module)) return stage;
  return OTHER_JS;
}

/**
 * Sampled µs per request by stage, by function and by line (largest first), from a profile of
 * `requests` requests of the Worker whose unminified bundle is `bundle`. A sample counts one
 * sampling interval (the median time delta); idle and event-loop samples are left out.
 */
export function attributeSamples(
  profile: CpuProfile,
  bundle: string,
  requests: number,
): { stages: StageShare[]; functions: StageShare[]; lines: StageShare[] } {
  const source = bundleSource(bundle);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  /** The innermost frame with code of ours or a library's: native callees count for it. */
  const owner = (id: number): ProfileNode | undefined => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at)!;
      if (node.callFrame.url !== "") return node;
    }
    return undefined;
  };
  const stages = new Map<string, number>();
  const functions = new Map<string, number>();
  const lines = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, us: number) => map.set(key, (map.get(key) ?? 0) + us);
  const samples = profile.samples ?? [];
  // Each sample stands for one sampling interval of the thread running. Not its time delta: a
  // thread the OS had descheduled takes its next sample late, and the delta would count the
  // wait on a busy machine as the code's CPU.
  const us = quantile(profile.timeDeltas ?? [0], 0.5);
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i]!)!;
    const name = node.callFrame.functionName;
    if (name === "(idle)" || name === "(root)" || name === "(program)") continue;
    if (name === "(garbage collector)") {
      add(stages, GC, us);
      continue;
    }
    const code = owner(node.id);
    if (code === undefined) {
      add(stages, NATIVE, us);
      continue;
    }
    const module = source.moduleAt(code.callFrame.lineNumber);
    const caller = code.callFrame.functionName || "(anonymous)";
    add(stages, stageOf(module), us);
    add(functions, `${caller}  ${module.replace(/^node_modules\//, "")}`, us);
    // A native callee has no lines of its own: it is listed by name under its caller.
    if (code !== node) add(lines, `${name || "(native)"} called by ${caller}  ${source.describe(code.callFrame.lineNumber)}`, us);
  }
  // Each node's samples by line of its own code (positionTicks count the same samples again).
  for (const node of profile.nodes) {
    if (node.callFrame.url === "") continue;
    for (const { line, ticks } of node.positionTicks ?? []) add(lines, source.describe(line - 1), ticks * us);
  }
  const perRequest = (map: Map<string, number>) =>
    [...map.entries()].map(([stage, us]) => ({ stage, us: us / requests })).sort((a, b) => b.us - a.us);
  return { stages: perRequest(stages), functions: perRequest(functions), lines: perRequest(lines) };
}

/**
 * Profile `requests` requests of `testCase` (after `warmup` unprofiled ones) through the ingest
 * Worker in workerd against the ClickHouse stub at `clickhouseUrl`. `build` must be unminified
 * (`buildForWorkerd(config, { minify: false })`); a minified one is refused.
 */
export async function profileInWorkerd(
  build: BuiltWorker,
  clickhouseUrl: string,
  testCase: ForwardingCase,
  options: { warmup: number; requests: number; top?: number; topLines?: number },
): Promise<WorkerdProfile> {
  const port = await freePort();
  const worker = await startIngestInWorkerd(build, clickhouseUrl, port);
  try {
    const { body, headers } = forwardingRequest(testCase);
    const send = async () => {
      const measured = await worker.request("/v1/logs", { method: "POST", headers, body });
      if (measured.status !== 200) throw new Error(`the ingest Worker answered ${measured.status}`);
      return measured.cpuNs / 1000;
    };
    for (let i = 0; i < options.warmup; i++) await send();
    const session = await inspector(await userWorkerInspectorUrl(port));
    try {
      await session.send("Profiler.enable");
      await session.send("Profiler.setSamplingInterval", { interval: 50 });
      await session.send("Profiler.start");
      const cpu: number[] = [];
      for (let i = 0; i < options.requests; i++) cpu.push(await send());
      const { profile } = (await session.send("Profiler.stop")) as { profile: CpuProfile };
      const { stages, functions, lines } = attributeSamples(profile, await readFile(build.scriptPath, "utf8"), options.requests);
      return {
        case: testCase,
        requests: options.requests,
        processCpuUs: spreadOf(cpu).median,
        stages,
        topFunctions: functions.slice(0, options.top ?? 15),
        topLines: lines.slice(0, options.topLines ?? 15),
      };
    } finally {
      session.close();
    }
  } finally {
    await worker.dispose();
  }
}
