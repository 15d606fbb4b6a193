import { Evidence } from "../evidence";
import { isPostalCodeParameterName } from "../postal-code-names";
import { Place, type Detector } from "./detector";
import { ESCAPED_QUOTE } from "./escaped-quotes";

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
 * China, Russia); Japan's `123-4567`, Poland's `12-345`, Portugal's `1234-567`, the Netherlands'
 * `1234 AB`; the UK's alphanumeric outward and inward codes (`SW1A 1AA`, `M1 1AE`) and Canada's
 * `K1A 0B1`.
 */
const POSTAL_CODE_VALUE =
  `(?:\\d{5}(?:-\\d{4}|-?\\d{3})?|\\d\\d\\.\\d{3}-?\\d{3}|\\d{4}(?:-\\d{3}|${BLANK}?[A-Za-z]{2})?|\\d{6}|\\d{3}-\\d{4}|\\d\\d-\\d{3}` +
  `|[A-Za-z]{1,2}\\d[A-Za-z\\d]?${BLANK}?\\d[A-Za-z]{2}|[A-Za-z]\\d[A-Za-z][ +-]?\\d[A-Za-z]\\d)`;
/**
 * Where the value must end: at the next parameter, a blank, a quote or bracket, the end of the
 * text, or a sentence's final punctuation before one of those (`zip=94103.`).
 */
const VALUE_END = `(?=$|[&#\\s"'<>;,)\\]}]|${ESCAPED_QUOTE}|[.:!?](?:$|[\\s"'<>)\\]}]|${ESCAPED_QUOTE}))`;

/**
 * The name before the `=` or `:` a match starts with: after a parameter's separator, a blank, a
 * bracket or the start of the text; before a `:`, perhaps quoted and followed by blanks.
 */
const NAME_BEFORE = /(?:^|[?&#;\s,({[])(["']?)([A-Za-z_][\w.-]*)\1[ \t]*$/;
const NAME_REACH = 64;
/** What a field's value may follow: a field's `:`, blanks and a quote. */
const FIELD_OPENING = /^:[ \t]*["']?/;

export const postalCodeParameterDetector: Detector = {
  kind: POSTAL_CODE_KIND,
  // A parameter's match starts at the `=`, a field's at the `:`, literals the regex skips to;
  // the name is read back by a lookbehind and the value is a few characters of fixed shapes, so
  // each `=` or `:` costs its name and at most a dozen characters. A whole value is one only
  // under a key naming a postal code, which the rewrite checks.
  source:
    `=(?<=(?:^|[?&#;\\s,(])[A-Za-z_][\\w.-]*=)${POSTAL_CODE_VALUE}${VALUE_END}` +
    `|:(?<=(?:^|[?&#;\\s,({[])["']?[A-Za-z_][\\w.-]*["']?[ \\t]*:)[ \\t]*["']?${POSTAL_CODE_VALUE}${VALUE_END}` +
    `|^${POSTAL_CODE_VALUE}$`,
  evidence: Evidence.POSTAL_CODE_PARAMETER,
  placeEvidence: Place.POSTAL_CODE_VALUE,
  rewrite: (match, marker, text, start, place) => {
    const separator = match.charCodeAt(0);
    if (separator !== 61 /* = */ && separator !== 58 /* : */) return (place & Place.POSTAL_CODE_VALUE) !== 0 ? marker : undefined;
    const from = Math.max(0, start - NAME_REACH);
    const before = NAME_BEFORE.exec(text.slice(from, start));
    // A name longer than the reach is read whole or not at all.
    if (before === null || (before.index === 0 && from > 0) || !isPostalCodeParameterName(before[2]!)) return undefined;
    return separator === 61 ? `=${marker}` : `${FIELD_OPENING.exec(match)![0]}${marker}`;
  },
};
