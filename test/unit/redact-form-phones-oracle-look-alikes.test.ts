/**
 * A phone form-encoded in a URL query's value ends at the literal blank after the URL (the status
 * and duration a log line prints next stay); a form's literal `+` is a blank, so sums, lists,
 * ranges and dates joined by it are no phones outside a phone's key. Oracle logons without `@`
 * only on a tool's command line: a claim's `exp=`, a word in capitals, a URL query's `userid=`,
 * relative paths after a tool and labels after `rman` stay. German `Pass` names a passport only
 * capitalised before `Nr`; an address and its port after a reachability word are no phone.
 */
import { describe } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { itKeepsUncounted, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const redacted = (text: string) => redactString(text, policy);
const PHONE = "[REDACTED:phone]";

describe("a phone form-encoded in a URL query's value", () => {
  itStoresCounting("redacts the number only in %j", redacted, { phone: 1 }, [
    ["GET /checkout?phone=%2B1+415+867+5309 200 12.345 ms - 512", `GET /checkout?phone=${PHONE} 200 12.345 ms - 512`],
    ["GET /checkout?phone=%2B44+20+7946+0958 200 12.345 ms", `GET /checkout?phone=${PHONE} 200 12.345 ms`],
    ["GET /checkout?phone=%2B33+6+12+34+56+78 200 12.345 ms", `GET /checkout?phone=${PHONE} 200 12.345 ms`],
    ["GET /checkout?phone=%2B351+912+345+678 200 12.345 ms", `GET /checkout?phone=${PHONE} 200 12.345 ms`],
    ["GET /c?phone=%2B55%20%2811%29%2098765-4321 200 12.345 ms", `GET /c?phone=${PHONE} 200 12.345 ms`],
    ["GET /c?telefone=%2B55+%2811%29+98765-4321 200", `GET /c?telefone=${PHONE} 200`],
    ["GET /c?contato=%2B55+11+98765-4321 200", `GET /c?contato=${PHONE} 200`],
    ["GET /c?phone=+5511987654321 200", `GET /c?phone=${PHONE} 200`],
    ["GET /c?q=%2B14158675309 200", `GET /c?q=${PHONE} 200`],
    ["GET /api?ref=%2B1+415+555+0132&x=1 200", `GET /api?ref=${PHONE}&x=1 200`],
  ]);

  itKeepsUncounted("keeps the look-alike %j", redacted, [
    "GET /p?sort=+price&ids=+1001+1002+1003 200",
    "GET /s?q=+100+200+300+400",
    "GET /s?v=+1.2.3+4.5.6",
    "GET /s?q=%2B100+200+300",
    "GET /s?q=%2B1234567+890",
    "GET /s?range=%2B10%20000%20000",
    "GET /s?expr=%2B12+345+678+90",
    '"GET /search?q=%2B1+2024+05+01+HTTP/1.1" 200',
  ]);
});

describe("an address and its port after a reachability word", () => {
  itKeepsUncounted("keeps %j", redacted, ["Endpoint nicht erreichbar: 10.0.0.12 8080"]);
});

describe("German Pass before Nr", () => {
  itStoresCounting("redacts %j", redacted, { passport: 1 }, [["Pass Nr C01X00T47", "Pass Nr [REDACTED:passport]"]]);
  itKeepsUncounted("keeps the prose %j", redacted, ["test pass nr 12345678"]);
});

describe("an Oracle logon without @ off a tool's command line", () => {
  itKeepsUncounted("keeps the look-alike %j", redacted, [
    "token exp=1700000000 userid=acme/jdoe",
    "EXP userid=group/member",
    "GET /imp?userid=org/123&cid=9 200",
    "sqlldr data/loader.dat finished",
    "sqlldr control/loader.ctl",
    "expdp parfile/exp.par",
    "rman: catalog backups/2024",
    "rman log: target disk/tape",
  ]);

  itStoresCounting("still redacts %j", redacted, { url_credentials: 1 }, [
    ["/u01/app/oracle/bin/exp userid=system/manager file=x.dmp", "/u01/app/oracle/bin/exp userid=system/[REDACTED:url_credentials] file=x.dmp"],
    ["rman nocatalog target sys/secret", "rman nocatalog target sys/[REDACTED:url_credentials]"],
    ["sqlldr scott/tiger control=loader.ctl", "sqlldr scott/[REDACTED:url_credentials] control=loader.ctl"],
  ]);
});
