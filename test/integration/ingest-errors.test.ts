/**
 * Everything the ingest Worker refuses, in workerd against the local ClickHouse: malformed
 * bodies, limits, auth, routes, an unavailable or unprepared ClickHouse and bad configuration.
 * Each refusal has its status, a `google.rpc.Status` body in the request's encoding with a
 * precise message, and writes nothing.
 *
 * One workerd runs the Worker under test plus variants of it with other settings (limits,
 * ClickHouse endpoints, configuration), reached through `mf.getWorker(name)`.
 */
import { createServer, type Server } from "node:net";
import { deflateRawSync, gzipSync } from "node:zlib";
import type { WorkerOptions } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oracle, oracleDecodeStatus, oracleEncode } from "../fixtures/otlp/protobuf-oracle";
import { buildWorker } from "../../scripts/build-worker";
import { defaultTableNames } from "../../schema";
import { createTestDatabase, type TestDatabase } from "../support/clickhouse";
import { uniqueId } from "../support/export-results";
import { bearer, INGEST_COMPATIBILITY_DATE, startIngestWorker, TEST_TOKEN, type IngestUnderTest } from "../support/ingest-worker";
import { captureRuntimeOutput, discardRuntimeOutput, jsonLogLines } from "../support/runtime-output";
import { closedPort } from "../support/foreign-server";
import { NOT_SENT } from "../../workers/ingest/clickhouse/errors";
import { OPERATOR_FIX_RETRY_AFTER_SECONDS, WORKER_LOG_COMMAND } from "../../workers/ingest/http/errors";

const UNREACHABLE = "ingest-unreachable";
const NO_SCHEMA = "ingest-no-schema";
const SLOW = "ingest-slow";
const REFUSED_LOGIN = "ingest-refused-login";
const BAD_DATABASE_NAME = "ingest-bad-database-name";
const NO_TOKENS = "ingest-no-tokens";
const PASSWORD_IN_URL = "ingest-password-in-url";
const NO_HASH_SECRET = "ingest-no-hash-secret";

const MAX_BODY_BYTES = 1024;
const MAX_DECOMPRESSED_BYTES = 2048;
const ROTATED_TOKENS = ["token-old-0123456789", "token-new-9876543210"];

let ingest: IngestUnderTest;
/** What the workerd of `ingest` and its variants logs. */
const ingestOutput = captureRuntimeOutput();
let limited: IngestUnderTest;
let emptyDatabase: TestDatabase;
/** Accepts connections and never answers: a ClickHouse that hangs. */
let silentServer: Server;

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as { port: number }).port;
}

beforeAll(async () => {
  silentServer = createServer(() => undefined);
  const [script, database, silentPort, unusedPort] = await Promise.all([
    buildWorker("workers/ingest/index.ts"),
    createTestDatabase("ingest_errors_empty"),
    listen(silentServer),
    closedPort(),
  ]);
  emptyDatabase = database;
  const variant = (name: string, bindings: Record<string, string>): WorkerOptions => ({
    name,
    modules: true,
    script,
    compatibilityDate: INGEST_COMPATIBILITY_DATE,
    bindings: {
      CLICKHOUSE_URL: emptyDatabase.url,
      CLICKHOUSE_DATABASE: emptyDatabase.database,
      INGEST_TOKENS: TEST_TOKEN,
      ...bindings,
    },
  });
  [ingest, limited] = await Promise.all([
    startIngestWorker({
      prefix: "ingest_errors",
      handleRuntimeStdio: ingestOutput.handleRuntimeStdio,
      extraWorkers: [
        variant(UNREACHABLE, { CLICKHOUSE_URL: `http://127.0.0.1:${unusedPort}` }),
        variant(NO_SCHEMA, {}),
        variant(SLOW, { CLICKHOUSE_URL: `http://127.0.0.1:${silentPort}`, CLICKHOUSE_TIMEOUT_MS: "300" }),
        variant(REFUSED_LOGIN, { CLICKHOUSE_PASSWORD: "not-the-password" }),
        variant(BAD_DATABASE_NAME, { CLICKHOUSE_DATABASE: "bad-name!" }),
        variant(NO_TOKENS, { INGEST_TOKENS: "" }),
        // Deployed (no loopback host): hashed metric values need a secret key.
        variant(NO_HASH_SECRET, { CLICKHOUSE_URL: "https://ch.example.com:8443" }),
        variant(PASSWORD_IN_URL, {
          CLICKHOUSE_URL: "clickhouse://default:hunter2@ch.internal:9000/?password=hunter3",
          CLICKHOUSE_DATABASE: "my-db",
          MAX_BODY_BYTES: "1e6",
        }),
      ],
    }),
    // Small limits and two tokens, writing into a database with the schema of its own.
    startIngestWorker({
      prefix: "ingest_errors_limited",
      handleRuntimeStdio: discardRuntimeOutput,
      vars: {
        MAX_BODY_BYTES: String(MAX_BODY_BYTES),
        MAX_DECOMPRESSED_BYTES: String(MAX_DECOMPRESSED_BYTES),
        INGEST_TOKENS: ROTATED_TOKENS.join(", "),
      },
    }),
  ]);
});

afterAll(async () => {
  await Promise.all([ingest?.dispose(), limited?.dispose(), emptyDatabase?.drop()]);
  silentServer?.close();
});

/** A request to one of the variants sharing the workerd of `ingest`. */
async function fetchVariant(name: string, path: string, init?: RequestInit): Promise<Response> {
  const worker = await ingest.mf.getWorker(name);
  return (await worker.fetch(`http://ingest.test${path}`, init as never)) as unknown as Response;
}

type Encoding = "json" | "protobuf";

/** The refusal's `google.rpc.Status`, checked to be in the expected encoding. */
async function statusOf(response: Response, encoding: Encoding): Promise<{ code: number; message: string }> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (encoding === "protobuf") {
    expect(response.headers.get("content-type")).toBe("application/x-protobuf");
    return oracleDecodeStatus(bytes);
  }
  expect(response.headers.get("content-type")).toBe("application/json");
  return JSON.parse(new TextDecoder().decode(bytes)) as { code: number; message: string };
}

/** Every table the Worker writes, by the exporter's default names. */
const TABLES = Object.values(defaultTableNames("current"));

/** Rows in every table of `target`'s database. */
async function rowCounts(target: IngestUnderTest): Promise<Record<string, string>> {
  const [counts] = await target.rows<Record<string, string>>(
    `SELECT ${TABLES.map((table) => `(SELECT count() FROM ${table}) AS ${table}`).join(", ")}`,
  );
  return counts!;
}

function recentNanos(): string {
  return `${Math.floor(Date.now() / 1000) - 60}000000000`;
}

function logRecord(runId: string, extra: object = {}): object {
  return { timeUnixNano: recentNanos(), body: { stringValue: `record of ${runId}` }, ...extra };
}

/** Two resources of valid log records; `second` replaces the second resource's record. */
function logsRequest(runId: string, second: object = logRecord(runId)): object {
  const resource = { attributes: [{ key: "run.id", value: { stringValue: runId } }] };
  return {
    resourceLogs: [
      { resource, scopeLogs: [{ logRecords: [logRecord(runId), logRecord(runId)] }] },
      { resource, scopeLogs: [{ logRecords: [second] }] },
    ],
  };
}

/** Bytes needed for `n` as a protobuf varint. */
function varintLength(n: number): number {
  let length = 1;
  while (n >= 0x80) {
    n = Math.floor(n / 0x80);
    length++;
  }
  return length;
}

interface BadInput {
  name: string;
  path?: string;
  body: () => Uint8Array | string;
  headers: Record<string, string>;
  status: number;
  code: number;
  message: string | RegExp;
}

const JSON_TYPE = { "Content-Type": "application/json" };
const PROTOBUF_TYPE = { "Content-Type": "application/x-protobuf" };

/**
 * A valid two-resource request cut one byte short: the first resource decodes, yet nothing
 * may be written. The message names the second resource, its declared length, the bytes left
 * and where its length prefix sits.
 */
function truncatedLogs(): { body: Uint8Array; message: string } {
  const runId = uniqueId("truncated");
  const full = oracleEncode(oracle.logsRequest, logsRequest(runId));
  const firstOnly = oracleEncode(oracle.logsRequest, { resourceLogs: [(logsRequest(runId) as { resourceLogs: object[] }).resourceLogs[0]] });
  const secondLength = full.length - firstOnly.length - 1 - varintLength(full.length - firstOnly.length - 2);
  return {
    body: full.subarray(0, full.length - 1),
    message:
      `protobuf: resourceLogs[1]: length ${secondLength} exceeds the ${secondLength - 1} bytes left ` +
      `at byte ${firstOnly.length + 1} (field 1 of ExportLogsServiceRequest)`,
  };
}

const truncated = truncatedLogs();

/** One small valid export request per signal, as a plain object both encodings take. */
function exportOf(signal: "logs" | "traces" | "metrics", runId: string): object {
  const resource = { attributes: [{ key: "service.name", value: { stringValue: runId } }] };
  if (signal === "logs") return logsRequest(runId);
  if (signal === "traces") return { resourceSpans: [{ resource, scopeSpans: [{ spans: [{ name: "GET /" }] }] }] };
  return { resourceMetrics: [{ resource, scopeMetrics: [{ metrics: [{ name: "up", gauge: { dataPoints: [{ asDouble: 1 }] } }] }] }] };
}

const ORACLE_REQUESTS = { logs: oracle.logsRequest, traces: oracle.tracesRequest, metrics: oracle.metricsRequest };

/**
 * Each signal's export under the other encoding's Content-Type: refused with a 400 that names
 * the format the body looks like and the Content-Type to send, with a hex preview of binary
 * (never the bytes themselves) and the declared decoder's error kept last.
 */
function misdeclaredInputs(): BadInput[] {
  return (["logs", "traces", "metrics"] as const).flatMap((signal): BadInput[] => [
    {
      name: `protobuf ${signal} sent as JSON`,
      path: `/v1/${signal}`,
      body: () => oracleEncode(ORACLE_REQUESTS[signal], exportOf(signal, uniqueId("protobuf-as-json"))),
      headers: JSON_TYPE,
      status: 400,
      code: 3,
      message:
        /^request body looks like OTLP\/protobuf \(binary, starts 0a( [0-9a-f]{2}){7} …\), but its Content-Type says JSON: send it with Content-Type: application\/x-protobuf \(read as declared: invalid JSON: \S.*\)$/,
    },
    {
      name: `JSON ${signal} sent as protobuf`,
      path: `/v1/${signal}`,
      body: () => ` \n${JSON.stringify(exportOf(signal, uniqueId("json-as-protobuf")))}`,
      headers: PROTOBUF_TYPE,
      status: 400,
      code: 3,
      message:
        /^request body looks like OTLP\/JSON \(it starts with "\{"\), but its Content-Type says protobuf: send it with Content-Type: application\/json \(read as declared: protobuf: \S.*\)$/,
    },
  ]);
}

/** `text` as UTF-16LE after its byte-order mark, as a .NET or PowerShell writer given Unicode writes it. */
function utf16le(text: string, bom = true): Uint8Array {
  const bytes = bom ? [0xff, 0xfe] : [];
  for (let i = 0; i < text.length; i++) bytes.push(text.charCodeAt(i) & 0xff, text.charCodeAt(i) >>> 8);
  return Uint8Array.from(bytes);
}

/**
 * OTLP/JSON in UTF-16 (with its byte-order mark or without) or UTF-32: refused with a 400 that
 * names the encoding and says OTLP/JSON must be UTF-8, never that the body is protobuf.
 */
function wideTextInputs(): BadInput[] {
  const rule = "but OTLP/JSON must be UTF-8 \\(JSON between systems, RFC 8259 §8\\.1, as the OpenTelemetry Collector reads it\\): ";
  return [
    {
      name: "UTF-16LE JSON logs with a byte-order mark",
      body: () => utf16le(JSON.stringify(exportOf("logs", uniqueId("utf16")))),
      headers: JSON_TYPE,
      status: 400,
      code: 3,
      message: new RegExp(`^request body is UTF-16LE text \\(it starts ff fe 7b 00 22 00 72 00 …, UTF-16LE's byte-order mark\\), ${rule}encode it as UTF-8 and send it again \\(read as declared: invalid JSON: `),
    },
    {
      name: "UTF-16LE JSON traces without a byte-order mark",
      path: "/v1/traces",
      body: () => utf16le(JSON.stringify(exportOf("traces", uniqueId("utf16"))), false),
      headers: JSON_TYPE,
      status: 400,
      code: 3,
      message: new RegExp(`^request body is UTF-16LE text \\(it starts 7b 00 22 00 72 00 65 00 …, ASCII with a zero byte after each character, as UTF-16LE writes it\\), ${rule}`),
    },
    {
      name: "UTF-32BE JSON metrics with a byte-order mark, gzip-compressed",
      path: "/v1/metrics",
      body: () => gzipSync(Uint8Array.from([0x00, 0x00, 0xfe, 0xff, ...[...JSON.stringify(exportOf("metrics", uniqueId("utf32")))].flatMap((c) => [0, 0, 0, c.charCodeAt(0)])])),
      headers: { ...JSON_TYPE, "Content-Encoding": "gzip" },
      status: 400,
      code: 3,
      message: new RegExp(`^request body is UTF-32BE text \\(it starts 00 00 fe ff 00 00 00 7b …, UTF-32BE's byte-order mark\\), ${rule}`),
    },
    {
      name: "UTF-16LE JSON logs sent as protobuf",
      body: () => utf16le(JSON.stringify(exportOf("logs", uniqueId("utf16-as-protobuf")))),
      headers: PROTOBUF_TYPE,
      status: 400,
      code: 3,
      message: new RegExp(`^request body looks like OTLP/JSON in UTF-16LE \\(it starts ff fe 7b 00 .*\\), but its Content-Type says protobuf, and OTLP/JSON must be UTF-8 .*: encode it as UTF-8 and send it with Content-Type: application/json \\(read as declared: protobuf: `),
    },
  ];
}

const badInputs: BadInput[] = [
  {
    name: "an empty OTLP/JSON body (the Collector refuses it too; {} is the empty export)",
    body: () => new Uint8Array(0),
    headers: JSON_TYPE,
    status: 400,
    code: 3,
    message:
      "request body is empty: an OTLP/JSON export is a JSON object (an export with no data is {}); the OpenTelemetry Collector refuses an empty JSON body too",
  },
  {
    name: "an OTLP/JSON body of only whitespace, gzip-compressed",
    body: () => gzipSync(" \r\n\t"),
    headers: { ...JSON_TYPE, "Content-Encoding": "gzip" },
    status: 400,
    code: 3,
    message:
      "request body is only whitespace: an OTLP/JSON export is a JSON object (an export with no data is {}); the OpenTelemetry Collector refuses an empty JSON body too",
  },
  {
    name: "truncated protobuf",
    body: () => truncated.body,
    headers: PROTOBUF_TYPE,
    status: 400,
    code: 3,
    message: truncated.message,
  },
  {
    name: "truncated protobuf traces (a cut varint)",
    path: "/v1/traces",
    // resourceSpans (field 1, length 3) → scopeSpans (field 2, length 1) → a tag byte whose varint never ends.
    body: () => Uint8Array.from([0x0a, 0x03, 0x12, 0x01, 0x80]),
    headers: PROTOBUF_TYPE,
    status: 400,
    code: 3,
    message: /^protobuf: resourceSpans\[0\]\.scopeSpans\[0\]: truncated varint at byte 4\b/,
  },
  ...misdeclaredInputs(),
  ...wideTextInputs(),
  {
    name: "invalid JSON holding binary bytes (no protobuf look: it opens an object)",
    body: () => Uint8Array.from([...new TextEncoder().encode('{"resourceLogs":'), 0x01, 0xff, 0x0a]),
    headers: JSON_TYPE,
    status: 400,
    code: 3,
    message: /^invalid JSON: \S/,
  },
  {
    name: "a JSON array after a leading newline (no protobuf look: text only)",
    body: () => "\n[]",
    headers: JSON_TYPE,
    status: 400,
    code: 3,
    message: "expected a JSON object, got array",
  },
  {
    name: "invalid JSON",
    body: () => '{"resourceLogs":[',
    headers: JSON_TYPE,
    status: 400,
    code: 3,
    message: /^invalid JSON: \S/,
  },
  {
    name: "a JSON array instead of an object",
    body: () => "[]",
    headers: JSON_TYPE,
    status: 400,
    code: 3,
    message: "expected a JSON object, got array",
  },
  {
    name: "a wrong type in the last record",
    body: () => JSON.stringify(logsRequest(uniqueId("wrong-type"), logRecord("x", { severityText: 5 }))),
    headers: JSON_TYPE,
    status: 400,
    code: 3,
    message: "resourceLogs[1].scopeLogs[0].logRecords[0].severityText: expected string, got number",
  },
  {
    name: "a number where a repeated field belongs",
    path: "/v1/metrics",
    body: () => '{"resourceMetrics":[{"scopeMetrics":7}]}',
    headers: JSON_TYPE,
    status: 400,
    code: 3,
    message: "resourceMetrics[0].scopeMetrics: expected array, got number",
  },
  {
    name: "a bad hex trace id",
    body: () => JSON.stringify(logsRequest(uniqueId("bad-hex"), logRecord("x", { traceId: "5b8efff798038103d269b633813fc6zz" }))),
    headers: JSON_TYPE,
    status: 400,
    code: 3,
    message: 'resourceLogs[1].scopeLogs[0].logRecords[0].traceId: expected 32 hex characters (or 16 for a 64-bit trace id), got "5b8efff798038103d269b633813fc6zz": not hex, and base64 of 24 bytes',
  },
  {
    name: "a span id of the wrong length",
    path: "/v1/traces",
    body: () =>
      JSON.stringify({
        resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: "5b8efff798038103d269b633813fc60c", spanId: "eee19b7e", name: "s" }] }] }],
      }),
    headers: JSON_TYPE,
    status: 400,
    code: 3,
    message: 'resourceSpans[0].scopeSpans[0].spans[0].spanId: expected 16 hex characters, got 8 hex characters (leading zeros must be kept): "eee19b7e"',
  },
  {
    name: "a bad exemplar trace id",
    path: "/v1/metrics",
    body: () =>
      JSON.stringify({
        resourceMetrics: [
          { scopeMetrics: [{ metrics: [{ name: "m", gauge: { dataPoints: [{ asDouble: 1, exemplars: [{ traceId: "nope" }] }] } }] }] },
        ],
      }),
    headers: JSON_TYPE,
    status: 400,
    code: 3,
    message:
      'resourceMetrics[0].scopeMetrics[0].metrics[0].gauge.dataPoints[0].exemplars[0].traceId: expected 32 hex characters (or 16 for a 64-bit trace id), got "nope": not hex, and base64 of 3 bytes',
  },
  {
    name: "gzip declared but not sent",
    body: () => JSON.stringify(logsRequest(uniqueId("not-gzip"))),
    headers: { ...JSON_TYPE, "Content-Encoding": "gzip" },
    status: 400,
    code: 3,
    message:
      /^request body is not valid gzip: it does not start with gzip's magic bytes 1f 8b, but it starts 7b 22 72 65 .*, so it looks uncompressed: drop the Content-Encoding: gzip header, or gzip the body$/,
  },
  {
    name: "a cut gzip stream (found by its magic bytes, no header)",
    body: () => {
      const zipped = gzipSync(JSON.stringify(logsRequest(uniqueId("cut-gzip"))));
      return zipped.subarray(0, zipped.length - 12);
    },
    headers: PROTOBUF_TYPE,
    status: 400,
    code: 3,
    message: /^request body is not valid gzip: it ends before its compressed data does, so it was cut short \(.+\): send the whole body$/,
  },
  {
    name: "a gzip member followed by bytes that are no gzip member",
    body: () => Buffer.concat([gzipSync(JSON.stringify(logsRequest(uniqueId("member-and-junk")))), Buffer.from("{}")]),
    headers: { ...JSON_TYPE, "Content-Encoding": "gzip" },
    status: 400,
    code: 3,
    message: /^request body is not valid gzip: bytes follow the end of its compressed data that are no gzip member \(.+\): send the compressed data alone$/,
  },
  {
    name: "a gzip stream whose checksum does not match",
    body: () => {
      const zipped = gzipSync(JSON.stringify(logsRequest(uniqueId("bad-crc"))));
      zipped[zipped.length - 8]! ^= 0xff;
      return zipped;
    },
    headers: { ...JSON_TYPE, "Content-Encoding": "gzip" },
    status: 400,
    code: 3,
    message:
      /^request body is not valid gzip: the body is corrupt: its compressed data or its checksum \(CRC-32 and length\) does not check out \(.+\); it was damaged on the way or compressed wrongly: compress it again and resend$/,
  },
  {
    name: "a wrong content type",
    body: () => JSON.stringify(logsRequest(uniqueId("text-plain"))),
    headers: { "Content-Type": "text/plain" },
    status: 415,
    code: 2,
    message: 'unsupported Content-Type "text/plain": OTLP/HTTP accepts application/x-protobuf or application/json',
  },
  {
    name: "no content type",
    // Bytes, not a string: fetch would label a string text/plain.
    body: () => new TextEncoder().encode(JSON.stringify(logsRequest(uniqueId("no-type")))),
    headers: {},
    status: 415,
    code: 2,
    message: 'unsupported Content-Type "": OTLP/HTTP accepts application/x-protobuf or application/json',
  },
  {
    name: "a charset no decoder knows",
    body: () => JSON.stringify(logsRequest(uniqueId("charset-foo"))),
    headers: { "Content-Type": "application/json; charset=foo" },
    status: 415,
    code: 2,
    message:
      'unsupported charset "foo" in Content-Type "application/json; charset=foo": OTLP/JSON is UTF-8 (RFC 8259 §8.1); ' +
      "send the body as UTF-8 (charset=utf-8, or no charset), or name the encoding its bytes are in by a WHATWG Encoding Standard label (iso-8859-1, windows-1252, utf-16, …)",
  },
  {
    name: "an unsupported content encoding",
    body: () => JSON.stringify(logsRequest(uniqueId("brotli"))),
    headers: { ...JSON_TYPE, "Content-Encoding": "br" },
    status: 415,
    code: 2,
    message: 'unsupported Content-Encoding "br": use gzip (x-gzip), deflate (zlib), zstd or identity, one coding alone',
  },
  {
    name: "zstd declared but not sent",
    body: () => JSON.stringify(logsRequest(uniqueId("not-zstd"))),
    headers: { ...JSON_TYPE, "Content-Encoding": "zstd" },
    status: 400,
    code: 3,
    message:
      /^request body is not valid zstd: it does not start with zstd's frame magic 28 b5 2f fd, but it starts 7b 22 72 65 .*, so it looks uncompressed: drop the Content-Encoding: zstd header, or compress the body with zstd$/,
  },
  {
    name: "deflate declared but raw deflate sent (no zlib header)",
    body: () => deflateRawSync(JSON.stringify(logsRequest(uniqueId("raw-deflate")))),
    headers: { ...JSON_TYPE, "Content-Encoding": "deflate" },
    status: 400,
    code: 3,
    message: /^request body is not valid deflate \(zlib\): \S/,
  },
];

describe("bad input", () => {
  it.each(badInputs)("answers $name with $status and writes nothing", async ({ path, body, headers, status, code, message }) => {
    const before = await rowCounts(ingest);
    const response = await ingest.fetch(path ?? "/v1/logs", { method: "POST", body: body() as BodyInit, headers: { ...bearer(), ...headers } });
    expect(response.status).toBe(status);
    const encoding: Encoding = headers["Content-Type"] === "application/x-protobuf" ? "protobuf" : "json";
    const answer = await statusOf(response, encoding);
    expect(answer.code).toBe(code);
    if (typeof message === "string") expect(answer.message).toBe(message);
    else expect(answer.message).toMatch(message);
    // No raw binary echoed: control characters and U+FFFD (bytes that were not UTF-8) are escaped.
    expect(answer.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\ufffd]/);
    expect(response.headers.get("retry-after")).toBeNull();
    expect(await rowCounts(ingest)).toEqual(before);
  });
});

describe("auth", () => {
  const body = () => oracleEncode(oracle.logsRequest, logsRequest(uniqueId("auth")));

  it.each([
    { name: "no Authorization header", authorization: undefined, message: "missing bearer token: send `Authorization: Bearer <token>`" },
    {
      name: "Basic credentials",
      authorization: "Basic dXNlcjpwYXNz",
      message: "no bearer token: the Authorization header uses the Basic scheme; the ingest takes only Bearer tokens: send `Authorization: Bearer <token>`",
    },
    {
      name: "a registered scheme in another case",
      authorization: "digest username=\"shop\", response=\"6629fae49393a05397450978507c4ef1\"",
      message: "no bearer token: the Authorization header uses the Digest scheme; the ingest takes only Bearer tokens: send `Authorization: Bearer <token>`",
    },
    {
      name: "an unknown first word, which may be the credential",
      authorization: `${TEST_TOKEN} extra`,
      message:
        "no bearer token: the Authorization header uses a scheme other than Bearer (not repeated here, in case it is part of the credential); the ingest takes only Bearer tokens: send `Authorization: Bearer <token>`",
    },
    {
      name: "a token without a scheme",
      authorization: TEST_TOKEN,
      message: 'no authentication scheme: the Authorization header holds one word (a token without "Bearer "?); send `Authorization: Bearer <token>`',
    },
    {
      name: "the scheme glued to the token by a colon",
      authorization: `Bearer:${TEST_TOKEN}`,
      message: 'the Authorization header joins the Bearer scheme to the token with ":"; the scheme and the token are separated by a space: send `Authorization: Bearer <token>`',
    },
    { name: "an empty bearer token", authorization: "Bearer ", message: "empty bearer token: the Authorization header holds the Bearer scheme and no token; send `Authorization: Bearer <token>`" },
    { name: "a wrong token", authorization: "Bearer not-the-token", message: "invalid bearer token" },
    { name: "a prefix of the token", authorization: `Bearer ${TEST_TOKEN.slice(0, -1)}`, message: "invalid bearer token" },
  ])("refuses $name with 401 and writes nothing", async ({ authorization, message }) => {
    const before = await rowCounts(ingest);
    const response = await ingest.fetch("/v1/logs", {
      method: "POST",
      body: body() as BodyInit,
      headers: { ...PROTOBUF_TYPE, ...(authorization === undefined ? {} : { Authorization: authorization }) },
    });
    expect(response.status).toBe(401);
    // RFC 6750 §3: a token that matches none is an invalid_token; anything else a bare challenge.
    expect(response.headers.get("www-authenticate")).toBe(message === "invalid bearer token" ? 'Bearer error="invalid_token"' : "Bearer");
    const answer = await statusOf(response, "protobuf");
    expect(answer).toEqual({ code: 16, message });
    // What was sent is described, never repeated.
    for (const credential of [TEST_TOKEN, "dXNlcjpwYXNz", "6629fae49393a05397450978507c4ef1"]) expect(answer.message).not.toContain(credential);
    expect(await rowCounts(ingest)).toEqual(before);
  });

  it("checks the token before reading the body", async () => {
    const response = await ingest.fetch("/v1/traces", { method: "POST", body: "not even JSON", headers: JSON_TYPE });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe("Bearer");
    expect(await statusOf(response, "json")).toEqual({ code: 16, message: "missing bearer token: send `Authorization: Bearer <token>`" });
  });

  it.each(ROTATED_TOKENS)("accepts every configured token (%s) during a rotation", async (token) => {
    const runId = uniqueId("rotation");
    const response = await limited.fetch("/v1/logs", {
      method: "POST",
      body: JSON.stringify(logsRequest(runId)),
      headers: { ...JSON_TYPE, Authorization: `bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(await limited.rows(`SELECT count() AS n FROM otel_logs WHERE ResourceAttributes['run.id'] = '${runId}'`)).toEqual([{ n: "3" }]);
  });
});

describe("routes and methods", () => {
  it.each([
    { method: "POST", path: "/v1/profiles", message: "no route for POST /v1/profiles: OTLP paths are /v1/logs, /v1/traces and /v1/metrics" },
    { method: "POST", path: "/v1/logs/extra", message: "no route for POST /v1/logs/extra: OTLP paths are /v1/logs, /v1/traces and /v1/metrics" },
    { method: "GET", path: "/", message: "no route for GET /: OTLP paths are /v1/logs, /v1/traces and /v1/metrics" },
  ])("answers $method $path with 404", async ({ method, path, message }) => {
    const response = await ingest.fetch(path, { method, headers: { ...bearer(), ...JSON_TYPE }, ...(method === "POST" ? { body: "{}" } : {}) });
    expect(response.status).toBe(404);
    expect(await statusOf(response, "json")).toEqual({ code: 12, message });
  });

  it.each([
    { method: "GET", path: "/v1/logs" },
    { method: "PUT", path: "/v1/traces" },
    { method: "DELETE", path: "/v1/metrics" },
  ])("answers $method $path with 405 and Allow: POST", async ({ method, path }) => {
    const response = await ingest.fetch(path, { method, headers: { ...bearer(), ...PROTOBUF_TYPE }, ...(method === "PUT" ? { body: "x" } : {}) });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(await statusOf(response, "protobuf")).toEqual({ code: 2, message: `method ${method} is not allowed on ${path}: use POST` });
  });
});

describe("size limits", () => {
  /** A valid JSON logs request of at least `bytes` bytes (a long body pads it). */
  function paddedLogs(runId: string, bytes: number): string {
    const request = logsRequest(runId, logRecord(runId, { body: { stringValue: "p".repeat(bytes) } }));
    return JSON.stringify(request);
  }

  /** What a 413 tells the sender to change, after naming the limit. */
  const smaller = (limit: number, as: string) => `: send smaller batches, each under ${limit} bytes ${as}`;

  async function refusedWith413(response: Response, message: string): Promise<void> {
    expect(response.status).toBe(413);
    expect(await statusOf(response, "json")).toEqual({ code: 2, message });
  }

  it("refuses a body whose Content-Length is over MAX_BODY_BYTES", async () => {
    const before = await rowCounts(limited);
    const body = paddedLogs(uniqueId("over"), MAX_BODY_BYTES);
    const response = await limited.fetch("/v1/logs", { method: "POST", body, headers: { ...bearer(ROTATED_TOKENS[0]), ...JSON_TYPE } });
    await refusedWith413(response, `request body is ${Buffer.byteLength(body)} bytes, over the limit of ${MAX_BODY_BYTES} bytes (MAX_BODY_BYTES)${smaller(MAX_BODY_BYTES, "as sent")}`);
    expect(await rowCounts(limited)).toEqual(before);
  });

  it("refuses a streamed body without Content-Length once it passes MAX_BODY_BYTES", async () => {
    const before = await rowCounts(limited);
    const text = paddedLogs(uniqueId("streamed"), MAX_BODY_BYTES);
    const chunks = [text.slice(0, 600), text.slice(600)];
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks.shift();
        if (chunk === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(chunk));
      },
    });
    const response = await limited.fetch("/v1/logs", {
      method: "POST",
      body,
      duplex: "half",
      headers: { ...bearer(ROTATED_TOKENS[0]), ...JSON_TYPE },
    } as RequestInit);
    await refusedWith413(response, `request body is more than the limit of ${MAX_BODY_BYTES} bytes (MAX_BODY_BYTES)${smaller(MAX_BODY_BYTES, "as sent")}`);
    expect(await rowCounts(limited)).toEqual(before);
  });

  it.each([
    { name: "with Content-Encoding: gzip", headers: { "Content-Encoding": "gzip" } as Record<string, string> },
    { name: "found by its magic bytes", headers: {} as Record<string, string> },
  ])("refuses gzip that inflates past MAX_DECOMPRESSED_BYTES ($name)", async ({ headers }) => {
    const before = await rowCounts(limited);
    const body = gzipSync(paddedLogs(uniqueId("bomb"), 50_000));
    expect(body.byteLength).toBeLessThan(MAX_BODY_BYTES);
    const response = await limited.fetch("/v1/logs", {
      method: "POST",
      body,
      headers: { ...bearer(ROTATED_TOKENS[0]), ...JSON_TYPE, ...headers },
    });
    await refusedWith413(
      response,
      `decompressed request body is more than the limit of ${MAX_DECOMPRESSED_BYTES} bytes (MAX_DECOMPRESSED_BYTES)${smaller(MAX_DECOMPRESSED_BYTES, "uncompressed")}`,
    );
    expect(await rowCounts(limited)).toEqual(before);
  });

  it("refuses a body in a declared legacy charset whose UTF-8 passes MAX_DECOMPRESSED_BYTES, naming both sizes", async () => {
    const before = await rowCounts(limited);
    // 0x80 is € in windows-1252: one byte as sent, three as UTF-8.
    const text = Uint8Array.from(paddedLogs(uniqueId("charset-grows"), 1500), (char) => (char === "p" ? 0x80 : char.charCodeAt(0)));
    expect(text.length).toBeLessThan(MAX_DECOMPRESSED_BYTES);
    const response = await limited.fetch("/v1/logs", {
      method: "POST",
      body: gzipSync(text),
      headers: { ...bearer(ROTATED_TOKENS[0]), "Content-Type": "application/json; charset=iso-8859-1", "Content-Encoding": "gzip" },
    });
    await refusedWith413(
      response,
      `request body is ${text.length} bytes in windows-1252 as sent (uncompressed), but more than ${MAX_DECOMPRESSED_BYTES} bytes once read as UTF-8 ` +
        "from its charset, the limit of MAX_DECOMPRESSED_BYTES: send it as UTF-8 (charset=utf-8), or in smaller batches",
    );
    expect(await rowCounts(limited)).toEqual(before);
  });

  it("accepts gzip that is over MAX_BODY_BYTES only once inflated", async () => {
    const runId = uniqueId("inflates-within");
    const text = paddedLogs(runId, 1200);
    expect(Buffer.byteLength(text)).toBeGreaterThan(MAX_BODY_BYTES);
    expect(Buffer.byteLength(text)).toBeLessThan(MAX_DECOMPRESSED_BYTES);
    const response = await limited.fetch("/v1/logs", {
      method: "POST",
      body: gzipSync(text),
      headers: { ...bearer(ROTATED_TOKENS[1]), ...JSON_TYPE, "Content-Encoding": "gzip" },
    });
    expect(response.status).toBe(200);
    expect(await limited.rows(`SELECT count() AS n FROM otel_logs WHERE ResourceAttributes['run.id'] = '${runId}'`)).toEqual([{ n: "3" }]);
  });
});

describe("ClickHouse unavailable", () => {
  const logs = () => JSON.stringify(logsRequest(uniqueId("unavailable")));
  const post = (variant: string, path: string, body: string | Uint8Array, contentType = "application/json", requestId?: string) =>
    fetchVariant(variant, path, {
      method: "POST",
      body: body as BodyInit,
      headers: { ...bearer(), "Content-Type": contentType, ...(requestId === undefined ? {} : { "X-Request-Id": requestId }) },
    });
  /** The writer's log line with ClickHouse's text of a failure only an operator can fix, for the call `what`. */
  const operatorLogLine = (what: string) =>
    jsonLogLines(ingestOutput, "ClickHouse refused the Worker: an operator must act").filter((line) => line.call === what).at(-1);

  it("answers 502 with Retry-After when ClickHouse cannot be reached", async () => {
    const response = await post(UNREACHABLE, "/v1/logs", logs());
    expect(response.status).toBe(502);
    expect(response.headers.get("retry-after")).toBe("5");
    const status = await statusOf(response, "json");
    expect(status.code).toBe(14);
    expect(status.message).toMatch(
      /^ClickHouse is unreachable describing otel_logs: \S.*; the INSERT was not sent, so none of its rows are stored$/,
    );
    // The table, not the database: that is the operator's setting.
    expect(status.message).not.toContain(emptyDatabase.database);
    // A network failure says nothing about the schema: no hint that sends the operator there.
    expect(status.message).not.toContain("schema");
  });

  it("answers in the request's encoding: protobuf", async () => {
    const response = await post(UNREACHABLE, "/v1/traces", oracleEncode(oracle.tracesRequest, { resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: new Uint8Array(16).fill(1), spanId: new Uint8Array(8).fill(2), name: "x" }] }] }] }), "application/x-protobuf");
    expect(response.status).toBe(502);
    expect(response.headers.get("retry-after")).toBe("5");
    expect((await statusOf(response, "protobuf")).message).toMatch(/^ClickHouse is unreachable describing otel_traces: \S/);
  });

  it("answers 504 with Retry-After when ClickHouse does not answer in time", async () => {
    const response = await post(SLOW, "/v1/logs", logs());
    expect(response.status).toBe(504);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await statusOf(response, "json")).toEqual({
      code: 14,
      message: `ClickHouse did not answer in time describing otel_logs${NOT_SENT}`,
    });
  });

  it.each([
    { path: "/v1/logs", table: "otel_logs", body: logs },
    {
      path: "/v1/metrics",
      table: "otel_metrics_sum",
      body: () =>
        JSON.stringify({
          resourceMetrics: [{ scopeMetrics: [{ metrics: [{ name: "m", sum: { dataPoints: [{ timeUnixNano: recentNanos(), asInt: "1" }] } }] }] }],
        }),
    },
  ])("answers 503 naming the missing table when the schema was not applied ($table)", async ({ path, table, body }) => {
    const requestId = `no-schema-${table}`;
    const response = await post(NO_SCHEMA, path, body(), "application/json", requestId);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe(String(OPERATOR_FIX_RETRY_AFTER_SECONDS));
    expect(await statusOf(response, "json")).toEqual({
      code: 14,
      message:
        `ClickHouse error 60 (UNKNOWN_TABLE) describing ${table}: the table or its database does not exist; ` +
        "a retry succeeds only after the operator applies the schema (`npm run schema -- apply`) or sets the CLICKHOUSE_DATABASE and table settings to where it is; " +
        `ClickHouse's own text is in the Worker's log ${WORKER_LOG_COMMAND}${NOT_SENT} (request id ${requestId})`,
    });
    // ClickHouse's own text, which names the database, is in the Worker's log beside the request's line.
    await expect.poll(() => operatorLogLine(`describing ${table}`)?.clickhouse).toMatch(new RegExp(`${emptyDatabase.database}.*does not exist`));
  });

  it("answers 503 for the operator to fix when ClickHouse refuses the login, and logs what ClickHouse said", async () => {
    const requestId = "refused-login-logs";
    const response = await post(REFUSED_LOGIN, "/v1/logs", logs(), "application/json", requestId);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe(String(OPERATOR_FIX_RETRY_AFTER_SECONDS));
    // Not ClickHouse's text: it names the ClickHouse user (`default: Authentication failed: …`).
    expect(await statusOf(response, "json")).toEqual({
      code: 14,
      message:
        "ClickHouse error 516 (AUTHENTICATION_FAILED) describing otel_logs: ClickHouse refused the Worker's credentials; " +
        "a retry succeeds only after the operator fixes CLICKHOUSE_USER and CLICKHOUSE_PASSWORD, or the ClickHouse user they name; " +
        `ClickHouse's own text is in the Worker's log ${WORKER_LOG_COMMAND}${NOT_SENT} (request id ${requestId})`,
    });
    // The line carries the request's id, so an operator matches it with this answer.
    await expect
      .poll(() => jsonLogLines(ingestOutput, "ClickHouse refused the Worker: an operator must act").find((line) => line.requestId === requestId))
      .toMatchObject({ call: "describing otel_logs", clickhouse: expect.stringMatching(/^default: Authentication failed/) });
  });

  it.each([
    { variant: UNREACHABLE, status: 502, retryAfter: "5", message: /^ClickHouse is unreachable listing the tables: \S/ },
    { variant: SLOW, status: 504, retryAfter: "5", message: /^ClickHouse did not answer in time listing the tables$/ },
    {
      variant: REFUSED_LOGIN,
      status: 503,
      retryAfter: String(OPERATOR_FIX_RETRY_AFTER_SECONDS),
      message: /^ClickHouse error 516 \(AUTHENTICATION_FAILED\) listing the tables: ClickHouse refused the Worker's credentials; a retry succeeds only after/,
    },
  ])("GET /health/deep answers $status from $variant, while GET /health answers 200", async ({ variant, status, retryAfter, message }) => {
    const deep = await fetchVariant(variant, "/health/deep");
    expect(deep.status).toBe(status);
    expect(deep.headers.get("retry-after")).toBe(retryAfter);
    expect((await statusOf(deep, "json")).message).toMatch(message);
    const shallow = await fetchVariant(variant, "/health");
    expect(shallow.status).toBe(200);
    expect(await shallow.json()).toEqual({ status: "ok" });
  });

  // Before, it answered 200 here (it ran `SELECT 1` alone) while every export failed.
  it("GET /health/deep answers 503 naming every table the Worker writes when the schema was not applied", async () => {
    const response = await fetchVariant(NO_SCHEMA, "/health/deep", { headers: { "X-Request-Id": "deep-no-schema" } });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe(String(OPERATOR_FIX_RETRY_AFTER_SECONDS));
    expect(await statusOf(response, "json")).toEqual({
      code: 14,
      message:
        `ClickHouse answers, but tables ${TABLES.join(", ")} the Worker writes are missing from CLICKHOUSE_DATABASE or not visible to its user, ` +
        "so exports into them fail; a retry succeeds only after the operator applies the schema (`npm run schema -- apply`) or grants the user access " +
        "(request id deep-no-schema)",
    });
  });
});

describe("configuration errors", () => {
  /** The answer to any request while a setting is bad: nothing of the settings themselves. */
  const misconfigured = (requestId: string) =>
    `the deco-otel-ingest Worker is misconfigured: its log (\`wrangler tail deco-otel-ingest\`, with \`--env staging\` for a staging deployment) names the problem (request id ${requestId})`;

  /** The reason of the log line of the refused request `requestId`. */
  const loggedReason = (requestId: string) =>
    jsonLogLines(ingestOutput, "request refused").find((line) => line.requestId === requestId)?.reason;

  it.each([
    {
      variant: BAD_DATABASE_NAME,
      reason:
        'deco-otel-ingest configuration is invalid: CLICKHOUSE_DATABASE must be a plain identifier (letters, digits, underscore), got "bad-name!"',
    },
    {
      variant: NO_TOKENS,
      reason:
        "deco-otel-ingest configuration is invalid: INGEST_TOKENS is required (one or more comma-separated bearer tokens, " +
        "set with `wrangler secret put INGEST_TOKENS`); set AUTH_DISABLED=true only for local use",
    },
    {
      variant: NO_HASH_SECRET,
      reason:
        "deco-otel-ingest configuration is invalid: REDACTION_HASH_SECRET is required while redaction is on and CLICKHOUSE_URL is not on this machine: " +
        "it keys the hashes that replace personal values in metric attributes, which without a secret key could be recomputed and read back; " +
        "set 16 or more random characters with `npx wrangler secret put REDACTION_HASH_SECRET -c wrangler.ingest.jsonc` and keep them (a new key starts new metric series)",
    },
  ])("answers 503 saying only that the Worker is misconfigured, and logs the setting ($variant)", async ({ variant, reason }) => {
    for (const path of ["/v1/logs", "/health/deep"]) {
      const requestId = `${variant}${path.replaceAll("/", "-")}`;
      const response = await fetchVariant(variant, path, {
        method: path === "/health/deep" ? "GET" : "POST",
        headers: { ...bearer(), ...PROTOBUF_TYPE, "X-Request-Id": requestId },
        ...(path === "/health/deep" ? {} : { body: new Uint8Array(0) }),
      });
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("60");
      expect(await statusOf(response, "protobuf")).toEqual({ code: 14, message: misconfigured(requestId) });
      await expect.poll(() => loggedReason(requestId)).toBe(reason);
    }
    const shallow = await fetchVariant(variant, "/health");
    expect(shallow.status).toBe(200);
  });

  it("tells a caller without a token nothing of the settings, and logs them without the URL's password or query values", async () => {
    const requests = [
      { path: "/v1/logs", init: { method: "POST", headers: PROTOBUF_TYPE, body: new Uint8Array(0) }, encoding: "protobuf" },
      { path: "/v1/traces", init: { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" }, encoding: "json" },
      { path: "/health/deep", init: { method: "GET", headers: {} }, encoding: "json" },
    ] as const;
    for (const { path, init, encoding } of requests) {
      const requestId = `password-in-url${path.replaceAll("/", "-")}`;
      const response = await fetchVariant(PASSWORD_IN_URL, path, { ...init, headers: { ...init.headers, "X-Request-Id": requestId } });
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("60");
      expect(await statusOf(response, encoding)).toEqual({ code: 14, message: misconfigured(requestId) });
      await expect.poll(() => loggedReason(requestId)).toBe(
        "deco-otel-ingest configuration is invalid: " +
          'CLICKHOUSE_URL must be an http(s) URL, got "clickhouse://default:***@ch.internal:9000/?password=***"; ' +
          'CLICKHOUSE_DATABASE must be a plain identifier (letters, digits, underscore), got "my-db"; ' +
          'MAX_BODY_BYTES must be a whole number from 1024 to 104857600, got "1e6"',
      );
    }
    const admin = await fetchVariant(PASSWORD_IN_URL, "/admin/dead-letters");
    expect(admin.status).toBe(503);
    expect(admin.headers.get("retry-after")).toBe("60");
    expect(await admin.json()).toEqual({
      error: "the deco-otel-ingest Worker is misconfigured: its log (`wrangler tail deco-otel-ingest`, with `--env staging` for a staging deployment) names the problem",
    });
    await expect.poll(() => jsonLogLines(ingestOutput, "request refused").some((line) => line.path === "/admin/dead-letters")).toBe(true);
    expect(ingestOutput.lines().join("\n")).not.toMatch(/hunter/);
  });
});
