/** Response bodies of the ingest Worker: export responses and error statuses, JSON or protobuf. */

export type { EncodedBody, ResponseEncoding } from "./encoded-body";
export { encodeExportResponse, type PartialSuccess } from "./export-response";
export { encodeStatus, type RpcStatus } from "./status";
