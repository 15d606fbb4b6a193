/**
 * Keys sent twice in one JSON object, read as the OpenTelemetry Collector reads them.
 *
 * `JSON.parse` keeps only the last value of a key that occurs twice in an object. The Collector's
 * OTLP/JSON reader (pdata's internal/json) reads every occurrence into the same message: a
 * repeated field appends (`"logRecords":[A],"logRecords":[B]` holds A then B), a message field
 * is read into again (its own fields by the same rules), a scalar's last value wins. A sender
 * that writes its lists in pieces (a streaming writer flushing one chunk at a time) means all of
 * them, so they are joined here as the Collector joins them.
 *
 * Finding repeated keys in every request would cost a second parse. Instead, the decoder counts
 * the repeated fields it reads as arrays (`listsRead`) and the depth check's pass over the bytes
 * counts the arrays the text opens (`[` outside strings, limits/json-depth.ts), at no cost of its
 * own; only when the counts differ is the text parsed again here, with repeated keys joined. In
 * an OTLP/JSON document every array is a repeated field's value, so the counts differ exactly
 * when a list was lost to a repeated key, or for an array the decoder does not read (a pre-1.0
 * scope list beside a current one, an unknown field's array); the text is then parsed again for
 * nothing, and the first decode stands. A key written with escapes (`"log\u0052ecords"`) is
 * caught too: its array is counted in the text whatever the key's spelling.
 */

import { EXACT_JSON_SUPPORTED, needsSourceText } from "../exact-json";
import { readJsonMembers, TOO_DEEP, type JsonBuilder } from "./member-reader";

/**
 * `text` (a document JSON.parse accepted) parsed with every key sent twice in one object read
 * as the Collector reads it: two arrays joined in document order, two objects merged by these
 * same rules, a `null` after an array or object read as nothing to add (the Collector's empty
 * list or message), anything else the last value. Integers beyond ±(2^53 − 1) and numbers past
 * a double's range keep their source text as parseJsonExactly keeps them (exact-json.ts).
 * Answers `undefined` when no key occurs twice in an object: the plain parse is then the
 * document, and also for a document nested deeper than MAX_NESTING (member-reader.ts), which
 * this reader does not follow (the pipeline's depth check refuses such a body before it is
 * decoded; a caller without it keeps its first decode and its error).
 */
export function parseJoiningRepeatedKeys(text: string): unknown {
  const builder = new JoiningBuilder();
  const document = readJsonMembers(text, builder);
  return document !== TOO_DEEP && builder.repeated ? document : undefined;
}

type JsonRecord = Record<string, unknown>;

const rawJson = (JSON as unknown as { rawJSON(text: string): unknown }).rawJSON;

/** Builds what JSON.parse builds, joining a key's occurrences (joined) and noting that one repeated. */
class JoiningBuilder implements JsonBuilder<unknown> {
  repeated = false;

  string(text: string): unknown {
    return text;
  }

  number(token: string): unknown {
    const number = Number(token);
    return needsSourceText(number) && EXACT_JSON_SUPPORTED ? rawJson(token) : number;
  }

  literal(value: boolean | null): unknown {
    return value;
  }

  array(items: unknown[]): unknown {
    return items;
  }

  object(keys: string[], values: unknown[]): unknown {
    const out: JsonRecord = {};
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      if (Object.hasOwn(out, key)) {
        this.repeated = true;
        setMember(out, key, joined(out[key], values[i]));
      } else {
        setMember(out, key, values[i]);
      }
    }
    return out;
  }
}

/** A parsed JSON object (not a list, not null). */
export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * A second occurrence `next` of a key read into the first, `previous`, as the Collector reads it
 * (an object or list `previous` is merged or pushed into and answered); also a field sent beside its name but for
 * case (common.ts, readOtherFields).
 */
export function joined(previous: unknown, next: unknown): unknown {
  if (Array.isArray(previous) && Array.isArray(next)) {
    // Pushed into the first (a parsed list, ours), so a key sent n times costs its items, not n².
    for (const item of next) previous.push(item);
    return previous;
  }
  if (next === null && (Array.isArray(previous) || isRecord(previous))) return previous;
  if (isRecord(previous) && isRecord(next)) {
    for (const key in next) setMember(previous, key, Object.hasOwn(previous, key) ? joined(previous[key], next[key]) : next[key]);
    return previous;
  }
  return next;
}

/** As JSON.parse sets a member: `__proto__` too becomes an own data property, not the prototype. */
export function setMember(o: JsonRecord, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  else o[key] = value;
}
