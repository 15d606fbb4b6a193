/**
 * A dotted quad after a name and `@` outside a URL is a command's server or a package's version
 * (`ssh root@203.0.113.5`, `pkg@1.2.3.4`) and is kept; in a word holding a URL's `://`
 * (`redis://:pw@203.0.113.3`) it is read as every URL's host. Whether a URL holds it is read from the last blank before it, once per
 * scan: a text without blanks and many such addresses costs its length, not its square.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { redactionWork } from "../support/redaction";
import { itStores } from "../support/redaction-cases";

const redacted = (text: string) => redactString(text, defaultRedactionPolicy()).text;

describe("an address after a name and @", () => {
  itStores("%s", redacted, [
    ["ssh root@203.0.113.5 uptime", "ssh root@203.0.113.5 uptime"],
    ["nodes=a@203.0.113.5,b@203.0.113.6,c@203.0.113.7", "nodes=a@203.0.113.5,b@203.0.113.6,c@203.0.113.7"],
    ["redis://:hunter2@203.0.113.3:6379/0", "redis://:[REDACTED:url_credentials]@203.0.113.3:6379/0"],
    // After a URL in the same word, `a@` is no command's user: the address goes.
    ["redis://x@203.0.113.3/0,a@203.0.113.5", "redis://x@203.0.113.3/0,a@[REDACTED:ipv4]"],
    ["redis://x@203.0.113.3/0 a@203.0.113.5", "redis://x@203.0.113.3/0 a@203.0.113.5"],
  ]);
});

describe("the cost of reading back to the blank, counted in characters", () => {
  const work = (text: string): number => redactionWork(text).work;

  it.each(["a@203.0.113.4,", "redis://:hunter2@203.0.113.3:6379/0"])("%j repeated without a blank: twice the text, at most twice the work", (unit) => {
    const small = work(unit.repeat(1000));
    const large = work(unit.repeat(2000));
    expect(large).toBeLessThanOrEqual(2 * small + 8192);
  });
});
