/**
 * A ClickHouse exception as the HTTP interface reports it: a numeric code, the message, and the
 * code's name, which clients read from the trailing `(NAME)` of the body.
 */
export class ClickHouseException extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly codeName: string,
  ) {
    super(message);
    this.name = "ClickHouseException";
  }

  /** The response body a server sends: `Code: N. DB::Exception: message. (NAME) (version V)`. */
  toResponseBody(serverVersion: string): string {
    return `Code: ${this.code}. DB::Exception: ${this.message} (${this.codeName}) (version ${serverVersion})\n`;
  }

  get httpStatus(): number {
    return statusByCodeName.get(this.codeName) ?? 500;
  }
}

const CODE_PREFIX = /^Code: (\d+)\. DB::Exception: /;
const NAME_SUFFIX = / \(([A-Z0-9_]+)\)(?: \(version [^)]*\))?\.?\s*$/;

/**
 * Turns whatever the engine threw into a ClickHouseException. chDB sometimes wraps an exception
 * in copies of itself (`Code: 73. DB::Exception: Code: 73. DB::Exception: ...`); a server
 * reports it once, so the innermost one is kept.
 */
export function exceptionFromEngine(error: unknown): ClickHouseException {
  if (error instanceof ClickHouseException) return error;
  let message = error instanceof Error ? error.message : String(error);
  let code: number | undefined;
  let codeName: string | undefined;
  for (let prefix = CODE_PREFIX.exec(message); prefix; prefix = CODE_PREFIX.exec(message)) {
    code = Number(prefix[1]);
    message = message.slice(prefix[0].length);
    const suffix = NAME_SUFFIX.exec(message);
    if (suffix) {
      codeName ??= suffix[1];
      message = message.slice(0, suffix.index);
      // An outer wrapper leaves one ". (NAME) (version ...)" per nesting level behind.
      while (NAME_SUFFIX.test(message)) message = message.replace(NAME_SUFFIX, "");
    }
  }
  if (code === undefined) return new ClickHouseException(1001, message, "STD_EXCEPTION");
  return new ClickHouseException(code, message.trimEnd(), codeName ?? "UNKNOWN_EXCEPTION");
}

/** The status a server answers each error with (src/Server/HTTP/exceptionCodeToHTTPStatus.cpp). */
const statusByCodeName = new Map<string, number>([
  ["REQUIRED_PASSWORD", 401],
  ...names(403, "UNKNOWN_USER WRONG_PASSWORD AUTHENTICATION_FAILED SET_NON_GRANTED_ROLE ACCESS_DENIED"),
  ...names(
    400,
    "BAD_ARGUMENTS CANNOT_COMPILE_REGEXP CANNOT_PARSE_TEXT CANNOT_PARSE_ESCAPE_SEQUENCE " +
      "CANNOT_PARSE_QUOTED_STRING CANNOT_PARSE_DATE CANNOT_PARSE_DATETIME CANNOT_PARSE_NUMBER " +
      "CANNOT_PARSE_DOMAIN_VALUE_FROM_STRING CANNOT_PARSE_IPV4 CANNOT_PARSE_IPV6 " +
      "CANNOT_PARSE_INPUT_ASSERTION_FAILED CANNOT_PARSE_UUID DUPLICATE_COLUMN ILLEGAL_COLUMN " +
      "UNKNOWN_ELEMENT_IN_AST UNKNOWN_TYPE_OF_AST_NODE THERE_IS_NO_COLUMN TOO_DEEP_AST TOO_BIG_AST " +
      "UNEXPECTED_AST_STRUCTURE SYNTAX_ERROR INCORRECT_DATA TYPE_MISMATCH VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE",
  ),
  ...names(
    404,
    "UNKNOWN_TABLE UNKNOWN_FUNCTION UNKNOWN_IDENTIFIER UNKNOWN_TYPE UNKNOWN_STORAGE UNKNOWN_DATABASE " +
      "UNKNOWN_SETTING UNKNOWN_DIRECTION_OF_SORTING UNKNOWN_AGGREGATE_FUNCTION UNKNOWN_FORMAT " +
      "UNKNOWN_DATABASE_ENGINE UNKNOWN_TYPE_OF_QUERY UNKNOWN_ROLE",
  ),
  ["QUERY_IS_TOO_LARGE", 413],
  ["NOT_IMPLEMENTED", 501],
  ...names(503, "SOCKET_TIMEOUT CANNOT_OPEN_FILE CANNOT_SCHEDULE_TASK"),
  ["HTTP_LENGTH_REQUIRED", 411],
  ["TIMEOUT_EXCEEDED", 408],
  ["UNSUPPORTED_MEDIA_TYPE", 415],
]);

function names(status: number, list: string): Array<[string, number]> {
  return list.split(" ").map((name) => [name, status]);
}
