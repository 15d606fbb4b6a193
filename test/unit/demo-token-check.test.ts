/**
 * `npm run demo` asks the ingest Worker whether it takes the demo's token for `demo-client`
 * before sending traffic. Before, a refused token ended the demo, at the SDK's shutdown, in a
 * stack trace holding the answer's protobuf bytes (`OTLPExporterError: Forbidden`).
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseDemoOptions } from "../../scripts/dev/demo-options";
import { assertTokenTaken, DemoTokenRefused } from "../../scripts/dev/demo/token-check";

const INGEST = "http://127.0.0.1:4318";

/** The ingest Worker answering every export `status` with a google.rpc.Status `message`; what it was sent. */
function ingestAnswering(status: number, message?: string) {
  const sent: { url: string; authorization: string | null; body: unknown }[] = [];
  vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
    sent.push({ url, authorization: new Headers(init.headers).get("authorization"), body: JSON.parse(String(init.body)) });
    return new Response(message === undefined ? "{}" : JSON.stringify({ code: status === 401 ? 16 : 7, message }), { status });
  });
  return sent;
}

/** What assertTokenTaken throws for the demo given `argv` and `env`, or undefined. */
async function refusalFor(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<unknown> {
  const options = parseDemoOptions(argv, env);
  return assertTokenTaken(INGEST, options.sender, options.tokenFrom).then(
    () => undefined,
    (error: unknown) => error,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the demo's token, asked before any traffic", () => {
  it("no listed token may write demo-client: names the token it sent, the scope it lacks, and the --token entry to add", async () => {
    const reason = 'token "web" may not write service.name "demo-client": it may write service.name "storefront-*"; nothing was written';
    const sent = ingestAnswering(403, reason);
    const refused = await refusalFor(["--token", "web:web-secret:storefront-*"]);
    expect(refused).toBeInstanceOf(DemoTokenRefused);
    expect((refused as Error).message).toBe(
      `npm run demo: the ingest Worker at ${INGEST} refused the demo's token "web" (from --token) with HTTP 403: ${reason}\n` +
        'No token --token lists may write service.name "demo-client", the demo\'s own service, so it sent the first. If npm start\'s ' +
        "--token (or $INGEST_TOKEN) holds one that may (an entry SECRET or NAME:SECRET, any service, or NAME:SECRET:demo-client), " +
        "pass the demo npm start's whole list, or that token: no restart is needed. Otherwise add such an entry to npm start's " +
        "--token, restart npm start and pass the demo the same list.",
    );
    expect((refused as Error).message).not.toContain("web-secret");
    // One export of the demo's resource and no span: the Worker checks the scope and writes nothing.
    expect(sent).toEqual([
      {
        url: `${INGEST}/v1/traces`,
        authorization: "Bearer web-secret",
        body: { resourceSpans: [{ resource: { attributes: [{ key: "service.name", value: { stringValue: "demo-client" } }] }, scopeSpans: [] }] },
      },
    ]);
  });

  it("given only a token npm start scopes to another service: says first that npm start's whole list is enough, without a restart", async () => {
    // npm start -- --token 'shop:shop-secret:example-shop,dev-token'; the demo given 'shop:…' alone.
    ingestAnswering(403, 'token "shop" may not write service.name "demo-client": it may write service.name "example-shop"; nothing was written');
    const { message } = (await refusalFor(["--token", "shop:shop-secret:example-shop"])) as Error;
    const fix = message.split("\n")[1]!;
    expect(fix.indexOf("pass the demo npm start's whole list, or that token: no restart is needed")).toBeGreaterThan(0);
    expect(fix.indexOf("no restart is needed")).toBeLessThan(fix.indexOf("restart npm start"));
  });

  it("a token the demo's list gives demo-client but npm start's does not hold: says to pass the list npm start was given, from where it was read", async () => {
    ingestAnswering(401, "invalid bearer token");
    const refused = await refusalFor([], { INGEST_TOKEN: "demo:demo-secret-9:demo-client" });
    expect(refused).toBeInstanceOf(DemoTokenRefused);
    expect((refused as Error).message).toBe(
      `npm run demo: the ingest Worker at ${INGEST} refused the demo's token "demo" (from $INGEST_TOKEN) with HTTP 401: invalid bearer token\n` +
        'That token may write service.name "demo-client" in the demo\'s list, but npm start was given another: pass the demo the --token (or $INGEST_TOKEN) npm start was given.',
    );
    expect((refused as Error).message).not.toContain("demo-secret-9");
  });

  it("goes ahead when the Worker takes it, and leaves any other answer to the traffic", async () => {
    ingestAnswering(200);
    expect(await refusalFor([])).toBeUndefined();
    ingestAnswering(503, "ClickHouse is unreachable");
    expect(await refusalFor([])).toBeUndefined();
  });
});
