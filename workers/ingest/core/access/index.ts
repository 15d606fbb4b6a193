/**
 * What a request's caller may write, and the mark it leaves on what it wrote. Pure: the HTTP
 * layer authenticates the caller; this checks every resource's `service.name` against the
 * caller's scope before any work is spent, and stamps the caller's token name on every
 * resource once the request is otherwise ready to become rows.
 */
import { bySignal, type BySignal } from "../../../shared/otlp/by-signal";
import type { KeyValue, Resource, Signal, SignalRequest } from "../../../shared/otlp/model";
import { serviceNameOf } from "../rows/attributes";
import { readDestinationTest } from "./destination-test";

/**
 * The resource attribute naming the ingest token a row was accepted with (its name, never the
 * secret), so rows written with a leaked token can be found and that token revoked alone.
 */
export const INGEST_TOKEN_ATTRIBUTE = "deco.ingest.token";

/** Who sent a request, as far as what it may write and how its rows are marked. */
export interface Caller {
  /**
   * The accepted token's name, stamped as `deco.ingest.token`; `undefined` on a path no token
   * opens (the tail's service binding, or auth turned off), where no row carries the attribute.
   */
  tokenName: string | undefined;
  /**
   * The `service.name`s the caller may write: exact names, or prefixes ending in `*`
   * (`shop-*`); `undefined` when any service is allowed.
   */
  services: readonly string[] | undefined;
}

/** A caller no token identifies and nothing restricts: the tail's binding, or auth turned off. */
export const UNRESTRICTED_CALLER: Caller = { tokenName: undefined, services: undefined };

/**
 * A request writing a service outside its token's scope. The whole request is refused (403),
 * not the resources outside it: the sender holds the wrong token for what it sends, which is
 * a deployment fault to fix, not invalid data to count in a partial success.
 */
export class ServiceOutOfScopeError extends Error {
  override readonly name = "ServiceOutOfScopeError";
  constructor(
    readonly tokenName: string,
    /** The distinct refused `service.name`s, in request order; "" for a resource without one. */
    readonly services: readonly string[],
    allowed: readonly string[],
    /**
     * Why a request naming the destination test's service was not read as that test
     * (readDestinationTest's `difference`), so its sender can see what to take out.
     */
    notDestinationTest?: string,
  ) {
    super(
      `token "${tokenName}" may not write ${services.map(describeService).join(", ")}: it may write ` +
        `service.name ${allowed.map((pattern) => JSON.stringify(pattern)).join(", ")}` +
        (notDestinationTest === undefined
          ? ""
          : `; it was not read as Cloudflare's destination test, which any token may write, because ${notDestinationTest}`) +
        "; nothing was written",
    );
  }
}

function describeService(serviceName: string): string {
  return serviceName === "" ? "a resource without service.name" : `service.name ${JSON.stringify(serviceName)}`;
}

/** Whether `serviceName` matches one of `patterns`: an exact name, or a prefix before a final `*`. */
export function serviceInScope(patterns: readonly string[], serviceName: string): boolean {
  return patterns.some((pattern) =>
    pattern.endsWith("*") ? serviceName.startsWith(pattern.slice(0, -1)) : serviceName === pattern,
  );
}

/**
 * Throws ServiceOutOfScopeError naming every `service.name` (as the `ServiceName` column would
 * hold it) the caller may not write; returns when all are in scope, the caller is unscoped, or
 * the request is Cloudflare's destination test and nothing else (readDestinationTest), which
 * any token may write: it is stored under its own service name, stamped with the token. A
 * refused logs request that names the test's service says what kept it from being the test.
 */
export function checkServiceScope<S extends Signal>(signal: S, request: SignalRequest[S], caller: Caller): void {
  const { services, tokenName } = caller;
  if (services === undefined) return;
  const reading = signal === "logs" ? readDestinationTest(request as SignalRequest["logs"]) : undefined;
  if (reading?.kind === "test") return;
  const refused = new Set<string>();
  for (const resource of resourcesOf(signal, request)) {
    const serviceName = serviceNameOf(resource.attributes);
    if (!serviceInScope(services, serviceName)) refused.add(serviceName);
  }
  if (refused.size === 0) return;
  const difference = reading?.kind === "near" ? reading.difference : undefined;
  throw new ServiceOutOfScopeError(tokenName ?? "(unnamed)", [...refused], services, difference);
}

/**
 * Removes a `deco.ingest.token` the sender put on a resource: the attribute only ever says which
 * token the ingest Worker accepted (stampCaller). Runs before redaction, so the sender's value,
 * which no stored row holds, is not counted in `redaction.count`/`redaction.kinds` as a secret
 * redaction took out of the row (its secret-name rule would mask a value under a `…token` key).
 */
export function dropClaimedToken<S extends Signal>(signal: S, request: SignalRequest[S]): void {
  for (const resource of resourcesOf(signal, request)) {
    // A resource that carries no such attribute keeps its list as it is.
    if (resource.attributes.some(isIngestTokenAttribute)) {
      resource.attributes = resource.attributes.filter((attribute) => !isIngestTokenAttribute(attribute));
    }
  }
}

/**
 * Sets `deco.ingest.token` on every resource to the caller's token name, replacing whatever
 * the sender put there (dropClaimedToken), or removes it when no token identifies the caller.
 * Runs after redaction (whose secret-name rule would hide the name under a `…token` key) and
 * after the attribute limits (which must not drop it).
 */
export function stampCaller<S extends Signal>(signal: S, request: SignalRequest[S], caller: Caller): void {
  dropClaimedToken(signal, request);
  if (caller.tokenName === undefined) return;
  for (const resource of resourcesOf(signal, request)) {
    resource.attributes = [...resource.attributes, { key: INGEST_TOKEN_ATTRIBUTE, value: { stringValue: caller.tokenName } }];
  }
}

function isIngestTokenAttribute(attribute: KeyValue): boolean {
  return attribute.key === INGEST_TOKEN_ATTRIBUTE;
}

const RESOURCES: BySignal<Resource[]> = {
  logs: (request) => request.resourceLogs.map((resourceLogs) => resourceLogs.resource),
  traces: (request) => request.resourceSpans.map((resourceSpans) => resourceSpans.resource),
  metrics: (request) => request.resourceMetrics.map((resourceMetrics) => resourceMetrics.resource),
};

function resourcesOf<S extends Signal>(signal: S, request: SignalRequest[S]): Resource[] {
  return bySignal(signal, request, RESOURCES);
}
