/**
 * The tail Worker in workerd with what its delivery needs: a producer that throws on every
 * fetch and tails into it, a capture Worker behind the INGEST binding's TailIngest entrypoint
 * (it can be armed to answer 503), and the hand-off queue driven by the test (queue-driver.ts).
 * workerd's output is captured, so tests can read the tail's log lines.
 */
import { Miniflare } from "miniflare";
import { drivenQueue, queueDriverWorker, type DrivenQueue } from "./queue-driver";
import { captureRuntimeOutput, jsonLogLines } from "./runtime-output";
import { TAIL_INGEST_CAPTURE_WORKER } from "./tail-ingest-capture";
import { HANDOFF_QUEUE, TAIL_COMPATIBILITY_DATE as COMPATIBILITY_DATE, tailWorker, throwingProducer } from "./tail-workers";

export { THROWING_PRODUCER } from "./tail-workers";

export interface TailHandOffRig {
  mf: Miniflare;
  handOffQueue: DrivenQueue;
  /** What the capture Worker answers at `path` (`/` the received requests, `/attempts`). */
  fromCapture<T>(path: string): Promise<T>;
  /** The next `count` requests to the capture Worker are answered `status` (503 with Retry-After: 0 unless given). */
  armFailures(count: number, status?: number): Promise<void>;
  /** The JSON log lines with this `msg` the Workers wrote so far. */
  logLines(msg: string): Record<string, unknown>[];
}

/** Starts the rig with `tailVars` as the tail's vars; dispose `mf` when done. */
export async function startTailHandOffRig(tailVars: Record<string, string>): Promise<TailHandOffRig> {
  const output = captureRuntimeOutput();
  const mf = new Miniflare({
    handleRuntimeStdio: output.handleRuntimeStdio,
    workers: [
      throwingProducer(),
      await tailWorker({ vars: tailVars, ingest: { name: "capture", entrypoint: "TailIngest" }, handOff: true }),
      { name: "capture", modules: true, script: TAIL_INGEST_CAPTURE_WORKER, compatibilityDate: COMPATIBILITY_DATE },
      queueDriverWorker({ name: "driver", queue: HANDOFF_QUEUE, consumer: "deco-otel-tail", compatibilityDate: COMPATIBILITY_DATE }),
    ],
  });
  await mf.ready;
  const fromCapture = async <T>(path: string): Promise<T> => {
    const capture = await mf.getWorker("capture");
    return (await (await capture.fetch(`http://capture${path}`)).json()) as T;
  };
  return {
    mf,
    handOffQueue: drivenQueue(mf, "driver"),
    fromCapture,
    async armFailures(count, status = 503) {
      const capture = await mf.getWorker("capture");
      await (await capture.fetch(`http://capture/fail?count=${count}&status=${status}`)).text();
    },
    logLines: (msg) => jsonLogLines(output, msg),
  };
}
