import { startClickHouseStub } from "./bench/clickhouse-stub";
import { startInWorkerd } from "./bench/workerd";
import { spreadOf, FORWARDING_CASES, forwardingRequest } from "./bench/forwarding";
const W = (mode: string) => `
export default {
  async fetch(request, env) {
    const mode = ${JSON.stringify(mode)};
    let body = new Uint8Array(await request.arrayBuffer());
    if (mode === "inflate") {
      const stream = new Blob([body]).stream().pipeThrough(new DecompressionStream("gzip"));
      body = new Uint8Array(await new Response(stream).arrayBuffer());
    }
    if (mode === "log") console.log(JSON.stringify({level:"info",msg:"export written",requestId:"f3a9c1e2b4d5a6b7c8d9e0f1a2b3c4d5",entrypoint:"public",signal:"logs",encoding:"json",bytes:9000,accepted:10,rejected:0,queued:0,redactions:3,ms:1}));
    const q = env.CLICKHOUSE_URL + "/?query=" + encodeURIComponent("INSERT INTO otel.otel_logs FORMAT JSONEachRow");
    const a = await fetch(q, { method: "POST", body }); await a.arrayBuffer();
    if (mode === "answer") return new Response("{}", { status: 200, headers: { "Content-Type": "application/json", "X-Request-Id": "f3a9c1e2b4d5a6b7c8d9e0f1a2b3c4d5" } });
    return new Response(null, { status: 200 });
  },
};`;
const stub = await startClickHouseStub();
const { body, headers } = forwardingRequest(FORWARDING_CASES[1]!);
const modes = ["floor", "inflate", "log", "answer", "floor2"];
const workers = [];
for (const m of modes) workers.push(await startInWorkerd({ script: W(m) }, { compatibilityDate: "2026-04-20", bindings: { CLICKHOUSE_URL: stub.url } }));
const res: number[][] = modes.map(() => []);
for (let i = 0; i < 330; i++) for (let k = 0; k < modes.length; k++) { const m = await workers[k]!.request("/", { method: "POST", headers, body }); if (i >= 30) res[k]!.push(m.cpuNs / 1000); }
modes.forEach((m, k) => console.log(m, spreadOf(res[k]!)));
for (const w of workers) await w.dispose(); await stub.stop();
