/**
 * Oracle logons without `@` (the local database) after a tool's name, `userid=`, an RMAN keyword
 * or SQL*Plus's `CONNECT`: the password goes, the user stays, as with `@`. Paths, ratios, build
 * targets and the tools' logon-less forms stay.
 */
import { describe } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { itKeepsUncounted, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const redacted = (text: string) => redactString(text, policy);
const MARK = "[REDACTED:url_credentials]";

describe("an Oracle logon without @", () => {
  itStoresCounting("redacts %j", redacted, { url_credentials: 1 }, [
    ["sqlplus scott/tiger @script.sql", `sqlplus scott/${MARK} @script.sql`],
    ["sqlplus system/manager", `sqlplus system/${MARK}`],
    ["exp userid=system/manager file=x.dmp", `exp userid=system/${MARK} file=x.dmp`],
    ["imp userid=scott/tiger", `imp userid=scott/${MARK}`],
    ["sqlldr userid=scott/tiger control=x.ctl", `sqlldr userid=scott/${MARK} control=x.ctl`],
    ["expdp system/oracle directory=DATA_PUMP_DIR dumpfile=full.dmp", `expdp system/${MARK} directory=DATA_PUMP_DIR dumpfile=full.dmp`],
    ["rman target sys/secret", `rman target sys/${MARK}`],
    ["RMAN> connect target sys/secret", `RMAN> connect target sys/${MARK}`],
    ["SQL> conn scott/tiger", `SQL> conn scott/${MARK}`],
    ["/u01/app/oracle/bin/sqlplus -s scott/tiger", `/u01/app/oracle/bin/sqlplus -s scott/${MARK}`],
    ["sqlplus -L sys/Secret1 as sysdba", `sqlplus -L sys/${MARK} as sysdba`],
    ['cmd="sqlplus scott/tiger"', `cmd="sqlplus scott/${MARK}"`],
  ]);

  itStoresCounting("redacts both logons of %j", redacted, { url_credentials: 2 }, [
    ["rman target sys/secret catalog rco/secret2@rcat", `rman target sys/${MARK} catalog rco/${MARK}@rcat`],
  ]);

  itKeepsUncounted("keeps %j", redacted, [
    "sqlplus /nolog",
    "sqlplus / as sysdba",
    "sqlplus @/tmp/x.sql",
    "sqlplus scripts/run.sql/x",
    "sqlplus app/${DB_PASSWORD}",
    "sqlplus app/****",
    "exp file=a/b.dmp",
    "exp 3/4",
    "imp adapters/http ready",
    "rman target /",
    "cpu 3/4",
    "GET /api/v1",
    "build target linux/amd64",
    "make target debug/release",
    "userid=tenant/alice",
    "GET /x?userid=org/u123 200",
    "connect client/server failed",
  ]);
});
