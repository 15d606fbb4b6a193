/**
 * URLs as an error message or a log line may show them: without a password or query values.
 * A misconfigured Worker names its bad settings in its log (and a CLICKHOUSE_URL may carry
 * `user:password@`, a CORS origin typed as a full URL a `?token=`), so what it shows of a URL
 * keeps the scheme, user name, host, port and path and replaces the rest with `***`.
 */

const HIDDEN = "***";

/**
 * One URL as written (RFC 3986 shape, parsed or not): the password of its userinfo replaced
 * (`https://default:***@host:8443`), a userinfo without a password replaced whole (it may be a
 * token: `https://***@host`), and each query value replaced (`?user=***&password=***`). The
 * userinfo is taken up to the last `@` before any `?` or `#`, so a password holding `/` or `@`
 * is hidden whole too.
 */
export function hideUrlCredentials(url: string): string {
  const scheme = url.indexOf("://");
  if (scheme === -1) return url;
  const authority = scheme + 3;
  const query = firstOf(url, ["?", "#"], authority);
  const at = url.lastIndexOf("@", query - 1);
  let shown = url;
  if (at >= authority) {
    const userinfo = url.slice(authority, at);
    const colon = userinfo.indexOf(":");
    const kept = colon === -1 ? HIDDEN : `${userinfo.slice(0, colon)}:${HIDDEN}`;
    shown = url.slice(0, authority) + kept + url.slice(at);
  }
  const queryStart = shown.indexOf("?", authority);
  if (queryStart === -1) return shown;
  const fragment = shown.indexOf("#", queryStart);
  const end = fragment === -1 ? shown.length : fragment;
  const hiddenQuery = shown.slice(queryStart, end).replace(/([?&][^=&]*)=[^&]*/g, `$1=${HIDDEN}`);
  return shown.slice(0, queryStart) + hiddenQuery + shown.slice(end);
}

/** Every URL in `text` (a scheme, `://`, up to a space or quote) as hideUrlCredentials shows it. */
export function hideUrlCredentialsIn(text: string): string {
  return text.replace(/[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s"'<>`]*/g, hideUrlCredentials);
}

function firstOf(text: string, marks: readonly string[], from: number): number {
  let first = text.length;
  for (const mark of marks) {
    const found = text.indexOf(mark, from);
    if (found !== -1 && found < first) first = found;
  }
  return first;
}
