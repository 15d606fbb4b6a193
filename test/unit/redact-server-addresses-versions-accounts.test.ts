/**
 * Server addresses by their port, their URL's scheme, their key and the words before them;
 * four-part versions after a product's or a package's name; `user@host` forms that are accounts
 * on a server, systemd units, message ids and Kerberos principals: none is personal data and all
 * survive, while a visitor's address and a person's e-mail address still go.
 */
import { describe, expect, it } from "vitest";
import type { KeyValue } from "../../workers/shared/otlp/model";
import { expectKept, expectRedacted, redactedLogBody, storedLogAttributes, storedPointAttributes, storedSpanAttributes } from "../support/redaction";

const str = (key: string, stringValue: string): KeyValue => ({ key, value: { stringValue } });

describe("a server's address in text is kept", () => {
  it("after a server's word, with a service's port, in a server protocol's URL", () => {
    expectKept([
      "connect ECONNREFUSED 1.2.3.4:443",
      "host 52.1.2.3:5432 unreachable",
      "elasticsearch node 52.1.2.3:9200 joined cluster",
      "healthcheck target 54.239.28.85 healthy",
      "DNS query to 2606:4700:4700::1111",
      "pool postgres://app@52.1.2.3:5432/app exhausted",
      "mongodb://52.1.2.3:27017",
      "messaging.url=amqp://52.1.2.3:5672",
      "redis://52.1.2.3:6379/0",
      "upstream request to 52.94.236.248 timed out",
      "replica [2600:1f18:243d:9a00::1]:5432 lagging",
    ]);
    expectRedacted([
      [
        "postfix/smtp[123]: 4F1: to=<ana@shop.example>, relay=mx.example.com[203.0.113.5]:25, delay=1.2, status=sent",
        "postfix/smtp[123]: 4F1: to=<[REDACTED:email]>, relay=mx.example.com[203.0.113.5]:25, delay=1.2, status=sent",
      ],
    ]);
  });

  it("but a visitor's address still goes, a port of a service beside it too", () => {
    expectRedacted([
      ["logged in from 203.0.113.9", "logged in from [REDACTED:ipv4]"],
      ["request from 203.0.113.9 took 5 ms", "request from [REDACTED:ipv4] took 5 ms"],
      ["peer 203.0.113.9 closed", "peer [REDACTED:ipv4] closed"],
      ["x-forwarded-for: 203.0.113.9", "x-forwarded-for: [REDACTED:ipv4]"],
      ["client 203.0.113.9:443 reset", "client [REDACTED:ipv4]:443 reset"],
      ["203.0.113.9 - - [03/Dec/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 200", "[REDACTED:ipv4] - - [03/Dec/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 200"],
      ["https://203.0.113.9/x", "https://[REDACTED:ipv4]/x"],
      // A web URL may reach a person's own device (a home router's page), its port a web server's too.
      ["GET http://203.0.113.9:8080/admin failed", "GET http://[REDACTED:ipv4]:8080/admin failed"],
      ["blocked host 203.0.113.9", "blocked host [REDACTED:ipv4]"],
      ["accepted 203.0.113.9:51234", "accepted [REDACTED:ipv4]:51234"],
      ["accepted [2001:db8:1::9]:51234", "accepted [REDACTED:ipv6]:51234"],
    ]);
  });
});

describe("a server's address in a log body's JSON is kept", () => {
  it("a Node system error's address, for connect and listen, as pino and bunyan serialize it", () => {
    for (const [syscall, message] of [["connect", "connect ECONNREFUSED 52.94.236.248:443"], ["listen", "listen EADDRINUSE: address already in use 52.94.236.248:443"]]) {
      const body = JSON.stringify({ level: 50, err: { type: "Error", message, code: "E", syscall, address: "52.94.236.248", port: 443 } });
      expect(redactedLogBody(body)).toBe(body);
    }
  });

  it("the logger's host, the Host header, zap's local end and its upstream's addr and target; not the visitor's", () => {
    for (const body of [
      { level: 30, hostname: "52.94.236.248", pid: 1, msg: "up" },
      { version: "1.1", host: "52.94.236.248", short_message: "up" },
      { level: "info", local: "52.94.236.248:443", addr: "52.94.236.249:443", target: "52.94.236.250:443" },
    ]) {
      expect(redactedLogBody(JSON.stringify(body))).toBe(JSON.stringify(body));
    }
    const request = { req: { headers: { host: "52.94.236.248:8080", "x-forwarded-for": "203.0.113.9" }, remoteAddress: "203.0.113.9" } };
    expect(redactedLogBody(JSON.stringify(request))).toBe(
      JSON.stringify({ req: { headers: { host: "52.94.236.248:8080", "x-forwarded-for": "[REDACTED:ipv4]" }, remoteAddress: "[REDACTED:ipv4]" } }),
    );
  });
});

describe("a server's address under its key is kept", () => {
  const SERVER = [
    str("err.address", "52.94.236.248"), str("hostname", "52.94.236.248"), str("host", "52.94.236.248"),
    str("url.full", "https://52.94.236.253:8443/v1/x"), str("messaging.url", "amqp://52.1.2.3:5672"), str("local", "52.94.236.248:443"),
  ];
  const VISITOR = [str("client.ip", "203.0.113.9"), str("source.ip", "203.0.113.9"), str("remote_host", "203.0.113.9"), str("cf-connecting-ip", "203.0.113.9")];
  const kept = Object.fromEntries(SERVER.map((a) => [a.key, (a.value as { stringValue: string }).stringValue]));
  const gone = Object.fromEntries(VISITOR.map((a) => [a.key, "[REDACTED:ipv4]"]));

  it("on a log record", () => {
    expect(storedLogAttributes([...SERVER, ...VISITOR]).values).toEqual({ ...kept, ...gone });
  });

  it("on server and client spans, a URL's host too, its query's visitor not", () => {
    for (const kind of [2, 3]) {
      expect(storedSpanAttributes(kind, [str("url.full", "https://52.94.236.253:8443/v1/x?ip=203.0.113.9"), str("messaging.url", "amqp://52.1.2.3:5672")])).toMatchObject({
        "url.full": "https://52.94.236.253:8443/v1/x?ip=[REDACTED:ipv4]",
        "messaging.url": "amqp://52.1.2.3:5672",
      });
    }
  });

  it("on client metrics", () => {
    expect(storedPointAttributes("messaging.client.operation.duration", [str("messaging.url", "amqp://52.1.2.3:5672")])).toEqual({ "messaging.url": "amqp://52.1.2.3:5672" });
  });
});

describe("a four-part version is no address", () => {
  it("after a product's, a package's or a version's word", () => {
    expectKept([
      "Firmware 2.10.4.1 installed",
      "Microsoft.AspNetCore.Mvc 2.2.0.0",
      "loaded System.Text.Json 8.0.0.0",
      "runtime 8.0.0.0",
      "Chrome 120.0.0.0",
      'openjdk version "17.0.2.8" 2022-01-18',
      "kernel 203.0.113.9",
      "app v1.2.3.4",
    ]);
  });

  it("but an address after a host's name or another word stays an address", () => {
    expectRedacted([
      ["api.example.com 203.0.113.9", "api.example.com [REDACTED:ipv4]"],
      ["Chrome from 203.0.113.9", "Chrome from [REDACTED:ipv4]"],
    ]);
  });
});

describe("a user@host form that is no mailbox is kept", () => {
  it("systemd units, scp, rsync and ssh targets, a connection's account, message ids, Kerberos principals", () => {
    expectKept([
      "Started getty@tty1.service - Getty on tty1.",
      "Stopping user@1000.service - User Manager for UID 1000...",
      "openvpn@client.service: Main process exited",
      "scp app.tar deploy@web-1.prod.example.com:/tmp",
      "rsync -az ./data backup@backup.internal:/srv/data",
      "ssh ec2-user@ec2-52-1-2-3.compute-1.amazonaws.com",
      "ssh -i key.pem ubuntu@bastion.example.com uptime",
      "connection to postgres@db.internal failed",
      "Message-ID: <CAF8q7=abc123@mail.gmail.com>",
      "In-Reply-To: <a1@mail.example.com> <b2@mail.example.com>",
      "kinit -k HTTP/web.example.com@EXAMPLE.COM",
    ]);
  });

  it("under systemd.unit in logs, spans and metrics", () => {
    const unit = str("systemd.unit", "getty@tty1.service");
    expect(storedLogAttributes([unit]).values).toEqual({ "systemd.unit": "getty@tty1.service" });
    expect(storedSpanAttributes(1, [unit])).toEqual({ "systemd.unit": "getty@tty1.service" });
    expect(storedPointAttributes("system.service.restarts", [unit])).toEqual({ "systemd.unit": "getty@tty1.service" });
  });

  it("a password with an @ goes whole, the host after it stays", () => {
    expectRedacted([["postgres://admin:S3cr3tP@ss@db.internal:5432/app", "postgres://admin:[REDACTED:url_credentials]@db.internal:5432/app"]]);
  });

  it("but a person's address still goes: a Punycode TLD's, a person-shaped user's, a principal that is a user", () => {
    expectRedacted([
      ["ana@exemplo.xn--p1ai", "[REDACTED:email]"],
      ["write to ana@example.com: sent", "write to [REDACTED:email]: sent"],
      ["ssh login failed for ana@example.com", "ssh login failed for [REDACTED:email]"],
      ["From: Ana <ana@example.com>", "From: Ana <[REDACTED:email]>"],
      ["scp ana.silva@example.com:/tmp/x .", "scp [REDACTED:email]:/tmp/x ."],
      ["ticket for ana@EXAMPLE.COM", "ticket for [REDACTED:email]"],
    ]);
  });
});
