/**
 * `npm run demo`: drives traffic through a running `npm start`, waits for the rows to land,
 * then prints what landed, each finding with the SQL that found it.
 */
import { resolve } from "node:path";
import { createClient } from "@clickhouse/client-web";
import { importInstructions, writeGrafanaFiles } from "../../dashboards/write";
import { defaultDatabase } from "../../schema/index";
import { UsageError } from "../../cli/flags";
import { collectFindings, type FindingResult } from "./demo/collect-findings";
import { demoFindings, PRODUCER_SERVICE } from "./demo/findings";
import { DEMO_CLIENT_SERVICE } from "./defaults";
import { instrumentedClient } from "./demo/sdk-client";
import { assertTokenTaken, DemoTokenRefused } from "./demo/token-check";
import { textTable } from "../../cli/text-table";
import { driveTraffic, type DemoTraffic } from "./demo/traffic";
import { demoUsage, parseDemoOptions, type DemoOptions } from "./demo-options";
import { waitUntilAnswering } from "./wait-until-answering";

const WIDTH = 100;

class PipelineNotRunning extends Error {}

async function main(): Promise<number> {
  const options = parseDemoOptions(process.argv.slice(2), process.env);
  if (options.help) {
    console.log(demoUsage);
    return 0;
  }
  // With --json, stdout carries the JSON alone and the progress goes to stderr.
  const say = (line: string) => (options.json ? process.stderr : process.stdout).write(`${line}\n`);
  await assertRunning(options);
  await assertTokenTaken(options.ingestUrl, options.sender, options.tokenFrom);

  // Metric rows are stamped to the second: starting on a fresh one keeps traffic sent just
  // before the demo (a curl of your own) out of its counts.
  const sinceMs = Math.ceil(Date.now() / 1000) * 1000;
  await new Promise((resolve) => setTimeout(resolve, sinceMs - Date.now()));
  const runId = `demo-${sinceMs.toString(36)}`;
  say(`Demo run ${runId}: traffic to the example producer at ${options.producerUrl}`);
  const client = instrumentedClient({ ingestUrl: options.ingestUrl, token: options.sender.token.secret, runId });
  const traffic = await driveTraffic(client, options.producerUrl, runId, say);
  await client.shutdown();
  say(
    `  OpenTelemetry JS SDK, service ${DEMO_CLIENT_SERVICE}: a client span per request and a duration ` +
      `histogram, OTLP/protobuf to ${options.ingestUrl}`,
  );

  say("\nWaiting for the rows to land in ClickHouse...");
  const waitStarted = Date.now();
  const clickhouse = createClient({ url: options.clickhouseUrl });
  let results: FindingResult[];
  try {
    const findings = demoFindings({ database: defaultDatabase, traffic, sinceMs });
    results = await collectFindings(clickhouse, findings, options.timeoutMs);
  } finally {
    await clickhouse.close();
  }

  say(`Queried after ${((Date.now() - waitStarted) / 1000).toFixed(1)}s.`);
  const grafana = await grafanaFiles(options);
  if (options.json) process.stdout.write(`${JSON.stringify({ ...jsonReport(runId, traffic, results), grafana }, null, 2)}\n`);
  else say(textReport(results, options.timeoutMs));
  say(`\nGrafana dashboards for these services (npm run dashboards), written to ${grafana.outDir}:`);
  for (const file of grafana.files) say(`  ${file}`);
  if (grafana.removed.length > 0) say(`Removed what an earlier run wrote there and this one does not: ${grafana.removed.join(", ")}`);
  say(`\n${importInstructions(grafana.outDir, false)}`);
  return results.every((result) => result.complete) ? 0 : 1;
}

/** The dashboards of the demo's two services and the fleet, with the data source pointing at this ClickHouse. */
async function grafanaFiles(options: DemoOptions): Promise<{ outDir: string; files: string[]; removed: string[] }> {
  const outDir = resolve(options.grafanaOut);
  const { written: files, removed } = await writeGrafanaFiles(
    { services: [PRODUCER_SERVICE, DEMO_CLIENT_SERVICE], clickhouseUrl: options.clickhouseUrl, clickhouseUser: "default" },
    outDir,
  );
  return { outDir, files, removed };
}

async function assertRunning(options: DemoOptions): Promise<void> {
  try {
    await Promise.all([
      waitUntilAnswering(`${options.ingestUrl}/health`, 3_000),
      waitUntilAnswering(`${options.clickhouseUrl}/ping`, 3_000),
    ]);
  } catch (error) {
    throw new PipelineNotRunning(
      `${error instanceof Error ? error.message : String(error)}\n` +
        "Is npm start running, on that port? Start it with `npm start` in another terminal, or pass the URLs it printed.",
    );
  }
}

/**
 * The `--json` report. Every count in it is a decimal string: the findings' counts are
 * ClickHouse's 64-bit integers, which its JSON quotes to keep every digit, so the traffic's own
 * count is written the same way and a reader parses one type per key.
 */
function jsonReport(runId: string, traffic: DemoTraffic, results: FindingResult[]) {
  return {
    runId,
    traffic: { ...traffic, invocations: String(traffic.invocations) },
    findings: results.map(({ finding, rows, complete }) => ({ title: finding.title, sql: finding.sql, complete, rows })),
  };
}

function textReport(results: FindingResult[], timeoutMs: number): string {
  return results
    .map(({ finding, rows, complete }, i) =>
      [
        "",
        `== ${i + 1}. ${finding.title} `.padEnd(WIDTH, "="),
        wrap(finding.explanation, WIDTH),
        "",
        indent(finding.sql),
        "",
        indent(textTable(rows)),
        ...(complete ? [] : ["", `  (incomplete: not every expected row had landed after ${timeoutMs / 1000}s)`]),
      ].join("\n"),
    )
    .join("\n");
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n");
}

function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  return [...lines, line].join("\n");
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) console.error(`${error.message}\n\n${demoUsage}`);
    else if (error instanceof PipelineNotRunning || error instanceof DemoTokenRefused) console.error(error.message);
    else console.error("npm run demo failed:", error);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
