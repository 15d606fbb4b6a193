/**
 * A URL query's verdict in each form a query is stored in: a log line's URL, an access log's
 * request line, `url.full`, `url.query`, a server span's `http.target` and `http.url`, a pino
 * line's `req.url`, under the default policy.
 */
import { expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { redactedLogBody, storedLogAttributes, storedSpanAttributes } from "./redaction";

const policy = defaultRedactionPolicy();
const redact = (text: string) => redactString(text, policy);
const str = (key: string, value: string) => ({ key, value: { stringValue: value } });

/** `query` (with no `?`) as each query-bearing form stores it, by form. */
export function storedForms(query: string): Record<string, unknown> {
  const pinoLine = (url: string) => JSON.stringify({ level: 30, time: 1796000000000, req: { method: "GET", url }, msg: "request completed" });
  const record = storedLogAttributes([str("url.full", `https://shop.example.com/c?${query}`), str("url.path", "/c"), str("url.query", query)]).values;
  const span = storedSpanAttributes(2, [str("http.target", `/c?${query}`), str("http.url", `https://api.example.com/c?${query}`)]);
  return {
    line: redact(`GET /c?${query} 200 512 - 3.1 ms`).text,
    access: redact(`"GET /c?${query} HTTP/1.1" 200 1234`).text,
    "url.full": record["url.full"],
    "url.query": record["url.query"],
    "http.target": span["http.target"],
    "http.url": span["http.url"],
    pino: redactedLogBody(pinoLine(`/c?${query}`)),
  };
}

/** What `storedForms` gives when each form stores `query` as `stored`. */
export function formsOf(stored: string): Record<string, unknown> {
  return {
    line: `GET /c?${stored} 200 512 - 3.1 ms`,
    access: `"GET /c?${stored} HTTP/1.1" 200 1234`,
    "url.full": `https://shop.example.com/c?${stored}`,
    "url.query": stored,
    "http.target": `/c?${stored}`,
    "http.url": `https://api.example.com/c?${stored}`,
    pino: JSON.stringify({ level: 30, time: 1796000000000, req: { method: "GET", url: `/c?${stored}` }, msg: "request completed" }),
  };
}

/** One test per `[query, stored]` case: every form stores `query` as `stored`. */
export function itStoresInEveryForm(title: string, cases: readonly (readonly [string, string])[]): void {
  it.each(cases.map((pair) => [...pair]))(title, (query, stored) => {
    expect(storedForms(query)).toEqual(formsOf(stored));
  });
}
