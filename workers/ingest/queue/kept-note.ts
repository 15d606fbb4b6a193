/**
 * What the answer to a request whose write failed in part says of the request's rows: which
 * tables failed, which rows are kept (written or queued), and what a resend of this request
 * stores again, by what its insert deduplication token was made from (http/app.ts,
 * `deduplicationTokenOf`; README, "Nothing duplicated").
 */
import { ClickHouseFailure } from "../clickhouse/errors";
import type { MessageRows } from "./message";
import type { WriteUnit } from "./write-units";

/** A write unit whose INSERT failed, and how. */
export interface FailedUnit {
  unit: WriteUnit;
  failure: ClickHouseFailure;
}

/** Rows of one table: a write unit's, or the part of them one queue message carries. */
export type TableRowCount = MessageRows;

/** A unit's rows, by table. */
export function countOf(unit: WriteUnit): TableRowCount {
  return { table: unit.table, rows: unit.rows.length };
}

/**
 * What the insert deduplication token of a request was made from (http/app.ts,
 * `deduplicationTokenOf`), so what a resend of it has: its `Idempotency-Key` and body (a resend
 * with both has the token), its body alone (a push of Cloudflare's export naming its invocation,
 * `PreparedExport.uniqueBody`: the same push resent has the token), or nothing (a resend has a
 * new token).
 */
export type ResendToken = "idempotency key" | "unique body" | "new";

/** A request's insert deduplication token (`value`; its units' tokens derive from it) and what it was made from. */
export interface RequestToken {
  readonly value: string;
  readonly resend: ResendToken;
}

/**
 * What an answer says a resend of the request does, by how its token was made: with the token,
 * to the rows whose INSERT failed and may be stored (`token`, `failedToo`), and to the rows kept
 * (`kept`).
 */
const RESEND_SAYS: Record<ResendToken, { token: string; failedToo: string; kept: string }> = {
  "idempotency key": {
    token: "a resend of this request has its token only with the same Idempotency-Key and body, and stores its rows again without",
    failedToo: "a resend without the same Idempotency-Key and body stores them again",
    kept: "a resend stores the rows kept again unless it carries the same Idempotency-Key and body, with which they are stored once",
  },
  "unique body": {
    token:
      "a resend of this same push of Cloudflare's export has its token, derived from the body, which names the push's invocation, so its rows are stored once",
    failedToo: "a resend of this same push stores them once: its token is derived from the body, which names the push's invocation",
    kept: "a resend of this same push stores the rows kept once: its token is derived from the body, which names the push's invocation of Cloudflare's export",
  },
  new: {
    token:
      "a resend of this request has a new token and stores its rows again: it sent no Idempotency-Key " +
      "(with one, a resend with the same key and body stores them once)",
    failedToo: "a resend stores them again: this request sent no Idempotency-Key",
    kept: "a resend stores the rows kept again: this request sent no Idempotency-Key (with one, a resend with the same key and body stores them once)",
  },
};

/**
 * Rows of a request already in ClickHouse (`written`) or in the retry queue (`queued`), and what
 * a resend of the request has of its token (`resend`).
 */
export interface KeptRows {
  written: TableRowCount[];
  queued: TableRowCount[];
  readonly resend: ResendToken;
}

/**
 * A failure's message as the answer leads with it, then, when given, why the retry queue did not
 * take the failed rows (`notQueued`: `no retry queue is bound`, a unit too big for a message, the
 * queue's refusal): a failed unit the queue takes is answered 200, so the sender of an answer
 * that names a failure must not count on a retry that will not come. One whose rows may be
 * stored (not known unwritten, so its message ends with clickhouse/errors.ts's MAY_BE_WRITTEN)
 * goes on with what a resend of this request has of its token, which decides whether a resend
 * stores them twice.
 */
export function leadOf(failure: ClickHouseFailure, kept: KeptRows, notQueued?: string): string {
  const lead = notQueued === undefined ? failure.message : `${failure.message}; not queued for a retry: ${notQueued}`;
  return failure.knownUnwritten ? lead : `${lead}; ${RESEND_SAYS[kept.resend].token}`;
}

/**
 * The answer to a request some of whose units failed and were not queued (`failed`, each with
 * its failure; the first failure's message leads, with why none was queued, `notQueued`, when
 * given): the first failure's, with `keptNote` on every other failed unit.
 */
export function withKeptNamed(failed: readonly FailedUnit[], kept: KeptRows, notQueued?: string): ClickHouseFailure {
  const [first] = failed;
  const failure = first!.failure;
  // Every other failed unit is counted, of the first one's table too: its message names its own rows only.
  const message = `${leadOf(failure, kept, notQueued)}${keptNote(failed.slice(1), kept)}`;
  return new ClickHouseFailure(failure.status, message, failure.retryAfterSeconds, failure.rowsRejected, failure.knownUnwritten);
}

/**
 * What an answer that fails a request says of its other rows: which tables failed too
 * (`failedToo`: not stored when known unwritten, else perhaps stored, as after a timeout), which
 * tables' rows are kept (written or queued), and whether a resend of this request stores those
 * again (`RESEND_SAYS`): a resend with its insert_deduplication_token has the same units' tokens,
 * and ClickHouse drops the copies (README, "Nothing duplicated").
 * `; of the request's other rows, 4 rows of otel_metrics_gauge are stored: a resend …`; "" when
 * nothing else failed and nothing is kept.
 */
export function keptNote(failedToo: readonly FailedUnit[], kept: KeptRows): string {
  const notStored = failedToo.filter(({ failure }) => failure.knownUnwritten).map(({ unit }) => countOf(unit));
  const mayBeStored = failedToo.filter(({ failure }) => !failure.knownUnwritten).map(({ unit }) => countOf(unit));
  const resend = RESEND_SAYS[kept.resend];
  const said = [
    ...(notStored.length > 0 ? [`${rowsOfTables(notStored)} failed too, and ${areOrIs(notStored)} not stored`] : []),
    ...(mayBeStored.length > 0
      ? [`${rowsOfTables(mayBeStored)} failed too, and may be stored all the same (${resend.failedToo})`]
      : []),
    ...([
      [kept.written, "stored"],
      [kept.queued, "queued for a retry"],
    ] as const)
      .filter(([counts]) => counts.length > 0)
      .map(([counts, where]) => `${rowsOfTables(counts)} ${areOrIs(counts)} ${where}`),
  ];
  if (said.length === 0) return "";
  const resendKept = kept.written.length + kept.queued.length > 0 ? `: ${resend.kept}` : "";
  return `; of the request's other rows, ${said.join("; ")}${resendKept}`;
}

/** `4 rows of otel_metrics_gauge`, `1 row of otel_logs`, `8 rows of otel_metrics_gauge, otel_metrics_sum`: tables named once, in order. */
export function rowsOfTables(counts: readonly TableRowCount[]): string {
  const rows = counts.reduce((sum, count) => sum + count.rows, 0);
  return `${rows} ${rows === 1 ? "row" : "rows"} of ${[...new Set(counts.map(({ table }) => table))].join(", ")}`;
}

/** The verb after `rowsOfTables(counts)`: `1 row of otel_logs is`, `2 rows … are`. */
function areOrIs(counts: readonly TableRowCount[]): "is" | "are" {
  return counts.reduce((sum, count) => sum + count.rows, 0) === 1 ? "is" : "are";
}
