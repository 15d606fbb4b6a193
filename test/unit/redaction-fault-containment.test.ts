/**
 * A fault in redacting one text (a detector's bug, as a `007` in a printed record and Ruby's
 * `name=>""` once were) loses that text, hidden whole by `[REDACTED:redaction_failed]`, and
 * not the request: the rest is redacted and stored, the answer warns, and nothing of the text
 * reaches the rows, the answer or the failure's account. The fault is injected by replacing a
 * built-in detector's check (or search) with one that throws for texts holding `boom`; the
 * deployed code has no hook for it.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseIngestConfig } from "../../workers/ingest/config";
import { prepareExport, type PreparedExport } from "../../workers/ingest/core/pipeline";
import { emailDetector } from "../../workers/ingest/core/redact/detectors/email";
import type { Detector } from "../../workers/ingest/core/redact/detectors";
import type { Signal } from "../../workers/shared/otlp/model";

const pipeline = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true" }).pipeline;
const NOW = "1777190460000000000";
/** The text the faulty check throws on, and the part of it its exception's message quotes. */
const BAD = "write to ana.boom@example.com please";
const BAD_ADDRESS = "ana.boom@example.com";
const FAILED = "[REDACTED:redaction_failed]";

type Writable = { -readonly [K in keyof Detector]: Detector[K] };

/** Makes the e-mail detector's check throw, as a bug would, with a message quoting the text (as `new URL`'s does). */
function faultyCheck(): void {
  const original = emailDetector.rewrite!;
  vi.spyOn(emailDetector as Writable as Required<Writable>, "rewrite").mockImplementation((match, marker, text, start, place) => {
    if (match.includes("boom")) throw new TypeError(`Invalid address: ${text}`);
    return original(match, marker, text, start, place);
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

const str = (stringValue: string) => ({ stringValue });
const attr = (key: string, value: unknown) => ({ key, value });
const resource = { attributes: [attr("service.name", str("checkout"))] };

function exported(signal: Signal, request: unknown): PreparedExport {
  return prepareExport(signal, "json", new TextEncoder().encode(JSON.stringify(request)), pipeline, NOW);
}

/** An attribute map column (`[key, value, key, value, …]`) as an object. */
function mapOf(column: unknown): Record<string, string> {
  const flat = column as string[];
  const map: Record<string, string> = {};
  for (let i = 0; i < flat.length; i += 2) map[flat[i]!] = flat[i + 1]!;
  return map;
}

function logsRequest(records: unknown[]): unknown {
  return { resourceLogs: [{ resource, scopeLogs: [{ scope: { name: "app" }, logRecords: records }] }] };
}

describe("a detector that throws on one text", () => {
  it("hides that log body whole and stores the request: other records and texts are redacted as usual", () => {
    faultyCheck();
    const prepared = exported(
      "logs",
      logsRequest([
        { timeUnixNano: NOW, body: str(BAD), attributes: [attr("order.id", str("A-1"))] },
        { timeUnixNano: NOW, body: str("write to bob@example.com"), attributes: [] },
      ]),
    );
    expect(prepared.accepted).toBe(2);
    expect(prepared.rejected).toBe(0);
    const rows = prepared.batches[0]!.rows as unknown as Array<{ Body: string; LogAttributes: unknown }>;
    expect(rows.map((row) => row.Body)).toEqual([FAILED, "write to [REDACTED:email]"]);
    expect(mapOf(rows[0]!.LogAttributes)).toMatchObject({ "order.id": "A-1", "redaction.count": "1", "redaction.kinds": "redaction_failed" });
    expect(prepared.redactions.failed).toEqual({
      count: 1,
      first: { place: "log record body", detector: "email", error: "TypeError", at: expect.stringMatching(/^at /) },
    });
    expect(prepared.redactions.kinds).toEqual({ redaction_failed: 1, email: 1 });
    expect(prepared.warning).toBe(
      "1 text was stored as [REDACTED:redaction_failed]: redacting them failed (first in log record body, the email detector; " +
        "a fault of this endpoint, reported in its log), so they were hidden whole; the rest of each record is stored",
    );
    // Neither the text nor the exception's message, which quotes it, is kept anywhere.
    expect(JSON.stringify([prepared.batches, prepared.warning, prepared.redactions])).not.toContain("boom");
  });

  it("hides that attribute's value alone, its key kept, and names the key; the record's other attributes and body stay", () => {
    faultyCheck();
    const prepared = exported(
      "logs",
      logsRequest([
        {
          timeUnixNano: NOW,
          body: { kvlistValue: { values: [attr("note", str(BAD)), attr("step", str("paid"))] } },
          attributes: [attr("customer.note", str(BAD)), attr("http.route", str("/checkout")), attr("contact", str("bob@example.com"))],
        },
      ]),
    );
    const row = prepared.batches[0]!.rows[0] as unknown as { Body: string; LogAttributes: unknown };
    expect(mapOf(row.LogAttributes)).toMatchObject({
      "customer.note": FAILED,
      "http.route": "/checkout",
      contact: "[REDACTED:email]",
      // The body's members, lifted as attributes too, are each their own text.
      note: FAILED,
      step: "paid",
      "redaction.count": "4",
    });
    expect(JSON.parse(row.Body)).toEqual({ note: FAILED, step: "paid" });
    expect(prepared.redactions.failed).toMatchObject({ count: 3, first: { place: "log record body, key note", detector: "email" } });
    expect(prepared.warning).toMatch(/^3 texts were stored as \[REDACTED:redaction_failed\]/);
    expect(JSON.stringify([prepared.batches, prepared.warning, prepared.redactions])).not.toContain("boom");
  });

  it("hides a span name, status message and event attribute alone, naming each part", () => {
    faultyCheck();
    const span = {
      traceId: "0123456789abcdef0123456789abcdef",
      spanId: "0123456789abcdef",
      name: BAD,
      kind: 2,
      startTimeUnixNano: NOW,
      endTimeUnixNano: NOW,
      status: { code: 2, message: "failed" },
      events: [{ timeUnixNano: NOW, name: "exception", attributes: [attr("exception.message", str(BAD))] }],
      attributes: [attr("http.route", str("/mail"))],
    };
    const prepared = exported("traces", { resourceSpans: [{ resource, scopeSpans: [{ scope: { name: "app" }, spans: [span] }] }] });
    const row = prepared.batches[0]!.rows[0] as unknown as { SpanName: string; StatusMessage: string; "Events.Attributes": unknown[] };
    expect(row.SpanName).toBe(FAILED);
    expect(row.StatusMessage).toBe("failed");
    expect(mapOf(row["Events.Attributes"][0])).toEqual({ "exception.message": FAILED });
    expect(prepared.redactions.failed).toMatchObject({ count: 2, first: { place: "span name" } });
    expect(JSON.stringify([prepared.batches, prepared.warning, prepared.redactions])).not.toContain("boom");
  });

  it("hides a metric attribute by a hashed marker, so distinct values stay distinct series", () => {
    faultyCheck();
    const point = (to: string) => ({ timeUnixNano: NOW, asInt: "1", attributes: [attr("mail.to", str(to)), attr("route", str("/mail"))] });
    const metric = { name: "mails_sent", sum: { aggregationTemporality: 1, isMonotonic: true, dataPoints: [point(BAD), point(`${BAD} again`), point(BAD)] } };
    const prepared = exported("metrics", { resourceMetrics: [{ resource, scopeMetrics: [{ scope: { name: "app" }, metrics: [metric] }] }] });
    const rows = prepared.batches[0]!.rows as unknown as Array<{ Attributes: unknown }>;
    const values = rows.map((row) => mapOf(row.Attributes)["mail.to"]!);
    expect(values[0]).toMatch(/^\[REDACTED:redaction_failed:[0-9a-f]+\]$/);
    expect(values[1]).toMatch(/^\[REDACTED:redaction_failed:[0-9a-f]+\]$/);
    expect(values[1]).not.toBe(values[0]);
    expect(values[2]).toBe(values[0]);
    expect(rows.map((row) => mapOf(row.Attributes)["route"])).toEqual(["/mail", "/mail", "/mail"]);
    expect(prepared.redactions.failed).toMatchObject({ count: 3, first: { place: "data point attributes, key mail.to", detector: "email" } });
    expect(JSON.stringify([prepared.batches, prepared.warning, prepared.redactions])).not.toContain("boom");
  });

  it("contains a detector's search that throws as its check's", () => {
    const original = emailDetector.search!;
    vi.spyOn(emailDetector as Writable as Required<Writable>, "search").mockImplementation((text, from) => {
      if (text.includes("boom")) throw new RangeError("search ran away");
      return original(text, from);
    });
    const prepared = exported("logs", logsRequest([{ timeUnixNano: NOW, body: str(BAD) }, { timeUnixNano: NOW, body: str("to bob@example.com") }]));
    const rows = prepared.batches[0]!.rows as unknown as Array<{ Body: string }>;
    expect(rows.map((row) => row.Body)).toEqual([FAILED, "to [REDACTED:email]"]);
    expect(prepared.redactions.failed).toMatchObject({ count: 1, first: { detector: "email", error: "RangeError" } });
  });

  it("contains a fault outside the detectors (a key rule's) to the attribute it rules, naming no detector", () => {
    const keyRules = pipeline.redaction.keyRules;
    const ruleFor = keyRules.ruleFor.bind(keyRules);
    vi.spyOn(keyRules, "ruleFor").mockImplementation((key: string) => {
      if (key === "customer.note") throw new Error("rule table corrupt");
      return ruleFor(key);
    });
    const prepared = exported(
      "logs",
      logsRequest([{ timeUnixNano: NOW, body: str("ok"), attributes: [attr("customer.note", str("call me")), attr("http.route", str("/a"))] }]),
    );
    const row = prepared.batches[0]!.rows[0] as unknown as { LogAttributes: unknown };
    expect(mapOf(row.LogAttributes)).toMatchObject({ "customer.note": FAILED, "http.route": "/a" });
    expect(prepared.redactions.failed).toMatchObject({ count: 1, first: { place: "log record attributes, key customer.note", detector: "", error: "Error" } });
  });

  it("leaves the next request's redaction whole: the scanner's state after a fault is a fresh scan's", () => {
    faultyCheck();
    exported("logs", logsRequest([{ timeUnixNano: NOW, body: str(BAD) }]));
    vi.restoreAllMocks();
    const after = exported("logs", logsRequest([{ timeUnixNano: NOW, body: str(BAD) }]));
    expect((after.batches[0]!.rows[0] as unknown as { Body: string }).Body).toBe("write to [REDACTED:email] please");
    expect(after.redactions.failed).toBeUndefined();
    expect(after.warning).toBe("");
  });
});
