/**
 * A request body the client cuts short, over a real socket into workerd: a Content-Length body
 * that ends early and a chunked upload that stops before its last chunk, plain, gzip and
 * deflate. Each is the client's fault: a 400 saying what was read and declared, logged as a
 * refusal (`warn`), not a 500 and an error line.
 */
import { connect } from "node:net";
import { deflateSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, startIngestWorker, type IngestUnderTest } from "../support/ingest-worker";
import { eventually } from "../support/eventually";
import { captureRuntimeOutput, jsonLogLines } from "../support/runtime-output";

let ingest: IngestUnderTest;
const output = captureRuntimeOutput();

beforeAll(async () => {
  ingest = await startIngestWorker({ prefix: "cut_body", handleRuntimeStdio: output.handleRuntimeStdio });
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
});
