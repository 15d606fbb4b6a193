/**
 * The README's one-request query and the demo's are one text: the module's, shown in the README
 * for `req-123` on the bare table names.
 */
import { describe, expect, it } from "vitest";
import { oneRequestQuery } from "../../scripts/dev/demo/one-request-query";
import { readmeSql } from "../support/readme-query";

describe("the one-request query", () => {
  it("is the README's text, word for word", () => {
    expect(readmeSql("Everything about one request")).toBe(oneRequestQuery("req-123"));
  });

  it("names the tables it is given and quotes the id as a ClickHouse string", () => {
    const sql = oneRequestQuery("it's\\x", { logs: "otel.otel_logs", traces: "otel.otel_traces" });
    expect(sql).not.toMatch(/FROM otel_(logs|traces)\b/);
    expect(sql.match(/FROM otel\.otel_logs\b/g)).toHaveLength(3);
    expect(sql.match(/FROM otel\.otel_traces\b/g)).toHaveLength(3);
    expect(sql.match(/'it\\'s\\\\x'/g)).toHaveLength(3);
  });
});
