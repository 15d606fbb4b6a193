import { describe, expect, it } from "vitest";
import { ClickHouseServerError, httpErrorForClickHouseFailure, parseServerError } from "../../workers/ingest/clickhouse/errors";

describe("ClickHouse exception text", () => {
  it("gives the code, the name and the message of a server exception", () => {
    const error = parseServerError(
      "Code: 60. DB::Exception: Table otel.otel_logs does not exist. (UNKNOWN_TABLE) (version 25.8.1.1 (official build))\n",
    );
    expect(error).toBeInstanceOf(ClickHouseServerError);
    expect(error).toMatchObject({ code: "60", type: "UNKNOWN_TABLE", message: "Table otel.otel_logs does not exist. " });
  });

  it("takes the innermost exception of a wrapped one, up to its own name", () => {
    const error = parseServerError(
      "Code: 27. DB::Exception: There was an error on [ch-2:9000]: Code: 27. DB::Exception: Cannot parse input: expected '\"' (2). (CANNOT_PARSE_INPUT_ASSERTION_FAILED) (version 25.8). (CANNOT_PARSE_INPUT_ASSERTION_FAILED) (version 25.8)",
    );
    expect(error).toMatchObject({ code: "27", type: "CANNOT_PARSE_INPUT_ASSERTION_FAILED", message: "Cannot parse input: expected '\"' (2). " });
    expect(httpErrorForClickHouseFailure(error, "inserting 3 rows")).toMatchObject({ status: 500, rowsRejected: true });
  });

  it("keeps any other answer (a proxy's page) as a plain error, answered as unreachable", () => {
    const error = parseServerError("<html><body>502 Bad Gateway</body></html>");
    expect(error).not.toBeInstanceOf(ClickHouseServerError);
    expect(httpErrorForClickHouseFailure(error, "on ping")).toMatchObject({
      status: 502,
      message: "ClickHouse is unreachable on ping: <html><body>502 Bad Gateway</body></html>",
    });
  });
});
