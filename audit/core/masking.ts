import { isHostUrl, maskedUrl, writtenOrigin } from "./ingest-url";
import { secretReason } from "./secret-detection";

/**
 * A value as the audit echoes it: its URL credentials masked (`maskedUrl`: user info, query,
 * fragment, path parameters), and, when what is left still looks like a credential
 * (`secretReason` under `name`: a token in a webhook's path, `DB_PASSWORD = "changeme"`, a known
 * token format), all of it masked as `…`, a URL's origin kept (`https://hooks.slack.com/…`) so the
 * person still finds the value they wrote. The one masking every echo goes through: findings,
 * refusals, hand steps and the dry-run diff.
 */
export function maskedValue(text: string, name = ""): string {
  const masked = maskedUrl(text);
  if (secretReason(name, masked) === undefined) return masked;
  return isHostUrl(masked) ? `${writtenOrigin(masked)}/…` : "…";
}

/**
 * A URL or value as a refusal or finding quotes it: JSON-escaped, as findings quote values (a
 * `\n` at its end stays on the line: `"https://…/v1/logs\n"`), masked (`maskedValue`).
 */
export function quotedUrl(text: string): string {
  return JSON.stringify(maskedValue(text));
}

/**
 * A line of a wrangler file (TOML or JSONC) as a hint or the dry-run diff quotes it: each quoted
 * string and each bare word masked (`maskedValue`), a string judged under the key written before
 * it (`KEY = "…"`, `"KEY": "…"`), so `DB_PASSWORD = "changeme"` reads `DB_PASSWORD = "…"`; keys,
 * punctuation, blanks and comments' words that hold no credential are kept as written. A string
 * is masked by its text as written (escapes kept), which is what the line shows.
 */
export function maskedLine(line: string): string {
  let previous = "";
  let name = "";
  return line.replace(LINE_TOKEN, (token) => {
    if (token === "=" || token === ":") {
      name = previous;
      return token;
    }
    const quote = token[0] === '"' || token[0] === "'" ? token[0] : "";
    const closed = quote !== "" && token.length > 1 && token.endsWith(quote);
    const content = quote === "" ? token : token.slice(1, closed ? -1 : undefined);
    const masked = maskedValue(content, name);
    previous = content;
    name = "";
    return quote + masked + (closed ? quote : "");
  });
}

/**
 * The parts of a line `maskedLine` reads: a double-quoted string (its escapes skipped, so `\"`
 * does not end it; open to the line's end when unclosed, a multi-line string's first line), a
 * single-quoted one, `=`, and a run of anything else but blanks, quotes and TOML's and JSON's
 * punctuation (a JSON key's `:` alone is one, read as `=`). Each alternative starts with a
 * character the others do not, so matching is linear in the line.
 */
const LINE_TOKEN = /"(?:[^"\\]|\\.)*"?|'[^']*'?|=|[^\s"'=,{}[\]]+/g;
