/**
 * Attribute rules a trial found wrong, each kind with its examples: the Host a client asked for
 * and the proxy's name in `X-Forwarded-Host`/`X-Forwarded-Server` are servers' (the visitor's
 * `X-Forwarded-For` still goes); every item of an id list under an id's key gets one verdict
 * wherever it stands; a person's name or dotted login under the role keys of a record's author,
 * owner or approver goes; a Kafka client's metric calls its broker, a server; an e-mail address
 * ends where a queue's name glued after its domain starts.
 */
import { describe, expect, it } from "vitest";
import type { KeyValue } from "../../workers/shared/otlp/model";
import { redactedLogBody, storedLogAttributes, storedPointAttributes, storedSpanAttributes } from "../support/redaction";
import { itKeeps, itStores } from "../support/redaction-cases";

const str = (key: string, stringValue: string): KeyValue => ({ key, value: { stringValue } });
const SERVER_SPAN = 2;
const CLIENT_SPAN = 3;
const NAME = "[REDACTED:person_name]";

describe("X-Forwarded-Host and X-Forwarded-Server name servers", () => {
  it.each(["http.request.header.x-forwarded-host", "http.request.header.x-forwarded-server", "x_forwarded_host", "X-Forwarded-Server"])(
    "%s keeps its address on a server span and a server metric",
    (key) => {
      expect(storedSpanAttributes(SERVER_SPAN, [str(key, "203.0.113.77")])).toEqual({ [key]: "203.0.113.77" });
      expect(storedPointAttributes("http.server.request.duration", [str(key, "203.0.113.77")])).toEqual({ [key]: "203.0.113.77" });
    },
  );

  it.each(["http.request.header.x-forwarded-for", "x_forwarded_for", "http.request.header.x-forwarded-client-ip"])("the visitor's %s still goes", (key) => {
    const stored = storedSpanAttributes(SERVER_SPAN, [str(key, "203.0.113.77")]);
    expect(stored[key]).toBe("[REDACTED:ipv4]");
  });

  it("a Forwarded header's for= goes and its host= stays", () => {
    const stored = storedSpanAttributes(SERVER_SPAN, [str("http.request.header.forwarded", "for=203.0.113.9;host=198.51.100.7;proto=https")]);
    expect(stored["http.request.header.forwarded"]).toBe("for=[REDACTED:ipv4];host=198.51.100.7;proto=https");
  });
});

describe("every item of an id list gets one verdict wherever the list stands", () => {
  it.each([
    ["url.query", "ids=52998224725,11144477735&page=2"],
    ["url.query", "page=2&ids=52998224725,11144477735"],
    ["url.query", "order_ids=52998224725,11144477735&page=2"],
    ["url.full", "https://api.example.com/orders?ids=52998224725,11144477735&page=2"],
    ["url.full", "https://api.example.com/orders?ids=52998224725,11144477735;page=2"],
    ["url.full", "https://api.example.com/orders?ids=52998224725,11144477735"],
  ])("%s = %s keeps its ids", (key, value) => {
    expect(storedSpanAttributes(SERVER_SPAN, [str(key, value)])).toEqual({ [key]: value });
  });

  itStores("a person's numbers go, every one: %s", (value) => storedSpanAttributes(SERVER_SPAN, [str("url.query", value)])["url.query"], [
    ["cpfs=52998224725,11144477735&page=2", "cpfs=[REDACTED:cpf],[REDACTED:cpf]&page=2"],
    ["cpfs=52998224725,11144477735", "cpfs=[REDACTED:cpf],[REDACTED:cpf]"],
  ]);
});

describe("a person's name under a record's role key", () => {
  const ROLE_KEYS = ["owner", "author", "created_by", "createdBy", "updated_by", "modified_by", "requested_by", "approved_by", "document.createdBy"];

  it.each(ROLE_KEYS)("%s = Ana Silva goes in spans and metric attributes", (key) => {
    expect(storedSpanAttributes(SERVER_SPAN, [str(key, "Ana Silva")])[key]).toBe(NAME);
    expect(storedPointAttributes("app.documents", [str(key, "Ana Silva")])[key]).toMatch(/^\[REDACTED:person_name:[0-9a-f]+\]$/);
  });

  it.each([...ROLE_KEYS, "assignee", "reviewer"])("%s = ana.silva (a dotted login) goes", (key) => {
    expect(storedSpanAttributes(SERVER_SPAN, [str(key, "ana.silva")])[key]).toBe(NAME);
  });

  it.each([
    ["owner", "team-payments"],
    ["owner", "42"],
    ["owner", "payments.api"],
    ["owner", "svc.orders"],
    ["author", "dependabot[bot]"],
    ["created_by", "system"],
    ["created_by", "cus_123"],
    ["reviewer", "platform.team"],
    ["process.owner", "postgres"],
    ["passed_by", "Ana Silva"],
  ])("%s = %s stays", (key, value) => {
    expect(storedSpanAttributes(SERVER_SPAN, [str(key, value)])).toEqual({ [key]: value });
  });

  it("process.owner still reads a login as user.name does", () => {
    expect(storedLogAttributes([str("process.owner", "ana.silva")]).values).toEqual({ "process.owner": NAME });
  });
});

describe("a Kafka client's metric calls its broker", () => {
  it.each(["kafka.producer.request_latency_avg", "kafka.consumer.fetch_rate", "kafka_producer_record_send_total", "kafka.client.connection.count"])(
    "%s keeps network.peer.address",
    (metric) => {
      expect(storedPointAttributes(metric, [str("network.peer.address", "198.51.100.7")])).toEqual({ "network.peer.address": "198.51.100.7" });
    },
  );

  it("a broker's metric's peer is its client, and goes", () => {
    const stored = storedPointAttributes("kafka.server.request.count", [str("network.peer.address", "203.0.113.9")]);
    expect(stored["network.peer.address"]).toMatch(/^\[REDACTED:ipv4:[0-9a-f]+\]$/);
  });

  it("a client span keeps its peer as before", () => {
    expect(storedSpanAttributes(CLIENT_SPAN, [str("network.peer.address", "198.51.100.7")])).toEqual({ "network.peer.address": "198.51.100.7" });
  });
});

describe("an e-mail address ends where a name glued after its domain starts", () => {
  itStores("messaging.destination.name = %s", (value) => storedSpanAttributes(CLIENT_SPAN, [str("messaging.destination.name", value)])["messaging.destination.name"], [
    ["user.ana@example.com.notifications", "[REDACTED:email].notifications"],
    ["orders.ana@shop.example.org.retry", "[REDACTED:email].retry"],
    ["ana@example.com.br", "[REDACTED:email]"],
    ["ana@mail.gov.uk", "[REDACTED:email]"],
    ["ana@com.example.org", "[REDACTED:email]"],
    ["ana@mail.com.example.org", "[REDACTED:email]"],
    ["ana@example.com.notifications.", "[REDACTED:email].notifications."],
    ["ana@example.events", "[REDACTED:email]"],
    ["ana@example.com", "[REDACTED:email]"],
  ]);

  it("in a log body too", () => {
    expect(redactedLogBody("published to user.ana@example.com.notifications")).toBe("published to [REDACTED:email].notifications");
  });
});

describe("a record's role key in text reads as its attribute does", () => {
  itStores("%s", redactedLogBody, [
    ['{"created_by":"Ana Silva","id":7}', `{"created_by":"${NAME}","id":7}`],
    ["created_by=Ana Silva status=open", `created_by=${NAME} status=open`],
    ['author="Ana Silva"', `author="${NAME}"`],
    ["owner: ana.silva", `owner: ${NAME}`],
    ["approvedBy: Ana Silva", `approvedBy: ${NAME}`],
    ["assignee=ana.silva", `assignee=${NAME}`],
  ]);

  itKeeps("%s stays", redactedLogBody, ["created_by=system", "owner: team-payments", "author=dependabot[bot]", "sorted by: Ana Silva", "process.owner=postgres", "owner: payments.api"]);
});
