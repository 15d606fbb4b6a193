/**
 * Numbers real JSON senders write where OTLP/JSON asks for something else, stored as the sender
 * meant and said in the answer's warning, never refused whole nor changed unsaid:
 * OpenTelemetry JS's whole numbers past int64 in `intValue`/`asInt` (its protobuf serializer
 * sends them as doubles), JSON.stringify's `null` for NaN and ±Infinity, and integers written as
 * strings with an exponent or a fraction of zeros (the proto3 JSON mapping's number forms).
 */
import { describe, expect, it } from "vitest";
import type { Signal } from "../../workers/shared/otlp/model";
import { parseIngestConfig } from "../../workers/ingest/config";
import { prepareExport, type PreparedExport } from "../../workers/ingest/core/pipeline";
import { OtlpDecodeError } from "../../workers/ingest/core/decode";
import { oracle, oracleEncode } from "../fixtures/otlp/protobuf-oracle";

const RECEIVED = "1700000000000000000";
const utf8 = new TextEncoder();
const config = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true" }).pipeline;
const prepareText = (signal: Signal, text: string): PreparedExport => prepareExport(signal, "json", utf8.encode(text), config, RECEIVED);
const rowsOf = (prepared: PreparedExport) => prepared.batches.flatMap((batch) => batch.rows) as Record<string, unknown>[];

/** A log record with the attribute `n` holding `value` (raw JSON text), as the fuzz probe sent it. */
const logWithValue = (value: string) =>
  `{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"timeUnixNano":"${RECEIVED}","attributes":[{"key":"n","value":${value}}]}]}]}]}`;
const gaugePoints = (points: string) =>
  `{"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"name":"g","gauge":{"dataPoints":[${points}]}}]}]}]}`;

const INT_AS_DOUBLE = "OpenTelemetry JS writes every whole number as intValue in JSON and as a double in protobuf";

describe("whole numbers past int64 sent as intValue or asInt (OpenTelemetry JS's JSON serializer)", () => {
  it.each([
    ["1e+21", "1e+21"],
    [String(2 ** 63), "9223372036854776000"],
    [String(2 ** 64 - 1), "18446744073709552000"],
    [String(Number.MAX_VALUE), "1.7976931348623157e+308"],
  ])("%s is stored as the double the protobuf path stores, and warned of", (written, stored) => {
    const prepared = prepareText("logs", logWithValue(`{"intValue":${written}}`));
    expect(prepared).toMatchObject({ accepted: 1, rejected: 0 });
    expect(rowsOf(prepared)[0]!.LogAttributes).toEqual(["n", stored]);
    expect(prepared.warning).toBe(`1 whole number past the int64 range in intValue or asInt stored as a double (first ${written} at resourceLogs[0].scopeLogs[0].logRecords[0].attributes[0].value; ${INT_AS_DOUBLE})`);

    const protobuf = oracleEncode(oracle.logsRequest, {
      resourceLogs: [{ scopeLogs: [{ logRecords: [{ timeUnixNano: RECEIVED, attributes: [{ key: "n", value: { doubleValue: Number(written) } }] }] }] }],
    });
    expect(rowsOf(prepareExport("logs", "protobuf", protobuf, config, RECEIVED))).toEqual(rowsOf(prepared));
  });

  it("keeps -2^63 as JavaScript prints it (-9223372036854776000) an exact integer, with nothing to warn of", () => {
    const prepared = prepareText("logs", logWithValue('{"intValue":-9223372036854776000}'));
    expect(rowsOf(prepared)[0]!.LogAttributes).toEqual(["n", "-9223372036854775808"]);
    expect(prepared.warning).toBe("");
  });

  it("stores an exact integer just past the range as a double too, warned of with its digits as sent", () => {
    const prepared = prepareText("logs", logWithValue('{"intValue":-9223372036854775809}'));
    expect(rowsOf(prepared)[0]!.LogAttributes).toEqual(["n", "-9223372036854776000"]);
    expect(prepared.warning).toContain("first -9223372036854775809 at resourceLogs[0].scopeLogs[0].logRecords[0].attributes[0].value;");
  });

  it("reads asInt the same way, as the point's Value", () => {
    const prepared = prepareText("metrics", gaugePoints(`{"timeUnixNano":"${RECEIVED}","asInt":1e21},{"timeUnixNano":"${RECEIVED}","asInt":7}`));
    expect(rowsOf(prepared).map((row) => row.Value)).toEqual([1e21, 7]);
    expect(prepared.warning).toBe(`1 whole number past the int64 range in intValue or asInt stored as a double (first 1e21 at resourceMetrics[0].scopeMetrics[0].metrics[0].gauge.dataPoints[0]; ${INT_AS_DOUBLE})`);
  });

  it("still refuses text past the range, a fraction, and a time or count past uint64, naming the value", () => {
    const refusal = (signal: Signal, text: string) => {
      try {
        prepareText(signal, text);
      } catch (error) {
        if (error instanceof OtlpDecodeError) return error.message;
        throw error;
      }
      return "accepted";
    };
    expect(refusal("logs", logWithValue('{"intValue":"9223372036854775808"}'))).toMatch(/intValue: int64 out of range: "9223372036854775808"$/);
    expect(refusal("logs", logWithValue('{"intValue":"1e21"}'))).toMatch(/intValue: int64 out of range: "1e21"$/);
    expect(refusal("logs", logWithValue('{"intValue":1.5}'))).toMatch(/intValue: expected int64, got 1.5$/);
    expect(refusal("logs", '{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"timeUnixNano":1e21}]}]}]}')).toMatch(/timeUnixNano: uint64 out of range: 1e21$/);
  });
});

describe("doubles sent as JSON null (JSON.stringify's NaN, Infinity and -Infinity)", () => {
  const NULL_DOUBLE = "JSON.stringify writes NaN, Infinity and -Infinity as null";

  it("stores an asDouble of null as NaN, never 0, and warns", () => {
    const prepared = prepareText("metrics", gaugePoints(`{"timeUnixNano":"${RECEIVED}","asDouble":null},{"timeUnixNano":"${RECEIVED}","asDouble":null}`));
    expect(prepared).toMatchObject({ accepted: 2, rejected: 0 });
    expect(rowsOf(prepared).map((row) => row.Value)).toEqual([Number.NaN, Number.NaN]);
    expect(prepared.warning).toBe(`2 doubles sent as JSON null stored as NaN (first in asDouble at resourceMetrics[0].scopeMetrics[0].metrics[0].gauge.dataPoints[0]; ${NULL_DOUBLE})`);
  });

  it("stores a doubleValue of null as the text the Collector gives NaN, and warns", () => {
    const prepared = prepareText("logs", logWithValue('{"doubleValue":null}'));
    expect(rowsOf(prepared)[0]!.LogAttributes).toEqual(["n", "NaN"]);
    expect(prepared.warning).toBe(`1 double sent as JSON null stored as NaN (first in doubleValue at resourceLogs[0].scopeLogs[0].logRecords[0].attributes[0].value; ${NULL_DOUBLE})`);
  });

  it("leaves a null beside a member that is set, and an empty value, as they were", () => {
    const prepared = prepareText("logs", logWithValue('{"stringValue":"x","doubleValue":null}'));
    expect(rowsOf(prepared)[0]!.LogAttributes).toEqual(["n", "x"]);
    const empty = prepareText("logs", logWithValue("{}"));
    expect(rowsOf(empty)[0]!.LogAttributes).toEqual(["n", ""]);
    expect([prepared.warning, empty.warning]).toEqual(["", ""]);
  });
});

describe("integers written as strings with an exponent or a fraction of zeros (proto3 JSON number forms)", () => {
  it("are read when the value is an exact integer in range", () => {
    const prepared = prepareText(
      "logs",
      '{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"timeUnixNano":"1.77719046e18","droppedAttributesCount":"1e2","severityNumber":"9.0",' +
        '"attributes":[{"key":"a","value":{"intValue":"1e3"}},{"key":"b","value":{"intValue":"1.0"}}]}]}]}]}',
    );
    expect(rowsOf(prepared)[0]!.SeverityNumber).toBe(9);
    // The time lies outside the window around RECEIVED, so it is noted as read, every digit of it.
    expect(rowsOf(prepared)[0]!.LogAttributes).toEqual(["a", "1000", "b", "1", "otel.timestamp.original", "1777190460000000000"]);
  });

  it.each([
    ['"timeUnixNano":"1.5e0"', 'timeUnixNano: expected uint64, got "1.5e0"'],
    ['"timeUnixNano":"1e20"', 'timeUnixNano: uint64 out of range: "1e20"'],
    ['"severityNumber":"9.5"', 'severityNumber: expected SeverityNumber (int32), got "9.5"'],
    ['"severityNumber":"1.0000000000000000001"', 'severityNumber: expected SeverityNumber (int32), got "1.0000000000000000001"'],
    ['"droppedAttributesCount":"1e10"', 'droppedAttributesCount: uint32 out of range: "1e10"'],
    ['"flags":"-1e0"', 'flags: uint32 out of range: "-1e0"'],
  ])("keep the precise 400 otherwise: %s", (field, message) => {
    expect(() => prepareText("logs", `{"resourceLogs":[{"scopeLogs":[{"logRecords":[{${field}}]}]}]}`)).toThrow(
      new OtlpDecodeError(`resourceLogs[0].scopeLogs[0].logRecords[0].${message}`),
    );
  });
});
