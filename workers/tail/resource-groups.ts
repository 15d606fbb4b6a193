/**
 * Groups what the tail derives from each trace item under the producer it came from. One tail
 * batch can hold items from several producers (a dispatcher and its user Workers, say), and each
 * must keep its own service.name.
 */
import { resourceAttributes } from "./attributes";
import { attributeList, type JsonResource } from "./otlp-json";
import type { TailTraceItem } from "./trace-item";

export interface ResourceGroup<Entry> {
  resource: JsonResource;
  entries: Entry[];
}

export function groupByResource<Entry>(
  items: readonly TailTraceItem[],
  serviceNameFallback: string,
  entriesFor: (item: TailTraceItem) => readonly Entry[],
): ResourceGroup<Entry>[] {
  const groups = new Map<string, ResourceGroup<Entry>>();
  for (const item of items) {
    const entries = entriesFor(item);
    if (entries.length === 0) continue;
    const resource = { attributes: attributeList(resourceAttributes(item, serviceNameFallback)) };
    const key = JSON.stringify(resource.attributes);
    const group = groups.get(key) ?? { resource, entries: [] };
    group.entries.push(...entries);
    groups.set(key, group);
  }
  return [...groups.values()];
}
