/**
 * The run's last line: a set-up (`beforeAll`) that throws leaves its tests skipped, and the line
 * once read `0 failed` for a run vitest itself called failed.
 */
import { describe, expect, it } from "vitest";
import { summaryLine, type ModuleOutcome } from "../support/summary-reporter";

/** A test file whose tests ended in `states`, with `moduleErrors` and each suite's errors outside them. */
function module(states: string[], moduleErrors: unknown[] = [], suiteErrors: unknown[][] = []): ModuleOutcome {
  return {
    children: {
      allTests: () => states.map((state) => ({ result: () => ({ state }) })),
      allSuites: () => suiteErrors.map((errors) => ({ errors: () => errors })),
    },
    errors: () => moduleErrors,
  };
}

describe("summaryLine", () => {
  it("counts passed, failed and skipped tests", () => {
    expect(summaryLine([module(["passed", "passed"]), module(["failed", "skipped", "pending"])], [])).toBe(
      "2 passed, 1 failed, 2 skipped",
    );
  });

  it("names a file's and a suite's failed set-up, whose tests are only skipped", () => {
    const hookFailed = module(["skipped", "skipped"], [new Error("file set-up failed")]);
    const suiteHookFailed = module(["passed", "skipped"], [], [[], [new Error("set-up failed")]]);
    expect(summaryLine([hookFailed, suiteHookFailed], [])).toBe(
      "1 passed, 0 failed, 3 skipped, 2 failed outside their tests (a hook or an import)",
    );
  });

  it("names vitest's unhandled errors", () => {
    expect(summaryLine([module(["passed"])], [new Error("late rejection")])).toBe("1 passed, 0 failed, 1 unhandled errors");
  });
});
