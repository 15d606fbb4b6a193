/**
 * One form of the Ray ID on both channels: the tail Worker stores `cloudflare.ray_id` as rayIdOf
 * gives it (16 hex digits, lower case), so the export's records and spans are brought to the same
 * form here, whatever form Cloudflare sent (`8F3B2C1D4E5F6A7B`, or the header's
 * `8f3b2c1d4e5f6a7b-FRA`). What the export sent is kept only when it was the `cf-ray` header's
 * form, as `http.request.header.cf-ray`, where the tail keeps the header as sent; a change of
 * case alone loses nothing worth a second attribute. A value that is no Ray ID is kept as sent.
 */
import type { KeyValue, LogsRequest, TracesRequest } from "../../../shared/otlp/model";
import { CF_RAY_HEADER_ATTRIBUTE, isCfRayHeaderValue, RAY_ID_ATTRIBUTE, rayIdOf } from "../../../shared/request-id";
import { CLOUDFLARE_EXPORT_SCOPE } from "./cloudflare-export";

/** canonicalRayId on every log record of the export's scope, in place. */
export function canonicalizeCloudflareLogRayIds(request: LogsRequest): void {
  for (const resourceLogs of request.resourceLogs) {
    for (const scopeLogs of resourceLogs.scopeLogs) {
      if (scopeLogs.scope.name !== CLOUDFLARE_EXPORT_SCOPE) continue;
      for (const record of scopeLogs.logRecords) canonicalRayId(record.attributes);
    }
  }
}

/** canonicalRayId on every span of the export's scope, in place. */
export function canonicalizeCloudflareSpanRayIds(request: TracesRequest): void {
  for (const resourceSpans of request.resourceSpans) {
    for (const scopeSpans of resourceSpans.scopeSpans) {
      if (scopeSpans.scope.name !== CLOUDFLARE_EXPORT_SCOPE) continue;
      for (const span of scopeSpans.spans) canonicalRayId(span.attributes);
    }
  }
}

/**
 * Sets a string `cloudflare.ray_id` to rayIdOf's form, in place; when the value sent was a
 * `cf-ray` header's value and the attributes carry no `http.request.header.cf-ray`, that value is
 * added under it. Attributes without the key, or whose value is not a string, are left as they are.
 */
export function canonicalRayId(attributes: KeyValue[]): void {
  const attribute = attributes.find(({ key }) => key === RAY_ID_ATTRIBUTE);
  if (attribute === undefined || !("stringValue" in attribute.value)) return;
  const sent = attribute.value.stringValue;
  const rayId = rayIdOf(sent);
  if (rayId === sent) return;
  attribute.value = { stringValue: rayId };
  if (isCfRayHeaderValue(sent) && !attributes.some(({ key }) => key === CF_RAY_HEADER_ATTRIBUTE)) {
    attributes.push({ key: CF_RAY_HEADER_ATTRIBUTE, value: { stringValue: sent } });
  }
}
