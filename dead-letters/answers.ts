/**
 * The shapes of the ingest Worker's /admin/dead-letters answers (workers/ingest/queue/
 * dead-letter-store.ts and replay.ts), checked before the command reads them: a 200 from
 * something else at the URL (a proxy's `{}`, an older Worker, a login page served as JSON)
 * must fail with what was wrong, not with a TypeError deep in the report.
 */
import * as z from "zod/mini";
import type { DeadLetterKind, DeadLetterSummary } from "../workers/ingest/queue/dead-letter-store";
import type { ReplayPage } from "../workers/ingest/queue/replay";

const count = z.int().check(z.minimum(0));

const kindSummary = z.object({
  batches: count,
  rows: count,
  groups: z.array(z.object({ table: z.string(), reason: z.string(), batches: count, rows: count })),
});

const summary: z.ZodMiniType<DeadLetterSummary> = z.object({
  undelivered: kindSummary,
  refused: kindSummary,
  unreadableMessages: count,
});

const failure = z.object({ key: z.string(), reason: z.string() });

const replayPage: z.ZodMiniType<ReplayPage> = z.object({
  kind: z.enum(["undelivered", "refused"]),
  replayedBatches: count,
  replayedRows: count,
  refused: z.array(failure),
  unreadable: z.array(failure),
  stopped: z.optional(failure),
  next: z.optional(z.string().check(z.minLength(1))),
});

/** What was wrong with an answer, as one line. */
export class AnswerShapeError extends Error {
  override name = "AnswerShapeError";
}

function parsed<T>(schema: z.ZodMiniType<T>, value: unknown, what: string): T {
  const result = z.safeParse(schema, value);
  if (result.success) return result.data;
  const issues = result.error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length === 0 ? "the answer" : issue.path.join(".");
    // zod/mini's own message is "Invalid input": the issue's details say what was wrong.
    if (issue.code === "invalid_type") return `${where}: expected ${issue.expected}`;
    if (issue.code === "invalid_value") return `${where}: expected one of ${issue.values.map((value) => JSON.stringify(value)).join(", ")}`;
    if (issue.code === "too_small") return `${where}: expected at least ${String(issue.minimum)}${issue.origin === "string" ? " characters" : ""}`;
    return `${where}: ${issue.message}`;
  });
  throw new AnswerShapeError(`not ${what} (${issues.join("; ")}${result.error.issues.length > 3 ? "; …" : ""})`);
}

/**
 * GET /admin/dead-letters' answer, parsed JSON in, the summary out.
 *
 * @throws AnswerShapeError naming the first fields that are missing or of the wrong type.
 */
export function deadLetterSummaryOf(value: unknown): DeadLetterSummary {
  return parsed(summary, value, "the Worker's dead-letter summary");
}

/**
 * One POST /admin/dead-letters/replay answer for `kind`, parsed JSON in, the page out.
 *
 * @throws AnswerShapeError for a missing or mistyped field, a page of another kind, or a `next`
 *   key equal to `after` (the walk would ask for the same page forever).
 */
export function replayPageOf(value: unknown, kind: DeadLetterKind, after: string | undefined): ReplayPage {
  const page = parsed(replayPage, value, "the Worker's replay page");
  if (page.kind !== kind) throw new AnswerShapeError(`a replay page of kind ${page.kind}, asked for ${kind}`);
  if (page.next !== undefined && page.next === after) {
    throw new AnswerShapeError(`a replay page whose next key is the one it was asked to start after (${JSON.stringify(after)}): the replay would not move on`);
  }
  return page;
}
