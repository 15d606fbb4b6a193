import { describe, expect, it } from "vitest";
import { logRecord } from "../support/model-builders";
import type { LogRecord, LogsRequest } from "../../workers/shared/otlp/model";
import { normalizeRecordSeverity, normalizeSeverity } from "../../workers/ingest/core/normalize";

function record(severityText: string, severityNumber: number): LogRecord {
  return logRecord({
    timeUnixNano: "1751500800000000000",
    severityNumber,
    severityText,
    body: { stringValue: "x" },
  });
}

function normalized(severityText: string, severityNumber: number): [string, number] {
  const log = record(severityText, severityNumber);
  normalizeRecordSeverity(log);
  return [log.severityText, log.severityNumber];
}

describe("normalizeRecordSeverity", () => {
  it.each([
    // text in any case becomes the canonical short name; a 0 number is filled from it
    ["error", 0, "ERROR", 17],
    ["Error", 0, "ERROR", 17],
    ["ERROR", 0, "ERROR", 17],
    ["warn", 0, "WARN", 13],
    ["warning", 0, "WARN", 13],
    ["info", 0, "INFO", 9],
    ["log", 0, "INFO", 9],
    ["debug", 0, "DEBUG", 5],
    ["trace", 0, "TRACE", 1],
    ["fatal", 0, "FATAL", 21],
    ["critical", 0, "FATAL", 21],
    ["err", 0, "ERROR", 17],
    ["notice", 0, "INFO2", 10],
    ["info3", 0, "INFO3", 11],
    [" Warn ", 0, "WARN", 13],
    ["INFO3", 0, "INFO3", 11],
    ["wArNiNg", 0, "WARN", 13],
    ["CRIT", 0, "FATAL", 21],
    [" ERROR4", 0, "ERROR4", 20],
    // a number the producer set is kept even when the text's range differs
    ["error", 18, "ERROR", 18],
    ["info", 17, "INFO", 17],
    // text filled from the number: the range name, so SeverityText = 'ERROR' finds 17..20
    ["", 17, "ERROR", 17],
    ["", 18, "ERROR", 18],
    ["", 20, "ERROR", 20],
    ["", 9, "INFO", 9],
    ["", 1, "TRACE", 1],
    ["", 24, "FATAL", 24],
    // unknown names and numbers outside the scale are left as they are
    ["verbose", 0, "verbose", 0],
    ["Custom", 7, "Custom", 7],
    ["", 0, "", 0],
    ["", 25, "", 25],
    ["", -1, "", -1],
  ])("(%j, %i) becomes (%j, %i)", (text, number, expectedText, expectedNumber) => {
    expect(normalized(text, number)).toEqual([expectedText, expectedNumber]);
  });
});

describe("normalizeSeverity", () => {
  it("normalizes every record of every resource and scope", () => {
    const request: LogsRequest = {
      resourceLogs: [1, 2].map(() => ({
        resource: { attributes: [], droppedAttributesCount: 0 },
        scopeLogs: [
          {
            scope: { name: "", version: "", attributes: [], droppedAttributesCount: 0 },
            logRecords: [record("error", 0), record("", 13)],
            schemaUrl: "",
          },
        ],
        schemaUrl: "",
      })),
    };
    normalizeSeverity(request);
    const severities = request.resourceLogs.flatMap((r) =>
      r.scopeLogs.flatMap((s) => s.logRecords.map((l) => [l.severityText, l.severityNumber])),
    );
    expect(severities).toEqual([
      ["ERROR", 17],
      ["WARN", 13],
      ["ERROR", 17],
      ["WARN", 13],
    ]);
  });
});
