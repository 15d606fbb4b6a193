import { lazy } from "../../../shared/lazy";
import { ScanMemo } from "./bounded-memo";
import { holdsCardHolderName, namesHolder } from "./card-holder-names";
import { ACCOUNT_WORDS, FAILURE_WORDS, nameNote, saysNoPersonName, withoutFillers } from "./no-name-values";
import { isCommonGivenName } from "./given-names";
import { namesGroup, namesOrganization, namesSoftwareThing } from "./organization-names";
import { nameWords, standsForSecret } from "./secret-names";

/**
 * Whether a key's words (`nameWords`) name a person's name or login by the OpenTelemetry
 * semantic conventions (user and process attributes): `user.full_name` ("Albert Einstein"),
 * `user.name` (the user's short name or login, "a.einstein"), and `process.owner` (the login of
 * the account the process runs as, "ana.silva" on a developer's machine). Their other spellings
 * are the same field: a JSON member's or lifted key's path (`items.user.name`,
 * `log.user.full_name`), snake and camel case (`user_name`, `userName`, `user.fullName`).
 * The same holds for the words applications' columns and members write for a person's name
 * (`PERSON_NAME_PARTS`): a first, last, given, family or middle name anywhere (`first_name`,
 * `customer.lastName`, `surname`); a full or display name unless a thing's word owns it
 * (`full_name`, `users.display_name`; not .NET's `type.full_name` nor `product.display_name`);
 * and a `name` whose owner is a person (`customer_name`, `employee.name`) or a table of people
 * (`users.name`, `customers.name`, `accounts.name`; not `products.name`, `jobs.name`), also
 * through the person's profile or details (`customer.profile.name`, `user_info.name`:
 * `PERSON_DETAIL_PARTS`), and a postal address's or a delivery's recipient
 * (`shipping_address.name`, `billing_details.name`, `sender.name`, a glued `shipping_name` or
 * `to_name`: `namesRecipient`). A bare `name` under no person's word (`data.name`, `profile.name`)
 * stays: it names a service, a job or a product as often. `glued`: whether the word before the
 * name is written in the name's own segment of the key (`gluedToName`: `shipping_name`, not
 * `shipping.name`).
 * And the conventions' `exception.type` (`namesExceptionType`), where a logger's transport puts a
 * logged object's `name`; the other languages' parts of a name (`vorname`, `apellido`,
 * `sobrenome`) and their bare words for a name (`nom`, `nome`, `nombre`: `namesUnownedName`)
 * unless a thing's word owns it (`product.nome`); and a name/value pair named `name`, ruled as
 * `PAIRED_NAME`.
 * Not the conventions' identifiers (`user.id`, `user.hash`, `enduser.id`, `enduser.pseudo.id`)
 * nor roles (`user.roles`): what a series or a trace is grouped by, kept; `user.email` is
 * the e-mail detector's.
 */
export function namesPersonField(words: readonly string[], glued = true): boolean {
  const count = words.length;
  if (count === 0) return false;
  const last = words[count - 1]!;
  const before = words[count - 2];
  if (before === "process") return last === "owner";
  if (namesRoleName(words) || namesRolePart(words)) return true;
  if (before === "exception" && last === "type") return true;
  if (GIVEN_NAME_WORDS.has(last)) return true;
  if (OTHER_LANGUAGE_NAME_WORDS.has(last)) return !THING_OWNERS.has(before ?? "");
  if (namesOtherLanguageWholeName(words)) return true;
  if (last !== "name") return WHOLE_NAME_WORDS.has(last) && !THING_OWNERS.has(before ?? "");
  if (before === undefined) return false;
  if (before === PAIRED_NAME_WORD || GIVEN_NAME_PARTS.has(before)) return true;
  if (WHOLE_NAME_PARTS.has(before)) return !THING_OWNERS.has(words[count - 3] ?? "");
  if (namesRecipient(words, glued)) return true;
  // A person's part between the person and the name (`customer.profile.name`, `userProfile.name`).
  const owner = PERSON_DETAIL_PARTS.has(before) ? words[count - 3] : before;
  return owner === "user" || PERSON_NAME_OWNERS.has(owner ?? "");
}

/**
 * Whether `value`, written in text under a key naming a part of a name (`first_name=…`,
 * `surname: …`), is shaped as one: words of letters, apostrophes and hyphens, perhaps with a
 * name's particles (`de la Cruz`), none a validation's, a state's, a type's or a placeholder's
 * word (`required`, `too long`, `NOT NULL`, `varchar`, `DESC`, `string`, `Unknown`, `Test`:
 * `saysNoPersonName`). A key
 * rule's attribute is judged whole (`holdsPersonName`); text prints a form's answers too.
 */
export function readsAsTextNamePart(value: string): boolean {
  return !saysNoPersonName(value) && withoutFillers(value).split(" ").every((word) => NAME_PART_SHAPE().test(word));
}

/**
 * What a person field's key (`namesPersonField` true of `words`) says its value is, as
 * `holdsPersonName` judges it: a role's, a name of no owner's, a part of a name, a whole name, a
 * type's name, or undefined for a login (`user.name`, `process.owner`). One choice for the key
 * rule and the text forms, so a member's value is judged alike however it is printed.
 */
export function personNameFieldOf(words: readonly string[]): PersonNameField | undefined {
  if (namesRoleName(words)) return "role";
  if (namesUnownedName(words)) return "unowned";
  return namesNamePart(words) ? "part" : namesWholeName(words) ? "whole" : namesExceptionType(words) ? "type" : undefined;
}

/**
 * Whether a person field's key (`namesPersonField`) names a part of a name, a first, last,
 * given, family or middle name or a surname (`first_name`, `customer.lastName`, `surname`): one
 * word is that part's whole shape, so `holdsPersonName` takes a single word of letters there.
 */
export function namesNamePart(words: readonly string[]): boolean {
  const count = words.length;
  const last = words[count - 1];
  if (last === undefined) return false;
  return GIVEN_NAME_WORDS.has(last) || (last === "name" && GIVEN_NAME_PARTS.has(words[count - 2] ?? "")) || namesRolePart(words);
}

/**
 * Whether a key's words (`nameWords`) end in a person's role (`ROLE_WORDS`: `customer`,
 * `shipping.recipient`, `contact`, `assignee`, `reviewer`, `patient`, `employee`, `beneficiary`):
 * the value is that person, named or identified (`customer=cus_123`, `assignee=42`), so only a
 * value that reads as a person's name is one there (`holdsPersonName`'s field "role").
 */
export function namesRoleName(words: readonly string[]): boolean {
  const last = words[words.length - 1] ?? "";
  // A card's or an account's holder (`card.holder`, `konto.inhaber`) is the holder rule's (`holderOf`).
  return (ROLE_WORDS.has(last) || namesRecordRole(words)) && !namesHolder(words);
}

/**
 * Whether a key's words (`nameWords`) name who a record or a resource belongs to or who acted on
 * it, as its own fields do: its `owner` or `author`, who `created_by`, `createdBy`, `updated_by`,
 * `modified_by`, `requested_by`, `approved_by` it (`RECORD_ACTION_WORDS`). The value is that
 * person, named or identified, or a team, a bot or the system as often (`owner: team-payments`,
 * `author: dependabot[bot]`, `created_by: system`), so these are a role's keys. Not the
 * conventions' `process.owner`: the account a process runs as, a login (`namesPersonField`).
 */
function namesRecordRole(words: readonly string[]): boolean {
  const count = words.length;
  const last = words[count - 1];
  const before = words[count - 2] ?? "";
  if (last === "by") return RECORD_ACTION_WORDS.has(before);
  return (last === "owner" || last === "author") && before !== "process";
}
/** The last words of a record's role keys (`namesRecordRole`), lower case: a text detector's candidates. */
export const RECORD_ROLE_LAST_WORDS: readonly string[] = ["owner", "author", "by"];
/** What a person did to a record, before `by` in its field's name (`created_by`, `lastModifiedBy`). */
const RECORD_ACTION_WORDS: ReadonlySet<string> = new Set([
  "created", "updated", "modified", "changed", "edited", "deleted", "requested", "approved", "rejected", "reviewed", "submitted",
  "assigned", "owned", "authored", "uploaded", "published", "resolved", "closed", "opened", "reported", "signed", "invited",
]);

/**
 * Whether a key's words (`nameWords`) are a part of a name under a person's role or word
 * (`contact.first`, `customer.last`, `patient.given`, `user.family`): one word of letters there is
 * that part, as under `first_name`.
 */
function namesRolePart(words: readonly string[]): boolean {
  const owner = words[words.length - 2] ?? "";
  return ROLE_PART_WORDS.has(words[words.length - 1] ?? "") && (ROLE_WORDS.has(owner) || owner === "user" || owner === "name" || PERSON_NAME_OWNERS.has(owner));
}

/**
 * The roles a person plays in an order, a ticket, a review, a payment or a record, whose key
 * holds that person: a name or an id (`customer`, `recipient`, `contact`, `assignee`,
 * `reviewer`, `patient`, `employee`, `beneficiary`, `approver`, `requester`, `reporter`), and
 * a `holder` whose key names nothing held (`{holder: "Oliver Bennett", iban: …}`, `holder='…'` in
 * SQL; a card's or another held thing's, `account.holder`, `Kontoinhaber`, is the holder rule's, read
 * first: `holderOf`; a stake's holder, a team as often, is a role's; a lock's or a lease's holder is a process, whose name does
 * not read as a person's), a person's role glued to `holder` (`leaseholder`, `householder`, `keyholder`, `titleholder`,
 * `recordholder`: a tenant, a household's head, a key's keeper, a title's or a record's holder; not `lockholder` or
 * `placeholder`, no person's), in German, French, Spanish, Portuguese and Italian too (`Empfänger`, `titulaire`,
 * `Inhaber`, `Inhaberin`, `bénéficiaire`, `destinataire`, `beneficiario`, `destinatario`, `intestatario`).
 */
export const ROLE_WORDS: ReadonlySet<string> = new Set([
  "customer", "recipient", "contact", "assignee", "reviewer", "patient", "employee", "beneficiary", "approver", "requester", "reporter",
  "holder", "stakeholder", "leaseholder", "freeholder", "householder", "keyholder", "titleholder", "recordholder", "officeholder",
  "landholder", "licenseholder", "licenceholder", "permitholder", "ticketholder", "empfänger", "empfaenger", "inhaber", "inhaberin", "titulaire", "intestatario", "intestataria", "bénéficiaire", "beneficiaire", "destinataire", "beneficiario", "destinatario",
]);
/** The parts of a name written as a key's last word under its owner (`contact.first`, `name.last`). */
const ROLE_PART_WORDS: ReadonlySet<string> = new Set(["first", "last", "given", "family", "middle"]);

/**
 * Whether a person field's key (`namesPersonField`) names a whole name, a full or display name
 * (`user.full_name`, `display_name`, `customer.displayName`), not a login (`user.name`,
 * `process.owner`): one capitalised word there is a person's name (`holdsPersonName`).
 */
export function namesWholeName(words: readonly string[]): boolean {
  const count = words.length;
  const last = words[count - 1];
  if (last === undefined) return false;
  return WHOLE_NAME_WORDS.has(last) || (last === "name" && WHOLE_NAME_PARTS.has(words[count - 2] ?? "")) || namesOtherLanguageWholeName(words);
}

/**
 * Whether a key's words (`nameWords`) end in another language's word for a name and a word
 * after it saying it is a whole one or whose (Portuguese's and Spanish's word order: `nome_completo`,
 * `nomeCompleto`, `nombre_completo`, French `nom_complet`; `nome_cliente`, `nombre_paciente`:
 * `OTHER_LANGUAGE_NAME_AFTER`): a person's full name on its own, as `full_name` and `cliente_nome` are.
 */
function namesOtherLanguageWholeName(words: readonly string[]): boolean {
  const count = words.length;
  return OTHER_LANGUAGE_NAME_AFTER.has(words[count - 1] ?? "") && OTHER_LANGUAGE_NAME_WORDS.has(words[count - 2] ?? "");
}
/**
 * The words after `nome`, `nombre`, `nom` that make it a person's whole name (lower case): a
 * full one (`completo`, `completa`, French `complet`) or a person's (`cliente`, `paciente`,
 * `pessoa`, `persona`, `contato`, `contacto`, `funcionario`, `empleado`).
 */
const OTHER_LANGUAGE_NAME_AFTER: ReadonlySet<string> = new Set([
  "completo", "completa", "complet", "cliente", "paciente", "pessoa", "persona", "contato", "contacto", "funcionario", "empleado",
]);

/**
 * Whether a person field's key (`namesPersonField`) is the conventions' `exception.type`, which
 * holds a type's name (`TypeError`, `Net::ReadTimeout`, `System.InvalidOperationException`) and a
 * person's only where a logger's OpenTelemetry transport maps a logged object's `name` to it
 * (winston's: `logger.info("user %o", { name: "Jenny Rosen" })`): `holdsPersonName` takes only
 * words with blanks there, which no type's name has, led by a common given name.
 */
export function namesExceptionType(words: readonly string[]): boolean {
  const count = words.length;
  return words[count - 1] === "type" && words[count - 2] === "exception";
}

/**
 * Whether a person field's key (`namesPersonField`) says "name" without saying whose: French's,
 * Portuguese's and Spanish's `nom`, `nome`, `nombre` under no person's word (`nome`,
 * `pedido.nome`; `cliente.nome` says whose), and a name/value pair named `name`
 * (`PAIRED_NAME`: AWS Cognito's `{"Name":"name","Value":…}`, the OpenID Connect `name` claim).
 * These hold a product's or a service's name as often (`nome: "Plano Ouro"`, Kubernetes'
 * `{"name":"name","value":"checkout"}`), so `holdsPersonName` takes only spaced words led by a
 * common given name there.
 */
export function namesUnownedName(words: readonly string[]): boolean {
  const count = words.length;
  const last = words[count - 1];
  if (last === undefined) return false;
  const before = words[count - 2];
  if (last === "name") return before === PAIRED_NAME_WORD;
  return OTHER_LANGUAGE_NAME_WORDS.has(last) && before !== "user" && !PERSON_NAME_OWNERS.has(before ?? "");
}

/**
 * The name a name/value pair named `name` (any case) rules its value under (name-value-pairs.ts):
 * a name of no owner (`namesUnownedName`).
 */
export const PAIRED_NAME = "paired_name";
const PAIRED_NAME_WORD = "paired";

/** The words for "name" in the senders' other languages: French `nom`, Portuguese and Italian `nome`, Spanish `nombre`. */
const OTHER_LANGUAGE_NAME_WORDS: ReadonlySet<string> = new Set(["nom", "nome", "nombre"]);

/**
 * What a person field's key says its value is (`holdsPersonName`): a part of a name
 * (`namesNamePart`), a whole name (`namesWholeName`), a type's name (`namesExceptionType`), a
 * name of no owner (`namesUnownedName`), a holder's of something held (`holderOf`: `account_holder`, `policyholder`), a bare person's
 * or party's word (`namesPersonParty`: `user`, `from`), or a login when none.
 */
export type PersonNameField = "part" | "whole" | "type" | "unowned" | "role" | "held" | "party";

/**
 * Whether a key's words (`nameWords`) end in a bare word for a person or a message's party that
 * does not say "name": `user`, `username`, `member`, `client`, a message's `sender`, `from`,
 * `to`, `cc`, `bcc`, `reply_to` (`{"user":"Maria Silva"}`, `from="Maria Silva"`). These hold a
 * login, an id, a program, a company, a range's end or a phone number far more often
 * (`user=app`, `client=web`, `client="Chrome 120"`, `sender=noreply`, `username=svc-orders`,
 * `from="Acme Corp"`, `from=2024-01-01`), so `holdsPersonName`'s field "party" takes only a
 * full name's shape there, as under a name of no owner (`namesUnownedName`). The key rule asks
 * only where its key says nothing else of the value but that a number there is a person's
 * (key-rules.ts: Twilio's `To` stays a phone's field).
 */
export function namesPersonParty(words: readonly string[]): boolean {
  const count = words.length;
  const last = words[count - 1] ?? "";
  if (last === "to" && words[count - 2] === "reply") return true;
  return PARTY_WORDS.has(last);
}
/** The bare words for a person or a message's party (`namesPersonParty`), lower case. */
export const PARTY_WORDS: ReadonlySet<string> = new Set(["user", "username", "member", "client", "sender", "from", "to", "cc", "bcc", "replyto"]);

/**
 * What a person field's name written in text (`user.name`, `customer`, `first_name`, a bare
 * `user` or `name`; any case and spelling, read by `nameWords`) rules its value as: the field
 * `holdsPersonName` judges it by, `login` for a login's field (`user.name`, `process.owner`), or
 * undefined when the name is no person field's or does not say whose (`data.name`). One verdict
 * for every text form that names its value (`user_name="Ana Silva"`, a drawn traceback's `user`).
 * A bare `name` is a person field only where `ownField` says the place makes it a field of its
 * own, a variable's, a logfmt field's or a URL query's parameter (`name=John Smith`, a traceback's
 * `name` over `'John Smith'`, `?name=John+Smith`), and is then ruled as a party's word, and a
 * bare `nom`, `nome`, `nombre` there as a name of no owner's (`?nome=Ana+Souza`, `namesUnownedName`): a service's, a job's or a product's as often, so only a full name's
 * shape led by a common given name is a person's there (`name=checkout`, `name=Content Type`
 * stay). A printed record's `name` (`{"name":…}`, `name: '…'`, `[name] => …`, `Name:…`) is its
 * label, whose owner its siblings or its type say (name-owners.ts), and stays without one, as
 * the key rule keeps it (docs/decisions.md, 2026-12-04, "full names in prose").
 */
export function textPersonFieldOf(name: string, ownField = false): PersonNameField | "login" | undefined {
  const words = nameWords(name);
  const glued = gluedToName(name);
  if (!namesPersonField(words, glued)) return namesPersonParty(words) || (ownField && words.length === 1 && words[0] === "name") ? "party" : undefined;
  if (namesWhosePersonField(words, glued)) return personNameFieldOf(words) ?? "login";
  // A bare `nom`, `nome`, `nombre` as a field of its own is read as a bare `name` is: a name of no owner's.
  return ownField && words.length === 1 && namesUnownedName(words) ? "unowned" : undefined;
}

/**
 * The words before `name` that make it part of a person's name wherever it stands (`first_name`), and the same glued (`firstname`),
 * with the other languages' words for one (`vorname`, `nachname`, `familienname`, `apellido`, `sobrenome`, `prenom`, `cognome`, Polish `imię`, `nazwisko`).
 */
const GIVEN_NAME_PARTS: ReadonlySet<string> = new Set(["first", "last", "given", "family", "middle", "sur"]);
const GIVEN_NAME_WORDS: ReadonlySet<string> = new Set([
  "firstname", "lastname", "givenname", "familyname", "middlename", "surname",
  // German, Spanish, Portuguese, French, Italian, Polish.
  "vorname", "nachname", "familienname", "apellido", "apellidos", "sobrenome", "prenom", "prénom", "cognome", "imie", "imię", "nazwisko",
]);

/**
 * Regex sources of the keys' endings that name a part of a name (`namesNamePart`), lower case
 * for `caseless`: a part's word before `name`, joined or not (`first_name`, `lastName`,
 * `given-name`), or a part's own word (`surname`, `vorname`, `apellido`).
 */
export const NAME_PART_KEY_ENDINGS: readonly string[] = [
  ...[...GIVEN_NAME_PARTS].map((part) => `${part}[_.-]?name`),
  ...[...GIVEN_NAME_WORDS].filter((word) => !word.endsWith("name")),
];
/** The words before `name` that make it a whole name (`full_name`, `display_name`), and the same glued (`fullname`). */
const WHOLE_NAME_PARTS: ReadonlySet<string> = new Set(["full", "display"]);
const WHOLE_NAME_WORDS: ReadonlySet<string> = new Set(["fullname", "displayname"]);
/**
 * Owners whose full or display name is a program's or a thing's, no person's: .NET's and Java's
 * `Type.FullName`, `Class.getName` (`type.full_name`, `assembly.fullName`), a code location's
 * (`function.full_name`), a product's or a service's label (`product.display_name`).
 */
const THING_OWNERS: ReadonlySet<string> = new Set([
  "type", "class", "method", "function", "assembly", "module", "namespace", "package", "file", "directory", "symbol",
  "product", "item", "sku", "service", "app", "application", "device", "host", "metric", "instrument", "scope", "library",
  "repository", "repo", "project",
]);
/**
 * Owners whose `name` is a person's: the person (`customer_name`, `employee.name`) or a table of
 * people as SQL names it (`users.name`, `customers.name`, `people.name`, `accounts.name`), also German's and
 * Portuguese's and Spanish's customer (`kunde.name`, `cliente.nome`). Not the
 * singular `account` nor `client`: a cloud account's and an OAuth client's names are a service's.
 */
const PERSON_NAME_OWNERS: ReadonlySet<string> = new Set([
  "customer", "person", "member", "employee", "contact", "patient", "enduser", "owner", "kunde", "cliente",
  "users", "kunden", "clientes", "customers", "people", "persons", "members", "accounts", "employees", "contacts", "patients", "endusers", "owners",
]);

/**
 * The parts of a person's record that a person's name is put under (`customer.profile.name`,
 * `user.details.name`, `member_info.name`): the person's word one level up from them says whose
 * the name is. Not `account`, `settings` or `team`, whose `name` is a thing's.
 */
const PERSON_DETAIL_PARTS: ReadonlySet<string> = new Set(["profile", "details", "detail", "info", "personal", "identity"]);

/**
 * Whether a `name` key's words (`name` last) say it is a postal address's, a delivery's, a
 * payment's or a message's party: a person's name wherever commerce and mail APIs put it,
 * Shopify's `shipping_address.name`/`billing_address.name`/`default_address.name`, Stripe's
 * `billing_details.name` (the payer), a shipment's ends (EasyPost's `to_address`/`from_address`,
 * Shippo's `address_to`/`address_from`, `ship_to`), a recipient's, addressee's, consignee's,
 * sender's, buyer's or payer's (`recipient.name`, `sender.name`, `payer_name`), and, glued to the
 * name (`glued`), an order's or a mail's (`shipping_name`, `billing_name`, Mandrill's and
 * SendGrid's `from_name`/`to_name`, a header's display name). Not a bare `address.name` nor a
 * dotted `shipping.name`, `to.name`, `from.name`: a shipping rate's label and a workflow's states
 * as often.
 */
function namesRecipient(words: readonly string[], glued: boolean): boolean {
  const count = words.length;
  const before = words[count - 2]!;
  const owner = words[count - 3] ?? "";
  if (before === "address") return ADDRESS_WHOSE_WORDS.has(owner);
  // Shippo's `address_to`/`address_from`, `ship_to`/`ship_from`.
  if (before === "to" || before === "from") return owner === "address" || owner === "ship" || glued;
  if (before === "shipping" || before === "billing") return glued;
  return RECIPIENT_WORDS.has(before) || (before === "details" && owner === "billing");
}
/** Which postal address a `…_address.name` is on: a person receives or pays there. */
const ADDRESS_WHOSE_WORDS: ReadonlySet<string> = new Set(["shipping", "billing", "delivery", "mailing", "home", "default", "to", "from"]);
/** The parties of a delivery, a payment or a message, whose `name` is a person's however it is written. */
const RECIPIENT_WORDS: ReadonlySet<string> = new Set(["recipient", "addressee", "consignee", "sender", "buyer", "payer", "shopper", "purchaser"]);

/**
 * Whether the key `key` writes the word before its last `name` in the name's own segment
 * (`shipping_name`, `billingName`, `order.to_name`), not as the segment before it
 * (`shipping.name`): `namesPersonField`'s `glued`.
 */
export function gluedToName(key: string): boolean {
  const segment = key.slice(key.lastIndexOf(".") + 1);
  return segment.length > 4 && /name$/i.test(segment);
}

/**
 * Whether a key's words name a person's name by saying whose it is: `namesPersonField` with a
 * person's word before the name's words (`user.name`, `userName`, `customer_full_name`), a
 * party's (`shipping_name`, `from_name`, `sender.name`: `namesRecipient`), or `process.owner`.
 * A part of a name or a whole one needs no owner (`first_name=Maria`, `surname: Silva`,
 * `full_name="Ana Silva"`): only a person has one, and the key rule replaces the same member
 * bare in JSON, so a line says the same (docs/decisions.md, 2026-12-04). A bare `name=` still
 * needs a person's word: a service's, a job's or a product's as often. A card holder's part
 * (`card holder first_name=…`) is the holder detector's, tried first. `glued`: as
 * `namesPersonField`'s.
 */
export function namesWhosePersonField(words: readonly string[], glued = true): boolean {
  if (!namesPersonField(words, glued)) return false;
  if (namesRoleName(words) || namesNamePart(words) || namesWholeName(words)) return true;
  const count = words.length;
  if (words[count - 2] === "process" && words[count - 1] === "owner") return true;
  return words.slice(0, -1).some((word) => word === "user" || PERSON_NAME_OWNERS.has(word)) || (words[count - 1] === "name" && namesRecipient(words, glued));
}

/**
 * The last words of the keys `namesWhosePersonField` accepts, lower case (a text detector's
 * candidates: `fullname`, `surname`, `vorname` end in `name`), with the other languages' words
 * for a name (`cliente.nome`; a bare `nome=` as a field of its own: `textPersonFieldOf`) and parts
 * of a name that do not (`sobrenome`, `apellido`, `prénom`, `nazwisko`).
 */
export const PERSON_FIELD_LAST_WORDS: readonly string[] = ["name", "owner", ...OTHER_LANGUAGE_NAME_WORDS, ...OTHER_LANGUAGE_NAME_AFTER, ...ROLE_WORDS, ...[...GIVEN_NAME_WORDS].filter((word) => !word.endsWith("name") && /^[a-zé]+$/.test(word))];

/**
 * `PERSON_FIELD_WORD`'s ways the evidence walk's word pass keys by nothing (`word-keys.ts`: two
 * letters, or a word of two inside one), which it gates by their other characters instead: a
 * bare party's word before its separator needs a `:` or `=`; `prénom` spelt with any character
 * for its `é` needs the letters of `pr` and `nom`.
 */
export const PERSON_FIELD_PARTY_WAY = `(?<![a-z])(?:${[...PARTY_WORDS, "reply.to"].join("|")})\\\\*["'\\]]?[ \\t]*[:=]`;
export const PERSON_FIELD_PRENOM_WAY = "pr.nom";

/**
 * What every key `namesWhosePersonField` accepts holds as written, in any case: a person's or a
 * party's word, then `name` (or `nome`, `nombre`, `nom`) within a few name characters (`user.name`, `userName`, `cliente_nome`,
 * `customers_full_name`, `shipping_address.name`, `ship_to.name`), `to` or `from` glued to `name`
 * (`to_name`, `fromName`), a part of a name or a whole one (`first_name`, `lastName`, `surname`,
 * `sobrenome`, `full_name`, `displayName`), a bare person's or party's word before its
 * separator (`user=`, `"from":`: `namesPersonParty`; a bare `name=`, `nome=`: `textPersonFieldOf`), `process.owner`, a role's word, or a record's (`owner`, `author`, `created_by`: `namesRecordRole`). Free text holding none has no person's field
 * (`evidence.ts`).
 */
export const PERSON_FIELD_WORD = new RegExp(
  `(?:${["user", ...PERSON_NAME_OWNERS, ...RECIPIENT_WORDS, "shipping", "billing", "address", "ship", "details"].join("|")})[\\w.-]{0,16}(?:name|nom)|(?:to|from)[_-]?name|process[ ._-]?owner` +
    `|(?:${[...GIVEN_NAME_PARTS, ...WHOLE_NAME_PARTS].join("|")})[ ._-]?name|${[...GIVEN_NAME_WORDS].filter((word) => /^[a-z]+$/.test(word)).join("|")}|${PERSON_FIELD_PRENOM_WAY}` +
    `|${PERSON_FIELD_PARTY_WAY}|(?<![\\w.-])(?:name|${[...OTHER_LANGUAGE_NAME_WORDS].join("|")})=` +
    `|(?:${[...OTHER_LANGUAGE_NAME_WORDS].join("|")})[_.-]?(?:${[...OTHER_LANGUAGE_NAME_AFTER].join("|")})` +
    `|(?:${[...ROLE_WORDS, "owner", "author"].join("|")})(?![a-z])|(?:${[...RECORD_ACTION_WORDS].join("|")})[_-]?by(?![a-z])`,
  "i",
);

/**
 * Whether `text`, the string under a person field's key (`namesPersonField`), is a person's
 * name or login, so that the key rule replaces it: decided by the value's shape, because these
 * keys hold operating-system accounts far more often than people (hostmetrics' `process.owner`
 * is `sshd`, `kafka`, `systemd-network`, `nonroot`, `ContainerUser`; a CI job's `user.name` is
 * `argocd` or `k6`), and no list of accounts is complete. A POSIX or Windows account name is one
 * ASCII token without blanks or dots, and stays. A person's shape (`PERSON_SHAPE`) is replaced: words
 * with blanks (`Ana Silva`), a dotted first and last name (`ana.silva`, `a.silva`), an e-mail
 * address or UPN (`ana.silva@corp.example`), a name with a birth year (`ana_1983`); after a
 * Windows domain's `\` the same (`CORP\Ana Silva`, `DESKTOP-7Q\ana.silva`). Not a blank, a
 * placeholder or mask (`standsForSecret`), a company's or a place's name (`namesOrganization`: `Acme Corp`,
 * `Head office`, where a recipient's or a customer's name is an address book's), an account named for a machine's job even in a
 * person's shape (`AUTOMATION_ACCOUNT`: `NT AUTHORITY\NETWORK SERVICE`, `svc.orders`), nor an
 * id's prefix and number (`usr_2024`).
 * A one-token value is an account unless it has a shape no account has: a non-ASCII letter
 * (`José`, `Łukasz`, `Иван`, `محمد`, and CJK full names written without blanks, `王小明`,
 * `山田太郎`, `김민준`), since useradd's default NAME_REGEX `^[a-z_][a-z0-9_-]*[$]?$` and Windows
 * account names (`ContainerUser`) are ASCII; an apostrophe (`O'Neil`); capitalised parts joined
 * (`Ana_Silva`, `AnaSilva`, `Jean-Luc`: `JOINED_NAME`) unless a part is an account's word
 * (`ContainerUser`, `LocalSystem`, `GitHub`: `ACCOUNT_WORDS`). Any account after a Windows
 * virtual account's domain stays (`NT SERVICE\WinDefend`: `VIRTUAL_ACCOUNT_DOMAIN`).
 * Under a part of a name's key (`field` "part", `namesNamePart`: `first_name`, `surname`) one
 * word of letters is that part, and is replaced too (`Ana`); under a whole name's key (`field`
 * "whole", `namesWholeName`: `user.full_name`, `display_name`) one capitalised word is (`Ana`),
 * unless it is an account's word (`System`, `Anonymous`).
 * Under a type's key (`field` "type", `namesExceptionType`) only two or three capitalised words
 * with blanks whose first is a common given name are a name (`Jenny Rosen`: `SPACED_NAME`,
 * `isCommonGivenName`), unless a word says what failed (`Maria Db Error`: `FAILURE_WORDS`): what
 * errors are grouped by holds status phrases and ordinary words as often (`Too Many Requests`,
 * `Queue Full`, `Console Transport`), and losing one costs more than the name the rule takes. A
 * type's name stays (`TypeError`, `Net::ReadTimeout`, `System.InvalidOperationException`); a
 * name outside the list stays too, a known miss. The same under a name of no owner's key
 * (`field` "unowned", `namesUnownedName`: `nome`, a pair named `name`) and under a bare person's
 * or party's word (`field` "party", `namesPersonParty`: `user`, `from`).
 * Known miss: a person's lower-case one-token login (`jdoe`, `CORP\asilva`).
 */
export function holdsPersonName(text: string, field?: PersonNameField): boolean {
  let readings = PERSON_NAME_READINGS.get(field);
  if (readings === undefined) {
    readings = new ScanMemo(MAX_REMEMBERED_READINGS, (value) => readsAsPersonNameIn(value, field));
    PERSON_NAME_READINGS.set(field, readings);
  }
  return readings.get(text);
}

/**
 * `holdsPersonName`'s answers by value, one memo per field, kept while a text is read
 * (`ScanMemo`): a text's fields ask the same of the same value at each of its candidates
 * (`user: ` repeated, every value `user`), each a dozen checks of names, notes and placeholders.
 */
const PERSON_NAME_READINGS = new Map<PersonNameField | undefined, ScanMemo<string, boolean>>();
/** Distinct values in one text are few in practice; the bound only stops unusual input from growing memory. */
const MAX_REMEMBERED_READINGS = 1024;

/** `holdsPersonName`, computed. */
function readsAsPersonNameIn(text: string, field: PersonNameField | undefined): boolean {
  const trimmed = text.trim();
  if (isOneWordUnderSpacedField(trimmed, field)) return false;
  if (trimmed === "" || trimmed.startsWith("[REDACTED:") || standsForSecret(trimmed)) return false;
  // A note saying no name after it marks the account (`John Smith (Deleted User)`): the name before it is judged.
  const note = nameNote(trimmed);
  if (note !== undefined) return holdsPersonName(trimmed.slice(0, -note.length), field);
  // A mask or a filler beside a name pads it (`Ana Souza ***`, `JOHN SMITH XXXX`): the rest is judged as if written alone.
  const named = withoutFillers(trimmed);
  if (named !== trimmed) return named !== "" && holdsPersonName(named, field);
  if (namesOrganization(trimmed) || namesSoftwareThing(trimmed)) return false;
  // A holder's name is read as a card holder's is, whatever is held: in any case, a flag or a company kept.
  if (field === "held") return holdsCardHolderName(trimmed);
  // A person's key holds a form's validation word or a placeholder as often, read as its text is
  // (`first_name: "required"`, `first_name=required`, `customer_name="not set"`: `saysNoPersonName`).
  if (saysNoPersonName(trimmed)) return false;
  // A role's key holds the person's id, a team or a placeholder as often (`customer=cus_123`, `contact: Support Desk`).
  if (field === "role") return readsAsPersonName(trimmed) || readsAsLowerCaseName(trimmed) || readsAsDottedLogin(trimmed);
  if (field === "type" || field === "unowned" || field === "party") {
    const words = trimmed.split(" ");
    return SPACED_NAME().test(trimmed) && isCommonGivenName(words[0]!) && !words.some((word) => FAILURE_WORDS.has(word.toLowerCase()));
  }
  if (field === "part" && NAME_PART_SHAPE().test(trimmed)) return true;
  if (VIRTUAL_ACCOUNT_DOMAIN.test(trimmed)) return false;
  const written = trimmed.slice(trimmed.lastIndexOf("\\") + 1);
  const account = written.toLowerCase();
  if (AUTOMATION_ACCOUNT.test(account) || IDENTIFIER.test(account)) return false;
  if (PERSON_SHAPE().test(account)) return true;
  if (/\s/.test(written)) return false;
  if (NON_ASCII_LETTER().test(written) || APOSTROPHE_NAME().test(written)) return true;
  // A joined account's parts (`BuildAgent`, `ContainerUser`) are read as a separated login's.
  const parts = written.split(JOINED_PART_START()).map((part) => part.toLowerCase());
  if (AUTOMATION_ACCOUNT.test(parts.join("-")) || parts.some((part) => ACCOUNT_WORDS.has(part))) return false;
  return JOINED_NAME().test(written) || (field === "whole" && CAPITALISED_WORD().test(written));
}
/**
 * Whether `trimmed` holds no blank under a field where only `SPACED_NAME`'s words are a name (a
 * type's, an unowned name's, a bare party's: `user=elisa`, `from=billing`). Dropping a note or
 * fillers (`nameNote`, `withoutFillers`) only shortens a value, so a value of one word is no name
 * there whatever it says: told before those checks, which a query's `user=` pays at every URL.
 */
function isOneWordUnderSpacedField(trimmed: string, field: PersonNameField | undefined): boolean {
  return (field === "type" || field === "unowned" || field === "party") && !/[ \t]/.test(trimmed);
}
const JOINED_PART_START = lazy(() => new RegExp(String.raw`[-_]|(?=\p{Lu})`, "u"));

/**
 * Whether `text`, capitalised words where a person or anything else may be named (a role's value,
 * `customer: Ana Souza`; a display name before a mailbox, `From: Ana Souza <…>`), reads as a
 * person's name: a common given name first (`isCommonGivenName`), alone (`Ana`) or before up to
 * two more names (`SPACED_NAME`: `Maria da Silva`, `Jean-Luc Picard`), or a name in letters
 * outside ASCII (`José`, `Łukasz Nowak`, `王小明`: no placeholder nor team is written so in
 * these logs). Not any two capitalised words: these places hold a company's (`Deutsche Bahn`,
 * `Blue Bottle Coffee`), a team's or a function's (`Support Desk`, `Code Owners`, `All Staff`),
 * a program's (`Jira Automation`, `Microsoft Outlook`), a notice's (`Password Reset`, `Do Not
 * Reply`) and a placeholder's (`Guest User`, `Test Patient`) as often, and no list of those is
 * complete; a group's or a program's word anywhere keeps it too (`namesGroup`,
 * `namesSoftwareThing`: `Maria Support`). A person's name outside the list of given names
 * stays, a known miss.
 */
export function readsAsPersonName(text: string): boolean {
  // The shape and the given name first: most values fail them, before the word lists are read.
  const shaped = SPACED_NAME().test(text) || NAME_PART_SHAPE().test(text);
  if (!shaped || !(isCommonGivenName(text.split(" ", 1)[0]!) || NON_ASCII_LETTER().test(text))) return false;
  return !namesGroup(text) && !namesSoftwareThing(text);
}

/**
 * Whether `text`, all in lower case, reads as a person's name as a form or a script writes what
 * was typed (`john smith`, `maria da silva` under `holder=`, `customer=`): a common given name
 * and one more word of letters, perhaps after a particle (`NAME_PARTICLE`), no group's or
 * program's word. Its capitalised form (`John Smith`) reads so already (`readsAsPersonName`), and
 * one word (`john`) too. Not three words without a particle: in lower case the line's prose
 * reads the same (`john smith logged in`), so a third name stays (`mary jane watson` keeps
 * `watson`), a known miss.
 */
function readsAsLowerCaseName(text: string): boolean {
  return LOWER_CASE_SPACED_NAME().test(text) && isCommonGivenName(text.split(" ", 1)[0]!) && !namesGroup(text) && !namesSoftwareThing(text);
}
/**
 * Whether `text`, a role's value (`assignee`, `owner`), is a login of a person's first and last
 * names with dots, as `user.name` reads it (`PERSON_SHAPE`: `ana.silva`, `a.silva`,
 * `maria.da.silva`): letters in two or three dotted parts, the first a common given name or an
 * initial. A role's key holds a service's or a team's dotted name as often (`owner:
 * payments.api`, `reviewer: platform.team`), which `user.name` never does, so the given name is
 * the evidence here; a job's account stays (`svc.orders`: `AUTOMATION_ACCOUNT`).
 */
function readsAsDottedLogin(text: string): boolean {
  if (!DOTTED_LOGIN().test(text)) return false;
  const first = text.slice(0, text.indexOf("."));
  return (first.length === 1 || isCommonGivenName(first)) && !AUTOMATION_ACCOUNT.test(text.toLowerCase()) && !namesGroup(text) && !namesSoftwareThing(text);
}
const DOTTED_LOGIN = lazy(() => new RegExp(String.raw`^\p{L}+(?:\.\p{L}+){1,2}$`, "u"));

const LOWER_CASE_SPACED_NAME = lazy(() => new RegExp(String.raw`^\p{Ll}[\p{Ll}'’-]*(?: ${NAME_PARTICLE})? \p{Ll}[\p{Ll}'’-]*$`, "u"));

/** A part of a name as one word of letters (`Ana`, `O'Neil`, `Mary-Jane`), under a part's key (`namesNamePart`). */
const NAME_PART_SHAPE = lazy(() => new RegExp(String.raw`^\p{L}[\p{L}'’-]*$`, "u"));

/**
 * A person's shape (lower case, after a Windows domain): two or more words of letters with
 * blanks (`ana silva`, `mary-jane o'neil`, `d’angelo souza`), perhaps with emoji and a quoted or
 * bracketed nickname among them (`zoë 🌸 souza`, `ana "nana" souza`, `ana (nana) souza`: what
 * people write in a profile's display name), letters in dotted parts (`ana.silva`,
 * `a.m.silva2`), an e-mail address, or letters and a year of birth (`ana_1983`, `ana1983`).
 * Emoji and nicknames start with no letter, words with one: each blank-separated part is read
 * once.
 */
const NAME_ADORNMENT = String.raw`(?:(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d|\ufe0f)+|["“'‘(]\p{L}[\p{L}'’-]*["”'’)])`;
const PERSON_SHAPE = lazy(() => new RegExp(
  String.raw`^(?:(?:${NAME_ADORNMENT} )*\p{L}[\p{L}'’-]*(?: ${NAME_ADORNMENT})*(?: \p{L}[\p{L}'’.-]*(?: ${NAME_ADORNMENT})*)+|\p{L}+(?:\.\p{L}+)+\d*|[^\s@]+@[^\s@]+\.[^\s@]+|\p{L}{2,}[._-]?(?:19|20)\d\d)$`,
  "u",
));

/**
 * An account named for a job, not a person: a bot (`dependabot[bot]`), a Kubernetes identity
 * (`system:serviceaccount:…`, `system:node:…`), a macOS daemon account (`_www`, leading `_`),
 * or a login with a service word among its `-`/`_`/`.`/blank-separated parts (`svc.deploy`,
 * `network service`, `ci.runner`, `deploy bot`).
 */
const AUTOMATION_ACCOUNT =
  /^(?:_|system:)|\[bot\]$|(?:^|[-_.\s])(?:svc|service|ci|runner|deploy|deployer|bot|robot|system|daemon|build|builder|agent|automation|serviceaccount)(?:$|[-_.\s\d@])/;

/**
 * Windows' domains of virtual and built-in accounts, each a service's or the system's, never a
 * person's (`NT SERVICE\WinDefend`, `IIS APPPOOL\OrdersApi`, `NT AUTHORITY\LocalService`,
 * `Font Driver Host\UMFD-0`, `Window Manager\DWM-1`), whatever the account's shape.
 */
const VIRTUAL_ACCOUNT_DOMAIN = /^(?:nt service|nt authority|nt virtual machine|iis apppool|font driver host|window manager)\\/i;

/** A letter outside ASCII (`é`, `Ł`, `И`, `م`, `王`): no account name the operating systems create by default holds one. */
const NON_ASCII_LETTER = lazy(() => new RegExp(String.raw`(?![\p{ASCII}])\p{L}`, "u"));

/** Letters with an apostrophe (`O'Neil`, `D’Angelo`): useradd's and Windows' account names have none. */
const APOSTROPHE_NAME = lazy(() => new RegExp(String.raw`^\p{L}+['’]\p{L}+(?:-\p{L}+)*$`, "u"));

/** Two or more capitalised parts, joined or with `-`/`_` (`AnaSilva`, `Ana_Silva`, `Jean-Luc`, `McDonald`), as written. */
const JOINED_NAME = lazy(() => new RegExp(String.raw`^\p{Lu}\p{Ll}+(?:[-_]?\p{Lu}\p{Ll}+)+$`, "u"));

/**
 * Two or three capitalised words with blanks, a lower-case particle perhaps between them (`Jenny
 * Rosen`, `Mary-Jane O'Neil`, `José da Silva`, `Ludwig van Beethoven`), a name under a type's key.
 */
const SPACED_NAME = lazy(() => new RegExp(String.raw`^\p{Lu}[\p{L}'’-]*\p{Ll}(?:(?: ${NAME_PARTICLE})? \p{Lu}[\p{L}'’-]*\p{Ll}){1,2}$`, "u"));
/** A particle between a name's words (`Maria da Silva`, `Ludwig van Beethoven`), lower case. */
export const NAME_PARTICLE = "(?:da|de|di|do|dos|das|du|del|der|den|la|le|van|von|bin|ibn)";

/** One capitalised word (`Ana`), a name under a whole name's key. */
const CAPITALISED_WORD = lazy(() => new RegExp(String.raw`^\p{Lu}\p{Ll}+$`, "u"));

/** An id's prefix and a number (`usr_2024`, `u-1999`), kept; not a name and a year, a login people choose (`ana_1983`). */
const IDENTIFIER = /^(?:[a-z]|usr|user|uid|id|acct|cust|emp)[-_]\d+$/;
