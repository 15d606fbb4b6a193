/**
 * What the ingest Worker's log lines say it sent to its retry queue and what its consumer
 * settled, and (in the local run) what the tail Worker began and ended handing to the ingest
 * Worker, read from workerd's output as it comes: a test, or `npm start` stopping, learns from
 * the Workers themselves when nothing more of an export will land, instead of waiting a while and hoping.
 *
 * - `export written` (one per export answered 200, under its `requestId`): `queued_messages`,
 *   the retry queue messages the request sent (rows cut to fit make more messages than units),
 *   and `queued`, the rows in them;
 * - `request refused` (one per refused request): on an export's, `queued_messages` too, the
 *   messages the queue took before the failure (a 503 after a send taken in part), which land
 *   all the same; absent on other paths' lines, which sent none;
 * - `retry batch consumed` (one per delivery to the consumer, `queue` naming the queue):
 *   `written` and `dead-lettered`, the messages it settled for good; `retried` ones come again.
 */
import type { Readable } from "node:stream";

/**
 * The `msg` of the lines the local run's front of the tail Worker writes (local-workers.ts) when
 * a tail() hands work to `waitUntil` (`state` `begun`) and when that work has ended (`ended`):
 * its forward to the ingest Worker delivered, handed off to the hand-off queue, or lost.
 */
export const LOCAL_TAIL_HAND_OFF_MSG = "local tail hand-off";

export interface RetryLedger {
  /**
   * Reads one of workerd's output streams (stdout or stderr: `warn` and `error` lines go to
   * stderr) line by line. `echo`, when given, receives the stream's text as it comes, each line
   * with its newline (a last line without one when the stream ends), but for the local tail
   * front's LOCAL_TAIL_HAND_OFF_MSG lines: two per tail invocation, they are for the runner to
   * count, not for a person to read.
   */
  read(stream: Readable, echo?: (text: string) => void): void;
  /** Ids of the requests whose `export written` or `request refused` line has arrived. */
  logged: Set<string>;
  /** Messages the logged requests sent to the retry queue. */
  sent: number;
  /** Rows in those messages. */
  sentRows: number;
  /** Messages of the retry queue its consumer wrote or dead-lettered. */
  settled: number;
  /** The tail Worker's hand-offs to the ingest Worker begun, and those of them ended (LOCAL_TAIL_HAND_OFF_MSG). */
  tailHandOffs: { begun: number; ended: number };
}

/** A ledger of the retry queue named `queue` (the consumer's lines of other queues are not its). */
export function retryLedger(queue: string): RetryLedger {
  const ledger: RetryLedger = {
    logged: new Set(),
    sent: 0,
    sentRows: 0,
    settled: 0,
    tailHandOffs: { begun: 0, ended: 0 },
    read(stream, echo) {
      let partial = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => {
        const lines = (partial + chunk).split("\n");
        partial = lines.pop()!;
        const shown = lines.filter((line) => !note(line)).map((line) => `${line}\n`);
        if (echo !== undefined && shown.length > 0) echo(shown.join(""));
      });
      stream.on("end", () => {
        if (partial !== "" && !note(partial)) echo?.(partial);
      });
    },
  };
  /** Counts what `text` says; true when it is a hand-off line of the local tail front, the ledger's alone. */
  const note = (text: string): boolean => {
    if (!text.startsWith("{")) return false;
    let line: Record<string, unknown>;
    try {
      line = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return false; // workerd's own output, not one of the Worker's lines
    }
    if (line.msg === "export written" || line.msg === "request refused") {
      ledger.logged.add(String(line.requestId));
      ledger.sent += Number(line.queued_messages ?? 0);
      ledger.sentRows += Number(line.queued ?? 0);
    } else if (line.msg === "retry batch consumed" && line.queue === queue) {
      ledger.settled += Number(line.written) + Number(line["dead-lettered"]);
    } else if (line.msg === LOCAL_TAIL_HAND_OFF_MSG) {
      ledger.tailHandOffs[line.state === "begun" ? "begun" : "ended"] += 1;
      return true;
    }
    return false;
  };
  return ledger;
}
