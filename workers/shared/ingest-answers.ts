/**
 * The parts of the ingest Worker's answers the tail Worker reads to tell kept rows from lost
 * ones. OTLP gives a partial success only a count and a free-text `error_message`, and an error
 * only a `google.rpc.Status` message, so the two Workers share these phrases here rather than
 * each spelling them.
 */

/**
 * Starts the part of a partial success's `error_message` that counts rows ClickHouse refused as
 * data and the ingest parked in its dead-letter store for replay: `"<n> refused by ClickHouse,
 * kept in the dead-letter store for replay: <reason>"`.
 */
export const DEAD_LETTERED_PHRASE = "refused by ClickHouse, kept in the dead-letter store for replay";

/** How many rows a partial success's `error_message` says were dead-lettered (0 when none). */
export function deadLetteredRowsIn(errorMessage: string): number {
  const match = new RegExp(`(\\d+) ${DEAD_LETTERED_PHRASE}`).exec(errorMessage);
  return match === null ? 0 : Number(match[1]);
}

/**
 * Whether an error answer's body says ClickHouse refused the rows as data (a parse error, a type
 * mismatch, a CHECK constraint) in the answer an ingest Worker deployed before 2026-12-02 gives
 * when it has no dead-letter store: 500 and a `google.rpc.Status` whose message is
 * `"ClickHouse error <code> (<NAME>) …"`. The two Workers are deployed one after the other, so
 * the tail still reads it; today's ingest answers such a refusal with a partial success, or a
 * 400 when nothing of the request was stored (workers/ingest/queue/durable-write.ts). Every other
 * ClickHouse fault it answers 429, 502, 503 or 504, and its own crashes 500 with
 * `"internal error: …"`, so a 500 with this message is the rows' fault and sending them again
 * cannot help.
 */
export function isDataRefusal(status: number, body: string): boolean {
  return status === 500 && /"message"\s*:\s*"ClickHouse error \d+ /.test(body);
}
