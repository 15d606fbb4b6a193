import { credentialHeaderOf, opensWithAuthScheme, readsAsCookies, redactCredentialHeader, type CredentialHeader } from "../credential-headers";
import { MoreEvidence, hintsCredentialHeaderPairs } from "../evidence";
import { SECRET_PAIR_NAME_START, credentialHeaderPairs } from "../name-value-pairs";
import { isSecretName, standsForSecret } from "../secret-names";
import { NO_TOKEN, isPairedSecretValue } from "../pair-values";
import { hidingSessionIds, redactionMarker, type Detector, type Rewrite } from "./detector";
import { isSessionIdShaped } from "../session-ids";
import { SCHEME_KINDS, SECRET_PARAM_KIND } from "./secret-parameter";

/**
 * A header list printed as name/value pairs in text, with no name before it to say it is one:
 * Python's list of tuples (`[('Host', 'api.example.com'), ('X-Api-Key', '…')]`, requests' and
 * aiohttp's header items), a pair as a list (`['x-api-key', '…']`, fetch's and undici's
 * `[["cookie", "…"]]`), a bare print of Node's `rawHeaders` (`[ 'Host', 'a.example.com',
 * 'X-Api-Key', '…' ]`) and .NET's `KeyValuePair<string, string>` (`[X-Api-Key, …]`). A credential
 * header's value keeps what the same header keeps under its key or as `Name: value`
 * (credential-headers.ts): an `Authorization`'s scheme word, a `Cookie`'s names and preferences;
 * the rest of it goes. With no name to say the list is a header list, a pair is read only as a
 * dump writes one: a credential header's name (`credentialHeaderPairs`: `X-…`, `Authorization`,
 * `Cookie`, `Api-Key`; no dashed setting's name as `auth-token`) and a value shaped as what that
 * header sends (`hasCredentialShape`), so a list pairing names with labels, settings or words
 * (`[('api-key', 'API Key')]`, `('X-Api-Key', 'missing')`) stays. The other headers (`Host`,
 * `Content-Type`, `User-Agent`, `X-Request-Id`) stay, and so does a list of header names (a CORS
 * setting's `['Authorization', 'Content-Type']`), an empty value, a mask or a placeholder.
 *
 * The list is read whole from its `[` or `(`: its strings in one kind of quote each, holding no
 * quote of their kind, backslash or line break, at most 128 of them (a `rawHeaders` of 64
 * headers); .NET's pair is its `[`, a header's name as a dump prints it (`DOTNET_HEADER_NAME`:
 * no log line's `[service-name, id]`), `, ` and the value up to the `]`. A value
 * that is a .NET type's name (`System.String[]`, an `IEnumerable`'s print) is none.
 *
 * A list or tuple of two strings whose first names a password, a passphrase, a token, a secret or an API key
 * (`SECRET_PAIR_NAME`) loses its second when that is a token (`isPairedSecretValue`: `["token","Zx9Kq2Lm7Pw4abcd"]`,
 * `[["token","…"]]`, `('api_key', '…')`); a list of names, labels, types or rules holds as many words with digits
 * (`user2`, `SHA256`, `varchar(255)`) as a pair holds passwords, so `[["password","hunter2"]]` stays (a known miss).
 * Gate: `MoreEvidence.HEADER_PAIR` (a quote or an opening before a dashed name, `Authorization`,
 * `Cookie`, or a secret pair's name: `SECRET_PAIR_NAME`). A text the gate opens for a secret pair's name alone
 * (`hintsCredentialHeaderPairs` false) holds no header dump: its lists are judged as pairs only, so an API key's
 * undashed name (`["apiKey","application/json"]`), a credential header's name to the dump's reading, keeps its value.
 */
const QUOTED_ITEM = String.raw`'[^'\\\n]{0,1024}'|"[^"\\\n]{0,1024}"`;
const QUOTED_LIST = String.raw`(?:\[|(?<![\w$.])\()[ \t]*(?:${QUOTED_ITEM})(?:[ \t]*,[ \t]*(?:${QUOTED_ITEM})){1,127}[ \t]*[\])]`;
/** .NET's `KeyValuePair` print: a header's name (1) and its value (2), which holds no bracket. */
const KEY_VALUE_PAIR = String.raw`\[([A-Za-z][\w-]{0,63}), ([^[\]\n]{1,1024})\]`;
const QUOTED_ITEM_AT = new RegExp(QUOTED_ITEM, "g");
const KEY_VALUE_PAIR_WHOLE = new RegExp(`^${KEY_VALUE_PAIR}$`);
/** A .NET type's name where a value stands: `System.String[]` reads up to its `[`. */
const DOTNET_TYPE = /^System\.[\w.`]+$/;
/**
 * .NET's pair's name where a header dump prints it: `X-` and capitalised words, `Authorization`,
 * `Proxy-Authorization` or `Cookie`. A log line's bracketed service name and id
 * (`[auth-token-service, 5f2c…]`, `[Auth-Token, expired]`) is none.
 */
const DOTNET_HEADER_NAME = /^(?:X(?:-[A-Z][A-Za-z0-9]*)+|(?:Proxy-)?Authorization|Cookie)$/;
/** The closing bracket each opening takes. */
const CLOSING: Readonly<Record<string, string>> = { "[": "]", "(": ")" };

export const headerPairsDetector: Detector = {
  kind: SECRET_PARAM_KIND,
  source: `(?:${QUOTED_LIST}|${KEY_VALUE_PAIR})`,
  evidence: 0,
  moreEvidence: MoreEvidence.HEADER_PAIR,
  // A list the gate opened on a secret pair's name alone (`["apiKey","application/json"]`) is judged as a pair, not as a header dump.
  rewrite: (match, marker, text) => (hintsCredentialHeaderPairs(text) ? redactHeaderPairs(match, marker) : undefined) ?? redactSecretPair(match, marker),
};

/** A secret pair's name's start, as the gate finds it (`SECRET_PAIR_NAME_START`). */
const SECRET_PAIR_NAME = new RegExp(`^(?:${SECRET_PAIR_NAME_START})`);

/** The list or tuple of two strings `match` with its value replaced by `marker`, when it pairs a secret pair's name (`SECRET_PAIR_NAME`) and its value (`isPairedSecretValue`); undefined otherwise. */
function redactSecretPair(match: string, marker: string): Rewrite | undefined {
  const items = itemsOf(match);
  if (items === undefined || items.length !== 2 || KEY_VALUE_PAIR_WHOLE.test(match)) return undefined;
  const [name, value] = items as [Item, Item];
  if (!SECRET_PAIR_NAME.test(name.text) || !isSecretName(name.text) || !isPairedSecretValue(name.text, value.text)) return undefined;
  return { text: `${match.slice(0, value.start)}${marker}${match.slice(value.end)}`, kind: SECRET_PARAM_KIND };
}

/** A string of a list and where its content starts and ends in the match. */
interface Item {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** The list's strings, or .NET's pair's name and value, with their places; undefined when the list closes with the other bracket. */
function itemsOf(match: string): Item[] | undefined {
  const pair = KEY_VALUE_PAIR_WHOLE.exec(match);
  if (pair !== null) {
    if (!DOTNET_HEADER_NAME.test(pair[1]!)) return undefined;
    const valueStart = 1 + pair[1]!.length + 2;
    return [
      { text: pair[1]!, start: 1, end: 1 + pair[1]!.length },
      { text: pair[2]!, start: valueStart, end: valueStart + pair[2]!.length },
    ];
  }
  if (CLOSING[match.charAt(0)] !== match.charAt(match.length - 1)) return undefined;
  const items: Item[] = [];
  for (const quoted of match.matchAll(QUOTED_ITEM_AT)) items.push({ text: quoted[0].slice(1, -1), start: quoted.index + 1, end: quoted.index + quoted[0].length - 1 });
  return items;
}

/** The match with each credential header's value replaced (`headerPairsDetector`); undefined when none is. */
function redactHeaderPairs(match: string, marker: string): Rewrite | undefined {
  const items = itemsOf(match);
  if (items === undefined) return undefined;
  const headers = credentialHeaderPairs(items.map((item) => item.text));
  if (headers === undefined) return undefined;
  const sessionIds: number[] = [];
  let markers = 0;
  let text = "";
  let copied = 0;
  for (const [index, name] of headers) {
    const value = items[index]!;
    const redacted = redactHeaderValue(name, value.text, marker, (sessionId) => {
      if (sessionId) sessionIds.push(markers);
      markers++;
    });
    if (redacted === undefined) continue;
    text += `${match.slice(copied, value.start)}${redacted}`;
    copied = value.end;
  }
  if (markers === 0) return undefined;
  return hidingSessionIds({ text: `${text}${match.slice(copied)}`, kind: SECRET_PARAM_KIND }, SECRET_PARAM_KIND, sessionIds);
}

/**
 * Whether `value`, a pair's under a credential header (`header`, undefined for an `X-` one or
 * `Api-Key`), is what such a header sends rather than a list's word: an `Authorization`'s known
 * scheme and its credentials (`Bearer …`), a `Cookie`'s `name=value` pairs, or else a token's
 * shape (`isSessionIdShaped`: no word of up to 15 letters as `missing`, `Fetch`, `Redacted`,
 * `authToken`, no `SNAKE_CASE` or dashed name, IP, date or short number), no path, URL or
 * labelled hash (`NO_TOKEN`). A list that pairs names with labels or settings
 * (`[('api-key', 'API Key')]`, `('X-Api-Key', 'X_API_KEY')`) is no header dump.
 */
function hasCredentialShape(header: CredentialHeader | undefined, value: string): boolean {
  if (header === "authorization" && opensWithAuthScheme(value) && /\s\S/.test(value)) return true;
  if ((header === "cookie" || header === "set-cookie") && readsAsCookies(value)) return true;
  return isSessionIdShaped(value) && !NO_TOKEN.test(value);
}

/**
 * `value` under the credential header `name` as the header's own rules leave it: an
 * `Authorization`'s or a `Cookie`'s read by its syntax (`redactCredentialHeader`: `Bearer
 * [REDACTED:bearer]`, `theme=dark; sid=[REDACTED:secret_param]`), any other header's replaced
 * whole; undefined when it stays (empty, a marker, a mask, a placeholder, a .NET type's name).
 * `marked` hears of each marker written, and whether it hides a session's id.
 */
function redactHeaderValue(name: string, value: string, marker: string, marked: (sessionId: boolean) => void): string | undefined {
  const trimmed = value.trim();
  if (trimmed === "" || trimmed.startsWith("[REDACTED:") || standsForSecret(trimmed) || DOTNET_TYPE.test(trimmed)) return undefined;
  const header = credentialHeaderOf(name);
  if (!hasCredentialShape(header, trimmed)) return undefined;
  // Bearer's and Basic's credentials count under their own kinds, as in `Authorization: Bearer …`.
  const kind = header === "authorization" ? (SCHEME_KINDS[/^\S*/.exec(trimmed)![0].toLowerCase()] ?? SECRET_PARAM_KIND) : SECRET_PARAM_KIND;
  const written = kind === SECRET_PARAM_KIND ? marker : redactionMarker(kind);
  const sessionIds: boolean[] = [];
  const redacted = header === undefined ? undefined : redactCredentialHeader(header, value, (_, sessionId) => {
    sessionIds.push(sessionId === true);
    return written;
  });
  if (redacted === value) return undefined;
  if (redacted === undefined) {
    marked(false);
    return marker;
  }
  for (const sessionId of sessionIds) marked(sessionId);
  return redacted;
}
