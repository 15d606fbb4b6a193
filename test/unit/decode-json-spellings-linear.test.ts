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
import { anyValue, messageFields, readOtherFields } from "../../workers/ingest/core/decode/json/common";
import { emptyDecodeNotes, withDecodeNotesIn } from "../../workers/ingest/core/decode/decode-notes";
import type { JsonObject } from "../../workers/ingest/core/decode/json/values";

const FIELDS = messageFields("attributes", "severityText");

/**
 * The first `n` spellings of `word` differing only in letter case (`attributes`, `Attributes`,
 * `aTtributes`, …), then in case and leading `_` (`_scope`, `_Scope`, …, `__scope`) once the
 * cases run out.
 */
function spellings(word: string, n: number): string[] {
  const cases = 2 ** word.length;
  return Array.from(
    { length: n },
    (_, i) => "_".repeat(Math.floor(i / cases)) + [...word.toLowerCase()].map((letter, j) => (((i % cases) >> j) & 1 ? letter.toUpperCase() : letter)).join(""),
  );
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

/**
 * The steps of reading `exact`'s message beside n − 1 other spellings of it (spellings), the
 * i-th holding a member `${member}${i}` no spelling before it held: the message read grows by one
 * member per spelling, so a filling that walked it each time would cost n² steps. Each message is
 * counted too. `read` reads the object (a message's fields, or an AnyValue); answers what `exact`
 * holds after.
 */
function stepsForGrowingMessage(
  exact: string,
  n: number,
  member: string,
  first: Record<string, unknown>,
  read: (o: JsonObject) => void,
): { steps: number; kept: Record<string, unknown> } {
  const steps = { count: 0 };
  const o: Record<string, unknown> = { [exact]: counted(first, steps) };
  spellings(exact, n + 1)
    .filter((key) => key !== exact)
    .slice(0, n - 1)
    .forEach((key, i) => (o[key] = counted({ [`${member}${i}`]: 1 }, steps)));
  withDecodeNotesIn(emptyDecodeNotes(), () => read(counted(o, steps) as JsonObject));
  return { steps: steps.count, kept: o[exact] as Record<string, unknown> };
}

describe("a message under many spellings, each adding a member", () => {
  it.each([
    { exact: "scope", fields: messageFields("scope"), first: { name: "s" } },
    { exact: "body", fields: messageFields("body"), first: { stringValue: "v" } },
  ])("fills $exact's message from n spellings in steps linear in n", ({ exact, fields, first }) => {
    const small = stepsForGrowingMessage(exact, 200, "x", { ...first }, (o) => readOtherFields(o, fields));
    const large = stepsForGrowingMessage(exact, 800, "x", { ...first }, (o) => readOtherFields(o, fields));
    expect(Object.keys(large.kept)).toEqual([...Object.keys(first), ...Array.from({ length: 799 }, (_, i) => `x${i}`)]);
    expect(large.steps / small.steps).toBeLessThan(5);
  });

  it("fills a kvlistValue from n spellings of the member in steps linear in n, its values kept", () => {
    const first = () => ({ values: [{ key: "a", value: { stringValue: "v" } }] });
    let value: unknown;
    const small = stepsForGrowingMessage("kvlistValue", 200, "z", first(), (o) => anyValue(o, 0));
    const large = stepsForGrowingMessage("kvlistValue", 800, "z", first(), (o) => (value = anyValue(o, 0)));
    expect(value).toEqual({ kvlistValue: [{ key: "a", value: { stringValue: "v" } }] });
    expect(Object.keys(large.kept)).toHaveLength(800);
    expect(large.steps / small.steps).toBeLessThan(5);
  });
});
