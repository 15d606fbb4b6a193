import { Decompress, decompress } from "fzstd";
import { hexPreview, otherCompressionThan } from "../core/decode/compression-magic";
import { joined } from "./bytes";
import { HttpError, tooLarge } from "./errors";
import { xxh64Low32 } from "./xxh64";

/**
 * The largest window a decoder of HTTP's `zstd` content coding must support, and the largest an
 * encoder may use for it (RFC 9659 §3: 8 MiB). Larger windows are taken up to the
 * decompressed-size limit, never past it: the decoder allocates the whole window up front.
 */
const HTTP_ZSTD_WINDOW_BYTES = 8 * 1024 * 1024;

/** Block_Maximum_Size: no block regenerates more than 128 KiB (RFC 8878 §3.1.1.2.3). */
const MAX_BLOCK_BYTES = 128 * 1024;

/**
 * The most window bytes a request may make the block-by-block decoder move. fzstd's streaming
 * decoder copies its whole window after every block (its frame has no room for the content
 * otherwise), so a frame costs its blocks times its window: a few hundred bytes of 1-byte blocks
 * under an 8 MiB window would cost seconds of CPU. 1 GiB is about 40 ms here; a frame that
 * declares its content size is decoded in place instead, at no such cost.
 */
const MIN_WINDOW_COPY_BUDGET_BYTES = 1024 * 1024 * 1024;

const FRAME_MAGIC = 0xfd2fb528;
/** Skippable frames' magic numbers are 0x184D2A50 to 0x184D2A5F (RFC 8878 §3.1.2). */
const SKIPPABLE_MAGIC_HIGH = 0x184d2a5;

/**
 * Decompresses a zstd body (RFC 8878: one or more frames, skippable frames allowed, as the
 * Collector's zstd reader takes them) into at most `maxBytes`.
 *
 * An empty body is empty content, as the Collector's zstd reader (klauspost/compress) takes it:
 * its encoder writes no frame at all for empty input, such as an empty protobuf export.
 *
 * Every frame's header and block headers are walked first, so that a frame declaring a content
 * size or window past the limit is refused before the decoder allocates anything, and a body
 * with bytes after its last frame (junk, zero padding) or a cut frame is refused as malformed.
 * Each frame is then decoded block by block (fzstd's streaming decoder: each block at most
 * 128 KiB of output), and decoding stops at the first block past the limit: a zstd bomb whose
 * frames declare no content size gets the same 413 as a gzip bomb, with at most one block and
 * one window more in memory than the limit. A frame's output must match its declared content
 * size and its content checksum (XXH64), as the reference decoder and the Collector's check them.
 * The streaming decoder moves its whole window after each block, so a request may make it move
 * at most 64 times the limit (1 GiB at least) in all: a frame declaring its content size that
 * would go past that is decoded in place in one go (its checksum checked, its size the buffer's),
 * and one without a declared size is refused when it gets there.
 *
 * Throws `HttpError` 413 (`decompressed request body is more than the limit of … bytes`) for
 * output, a declared content size or a window past the limit, and for a frame without a content
 * size past the window budget (`…decoding it would move more than … bytes of window…`); 400 (`request body is not valid
 * zstd: …`) for anything malformed, corrupted (checksum or size mismatch) or needing a dictionary.
 */
export function decompressZstd(compressed: Uint8Array, maxBytes: number): Uint8Array {
  const frames = zstdFrames(compressed, maxBytes);
  const outputs: Uint8Array[] = [];
  let total = 0;
  let windowCopies = 0;
  const windowCopyBudget = Math.max(MIN_WINDOW_COPY_BUDGET_BYTES, 64 * maxBytes);
  for (const frame of frames) {
    if (frame.contentSize !== undefined && frame.contentSize > 0 && windowCopies + frame.blocks * frame.windowBytes > windowCopyBudget) {
      const output = decodedInPlace(compressed, frame);
      outputs.push(output);
      total += output.length;
      continue;
    }
    const chunks: Uint8Array[] = [];
    let frameBytes = 0;
    const decoder = new Decompress((chunk) => {
      frameBytes += chunk.length;
      if (total + frameBytes > maxBytes) throw tooLarge("decompressed request body", undefined, maxBytes, "MAX_DECOMPRESSED_BYTES");
      // Called once a block, before the decoder moves its window by that block.
      windowCopies += frame.windowBytes;
      if (windowCopies > windowCopyBudget) {
        throw new HttpError(
          413,
          `the zstd frame at byte ${frame.start} declares no content size and has ${frame.blocks} blocks under a ` +
            `${frame.windowBytes}-byte window: decoding it would move more than ${windowCopyBudget} bytes of window; ` +
            "send smaller requests, or frames that declare their content size",
        );
      }
      chunks.push(chunk);
    });
    try {
      decoder.push(compressed.subarray(frame.start, frame.end), true);
    } catch (error) {
      if (error instanceof HttpError) throw error;
      throw notZstd(`the frame at byte ${frame.start} does not decode: ${error instanceof Error ? error.message : String(error)}`);
    }
    const output = joined(chunks, frameBytes);
    if (frame.contentSize !== undefined && output.length !== frame.contentSize) {
      throw notZstd(`the frame at byte ${frame.start} declares ${frame.contentSize} bytes of content and holds ${output.length}`);
    }
    if (frame.checksum !== undefined && xxh64Low32(output) !== frame.checksum) {
      throw notZstd(`the content of the frame at byte ${frame.start} does not match its checksum`);
    }
    outputs.push(output);
    total += output.length;
  }
  return joined(outputs, total);
}

/**
 * Decodes a frame that declares its content size into a buffer of that size (fzstd's one-shot
 * decoder writes each block in place, with no window copies), then checks its checksum. The size
 * was checked against the limit by the frame walk.
 */
function decodedInPlace(compressed: Uint8Array, frame: ZstdFrame): Uint8Array {
  let output: Uint8Array;
  try {
    output = decompress(compressed.subarray(frame.start, frame.end));
  } catch (error) {
    throw notZstd(`the frame at byte ${frame.start} does not decode: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (frame.checksum !== undefined && xxh64Low32(output) !== frame.checksum) {
    throw notZstd(`the content of the frame at byte ${frame.start} does not match its checksum`);
  }
  return output;
}

/** A zstd frame's place in the body and what its header and end promise about its content. */
interface ZstdFrame {
  /** Offset of its magic number. */
  start: number;
  /** Offset just past its last block (and checksum). */
  end: number;
  /** Frame_Content_Size, when the header declares it. */
  contentSize?: number;
  /** Content_Checksum: the low 32 bits of XXH64 of the content, when the frame carries one. */
  checksum?: number;
  /** How many blocks it holds. */
  blocks: number;
  /** The window the streaming decoder allocates for it: Window_Size, or the content size of a single segment. */
  windowBytes: number;
}

/**
 * Walks the frames of `data` (RFC 8878 §3.1) without decoding them: checks each header, that
 * each frame's declared content size and window fit `maxBytes`, that no block is larger than
 * the format allows, and that the last frame ends exactly at the end of the body. Returns the
 * (non-skippable) frames in order.
 */
function zstdFrames(data: Uint8Array, maxBytes: number): ZstdFrame[] {
  const frames: ZstdFrame[] = [];
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const maxWindow = Math.max(HTTP_ZSTD_WINDOW_BYTES, maxBytes);
  let offset = 0;
  while (offset < data.length) {
    const magic = offset + 4 <= data.length ? view.getUint32(offset, true) : undefined;
    if (magic !== undefined && magic >>> 4 === SKIPPABLE_MAGIC_HIGH) {
      if (offset + 8 > data.length) throw notZstd(`a skippable frame at byte ${offset} is cut short`);
      offset += 8 + view.getUint32(offset + 4, true);
      if (offset > data.length) throw notZstd("a skippable frame runs past the end of the body");
      continue;
    }
    if (magic !== FRAME_MAGIC) {
      if (offset === 0) throw notZstdAtAll(data);
      throw notZstd(`${data.length - offset} bytes after the last frame, at byte ${offset}`);
    }
    const frame = checkFrame(data, view, offset, maxBytes, maxWindow);
    frames.push(frame);
    offset = frame.end;
  }
  return frames;
}

/** Checks one frame starting at `start` (its magic number). */
function checkFrame(data: Uint8Array, view: DataView, start: number, maxBytes: number, maxWindow: number): ZstdFrame {
  let offset = start + 4;
  const cut = (): HttpError => notZstd(`the frame at byte ${start} is cut short`);
  if (offset >= data.length) throw cut();
  const descriptor = data[offset++]!;
  const contentSizeFlag = descriptor >> 6;
  const singleSegment = (descriptor >> 5) & 1;
  const hasChecksum = (descriptor >> 2) & 1;
  const dictionaryIdFlag = descriptor & 3;
  if (descriptor & 8) throw notZstd(`the frame at byte ${start} sets the reserved header bit`);
  let windowSize = 0;
  let contentSize: number | undefined;
  if (!singleSegment) {
    if (offset >= data.length) throw cut();
    const windowDescriptor = data[offset++]!;
    const windowBase = 2 ** (10 + (windowDescriptor >> 3));
    windowSize = windowBase + (windowBase / 8) * (windowDescriptor & 7);
  }
  const dictionaryIdBytes = [0, 1, 2, 4][dictionaryIdFlag]!;
  const contentSizeBytes = [singleSegment, 2, 4, 8][contentSizeFlag]!;
  if (offset + dictionaryIdBytes + contentSizeBytes > data.length) throw cut();
  const dictionaryId = dictionaryIdBytes === 0 ? 0 : readLittleEndian(view, offset, dictionaryIdBytes);
  if (dictionaryId !== 0) throw notZstd(`the frame at byte ${start} needs dictionary ${dictionaryId}, and none is configured`);
  offset += dictionaryIdBytes;
  if (contentSizeBytes > 0) {
    contentSize = readLittleEndian(view, offset, contentSizeBytes) + (contentSizeBytes === 2 ? 256 : 0);
    offset += contentSizeBytes;
    if (contentSize > maxBytes) throw tooLarge("decompressed request body", undefined, maxBytes, "MAX_DECOMPRESSED_BYTES");
    if (singleSegment) windowSize = contentSize;
  }
  if (windowSize > maxWindow) {
    throw new HttpError(
      413,
      `the zstd frame at byte ${start} needs a window of ${windowSize} bytes, over the ${maxWindow} bytes this endpoint ` +
        `decodes with (RFC 9659 limits HTTP's zstd coding to 8 MiB windows)`,
    );
  }
  const maxBlock = Math.min(windowSize, MAX_BLOCK_BYTES);
  let blocks = 0;
  for (;;) {
    blocks++;
    if (offset + 3 > data.length) throw cut();
    const header = data[offset]! | (data[offset + 1]! << 8) | (data[offset + 2]! << 16);
    offset += 3;
    const last = header & 1;
    const type = (header >> 1) & 3;
    const size = header >>> 3;
    if (type === 3) throw notZstd(`the frame at byte ${start} has a block of the reserved type`);
    // Raw and RLE blocks regenerate `size` bytes; a compressed block holds `size` bytes.
    if (size > maxBlock) throw notZstd(`the frame at byte ${start} has a ${size}-byte block, over its ${maxBlock}-byte maximum`);
    offset += type === 1 ? 1 : size;
    if (offset > data.length) throw cut();
    if (last) break;
  }
  if (!hasChecksum) return { start, end: offset, contentSize, blocks, windowBytes: windowSize };
  if (offset + 4 > data.length) throw cut();
  return { start, end: offset + 4, contentSize, checksum: view.getUint32(offset, true), blocks, windowBytes: windowSize };
}

/** An unsigned little-endian integer of 1, 2, 4 or 8 bytes (8-byte values rounded past 2^53). */
function readLittleEndian(view: DataView, offset: number, bytes: number): number {
  switch (bytes) {
    case 1:
      return view.getUint8(offset);
    case 2:
      return view.getUint16(offset, true);
    case 4:
      return view.getUint32(offset, true);
    default:
      return view.getUint32(offset, true) + view.getUint32(offset + 4, true) * 2 ** 32;
  }
}

/**
 * A 400 for a body labelled zstd that does not start with a zstd frame: another compression named
 * as such (compression-magic.ts), else one that looks uncompressed, with its first bytes.
 */
function notZstdAtAll(data: Uint8Array): HttpError {
  const other = otherCompressionThan("zstd", data);
  if (other !== undefined) return new HttpError(400, other);
  const start = data.length === 0 ? "the body is empty" : `it starts ${hexPreview(data)}`;
  return notZstd(
    `it does not start with zstd's frame magic 28 b5 2f fd, but ${start}, so it looks uncompressed: ` +
      "drop the Content-Encoding: zstd header, or compress the body with zstd",
  );
}

function notZstd(reason: string): HttpError {
  return new HttpError(400, `request body is not valid zstd: ${reason}`);
}
