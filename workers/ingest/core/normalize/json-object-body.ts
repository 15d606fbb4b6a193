import { parseJsonExactly } from "../decode/exact-json";
import { isJsonWhitespace } from "../decode/json/whitespace";
import { keepsNumberText } from "./json-to-attributes";
import { noteIfPastDoubleRange, type LiftNotes } from "./lift-notes";

/**
 * Parses a log body as a JSON object, or says it is not one. Most bodies are plain text, so the
 * first non-blank character decides before JSON.parse is paid for. Integers past 2^53 come back
 * rounded: lifting meets them and asks for parseJsonObjectBodyExactly.
 */
export function parseJsonObjectBody(text: string): Record<string, unknown> | undefined {
  // A JSON object text also ends with "}": lines like `{id} done` are told apart without the
  // thrown SyntaxError, which costs more than the parse (it captures a stack trace).
  if (firstNonBlankCharCode(text) !== OPEN_BRACE || lastNonBlankCharCode(text) !== CLOSE_BRACE) return undefined;
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

/**
 * The same text, already known to be a JSON object, with every number a double cannot give back
 * as written (keepsNumberText) kept as a RawJsonNumber of its digits; `notes` counts those past
 * a double's range (isPastDoubleRange). Every such number comes here: JSON.parse's ±Infinity
 * and underflowed 0 send the lift to this parse.
 */
export function parseJsonObjectBodyExactly(text: string, notes?: LiftNotes): Record<string, unknown> {
  if (notes === undefined) return parseJsonExactly(text, keepsNumberText) as Record<string, unknown>;
  return parseJsonExactly(text, (value, source, key) => {
    if (!keepsNumberText(value, source)) return false;
    noteIfPastDoubleRange(notes, value, source, key);
    return true;
  }) as Record<string, unknown>;
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/** The code of the first character that is not JSON whitespace, or -1 for a blank text. */
export function firstNonBlankCharCode(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (!isJsonWhitespace(char)) return char;
  }
  return -1;
}

/** The code of the last character that is not JSON whitespace, or -1 for a blank text. */
export function lastNonBlankCharCode(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) {
    const char = text.charCodeAt(i);
    if (!isJsonWhitespace(char)) return char;
  }
  return -1;
}
