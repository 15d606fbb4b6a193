/**
 * `npm run dead-letters -- list|replay`: the operator's command for the batches the ingest
 * Worker kept in its dead-letter bucket. It talks to the deployed Worker's /admin routes with
 * the ADMIN_TOKEN, so the replay goes through the Worker's own writer, bindings and settings.
 */
import { UsageError, parseCommandArgs, usageErrorText } from "../cli/flags";
import { messageWithCauses } from "../cli/error-causes";
import { endpointUrl } from "../cli/endpoint-url";
import { AdminError, listDeadLetters, replayDeadLetters } from "./client";
import { renderReplay, renderSummary, replayLeftWork } from "./report";

const usage = `Usage: npm run dead-letters -- <command> [flags]

Commands:
  list      counts of kept dead batches by kind, table and reason
  replay    writes the undelivered batches again under their original deduplication tokens
            (rows already written are dropped by ClickHouse), deleting each once written

Flags:
  --url URL           the ingest Worker, e.g. https://deco-otel-ingest.<account>.workers.dev
                      ($DECO_OTEL_INGEST_URL)
  --token TOKEN       its ADMIN_TOKEN ($DECO_OTEL_ADMIN_TOKEN; prefer the variable, flags show in ps)
  --include-refused   replay also the batches ClickHouse refused as data (after fixing the cause)
  --json              print the Worker's answers as JSON
  --help              this text

Exit status: 0 done; 1 something is left to look at (replay stopped, or batches refused or
unreadable); 2 a usage or connection error.`;

async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const { values: flags, positionals } = parseCommandLine(argv);
  if (flags.help === true) {
    console.log(usage);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (command !== "list" && command !== "replay") throw new UsageError(`expected list or replay, got ${JSON.stringify(command ?? "")}`);
  if (rest.length > 0) throw new UsageError(`unexpected arguments: ${rest.join(" ")}`);
  const url = flags.url ?? env.DECO_OTEL_INGEST_URL;
  const token = flags.token ?? env.DECO_OTEL_ADMIN_TOKEN;
  if (url === undefined || url === "") throw new UsageError("--url (or DECO_OTEL_INGEST_URL) is required");
  if (endpointUrl(url) === undefined) {
    throw new UsageError(`--url (or DECO_OTEL_INGEST_URL) must be the ingest Worker's http(s) URL, e.g. https://deco-otel-ingest.<account>.workers.dev, got "${url}"`);
  }
  if (token === undefined || token === "") throw new UsageError("--token (or DECO_OTEL_ADMIN_TOKEN) is required");
  const target = { url, token };

  if (command === "list") {
    if (flags["include-refused"] === true) throw new UsageError("--include-refused goes with replay");
    const summary = await listDeadLetters(target);
    console.log(flags.json === true ? JSON.stringify(summary, null, 2) : renderSummary(summary));
    return 0;
  }
  const results = await replayDeadLetters(target, flags["include-refused"] === true);
  console.log(flags.json === true ? JSON.stringify(results, null, 2) : renderReplay(results));
  return replayLeftWork(results) ? 1 : 0;
}

function parseCommandLine(argv: string[]) {
  return parseCommandArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      url: { type: "string" },
      token: { type: "string" },
      "include-refused": { type: "boolean" },
      json: { type: "boolean" },
      help: { type: "boolean" },
    },
  });
}

main(process.argv.slice(2), process.env).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) console.error(usageErrorText(error.message, "npm run dead-letters -- --help"));
    else if (error instanceof AdminError) console.error(error.message);
    // A fault of the command itself: its message and causes, no stack, the connection-error status.
    else console.error(`npm run dead-letters failed: ${messageWithCauses(error)}`);
    process.exit(2);
  },
);
