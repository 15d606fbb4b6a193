import { namesOrganization } from "./organization-names";
import { countWork } from "./scan-scope";
import { nameWords, standsForSecret } from "./secret-names";

/**
 * Keys naming a payment card's holder, whose value is the holder's name as printed on the card:
 * personal data in whatever case it is written (`JOAO DA SILVA`). By the names the payment
 * gateways and their SDKs give it: Cielo's `CreditCard.Holder`, Adyen's `holderName`, Mercado
 * Pago's `cardholder.name` and `cardholderName`, PagSeguro/PagBank's `holder.name` and
 * `creditCardHolderName`, Braintree's `cardholderName`, and the forms shops write (`card.holder`,
 * `card_holder`, `cardholder_name`, `nameOnCard`, `name_on_card`; Portuguese `titular`,
 * `nome_titular`, `titular_cartao`; Spanish `nombre_titular`; German `Kontoinhaber`,
 * `Karteninhaber`; French `titulaire du compte`, `titulaire de la carte`). Stripe's card `name` is left out:
 * `card.name` and `card_name` are as often a card brand's or a page component's name.
 *
 * `words`: the key's words, lower case (`nameWords`). Not when a word says what the value
 * describes rather than holds (`holder_type`, `tipo_titular`, `is_titular`, `titular_count`:
 * the last word is not the holder or the name, or the first one is `DESCRIBING_FIRST`), nor a
 * `holder` of anything but a card or an account (`lock.holder`, `lease_holder`). A part of the
 * name is the name (`cardholder_first_name`, `card_holder_last_name`, `card.holder.surname`,
 * `titular.sobrenome`: a payments system splitting the holder's name keeps each half personal);
 * `first_name` alone is nobody's card (kept: names are redacted only as a card's holder's).
 */
export function namesCardHolder(sent: readonly string[]): boolean {
  const words = withoutNamePart(sent);
  const count = words.length;
  if (count === 0 || DESCRIBING_FIRST.has(words[0]!)) return false;
  const last = words[count - 1]!;
  const before = count > 1 ? words[count - 2]! : "";
  if (last === "cardholder" || last === "titular" || ACCOUNT_HOLDER_WORDS.has(last)) return true;
  // `cardholder_name`, `holderName`, `holder.name`, `nome_titular` (its head noun first).
  if (NAME_WORDS.has(last)) return before === "cardholder" || before === "holder" || before === "titular";
  // `nameOnCard`, `name_on_card`.
  if (count >= 3 && before === "on" && NAME_WORDS.has(words[count - 3]!)) return CARD_WORDS.has(last);
  // `card.holder`, `CreditCard.Holder`, `bank_account.holder`, `konto.inhaber`, `compte.titulaire`:
  // the holder's word in any of its languages, as `Kontoinhaber` glues it.
  if (HOLDER_WORDS.has(last)) return words.slice(0, -1).some((word) => CARD_WORDS.has(word));
  // `titular_cartao`, `titulaire du compte`.
  return (words[0] === "titular" || words[0] === "titulaire") && CARD_WORDS.has(last);
}

/** A holder's word, which names a card's or an account's holder after a card's or an account's word (`CARD_WORDS`). */
const HOLDER_WORDS: ReadonlySet<string> = new Set(["holder", "inhaber", "titulaire"]);
/** An account's or a card's holder in one German word (`Kontoinhaber`, `Karteninhaber`). */
const ACCOUNT_HOLDER_WORDS: ReadonlySet<string> = new Set(["kontoinhaber", "karteninhaber"]);

/**
 * Whether `text`, the string under a card holder's key, is a holder's name, so that the key rule
 * replaces it. Not what forms, schemas and flags put there in a name's place: a blank, a flag or
 * yes/no (`true`, `Sim`; `titular` is also a yes/no field saying whether a person is the
 * account's holder), no value (`n/a`, `-`), a template or mask (`{{holderName}}`, `****`:
 * `standsForSecret`), a card brand (`Visa`: a form's wrong field, nobody's name), a validation
 * word (`required`), the field's own label (`CARDHOLDER NAME`, `Nome do titular`: words that
 * name a card holder as a key would), or a company or a place (an account's `titular` may be one:
 * `Banco do Brasil S.A.`, `Acme Ltda`, `Acme Inc.`, `Head office`: `namesOrganization`), which is no person.
 */
export function holdsCardHolderName(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === "" || standsForSecret(trimmed) || namesOrganization(trimmed)) return false;
  const lower = trimmed.toLowerCase();
  return !NOT_A_NAME.has(lower) && !CARD_BRANDS.has(lower) && !namesCardHolder(nameWords(trimmed));
}

/** Values of a holder's field that are no name: flags, no value, validation and type words. */
const NOT_A_NAME: ReadonlySet<string> = new Set([
  "yes", "no", "y", "n", "sim", "não", "nao", "si", "sí", "0", "1",
  "n/a", "na", "-", "--", "?", "none", "empty", "vazio", "blank", "unknown", "desconhecido", "null",
  "required", "optional", "invalid", "valid", "missing", "obrigatório", "obrigatorio", "opcional", "inválido", "invalido", "válido", "valido",
  "string", "text", "pf", "pj",
]);
/** Card brands as gateways and checkout forms name them. */
const CARD_BRANDS: ReadonlySet<string> = new Set([
  "visa", "mastercard", "master", "amex", "american express", "elo", "hipercard", "hiper", "diners", "diners club", "discover", "jcb",
  "maestro", "aura", "cabal", "unionpay", "visa electron",
]);

/** The last words of the keys `namesCardHolder` accepts, lower case (a text detector's candidates). */
export function cardHolderNameLastWords(): readonly string[] {
  return ["cardholder", "titular", ...HOLDER_WORDS, ...ACCOUNT_HOLDER_WORDS, ...NAME_WORDS, ...CARD_WORDS];
}

/** The words for a name, and for a card or an account a holder is named of. */
const NAME_WORDS: ReadonlySet<string> = new Set([
  "name", "nome", "nombre", "fullname",
  // A part of the name, written as one word.
  "firstname", "lastname", "surname", "givenname", "familyname", "middlename", "sobrenome", "apellido", "apellidos",
]);
/** Words before `name` making it a part of the name (`first_name`, `primeiro_nome`, `segundo_nombre`). */
const NAME_PARTS: ReadonlySet<string> = new Set(["first", "last", "given", "family", "middle", "primeiro", "ultimo", "primer", "segundo"]);

/** `words` with a name part's word before its last name word dropped (`holder first name` → `holder name`). */
function withoutNamePart(words: readonly string[]): readonly string[] {
  const count = words.length;
  return count >= 2 && NAME_WORDS.has(words[count - 1]!) && NAME_PARTS.has(words[count - 2]!) ? [...words.slice(0, -2), words[count - 1]!] : words;
}

/**
 * Whether a key's words (`nameWords`) name a person's name or a part of it and nothing more
 * (`name`, `first_name`, `lastName`, `surname`): a card holder's when the words before the key
 * say whose (`holderContextBefore`).
 */
export function namesPersonName(words: readonly string[]): boolean {
  const name = withoutNamePart(words);
  return name.length === 1 && NAME_WORDS.has(name[0]!);
}

/**
 * Whether the text before a field's name at `nameStart`, on its line and within 64 characters,
 * names a card's holder whose name the field holds: `cardholder` or `titular`, or `holder` after
 * a card's or payment's word (`card holder first_name=…`), or a member `holder` opening the
 * object the field is in (`{"holder":{"first_name":…`, whose key path `holder.first_name` the key
 * rule reads as `holder.name`); not a key holding a value (`holder=ops-team first_name=…`,
 * `holder_id=7`).
 */
export function holderContextBefore(text: string, nameStart: number): boolean {
  const window = text.slice(Math.max(0, nameStart - HOLDER_CONTEXT_REACH), nameStart);
  countWork(window.length);
  const before = window.slice(window.lastIndexOf("\n") + 1);
  let last: RegExpExecArray | undefined;
  for (const match of before.matchAll(HOLDER_IN_CONTEXT)) last = match;
  if (last === undefined) return false;
  const after = before.slice(last.index + last[0].length);
  // The holder's own object, as the key rule reads `holder.first_name`.
  if (OPENS_OBJECT.test(after)) return true;
  if (HOLDS_VALUE.test(after)) return false;
  const word = last[0].toLowerCase();
  return word.startsWith("cardholder") || word.startsWith("titular") || nameWords(before.slice(0, last.index)).some((w) => CARD_WORDS.has(w));
}

const HOLDER_CONTEXT_REACH = 64;
/** A holder's word and the name characters glued to it (`holder_id`, `cardholder.`). */
const HOLDER_IN_CONTEXT = /(?<![A-Za-z])(?:cardholder|holder|titular)[\w.-]*/gi;
/** A member's `:` opening an object, right after the holder's word (`"holder":{`, escaped quotes too). */
const OPENS_OBJECT = /^(?:\\*["'])?[ \t]*:[ \t]*\{/;
/** A key's `=` or `:` right after the holder's word (`holder=ops-team`, `"holder":"x"`). */
const HOLDS_VALUE = /^(?:\\*["'])?[ \t]*[=:]/;
const CARD_WORDS: ReadonlySet<string> = new Set([
  "card", "cards", "creditcard", "debitcard", "credit", "debit", "payment", "account", "accounts", "bank", "cartao", "cartão", "tarjeta", "conta", "cuenta",
  "compte", "carte", "konto", "karte",
]);
/**
 * What every key `namesCardHolder` accepts holds, in any case: a holder's word (`holder`,
 * `cardholder`, `titular`, `titulaire`, `Kontoinhaber`) or a name on a card or account (`nameOnCard`, `name_on_card`,
 * `nameOnAccount`, `name_on_cartao`, a label's `Name on card`: `on` and a word of CARD_WORDS). Free text holding none has
 * no holder's field (`evidence.ts`).
 */
export const CARD_HOLDER_WORD = new RegExp(`holder|titula(?:r|ire)|inhaber|on[ _.-]?(?:${[...CARD_WORDS].join("|")})`, "i");

/** First words making the key describe the holder rather than name them. */
const DESCRIBING_FIRST: ReadonlySet<string> = new Set(["is", "has", "tipo", "type", "count", "qtd", "quantidade", "num", "max", "min"]);
