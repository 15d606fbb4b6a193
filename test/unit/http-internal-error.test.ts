/**
 * An unexpected exception's answer and log line (toHttpError): a 500 that names the exception and
 * where it was thrown, never its message, which may quote the request's data.
 */
import { describe, expect, it } from "vitest";
import { toHttpError, logReasonOf } from "../../workers/ingest/http/app";

describe("the answer to an unexpected exception", () => {
  it("names the exception and its first frame, and no part of a message that quotes the request's data", () => {
    let thrown: unknown;
    try {
      JSON.parse("ana.silva@example.com wrote");
    } catch (error) {
      thrown = error;
    }
    expect(String((thrown as Error).message)).toContain("ana.silva@");
    const answer = toHttpError(thrown, "req-1");
    expect(answer.status).toBe(500);
    expect(answer.retryAfterSeconds).toBeUndefined();
    expect(answer.message).toMatch(/^internal error: SyntaxError at .+ \(a fault of this endpoint, request id req-1; its message is not shown, for it may quote the request's data\)$/);
    expect(answer.message).not.toContain("ana.silva");
    expect(logReasonOf(thrown, answer)).toBe(answer.message);
  });

  it("names a thrown non-Error by its type", () => {
    expect(toHttpError("password=hunter2").message).toBe(
      "internal error: string (a fault of this endpoint; its message is not shown, for it may quote the request's data)",
    );
  });
});
