import { Evidence } from "../evidence";
import { Place, caseless, type Detector } from "./detector";
import { FIELD_SEPARATOR, NAME_CLOSING, VALUE_OPENING_QUOTES } from "./escaped-quotes";
import { followsNamedNumber, namesThingItems } from "./comma-glued-values";
import { isThingIdPlace, isThingIdentifierValue } from "./id-value";
import { COMMA_GLUED_AFTER, COMMA_GLUED_BEFORE, ListReader, isLaterItemOfNamedList, isNumberListCharacter } from "./list-items";
import { LIST_NAME_SUFFIX, PLURAL_S, itemNameWords } from "./list-names";
import { isNamedPhone } from "./phone";
import { NUMBER_WORD_SET } from "./thing-words";

/**
 * US Social Security numbers. The printed form `123-45-6789` is one wherever it is, except as
 * the identifier of a thing, which ids, SKUs and part numbers share the grouping with: under a
 * key or after a name naming one (`order.id`, `order_id=`, `sku`, `part_number`; not a person's
 * id, `applicant.id`, `user_id=`, where it may be the person's SSN) or after words naming one
 * (`SKU 321-54-9876`, `part no. …`, `order #…`). The same nine digits grouped by spaces (`123 45
 * 6789`) or run together (`123456789`) are one only after a word naming it (`SSN: 123 45 6789`,
 * `ssn=123456789`, `social security number 123456789`, `"socialSecurityNumber":"…"`), or in the
 * value of a key naming it (`ssn`, `applicant.socialSecurityNumber`, as a lifted JSON line gives
 * it): nine digits alone are an order, a zip+4, an id. So is each later item of a list after
 * such a name, in any of these forms (`ssn: 123456789, 234567890`, `{"ssns":["123-45-6789",
 * "234567890"]}`, `ssns=123456789;234 56 7890`, `ssns: 123456789 234567890`: `list-items.ts`),
 * and a list's name is one (`ssns`, `ssn_list`, `socialSecurityNumbers`: `list-names.ts`). A
 * name of an SSN wins over a thing's.
 * After a word naming a phone (`Call 800-55-1234`, `Phone: 555-12-3456`, `fax`, `celular`,
 * `WhatsApp`) or under a key naming one (`customer.phone`), the shape is a national phone
 * number, which the phone detector redacts as one (kept when `phone` is off): not an SSN. A
 * name of an SSN wins over a phone's.
 *
 * Only numbers the Social Security Administration issues (its rules since randomization in
 * 2011): no area `000`, `666` or `900`–`999` (the 9xx range is the IRS's ITINs), no group `00`,
 * no serial `0000`. The printed form's area and group may be bracketed apart from its serial
 * (`[123-45]-6789`), as a log's half-done mask leaves it: the number, whole. The number must stand alone: inside an id or a UUID (`ord-123-45-6789`,
 * `123-45-6789-0`), or as a date (`2024-11-30`, which has another grouping), it is not one; a
 * `,` glues digits alone or in spaced groups only as a decimal's separator (`12,123456789`), and
 * separates a list's items and a CSV row's or an SQL tuple's fields (`Ana,123-45-6789,NY`). No
 * number is written with the printed form's dashes, so a `,` never glues it: after a number's
 * field it is one too (`42,234-12-2143`, `order 42,234-12-2143`), unless that number begins the
 * value of a thing's id's, a measure's or a phone's name (`skus=42,123-45-6789`, `phone: 42,…`:
 * `followsNamedNumber`), which says what the value's numbers are.
 */
/** The number ends alone: no word's or id's character, `/`, or `.` and digits, follows it. */
const ENDS_ALONE = "(?![\\w/-]|\\.\\d)";

export const ssnDetector: Detector = {
  kind: "ssn",
  // A `,` glues digits only as a decimal's or thousands' separator (`list-items.ts`); no number holds the printed form's dashes.
  source:
    `(?<![\\w./-])(?:(?:\\d{3}-\\d{2}|\\[\\d{3}-\\d{2}\\])-\\d{4}${ENDS_ALONE}` +
    `|(?<!${COMMA_GLUED_BEFORE})(?:\\d{3} \\d{2} \\d{4}|\\d{9})${ENDS_ALONE}(?!${COMMA_GLUED_AFTER}))`,
  evidence: Evidence.SSN,
  placeEvidence: Place.SSN_VALUE,
  rewrite: (match, marker, text, start, place) => {
    if (!isIssuable(match.replace(/\D/g, ""))) return undefined;
    if ((place & Place.SSN_VALUE) !== 0 || isNamedSsn(text, start) || isLaterItemOfNamedList(ssnLists, text, start, match.length, isNamedSsn)) {
      return marker;
    }
    if ((place & Place.PHONE_VALUE) !== 0 || isNamedPhone(text, start) || followsNamedNumber(text, start, namesThingItems)) return undefined;
    // Only the printed form is one unnamed: a thing's identifier is asked of it alone.
    return match.includes("-") && !(isThingIdPlace(place, text, start, match.length) || isThingIdentifierValue(text, start)) ? marker : undefined;
  },
};

/**
 * A word naming a Social Security number, as a word or a key's last word (`ssn`, `SSN`,
 * `customer_ssn`, `userSsn`, `social security`, `socialSecurity`, `SOCIAL_SECURITY`). The
 * evidence walk looks for `SSN_WORD`, which every one of them holds.
 */
const SSN_NAME = "(?:(?<![A-Za-z])(?:ssns?|SSNS?|Ssns?)|[a-z]Ssns?|[Ss]ocial[ _-]?[Ss]ecurity|SOCIAL[ _-]?SECURITY)";

/**
 * The name, then what may stand between it and the number: `number`/`no.`/`#`, a list's
 * `numbers` and `_list` (`socialSecurityNumbers`, `ssn_list`: `list-names.ts`), a quote, `:`,
 * `=` or `is` (`SSN: `, `"ssn":"`, `social security number `, `SSN# `, `SSN is `), a list's `[`
 * and the line break a pretty-printed array puts after it (`"ssn": [\n  "`); quotes perhaps
 * escaped, in JSON text held in a string (`\\"ssn\\":\\"`).
 */
const SSN_NAMED_BEFORE = new RegExp(
  `${SSN_NAME}(?:[ _-]?(?:(?:[Nn]umber|NUMBER|[Nn]um)${PLURAL_S}|[Nn]o\\.?|NO\\.?|#))?${LIST_NAME_SUFFIX}` +
    `${NAME_CLOSING}?[ \\t]*(?:${FIELD_SEPARATOR}[ \\t]*(?:\\[[ \\t\\r\\n]*)?${VALUE_OPENING_QUOTES}?|(?:is|was)[ \\t]+)?$`,
);

/** Whether a name of an SSN is right before `start` (`SSN_NAMED_BEFORE`). */
function isNamedSsn(text: string, start: number): boolean {
  return SSN_NAMED_BEFORE.test(text.slice(Math.max(0, start - 48), start));
}

/**
 * Whether a key's words (`nameWords`) name an SSN or a list of them: the last word is `ssn` or
 * `ssns`, or the last two `social security`, either perhaps before a word for "number"
 * (`customer_ssn`, `applicantSsn`, `SSNs`, `ssn_number`, `socialSecurityNumber`,
 * `SOCIAL_SECURITY_NO`), a list's name as its item's (`ssn_list`, `socialSecurityNumbers`:
 * `list-names.ts`). The detector reads the same names before a number in text (`SSN_NAMED_BEFORE`).
 */
export function namesSsn(words: readonly string[]): boolean {
  const item = itemNameWords(words);
  let end = item.length;
  if (end > 1 && NUMBER_WORD_SET.has(item[end - 1]!)) end--;
  const last = item[end - 1];
  return last === "ssn" || last === "ssns" || (last === "security" && item[end - 2] === "social");
}

/** The reader of lists after an SSN's name, whose later items are unnamed (`list-items.ts`). */
const ssnLists = new ListReader(isNumberListCharacter);

/** The SSA's issuing rules for an SSN's area (3 digits), group (2) and serial (4). */
function isIssuable(digits: string): boolean {
  const area = digits.slice(0, 3);
  return area !== "000" && area !== "666" && area[0] !== "9" && digits.slice(3, 5) !== "00" && digits.slice(5) !== "0000";
}
