/**
 * The operator's routes, on the public hostname but behind a token of their own (`ADMIN_TOKEN`),
 * never one of the producers' `INGEST_TOKENS`: a producer's token must not read or replay
 * other producers' rows. Without `ADMIN_TOKEN` every /admin route answers 404.
 *
 *   GET  /admin/dead-letters          counts of kept dead batches by kind, table and reason
 *   POST /admin/dead-letters/replay   replays one page: ?kind=undelivered|refused&after=KEY&limit=N
 *
 * Answers are JSON; errors are `{"error": "..."}` with the status the OTLP routes would use.
 */
import { Hono } from "./hono-app";
import { jsonLogger } from "../../shared/log";
import { ingestContextFor, type IngestContext } from "../context";
import { DEAD_LETTER_BUCKET_BINDING, type DeadLetterBucket } from "../queue/bindings";
import { DEAD_LETTER_KINDS, summarizeDeadLetters, type DeadLetterKind } from "../queue/dead-letter-store";
import { replayDeadLetters } from "../queue/replay";
import { ConfigError } from "../../shared/env-schema";
import { logReasonOf, toHttpError } from "./app";
import { authenticateBearer } from "./auth";
import { HttpError, UnauthorizedError } from "./errors";

/**
 * Batches one replay call takes at most: three subrequests each (get, insert, delete), plus the
 * listing and a table plan, stays under the 50 subrequests a Workers Free invocation may make.
 */
export const MAX_REPLAY_PAGE = 15;

export const ADMIN_PATH_PREFIX = "/admin/";

type AdminEnv = { Bindings: Record<string, unknown>; Variables: { context: IngestContext } };

export function createAdminApp(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.use(async (c, next) => {
    const context = ingestContextFor(c.env);
    const token = context.config.admin.token;
    if (token === undefined) throw new HttpError(404, "the admin routes are off: set the ADMIN_TOKEN secret to use them");
    await authenticateBearer(c.req.header("authorization") ?? null, [{ name: "admin", secret: token, services: undefined }]);
    c.set("context", context);
    await next();
  });

  app.get("/admin/dead-letters", async (c) => c.json(await summarizeDeadLetters(bucketOf(c.get("context")))));

  app.post("/admin/dead-letters/replay", async (c) => {
    const context = c.get("context");
    const after = c.req.query("after");
    const page = await replayDeadLetters(
      bucketOf(context),
      context.writer,
      { kind: kindParameter(c.req.query("kind")), limit: limitParameter(c.req.query("limit")), ...(after ? { after } : {}) },
      jsonLogger({ entrypoint: "admin" }),
    );
    return c.json(page);
  });

  app.notFound((c) =>
    c.json({ error: `no route for ${c.req.method} ${c.req.path}: GET /admin/dead-letters, POST /admin/dead-letters/replay` }, 404),
  );

  app.onError((error, c) => {
    const httpError = toHttpError(error);
    // Only a bad setting is logged: the operator reads the answer to anything else.
    if (error instanceof ConfigError) {
      jsonLogger({ entrypoint: "admin" }).log("error", "request refused", { status: 503, reason: logReasonOf(error, httpError), path: c.req.path });
    }
    if (httpError.retryAfterSeconds !== undefined) c.header("Retry-After", String(httpError.retryAfterSeconds));
    if (httpError instanceof UnauthorizedError) c.header("WWW-Authenticate", httpError.challenge);
    return c.json({ error: httpError.message }, httpError.status as 400);
  });

  return app;
}

function bucketOf(context: IngestContext): DeadLetterBucket {
  const bucket = context.queues.deadLetterBucket;
  if (bucket === undefined) {
    throw new HttpError(
      503,
      `no dead-letter bucket is bound: add the ${DEAD_LETTER_BUCKET_BINDING} R2 binding (r2_buckets in wrangler.ingest.jsonc)`,
    );
  }
  return bucket;
}

function kindParameter(value: string | undefined): DeadLetterKind {
  const kind = value ?? "undelivered";
  if (!(DEAD_LETTER_KINDS as readonly string[]).includes(kind)) {
    throw new HttpError(400, `kind must be ${DEAD_LETTER_KINDS.join(" or ")}, got ${JSON.stringify(kind)}`);
  }
  return kind as DeadLetterKind;
}

function limitParameter(value: string | undefined): number {
  if (value === undefined) return MAX_REPLAY_PAGE;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_REPLAY_PAGE) {
    throw new HttpError(400, `limit must be an integer from 1 to ${MAX_REPLAY_PAGE}, got ${JSON.stringify(value)}`);
  }
  return limit;
}
