/**
 * The two kinds of structured log body lifting reads, behind one face: a string body holding a
 * JSON object, and a `kvlistValue` body (what OpenTelemetry log bridges send for a logged
 * object). Lifting asks each for a few named members and then flattens the rest.
 */
import type { AnyValue, KeyValue } from "../../../shared/otlp/model";
import { appendJsonAsAttributes, appendKvlistAsAttributes, INEXACT_NUMBERS, PrintBackCheck, type TakenKeys } from "./json-to-attributes";

export interface BodyFields {
  /** The top-level member `key` when it is a string or a number that is exact, else undefined. */
  scalar(key: string): string | number | undefined;
  /**
   * Flattens every top-level member not in `consumed` into `taken.attributes` (the first writer
   * of a key wins; `taken.lost` says a value was left out); returns the first request-id
   * alias's value (a non-empty string or an integer: requestIdValue), if any.
   */
  appendAttributes(maxDepth: number, consumed: readonly string[], taken: TakenKeys): AnyValue | undefined;
}

export class JsonObjectFields implements BodyFields {
  /**
   * `exact`: the object came from the exact parse (parseJsonObjectBodyExactly) of `text`, whose
   * RawJsonNumbers already hold every number to keep as written; else from JSON.parse, whose
   * numbers that may not print back (PrintBackCheck) ask for the exact parse (INEXACT_NUMBER).
   */
  constructor(
    private readonly object: Record<string, unknown>,
    private readonly exact: boolean,
    private readonly text: string,
  ) {}

  scalar(key: string): string | number | undefined {
    const value = this.object[key];
    return typeof value === "string" || (typeof value === "number" && Number.isSafeInteger(value)) ? value : undefined;
  }

  appendAttributes(maxDepth: number, consumed: readonly string[], taken: TakenKeys): AnyValue | undefined {
    return appendJsonAsAttributes(this.object, maxDepth, consumed, taken, this.exact ? INEXACT_NUMBERS : new PrintBackCheck(this.text));
  }
}

export class KvlistFields implements BodyFields {
  constructor(private readonly entries: readonly KeyValue[]) {}

  /** pdata's Map.Get: the first entry with the key. */
  private get(key: string): AnyValue | undefined {
    for (const entry of this.entries) if (entry.key === key) return entry.value;
    return undefined;
  }

  scalar(key: string): string | number | undefined {
    const value = this.get(key);
    if (value === undefined) return undefined;
    if ("stringValue" in value) return value.stringValue;
    if ("intValue" in value) {
      const n = Number(value.intValue);
      return Number.isSafeInteger(n) ? n : undefined;
    }
    return undefined;
  }

  appendAttributes(maxDepth: number, consumed: readonly string[], taken: TakenKeys): AnyValue | undefined {
    return appendKvlistAsAttributes(this.entries, maxDepth, consumed, taken);
  }
}
