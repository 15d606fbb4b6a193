/** A response body ready for `new Response(body, { headers: { "Content-Type": contentType } })`. */
export interface EncodedBody {
  body: Uint8Array;
  contentType: string;
}

export type ResponseEncoding = "json" | "protobuf";

const utf8 = new TextEncoder();

export function jsonBody(value: unknown): EncodedBody {
  return { body: utf8.encode(JSON.stringify(value)), contentType: "application/json" };
}

export function protobufBody(bytes: number[]): EncodedBody {
  return { body: Uint8Array.from(bytes), contentType: "application/x-protobuf" };
}
