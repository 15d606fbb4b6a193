import type { Rule, RuleHit } from "../findings";
import { type ConfigDocument, type Position, entryOf } from "../model";
import type { WorkerEnvironment } from "../environments";
import { ENDPOINT_VARS } from "../wiring";
import { notSetHit } from "../not-set";
import { INGEST_URL_MEANING, INGEST_URL_OPTION, INGEST_URL_PLACEHOLDER, PATH_PARAMETERS_EXPOSED, ENCODED_SEMICOLON, holdsEncodedSemicolon, hostHolds, placeholderFault, queryAndFragment, strayHostCharacter, unreachableAddress, withoutPathParameters, writtenOrigin } from "../ingest-url";
import { maskedValue, quotedUrl } from "../masking";

/** The endpoint URLs as the rule's hint names them, before the ingest URL is known (`withIngestBase` writes them out with it). */
export const ENDPOINT_URLS_HINT = `${INGEST_URL_PLACEHOLDER}/v1/logs, /v1/traces and /v1/metrics, where ${INGEST_URL_PLACEHOLDER} is ${INGEST_URL_MEANING}`;

/**
 * The hint of a var holding the advice's own placeholder (`https://<ingest origin>/v1/logs`,
 * pasted): the rule's own would tell the person to write the placeholder URL that is there, so it
 * says what goes in the placeholder's place instead. (Another placeholder, `<account>`, is named
 * by its message and keeps the rule's hint, the three URLs to write.)
 */
const PASTED_PLACEHOLDER_FIX = `write ${INGEST_URL_MEANING} in place of ${INGEST_URL_PLACEHOLDER}, keeping /v1/<signal> after it (or run --fix ${INGEST_URL_OPTION})`;

/**
 * The direct OTLP/HTTP channel: three full URLs, one per signal, on one ingest origin. A
 * missing or wrong one makes that signal's export a silent no-op (D-14). In a `previews` block
 * only the endpoint vars written there are judged: a preview's vars are its block's and the
 * Worker's Previews settings' by name, so one the block does not set says nothing. A value
 * holding a placeholder or a `${…}` template is reported as that (`placeholderFault`), not
 * judged as a URL: it parses, but nothing answers there. A host a deployed Worker cannot reach
 * (`unreachableAddress`: loopback, private, link-local, carrier-grade NAT, benchmarking, reserved private names) is flagged over https too, with the same
 * answer `--ingest-url` gives, as are path parameters (`/v1/logs;key=…`) and a host holding
 * what no host name holds (`ingest.acme.io;key=…`, `strayHostCharacter`, whose origin is then
 * compared with no other); a query or fragment after `/v1/<signal>`, an empty one too, is told so;
 * every value is echoed through `quotedUrl`, credentials masked.
 */
export const otlpEndpointsRule: Rule = {
  id: "otlp-endpoints",
  severity: "warning",
  scope: "producers",
  pages: true,
  summary: "vars.DECO_OTEL_{LOGS,TRACES,METRICS}_ENDPOINT are https URLs ending in /v1/{logs,traces,metrics} on one origin",
  fix: `set the three vars to ${ENDPOINT_URLS_HINT} (or run --fix ${INGEST_URL_OPTION})`,
  check(environment, { document }) {
    const vars = environment.own("vars");
    const preview = environment.previews !== undefined;
    if (vars === undefined) {
      if (preview) return [];
      return [notSetHit(environment, document, "vars", "no DECO_OTEL_*_ENDPOINT, so the Worker's own spans, metrics and logs go nowhere")];
    }
    if (vars.value.kind !== "object") return [{ at: vars.value.at, message: "vars must be an object" }];
    const hits: RuleHit[] = [];
    const origins: EndpointOrigin[] = [];
    const set = vars.value.entries;
    const missing = ENDPOINT_VARS.map(({ name }) => name).filter((name) => !set.has(name));
    let inheritance = notInheritedNote(environment, document, missing);
    for (const { name, path } of ENDPOINT_VARS) {
      const entry = set.get(name);
      if (entry === undefined) {
        if (!preview) hits.push({ at: vars.value.at, message: `${name} is not set${inheritance}` });
        inheritance = ""; // said once, on the first var missing
        continue;
      }
      const value = entry.value;
      if (value.kind !== "scalar" || typeof value.value !== "string") {
        hits.push({ at: value.at, message: `${name} must be a string URL` });
        continue;
      }
      const placeholder = placeholderFault(value.value);
      if (placeholder !== undefined) {
        const pasted = value.value.includes(INGEST_URL_PLACEHOLDER) ? { fix: PASTED_PLACEHOLDER_FIX } : {};
        hits.push({ at: value.at, message: `${name} ${placeholder}: ${quotedUrl(value.value)}`, ...pasted });
        continue;
      }
      const url = URL.parse(value.value);
      if (url === null) {
        hits.push({ at: value.at, message: `${name} is not a URL: ${quotedUrl(value.value)}` });
        continue;
      }
      const stray = strayHostCharacter(url);
      if (stray !== undefined) hits.push({ at: value.at, message: `${name}'s host ${hostHolds(stray)}: ${quotedUrl(value.value)}` });
      const unreachable = stray === undefined ? unreachableAddress(url) : undefined;
      if (url.protocol !== "https:") hits.push({ at: value.at, message: `${name} is not https: ${quotedUrl(value.value)}${unreachable === undefined ? "" : ` (${cannotReach(unreachable)}: ${DEPLOY})`}` });
      else if (unreachable !== undefined) hits.push({ at: value.at, message: `${name} is on ${cannotReach(unreachable)}: ${quotedUrl(value.value)} (${DEPLOY})` });
      // A host holding what no host name holds has no origin to compare with the others', nor a path to judge.
      if (stray !== undefined) continue;
      if (url.pathname.includes(";")) {
        hits.push({ at: value.at, message: `${name} must not hold path parameters (;…): ${PATH_PARAMETERS_EXPOSED}: ${quotedUrl(value.value)}` });
      } else if (holdsEncodedSemicolon(url)) {
        hits.push({ at: value.at, message: `${name} must not hold ${ENCODED_SEMICOLON}, which a gateway that decodes the path reads as path parameters: ${PATH_PARAMETERS_EXPOSED}: ${quotedUrl(value.value)}` });
      }
      if (!withoutPathParameters(url.pathname).endsWith(path)) {
        hits.push({ at: value.at, message: `${name} must end with ${path} (the full OTLP/HTTP URL): ${quotedUrl(value.value)}` });
      } else if (queryAndFragment(url) !== undefined) {
        hits.push({ at: value.at, message: `${name} must not hold a query or fragment after ${path}: ${QUERY_SENT}: ${quotedUrl(value.value)}` });
      }
      origins.push({ name, origin: url.origin, written: writtenOrigin(maskedValue(value.value)), at: value.at });
    }
    return [...hits, ...originMismatches(origins)];
  },
};

/**
 * What to add to the first missing endpoint var's finding in an environment whose own `vars` lack
 * endpoint vars the top level sets: wrangler does not inherit `vars` into an environment (only
 * the environment's own block counts), so the top level's do not reach it, which those who copy
 * only the vars that differ expect. Said once per environment, not on each of three findings;
 * empty at the top level, in a `previews` block, or when the top level sets none of them.
 */
function notInheritedNote(environment: WorkerEnvironment, document: ConfigDocument, missing: readonly string[]): string {
  if (environment.env === null || environment.previews !== undefined) return "";
  const topLevel = entryOf(document.root, "vars")?.value;
  const set = missing.filter((name) => entryOf(topLevel, name) !== undefined);
  if (set.length === 0) return "";
  const named = set.length === 1 ? set[0] : `${set.slice(0, -1).join(", ")} and ${set[set.length - 1]}`;
  return ` (the top level sets ${named}, but wrangler does not inherit vars into an environment: env.${environment.env} needs its own)`;
}

interface EndpointOrigin {
  name: string;
  /** As WHATWG URL compares origins. */
  origin: string;
  /** As the var writes it, masked (`writtenOrigin`): what the finding prints. */
  written: string;
  at: Position;
}

/**
 * The vars whose origin (scheme, host and port, the default port written or not, as WHATWG URL
 * compares them) is not the one the others share: when a majority shares one, each var outside it
 * is named at its value, beside the ones that agree; when none does (two that differ, or three
 * origins), one hit at the last names them all, since nothing tells which is meant. Each origin is
 * printed as its var writes it (`EndpointOrigin.written`: `[::ffff:10.0.0.1]`, not the parser's
 * `[::ffff:a00:1]`; a Unicode host, not its punycode), so the person finds it in the file; the
 * origin the majority shares too, when they write it alike (`sharedOrigin`).
 */
function originMismatches(origins: EndpointOrigin[]): RuleHit[] {
  const byOrigin = new Map<string, EndpointOrigin[]>();
  for (const endpoint of origins) byOrigin.set(endpoint.origin, [...(byOrigin.get(endpoint.origin) ?? []), endpoint]);
  if (byOrigin.size < 2) return [];
  const shared = "all three must share one ingest origin";
  const majority = [...byOrigin.values()].find((group) => group.length * 2 > origins.length);
  if (majority === undefined) {
    const listed = origins.map(({ name, written }) => `${name} at ${written}`).join(", ");
    return [{ at: origins[origins.length - 1]!.at, message: `the endpoint vars point at ${byOrigin.size} origins (${listed}): ${shared}` }];
  }
  const agreeing = majority.map(({ name }) => name).join(" and ");
  const verb = majority.length === 1 ? "points" : "point";
  return origins
    .filter((endpoint) => endpoint.origin !== majority[0]!.origin)
    .map(({ name, written, at }) => ({ at, message: `${name} points at ${written}, while ${agreeing} ${verb} at ${sharedOrigin(majority)}: ${shared}` }));
}

/** The origin a group of vars shares, as they write it; as the parser writes it when they write it differently (`:443` in one, not in the other). */
function sharedOrigin(group: readonly EndpointOrigin[]): string {
  return group.every(({ written }) => written === group[0]!.written) ? group[0]!.written : group[0]!.origin;
}

/**
 * What happens to a query on an endpoint var: the exporter posts to the var's URL as written
 * (`fetch(endpoint)`, as OpenTelemetry's exporters use a per-signal endpoint as is, appending
 * nothing), so the query goes with every request and into every log of its URL; the ingest Worker
 * routes by path and reads nothing from it, and takes its token only from the Authorization
 * header. `fetch` never sends a fragment.
 */
const QUERY_SENT = "the exporter posts to the URL as written, so a query goes with every request and into every log of its URL, while the ingest Worker reads nothing from it (its token goes in the DECO_OTEL_TOKEN secret), and a fragment is never sent";

/** What an endpoint var on a host a deployed Worker cannot reach is told to deploy with instead. */
const DEPLOY = `deploy with ${INGEST_URL_MEANING}`;

/** Why an endpoint var's host is no use deployed: what it is (`unreachableAddress`), and that a deployed Worker cannot reach it. */
function cannotReach(unreachable: string): string {
  return `${unreachable}, which a deployed Worker cannot reach`;
}
