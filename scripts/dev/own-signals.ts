const STOP_SIGNALS = ["SIGINT", "SIGTERM"] as const;

/**
 * Runs `create` and removes the SIGINT/SIGTERM listeners it added. Miniflare installs ones
 * that call `process.exit` at once, which would end the process before ClickHouse is stopped;
 * `npm start` handles those signals itself and disposes Miniflare in order.
 */
export function withoutNewStopListeners<T>(create: () => T): T {
  const before = new Map(STOP_SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const created = create();
  for (const signal of STOP_SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return created;
}
