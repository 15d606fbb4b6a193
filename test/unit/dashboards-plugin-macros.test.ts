/**
 * The expander reproduces the ClickHouse plugin's backend: the expected strings are the
 * plugin's own macro test cases (grafana/clickhouse-datasource 4.20, pkg/macros/macros_test.go:
 * range 2014-11-12T11:45:26.371Z to 2015-11-12T11:45:26.456Z, interval 1 minute).
 */
import { describe, expect, it } from "vitest";
import { expandMacros, expandQuery, interpolateVariables, MacroError } from "../../dashboards/core/plugin-macros";

const context = { fromMs: Date.UTC(2014, 10, 12, 11, 45, 26, 371), toMs: Date.UTC(2015, 10, 12, 11, 45, 26, 456), intervalMs: 60_000 };

describe("the plugin's backend macros", () => {
  it.each([
    [
      "select * from foo where $__timeFilter(cast(sth as timestamp))",
      "select * from foo where cast(sth as timestamp) >= toDateTime(1415792726) AND cast(sth as timestamp) <= toDateTime(1447328726)",
    ],
    [
      "select * from foo where $__timeFilter(cast(sth as timestamp) )",
      "select * from foo where cast(sth as timestamp) >= toDateTime(1415792726) AND cast(sth as timestamp) <= toDateTime(1447328726)",
    ],
    [
      "select * from foo where $__timeFilter_ms(cast(sth as timestamp))",
      "select * from foo where cast(sth as timestamp) >= fromUnixTimestamp64Milli(1415792726371) AND cast(sth as timestamp) <= fromUnixTimestamp64Milli(1447328726456)",
    ],
    [
      "select * from foo where ( date >= $__fromTime and date <= $__toTime ) limit 100",
      "select * from foo where ( date >= toDateTime(1415792726) and date <= toDateTime(1447328726) ) limit 100",
    ],
    [
      "select * from foo where ( date >= $__fromTime_ms ) and ( date <= $__toTime_ms ) limit 100",
      "select * from foo where ( date >= fromUnixTimestamp64Milli(1415792726371) ) and ( date <= fromUnixTimestamp64Milli(1447328726456) ) limit 100",
    ],
    ["SELECT $__timeInterval($__fromTime) AS from_time", "SELECT toStartOfInterval(toDateTime(toDateTime(1415792726)), INTERVAL 60 second) AS from_time"],
    [
      "SELECT $__timeInterval_ms($__fromTime_ms)",
      "SELECT toStartOfInterval(toDateTime64(fromUnixTimestamp64Milli(1415792726371), 3), INTERVAL 60000 millisecond)",
    ],
    [
      "select * from foo where $__timeFilter(coalesce(closed_at, $__toTime))",
      "select * from foo where coalesce(closed_at, toDateTime(1447328726)) >= toDateTime(1415792726) AND coalesce(closed_at, toDateTime(1447328726)) <= toDateTime(1447328726)",
    ],
    ["select * from foo where msg = 'it\\'s -- fine' and $__fromTime", "select * from foo where msg = 'it\\'s -- fine' and toDateTime(1415792726)"],
    ["select * from foo where msg = 'it''s' and $__fromTime", "select * from foo where msg = 'it''s' and toDateTime(1415792726)"],
    ["select $__dateFilter(d)", "select d >= toDate('2014-11-12') AND d <= toDate('2015-11-12')"],
  ])("%s", (input, output) => {
    expect(expandMacros(input, context)).toBe(output);
  });

  it("gives the interval in whole seconds, at least 1", () => {
    expect(expandMacros("$__interval_s", { ...context, intervalMs: 2_500 })).toBe("2");
    expect(expandMacros("$__interval_s", { ...context, intervalMs: 200 })).toBe("1");
  });

  it("strips comments and leaves macros inside strings, backticks and unknown names alone", () => {
    expect(expandMacros("SELECT '$__fromTime', `$__toTime`, $__nope -- $__fromTime\n/* $__toTime */1", context)).toBe(
      "SELECT '$__fromTime', `$__toTime`, $__nope \n1",
    );
  });

  it("refuses a macro with the wrong number of arguments, as the backend answers an error", () => {
    expect(() => expandMacros("$__timeFilter(a, b)", context)).toThrow(new MacroError("$__timeFilter expected 1 argument(s), received 2"));
    expect(() => expandMacros("$__timeFilter", context)).toThrow(MacroError);
  });
});

describe("Grafana's template variables, with the plugin's formatter", () => {
  it("puts a value verbatim and a multi-value as a quoted list, leaving unknown names", () => {
    expect(interpolateVariables("s = '${service}' AND x IN ($many) AND $other", { service: "shop", many: ["a", "b"] })).toBe(
      "s = 'shop' AND x IN ('a','b') AND $other",
    );
  });

  it("formats ${name:format} as Grafana's format registry does", () => {
    const variables = { service: "o'brien\\svc (eu)*!", many: ["a'b", "c"] };
    expect(interpolateVariables("${service:percentencode}|${many:percentencode}", variables)).toBe("o%27brien%5Csvc%20%28eu%29%2A%21|%7Ba%27b%2Cc%7D");
    expect(interpolateVariables("${service:sqlstring}|${many:sqlstring}|${many:raw}", variables)).toBe("'o''brien\\svc (eu)*!'|'a''b','c'|a'b,c");
    expect(interpolateVariables("${service:lucene}", variables)).toBe("${service:lucene}");
  });

  it("expands variables before macros", () => {
    expect(expandQuery("WHERE $__timeFilter(${column})", { ...context, variables: { column: "Timestamp" } })).toBe(
      "WHERE Timestamp >= toDateTime(1415792726) AND Timestamp <= toDateTime(1447328726)",
    );
  });
});
