import { describe, expect, it } from "vitest";
import type { ColumnValue } from "../../workers/ingest/core/rows/columns";
import { LOG_COLUMNS, type LogRow } from "../../workers/ingest/core/rows/logs";
import { planTable, serializeRows, type TableColumn } from "../../workers/ingest/core/rows/serialize";

/** One column of the given type holding `value`, serialized. */
function cell(type: string, value: ColumnValue): string {
  const plan = planTable([{ name: "c", type }], ["c"]);
  return serializeRows(plan, [{ c: value }]);
}

describe("planTable", () => {
  const table: TableColumn[] = [
    { name: "Timestamp", type: "DateTime64(9)" },
    { name: "Body", type: "String" },
    { name: "__otel_materialized_k8s.pod.name", type: "LowCardinality(String)" },
    { name: "Duration", type: "UInt64" },
  ];

  it("writes the row columns the table has, in row order, and nothing else", () => {
    const plan = planTable(table, ["Duration", "TimestampTime", "Body", "Timestamp"]);
    expect(plan.columnNames).toEqual(["Duration", "Body", "Timestamp"]);
    const rows = [{ Duration: "5", TimestampTime: "1700000000000000000", Body: "b", Timestamp: "1700000000000000000" }];
    expect(serializeRows(plan, rows)).toBe('{"Duration":"5","Body":"b","Timestamp":"1700000000.000000000"}\n');
  });

  it("refuses a column type it cannot write, naming the column", () => {
    expect(() => planTable([{ name: "x", type: "Nullable(UUID)" }], ["x"])).toThrow("column x: cannot write ClickHouse type Nullable(UUID)");
  });

  it("refuses a row that lacks a planned column", () => {
    const plan = planTable(table, ["Body"]);
    expect(() => serializeRows(plan, [{ Other: "x" }])).toThrow("row lacks column Body");
  });

  it("writes every row in full when rows share, repeat and alternate values", () => {
    const shared = ["service.name", "svc"];
    const plan = planTable(
      [
        { name: "m", type: "Map(String, String)" },
        { name: "s", type: "String" },
        { name: "f", type: "Float64" },
      ],
      ["m", "s", "f"],
    );
    const rows = [
      { m: shared, s: "a", f: NaN },
      { m: shared, s: "a", f: NaN },
      { m: ["x", "1"], s: "b", f: 1 },
      { m: shared, s: "a", f: 1 },
    ];
    expect(serializeRows(plan, rows)).toBe(
      '{"m":{"service.name":"svc"},"s":"a","f":"nan"}\n' +
        '{"m":{"service.name":"svc"},"s":"a","f":"nan"}\n' +
        '{"m":{"x":"1"},"s":"b","f":1}\n' +
        '{"m":{"service.name":"svc"},"s":"a","f":1}\n',
    );
  });

  it("writes a zero's sign when a float column alternates 0 and -0", () => {
    const plan = planTable([{ name: "f", type: "Float64" }], ["f"]);
    const rows = [{ f: 0 }, { f: -0 }, { f: -0 }, { f: 0 }];
    expect(serializeRows(plan, rows)).toBe('{"f":0}\n{"f":-0}\n{"f":-0}\n{"f":0}\n');
  });

  it("writes every row's map in full when rows repeat keys with other values and escapes", () => {
    const mapTable: TableColumn[] = [{ name: "m", type: "Map(LowCardinality(String), String)" }];
    const plan = planTable(mapTable, ["m"]);
    const rows = [{ m: ["a", "1", "b", "2"] }, { m: ["a", '"', "b", "3"] }, { m: ["b", "4"] }, { m: ["a", "5", "b", "\n"] }];
    expect(serializeRows(plan, rows)).toBe(
      '{"m":{"a":"1","b":"2"}}\n{"m":{"a":"\\"","b":"3"}}\n{"m":{"b":"4"}}\n{"m":{"a":"5","b":"\\n"}}\n',
    );
  });

  it("writes long, built, escaped and non-ASCII map keys and long column names alike in every row", () => {
    // Keys and names long enough that their quoted openings are built from pieces, which the
    // serializer keeps flat for every row that repeats them; a key built with `+` as lifting
    // builds dotted keys; 64-bit values, unicode, escapes and an empty map beside them.
    const built = ["cache", "ageSeconds"].join(".");
    const plan = planTable(
      [
        { name: "ResourceAttributesOfTheRecord", type: "Map(LowCardinality(String), String)" },
        { name: "DurationNanosecondsTotal", type: "UInt64" },
        { name: "BodyOfTheRecordAsText", type: "String" },
      ],
      ["ResourceAttributesOfTheRecord", "DurationNanosecondsTotal", "BodyOfTheRecordAsText"],
    );
    const rows = [
      { ResourceAttributesOfTheRecord: [built, "1", "cloudflare.ray_id", "a-NRT", 'quo"ted.key.name', "é"], DurationNanosecondsTotal: "18446744073709551615", BodyOfTheRecordAsText: "日本語" },
      { ResourceAttributesOfTheRecord: [built, "2", "cloudflare.ray_id", "b\\c", 'quo"ted.key.name', "😀"], DurationNanosecondsTotal: "0", BodyOfTheRecordAsText: "tab\there" },
      { ResourceAttributesOfTheRecord: [], DurationNanosecondsTotal: "9223372036854775808", BodyOfTheRecordAsText: "" },
      { ResourceAttributesOfTheRecord: ["cloudflare.ray_id", "c", built, "3"], DurationNanosecondsTotal: "1", BodyOfTheRecordAsText: "plain" },
    ];
    expect(serializeRows(plan, rows)).toBe(
      '{"ResourceAttributesOfTheRecord":{"cache.ageSeconds":"1","cloudflare.ray_id":"a-NRT","quo\\"ted.key.name":"é"},"DurationNanosecondsTotal":"18446744073709551615","BodyOfTheRecordAsText":"日本語"}\n' +
        '{"ResourceAttributesOfTheRecord":{"cache.ageSeconds":"2","cloudflare.ray_id":"b\\\\c","quo\\"ted.key.name":"😀"},"DurationNanosecondsTotal":"0","BodyOfTheRecordAsText":"tab\\there"}\n' +
        '{"ResourceAttributesOfTheRecord":{},"DurationNanosecondsTotal":"9223372036854775808","BodyOfTheRecordAsText":""}\n' +
        '{"ResourceAttributesOfTheRecord":{"cloudflare.ray_id":"c","cache.ageSeconds":"3"},"DurationNanosecondsTotal":"1","BodyOfTheRecordAsText":"plain"}\n',
    );
  });

  it("writes nothing for no rows", () => {
    expect(serializeRows(planTable(table, ["Body"]), [])).toBe("");
  });
});

describe("column encodings", () => {
  it.each<[string, string, ColumnValue, string]>([
    ["DateTime64(9)", "DateTime64(9)", "1700000000123456789", '"1700000000.123456789"'],
    ["DateTime64(9) with a time zone", "DateTime64(9, 'UTC')", "1700000000123456789", '"1700000000.123456789"'],
    ["DateTime64(9) under a second", "DateTime64(9)", "1", '"0.000000001"'],
    ["DateTime64(9) at 0", "DateTime64(9)", "0", '"0.000000000"'],
    ["DateTime64(9) clamped to its last instant", "DateTime64(9)", "18446744073709551615", '"9223372036.854775807"'],
    ["DateTime64(6), truncated", "DateTime64(6)", "1700000000123456789", '"1700000000.123456"'],
    ["DateTime64(3), truncated", "DateTime64(3)", "1700000000999999999", '"1700000000.999"'],
    ["DateTime64(3) beyond 2262 (no Int64 overflow at this precision)", "DateTime64(3)", "18446744073709551615", '"18446744073.709"'],
    ["DateTime64(0)", "DateTime64(0)", "1700000000999999999", "1700000000"],
    ["DateTime, whole seconds", "DateTime", "1700000000999999999", "1700000000"],
    ["DateTime with a time zone", "DateTime('UTC')", "1700000000000000000", "1700000000"],
    ["DateTime at 0", "DateTime", "0", "0"],
    ["DateTime clamped to 2106", "DateTime", "18446744073709551615", "4294967295"],
    ["UInt64 beyond 2^53", "UInt64", "18446744073709551615", '"18446744073709551615"'],
    ["Int64", "Int64", "-9223372036854775808", '"-9223372036854775808"'],
    ["UInt8", "UInt8", 255, "255"],
    ["Int32", "Int32", -3, "-3"],
    ["UInt32", "UInt32", 4294967295, "4294967295"],
    ["Float64", "Float64", 0.1, "0.1"],
    ["Float64 exponent", "Float64", 1e300, "1e+300"],
    ["Float64 negative zero", "Float64", -0, "-0"],
    ["Float64 NaN", "Float64", NaN, '"nan"'],
    ["Float64 Infinity", "Float64", Infinity, '"inf"'],
    ["Float64 -Infinity", "Float64", -Infinity, '"-inf"'],
    ["Bool true", "Bool", true, "true"],
    ["Bool false", "Bool", false, "false"],
    ["String escaped", "String", 'a"b\\c\n\u0001é😀', '"a\\"b\\\\c\\n\\u0001é😀"'],
    ["LowCardinality(String)", "LowCardinality(String)", "Server", '"Server"'],
    ["Map in row order, duplicates kept", "Map(LowCardinality(String), String)", ["a", "1", "a", "2", 'k"', "v\n"], '{"a":"1","a":"2","k\\"":"v\\n"}'],
    ["empty Map", "Map(LowCardinality(String), String)", [], "{}"],
    [
      "Map with escapes in the first entry's key and value",
      "Map(LowCardinality(String), String)",
      ['a"b', "c\\d", "e", "f"],
      '{"a\\"b":"c\\\\d","e":"f"}',
    ],
    [
      "Map with unpaired surrogates in a key and a later value, a pair kept",
      "Map(LowCardinality(String), String)",
      ["k\ud800", "v", "k2", "x\udc00y", "k3", "😀"],
      '{"k\ufffd":"v","k2":"x\ufffdy","k3":"😀"}',
    ],
    ["Map with an empty key and value", "Map(LowCardinality(String), String)", ["", "", "a", ""], '{"":"","a":""}'],
    ["Array(UInt64)", "Array(UInt64)", ["9007199254740993", "0"], '["9007199254740993","0"]'],
    ["Array(Float64)", "Array(Float64)", [1.5, NaN, -Infinity], '[1.5,"nan","-inf"]'],
    ["Array(DateTime64(9))", "Array(DateTime64(9))", ["1700000000000000001"], '["1700000000.000000001"]'],
    ["Array(DateTime)", "Array(DateTime)", ["1700000000000000001"], "[1700000000]"],
    ["Array(LowCardinality(String))", "Array(LowCardinality(String))", ["a", "b"], '["a","b"]'],
    ["Array(Map(...)) of a nested column", "Array(Map(LowCardinality(String), String))", [["k", "v"], []], '[{"k":"v"},{}]'],
    ["empty Array", "Array(String)", [], "[]"],
  ])("%s", (_case, type, value, json) => {
    expect(cell(type, value)).toBe(`{"c":${json}}\n`);
  });
});

describe("serializing a log row", () => {
  const row: LogRow = {
    Timestamp: "1764000000000000001",
    TimestampTime: "1764000000000000001",
    TraceId: "0102030405060708090a0b0c0d0e0f10",
    SpanId: "",
    TraceFlags: 1,
    SeverityText: "INFO",
    SeverityNumber: 9,
    ServiceName: "svc",
    Body: "hi",
    ResourceSchemaUrl: "",
    ResourceAttributes: ["service.name", "svc"],
    ScopeSchemaUrl: "",
    ScopeName: "s",
    ScopeVersion: "",
    ScopeAttributes: [],
    LogAttributes: ["k", "v"],
    EventName: "e",
  };
  const sharedColumns: TableColumn[] = [
    { name: "Timestamp", type: "DateTime64(9)" },
    { name: "TraceId", type: "String" },
    { name: "SpanId", type: "String" },
    { name: "TraceFlags", type: "UInt8" },
    { name: "SeverityText", type: "LowCardinality(String)" },
    { name: "SeverityNumber", type: "UInt8" },
    { name: "ServiceName", type: "LowCardinality(String)" },
    { name: "Body", type: "String" },
    { name: "ResourceSchemaUrl", type: "LowCardinality(String)" },
    { name: "ResourceAttributes", type: "Map(LowCardinality(String), String)" },
    { name: "ScopeSchemaUrl", type: "LowCardinality(String)" },
    { name: "ScopeName", type: "String" },
    { name: "ScopeVersion", type: "LowCardinality(String)" },
    { name: "ScopeAttributes", type: "Map(LowCardinality(String), String)" },
    { name: "LogAttributes", type: "Map(LowCardinality(String), String)" },
    { name: "EventName", type: "String" },
  ];
  const rest =
    '"TraceId":"0102030405060708090a0b0c0d0e0f10","SpanId":"","TraceFlags":1,"SeverityText":"INFO",' +
    '"SeverityNumber":9,"ServiceName":"svc","Body":"hi","ResourceSchemaUrl":"",' +
    '"ResourceAttributes":{"service.name":"svc"},"ScopeSchemaUrl":"","ScopeName":"s","ScopeVersion":"",' +
    '"ScopeAttributes":{},"LogAttributes":{"k":"v"},"EventName":"e"';

  it("writes TimestampTime as whole seconds for a legacy table", () => {
    const legacy = [...sharedColumns, { name: "TimestampTime", type: "DateTime" }];
    expect(serializeRows(planTable(legacy, LOG_COLUMNS), [row, row])).toBe(
      `{"Timestamp":"1764000000.000000001","TimestampTime":1764000000,${rest}}\n`.repeat(2),
    );
  });

  it("drops TimestampTime for a current table", () => {
    expect(serializeRows(planTable(sharedColumns, LOG_COLUMNS), [row])).toBe(`{"Timestamp":"1764000000.000000001",${rest}}\n`);
  });
});
