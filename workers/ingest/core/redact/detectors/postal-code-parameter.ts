import { Evidence } from "../evidence";
import { POSTAL_CODE_PARAMETER_NAMES } from "../geo";
import { caseless, type Detector } from "./detector";
import { sentenceEndLength, valueEnd } from "./sentence-end";

/**
 * Postal codes in URL query and form parameters (`?zip=01310-100`, `&postal_code=SW1A 1AA`,
 * `cep=50000-000`): the `geo.postal_code` of a request that names it in its URL, which
 * `geoPrecision` drops as an attribute. The name stays; the policy leaves this detector out when
 * its precision keeps postal codes (`full`).
 */
export const POSTAL_CODE_KIND = "postal_code";


export const postalCodeParameterDetector: Detector = {
  kind: POSTAL_CODE_KIND,
  source: `(?<=[?&#;])(?:${POSTAL_CODE_PARAMETER_NAMES.map(caseless).join("|")})=(?=[^&#\\s"'<>;,]*\\d)(?!\\[REDACTED:)[^&#\\s"'<>;,]+`,
  evidence: Evidence.POSTAL_CODE_PARAMETER,
  rewrite: (match, marker, text, start) => {
    // A sentence's final punctuation after the value is read as for every unquoted secret (sentence-end.ts).
    const length = match.length - sentenceEndLength(match, valueEnd(text, start, start + match.length));
    return { text: `${match.slice(0, match.indexOf("=") + 1)}${marker}`, kind: POSTAL_CODE_KIND, length };
  },
};
