/**
 * How many keys an attribute list holds, a key sent twice counted once: the rows store one value
 * of a key (rows/attributes.ts), so the attribute limits judge keys, not pairs. On its own so that
 * lifting (normalize/lift.ts), which the tail Worker runs too, asks it without bundling the
 * limits' other parts.
 */
import type { KeyValue } from "../../../shared/otlp/model";

/** The distinct keys of `attributes`, leaving out those `exempt` names. */
export function keyCount(attributes: readonly KeyValue[], exempt?: ReadonlySet<string>): number {
  const keys = new Set<string>();
  for (const attribute of attributes) if (exempt?.has(attribute.key) !== true) keys.add(attribute.key);
  return keys.size;
}
