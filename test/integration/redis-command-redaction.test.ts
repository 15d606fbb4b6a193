/**
 * Redis commands with passwords through the ingest Worker in workerd into the local ClickHouse,
 * sent by the OpenTelemetry JS SDK (OTLP/HTTP protobuf) as go-redis's redisotel writes them: the
 * command in the span name and in `db.query.text` / `db.statement`, a pipeline one command a
 * line, also under a `db.system.name` other than redis; and a log record holding a command as an
 * argument list (`arrayValue`) and in a map (`kvlistValue` Body), as OTLP/JSON. The password is
 * stored as a marker; the command word, its keywords, the user and the server are stored as sent.
 */
import { SpanKind } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { describe, expect, it } from "vitest";
import { exportOutcomes, recordExportResults, uniqueId } from "../support/export-results";
import { bearer } from "../support/ingest-worker";
import { ingestWorkerForFile, postJsonLogs, runLogsRequest } from "../support/ingest-run";

const ingest = ingestWorkerForFile("redis_commands");

describe("a Redis span's command", () => {
  it("is stored with its passwords as markers, in the span name and the statement attributes", async () => {
    const runId = uniqueId("redis-commands");
    const exporter = new OTLPTraceExporter({ url: `${ingest().url}/v1/traces`, headers: bearer() });
    const results = recordExportResults(exporter);
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ "service.name": `redis-${runId}`, "run.id": runId }),
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });
    const tracer = provider.getTracer("github.com/redis/go-redis/extra/redisotel");
    const spans: Array<[string, Record<string, string | number>]> = [
      ["AUTH s3cretRedisPw", { "db.system.name": "redis", "db.query.text": "AUTH s3cretRedisPw" }],
      ["hello", { "db.system": "redis", "db.statement": "hello 3 auth default R3disP4ssw0rd setname app" }],
      ["pipeline", { "db.system.name": "valkey", "db.query.text": "get session:42\nconfig set requirepass N3wR3disPw\nacl setuser app on >Str0ngAclPw ~* +@all" }],
      ["auth", { "db.system.name": "redis", "db.query.text": "auth failed for user bob" }],
    ];
    spans.forEach(([name, attributes], seq) => tracer.startSpan(name, { kind: SpanKind.CLIENT, attributes: { seq, ...attributes } }).end());
    await provider.forceFlush();
    await provider.shutdown();
    expect(exportOutcomes(results).every((outcome) => outcome === "success")).toBe(true);

    const rows = await ingest().rows<{ SpanName: string; SpanAttributes: Record<string, string> }>(
      `SELECT SpanName, SpanAttributes FROM otel_traces WHERE ResourceAttributes['run.id'] = '${runId}' ORDER BY toUInt32(SpanAttributes['seq'])`,
    );
    expect(rows.map((row) => row.SpanName)).toEqual(["AUTH [REDACTED:secret]", "hello", "pipeline", "auth"]);
    expect(rows.map((row) => row.SpanAttributes["db.query.text"] ?? row.SpanAttributes["db.statement"])).toEqual([
      "AUTH [REDACTED:secret]",
      "hello 3 auth default [REDACTED:secret] setname app",
      "get session:42\nconfig set requirepass [REDACTED:secret]\nacl setuser app on >[REDACTED:secret] ~* +@all",
      "auth failed for user bob",
    ]);
    for (const secret of ["s3cretRedisPw", "R3disP4ssw0rd", "N3wR3disPw", "Str0ngAclPw"]) expect(JSON.stringify(rows)).not.toContain(secret);
  });
});

describe("a Redis command's arguments in a log record", () => {
  it("are stored with the passwords as markers, as an argument list attribute and in a map Body", async () => {
    const runId = uniqueId("redis-arguments");
    const args = (...items: string[]) => ({ arrayValue: { values: items.map((stringValue) => ({ stringValue })) } });
    const record = {
      timeUnixNano: `${Date.now()}000000`,
      body: {
        kvlistValue: {
          values: [
            { key: "command", value: { stringValue: "127.0.0.1:6379> AUTH s3cr3tP4ss" } },
            { key: "args", value: args("HELLO", "3", "AUTH", "default", "R3disP4ssw0rd") },
          ],
        },
      },
      attributes: [
        { key: "db.redis.args", value: args("auth", "default", "N3wR3disPw") },
        { key: "features", value: args("auth", "billing") },
      ],
    };
    await postJsonLogs(ingest(), runLogsRequest(runId, `redis-${runId}`, "ioredis", [record]));

    const rows = await ingest().rows<{ Body: string; LogAttributes: Record<string, string> }>(
      `SELECT Body, LogAttributes FROM otel_logs WHERE ResourceAttributes['run.id'] = '${runId}'`,
    );
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.Body)).toEqual({ command: "127.0.0.1:6379> AUTH [REDACTED:secret]", args: ["HELLO", "3", "AUTH", "default", "[REDACTED:secret]"] });
    expect(JSON.parse(rows[0]!.LogAttributes["db.redis.args"]!)).toEqual(["auth", "default", "[REDACTED:secret]"]);
    expect(JSON.parse(rows[0]!.LogAttributes["features"]!)).toEqual(["auth", "billing"]);
    // The map Body's members are lifted into the attributes too, redacted alike.
    expect(rows[0]!.LogAttributes["command"]).toBe("127.0.0.1:6379> AUTH [REDACTED:secret]");
    expect(JSON.parse(rows[0]!.LogAttributes["args"]!)).toEqual(["HELLO", "3", "AUTH", "default", "[REDACTED:secret]"]);
    expect(rows[0]!.LogAttributes["redaction.kinds"]).toBe("secret");
    for (const secret of ["s3cr3tP4ss", "R3disP4ssw0rd", "N3wR3disPw"]) expect(JSON.stringify(rows)).not.toContain(secret);
  });
});
