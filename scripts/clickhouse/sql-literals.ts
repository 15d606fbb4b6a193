/**
 * Quoting for the few statements the server writes itself (USE, SET). Every value that came
 * from a request passes through one of these, so a request can never change the statement's
 * shape: only a backslash or the closing quote can end a quoted token, and both are escaped.
 */

export function quoteString(value: string): string {
  return `'${value.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
}

export function quoteIdentifier(name: string): string {
  return `\`${name.replaceAll("\\", "\\\\").replaceAll("`", "\\`")}\``;
}

/**
 * `SET a = 'x', b = 'y'`. Values go in as strings, as the server receives them from a URL:
 * the engine converts each to its setting's type, and a `param_` value is kept verbatim and
 * parsed later as the placeholder's type, exactly like an HTTP `param_` argument.
 */
export function setStatement(assignments: ReadonlyMap<string, string>): string {
  const parts = [...assignments].map(([name, value]) => `${quoteIdentifier(name)} = ${quoteString(value)}`);
  return `SET ${parts.join(", ")}`;
}
