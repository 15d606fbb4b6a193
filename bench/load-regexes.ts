/**
 * The regular expressions a Worker builds with `new RegExp` while its bundle loads (every cold
 * start pays for parsing their source), and which of them a first request of each chosen case
 * never executes: the candidates for building on first use (workers/shared/lazy.ts).
 *
 *   npx tsx bench/load-regexes.ts [wrangler file, default wrangler.ingest.jsonc] [--cases 0,1,2,3] [--top 30]
 *
 * The unminified build is evaluated in Node (`node:vm`, `cloudflare:workers` stubbed) with
 * `RegExp` replaced, for the bundle only, by a subclass that marks an instance when it executes
 * (`test`, `replace`, `match`, `split` and the rest all reach `exec`, a copy's marking the one it
 * copies); then one request of each
 * forwarding case (bench/forwarding.ts) goes through its `fetch` against the ClickHouse stub.
 * A build's time is the first construction's CPU (V8 caches a parsed source: the tracked copy
 * built after it is not timed). Node's V8 is older than workerd's: read the figures as shares.
 * Regex literals (`/…/`) are not counted: V8 parses them with the script.
 */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import vm from "node:vm";
import { startClickHouseStub } from "./clickhouse-stub";
import { FORWARDING_CASES, forwardingRequest } from "./forwarding";
import { buildForWorkerd } from "./workerd";
import { bundleSource } from "./workerd-profile";

interface LoadRegex {
  line: number;
  ms: number;
  flags: string;
  source: string;
  executed: boolean;
}

interface WorkerModule {
  fetch(request: Request, env: Record<string, string>, ctx: unknown): Promise<Response>;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { cases: { type: "string", default: "0,1,2,3" }, top: { type: "string", default: "30" } },
});
const cases = values.cases.split(",").map(Number);
const top = Number(values.top);
if (positionals.length > 1 || !Number.isInteger(top) || top < 1 || !cases.every((k) => FORWARDING_CASES[k] !== undefined)) {
  console.error(`usage: npx tsx bench/load-regexes.ts [wrangler file] [--cases 0,1,2,3] [--top N]  (cases 0–${FORWARDING_CASES.length - 1})`);
  process.exit(2);
}

const build = await buildForWorkerd(positionals[0] ?? "wrangler.ingest.jsonc", { minify: false });
const stub = await startClickHouseStub();
try {
  const text = await readFile(build.scriptPath, "utf8");
  const exportAt = text.lastIndexOf("\nexport {");
  const defaultName = /(\w+) as default/.exec(text.slice(exportAt))?.[1];
  if (exportAt === -1 || defaultName === undefined) throw new Error("the bundle has no `export { … as default }` at its end");
  // Same lines as the bundle (the wrapper opens on its first line), so stack lines name its modules.
  const body = text.slice(0, exportAt).replace(/^import \{ WorkerEntrypoint\b[^;]*;/m, (line) => `const ${/as (\w+)/.exec(line)?.[1] ?? "WorkerEntrypoint"} = class {};`);
  const wrapped = `(function (RegExp) {${body}\nreturn ${defaultName};\n})`;

  const built: LoadRegex[] = [];
  let loading = true;
  const Native = RegExp;
  class Tracked extends Native {
    index: number;
    constructor(source: string | RegExp, flags?: string) {
      super(source, flags);
      // `split` and `matchAll` execute a copy made through the species constructor: it marks
      // the same build.
      this.index = source instanceof Tracked ? source.index : -1;
    }
    override exec(input: string): RegExpExecArray | null {
      if (!loading && this.index >= 0) built[this.index]!.executed = true;
      return super.exec(input);
    }
  }
  const construct = (source: string | RegExp, flags?: string): RegExp => {
    if (!loading) return new Tracked(source, flags);
    const line = /bundle\.js:(\d+):/.exec(new Error().stack ?? "")?.[1];
    const before = process.cpuUsage();
    new Native(source, flags);
    const cpu = process.cpuUsage(before);
    const tracked = new Tracked(source, flags);
    tracked.index = built.length;
    const text = typeof source === "string" ? source : source.source;
    built.push({ line: Number(line ?? 0) - 1, ms: (cpu.user + cpu.system) / 1000, flags: flags ?? "", source: text, executed: false });
    return tracked;
  };
  const StandIn = new Proxy(Native, { construct: (_target, args) => construct(args[0], args[1]), apply: (_target, _this, args) => construct(args[0], args[1]) });
  const worker = (new vm.Script(wrapped, { filename: "bundle.js" }).runInThisContext() as (r: RegExpConstructor) => WorkerModule)(StandIn);
  loading = false;

  const env = { ...build.vars, CLICKHOUSE_URL: stub.url, AUTH_DISABLED: "true" };
  const ctx = { waitUntil: () => undefined, passThroughOnException: () => undefined, props: {} };
  for (const k of cases) {
    const { body: payload, headers } = forwardingRequest(FORWARDING_CASES[k]!);
    const answer = await worker.fetch(new Request("http://localhost/v1/logs", { method: "POST", body: payload, headers }), env, ctx);
    if (answer.status !== 200) throw new Error(`${FORWARDING_CASES[k]!.name} answered ${answer.status}: ${(await answer.text()).slice(0, 300)}`);
  }

  const source = bundleSource(text);
  const sum = (list: LoadRegex[]) => list.reduce((total, regex) => total + regex.ms, 0);
  const never = built.filter((regex) => !regex.executed);
  console.log(`${built.length} regexes built at load (${sum(built).toFixed(2)} ms); a first request of cases ${cases.join(",")} executes ${built.length - never.length} (${sum(built.filter((r) => r.executed)).toFixed(2)} ms), never ${never.length} (${sum(never).toFixed(2)} ms)`);
  const byModule = new Map<string, LoadRegex[]>();
  for (const regex of never) byModule.set(source.moduleAt(regex.line), [...(byModule.get(source.moduleAt(regex.line)) ?? []), regex]);
  console.log("never executed, by module: ms, count, bytes of source");
  for (const [module, list] of [...byModule].sort((a, b) => sum(b[1]) - sum(a[1])).slice(0, top)) {
    console.log(`${sum(list).toFixed(2).padStart(7)} ${String(list.length).padStart(4)} ${String(list.reduce((n, r) => n + r.source.length, 0)).padStart(7)}  ${module}`);
  }
  console.log("never executed, each: ms, flags, where");
  for (const regex of [...never].sort((a, b) => b.ms - a.ms).slice(0, top)) {
    console.log(`${regex.ms.toFixed(3).padStart(7)} ${regex.flags.padEnd(3)} ${source.describe(regex.line)}`);
  }
} finally {
  await stub.stop();
  await build.remove();
}
