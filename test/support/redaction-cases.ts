/**
 * The table-driven scaffolding the redaction tests share: one `it` per case, each asserting what
 * one redaction path (`redactString`'s text, a log body, an attribute's stored value, …) makes of
 * a text. Titles are `it.each`'s, so `%s` names the case's values.
 */
import { expect, it } from "vitest";

/** What a test's redaction path stores for `text`: a string, or whatever the path returns. */
export type StoredBy = (text: string) => unknown;

/** One test per `[text, stored]` case: `storedBy(text)` is exactly `stored`. */
export function itStores(title: string, storedBy: StoredBy, cases: readonly (readonly [string, string])[]): void {
  it.each(cases.map((pair) => [...pair]))(title, (text, stored) => {
    expect(storedBy(text)).toBe(stored);
  });
}

/** One test per text: `storedBy(text)` gives the text back exactly as sent. */
export function itKeeps(title: string, storedBy: StoredBy, texts: readonly string[]): void {
  it.each([...texts])(title, (text) => {
    expect(storedBy(text)).toBe(text);
  });
}

/** What a redaction returns: its text and the count of each kind it replaced (`redactString`'s shape). */
type Counted = (text: string) => { text: string; counts: Record<string, number> };

/** One test per `[text, stored]` case: `redact(text)` is exactly `stored`, with exactly `counts` counted. */
export function itStoresCounting(title: string, redact: Counted, counts: Record<string, number>, cases: readonly (readonly [string, string])[]): void {
  it.each(cases.map((pair) => [...pair]))(title, (text, stored) => {
    expect(redact(text)).toEqual({ text: stored, counts });
  });
}

/** One test per text: `redact(text)` gives the text back as sent, with nothing counted. */
export function itKeepsUncounted(title: string, redact: Counted, texts: readonly string[]): void {
  it.each([...texts])(title, (text) => {
    expect(redact(text)).toEqual({ text, counts: {} });
  });
}

/** `[text, stored]` cases for texts `name: value` stored as their name and one marker for the whole value (`password: [REDACTED:secret_param]`). */
export function wholeValuesReplaced(texts: readonly string[]): (readonly [string, string])[] {
  return texts.map((text) => [text, `${text.slice(0, text.indexOf(":"))}: [REDACTED:secret_param]`] as const);
}
