/**
 * A JSON key sent twice in one object, read as the Collector reads it (pdata's internal/json
 * reads every occurrence): a repeated field's lists are joined in document order, a message is
 * read into again, a scalar's last value wins. JSON.parse alone would keep only the last list.
 */
import { describe, expect, it } from "vitest";
import { decodeRequest, OtlpDecodeError } from "../../workers/ingest/core/decode";
import { generatePayload } from "../../bench/payloads";
import { parseJoiningRepeatedKeys } from "../../workers/ingest/core/decode/json/repeated-keys";
import { checkJsonDepth } from "../../workers/ingest/core/limits/json-depth";
import { EXACT_JSON_SUPPORTED } from "../../workers/ingest/core/decode/exact-json";
import { countingListsRead } from "../../workers/ingest/core/decode/json/values";

const utf8 = new TextEncoder();
const decodeText = <S extends "logs" | "traces" | "metrics">(signal: S, text: string) => decodeRequest(signal, "json", utf8.encode(text));
const T = "1764700000000000000";
const record = (body: string) => `{"timeUnixNano":"${T}","body":{"stringValue":"${body}"}}`;

describe("repeated fields sent twice in one object are joined, as the Collector appends them", () => {
  it("joins two logRecords lists in document order", () => {
    const request = decodeText("logs", `{"resourceLogs":[{"scopeLogs":[{"logRecords":[${record("A")}],"logRecords":[${record("B")}]}]}]}`);
    expect(request.resourceLogs[0]!.scopeLogs[0]!.logRecords.map((r) => r.body)).toEqual([{ stringValue: "A" }, { stringValue: "B" }]);
  });

  it("joins two attributes lists and two resourceLogs lists", () => {
    const text =
      `{"resourceLogs":[{"scopeLogs":[{"logRecords":[${record("first")}]}]}],` +
      `"resourceLogs":[{"scopeLogs":[{"logRecords":[{"body":{"stringValue":"x"},"attributes":[{"key":"b","value":{"stringValue":"2"}}],"attributes":[{"key":"a","value":{"stringValue":"1"}}]}]}]}]}`;
    const request = decodeText("logs", text);
    expect(request.resourceLogs).toHaveLength(2);
    expect(request.resourceLogs[1]!.scopeLogs[0]!.logRecords[0]!.attributes.map((kv) => kv.key)).toEqual(["b", "a"]);
  });

  it("joins spans, events and links in traces, and data points in metrics", () => {
    const span = (name: string) => `{"traceId":"0102030405060708090a0b0c0d0e0f10","spanId":"0102030405060708","name":"${name}"}`;
    const traces = decodeText(
      "traces",
      `{"resourceSpans":[{"scopeSpans":[{"spans":[${span("a")}],"spans":[{"traceId":"0102030405060708090a0b0c0d0e0f10","spanId":"0102030405060709","name":"b","events":[{"name":"e1"}],"events":[{"name":"e2"}]}]}]}]}`,
    );
    const spans = traces.resourceSpans[0]!.scopeSpans[0]!.spans;
    expect(spans.map((s) => s.name)).toEqual(["a", "b"]);
    expect(spans[1]!.events.map((e) => e.name)).toEqual(["e1", "e2"]);
    const metrics = decodeText(
      "metrics",
      `{"resource_metrics":[{"scope_metrics":[{"metrics":[{"name":"m","gauge":{"data_points":[{"asInt":"1"}],"data_points":[{"asInt":"2"}]}}]}]}]}`,
    );
    const gauge = metrics.resourceMetrics[0]!.scopeMetrics[0]!.metrics[0]!.data;
    expect(gauge.type === "gauge" && gauge.dataPoints.map((p) => p.value)).toEqual([{ asInt: "1" }, { asInt: "2" }]);
  });

  it("reads a message sent twice into one (its lists joined, its scalars the last), and null adds nothing", () => {
    const request = decodeText(
      "logs",
      `{"resourceLogs":[{"resource":{"attributes":[{"key":"a","value":{"stringValue":"1"}}]},"resource":{"attributes":[{"key":"b","value":{"stringValue":"2"}}],"droppedAttributesCount":3},` +
        `"scopeLogs":[{"logRecords":[${record("A")}],"logRecords":null,"schemaUrl":"one","schemaUrl":"two"}]}]}`,
    );
    const resourceLogs = request.resourceLogs[0]!;
    expect(resourceLogs.resource.attributes.map((kv) => kv.key)).toEqual(["a", "b"]);
    expect(resourceLogs.resource.droppedAttributesCount).toBe(3);
    expect(resourceLogs.scopeLogs[0]!.logRecords).toHaveLength(1);
    expect(resourceLogs.scopeLogs[0]!.schemaUrl).toBe("two");
  });

  it("judges a list refused as the last occurrence by the joined one", () => {
    expect(() => decodeText("logs", `{"resourceLogs":[{"scopeLogs":[{"logRecords":[${record("A")}],"logRecords":[5]}]}]}`)).toThrow(
      /logRecords\[1\]: expected object, got number/,
    );
  });

  it("keeps every digit of a large integer in a joined document", () => {
    if (!EXACT_JSON_SUPPORTED) return;
    const request = decodeText("logs", `{"resourceLogs":[{"scopeLogs":[{"logRecords":[${record("A")}],"logRecords":[{"timeUnixNano":1764700000123456789}]}]}]}`);
    expect(request.resourceLogs[0]!.scopeLogs[0]!.logRecords[1]!.timeUnixNano).toBe("1764700000123456789");
  });
});

describe("the check for repeated list keys", () => {
  it("counts the arrays a document opens, not brackets inside its strings", () => {
    const text = `{"attributes" :[],"s":"\\"attributes\\":[]","t":"[x]","u":[{"v":[1]}]}`;
    expect(checkJsonDepth(new TextEncoder().encode(text), 64).arrays).toBe(3);
  });

  it("joins a list sent twice under a key written with escapes", () => {
    const request = decodeText("logs", `{"resourceLogs":[{"scopeLogs":[{"logRecords":[${record("A")}],"log\\u0052ecords":[${record("B")}]}]}]}`);
    expect(request.resourceLogs[0]!.scopeLogs[0]!.logRecords).toHaveLength(2);
  });

  it("answers undefined when no key repeats, and keeps __proto__ a plain member", () => {
    expect(parseJoiningRepeatedKeys(`{"a":[1],"b":{"c":2}}`)).toBeUndefined();
    const joined = parseJoiningRepeatedKeys(`{"__proto__":{"x":1},"a":[1],"a":[2]}`) as Record<string, unknown>;
    expect(Object.getPrototypeOf(joined)).toBe(Object.prototype);
    expect(Object.hasOwn(joined, "__proto__")).toBe(true);
    expect(joined.a).toEqual([1, 2]);
  });

  it("finds every array of the bench's payloads read once as a list, so the common request is parsed once", () => {
    for (const signal of ["logs", "traces", "metrics"] as const) {
      const text = new TextDecoder().decode(generatePayload(signal, { records: 20 }).json);
      // Every array of the text is a list the decoder reads, and each is read once.
      const { arrays } = checkJsonDepth(new TextEncoder().encode(text), 64);
      expect(arrays).toBeGreaterThan(0);
      expect(countingListsRead(() => decodeText(signal, text)).listsRead).toBe(arrays);
    }
  });
});

describe("the joining reader's depth", () => {
  it("leaves a document nested past 1,024 levels to the first decode and its error", () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    expect(parseJoiningRepeatedKeys(deep)).toBeUndefined();
    expect(() => decodeText("logs", deep)).toThrow(OtlpDecodeError);
  });
});
