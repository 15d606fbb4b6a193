/**
 * Table rows the key/value and column readings missed: MySQL's and box-drawing tables and rows inside a JSON or
 * logfmt string; with the look-alikes each reading must keep (headers, ids, hosts, counts, prose and shell pipelines
 * with pipes, field-name and schema tables), and the rows still not read: wider rows and rows whose cells do not line
 * up with their header (README's known leaks).
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { workDone } from "../../workers/ingest/core/redact/scan-scope";
import { itKeeps, itStores } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const SECRET_PARAM = "[REDACTED:secret_param]";

const redacted = (text: string): string => redactString(text, policy).text;

/** The work counted for redacting `text` (`workDone`). */
const workOf = (text: string): number => {
  const before = workDone();
  redacted(text);
  return workDone() - before;
};

describe("a key/value row of three cells or more is not read (README's known leak)", () => {
  itKeeps("its value stays, a password's shape or not: %j", redacted, [
    "| password | hunter2x9 | note |",
    "| password | sunshine | note |",
    "| password | hunter2x9 | |",
  ]);
  itKeeps("so schema, format and documentation tables keep their types and formats: %j", redacted, [
    "| Column | Type | Nullable |\n|---|---|---|\n| password | varchar(255) | NO |\n| token | char(64) | YES |",
    "| Parameter | Type | Description |\n|---|---|---|\n| password | String(64) | The password |\n| token | UUIDv4 | Session token |",
    "| Name | Format | Notes |\n|---|---|---|\n| token | JWT256 | signed |\n| password | bcrypt12 | hashed |",
    "| Header | Value | Required |\n|---|---|---|\n| secret | HMAC-SHA256 | yes |",
    "| Setting | Default | Env |\n|---|---|---|\n| password | min8 | PW_MIN |",
    "| password | UTF-8 | encoding |",
    "| token | OAuth2 | scheme |",
    "| token | access_token | string |",
    "| secret | client_secret | body |",
    "| password | min8chars | policy |",
    "| token | ttl3600 | seconds |",
    "| token | count | share |",
    "| password | string | The user's password |",
  ]);
});

describe("MySQL's and box-drawing tables are read as Markdown's", () => {
  itStores("a key/value row and a header's column between borders: %j", redacted, [
    ["+----------+-----------+\n| Field    | Value     |\n+----------+-----------+\n| password | hunter2x9 |\n+----------+-----------+",
      `+----------+-----------+\n| Field    | Value     |\n+----------+-----------+\n| password | ${SECRET_PARAM} |\n+----------+-----------+`],
    ["+------+-----------+\n| user | password  |\n+------+-----------+\n| bob  | hunter2x9 |\n| eve  | swordfish1 |\n+------+-----------+",
      `+------+-----------+\n| user | password  |\n+------+-----------+\n| bob  | ${SECRET_PARAM} |\n| eve  | ${SECRET_PARAM} |\n+------+-----------+`],
    ["│ password │ hunter2x9 │", `│ password │ ${SECRET_PARAM} │`],
    ["║ password ║ hunter2x9 ║", `║ password ║ ${SECRET_PARAM} ║`],
    ["┌──────┬───────────┐\n│ user │ password  │\n├──────┼───────────┤\n│ bob  │ hunter2x9 │\n└──────┴───────────┘",
      `┌──────┬───────────┐\n│ user │ password  │\n├──────┼───────────┤\n│ bob  │ ${SECRET_PARAM} │\n└──────┴───────────┘`],
    ["╔══════╦═══════════╗\n║ user ║ password  ║\n╠══════╬═══════════╣\n║ bob  ║ hunter2x9 ║\n╚══════╩═══════════╝",
      `╔══════╦═══════════╗\n║ user ║ password  ║\n╠══════╬═══════════╣\n║ bob  ║ ${SECRET_PARAM} ║\n╚══════╩═══════════╝`],
  ]);
  itKeeps("tables of ids, hosts and counts, box-drawn trees, and a drawn row's word (not read on main) stay: %j", redacted, [
    "+----+-------------+-------+\n| id | host        | count |\n+----+-------------+-------+\n| 1  | db1.acme.io | 17    |\n+----+-------------+-------+",
    "┌────┬───────┐\n│ id │ count │\n├────┼───────┤\n│ 7  │ 42    │\n└────┴───────┘",
    "├── src\n│   ├── password.ts\n│   └── token.ts",
    "+-----------+\n| password  |\n+-----------+",
    "│ token │ count │",
    "│ password │ string │",
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
  itStores("a string in single quotes, a Python dict's or a shell's, is read as one in double quotes: %j", redacted, [
    ["msg='| password | hunter2x9 |'", `msg='| password | ${SECRET_PARAM} |'`],
    ["{'msg':'| password | hunter2x9 |'}", `{'msg':'| password | ${SECRET_PARAM} |'}`],
    ["{'msg': '| password | hunter2x9 |', 'x': 1}", `{'msg': '| password | ${SECRET_PARAM} |', 'x': 1}`],
  ]);
  itKeeps("a row in a string, its opening before the row, keeps a word, a header's or a field list's (as on main): %j", redacted, [
    "msg='| password | string |'",
    "{'q':'| secret | name |'}",
    "x='| token | count |' y=1",
    "a='| token | Description |'",
    "echo 'a | b' | grep password",
    "{'cmd':'cat x | grep password | wc -l'}",
    'label="| token | type |" x=1',
    'x="| password | id |"',
    '{"q":"| secret | name |"}',
    '{"msg":"| password | string |"}',
    '{"msg":"| token | count |"}',
    '{"msg":"| token | Description |"}',
    '{"msg":"| token | expires_at |"}',
    '{"cols":"| Field | Type |\\n|---|---|\\n| password | string |"}',
  ]);
  itStores("a row with a quote after its value and no string's opening before it is read whole, as on main: %j", redacted, [
    [" password | letmein'}", ` password | ${SECRET_PARAM}'}`],
    [" password | sunshine',", ` password | ${SECRET_PARAM}',`],
    [' password | welcome"]', ` password | ${SECRET_PARAM}"]`],
    [' passwd | dragon"}', ` passwd | ${SECRET_PARAM}"}`],
    [" token | abcdef'],x", ` token | ${SECRET_PARAM}'],x`],
    [" api_key | abcdefgh'}", ` api_key | ${SECRET_PARAM}'}`],
    [" password | Welcome', x", ` password | ${SECRET_PARAM}', x`],
    [' password | x"]', ` password | ${SECRET_PARAM}"]`],
    [" password | abc',def", ` password | ${SECRET_PARAM}',def`],
    [' password | abc",def', ` password | ${SECRET_PARAM}",def`],
    [' password | hunter"}2x9', ` password | ${SECRET_PARAM}"}2x9`],
    [" secret | x'],y9z", ` secret | ${SECRET_PARAM}'],y9z`],
    [' password | "hunter2",', ` password | "${SECRET_PARAM}",`],
    [" password | 'hunter2',", ` password | '${SECRET_PARAM}',`],
    ['-[ RECORD 1 ]\n user     | bob\n password | letmein"}', `-[ RECORD 1 ]\n user     | bob\n password | ${SECRET_PARAM}"}`],
    ['out:\n password | welcome",', `out:\n password | ${SECRET_PARAM}",`],
    [' password | Welcome",\n user | bob', ` password | ${SECRET_PARAM}",\n user | bob`],
    ["2026-12-04T21:00:00.000Z ERROR  password | abc',def", `2026-12-04T21:00:00.000Z ERROR  password | ${SECRET_PARAM}',def`],
    ['{"msg":"-[ RECORD 1 ]\\n user | bob\\n password | letmein"}', `{"msg":"-[ RECORD 1 ]\\n user | bob\\n password | ${SECRET_PARAM}"}`],
    ["| password | Welcome |'}", `| password | ${SECRET_PARAM} |'}`],
    ['| password | sunshine |" level=info', `| password | ${SECRET_PARAM} |" level=info`],
    ['"k": "v"\n| password | letmein |"}', `"k": "v"\n| password | ${SECRET_PARAM} |"}`],
  ]);
  itStores("a row is in a string only when that string's opening comes before it, in its line or over the lines its escapes make: %j", redacted, [
    ['{"msg":"x\\n| password | letmein |"}', '{"msg":"x\\n| password | letmein |"}'],
    ['{"msg":"x\\n| password | hunter2x9 |"}', `{"msg":"x\\n| password | ${SECRET_PARAM} |"}`],
    ["{'cols':'| Field | Type |\\n|---|---|\\n| token | count |'}", "{'cols':'| Field | Type |\\n|---|---|\\n| token | count |'}"],
  ]);
  itKeeps("strings of pipes that hold no secret's row stay: %j", redacted, [
    '{"cmd":"cat x | grep password | wc -l"}',
    '{"msg":"| token | count |\\n|---|---|\\n| the | 42 |"}',
    '{"msg":"| id | host |"}',
    'cmd="cat x | grep password | wc -l"',
    'x="| id | host |" level=info',
  ]);
});

describe("a row whose cells do not line up with its header is not read (README's known leak)", () => {
  itKeeps("a password one cell off stays, and so do the ids, hosts and user names beside a missing cell: %j", redacted, [
    "| user | password |\n|---|---|\n| bob | hunter2x9 | extra |",
    "| host | password | port |\n|---|---|---|\n| db01-prod | 5432 |",
    "| host | password | port |\n|---|---|---|\n| db01.acme.io | 5432 |",
    "| name | token | scope |\n|---|---|---|\n| ci-bot-01 | read |",
    "| id | secret | note |\n|---|---|---|\n| abc123 | req-42x |",
    "| user | password |\n|---|---|\n| bob2024 |",
    "| user | password |\n|---|---|\n| 550e8400-e29b-41d4-a716-446655440000 |",
    "| user | password |\n|---|---|\n| alice | db01.acme.io | x |",
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

/**
 * The work counted (`countWork`) is the row's head read back to its line's start and the value cell, and the table view
 * built for a text with box-drawing characters (table-view.ts): a view built at each row rather than once a scan would
 * grow as the square of the text. The string-opening test (`BEFORE_HEAD`) and the view's test for box characters read
 * the line before a row's head, at most 1,024 characters and counted with it, and the text once a scan.
 */
describe("the readings stay linear", () => {
  it.each([
    ["| password | hunter2x9 | note |\n"],
    ["| user | password |\n"],
    ["+------+-----------+\n| bob  | hunter2x9 |\n"],
    ["│ password │ hunter2x9 │\n"],
    ["┌──────┬───────────┐\n│ user │ password  │\n├──────┼───────────┤\n│ bob  │ hunter2x9 │\n"],
    ['{"msg":"| password | hunter2x9 |\\n| a | b | c |"}\n'],
    ['x="| password | hunter2x9 |" level=info\n'],
  ])("%j repeated: twice the text costs at most twice the work and a constant", (unit) => {
    const of = (size: number): string => unit.repeat(Math.ceil(size / unit.length));
    expect(workOf(of(1 << 16))).toBeLessThanOrEqual(2 * workOf(of(1 << 15)) + 8192);
  });
  it("a box-drawn table's view is built once a scan: its counted work holds the text's length once, not once a row", () => {
    const row = "│ bob  │ hunter2x9 │\n";
    const table = `┌──────┬───────────┐\n│ user │ password  │\n├──────┼───────────┤\n${row.repeat(2000)}`;
    expect(workOf(table)).toBeLessThan(4 * table.length);
  });
  it.each([
    ["| password | letmein |'\n"],
    ['| password | letmein |"\n| token | count |\n'],
    ["{'cols':'| Field | Type |\\n| password | letmein |'}\n"],
  ])("rows a quote closes, %j repeated, look back for the string's opening at most to the quote before: work under 8 times the text (the 1,024 characters before each row would be 20 times and more)", (unit) => {
    const text = unit.repeat(Math.ceil((1 << 15) / unit.length));
    expect(workOf(text)).toBeLessThan(8 * text.length);
  });
  it("a 64 KB line of pipes after a key cell is one row, read once", () => {
    const line = (size: number): string => `| password | ${"| ".repeat(size / 2)}`;
    expect(workOf(line(1 << 16))).toBeLessThanOrEqual(2 * workOf(line(1 << 15)) + 8192);
  });
});
