/**
 * Access: who may write, and what never leaks. A wrong, missing or malformed bearer token is
 * answered 401 with nothing written and nothing said about the expected token; neither the
 * tokens nor the ClickHouse password ever reach a log line or an answer, on success or error.
 */
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unstable_readConfig } from "wrangler";
import { authenticateBearer } from "../../workers/ingest/http/auth";
import { readIngestTokens, type IngestToken } from "../../workers/ingest/http/tokens";
import { HttpError } from "../../workers/ingest/http/errors";
import { startIngestWorker, TEST_TOKEN, type IngestUnderTest } from "../support/ingest-worker";
import { logsPayload, type Payload } from "../support/otlp-payloads";
import { captureRuntimeOutput, type RuntimeOutput } from "../support/runtime-output";

const SECOND_TOKEN = "rotated-token-9876543210";
const CLICKHOUSE_PASSWORD = "clickhouse-password-must-not-leak-4242";

/** Authorization headers that must all be refused, with what each one tries. */
const REFUSED: ReadonlyArray<[string, Record<string, string>]> = [
  ["no header", {}],
  ["an empty bearer", { Authorization: "Bearer " }],
  ["another scheme", { Authorization: `Basic ${Buffer.from(`user:${TEST_TOKEN}`).toString("base64")}` }],
  ["the token without a scheme", { Authorization: TEST_TOKEN }],
  ["a prefix of the token", { Authorization: `Bearer ${TEST_TOKEN.slice(0, -1)}` }],
  ["the token and one more character", { Authorization: `Bearer ${TEST_TOKEN}0` }],
  ["the token in another case", { Authorization: `Bearer ${TEST_TOKEN.toUpperCase()}` }],
  ["two tokens joined", { Authorization: `Bearer ${TEST_TOKEN},${SECOND_TOKEN}` }],
  ["a wrong token", { Authorization: "Bearer wrong-token-000000000" }],
  ["the ClickHouse password", { Authorization: `Bearer ${CLICKHOUSE_PASSWORD}` }],
];

async function rowCount(ingest: IngestUnderTest): Promise<number> {
  const [row] = await ingest.rows<{ n: string }>("SELECT count() AS n FROM otel_logs");
  return Number(row!.n);
}

function post(ingest: IngestUnderTest, headers: Record<string, string>, payload: Payload, path = "/v1/logs") {
  return ingest.fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/x-protobuf", ...headers },
    body: payload.protobuf.slice(),
  });
}

describe("bearer token checks", () => {
  let ingest: IngestUnderTest;
  let output: RuntimeOutput;
  let payload: Payload;

  beforeAll(async () => {
    output = captureRuntimeOutput();
    payload = await logsPayload({ records: 3 });
    ingest = await startIngestWorker({
      prefix: "access",
      vars: { INGEST_TOKENS: `${TEST_TOKEN}, ${SECOND_TOKEN}`, CLICKHOUSE_PASSWORD: "" },
      handleRuntimeStdio: output.handleRuntimeStdio,
    });
  });
  afterAll(() => ingest?.dispose());

  it.each(REFUSED)("refuses %s with 401, writes nothing and names no token", async (_what, headers) => {
    const response = await post(ingest, headers, payload);
    const text = await response.text();
    expect(response.status).toBe(401);
    expect(text).toMatch(/(missing|invalid|empty|no) bearer token|no authentication scheme/);
    for (const secret of [TEST_TOKEN, SECOND_TOKEN, CLICKHOUSE_PASSWORD]) expect(text).not.toContain(secret);
    expect(await rowCount(ingest)).toBe(0);
  });

  it("does not take the token from the query string", async () => {
    const response = await post(ingest, {}, payload, `/v1/logs?token=${TEST_TOKEN}&access_token=${TEST_TOKEN}`);
    expect(response.status).toBe(401);
    expect(await rowCount(ingest)).toBe(0);
  });

  it("accepts every configured token, with the scheme in any case, so keys can be rotated", async () => {
    for (const [i, authorization] of [`Bearer ${TEST_TOKEN}`, `bearer ${SECOND_TOKEN}`].entries()) {
      const response = await post(ingest, { Authorization: authorization }, await logsPayload({ records: 3, seed: 10 + i }));
      expect(response.status).toBe(200);
    }
    expect(await rowCount(ingest)).toBe(6);
  });

  it("never writes a token or the password to the log, refused or accepted", () => {
    const lines = output.lines();
    // The log is not empty: refusals and writes were logged, so the check below means something.
    expect(lines.some((line) => line.includes('"msg":"request refused"') && line.includes('"status":401'))).toBe(true);
    expect(lines.some((line) => line.includes('"msg":"export written"'))).toBe(true);
    for (const line of lines) {
      for (const secret of [TEST_TOKEN, SECOND_TOKEN, TEST_TOKEN.toUpperCase(), "wrong-token-000000000", CLICKHOUSE_PASSWORD]) {
        expect(line).not.toContain(secret);
      }
    }
  });
});

describe("the ClickHouse password", () => {
  let ingest: IngestUnderTest;
  let output: RuntimeOutput;

  beforeAll(async () => {
    output = captureRuntimeOutput();
    // The local server's user has no password, so this one is refused: every write fails.
    ingest = await startIngestWorker({
      prefix: "access_password",
      vars: { CLICKHOUSE_PASSWORD },
      handleRuntimeStdio: output.handleRuntimeStdio,
    });
  });
  afterAll(() => ingest?.dispose());

  it("appears in no answer and no log line when ClickHouse refuses it", async () => {
    const payload = await logsPayload({ records: 2 });
    const answers = await Promise.all([
      post(ingest, { Authorization: `Bearer ${TEST_TOKEN}` }, payload),
      post(ingest, { Authorization: `Bearer ${TEST_TOKEN}`, "Content-Type": "application/json" }, { ...payload, protobuf: payload.json }),
      ingest.fetch("/health/deep"),
    ]);
    for (const answer of answers) {
      const text = await answer.text();
      expect(answer.status).toBeGreaterThanOrEqual(500);
      expect(text).not.toContain(CLICKHOUSE_PASSWORD);
      expect(text).not.toContain(Buffer.from(`default:${CLICKHOUSE_PASSWORD}`).toString("base64"));
    }
    const lines = output.lines();
    expect(lines.some((line) => line.includes('"msg":"request refused"'))).toBe(true);
    for (const line of lines) {
      expect(line).not.toContain(CLICKHOUSE_PASSWORD);
      expect(line).not.toContain(TEST_TOKEN);
    }
  });
});

describe("the wrangler files", () => {
  const root = fileURLToPath(new URL("../../", import.meta.url));

  it.each(["wrangler.ingest.jsonc", "wrangler.tail.jsonc"])("%s sets no secret as a var", (file) => {
    const config = unstable_readConfig({ config: `${root}${file}` }, { hideWarnings: true });
    for (const secret of ["CLICKHOUSE_PASSWORD", "INGEST_TOKENS", "REDACTION_HASH_SECRET"]) {
      expect(Object.keys(config.vars)).not.toContain(secret);
    }
  });
});

describe("authenticateBearer", () => {
  const configured = (secrets: string[]): IngestToken[] => {
    const parsed = readIngestTokens(secrets.join(","));
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.tokens;
  };
  const refusal = async (authorization: string | null, secrets: string[]) => {
    try {
      await authenticateBearer(authorization, configured(secrets));
    } catch (error) {
      expect(error).toBeInstanceOf(HttpError);
      return { status: (error as HttpError).status, message: (error as HttpError).message };
    }
    return undefined;
  };

  it("gives the same answer however close a wrong token comes, so the answer is no oracle", async () => {
    const tokens = [TEST_TOKEN, SECOND_TOKEN];
    const near = await refusal(`Bearer ${TEST_TOKEN.slice(0, -1)}x`, tokens);
    const far = await refusal("Bearer x", tokens);
    const longer = await refusal(`Bearer ${TEST_TOKEN}${TEST_TOKEN}`, tokens);
    expect(near).toEqual({ status: 401, message: "invalid bearer token" });
    expect(far).toEqual(near);
    expect(longer).toEqual(near);
    expect(await refusal(null, tokens)).toEqual({
      status: 401,
      message: "missing bearer token: send `Authorization: Bearer <token>`",
    });
  });

  it("accepts any configured token, padded by whitespace", async () => {
    expect(await refusal(`Bearer ${SECOND_TOKEN}`, [TEST_TOKEN, SECOND_TOKEN])).toBeUndefined();
    expect(await refusal(`  Bearer   ${TEST_TOKEN}  `, [TEST_TOKEN])).toBeUndefined();
    expect(await refusal(`Bearer ${TEST_TOKEN}`, [])).toEqual({ status: 401, message: "invalid bearer token" });
  });
});
