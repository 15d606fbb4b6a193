/**
 * Text as a POSIX shell reads it back whole, for commands the local scripts print to be pasted:
 * as it is when it holds nothing a shell treats specially, else in single quotes (a `'` inside
 * closed, escaped and reopened), within which `$`, `&`, `|` and the rest are plain.
 */
export function quoteForShell(text: string): string {
  return /^[\w./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}
