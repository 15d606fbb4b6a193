/**
 * `npm run clickhouse`: a local ClickHouse HTTP server for development (see `usage`).
 */
import { UsageError, parseFlags, parsePort } from "../../cli/flags";
import { DataDirectoryInUseError } from "./data-dir-owner";
import { DEFAULT_DATA_DIR, DEFAULT_HOST, DEFAULT_PORT, startLocalClickHouse } from "./local-clickhouse";

const usage = `Usage: npm run clickhouse -- [flags]

A local ClickHouse: ClickHouse's HTTP interface over the engine embedded from npm (chDB),
for development and tests. Ctrl-C stops it; the data stays for the next start.

  --port N          port to listen on (default ${DEFAULT_PORT}; 0 = any free port)   $CLICKHOUSE_PORT
  --host HOST       address to listen on (default ${DEFAULT_HOST})                  $CLICKHOUSE_HOST
  --data DIR        data directory (default ${DEFAULT_DATA_DIR})               $CLICKHOUSE_DATA_DIR
  --user USER       user to accept (default "default")                        $CLICKHOUSE_USER
  --password PASS   password to require (default none)                        $CLICKHOUSE_PASSWORD
  --help            this text

Flags win over the environment.`;

async function main(argv: string[]): Promise<void> {
  const flags = parseFlags(argv, {
    port: { type: "string" },
    host: { type: "string" },
    data: { type: "string" },
    user: { type: "string" },
    password: { type: "string" },
    help: { type: "boolean" },
  });
  if (flags.help === true) {
    console.log(usage);
    return;
  }
  const env = process.env;
  const clickhouse = await startLocalClickHouse({
    port: parsePort(flags.port ?? env.CLICKHOUSE_PORT ?? String(DEFAULT_PORT), "--port"),
    host: flags.host ?? env.CLICKHOUSE_HOST ?? DEFAULT_HOST,
    dataDir: flags.data ?? env.CLICKHOUSE_DATA_DIR ?? DEFAULT_DATA_DIR,
    user: flags.user ?? env.CLICKHOUSE_USER,
    password: flags.password ?? env.CLICKHOUSE_PASSWORD,
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
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${usage}`);
    process.exit(2);
  }
  if (error instanceof DataDirectoryInUseError) {
    console.error(`Local ClickHouse not started: ${error.message}`);
    process.exit(1);
  }
  if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
    console.error(`Local ClickHouse not started: ${(error as Error).message}: stop what listens there or pass --port (0 = any free port)`);
    process.exit(1);
  }
  throw error;
});
