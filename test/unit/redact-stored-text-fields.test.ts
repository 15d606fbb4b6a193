/**
 * Every text field of the OTLP model (workers/shared/otlp/model.ts) that reaches a column is
 * either scanned by redaction or kept on purpose (an id, a number, an enum, a name of the
 * schema), and the list below says which: a field added to the model without a decision fails
 * here. Each scanned field is checked by planting an e-mail address in it: a span's and a link's
 * W3C `traceState` (a vendor's `key=value` member may hold a user's id or address), the
 * instrumentation scope's name and version, bytes holding UTF-8 text (a log body, an attribute:
 * stored as the base64 of the redacted text, as the Collector stores bytes).
 */
import { readFileSync } from "node:fs";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import type { AnyValue, InstrumentationScope, Span } from "../../workers/shared/otlp/model";
import { defaultRedactionPolicy, redactRequest } from "../../workers/ingest/core/redact";
import { anyValueAsString } from "../../workers/ingest/core/rows/any-value";
import { logRecord, logsRequest, metricsRequest, span, tracesRequest } from "../support/model-builders";

/** Why a text field is not scanned. */
type Kept = "id" | "number" | "enum" | "schema name" | "not stored";
type Decision = "scanned" | Kept;

/** `Type.field` of each model field whose type holds text (a string, a 64-bit integer's digits, an enum, bytes). */
const DECISIONS: Readonly<Record<string, Decision>> = {
  "AnyValue.stringValue": "scanned",
  // A number is scanned as its digits only under a key naming a person's number (`phone`).
  "AnyValue.intValue": "number",
  "AnyValue.bytesValue": "scanned",
  // Attribute keys are the schema's names (`user.email`), ruled by the key rules, never replaced.
  "KeyValue.key": "schema name",
  "InstrumentationScope.name": "scanned",
  "InstrumentationScope.version": "scanned",
  "LogRecord.timeUnixNano": "number",
  "LogRecord.observedTimeUnixNano": "number",
  "LogRecord.severityNumber": "enum",
  // A level's name (`WARN`), normalized to the severity's; the sender's other name as noted.
  "LogRecord.severityText": "enum",
  "LogRecord.originalSeverityText": "enum",
  "LogRecord.traceId": "id",
  "LogRecord.spanId": "id",
  "LogRecord.eventName": "scanned",
  // The template body's bookkeeping is never serialized: the body and attributes it names are scanned.
  "TemplateBody.map": "not stored",
  "TemplateBody.properties": "not stored",
  "TemplateBody.renderings": "not stored",
  "TemplateBody.elements": "not stored",
  "TemplateBody.counts": "not stored",
  "TemplatePart.leaves": "not stored",
  "TemplateProperty.written": "not stored",
  "ScopeLogs.schemaUrl": "schema name",
  "ResourceLogs.schemaUrl": "schema name",
  "SpanEvent.timeUnixNano": "number",
  "SpanEvent.name": "scanned",
  "SpanLink.traceId": "id",
  "SpanLink.spanId": "id",
  "SpanLink.traceState": "scanned",
  "SpanStatus.message": "scanned",
  "SpanStatus.code": "enum",
  "Span.traceId": "id",
  "Span.spanId": "id",
  "Span.traceState": "scanned",
  "Span.parentSpanId": "id",
  "Span.name": "scanned",
  "Span.kind": "enum",
  "Span.startTimeUnixNano": "number",
  "Span.endTimeUnixNano": "number",
  "ScopeSpans.schemaUrl": "schema name",
  "ResourceSpans.schemaUrl": "schema name",
  "NumberValue.asInt": "number",
  "Exemplar.timeUnixNano": "number",
  "Exemplar.spanId": "id",
  "Exemplar.traceId": "id",
  "NumberDataPoint.startTimeUnixNano": "number",
  "NumberDataPoint.timeUnixNano": "number",
  "HistogramDataPoint.startTimeUnixNano": "number",
  "HistogramDataPoint.timeUnixNano": "number",
  "HistogramDataPoint.count": "number",
  "HistogramDataPoint.bucketCounts": "number",
  "ExponentialHistogramBuckets.bucketCounts": "number",
  "ExponentialHistogramDataPoint.startTimeUnixNano": "number",
  "ExponentialHistogramDataPoint.timeUnixNano": "number",
  "ExponentialHistogramDataPoint.count": "number",
  "ExponentialHistogramDataPoint.zeroCount": "number",
  "SummaryDataPoint.startTimeUnixNano": "number",
  "SummaryDataPoint.timeUnixNano": "number",
  "SummaryDataPoint.count": "number",
  // An instrument's name, description and unit are its author's, the series' schema, as the Collector's are.
  "Metric.name": "schema name",
  "Metric.description": "schema name",
  "Metric.unit": "schema name",
  "MetricData.aggregationTemporality": "enum",
  "ScopeMetrics.schemaUrl": "schema name",
  "ResourceMetrics.schemaUrl": "schema name",
};

/** A type holding text: a string, a 64-bit integer's digits, an enum's value, bytes. */
const TEXTUAL = /\b(?:string|Int64String|EnumValue|AggregationTemporality|Uint8Array)\b/;

/** `Type.field` of every property holding text in model.ts: interfaces' and the object types of its type aliases. */
function modelTextFields(): string[] {
  const path = new URL("../../workers/shared/otlp/model.ts", import.meta.url);
  const source = ts.createSourceFile(path.pathname, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true);
  const fields: string[] = [];
  const members = (owner: string, list: ts.NodeArray<ts.TypeElement>) => {
    for (const member of list) {
      if (ts.isPropertySignature(member) && member.type !== undefined && TEXTUAL.test(member.type.getText(source))) {
        fields.push(`${owner}.${member.name.getText(source)}`);
      }
    }
  };
  const visit = (owner: string, type: ts.TypeNode) => {
    if (ts.isTypeLiteralNode(type)) members(owner, type.members);
    else if (ts.isUnionTypeNode(type)) for (const part of type.types) visit(owner, part);
  };
  source.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node)) members(node.name.text, node.members);
    else if (ts.isTypeAliasDeclaration(node)) visit(node.name.text, node.type);
  });
  // A union's members may each declare the field (`MetricData`'s `aggregationTemporality`).
  return [...new Set(fields)];
}

const EMAIL = "ana.kowalska@example.com";
const policy = defaultRedactionPolicy();
const utf8 = (text: string) => new TextEncoder().encode(text);
const text = (value: AnyValue | undefined) => (value !== undefined && "bytesValue" in value ? new TextDecoder().decode(value.bytesValue) : anyValueAsString(value));

/** A span redacted after `set` planted `sent` in it, and `read`'s text of the field after. */
function spanField(set: (s: Span, sent: string) => void, read: (s: Span) => string): (sent: string) => string {
  return (sent) => {
    const s = span({ links: [{ traceId: "", spanId: "", traceState: "", attributes: [], droppedAttributesCount: 0, flags: 0 }], events: [{ timeUnixNano: "0", name: "", attributes: [], droppedAttributesCount: 0 }] });
    set(s, sent);
    redactRequest("traces", tracesRequest([s]), policy);
    return read(s);
  };
}

/** A scope's field in every signal's request, redacted: the texts it holds after, in logs, traces and metrics. */
function scopeField(field: "name" | "version"): (sent: string) => string {
  return (sent) => {
    const logs = logsRequest([logRecord()]);
    const traces = tracesRequest([span()]);
    const metrics = metricsRequest([]);
    const scopes: InstrumentationScope[] = [logs.resourceLogs[0]!.scopeLogs[0]!.scope, traces.resourceSpans[0]!.scopeSpans[0]!.scope, metrics.resourceMetrics[0]!.scopeMetrics[0]!.scope];
    for (const scope of scopes) scope[field] = sent;
    redactRequest("logs", logs, policy);
    redactRequest("traces", traces, policy);
    redactRequest("metrics", metrics, policy);
    return scopes.map((scope) => scope[field]).join("\n");
  };
}

/** For each scanned field: plant a text in it, redact the request, and read back what is stored. */
const PLANTED: Readonly<Record<string, (sent: string) => string>> = {
  "AnyValue.stringValue": (sent) => {
    const record = logRecord({ body: { stringValue: sent } });
    redactRequest("logs", logsRequest([record]), policy);
    return text(record.body);
  },
  "AnyValue.bytesValue": (sent) => {
    const record = logRecord({ body: { bytesValue: utf8(sent) }, attributes: [{ key: "payload", value: { bytesValue: utf8(sent) } }] });
    redactRequest("logs", logsRequest([record]), policy);
    return `${text(record.body)}\n${text(record.attributes[0]!.value)}`;
  },
  "InstrumentationScope.name": scopeField("name"),
  "InstrumentationScope.version": scopeField("version"),
  "LogRecord.eventName": (sent) => {
    const record = logRecord({ eventName: sent });
    redactRequest("logs", logsRequest([record]), policy);
    return record.eventName;
  },
  "SpanEvent.name": spanField((s, sent) => (s.events[0]!.name = sent), (s) => s.events[0]!.name),
  "SpanLink.traceState": spanField((s, sent) => (s.links[0]!.traceState = sent), (s) => s.links[0]!.traceState),
  "SpanStatus.message": spanField((s, sent) => (s.status.message = sent), (s) => s.status.message),
  "Span.traceState": spanField((s, sent) => (s.traceState = sent), (s) => s.traceState),
  "Span.name": spanField((s, sent) => (s.name = sent), (s) => s.name),
};

describe("every text field of the model has a redaction decision", () => {
  it("lists each field model.ts declares, and no other", () => {
    expect(Object.keys(DECISIONS).sort()).toEqual(modelTextFields().sort());
  });

  it("checks each scanned field, and only those", () => {
    expect(Object.keys(PLANTED).sort()).toEqual(Object.keys(DECISIONS).filter((field) => DECISIONS[field] === "scanned").sort());
  });

  it.each(Object.keys(PLANTED))("%s: an e-mail address planted in it is redacted, the text around kept", (field) => {
    const stored = PLANTED[field]!(`app=user:${EMAIL}`);
    expect(stored).not.toContain(EMAIL);
    for (const line of stored.split("\n")) expect(line).toMatch(/^app=user:\[REDACTED:email(?::[0-9a-f]{16})?\]$/);
  });
});

describe("a scope's attributes", () => {
  it("are scanned in every signal, counted in the scope's summary where one is written", () => {
    const logs = logsRequest([logRecord()]);
    const traces = tracesRequest([span()]);
    const metrics = metricsRequest([]);
    const scopes = [logs.resourceLogs[0]!.scopeLogs[0]!.scope, traces.resourceSpans[0]!.scopeSpans[0]!.scope, metrics.resourceMetrics[0]!.scopeMetrics[0]!.scope];
    for (const scope of scopes) scope.attributes = [{ key: "owner", value: { stringValue: EMAIL } }];
    redactRequest("logs", logs, policy);
    redactRequest("traces", traces, policy);
    redactRequest("metrics", metrics, policy);
    const [logScope, spanScope, metricScope] = scopes.map((scope) => Object.fromEntries(scope.attributes.map((a) => [a.key, text(a.value)])));
    expect(logScope).toEqual({ owner: "[REDACTED:email]", "redaction.count": "1", "redaction.kinds": "email" });
    expect(spanScope).toEqual(logScope);
    // A metric's scope attributes are series identity: a hashed marker, no summary key.
    expect(metricScope).toEqual({ owner: expect.stringMatching(/^\[REDACTED:email:[0-9a-f]{16}\]$/) });
  });
});

describe("what the scanned fields hold is kept when it is no one's data", () => {
  it.each([
    "dd=s:2;o:rum;t.dm:-0;t.tid:6650a1b200000000;p:00f067aa0ba902b7",
    "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7",
    "33@nr=0-0-33-5043-27ddd2d8890283b4-5569065a5b1313bd-1-1.23456-1518469636035",
    "ot=th:0;rv:ab12cd34ef5678",
    "es=s:0.5",
  ])("a vendor's trace state %s", (state) => {
    expect(PLANTED["Span.traceState"]!(state)).toBe(state);
    expect(PLANTED["SpanLink.traceState"]!(state)).toBe(state);
  });

  it.each([
    ["io.opentelemetry.jdbc", "2.10.0-alpha"],
    ["Microsoft.AspNetCore.Hosting", "8.0.0.0"],
    ["@opentelemetry/instrumentation-http", "0.57.2"],
    ["com.example.PaymentService", "1.20.10.4"],
  ])("a scope %s at version %s", (name, version) => {
    expect(scopeField("name")(name)).toBe([name, name, name].join("\n"));
    expect(scopeField("version")(version)).toBe([version, version, version].join("\n"));
  });

  it("bytes that are no UTF-8 text stay as sent", () => {
    const binary = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);
    const control = utf8(`\u0001\u0002${EMAIL}`);
    const record = logRecord({ body: { bytesValue: binary }, attributes: [{ key: "frame", value: { bytesValue: control } }] });
    redactRequest("logs", logsRequest([record]), policy);
    expect(record.body).toEqual({ bytesValue: binary });
    expect(record.attributes).toEqual([{ key: "frame", value: { bytesValue: control } }]);
  });
});

describe("bytes holding text are stored as the base64 of the redacted text", () => {
  it("a log body and an attribute, counted in the record's summary", () => {
    const record = logRecord({ body: { bytesValue: utf8(`{"email":"${EMAIL}","n":1}`) }, attributes: [{ key: "payload", value: { bytesValue: utf8("call +48 601 234 567") } }] });
    redactRequest("logs", logsRequest([record]), policy);
    expect(anyValueAsString(record.body)).toBe(btoa('{"email":"[REDACTED:email]","n":1}'));
    const stored = Object.fromEntries(record.attributes.map((a) => [a.key, a.value]));
    expect(anyValueAsString(stored["payload"])).toBe(btoa("call [REDACTED:phone]"));
    expect(stored["redaction.kinds"]).toEqual({ stringValue: "email,phone" });
  });

  it("a metric attribute's bytes get the hashed marker, keeping series apart", () => {
    const point = (sent: string) => ({ attributes: [{ key: "payload", value: { bytesValue: utf8(sent) } }], startTimeUnixNano: "0", timeUnixNano: "1", value: { asInt: "1" }, exemplars: [], flags: 0 });
    const points = [point(`to ${EMAIL}`), point("to bo@example.com")];
    redactRequest("metrics", metricsRequest([{ name: "m", description: "", unit: "1", metadata: [], data: { type: "gauge", dataPoints: points } }]), policy);
    const [first, second] = points.map((p) => text(p.attributes[0]!.value));
    expect(first).toMatch(/^to \[REDACTED:email:[0-9a-f]{16}\]$/);
    expect(second).toMatch(/^to \[REDACTED:email:[0-9a-f]{16}\]$/);
    expect(first).not.toBe(second);
  });
});
