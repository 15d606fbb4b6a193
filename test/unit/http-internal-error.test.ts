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

describe("the frame named for an exception", () => {
  it("is read after the stack's header, so a message quoting a line of the input is never taken for one", () => {
    for (const input of ["x\n at ana.silva@example.com hunter2 }", '{"a":\n at ana@x.com']) {
      let thrown: unknown;
      try {
        JSON.parse(input);
      } catch (error) {
        thrown = error;
      }
      const message = toHttpError(thrown).message;
      expect(message).toMatch(/^internal error: SyntaxError at /);
      expect(message).not.toMatch(/ana|hunter2/);
    }
    const made = new Error("bad: \n    at ana.silva@example.com");
    expect(toHttpError(made).message).not.toContain("ana.silva");
    expect(toHttpError(made).message).toMatch(/^internal error: Error at .*http-internal-error\.test\.ts/);
  });

  it("is left out when the stack no longer opens with the exception's message", () => {
    const changed = new TypeError("first");
    changed.message = "later\n at ana.silva@example.com";
    changed.stack = `TypeError: later\n at ana.silva@example.com\n    at somewhere (file.js:1:1)`;
    expect(toHttpError(changed).message).toMatch(/^internal error: TypeError at somewhere \(file\.js:1:1\) /);
    changed.stack = "something else\n at ana.silva@example.com";
    expect(toHttpError(changed).message).toBe(
      "internal error: TypeError (a fault of this endpoint; its message is not shown, for it may quote the request's data)",
    );
  });
});
