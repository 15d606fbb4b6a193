/**
 * The first export requests a fresh ingest isolate serves, in workerd: what they cost in CPU
 * before the isolate is warm. Cold start (bench/cold-start.ts) stops at ready; after it V8 still
 * compiles each function at its first call and each regular expression at its first run, on the
 * request that reaches it, and on the Workers Free plan that request has 10 ms of CPU like any
 * other. Each start sends, in order: a Cloudflare push (10 gzip OTLP/JSON lines), 100 log
 * records in protobuf, and a Cloudflare push whose lines hold what the redaction's large rules
 * read (passwords in sentences, in parameters and in other languages, a phone, an e-mail
 * address, a card's holder): the first request to meet those rules. Then the first push again,
 * warm, for scale.
 *
 *   npx tsx bench/first-requests.ts <wrangler.ingest.jsonc> [<other wrangler.ingest.jsonc>] [--starts 10]
 *
 * With two files the builds start in turns, round by round, the order alternating, and the
 * per-round difference (second − first) is printed beside each build's medians: a change's
 * effect on a fresh isolate's first requests, read side by side as bench/ab-builds.ts reads a
 * warm one's.
 */
import { parseArgs } from "node:util";
import { startClickHouseStub } from "./clickhouse-stub";
import { FORWARDING_CASES, forwardingRequest, spreadOf, type Spread } from "./forwarding";
import { generateCloudflarePush, gzip } from "./payloads";
import { buildForWorkerd, startIngestInWorkerd, type BuiltWorker } from "./workerd";

/**
 * Log lines a Worker's `console.log` might print, each meeting a large rule of the redaction
 * (the password sentences and parameters, other languages' password words, phones, card holders).
 */
const SENSITIVE_LINES = [
  { level: "error", message: "login failed: password hunter2 rejected for user 4711" },
  { level: "warn", message: "Anmeldung fehlgeschlagen: Passwort „Sommer2024“ abgelehnt" },
  { level: "info", message: "callback requested, call me at +49 170 1234567" },
  { level: "info", message: "GET /reset?email=ana.souza@example.com&token=4f9d2c7e8a1b" },
  { level: "error", message: "payment declined", cardholder: "Maria Silva", contact: "Rua Augusta 1500, São Paulo" },
  { level: "debug", message: "connect postgres://app:S3cr3tPw@db.internal:5432/orders" },
  { level: "info", message: "user profile updated: customer: John Smith, mot de passe: azerty123" },
  { level: "warn", message: "redis AUTH default Pw9xQ failed" },
];

/** A Cloudflare push of `SENSITIVE_LINES.length` invocations, each line's body one of them, gzipped. */
function sensitivePush(): { body: Uint8Array<ArrayBuffer>; headers: Record<string, string> } {
  const payload = generateCloudflarePush({ records: SENSITIVE_LINES.length * 2, startNanos: BigInt(Date.now() - 60_000) * 1_000_000n });
  const request = structuredClone(payload.request) as { resourceLogs: { scopeLogs: { logRecords: { body?: { stringValue?: string } }[] }[] }[] };
  const lines = request.resourceLogs.flatMap((resource) => resource.scopeLogs.flatMap((scope) => scope.logRecords));
  // Every line whose body is JSON text (the console lines, not the invocation records) gets one.
  let next = 0;
  for (const line of lines) {
    if (line.body?.stringValue?.startsWith("{")) line.body = { stringValue: JSON.stringify(SENSITIVE_LINES[next++ % SENSITIVE_LINES.length]) };
  }
  return {
    body: gzip(new TextEncoder().encode(JSON.stringify(request))),
    headers: { "content-type": "application/json", "content-encoding": "gzip" },
  };
}

interface Step {
  name: string;
  init: () => RequestInit;
}

const push = FORWARDING_CASES.find((testCase) => testCase.shape === "cloudflare" && testCase.records === 10)!;
const protobuf100 = FORWARDING_CASES.find((testCase) => testCase.encoding === "protobuf" && testCase.records === 100)!;
const asInit = ({ body, headers }: { body: Uint8Array<ArrayBuffer>; headers: Record<string, string> }): RequestInit => ({ method: "POST", body, headers });

/** The requests each fresh isolate serves, in order. */
export const FIRST_REQUESTS: readonly Step[] = [
  { name: "1st: Cloudflare push, 10 lines", init: () => asInit(forwardingRequest(push)) },
  { name: "2nd: 100 log records, protobuf", init: () => asInit(forwardingRequest(protobuf100)) },
  { name: "3rd: push of 16 lines meeting the large rules", init: () => asInit(sensitivePush()) },
  { name: "4th: Cloudflare push again", init: () => asInit(forwardingRequest(push)) },
];

/** One step's figures over the starts of one build: workerd CPU ms, all threads. */
export interface FirstRequestResult {
  request: string;
  starts: number;
  cpuMs: Spread;
}

/** `measureFirstRequests` for one build, summed up per step (`npm run bench`'s section 7). */
export async function firstRequestResults(build: BuiltWorker, starts: number): Promise<FirstRequestResult[]> {
  const [cpu] = await measureFirstRequests([build], starts);
  return FIRST_REQUESTS.map(({ name }, step) => ({ request: name, starts, cpuMs: spreadOf(cpu![step]!) }));
}

/** Per build, per step: workerd CPU ms (all threads) of each start's request. */
export async function measureFirstRequests(builds: readonly BuiltWorker[], starts: number): Promise<number[][][]> {
  const stub = await startClickHouseStub();
  const cpu = builds.map(() => FIRST_REQUESTS.map((): number[] => []));
  try {
    for (let round = 0; round < starts; round++) {
      for (let j = 0; j < builds.length; j++) {
        const k = (round + j) % builds.length;
        const running = await startIngestInWorkerd(builds[k]!, stub.url);
        try {
          for (const [step, { name, init }] of FIRST_REQUESTS.entries()) {
            const measured = await running.request("/v1/logs", init());
            if (measured.status !== 200) throw new Error(`${name} answered ${measured.status}: ${new TextDecoder().decode(measured.body).slice(0, 300)}`);
            cpu[k]![step]!.push(measured.cpuNs / 1e6);
          }
        } finally {
          await running.dispose();
        }
      }
    }
  } finally {
    await stub.stop();
  }
  return cpu;
}

const show = ({ median, p10, p90 }: Spread) => `${median.toFixed(1)} (${p10.toFixed(1)}–${p90.toFixed(1)})`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { starts: { type: "string", default: "10" } } });
  const starts = Number(values.starts);
  if (positionals.length < 1 || positionals.length > 2 || !Number.isInteger(starts) || starts < 1) {
    console.error("usage: npx tsx bench/first-requests.ts <wrangler file> [<other wrangler file>] [--starts N]  (N a whole number of at least 1)");
    process.exit(2);
  }
  const builds: BuiltWorker[] = [];
  try {
    for (const config of positionals) builds.push(await buildForWorkerd(config));
    const cpu = await measureFirstRequests(builds, starts);
    console.log(`${starts} fresh isolates per build; workerd CPU ms per request (all threads), median (p10–p90)`);
    const width = Math.max(...FIRST_REQUESTS.map(({ name }) => name.length));
    const header = ["request".padEnd(width), ...positionals.map((config) => config.padEnd(28))];
    if (builds.length === 2) header.push("second − first, per round");
    console.log(header.join("  "));
    for (const [step, { name }] of FIRST_REQUESTS.entries()) {
      const cells = [name.padEnd(width), ...cpu.map((build) => show(spreadOf(build[step]!)).padEnd(28))];
      if (builds.length === 2) cells.push(show(spreadOf(cpu[1]![step]!.map((ms, round) => ms - cpu[0]![step]![round]!))));
      console.log(cells.join("  "));
    }
  } finally {
    for (const build of builds) await build.remove();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
