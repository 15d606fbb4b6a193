/**
 * Whether `text`, a value under a key for a person's name (a card holder's, a recipient's, a
 * user's), names an organization or a place rather than a person, so that it stays:
 *
 * - a company, by its legal form last (`Acme Corp`, `Müller GmbH`, `Banco do Brasil S.A.`,
 *   `Acme Ltda`, `Acme Inc.`, `Nordic Oy`: `LEGAL_FORMS`) or a bank's word first (`Banco Inter`,
 *   `Bank of America`);
 * - a place or a part of an organization, by a word for one anywhere (`Head office`, `Warehouse
 *   3`, `Downtown Store`, `Acme HQ`, `Main Branch`, `Central Depot`: `PLACE_WORDS`).
 *
 * Not a person whose surname is such a word (`Michelle Branch`): a known loss, the price of
 * keeping an address book's places. Not Brazil's `ME`/`MEI` nor `SA` alone: a sole trader's firm
 * is named after the person, and `JOAO SA` writes Sá.
 */
export function namesOrganization(text: string): boolean {
  const trimmed = text.trim();
  if (COMPANY.test(trimmed)) return true;
  for (const word of trimmed.toLowerCase().split(NOT_A_LETTER)) if (PLACE_WORDS.has(word)) return true;
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
const LEGAL_FORMS = [
  "S.A.", "S.A", "S/A", "Ltda", "Ltda.", "Eireli", "EIRELI", "Inc", "Inc.", "LLC", "L.L.C.", "Ltd", "Ltd.", "Limited", "Corp", "Corp.",
  "Corporation", "Incorporated", "Company", "Co.", "PLC", "plc", "LLP", "GmbH", "AG", "KG", "SARL", "SAS", "S.A.S.", "B.V.", "BV", "N.V.",
  "S.L.", "S.r.l.", "Srl", "S.p.A.", "SpA", "Oy", "AB", "ApS", "A/S", "K.K.", "Pty",
];
const escaped = (form: string) => form.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const COMPANY = new RegExp(
  `(?:^|[\\s,])(?:${[...new Set([...LEGAL_FORMS, ...LEGAL_FORMS.map((form) => form.toUpperCase())])].map(escaped).join("|")})$|^(?:Banco|BANCO|Bank|BANK)\\s`,
);

/** Words for a place or a part of an organization (lower case): an office, a warehouse, a store, a branch. */
const PLACE_WORDS: ReadonlySet<string> = new Set([
  "office", "offices", "warehouse", "store", "shop", "hq", "headquarters", "branch", "depot", "factory", "facility", "reception",
  "mailroom", "department", "dept", "team", "dock",
]);

const NOT_A_LETTER = /[^\p{L}]+/u;
