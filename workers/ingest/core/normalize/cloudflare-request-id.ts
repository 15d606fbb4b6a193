/**
 * D-9's `request.id` on what Cloudflare's native OTLP export sends about a request. The export
 * names the request on its invocation records and handler spans only by `cloudflare.ray_id` and,
 * when the caller sent one, `http.request.header.x-request-id`; without a `request.id` those rows
 * escape the one query that joins a request's rows. This gives them the id the tail Worker gives
 * its records of the same invocation (workers/tail/correlation.ts): the producer's own logged id,
 * else the caller's `x-request-id`, else the Ray ID (requestIdOfRequest). A record or span that
 * carries a `request.id` keeps it.
 */
import type { AnyValue, KeyValue, LogRecord, LogsRequest, TracesRequest } from "../../../shared/otlp/model";
import { RAY_ID_ATTRIBUTE, REQUEST_ID_ATTRIBUTE, requestIdOfRequest } from "../../../shared/request-id";
import { anyValueAsString } from "../rows/any-value";
import { CLOUDFLARE_EXPORT_SCOPE, isInvocation } from "./cloudflare-export";

/** The caller's `x-request-id`, under OpenTelemetry's name for a request header. */
const X_REQUEST_ID = "http.request.header.x-request-id";

/**
 * Sets `request.id` on the export's log records, in place. The export sends one `resourceLogs`
 * per invocation, so a resource holding exactly one invocation record (a record of the export's
 * scope with `cloudflare.ray_id` or `faas.invocation_id`) is one request: its id is the first
 * `request.id` one of its console lines carries (after lifting, so a line's alias counts), else
 * the invocation record's `x-request-id`, else its Ray ID, and every record of the export's scope
 * in the resource without a `request.id` gets it, lines included. A resource with more than one
 * invocation record (not what the export sends) is not taken for one request: each invocation
 * record gets the id of its own attributes and its lines are left as they are. A resource with
 * none (invocation logs turned off) has no Ray ID to fall back to and is left as it is.
 */
export function joinCloudflareLogRequestIds(request: LogsRequest): void {
  for (const resourceLogs of request.resourceLogs) {
    const records: LogRecord[] = [];
    const invocations: LogRecord[] = [];
    for (const scopeLogs of resourceLogs.scopeLogs) {
      if (scopeLogs.scope.name !== CLOUDFLARE_EXPORT_SCOPE) continue;
      for (const record of scopeLogs.logRecords) {
        records.push(record);
        if (isInvocation(record.attributes)) invocations.push(record);
      }
    }
    if (invocations.length === 1) {
      const invocation = invocations[0]!;
      const id = loggedRequestId(records, invocation) ?? requestIdOfAttributes(invocation.attributes);
      if (id !== undefined) for (const record of records) addRequestId(record.attributes, id);
    } else {
      for (const invocation of invocations) addOwnRequestId(invocation.attributes);
    }
  }
}

/**
 * Sets `request.id` on the export's handler spans, in place: a span of the export's scope with
 * `cloudflare.ray_id` or `faas.invocation_id` and no `request.id` gets its `x-request-id`, else
 * its Ray ID. A span sees no console line, so a producer's logged id cannot win here; the
 * producer who logs one should take it from `x-request-id` or `cf-ray` as D-9 says; when it does
 * not, the span and the invocation record still share `cloudflare.ray_id`, by which README's query
 * for one request joins them. The binding calls' Client spans carry neither attribute and are
 * found by their `TraceId`.
 */
export function joinCloudflareSpanRequestIds(request: TracesRequest): void {
  for (const resourceSpans of request.resourceSpans) {
    for (const scopeSpans of resourceSpans.scopeSpans) {
      if (scopeSpans.scope.name !== CLOUDFLARE_EXPORT_SCOPE) continue;
      for (const span of scopeSpans.spans) {
        if (isInvocation(span.attributes)) addOwnRequestId(span.attributes);
      }
    }
  }
}

/** The first non-empty `request.id` a record of the invocation other than its invocation record carries. */
function loggedRequestId(records: readonly LogRecord[], invocation: LogRecord): AnyValue | undefined {
  for (const record of records) {
    if (record === invocation) continue;
    const id = requestIdAttribute(record.attributes);
    if (id !== undefined && anyValueAsString(id) !== "") return id;
  }
  return undefined;
}

function addOwnRequestId(attributes: KeyValue[]): void {
  const id = requestIdOfAttributes(attributes);
  if (id !== undefined) addRequestId(attributes, id);
}

/** requestIdOfRequest over an invocation record's or handler span's own attributes. */
function requestIdOfAttributes(attributes: readonly KeyValue[]): AnyValue | undefined {
  let xRequestId: string | undefined;
  let rayId: string | undefined;
  for (const attribute of attributes) {
    if (attribute.key === X_REQUEST_ID) xRequestId = headerText(attribute.value);
    else if (attribute.key === RAY_ID_ATTRIBUTE) rayId = headerText(attribute.value);
  }
  const id = requestIdOfRequest(xRequestId, rayId);
  return id === undefined ? undefined : { stringValue: id };
}

/**
 * A header attribute's text: a string, or the first value of the string array OpenTelemetry's
 * semantic conventions give `http.request.header.*` (the export sends a string).
 */
function headerText(value: AnyValue): string | undefined {
  if ("stringValue" in value) return value.stringValue;
  if ("arrayValue" in value) {
    const first = value.arrayValue[0];
    if (first !== undefined && "stringValue" in first) return first.stringValue;
  }
  return undefined;
}

function requestIdAttribute(attributes: readonly KeyValue[]): AnyValue | undefined {
  for (const attribute of attributes) if (attribute.key === REQUEST_ID_ATTRIBUTE) return attribute.value;
  return undefined;
}

function addRequestId(attributes: KeyValue[], id: AnyValue): void {
  if (requestIdAttribute(attributes) === undefined) attributes.push({ key: REQUEST_ID_ATTRIBUTE, value: copyOf(id) });
}

/**
 * A copy per record, as redaction and the limits rewrite values in place; an id is a string or
 * an integer (requestIdValue), copied without the generic spread's cost.
 */
function copyOf(id: AnyValue): AnyValue {
  if ("stringValue" in id) return { stringValue: id.stringValue };
  if ("intValue" in id) return { intValue: id.intValue };
  return { ...id };
}
