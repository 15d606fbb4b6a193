/**
 * What a CLI meets at a wrong or fronted URL, served from 127.0.0.1: each path of the request
 * picks an answer a real server in its place gives (a proxy's `{}`, a login page, an Access
 * redirect, a connection cut mid-body), so a test can point a command's --url at it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type ForeignAnswer = (request: IncomingMessage, response: ServerResponse) => void;

export const FOREIGN_ANSWERS = {
  /** 200 `{}`: a catch-all proxy, or another JSON API. */
  emptyJson: (_request, response) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.end("{}");
  },
  /** 200 with an HTML page: a login page served in place, or a wrong host's site. */
  loginPage: (_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end("<!DOCTYPE html>\n<html><head><title>Sign in - Cloudflare Access</title></head><body></body></html>");
  },
  /** 302 to a login page, as Cloudflare Access answers a request without its cookie. */
  accessRedirect: (_request, response) => {
    response.writeHead(302, { location: "https://example.cloudflareaccess.com/cdn-cgi/access/login/ingest" });
    response.end();
  },
  /** 502 with a proxy's HTML page. */
  badGateway: (_request, response) => {
    response.writeHead(502, { "content-type": "text/html" });
    response.end("<html><body><h1>502 Bad Gateway</h1></body></html>");
  },
  /** Takes the request and never answers. */
  silent: () => undefined,
  /** Headers, a few bytes of the promised body, then the connection is closed. */
  cutBody: (_request, response) => {
    response.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
    // Cut once the bytes are handed to the socket, so the client has the headers and a part.
    response.write('{"undelivered":', () => response.destroy());
  },
} satisfies Record<string, ForeignAnswer>;

export interface ForeignServer {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** Sets the answer to every request from now on. */
  answerWith(answer: ForeignAnswer): void;
  /** Method and path of every request received. */
  requests: string[];
  close(): Promise<void>;
}

/** Listens on a free 127.0.0.1 port, answering `emptyJson` until told otherwise. */
export async function startForeignServer(): Promise<ForeignServer> {
  let answer: ForeignAnswer = FOREIGN_ANSWERS.emptyJson;
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    request.resume();
    answer(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    answerWith: (next) => {
      answer = next;
    },
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A 127.0.0.1 port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
