/**
 * example-shop: a producer Worker instrumented for deco-otel in both ways a real one is.
 *
 * - Its own telemetry (a server span per request, a request counter and a duration histogram,
 *   error logs) goes straight to the ingest Worker's OTLP endpoints: see ./otlp.ts.
 * - What its code cannot report (the exception that escapes `/boom`, the failing cron, any
 *   `console.error`) reaches deco-otel through the tail Worker listed in `tail_consumers`.
 *
 * Both sides carry the same `request.id`, so one query joins them.
 */
import { Telemetry, type Attributes, type OtlpEnv, type TraceContext } from "./otlp";
import { incomingTraceOf, newSpanId, requestIdOf } from "./request-context";

interface Env extends OtlpEnv {
  /** The `version_metadata` binding: the deployed version of this Worker. */
  CF_VERSION_METADATA: WorkerVersionMetadata;
  /** The deployed script's name, set per wrangler environment (`example-shop-production`). */
  SERVICE_NAME: string;
}

/**
 * The resource the tail gives this Worker's rows, so both channels' rows group together:
 * `service.name` is the deployed script's name (the SERVICE_NAME var: wrangler deploys
 * `--env production` as `<name>-production`, the name the tail uses); `service.version` is the
 * deployed version id (what Cloudflare's own OTLP export reports as `faas.version`), and a
 * version tag (`wrangler versions upload --tag`), when set, goes beside it.
 */
function resourceOf(serviceName: string, version: WorkerVersionMetadata): Attributes {
  return {
    "service.name": serviceName,
    "service.version": version.id,
    ...(version.tag ? { "cloudflare.script_version.tag": version.tag } : {}),
    "cloud.provider": "cloudflare",
  };
}

/** Seconds; OpenTelemetry's recommended bounds for `http.server.request.duration`. */
const DURATION_BOUNDS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

/** The order every checkout pays for; fixed so `curl .../checkout` alone shows the flow. */
const SAMPLE_ORDER = { id: "ord-1042", email: "ana@example.com", amount: 129.9, currency: "EUR" };

interface RouteContext {
  request: Request;
  requestId: string;
  telemetry: Telemetry;
  /** The request's server span, parent of any span a route records. */
  server: TraceContext;
}

interface RouteResult {
  response: Response;
  /** Why the request failed, for the server span's status. */
  error?: string;
}

type Route = (context: RouteContext) => Promise<RouteResult>;

const routes: Record<string, Route> = {
  "/": home,
  "/boom": boom,
  "/checkout": checkout,
};

export default {
  async fetch(request, env, ctx) {
    const path = new URL(request.url).pathname;
    const route = routes[path] ?? notFound;
    const requestId = requestIdOf(request);
    const incoming = incomingTraceOf(request);
    const server = { traceId: incoming.traceId, spanId: newSpanId() };
    const telemetry = new Telemetry(env, resourceOf(env.SERVICE_NAME, env.CF_VERSION_METADATA));

    const startMs = Date.now();
    // An exception a route throws leaves here with nothing recorded: the tail reports it.
    const { response, error } = await route({ request, requestId, telemetry, server });
    const endMs = Date.now();

    const attributes = {
      "http.request.method": request.method,
      "http.route": route === notFound ? "(unmatched)" : path,
      "http.response.status_code": response.status,
    };
    telemetry.span({
      ...server,
      parentSpanId: incoming.parentSpanId,
      name: `${request.method} ${attributes["http.route"]}`,
      kind: "server",
      startMs,
      endMs,
      attributes: { ...attributes, "url.path": path, "request.id": requestId },
      error,
    });
    telemetry.count("http.server.requests", "{request}", 1, attributes, startMs, endMs);
    telemetry.measure("http.server.request.duration", "s", (endMs - startMs) / 1000, DURATION_BOUNDS, attributes, startMs, endMs);
    ctx.waitUntil(telemetry.flush());

    response.headers.set("X-Request-Id", requestId);
    return response;
  },

  async scheduled(controller) {
    // Nothing here reports this failure; the tail does, with the cron expression.
    throw new Error(`inventory sync failed: supplier API answered 503 (cron ${controller.cron})`);
  },
} satisfies ExportedHandler<Env>;

async function home(): Promise<RouteResult> {
  // Stands in for the catalogue lookup a real shop awaits, so durations are not all zero.
  await scheduler.wait(10 + Math.random() * 60);
  return { response: Response.json({ products: [{ sku: "SKU-9", name: "Espresso cup", price: 12.5 }] }) };
}

async function boom(): Promise<RouteResult> {
  throw new TypeError("Cannot read properties of undefined (reading 'items')");
}

async function checkout({ requestId, telemetry, server }: RouteContext): Promise<RouteResult> {
  const order = SAMPLE_ORDER;
  const payment = { traceId: server.traceId, spanId: newSpanId() };
  const startMs = Date.now();
  // Stands in for the payment provider's answer.
  await scheduler.wait(30 + Math.random() * 40);
  const declineReason = "card declined by issuer";
  telemetry.span({
    ...payment,
    parentSpanId: server.spanId,
    name: "payment.authorize",
    kind: "client",
    startMs,
    endMs: Date.now(),
    attributes: { "request.id": requestId, "order.id": order.id, "payment.amount": order.amount },
    error: declineReason,
  });

  // A structured log line: the tail forwards it; the ingest Worker lifts its keys into
  // attributes and redacts the e-mail address before anything is stored.
  console.error(
    JSON.stringify({
      level: "error",
      msg: "payment declined",
      "request.id": requestId,
      email: order.email,
      orderId: order.id,
      amount: order.amount,
      currency: order.currency,
    }),
  );
  // The same event through the direct export, tied to the payment span.
  telemetry.log(
    "ERROR",
    `payment declined for ${order.email}: ${declineReason}`,
    { "request.id": requestId, "order.id": order.id, "payment.decline_reason": declineReason },
    payment,
  );
  return {
    response: Response.json({ error: "payment declined", requestId }, { status: 402 }),
    error: "payment declined",
  };
}

async function notFound(): Promise<RouteResult> {
  return { response: new Response("not found\n", { status: 404 }) };
}
