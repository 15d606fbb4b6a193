/**
 * Markdown and psql tables read as GFM and psql write them (rule lines of any dashes, key cells of
 * words, bold or backticked, values holding blanks, a psql value's last mark), the cells a generated
 * secret's column or row keeps, and `:?:` dumps' quoted values and values holding a `,`.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { workDone } from "../../workers/ingest/core/redact/scan-scope";
import { itKeeps, itStores } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const SECRET_PARAM = "[REDACTED:secret_param]";

const redacted = (text: string): string => redactString(text, policy).text;

describe("a GFM delimiter row of fewer than three dashes a column is a rule line", () => {
  itStores("the table under `| user | password |` is read: %j", redacted, [
    ["| user | password |\n|--|--|\n| bob | hunter2x9 |", `| user | password |\n|--|--|\n| bob | ${SECRET_PARAM} |`],
    ["| user | password |\n|-|-|\n| bob | hunter2x9 |", `| user | password |\n|-|-|\n| bob | ${SECRET_PARAM} |`],
    ["| user | password |\n|:--|:--|\n| bob | hunter2x9 |", `| user | password |\n|:--|:--|\n| bob | ${SECRET_PARAM} |`],
    ["| user | password |\n|:-:|-:|\n| bob | hunter2x9 |", `| user | password |\n|:-:|-:|\n| bob | ${SECRET_PARAM} |`],
    ["user | password\n--|--\nbob | hunter2x9", `user | password\n--|--\nbob | ${SECRET_PARAM}`],
  ]);
  itStores("a header above a short rule line is columns' names, the body below it is read: %j", redacted, [
    ["| token | expires |\n|--|--|\n| Zx9Kq2Lm7Pw4abcd | 2026-01-01 |", `| token | expires |\n|--|--|\n| ${SECRET_PARAM} | 2026-01-01 |`],

  ]);
  itStores("a row of lone dashes below the header is a body's row, and the body reads on: %j", redacted, [
    ["| user | password |\n|-|-|\n| - | - |\n| bob | hunter2x9 |", `| user | password |\n|-|-|\n| - | - |\n| bob | ${SECRET_PARAM} |`],
    ["| user | password |\n|---|---|\n| - | - |\n| bob | hunter2x9 |", `| user | password |\n|---|---|\n| - | - |\n| bob | ${SECRET_PARAM} |`],
  ]);
  itKeeps("a header's row above a short rule line stays: %j", redacted, ["| password | hint |\n|-|-|", "| password | hint |\n|:-:|:-:|"]);
});

describe("a key/value row's key cell of words, bold or in backticks, and a value of words", () => {
  itStores("a two-word key read by its last two words goes: %j", redacted, [
    ["| DB Password | hunter2x9 |", `| DB Password | ${SECRET_PARAM} |`],
    ["| API key | Zx9Kq2Lm7Pw4abcd |", `| API key | ${SECRET_PARAM} |`],
    ["| Client Secret | Zx9Kq2Lm7Pw4abcd |", `| Client Secret | ${SECRET_PARAM} |`],
    ["| Access Token | Zx9Kq2Lm7Pw4abcd |", `| Access Token | ${SECRET_PARAM} |`],
    ["| **password** | hunter2x9 |", `| **password** | ${SECRET_PARAM} |`],
    ["| `password` | hunter2x9 |", `| \`password\` | ${SECRET_PARAM} |`],
  ]);
  itKeeps("a shell's pipe after two words, states of words and rows of more cells stay: %j", redacted, [
    "cat secret | base64",
    "| password | not set |",
    "| password | a | b |",
    "| DB Host | db1 |",
  ]);
});

describe("a value cell holding blanks stays, prose as a passphrase (a passphrase's miss is a known fault)", () => {
  itKeeps("a description, a rule or a pointer in a password's cell stays: %j", redacted, [
    "| password | The user's password |",
    "| password | Must be at least 8 characters |",
    "| password | see vault |",
    "| password | correct horse battery |",
    "| user | password |\n|---|---|\n| bob | correct horse |",
  ]);
});

describe("a psql cell's value runs to the cell's end", () => {
  itStores("a mark at the line's end is the value's: %j", redacted, [
    [" password | hunter2x9!", ` password | ${SECRET_PARAM}`],
    ["password | hunter2x9?", `password | ${SECRET_PARAM}`],
  ]);
  itStores("a sentence's stop before prose stays: %j", redacted, [[" password | hunter2x9. Next", ` password | ${SECRET_PARAM}. Next`]]);
});

describe("a secret's row or column is read by the field's reading, whatever the secret's kind", () => {
  itStores("a word or digits under a token's, secret's or key's name go as `name: value` would: %j", redacted, [
    ["| secret | swordfish |", `| secret | ${SECRET_PARAM} |`],
    ["| x-api-key | 98172634 |", `| x-api-key | ${SECRET_PARAM} |`],
    ["| token | 1234567890 |", `| token | ${SECRET_PARAM} |`],
    ["| client_secret | swordfish |", `| client_secret | ${SECRET_PARAM} |`],
    [" secret | swordfish", ` secret | ${SECRET_PARAM}`],
    ["| user | api_key |\n|---|---|\n| bob | swordfish |", `| user | api_key |\n|---|---|\n| bob | ${SECRET_PARAM} |`],
    ["| user | password |\n|---|---|\n| bob | letmein |", `| user | password |\n|---|---|\n| bob | ${SECRET_PARAM} |`],
  ]);
  itStores("a header row alone is read as a pair, a known false positive: %j", redacted, [
    ["| token | expires |", `| token | ${SECRET_PARAM} |`],
    ["| secret | configured |", `| secret | ${SECRET_PARAM} |`],
  ]);
});

describe("a `:?:` dump's value holding a comma; quoted values", () => {
  itKeeps("a quoted value is not read, as before (a known leak), and a quoted Digest dump stays whole: %j", redacted, [
    'x-api-key:?:"hunter2x9"',
    'x-api-key:?:"hunter2 x9"',
    'authorization:?:"Digest username="bob", response="6629fae49393a05397450978507c4ef1""',
  ]);
  itStores("an API key's value runs to the next header, a glued `,` in it: %j", redacted, [
    ["x-api-key:?:hunter2,pass, accept:?:*/*", `x-api-key:?:${SECRET_PARAM}, accept:?:*/*`],
    ["x-api-key:?:hunter2,pass,accept:?:*/*", `x-api-key:?:${SECRET_PARAM},accept:?:*/*`],
  ]);
  it.each([
    'Digest username="bob", realm="x", response="6629fae49393a05397450978507c4ef1"',
    "Digest username=bob, realm=x, response=6629fae49393a05397450978507c4ef1",
  ])("a Digest's username goes in a dump as in an Authorization header: %j", (credentials) => {
    const inDump = redacted(`authorization:?:${credentials}`).slice("authorization:?:".length);
    const inHeader = redacted(`Authorization: ${credentials}`).slice("Authorization: ".length);
    expect(inDump).toBe(inHeader);
    expect(inDump).not.toContain("bob");
  });
});

describe("the readings' work", () => {
  /** The characters the checks read while redacting `unit` repeated to `size` characters. */
  const workOf = (prefix: string, unit: string, size: number): number => {
    const before = workDone();
    redactString(prefix + unit.repeat(Math.ceil(size / unit.length)).slice(0, size), policy);
    return workDone() - before;
  };
  it.each([
    ["", "|--|"], ["", "|-|-|\n"], ["", "| - | - |\n"], ["", "--|--\n"], ["", "| password | x |\n| - | - |\n"], ["", "| DB Password | x |\n"], ["", "| password | a b "], ["", 'x-api-key:?:"a'],
    ["", 'x-api-key:?:"a", '], ["", "x-api-key:?:a,"], ["| user | password |\n|-|-|\n", "| alice | hunter2x9 |\n"], ["", "|"],
  ])("%j then %j repeated: twice the text costs at most twice the work and a constant", (prefix, unit) => {
    const n = 1 << 15;
    expect(workOf(prefix, unit, 2 * n)).toBeLessThanOrEqual(2 * workOf(prefix, unit, n) + 8192);
  });
});
