/** What `npm start` reads from workerd's output: the retry queue's messages and the tail Worker's hand-offs. */
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { LOCAL_TAIL_HAND_OFF_MSG, retryLedger } from "../../scripts/dev/retry-ledger";
import { undeliveredWarning } from "../../scripts/dev/local-pipeline";

/** The ledger after reading `text` in `chunks` pieces of about equal length, and what it echoed. */
async function ledgerOf(lines: string[], { text = lines.map((line) => `${line}\n`).join(""), chunks = 1 } = {}) {
  const ledger = retryLedger("deco-otel-retry");
  const stream = new PassThrough();
  let echoed = "";
  ledger.read(stream, (shown) => (echoed += shown));
  const ended = new Promise((resolve) => stream.on("end", resolve));
  const size = Math.ceil(text.length / chunks);
  for (let at = 0; at < text.length; at += size) stream.write(text.slice(at, at + size));
  stream.end();
  await ended;
  return { ledger, echoed };
}

describe("the local run's ledger", () => {
  it("counts the tail's hand-offs begun and ended beside the retry queue's messages", async () => {
    const begun = JSON.stringify({ msg: LOCAL_TAIL_HAND_OFF_MSG, state: "begun" });
    const ended = JSON.stringify({ msg: LOCAL_TAIL_HAND_OFF_MSG, state: "ended" });
    const written = JSON.stringify({ msg: "export written", requestId: "r1", queued: 2, queued_messages: 1 });
    const { ledger } = await ledgerOf([begun, begun, written, ended, "workerd says hello"]);
    expect(ledger.tailHandOffs).toEqual({ begun: 2, ended: 1 });
    expect({ sent: ledger.sent, sentRows: ledger.sentRows }).toEqual({ sent: 1, sentRows: 2 });
  });

  it("echoes every line but the tail's hand-off lines, which it still counts, whatever the chunks", async () => {
    const begun = JSON.stringify({ level: "debug", msg: LOCAL_TAIL_HAND_OFF_MSG, state: "begun" });
    const ended = JSON.stringify({ level: "debug", msg: LOCAL_TAIL_HAND_OFF_MSG, state: "ended" });
    const written = JSON.stringify({ level: "info", msg: "export written", requestId: "r1", queued: 0, queued_messages: 0 });
    const text = `${begun}\n${written}\nworkerd says hello\n${ended}\n{not json\nno newline at the end`;
    for (const chunks of [1, 3, 7, text.length]) {
      const { ledger, echoed } = await ledgerOf([], { text, chunks });
      expect(echoed, `${chunks} chunks`).toBe(`${written}\nworkerd says hello\n{not json\nno newline at the end`);
      expect(ledger.tailHandOffs).toEqual({ begun: 1, ended: 1 });
      expect([...ledger.logged]).toEqual(["r1"]);
    }
  });

  it("says on a stop how many of the tail's hand-offs had not ended, and the retry queue's line only when messages were lost", () => {
    const stop = { messages: 0, sentMessages: 3, sentRows: 5, tailHandOffs: 1, tailHandOffsBegun: 4 };
    expect(undeliveredWarning(stop)).toBe(
      "1 of the 4 hand-off(s) of the tail Worker to the ingest Worker this run had not ended: the records it had taken for them (its invocations' logs and counts) may be lost; the local Workers live in memory.",
    );
    expect(undeliveredWarning({ ...stop, messages: 1 }).split("\n")).toHaveLength(2);
  });
});
