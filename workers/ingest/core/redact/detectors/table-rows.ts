import { MoreEvidence } from "../evidence";
import { MESSAGE_START } from "../logger-prefix";
import { countWork, currentScan, resetAfterEachScan } from "../scan-scope";
import { isPasswordShaped, namesCodeInPlace, namesToken } from "../secret-names";
import { isPassphraseUnder, passwordWord } from "../passphrases";
import { tableView } from "../table-view";
import { isCodeNumber } from "./code-lists";
import { redactionMarker, type Detector, type Rewrite } from "./detector";
import { SECRET_PARAM_KIND, secretParameterDetector } from "./secret-parameter";

/**
 * A key/value table's row whose key cell names a secret: a Markdown row (`| password | hunter2x9 |`,
 * `| token | Zx9Kq2… |`, its key cell up to four words in any marks, with a label's colon or none:
 * `| **DB Password** | … |`, `| *password* |`, `| Password: |`), a MySQL client's or a box-drawing table's
 * (`│ password │ hunter2x9 │`, read in `tableView`), one in a JSON or logfmt string (`{"msg":"| password | … |"}`;
 * these two, which a `|` row at the line's start is not, only for a password-shaped value: `isReadHere`),
 * or a psql row as `\x` prints a record (` password | hunter2x9`, the key's one word padded with
 * blanks). The value cell is one blank-free run, which may hold a `|` glued to it (`[x]|hunter2`), or
 * a passphrase's words (`isPassphraseUnder`); a psql value runs to the line's end, its last mark too
 * (` password | hunter2x9!`); a row of three columns or more, another cell with blanks, a key that is no word's, a
 * table's header (a rule line of three dashes a column next), a bare Markdown row whose value is a column's name
 * (`| token | expires |`) or a UI action on a password before its control or its link (`namesUiAction`) is no
 * key/value row and stays. A shorter rule next (`|-|-|`) leaves the row
 * read as it is alone: a row whose secret this reading replaces is no header over it (`isRuleUnder`).
 *
 * The value is judged as the secret field forms judge `name: value` (secret-parameter.ts): the row
 * is that field written in a table's cells, so one reading decides what a secret's name holds
 * (placeholders, masks, states and type names stay). A code's row (`| otp | 123456 |`) is
 * code-lists.ts's reading alone (`namesCodeInPlace`): its detector comes first at the same `|`, and
 * what it keeps (`| otp | 30 |`) stays.
 *
 * The match starts at the `|` after the key, read back by the lookbehind from the line's start,
 * and runs to the line's end: one candidate per line at most, so a search costs the text's length.
 * Its rewrite stands for the `|` and the value alone (`Rewrite.length`): the rest of the line (a
 * further cell, prose after a stop) is scanned by the other detectors as any text is.
 */

/** A key: a word of letters, digits, `_`, `.` and `-`, a letter first. */
const KEY = "[A-Za-z][\\w.-]{0,63}";
/** Emphasis and code marks around a Markdown key cell's word: bold, italics, both, backticks (`**`, `_`, `***`, `` **` ``). */
const MARKS = "[*_\x60]{0,3}";
/**
 * A Markdown key cell or column's name: up to four such words joined by one blank (`DB Password`,
 * `API key`), each in emphasis or code marks or none (`**password**`, `*password*`, `__token__`,
 * `` **`password`** ``, `**DB** Password`), and the colon a form's label ends with (`Password:`, `**Password:**`).
 */
const KEY_CELL = `${MARKS}${KEY}${MARKS}(?: ${MARKS}${KEY}${MARKS}){0,3}(?:[ \\t]{0,4}:${MARKS})?`;
/** A key cell's name once its marks and colon are dropped: up to four keys joined by one blank. */
const KEY_NAME = new RegExp(`^${KEY}(?: ${KEY}){0,3}$`);

/**
 * The name a Markdown key cell or column's name gives, without its emphasis or code marks and its
 * label's colon (`**DB** Password`, `*password*`, `_password_`, `Password:`: `DB Password`, `password`,
 * `password`, `Password`); undefined when it is no such cell. A `_` inside a word is the word's (`api_key`).
 */
function keyName(cell: string): string | undefined {
  const name = cell.replace(/[*\x60]/g, "").replace(/[ \t]*:(?=_*$)/, "").replace(/(?<![^ ])_+|_+(?![^ ])/g, "");
  return KEY_NAME.test(name) ? name : undefined;
}

/** A cell's border: a `|`, or a box-drawing table's vertical line (`│`, `┃`, `║`), which the rows are read with as a `|` (`tableView`). */
const BORDER = "[|\u2502\u2503\u2551]";
/**
 * Where a row may start in a line: where the message starts, or a JSON member's or a logfmt field's string opening,
 * in double or single quotes (`{"msg":"| password | … |"}`, `msg="| password | … |"`, a Python dict's `{'msg':'| … |'}`).
 */
const ROW_START = `(?:${MESSAGE_START}|(?:["']:|[\\w.-]=)[ \\t]{0,16}["'])`;
/**
 * Where the row starts (the line's start, after a logger's prefix: a row printed by a logger,
 * `2026-12-04T21:00:00.000Z ERROR | password | hunter2x9 |`, or a JSON member's string opening), a Markdown row's opening
 * `|` and its key cell or a psql row's one-word key, and blanks, read back from the `|` after the key.
 */
const ROW_HEAD = `(?<=${ROW_START}[ \\t]{0,16}(?:${BORDER}[ \\t]{0,64}${KEY_CELL}|${KEY})[ \\t]{0,64}${BORDER})`;
const SOURCE = `${BORDER}${ROW_HEAD}[^\\r\\n]{1,4096}`;

/** A Markdown row's head before the `|` after its key cell: its opening `|` and blanks (1), the key cell (2), blanks. */
const MARKDOWN_HEAD_AT_END = new RegExp(`(\\|[ \\t]*)(${KEY_CELL})[ \\t]*$`);
/** A row's head before the `|` after its key: a Markdown row's opening `|` (1), the key (2), blanks. */
const HEAD_AT_END = new RegExp(`(\\|[ \\t]*)?(${KEY})[ \\t]*$`);
/** What may come before a row's head in its line: a logger's prefix, or nothing, or a JSON member or a logfmt field up to its string's opening quote, and blanks (read forward, anchored). */
const BEFORE_HEAD = new RegExp(`^(?:${MESSAGE_START}|[^\\n]{0,1024}(?:["']:|[\\w.-]=)[ \\t]*["'])[ \\t]*$`);
/** `BEFORE_HEAD` without a string's opening: a logger's prefix, or nothing, and blanks: a row at its line's start. */
const LINE_HEAD = new RegExp(`^${MESSAGE_START}[ \\t]*$`);
/** A quote closing the row's string after a Markdown row's value (`hunter2x9 |"}`): blanks, the row's `|`, blanks, the quote (1). */
const STRING_CLOSED = /^[ \t]*\|[ \t]*(["'])/;
/** A string's opening quote at the end of what it reads: a JSON member's or a logfmt field's (`"msg":"`, `msg='`). */
const STRING_OPENED = /(?:["']:|[\w.-]=)[ \t]{0,16}["']$/;
/** A rule line next (`|---|`, `---+---`): the row before it is a table's header, its cells columns' names (`| token | count |`). */
const RULE_LINE_NEXT = /^\r?\n[ \t]{0,16}\|?[ \t]{0,16}:?---/;
/**
 * A GFM table's rule line, its delimiter row, whole: cells of one dash or more, each with a colon or none at
 * either end, between `|`s (`|---|:---:|`, `|--|--|`, `|-|-|`, `-|-`); a line of dashes alone (`--`, `---`) is none.
 */
const MARKDOWN_RULE = String.raw`[ \t]{0,16}\|?[ \t]{0,16}:?-{1,64}:?[ \t]{0,16}(?:\|[ \t]{0,16}:?-{1,64}:?[ \t]{0,16}){1,31}\|?[ \t]{0,16}`;
/** A psql rule line (`-----+-----`): three dashes a column at least, as psql pads each column's name with a blank either side. */
const PSQL_RULE = String.raw`-{3,64}(?:\+-{3,64}){1,31}`;
/**
 * A MySQL client's border (`+------+-----------+`), or a box-drawing table's as its view reads it (`├──────┼──────┤`,
 * `tableView`): three dashes a column at least, as the client pads each cell with a blank either side. Under a header's
 * row it is the header's rule; the border above a header, with no row above it, heads no table (`secretCellsOfText`).
 */
const BORDER_RULE = String.raw`[ \t]{0,16}\+-{3,64}(?:\+-{3,64}){1,31}\+[ \t]{0,16}`;
const WHOLE_MARKDOWN_RULE = new RegExp(`^${MARKDOWN_RULE}$`);
/** A rule's cell of fewer than three dashes (`|--|`, `|-:|`). */
const SHORT_RULE_CELL = /(?<!-)-{1,2}(?!-)/;

/** The cells of a table's row or rule line: the pieces between its `|`s, an opening and a closing `|` opening and closing none. */
function cellCount(line: string): number {
  return line.trim().replace(/^\|/, "").replace(/\|$/, "").split("|").length;
}

/**
 * Whether `rule` is the rule line of the table whose header is `header`: one of three dashes a cell, as before,
 * whatever the header (`| token | count |` then `|---|---|---|`); one with a shorter cell only when it has as many cells
 * as the header, as GFM reads a table (a stray `|--|` under a row is no rule), and the header is no key/value row
 * whose secret the row's reading replaces (`| password | hunter2x9 |` then `|-|-|` keeps that reading, so that a short
 * rule loses nothing that reading removed; `| token | expires |` then `|--|--|` is a header).
 */
function isRuleUnder(rule: string, header: string): boolean {
  return !SHORT_RULE_CELL.test(rule) || (cellCount(rule) === cellCount(header) && !isSecretRow(header));
}

/**
 * What may end a row after its last cell: a sentence's stop and prose after it (`|. Next`,
 * `hunter2x9. Next`), or a string's closing quote and what follows it: escaped (a row held in a string
 * inside a string, `hunter2x9\\"}`), or, a double or a single quote, before a JSON value's end (`|"}`, `|",`, `|'}`), a
 * logfmt's next field or the line's end (`|" level=info`, `|"`, `|'`); no further cell.
 */
const STRING_CLOSE = String.raw`(?:\\+"|["'](?=[ \t]*[,}\]]))[^|]*`;
const ROW_END = String.raw`(?:[.,;!?](?:[ \t][^|]*)?|${STRING_CLOSE}|["'](?=[ \t]+[\w.-]+=|[ \t]*$)[^|]*)?`;
/** A value cell of a Markdown row, after the key's `|`: blanks, the value (1), blanks, the row's closing `|`, blanks, its end. */
const MARKDOWN_CELL = new RegExp(String.raw`^([ \t]*)(\S+?)[ \t]*\|[ \t]*${ROW_END}$`);
/**
 * A psql row's value and what may end its line: a sentence's stop before prose (`hunter2x9. Next`) or a JSON
 * string's escaped closing quote; a mark at the line's end is the value's (` password | hunter2x9!`), and so is a quote
 * (` password | "hunter2",`, ` password | letmein'}`): the value is read whole, as the field form reads it, which ends a
 * secret at its quote itself.
 */
const PSQL_END = String.raw`(?:[.,;!?][ \t][^|]*|\\+"[^|]*)?[ \t]*$`;
/** A value cell of a psql row: blanks, the value (1), the row's end, blanks to the line's end. */
const PSQL_CELL = new RegExp(String.raw`^([ \t]*)(\S+?)${PSQL_END}`);
/** What may follow a Markdown row's closing `|`: blanks and the row's end. */
const AFTER_ROW = new RegExp(String.raw`^[ \t]*${ROW_END}$`);
/** A passphrase's shape in a cell: lower-case words joined by one blank (`isPassphraseUnder` judges it). */
const PHRASE = "[a-z]{3,12}(?: [a-z]{3,12}){2,7}";
/** A Markdown row's value cell holding a passphrase: blanks (1), the words (2), blanks, the row's closing `|`, its end. */
const MARKDOWN_PHRASE_CELL = new RegExp(String.raw`^([ \t]*)(${PHRASE})[ \t]*\|[ \t]*${ROW_END}$`);
/** A psql row's value cell holding a passphrase: blanks (1), the words (2), the row's end. */
const PSQL_PHRASE_CELL = new RegExp(String.raw`^([ \t]*)(${PHRASE})${PSQL_END}`);
/** A psql row's last cell: its value (1) before the row's end. */
const LAST_PSQL_CELL = new RegExp(String.raw`^(\S+?)${PSQL_END}`);

/**
 * `value` as the secret field forms rewrite `name: value` standing alone, or undefined when they
 * keep it: the text after `name: ` in their rewrite, with the kind and the session ids they give.
 */
function fieldReading(name: string, value: string, marker: string): { value: string; rewrite: Rewrite } | undefined {
  const field = `${name}: ${value}`;
  const match = secretParameterDetector.search!(field, 0);
  if (match === null || match.index !== name.length) return undefined;
  const rewrite = secretParameterDetector.rewrite!(match[0], marker, field, match.index, 0);
  if (rewrite === undefined) return undefined;
  const replaced = typeof rewrite === "string" ? rewrite : rewrite.text;
  const length = typeof rewrite === "string" ? match[0].length : (rewrite.length ?? match[0].length);
  const redacted = `${field.slice(0, match.index)}${replaced}${field.slice(match.index + length)}`;
  return { value: redacted.slice(name.length + 2), rewrite };
}

/**
 * Words a table's header names its columns with, lower case, that no one picks as a password (a value's `default`,
 * `value`, `example`, `source` or `owner` could be one, and stay out): a bare Markdown row whose value is one of them,
 * whole, in lower case or capitalised, is a header with no rule line under it (`| token | expires |`,
 * `| secret | Description |`), not a secret's value.
 */
const COLUMN_NAME_WORDS: ReadonlySet<string> = new Set([
  "description", "expires", "expires_at", "expires_in", "expiry", "expiration", "created_at", "updated_at", "type", "required",
  "notes", "purpose", "details",
]);

/** Whether `value` is a column's name of a header (`COLUMN_NAME_WORDS`), in lower case or capitalised (`expires`, `Description`). */
function isColumnNameWord(value: string): boolean {
  const lower = value.toLowerCase();
  return COLUMN_NAME_WORDS.has(lower) && (value === lower || value === lower.charAt(0).toUpperCase() + lower.slice(1));
}

/** Blanks and a row's closing `|` alone, to the line's end or its string's closing quote: a bare Markdown row's end, no prose after it. */
const BARE_ROW_END = /^[ \t]*\|[ \t]*(?:["'][^|]*)?$/;
/** Blanks alone, or a JSON member's or a logfmt field's string opening and blanks: nothing before a bare row in its line or its string. */
const BARE_ROW_START = /^(?:[ \t]*|[^\n]*(?:["']:|[\w.-]=)[ \t]*["'][ \t]*)$/;

/**
 * Whether a Markdown row whose line or string holds nothing before its head (`before`: no logger's prefix; a JSON member's
 * or a logfmt field's string opening is the row's start, `{"q":"| secret | type |"}`) and nothing after its closing `|`
 * (`after`: no stop and prose; its string's closing quote may follow) has a column's name as its value (`isColumnNameWord`): a header written without
 * its rule line. A psql record, a logged row and a row before prose are never a header, so there the value is read.
 */
function isBareHeaderRow(markdown: boolean, before: string, value: string, after: string): boolean {
  return markdown && BARE_ROW_START.test(before) && BARE_ROW_END.test(after) && isColumnNameWord(value);
}

/**
 * `value` read under a key cell's or column's name of several words as the field form reads `name: value`, or, when
 * that keeps it, as it reads the name's words joined by `_` in lower case (`API Key`, `Secret Key`: `api_key`,
 * `secret_key`): a table's cell names its field in words where a program names it in one, and `API Key: …` goes in
 * text by the credential phrases' reading, which a cell's name alone does not reach. A name the joined word names no
 * secret by stays (`Password Policy`: `password_policy`). The joined reading takes only a value shaped as a key
 * (`isKeyShaped`): a word there (`| API Key | header |`, `| Private Key | id_rsa |`) names where or what the key is,
 * and main kept it.
 */
function nameReading(name: string, value: string, marker: string): { value: string; rewrite: Rewrite } | undefined {
  const reading = fieldReading(name, value, marker);
  if (reading !== undefined || !name.includes(" ") || !isKeyShaped(value)) return reading;
  return fieldReading(name.toLowerCase().replaceAll(" ", "_"), value, marker);
}

/** Whether `value` is shaped as a key or a password and holds a digit (`Zx9Kq2Lm7Pw4`, `hunter2x9`; not `header`, `id_rsa`). */
function isKeyShaped(value: string): boolean {
  return /\d/.test(value) && isPasswordShaped(value);
}

/** A key cell's first word that names an action on a password a UI offers (`Forgot Password`, `Reset Password`, `Change Password`). */
const UI_ACTION_WORDS: ReadonlySet<string> = new Set(["forgot", "forget", "reset", "change", "recover", "show", "hide", "toggle"]);
/** A UI's control an action on a password is (`button`, `link`, `toggle`), lower case; no one picks it as a password. */
const UI_CONTROL_WORDS: ReadonlySet<string> = new Set(["button", "link", "toggle"]);
/** A word of a UI action's route that names the action or its page (`/forgot`, `/account/reset-password`). */
const UI_ROUTE_WORD = "(?:forgot|reset|change|password|account|settings|profile|security|users?|auth|login)";
/**
 * A UI action's link (`https://acme.io/forgot`) or route (`/account/password`, `/reset-password`): a host of labels of
 * lower-case letters alone (a digit there may be a token's: `https://3f9a2c7e1b.acme.io/`), no port, then one path
 * segment or more, each of `UI_ROUTE_WORD`s joined by `-` or `_`, no query and no fragment. A segment of another word
 * (`/welcome`, `/reset/sunshine`) may be a reset's password or token, and goes.
 */
const UI_ACTION_LINK = new RegExp(
  `^(?:https?://[a-z]{1,63}(?:-[a-z]{1,63}){0,7}(?:\\.[a-z]{1,63}(?:-[a-z]{1,63}){0,7}){1,15})?` +
    `(?:/${UI_ROUTE_WORD}(?:[-_]${UI_ROUTE_WORD}){0,7}){1,15}/?$`,
);

/**
 * Whether the row names a UI action on a password, not a secret: a name of an action's word (`UI_ACTION_WORDS`) and
 * `password`, and a value that is a control's word, lower case or capitalised (`button`, `Link`: `UI_CONTROL_WORDS`),
 * or a link or a route made of the action's and its page's words alone (`UI_ACTION_LINK`). Any other value is read, a
 * reset's temporary password (`| Reset Password | Welcome |`, `| Change Password | letmein |`, `| Reset Password | Dialog |`,
 * `| Change Password | /welcome |`) and a name's other than a password's (`| Reset Token | /r/Zx9Kq2Lm7Pw4 |`,
 * `| Show Secret | dragon |`) too.
 */
function namesUiAction(name: string, value: string): boolean {
  const words = name.toLowerCase().split(" ");
  if (words.length !== 2 || !UI_ACTION_WORDS.has(words[0]!) || words[1] !== "password") return false;
  const lower = value.toLowerCase();
  return (UI_CONTROL_WORDS.has(lower) && (value === lower || value === lower.charAt(0).toUpperCase() + lower.slice(1))) || UI_ACTION_LINK.test(value);
}

/**
 * A table's cell `value` under `name` read as the field `name: value` (`fieldReading`), or undefined when it stays: a value
 * holding blanks only as a passphrase (`isPassphraseUnder`), read under the password's word and gone whole, as a
 * description there (`The user's password, min 8 chars`, `see vault`) stays.
 */
function cellReading(name: string, value: string, marker: string): { value: string; rewrite: Rewrite } | undefined {
  const phrase = value.includes(" ");
  if (phrase && !isPassphraseUnder(name, value)) return undefined;
  if (namesUiAction(name, value)) return undefined;
  const reading = phrase ? fieldReading(passwordWord(name)!, value, marker) : nameReading(name, value, marker);
  if (reading === undefined || reading.value === value || (phrase && reading.value !== marker)) return undefined;
  return reading;
}

/**
 * The row's value cell with its secret replaced as the secret field forms replace it; undefined when the row is kept.
 * `length` is the match's at `start` of `text`; the row is read in `view`, the text's table view (`tableView`: a
 * box-drawing table's lines as `|`s, as long as the text), the rewrite keeps the text's own border.
 */
function redactTableRow(length: number, marker: string, text: string, view: string, start: number): Rewrite | undefined {
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  if (start - lineStart > 1024) return undefined;
  // Read outside the regex: the row's head back to its line's start, and the value cell.
  countWork(start - lineStart + length);
  const match = view.slice(start, start + length);
  const line = view.slice(lineStart, start);
  const head = MARKDOWN_HEAD_AT_END.exec(line) ?? HEAD_AT_END.exec(line);
  const name = head === null ? undefined : keyName(head[2]!);
  if (head === null || name === undefined || !BEFORE_HEAD.test(line.slice(0, head.index)) || namesCodeInPlace(name)) return undefined;
  const end = start + match.length;
  if (RULE_LINE_NEXT.test(view.slice(end, end + 24))) return undefined;
  const rest = match.slice(1);
  const cell = head[1] === undefined ? (PSQL_CELL.exec(rest) ?? PSQL_PHRASE_CELL.exec(rest)) : (MARKDOWN_CELL.exec(rest) ?? MARKDOWN_PHRASE_CELL.exec(rest));
  if (cell === null) return undefined;
  const before = line.slice(0, head.index);
  const after = rest.slice(cell[1]!.length + cell[2]!.length);
  if (isBareHeaderRow(head[1] !== undefined, before, cell[2]!, after)) return undefined;
  if (!isReadHere(text, view, lineStart, start, before, after, cell[2]!)) return undefined;
  const reading = cellReading(name, cell[2]!, marker);
  if (reading === undefined) return undefined;
  // The rewrite stands for the `|`, the blanks and the value alone: the row's other cells and what follows it are scanned again.
  return cellRewrite(`${text.slice(start, start + 1 + cell[1]!.length)}${reading.value}`, 1 + cell[1]!.length + cell[2]!.length, reading.rewrite);
}

/**
 * Whether a row whose value is `value` is read where it stands: a `|` row at its line's start always; one drawn with a
 * box's lines (`│ password │ hunter2x9 │`) or in a string (`isInString`) only for a password-shaped value
 * (`isPasswordShaped`). Such a row says less that it is a key/value row, and a word there (`│ token │ count │`,
 * `{"msg":"| password | string |"}`, `x="| password | id |"`) is a header's, a field list's or a message's, as the
 * reading before these rows were read kept it. `before` is the line before the row's head, `after` what follows the value.
 */
function isReadHere(text: string, view: string, lineStart: number, start: number, before: string, after: string, value: string): boolean {
  const drawn = view !== text && text.slice(lineStart, start + 1) !== view.slice(lineStart, start + 1);
  return (!drawn && !isInString(text, lineStart, before, after)) || isPasswordShaped(value);
}

/**
 * Whether a row is in a string, its opening quote seen before the row's head: in its line (`{"msg":"| password | … |"}`,
 * `before` holding the opening), or, for a Markdown row at its line's start that a quote closes (`| password | … |"}`),
 * as the last quote of that kind in the 1,024 characters before the line (a JSON string's table read over lines,
 * `{"cols":"| Field | Type |\n|---|---|\n| password | string |"}`). A quote after the value alone opens no string: a row
 * with no opening before it (`| password | letmein |'}`) is read whole, and so is a psql row, read whole at its line's
 * start whatever follows its value (` password | letmein'}`, a `\x` record in a JSON string `… password | letmein"}`).
 */
function isInString(text: string, lineStart: number, before: string, after: string): boolean {
  if (!LINE_HEAD.test(before)) return true;
  const quote = STRING_CLOSED.exec(after)?.[1];
  if (quote === undefined) return false;
  // The search back stops at the nearest such quote, which a row closed by one is: the text between two rows a quote of
  // one kind closes is passed once, and a text's rows cost its length (twice at most, for the two kinds of quote).
  const open = text.lastIndexOf(quote, lineStart - 1);
  countWork(lineStart - Math.max(open, 0));
  return open >= lineStart - 1024 && STRING_OPENED.test(text.slice(Math.max(0, open - 24), open + 1));
}

/** A replacement `text` of the match's first `length` characters, with the kind and the session ids of the field's reading (`rewrite`). */
function cellRewrite(text: string, length: number, rewrite: Rewrite): Rewrite {
  const kind = typeof rewrite === "string" ? SECRET_PARAM_KIND : rewrite.kind;
  const sessionIds = typeof rewrite === "string" ? undefined : rewrite.sessionIds;
  return sessionIds === undefined ? { text, kind, length } : { text, kind, length, sessionIds };
}

const ROW = new RegExp(SOURCE);
const MARKER = redactionMarker(SECRET_PARAM_KIND);

/** Whether `line`, one line alone, is a key/value row whose value the row's reading replaces (`redactTableRow`). */
function isSecretRow(line: string): boolean {
  const row = ROW.exec(line);
  // `line` is a line of a table view already (`secretCellsOfText`): it is its own view.
  return row !== null && redactTableRow(row[0].length, MARKER, line, line, row.index) !== undefined;
}

export const tableRowsDetector: Detector = {
  kind: SECRET_PARAM_KIND,
  source: SOURCE,
  evidence: 0,
  moreEvidence: MoreEvidence.TABLE_ROW,
  rewrite: (match, marker, text, start) => redactTableRow(match.length, marker, text, tableView(text), start),
};

/**
 * A table's rows under a header whose column names a secret (`| user | password |`, `|---|---|`,
 * `| alice | hunter2x9 |`; psql's `user | password`, `-----+-----`, `alice | hunter2x9`; a MySQL client's
 * or a box-drawing table's header between borders): each row's cell in that column is read as that column's
 * field (`fieldReading`). A table is the header's rule line (or border) and the rows after it that hold a `|`,
 * up to a line without one or another rule line, the header read back from the line before: a table starts
 * only at a rule line and no row is one, so each row is read once and reading a text's tables costs its length.
 * A row whose cells do not line up with the header's (a `|` inside a cell, a missing cell) or a cell holding blanks
 * but a passphrase's stays.
 * Each secret cell is a candidate of its own, its value alone (`searchSecretCell`), so that the row's other
 * cells are scanned by the other detectors as any text is.
 */
const RULE_LINE = String.raw`(?<![^\n])(?:${MARKDOWN_RULE}|${PSQL_RULE}|${BORDER_RULE})(?=\r?\n)`;
/** A body's row: a line holding a `|` that opens no rule line (`|---`), which ends the body. */
const BODY_ROW = String.raw`\r?\n(?![ \t]{0,16}\|?[ \t]{0,16}:?---)[^\r\n|]{0,1024}\|[^\r\n]{0,1024}`;
const COLUMNS_SOURCE = `${RULE_LINE}(?:${BODY_ROW})+`;
const TABLES = new RegExp(COLUMNS_SOURCE, "g");

/**
 * A row's cells as the pieces between its `|`s, blanks kept: a Markdown row's pieces before its
 * opening `|` and after its closing one are no cells (`first`, the index of its first cell, is 1).
 */
function piecesOf(line: string, markdown: boolean): { pieces: string[]; first: number; count: number } {
  const pieces = line.split("|");
  return markdown ? { pieces, first: 1, count: pieces.length - 2 } : { pieces, first: 0, count: pieces.length };
}

/** The header's column names, trimmed, a name's bold's or backticks' marks dropped (`keyName`: `**password**`, `` `api_key` ``). */
function columnNames(line: string, markdown: boolean): string[] {
  const { pieces, first, count } = piecesOf(line, markdown);
  return pieces.slice(first, first + count).map((piece) => keyName(piece.trim()) ?? piece.trim());
}

/** A secret's cell of a table's row: where its value starts in the text, its length, and its replacement. */
interface SecretCell {
  readonly start: number;
  readonly length: number;
  readonly rewrite: Rewrite;
}

/**
 * The secret cells of the row `line` starting at `lineStart`: each cell under a column whose name makes
 * its one blank-free value or its passphrase a secret, replaced as that field's reading (`cellReading`);
 * none when its cells do not line up with `header`.
 */
function secretCellsOfRow(line: string, lineStart: number, header: readonly string[], markdown: boolean, marker: string, cells: SecretCell[]): void {
  const { pieces, first, count } = piecesOf(line, markdown);
  if (count !== header.length || (markdown && (pieces[0]!.trim() !== "" || !AFTER_ROW.test(pieces.at(-1)!)))) return;
  let at = lineStart;
  for (let piece = 0; piece < first; piece++) at += pieces[piece]!.length + 1;
  for (let column = 0; column < count; column++) {
    const piece = pieces[first + column]!;
    const pieceStart = at;
    at += piece.length + 1;
    const trimmed = piece.trim();
    const cell = !markdown && column === count - 1 ? (LAST_PSQL_CELL.exec(trimmed)?.[1] ?? trimmed) : trimmed;
    // Under a code's column only a code's number is read (`| led | 17 |` under `pin` is a board's pin). Under a token's
    // column only a cell shaped as a secret (`isPasswordShaped`): a lexer's or a tokenizer's table lists words there (`| the | 42 |`, `IDENT`).
    if (cell === "" || /[^\S ]|  /.test(cell) || (namesCodeInPlace(header[column]!) && !isCodeNumber(header[column]!, cell))) continue;
    if (namesToken(header[column]!) && !isPasswordShaped(cell)) continue;
    const reading = cellReading(header[column]!, cell, marker);
    if (reading === undefined) continue;
    cells.push({ start: pieceStart + piece.length - piece.trimStart().length, length: cell.length, rewrite: cellRewrite(reading.value, cell.length, reading.rewrite) });
  }
}

/** `line` without the `\r` of its `\r\n`. */
function withoutReturn(line: string): string {
  return line.endsWith("\r") ? line.slice(0, -1) : line;
}

/**
 * Where the rule line of the table a match of `TABLES` holds is among its lines (`lines`, the first the match's
 * rule line, `header` the line above the match), or -1: a short rule whose cells do not match its header's
 * is none (`isRuleUnder`), and then a later line of the match that is a rule under the line above it opens the
 * table (`| a |`, `|-|-|`, `| user | password |`, `|-|-|`); the rows after it are its body, as the match's are.
 */
function ruleAmong(lines: readonly string[], header: string): number {
  if (isRuleUnder(withoutReturn(lines[0]!), header)) return 0;
  for (let line = 1; line < lines.length; line++) {
    const rule = withoutReturn(lines[line]!);
    if (WHOLE_MARKDOWN_RULE.test(rule) && isRuleUnder(rule, withoutReturn(lines[line - 1]!))) return line;
  }
  return -1;
}

/** The secret cells of every table of `text`, left to right (`secretCellsOfRow`). */
function secretCellsOfText(raw: string, marker: string): SecretCell[] {
  const cells: SecretCell[] = [];
  // A box-drawing table is read as the ASCII a MySQL client draws (`tableView`), each character where it was.
  const text = tableView(raw);
  TABLES.lastIndex = 0;
  for (let table = TABLES.exec(text); table !== null; table = TABLES.exec(text)) {
    const start = table.index;
    const headerStart = text.lastIndexOf("\n", start - 2) + 1;
    if (start === 0 || start - headerStart > 1024) continue;
    // Read outside the regex: the header's line, and each row's cells.
    countWork(start - headerStart + table[0].length);
    const lines = table[0].split("\n");
    const above = text.slice(headerStart, start).replace(/\r?\n$/, "");
    const rule = ruleAmong(lines, above);
    if (rule < 0) continue;
    // A header is a row: a border with no row above it (a MySQL table's top border, over its header) heads no table.
    const headerLine = rule === 0 ? above : withoutReturn(lines[rule - 1]!);
    if (!headerLine.includes("|")) continue;
    // A Markdown rule or a MySQL border: the rows open and close with a `|`.
    const markdown = /^[ \t]*[|+]/.test(lines[rule]!);
    const header = columnNames(headerLine, markdown);
    let lineStart = start;
    for (const [index, line] of lines.entries()) {
      if (index > rule) secretCellsOfRow(withoutReturn(line), lineStart, header, markdown, marker, cells);
      lineStart += line.length + 1;
    }
  }
  return cells;
}

/** The current scan's secret cells, all read as its first search asked, and the index of the first one a search has not passed; emptied as each scan ends. */
let scanCells: { scan: number; cells: readonly SecretCell[]; next: number } | undefined;
resetAfterEachScan(() => {
  scanCells = undefined;
});

/**
 * The first secret cell at or after `from` (`secretCellsOfText`, read once a scan), its value the match: a
 * candidate no regex can express, its column's name being in the header above. The scanner asks from
 * positions that only grow, so the cells a search passed are not looked at again.
 */
function searchSecretCell(text: string, from: number): RegExpExecArray | null {
  const scan = currentScan();
  if (scanCells?.scan !== scan) scanCells = { scan, cells: secretCellsOfText(text, MARKER), next: 0 };
  const { cells } = scanCells;
  // A search from before the cells passed (a caller's own, outside a scan's order) reads them from the first again.
  if (scanCells.next > 0 && cells[scanCells.next - 1]!.start >= from) scanCells.next = 0;
  while (scanCells.next < cells.length && cells[scanCells.next]!.start < from) scanCells.next++;
  const cell = cells[scanCells.next];
  return cell === undefined ? null : (Object.assign([text.slice(cell.start, cell.start + cell.length)], { index: cell.start, input: text }) as unknown as RegExpExecArray);
}

/**
 * The replacement of the secret cell at `start` of `text`, in the current scan. It is searched again (`searchSecretCell`)
 * rather than read from the memo as the search left it: a scan read aside between the search and this rewrite
 * (`readAside`, which empties every memo as it ends) or a call outside a scan would find no memo, and the cell would
 * stay; the search refills the memo then, and otherwise finds the cell where it stopped, at no cost.
 */
function secretCellAt(text: string, start: number): Rewrite | undefined {
  if (searchSecretCell(text, start)?.index !== start) return undefined;
  return scanCells!.cells[scanCells!.next]!.rewrite;
}

export const tableColumnsDetector: Detector = {
  kind: SECRET_PARAM_KIND,
  source: COLUMNS_SOURCE,
  search: searchSecretCell,
  evidence: 0,
  moreEvidence: MoreEvidence.TABLE_ROW,
  rewrite: (_match, _marker, text, start) => secretCellAt(text, start),
};
