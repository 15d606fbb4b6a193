import type { ClickHouseTables } from "../config";
import type { AnyValue, Signal, SignalRequest } from "../../shared/otlp/model";
import { recordCount } from "../../shared/otlp/record-count";
import { UNRESTRICTED_CALLER, checkServiceScope, dropClaimedToken, stampCaller, type Caller } from "./access";
import { AS_DECODED, type SenderPlace } from "../../shared/otlp/sender-place";
import {
  decodeRequest,
  emptyDecodeNotes,
  decodeNotesWarning,
  OtlpDecodeError,
  withMisdeclaredEncoding,
  type NullCount,
  type RequestEncoding,
} from "./decode";
import {
  checkJsonDepth,
  identityRefusalMessage,
  limitAttributes,
  limitRecordCount,
  lossWarning,
  placesBeforeRemoval,
  recordCutMessage,
  type AttributeLimiting,
  type RecordCut,
  type RequestLimits,
} from "./limits";
import { emptyLiftNotes, liftNotesWarning, namesCloudflareInvocation, normalizeRequest, writeTemplateBodies, type NormalizationOptions } from "./normalize";
import { mergedSeriesWarning, redactRequest, redactionFailureWarning, withRecount, type RedactionPolicy, type RequestRedactions } from "./redact";
import {
  LOG_COLUMNS,
  METRIC_COLUMNS,
  SPAN_COLUMNS,
  logsToRows,
  metricsToRows,
  tracesToRows,
  type MetricTableKind,
  type Row,
  type RowMappingContext,
  type TimestampWindowOptions,
  noDataPointsWarning,
} from "./rows";

/** The table a batch of rows belongs in, named as the configuration names tables. */
export type TableKind = keyof ClickHouseTables;

export interface RowBatch {
  kind: TableKind;
  /** The columns the rows carry, in order (a table may have fewer or more). */
  columns: readonly string[];
  rows: readonly Row[];
}

export interface PreparedExport {
  batches: RowBatch[];
  /** Records (log records, spans, metric data points) that become rows. */
  accepted: number;
  /** Records refused as invalid or cut at the record limit; the answer reports them as a partial success. */
  rejected: number;
  rejectionMessage: string;
  /**
   * What was accepted but not stored as sent (attributes dropped, values truncated, JSON nulls
   * skipped: lossWarning; span ends no Duration holds: lostEndWarning; spans sent without an end: missingEndWarning; values of attribute keys
   * sent twice: DroppedDuplicates; texts whose redaction failed, hidden whole:
   * redactionFailureWarning), metrics that stored nothing for want of data points
   * (noDataPointsWarning), what the decoder read otherwise than sent (decodeNotesWarning: bytes not UTF-8, JSON numbers and AnyValues read as their sender meant, JSON fields read under a name but for case or sent twice so or not stored, oneofs set to more than one member in either encoding)
   * and lifted log body numbers past a double's range kept as text (liftNotesWarning), "" when
   * nothing: the answer's warning.
   */
  warning: string;
  /** What redaction replaced, for the Worker's own log line (metric rows carry no summary). */
  redactions: RequestRedactions;
  /**
   * Whether no other export can have the body's bytes: it holds an item of Cloudflare's export
   * that names its invocation (namesCloudflareInvocation), so the same bytes again are a resend
   * of this export, and its deduplication token may come from the body (http/app.ts).
   */
  uniqueBody: boolean;
}

export interface PipelineOptions {
  normalization: NormalizationOptions;
  redaction: RedactionPolicy;
  timestampWindow?: TimestampWindowOptions;
  limits: RequestLimits;
}

/** What the tables written into change of the rows, which the limits must count. */
export interface ExportTarget {
  /**
   * The attribute key a log record's event name is stored under when the logs table has no
   * EventName column (absent-columns.ts): the attribute limit counts it as the record's first key.
   */
  eventNameKey?: string;
}

const METRIC_TABLE_KINDS: readonly MetricTableKind[] = [
  "gauge",
  "sum",
  "histogram",
  "exponentialHistogram",
  "summary",
];

/**
 * The pure core of an export: decode (within the request limits) → check the caller's service
 * scope → drop a sender's own `deco.ingest.token` (never stored, so never counted as redacted) →
 * normalize (the JSON lift for logs, `service.version` for every signal) → redact
 * (counting what it replaced, for the log line) → limit attributes (judging the sender's text,
 * not redaction's markers; records whose resource's, scope's or own identity attributes are
 * over their bound are refused, never cut) → stamp the caller's token
 * name → map to rows. No I/O, so it is what the benchmark measures and what the Worker runs, byte for
 * byte. Records past `limits.maxRecordsPerRequest` are cut off and counted as rejected (a
 * partial success); attributes cut by the limits and skipped JSON nulls make its `warning`. Throws OtlpDecodeError for a body to refuse with 400 and
 * ServiceOutOfScopeError for one the caller may not write (403).
 */
export function prepareExport(
  signal: Signal,
  encoding: RequestEncoding,
  body: Uint8Array,
  options: PipelineOptions,
  receivedAtNanos: string,
  caller: Caller = UNRESTRICTED_CALLER,
  target: ExportTarget = {},
): PreparedExport {
  const context: RowMappingContext = {
    receivedAtNanos,
    ...(options.timestampWindow === undefined ? {} : { timestampWindow: options.timestampWindow }),
  };
  switch (signal) {
    case "logs": {
      const { request, cut, nullItems, senderPlace, numbers } = decodeWithinLimits("logs", encoding, body, options.limits);
      checkServiceScope("logs", request, caller);
      dropClaimedToken("logs", request);
      const uniqueBody = namesCloudflareInvocation(request);
      const lift = emptyLiftNotes();
      normalizeRequest("logs", request, options.normalization, options.limits, lift);
      const rewritten = new Map<AnyValue, number>();
      const redacted = redactRequest("logs", request, options.redaction, rewritten);
      // After redaction, for a template's values to reach the body as stored (template-body.ts);
      // what that writing undoes or copies of redaction's work is counted again.
      const redactions = withRecount(redacted, writeTemplateBodies(request));
      const limited = limitAttributes("logs", request, options.limits, rewritten, lift.copies, target.eventNameKey);
      const warning = lossWarning(limited.cuts, nullItems, options.limits, senderPlace);
      stampCaller("logs", request, caller);
      const result = withRefused("logs", limited, logsToRows(request, { ...context, senderPlace }), options.limits, senderPlace);
      const lifted = liftNotesWarning(lift, senderPlace);
      return single("logs", LOG_COLUMNS, result.rows, withCut("logs", result, cut), warnings(redactions, numbers, lifted, warning, result.warning), redactions, uniqueBody);
    }
    case "traces": {
      const { request, cut, nullItems, senderPlace, numbers } = decodeWithinLimits("traces", encoding, body, options.limits);
      checkServiceScope("traces", request, caller);
      dropClaimedToken("traces", request);
      const uniqueBody = namesCloudflareInvocation(request);
      normalizeRequest("traces", request, options.normalization);
      const rewritten = new Map<AnyValue, number>();
      const redactions = redactRequest("traces", request, options.redaction, rewritten);
      const limited = limitAttributes("traces", request, options.limits, rewritten);
      const warning = lossWarning(limited.cuts, nullItems, options.limits, senderPlace);
      stampCaller("traces", request, caller);
      const result = withRefused("traces", limited, tracesToRows(request, { ...context, senderPlace }), options.limits, senderPlace);
      return single("traces", SPAN_COLUMNS, result.rows, withCut("traces", result, cut), warnings(redactions, numbers, warning, result.warning), redactions, uniqueBody);
    }
    case "metrics": {
      const { request, cut, nullItems, senderPlace, noDataPoints, numbers } = decodeWithinLimits("metrics", encoding, body, options.limits);
      checkServiceScope("metrics", request, caller);
      dropClaimedToken("metrics", request);
      normalizeRequest("metrics", request, options.normalization);
      const rewritten = new Map<AnyValue, number>();
      const redactions = redactRequest("metrics", request, options.redaction, rewritten);
      const limited = limitAttributes("metrics", request, options.limits, rewritten);
      const warning = lossWarning(limited.cuts, nullItems, options.limits, senderPlace);
      stampCaller("metrics", request, caller);
      const rows = metricsToRows(request, { ...context, senderPlace: placesBeforeRemoval(senderPlace, limited.kept) });
      const result = withRefused("metrics", limited, rows, options.limits, senderPlace);
      const batches: RowBatch[] = [];
      let accepted = 0;
      for (const kind of METRIC_TABLE_KINDS) {
        const rows: readonly Row[] = result.rows[kind];
        accepted += rows.length;
        if (rows.length > 0) batches.push({ kind, columns: METRIC_COLUMNS[kind], rows });
      }
      // Cloudflare's export sends no metrics, and identical metric exports are common (a
      // Worker's clock stands still between I/O): never unique by their bytes.
      return { batches, accepted, ...withCut("metrics", result, cut), warning: warnings(redactions, numbers, warning, result.warning, noDataPoints), redactions, uniqueBody: false };
    }
  }
}

/**
 * The answer's warning: `parts` (what limits and row mapping did, each "" when it has nothing to
 * say), then the texts whose redaction failed and were hidden whole (failures.ts), then the
 * metrics whose points a listed drop stored as one series at one time (merged-series.ts), joined with
 * "; "; "" when there is none.
 */
function warnings(redactions: RequestRedactions, ...parts: string[]): string {
  const failed = redactions.failed === undefined ? "" : redactionFailureWarning(redactions.failed);
  return [...parts, failed, mergedSeriesWarning(redactions.mergedSeries ?? [])].filter((part) => part !== "").join("; ");
}

/** The records a request lost before row mapping: JSON nulls where a record belongs, and those past the record limit. */
interface DecodeLosses {
  cut: RecordCut;
  /** JSON nulls skipped in record lists, each a rejected record; count 0 when none. */
  nullRecords: NullCount;
}

/**
 * The JSON depth is checked before parsing, as the parser would otherwise build every level;
 * the record count is cut to right after decoding, before any work is spent on records that
 * will not be stored. Null items of a JSON body's record lists, skipped by the decoder, are
 * rejected records too, counted in `losses.nullRecords`; those of a record's parts are counted
 * in `nullItems`, for the warning. `senderPlace` names a place in the decoded request as the
 * sender's document does (the indexes differ where JSON nulls were skipped), for every answer;
 * `noDataPoints` warns of metrics that hold no data point as sent (noDataPointsWarning), `numbers` of
 * what the decoder read otherwise than sent (decodeNotesWarning). A body refused by either
 * check whose bytes look like the other encoding is refused as mislabelled (misdeclared.ts).
 */
function decodeWithinLimits<S extends Signal>(
  signal: S,
  encoding: RequestEncoding,
  body: Uint8Array,
  limits: RequestLimits,
): { request: SignalRequest[S]; cut: DecodeLosses; nullItems: NullCount; senderPlace: SenderPlace; noDataPoints: string; numbers: string } {
  const nullRecords: NullCount = { count: 0, first: "" };
  const nullItems: NullCount = { count: 0, first: "" };
  const places = { sender: AS_DECODED };
  const decodeNotes = emptyDecodeNotes();
  let request: SignalRequest[S];
  try {
    const jsonScan = encoding === "json" ? checkJsonDepth(body, limits.maxJsonDepth) : undefined;
    request = decodeRequest(signal, encoding, body, nullRecords, nullItems, places, decodeNotes, jsonScan);
  } catch (error) {
    // Only a refused body is looked at again, for the other encoding under the wrong Content-Type.
    throw error instanceof OtlpDecodeError ? withMisdeclaredEncoding(error, encoding, body) : error;
  }
  const senderPlace = places.sender;
  // Before the cut, which leaves the point lists past it empty.
  const noDataPoints = noDataPointsWarning(signal, request, senderPlace);
  const cut = limitRecordCount(signal, request, limits.maxRecordsPerRequest, senderPlace);
  return { request, cut: { cut, nullRecords }, nullItems, senderPlace, noDataPoints, numbers: decodeNotesWarning(decodeNotes) };
}

/**
 * Row mapping's `result` with the records limitAttributes refused for an identity list over its
 * bound added, named first (they were removed before row mapping saw the request): one count of
 * the records refused among those kept at the record cut.
 */
function withRefused<R extends { rejected: number; rejectionMessage: string }>(
  signal: Signal,
  limited: AttributeLimiting,
  result: R,
  limits: RequestLimits,
  senderPlace: SenderPlace,
): R {
  const refused = limited.refused;
  if (refused.rejected === 0) return result;
  const message = identityRefusalMessage(signal, refused, limits, senderPlace);
  return {
    ...result,
    rejected: refused.rejected + result.rejected,
    rejectionMessage: result.rejectionMessage === "" ? message : `${message}; ${result.rejectionMessage}`,
  };
}

/**
 * The records refused as invalid by row mapping (`result`, all among those kept at the cut),
 * the JSON nulls where a record belongs and those cut at the record limit, as one partial
 * success: rejected = sent − stored, and the cut's words say how many of the records kept were
 * stored (recordCutMessage).
 */
function withCut(
  signal: Signal,
  result: { rejected: number; rejectionMessage: string },
  { cut, nullRecords }: DecodeLosses,
): { rejected: number; rejectionMessage: string } {
  const parts = [result.rejectionMessage];
  if (nullRecords.count > 0) {
    parts.push(
      `${recordCount(nullRecords.count, signal)} rejected: JSON null where a record belongs (first at ${nullRecords.first}; ` +
        "JSON.stringify writes an undefined array item as null)",
    );
  }
  if (cut.rejected > 0) parts.push(recordCutMessage(signal, cut, result.rejected, nullRecords.count));
  return {
    rejected: result.rejected + nullRecords.count + cut.rejected,
    rejectionMessage: parts.filter((part) => part !== "").join("; "),
  };
}

function single(
  kind: TableKind,
  columns: readonly string[],
  rows: readonly Row[],
  result: { rejected: number; rejectionMessage: string },
  warning: string,
  redactions: RequestRedactions,
  uniqueBody: boolean,
): PreparedExport {
  return {
    batches: rows.length > 0 ? [{ kind, columns, rows }] : [],
    accepted: rows.length,
    rejected: result.rejected,
    rejectionMessage: result.rejectionMessage,
    warning,
    redactions,
    uniqueBody,
  };
}
