/** A response body ready for `new Response(body, { headers: { "Content-Type": contentType } })`. */
export interface EncodedBody {
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
}

export type ResponseEncoding = "json" | "protobuf";

const utf8 = new TextEncoder();

export function jsonBody(value: unknown): EncodedBody {
  // TextEncoder always returns a view of a fresh ArrayBuffer; some lib typings say ArrayBufferLike.
  const body = utf8.encode(JSON.stringify(value)) as Uint8Array<ArrayBuffer>;
  return { body, contentType: "application/json" };
}

export function protobufBody(bytes: number[]): EncodedBody {
  return { body: Uint8Array.from(bytes), contentType: "application/x-protobuf" };
}
