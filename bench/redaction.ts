/**
 * Redaction and JSON lifting alone, per string and per log record, on three kinds of text (a
 * string redacted as a log body holding it is, `redactString`: the key rules in its JSON and
 * printed structures, then the text detectors):
 * prose in which no detector finds the characters a match needs, realistic Workers JSON log
 * lines (about one in eight carries personal data), and PII-dense lines built from the
 * redaction tests' true positives.
 * Beside the timing, the corpus figures: the redaction corpus (`test/fixtures/pii/`) through
 * the core as the Worker runs it, judged on the rows it becomes as the workerd test judges
 * them in ClickHouse.
 */
import { readFileSync } from "node:fs";
import type { LogRecord } from "../workers/shared/otlp/model";
import { corpusFigures, corpusRequests, type CorpusFigures, type CorpusRow } from "../test/fixtures/pii/corpus";
import { decodeRequest } from "../workers/ingest/core/decode";
import { DEFAULT_NORMALIZATION_OPTIONS, liftJsonBody } from "../workers/ingest/core/normalize";
import { defaultRedactionPolicy, redactString } from "../workers/ingest/core/redact";
import { PIPELINE_WITHOUT_LIFTING, runCore } from "./core";
import { timeIt, type Budget, type Timing } from "./measure";
import { DEFAULT_START_NANOS, generatePayload } from "./payloads";
import { seededRandom } from "./random";

export interface TextResult {
  name: string;
  description: string;
  strings: number;
  meanLength: number;
  /** Per string. */
  timing: Timing;
}

const CORPUS_SIZE = 200;

function cleanProse(): string[] {
  const random = seededRandom(11);
  const verbs = ["served", "rendered", "refreshed", "skipped", "queued", "finished"];
  const things = ["product page", "cart summary", "search results", "home banner", "order list"];
  return Array.from(
    { length: CORPUS_SIZE },
    () =>
      `${random.pick(verbs)} ${random.pick(things)} for region ${random.pick(["south", "north", "east"])} ` +
      `after ${random.int(2, 900)} ms with ${random.int(0, 40)} items from cache`,
  );
}

function workersLogLines(): string[] {
  const payload = generatePayload("logs", { records: CORPUS_SIZE, seed: 12 });
  return decodeRequest("logs", "json", payload.json).resourceLogs.flatMap((resource) =>
    resource.scopeLogs.flatMap((scope) =>
      scope.logRecords.map((record) => (record.body !== undefined && "stringValue" in record.body ? record.body.stringValue : "")),
    ),
  );
}

/** Each line: four true positives joined by ordinary words, so every line needs several replacements. */
function piiDenseLines(): string[] {
  const corpus = JSON.parse(
    readFileSync(new URL("../test/fixtures/pii/true-positives.json", import.meta.url), "utf8"),
  ) as { cases: { text: string }[] };
  const texts = corpus.cases.map((entry) => entry.text);
  const random = seededRandom(13);
  return Array.from({ length: CORPUS_SIZE }, () =>
    Array.from({ length: 4 }, () => random.pick(texts)).join(" then the customer said "),
  );
}

async function measureCorpus(name: string, description: string, lines: string[], budget: Budget): Promise<TextResult> {
  let next = 0;
  const timing = await timeIt(() => redactString(lines[next++ % lines.length]!, defaultRedactionPolicy()), budget);
  return {
    name,
    description,
    strings: lines.length,
    meanLength: Math.round(lines.reduce((sum, line) => sum + line.length, 0) / lines.length),
    timing,
  };
}

/** The three kinds of text `measureRedaction` times, by name, with what makes each one. */
export function redactionCorpora(): { name: string; description: string; lines: string[] }[] {
  return [
    { name: "redact: clean prose", description: "nothing any detector could match", lines: cleanProse() },
    { name: "redact: Workers JSON lines", description: "1 in 8 carries personal data", lines: workersLogLines() },
    { name: "redact: PII-dense", description: "4 true positives per line", lines: piiDenseLines() },
  ];
}

export async function measureRedaction(budget: Budget): Promise<TextResult[]> {
  const results: TextResult[] = [];
  for (const { name, description, lines } of redactionCorpora()) {
    results.push(await measureCorpus(name, description, lines, budget));
  }
  return results;
}

/**
 * Lifting a JSON body into a record, per record. Lifting mutates the record, so each call works
 * on a shallow copy of a decoded one (the copy costs tens of nanoseconds, included).
 */
export async function measureLift(budget: Budget): Promise<TextResult> {
  const payload = generatePayload("logs", { records: CORPUS_SIZE, seed: 14 });
  const records: LogRecord[] = decodeRequest("logs", "protobuf", payload.protobuf).resourceLogs.flatMap((resource) =>
    resource.scopeLogs.flatMap((scope) => scope.logRecords),
  );
  let next = 0;
  const timing = await timeIt(() => {
    const record = records[next++ % records.length]!;
    return liftJsonBody({ ...record, attributes: [...record.attributes] }, DEFAULT_NORMALIZATION_OPTIONS);
  }, budget);
  const bodies = records.map((record) => (record.body !== undefined && "stringValue" in record.body ? record.body.stringValue.length : 0));
  return {
    name: "lift: JSON body",
    description: "Workers JSON line → fields + attributes",
    strings: records.length,
    meanLength: Math.round(bodies.reduce((a, b) => a + b, 0) / bodies.length),
    timing,
  };
}

/**
 * Secrets caught out of secrets and look-alikes kept out of look-alikes: the corpus as one
 * OTLP/JSON request per signal through `prepareExport` (JSON bodies not lifted, as the corpus's
 * test runs the Worker) and the JSONEachRow the writer sends,
 * read back as ClickHouse would return the rows.
 */
export function measureCorpusFigures(): CorpusFigures {
  const corpus = corpusRequests("bench", DEFAULT_START_NANOS);
  const rows: CorpusRow[] = (["logs", "traces", "metrics"] as const).flatMap((signal) =>
    runCore(signal, "json", new TextEncoder().encode(corpus[signal]), PIPELINE_WITHOUT_LIFTING)
      .flatMap((text) => text.split("\n"))
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line) as CorpusRow),
  );
  return corpusFigures(corpus.items, rows);
}
