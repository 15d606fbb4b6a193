/**
 * OTLP/JSON escapes of lone surrogates (`\ud800` without its pair): stored as U+FFFD, as bytes
 * that are not UTF-8 are, and counted in the answer's warning the same way.
 */
import { describe, expect, it } from "vitest";
import { parseIngestConfig } from "../../workers/ingest/config";
import { prepareExport, type PreparedExport } from "../../workers/ingest/core/pipeline";
import { decodeRequest, emptyDecodeNotes } from "../../workers/ingest/core/decode";
import { replaceLoneSurrogates } from "../../workers/ingest/core/decode/json/lone-surrogates";
import { checkJsonDepth } from "../../workers/ingest/core/limits/json-depth";
import { generatePayload } from "../../bench/payloads";

const RECEIVED = "1700000000000000000";
const utf8 = new TextEncoder();
const config = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true" }).pipeline;
const prepareText = (text: string): PreparedExport => prepareExport("logs", "json", utf8.encode(text), config, RECEIVED);
const LOG = "resourceLogs[0].scopeLogs[0].logRecords[0]";
/** A logs request of one record holding `fields` (raw JSON members). */
const logWith = (fields: string) => `{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"timeUnixNano":"${RECEIVED}",${fields}}]}]}]}`;
const LONE = "rows hold UTF-8 text, which cannot hold half a surrogate pair";

/** The lone surrogates counted in `text`, and the first place named. */
function counted(text: string): { count: number; first: string } {
  const note = { count: 0, first: "" };
  replaceLoneSurrogates(text, JSON.parse(text), note);
  return note;
}

/** The first row, as stored. */
const firstRow = (prepared: PreparedExport) => prepared.batches.flatMap((batch) => batch.rows)[0] as Record<string, unknown>;

describe("lone surrogates in OTLP/JSON", () => {
  it("counts those of a body and a key, naming the first, as the protobuf path warns of bytes that are not UTF-8", () => {
    const prepared = prepareText(logWith(`"body":{"stringValue":"lone \\ud800 x"},"attributes":[{"key":"k\\udc00","value":{"stringValue":"v"}}]`));
    expect(prepared).toMatchObject({ accepted: 1, rejected: 0 });
    expect(prepared.warning).toBe(
      `2 lone surrogates (a \\uD800–\\uDFFF escape without its pair) stored as U+FFFD (first in ${LOG}.body.stringValue; ${LONE})`,
    );
  });

  it("says nothing of escaped pairs, a raw character past U+FFFF, or an escaped backslash before ud800", () => {
    for (const value of ["\\ud83d\\ude00", "\\uD83D\\uDE00", "😀", "\\\\ud800", "\\\\\\\\udc00", "\\u00e9\\n\\\""]) {
      const prepared = prepareText(logWith(`"body":{"stringValue":"${value}"}`));
      expect(prepared.warning, value).toBe("");
    }
  });

  it.each([
    ["\\ud800", 1],
    ["\\uDBFF", 1],
    ["\\udc00", 1],
    ["\\uDFFF", 1],
    ["\\ud800\\ud800\\udc00", 1],
    ["\\ud800\\udc00\\udc00", 1],
    ["\\udc00\\ud800", 2],
    ["\\ud800x\\udc00", 2],
    ["\\\\\\ud800", 1],
    ["\\ud800😀", 1],
  ])("counts %s as %i", (value, count) => {
    expect(counted(`{"a":"${value}"}`)).toEqual({ count, first: "a" });
  });

  it("names a key holding one by the key's path", () => {
    expect(counted(`{"ok":"x","b":[{"k\\udc00":1}]}`)).toEqual({ count: 1, first: "b[0].k\udc00" });
  });

  it("counts each one sent, under a list key sent twice as well", () => {
    const prepared = prepareText(
      `{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"body":{"stringValue":"\\ud800"}}],"logRecords":[{"body":{"stringValue":"\\udfff"}}]}]}]}`,
    );
    expect(prepared.warning).toContain("2 lone surrogates");
  });

  it.each([
    ['{"a":"\\ud800"}', '{"a":"\\ufffd"}'],
    ['{"a":"x\\udc00\\uD83D\\uDE00\\\\ud800\\uDBFF"}', '{"a":"x\\ufffd\\uD83D\\uDE00\\\\ud800\\ufffd"}'],
    ['{"a":"\\ud83d\\ude00"}', '{"a":"\\ud83d\\ude00"}'],
  ])("writes each lone one of %s as \\ufffd, nothing else", (text, replaced) => {
    expect(replaceLoneSurrogates(text, JSON.parse(text), { count: 0, first: "" })).toBe(replaced);
  });

  it("keeps the first of two keys equal once their lone surrogates are replaced, with the warning of keys equal once invalid UTF-8 is", () => {
    const prepared = prepareText(
      logWith(`"attributes":[{"key":"k\\udc00","value":{"stringValue":"first"}},{"key":"k\\udc01","value":{"stringValue":"second"}},{"key":"k\\udc02","value":{"stringValue":"first"}}]`),
    );
    expect(firstRow(prepared).LogAttributes).toEqual(["k\ufffd", "first"]);
    expect(prepared.warning).toBe(
      `3 lone surrogates (a \\uD800–\\uDFFF escape without its pair) stored as U+FFFD (first in ${LOG}.attributes[0].key; ${LONE}); ` +
        "1 attribute value dropped for a key equal to an earlier one in the same list, with another value, once what UTF-8 cannot hold " +
        "(bytes that are not UTF-8, a JSON text's lone surrogates) was replaced by U+FFFD (the keys sent may have differed there; " +
        `the first value is kept, as a Collector's rows read it) (first "k\ufffd" at ${LOG}.attributes, in LogAttributes)`,
    );
  });

  it("renders a kvlist's keys equal once replaced as one key, its last value, as the rows store any kvlist's repeated key", () => {
    const members = `{"key":"m\\ud800","value":{"stringValue":"a"}},{"key":"m\\udbff","value":{"stringValue":"b"}}`;
    const prepared = prepareText(logWith(`"body":{"kvlistValue":{"values":[${members}]}}`));
    expect(firstRow(prepared).Body).toBe('{"m\ufffd":"b"}');
    expect(prepared.warning).toContain('1 kvlist value dropped for a key sent twice in one kvlistValue');
  });

  it("is looked for only when the depth check saw a surrogate's escape", () => {
    const scan = (text: string) => checkJsonDepth(utf8.encode(text), 64).surrogateEscapes;
    expect(scan(`{"a":"\\ud800"}`)).toBe(true);
    expect(scan(`{"a":"\\uDFFF"}`)).toBe(true);
    expect(scan(`{"a":"\\ud83d\\ude00"}`)).toBe(true);
    expect(scan(`{"a":"\\u00e9 \\\\ud800 ud800 \\\\"}`)).toBe(false);
    for (const signal of ["logs", "traces", "metrics"] as const) {
      expect(checkJsonDepth(generatePayload(signal, { records: 20 }).json, 64).surrogateEscapes).toBe(false);
    }
  });

  it("counts afresh in notes reused for the next request", () => {
    const notes = emptyDecodeNotes();
    decodeRequest("logs", "json", utf8.encode(logWith(`"body":{"stringValue":"\\ud800"}`)), undefined, undefined, undefined, notes);
    expect(notes.loneSurrogates.count).toBe(1);
    decodeRequest("logs", "json", utf8.encode(logWith(`"body":{"stringValue":"\\ud83d\\ude00"}`)), undefined, undefined, undefined, notes);
    expect(notes.loneSurrogates.count).toBe(0);
  });
});
