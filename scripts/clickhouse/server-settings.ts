/**
 * Settings every connection starts with, so that queries behave as they do on the production
 * server rather than as they do in chDB.
 *
 * chDB runs the engine the way `clickhouse-local` does, and that differs from a server:
 * - clickhouse-local turns on conveniences a server leaves off: `implicit_select` (a bare
 *   `1 + 1` runs as a SELECT), `allow_introspection_functions`, and mmap file reads;
 * - the engine's 26.x defaults moved away from what the production server answers with:
 *   unquoted 64-bit integers in JSON, best-effort date parsing and asynchronous inserts.
 *   Production quotes 64-bit integers (the JSON our code parses has them as strings), parses
 *   dates strictly, and acknowledges an INSERT only once it is written.
 *
 * Compare with `SELECT name, value FROM system.settings WHERE name IN (...)` on the real server
 * when it is upgraded.
 */
export const serverSettings: ReadonlyMap<string, string> = new Map([
  ["output_format_json_quote_64bit_integers", "1"],
  ["date_time_input_format", "basic"],
  ["async_insert", "0"],
  ["implicit_select", "0"],
  ["allow_introspection_functions", "0"],
  ["storage_file_read_method", "pread"],
]);
