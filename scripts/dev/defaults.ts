/** What `npm start` listens on and `npm run demo` talks to unless told otherwise. */
import { DEFAULT_DATA_DIR, DEFAULT_HOST, DEFAULT_PORT } from "../clickhouse/local-clickhouse";

export const HOST = DEFAULT_HOST;
export const DEFAULT_CLICKHOUSE_PORT = DEFAULT_PORT;
export const DEFAULT_CLICKHOUSE_DATA_DIR = DEFAULT_DATA_DIR;
/** The OTLP/HTTP port collectors and SDKs assume. */
export const DEFAULT_INGEST_PORT = 4318;
/** The port `wrangler dev` gives a Worker. */
export const DEFAULT_PRODUCER_PORT = 8787;
/** The ingest Worker's only accepted bearer token in the local run. */
export const DEFAULT_TOKEN = "dev-token";

export function localUrl(port: number): string {
  return `http://${HOST}:${port}`;
}

/** The ingest Worker's ADMIN_TOKEN in the local run (`npm run dead-letters -- list --token ...`). */
export const DEFAULT_ADMIN_TOKEN = "dev-admin-token-local";
