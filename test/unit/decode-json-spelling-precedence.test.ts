/**
 * A field under its exact names and under another spelling (other letter case, `_` added or
 * missing): the exact names' value is kept, as the Collector reads only them, and the other
 * spelling only fills what they left unset, member by member inside a message; a default,
 * a zero enum's name included, never replaces a value at any depth. Each case was stored by the
 * decoder before spellings were read together, and lost after (the probe's findings).
 */
import { describe, expect, it } from "vitest";
import { decodeNotesWarning, decodeRequest, emptyDecodeNotes } from "../../workers/ingest/core/decode";

const TRACE_ID = "5b8efff798038103d269b633813fc60c";
const SPAN_ID = "eee19b7ec3c1b174";
const utf8 = new TextEncoder();

function decoded<S extends "logs" | "traces" | "metrics">(signal: S, text: string) {
  const notes = emptyDecodeNotes();
  const request = decodeRequest(signal, "json", utf8.encode(text), undefined, undefined, undefined, notes);
  return { request, warning: decodeNotesWarning(notes) };
}

/** The one log record of a request holding `fields`, with its scope. */
function logRecord(fields: string, scope = `"scope":{"name":"s"}`) {
  const { request, warning } = decoded("logs", `{"resourceLogs":[{"scopeLogs":[{${scope},"logRecords":[{${fields}}]}]}]}`);
  const scopeLogs = request.resourceLogs[0]!.scopeLogs[0]!;
  return { record: scopeLogs.logRecords[0]!, scope: scopeLogs.scope, warning };
}

/** The one span of a request holding `fields`. */
function span(fields: string) {
  const text = `{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"${TRACE_ID}","spanId":"${SPAN_ID}","name":"n",${fields}}]}]}]}`;
  const { request, warning } = decoded("traces", text);
  return { span: request.resourceSpans[0]!.scopeSpans[0]!.spans[0]!, warning };
}

describe("a message under its exact name and another spelling: members filled, never replaced by a default", () => {
  it.each([
    { fields: `"status":{"code":2,"message":"boom"},"STATUS":{"code":0}`, status: { code: 2, message: "boom" } },
    { fields: `"status":{"code":2,"message":"boom"},"Status":{"message":""}`, status: { code: 2, message: "boom" } },
    { fields: `"Status":{"message":""},"status":{"code":2,"message":"boom"}`, status: { code: 2, message: "boom" } },
    // The other spelling fills a member the exact one left unset.
    { fields: `"status":{"code":2},"STATUS":{"code":1,"message":"m"}`, status: { code: 2, message: "m" } },
    // A member named but for case inside either is still one member.
    { fields: `"status":{"Code":2},"STATUS":{"code":0}`, status: { code: 2 } },
  ])("keeps the span's status of $fields", ({ fields, status }) => {
    const read = span(fields);
    expect(read.span.status).toMatchObject(status);
    expect(read.warning).toContain("(status, S");
  });

  it.each([
    { scope: `"scope":{"name":"s"},"Scope":{"name":""}`, name: "s", version: "" },
    { scope: `"scope":{"name":"s","version":"1"},"SCOPE":{"version":""}`, name: "s", version: "1" },
    { scope: `"scope":{"name":"s"},"SCOPE":{"name":"t","version":"2"}`, name: "s", version: "2" },
  ])("keeps the scope of $scope", ({ scope, name, version }) => {
    const read = logRecord(`"body":{"stringValue":"m"}`, scope);
    expect(read.scope).toMatchObject({ name, version });
    expect(read.warning).toContain("(scope, S");
  });

  it.each([
    { fields: `"body":{"stringValue":"v"},"Body":{"stringValue":""}`, body: { stringValue: "v" } },
    { fields: `"body":{"stringValue":"v"},"Body":{"intValue":"5"}`, body: { stringValue: "v" } },
    { fields: `"body":{"kvlistValue":{"values":[{"key":"a","value":{"stringValue":"1"}}]}},"Body":{"kvlistValue":{"values":[{"key":"b","value":{"stringValue":"2"}}]}}`, body: { kvlistValue: [{ key: "a" }, { key: "b" }] } },
  ])("keeps the body of $fields", ({ fields, body }) => {
    const read = logRecord(fields);
    expect(read.record.body).toMatchObject(body);
    expect(read.warning).toContain("(body, Body)");
  });

  it("keeps a KeyValue's value beside Value holding a default", () => {
    const read = logRecord(`"attributes":[{"key":"k","value":{"stringValue":"v"},"Value":{"stringValue":""}}]`);
    expect(read.record.attributes).toEqual([{ key: "k", value: { stringValue: "v" } }]);
    expect(read.warning).toContain("(value, Value)");
  });
});

describe("a zero enum's name is its default, as its number is", () => {
  it.each([
    `"severityNumber":9,"severity_number":"SEVERITY_NUMBER_UNSPECIFIED"`,
    `"severityNumber":9,"SeverityNumber":"SEVERITY_NUMBER_UNSPECIFIED"`,
    `"severity_number":"SEVERITY_NUMBER_UNSPECIFIED","severityNumber":9`,
    `"severityNumber":"SEVERITY_NUMBER_INFO","severity_number":"unspecified"`,
  ])("keeps severity 9 of %s", (fields) => {
    expect(logRecord(fields).record.severityNumber).toBe(9);
  });

  it.each([
    { fields: `"kind":"SPAN_KIND_SERVER","Kind":"SPAN_KIND_UNSPECIFIED"`, kind: 2, code: 0 },
    { fields: `"kind":2,"kind_":"UNSPECIFIED"`, kind: 2, code: 0 },
    { fields: `"status":{"code":"STATUS_CODE_ERROR","Code":"STATUS_CODE_UNSET"}`, kind: 0, code: 2 },
    { fields: `"status":{"code":"STATUS_CODE_ERROR"},"Status":{"code":"STATUS_CODE_UNSET"}`, kind: 0, code: 2 },
    // A deprecated code's "OK" is StatusCode's OK (1), no default beside a code.
    { fields: `"status":{"code":2,"Code":"OK"}`, kind: 0, code: 2 },
  ])("keeps the span's kind and status code of $fields", ({ fields, kind, code }) => {
    const read = span(fields);
    expect(read.span.kind).toBe(kind);
    expect(read.span.status.code).toBe(code);
  });

  it("keeps a sum's aggregation temporality beside AGGREGATION_TEMPORALITY_UNSPECIFIED", () => {
    const text =
      `{"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"name":"m","sum":{"aggregationTemporality":"AGGREGATION_TEMPORALITY_CUMULATIVE",` +
      `"Aggregation_Temporality":"AGGREGATION_TEMPORALITY_UNSPECIFIED","dataPoints":[{"timeUnixNano":"1","asInt":"1"}]}}]}]}]}`;
    const data = decoded("metrics", text).request.resourceMetrics[0]!.scopeMetrics[0]!.metrics[0]!.data;
    expect(data).toMatchObject({ type: "sum", aggregationTemporality: 2 });
  });

  it.each([
    { fields: `"severityNumber":"SEVERITY_NUMBER_INFO","severity_number":"0"`, severity: 9 },
    { fields: `"severityNumber":"SEVERITY_NUMBER_INFO","SeverityNumber":"00"`, severity: 9 },
    { fields: `"severityNumber":"0","SEVERITY_NUMBER":"SEVERITY_NUMBER_WARN"`, severity: 13 },
    { fields: `"severityNumber":"0","severity_number":"SEVERITY_NUMBER_WARN"`, severity: 13 },
  ])('reads an enum\'s "0" as its default, filled or kept: $fields', ({ fields, severity }) => {
    // Alone in the record: no 400 for a record whose only field is filled by another spelling.
    expect(logRecord(fields).record.severityNumber).toBe(severity);
  });
});

describe("a string field has no default but \"\": \"0\" and an enum's zero name are values there", () => {
  it.each([
    { fields: `"severityText":"A","severity_text":"UNSPECIFIED"`, text: "UNSPECIFIED" },
    { fields: `"severityText":"INFO","severity_text":"UNSPECIFIED"`, text: "UNSPECIFIED" },
    { fields: `"severityText":"3","severity_text":"0.0"`, text: "0.0" },
    { fields: `"severityText":"UNSPECIFIED","SEVERITYTEXT":"INFO"`, text: "UNSPECIFIED" },
    { fields: `"severityText":"0","Severity_Text":"INFO"`, text: "0" },
  ])("keeps severity text $text of $fields (the exact names' last, else the exact one)", ({ fields, text }) => {
    expect(logRecord(fields).record.severityText).toBe(text);
  });

  it.each([
    { body: `{"stringValue":"0","StringValue":"5"}`, value: "0" },
    { body: `{"stringValue":"UNSET","StringValue":"ERROR"}`, value: "UNSET" },
    { body: `{"stringValue":"5","string_value":"0"}`, value: "0" },
    { body: `{"stringValue":"OK","string_value":"UNSET"}`, value: "UNSET" },
    { body: `{"stringValue":"","StringValue":"v"}`, value: "v" },
  ])("reads the body $body as $value", ({ body, value }) => {
    expect(logRecord(`"body":${body}`).record.body).toEqual({ stringValue: value });
  });

  it.each([
    { kv: `"key":"0","KEY":"7"`, key: "0" },
    { kv: `"key":"UNSET","KEY":"ERROR"`, key: "UNSET" },
    { kv: `"key":"UNSPECIFIED","Key":"INFO"`, key: "UNSPECIFIED" },
    { kv: `"key":"00","KEY":"x"`, key: "00" },
  ])("keeps the attribute key $key of $kv", ({ kv, key }) => {
    const read = logRecord(`"attributes":[{${kv},"value":{"stringValue":"v"}}]`);
    expect(read.record.attributes).toEqual([{ key, value: { stringValue: "v" } }]);
    expect(read.warning).toMatch(/\(key, K(EY|ey)\)/);
  });
});

describe("key/value lists under an exact and another spelling: the exact list's keys win", () => {
  it.each([
    {
      fields: `"Attributes":[{"key":"a","value":{"stringValue":"x"}},{"key":"b","value":{"stringValue":"z"}}],"attributes":[{"key":"a","value":{"stringValue":"y"}}]`,
      attributes: [{ key: "b", value: { stringValue: "z" } }, { key: "a", value: { stringValue: "y" } }],
    },
    {
      fields: `"attributes":[{"key":"a","value":{"stringValue":"y"}}],"ATTRIBUTES":[{"key":"a","value":{"stringValue":"x"}}]`,
      attributes: [{ key: "a", value: { stringValue: "y" } }],
    },
    {
      // Beside a scalar spelling the lists are filled: the key the exact list holds is not added again.
      fields: `"attributes":[{"key":"a","value":{"stringValue":"y"}}],"Attributes":[{"Key":"a","value":{"stringValue":"x"}},{"key":"c","value":{"intValue":"1"}}],"ATTRIBUTES":"s"`,
      attributes: [{ key: "a", value: { stringValue: "y" } }, { key: "c", value: { intValue: "1" } }],
    },
  ])("keeps $attributes.length attributes of $fields", ({ fields, attributes }) => {
    const read = logRecord(`"body":{"stringValue":"m"},${fields}`);
    expect(read.record.attributes).toEqual(attributes);
    expect(read.warning).toMatch(/\(attributes, A(ttributes|TTRIBUTES)\)|\(Attributes, attributes\)/);
  });

  it("keeps a body kvlist's key from the exact member, dropping KvlistValue's", () => {
    const body =
      `{"kvlistValue":{"values":[{"key":"a","value":{"stringValue":"1"}}]},` +
      `"KvlistValue":{"values":[{"key":"a","value":{"stringValue":""}},{"key":"b","value":{"stringValue":"2"}}]}}`;
    const read = logRecord(`"body":${body}`);
    expect(read.record.body).toEqual({
      kvlistValue: [
        { key: "a", value: { stringValue: "1" } },
        { key: "b", value: { stringValue: "2" } },
      ],
    });
    expect(read.warning).toContain("(kvlistValue, KvlistValue)");
  });

  it.each([
    `"attributes":[{"key":"a","value":{"stringValue":""}}],"Attributes":[{"key":"a","value":{"stringValue":"x"}}]`,
    `"attributes":[{"key":"a"}],"Attributes":[{"key":"a","value":{"stringValue":"x"}}]`,
    `"attributes":[{"key":"a","value":{}}],"Attributes":[{"key":"a","value":{"stringValue":"x"}}]`,
    `"Attributes":[{"key":"a","value":{"stringValue":"x"}}],"attributes":[{"key":"a","value":{"stringValue":""}}]`,
  ])("fills an exact item's unset value from the other spelling's item of its key: %s", (fields) => {
    const read = logRecord(`"body":{"stringValue":"m"},${fields}`);
    expect(read.record.attributes).toEqual([{ key: "a", value: { stringValue: "x" } }]);
    expect(read.warning).toMatch(/\(attributes, Attributes\)|\(Attributes, attributes\)/);
  });

  it("fills a body kvlist's unset value from KvlistValue's item of its key, adding its other keys", () => {
    const body =
      `{"kvlistValue":{"values":[{"key":"a","value":{}}]},` +
      `"KvlistValue":{"values":[{"key":"a","value":{"intValue":"1"}},{"key":"b","value":{"intValue":"2"}}]}}`;
    expect(logRecord(`"body":${body}`).record.body).toEqual({
      kvlistValue: [
        { key: "a", value: { intValue: "1" } },
        { key: "b", value: { intValue: "2" } },
      ],
    });
  });

  it.each([
    `"resource":{"attributes":[{"key":"service.name","value":{"stringValue":""}}],"Attributes":[{"key":"service.name","value":{"stringValue":"svc"}}]}`,
    `"resource":{"attributes":[{"key":"service.name","value":{"stringValue":""}}]},"Resource":{"attributes":[{"key":"service.name","value":{"stringValue":"svc"}}]}`,
  ])("keeps a resource's service.name another spelling gives beside an exact empty one: %s", (resource) => {
    const text = `{"resourceLogs":[{${resource},"scopeLogs":[{"logRecords":[{"body":{"stringValue":"m"}}]}]}]}`;
    expect(decoded("logs", text).request.resourceLogs[0]!.resource.attributes).toEqual([
      { key: "service.name", value: { stringValue: "svc" } },
    ]);
  });

  it("keeps one service.name of a resource beside Resource", () => {
    const text =
      `{"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"svc"}}]},` +
      `"Resource":{"attributes":[{"key":"service.name","value":{"stringValue":""}},{"key":"host","value":{"stringValue":"h"}}]},` +
      `"scopeLogs":[{"logRecords":[{"body":{"stringValue":"m"}}]}]}]}`;
    const { request, warning } = decoded("logs", text);
    expect(request.resourceLogs[0]!.resource.attributes).toEqual([
      { key: "service.name", value: { stringValue: "svc" } },
      { key: "host", value: { stringValue: "h" } },
    ]);
    expect(warning).toContain("(resource, Resource)");
  });
});

describe("an all-zero id is the id's default: another spelling fills it", () => {
  it.each([
    { fields: `"traceId":"00000000000000000000000000000000","TraceId":"${TRACE_ID}"`, traceId: TRACE_ID, spanId: "" },
    { fields: `"body":{"stringValue":"b"},"traceId":"00000000000000000000000000000000","TraceId":"${TRACE_ID}"`, traceId: TRACE_ID, spanId: "" },
    { fields: `"traceId":"","TRACE_ID":"${TRACE_ID}"`, traceId: TRACE_ID, spanId: "" },
    { fields: `"spanId":"0000000000000000","SpanId":"${SPAN_ID}"`, traceId: "", spanId: SPAN_ID },
    { fields: `"traceId":"AAAAAAAAAAAAAAAAAAAAAA==","Trace_Id":"${TRACE_ID}"`, traceId: TRACE_ID, spanId: "" },
    { fields: `"spanId":"${SPAN_ID}","span_id":"0000000000000000"`, traceId: "", spanId: SPAN_ID },
    { fields: `"spanId":"AAAAAAAAAAA=","SPANID":"${SPAN_ID}"`, traceId: "", spanId: SPAN_ID },
    { fields: `"traceId":"${TRACE_ID}","trace_id":"AAAAAAAAAAAAAAAAAAAAAA=="`, traceId: TRACE_ID, spanId: "" },
  ])("stores trace id $traceId, span id $spanId of $fields", ({ fields, traceId, spanId }) => {
    const read = logRecord(fields);
    expect(read.record.traceId ?? "").toBe(traceId);
    expect(read.record.spanId ?? "").toBe(spanId);
  });
});

describe("hex made of A is a real id, no default: it is kept as any id", () => {
  const A32 = "A".repeat(32);
  const A16 = "A".repeat(16);
  it.each([
    // Under both exact names the last is kept, as the Collector keeps it.
    { fields: `"traceId":"${TRACE_ID}","trace_id":"${A32}"`, traceId: "a".repeat(32), spanId: "" },
    { fields: `"spanId":"${SPAN_ID}","span_id":"${A16}"`, traceId: "", spanId: "a".repeat(16) },
    // Under an exact name it wins over another spelling.
    { fields: `"traceId":"${A32}","TraceId":"${TRACE_ID}"`, traceId: "a".repeat(32), spanId: "" },
    { fields: `"spanId":"${A16}","SpanId":"${SPAN_ID}"`, traceId: "", spanId: "a".repeat(16) },
    // Unpadded base64 of zeros is hex of a wrong length, no id: another spelling's id fills it.
    { fields: `"traceId":"AAAAAAAAAAAAAAAAAAAAAA","TraceId":"${TRACE_ID}"`, traceId: TRACE_ID, spanId: "" },
  ])("stores trace id $traceId, span id $spanId of $fields", ({ fields, traceId, spanId }) => {
    const read = logRecord(fields);
    expect(read.record.traceId ?? "").toBe(traceId);
    expect(read.record.spanId ?? "").toBe(spanId);
    expect(read.warning).toContain("sent twice");
  });

  it("keeps a span's parentSpanId, a link's traceId and an exemplar's spanId made of A", () => {
    const read = span(`"parentSpanId":"${A16}","ParentSpanId":"1111111111111111","links":[{"traceId":"${A32}","TraceId":"${TRACE_ID}","spanId":"${SPAN_ID}"}]`);
    expect(read.span.parentSpanId).toBe("a".repeat(16));
    expect(read.span.links[0]!.traceId).toBe("a".repeat(32));
    const { request } = decoded(
      "metrics",
      `{"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"name":"m","gauge":{"dataPoints":[{"asDouble":1,"exemplars":[{"asDouble":2,"spanId":"${A16}","SpanId":"${SPAN_ID}"}]}]}}]}]}]}`,
    );
    const data = request.resourceMetrics[0]!.scopeMetrics[0]!.metrics[0]!.data;
    expect(data).toMatchObject({ type: "gauge", dataPoints: [{ exemplars: [{ spanId: "a".repeat(16) }] }] });
  });
});

describe("an exact enum text that names no value of its enum does not beat a valid value under another spelling", () => {
  it.each(["STATUS_CODE_UNSET", "SPAN_KIND_UNSPECIFIED", "UNSET"])('reads "severityNumber":"%s" beside "SeverityNumber":9 as 9', (name) => {
    const read = logRecord(`"severityNumber":"${name}","SeverityNumber":9,"body":{"stringValue":"b"}`);
    expect(read.record.severityNumber).toBe(9);
    expect(read.warning).toContain("(severityNumber, SeverityNumber)");
  });

  it.each([
    { fields: `"status":{"code":"SEVERITY_NUMBER_UNSPECIFIED","Code":"STATUS_CODE_ERROR"}`, kind: 0, code: 2 },
    { fields: `"kind":"bogus","Kind":"SERVER"`, kind: 2, code: 0 },
  ])("reads the span's $fields", ({ fields, kind, code }) => {
    const read = span(fields);
    expect(read.span.kind).toBe(kind);
    expect(read.span.status.code).toBe(code);
  });

  it("keeps such text alone, and under both exact names the last, as before", () => {
    expect(logRecord(`"severityNumber":"UNSET","body":{"stringValue":"b"}`).record.severityNumber).toBe("UNSET");
    expect(logRecord(`"severityNumber":9,"severity_number":"UNSET"`).record.severityNumber).toBe("UNSET");
  });
});

describe("spellings read before spellings were read together are read still", () => {
  it.each(["traceid_", "_trace_id", "trace__id", "TRACE__ID"])("reads %s beside a body as traceId", (key) => {
    const read = logRecord(`"body":{"stringValue":"m"},"${key}":"${TRACE_ID}"`);
    expect(read.record.traceId).toBe(TRACE_ID);
    expect(read.warning).toContain(`${key} as traceId`);
  });

  it('reads a body\'s "stringvalue_" and "_String_Value"', () => {
    expect(logRecord(`"body":{"stringvalue_":"x"}`).record.body).toEqual({ stringValue: "x" });
    expect(logRecord(`"body":{"_String_Value":"x"}`).record.body).toEqual({ stringValue: "x" });
  });
});

describe("a oneof member under another spelling beside another member set under an exact name is not read", () => {
  /** The one metric's data of a request whose metric holds `fields` beside its name. */
  function metricData(fields: string) {
    const { request, warning } = decoded("metrics", `{"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"name":"m",${fields}}]}]}]}`);
    return { data: request.resourceMetrics[0]!.scopeMetrics[0]!.metrics[0]!.data, warning };
  }

  it.each([
    { point: `"asDouble":1.5,"AsInt":"3"`, value: { asDouble: 1.5 }, note: "(asDouble, AsInt)" },
    { point: `"AS_INT":"3","as_double":1.5`, value: { asDouble: 1.5 }, note: "(as_double, AS_INT)" },
    // An exact member at its default is filled as any field is; the oneof rule then keeps the one not 0.
    { point: `"asDouble":0,"AsInt":"3"`, value: { asInt: "3" }, note: "asDouble, asInt set, asInt kept" },
    // Written as a string ("0", "00") it is at its default too.
    { point: `"asDouble":"0","AsInt":"3"`, value: { asInt: "3" }, note: "asDouble, asInt set, asInt kept" },
    { point: `"asInt":"00","AsDouble":1.5`, value: { asDouble: 1.5 }, note: "asInt, asDouble set, asDouble kept" },
    { point: `"asInt":"0","AsDouble":1.5`, value: { asDouble: 1.5 }, note: "asInt, asDouble set, asDouble kept" },
  ])("reads a gauge point's $point as $value", ({ point, value, note }) => {
    const { data, warning } = metricData(`"gauge":{"dataPoints":[{"timeUnixNano":"1",${point}}]}`);
    expect(data).toMatchObject({ type: "gauge", dataPoints: [{ value }] });
    expect(warning).toContain(note);
  });

  it("reads an exemplar's asDouble beside AsInt", () => {
    const { data, warning } = metricData(`"gauge":{"dataPoints":[{"timeUnixNano":"1","asDouble":1,"exemplars":[{"asDouble":2.5,"AsInt":"7"}]}]}`);
    expect(data).toMatchObject({ type: "gauge", dataPoints: [{ exemplars: [{ value: { asDouble: 2.5 } }] }] });
    expect(warning).toContain("exemplars[0] (asDouble, AsInt)");
  });

  it("reads a metric's gauge beside Sum holding points, no 400", () => {
    const points = `{"dataPoints":[{"timeUnixNano":"1","asInt":"4"}]}`;
    const { data, warning } = metricData(`"gauge":${points},"Sum":${points}`);
    expect(data).toMatchObject({ type: "gauge", dataPoints: [{ value: { asInt: "4" } }] });
    expect(warning).toContain("(gauge, Sum)");
  });

  it.each([
    { fields: `"gauge":{"dataPoints":[]},"Sum":{"dataPoints":[{"timeUnixNano":"1","asDouble":2}],"aggregationTemporality":2}`, type: "sum", note: "(gauge, Sum set, Sum kept)" },
    { fields: `"sum":{"dataPoints":[]},"Gauge":{"dataPoints":[{"timeUnixNano":"1","asDouble":2}]}`, type: "gauge", note: "(sum, Gauge set, Gauge kept)" },
    { fields: `"sum":{"aggregationTemporality":0},"Gauge":{"dataPoints":[{"timeUnixNano":"1","asDouble":2}]}`, type: "gauge", note: "(sum, Gauge set, Gauge kept)" },
  ])("keeps the points of $fields: an exact member without points holds no value", ({ fields, type, note }) => {
    const { data, warning } = metricData(fields);
    expect(data).toMatchObject({ type, dataPoints: [{ value: { asDouble: 2 } }] });
    expect(warning).toContain(note);
  });

  it("reads an exact gauge holding points under DataPoints beside Sum: the gauge, Sum noted", () => {
    const { data, warning } = metricData(`"gauge":{"DataPoints":[{"timeUnixNano":"1","asInt":"4"}]},"Sum":{"dataPoints":[{"timeUnixNano":"1","asInt":"5"}]}`);
    expect(data).toMatchObject({ type: "gauge", dataPoints: [{ value: { asInt: "4" } }] });
    expect(warning).toContain("(gauge, Sum)");
  });
});
