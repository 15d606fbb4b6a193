import type { ClientResponse, InstrumentedClient } from "./sdk-client";

/** The cron expression the failing scheduled run reports; the producer's wrangler file has it. */
export const DEMO_CRON = "0 3 * * *";
const HEALTHY_REQUESTS = 6;

/** What was sent, so the findings can look for exactly these rows. */
export interface DemoTraffic {
  healthyRequestIds: string[];
  boomRequestId: string;
  checkoutRequestId: string;
  checkoutTraceId: string;
  /** Fetch invocations of the producer, plus the scheduled one. */
  invocations: number;
}

/**
 * Drives the producer through every path deco-otel exists for: healthy requests, an uncaught
 * exception, a logged JSON error carrying an e-mail address, and a failing cron run.
 */
export async function driveTraffic(
  client: InstrumentedClient,
  producerUrl: string,
  runId: string,
  say: (line: string) => void,
): Promise<DemoTraffic> {
  const healthyRequestIds = Array.from({ length: HEALTHY_REQUESTS }, (_, i) => `${runId}-home-${i + 1}`);
  // One after another, as one visitor's page loads come.
  const healthy: ClientResponse[] = [];
  for (const id of healthyRequestIds) healthy.push(await client.get(`${producerUrl}/`, id));
  say(line(`GET / (x${HEALTHY_REQUESTS})`, statuses(healthy.map((r) => r.status)), "healthy: a span, a counter and a histogram each"));

  const boomRequestId = `${runId}-boom`;
  const boom = await client.get(`${producerUrl}/boom`, boomRequestId);
  say(line("GET /boom", boom.status, `throws; only the tail sees it (x-request-id ${boomRequestId})`));

  const checkoutRequestId = `${runId}-checkout`;
  const checkout = await client.get(`${producerUrl}/checkout`, checkoutRequestId);
  say(line("GET /checkout", checkout.status, `logs a JSON error with an e-mail (x-request-id ${checkoutRequestId})`));

  const cron = await fetch(`${producerUrl}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent(DEMO_CRON)}`);
  await cron.arrayBuffer();
  say(line(`cron ${DEMO_CRON}`, cron.status, "the scheduled handler throws"));

  return {
    healthyRequestIds,
    boomRequestId,
    checkoutRequestId,
    checkoutTraceId: checkout.traceId,
    invocations: HEALTHY_REQUESTS + 3,
  };
}

function line(what: string, status: number | string, note: string): string {
  return `  ${what.padEnd(16)} ${String(status).padEnd(4)} ${note}`;
}

function statuses(codes: number[]): string {
  return [...new Set(codes)].join(",");
}
