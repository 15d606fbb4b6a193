import { describe, expect, it } from "vitest";
import { describeOutcome, invocationOutcome, outcomeSeverity, reportedOutcomeIfChanged } from "../../workers/tail/outcomes";

describe("the outcome the tail reports", () => {
  const thrown = [{ timestamp: 0, name: "Error", message: "cron failed" }];

  it("is exception for an ok invocation that threw, keeping the runtime's ok beside it", () => {
    const item = { outcome: "ok", exceptions: thrown };
    expect(invocationOutcome(item)).toBe("exception");
    expect(reportedOutcomeIfChanged(item)).toBe("ok");
  });

  it.each([
    ["ok", []],
    ["exception", thrown],
    ["exceededCpu", thrown],
    ["exceededMemory", []],
    ["canceled", thrown],
    ["someOutcomeFromTheFuture", thrown],
  ] as const)("is %s as reported, with nothing beside it, otherwise", (outcome, exceptions) => {
    expect(invocationOutcome({ outcome, exceptions })).toBe(outcome);
    expect(reportedOutcomeIfChanged({ outcome, exceptions })).toBeUndefined();
  });
});

describe("outcome severity", () => {
  it.each(["canceled", "responseStreamDisconnected", "aborted"])("%s ends on the client's side: INFO", (outcome) => {
    expect(outcomeSeverity(outcome)).toEqual({ number: 9, text: "INFO" });
  });

  it.each([
    "exception",
    "exceededCpu",
    "exceededMemory",
    "exceededWallTime",
    "scriptNotFound",
    "killSwitch",
    "daemonDown",
    "loadShed",
    "internalError",
    "unknown",
    "someOutcomeFromTheFuture",
  ])("%s is an ERROR", (outcome) => {
    expect(outcomeSeverity(outcome)).toEqual({ number: 17, text: "ERROR" });
  });
});

describe("outcome description", () => {
  it("is a specific sentence for every documented outcome", () => {
    const outcomes = [
      "exception",
      "exceededCpu",
      "exceededMemory",
      "exceededWallTime",
      "scriptNotFound",
      "killSwitch",
      "daemonDown",
      "loadShed",
      "internalError",
      "canceled",
      "responseStreamDisconnected",
      "aborted",
      "unknown",
    ];
    const sentences = outcomes.map(describeOutcome);
    for (const sentence of sentences) {
      expect(sentence).toMatch(/^[A-Z].+\.$/);
      expect(sentence).not.toContain("does not know");
    }
    expect(new Set(sentences).size).toBe(outcomes.length);
  });

  it("names an unknown outcome so it can be looked up", () => {
    expect(describeOutcome("exceededFoo")).toContain('"exceededFoo"');
  });
});
