import { lazy } from "../../../shared/lazy";
import { isCommonGivenName } from "./given-names";

/**
 * Whether `text`, a value under a key for a person's name (a card holder's, a recipient's, a
 * user's), names an organization or a place rather than a person, so that it stays:
 *
 * - a company, by its legal form last (`Acme Corp`, `Müller GmbH`, `Banco do Brasil S.A.`,
 *   `Acme Ltda`, `Acme Inc.`, `Nordic Oy`: `LEGAL_FORMS`) or a company's or a bank's word
 *   anywhere (`Société Générale`, `Banco Inter`, `Bank of America`, `Deutsche Bank`,
 *   `Sparkasse Köln`, `Caixa Econômica Federal`: `COMPANY_WORDS`);
 * - a place or a part of an organization, by a word for one anywhere (`Head office`, `Warehouse
 *   3`, `Downtown Store`, `Acme HQ`, `Main Branch`, `Central Depot`: `PLACE_WORDS`).
 *
 * Not a person whose surname is such a word (`Michelle Branch`): a known loss, the price of
 * keeping an address book's places. Not Brazil's `ME`/`MEI`: a sole trader's firm is named after
 * the person. `SA` alone only as `SA_COMPANY` reads it (`Orange SA`, `Acme SA`): `JOAO SA` writes Sá.
 */
export function namesOrganization(text: string): boolean {
  const trimmed = text.trim();
  if (COMPANY().test(trimmed) || (SA_COMPANY().test(trimmed) && !isCommonGivenName(trimmed.split(" ", 1)[0]!))) return true;
  for (const word of trimmed.toLowerCase().split(NOT_A_LETTER)) if (PLACE_WORDS.has(word) || COMPANY_WORDS.has(word)) return true;
  return false;
}

/**
 * Legal forms of companies as written after their names, with and without dots where both are
 * written: the Americas' and Britain's (`Inc.`, `LLC`, `Corp.`, `Ltd`, `PLC`, `LLP`), Brazil's
 * (`S.A.`, `S/A`, `Ltda`, `EIRELI`), and Europe's (`GmbH`, `AG`, `KG`, `SARL`, `SAS`, `B.V.`,
 * `N.V.`, `S.L.`, `S.r.l.`, `S.p.A.`, `Oy`, `AB`, `ApS`, `A/S`), Japan's `K.K.`, Australia's
 * `Pty`; also spelled out (`Limited`, `Corporation`, `Company`) and `Co.`. Matched as written or
 * in capitals (`LTDA`, `GMBH`).
 */
export const LEGAL_FORMS: readonly string[] = [
  "S.A.", "S.A", "S/A", "Ltda", "Ltda.", "Eireli", "EIRELI", "Inc", "Inc.", "LLC", "L.L.C.", "Ltd", "Ltd.", "Limited", "Corp", "Corp.",
  "Corporation", "Incorporated", "Company", "Co.", "PLC", "plc", "LLP", "GmbH", "AG", "KG", "SARL", "SAS", "S.A.S.", "B.V.", "BV", "N.V.",
  "S.L.", "S.r.l.", "Srl", "S.p.A.", "SpA", "Oy", "AB", "ApS", "A/S", "K.K.", "Pty",
];
const escaped = (form: string) => form.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const COMPANY = lazy(() => new RegExp(
  `(?:^|[\\s,])(?:${[...new Set([...LEGAL_FORMS, ...LEGAL_FORMS.map((form) => form.toUpperCase())])].map(escaped).join("|")})$`,
));

/**
 * A company's name in mixed case with `SA` (a société anonyme, sociedad anónima, spółka akcyjna)
 * in capitals last (`Orange SA`, `Acme SA`, `Grupa Azoty SA`), unless its first word is a common
 * given name (`isCommonGivenName`: `Jan Kowalski SA` reads as a person first). Not a name in
 * capitals (`JOAO SA`, where `SA` writes the surname Sá, and `US SA`, a region's code), nor `Sa`
 * as written in a person's name (`Joao Sa`).
 */
const SA_COMPANY = lazy(() => new RegExp(String.raw`^(?=[^\n]*\p{Ll})\p{Lu}[\p{L}&'’.-]*(?: [\p{L}&'’.-]+)*,? SA$`, "u"));

/**
 * Words that name a company or a bank wherever they stand in a name (lower case): a company in
 * French, Spanish, Portuguese, Italian and German (`Société Générale`, `Sociedad Anónima`,
 * `Compagnie …`, `… Gesellschaft`), a bank in those languages and English (`Bank of America`,
 * `Deutsche Bank`, `Banque Populaire`, `Banco Inter`, `Banca Intesa`, `Caixa Econômica`,
 * `Crédit Agricole`), Germany's savings and cooperative banks by their own names (`Sparkasse`,
 * `Volksbank`, `Raiffeisenbank`, `Commerzbank`, `Postbank`). No given name or surname is one:
 * `Fairbank` or `Eubank` are not listed, as no word ending in `bank` is taken for one.
 */
const COMPANY_WORDS: ReadonlySet<string> = new Set([
  "société", "societe", "sociedad", "sociedade", "società", "compagnie", "gesellschaft",
  "bank", "banco", "banque", "banca", "caixa", "crédit", "sparkasse", "stadtsparkasse", "kreissparkasse",
  "volksbank", "raiffeisenbank", "commerzbank", "postbank", "landesbank", "hypovereinsbank",
]);

/** Words for a place or a part of an organization (lower case): an office, a warehouse, a store, a branch. */
const PLACE_WORDS: ReadonlySet<string> = new Set([
  "office", "offices", "warehouse", "store", "shop", "hq", "headquarters", "branch", "depot", "factory", "facility", "reception",
  "mailroom", "department", "dept", "team", "dock",
]);

const NOT_A_LETTER = new RegExp(String.raw`[^\p{L}]+`, "u");

/**
 * Whether `text`, a value under a key for a person's name, names a program or a part of one by
 * its last word (`Payments Dashboard`, `Checkout API`, `Orders Worker`, `Billing Service`:
 * `SOFTWARE_WORDS`), as a service's or a tool's `display_name` does, so that it stays. Only the
 * last word of two or more is read: a person's surname is rarely one of them.
 */
export function namesSoftwareThing(text: string): boolean {
  const words = text.trim().split(/\s+/);
  return words.length > 1 && SOFTWARE_WORDS.has(words[words.length - 1]!.toLowerCase());
}

/** Words for a program or a part of one, as the last word of its display name (lower case). */
const SOFTWARE_WORDS: ReadonlySet<string> = new Set([
  "dashboard", "dashboards", "api", "apis", "worker", "workers", "service", "services", "app", "application", "portal", "console",
  "server", "client", "sdk", "cli", "ui", "frontend", "backend", "gateway", "proxy", "job", "jobs", "cron", "scheduler", "queue",
  "pipeline", "webhook", "webhooks", "integration", "plugin", "bot", "daemon", "agent", "exporter", "collector", "monitor", "database",
  "db", "cache", "function", "lambda", "endpoint", "website", "widget", "tool", "system", "engine", "module", "processor",
]);

/**
 * Whether `text`, a `name` beside a mailbox's e-mail address or a postal address (name-owners.ts),
 * names a group, a function or a site rather than a person, so that it stays: a word for a team,
 * a department, a function or a bot's job anywhere (`Acme Billing`, `GitHub Actions`, `Customer
 * Success`, `Release Managers`, `Ops Alerts`, `Frankfurt Data Center`: `GROUP_WORDS`), a region's
 * code in capitals (`EU West`, `US East`: `REGION_CODE`), or what `namesOrganization` keeps. A
 * sibling is weaker evidence than a person's key, so these words hold only there: under
 * `user.full_name` a surname such as `West` or `Sales` stays a person's.
 */
export function namesGroup(text: string): boolean {
  if (namesOrganization(text)) return true;
  const trimmed = text.trim();
  for (const word of trimmed.split(/\s+/)) if (REGION_CODE.test(word)) return true;
  for (const word of trimmed.toLowerCase().split(NOT_A_LETTER)) if (GROUP_WORDS.has(word)) return true;
  return false;
}

/**
 * Words for a team, a department or a function, a bot's or a mailing list's job, or a machine's
 * site (lower case): what a sender's display name or a site's name holds and a person's does not.
 */
const GROUP_WORDS: ReadonlySet<string> = new Set([
  "teams", "group", "groups", "support", "success", "billing", "sales", "marketing", "accounting", "finance", "payments", "invoices",
  "invoicing", "notifications", "notification", "alerts", "alert", "alerting", "ops", "devops", "sre", "oncall", "security",
  "admin", "admins", "administrators", "helpdesk", "desk", "help", "service", "services", "actions", "bot", "bots", "noreply",
  "newsletter", "news", "updates", "info", "hr", "legal", "engineering", "managers", "maintainers", "owners", "members", "staff",
  "committee", "platform", "ci", "center", "centre", "datacenter", "data", "cloud", "region", "zone", "cluster", "replica",
  "primary", "gateway", "balancer", "adapter", "interface", "location", "site", "campus", "lab",
]);

/** A region's code in capitals (`EU`, `US`, `APAC`, `EMEA`, `LATAM`), as a site's or a cloud region's name writes it. */
const REGION_CODE = /^(?:EU|US|UK|APAC|EMEA|LATAM|AMER|ANZ)$/;
