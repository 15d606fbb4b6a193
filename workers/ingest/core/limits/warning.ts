import { AS_DECODED, type SenderPlace } from "../../../shared/otlp/sender-place";
import type { NullCount } from "../decode";
import type { AttributeCuts } from "./attributes";
import type { RequestLimits } from "./options";

/**
 * The warning an answer carries when every record was accepted but not all the sender wrote was
 * stored as written: attributes dropped over `MAX_ATTRIBUTES_PER_RECORD`, values cut to
 * `MAX_ATTRIBUTE_VALUE_LENGTH`, JSON `null` items skipped in a record's attribute, event, link,
 * exemplar or quantile lists. Each part gives the count and the first place; parts are joined
 * with "; ", "" when nothing was lost. OTLP (otlp.md, "Partial Success") lets a server convey
 * such warnings in `error_message` with the rejected count 0; the Collector's otlphttp exporter
 * and the JavaScript SDK log it. Redaction is no loss (the row says what it replaced), so it is
 * no part of this. The attribute limits' places are named as in the sender's document
 * (`senderPlace`); `nullItems.first` already is.
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
        `(${limits.maxAttributesPerRecord}) (first at ${senderPlace(cuts.firstDropped)})`,
    );
  }
  if (cuts.truncated > 0) {
    parts.push(
      `${counted(cuts.truncated, "attribute value", "attribute values")} truncated over MAX_ATTRIBUTE_VALUE_LENGTH ` +
        `(${limits.maxAttributeValueLength}) (first at ${senderPlace(cuts.firstTruncated)})`,
    );
  }
  if (nullItems.count > 0) {
    parts.push(
      `${counted(nullItems.count, "JSON null", "JSON nulls")} skipped where an attribute, event, link, exemplar or ` +
        `quantile belongs (first at ${nullItems.first}; JSON.stringify writes an undefined array item as null)`,
    );
  }
  return parts.join("; ");
}

function counted(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
