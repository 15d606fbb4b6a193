import { createClient, type ClickHouseClient } from "@clickhouse/client-web";
import type { IngestConfig } from "../config";
import { planTable, serializeRows, type Row, type TableColumn, type TablePlan } from "../core/rows";
import { httpErrorForClickHouseFailure } from "./errors";

export interface TableInsert {
  table: string;
  /** The columns the rows carry; the table's own columns decide which are written. */
  columns: readonly string[];
  rows: readonly Row[];
  /**
   * The same rows always carry the same token, so an insert retried after an answer that never
   * came (a timeout, a lost connection, a queued retry) lands once.
   */
  deduplicationToken: string;
}

export interface InsertOptions {
  /**
   * An asynchronous insert, buffered by the server and answered once flushed, or a plain one.
   * Deduplication is only known to hold for plain inserts into non-replicated tables
   * (docs/decisions.md), so the queue's retries use plain inserts.
   */
  asyncInsert: boolean;
  /** Epoch milliseconds by which the whole insert, table plan included, must be done. */
  deadline?: number;
}

/**
 * JSONEachRow text our serializer produced. The client's JSON hook passes it through, so rows
 * are written by our column plan (exact 64-bit values and times at each column's precision)
 * instead of being stringified object by object.
 */
class SerializedRows {
  constructor(readonly text: string) {}
}

const passSerializedRowsThrough = {
  parse: JSON.parse,
  stringify: (value: unknown): string =>
    value instanceof SerializedRows ? value.text : JSON.stringify(value),
};

/**
 * Table plans learnt per isolate from `DESC TABLE`, as the Collector's exporter learns its
 * tables, so one build writes correctly into either schema generation. Keyed by server,
 * database, table and the row columns offered.
 */
const planCache = new Map<string, Promise<TablePlan>>();

/** Writes row batches into ClickHouse over its HTTP interface; one INSERT per table. */
export class ClickHouseWriter {
  private readonly client: ClickHouseClient;

  constructor(private readonly config: IngestConfig["clickhouse"]) {
    this.client = createClient({
      url: config.url,
      username: config.user,
      password: config.password,
      database: config.database,
      request_timeout: config.timeoutMs,
      json: passSerializedRowsThrough,
      clickhouse_settings: {
        // A real server's default, stated so the serializer's time format is always understood.
        date_time_input_format: "basic",
      },
    });
  }

  /** Resolves once ClickHouse runs a query for us; throws the HTTP error a caller should give. */
  async ping(): Promise<void> {
    try {
      await this.client.command({ query: "SELECT 1" });
    } catch (error) {
      throw httpErrorForClickHouseFailure(error, "on ping");
    }
  }

  /**
   * Insert one batch as one INSERT; resolves once ClickHouse has written it (an asynchronous
   * insert waits for its flush: `wait_for_async_insert=1`). Throws a ClickHouseFailure.
   */
  async insert(batch: TableInsert, options: InsertOptions): Promise<void> {
    const plan = await this.planFor(batch, options.deadline);
    try {
      await this.client.insert({
        table: batch.table,
        columns: plan.columnNames.map(quoteIdentifier) as [string, ...string[]],
        values: [new SerializedRows(serializeRows(plan, batch.rows))],
        format: "JSONEachRow",
        ...abortSignalFor(options.deadline),
        clickhouse_settings: {
          ...(options.asyncInsert
            ? // Servers that deduplicate asynchronous inserts are told to; others ignore it.
              { async_insert: 1, wait_for_async_insert: 1, async_insert_deduplicate: 1 }
            : { async_insert: 0 }),
          insert_deduplication_token: batch.deduplicationToken,
        },
      });
    } catch (error) {
      // The table may have been altered since its columns were learnt.
      planCache.delete(this.cacheKey(batch));
      throw httpErrorForClickHouseFailure(
        error,
        `inserting ${batch.rows.length} rows into ${this.config.database}.${batch.table}`,
      );
    }
  }

  private planFor(batch: TableInsert, deadline: number | undefined): Promise<TablePlan> {
    const key = this.cacheKey(batch);
    let plan = planCache.get(key);
    if (plan === undefined) {
      plan = this.describe(batch.table, deadline).then((columns) => planTable(columns, batch.columns));
      planCache.set(key, plan);
      plan.catch(() => planCache.delete(key));
    }
    return plan;
  }

  private async describe(table: string, deadline: number | undefined): Promise<TableColumn[]> {
    try {
      const result = await this.client.query({
        query: `DESC TABLE ${quoteIdentifier(this.config.database)}.${quoteIdentifier(table)}`,
        format: "JSONEachRow",
        ...abortSignalFor(deadline),
      });
      const described = await result.json<{ name: string; type: string; default_type: string }>();
      // MATERIALIZED and ALIAS columns are computed by ClickHouse and cannot be inserted.
      return described
        .filter(({ default_type }) => default_type !== "MATERIALIZED" && default_type !== "ALIAS")
        .map(({ name, type }) => ({ name, type }));
    } catch (error) {
      throw httpErrorForClickHouseFailure(
        error,
        `describing ${this.config.database}.${table} (has the schema been applied?)`,
      );
    }
  }

  private cacheKey(batch: TableInsert): string {
    return `${this.config.url}|${this.config.database}.${batch.table}|${batch.columns.join(",")}`;
  }
}

/**
 * A signal of its own for each call: the client attaches its handler by assigning `onabort`,
 * so one signal shared by concurrent calls would abort only the last of them.
 */
function abortSignalFor(deadline: number | undefined): { abort_signal?: AbortSignal } {
  if (deadline === undefined) return {};
  return { abort_signal: AbortSignal.timeout(Math.max(0, deadline - Date.now())) };
}

/** Identifiers come from validated configuration, never from requests; quoting covers dots. */
function quoteIdentifier(name: string): string {
  return `\`${name.replace(/`/g, "``")}\``;
}
