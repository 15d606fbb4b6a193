/**
 * No request's text outlives its request: after one export went through the core and another
 * after it, a heap snapshot (which collects garbage first) holds none of the first's texts. The
 * first request carries a word made at random in every shape the detectors keep memos for (an
 * `INSERT`'s row, a query's bound list, an `IN` list, a URL's query, YAML, a list of numbers, a
 * `request.cf` object, a Cookie header), in its body and its attributes. The search is checked on
 * a text a module's memo holds on purpose: a detector's helper asked outside any scan keeps its
 * text until the next scan ends (scan-scope.ts), which no later export runs here. A memo of names
 * (bounded-memo.ts) may keep a name read out of a text, alone: never the text around it.
 */
import { randomBytes } from "node:crypto";
import { getHeapSnapshot, setFlagsFromString } from "node:v8";
import { describe, expect, it } from "vitest";
import { parseIngestConfig } from "../../workers/ingest/config";
import { prepareExport } from "../../workers/ingest/core/pipeline";
import { sqlInsertColumnOf } from "../../workers/ingest/core/redact/detectors/sql-values";

const RECEIVED = "1700000000000000000";
const pipeline = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true" }).pipeline;

/** A word of 24 letters, kept as bytes: a string of it alive in the test would be found too. */
function randomWord(): Buffer {
  return Buffer.from([...randomBytes(24)].map((byte) => 97 + (byte % 26)));
}

/** Texts holding `word` in the shapes the detectors' memos read. */
function textsWith(word: string): string[] {
  return [
    `INSERT INTO customers (name, phone, note) VALUES ('${word}', '11987654321', '${word}')`,
    `{"query":"SELECT * FROM t WHERE phone = $1 AND note = $2","params":"[\\"11987654321\\",\\"${word}\\"]"}`,
    `SELECT * FROM t WHERE note IN ('${word}', '${word}x') AND phone = '11987654321'`,
    `GET /search?nome=${word}&sobrenome=${word}&q=${word} 200`,
    `user:\n  name: ${word}\n  password: ${word}\n  phones:\n    - 11987654321`,
    `order_ids=[1234567, 2345678] note=${word}`,
    `{"cf":{"city":"${word}","country":"BR","latitude":"-23.5","longitude":"-46.6"},"note":"${word}"}`,
    `Cookie: session=${word}; theme=dark; note=${word}`,
    `Access denied for user '${word}'@'54.232.10.11' (using password: YES)`,
  ];
}

/** One logs export through the core, its texts in bodies and attributes; returns nothing of it. */
function exportOnce(word: Buffer): void {
  const texts = textsWith(word.toString("latin1"));
  const records = texts.map((text, i) => ({
    timeUnixNano: RECEIVED,
    body: { stringValue: text },
    attributes: [{ key: "note", value: { stringValue: text } }, { key: `db.query.text.${i}`, value: { stringValue: text } }],
  }));
  const document = { resourceLogs: [{ resource: { attributes: [] }, scopeLogs: [{ logRecords: records }] }] };
  const prepared = prepareExport("logs", "json", new TextEncoder().encode(JSON.stringify(document)), pipeline, RECEIVED);
  expect(prepared.accepted).toBe(texts.length);
}

/**
 * Which of `words` a heap snapshot holds inside a longer string: a text around it, not the word
 * alone (a string of the snapshot's JSON is `"word"`; `" word"` is the copy a memo of names makes,
 * bounded-memo.ts). Strings are read whole (`--heap-snapshot-string-limit`), not cut at 1,024.
 */
async function heldInText(words: readonly Buffer[]): Promise<boolean[]> {
  setFlagsFromString(`--heap-snapshot-string-limit=${1 << 30}`);
  const found = words.map(() => false);
  const longest = Math.max(...words.map((word) => word.length)) + 2;
  let carry = Buffer.alloc(0);
  for await (const chunk of getHeapSnapshot()) {
    const bytes = Buffer.concat([carry, Buffer.from(chunk as Buffer | string)]);
    words.forEach((word, i) => {
      for (let at = bytes.indexOf(word, 1); !found[i] && at > 0 && at + word.length < bytes.length; at = bytes.indexOf(word, at + 1)) {
        const alone = bytes[at + word.length] === 0x22 && (bytes[at - 1] === 0x22 || (bytes[at - 1] === 0x20 && bytes[at - 2] === 0x22));
        if (!alone) found[i] = true;
      }
    });
    carry = bytes.subarray(Math.max(0, bytes.length - longest));
  }
  return found;
}

describe("a request's texts after the next request", () => {
  it("are held by nothing: a heap snapshot finds none of them, while it finds a text a memo holds", { timeout: 120_000 }, async () => {
    const first = randomWord();
    const second = randomWord();
    const kept = randomWord();
    exportOnce(first);
    exportOnce(second);
    // Asked outside a scan, the memo keeps this text until a scan ends: the search's own check.
    const text = `INSERT INTO t (a, phone) VALUES ('${kept.toString("latin1")}', '11987654321')`;
    expect(sqlInsertColumnOf(text, text.indexOf("11987654321"))).toBe("phone");
    expect(await heldInText([first, second, kept])).toEqual([false, false, true]);
  });
});
