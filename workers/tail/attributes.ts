/**
 * The resource and record attributes describing one producer invocation.
 *
 * Request headers and the `cf` object are deliberately not copied: they hold cookies, auth tokens
 * and the client's geolocation. Only named, harmless facts are taken. The attribute names are a
 * contract with the dashboards; workers/tail/README.md lists them.
 */
import { CF_RAY_HEADER_ATTRIBUTE, RAY_ID_ATTRIBUTE, rayIdOf, REQUEST_ID_ATTRIBUTE } from "../shared/request-id";
import { findRequestId } from "./correlation";
import type { InvocationEvent } from "./event-kind";
import type { AttributeInput } from "./otlp-json";
import { invocationOutcome, reportedOutcomeIfChanged } from "./outcomes";
import type { TailTraceItem } from "./trace-item";

/** Marks every record the tail writes, so dashboards can tell them from a producer's own logs. */
export const TAIL_SOURCE = "tail-worker";

/**
 * The outcome the runtime reported, on records and counts whose outcome the tail changed
 * (outcomes.ts invocationOutcome): "ok" for a handler that threw.
 */
export const REPORTED_OUTCOME_ATTRIBUTE = "cloudflare.reported_outcome";

/** `cloud.platform` as Cloudflare's OTLP export sets it for Workers. */
const CLOUD_PLATFORM = "cloudflare.workers";

/** The platform cut the invocation's logs short (truncation.ts): on every record, and on its count when true. */
export const TRUNCATED_ATTRIBUTE = "cloudflare.truncated";

/**
 * The producer's resource, with the semantic-convention attributes Cloudflare's own OTLP export
 * sets for the same Worker and with the same values (`cloud.provider`, `cloud.platform`,
 * `faas.name` and `cloudflare.script_name` the script name, `faas.version` and
 * `cloudflare.script_version.id` the version id), so one query finds a Worker's rows from both
 * channels. `faas.name` is left out where the runtime gives no script name: the fallback is not
 * the Worker's name. `service.version` is the version id too (the ingest Worker copies the export's
 * `faas.version` into it), else the version tag; a tag, when set, is kept beside it.
 */
export function resourceAttributes(item: TailTraceItem, serviceNameFallback: string): Record<string, AttributeInput> {
  const scriptTags = item.scriptTags !== undefined && item.scriptTags.length > 0 ? item.scriptTags : undefined;
  const scriptName = nonEmpty(item.scriptName ?? undefined);
  const versionId = nonEmpty(item.scriptVersion?.id);
  return {
    "service.name": item.scriptName ?? serviceNameFallback,
    "service.version": versionId ?? nonEmpty(item.scriptVersion?.tag),
    "cloudflare.script_version.tag": nonEmpty(item.scriptVersion?.tag),
    "cloud.provider": "cloudflare",
    "cloud.platform": CLOUD_PLATFORM,
    "faas.name": scriptName,
    "cloudflare.script_name": scriptName,
    "faas.version": versionId,
    "cloudflare.script_version.id": versionId,
    "cloudflare.dispatch_namespace": nonEmpty(item.dispatchNamespace),
    "cloudflare.script_tags": scriptTags,
    "cloudflare.entrypoint": nonEmpty(item.entrypoint),
  };
}

/** Attributes every record of one invocation shares, whatever its kind of record. */
export function invocationAttributes(item: TailTraceItem, event: InvocationEvent): Record<string, AttributeInput> {
  return {
    _source: TAIL_SOURCE,
    _outcome: invocationOutcome(item),
    [REPORTED_OUTCOME_ATTRIBUTE]: reportedOutcomeIfChanged(item),
    "cloudflare.event.kind": event.kind,
    "faas.trigger": faasTrigger(event),
    ...eventAttributes(event),
    [REQUEST_ID_ATTRIBUTE]: findRequestId(item, event),
    "cloudflare.execution_model": nonEmpty(item.executionModel),
    "cloudflare.cpu_time_ms": item.cpuTime,
    "cloudflare.wall_time_ms": item.wallTime,
    [TRUNCATED_ATTRIBUTE]: item.truncated,
  };
}

/** The semantic-convention trigger category of each event kind. */
function faasTrigger(event: InvocationEvent): string {
  switch (event.kind) {
    case "fetch":
      return "http";
    case "scheduled":
    case "alarm":
      return "timer";
    case "queue":
      return "pubsub";
    default:
      return "other";
  }
}

function eventAttributes(event: InvocationEvent): Record<string, AttributeInput> {
  switch (event.kind) {
    case "fetch":
      return {
        "url.path": urlPath(event.url),
        "http.request.method": nonEmpty(event.method),
        "http.response.status_code": event.status,
        // The Ray ID in the one form both channels store (rayIdOf: 16 hex, lower case, no `-<colo>`),
        // so one value finds a request on both; `request.id` falls back to it too (correlation.ts).
        // The header as sent keeps the data centre, under the export's name for request headers.
        [RAY_ID_ATTRIBUTE]: rayIdOrUndefined(event.headers["cf-ray"]),
        [CF_RAY_HEADER_ATTRIBUTE]: nonEmpty(event.headers["cf-ray"]),
      };
    case "scheduled":
      return { "faas.cron": event.cron, "faas.time": isoTime(event.scheduledTime) };
    case "queue":
      return { "messaging.destination.name": event.queue, "messaging.batch.message_count": event.batchSize };
    case "alarm":
      return { "faas.time": isoTime(event.scheduledTime) };
    case "email":
      // The sender's address is someone else's personal data; the recipient is the producer's own.
      return { "cloudflare.email.rcpt_to": nonEmpty(event.rcptTo), "cloudflare.email.raw_size": event.rawSize };
    case "rpc":
      return { "rpc.method": nonEmpty(event.method) };
    case "websocket":
      return { "cloudflare.websocket.event_type": nonEmpty(event.eventType) };
    default:
      return {};
  }
}

/** The path only: query strings routinely carry tokens and personal data. */
export function urlPath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split(/[?#]/, 1)[0] ?? "";
  }
}

/** scheduledTime is epoch ms for cron events, a Date for alarms (an ISO string once serialized). */
function isoTime(value: unknown): string | undefined {
  if (typeof value !== "number" && typeof value !== "string" && !(value instanceof Date)) return undefined;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}

function rayIdOrUndefined(header: string | undefined): string | undefined {
  const value = nonEmpty(header);
  return value === undefined ? undefined : rayIdOf(value);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}
