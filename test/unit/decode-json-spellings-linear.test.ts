/**
 * A JSON object repeating one field under many spellings (`attributes`, `Attributes`,
 * `aTtributes`, …) is read in time linear in its keys and values: each spelling's list is pushed
 * once into the one list kept, and the object's keys are walked a fixed number of times, not once
 * per spelling (which made a 612 KB request of 10,239 spellings cost seconds of CPU).
 *
 * The work is counted, not timed: the object and each list are proxies counting every property
 * read, key listing and descriptor lookup, so the test cannot fail by a machine's load. Four
 * times the spellings must cost about four times the steps (quadratic work would cost sixteen).
 */
import { describe, expect, it } from "vitest";
import { messageFields, readOtherFields } from "../../workers/ingest/core/decode/json/common";
import { emptyDecodeNotes, withDecodeNotesIn } from "../../workers/ingest/core/decode/decode-notes";
import type { JsonObject } from "../../workers/ingest/core/decode/json/values";

const FIELDS = messageFields("attributes", "severityText");

/** The first `n` spellings of `word` differing only in letter case (`attributes`, `Attributes`, `aTtributes`, …). */
function spellings(word: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => [...word.toLowerCase()].map((letter, j) => ((i >> j) & 1 ? letter.toUpperCase() : letter)).join(""));
}

/** `target` behind a proxy adding one to `steps.count` for each property read, key listing or descriptor lookup. */
function counted<T extends object>(target: T, steps: { count: number }): T {
  return new Proxy(target, {
    get(t, key, receiver) {
      steps.count++;
      return Reflect.get(t, key, receiver);
    },
    ownKeys(t) {
      steps.count++;
      return Reflect.ownKeys(t);
    },
    getOwnPropertyDescriptor(t, key) {
      steps.count++;
      return Reflect.getOwnPropertyDescriptor(t, key);
    },
  });
}

/** The steps readOtherFields takes on an object sending `field` under `n` spellings, and what it keeps. */
function stepsFor(field: string, n: number, value: (i: number) => unknown): { steps: number; kept: unknown } {
  const steps = { count: 0 };
  const o: Record<string, unknown> = {};
  spellings(field, n).forEach((key, i) => {
    const v = value(i);
    o[key] = Array.isArray(v) ? counted(v, steps) : v;
  });
  const proxy = counted(o, steps) as JsonObject;
  withDecodeNotesIn(emptyDecodeNotes(), () => readOtherFields(proxy, FIELDS));
  return { steps: steps.count, kept: o[field] };
}

describe("a field repeated under many spellings", () => {
  it("joins n spellings' lists in steps linear in n, keeping every item in the sender's order", () => {
    const list = (i: number) => [{ key: `a${i}`, value: { stringValue: "v" } }];
    const small = stepsFor("attributes", 200, list);
    const large = stepsFor("attributes", 800, list);
    expect((large.kept as { key: string }[]).map((kv) => kv.key)).toEqual(Array.from({ length: 800 }, (_, i) => `a${i}`));
    expect(large.steps / small.steps).toBeLessThan(5);
  });

  it("keeps the exact spelling's value of n spellings of a scalar, else the first, in steps linear in n", () => {
    const small = stepsFor("severityText", 200, (i) => `v${i}`);
    const large = stepsFor("severityText", 800, (i) => `v${i}`);
    // Spelling 256 is the exact `severityText`: the 799 others only fill what it left unset.
    expect(large.kept).toBe("v256");
    expect(small.kept).toBe("v0");
    expect(large.steps / small.steps).toBeLessThan(5);
  });
});
