import type { KeyValue, Resource } from "../../../shared/otlp/model";

/**
 * Resource attributes that name the deployed version when `service.version` is absent, in
 * order: Cloudflare's OTLP export sets `faas.version` and `cloudflare.script_version.id` (both
 * the Workers version id) and no `service.version`; the tail Worker writes that same id as
 * `service.version`, so rows from both channels agree.
 */
const VERSION_SOURCES = ["faas.version", "cloudflare.script_version.id"] as const;

const SERVICE_VERSION = "service.version";

/**
 * The resource attribute and value that mark a Cloudflare Worker's resource (semantic conventions'
 * `cloud.provider`; Cloudflare's export always sends it). Elsewhere `faas.version` is not a
 * deployment's version (AWS Lambda's resource detector sends `$LATEST`), so other senders' resources
 * are stored as sent, as the Collector stores them.
 */
const CLOUD_PROVIDER = "cloud.provider";
const CLOUDFLARE = "cloudflare";

/**
 * Adds `service.version` to a Cloudflare Worker's resource (`cloud.provider` = `cloudflare`) that
 * has none, copied from the first non-empty VERSION_SOURCES attribute. Never changes an attribute
 * the sender set, and leaves every other sender's resource as it is. Mutates the resource.
 */
export function fillServiceVersion(resource: Resource): void {
  const attributes = resource.attributes;
  let source: KeyValue | undefined;
  let sourceRank: number = VERSION_SOURCES.length;
  let cloudflare = false;
  for (const attribute of attributes) {
    if (attribute.key === SERVICE_VERSION) return;
    if (attribute.key === CLOUD_PROVIDER) cloudflare = "stringValue" in attribute.value && attribute.value.stringValue === CLOUDFLARE;
    const rank = (VERSION_SOURCES as readonly string[]).indexOf(attribute.key);
    if (rank >= 0 && rank < sourceRank && isNonEmptyText(attribute)) {
      source = attribute;
      sourceRank = rank;
    }
  }
  if (cloudflare && source !== undefined) attributes.push({ key: SERVICE_VERSION, value: source.value });
}

function isNonEmptyText(attribute: KeyValue): boolean {
  const value = attribute.value;
  return "stringValue" in value ? value.stringValue !== "" : "intValue" in value;
}
