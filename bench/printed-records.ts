/**
 * Redaction of one log body made of many small printed records, in Node, checkouts against each
 * other:
 *
 *   npx tsx bench/printed-records.ts <checkout>... [--shapes java-list,go-runs] [--sizes 16K,1.6M]
 *
 * Each checkout (`.` for this one; another from `git worktree add --detach ../old <commit>`)
 * has its redaction module loaded into the same process; a body is redacted as the Worker
 * redacts a log record's (`redactRequest`), the checkouts taking turns with the order rotating.
 * The figure is the median CPU time of the process per body (not wall time: a shared machine
 * deschedules a run without its code being slower), with each checkout's ratio to the first; the
 * bodies each checkout wrote are compared, and a difference is printed.
 *
 * The shapes: runs of a Java Map's `{a=b}`, a Java list's toString, Python dicts, Go's `%+v`,
 * PHP's print_r (other languages' prints of records, which redaction reads as objects since
 * 3a39363), PHP's var_dump, Go's maps, Java's records, Ruby's objects and C#'s records (read
 * since the 2026-12-02 record "Every language's printed record ruled as its JSON"), Clojure's
 * EDN maps, a Swift dump and Java's toStrings with apostrophes in their values (read since the
 * 2026-12-02 record "Clojure/EDN maps and Swift's dump()"), and, as
 * controls, prose, log lines of bracketed fields and JSON lines of the same size.
 * docs/decisions.md, 2026-12-02, "Many small printed records in one body".
 */
import { parseArgs } from "node:util";
import { resolve } from "node:path";
import type { LogsRequest } from "../workers/shared/otlp/model";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { shapes: { type: "string" }, sizes: { type: "string" }, reps: { type: "string" } },
});

/** Units (`unit` of their index) joined by `separator` until `size` characters, between `open` and `close`. */
function filled(size: number, unit: (index: number) => string, separator: string, open = "", close = ""): string {
  const parts: string[] = [];
  let length = open.length + close.length;
  for (let index = 0; length < size; index++) {
    const part = (index === 0 ? "" : separator) + unit(index);
    parts.push(part);
    length += part.length;
  }
  return open + parts.join("") + close;
}

const SHAPES: Record<string, (size: number) => string> = {
  "ab-runs": (size) => filled(size, () => "{a=b}", " "),
  "java-list": (size) => filled(size, (i) => `Item{id=${i}, name=x}`, ", ", "[", "]"),
  "python-dicts": (size) => filled(size, (i) => `{'id': ${i}, 'name': 'x'}`, ", ", "[", "]"),
  "go-runs": (size) => filled(size, (i) => `{A:${i} B:2}`, " "),
  "php-print_r": (size) => filled(size, (i) => `Array\n(\n    [id] => ${i}\n    [name] => x\n)\n`, ""),
  "php-var_dump": (size) => filled(size, (i) => `array(2) {\n  ["id"]=>\n  int(${i})\n  ["name"]=>\n  string(1) "x"\n}\n`, ""),
  "go-maps": (size) => filled(size, (i) => `map[id:${i} name:x]`, " "),
  "java-records": (size) => filled(size, (i) => `Item[id=${i}, name=x]`, ", ", "[", "]"),
  "ruby-records": (size) => filled(size, (i) => `#<Item id: ${i}, name: "x">`, ", ", "[", "]"),
  "csharp-records": (size) => filled(size, (i) => `Item { Id = ${i}, Name = x }`, ", "),
  "edn-maps": (size) => filled(size, (i) => `{:id ${i}, :name "x", :tags #{:a}}`, " ", "[", "]"),
  "swift-dump": (size) => filled(size, (i) => `  ▿ main.Item\n    - id: ${i}\n    - name: "x"\n`, "", "▿ many elements\n"),
  "java-apostrophes": (size) => filled(size, (i) => `Item{id=${i}, note='it's O'Brien's'}`, ", ", "[", "]"),
  "bracketed-lines": (size) => filled(size, (i) => `[INFO] [pid:${i % 900}] [req:ab${i}] GET /items/${i} 200 <${i % 7} ms>`, "\n"),
  prose: (size) => filled(size, (i) => `served product page for region south after ${i % 900} ms with 12 items from cache.`, " "),
  "json-lines": (size) =>
    filled(size, (i) => `{"level":"info","msg":"request done","status":200,"duration_ms":${i % 500},"path":"/api/items/${i}"}`, "\n"),
};

const SIZES: Record<string, number> = { "16K": 16 * 1024, "256K": 256 * 1024, "1.6M": 1_600_000 };

interface Redaction {
  redactRequest(signal: "logs", request: LogsRequest, policy: unknown): unknown;
  defaultRedactionPolicy(): unknown;
}

/** `body` as one log record's after `redaction`'s redactRequest (which rewrites the request in place). */
function redactedBody(redaction: Redaction, policy: unknown, body: string): string {
  const record = {
    timeUnixNano: "0", observedTimeUnixNano: "0", severityNumber: 9, severityText: "INFO", body: { stringValue: body },
    attributes: [], droppedAttributesCount: 0, flags: 0, traceId: "", spanId: "", eventName: "",
  };
  const request: LogsRequest = {
    resourceLogs: [{
      resource: { attributes: [], droppedAttributesCount: 0 },
      scopeLogs: [{ scope: { name: "", version: "", attributes: [], droppedAttributesCount: 0 }, logRecords: [record], schemaUrl: "" }],
      schemaUrl: "",
    }],
  };
  redaction.redactRequest("logs", request, policy);
  const written = record.body as { stringValue?: string };
  return written.stringValue ?? JSON.stringify(written);
}

/** The process's CPU milliseconds `run` takes. */
function cpuMillis(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const checkouts = positionals.length > 0 ? positionals : ["."];
const redactions = await Promise.all(
  checkouts.map((checkout) => import(resolve(checkout, "workers/ingest/core/redact/index.ts")) as Promise<Redaction>),
);
const policies = redactions.map((redaction) => redaction.defaultRedactionPolicy());
const shapes = values.shapes?.split(",") ?? Object.keys(SHAPES);
const sizes = values.sizes?.split(",") ?? Object.keys(SIZES);

console.log(`CPU ms per body, median: ${checkouts.map((checkout, i) => `[${i}] ${checkout}`).join("  ")}`);
for (const shape of shapes) {
  for (const sizeName of sizes) {
    const size = SIZES[sizeName];
    const make = SHAPES[shape];
    if (size === undefined || make === undefined) throw new Error(`no shape ${shape} or size ${sizeName}`);
    const body = make(size);
    const reps = Number(values.reps ?? (size < 100_000 ? 60 : size < 1_000_000 ? 10 : 5));
    // The first run of each is untimed: it compiles, and its output is the one compared.
    const outputs = redactions.map((redaction, i) => redactedBody(redaction, policies[i], body));
    const times: number[][] = redactions.map(() => []);
    for (let rep = 0; rep < reps; rep++) {
      for (let turn = 0; turn < redactions.length; turn++) {
        const i = (rep + turn) % redactions.length;
        times[i]!.push(cpuMillis(() => redactedBody(redactions[i]!, policies[i], body)));
      }
    }
    const medians = times.map(median);
    const ratios = medians.slice(1).map((value) => `×${(value / medians[0]!).toFixed(2)}`);
    const same = outputs.every((output) => output === outputs[0]);
    console.log(
      `${shape.padEnd(12)} ${sizeName.padEnd(5)} ${medians.map((value) => value.toFixed(1).padStart(8)).join(" ")}  ${ratios.join(" ")}` +
        `${same ? "" : "  OUTPUTS DIFFER"}${outputs[0] === body ? "" : "  (redacted)"}`,
    );
  }
}
