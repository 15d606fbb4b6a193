import { describe, expect, it } from "vitest";
import { describeOutcome, invocationOutcome, outcomeSeverity, reportedOutcomeIfChanged } from "../../workers/tail/outcomes";

describe("the outcome the tail reports", () => {
  const thrown = [{ timestamp: 0, name: "Error", message: "cron failed" }];

  it.each(["ok", "canceled", "responseStreamDisconnected", "aborted"])(
    "is exception for a %s invocation that threw, keeping the runtime's outcome beside it",
    (outcome) => {
      const item = { outcome, exceptions: thrown };
      expect(invocationOutcome(item)).toBe("exception");
      expect(reportedOutcomeIfChanged(item)).toBe(outcome);
    },
  );

  it.each([
    ["ok", []],
    ["canceled", []],
    ["exception", thrown],
    ["exceededCpu", thrown],
    ["exceededMemory", []],
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
