import { parseJsonExactly } from "../decode/exact-json";

/**
 * Parses a log body as a JSON object, or says it is not one. Most bodies are plain text, so the
 * first non-blank character decides before JSON.parse is paid for. Integers past 2^53 come back
 * rounded: lifting meets them and asks for parseJsonObjectBodyExactly.
 */
export function parseJsonObjectBody(text: string): Record<string, unknown> | undefined {
  if (firstNonBlankCharCode(text) !== OPEN_BRACE) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  // A leading "{" can only parse to an object, but narrowing keeps that knowledge in the types.
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return undefined;
  return parsed as Record<string, unknown>;
}

/** The same text, already known to be a JSON object, with every integer exact (RawJsonNumbers). */
export function parseJsonObjectBodyExactly(text: string): Record<string, unknown> {
  return parseJsonExactly(text) as Record<string, unknown>;
}

const OPEN_BRACE = 0x7b;

/** The code of the first character that is not JSON whitespace, or -1 for a blank text. */
function firstNonBlankCharCode(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    // JSON's whitespace: space, tab, line feed, carriage return.
    if (char !== 0x20 && char !== 0x09 && char !== 0x0a && char !== 0x0d) return char;
  }
  return -1;
}
