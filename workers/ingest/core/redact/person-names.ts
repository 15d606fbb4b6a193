import { standsForSecret } from "./secret-names";

/**
 * Whether a key's words (`nameWords`) name a person's name or login by the OpenTelemetry
 * semantic conventions (user and process attributes): `user.full_name` ("Albert Einstein"),
 * `user.name` (the user's short name or login, "a.einstein"), and `process.owner` (the login of
 * the account the process runs as, "ana.silva" on a developer's machine). Their other spellings
 * are the same field: a JSON member's or lifted key's path (`items.user.name`,
 * `log.user.full_name`), snake and camel case (`user_name`, `userName`, `user.fullName`).
 * Not the conventions' identifiers (`user.id`, `user.hash`, `enduser.id`, `enduser.pseudo.id`)
 * nor roles (`user.roles`): what a series or a trace is grouped by, kept; `user.email` is
 * the e-mail detector's.
 */
export function namesPersonField(words: readonly string[]): boolean {
  const count = words.length;
  if (count < 2) return false;
  const last = words[count - 1]!;
  const before = words[count - 2]!;
  if (before === "process") return last === "owner";
  if (before === "user") return last === "name" || last === "fullname";
  return count >= 3 && words[count - 3] === "user" && before === "full" && last === "name";
}

/**
 * Whether `text`, the string under a person field's key (`namesPersonField`), is a person's
 * name or login, so that the key rule replaces it. Not a blank, a placeholder or mask
 * (`${USER}`, `****`: `standsForSecret`), nor an account that is no person's: the operating
 * systems' and images' service accounts (`root`, `www-data`, `node`, Windows' `SYSTEM` and
 * `NT AUTHORITY\NETWORK SERVICE`) and the words applications write for nobody in particular
 * (`anonymous`, `guest`), which say how the service runs or was used and name nobody.
 */
export function holdsPersonName(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === "" || trimmed.startsWith("[REDACTED:") || standsForSecret(trimmed)) return false;
  const lower = trimmed.toLowerCase();
  const account = lower.slice(lower.lastIndexOf("\\") + 1);
  return !NO_PERSON.has(account);
}

/** Accounts and words that name no person (lower case; a Windows account after its domain's `\`). */
const NO_PERSON: ReadonlySet<string> = new Set([
  "root", "admin", "administrator", "system", "local service", "localservice", "network service", "networkservice",
  "nobody", "daemon", "bin", "www-data", "www", "nginx", "apache", "httpd", "node", "app", "appuser", "postgres", "mysql",
  "redis", "ubuntu", "ec2-user", "service", "svc",
  "anonymous", "guest", "unknown", "n/a", "-", "none", "null", "undefined",
]);
