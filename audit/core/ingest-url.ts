import { type ConfigDocument, entryOf, stringAt } from "./model";
import { ENDPOINT_VARS } from "./wiring";

/**
 * What `--ingest-url` takes and the endpoint vars start with, as help, hints and refusals say it:
 * a gateway in front of the ingest Worker may add a path, so "origin" alone would be wrong.
 */
export const INGEST_URL_MEANING = "the ingest Worker's https URL (its origin, or a base with a path)";

/** The placeholder the advice writes where that URL goes, until `--ingest-url` gives it. */
export const INGEST_URL_PLACEHOLDER = "https://<ingest origin>";

/** The option as a hint names it before the URL is known. */
export const INGEST_URL_OPTION = "--ingest-url <URL>";

/** Hosts of the machine the Worker runs on in development: never where a deployed Worker sends. */
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Whether `url` is on a loopback host (`localhost`, `127.0.0.1`, `[::1]`). */
export function isLoopback(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname);
}

/**
 * Why an ingest URL as written cannot be what a Worker sends to, or undefined: a `${…}` template
 * (wrangler puts vars into the Worker as written and expands nothing, so the Worker would send to
 * `https://${INGEST}/…` literally), a `<…>` placeholder copied from the README
 * (`https://deco-otel-ingest.<account>.workers.dev`), or a host under `.invalid`, which never
 * resolves (RFC 2606; the README's `deco-otel-ingest.example.invalid`). The audit flags such an
 * endpoint var, never proposes it, and `--ingest-url` refuses it.
 */
export function placeholderFault(text: string): string | undefined {
  const template = /\$\{[^}]*\}/.exec(text)?.[0];
  if (template !== undefined) return `holds ${template}, a template: wrangler does not expand \${…} in vars, so it would be sent to as written; write the URL itself`;
  const placeholder = /<[^<>]*>/.exec(text)?.[0];
  if (placeholder === "<account>") return "holds the placeholder <account>: put your Cloudflare account's workers.dev subdomain in its place (the dashboard's Workers & Pages overview shows it)";
  if (placeholder !== undefined) return `holds the placeholder ${placeholder}: put the real value in its place`;
  const host = URL.parse(text)?.hostname;
  if (host !== undefined && /(^|\.)invalid\.?$/.test(host)) return `is on ${host}, a placeholder host (.invalid names never resolve): put ${INGEST_URL_MEANING} in its place`;
  return undefined;
}

/**
 * The ingest base of an endpoint var's value that may be proposed as the ingest URL: its origin
 * and the path before `/v1/<signal>` (`https://gw.acme.dev/otel` for `https://gw.acme.dev/otel/v1/logs`,
 * as `--fix --ingest-url https://gw.acme.dev/otel` writes it back); undefined for a value the rule
 * refuses (not https, another path, a query or fragment, a placeholder or template) and for a
 * loopback host (`https://127.0.0.1:4318`, a local collector: the rule lets it pass, but a
 * deployed Worker's URL it is not).
 */
export function endpointBase(text: string, path: string): string | undefined {
  const url = URL.parse(text);
  if (url === null || url.protocol !== "https:" || isLoopback(url) || !url.pathname.endsWith(path) || url.search !== "" || url.hash !== "" || placeholderFault(text) !== undefined) return undefined;
  return url.origin + url.pathname.slice(0, -path.length);
}

/**
 * The ingest base the file's endpoint vars already use (top level and every `env.<name>`): the
 * one base (`endpointBase`: origin and any path before `/v1/<signal>`, so a gateway's
 * `https://gw.acme.dev/otel` keeps its `/otel`) of every `DECO_OTEL_*_ENDPOINT` the rule accepts.
 * The advice proposes it rather than a placeholder, so its steps keep a working value as it is
 * and `--fix --ingest-url <base>` leaves it alone. Undefined when the file names none, or more
 * than one: a var the rule refuses counts by its host, so `http://ingest…` beside
 * `https://other…` proposes neither (which is meant is the person's to say).
 */
export function fileIngestBase(document: ConfigDocument): string | undefined {
  const env = entryOf(document.root, "env")?.value;
  const environments = env?.kind === "object" ? [...env.entries.values()].map((entry) => entry.value) : [];
  const bases = new Set<string>();
  const hosts = new Set<string>();
  for (const scope of [document.root, ...environments]) {
    const vars = entryOf(scope, "vars")?.value;
    for (const { name, path } of ENDPOINT_VARS) {
      const text = stringAt(vars, name) ?? "";
      const url = URL.parse(text);
      if (url !== null) hosts.add(url.host);
      const base = endpointBase(text, path);
      if (base !== undefined) bases.add(base);
    }
  }
  return bases.size === 1 && hosts.size === 1 ? [...bases][0] : undefined;
}
