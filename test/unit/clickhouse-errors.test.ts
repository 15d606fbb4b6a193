import { describe, expect, it } from "vitest";
import {
  ClickHouseAnswerError,
  ClickHouseServerError,
  connectionLost,
  exceptionInBody,
  type ClickHouseCall,
  MAY_BE_WRITTEN,
  NONE_STORED,
  NOT_SENT,
  httpErrorForClickHouseFailure,
  OperatorFixFailure,
  parseServerError,
  ProxyAnswerError,
  TooLargeForPathFailure,
} from "../../workers/ingest/clickhouse/errors";
import { SchemaDriftFailure } from "../../workers/ingest/clickhouse/schema-drift";
import { OPERATOR_FIX_RETRY_AFTER_SECONDS, WORKER_LOG_COMMAND } from "../../workers/ingest/http/errors";

/** What every failure only an operator can fix is: retryable after the long wait, its rows known unwritten. */
const OPERATOR_FIX = { status: 503, retryAfterSeconds: OPERATOR_FIX_RETRY_AFTER_SECONDS, rowsRejected: false, knownUnwritten: true };

describe("ClickHouse exception text", () => {
  it("gives the code, the name and the message of a server exception", () => {
    const error = parseServerError(
      "Code: 60. DB::Exception: Table otel.otel_logs does not exist. (UNKNOWN_TABLE) (version 25.8.1.1 (official build))\n",
    );
    expect(error).toBeInstanceOf(ClickHouseServerError);
    expect(error).toMatchObject({ code: "60", type: "UNKNOWN_TABLE", message: "Table otel.otel_logs does not exist." });
  });

  it("takes the innermost exception of a wrapped one, up to its own name", () => {
    const error = parseServerError(
      "Code: 27. DB::Exception: There was an error on [ch-2:9000]: Code: 27. DB::Exception: Cannot parse input: expected '\"' (2). (CANNOT_PARSE_INPUT_ASSERTION_FAILED) (version 25.8). (CANNOT_PARSE_INPUT_ASSERTION_FAILED) (version 25.8)",
    );
    expect(error).toMatchObject({ code: "27", type: "CANNOT_PARSE_INPUT_ASSERTION_FAILED", message: "Cannot parse input: expected '\"' (2)." });
    expect(httpErrorForClickHouseFailure(error, "inserting 3 rows")).toMatchObject({ status: 400, rowsRejected: true });
  });

  it("keeps any other answer (a proxy's page) as the proxy's, saying its status and its text without HTML", () => {
    const error = parseServerError("<html><body>502 Bad Gateway</body></html>", 502);
    expect(error).toBeInstanceOf(ProxyAnswerError);
    expect(httpErrorForClickHouseFailure(error, "on ping", undefined, "query")).toMatchObject({
      status: 502,
      retryAfterSeconds: 5,
      message: "CLICKHOUSE_URL answered HTTP 502 on ping, not ClickHouse's answer: 502 Bad Gateway",
    });
    const page =
      "<html>\r\n<head><title>500 Internal Server Error</title><style>h1{}</style></head>\r\n<body><h1>500 Internal Server Error</h1></body></html>";
    expect(httpErrorForClickHouseFailure(parseServerError(page, 500), "inserting 3 rows into otel_logs").message).toBe(
      // A proxy's page is not known to come before the rows were forwarded (errors.ts, unwrittenBy).
      "CLICKHOUSE_URL answered HTTP 500 inserting 3 rows into otel_logs, not ClickHouse's answer: 500 Internal Server Error" + MAY_BE_WRITTEN,
    );
  });

  it.each([401, 403, 407, 404])("answers a proxy's own %i as the operator's to fix: known unwritten, the page for the log alone", (status) => {
    const page = `<html><head><title>${status} Refused</title></head><body><h1>${status} Refused</h1><p>gate detail</p></body></html>`;
    const failure = httpErrorForClickHouseFailure(parseServerError(page, status), "inserting 3 rows into otel_logs");
    expect(failure).toBeInstanceOf(OperatorFixFailure);
    expect(failure).toMatchObject({
      ...OPERATOR_FIX,
      refusedBy: "a proxy",
      serverText: `${status} Refused`,
    });
    expect(failure.message).toMatch(new RegExp(`^CLICKHOUSE_URL answered HTTP ${status} inserting 3 rows into otel_logs, not ClickHouse's answer: .*; a retry succeeds only after the operator `));
    expect(failure.message).not.toContain("Refused");
    expect(failure.message.endsWith(NONE_STORED)).toBe(true);
    // ClickHouse's own 403 carries its code, and is ClickHouse's credentials, not a proxy's.
    const own = parseServerError("Code: 516. DB::Exception: default: Authentication failed. (AUTHENTICATION_FAILED) (version 25.8)", 403);
    expect(httpErrorForClickHouseFailure(own, "inserting 3 rows into otel_logs")).toMatchObject({ refusedBy: "ClickHouse" });
  });

  it("answers a proxy's 413 as too large for the path: not retryable, known unwritten", () => {
    const failure = httpErrorForClickHouseFailure(parseServerError("<html><body>Request Entity Too Large</body></html>", 413), "inserting 9 rows into t");
    expect(failure).toBeInstanceOf(TooLargeForPathFailure);
    expect(failure).toMatchObject({ status: 413, retryAfterSeconds: undefined, rowsRejected: false, knownUnwritten: true });
    expect(failure.message).toBe(
      "CLICKHOUSE_URL answered HTTP 413 inserting 9 rows into t, not ClickHouse's answer: Request Entity Too Large " +
        "(the INSERT's body is over what the path to ClickHouse takes; it cannot succeed as it is)",
    );
    // Without a queue to cut it into, the operator's to fix, with the size the limit must take:
    // the largest refused INSERT body of the request, once the writer has given the sizes.
    const refused = "CLICKHOUSE_URL answered HTTP 413 inserting 9 rows into t, not ClickHouse's answer: Request Entity Too Large " +
      "(the INSERT's body is over what the path to ClickHouse takes); a retry succeeds only after the operator raises the proxy's body limit (nginx's client_max_body_size) ";
    const others =
      "; other requests' INSERTs can be bigger: the Worker puts up to 496000 bytes of row values in an INSERT of several rows " +
      "(a row alone over that goes in one of its own), and the JSONEachRow text it sends names every column in every row";
    const withoutQueue = (failure as TooLargeForPathFailure).withoutQueue(496000, undefined);
    expect(withoutQueue).toMatchObject(OPERATOR_FIX);
    expect(withoutQueue.message).toBe(`${refused}to take the Worker's INSERT bodies${others}${NONE_STORED}`);
    const sized = (failure as TooLargeForPathFailure).ofInsertBody(310_412);
    expect(sized).toMatchObject({ status: 413, message: failure.message, insertBytes: 310_412 });
    expect(sized.withoutQueue(496000, 320_000)).toMatchObject(OPERATOR_FIX);
    expect(sized.withoutQueue(496000, 320_000).message).toBe(
      `${refused}to at least 320000 bytes, the largest of this request's INSERT bodies it refused${others}${NONE_STORED}`,
    );
  });
});

describe("an exception in the body of an HTTP 200 answer (status sent before the error)", () => {
  const INSERTING = "inserting 2 rows into otel.otel_logs";

  it("is the exception, classified as the same code sent as a proper error, saying where it came", () => {
    const exception = exceptionInBody(
      "Code: 252. DB::Exception: Too many parts (300 with average size of 1.00 KiB) in table 'otel.otel_logs'. Merges are processing significantly slower than inserts. (TOO_MANY_PARTS) (version 25.8.1.1 (official build))\n",
    );
    expect(exception).toBeInstanceOf(ClickHouseServerError);
    expect(exception).toMatchObject({ code: "252", type: "TOO_MANY_PARTS", afterSuccessStatus: true });
    const failure = httpErrorForClickHouseFailure(exception, INSERTING);
    const proper = httpErrorForClickHouseFailure(new ClickHouseServerError("252", "TOO_MANY_PARTS", "Too many parts"), INSERTING);
    expect(failure).toMatchObject({ status: proper.status, retryAfterSeconds: proper.retryAfterSeconds, rowsRejected: false });
    expect(failure.status).toBe(429);
    expect(failure.retryAfterSeconds).toBe(5);
    expect(failure.message).toBe(
      "ClickHouse error 252 (TOO_MANY_PARTS) inserting 2 rows into otel.otel_logs (in the body of an HTTP 200 answer): Too many parts (300 with average size of 1.00 KiB) in table 'otel.otel_logs'. Merges are processing significantly slower than inserts." + MAY_BE_WRITTEN,
    );
  });

  it("keeps the rows' own errors refused and other codes retryable, as sent properly", () => {
    const parse = exceptionInBody("Code: 27. DB::Exception: Cannot parse input: expected '\"' at row 2. (CANNOT_PARSE_INPUT_ASSERTION_FAILED) (version 25.8)");
    expect(httpErrorForClickHouseFailure(parse, INSERTING)).toMatchObject({ status: 400, rowsRejected: true });
    const keeper = exceptionInBody("Code: 999. DB::Exception: Coordination error: Connection loss. (KEEPER_EXCEPTION) (version 25.8)");
    expect(httpErrorForClickHouseFailure(keeper, INSERTING)).toMatchObject({ status: 503, retryAfterSeconds: 5, rowsRejected: false });
  });

  it("is found after rows already sent, in the older text and in the __exception__ marker", () => {
    const afterRows = exceptionInBody('{"name":"Body","type":"String","default_type":""}\nCode: 241. DB::Exception: Memory limit exceeded. (MEMORY_LIMIT_EXCEEDED) (version 25.8)\n');
    expect(afterRows).toMatchObject({ code: "241", type: "MEMORY_LIMIT_EXCEEDED" });
    const older = exceptionInBody("1\nCode: 159, e.displayText() = DB::Exception: Timeout exceeded: elapsed 5 seconds. (TIMEOUT_EXCEEDED) (version 21.3.1.1)");
    expect(older).toMatchObject({ code: "159", type: "TIMEOUT_EXCEEDED" });
    const marked = exceptionInBody(
      '{"name":"Body","type":"String","default_type":""}\r\n__exception__\r\nxvbdtjwkqmzrpfhs\r\nCode: 252. DB::Exception: Too many parts. (TOO_MANY_PARTS) (version 25.10.1.1)\r\n78 xvbdtjwkqmzrpfhs\r\n__exception__\r\n',
    );
    expect(marked).toMatchObject({ code: "252", type: "TOO_MANY_PARTS", afterSuccessStatus: true });
  });

  it("is an unreadable answer, not an outage, when the marker has no exception after it", () => {
    const marked = exceptionInBody("__exception__\r\ncut short");
    expect(marked).toBeInstanceOf(ClickHouseAnswerError);
    expect(httpErrorForClickHouseFailure(marked, "describing otel_logs", undefined, "before insert")).toMatchObject({
      status: 502,
      retryAfterSeconds: 5,
      knownUnwritten: true,
      message: `ClickHouse gave an unreadable answer describing otel_logs: an exception marker without a readable exception after an HTTP 200: __exception__${NOT_SENT}`,
    });
  });

  it("is nothing in a healthy answer: an INSERT's empty body, SELECT 1, rows that mention an exception", () => {
    expect(exceptionInBody("")).toBeUndefined();
    expect(exceptionInBody("1\n")).toBeUndefined();
    expect(
      exceptionInBody('{"name":"Body","type":"String","default_type":"","comment":"Code: 252. DB::Exception: x (TOO_MANY_PARTS)"}\n'),
    ).toBeUndefined();
    expect(exceptionInBody("", false)).toBeUndefined();
    expect(exceptionInBody("Ok.\n", false)).toBeUndefined();
  });

  it("is found anywhere in an INSERT's answer, which has no rows: after a word on the same line", () => {
    for (const text of [
      "Ok. Code: 241. DB::Exception: Memory limit exceeded. (MEMORY_LIMIT_EXCEEDED) (version 25.8)\n",
      "  Code: 241. DB::Exception: Memory limit exceeded. (MEMORY_LIMIT_EXCEEDED) (version 25.8)",
      "Ok. Code: 241, e.displayText() = DB::Exception: Memory limit exceeded. (MEMORY_LIMIT_EXCEEDED) (version 21.3.1.1)",
    ]) {
      expect(exceptionInBody(text, false)).toMatchObject({ code: "241", type: "MEMORY_LIMIT_EXCEEDED", afterSuccessStatus: true });
      // In a statement's rows, text on a line after other text is data.
      expect(exceptionInBody(text)).toBeUndefined();
    }
  });
});

describe("failures only an operator can fix", () => {
  /** What the sender is told of a kind of failure: the failure without ClickHouse's text, and the fix. */
  const told = (kind: string, fix: string) => ({ kind, fix: `; a retry succeeds only after the operator ${fix}` });
  const CREDENTIALS = told("ClickHouse refused the Worker's credentials", "fixes CLICKHOUSE_USER and CLICKHOUSE_PASSWORD, or the ClickHouse user they name");
  const GRANTS = told("the Worker's ClickHouse user may not do this", "grants the ClickHouse user INSERT and SELECT on the tables, without a readonly profile");
  const SCHEMA = told(
    "the table or its database does not exist",
    "applies the schema (`npm run schema -- apply`) or sets the CLICKHOUSE_DATABASE and table settings to where it is",
  );
  const ADDRESS = told("ClickHouse refused the Worker's address", "lets the ClickHouse user connect from Cloudflare's addresses (its HOST clause)");
  const SETTING = told("ClickHouse does not know a setting the Worker sends", "runs a ClickHouse version that has it");

  it.each([
    ["516", "AUTHENTICATION_FAILED", "default: Authentication failed: password is incorrect, or there is no user with such name.", CREDENTIALS],
    ["192", "UNKNOWN_USER", "There is no user `ingest` in user directories.", CREDENTIALS],
    ["193", "WRONG_PASSWORD", "Wrong password for user ingest", CREDENTIALS],
    ["194", "REQUIRED_PASSWORD", "ingest: Password required", CREDENTIALS],
    ["195", "IP_ADDRESS_NOT_ALLOWED", "ingest: Connections from 203.0.113.9 are not allowed", ADDRESS],
    ["497", "ACCESS_DENIED", "ingest: Not enough privileges. To execute this query, it's necessary to have the grant INSERT ON otel.otel_logs", GRANTS],
    ["291", "DATABASE_ACCESS_DENIED", "Access denied to database otel for user ingest", GRANTS],
    ["164", "READONLY", "ingest: Cannot execute query in readonly mode", GRANTS],
    ["60", "UNKNOWN_TABLE", "Table otel.otel_logs does not exist.", SCHEMA],
    ["81", "UNKNOWN_DATABASE", "Database otel does not exist.", SCHEMA],
    ["115", "UNKNOWN_SETTING", "Unknown setting async_insert_deduplicate", SETTING],
  ] as const)("%s %s: a 503 with the operator's wait, saying what to fix and not ClickHouse's text, which the log gets", (code, name, text, { kind, fix }) => {
    const failure = httpErrorForClickHouseFailure(new ClickHouseServerError(code, name, text), "inserting 2 rows into otel_logs", "otel");
    expect(failure).toBeInstanceOf(OperatorFixFailure);
    expect(failure).toMatchObject({
      ...OPERATOR_FIX,
      serverText: text,
      message: `ClickHouse error ${code} (${name}) inserting 2 rows into otel_logs: ${kind}${fix}; ClickHouse's own text is in the Worker's log ${WORKER_LOG_COMMAND}${NONE_STORED}`,
    });
  });

  it("says the INSERT was not sent when the call before it failed", () => {
    const failure = httpErrorForClickHouseFailure(new ClickHouseServerError("516", "AUTHENTICATION_FAILED", "default: no"), "describing otel_logs", "otel", "before insert");
    expect(failure.message.endsWith(NOT_SENT)).toBe(true);
    expect(failure.message).not.toContain("default");
  });

  it("leaves a brief outage, an overload and a column the INSERT names that the table lacks (relearnt at once) with the short wait", () => {
    for (const [code, name] of [["999", "KEEPER_EXCEPTION"], ["202", "TOO_MANY_SIMULTANEOUS_QUERIES"], ["16", "NO_SUCH_COLUMN_IN_TABLE"]] as const) {
      expect(httpErrorForClickHouseFailure(new ClickHouseServerError(code, name, "x"), "inserting 2 rows into otel_logs")).toMatchObject({ retryAfterSeconds: 5 });
    }
  });
});

describe("a refusal's message (the sender reads it)", () => {
  it("quotes the input where the parse failed only up to the end of the failing row", () => {
    const error = parseServerError(
      `Code: 27. DB::Exception: Cannot parse input: expected ',' before: 'click}\\n{"Timestamp":"1700000000.000000000","Body":"b"': (while reading the value of key EventName): (at row 1)\n: While executing ParallelParsingBlockInputFormat. (CANNOT_PARSE_INPUT_ASSERTION_FAILED) (version 25.8)`,
    );
    const failure = httpErrorForClickHouseFailure(error, "inserting 2 rows into otel_logs");
    expect(failure.message).toBe(
      "ClickHouse error 27 (CANNOT_PARSE_INPUT_ASSERTION_FAILED) inserting 2 rows into otel_logs: Cannot parse input: expected ',' before: 'click}…': (while reading the value of key EventName): (at row 1)",
    );
    expect(failure).toMatchObject({ status: 400, rowsRejected: true });
  });

  it("keeps an excerpt within its row, and an escaped quote inside it, whole", () => {
    const error = parseServerError("Code: 27. DB::Exception: Cannot parse input: expected '\"' before: 'it\\'s}': (at row 3). (CANNOT_PARSE_INPUT_ASSERTION_FAILED) (version 25.8)");
    expect(httpErrorForClickHouseFailure(error, "inserting 3 rows into otel_logs").message).toBe(
      "ClickHouse error 27 (CANNOT_PARSE_INPUT_ASSERTION_FAILED) inserting 3 rows into otel_logs: Cannot parse input: expected '\"' before: 'it\\'s}': (at row 3).",
    );
  });

  it("names tables without the database it is given, quoted or not, and leaves look-alikes", () => {
    const error = new ClickHouseServerError(
      "469",
      "VIOLATED_CONSTRAINT",
      "Constraint `no_poison` for table otel.otel_logs (a1b2) is violated at row 1; see `otel`.`otel_logs`, hotel.rooms and otel_x.y",
    );
    expect(httpErrorForClickHouseFailure(error, "inserting 1 row into otel_logs", "otel").message).toBe(
      "ClickHouse error 469 (VIOLATED_CONSTRAINT) inserting 1 row into otel_logs: Constraint `no_poison` for table otel_logs (a1b2) is violated at row 1; see `otel_logs`, hotel.rooms and otel_x.y",
    );
  });
});

describe("whether a failed INSERT's rows are known not written", () => {
  const INSERTING = "inserting 2 rows into otel_logs";
  const exception = (code: string, name: string) => parseServerError(`Code: ${code}. DB::Exception: no. (${name}) (version 25.8)`, 500);
  const unwritten = (error: unknown, call?: ClickHouseCall) => httpErrorForClickHouseFailure(error, INSERTING, undefined, call).knownUnwritten;

  it("is so for exceptions raised before the INSERT reads its data, and for rows refused as data", () => {
    for (const [code, name] of [
      ["60", "UNKNOWN_TABLE"],
      ["81", "UNKNOWN_DATABASE"],
      ["202", "TOO_MANY_SIMULTANEOUS_QUERIES"],
      ["516", "AUTHENTICATION_FAILED"],
      ["497", "ACCESS_DENIED"],
      ["164", "READONLY"],
      ["27", "CANNOT_PARSE_INPUT_ASSERTION_FAILED"],
      ["469", "VIOLATED_CONSTRAINT"],
    ]) {
      expect({ name, unwritten: unwritten(exception(code!, name!)) }).toEqual({ name, unwritten: true });
    }
  });

  it("is not so for exceptions that can come after a part is written, or any after a success status", () => {
    for (const [code, name] of [
      ["252", "TOO_MANY_PARTS"],
      ["241", "MEMORY_LIMIT_EXCEEDED"],
      ["319", "UNKNOWN_STATUS_OF_INSERT"],
      ["999", "KEEPER_EXCEPTION"],
      ["159", "TIMEOUT_EXCEEDED"],
    ]) {
      expect({ name, unwritten: unwritten(exception(code!, name!)) }).toEqual({ name, unwritten: false });
    }
    const inBody = exceptionInBody("Code: 202. DB::Exception: Too many simultaneous queries. (TOO_MANY_SIMULTANEOUS_QUERIES) (version 25.8)");
    expect(unwritten(inBody)).toBe(false);
  });

  it("is not so for a timeout, a lost connection, an unreadable answer or a proxy's 5xx", () => {
    expect(unwritten(new DOMException("The operation was aborted due to timeout", "TimeoutError"))).toBe(false);
    expect(unwritten(new Error("Network connection lost."))).toBe(false);
    expect(unwritten(new ClickHouseAnswerError("an exception marker without a readable exception"))).toBe(false);
    for (const status of [500, 502, 503, 504, 520, 522, 524]) {
      expect({ status, unwritten: unwritten(parseServerError("<html>Bad Gateway</html>", status)) }).toEqual({ status, unwritten: false });
    }
  });

  it("is so when Cloudflare's edge answers that it never reached ClickHouse", () => {
    for (const status of [521, 523, 525, 526, 530]) {
      const error = parseServerError(`<html><title>${status}: origin not reached</title></html>`, status);
      expect(error).toBeInstanceOf(ProxyAnswerError);
      expect({ status, unwritten: unwritten(error) }).toEqual({ status, unwritten: true });
      expect(httpErrorForClickHouseFailure(error, INSERTING)).toMatchObject({ status: 502, retryAfterSeconds: 5 });
    }
  });

  it("is so for whatever failed before the INSERT was sent (its table's plan), and for schema drift", () => {
    expect(unwritten(new DOMException("The operation was aborted due to timeout", "TimeoutError"), "before insert")).toBe(true);
    expect(unwritten(new Error("Network connection lost."), "before insert")).toBe(true);
    expect(new SchemaDriftFailure("column EventName is UInt8", "otel_logs").knownUnwritten).toBe(true);
  });
});

describe("an answer for an INSERT that may have been written", () => {
  const INSERTING = "inserting 2 rows into otel_logs";
  const timeout = () => new DOMException("The operation was aborted due to timeout", "TimeoutError");

  it("says the rows may be stored and when a retry stores them again, for every failure that may follow a write", () => {
    const cases: [unknown, number, string][] = [
      [timeout(), 504, `ClickHouse did not answer in time ${INSERTING}`],
      [new Error("Network connection lost."), 502, `ClickHouse is unreachable ${INSERTING}: Network connection lost.`],
      [new ClickHouseAnswerError("garbled"), 502, `ClickHouse gave an unreadable answer ${INSERTING}: garbled`],
      [parseServerError("<html>Bad Gateway</html>", 502), 502, `CLICKHOUSE_URL answered HTTP 502 ${INSERTING}, not ClickHouse's answer: Bad Gateway`],
      [new ClickHouseServerError("252", "TOO_MANY_PARTS", "Too many parts"), 429, `ClickHouse error 252 (TOO_MANY_PARTS) ${INSERTING}: Too many parts`],
      [new ClickHouseServerError("999", "KEEPER_EXCEPTION", "Connection loss"), 503, `ClickHouse error 999 (KEEPER_EXCEPTION) ${INSERTING}: Connection loss`],
    ];
    for (const [error, status, said] of cases) {
      expect(httpErrorForClickHouseFailure(error, INSERTING)).toMatchObject({ status, retryAfterSeconds: 5, knownUnwritten: false, message: said + MAY_BE_WRITTEN });
    }
    expect(MAY_BE_WRITTEN).toContain("insert_deduplication_token");
    // What a resend of the request has of the token is the request's answer's to say (durable-write.ts).
    expect(MAY_BE_WRITTEN).not.toContain("Idempotency-Key");
  });

  it("says nothing of the kind where no row can be written: known unwritten, before the INSERT, or no INSERT at all", () => {
    const unknownTable = new ClickHouseServerError("60", "UNKNOWN_TABLE", "Table otel_logs does not exist.");
    const parse = new ClickHouseServerError("27", "CANNOT_PARSE_INPUT_ASSERTION_FAILED", "Cannot parse input");
    const notReached = parseServerError("<title>523: Origin is unreachable</title>", 523);
    for (const [error, call] of [
      [unknownTable, "insert"],
      [parse, "insert"],
      [notReached, "insert"],
      [timeout(), "before insert"],
      [timeout(), "query"],
    ] as const) {
      expect(httpErrorForClickHouseFailure(error, INSERTING, undefined, call).message).not.toContain(MAY_BE_WRITTEN);
    }
  });
});

describe("a connection lost before an answer (sent again once)", () => {
  it.each([
    ["workerd's lost connection", new Error("Network connection lost.")],
    ["KJ's own words", new Error("Peer disconnected.")],
    ["a reset socket", Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" })],
  ])("is %s", (_, error) => {
    expect(connectionLost(error)).toBe(true);
  });

  it.each([
    ["a timeout", new DOMException("The operation was aborted due to timeout", "TimeoutError")],
    ["an abort", new DOMException("The operation was aborted.", "AbortError")],
    ["a timeout whose words say the connection was lost", Object.assign(new Error("Network connection lost."), { name: "TimeoutError" })],
    ["an answer that is not ClickHouse's", new ProxyAnswerError(502, "<html>Bad Gateway</html>")],
    ["a ClickHouse exception", parseServerError("Code: 202. DB::Exception: Too many simultaneous queries. (TOO_MANY_SIMULTANEOUS_QUERIES)")],
    ["another fetch failure", new TypeError("Fetch API cannot load: not a URL")],
    ["not an error", "Network connection lost."],
  ])("is not %s", (_, error) => {
    expect(connectionLost(error)).toBe(false);
  });
});
