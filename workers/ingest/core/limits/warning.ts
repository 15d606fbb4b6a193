import { AS_DECODED, type SenderPlace } from "../../../shared/otlp/sender-place";
import type { NullCount } from "../decode";
import type { AttributeCuts } from "./attributes";
import { keysNamed } from "./named-keys";
import type { RequestLimits } from "./options";

/**
 * The warning an answer carries when every record was accepted but not all the sender wrote was
 * stored as written: attributes dropped over `MAX_ATTRIBUTES_PER_RECORD`, values cut to
 * `MAX_ATTRIBUTE_VALUE_LENGTH`, JSON `null` items skipped in a record's lists of parts, counted
 * for each place they stood where (`nullItems.parts`: an attribute, an event, a body member, a
 * key-value list member …; a count without parts names no part). A null item of an arrayValue
 * is no loss: it is kept as the empty AnyValue the Collector's pdata reads it as (stored as
 * JSON null), so it is not warned of. Each part gives the count and the first place; parts are
 * joined with "; ", "" when nothing was lost. OTLP (otlp.md, "Partial Success") lets a server convey
 * such warnings in `error_message` with the rejected count 0; the Collector's otlphttp exporter
 * and the JavaScript SDK log it. Redaction is no loss (the row says what it replaced), so it is
 * no part of this. The attribute limits' places are named as in the sender's document
 * (`senderPlace`), with the keys they cut (`keysNamed`); `nullItems.first` already is.
 */
export function lossWarning(
  cuts: AttributeCuts,
  nullItems: NullCount,
  limits: Pick<RequestLimits, "maxAttributesPerRecord" | "maxAttributeValueLength">,
  senderPlace: SenderPlace = AS_DECODED,
): string {
  const parts: string[] = [];
  if (cuts.dropped > 0) {
    parts.push(
      `${counted(cuts.dropped, "attribute", "attributes")} dropped over MAX_ATTRIBUTES_PER_RECORD ` +
        `(${limits.maxAttributesPerRecord}) (first at ${senderPlace(cuts.firstDropped)}; ${keysNamed(cuts.droppedKeys)})`,
    );
  }
  if (cuts.truncated > 0) {
    parts.push(
      `${counted(cuts.truncated, "attribute value", "attribute values")} truncated over MAX_ATTRIBUTE_VALUE_LENGTH ` +
        `(${limits.maxAttributeValueLength}) (first at ${senderPlace(cuts.firstTruncated)}; ${keysNamed(cuts.truncatedKeys)})`,
    );
  }
  if (nullItems.count > 0) parts.push(skippedNulls(nullItems));
  return parts.join("; ");
}

const WHY_NULL = "JSON.stringify writes an undefined array item as null";

/**
 * `1 JSON null skipped where a body member belongs (first at …; why)`, or, for several places,
 * `3 JSON nulls skipped: 2 where … belongs (first at …), 1 where … belongs (first at …) (why)`.
 */
function skippedNulls(nullItems: NullCount): string {
  const byPart = [...(nullItems.parts ?? [["an item of a record's list", nullItems] as const])];
  const total = `${counted(nullItems.count, "JSON null", "JSON nulls")} skipped`;
  if (byPart.length === 1) return `${total} where ${byPart[0]![0]} belongs (first at ${nullItems.first}; ${WHY_NULL})`;
  const each = byPart.map(([part, nulls]) => `${nulls.count} where ${part} belongs (first at ${nulls.first})`);
  return `${total}: ${each.join(", ")} (${WHY_NULL})`;
}

function counted(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
