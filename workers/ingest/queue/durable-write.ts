/**
 * The request path's write: rows are answered for only once they are in ClickHouse or in the
 * retry queue. With `WRITE_MODE=direct` each write unit is inserted, and the units that fail
 * or time out are queued for the consumer to retry; with `WRITE_MODE=queue` every unit is
 * queued. Rows ClickHouse refuses as data are dead-lettered instead (bucket, else queue), or,
 * with neither bound, refused: the answer counts them (OTLP partial success) when the rest of
 * the request is stored, and is a 400 when none of it is.
 */
import type { Logger } from "../../shared/log";
import { keepAbsentColumnValues, type KeptCount } from "../clickhouse/absent-columns";
import { ClickHouseFailure, TooLargeForPathFailure } from "../clickhouse/errors";
import { columnListOf } from "../clickhouse/writer";
import type { IngestContext } from "../context";
import { canDeadLetter, deadLetter } from "./dead-letter";
import { HttpError } from "../http/errors";
import {
  DIRECT_UNIT_BYTES,
  MAX_UNIT_BYTES,
  queueMessageOf,
  queueMessagesOf,
  queuedBatchOf,
  TooBigForAMessage,
  type QueueMessage,
  type QueuedBatch,
} from "./message";
import { QueueSendFailure, sendMessages } from "./send";
import { countOf, keptNote, leadOf, rowsOfTables, withKeptNamed, type FailedUnit, type KeptRows, type RequestToken } from "./kept-note";
import { planWriteUnits, type TableRows, type WriteUnit } from "./write-units";
import type { QueueProducer } from "./bindings";

export interface WriteOutcome {
  writtenRows: number;
  /** Rows ClickHouse refused as data, now dead-lettered (bucket or queue). */
  deadLetteredRows: number;
  /** Why, when there are any: the first refusal's message. */
  deadLetterReason?: string;
  /** Rows ClickHouse refused as data that nothing could keep: not stored, the sender is told. */
  refusedRows: number;
  /** Why, when there are any: the first refusal's message. */
  refusedReason?: string;
  /** Why nothing kept them, when there are any: `no dead-letter store is bound`, … */
  refusedNotKept?: string;
  /** Values of columns a table lacks, kept elsewhere in the rows written (absent-columns.ts). */
  keptElsewhere: KeptCount[];
}

/**
 * What of one request the retry queue has taken so far, added to as each send is taken (a send
 * refused in part adds the messages it took): its rows, and the messages holding them (a unit is
 * one message, or several when it was cut to fit), each settled by the consumer (`retry batch
 * consumed`: written or dead-lettered). What a write that fails after a send leaves queued lands
 * all the same, so it is the caller's to log whatever the request's answer.
 */
export interface QueuedTally {
  rows: number;
  messages: number;
}

/** Seconds a sender waits before retrying when neither ClickHouse nor the queue took its rows. */
const QUEUE_RETRY_AFTER_SECONDS = 5;

/**
 * Throws the HTTP error to answer with when the rows are neither written nor queued: retryable
 * (the sender keeps them) when they could be written later, 400 when ClickHouse refused every
 * one as data and there is no dead-letter bucket or queue to keep them (a permanent failure,
 * answered as the Collector's receivers answer one). When some rows are stored, refused rows
 * with nowhere to go are counted in `refusedRows` instead, for a partial success.
 * `directDeadline` (epoch ms), when the caller already spent part of the direct write's time
 * (DIRECT_WRITE_TIMEOUT_MS) learning a table, is when the direct write must be done.
 * `requestToken` is the request's insert deduplication token and what it was made from, so that
 * a failure's answer says what a resend of this request stores again. `queued` is added to as the
 * retry queue takes the request's rows, before any failure that follows.
 */
export async function writeDurably(
  context: IngestContext,
  tables: readonly TableRows[],
  requestToken: RequestToken,
  logger: Logger,
  queued: QueuedTally,
  directDeadline?: number,
): Promise<WriteOutcome> {
  const { config, writer, queues } = context;
  const outcome: WriteOutcome = { writtenRows: 0, deadLetteredRows: 0, refusedRows: 0, keptElsewhere: [] };

  // In queue mode a row too big for a message, even gzipped, is still written directly.
  const queueFirst = config.durability.writeMode === "queue" ? queues.retry : undefined;
  let units: WriteUnit[];
  let direct: WriteUnit[];
  let deadline: number;
  /** Units written or queued, which a failure of the rest leaves kept: its answer names them. */
  const kept: KeptRows = { written: [], queued: [], resend: requestToken.resend };
  /** Why a table's plan could not be had: its units fail with that, as their inserts would. */
  const planFailures = new Map<string, unknown>();
  if (queueFirst === undefined) {
    deadline = directDeadline ?? Date.now() + config.durability.directWriteTimeoutMs;
    // Every unit is inserted, so the plans are learnt first and the rows serialized as they
    // are sized. The same plans serve the inserts (they are cached), so this asks no more.
    const settledPlans = await Promise.allSettled(tables.map((table) => writer.planFor(table, deadline, logger)));
    settledPlans.forEach((plan, i) => {
      if (plan.status === "rejected") planFailures.set(planKeyOf(tables[i]!), plan.reason);
    });
    const plans = settledPlans.map((plan) => (plan.status === "fulfilled" ? plan.value : undefined));
    // Values of columns a table lacks move into the rows before they are sized and serialized,
    // once: the unit's budget holds the text sent, and the insert sends the text as made. The
    // cuts then follow the moved rows' sizes, which a table whose plan cannot be had does not
    // move (docs/decisions.md, 2026-12-03: its units are queued, and the consumer moves them).
    const moved = tables.map((table, i) => {
      const movedRows = plans[i] === undefined ? undefined : keepAbsentColumnValues(plans[i], table.table, table.columns, table.rows);
      if (movedRows === undefined) return table;
      outcome.keptElsewhere.push(...movedRows.kept);
      return { ...table, rows: movedRows.rows };
    });
    // Units of several messages' worth: fewer INSERTs. One that fails is queued gzipped.
    units = planWriteUnits(moved, requestToken.value, DIRECT_UNIT_BYTES, plans);
    direct = units;
  } else {
    // Every unit is queued, so each is one message of JSON: none is gzipped on this path but a
    // row bigger than a message.
    units = planWriteUnits(tables, requestToken.value, MAX_UNIT_BYTES);
    const messages = await Promise.all(units.map((unit) => queueMessageOf(queuedBatchOf(unit, "WRITE_MODE is queue", Date.now()))));
    direct = units.filter((_, i) => messages[i] === undefined);
    const queuedUnits = units.filter((_, i) => messages[i] !== undefined);
    const sent = messages.filter((message) => message !== undefined);
    await sendOrRefuse(queueFirst, sent, kept, queued);
    kept.queued.push(...queuedUnits.map(countOf));
    deadline = Date.now() + config.durability.directWriteTimeoutMs;
  }

  const settled = await Promise.allSettled(
    direct.map((unit) =>
      planFailures.has(planKeyOf(unit))
        ? Promise.reject(planFailures.get(planKeyOf(unit)))
        : writer.insert(unit, { asyncInsert: config.clickhouse.asyncInsert, deadline, logger }),
    ),
  );
  const retryable: FailedUnit[] = [];
  const rejected: FailedUnit[] = [];
  settled.forEach((result, i) => {
    const unit = direct[i]!;
    if (result.status === "fulfilled") {
      outcome.writtenRows += unit.rows.length;
      outcome.keptElsewhere.push(...result.value);
      kept.written.push(countOf(unit));
      return;
    }
    if (!(result.reason instanceof ClickHouseFailure)) throw result.reason;
    // A unit too large for the path to ClickHouse is cut into queue messages when there is a
    // queue (it is known unwritten); when it is not queued, `leftToSender` words its answer.
    (result.reason.rowsRejected ? rejected : retryable).push({ unit, failure: result.reason });
  });

  // Queued first: if the refused rows then cannot be parked, the rest are at least kept.
  if (retryable.length > 0) {
    const { retry } = queues;
    // No queue, or a unit too big for a message even gzipped whose INSERT may have been written:
    // the sender retries the whole request. Its units already written or queued drop out as
    // duplicates only if it sent an Idempotency-Key (the tail Worker does) or is the same push of
    // Cloudflare's export (its token is its body's); otherwise the retry gets a new token and they
    // land again (README, "Nothing duplicated"). So the answer says they were not queued, and
    // why: without a queue only where they may be stored, for a resend of rows known unwritten
    // stores them once whatever it carries. A unit known not written is cut into messages under
    // tokens of their own instead: no copy can be in ClickHouse under its token for them to have
    // to match.
    if (retry === undefined) {
      throw withKeptNamed(leftToSender(retryable), kept, retryable[0]!.failure.knownUnwritten ? undefined : "no retry queue is bound");
    }
    let messages: QueueMessage[];
    try {
      const batches = retryable.map(({ unit, failure }) => queuedBatchOf(unit, failure.message, Date.now()));
      const unwritten = new Set(batches.filter((_, i) => retryable[i]!.failure.knownUnwritten));
      messages = await queueMessagesOf(batches, (batch) => unwritten.has(batch));
    } catch (error) {
      if (!(error instanceof TooBigForAMessage)) throw error;
      logger.log("warn", "export not queued: a write unit is too big for a queue message", {
        not_queued: error.message,
        reason: retryable[0]!.failure.message,
      });
      // None is sent then: the answer says the failed rows are all left to the sender, counting
      // them when the rows too big are fewer (a piece of a unit cut to fit, or one unit of several).
      const failed = retryable.map(({ unit }) => countOf(unit));
      const noneQueuedNote = error.rows === rowsIn(retryable.map(({ unit }) => unit)) ? "" : `, so none of the request's ${rowsOfTables(failed)} that failed is queued`;
      throw withKeptNamed(leftToSender(retryable), kept, `${error.message}${noneQueuedNote}`);
    }
    await sendOrRefuse(retry, messages, kept, queued, (refusal) => leadOf(retryable[0]!.failure, kept, refusal));
    kept.queued.push(...retryable.map(({ unit }) => countOf(unit)));
    logger.log("warn", "export queued for retry", {
      queued_rows: rowsIn(retryable.map(({ unit }) => unit)),
      units: retryable.length,
      // More messages than units: units known not written were cut to fit.
      messages: messages.length,
      reason: retryable[0]!.failure.message,
    });
  }

  if (rejected.length > 0) {
    if (!canDeadLetter(queues)) return refuse(outcome, queued, rejected, "no dead-letter store is bound", logger);
    try {
      await deadLetter(
        queues,
        rejected.map(({ unit, failure }) => ({
          batch: queuedBatchOf(unit, failure.message, Date.now()),
          reason: failure.message,
          attempts: 1,
          refused: true,
        })),
        logger,
      );
    } catch (error) {
      // Only the dead-letter queue was left to take them, cut to its messages, and a row alone
      // is over one even gzipped.
      if (error instanceof TooBigForAMessage) return refuse(outcome, queued, rejected, error.message, logger);
      const notTaken = rowsOfTables(rejected.map(({ unit }) => countOf(unit)));
      throw keptRefusal(`${rejected[0]!.failure.message}; the dead-letter store did not take ${notTaken} either: ${reasonOf(error)}`, kept);
    }
    outcome.deadLetteredRows = rowsIn(rejected.map(({ unit }) => unit));
    outcome.deadLetterReason = rejected[0]!.failure.message;
  }
  return outcome;
}

/**
 * The failed units as answered when the retry queue does not take them (none is bound, or a row
 * of the request is too big for a message even gzipped). A proxy's 413 is then the operator's to
 * fix, a 503 naming the body limit to raise (docs/decisions.md, 2026-12-03 and 2026-12-07): the
 * largest refused INSERT body of the whole request, for a limit that passes only the first
 * refused unit would have a resend store the others' rows twice. A 413 would have the sender drop
 * the rows instead; a 503 has it keep them and retry.
 */
function leftToSender(failed: readonly FailedUnit[]): FailedUnit[] {
  const refusedSizes = failed.flatMap(({ failure }) =>
    failure instanceof TooLargeForPathFailure && failure.insertBytes !== undefined ? [failure.insertBytes] : [],
  );
  const largest = refusedSizes.length === 0 ? undefined : Math.max(...refusedSizes);
  return failed.map(({ unit, failure }) =>
    failure instanceof TooLargeForPathFailure ? { unit, failure: failure.withoutQueue(DIRECT_UNIT_BYTES, largest) } : { unit, failure },
  );
}

/**
 * Rows ClickHouse refused as data with nowhere to keep them: counted, for a partial success,
 * when the rest of the request is stored or queued; a 400 saying why when none of it is.
 */
function refuse(outcome: WriteOutcome, queued: QueuedTally, rejected: readonly FailedUnit[], notKept: string, logger: Logger): WriteOutcome {
  for (const { unit, failure } of rejected) {
    logger.log("error", "rows refused by ClickHouse and not kept", {
      table: unit.table,
      refused_rows: unit.rows.length,
      reason: failure.message,
      not_kept: notKept,
      deduplication_token: unit.deduplicationToken,
    });
  }
  const reason = rejected[0]!.failure.message;
  if (outcome.writtenRows + queued.rows === 0) {
    throw new HttpError(400, `${reason}; none of the request's records were stored and none kept (${notKept})`);
  }
  return { ...outcome, refusedRows: rowsIn(rejected.map(({ unit }) => unit)), refusedReason: reason, refusedNotKept: notKept };
}

/**
 * Sends `messages` to `queue`, adding those it takes to `queued`. When the queue refuses them, in
 * part or whole, the messages it did take join `kept.queued` too, and the answer is a retryable
 * 503: the refusal (`the queue did not take 4 rows of otel_logs: <the queue's reason>`), or
 * `lead` given it when the caller words more, then `keptNote`: a sender retrying knows what its resend stores again.
 */
async function sendOrRefuse(
  queue: QueueProducer<QueuedBatch | Uint8Array<ArrayBuffer>>,
  messages: readonly QueueMessage[],
  kept: KeptRows,
  queued: QueuedTally,
  lead?: (refusal: string) => string,
): Promise<void> {
  try {
    await sendMessages(queue, messages);
    tally(queued, messages);
  } catch (error) {
    const sent = new Set(error instanceof QueueSendFailure ? error.sent : []);
    const taken = messages.filter((message) => sent.has(message));
    tally(queued, taken);
    kept.queued.push(...taken);
    const notTaken = rowsOfTables(messages.filter((message) => !sent.has(message)));
    const refusal = `the queue did not take ${notTaken}: ${reasonOf(error)}`;
    throw keptRefusal(lead === undefined ? refusal : lead(refusal), kept);
  }
}

/** Adds `messages`, taken by the queue, and their rows to `queued`. */
function tally(queued: QueuedTally, messages: readonly QueueMessage[]): void {
  queued.messages += messages.length;
  queued.rows += messages.reduce((sum, message) => sum + message.rows, 0);
}

/** A retryable 503: `lead`, which says what the queue or store refused and why, then `keptNote`. */
function keptRefusal(lead: string, kept: KeptRows): HttpError {
  return new HttpError(503, `${lead}${keptNote([], kept)}`, QUEUE_RETRY_AFTER_SECONDS);
}

/** Why a queue or store refused a send, as an answer quotes it. */
function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Rows of one table with the same columns share one plan. */
function planKeyOf({ table, columns }: TableRows): string {
  return `${table}|${columnListOf(columns)}`;
}

function rowsIn(units: readonly WriteUnit[]): number {
  return units.reduce((sum, unit) => sum + unit.rows.length, 0);
}
