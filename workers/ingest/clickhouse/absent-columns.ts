/**
 * Values for a column the table lacks where the exporter itself writes tables without it
 * (`OPTIONAL_COLUMNS`, schema-drift.ts). The Collector's exporter leaves such a column out of
 * its INSERT and with it whatever the records carried for it; here nothing is lost that way.
 * Each optional column is either derived from another the rows carry (`TimestampTime` is
 * `toDateTime(Timestamp)`: nothing to keep) or has a place its value is kept in instead, an
 * attribute map's key. Rows with an empty value get nothing, and the answer says how many
 * records' values were kept elsewhere, with the ALTER that adds the column back.
 */
import type { AttributeMap, Row, TablePlan } from "../core/rows";
import { withEntry } from "../core/rows/attributes";

/** Where an absent column's non-empty value is kept: `map`'s entry `key`. */
export interface KeptPlace {
  /** The attribute map column (`LogAttributes`): it must be one the table has. */
  map: string;
  key: string;
  /** The column as the exporter's DDL adds it, for the answer's `ALTER TABLE … ADD COLUMN`. */
  definition: string;
}

/**
 * What becomes of each optional column's values when the table lacks it: `derived` when the
 * table computes it from another column, else the place they are kept. `EventName` goes to
 * `LogAttributes['event.name']`, where the semantic conventions put an event's name before OTLP
 * 1.5 gave log records a field for it.
 */
export const ABSENT_COLUMN_VALUES: Readonly<Record<string, "derived" | KeptPlace>> = {
  TimestampTime: "derived",
  EventName: { map: "LogAttributes", key: "event.name", definition: "EventName String CODEC(ZSTD(1))" },
};

/** One absent column whose values a plan keeps elsewhere. */
interface Move {
  column: string;
  place: KeptPlace;
}

/** Each plan's moves, worked out once per plan (plans are learnt once per isolate). */
const movesByPlan = new WeakMap<TablePlan, readonly Move[]>();

function movesOf(plan: TablePlan, rowColumns: readonly string[]): readonly Move[] {
  let moves = movesByPlan.get(plan);
  if (moves === undefined) {
    const written = new Set(plan.columnNames);
    moves = rowColumns.flatMap((column) => {
      const place = Object.hasOwn(ABSENT_COLUMN_VALUES, column) ? ABSENT_COLUMN_VALUES[column] : undefined;
      return place !== undefined && place !== "derived" && !written.has(column) && written.has(place.map) ? [{ column, place }] : [];
    });
    movesByPlan.set(plan, moves);
  }
  return moves;
}

/** How many records' values of one absent column of one table were kept elsewhere. */
export interface KeptCount {
  table: string;
  column: string;
  place: KeptPlace;
  records: number;
}

/**
 * The attribute key `plan` (made for rows of `rowColumns`) keeps `column`'s values under, when the
 * table lacks the column; `undefined` when it has it (or has no map to keep them in). What the
 * attribute limits count a log record's event name as (pipeline.ts, ExportTarget).
 */
export function keptUnderKey(plan: TablePlan, rowColumns: readonly string[], column: string): string | undefined {
  return movesOf(plan, rowColumns).find((move) => move.column === column)?.place.key;
}

/**
 * `rows` (with `rowColumns`) as `plan` (the table `table`'s) should write them: each non-empty
 * value of a column the table lacks added to the attribute map `ABSENT_COLUMN_VALUES` names, at
 * its key's place in the map's byte order (attributes.ts), and the column's value emptied, so
 * moving rows already moved changes nothing (the request path moves them before it sizes and
 * serializes them; a queued copy reaches the consumer moved). A map already holding that key with
 * that value is left as it is; one holding it with another value keeps both pairs, the column's
 * first (ClickHouse's `m['key']` reads the first, as the exporter stores a key sent twice).
 * `undefined` when no row has such a value, so the rows' text made with the plan stands.
 */
export function keepAbsentColumnValues(
  plan: TablePlan,
  table: string,
  rowColumns: readonly string[],
  rows: readonly Row[],
): { rows: readonly Row[]; kept: KeptCount[] } | undefined {
  const moves = movesOf(plan, rowColumns);
  if (moves.length === 0) return undefined;
  const counts = new Array<number>(moves.length).fill(0);
  const keptRows = rows.map((row) => {
    let changed: Record<string, Row[string]> | undefined;
    moves.forEach(({ column, place }, i) => {
      const value = row[column];
      if (typeof value !== "string" || value === "") return;
      counts[i]! += 1;
      changed ??= { ...row };
      changed[column] = "";
      const map = changed[place.map] as AttributeMap;
      if (holdsEntry(map, place.key, value)) return;
      // First among the key's entries: `map['event.name']` reads the record's own event name.
      changed[place.map] = withEntry(map, place.key, value, true);
    });
    return changed ?? row;
  });
  const kept = moves.flatMap(({ column, place }, i) => (counts[i] === 0 ? [] : [{ table, column, place, records: counts[i]! }]));
  return kept.length === 0 ? undefined : { rows: keptRows, kept };
}

/**
 * The answer's warning for `kept` (from one request's inserts, a table's counts summed):
 * `3 records' EventName kept in LogAttributes['event.name']: table otel_logs has no EventName
 * column (ALTER TABLE otel_logs ADD COLUMN EventName String CODEC(ZSTD(1)) adds it)`; "" for none.
 */
export function keptValuesWarning(kept: readonly KeptCount[]): string {
  const summed = new Map<string, KeptCount>();
  for (const count of kept) {
    const key = `${count.table}\n${count.column}`;
    const known = summed.get(key);
    summed.set(key, known === undefined ? count : { ...known, records: known.records + count.records });
  }
  return [...summed.values()]
    .map(
      ({ table, column, place, records }) =>
        `${records} ${records === 1 ? "record's" : "records'"} ${column} kept in ${place.map}['${place.key}']: table ${table} has no ${column} column ` +
        `(ALTER TABLE ${table} ADD COLUMN ${place.definition} adds it)`,
    )
    .join("; ");
}

/** Whether `map` holds the entry `key` → `value`: a value already kept there is not added twice. */
function holdsEntry(map: AttributeMap, key: string, value: string): boolean {
  for (let i = 0; i < map.length; i += 2) if (map[i] === key && map[i + 1] === value) return true;
  return false;
}
