/**
 * An error's message followed by its causes' (`fetch failed: connect ECONNREFUSED 127.0.0.1:1`),
 * at most five deep. Node's fetch puts what went wrong on the wire (refused, reset, a name that
 * does not resolve, a certificate) only in `cause`, so its own message alone says nothing.
 */
export function messageWithCauses(error: unknown): string {
  const messages: string[] = [];
  for (let cause: unknown = error; cause !== undefined && messages.length < 5; cause = (cause as { cause?: unknown }).cause) {
    messages.push(cause instanceof Error ? cause.message : String(cause));
    if (!(cause instanceof Error)) break;
  }
  return messages.join(": ");
}
