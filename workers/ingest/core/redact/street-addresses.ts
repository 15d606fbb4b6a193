import { lazy } from "../../../shared/lazy";
import { standsForSecret } from "./secret-names";
import { SERVER_WORDS } from "./server-names";

/**
 * What a key's words say about a street address in its value: `named`, the key names one
 * (`street`, `address_line1`, `shipping_address`), so any text there is; `unit`, an address's
 * second line (`address2`, `line2`, `complemento`, `address.complement`), which holds an apartment or a building in one
 * word too (`Penthouse`, `4B`); `number`, a house number under an address (`address.houseNumber`,
 * `endereco.numero`); `shaped`, the key is a bare `address` (`address`, `customer.address`),
 * which holds a server's or a wallet's as often, so only a street-shaped text there is one
 * (`holdsStreetAddress`); undefined, no street address.
 */
export type StreetAddressField = "named" | "unit" | "number" | "shaped";

/**
 * Whether a key's words (`nameWords`, lower case) name a person's street address (GDPR: a postal
 * address identifies a home), and how surely (`StreetAddressField`):
 *
 * - a street's own word last: `street`, schema.org's `streetAddress` and `street_address`, `streetName`,
 *   Portuguese `logradouro`, `rua`, `endereco`/`endereço`, Spanish `calle`, `direccion`/`dirección`,
 *   German `strasse`/`straße`, French `adresse`, `rue` (not Italian `via`: HTTP's `Via` header and
 *   a routing word);
 * - Shopify's `address1`/`address2`, WooCommerce's `address_1`/`address_2`, and `ship_to`;
 * - a line of an address: `address_line1`, `addressLine2`, `address_line_1`, and Stripe's
 *   `billing_details.address.line1` (`line1`/`line2` under an address's word); the second line
 *   and Brazil's `complemento` (an apartment, a block): `unit`;
 * - a house number below an address's or a street's word (`address.houseNumber`,
 *   `address.street_number`, `endereco.numero`, `adresse.hausnummer`): `number`, as the street's
 *   name beside it is one (`streetName`); `numero` or `street_number` alone stay (an order's number);
 * - `address` after a word saying whose or which postal address it is (`shipping_address`,
 *   `billing_address`, `home_address`, `mailing_address`): `named`; a bare `address`
 *   (`customer.address`): `shaped`.
 *
 * Never when a word before names a machine's or a network's address (`TECHNICAL_WORDS`:
 * `server.address`, `client.address`, `net.peer.address`, `mac_address`, `ip_address`,
 * `bind_address`, `email_address`, `wallet_address`, `listen_address`, `remote_addr`, a Node
 * system error's `err.address`), whose
 * values the IP and e-mail detectors judge; nor when a later word describes the address rather
 * than hold it (`address_family`, `address_verification`, `street_number`: the last word decides).
 */
export function namesStreetAddress(words: readonly string[]): StreetAddressField | undefined {
  const count = words.length;
  if (count === 0) return undefined;
  const plain = words.map(withoutAccents);
  const last = plain[count - 1]!;
  const before = count > 1 ? plain[count - 2]! : undefined;
  if (plain.slice(0, -1).some((word) => TECHNICAL_WORDS.has(word))) return undefined;
  if (STREET_WORDS.has(last) || (before === "street" && last === "name")) return "named";
  // English `complement` is a mathematician's word too: an address's only under an address's word (`address.complement`).
  if (UNIT_WORDS.has(last) || (last === "complement" && plain.some((word) => ADDRESS_WORDS.has(word)))) return "unit";
  const second = last === "2" || last === "line2" || last === "address2";
  // Shopify's `address1`/`address2`, WooCommerce's `address_1`/`address_2`, `ship_to`.
  if (ADDRESS_LINE_WORDS.has(last) || (before === "address" && (last === "1" || last === "2")) || (before === "ship" && last === "to")) {
    return second ? "unit" : "named";
  }
  // `address_line1`, `address.line_1`, `billing_details.address.line1`.
  const line = LINE_WORDS.has(last) || (before === "line" && (last === "1" || last === "2"));
  if (line) return plain.some((word) => ADDRESS_WORDS.has(word)) ? (second ? "unit" : "named") : undefined;
  // `houseNumber`, `street_number` (two words) or `numero` (one) below an address's word.
  const number = HOUSE_NUMBER_WORDS.has(last) ? 1 : last === "number" && before !== undefined && NUMBERED_WORDS.has(before) ? 2 : 0;
  if (number > 0) return plain.slice(0, -number).some((word) => ADDRESS_WORDS.has(word) || STREET_WORDS.has(word)) ? "number" : undefined;
  if (!ADDRESS_WORDS.has(last)) return undefined;
  return before !== undefined && (before === "street" || WHOSE_ADDRESS_WORDS.has(before)) ? "named" : "shaped";
}

/**
 * Whether `text`, the value under a key naming a street address (`namesStreetAddress`) or the
 * value of such a field in text, is one, so that it is replaced. Not what stands in a value's
 * place (a blank, a mask or template: `standsForSecret`; a flag or a form's word, `NOT_AN_ADDRESS`),
 * nor one token (a street's name alone, `Main`; an id, `addr_1Nv0FGQ9RKHgCVdK`; a form's answer,
 * `same_as_shipping`; also `See attached`), nor a machine's address (`TECHNICAL_VALUE`: an IP and port, a host and port, a URL, an
 * e-mail address, a hexadecimal memory or wallet address). Under a `named` key, any other text of
 * two words or more, a street's name without its number too (`Rua das Flores`, `Baker Street`);
 * under a `shaped` key, only a street's shape with a number (`STREET_SHAPE`: `12 Main St`,
 * `Rua das Flores, 123`, `Hauptstraße 5`; not `3 Way Handshake`), so that
 * `address: "listen tcp 8080"` stays.
 */
export function holdsStreetAddress(text: string, field: StreetAddressField): boolean {
  const trimmed = text.trim();
  if (trimmed === "" || trimmed.startsWith("[REDACTED:") || standsForSecret(trimmed)) return false;
  if (field === "number") return HOUSE_NUMBER.test(trimmed);
  if (NOT_AN_ADDRESS.has(trimmed.toLowerCase())) return false;
  // A second line's one word is the unit or the building (`Penthouse`, `4B`, `#12`), not an id's (`same_as_shipping`).
  if (field === "unit" && UNIT_TOKEN().test(trimmed)) return true;
  if (!ANY_LETTER().test(trimmed) || TECHNICAL_VALUE.test(trimmed)) return false;
  // One token is an id or a form's word (`addr_1Nv0FGQ9RKHgCVdK`, `same_as_shipping`, `Main`).
  if (!/\s/.test(trimmed)) return false;
  // Under a key naming a street, a street's name is one without its number, which senders keep in
  // a field of its own (`{"logradouro":"Rua das Flores","numero":"123"}`, `street: Baker Street`).
  if (field !== "shaped") return true;
  return /\d/.test(trimmed) && !/[:@/=_\\]/.test(trimmed) && STREET_SHAPE().test(trimmed);
}
const ANY_LETTER = lazy(() => new RegExp(String.raw`\p{L}`, "u"));

/** The last words of the keys `namesStreetAddress` accepts, lower case, as written (a text detector's candidates). */
export const STREET_FIELD_LAST_WORDS: readonly string[] = [
  "street", "streetaddress", "address", "addr", "line1", "line2", "logradouro", "rua", "calle", "endereco", "endereço",
  "direccion", "dirección", "address1", "address2", "address_1", "address_2", "ship_to", "shipto", "rue", "adresse",
  "strasse", "straße", "complemento", "complement", "streetname", "street_name", "adres", "ulica",
];

/**
 * What the text around a field's name holds when the field may name a street address, in any
 * case (`evidence.ts`): a street's, an address's or an address line's word.
 */
export const STREET_FIELD_WORD = /street|addr|adres|ulica|line_?[12]|endere|logradouro|rua|rue|calle|direcci|stra(?:ss|ß)e|ship_?to|complement/i;

/**
 * The words that end a US or UK street's name (USPS Publication 28's common suffixes and their
 * abbreviations), capitalised as an address prints them.
 */
export const STREET_TYPES = [
  "St", "Street", "Ave", "Avenue", "Rd", "Road", "Blvd", "Boulevard", "Ln", "Lane", "Dr", "Drive", "Ct", "Court", "Way", "Pl", "Place",
  "Terrace", "Parkway", "Pkwy", "Square", "Highway", "Hwy", "Plaza", "Circle",
];
/** The words that start a street's name in Portuguese and Spanish (`Rua das Flores`, `Av. Paulista`, `Calle Mayor`). */
export const STREET_HEADS = ["Rua", "Avenida", "Av\\.", "Travessa", "Alameda", "Calle"];

/**
 * The words that start a street's name in Poland, as an address prints them: `ul.` (ulica, a
 * street), and `ulica`, `aleja` (an avenue), `osiedle` (an estate), `plac` (a square) written out
 * (`detectors/street-address.ts`, `PL_LINE`).
 */
export const POLISH_STREET_HEADS = ["[Uu]l\\.", "[Uu]lica", "[Aa]leja", "[Oo]siedle", "[Pp]lac"];
/** The abbreviations of `aleja`, `osiedle` and `plac` (`al.`, `os.`, `pl.`), other words' too (`et al.`). */
export const POLISH_SHORT_HEADS = ["[Aa]l\\.", "[Oo]s\\.", "[Pp]l\\."];

/**
 * What every street line holds (`detectors/street-address.ts`): a street's type or head word, as written.
 * A text with a digit and a blank that holds none has no street line (`evidence.ts`).
 */
export const STREET_TYPE_WORD = new RegExp(`(?<![\\w])(?:${[...STREET_TYPES, ...STREET_HEADS, ...POLISH_STREET_HEADS, ...POLISH_SHORT_HEADS].join("|")})(?![a-z])`);

/**
 * What a street line ending with its postal code and town holds when it has no street word
 * `STREET_TYPE_WORD` knows (`Hauptstraße 5, 10115 Berlin`, `12 Rue de la Paix, 75002 Paris`,
 * `1 Infinite Loop, Cupertino, CA 95014`, `Marszałkowska 84, 00-514 Warszawa`): four digits, or
 * Poland's `00-514`, before a blank and a capital, or two capitals, a blank and five digits
 * (`detectors/street-address.ts`, `evidence.ts`).
 */
export const STREET_POSTAL_CODE_HINT = /(?:\d{4}(?:-\d{3})?|\d\d-\d{3}) [A-Z\u00C0-\u00DE\u0141\u015A\u017B\u0179]|[A-Z]{2} \d{5}/;

/**
 * Whether the text before a field's name at `nameStart` opens an address's object the field is
 * in (`"address":{"city":"X","line1":…`, Stripe's `billing_details.address` as JSON): a
 * `line1`/`line2` there is the address's line, as the key rule reads `address.line1`; so in YAML
 * below `address:`. Within
 * 160 characters, and no `}` closing that object before the name.
 */
export function addressObjectBefore(text: string, nameStart: number): boolean {
  const window = text.slice(Math.max(0, nameStart - ADDRESS_OBJECT_REACH), nameStart);
  let last: RegExpExecArray | undefined;
  for (const match of window.matchAll(ADDRESS_OBJECT)) last = match;
  return last !== undefined && !window.includes("}", last.index + last[0].length);
}

const ADDRESS_OBJECT_REACH = 160;
/** An address's member opening an object (`"address":{`, `address: {`, escaped quotes too, YAML's `address:` and a line break). */
const ADDRESS_OBJECT = /(?:address|endere[cç]o|direcci[oó]n)(?:\\*["'])?[ \t]*[:=][ \t]*(?:\{|\r?\n)/gi;

/** A word's (or words') Latin-1 accents dropped (`endereço` → `endereco`, `dirección` → `direccion`). */
export function withoutAccents(word: string): string {
  return /[\u00C0-\u00FF]/.test(word) ? word.normalize("NFD").replace(/[\u0300-\u036f]/g, "") : word;
}

/** A street's own words, as key words (accents dropped). */
const STREET_WORDS: ReadonlySet<string> = new Set([
  "street", "streetaddress", "logradouro", "rua", "calle", "endereco", "direccion", "rue", "adresse", "strasse", "straße", "ulica",
]);
/** An address's second line under a word of its own: Brazil's `complemento` (an apartment, a block). */
const UNIT_WORDS: ReadonlySet<string> = new Set(["complemento"]);
/** A house number's key glued into one word: `housenumber` (`housenumber`), German `hausnummer`, Portuguese and Spanish `numero`. */
const HOUSE_NUMBER_WORDS: ReadonlySet<string> = new Set(["housenumber", "hausnummer", "numero"]);
/** The words before `number` that make it a house number's (`houseNumber`, `street_number`, `building_number`). */
const NUMBERED_WORDS: ReadonlySet<string> = new Set(["house", "street", "building"]);
/** A house number as written: `221B`, `12a`, `12-14`, `5/2`, `nº 123`. */
const HOUSE_NUMBER = /^(?:n[º°o]\.?\s?)?\d{1,6}(?:[ /-]?\d{1,4})?[A-Za-z]?$/;
/** A second line's one word: a unit's or a building's name (`Penthouse`, `Basement`) or number (`4B`, `#12`). */
const UNIT_TOKEN = lazy(() => new RegExp(String.raw`^(?:\p{L}[\p{L}'’.-]*|#?\d{1,5}[A-Za-z]?)$`, "u"));
/** An address's numbered line as Shopify and others name it, glued (`address1`). */
const ADDRESS_LINE_WORDS: ReadonlySet<string> = new Set(["address1", "address2", "shipto"]);
/** An address's line, glued (`line1`). */
const LINE_WORDS: ReadonlySet<string> = new Set(["line1", "line2"]);
/** The words of an address. */
const ADDRESS_WORDS: ReadonlySet<string> = new Set(["address", "addr", "endereco", "direccion", "adres"]);
/** Words before `address` saying whose or which postal address it is. */
const WHOSE_ADDRESS_WORDS: ReadonlySet<string> = new Set([
  "shipping", "billing", "home", "mailing", "postal", "delivery", "residential", "residence", "correspondence", "entrega", "cobranca",
  "residencial",
]);
/**
 * Words naming a machine's, a network's, a mailbox's or a ledger's address: before `address` the
 * key is no street's (OpenTelemetry's `server.address`, `client.address`, `network.peer.address`,
 * `net.sock.peer.addr`; `mac_address`, `ip_address`, `bind_address`, `email_address`,
 * `wallet_address`, `memory_address`, `listen_address`, `remote_addr`, `x_forwarded_for`), and
 * every word that names a server's address (`SERVER_WORDS`: `advertise_address`, `pod_address`),
 * so the IP detector judges that address by the same words in a key as in text.
 */
const TECHNICAL_WORDS: ReadonlySet<string> = new Set([
  ...SERVER_WORDS,
  "client", "net", "network", "peer", "sock", "socket", "remote", "source", "src",
  "mac", "ip", "ipv4", "ipv6", "listener", "email", "mail", "wallet", "contract", "memory", "mem", "virtual",
  "base", "load", "return", "proxy", "forwarded", "endpoint", "smtp",
  "hardware", "link", "bootstrap", "public", "private", "internal", "multicast", "broadcast", "callback",
  "web", "url", "tcp", "udp", "http", "from", "to", "cc", "bcc", "reply", "err", "error",
]);

/** Values of an address's field that are no address: flags, no value, a form's or a schema's words. */
const NOT_AN_ADDRESS: ReadonlySet<string> = new Set([
  "true", "false", "yes", "no", "null", "undefined", "nil", "none", "n/a", "na", "unknown", "empty", "required", "optional", "invalid", "valid", "missing",
  "string", "text", "redacted", "hidden", "sim", "nao", "não", "vazio", "obrigatorio", "obrigatório",
  // A form's answers in a street's field.
  "see attached", "same as shipping", "same as billing", "not provided", "not applicable", "to be confirmed",
]);

/**
 * A machine's address, whole: an IP (and port), a host and port, a URL, an e-mail address, a
 * hexadecimal address. The IP's characters holding a digit are asked by a lookahead, not as
 * `[…]*\d[…]*`, whose two runs split a long run of digits each way in turn (quadratic).
 */
const TECHNICAL_VALUE = /^(?:0x[0-9a-f]+|(?=[\d.:[\]a-f]*\d)[\d.:[\]a-f]*|[^\s@]+@[^\s@]+|[a-z][\w+.-]*:\/\/\S*|[\w.-]+:\d+)$/i;

/**
 * A street's shape, from the value's start: a house number, one to four words and a street's type
 * last (`12 Main St`, `221B Baker Street, London`, `1600 Pennsylvania Avenue NW`: `STREET_TYPES`);
 * a house number before a French, Italian or Iberian street's word (`12 rue de la Paix`); or a
 * capitalised name and its number after it (`Flores, 123`, `Chestnut Street 92`, `Hauptstraße 5`).
 * Not a count before capitalised words (`3 Way Handshake`, `12 Factor App`, `1 Main`).
 */
const STREET_SHAPE = lazy(
  () =>
    new RegExp(
      `^\\d{1,6}[A-Za-z]?(?:\\s+[\\p{L}\\d'’.-]+){1,4}?\\s+(?:${STREET_TYPES.join("|")})\\.?(?=$|[\\s,])` +
        `|^\\d{1,6}[A-Za-z]?,?\\s+(?:[Rr]ue|[Aa]venue|[Bb]oulevard|[Pp]lace|[Cc]hemin|[Aa]ll[ée]e|[Ii]mpasse|[Qq]uai|[Vv]iale?|[Pp]iazza|[Cc]alle|[Aa]venida|[Rr]ua)(?!\\p{L})` +
        `|\\p{Lu}\\p{Ll}+\\.?,?\\s+(?:n[º°o]\\.?\\s*)?\\d{1,6}[A-Za-z]?(?![\\w.])`,
      "u",
    ),
);
