/**
 * Rows into ClickHouse over its HTTP interface
 * (https://clickhouse.com/docs/interfaces/http): a POST per statement, the statement and its
 * settings in the URL for an INSERT (the body is the data) or as the body otherwise, HTTP Basic
 * credentials, and an exception answered as a non-2xx status or an `X-ClickHouse-Exception-Code`
 * header with the exception's text as the body, or, when the status had already been sent as a
 * success, as that text inside the body (errors.ts, `exceptionInBody`). Made with `fetch` alone
 * rather than @clickhouse/client-web: docs/decisions.md (2026-11-30) has the measurements.
 */
import type { Logger } from "../../shared/log";
import type { IngestConfig } from "../config";
import { planTable, serializeRows, type Row, type TableColumn, type TablePlan } from "../core/rows";
import {
  ClickHouseAnswerError,
  connectionLost,
  exceptionInBody,
  httpErrorForClickHouseFailure,
  namesAMissingColumn,
  NOT_SENT,
  OperatorFixFailure,
  parseServerError,
  ProxyAnswerError,
  TooLargeForPathFailure,
  type ClickHouseCall,
  type ClickHouseFailure,
} from "./errors";
import { keepAbsentColumnValues, type KeptCount } from "./absent-columns";
import { SchemaDriftFailure, schemaDriftIn } from "./schema-drift";

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
  /**
   * The rows' JSONEachRow text, when it was written with a plan beforehand: the insert sends it
   * as it is if its plan is still the table's, and serializes the rows afresh otherwise.
   */
  text?: PlannedText;
}

export interface PlannedText {
  plan: TablePlan;
  body: string;
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
  /**
   * The caller's logger (a request's carries its requestId, the consumer's its entrypoint): a
   * table recheck this insert starts says through it that it failed.
   */
  logger: Logger;
}

/**
 * A table plan being learnt or learnt, when it was asked for (epoch ms), and the plan once it is
 * had (`learnt`): a recheck that fails falls back on it.
 */
interface LearntPlan {
  plan: Promise<TablePlan>;
  askedAt: number;
  learnt?: TablePlan;
}

/**
 * Logs what an operator-fix answer to the call `what` leaves out: ClickHouse's text (it names
 * the ClickHouse user, address or database), under `clickhouse`, or a proxy's page (its text
 * without HTML, cut at 200 characters: errors.ts, `plainTextOf`), under `page`. Through the
 * caller's `logger`, so the line carries the request's id (or the queue consumer's entrypoint)
 * and an operator matches it with that request's answer and its "export queued" line.
 */
function logOperatorFix(failure: OperatorFixFailure, what: string, logger: Logger): void {
  const [line, field] = failure.refusedBy === "ClickHouse" ? ["ClickHouse refused the Worker", "clickhouse"] : ["a proxy in front of ClickHouse refused the Worker", "page"];
  logger.log("error", `${line}: an operator must act`, { call: what, answer: failure.message, [field]: failure.serverText });
}

/**
 * Table plans learnt per isolate from `DESC TABLE`, as the Collector's exporter learns its
 * tables, so one build writes correctly into either schema generation. Keyed by server,
 * database, table and the row columns offered. A plan older than CLICKHOUSE_TABLE_RECHECK_SECONDS
 * is learnt again by the next insert that needs it: a table altered under a running isolate (a
 * column narrowed, which ClickHouse would take and wrap without a word) is noticed within that
 * time, at one `DESC TABLE` per table and isolate per period rather than one per request.
 */
const planCache = new Map<string, LearntPlan>();

/**
 * Each plan's `&query=…` URL parameter (the INSERT with its column list, URL-encoded), made once
 * per plan instead of on every insert: the same text for every batch of that table.
 */
const insertQueryParams = new WeakMap<TablePlan, string>();

/** Writes row batches into ClickHouse over its HTTP interface; one INSERT per table. */
export class ClickHouseWriter {
  /**
   * The server's URL with its path and the parameters every statement carries (database,
   * `date_time_input_format`), ready for `&name=value` parameters to follow.
   */
  private readonly endpoint: string;
  /**
   * An INSERT's URL up to its deduplication token's value, by `asyncInsert`: the settings are
   * the same for every insert of an isolate, so they are written into the URL once.
   */
  private readonly insertEndpoints: Readonly<Record<"async" | "plain", string>>;
  private readonly authorization: string;
  /** Which of the exporter's tables each configured table name is, for its expected types. */
  private readonly kinds: ReadonlyMap<string, keyof IngestConfig["clickhouse"]["tables"]>;
  /** CLICKHOUSE_TABLE_RECHECK_SECONDS in milliseconds. */
  private readonly recheckMs: number;

  constructor(private readonly config: IngestConfig["clickhouse"]) {
    const url = new URL(config.url);
    url.search = "";
    url.hash = "";
    this.endpoint = `${url.href}?database=${encodeURIComponent(config.database)}&date_time_input_format=basic`;
    this.insertEndpoints = {
      // Servers that deduplicate asynchronous inserts are told to; others ignore it.
      async: `${this.endpoint}&async_insert=1&wait_for_async_insert=1&async_insert_deduplicate=1&insert_deduplication_token=`,
      plain: `${this.endpoint}&async_insert=0&insert_deduplication_token=`,
    };
    this.authorization = `Basic ${btoa(`${config.user}:${config.password}`)}`;
    const tables = Object.entries(config.tables) as [keyof IngestConfig["clickhouse"]["tables"], string][];
    this.kinds = new Map(tables.map(([kind, name]) => [name, kind]));
    this.recheckMs = config.tableRecheckSeconds * 1000;
  }

  /**
   * The configured tables (CLICKHOUSE_*_TABLE) ClickHouse does not show in the configured
   * database, in setting order: missing, or not visible to the Worker's user, whose grants on a
   * table are what make `system.tables` list it. One query, so a health check costs one call;
   * throws the HTTP error a caller should give when ClickHouse does not answer it.
   */
  async missingTables(logger: Logger): Promise<string[]> {
    const tables = [...new Set(Object.values(this.config.tables))];
    let answer: string;
    try {
      answer = await this.post(
        this.endpoint,
        `SELECT name FROM system.tables WHERE database = ${quoteString(this.config.database)} ` +
          `AND name IN (${tables.map(quoteString).join(", ")}) FORMAT JSONEachRow`,
        undefined,
        logger,
      );
    } catch (error) {
      throw this.failureOf(error, "listing the tables", "query", logger);
    }
    const present = new Set(jsonLines<{ name: string }>(answer, "system.tables").map(({ name }) => name));
    return tables.filter((table) => !present.has(table));
  }

  /**
   * The HTTP error a failed call `what` answers (errors.ts); ClickHouse's text of a failure only
   * an operator can fix, which the answer leaves out, goes to the caller's `logger` instead.
   */
  private failureOf(error: unknown, what: string, call: ClickHouseCall, logger: Logger): ClickHouseFailure {
    const failure = httpErrorForClickHouseFailure(error, what, this.config.database, call);
    if (failure instanceof OperatorFixFailure) logOperatorFix(failure, what, logger);
    return failure;
  }

  /**
   * Insert one batch as one INSERT; resolves once ClickHouse has written it (an asynchronous
   * insert waits for its flush: `wait_for_async_insert=1`). Throws a ClickHouseFailure: for
   * rows refused as data or a column the INSERT names that the table no longer has, the
   * table's columns are learnt again first, and a table altered
   * since its plan was learnt throws the schema drift's retryable failure instead (a drifted
   * column refuses every row, which ClickHouse reports as it reports one bad row). Its
   * `knownUnwritten` says no row can be in ClickHouse: the table's plan failed before the INSERT
   * was sent, or the answer says so (errors.ts, `unwrittenBy`).
   *
   * Resolves with the counts of values of columns the table lacks that were kept elsewhere
   * (absent-columns.ts), for the answer's warning; none for a table with every column.
   */
  async insert(batch: TableInsert, options: InsertOptions): Promise<readonly KeptCount[]> {
    const plan = await this.planFor(batch, options.deadline, options.logger);
    const kept = keepAbsentColumnValues(plan, batch.table, batch.columns, batch.rows);
    let body = "";
    try {
      const url =
        this.insertEndpoints[options.asyncInsert ? "async" : "plain"] +
        encodeURIComponent(batch.deduplicationToken) +
        insertQueryParamOf(plan, batch.table);
      // The rows are written by our column plan (exact 64-bit values, times at each column's
      // precision), as JSONEachRow text.
      body = kept === undefined && batch.text?.plan === plan ? batch.text.body : serializeRows(plan, kept?.rows ?? batch.rows);
      await this.post(url, body, options.deadline, options.logger, false);
      return kept?.kept ?? [];
    } catch (error) {
      // The table may have been altered since its columns were learnt.
      planCache.delete(this.cacheKey(batch));
      // The table, not the database: the database is the operator's setting, no sender's business.
      const rows = batch.rows.length === 1 ? "1 row" : `${batch.rows.length} rows`;
      const failure = this.failureOf(error, `inserting ${rows} into ${batch.table}`, "insert", options.logger);
      if (failure.rowsRejected || namesAMissingColumn(error)) {
        const drift = await this.planFor(batch, options.deadline, options.logger).then(
          () => undefined,
          (relearnt: unknown) => (relearnt instanceof SchemaDriftFailure ? relearnt : undefined),
        );
        if (drift !== undefined) throw drift;
      }
      // The limit a proxy's 413 asks the operator to raise is this body's size (durable-write.ts).
      throw failure instanceof TooLargeForPathFailure ? failure.ofInsertBody(new TextEncoder().encode(body).byteLength) : failure;
    }
  }

  /**
   * The plan rows of `batch.table` with `batch.columns` are written by (from `DESC TABLE`, learnt
   * once per CLICKHOUSE_TABLE_RECHECK_SECONDS and isolate; the inserts waiting meanwhile share
   * one lookup); rejects with the ClickHouseFailure an insert would have met, or with the schema
   * drift's (schema-drift.ts) when a column's type no longer takes the rows. A recheck of a plan
   * already learnt that fails for any other reason, or is not answered within half the time left
   * to `deadline`, keeps the previous plan for another period (a warn line through `logger`, the
   * one of the request or batch that started the recheck, says so): the columns that served until
   * then still do, and an INSERT they no longer fit is refused and relearnt.
   */
  planFor(batch: Pick<TableInsert, "table" | "columns">, deadline: number | undefined, logger: Logger): Promise<TablePlan> {
    const key = this.cacheKey(batch);
    const now = Date.now();
    const cached = planCache.get(key);
    if (cached !== undefined && now - cached.askedAt < this.recheckMs) return cached.plan;
    const previous = cached?.learnt;
    // A recheck leaves the waiting insert half its time, however slow the DESC TABLE.
    const askBy = previous === undefined || deadline === undefined ? deadline : now + (deadline - now) / 2;
    const described = this.describe(batch.table, askBy, logger).then((columns) => {
      const kind = this.kinds.get(batch.table);
      const drift = kind === undefined ? undefined : schemaDriftIn(kind, batch.table, columns, batch.columns);
      if (drift !== undefined) throw drift;
      return planTable(columns, batch.columns);
    });
    const plan =
      previous === undefined
        ? described
        : described.catch((error: unknown) => {
            if (error instanceof SchemaDriftFailure) throw error;
            // The INSERT waiting on it is sent with the columns learnt before: the lookup's own
            // note that it is not sent holds for an answer, not here.
            const reason = error instanceof Error ? error.message : String(error);
            logger.log("warn", "table recheck failed: the columns learnt before are kept", {
              table: batch.table,
              reason: reason.endsWith(NOT_SENT) ? reason.slice(0, -NOT_SENT.length) : reason,
            });
            // Another period from now, not from the ask: the inserts that follow do not each
            // wait on a DESC TABLE that just failed.
            entry.askedAt = Date.now();
            return previous;
          });
    // A recheck in flight still has the plan learnt before, so a recheck started on top of it
    // (a DESC TABLE slower than the period) falls back on that plan too, and a failed one leaves
    // it cached rather than nothing.
    const entry: LearntPlan = { plan, askedAt: now, learnt: previous };
    planCache.set(key, entry);
    plan.then(
      (learnt) => {
        entry.learnt = learnt;
      },
      // Only this lookup's own entry: a later one may have replaced it meanwhile.
      () => planCache.get(key) === entry && planCache.delete(key),
    );
    return plan;
  }

  /**
   * The plan rows of `batch.table` with `batch.columns` were last written by in this isolate,
   * however old, without asking ClickHouse; `undefined` when none was learnt yet.
   */
  planKnown(batch: Pick<TableInsert, "table" | "columns">): TablePlan | undefined {
    return planCache.get(this.cacheKey(batch))?.learnt;
  }

  private async describe(table: string, deadline: number | undefined, logger: Logger): Promise<TableColumn[]> {
    try {
      const answer = await this.post(
        this.endpoint,
        `DESC TABLE ${quoteIdentifier(this.config.database)}.${quoteIdentifier(table)} FORMAT JSONEachRow`,
        deadline,
        logger,
      );
      const described = jsonLines<{ name: string; type: string; default_type: string }>(answer, "DESC TABLE");
      // MATERIALIZED and ALIAS columns are computed by ClickHouse and cannot be inserted.
      return described
        .filter(({ default_type }) => default_type !== "MATERIALIZED" && default_type !== "ALIAS")
        .map(({ name, type }) => ({ name, type }));
    } catch (error) {
      // Asked before an INSERT: the INSERT waiting on it is never sent, so its rows are known
      // unwritten. The table, not the database, as for the insert (no sender's business).
      throw this.failureOf(error, `describing ${table}`, "before insert", logger);
    }
  }

  private cacheKey(batch: Pick<TableInsert, "table" | "columns">): string {
    return `${this.config.url}|${this.config.database}.${batch.table}|${columnListOf(batch.columns)}`;
  }

  /**
   * One POST of `body` to `url` (the endpoint with an INSERT's settings and `query`, or bare for
   * a statement sent as the body). Resolves with the answer's body, read to its end so the
   * connection is free for the next request, when it is not an exception; rejects with a
   * ClickHouseServerError for one (in the status or headers, or in the body after a 200), a
   * ClickHouseAnswerError for an exception marker it cannot read, a ProxyAnswerError for an
   * answer that is not ClickHouse's (see `notClickHouses`), or with fetch's own error (a
   * timeout's is a `TimeoutError`) when there was no answer in time, the sooner of
   * CLICKHOUSE_TIMEOUT_MS and `deadline` (epoch ms). `hasRows` false (an INSERT's answer, which
   * has none) finds an exception in a 200's body wherever it stands (errors.ts, `exceptionInBody`).
   *
   * A connection lost before any answer (errors.ts, `connectionLost`: a reused keep-alive
   * connection the server closed as the call went out) is tried again once, at once, within the
   * same time: the same URL and body, so an INSERT keeps its `insert_deduplication_token` and one
   * the server did write before the loss lands once. `logger` says it was tried again.
   */
  private async post(url: string, body: string, deadline: number | undefined, logger: Logger, hasRows = true): Promise<string> {
    const timeoutMs = deadline === undefined ? this.config.timeoutMs : Math.max(0, Math.min(this.config.timeoutMs, deadline - Date.now()));
    const init: RequestInit = {
      method: "POST",
      headers: { Authorization: this.authorization },
      body,
      // One timer for both attempts: the second has what the first left.
      signal: AbortSignal.timeout(timeoutMs),
      // A redirect is a login or a proxy in front of ClickHouse, never ClickHouse: followed,
      // its page's 200 would read as rows written.
      redirect: "manual",
    };
    let response: Response;
    try {
      response = await fetch(url, init);
    } catch (error) {
      if (!connectionLost(error) || init.signal!.aborted) throw error;
      logger.log("info", "ClickHouse connection lost before an answer: sent again once", { reason: (error as Error).message });
      response = await fetch(url, init);
    }
    const text = await response.text();
    const foreign = notClickHouses(response, text);
    if (foreign !== undefined) throw foreign;
    if (!response.ok || response.headers.has("X-ClickHouse-Exception-Code")) throw parseServerError(text, response.status);
    const exception = exceptionInBody(text, hasRows);
    if (exception !== undefined) throw exception;
    return text;
  }
}

/**
 * A ProxyAnswerError for an answer that cannot be ClickHouse's, else `undefined`: a redirect
 * (3xx, with where it led), or a success with neither `X-ClickHouse-Query-Id` nor
 * `X-ClickHouse-Summary`, both of which ClickHouse's HTTP interface sends with every answer to a
 * query (a proxy's `Welcome to nginx!` page, or an empty 200 that never reached the server). An error status is left to `parseServerError`,
 * which tells ClickHouse's exception text from a proxy's page.
 */
function notClickHouses(response: Response, text: string): ProxyAnswerError | undefined {
  if (response.status >= 300 && response.status < 400) {
    const location = response.headers.get("Location");
    return new ProxyAnswerError(response.status, location === null ? "a redirect" : `a redirect to ${location.slice(0, 200)}`);
  }
  const marked = response.headers.has("X-ClickHouse-Query-Id") || response.headers.has("X-ClickHouse-Summary");
  if (response.ok && !marked) return new ProxyAnswerError(response.status, text);
  return undefined;
}

/**
 * Each row column list joined with commas, kept per list: a request's batches carry the core's
 * constant lists (LOG_COLUMNS, …), so the text every plan lookup keys on is made once per
 * isolate rather than at each of a request's lookups. Lists read from a queue message are new
 * arrays, joined on first use as before.
 */
const columnLists = new WeakMap<readonly string[], string>();

/** `columns` joined with commas, `A,B,C`: the part of a plan's key that names its row columns. */
export function columnListOf(columns: readonly string[]): string {
  let list = columnLists.get(columns);
  if (list === undefined) {
    list = columns.join(",");
    columnLists.set(columns, list);
  }
  return list;
}

/** `&query=INSERT INTO `table` (`A`, `B`, …) FORMAT JSONEachRow`, URL-encoded, for `plan`. */
function insertQueryParamOf(plan: TablePlan, table: string): string {
  let param = insertQueryParams.get(plan);
  if (param === undefined) {
    const query = `INSERT INTO ${quoteIdentifier(table)} (${plan.columnNames.map(quoteIdentifier).join(", ")}) FORMAT JSONEachRow`;
    param = `&query=${encodeURIComponent(query)}`;
    insertQueryParams.set(plan, param);
  }
  return param;
}

/** The JSONEachRow rows of the answer to `statement`; a line of any other shape is an answer we cannot read. */
function jsonLines<T>(answer: string, statement: string): T[] {
  return answer
    .split("\n")
    .filter((line) => line.length > 0)
    .map((line) => {
      try {
        return JSON.parse(line) as T;
      } catch {
        throw new ClickHouseAnswerError(`${statement} answered a line that is not JSONEachRow: ${line.slice(0, 200)}`);
      }
    });
}

/** Identifiers come from validated configuration, never from requests; quoting covers dots. */
function quoteIdentifier(name: string): string {
  return `\`${name.replace(/`/g, "``")}\``;
}

/** A ClickHouse string literal of `text` (its quote and backslash escaped). */
function quoteString(text: string): string {
  return `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}
