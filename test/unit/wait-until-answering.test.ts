/**
 * What `npm run demo` (and `npm start`, waiting for its servers) says when an address does not
 * answer. Before, a refused connection was told as `did not answer within 3s (fetch failed)`,
 * as if a server were slow, though nothing listened on the port and every try failed at once.
 */
import { createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { findFreePort } from "../../scripts/dev/free-port";
import { waitUntilAnswering } from "../../scripts/dev/wait-until-answering";

let server: Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => (server === undefined ? resolve(undefined) : server.close(resolve)));
  server = undefined;
});

/** What waitUntilAnswering throws for `url` within `timeoutMs`. */
async function failureOf(url: string, timeoutMs: number): Promise<string> {
  return waitUntilAnswering(url, timeoutMs).then(
    () => "answered",
    (error: unknown) => (error as Error).message,
  );
}

describe("waitUntilAnswering's failure", () => {
  it("a port nothing listens on: connection refused, naming the address, not a slow answer", async () => {
    const port = await findFreePort("127.0.0.1");
    const url = `http://127.0.0.1:${port}/health`;
    expect(await failureOf(url, 500)).toBe(`${url} is not reachable: connection refused: nothing listens on 127.0.0.1:${port} (tried for 0.5s)`);
  });

  it("a server that answers, but not 2xx: did not answer within the time, with its last answer", async () => {
    server = createServer((_request, response) => response.writeHead(503).end("starting"));
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    const url = `http://127.0.0.1:${port}/health`;
    expect(await failureOf(url, 500)).toBe(`${url} did not answer within 0.5s (HTTP 503: starting)`);
  });
});
