/**
 * `npm start`: the whole pipeline on this machine, until Ctrl-C.
 *
 * The local ClickHouse (schema applied), the ingest Worker, the tail Worker bound to it and the
 * example producer tailing into it. Prints the URLs once everything answers; SIGINT or SIGTERM
 * waits up to RETRY_QUEUE_DRAIN_MS for the tail Worker's hand-offs to the ingest Worker to end
 * and the in-memory retry queue to be delivered (saying how many of each it lost if not), stops it all and exits 0, keeping the tables for the next start. Tables already in the data
 * directory that differ from the schema (another generation, engine or deduplication window)
 * stop the start before any Worker runs, with exit code 3 and what to do.
 */
import { renderBanner } from "./banner";
import { DataDirectoryInUseError } from "../clickhouse/data-dir-owner";
import { UsageError } from "../../cli/flags";
import { LocalSchemaMismatchError } from "./apply-schema";
import { PortInUseError } from "./free-port";
import { startLocalPipeline, undeliveredWarning } from "./local-pipeline";
import { parseStartOptions, startUsage } from "./start-options";

/** How long a stop waits for the tail's hand-offs and the in-memory retry queue before what is left is lost. */
const RETRY_QUEUE_DRAIN_MS = 10_000;

/** Resolves on the first SIGINT/SIGTERM; a second one means "now" and exits at once. */
function stopRequested(): Promise<void> {
  return new Promise((resolve) => {
    let requested = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (requested) process.exit(1);
      requested = true;
      console.log(`\n${signal}: stopping the Workers and ClickHouse (again to leave at once)...`);
      resolve();
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  });
}

async function main(): Promise<number> {
  const options = parseStartOptions(process.argv.slice(2), process.env);
  if (options.help) {
    console.log(startUsage);
    return 0;
  }
  // Listening from the start: a Ctrl-C during start-up still stops whatever came up.
  const stop = stopRequested();
  console.log("Starting the local ClickHouse and the Workers...");
  const pipeline = await startLocalPipeline(options);
  if (pipeline.schemaWarnings.length > 0) {
    console.warn(["Schema notes (the start goes ahead):", ...pipeline.schemaWarnings.map((line) => `  ${line}`)].join("\n"));
  }
  console.log(`\n${renderBanner(pipeline, process.cwd())}\n`);
  await stop;
  console.log(`Waiting up to ${RETRY_QUEUE_DRAIN_MS / 1000} s for the tail Worker's hand-offs and the retry queue to be delivered...`);
  const undelivered = await pipeline.drainRetryQueue(RETRY_QUEUE_DRAIN_MS);
  await pipeline.stop();
  if (undelivered.tailHandOffs === 0) console.log(`The tail Worker's ${undelivered.tailHandOffsBegun} hand-off(s) to the ingest Worker this run all ended.`);
  if (undelivered.messages > 0 || undelivered.tailHandOffs > 0) console.warn(undeliveredWarning(undelivered));
  console.log("Stopped.");
  return 0;
}

/** 2 a usage error, 3 tables that differ from the schema (as `npm run schema -- apply`), 1 any other failure. */
function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError) return 2;
  return error instanceof LocalSchemaMismatchError ? 3 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) console.error(`${error.message}\n\n${startUsage}`);
    else if (error instanceof DataDirectoryInUseError || error instanceof PortInUseError || error instanceof LocalSchemaMismatchError) {
      console.error(`npm start: ${error.message}`);
    }
    else console.error("npm start failed:", error);
    // Whatever had started is stopped by now, but a Miniflare that failed to start can keep
    // the event loop alive; leave explicitly.
    process.exit(exitCodeOf(error));
  },
);
