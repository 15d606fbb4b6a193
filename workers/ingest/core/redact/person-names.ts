import { WHOLE_UUID } from "./uuid";
import { standsForSecret } from "./secret-names";

/**
 * Whether a key's words (`nameWords`) name a person's name or login, read as two parts: the
 * name's words last, and the word before them saying whose name it is. The name's words: `name`,
 * `full name` and `display name` (`fullname`, `displayname` as one word); the owner: a person's
 * word (`PERSON_OWNERS`: `user`, `enduser`, `customer`, `owner`, their plurals, a list's items
 * being each one's). So the OpenTelemetry semantic conventions' `user.full_name` ("Albert
 * Einstein"), `user.name` (the user's short name or login, "a.einstein") and the older
 * `enduser.*` namespace, and every other spelling of the same words: a JSON member's or lifted
 * key's path (`items.user.name`, `log.user.full_name`, `users.name` for an array's items), snake
 * and camel case (`user_name`, `userName`, `user.displayName`, `customer.fullName`). A full or
 * display name with no word before it is a person's (`fullName`, `display_name`); a bare `name`,
 * or one under any other word (`service.name`, `job.name`, `repository.full_name`), is not, nor a
 * bare `username` (as often a service's credential user). Also `process.owner`, the login of
 * the account the process runs as ("ana.silva" on a developer's machine).
 * Not the conventions' identifiers (`user.id`, `user.hash`, `enduser.id`, `enduser.pseudo.id`)
 * nor roles (`user.roles`): what a series or a trace is grouped by, kept; `user.email` is
 * the e-mail detector's; a first or last name alone (`user.first_name`) is a card holder's only
 * (`card-holder-names.ts`).
 */
export function namesPersonField(words: readonly string[]): boolean {
  const count = words.length;
  if (count === 0) return false;
  const last = words[count - 1]!;
  const before = count >= 2 ? words[count - 2]! : "";
  if (before === "process") return last === "owner";
  // The words before the name's: `full name` is two words, `fullname` one.
  const qualified = last === "name" && QUALIFIERS.has(before);
  if (!qualified && last !== "name" && !QUALIFIED_NAMES.has(last)) return false;
  const owner = qualified ? (count >= 3 ? words[count - 3]! : "") : before;
  if (owner === "") return qualified || last !== "name";
  return PERSON_OWNERS.has(owner);
}

/** Words saying which of a person's names `name` is, whoever's it is: `full`, `display`. */
const QUALIFIERS: ReadonlySet<string> = new Set(["full", "display"]);
/** The same written as one word. */
const QUALIFIED_NAMES: ReadonlySet<string> = new Set(["fullname", "displayname"]);
/**
 * Words naming a person whose name the words after them are: the semantic conventions' `user` and
 * `enduser`, and the people applications log as a record's owner (`customer`, `owner`, `person`),
 * in the plural too (`users [{"name":…}]`: each item's).
 */
const PERSON_OWNERS: ReadonlySet<string> = new Set([
  "user", "users", "enduser", "endusers", "customer", "customers", "owner", "owners", "person", "persons", "people",
]);

/**
 * Whether a key's words name a person's name by saying whose it is: `namesPersonField` with a
 * person's word before the name's words (`user.name`, `userName`, `customer_full_name`), or
 * `process.owner`. What a field in prose must say to be read as one: a bare `full_name=` or
 * `first_name=` in a line is a signup form's, a card holder's or a thing's as often, and there is
 * no path there to tell whose.
 */
export function namesWhosePersonField(words: readonly string[]): boolean {
  if (!namesPersonField(words)) return false;
  const count = words.length;
  return (words[count - 2] === "process" && words[count - 1] === "owner") || words.slice(0, -1).some((word) => PERSON_OWNERS.has(word));
}

/** The last words of the keys `namesWhosePersonField` accepts, lower case (a text detector's candidates: `fullname` ends in `name`). */
export const PERSON_FIELD_LAST_WORDS: readonly string[] = ["name", "owner"];

/**
 * What every key `namesWhosePersonField` accepts holds as written, in any case: a person's word,
 * then `name` within a few name characters (`user.name`, `userName`, `customers_full_name`), or
 * `process.owner`. Free text holding none has no person's field (`evidence.ts`).
 */
export const PERSON_FIELD_WORD = new RegExp(`(?:${[...PERSON_OWNERS].join("|")})[\\w.-]{0,16}name|process[ ._-]?owner`, "i");

/**
 * Whether `text`, the string under a person field's key (`namesPersonField`), is a person's
 * name or login, so that the key rule replaces it. Not a blank, a placeholder or mask
 * (`${USER}`, `****`: `standsForSecret`), nor an account that is no person's: the operating
 * systems' and images' service accounts (`root`, `www-data`, `node`, Windows' `SYSTEM` and
 * `NT AUTHORITY\NETWORK SERVICE`) and the words applications write for nobody in particular
 * (`anonymous`, `guest`), which say how the service runs or was used and name nobody.
 * Nor an account that names a machine's job rather than a person (`AUTOMATION_ACCOUNT`: bots'
 * `github-actions[bot]`, Kubernetes' `system:serviceaccount:ns:sa`, macOS daemons' `_www`,
 * `CORP\svc_sql`, `ci-runner-01`), nor an identifier (`42`, `u-8812`, a UUID), which the project
 * keeps wherever it stands.
 */
export function holdsPersonName(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === "" || trimmed.startsWith("[REDACTED:") || standsForSecret(trimmed)) return false;
  const lower = trimmed.toLowerCase();
  const account = lower.slice(lower.lastIndexOf("\\") + 1);
  return !NO_PERSON.has(account) && !AUTOMATION_ACCOUNT.test(account) && !IDENTIFIER.test(account) && !WHOLE_UUID.test(account);
}

/** Accounts and words that name no person (lower case; a Windows account after its domain's `\`). */
const NO_PERSON: ReadonlySet<string> = new Set([
  "root", "admin", "administrator", "system", "local service", "localservice", "network service", "networkservice",
  "nobody", "daemon", "bin", "www-data", "www", "nginx", "apache", "httpd", "node", "app", "appuser", "postgres", "mysql",
  "redis", "ubuntu", "ec2-user", "service", "svc",
  // Accounts cloud images, CI systems and packages create (AWS SSM, Azure, OCI, Raspberry Pi OS, Vagrant boxes).
  "git", "jenkins", "kubelet", "ssm-user", "azureuser", "opc", "centos", "debian", "fedora", "alpine", "pi", "vagrant",
  "oracle", "elasticsearch", "grafana", "prometheus", "nagios", "ansible", "terraform",
  "anonymous", "guest", "unknown", "n/a", "-", "none", "null", "undefined",
]);

/**
 * An account named for a job, not a person: a bot (`dependabot[bot]`), a Kubernetes identity
 * (`system:serviceaccount:…`, `system:node:…`), a macOS daemon account (`_www`, leading `_`),
 * or a login with a service word among its `-`/`_`/`.`-separated parts (`svc-deploy`, `svc_sql`,
 * `ci-runner-01`, `gitlab-runner`, `deploy`, `build-agent`).
 */
const AUTOMATION_ACCOUNT =
  /^(?:_|system:)|\[bot\]$|(?:^|[-_.\s])(?:svc|service|ci|runner|deploy|deployer|bot|robot|system|daemon|build|builder|agent|automation|serviceaccount)(?:$|[-_.\s\d])/;

/**
 * An identifier, kept: digits (`42`) or an id's prefix and a number (`u-8812`,
 * `usr_1042`); not a name and a number, a login people choose (`ana_1983`).
 */
const IDENTIFIER = /^(?:\d+|(?:[a-z]|usr|user|uid|id|acct|cust|emp)[-_]\d+)$/;
