/** A queue producer binding that takes every message and keeps them, for unit tests of what is queued. */
export function recordingQueue(): { sent: unknown[]; send(message: unknown): Promise<void>; sendBatch(messages: Iterable<unknown>): Promise<void> } {
  const sent: unknown[] = [];
  return { sent, send: async (message) => void sent.push(message), sendBatch: async (messages) => void sent.push(...messages) };
}
