/**
 * The words of the places an Oracle logon `user/password@connect_identifier` is written in
 * (`detectors/oracle-connect.ts`), and the hint built of them that gates the detector
 * (`evidence.ts`): one list for both, so that the gate holds whatever the detector reads.
 */

/** Oracle's command-line tools that take a logon after their options (SQL*Plus, RMAN, Data Guard's, Data Pump's, the old export/import, SQL*Loader). */
export const ORACLE_TOOLS: readonly string[] = ["sqlplus", "rman", "dgmgrl", "expdp", "impdp", "exp", "imp", "sqlldr"];
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
