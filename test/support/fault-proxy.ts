/**
 * A loopback HTTP proxy in front of the run's ClickHouse that a test switches between faults:
 * the way ClickHouse fails in production, without stopping the server every test file shares.
 *
 * - `pass`: forwards every request and its answer unchanged;
 * - `down`: stops listening, so connections are refused as by a stopped server; the same port
 *   is listened on again when the mode changes back;
 * - `error`: answers as an overloaded ClickHouse does (HTTP 503 with an exception code);
 * - `error-in-ok`: answers HTTP 200 with the exception only in the body (no exception header,
 *   a summary of 0 written rows), as ClickHouse does when it had sent its status before the
 *   error; the request is not forwarded, so nothing is written;
 * - `error-in-ok-same-line`: the same, the exception after `Ok. ` on the body's first line (a
 *   server or proxy that wrote a word before it);
 * - `stalled`: forwards the request, so ClickHouse does write it, and never answers: only the
 *   caller's own timeout ends the wait, so no timer of the proxy races the caller's on a loaded
 *   machine;
 * - `close-reused`: a request that comes on a connection that already carried an answer is met by
 *   the connection's close, unread and not forwarded, as when ClickHouse's `keep_alive_timeout`
 *   ends an idle connection just as the caller writes its next call onto it; a request on a new
 *   connection passes. A closed connection is gone, so each is closed under a request once;
 * - `lost-reused`: the same, but the request is forwarded, so ClickHouse does write it, and the
 *   connection is closed instead of its answer (a connection lost after the server took the call);
 * - the answers of a web server in front of ClickHouse, none forwarded (see FOREIGN_PAGES):
 *   `nginx-page` (200 with its welcome page), `empty-ok` (200, nothing), `login-redirect` (302 to
 *   `/login`, whose page the proxy serves with 200 in every mode), `unauthorized` (nginx's 401
 *   page), `forbidden` (an access gate's 403 page), `proxy-auth` (a forward proxy's 407),
 *   `not-found` (nginx's 404 page: no route to ClickHouse at that path) and `too-large` (413 page).
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** A web server's own answers: status, headers and body, as nginx sends them. */
const FOREIGN_PAGES = {
  "nginx-page": {
    status: 200,
    headers: { "Content-Type": "text/html" },
    body: "<!DOCTYPE html>\n<html><head><title>Welcome to nginx!</title></head><body><h1>Welcome to nginx!</h1></body></html>\n",
  },
  "empty-ok": { status: 200, headers: {}, body: "" },
  "login-redirect": { status: 302, headers: { Location: "/login" }, body: "" },
  unauthorized: {
    status: 401,
    headers: { "Content-Type": "text/html", "WWW-Authenticate": 'Basic realm="clickhouse"' },
    body: "<html>\r\n<head><title>401 Authorization Required</title></head>\r\n<body>\r\n<center><h1>401 Authorization Required</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
  },
  forbidden: {
    status: 403,
    headers: { "Content-Type": "text/html" },
    body: "<!DOCTYPE html><html><head><title>Forbidden - Access</title></head><body><h1>Forbidden</h1><p>You don't have permission to view this application. Ray ID: 8f1e2d3c4b5a6978</p></body></html>",
  },
  "proxy-auth": {
    status: 407,
    headers: { "Content-Type": "text/plain", "Proxy-Authenticate": 'Basic realm="egress"' },
    body: "Proxy Authentication Required\n",
  },
  "not-found": {
    status: 404,
    headers: { "Content-Type": "text/html" },
    body: "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
  },
  "too-large": {
    status: 413,
    headers: { "Content-Type": "text/html" },
    body: "<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
  },
} as const;

type ForeignPage = keyof typeof FOREIGN_PAGES;

/** The login page `login-redirect` leads to. */
const LOGIN_PAGE = "<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body><form></form></body></html>\n";

export type FaultMode =
  | "pass"
  | "down"
  | "error"
  | "error-in-ok"
  | "error-in-ok-same-line"
  | "stalled"
  | "close-reused"
  | "lost-reused"
  | ForeignPage;

/** Modes that act only on a request that comes on a connection already used: a keep-alive reuse. */
const REUSE_MODES: ReadonlySet<FaultMode> = new Set(["close-reused", "lost-reused"]);

export interface FaultProxy {
  /** The URL to give the Worker as CLICKHOUSE_URL. */
  url: string;
  mode(): FaultMode;
  setMode(mode: FaultMode): Promise<void>;
  /** When set, a mode other than `down` hits only requests whose decoded URL (the query) matches. */
  faultOnly: RegExp | undefined;
  /** Requests that reached the proxy while listening, by mode. */
  requests: Record<FaultMode, number>;
  /** The decoded URL of each request that reached it while listening, in order. */
  urls: string[];
  close(): Promise<void>;
}

/** ClickHouse's own answer when too many queries run at once: retryable, not the rows' fault. */
const OVERLOADED_CODE = "202";
const OVERLOADED_MESSAGE =
  "Code: 202. DB::Exception: Too many simultaneous queries. Maximum: 100. (TOO_MANY_SIMULTANEOUS_QUERIES)";
/** What `error-in-ok` writes after its 200: a MergeTree refusing inserts until merges catch up. */
const TOO_MANY_PARTS_MESSAGE =
  "Code: 252. DB::Exception: Too many parts (3001 with average size of 2.10 KiB) in table 'otel_logs'. Merges are processing significantly slower than inserts. (TOO_MANY_PARTS) (version 25.8.1.1 (official build))";

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  const sockets = new Set<Socket>();
  /** The connections that have carried an answer. */
  const answered = new WeakSet<Socket>();
  let mode: FaultMode = "pass";
  let server: Server | undefined;
  const requests = Object.fromEntries(
    (["pass", "down", "error", "error-in-ok", "error-in-ok-same-line", "stalled", ...REUSE_MODES, ...Object.keys(FOREIGN_PAGES)] as FaultMode[]).map((name) => [name, 0]),
  ) as Record<FaultMode, number>;
  const urls: string[] = [];

  const handle = (incoming: IncomingMessage, answer: ServerResponse) => {
    if (incoming.url === "/login") {
      incoming.resume();
      answer.writeHead(200, { "Content-Type": "text/html" });
      answer.end(LOGIN_PAGE);
      return;
    }
    const socket = incoming.socket;
    const applied = appliesTo(incoming) ? mode : "pass";
    const current = REUSE_MODES.has(applied) && !answered.has(socket) ? "pass" : applied;
    requests[current]++;
    urls.push(decodeURIComponent(incoming.url ?? ""));
    answer.on("finish", () => answered.add(socket));
    if (current === "close-reused") return void socket.destroy();
    if (Object.hasOwn(FOREIGN_PAGES, current)) {
      const page = FOREIGN_PAGES[current as ForeignPage];
      incoming.resume();
      answer.writeHead(page.status, page.headers);
      answer.end(page.body);
      return;
    }
    if (current === "error") {
      incoming.resume();
      answer.writeHead(503, {
        "Content-Type": "text/plain; charset=UTF-8",
        "X-ClickHouse-Exception-Code": OVERLOADED_CODE,
      });
      answer.end(`${OVERLOADED_MESSAGE}\n`);
      return;
    }
    if (current === "error-in-ok" || current === "error-in-ok-same-line") {
      incoming.resume();
      answer.writeHead(200, {
        "Content-Type": "text/plain; charset=UTF-8",
        "X-ClickHouse-Summary": '{"read_rows":"0","read_bytes":"0","written_rows":"0","written_bytes":"0","total_rows_to_read":"0"}',
      });
      answer.end(`${current === "error-in-ok" ? "" : "Ok. "}${TOO_MANY_PARTS_MESSAGE}\n`);
      return;
    }
    const forwarded = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (response) => {
        // ClickHouse has answered, so the rows are in; the caller never hears of it.
        if (current === "stalled") return void response.resume();
        if (current === "lost-reused") return void response.resume().on("end", () => socket.destroy());
        answer.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(answer);
      },
    );
    forwarded.on("error", () => answer.destroy());
    incoming.pipe(forwarded);
  };

  const appliesTo = (incoming: IncomingMessage) =>
    proxy.faultOnly === undefined || proxy.faultOnly.test(decodeURIComponent(incoming.url ?? ""));

  const listen = (port: number) =>
    new Promise<Server>((resolve, reject) => {
      const listening = createServer(handle);
      // Longer than any test's pause between calls: the reuse modes need the caller's idle
      // connection kept until they close it, not closed by Node's 5 s default first.
      listening.keepAliveTimeout = 120_000;
      listening.on("connection", (socket) => {
        sockets.add(socket);
        socket.on("close", () => sockets.delete(socket));
      });
      listening.once("error", reject);
      listening.listen(port, "127.0.0.1", () => resolve(listening));
    });

  const stop = async () => {
    const stopping = server;
    server = undefined;
    if (stopping === undefined) return;
    // Open keep-alive connections go too, as they would when the server process stops.
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => stopping.close(() => resolve()));
  };

  server = await listen(0);
  const { port } = server.address() as AddressInfo;

  const proxy: FaultProxy = {
    url: `http://127.0.0.1:${port}`,
    faultOnly: undefined,
    requests,
    urls,
    mode: () => mode,
    async setMode(next) {
      mode = next;
      if (next === "down") await stop();
      else if (server === undefined) server = await listen(port);
    },
    close: stop,
  };
  return proxy;
}
