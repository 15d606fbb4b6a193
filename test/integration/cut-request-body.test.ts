/**
 * A request body the client cuts short, over a real socket into workerd: a Content-Length body
 * that ends early and a chunked upload that stops before its last chunk, plain, gzip and
 * deflate, and a forward over the tail Worker's service binding whose stream fails. Each is the
 * client's fault: a 400 saying what was read and declared, logged as a refusal (`warn`), not a
 * 500 and an error line.
 */
import { connect } from "node:net";
import { deflateSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, INGEST_COMPATIBILITY_DATE, startIngestWorker, type IngestUnderTest } from "../support/ingest-worker";
import { eventually } from "../support/eventually";
import { captureRuntimeOutput, jsonLogLines } from "../support/runtime-output";

let ingest: IngestUnderTest;
const output = captureRuntimeOutput();

/**
 * Forwards a body of which the stream errors after its first half, as a tail Worker's forward
 * whose send fails midway would, to the ingest Worker's TailIngest entrypoint; answers with the
 * ingest's status and body.
 */
const CUTTING_CALLER = "cutting-caller";
const CUTTING_CALLER_SCRIPT = `export default {
  async fetch(request, env) {
    const bytes = new Uint8Array(await request.arrayBuffer());
    const half = bytes.subarray(0, bytes.length >> 1);
    const body = new ReadableStream({
      pull(controller) {
        if (half.length > 0 && !this.sent) { this.sent = true; controller.enqueue(half); return; }
        controller.error(new Error("the sender's stream failed"));
      },
    });
    const answer = await env.INGEST.fetch("https://ingest.internal/v1/logs", {
      method: "POST", headers: { "content-type": "application/json", "content-length": String(bytes.length) }, body, duplex: "half",
    });
    return new Response(await answer.text(), { status: answer.status });
  },
};`;

beforeAll(async () => {
  ingest = await startIngestWorker({
    prefix: "cut_body",
    handleRuntimeStdio: output.handleRuntimeStdio,
    extraWorkers: [
      {
        name: CUTTING_CALLER,
        modules: true,
        script: CUTTING_CALLER_SCRIPT,
        compatibilityDate: INGEST_COMPATIBILITY_DATE,
        serviceBindings: { INGEST: { name: "deco-otel-ingest", entrypoint: "TailIngest" } },
      },
    ],
  });
});

afterAll(async () => {
  await ingest?.dispose();
});

/**
 * Sends `head` and `sent` on one socket, half-closes it, and returns the whole answer the
 * server wrote before closing.
 */
async function sendCut(head: string, sent: Uint8Array): Promise<string> {
  const { hostname, port } = new URL(ingest.url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    let answer = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => (answer += chunk));
    socket.on("error", reject);
    socket.on("close", () => resolve(answer));
    socket.on("connect", () => {
      socket.write(head);
      socket.end(sent);
    });
  });
}

const JSON_EXPORT = Buffer.from(JSON.stringify({ resourceLogs: [{ scopeLogs: [{ logRecords: [{ body: { stringValue: "x".repeat(2000) } }] }] }] }));

function headOf(headers: Record<string, string>): string {
  const lines = Object.entries({ Host: "localhost", "Content-Type": "application/json", ...bearer(), ...headers, Connection: "close" });
  return `POST /v1/logs HTTP/1.1\r\n${lines.map(([name, value]) => `${name}: ${value}`).join("\r\n")}\r\n\r\n`;
}

/** A 400 whose message starts `message`, logged as the sender's refusal (warn), not as a fault of ours. */
async function expectRefusedAsCut(answer: string, message: string): Promise<void> {
  const [head, body] = answer.split("\r\n\r\n") as [string, string];
  expect(head.split("\r\n")[0]).toBe("HTTP/1.1 400 Bad Request");
  const status = JSON.parse(body) as { code: number; message: string };
  expect(status.code).toBe(3);
  expect(status.message.startsWith(message)).toBe(true);
  expect(status.message).toMatch(/\(Network connection lost\.\): send the whole body$/);
  const requestId = /X-Request-Id: (\S+)/i.exec(head)![1];
  // workerd's stdout may reach the test after the answer does.
  await eventually(async () => {
    expect(jsonLogLines(output, "request refused").filter((line) => line.requestId === requestId)).toEqual([
      expect.objectContaining({ level: "warn", status: 400, reason: status.message }),
    ]);
  });
}

describe("a request body cut short", () => {
  it.each([
    ["identity", JSON_EXPORT, {}],
    ["gzip", gzipSync(JSON_EXPORT), { "Content-Encoding": "gzip" }],
    ["deflate", deflateSync(JSON_EXPORT), { "Content-Encoding": "deflate" }],
  ] as const)("%s with a Content-Length it does not reach", async (_, body, encoding) => {
    const sent = body.subarray(0, Math.floor(body.length / 2));
    const answer = await sendCut(headOf({ ...encoding, "Content-Length": String(body.length) }), sent);
    await expectRefusedAsCut(answer, `request body ended early: fewer bytes arrived than the ${body.length} its Content-Length declared`);
  });

  it.each([
    ["identity", JSON_EXPORT, {}],
    ["gzip", gzipSync(JSON_EXPORT), { "Content-Encoding": "gzip" }],
  ] as const)("%s chunked, stopped before its last chunk", async (_, body, encoding) => {
    const half = body.subarray(0, Math.floor(body.length / 2));
    const chunk = Buffer.concat([Buffer.from(`${half.length.toString(16)}\r\n`), half, Buffer.from("\r\n")]);
    const answer = await sendCut(headOf({ ...encoding, "Transfer-Encoding": "chunked" }), chunk);
    await expectRefusedAsCut(answer, `request body ended early: ${half.length} bytes arrived before the chunked upload stopped short of its last chunk`);
  });

  // Over a service binding workerd ends the callee's body cleanly where the caller's stream
  // failed, Content-Length or not: the ingest Worker reads a shorter body, which is refused as
  // the truncated document it is, still the sender's 400 and never a 500. (The tail Worker's own
  // forward sends a string or bytes, never a stream that can fail midway.)
  it("forwarded through the tail Worker's service binding, its stream failing midway", async () => {
    const caller = await ingest.mf.getWorker(CUTTING_CALLER);
    const answer = await caller.fetch("http://caller/", { method: "POST", body: JSON_EXPORT });
    expect(answer.status).toBe(400);
    const status = (await answer.json()) as { code: number; message: string };
    expect(status).toEqual({ code: 3, message: expect.stringMatching(/^invalid JSON: Unterminated string/) });
    await eventually(async () => {
      expect(jsonLogLines(output, "request refused").filter((line) => line.entrypoint === "tail-ingest")).toEqual([
        expect.objectContaining({ level: "warn", status: 400 }),
      ]);
    });
  });
});
