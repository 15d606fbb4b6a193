import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { decodeRequestBody, encodeResponseBody } from "./compression";
import { contentTypeOf } from "./content-type";
import { authenticate, credentialsOf, type Credentials } from "./credentials";
import { ClickHouseException, exceptionFromEngine } from "./errors";
import { parseQueryRequest } from "./http-request";
import type { QueryExecutor } from "./query-executor";

export interface HttpServerOptions {
  executor: QueryExecutor;
  credentials: Credentials;
  /** Quoted in error bodies, like a server's `(version ...)`. */
  serverVersion: string;
  timezone: string;
}

export interface ClickHouseHttpServer {
  server: Server;
  /**
   * Stops serving, under traffic too. No new connection is accepted; a request arriving from
   * now on over a connection already open (a client's keep-alive pool) is refused with 503
   * ABORTED, which clients retry, and its connection closed; requests already running are
   * answered, then their connections closed. Resolves once every connection is closed; one
   * still open after `SHUTDOWN_GRACE_MS` (a client stalled mid-upload) is cut.
   *
   * `server.close()` alone is not enough: it waits for every open connection to end, and a
   * client that keeps sending over its keep-alive connections never lets them, so the process
   * would stay up with its port closed and its data directory still locked.
   */
  shutdown(): Promise<void>;
}

/** How long running requests get to finish, as a server's `shutdown_wait_unfinished` (5 s). */
const SHUTDOWN_GRACE_MS = 5_000;

/**
 * How long a connection may sit idle between requests before the server closes it. Node's own
 * 5 s (6 s in effect) is shorter than the pauses a Worker leaves between its calls on a loaded
 * machine (redacting a thousand records between two of them took longer), and workerd, its one
 * thread busy with that work, has not seen the close when it sends the next request over the
 * same connection: the request fails with `Network connection lost.` though nothing went wrong. An idle connection costs the server nothing, and stopping closes every one at once.
 */
const KEEP_ALIVE_TIMEOUT_MS = 10 * 60_000;

/** The ClickHouse HTTP interface: `/ping`, and queries on `/`. */
export function createClickHouseHttpServer(options: HttpServerOptions): ClickHouseHttpServer {
  let stopping = false;
  const server = createServer((request, response) => {
    if (stopping) {
      // Read what the client sends, so closing does not reset the connection under the answer.
      request.resume();
      response.shouldKeepAlive = false;
      return sendException(response, new ClickHouseException(236, "The local ClickHouse is stopping", "ABORTED"), 503, options);
    }
    // A request that was running when the stop began: once answered, its connection is idle
    // and closed, before the client can send another over it.
    response.on("finish", () => {
      if (stopping) setImmediate(() => server.closeIdleConnections());
    });
    handle(request, response, options).catch((error: unknown) => {
      // Only a failure to write the response lands here; the socket is all that is left.
      console.error("local ClickHouse: could not answer a request:", error);
      response.destroy();
    });
  });
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  return {
    server,
    async shutdown() {
      stopping = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const grace = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
      await closed;
      clearTimeout(grace);
    },
  };
}

async function handle(request: IncomingMessage, response: ServerResponse, options: HttpServerOptions): Promise<void> {
  const url = new URL(request.url ?? "/", "http://localhost");
  const method = request.method ?? "GET";
  if (url.pathname === "/ping") return sendText(response, 200, "Ok.\n");
  if (url.pathname !== "/") {
    return sendText(response, 404, `There is no handle ${url.pathname}\n\nUse / or /ping for health checks.\n`);
  }
  const body = await readBody(request);
  if ((method === "GET" || method === "HEAD") && !url.searchParams.has("query") && body.length === 0) {
    return sendText(response, 200, "Ok.\n");
  }

  // A client may choose the query id; the response echoes whichever id the query ran under.
  const queryId = url.searchParams.get("query_id") ?? randomUUID();
  try {
    authenticate(credentialsOf(request.headers, url), options.credentials);
    const decoded = await decodeRequestBody(body, request.headers["content-encoding"]);
    const parsed = await parseQueryRequest(method, url, request.headers, decoded);
    const outcome = await options.executor.execute(parsed.query);
    const acceptEncoding = request.headers["accept-encoding"];
    const encoded = await encodeResponseBody(outcome.output, acceptEncoding, parsed.compressResponse);
    response.writeHead(200, {
      "Content-Type": contentTypeOf(outcome.format),
      "X-ClickHouse-Query-Id": queryId,
      "X-ClickHouse-Format": outcome.format,
      "X-ClickHouse-Timezone": options.timezone,
      "X-ClickHouse-Summary": JSON.stringify(outcome.summary),
      ...(encoded.encoding ? { "Content-Encoding": encoded.encoding } : {}),
      "Content-Length": encoded.body.byteLength,
    });
    response.end(method === "HEAD" ? undefined : encoded.body);
  } catch (error) {
    sendException(response, exceptionFromEngine(error), undefined, options, queryId);
  }
}

function sendException(
  response: ServerResponse,
  exception: ClickHouseException,
  status: number | undefined,
  options: HttpServerOptions,
  queryId: string = randomUUID(),
): void {
  const text = exception.toResponseBody(options.serverVersion);
  response.writeHead(status ?? exception.httpStatus, {
    "Content-Type": "text/plain; charset=UTF-8",
    "X-ClickHouse-Query-Id": queryId,
    "X-ClickHouse-Exception-Code": String(exception.code),
    "Content-Length": Buffer.byteLength(text),
  });
  response.end(text);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Length": Buffer.byteLength(text),
  });
  response.end(text);
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
