/** The local ClickHouse with the current schema applied, in a data directory of its own. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@clickhouse/client-web";
import { applySchema, queryServerVersion, renderSchema, resolveSchemaOptions } from "../schema";
import { startLocalClickHouse } from "../scripts/clickhouse/local-clickhouse";

export interface BenchClickHouse {
  url: string;
  stop(): Promise<void>;
}

export async function startBenchClickHouse(): Promise<BenchClickHouse> {
  const dataDir = await mkdtemp(join(tmpdir(), "deco-otel-bench-clickhouse-"));
  const server = await startLocalClickHouse({ port: 0, dataDir });
  const client = createClient({ url: server.url });
  try {
    const serverVersion = await queryServerVersion(client);
    await applySchema(client, renderSchema(resolveSchemaOptions({ serverVersion })));
  } finally {
    await client.close();
  }
  return {
    url: server.url,
    async stop() {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
