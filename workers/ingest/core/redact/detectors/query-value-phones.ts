import { canBeE164Number, isReservedNanpNumber } from "../north-american-numbers";

/**
 * An international number written at a URL query value's start whose groups literal blanks set
 * apart (`?phone=+1 415 867 5309`). In a log line a blank ends the request's URL, and what
 * follows is the response's: morgan's `tiny` and `dev` formats print `:method :url :status
 * :res[content-length] - :response-time ms` and `… :status :response-time ms - :res[content-length]`
 * (`GET /api/x?delta=+1 200 4521 - 3.102 ms`), so the groups after the first blank are a
 * number's only where the key names a phone, and only as far as they make one.
 */

/** The fewest and the most digits of an international number (ITU-T E.164: at most 15, country code included). */
const FEWEST_DIGITS = 8;
const MOST_DIGITS = 15;
/** A response's status (three digits, `1xx`–`5xx`) as the group a cut would end with. */
const STATUS_GROUP = /(?:^|[ ])[1-5]\d\d$/;
/** What follows a response's status in an access log: a blank and a number (the byte count, the response time). */
const AFTER_STATUS = /^[ \t]+\d/;
/** What ends a query value held whole: the next parameter, a fragment, a closing quote (perhaps escaped, JSON text in a string). */
const VALUE_CLOSED = /^(?:[&#"']|\\")/;
/** A request line's protocol after its URL (`GET /x?q=… HTTP/1.1`). */
const PROTOCOL_AFTER = /^[ ]HTTP\//;
/** A local number's last group, four digits or more (`5309`, `98765-4321`). */
const LOCAL_NUMBER_END = /\d{4,}$/;
/**
 * What follows an access log's request URL: the protocol (`HTTP/1.1`), or a status (`1xx`–`5xx`)
 * and then a number, a quote, or the text's end; or the text's end.
 */
const LOG_TAIL = /^(?:$|[ ]HTTP\/|[ ][1-5]\d\d(?:$|[ \t]+\d|["']|\\"))/;
/**
 * An international number's groups as people write one (`+55 11 98765-4321`, `+1 415 867 5309`,
 * `+44 20 7946 0958`, `+44 (0)20 7946 0958`, `+33 6 12 34 56 78`, `+34 612 345 678`): the country
 * code, one to three digits, as the first group; then the national number's shapes the phone
 * detector reads (`NATIONAL` in phone.ts): an area code, perhaps in parentheses, at most two
 * groups of two to five digits and a local number's last group of four digits or more; pairs
 * after one to three digits; three threes. A first group of four digits (`+2024 12 05 1530`, a
 * date and a time) is no country code.
 */
const PHONE_GROUPS =
  /^\+\d{1,3}(?:[ .-]?\(\d{1,4}\)[ .-]?|[ .-])(?:\d{1,5}(?:[ .-]\d{2,5}){0,2}[ .-]\d{4,8}|\d{1,3}(?:[ .-]\d{2}){3,4}|\d{3}[ .-]\d{3}[ .-]\d{3})$/;
/** A status and a byte count or a time inside the groups (`+44 200 4521`): a log line's tail, not a number's groups. */
const STATUS_THEN_NUMBER = /[ ][1-5]\d\d[ ]\d/;
/**
 * A NANP number in its full written groups (`+1 415 867 5309`, `+1 (415) 867-5309`, `+1 800 555
 * 1234`: the country code 1, an `NXX` area code, an `NXX` exchange, four digits). Outside an
 * access line (`isAccessLine`) nothing but the number's own groups stands after a `+1` in a URL
 * (`Redirecting to /cb?ref=+1 415 867 5309`, `url.full` = `…?ref=+1 500 867 5309`), so these are
 * a phone whatever area code they hold, toll-free `800` included.
 */
const NANP_FULL_GROUPS = /^\+1[ .-]?(?:\([2-9]\d\d\)|[2-9]\d\d)[ .-]?[2-9]\d\d[ .-]\d{4}$/;
/** An `N00` area code (`200`, `500`, `800`): easily recognisable codes, and in an access line the commonest statuses. */
const N00_AREA_CODE = /^\+1[ .-]?\(?[2-9]00/;
/** An area code that reads as a response's status (`1xx`–`5xx`: `200`, `304`, `415`). */
const STATUS_AREA_CODE = /^\+1[ .-]?\(?[1-5]\d\d/;
/** A request's method and a blank before its URL (`GET /x?…`, `"POST https://…`): the URL is an access line's request. */
const METHOD_BEFORE = /(?:^|[\s"'])(?:GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS|CONNECT|TRACE)[ \t]+\S*$/;
/** How far back a request's method is looked for: a request line's URL is no longer in practice. */
const METHOD_LOOKBACK = 2048;
/**
 * An access line's fields after its request URL: the protocol (`HTTP/1.1`), the combined log's
 * quoted referrer or user agent (`"-"`, `"https://…"`, `"Mozilla/5.0"`; not a JSON string's closing
 * quote, `"}`), or a status (`1xx`–`5xx`) after a blank, a tab or ` - `.
 */
const ACCESS_FIELDS_AFTER = /^(?:[ \t]+-)?[ \t]+(?:HTTP\/|"(?:-"|[a-z][a-z\d+.-]*:\/\/|[A-Za-z][\w.-]*\/)|[1-5]\d\d(?!\d))/;
/**
 * The line's status after a query value's groups (` 200`, `\t200`, ` - 200`), then the text's
 * end, a number, a dash or a quote: the groups before it are the URL's, not the response's fields.
 */
const STATUS_AFTER = /^(?:[ \t]+-)?[ \t]+[1-5]\d\d(?:$|[ \t]+[\d"-]|["'])/;

/**
 * Whether the query value from `start` to `end` in `text` is in an access line's request URL: an
 * HTTP method before the URL (`GET /x?…`), or an access line's fields after the value
 * (`ACCESS_FIELDS_AFTER`: ` HTTP/1.1`, ` 200 512`, `\t200`, ` - 200`, ` "-" "Mozilla/5.0"`).
 * There a `+1` value may be followed by the response's status, byte count and time
 * (`GET /api/x?delta=+1 200 512 1234`, morgan's `tiny` format).
 */
export function isAccessLine(text: string, start: number, end: number): boolean {
  return ACCESS_FIELDS_AFTER.test(text.slice(end, end + 16)) || METHOD_BEFORE.test(text.slice(Math.max(0, start - METHOD_LOOKBACK), start));
}

/**
 * Whether `taken`, a NANP number's full groups (`NANP_FULL_GROUPS`) from `start` to `end` in
 * `text`, is a phone: always outside an access line (`isAccessLine`); inside one its area code is
 * no `N00` code, and it is the value's whole (`closed`), before the protocol or the line's status
 * (`STATUS_AFTER`: ` 200`, `\t200`, ` - 200`), or its area code reads as no status (`800`, `646`).
 * Otherwise the area code may be the response's status (`?delta=+1 200 512 1234`: status, bytes,
 * time) and the status reading (`STATUS_THEN_NUMBER`) decides.
 */
function isNanpPhone(taken: string, text: string, start: number, end: number, closed: boolean): boolean {
  if (!NANP_FULL_GROUPS.test(taken)) return false;
  if (!isAccessLine(text, start, end)) return true;
  if (N00_AREA_CODE.test(taken)) return false;
  const after = text.slice(end, end + 24);
  return closed || PROTOCOL_AFTER.test(after) || STATUS_AFTER.test(after) || !STATUS_AREA_CODE.test(taken);
}

/**
 * Whether `value` is a NANP number in its full written groups (`NANP_FULL_GROUPS`), its blanks
 * perhaps a URL's `%20` (`+1%20415%20867%205309`: what `new URL()` makes of `?ref=+1 415 867 5309`,
 * the `+` left as written). In an access line (`inAccessLine`) an `N00` area code is no phone's
 * (`GET /x?id=+1%20200%20512%201234`); elsewhere it is (`url.full` = `…?ref=+1%20800%20555%201234`).
 */
export function isNanpInFullGroups(value: string, inAccessLine: boolean): boolean {
  const groups = value.includes("%") ? value.replace(ENCODED_BLANKS, " ") : value;
  return NANP_FULL_GROUPS.test(groups) && !(inAccessLine && N00_AREA_CODE.test(groups));
}
const ENCODED_BLANKS = /%20/g;

/** The digits of `text`, in order (`+1 415 867-5309` → `14158675309`). */
function digitsOf(text: string): string {
  return text.replace(/\D/g, "");
}

/** Whether `digits`, an international number's after its `+`, can be one: 8 to 15 of them, an E.164 number's (`canBeE164Number`). */
function isPlausibleNumber(digits: string): boolean {
  return digits.length >= FEWEST_DIGITS && digits.length <= MOST_DIGITS && canBeE164Number(digits);
}

/**
 * How many characters of `match`, a written international number at a URL query value's start
 * in `text` at `start` whose groups a literal blank sets apart (`+1 415 867 5309 200 1234`), are
 * the number; undefined when none is. The groups are read up to the longest run of them that is
 * a plausible number (`isPlausibleNumber`), never ending in a response's status (`200`:
 * `STATUS_GROUP`) followed by a number or the value's end when the number is whole without it
 * (`/cb?phone=+1 415 867 5309 200` keeps its `200`). Under a phone's key (`underPhoneKey`:
 * `phone`, `tel`, `whatsapp`…) that is all, and outside an access line a NANP number under a
 * reserved area code is one too (`/cb?phone=+1 200 512 1234`: the key says phone; in
 * `GET /x?phone=+1 200 512 1234` the groups are the status, the bytes and the time). Under any other key a NANP number in its full groups
 * held whole by the value or before `HTTP/` is one (`NANP_FULL_GROUPS`: `url.query` = `ref=+1 415 867 5309`); any
 * other run must also hold no status
 * followed by a number (`?n=+44 200 4521`), read as a phone's groups (`PHONE_GROUPS`: not
 * `?q=+2024 12 05 1530`) and be the value's whole: closed by `&`, `#` or a
 * quote, or ending a text with no blank before it, or else end as a local number does (a group of
 * four digits or more) before what ends an access log's request (`LOG_TAIL`: a status, `HTTP/1.1`,
 * the text's end); failing that, its first group alone as a form-encoded number's run is
 * (`?ref=+5511987654321 200`), with 8 to 15 digits.
 */
export function queryValueNumberLength(match: string, text: string, start: number, underPhoneKey: boolean): number | undefined {
  for (let cut = match.length; cut > 0; cut = match.lastIndexOf(" ", cut - 1)) {
    const taken = match.slice(0, cut);
    const digits = digitsOf(taken);
    if (digits.length < FEWEST_DIGITS) return undefined;
    const plausible = isPlausibleNumber(digits) || (underPhoneKey && isReservedNanpNumber(digits) && !isAccessLine(text, start, start + cut));
    if (!plausible || endsInStatus(taken, text, start + cut)) continue;
    if (underPhoneKey || isWholeValue(taken, text, start, start + cut)) return cut;
  }
  const firstGroup = match.indexOf(" ");
  const run = digitsOf(match.slice(0, firstGroup)).length;
  return run >= FEWEST_DIGITS && run <= MOST_DIGITS ? firstGroup : undefined;
}

/**
 * Whether `taken`, a plausible number from `start` to `end` in `text`, is its query value's whole
 * as a key that names no phone needs it (`queryValueNumberLength`).
 */
function isWholeValue(taken: string, text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 16);
  const closed = VALUE_CLOSED.test(after) || (end === text.length && !/\s/.test(text.slice(0, start)));
  if (isNanpPhone(taken, text, start, end, closed)) return true;
  if (STATUS_THEN_NUMBER.test(taken) || !PHONE_GROUPS.test(taken)) return false;
  return closed || (LOCAL_NUMBER_END.test(taken) && LOG_TAIL.test(after));
}

/**
 * Whether `taken`, ending at `at` in `text`, ends in a response's status after a literal blank
 * which a number or the value's end follows, and is a plausible number without it.
 */
function endsInStatus(taken: string, text: string, at: number): boolean {
  if (!STATUS_GROUP.test(taken)) return false;
  const after = text.slice(at, at + 2);
  if (!AFTER_STATUS.test(after) && !VALUE_CLOSED.test(after) && at !== text.length) return false;
  const blank = taken.lastIndexOf(" ");
  return blank > 0 && isPlausibleNumber(digitsOf(taken.slice(0, blank)));
}
