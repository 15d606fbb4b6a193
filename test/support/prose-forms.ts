/**
 * A prose line's forms through the core, for the password sentence tests: as plain text
 * (`redactString`), as a log attribute's text, and as a JSON body's message, a pino line and a
 * Cloudflare console line.
 */
import { expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { exportedConsoleLine, redactedLogBody, storedLogAttribute } from "./redaction";
import { itKeeps, itStores } from "./redaction-cases";

const policy = defaultRedactionPolicy();
/** `line` as plain text stores it. */
export const text = (line: string): string => redactString(line, policy).text;
/** `line` as a log attribute's string stores it (the stored value, or the stored shape when no string). */
export const attribute = (line: string): unknown => {
  const kept = storedLogAttribute("event.detail", { stringValue: line });
  return "stringValue" in kept ? kept.stringValue : kept;
};

/** Every string a line is stored as in the forms beyond plain text: a JSON body's message, a pino line and a Cloudflare console line, each through the core. */
export function storedForms(line: string): string {
  return JSON.stringify([
    redactedLogBody(JSON.stringify({ msg: line })),
    exportedConsoleLine(JSON.stringify({ level: 30, time: 1796000000000, pid: 1, hostname: "h", msg: line })),
    exportedConsoleLine(JSON.stringify({ message: line, level: "error" })),
    exportedConsoleLine(`2026-12-04T21:00:00.000Z ERROR ${line}`),
  ]);
}

/** Each `[line, stored]` case stored as said in text and as an attribute's text, and its secret (`secretOf`) gone from the other forms. */
export function itStoresInEveryForm(cases: readonly (readonly [string, string])[], secretOf: (line: string) => string): void {
  itStores("%s is stored as %s", text, cases);
  itStores("as an attribute's text, %s is stored as %s", attribute, cases);
  it.each(cases.map(([line]) => line))("a JSON body, a pino line and a console line lose the password too: %s", (line) => {
    expect(storedForms(line)).not.toContain(secretOf(line));
  });
}

/** Each line kept in text, as an attribute's text and in the other forms. */
export function itKeepsInEveryForm(title: string, lines: readonly string[]): void {
  itKeeps(`${title}: %s`, text, lines);
  itKeeps("as an attribute's text too: %s", attribute, lines);
  it.each(lines)("a JSON body, a pino line and a console line keep it too: %s", (line) => {
    expect(storedForms(line)).not.toContain("[REDACTED");
  });
}
