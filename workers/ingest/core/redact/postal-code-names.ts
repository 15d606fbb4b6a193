import { BoundedMemo } from "./bounded-memo";
import { POSTAL_CODE_PARAMETER_NAMES } from "./geo";
import { nameWords } from "./secret-names";

/**
 * The postal code parameter names (`POSTAL_CODE_PARAMETER_NAMES`: `zip`, `zip_code`,
 * `postal_code`, `postcode`, `cep`, …) as words: a name whose last word, or last two, spell one,
 * after what the code is of (`billing_zip`, `shippingPostalCode`, `customer.zipcode`), with a
 * digit count after `zip` (`zip5`, USPS's five-digit ZIP); and, as Portuguese puts the head noun
 * first, a name starting with `cep` (`cep_destino`, `cepOrigem`). Not when a later word
 * describes the code rather than hold it (`postal_code_format`, `zip_required`).
 */
const POSTAL_CODE_NAMES: ReadonlySet<string> = new Set(POSTAL_CODE_PARAMETER_NAMES.map((name) => name.replace(/_/g, " ")));

/** Names recur on every line that carries them; splitting into words costs regex passes. */
const postalCodeNames = new BoundedMemo<string, boolean>(1024, (name) => {
  const words = nameWords(name);
  if (words.length === 0) return false;
  if (words[0] === "cep" && words.length <= 2) return true;
  const last = words[words.length - 1]!.replace(/^(zip)\d$/, "$1");
  return POSTAL_CODE_NAMES.has(last) || (words.length > 1 && POSTAL_CODE_NAMES.has(`${words[words.length - 2]} ${last}`));
});

/** Whether a query, form or `name=value` parameter's name names a postal code (see `POSTAL_CODE_NAMES`). */
export function isPostalCodeParameterName(name: string): boolean {
  return postalCodeNames.get(name);
}
