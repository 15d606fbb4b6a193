/**
 * `text` read as a service's base URL a command sends to (`https://deco-otel-ingest.<account>.workers.dev`,
 * `https://clickhouse.example:8443`): an absolute URL of one of `protocols` with a host and no
 * query or fragment, which the command appends its own paths and parameters to; undefined when
 * it is none. WHATWG URL parsing (`URL.parse`).
 */
export function endpointUrl(text: string, protocols: readonly string[] = ["http:", "https:"]): URL | undefined {
  const url = URL.parse(text);
  if (url === null || !protocols.includes(url.protocol) || url.hostname === "" || url.search !== "" || url.hash !== "") return undefined;
  return url;
}
