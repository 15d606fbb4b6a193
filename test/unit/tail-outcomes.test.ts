import { describe, expect, it } from "vitest";
import {
  describeOutcome,
  invocationOutcome,
  isClientDisconnectException,
  outcomeSeverity,
  reportedOutcomeIfChanged,
} from "../../workers/tail/outcomes";

describe("the outcome the tail reports", () => {
  const thrown = [{ timestamp: 0, name: "Error", message: "cron failed" }];
  const disconnect = { timestamp: 0, name: "Error", message: "Network connection lost." };

  it("is exception for an ok invocation that threw, keeping the runtime's ok beside it", () => {
    const item = { outcome: "ok", exceptions: thrown };
    expect(invocationOutcome(item)).toBe("exception");
    expect(reportedOutcomeIfChanged(item)).toBe("ok");
  });

  it.each(["canceled", "responseStreamDisconnected", "aborted"])(
    "is exception for %s beside an error other than the disconnect's own, keeping the ending beside it",
    (outcome) => {
      const item = { outcome, exceptions: [disconnect, { timestamp: 0, name: "TypeError", message: "x is undefined" }] };
      expect(invocationOutcome(item)).toBe("exception");
      expect(reportedOutcomeIfChanged(item)).toBe(outcome);
    },
  );

  it.each([
    ["ok", []],
    ["exception", thrown],
    ["exceededCpu", thrown],
    ["exceededMemory", []],
    ["canceled", [disconnect]],
    ["responseStreamDisconnected", [disconnect, disconnect]],
    ["aborted", []],
    ["someOutcomeFromTheFuture", thrown],
  ] as const)("is %s as reported, with nothing beside it, otherwise", (outcome, exceptions) => {
    expect(invocationOutcome({ outcome, exceptions })).toBe(outcome);
    expect(reportedOutcomeIfChanged({ outcome, exceptions })).toBeUndefined();
  });
});

describe("the exception a client going away leaves", () => {
  it("is workerd's Error for a lost connection, and nothing else", () => {
    expect(isClientDisconnectException({ name: "Error", message: "Network connection lost." })).toBe(true);
    for (const other of [
      { name: "TypeError", message: "Network connection lost." },
      { name: "Error", message: "The script will never generate a response." },
      { name: "Error", message: "Network connection lost. (retry)" },
      { name: "TypeError", message: "Cannot read properties of undefined (reading 'x')" },
    ]) {
      expect(isClientDisconnectException(other)).toBe(false);
    }
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
