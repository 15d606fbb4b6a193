/**
 * What lifting tells the rest of the pipeline about one request: which attribute lists hold
 * copies of a body kept as written (for the attribute limits), and which JSON numbers of a lifted
 * body a double cannot hold, kept as their text (for the answer's warning).
 */
import type { KeyValue } from "../../../shared/otlp/model";
import { AS_DECODED, type SenderPlace } from "../../../shared/otlp/sender-place";
import { countNote, plural, type DecodeNote } from "../decode/decode-notes";
import { keysNamed, nameKey, noNamedKeys, type NamedKeys } from "../limits/named-keys";

/**
 * Attribute lists whose attributes from the index on were lifted from a body that stays as
 * written: copies, so the limits dropping or cutting them loses nothing (limitAttributes does
 * not count them in the answer's warning).
 */
export type BodyCopies = Map<KeyValue[], number>;

export interface LiftNotes {
  copies: BodyCopies;
  /**
   * JSON numbers in lifted bodies past a double's range, which JSON.parse would make ±Infinity
   * (`1e400`) or 0 (`1e-400`): stored as the text written (isPastDoubleRange); `first` as written,
   * `keys` the members that held them.
   */
  numbersPastDoubleRange: RecordNote;
  /**
   * Keys a JSON log line wrote twice in one object with values of other text (json-pairs-body.ts),
   * each occurrence after the first counted; `first` the first such key, `keys` the first few.
   */
  repeatedKeys: RecordNote;
  /** The record being lifted (liftJsonBodies sets it): where a note's first instance is. */
  record: RecordIndex;
}

/** A record's place in a logs request as indexes, made into a place's text only when noted. */
export interface RecordIndex {
  resource: number;
  scope: number;
  record: number;
}

/** A note of lifted bodies: its count and first instance, that one's record, and the keys met. */
export interface RecordNote extends DecodeNote {
  /** The place of the first one's record as decoded (`resourceLogs[0].scopeLogs[0].logRecords[2]`); "" while count is 0. */
  at: string;
  keys: NamedKeys;
}

export function emptyLiftNotes(): LiftNotes {
  return {
    copies: new Map(),
    numbersPastDoubleRange: emptyRecordNote(),
    repeatedKeys: emptyRecordNote(),
    record: { resource: 0, scope: 0, record: 0 },
  };
}

function emptyRecordNote(): RecordNote {
  return { count: 0, first: "", at: "", keys: noNamedKeys() };
}

/**
 * Counts one more in `note` (`first` as written) for the record `notes.record`; `key`, the
 * member that held it when it had one (not an array's item), joins the keys named.
 */
export function noteInRecord(notes: LiftNotes, note: RecordNote, first: string, key: string | undefined): void {
  countNote(note, first);
  if (note.count === 1) {
    const { resource, scope, record } = notes.record;
    note.at = `resourceLogs[${resource}].scopeLogs[${scope}].logRecords[${record}]`;
  }
  if (key !== undefined) nameKey(note.keys, key);
}

/**
 * Whether a JSON number that keeps its text (keepsNumberText) is past a double's range: its
 * double `value` is ±Infinity (JSON has no Infinity, so digits overflowed) or 0 from a number
 * with a non-zero digit (`1e-400`; `-0` and `0e5` are zero as written). A subnormal that loses
 * digits (`1.23456e-320`) is within the range and keeps its text as any decimal with more digits
 * than a double keeps does, unnoted.
 */
export function isPastDoubleRange(value: number, source: string): boolean {
  if (!Number.isFinite(value)) return true;
  if (value !== 0) return false;
  const exponent = source.search(EXPONENT_MARK);
  return NON_ZERO_DIGIT.test(exponent < 0 ? source : source.slice(0, exponent));
}
const EXPONENT_MARK = /[eE]/;
const NON_ZERO_DIGIT = /[1-9]/;

/** Notes `source`, a number keepsNumberText keeps under member `key`, when it is past a double's range. */
export function noteIfPastDoubleRange(notes: LiftNotes, value: number, source: string, key: string | undefined): void {
  if (isPastDoubleRange(value, source)) noteInRecord(notes, notes.numbersPastDoubleRange, source, key);
}

/**
 * The answer's warning for `notes`: "" when a double held every number lifted and no JSON line
 * repeated a key. Each part names its first record as the sender's document does (`senderPlace`)
 * and the keys (`keysNamed`), as the attribute limits' warnings do.
 */
export function liftNotesWarning(notes: LiftNotes, senderPlace: SenderPlace = AS_DECODED): string {
  const parts: string[] = [];
  const numbers = notes.numbersPastDoubleRange;
  if (numbers.count > 0) {
    parts.push(
      `${plural(numbers.count, "number")} in lifted log bodies past a double's range stored as written, as text ` +
        `(first ${numbers.first} at ${senderPlace(numbers.at)}${keysPart(numbers)}; ` +
        "a double holds magnitudes from 5e-324 to 1.8e308, and JSON.parse makes the rest Infinity or 0)",
    );
  }
  const repeated = notes.repeatedKeys;
  if (repeated.count > 0) {
    parts.push(
      `${plural(repeated.count, "key")} written again with another value in one JSON object of a log body ` +
        `(first at ${senderPlace(repeated.at)}; ${keysNamed(repeated.keys)}): ` +
        `lifted as a map body is, the last value (as JSON.parse and the Collector read it) fills the record's field or attribute, ` +
        `and an earlier one is kept as an attribute of its key (log.<key> when the record has the key) or, where no attribute can hold it, in the body stored as written`,
    );
  }
  return parts.join("; ");
}

/** `; keys "big", "tiny"`, or "" when every one was an array's item. */
function keysPart(note: RecordNote): string {
  return note.keys.names.length === 0 ? "" : `; ${keysNamed(note.keys)}`;
}
