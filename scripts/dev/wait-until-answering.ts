/**
 * Polls `url` until it answers 2xx, so nothing is announced before it actually works (the
 * ingest Worker's deep health check only passes once it can query ClickHouse).
 */
export async function waitUntilAnswering(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = "no answer yet";
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      const body = await response.text();
      if (response.ok) return;
      lastProblem = `HTTP ${response.status}: ${body.trim().slice(0, 300)}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s (${lastProblem})`);
}
