import { MoreEvidence } from "../evidence";
import { standsForSecret } from "../secret-names";
import type { Detector } from "./detector";

/** A DSN's user: up to its first `:`; none of what parts a value from its neighbours (blanks, quotes, `=`, brackets). */
const USER = "[^\\s\"'`\\\\:@/()=,;\\[\\]{}<>]{0,64}";
/** A password piece: anything but blanks, quotes and `@`; the password is pieces joined by `@`, up to the DSN's last `@`. */
const PIECE = "[^\\s\"'`\\\\@]{1,128}";
/**
 * What go-sql-driver/mysql's DSN continues with after its `@`: a network and its address
 * (`tcp(db:3306)`, `tcp6(…)`, `unix(/run/mysqld.sock)`), a network alone (`tcp/db`), or, the
 * default network and address, the `/` before the database's name (`@/orders`, `@/orders?…`).
 */
const NETWORK_AHEAD = "(?=(?:tcp[46]?|unix)[(/]|/[\\w$-]*(?![^\\s\"'`?]))";
/** A user of one or two digits and a password of two, perhaps seconds and their fraction after: a time of day (`12:30@tcp(…)`, `10:00:00@…`), no logon. */
const CLOCK = /^\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?@$/;

/**
 * The password of go-sql-driver/mysql's DSN, `[user[:password]@][net[(addr)]]/dbname[?params]`
 * (the driver's README, "DSN (Data Source Name)"): `app:S3cret@tcp(db:3306)/orders?parseTime=true`,
 * `root:S3cret@unix(/var/run/mysqld/mysqld.sock)/shop`, `app:S3cret@/orders`, wherever it is
 * written (a `dsn=` value, `sql.Open("mysql", "…")`, the driver's `dial …` errors). As the driver
 * parses it, the user ends at its first `:` and the password at the DSN's last `@` before the
 * network (`app:p@ss@tcp(…)`). No other text writes `a:b@tcp(`, `a:b@unix(` or `a:b@/db`, so the
 * shape alone says it is a DSN, but for a time of day before the `@` (`12:30@tcp(…)`, `CLOCK`).
 * The user starts the text or follows a blank, a quote, `=`, `,`, `;`, `(`, `{`, `<`, `>` or `|`:
 * a URL's userinfo (`mysql://app:S3cret@tcp(…)`, after `/`) is the URL detector's, and a marker
 * (`app:[REDACTED:…]@tcp(…)`, after `[`) is not read again. `user:group@tcp(…)` reads as a DSN:
 * nothing in the text tells them apart.
 *
 * Only the password goes, counted as `url_credentials` as a URL's is: the user names a service
 * account and the address the server (server addresses survive). A password standing for one
 * (`app:${DB_PASSWORD}@tcp(…)`, `app:****@tcp(…)`) is configuration, not a secret. The gate
 * (`MoreEvidence.GO_MYSQL_DSN`): `:` and `GO_MYSQL_DSN_HINT`, which every DSN the detector takes shows.
 */
export const goMysqlDsnDetector: Detector = {
  kind: "url_credentials",
  source: `(?<![^\\s"'\`=,;({<>|])${USER}:${PIECE}(?:@${PIECE})*@${NETWORK_AHEAD}`,
  evidence: 0,
  moreEvidence: MoreEvidence.GO_MYSQL_DSN,
  rewrite: (match, marker) => {
    if (CLOCK.test(match)) return undefined;
    const passwordStart = match.indexOf(":") + 1;
    const password = match.slice(passwordStart, -1);
    if (password.startsWith("[REDACTED:") || standsForSecret(password)) return undefined;
    return `${match.slice(0, passwordStart)}${marker}@`;
  },
};
