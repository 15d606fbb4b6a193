/**
 * A stand-in for ClickHouse at the HTTP boundary: answers `DESC TABLE` with the current schema's
 * columns and accepts every INSERT after reading its body, doing no work of its own. The ingest
 * Worker still builds, sends and awaits each request over real HTTP, so its whole cost is
 * counted and ClickHouse's is not.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { defaultTableNames, expectedColumns, type SchemaTable } from "../schema";

export interface ClickHouseStub {
  url: string;
  /** INSERT requests received, to check the Worker really wrote. */
  inserts(): number;
  stop(): Promise<void>;
}

const DEFAULT_TYPES: Record<string, string> = { stored: "", default: "DEFAULT", materialized: "MATERIALIZED", alias: "ALIAS" };

/** `DESC TABLE` answers per table name, as JSONEachRow. */
function describeAnswers(): Map<string, string> {
  const columns = expectedColumns("current");
  const answers = new Map<string, string>();
  for (const [kind, table] of Object.entries(defaultTableNames("current")) as [SchemaTable, string][]) {
    answers.set(
      table,
      columns[kind]
        .map((column) => JSON.stringify({ name: column.name, type: column.type, default_type: DEFAULT_TYPES[column.kind] }) + "\n")
        .join(""),
    );
  }
  return answers;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The headers ClickHouse's HTTP interface sends with every answer to a query: the writer takes a
 * 2xx without them for a proxy's page, not ClickHouse's answer (clickhouse/writer.ts).
 */
const CLICKHOUSE_HEADERS = { "X-ClickHouse-Query-Id": "stub", "X-ClickHouse-Summary": "{}" } as const;

export async function startClickHouseStub(): Promise<ClickHouseStub> {
  const answers = describeAnswers();
  let inserts = 0;
  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? "/", "http://stub");
      const body = await readBody(request);
      const urlQuery = url.searchParams.get("query") ?? "";
      if (/^\s*INSERT/i.test(urlQuery)) {
        inserts++;
        response.writeHead(200, CLICKHOUSE_HEADERS).end();
        return;
      }
      const describe = /DESC(?:RIBE)?\s+TABLE\s+`?\w+`?\.`?(\w+)`?/i.exec(body + " " + urlQuery);
      const answer = describe === null ? undefined : answers.get(describe[1]!);
      if (answer !== undefined) {
        response.writeHead(200, { ...CLICKHOUSE_HEADERS, "Content-Type": "application/x-ndjson" }).end(answer);
        return;
      }
      response.writeHead(200, CLICKHOUSE_HEADERS).end("1\n");
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    inserts: () => inserts,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
