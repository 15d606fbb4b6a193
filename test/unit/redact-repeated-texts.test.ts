/**
 * A request's records repeat their values (a route, a colo, the same error's stack): the walk
 * reads a text it already scanned and left unchanged only once (unchanged-texts.ts). What each
 * value becomes must not depend on what was met before it in the request: the same text under
 * another key, in another span kind, or sharing a table slot with a text that holds a secret.
 */
import { describe, expect, it } from "vitest";
import { logRecord, logsRequest, metricsRequest, span, tracesRequest } from "../support/model-builders";
import type { AnyValue, KeyValue, NumberDataPoint } from "../../workers/shared/otlp/model";
import { defaultRedactionPolicy, redactRequest } from "../../workers/ingest/core/redact";
import { Met, UnchangedTexts } from "../../workers/ingest/core/redact/unchanged-texts";

const attr = (key: string, stringValue: string): KeyValue => ({ key, value: { stringValue } });
const text = (value: AnyValue | undefined) => (value !== undefined && "stringValue" in value ? value.stringValue : undefined);
const valueOf = (attributes: KeyValue[], key: string) => text(attributes.find((a) => a.key === key)?.value);

/** Each record's attributes after redacting one log request holding a record per list. */
function redactRecords(records: KeyValue[][]): KeyValue[][] {
  const request = logsRequest(records.map((attributes) => logRecord({ attributes })));
  redactRequest("logs", request, defaultRedactionPolicy());
  return request.resourceLogs[0]!.scopeLogs[0]!.logRecords.map((record) => record.attributes);
}

describe("texts a request repeats", () => {
  it("finds a card under a plain key after the same digits were kept under an id's key, and keeps them under the id's key after", () => {
    const card = "4111111111111111";
    const [first, second, third] = redactRecords([[attr("order.id", card)], [attr("note", card)], [attr("order.id", card)]]);
    expect(valueOf(first!, "order.id")).toBe(card);
    expect(valueOf(second!, "note")).toBe("[REDACTED:card]");
    expect(valueOf(third!, "order.id")).toBe(card);
  });

  it("rules a header list by its pairs under a header list's key, whether the same text was met unchanged under another key before or after", () => {
    // Under `note` no rule reads the pairs and the text detectors find nothing (in text an unnamed
    // pair's value goes only in a credential's shape, and `letmein` is a word): the text is kept,
    // and remembered as unchanged, but as JSON text, which another key may rule.
    const list = '[["x-api-key","letmein"]]';
    const redacted = '[["x-api-key","[REDACTED:secret]"]]';
    const keys = ["note", "rawHeaders", "note", "rawHeaders"];
    const records = redactRecords(keys.map((key) => [attr(key, list)]));
    expect(records.map((attributes, i) => valueOf(attributes, keys[i]!))).toEqual([list, redacted, list, redacted]);
  });

  it("counts a find on every record that repeats it", () => {
    const records = redactRecords([0, 1, 2].map(() => [attr("message", "mail ana@example.com"), attr("route", "/api/checkout")]));
    for (const attributes of records) {
      expect(valueOf(attributes, "message")).toBe("mail [REDACTED:email]");
      expect(valueOf(attributes, "route")).toBe("/api/checkout");
      expect(attributes.find((a) => a.key === "redaction.count")?.value).toEqual({ intValue: "1" });
    }
  });

  it("answers a text sharing a set of slots with one holding a secret by its own content (same length, same characters where the set is read)", () => {
    // `ops-1@sample.io` and `ops-1Xsample.io` agree at 0, 3, 7, 11, 12, 13 and 14: one set of the table.
    const clean = "ops-1Xsample.io";
    const mail = "ops-1@sample.io";
    const records = redactRecords([clean, mail, clean, mail, clean].map((value) => [attr("contact", value)]));
    expect(records.map((attributes) => valueOf(attributes, "contact"))).toEqual([
      clean,
      "[REDACTED:email]",
      clean,
      "[REDACTED:email]",
      clean,
    ]);
  });

  it("reads a peer's address by its span's kind each time: a client's server is kept, a server's caller is redacted", () => {
    const address = "203.0.113.9";
    const spans = [3, 2, 3, 2].map((kind) => span({ kind, attributes: [attr("network.peer.address", address)] }));
    const request = tracesRequest(spans);
    redactRequest("traces", request, defaultRedactionPolicy());
    expect(request.resourceSpans[0]!.scopeSpans[0]!.spans.map((s) => valueOf(s.attributes, "network.peer.address"))).toEqual([
      address,
      "[REDACTED:ipv4]",
      address,
      "[REDACTED:ipv4]",
    ]);
  });

  it("hashes a repeated metric attribute the same way every time and keeps a repeated clean one", () => {
    const point = (attributes: KeyValue[]): NumberDataPoint => ({ attributes, startTimeUnixNano: "0", timeUnixNano: "1", value: { asInt: "1" }, exemplars: [], flags: 0 });
    const points = [0, 1, 2].map(() => point([attr("client.address", "198.51.100.7"), attr("http.route", "/api/items")]));
    const data = { type: "sum" as const, aggregationTemporality: 2, isMonotonic: true, dataPoints: points };
    const request = metricsRequest([{ name: "requests", description: "", unit: "1", metadata: [], data }]);
    const result = redactRequest("metrics", request, defaultRedactionPolicy());
    const hashed = points.map((p) => valueOf(p.attributes, "client.address"));
    expect(hashed[0]).toMatch(/^\[REDACTED:ipv4:[0-9a-f]+\]$/);
    expect(new Set(hashed).size).toBe(1);
    expect(points.map((p) => valueOf(p.attributes, "http.route"))).toEqual(["/api/items", "/api/items", "/api/items"]);
    expect(result.kinds).toEqual({ ipv4: 3 });
  });
});

describe("the memo of unchanged texts", () => {
  it("keeps two look-alikes of one set, and two scans of one text, the older one giving way to a third", () => {
    // Same length, same characters where the set is read: one set of two slots.
    const [older, newer, third] = ["ops-1Xsample.io", "ops-1Ysample.io", "ops-1Zsample.io"];
    const memo = new UnchangedTexts();
    try {
      memo.add(older, 0, 0, 0, true);
      memo.add(newer, 0, 0, 0, true);
      expect([memo.met(older, 0, 0, 0), memo.met(newer, 0, 0, 0)]).toEqual([Met.PLAIN, Met.PLAIN]);
      memo.add(third, 0, 0, 0);
      expect([memo.has(older, 0, 0, 0), memo.has(newer, 0, 0, 0), memo.has(third, 0, 0, 0), memo.met(third, 0, 0, 0), memo.met(older, 0, 0, 0)]).toEqual([false, true, true, Met.UNCHANGED, Met.NOT]);
      // One text scanned two ways (a colo under `colo` and under a URL's key) is two entries.
      memo.add("GIG", 0, 0, 0);
      memo.add("GIG", 0, 4, 0);
      expect([memo.has("GIG", 0, 0, 0), memo.has("GIG", 0, 4, 0), memo.has("GIG", 4, 4, 0)]).toEqual([true, true, false]);
    } finally {
      memo.release();
    }
    // Released, it holds no text for the next walk.
    const next = new UnchangedTexts();
    expect(next.has(newer, 0, 0, 0)).toBe(false);
    next.release();
  });
});
