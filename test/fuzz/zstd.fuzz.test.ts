/**
 * Mutated zstd bodies (recorded frames of the reference encoder, bit flips, cuts, splices, huge
 * lengths) through the zstd decoding of request bodies: each must decode within the limit or be
 * refused with 400 or 413, never anything else (no decoder exception escaping, no output past
 * the limit). Reproduce a failure with the seed it prints: `FUZZ_SEED=<seed> FUZZ_CASES=1 npx
 * vitest run test/fuzz/zstd.fuzz.test.ts`.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { HttpError } from "../../workers/ingest/http/errors";
import { decompressZstd } from "../../workers/ingest/http/zstd";
import { describeInput, mutate } from "./mutate";

const BASE_SEED = Number(process.env.FUZZ_SEED ?? 0x2575_0001);
const CASES = Number(process.env.FUZZ_CASES ?? 1500);
const LIMIT = 256 * 1024;

const corpus = ["logs.json.zst", "logs.pb.zst", "two-frames.pb.zst"].map(
  (name) => new Uint8Array(readFileSync(new URL(`../fixtures/zstd/${name}`, import.meta.url))),
);

describe("zstd request bodies, mutated", () => {
  it(`decode within the limit or are refused with 400 or 413 (${CASES} cases)`, () => {
    const outcomes = { decoded: 0, refused: 0 };
    for (let i = 0; i < CASES; i++) {
      const input = mutate(BASE_SEED + i, corpus, false);
      try {
        const out = decompressZstd(input.body, LIMIT);
        expect(out.length, `seed ${BASE_SEED + i}: ${input.steps.join(", ")}; ${describeInput(input.body)}`).toBeLessThanOrEqual(LIMIT);
        outcomes.decoded++;
      } catch (error) {
        const what = `seed ${BASE_SEED + i}: ${input.steps.join(", ")}; ${describeInput(input.body)}`;
        expect(error, what).toBeInstanceOf(HttpError);
        expect([400, 413], what).toContain((error as HttpError).status);
        outcomes.refused++;
      }
    }
    // Both sides are reached: mutations neither all pass nor all fail.
    expect(outcomes.decoded).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });
});
