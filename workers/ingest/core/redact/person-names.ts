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
 * name or login, so that the key rule replaces it: decided by the value's shape, because these
 * keys hold operating-system accounts far more often than people (hostmetrics' `process.owner`
 * is `sshd`, `kafka`, `systemd-network`, `nonroot`, `ContainerUser`; a CI job's `user.name` is
 * `argocd` or `k6`), and no list of accounts is complete. A POSIX or Windows account name is one
 * token without blanks or dots, and stays. A person's shape (`PERSON_SHAPE`) is replaced: words
 * with blanks (`Ana Silva`), a dotted first and last name (`ana.silva`, `a.silva`), an e-mail
 * address or UPN (`ana.silva@corp.example`), a name with a birth year (`ana_1983`); after a
 * Windows domain's `\` the same (`CORP\Ana Silva`, `DESKTOP-7Q\ana.silva`). Not a blank, a
 * placeholder or mask (`standsForSecret`), an account named for a machine's job even in a
 * person's shape (`AUTOMATION_ACCOUNT`: `NT AUTHORITY\NETWORK SERVICE`, `svc.orders`), nor an
 * id's prefix and number (`usr_2024`).
 * Known miss: a person's one-token login (`jdoe`, `CORP\asilva`) and a one-word full name.
 */
export function holdsPersonName(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === "" || trimmed.startsWith("[REDACTED:") || standsForSecret(trimmed)) return false;
  const lower = trimmed.toLowerCase();
  const account = lower.slice(lower.lastIndexOf("\\") + 1);
  return PERSON_SHAPE.test(account) && !AUTOMATION_ACCOUNT.test(account) && !IDENTIFIER.test(account);
}

/**
 * A person's shape (lower case, after a Windows domain): two or more words of letters with
 * blanks (`ana silva`, `mary-jane o'neil`), letters in dotted parts (`ana.silva`, `a.m.silva2`),
 * an e-mail address, or letters and a year of birth (`ana_1983`, `ana1983`).
 */
const PERSON_SHAPE =
  /^(?:\p{L}[\p{L}'-]*(?: \p{L}[\p{L}'.-]*)+|\p{L}+(?:\.\p{L}+)+\d*|[^\s@]+@[^\s@]+\.[^\s@]+|\p{L}{2,}[._-]?(?:19|20)\d\d)$/u;

/**
 * An account named for a job, not a person: a bot (`dependabot[bot]`), a Kubernetes identity
 * (`system:serviceaccount:…`, `system:node:…`), a macOS daemon account (`_www`, leading `_`),
 * or a login with a service word among its `-`/`_`/`.`/blank-separated parts (`svc.deploy`,
 * `network service`, `ci.runner`, `deploy bot`).
 */
const AUTOMATION_ACCOUNT =
  /^(?:_|system:)|\[bot\]$|(?:^|[-_.\s])(?:svc|service|ci|runner|deploy|deployer|bot|robot|system|daemon|build|builder|agent|automation|serviceaccount)(?:$|[-_.\s\d@])/;

/** An id's prefix and a number (`usr_2024`, `u-1999`), kept; not a name and a year, a login people choose (`ana_1983`). */
const IDENTIFIER = /^(?:[a-z]|usr|user|uid|id|acct|cust|emp)[-_]\d+$/;
