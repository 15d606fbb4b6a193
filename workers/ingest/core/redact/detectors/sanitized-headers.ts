import { SANITIZED_HEADERS, redactCredentialHeader } from "../credential-headers";
import { MoreEvidence } from "../evidence";
import { countWork } from "../scan-scope";
import { isMaskOrPlaceholder } from "../secret-names";
import { type Detector, type Rewrite, hidingSessionIds } from "./detector";
import { SECRET_PARAM_KIND } from "./secret-parameter";

/**
 * A credential header in a header dump whose name and value some loggers join with `:?:` (a
 * separator an instrumentation sanitized: `x-api-key:?:98172634`, `cookie:?:sid=…; theme=dark`,
 * `authorization:?:Bearer …, accept:?:*∕*`). The secret field forms read `name:?` as a key's
 * sanitized namespace (key-namespaces.ts) and, before a secret-shaped token, take the rest of the
 * run with the headers after it; under these names they leave the field to this reading
 * (`isSanitizedHeaderName`). The value is read as the header's syntax: a `Cookie`'s and a
 * `Set-Cookie`'s cookies (preference cookies and attributes stay), an `Authorization`'s scheme and
 * credentials; an API key's value goes whole whatever its shape (digits only too). It ends before
 * the next header of the dump (`, accept:?:`, or a blank and `name:?:`), a quote or the line's end.
 */

/** A header's name in any case, as a regex source. */
function anyCase(name: string): string {
  return [...name].map((c) => (/[a-z]/.test(c) ? `[${c}${c.toUpperCase()}]` : c)).join("");
}

/** The names of `SANITIZED_HEADERS`, each starting a word, in any case. */
const NAMES = `(?<![\\w-])(?:${[...SANITIZED_HEADERS.keys()].map(anyCase).join("|")})`;
/**
 * What ends a value: the dump's next header, `name:?:` after a comma or a blank or `name:` after a
 * comma (`, host:example.com`; no URL's `//`), a quote or a backslash (a JSON string's end or
 * escape), or the line's end.
 */
const VALUE_END = "(?=(?:,[ \\t]*|[ \\t]+)[A-Za-z][\\w-]{0,63}:\\?:|,[ \\t]*[A-Za-z][\\w-]{0,63}:(?![/\\\\])|[ \\t]*(?:[\\\\\"]|\\r?\\n|$))";
/**
 * A value's character: no quote, backslash or line's end, and no `:?:` (`x-api-key:?:x-api-key:?:`
 * is a dump's headers glued, each sanitized, and no value); or a parameter's quoted string after its
 * `=` (Digest's `username="bob", response="…"`), whose quotes end nothing.
 */
const VALUE_CHARACTER = "(?:=\"[^\"\\\\\\r\\n]{0,256}\"|[^\\r\\n\"\\\\:]|:(?!\\?:))";
/**
 * The separator first (a native scan), the header's name read back behind it, then the value (at
 * most 4096 characters), which opens with no blank, backslash, separator or closing bracket
 * (`x-api-key:?:, host:…` holds none).
 */
const SOURCE = `:\\?:(?<=${NAMES}:\\?:)(?![\\s\\\\,;&|)\\]}>])${VALUE_CHARACTER}{1,4096}?${VALUE_END}`;
/** An API key's value: its first run, up to a blank, a quote, or a separator or closing bracket (`;`, `,`, `&`, `|`, `)`, `]`, `}`, `>`). */
const KEY_RUN = /^[^\s,;&|)\]}>'"`]+/;
/** A value's first word, up to a blank or a quote: a mask there (`[REDACTED]`, `***`) is the sender's. */
const FIRST_WORD = /^[^\s'"`]*/;

/** How far back the header's name is read: the longest name, `proxy-authorization`, and room. */
const NAME_REACH = 40;

/** The header's name before the `:?:` at `start`: the run of letters and `-` the source's lookbehind read as a whole word. */
function nameBefore(text: string, start: number): string {
  return /[A-Za-z-]+$/.exec(text.slice(Math.max(0, start - NAME_REACH), start))![0];
}

/**
 * The match (`:?:` and the value) with the value's credentials replaced; undefined when the value
 * or its first word is a mask or a placeholder (`?`, `***`, `[REDACTED]`) or it holds only preference
 * cookies, which stay.
 */
function redactSanitizedHeader(match: string, marker: string, text: string, start: number): Rewrite | undefined {
  const value = match.slice(3);
  // Read outside the regex: the header's name back from the separator, and the value in the header's syntax.
  countWork(Math.min(start, NAME_REACH) + value.length);
  // A marker (this reading's own output) stays; a `Bearer` or `Basic` credential is its own detector's.
  if (value.startsWith("[REDACTED:") || /^(?:bearer|basic)[ \t]/i.test(value)) return undefined;
  if (value === "?" || isMaskOrPlaceholder(value) || isMaskOrPlaceholder(FIRST_WORD.exec(value)![0])) return undefined;
  const header = SANITIZED_HEADERS.get(nameBefore(text, start).toLowerCase());
  const sessionIds: number[] = [];
  let markers = 0;
  // A sender's mask where a credential stands (`Bearer ***`, `sid=[REDACTED]`) stays.
  const mark = (credential: string, sessionId?: boolean): string => {
    if (isMaskOrPlaceholder(credential)) return credential;
    if (sessionId === true) sessionIds.push(markers);
    markers++;
    return marker;
  };
  if (header === undefined) return { text: `:?:${marker}`, kind: SECRET_PARAM_KIND, length: 3 + (KEY_RUN.exec(value)?.[0].length ?? value.length) };
  const redacted = redactCredentialHeader(header, value, mark);
  if (redacted === value) return undefined;
  if (redacted === undefined) return `:?:${marker}`;
  return hidingSessionIds({ text: `:?:${redacted}`, kind: SECRET_PARAM_KIND }, SECRET_PARAM_KIND, sessionIds);
}

export const sanitizedHeadersDetector: Detector = {
  kind: SECRET_PARAM_KIND,
  source: SOURCE,
  evidence: 0,
  moreEvidence: MoreEvidence.SANITIZED_HEADER,
  rewrite: (match, marker, text, start) => redactSanitizedHeader(match, marker, text, start),
};
