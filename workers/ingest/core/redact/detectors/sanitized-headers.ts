import { SANITIZED_HEADERS, opensWithAuthScheme, redactCredentialHeader } from "../credential-headers";
import { anyCase } from "../database-error-words";
import { MoreEvidence } from "../evidence";
import { countWork } from "../scan-scope";
import { isMaskOrPlaceholder, isSecretName } from "../secret-names";
import { namesSession } from "../session-ids";
import { type Detector, type Rewrite, hidingSessionIds } from "./detector";
import { SECRET_PARAM_KIND } from "./secret-parameter";

/**
 * A credential header in a header dump whose name and value some loggers join with `:?:` (a
 * separator an instrumentation sanitized: `x-api-key:?:98172634`, `cookie:?:sid=…; theme=dark`,
 * `authorization:?:Bearer …, accept:?:*∕*`). The secret field forms read `name:?` as a key's
 * sanitized namespace (key-namespaces.ts) and, before a secret-shaped token, take the rest of the
 * run with the headers after it; under these names they leave the field to this reading
 * (`isSanitizedHeaderName`). The value is read as the header's syntax: an `Authorization`'s scheme
 * and credentials, a first word that is no scheme's taking the whole value with it (as
 * `Authorization: Zx9Kq2 Lm7P…` loses all); a `Cookie`'s and a `Set-Cookie`'s first cookie, the one
 * glued to `:?:` (`COOKIE_FIRST_PAIR`), the later ones being read as in any text; an API key's value
 * goes whole whatever its shape (digits only too), with its brackets. It ends before
 * the next header of the dump (`, accept:?:`, or a blank and `name:?:`), a quote or the line's end.
 */

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
/**
 * An API key's value: its first run, up to a blank, a quote, or a separator or closing bracket (`;`, `&`, `|`, `)`, `]`, `}`, `>`,
 * and a `,` before a blank or another: the dump's next header starts at `, name:?:`, which ends the match, so a `,` glued
 * to what follows is the key's, `hunter2,pass`); a key opening with a bracket takes its closing one too (`[Zx9…]`), so no
 * bracket is left alone.
 */
const KEY_RUN = /^(?:\[[^\s,;&|)\]}>'"`]+\]|\([^\s,;&|)\]}>'"`]+\)|\{[^\s,;&|)\]}>'"`]+\}|<[^\s,;&|)\]}>'"`]+>|(?:[^\s,;&|)\]}>'"`]|,(?=[^\s,;&|)\]}>'"`]))+)/;
/**
 * A `Cookie`'s or `Set-Cookie`'s first pair, up to a blank, `;` or `,`: the later pairs, after `; `
 * or `, `, are read as in any text, as they were before this reading (`theme=dark, sid=…` keeps
 * `theme=dark` and hashes the session's id).
 */
const COOKIE_FIRST_PAIR = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]{1,64})=([^\s;,]+)/;
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
  if (header !== "authorization") return redactFirstCookie(value, marker);
  // A first word that is no scheme's is part of the credentials, and all of the value goes.
  if (/[ \t]/.test(value) && !opensWithAuthScheme(value)) return `:?:${marker}`;
  const redacted = redactCredentialHeader(header, value, mark);
  if (redacted === value) return undefined;
  if (redacted === undefined) return `:?:${marker}`;
  return hidingSessionIds({ text: `:?:${redacted}`, kind: SECRET_PARAM_KIND }, SECRET_PARAM_KIND, sessionIds);
}

/**
 * The first cookie of a `Cookie`'s or `Set-Cookie`'s `value` redacted, as a field `name=value`
 * is: a session's id gets the hashed marker, a secret's name's value (`isSecretName`) the plain
 * one; any other cookie, a mask, a marker and a preference stay. Undefined when nothing goes.
 */
function redactFirstCookie(value: string, marker: string): Rewrite | undefined {
  const pair = COOKIE_FIRST_PAIR.exec(value);
  // A marker there is this reading's own output, which stays.
  if (pair === null || pair[2]!.startsWith("[REDACTED:") || isMaskOrPlaceholder(pair[2]!)) return undefined;
  const [whole, name] = pair;
  const session = namesSession(name!);
  if (!session && !isSecretName(name!.toLowerCase())) return undefined;
  const rewrite: Rewrite = { text: `:?:${name}=${marker}`, kind: SECRET_PARAM_KIND, length: 3 + whole.length };
  return session ? hidingSessionIds(rewrite, SECRET_PARAM_KIND, [0]) : rewrite;
}

export const sanitizedHeadersDetector: Detector = {
  kind: SECRET_PARAM_KIND,
  source: SOURCE,
  evidence: 0,
  moreEvidence: MoreEvidence.SANITIZED_HEADER,
  rewrite: (match, marker, text, start) => redactSanitizedHeader(match, marker, text, start),
};
