import { lazy } from "../../../shared/lazy";
import type { AnyValue, KeyValue } from "../../../shared/otlp/model";
import { withoutRemembering } from "./bounded-memo";
import { endsWithFolded, lastPartIsFolded } from "./folded-words";
import { namesHolder } from "./card-holder-names";
import { holdsNoCredentialUnderHeader } from "./credential-headers";
import { PAIRED_NAME, namesPersonField } from "./person-names";
import { isPostalCodeParameterName } from "./postal-code-names";
import { isHeaderName, isSecretName, nameBefore, nameWords } from "./secret-names";
import { namesStreetAddress } from "./street-addresses";
import { LOGGER_PREFIX, indentedMessageStart, loggerPrefixLength } from "./logger-prefix";

/**
 * Settings written as a name/value pair, the name in one member and the value in its sibling:
 * a Kubernetes container's `env` list (`{"name":"DB_PASSWORD","value":"…"}`, `- name: …\n
 * value: …`), HAR's and the Fetch API's header lists (`{"name":"Authorization","value":"…"}`),
 * AWS tags and SSM parameters (`{"Key":"api_key","Value":"…"}`, `{"Name":"/prod/db/password",
 * "Value":"…","Type":"SecureString"}`), GitHub Actions' and Terraform's variables. The name
 * decides, as a key does (secret-names.ts, and the personal data's names: `namesRuledData`): the `value` member is ruled as if it were written
 * under that name (`env.DB_PASSWORD`), so `{"name":"PORT","value":"8080"}`, `{"name":
 * "password_min_length","value":"12"}` and a `valueFrom` reference stay. docs/decisions.md,
 * 2026-12-02, "name/value pairs".
 */

/**
 * Whether `valueMember` is the value member that pairs with the name member `nameMember`: after
 * `name`, `key` and `variable` (in any case: `Name`, `Key`), `value`; after a name ending in `Key`
 * or `Name` (CloudFormation's `ParameterKey`, Elastic Beanstalk's `OptionName`), `Value` or the
 * same start before `Value` (`ParameterValue`).
 */
export function pairsWith(nameMember: string, valueMember: string): boolean {
  const named = PAIR_NAME_MEMBER.exec(nameMember);
  if (named === null) return false;
  const value = valueMember.toLowerCase();
  return value === "value" || (named[1] !== undefined && named[1] !== "" && value === `${named[1].toLowerCase()}value`);
}

/** Whether a member's name may be a pair's value member: `value`, or a name ending in it (`ParameterValue`), in any case. */
export function isPairValueMember(member: string): boolean {
  return PAIR_VALUE_MEMBER.test(member);
}

/**
 * The name a pair's value is ruled under, when its name member holds `name` naming what a key
 * rule hides (`namesRuledData`): the name itself (`DB_PASSWORD`, `Authorization`,
 * `spring.datasource.password`, a form's `street` or `zip`), or, for a parameter store's path,
 * its last part (`/prod/db/password` → `password`); a label of a few words, its words joined
 * (Shopify's line item property `_Recipient Name` → `recipient_name`); and `name` itself (any
 * case: AWS Cognito's `{"Name":"name","Value":…}`), `PAIRED_NAME`, a name of no owner, which is
 * a person's only when it reads as one (person-names.ts). Undefined for a name that names nothing
 * hidden (`PORT`, `token_ttl`, `city`) and for text that is no name (a sentence, a URL): the value
 * is then scanned under its own member's name. `name` is a value of the request (it may be a
 * person's name): no memo of names remembers it (`withoutRemembering`).
 */
export function ruledPairName(name: string): string | undefined {
  return withoutRemembering(() => ruledNameOf(name));
}

function ruledNameOf(name: string): string | undefined {
  const last = name.slice(name.lastIndexOf("/") + 1);
  if (last.toLowerCase() === "name") return PAIRED_NAME;
  if (SPACED_LABEL.test(last)) {
    const joined = nameWords(last).join("_");
    return namesRuledData(joined) ? joined : undefined;
  }
  return PLAIN_NAME.test(last) && namesRuledData(last) ? last : undefined;
}

/**
 * Whether a key named `name` has its value hidden by a key rule's kind rather than scanned: a
 * secret's name (secret-names.ts), a street address's (`street`, `address_line1`:
 * street-addresses.ts), a postal code's (`zip`, `cep`: postal-code-names.ts), a card holder's or
 * a holder's or a person's name field (`first_name`). A name naming none (`city`, `server`) leaves the value
 * under its own member, whose scan sees every kind; ruling it under such a name could keep an
 * address a server's name lets through.
 */
function namesRuledData(name: string): boolean {
  if (isSecretName(name)) return true;
  const words = nameWords(name);
  return namesStreetAddress(words) !== undefined || isPostalCodeParameterName(name) || namesHolder(words) || namesPersonField(words);
}

/**
 * The ruled name (`ruledPairName`) of an object's name/value pair and its value member's name
 * (`{ name: "DB_PASSWORD", value: "value" }`), when a name member holding a string that names
 * what a key rule hides has its value member beside it (`pairsWith`); undefined otherwise.
 * `object`: a parsed JSON object.
 */
export function ruledPairOf(object: Readonly<Record<string, unknown>>): { name: string; value: string } | undefined {
  for (const member in object) {
    const held = object[member];
    if (typeof held !== "string" || !PAIR_NAME_MEMBER.test(member)) continue;
    // The value's sibling first: most objects with a `name` are no pair, and the name's words cost more.
    let value: string | undefined;
    for (const sibling in object) {
      if (isPairValueMember(sibling) && pairsWith(member, sibling)) {
        value = sibling;
        break;
      }
    }
    if (value === undefined) continue;
    const name = ruledPairName(held);
    if (name !== undefined) return { name, value };
  }
  return undefined;
}

/**
 * Whether a pair's `value` hides nothing: an empty string (`{"name":"Authorization","value":""}`,
 * a header sent empty), which a marker would claim held a secret.
 */
export function isEmptyPairValue(value: unknown): boolean {
  return value === "";
}

/**
 * The ruled names of a header list's values by their index (`ruledPairName`: `Cookie`,
 * `Authorization`, `X-Api-Key`), when `items`, at `path`, is a list of headers as name/value
 * pairs: strings, an even number of them, each first of two an HTTP field name (RFC 9110 §5.1),
 * under a name whose last word is `headers`, `header` or `trailers`. The Fetch API's and undici's
 * `[["cookie", "…"], ["authorization", "…"]]` (each pair is such a list) and Node's
 * `req.rawHeaders` (`["Host", "example.com", "Cookie", "…"]`). Undefined when there is none, or
 * when the items are a list of header names (`isHeaderNameList`): a CORS list's names, no pairs.
 */
export function headerListPairs(items: readonly unknown[], path: string): Map<number, string> | undefined {
  return namesHeaderList(path) ? pairedHeaderValues(items, ruledPairName) : undefined;
}

/**
 * The credential headers' names of a header list's values by their index, as `headerListPairs`
 * reads a list, for a list written in text with no name (a bare print of Node's `rawHeaders`,
 * Python's `[('Host', '…'), ('X-Api-Key', '…')]`, .NET's `[X-Api-Key, …]`): only a header whose
 * name names a secret and is a credential header's (`CREDENTIAL_HEADER_NAME`: `X-Api-Key`, `Authorization`,
 * `Cookie`, `Api-Key`) pairs its value, a list of other words (`['password', 'token']`) being no
 * header list.
 */
export function credentialHeaderPairs(items: readonly string[]): Map<number, string> | undefined {
  return pairedHeaderValues(items, (name) => (CREDENTIAL_HEADER_NAME.test(name) && withoutRemembering(() => isSecretName(name)) ? name : undefined));
}
/**
 * A credential header's name as a header list holds it, in any case: an `X-` header's, `Authorization`,
 * `Proxy-Authorization`, `Cookie`, `Set-Cookie`, `Api-Key`. A dashed word holding a secret's word (`auth-token`,
 * `private-key`, `password-reset`) is a setting's or a label's as often, no header's.
 */
const CREDENTIAL_HEADER_NAME = /^(?:x(?:-[a-z0-9]+)+|(?:proxy-)?authorization|(?:set-)?cookie|api-?key)$/i;

/**
 * The names `ruled` gives a header list's values by their index (`headerListPairs`); undefined
 * when `items` are no name/value pairs, or are header names alone.
 */
function pairedHeaderValues(items: readonly unknown[], ruled: (name: string) => string | undefined): Map<number, string> | undefined {
  if (items.length === 0 || items.length % 2 !== 0) return undefined;
  // A list of header names alone (`allowedHeaders: ["Authorization","Content-Type"]`, a CORS setting) pairs none.
  if (isHeaderNameList(items)) return undefined;
  let names: Map<number, string> | undefined;
  for (let i = 0; i < items.length; i += 2) {
    const name = items[i];
    if (typeof name !== "string" || typeof items[i + 1] !== "string" || !FIELD_NAME.test(name)) return undefined;
    // A scheme's word or a header's name where the value stands holds no credential (`["Authorization","apikey"]`).
    const header = ruled(name);
    if (header !== undefined && !holdsNoCredentialUnderHeader(name, items[i + 1] as string)) (names ??= new Map()).set(i + 1, header);
  }
  return names;
}
/**
 * The start of a secret's name a list of two strings pairs with its value (detectors/header-pairs.ts), as a regex's
 * source: a password's, a passphrase's, a token's, a secret's or an API key's (`password`, `pwd`, `token_secret`,
 * `apiKey`), which `isSecretName` must accept too. Other secrets' names (`access_token`, `sid`) pair nothing there.
 */
export const SECRET_PAIR_NAME_START = "[Pp]ass|PASS|[Pp]wd|PWD|[Tt]oken|TOKEN|[Ss]ecret|SECRET|[Aa]pi_?[Kk]ey|API_?KEY";
const HEADER_LIST_WORDS: ReadonlySet<string> = new Set(["headers", "header", "trailers"]);

/**
 * Whether `items` are a list of header names, not name/value pairs: every item a string shaped as
 * a header's name (`HEADER_NAME_TOKEN`) and at least one item where a pair's VALUE would stand (an
 * odd index) a header's name the redaction knows (`isHeaderName`), which no pair holds as its
 * value, so that the others are names too (`["authorization","x-client-info","apikey",
 * "content-type"]`, `["Authorization","Content-Type","sentry-trace","baggage"]`). A pair list's
 * values are no known header's names, whatever their shape (`["X-Api-Key","hunter2"]`,
 * `["Host","localhost","Cookie","letmein"]`), and most fail the shape too (`"Bearer abc"`,
 * `"sk_live_abc123"`, `"a1b2c3d4e5f6"`).
 */
function isHeaderNameList(items: readonly unknown[]): boolean {
  return (
    items.every((item) => typeof item === "string" && HEADER_NAME_TOKEN.test(item)) &&
    items.some((item, i) => i % 2 === 1 && isHeaderName(item as string))
  );
}
/**
 * A header's name as a list of them writes it: at most 64 characters, words of letters joined by
 * `-`, a word perhaps ending in up to three digits (`X-Hub-Signature-256`, `X-B3-TraceId`), and a
 * letter in all. No blank, `_`, `/`, `=` or `.`, and no run of digits a key's or a token's value
 * mixes into its letters (`a1b2c3d4`).
 */
const HEADER_NAME_TOKEN = /^(?=.{1,64}$)(?=[^]*[A-Za-z])(?:[A-Za-z]+\d{0,3}|\d{1,3})(?:-(?:[A-Za-z]+\d{0,3}|\d{1,3}))*$/;
/** An HTTP field name: an RFC 9110 token, of at most 128 characters. */
const FIELD_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,128}$/;

/** Whether `path`'s last word is one a header list is kept under (`headers`, `rawHeaders`, `req.header`, `trailers`). */
export function namesHeaderList(path: string): boolean {
  const words = nameWords(path.slice(path.lastIndexOf(".") + 1));
  return HEADER_LIST_WORDS.has(words[words.length - 1] ?? "");
}

/** A pair's name member: `name`, `key`, `variable`, or a name ending in `Key` or `Name` (its start captured). */
const PAIR_NAME_MEMBER = /^(?:([A-Za-z]*?)(?:name|key)|variable)$/i;
const PAIR_VALUE_MEMBER = /^[A-Za-z]*value$/i;
/** A name as keys and environment variables write them, of at most 128 characters. */
const PLAIN_NAME = /^[A-Za-z_][\w.-]{0,127}$/;
/**
 * A label of two to four capitalised words with blanks, perhaps after Shopify's hidden-property
 * `_` (`_Recipient Name`, `Gift Message`); not a sentence (`my password is long`).
 */
const SPACED_LABEL = /^_?[A-Z][a-z]+(?: [A-Z][a-z]+){1,3}$/;

/**
 * The ruled names (`ruledPairName`) that name members among `attributes` give their sibling
 * value members, by the parent key both share with its dot (`Parameter.` for a lifted
 * `Parameter.Name`, `""` for a map's own `name`), with the name member's own name (`Name`, for
 * `pairsWith`); undefined when there is none. The first name member of a parent counts, as in
 * `ruledPairOf`.
 */
export function ruledPairNamesIn(attributes: readonly KeyValue[]): Map<string, PairName> | undefined {
  let names: Map<string, PairName> | undefined;
  for (const { key, value } of attributes) {
    if (!("stringValue" in value) || !mayBePairNameMember(key)) continue;
    const parentEnd = key.lastIndexOf(".") + 1;
    const member = key.slice(parentEnd);
    if (!PAIR_NAME_MEMBER.test(member)) continue;
    const parent = key.slice(0, parentEnd);
    if (names?.has(parent) === true) continue;
    const name = ruledPairName(value.stringValue);
    if (name !== undefined) (names ??= new Map()).set(parent, { name, member });
  }
  return names;
}

/** Whether `key`'s last part may be a pair's name member (`PAIR_NAME_MEMBER`): it ends in `name` or `key`, or is `variable`, in any case. */
export function mayBePairNameMember(key: string): boolean {
  return endsWithFolded(key, "name") || endsWithFolded(key, "key") || lastPartIsFolded(key, "variable");
}

/**
 * Whether `key` may be a pair's value member (`pairRuledKey` rules no other key anew): it ends in
 * `value`, in any case. A list with no such key has no key `ruledPairNamesIn`'s answer changes.
 */
export function mayBePairValueMember(key: string): boolean {
  return endsWithFolded(key, "value");
}

/** A ruled name a pair's name member gives (`name`), and that member's own name (`member`). */
export interface PairName {
  readonly name: string;
  readonly member: string;
}

/**
 * The key `attribute` is ruled as: a pair's value member (`Parameter.Value`) under the ruled
 * name its sibling gives it (`Parameter.password`, from `ruledPairNamesIn`'s `names`), an empty
 * value aside; else its own `key`.
 */
export function pairRuledKey(key: string, value: AnyValue, names: ReadonlyMap<string, PairName>): string {
  // Most keys end in no `value`: their last part is not sliced.
  if (!mayBePairValueMember(key)) return key;
  const parentEnd = key.lastIndexOf(".") + 1;
  const member = key.slice(parentEnd);
  if (!isPairValueMember(member) || ("stringValue" in value && isEmptyPairValue(value.stringValue))) return key;
  const pair = names.get(key.slice(0, parentEnd));
  return pair === undefined || !pairsWith(pair.member, member) ? key : key.slice(0, parentEnd) + pair.name;
}

/**
 * The name a text's field ending at `colon` is read by (`name: value`, `"name":"value"`): the
 * name written before the colon (`nameBefore`), except a pair's value member right after its
 * name member, which is read by the ruled name that member gives it (`ruledPairName`): JSON
 * text and its escaped copies (`{"name":"DB_PASSWORD","value":…}`), YAML's and util.inspect's
 * flow maps (`{name: DB_PASSWORD, value: …}`, `{ name: 'TOKEN', value: '…' }`), and a YAML
 * block's item (`- name: DB_PASSWORD\n  value: …`, the two keys at one indentation). A value
 * member written before its name is read by its own name (the JSON walk reads it by the pair:
 * json-text.ts). The text field forms (detectors/secret-parameter.ts) and their evidence
 * (evidence.ts) read names by it.
 */
export function fieldNameBefore(text: string, colon: number): string {
  const name = nameBefore(text, colon);
  if (!isPairValueMember(name)) return name;
  const before = text.slice(Math.max(0, colon - PAIR_REACH), colon);
  const flow = FLOW_PAIR_BEFORE.exec(before);
  if (flow !== null) return (pairsWith(flow[1]!, name) ? ruledPairName(flow[2]!) : undefined) ?? name;
  const block = BLOCK_PAIR_BEFORE().exec(before);
  if (block === null || !pairsWith(block[3]!, name) || !itemColumns(block[1]!, block[2]).includes(messageIndentation(block[5]!))) return name;
  return ruledPairName(block[4]!) ?? name;
}

/**
 * The indentation of a line's message whose start, up to its first non-blank, is `lead`: after a
 * logger's prefix, the blanks past its one separating blank (`indentedMessageStart`); else every
 * blank. In UTF-16 code units.
 */
function messageIndentation(lead: string): number {
  return lead.length - indentedMessageStart(lead, 0);
}

/**
 * The columns (counted as `messageIndentation`) where a block's `name` member's key may start,
 * its line's `lead` and its sequence item's dash given: after the dash, or, when a logger's
 * prefix ends in ` - ` right before the key, after that dash, the message's own list item
 * (`… INFO - name: DB_PASSWORD`), the dash at the message's start.
 */
function itemColumns(lead: string, dash: string | undefined): number[] {
  const column = messageIndentation(lead) + (dash?.length ?? 0);
  const prefixDash = dash === undefined && loggerPrefixLength(lead, 0) > 0 ? DASH_ENDING.exec(lead) : null;
  return prefixDash === null ? [column] : [column, prefixDash[0].length];
}
/** A dash and its blanks ending a prefix. */
const DASH_ENDING = /-[ \t]+$/;

/** How far back `fieldNameBefore` reads for a pair's name member: a name of up to 160 characters and its punctuation. */
const PAIR_REACH = 240;
/** A pair's name member, then `,` and its value member's name up to its colon: JSON text (quotes escaped at any level) and flow maps. */
const FLOW_PAIR_BEFORE =
  /(?:^|[{,\s])\\{0,7}["']?([A-Za-z]{0,32}?(?:name|key)|variable)\\{0,7}["']?[ \t]*:[ \t]*\\{0,7}["']?([A-Za-z_/][\w./-]{0,159})\\{0,7}["']?[ \t]*,[ \t\r\n]*\\{0,7}["']?[A-Za-z]{0,32}value\\{0,7}["']?[ \t]*$/i;
/**
 * A YAML block's `name: …` line (perhaps a sequence item's first, perhaps after a logger's
 * prefix), comment lines perhaps, then the `value` key (perhaps after a logger's prefix too: a
 * logger writes one on every line it prints) at the same indentation (`itemColumns`), the line's
 * start up to each key captured.
 */
const BLOCK_PAIR_BEFORE = lazy(
  () =>
    new RegExp(
      String.raw`(?:^|\n)((?:${LOGGER_PREFIX})?[ \t]*)(-[ \t]+)?([A-Za-z]{0,32}?(?:name|key)|variable)[ \t]*:[ \t]*["']?([A-Za-z_/][\w./-]{0,159})["']?[ \t]*\r?\n(?:[ \t]*#[^\n]*\n)*((?:${LOGGER_PREFIX})?[ \t]*)[A-Za-z]{0,32}value[ \t]*$`,
      "i",
    ),
);
