import type { AnyValue, KeyValue } from "../../../shared/otlp/model";
import { isEmailAddress } from "./detectors/email";
import { endsWithFolded, lastPartIsFolded } from "./folded-words";
import { namesGroup } from "./organization-names";
import { namesNamePart, namesUnownedName, namesWhosePersonField } from "./person-names";
import { nameWords } from "./secret-names";
import { holdsStreetAddress } from "./street-addresses";
import { currentScan, resetAfterEachScan } from "./scan-scope";
import { Place } from "./detectors/detector";

/**
 * An object's `name` member whose siblings say whose name it is, where its own path does not:
 *
 * - the object holds a postal address (`address`, or `adresse`, `endereco`…, holding a postal
 *   part, `city`, `line1`, `postal_code`, `plz`…, or a street-shaped text; or a street line or a
 *   postal code beside the name, `{"name":…,"street":…,"zip":…}`): the name is its recipient's, as on Stripe's
 *   PaymentIntent, Charge and Customer `shipping` (`{"shipping":{"address":{"city":…},"name":
 *   "Jenny Rosen"}}`), and the `name` is ruled as `recipient.name` (person-names.ts);
 * - the object says it is a person's record by its `object` or `type` member (Stripe's
 *   `{"object":"customer"}` and `{"object":"person"}`, HubSpot's `contact`, GitHub's `User`):
 *   the `name` is ruled as that person's (`customer.name`);
 * - the object is a mailbox, an `email` member holding an e-mail address (SendGrid's and
 *   Postmark's `from`/`to`, a Git commit's `author`: `{"email":"…","name":"Jenny Rosen"}`): the
 *   `name` is its display name, a mail header's, ruled as a contact's (`contact.name`).
 *
 * A bare `shipping.name` or `data.name` without such a sibling keeps its own path's rule: a
 * shipping rate's or a product's label as often. docs/decisions.md, 2026-12-02, "whose name".
 */

/** The member name an object's `name` is ruled as when a sibling says whose it is (`recipient.name`, `customer.name`). */
export type OwnedName = string;

/**
 * What the object `object` (parsed JSON, or util.inspect's print read as such) says its `name`
 * member is ruled as (`OwnedName`), or undefined when it has no `name` (in any case) or no
 * sibling saying whose.
 */
export function ownedNameOf(object: Readonly<Record<string, unknown>>): OwnedName | undefined {
  if (!("name" in object) && !("Name" in object)) return undefined;
  const held = object.name ?? object.Name;
  const name = typeof held === "string" ? held : undefined;
  for (const member in object) {
    const value = object[member];
    const owner =
      typeof value === "string"
        ? ownerBy(member, value, undefined, name)
        : value !== null && typeof value === "object" && !Array.isArray(value)
          ? ownerBy(member, undefined, Object.keys(value), name)
          : undefined;
    if (owner !== undefined) return `${owner}.name`;
  }
  return undefined;
}

/**
 * What a URL query's or a form body's parameters say of its bare word for a name, `key`
 * (`name`, French's `nom`, Portuguese's `nome`, Spanish's `nombre`), whose `=` is at `start` in
 * `text`: whose name it holds.
 *
 * - `part`: a parameter of the same query names a part of a name (`prenom`, `vorname`,
 *   `first_name`, `apellido`: `namesNamePart`): the form asks for a person's name in parts, and
 *   the bare one is the other part (the surname beside `prenom`, the given name beside
 *   `sobrenome`), one word of letters there (`?nom=Dubois&prenom=Marie`);
 * - `person`: a parameter names a person's other field (`email`, `cpf`, `phone`, `birth_date`,
 *   `data_nascimento`: `PERSON_PARAMETER_WORDS`, or a person's own field, `customer_id`'s owner
 *   aside: `namesWhosePersonField`), or a value closes on a person's account state
 *   (`name=John%20Smith%20(Deleted%20User)`: `ACCOUNT_STATE_MARK`), or the path names people or their
 *   sign-up (`/customers?name=…`, `/users/?name=…`, `/clientes?nome=…`, `/cadastro?nome=…`:
 *   `pathNamesPeople`); or, for a record's query attribute (`url.query`, the text's query without
 *   its `?`: `place` holds `Place.QUERY_VALUE`), its record's path does (`Place.PEOPLE_QUERY`:
 *   query-paths.ts), so `url.query` = `name=Jane+Doe&page=2` beside `url.path` = `/users` is
 *   judged as `url.full` is, and `name=Maria+Filo+Vestido` beside `/api/products` is kept in both;
 * - `none`: the path names things (`/api/products?name=Maria+Filo+Vestido`,
 *   `/api/cities?nome=Joao+Pessoa`, `/api/stores?…`: `THING_PATH_SEGMENTS`; for a record's query
 *   attribute, `Place.THING_QUERY`), a search's or the site's root (`/search?name=Paul+Smith`,
 *   `/?name=John+Lewis`: `namesThingsBefore`), or a parameter names a product's attribute or a
 *   search's terms (`&category=shirts`: `namesThingParameter`), no person's parameter nor people
 *   path beside it, so a bare name there is a product's, a brand's, a shop's or a city's;
 * - `unknown`: the path says neither (`/x?nome=Ana+Souza`, a query alone): the
 *   value is a person's only in a full name's shape that no product's or place's word ends
 *   (person-name-field.ts);
 * - undefined: `key` is no bare word for a name, or the field is no query's parameter (a logfmt
 *   line's `name=John Smith`, ruled as before), unless it is a logfmt field (at the text's start
 *   or after a blank) beside another blank-separated `key=` field of its line naming a part of a
 *   name: then `part` (`nom=Dubois prenom=Marie`).
 *
 * A parameter is a query's when `?` or `&` stands before its key, or `&` joins it to others (a
 * form body's first, `body: nom=Dubois&prenom=Marie`), or it starts a record's query attribute
 * (`Place.QUERY_VALUE`). A query is read from the `?`, blank,
 * quote or bracket before it to the blank, quote, bracket or `#` after it; its parameters are
 * split at `&`. The query and the line read last are remembered for the scan under way
 * (`lastQuery`, `lastLine`, emptied as the scan ends: `scan-scope.ts`), so a text of many
 * parameters or fields is read once, linear in its length, and no text is held past its scan.
 */
export function queryNameOwner(text: string, start: number, key: string, place: number): QueryNameOwner | undefined {
  const words = nameWords(key);
  if (words.length !== 1 || (words[0] !== "name" && !namesUnownedName(words))) return undefined;
  const scan = currentScan();
  if (lastQuery.scan === scan && lastQuery.text === text && start >= lastQuery.from && start < lastQuery.to) return lastQuery.owner;
  let from = start - key.length;
  while (from > 0 && !endsQuery(text.charCodeAt(from - 1)) && text.charCodeAt(from - 1) !== 63 /* ? */) from--;
  let to = start;
  while (to < text.length && !endsQuery(text.charCodeAt(to)) && text.charCodeAt(to) !== 35 /* # */) to++;
  const keyAt = start - key.length;
  const before = text.charCodeAt(keyAt - 1);
  const parameters = text.slice(from, to).split("&");
  // A record's query attribute (`url.query`) is a query however many parameters it holds.
  const inQuery = before === 63 /* ? */ || before === 38 /* & */ || parameters.length > 1 || (from === 0 && (place & Place.QUERY_VALUE) !== 0);
  const owner = inQuery
    ? ownerOfQuery(ownerByParameters(parameters), text, from, to, place)
    : (keyAt === 0 || before <= 32) && lineHoldsPart(text, keyAt)
      ? "part"
      : undefined;
  lastQuery = { scan, text, from, to, owner };
  return owner;
}

/** Whether the line of `text` around `at` holds a logfmt field (a blank-separated `key=` word) whose key names a part of a name. */
function lineHoldsPart(text: string, at: number): boolean {
  const scan = currentScan();
  if (lastLine.scan === scan && lastLine.text === text && at >= lastLine.from && at < lastLine.to) return lastLine.holdsPart;
  const from = text.lastIndexOf("\n", at) + 1;
  const end = text.indexOf("\n", at);
  const to = end === -1 ? text.length : end;
  const holdsPart = text
    .slice(from, to)
    .split(/[ \t\r]+/)
    .some((field) => {
      const equals = field.indexOf("=");
      return equals > 0 && namesNamePart(nameWords(field.slice(0, equals)));
    });
  lastLine = { scan, text, from, to, holdsPart };
  return holdsPart;
}
/** Whose name a query's bare word for a name holds (`queryNameOwner`). */
export type QueryNameOwner = "part" | "person" | "none" | "unknown";

/**
 * Whose name the query from `from` to `to` in `text` holds, by what its parameters say
 * (`ownerByParameters`: `by`) and then its path: a part or a person's parameter first; a people
 * path or a person's account state (`person`); a things' parameter or path (`none`); else `unknown`.
 */
function ownerOfQuery(by: "part" | "person" | "thing" | undefined, text: string, from: number, to: number, place: number): QueryNameOwner {
  if (by === "part" || by === "person") return by;
  if (peoplePathBefore(text, from, place) || closesOnAccountState(text, from, to)) return "person";
  return by === "thing" || thingPathBefore(text, from, place) ? "none" : "unknown";
}

/**
 * What a query's `parameters` (`key=value` each) say of its bare name (`queryNameOwner`): `part`
 * beside a part of a name's parameter, else `person` beside a person's, else `thing` beside a
 * product's or a search's (`namesThingParameter`: `&category=shirts`, `&price_max=50`, `&q=…`,
 * `operationName=Search`), else undefined.
 */
function ownerByParameters(parameters: readonly string[]): "part" | "person" | "thing" | undefined {
  let owner: "person" | "thing" | undefined;
  for (const parameter of parameters) {
    const equals = parameter.indexOf("=");
    if (equals <= 0) continue;
    const words = nameWords(parameter.slice(0, equals));
    if (namesNamePart(words)) return "part";
    if (words.some((word) => PERSON_PARAMETER_WORDS.has(word) || word.startsWith("birth")) || namesWhosePersonField(words)) owner = "person";
    else if (owner === undefined && namesThingParameter(words, parameter.slice(equals + 1))) owner = "thing";
  }
  return owner;
}

/**
 * Whether a query's parameter, its key's `words` (`nameWords`) and its `value` as written, says
 * the query is a catalogue's or a search's, where a bare name is what is looked for: a product's
 * attribute (`category`, `size`, `color`, `price_max`, `brand`: `THING_PARAMETER_WORDS`), a
 * `type` other than a person's record kind (`type=shoe`; `type=customer` is no such word), a
 * search's terms (`q`, `query`, `search`, `keyword`), or a GraphQL operation's name holding
 * `search` (`operationName=Search`, `SearchProducts`).
 */
function namesThingParameter(words: readonly string[], value: string): boolean {
  if (words.length === 1 && words[0] === "type") return !PERSON_RECORD_KINDS.has(value.toLowerCase());
  if (words.length === 2 && words[0] === "operation" && words[1] === "name") return nameWords(value).includes("search");
  return words.some((word) => THING_PARAMETER_WORDS.has(word));
}

/**
 * Words of a query parameter's key naming a product's attribute or a search's terms (lower case,
 * as `nameWords` splits the key), in English, Portuguese, Spanish, French and German.
 */
const THING_PARAMETER_WORDS: ReadonlySet<string> = new Set([
  "category", "categories", "size", "color", "colour", "price", "brand", "sku", "model", "genre", "material", "style", "q", "query",
  "search", "keyword", "keywords", "categoria", "cor", "tamanho", "preco", "preço", "marca", "talla", "precio", "couleur", "taille",
  "prix", "marque", "farbe", "groesse", "größe", "preis", "marke",
]);

/**
 * A value's closing mark of a person's account state, as a product lists a removed account's
 * owner (`John%20Smith%20(Deleted%20User)`, `Ana+Souza+(inactive)`): the blank written, `+` or
 * `%20`, the brackets written or `%28`/`%29`, any case. Only a person's account is deleted so.
 */
const ACCOUNT_STATE_MARK = "(?:\\(|%28)(?:deleted|removed|inactive|former|suspended)(?:(?:[ +]|%20)(?:user|member|account|customer))?(?:\\)|%29)";
const ACCOUNT_STATE_ENDING = new RegExp(`${ACCOUNT_STATE_MARK}$`, "i");
const ACCOUNT_STATE_AFTER = new RegExp(`^${ACCOUNT_STATE_MARK}`, "i");

/**
 * Whether the query `text` holds from `from` to `to` closes on a person's account state
 * (`ACCOUNT_STATE_MARK`): encoded in its last parameter, or written right after it, where a
 * literal bracket ends the query's reading (`?name=John%20Smith%20(Deleted%20User)`).
 */
function closesOnAccountState(text: string, from: number, to: number): boolean {
  return ACCOUNT_STATE_ENDING.test(text.slice(from, to)) || ACCOUNT_STATE_AFTER.test(text.slice(to, to + 32));
}

/**
 * Whether the query starting at `from` in `text` is under a path naming people: the path before
 * its `?` (`/users?`), or, for a query that starts the text without one, its record's path
 * (`place` holding `Place.PEOPLE_QUERY`).
 */
function peoplePathBefore(text: string, from: number, place: number): boolean {
  if (from === 0) return (place & Place.PEOPLE_QUERY) !== 0;
  return text.charCodeAt(from - 1) === 63 /* ? */ && pathSegmentIn(text, from - 1, PEOPLE_PATH_SEGMENTS, true);
}

/** Whether the query starting at `from` in `text` is under a path naming things (`THING_PATH_SEGMENTS`), as `peoplePathBefore` reads people (`Place.THING_QUERY`). */
function thingPathBefore(text: string, from: number, place: number): boolean {
  if (from === 0) return (place & Place.THING_QUERY) !== 0;
  return text.charCodeAt(from - 1) === 63 /* ? */ && namesThingsBefore(text, from - 1);
}

/**
 * Whether the path before `end` in `text` names things: a segment of `THING_PATH_SEGMENTS`, or
 * one of its words split at `-` or `_` (`/api/product-search`), or the site's root (`/`,
 * `https://shop.example.com/`, `https://shop.example.com?`), where, as in a search box, people
 * type what they look for (`/?name=John+Lewis`).
 */
function namesThingsBefore(text: string, end: number): boolean {
  return pathIsRoot(text, end) || pathSegmentIn(text, end, THING_PATH_SEGMENTS, true);
}

/** Whether the path before `end` in `text` is the site's root: `/` alone, or a URL's host with or without its `/`. */
function pathIsRoot(text: string, end: number): boolean {
  const to = end > 0 && text.charCodeAt(end - 1) === 47 /* / */ ? end - 1 : end;
  let from = to;
  while (from > 0 && text.charCodeAt(from - 1) !== 47 /* / */ && !endsQuery(text.charCodeAt(from - 1))) from--;
  if (from === to) return to < end && (from === 0 || endsQuery(text.charCodeAt(from - 1)));
  return from > 1 && text.charCodeAt(from - 1) === 47 /* / */ && text.charCodeAt(from - 2) === 47 /* / */;
}

/**
 * Whether a URL's path or a whole URL (`/users`, `https://shop.example.com/users?name=…`,
 * `/api/Sign-Up.php`, `/api/v1/customers/search`) names people or their sign-up
 * (`PEOPLE_PATH_SEGMENTS`), its query and fragment aside.
 */
export function pathNamesPeople(path: string): boolean {
  return pathSegmentIn(path, pathEnd(path), PEOPLE_PATH_SEGMENTS, true);
}

/** Whether a URL's path or a whole URL names things, no one (`/api/products`, `/api/v1/cities/search`: `THING_PATH_SEGMENTS`), as `pathNamesPeople` reads people. */
export function pathNamesThings(path: string): boolean {
  return namesThingsBefore(path, pathEnd(path));
}

/** Where `path`'s query or fragment starts, or its length. */
function pathEnd(path: string): number {
  let end = 0;
  while (end < path.length && path.charCodeAt(end) !== 63 /* ? */ && path.charCodeAt(end) !== 35 /* # */) end++;
  return end;
}

/**
 * Whether the path before `end` in `text` holds one of `segments` (`PEOPLE_PATH_SEGMENTS`: names people): its last segment
 * (a `/` right before `end` aside: `/users/?` as `/users?`), in lower case without its extension,
 * `-` or `_` (`/api/Sign-Up.php` is `signup`), or, `byWords`, one of its words split there
 * (`/api/user-search` holds `user`; people are read first, so it names people, not a search), or a segment before it without a dot (a host's name
 * is none: `account.example.com`, nor one after `//`, `https://shop.example.com/`), as a people word leads an action on them (`/api/v1/customers/search`,
 * `/users/42/edit`). The path starts after a blank, a quote or a bracket (`endsQuery`).
 */
function pathSegmentIn(text: string, end: number, segments: ReadonlySet<string>, byWords = false): boolean {
  let to = end > 1 && text.charCodeAt(end - 1) === 47 /* / */ ? end - 1 : end;
  let last = true;
  while (to > 0 && !endsQuery(text.charCodeAt(to - 1))) {
    let from = to;
    while (from > 0 && text.charCodeAt(from - 1) !== 47 /* / */ && !endsQuery(text.charCodeAt(from - 1))) from--;
    // A URL's host after its `//` is no segment (`https://shop.example.com/?name=…`).
    if (from > 1 && text.charCodeAt(from - 2) === 47 /* / */) return false;
    const segment = text.slice(from, to).toLowerCase();
    const dot = segment.indexOf(".");
    const bare = dot === -1 ? segment : segment.slice(0, dot);
    if ((last || dot === -1) && (segments.has(bare.replace(/[-_]/g, "")) || (byWords && bare.split(/[-_]/).some((word) => segments.has(word))))) return true;
    last = false;
    to = from > 0 && text.charCodeAt(from - 1) === 47 /* / */ ? from - 1 : from;
  }
  return false;
}

/**
 * Words of a query parameter's key that name a person's field other than a name (lower case, as
 * `nameWords` splits the key: `data_nascimento` is `data`, `nascimento`): an e-mail address, a
 * phone number, a national id (Brazil's `cpf` and `rg`, Spain's `dni` and `nie`, Portugal's `nif`,
 * Mexico's `curp`, the US `ssn`), a birth date (`birth…`, `dob`, `nascimento`, `nacimiento`,
 * `naissance`, `geburtsdatum`). Beside one a bare name is a person's.
 */
const PERSON_PARAMETER_WORDS: ReadonlySet<string> = new Set([
  "email", "mail", "phone", "telephone", "mobile", "cellphone", "telefone", "telefono", "teléfono", "celular", "whatsapp", "tel",
  "cpf", "rg", "dni", "nie", "nif", "curp", "ssn", "dob", "nascimento", "nacimiento", "naissance", "geburtsdatum", "geburtstag",
]);

/**
 * A URL path's segments that name people, their sign-up or what a person does under their own
 * name (lower case, without `-` or `_`), in English, Portuguese, Spanish, French and German:
 * `/users`, `/customers`, `/clientes`, `/contacts`, `/members`, `/pessoas`, `/employees`,
 * `/patients`, `/people`, a profile (`/perfil`), an account (`/account`, `/me`, `/conta`, `/konto`),
 * `/signup`, `/register`, `/cadastro`, an order, a booking or an appointment (`/checkout`,
 * `/orders`, `/pedidos`, `/commandes`, `/bestellungen`, `/reservations`, `/agendamentos`), a lead,
 * a guest, a subscription (`/subscribe`, `/newsletter`), billing and shipping.
 */
const PEOPLE_PATH_SEGMENTS: ReadonlySet<string> = new Set([
  "user", "users", "customer", "customers", "contact", "contacts", "member", "members", "employee", "employees", "patient", "patients",
  "person", "persons", "people", "profile", "profiles", "signup", "register", "registration", "account", "accounts", "me",
  "checkout", "order", "orders", "booking", "bookings", "reservation", "reservations", "appointment", "appointments", "lead", "leads",
  "subscribe", "subscription", "subscriptions", "newsletter", "guest", "guests", "billing", "shipping",
  "usuario", "usuarios", "cliente", "clientes", "contato", "contatos", "contacto", "contactos", "pessoa", "pessoas", "persona", "personas",
  "paciente", "pacientes", "funcionario", "funcionarios", "empleado", "empleados", "perfil", "perfis", "perfiles", "cadastro", "registro",
  "conta", "contas", "cuenta", "cuentas", "pedido", "pedidos", "reserva", "reservas", "agendamento", "agendamentos", "cita", "citas",
  "utilisateur", "utilisateurs", "inscription", "compte", "comptes", "commande", "commandes", "kunde", "kunden", "benutzer",
  "mitarbeiter", "patienten", "anmeldung", "registrierung", "konto", "bestellung", "bestellungen", "buchung", "buchungen",
]);

/**
 * A URL path's segments that name things a bare name there is given to, no one (lower case,
 * without `-` or `_`, or one word of a segment split there: `/api/product-search`): products, a
 * catalogue's items and categories, shops, brands, places (`/api/products`, `/api/stores`,
 * `/api/cities`, `/lojas`, `/produtos`, `/tiendas`), works (`/api/books`, `/movies`, `/games`),
 * the weather, a search (`/search`, `/busca`, `/suche`: a search box is where people type what
 * they look for) and software's own things (`/tags`, `/projects`, `/services`). Under one a bare
 * name is a thing's.
 */
const THING_PATH_SEGMENTS: ReadonlySet<string> = new Set([
  "product", "products", "item", "items", "catalog", "catalogue", "category", "categories", "sku", "skus", "collection", "collections",
  "store", "stores", "shop", "shops", "brand", "brands", "merchant", "merchants", "vendor", "vendors", "city", "cities", "place",
  "places", "location", "locations", "region", "regions", "country", "countries", "state", "states", "street", "streets", "hotel",
  "hotels", "restaurant", "restaurants", "tag", "tags", "project", "projects", "service", "services", "app", "apps", "team", "teams",
  "group", "groups", "file", "files", "repo", "repos", "package", "packages", "plugin", "plugins", "font", "fonts", "color", "colors",
  "produto", "produtos", "loja", "lojas", "cidade", "cidades", "marca", "marcas", "categoria", "categorias", "producto", "productos",
  "tienda", "tiendas", "ciudad", "ciudades", "produit", "produits", "boutique", "boutiques", "ville", "villes", "produkt", "produkte",
  "stadt", "staedte", "städte",
  "search", "find", "lookup", "autocomplete", "suggest", "suggestions", "busca", "buscar", "pesquisa", "recherche", "suche",
  "book", "books", "livro", "livros", "libro", "libros", "movie", "movies", "film", "films", "game", "games", "music", "song", "songs",
  "album", "albums", "weather", "forecast", "recipe", "recipes", "event", "events",
]);

/** The query `queryNameOwner` read last: the scan it was read in, its text, where it starts and ends, and its verdict. */
const NO_QUERY = { scan: -1, text: "", from: 0, to: 0, owner: undefined };
let lastQuery: { scan: number; text: string; from: number; to: number; owner: QueryNameOwner | undefined } = NO_QUERY;
/** The line `lineHoldsPart` read last, as `lastQuery`. */
const NO_LINE = { scan: -1, text: "", from: 0, to: 0, holdsPart: false };
let lastLine: { scan: number; text: string; from: number; to: number; holdsPart: boolean } = NO_LINE;
resetAfterEachScan(() => {
  lastQuery = NO_QUERY;
  lastLine = NO_LINE;
});
/** Whether `code` ends a query in text: a blank, a quote or a bracket. */
function endsQuery(code: number): boolean {
  return code <= 32 || code === 34 || code === 39 || code === 60 || code === 62 || code === 40 || code === 41 || code === 91 || code === 93 || code === 123 || code === 125;
}

/** Whether `member` is the `name` member whose rule `ownedNameOf` or `ownedNamesIn` gives: `name` in any case. */
export function isNameMember(member: string): boolean {
  return member.length === 4 && endsWithFolded(member, "name");
}

/**
 * The names (`OwnedName`) the attributes' `name` members are ruled as, by the parent key they
 * share with their siblings, with its dot (`shipping.` for a lifted `shipping.name` beside
 * `shipping.address.city`; `""` for a map's own members); undefined when there is none. A
 * sibling is a member of the same map, a lifted key under the same parent (`shipping.type`), or,
 * for a postal address, a lifted key under its `address` (`shipping.address.line1`).
 */
export function ownedNamesIn(attributes: readonly KeyValue[]): Map<string, OwnedName> | undefined {
  let held: Map<string, string> | undefined;
  for (const { key, value } of attributes) {
    if (mayBeOwnedName(key) && "stringValue" in value) (held ??= new Map()).set(key.slice(0, key.length - 4), value.stringValue);
  }
  if (held === undefined) return undefined;
  let names: Map<string, OwnedName> | undefined;
  for (const { key, value } of attributes) {
    // Most keys' last part is no word `ownerBy` reads: their case-folded copy is not made.
    if (!mayBeOwnerWord(key, key.lastIndexOf(".") + 1)) continue;
    const lower = key.toLowerCase();
    // A lifted postal part (`shipping.address.city`) is its address's sibling's evidence.
    const addressAt = lower.lastIndexOf("address.");
    const parentEnd = addressAt !== -1 && (addressAt === 0 || lower[addressAt - 1] === ".") ? addressAt : key.lastIndexOf(".") + 1;
    const parent = key.slice(0, parentEnd);
    if (names?.has(parent) === true) continue;
    const owner = ownerBy(key.slice(parentEnd), "stringValue" in value ? value.stringValue : undefined, memberNames(value), held.get(parent));
    if (owner !== undefined) (names ??= new Map()).set(parent, `${owner}.name`);
  }
  return names;
}

/** Whether `key` may be a `name` `ownedNamesIn` finds an owner for: its last part is `name`, in any case. */
export function mayBeOwnedName(key: string): boolean {
  return lastPartIsFolded(key, "name");
}

/**
 * Whether `key` may be a sibling `ownedNamesIn` finds an owner by: its last part, in lower case,
 * is a word `ownerBy` reads (`type`, `email`, `address`, `city`: the last part of every member it
 * reads, `address.city` too). A key whose lower case has another length (`İ`) may be read from
 * another place (`ownedNamesIn` slices the key at an index of its lower case), so it may be one
 * too. A list with no such key holds no owned name.
 */
export function mayBeOwnerKey(key: string): boolean {
  const lower = key.toLowerCase();
  return lower.length !== key.length || OWNER_WORDS.has(lower.slice(lower.lastIndexOf(".") + 1));
}

/**
 * The key the attribute `key` is ruled as: a `name` member under a parent `ownedNamesIn`'s
 * `names` holds, as that parent's owned name (`shipping.recipient.name`); else `key`.
 */
export function ownedNameRuledKey(key: string, names: ReadonlyMap<string, OwnedName>): string {
  if (!lastPartIsFolded(key, "name")) return key;
  const parent = key.slice(0, key.length - 4);
  const owned = names.get(parent);
  return owned === undefined ? key : parent + owned;
}

/**
 * Whose name a sibling `member` (its path from the object, `address` or `address.city`; any
 * case) says the object's `name` is: `recipient` for a postal address (`text`, a street-shaped
 * one; `members`, an address object's member names holding a postal part), the person's word an
 * `object` or `type` member holds (`customer`), `contact` for a mailbox's e-mail address;
 * undefined otherwise. A mailbox or an address is a team's, a service's or a site's as often as a
 * person's, so beside those the `name` (`name`, its text) must not name a group
 * (`namesGroup`: `Acme Billing`, `GitHub Actions`, `Frankfurt Data Center`, `EU West`).
 */
function ownerBy(member: string, text: string | undefined, members: readonly string[] | undefined, name: string | undefined): string | undefined {
  const lower = member.toLowerCase();
  if (lower === "object" || lower === "type") {
    const kind = text?.toLowerCase();
    return kind !== undefined && PERSON_RECORD_KINDS.has(kind) ? kind : undefined;
  }
  // The name's words are read only beside a mailbox or an address: most members are neither.
  const owner = mailboxOrAddressOwner(lower, text, members);
  return owner !== undefined && (name === undefined || !namesGroup(name)) ? owner : undefined;
}

/** `contact` for a mailbox's e-mail address, `recipient` for a postal address (`ownerBy`'s, `member` in lower case); else undefined. */
function mailboxOrAddressOwner(lower: string, text: string | undefined, members: readonly string[] | undefined): string | undefined {
  if ((lower === "email" || lower === "email_address") && text !== undefined) return isEmailAddress(text) ? "contact" : undefined;
  if (ADDRESS_WORDS.has(lower)) {
    const postal = text !== undefined ? holdsStreetAddress(text, "shaped") : members !== undefined && members.some((part) => POSTAL_PARTS.has(part.toLowerCase()));
    return postal ? "recipient" : undefined;
  }
  // A flat address: the street line or the postal code beside the name (`{"name":…,"street":…,"zip":…}`).
  if (FLAT_ADDRESS_PARTS.has(lower)) return text !== undefined && text.trim() !== "" ? "recipient" : undefined;
  const dot = lower.indexOf(".");
  return dot !== -1 && ADDRESS_WORDS.has(lower.slice(0, dot)) && POSTAL_PARTS.has(lower.slice(dot + 1)) ? "recipient" : undefined;
}

/**
 * Whether the key part from `start` to the end of `key` may be, in lower case, a word `ownerBy`
 * finds an owner by, the last part of every member it reads (`address.city`'s `city`): one of
 * the words' lengths with one of their first letters at that length (`OWNER_WORD_STARTS`). A
 * word's characters lower-case one to one, and each word starts with an ASCII letter, which
 * besides the ASCII letters only the Kelvin sign lower-cases to (`k`, which starts none).
 */
function mayBeOwnerWord(key: string, start: number): boolean {
  const length = key.length - start;
  const letter = (key.charCodeAt(start) | 0x20) - 0x61;
  return length < OWNER_WORD_STARTS.length && letter >= 0 && letter < 26 && ((OWNER_WORD_STARTS[length]! >>> letter) & 1) === 1;
}

/** The words for an address object, in English and the senders' other languages (German `adresse`, `anschrift`; Portuguese `endereco`; Spanish `direccion`; Italian `indirizzo`). */
const ADDRESS_WORDS: ReadonlySet<string> = new Set(["address", "adresse", "anschrift", "endereco", "endereço", "direccion", "dirección", "indirizzo"]);

/**
 * The parts of a flat address that are a person's postal address beside a `name` (lower case):
 * a street line and a postal code, in English and the senders' other languages. Not a city, a
 * state or a country alone, which a site's or a region's record holds (`{"name":"EU West","country":"DE"}`).
 */
const FLAT_ADDRESS_PARTS: ReadonlySet<string> = new Set([
  "street", "street_address", "address1", "address_line_1", "line1", "postal_code", "postalcode", "postcode", "zip", "zipcode", "zip_code",
  "strasse", "straße", "plz", "postleitzahl", "rue", "code_postal", "cp", "calle", "codigo_postal", "rua", "logradouro", "cep",
]);

/** The member names of a map value (`kvlistValue`), or undefined for any other value. */
function memberNames(value: AnyValue): readonly string[] | undefined {
  return "kvlistValue" in value ? value.kvlistValue.map(({ key }) => key) : undefined;
}

/**
 * The kinds of record a person's name is the `name` of, as APIs write their `object` or `type`
 * (lower case): Stripe's `customer` and `person`, a CRM's `contact`, a forge's `user`. Each is
 * a word a key's owner is a person by (person-names.ts), which rules the owned name.
 */
const PERSON_RECORD_KINDS: ReadonlySet<string> = new Set(["customer", "person", "contact", "user", "member", "employee", "patient"]);

/**
 * The parts of a postal address, as payment and commerce APIs name its members (lower case):
 * Stripe's `line1`, `line2`, `city`, `state`, `postal_code`, `country`; PayPal's
 * `address_line_1`, `admin_area_2`, `country_code`; Shopify's `address1`, `zip`, `province`; and
 * the same in German, French, Spanish and Portuguese (`strasse`, `plz`, `ort`, `code_postal`, `cep`).
 */
const POSTAL_PARTS: ReadonlySet<string> = new Set([
  "line1", "line2", "city", "state", "postal_code", "postalcode", "postcode", "zip", "zipcode", "zip_code", "country", "country_code",
  "address_line_1", "address_line_2", "address1", "address2", "admin_area_1", "admin_area_2", "province", "street", "locality", "region",
  // German, French, Spanish, Portuguese.
  "strasse", "straße", "plz", "postleitzahl", "ort", "stadt", "rue", "ville", "code_postal", "cp", "calle", "ciudad", "codigo_postal",
  "rua", "logradouro", "cidade", "cep", "bairro",
]);

/** The words `ownerBy` finds an owner by (lower case), each the last part of a member it reads. */
const OWNER_WORDS: ReadonlySet<string> = new Set(["object", "type", "email", "email_address", ...ADDRESS_WORDS, ...FLAT_ADDRESS_PARTS, ...POSTAL_PARTS]);

/** By length, a bit for each first letter (`a` the lowest) of the words `ownerBy` finds an owner by. */
const OWNER_WORD_STARTS: Uint32Array = wordStarts([...OWNER_WORDS]);

function wordStarts(listed: readonly string[]): Uint32Array {
  const starts = new Uint32Array(Math.max(...listed.map((word) => word.length)) + 1);
  for (const word of listed) starts[word.length]! |= 1 << (word.charCodeAt(0) - 0x61);
  return starts;
}
