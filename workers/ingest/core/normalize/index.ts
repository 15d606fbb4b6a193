/**
 * Log normalization, run on decoded log requests before redaction and row mapping:
 * JSON bodies are lifted into fields and attributes, then severities are canonicalized.
 */
import type { LogsRequest } from "../../../shared/otlp/model";
import { liftJsonBodies } from "./lift";
import type { NormalizationOptions } from "./options";
import { normalizeSeverity } from "./severity";

export { liftJsonBodies, liftJsonBody } from "./lift";
export type { LiftOptions } from "./lift";
export { normalizeRecordSeverity, normalizeSeverity } from "./severity";
export {
  DEFAULT_NORMALIZATION_OPTIONS,
  NormalizationOptionsSchema,
  type NormalizationOptions,
} from "./options";

/** Applies the enabled steps in their required order (lifting can set a severity to normalize). */
export function normalizeLogsRequest(request: LogsRequest, options: NormalizationOptions): void {
  if (options.liftJsonBodies) liftJsonBodies(request, options);
  if (options.normalizeSeverity) normalizeSeverity(request);
}
