import { describe, expect, it } from "vitest";
import { logRecord } from "../support/model-builders";
import type { EnumValue, LogRecord, LogsRequest } from "../../workers/shared/otlp/model";
import { normalizeRecordSeverity, normalizeSeverity } from "../../workers/ingest/core/normalize";

function record(severityText: string, severityNumber: number): LogRecord {
  return logRecord({
    timeUnixNano: "1751500800000000000",
    severityNumber,
    severityText,
    body: { stringValue: "x" },
  });
}

function normalized(severityText: string, severityNumber: number): [string, EnumValue] {
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
    ["notice", 0, "INFO", 10],
    ["info3", 0, "INFO3", 11],
    [" Warn ", 0, "WARN", 13],
    ["INFO3", 0, "INFO3", 11],
    ["wArNiNg", 0, "WARN", 13],
    ["CRIT", 0, "ERROR", 18],
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
    ["loud", 0, "loud", 0],
    ["Custom", 7, "Custom", 7],
    ["", 0, "", 0],
    ["", 25, "", 25],
    ["", -1, "", -1],
  ])("(%j, %i) becomes (%j, %i)", (text, number, expectedText, expectedNumber) => {
    expect(normalized(text, number)).toEqual([expectedText, expectedNumber]);
  });
});

describe("level names of logging libraries (OTel logs data model, Appendix B)", () => {
  it.each([
    // syslog / RFC 5424 keywords and names, with no number: the appendix's numbers
    ["debug", "DEBUG", 5],
    ["informational", "INFO", 9],
    ["notice", "INFO", 10],
    ["warning", "WARN", 13],
    ["err", "ERROR", 17],
    ["crit", "ERROR", 18],
    ["alert", "ERROR", 19],
    ["emerg", "FATAL", 21],
    ["Emergency", "FATAL", 21],
    // java.util.logging (and log4j/logback's names, which are OTLP's own)
    ["FINEST", "TRACE", 1],
    ["FINER", "DEBUG", 5],
    ["FINE", "DEBUG", 6],
    ["CONFIG", "DEBUG", 7],
    ["SEVERE", "ERROR", 17],
    ["TRACE", "TRACE", 1],
    ["FATAL", "FATAL", 21],
    // .NET and Serilog; Python's CRITICAL and WARN
    ["Verbose", "DEBUG", 5],
    ["Information", "INFO", 9],
    ["Critical", "FATAL", 21],
    ["CRITICAL", "FATAL", 21],
    ["WARN", "WARN", 13],
    // winston's npm levels
    ["silly", "TRACE", 1],
    ["http", "DEBUG", 7],
    // zap
    ["dpanic", "ERROR", 18],
    ["PANIC", "ERROR", 19],
    // Go slog: the level name below plus an offset, at level + 9 as otelslog sends it
    ["ERROR+2", "ERROR", 19],
    ["INFO+2", "INFO", 11],
    ["WARN+4", "ERROR", 17],
    ["ERROR-4", "WARN", 13],
    ["DEBUG-2", "TRACE", 3],
    ["error+4", "FATAL", 21],
    // past OTLP's scale, at its end: no lower than ERROR+4, no higher than DEBUG-4
    ["ERROR+10", "FATAL", 24],
    ["ERROR+20", "FATAL", 24],
    ["INFO-12", "TRACE", 1],
    // winston's format.colorize(): the level wrapped in ANSI colour escapes
    ["\u001b[31merror\u001b[39m", "ERROR", 17],
    ["\u001b[33mWARNING\u001b[0m", "WARN", 13],
  ])("%j alone becomes (%j, %i)", (text, expectedText, expectedNumber) => {
    expect(normalized(text, 0)).toEqual([expectedText, expectedNumber]);
  });

  it.each([
    // @opentelemetry/winston-transport with winston's syslog levels sends its own numbers
    ["emerg", 23, "FATAL"],
    ["alert", 22, "FATAL"],
    ["crit", 21, "FATAL"],
    ["notice", 10, "INFO"],
    // the OTel Java JUL bridge, Go slog through otelslog, zap through otelzap
    ["SEVERE", 17, "ERROR"],
    ["ERROR+2", 19, "ERROR"],
    ["DPANIC", 18, "ERROR"],
    ["CRITICAL", 21, "FATAL"],
    ["Critical", 18, "ERROR"],
  ])("%j with the sender's number %i keeps the number and takes its range's name, %j", (text, number, expectedText) => {
    expect(normalized(text, number)).toEqual([expectedText, number]);
  });

  it.each([
    // Ruby Logger's UNKNOWN names no severity, nor does a malformed slog offset or a colour alone
    ["UNKNOWN", 0, "UNKNOWN", 0],
    ["ERROR+", 0, "ERROR+", 0],
    ["\u001b[31m\u001b[39m", 0, "\u001b[31m\u001b[39m", 0],
    ["\u001b[31mUNKNOWN\u001b[39m", 0, "\u001b[31mUNKNOWN\u001b[39m", 0],
    // a sender's number off the scale says nothing about the range: the name decides, the number stays
    ["notice", 25, "INFO", 25],
  ])("(%j, %i) becomes (%j, %i)", (text, number, expectedText, expectedNumber) => {
    expect(normalized(text, number)).toEqual([expectedText, expectedNumber]);
  });
});

describe("numeric levels sent as severity text", () => {
  // pino-opentelemetry-transport with a numeric level label, and bridges copying a logger's
  // numeric `level` into the text, send severityText "40" and no number. On pino's scale 40 is
  // WARN, on Python logging's ERROR: the text alone does not say which, so it is stored as sent
  // with number 0 (unknown) rather than guessed (docs/decisions.md, "numeric levels by the
  // line's shape"); the lift reads it by its body's shape (lift-senders.test.ts).
  it.each(["10", "20", "30", "40", "50", "60", " 50 "])("%j with no number stays as sent, number 0", (text) => {
    expect(normalized(text, 0)).toEqual([text, 0]);
  });

  it("takes the range name of a number the sender set, which says what it meant, and keeps the number", () => {
    expect(normalized("50", 17)).toEqual(["ERROR", 17]);
    expect(normalized("30", 18)).toEqual(["ERROR", 18]);
    expect(normalized("40", 13)).toEqual(["WARN", 13]);
    expect(normalized("40", 17)).toEqual(["ERROR", 17]);
  });

  it.each(["3", "9", "17", "35", "30.0", "-30", "300"])("leaves %j as sent without a number", (text) => {
    // A bare 3 could be syslog's error or OTLP's TRACE3, 17 OTLP's ERROR or nothing: not trusted.
    expect(normalized(text, 0)).toEqual([text, 0]);
  });

  it.each([
    ["30.0", 9],
    ["40", 25],
    ["warn-ish 40", 13],
  ])("leaves %j with number %i, not a numeric level with a number on the scale, as sent", (text, number) => {
    expect(normalized(text, number)).toEqual([text, number]);
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

describe("the sender's text, when normalization replaces it", () => {
  function kept(severityText: string, severityNumber: number): [string, EnumValue, string | undefined] {
    const log = record(severityText, severityNumber);
    normalizeRecordSeverity(log);
    return [log.severityText, log.severityNumber, log.originalSeverityText];
  }

  it.each([
    // another name: the one sent is kept
    ["Warning", 17, "ERROR", 17, "Warning"],
    ["notice", 13, "WARN", 13, "notice"],
    ["WARNING", 17, "ERROR", 17, "WARNING"],
    ["log", 17, "ERROR", 17, "log"],
    ["SEVERE", 0, "ERROR", 17, "SEVERE"],
    ["40", 17, "ERROR", 17, "40"],
    ["35", 11, "INFO", 11, "35"],
    [" notice ", 0, "INFO", 10, " notice "],
    // the same name in other letter case or between blanks, or left as sent: nothing to keep
    [" Warn ", 0, "WARN", 13, undefined],
    [" INFO ", 0, "INFO", 9, undefined],
    ["\terror\n", 0, "ERROR", 17, undefined],
    ["error", 0, "ERROR", 17, undefined],
    ["Info3", 11, "INFO3", 11, undefined],
    ["WARN", 13, "WARN", 13, undefined],
    ["Loud", 9, "Loud", 9, undefined],
    ["40", 0, "40", 0, undefined],
    ["", 17, "ERROR", 17, undefined],
    // a documented spelling of the level stored (spellsSeverity): nothing the pair does not say
    ["WARNING", 0, "WARN", 13, undefined],
    [" Warning ", 0, "WARN", 13, undefined],
    ["log", 9, "INFO", 9, undefined],
    ["LOG", 0, "INFO", 9, undefined],
    ["40", 13, "WARN", 13, undefined],
  ] as const)("%j with %d is stored as %j %d, keeping %j", (text, number, storedText, storedNumber, original) => {
    expect(kept(text, number)).toEqual([storedText, storedNumber, original]);
  });
});
