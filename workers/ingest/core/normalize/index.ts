/**
 * Normalization, run on decoded requests before redaction and row mapping: every resource gets
 * a `service.version` when it only names its version in Cloudflare's attributes; log records'
 * structured bodies are lifted into fields and attributes, then severities are canonicalized;
 * Cloudflare's export's `cloudflare.ray_id` takes the tail's form (cloudflare-ray-id.ts), and its
 * invocation records, their console lines and its handler spans get the request's `request.id`
 * (cloudflare-request-id.ts).
 */
import type { Signal, SignalRequest } from "../../../shared/otlp/model";
import { canonicalizeCloudflareLogRayIds, canonicalizeCloudflareSpanRayIds } from "./cloudflare-ray-id";
import { joinCloudflareLogRequestIds, joinCloudflareSpanRequestIds } from "./cloudflare-request-id";
import { joinRequestIdAttributes, liftJsonBodies, type LiftAttributeLimits } from "./lift";
import type { LiftNotes } from "./lift-notes";
import type { NormalizationOptions } from "./options";
import { fillServiceVersion } from "./service-version";
import { markFormattedMessages } from "./template-body";
import { normalizeSeverity } from "./severity";

export { liftJsonBodies, liftJsonBody } from "./lift";
export { BODY_KEY_PREFIX, ORIGINAL_RECORD_ATTRIBUTE } from "./attribute-names";
export type { LiftAttributeLimits, LiftOptions } from "./lift";
export { emptyLiftNotes, liftNotesWarning, type LiftNotes } from "./lift-notes";
export { fillServiceVersion } from "./service-version";
export { namesCloudflareInvocation } from "./cloudflare-export";
export { DROPPED_PROPERTY, markFormattedMessages, writeTemplateBodies } from "./template-body";
export { normalizeRecordSeverity, normalizeSeverity } from "./severity";
export {
  DEFAULT_NORMALIZATION_OPTIONS,
  NormalizationOptionsSchema,
  type NormalizationOptions,
} from "./options";

/**
 * Applies the enabled log steps in their required order (lifting can set a severity to
 * normalize). `limits` are the attribute limits the request is held to afterwards, which lifting
 * respects so that no value the sender wrote is lost (liftJsonBody); `notes` learns of lifted
 * attributes whose body stays as written and of numbers a double cannot hold (LiftNotes).
 */
export function normalizeLogsRequest(
  request: SignalRequest["logs"],
  options: NormalizationOptions,
  limits?: LiftAttributeLimits,
  notes?: LiftNotes,
): void {
  if (options.liftJsonBodies) liftJsonBodies(request, options, limits, notes);
  else joinRequestIdAttributes(request);
  // After lifting, which marks the templates of the bodies it lifted.
  markFormattedMessages(request);
  canonicalizeCloudflareLogRayIds(request);
  // After lifting: a console line's lifted id is the one its invocation's records take.
  joinCloudflareLogRequestIds(request);
  if (options.normalizeSeverity) normalizeSeverity(request);
}

/** Every step that applies to `signal`, in place: resources of all signals, then the log steps. */
export function normalizeRequest<S extends Signal>(
  signal: S,
  request: SignalRequest[S],
  options: NormalizationOptions,
  limits?: LiftAttributeLimits,
  notes?: LiftNotes,
): void {
  for (const resource of resourcesOf(signal, request)) fillServiceVersion(resource);
  if (signal === "logs") normalizeLogsRequest(request as SignalRequest["logs"], options, limits, notes);
  else if (signal === "traces") {
    canonicalizeCloudflareSpanRayIds(request as SignalRequest["traces"]);
    joinCloudflareSpanRequestIds(request as SignalRequest["traces"]);
  }
}

function resourcesOf<S extends Signal>(signal: S, request: SignalRequest[S]) {
  switch (signal) {
    case "logs":
      return (request as SignalRequest["logs"]).resourceLogs.map((r) => r.resource);
    case "traces":
      return (request as SignalRequest["traces"]).resourceSpans.map((r) => r.resource);
    default:
      return (request as SignalRequest["metrics"]).resourceMetrics.map((r) => r.resource);
  }
}
