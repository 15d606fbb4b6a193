/**
 * A proxy in front of ClickHouse whose body limit lies between what a request's rows need and
 * DIRECT_UNIT_BYTES: without a retry queue its 413 is the operator's 503, and the bound it names
 * must be true. Before, it named DIRECT_UNIT_BYTES (496000) alone as the limit to pass, though a
 * limit just above this INSERT's body lets these rows through, and full INSERTs need more than
 * 496000 as the JSONEachRow text sent.
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
const HEX = Array.from({ length: 8_000 }, (_, i) => createHash("sha256").update(String(i)).digest("hex")).join("");

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

/** writeDurably of ROWS with no queue bound, through the real writer: what it throws. */
async function write(): Promise<unknown> {
  const config = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123" });
  const context = { config, writer: new ClickHouseWriter(config.clickhouse), queues: {} } as unknown as IngestContext;
  const logger: Logger = { log: () => {} };
  return writeDurably(context, [{ table: "proxy_limit_t", columns: COLUMNS, rows: ROWS }], { value: "tok", resend: "new" }, logger, { messages: 0, rows: 0 }).then(
    () => undefined,
    (error: unknown) => error,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("a proxy's 413 without a queue, the limit between what the rows need and DIRECT_UNIT_BYTES", () => {
  it("names this INSERT's body as the bound for these rows, which a limit just above it passes, and full INSERTs as needing more than 496000", async () => {
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
        `(nginx's client_max_body_size) above ${insertBytes} bytes, the size of this INSERT's body, for these rows; full INSERTs need more than ` +
        `${DIRECT_UNIT_BYTES} bytes: the Worker fills each with up to ${DIRECT_UNIT_BYTES} bytes of row values, and the JSONEachRow text it ` +
        "sends names every column in every row; it was refused before any of its rows were written, so none of them are stored",
    );

    // The operator raises the limit to the bound named, no further: the sender's retry passes.
    limit.bytes = insertBytes;
    expect(await write()).toBeUndefined();
    expect(passed).toEqual([insertBytes]);
  });
});
