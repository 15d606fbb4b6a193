/**
 * A bounds-checked reader of the protobuf wire format, written without code generation or
 * reflection because workerd forbids `eval`/`new Function`.
 *
 * Submessages are read in place: `enter()` narrows `limit` to the submessage, so every read
 * is checked against the innermost declared length and a lying length prefix cannot make the
 * reader stray into the parent's bytes.
 */

import type { AnyValue, NumberValue } from "../../../../shared/otlp/model";
import { countNote, type DecodeNote } from "../decode-notes";
import { keptMemberIndex, memberName } from "../oneof";
import { signedDecimal, unsignedDecimal } from "../int64";
import { FieldStrings } from "../utf8";

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_LENGTH_DELIMITED = 2;
const WIRE_START_GROUP = 3;
const WIRE_END_GROUP = 4;
export const WIRE_FIXED32 = 5;

/** Generous for any real sender, small enough that hostile nesting cannot exhaust the stack. */
const MAX_GROUP_DEPTH = 32;

const WIRE_TYPE_NAMES = ["varint", "fixed64", "length-delimited", "start-group", "end-group", "fixed32"];

/**
 * A malformed-input problem found while reading. Decoders add where it happened as the error
 * unwinds through them (see `locate`); the entry point turns it into an OtlpDecodeError.
 */
export class WireError extends Error {
  /** Innermost message and field, e.g. "field 2 of ResourceLogs"; set by the first `locate`. */
  where = "";
  /** Path segments from innermost to outermost, e.g. ["traceId", "logRecords[3]", ...]. */
  readonly reversedPath: string[] = [];

  constructor(
    readonly problem: string,
    readonly offset: number,
  ) {
    super(problem);
  }
}

/** ResourceX field 1000: pre-1.0 OTLP's `instrumentation_library_X` list, read as the scope list. */
export const LEGACY_SCOPE_LIST_FIELD = 1000;

/**
 * Records, on an error unwinding out of a message decoder, which message and field it was in.
 * `index` is the position in a repeated field (the number of items decoded so far), or -1.
 * Errors that are not WireErrors are returned untouched.
 */
export function locate(
  error: unknown,
  messageName: string,
  field: number,
  fieldNames: readonly string[],
  index: number,
): unknown {
  if (!(error instanceof WireError)) return error;
  if (error.where === "") {
    error.where = field === 0 ? `reading a tag of ${messageName}` : `field ${field} of ${messageName}`;
  }
  if (field !== 0) {
    const name =
      fieldNames[field] || (field === LEGACY_SCOPE_LIST_FIELD ? "instrumentationLibrary" : `<field ${field}>`);
    error.reversedPath.push(index >= 0 ? `${name}[${index}]` : name);
  }
  return error;
}

export class WireReader {
  pos = 0;
  /** End of the message being read; reads never pass it. */
  limit: number;
  /** Halves of the last 64-bit value read by `varint64`/`fixed64`, as unsigned 32-bit numbers. */
  lo = 0;
  hi = 0;
  private readonly view: DataView;
  private readonly strings: FieldStrings;

  /**
   * `invalidUtf8` counts the string fields' byte sequences that are not UTF-8 (stored as U+FFFD);
   * `oneofChoices` the messages whose oneof was set to more than one member, one kept (noteOneofChoice).
   */
  constructor(
    readonly bytes: Uint8Array,
    invalidUtf8?: DecodeNote,
    private readonly oneofChoices?: DecodeNote,
  ) {
    this.strings = new FieldStrings(invalidUtf8, bytes.length);
    this.limit = bytes.length;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Notes a oneof set to several members, one kept; `first` names it (`metric "m" (gauge, sum set, gauge kept)`). */
  noteOneofChoice(first: string): void {
    if (this.oneofChoices !== undefined) countNote(this.oneofChoices, first);
  }

  /**
   * Of an AnyValue's, a point's or an exemplar's oneof members sent one after another (`values`,
   * in the order sent, each the last of its member), the one kept by the JSON decoder's rule
   * (oneof.ts: the only one not at its default, else the last, which protobuf would keep), the
   * choice noted naming `what` and the members (`an AnyValue (stringValue, intValue set, intValue kept)`).
   */
  keptMember<V extends AnyValue | NumberValue>(what: string, values: readonly V[], isDefault: (value: V) => boolean): V {
    const kept = keptMemberIndex(values, isDefault);
    this.noteOneofChoice(`${what} (${values.map(memberName).join(", ")} set, ${memberName(values[kept]!)} kept)`);
    return values[kept]!;
  }

  hasMore(): boolean {
    return this.pos < this.limit;
  }

  /** Reads a field tag; field number 0 never occurs in valid input. */
  tag(): number {
    const start = this.pos;
    const tag = this.varint32();
    if (tag >>> 3 === 0) throw new WireError("invalid field number 0", start);
    return tag;
  }

  /** Throws unless a known field arrived with the wire type its declaration implies. */
  expectWireType(tag: number, wireType: number): void {
    if ((tag & 7) !== wireType) {
      throw new WireError(
        `wire type ${tag & 7} (${wireTypeName(tag & 7)}) where ${wireType} (${wireTypeName(wireType)}) was expected`,
        this.pos,
      );
    }
  }

  /**
   * The low 32 bits of a varint, unsigned. int32 values are sign-extended to 10 bytes on the
   * wire, so the remaining bytes are consumed and dropped; callers apply `| 0` for int32.
   */
  varint32(): number {
    const bytes = this.bytes;
    const start = this.pos;
    let pos = start;
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      if (pos >= this.limit) throw new WireError("truncated varint", start);
      const byte = bytes[pos++]!;
      value |= (byte & 0x7f) << shift;
      if (byte < 0x80) {
        this.pos = pos;
        return value >>> 0;
      }
    }
    // Bits 35..69: discarded, but the varint must still end within 10 bytes.
    for (let i = 5; i < 10; i++) {
      if (pos >= this.limit) throw new WireError("truncated varint", start);
      if (bytes[pos++]! < 0x80) {
        this.pos = pos;
        return value >>> 0;
      }
    }
    throw new WireError("varint longer than 10 bytes", start);
  }

  /** Reads a varint of up to 64 bits into `lo`/`hi`. */
  varint64(): void {
    const bytes = this.bytes;
    const start = this.pos;
    let pos = start;
    let lo = 0;
    let hi = 0;
    for (let i = 0; i < 10; i++) {
      if (pos >= this.limit) throw new WireError("truncated varint", start);
      const byte = bytes[pos++]!;
      const payload = byte & 0x7f;
      if (i < 4) {
        lo |= payload << (7 * i);
      } else if (i === 4) {
        // Byte 4 straddles the halves: 4 bits finish `lo`, 3 bits start `hi`.
        lo |= payload << 28;
        hi = payload >>> 4;
      } else {
        hi |= payload << (7 * i - 32);
      }
      if (byte < 0x80) {
        this.pos = pos;
        this.lo = lo >>> 0;
        this.hi = hi >>> 0;
        return;
      }
    }
    throw new WireError("varint longer than 10 bytes", start);
  }

  uint32(): number {
    return this.varint32();
  }

  int32(): number {
    return this.varint32() | 0;
  }

  sint32(): number {
    const n = this.varint32();
    return (n >>> 1) ^ -(n & 1);
  }

  bool(): boolean {
    this.varint64();
    return (this.lo | this.hi) !== 0;
  }

  int64Decimal(): string {
    this.varint64();
    return signedDecimal(this.lo, this.hi);
  }

  uint64Decimal(): string {
    this.varint64();
    return unsignedDecimal(this.lo, this.hi);
  }

  fixed32(): number {
    const pos = this.need(4, "truncated fixed32");
    return this.view.getUint32(pos, true);
  }

  fixed64(): void {
    const pos = this.need(8, "truncated fixed64");
    this.lo = this.view.getUint32(pos, true);
    this.hi = this.view.getUint32(pos + 4, true);
  }

  fixed64Decimal(): string {
    this.fixed64();
    return unsignedDecimal(this.lo, this.hi);
  }

  sfixed64Decimal(): string {
    this.fixed64();
    return signedDecimal(this.lo, this.hi);
  }

  double(): number {
    return this.view.getFloat64(this.need(8, "truncated double"), true);
  }

  /**
   * Reads a length prefix and returns where the payload ends; `pos` is left at its start.
   * The caller reads up to the returned end (or calls `enter` instead for messages).
   */
  lengthDelimitedEnd(): number {
    const start = this.pos;
    const length = this.varint32();
    const remaining = this.limit - this.pos;
    if (length > remaining) {
      throw new WireError(`length ${length} exceeds the ${remaining} bytes left`, start);
    }
    return this.pos + length;
  }

  string(): string {
    const end = this.lengthDelimitedEnd();
    const text = this.strings.decode(this.bytes, this.pos, end);
    this.pos = end;
    return text;
  }

  /** A copy, so the model does not pin the request body, and a plain Uint8Array even when the body is a Node Buffer. */
  bytesCopy(): Uint8Array {
    const end = this.lengthDelimitedEnd();
    const copy = new Uint8Array(end - this.pos);
    copy.set(this.bytes.subarray(this.pos, end));
    this.pos = end;
    return copy;
  }

  /** Starts reading a submessage; returns the parent's limit for `leave`. */
  enter(): number {
    const end = this.lengthDelimitedEnd();
    const parentLimit = this.limit;
    this.limit = end;
    return parentLimit;
  }

  /** Finishes a submessage started with `enter` (the decoder has consumed it up to `limit`). */
  leave(parentLimit: number): void {
    this.limit = parentLimit;
  }

  /** Skips the value of a field this decoder does not know, whatever its wire type. */
  skip(tag: number): void {
    const start = this.pos;
    switch (tag & 7) {
      case WIRE_VARINT:
        this.varint64();
        return;
      case WIRE_FIXED64:
        this.need(8, "truncated fixed64");
        return;
      case WIRE_LENGTH_DELIMITED:
        this.pos = this.lengthDelimitedEnd();
        return;
      case WIRE_START_GROUP:
        this.skipGroup(tag >>> 3, start, 1);
        return;
      case WIRE_END_GROUP:
        throw new WireError(`end-group tag for field ${tag >>> 3} outside any group`, start);
      case WIRE_FIXED32:
        this.need(4, "truncated fixed32");
        return;
      default:
        throw new WireError(`invalid wire type ${tag & 7}`, start);
    }
  }

  /**
   * Groups are obsolete but legal; skip nested fields until the matching end-group tag.
   * Nesting is capped because each level costs one byte of input but a stack frame here.
   */
  private skipGroup(fieldNumber: number, start: number, depth: number): void {
    if (depth > MAX_GROUP_DEPTH) throw new WireError(`groups nested deeper than ${MAX_GROUP_DEPTH}`, start);
    for (;;) {
      if (this.pos >= this.limit) throw new WireError("unterminated group", start);
      const tagStart = this.pos;
      const tag = this.tag();
      const wireType = tag & 7;
      if (wireType === WIRE_END_GROUP) {
        if (tag >>> 3 !== fieldNumber) {
          throw new WireError(`end-group tag for field ${tag >>> 3} inside group ${fieldNumber}`, tagStart);
        }
        return;
      }
      if (wireType === WIRE_START_GROUP) this.skipGroup(tag >>> 3, tagStart, depth + 1);
      else this.skip(tag);
    }
  }

  /** Appends a `repeated fixed64` field's values. */
  repeatedFixed64Decimal(tag: number, into: string[]): void {
    this.repeated(tag, WIRE_FIXED64, into, readFixed64Decimal);
  }

  /** Appends a `repeated uint64` field's values. */
  repeatedUint64Decimal(tag: number, into: string[]): void {
    this.repeated(tag, WIRE_VARINT, into, readUint64Decimal);
  }

  /** Appends a `repeated double` field's values. */
  repeatedDouble(tag: number, into: number[]): void {
    this.repeated(tag, WIRE_FIXED64, into, readDouble);
  }

  /**
   * Appends a repeated scalar field's values, packed (one length-delimited run) or not (one
   * value per tag, of `wireType`): parsers must accept both whatever the field declares.
   */
  private repeated<T>(tag: number, wireType: number, into: T[], readOne: (r: WireReader) => T): void {
    if ((tag & 7) !== WIRE_LENGTH_DELIMITED) {
      this.expectWireType(tag, wireType);
      into.push(readOne(this));
      return;
    }
    const parentLimit = this.enter();
    while (this.pos < this.limit) into.push(readOne(this));
    this.leave(parentLimit);
  }

  /** Advances past `size` bytes that must lie within the limit; returns where they start. */
  private need(size: number, problem: string): number {
    const pos = this.pos;
    if (this.limit - pos < size) throw new WireError(problem, pos);
    this.pos = pos + size;
    return pos;
  }
}

// Element readers for `repeated`, module-level so that no closure is made per field.
const readFixed64Decimal = (r: WireReader): string => r.fixed64Decimal();
const readUint64Decimal = (r: WireReader): string => r.uint64Decimal();
const readDouble = (r: WireReader): number => r.double();

function wireTypeName(wireType: number): string {
  return WIRE_TYPE_NAMES[wireType] ?? "invalid";
}
