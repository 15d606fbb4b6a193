/**
 * `value`, an unquoted value as a URL's query or a form body writes it, read as its sender wrote
 * it (WHATWG URL Standard, application/x-www-form-urlencoded parsing): `+` a blank, percent
 * escapes decoded as UTF-8 (`n%2Fa` is `n/a`, `not+set` is `not set`). A text with a malformed
 * escape (`100%`) keeps its escapes as sent but `%20`, read as a blank, and its `+` are blanks. Used to judge a value, never to store it.
 */
export function formDecoded(value: string): string {
  const blanks = value.replaceAll("+", " ");
  if (!blanks.includes("%")) return blanks;
  try {
    return decodeURIComponent(blanks);
  } catch {
    return blanks.replaceAll("%20", " ");
  }
}
