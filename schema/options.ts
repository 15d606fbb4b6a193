import * as z from "zod/mini";
import { defaultEngine, defaultClusterEngine, isMergeTreeFamily, parseEngine, type TableEngine } from "./engine";
import { defaultGeneration, generations, type Generation } from "./generation";
import { parseServerVersion, type ServerVersion } from "./server-version";
import { defaultTableNames, tableFlags, tableKinds, traceIdTimestampTableName, traceIdTimestampViewName, type TableKind, type TableNames } from "./table-names";
import { parseTtlSeconds } from "./ttl";

export const defaultDatabase = "otel";

/**
 * Our one addition to the exporter's DDL: plain MergeTree tables keep the hashes of this
 * many recent inserts so a retried insert carrying the same `insert_deduplication_token`
 * is dropped. Replicated engines deduplicate through Keeper and never get the setting.
 */
export const defaultNonReplicatedDeduplicationWindow = 1000;

/** Plain identifiers only, so names read the same quoted or not in every tool a DBA uses. */
const identifier = z.string().check(
  z.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "use letters, digits and underscores, not starting with a digit"),
);

const tableNamesInput = z.partialRecord(z.enum(tableKinds), identifier);

export const schemaOptionsInput = z.object({
  generation: z.optional(z.enum(generations, "use current or legacy")),
  database: z.optional(identifier),
  tables: z.optional(tableNamesInput),
  /** Retention in the exporter's notation (`72h`, `90m`); none by default. */
  ttl: z.optional(
    z.string().check(z.refine((text) => parseTtlSeconds(text) !== undefined, "use a duration such as 72h, 90m or 1h30m")),
  ),
  /** Adds `ON CLUSTER <name>` and, unless an engine is given, a replicated engine. */
  cluster: z.optional(identifier),
  /**
   * Table engine, e.g. `MergeTree` or `ReplicatedMergeTree('/clickhouse/tables/{shard}/{table}', '{replica}')`:
   * one of the MergeTree family, the only engines that take the tables' ORDER BY, PARTITION BY and TTL.
   */
  engine: z.optional(
    z.string().check(
      z.refine((text) => parseEngine(text) !== undefined, "use Name or Name(params)"),
      z.refine(
        (text) => parseEngine(text) === undefined || isMergeTreeFamily(parseEngine(text)!),
        "use an engine of the MergeTree family (MergeTree, ReplacingMergeTree, ReplicatedMergeTree, SharedMergeTree, …): the tables need its ORDER BY, PARTITION BY and TTL",
      ),
    ),
  ),
  /** `SELECT version()` of the target server; picks text indexes on 26.2+ (current generation). */
  serverVersion: z.optional(
    z.string().check(z.refine((text) => parseServerVersion(text) !== undefined, "use a version such as 26.2.1")),
  ),
  /** 0 turns the deduplication window off. */
  nonReplicatedDeduplicationWindow: z.optional(z.int().check(z.minimum(0))),
  /**
   * Adds `TimestampTime` to the current generation's `otel_logs` as an ALIAS of
   * `toDateTime(Timestamp)`, for readers built on the legacy column (Grafana's plugin with OTel
   * 1.2.9, older ClickStack log sources); an existing table gets it by `ALTER TABLE`.
   */
  timestampTimeAlias: z.optional(z.boolean()),
}).check(
  z.refine((input) => !(input.timestampTimeAlias === true && input.generation === "legacy"), {
    message: "the legacy generation stores TimestampTime already: use the TimestampTime alias with the current generation",
    path: ["timestampTimeAlias"],
  }),
);

export type SchemaOptionsInput = z.input<typeof schemaOptionsInput>;

/** Options with every default applied, ready for rendering. */
export interface SchemaOptions {
  generation: Generation;
  database: string;
  tables: TableNames;
  ttlSeconds: number;
  cluster: string | undefined;
  engine: TableEngine;
  serverVersion: ServerVersion | undefined;
  nonReplicatedDeduplicationWindow: number;
  /** Current generation only: `otel_logs` gets `TimestampTime` as an ALIAS column. */
  timestampTimeAlias: boolean;
}

/** Validates raw options (CLI flags, config) and fills in the exporter's defaults. */
export function resolveSchemaOptions(input: SchemaOptionsInput = {}): SchemaOptions {
  const parsed = schemaOptionsInput.parse(input);
  const generation = parsed.generation ?? defaultGeneration;
  const tables = defaultTableNames(generation);
  for (const kind of tableKinds) {
    const name = parsed.tables?.[kind];
    if (name !== undefined) tables[kind] = name;
  }
  refuseSharedNames(tables, parsed.tables ?? {});
  return {
    generation,
    database: parsed.database ?? defaultDatabase,
    tables,
    ttlSeconds: parsed.ttl === undefined ? 0 : (parseTtlSeconds(parsed.ttl) ?? 0),
    cluster: parsed.cluster,
    engine: resolveEngine(parsed.engine, parsed.cluster),
    serverVersion: parsed.serverVersion === undefined ? undefined : parseServerVersion(parsed.serverVersion),
    nonReplicatedDeduplicationWindow:
      parsed.nonReplicatedDeduplicationWindow ?? defaultNonReplicatedDeduplicationWindow,
    timestampTimeAlias: parsed.timestampTimeAlias ?? false,
  };
}

/**
 * Throws when two objects of the schema would get one name (the seven tables, and the trace-id
 * lookup table and view named after the traces table): `apply` would create the first and
 * then find it "existing" for the second, leaving one signal's rows in another's table. Refused
 * before anything is created, naming both flags, e.g. `--logs-table and --traces-table both
 * name otel_logs: give each table a name of its own`; a flag not given is named with
 * `(by default)`.
 */
function refuseSharedNames(tables: TableNames, given: Partial<Record<TableKind, string>>): void {
  const flagOf = (kind: TableKind) => `${tableFlags[kind]}${given[kind] === undefined ? " (by default)" : ""}`;
  const owners = new Map<string, string>();
  const claim = (name: string, owner: string) => {
    const earlier = owners.get(name);
    if (earlier !== undefined) {
      throw new Error(`Invalid options: ${earlier} and ${owner} both name ${name}: give each table a name of its own`);
    }
    owners.set(name, owner);
  };
  for (const kind of tableKinds) claim(tables[kind], flagOf(kind));
  claim(traceIdTimestampTableName(tables.traces), `the trace-id lookup table named after ${flagOf("traces")}`);
  claim(traceIdTimestampViewName(tables.traces), `the trace-id lookup view named after ${flagOf("traces")}`);
}

function resolveEngine(engine: string | undefined, cluster: string | undefined): TableEngine {
  const explicit = engine === undefined ? undefined : parseEngine(engine);
  if (explicit) return explicit;
  return cluster === undefined ? defaultEngine : defaultClusterEngine;
}
