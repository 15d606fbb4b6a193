/**
 * A small seeded mutation fuzzer for OTLP request bodies: every input is a function of one
 * 32-bit seed, so a failure report naming the seed is enough to rebuild the exact input.
 *
 * Byte-level mutations (bit flips, truncations, splices, random varints, huge length
 * prefixes) exercise the protobuf reader; JSON-level ones (value swaps, deep nesting, wrong
 * types) reach past `JSON.parse` into the OTLP/JSON decoder.
 */
import { seededRandom } from "../support/otlp-payloads";

export type Random = () => number;

export interface FuzzInput {
  body: Uint8Array;
  /** The mutations applied, in order, for the failure report. */
  steps: string[];
}

const utf8 = new TextEncoder();

export function int(random: Random, below: number): number {
  return Math.floor(random() * below);
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[int(random, items.length)]!;
}

function randomBytes(random: Random, length: number): Uint8Array {
  return Uint8Array.from({ length }, () => int(random, 256));
}

/** A protobuf varint; `value` up to 2^53 so huge lengths and field numbers are reachable. */
export function varint(value: number): Uint8Array {
  const out: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
  return Uint8Array.from(out);
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Values with a history of breaking parsers: boundaries, signs, NaN spellings, odd strings. */
const INTERESTING_BYTES = [0x00, 0x01, 0x7f, 0x80, 0xff, 0xfe, 0x08, 0x0a, 0x12, 0x22, 0x5c];
const INTERESTING_VARINTS = [0, 1, 127, 128, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 53 - 1];
const INTERESTING_JSON = [
  "null",
  "true",
  "0",
  "-1",
  "1e308",
  "-0",
  "18446744073709551616",
  '"NaN"',
  '"-Infinity"',
  '"\\ud800"',
  '"\\u0000"',
  '"0x1F"',
  '""',
  "[]",
  "{}",
  '[{"stringValue":"x"}]',
  '{"stringValue":1}',
  '{"kvlistValue":{"values":[{"key":"k","value":{"arrayValue":{}}}]}}',
  '"AAECAwQFBgcICQoLDA0ODw=="',
  '"' + "z".repeat(300) + '"',
];

type ByteMutation = (random: Random, body: Uint8Array, corpus: readonly Uint8Array[]) => [Uint8Array, string];

const BYTE_MUTATIONS: readonly ByteMutation[] = [
  (random, body) => {
    // Printable bytes are mostly string contents: changing one keeps protobuf framing intact
    // and tests invalid UTF-8 deep inside an otherwise valid request.
    const copy = body.slice();
    const printable: number[] = [];
    for (let i = 0; i < copy.length; i++) if (copy[i]! >= 0x20 && copy[i]! < 0x7f) printable.push(i);
    if (printable.length === 0) return [copy, "no printable byte"];
    const at = pick(random, printable);
    copy[at] = pick(random, [0xff, 0xc3, 0x80, 0xed, 0x20 + int(random, 0x5f)]);
    return [copy, `string byte ${at} := ${copy[at]}`];
  },
  (random, body) => {
    const copy = body.slice();
    const flips = 1 + int(random, 8);
    for (let i = 0; i < flips && copy.length > 0; i++) copy[int(random, copy.length)]! ^= 1 << int(random, 8);
    return [copy, `flip ${flips} bits`];
  },
  (random, body) => {
    const copy = body.slice();
    const at = int(random, Math.max(copy.length, 1));
    if (copy.length > 0) copy[at] = pick(random, INTERESTING_BYTES);
    return [copy, `set byte ${at}`];
  },
  (random, body) => {
    const at = int(random, body.length + 1);
    return [body.subarray(0, at), `truncate at ${at}`];
  },
  (random, body) => {
    const start = int(random, body.length + 1);
    const end = start + int(random, body.length - start + 1);
    return [concat(body.subarray(0, start), body.subarray(end)), `delete ${start}..${end}`];
  },
  (random, body) => {
    const start = int(random, body.length + 1);
    const end = start + int(random, Math.min(64, body.length - start) + 1);
    const times = 1 + int(random, 16);
    const chunk = body.subarray(start, end);
    return [concat(body.subarray(0, end), ...Array.from({ length: times }, () => chunk), body.subarray(end)), `repeat ${start}..${end} x${times}`];
  },
  (random, body, corpus) => {
    const other = pick(random, corpus);
    const from = int(random, other.length + 1);
    const to = from + int(random, other.length - from + 1);
    const at = int(random, body.length + 1);
    return [concat(body.subarray(0, at), other.subarray(from, to), body.subarray(at)), `splice ${from}..${to} at ${at}`];
  },
  (random, body) => {
    const at = int(random, body.length + 1);
    const value = random() < 0.5 ? pick(random, INTERESTING_VARINTS) : int(random, 2 ** 32);
    return [concat(body.subarray(0, at), varint(value), body.subarray(at)), `varint ${value} at ${at}`];
  },
  (random, body) => {
    // A length-delimited field claiming far more bytes than follow.
    const field = 1 + int(random, 20);
    const at = int(random, body.length + 1);
    const length = pick(random, [2 ** 31 - 1, 2 ** 32 - 1, 2 ** 28, body.length + 1]);
    return [concat(body.subarray(0, at), varint((field << 3) | 2), varint(length), body.subarray(at)), `length ${length} for field ${field} at ${at}`];
  },
  (random, body) => {
    const at = int(random, body.length + 1);
    const junk = randomBytes(random, 1 + int(random, 32));
    return [concat(body.subarray(0, at), junk, body.subarray(at)), `insert ${junk.length} random bytes at ${at}`];
  },
];

/** A JSON-aware mutation: replaces one value, keeping the document parseable most of the time. */
function mutateJsonValue(random: Random, body: Uint8Array): [Uint8Array, string] {
  const text = new TextDecoder().decode(body);
  // Value positions: after a colon or a comma/bracket inside arrays.
  const positions: number[] = [];
  for (let i = 0; i < text.length; i++) if (text[i] === ":" || text[i] === "[") positions.push(i + 1);
  if (positions.length === 0) return [body, "no JSON value to replace"];
  const start = pick(random, positions);
  const end = endOfJsonValue(text, start);
  const replacement = pick(random, INTERESTING_JSON);
  return [utf8.encode(text.slice(0, start) + replacement + text.slice(end)), `JSON value at ${start} := ${replacement.slice(0, 40)}`];
}

/** String contents that stay valid JSON but test everything after the parser. */
const STRING_CONTENTS = [
  "\\ud800",
  "\\udc00x",
  "\\u0000",
  "\\n\\t\\\\",
  "ana@example.com 4111 1111 1111 1111",
  '{\\"level\\":\\"error\\",\\"msg\\":\\"lifted\\",\\"a\\":{\\"b\\":[1,2]}}',
  "𝄞é\\u00e9",
  "0102030405060708090a0b0c0d0e0f10",
  "x".repeat(70_000),
];

/** A JSON-aware mutation that keeps the document valid: new contents for one string. */
function mutateJsonString(random: Random, body: Uint8Array): [Uint8Array, string] {
  const text = new TextDecoder().decode(body);
  const starts: number[] = [];
  for (let i = 1; i < text.length; i++) if (text[i] === '"' && text[i - 1] === ":") starts.push(i + 1);
  if (starts.length === 0) return [body, "no JSON string to replace"];
  const start = pick(random, starts);
  const end = endOfJsonValue(text, start - 1) - 1;
  const contents = pick(random, STRING_CONTENTS);
  return [utf8.encode(text.slice(0, start) + contents + text.slice(end)), `JSON string at ${start} := ${contents.slice(0, 40)}`];
}

/** End of the JSON value starting at `start` (a scalar, string, or bracketed run), best effort. */
function endOfJsonValue(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') {
        inString = false;
        if (depth === 0) return i + 1;
      }
    } else if (c === '"') inString = true;
    else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") {
      if (depth === 0) return i;
      depth--;
      if (depth === 0) return i + 1;
    } else if (c === "," && depth === 0) return i;
  }
  return text.length;
}

/** Applies 1–3 mutations to a corpus entry; JSON bodies also get JSON-aware ones. */
export function mutate(seed: number, corpus: readonly Uint8Array[], json: boolean): FuzzInput {
  const random = seededRandom(seed);
  let body = pick(random, corpus);
  const steps: string[] = [];
  // Mostly one mutation: each further one makes a refusal likelier and deep paths rarer.
  const count = random() < 0.6 ? 1 : 2 + int(random, 2);
  for (let i = 0; i < count; i++) {
    const choice = random();
    const [next, step] = !json
      ? pick(random, BYTE_MUTATIONS)(random, body, corpus)
      : choice < 0.35
        ? mutateJsonString(random, body)
        : choice < 0.7
          ? mutateJsonValue(random, body)
          : pick(random, BYTE_MUTATIONS)(random, body, corpus);
    body = next;
    steps.push(step);
  }
  return { body, steps };
}

/** Bytes with no structure at all, sometimes opening with `{` so JSON gets past its first byte. */
export function randomInput(seed: number): FuzzInput {
  const random = seededRandom(seed);
  const bytes = randomBytes(random, int(random, 512));
  if (bytes.length > 0 && random() < 0.3) bytes[0] = 0x7b;
  return { body: bytes, steps: [`${bytes.length} random bytes`] };
}

/** Hostile shapes built on purpose: deep nesting, repeated structure, huge claimed lengths. */
export function hostileInputs(json: boolean): FuzzInput[] {
  const inputs: FuzzInput[] = [];
  const add = (body: Uint8Array | string, step: string) =>
    inputs.push({ body: typeof body === "string" ? utf8.encode(body) : body, steps: [step] });
  if (json) {
    for (const depth of [100, 1_000, 100_000]) {
      add("[".repeat(depth) + "]".repeat(depth), `${depth} nested arrays`);
      add(`{"resourceLogs":${"[".repeat(depth)}${"]".repeat(depth)}}`, `${depth} nested arrays under a known key`);
      add(`{"unknown":${'{"a":'.repeat(depth)}1${"}".repeat(depth)}}`, `${depth} nested objects under an unknown key`);
    }
    const nestedValue = (depth: number): string =>
      depth === 0 ? '{"stringValue":"leaf"}' : `{"arrayValue":{"values":[${nestedValue(depth - 1)}]}}`;
    for (const depth of [30, 65, 200]) {
      const record = `{"body":${nestedValue(depth)}}`;
      add(`{"resourceLogs":[{"scopeLogs":[{"logRecords":[${record}]}]}]}`, `AnyValue nested ${depth} deep`);
    }
    add(`{"resourceLogs":[{"scopeLogs":[{"logRecords":[${"{},".repeat(20_000)}{}]}]}]}`, "20001 empty log records");
    add('{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"body":{"stringValue":"\\ud800\\udfff\\udc00"}}]}]}]}', "lone surrogates");
  } else {
    // AnyValue { arrayValue (5) { values (1) { AnyValue … } } } nested `depth` times.
    const nested = (depth: number): Uint8Array => {
      let inner: Uint8Array = concat(Uint8Array.of(0x0a), varint(4), utf8.encode("leaf"));
      for (let i = 0; i < depth; i++) {
        const values = concat(Uint8Array.of(0x0a), varint(inner.length), inner);
        inner = concat(Uint8Array.of(0x2a), varint(values.length), values);
      }
      return inner;
    };
    const wrap = (field: number, payload: Uint8Array) => concat(varint((field << 3) | 2), varint(payload.length), payload);
    for (const depth of [30, 65, 1_000]) {
      // ExportLogsServiceRequest.resourceLogs(1).scopeLogs(2).logRecords(2).body(5)
      add(wrap(1, wrap(2, wrap(2, wrap(5, nested(depth))))), `AnyValue nested ${depth} deep`);
    }
    for (const depth of [31, 33, 10_000]) {
      const groups = concat(...Array.from({ length: depth }, () => varint((9 << 3) | 3)), ...Array.from({ length: depth }, () => varint((9 << 3) | 4)));
      add(groups, `${depth} nested groups`);
    }
    add(concat(varint((1 << 3) | 2), varint(2 ** 32 - 1)), "length 2^32-1 with nothing after it");
    add(concat(...Array.from({ length: 20_000 }, () => Uint8Array.of(0x0a, 0x00))), "20000 empty resource entries");
    add(Uint8Array.of(0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff), "varint of 11 bytes");
  }
  return inputs;
}

/** A short, printable picture of an input for a failure message. */
export function describeInput(body: Uint8Array): string {
  const head = Buffer.from(body.subarray(0, 96)).toString("base64");
  return `${body.length} bytes, base64 head ${head}${body.length > 96 ? "…" : ""}`;
}
