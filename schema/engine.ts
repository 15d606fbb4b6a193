/** A table engine as the exporter configures it: a name and its raw parameters. */
export interface TableEngine {
  name: string;
  params: string;
}

export const defaultEngine: TableEngine = { name: "MergeTree", params: "" };

/**
 * Without explicit parameters a replicated table uses the server's `default_replica_path`
 * and `default_replica_name`, which `ON CLUSTER` fills in identically on every replica.
 */
export const defaultClusterEngine: TableEngine = { name: "ReplicatedMergeTree", params: "" };

/** Accepts `MergeTree`, `MergeTree()` or `ReplicatedMergeTree('/path/{shard}', '{replica}')`. */
export function parseEngine(text: string): TableEngine | undefined {
  const match = /^\s*([A-Za-z][A-Za-z0-9_]*)\s*(?:\((.*)\))?\s*$/s.exec(text);
  if (!match?.[1]) return undefined;
  return { name: match[1], params: (match[2] ?? "").trim() };
}

export function engineClause(engine: TableEngine): string {
  return `${engine.name}(${engine.params})`;
}

/** Whether `engine` is of the MergeTree family (`MergeTree`, `ReplacingMergeTree`, `ReplicatedMergeTree`, `SharedMergeTree`, …). */
export function isMergeTreeFamily(engine: TableEngine): boolean {
  return /^[A-Za-z]*MergeTree$/.test(engine.name);
}

export function isReplicated(engine: TableEngine): boolean {
  return /^(Replicated|Shared)/.test(engine.name);
}

/** Only a plain MergeTree-family engine takes `non_replicated_deduplication_window`. */
export function acceptsNonReplicatedDeduplication(engine: TableEngine): boolean {
  return engine.name.endsWith("MergeTree") && !isReplicated(engine);
}

/**
 * The current trace-id lookup table keeps one row per trace through SimpleAggregateFunction
 * columns, so the exporter swaps the configured MergeTree for its Aggregating variant and
 * leaves any other engine as configured.
 */
export function aggregatingVariant(engine: TableEngine): TableEngine {
  if (engine.name === "MergeTree") return { name: "AggregatingMergeTree", params: "" };
  if (engine.name === "ReplicatedMergeTree") {
    return { name: "ReplicatedAggregatingMergeTree", params: engine.params };
  }
  return engine;
}
