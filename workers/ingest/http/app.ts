import { Hono, type Context } from "hono";
import type { Signal } from "../../shared/otlp/model";
import { jsonLogger, type Logger } from "../../shared/log";
import { ConfigError } from "../../shared/env-schema";
import { ServiceOutOfScopeError, UNRESTRICTED_CALLER, type Caller } from "../core/access";
import { OtlpDecodeError } from "../core/decode";
import { encodeExportResponse, encodeStatus } from "../core/encode";
import { RequestTooLargeError } from "../core/limits";
import { prepareExport } from "../core/pipeline";
import { ingestContextFor, type IngestContext } from "../context";
import { writeDurably } from "../queue/durable-write";
import { authenticateBearer } from "./auth";
import { encodingFromContentType, readRequestBody, type OtlpEncoding } from "./body";
import { HttpError, grpcCodeForHttpStatus } from "./errors";
import { requestIdOf } from "./request-id";

type AppEnv = {
  Bindings: Record<string, unknown>;
  Variables: { requestId: string; logger: Logger };
};

const SIGNALS: readonly Signal[] = ["logs", "traces", "metrics"];

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

/** The OTLP/HTTP receiver: routing, auth, body handling and answers. */
export function createIngestApp(options: IngestAppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use(async (c, next) => {
    const requestId = requestIdOf(c.req.raw.headers);
    c.set("requestId", requestId);
    c.set("logger", jsonLogger({ requestId, entrypoint: options.entrypoint }));
    await next();
    c.header("X-Request-Id", requestId);
  });

  app.get("/health", (c) => c.json({ status: "ok" }));

  app.get("/health/deep", async (c) => {
    const context = ingestContextFor(c.env);
    if (options.requireAuth) usablePublicAuth(context);
    await context.writer.ping();
    return c.json({ status: "ok", clickhouse: "ok" });
  });

  for (const signal of SIGNALS) {
    app.post(`/v1/${signal}`, (c) => handleExport(c, signal, options));
    app.all(`/v1/${signal}`, (c) => {
      c.header("Allow", "POST");
      throw new HttpError(405, `method ${c.req.method} is not allowed on /v1/${signal}: use POST`);
    });
  }

  app.notFound((c) =>
    errorResponse(
      c,
      new HttpError(404, `no route for ${c.req.method} ${c.req.path}: OTLP paths are /v1/logs, /v1/traces and /v1/metrics`),
    ),
  );

  app.onError((error, c) => errorResponse(c, error));

  return app;
}

async function handleExport(
  c: Context<AppEnv>,
  signal: Signal,
  options: IngestAppOptions,
): Promise<Response> {
  const started = Date.now();
  const context: IngestContext = ingestContextFor(c.env);
  const caller = options.requireAuth ? await callerOf(c, context, options.entrypoint) : UNRESTRICTED_CALLER;
  const encoding = encodingFromContentType(c.req.header("content-type") ?? null);
  const body = await readRequestBody(c.req.raw, context.config.limits);
  const prepared = prepareExport(signal, encoding, body, context.config.pipeline, receivedAtNanos(), caller);
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
          await deduplicationTokenOf(signal, body, c.req.header("idempotency-key"), caller),
          c.get("logger"),
        );
  // Rows ClickHouse refused as data are parked on the dead-letter queue: not accepted.
  const deadLettered = written?.deadLetteredRows ?? 0;
  const rejected = prepared.rejected + deadLettered;
  c.get("logger").log("info", "export written", {
    signal,
    encoding,
    bytes: body.byteLength,
    accepted: prepared.accepted - deadLettered,
    rejected,
    queued: written?.queuedRows ?? 0,
    // What redaction replaced, by kind: for metrics the only place it is counted, since a
    // metric point's attributes are series identity and get no summary keys.
    redactions: prepared.redactions.count,
    ...(prepared.redactions.count > 0 ? { redactionKinds: kindCounts(prepared.redactions.kinds) } : {}),
    ms: Date.now() - started,
  });
  const answer = encodeExportResponse(
    signal,
    encoding,
    rejected > 0
      ? {
          rejected,
          errorMessage: [
            prepared.rejected > 0 ? prepared.rejectionMessage : "",
            deadLettered > 0 ? `${deadLettered} refused by ClickHouse: ${written?.deadLetterReason ?? ""}` : "",
          ]
            .filter((part) => part.length > 0)
            .join("; "),
        }
      : undefined,
  );
  return new Response(answer.body, {
    status: 200,
    headers: { "Content-Type": answer.contentType },
  });
}

/** The public endpoint's auth settings, or the ConfigError saying what is wrong with them. */
function usablePublicAuth(context: IngestContext) {
  if (context.publicAuth instanceof ConfigError) throw context.publicAuth;
  return context.publicAuth;
}

/** Who is calling the public endpoint; later log lines of the request name its token. */
async function callerOf(c: Context<AppEnv>, context: IngestContext, entrypoint: string): Promise<Caller> {
  const auth = usablePublicAuth(context);
  if (auth.disabled) return UNRESTRICTED_CALLER;
  const caller = await authenticateBearer(c.req.header("authorization") ?? null, auth.tokens);
  c.set("logger", jsonLogger({ requestId: c.get("requestId"), entrypoint, token: caller.tokenName }));
  return caller;
}

function errorResponse(c: Context<AppEnv>, error: unknown): Response {
  const httpError = toHttpError(error);
  const logger = c.get("logger") ?? jsonLogger({});
  logger.log(httpError.status >= 500 ? "error" : "warn", "request refused", {
    status: httpError.status,
    reason: httpError.message,
    path: c.req.path,
  });
  const encoding = responseEncodingFor(c.req.header("content-type") ?? null);
  const status = encodeStatus(encoding, {
    code: grpcCodeForHttpStatus(httpError.status),
    message: httpError.message,
  });
  const headers = new Headers({ "Content-Type": status.contentType });
  const requestId = c.get("requestId");
  if (requestId !== undefined) headers.set("X-Request-Id", requestId);
  if (httpError.retryAfterSeconds !== undefined) {
    headers.set("Retry-After", String(httpError.retryAfterSeconds));
  }
  const allow = c.res.headers.get("Allow");
  if (allow !== null) headers.set("Allow", allow);
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

/** Seconds to wait after a configuration error: an operator has to act first. */
const MISCONFIGURED_RETRY_AFTER_SECONDS = 60;

export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  // A bad setting is ours to fix, not the sender's: it keeps its data and retries.
  if (error instanceof ConfigError) {
    return new HttpError(503, error.message, MISCONFIGURED_RETRY_AFTER_SECONDS);
  }
  if (error instanceof ServiceOutOfScopeError) return new HttpError(403, error.message);
  // Checked first: a request over a count limit is a decode error the sender fixes by splitting.
  if (error instanceof RequestTooLargeError) return new HttpError(413, error.message);
  if (error instanceof OtlpDecodeError) return new HttpError(400, error.message);
  return new HttpError(
    500,
    `internal error: ${error instanceof Error ? error.message : String(error)}`,
  );
}

function receivedAtNanos(): string {
  return `${Date.now()}000000`;
}

/**
 * The request's insert deduplication token. With an `Idempotency-Key` header (the tail Worker
 * sends one, the same on each of its retries) the token is the same for the same key and body,
 * so a retry of a request whose answer was lost does not write its rows twice. Without one the
 * token is new for every request: two different exports can have identical bytes (a Worker's
 * clock stands still between I/O, so concurrent invocations emit the same metric points) and
 * both must land. Either way the token stays fixed for this request's own retries through the
 * queue.
 */
async function deduplicationTokenOf(
  signal: Signal,
  body: Uint8Array,
  idempotencyKey: string | undefined,
  caller: Caller,
): Promise<string> {
  if (idempotencyKey === undefined || idempotencyKey.trim() === "") {
    return `${signal}-${crypto.randomUUID().replaceAll("-", "")}`;
  }
  const scope = caller.tokenName === undefined ? "" : `${caller.tokenName}\n`;
  const key = new TextEncoder().encode(`${scope}${idempotencyKey.trim()}\n`);
  const keyed = new Uint8Array(key.byteLength + body.byteLength);
  keyed.set(key);
  keyed.set(body, key.byteLength);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", keyed));
  let hex = signal;
  for (let i = 0; i < 16; i++) hex += digest[i]!.toString(16).padStart(2, "0");
  return hex;
}

/** `{ email: 2, ipv4: 1 }` → `"email:2,ipv4:1"`: log fields are flat. */
function kindCounts(kinds: Record<string, number>): string {
  return Object.entries(kinds)
    .map(([kind, count]) => `${kind}:${count}`)
    .join(",");
}
