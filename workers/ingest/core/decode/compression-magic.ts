/**
 * What compression a body's first bytes say it is, by each format's magic bytes, and what a
 * sender whose label says otherwise sends instead. Every answer that describes what a body looks
 * like (a Content-Encoding whose format the body lacks, a body that is still compressed once read)
 * names it from here, so each says what the body is and what to send.
 *
 * Brotli has no magic bytes and cannot be told from other binary.
 */

/** Bytes of a body's hex preview. */
const PREVIEW_BYTES = 8;

/** A Content-Encoding this endpoint decodes (http/body.ts): `deflate` is the zlib format (RFC 9110 §8.4.1.2). */
export type DecodedCoding = "gzip" | "zstd" | "deflate";

export interface Compression {
  /** The format's name in an answer: `gzip`, `zstd`, `zlib (deflate)`, `bzip2`, … */
  readonly name: string;
  /** Its mark, as an answer names it: `gzip's magic bytes 1f 8b`. */
  readonly mark: string;
  /** The Content-Encoding that says so, when this endpoint decodes the format; else undefined. */
  readonly coding: DecodedCoding | undefined;
  /**
   * Whether a body without Content-Encoding is decoded when it starts so (http/body.ts): only
   * for marks no OTLP body starts with and too long to meet by chance.
   */
  readonly decodedUndeclared: boolean;
}

interface Magic extends Compression {
  readonly matches: (bytes: Uint8Array) => boolean;
}

const startsWith =
  (...magic: number[]) =>
  (bytes: Uint8Array): boolean =>
    bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);

const zstdFrame = startsWith(0x28, 0xb5, 0x2f, 0xfd);

/** A zstd frame, or a skippable frame (50–5f 2a 4d 18, RFC 8878 §3.1.2), which may open a zstd body. */
const zstd = (bytes: Uint8Array): boolean =>
  zstdFrame(bytes) || (bytes.length >= 4 && bytes[0]! >> 4 === 0x5 && bytes[1] === 0x2a && bytes[2] === 0x4d && bytes[3] === 0x18);

/**
 * A zlib header with a 32 KiB window (78), deflate and FCHECK (RFC 1950 §2.2): `78 01`, `78 5e`,
 * `78 9c`, `78 da` as zlib writes them. Smaller windows are legal but rare, and their first bytes
 * (`08`–`68`) start too much else to be named zlib on two bytes.
 */
const zlib = (bytes: Uint8Array): boolean => bytes.length >= 2 && bytes[0] === 0x78 && (0x78 * 256 + bytes[1]!) % 31 === 0;

/** Checked in this order; no two marks overlap. */
const MAGICS: readonly Magic[] = [
  { name: "gzip", mark: "gzip's magic bytes 1f 8b", coding: "gzip", decodedUndeclared: true, matches: startsWith(0x1f, 0x8b) },
  { name: "zstd", mark: "zstd's frame magic 28 b5 2f fd", coding: "zstd", decodedUndeclared: true, matches: zstd },
  { name: "zlib (deflate)", mark: "a zlib header", coding: "deflate", decodedUndeclared: false, matches: zlib },
  { name: "bzip2", mark: "bzip2's magic 42 5a 68", coding: undefined, decodedUndeclared: false, matches: startsWith(0x42, 0x5a, 0x68) },
  {
    name: "xz",
    mark: "xz's magic fd 37 7a 58 5a 00",
    coding: undefined,
    decodedUndeclared: false,
    matches: startsWith(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00),
  },
  { name: "LZ4 (frame format)", mark: "LZ4's frame magic 04 22 4d 18", coding: undefined, decodedUndeclared: false, matches: startsWith(0x04, 0x22, 0x4d, 0x18) },
  {
    name: "snappy (framed)",
    mark: "the snappy framing format's stream identifier ff 06 00 00 73 4e 61 50 70 59",
    coding: undefined,
    decodedUndeclared: false,
    matches: startsWith(0xff, 0x06, 0x00, 0x00, 0x73, 0x4e, 0x61, 0x50, 0x70, 0x59),
  },
];

/** The compression `bytes` start with, or undefined when they start with no known mark. */
export function compressionOf(bytes: Uint8Array): Compression | undefined {
  return MAGICS.find((magic) => magic.matches(bytes));
}

/** What a sender of a body in `compression` sends instead: the Content-Encoding that names it, or a format this endpoint takes. */
export function compressionAdvice(compression: Compression): string {
  return compression.coding === undefined
    ? `this endpoint does not decode ${compression.name}: compress with gzip or zstd and say so in Content-Encoding, or send it uncompressed`
    : `send it with Content-Encoding: ${compression.coding}`;
}

/**
 * For a body labelled `Content-Encoding: <declared>` that lacks that format's mark: what it is
 * instead, or undefined when it starts with no known mark. Shape: `request body is not valid gzip:
 * it starts 28 b5 2f fd …, zstd's frame magic 28 b5 2f fd, so it is zstd: send it with
 * Content-Encoding: zstd`.
 */
export function otherCompressionThan(declared: string, body: Uint8Array): string | undefined {
  const compression = compressionOf(body);
  if (compression === undefined) return undefined;
  return (
    `request body is not valid ${declared}: it starts ${hexPreview(body)}, ${compression.mark}, so it is ${compression.name}: ` +
    compressionAdvice(compression)
  );
}

/**
 * For a body that failed to decode as OTLP once read (any Content-Encoding undone): what
 * compression it still holds, or undefined. A format the reader decodes even unlabelled (gzip,
 * zstd) still there was compressed twice; another was compressed without Content-Encoding saying so,
 * or twice. Shapes: `request body is gzip again once decompressed (it starts 1f 8b 08 …, gzip's
 * magic bytes 1f 8b): it was compressed twice; compress it once and send it with
 * Content-Encoding: gzip`, `request body is zlib (deflate) (it starts 78 9c …, a zlib header), not
 * OTLP as its Content-Type says: send it with Content-Encoding: deflate, compressed once`,
 * `request body is bzip2 (…), not OTLP as its Content-Type says: this endpoint does not decode
 * bzip2: …`.
 */
export function compressedOnceRead(body: Uint8Array): string | undefined {
  const compression = compressionOf(body);
  if (compression === undefined) return undefined;
  if (compression.decodedUndeclared) {
    return (
      `request body is ${compression.name} again once decompressed (it starts ${hexPreview(body)}, ${compression.mark}): ` +
      `it was compressed twice; compress it once and send it with Content-Encoding: ${compression.coding}`
    );
  }
  return (
    `request body is ${compression.name} (it starts ${hexPreview(body)}, ${compression.mark}), not OTLP as its Content-Type says: ` +
    compressionAdvice(compression) +
    (compression.coding === undefined ? "" : ", compressed once")
  );
}

/** The first bytes as hex pairs: a sender can match them to what it sent, and no raw binary is echoed. */
export function hexPreview(body: Uint8Array): string {
  const head = Array.from(body.subarray(0, PREVIEW_BYTES), (byte) => byte.toString(16).padStart(2, "0")).join(" ");
  return body.length > PREVIEW_BYTES ? `${head} …` : head;
}
