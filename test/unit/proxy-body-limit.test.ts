/**
 * A proxy in front of ClickHouse whose body limit lies between what a request's rows need and
 * DIRECT_UNIT_BYTES: without a retry queue its 413 is the operator's 503, and the bound it names
 * must be true. Before, it named DIRECT_UNIT_BYTES (496000) alone as the limit to pass, though a
 * limit of this INSERT's body lets these rows through; then it named the first refused INSERT's
 * body, though another INSERT of the request could be bigger, and counted only that one's rows.
 */
import { createHash } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ClickHouseWriter } from "../../workers/ingest/clickhouse/writer";
import { parseIngestConfig } from "../../workers/ingest/config";
import type { IngestContext } from "../../workers/ingest/context";
import type { Row } from "../../workers/ingest/core/rows/columns";
import { HttpError } from "../../workers/ingest/http/errors";
import { writeDurably } from "../../workers/ingest/queue/durable-write";
import { DIRECT_UNIT_BYTES } from "../../workers/ingest/queue/message";
import type { Logger } from "../../workers/shared/log";

const COLUMNS = ["Body", "Value"];

/** Hex digits that do not repeat (SHA-256 of a counter). */
const HEX = Array.from({ length: 14_000 }, (_, i) => createHash("sha256").update(String(i)).digest("hex")).join("");

/** One unit under DIRECT_UNIT_BYTES: a 300 KB row, a 150 KB row and a short one. */
const ROWS: Row[] = [
  { Body: HEX.slice(0, 300_000), Value: 0 },
  { Body: HEX.slice(300_000, 450_000), Value: 1 },
  { Body: "line 2", Value: 2 },
];

const NGINX_413 = "<html><head><title>413 Request Entity Too Large</title></head><body><center><h1>413 Request Entity Too Large</h1></center><hr><center>nginx</center></body></html>";

/**
 * ClickHouse behind a proxy refusing bodies over `limit` bytes (the INSERT's; `DESC TABLE` is
 * small): the INSERT bodies it saw, and those it let through.
 */
function clickHouseBehindProxy(limit: { bytes: number }) {
  const bodies: number[] = [];
  const passed: number[] = [];
  vi.stubGlobal("fetch", async (_url: string, init: RequestInit) => {
    const body = String(init.body);
    const marked = { "X-ClickHouse-Query-Id": "q" };
    if (body.startsWith("DESC TABLE")) {
      const described = [
        { name: "Body", type: "String", default_type: "" },
        { name: "Value", type: "Int64", default_type: "" },
      ];
      return new Response(described.map((column) => JSON.stringify(column)).join("\n"), { headers: marked });
    }
    const bytes = new TextEncoder().encode(body).byteLength;
    bodies.push(bytes);
    if (bytes > limit.bytes) return new Response(NGINX_413, { status: 413, headers: { "Content-Type": "text/html" } });
    passed.push(bytes);
    return new Response("", { headers: marked });
  });
  return { bodies, passed };
}

/** writeDurably of `rows` with no queue bound, through the real writer: what it throws. */
async function write(rows: readonly Row[] = ROWS): Promise<unknown> {
  const config = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123" });
  const context = { config, writer: new ClickHouseWriter(config.clickhouse), queues: {} } as unknown as IngestContext;
  const logger: Logger = { log: () => {} };
  return writeDurably(context, [{ table: "proxy_limit_t", columns: COLUMNS, rows }], { value: "tok", resend: "new" }, logger, { messages: 0, rows: 0 }).then(
    () => undefined,
    (error: unknown) => error,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("a proxy's 413 without a queue, the limit between what the rows need and DIRECT_UNIT_BYTES", () => {
  it("names this INSERT's body as the bound for these rows, which a limit of it passes, and says other requests' INSERTs can be bigger", async () => {
    const limit = { bytes: 400_000 };
    const { bodies, passed } = clickHouseBehindProxy(limit);
    const thrown = await write();
    expect(thrown).toBeInstanceOf(HttpError);
    expect(bodies).toHaveLength(1);
    const insertBytes = bodies[0]!;
    // One INSERT, bigger than the limit and smaller than what the message used to name.
    expect(insertBytes).toBeGreaterThan(limit.bytes);
    expect(insertBytes).toBeLessThan(DIRECT_UNIT_BYTES);
    const { status, message } = thrown as HttpError;
    expect(status).toBe(503);
    expect(message).toBe(
      "CLICKHOUSE_URL answered HTTP 413 inserting 3 rows into proxy_limit_t, not ClickHouse's answer: 413 Request Entity Too Large " +
        "(the INSERT's body is over what the path to ClickHouse takes); a retry succeeds only after the operator raises the proxy's body limit " +
        `(nginx's client_max_body_size) to at least ${insertBytes} bytes, the largest of this request's INSERT bodies it refused; ` +
        `other requests' INSERTs can be bigger: the Worker puts up to ${DIRECT_UNIT_BYTES} bytes of row values in an INSERT of several rows ` +
        "(a row alone over that goes in one of its own), and the JSONEachRow text it sends names every column in every row; " +
        "it was refused before any of its rows were written, so none of them are stored",
    );

    // The operator raises the limit to the bound named, no further: the sender's retry passes.
    limit.bytes = insertBytes;
    expect(await write()).toBeUndefined();
    expect(passed).toEqual([insertBytes]);
  });

  it("names the largest refused INSERT of the request and counts every refused row, so a limit of it stores each row once", async () => {
    // Two INSERTs of one table: 100 KB + 300 KB, then 300 KB + 150 KB.
    const rows: Row[] = [100_000, 300_000, 300_000, 150_000].map((length, i, lengths) => {
      const start = lengths.slice(0, i).reduce((sum, before) => sum + before, 0);
      return { Body: HEX.slice(start, start + length), Value: i };
    });
    const limit = { bytes: 350_000 };
    const { bodies, passed } = clickHouseBehindProxy(limit);
    const thrown = await write(rows);
    expect(bodies).toHaveLength(2);
    const [first, second] = bodies as [number, number];
    expect(first).toBe(400_048);
    expect(second).toBe(450_048);
    const { status, message } = thrown as HttpError;
    expect(status).toBe(503);
    expect(message).toContain("CLICKHOUSE_URL answered HTTP 413 inserting 2 rows into proxy_limit_t, ");
    expect(message).toContain(`(nginx's client_max_body_size) to at least ${second} bytes, the largest of this request's INSERT bodies it refused; `);
    expect(message).toMatch(/so none of them are stored; of the request's other rows, 2 rows of proxy_limit_t failed too, and are not stored$/);

    // The operator raises the limit to the bound named: the retry stores all four rows, each once.
    limit.bytes = second;
    expect(await write(rows)).toBeUndefined();
    expect(passed).toEqual([first, second]);
  });

  it("names a single row's INSERT over DIRECT_UNIT_BYTES, which the Worker sends alone", async () => {
    const rows: Row[] = [{ Body: HEX.slice(0, 512_000), Value: 0 }];
    const { bodies } = clickHouseBehindProxy({ bytes: DIRECT_UNIT_BYTES });
    const { message } = (await write(rows)) as HttpError;
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toBeGreaterThan(DIRECT_UNIT_BYTES);
    expect(message).toContain(`to at least ${bodies[0]} bytes, the largest of this request's INSERT bodies it refused; `);
    expect(message).toContain("(a row alone over that goes in one of its own)");
  });
});
