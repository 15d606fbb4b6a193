/**
 * XXH64 (the xxHash specification, "XXH64 algorithm description"), seed 0, as zstd's
 * Content_Checksum uses it (RFC 8878 §3.1.1: the low 4 bytes of XXH64 of the frame's content).
 * 64-bit words are kept as two unsigned 32-bit halves in plain numbers: BigInt arithmetic costs
 * about 50 ms a MiB in V8, this 5–7 ms. Each operation leaves its result in `reg`, so the hot
 * loop allocates nothing; a typed array, because V8 checks module-level `let`s for their
 * temporal dead zone at every use (twice as slow, measured).
 */

const P1H = 0x9e3779b1;
const P1L = 0x85ebca87;
const P2H = 0xc2b2ae3d;
const P2L = 0x27d4eb4f;
const P3H = 0x165667b1;
const P3L = 0x9e3779f9;
const P4H = 0x85ebca77;
const P4L = 0xc2b2ae63;
const P5H = 0x27d4eb2f;
const P5L = 0x165667c5;
const TWO_32 = 4294967296;

/** The result register: [high half, low half]. */
const reg = new Uint32Array(2);

/**
 * (ah:al) × (bh:bl) mod 2^64 into reg. `Math.imul` gives al × bl's low half exactly; its high
 * half is the double product less that low half, over 2^32: the double is within 2^12 of the
 * exact product, so the quotient is within 2^-19 of a whole number and rounding it is exact.
 */
function mul(ah: number, al: number, bh: number, bl: number): void {
  const low = Math.imul(al, bl) >>> 0;
  reg[1] = low;
  reg[0] = (Math.round((al * bl - low) / TWO_32) + Math.imul(ah, bl) + Math.imul(al, bh)) >>> 0;
}

/** (ah:al) + (bh:bl) mod 2^64 into reg. */
function add(ah: number, al: number, bh: number, bl: number): void {
  const low = al + bl;
  reg[1] = low >>> 0;
  reg[0] = (ah + bh + (low >= TWO_32 ? 1 : 0)) >>> 0;
}

/** (h:l) rotated left by 0 < r < 32 bits into reg. */
function rotl(h: number, l: number, r: number): void {
  reg[0] = ((h << r) | (l >>> (32 - r))) >>> 0;
  reg[1] = ((l << r) | (h >>> (32 - r))) >>> 0;
}

/** XXH64's round: rotl(acc + input × P2, 31) × P1, into reg. */
function round(acch: number, accl: number, inh: number, inl: number): void {
  mul(inh, inl, P2H, P2L);
  add(acch, accl, reg[0]!, reg[1]!);
  rotl(reg[0]!, reg[1]!, 31);
  mul(reg[0]!, reg[1]!, P1H, P1L);
}

/** XXH64's merge of lane (vh:vl) into (hh:hl): (h ^ round(0, v)) × P1 + P4, into reg. */
function mergeRound(hh: number, hl: number, vh: number, vl: number): void {
  round(0, 0, vh, vl);
  mul((hh ^ reg[0]!) >>> 0, (hl ^ reg[1]!) >>> 0, P1H, P1L);
  add(reg[0]!, reg[1]!, P4H, P4L);
}

/**
 * The low 32 bits of XXH64(`data`, seed 0), as an unsigned number: what a zstd frame's
 * Content_Checksum holds (little-endian).
 */
export function xxh64Low32(data: Uint8Array): number {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const length = data.length;
  let offset = 0;
  let hh: number;
  let hl: number;
  if (length >= 32) {
    add(P1H, P1L, P2H, P2L);
    let v1h = reg[0]!;
    let v1l = reg[1]!;
    let v2h = P2H;
    let v2l = P2L;
    let v3h = 0;
    let v3l = 0;
    // 0 − P1 mod 2^64.
    add(~P1H >>> 0, ~P1L >>> 0, 0, 1);
    let v4h = reg[0]!;
    let v4l = reg[1]!;
    for (; offset + 32 <= length; offset += 32) {
      round(v1h, v1l, view.getUint32(offset + 4, true), view.getUint32(offset, true));
      v1h = reg[0]!;
      v1l = reg[1]!;
      round(v2h, v2l, view.getUint32(offset + 12, true), view.getUint32(offset + 8, true));
      v2h = reg[0]!;
      v2l = reg[1]!;
      round(v3h, v3l, view.getUint32(offset + 20, true), view.getUint32(offset + 16, true));
      v3h = reg[0]!;
      v3l = reg[1]!;
      round(v4h, v4l, view.getUint32(offset + 28, true), view.getUint32(offset + 24, true));
      v4h = reg[0]!;
      v4l = reg[1]!;
    }
    rotl(v1h, v1l, 1);
    let sh = reg[0]!;
    let sl = reg[1]!;
    rotl(v2h, v2l, 7);
    add(sh, sl, reg[0]!, reg[1]!);
    sh = reg[0]!;
    sl = reg[1]!;
    rotl(v3h, v3l, 12);
    add(sh, sl, reg[0]!, reg[1]!);
    sh = reg[0]!;
    sl = reg[1]!;
    rotl(v4h, v4l, 18);
    add(sh, sl, reg[0]!, reg[1]!);
    mergeRound(reg[0]!, reg[1]!, v1h, v1l);
    mergeRound(reg[0]!, reg[1]!, v2h, v2l);
    mergeRound(reg[0]!, reg[1]!, v3h, v3l);
    mergeRound(reg[0]!, reg[1]!, v4h, v4l);
    hh = reg[0]!;
    hl = reg[1]!;
  } else {
    hh = P5H;
    hl = P5L;
  }
  add(hh, hl, Math.floor(length / TWO_32), length >>> 0);
  hh = reg[0]!;
  hl = reg[1]!;
  for (; offset + 8 <= length; offset += 8) {
    round(0, 0, view.getUint32(offset + 4, true), view.getUint32(offset, true));
    rotl((hh ^ reg[0]!) >>> 0, (hl ^ reg[1]!) >>> 0, 27);
    mul(reg[0]!, reg[1]!, P1H, P1L);
    add(reg[0]!, reg[1]!, P4H, P4L);
    hh = reg[0]!;
    hl = reg[1]!;
  }
  if (offset + 4 <= length) {
    mul(0, view.getUint32(offset, true), P1H, P1L);
    rotl((hh ^ reg[0]!) >>> 0, (hl ^ reg[1]!) >>> 0, 23);
    mul(reg[0]!, reg[1]!, P2H, P2L);
    add(reg[0]!, reg[1]!, P3H, P3L);
    hh = reg[0]!;
    hl = reg[1]!;
    offset += 4;
  }
  for (; offset < length; offset++) {
    mul(0, data[offset]!, P5H, P5L);
    rotl((hh ^ reg[0]!) >>> 0, (hl ^ reg[1]!) >>> 0, 11);
    mul(reg[0]!, reg[1]!, P1H, P1L);
    hh = reg[0]!;
    hl = reg[1]!;
  }
  // Avalanche: h ^= h >> 33; h *= P2; h ^= h >> 29; h *= P3; h ^= h >> 32.
  hl = (hl ^ (hh >>> 1)) >>> 0;
  mul(hh, hl, P2H, P2L);
  hh = reg[0]!;
  hl = (reg[1]! ^ ((reg[0]! << 3) | (reg[1]! >>> 29))) >>> 0;
  hh = (hh ^ (hh >>> 29)) >>> 0;
  mul(hh, hl, P3H, P3L);
  return (reg[1]! ^ reg[0]!) >>> 0;
}
