/**
 * OTLP/JSON request bodies to the decoded model.
 *
 * The dialect accepted is the spec's (proto3 JSON mapping with hex ids and integer enums,
 * lowerCamelCase keys, unknown keys ignored) plus what real senders emit when they use the
 * generic protobuf JSON mapping instead: base64 ids, enum names, and integers or doubles as
 * strings. Snake_case keys are not accepted: the spec calls them invalid and requires unknown
 * keys to be ignored, so `{"resource_logs": …}` decodes as an empty request.
 *
 * Validation is hand-written rather than a zod schema: one pass that checks and builds the
 * model costs about a seventh of what zod/mini needs just to check the same document.
 */

import type { Signal, SignalRequest } from "../../../../shared/otlp/model";
import { OtlpDecodeError } from "../errors";
import { utf8DocumentToString } from "../utf8";
import { logsRequest } from "./logs";
import { metricsRequest } from "./metrics";
import { tracesRequest } from "./traces";
import { describeJsonType, JsonPathError, type JsonObject } from "./values";

const DECODERS: { [S in Signal]: (o: JsonObject) => SignalRequest[S] } = {
  logs: logsRequest,
  traces: tracesRequest,
  metrics: metricsRequest,
};

export function decodeJsonRequest<S extends Signal>(signal: S, body: Uint8Array): SignalRequest[S] {
  let document: unknown;
  try {
    document = JSON.parse(utf8DocumentToString(body));
  } catch (error) {
    throw new OtlpDecodeError(`invalid JSON: ${(error as Error).message}`);
  }
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    throw new OtlpDecodeError(`expected a JSON object, got ${describeJsonType(document)}`);
  }
  try {
    return DECODERS[signal](document as JsonObject);
  } catch (error) {
    if (error instanceof JsonPathError) {
      const path = error.reversedPath.slice().reverse().join(".");
      throw new OtlpDecodeError(path === "" ? error.problem : `${path}: ${error.problem}`);
    }
    throw error;
  }
}
