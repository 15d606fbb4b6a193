import type { LogsRequest, MetricsRequest, Signal, SignalRequest, TracesRequest } from "./model";

/** One handler per signal, each receiving its own request type. */
export interface BySignal<T> {
  logs(request: LogsRequest): T;
  traces(request: TracesRequest): T;
  metrics(request: MetricsRequest): T;
}

/**
 * Calls the handler for `signal` with `request` narrowed to that signal's type: the one place
 * the generic `SignalRequest[S]` is cast, so stages that walk every signal need no switch.
 */
export function bySignal<S extends Signal, T>(signal: S, request: SignalRequest[S], handlers: BySignal<T>): T {
  switch (signal) {
    case "logs":
      return handlers.logs(request as LogsRequest);
    case "traces":
      return handlers.traces(request as TracesRequest);
    default:
      return handlers.metrics(request as MetricsRequest);
  }
}
