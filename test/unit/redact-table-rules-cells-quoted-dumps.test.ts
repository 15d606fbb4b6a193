/**
 * Markdown and psql tables: short dash lines, key cells, blank-free values, a
 * psql value's last mark; any word under a secret's name goes; `:?:` dumps' values holding a `,`,
 * and quoted ones not read.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { workDone } from "../../workers/ingest/core/redact/scan-scope";
import { itKeeps, itStores } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const SECRET_PARAM = "[REDACTED:secret_param]";

const redacted = (text: string): string => redactString(text, policy).text;

describe("a short dash line alone is no rule line and no body's end", () => {
  itStores("a short dash line under a key/value row leaves it read: %j", redacted, [
    ...["--", "-- ", "-", "|--", "- - -", ":-", "-+-"].map((rule): [string, string] => [`| password | hunter2x9 |\n${rule}`, `| password | ${SECRET_PARAM} |\n${rule}`]),
    ...["--", "-+-", "- - -"].map((rule): [string, string] => [` password | hunter2x9\n${rule}`, ` password | ${SECRET_PARAM}\n${rule}`]),
  ]);
  it.each(["| -- | -- |", "|--|--|", "|-|-|"])("a short dash row %j inside a table's body is a body's row, and the body reads on", (row) => {
    const text = `| user | password |\n|---|---|\n| alice | x1x1x1x1 |\n${row}\n| eve | swordfish1 |`;
    expect(redacted(text)).toMatch(/^\| user \| password \|\n\|---\|---\|\n\| alice \| \[REDACTED:secret_param\] \|\n[^\n]*\n\| eve \| \[REDACTED:secret_param\] \|$/);
  });
});

describe("a row's reading leaves the other detectors' finds to them", () => {
  it.each([
    ["| Email | Password |\n|-|-|\n| bob@example.com | hunter2x9 |", "bob@example.com"],
    ["| DB Password | hunter2x9 |. Contact bob@example.com", "bob@example.com"],
    ["| DB Password | hunter2x9 |. Call +1 415 555 0134 or ip 203.0.113.7", "415 555 0134"],
    ["| DB Password | hunter2x9 |. Call +1 415 555 0134 or ip 203.0.113.7", "203.0.113.7"],
    ["| API key | Zx9Kq2Lm7Pw4abcd |. token=Zx9Kq2Lm7Pw4abcd", "token=Zx9Kq2Lm7Pw4abcd"],
  ])("%j loses %j", (text, found) => {
    expect(redacted(text)).not.toContain(found);
  });
});

describe("a value cell holding blanks that is no passphrase stays", () => {
  itKeeps("a description, a rule, a pointer or two words in a password's cell stays: %j", redacted, [
    "| password | The user's password |",
    "| password | Must be at least 8 characters |",
    "| password | see vault |",
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
  itStores("a header row alone whose value is no column's name is read as a pair, a known false positive: %j", redacted, [
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
