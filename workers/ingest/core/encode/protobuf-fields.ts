/**
 * The few protobuf field encodings our responses need, appended to a byte list. Responses are
 * tiny, so clarity wins over a buffer-managing writer.
 */

const WIRE_VARINT = 0;
const WIRE_LENGTH_DELIMITED = 2;

const utf8 = new TextEncoder();

/** A varint field; `value` must be an integer within the int64 range JS numbers can hold exactly. */
export function varintField(out: number[], fieldNumber: number, value: number): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`varint field ${fieldNumber}: ${value} is not a safe integer`);
  pushVarint(out, (fieldNumber << 3) | WIRE_VARINT);
  if (value >= 0) {
    pushVarint(out, value);
    return;
  }
  // Negative int32/int64 values go on the wire as 64-bit two's complement: always 10 bytes.
  let bits = BigInt.asUintN(64, BigInt(value));
  while (bits >= 0x80n) {
    out.push(Number(bits & 0x7fn) | 0x80);
    bits >>= 7n;
  }
  out.push(Number(bits));
}

export function stringField(out: number[], fieldNumber: number, value: string): void {
  bytesField(out, fieldNumber, utf8.encode(value));
}

export function bytesField(out: number[], fieldNumber: number, value: ArrayLike<number>): void {
  pushVarint(out, (fieldNumber << 3) | WIRE_LENGTH_DELIMITED);
  pushVarint(out, value.length);
  for (let i = 0; i < value.length; i++) out.push(value[i]!);
}

function pushVarint(out: number[], value: number): void {
  while (value >= 0x80) {
    out.push((value % 0x80) | 0x80);
    value = Math.floor(value / 0x80);
  }
  out.push(value);
}
