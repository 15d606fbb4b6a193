import { inCapitals } from "./regex-capitals";
import { MESSAGE_START } from "./logger-prefix";

/**
 * The words after which a person's name follows in free text, with no field's separator: a
 * party's or a role's word in prose (`login failed for user Maria Gonzalez`, `assigned to
 * customer John Smith`, `transfer from Alice Cooper to Bob Marley`), an honorific title (`Dr.
 * Marie Dupont`, `Mrs. O'Brien`) and an LDAP or X.509 distinguished name's common name
 * (`CN=John Smith,OU=Sales,DC=corp`): what `detectors/introduced-name.ts` reads and
 * `evidence.ts` gates it by.
 */

/**
 * Party and role words as prose writes them, as regex source, the first letter in either case: a person's account, a
 * customer, a member, a message's or a transfer's ends (`from`, `to`, `by`, Portuguese's and
 * Spanish's `para`: lower case only, as prose writes them), in English and the senders' other languages (`cliente`, `usuario`, `Kunde`,
 * `Benutzer`, `utilisateur`).
 */
const PROSE_PARTY_INTRODUCERS = [
  "[Uu]ser", "[Cc]lient", "[Cc]ustomer", "[Mm]ember", "[Ee]mployee", "[Pp]atient", "[Cc]ontact", "[Rr]ecipient", "[Ss]ender",
  "[Aa]ssignee", "[Rr]eviewer", "[Aa]pprover", "[Rr]equester", "[Rr]eporter", "[Bb]eneficiary", "[Oo]wner", "[Aa]uthor", "[Pp]ayee", "[Pp]ayer",
  "from", "to", "by", "para",
  "[Cc]liente", "[Uu]suario", "[Uu]su\\u00e1rio", "[Kk]unde", "[Kk]undin", "[Bb]enutzer", "[Uu]tilisateur", "[Uu]tilisatrice",
  "[Dd]estinat\\u00e1rio", "[Dd]estinatario", "[Dd]estinataire", "[Ee]mpf\\u00e4nger",
];
/**
 * The party and role words (`PROSE_PARTY_INTRODUCERS`), as prose writes them only: in capitals
 * (`PAYMENT TO`, `TRANSFER FROM`, `PARA`, `CUSTOMER`) nothing ends the name after one but the
 * line, and shouty logs and SQL write these words before a host, a table, a city or a brand as
 * often (`CONNECTION FROM ALICE REFUSED`, `GRANT SELECT ON ORDERS TO MARIA READONLY`, `TO CARLOS
 * BARBOSA RS`, `FROM JACK DANIELS DISTILLERY`), so a run in capitals is read only after stronger
 * words (a greeting, a courtesy title, `MY NAME IS`, a label's `:`). A name after one is a
 * person's only in a full name's shape led by a common given name (`introduced-name.ts`): these
 * words precede a login, a program, a company or a place as often (`user root`, `client Google
 * Chrome`, `from New York`).
 */
export const PARTY_INTRODUCERS = PROSE_PARTY_INTRODUCERS;

/**
 * Phrases that say a name follows, a person introducing themselves (`My name is John Smith`,
 * `Meu nome é Ana Souza`, `Me llamo Juan Pérez`, `Je m'appelle Marie Dubois`, `Ich heiße Hans
 * Müller`), as regex source, the first letter in either case, in English, Portuguese, Spanish,
 * French and German, and the same in capitals (`MY NAME IS JOHN SMITH`): what follows is a name, so one common given name alone is one there, as
 * after a greeting (`My name is Maria`); a lower-case word is no name (`My name is required`,
 * `Ich heiße Sie willkommen`: `Sie` is no given name).
 */
export const NAME_SAYING_INTRODUCERS = [
  "[Mm]y name is", "[Mm]y name['\\u2019]s", "[Mm]eu nome \\u00e9", "[Mm]e chamo", "[Cc]hamo-me", "[Mm]e llamo", "[Mm]i nombre es",
  "[Jj]e m['\\u2019]appelle", "[Mm]on nom est", "[Ii]ch hei\\u00dfe", "[Ii]ch heisse", "[Mm]ein [Nn]ame ist",
  // The same in capitals, as a form or a label prints the whole line (`MY NAME IS JOHN SMITH`).
  "MY NAME IS", "MY NAME['\\u2019]S", "MEU NOME \\u00c9", "ME CHAMO", "ME LLAMO", "MI NOMBRE ES", "JE M['\\u2019]APPELLE", "MON NOM EST",
  "ICH HEISSE", "MEIN NAME IST",
];

/**
 * Phrases a person says who they are with, a name or anything else (`I am John Smith`, `I am
 * Groot`, `I'm Ready`, `Ich bin Hans Müller`, `Je suis Marie Dubois`, `Soy Juan Pérez`, `Sou Ana
 * Souza`), as regex source, in capitals too (`I AM JOHN SMITH`): read as a party's word is, so only a full name's shape led by a common
 * given name is a person's there (`I am John`, `I AM GROOT`, `I AM ADMIN` stay, as `for user Maria` does).
 */
export const SELF_INTRODUCERS = ["I am", "I['\\u2019]m", "[Ii]ch bin", "[Jj]e suis", "[Ss]oy", "[Ss]ou", "I AM", "I['\\u2019]M", "ICH BIN", "JE SUIS"];

/**
 * A label's `:` after a party's word (`Cliente: Ana Paula Ferreira`, `Kunde: Hans Müller`), or a
 * name's label (`NAME_LABELS`), French spacing before it allowed (`Nom : Marie Dupont`).
 */
export const LABEL_COLON = "[ \\t]?:[ \\t]+";
/**
 * A name's own label, capitalised, in English, Portuguese, French, Spanish and German (`Name:
 * Hans Müller`, `Nome: João da Silva`, `Nom : Marie Dupont`, `Nombre: María López`): read only
 * before `LABEL_COLON` where a labelled line's label stands (`NAME_LABEL_BEFORE`), as a form's
 * or a message's answers are written. A printed record's lower-case `name: …` and Go's
 * `{Name:…}` are the record's own label, left to its siblings (name-owners.ts).
 */
export const NAME_LABELS = ["Name", "NAME", "Nome", "NOME", "Nom", "NOM", "Nombre", "NOMBRE"];
/**
 * The party's words a label's `:` may follow: not `from`, `to`, `by`, `para`, which end a phrase before
 * one as often (`sorted by: Ana Silva` names a column); a message's `From:` is a field's (person-name-field.ts).
 */
/**
 * The party words that end a phrase, in capitals (`FROM`, `TO`, `BY`, `PARA`): one after a name in
 * capitals ends it, where nothing else does (`DEAR JOHN SMITH FROM ACME BILLING TEAM`, `MY NAME IS
 * JOHN SMITH FROM ACME BILLING TEAM`: the greeted and introduced names' `NAME_END`). Not a name's
 * start in capitals (`PARTY_INTRODUCERS`).
 */
export const UPPER_CASE_PHRASE_PARTY_WORDS = PROSE_PARTY_INTRODUCERS.filter((word) => !word.startsWith("[")).map(inCapitals);
export const LABEL_PARTY_INTRODUCERS = PROSE_PARTY_INTRODUCERS.filter((word) => word.startsWith("[")).flatMap((word) => [word, inCapitals(word)]);
/**
 * Where a labelled line's label stands: where a message starts (the text's or a line's start, or
 * after a logger's prefix there: logger-prefix.ts), or after `|`, `;` or `,` and blanks.
 */
export const NAME_LABEL_BEFORE = `(?<=(?:${MESSAGE_START}|\\r)[ \\t]*|[|;,][ \\t]*)`;

/**
 * A German academic degree written as a title before a name, its period kept (`Dipl.-Ing.`,
 * `Dipl.-Kfm.`, `Dipl.-Inf.`, `Dr.-Ing.`), as regex source: after a courtesy title and before the
 * surname (`Herr Dipl.-Ing. Müller`, `Sehr geehrter Herr Dipl.-Ing. Müller,`). Only a person
 * holds one, so a surname alone after it is a name, as after `Dr.`.
 */
export const ACADEMIC_DEGREE_TITLE = "(?:Dipl|Dr)\\.-[A-Z][a-z]{1,6}\\.";

/**
 * Honorific titles before a name in prose, as written (`Mr John Smith`, `Dr. Marie Dupont`,
 * `Frau Schmidt`): after one a surname alone is a name (`Mrs. O'Brien`). The English ones with a
 * period or without (British style), the other abbreviations only with their period (`Prof.`,
 * `Sr.`, `Mme.`, `Dott.`: `Prof` and `Sr` alone are a profile's and a senior's), the spelt-out
 * words as words, a German academic degree with its periods (`Dipl.-Ing.`: `ACADEMIC_DEGREE_TITLE`).
 * Not `Miss`, `Pan`, `Dom`, `Dona`, `Sig` without a greeting: a cache's miss, a
 * camera's pan, a page's DOM are written so as often (the greeting detector takes them after
 * `Dear`).
 */
export const PROSE_TITLES = [
  "Mr\\.?", "Mrs\\.?", "Ms\\.?", "Mx\\.?", "Dr\\.?", "Prof\\.", "Sr\\.", "Sra\\.", "Srta\\.", "Mme\\.?", "Mlle\\.?", "Dott\\.", "Dhr\\.", "Mevr\\.",
  "Herr", "Frau", "Monsieur", "Madame", "Se\\u00f1or", "Se\\u00f1ora", "Signor", "Signora", "Meneer", "Mevrouw", ACADEMIC_DEGREE_TITLE,
];

/**
 * English courtesy titles in capitals, their period optional (`MR JOHN SMITH`, `DR. JANE DOE`), as
 * forms and labels print a name: in capitals these spell acronyms as often (`DR` a disaster
 * recovery's, `MS` a millisecond's or Microsoft's), so there the title is no evidence and a common
 * given name must lead the name after it (`MR SMITH`, `DR SITE`, `MR BEAN COFFEE` stay).
 */
export const UPPER_CASE_TITLES = ["MR\\.?", "MRS\\.?", "MS\\.?", "MX\\.?", "DR\\.?"];

/**
 * A payment's or a transfer's words in lower case, as banks' statements and payments' logs name
 * one in English, Portuguese, Spanish, German and French (`payment`, `transfer`, `sepa`, `pix`,
 * `überweisung`, `virement`): the party after them is an account's holder (`PAYMENT_PARTY_PHRASE`;
 * `payment from Ana Souza Brasil`, introduced-name.ts). Read by `isPaymentWord`.
 */
const PAYMENT_WORDS: ReadonlySet<string> = new Set([
  "payment", "payments", "paymt", "pmt", "pymt", "transfer", "trf", "xfer", "wire", "credit", "debit", "remittance", "deposit", "refund",
  "paid", "sepa", "ach", "bacs", "zelle", "pix", "ted", "pagamento", "transferencia", "transferência", "deposito", "depósito", "pago",
  "abono", "überweisung", "ueberweisung", "gutschrift", "lastschrift", "zahlung", "virement", "paiement", "prelevement", "prélèvement",
]);

/** Whether `word` (any case) is a payment's or a transfer's word (`PAYMENT_WORDS`: `payment`, `PIX`, `Überweisung`). */
export function isPaymentWord(word: string): boolean {
  return PAYMENT_WORDS.has(word.toLowerCase());
}

/**
 * A bank's or a payment's line in capitals naming the transfer's other party (`PAYMENT TO`,
 * `TRANSFER FROM`, `SEPA CREDIT FROM`, `PIX RECEBIDO DE`, `\u00dcBERWEISUNG AN`), as regex source:
 * a payment's word (`PAYMENT_WORDS`), or two joined by a hyphen as German statements print them
 * (`SEPA-UEBERWEISUNG`, `SEPA-GUTSCHRIFT`), up to two more words in capitals (`SEPA CREDIT`,
 * `PAYMENT RECEIVED`) and a party's word of the phrase (`FROM`, `TO`, `BY`, `PARA`, `DE`, `VON`,
 * `AN`), a label's colon after it or not (`PAYMENT TO: JOHN SMITH`).
 * Unlike a bare party's word in capitals (`CONNECTION FROM ALICE`, `GRANT … TO MARIA`: shouty logs and
 * SQL, `PARTY_INTRODUCERS`), the payment's word says an account holder follows; the name after it
 * is still judged (`introduced-name.ts`: a common given name and a surname, cut at a reference's
 * or a status's word).
 */
const PAYMENT_WORD_IN_CAPITALS = `(?:${[...PAYMENT_WORDS].map((word) => word.toUpperCase()).join("|")})`;
export const PAYMENT_PARTY_PHRASE = `(?:${PAYMENT_WORD_IN_CAPITALS}-)?${PAYMENT_WORD_IN_CAPITALS}(?:[ \\t]+[A-Z\\u00C0-\\u00DE]+){0,2}[ \\t]+(?:FROM|TO|BY|PARA|DE|VON|AN):?`;

/**
 * Words that end a name after a payment's party word (`PAYMENT_PARTY_PHRASE`), lower case, where
 * nothing but the line ends one in capitals: a reference's, an account's or a bank's word
 * (`TRANSFER FROM MARIA GARCIA REF 123`, `… IBAN DE89…`, `… VIA ZELLE`) and a transfer's outcome
 * (`PAYMENT TO JOHN SMITH DECLINED`), the next party's word (`TRANSFER FROM JOHN SMITH TO …`); common words (`FAILED`, `ACCOUNT`) and a country's or a
 * state's name end it too (`introduced-name.ts`).
 */
export const PAYMENT_NAME_ENDS: ReadonlySet<string> = new Set([
  "ref", "reference", "referencia", "refer\u00eancia", "acct", "acc", "iban", "bic", "swift", "nr", "no", "inv", "memo", "txn", "trx",
  "via", "on", "at", "in", "cpf", "cnpj", "ag", "agencia", "ag\u00eancia", "bank", "banco", "declined", "rejected", "returned",
  "reversed", "successful", "completed", "ok", "verwendungszweck", "to", "from", "by", "para",
]);

/**
 * What every name the detector reads follows (a gate: one regex): a party's word, a title or a
 * self-introduction at a word's start, blanks and a capital letter; a party's word or a name's label, a label's `:` and a
 * capital letter; a payment's party phrase in capitals (`PAYMENT_PARTY_PHRASE`), blanks and a capital letter; or a distinguished name's `CN=`.
 */
export const NAME_INTRODUCER_HINT = new RegExp(
  `(?<![A-Za-z\\u00C0-\\u017F])(?:(?:${[...PARTY_INTRODUCERS, ...PROSE_TITLES, ...UPPER_CASE_TITLES, ...NAME_SAYING_INTRODUCERS, ...SELF_INTRODUCERS].join("|")})[ \\t]+|(?:${[...LABEL_PARTY_INTRODUCERS, ...NAME_LABELS].join("|")})${LABEL_COLON}|${PAYMENT_PARTY_PHRASE}[ \\t]+)[A-Z\\u00C0-\\u00DE]|(?<![A-Za-z0-9])CN[ \\t]*=`,
);

/**
 * Names a title stands before that are a program's, a show's or a fictional character's, no
 * one's to hide (lower case, the title without its period): Windows' crash reporter `Dr. Watson`,
 * the memory debugger `Dr. Memory`, the anti-virus `Dr.Web`, `Doctor Who`, `Mr. Robot`. Those
 * whose name is a real surname too (`TITLED_SURNAMES`) are listed there.
 */
const TITLED_NON_PERSONS: ReadonlySet<string> = new Set([
  "dr memory", "dr web", "dr who", "mr robot",
  // Brands and characters a title is part of: a soft drink, cleaners, a coffee maker, a rapper, an opera.
  "miss piggy", "mrs dash", "dr pepper", "mr clean", "mr muscle", "mr coffee", "mr proper", "dr dre", "mme butterfly", "madame butterfly",
  // Microsoft's programs, as `Ms` abbreviates the maker in prose.
  "ms word", "ms excel", "ms access", "ms outlook", "ms edge", "ms paint", "ms project", "ms dos", "ms sql",
]);

/**
 * Titled brands and characters (as `TITLED_NON_PERSONS`) named after a surname people bear: the
 * boots, the frozen pizza, foot care, syrup, a comedy's character, a crash reporter (`Dr. Martens`,
 * `Dr. Oetker`, `Dr. Scholl`, `Mrs. Butterworth`, `Mr. Bean`, `Dr. Watson`): a letter's salutation
 * to the surname alone greets a person bearing it (`Dear Dr. Martens,`), where `Dear Dr. Pepper,` greets no one.
 */
const TITLED_SURNAMES: ReadonlySet<string> = new Set(["dr martens", "dr oetker", "dr scholl", "mrs butterworth", "mr bean", "dr watson", "dr house"]);

/**
 * Whether the name a title stands before is a program's, a brand's or a character's
 * (`TITLED_NON_PERSONS`): `title` as written, with or without its period (`Dr.`, `Mr`), `name`
 * the words after it (`Martens fans`, `Scholl's`), read by its first word without a possessive
 * `'s` (`Dr. Scholl's`, `Mrs. Butterworth’s`), in any case.
 */
export function isTitledNonPerson(title: string, name: string): boolean {
  const titled = titledName(title, name);
  return TITLED_NON_PERSONS.has(titled) || TITLED_SURNAMES.has(titled);
}

/** Whether the titled brand or character `name` after `title` (as `isTitledNonPerson` reads them) is named after a real surname (`TITLED_SURNAMES`: `Dr. Martens`, not `Dr. Pepper`). */
export function isTitledSurname(title: string, name: string): boolean {
  return TITLED_SURNAMES.has(titledName(title, name));
}

/** `title` without its period and the first word of `name` without a possessive `'s`, lower case (`dr scholl` of `Dr.` and `Scholl's`). */
function titledName(title: string, name: string): string {
  const first = /^[^ \t]*/.exec(name)![0].replace(/['\u2019]s$/i, "");
  return `${title.trim().replace(/\.$/, "")} ${first}`.toLowerCase();
}

/**
 * A senior's jobs and their acronyms, lower case: after `Sr.` (a senior as often as a señor or a
 * senhor) one of these alone is a job (`Sr. Engineer`, `Sr. SRE`, `Sr. DBA`), any other one word
 * a surname (`Sr. Silva`, `Sr. SILVA`). Read through `namesSeniorJob`, which takes plurals too.
 */
const SENIOR_JOB_WORDS: ReadonlySet<string> = new Set([
  "engineer", "developer", "programmer", "analyst", "architect", "consultant", "designer", "scientist", "specialist", "administrator",
  "admin", "associate", "accountant", "recruiter", "technician", "editor", "writer", "researcher", "advisor", "adviser", "counsel",
  "officer", "executive", "lead", "staff", "principal", "partner", "auditor", "planner", "buyer", "tester", "coordinator", "strategist",
  "manager", "director", "supervisor", "controller", "nurse", "physician", "pharmacist", "therapist", "attorney", "lawyer", "paralegal",
  "counselor", "instructor", "lecturer", "producer", "investigator", "underwriter", "representative", "rep", "operator", "mechanic",
  "electrician", "copywriter", "translator", "librarian", "chemist", "economist", "actuary", "reporter", "journalist", "chef",
  "scheduler", "fellow", "illustrator", "welder", "dev", "eng", "mgr", "frontend", "backend", "fullstack",
  // Portuguese and Spanish job titles after `Sr.` (`Sr. Analista`, `Sr. Desarrollador`).
  "analista", "desarrollador", "desenvolvedor", "programador", "ingeniero", "engenheiro", "gerente", "consultor", "diseñador",
  "sre", "dba", "qa", "qe", "sqa", "pm", "tpm", "pmm", "em", "swe", "sde", "sdet", "devops", "ux", "ui", "it", "hr", "ae", "am", "ba",
  "bi", "ml", "rn", "cpa", "csm", "tam", "sme",
]);

/**
 * Whether a key's last segment's words (`nameWords`: `job_title` is `job`, `title`) name a job's
 * title: a `title`, `position`, `designation` or `occupation` last (`job_title`, `jobTitle`,
 * `employee.position`), a bare `job`, Portuguese's `cargo`, Spanish's `puesto`. What follows
 * `Sr.` and a job there is the job's (`Place.JOB_TITLE_VALUE`).
 */
export function namesJobTitle(words: readonly string[]): boolean {
  const last = words[words.length - 1];
  return last !== undefined && (JOB_TITLE_WORDS.has(last) || (last === "job" && words.length === 1));
}
const JOB_TITLE_WORDS: ReadonlySet<string> = new Set(["title", "position", "designation", "occupation", "cargo", "puesto"]);

/**
 * Whether `word` (lower case) is a senior's job or its plural (`engineer`, `engineers`,
 * `analistas`: `SENIOR_JOB_WORDS`), so that `Sr. Engineers` is a job posting's, not a surname.
 */
export function namesSeniorJob(word: string): boolean {
  return SENIOR_JOB_WORDS.has(word) || (word.endsWith("s") && SENIOR_JOB_WORDS.has(word.slice(0, -1)));
}

/**
 * How many of `words` (a name's words after `Sr.`, as written) are a senior's job in the
 * singular from the first on (`Nurse` in `Nurse Silva`, `Staff Engineer` in `Staff Engineer John
 * Smith`: `SENIOR_JOB_WORDS`, any case); 0 when the first is none. A plural is a posting's
 * (`hiring Sr. Engineers`) and takes no name after it.
 */
export function seniorJobWordCount(words: readonly string[]): number {
  let count = 0;
  while (count < words.length && SENIOR_JOB_WORDS.has(words[count]!.toLowerCase())) count++;
  return count;
}

/**
 * Words that make the name before them a place's, a facility's or a product's, where a party's
 * word or a title precedes one as often as a person (`to Victoria Station`, `from Elizabeth
 * Line`, `to Maria Helena depot`, `from Paulo Afonso CD`, `Mme. Butterfly tickets`), lower case:
 * a name whose last word is one, or that one follows (in any case), is kept. Logistics' and
 * shops' words in Portuguese and Spanish too (`loja`, `armazém`, `centro de distribuição`, its
 * `CD`, `tienda`, `almacén`).
 */
export const PLACE_NAME_ENDINGS: ReadonlySet<string> = new Set([
  "station", "line", "airport", "terminal", "street", "road", "avenue", "square", "park", "bridge", "harbour", "harbor", "port",
  "island", "islands", "valley", "city", "county", "province", "state", "bay", "beach", "hill", "hills", "lake", "river", "mountain",
  "mountains", "springs", "heights", "hospital", "clinic", "university", "college", "school", "mall", "hall", "tower", "gardens",
  "village", "town", "district", "plaza", "stadium", "arena",
  // Facilities and sites.
  "depot", "warehouse", "store", "shop", "outlet", "cluster", "base", "hub", "branch",
  "loja", "armazem", "armazém", "deposito", "depósito", "galpao", "galpão", "filial", "centro", "cd", "estacao", "estação", "aeroporto",
  "tienda", "almacen", "almacén", "bodega", "sucursal", "estacion", "estación", "aeropuerto",
  // Products and shows.
  "boot", "boots", "shoes", "pizza", "coffee", "beats", "headphones", "tickets", "ticket", "restaurant", "bakery", "roasters",
  // Lodgings and carriers (`Welcome to Louise Hotel`, `from Moritz Fiege Logistics`).
  "hotel", "hotels", "hostel", "inn", "resort", "motel", "pousada", "logistics", "logistik", "logistica", "logística", "transportes",
  "spedition",
  // Trades a firm named after its founder ends with, as a bank's line prints its payee (`PAYMENT TO MARY KAY COSMETICS`).
  "cafe", "café", "books", "cosmetics", "enterprises", "grill", "film", "films", "studio", "studios", "partnership", "brokerage",
  "salon", "pharmacy", "farmacia", "farmácia", "market", "supermarket", "mercado", "motors", "foods", "kitchen", "bistro", "garage",
  "health", "oil", "insurance", "energy", "electric", "solutions", "consulting", "media", "tours", "travel", "fitness", "dental",
  "plumbing", "roofing", "construction", "cleaning", "landscaping", "club", "leisure", "holidays", "sons", "furniture", "house", "bar",
  "pub", "gym", "florist", "jeweller", "jeweler", "jewellery", "jewelry", "tailor", "optician", "supplies", "services", "auto",
  "design", "interiors", "salão", "salao", "padaria", "restaurante", "lanchonete", "papelaria", "modas", "confecções",
  "confeccoes", "calçados", "calcados", "móveis", "moveis", "materiais", "veículos", "veiculos", "panaderia", "panadería", "muebles",
  "zapatos", "calzados", "ferreteria", "ferretería", "möbel", "moebel", "schuhe", "bäckerei", "baeckerei", "reisen",
]);

/**
 * Whether `word` (any case) ends a place's, a facility's, a product's or a trade's name
 * (`PLACE_NAME_ENDINGS`), in the singular or the plural (`GRILLS`, `CLUBS`, `RESTAURANTS`,
 * `BAKERIES`: a word less its `s`, or its `ies` as `y`, listed), unless the plural is a surname
 * people commonly bear (`PLURAL_SURNAMES`: `JOHN PARKS`, `ANNA BRIDGES`).
 */
export function isPlaceNameEnding(word: string): boolean {
  const lower = word.toLowerCase();
  if (PLACE_NAME_ENDINGS.has(lower)) return true;
  if (!lower.endsWith("s") || PLURAL_SURNAMES.has(lower)) return false;
  return PLACE_NAME_ENDINGS.has(lower.slice(0, -1)) || (lower.endsWith("ies") && PLACE_NAME_ENDINGS.has(`${lower.slice(0, -3)}y`));
}

/** Surnames that are the plural of a place's or a trade's word (`PLACE_NAME_ENDINGS`), lower case: a person's name ends in them as often. */
const PLURAL_SURNAMES: ReadonlySet<string> = new Set(["parks", "bridges", "halls", "towers", "lines", "ports", "hubs", "bays"]);

/**
 * Places and brands named as a person is, a full name led by a common given name, lower case
 * without accents, that a party's word precedes in logistics' and payments' logs (`to João
 * Pessoa`, `Shipped by Michael Kors`): Brazilian cities (the state capital João Pessoa, Paulo
 * Afonso, Carlos Barbosa, Luís Eduardo Magalhães), Buenos Aires' Vicente López, São Paulo's `Oscar Freire` street, and
 * companies (a fashion house, a broker, a metrics database, a banks' software vendor, a travel
 * agency, a candy, a tequila). Only these, whole: any other such name is a person's.
 */
export const PARTY_NAMED_NON_PERSONS: ReadonlySet<string> = new Set([
  "joao pessoa", "joao monlevade", "paulo afonso", "carlos barbosa", "luis eduardo magalhaes", "santa maria", "teofilo otoni",
  "bento goncalves", "domingos martins", "fernando de noronha", "francisco beltrao", "getulio vargas", "lauro de freitas",
  "artur nogueira", "venancio aires", "jose bonifacio", "rui barbosa", "pedro leopoldo", "oscar freire", "vicente lopez",
  "michael kors", "charles schwab", "victoria metrics", "jack henry", "thomas cook", "ralph lauren", "calvin klein", "tommy hilfiger",
  "hugo boss", "kate spade", "tory burch", "marc jacobs", "vera wang", "john deere", "edward jones", "raymond james", "louis vuitton",
  "tom ford", "ann taylor", "mary kay", "victoria secret", "carol bassi", "maria mole", "maria filo", "jose cuervo", "oscar mayer", "henry schein", "james hardie", "leo burnett",
  // Shops, brands and firms named after their founder, as a bank's line prints them (`CARD PAYMENT TO LAURA ASHLEY`).
  // Not those that are as common a person's full name (`JOHN LEWIS`, `DAVID JONES`, `PETER JONES`, `PAUL SMITH`,
  // `BOB EVANS`): `payment to Paul Smith` names a person far more often than the shop, and a shop's name
  // replaced costs less than a person's kept.
  "laura ashley", "karen millen", "john menzies", "ann summers", "jack daniels",
  "john hancock", "elizabeth arden", "steve madden", "martha stewart", "williams sonoma", "william sonoma", "christian dior",
  "david lloyd", "ted baker", "kenneth cole", "christian louboutin", "giorgio armani", "karl lagerfeld", "vivienne westwood",
  "stella mccartney", "alexander mcqueen", "jimmy choo", "jo malone", "bobbi brown", "estee lauder", "max factor", "carolina herrera",
  "harry winston", "harvey nichols", "charles tyrwhitt", "jack wills", "jack wolfskin", "tim hortons", "jim beam", "johnnie walker",
  "george foreman", "james villa", "john wiley", "ronald mcdonald", "hans im glueck", "hans im gluck", "marie claire",
  "john frieda", "paul mitchell",
]);
