/**
 * Server addresses under keys outside the semantic conventions (nginx's `upstream_addr`, GCP's
 * `serverIp`, Cloudflare's `OriginIP`, `pod.ip`, `dns.answer`, ...) and after the words that name
 * a server in text (`resolved api.stripe.com to`, `proxying to`) survive, on server and client
 * spans and on metrics; a visitor's address (`client.address`, `x-forwarded-for`) still goes.
 */
import { describe, expect, it } from "vitest";
import type { KeyValue } from "../../workers/shared/otlp/model";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { storedLogAttributes, storedPointAttributes, storedSpanAttributes } from "../support/redaction";
import { itKeeps, itStores } from "../support/redaction-cases";

const str = (key: string, stringValue: string): KeyValue => ({ key, value: { stringValue } });
const V4 = "52.94.236.248";
const V6 = "2600:1f18:243d:9a00::1";

const SERVER_KEYS = [
  "upstream_addr", "upstream.address", "serverIp", "httpRequest.serverIp", "server_ip", "OriginIP", "origin.ip",
  "cloudflare.origin_ip", "backend_ip", "pod.ip", "node.ip", "lb.ip", "nat.gateway.ip", "egress.ip", "dst_ip",
  "destination_ip", "dns.answer", "resolver", "vpn.endpoint",
];

describe("a server's address under a key naming a server is kept", () => {
  it.each(SERVER_KEYS.flatMap((key) => [[key, V4], [key, V6]]))("log attribute %s = %s", (key, address) => {
    expect(storedLogAttributes([str(key, address)]).values).toEqual({ [key]: address });
  });

  it.each(SERVER_KEYS)("%s on server and client spans and on client and server metrics", (key) => {
    for (const kind of [2, 3]) expect(storedSpanAttributes(kind, [str(key, V4)])).toEqual({ [key]: V4 });
    for (const metric of ["http.client.request.duration", "http.server.request.duration"]) {
      expect(storedPointAttributes(metric, [str(key, V6)])).toEqual({ [key]: V6 });
    }
  });
});

describe("a visitor's address still goes, beside a server word too", () => {
  it.each(["client.address", "http.request.header.x-forwarded-for", "remote_addr", "cf-connecting-ip", "x-real-ip", "client.origin_ip", "source.node.ip", "user.ip"])(
    "%s",
    (key) => {
      expect(storedLogAttributes([str(key, V4)]).values).toEqual({ [key]: "[REDACTED:ipv4]" });
    },
  );
});

describe("an address the words before it name as a server's is kept in text", () => {
  itKeeps("%s", (text) => redactString(text, defaultRedactionPolicy()).text, [
    `resolved api.stripe.com to ${V4}`,
    `proxying to http://[${V6}]:8080/`,
    `proxying to http://${V4}:8080/checkout`,
    `forwarding request to ${V4}:443`,
    `connect to ${V4}:443`,
    `egress via NAT ${V4}`,
    `default gateway ${V4}`,
    `upstream ${V4}:443 timed out`,
  ]);

  itStores("a visitor's: %s", (text) => redactString(text, defaultRedactionPolicy()).text, [
    [`resolved client to ${V4}`, `resolved client to [REDACTED:ipv4]`],
    [`request from ${V4} proxied`, `request from [REDACTED:ipv4] proxied`],
    [`X-Forwarded-For: ${V4}`, `X-Forwarded-For: [REDACTED:ipv4]`],
  ]);
});
