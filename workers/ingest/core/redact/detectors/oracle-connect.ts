import { MoreEvidence } from "../evidence";
import { blanksBefore } from "../blanks";
import { nameBefore, nameWords, standsForSecret } from "../secret-names";
import { LOCAL_LOGON_TOOLS, ORACLE_TOOLS, ORACLE_TOOL_COMMAND_BEFORE, ORACLE_TOOL_COMMAND_IN_CAPITALS_BEFORE, RMAN_COMMAND_BEFORE, RMAN_KEYWORDS, namesConnection } from "../oracle-logons";
import { Place, caseless, type Detector } from "./detector";

/** A JDBC URL of Oracle's drivers up to its user: `jdbc:oracle:thin:`, `jdbc:oracle:oci:`. */
const JDBC_ORACLE = "jdbc:oracle:[A-Za-z0-9]+:";
/**
 * A shell's quote around a tool's logon, which SQL*Plus's `AS SYSDBA` needs (`sqlplus "sys/S3cret
 * as sysdba"`) and a shell's words take as they come (`sqlplus 'scott/tiger@orcl'`,
 * `userid='system/S3cret'`).
 */
const SHELL_QUOTE = `["']?`;
/** A tool's name and its options (`-s`, `-L`), or an RMAN keyword perhaps with `=`, then blanks and perhaps a shell's quote. */
const TOOL_LOGON = `(?:(?:${ORACLE_TOOLS.map(caseless).join("|")})(?:[ \\t]+-[A-Za-z]{1,8})*|(?:${RMAN_KEYWORDS.join("|")})=?)[ \\t]+${SHELL_QUOTE}`;
/**
 * What a logon without `@` (to the local database) follows: a tool's name that is no other word's
 * and its options (`sqlplus -s `, `expdp `: `LOCAL_LOGON_TOOLS`), an RMAN keyword (`target `),
 * `userid=`, or SQL*Plus's `CONNECT` after its prompt (`SQL> conn `).
 */
const LOCAL_LOGON_HEAD =
  `(?:(?:${LOCAL_LOGON_TOOLS.map(caseless).join("|")})(?:[ \\t]+-[A-Za-z]{1,8})*[ \\t]+${SHELL_QUOTE}|(?:${RMAN_KEYWORDS.join("|")})=?[ \\t]+${SHELL_QUOTE}` +
  `|${caseless("userid")}=${SHELL_QUOTE}|(?<=SQL>[ \\t]{0,8})(?:${caseless("connect")}|${caseless("conn")})[ \\t]+)`;
/** A logon without `@` ends its word: a blank, a quote or the text's end follows (`sqlplus scott/tiger @script.sql`). */
const LOCAL_LOGON_END = `(?=[\\s"']|$)`;
/** SQL*Plus's `CONNECT` command (also `CONN`), then blanks. */
const CONNECT_COMMAND = `(?:${caseless("connect")}|${caseless("conn")})[ \\t]+`;
/** The utilities' `userid=` parameter, perhaps before a shell's quote. */
const USERID = `${caseless("userid")}=${SHELL_QUOTE}`;
/** An Oracle user: an unquoted identifier (letters, digits, `_`, `$`, `#`; a common user's `C##APP`). */
const USER = "[A-Za-z][\\w$#]{0,127}";
/** A password: quoted as Oracle quotes one holding other characters (`"p@ss w"`), or up to a blank, `/`, `@` or a quote. */
const PASSWORD = `(?:"[^"\\n]{1,128}"|[^\\s"'/@]{1,128})`;
/** Where the password starts: after the user's `/`, the password ending the match or its `@`. */
const PASSWORD_START = new RegExp(`${USER}/(?=${PASSWORD}@?$)`);
/** A logon without `@` after `userid=` or after an RMAN keyword (`LOCAL_LOGON_HEAD`). */
const USERID_HEAD = /^userid=/i;
const RMAN_HEAD = new RegExp(`^(?:${RMAN_KEYWORDS.join("|")})`);
/** What a connect identifier may start with after the `@`. */
const IDENTIFIER_AHEAD = `(?=[^\\s"'@])`;

/**
 * What says that a text is about a logon to Oracle's database wherever the logon stands in it: an
 * error code of the database's or of its network layer (`ORA-01017`, `TNS-12541`), its drivers'
 * names (`cx_Oracle`, `oracledb`, `jdbc:oracle`, Go's `godror`) or its client's settings
 * (`ORACLE_HOME`, `ORACLE_SID`). Not the company's name alone: `Oracle WebLogic deploy of
 * app/ear@managed-server-1`, an `oracle-exporter` scraping `default/oracle-db-0@ip-10-0-1-23`
 * write a path, a pod or a deployment in the same shape.
 */
const ORACLE_TEXT = /(?<![\w-])(?:ORA|TNS)-\d{5}(?!\d)|cx_Oracle|\boracledb\b|jdbc:oracle|ORACLE_(?:HOME|SID|BASE)|godror/;
/**
 * A connect identifier no other `a/b@…` continues with: EZConnect's `host:port/service` (perhaps
 * after `//`), `//host`, or a connect descriptor `(DESCRIPTION=` (Net Services Reference,
 * "Connect Identifier"). A logon before one needs nothing else to say it is one.
 */
const SELF_EVIDENT_IDENTIFIER = new RegExp(`^(?:(?://)?[\\w.-]+:\\d{1,5}/[A-Za-z]|//[A-Za-z0-9]|\\([ \\t]*${caseless("description")}[ \\t]*=)`);
/**
 * A net service name or EZConnect host (`ORCL`, `db.internal`, `db.internal/ORCLPDB1`): a letter
 * first, but not a version (`v1.2.3`) or a digest (`sha256:…`), which follow a module's, a
 * package's or an image's `a/b@` (Go's `golang.org/x/net@v0.17.0`, `library/nginx@sha256:…`);
 * a digit (npm's `lodash/fp@4.17.21`, `logo@2x.png`) or a brace (git's `origin/main@{1}`) never starts one.
 */
const SERVICE_NAME = /^(?![vV]\d|[A-Za-z]+\d*:[0-9a-fA-F])(?:\/\/)?[A-Za-z]/;
/**
 * A host ending in a top-level domain's letters, nothing of a connect identifier after it: an
 * e-mail address's domain (`users/jane@example.com`), which an Oracle text alone does not make a
 * logon's (a connection's key does: `dsn=scott/tiger@db.example.com`).
 */
const MAIL_DOMAIN = /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w.:/-])/;

/**
 * Whether the logon starting at `start` is the value of a key naming a connection: in text, past
 * a quote, blanks and the key's `=` or `:` (`dsn=…`, `"connectString": "…"`, `export
 * ORACLE_CONN=…`, Python's `dsn="…"`); or the start of the value of an attribute whose key names
 * one (`place`: `Place.CONNECTION_VALUE`), perhaps past a quote.
 */
function isConnectionValue(text: string, start: number, place: number): boolean {
  let i = start;
  if (i > 0 && (text.charCodeAt(i - 1) === 34 || text.charCodeAt(i - 1) === 39)) {
    i--;
    // The quote of a value in JSON text held in a string is escaped: `{\"dsn\":\"…\"}`.
    while (i > 0 && text.charCodeAt(i - 1) === 92) i--;
  }
  i = blanksBefore(text, i);
  if (i === 0) return (place & Place.CONNECTION_VALUE) !== 0;
  const separator = text.charCodeAt(i - 1);
  return (separator === 61 /* = */ || separator === 58) /* : */ && namesConnection(nameWords(nameBefore(text, i - 1)));
}

/**
 * A file's name after a tool's `/` (`sqlldr data/loader.dat`, `sqlldr control/loader.ctl`,
 * `expdp parfile/exp.par`): the extensions of the files Oracle's tools read and write (SQL*Loader's
 * control, data, bad, discard and log files, Data Pump's dump and parameter files, RMAN's command
 * files, scripts), which end a relative path, not a password.
 */
const FILE_EXTENSION = /\.(?:ctl|dat|bad|dsc|dis|log|par|dmp|sql|rcv|ora|txt|csv|sh|cfg|conf|ini|xml|json)$/i;

/**
 * Whether a logon without `@` (`match`, at `start`) is one: `userid=` and RMAN's keywords are
 * other programs' words too, so the tool's command on the line before says they are Oracle's
 * (`ORACLE_TOOL_COMMAND_BEFORE`, `RMAN_COMMAND_BEFORE`; a `USERID=` in capitals also after the
 * command in capitals, `ORACLE_TOOL_COMMAND_IN_CAPITALS_BEFORE`), and a URL query's `userid=` is a
 * parameter (`GET /imp?userid=org/123&cid=9`); a file's name after the `/` makes a relative path.
 */
function isLocalLogon(match: string, text: string, start: number): boolean {
  if (FILE_EXTENSION.test(match)) return false;
  const line = text.slice(Math.max(0, text.lastIndexOf("\n", start) + 1), start);
  if (USERID_HEAD.test(match)) {
    const before = text.charCodeAt(start - 1);
    if (before === 63 /* ? */ || before === 38 /* & */) return false;
    return ORACLE_TOOL_COMMAND_BEFORE.test(line) || (match.startsWith("USERID=") && ORACLE_TOOL_COMMAND_IN_CAPITALS_BEFORE.test(line));
  }
  return !RMAN_HEAD.test(match) || RMAN_COMMAND_BEFORE.test(line);
}

/**
 * Oracle's `user/password@connect_identifier` (Oracle Database Net Services Reference, "Connect
 * Identifier"; SQL*Plus User's Guide, "SQLPLUS Program Syntax"; the JDBC Developer's Guide's
 * thin-driver URL `jdbc:oracle:thin:user/password@…`), where a URL's `user:password@` puts the
 * password after a `/`:
 * - a JDBC URL: `jdbc:oracle:thin:app/S3cret@//db.internal:1521/ORCL`, `…@db.internal:1521:ORCL`,
 *   `…@(DESCRIPTION=…)`, `…@tns_alias`, and the OCI driver's `jdbc:oracle:oci:…`;
 * - Oracle's command-line tools' logon, after their options and perhaps in a shell's quote
 *   (`sqlplus -s app/S3cret@ORCL`, `sqlplus "sys/S3cret as sysdba"`, `sqlplus 'scott/tiger@orcl'`,
 *   `expdp system/S3cret@ORCL directory=…`, `sqlldr`, `dgmgrl`, `exp`, `imp`), and after RMAN's
 *   keywords (`rman target sys/S3cret@prod catalog rco/S3cret@rcat`);
 * - `userid=app/S3cret@ORCL` (the utilities' parameter) and SQL*Plus's `CONNECT app/S3cret@ORCL`;
 * - anywhere else (a driver's argument, an environment variable, an error message), a logon
 *   whose identifier says it is one (`app/S3cret@db:1521/ORCL`, `…@//db/ORCL`,
 *   `…@(DESCRIPTION=…)`), or one to a net service name or host where a connection's key holds it
 *   (`dsn=scott/tiger@orcl.prod`, `ORACLE_CONN="app/S3cret@ORCL"`, an attribute `db.connection_string`) or the text is Oracle's
 *   (`ORA-01017: … scott/tiger@ORCL`, `cx_Oracle.connect("scott/tiger@orcl")`, `godror`). Such a
 *   logon follows no `/`, `@`, `.` or word character: a path's, a module's or a package's
 *   `a/b@` (`github.com/acme/lib@v1.2.3`, `@scope/pkg@1.0.0`) is none.
 *
 * Only the password goes, counted as `url_credentials` as a URL's is: the user names a service
 * account and the connect identifier the server (server addresses survive). A password standing
 * for one (`app/${DB_PASSWORD}@ORCL`, `app/****@ORCL`) is configuration, not a secret.
 *
 * A logon without `@` (the local database) is read only after a tool's name that is no other
 * word's (`sqlplus scott/tiger @script.sql`, `sqlplus -s system/manager`, `expdp system/oracle
 * directory=…`, `sqlldr scott/tiger control=…`), after `userid=` in a text naming a tool (`exp
 * userid=system/manager file=x.dmp`, `imp userid=scott/tiger`), after an RMAN keyword in a text
 * naming RMAN (`rman target sys/secret`), or after SQL*Plus's prompt's `CONNECT` (`SQL> conn
 * scott/tiger`), and ends its word: a path's or a ratio's `a/b` elsewhere (`exp file=a/b.dmp`,
 * `cpu 3/4`, `build target linux/amd64`, `sqlplus /nolog`) stays.
 *
 * The gate (`MoreEvidence.ORACLE_LOGON`): `/`, and `@` and a word of these forms, or a blank
 * and a tool's name or SQL*Plus's prompt (`oracle-logons.ts`).
 */
export const oracleConnectDetector: Detector = {
  kind: "url_credentials",
  source:
    `(?<![\\w.-])(?:${JDBC_ORACLE}|${TOOL_LOGON}|${CONNECT_COMMAND}|${USERID})${USER}/${PASSWORD}@${IDENTIFIER_AHEAD}` +
    `|(?<![\\w.$#/@-])${USER}/${PASSWORD}@${IDENTIFIER_AHEAD}` +
    `|(?<![\\w.-])${LOCAL_LOGON_HEAD}${USER}/${PASSWORD}${LOCAL_LOGON_END}`,
  evidence: 0,
  moreEvidence: MoreEvidence.ORACLE_LOGON,
  placeEvidence: Place.CONNECTION_VALUE,
  rewrite: (match, marker, text, start, place) => {
    const passwordStart = PASSWORD_START.exec(match)!;
    const local = !match.endsWith("@");
    if (local && !isLocalLogon(match, text, start)) return undefined;
    // A logon after none of Oracle's own forms: its identifier, its key or its text says it is one.
    if (passwordStart.index === 0) {
      const identifier = text.slice(start + match.length, start + match.length + 64);
      const logon =
        SELF_EVIDENT_IDENTIFIER.test(identifier) ||
        (SERVICE_NAME.test(identifier) && (isConnectionValue(text, start, place) || (ORACLE_TEXT.test(text) && !MAIL_DOMAIN.test(identifier))));
      if (!logon) return undefined;
    }
    const head = match.slice(0, passwordStart.index + passwordStart[0].length);
    const password = local ? match.slice(head.length) : match.slice(head.length, -1);
    if (password.startsWith("[REDACTED:") || standsForSecret(password.replace(/^"|"$/g, ""))) return undefined;
    return local ? `${head}${marker}` : `${head}${marker}@`;
  },
};
