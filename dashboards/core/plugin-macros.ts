/**
 * Expands a query the way Grafana and the ClickHouse plugin do before ClickHouse sees it, so
 * generated SQL can be run and checked outside Grafana (and `--from-clickhouse` can run the
 * dashboards' own service query).
 *
 * 1. Template variables, as the plugin's frontend does (`CHDatasource.applyTemplateVariables`
 *    → `templateSrv.replace` with its formatter): `$name` and `${name}` become the variable's
 *    value verbatim (a multi-value becomes `'a','b'`); `${name:format}` is formatted by
 *    Grafana's format registry instead (`percentencode`, `sqlstring`, `raw`; Grafana's
 *    `formatRegistry`); unknown names and formats are left alone.
 * 2. Macros, as its backend does (grafana/clickhouse-datasource 4.20 `pkg/macros/macros.go`,
 *    `Interpolate` on grafana/macropro; the SQL these produce is unchanged since 4.10):
 *    - `$__timeFilter(c)`     → `c >= toDateTime(<from s>) AND c <= toDateTime(<to s>)`
 *    - `$__timeFilter_ms(c)`  → `c >= fromUnixTimestamp64Milli(<from ms>) AND c <= fromUnixTimestamp64Milli(<to ms>)`
 *    - `$__fromTime`, `$__toTime` → `toDateTime(<s>)`; `$__fromTime_ms`, `$__toTime_ms` → `fromUnixTimestamp64Milli(<ms>)`
 *    - `$__dateFilter(c)`     → `c >= toDate('YYYY-MM-DD') AND c <= toDate('YYYY-MM-DD')` (UTC dates)
 *    - `$__timeInterval(c)`   → `toStartOfInterval(toDateTime(c), INTERVAL <max(interval s, 1)> second)`
 *    - `$__timeInterval_ms(c)`→ `toStartOfInterval(toDateTime64(c, 3), INTERVAL <max(interval ms, 1)> millisecond)`
 *    - `$__interval_s`        → `<max(interval s, 1)>`
 *    Seconds are truncated (Go's `int()` / `time.Unix()`). Arguments are split at top-level
 *    commas and trimmed; macros inside arguments expand first (4.20, #2043). Comments are
 *    stripped, as macropro does before expanding; quoted strings and backticked identifiers
 *    are copied untouched. Unknown macros are left as they are; a known macro with the wrong
 *    number of arguments throws, as the backend answers an error.
 */

export interface TimeRange {
  /** ms since the epoch */
  fromMs: number;
  toMs: number;
}

export interface ExpansionContext extends TimeRange {
  /** The query interval Grafana computed for the panel (range / max data points), in ms. */
  intervalMs: number;
  variables?: Record<string, string | string[]>;
}

export class MacroError extends Error {
  override name = "MacroError";
}

/** Variables, then macros: the SQL ClickHouse receives from the plugin. */
export function expandQuery(rawSql: string, context: ExpansionContext): string {
  return expandMacros(interpolateVariables(rawSql, context.variables ?? {}), context);
}

/** Grafana's `$name` / `${name}` / `${name:format}` substitution with the plugin's value formatter. */
export function interpolateVariables(sql: string, variables: Record<string, string | string[]>): string {
  return sql.replace(
    /\$\{(\w+)(?::(\w+))?\}|\$(\w+)/g,
    (match, braced: string | undefined, format: string | undefined, bare: string | undefined) => {
      const value = variables[braced ?? bare ?? ""];
      if (value === undefined) return match;
      if (format !== undefined) return FORMATS[format]?.(value) ?? match;
      return Array.isArray(value) ? `'${value.join("','")}'` : value;
    },
  );
}

/**
 * Grafana's variable formats that generated queries use (its `formatRegistry`): `percentencode`
 * is `encodeURIComponent` that also encodes `!'()*`, a multi-value as `{a,b}`; `sqlstring`
 * quotes each value, doubling `'`; `raw` is the value as it is.
 */
const FORMATS: Readonly<Record<string, (value: string | string[]) => string>> = {
  percentencode: (value) => strictPercentEncoded(Array.isArray(value) ? `{${value.join(",")}}` : value),
  sqlstring: (value) => (Array.isArray(value) ? value : [value]).map((one) => `'${one.replaceAll("'", "''")}'`).join(","),
  raw: (value) => (Array.isArray(value) ? value.join(",") : value),
};

function strictPercentEncoded(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

type MacroFunction = (args: string[], context: ExpansionContext) => string;

const seconds = (ms: number) => Math.trunc(ms / 1000);
const dateTime = (ms: number) => `toDateTime(${seconds(ms)})`;
const dateTime64 = (ms: number) => `fromUnixTimestamp64Milli(${Math.trunc(ms)})`;
const date = (ms: number) => `toDate('${new Date(ms).toISOString().slice(0, 10)}')`;
const intervalSeconds = (context: ExpansionContext) => Math.trunc(Math.max(context.intervalMs / 1000, 1));
const range = (column: string, from: string, to: string) => `${column} >= ${from} AND ${column} <= ${to}`;

const MACROS: Record<string, { arity: number; expand: MacroFunction }> = {
  timeFilter: { arity: 1, expand: ([c], x) => range(c!, dateTime(x.fromMs), dateTime(x.toMs)) },
  timeFilter_ms: { arity: 1, expand: ([c], x) => range(c!, dateTime64(x.fromMs), dateTime64(x.toMs)) },
  dateFilter: { arity: 1, expand: ([c], x) => range(c!, date(x.fromMs), date(x.toMs)) },
  fromTime: { arity: 0, expand: (_, x) => dateTime(x.fromMs) },
  toTime: { arity: 0, expand: (_, x) => dateTime(x.toMs) },
  fromTime_ms: { arity: 0, expand: (_, x) => dateTime64(x.fromMs) },
  toTime_ms: { arity: 0, expand: (_, x) => dateTime64(x.toMs) },
  timeInterval: {
    arity: 1,
    expand: ([c], x) => `toStartOfInterval(toDateTime(${c}), INTERVAL ${intervalSeconds(x)} second)`,
  },
  timeInterval_ms: {
    arity: 1,
    expand: ([c], x) =>
      `toStartOfInterval(toDateTime64(${c}, 3), INTERVAL ${Math.trunc(Math.max(x.intervalMs, 1))} millisecond)`,
  },
  interval_s: { arity: 0, expand: (_, x) => String(intervalSeconds(x)) },
};

/** Backend macro expansion only (step 2 above). */
export function expandMacros(sql: string, context: ExpansionContext): string {
  let out = "";
  let i = 0;
  while (i < sql.length) {
    const skipped = skipQuotedOrComment(sql, i);
    if (skipped !== undefined) {
      out += skipped.text;
      i = skipped.end;
      continue;
    }
    const macro = /^\$__(\w+)/.exec(sql.slice(i));
    const definition = macro ? MACROS[macro[1]!] : undefined;
    if (!macro || !definition) {
      out += macro ? macro[0] : sql[i];
      i += macro ? macro[0].length : 1;
      continue;
    }
    let end = i + macro[0].length;
    let args: string[] = [];
    if (sql[end] === "(") {
      const parsed = readArguments(sql, end);
      args = parsed.args.map((arg) => expandMacros(arg, context).trim());
      end = parsed.end;
    }
    if (args.length !== definition.arity) {
      throw new MacroError(`$__${macro[1]} expected ${definition.arity} argument(s), received ${args.length}`);
    }
    out += definition.expand(args, context);
    i = end;
  }
  return out;
}

/** A string literal or quoted identifier (kept), or a comment (dropped), starting at `i`. */
function skipQuotedOrComment(sql: string, i: number): { text: string; end: number } | undefined {
  const char = sql[i];
  if (char === "-" && sql[i + 1] === "-") {
    const newline = sql.indexOf("\n", i);
    return { text: "", end: newline === -1 ? sql.length : newline };
  }
  if (char === "/" && sql[i + 1] === "*") {
    const close = sql.indexOf("*/", i + 2);
    return { text: "", end: close === -1 ? sql.length : close + 2 };
  }
  if (char !== "'" && char !== "`") return undefined;
  let j = i + 1;
  while (j < sql.length) {
    if (sql[j] === "\\") j += 2;
    else if (sql[j] === char && sql[j + 1] === char) j += 2;
    else if (sql[j] === char) return { text: sql.slice(i, j + 1), end: j + 1 };
    else j += 1;
  }
  return { text: sql.slice(i), end: sql.length };
}

/** The comma-separated arguments of the parenthesis at `open`, and the index after its close. */
function readArguments(sql: string, open: number): { args: string[]; end: number } {
  const args: string[] = [];
  let depth = 0;
  let current = "";
  let i = open + 1;
  while (i < sql.length) {
    const skipped = skipQuotedOrComment(sql, i);
    if (skipped !== undefined) {
      current += skipped.text;
      i = skipped.end;
      continue;
    }
    const char = sql[i]!;
    if (char === "(") depth += 1;
    if (char === ")" && depth === 0) {
      if (current.trim() !== "" || args.length > 0) args.push(current);
      return { args, end: i + 1 };
    }
    if (char === ")") depth -= 1;
    if (char === "," && depth === 0) {
      args.push(current);
      current = "";
    } else {
      current += char;
    }
    i += 1;
  }
  throw new MacroError(`unclosed parenthesis after macro at offset ${open}`);
}
