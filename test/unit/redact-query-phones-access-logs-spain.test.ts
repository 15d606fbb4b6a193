/**
 * Phones in URL queries and Spain's landline groups: a query value's literal-blank groups are one
 * number only under a phone's key and only as far as they make a plausible one, never taking an
 * access log's status (`200`) that a byte count or the value's end follows (morgan's `tiny` and
 * `dev` lines keep their status and byte count); a national number percent-encoded with blanks
 * under a phone's key goes in every form; Spain's 2-3-2-2 groups are a phone's only led by 8 or 9
 * and with no unit after them.
 */
import { describe, expect, it } from "vitest";
import { parseIngestConfig } from "../../workers/ingest/config";
import { prepareExport } from "../../workers/ingest/core/pipeline";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { redactedLogBody, storedLogAttribute, storedSpanAttributes } from "../support/redaction";
import { itKeepsUncounted, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const redacted = (text: string) => redactString(text, policy);
const PHONE = "[REDACTED:phone]";

const OPTIONS = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true" }).pipeline;
const NOW = "1796000000000000000";
const str = (key: string, value: string) => ({ key, value: { stringValue: value } });

/** The `url.full`, `url.query` and body Cloudflare's invocation record of a request to `url` is stored with. */
function storedInvocation(url: string): { full: string; query: string; body: string } {
  const { pathname, search } = new URL(url);
  const attributes = [str("url.full", url), str("url.path", pathname), str("url.query", search.slice(1)), str("http.request.method", "GET")];
  const record = { timeUnixNano: NOW, severityNumber: 9, body: { stringValue: `GET ${url}` }, attributes };
  const body = { resourceLogs: [{ resource: { attributes: [str("service.name", "crm")] }, scopeLogs: [{ scope: { name: "workers-observability" }, logRecords: [record] }] }] };
  const prepared = prepareExport("logs", "json", new TextEncoder().encode(JSON.stringify(body)), OPTIONS, NOW);
  const row = prepared.batches[0]!.rows[0] as unknown as { LogAttributes: string[]; Body: string };
  const stored: Record<string, string> = {};
  for (let i = 0; i < row.LogAttributes.length; i += 2) stored[row.LogAttributes[i]!] = row.LogAttributes[i + 1]!;
  return { full: stored["url.full"]!, query: stored["url.query"]!, body: row.Body };
}

describe("an access log's query value with a sign keeps its status and byte count", () => {
  itKeepsUncounted("keeps %j", redacted, [
    "GET /api/x?delta=+1 200 4521 - 3.102 ms",
    "GET /api/items?offset=+10 200 3000 - 12.345 ms",
    "GET /api/events?offset=+0100 200 1234 - 3 ms",
    "GET /api/x?utc=+1 200 1234 - 3 ms",
    "?utc=+1 200 1234 - 3 ms",
    "GET /api/x?n=+44 200 4521",
    "?n=+44 200 4521",
    "GET /api/x?n=+1 200 1234567",
    "?n=+1 200 1234567",
    "GET /api/v1/range?from=+1 2024 1205 HTTP/1.1",
    "GET /geo?lat=+52 520008 13 404954 200",
    "GET /api/x?delta=+1 200 3.102 ms - 4521",
    '{"url":"/api/x?delta=+1 200 4521"}',
  ]);

  it("keeps them as a log body and a url.query attribute", () => {
    expect(redactedLogBody("GET /api/x?delta=+1 200 4521 - 3.102 ms")).toBe("GET /api/x?delta=+1 200 4521 - 3.102 ms");
  });
});

describe("a phone's literal-blank groups under a phone key, up to a plausible number", () => {
  itStoresCounting("redacts %j", redacted, { phone: 1 }, [
    ['{"url":"/cb?phone=+1 415 867 5309 200"}', `{"url":"/cb?phone=${PHONE} 200"}`],
    ["GET /cb?phone=+1 415 867 5309 200 1234 - 3 ms", `GET /cb?phone=${PHONE} 200 1234 - 3 ms`],
    ["GET /cb?phone=+55 11 98765-4321 200 512", `GET /cb?phone=${PHONE} 200 512`],
    ["GET /cb?tel=+44 20 7183 8750 200 512 - 3 ms", `GET /cb?tel=${PHONE} 200 512 - 3 ms`],
    ["GET /cb?telefone=+34 91 123 45 67 200 5123", `GET /cb?telefone=${PHONE} 200 5123`],
    ["GET /cb?whatsapp=+5511987654321 200 99", `GET /cb?whatsapp=${PHONE} 200 99`],
    ["GET /cb?celular=+1 415 867 5309 2024 HTTP/1.1", `GET /cb?celular=${PHONE} 2024 HTTP/1.1`],
    ['{"url":"/cb?mobile=+1 415 867 5309&x=1"}', `{"url":"/cb?mobile=${PHONE}&x=1"}`],
  ]);

  it("redacts it in a log body and a url.query attribute", () => {
    expect(redactedLogBody("GET /cb?phone=+1 415 867 5309 200 1234")).toBe(`GET /cb?phone=${PHONE} 200 1234`);
    expect(storedLogAttribute("url.query", { stringValue: "step=2&phone=+55 11 98765-4321" })).toEqual({ stringValue: `step=2&phone=${PHONE}` });
  });
});

describe("a phone under another key, as before the groups were read", () => {
  itStoresCounting("redacts %j", redacted, { phone: 1 }, [
    ["GET /x?ref=+5511987654321 200 512", `GET /x?ref=${PHONE} 200 512`],
    ['{"url":"/cb?ref=+55 11 98765-4321&x=1"}', `{"url":"/cb?ref=${PHONE}&x=1"}`],
    ["?ref=+55 11 98765-4321", `?ref=${PHONE}`],
    ["GET /x?ref=+55 11 98765-4321 200 512", `GET /x?ref=${PHONE} 200 512`],
    ["GET /x?ref=+44 20 7183 8750 HTTP/1.1", `GET /x?ref=${PHONE} HTTP/1.1`],
  ]);
  // Groups that end in no local number's group, or go on past one, are no number's whole.
  itKeepsUncounted("keeps %j", redacted, ["GET /x?ref=+44 20 7183 8750 13 404954", "GET /x?ref=+44 2071 838 75 200 1"]);
});

describe("Spain's 2-3-2-2 groups after a phone word", () => {
  itStoresCounting("redacts %j", redacted, { phone: 1 }, [
    ["tel: 91 123 45 67", `tel: ${PHONE}`],
    ["Telefon: 93 123 45 67", `Telefon: ${PHONE}`],
    ["Tel.: 99 999 99 99", `Tel.: ${PHONE}`],
    ["llame al 81 234 56 78", `llame al ${PHONE}`],
    ['{"telefono":"91 123 45 67"}', `{"telefono":"${PHONE}"}`],
  ]);
  itKeepsUncounted("keeps %j", redacted, [
    "tel: 00 000 00 00",
    "Telefon: 00 000 00 00",
    "phone 10 100 10 10",
    "llame al 10 100 10 10",
    "phone: 12 345 67 89 ms",
    "tel 20 200 20 20 ms",
    "phone 12 345 67 89 bytes sent",
    "phone: 92 345 67 89 ms",
    "tel 91 123 45 67 bytes",
    "callback around 3pm at 10 20 30 40",
  ]);
});

describe("a national phone percent-encoded with blanks under a phone key", () => {
  const cases: [string, string][] = [
    ["tel=91%20123%2045%2067", `tel=${PHONE}`],
    ["telefono=91+123+45+67", `telefono=${PHONE}`],
    ["phone=0171%201234567", `phone=${PHONE}`],
    ["phone=612%20345%20678", `phone=${PHONE}`],
    ["phone=415%20867%205309", `phone=${PHONE}`],
  ];
  itStoresCounting(
    "redacts %j in a request's URL",
    redacted,
    { phone: 1 },
    cases.map(([query, stored]) => [`GET /api/contacts?${query}&page=2 200 12`, `GET /api/contacts?${stored}&page=2 200 12`]),
  );

  itStoresCounting("redacts %j before a sentence's period", redacted, { phone: 1 }, [
    ["opened /c?phone=415%20867%205309.", `opened /c?phone=${PHONE}.`],
  ]);

  it.each(cases)("redacts %j in url.full, url.query and the body", (query, stored) => {
    expect(storedInvocation(`https://crm.example.com/api/contacts?${query}`)).toEqual({
      full: `https://crm.example.com/api/contacts?${stored}`,
      query: stored,
      body: `GET https://crm.example.com/api/contacts?${stored}`,
    });
  });

  it.each(cases)("redacts %j in a server span's url.query", (query, stored) => {
    expect(storedSpanAttributes(2, [str("url.path", "/api/contacts"), str("url.query", query)])["url.query"]).toBe(stored);
  });

  itKeepsUncounted("keeps %j", redacted, [
    "/api/contacts?page=91%20123%2045%2067",
    "/search?q=415%20867%205309",
    "/api/sum?terms=91+123+45+67",
    "/api/contacts?tel=12%2034",
  ]);
});
