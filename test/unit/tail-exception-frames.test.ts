import { describe, expect, it } from "vitest";
import { hasOwnFrame } from "../../workers/tail/exception-frames";
import { translateLogs } from "../../workers/tail/translate-logs";
import type { TailTraceItem } from "../../workers/tail/trace-item";
import { attributeMap, loadTraceItems } from "../fixtures/trace-items/index";

// Stacks as workerd reports them to a Tail Worker (recorded with miniflare's `tails`).
describe("hasOwnFrame: whether an exception shows where the invocation's own code made it", () => {
  it("is true for a frame that threw, whatever continuations follow", () => {
    expect(hasOwnFrame("    at Object.fetch (script-0:1:36)")).toBe(true);
    expect(hasOwnFrame("    at Shelf.fetch (script-1:2:68)")).toBe(true);
    expect(hasOwnFrame("TypeError: x\n    at parse (index.js:3:9)\n    at async Object.fetch (index.js:9:1)")).toBe(true);
  });

  it("is false for a caller's copy of a callee's exception: only await continuations, or no stack", () => {
    // `await env.BACK.fetch(…)` or `await stub.fetch(…)` whose callee threw.
    expect(hasOwnFrame("    at async Object.fetch (script-1:5:35)")).toBe(false);
    expect(hasOwnFrame("Error: back failed\n    at async Object.fetch (script-0:4:17)")).toBe(false);
    // `return env.BACK.fetch(…)`, and a thrown non-Error.
    expect(hasOwnFrame(undefined)).toBe(false);
    expect(hasOwnFrame("")).toBe(false);
    // A message line that merely mentions "at" is no frame.
    expect(hasOwnFrame("Error: failed at checkout\n    at async Object.fetch (index.js:9:1)")).toBe(false);
  });
});

describe("the tail's exception records", () => {
  const item = loadTraceItems("fetch-exception")[0]!;
  const ownFrameOf = (stack: string | undefined) => {
    const exception = { ...item.exceptions[0]!, stack };
    const traced: TailTraceItem = { ...item, exceptions: [exception], logs: [] };
    const { request } = translateLogs([traced], { captureLevels: new Set(["error"]), serviceNameFallback: "w" }, 1777190460000);
    const [record] = request.resourceLogs[0]!.scopeLogs[0]!.logRecords;
    return attributeMap(record!.attributes)["cloudflare.exception.own_frame"];
  };

  it("carry cloudflare.exception.own_frame, false where the stack holds no frame of the invocation's own", () => {
    expect(ownFrameOf("    at Object.fetch (index.js:45:20)")).toBe("true");
    expect(ownFrameOf("    at async Object.fetch (script-1:5:35)")).toBe("false");
    expect(ownFrameOf(undefined)).toBe("false");
  });
});
