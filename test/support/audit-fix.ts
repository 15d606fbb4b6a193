import { expect } from "vitest";
import { fixDocument, type FixResult } from "../../audit/core/fix";
import { loadConfig } from "../../audit/core/load";

/**
 * The audit's `--fix` made on a wrangler file's text (`file`'s name says TOML or JSONC), after
 * checking that what it reports changing is exactly `changes`, in order (none when it leaves the
 * file to a person). The result is returned for the caller's checks of the text and audit.
 */
export function fixedReporting(file: string, text: string, changes: string[]): FixResult {
  const fixed = fixDocument(loadConfig(file, text));
  expect(fixed.changes).toEqual(changes);
  return fixed;
}
