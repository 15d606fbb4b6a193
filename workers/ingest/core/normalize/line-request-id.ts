/**
 * Which request id a log line carries, for both Workers (D-9): the ingest stores it in
 * `request.id` when it lifts the line, and the tail Worker puts the same id on its own records of
 * the invocation that wrote the line, so the two join. Defined by running the lifting itself, so
 * the two cannot drift apart.
 */
import { emptyLogRecord } from "../../../shared/otlp/empty-log-record";
import { mayHoldRequestIdKey, REQUEST_ID_ATTRIBUTE } from "../../../shared/request-id";
import { anyValueAsString } from "../rows/any-value";
import { DEFAULT_LIFT_MAX_DEPTH, liftJsonBody } from "./lift";

/**
 * The `request.id` the ingest's lifting (liftJsonBody) stores for a record whose body is `text`
 * and which has no attributes of its own, as ClickHouse's `LogAttributes` reads it: a string as
 * it is, an integer in decimal with every digit (`{"reqId":1234567890123456789}` gives all 19).
 * That is the line's first `request.id` key in flattening order (`"request.id"` dotted, or
 * `request` holding `id`, first writer wins), else its first request-id alias holding a
 * non-empty string or an integer. `undefined` for a line that is no JSON object, holds no id, or
 * whose `request.id` is empty (`{"request":{"id":""}}`: an empty id joins nothing).
 *
 * `maxDepth` is the ingest's LIFT_MAX_DEPTH (at 1, `{"request":{"id":"a"}}` is not flattened and
 * carries no `request.id`).
 */
export function requestIdOfLine(text: string, maxDepth: number = DEFAULT_LIFT_MAX_DEPTH): string | undefined {
  // Most lines hold no id key: they are not parsed and flattened only to find that out.
  if (!mayHoldRequestIdKey(text)) return undefined;
  const record = emptyLogRecord();
  record.body = { stringValue: text };
  if (!liftJsonBody(record, { maxDepth })) return undefined;
  for (const attribute of record.attributes) {
    if (attribute.key !== REQUEST_ID_ATTRIBUTE) continue;
    const id = anyValueAsString(attribute.value);
    return id === "" ? undefined : id;
  }
  return undefined;
}
