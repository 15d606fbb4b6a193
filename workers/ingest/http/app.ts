import type { ExecutionContext } from "hono";
import { Hono } from "./hono-app";
import { SIGNALS, type Signal } from "../../shared/otlp/model";
import { jsonLogger, type Logger } from "../../shared/log";
import { ConfigError } from "../../shared/env-schema";
import { DEAD_LETTERED_PHRASE } from "../../shared/ingest-answers";
import { ServiceOutOfScopeError, UNRESTRICTED_CALLER, type Caller } from "../core/access";
import { OtlpDecodeError } from "../core/decode";
import { encodeExportResponse, encodeStatus } from "../core/encode";
import { prepareExport, type ExportTarget } from "../core/pipeline";
import { LOG_COLUMNS } from "../core/rows";
import { ingestContextFor, publicCorsFor, publicIngestContextFor, publicSettingsError, type IngestContext } from "../context";
import { keptUnderKey, keptValuesWarning } from "../clickhouse/absent-columns";
import { operatorFixNote } from "../clickhouse/errors";
import { writeDurably, type QueuedTally, type WriteOutcome } from "../queue/durable-write";
import type { RequestToken } from "../queue/kept-note";
import { authenticateBearer } from "./auth";
import { isPreflight, preflightResponse, withCorsHeaders } from "./cors";
import { encodingFromContentType, readRequestBody, refuseBlankJson, type OtlpEncoding } from "./body";
import { declaredCharset, utf8Body } from "./charset";
import { HttpError, OPERATOR_FIX_RETRY_AFTER_SECONDS, UnauthorizedError, WORKER_LOG_COMMAND, grpcCodeForHttpStatus } from "./errors";
import { requestIdOf } from "./request-id";
import { noRouteMessage } from "./route-hint";
import { exceptionFrame, exceptionName } from "../../shared/exception-description";

type AppEnv = {
  Bindings: Record<string, unknown>;
  Variables: { log: RequestLog };
};

export interface IngestAppOptions {
  /**
   * Whether callers must present a bearer token, and so whether the public endpoint's auth
   * settings apply at all. The public entrypoint does; the tail Worker's service-binding
   * entrypoint does not, because nothing outside the account can reach a named entrypoint,
   * and so no token setting (missing, malformed) can refuse it.
   */
  requireAuth: boolean;
  /** Label for this entrypoint in the Worker's own logs. */
  entrypoint: string;
}

/** A Worker's fetch handler: what `createIngestApp` returns. */
export interface IngestApp {
  fetch(request: Request, env: Record<string, unknown>, ctx?: ExecutionContext): Response | Promise<Response>;
}

/** What one request's log lines carry; the caller's token name joins once it is known. */
interface RequestLog {
  requestId: string;
  logger: Logger;
  /**
   * What of an export the retry queue took (durable-write.ts): its line says so whether it is
   * `export written` or `request refused`, for a refusal after a send leaves those rows to land.
   */
  queued: QueuedTally;
}

const EXPORT_PATHS: ReadonlyMap<string, Signal> = new Map(SIGNALS.map((signal) => [`/v1/${signal}`, signal]));

/**
 * The signal of an OTLP export request (`POST /v1/logs`, `/v1/traces`, `/v1/metrics`, the path
 * exactly as sent, any query ignored), else `undefined`. It reads the URL string as hono's
 * router does, without parsing it into a URL object. A path with percent-escapes is not one of
 * these three strings, so it goes through hono, which decodes it, exactly as before.
 */
export function exportSignalOf(request: Request): Signal | undefined {
  if (request.method !== "POST") return undefined;
  const url = request.url;
  const start = url.indexOf("/", url.indexOf(":") + 3);
  if (start === -1) return undefined;
  let end = url.indexOf("?", start);
  if (end === -1) end = url.length;
  const hash = url.indexOf("#", start);
  if (hash !== -1 && hash < end) end = hash;
  return EXPORT_PATHS.get(url.slice(start, end));
}

/**
 * The OTLP/HTTP receiver: routing, auth, body handling and answers. Exports, nearly every
 * request, are dispatched before hono: its per-request context, middleware chain and the copy
 * of the answer made to set a header after the handler cost about 65 µs of a small request
 * in workerd (docs/decisions.md, 2026-12-01). Everything else (health checks, wrong methods,
 * unknown paths) goes through hono, with the same request id, log lines and error answers.
 */
export function createIngestApp(options: IngestAppOptions): IngestApp {
  // Built on the first request that is no export: an isolate that only receives exports never
  // pays for hono's app and routes, and neither does its start (cold start).
  let router: Hono<AppEnv> | undefined;
  const dispatch = (request: Request, env: Record<string, unknown>, ctx?: ExecutionContext) => {
    const signal = exportSignalOf(request);
    if (signal === undefined) return (router ??= createRouter(options)).fetch(request, env, ctx);
    return exportRequest(request, env, signal, options);
  };
  if (!options.requireAuth) return { fetch: dispatch };
  return {
    // The public endpoint answers browsers too (cors.ts), around every route as the Collector's
    // receiver does; with CORS off, the default, requests go straight through.
    fetch(request, env, ctx) {
      const cors = publicCorsFor(env);
      if (cors === undefined) return dispatch(request, env, ctx);
      if (cors instanceof ConfigError) {
        return errorResponse(request, new URL(request.url).pathname, requestLogOf(request, options), publicSettingsError(env) ?? cors);
      }
      if (isPreflight(request)) return preflightResponse(request, cors);
      return Promise.resolve(dispatch(request, env, ctx)).then((response) => withCorsHeaders(request, response, cors));
    },
  };
}

/** Every route but the exports' POST. */
function createRouter(options: IngestAppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use(async (c, next) => {
    const log = requestLogOf(c.req.raw, options);
    c.set("log", log);
    await next();
    c.header("X-Request-Id", log.requestId);
  });

  app.get("/health", (c) => c.json({ status: "ok" }));

  app.get("/health/deep", async (c) => {
    const context = contextFor(c.env, options);
    if (options.requireAuth) usablePublicAuth(context);
    const missing = await context.writer.missingTables(c.get("log").logger);
    if (missing.length > 0) throw tablesMissing(missing);
    return c.json({ status: "ok", clickhouse: "ok" });
  });

  for (const signal of SIGNALS) {
    // A POST with this exact path never gets here; one with an escaped path (`/v1/%6Cogs`) does.
    app.post(`/v1/${signal}`, (c) => handleExport(c.req.raw, c.env, signal, options, c.get("log")));
    app.all(`/v1/${signal}`, (c) => {
      c.header("Allow", "POST");
      throw new HttpError(405, `method ${c.req.method} is not allowed on /v1/${signal}: use POST`);
    });
  }

  app.notFound((c) =>
    errorResponse(
      c.req.raw,
      c.req.path,
      c.get("log"),
      new HttpError(404, noRouteMessage(c.req.method, c.req.path)),
    ),
  );

  app.onError((error, c) =>
    errorResponse(
      c.req.raw,
      c.req.path,
      c.get("log") ?? {},
      error,
      c.res.headers.get("Allow"),
    ),
  );

  return app;
}

/**
 * The deep health check's answer when ClickHouse answers but lacks tables the Worker writes:
 * every export into them fails until the operator acts, so the check fails as they would.
 */
function tablesMissing(missing: readonly string[]): HttpError {
  return new HttpError(
    503,
    `ClickHouse answers, but ${missing.length === 1 ? "table" : "tables"} ${missing.join(", ")} ` +
      `the Worker writes ${missing.length === 1 ? "is" : "are"} missing from CLICKHOUSE_DATABASE or not visible to its user, so exports into ` +
      `${missing.length === 1 ? "it" : "them"} fail${operatorFixNote(`applies the schema (\`npm run schema -- apply\`) or grants the user access`)}`,
    OPERATOR_FIX_RETRY_AFTER_SECONDS,
  );
}

/** The request's id (request-id.ts) and a logger that stamps it and the entrypoint on each line. */
function requestLogOf(request: Request, options: IngestAppOptions): RequestLog {
  const requestId = requestIdOf(request.headers);
  return { requestId, logger: jsonLogger({ requestId, entrypoint: options.entrypoint }), queued: { rows: 0, messages: 0 } };
}

/** An export request, its errors answered as hono's onError answers them. */
async function exportRequest(
  request: Request,
  env: Record<string, unknown>,
  signal: Signal,
  options: IngestAppOptions,
): Promise<Response> {
  const log = requestLogOf(request, options);
  try {
    return await handleExport(request, env, signal, options, log);
  } catch (error) {
    return errorResponse(request, `/v1/${signal}`, log, error);
  }
}

/** Decodes, writes and answers one export; throws what `errorResponse` answers. */
async function handleExport(
  request: Request,
  env: Record<string, unknown>,
  signal: Signal,
  options: IngestAppOptions,
  log: RequestLog,
): Promise<Response> {
  const started = Date.now();
  const context = contextFor(env, options);
  const caller = options.requireAuth ? await callerOf(request, context, options.entrypoint, log) : UNRESTRICTED_CALLER;
  const contentType = request.headers.get("content-type");
  const encoding = encodingFromContentType(contentType);
  // Inflated first, then read in the charset declared: the rest reads UTF-8 only (charset.ts).
  const charset = encoding === "json" ? declaredCharset(contentType) : undefined;
  const body = utf8Body(await readRequestBody(request, context.config.limits), charset, context.config.limits.maxDecompressedBytes);
  refuseBlankJson(encoding, body);
  // A table plan learnt before the limits run, when the rows depend on it (logsTarget).
  const planned = signal === "logs" ? await logsTarget(context, log.logger) : { target: {} };
  const prepared = prepareExport(signal, encoding, body, context.config.pipeline, receivedAtNanos(), caller, planned.target);
  const written =
    prepared.batches.length === 0
      ? undefined
      : await writeDurably(
          context,
          prepared.batches.map((batch) => ({
            table: context.config.clickhouse.tables[batch.kind],
            columns: batch.columns,
            rows: batch.rows,
          })),
          await deduplicationTokenOf(signal, body, request.headers.get("idempotency-key") ?? undefined, prepared.uniqueBody, caller),
          log.logger,
          log.queued,
          planned.directDeadline,
        );
  // Rows ClickHouse refused as data are parked on the dead-letter queue, or refused when there
  // is none: not accepted either way.
  const deadLettered = written?.deadLetteredRows ?? 0;
  const refused = written?.refusedRows ?? 0;
  const rejected = prepared.rejected + deadLettered + refused;
  // What was accepted but not stored as sent: the request's own, and what the tables lacked.
  const warning = [prepared.warning, keptValuesWarning(written?.keptElsewhere ?? [])].filter((part) => part.length > 0).join("; ");
  const errorMessage = [
    prepared.rejected > 0 ? prepared.rejectionMessage : "",
    deadLettered > 0 ? `${deadLettered} ${DEAD_LETTERED_PHRASE}: ${written?.deadLetterReason ?? ""}` : "",
    refused > 0 ? refusedMessage(refused, written!, log.queued) : "",
    warning,
  ]
    .filter((part) => part.length > 0)
    .join("; ");
  const failed = prepared.redactions.failed;
  if (failed !== undefined) {
    // A fault of ours (a detector's bug): the texts are hidden whole and stored so; the
    // operator is told where, and by what, never the text (failures.ts).
    log.logger.log("error", "redaction failed", { signal, texts: failed.count, ...failed.first });
  }
  log.logger.log("info", "export written", {
    signal,
    encoding,
    bytes: body.byteLength,
    accepted: prepared.accepted - deadLettered - refused,
    rejected,
    ...queuedFields(log.queued),
    // What redaction replaced, by kind: for metrics the only place it is counted, since a
    // metric point's attributes are series identity and get no summary keys.
    redactions: prepared.redactions.count,
    ...(prepared.redactions.count > 0 ? { redactionKinds: kindCounts(prepared.redactions.kinds) } : {}),
    ...(warning === "" ? {} : { warning }),
    ms: Date.now() - started,
  });
  // A partial success with rejected 0 and a message is OTLP's warning: all accepted, not all
  // stored as sent (otlp.md, "Partial Success").
  const answer = encodeExportResponse(signal, encoding, errorMessage === "" && rejected === 0 ? undefined : { rejected, errorMessage });
  return new Response(answer.body, {
    status: 200,
    headers: { "Content-Type": answer.contentType, "X-Request-Id": log.requestId },
  });
}

/**
 * A partial success's account of `refused` rows ClickHouse refused as data that nothing could
 * keep (`written.refusedNotKept` says why): lost unless the sender acts; the rest is stored.
 */
function refusedMessage(refused: number, written: WriteOutcome, queued: QueuedTally): string {
  const rest = queued.rows > 0 ? "stored or queued for a retry" : "stored";
  return `${refused} refused by ClickHouse and not stored (${written.refusedNotKept ?? ""}): ${written.refusedReason ?? ""}; the request's other records are ${rest}`;
}

/**
 * What the logs table changes of the rows, for the attribute limits: without an EventName column
 * a record's event name is stored as an attribute (absent-columns.ts), which the limits must
 * count. The table's plan is the isolate's when it has one; the first request of an isolate with
 * `WRITE_MODE=direct` learns it, within the direct write's time (`directDeadline`, passed on to
 * the write: the plan is learnt once). With `WRITE_MODE=queue` the request never asks
 * ClickHouse, so until the isolate has written the table the consumer moves event names unlimited.
 */
async function logsTarget(context: IngestContext, logger: Logger): Promise<{ target: ExportTarget; directDeadline?: number }> {
  const rows = { table: context.config.clickhouse.tables.logs, columns: LOG_COLUMNS };
  let plan = context.writer.planKnown(rows);
  let directDeadline: number | undefined;
  if (plan === undefined && context.config.durability.writeMode === "direct") {
    directDeadline = Date.now() + context.config.durability.directWriteTimeoutMs;
    // A failure here is the write's to answer: it asks again, within the same time.
    plan = await context.writer.planFor(rows, directDeadline, logger).catch(() => undefined);
  }
  const key = plan === undefined ? undefined : keptUnderKey(plan, LOG_COLUMNS, "EventName");
  return { target: key === undefined ? {} : { eventNameKey: key }, ...(directDeadline === undefined ? {} : { directDeadline }) };
}

/** The isolate's context; for a public request, a bad setting's error names the public endpoint's too. */
function contextFor(env: Record<string, unknown>, options: IngestAppOptions): IngestContext {
  return options.requireAuth ? publicIngestContextFor(env) : ingestContextFor(env);
}

/** The public endpoint's auth settings, or the ConfigError saying what is wrong with them. */
function usablePublicAuth(context: IngestContext) {
  if (context.publicAuth instanceof ConfigError) throw context.publicAuth;
  return context.publicAuth;
}

/** Who is calling the public endpoint; later log lines of the request name its token. */
async function callerOf(request: Request, context: IngestContext, entrypoint: string, log: RequestLog): Promise<Caller> {
  const auth = usablePublicAuth(context);
  if (auth.disabled) return UNRESTRICTED_CALLER;
  const caller = await authenticateBearer(request.headers.get("authorization"), auth.tokens);
  log.logger = jsonLogger({ requestId: log.requestId, entrypoint, token: caller.tokenName });
  return caller;
}

/**
 * An export's line's account of what the retry queue took of it (`queued` rows, `queued_messages`):
 * the consumer settles the messages one by one; all settled, nothing more of the export lands.
 */
function queuedFields(queued: QueuedTally): { queued: number; queued_messages: number } {
  return { queued: queued.rows, queued_messages: queued.messages };
}

/**
 * The answer to a refused request: `google.rpc.Status` in the request's encoding with its
 * request id, Retry-After when retryable, `allow` (a 405's) as the Allow header and a 401's
 * challenge as WWW-Authenticate; logged as
 * "request refused" with the request's `path` as routed, and for an export (`POST /v1/…`) what
 * the retry queue took of it before the refusal (`queuedFields`), which lands all the same.
 */
function errorResponse(request: Request, path: string, log: Partial<RequestLog>, error: unknown, allow?: string | null): Response {
  const httpError = toHttpError(error, log.requestId);
  const logger = log.logger ?? jsonLogger({});
  logger.log(httpError.status >= 500 ? "error" : "warn", "request refused", {
    status: httpError.status,
    reason: logReasonOf(error, httpError),
    path,
    ...(log.queued !== undefined && request.method === "POST" && EXPORT_PATHS.has(path) ? queuedFields(log.queued) : {}),
  });
  const encoding = responseEncodingFor(request.headers.get("content-type"));
  const status = encodeStatus(encoding, {
    code: grpcCodeForHttpStatus(httpError.status),
    message: httpError.message,
  });
  const headers = new Headers({ "Content-Type": status.contentType });
  if (log.requestId !== undefined) headers.set("X-Request-Id", log.requestId);
  if (httpError.retryAfterSeconds !== undefined) {
    headers.set("Retry-After", String(httpError.retryAfterSeconds));
  }
  if (allow !== undefined && allow !== null) headers.set("Allow", allow);
  if (httpError instanceof UnauthorizedError) headers.set("WWW-Authenticate", httpError.challenge);
  return new Response(status.body, { status: httpError.status, headers });
}

/** Errors answer in the request's encoding when it has one we speak, else in JSON. */
function responseEncodingFor(contentType: string | null): OtlpEncoding {
  try {
    return encodingFromContentType(contentType);
  } catch {
    return "json";
  }
}

/** ` (request id …)`, or nothing without one: what lets the operator find the answer's log lines. */
function requestIdNote(requestId: string | undefined): string {
  return requestId === undefined ? "" : ` (request id ${requestId})`;
}

/**
 * What a caller is told of a bad setting: only that there is one and where it is named. The
 * ConfigError's own message shows setting values (a ClickHouse host, database and user, CORS
 * origins, limits) and goes to the Worker's log alone: an unauthenticated caller meets it first,
 * for settings are read before any token is checked.
 */
function misconfiguredMessage(requestId: string | undefined): string {
  return `the deco-otel-ingest Worker is misconfigured: its log ${WORKER_LOG_COMMAND} names the problem${requestIdNote(requestId)}`;
}

/** What the log line of a refused request says: a bad setting's whole message, else the answer's. */
export function logReasonOf(error: unknown, httpError: HttpError): string {
  return error instanceof ConfigError ? error.message : httpError.message;
}

/**
 * The answer to `error`: its status, message (a bad setting's as misconfiguredMessage) and wait.
 * An answer with OPERATOR_FIX_RETRY_AFTER_SECONDS (a bad setting, ClickHouse refusing the
 * Worker's credentials, grants or schema) ends with `requestId`.
 */
export function toHttpError(error: unknown, requestId?: string): HttpError {
  // An answer only an operator's fix changes names the request, for its log lines say more.
  if (error instanceof HttpError) {
    return error.retryAfterSeconds === OPERATOR_FIX_RETRY_AFTER_SECONDS && requestId !== undefined
      ? new HttpError(error.status, error.message + requestIdNote(requestId), error.retryAfterSeconds)
      : error;
  }
  // A bad setting is ours to fix, not the sender's: it keeps its data and retries.
  if (error instanceof ConfigError) {
    return new HttpError(503, misconfiguredMessage(requestId), OPERATOR_FIX_RETRY_AFTER_SECONDS);
  }
  if (error instanceof ServiceOutOfScopeError) return new HttpError(403, error.message);
  if (error instanceof OtlpDecodeError) return new HttpError(400, error.message);
  // Its message is not shown: a bug's exception may quote the request's data (exception-description.ts).
  const frame = exceptionFrame(error);
  return new HttpError(500, `internal error: ${exceptionName(error)}${frame === "" ? "" : ` ${frame}`} (a fault of this endpoint${requestId === undefined ? "" : `, request id ${requestId}`}; its message is not shown, for it may quote the request's data)`);
}

function receivedAtNanos(): string {
  return `${Date.now()}000000`;
}

/**
 * The request's insert deduplication token, and what it was made from (for the answer to a
 * failure, which says what a resend stores again). With an `Idempotency-Key` header (the tail Worker
 * sends one, the same on each of its retries) the token is the same for the same key and body,
 * so a retry of a request whose answer was lost does not write its rows twice. Without one it is
 * the same for the same body only when the body is `unique` (PreparedExport's `uniqueBody`: it
 * names an invocation of Cloudflare's export, which no other export can), so Cloudflare's
 * export resent after a failed or unanswered push lands once. Otherwise the token is new for
 * every request: two different exports can have identical bytes (a Worker's clock stands still
 * between I/O, so concurrent invocations emit the same metric points and log lines) and both
 * must land. Either way the token stays fixed for this request's own retries through the
 * queue. `body` is the inflated body, so a resend compressed otherwise still matches; the
 * caller's token name is part of a derived token, so two callers' tokens never meet.
 */
async function deduplicationTokenOf(
  signal: Signal,
  body: Uint8Array,
  idempotencyKey: string | undefined,
  unique: boolean,
  caller: Caller,
): Promise<RequestToken> {
  const key = idempotencyKey?.trim() ?? "";
  if (key === "" && !unique) return { value: `${signal}-${crypto.randomUUID().replaceAll("-", "")}`, resend: "new" };
  const scope = caller.tokenName === undefined ? "" : `${caller.tokenName}\n`;
  // A body's own token and a key's never meet: a key line is never empty.
  const prefix = new TextEncoder().encode(`${scope}${key}\n`);
  const keyed = new Uint8Array(prefix.byteLength + body.byteLength);
  keyed.set(prefix);
  keyed.set(body, prefix.byteLength);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", keyed));
  let hex = signal;
  for (let i = 0; i < 16; i++) hex += digest[i]!.toString(16).padStart(2, "0");
  return { value: hex, resend: key === "" ? "unique body" : "idempotency key" };
}

/** `{ email: 2, ipv4: 1 }` → `"email:2,ipv4:1"`: log fields are flat. */
function kindCounts(kinds: Record<string, number>): string {
  return Object.entries(kinds)
    .map(([kind, count]) => `${kind}:${count}`)
    .join(",");
}
