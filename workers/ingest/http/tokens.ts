import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { listItemsOf } from "../../shared/env-schema";

/** One bearer token the public endpoint accepts. */
export interface IngestToken {
  /** Stamped on rows as `deco.ingest.token` and logged; never the secret. */
  name: string;
  secret: string;
  /** `service.name`s it may write (exact, or a prefix ending in `*`); `undefined` = any. */
  services: readonly string[] | undefined;
}

const NAME = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Parses `INGEST_TOKENS`' entries, as `readIngestTokens` splits its text (at commas, or the
 * strings of a JSON array), each one of
 *
 *     SECRET                          any service; named sha256:<first 12 hex digits of SHA-256(SECRET)>
 *     NAME:SECRET                     any service
 *     NAME:SECRET:SERVICE|SERVICE…    only these service.names; `prefix*` matches by prefix
 *
 * so the comma-separated secrets of earlier versions mean what they meant. NAME is 1–64
 * letters, digits, `.`, `_`, `-`; a secret ends at the second `:` (all after it is the scope, so
 * `a:b:c:d` scopes `b` to `c:d`, as a service.name such as `unknown_service:node` needs) and
 * holds only visible ASCII without `,`, `;` (RFC 6750 bearer tokens never do: a header value
 * carries nothing else), nor starts with the `Bearer ` scheme. An entry of a JSON array holds no
 * `,` either: it is one entry, and a comma there is two joined. Names and secrets must be unique.
 * Returns the tokens, or a message naming every malformed entry by position (never quoting a
 * secret).
 */
export function parseIngestTokens(list: readonly string[]): { ok: true; tokens: IngestToken[] } | { ok: false; error: string } {
  /** Tokens read so far, by the position of their entry (1-based), for a repeat to name it. */
  const tokens = new Map<number, IngestToken>();
  const problems: string[] = [];
  const entries = list.map((entry) => entry.trim()).filter((entry) => entry !== "");
  for (const [index, entry] of entries.entries()) {
    const where = `entry ${index + 1} of ${entries.length}`;
    const parsed = entry.includes(",") ? `${where} holds a ",": in a JSON array each string is one entry, list them apart` : parseEntry(entry, where);
    const problem = typeof parsed === "string" ? parsed : repeatOf(parsed, tokens, where);
    if (problem !== undefined) problems.push(problem);
    else if (typeof parsed !== "string") tokens.set(index + 1, parsed);
  }
  return problems.length === 0 ? { ok: true, tokens: [...tokens.values()] } : { ok: false, error: problems.join("; ") };
}

/**
 * Why `token` cannot join `earlier` (by entry position), if it cannot. The secret is checked
 * first: a bare token's name is its secret's digest, so naming the digest would hide that the
 * same token is listed twice.
 */
function repeatOf(token: IngestToken, earlier: ReadonlyMap<number, IngestToken>, where: string): string | undefined {
  for (const [position, other] of earlier) {
    if (other.secret === token.secret) {
      return other.name === token.name
        ? `${where} repeats entry ${position}, secret included: list each token once`
        : `${where} repeats the secret of entry ${position}: give each name its own secret`;
    }
    if (other.name === token.name) return `${where} repeats the name "${token.name}" of entry ${position}: each token needs its own`;
  }
  return undefined;
}

/**
 * `INGEST_TOKENS` as the Worker reads its text: comma-separated entries, or a JSON array of them
 * as text (`listItemsOf`), each as `parseIngestTokens` takes it. `npm start -- --token` reads its
 * value here too, so a local run takes exactly what a deployment does.
 */
export function readIngestTokens(text: string): { ok: true; tokens: IngestToken[] } | { ok: false; error: string } {
  const entries = listItemsOf(text);
  if (entries === undefined) {
    return { ok: false, error: tokenListRefusal("text that is no JSON array of strings") };
  }
  return parseIngestTokens(entries);
}

/** Why a value is no token list, given what it is (`got`); never the value, which holds secrets. */
export function tokenListRefusal(got: string): string {
  return `must be a comma-separated list of NAME:SECRET[:SERVICE|…] entries or a JSON array of them as text, got ${got} (not shown: it holds secrets)`;
}

/**
 * What no secret holds: a blank, `;` or a control character. A bearer token is one token68
 * (RFC 6750 §2.1), so such a secret could never be presented; it is rather two entries joined by
 * a separator that is not ours (`a:s1;b:s2`, a line break).
 */
const NOT_IN_SECRET = /[\s;\x00-\x1f\x7f]/;
const SECRET_RULE = 'non-empty, without spaces, ";" or control characters (entries are separated by commas)';

/**
 * Beyond visible ASCII: RFC 9110's field-value (§5.5) is visible ASCII and blanks, other bytes only
 * as obsolete text a recipient treats as opaque, and clients (fetch, curl, the OTel SDKs) send a
 * bearer token as visible ASCII, so a secret holding another character could not be presented as written.
 */
const NOT_ASCII = /[^\x20-\x7e]/;
const ASCII_RULE = "visible ASCII only: clients send a header value as visible ASCII (RFC 9110 field-value), so no client could send it";

/** What is wrong with `secret`, by `SECRET_RULE` then `ASCII_RULE`; undefined when nothing is. */
function secretFault(secret: string): string | undefined {
  if (secret === "" || NOT_IN_SECRET.test(secret)) return SECRET_RULE;
  return NOT_ASCII.test(secret) ? ASCII_RULE : undefined;
}

function parseEntry(entry: string, where: string): IngestToken | string {
  // The Worker reads the token after the scheme: a secret kept with it could never match.
  if (/^bearer\s/i.test(entry)) return `${where} starts with "Bearer ": leave the scheme out, list the token alone`;
  const firstColon = entry.indexOf(":");
  if (firstColon === -1) {
    const fault = secretFault(entry);
    if (fault !== undefined) return `${where}: a token must be ${fault}`;
    return { name: unnamedTokenName(entry), secret: entry, services: undefined };
  }
  const name = entry.slice(0, firstColon).trim();
  // The name is not quoted back: a secret written first by mistake would end up in the log.
  if (!NAME.test(name)) return `${where}: the name before the first ":" must be 1–64 letters, digits, ".", "_" or "-"`;
  const rest = entry.slice(firstColon + 1);
  const secondColon = rest.indexOf(":");
  const secret = (secondColon === -1 ? rest : rest.slice(0, secondColon)).trim();
  const fault = secretFault(secret);
  if (fault !== undefined) return `${where} ("${name}"): the secret after "${name}:" must be ${fault}`;
  if (secondColon === -1) return { name, secret, services: undefined };
  const services = rest
    .slice(secondColon + 1)
    .split("|")
    .map((service) => service.trim())
    .filter((service) => service !== "");
  if (services.length === 0) return `${where} ("${name}"): list its services after the second ":", separated by "|"`;
  const misplacedStar = services.find((service) => service.slice(0, -1).includes("*"));
  if (misplacedStar !== undefined) {
    return `${where} ("${name}"): "*" may only end a service prefix, got ${JSON.stringify(misplacedStar)}`;
  }
  return { name, secret, services };
}

/**
 * The name of a token given without one: a prefix of its SHA-256, which identifies it to
 * whoever holds the list (`printf %s "$TOKEN" | sha256sum | cut -c1-12`) without revealing it.
 */
export function unnamedTokenName(secret: string): string {
  return `sha256:${bytesToHex(sha256(utf8ToBytes(secret))).slice(0, 12)}`;
}
