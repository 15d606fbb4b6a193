/** What `npm start` reads from workerd's output: the retry queue's messages and the tail Worker's hand-offs. */
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { LOCAL_TAIL_HAND_OFF_MSG, retryLedger } from "../../scripts/dev/retry-ledger";
import { undeliveredWarning } from "../../scripts/dev/local-pipeline";

async function ledgerOf(lines: string[]) {
  const ledger = retryLedger("deco-otel-retry");
  const stream = new PassThrough();
  ledger.read(stream);
  const ended = new Promise((resolve) => stream.on("end", resolve));
  stream.end(lines.map((line) => `${line}\n`).join(""));
  await ended;
  return ledger;
}

describe("the local run's ledger", () => {
  it("counts the tail's hand-offs begun and ended beside the retry queue's messages", async () => {
    const begun = JSON.stringify({ msg: LOCAL_TAIL_HAND_OFF_MSG, state: "begun" });
    const ended = JSON.stringify({ msg: LOCAL_TAIL_HAND_OFF_MSG, state: "ended" });
    const written = JSON.stringify({ msg: "export written", requestId: "r1", queued: 2, queued_messages: 1 });
    const ledger = await ledgerOf([begun, begun, written, ended, "workerd says hello"]);
    expect(ledger.tailHandOffs).toEqual({ begun: 2, ended: 1 });
    expect({ sent: ledger.sent, sentRows: ledger.sentRows }).toEqual({ sent: 1, sentRows: 2 });
  });

  it("says on a stop how many of the tail's hand-offs had not ended, and the retry queue's line only when messages were lost", () => {
    const stop = { messages: 0, sentMessages: 3, sentRows: 5, tailHandOffs: 1, tailHandOffsBegun: 4 };
    expect(undeliveredWarning(stop)).toBe(
      "1 of the 4 hand-off(s) of the tail Worker to the ingest Worker this run had not ended: the records it had taken for them (its invocations' logs and counts) may be lost; the local Workers live in memory.",
    );
    expect(undeliveredWarning({ ...stop, messages: 1 }).split("\n")).toHaveLength(2);
  });
});
