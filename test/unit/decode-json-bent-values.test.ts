/**
 * OTLP/JSON writers that bend the rules on an AnyValue or an enum: stored as the Collector would
 * store it, or as the sender plainly meant, and said in the answer's warning, never dropped unsaid.
 */
import { describe, expect, it } from "vitest";
import type { Signal } from "../../workers/shared/otlp/model";
import { parseIngestConfig } from "../../workers/ingest/config";
import { prepareExport, type PreparedExport } from "../../workers/ingest/core/pipeline";
import { decodeRequest } from "../../workers/ingest/core/decode";

const RECEIVED = "1700000000000000000";
const utf8 = new TextEncoder();
const config = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true" }).pipeline;
const prepareText = (signal: Signal, text: string): PreparedExport => prepareExport(signal, "json", utf8.encode(text), config, RECEIVED);
const rowsOf = (prepared: PreparedExport) => prepared.batches.flatMap((batch) => batch.rows) as Record<string, unknown>[];
const LOG = "resourceLogs[0].scopeLogs[0].logRecords[0]";
/** A logs request of one record holding `fields` (raw JSON members). */
const logWith = (fields: string) => `{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"timeUnixNano":"${RECEIVED}",${fields}}]}]}]}`;

const UNREAD =
  "AnyValue with no member OTLP defines (stringValue, intValue, boolValue, doubleValue, arrayValue, kvlistValue, bytesValue) " +
  "stored empty though holding a value under another name";

describe("an AnyValue holding content only under names OTLP does not define", () => {
  it.each([
    ['{"value":{"stringValue":"hi"}}', "value"],
    ['{"Text":"hi"}', "Text"],
    ['{"message":"hi"}', "message"],
  ])("%s is stored empty, as the Collector stores it, and warned of with its path and key", (body, key) => {
    const prepared = prepareText("logs", logWith(`"body":${body}`));
    expect(prepared).toMatchObject({ accepted: 1, rejected: 0 });
    expect(rowsOf(prepared)[0]!.Body).toBe("");
    expect(prepared.warning).toBe(`1 ${UNREAD} (first ${LOG}.body.${key})`);
  });

  it("counts attribute values too, and says nothing of an empty value", () => {
    const prepared = prepareText("logs", logWith(`"body":{},"attributes":[{"key":"a","value":{"value":{"intValue":"1"}}},{"key":"b","value":{}}]`));
    expect(prepared.warning).toBe(`1 ${UNREAD} (first ${LOG}.attributes[0].value.value)`);
  });
});

/** A request of a gauge and `metric` after it, at METRIC; `point` is a data message of one point. */
const metrics = (metric: string) =>
  prepareText("metrics", `{"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"name":"g.attrs","gauge":{"dataPoints":[{"timeUnixNano":"${RECEIVED}","asDouble":7}]}},${metric}]}]}]}`);
const METRIC = "resourceMetrics[0].scopeMetrics[0].metrics[1]";
const point = (value: number) => `{"dataPoints":[{"timeUnixNano":"${RECEIVED}","asDouble":${value}}]}`;

const CHOSEN =
  "value with more than one member of its oneof set (an AnyValue, a point's asDouble and asInt, or a metric's gauge, sum, histogram, exponentialHistogram and summary) " +
  "stored as one: the only one not at its default (a metric's only one holding data points), else the last sent";

describe("an AnyValue with more than one member set", () => {
  it("keeps the only member not at its default (a struct serializer writing every member)", () => {
    const prepared = prepareText("logs", logWith(`"body":{"stringValue":"x","boolValue":false,"intValue":0,"doubleValue":0}`));
    expect(prepared).toMatchObject({ accepted: 1, rejected: 0 });
    expect(rowsOf(prepared)[0]!.Body).toBe("x");
    expect(prepared.warning).toBe(`1 ${CHOSEN} (first at ${LOG}.body (stringValue, boolValue, intValue, doubleValue set, stringValue kept))`);
  });

  it("keeps the last sent when several are filled, across both spellings, as the Collector does", () => {
    const prepared = prepareText("logs", logWith(`"body":{"stringValue":"x","int_value":"5"}`));
    expect(rowsOf(prepared)[0]!.Body).toBe("5");
    expect(prepared.warning).toBe(`1 ${CHOSEN} (first at ${LOG}.body (stringValue, int_value set, int_value kept))`);
    const allDefault = prepareText("logs", logWith(`"body":{"stringValue":"","boolValue":false}`));
    expect(rowsOf(allDefault)[0]!.Body).toBe("false");
  });

  it("reads a number point's asDouble and asInt by the same rule", () => {
    const gauge = (point: string) =>
      prepareText("metrics", `{"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"name":"g","gauge":{"dataPoints":[{"timeUnixNano":"${RECEIVED}",${point}}]}}]}]}]}`);
    const POINT = "resourceMetrics[0].scopeMetrics[0].metrics[0].gauge.dataPoints[0]";
    const zeroDouble = gauge(`"asDouble":0,"asInt":"7"`);
    expect(rowsOf(zeroDouble)[0]!.Value).toBe(7);
    expect(zeroDouble.warning).toBe(`1 ${CHOSEN} (first at ${POINT} (asDouble, asInt set, asInt kept))`);
    expect(rowsOf(gauge(`"as_int":"7","asDouble":1.5`))[0]!.Value).toBe(1.5);
  });

  it("refuses a metric with two data members both holding points, as keeping one would lose the other's points silently", () => {
    const sum = `{"aggregationTemporality":2,"isMonotonic":true,"dataPoints":[{"timeUnixNano":"${RECEIVED}","asInt":"2"}]}`;
    expect(() => metrics(`{"name":"two.types","gauge":${point(1)},"sum":${sum}}`)).toThrow(`${METRIC}: both gauge and sum set, but they are members of one oneof`);
    expect(() => metrics(`{"name":"two.types","sum":${sum},"gauge":${point(1)}}`)).toThrow(`${METRIC}: both sum and gauge set, but they are members of one oneof`);
  });

  it("reads the exact data member beside another named but for case, as the Collector reads only the exact one", () => {
    const sum = `{"aggregationTemporality":2,"isMonotonic":true,"dataPoints":[{"timeUnixNano":"${RECEIVED}","asInt":"2"}]}`;
    for (const metric of [`"Gauge":${point(1)},"sum":${sum}`, `"sum":${sum},"Gauge":${point(1)}`]) {
      const read = metrics(`{"name":"two.types",${metric}}`);
      expect(rowsOf(read)[1]).toMatchObject({ MetricName: "two.types", Value: 2 });
      expect(read.warning).toContain(`first at ${METRIC} (sum, Gauge)`);
    }
  });

  it("reads a metric with two data members of which only one holds points, with the oneof warning", () => {
    // Only one holds points (a struct serializer writing every member): that one, wherever it stands.
    const one = metrics(`{"name":"two.types","gauge":${point(3)},"sum":{}}`);
    expect(rowsOf(one).map((row) => [row.MetricName, row.Value])).toEqual([
      ["g.attrs", 7],
      ["two.types", 3],
    ]);
    expect(one.warning).toBe(`1 ${CHOSEN} (first at ${METRIC} (gauge, sum set, gauge kept))`);
    for (const [metric, named] of [
      [`"Gauge":${point(3)},"sum":{}`, "Gauge, sum set, Gauge kept"],
      [`"sum":{},"Gauge":${point(3)}`, "sum, Gauge set, Gauge kept"],
    ]) {
      const folded = metrics(`{"name":"two.types",${metric}}`);
      expect(rowsOf(folded)[1]).toMatchObject({ MetricName: "two.types", Value: 3 });
      expect(folded.warning).toContain(`1 ${CHOSEN} (first at ${METRIC} (${named}))`);
      expect(folded.warning).toContain(`${METRIC}.Gauge as gauge`);
    }
    expect(rowsOf(metrics(`{"name":"two.types","exponential_histogram":{},"summary":{"dataPoints":[{"timeUnixNano":"${RECEIVED}","count":"1","sum":4}]}}`))[1]).toMatchObject({
      MetricName: "two.types",
      Count: "1",
      Sum: 4,
    });
  });

  it("still refuses a data member that is malformed beside another, naming it as sent", () => {
    expect(() =>
      prepareText("metrics", `{"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"name":"m","gauge":{"dataPoints":[{"asDouble":"x"}]},"sum":{}}]}]}]}`),
    ).toThrow('resourceMetrics[0].scopeMetrics[0].metrics[0].gauge.dataPoints[0].asDouble: expected double, got "x"');
  });

  it("still refuses a member that is malformed, naming it as sent", () => {
    expect(() => prepareText("logs", logWith(`"body":{"stringValue":"x","int_value":"five"}`))).toThrow(`${LOG}.body.int_value: expected int64, got "five"`);
  });
});

const SPAN = `"traceId":"0102030405060708090a0b0c0d0e0f10","spanId":"0102030405060708","name":"s","startTimeUnixNano":"${RECEIVED}","endTimeUnixNano":"${RECEIVED}"`;
const spanWith = (fields: string) => `{"resourceSpans":[{"scopeSpans":[{"spans":[{${SPAN},${fields}}]}]}]}`;

describe("enum names", () => {
  it("reads a name without its type's prefix, in any case, as the value it names", () => {
    for (const name of ["ERROR", "Error", "SEVERITY_NUMBER_ERROR", "severity_number_error"]) {
      const prepared = prepareText("logs", logWith(`"severityNumber":"${name}"`));
      expect(rowsOf(prepared)[0]!.SeverityNumber).toBe(17);
      expect(prepared.warning).toBe("");
    }
    const span = rowsOf(prepareText("traces", spanWith(`"kind":"SERVER","status":{"code":"ERROR"}`)))[0]!;
    expect([span.SpanKind, span.StatusCode]).toEqual(["Server", "Error"]);
  });

  it("stores a name the enum does not have as 0, keeps it as sent in the note and warns, as an undefined number", () => {
    const log = prepareText("logs", logWith(`"severityNumber":"LOUD"`));
    expect(log).toMatchObject({ accepted: 1, rejected: 0 });
    expect(rowsOf(log)[0]).toMatchObject({ SeverityNumber: 0, LogAttributes: ["otel.severity_number.original", "LOUD"] });
    expect(log.warning).toContain(`1 severityNumber value not defined by OTLP (0 to 24) stored as 0 (SEVERITY_NUMBER_UNSPECIFIED)`);
    const span = prepareText("traces", spanWith(`"kind":"SERVERISH","status":{"code":"BAD"}`));
    expect(rowsOf(span)[0]).toMatchObject({
      SpanKind: "Unspecified",
      StatusCode: "Unset",
      SpanAttributes: ["otel.span_kind.original", "SERVERISH", "otel.span_status_code.original", "BAD"],
    });
    const metrics = prepareText(
      "metrics",
      `{"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"name":"m","sum":{"aggregationTemporality":"WEEKLY","dataPoints":[{"asInt":"1","timeUnixNano":"${RECEIVED}"}]}}]}]}]}`,
    );
    expect(rowsOf(metrics)[0]).toMatchObject({ AggregationTemporality: 0, ScopeAttributes: ["otel.aggregation_temporality.original", "WEEKLY"] });
  });
});

describe("base64 with MIME line breaks (Go's decoder in the Collector skips CR and LF)", () => {
  const bytesOf = (text: string) => {
    const request = decodeRequest("logs", "json", utf8.encode(logWith(`"body":{"bytesValue":${JSON.stringify(text)}}`)));
    return request.resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!.body;
  };

  it.each(["+/8=\n", "+/8=\r\n", "+/\r\n8=", "-_8"])("reads %j as the bytes it encodes", (text) => {
    expect(bytesOf(text)).toEqual({ bytesValue: new Uint8Array([0xfb, 0xff]) });
  });

  it("reads a value wrapped every 76 characters, and still refuses other characters", () => {
    const bytes = new Uint8Array(120).map((_, i) => i);
    const wrapped = btoa(String.fromCharCode(...bytes)).replace(/.{76}/g, "$&\r\n");
    expect(bytesOf(wrapped)).toEqual({ bytesValue: bytes });
    expect(() => bytesOf("+/8= \n")).toThrow(/bytesValue: expected base64/);
  });

  it("reads a base64 span id with a line break as the id it encodes", () => {
    const request = decodeRequest("logs", "json", utf8.encode(logWith(`"spanId":"AQIDBAUGBwg=\\n"`)));
    expect(request.resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!.spanId).toBe("0102030405060708");
  });
});

describe("bytes that are not UTF-8, stored as U+FFFD (rows hold text) and warned of", () => {
  const NOT_UTF8 = "rows hold text, so bytes that are not UTF-8 cannot be kept as sent";

  it("counts each sequence of a JSON document and names the first string holding one", () => {
    const text = logWith(`"body":{"stringValue":"aXb"},"attributes":[{"key":"kX1","value":{"stringValue":"1\uFFFD"}}]`);
    const bytes = Uint8Array.from(utf8.encode(text), (byte) => (byte === 0x58 ? 0xff : byte));
    const prepared = prepareExport("logs", "json", bytes, config, RECEIVED);
    expect(rowsOf(prepared)[0]).toMatchObject({ Body: "a\uFFFDb", LogAttributes: ["k\uFFFD1", "1\uFFFD"] });
    // The U+FFFD the sender wrote as such is no replacement.
    expect(prepared.warning).toBe(`2 byte sequences not valid UTF-8 stored as U+FFFD (first in ${LOG}.body.stringValue; ${NOT_UTF8})`);
  });

  it("counts a protobuf string's, and says keys equal only once replaced may have differed", () => {
    const len = (field: number, body: Uint8Array) => Uint8Array.of((field << 3) | 2, body.length, ...body);
    const key = (byte: number) => len(6, Uint8Array.of(...len(1, Uint8Array.of(0x6b, byte)), ...len(2, len(1, utf8.encode(`v${byte}`)))));
    const record = Uint8Array.of(...len(5, len(1, utf8.encode("x"))), ...key(0xfe), ...key(0xff));
    const body = len(1, len(2, len(2, record)));
    const prepared = prepareExport("logs", "protobuf", body, config, RECEIVED);
    expect((rowsOf(prepared)[0]!.LogAttributes as string[]).slice(0, 2)).toEqual(["k\uFFFD", "v254"]);
    expect(prepared.warning).toContain(`2 byte sequences not valid UTF-8 stored as U+FFFD (first in the string at byte 15 of the body; ${NOT_UTF8})`);
    expect(prepared.warning).toContain(
      "1 attribute value dropped for a key equal to an earlier one in the same list, with another value, once what UTF-8 cannot hold (bytes that are not UTF-8, a JSON text's lone surrogates) was replaced by U+FFFD",
    );
  });
});

describe("a pre-0.7 Status with only deprecatedCode, by the rule OTLP 0.7 gave receivers", () => {
  it.each([
    ['{"deprecatedCode":0}', "Unset"],
    ['{"deprecatedCode":"DEPRECATED_STATUS_CODE_OK"}', "Unset"],
    ['{"deprecatedCode":2}', "Error"],
    ['{"deprecated_code":"DEPRECATED_STATUS_CODE_UNAVAILABLE","message":"down"}', "Error"],
    ['{"code":1,"deprecatedCode":2}', "Ok"],
  ])("%s is stored as %s", (status, code) => {
    expect(rowsOf(prepareText("traces", spanWith(`"status":${status}`)))[0]!.StatusCode).toBe(code);
  });
});
