/**
 * A stand-in for the ingest Worker behind the tail's INGEST binding: it exports the same named
 * entrypoint (TailIngest) and records each request the tail sends, with its idempotency key,
 * its body decompressed when it came gzipped (as the hand-off's drain sends it).
 * While armed it turns requests away with 503 (Retry-After: 0), as an ingest Worker that cannot
 * take them does, or with the status it was armed with (a 500, as a crashed deploy answers).
 *
 * Its default fetch is the test's window: `GET /` drains what was received, `GET /attempts`
 * lists every request that reached it (turned away or not), `POST /fail?count=n[&status=s]`
 * arms failures.
 */
export const TAIL_INGEST_CAPTURE_WORKER = `
import { WorkerEntrypoint } from "cloudflare:workers";

const received = [];
const attempts = [];
let failuresToServe = 0;
let failureStatus = 503;

export class TailIngest extends WorkerEntrypoint {
  async fetch(request) {
    const path = new URL(request.url).pathname;
    const key = request.headers.get("idempotency-key");
    if (failuresToServe > 0) {
      failuresToServe -= 1;
      attempts.push({ path, key, status: failureStatus });
      return failureStatus === 503
        ? new Response("ingest overloaded", { status: 503, headers: { "retry-after": "0" } })
        : new Response("internal error", { status: failureStatus });
    }
    attempts.push({ path, key, status: 200 });
    const contentEncoding = request.headers.get("content-encoding");
    const body = contentEncoding === "gzip" ? request.body.pipeThrough(new DecompressionStream("gzip")) : request.body;
    received.push({
      path,
      method: request.method,
      contentType: request.headers.get("content-type"),
      ...(contentEncoding === null ? {} : { contentEncoding }),
      key,
      body: await new Response(body).json(),
    });
    return Response.json({ partialSuccess: {} });
  }
}

export default {
  async fetch(request) {
    const url = new URL(request.url);
    if (url.pathname === "/fail") {
      failuresToServe = Number(url.searchParams.get("count"));
      failureStatus = Number(url.searchParams.get("status") ?? 503);
      return new Response("armed");
    }
    if (url.pathname === "/attempts") return Response.json(attempts);
    return Response.json(received.splice(0));
  },
};
`;
