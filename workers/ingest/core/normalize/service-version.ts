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
 * Adds `service.version` to a resource that has none, copied from the first non-empty
 * VERSION_SOURCES attribute. Never changes an attribute the sender set. Mutates the resource.
 */
export function fillServiceVersion(resource: Resource): void {
  const attributes = resource.attributes;
  let source: KeyValue | undefined;
  let sourceRank: number = VERSION_SOURCES.length;
  for (const attribute of attributes) {
    if (attribute.key === SERVICE_VERSION) return;
    const rank = (VERSION_SOURCES as readonly string[]).indexOf(attribute.key);
    if (rank >= 0 && rank < sourceRank && isNonEmptyText(attribute)) {
      source = attribute;
      sourceRank = rank;
    }
  }
  if (source !== undefined) attributes.push({ key: SERVICE_VERSION, value: source.value });
}

function isNonEmptyText(attribute: KeyValue): boolean {
  const value = attribute.value;
  return "stringValue" in value ? value.stringValue !== "" : "intValue" in value;
}
