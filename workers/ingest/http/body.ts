import { HttpError } from "./errors";

export type OtlpEncoding = "json" | "protobuf";

const GZIP_MAGIC_0 = 0x1f;
const GZIP_MAGIC_1 = 0x8b;

/** The OTLP encoding named by a Content-Type header (parameters such as charset tolerated). */
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

export interface BodyLimits {
  /** Bytes as received, before decompression. */
  maxBodyBytes: number;
  /** Bytes after decompression: a gzip bomb stops here without inflating the rest. */
  maxDecompressedBytes: number;
}

/**
 * Read a request body within `limits`, inflating gzip. A body whose Content-Encoding header
 * is missing but which starts with the gzip magic bytes is inflated too: some senders compress
 * without saying so.
 */
export async function readRequestBody(request: Request, limits: BodyLimits): Promise<Uint8Array> {
  const contentEncoding = (request.headers.get("content-encoding") ?? "identity")
    .trim()
    .toLowerCase();
  if (contentEncoding !== "gzip" && contentEncoding !== "identity" && contentEncoding !== "") {
    throw new HttpError(
      415,
      `unsupported Content-Encoding ${JSON.stringify(contentEncoding)}: use gzip or identity`,
    );
  }
  const declaredLength = Number(request.headers.get("content-length") ?? "NaN");
  if (declaredLength > limits.maxBodyBytes) {
    throw tooLarge("request body", declaredLength, limits.maxBodyBytes);
  }
  const raw = await readAtMost(request.body, limits.maxBodyBytes, "request body");
  const looksGzipped = raw.length >= 2 && raw[0] === GZIP_MAGIC_0 && raw[1] === GZIP_MAGIC_1;
  if (contentEncoding === "gzip" || looksGzipped) {
    return inflateGzip(raw, limits.maxDecompressedBytes);
  }
  if (raw.length > limits.maxDecompressedBytes) {
    throw tooLarge("request body", raw.length, limits.maxDecompressedBytes);
  }
  return raw;
}

async function inflateGzip(compressed: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  const inflated = new Blob([compressed]).stream().pipeThrough(new DecompressionStream("gzip"));
  try {
    return await readAtMost(inflated, maxBytes, "decompressed request body");
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(
      400,
      `request body is not valid gzip: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

async function readAtMost(
  stream: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  what: string,
): Promise<Uint8Array> {
  if (stream === null) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Cancelling stops the producer, so the rest is never read or inflated.
      await reader.cancel().catch(() => undefined);
      throw tooLarge(what, undefined, maxBytes);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return joined;
}

function tooLarge(what: string, size: number | undefined, limit: number): HttpError {
  const sizeText = size === undefined ? "more than" : `${size} bytes, over`;
  return new HttpError(413, `${what} is ${sizeText} the limit of ${limit} bytes`);
}
