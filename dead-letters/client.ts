/**
 * The operator's side of the ingest Worker's /admin/dead-letters routes: a listing, and a
 * replay that walks every page of a kind until it is done or ClickHouse stops taking batches.
 * Shapes are the Worker's own (workers/ingest/queue/dead-letter-store.ts and replay.ts), checked
 * by ./answers before anything reads them.
 */
import type { DeadLetterKind, DeadLetterSummary } from "../workers/ingest/queue/dead-letter-store";
import type { ReplayPage } from "../workers/ingest/queue/replay";
import { messageWithCauses } from "../cli/error-causes";
import { AnswerShapeError, deadLetterSummaryOf, replayPageOf } from "./answers";

export interface AdminTarget {
  /** The ingest Worker's origin, e.g. https://deco-otel-ingest.example.workers.dev */
  url: string;
  /** Its ADMIN_TOKEN. */
  token: string;
  fetch?: typeof fetch;
  /** How long to wait for an answer, in ms (default ANSWER_TIMEOUT_MS). */
  timeoutMs?: number;
}

/**
 * 5 minutes. A replay page is at most 15 batches and stops at the first one ClickHouse does not
 * take, so it spends at most one CLICKHOUSE_TIMEOUT_MS (10 s by default, 120 s at most) waiting
 * on ClickHouse besides its inserts; a connection silent for longer is not coming back. A page
 * cut short is safe to replay again: what it wrote is dropped by ClickHouse's deduplication.
 */
export const ANSWER_TIMEOUT_MS = 300_000;

/**
 * Anything but the Worker's own 200 answer, as one line naming the method and URL: a refused or
 * broken connection (with its cause), a redirect, another status with the Worker's message, a
 * body that is not JSON, or JSON of another shape.
 */
export class AdminError extends Error {
  override name = "AdminError";
}

/** GET /admin/dead-letters. @throws AdminError */
export function listDeadLetters(target: AdminTarget): Promise<DeadLetterSummary> {
  return call(target, "GET", "/admin/dead-letters", deadLetterSummaryOf);
}

/** Every page of one kind, added up. */
export type KindReplay = Omit<ReplayPage, "next">;

/**
 * Replays the `undelivered` batches, then, with `includeRefused`, the `refused` ones. Stops at
 * the first batch ClickHouse could not take (it stays kept, to replay again later).
 *
 * @throws AdminError as soon as one page's answer is not the Worker's (the pages before it are
 *   replayed and deleted; running replay again goes on from what is left).
 */
export async function replayDeadLetters(target: AdminTarget, includeRefused: boolean): Promise<KindReplay[]> {
  const kinds: DeadLetterKind[] = includeRefused ? ["undelivered", "refused"] : ["undelivered"];
  const results: KindReplay[] = [];
  for (const kind of kinds) {
    const result: KindReplay = { kind, replayedBatches: 0, replayedRows: 0, refused: [], unreadable: [] };
    results.push(result);
    let after: string | undefined;
    do {
      const query = new URLSearchParams({ kind, ...(after === undefined ? {} : { after }) });
      const asked = after;
      const page = await call(target, "POST", `/admin/dead-letters/replay?${query}`, (value) => replayPageOf(value, kind, asked));
      result.replayedBatches += page.replayedBatches;
      result.replayedRows += page.replayedRows;
      result.refused.push(...page.refused);
      result.unreadable.push(...page.unreadable);
      if (page.stopped !== undefined) {
        result.stopped = page.stopped;
        return results;
      }
      after = page.next;
    } while (after !== undefined);
  }
  return results;
}

/** Characters of a body quoted in an error: enough to recognise a login page or a proxy's message. */
const QUOTED_BODY = 200;

async function call<T>(target: AdminTarget, method: string, path: string, shapeOf: (value: unknown) => T): Promise<T> {
  const send = target.fetch ?? fetch;
  const url = `${target.url.replace(/\/+$/, "")}${path}`;
  const failed = (what: string) => new AdminError(`${method} ${url} ${what}`);
  let response: Response;
  let text: string;
  try {
    // Not followed: the Worker never redirects, so a redirect is a login page (Cloudflare
    // Access) or another host in front of it, and its Location names it better than its page.
    response = await send(url, {
      method,
      headers: { Authorization: `Bearer ${target.token}` },
      redirect: "manual",
      signal: AbortSignal.timeout(target.timeoutMs ?? ANSWER_TIMEOUT_MS),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "TimeoutError") throw failed(`got no answer within ${(target.timeoutMs ?? ANSWER_TIMEOUT_MS) / 1000} s`);
    throw failed(`failed: ${messageWithCauses(error)}`);
  }
  try {
    text = await response.text();
  } catch (error) {
    throw failed(`answered ${response.status} but the body could not be read: ${messageWithCauses(error)}`);
  }
  if (response.status >= 300 && response.status < 400) {
    const location = response.headers.get("location");
    throw failed(
      `answered ${response.status}, redirecting to ${location ?? "no location"}: not the ingest Worker's answer (a login page such as Cloudflare Access in front of it, or a wrong --url)`,
    );
  }
  if (!response.ok) {
    throw failed(`answered ${response.status}: ${workerMessage(text) ?? quoted(text)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const type = response.headers.get("content-type") ?? "no content type";
    throw failed(`answered ${response.status} with ${type}, not the ingest Worker's JSON (a login page, or another server at --url?): ${quoted(text)}`);
  }
  try {
    return shapeOf(value);
  } catch (error) {
    if (!(error instanceof AnswerShapeError)) throw error;
    throw failed(`answered ${response.status} with JSON that is ${error.message}: is --url the ingest Worker, of this version? Answer: ${quoted(text)}`);
  }
}

/** The Worker's own `{"error": "…"}` sentence, or undefined for any other body (a proxy's page). */
function workerMessage(text: string): string | undefined {
  try {
    const error = (JSON.parse(text) as { error?: unknown } | null)?.error;
    return typeof error === "string" ? error.slice(0, 500) : undefined;
  } catch {
    return undefined;
  }
}

/** A foreign body as one quoted line, cut to QUOTED_BODY characters. */
function quoted(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  if (line === "") return "an empty body";
  return line.length > QUOTED_BODY ? `${JSON.stringify(line.slice(0, QUOTED_BODY))}…` : JSON.stringify(line);
}
