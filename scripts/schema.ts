/**
 * `npm run schema -- print|apply [flags]`: prints the exporter-shaped DDL for a DBA, or
 * creates whatever is missing on a ClickHouse server over HTTP, after checking that the tables
 * already there are what the flags ask for (exit code 3 when they are not; nothing is created).
 */
import { parseArgs } from "node:util";
import { createClient } from "@clickhouse/client-web";
import * as z from "zod/mini";
import {
  applySchemaChecked,
  describeDifferences,
  describeOutcomes,
  queryServerVersion,
  resolveSchemaOptions,
  schemaScript,
  tableFlags,
  tableKinds,
  type SchemaOptionsInput,
  type TableKind,
} from "../schema/index";

const usage = `Usage: npm run schema -- <print|apply> [flags]

  --generation current|legacy   DDL generation (default current)
  --database NAME               database (default otel)
  --ttl DURATION                retention such as 72h or 90m (default none)
  --cluster NAME                add ON CLUSTER NAME and a replicated engine
  --engine ENGINE               table engine, e.g. "ReplicatedMergeTree('/p/{shard}/{table}', '{replica}')"
  --server-version VERSION      choose indexes for this server (apply asks the server otherwise)
  --dedup-window N              non_replicated_deduplication_window on plain MergeTree (default 1000, 0 = off)
  --timestamp-time-alias        current generation: add otel_logs.TimestampTime as an ALIAS of
                                toDateTime(Timestamp), for readers built on it (Grafana plugin with
                                OTel 1.2.9, older ClickStack log sources); apply adds it to an
                                existing table
  --logs-table, --traces-table, --gauge-table, --sum-table, --histogram-table,
  --exp-histogram-table, --summary-table NAME   table names
  --url URL                     ClickHouse HTTP endpoint (default $CLICKHOUSE_URL or http://127.0.0.1:8123)
  --user USER, --password PASS  credentials (default $CLICKHOUSE_USER / $CLICKHOUSE_PASSWORD)

apply never alters or drops a table. Where a table already exists with another generation, TTL,
engine or deduplication window than asked (or other skip indexes than --server-version gives),
it says how, creates nothing and exits with code 3.`;

/** Exit code of `apply` when existing tables are not what the flags ask for. */
const EXIT_SCHEMA_DIFFERS = 3;

/** Each table's flag without its `--`, and the table it names. */
const tableFlagKinds: Record<string, TableKind> = Object.fromEntries(tableKinds.map((kind) => [tableFlags[kind].slice(2), kind]));

const stringFlag = { type: "string" } as const;

function parseCommandLine(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      generation: stringFlag,
      database: stringFlag,
      ttl: stringFlag,
      cluster: stringFlag,
      engine: stringFlag,
      "server-version": stringFlag,
      "dedup-window": stringFlag,
      url: stringFlag,
      user: stringFlag,
      password: stringFlag,
      help: { type: "boolean" },
      "timestamp-time-alias": { type: "boolean" },
      ...Object.fromEntries(Object.keys(tableFlagKinds).map((flag) => [flag, stringFlag])),
    },
  });
}

type Flags = ReturnType<typeof parseCommandLine>["values"];

function optionsInput(flags: Flags): SchemaOptionsInput {
  const flag = (name: string): string | undefined => {
    const value = (flags as Record<string, string | boolean | undefined>)[name];
    return typeof value === "string" ? value : undefined;
  };
  const tables = Object.fromEntries(
    Object.entries(tableFlagKinds).flatMap(([name, kind]) => {
      const value = flag(name);
      return value === undefined ? [] : [[kind, value]];
    }),
  );
  const dedupWindow = flag("dedup-window");
  return {
    generation: flag("generation") as SchemaOptionsInput["generation"],
    database: flag("database"),
    ttl: flag("ttl"),
    cluster: flag("cluster"),
    engine: flag("engine"),
    serverVersion: flag("server-version"),
    nonReplicatedDeduplicationWindow: dedupWindow === undefined ? undefined : Number(dedupWindow),
    timestampTimeAlias: flags["timestamp-time-alias"] === true ? true : undefined,
    tables,
  };
}

async function apply(flags: Flags): Promise<void> {
  const client = createClient({
    url: flags.url ?? process.env.CLICKHOUSE_URL ?? "http://127.0.0.1:8123",
    username: flags.user ?? process.env.CLICKHOUSE_USER ?? "default",
    password: flags.password ?? process.env.CLICKHOUSE_PASSWORD ?? "",
  });
  try {
    const input = optionsInput(flags);
    // Every input is checked before the server is asked anything or anything is created.
    resolveSchemaOptions(input);
    const serverVersion = input.serverVersion ?? (await queryServerVersion(client));
    const options = resolveSchemaOptions({ ...input, serverVersion });
    console.log(`ClickHouse ${serverVersion}, generation ${options.generation}, database ${options.database}`);
    const { differences, outcomes } = await applySchemaChecked(client, options, input.serverVersion !== undefined);
    if (outcomes === undefined) {
      console.error(describeDifferences(differences));
      process.exitCode = EXIT_SCHEMA_DIFFERS;
      return;
    }
    console.log(describeOutcomes(outcomes));
    if (differences.length > 0) console.log(describeDifferences(differences));
  } finally {
    await client.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const { values: flags, positionals } = parseCommandLine(argv);
  const [command] = positionals;
  if (flags.help || (command !== "print" && command !== "apply") || positionals.length > 1) {
    console.log(usage);
    process.exitCode = flags.help ? 0 : 2;
    return;
  }
  if (command === "print") {
    process.stdout.write(schemaScript(resolveSchemaOptions(optionsInput(flags))));
    return;
  }
  await apply(flags);
}

function describeError(error: unknown): string {
  if (error instanceof z.core.$ZodError) return `Invalid options:\n${z.prettifyError(error)}\n\n${usage}`;
  return error instanceof Error ? error.message : String(error);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(describeError(error));
  process.exitCode = 1;
});
