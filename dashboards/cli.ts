/**
 * `npm run dashboards -- [flags]`: Grafana dashboards, alert rules and the data source for
 * the deco-otel tables, per service. Flags are parsed here; everything rendered comes from
 * ./core (pure), files are written by ./write.
 */
import { resolve } from "node:path";
import { createClient } from "@clickhouse/client-web";
import { defaultDatabase, generations, type Generation } from "../schema/index";
import { RenderError, DEFAULT_DATASOURCE_UID, checkDatabase } from "./core/render";
import { DEFAULT_MIN_REQUESTS_PER_WINDOW } from "./core/alert-rules";
import { queryTables } from "./core/tables";
import { TAIL_PANEL_TITLES } from "./core/service-panels";
import { frameworkMetricsLastDay, servicesSeenLastDay, servicesTailCountedLastDay, tablesGeneration } from "./discover";
import { FRAMEWORK_FAMILIES, FRAMEWORK_METRIC, type FrameworkFamily } from "./core/framework-metrics";
import { describeGeneration, generationMismatch } from "./core/generation";
import { tailNamesUnderEnvironments } from "./core/tail-names";
import { DEFAULT_OUT, importInstructions, MANIFEST, OutputFolderError, writeGrafanaFiles } from "./write";
import { isConnectionFailure, messageWithCauses } from "../cli/error-causes";
import { chooseClickHouseUrl, DEFAULT_CLICKHOUSE_URL, pointElsewhereHint } from "./clickhouse-url";
import { parseFlags, UsageError, usageErrorText } from "../cli/flags";

const usage = `Usage: npm run dashboards -- [flags]

  --service NAME            a service (ServiceName) to render; repeat for more
  --from-clickhouse         also every ServiceName seen in the last day (reads ClickHouse)
  --datasource-uid UID      uid of the ClickHouse data source in Grafana: 1 to 40 letters, digits,
                            - or _ (default ${DEFAULT_DATASOURCE_UID})
  --generation current|legacy
                            the schema generation of the tables; without it, queries use only
                            the columns both share (--from-clickhouse checks it against the tables)
  --database NAME           database holding the tables (default otel)
  --out DIR                 output directory (default ${DEFAULT_OUT}); it keeps only this run's
                            files: those an earlier run wrote and this one does not are removed,
                            and a file it did not write there is refused
  --framework-metrics       give every service the panels and rules of the storefront framework's
                            metrics (D-11: ${Object.values(FRAMEWORK_METRIC).join(", ")}); with
                            --from-clickhouse, services that exported them in the last day get them
                            without it
  --with-alerts             also write alert rules (off by default)
  --runbook-base-url URL    where docs/runbooks/ is published; required with --with-alerts
  --team NAME               the team owning these services (D-13): a team label on every alert
                            rule and a team:NAME tag on every dashboard
  --min-requests-per-window N
                            invocations (server spans) a 5-minute window needs before the band
                            rules count its error rate and p95 (default ${DEFAULT_MIN_REQUESTS_PER_WINDOW})
  --url URL                 ClickHouse HTTP(S) endpoint: read with --from-clickhouse, and the
                            data source's address (default $CLICKHOUSE_URL or ${DEFAULT_CLICKHOUSE_URL})
  --user USER, --password PASS
                            credentials (default $CLICKHOUSE_USER or default / $CLICKHOUSE_PASSWORD);
                            the password is never written: the data source reads $CLICKHOUSE_PASSWORD
  --help                    this text`;

function parseCommandLine(argv: string[]) {
  return parseFlags(argv, {
    service: { type: "string", multiple: true },
    "from-clickhouse": { type: "boolean" },
    "datasource-uid": { type: "string" },
    generation: { type: "string" },
    database: { type: "string" },
    out: { type: "string" },
    "with-alerts": { type: "boolean" },
    "framework-metrics": { type: "boolean" },
    "runbook-base-url": { type: "string" },
    "min-requests-per-window": { type: "string" },
    team: { type: "string" },
    url: { type: "string" },
    user: { type: "string" },
    password: { type: "string" },
    help: { type: "boolean" },
  });
}

/**
 * What a service without the tail's counts gets, for stderr: first those the tail may count
 * under a wrangler environment's script name (`<name>-<env>`), then the rest.
 */
function untailedWarning(untailed: string[], counted: string[]): string {
  const renamed = untailed.flatMap((service) => {
    const names = tailNamesUnderEnvironments(service, counted);
    return names.length > 0 ? [`${service} (the tail counts ${names.join(", ")})`] : [];
  });
  const uncounted = untailed.filter((service) => tailNamesUnderEnvironments(service, counted).length === 0);
  const uncountedLines = [
    `No invocation counts from the tail Worker in the last day for ${uncounted.length} service(s): ${uncounted.join(", ")}.`,
    `  Their panels ${TAIL_PANEL_TITLES.map((title) => `"${title}"`).join(", ")} stay empty, and so do their`,
    "  error-rate-anomaly and latency-p95-anomaly rules; their dashboards say so, and their server spans feed",
    "  the server-spans row and the server-error-rate-anomaly and server-latency-p95-anomaly rules instead.",
    '  A Cloudflare Worker is counted once its wrangler file lists "tail_consumers": [{ "service": "deco-otel-tail" }].',
  ];
  const renamedLines = [
    `Counted by the tail only under another name, maybe, in the last day: ${renamed.join("; ")}.`,
    "  The tail names a Worker by its script name, which a wrangler environment makes <name>-<env>, while the",
    "  producer's own telemetry names it by the service.name its code sets: if these are the same Worker, it is",
    "  wired, and its rows are split over both names. Set service.name to the deployed script name in each",
    '  environment (README, "Wiring a producer").',
  ];
  return [...(uncounted.length > 0 ? uncountedLines : []), ...(renamed.length > 0 ? renamedLines : [])].join("\n");
}

/** `--min-requests-per-window`'s digits as a number; render() refuses 0. */
function parseMinRequests(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError(`--min-requests-per-window must be a whole number of at least 1, got "${text}"`);
  return Number(text);
}

function parseGeneration(text: string | undefined): Generation | undefined {
  if (text === undefined) return undefined;
  if (!(generations as readonly string[]).includes(text)) throw new UsageError(`--generation must be current or legacy, got "${text}"`);
  return text as Generation;
}

async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const flags = parseCommandLine(argv);
  if (flags.help) {
    console.log(usage);
    return 0;
  }
  const generation = parseGeneration(flags.generation);
  const minRequestsPerWindow = parseMinRequests(flags["min-requests-per-window"]);
  checkDatabase(flags.database);
  if (flags.user === "") throw new UsageError("--user needs a ClickHouse user name, got an empty one (leave it out for $CLICKHOUSE_USER or default)");
  const clickhouseUrl = chooseClickHouseUrl(flags.url, env.CLICKHOUSE_URL);
  const clickhouse = {
    url: clickhouseUrl.url,
    username: flags.user ?? (env.CLICKHOUSE_USER || "default"),
    password: flags.password ?? env.CLICKHOUSE_PASSWORD ?? "",
  };
  const services = [...(flags.service ?? [])];
  let servicesWithoutTailCounts: string[] | undefined;
  let tailCountedServices: string[] | undefined;
  let discoveredFramework: Record<string, FrameworkFamily[]> = {};
  if (flags["from-clickhouse"]) {
    const client = createClient(clickhouse);
    const database = flags.database ?? defaultDatabase;
    const tables = queryTables({ database, generation });
    try {
      const detected = await tablesGeneration(client, database).catch((error: unknown) => {
        const hint = isConnectionFailure(error) ? `\n  ${pointElsewhereHint(clickhouseUrl)}` : "";
        throw new Error(`--from-clickhouse could not read the tables at ${clickhouse.url}: ${messageWithCauses(error)}${hint}`);
      });
      console.log(`Tables in ${database} at ${clickhouse.url}: the ${describeGeneration(detected)} generation`);
      const mismatch = generationMismatch(generation, detected);
      if (mismatch !== undefined) throw new UsageError(mismatch);
      const [seen, counted, framework] = await Promise.all([
        servicesSeenLastDay(client, tables),
        servicesTailCountedLastDay(client, tables),
        frameworkMetricsLastDay(client, tables),
      ]).catch((error: unknown) => {
        throw new Error(`--from-clickhouse could not read the services at ${clickhouse.url}: ${messageWithCauses(error)}`);
      });
      console.log(`Services seen in the last day at ${clickhouse.url}: ${seen.length === 0 ? "none" : seen.join(", ")}`);
      services.push(...seen);
      tailCountedServices = counted;
      discoveredFramework = framework;
      const withFramework = Object.entries(framework).map(([service, families]) => `${service} (${families.join(", ")})`);
      console.log(`Services exporting the storefront framework's metrics in the last day: ${withFramework.length === 0 ? "none" : withFramework.join(", ")}`);
      servicesWithoutTailCounts = [...new Set(services)].filter((service) => !counted.includes(service));
      if (servicesWithoutTailCounts.length > 0) console.error(untailedWarning(servicesWithoutTailCounts, counted));
    } finally {
      await client.close();
    }
  }
  if (services.length === 0) throw new UsageError("no service to render: pass --service NAME or --from-clickhouse");

  const withAlerts = flags["with-alerts"] ?? false;
  const frameworkMetrics = flags["framework-metrics"]
    ? Object.fromEntries(services.map((service) => [service, FRAMEWORK_FAMILIES]))
    : discoveredFramework;
  const outDir = resolve(flags.out ?? DEFAULT_OUT);
  const { written, removed } = await writeGrafanaFiles(
    {
      services,
      datasourceUid: flags["datasource-uid"],
      database: flags.database,
      generation,
      withAlerts,
      runbookBaseUrl: flags["runbook-base-url"],
      minRequestsPerWindow,
      team: flags.team,
      servicesWithoutTailCounts,
      tailCountedServices,
      frameworkMetrics,
      clickhouseUrl: clickhouse.url,
      clickhouseUser: clickhouse.username,
    },
    outDir,
  );
  console.log(`Wrote ${written.length} files to ${outDir}:`);
  for (const path of written) console.log(`  ${path}`);
  if (removed.length > 0) {
    console.log(`Removed ${removed.length} files an earlier run wrote there (recorded in ${MANIFEST}) that this run does not:`);
    for (const path of removed) console.log(`  ${path}`);
    console.log("  Copies an earlier import made in Grafana stay there: delete them from Grafana's folders too.");
  }
  console.log(`\n${importInstructions(outDir, withAlerts)}`);
  return 0;
}

main(process.argv.slice(2), process.env).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    const refused = error instanceof UsageError || error instanceof RenderError || error instanceof OutputFolderError;
    if (refused) console.error(usageErrorText(message, "npm run dashboards -- --help"));
    else console.error(`npm run dashboards failed: ${message}`);
    process.exitCode = refused ? 2 : 1;
  },
);
