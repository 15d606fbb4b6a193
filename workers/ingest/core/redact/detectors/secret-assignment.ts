import { Evidence } from "../evidence";
import { NAME_CHARACTER, isSecretName, isSecretParameterName, standsForSecret } from "../secret-names";
import { caseless, type Detector, type Rewrite } from "./detector";
import { sentenceEndLength, valueEnd, type ValueEnd } from "./sentence-end";
import { SECRET_PARAM_KIND } from "./secret-parameter";

/**
 * Secrets assigned in the notations the `secret_param` forms (`name=value`, `name: value`,
 * flags) do not read, counted under the same kind:
 *
 * - a quoted value after `=` with blanks around it, or after `=>`: SQL (`WHERE password =
 *   'hunter2'`), Python and TOML (`api_key = "…"`), Ruby hashes (`:password=>"…"`,
 *   `"password" => "…"`), PHP and Perl arrays (`'password' => '…'`);
 * - SQL statements that set a password (PostgreSQL `CREATE|ALTER ROLE|USER … [WITH]
 *   [ENCRYPTED] PASSWORD '…'`; MySQL, MariaDB, Oracle and ClickHouse `IDENTIFIED [WITH plugin] BY '…'`;
 *   MySQL `SET PASSWORD [FOR user] = '…'` and `= PASSWORD('…')`), in any case;
 * - an XML element named as a secret (`<password>…</password>`, `<apiKey>`, `<ns:secret>`);
 * - a parameter inside a percent-encoded URL that is itself a parameter's value
 *   (`next=%2Flogin%3Fpassword%3Dhunter2`: the `%3F`/`%26` and `%3D` of RFC 3986 §2.1).
 *
 * Names are judged as the parameter form judges them (`isSecretParameterName`), so
 * `password_changed_at = '…'` and `<password_policy>` stay. The name, the quotes and the SQL
 * words stay; a value that stands for a secret (`'********'`, `'${DB_PASSWORD}'`) or is
 * already a marker is left alone.
 */

const QUOTED = String.raw`'(?:[^'\\\n]|''|\\.)*'|"(?:[^"\\\n]|\\.)*"`;
/** The quoted value that ends a match. */
const VALUE_AT_END = new RegExp(`(?:${QUOTED})$`);

/** `name = 'value'`, `name => "value"`, with the name bare, quoted or a Ruby symbol. */
const QUOTED_ASSIGNMENT =
  String.raw`(?<![\w.\u00C0-\u00FF-])[:"']?[A-Za-z_]${NAME_CHARACTER}*["']?(?:[ \t]*=>|[ \t]+=|=[ \t]+)[ \t]*(?:${QUOTED})`;

const BLANK = "[ \\t]+";
/** `SET PASSWORD [FOR user] = ` and `= PASSWORD(`, before the string. */
const SET_PASSWORD =
  `${caseless("set")}${BLANK}${caseless("password")}(?:${BLANK}${caseless("for")}${BLANK}[^=;\\n]{1,100}?)?[ \\t]*=[ \\t]*` +
  `(?:${caseless("password")}[ \\t]*\\([ \\t]*)?`;
const IDENTIFIED_BY = `${caseless("identified")}(?:${BLANK}${caseless("with")}${BLANK}\\w+)?${BLANK}${caseless("by")}(?:${BLANK}${caseless("password")})?${BLANK}`;
/** A role's `PASSWORD` option, in a statement naming a `USER` or `ROLE` before it (`password 'reset' link` is prose). */
const ROLE_PASSWORD = `(?<=(?:${caseless("user")}|${caseless("role")})[ \\t][^;\\n]{0,200})(?:${caseless("encrypted")}${BLANK})?${caseless("password")}${BLANK}`;
/** The SQL that sets a password; `'` strings only (SQL's string literals), `''` escaping a quote. */
const SQL_PASSWORD = `(?<![\\w.-])(?:${SET_PASSWORD}|${IDENTIFIED_BY}|${ROLE_PASSWORD})'(?:[^'\\n]|'')*'`;

/** An element with text content only; whether its end tag closes it is checked on the match. */
const XML_ELEMENT = String.raw`<[A-Za-z_][\w.:-]*(?:[ \t][^<>]*)?>[^<>\n]{1,512}</[A-Za-z_][\w.:-]*>`;

/** A parameter inside an encoded query, up to the next encoded `&` or the outer value's end. */
const ENCODED_PARAMETER = String.raw`%(?:3[Ff]|26)[A-Za-z_]${NAME_CHARACTER}*%3[Dd](?:[^&#\s"'<>;,%]|%(?!26)[0-9A-Fa-f]{2})+`;

export const secretAssignmentDetector: Detector = {
  kind: SECRET_PARAM_KIND,
  source: `(?:${QUOTED_ASSIGNMENT}|${SQL_PASSWORD}|${XML_ELEMENT}|${ENCODED_PARAMETER})`,
  evidence: Evidence.SECRET_ASSIGNMENT,
  rewrite: (match, marker, text, start) => {
    if (match.startsWith("<")) return redactElement(match, marker);
    if (match.startsWith("%")) return redactEncodedParameter(match, marker, valueEnd(text, start, start + match.length));
    return redactQuotedValue(match, marker);
  },
};

/** The name of a quoted assignment; SQL statements start with a word in `SQL_WORD`. */
const ASSIGNED_NAME = new RegExp(`^[:"']?([A-Za-z_]${NAME_CHARACTER}*)`);
const SQL_WORD = /^(?:set|identified|encrypted|password)$/i;

/** Keeps everything up to the value's opening quote; the name must be a secret parameter name. */
function redactQuotedValue(match: string, marker: string): Rewrite | undefined {
  const open = VALUE_AT_END.exec(match)?.index ?? match.length - 1;
  const quote = match.charAt(match.length - 1);
  const value = match.slice(open + 1, -1);
  if (value === "" || value.startsWith("[REDACTED:") || standsForSecret(value)) return undefined;
  const name = ASSIGNED_NAME.exec(match)![1]!;
  if (!SQL_WORD.test(name) && !isSecretParameterName(name)) return undefined;
  return `${match.slice(0, open + 1)}${marker}${quote}`;
}

/** The element's text replaced when its name (without a namespace prefix) is a secret name and its end tag closes it. */
function redactElement(match: string, marker: string): Rewrite | undefined {
  const name = /^<([^\s>]+)/.exec(match)![1]!;
  if (!match.endsWith(`</${name}>`)) return undefined;
  if (!isSecretName(name.slice(name.lastIndexOf(":") + 1))) return undefined;
  const open = match.indexOf(">") + 1;
  const value = match.slice(open, -(name.length + 3)).trim();
  if (value === "" || value.startsWith("[REDACTED:") || standsForSecret(value)) return undefined;
  return `${match.slice(0, open)}${marker}</${name}>`;
}

/**
 * The encoded value replaced when the encoded name is a secret parameter name; a sentence's
 * final punctuation after it stays (`sentenceEndLength`). `end`: where the match ends in its text.
 */
function redactEncodedParameter(match: string, marker: string, end: ValueEnd): Rewrite | undefined {
  const equals = match.search(/%3[Dd]/);
  if (!isSecretParameterName(match.slice(3, equals))) return undefined;
  if (match.startsWith("[REDACTED:", equals + 3)) return undefined;
  const length = match.length - sentenceEndLength(match, end);
  return { text: `${match.slice(0, equals + 3)}${marker}`, kind: SECRET_PARAM_KIND, length };
}
