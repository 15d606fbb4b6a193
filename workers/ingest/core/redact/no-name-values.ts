import { standsForSecret } from "./secret-names";
import { saysSecretState } from "./status-words";

/*
 * What forms, schemas, validators and test data write under a person's or a card holder's key in
 * a name's place: one answer for every such key in every form (docs/decisions.md, 2026-12-04,
 * "one verdict per value").
 */

/**
 * Whether `value`, under a key naming a person's name or a holder's (in text, JSON or an
 * attribute), says a validation's, a state's, a type's or a placeholder's word instead (`required`, `too long`, `must not be blank`,
 * `NOT NULL`, `varchar`, `DESC`, `string`, `Unknown`, `Test`: `saysSecretState`, `NOT_A_NAME`,
 * `FAILURE_WORDS`, `ACCOUNT_WORDS`, `SCHEMA_WORDS`): what a form's or a schema's line prints there.
 */
export function saysNoPersonName(value: string): boolean {
  const trimmed = value.trim();
  if (saysSecretState(trimmed) || NOT_A_NAME.has(trimmed.toLowerCase())) return true;
  return trimmed.split(/[ \t]+/).some((word) => {
    const lower = word.toLowerCase();
    return FAILURE_WORDS.has(lower) || ACCOUNT_WORDS.has(lower) || SCHEMA_WORDS.has(lower) || NOT_A_NAME.has(lower) || standsForSecret(word);
  });
}

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

