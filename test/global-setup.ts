import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startLocalClickHouse } from "../scripts/clickhouse/local-clickhouse";
import "./support/provided-context";

/**
 * One local ClickHouse for the whole run, on a free port and a data directory of its own that
 * is deleted afterwards. Test files share it and keep apart by each working in its own
 * database (see test/support/clickhouse.ts).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = await mkdtemp(join(tmpdir(), "deco-otel-clickhouse-"));
  const clickhouse = await startLocalClickHouse({ port: 0, dataDir });
  project.provide("clickhouseUrl", clickhouse.url);
  return async () => {
    await clickhouse.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
