/**
 * The words of the places an Oracle logon `user/password@connect_identifier` (or `user/password`
 * after a tool's name) is written in (`detectors/oracle-connect.ts`), and the hints built of them
 * that gate the detector (`evidence.ts`): one list for both, so that the gate holds whatever the
 * detector reads.
 */

/** Oracle's command-line tools that take a logon after their options (SQL*Plus, RMAN, Data Guard's, Data Pump's, the old export/import, SQL*Loader). */
export const ORACLE_TOOLS: readonly string[] = ["sqlplus", "rman", "dgmgrl", "expdp", "impdp", "exp", "imp", "sqlldr"];
/**
 * The tools after which a logon needs no `@` to be one (`sqlplus scott/tiger`, the local
 * database): all but `exp` and `imp`, words of other things too (`exp 3/4`, an experience's, an
 * exponent's), whose logon without `@` is read only after `userid=`.
 */
export const LOCAL_LOGON_TOOLS: readonly string[] = ORACLE_TOOLS.filter((tool) => tool !== "exp" && tool !== "imp");
/** RMAN's connection keywords: each names a database, whose logon follows. */
export const RMAN_KEYWORDS: readonly string[] = ["target", "catalog", "auxiliary"];
/**
 * The words of a key naming a database's connection or its logon (`dsn`, `connect_string`,
 * `connectString`, `connStr`, `ORACLE_CONN`, `DB_URL`, `DATABASE_URL`, `tns`, `logon`), as
 * `nameWords` splits it: a logon written as such a key's value is one.
 */
const CONNECTION_KEY_WORDS: ReadonlySet<string> = new Set(["dsn", "conn", "connect", "connection", "connstr", "oracle", "db", "database", "tns", "logon", "userid"]);

/** Whether a key's words (`nameWords`) name a database's connection or its logon: `CONNECTION_KEY_WORDS`. */
export function namesConnection(words: readonly string[]): boolean {
  return words.some((word) => CONNECTION_KEY_WORDS.has(word));
}

/**
 * A part of every text holding a logon the detector takes (asked of a text holding `@` and `/`),
 * in any case: a tool's or RMAN's word, a connection key's word (which hold JDBC's `oracle`,
 * SQL*Plus's `conn`, the utilities' `userid`, Oracle's name in `cx_Oracle` and `oracledb`), Go's
 * driver `godror`, an error code `ORA-` (`TNS-` holds `tns`), or the start of a connect identifier
 * that says it is one: `@//`, `@(`, `@host:port`.
 */
export const ORACLE_LOGON_HINT = new RegExp(
  [...ORACLE_TOOLS, ...RMAN_KEYWORDS, ...CONNECTION_KEY_WORDS, "godror", "ora-\\d", "@(?://|\\(|[\\w.-]+:\\d)"].join("|"),
  "i",
);

/** An Oracle tool's name as a word (`sqlplus`, `RMAN`, `exp`). */
const TOOL_WORD = `(?<![\\w.-])(?:${ORACLE_TOOLS.join("|")})(?![\\w.-])`;
/**
 * An Oracle tool's command on the line before a logon without `@` after `userid=`, a parameter
 * other programs name too (`exp userid=system/manager`, `/u01/app/oracle/bin/imp -s userid=…`):
 * the tool's name as typed, in lower case, then a blank and its other arguments. Not a claim's or a
 * parameter's `exp=` (`token exp=1700000000 userid=acme/jdoe`), a word in capitals (`EXP
 * userid=group/member`) or a route's `/imp?userid=`.
 */
export const ORACLE_TOOL_COMMAND_BEFORE = new RegExp(`(?<![\\w.-])(?:${ORACLE_TOOLS.join("|")})[ \\t][^\\n]*$`);
/**
 * The same command typed whole in capitals, as a runbook or an old terminal prints it (`EXP
 * USERID=SYSTEM/MANAGER FILE=X.DMP`), asked of a `USERID=` in capitals: the tool's name in
 * capitals, then only its options and `KEY=value` parameters in capitals up to the `USERID=`. A
 * capitals word with `=` (a claim's `EXP=1700000000 USERID=…`) or prose between (`EXP userid=…`,
 * `EXP 1700000000 USERID=…`) is none.
 */
export const ORACLE_TOOL_COMMAND_IN_CAPITALS_BEFORE = new RegExp(
  `(?<![\\w.-])(?:${ORACLE_TOOLS.map((tool) => tool.toUpperCase()).join("|")})(?:[ \\t]+(?:-[A-Z]{1,8}|[A-Z_]+=[^\\s=]*))*[ \\t]+$`,
);
/**
 * A part of every text holding a logon without `@` the detector takes (asked of a text holding `/`
 * and a blank but no `@`): a tool's name as a word (`sqlplus scott/tiger`, `exp userid=…`, `rman
 * target …`), or SQL*Plus's prompt before its `CONNECT` (`SQL> conn scott/tiger`).
 */
export const ORACLE_TOOL_HINT = new RegExp(`${TOOL_WORD}|SQL>`, "i");
/**
 * RMAN's command or its prompt on the line before a logon without `@` after an RMAN keyword
 * (`rman target …`, `RMAN> connect target …`), which are other words too (`build target
 * linux/amd64`): `rman` then a blank or `>`, no label's `:` between it and the keyword (`rman:
 * catalog backups/2024`, `rman log: target disk/tape`).
 */
export const RMAN_COMMAND_BEFORE = /(?<![\w.-])rman[ \t>][^\n:]*$/i;
