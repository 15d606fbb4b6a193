/**
 * Table rows the key/value and column readings missed: rows of three cells or more, MySQL's and box-drawing
 * tables, rows inside a JSON string, and rows whose cells do not line up with their header; with the look-alikes
 * each reading must keep (headers, ids, hosts, counts, prose and shell pipelines with pipes, field-name tables).
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { workDone } from "../../workers/ingest/core/redact/scan-scope";
import { itKeeps, itStores } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const SECRET_PARAM = "[REDACTED:secret_param]";
const EMAIL = "[REDACTED:email]";

const redacted = (text: string): string => redactString(text, policy).text;

/** The work counted for redacting `text` (`workDone`). */
const workOf = (text: string): number => {
  const before = workDone();
  redacted(text);
  return workDone() - before;
};

describe("a Markdown key/value row of three cells or more loses a password-shaped value", () => {
  itStores("the value goes, the further cells are scanned as plain text: %j", redacted, [
    ["| password | hunter2x9 | note |", `| password | ${SECRET_PARAM} | note |`],
    ["| password | hunter2x9 | |", `| password | ${SECRET_PARAM} | |`],
    ["| key | value | |\n| password | hunter2x9 | |", `| key | value | |\n| password | ${SECRET_PARAM} | |`],
    ["| password | hunter2x9 | owner bob@acme.io |", `| password | ${SECRET_PARAM} | owner ${EMAIL} |`],
    ["| **API Key** | Zx9Kq2Lm7Pw4abcd | prod | rotated |", `| **API Key** | ${SECRET_PARAM} | prod | rotated |`],
    ["2026-12-04T21:00:00.000Z ERROR | password | hunter2x9 | note |", `2026-12-04T21:00:00.000Z ERROR | password | ${SECRET_PARAM} | note |`],
  ]);
  itKeeps("a header without its rule, a field/type/description row, a word or a count, prose after a stop stay: %j", redacted, [
    "| token | count | share |",
    "| token | 42 | 17% |",
    "| password | string | The user's password |",
    "| password | required | yes |",
    "| secret | Description | Type |",
    "| token | expires | |",
    "| Password Policy | strict | x |",
    "| Field | Type | Description |\n|---|---|---|\n| password | string | The user's password |\n| token | str | An API token |",
    "| password | hunter2x9 | note |\n|---|---|---|",
    "| password | hunter2x9 |. a | b",
  ]);
});

describe("MySQL's and box-drawing tables are read as Markdown's", () => {
  itStores("a key/value row and a header's column between borders: %j", redacted, [
    ["+----------+-----------+\n| Field    | Value     |\n+----------+-----------+\n| password | hunter2x9 |\n+----------+-----------+",
      `+----------+-----------+\n| Field    | Value     |\n+----------+-----------+\n| password | ${SECRET_PARAM} |\n+----------+-----------+`],
    ["+------+-----------+\n| user | password  |\n+------+-----------+\n| bob  | hunter2x9 |\n| eve  | swordfish1 |\n+------+-----------+",
      `+------+-----------+\n| user | password  |\n+------+-----------+\n| bob  | ${SECRET_PARAM} |\n| eve  | ${SECRET_PARAM} |\n+------+-----------+`],
    ["│ password │ hunter2x9 │", `│ password │ ${SECRET_PARAM} │`],
    ["┃ password ┃ hunter2x9 ┃ note ┃", `┃ password ┃ ${SECRET_PARAM} ┃ note ┃`],
    ["┌──────┬───────────┐\n│ user │ password  │\n├──────┼───────────┤\n│ bob  │ hunter2x9 │\n└──────┴───────────┘",
      `┌──────┬───────────┐\n│ user │ password  │\n├──────┼───────────┤\n│ bob  │ ${SECRET_PARAM} │\n└──────┴───────────┘`],
    ["╔══════╦═══════════╗\n║ user ║ password  ║\n╠══════╬═══════════╣\n║ bob  ║ hunter2x9 ║\n╚══════╩═══════════╝",
      `╔══════╦═══════════╗\n║ user ║ password  ║\n╠══════╬═══════════╣\n║ bob  ║ ${SECRET_PARAM} ║\n╚══════╩═══════════╝`],
  ]);
  itKeeps("tables of ids, hosts and counts, and box-drawn trees, stay: %j", redacted, [
    "+----+-------------+-------+\n| id | host        | count |\n+----+-------------+-------+\n| 1  | db1.acme.io | 17    |\n+----+-------------+-------+",
    "┌────┬───────┐\n│ id │ count │\n├────┼───────┤\n│ 7  │ 42    │\n└────┴───────┘",
    "├── src\n│   ├── password.ts\n│   └── token.ts",
    "+-----------+\n| password  |\n+-----------+",
  ]);
});

describe("rows inside a JSON or logfmt string are read as the lines its escapes make", () => {
  itStores("a key/value row or a table logged in one string: %j", redacted, [
    ['{"msg":"| password | hunter2x9 |"}', `{"msg":"| password | ${SECRET_PARAM} |"}`],
    ['{"msg": "| password | hunter2x9 |", "level":"info"}', `{"msg": "| password | ${SECRET_PARAM} |", "level":"info"}`],
    ['{"msg":"| user | password |\\n|---|---|\\n| bob | hunter2x9 |"}', `{"msg":"| user | password |\\n|---|---|\\n| bob | ${SECRET_PARAM} |"}`],
    ['{"msg":"| key | value |\\n| password | hunter2x9 |"}', `{"msg":"| key | value |\\n| password | ${SECRET_PARAM} |"}`],
    ['{"msg":"| password | hunter2x9 |\\n"}', `{"msg":"| password | ${SECRET_PARAM} |\\n"}`],
    ['msg="| password | hunter2x9 |" level=info', `msg="| password | ${SECRET_PARAM} |" level=info`],
    ['msg="| password | hunter2x9 |"', `msg="| password | ${SECRET_PARAM} |"`],
    ['msg="| user | password |\\n|---|---|\\n| bob | hunter2x9 |" level=info', `msg="| user | password |\\n|---|---|\\n| bob | ${SECRET_PARAM} |" level=info`],
  ]);
  itKeeps("strings of pipes that hold no secret's row stay: %j", redacted, [
    '{"cmd":"cat x | grep password | wc -l"}',
    '{"msg":"| token | count |\\n|---|---|\\n| the | 42 |"}',
    '{"msg":"| id | host |"}',
    'cmd="cat x | grep password | wc -l"',
    'x="| id | host |" level=info',
  ]);
});

describe("a row of one cell more or fewer than its header is read under its column or the one beside it", () => {
  itStores("a password-shaped cell under either column whose name makes it a secret goes: %j", redacted, [
    ["| user | password |\n|---|---|\n| bob | hunter2x9 | extra |", `| user | password |\n|---|---|\n| bob | ${SECRET_PARAM} | extra |`],
    ["| user | password |\n|---|---|\n| hunter2x9 |", `| user | password |\n|---|---|\n| ${SECRET_PARAM} |`],
    ["| user | password | ip |\n|---|---|---|\n| bob | hunter2x9 |", `| user | password | ip |\n|---|---|---|\n| bob | ${SECRET_PARAM} |`],
    ["| user | password |\n|---|---|\n| a|b | hunter2x9 |", `| user | password |\n|---|---|\n| a|b | ${SECRET_PARAM} |`],
    ["user | password\n-----+-----\nbob | x | hunter2x9", `user | password\n-----+-----\nbob | x | ${SECRET_PARAM}`],
  ]);
  itKeeps("a word, a name, a host or a count in a misaligned row stays, and two cells off is no row of the table: %j", redacted, [
    "| user | password |\n|---|---|\n| alice | admin | x |",
    "| name | host |\n|---|---|\n| db1 | db1.acme.io | 5432 |",
    "| user | token |\n|---|---|\n| bob | the | 42 |",
    "| user | password |\n|---|---|\n| a | b | c | hunter2x9 |",
  ]);
});

describe("look-alikes with pipes stay as on main", () => {
  itKeeps("prose, shell pipelines and field-name tables: %j", redacted, [
    "a | b | c",
    "cat x | grep password | wc -l",
    "ps aux | grep token | head",
    "| Field | Description |\n|---|---|\n| password | The user's password |\n| token | An API token |",
    "| token | count |\n|---|---|\n| the | 42 |",
    "Choose one: red | green | blue",
  ]);
});

describe("the readings stay linear", () => {
  it.each([
    ["| password | hunter2x9 | note |\n"],
    ["| user | password |\n"],
    ["+------+-----------+\n| bob  | hunter2x9 |\n"],
    ["│ password │ hunter2x9 │ x │\n"],
    ['{"msg":"| password | hunter2x9 |\\n| a | b | c |"}\n'],
  ])("%j repeated: twice the text costs at most twice the work and a constant", (unit) => {
    const of = (size: number): string => unit.repeat(Math.ceil(size / unit.length));
    expect(workOf(of(1 << 16))).toBeLessThanOrEqual(2 * workOf(of(1 << 15)) + 8192);
  });
  it("a 64 KB line of pipes after a key cell is one row, read once", () => {
    const line = (size: number): string => `| password | ${"| ".repeat(size / 2)}`;
    expect(workOf(line(1 << 16))).toBeLessThanOrEqual(2 * workOf(line(1 << 15)) + 8192);
  });
});
