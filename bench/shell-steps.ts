/**
 * What each fixed step of an export request costs in workerd, outside the core: the floor
 * Worker (bench/forwarding.ts: read the body, one POST to the ClickHouse stub, answer) once as
 * it is and once with each step added as the ingest Worker makes it, every variant in a workerd
 * of its own, taking turns request by request over Cloudflare's push (gzip OTLP/JSON).
 *
 *   npx tsx bench/shell-steps.ts [--pairs 600]
 *
 * Each figure is the median of its turns' differences to the plain Worker, µs of workerd CPU.
 * The plain Worker runs twice, started first and last: the first started workerd can measure
 * 20 µs or more off, and the two copies' difference is the noise to read the others against.
 * A small Worker's JavaScript runs with warm caches, so what these steps cost in the ingest
 * Worker's JavaScript is larger there; what they cost natively (streams, timers, console, the
 * answer) is what this prices. docs/decisions.md (2026-12-01, "The request shell's fixed
 * costs") has a run's figures.
 */
import { parseArgs } from "node:util";
import { startClickHouseStub } from "./clickhouse-stub";
import { FORWARDING_CASES, forwardingRequest, spreadOf } from "./forwarding";
import { startInWorkerd, type RunningWorker } from "./workerd";

const WARM_UP_TURNS = 300;
const CLOUDFLARE_PUSH = FORWARDING_CASES[1]!;

/** Where a step goes in the forwarding Worker. */
interface Step {
  name: string;
  /** After the body is read into `bytes` (a `let`), before the insert. */
  before?: string;
  /** More of the insert's `fetch` init. */
  init?: string;
  /** After the insert's answer is read; may return the Worker's own answer. */
  after?: string;
}

const EXPORT_LINE =
  '{ level: "info", msg: "export written", requestId: "8e2b9c1e-6f7a-4d2b-9a51-3c0f8f1d2a44", entrypoint: "public", ' +
  'signal: "logs", encoding: "json", bytes: bytes.length, accepted: 10, rejected: 0, queued: 0, redactions: 3, ' +
  'redactionKinds: "email:2,ipv4:1", ms: 0 }';
const ANSWER_HEADERS = '{ "Content-Type": "application/json", "X-Request-Id": "8e2b9c1e-6f7a-4d2b-9a51-3c0f8f1d2a44" }';

const STEPS: readonly Step[] = [
  { name: "plain (the floor Worker)" },
  {
    name: "gzip inflate: DecompressionStream, one write",
    before: `const inflater = new DecompressionStream("gzip"); const writer = inflater.writable.getWriter();
      writer.write(bytes).catch(() => undefined); writer.close().catch(() => undefined);
      bytes = new Uint8Array(await new Response(inflater.readable).arrayBuffer());`,
  },
  {
    name: "gzip inflate: the body piped through it",
    before: `bytes = new Uint8Array(await new Response(new Response(bytes).body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());`,
  },
  { name: "the log line (console.log)", after: `console.log(JSON.stringify(${EXPORT_LINE}));` },
  { name: "a one-character console.log", after: `console.log("x");` },
  { name: "the insert's timeout (AbortSignal.timeout)", init: "signal: AbortSignal.timeout(4000)" },
  { name: "answer: headers, no body", after: `return new Response(null, { headers: ${ANSWER_HEADERS} });` },
  { name: "answer: headers and `{}`", after: `return new Response(new TextEncoder().encode("{}"), { headers: ${ANSWER_HEADERS} });` },
  {
    name: "request id, token (randomUUID ×2), 6 header reads",
    before: `let ids = crypto.randomUUID() + crypto.randomUUID().replaceAll("-", "");
      for (const name of ["x-request-id", "cf-ray", "content-type", "content-encoding", "content-length", "idempotency-key"]) ids += request.headers.get(name) ?? "";
      if (ids === "") throw new Error("no ids");`,
  },
  { name: "INSERT body: 12 KB of text, not the request's bytes", before: `bytes = "x".repeat(12000 + (bytes.length % 7)) + "\\n";` },
];

function workerOf(step: Step): string {
  return `export default {
  async fetch(request, env) {
    let bytes = new Uint8Array(await request.arrayBuffer());
    ${step.before ?? ""}
    const query = encodeURIComponent("INSERT INTO otel.otel_logs FORMAT JSONEachRow");
    const answer = await fetch(env.CLICKHOUSE_URL + "/?query=" + query, { method: "POST", body: bytes, ${step.init ?? ""} });
    await answer.arrayBuffer();
    if (!answer.ok) return new Response(null, { status: 502 });
    ${step.after ?? ""}
    return new Response(null);
  },
};`;
}

const { values } = parseArgs({ options: { pairs: { type: "string", default: "600" } } });
const timedTurns = Number(values.pairs);
// The plain Worker again, started last.
const variants = [...STEPS, { ...STEPS[0]!, name: "plain, second copy (the noise)" }];
const stub = await startClickHouseStub();
const workers: RunningWorker[] = [];
try {
  for (const step of variants) {
    workers.push(await startInWorkerd({ script: workerOf(step) }, { compatibilityDate: "2026-04-20", bindings: { CLICKHOUSE_URL: stub.url } }));
  }
  const { body, headers } = forwardingRequest(CLOUDFLARE_PUSH);
  const cpuUs: number[][] = variants.map(() => []);
  for (let turn = 0; turn < WARM_UP_TURNS + timedTurns; turn++) {
    for (let j = 0; j < workers.length; j++) {
      const k = (turn + j) % workers.length;
      const answer = await workers[k]!.request("/v1/logs", { method: "POST", headers, body });
      if (answer.status !== 200) throw new Error(`${variants[k]!.name} answered ${answer.status}`);
      if (turn >= WARM_UP_TURNS) cpuUs[k]!.push(answer.cpuNs / 1000);
    }
  }
  const plain = cpuUs[0]!.map((us, i) => (us + cpuUs[variants.length - 1]![i]!) / 2);
  console.log(`${CLOUDFLARE_PUSH.name}, ${timedTurns} turns: µs of workerd CPU over the plain Worker (median of turns)`);
  variants.forEach((step, k) => {
    const added = spreadOf(cpuUs[k]!.map((us, i) => us - plain[i]!));
    console.log(step.name.padEnd(56), `${added.median >= 0 ? "+" : ""}${added.median.toFixed(1)}`.padStart(8));
  });
} finally {
  for (const worker of workers) await worker.dispose();
  await stub.stop();
}
