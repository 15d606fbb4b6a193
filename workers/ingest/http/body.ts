import { isJsonWhitespace } from "../core/decode/json/whitespace";
import { compressionOf, hexPreview, otherCompressionThan } from "../core/decode/compression-magic";
import { joined } from "./bytes";
import { HttpError, tooLarge } from "./errors";
import { decompressZstd } from "./zstd";

export type OtlpEncoding = "json" | "protobuf";

const GZIP_MAGIC_0 = 0x1f;
const GZIP_MAGIC_1 = 0x8b;
/** CM = 8, the only compression method RFC 1952 defines. */
const GZIP_METHOD_DEFLATE = 8;

/** The OTLP encoding named by a Content-Type header (its parameters are not read here: charset.ts reads `charset`). */
export function encodingFromContentType(contentType: string | null): OtlpEncoding {
  const mediaType = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (mediaType === "application/x-protobuf" || mediaType === "application/protobuf") {
    return "protobuf";
  }
  if (mediaType === "application/json") return "json";
  throw new HttpError(
    415,
    `unsupported Content-Type ${JSON.stringify(contentType ?? "")}: OTLP/HTTP accepts ` +
      `application/x-protobuf or application/json`,
  );
}

/**
 * Refuses an OTLP/JSON body that is empty or only whitespace (after inflating) with a 400 that
 * says so. Such a body is no JSON document, and the Collector's receiver refuses it too (its
 * JSON reader fails on zero bytes); an export with no data is `{}`. An empty protobuf body is
 * different: it is the encoding of an empty ExportRequest, which the OTLP specification says to
 * answer with success, and it is not checked here.
 */
export function refuseBlankJson(encoding: OtlpEncoding, body: Uint8Array): void {
  if (encoding !== "json") return;
  for (let i = 0; i < body.length; i++) if (!isJsonWhitespace(body[i]!)) return;
  throw new HttpError(
    400,
    `request body is ${body.length === 0 ? "empty" : "only whitespace"}: an OTLP/JSON export is a JSON object ` +
      "(an export with no data is {}); the OpenTelemetry Collector refuses an empty JSON body too",
  );
}

export interface BodyLimits {
  /** Bytes as received, before decompression. */
  maxBodyBytes: number;
  /** Bytes after decompression: a gzip bomb stops here without inflating the rest. */
  maxDecompressedBytes: number;
}

/**
 * A compressed body's format as `DecompressionStream` names it: `gzip` (RFC 1952), or the zlib
 * format (RFC 1950) that HTTP's `deflate` content coding means (RFC 9110 §8.4.1.2).
 */
type CompressionFormat = "gzip" | "deflate";

/** A content coding this endpoint decodes: an inflater format, or zstd (RFC 8878). */
type ContentCoding = CompressionFormat | "zstd";

/**
 * Content-Encoding values accepted, as the Collector's OTLP/HTTP receiver accepts them (its
 * confighttp decoders): `zlib` is its name for the same format as `deflate`; `zstd` is what a
 * Collector's `otlphttp` exporter sends with `compression: zstd`. snappy, x-snappy-framed and
 * lz4, which it also takes, are refused with 415 (docs/decisions.md says why).
 */
const CONTENT_ENCODINGS: Readonly<Record<string, ContentCoding | undefined>> = {
  "": undefined,
  identity: undefined,
  gzip: "gzip",
  "x-gzip": "gzip",
  deflate: "deflate",
  zlib: "deflate",
  zstd: "zstd",
};

/**
 * Read a request body within `limits`, inflating gzip and deflate and decompressing zstd. A
 * body whose Content-Encoding header is missing but which starts with gzip's magic bytes or a
 * zstd frame is decoded too: some senders compress without saying so, and no OTLP body starts
 * so (compression-magic.ts, `decodedUndeclared`).
 */
export async function readRequestBody(request: Request, limits: BodyLimits): Promise<Uint8Array> {
  const contentEncoding = (request.headers.get("content-encoding") ?? "identity")
    .trim()
    .toLowerCase();
  if (!Object.hasOwn(CONTENT_ENCODINGS, contentEncoding)) {
    throw new HttpError(
      415,
      `unsupported Content-Encoding ${JSON.stringify(contentEncoding)}: use gzip (x-gzip), deflate (zlib), zstd or identity, one coding alone`,
    );
  }
  const declaredLength = Number(request.headers.get("content-length") ?? "NaN");
  if (declaredLength > limits.maxBodyBytes) {
    throw tooLarge("request body", declaredLength, limits.maxBodyBytes, "MAX_BODY_BYTES");
  }
  const raw = await receivedBody(request, declaredLength, limits.maxBodyBytes);
  if (raw.length > limits.maxBodyBytes) throw tooLarge("request body", raw.length, limits.maxBodyBytes, "MAX_BODY_BYTES");
  const coding = CONTENT_ENCODINGS[contentEncoding] ?? undeclaredCoding(raw);
  if (coding === "zstd") return decompressZstd(raw, limits.maxDecompressedBytes);
  if (coding === "gzip") return inflateGzipMembers(raw, limits.maxDecompressedBytes);
  if (coding !== undefined) return inflate(raw, coding, limits.maxDecompressedBytes);
  if (raw.length > limits.maxDecompressedBytes) {
    throw tooLarge("request body", raw.length, limits.maxDecompressedBytes, "MAX_DECOMPRESSED_BYTES");
  }
  return raw;
}

/** The coding an unlabelled body is decoded with: the one its magic bytes name, if it is decoded unlabelled. */
function undeclaredCoding(raw: Uint8Array): ContentCoding | undefined {
  const compression = compressionOf(raw);
  return compression?.decodedUndeclared ? compression.coding : undefined;
}

/**
 * Deflate expands at most 1032-fold (RFC 1951's longest match from a 258-byte length code);
 * gzip and zlib wrap the same deflate data.
 */
const MAX_DEFLATE_RATIO = 1032;

/**
 * Compressed bytes handed to the inflater at a time: the output of one slice is at most about
 * 4 MiB.
 */
const INFLATE_SLICE_BYTES = 4096;

/**
 * Inflates gzip or deflate, refusing output past `maxBytes`. A body too small to inflate past
 * the limit even at deflate's largest ratio (up to 16 KiB for the default 16 MiB: every
 * Cloudflare push and most SDK batches) is inflated in one go; a larger one slice by slice.
 */
async function inflate(compressed: Uint8Array, format: CompressionFormat, maxBytes: number): Promise<Uint8Array> {
  if (compressed.length * MAX_DEFLATE_RATIO > maxBytes) return inflateSliced(compressed, format, maxBytes);
  let inflated: Uint8Array;
  try {
    // The whole body in one write, then close: no Blob and no pipe to pump (~13% less CPU in
    // workerd for a Cloudflare push than piping a Blob's stream through). A failure shows on
    // the readable side with the same error, so the write and close are only kept from being
    // reported as unhandled.
    const inflater = new DecompressionStream(format);
    const writer = inflater.writable.getWriter();
    // Request bytes never live in shared memory, whatever the typing of their buffer says.
    writer.write(compressed as Uint8Array<ArrayBuffer>).catch(() => undefined);
    writer.close().catch(() => undefined);
    inflated = new Uint8Array(await new Response(inflater.readable).arrayBuffer());
  } catch (error) {
    throw notCompressed(format, error, compressed);
  }
  if (inflated.length > maxBytes) throw tooLarge("decompressed request body", undefined, maxBytes, "MAX_DECOMPRESSED_BYTES");
  return inflated;
}

/**
 * The same, for bodies that could inflate past the limit. workerd's DecompressionStream takes input
 * without backpressure and inflates all of it whether or not its output is read, so piping a
 * gzip bomb through it inflates the whole bomb (1 GiB from 1 MiB) before any limit on the
 * output can act. So input goes in slices, and the next slice only once the output of the last
 * one has been read; the inflater never holds more than one slice's output. A read that is
 * still unanswered after a timer turn means the output is drained for now. That wait bounds
 * memory, never correctness: the read stays pending and is taken up after the next slice.
 */
async function inflateSliced(compressed: Uint8Array, format: CompressionFormat, maxBytes: number): Promise<Uint8Array> {
  const inflater = new DecompressionStream(format);
  const writer = inflater.writable.getWriter();
  const reader = inflater.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  let pending = reader.read();
  // Handled here so a rejection is not reported as unhandled before the loop awaits it.
  pending.catch(() => undefined);
  /** Takes one answered read; requests the next unless the output has ended. */
  const take = (result: ReadableStreamReadResult<Uint8Array>): void => {
    if (result.done) {
      ended = true;
      return;
    }
    total += result.value.byteLength;
    if (total > maxBytes) throw tooLarge("decompressed request body", undefined, maxBytes, "MAX_DECOMPRESSED_BYTES");
    chunks.push(result.value);
    pending = reader.read();
    pending.catch(() => undefined);
  };
  try {
    for (let offset = 0; offset < compressed.length && !ended; offset += INFLATE_SLICE_BYTES) {
      // Request bytes never live in shared memory, whatever the typing of their buffer says.
      const slice = compressed.subarray(offset, offset + INFLATE_SLICE_BYTES) as Uint8Array<ArrayBuffer>;
      const written = writer.write(slice);
      written.catch(() => undefined);
      for (;;) {
        const result = await Promise.race([pending, nextTimerTurn()]);
        if (result === undefined) break;
        take(result);
        if (ended) break;
      }
      await written;
    }
    if (!ended) {
      const closed = writer.close();
      closed.catch(() => undefined);
      while (!ended) take(await pending);
      await closed;
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    await writer.abort().catch(() => undefined);
    if (error instanceof HttpError) throw error;
    throw notCompressed(format, error, compressed);
  }
  return joined(chunks, total);
}

/** The smallest gzip member: a 10-byte header, an empty final deflate block, an 8-byte trailer. */
const MIN_GZIP_MEMBER_BYTES = 20;

/** False member starts tried before a body that does not inflate is refused as it is. */
const MAX_FALSE_MEMBER_STARTS = 16;

/**
 * Inflates a gzip body of one or more members, refusing output past `maxBytes`. RFC 1952 §2.2
 * makes a gzip file a series of members, and Go's gzip reader (the Collector's) reads them all;
 * workerd's `DecompressionStream` stops after the first and fails on the rest ("Trailing bytes
 * after end of compressed data"). The common one-member body is inflated in one go as before;
 * only a body the inflater refuses is searched for member boundaries. A candidate boundary is
 * where the next member's magic and method (1f 8b 08) appear, and it is one when the bytes
 * before it inflate as a member on their own: the inflater checks that member's CRC-32 and
 * ISIZE trailer, so a candidate inside deflate data fails. After the last boundary the rest must
 * be one whole member, so junk or zero padding after the last member is still refused with the
 * inflater's own message, as the Collector refuses it ("gzip: invalid header"). Each member's
 * output counts against the one limit (413).
 */
async function inflateGzipMembers(compressed: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  let refusal: HttpError;
  try {
    return await inflate(compressed, "gzip", maxBytes);
  } catch (error) {
    if (!(error instanceof HttpError) || error.status !== 400) throw error;
    refusal = error;
  }
  const members: Uint8Array[] = [];
  let total = 0;
  let start = 0;
  let falseStarts = 0;
  /** The member in `[start, end)`, or undefined when those bytes are not one gzip member. */
  const member = async (end: number): Promise<Uint8Array | undefined> => {
    try {
      return await inflate(compressed.subarray(start, end), "gzip", maxBytes - total);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      // The limit left for this member is not the one the sender is held to.
      if (error.status === 413) throw tooLarge("decompressed request body", undefined, maxBytes, "MAX_DECOMPRESSED_BYTES");
      return undefined;
    }
  };
  for (let next = gzipMemberStart(compressed, MIN_GZIP_MEMBER_BYTES); next !== -1; ) {
    const inflated = await member(next);
    if (inflated === undefined) {
      if (++falseStarts > MAX_FALSE_MEMBER_STARTS) break;
      next = gzipMemberStart(compressed, next + 1);
      continue;
    }
    members.push(inflated);
    total += inflated.length;
    start = next;
    next = gzipMemberStart(compressed, start + MIN_GZIP_MEMBER_BYTES);
  }
  // No boundary found: the body fails as the inflater said. Otherwise the rest is the last member.
  if (start === 0) throw refusal;
  const last = await member(compressed.length);
  if (last === undefined) throw refusal;
  members.push(last);
  return joined(members, total + last.length);
}

/** The first offset at or after `from` where a gzip member header (1f 8b 08, RFC 1952 §2.3) could start, or -1. */
export function gzipMemberStart(bytes: Uint8Array, from: number): number {
  for (let i = bytes.indexOf(GZIP_MAGIC_0, from); i !== -1 && i + 2 < bytes.length; i = bytes.indexOf(GZIP_MAGIC_0, i + 1)) {
    if (bytes[i + 1] === GZIP_MAGIC_1 && bytes[i + 2] === GZIP_METHOD_DEFLATE) return i;
  }
  return -1;
}

/**
 * A 400 naming the format and what the sender changes. A body that starts with another
 * compression's magic bytes is named as that compression, with the Content-Encoding to send
 * (compression-magic.ts). A `deflate` body that does not start with a zlib header is otherwise
 * said to lack one: HTTP's deflate coding is zlib (RFC 9110 §8.4.1.2), and the usual cause is
 * raw deflate data, which .NET's DeflateStream and zlib with negative windowBits write. The
 * Collector refuses it too; it is not guessed at here either, as raw deflate has no checksum to
 * tell good data from bad. A `gzip` body without gzip's magic bytes (RFC 1952 §2.3.1) is most
 * likely not compressed at all. Otherwise the inflater's failure is said in words
 * (`inflaterFailure`), its own message kept in parentheses.
 */
function notCompressed(format: CompressionFormat, error: unknown, compressed: Uint8Array): HttpError {
  const what = format === "gzip" ? "gzip" : "deflate (zlib)";
  const start = compressed.length === 0 ? "the body is empty" : `it starts ${hexPreview(compressed)}`;
  const lacksMark = format === "deflate" ? !hasZlibHeader(compressed) : !(compressed[0] === GZIP_MAGIC_0 && compressed[1] === GZIP_MAGIC_1);
  const other = lacksMark ? otherCompressionThan(what, compressed) : undefined;
  if (other !== undefined) return new HttpError(400, other);
  if (format === "deflate" && lacksMark) {
    return new HttpError(
      400,
      `request body is not valid ${what}: a zlib header (RFC 1950, e.g. 78 9c) was expected, but ${start}; ` +
        "raw deflate data without one (.NET's DeflateStream, zlib with negative windowBits) is not zlib: send gzip, or zlib's own format",
    );
  }
  if (format === "gzip" && lacksMark) {
    return new HttpError(
      400,
      `request body is not valid gzip: it does not start with gzip's magic bytes 1f 8b, but ${start}, so it looks uncompressed: ` +
        "drop the Content-Encoding: gzip header, or gzip the body",
    );
  }
  const reason = (error instanceof Error ? error.message : String(error)).trim();
  return new HttpError(400, `request body is not valid ${what}: ${inflaterFailure(format, reason)}`);
}

/**
 * What an inflater's `reason` means for a body that starts as `format` should, in words: a
 * stream cut short, bytes after its end, or else data or a checksum that does not match (gzip's
 * CRC-32 and length, zlib's Adler-32), which workerd reports alike (`Decompression failed.`).
 */
function inflaterFailure(format: CompressionFormat, reason: string): string {
  const said = reason === "" ? "" : ` (${reason})`;
  if (/incomplete data|unexpected end/i.test(reason)) {
    return `it ends before its compressed data does, so it was cut short${said}: send the whole body`;
  }
  if (/trailing (bytes|data)|junk/i.test(reason)) {
    return `bytes follow the end of its compressed data that are no ${format === "gzip" ? "gzip member" : "part of it"}${said}: send the compressed data alone`;
  }
  const checksum = format === "gzip" ? "CRC-32 and length" : "Adler-32";
  return `the body is corrupt: its compressed data or its checksum (${checksum}) does not check out${said}; it was damaged on the way or compressed wrongly: compress it again and resend`;
}

/** Whether `bytes` starts with a zlib header (RFC 1950 §2.2): method 8 (deflate), a window of at most 32 KiB, FCHECK making the pair a multiple of 31. */
function hasZlibHeader(bytes: Uint8Array): boolean {
  if (bytes.length < 2) return false;
  const cmf = bytes[0]!;
  return (cmf & 0x0f) === 8 && cmf >> 4 <= 7 && (cmf * 256 + bytes[1]!) % 31 === 0;
}

function nextTimerTurn(): Promise<undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), 0));
}

/**
 * The body's bytes as received, before any decoding. A declared length within the limit is what
 * HTTP framing holds the body to: it is read in one native call. Without one (chunked), the body
 * is read chunk by chunk and cut off at `maxBytes` (413). A body that ends before its framing
 * does (the connection lost before Content-Length bytes or the last chunk arrived) is the
 * sender's failure, answered 400 as the Collector answers a body it fails to read:
 * `request body ended early: fewer bytes arrived than the 1024 its Content-Length declared
 * (Network connection lost.): send the whole body`, or `…: 512 bytes arrived before the chunked
 * upload stopped short of its last chunk (…)…`. workerd reports the cut alike for every cause
 * (`Error: Network connection lost.`), and a read of the request's own stream has no fault of
 * this endpoint to report.
 */
async function receivedBody(request: Request, declaredLength: number, maxBytes: number): Promise<Uint8Array> {
  const progress = { read: 0 };
  try {
    return declaredLength <= maxBytes
      ? new Uint8Array(await request.arrayBuffer())
      : await readAtMost(request.body, maxBytes, progress);
  } catch (error) {
    if (error instanceof HttpError) throw error;
    // One native read does not say how far it got: only that it fell short of the declared length.
    const arrived =
      declaredLength <= maxBytes
        ? `fewer bytes arrived than the ${declaredLength} its Content-Length declared`
        : `${progress.read} bytes arrived before the chunked upload stopped short of its last chunk`;
    const reason = (error instanceof Error ? error.message : String(error)).trim();
    throw new HttpError(400, `request body ended early: ${arrived}${reason === "" ? "" : ` (${reason})`}: send the whole body`);
  }
}

/** Reads `stream` whole, refusing it past `maxBytes` (413); `progress.read` counts the bytes read so far. */
async function readAtMost(
  stream: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  progress: { read: number },
): Promise<Uint8Array> {
  if (stream === null) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    progress.read = total + value.byteLength;
    total += value.byteLength;
    if (total > maxBytes) {
      // Cancelling stops the producer, so the rest is never read or inflated.
      await reader.cancel().catch(() => undefined);
      throw tooLarge("request body", undefined, maxBytes, "MAX_BODY_BYTES");
    }
    chunks.push(value);
  }
  return joined(chunks, total);
}

