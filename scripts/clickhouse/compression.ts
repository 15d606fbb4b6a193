import { promisify } from "node:util";
import * as zlib from "node:zlib";
import { ClickHouseException } from "./errors";

type Codec = (data: Buffer) => Promise<Buffer>;

const decoders: ReadonlyMap<string, Codec> = new Map<string, Codec>([
  ["gzip", promisify(zlib.gunzip)],
  ["x-gzip", promisify(zlib.gunzip)],
  ["deflate", promisify(zlib.inflate)],
  ["br", promisify(zlib.brotliDecompress)],
  ["zstd", promisify(zlib.zstdDecompress)],
]);

/** HTTP compression level a server uses by default (`http_zlib_compression_level`). */
const LEVEL = 3;

const encoders: ReadonlyMap<string, Codec> = new Map<string, Codec>([
  ["gzip", (data) => promisify(zlib.gzip)(data, { level: LEVEL })],
  ["deflate", (data) => promisify(zlib.deflate)(data, { level: LEVEL })],
  [
    "br",
    (data) => promisify(zlib.brotliCompress)(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: LEVEL } }),
  ],
  [
    "zstd",
    (data) => promisify(zlib.zstdCompress)(data, { params: { [zlib.constants.ZSTD_c_compressionLevel]: LEVEL } }),
  ],
]);

/** Undoes the request's `Content-Encoding`, which a server honours whatever the settings say. */
export async function decodeRequestBody(body: Buffer, contentEncoding: string | undefined): Promise<Buffer> {
  const encoding = contentEncoding?.trim().toLowerCase();
  if (!encoding || encoding === "identity" || body.length === 0) return body;
  const decode = decoders.get(encoding);
  if (!decode) {
    throw new ClickHouseException(
      36,
      `Unknown HTTP compression method: ${contentEncoding}.`,
      "BAD_ARGUMENTS",
    );
  }
  try {
    return await decode(body);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ClickHouseException(354, `inflate failed: ${reason}.`, "CANNOT_DECOMPRESS");
  }
}

/**
 * Compresses a response the way the client asked, but only with `enable_http_compression=1`:
 * a server ignores `Accept-Encoding` without it. Returns the encoding used, if any.
 */
export async function encodeResponseBody(
  body: Uint8Array,
  acceptEncoding: string | undefined,
  enabled: boolean,
): Promise<{ body: Uint8Array; encoding: string | undefined }> {
  if (!enabled) return { body, encoding: undefined };
  const accepted = (acceptEncoding ?? "").split(",").map((part) => part.split(";")[0]!.trim().toLowerCase());
  const encoding = accepted.find((name) => encoders.has(name));
  if (!encoding) return { body, encoding: undefined };
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  return { body: await encoders.get(encoding)!(bytes), encoding };
}
