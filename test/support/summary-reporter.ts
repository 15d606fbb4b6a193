import type { Reporter, SerializedError, TestModule } from "vitest/node";

/** What `summaryLine` reads of a test file: its tests' states and the errors outside them. */
export interface ModuleOutcome {
  children: {
    allTests(): Iterable<{ result(): { state: string } }>;
    allSuites(): Iterable<{ errors(): readonly unknown[] }>;
  };
  errors(): readonly unknown[];
}

/**
 * The run's one plain line: `N passed, N failed` (`, N skipped` when any were), then what failed
 * outside any test, each only when it happened: the files or suites whose hook or import failed
 * (a `beforeAll` that throws leaves its tests skipped, not failed, so `0 failed` alone would read
 * as a green run) and vitest's unhandled errors.
 */
export function summaryLine(testModules: readonly ModuleOutcome[], unhandledErrors: readonly unknown[]): string {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let failedOutsideTests = 0;
  for (const testModule of testModules) {
    for (const test of testModule.children.allTests()) {
      const state = test.result().state;
      if (state === "passed") passed++;
      else if (state === "failed") failed++;
      else skipped++;
    }
    if (testModule.errors().length > 0) failedOutsideTests++;
    for (const suite of testModule.children.allSuites()) if (suite.errors().length > 0) failedOutsideTests++;
  }
  const skippedPart = skipped > 0 ? `, ${skipped} skipped` : "";
  const outsidePart = failedOutsideTests > 0 ? `, ${failedOutsideTests} failed outside their tests (a hook or an import)` : "";
  const unhandledPart = unhandledErrors.length > 0 ? `, ${unhandledErrors.length} unhandled errors` : "";
  return `${passed} passed, ${failed} failed${skippedPart}${outsidePart}${unhandledPart}`;
}

/** Ends the run with `summaryLine`, which any CI log reader understands, after vitest's own summary. */
export default class SummaryLineReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    process.stdout.write(`\n${summaryLine(testModules, unhandledErrors)}\n`);
  }
}
