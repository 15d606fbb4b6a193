import { geoLevelOf, geoPrecisionLevel, type GeoPrecision } from "./geo";
import { BoundedMemo } from "./bounded-memo";
import { PassWord, inCookieJar, namesPasswordByShape, passWordReading, isHeldSecretCodeName, isHeldSecretName, isSecretCodeName, isSecretName, nameWords, codeListDigits, isHeldCodeListName, namesSecretContext, namesCount, namesToken } from "./secret-names";
import { namesSession } from "./session-ids";
import { Place } from "./detectors/detector";
import { PERSON, identifiedBy, namesId, namesThingIdentifier } from "./detectors/id-value";
import { WHICH_VERSION } from "./detectors/ip";
import { namesMessagingPhone, namesPhone, namesProviderPhone } from "./detectors/phone";
import { namesSsn } from "./detectors/ssn";
import { itemNameWords } from "./detectors/list-names";
import { lastNameSegment } from "./detectors/member-name";
import { idDocumentPlace } from "./detectors/brazil-id-documents";
import { isPostalCodeParameterName } from "./postal-code-names";
import { namesExistingSecret } from "./secret-object-names";
import { namesBarePix, namesPixKey } from "./detectors/pix";
import { namesBirthDate, namesPassport } from "./detectors/personal-documents";
import { namesCheckedNationalId, namesNationalId } from "./detectors/national-ids";
import { holderOf } from "./card-holder-names";
import { namesCardNumber } from "./card-names";
import { type PersonNameField, gluedToName, namesPersonField, namesPersonParty, personNameFieldOf } from "./person-names";
import { namesMeasure } from "./detectors/measure-value";
import { type StreetAddressField, namesStreetAddress } from "./street-addresses";
import { namesServer } from "./server-names";
import { namesMessageId } from "./detectors/message-id";
import { namesConnection } from "./oracle-logons";
import { namesJobTitle } from "./name-introducers";

/**
 * What happens to an attribute's value, decided by its key alone: keep it exactly as it is,
 * drop the attribute, replace the value by its keyed hash, replace it by the secret marker
 * because the key names a credential (`secret`: text and numbers, a PIN being one, flags
 * staying, and whole numbers under a name counting tokens; a card security code, PIN or one-time
 * password, `secret_code`), replace it by the
 * card holder marker because the key names a payment card's holder (`card_holder`: text only,
 * `card-holder-names.ts`), replace it by the person name marker because the key names a
 * person's name or login (`person_name`: text only, `person-names.ts`), replace it by the
 * street address marker because the key names a person's street address (`street_address`:
 * text only, `street-addresses.ts`), or scan its strings
 * with the text detectors. A scanned
 * value's key can also say what its addresses and numbers are:
 * - `server`: addresses in it name infrastructure, not a person: the server called
 *   (`server.address`, `db.*`) or the emitting service's own (`host.ip`, `k8s.pod.ip`,
 *   `service.instance.id`);
 * - `peer`: addresses in it are the other end of the connection (`network.peer.address`),
 *   which is a server when the span or the metric is a client's (`client-metrics.ts`) and a
 *   person when it is a server's;
 * - `url`: the value is a URL (`url.full`, `http.url`), whose host is a server (the one a
 *   client called, or the service itself as the request's Host named it); its path and query
 *   are the caller's data;
 * - `id`: the value is an identifier (`dd.trace_id`, `order.id`, `cloudflare.ray_id`, `sku`,
 *   `part_number`, `numero_pedido`, `id_pedido`) or a measure (`bytes`, `retry_count`, `offset`,
 *   `duration_ns`: `detectors/measure-value.ts`), so a number in it is no card;
 * - `version`: the value is a version (`service.version`, `os.version`, `app.release`), whose four-part
 *   numbers (`1.0.0.0`) are no address and whose digits are no card;
 * - `place`: the `Place` facts the key gives the text detectors, a list's name as its item's
 *   (`ssn_list`, `phoneNumbers`, `cpf_array`: `detectors/list-names.ts`): an id's value (`id`), an SSN's
 *   (`ssn`, `applicant.socialSecurityNumber`: nine bare digits there are the number), a thing's
 *   identifier (`order.id`, `sku`, `numero_pedido`, `pedido`, `nsu`: `identifiedBy` in
 *   `detectors/id-value.ts`, the verdict text, SQL columns and GraphQL arguments get too; a
 *   number printed like an SSN, a bare 11- or 14-digit number like a CPF or CNPJ, there is the
 *   identifier), a
 *   phone's (`customer.phone`, `phone_number`: a number printed like an SSN there is a phone), a
 *   postal code's (`cep`, `customer.zip`, `shipping.postalCode`: a value shaped as one is one), a
 *   person's number's (`cpf`, `cpfs`, `tax_id`, `user.id`, `card_number`: an integer there is
 *   scanned as its digits, `Place.PERSON_NUMBER_VALUE`), a date of birth's (`birth_date`, `dob`:
 *   a date there, whole, is one), a passport's (`passport_number`: its number, whole, is one), a
 *   message's id (`message_id`: an e-mail shaped value there is the id, `detectors/message-id.ts`).
 */
export type KeyRule =
  | {
      readonly action: "keep" | "drop" | "hash" | "secret" | "secret_code" | "card_holder" | "person_name" | "street_address";
      /**
       * A list of codes' key by a code word's plural (`pins`, `security_codes`, `pins.visa`): only a
       * whole number of this many digits or more, a list of whole numbers holding one, or a string
       * holding such a list is a code there (`holdsCodes`).
       */
      readonly codeDigits?: number;
      /** With `counts`, a plural password word (`passwords`): a list of counts there holding codes of this many digits or more still goes (`holdsCodes`); one number is a count. */
      readonly codesAmongCounts?: number;
      /** A secret's key that names a count (`namesCount`: tokens, `max_*`, `*_count`): a whole number there is a count, kept. */
      readonly counts?: true;
      /**
       * A token's key (`namesToken`: `token`, `access_token`): a number there, not text, shorter
       * than a one-time code (`isShortCount`) is a count (`{"tokens":4096,"token":512}`), kept as
       * the number it is; a longer one may be the code and goes.
       */
      readonly shortCounts?: true;
      /** The bare key `secret`, a label naming a Kubernetes Secret: an object's name there is kept (`namesSecretObject`). */
      readonly objectNames?: true;
      /** The bare key `pass` or a password's change (`password_changed`): only a value shaped as a password is one there (`isPassPassword`); a verdict, a time or a count is kept. */
      readonly passShaped?: true;
      /** A last word `pass` or `pw` (`pass`, `db_pw`, `smtp.pass`): a number or text `keptUnderPassWord` keeps stays. */
      readonly passWord?: true;
      /** A setting referring to an existing Secret (`existingSecret`): a Secret's or its key's name there is kept in every signal (`namesSecretOrItsKey`). */
      readonly references?: true;
      /** The bare key `pwd`, also the shell's working directory: a directory's path there is kept (`isDirectoryPath`), as in text. */
      readonly directories?: true;
      /**
       * A credential's context's name (`session`, `cookie`, `authorization`, `auth`:
       * `namesSecretContext`): one whole e-mail address there says whose session or login it is,
       * and is left to the e-mail detector, as the same name in text leaves it.
       */
      readonly addresses?: true;
      /** A person field naming a part of a name (`first_name`, `surname`) or a whole one (`user.full_name`): one word there is a name; or a type's (`exception.type`): only spaced words are (`holdsPersonName`). */
      readonly nameField?: PersonNameField;
      /** A person field's key that also says what a value that is no name is (`user`: a person's number): the `Place` facts its scan gets. */
      readonly scanPlace?: number;
      /**
       * A session's name (`namesSession`: `session`, `session_id`, `JSESSIONID`, `express-session`),
       * not a cookie jar's member: only a value shaped as a session's id is one there
       * (`isSessionIdShaped`), as after the same name in text; a count, a state, a flag, a
       * duration or a word is kept (`"session": "active"`, `"session": 3`).
       */
      readonly sessionShaped?: true;
      /** A street address's key: `named` (`street`, `shipping_address`), a second line's, a house number's, or a bare `address`, where only a street's shape is one (`holdsStreetAddress`). */
      readonly streetField?: StreetAddressField;
      /**
       * A drop because the key locates the visitor finer than the policy's `geoPrecision`
       * (`geo.postal_code`), not because the operator listed it: in a metric's identity the value
       * is replaced by its hashed marker instead, so the series of two places stay two.
       */
      readonly located?: true;
    }
  | {
      readonly action: "scan";
      readonly server: boolean;
      readonly peer: boolean;
      readonly url: boolean;
      readonly id: boolean;
      readonly version: boolean;
      readonly place: number;
    };

export interface KeyRuleLists {
  keepKeys: readonly string[];
  dropKeys: readonly string[];
  hashKeys: readonly string[];
  /** Whether keys naming credentials (`authorization`, `cookie`, ...) hide their values. */
  secretKeys: boolean;
  /** Whether keys naming a card's holder (`card.holder`, `holderName`, `titular`) hide their values. */
  cardHolderKeys: boolean;
  /** Whether keys naming a person's name or login (`user.full_name`, `user.name`, `process.owner`) hide their values. */
  personNameKeys: boolean;
  /** Whether keys naming a person's street address (`street`, `address_line1`, `shipping_address`) hide their values. */
  streetAddressKeys: boolean;
  /** `geo.*` attributes finer than this are dropped. */
  geoPrecision: GeoPrecision;
}

/** Distinct keys are few in practice; the bound only stops hostile input from growing memory. */
const MAX_CACHED_KEYS = 4096;
/** Slots of the recent-key table in front of the memo (a power of two). */
const RECENT_SLOTS = 256;

const KEEP: KeyRule = { action: "keep" };
const DROP: KeyRule = { action: "drop" };
const TOO_PRECISE: KeyRule = { action: "drop", located: true };
const HASH: KeyRule = { action: "hash" };
const SECRET: KeyRule = { action: "secret" };
const SECRET_OR_COUNT: KeyRule = { action: "secret", counts: true };
/** A plural password word's rule (`passwords`, `one_time_passwords`): a count is kept, but a list of numeric passwords goes (`[1234, 5678]`: `codeListDigits`). */
const SECRET_OR_COUNT_BUT_PASSWORDS: KeyRule = { action: "secret", counts: true, codesAmongCounts: 4 };
const TOKEN: KeyRule = { action: "secret", shortCounts: true };
const SECRET_OR_OBJECT_NAME: KeyRule = { action: "secret", objectNames: true };
const SECRET_OR_ADDRESS: KeyRule = { action: "secret", addresses: true };
const SECRET_OR_REFERENCE: KeyRule = { action: "secret", references: true };
const SESSION_ID: KeyRule = { action: "secret", addresses: true, sessionShaped: true };
const SECRET_CODE: KeyRule = { action: "secret_code" };
/** A list of codes' rules: a PIN's, a one-time code's or a card code's 3 digits, a numeric password's 4 (`codeListDigits`). */
const CODE_LIST_RULES: readonly KeyRule[] = [3, 4].map((codeDigits) => ({ action: "secret_code", codeDigits }));
const SECRET_IF_PASSWORD_SHAPED: KeyRule = { action: "secret", passShaped: true };
const SECRET_UNLESS_PASS_WORD_KEEPS: KeyRule = { action: "secret", passWord: true };
const SECRET_OR_DIRECTORY: KeyRule = { action: "secret", directories: true };
const CARD_HOLDER: KeyRule = { action: "card_holder" };
/** The rule of each kind of person field's key (`personNameFieldOf`; `login` when it names none). */
const PERSON_NAME_RULES: Readonly<Record<PersonNameField | "login", KeyRule>> = {
  login: { action: "person_name" },
  part: { action: "person_name", nameField: "part" },
  whole: { action: "person_name", nameField: "whole" },
  type: { action: "person_name", nameField: "type" },
  unowned: { action: "person_name", nameField: "unowned" },
  role: { action: "person_name", nameField: "role" },
  held: { action: "person_name", nameField: "held" },
  party: { action: "person_name", nameField: "party" },
};
/** The scan rule's bit of a person's number (`namesPersonNumber`: a bare `user`, `member`, `client`). */
const PERSON_NUMBER_BIT = 8192;
/** A party's word that also names a person's number (`user`): a value that is no name is scanned as one's place. */
const PERSON_PARTY_OR_NUMBER: KeyRule = { action: "person_name", nameField: "party", scanPlace: Place.PERSON_NUMBER_VALUE };
/** The rule of each kind of street address key (`namesStreetAddress`). */
const STREET_ADDRESS_RULES: Readonly<Record<StreetAddressField, KeyRule>> = {
  named: { action: "street_address", streetField: "named" },
  unit: { action: "street_address", streetField: "unit" },
  number: { action: "street_address", streetField: "number" },
  shaped: { action: "street_address", streetField: "shaped" },
};
/**
 * The scan rules, one per combination of the 22 facts `classify` reads (bit 0 server … bit 10 a
 * postal code, bit 11 a PIX key, bit 12 an IBAN, bit 13 a person's number, bit 14 a measure,
 * bit 15 a date of birth, bit 16 a passport, bit 17 a bare `pix`, bit 18 a national id, bit 19 a URL's
 * path or route, bit 20 a message's id, bit 21 a database's connection), shared by every key with the same facts. Each is
 * made when a key first needs it: the objects made at module evaluation would lengthen every cold
 * start, and traffic uses few.
 */
const SCANS = new Map<number, KeyRule>();

function scanRule(bits: number): KeyRule {
  let rule = SCANS.get(bits);
  if (rule === undefined) SCANS.set(bits, (rule = newScanRule(bits)));
  return rule;
}

function newScanRule(bits: number): KeyRule {
  return {
    action: "scan",
    server: (bits & 1) !== 0,
    peer: (bits & 2) !== 0,
    id: (bits & 4) !== 0,
    version: (bits & 8) !== 0,
    url: (bits & 16) !== 0,
    place:
      ((bits & 4) !== 0 ? Place.ID_VALUE : 0) | ((bits & 32) !== 0 ? Place.SSN_VALUE : 0) | ((bits & 64) !== 0 ? Place.THING_ID : 0) |
      ((bits & 128) !== 0 ? Place.PHONE_VALUE : 0) | ((bits & 256) !== 0 ? Place.RG_VALUE : 0) | ((bits & 512) !== 0 ? Place.CNH_VALUE : 0) |
      ((bits & 1024) !== 0 ? Place.POSTAL_CODE_VALUE : 0) | ((bits & 2048) !== 0 ? Place.PIX_KEY_VALUE : 0) |
      ((bits & 4096) !== 0 ? Place.IBAN_VALUE : 0) | ((bits & 8192) !== 0 ? Place.PERSON_NUMBER_VALUE : 0) |
      ((bits & 16384) !== 0 ? Place.MEASURE_VALUE : 0) | ((bits & 32768) !== 0 ? Place.BIRTH_DATE_VALUE : 0) |
      ((bits & 65536) !== 0 ? Place.PASSPORT_VALUE : 0) | ((bits & 131072) !== 0 ? Place.BARE_PIX_VALUE : 0) |
      ((bits & 262144) !== 0 ? Place.NATIONAL_ID_VALUE : 0) | ((bits & 524288) !== 0 ? Place.ROUTE_VALUE : 0) |
      ((bits & 1048576) !== 0 ? Place.MESSAGE_ID_VALUE : 0) | ((bits & 2097152) !== 0 ? Place.CONNECTION_VALUE : 0) |
      ((bits & 4194304) !== 0 ? Place.JOB_TITLE_VALUE : 0) | ((bits & 8388608) !== 0 ? Place.CHECKED_NATIONAL_ID_VALUE : 0),
  };
}

/**
 * Namespaces whose addresses are the service's own side or the server it calls, per the
 * OpenTelemetry semantic conventions (`server.*`, `destination.*`, `network.local.*`,
 * `host.*`, `url.domain`) and their predecessors (`net.host.*`, `net.sock.host.*`,
 * `http.host`); `db.*` names the database, except the statement and its parameters, which
 * carry the application's data.
 */
const SERVER_PREFIXES = ["server.", "destination.", "network.local.", "host.", "net.host.", "net.sock.host."];
/**
 * The semantic conventions' resource namespaces that describe the emitting service and what it
 * runs on (the service, its SDK, process, container, pod, node, cloud, function, deployment):
 * an address there (`k8s.pod.ip`, `service.instance.id = 10.2.3.4:9464` from the Collector's
 * Prometheus receiver) is the service's own, never a person's. Person-facing namespaces
 * (`client.*`, `user.*`, `enduser.*`, `device.*`, `browser.*`, `user_agent.*`, `geo.*`) are not
 * here. See docs/decisions.md, 2026-12-01, "the service's own infrastructure".
 */
const INFRASTRUCTURE_PREFIXES = [
  "service.",
  "telemetry.",
  "process.",
  "container.",
  "oci.",
  "k8s.",
  "cloud.",
  "cloudfoundry.",
  "heroku.",
  "faas.",
  "os.",
  "deployment.",
  "webengine.",
];
const SERVER_KEYS = new Set(["url.domain", "http.host", "http.server_name"]);
const DATA_IN_DB_KEY = /statement|query|parameter/;
/** The remote end of a connection (`network.peer.*`, the older `net.peer.*`, `net.sock.peer.*`). */
const PEER_PREFIXES = ["network.peer.", "net.peer.", "net.sock.peer.", "peer."];
/**
 * A last segment naming a version: `version`, `sdk_version`, `build-version`, `appVersion`,
 * `VERSION`, `versions`, and a release's or build's (`release`, `app_release`, `build`,
 * `appBuild`), also with a word saying which one after it (`version_from`, `versionTo`,
 * `release_current`, `build_min`): the words that make a dotted quad in free text a version
 * (`detectors/ip.ts`, `VERSION_WORD`).
 */
const VERSION_SEGMENT = new RegExp(
  `(?:^|[_-])(?:[Vv]ersions?|VERSIONS?|[Rr]eleases?|RELEASES?|[Bb]uilds?|BUILDS?)${WHICH_VERSION}$` +
    `|[a-z0-9](?:Versions?|Releases?|Builds?)${WHICH_VERSION}$`,
);
/**
 * Keys holding a whole URL (`url.full`, `url.original`, the older `http.url`): its host is the
 * server a Client span called (semantic conventions, HTTP client spans), or on a Server span and
 * a log record the service's own address, as the client's Host header named it.
 */
const URL_KEYS = new Set(["url.full", "url.original", "http.url"]);
/**
 * Keys holding a URL's path or its route's template (semantic conventions: `url.path`,
 * `url.template`, `http.route`; the older `http.target`): a path a server answers, no file's.
 */
const ROUTE_KEYS = new Set(["url.path", "url.template", "http.route", "http.target"]);

/**
 * Classifies attribute keys. The policy's lists match case-insensitively, as the whole key or any
 * whole dotted suffix of it, so `user.id` also covers `log.user.id` (a lifted key that collided)
 * and `items.user.id` (a member's path in JSON text), and `note` covers `internal.note`; the
 * credential rule reads the last segment, so `authorization` covers
 * `http.request.header.authorization`. Precedence: keep, drop (listed, or `geo.*` finer than the
 * policy allows), hash, secret, card holder, person name, street address, scan. Results are cached because the same keys
 * repeat on every record.
 */
export class KeyRules {
  private readonly keep: ReadonlySet<string>;
  private readonly drop: ReadonlySet<string>;
  private readonly hash: ReadonlySet<string>;
  private readonly secretKeys: boolean;
  private readonly cardHolderKeys: boolean;
  private readonly personNameKeys: boolean;
  private readonly streetAddressKeys: boolean;
  private readonly geoLevel: number;
  private readonly rules = new BoundedMemo<string, KeyRule>(MAX_CACHED_KEYS, (key) => this.classify(key));
  /**
   * The last key seen in each slot, and its rule. A slot is chosen from the key's length and
   * two of its characters, so the keys that recur on every record find their rule with a
   * string comparison, where the memo's map would first hash the key: a decoded request's
   * keys are new strings, whose hash nobody has computed yet.
   */
  private readonly recentKeys: (string | undefined)[] = new Array<string | undefined>(RECENT_SLOTS).fill(undefined);
  private readonly recentRules: KeyRule[] = new Array<KeyRule>(RECENT_SLOTS).fill(KEEP);

  constructor(lists: KeyRuleLists) {
    this.keep = lowerCaseSet(lists.keepKeys);
    this.drop = lowerCaseSet(lists.dropKeys);
    this.hash = lowerCaseSet(lists.hashKeys);
    this.secretKeys = lists.secretKeys;
    this.cardHolderKeys = lists.cardHolderKeys;
    this.personNameKeys = lists.personNameKeys;
    this.streetAddressKeys = lists.streetAddressKeys;
    this.geoLevel = geoPrecisionLevel(lists.geoPrecision);
  }

  ruleFor(key: string): KeyRule {
    const length = key.length;
    const slot = (length * 31 + key.charCodeAt(length >> 1) * 7 + key.charCodeAt(length - 1)) & (RECENT_SLOTS - 1);
    if (this.recentKeys[slot] === key) return this.recentRules[slot]!;
    const rule = this.rules.get(key);
    this.recentKeys[slot] = key;
    this.recentRules[slot] = rule;
    return rule;
  }

  private classify(key: string): KeyRule {
    const whole = key.toLowerCase();
    const listed = (set: ReadonlySet<string>) => set.size > 0 && hasDottedSuffix(set, whole);
    if (listed(this.keep)) return KEEP;
    if (listed(this.drop)) return DROP;
    if (this.tooPrecise(key)) return TOO_PRECISE;
    if (listed(this.hash)) return HASH;
    // A code's name may span segments (`card.security.code`); a secret name is the last one.
    if (this.secretKeys && isSecretCodeName(key)) return SECRET_CODE;
    // The last segment as sent: `PWD` (the shell's directory) is no `pwd` (a password). A
    // path's `::` parts segments as `.` does (`auth::token`, `Session::Secret`).
    const lastSegment = lastNameSegment(key);
    // A last word `pass` or `pw` reads by one rule in every form (`keptUnderPassWord`): the whole
    // key's words, as a dotted name's in text (`smtp.pass`, `result.pass`, a noun's, read as any key).
    const passWord = passWordReading(key);
    if (this.secretKeys && (passWord === PassWord.ALONE || passWord === PassWord.LAST)) return SECRET_UNLESS_PASS_WORD_KEEPS;
    if (this.secretKeys && isSecretName(lastSegment)) return secretRule(key);
    if (this.secretKeys && passWord === PassWord.NONE && namesPasswordByShape(lastSegment)) return SECRET_IF_PASSWORD_SHAPED;
    // A member under a secret's name holds it (`credentials.value`, `secrets.db`) unless its
    // name describes it (`password.length`, `api_key.id`).
    if (this.secretKeys && isHeldSecretCodeName(key)) return SECRET_CODE;
    // Codes under a code word's plural (`pins`, `card_pins`, `security_codes`, `pins.visa`): only a value
    // shaped as codes goes (`codeDigits`), as the text detector reads `pins=[1234, 5678]`; a count,
    // a map pin's object, a GPIO pin's number, an id or a placeholder stays.
    const codeDigits = this.secretKeys ? codeListDigits(lastSegment) || (isHeldCodeListName(key) ? 3 : 0) : 0;
    if (codeDigits > 0) return CODE_LIST_RULES[codeDigits === 3 ? 0 : 1]!;
    if (this.secretKeys && isHeldSecretName(key)) return secretRule(key);
    const words = nameWords(key);
    // One rule for a holder's kind: a card's holder is `card_holder`, any other holder's name `person_name`.
    const held = holderOf(words);
    if (held === "card" && this.cardHolderKeys) return CARD_HOLDER;
    if (held === "held" && this.personNameKeys) return PERSON_NAME_RULES.held;
    if (this.personNameKeys && namesPersonField(words, gluedToName(key))) return PERSON_NAME_RULES[personNameFieldOf(words) ?? "login"];
    const street = this.streetAddressKeys ? namesStreetAddress(words) : undefined;
    if (street !== undefined) return STREET_ADDRESS_RULES[street];
    const server =
      SERVER_KEYS.has(whole) ||
      SERVER_PREFIXES.some((prefix) => whole.startsWith(prefix)) ||
      INFRASTRUCTURE_PREFIXES.some((prefix) => whole.startsWith(prefix)) ||
      (whole.startsWith("db.") && !DATA_IN_DB_KEY.test(whole)) ||
      namesServer(words);
    const peer = PEER_PREFIXES.some((prefix) => whole.startsWith(prefix));
    // A measure's number (`bytes`, `retry_count`, `duration_ns`) is an id's to every detector
    // but the card's, which keeps only its bare digits (a card in printed groups is no measure).
    const messagingPhone = namesMessagingPhone(words);
    const namesAnId = !messagingPhone && namesId(lastSegment, words);
    const measure = !namesAnId && namesMeasure(words);
    const id = namesAnId || measure;
    // The one verdict every place asks of a name (`numero_pedido`, `pedido`, `nsu`: a thing's;
    // `cliente_cpf`, `user.id`: a person's). A payment's code or a bare thing's name (`nsu`,
    // `pedido`) is a thing's number for CPFs and SSNs, not for cards: a key's value may be a
    // whole record's text (`order` holding JSON with a card), where only an id's name (`namesId`)
    // speaks for the digits; in text the words right before a number do (`isIdInProse`).
    const thing = namesThingIdentifier(words);
    const version = VERSION_SEGMENT.test(lastSegment);
    const url = URL_KEYS.has(whole);
    const ssn = namesSsn(words);
    const phone = messagingPhone || namesPhone(words) || namesProviderPhone(lastSegment);
    // A list's name says what its items are as its item's name does (`cpf_list`, `iban_array`).
    const items = itemNameWords(words);
    const document = idDocumentPlace(items);
    // The whole key's words: `address.postal.code` names one as `address.postal_code` does.
    const postalCode = isPostalCodeParameterName(key);
    const bits =
      (server ? 1 : 0) | (peer ? 2 : 0) | (id ? 4 : 0) | (version ? 8 : 0) | (url ? 16 : 0) | (ssn ? 32 : 0) | (thing ? 64 : 0) |
        (phone ? 128 : 0) | (document === Place.RG_VALUE ? 256 : 0) | (document === Place.CNH_VALUE ? 512 : 0) | (postalCode ? 1024 : 0) |
        (namesPixKey(items) ? 2048 : 0) | (namesIban(items) ? 4096 : 0) |
        (!thing && (namesPersonNumber(items) || namesCardNumber(words)) ? PERSON_NUMBER_BIT : 0) | (measure ? 16384 : 0) |
        (namesBirthDate(words) ? 32768 : 0) | (namesPassport(words) ? 65536 : 0) | (namesBarePix(items) ? 131072 : 0) |
        (namesNationalId(items) ? 262144 | (namesCheckedNationalId(items) ? 8388608 : 0) : 0) | (ROUTE_KEYS.has(whole) ? 524288 : 0) | (namesMessageId(words) ? 1048576 : 0) |
        // The last segment's words: the `db.*` namespace (`db.statement`, `db.query.parameter.0`) names no connection.
        (namesConnection(nameWords(lastSegment)) ? 2097152 : 0) | (namesJobTitle(nameWords(lastSegment)) ? 4194304 : 0);

    // A bare person's or party's word (`user`, `from`) that says nothing else of its value but
    // that a number there is a person's (`user`): a full name there is a person's; anything else
    // is scanned as under its scan rule.
    if ((bits & ~PERSON_NUMBER_BIT) === 0 && this.personNameKeys && namesPersonParty(words)) return bits === 0 ? PERSON_NAME_RULES.party : PERSON_PARTY_OR_NUMBER;
    return scanRule(bits);
  }

  private tooPrecise(key: string): boolean {
    const level = geoLevelOf(key);
    if (level === undefined) return false;
    return level === "unknown" ? this.geoLevel === 0 : level > this.geoLevel;
  }
}

/**
 * The credential rule of a secret's `key`: one that keeps a count when the key counts
 * or bounds (`namesCount`: tokens, `max_*`), one that keeps a Secret object's name when the key is the bare word
 * `secret` (kube-state-metrics' label: `kube_secret_info{secret="orders-tls"}`), one that leaves
 * an e-mail address to the e-mail detector when the key names a credential's context
 * (`namesSecretContext`: `session`, `cookie`), one that keeps a Secret's or its key's name when
 * the key refers to an existing Secret (`namesExistingSecret`: Helm's `existingSecret`), one that
 * keeps what is no session's id under a session's name (`namesSession`, `KeyRule.sessionShaped`),
 * one that keeps a short number under a token's name (`KeyRule.shortCounts`),
 * one that keeps a directory's path under `pwd` (`KeyRule.directories`).
 */
function secretRule(key: string): KeyRule {
  if (namesExistingSecret(key)) return SECRET_OR_REFERENCE;
  if (namesCount(key)) return codeListDigits(lastNameSegment(key)) === 4 ? SECRET_OR_COUNT_BUT_PASSWORDS : SECRET_OR_COUNT;
  // A cookie jar's member is a cookie's value, opaque whatever its shape, as in a `Cookie` header.
  if (namesSession(key) && !inCookieJar(key)) return SESSION_ID;
  if (namesSecretContext(key)) return SECRET_OR_ADDRESS;
  if (key.toLowerCase() === "secret") return SECRET_OR_OBJECT_NAME;
  if (namesToken(key)) return TOKEN;
  return lastNameSegment(key).toLowerCase() === "pwd" ? SECRET_OR_DIRECTORY : SECRET;
}

/**
 * Whether a key's words (`nameWords`) name a person's document or id (`identifiedBy` is
 * `PERSON`: `cpf`, `tax_id`, `customer.cpf`, `user.id`), or a list of them (`cpfs`, `cnpjs`,
 * `user_ids`, `documentos`, which `identifiedBy` reads as their singulars; not `users`, a count
 * of people, nor `order_ids`).
 */
function namesPersonNumber(words: readonly string[]): boolean {
  return identifiedBy(words) === PERSON;
}

/** Whether a key's words (`nameWords`) end in `iban` or `ibans` (`iban`, `customer.iban`, `beneficiaryIbans`). */
function namesIban(words: readonly string[]): boolean {
  const last = words[words.length - 1];
  return last === "iban" || last === "ibans";
}

function lowerCaseSet(keys: readonly string[]): ReadonlySet<string> {
  return new Set(keys.map((key) => key.toLowerCase()));
}

/** Whether `set` holds `key` or a part of it after one of its dots (`a.b.c`: `a.b.c`, `b.c`, `c`). */
function hasDottedSuffix(set: ReadonlySet<string>, key: string): boolean {
  if (set.has(key)) return true;
  for (let dot = key.indexOf("."); dot >= 0; dot = key.indexOf(".", dot + 1)) {
    if (set.has(key.slice(dot + 1))) return true;
  }
  return false;
}

/**
 * The strongest of `rule` and the rules `ruleOf` gives `names`, the first of equals: the rule of
 * a value named by several keys (a GraphQL variable passed as several arguments, a placeholder an
 * SQL statement uses for several columns). From the strongest: drop, a code's secret, a secret, a
 * card holder's name, a person's name or street address, a hash, keep, a scan whose key says what the value is (`phone`, `cep`:
 * `KeyRule.place`), a plain scan. Scans whose keys each say what the value is are joined
 * (`joinedScan`): `"order_id" = $1 OR "phone" = $1` binds a value that is a phone as much as
 * an order's id, and the first column named must not hide what the second says.
 */
export function strongestRule(rule: KeyRule, names: readonly string[], ruleOf: (name: string) => KeyRule): KeyRule {
  let strongest = rule;
  for (const name of names) {
    const candidate = ruleOf(name);
    if (candidate.action === "scan" && strongest.action === "scan" && candidate.place !== 0 && strongest.place !== 0) {
      strongest = joinedScan(strongest, candidate);
    } else if (ruleStrength(candidate) > ruleStrength(strongest)) {
      strongest = candidate;
    }
  }
  return strongest;
}

/**
 * The scan rule of a value two keys name, each saying what it is: what a key says that lets a
 * detector find more (an SSN's, a phone's, a postal code's, a person's number: `SCAN_FINDING_BITS`)
 * holds when either says it; what lets a detector pass a value by (a server's address, an id's
 * or a thing's number, a version: the other bits) only when both say it.
 */
function joinedScan(a: KeyRule & { action: "scan" }, b: KeyRule & { action: "scan" }): KeyRule {
  const first = scanBits(a);
  const second = scanBits(b);
  return scanRule(((first | second) & SCAN_FINDING_BITS) | (first & second & ~SCAN_FINDING_BITS));
}

/** The bits of `scanRule` that make a detector find more: SSN, phone, RG, CNH, postal code, PIX key, IBAN, a person's number, a date of birth, a passport, a bare `pix`, a national id, a database's connection. */
const SCAN_FINDING_BITS = 32 | 128 | 256 | 512 | 1024 | 2048 | 4096 | 8192 | 32768 | 65536 | 131072 | 262144 | 2097152;

/** The facts of a scan rule as `scanRule` numbers them. */
function scanBits(rule: KeyRule & { action: "scan" }): number {
  const place = rule.place;
  return (
    (rule.server ? 1 : 0) | (rule.peer ? 2 : 0) | (rule.id ? 4 : 0) | (rule.version ? 8 : 0) | (rule.url ? 16 : 0) |
    ((place & Place.SSN_VALUE) !== 0 ? 32 : 0) | ((place & Place.THING_ID) !== 0 ? 64 : 0) | ((place & Place.PHONE_VALUE) !== 0 ? 128 : 0) |
    ((place & Place.RG_VALUE) !== 0 ? 256 : 0) | ((place & Place.CNH_VALUE) !== 0 ? 512 : 0) | ((place & Place.POSTAL_CODE_VALUE) !== 0 ? 1024 : 0) |
    ((place & Place.PIX_KEY_VALUE) !== 0 ? 2048 : 0) | ((place & Place.IBAN_VALUE) !== 0 ? 4096 : 0) |
    ((place & Place.PERSON_NUMBER_VALUE) !== 0 ? 8192 : 0) | ((place & Place.MEASURE_VALUE) !== 0 ? 16384 : 0) |
    ((place & Place.BIRTH_DATE_VALUE) !== 0 ? 32768 : 0) | ((place & Place.PASSPORT_VALUE) !== 0 ? 65536 : 0) |
    ((place & Place.BARE_PIX_VALUE) !== 0 ? 131072 : 0) | ((place & Place.NATIONAL_ID_VALUE) !== 0 ? 262144 : 0) |
    ((place & Place.ROUTE_VALUE) !== 0 ? 524288 : 0) | ((place & Place.MESSAGE_ID_VALUE) !== 0 ? 1048576 : 0) |
    ((place & Place.CONNECTION_VALUE) !== 0 ? 2097152 : 0) | ((place & Place.JOB_TITLE_VALUE) !== 0 ? 4194304 : 0) |
    ((place & Place.CHECKED_NATIONAL_ID_VALUE) !== 0 ? 8388608 : 0)
  );
}

function ruleStrength(rule: KeyRule): number {
  switch (rule.action) {
    case "drop":
      return 8;
    case "secret_code":
      return 7;
    case "secret":
      return 6;
    // A card holder's column names whose name it is more closely than a role's word
    // (`card_holder = @holder`: the parameter's `holder` is a role's, the column a card's).
    case "card_holder":
      return 5;
    case "person_name":
    case "street_address":
      return 4;
    case "hash":
      return 3;
    case "keep":
      return 2;
    default:
      return rule.place === 0 ? 0 : 1;
  }
}
