import { lazy } from "../../../shared/lazy";
import { standsForSecret } from "./secret-names";
import { readsAsWording } from "./error-wording";
import { isStateWhole } from "./status-words";

/*
 * What forms, schemas, validators and test data write under a person's or a card holder's key in
 * a name's place: one answer for every such key in every form (docs/decisions.md, 2026-12-04,
 * "one verdict per value").
 */

/**
 * Whether `value`, under a key naming a person's name or a holder's (in text, JSON or an
 * attribute), says as a whole that no name is there: one state word or phrase, one no-value,
 * placeholder or mask, or a validator's sentence (`required`, `too long`, `n/a`, `***`,
 * `{{name}}`, `must not be blank`: `isStateWhole`, `NOT_A_NAME`, `standsForSecret`,
 * `readsAsWording`), or words each of which is a validation's, a state's, a type's, a failure's,
 * an account's, test data's or a placeholder's (`NOT NULL`, `Bad Request`, `Test User`, `Test
 * Card`, `Unknown`: `saysNoNameWord`), what a form's, a schema's or a test's line prints there. A
 * name beside such a word is still a name (`JOHN SMITH XXXX`, `Ana Souza ***`, `John Smith N/A`):
 * a mask or a filler pads a holder's field as often as it stands for it (`withoutFillers`).
 */
export function saysNoPersonName(value: string): boolean {
  const trimmed = value.trim();
  if (isStateWhole(trimmed) || NOT_A_NAME.has(trimmed.toLowerCase()) || standsForSecret(trimmed) || readsAsWording(trimmed)) return true;
  const words = trimmed.split(/[ \t]+/);
  const lower = words.map((word) => word.toLowerCase());
  // A form's label (`Field`, `Name`) or a negation says no name only beside such a word or the
  // other (`Sem nome`, `Sans nom`): `Field` alone is a surname, `Sin` another.
  if (!words.every((word, at) => saysNoNameWord(word) || FIELD_LABEL_WORDS.has(lower[at]!) || NEGATIONS.has(lower[at]!))) return false;
  return words.some(saysNoNameWord) || (lower.some((word) => NEGATIONS.has(word)) && lower.some((word) => FIELD_LABEL_WORDS.has(word)));
}

/**
 * Whether `text`, what follows a name part's key in text (`first_name=Nome não informado
 * retry=1`), starts with two to four words (letters, blanks between) that together say no name
 * (`saysNoPersonName`: `Nome não informado`, `Sem nome`), where a reader of one word would take
 * the first (`Nome`) for the part.
 */
export function startsSayingNoName(text: string): boolean {
  const words = LEADING_WORDS().exec(text)?.[0].split(/[ \t]+/) ?? [];
  for (let count = words.length; count >= 2; count--) if (saysNoPersonName(words.slice(0, count).join(" "))) return true;
  return false;
}
/** Up to four words of letters at a text's start, blanks between. */
const LEADING_WORDS = lazy(() => new RegExp(String.raw`^\p{L}+(?:[ \t]+\p{L}+){1,3}`, "u"));

/** Whether `word`, one word of a value, says no name (`saysNoPersonName`'s words, in any case). */
function saysNoNameWord(word: string): boolean {
  const lower = word.toLowerCase();
  return (
    FAILURE_WORDS.has(lower) || ACCOUNT_WORDS.has(lower) || SCHEMA_WORDS.has(lower) || NOT_A_NAME.has(lower) || TEST_DATA_WORDS.has(lower) ||
    NO_NAME_GIVEN_WORDS.has(lower) || isStateWhole(word) || standsForSecret(word)
  );
}

/**
 * `value`'s words, blank-separated, without those that only pad or mask it (`standsForSecret`:
 * `***`, `XXXX`, `N/A`, `-`, `null`, `<name>`; `N/A` with letters slashed on, `N/A/B`:
 * `SLASHED_FILLER`): `JOHN SMITH XXXX` is judged as `JOHN SMITH` is. `value` itself when it has
 * none; empty when it has nothing else (`saysNoPersonName` is true there).
 */
export function withoutFillers(value: string): string {
  const words = value.trim().split(/[ \t]+/);
  const kept = words.filter((word) => !standsForSecret(word) && !SLASHED_FILLER.test(word));
  return kept.length === words.length ? value.trim() : kept.join(" ");
}

/**
 * A note after a name's words that says no name, as exports and admin screens mark an account
 * beside its holder's name: in parentheses or brackets, or after a dash between blanks
 * (`John Smith (Deleted User)`, `John Smith [deleted]`, `Maria Silva (inativo)`, `John Smith -
 * N/A`), at most 64 characters inside, and all of it `saysNoPersonName`'s. The note with the
 * blanks before it, as written, so that the name alone is replaced and the note stays; undefined
 * when `value` ends in no such note or nothing is before it.
 */
export function nameNote(value: string): string | undefined {
  const note = NAME_NOTE.exec(value);
  if (note === null || note.index === 0) return undefined;
  return saysNoPersonName(note[1] ?? note[2] ?? note[3]!) ? note[0] : undefined;
}
/**
 * `nameNote`'s shape: blanks, then `(…)`, `[…]` or a dash, blanks and words, to the value's end.
 * The blanks are taken from the first of their run: a search tried at each blank of a long run
 * would read the rest of it again (quadratic), and a note after the run is found from its first.
 */
const NAME_NOTE = /(?<![ \t])[ \t]+(?:\(([^()\[\]]{1,64})\)|\[([^()\[\]]{1,64})\]|[-\u2013\u2014][ \t]+([^()\[\]\s][^()\[\]]{0,63}))$/;

/**
 * `N/A` with more letters slashed on (`N/A/B`, `n/a/x`), whole: a filler a form pads a name's
 * field with as it does with `N/A`; no name word, and never to be cut after its `N` (name-field.ts' `FILLER_WORD`).
 */
export const SLASHED_FILLER = /^[Nn]\/[Aa](?:\/[A-Za-z]{1,3})+$/;

/** Words a schema, a query or a validator prints for a column in a value's place (`first_name=varchar`, `ORDER BY first_name DESC`), lower case. */
const SCHEMA_WORDS: ReadonlySet<string> = new Set([
  "asc", "desc", "varchar", "nvarchar", "char", "int", "integer", "bigint", "boolean", "bool", "null", "nullable", "unique", "index", "indexed",
  "column", "enum",
]);

/** Values of a person's or a holder's field that are no name: flags, no value, validation and type words. */
const NOT_A_NAME: ReadonlySet<string> = new Set([
  "yes", "no", "y", "n", "sim", "não", "nao", "si", "sí", "0", "1",
  "n/a", "na", "-", "--", "?", "none", "empty", "vazio", "blank", "unknown", "desconhecido", "null",
  "unbekannt", "inconnu", "desconocido", "sconosciuto", "nieznany", "keiner", "aucun", "ninguno", "nessuno", "brak",
  "required", "optional", "invalid", "valid", "missing", "obrigatório", "obrigatorio", "opcional", "inválido", "invalido", "válido", "valido",
  "string", "text", "pf", "pj",
]);
/**
 * Words saying that no name was given or that its account is gone, lower case, as forms, exports
 * and forges write them in a name's place: whether one was given (`Not Available`, `Not
 * Applicable`, `Not Provided`, `Não informado`, `Não disponível`), an account's end (`Deleted
 * User`, `Removed User`, `Deleted Account`, GitHub's `Ghost` for a deleted user) and a shop's
 * buyer without an account (`Guest Checkout`). None is a given name or a surname people hold.
 */
const NO_NAME_GIVEN_WORDS: ReadonlySet<string> = new Set([
  "available", "unavailable", "applicable", "provided", "specified", "given", "informado", "informada", "disponível", "disponivel",
  "aplicável", "aplicavel", "deleted", "removed", "deactivated", "ghost", "checkout", "excluído", "excluido", "removido",
  // Spanish, French and German forms' `no informado`, `non renseigné`, `nicht angegeben`.
  "disponible", "proporcionado", "especificado", "renseigné", "renseignée", "renseigne", "renseignee", "fourni", "fournie",
  "indiqué", "indiquée", "angegeben", "verfügbar",
  // An account's state a form or an export writes beside a name (`Maria Silva (inativo)`).
  "inativo", "inativa", "inactivo", "inactiva", "desativado", "desativada", "bloqueado", "bloqueada", "suspended", "blocked", "banned",
  "archived", "deprovisioned",
]);
/**
 * A form's words for its own field, in the languages of `name` keys, lower case (`Required
 * Field`, `Name Required`, `Invalid Name`, `Nome não informado`, `Nombre no informado`, `Nom non
 * renseigné`, `Name unbekannt`): they say no name beside a word of `saysNoNameWord`'s or a
 * negation (`NEGATIONS`) only, since alone they may be one (`Field` is a surname).
 */
const FIELD_LABEL_WORDS: ReadonlySet<string> = new Set(["field", "name", "nome", "nombre", "nom", "namen"]);
/**
 * Negations a placeholder puts before a no-name word or a label (`non renseigné`, `nicht
 * angegeben`, `Sem nome`, `Sin nombre`, `Sans nom`, `Ohne Namen`), lower case; `no`, `não`, `not`
 * are `saysNoNameWord`'s already. Alone they may be a surname (`Sin`, `Sem`).
 */
const NEGATIONS: ReadonlySet<string> = new Set(["non", "nicht", "sem", "sin", "sans", "ohne"]);
/** What test data and forms' examples call a person or a card in a name's place, lower case, besides `ACCOUNT_WORDS`' `test`, `demo`, `guest` (`Test Card`, `Test Customer`, `Sample`). */
const TEST_DATA_WORDS: ReadonlySet<string> = new Set(["card", "customer", "sample", "example", "dummy", "fake"]);
/**
 * Words saying what failed, lower case, in a type's place as an HTTP or gRPC status's phrase
 * (`Not Found`, `Bad Request`, `Invalid Argument`, `Deadline Exceeded`, `Service Unavailable`), and
 * a type's own words (`Error`, `Exception`): no person's name holds them.
 */
export const FAILURE_WORDS: ReadonlySet<string> = new Set([
  "error", "exception", "failure", "failed", "fault", "invalid", "not", "bad", "found", "request", "timeout", "unavailable", "denied",
  "unauthorized", "unauthenticated", "forbidden", "internal", "unknown", "conflict", "exceeded", "aborted", "cancelled", "canceled",
  "unexpected", "missing", "unimplemented", "precondition", "argument", "gateway", "server", "service", "limit", "range", "exhausted",
]);

/**
 * Words of accounts no person holds, lower case: Windows' built-in and container accounts
 * (`ContainerUser`, `ContainerAdministrator`, `DefaultAccount`, `LocalSystem`, `NetworkService`,
 * `TrustedInstaller`, `Guest`, `System`), a forge's (`GitHub`, `GitLab`), and the words for nobody in
 * particular (`Anonymous`, `Unknown`, `Everyone`); the job words are `AUTOMATION_ACCOUNT`'s.
 */
export const ACCOUNT_WORDS: ReadonlySet<string> = new Set([
  "user", "users", "admin", "administrator", "administrators", "account", "container", "local", "network", "default", "guest",
  "utility", "trusted", "installer", "services", "git", "anonymous", "unknown", "everyone", "nobody", "root", "owner", "test",
  "demo", "none", "system",
]);

