import { recordCount } from "../../../shared/otlp/record-count";
import type { SenderPlace } from "../../../shared/otlp/sender-place";
import type { AnyValue, KeyValue, Signal } from "../../../shared/otlp/model";
import { keyCount } from "./key-count";
import { quotedKey } from "./named-keys";
import type { RequestLimits } from "./options";

/**
 * Attributes an identity list may hold: a resource's, a scope's, a metric data point's or an
 * exemplar's (docs/decisions.md, 2026-12-02). Those lists are never cut, as cutting two that
 * differ only past the cut makes them one: two series, or two pods' resources, merged. The
 * OpenTelemetry specification exempts resource and metric attributes from the attribute limits
 * (common/README.md, "Exempt Entities"), and a scope's attributes are part of its identity
 * (the (name, version, schema_url, attributes) tuple). 1024 is eight times the SDKs' count limit:
 * a pod's labels and annotations as k8sattributes extracts them, or a scrape's labels, stay far
 * below it, while a runaway producer (a loop adding attributes) does not.
 */
export const IDENTITY_ATTRIBUTES_BOUND = 1024;

/**
 * UTF-16 code units a string of an identity list may hold, at any depth: 256 KiB, what
 * Kubernetes allows all of an object's annotations together (a pod's
 * `kubectl.kubernetes.io/last-applied-configuration`, extracted whole, fits), so no value a
 * resource detector reads from Kubernetes is refused.
 */
export const IDENTITY_VALUE_LENGTH_BOUND = 262_144;

/** The bounds of identity lists: the constants above, or the settings for other lists where those are larger. */
export interface IdentityBound {
  attributes: number;
  valueLength: number;
}

/** What every identity list of a request is held to: never less than what the settings let other lists keep. */
export function identityBound(limits: Pick<RequestLimits, "maxAttributesPerRecord" | "maxAttributeValueLength">): IdentityBound {
  return {
    attributes: Math.max(IDENTITY_ATTRIBUTES_BOUND, limits.maxAttributesPerRecord),
    valueLength: Math.max(IDENTITY_VALUE_LENGTH_BOUND, limits.maxAttributeValueLength),
  };
}

/**
 * What makes `attributes` over `bound`, in the answer's words (`1025 attributes`, `a value of
 * 300000 characters under key "http.url"`), or undefined when the list is within it. A value redaction replaced
 * (`rewritten`: the length the sender wrote) is over only when the sender's text was too, as the
 * length limit judges it: a marker longer than what it replaced refuses nothing. `exempt` names
 * attributes the pipeline wrote, which are not counted.
 */
export function overIdentityBound(
  attributes: readonly KeyValue[],
  bound: IdentityBound,
  rewritten: ReadonlyMap<AnyValue, number> | undefined,
  exempt: ReadonlySet<string>,
): string | undefined {
  if (attributes.length > bound.attributes) {
    const sent = keyCount(attributes, exempt);
    if (sent > bound.attributes) return `${sent} attributes`;
  }
  for (let i = 0; i < attributes.length; i++) {
    const length = lengthOver(attributes[i]!.value, bound.valueLength, rewritten);
    // A later value of a key sent twice is not stored (the rows keep the first), so it refuses nothing.
    if (length !== undefined && !repeatsEarlierKey(attributes, i)) return `a value of ${length} characters under key ${quotedKey(attributes[i]!.key)}`;
  }
  return undefined;
}

/** Whether the key of `attributes[index]` occurs before it. */
function repeatsEarlierKey(attributes: readonly KeyValue[], index: number): boolean {
  const key = attributes[index]!.key;
  for (let i = 0; i < index; i++) if (attributes[i]!.key === key) return true;
  return false;
}

/** The length the sender wrote of the first string in `value` (at any depth) over `max`, stored and as sent. */
function lengthOver(value: AnyValue, max: number, rewritten: ReadonlyMap<AnyValue, number> | undefined): number | undefined {
  if ("stringValue" in value) {
    const length = value.stringValue.length;
    if (length <= max) return undefined;
    const sent = rewritten?.get(value);
    return sent === undefined ? length : sent > max ? sent : undefined;
  }
  const items = "arrayValue" in value ? value.arrayValue : "kvlistValue" in value ? value.kvlistValue.map((entry) => entry.value) : [];
  for (const item of items) {
    const length = lengthOver(item, max, rewritten);
    if (length !== undefined) return length;
  }
  return undefined;
}

/**
 * The records of one request refused because an identity list they carry is over the bound:
 * how many, and the first list's place (as the decoded request names it) and what it held.
 */
export interface IdentityRefusal {
  rejected: number;
  /** Identity lists found over the bound. */
  lists: number;
  firstPlace: string;
  firstFound: string;
}

/** A request's refusal before any: nothing refused. */
export function noIdentityRefusal(): IdentityRefusal {
  return { rejected: 0, lists: 0, firstPlace: "", firstFound: "" };
}

/**
 * The partial success's words for `refusal` (rejected > 0), e.g. `1 data point rejected: 1025
 * attributes at resourceMetrics[0]…dataPoints[1], over the bound for identity attributes
 * (1024 attributes, 262144 characters a value), which are stored whole or not at all: …`.
 * Places are the sender's (`senderPlace`).
 */
export function identityRefusalMessage(
  signal: Signal,
  refusal: IdentityRefusal,
  limits: Pick<RequestLimits, "maxAttributesPerRecord" | "maxAttributeValueLength">,
  senderPlace: SenderPlace,
): string {
  const bound = identityBound(limits);
  const others = refusal.lists > 1 ? ` (the first of ${refusal.lists} such lists)` : "";
  return (
    `${recordCount(refusal.rejected, signal)} rejected: ${refusal.firstFound} at ${senderPlace(refusal.firstPlace)}${others}, ` +
    `over the bound for the attributes of a resource, a scope or a data point (${bound.attributes} attributes, ` +
    `${bound.valueLength} characters a value), which are stored whole or not at all: cutting them would merge series`
  );
}

/**
 * A SenderPlace for the request after data points were removed from some lists: `kept` maps a
 * list's decoded path (`resourceMetrics[0].scopeMetrics[0].metrics[1].gauge.dataPoints`) to the
 * indexes its remaining points had before, so a later message (a point refused by row mapping)
 * names the place the sender wrote.
 */
export function placesBeforeRemoval(senderPlace: SenderPlace, kept: ReadonlyMap<string, readonly number[]>): SenderPlace {
  if (kept.size === 0) return senderPlace;
  return (place) => {
    for (const [list, indexes] of kept) {
      const index = /^\[(\d+)\]/.exec(place.startsWith(list) ? place.slice(list.length) : "");
      if (index !== null) {
        const before = indexes[Number(index[1])] ?? Number(index[1]);
        return senderPlace(`${list}[${before}]${place.slice(list.length + index[0].length)}`);
      }
    }
    return senderPlace(place);
  };
}
