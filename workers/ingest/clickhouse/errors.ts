import { HttpError, OPERATOR_FIX_RETRY_AFTER_SECONDS, WORKER_LOG_COMMAND } from "../http/errors";

/** Seconds a sender should wait before retrying when ClickHouse is unavailable or overloaded. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * ClickHouse error codes that mean "these rows can never be written as they are": retrying the
 * same request cannot help: they are parked on the dead-letter queue, or, when there is none,
 * refused (a partial success, or a 400 when nothing of the request was stored).
 */
const ROWS_REJECTED_CODES = new Set([
  "6", // CANNOT_PARSE_TEXT
  "25", // CANNOT_PARSE_ESCAPE_SEQUENCE
  "26", // CANNOT_PARSE_QUOTED_STRING
  "27", // CANNOT_PARSE_INPUT_ASSERTION_FAILED
  "38", // CANNOT_PARSE_DATE
  "41", // CANNOT_PARSE_DATETIME
  "53", // TYPE_MISMATCH
  "69", // ARGUMENT_OUT_OF_BOUND
  "72", // CANNOT_PARSE_NUMBER
  "117", // INCORRECT_DATA
  "131", // TOO_LARGE_STRING_SIZE
  "469", // VIOLATED_CONSTRAINT: a table CHECK refuses the rows
]);

/**
 * Codes ClickHouse raises before an INSERT reads any of its data: the statement, the user, the
 * table or the server's query slots were refused, so no row of it can have been written. Codes
 * that can come after a part is written (TOO_MANY_PARTS, MEMORY_LIMIT_EXCEEDED in a
 * materialized view, a replica's quorum or Keeper failure) are not among them.
 */
const BEFORE_DATA_CODES = new Set([
  "16", // NO_SUCH_COLUMN_IN_TABLE
  "60", // UNKNOWN_TABLE
  "62", // SYNTAX_ERROR
  "81", // UNKNOWN_DATABASE
  "115", // UNKNOWN_SETTING
  "164", // READONLY
  "192", // UNKNOWN_USER
  "193", // WRONG_PASSWORD
  "194", // REQUIRED_PASSWORD
  "195", // IP_ADDRESS_NOT_ALLOWED
  "202", // TOO_MANY_SIMULTANEOUS_QUERIES: refused as the query is registered, before it runs
  "291", // DATABASE_ACCESS_DENIED
  "497", // ACCESS_DENIED
  "516", // AUTHENTICATION_FAILED
]);

/**
 * Statuses Cloudflare's edge answers a Worker's subrequest with when it never reached the
 * origin (https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/):
 * 521 the origin refused the connection, 523 unreachable, 525 the TLS handshake failed, 526 its
 * certificate is invalid, 530 a 1xxx error such as 1016 (DNS). 520, 522 and 524 can come after
 * the request went out, so they are not among them. workerd itself says `Network connection
 * lost.` both for a refused connection and for one dropped after sending, so those stay unknown.
 */
const ORIGIN_NOT_REACHED_STATUSES = new Set([521, 523, 525, 526, 530]);

/** Codes that say ClickHouse is busy rather than down: the sender should slow down. */
const OVERLOADED_CODES = new Set([
  "202", // TOO_MANY_SIMULTANEOUS_QUERIES
  "203", // NO_FREE_CONNECTION
  "241", // MEMORY_LIMIT_EXCEEDED
  "252", // TOO_MANY_PARTS
]);

/** What a failure only an operator can fix is, as the sender is told it, and what the fix is. */
interface OperatorFix {
  /** The kind of failure, without ClickHouse's text (which names the user, address or database). */
  kind: string;
  /** What the operator does, after `a retry succeeds only after the operator …`. */
  fix: string;
}

const CREDENTIALS: OperatorFix = {
  kind: "ClickHouse refused the Worker's credentials",
  fix: "fixes CLICKHOUSE_USER and CLICKHOUSE_PASSWORD, or the ClickHouse user they name",
};
const GRANTS: OperatorFix = {
  kind: "the Worker's ClickHouse user may not do this",
  fix: "grants the ClickHouse user INSERT and SELECT on the tables, without a readonly profile",
};
const SCHEMA: OperatorFix = {
  kind: "the table or its database does not exist",
  fix: "applies the schema (`npm run schema -- apply`) or sets the CLICKHOUSE_DATABASE and table settings to where it is",
};

/**
 * ClickHouse codes no retry passes until an operator acts, by what the operator must fix. Each
 * is raised before an INSERT reads its data (BEFORE_DATA_CODES), so no row of it is written.
 */
const OPERATOR_FIX_CODES: ReadonlyMap<string, OperatorFix> = new Map([
  ["192", CREDENTIALS], // UNKNOWN_USER
  ["193", CREDENTIALS], // WRONG_PASSWORD
  ["194", CREDENTIALS], // REQUIRED_PASSWORD
  ["516", CREDENTIALS], // AUTHENTICATION_FAILED
  ["195", { kind: "ClickHouse refused the Worker's address", fix: "lets the ClickHouse user connect from Cloudflare's addresses (its HOST clause)" }], // IP_ADDRESS_NOT_ALLOWED
  ["164", GRANTS], // READONLY
  ["291", GRANTS], // DATABASE_ACCESS_DENIED
  ["497", GRANTS], // ACCESS_DENIED, "Not enough privileges"
  ["60", SCHEMA], // UNKNOWN_TABLE
  ["81", SCHEMA], // UNKNOWN_DATABASE
  ["115", { kind: "ClickHouse does not know a setting the Worker sends", fix: "runs a ClickHouse version that has it" }], // UNKNOWN_SETTING
]);

/**
 * Statuses a proxy or an authentication gate in front of ClickHouse (nginx's `auth_basic`,
 * Cloudflare Access) answers with its own page, by what the operator must fix: the Worker sends
 * only ClickHouse's Basic credentials, so no retry passes such a gate until its operator lets the
 * Worker through. A 404 not in ClickHouse's words is CLICKHOUSE_URL's path (ClickHouse's own
 * answer to an unknown path has no exception code either) or a proxy without a route there.
 * Each refuses before anything reaches ClickHouse, so no row of an INSERT is written. ClickHouse's
 * own 401/403/404 carry `Code: N` and are ClickHouse's codes (OPERATOR_FIX_CODES), not these.
 */
const GATE: OperatorFix = {
  kind: "a proxy or authentication in front of ClickHouse refused the Worker",
  fix: "lets the Worker's requests through it (they carry only CLICKHOUSE_USER and CLICKHOUSE_PASSWORD, as Basic credentials) or sets CLICKHOUSE_URL to an address without it",
};
const PROXY_REFUSALS: ReadonlyMap<number, OperatorFix> = new Map([
  [401, GATE], // Unauthorized
  [403, GATE], // Forbidden
  [407, GATE], // Proxy Authentication Required
  [404, { kind: "nothing at CLICKHOUSE_URL's address and path answers as ClickHouse's HTTP interface", fix: "sets CLICKHOUSE_URL to ClickHouse's HTTP interface (its path, or a proxy's route that leads there)" }], // Not Found
]);

/** What every operator-fix answer says after its kind: the sender can only wait. */
export function operatorFixNote(fix: string): string {
  return `; a retry succeeds only after the operator ${fix}`;
}

/**
 * An exception ClickHouse answered with: its numeric code, its name and its message.
 * `afterSuccessStatus` says it came in the body of an answer whose status was already a success.
 */
export class ClickHouseServerError extends Error {
  override readonly name = "ClickHouseServerError";
  constructor(
    readonly code: string,
    readonly type: string | undefined,
    message: string,
    readonly afterSuccessStatus = false,
  ) {
    super(message);
  }
}

/**
 * An answer that is not ClickHouse's, with its HTTP status: an error page that is not
 * ClickHouse's exception text (a proxy's or Cloudflare's), a redirect (a login in front of the
 * server), or a success without the headers ClickHouse marks every answer with (a catch-all
 * proxy's or another site's page). Its message is the answer's text, or says what it was.
 */
export class ProxyAnswerError extends Error {
  override readonly name = "ProxyAnswerError";
  constructor(
    readonly status: number | undefined,
    text: string,
  ) {
    super(text);
  }
}

/** ClickHouse answered, but not in the shape the statement's answer has (text that is not its format). */
export class ClickHouseAnswerError extends Error {
  override readonly name = "ClickHouseAnswerError";
}

/**
 * ClickHouse's exception text, `Code: 60. DB::Exception: <message>. (UNKNOWN_TABLE) (version …)`.
 * A distributed query wraps the remote exception in its own, repeating the markers, so the
 * message is the innermost one, up to the first `(NAME)` after it (a name has three capitals in
 * a row, which `(2)` or `(official build)` do not), without the blank before it. Text of any other shape (a proxy's error
 * page) is a ProxyAnswerError with the answer's `status`, when there was one.
 */
const SERVER_EXCEPTION = /(?:Code|Error): (\d+).*Exception: (.+?)\s*\(((?=[A-Z0-9_]*[A-Z]{3})[A-Z0-9_]+)\)/s;

export function parseServerError(text: string, status?: number): ClickHouseServerError | ProxyAnswerError {
  const match = SERVER_EXCEPTION.exec(text);
  return match === null ? new ProxyAnswerError(status, text) : new ClickHouseServerError(match[1]!, match[3], match[2]!);
}

/**
 * Where an exception starts in the body of an answer whose status said success: a line that
 * begins `Code: N. DB::Exception:` (older servers: `Code: N, e.displayText() = DB::Exception:`),
 * or the `__exception__` marker recent servers put around it. ClickHouse sends its status and
 * headers before a query's result, so an exception raised after they left (a proxy that
 * buffers, `send_progress_in_http_headers`, an error late in an INSERT) can only be written
 * into the body, after whatever rows went first. No row of a statement's answer starts so: a
 * JSONEachRow row starts with `{`, `SELECT 1` answers `1`, and an INSERT answers nothing.
 */
const EXCEPTION_AT_LINE_START = /(?:^|\n)(?:__exception__|Code: \d+[.,] )/;

/**
 * ClickHouse's exception marker wherever it stands, `Code: N. DB::Exception:` or the older
 * `Code: N, e.displayText() = DB::Exception:`: after a status line a proxy or a server wrote on
 * the same line (`Ok. Code: 241. DB::Exception: …`). Looked for only in the answer to an INSERT,
 * which has no rows (empty, or a word such as `Ok.`): in a statement's rows (a column comment of
 * `DESC TABLE`) the same text is data.
 */
const EXCEPTION_ANYWHERE = /Code: \d+(?:\. |, e\.displayText\(\) = )DB::Exception:/;

/** Either marker, whichever comes first: what an INSERT's answer is searched for. */
const EXCEPTION_ANYWHERE_OR_AT_LINE_START = new RegExp(`${EXCEPTION_AT_LINE_START.source}|${EXCEPTION_ANYWHERE.source}`);

/**
 * The exception in the body of a 2xx answer, or `undefined` for a body without one: at a line's
 * start (EXCEPTION_AT_LINE_START) in any answer, and anywhere (EXCEPTION_ANYWHERE) in one that
 * `hasRows` not (an INSERT's). The X-ClickHouse-Summary header is not consulted: an asynchronous
 * insert's summary says `written_rows` 0 although its rows were written when the flush it waited for ran.
 */
export function exceptionInBody(text: string, hasRows = true): ClickHouseServerError | ClickHouseAnswerError | undefined {
  const start = text.search(hasRows ? EXCEPTION_AT_LINE_START : EXCEPTION_ANYWHERE_OR_AT_LINE_START);
  if (start < 0) return undefined;
  const error = parseServerError(text.slice(start));
  return error instanceof ClickHouseServerError
    ? new ClickHouseServerError(error.code, error.type, error.message, true)
    : new ClickHouseAnswerError(`an exception marker without a readable exception after an HTTP 200: ${error.message}`);
}

/**
 * A failed ClickHouse call, as the HTTP answer the sender gets. `rowsRejected` says the rows
 * themselves were refused: retrying them cannot help, so they are dead-lettered, never retried.
 * `knownUnwritten` says no row of the INSERT can be in ClickHouse (it was never sent, or was
 * refused before or as its data was read: `unwrittenBy`); otherwise, after a timeout or a lost
 * connection, the rows may be written, and only a retry under the same token lands them once.
 */
export class ClickHouseFailure extends HttpError {
  constructor(
    status: number,
    message: string,
    retryAfterSeconds: number | undefined,
    readonly rowsRejected: boolean,
    readonly knownUnwritten: boolean,
  ) {
    super(status, message, retryAfterSeconds);
  }
}

/**
 * Whether `error`, what an INSERT that was sent failed with, says that none of its rows were
 * written: ClickHouse refused them as data (a unit, at most a few hundred kilobytes, is one
 * block of the insert, far under `max_insert_block_size`, so a refused row stops it before any
 * part is written), or raised one of BEFORE_DATA_CODES before reading them, or Cloudflare's
 * edge answered for an origin it never reached. A timeout, a lost connection, an unreadable
 * answer or any other proxy page may come after ClickHouse wrote the rows.
 */
function unwrittenBy(error: unknown): boolean {
  if (error instanceof ClickHouseServerError) {
    return ROWS_REJECTED_CODES.has(error.code) || (!error.afterSuccessStatus && BEFORE_DATA_CODES.has(error.code));
  }
  return (
    error instanceof ProxyAnswerError &&
    error.status !== undefined &&
    (ORIGIN_NOT_REACHED_STATUSES.has(error.status) || PROXY_REFUSALS.has(error.status))
  );
}

/**
 * `text` without `database` qualifying the tables it names (`otel.otel_logs`, `` `otel`.`otel_logs` ``):
 * the table says what a sender needs, and the database is the operator's setting.
 */
function withoutDatabase(text: string, database: string): string {
  const name = database.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return text.replace(new RegExp(`(?<![\\w.\`])(?:\`${name}\`|${name})\\.`, "g"), "");
}

/**
 * Which ClickHouse call failed: an INSERT that was sent, a statement made before one (its
 * table's `DESC TABLE`: whatever it failed with, the INSERT was not sent, so its rows are known
 * unwritten), or a query that writes nothing (`SELECT 1` on ping).
 */
export type ClickHouseCall = "insert" | "before insert" | "query";

/**
 * What an answer adds when an INSERT's rows may be in ClickHouse although it failed (a timeout,
 * a connection lost after the body went, an exception that can follow a written part): the
 * server finishes an insert whose answer never came. Whether a retry stores them again depends
 * on its `insert_deduplication_token` (writer.ts). The queue's retries keep it, but a request's
 * answer carries this only when its rows were not queued, so the answer says why and what a
 * resent request has of the token, by its `Idempotency-Key` or a body naming a push of
 * Cloudflare's export (queue/kept-note.ts, `leadOf`; http/app.ts, `deduplicationTokenOf`).
 * ClickHouse drops a copy only within the table's deduplication window
 * (`non_replicated_deduplication_window` in our DDL).
 */
export const MAY_BE_WRITTEN =
  "; the rows may be stored all the same (ClickHouse can write them before such a failure, or finish an insert whose answer never came): " +
  "a retry stores them once only under the same insert_deduplication_token, within the table's deduplication window";

/** What an answer adds when the call that failed came before an INSERT, which was then never sent. */
export const NOT_SENT = "; the INSERT was not sent, so none of its rows are stored";

/**
 * What an answer adds when an INSERT that was sent is known unwritten (`unwrittenBy`): refused
 * before any of its rows were written, so a sender knows a resend cannot store them twice.
 */
export const NONE_STORED = "; it was refused before any of its rows were written, so none of them are stored";

/**
 * A failure only an operator can fix (OPERATOR_FIX_CODES, PROXY_REFUSALS, a proxy's 413 without
 * a queue): a 503 with OPERATOR_FIX_RETRY_AFTER_SECONDS whose message says the kind of failure
 * and the fix, never the refusal's own text: ClickHouse's names the ClickHouse user, the Worker's
 * address or the database, and a proxy's page is the proxy's. That text is `serverText`, for the
 * Worker's log (writer.ts logs it), said by `refusedBy` (`ClickHouse`, `a proxy`).
 */
export class OperatorFixFailure extends ClickHouseFailure {
  constructor(
    message: string,
    readonly serverText: string,
    readonly refusedBy: "ClickHouse" | "a proxy" = "ClickHouse",
  ) {
    super(503, message, OPERATOR_FIX_RETRY_AFTER_SECONDS, false, true);
  }
}

/**
 * Translate a failed ClickHouse call into the HTTP answer the sender gets. With `database`,
 * ClickHouse's message names its tables without it (`withoutDatabase`). Everything that is
 * not the rows' own fault is retryable: a missing table, refused credentials or an outage are
 * ours to fix, and the sender keeping its data until then is what loses nothing. What only an
 * operator can fix is an OperatorFixFailure. A failed `call` of "insert" whose rows are not
 * known unwritten says so (`MAY_BE_WRITTEN`); one "before insert" says its rows are not (`NOT_SENT`).
 */
export function httpErrorForClickHouseFailure(
  error: unknown,
  what: string,
  database?: string,
  call: ClickHouseCall = "insert",
): ClickHouseFailure {
  const knownUnwritten = call === "before insert" || unwrittenBy(error);
  const note = call === "before insert" ? NOT_SENT : call === "insert" ? (knownUnwritten ? NONE_STORED : MAY_BE_WRITTEN) : "";
  const failure = (status: number, message: string) => new ClickHouseFailure(status, message + note, RETRY_AFTER_SECONDS, false, knownUnwritten);
  if (error instanceof ClickHouseServerError) {
    const where = error.afterSuccessStatus ? " (in the body of an HTTP 200 answer)" : "";
    const operatorFix = OPERATOR_FIX_CODES.get(error.code);
    const name = `ClickHouse error ${error.code} (${error.type ?? "unknown"}) ${what}${where}`;
    if (operatorFix !== undefined) {
      const message = `${name}: ${operatorFix.kind}${operatorFixNote(operatorFix.fix)}; ClickHouse's own text is in the Worker's log ${WORKER_LOG_COMMAND}`;
      return new OperatorFixFailure(message + note, error.message);
    }
    const text = database === undefined ? error.message : withoutDatabase(error.message, database);
    const detail = `${name}: ${firstLine(text)}`;
    if (ROWS_REJECTED_CODES.has(error.code)) return new ClickHouseFailure(400, detail, undefined, true, knownUnwritten);
    return failure(OVERLOADED_CODES.has(error.code) ? 429 : 503, detail);
  }
  if (error instanceof ProxyAnswerError) {
    const refusal = error.status === undefined ? undefined : PROXY_REFUSALS.get(error.status);
    if (refusal !== undefined) {
      // The page is the proxy's, not the sender's business: its text goes to the log alone.
      const message = `CLICKHOUSE_URL answered HTTP ${error.status} ${what}, not ClickHouse's answer: ${refusal.kind}${operatorFixNote(refusal.fix)}; the page it answered is in the Worker's log ${WORKER_LOG_COMMAND}`;
      return new OperatorFixFailure(message + note, plainTextOf(error.message), "a proxy");
    }
    const detail = proxyAnswerDetail(error, what);
    // The proxy refused before forwarding, so no row of it is written.
    if (error.status === 413) return new TooLargeForPathFailure(`${detail} ${TOO_LARGE_FOR_PATH}`, detail);
    return failure(502, detail);
  }
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ClickHouseAnswerError) return failure(502, `ClickHouse gave an unreadable answer ${what}: ${firstLine(message)}`);
  // Our own deadlines abort calls, so an abort is a timeout too.
  if (/timeout|timed out|abort/i.test(message) || isTimeoutName(error)) return failure(504, `ClickHouse did not answer in time ${what}`);
  return failure(502, `ClickHouse is unreachable ${what}: ${firstLine(message)}`);
}

/**
 * A proxy in front of ClickHouse refused an INSERT's body as too large (HTTP 413). Retrying the
 * same unit can never succeed, so it is not retryable: the request path cuts such a unit into
 * queue messages when the retry queue is bound, and a unit already of one message's size is
 * dead-lettered (queue/consumer.ts). Without a queue it is the operator's to fix
 * (`withoutQueue`). The proxy refused before forwarding, so no row of it is written. `detail`
 * is what answered, without the reason it is final.
 */
export class TooLargeForPathFailure extends ClickHouseFailure {
  constructor(
    message: string,
    readonly detail: string,
    /** The refused INSERT's body in bytes, once the writer has said (`ofInsertBody`). */
    readonly insertBytes?: number,
  ) {
    super(413, message, undefined, false, true);
  }

  /** The same refusal, knowing the size of the INSERT's body the proxy refused: only the writer knows it. */
  ofInsertBody(bytes: number): TooLargeForPathFailure {
    return new TooLargeForPathFailure(this.message, this.detail, bytes);
  }

  /**
   * The answer when no queue is bound to cut the unit into: an operator-fix 503, for the unit
   * size is the Worker's and the limit the proxy's, neither of which a sender can see or change;
   * it keeps its rows until the limit is raised (docs/decisions.md, 2026-12-03, "A proxy's 413
   * without a queue"). `largestRefusedBytes` is the largest INSERT body of the request the proxy
   * refused (the writer's `ofInsertBody` sizes): a limit of at least that lets a resend of the
   * request through, as nginx refuses only bodies larger than its limit. No size is named for
   * other requests' INSERTs (docs/decisions.md, 2026-12-07): the units are cut by their values
   * as a queue message carries them (`fullUnitBytes`, queue/message.ts DIRECT_UNIT_BYTES, or one
   * row alone when it is bigger), and the JSONEachRow text sent adds the column names to every
   * row, by as much as its rows are many and small, so no bound holds for every table.
   */
  withoutQueue(fullUnitBytes: number, largestRefusedBytes: number | undefined): OperatorFixFailure {
    const bound =
      largestRefusedBytes === undefined
        ? "to take the Worker's INSERT bodies"
        : `to at least ${largestRefusedBytes} bytes, the largest of this request's INSERT bodies it refused`;
    const fix =
      `raises the proxy's body limit (nginx's client_max_body_size) ${bound}; other requests' INSERTs can be bigger: ` +
      `the Worker puts up to ${fullUnitBytes} bytes of row values in an INSERT of several rows (a row alone over that goes in one of its own), ` +
      "and the JSONEachRow text it sends names every column in every row";
    return new OperatorFixFailure(
      `${this.detail} (the INSERT's body is over what the path to ClickHouse takes)${operatorFixNote(fix)}${NONE_STORED}`,
      this.detail,
      "a proxy",
    );
  }
}

/** Why a proxy's 413 is final (`TooLargeForPathFailure`). */
const TOO_LARGE_FOR_PATH = "(the INSERT's body is over what the path to ClickHouse takes; it cannot succeed as it is)";

/**
 * What an answer that was not ClickHouse's (`ProxyAnswerError`) says: what answered, by status
 * and its text without HTML, so an operator looks at the proxy rather than at ClickHouse.
 */
function proxyAnswerDetail(error: ProxyAnswerError, what: string): string {
  const status = error.status === undefined ? "" : ` HTTP ${error.status}`;
  const text = plainTextOf(error.message);
  return `CLICKHOUSE_URL answered${status} ${what}, not ClickHouse's answer: ${text === "" ? "(an empty body)" : text}`;
}

/**
 * An answer's text as one short line without its HTML: the page's `<title>` when it has one
 * (`401 Authorization Required`), else its text with tags, scripts and styles removed, blanks
 * collapsed, cut at 200 characters.
 */
function plainTextOf(text: string): string {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text)?.[1];
  const plain = (title ?? text)
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return plain.length > 200 ? `${plain.slice(0, 200)}…` : plain;
}

/**
 * Whether `error` is ClickHouse refusing a statement for a column the table does not have
 * (NO_SUCH_COLUMN_IN_TABLE): an INSERT whose column list was learnt before the column was dropped.
 */
export function namesAMissingColumn(error: unknown): boolean {
  return error instanceof ClickHouseServerError && error.code === "16";
}

/**
 * Whether `error`, a rejection of `fetch` itself (no byte of an answer was read), says the
 * connection went away under the call: closed or reset by the server or a proxy, the way a
 * keep-alive connection idle past ClickHouse's `keep_alive_timeout` (10 s; 3 s in older
 * releases) ends when the next call is written onto it as it closes. workerd words every such
 * loss `Network connection lost.` (KJ's DISCONNECTED, which it marks `retryable`), and KJ's own
 * text says `Peer disconnected`; Node's sockets say ECONNRESET. A timeout, an abort of ours or
 * any HTTP answer is not one. workerd says the same for a refused connection, so a stopped
 * server gets one more attempt too, which fails as fast.
 */
export function connectionLost(error: unknown): boolean {
  return error instanceof Error && !isTimeoutName(error) && CONNECTION_LOST.test(error.message);
}

const CONNECTION_LOST = /^Network connection lost\.?$|Peer disconnected|ECONNRESET|connection reset/i;

function isTimeoutName(error: unknown): boolean {
  return error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
}

/**
 * The first line of ClickHouse's message, without its "Maybe you meant …" hints (those name
 * other databases and tables on the server, which are none of the sender's business) and with
 * a quoted excerpt of the input cut where its row ends (see INPUT_EXCERPT).
 */
function firstLine(text: string): string {
  const line = (text.split(/\r?\n/, 1)[0] ?? "")
    .replace(/\s*Maybe you meant [^?]*\?\.?/g, "")
    .replace(INPUT_EXCERPT, (_excerpt, opening: string, quoted: string) => `${opening}${rowPartOf(quoted)}'`);
  return line.length > 500 ? `${line.slice(0, 500)}…` : line;
}

/**
 * The input ClickHouse quotes where a parse failed, `before: '<up to 50 characters>'`, escaped
 * (`\n` for a line break): it runs on past the failing row into the next rows of the INSERT,
 * other records' data, which one sender's answer must not carry.
 */
const INPUT_EXCERPT = /(\bbefore: ')((?:[^'\\]|\\.)*)'/g;

/** An excerpt up to the end of its row (the escaped line break), marked `…` where cut. */
function rowPartOf(quoted: string): string {
  const end = quoted.indexOf("\\n");
  return end < 0 ? quoted : `${quoted.slice(0, end)}…`;
}
