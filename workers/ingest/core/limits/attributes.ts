import { bySignal, type BySignal } from "../../../shared/otlp/by-signal";
import { dataPointsPath, type PointDataType } from "../../../shared/otlp/data-points-path";
import type {
  AnyValue,
  KeyValue,
  LogsRequest,
  Metric,
  MetricsRequest,
  Signal,
  SignalRequest,
  TracesRequest,
} from "../../../shared/otlp/model";
import { moveToProducerName, REDACTION_NOTE_KEYS, TRUNCATED_VALUES_ATTRIBUTE } from "../note-keys";
import {
  type IdentityBound,
  type IdentityRefusal,
  identityBound,
  noIdentityRefusal,
  overIdentityBound,
} from "./identity";
import { nameKey, noNamedKeys, type NamedKeys } from "./named-keys";
import type { RequestLimits } from "./options";
import { allWithinLength, isWithinLength } from "./value-length";

/**
 * Set on an attribute list that lost attributes to the count limit: how many it lacks. The name
 * is the OpenTelemetry specification's for that count wherever a format has no field for it
 * ("Transformation to non-OTLP formats", Stable), and the Collector's Zipkin and Jaeger
 * receivers keep it as an attribute: a producer's value is a count of drops upstream, kept as
 * sent, and ours adds to it.
 */
export const DROPPED_ATTRIBUTES_ATTRIBUTE = "otel.dropped_attributes_count";
/** Set on an attribute list with values cut to the length limit (note-keys.ts). */
export { TRUNCATED_VALUES_ATTRIBUTE };

/** What a cut value ends with, so a reader of the row sees it is not the whole value. */
export function truncationMarker(removed: number): string {
  return `…[truncated ${removed} chars]`;
}

/**
 * Attributes the pipeline wrote itself (the redaction summary, after redaction renamed any
 * producer's attribute of those names): the count limit neither drops nor counts their first
 * occurrence, so a producer cannot hide what redaction did by sending many attributes, and the
 * summary takes no room from the attributes the sender wrote (lifting judged those to fit).
 * Later duplicates count like any other attribute.
 */
const PIPELINE_ATTRIBUTES: ReadonlySet<string> = REDACTION_NOTE_KEYS;

type AttributeLimits = Pick<RequestLimits, "maxAttributesPerRecord" | "maxAttributeValueLength">;

/**
 * What limitAttributes cut in one request, for the answer's warning: attributes dropped over the
 * count limit and values cut to the length limit, each with the OTLP/JSON path of the first list
 * it happened in (`resourceLogs[0].scopeLogs[0].logRecords[3]`; "" while its count is 0) and the
 * keys it happened to (a cut value's attribute key, whatever the depth of the string cut in it).
 */
export interface AttributeCuts {
  dropped: number;
  firstDropped: string;
  droppedKeys: NamedKeys;
  truncated: number;
  firstTruncated: string;
  truncatedKeys: NamedKeys;
}

/** No cuts: what a request within the limits leaves. */
export function noAttributeCuts(): AttributeCuts {
  return { dropped: 0, firstDropped: "", droppedKeys: noNamedKeys(), truncated: 0, firstTruncated: "", truncatedKeys: noNamedKeys() };
}

/** An attribute list's owner that counts its dropped attributes, as most OTLP messages do. */
interface DropCounter {
  droppedAttributesCount: number;
}

/** What limitAttributes did to one request. */
export interface AttributeLimiting {
  /** Attributes dropped and values cut in the lists the limits cut, for the answer's warning. */
  cuts: AttributeCuts;
  /** Records refused, removed from the request, for an identity list over its bound. */
  refused: IdentityRefusal;
  /**
   * Each data point list that lost points, by its decoded path, → the indexes its remaining
   * points had: placesBeforeRemoval names later places as the sender wrote them.
   */
  kept: Map<string, number[]>;
}

/**
 * Holds every attribute list of the request to the limits, in place. Identity lists (a
 * resource's, a scope's, a metric data point's and an exemplar's: IDENTITY_ATTRIBUTES_BOUND) are
 * never cut: within identityBound they are left exactly as sent, and past it the records that
 * carry them (all of a resource's or a scope's, or the one data point) are removed from the
 * request and counted in `refused`, so no two series or resources are ever merged by a cut. The
 * other lists (log records', spans', events', links') are cut as SDKs cut them: attributes beyond
 * `maxAttributesPerRecord` keys are dropped (the first ones kept; a key sent twice counts once,
 * as the rows store it once) and counted in the owner's
 * dropped-attributes count and in `otel.dropped_attributes_count` (added to the count a
 * producer's attribute of that name holds, a non-negative integer or its digits; a producer's
 * value that is no count is moved to `producer.otel.dropped_attributes_count`); string values
 * longer than `maxAttributeValueLength`, at any depth of an array or map, are cut with a marker
 * and counted in `otel.truncated_values`, a name only the pipeline sets: a producer's attribute
 * of that name is moved to `producer.otel.truncated_values` in every such list, cut or not. Runs
 * after redaction, so a value is scanned whole before it is cut and no secret survives half-cut.
 * The limits and the bound judge what the sender wrote, not what the pipeline added: the
 * redaction summary is not counted, and a value in `rewritten` (redactRequest's: the values
 * redaction replaced, with the length the sender wrote) is judged by the sender's length, so a
 * marker longer than the secret it replaced never costs a value its last characters. Log bodies
 * are records, not attributes: only the body limits bound them. The warning's totals leave out
 * attributes `copies` (the lift's BodyCopies: list → index) marks as copies of a log body kept
 * as written, which lose nothing. `eventNameKey`, when a log record's event name will be stored
 * as an attribute of that key (the table has no EventName column: absent-columns.ts), is the
 * first key of every record with a non-empty event name: it takes one of the keys the count
 * limit keeps, and a sender's own attribute of that key counts with it, once.
 */
export function limitAttributes<S extends Signal>(
  signal: S,
  request: SignalRequest[S],
  limits: AttributeLimits,
  rewritten?: ReadonlyMap<AnyValue, number>,
  copies?: ReadonlyMap<KeyValue[], number>,
  eventNameKey?: string,
): AttributeLimiting {
  const limiter = new AttributeLimiter(limits, rewritten, copies, eventNameKey);
  bySignal(signal, request, limiter);
  return { cuts: limiter.cuts, refused: limiter.refused, kept: limiter.kept };
}

/** Any metric's data points. */
type PointLists = Extract<Metric["data"], { dataPoints: unknown }>["dataPoints"];

/** Which attribute list of a record the walk is in: the record's own, or one of its parts'. */
type ListOwner = "resource" | "scope" | "record" | "events" | "links" | "exemplars";

class AttributeLimiter implements BySignal<void> {
  readonly cuts: AttributeCuts = noAttributeCuts();
  readonly refused: IdentityRefusal = noIdentityRefusal();
  readonly kept = new Map<string, number[]>();
  private readonly bound: IdentityBound;
  /** Values cut in the list being limited; reset per list. */
  private truncated = 0;
  /**
   * Where the walk is, as indexes and names: the path of a list is spelled out only for the
   * first cut of each kind, so the walk over lists that need nothing costs a few assignments.
   */
  private resources = "";
  private scopes = "";
  private records = "";
  /** The metric of the data point being limited (its index and data field), whose path names both. */
  private metricIndex = 0;
  private metricType: PointDataType | undefined;
  private resourceIndex = 0;
  private scopeIndex = 0;
  private recordIndex = 0;
  private partIndex = 0;
  private owner: ListOwner = "record";

  constructor(
    private readonly limits: AttributeLimits,
    private readonly rewritten: ReadonlyMap<AnyValue, number> | undefined,
    private readonly copies: ReadonlyMap<KeyValue[], number> | undefined,
    private readonly eventNameKey: string | undefined,
  ) {
    this.bound = identityBound(limits);
  }

  logs(request: LogsRequest): void {
    this.resources = "resourceLogs";
    this.scopes = "scopeLogs";
    this.records = "logRecords";
    request.resourceLogs.forEach((resourceLogs, r) => {
      this.at("resource", r);
      const held = sum(resourceLogs.scopeLogs, (scopeLogs) => scopeLogs.logRecords.length);
      if (this.refuses(resourceLogs.resource.attributes, held)) {
        resourceLogs.scopeLogs.length = 0;
        return;
      }
      resourceLogs.scopeLogs.forEach((scopeLogs, s) => {
        this.at("scope", r, s);
        const records = scopeLogs.logRecords;
        if (this.refuses(scopeLogs.scope.attributes, records.length)) {
          records.length = 0;
          return;
        }
        for (let i = 0; i < records.length; i++) {
          this.at("record", r, s, i);
          const record = records[i]!;
          this.counted(record, record.eventName === "" ? undefined : this.eventNameKey);
        }
      });
    });
  }

  traces(request: TracesRequest): void {
    this.resources = "resourceSpans";
    this.scopes = "scopeSpans";
    this.records = "spans";
    request.resourceSpans.forEach((resourceSpans, r) => {
      this.at("resource", r);
      const held = sum(resourceSpans.scopeSpans, (scopeSpans) => scopeSpans.spans.length);
      if (this.refuses(resourceSpans.resource.attributes, held)) {
        resourceSpans.scopeSpans.length = 0;
        return;
      }
      resourceSpans.scopeSpans.forEach((scopeSpans, s) => {
        this.at("scope", r, s);
        const spans = scopeSpans.spans;
        if (this.refuses(scopeSpans.scope.attributes, spans.length)) {
          spans.length = 0;
          return;
        }
        for (let i = 0; i < spans.length; i++) {
          const span = spans[i]!;
          this.at("record", r, s, i);
          this.counted(span);
          for (let j = 0; j < span.events.length; j++) {
            this.at("events", r, s, i, j);
            this.counted(span.events[j]!);
          }
          for (let j = 0; j < span.links.length; j++) {
            this.at("links", r, s, i, j);
            this.counted(span.links[j]!);
          }
        }
      });
    });
  }

  /** Metrics carry only identity lists: nothing is cut, a point over the bound is removed. */
  metrics(request: MetricsRequest): void {
    this.resources = "resourceMetrics";
    this.scopes = "scopeMetrics";
    request.resourceMetrics.forEach((resourceMetrics, r) => {
      this.at("resource", r);
      const held = sum(resourceMetrics.scopeMetrics, (scopeMetrics) => sum(scopeMetrics.metrics, pointCount));
      if (this.refuses(resourceMetrics.resource.attributes, held)) {
        resourceMetrics.scopeMetrics.length = 0;
        return;
      }
      resourceMetrics.scopeMetrics.forEach((scopeMetrics, s) => {
        this.at("scope", r, s);
        if (this.refuses(scopeMetrics.scope.attributes, sum(scopeMetrics.metrics, pointCount))) {
          scopeMetrics.metrics.length = 0;
          return;
        }
        scopeMetrics.metrics.forEach((metric, m) => {
          if (metric.data.type === "empty") return;
          this.metricIndex = m;
          this.metricType = metric.data.type;
          this.removeRefusedPoints(metric.data.dataPoints, `${this.resources}[${r}].${this.scopes}[${s}].${dataPointsPath(m, metric.data.type)}`);
        });
      });
    });
  }

  /**
   * Removes the points of one metric (`list`: its decoded path) whose own attributes or an
   * exemplar's are over the bound, noting in `kept` the indexes the remaining points had.
   */
  private removeRefusedPoints(points: PointLists[number][], list: string): void {
    let kept: number[] | undefined;
    for (let i = 0; i < points.length; i++) {
      const point = points[i]!;
      this.at("record", this.resourceIndex, this.scopeIndex, i);
      let refused = this.refuses(point.attributes, 1);
      const exemplars = "exemplars" in point ? point.exemplars : [];
      for (let j = 0; j < exemplars.length && !refused; j++) {
        this.at("exemplars", this.resourceIndex, this.scopeIndex, i, j);
        refused = this.refuses(exemplars[j]!.filteredAttributes, 1);
      }
      if (refused) kept ??= Array.from({ length: i }, (_, index) => index);
      else kept?.push(i);
    }
    if (kept === undefined) return;
    this.kept.set(list, kept);
    kept.forEach((from, to) => (points[to] = points[from]!));
    points.length = kept.length;
  }

  private at(owner: ListOwner, resourceIndex: number, scopeIndex = 0, recordIndex = 0, partIndex = 0): void {
    this.owner = owner;
    this.resourceIndex = resourceIndex;
    this.scopeIndex = scopeIndex;
    this.recordIndex = recordIndex;
    this.partIndex = partIndex;
  }

  /** The OTLP/JSON path of the list being limited, e.g. `resourceSpans[0].scopeSpans[1].spans[4].events[0]`. */
  private place(): string {
    const resource = `${this.resources}[${this.resourceIndex}]`;
    if (this.owner === "resource") return `${resource}.resource`;
    const scope = `${resource}.${this.scopes}[${this.scopeIndex}]`;
    if (this.owner === "scope") return `${scope}.scope`;
    const records = this.metricType === undefined ? this.records : dataPointsPath(this.metricIndex, this.metricType);
    const record = `${scope}.${records}[${this.recordIndex}]`;
    return this.owner === "record" ? record : `${record}.${this.owner}[${this.partIndex}]`;
  }

  /**
   * Whether the identity list `attributes` is over the bound; if so, the `records` that carry it
   * are counted as refused (the caller removes them), with the list's place if it is the first
   * to refuse any (a resource or scope holding no record loses nothing, so it is not named).
   */
  private refuses(attributes: readonly KeyValue[], records: number): boolean {
    const found = overIdentityBound(attributes, this.bound, this.rewritten, PIPELINE_ATTRIBUTES);
    if (found === undefined) return false;
    if (records === 0) return true;
    const refused = this.refused;
    if (refused.lists++ === 0) {
      refused.firstPlace = this.place();
      refused.firstFound = found;
    }
    refused.rejected += records;
    return true;
  }

  /**
   * Cuts the attribute list of a log record, span, event or link to the limits; `firstKey`, a key
   * the rows will add to it (a log record's event name, `eventNameKey`), is counted as its first.
   */
  private counted(owner: DropCounter & { attributes: KeyValue[] }, firstKey?: string): void {
    const attributes = owner.attributes;
    const added = firstKey === undefined ? 0 : 1;
    // Nearly every list is within the limits and holds none of our names: one read-only pass
    // says so, and nothing is written.
    if (attributes.length + added <= this.limits.maxAttributesPerRecord && isUntouched(attributes, this.limits.maxAttributeValueLength)) return;
    for (const attribute of attributes) {
      if (attribute.key === TRUNCATED_VALUES_ATTRIBUTE) moveToProducerName(attributes, attribute);
    }
    // Read before the count limit, which may drop it: the producer's count of earlier drops.
    const sentDropped = attributes.find((attribute) => attribute.key === DROPPED_ATTRIBUTES_ATTRIBUTE);
    const copied = this.copiedIn(attributes);
    const sentBefore = copied === undefined ? 0 : countNotIn(attributes, copied);
    const dropped = this.dropOverCount(attributes, copied, firstKey);
    // Only what the sender wrote counts as lost: drops among the lift's copies do not.
    const lostDropped = copied === undefined ? dropped : sentBefore - countNotIn(attributes, copied);
    this.truncated = 0;
    let copiesTruncated = 0;
    for (const attribute of attributes) {
      const before = this.truncated;
      attribute.value = this.value(attribute.value);
      if (this.truncated === before) continue;
      if (copied?.has(attribute)) copiesTruncated += this.truncated - before;
      else nameKey(this.cuts.truncatedKeys, attribute.key);
    }
    if (dropped > 0) {
      // uint32 on the wire: saturate rather than wrap.
      owner.droppedAttributesCount = Math.min(owner.droppedAttributesCount + dropped, 0xffffffff);
      const total = owner.droppedAttributesCount;
      const upstream = sentDropped === undefined ? 0 : countIn(sentDropped.value);
      if (upstream === undefined) moveToProducerName(attributes, sentDropped!);
      setCount(attributes, DROPPED_ATTRIBUTES_ATTRIBUTE, Math.min(total + (upstream ?? 0), 0xffffffff));
    }
    if (this.truncated > 0) setCount(attributes, TRUNCATED_VALUES_ATTRIBUTE, this.truncated);
    this.tally(lostDropped, this.truncated - copiesTruncated);
  }

  /** The attributes of `attributes` the lift copied from a body that stays as written, if any. */
  private copiedIn(attributes: KeyValue[]): ReadonlySet<KeyValue> | undefined {
    const from = this.copies?.get(attributes);
    return from === undefined ? undefined : new Set(attributes.slice(from));
  }

  /** Adds one list's cuts to the request's, noting where each kind first happened. */
  private tally(dropped: number, truncated: number): void {
    const cuts = this.cuts;
    if (dropped > 0 && cuts.dropped === 0) cuts.firstDropped = this.place();
    if (truncated > 0 && cuts.truncated === 0) cuts.firstTruncated = this.place();
    cuts.dropped += dropped;
    cuts.truncated += truncated;
  }

  /**
   * Compacts `attributes` to the first `maxAttributesPerRecord` keys of the sender's plus the
   * pipeline's own, and returns how many keys it dropped, naming them in the cuts (those of
   * `copied`, the lift's copies of a body kept as written, aside: they lose nothing). A key sent
   * twice counts once and its later values stay beside its first: the rows keep one value of a
   * key (rows/attributes.ts, with its warning), so the limit judges the keys that would be
   * stored, not the pairs sent. `firstKey`, a key the rows add, is kept before any of them.
   */
  private dropOverCount(attributes: KeyValue[], copied: ReadonlySet<KeyValue> | undefined, firstKey: string | undefined): number {
    const max = this.limits.maxAttributesPerRecord;
    if (attributes.length + (firstKey === undefined ? 0 : 1) <= max) return 0;
    const pipelineSeen = new Set<string>();
    const keptKeys = new Set<string>(firstKey === undefined ? [] : [firstKey]);
    const droppedKeys = new Set<string>();
    let kept = 0;
    for (let i = 0; i < attributes.length; i++) {
      const attribute = attributes[i]!;
      const key = attribute.key;
      if (PIPELINE_ATTRIBUTES.has(key) && !pipelineSeen.has(key)) {
        pipelineSeen.add(key);
      } else if (!keptKeys.has(key)) {
        if (keptKeys.size >= max) {
          droppedKeys.add(key);
          if (copied?.has(attribute) !== true) nameKey(this.cuts.droppedKeys, key);
          continue;
        }
        keptKeys.add(key);
      }
      attributes[kept++] = attribute;
    }
    attributes.length = kept;
    return droppedKeys.size;
  }

  private value(value: AnyValue): AnyValue {
    if ("stringValue" in value) {
      const text = value.stringValue;
      const max = this.limits.maxAttributeValueLength;
      if (text.length <= max) return value;
      const sent = this.rewritten?.get(value);
      if (sent !== undefined && sent <= max) return value;
      this.truncated++;
      return { stringValue: truncate(text, this.limits.maxAttributeValueLength) };
    }
    if ("arrayValue" in value) {
      const items = value.arrayValue;
      for (let i = 0; i < items.length; i++) items[i] = this.value(items[i]!);
    } else if ("kvlistValue" in value) {
      for (const entry of value.kvlistValue) entry.value = this.value(entry.value);
    }
    return value;
  }
}

/** Whether the limits leave `attributes` as they are: no value to cut, no producer's `otel.truncated_values`. */
function isUntouched(attributes: readonly KeyValue[], maxLength: number): boolean {
  for (let i = 0; i < attributes.length; i++) {
    const attribute = attributes[i]!;
    if (attribute.key === TRUNCATED_VALUES_ATTRIBUTE || !isWithinLength(attribute.value, maxLength)) return false;
  }
  return true;
}

/**
 * The count a producer's `otel.dropped_attributes_count` holds: a non-negative integer, or its
 * decimal digits (Zipkin tags are strings); undefined for anything else.
 */
function countIn(value: AnyValue): number | undefined {
  const digits = "intValue" in value ? value.intValue : "stringValue" in value ? value.stringValue : "";
  return /^\d{1,10}$/.test(digits) ? Number(digits) : undefined;
}

/** The first `max` code units of `text` (one fewer rather than half a surrogate pair) and the marker. */
function truncate(text: string, max: number): string {
  let cut = max;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return text.slice(0, cut) + truncationMarker(text.length - cut);
}

/** The sum of `count` over `items`. */
function sum<T>(items: readonly T[], count: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += count(item);
  return total;
}

/** How many data points a metric holds. */
function pointCount(metric: Metric): number {
  return metric.data.type === "empty" ? 0 : metric.data.dataPoints.length;
}

/** How many of `attributes` are not in `set`. */
function countNotIn(attributes: readonly KeyValue[], set: ReadonlySet<KeyValue>): number {
  let count = 0;
  for (const attribute of attributes) if (!set.has(attribute)) count++;
  return count;
}

/** Sets `key` to `count`, replacing a producer's attribute of that name so it cannot mask ours. */
function setCount(attributes: KeyValue[], key: string, count: number): void {
  const value: AnyValue = { intValue: String(count) };
  const existing = attributes.find((attribute) => attribute.key === key);
  if (existing === undefined) attributes.push({ key, value });
  else existing.value = value;
}
