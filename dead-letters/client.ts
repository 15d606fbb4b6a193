/**
 * The operator's side of the ingest Worker's /admin/dead-letters routes: a listing, and a
 * replay that walks every page of a kind until it is done or ClickHouse stops taking batches.
 * Shapes are the Worker's own (workers/ingest/queue/dead-letter-store.ts and replay.ts).
 */
import type { DeadLetterKind, DeadLetterSummary } from "../workers/ingest/queue/dead-letter-store";
import type { ReplayPage } from "../workers/ingest/queue/replay";

export interface AdminTarget {
  /** The ingest Worker's origin, e.g. https://deco-otel-ingest.example.workers.dev */
  url: string;
  /** Its ADMIN_TOKEN. */
  token: string;
  fetch?: typeof fetch;
}

/** An answer other than 200 from the Worker, with its message. */
export class AdminError extends Error {
  override name = "AdminError";
}

export function listDeadLetters(target: AdminTarget): Promise<DeadLetterSummary> {
  return call<DeadLetterSummary>(target, "GET", "/admin/dead-letters");
}

/** Every page of one kind, added up. */
export type KindReplay = Omit<ReplayPage, "next">;

/**
 * Replays the `undelivered` batches, then, with `includeRefused`, the `refused` ones. Stops at
 * the first batch ClickHouse could not take (it stays kept, to replay again later).
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
      const page = await call<ReplayPage>(target, "POST", `/admin/dead-letters/replay?${query}`);
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

async function call<T>(target: AdminTarget, method: string, path: string): Promise<T> {
  const send = target.fetch ?? fetch;
  const url = `${target.url.replace(/\/+$/, "")}${path}`;
  let response: Response;
  try {
    response = await send(url, { method, headers: { Authorization: `Bearer ${target.token}` } });
  } catch (error) {
    throw new AdminError(`${method} ${url} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const text = await response.text();
  if (!response.ok) {
    let message = text;
    try {
      message = (JSON.parse(text) as { error?: string }).error ?? text;
    } catch {
      // Not the Worker's JSON (a proxy's page): the text is what there is.
    }
    throw new AdminError(`${method} ${path} answered ${response.status}: ${message.slice(0, 500)}`);
  }
  return JSON.parse(text) as T;
}
