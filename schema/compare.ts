/**
 * What `apply` finds already there, compared with what its options ask for. Every statement is
 * `IF NOT EXISTS`, so a table that exists is left as it is whatever was asked; this says where
 * such a table differs (generation, TTL, engine, deduplication window, skip indexes), so an
 * operator does not take "nothing to do" for "you have what you asked for". Pure: the server's
 * description of the tables comes in as data (read by existing.ts).
 */
import { tableSpecs, type SchemaTable } from "./catalog";
import { acceptsNonReplicatedDeduplication, isReplicated, type TableEngine } from "./engine";
import { generations, type Generation } from "./generation";
import type { SchemaOptions } from "./options";
import { deduplicationWindowFor, onCluster, plannedTables, qualified, type PlannedTable } from "./render";
import { expectedColumnsOf, type ExpectedColumn } from "./table-spec";
import { formatTtl, readTtl, ttlClause } from "./ttl";

/** One existing table as the server describes it. */
export interface ExistingTable {
  /** `system.tables.engine`: `MergeTree`, `ReplicatedMergeTree`, `SharedMergeTree`, … */
  engine: string;
  /** `system.tables.create_table_query`, where the TTL and the settings are read. */
  createTableQuery: string;
  /** `system.columns` in position order; `kind` from `default_kind`. */
  columns: ReadonlyArray<ExpectedColumn>;
  /** `system.data_skipping_indices`: each index's name and type (`bloom_filter`, `text`, …). */
  indexes: ReadonlyArray<{ name: string; type: string }>;
}

export type SchemaAspect = "generation" | "TTL" | "engine" | "deduplication window" | "skip indexes";

/** Where an existing table is not what the options ask for. */
export interface SchemaDifference {
  /** A mismatch stops `apply` (exit code 3); a note is only told. */
  severity: "mismatch" | "note";
  /** `database.table`. */
  table: string;
  aspect: SchemaAspect;
  found: string;
  asked: string;
  /** The flag that asks for what exists (`--ttl 72h`, `--generation legacy`, `without --ttl`), where one can. */
  keepFlag?: string;
  /** The statement that makes the table what was asked, where one can without recreating it. */
  change?: string;
}

/**
 * The differences between the tables `options` would create and those of `existing` (keyed by
 * table name; tables not there are not compared: `apply` creates them). A table is judged by
 * what it has: the columns of either generation, then the rest against what the options would
 * give a table of the generation it is, so a legacy table asked for as current is one
 * difference, not one for every consequence of its generation. Columns, indexes and settings
 * that neither generation has (a DBA's additions) are no difference. `serverVersionAsked`: the
 * server version, which picks the skip indexes, was given as a flag; otherwise it is the
 * server's own and an index difference is a note, since the existing indexes still serve after
 * the server is upgraded past the version that changes them.
 */
export function compareExistingSchema(
  options: SchemaOptions,
  existing: ReadonlyMap<string, ExistingTable>,
  serverVersionAsked: boolean,
): SchemaDifference[] {
  const byGeneration = Object.fromEntries(
    generations.map((generation) => [generation, plannedTables({ ...options, generation })]),
  ) as Record<Generation, PlannedTable[]>;
  return byGeneration[options.generation].flatMap((planned, index): SchemaDifference[] => {
    const found = existing.get(planned.name);
    if (found === undefined) return [];
    const where = qualifiedName(options, planned.name);
    const generation = generationOf(planned.table, found.columns, options.generation);
    const asIs = byGeneration[generation.generation ?? options.generation][index]!;
    const sameEngine = engineMatches(found.engine, asIs.engine);
    return [
      ...(generation.generation === options.generation ? [] : [generationDifference(where, options.generation, generation)]),
      ...(sameEngine ? [] : [engineDifference(where, planned.table, found.engine, asIs.engine)]),
      ...ttlDifference(where, options, found, asIs),
      ...(sameEngine ? deduplicationDifference(where, options, found, asIs) : []),
      ...indexDifference(where, found, asIs, serverVersionAsked),
    ];
  });
}

function qualifiedName(options: SchemaOptions, table: string): string {
  return `${options.database}.${table}`;
}

interface GenerationFound {
  /** Undefined when the table has the columns of neither generation. */
  generation: Generation | undefined;
  /** What shows it: a column of that generation, or what the asked one lacks. */
  evidence: string;
}

function columnKey(column: ExpectedColumn): string {
  return `${column.name}\u0000${column.type}\u0000${column.kind}`;
}

function describeColumn(column: ExpectedColumn): string {
  return column.kind === "stored" ? `${column.name} ${column.type}` : `${column.name} ${column.type} ${column.kind.toUpperCase()}`;
}

/**
 * The generation whose every column (name, type and kind) the table has; where it has those of
 * both, the one with more (the current `otel_traces` is the legacy one plus two ALIAS columns).
 * Current `otel_logs`' opt-in `TimestampTime` ALIAS is an addition, so it is no evidence either way.
 */
function generationOf(table: SchemaTable, columns: ReadonlyArray<ExpectedColumn>, asked: Generation): GenerationFound {
  const present = new Set(columns.map(columnKey));
  const expected = (generation: Generation) => expectedColumnsOf(tableSpecs(generation, false)[table]);
  const lacking = (generation: Generation) => expected(generation).filter((column) => !present.has(columnKey(column)));
  const other = generations.find((generation) => generation !== asked)!;
  const askedLacks = lacking(asked);
  const otherComplete = lacking(other).length === 0;
  if (askedLacks.length === 0 && !(otherComplete && expected(other).length > expected(asked).length)) {
    return { generation: asked, evidence: "" };
  }
  if (otherComplete) {
    const askedKeys = new Set(expected(asked).map(columnKey));
    const own = expected(other).find((column) => !askedKeys.has(columnKey(column)));
    const evidence = own !== undefined ? describeColumn(own) : askedLacks[0] !== undefined ? `no ${askedLacks[0].name}` : "";
    return { generation: other, evidence };
  }
  const byName = new Map(columns.map((column) => [column.name, column]));
  const shown = askedLacks.slice(0, 3).map((column) => {
    const same = byName.get(column.name);
    return same === undefined ? `no ${describeColumn(column)}` : `${describeColumn(same)}, ${asked}: ${describeColumn(column)}`;
  });
  const more = askedLacks.length > shown.length ? `, and ${askedLacks.length - shown.length} more` : "";
  return { generation: undefined, evidence: `${shown.join("; ")}${more}` };
}

function generationDifference(table: string, asked: Generation, found: GenerationFound): SchemaDifference {
  if (found.generation === undefined) {
    return { severity: "mismatch", table, aspect: "generation", found: `neither generation's columns (${found.evidence})`, asked };
  }
  return {
    severity: "mismatch",
    table,
    aspect: "generation",
    found: `${found.generation} (${found.evidence})`,
    asked,
    keepFlag: `--generation ${found.generation}`,
  };
}

/**
 * ClickHouse Cloud turns every MergeTree-family engine asked for, plain or replicated, into its
 * `Shared` form, so that form matches either; otherwise the family and replication must match.
 * Engine parameters are not compared: the server prints them with its macros expanded.
 */
function engineMatches(found: string, asked: TableEngine): boolean {
  const family = (name: string) => name.replace(/^(Replicated|Shared)/, "");
  if (family(found) !== family(asked.name)) return false;
  return found.startsWith("Shared") || isReplicated({ name: found, params: "" }) === isReplicated(asked);
}

function engineDifference(table: string, kind: SchemaTable, found: string, asked: TableEngine): SchemaDifference {
  return {
    severity: "mismatch",
    table,
    aspect: "engine",
    found,
    asked: asked.name,
    // The trace-id lookup table's engine follows the others' (its Aggregating variant).
    ...(kind === "traceIdTimestamp" ? {} : { keepFlag: `--engine ${found}` }),
  };
}

/** The text after `TTL` in the table's clauses (after `ENGINE =`, so no column's text), if any. */
function ttlText(createTableQuery: string): string | undefined {
  const clauses = createTableQuery.slice(createTableQuery.indexOf(" ENGINE = ") + 1);
  return / TTL (.+?)(?: SETTINGS |$)/s.exec(clauses)?.[1]?.trim();
}

function describeTtl(ttlSeconds: number): string {
  return ttlSeconds === 0 ? "none" : formatTtl(ttlSeconds);
}

function ttlDifference(table: string, options: SchemaOptions, found: ExistingTable, asIs: PlannedTable): SchemaDifference[] {
  const text = ttlText(found.createTableQuery);
  const read = text === undefined ? { timeExpression: asIs.spec.ttlTimeExpression, ttlSeconds: 0 } : readTtl(text);
  const asked = describeTtl(options.ttlSeconds);
  if (read === undefined) {
    // A TTL of the DBA's own: no flag asks for it, and it is theirs to keep.
    return [{ severity: "note", table, aspect: "TTL", found: `TTL ${text} (not the exporter's form; not compared)`, asked }];
  }
  if (read.ttlSeconds === options.ttlSeconds) return [];
  const alter = `ALTER TABLE ${qualified(options.database, asIs.name)}${onCluster(options)}`;
  return [
    {
      severity: "mismatch",
      table,
      aspect: "TTL",
      found: text === undefined ? "none" : `${formatTtl(read.ttlSeconds)} (TTL ${text})`,
      asked,
      keepFlag: read.ttlSeconds === 0 ? "without --ttl" : `--ttl ${formatTtl(read.ttlSeconds)}`,
      change:
        options.ttlSeconds === 0
          ? `${alter} REMOVE TTL`
          : `${alter} MODIFY ${ttlClause(options.ttlSeconds, read.timeExpression) ?? ""}`,
    },
  ];
}

function deduplicationWindow(createTableQuery: string): number {
  const match = /\bnon_replicated_deduplication_window = (\d+)/.exec(createTableQuery);
  return match ? Number(match[1]) : 0;
}

function describeWindow(window: number): string {
  return window === 0 ? "0 (off)" : String(window);
}

/** Only a plain MergeTree-family table takes the setting (engine.ts), so only there is it compared. */
function deduplicationDifference(table: string, options: SchemaOptions, found: ExistingTable, asIs: PlannedTable): SchemaDifference[] {
  if (!acceptsNonReplicatedDeduplication({ name: found.engine, params: "" })) return [];
  const window = deduplicationWindow(found.createTableQuery);
  const asked = deduplicationWindowFor(asIs.engine, options);
  if (window === asked) return [];
  return [
    {
      severity: "mismatch",
      table,
      aspect: "deduplication window",
      found: `non_replicated_deduplication_window ${describeWindow(window)}`,
      asked: describeWindow(asked),
      keepFlag: `--dedup-window ${window}`,
      change: `ALTER TABLE ${qualified(options.database, asIs.name)}${onCluster(options)} MODIFY SETTING non_replicated_deduplication_window = ${asked}`,
    },
  ];
}

/** `idx_body Body TYPE tokenbf_v1(32768, 3, 0) GRANULARITY 8` → name and type. */
function indexOf(definition: string): { name: string; type: string } {
  const [name = ""] = definition.split(" ", 1);
  const type = / TYPE (\w+)/.exec(definition)?.[1] ?? "";
  return { name, type };
}

function describeIndexTypes(indexes: ReadonlyArray<{ type: string }>): string {
  const types = [...new Set(indexes.map((index) => index.type))].sort();
  return types.length === 0 ? "none" : types.join(", ");
}

function indexDifference(table: string, found: ExistingTable, asIs: PlannedTable, serverVersionAsked: boolean): SchemaDifference[] {
  const present = new Set(found.indexes.map((index) => `${index.name} ${index.type}`));
  const expected = asIs.spec.indexes.map(indexOf);
  if (expected.every((index) => present.has(`${index.name} ${index.type}`))) return [];
  const ours = new Set(expected.map((index) => index.name));
  return [
    {
      severity: serverVersionAsked ? "mismatch" : "note",
      table,
      aspect: "skip indexes",
      found: describeIndexTypes(found.indexes.filter((index) => ours.has(index.name))),
      asked: describeIndexTypes(expected),
    },
  ];
}

/** `otel.otel_logs  TTL: 72h (TTL …); asked: none`: one difference on one line. */
export function describeDifference(difference: SchemaDifference): string {
  return `${difference.table}  ${difference.aspect}: ${difference.found}; asked: ${difference.asked}`;
}

/**
 * What `apply` tells of the differences: one line each, then how to use the tables as they are
 * (the flags that ask for them) and how to make them what was asked (the statements, for an
 * operator to review and run; `apply` never alters or drops a table).
 */
export function describeDifferences(differences: ReadonlyArray<SchemaDifference>): string {
  const mismatches = differences.filter((difference) => difference.severity === "mismatch");
  const notes = differences.filter((difference) => difference.severity === "note");
  const line = (difference: SchemaDifference) => `  ${describeDifference(difference)}`;
  const lines: string[] = [];
  if (mismatches.length > 0) {
    lines.push("The existing tables are not what was asked, so nothing was created or changed:", ...mismatches.map(line));
    const keep = [...new Set(mismatches.flatMap((difference) => difference.keepFlag ?? []))];
    if (keep.length > 0) lines.push(`To use them as they are, run again ${keepPhrase(keep)}.`);
    const changes = mismatches.flatMap((difference) => difference.change ?? []);
    if (changes.length > 0) {
      lines.push(
        "To change them instead (apply never alters or drops a table), review and run, then apply again:",
        ...changes.map((sql) => `  ${sql};`),
      );
    }
    const fixed = [...new Set(mismatches.filter((difference) => difference.change === undefined).map((d) => d.aspect))];
    if (fixed.length > 0) {
      lines.push(
        `A table's ${fixed.join(" and ")} cannot be changed in place: for what was asked, apply into another ` +
          "--database or under other table names (--logs-table, …) and move the data there.",
      );
    }
  }
  if (notes.length > 0) {
    lines.push("Notes (apply goes ahead):", ...notes.map(line));
    if (notes.some((note) => note.aspect === "skip indexes")) {
      lines.push(
        "  The skip indexes follow the server version (full-text from 26.2); the existing ones still serve. " +
          "Pass --server-version to have them compared.",
      );
    }
  }
  return lines.join("\n");
}

/** `with --generation legacy --ttl 72h and without --ttl`-like: the flags to add, then those to leave out. */
function keepPhrase(keep: ReadonlyArray<string>): string {
  const omitted = keep.filter((flag) => flag.startsWith("without "));
  const added = keep.filter((flag) => !flag.startsWith("without "));
  return [...(added.length > 0 ? [`with ${added.join(" ")}`] : []), ...omitted].join(" and ");
}
