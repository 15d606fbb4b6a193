/**
 * Text in any script before a field's `:` or `=` is redacted like ASCII text, never failed: one
 * evidence check once read a table by a character's low seven bits, so `时间: 12:00` (Chinese "time"),
 * `allô=1` and `avô: João` took `间`/`ô` for a list word's `t` and threw, hiding the text behind
 * `[REDACTED:redaction_failed]`. Every low-seven-bit value is tried in each script's block.
 */
import { describe, expect, it } from "vitest";
import { parseIngestConfig } from "../../workers/ingest/config";
import { prepareExport } from "../../workers/ingest/core/pipeline";

const pipeline = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true" }).pipeline;
const NOW = "1777190460000000000";

/** Stores each body as one log record's string body; the stored bodies and the answer's warning. */
function stored(bodies: string[]): { bodies: string[]; warning: string; kinds: Record<string, number> } {
  const request = {
    resourceLogs: [{ scopeLogs: [{ logRecords: bodies.map((body) => ({ timeUnixNano: NOW, body: { stringValue: body } })) }] }],
  };
  const prepared = prepareExport("logs", "json", new TextEncoder().encode(JSON.stringify(request)), pipeline, NOW);
  const rows = prepared.batches[0]!.rows as unknown as Array<{ Body: string }>;
  return { bodies: rows.map((row) => row.Body), warning: prepared.warning, kinds: prepared.redactions.kinds };
}

describe("a field name ending past ASCII", () => {
  it("keeps the fuzz's examples as sent", () => {
    const texts = ["时间: 12:00", "处理时间:35ms", "ô=", "allô=1", "avô: João"];
    const result = stored(texts);
    expect(result.bodies).toEqual(texts);
    expect(result.warning).toBe("");
  });

  // Latin-1, Latin Extended, Cyrillic, CJK and Hangul blocks: every character whose low seven bits
  // are any of 0–127, as a name's last character before `:`, `=` and a quoted name's `":`.
  const blocks = [0x80, 0x100, 0x400, 0x4e00, 0x95f0, 0xac00];
  for (const block of blocks) {
    it(`redacts nothing and fails nothing for names ending in U+${block.toString(16).toUpperCase()}…+127`, () => {
      const texts: string[] = [];
      for (let low = 0; low < 128; low++) {
        const character = String.fromCharCode(block + low);
        texts.push(`处理${character}: 12:00 ok`, `valor${character}=1`, `{"nome${character}":["01310"]}`);
      }
      const result = stored(texts);
      expect(result.kinds).not.toHaveProperty("redaction_failed");
      expect(result.bodies).toEqual(texts);
    });
  }

  it("still redacts a postal code under an ASCII list name beside such text", () => {
    const result = stored(["时间: 12:00 zip_list=94103,10001"]);
    expect(result.bodies).toEqual(["时间: 12:00 zip_list=[REDACTED:postal_code],[REDACTED:postal_code]"]);
  });
});
