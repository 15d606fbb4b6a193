/**
 * One verdict for a member's value in every printed form: an address under a name with a server's
 * word (`host_ip`, `hostIP`, `"host.ip"`, `pod_ip`, `advertise_addr`, `load_balancer_ip`, `vip`,
 * `bind_address`) is kept in text, in JSON text and as a lifted attribute, as the one word list
 * (`server-names.ts`) says; a visitor's (`client_ip`, `remote_addr`, `x-forwarded-for`, `user_ip`)
 * and a bare `public_ip` go in every form. A Luhn-valid id after a REST resource's segment
 * (`/orders/…`) is the id, one after a card's or a payment's segment a card. A Message-ID
 * (Rails' `Delivered mail …@api-1.mail`, `message_id=…`) is no e-mail; people's addresses are.
 */
import { describe, expect, it } from "vitest";
import type { KeyValue } from "../../workers/shared/otlp/model";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { redactedLogBody, storedLogAttributes, storedSpanAttributes } from "../support/redaction";
import { itKeepsUncounted, itStores } from "../support/redaction-cases";

const str = (key: string, stringValue: string): KeyValue => ({ key, value: { stringValue } });
const V4 = "54.232.10.11";
const V6 = "2600:1f18:243d:9a00::1";
const redacted = (text: string) => redactString(text, defaultRedactionPolicy()).text;

const SERVER_MEMBERS = [
  "host_ip", "hostIP", "host.ip", "pod_ip", "node_ip", "advertise_address", "advertise_addr", "advertised.host", "elastic_ip",
  "external_ip", "instance_ip", "cluster_ip", "load_balancer_ip", "ingress_ip", "nat_ip", "vip", "bind_address", "listen_addr",
  "egress_ip", "relay_ip", "broker_address", "node_public_ip",
];
const VISITOR_MEMBERS = ["client_ip", "remote_addr", "x-forwarded-for", "user_ip", "public_ip", "client.advertise_addr"];

describe("a server's address under a server-named member: kept in every form", () => {
  it.each(SERVER_MEMBERS)("%s", (key) => {
    for (const address of [V4, V6]) {
      expect(redacted(`${key}=${address} ready`)).toBe(`${key}=${address} ready`);
      const json = JSON.stringify({ [key]: address, msg: "up" });
      expect(redacted(json)).toBe(json);
      expect(redactedLogBody(json)).toBe(json);
      expect(storedLogAttributes([str(key, address)]).values).toEqual({ [key]: address });
    }
    expect(storedSpanAttributes(2, [str(key, V4)])).toEqual({ [key]: V4 });
  });

  it("ECS writes host.ip as a list: each item is the host's", () => {
    const json = `{"host.ip":["${V4}","${V6}"],"message":"x"}`;
    expect(redacted(json)).toBe(json);
    expect(redacted(`{"host.ip": [ "${V4}" ]}`)).toBe(`{"host.ip": [ "${V4}" ]}`);
  });
});

describe("a visitor's address goes in every form", () => {
  it.each(VISITOR_MEMBERS)("%s", (key) => {
    expect(redacted(`${key}=${V4}`)).toBe(`${key}=[REDACTED:ipv4]`);
    expect(redacted(JSON.stringify({ [key]: V4 }))).toBe(JSON.stringify({ [key]: "[REDACTED:ipv4]" }));
    expect(storedLogAttributes([str(key, V4)]).values).toEqual({ [key]: "[REDACTED:ipv4]" });
  });

  it("MySQL's denied client is a client: its address goes", () => {
    expect(redacted(`Access denied for user 'app'@'${V4}' (using password: YES)`)).toBe(
      "Access denied for user 'app'@'[REDACTED:ipv4]' (using password: YES)",
    );
  });

  it("a server word in prose, the list's word too", () => {
    expect(redacted(`pod ${V4} ready, relay ${V4}:25, VIP ${V4}`)).toBe(`pod ${V4} ready, relay ${V4}:25, VIP ${V4}`);
    expect(redacted(`blocked host ${V4}`)).toBe("blocked host [REDACTED:ipv4]");
    expect(redacted(`external ${V4}`)).toBe("external [REDACTED:ipv4]");
  });
});

describe("a Luhn-valid number in a URL path", () => {
  const ID = "4532015112830366";
  itKeepsUncounted("after a resource naming a thing, the thing's id: %s", (text) => redactString(text, defaultRedactionPolicy()), [
    `GET /api/orders/${ID} 200`,
    `/orders/${ID}/items`,
    `/v1/invoices/${ID}`,
    `GET /pedidos/${ID}`,
    `/products/${ID}?page=2`,
    `/batches/${ID}`,
    `Order ${ID} shipped`,
  ]);

  itStores("after any other segment, a card: %s", redacted, [
    [`GET /cards/${ID} 200`, "GET /cards/[REDACTED:card] 200"],
    [`GET /pan/${ID}`, "GET /pan/[REDACTED:card]"],
    [`GET /x?card=${ID}`, "GET /x?card=[REDACTED:card]"],
    [`GET /transactions/${ID}`, "GET /transactions/[REDACTED:card]"],
    [`POST /tokenize/${ID}`, "POST /tokenize/[REDACTED:card]"],
    [`GET /orders/7/${ID}`, "GET /orders/7/[REDACTED:card]"],
    [`orders/${ID}`, "orders/[REDACTED:card]"],
  ]);

  it("the url.path attribute the same", () => {
    expect(storedLogAttributes([str("url.path", `/api/orders/${ID}`), str("http.target", `/cards/${ID}`)]).values).toEqual({
      "url.path": `/api/orders/${ID}`,
      "http.target": "/cards/[REDACTED:card]",
    });
  });
});

describe("a Message-ID is no e-mail address", () => {
  const MID = "6751a3c0e1b2f_1a2b3c4d5e6f7@api-1.mail";
  itKeepsUncounted("%s", (text) => redactString(text, defaultRedactionPolicy()), [
    `Delivered mail ${MID} (12.3ms)`,
    `Delivered mail <${MID}> (12.3ms)`,
    `message_id=${MID}`,
    `{"message_id":"${MID}"}`,
    `Message-ID: <${MID}>`,
    `Message-ID: ${MID}`,
    `queued 1234567.0.1690000000000@app-7.internal`,
    `References: <a1@x.example.com> <${MID}>`,
  ]);

  it("under a message id's key", () => {
    for (const key of ["message_id", "messageId", "mail.message_id", "msg_id", "in_reply_to"]) {
      expect(storedLogAttributes([str(key, MID)]).values).toEqual({ [key]: MID });
    }
  });

  itStores("a person's address stays one: %s", redacted, [
    ["Sent mail to maria.silva@example.com (12.3ms)", "Sent mail to [REDACTED:email] (12.3ms)"],
    ["mail maria@mail.example.com bounced", "mail [REDACTED:email] bounced"],
    ["Delivered mail ana.silva@api-1.mail", "Delivered mail [REDACTED:email]"],
    ["from deadbeef12345678.cafe@example.com", "from [REDACTED:email]"],
    ["ana.1982@corp.local", "[REDACTED:email]"],
    ["user_id=maria.silva@example.com", "user_id=[REDACTED:email]"],
  ]);

  it("a person's address under another key", () => {
    expect(storedLogAttributes([str("user.email", "maria.silva@example.com")]).values).toEqual({ "user.email": "[REDACTED:email]" });
  });
});
