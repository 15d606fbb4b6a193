/**
 * Message templates (messagetemplates.org), as Serilog writes them in its JSON lines when it
 * leaves out the rendered message (compact JSON's `@mt` without `@m`, JsonFormatter's
 * `MessageTemplate` without `RenderedMessage`): `Charged {Amount} to {CustomerId}`, with each
 * property's value beside it. Serilog's own reader (Serilog.Formatting.Compact.Reader) renders
 * such a line's message from them; lifting does the same for the body (log-shapes.ts, `template`).
 * A template as redaction stored it gets its tokens back as written (withTokensAsWritten).
 */
import { lazy } from "../../../shared/lazy";
import type { TemplateProperty } from "../../../shared/otlp/model";

/**
 * A property's value as a template writes it: a string (quoted, or as is with the `l` format),
 * or any other value as the text JSON prints it (`12.5`, `true`, `null`, `{"a":1}`), with the
 * digits the line wrote.
 */
export type PropertyValue = TemplateProperty["written"];

/**
 * A property token, or a doubled brace (an escaped `{` or `}`). A token is `{`, an optional
 * `@` (destructure) or `$` (stringify) hint, a name of letters, digits and `_`, an optional
 * `,alignment` and an optional `:format`, then `}` (Serilog's MessageTemplateParser); anything
 * else in braces is text, as Serilog's parser keeps it.
 */
const PROPERTY_TOKEN = String.raw`\{[@$]?([\p{L}\p{N}_]+)(?:,(-?\d+))?(?::([^{}]*))?\}`;
const TOKEN = lazy(() => new RegExp(String.raw`\{\{|\}\}|${PROPERTY_TOKEN}`, "gu"));
const WHOLE_PROPERTY_TOKEN = lazy(() => new RegExp(`^${PROPERTY_TOKEN}$`, "u"));
/**
 * A format a template's token writes: Serilog's `l` (literal) and `j` (JSON), .NET's standard
 * formats (`C`, `N2`, `x8`) and custom ones of digit, date and time characters (`0.00`, `#,##0`,
 * `yyyy-MM-dd HH:mm:ss`).
 */
const TEMPLATE_FORMAT = /^(?:[A-Za-z][0-9]{0,2}|[0#.,%]+|[yMdHhmsfFtzK:/. -]+)$/;

/**
 * The property `text` names when it is one whole property token (`{Password}`, `{@User}`,
 * `{ApiKey:l}`, `{Total,8}`, `{0}`): its name, and whether a hint, an alignment or a format
 * marks it as a template's (only a template writes them); undefined for any other text, and for
 * a format no template writes (`TEMPLATE_FORMAT`: `{password:hunter2}` is a map printed without
 * blanks).
 */
export function propertyTokenOf(text: string): { name: string; marked: boolean } | undefined {
  const token = WHOLE_PROPERTY_TOKEN().exec(text);
  if (token === null || (token[3] !== undefined && !TEMPLATE_FORMAT.test(token[3]))) return undefined;
  return { name: token[1]!, marked: text.charCodeAt(1) === 64 /* @ */ || text.charCodeAt(1) === 36 /* $ */ || token[2] !== undefined || token[3] !== undefined };
}

/**
 * `template` rendered with the values `property` gives by name, as Serilog renders a template
 * (MessageTemplate.Render), in a documented subset:
 * - `{{` and `}}` are `{` and `}`; a token naming no property, or a malformed one, stays as written;
 * - a string value is written in double quotes as JSON writes it (`"c-9"`, as Serilog quotes
 *   strings), unquoted with the `l` (literal) format (`{Name:l}`);
 * - every other value as JSON prints it (`12.5`, `true`, `null`, a map or array as its JSON
 *   text; PropertyValue), whatever the format: a .NET format string (`{Count:000}`,
 *   `{When:yyyy-MM-dd}`) is not applied, so the value reads as JSON prints it;
 * - a token with a format takes its text from `renderings` when it has one (CLEF's `@r`: the
 *   sender's renderings of the tokens with a format, in the template's order), as Serilog's reader does;
 * - an alignment pads the text with spaces to its width (`,8` on the left, `,-8` on the right).
 * The `@` and `$` hints change nothing here: the line already holds the value as Serilog
 * captured it (a destructured object as a JSON map, a stringified one as its text).
 */
export function renderMessageTemplate(
  template: string,
  property: (name: string) => PropertyValue | undefined,
  renderings?: (index: number, name: string) => string | undefined,
): string {
  let formatted = 0;
  return template.replace(TOKEN(), (token: string, name: string | undefined, alignment: string | undefined, format: string | undefined) => {
    if (name === undefined) return token[0]!;
    // Counted whether or not the property is there: `@r` holds one rendering per token with a format.
    const rendering = format === undefined ? undefined : renderings?.(formatted++, name);
    const value = property(name);
    if (value === undefined) return token;
    const text = rendering ?? renderValue(value, format);
    if (alignment === undefined) return text;
    const width = Number(alignment);
    return width < 0 ? text.padEnd(-width) : text.padStart(width);
  });
}

function renderValue(value: PropertyValue, format: string | undefined): string {
  if ("json" in value) return value.json;
  return format === "l" ? value.string : JSON.stringify(value.string);
}

/** The names of the property tokens in `template`, in order, as renderMessageTemplate reads them (repeats included). */
export function templatePropertyNames(template: string): string[] {
  const names: string[] = [];
  for (const match of template.matchAll(TOKEN())) if (match[1] !== undefined) names.push(match[1]);
  return names;
}

/** A marker redaction writes (`[REDACTED:secret]`, a hashed `[REDACTED:ipv4:9f86d081]`). */
const MARKER = /\[REDACTED:[^\]\s]+\]/g;

/**
 * The template `written` as redaction stored it (`stored`), with every property token as
 * written: a token is a placeholder, not a value, so `{ApiKey:l}` stays `{ApiKey:l}` where a
 * detector read `ApiKey:l` as a secret's assignment, and `password={Password}` keeps its token.
 * `stored` is read as `written` with spans replaced by markers (the only change redaction makes
 * to text): each span is found between the texts the two share, its parts outside tokens read as
 * the span's markers, its parts inside a token as written. So literal text redaction replaced
 * (an interpolated value, `$"Password {pw}"`) stays replaced. A `stored` that is not `written`
 * with markers (a hashed or rewritten value) is returned as it is; so is `stored` equal to `written`.
 */
export function withTokensAsWritten(written: string, stored: string): string {
  if (stored === written) return stored;
  const tokens: [number, number][] = [];
  for (const match of written.matchAll(TOKEN())) if (match[1] !== undefined) tokens.push([match.index, match.index + match[0].length]);
  if (tokens.length === 0) return stored;
  // stored = chunks[0] markers[0] chunks[1] … : the chunks are written's text, in order.
  const chunks: string[] = [];
  const markers: string[] = [];
  let last = 0;
  for (const match of stored.matchAll(MARKER)) {
    const chunk = stored.slice(last, match.index);
    // Markers side by side replaced one span.
    if (chunk === "" && markers.length > 0 && last === match.index) markers[markers.length - 1] += match[0];
    else {
      chunks.push(chunk);
      markers.push(match[0]);
    }
    last = match.index + match[0].length;
  }
  chunks.push(stored.slice(last));
  if (markers.length === 0 || !written.startsWith(chunks[0]!)) return stored;
  let out = chunks[0]!;
  let at = chunks[0]!.length;
  for (let i = 1; i < chunks.length; i++) {
    const chunk = chunks[i]!;
    // The last chunk ends the text; any other is its first place after a non-empty span.
    const start = i === chunks.length - 1 ? written.length - chunk.length : written.indexOf(chunk, at + 1);
    if (start <= at || !written.endsWith(chunk, start + chunk.length)) return stored;
    out += spanWithTokens(written, at, start, markers[i - 1]!, tokens) + chunk;
    at = start + chunk.length;
  }
  return out;
}

/** The span [from, to) of `written` redaction replaced by `marker`: its parts inside `tokens` as written, each part outside as `marker`. */
function spanWithTokens(written: string, from: number, to: number, marker: string, tokens: readonly [number, number][]): string {
  let out = "";
  let at = from;
  for (const [start, end] of tokens) {
    if (end <= at || start >= to) continue;
    if (start > at) out += marker;
    at = Math.max(at, start);
    out += written.slice(at, Math.min(end, to));
    at = Math.min(end, to);
  }
  return at < to ? out + marker : out;
}
