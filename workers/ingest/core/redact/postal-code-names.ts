import { BoundedMemo } from "./bounded-memo";
import { POSTAL_CODE_PARAMETER_NAMES } from "./geo";
import { nameWords } from "./secret-names";
import { itemNameWords } from "./detectors/list-names";

/**
 * The postal code parameter names (`POSTAL_CODE_PARAMETER_NAMES`: `zip`, `zip_code`,
 * `postal_code`, `postcode`, `cep`, `plz`, `code_postal`, …) as words, and `cp` alone (`WHOLE_CP`), a list's name as its item's (`zip_list`,
 * `cepArray`: `detectors/list-names.ts`): a name whose last word, or last two, spell one,
 * after what the code is of (`billing_zip`, `shippingPostalCode`, `customer.zipcode`), with a
 * digit count after `zip` (`zip5`, USPS's five-digit ZIP); and, as Portuguese puts the head noun
 * first, `cep` and a word naming whose or which address it is (`cep_destino`, `cepOrigem`,
 * `cep_residencial`: `PARTY_WORDS`, `ADDRESS_KINDS`); `cep_total`, `cep_hits`, `cep_ttl` count or
 * time something. Not when a later word describes the code rather than hold it
 * (`postal_code_format`, `zip_required`).
 *
 * Not a bound of a range, which is a shipping table's and no one's address: a word of
 * `RANGE_WORDS` after `cep` (`cep_inicio`, `cep_fim`, `cep_de`, `cep_ate`, `cep_min`, `cepMax`)
 * or right before the code's word (`faixa_cep`, `range_zip`, `min_zip`), as the English names
 * with the bound last (`zip_start`, `zipFrom`, `zipCodeStart`) already are by their last word.
 * And a name ending in `.zip` is a file's when what comes before reads as a file's base name: a
 * digit or a `-` in it (`backup-14141837.zip`, `release-1.2.3.zip`) or a word of
 * `FILE_BASE_WORDS` (`assets.zip`, `dist/app.zip`); otherwise it is a member path
 * (`customer.zip`, `order.zip`, `req.body.zip`).
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
export const PARTY_WORDS: ReadonlySet<string> = new Set([
  "customer", "client", "user", "account", "member", "profile", "contact", "person", "buyer", "seller", "payer",
  "recipient", "sender", "shopper", "consumer", "holder", "owner", "visitor",
  "billing", "shipping", "delivery", "mailing", "address", "home", "origin", "destination", "geo", "location",
  "cliente", "usuario", "conta", "contato", "pessoa", "comprador", "vendedor", "pagador", "destinatario",
  "remetente", "cobranca", "entrega", "endereco", "residencia", "origem", "destino", "local", "localizacao",
]);

/** Words naming a kind of address in Portuguese, after `cep` (`cep_residencial`, `cep_coleta`). */
export const ADDRESS_KINDS: ReadonlySet<string> = new Set([
  "residencial", "comercial", "loja", "empresa", "filial", "coleta", "retirada", "principal", "correspondencia",
]);

/** Words that name what a `.zip` file holds (`assets.zip`, `backup.zip`, `relatorio.zip`). */
const FILE_BASE_WORDS: ReadonlySet<string> = new Set([
  "assets", "app", "dist", "build", "release", "backup", "bundle", "archive", "files", "file", "source", "src", "docs",
  "site", "static", "public", "artifact", "artifacts", "package", "pkg", "lambda", "function", "export", "dump",
  "logs", "report", "upload", "download", "deploy", "images", "theme", "plugin", "extension", "attachment",
  "anexo", "arquivo", "arquivos", "relatorio", "fotos", "imagens",
]);

/** A file's name: `.zip` last, in any case; its base name is what the name holds before it. */
const ZIP_FILE_NAME = /(?:^|[./])([^./]*)\.zip$/i;

/** Whether `.zip` after `base` (what stands between the previous `.` or `/` and it) ends a file's name. */
function isFileBase(base: string, before: string | undefined): boolean {
  return /[\d-]/.test(base) || (before !== undefined && FILE_BASE_WORDS.has(before));
}

/** Names recur on every line that carries them; splitting into words costs regex passes. */
const postalCodeNames = new BoundedMemo<string, boolean>(1024, (name) => {
  if (WHOLE_CP.test(name)) return true;
  const words = singularLast(itemNameWords(nameWords(name)));
  if (words.length === 0) return false;
  if (words[0] === "cep" && words.length <= 2) {
    return words.length === 1 || PARTY_WORDS.has(words[1]!) || ADDRESS_KINDS.has(words[1]!);
  }
  const last = words[words.length - 1]!.replace(/^(zip)\d$/, "$1");
  const before = words.length > 1 ? words[words.length - 2]! : undefined;
  if (words.slice(0, -1).some((word) => SERVICE_AREA_WORDS.has(word))) return false;
  if (before !== undefined && RANGE_WORDS.has(before) && before !== "from" && before !== "to" && before !== "de") return false;
  const file = ZIP_FILE_NAME.exec(name);
  if (file !== null && isFileBase(file[1]!, before)) return false;
  return POSTAL_CODE_NAMES.has(last) || (before !== undefined && POSTAL_CODE_NAMES.has(`${before} ${last}`));
});

/** French and Spanish `cp` (code postal, código postal) as a whole name or a path's last segment (`adresse.cp`), in any case. */
const WHOLE_CP = /(?:^|\.)cp$/i;

/**
 * `words` with a plural last word as its singular (`ceps`, `zips`, `zipCodes`, `postal_codes`,
 * `postcodes`): a list under such a name holds the codes one under the singular holds. Only the
 * last word: `cepsAtendidos` and `zipCodesServed` name what the codes are (below).
 */
function singularLast(words: string[]): string[] {
  const last = words[words.length - 1];
  if (last === undefined || !PLURALS.has(last)) return words;
  words[words.length - 1] = last.slice(0, -1);
  return words;
}
const PLURALS: ReadonlySet<string> = new Set(["ceps", "zips", "codes", "zipcodes", "postalcodes", "postcodes"]);

/**
 * Words making codes a service's area, which is no one's address (the decisions about ranges):
 * `coverage_zips`, `zipCodesServed`, `cepsAtendidos`, `service_area_ceps`, `allowed_zips`.
 */
const SERVICE_AREA_WORDS: ReadonlySet<string> = new Set([
  "coverage", "served", "serviced", "service", "area", "areas", "region", "regions", "zone", "zones", "allowed", "supported",
  "eligible", "blocked", "excluded", "atendidos", "atendidas", "atendimento", "cobertura", "abrangencia", "permitidos",
  "regiao", "zona", "zonas", "bloqueados",
]);

/** Whether a query, form or `name=value` parameter's name names a postal code (see `POSTAL_CODE_NAMES`). */
export function isPostalCodeParameterName(name: string): boolean {
  return postalCodeNames.get(name);
}
