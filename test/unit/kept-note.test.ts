/**
 * What the answer to a request whose write failed in part says a resend of THIS request does,
 * by what its insert deduplication token was made from: its Idempotency-Key and body, the body
 * of a push of Cloudflare's export that names its invocation, or nothing (a new token).
 */
import { describe, expect, it } from "vitest";
import { httpErrorForClickHouseFailure, MAY_BE_WRITTEN } from "../../workers/ingest/clickhouse/errors";
import { countOf, withKeptNamed, type FailedUnit, type KeptRows, type ResendToken } from "../../workers/ingest/queue/kept-note";
import { DIRECT_UNIT_BYTES } from "../../workers/ingest/queue/message";
import { planWriteUnits } from "../../workers/ingest/queue/write-units";

const timeout = () => new DOMException("The operation was aborted due to timeout", "TimeoutError");

/** A unit of `rows` rows of `table` whose INSERT failed with `error`. */
function failed(table: string, rows: number, error: unknown = timeout()): FailedUnit {
  const [unit] = planWriteUnits([{ table, columns: ["Value"], rows: Array.from({ length: rows }, (_, i) => ({ Value: i })) }], "tok", DIRECT_UNIT_BYTES);
  return { unit: unit!, failure: httpErrorForClickHouseFailure(error, `inserting ${rows === 1 ? "1 row" : `${rows} rows`} into ${table}`) };
}

/** The answer to `failures` of a request whose token was made as `resend`, with 4 gauge rows written. */
function answer(resend: ResendToken, failures: FailedUnit[]): string {
  const kept: KeptRows = { written: [countOf(failed("otel_metrics_gauge", 4).unit)], queued: [], resend };
  return withKeptNamed(failures, kept).message;
}

const LEAD = `ClickHouse did not answer in time inserting 3 rows into otel_metrics_sum${MAY_BE_WRITTEN}`;
const OTHERS = "; of the request's other rows, 2 rows of otel_metrics_histogram failed too, and may be stored all the same";

describe("what a failure's answer says a resend of the request stores again", () => {
  it("with an Idempotency-Key: once only with the same key and body", () => {
    expect(answer("idempotency key", [failed("otel_metrics_sum", 3), failed("otel_metrics_histogram", 2)])).toBe(
      `${LEAD}; a resend of this request has its token only with the same Idempotency-Key and body, and stores its rows again without` +
        `${OTHERS} (a resend without the same Idempotency-Key and body stores them again); 4 rows of otel_metrics_gauge are stored: ` +
        "a resend stores the rows kept again unless it carries the same Idempotency-Key and body, with which they are stored once",
    );
  });

  it("for a push of Cloudflare's export that names its invocation: the same push resent stores them once", () => {
    expect(answer("unique body", [failed("otel_metrics_sum", 3), failed("otel_metrics_histogram", 2)])).toBe(
      `${LEAD}; a resend of this same push of Cloudflare's export has its token, derived from the body, which names the push's invocation, so its rows are stored once` +
        `${OTHERS} (a resend of this same push stores them once: its token is derived from the body, which names the push's invocation); ` +
        "4 rows of otel_metrics_gauge are stored: a resend of this same push stores the rows kept once: its token is derived from the body, " +
        "which names the push's invocation of Cloudflare's export",
    );
  });

  it("with neither: every resend stores them again", () => {
    const said = answer("new", [failed("otel_metrics_sum", 3), failed("otel_metrics_histogram", 2)]);
    expect(said).toBe(
      `${LEAD}; a resend of this request has a new token and stores its rows again: it sent no Idempotency-Key ` +
        "(with one, a resend with the same key and body stores them once)" +
        `${OTHERS} (a resend stores them again: this request sent no Idempotency-Key); 4 rows of otel_metrics_gauge are stored: ` +
        "a resend stores the rows kept again: this request sent no Idempotency-Key (with one, a resend with the same key and body stores them once)",
    );
    expect(said).not.toContain("Cloudflare");
  });

  it("says nothing of a resend's token when the failed rows are known unwritten and nothing else is kept", () => {
    const { unit } = failed("otel_metrics_sum", 3);
    const unwritten: FailedUnit = {
      unit,
      failure: httpErrorForClickHouseFailure(timeout(), "inserting 3 rows into otel_metrics_sum", undefined, "before insert"),
    };
    expect(withKeptNamed([unwritten], { written: [], queued: [], resend: "unique body" }).message).toBe(
      "ClickHouse did not answer in time inserting 3 rows into otel_metrics_sum; the INSERT was not sent, so none of its rows are stored",
    );
  });

  it("says why rows that may be stored were not queued, and how a resend lands them once", () => {
    // One log row of random text over a queue message even gzipped, whose INSERT timed out.
    const tooBig = failed("otel_logs", 1);
    const notQueued = "1 row of otel_logs does not fit a 128000-byte queue message even gzipped";
    const lead = `ClickHouse did not answer in time inserting 1 row into otel_logs${MAY_BE_WRITTEN}; not queued for a retry: ${notQueued}`;
    const none: KeptRows = { written: [], queued: [], resend: "new" };
    const said = withKeptNamed([tooBig], none, notQueued).message;
    expect(said).toBe(
      `${lead}; a resend of this request has a new token and stores its rows again: it sent no Idempotency-Key ` +
        "(with one, a resend with the same key and body stores them once)",
    );
    // Before, the answer said the retry queue keeps the token, of rows the queue never took.
    expect(said).not.toContain("retry queue");
    expect(withKeptNamed([tooBig], { ...none, resend: "idempotency key" }, notQueued).message).toBe(
      `${lead}; a resend of this request has its token only with the same Idempotency-Key and body, and stores its rows again without`,
    );
  });

  it("says a queue's refusal as why rows were not queued, whether or not they may be stored", () => {
    const refusal = "the queue did not take 3 rows of otel_metrics_sum: Queue send failed";
    const { unit } = failed("otel_metrics_sum", 3);
    const unwritten: FailedUnit = {
      unit,
      failure: httpErrorForClickHouseFailure(timeout(), "inserting 3 rows into otel_metrics_sum", undefined, "before insert"),
    };
    const none: KeptRows = { written: [], queued: [], resend: "new" };
    expect(withKeptNamed([unwritten], none, refusal).message).toBe(
      `ClickHouse did not answer in time inserting 3 rows into otel_metrics_sum; the INSERT was not sent, so none of its rows are stored; not queued for a retry: ${refusal}`,
    );
    expect(withKeptNamed([failed("otel_metrics_sum", 3)], none, refusal).message).toBe(
      `${LEAD}; not queued for a retry: ${refusal}; a resend of this request has a new token and stores its rows again: ` +
        "it sent no Idempotency-Key (with one, a resend with the same key and body stores them once)",
    );
  });
});
