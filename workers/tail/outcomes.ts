/**
 * What an invocation's outcome means: how severe it is, and a sentence a person understands.
 *
 * Outcomes are an open set that Cloudflare extends. Only endings caused by the client are INFO:
 * marking them ERROR floods dashboards with thousands of false errors an hour. Everything else,
 * including names this table has never seen, is ERROR, so a new failure mode is never hidden.
 *
 * One rule for every record that tells how an invocation ended, the exceptions it left as well as
 * the tail's own outcome record: its severity is the severity of the outcome the tail reports
 * (outcomeSeverity of invocationOutcome), the one its counts are kept under. A client that went
 * away leaves its own exception ("Network connection lost.") beside outcome "canceled": that
 * record is INFO with its `exception.*`, as the invocation is counted as no failure. Any other
 * exception beside a client-side ending is a fault of the Worker: the invocation is reported (and
 * counted) as "exception", ERROR, the runtime's outcome kept beside it; an exception with outcome
 * "ok" is reported as "exception" too, and one beside a limit kill is ERROR under the kill.
 */
import type { TailTraceItem } from "./trace-item";

export interface Severity {
  number: number;
  text: string;
}

/** OTLP SeverityNumber values for the first step of each range. */
export const SEVERITY = {
  TRACE: { number: 1, text: "TRACE" },
  DEBUG: { number: 5, text: "DEBUG" },
  INFO: { number: 9, text: "INFO" },
  WARN: { number: 13, text: "WARN" },
  ERROR: { number: 17, text: "ERROR" },
} as const satisfies Record<string, Severity>;

export const OK_OUTCOME = "ok";
export const EXCEPTION_OUTCOME = "exception";

/** Endings the client caused (it went away or cancelled), not failures of the Worker. */
export const CLIENT_SIDE_OUTCOMES = ["canceled", "responseStreamDisconnected", "aborted"] as const;

const CLIENT_SIDE_ENDINGS: ReadonlySet<string> = new Set(CLIENT_SIDE_OUTCOMES);

/**
 * The outcome the tail reports for an invocation, on its records (`_outcome`) and its counts
 * (`outcome`). An invocation that ended with uncaught exceptions failed (D-8: `outcome !== "ok"
 * || exceptions.length > 0`), yet workerd reports a throwing `scheduled()`, `queue()` or
 * hibernatable `webSocketMessage()` handler with outcome "ok" beside a non-empty `exceptions`
 * list: such an invocation is reported as "exception". So is a client-side ending beside an
 * exception other than the disconnect's own (isClientDisconnectException): the client went away,
 * but the Worker also threw a real error, and an error count or ERROR panel must not miss it.
 * Every other outcome is kept as reported: a limit kill that also threw is the more precise of
 * the two, and a client-side ending whose only exceptions are the disconnect's own stays one.
 */
export function invocationOutcome(item: Pick<TailTraceItem, "outcome" | "exceptions">): string {
  if (item.exceptions.length === 0) return item.outcome;
  if (item.outcome === OK_OUTCOME) return EXCEPTION_OUTCOME;
  if (CLIENT_SIDE_ENDINGS.has(item.outcome) && !item.exceptions.every(isClientDisconnectException)) {
    return EXCEPTION_OUTCOME;
  }
  return item.outcome;
}

/**
 * The text workerd gives every exception of kj's DISCONNECTED kind that is not a tunneled JS
 * error, which is what a Worker's pending read or write raises once its client has gone away
 * (workerd src/workerd/jsg/util.c++, decodeTunneledException: `Error: Network connection lost.`).
 */
const DISCONNECT_MESSAGE = "Network connection lost.";

/**
 * Whether an exception is what a client going away leaves behind: an `Error` whose message is
 * workerd's DISCONNECT_MESSAGE. Nothing else is: not "The script will never generate a
 * response." (workerd's word for a Worker that awaits a promise nothing can resolve, a bug in
 * the Worker), not a TypeError the Worker threw while its client was leaving.
 */
export function isClientDisconnectException(exception: { name: string; message: string }): boolean {
  return exception.name === "Error" && exception.message === DISCONNECT_MESSAGE;
}

/**
 * The outcome the runtime reported, when the tail reports another one (invocationOutcome), so
 * what the platform said stays visible; undefined when the two agree.
 */
export function reportedOutcomeIfChanged(item: Pick<TailTraceItem, "outcome" | "exceptions">): string | undefined {
  return invocationOutcome(item) === item.outcome ? undefined : item.outcome;
}


const DESCRIPTIONS: Readonly<Record<string, string>> = {
  [EXCEPTION_OUTCOME]: "The Worker failed with an uncaught exception.",
  exceededCpu: "The Worker was stopped because it used more CPU time than its limit allows.",
  exceededMemory: "The Worker was stopped because it used more memory than its limit allows.",
  exceededWallTime: "The Worker was stopped because it ran for longer than its wall-clock time limit allows.",
  scriptNotFound: "Cloudflare could not find the Worker script to run.",
  killSwitch: "The Worker did not run because it has been disabled by a kill switch.",
  daemonDown: "The invocation failed because the Workers runtime was unavailable.",
  loadShed: "Cloudflare turned the invocation away because the runtime was overloaded.",
  internalError: "The invocation failed because of an internal error in the Workers runtime.",
  canceled: "The client went away before the Worker finished, so the invocation was canceled.",
  responseStreamDisconnected: "The client disconnected while the Worker was still streaming its response.",
  aborted: "The invocation was aborted before it finished, usually because the client disconnected.",
  unknown: "The Workers runtime could not tell how the invocation ended.",
};

export function outcomeSeverity(outcome: string): Severity {
  return CLIENT_SIDE_ENDINGS.has(outcome) ? SEVERITY.INFO : SEVERITY.ERROR;
}

export function describeOutcome(outcome: string): string {
  return (
    DESCRIPTIONS[outcome] ??
    `The invocation ended with outcome "${outcome}", which this tail Worker does not know yet; ` +
      "it is treated as a failure."
  );
}

/**
 * What Cloudflare's own export (scope `workers-observability`) writes for a `console.log` line:
 * number 9 and no text, the mark of the console's default level rather than a severity the
 * Worker chose. The ingest Worker lets a JSON line's level replace it, so the same line gets the
 * same severity over both channels (docs/normalization-and-redaction.md, Lifting).
 */
export const CONSOLE_DEFAULT_SEVERITY: Severity = { number: SEVERITY.INFO.number, text: "" };

/**
 * Severity of a captured console line, by the console method that wrote it: `error`, `warn` and
 * `debug` are the Worker's choice (the export writes 17 for `console.error`), stored as chosen;
 * `log`, `info` and any level this table does not name get CONSOLE_DEFAULT_SEVERITY.
 *
 * `trace` is OTLP's TRACE (1), never INFO. workerd hands a Tail Worker only debug, info, log,
 * warn and error lines (LOG_LEVELS): a `console.trace` call makes no line, and none is known to
 * reach Cloudflare's export either, so neither channel stores it. Should the runtime start
 * sending the level, it is the lowest severity, as OTLP and the ingest's reading of a `trace`
 * level name have it, not the console default.
 */
export function logLevelSeverity(level: string): Severity {
  switch (level) {
    case "error":
      return SEVERITY.ERROR;
    case "warn":
      return SEVERITY.WARN;
    case "debug":
      return SEVERITY.DEBUG;
    case "trace":
      return SEVERITY.TRACE;
    default:
      return CONSOLE_DEFAULT_SEVERITY;
  }
}
