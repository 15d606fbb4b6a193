/** Longest cell shown; longer values end in an ellipsis so a table stays one line per row. */
const MAX_CELL = 72;

/** Rows as a plain-text table with a header, the way a terminal reader scans them. */
export function textTable(rows: ReadonlyArray<Record<string, unknown>>): string {
  const [first] = rows;
  if (first === undefined) return "(no rows)";
  const columns = Object.keys(first);
  const cells = rows.map((row) => columns.map((column) => cellText(row[column])));
  const widths = columns.map((column, i) => Math.max(column.length, ...cells.map((line) => line[i]!.length)));
  const line = (values: string[]) => values.map((value, i) => value.padEnd(widths[i]!)).join("  ").trimEnd();
  return [line(columns), line(widths.map((width) => "-".repeat(width))), ...cells.map(line)].join("\n");
}

function cellText(value: unknown): string {
  const text = (typeof value === "string" ? value : JSON.stringify(value)).replaceAll("\n", "\\n");
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text;
}
