/**
 * Text to gzip bytes (RFC 1952) and back, with the runtime's own CompressionStream and
 * DecompressionStream (workerd and Node alike), for queue messages that must fit the Queues'
 * 128 KB: the tail's hand-off of a request body, the ingest's write unit too big to travel as JSON.
 */

/** The UTF-8 text gzipped at the stream's default level. */
export async function gzip(text: string): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The text of gzip bytes; rejects when they are not a whole gzip stream. */
export async function gunzip(bytes: Uint8Array<ArrayBuffer> | ArrayBuffer): Promise<string> {
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).text();
}
