import { Evidence } from "../evidence";
import { standsForSecret } from "../secret-names";
import { caseless, type Detector } from "./detector";

/** A JDBC URL of Oracle's drivers up to its user: `jdbc:oracle:thin:`, `jdbc:oracle:oci:`. */
const JDBC_ORACLE = "jdbc:oracle:[A-Za-z0-9]+:";
/**
 * An Oracle tool's name and its options (`-s`, `-L`), or RMAN's connection keyword (`target`,
 * `catalog`, `auxiliary`, perhaps with `=`: each names a database, whose logon follows), then blanks.
 */
const TOOL_LOGON =
  `(?:(?:${["sqlplus", "rman", "dgmgrl", "expdp", "impdp", "exp", "imp", "sqlldr"].map(caseless).join("|")})(?:[ \\t]+-[A-Za-z]{1,8})*` +
  `|(?:target|catalog|auxiliary)=?)[ \\t]+`;
/** SQL*Plus's `CONNECT` command (also `CONN`), then blanks. */
const CONNECT_COMMAND = `(?:${caseless("connect")}|${caseless("conn")})[ \\t]+`;
/** The utilities' `userid=` parameter. */
const USERID = `${caseless("userid")}=`;
/** An Oracle user: an unquoted identifier (letters, digits, `_`, `$`, `#`; a common user's `C##APP`). */
const USER = "[A-Za-z][\\w$#]{0,127}";
/** A password: quoted as Oracle quotes one holding other characters (`"p@ss w"`), or up to a blank, `/`, `@` or a quote. */
const PASSWORD = `(?:"[^"\\n]{1,128}"|[^\\s"'/@]{1,128})`;
/** Where the password starts: after the user's `/`. */
const PASSWORD_START = new RegExp(`${USER}/(?=${PASSWORD}@$)`);

/**
 * Oracle's `user/password@connect_identifier` (Oracle Database Net Services Reference, "Connect
 * Identifier"; SQL*Plus User's Guide, "SQLPLUS Program Syntax"; the JDBC Developer's Guide's
 * thin-driver URL `jdbc:oracle:thin:user/password@…`), where a URL's `user:password@` puts the
 * password after a `/`:
 * - a JDBC URL: `jdbc:oracle:thin:app/S3cret@//db.internal:1521/ORCL`, `…@db.internal:1521:ORCL`,
 *   `…@(DESCRIPTION=…)`, `…@tns_alias`, and the OCI driver's `jdbc:oracle:oci:…`;
 * - Oracle's command-line tools' logon, after their options (`sqlplus -s app/S3cret@ORCL`,
 *   `expdp system/S3cret@ORCL directory=…`, `sqlldr`, `dgmgrl`, `exp`, `imp`), and after RMAN's
 *   keywords (`rman target sys/S3cret@prod catalog rco/S3cret@rcat`);
 * - `userid=app/S3cret@ORCL` (the utilities' parameter) and SQL*Plus's `CONNECT app/S3cret@ORCL`.
 *
 * Only the password goes, counted as `url_credentials` as a URL's is: the user names a service
 * account and the connect identifier the server (server addresses survive). A password standing
 * for one (`app/${DB_PASSWORD}@ORCL`, `app/****@ORCL`) is configuration, not a secret. A logon
 * without `@` (`sqlplus app/S3cret`, the local database) is not read: nothing in such a text
 * would let the scanner skip the texts without one.
 */
export const oracleConnectDetector: Detector = {
  kind: "url_credentials",
  source: `(?<![\\w.-])(?:${JDBC_ORACLE}|${TOOL_LOGON}|${CONNECT_COMMAND}|${USERID})${USER}/${PASSWORD}@(?=[^\\s"'@])`,
  evidence: Evidence.MAIL_AT,
  rewrite: (match, marker) => {
    const passwordStart = PASSWORD_START.exec(match)!;
    const head = match.slice(0, passwordStart.index + passwordStart[0].length);
    const password = match.slice(head.length, -1);
    if (password.startsWith("[REDACTED:") || standsForSecret(password.replace(/^"|"$/g, ""))) return undefined;
    return `${head}${marker}@`;
  },
};
