/**
 * Request bodies for the load run: OTLP log requests made once by the OpenTelemetry SDK, then
 * stamped with a unique request id in place. Unique bodies matter: the Worker deduplicates a
 * repeated body on purpose, which would make rows written fall short of records accepted.
 */
import { logsPayload } from "../../test/support/otlp-payloads";

export type LoadEncoding = "json" | "protobuf";

/** Resource attributes every row of the run carries, so it can be counted on its own. */
export const RUN_ID_ATTRIBUTE = "load.run_id";
export const REQUEST_ID_ATTRIBUTE = "load.request_id";

/** Request ids are fixed-width, so stamping one never changes a length prefix. */
const REQUEST_ID_WIDTH = 16;
const PLACEHOLDER = "#".repeat(REQUEST_ID_WIDTH);
const utf8 = new TextEncoder();

export interface BodyTemplate {
  records: number;
  /** A fresh body with `requestId` (ASCII, up to 16 characters) stamped in. */
  body(encoding: LoadEncoding, requestId: string): Uint8Array<ArrayBuffer>;
}

export async function logsBodyTemplate(runId: string, records: number, seed: number): Promise<BodyTemplate> {
  const payload = await logsPayload({
    records,
    seed,
    resourceAttributes: { [RUN_ID_ATTRIBUTE]: runId, [REQUEST_ID_ATTRIBUTE]: PLACEHOLDER },
  });
  const offsets = { json: placeholderOffset(payload.json), protobuf: placeholderOffset(payload.protobuf) };
  return {
    records: payload.items,
    body(encoding, requestId) {
      const stamped = payload[encoding].slice();
      stamped.set(utf8.encode(requestId.padStart(REQUEST_ID_WIDTH, "0").slice(-REQUEST_ID_WIDTH)), offsets[encoding]);
      return stamped;
    },
  };
}

/** Where the placeholder sits in `body`; it must be there exactly once. */
function placeholderOffset(body: Uint8Array): number {
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const at = bytes.indexOf(PLACEHOLDER);
  if (at < 0 || bytes.lastIndexOf(PLACEHOLDER) !== at) {
    throw new Error("the request id placeholder must occur exactly once in a body");
  }
  return at;
}
