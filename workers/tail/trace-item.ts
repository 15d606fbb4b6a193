/**
 * The TraceItem the tail receives, as far as the tail relies on it.
 *
 * Declared here rather than taken from @cloudflare/workers-types so the pure translation can run
 * (and be type-checked) outside workerd, over recorded JSON fixtures. It is a structural supertype
 * of the runtime's TraceItem, so the handler passes real items straight in. `event` stays an open
 * object: its shape depends on the event kind, and new kinds appear without notice (event-kind.ts
 * reads it defensively).
 */

export interface TailTraceItem {
  readonly event: object | null;
  readonly eventTimestamp: number | null;
  readonly logs: readonly TailLog[];
  readonly exceptions: readonly TailException[];
  readonly scriptName: string | null;
  readonly entrypoint?: string | undefined;
  readonly scriptVersion?: TailScriptVersion | undefined;
  readonly dispatchNamespace?: string | undefined;
  readonly scriptTags?: readonly string[] | undefined;
  readonly outcome: string;
  readonly executionModel: string;
  readonly truncated: boolean;
  readonly cpuTime: number;
  readonly wallTime: number;
}

export interface TailScriptVersion {
  readonly id?: string | undefined;
  readonly tag?: string | undefined;
  readonly message?: string | undefined;
}

export interface TailLog {
  readonly timestamp: number;
  /** "debug" | "info" | "log" | "warn" | "error" in practice. */
  readonly level: string;
  /**
   * The console call's arguments, normally an array of structured-cloned values. An Error
   * argument arrives as its printed form, a string (`console.error(err)` gives
   * `["Error: message"]`, with no stack and no other field: workers-types' TraceLog is
   * timestamp, level and message).
   */
  readonly message: unknown;
}

export interface TailException {
  readonly timestamp: number;
  readonly name: string;
  readonly message: string;
  readonly stack?: string | undefined;
}
