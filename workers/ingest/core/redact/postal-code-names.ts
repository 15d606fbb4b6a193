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
 *
 * Not a bound of a range, which is a shipping table's and no one's address: a word of
 * `RANGE_WORDS` after `cep` (`cep_inicio`, `cep_fim`, `cep_de`, `cep_ate`, `cep_min`, `cepMax`)
 * or right before the code's word (`faixa_cep`, `range_zip`, `min_zip`), as the English names
 * with the bound last (`zip_start`, `zipFrom`, `zipCodeStart`) already are by their last word.
 * And a name ending in `.zip` (`backup-14141837.zip`, `assets.zip`) is a file's unless the word
 * before names a party or an address (`PARTY_WORDS`: `customer.zip`, `shipping.zip`).
 */
const POSTAL_CODE_NAMES: ReadonlySet<string> = new Set(POSTAL_CODE_PARAMETER_NAMES.map((name) => name.replace(/_/g, " ")));

/**
 * Words naming a bound of a range of codes, in English and Portuguese (`inicio`/`fim`,
 * `de`/`ate`, `faixa`: a shipping table's CEP ranges).
 */
const RANGE_WORDS: ReadonlySet<string> = new Set([
  "start", "end", "begin", "from", "to", "min", "max", "low", "high", "lower", "upper", "first", "last", "range",
  "inicio", "inicial", "fim", "final", "de", "ate", "faixa", "intervalo",
]);

/**
 * Words naming whose code, or which address, it is, in English and Portuguese: before `.zip`
 * they make the name a member path (`customer.zip`, `pedido.entrega.zip`) rather than a file's.
 */
const PARTY_WORDS: ReadonlySet<string> = new Set([
  "customer", "client", "user", "account", "member", "profile", "contact", "person", "buyer", "seller", "payer",
  "recipient", "sender", "shopper", "consumer", "holder", "owner", "visitor",
  "billing", "shipping", "delivery", "mailing", "address", "home", "origin", "destination", "geo", "location",
  "cliente", "usuario", "conta", "contato", "pessoa", "comprador", "vendedor", "pagador", "destinatario",
  "remetente", "cobranca", "entrega", "endereco", "residencia", "origem", "destino", "local", "localizacao",
]);

/** A file's name: `.zip` last, in any case. */
const ZIP_FILE_NAME = /\.zip$/i;

/** Names recur on every line that carries them; splitting into words costs regex passes. */
const postalCodeNames = new BoundedMemo<string, boolean>(1024, (name) => {
  const words = nameWords(name);
  if (words.length === 0) return false;
  if (words[0] === "cep" && words.length <= 2) return words.length === 1 || !RANGE_WORDS.has(words[1]!);
  const last = words[words.length - 1]!.replace(/^(zip)\d$/, "$1");
  const before = words.length > 1 ? words[words.length - 2]! : undefined;
  if (before !== undefined && RANGE_WORDS.has(before) && before !== "from" && before !== "to" && before !== "de") return false;
  if (ZIP_FILE_NAME.test(name)) return before !== undefined && PARTY_WORDS.has(before);
  return POSTAL_CODE_NAMES.has(last) || (before !== undefined && POSTAL_CODE_NAMES.has(`${before} ${last}`));
});

/** Whether a query, form or `name=value` parameter's name names a postal code (see `POSTAL_CODE_NAMES`). */
export function isPostalCodeParameterName(name: string): boolean {
  return postalCodeNames.get(name);
}
