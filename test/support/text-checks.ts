import { expect } from "vitest";

/** Checks that `text` (a file written, a command's output) holds each fragment, one assertion apiece. */
export function expectContainsEach(text: string, fragments: readonly string[]): void {
  for (const fragment of fragments) expect(text).toContain(fragment);
}
