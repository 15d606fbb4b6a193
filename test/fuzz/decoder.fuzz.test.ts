/**
 * Random, mutated and hostile bodies at the decoder and at the whole pure pipeline, for every
 * signal and encoding: each call must return or throw OtlpDecodeError (which the Worker
 * answers with a 4xx), never anything else, redact every text without a fault (one would be
 * contained to its text, failures.ts, and is a bug all the same), and finish within a time bound.
 *
 * Reproduce a failure with the seed it prints: `FUZZ_SEED=<seed> FUZZ_CASES=1 npx vitest run
 * test/fuzz/decoder.fuzz.test.ts`. FUZZ_CASES raises the case count for a longer session.
 */
import { describe, expect, it } from "vitest";
import type { Signal } from "../../workers/shared/otlp/model";
import { parseIngestConfig } from "../../workers/ingest/config";
import { OtlpDecodeError, decodeRequest, type RequestEncoding } from "../../workers/ingest/core/decode";
import { prepareExport } from "../../workers/ingest/core/pipeline";
import { logsPayload, metricsPayload, tracesPayload, type Payload } from "../support/otlp-payloads";
import { describeInput, hostileInputs, mutate, randomInput, type FuzzInput } from "./mutate";

const BASE_SEED = Number(process.env.FUZZ_SEED ?? 0x5eed_0001);
const MUTATED_CASES = Number(process.env.FUZZ_CASES ?? 1500);
const RANDOM_CASES = Math.ceil(MUTATED_CASES / 5);
/**
 * A hang guard, not a speed test: inputs are a few KB, so a call takes well under a millisecond,
 * and only a super-linear path (or a hang) comes near this even on a loaded 2-core CI machine
 * where a GC pause or a descheduled worker can stall a single call for a few hundred ms.
 */
const MAX_MS_PER_CALL = 1500;

const SIGNALS: readonly Signal[] = ["logs", "traces", "metrics"];
const ENCODINGS: readonly RequestEncoding[] = ["json", "protobuf"];
const PAYLOADS: Record<Signal, (options: { records: number; seed: number }) => Promise<Payload>> = {
  logs: logsPayload,
  traces: tracesPayload,
  metrics: metricsPayload,
};

const pipeline = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true" }).pipeline;

interface Outcome {
  result: "ok" | "refused";
}

/** Runs one input; returns how it ended, or throws an assertion naming the seed and input. */
function check(signal: Signal, encoding: RequestEncoding, input: FuzzInput, label: string): Outcome {
  const started = performance.now();
  let result: Outcome["result"] = "ok";
  const where = () => `${signal}/${encoding} ${label} [${input.steps.join("; ")}] ${describeInput(input.body)}`;
  for (const run of [
    () => decodeRequest(signal, encoding, input.body),
    () => {
      // A redaction fault is contained to its text (failures.ts), so it is looked for here.
      const failed = prepareExport(signal, encoding, input.body, pipeline, "1700000000000000000").redactions.failed;
      if (failed !== undefined) throw new Error(`redaction failed on ${failed.count} texts: ${JSON.stringify(failed.first)}`);
    },
  ]) {
    try {
      run();
    } catch (error) {
      if (!(error instanceof OtlpDecodeError)) {
        throw new Error(`${where()}: threw ${String(error)}`, { cause: error });
      }
      expect(error.message, where()).not.toBe("");
      result = "refused";
    }
  }
  const elapsed = performance.now() - started;
  expect(elapsed, `${where()}: took ${elapsed.toFixed(1)} ms`).toBeLessThan(MAX_MS_PER_CALL);
  return { result };
}

async function corpusFor(signal: Signal, encoding: RequestEncoding): Promise<Uint8Array[]> {
  const payloads = await Promise.all([1, 2, 3].map((seed) => PAYLOADS[signal]({ records: 1 + seed * 2, seed })));
  return payloads.map((payload) => payload[encoding]);
}

describe("decoder fuzz", () => {
  for (const signal of SIGNALS) {
    for (const encoding of ENCODINGS) {
      it(`${signal} as ${encoding}: mutated, random and hostile bodies return or throw OtlpDecodeError`, async () => {
        const corpus = await corpusFor(signal, encoding);
        const tally = { ok: 0, refused: 0 };
        const json = encoding === "json";
        // Distinct seed ranges per signal and encoding, so every pair sees different inputs.
        const base = BASE_SEED + (SIGNALS.indexOf(signal) * 2 + ENCODINGS.indexOf(encoding)) * 1_000_000;
        for (let i = 0; i < MUTATED_CASES; i++) {
          const seed = base + i;
          tally[check(signal, encoding, mutate(seed, corpus, json), `seed ${seed} (mutated)`).result]++;
        }
        for (let i = 0; i < RANDOM_CASES; i++) {
          const seed = base + 500_000 + i;
          tally[check(signal, encoding, randomInput(seed), `seed ${seed} (random)`).result]++;
        }
        for (const input of hostileInputs(json)) {
          tally[check(signal, encoding, input, "hostile").result]++;
        }
        // Both outcomes must occur, or the mutations are too weak (or too strong) to mean much.
        expect(tally.ok).toBeGreaterThan(MUTATED_CASES / 20);
        expect(tally.refused).toBeGreaterThan(MUTATED_CASES / 20);
      });
    }
  }
});
