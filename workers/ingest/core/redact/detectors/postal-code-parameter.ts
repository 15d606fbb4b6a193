import { Evidence } from "../evidence";
import { isPostalCodeParameterName } from "../postal-code-names";
import type { Detector } from "./detector";

/**
 * Postal codes in URL query and form parameters (`?zip=01310-100`, `&postal_code=SW1A%201AA`,
 * `cep=50000-000`), also where the text is a query or form body without its `?` (`url.query`,
 * which Cloudflare's OTLP export sends without it: `zip=94103&sku=1`) or a `name=value` field
 * of a log line: the `geo.postal_code` of a request that names it in its URL, which
 * `geoPrecision` drops as an attribute. The name stays; the policy leaves this detector out when
 * its precision keeps postal codes (`full`).
 *
 * Names by words (`isPostalCodeParameterName`: `billing_zip`, `shipping_postal_code`, `zip5`,
 * `cepDestino`), values by the shapes countries print their codes in, so a `zip=` that is a
 * switch or an archive (`zip=1`, `zip=v2`, `zip=gz2`, `zip=release-2.4.1`) stays.
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
const VALUE_END = `(?=$|[&#\\s"'<>;,)\\]}]|[.:!?](?:$|[\\s"'<>)\\]}]))`;

/** The name before the `=` a match starts with: after a parameter's separator, a blank or the start of the text. */
const NAME_BEFORE = /(?:^|[?&#;\s,(])([A-Za-z_][\w.-]*)$/;
const NAME_REACH = 64;

export const postalCodeParameterDetector: Detector = {
  kind: POSTAL_CODE_KIND,
  // The match starts at the `=`, a literal the regex skips to; the name is read back by a
  // lookbehind and the value is a few characters of fixed shapes, so each `=` costs its name
  // and at most a dozen characters.
  source: `=(?<=(?:^|[?&#;\\s,(])[A-Za-z_][\\w.-]*=)${POSTAL_CODE_VALUE}${VALUE_END}`,
  evidence: Evidence.POSTAL_CODE_PARAMETER,
  rewrite: (_match, marker, text, start) => {
    const from = Math.max(0, start - NAME_REACH);
    const before = NAME_BEFORE.exec(text.slice(from, start));
    // A name longer than the reach is read whole or not at all.
    if (before === null || (before.index === 0 && from > 0) || !isPostalCodeParameterName(before[1]!)) return undefined;
    return `=${marker}`;
  },
};
