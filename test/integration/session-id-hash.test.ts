/**
 * A session's id through the ingest Worker in workerd into the local ClickHouse, sent as OTLP/JSON
 * log records the way applications print it: logfmt (`session_id=…`), a `Cookie` header line
 * (`JSESSIONID=…`), and OpenTelemetry's `session.id` attribute. Each is stored as the same keyed-hash
 * marker, so a query groups one session's lines by it, and two sessions stay apart; the id itself
 * is stored nowhere.
 */
import { describe, expect, it } from "vitest";
import { uniqueId } from "../support/export-results";
import { ingestWorkerForFile, postJsonLogs, runLogsRequest } from "../support/ingest-run";

const ingest = ingestWorkerForFile("session_hash");

const SESSION = "8f3a2b9c1d2e4f5ab6c7d8e9";
const OTHER = "0c1d2e3f4a5b4c6d8e7f90a1";

describe("one session's log lines", () => {
  it("group in ClickHouse by the marker their session's id left, however it was written", async () => {
    const runId = uniqueId("session-hash");
    const record = (seq: number, body: string, attributes: Array<{ key: string; value: { stringValue: string } }> = []) => ({
      timeUnixNano: `${Date.now()}000000`,
      body: { stringValue: body },
      attributes: [{ key: "seq", value: { stringValue: String(seq) } }, ...attributes],
    });
    await postJsonLogs(
      ingest(),
      runLogsRequest(runId, `shop-${runId}`, "shop", [
        record(1, `level=info session_id=${SESSION} msg="cart updated"`),
        record(2, `request headers: Cookie: JSESSIONID=${SESSION}; theme=dark`),
        record(3, `level=info session_id=${OTHER} msg="cart updated"`),
        record(4, "checkout started", [{ key: "session.id", value: { stringValue: SESSION } }]),
      ]),
    );

    const groups = await ingest().rows<{ marker: string; lines: string }>(
      `SELECT extract(Body, '\\\\[REDACTED:secret:[0-9a-f]{16}\\\\]') AS marker, toString(count()) AS lines
       FROM otel_logs WHERE ResourceAttributes['run.id'] = '${runId}' AND marker != '' GROUP BY marker ORDER BY lines DESC`,
    );
    expect(groups.map((group) => group.lines)).toEqual(["2", "1"]);
    const [session, other] = groups.map((group) => group.marker);
    expect(session).toMatch(/^\[REDACTED:secret:[0-9a-f]{16}\]$/);
    expect(other).not.toBe(session);

    const rows = await ingest().rows<{ Body: string; LogAttributes: Record<string, string> }>(
      `SELECT Body, LogAttributes FROM otel_logs WHERE ResourceAttributes['run.id'] = '${runId}' ORDER BY toUInt32(LogAttributes['seq'])`,
    );
    expect(rows.map((row) => row.Body)).toEqual([
      `level=info session_id=${session} msg="cart updated"`,
      `request headers: Cookie: JSESSIONID=${session}; theme=dark`,
      `level=info session_id=${other} msg="cart updated"`,
      "checkout started",
    ]);
    // The attribute under OpenTelemetry's key wears the same marker: the session's lines and spans join on it.
    expect(rows[3]!.LogAttributes["session.id"]).toBe(session);
    expect(rows.slice(0, 3).map((row) => row.LogAttributes["redaction.kinds"])).toEqual(["secret_param", "secret_param", "secret_param"]);
    for (const id of [SESSION, OTHER]) expect(JSON.stringify(rows)).not.toContain(id);
  });
});
