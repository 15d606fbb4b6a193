/**
 * JSON numbers that a double cannot hold, kept digit for digit.
 *
 * OTLP/JSON lets every 64-bit field be a JSON number, and log lines carry ids like
 * `"payment_id":2305843009213693953`; `JSON.parse` rounds both to the nearest double. Parsing
 * exactly costs a reviver call per value, so callers parse with plain `JSON.parse` first and come
 * here only when a value proves inexact (an integer beyond ±(2^53 − 1)).
 *
 * The exact parse uses the JSON.parse source text access proposal (TC39 stage 3; V8 since 11.4,
 * so Node 22 and workerd): the reviver's third argument carries each primitive's source text,
 * and `JSON.rawJSON(text)` wraps it so that `JSON.stringify` writes it back verbatim.
 */

/** An integer too large for a double, as `JSON.rawJSON` wraps it: `rawJSON` is its source text. */
export interface RawJsonNumber {
  readonly rawJSON: string;
}

interface SourceTextJson {
  rawJSON(text: string): RawJsonNumber;
  isRawJSON(value: unknown): value is RawJsonNumber;
  parse(text: string, reviver: (key: string, value: unknown, context?: { source?: string }) => unknown): unknown;
}

const sourceTextJson = JSON as unknown as Partial<SourceTextJson>;

/** Whether this runtime can parse exactly; without it, integers past 2^53 stay rounded. */
export const EXACT_JSON_SUPPORTED =
  typeof sourceTextJson.rawJSON === "function" && typeof sourceTextJson.isRawJSON === "function";

/** True for a number JSON.parse may have rounded: an integer outside the safe range. */
export function isInexactInteger(value: number): boolean {
  return !Number.isSafeInteger(value) && Number.isInteger(value);
}

/**
 * True for a number whose source text a decoder needs: an inexact integer, or ±Infinity, which
 * is what JSON.parse makes of a magnitude past a double's range (`1e400`), so that the error
 * refusing it names the number as sent. Ordinary numbers fail the first test and cost nothing more.
 */
export function needsSourceText(value: number): boolean {
  return !Number.isSafeInteger(value) && (Number.isInteger(value) || !Number.isFinite(value));
}

/**
 * A reviver turning every number `isInexact` picks (by its value, source text and the member
 * name that holds it, `undefined` for an array's item) into a RawJsonNumber of its source text.
 */
function keepNumbers(isInexact: NumberPick) {
  return function (this: unknown, key: string, value: unknown, context?: { source?: string }): unknown {
    if (typeof value === "number" && context?.source !== undefined && isInexact(value, context.source, Array.isArray(this) ? undefined : key)) {
      return (JSON as unknown as SourceTextJson).rawJSON(context.source);
    }
    return value;
  };
}

/** Whether a number, by its value, its source text and its member's name (none for an array's item), keeps its text. */
export type NumberPick = (value: number, source: string, key: string | undefined) => boolean;

const keepNeededNumbers = keepNumbers(needsSourceText);

/**
 * `JSON.parse(text)`, except that every integer beyond ±(2^53 − 1), however it is spelled
 * (`2305843009213693953`, `1e21`), and every number past a double's range (`1e400`,
 * needsSourceText) becomes a RawJsonNumber holding its source text; with
 * `isInexact`, every number it picks, by its value and its source text, does (log lifting also
 * keeps `1e400`, which would be Infinity, and `0.12345678901234567891`, which a double rounds). Throws SyntaxError like JSON.parse. Without runtime support it is plain JSON.parse.
 */
export function parseJsonExactly(text: string, isInexact?: NumberPick): unknown {
  if (!EXACT_JSON_SUPPORTED) return JSON.parse(text);
  return (JSON as unknown as SourceTextJson).parse(text, isInexact === undefined ? keepNeededNumbers : keepNumbers(isInexact));
}

export function isRawJsonNumber(value: unknown): value is RawJsonNumber {
  return EXACT_JSON_SUPPORTED && typeof value === "object" && value !== null && sourceTextJson.isRawJSON!(value);
}

/**
 * Thrown by a decoder that met an inexact integer where every digit counts (an int64 field), or a
 * number past a double's range that it refuses naming as sent, while reading a plain `JSON.parse`
 * result: the caller parses again with parseJsonExactly and decodes the exact document. One
 * shared instance, since it carries no detail and is never shown.
 */
export class InexactNumberSignal extends Error {
  override readonly name = "InexactNumberSignal";
}

export const INEXACT_NUMBER = new InexactNumberSignal("an integer beyond 2^53 needs an exact parse");

/** A plain integer token: digits with an optional minus, no fraction or exponent. */
export const INTEGER_TOKEN = /^-?\d+$/;
