import { relative } from "node:path";
import { DEFAULT_CLICKHOUSE_PORT, DEFAULT_INGEST_PORT, DEFAULT_PRODUCER_PORT, DEFAULT_TOKEN, DEMO_CLIENT_SERVICE, localUrl } from "./defaults";
import type { LocalPipeline } from "./local-pipeline";
import { tokenFor } from "./local-tokens";
import { quoteForShell } from "./quote-for-shell";

/** Appears once everything answers; what follows is the banner. */
export const READY_LINE = "deco-otel is running on this machine.";

/** Comments line up after commands this long; longer ones (non-default ports) push theirs right. */
const COMMAND_COLUMN = 70;

const SAMPLE_QUERY =
  "SELECT Timestamp, ServiceName, SeverityText, Body FROM otel.otel_logs ORDER BY Timestamp DESC LIMIT 5 FORMAT PrettyCompact";

/** The URLs to use and a few commands to try, printed once everything answers. */
export function renderBanner(pipeline: LocalPipeline, cwd: string): string {
  const { ingestUrl, producerUrl, clickhouseUrl } = pipeline;
  const suggestion = (command: string, why: string) => `  ${command.padEnd(COMMAND_COLUMN)}  # ${why}`;
  return [
    READY_LINE,
    "",
    `  OTLP/HTTP endpoints (header "Authorization: Bearer ${pipeline.producerToken.token.secret}")`,
    `    logs      ${ingestUrl}/v1/logs`,
    `    traces    ${ingestUrl}/v1/traces`,
    `    metrics   ${ingestUrl}/v1/metrics`,
    ...tokenLines(pipeline),
    `  Producer    ${producerUrl}   ${pipeline.producerName}: tailed by deco-otel-tail, exporting to the endpoints above${producerTokenNote(pipeline)}`,
    `  ClickHouse  ${clickhouseUrl}   database ${pipeline.database}, data in ${displayPath(pipeline.dataDir, cwd)} (${schemaNote(pipeline)})`,
    "",
    "Try:",
    suggestion(`curl -i ${producerUrl}/`, "a healthy request: span, counter, histogram"),
    suggestion(`curl -i ${producerUrl}/checkout`, "a declined payment, logged with an e-mail address"),
    suggestion(`curl -i ${producerUrl}/boom`, "an uncaught exception only the tail sees"),
    suggestion(`curl '${producerUrl}/cdn-cgi/handler/scheduled?cron=0+3+*+*+*'`, "a failing cron run"),
    suggestion(demoCommand(pipeline), "drive all of it and show what landed, with the SQL"),
    `  curl ${clickhouseUrl} --data-binary "${SAMPLE_QUERY}"`,
    "",
    "Ctrl-C waits up to 10 s for the tail's hand-offs and the retry queue, then stops everything; the tables stay for the next start.",
  ].join("\n");
}

/**
 * `npm run demo`, with flags only for what differs from the demo's defaults. The demo reads
 * `$INGEST_TOKEN` as `npm start` does (local-tokens.ts), so the token is passed whenever it is not
 * the default: a shell that started with `--token` may hold another variable. A secret may hold
 * `$`, `&` or `|`, so it is quoted for the shell.
 */
function demoCommand(pipeline: LocalPipeline): string {
  const demoSecret = tokenFor(pipeline.tokens, DEMO_CLIENT_SERVICE).token.secret;
  const flags = [
    pipeline.producerUrl === localUrl(DEFAULT_PRODUCER_PORT) ? "" : ` --producer-url ${pipeline.producerUrl}`,
    pipeline.ingestUrl === localUrl(DEFAULT_INGEST_PORT) ? "" : ` --ingest-url ${pipeline.ingestUrl}`,
    pipeline.clickhouseUrl === localUrl(DEFAULT_CLICKHOUSE_PORT) ? "" : ` --clickhouse-url ${pipeline.clickhouseUrl}`,
    demoSecret === DEFAULT_TOKEN ? "" : ` --token ${quoteForShell(demoSecret)}`,
  ].join("");
  return flags === "" ? "npm run demo" : `npm run demo --${flags}`;
}

/**
 * The tokens `--token` listed, by name and scope, never a secret (the producer's is shown above,
 * and the demo's in its command), when there is more than one or the one is scoped: what a
 * sender may write with which, as the ingest Worker's 403 will hold it to.
 */
function tokenLines(pipeline: LocalPipeline): string[] {
  const { tokens } = pipeline.tokens;
  if (tokens.length === 1 && tokens[0]!.services === undefined) return [];
  const scope = (services: readonly string[] | undefined) => (services === undefined ? "any service.name" : services.join(", "));
  return ["  Tokens (--token, the ingest Worker's INGEST_TOKENS)", ...tokens.map((token) => `    ${token.name.padEnd(20)}  ${scope(token.services)}`)];
}

/** Which token the producer sends, when `--token` named them, and that it is refused when none may write its service. */
function producerTokenNote(pipeline: LocalPipeline): string {
  const { token, inScope } = pipeline.producerToken;
  if (!inScope) return `; no token may write ${pipeline.producerName}, so the ingest Worker refuses its exports with 403 (it sends "${token.name}")`;
  return pipeline.tokens.tokens.length > 1 ? ` with the token "${token.name}"` : "";
}

function schemaNote(pipeline: LocalPipeline): string {
  return pipeline.schemaObjectsCreated === 0
    ? "schema already in place"
    : `schema applied: ${pipeline.schemaObjectsCreated} objects created`;
}

function displayPath(path: string, cwd: string): string {
  const inside = relative(cwd, path);
  return inside.startsWith("..") || inside === "" ? path : inside;
}
