/** What `npm start` listens on and `npm run demo` talks to unless told otherwise. */
import { DEFAULT_DATA_DIR, DEFAULT_HOST, DEFAULT_PORT } from "../clickhouse/local-clickhouse";

export const HOST = DEFAULT_HOST;
export const DEFAULT_CLICKHOUSE_PORT = DEFAULT_PORT;
export const DEFAULT_CLICKHOUSE_DATA_DIR = DEFAULT_DATA_DIR;
/** The OTLP/HTTP port collectors and SDKs assume. */
export const DEFAULT_INGEST_PORT = 4318;
/** The port `wrangler dev` gives a Worker. */
export const DEFAULT_PRODUCER_PORT = 8787;
/** `--token`'s default in the local run (`npm start`, `npm run demo`) when `$INGEST_TOKEN` is unset too. */
export const DEFAULT_TOKEN = "dev-token";
/** `service.name` of the demo's own telemetry (`npm run demo`): the token it sends must take it. */
export const DEMO_CLIENT_SERVICE = "demo-client";

export function localUrl(port: number): string {
  return `http://${HOST}:${port}`;
}

/** The ingest Worker's ADMIN_TOKEN in the local run (`npm run dead-letters -- list --token ...`). */
export const DEFAULT_ADMIN_TOKEN = "dev-admin-token-local";

/**
 * What the local run binds as a producer's `version_metadata` (Workers' `WorkerVersionMetadata`:
 * `id` a version UUID, `tag` empty unless set at upload, `timestamp` ISO 8601). Fixed, unlike
 * Miniflare's own binding (a new random id at every start), so restarts do not show up as
 * deploys on the dashboards and tests can name the `service.version` the producer reports.
 */
export const LOCAL_VERSION_METADATA = {
  id: "10ca1000-0000-4000-8000-000000000001",
  tag: "local",
  timestamp: "2026-04-20T00:00:00.000Z",
} as const;
