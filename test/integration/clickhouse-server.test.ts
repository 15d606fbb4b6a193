import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { ClickHouseError, createClient } from "@clickhouse/client-web";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalClickHouse, type LocalClickHouse } from "../../scripts/clickhouse/local-clickhouse";
import { createTestDatabase, type TestDatabase } from "../support/clickhouse";

const UINT64_MAX = "18446744073709551615";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase("clickhouse_server");
  await db.client.command({
    query: `CREATE TABLE events (id UInt64, name String, at DateTime64(9, 'UTC'))
            ENGINE = MergeTree ORDER BY id`,
  });
  await db.client.insert({
    table: "events",
    format: "JSONEachRow",
    values: [
      { id: 1, name: "first", at: "1700000000.123456789" },
      { id: UINT64_MAX, name: "largest", at: "1700000001" },
      { id: 2, name: "it's \\ tricky", at: "1700000002" },
    ],
  });
});

afterAll(async () => db?.drop());

/** A request as curl would send it, straight to the HTTP interface. */
function raw(query: Record<string, string>, init: RequestInit = {}): Promise<Response> {
  return fetch(`${db.url}/?${new URLSearchParams({ database: db.database, ...query })}`, init);
}

async function expectClickHouseError(promise: Promise<unknown>, code: string, type: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ClickHouseError);
  expect(error).toMatchObject({ code, type });
}

describe("the local ClickHouse server, through @clickhouse/client-web", () => {
  it("answers a ping", async () => {
    expect(await db.client.ping()).toEqual({ success: true });
  });

  it("returns inserted rows as JSONEachRow with 64-bit integers quoted, like a server", async () => {
    const result = await db.client.query({ query: "SELECT id, name FROM events ORDER BY id", format: "JSONEachRow" });
    expect(await result.json()).toEqual([
      { id: "1", name: "first" },
      { id: "2", name: "it's \\ tricky" },
      { id: UINT64_MAX, name: "largest" },
    ]);
  });

  it("keeps nanosecond timestamps sent as decimal strings", async () => {
    const result = await db.client.query({
      query: "SELECT toString(at) AS at FROM events WHERE id = 1",
      format: "JSONEachRow",
    });
    expect(await result.json()).toEqual([{ at: "2023-11-14 22:13:20.123456789" }]);
  });

  it("returns the JSON format with its metadata", async () => {
    const result = await db.client.query({ query: "SELECT id FROM events WHERE id > 1 ORDER BY id", format: "JSON" });
    const body = await result.json<{ id: string }>();
    expect(body.meta).toEqual([{ name: "id", type: "UInt64" }]);
    expect(body.data).toEqual([{ id: "2" }, { id: UINT64_MAX }]);
    expect(body.rows).toBe(2);
    expect(result.response_headers["x-clickhouse-format"]).toBe("JSON");
  });

  it("binds query parameters on the server, typed and escaped", async () => {
    const result = await db.client.query({
      query: "SELECT {text:String} AS text, {n:UInt64} + 1 AS next, {tags:Array(String)} AS tags",
      format: "JSONEachRow",
      query_params: { text: "quote ' backslash \\ tab \t newline \n end", n: 41, tags: ["a'b", "c\\d", ""] },
    });
    expect(await result.json()).toEqual([
      { text: "quote ' backslash \\ tab \t newline \n end", next: "42", tags: ["a'b", "c\\d", ""] },
    ]);
  });

  it("treats injection attempts in parameters as plain values", async () => {
    const attempts = ["x' OR 1=1 --", "\\'; DROP TABLE events; --", "'); DROP TABLE events; ('"];
    for (const attempt of attempts) {
      const result = await db.client.query({
        query: "SELECT count() AS matches FROM events WHERE name = {name:String}",
        format: "JSONEachRow",
        query_params: { name: attempt },
      });
      expect(await result.json()).toEqual([{ matches: "0" }]);
    }
    const left = await db.client.query({ query: "SELECT count() AS rows FROM events", format: "JSONEachRow" });
    expect(await left.json()).toEqual([{ rows: "3" }]);
  });

  it("raises server errors as ClickHouseError with the server's code and type", async () => {
    await expectClickHouseError(db.client.query({ query: "SELECT * FROM missing_table" }), "60", "UNKNOWN_TABLE");
    await expectClickHouseError(db.client.command({ query: "SELECT 1 +" }), "62", "SYNTAX_ERROR");
    await expectClickHouseError(
      db.client.query({ query: "SELECT {n:UInt8}", query_params: { n: "not a number" } }),
      "457",
      "BAD_QUERY_PARAMETER",
    );
  });

  it("applies settings for one query only", async () => {
    const limited = db.client.query({
      query: "SELECT number FROM system.numbers LIMIT 3",
      format: "JSONEachRow",
      clickhouse_settings: { max_result_rows: "1", result_overflow_mode: "throw" },
    });
    await expectClickHouseError(limited, "396", "TOO_MANY_ROWS_OR_BYTES");

    const unquoted = await db.client.query({
      query: "SELECT toUInt64(7) AS n",
      format: "JSONEachRow",
      clickhouse_settings: { output_format_json_quote_64bit_integers: 0 },
    });
    expect(await unquoted.json()).toEqual([{ n: 7 }]);

    const after = await db.client.query({ query: "SELECT number FROM system.numbers LIMIT 3", format: "JSONEachRow" });
    expect(await after.json()).toEqual([{ number: "0" }, { number: "1" }, { number: "2" }]);
  });

  it("works with a client that asks for compressed requests and responses", async () => {
    const client = createClient({
      url: db.url,
      database: db.database,
      compression: { request: true, response: true },
    });
    try {
      const values = [{ id: 10, name: "compressed", at: "1700000010" }];
      await client.insert({ table: "events", format: "JSONEachRow", values });
      const result = await client.query({ query: "SELECT name FROM events WHERE id = 10", format: "JSONEachRow" });
      expect(await result.json()).toEqual([{ name: "compressed" }]);
    } finally {
      await client.command({ query: "DELETE FROM events WHERE id = 10" });
      await client.close();
    }
  });

  it("keeps a session's settings and temporary tables between its queries", async () => {
    const session_id = `session-${Date.now()}`;
    await db.client.command({ query: "CREATE TEMPORARY TABLE scratch (x UInt8)", session_id });
    await db.client.command({ query: "INSERT INTO scratch VALUES (5)", session_id });
    const result = await db.client.query({ query: "SELECT x FROM scratch", format: "JSONEachRow", session_id });
    expect(await result.json()).toEqual([{ x: 5 }]);
    await expectClickHouseError(db.client.query({ query: "SELECT x FROM scratch" }), "60", "UNKNOWN_TABLE");
  });
});

describe("the local ClickHouse server, spoken to as curl would", () => {
  it("answers /ping and a bare GET / with Ok.", async () => {
    for (const path of ["/ping", "/"]) {
      const response = await fetch(`${db.url}${path}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe("Ok.\n");
    }
  });

  it("runs GET /?query= read-only", async () => {
    const select = await fetch(`${db.url}/?query=${encodeURIComponent("SELECT 1")}`);
    expect(await select.text()).toBe("1\n");
    expect(select.headers.get("x-clickhouse-format")).toBe("TabSeparated");

    const write = await raw({ query: "INSERT INTO events (id) VALUES (99)" });
    expect(write.status).toBe(500);
    expect(write.headers.get("x-clickhouse-exception-code")).toBe("164");
  });

  it("inserts the rows that follow an INSERT in the body, and reports them in the summary", async () => {
    // The rows hold a ";": it is data, not the start of a second statement.
    const response = await raw(
      { query: "INSERT INTO events FORMAT JSONEachRow", query_id: "curl-insert" },
      {
        method: "POST",
        body: '{"id":20,"name":"from; curl","at":"1700000020"}\n{"id":21,"name":"from; curl","at":"1700000021"}\n',
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("x-clickhouse-exception-code")).toBeNull();
    expect(response.headers.get("x-clickhouse-query-id")).toBe("curl-insert");
    expect(JSON.parse(response.headers.get("x-clickhouse-summary")!)).toMatchObject({
      written_rows: "2",
      read_rows: "2",
    });

    const count = await raw({ query: "SELECT count() FROM events WHERE name = 'from; curl'" });
    expect(await count.text()).toBe("2\n");
  });

  it("reads a gzip-compressed body and compresses the answer when asked to", async () => {
    const body = await promisify(gzip)("SELECT name FROM events WHERE id = 1 FORMAT TabSeparated");
    const headers = { "Content-Encoding": "gzip", "Accept-Encoding": "gzip" };
    const compressed = await raw({ enable_http_compression: "1" }, { method: "POST", body, headers });
    expect(compressed.headers.get("content-encoding")).toBe("gzip");
    expect(await compressed.text()).toBe("first\n"); // fetch undoes the gzip

    const plain = await raw({}, { method: "POST", body, headers });
    expect(plain.headers.get("content-encoding")).toBeNull();
  });

  it("answers errors with the status, header and body a server sends", async () => {
    const response = await raw({ query: "SELECT * FROM missing_table" });
    expect(response.status).toBe(404);
    expect(response.headers.get("x-clickhouse-exception-code")).toBe("60");
    expect(await response.text()).toMatch(
      /^Code: 60\. DB::Exception: .*missing_table.* \(UNKNOWN_TABLE\) \(version [\d.]+\)\n$/s,
    );
  });

  it("refuses several statements in one request", async () => {
    const response = await raw({}, { method: "POST", body: "SELECT 1; DROP TABLE events" });
    expect(response.status).toBe(400);
    expect(response.headers.get("x-clickhouse-exception-code")).toBe("62");
    const left = await raw({ query: "EXISTS TABLE events" });
    expect(await left.text()).toBe("1\n");
  });

  it("keeps answering /ping while a slow query runs", async () => {
    // A server of its own, whose requests the test sees: the ping goes once the query is in.
    // Which answers first, not how fast: a loaded machine slows a ping, but one queued behind
    // the engine would come after the 2 s query.
    const dataDir = await mkdtemp(join(tmpdir(), "clickhouse-ping-test-"));
    const server = await startLocalClickHouse({ port: 0, dataDir });
    try {
      const queryArrived = new Promise<void>((resolve) => server.server.once("request", () => resolve()));
      const answered: string[] = [];
      const slow = fetch(`${server.url}/?query=${encodeURIComponent("SELECT sleep(2)")}`).then(
        (response) => (answered.push("query"), response),
      );
      await queryArrived;
      const ping = await fetch(`${server.url}/ping`);
      expect(await ping.text()).toBe("Ok.\n");
      answered.push("ping");
      expect((await slow).status).toBe(200);
      expect(answered).toEqual(["ping", "query"]);
    } finally {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe("a local ClickHouse server with a password", () => {
  const password = "s3cret";
  let dataDir: string;
  let server: LocalClickHouse;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "clickhouse-password-test-"));
    server = await startLocalClickHouse({ port: 0, dataDir, password });
  });

  afterAll(async () => {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("refuses a wrong password with AUTHENTICATION_FAILED", async () => {
    const client = createClient({ url: server.url, password: "wrong" });
    try {
      await expectClickHouseError(client.query({ query: "SELECT 1" }), "516", "AUTHENTICATION_FAILED");
    } finally {
      await client.close();
    }
    const anonymous = await fetch(`${server.url}/?query=SELECT%201`);
    expect(anonymous.status).toBe(403);
    expect(anonymous.headers.get("x-clickhouse-exception-code")).toBe("516");
  });

  it("accepts the password by Basic auth, X-ClickHouse headers and URL arguments", async () => {
    const client = createClient({ url: server.url, password });
    try {
      const result = await client.query({ query: "SELECT 1 AS one", format: "JSONEachRow" });
      expect(await result.json()).toEqual([{ one: 1 }]);
    } finally {
      await client.close();
    }
    const byHeaders = await fetch(`${server.url}/?query=SELECT%201`, {
      headers: { "X-ClickHouse-User": "default", "X-ClickHouse-Key": password },
    });
    expect(await byHeaders.text()).toBe("1\n");
    const byUrl = await fetch(`${server.url}/?user=default&password=${password}&query=SELECT%201`);
    expect(await byUrl.text()).toBe("1\n");
  });

  it("keeps its tables when restarted on the same data directory", async () => {
    const auth = { "X-ClickHouse-User": "default", "X-ClickHouse-Key": password };
    const create = "CREATE TABLE kept (x UInt8) ENGINE = MergeTree ORDER BY x";
    await fetch(server.url, { method: "POST", headers: auth, body: create });
    await fetch(server.url, { method: "POST", headers: auth, body: "INSERT INTO kept VALUES (7)" });
    await server.stop();
    server = await startLocalClickHouse({ port: 0, dataDir, password });
    const response = await fetch(`${server.url}/?query=SELECT%20x%20FROM%20kept`, { headers: auth });
    expect(await response.text()).toBe("7\n");
  });
});
