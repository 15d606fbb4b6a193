/**
 * Cloudflare's destination test: the one record Workers Observability sends when a destination
 * is created or updated, which must be answered 2xx or the destination cannot be saved. It names
 * its own service (`cloudflare-workers-observability`), never the Worker's, so a token scoped to
 * the Worker's services would refuse it; the access check lets exactly this shape through under
 * any scope (docs/decisions.md, "Cloudflare's destination test under a scoped token").
 */
import { lazy } from "../../../shared/lazy";
import type { AnyValue, KeyValue, LogsRequest } from "../../../shared/otlp/model";
import { CLOUDFLARE_PREFLIGHT_SERVICE } from "../decode/json/signal-hint";
import { CLOUDFLARE_EXPORT_SCOPE } from "../normalize/cloudflare-export";

/**
 * The test record's body: `Hello from Cloudflare 👋 (<destination name>)`. The name is held to
 * one line of at most 128 characters, so a scoped token cannot pass its own data off as a test.
 */
const TEST_BODY = lazy(() => new RegExp(String.raw`^Hello from Cloudflare 👋 \([^\p{Cc}]{1,128}\)$`, "u"));

/**
 * Resource attributes, besides `service.name`, that the export's resources are documented to
 * carry (`telemetry.sdk.name`/`language`, `cloud.provider`, `cloud.platform`, `faas.name`,
 * `faas.version`, `faas.invoked_region`, `cloudflare.script_name`, `cloudflare.colo`,
 * `cloudflare.script_version.id`), by the namespaces they belong to, so a test record sent with
 * the export's usual resource is still read as the test.
 */
const EXPORT_RESOURCE_PREFIXES = ["telemetry.sdk.", "faas.", "cloudflare."] as const;
const EXPORT_RESOURCE_KEYS: ReadonlySet<string> = new Set(["cloud.provider", "cloud.platform", "cloud.region"]);

/** Attributes the export's own log records carry (its console lines), the only ones a test record may. */
const EXPORT_RECORD_KEYS: ReadonlySet<string> = new Set(["name", "cloudflare.invocation.sequence.number"]);

/**
 * The longest string an accepted attribute or scope version may hold: ids, versions and names
 * the export writes are far shorter, and the bound keeps the exemption from carrying data.
 */
const MAX_VALUE_CHARS = 256;

/** What a logs request is to the destination-test exemption (readDestinationTest). */
export type DestinationTestReading =
  /** Cloudflare's destination test and nothing else: any token may write it. */
  | { kind: "test" }
  /** A resource names the test's service, but the request is not the test: `difference` says why. */
  | { kind: "near"; difference: string }
  /** No resource names the test's service. */
  | { kind: "other" };

/**
 * Reads `request` as Cloudflare's destination test, exactly as the export sends it: one resource
 * with `service.name = cloudflare-workers-observability` and otherwise only attributes the
 * export's resources carry (EXPORT_RESOURCE_PREFIXES, EXPORT_RESOURCE_KEYS); one scope named
 * `workers-observability`, with a version or none and no attributes; one record with at most the
 * attributes the export's records carry (EXPORT_RECORD_KEYS), no trace context, event name or
 * severity text, severity number 9 (or unset), and a body `Hello from Cloudflare 👋 (<name>)`
 * (TEST_BODY). Accepted values are scalars, strings of one line of at most MAX_VALUE_CHARS.
 * Anything more is not the test and is held to the token's scope like any other request; when a
 * resource names the test's service, the first difference found is returned as a phrase for the
 * 403's message ("it carries 2 records, the test one").
 */
export function readDestinationTest(request: LogsRequest): DestinationTestReading {
  if (!request.resourceLogs.some(({ resource }) => namesTestService(resource.attributes))) return { kind: "other" };
  const difference = differenceFromTest(request);
  return difference === undefined ? { kind: "test" } : { kind: "near", difference };
}

function differenceFromTest(request: LogsRequest): string | undefined {
  if (request.resourceLogs.length !== 1) return `it carries ${request.resourceLogs.length} resources, the test one`;
  const { resource, scopeLogs } = request.resourceLogs[0]!;
  const serviceNames = resource.attributes.filter(({ key }) => key === "service.name").length;
  if (serviceNames !== 1) return `its resource gives service.name ${serviceNames} times, the test's once`;
  for (const attribute of resource.attributes) {
    if (attribute.key === "service.name") continue;
    if (!isExportResourceKey(attribute.key)) {
      return `resource attribute ${JSON.stringify(attribute.key)} is not one Cloudflare's export sets`;
    }
    if (!isShortScalar(attribute.value)) return valueDifference("resource", attribute);
  }
  if (scopeLogs.length !== 1) return `it carries ${scopeLogs.length} scopes, the test one`;
  const { scope, logRecords } = scopeLogs[0]!;
  if (scope.name !== CLOUDFLARE_EXPORT_SCOPE) {
    return `its scope is ${JSON.stringify(scope.name)}, the test's is ${JSON.stringify(CLOUDFLARE_EXPORT_SCOPE)}`;
  }
  if (!isShortText(scope.version)) return `its scope version is not one line of at most ${MAX_VALUE_CHARS} characters`;
  if (scope.attributes.length !== 0) return "its scope carries attributes, the test's none";
  if (logRecords.length !== 1) return `it carries ${logRecords.length} records, the test one`;
  const record = logRecords[0]!;
  for (const attribute of record.attributes) {
    if (!EXPORT_RECORD_KEYS.has(attribute.key)) {
      return `record attribute ${JSON.stringify(attribute.key)} is not one Cloudflare's export sets`;
    }
    if (!isShortScalar(attribute.value)) return valueDifference("record", attribute);
  }
  if (record.traceId !== "" || record.spanId !== "") return "its record carries trace context, the test's none";
  if (record.eventName !== "") return "its record carries an event name, the test's none";
  if (record.severityText !== "") return "its record carries a severity text, the test's none";
  if (record.severityNumber !== 9 && record.severityNumber !== 0) {
    return `its record's severity number is ${record.severityNumber}, the test's 9`;
  }
  const body = record.body;
  if (body === undefined || !("stringValue" in body) || !TEST_BODY().test(body.stringValue)) {
    return "its record's body is not \"Hello from Cloudflare 👋 (<destination name>)\" with a name of one line of at most 128 characters";
  }
  return undefined;
}

function namesTestService(attributes: readonly KeyValue[]): boolean {
  return attributes.some(
    ({ key, value }) => key === "service.name" && "stringValue" in value && value.stringValue === CLOUDFLARE_PREFLIGHT_SERVICE,
  );
}

function isExportResourceKey(key: string): boolean {
  return EXPORT_RESOURCE_KEYS.has(key) || EXPORT_RESOURCE_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/** A string of one line of at most MAX_VALUE_CHARS, an integer or a boolean: what the export's values are. */
function isShortScalar(value: AnyValue): boolean {
  if ("stringValue" in value) return isShortText(value.stringValue);
  return "intValue" in value || "boolValue" in value;
}

function isShortText(text: string): boolean {
  return text.length <= MAX_VALUE_CHARS && !CONTROL_CHARACTER().test(text);
}
const CONTROL_CHARACTER = lazy(() => new RegExp(String.raw`\p{Cc}`, "u"));

function valueDifference(where: "resource" | "record", attribute: KeyValue): string {
  return (
    `${where} attribute ${JSON.stringify(attribute.key)} is not a number, boolean or one line of at most ` +
    `${MAX_VALUE_CHARS} characters`
  );
}
