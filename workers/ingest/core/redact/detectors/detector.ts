/**
 * A detector finds one kind of personal data in free text. Each contributes a regex source that
 * finds candidates, and the checks a regex cannot express (checksums, name lists, the text just
 * before the match) run only on its candidate matches.
 */
export interface Detector {
  /** Names the kind in markers and in the redaction summary, e.g. "email". */
  readonly kind: string;
  /**
   * Regex source matching candidates; compiled without flags. It may use lookarounds and
   * non-capturing groups; capture groups are allowed but not referenced.
   */
  readonly source: string;
  /**
   * The `Evidence` facts (a mask) of which every text holding a match this detector accepts
   * shows at least one: the scanner does not run the detector on a text that shows none.
   * Zero, with no `moreEvidence`, when unknown (a policy's extra pattern): the detector then
   * runs on every string.
   */
  readonly evidence: number;
  /** The `MoreEvidence` facts (a mask) that are evidence as `evidence`'s are. Zero or absent: none. */
  readonly moreEvidence?: number;
  /**
   * The `Place` facts that are evidence enough: in the value of such a key the detector
   * searches whatever the text shows (the SSN detector under `ssn`). Zero or absent: none.
   */
  readonly placeEvidence?: number;
  /**
   * The replacement for a candidate, given the marker for this kind, or undefined when the
   * candidate is not what it looked like (failed checksum, harmless name, an id's value).
   * A detector that recognises a more precise kind in its match (the `Basic` credentials after
   * an `authorization=` key) returns that kind with its replacement, and one whose secret is
   * only the start of its match says how long that start is. Defaults to the marker. `text`
   * and `start` locate the candidate for checks of what precedes it; `place` (`Place` facts)
   * says what the key of the attribute whose value the whole text is says about it.
   */
  readonly rewrite?: (match: string, marker: string, text: string, start: number, place: number) => Rewrite | undefined;
  /**
   * The first candidate at or after `from`, exactly as `exec` of the source compiled global
   * from `from` finds it (the same start, the same match), or null: for a detector whose every
   * match holds a literal a native search finds, where the regex would try each position of
   * the text. Absent: the regex searches. A search may also give candidates no regex can express,
   * which its `rewrite` then knows by their place (a format string's consumed argument,
   * console-arguments.ts).
   */
  readonly search?: (text: string, from: number) => RegExpExecArray | null;
  /**
   * Where the value a field detector reads stands in its match, as [offset, length], when the
   * match also holds the field's separator and quotes (`:"Ana Silva"`: the characters between
   * the quotes): the part the scanner asks the JSON walk's kept members about (kept-members.ts),
   * so that a member the key rules kept by its path stays. Absent: the whole match.
   */
  readonly fieldValue?: (match: string) => readonly [number, number];
}

/**
 * A replacement for the whole match, of the detector's kind; or one of `kind`, standing for the
 * first `length` characters of the match (the rest is scanned again). Each marker a replacement
 * writes is counted under the marker's kind (a `Cookie` header's cookies, a Digest header's
 * parameters, a URL's e-mail user and password), whatever `kind` says.
 */
export type Rewrite = string | { readonly text: string; readonly kind: string; readonly length?: number; readonly sessionIds?: readonly number[] };

/**
 * `rewrite` (a replacement of a session's id: `session_id=…`, `JSESSIONID=…`, `session abc123…`)
 * with its markers at `sessionIds` (their places among its markers, from 0) saying that each hides
 * a session's id: the scanner writes those as the policy's hashed session marker
 * (`RedactionPolicy.sessionMarker`), the one the key rules write under a session's key, so a
 * session's records group whichever way its id was found. Counted as the marker's kind, as before.
 */
export function hidingSessionIds(rewrite: Rewrite, kind: string, sessionIds: readonly number[] = [0]): Rewrite {
  if (sessionIds.length === 0) return rewrite;
  return typeof rewrite === "string" ? { text: rewrite, kind, sessionIds } : { ...rewrite, sessionIds };
}

/**
 * What an attribute's key says about its value, as bit flags: the request walker knows the key
 * (`key-rules.ts`), free text does not (there a detector reads the words before a match).
 */
export enum Place {
  /**
   * The key names an identifier (`order_id`, `*.id`, `traceId`, `sku`, `part_number`): a bare
   * number in the value is that identifier.
   */
  ID_VALUE = 1 << 0,
  /** The key names a Social Security number (`ssn`, `customer.socialSecurityNumber`). */
  SSN_VALUE = 1 << 1,
  /**
   * The key names the identifier of a thing (`order.id`, `sku`, `part_number`; not a person's
   * id, `applicant.id`): a number printed like an SSN there is that identifier.
   */
  THING_ID = 1 << 2,
  /**
   * The key names a phone number (`phone`, `customer.phone_number`, `mobilePhone`, `fax`,
   * `celular`): a number printed like an SSN there is a national phone number.
   */
  PHONE_VALUE = 1 << 3,
  /** The key names an RG, Brazil's identity card (`rg`, `cliente.rg`, `numeroRg`): its number is the value. */
  RG_VALUE = 1 << 4,
  /** The key names a CNH, Brazil's driver's licence (`cnh`, `motorista.cnh`): its number is the value. */
  CNH_VALUE = 1 << 5,
  /**
   * The key names a postal code (`cep`, `customer.zip`, `billing_zip`, `shipping.postalCode`:
   * `isPostalCodeParameterName`): a value shaped as one, whole, is that code.
   */
  POSTAL_CODE_VALUE = 1 << 6,
  /** The key names a PIX key (`pix.chave`, `pix_key`, `chavePix`): the whole value is the key, whatever its type. */
  PIX_KEY_VALUE = 1 << 7,
  /**
   * The key names an IBAN (`iban`, `ibans`, `customer.iban`): a value written in lower case is
   * one there as after the word `IBAN` in text.
   */
  IBAN_VALUE = 1 << 8,
  /**
   * The key names a person's document or id (`cpf`, `cnpj`, `tax_id`, `customer.cpf`, `user.id`:
   * `identifiedBy` is `PERSON`) or a payment card's number (`card_number`, `cartao`): no detector
   * reads more into the value for it, but an integer there is that number, scanned as its digits
   * as the same number sent as a string is (`redact-request.ts`).
   */
  PERSON_NUMBER_VALUE = 1 << 9,
  /**
   * The key names a measure (`bytes`, `size`, `total`, `duration_ns`: `namesMeasure`), no id: a
   * bare number there is that quantity, no card; one in a card's printed groups is a card.
   */
  MEASURE_VALUE = 1 << 10,
  /** The key names a date of birth (`birth_date`, `customer.dob`, `dateOfBirth`, `data_nascimento`): a date there, whole, is that date. */
  BIRTH_DATE_VALUE = 1 << 11,
  /** The key names a passport or its number (`passport`, `passport_number`, `passaporte`): a passport's number there, whole, is that number. */
  PASSPORT_VALUE = 1 << 12,
  /**
   * The key's last word is the bare `pix` (`pix`, `payment.pix`, `cliente_pix`: `namesBarePix`): a
   * payment method's flag, amount or object as often as its key, so the whole value is a PIX key
   * only in a key's shape (a CPF's or CNPJ's digits, a phone, an e-mail, a random key's UUID).
   */
  BARE_PIX_VALUE = 1 << 13,
  /**
   * The key names a national identity, tax or driver's licence number (`nino`, `dni`,
   * `user.national_id`, `driver_license`: `namesNationalId`): a token of four digits or more there, whole, is that number.
   */
  NATIONAL_ID_VALUE = 1 << 14,
  /**
   * The key holds a URL's path or route (`url.path`, `http.route`, `http.target`): a path there is
   * one a server answers (`/home/jdoe`, `/Users/jdoe/orders`), no directory on a disk.
   */
  ROUTE_VALUE = 1 << 15,
  /** The key names a message's identifier (`message_id`, `messageId`: `namesMessageId`): an e-mail shaped value there is that id, no mailbox. */
  MESSAGE_ID_VALUE = 1 << 16,
  /**
   * The key names a database's connection or its logon (`dsn`, `db.connection_string`,
   * `ORACLE_CONN`: `namesConnection`): an Oracle logon starting the value is one, as after such a
   * key's `=` in text.
   */
  CONNECTION_VALUE = 1 << 17,
  /**
   * The key holds a record's URL query without its `?` (`url.query`, as the semantic conventions
   * and Cloudflare's export send it: `queryPlaceIn`, query-paths.ts): the whole value is the
   * query, one parameter too (`name=Maria+Filo+Vestido`), no logfmt field.
   */
  QUERY_VALUE = 1 << 18,
  /**
   * With `QUERY_VALUE`: the query's record's path names people (`url.path` = `/users`:
   * `queryPlaceIn`), so a bare `name` there is a person's, as after `/users?` (name-owners.ts).
   */
  PEOPLE_QUERY = 1 << 19,
  /**
   * The key names a job's title (`job_title`, `jobTitle`, `position`, `title`: `namesJobTitle`,
   * name-introducers.ts): the words after `Sr.` and a job there are the job's, no name (`Sr. Nurse Practitioner`).
   */
  JOB_TITLE_VALUE = 1 << 20,
  /**
   * The text is a query parameter's value decoded from its form encoding, scanned alone
   * (query-prose.ts): a `+` first in a number there may be a form's `%2B`, so the number is
   * judged as the form-encoded one in the query is (`canBeE164Number`: `%2B1+2024+05+01` is a date).
   */
  DECODED_QUERY_VALUE = 1 << 21,
  /**
   * With `QUERY_VALUE`: the query's record's path names things, no one (`url.path` =
   * `/api/products`: `queryPlaceIn`), so a bare `name` there is a product's, a city's or a shop's,
   * as after `/api/products?` (name-owners.ts).
   */
  THING_QUERY = 1 << 22,
  /**
   * With `NATIONAL_ID_VALUE`: the key names a document whose number only its check digit tells
   * from other values (`sin`, `nhs_number`, `my_number`: `namesCheckedNationalId`), so the value
   * is one only as that number with its check holding (`sin=12345`, `sin=0.5` are none).
   */
  CHECKED_NATIONAL_ID_VALUE = 1 << 23,
}

/** Each lower-case letter `caseless` widens (`a`–`z`, `ñ`) and the class it writes for it (`[Aa]`). */
const EITHER_CASE: Readonly<Record<string, string>> = Object.fromEntries(
  [..."abcdefghijklmnopqrstuvwxyzñ"].map((letter) => [letter, `[${letter.toUpperCase()}${letter}]`]),
);
/**
 * `caseless`'s sources by word. The detectors' word lists run through it about 1,100 times while
 * the bundle loads, half of them a word already seen (`key`, `password`, a card holder's words in
 * each language): every cold start paid for each letter again (docs/decisions.md, "Cold start,
 * fifteenth round"). Bounded by the words the modules spell.
 */
const CASELESS = new Map<string, string>();

/** A regex source matching `word` (lower case) in any case, for sources that are compiled without flags. */
export function caseless(word: string): string {
  let source = CASELESS.get(word);
  if (source === undefined) {
    source = word.replace(/[a-zñ]/g, (letter) => EITHER_CASE[letter]!);
    CASELESS.set(word, source);
  }
  return source;
}

/**
 * `caseless`, with the letters past ASCII that `word` holds widened too (`lösenord` →
 * `[Ll][Öö][Ss]…`, `hasło` → `…[Łł][Oo]`): for a name a sender writes in capitals
 * (`LÖSENORD: …`, `HASŁO: …`). Latin-1's and Latin Extended-A's lower-case letters with one
 * upper-case letter; `caseless` alone keeps to ASCII and `ñ`, as the word lists its other
 * callers spell (months, addresses, card holders) were measured with.
 */
export function caselessLetters(word: string): string {
  return caseless(word).replace(ACCENTED_LOWER, (letter) => {
    const upper = letter.toUpperCase();
    return upper.length === 1 && upper !== letter ? `[${upper}${letter}]` : letter;
  });
}
/** A lower-case letter of Latin-1 or Latin Extended-A other than `ñ`, which `caseless` widens already. */
const ACCENTED_LOWER = /[\u00DF-\u00F0\u00F2-\u00FF\u0100-\u017F]/g;

/** What replaces a redacted value or part of a string, e.g. `[REDACTED:email]`. */
export function redactionMarker(kind: string): string {
  return `[REDACTED:${kind}]`;
}

/**
 * Whether `text` is wholly one marker redaction writes: `[REDACTED:email]`, or a metric
 * attribute's hashed one (`[REDACTED:ipv4:9f86d081884c7d65]`). What an earlier pass left hides
 * nothing, so a key rule keeps it and a second pass changes and counts nothing.
 */
export function isRedactionMarker(text: string): boolean {
  return WHOLE_MARKER.test(text);
}
const WHOLE_MARKER = /^\[REDACTED:[^\]:\s]+(?::[0-9a-f]+)?\]$/;
