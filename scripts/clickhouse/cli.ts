/**
 * `npm run clickhouse`: a local ClickHouse HTTP server for development.
 *
 *   npm run clickhouse -- [--port 8123] [--host 127.0.0.1] [--data .data/clickhouse]
 *                         [--user default] [--password secret]
 *
 * Each flag can also come from the environment: CLICKHOUSE_PORT, CLICKHOUSE_HOST,
 * CLICKHOUSE_DATA_DIR, CLICKHOUSE_USER, CLICKHOUSE_PASSWORD. Flags win.
 */
import { parseArgs } from "node:util";
import { DEFAULT_DATA_DIR, DEFAULT_HOST, DEFAULT_PORT, startLocalClickHouse } from "./local-clickhouse";

const { values } = parseArgs({
  options: {
    port: { type: "string" },
    host: { type: "string" },
    data: { type: "string" },
    user: { type: "string" },
    password: { type: "string" },
  },
});

const env = process.env;
const portText = values.port ?? env.CLICKHOUSE_PORT ?? String(DEFAULT_PORT);
const port = Number(portText);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid port: ${portText}`);
  process.exit(2);
}

const clickhouse = await startLocalClickHouse({
  port,
  host: values.host ?? env.CLICKHOUSE_HOST ?? DEFAULT_HOST,
  dataDir: values.data ?? env.CLICKHOUSE_DATA_DIR ?? DEFAULT_DATA_DIR,
  user: values.user ?? env.CLICKHOUSE_USER,
  password: values.password ?? env.CLICKHOUSE_PASSWORD,
});
console.log(`Local ClickHouse listening on ${clickhouse.url} (data in ${clickhouse.dataDir})`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    // A second signal means "now": leave without waiting for running queries.
    if (stopping) process.exit(1);
    stopping = true;
    console.log("Stopping local ClickHouse...");
    clickhouse.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("Local ClickHouse did not stop cleanly:", error);
        process.exit(1);
      },
    );
  });
}
