/**
 * Cuts one OTLP/JSON request into parts the ingest Worker takes whole: each part's body at most
 * `maxBytes` UTF-8 bytes and at most `maxRecords` log records or metric data points. A tail batch
 * repeats every invocation's shared attributes on each of its records (about 900 bytes per
 * console line), so one invocation of 10,000 short `console.error` lines makes a 9 MB request
 * and two of them outgrow the ingest's 16 MiB MAX_BODY_BYTES: sent whole, one noisy producer
 * would sink every other producer's records in the same batch (413 is final).
 *
 * Pure. Parts keep the request's order; a resource (and a metric) cut across parts is repeated
 * in each, which OTLP allows and the Collector's exporter stores as the same rows. A single
 * record over `maxBytes` is a part of its own: nothing smaller can be sent.
 */
import type { OtlpPayload } from "./batch";
import type {
  JsonHistogramDataPoint,
  JsonLogRecord,
  JsonLogsRequest,
  JsonMetric,
  JsonMetricsRequest,
  JsonNumberDataPoint,
  JsonResource,
  JsonScope,
} from "./otlp-json";

export interface PartLimits {
  /** UTF-8 bytes of one part's JSON body. */
  maxBytes: number;
  /** Log records or data points in one part. */
  maxRecords: number;
}

type DataPoint = JsonNumberDataPoint | JsonHistogramDataPoint;

/** The records of one resource and scope (and, for metrics, one metric) in request order. */
interface Group {
  resource: JsonResource;
  scope: JsonScope;
  metric?: JsonMetric;
  entries: readonly (JsonLogRecord | DataPoint)[];
}

/** One request of `path`, as its groups (each entry is one record: a log record or a data point). */
function groupsOf(path: OtlpPayload["path"], request: JsonLogsRequest | JsonMetricsRequest): Group[] {
  if (path === "/v1/logs") {
    return (request as JsonLogsRequest).resourceLogs.flatMap(({ resource, scopeLogs }) =>
      scopeLogs.map(({ scope, logRecords }) => ({ resource, scope, entries: logRecords })),
    );
  }
  return (request as JsonMetricsRequest).resourceMetrics.flatMap(({ resource, scopeMetrics }) =>
    scopeMetrics.flatMap(({ scope, metrics }) =>
      metrics.map((metric) => ({ resource, scope, metric, entries: pointsOf(metric) })),
    ),
  );
}

function pointsOf(metric: JsonMetric): DataPoint[] {
  return "sum" in metric ? metric.sum.dataPoints : metric.histogram.dataPoints;
}

function withPoints(metric: JsonMetric, points: DataPoint[]): JsonMetric {
  return "sum" in metric
    ? { ...metric, sum: { ...metric.sum, dataPoints: points as JsonNumberDataPoint[] } }
    : { ...metric, histogram: { ...metric.histogram, dataPoints: points as JsonHistogramDataPoint[] } };
}

/**
 * The request of `path` holding `groups`; consecutive groups of the same resource (and scope)
 * share one resource (and scope) element, as they did in the request they were cut from.
 */
function assemble(path: OtlpPayload["path"], groups: readonly Group[]): JsonLogsRequest | JsonMetricsRequest {
  const byResource: { resource: JsonResource; scopes: { scope: JsonScope; groups: Group[] }[] }[] = [];
  for (const group of groups) {
    let resource = byResource.at(-1);
    if (resource?.resource !== group.resource) {
      resource = { resource: group.resource, scopes: [] };
      byResource.push(resource);
    }
    let scope = resource.scopes.at(-1);
    if (scope?.scope !== group.scope) {
      scope = { scope: group.scope, groups: [] };
      resource.scopes.push(scope);
    }
    scope.groups.push(group);
  }
  if (path === "/v1/logs") {
    return {
      resourceLogs: byResource.map(({ resource, scopes }) => ({
        resource,
        scopeLogs: scopes.map(({ scope, groups: members }) => ({
          scope,
          logRecords: members.flatMap((member) => member.entries as JsonLogRecord[]),
        })),
      })),
    };
  }
  return {
    resourceMetrics: byResource.map(({ resource, scopes }) => ({
      resource,
      scopeMetrics: scopes.map(({ scope, groups: members }) => ({
        scope,
        metrics: members.map((member) => withPoints(member.metric!, member.entries as DataPoint[])),
      })),
    })),
  };
}

/** UTF-8 bytes of `text`, counted without encoding it (JSON.stringify leaves no lone surrogate). */
export function utf8Bytes(text: string): number {
  if (!NON_ASCII.test(text)) return text.length;
  let bytes = text.length;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) continue;
    // 2 bytes below U+0800; a surrogate pair is 4 bytes for its 2 units; the rest 3.
    bytes += unit < 0x800 || (unit >= 0xd800 && unit <= 0xdfff) ? 1 : 2;
  }
  return bytes;
}

const NON_ASCII = /[^\x00-\x7f]/;

/** A group whose records are already JSON text, as a part holds them. */
interface RenderedGroup {
  group: Group;
  entries: string[];
}

/**
 * Stands in for a group's records in a part's skeleton: the skeleton (resources, scopes, metric
 * headers; no record) is serialized once, and each marker replaced by its records' JSON, so
 * no record is serialized twice. U+0001 is escaped by JSON.stringify, so the quoted marker
 * cannot be confused with the skeleton's own text, which holds no record.
 */
const marker = (index: number) => `\u0001entries:${index}\u0001`;
const QUOTED_MARKER = /"\\u0001entries:(\d+)\\u0001"/g;

function render(path: OtlpPayload["path"], members: readonly RenderedGroup[]): string {
  const skeleton = JSON.stringify(
    assemble(
      path,
      members.map(({ group }, index) => ({ ...group, entries: [marker(index) as unknown as JsonLogRecord] })),
    ),
  );
  return skeleton.replace(QUOTED_MARKER, (_quoted, index: string) => members[Number(index)]!.entries.join(","));
}

/**
 * The request cut into payloads within `limits` (see the module comment), in order; one payload,
 * its body exactly `JSON.stringify(request)`, when the whole request is within them. No payload
 * for a request without records.
 *
 * Each part's size is counted as an upper bound: the envelope, each group as if it stood alone
 * under its own resource and scope (merged, they are smaller), each record's JSON, and the commas.
 */
export function splitRequest(
  path: OtlpPayload["path"],
  request: JsonLogsRequest | JsonMetricsRequest,
  limits: PartLimits,
): OtlpPayload[] {
  const groups = groupsOf(path, request);
  const recordCount = groups.reduce((total, group) => total + group.entries.length, 0);
  if (recordCount === 0) return [];
  const body = JSON.stringify(request);
  // A UTF-16 code unit is at most 3 UTF-8 bytes: most batches fit without being counted.
  const fits = body.length * 3 <= limits.maxBytes || utf8Bytes(body) <= limits.maxBytes;
  if (recordCount <= limits.maxRecords && fits) return [{ path, body, recordCount }];

  const envelopeBytes = utf8Bytes(JSON.stringify(assemble(path, [])));
  const parts: RenderedGroup[][] = [];
  let part: RenderedGroup[] = [];
  let partBytes = envelopeBytes;
  let partRecords = 0;
  const closePart = () => {
    if (partRecords > 0) parts.push(part);
    part = [];
    partBytes = envelopeBytes;
    partRecords = 0;
  };
  for (const group of groups) {
    // The group alone, with no records: its resource, scope (and metric) and the brackets.
    const groupBytes = utf8Bytes(JSON.stringify(assemble(path, [{ ...group, entries: [] }]))) - envelopeBytes + 1;
    let open: RenderedGroup | undefined;
    for (const entry of group.entries) {
      const json = JSON.stringify(entry);
      const entryBytes = utf8Bytes(json) + 1;
      const added = entryBytes + (open === undefined ? groupBytes : 0);
      if (partRecords > 0 && (partRecords + 1 > limits.maxRecords || partBytes + added > limits.maxBytes)) {
        closePart();
        open = undefined;
      }
      if (open === undefined) {
        open = { group, entries: [] };
        part.push(open);
        partBytes += groupBytes;
      }
      open.entries.push(json);
      partBytes += entryBytes;
      partRecords += 1;
    }
  }
  closePart();
  return parts.map((members) => ({
    path,
    body: render(path, members),
    recordCount: members.reduce((total, member) => total + member.entries.length, 0),
  }));
}

/**
 * `payload` cut into `pieces` parts of about equal record counts (fewer when it holds fewer
 * records); `[payload]` when its body holds one record or none, which nothing can cut. Its body is re-read:
 * used where a part already sent turned out too big for where it must go (an ingest whose
 * limits are lower than the tail's, a queue message).
 */
export function halvePayload(payload: OtlpPayload, pieces = 2): OtlpPayload[] {
  if (payload.recordCount <= 1) return [payload];
  const request = JSON.parse(payload.body) as JsonLogsRequest | JsonMetricsRequest;
  const maxRecords = Math.ceil(payload.recordCount / pieces);
  const parts = splitRequest(payload.path, request, { maxBytes: Number.POSITIVE_INFINITY, maxRecords });
  return parts.length > 1 ? parts : [payload];
}
