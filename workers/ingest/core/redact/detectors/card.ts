import { Evidence, isDigit } from "../evidence";
import { type Detector, Place } from "./detector";
import { isBarcodeValue, isBoundToIdColumn, isIdInPath, isIdInProse, isIdValue, isPostgresRowKey, namesIdMember } from "./id-value";
import { followsNamedNumber } from "./comma-glued-values";
import { isMeasureInProse, isMeasureValue, proseWordBefore } from "./measure-value";
import { memberNameBefore } from "./member-name";
import { namesCardNumber } from "../card-names";
import { nameWords } from "../secret-names";

/**
 * Payment card numbers (ISO/IEC 7812 PANs): 13 to 19 digits, contiguous or in the printed
 * groupings (4-4-4-4[-3], Amex/Diners 4-6-5 and 4-6-4; 4.4.4.4 as some receipts and forms write it), whose issuer prefix is one in use with
 * a length that issuer issues, and that pass the Luhn check. The checksum alone passes one
 * number in ten; the issuer table is what keeps a 19-digit decimal trace id or an epoch
 * timestamp (which starts with 1 until 2033) from being taken for a card. A number given as the
 * value of an id (`dd.trace_id=…`, `"span_id": "…"`, `orderId: …`) or bound to an id's column in an
 * ORM's list (`"id" = ?` with knex's `bindings`: `isBoundToIdColumn`) is that id, and one after a
 * barcode's name (`EAN 4516533011970`, `código de barras …`, `ean=…`) is a product's GTIN, not a
 * card; one given bare as the value of a measure (`bytes=…`, `"duration_ns": …`: `isMeasureValue`,
 * or under a measure's key, `Place.MEASURE_VALUE`) is that quantity, but one in a card's printed
 * groups (`size=4539 5787 6362 1486`, `total: 4539-5787-6362-1486`) is a card: no measure is
 * written that way. Bare digits before a unit or after a measure's word in prose (`… bytes`,
 * `checksum …`: `isMeasureInProse`) are a quantity too, unless a card's name precedes them
 * (`card 4111… rows 2`, `card_number=…`: `isNamedCard`), and PostgreSQL's error rows say which
 * column a value is (`Key (order_id)=(…)`, a failing row's first value: `isPostgresRowKey`). A
 * number right after the words naming a thing's id in prose (`order 4086…`, `order #…`, `invoice
 * number …`, `row id …`, `snowflake …`: `isIdInProse`) is that id, unless a card's name is the
 * word before it; after a card payment's words (`transaction 4111… declined`, `NSU …`,
 * `autorização …`) it is still a card: payment logs write the PAN there (docs/decisions.md,
 * 2026-12-03, which replaces 2026-12-01's "still a card"). A reference's key (`pspReference`,
 * `payment_ref`) names an id as `order_id` does (`isIdValue`). A gift card's or a voucher's
 * number is a card number: it spends a stored value. Digits a comma joins to a number are that
 * number's fraction or a row's next field (`isDecimalCommaPart`), except where the number begins
 * the value of an id's, a measure's or a phone's name, or a path's resource (`ids=42,4111…,7`,
 * `/orders/42,4111…`, `order 42,4111…,7`: `followsNamedNumber`), which says what the value's numbers are.
 */
export const cardDetector: Detector = {
  kind: "card",
  source:
    `(?<![\\w.-])[2-689](?:\\d{12,18}|\\d{3}(?:[ -]\\d{4}){3}(?:[ -]?\\d{1,3})?|\\d{3}(?:\\.\\d{4}){3}|\\d{3}[ -]\\d{6}[ -]\\d{4,5})` +
    `(?![\\w-]|\\.\\d)`,
  evidence: Evidence.CARD_DIGITS,
  rewrite: (match, marker, text, start, place) => {
    const digits = match.replace(/[ .-]/g, "");
    const measure =
      digits.length === match.length && !isNamedCard(text, start) &&
      ((place & Place.MEASURE_VALUE) !== 0 || isMeasureValue(text, start) || isMeasureInProse(text, start, start + match.length));
    return passesLuhn(digits) && issuerIssues(digits) && !isIdValue(text, start) && !measure && !isIdNamedInProse(text, start) &&
      !isBoundToIdColumn(text, start) && !isBarcodeValue(text, start) && !isPostgresRowKey(text, start) &&
      !isDecimalCommaPart(text, start, start + match.length, digits) && !followsNamedNumber(text, start, namesIdMember, isIdNamedOrBarcode)
      ? marker
      : undefined;
  },
};

/**
 * A card's magnetic stripe track 1 (ISO/IEC 7813, format code `B`): `%B`, the PAN, `^`, the
 * holder's name (2 to 26 characters, `SMITH/JOHN`), `^`, then the expiry, service code and
 * discretionary data up to `?`: `%B4111111111111111^SMITH/JOHN^28121010000000000000?` →
 * `%B[REDACTED:card]^28121010000000000000?`. The PAN and the name go as one `card` find, as
 * track 2's PAN is one (`;4111…=2812…?`, the card detector's, which keeps what follows the `=`):
 * the name on the card is the holder's personal data. The sentinel `%` may have been stripped by
 * the reader (`B4111…^SMITH/JOHN^…`); the PAN must be one a card's issuer issues and pass the Luhn
 * check. The gate (`Evidence.CARD_DIGITS`): a `^` and a card's digits (`evidence.ts`).
 */
export const cardTrack1Detector: Detector = {
  kind: "card",
  source: "(?<![\\w%])%?B[2-689]\\d{12,18}\\^[^^?\\r\\n]{2,26}\\^",
  evidence: Evidence.CARD_DIGITS,
  rewrite: (match, marker) => {
    const pan = match.slice(match.indexOf("B") + 1, match.indexOf("^"));
    return passesLuhn(pan) && issuerIssues(pan) ? `${match.slice(0, match.indexOf("B") + 1)}${marker}^` : undefined;
  },
};

/**
 * Whether a comma glues the card's digits (`digits`, at `start` to `end`) into one decimal number,
 * of which they are the integer part (`4111…,50 reais`) or the fraction (`1,4111…`, `R$
 * 1.234,4111…`): then they are that number's, not a card. A comma between fields or list items
 * is a separator, and a card may stand on either side of it: a JSON array as `JSON.stringify`
 * writes it (`[1,4111…]`), a CSV row, an SQL `VALUES` tuple (`42,4111…,2026-12-01`,
 * `(42,4111…,12,2028)`). A comma before them is a decimal's when the number it ends is no list's
 * item (after a list's `[` or `,`, as `ana,1,` and `1,2,` are) and is either grouped in
 * thousands by dots as Brazil writes amounts (`1.234`) or short enough that it and the digits
 * make one binary double as a program prints it, 17 significant digits at most (`1,4111…` and
 * `0,4111…` are one; `42,4111…`, 18 digits, are two fields); so it is whatever follows them, a
 * sentence's comma or the next item (`o fator foi 2,5235580930079147, acima`, `x=6,4101…,y=2`).
 * Otherwise, with a comma on each side they are a field (`ana,4111…,12`, `42,4111…,12/28`): a
 * number has one decimal comma. After them alone, a comma and digits are a fraction when nothing
 * but a number's end follows (`,50 reais`; not `,12/28`, `,2026-12-01`, `,99.90`), unless a
 * card's name before them (`card=…,12`) says what they are. Digits in a card's printed groups are
 * never part of a number.
 */
function isDecimalCommaPart(text: string, start: number, end: number, digits: string): boolean {
  if (digits.length !== end - start) return false;
  if (text.charCodeAt(start - 1) === COMMA) return isDecimalFraction(text, start, digits);
  return text.charCodeAt(end) === COMMA && FRACTION_AFTER.test(text.slice(end, end + FRACTION_REACH)) && !isNamedCard(text, start);
}

/** Whether the digits at `start`, after a comma, are the fraction of the number the comma ends (`isDecimalCommaPart`). */
function isDecimalFraction(text: string, start: number, digits: string): boolean {
  if (!isDigit(text.charCodeAt(start - 2))) return false;
  const from = Math.max(0, start - FRACTION_REACH);
  const integer = INTEGER_BEFORE.exec(text.slice(from, start))!;
  if (LIST_ITEM_OPENING.test(text.slice(Math.max(0, from + integer.index - FRACTION_REACH), from + integer.index))) return false;
  return integer[1] !== undefined || integer[2]!.replace(LEADING_ZEROS, "").length + digits.length <= DOUBLE_SIGNIFICANT_DIGITS;
}

const COMMA = 0x2c;
/** How far around the digits a number glued to them is read: longer ones are no double or amount. */
const FRACTION_REACH = 32;
/** A comma, then digits that end a number: not a word, a date's or a fraction's `-`/`/`, a list's next `,` or `]`, a `.` and digits. */
const FRACTION_AFTER = /^,\d+(?![\w,\]/-]|\.\d)/;
/** The number a comma ends: grouped in thousands by dots (1), or digits alone (2). */
const INTEGER_BEFORE = /(?:(?<![\d.])(\d{1,3}(?:\.\d{3})+)|(?<!\d)(\d+)),$/;
/** A list's `[` or `,` before its item, blanks between. */
const LIST_ITEM_OPENING = /[[,][ \t]*$/;
const LEADING_ZEROS = /^0+/;
/** The most significant digits a binary double needs to print any value exactly (IEEE 754). */
const DOUBLE_SIGNIFICANT_DIGITS = 17;

/**
 * Whether the number starting at `start` follows a card's name (`namesCardNumber`), as a member's
 * name (`card_number=…`, `"pan": …`) or as the word before it in prose (`card 4111…`): the
 * sender said it is a card's number, whatever unit's word follows it (`card 4111… rows 2`).
 */
function isNamedCard(text: string, start: number): boolean {
  const name = memberNameBefore(text, start) ?? proseWordBefore(text, start);
  return name !== undefined && namesCardNumber(nameWords(name));
}

/**
 * Whether the words right before the number at `start` name it a thing's id (`isIdInProse`:
 * `order #4086…`, `invoice number …`; a path's resource segment, `isIdInPath`: `/orders/4086…`)
 * and no card's name is the word before it (`isNamedCard`).
 */
function isIdNamedInProse(text: string, start: number): boolean {
  return (isIdInProse(text, start) || isIdInPath(text, start)) && !isNamedCard(text, start);
}

/** Whether the words before the number at `start` name it a thing's id (`isIdNamedInProse`: `order 42`, `/orders/42`) or a barcode (`EAN 42`). */
function isIdNamedOrBarcode(text: string, start: number): boolean {
  return isIdNamedInProse(text, start) || isBarcodeValue(text, start);
}

/**
 * Issuer prefix ranges and the lengths their cards have, from the card networks' published
 * IIN tables (as collected in the Wikipedia article "Payment card number", 2026): Visa, Visa
 * Electron, Mastercard, Maestro, American Express, Diners Club, Discover, JCB, UnionPay, Mir,
 * RuPay, Verve, Troy, GPN, UzCard, Humo, BORICA, InterPayment, InstaPayment, and Brazil's Elo
 * and Hipercard. Each entry: first prefix, last prefix (same number of digits), lengths.
 */
const ISSUER_RANGES: readonly (readonly [string, string, readonly number[]])[] = [
  ["4", "4", [13, 16, 19]], // Visa (Elo's 4xxxxx ranges are 16 digits too)
  ["51", "55", [16]], // Mastercard
  ["2221", "2720", [16]], // Mastercard 2-series
  ["34", "34", [15]], // American Express
  ["37", "37", [15]],
  ["36", "36", [14, 15, 16, 17, 18, 19]], // Diners Club International
  ["300", "305", [14, 15, 16, 17, 18, 19]], // Diners Club Carte Blanche
  ["3095", "3095", [14, 15, 16, 17, 18, 19]],
  ["38", "39", [14, 16]], // Diners Club, on the Discover network
  ["3528", "3589", [16, 17, 18, 19]], // JCB
  ["353", "353", [16]], // RuPay-JCB
  ["356", "356", [16]],
  ["3841", "3841", [16, 19]], // Hipercard
  ["2200", "2204", [16, 17, 18, 19]], // Mir
  ["2205", "2205", [16]], // BORICA
  ["5018", "5018", [13, 14, 15, 16, 17, 18, 19]], // Maestro
  ["5020", "5020", [13, 14, 15, 16, 17, 18, 19]],
  ["5038", "5038", [13, 14, 15, 16, 17, 18, 19]],
  ["5893", "5893", [13, 14, 15, 16, 17, 18, 19]],
  ["6304", "6304", [13, 14, 15, 16, 17, 18, 19]],
  ["6759", "6759", [13, 14, 15, 16, 17, 18, 19]],
  ["6761", "6763", [13, 14, 15, 16, 17, 18, 19]],
  ["50", "50", [16, 18, 19]], // GPN, Elo (504175, 5066–5067, 509), Verve (5060–5079), Dankort (5019)
  ["56", "56", [16, 18, 19]], // GPN
  ["58", "58", [16, 18, 19]],
  ["60", "63", [16, 17, 18, 19]], // RuPay 60, Hipercard 606282, UnionPay 62, GPN 60–63
  ["636", "636", [16, 17, 18, 19]], // InterPayment, Elo 636297 and 636368
  ["637", "639", [16]], // InstaPayment
  ["6011", "6011", [16, 17, 18, 19]], // Discover
  ["644", "649", [16, 17, 18, 19]],
  ["65", "65", [16, 17, 18, 19]], // Discover, RuPay, Elo 65xxxx, Verve 6500xx, Troy
  ["81", "82", [16, 17, 18, 19]], // UnionPay 81, RuPay 81–82
  ["8600", "8600", [16]], // UzCard
  ["9792", "9792", [16]], // Troy
  ["9860", "9860", [16]], // Humo
];

function issuerIssues(digits: string): boolean {
  for (const [first, last, lengths] of ISSUER_RANGES) {
    if (!lengths.includes(digits.length)) continue;
    const prefix = digits.slice(0, first.length);
    if (prefix >= first && prefix <= last) return true;
  }
  return false;
}

/** The Luhn mod-10 check every payment card number satisfies. */
function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let digit = digits.charCodeAt(i) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}
