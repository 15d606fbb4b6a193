import type { IncomingHttpHeaders } from "node:http";
import { ClickHouseException } from "./errors";
import type { SessionArguments } from "./http-sessions";
import type { QueryRequest } from "./query-executor";

/** A server's default `session_timeout`, in seconds. */
const DEFAULT_SESSION_TIMEOUT = 60;

/**
 * URL arguments that are not settings (HTTPHandler's reserved names). `param_*` are query
 * parameters; everything else in the URL is a setting.
 */
const RESERVED_ARGUMENTS = new Set([
  "query",
  "database",
  "default_format",
  "user",
  "password",
  "quota_key",
  "query_id",
  "stacktrace",
  "role",
  "buffer_size",
  "wait_end_of_query",
  "session_id",
  "session_timeout",
  "session_check",
  "close_session",
  "client_protocol_version",
  "compress",
  "decompress",
]);

/** What a query request carries besides the query itself. */
export interface ParsedQueryRequest {
  query: QueryRequest;
  /** `enable_http_compression=1`: compress the response as `Accept-Encoding` asks. */
  compressResponse: boolean;
}

/**
 * Reads a query out of an HTTP request the way a server does: the query is the `query` URL
 * argument, a newline, then the body; the body may instead be a multipart form holding `query`
 * and `param_*` fields (what @clickhouse/client-web sends for large parameters).
 */
export async function parseQueryRequest(
  method: string,
  url: URL,
  headers: IncomingHttpHeaders,
  body: Buffer,
): Promise<ParsedQueryRequest> {
  const args = url.searchParams;
  refuseNativeCompression(args);
  const params = new Map<string, string>();
  const settings = new Map<string, string>();
  for (const [name, value] of args) {
    if (name.startsWith("param_")) params.set(name.slice("param_".length), value);
    else if (!RESERVED_ARGUMENTS.has(name)) settings.set(name, value);
  }

  let text: string;
  if (/^multipart\/form-data/i.test(headers["content-type"] ?? "")) {
    const form = await readForm(url, headers, body);
    for (const [name, value] of form.params) params.set(name, value);
    text = form.query ?? args.get("query") ?? "";
  } else {
    const query = args.get("query");
    const rows = utf8(body);
    text = query ? `${query}\n${rows}` : rows;
  }

  return {
    query: {
      text,
      database: args.get("database") ?? single(headers["x-clickhouse-database"]),
      defaultFormat: args.get("default_format") ?? single(headers["x-clickhouse-format"]) ?? "TabSeparated",
      settings,
      params,
      readOnly: method === "GET" || method === "HEAD",
      session: sessionArguments(args),
    },
    compressResponse: settings.get("enable_http_compression") === "1",
  };
}

function sessionArguments(args: URLSearchParams): SessionArguments | undefined {
  const id = args.get("session_id");
  if (!id) return undefined;
  const timeout = args.get("session_timeout");
  const timeoutSeconds = timeout === null ? DEFAULT_SESSION_TIMEOUT : Number(timeout);
  if (!Number.isInteger(timeoutSeconds) || timeoutSeconds < 0) {
    throw new ClickHouseException(
      374,
      `Invalid session timeout: '${timeout}'.`,
      "INVALID_SESSION_TIMEOUT",
    );
  }
  return {
    id,
    timeoutSeconds,
    mustExist: args.get("session_check") === "1",
    closeAfter: args.get("close_session") === "1",
  };
}

/** ClickHouse's own block compression (`compress`/`decompress=1`) is for its native clients only. */
function refuseNativeCompression(args: URLSearchParams): void {
  for (const name of ["compress", "decompress"]) {
    if (args.get(name) === "1") {
      throw new ClickHouseException(
        48,
        `The local server does not implement '${name}=1' (ClickHouse block compression); use HTTP compression.`,
        "NOT_IMPLEMENTED",
      );
    }
  }
}

async function readForm(
  url: URL,
  headers: IncomingHttpHeaders,
  body: Buffer,
): Promise<{ query: string | undefined; params: Map<string, string> }> {
  const request = new Request(url, {
    method: "POST",
    headers: { "content-type": headers["content-type"]! },
    body: new Uint8Array(body),
  });
  const form = await request.formData();
  const params = new Map<string, string>();
  let query: string | undefined;
  const fields: Array<[string, FormDataEntryValue]> = [];
  form.forEach((value, name) => fields.push([name, value]));
  for (const [name, value] of fields) {
    if (typeof value !== "string") {
      throw new ClickHouseException(
        48,
        `The local server does not implement external data ('${name}' is a file).`,
        "NOT_IMPLEMENTED",
      );
    }
    if (name === "query") query = value;
    else if (name.startsWith("param_")) params.set(name.slice("param_".length), value);
  }
  return { query, params };
}

/**
 * The engine takes SQL as a string, so bodies must be text: rows in binary formats (RowBinary,
 * Native, Parquet...) would be corrupted on the way, and are refused instead.
 */
function utf8(body: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    throw new ClickHouseException(
      48,
      "The local server accepts text request bodies only; binary input formats are not supported.",
      "NOT_IMPLEMENTED",
    );
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
