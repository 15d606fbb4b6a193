import { loggerPrefixLength } from "../logger-prefix";

/**
 * Tables as command-line tools print them for a terminal (`kubectl get svc`, `kubectl get nodes
 * -o wide`, `docker ps`): a header line of column names in capitals (`NAME`, `CLUSTER-IP`,
 * `EXTERNAL-IP`, `PORT(S)`), then rows whose fields start under their column's name, the columns
 * padded with spaces (Go's text/tabwriter, which kubectl and docker print with). A value's column
 * names it where nothing else in its row does.
 */

/** How many lines above a row its header is looked for. */
const HEADER_REACH = 64;
/** A column's name in a header: capitals, digits and the marks such names use (`EXTERNAL-IP`, `PORT(S)`, `CONTAINER_ID`). */
const COLUMN_NAME = /^[A-Z][A-Z0-9_().\/-]*$/;
/** A line's fields: runs of characters that are no blank. */
const FIELDS = /\S+/g;

/**
 * The name of the column the field starting at `start` of `text` stands in, when that field starts
 * a line's field after spaces (or the line) and a header stands above it: the nearest line above
 * whose every field is a column's name (`COLUMN_NAME`), with one of them starting at the same
 * column, and only lines between with a field starting there too (the table's other rows).
 * Undefined anywhere else: a value in prose, a field not under a name, lines that do not align.
 * Tabs are read as one column each: tabwriter pads kubectl's and docker's tables with spaces.
 */
export function alignedColumnName(text: string, start: number): string | undefined {
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  if (lineStart === 0 || (start > lineStart && text.charCodeAt(start - 1) !== 32 /* space */)) return undefined;
  const column = start - lineStart;
  let above = lineStart - 1;
  for (let lines = 0; lines < HEADER_REACH && above > 0; lines++) {
    const from = text.lastIndexOf("\n", above - 1) + 1;
    // A header opening the logged message counts its columns from after the logger's prefix.
    const line = text.slice(from + loggerPrefixLength(text, from), above).replace(/\r$/, "");
    // A field of this line must start right at the column: the table's row or its header.
    if (line.length <= column || line.charCodeAt(column) === 32 || (column > 0 && line.charCodeAt(column - 1) !== 32)) return undefined;
    const fields = line.match(FIELDS) ?? [];
    if (fields.every((field) => COLUMN_NAME.test(field))) return /^\S+/.exec(line.slice(column))![0];
    above = from - 1;
  }
  return undefined;
}
