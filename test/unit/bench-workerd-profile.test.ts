import { describe, expect, it } from "vitest";
import { attributeSamples, type CpuProfile } from "../../bench/workerd-profile";

/** An unminified bundle as wrangler writes it: each module opens with a `// path` line. */
const BUNDLE = [
  "// workers/ingest/core/decode/json/index.ts", // line 0
  "function decodeJsonRequest(signal, body) {",
  "  return decodeDocument(signal, JSON.parse(text));",
  "}",
  "// workers/ingest/core/rows/serialize.ts", // line 4
  "function serializeRowsSized(plan, rows) {",
  "  out += previousEncodings[i];",
  "}",
].join("\n");

/** root → decodeJsonRequest → JSON.parse (native); root → serializeRowsSized; root → (garbage collector), (idle). */
const PROFILE: CpuProfile = {
  nodes: [
    { id: 1, callFrame: { functionName: "(root)", url: "", lineNumber: -1 }, children: [2, 4, 5, 6] },
    { id: 2, callFrame: { functionName: "decodeJsonRequest", url: "index.js", lineNumber: 1 }, children: [3], positionTicks: [{ line: 3, ticks: 1 }] },
    { id: 3, callFrame: { functionName: "parse", url: "", lineNumber: -1 } },
    { id: 4, callFrame: { functionName: "serializeRowsSized", url: "index.js", lineNumber: 5 }, positionTicks: [{ line: 7, ticks: 2 }, { line: 6, ticks: 1 }] },
    { id: 5, callFrame: { functionName: "(garbage collector)", url: "", lineNumber: -1 } },
    { id: 6, callFrame: { functionName: "(idle)", url: "", lineNumber: -1 } },
  ],
  samples: [2, 3, 3, 3, 4, 4, 4, 5, 6, 6],
  timeDeltas: [50, 50, 50, 50, 50, 50, 50, 50, 50, 900],
};

describe("the workerd profile's attribution", () => {
  const { stages, functions, lines } = attributeSamples(PROFILE, BUNDLE, 2);

  it("puts each sample down to the stage of its module, a native call to its caller's, per request", () => {
    // Four samples in decode (one its own, three in JSON.parse), three in serialize, one GC, of 50 µs each, over 2 requests.
    expect(stages).toEqual([
      { stage: "decode", us: 100 },
      { stage: "serialize (JSONEachRow)", us: 75 },
      { stage: "garbage collection", us: 25 },
    ]);
    expect(functions).toEqual([
      { stage: "decodeJsonRequest  workers/ingest/core/decode/json/index.ts", us: 100 },
      { stage: "serializeRowsSized  workers/ingest/core/rows/serialize.ts", us: 75 },
    ]);
  });

  it("lists lines of the bundle by module and line in it (positionTicks count from 1), and a native call by name under its caller", () => {
    expect(lines).toEqual([
      { stage: "parse called by decodeJsonRequest  workers/ingest/core/decode/json/index.ts:1  function decodeJsonRequest(signal, body) {", us: 75 },
      { stage: "workers/ingest/core/rows/serialize.ts:2  out += previousEncodings[i];", us: 50 },
      { stage: "workers/ingest/core/decode/json/index.ts:2  return decodeDocument(signal, JSON.parse(text));", us: 25 },
      { stage: "workers/ingest/core/rows/serialize.ts:1  function serializeRowsSized(plan, rows) {", us: 25 },
    ]);
  });
});

describe("the workerd profile of a minified build", () => {
  it("is refused: without module markers no sample could be put down to a stage", () => {
    const minified = 'function a(e,t){return b(e,JSON.parse(t))}function c(e,t){o+=p[i]}';
    expect(() => attributeSamples(PROFILE, minified, 2)).toThrow(/no `\/\/ path` module markers: profile an unminified build/);
  });
});
