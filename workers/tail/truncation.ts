/**
 * Invocations whose logs the platform cut short. Past 256 KB of console output, exceptions,
 * request metadata and headers in one invocation, Cloudflare records nothing more of it, marks
 * the trace item `truncated: true` and puts one `warn` line in place of what followed: "Log size
 * limit exceeded: More than 256KB of data … was logged during a single request. Subsequent data
 * for this request will not be recorded in logs, appear when tailing this Worker's logs, or in
 * Tail Workers." (recorded from workerd; test/fixtures/trace-items/log-limit-exceeded.json). The
 * outcome stays `ok`, so an error lost this way would leave no record at all: the tail keeps
 * that line whatever TAIL_CAPTURE_LEVELS says, or writes one of its own when it is missing.
 */
import type { TailLog, TailTraceItem } from "./trace-item";

/** How the platform's replacement line starts. */
const LOG_LIMIT_NOTICE_PREFIX = "Log size limit exceeded";

/**
 * The record body when a truncated item has no notice line (a runtime that leaves it out): what
 * happened, in the platform's words, so one query finds both.
 */
export const LOG_LIMIT_RECORD_BODY =
  "Log size limit exceeded: the platform stopped recording this invocation's console lines and exceptions (more than 256KB were logged); what followed is missing";

/** The platform's "Log size limit exceeded" line of a truncated item. */
export function isLogLimitNotice(item: Pick<TailTraceItem, "truncated">, log: TailLog): boolean {
  if (!item.truncated) return false;
  const first: unknown = Array.isArray(log.message) ? log.message[0] : log.message;
  return typeof first === "string" && first.startsWith(LOG_LIMIT_NOTICE_PREFIX);
}
