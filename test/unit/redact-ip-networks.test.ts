/**
 * A CIDR network of many hosts (`203.0.113.0/24` or wider, an IPv6 `/32` or wider) is no one's
 * address and is kept; one host's address with its prefix (`203.0.113.7/24`, `/32`) and a
 * subscriber-sized IPv6 network still go. A bound `public_ip` parameter stays redacted: the
 * column's name does not say whose address it holds.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { itKeeps, itStores } from "../support/redaction-cases";

const redacted = (text: string) => redactString(text, defaultRedactionPolicy()).text;

describe("a network is kept", () => {
  itKeeps("%s", redacted, [
    "EXPIRE ratelimit:203.0.113.0/24 60",
    "blocked 198.51.100.0/22 by WAF rule 1001",
    "allow 52.94.0.0/16",
    "allow 2606:4700::/32",
    '{"cidr":"2600:1f18::/29"}',
  ]);
});

describe("a host's address with a prefix still goes", () => {
  itStores("%s", redacted, [
    ["inet 203.0.113.7/24 scope global eth0", "inet [REDACTED:ipv4]/24 scope global eth0"],
    ["ratelimit:203.0.113.7/32", "ratelimit:[REDACTED:ipv4]/32"],
    ["allow 203.0.113.0/25", "allow [REDACTED:ipv4]/25"],
    ["203.0.113.0/16", "[REDACTED:ipv4]/16"],
    ["net 2606:4700:10::/48", "net [REDACTED:ipv6]/48"],
    ["2606:4700::1/32", "[REDACTED:ipv6]/32"],
  ]);

  it("a bound public_ip parameter", () => {
    const text = '{"sql":"SELECT * FROM `Server` WHERE `public_ip` = ?","bindings":["52.94.236.248"]}';
    expect(redacted(text)).toBe('{"sql":"SELECT * FROM `Server` WHERE `public_ip` = ?","bindings":["[REDACTED:ipv4]"]}');
  });
});
