import { DEFAULT_OUT } from "../../dashboards/write";
import { parseFlags, UsageError } from "../../cli/flags";
import { DEFAULT_CLICKHOUSE_PORT, DEFAULT_INGEST_PORT, DEFAULT_PRODUCER_PORT, DEFAULT_TOKEN, DEMO_CLIENT_SERVICE, localUrl } from "./defaults";
import { readLocalTokens, tokenFor, type SenderToken } from "./local-tokens";

export const demoUsage = `Usage: npm run demo -- [flags]     (with \`npm start\` running)

  --producer-url URL     the example producer (default ${localUrl(DEFAULT_PRODUCER_PORT)}, $PRODUCER_URL)
  --ingest-url URL       the ingest Worker's OTLP/HTTP origin (default ${localUrl(DEFAULT_INGEST_PORT)}, $INGEST_URL)
  --clickhouse-url URL   the local ClickHouse (default ${localUrl(DEFAULT_CLICKHOUSE_PORT)}, $CLICKHOUSE_URL)
  --token TOKENS         as npm start's --token (default ${DEFAULT_TOKEN}, $INGEST_TOKEN): the demo's
                         client sends the first token that may write ${DEMO_CLIENT_SERVICE}
  --timeout SECONDS      how long to wait for the rows to land (default 30)
  --grafana-out DIR      where to write Grafana dashboards for the demo's services (default ${DEFAULT_OUT})
  --json                 print the findings as JSON instead of tables`;

export interface DemoOptions {
  producerUrl: string;
  ingestUrl: string;
  clickhouseUrl: string;
  /** The token the demo's client sends, and whether the list it came from lets it write demo-client. */
  sender: SenderToken;
  /** Where that list came from: `--token` or `$INGEST_TOKEN`. */
  tokenFrom: string;
  timeoutMs: number;
  grafanaOut: string;
  json: boolean;
  help: boolean;
}

export function parseDemoOptions(argv: string[], env: NodeJS.ProcessEnv): DemoOptions {
  const flags = parseFlags(argv, {
    "producer-url": { type: "string" },
    "ingest-url": { type: "string" },
    "clickhouse-url": { type: "string" },
    token: { type: "string" },
    timeout: { type: "string" },
    "grafana-out": { type: "string" },
    json: { type: "boolean" },
    help: { type: "boolean" },
  });
  // Read as npm start reads it, so the same variable set for both gives the demo a token the
  // ingest Worker knows, rather than the whole list as one bearer token.
  const tokens = readLocalTokens(flags.token, env);
  return {
    producerUrl: origin(flags["producer-url"] ?? env.PRODUCER_URL ?? localUrl(DEFAULT_PRODUCER_PORT)),
    ingestUrl: origin(flags["ingest-url"] ?? env.INGEST_URL ?? localUrl(DEFAULT_INGEST_PORT)),
    clickhouseUrl: origin(flags["clickhouse-url"] ?? env.CLICKHOUSE_URL ?? localUrl(DEFAULT_CLICKHOUSE_PORT)),
    sender: tokenFor(tokens, DEMO_CLIENT_SERVICE),
    tokenFrom: tokens.from,
    timeoutMs: seconds(flags.timeout ?? "30") * 1000,
    grafanaOut: flags["grafana-out"] ?? DEFAULT_OUT,
    json: flags.json ?? false,
    help: flags.help ?? false,
  };
}

/** URLs are joined with paths, so a trailing slash must not double up. */
function origin(url: string): string {
  return url.replace(/\/+$/, "");
}

function seconds(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new UsageError(`--timeout must be a number of seconds, got "${text}"`);
  return value;
}
