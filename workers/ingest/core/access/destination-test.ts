/**
 * Cloudflare's destination test: the one record Workers Observability sends when a destination
 * is created or updated, which must be answered 2xx or the destination cannot be saved. It names
 * its own service (`cloudflare-workers-observability`), never the Worker's, so a token scoped to
 * the Worker's services would refuse it; the access check lets exactly this shape through under
 * any scope (docs/decisions.md, "Cloudflare's destination test under a scoped token").
 */
import type { LogsRequest } from "../../../shared/otlp/model";
import { CLOUDFLARE_PREFLIGHT_SERVICE } from "../decode/json/signal-hint";
import { CLOUDFLARE_EXPORT_SCOPE } from "../normalize/cloudflare-export";

/**
 * The test record's body: `Hello from Cloudflare 👋 (<destination name>)`. The name is held to
 * one line of at most 128 characters, so a scoped token cannot pass its own data off as a test.
 */
const TEST_BODY = /^Hello from Cloudflare 👋 \([^\p{Cc}]{1,128}\)$/u;

/**
 * Whether `request` is Cloudflare's destination test and nothing else, exactly as the export
 * sends it: one resource whose only attribute is `service.name = cloudflare-workers-observability`,
 * one scope named `workers-observability` without version or attributes, one record with no
 * attributes, trace context, event name or severity text, severity number 9 (or unset), and a
 * body `Hello from Cloudflare 👋 (<name>)` (TEST_BODY). Anything more is not the test and is
 * held to the token's scope like any other request.
 */
export function isCloudflareDestinationTest(request: LogsRequest): boolean {
  if (request.resourceLogs.length !== 1) return false;
  const { resource, scopeLogs } = request.resourceLogs[0]!;
  if (resource.attributes.length !== 1) return false;
  const [service] = resource.attributes;
  if (service!.key !== "service.name" || !("stringValue" in service!.value)) return false;
  if (service!.value.stringValue !== CLOUDFLARE_PREFLIGHT_SERVICE) return false;
  if (scopeLogs.length !== 1) return false;
  const { scope, logRecords } = scopeLogs[0]!;
  if (scope.name !== CLOUDFLARE_EXPORT_SCOPE || scope.version !== "" || scope.attributes.length !== 0) return false;
  if (logRecords.length !== 1) return false;
  const record = logRecords[0]!;
  return (
    record.attributes.length === 0 &&
    record.traceId === "" &&
    record.spanId === "" &&
    record.eventName === "" &&
    record.severityText === "" &&
    (record.severityNumber === 9 || record.severityNumber === 0) &&
    record.body !== undefined &&
    "stringValue" in record.body &&
    TEST_BODY.test(record.body.stringValue)
  );
}
