/**
 * Polls `url` until it answers 2xx, so nothing is announced before it actually works (the
 * ingest Worker's deep health check only passes once it can query ClickHouse).
 */
export async function waitUntilAnswering(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastProblem: Problem = { text: "no answer yet", unreachable: false };
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      const body = await response.text();
      if (response.ok) return;
      lastProblem = { text: `HTTP ${response.status}: ${body.trim().slice(0, 300)}`, unreachable: false };
    } catch (error) {
      lastProblem = problemOf(error, url);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const seconds = timeoutMs / 1000;
  // A refused connection fails at once: "did not answer within" would suggest a slow server.
  throw new Error(
    lastProblem.unreachable ? `${url} is not reachable: ${lastProblem.text} (tried for ${seconds}s)` : `${url} did not answer within ${seconds}s (${lastProblem.text})`,
  );
}

/** Why the last try failed, and whether nothing answered at the address at all. */
interface Problem {
  text: string;
  unreachable: boolean;
}

/**
 * A failed fetch as one would say it. Node's fetch says only `fetch failed`; its cause's code says
 * what happened, and a refused connection (nothing listens on that port) is the usual one: the
 * pipeline is not running there.
 */
function problemOf(error: unknown, url: string): Problem {
  const code = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  const { host, hostname } = new URL(url);
  if (code === "ECONNREFUSED") return { text: `connection refused: nothing listens on ${host}`, unreachable: true };
  if (code === "ENOTFOUND") return { text: `host ${hostname} not found`, unreachable: true };
  return { text: error instanceof Error ? error.message : String(error), unreachable: false };
}
