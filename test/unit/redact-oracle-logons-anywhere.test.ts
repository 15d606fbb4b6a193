/**
 * Oracle's `user/password@connect_identifier` wherever a text says it is a database's logon: a
 * connection's key or assignment, an Oracle error code, a driver's call, a connect identifier
 * only Oracle writes; and the `a/b@c` look-alikes of modules, packages, images, git and paths,
 * which stay as they are in such texts too.
 */
import { describe, expect, it } from "vitest";
import type { AnyValue, KeyValue } from "../../workers/shared/otlp/model";
import { defaultRedactionPolicy, redactRequest, redactString } from "../../workers/ingest/core/redact";
import { logRecord, logsRequest } from "../support/model-builders";

const policy = defaultRedactionPolicy();
const MARK = "[REDACTED:url_credentials]";

/** The attributes of one log record after the request's redaction, by key. */
function redactedAttributes(attributes: Record<string, string>): Record<string, AnyValue> {
  const record = logRecord({
    timeUnixNano: "1796000000000000000",
    severityNumber: 9,
    body: { stringValue: "connect" },
    attributes: Object.entries(attributes).map(([key, value]): KeyValue => ({ key, value: { stringValue: value } })),
  });
  redactRequest("logs", logsRequest([record]), policy, new Map());
  return Object.fromEntries(record.attributes.map((a) => [a.key, a.value]));
}

describe("an Oracle logon where the text says it is one", () => {
  it.each([
    ["dsn=scott/tiger@orcl.prod:1521/ORCLPDB1", `dsn=scott/${MARK}@orcl.prod:1521/ORCLPDB1`],
    ["ORA-01017: invalid username/password; logon denied user scott/tiger@ORCL", `ORA-01017: invalid username/password; logon denied user scott/${MARK}@ORCL`],
    ["TNS-12541: TNS:no listener for app/S3cret@ORCL", `TNS-12541: TNS:no listener for app/${MARK}@ORCL`],
    ['cx_Oracle.connect("scott/tiger@orcl")', `cx_Oracle.connect("scott/${MARK}@orcl")`],
    ['oracledb.connect(dsn="scott/tiger@orcl")', `oracledb.connect(dsn="scott/${MARK}@orcl")`],
    ["export ORACLE_CONN=app/pw@db:1521/svc", `export ORACLE_CONN=app/${MARK}@db:1521/svc`],
    ['sql.Open("godror", "scott/tiger@db.internal/ORCLPDB1")', `sql.Open("godror", "scott/${MARK}@db.internal/ORCLPDB1")`],
    ['{"connectString":"app/S3cret@ORCL","poolMax":4}', `{"connectString":"app/${MARK}@ORCL","poolMax":4}`],
    ['{\\"dsn\\":\\"scott/tiger@orcl\\"}', `{\\"dsn\\":\\"scott/${MARK}@orcl\\"}`],
    ["connect_string: 'app/S3cret@db.internal'", `connect_string: 'app/${MARK}@db.internal'`],
    ['conn_str = "app/p#ss$word@db-prod:1521/ORCLPDB1"', `conn_str = "app/${MARK}@db-prod:1521/ORCLPDB1"`],
    ["DATABASE_URL=app/pw@orcl", `DATABASE_URL=app/${MARK}@orcl`],
    ["DB_URL='app/S3cret@(DESCRIPTION=(ADDRESS=(HOST=db)(PORT=1521)))'", `DB_URL='app/${MARK}@(DESCRIPTION=(ADDRESS=(HOST=db)(PORT=1521)))'`],
    // The connect identifier alone says it: EZConnect's port and service, `//host`, a descriptor.
    ["retrying app/S3cret@db.internal:1521/ORCL in 5s", `retrying app/${MARK}@db.internal:1521/ORCL in 5s`],
    ["logon app/S3cret@//db.internal/ORCL", `logon app/${MARK}@//db.internal/ORCL`],
    ["using app/S3cret@(description=(address=(host=db)(port=1521)))", `using app/${MARK}@(description=(address=(host=db)(port=1521)))`],
  ])("%s", (text, expected) => {
    const result = redactString(text, policy);
    expect(result.text).toBe(expected);
    expect(result.counts).toEqual({ url_credentials: 1 });
  });

  it("keeps the user, the server and the service, and counts each password once", () => {
    const result = redactString("ORA-01017 for scott/tiger@ORCL; retry with app/S3cret@db.internal:1521/ORCLPDB1", policy);
    expect(result.text).toBe(`ORA-01017 for scott/${MARK}@ORCL; retry with app/${MARK}@db.internal:1521/ORCLPDB1`);
    expect(result.counts).toEqual({ url_credentials: 2 });
  });

  it("leaves a password that stands for one, or one already replaced", () => {
    for (const text of ["cx_Oracle.connect('scott/${DB_PASSWORD}@orcl')", "ORA-12154: could not resolve app/[REDACTED:secret]@ORCL"]) {
      expect(redactString(text, policy).text).toBe(text);
    }
  });

  it("reads the Go and Node drivers' separate members by their names", () => {
    expect(redactString('user="scott" password="tiger" connectString="db:1521/svc"', policy).text).toBe(
      'user="scott" password="[REDACTED:secret_param]" connectString="db:1521/svc"',
    );
    expect(redactString('oracledb.getConnection({user: "scott", password: "tiger", connectString: "db:1521/svc"})', policy).text).toBe(
      'oracledb.getConnection({user: "scott", password: "[REDACTED:secret]", connectString: "db:1521/svc"})',
    );
  });

  it("redacts a logon that is the value of an attribute named for a connection", () => {
    expect(
      redactedAttributes({
        dsn: "scott/tiger@orcl",
        "db.connection_string": "app/S3cret@ORCL",
        ORACLE_CONN: "app/pw@db:1521/svc",
        "exception.message": "ORA-01017: invalid username/password; logon denied user scott/tiger@ORCL",
      }),
    ).toMatchObject({
      dsn: { stringValue: `scott/${MARK}@orcl` },
      "db.connection_string": { stringValue: `app/${MARK}@ORCL` },
      ORACLE_CONN: { stringValue: `app/${MARK}@db:1521/svc` },
      "exception.message": { stringValue: `ORA-01017: invalid username/password; logon denied user scott/${MARK}@ORCL` },
    });
  });
});

const LOOK_ALIKES = [
  "github.com/acme/lib@v1.2.3",
  "golang.org/x/net@v0.17.0",
  "@scope/pkg@1.0.0",
  "lodash/fp@4.17.21",
  "library/nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
  "ghcr.io/acme/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
  "origin/main@{1}",
  "HEAD@{2}",
  "/srv/app/v1@2x.png",
  "icons/logo@2x.png",
  "2024/12@noon",
  "ns/pod@node",
];

describe("what only looks like a logon", () => {
  it.each(LOOK_ALIKES)("%s", (text) => {
    expect(redactString(text, policy)).toMatchObject({ text, counts: {} });
  });

  it.each(LOOK_ALIKES.filter((text) => text !== "ns/pod@node"))("%s in an Oracle text", (text) => {
    const line = `ORA-00600 in oracledb after upgrading to ${text}`;
    expect(redactString(line, policy)).toMatchObject({ text: line, counts: {} });
  });

  it.each([
    "DB_IMAGE=library/postgres@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
    "DB_DRIVER=github.com/godror/godror@v0.40.0",
    "DB_CHART=bitnami/postgresql@12.1.2",
    "dsn=github.com/acme/lib@v1.2.3",
    "jdbc:oracle:thin:@//db.prod.internal:1521/ORCL",
    "connect to db.internal failed",
  ])("%s under a database's key", (text) => {
    expect(redactString(text, policy)).toMatchObject({ text, counts: {} });
  });

  it.each([
    "oracle-exporter: scraping default/oracle-db-0@ip-10-0-1-23 failed",
    "Oracle WebLogic deploy of app/ear@managed-server-1 done",
    "Oracle Cloud: instance oci/compute@sa-saopaulo-1 started",
  ])("%s: the company's name alone says no logon follows", (text) => {
    expect(redactString(text, policy)).toMatchObject({ text, counts: {} });
  });

  it("redacts an e-mail address in a path as one, in an Oracle text too", () => {
    expect(redactString("users/jane@example.com", policy).text).toBe("users/[REDACTED:email]");
    expect(redactString("oracle backup for users/jane@example.com", policy).text).toBe("oracle backup for users/[REDACTED:email]");
  });
});
