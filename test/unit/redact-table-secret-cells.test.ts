/**
 * A table's secret cell is the only thing its reading replaces: the row's other cells and the prose
 * after it are scanned by the other detectors exactly as the same words are in plain text.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { tableColumnsDetector } from "../../workers/ingest/core/redact/detectors/table-rows";
import { beginScan, endScan, readAside, workDone } from "../../workers/ingest/core/redact/scan-scope";
import { itKeeps, itStores } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const SECRET_PARAM = "[REDACTED:secret_param]";
/** Each two-cell row (`| name | value |`) paired with itself, its value cell's text replaced by the field's marker. */
const valueGoes = (rows: readonly string[]): Array<[string, string]> => rows.map((row) => [row, row.replace(/\| [^|]+ \|$/, `| ${SECRET_PARAM} |`)]);
const EMAIL = "[REDACTED:email]";

const redacted = (text: string): string => redactString(text, policy).text;

describe("a key/value row's reading replaces its value alone", () => {
  itStores("what follows the value, in every form the row is read in, is scanned as plain text: %j", redacted, [
    ["| password | hunter2x9 |. Contact alice@acme.io", `| password | ${SECRET_PARAM} |. Contact ${EMAIL}`],
    [" password | hunter2x9. Mail alice@acme.io now", ` password | ${SECRET_PARAM}. Mail ${EMAIL} now`],
    ["2026-12-04T21:00:00.000Z ERROR | password | hunter2x9 |. Contact alice@acme.io", `2026-12-04T21:00:00.000Z ERROR | password | ${SECRET_PARAM} |. Contact ${EMAIL}`],
    ["2026-12-04T21:00:00.000Z ERROR  password | hunter2x9. Mail alice@acme.io", `2026-12-04T21:00:00.000Z ERROR  password | ${SECRET_PARAM}. Mail ${EMAIL}`],
    ["| token | Zx9Kq2Lm7Pw4abcd |. token=Zx9Kq2Lm7Pw4abcd", `| token | ${SECRET_PARAM} |. token=${SECRET_PARAM}`],
    ["| password | hunter2x9 |. Call +1 415 555 0134 or ip 203.0.113.7", `| password | ${SECRET_PARAM} |. Call [REDACTED:phone] or ip [REDACTED:ipv4]`],
    ["| password | hunter2x9 |\r\n| user | alice@acme.io |", `| password | ${SECRET_PARAM} |\r\n| user | ${EMAIL} |`],
  ]);
  it.each([
    "| password | hunter2x9 |. Contact ",
    " password | hunter2x9. Mail ",
    "2026-12-04T21:00:00.000Z ERROR | password | hunter2x9 |. See ",
  ])("the text after the value of %j reads as it does alone", (row) => {
    for (const after of ["alice@acme.io", "203.0.113.7 or 10.1.2.3", "db.internal.acme.io", "4111 1111 1111 1111"]) {
      const whole = redacted(row + after);
      expect(whole.slice(whole.length - redacted(after).length)).toBe(redacted(after));
    }
  });
  itStores("a session's id in a row or a column keeps the session's hashed marker, as `session_id: …` does: %j", redacted, [
    ["| user | session_id |\n|---|---|\n| bob | abc123def456ghi789 |", `| user | session_id |\n|---|---|\n| bob | ${redacted("session_id: abc123def456ghi789").slice("session_id: ".length)} |`],
    ["| session_id | abc123def456ghi789 |", `| session_id | ${redacted("session_id: abc123def456ghi789").slice("session_id: ".length)} |`],
  ]);
});

describe("a header table's reading replaces the secret's column's cells alone", () => {
  itStores("the other cells, before and after the secret's, are scanned as plain text: %j", redacted, [
    ["| user | password | ip |\n|---|---|---|\n| bob@acme.io | hunter2x9 | 203.0.113.7 |", `| user | password | ip |\n|---|---|---|\n| ${EMAIL} | ${SECRET_PARAM} | [REDACTED:ipv4] |`],
    ["| user | password | ip |\n|---|---|---|\n| bob@acme.io | hunter2x9 | 10.1.2.3 |", `| user | password | ip |\n|---|---|---|\n| ${EMAIL} | ${SECRET_PARAM} | 10.1.2.3 |`],
    ["user | password | ip\n-----+-----+-----\nbob@acme.io | hunter2x9 | 10.1.2.3", `user | password | ip\n-----+-----+-----\n${EMAIL} | ${SECRET_PARAM} | 10.1.2.3`],
    ["id | password | card\n---+---+---\n1 | hunter2x9 | 4111 1111 1111 1111", `id | password | card\n---+---+---\n1 | ${SECRET_PARAM} | [REDACTED:card]`],
    ["| user | password | note |\n|---|---|---|\n| bob | hunter2x9 | token=Zx9Kq2Lm7Pw4abcd |", `| user | password | note |\n|---|---|---|\n| bob | ${SECRET_PARAM} | token=${SECRET_PARAM} |`],
    ["| host | password |\n|---|---|\n| db.internal.acme.io | hunter2x9 |", `| host | password |\n|---|---|\n| db.internal.acme.io | ${SECRET_PARAM} |`],
    [
      "| user | password |\r\n|---|---|\r\n| bob@acme.io | hunter2x9 |\r\n| eve@acme.io | swordfish1 |",
      `| user | password |\r\n|---|---|\r\n| ${EMAIL} | ${SECRET_PARAM} |\r\n| ${EMAIL} | ${SECRET_PARAM} |`,
    ],
    ["| user | password |\n|---|---|\n| bob | hunter2x9 |. Contact alice@acme.io", `| user | password |\n|---|---|\n| bob | ${SECRET_PARAM} |. Contact ${EMAIL}`],
    ["user | password\n-----+-----\nbob | hunter2x9. Mail alice@acme.io", `user | password\n-----+-----\nbob | ${SECRET_PARAM}. Mail ${EMAIL}`],
  ]);
  it("each row of a long table loses its secret and its e-mail, and the cost stays linear", () => {
    const rows = (n: number): string => `| user | password |\n|---|---|\n${"| bob@acme.io | hunter2x9 |\n".repeat(n)}`;
    expect(redacted(rows(200))).toBe(`| user | password |\n|---|---|\n${`| ${EMAIL} | ${SECRET_PARAM} |\n`.repeat(200)}`);
    const workOf = (n: number): number => {
      const before = workDone();
      redacted(rows(n));
      return workDone() - before;
    };
    expect(workOf(4000)).toBeLessThanOrEqual(2 * workOf(2000) + 8192);
  });
});

describe("a header table's cell is replaced whatever ran between its search and its rewrite", () => {
  const text = "| user | password |\n|---|---|\n| bob | hunter2x9 |";
  const marker = "[REDACTED:secret_param]";
  const rewriteAfter = (between: () => void): unknown => {
    const found = tableColumnsDetector.search!(text, 0)!;
    between();
    return tableColumnsDetector.rewrite!(found[0], marker, text, found.index, 0);
  };
  it("a scan read aside between them (which empties every memo) leaves the cell's rewrite", () => {
    beginScan();
    try {
      expect(rewriteAfter(() => readAside(() => (beginScan(), endScan())))).toMatchObject({ text: marker, length: "hunter2x9".length });
    } finally {
      endScan();
    }
  });
  it("outside a scan, where each call is a scan of its own, the search and the rewrite agree", () => {
    expect(rewriteAfter(() => undefined)).toMatchObject({ text: marker, length: "hunter2x9".length });
  });
});

describe("a GFM rule line of fewer than three dashes a column is a rule when its cells are as many as its header's", () => {
  itStores("a table under `|--|--|`, `|-|-|`, `|:--|:--|`, `|-:|-:|` or `--|--` is read: %j", redacted, [
    ...["|--|--|", "|-|-|", "|:--|:--|", "|-:|-:|", "| :-: | -- |", "|---|--|"].map((rule): [string, string] => [
      `| user | password |\n${rule}\n| bob@acme.io | hunter2x9 |`,
      `| user | password |\n${rule}\n| ${EMAIL} | ${SECRET_PARAM} |`,
    ]),
    ["user | password\n--|--\nbob | hunter2x9", `user | password\n--|--\nbob | ${SECRET_PARAM}`],
    ["| Email | Password |\n|-|-|\n| bob@example.com | hunter2x9 |", `| Email | Password |\n|-|-|\n| [REDACTED:email] | ${SECRET_PARAM} |`],
    ["| a |\n|-|-|\n| user | password |\n|-|-|\n| bob | hunter2x9 |", `| a |\n|-|-|\n| user | password |\n|-|-|\n| bob | ${SECRET_PARAM} |`],
  ]);
  itStores("a short rule under a two-cell row whose value the row's reading keeps makes the row a header: %j", redacted, [
    ["| token | expires |\n|--|--|\n| Zx9Kq2Lm7Pw4abcd | 2026-12-31 |", `| token | expires |\n|--|--|\n| ${SECRET_PARAM} | 2026-12-31 |`],
  ]);
  itStores("a short rule under a key/value row whose secret the row's reading replaces leaves that reading, the rule no header's: %j", redacted, [
    ...["|-|-|", "|--|--|", "|:-|-:|", "| - | - |", "| -- | -- |", "-|-"].map((rule): [string, string] => [
      `| password | hunter2x9 |\n${rule}\nnext`,
      `| password | ${SECRET_PARAM} |\n${rule}\nnext`,
    ]),
    ["| password | x |\n| - | - |\n", `| password | ${SECRET_PARAM} |\n| - | - |\n`],
    ["| token | Zx9Kq2Lm7Pw4abcd1234 |\n|--|--|", `| token | ${SECRET_PARAM} |\n|--|--|`],
    ["| api_key | Zx9Kq2Lm7Pw4abcd1234 |\n|-|-|", `| api_key | ${SECRET_PARAM} |\n|-|-|`],
    [" password | hunter2x9\n--|--", ` password | ${SECRET_PARAM}\n--|--`],
    [" password | hunter2x9\n-|-", ` password | ${SECRET_PARAM}\n-|-`],
    ["| password | hunter2x9 |\n|--|--|\n| alice@acme.io | b |", `| password | ${SECRET_PARAM} |\n|--|--|\n| ${EMAIL} | b |`],
  ]);
  itStores("a short rule whose cells are not its header's, a lone `--` or `-` line, is no rule; a key/value row above it is read: %j", redacted, [
    ["| user | password |\n|--|\n| bob | hunter2x9 |", "| user | password |\n|--|\n| bob | hunter2x9 |"],
    ["| user | password | x |\n|--|--|\n| bob | hunter2x9 |", "| user | password | x |\n|--|--|\n| bob | hunter2x9 |"],
    ["| password | hunter2x9 |\n--\n| a | b |", `| password | ${SECRET_PARAM} |\n--\n| a | b |`],
    ["| password | hunter2x9 |\n-", `| password | ${SECRET_PARAM} |\n-`],
    ["| password | hunter2x9 |\n|--|--|--|", `| password | ${SECRET_PARAM} |\n|--|--|--|`],
  ]);
  itStores("a short dash row inside a table's body is a body's row: %j", redacted, [
    ["| user | password |\n|--|--|\n| alice | x1x1x1x1 |\n| -- | - |\n| eve | swordfish1 |", `| user | password |\n|--|--|\n| alice | ${SECRET_PARAM} |\n| -- | - |\n| eve | ${SECRET_PARAM} |`],
  ]);
  it.each(["| a |\n|-|-|\n", "| a | b |\n|-|\n", "|-|-|\n|-|-|-|\n"])("%j repeated: twice the text costs at most twice the work and a constant", (unit) => {
    const workOf = (size: number): number => {
      const before = workDone();
      redacted(unit.repeat(Math.ceil(size / unit.length)));
      return workDone() - before;
    };
    expect(workOf(1 << 16)).toBeLessThanOrEqual(2 * workOf(1 << 15) + 8192);
  });
});

describe("a Markdown key cell or column's name of words, bold or in backticks, is read as its name", () => {
  itStores("a row's key or a header's column of up to four words, `**`, `__` or backticks around it: %j", redacted, [
    ["| DB Password | hunter2x9 |", `| DB Password | ${SECRET_PARAM} |`],
    ["| **password** | hunter2x9 |", `| **password** | ${SECRET_PARAM} |`],
    ["| `api_key` | Zx9Kq2Lm7Pw4 |", `| \`api_key\` | ${SECRET_PARAM} |`],
    ["| __token__ | Zx9Kq2Lm7Pw4abcd |", `| __token__ | ${SECRET_PARAM} |`],
    ["| **DB Password** | hunter2x9 |. Contact bob@acme.io", `| **DB Password** | ${SECRET_PARAM} |. Contact ${EMAIL}`],
    ["2026-12-04T21:00:00.000Z ERROR | DB Password | hunter2x9 |", `2026-12-04T21:00:00.000Z ERROR | DB Password | ${SECRET_PARAM} |`],
    ["| User | DB Password |\n|---|---|\n| bob@acme.io | hunter2x9 |", `| User | DB Password |\n|---|---|\n| ${EMAIL} | ${SECRET_PARAM} |`],
    ["| User | **Password** |\n|---|---|\n| bob | hunter2x9 |", `| User | **Password** |\n|---|---|\n| bob | ${SECRET_PARAM} |`],
    ["| User | `api_key` |\n|--|--|\n| bob | hunter2x9 |", `| User | \`api_key\` |\n|--|--|\n| bob | ${SECRET_PARAM} |`],
  ]);
  it.each([
    ["| Password Policy | strict |", "Password Policy: strict"],
    ["| Token Count | 42 |", "Token Count: 42"],
    ["| Password Length | 12 |", "Password Length: 12"],
    ["| Secret Name | prod-db |", "Secret Name: prod-db"],
    ["| Access Token | 3600 |", "Access Token: 3600"],
    ["| password hint | hunter2 |", "password hint: hunter2"],
  ])("%j is read as %j is, and stays", (row, field) => {
    expect(redacted(field)).toBe(field);
    expect(redacted(row)).toBe(row);
  });
  itKeeps("a key cell naming a UI action on a password, its value the action's control or a link or route of plain words, stays: %j", redacted, [
    "| Forgot Password | https://acme.io/forgot |",
    "| Change Password | /account/password |",
    "| Forgot Password | /reset-password |",
    "| Reset Password | button |",
    "| Reset Password | Link |",
    "| **Show Password** | toggle |",
    "| Reset Password | Button |",
    "| Reset Password | Toggle |",
    "| Forgot Password | /forgot |",
    "| Change Password | /settings/security |",
    "| Change Password | /profile/change-password |",
    "| Reset Password | https://my-app.acme.io/auth/reset-password |",
    "| Reset Password | https://acme.io/users/login/ |",
    "| User | Reset Password |\n|---|---|\n| bob | https://acme.io/reset |",
  ]);
  itStores("under an action's name any other value is read, a reset's temporary password too: %j", redacted, valueGoes([
    "| Reset Password | Zx9Kq2Lm7 |",
    "| Change Password | hunter2x9 |",
    "| Reset Password | Welcome |",
    "| Reset Password | Summer |",
    "| Reset Password | sunshine |",
    "| Change Password | letmein |",
    "| change password | qwerty |",
    "| Reset Password | ChangeMe |",
    "| Reset Password | password |",
    "| Hide Password | Monkey |",
    "| Show Password | Secret |",
    "| Show Secret | dragon |",
    "| Change Secret | Zebra |",
    "| Reset Password | reset-link-2 |",
  ]));
  itStores("a link or a route under an action's name goes when a part may be a token (capitals, digits, a query): %j", redacted, valueGoes([
    "| Reset Token | /r/Zx9Kq2Lm7Pw4 |",
    "| Reset Token | https://acme.io/r?t=Zx9Kq2Lm7Pw4 |",
    "| Reset Password | /x/Zx9Kq2Lm7Pw4abcdEFGH |",
    "| Reset Password | /r/ZxKqLmPwAbcdEFGH |",
    "| Reset Password | https://acme.io/reset?token=abc |",
    "| Reset Password | https://Zx9Kq2Lm7Pw4.acme.io/ |",
  ]));
  itStores("under an action's name only `button`, `link` and `toggle` are a control's word; any other word goes: %j", redacted, valueGoes([
    "| Reset Password | Dialog |",
    "| Change Password | Form |",
    "| Reset Password | page |",
    "| Reset Password | Menu |",
    "| Reset Password | Switch |",
    "| **Reset Password** | Icon |",
    "| Show Password | Modal |",
    "| Toggle Password | Page |",
    "| Reset Password | checkbox |",
    "| Reset Password | BUTTON |",
  ]));
  itStores("a link or a route goes unless each path segment names the action or its page, on a host of letters alone: %j", redacted, valueGoes([
    "| Change Password | /welcome |",
    "| Change Password | /summer |",
    "| Reset Password | /reset/welcome |",
    "| Reset Password | /p/qwertyasdfghzxcv |",
    "| Reset Password | / |",
    "| Reset Password | https://acme.io/reset/sunshine |",
    "| Change Password | https://acme.io/set/letmein |",
    "| Reset Password | https://3f9a2c7e1b.acme.io/reset |",
    "| Reset Password | https://a8f3e9c1b2d4f6a7.acme.io/ |",
    "| Forgot Password | http://k7x9q2.io |",
    "| reset password | https://hunter.acme.io |",
    "| Reset Password | https://sunshine.acme.io |",
    "| Reset Password | https://acme.io/ |",
    "| Forget Password | https://-.io/ |",
    "| Reset Password | https://acme.io:8443/reset |",
    "| Recover Password | https://9.9.9.9/ |",
    "| Reset Password | https://acme2.io/reset |",
    "| Change Password | https://acme.io/r/abcdefghijklmnopqrstuvwxyzabcdefgh |",
  ]));
  it.each([
    ["| API Key | Zx9Kq2Lm7Pw4abcd1234 |", "API Key: Zx9Kq2Lm7Pw4abcd1234"],
    ["| Secret Key | wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY |", "Secret Key: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"],
    ["| Access Key | hunter2x9 |", "Access Key: hunter2x9"],
  ])("%j, a name of words the field form does not read, is read as its words joined (`api_key`), as %j goes in text", (row, field) => {
    const value = field.slice(field.indexOf(": ") + 2);
    expect(redacted(field)).not.toBe(field);
    expect(redacted(row)).toBe(row.replace(value, SECRET_PARAM));
  });
  itStores("a header's column of words the field form does not read is read as its words joined: %j", redacted, [
    ["| User | API Key |\n|---|---|\n| bob | Zx9Kq2Lm7Pw4abcd1234 |", `| User | API Key |\n|---|---|\n| bob | ${SECRET_PARAM} |`],
  ]);
  itStores("a key cell in italics, in mixed marks or with marks not closed as opened is read as its name: %j", redacted, [
    ["| *password* | hunter2x9 |", `| *password* | ${SECRET_PARAM} |`],
    ["| _password_ | hunter2x9 |", `| _password_ | ${SECRET_PARAM} |`],
    ["| ***password*** | hunter2x9 |", `| ***password*** | ${SECRET_PARAM} |`],
    ["| **`password`** | hunter2x9 |", `| **\`password\`** | ${SECRET_PARAM} |`],
    ["| **DB** Password | hunter2x9 |", `| **DB** Password | ${SECRET_PARAM} |`],
    ["| **password* | hunter2x9 |", `| **password* | ${SECRET_PARAM} |`],
    ["| **password` | hunter2x9 |", `| **password\` | ${SECRET_PARAM} |`],
    ["| User | *Password* |\n|---|---|\n| bob | hunter2x9 |", `| User | *Password* |\n|---|---|\n| bob | ${SECRET_PARAM} |`],
    ["| User | _API Key_ |\n|---|---|\n| bob | Zx9Kq2Lm7Pw4 |", `| User | _API Key_ |\n|---|---|\n| bob | ${SECRET_PARAM} |`],
  ]);
  itStores("a key cell holding its colon, inside its marks or out, is read as its name; the `|` after it is no value: %j", redacted, [
    ["| Password: | hunter2x9 |", `| Password: | ${SECRET_PARAM} |`],
    ["| **Password:** | hunter2x9 |", `| **Password:** | ${SECRET_PARAM} |`],
    ["| **API Key**: | Zx9Kq2Lm7Pw4 |", `| **API Key**: | ${SECRET_PARAM} |`],
    ["| Password : | hunter2x9 |", `| Password : | ${SECRET_PARAM} |`],
    ["|  password  :  | hunter2x9 |", `|  password  :  | ${SECRET_PARAM} |`],
    ["| Note : | hunter2x9 |", "| Note : | hunter2x9 |"],
    ["password: |\n  hunter2x9", `password: |\n  ${SECRET_PARAM}`],
  ]);
  itKeeps("under a name of words read joined, a word that is no key's shape stays, as on main: %j", redacted, [
    "| API Key | header |",
    "| Private Key | id_rsa |",
    "| Secret Key | vault |",
  ]);
  itKeeps("marked look-alikes stay: a marked name of no secret, a mark alone: %j", redacted, [
    "| *note* | hunter2x9 |",
    "| *Token Count* | 42 |",
    "| _token count_ | 42 |",
    "| * | hunter2x9 |",
  ]);
  itStores("five words, a psql key of words or a cell after another stays no key: %j", redacted, [
    ["| My Secret Key Value Now | hunter2x9 |", "| My Secret Key Value Now | hunter2x9 |"],
    ["DB Password | hunter2x9", "DB Password | hunter2x9"],
    ["| a | DB Password | hunter2x9 |", "| a | DB Password | hunter2x9 |"],
  ]);
});

describe("a value cell holding blanks goes as a passphrase under a password's name, and a description stays", () => {
  itStores("three to eight lower-case words, none a sentence's or a description's word, go whole: %j", redacted, [
    ["| password | correct horse battery staple |", `| password | ${SECRET_PARAM} |`],
    ["| password | correct horse battery |", `| password | ${SECRET_PARAM} |`],
    ["| passphrase | correct horse battery staple |", `| passphrase | ${SECRET_PARAM} |`],
    ["| DB Password | correct horse battery staple |", `| DB Password | ${SECRET_PARAM} |`],
    [" password | correct horse battery staple", ` password | ${SECRET_PARAM}`],
    [" password | correct horse battery staple. Next", ` password | ${SECRET_PARAM}. Next`],
    ["| password | correct horse battery staple |. Contact bob@acme.io", `| password | ${SECRET_PARAM} |. Contact ${EMAIL}`],
    [
      "| user | password |\n|---|---|\n| bob@acme.io | correct horse battery staple |\n| eve | hashed with bcrypt |",
      `| user | password |\n|---|---|\n| ${EMAIL} | ${SECRET_PARAM} |\n| eve | hashed with bcrypt |`,
    ],
  ]);
  itStores("a phrase holding a word that names a value's form goes whole; a terse description of such words goes too (README's known false positive): %j", redacted, [
    ["| password | standard horse staple |", `| password | ${SECRET_PARAM} |`],
    ["| password | standard company horse |", `| password | ${SECRET_PARAM} |`],
    ["| password | purple company format |", `| password | ${SECRET_PARAM} |`],
    ["| passphrase | corporate pattern tiger |", `| passphrase | ${SECRET_PARAM} |`],
    ["| password | company standard format |", `| password | ${SECRET_PARAM} |`],
  ]);
  itKeeps("a phrase with a word of thirteen letters or more, nine words or a common word stays (README's known leaks): %j", redacted, [
    "| password | correct horse battery thirteenchars |",
    "| password | correct horse battery staple zebra violet dragon meadow lantern |",
    "| password | apple river table cloud |",
  ]);
  itKeeps("a description, a sentence, two words, another secret's name or other blanks stay: %j", redacted, [
    "| password | The user's password, min 8 chars |",
    "| token | Required. |",
    "| password | Must be at least 8 characters |",
    "| password | see vault |",
    "| password | hashed using bcrypt |",
    "| password | stored in vault |",
    "| password | the admin password |",
    "| password | rotated every month |",
    "| password | managed through terraform |",
    "| password | ask your administrator |",
    "| password | correct horse |",
    "| password | correct  horse battery |",
    "| password | Correct horse battery staple |",
    "| token | correct horse battery staple |",
    "| api_key | correct horse battery staple |",
    "| password | correct horse battery staple | x |",
    "| user | password |\n|---|---|\n| bob | set through helm chart |",
  ]);
});

describe("a header row with no rule line, its value a column's name, stays", () => {
  itKeeps("a value that names a header's column, in lower case or capitalised, keeps the row: %j", redacted, [
    "| token | expires |",
    "| secret | description |",
    "| Token | Description |",
    "| password | required |",
    "| api_key | expires_at |",
    "| password | type |",
    "| password | notes |",
    "  | token | expires |  ",
    "| token | expires |\n| abc | 2026-12-31 |",
  ]);
  itStores("only a bare Markdown row is a header: a psql record, a logged row and a row before prose read the word as main did: %j", redacted, [
    [" token | expires", ` token | ${SECRET_PARAM}`],
    [" password | source", ` password | ${SECRET_PARAM}`],
    [" password | owner", ` password | ${SECRET_PARAM}`],
    ["2026-12-04T21:00:00.000Z ERROR | password | source |", `2026-12-04T21:00:00.000Z ERROR | password | ${SECRET_PARAM} |`],
    ["2026-12-04T21:00:00.000Z ERROR | token | expires |", `2026-12-04T21:00:00.000Z ERROR | token | ${SECRET_PARAM} |`],
    ["| password | source |. Next", `| password | ${SECRET_PARAM} |. Next`],
    ["| password | expires |. Next", `| password | ${SECRET_PARAM} |. Next`],
  ]);
  itStores("a column's name a password can be is a value, as main read it: %j", redacted, [
    ...["default", "Default", "value", "example", "source", "owner", "status", "format"].map((word): [string, string] => [`| password | ${word} |`, `| password | ${SECRET_PARAM} |`]),
    ["| api_key | value |", `| api_key | ${SECRET_PARAM} |`],
    ["| password | default |\n|-|-|\n| hunter2x9 | x |", `| password | ${SECRET_PARAM} |\n|-|-|\n| hunter2x9 | x |`],
  ]);
  itStores("any other word, or a column's name in other capitals, is a value as before: %j", redacted, [
    ["| token | expires1 |", `| token | ${SECRET_PARAM} |`],
    ["| password | DeScription |", `| password | ${SECRET_PARAM} |`],
    ["| secret | swordfish |", `| secret | ${SECRET_PARAM} |`],
    ["| user | password |\n|---|---|\n| bob | description |", `| user | password |\n|---|---|\n| bob | ${SECRET_PARAM} |`],
  ]);
});
