/**
 * The README's sender set-ups must work as a reader copies them. The Node SDK set-up and the code
 * using it (the blocks after `<!-- readme-snippet: NAME -->`) run in a Node process of their own,
 * as `node --import ./telemetry.mjs server.mjs`, against the ingest Worker: over protobuf as
 * written, and over JSON with the `-otlp-http` exporters its comment names; the rows they store
 * are read back. The positional log processor constructor the set-up's comment warns of exports
 * nothing on the pinned `sdk-logs`. The Cloudflare `observability` block passes the wiring audit.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import {
  BatchLogRecordProcessor,
  InMemoryLogRecordExporter,
  LoggerProvider,
  SimpleLogRecordProcessor,
  type LogRecordProcessor,
} from "@opentelemetry/sdk-logs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditDocument } from "../../audit/core/audit";
import { loadConfig } from "../../audit/core/load";
import { wired } from "../support/fleet";
import { startIngestWorker, TEST_TOKEN, type IngestUnderTest } from "../support/ingest-worker";
import { readmeSnippet } from "../support/readme-query";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TELEMETRY = readmeSnippet("node-telemetry");
/** The same set-up with the OTLP/JSON exporters, as its comment says to write it. */
const TELEMETRY_JSON = TELEMETRY.replaceAll('-otlp-proto";', '-otlp-http";');

/** Runs the README's service in a folder of its own that resolves this checkout's packages. */
async function runService(telemetry: string, ingest: IngestUnderTest, service: string): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), "readme-snippet-"));
  try {
    await symlink(join(ROOT, "node_modules"), join(folder, "node_modules"), "dir");
    await writeFile(join(folder, "telemetry.mjs"), telemetry);
    await writeFile(join(folder, "server.mjs"), readmeSnippet("node-usage"));
    await promisify(execFile)(process.execPath, ["--import", "./telemetry.mjs", "server.mjs"], {
      cwd: folder,
      env: { ...process.env, OTEL_EXPORTER_OTLP_ENDPOINT: ingest.url, DECO_OTEL_TOKEN: TEST_TOKEN, OTEL_SERVICE_NAME: service },
      timeout: 30_000,
    });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

describe("the README's Node SDK set-up", () => {
  let ingest: IngestUnderTest;

  beforeAll(async () => {
    ingest = await startIngestWorker({ prefix: "readme_senders" });
    await runService(TELEMETRY, ingest, "readme-proto");
    await runService(TELEMETRY_JSON, ingest, "readme-json");
  }, 90_000);

  afterAll(() => ingest?.dispose());

  it("names protobuf exporters that have -otlp-http twins for JSON", () => {
    expect(TELEMETRY.match(/-otlp-proto";/g)).toHaveLength(3);
    expect(TELEMETRY_JSON).not.toContain("-otlp-proto");
  });

  it.each(["readme-proto", "readme-json"])("stores the span, the log record and a delta point of %s", async (service) => {
    expect(await ingest.rows(`SELECT SpanName, SpanKind FROM otel_traces WHERE ServiceName = '${service}'`)).toEqual([
      { SpanName: "POST /checkout", SpanKind: "Server" },
    ]);
    expect(
      await ingest.rows(`SELECT SeverityText, Body, LogAttributes['order.id'] AS order_id FROM otel_logs WHERE ServiceName = '${service}'`),
    ).toEqual([{ SeverityText: "WARN", Body: "payment declined", order_id: "o-1042" }]);
    // Emitted inside the span: the set-up's context manager makes the record carry the span's ids.
    const [span] = await ingest.rows(`SELECT TraceId, SpanId FROM otel_traces WHERE ServiceName = '${service}'`);
    expect(span).toMatchObject({ TraceId: expect.stringMatching(/^[0-9a-f]{32}$/), SpanId: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(await ingest.rows(`SELECT TraceId, SpanId FROM otel_logs WHERE ServiceName = '${service}'`)).toEqual([span]);
    expect(
      await ingest.rows(
        `SELECT MetricName, Value, AggregationTemporality, Attributes['payment.status'] AS status FROM otel_metrics_sum WHERE ServiceName = '${service}'`,
      ),
    ).toEqual([{ MetricName: "orders_total", Value: 1, AggregationTemporality: 1, status: "declined" }]);
  });
});

describe("the README's note on the log processors' constructor", () => {
  // The set-up's comment: sdk-logs takes `{ exporter }`, and the exporter itself exports nothing.
  it.each([SimpleLogRecordProcessor, BatchLogRecordProcessor])("%o exports only when given { exporter }", async (Processor) => {
    const exported = async (processor: LogRecordProcessor, exporter: InMemoryLogRecordExporter) => {
      const provider = new LoggerProvider({ processors: [processor] });
      provider.getLogger("readme").emit({ body: "payment declined" });
      await provider.forceFlush();
      return exporter.getFinishedLogRecords().length;
    };
    const given = new InMemoryLogRecordExporter();
    expect(await exported(new Processor({ exporter: given }), given)).toBe(1);
    const positional = new InMemoryLogRecordExporter();
    // The form the comment warns of, which the types refuse: nothing exported, nothing thrown.
    expect(await exported(new Processor(positional as unknown as { exporter: InMemoryLogRecordExporter }), positional)).toBe(0);
  });
  it("is in the set-up", () => {
    expect(TELEMETRY).toContain("sdk-logs 0.2xx takes `{ exporter }`");
  });
});

describe("the README's Cloudflare export block", () => {
  it("passes the wiring audit in a wired producer", () => {
    const document = loadConfig("wrangler.jsonc", wired(readmeSnippet("cloudflare-observability").trim()));
    expect(auditDocument(document).findings).toEqual([]);
  });
});
