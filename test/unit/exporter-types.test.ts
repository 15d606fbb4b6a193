import { describe, expect, it } from "vitest";
import { expectedColumns } from "../../schema/catalog";
import { generations } from "../../schema/generation";
import { EXPORTER_TABLE } from "../../workers/ingest/clickhouse/schema-drift";
import {
  LOG_COLUMN_TYPES,
  METRIC_COLUMN_TYPES,
  SPAN_COLUMN_TYPES,
  type ColumnTypes,
} from "../../workers/ingest/core/rows";
import type { ClickHouseTables } from "../../workers/ingest/config";

const WORKER_TYPES: Record<keyof ClickHouseTables, ColumnTypes> = {
  logs: LOG_COLUMN_TYPES,
  traces: SPAN_COLUMN_TYPES,
  ...METRIC_COLUMN_TYPES,
};

/**
 * Column → every type schema/'s DDL gives it, generations in order, each type once, and the
 * columns stored in some generation (not filled by the table itself: DEFAULT, MATERIALIZED,
 * ALIAS).
 */
function schemaTypes(kind: keyof ClickHouseTables): { types: Map<string, string[]>; stored: Set<string> } {
  const types = new Map<string, string[]>();
  const stored = new Set<string>();
  for (const generation of generations) {
    for (const { name, type, kind: columnKind } of expectedColumns(generation)[EXPORTER_TABLE[kind]]) {
      const known = types.get(name) ?? [];
      if (!known.includes(type)) known.push(type);
      types.set(name, known);
      if (columnKind === "stored") stored.add(name);
    }
  }
  return { types, stored };
}

describe("the Worker's exporter types (core/rows)", () => {
  for (const kind of Object.keys(WORKER_TYPES) as (keyof ClickHouseTables)[]) {
    it(`are schema/'s DDL of both generations for every column of ${kind} the rows carry`, () => {
      const { types } = schemaTypes(kind);
      const worker = Object.entries(WORKER_TYPES[kind]).map(([name, type]) => [name, typeof type === "string" ? [type] : [...type]]);
      const schema = [...types].filter(([name]) => Object.hasOwn(WORKER_TYPES[kind], name));
      expect(Object.fromEntries(worker)).toEqual(Object.fromEntries(schema));
    });

    it(`cover every column of ${kind} that is stored in either generation`, () => {
      const { stored } = schemaTypes(kind);
      expect([...stored].filter((name) => !Object.hasOwn(WORKER_TYPES[kind], name))).toEqual([]);
    });
  }
});
