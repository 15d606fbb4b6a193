/**
 * A Kubernetes node's addresses (`status.addresses`, each `{"type":"ExternalIP","address":…}`)
 * keep the node's public address in every form a request carries them: a JSON log body lifted into
 * attributes, the same map sent by an SDK as kvlist attributes or as a map body, and its keys
 * flattened below one parent; in OTLP/JSON and in protobuf. An address beside a `type` that is no
 * NodeAddressType (`client`), or under a visitor's word, stays redacted.
 */
import { describe, expect, it } from "vitest";
import { parseIngestConfig } from "../../workers/ingest/config";
import { prepareExport } from "../../workers/ingest/core/pipeline";
import { oracle, oracleEncode } from "../fixtures/otlp/protobuf-oracle";

const RECEIVED = "1700000000000000000";
const pipeline = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true" }).pipeline;
const text = (stringValue: string) => ({ stringValue });
const kv = (key: string, value: object) => ({ key, value });
const map = (...values: object[]) => ({ kvlistValue: { values } });
const nodeAddress = (type: string, address: string) => map(kv("type", text(type)), kv("address", text(address)));
const ADDRESSES = { arrayValue: { values: [nodeAddress("ExternalIP", "34.120.5.6"), nodeAddress("InternalIP", "10.0.0.4")] } };
const LINE = JSON.stringify({ msg: "node ready", status: { addresses: [{ type: "ExternalIP", address: "34.120.5.6" }, { type: "InternalIP", address: "10.0.0.4" }] } });

/** The stored row's body and attributes (key, value, key, value…) of one log record, through the core. */
function stored(record: object, encoding: "json" | "protobuf"): { body: string; attributes: string[] } {
  const document = { resourceLogs: [{ scopeLogs: [{ logRecords: [{ timeUnixNano: RECEIVED, ...record }] }] }] };
  const body = encoding === "json" ? new TextEncoder().encode(JSON.stringify(document)) : oracleEncode(oracle.logsRequest, document);
  const row = prepareExport("logs", encoding, body, pipeline, RECEIVED).batches[0]!.rows[0] as { Body: string; LogAttributes: string[] };
  return { body: row.Body, attributes: row.LogAttributes };
}

describe.each(["json", "protobuf"] as const)("a node's addresses lifted or sent as attributes (%s)", (encoding) => {
  it("a JSON log body lifted: status.addresses keeps both addresses", () => {
    expect(stored({ body: text(LINE) }, encoding)).toEqual({
      body: "node ready",
      attributes: ["status.addresses", '[{"type":"ExternalIP","address":"34.120.5.6"},{"type":"InternalIP","address":"10.0.0.4"}]'],
    });
  });

  it("an SDK's kvlist attribute: the node's public address survives, nothing counted", () => {
    expect(stored({ body: text("node ready"), attributes: [kv("status", map(kv("addresses", ADDRESSES)))] }, encoding)).toEqual({
      body: "node ready",
      attributes: ["status", '{"addresses":[{"address":"34.120.5.6","type":"ExternalIP"},{"address":"10.0.0.4","type":"InternalIP"}]}'],
    });
  });

  it("a map body lifted: status.addresses as an array of maps keeps the address", () => {
    expect(stored({ body: map(kv("msg", text("node ready")), kv("status", map(kv("addresses", ADDRESSES)))) }, encoding)).toEqual({
      body: "node ready",
      attributes: ["status.addresses", '[{"address":"34.120.5.6","type":"ExternalIP"},{"address":"10.0.0.4","type":"InternalIP"}]'],
    });
  });

  it("keys flattened below one parent: the address beside its type is kept", () => {
    const attributes = [kv("status.addresses.0.type", text("ExternalIP")), kv("status.addresses.0.address", text("34.120.5.6"))];
    expect(stored({ body: text("node ready"), attributes }, encoding).attributes).toEqual([
      "status.addresses.0.address", "34.120.5.6", "status.addresses.0.type", "ExternalIP",
    ]);
  });

  it("an address beside a type that is no NodeAddressType, or under a visitor's word, stays redacted", () => {
    const client = map(kv("type", text("client")), kv("address", text("34.120.5.6")));
    expect(stored({ body: text("connected"), attributes: [kv("peer", client)] }, encoding).attributes).toEqual([
      "peer", '{"address":"[REDACTED:ipv4]","type":"client"}', "redaction.count", "1", "redaction.kinds", "ipv4",
    ]);
    const visitor = [kv("client.addresses.0.type", text("ExternalIP")), kv("client.addresses.0.address", text("34.120.5.6"))];
    expect(stored({ body: text("connected"), attributes: visitor }, encoding).attributes).toEqual([
      "client.addresses.0.address", "[REDACTED:ipv4]", "client.addresses.0.type", "ExternalIP", "redaction.count", "1", "redaction.kinds", "ipv4",
    ]);
  });
});
