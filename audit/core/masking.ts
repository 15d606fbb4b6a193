import { formatPatch, structuredPatch } from "diff";
import { isHostUrl, maskedUrl, writtenOrigin } from "./ingest-url";
import { isAuthScheme } from "../../workers/ingest/core/redact/credential-headers";
import { credentialAfterName, maskedSchemeCredentials } from "./scheme-credentials";
import { secretReason } from "./secret-detection";

/**
 * A value as the audit echoes it: its URL credentials masked (`maskedUrl`: user info, the values
 * of the query, fragment and path parameters, their names kept) and every authentication
 * scheme's credentials (`maskedSchemeCredentials`: `Bearer …`, `Digest username="…"`), and, when
 * what is left with every parameter masked whole still looks like a credential (`secretReason`
 * under `name`: a token in a webhook's path, `DB_PASSWORD = "changeme"`, a known token format),
 * all of it masked as `…`, a URL's origin kept (`https://hooks.slack.com/…`) so the person still
 * finds the value they wrote. The one masking every echo goes through: findings, refusals, hand
 * steps and the dry-run diff.
 */
export function maskedValue(text: string, name = ""): string {
  const judged = maskedUrl(text, "masked");
  if (secretReason(name, judged) === undefined) return maskedSchemeCredentials(maskedUrl(text));
  return isHostUrl(judged) ? `${writtenOrigin(judged)}/…` : "…";
}

/**
 * A URL or value as a refusal or finding quotes it: JSON-escaped, as findings quote values (a
 * `\n` at its end stays on the line: `"https://…/v1/logs\n"`), masked (`maskedValue`).
 */
export function quotedUrl(text: string): string {
  return JSON.stringify(maskedValue(text));
}

/**
 * A line of a wrangler file (TOML or JSONC) as a hint or the dry-run diff quotes it, read on its
 * own (`maskedLines` reads a line inside a multi-line string as such): each quoted string and each
 * bare word masked (`maskedValue`), a string judged under the key written before it (`KEY = "…"`,
 * `"KEY": "…"`, and a name glued to its colon, as a comment writes one: `# password: …`), so
 * `DB_PASSWORD = "changeme"` reads `DB_PASSWORD = "…"`; a URL parameter's value written apart
 * from its name is masked whole (`;key="…"`, `;key=[…]`, `?token = …`), as is a credential-shaped
 * token after a credential's name in prose (`# token "…"`, `# token,…`, `# password is …`); keys,
 * punctuation, blanks and comments' words that hold no credential are kept as written. A string is masked by its text as written
 * (escapes kept), which is what the line shows.
 */
export function maskedLine(line: string): string {
  return maskedLineIn(line, { open: undefined, name: "" });
}

/**
 * Lines of a wrangler file, in order from one outside any string (its first line, or a line
 * whose lines before are passed too), masked as `maskedLine` masks a line, with what a TOML
 * multi-line string (`"""…"""`, `'''…'''`) spans read as one string: a line inside one is
 * judged as the string's value under the key that opened it, so the middle lines of
 * `DB_PASSWORD = """…` are masked. A line's `\r` end is kept.
 */
export function maskedLines(lines: readonly string[]): string[] {
  const state: LineState = { open: undefined, name: "" };
  return lines.map((line) => {
    const cr = line.endsWith("\r") ? "\r" : "";
    return maskedLineIn(line.slice(0, line.length - cr.length), state) + cr;
  });
}

/**
 * A dry run's unified diff of `file` with each line of the file masked (`maskedLines`, the file
 * read whole, so a line inside a multi-line string is judged as one): a removed line holding a
 * credential (`-DECO_OTEL_LOGS_ENDPOINT = "https://u:pw@…"`, `----db-password=…`) shows as the
 * findings show it, masked, as does any context line. Only the diff's own header lines, which
 * name the file and the hunks, are not the file's; every hunk line is. `--fix` itself writes the
 * file unmasked.
 */
export function maskedPatch(file: string, before: string, after: string): string {
  const patch = structuredPatch(file, file, before, after);
  const shown = { old: maskedLines(before.split("\n")), new: maskedLines(after.split("\n")) };
  for (const hunk of patch.hunks) {
    let old = hunk.oldStart - 1;
    let now = hunk.newStart - 1;
    hunk.lines = hunk.lines.map((line) => {
      // "\\ No newline at end of file" is the diff's own.
      if (line[0] === "-") return `-${shown.old[old++]}`;
      if (line[0] === "+") return `+${shown.new[now++]}`;
      if (line[0] === " ") return ` ${shown.new[(old++, now++)]}`;
      return line;
    });
  }
  return formatPatch(patch);
}

/** Where a line starts: inside a multi-line string opened by `open` under the key `name`, or outside one. */
interface LineState {
  open: '"""' | "'''" | undefined;
  name: string;
}

/**
 * `line` masked from `state`, which it leaves as the line's end leaves it: the text of a
 * multi-line string still open is judged as its value (`maskedContent`), up to its closing
 * delimiter, and the rest of the line token by token (`LINE_TOKEN`).
 */
function maskedLineIn(line: string, state: LineState): string {
  // A scheme's credentials span words (`Bearer abc…`, `Digest username="…"`), so they are masked once the
  // line's words and strings are: each string is judged whole as written first, and what that hides stays hidden.
  return maskedSchemeCredentials(maskedTokensIn(line, state));
}

/** `maskedLineIn` before the schemes' credentials across words are masked: each string and word judged as written. */
function maskedTokensIn(line: string, state: LineState): string {
  let head = "";
  let rest = line;
  if (state.open !== undefined) {
    const end = (state.open === '"""' ? BASIC_BODY : LITERAL_BODY).exec(line)![0].length;
    const closes = line.startsWith(state.open, end);
    head = maskedContent(line.slice(0, end), state.name);
    if (!closes) return head;
    head += state.open;
    rest = line.slice(end + 3);
    state.open = undefined;
  }
  let previous = "";
  let name = "";
  let credentialNext = false;
  // Where the credential masked after a scheme's word ends: a token68's padding glued to it (`dXNl…==`) is its own.
  let credentialEnd = -1;
  // The last bare word and where it ends, which may name the word after it.
  let bare = "";
  let bareEnd = -1;
  // Whether a linking word (`is`, `now`) stands between `bare` and the next word (`# session is 2026-12-07T10`).
  let linked = false;
  // Where the value of a URL parameter written apart from its `=` ends (`;key="…"`, `;key=[…, …]`, `?token = …`): each token before it is the parameter's.
  let parameterValueEnd = -1;
  return head + rest.replace(LINE_TOKEN, (token, at: number) => {
    if (token === "=" && at === credentialEnd) {
      credentialEnd += 1;
      return "";
    }
    if (token === "=" || token === ":") {
      name = previous;
      return token;
    }
    if (at < parameterValueEnd) credentialNext = true;
    if (credentialNext) {
      credentialNext = false;
      previous = "";
      name = "";
      credentialEnd = at + token.length;
      const quote = token[0] === '"' || token[0] === "'" ? token[0] : "";
      return quote === "" ? "…" : `${quote}…${token.length > 1 && token.endsWith(quote) ? quote : ""}`;
    }
    if (schemeUnderName(token, name, rest.slice(at + token.length))) {
      // `token: Bearer abc…`: the name makes the scheme's word and the credentials after it one value.
      credentialNext = true;
      return token;
    }
    const delimiter = token.startsWith('"""') || token.startsWith("'''") ? (token.slice(0, 3) as '"""' | "'''") : undefined;
    const quote = delimiter ?? (token[0] === '"' || token[0] === "'" ? token[0] : "");
    const closed = quote !== "" && token.length >= 2 * quote.length && token.endsWith(quote);
    const content = token.slice(quote.length, closed ? -quote.length : undefined);
    const apart = quote === "" ? PARAMETER_NAME_END.exec(content) : null;
    const equals = /^[ \t]*=/.exec(rest.slice(at + token.length))?.[0];
    if (apart !== null && equals !== undefined && (equals === "=" || CREDENTIAL_NAME_END.test(apart[0]))) {
      // A URL's parameter whose `=` the token leaves out (`;key="…"`, `?token = …`): masked as one with its `=`, the value after it
      // whole; a commented-out key (`#DB_PASSWORD="…"`) shows its name as a fragment's parameter would, its value judged under it.
      // With blanks before the `=` only a credential's name is read so (`;key = …`); prose's `# a;b = c` is judged word by word.
      // A credential's name after the `=` and a blank (`;key= password hunter2…`) is no value: it names the word after it.
      const commentedKey = content.startsWith("#");
      const after = at + token.length + equals.length;
      if (!commentedKey && !nameAfterBlank(rest.slice(after))) parameterValueEnd = valueEnd(rest, after);
      previous = commentedKey ? content.slice(1) : content;
      bare = "";
      linked = false;
      const shown = maskedValue(`${content}=x`, name);
      return shown.endsWith("=…") ? shown.slice(0, -2) : shown;
    }
    const glued = quote === "" ? ZERO_WIDTH_GLUED.exec(content) : null;
    if (glued !== null && namedCredential(glued[1]!, glued[3]!)) return glued[1]! + glued[2]! + maskedAfterName(glued[3]!);
    // A credential's name, a blank and its value, as prose and comments write one (`# x-api-key abc…`, `# token "abc…"`, `# token,abc…`).
    const named = delimiter === undefined && bare !== "" && NAME_GAP.test(rest.slice(bareEnd, at)) && namedCredential(bare, content, linked);
    const masked = named ? maskedAfterName(content) : delimiter === undefined ? maskedValue(content, name) : maskedContent(content, name);
    if (delimiter !== undefined && !closed) Object.assign(state, { open: delimiter, name });
    // A linking word keeps the name before it (`# password is abc…`).
    linked = quote === "" && bare !== "" && LINKING_WORD.test(content);
    if (!linked) bare = quote === "" ? content : "";
    bareEnd = at + token.length;
    previous = content;
    // A name glued to its colon (`password:`, as prose and comments write one) names what follows.
    name = quote === "" && content.length > 1 && content.endsWith(":") ? content.slice(0, -1) : "";
    return quote + masked + (closed ? quote : "");
  });
}

/**
 * Where the value written at `from` in `text` ends (blanks before it skipped): at the first blank
 * outside its quotes and brackets, so a list, a table and a quote with more glued to it are one
 * value (`["…", "…"]`, `{"…":"…"}`, `""…`).
 */
function valueEnd(text: string, from: number): number {
  let at = from + /^[ \t]*/.exec(text.slice(from))![0].length;
  let depth = 0;
  for (; at < text.length; at += 1) {
    const char = text[at]!;
    if (char === '"' || char === "'") {
      const close = text.slice(at + 1).search(char === '"' ? /(?<!\\)"/ : /'/);
      if (close === -1) return text.length;
      at += close + 1;
    } else if (char === "[" || char === "{") depth += 1;
    else if (char === "]" || char === "}") depth -= 1;
    else if (/\s/.test(char) && depth <= 0) break;
  }
  return at;
}

/**
 * A URL token (`LINE_TOKEN`) ending in a query, fragment or path parameter's name that has no `=` yet (`https://…/x;key`,
 * `/v1/logs%3Bkey`, `#DB_PASSWORD`).
 */
const PARAMETER_NAME_END = /(?:[?#;&]|%3B)[^\s?#;&=/\\]+$/i;

/** A parameter's name (`PARAMETER_NAME_END`'s match) ending in a credential's word: `;key`, `?access_token`, `#DB_PASSWORD`. */
const CREDENTIAL_NAME_END = /(?:^|[^A-Za-z0-9])(?:(?:api_?)?key|token|secret|password|passwd|pwd|pass|signature|sig|auth|credentials?|session|sid|cookie)$/i;

/**
 * Whether `text`, what follows a parameter's `=`, is blanks, a bare word ending in a credential's word
 * (`CREDENTIAL_NAME_END`) and another word that word names: after its `:` any (` api_key: …`), else one its
 * credential's value would be (`namedCredential`: ` password hunter2…`, ` key "…"`). Any other word there is the
 * value (`;key= Zx9…_token`, `;key= Zx9…_token more words`).
 */
function nameAfterBlank(text: string): boolean {
  const words = /^[ \t]+([A-Za-z][\w.-]*)(:?)[ \t]+(\S+)/.exec(text);
  if (words === null || !CREDENTIAL_NAME_END.test(words[1]!)) return false;
  return words[2] === ":" || namedCredential(words[1]!, words[3]!.replace(/^["']|["']$/g, ""));
}

/** Characters that show nothing and end no token: a soft hyphen, joiners, zero-width and directional marks (U+00AD, U+034F, U+180E, U+200B–U+200F, U+2060–U+2064, U+FEFF). */
const INVISIBLE = "\\u00ad\\u034f\\u180e\\u200b-\\u200f\\u2060-\\u2064\\ufeff";

/** What may stand between a credential's name and its value in prose: blanks of any kind (an NBSP, U+3000, a zero-width space), perhaps one `,`. */
const NAME_GAP = new RegExp(`^[\\s${INVISIBLE}]*,?[\\s${INVISIBLE}]*$`, "u");

/** A name and its value joined by a blank no token ends at, an invisible one (`key\u200babc…`). */
const ZERO_WIDTH_GLUED = new RegExp(`^([A-Za-z][\\w.-]*)([${INVISIBLE}]+)(.+)$`, "u");

/** A word that links a credential's name to its value in prose (`password is …`, `password is now …`, `token - …`). */
const LINKING_WORD = /^(?:is|was|equals|now|[-–—→]|->):?$/i;

/**
 * Whether `content` (a bare word or a string's text) written after the bare word `name` is that
 * credential's value (`credentialAfterName`), invisible characters and an opening bracket or quote
 * before it (`(`, `` ` ``, `“`, `«`) and a `;`, `:`, `!`, `?`, closing bracket or quote after it left out.
 */
function namedCredential(name: string, content: string, linked = false): boolean {
  return credentialAfterName(name, content.replace(VALUE_OPENING, "").replace(SENTENCE_END, ""), linked);
}

/** `content` masked as a credential after its name, its opening and a closing bracket, quote or `;` kept (`(…)`, `…;`). */
function maskedAfterName(content: string): string {
  return `${VALUE_OPENING.exec(content)?.[0] ?? ""}…${VALUE_CLOSING.exec(content)?.[0] ?? ""}`;
}

const VALUE_OPENING = new RegExp(`^[${INVISIBLE}(\`“‘«„‹]+`, "u");
const SENTENCE_END = /[;:!?)`”’»›]+$/u;
const VALUE_CLOSING = /[;)`”’»›]+$/u;

/**
 * Whether bare `token` is an authentication scheme's word (`Bearer`, `Basic`) that, read alone
 * under the credential's name written before it (`token: Bearer abc…`, `password: Basic dXNl…`),
 * would be masked, and a word follows it on the line (`after`): the word is then kept and the
 * credentials after it masked whole, whatever their shape. With nothing after it, it is masked
 * as any word under that name.
 */
function schemeUnderName(token: string, name: string, after: string): boolean {
  return name !== "" && isAuthScheme(token) && maskedValue(token, name) !== token && /^[ \t]+[^\s=:,]/.test(after);
}

/**
 * A multi-line string's text on one line, judged under its key `name`: all of it masked when it
 * looks like a credential (`maskedValue`: under `DB_PASSWORD`, any line but a placeholder), else
 * each word as a line's words are (`maskedLine`), so a URL's password or a `password: …` inside
 * prose is masked too.
 */
function maskedContent(text: string, name: string): string {
  const whole = maskedValue(text, name);
  return whole !== maskedSchemeCredentials(maskedUrl(text)) ? whole : maskedLine(text);
}

/** A multi-line basic string's text up to its closing `"""` or the line's end: escapes skipped. */
const BASIC_BODY = /^(?:[^"\\]|\\.?|"(?!""))*/;
/** A multi-line literal string's text up to its closing `'''` or the line's end. */
const LITERAL_BODY = /^(?:[^']|'(?!''))*/;

/**
 * The parts of a line `maskedLineIn` reads: a multi-line basic or literal string (`"""…"""`,
 * `'''…'''`, open to the line's end when it closes on a later line), a double-quoted
 * string (its escapes skipped, so `\"` does not end it; open to the line's end when unclosed), a
 * single-quoted one, `=`, and a run of anything else but blanks, quotes and TOML's and JSON's
 * punctuation (a JSON key's `:` alone is one, read as `=`), which, once it holds a `?`, `#` or `;`,
 * takes its `=` too: a URL's query (`https://…?sig=…`), a fragment's parameters (`#token=X`) or
 * path parameters (`/x;key=X`), brackets in their names too (`?filter[tenant]=X`, but no `[` after a
 * `=`: `#KEY=["…"]` is an array under a name), are masked as one
 * URL's (`maskedUrl`: `?sig=…`, `#token=…`, `;key=…`), not split into a name and a value
 * that no URL reading sees; but never a `=` that ends it, so a string after it is judged under the
 * name before it (`#DB_PASSWORD="…"`, a commented-out key). A string's body stops only where its
 * closing delimiter or the line's end is, so matching is linear in the line.
 */
const LINE_TOKEN = /"""(?:[^"\\]|\\.?|"(?!""))*(?:"""|$)|'''(?:[^']|'(?!''))*(?:'''|$)|"(?:[^"\\]|\\.)*"?|'[^']*'?|=|[^\s"'=,{}[\]?#;]*[?#;](?:[^\s"',{}[]|(?<!=)\[)*(?<!=)|[^\s"'=,{}[\]]+/g;
