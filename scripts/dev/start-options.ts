import { parseFlags, parsePort } from "../../cli/flags";
import {
  DEFAULT_CLICKHOUSE_DATA_DIR,
  DEFAULT_CLICKHOUSE_PORT,
  DEFAULT_INGEST_PORT,
  DEFAULT_PRODUCER_PORT,
  DEFAULT_TOKEN,
} from "./defaults";
import { readLocalTokens, type LocalTokens } from "./local-tokens";

export const startUsage = `Usage: npm start -- [flags]

  --clickhouse-port N   local ClickHouse HTTP port (default ${DEFAULT_CLICKHOUSE_PORT}, $CLICKHOUSE_PORT)
  --ingest-port N       ingest Worker OTLP/HTTP port (default ${DEFAULT_INGEST_PORT}, $INGEST_PORT)
  --producer-port N     example producer Worker port (default ${DEFAULT_PRODUCER_PORT}, $PRODUCER_PORT)
  --data-dir PATH       ClickHouse data, kept between runs (default ${DEFAULT_CLICKHOUSE_DATA_DIR}, $CLICKHOUSE_DATA_DIR)
  --token TOKENS        the ingest Worker's INGEST_TOKENS: a bearer token, or entries SECRET,
                        NAME:SECRET or NAME:SECRET:SERVICE|SERVICE… separated by commas
                        (default ${DEFAULT_TOKEN}, $INGEST_TOKEN); the producer sends the first
                        that may write its service.name

A port of 0 picks a free one. Flags win over variables.`;

export interface StartOptions {
  clickhousePort: number;
  ingestPort: number;
  producerPort: number;
  dataDir: string;
  tokens: LocalTokens;
  help: boolean;
}

export function parseStartOptions(argv: string[], env: NodeJS.ProcessEnv): StartOptions {
  const flags = parseFlags(argv, {
    "clickhouse-port": { type: "string" },
    "ingest-port": { type: "string" },
    "producer-port": { type: "string" },
    "data-dir": { type: "string" },
    token: { type: "string" },
    help: { type: "boolean" },
  });
  return {
    clickhousePort: parsePort(flags["clickhouse-port"] ?? env.CLICKHOUSE_PORT ?? String(DEFAULT_CLICKHOUSE_PORT), "--clickhouse-port"),
    ingestPort: parsePort(flags["ingest-port"] ?? env.INGEST_PORT ?? String(DEFAULT_INGEST_PORT), "--ingest-port"),
    producerPort: parsePort(flags["producer-port"] ?? env.PRODUCER_PORT ?? String(DEFAULT_PRODUCER_PORT), "--producer-port"),
    dataDir: flags["data-dir"] ?? env.CLICKHOUSE_DATA_DIR ?? DEFAULT_CLICKHOUSE_DATA_DIR,
    tokens: readLocalTokens(flags.token, env),
    help: flags.help ?? false,
  };
}
