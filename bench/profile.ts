/**
 * Where the time goes: V8's CPU profiler (the one `node --cpu-prof` uses, driven through the
 * inspector so no file handling is needed) over a loop of one workload, summarized as the
 * functions with the most self time.
 *
 *   npx tsx bench/profile.ts core <logs|traces|metrics> <json|protobuf> [records]
 *   npx tsx bench/profile.ts request <logs|traces|metrics> <json|protobuf> [records]
 *   npx tsx bench/profile.ts workerd <cloudflare|json|protobuf> [records]
 *
 * `core` loops the pure core (bench/core.ts). `request` loops whole requests through the ingest
 * app under Node against the stub ClickHouse: Node's fetch is not workerd's, so read it for the
 * share of our own code, not for absolute figures. `workerd` profiles the built ingest Worker in
 * workerd by pipeline stage, function and line (bench/workerd-profile.ts): `cloudflare` is Cloudflare's 10-line
 * gzip JSON push, `json`/`protobuf` an SDK's logs export of `records` records (default 100).
 */
import { Session, type Profiler } from "node:inspector/promises";
import { basename } from "node:path";
import { createIngestApp } from "../workers/ingest/http/app";
import { startClickHouseStub } from "./clickhouse-stub";
import { runCore } from "./core";
import { FORWARDING_CASES, type ForwardingCase } from "./forwarding";
import { profileTable } from "./report";
import { buildForWorkerd } from "./workerd";
import { profileInWorkerd } from "./workerd-profile";
import { generatePayload, type Encoding, type Signal } from "./payloads";

const PROFILE_MS = 4000;
const TOP = 25;

async function loopFor(ms: number, work: () => unknown): Promise<number> {
  const end = performance.now() + ms;
  let runs = 0;
  while (performance.now() < end) {
    const result = work();
    if (result instanceof Promise) await result;
    runs++;
  }
  return runs;
}

/** Self time per function (name and file), largest first, as shares of all samples. */
function topFunctions(profile: Profiler.Profile): string[] {
  const hits = new Map<number, number>();
  for (const id of profile.samples ?? []) hits.set(id, (hits.get(id) ?? 0) + 1);
  const total = profile.samples?.length ?? 0;
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    // Only the file: tsx's transpiled lines do not match the sources'.
    const { functionName, url } = node.callFrame;
    const where = url === "" ? "" : ` ${basename(url)}`;
    const key = `${functionName || "(anonymous)"}${where}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + (hits.get(node.id) ?? 0));
  }
  return [...byFunction.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP)
    .map(([name, count]) => `${((100 * count) / total).toFixed(1).padStart(5)}%  ${name}`);
}

async function workload(mode: string, signal: Signal, encoding: Encoding, records: number): Promise<[() => unknown, () => Promise<void>]> {
  const payload = generatePayload(signal, {
    records,
    ...(mode === "request" ? { startNanos: BigInt(Date.now() - 60_000) * 1_000_000n } : {}),
  });
  // A copy owning a plain ArrayBuffer, as a Request body must.
  const body = payload[encoding].slice();
  if (mode === "core") return [() => runCore(signal, encoding, body), async () => undefined];
  const stub = await startClickHouseStub();
  const app = createIngestApp({ requireAuth: false, entrypoint: "profile" });
  const env = { CLICKHOUSE_URL: stub.url, AUTH_DISABLED: "true" };
  const context = { waitUntil: () => undefined, passThroughOnException: () => undefined, props: {} } as unknown as Parameters<typeof app.fetch>[2];
  const contentType = encoding === "json" ? "application/json" : "application/x-protobuf";
  const send = async () => {
    const request = new Request(`http://ingest.local/v1/${signal}`, { method: "POST", headers: { "content-type": contentType }, body });
    const response = await app.fetch(request, env, context);
    if (response.status !== 200) throw new Error(`answered ${response.status}: ${await response.text()}`);
  };
  return [send, () => stub.stop()];
}

/** The built ingest Worker's profile by stage, printed as the full bench prints it. */
async function profileWorkerd(shape: string, records: number): Promise<void> {
  const testCase: ForwardingCase =
    shape === "cloudflare"
      ? FORWARDING_CASES.find((entry) => entry.shape === "cloudflare")!
      : { name: `${records} log records, ${shape}`, shape: "sdk", encoding: shape as Encoding, gzip: false, records };
  const build = await buildForWorkerd("wrangler.ingest.jsonc", { minify: false });
  const stub = await startClickHouseStub();
  try {
    const profile = await profileInWorkerd(build, stub.url, testCase, { warmup: 20, requests: records >= 1000 ? 60 : 300, top: TOP, topLines: TOP });
    process.stdout.write(`${profileTable(profile)}\n`);
  } finally {
    await stub.stop();
    await build.remove();
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === "workerd") {
    const [shape = "cloudflare", records = "100"] = process.argv.slice(3);
    if (!["cloudflare", "json", "protobuf"].includes(shape)) throw new Error("usage: tsx bench/profile.ts workerd <cloudflare|json|protobuf> [records]");
    return profileWorkerd(shape, Number(records));
  }
  const [mode = "core", signal = "logs", encoding = "json", records = mode === "core" ? "512" : "100"] = process.argv.slice(2);
  if ((mode !== "core" && mode !== "request") || !["logs", "traces", "metrics"].includes(signal) || !["json", "protobuf"].includes(encoding)) {
    throw new Error("usage: tsx bench/profile.ts <core|request> <logs|traces|metrics> <json|protobuf> [records]");
  }
  const [work, stop] = await workload(mode, signal as Signal, encoding as Encoding, Number(records));
  // The Worker logs every request; keep the profile's output readable.
  console.log = () => undefined;
  await loopFor(500, work);
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  const runs = await loopFor(PROFILE_MS, work);
  const { profile } = await session.post("Profiler.stop");
  session.disconnect();
  await stop();
  process.stdout.write(`${mode} ${signal} ${encoding}, ${records} records: ${runs} runs in ${PROFILE_MS} ms, ${((PROFILE_MS * 1000) / runs).toFixed(0)} µs per run\n`);
  process.stdout.write(`self time, top ${TOP}:\n${topFunctions(profile).join("\n")}\n`);
}

await main();
