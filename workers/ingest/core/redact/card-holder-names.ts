import { lazy } from "../../../shared/lazy";
import { namesOrganization } from "./organization-names";
import { countWork } from "./scan-scope";
import { nameWords } from "./secret-names";
import { saysNoPersonName, withoutFillers } from "./no-name-values";

/**
 * What a holder's key or label (its words, lower case: `nameWords`) says the holder holds: a
 * payment card (`"card"`), something else a person holds (`"held"`: an account, a policy, shares,
 * a securities depot), or nothing it names (undefined: not a holder's key, or a bare `holder`,
 * `Inhaber`, `titulaire` read as a person's role by person-names.ts). One rule gives the kind
 * (docs/decisions.md, 2026-12-03, "a holder's kind by what is held"): a card's holder is
 * `card_holder`, any other holder's name `person_name`.
 *
 * A card's holder by the names the payment gateways and their SDKs give it: Cielo's
 * `CreditCard.Holder`, Adyen's `card.holderName`, Mercado Pago's `cardholder.name` and
 * `cardholderName`, PagSeguro/PagBank's `creditCardHolderName`, Braintree's `cardholderName`, and
 * the forms shops write (`card.holder`, `card_holder`, `nameOnCard`, `name_on_card`, Portuguese
 * `titular_cartao`, German `Karteninhaber`, French `titulaire de la carte`). Stripe's card `name`
 * is left out: `card.name` and `card_name` are as often a card brand's or a page component's name.
 * Another holder: a holder's word after or before a held thing's word, glued or not
 * (`account_holder`, `policyholder`, `shareholder`, `Kontoinhaberin`, `Depotinhaber`,
 * `titulaire du compte`, `intestatario del conto`, `posiadacz rachunku`), a holder's name
 * (`holder_name`, `holder.name`, `nome_titular`) and `titular` alone, a payment form's word for
 * the holder.
 *
 * Not when a word says what the value describes rather than holds (`holder_type`,
 * `tipo_titular`, `is_titular`, `titular_count`, `policyholder_id`, `shareholder_count`: the
 * last word is not the holder or the name, or the first one is `DESCRIBING_FIRST`), nor a holder
 * of anything else (`lock.holder`, `lease_holder`, `lockholder`, `placeholder`). A part of the
 * name is the name (`cardholder_first_name`, `card_holder_last_name`, `titular.sobrenome`: a
 * payments system splitting the holder's name keeps each half personal); `first_name` alone is
 * nobody's holder.
 */
export function holderOf(sent: readonly string[]): HolderOf {
  const words = withoutNamePart(sent).flatMap(gluedHolderParts);
  const count = words.length;
  if (count === 0 || DESCRIBING_FIRST.has(words[0]!)) return undefined;
  const last = words[count - 1]!;
  const before = count > 1 ? words[count - 2]! : "";
  // `cardholder_name`, `holderName`, `holder.name`, `nome_titular` (its head noun first).
  if (NAME_WORDS.has(last)) return HOLDER_WORDS.has(before) ? heldBy(words.slice(0, -2)) ?? "held" : undefined;
  if (HOLDER_WORDS.has(last)) return heldBy(words.slice(0, -1)) ?? (last === "titular" ? "held" : undefined);
  // `nameOnCard`, `name_on_account`.
  if (count >= 3 && before === "on" && NAME_WORDS.has(words[count - 3]!)) return heldBy([last]);
  // `titular_cartao`, `titulaire du compte`, `posiadacz rachunku`.
  return HOLDER_WORDS.has(words[0]!) ? heldBy([last]) : undefined;
}

/** What a holder's key says is held (`holderOf`). */
export type HolderOf = "card" | "held" | undefined;

/** Whether a key's or a label's words name a holder's name, of a card or of anything else held (`holderOf`). */
export function namesHolder(words: readonly string[]): boolean {
  return holderOf(words) !== undefined;
}

/** What `words` say is held: a card when one of them is a card's word, else another held thing when one is. */
function heldBy(words: readonly string[]): HolderOf {
  if (words.some((word) => CARD_WORDS.has(word))) return "card";
  return words.some((word) => HELD_WORDS.has(word)) ? "held" : undefined;
}

/**
 * A word with a holder's word glued to a held thing's (`cardholder`, `policyholder`,
 * `Kontoinhaberin`, `Depotinhaber`) as its two words, a German word ending in `inhaber` or
 * `inhaberin` always (the part before names what is held: a card's when it ends in `karte` or
 * `karten`, `Kreditkarteninhaber`, else another held thing's, `Aktieninhaberin`); any other word
 * alone (`lockholder`, `placeholder`, `stakeholder`: a stake is no thing a name is held on).
 */
function gluedHolderParts(word: string): readonly string[] {
  const glued = GLUED_HOLDER.exec(word);
  if (glued === null) return [word];
  const [, thing, holder] = glued;
  if (CARD_WORDS.has(thing!) || HELD_WORDS.has(thing!)) return [thing!, holder!];
  // German glues every holder to what is held (`Kreditkarteninhaber`, `Aktieninhaberin`, `Anteilsinhaber`): a card's when it ends in one.
  if (holder !== "holder") return [GERMAN_CARD_END.test(thing!) ? "karte" : "konto", holder!];
  return [word];
}
/** The end of a German compound's held thing naming a card (`Kreditkarte`, `Kreditkarten`, `Bankkarte`). */
const GERMAN_CARD_END = /karten?$/;
const GLUED_HOLDER = new RegExp(String.raw`^(\p{L}{2,}?)(holder|inhaber|inhaberin)$`, "u");

/**
 * A holder's word, which names the holder of the card or thing named before or after it
 * (`CARD_WORDS`, `HELD_WORDS`): English, German (with its feminine form), French, Portuguese and
 * Spanish, Italian, Polish (`właściciel`, an owner, only of a held thing: `właściciel rachunku`).
 */
const HOLDER_WORDS: ReadonlySet<string> = new Set([
  "holder", "inhaber", "inhaberin", "titulaire", "titular", "intestatario", "intestataria", "posiadacz", "właściciel", "wlasciciel",
]);

/**
 * Whether `text`, the string under a card holder's key, is a holder's name, so that the key rule
 * replaces it. Not what forms, schemas and flags put there in a name's place: a blank, a flag or
 * yes/no (`true`, `Sim`; `titular` is also a yes/no field saying whether a person is the
 * account's holder), no value (`n/a`, `-`), a template or mask (`{{holderName}}`, `****`:
 * `standsForSecret`, within `saysNoPersonName`), a card brand (`Visa`: a form's wrong field, nobody's name), a validation
 * word or phrase or a test card's placeholder (`required`, `not set`, `TEST`, `Test Card`, `Guest`:
 * `saysNoPersonName`, the one answer under every person's key), the field's own label (`CARDHOLDER NAME`, `Nome do titular`: words that
 * name a card holder as a key would), or a company or a place (an account's `titular` may be one:
 * `Banco do Brasil S.A.`, `Acme Ltda`, `Acme Inc.`, `Head office`: `namesOrganization`), which is no person.
 * Only a value that says no name as a whole is none: a name a mask or a filler pads is a name
 * (`JOHN SMITH XXXX`, `John Smith N/A`: `withoutFillers`), judged without them.
 */
export function holdsCardHolderName(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === "" || saysNoPersonName(trimmed)) return false;
  // A mask or a filler beside a name pads it (`JOHN SMITH XXXX`, `Visa ***`): the rest is judged as if written alone.
  const named = withoutFillers(trimmed);
  return !namesOrganization(named) && !CARD_BRANDS.has(named.toLowerCase()) && !namesHolder(nameWords(named));
}

/** Card brands as gateways and checkout forms name them. */
const CARD_BRANDS: ReadonlySet<string> = new Set([
  "visa", "mastercard", "master", "amex", "american express", "elo", "hipercard", "hiper", "diners", "diners club", "discover", "jcb",
  "maestro", "aura", "cabal", "unionpay", "visa electron",
]);

/** The holder's words, lower case (`HOLDER_WORDS`): a label's last word before a name with no separator (`Policyholder Jan Kowalski`). */
export function holderWords(): readonly string[] {
  return [...HOLDER_WORDS];
}

/** The last words of the keys `holderOf` accepts, lower case (a text detector's candidates; a glued `policyholder` ends in one). */
export function holderKeyLastWords(): readonly string[] {
  return [...HOLDER_WORDS, ...NAME_WORDS, ...CARD_WORDS, ...HELD_WORDS];
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
 * What the text before a field's name at `nameStart`, on its line and within 64 characters, says
 * the holder whose name the field holds holds (`holderOf`): the label ending in the last
 * holder's word there (`card holder first_name=…` a card's, `account holder first_name=…` an
 * account's), or a member `holder` opening the object the field is in (`{"holder":{"first_name":…`,
 * whose key path `holder.first_name` the key rule reads as `holder.name`); undefined when none
 * names one or the holder's word is a key holding a value (`holder=ops-team first_name=…`,
 * `holder_id=7`).
 */
export function holderContextBefore(text: string, nameStart: number): HolderOf {
  const before = lineBefore(text, nameStart);
  let last: RegExpExecArray | undefined;
  for (const match of before.matchAll(HOLDER_IN_CONTEXT)) last = match;
  if (last === undefined) return undefined;
  const after = before.slice(last.index + last[0].length);
  // The words of the line up to the holder's word, JSON's quotes and braces between them (`{"card":{"holder`).
  const label = (before.slice(0, last.index + last[1]!.length).match(LABEL_WORD()) ?? []).flatMap(nameWords);
  // The holder's own object, as the key rule reads `holder.first_name`.
  if (OPENS_OBJECT.test(after)) return holderOf([...label, "name"]);
  return HOLDS_VALUE.test(after) ? undefined : holderOf(label);
}
const LABEL_WORD = lazy(() => new RegExp(String.raw`[\p{L}\d]+`, "gu"));

/** The text before `end` on its line, within HOLDER_CONTEXT_REACH characters. */
function lineBefore(text: string, end: number): string {
  const window = text.slice(Math.max(0, end - HOLDER_CONTEXT_REACH), end);
  countWork(window.length);
  return window.slice(window.lastIndexOf("\n") + 1);
}

const HOLDER_CONTEXT_REACH = 64;
/** A holder's word (alone or the end of a glued one: `cardholder`) and the name characters glued after it (`holder_id`, `holder.`). */
const HOLDER_IN_CONTEXT = /(holder|inhaber(?:in)?|titula(?:r|ire)|intestatari[oa]|posiadacz|w[łl]a[śs]ciciel)[\w.-]*/gi;
/** A member's `:` opening an object, right after the holder's word (`"holder":{`, escaped quotes too). */
const OPENS_OBJECT = /^(?:\\*["'])?[ \t]*:[ \t]*\{/;
/** A key's `=` or `:` right after the holder's word (`holder=ops-team`, `"holder":"x"`). */
const HOLDS_VALUE = /^(?:\\*["'])?[ \t]*[=:]/;
/** A payment card's words, singular and plural, in the senders' languages (`cartão`, `tarjeta`, `carte`, `Karte`, `carta`, `karta`); a card payment's (`payment`, `credit`, `debit`). */
const CARD_WORDS: ReadonlySet<string> = new Set([
  "card", "cards", "creditcard", "debitcard", "credit", "debit", "payment", "cartao", "cartão", "cartoes", "cartões", "tarjeta", "tarjetas",
  "carte", "cartes", "karte", "karten", "carta", "karta", "karty",
]);
/**
 * Other things a person holds and is named on: an account (`konto`, `compte`, `conta`, `cuenta`,
 * `conto`, Polish `rachunek`), an IBAN, an insurance policy (`polizza`, Polish `polisa`), shares,
 * stock, bonds, fund units and a securities depot.
 */
const HELD_WORDS: ReadonlySet<string> = new Set([
  "account", "accounts", "bank", "iban", "conta", "cuenta", "compte", "konto", "konta", "conto", "rachunek", "rachunku",
  "policy", "polizza", "polisa", "polisy", "share", "shares", "stock", "bond", "unit", "depot",
]);
/**
 * What every key `holderOf` accepts holds, in any case: a holder's word (`holder`,
 * `cardholder`, `titular`, `titulaire`, `Kontoinhaber`, `intestatario`, `posiadacz`) or a name on a card or account (`nameOnCard`, `name_on_card`,
 * `nameOnAccount`, `name_on_cartao`, a label's `Name on card`: `on` and a word of CARD_WORDS or HELD_WORDS). Free text holding none has
 * no holder's field (`evidence.ts`).
 */
export const CARD_HOLDER_WORD = new RegExp(
  `holder|titula(?:r|ire)|inhaber|intestatari|posiadacz|ciciel|on[ _.-]?(?:${[...CARD_WORDS, ...HELD_WORDS].join("|")})`,
  "i",
);

/** A holder's word and a blank before a capital (`Policyholder Jan`): a label a name follows with no separator, in a text with none (`evidence.ts`). */
export const HOLDER_BEFORE_NAME = new RegExp(String.raw`(?:holder|inhaber(?:in)?|titula(?:r|ire)|intestatari[oa]|posiadacz|ciciel)[ \t]+\p{Lu}`, "iu");

/** First words making the key describe the holder rather than name them. */
const DESCRIBING_FIRST: ReadonlySet<string> = new Set(["is", "has", "tipo", "type", "count", "qtd", "quantidade", "num", "max", "min"]);
