import { Evidence } from "../evidence";
import { isPostalCodeParameterName } from "../postal-code-names";
import { Place, type Detector } from "./detector";
import { ESCAPED_QUOTE, OPENING_QUOTES, VALUE_OPENING_QUOTES } from "./escaped-quotes";
import { ListReader, WHOLE_VALUE_LIST, firstItem, printedAs } from "./list-items";
import { AMOUNT_AFTER, AMOUNT_REACH } from "./thing-words";

/**
 * Postal codes under a name that says they are one: in URL query and form parameters
 * (`?zip=01310-100`, `&postal_code=SW1A%201AA`, `cep=50000-000`), also where the text is a
 * query or form body without its `?` (`url.query`, which Cloudflare's OTLP export sends without
 * it: `zip=94103&sku=1`) or a `name=value` field of a log line; as a field, `name: value` or a
 * JSON member (`CEP: 01310-100`, `"cep":"01310-100"`, `'zip': 94105`, `{"zip":94105}` in a body
 * kept as JSON text); and as the whole value of an attribute whose key names one (`cep`,
 * `customer.zip`, `shipping.postalCode`: `Place.POSTAL_CODE_VALUE`, as a lifted
 * `{"cep":"01310-100"}` gives it). Each is the `geo.postal_code` of a person, which
 * `geoPrecision` drops as an attribute. The name stays; the policy leaves this detector out when
 * its precision keeps postal codes (`full`).
 *
 * Names by words (`isPostalCodeParameterName`: `billing_zip`, `shipping_postal_code`, `zip5`,
 * `cepDestino`), values by the shapes countries print their codes in, whole, so a `zip=` that is
 * a switch or an archive (`zip=1`, `zip=v2`, `zip=gz2`, `zip=release-2.4.1`, `zip: true`) stays.
 */
export const POSTAL_CODE_KIND = "postal_code";

/** A blank inside a code as a query (`+`, `%20`) or text (` `) writes it. */
const BLANK = "(?:[ +]|%20)";
/**
 * The postal code shapes, each whole: US ZIP and ZIP+4; Brazil's CEP (8 digits, with or without
 * its dash, or printed `01.310-100`); the 4- and 6-digit codes (Australia, Switzerland, India,
 * China, Russia); Israel's 7 digits, which are also a CEP written as a number, whose leading zero
 * is lost (`1310100` for `01310-100`: São Paulo's CEPs all start with 0); Japan's `123-4567`,
 * Poland's `12-345`, Portugal's `1234-567`, the Netherlands' `1234 AB`; the UK's alphanumeric
 * outward and inward codes (`SW1A 1AA`, `M1 1AE`) and Canada's `K1A 0B1`.
 */
export const POSTAL_CODE_VALUE =
  `(?:\\d{5}(?:-\\d{4}|-?\\d{3})?|\\d\\d\\.\\d{3}-?\\d{3}|\\d{4}(?:-\\d{3}|[A-Za-z]{2}|${BLANK}[A-Z]{2})?|\\d{6,7}|\\d{3}-\\d{4}|\\d\\d-\\d{3}` +
  `|[A-Za-z]{1,2}\\d[A-Za-z\\d]?${BLANK}?\\d[A-Za-z]{2}|[A-Za-z]\\d[A-Za-z][ +-]?\\d[A-Za-z]\\d)`;
/**
 * Where the value must end: at the next parameter, a blank, a quote or bracket, the end of the
 * text, or a sentence's final punctuation before one of those (`zip=94103.`).
 */
export const VALUE_END = `(?=$|[&#\\s"'<>;,)\\]}]|${ESCAPED_QUOTE}|[.:!?](?:$|[\\s"'<>)\\]}]|${ESCAPED_QUOTE}))`;

/**
 * The name before the `=` or `:` a match starts with: after a parameter's separator, a blank, a
 * bracket, the start of the text or quotes opening a string (`OPENING_QUOTES`: `"zip=94105"`,
 * `{"m":"CEP: 01310-100"}`); before a `:`, perhaps quoted (quotes perhaps escaped, JSON text in a
 * string: `{\"cep\":…}`) or closed by `print_r`'s `]`, and followed by blanks.
 */
const NAME_BEFORE = /(?:^|[?&#;\s,({[]|[=:](?=\\*["']))(?:\\*["']){0,2}([A-Za-z_][\w.-]*)(?:\\*["']|\])?[ \t]*$/;
/**
 * What an arrow member's or a spaced assignment's value follows (`'zip' => '`, `[zip] => `,
 * `zip = "`): blanks, `=>` or an `=` after blanks, blanks and its opening quotes. A glued `=`
 * (`zip=94105`) is a parameter's, read as one.
 */
const ARROW_OPENING = /^(?:[ \t]*=>|[ \t]+=)[ \t]*(?:(?:\\*"){3}|\\*["'])?(?=\d|[A-Z])/;
/**
 * An SQL condition's word before a name and its spaced `=` (`WHERE zip = `, `AND (zip = `,
 * `CASE WHEN zip = `), also across a line break or a block comment between them (`WHERE\n  zip
 * = `), or a condition's of PL/SQL, T-SQL or VB (`IF zip = … THEN`, `ELSIF`, `IIF(zip = …`): the
 * `=` compares, and a code compared with selects an area, not a person's address. Such a word
 * after an `=` or a `:` is a value, the line's before (`debug = on\nzip = 94105`, `mode: and`),
 * no condition's. Read back at most `NAME_REACH` characters before the name.
 */
const SQL_CONDITION_BEFORE = /(?:^|[^\w=:](?<![=:][ \t]*))(?:where|and|or|on|having|when|not|if|elsif|elseif|iif)(?:\s|\(|\/\*[^*]{0,48}\*\/)+(?:[\w.`"'\[\]]+[ \t]*)?$/i;
const NAME_REACH = 64;
/** What a field's value may follow: a field's `:`, blanks and a quote, or a GraphQL block string's three (`VALUE_OPENING_QUOTES`). */
const FIELD_OPENING = /^:[ \t]*(?:(?:\\*"){3}|\\*["'])?/;
/** What an array's item follows: its `[` or `,`, blanks and a quote, perhaps escaped (JSON text in a string). */
const ITEM_OPENING = /^[[,][ \t]*(?:\\*["'])?/;
/** The `:` and the name of the member whose value is the array opened at the end (`"cep":[`), perhaps with escaped quotes. */
const MEMBER_BEFORE_ARRAY = /(?:^|[{,[\s?&;])(\\*["'])?([A-Za-z_][\w.-]*)\1[ \t]*[:=][ \t]*$/;

export const postalCodeParameterDetector: Detector = {
  kind: POSTAL_CODE_KIND,
  // A parameter's match starts at the `=`, a field's at the `:`, literals the regex skips to;
  // the name is read back by a lookbehind and the value is a few characters of fixed shapes, so
  // each `=` or `:` costs its name and at most a dozen characters. A whole value is one only
  // under a key naming a postal code, which the rewrite checks.
  source:
    `=(?<=(?:^|[?&#;\\s,([{]|${OPENING_QUOTES})[A-Za-z_][\\w.-]*=)${POSTAL_CODE_VALUE}${VALUE_END}` +
    `|:(?<=(?:^|[?&#;\\s,({[]|${OPENING_QUOTES})[A-Za-z_][\\w.-]*(?:\\\\{0,7}["'])?[ \\t]*:)[ \\t]*${VALUE_OPENING_QUOTES}?${POSTAL_CODE_VALUE}${VALUE_END}` +
    // A member after PHP's and Ruby's `=>` (`'zip' => '94103'`, `print_r`'s `[zip] => 94103`), or
    // an assignment's `=` with blanks on both sides (an INI or TOML line, Python: `zip = 94105`,
    // `zip = "94105"`, SQL's `SET zip = '94105'`; the rewrite keeps a comparison's: `WHERE zip =
    // '01304-001'`): the match starts at the blanks or the `=`. The blanks are taken from the
    // first: a search tried at each blank of a long run would read the rest of it looking for
    // the `=>` (quadratic), and a match from a later blank is the same `=>` or `=`.
    `|(?<![ \\t])[ \\t]*(?:=>(?<=[\\w"'\\]][ \\t]*=>)|=(?![=>~])(?<=[\\w"'][ \\t]+=)(?=[ \\t]))[ \\t]*${VALUE_OPENING_QUOTES}?${POSTAL_CODE_VALUE}${VALUE_END}` +
    // A whole value, perhaps with the blanks or line break a form or a copied line leaves around
    // it, or the first item of a list that is the whole value (`zips` = `94103,10001`). A blank
    // is refused before the lookbehind reads back, or each place in a long run of blanks would.
    `|(?![ \\t\\r\\n])(?<=^[ \\t\\r\\n]*)${POSTAL_CODE_VALUE}(?=[ \\t\\r\\n]*$|[ \\t]*,)` +
    // An array's item: the `[` or `,` before it starts the match, a literal the regex skips to.
    // An item of a list after a name (`zips=94103,10001`, `cep: 01304-001, 04538-133`) may end
    // as a value ends.
    `|[[,][ \\t]*(?:\\\\*["'])?${POSTAL_CODE_VALUE}(?=\\\\*["']?[ \\t]*[,\\]]|${VALUE_END})`,
  evidence: Evidence.POSTAL_CODE_PARAMETER,
  placeEvidence: Place.POSTAL_CODE_VALUE,
  rewrite: (match, marker, text, start, place) => {
    const separator = match.charCodeAt(0);
    if (separator === 91 /* [ */ || separator === 44 /* , */) return arrayItem(match, marker, text, start, place);
    // A count or a size after a named number is an amount (`zip: 12345 entries`, `zip=48213 bytes`), as in prose.
    const end = start + match.length;
    if (AMOUNT_AFTER.test(text.slice(end, end + AMOUNT_REACH))) return undefined;
    const arrow = ARROW_OPENING.exec(match);
    if (arrow !== null) {
      if (!arrow[0].includes("=>") && SQL_CONDITION_BEFORE.test(text.slice(Math.max(0, start - NAME_REACH), start))) return undefined;
      return namesPostalCodeBefore(text, start) ? `${arrow[0]}${marker}` : undefined;
    }
    if (separator !== 61 /* = */ && separator !== 58 /* : */) return (place & Place.POSTAL_CODE_VALUE) !== 0 ? marker : undefined;
    if (!namesPostalCodeBefore(text, start)) return undefined;
    return separator === 61 ? `=${marker}` : `${FIELD_OPENING.exec(match)![0]}${marker}`;
  },
};

/** Whether the name before the `=` or `:` at `at` names a postal code (`NAME_BEFORE`). */
function namesPostalCodeBefore(text: string, at: number): boolean {
  const from = Math.max(0, at - NAME_REACH);
  const before = NAME_BEFORE.exec(text.slice(from, at));
  // A name longer than the reach is read whole or not at all.
  return before !== null && !(before.index === 0 && from > 0) && isPostalCodeParameterName(before[1]!);
}

/**
 * An item of a list of postal codes. Of a JSON array: the whole value under a key naming one (a
 * lifted `{"cep":["01310-100"]}` gives the attribute `cep` the text `["01310-100"]`), or the value
 * of a member or parameter naming one (`{"zip":[94105]}`, `{\"cep\":[\"01310-100\"]}` inside a
 * string, `postal_codes=["94103","10001"]`); a bare number becomes a quoted marker, quoted as the
 * member's name is, so the text stays JSON (bare after `=`, which is no JSON). Or of a comma list
 * after a name's `=` or `:` (`zips=94103,10001,60601`, `cep: 01304-001, 04538-133`), whose items
 * are one country's codes: printed as the first is (`zips=94103,2026` is a code and a year). The
 * list is read back from the item to its `[`, `=` or `:`, past the items before it.
 */
function arrayItem(match: string, marker: string, text: string, start: number, place: number): string | undefined {
  const open = match.charCodeAt(0) === 91 ? start : lists.opening(text, start);
  const opening = ITEM_OPENING.exec(match)![0];
  if (open === WHOLE_VALUE_LIST) {
    // The whole value is the list, under a key naming a postal code (`zips` = `94103,10001`,
    // `ceps` = `01304-001, 04538-133`): read as the list after a name's `=` or `:` is.
    return (place & Place.POSTAL_CODE_VALUE) !== 0 && printedAs(firstItem(text, 0), match.slice(opening.length)) ? `${opening}${marker}` : undefined;
  }
  if (open < 0) return undefined;
  const quoted = /["']$/.test(opening);
  const separator = text.charCodeAt(open);
  if (separator === 61 /* = */ || separator === 58 /* : */) {
    const value = match.slice(opening.length);
    return namesPostalCodeBefore(text, open) && printedAs(firstItem(text, open + 1), value) ? `${opening}${marker}` : undefined;
  }
  let quote = '"';
  if ((place & Place.POSTAL_CODE_VALUE) !== 0 && text.slice(0, open).trim() === "") {
    // The whole value is the array.
  } else {
    const member = MEMBER_BEFORE_ARRAY.exec(text.slice(Math.max(0, open - NAME_REACH), open));
    if (member === null || !isPostalCodeParameterName(member[2]!)) return undefined;
    quote = member[1] ?? (text.charCodeAt(open - 1) === 61 ? "" : '"');
  }
  return quoted ? `${opening}${marker}` : `${opening}${quote}${marker}${quote}`;
}

/** The postal code lists' reader (`list-items.ts`): their items are codes, letters too. */
const lists = new ListReader(isListCharacter);

/** A character of a postal code list's items and separators: letters, digits, `-`, `.`, `+`, `%`, blanks, quotes, `\`, `,`. */
function isListCharacter(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122) || code === 45 || code === 46 || code === 43 ||
    code === 37 || code === 32 || code === 9 || code === 34 || code === 39 || code === 92 || code === 44
  );
}
