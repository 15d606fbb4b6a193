/**
 * No request's text outlives its request: after one export went through the core and another
 * after it, a heap snapshot (which collects garbage first) holds none of the first's texts and
 * none of its values, not even a value alone. The first request carries a word made at random in
 * every shape the detectors keep memos for (an `INSERT`'s row, a query's bound list, an `IN`
 * list, a URL's query, YAML, a list of numbers, a `request.cf` object, a Cookie header) and in
 * every place a value is read as a name (a YAML or JSON `name:` member's value, a pair's name, a
 * header list's name, a `name` attribute, a `name="…"` setting, a token before its `=` padding, a
 * bind's name, a code read's member), in its body and its attributes. Only keys and column
 * names may be remembered across requests (bounded-memo.ts); the word is never one. The search is
 * checked on a text a module's memo holds on purpose: a detector's helper asked outside any scan
 * keeps its text until the next scan ends (scan-scope.ts), which no later export runs here.
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

/**
 * Texts holding `word` in the shapes the detectors' memos read; `Word` (capitalised) where a
 * label of capitalised words is read as a name (`Ana Souza` → `ana_souza`).
 */
function textsWith(word: string): string[] {
  const Word = capitalised(word);
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
    `customer:\n  name: ${word}\n  city: Recife`,
    `author:\n  name: ${Word} ${Word}\n`,
    `env:\n  - name: ${word}\n    value: ${word}`,
    `{"user":{"name":"${word}","email_verified":true}}`,
    `{"env":[{"name":"${word}","value":"${word}"},{"name":"${Word} ${Word}","value":"x"}]}`,
    `{"headers":[["${word}","${word}"]]}`,
    `settings {name: ${word}, value: ${word}}`,
    `<add key="${Word} ${Word}" value="x"/> <field name="${word}" value="y"/>`,
    `auth header=Basic ${word}== token ${word}x=`,
    `params {:password=>:${word}}`,
    `db.password = config.${word}`,
  ];
}

function capitalised(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1);
}

/** One logs export through the core, its texts in bodies and attributes; returns nothing of it. */
function exportOnce(word: Buffer): void {
  const value = word.toString("latin1");
  const texts = textsWith(value);
  const records = texts.map((text, i) => ({
    timeUnixNano: RECEIVED,
    body: { stringValue: text },
    attributes: [
      { key: "note", value: { stringValue: text } },
      { key: `db.query.text.${i}`, value: { stringValue: text } },
      // A value read as a name: a pair's name member, a person's name.
      { key: "Parameter.Name", value: { stringValue: value } },
      { key: "Parameter.Value", value: { stringValue: value } },
      { key: "name", value: { stringValue: `${capitalised(value)} ${capitalised(value)}` } },
      { key: "password", value: { stringValue: `:${value}` } },
      { key: "api_key", value: { stringValue: `settings.${value}` } },
    ],
  }));
  const document = { resourceLogs: [{ resource: { attributes: [] }, scopeLogs: [{ logRecords: records }] }] };
  const prepared = prepareExport("logs", "json", new TextEncoder().encode(JSON.stringify(document)), pipeline, RECEIVED);
  expect(prepared.accepted).toBe(texts.length);
}

/**
 * Which of `words` a heap snapshot holds anywhere, alone or inside a longer string, in any case of
 * its first letter (its other 23 letters are searched). Strings are read whole
 * (`--heap-snapshot-string-limit`), not cut at 1,024.
 */
async function heldInText(words: readonly Buffer[]): Promise<boolean[]> {
  setFlagsFromString(`--heap-snapshot-string-limit=${1 << 30}`);
  const found = words.map(() => false);
  const tails = words.map((word) => word.subarray(1));
  const longest = Math.max(...tails.map((tail) => tail.length));
  let carry = Buffer.alloc(0);
  for await (const chunk of getHeapSnapshot()) {
    const bytes = Buffer.concat([carry, Buffer.from(chunk as Buffer | string)]);
    tails.forEach((tail, i) => {
      if (bytes.includes(tail)) found[i] = true;
    });
    carry = bytes.subarray(Math.max(0, bytes.length - longest + 1));
  }
  return found;
}

describe("a request's texts after the next request", () => {
  it("are held by nothing, values read as names too: a heap snapshot finds none of them, while it finds a text a memo holds", { timeout: 120_000 }, async () => {
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
