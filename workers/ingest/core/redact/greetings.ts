import { inCapitals } from "./regex-capitals";

/**
 * The words a letter, an e-mail or a notice greets its reader with, then names them (`Dear Oliver
 * Bennett,`, `Sehr geehrte Frau Schröder,`, `Bonjour Jean,`, `Olá Ana,`, `Użytkownik Jan
 * Kowalski`), and the Japanese honorifics after a name (`山田太郎様`, `田中さん`): what
 * `detectors/greeting-name.ts` reads and `evidence.ts` gates it by.
 */

/**
 * Greetings and salutations in English, German, French, Spanish, Portuguese, Italian, Dutch,
 * Polish and the Scandinavian languages (`Hej`, Polish too), as regex source, the first letter in either case (`Dear`, `dear`), a gendered ending's
 * forms too (`Sehr geehrte/r`, `Estimado(a)`, `Szanowna`); and Polish `Użytkownik` ("user"), which
 * a notice puts before the user's name as a greeting does.
 */
const PROSE_GREETING_WORDS = [
  "[Dd]ear", "[Hh]i", "[Hh]ello", "[Hh]ey", "[Gg]ood (?:[Mm]orning|[Aa]fternoon|[Ee]vening)", "[Ww]elcome(?: [Bb]ack)?",
  "[Ss]ehr geehrte(?:r|/r|\\(r\\))?", "[Ll]iebe(?:r|/r|\\(r\\))?", "[Hh]allo", "[Gg]uten (?:[Tt]ag|[Mm]orgen|[Aa]bend)", "[Mm]oin", "[Ss]ervus",
  "[Bb]onjour", "[Bb]onsoir", "[Ss]alut", "[Cc]her", "[Cc]h\\u00e8re",
  "[Hh]ola", "[Ee]stimad[oa](?:/a|\\(a\\)|s)?", "[Qq]uerid[oa](?:/a|\\(a\\)|s)?", "[Bb]uenos d\\u00edas", "[Bb]uenas (?:tardes|noches)",
  "[Oo]l\\u00e1", "[Oo]i", "[Pp]rezad[oa](?:/a|\\(a\\)|s)?", "[Bb]om dia", "[Bb]oa (?:tarde|noite)",
  "[Cc]ar[oa]", "[Gg]entile", "[Cc]iao", "[Bb]uongiorno", "[Ss]alve",
  "[Bb]este", "[Gg]eachte", "[Hh]oi", "[Hh]ej",
  "[Ss]zanown(?:y|a|i|e)", "[Dd]rog(?:i|a|ie)", "[Ww]itaj", "[Cc]ze\\u015b\\u0107", "[Dd]zie\\u0144 dobry", "[Uu]\\u017cytkownik",
];
/**
 * The greetings and salutations (`PROSE_GREETING_WORDS`), and the same in capitals (`inCapitals`),
 * as a form letter or a label prints the whole line (`DEAR JOHN SMITH,`, `HELLO MARIA SILVA,`,
 * `BONJOUR MARIE DUBOIS`): a name in capitals after one is judged as its capitalised form,
 * a common given name first (upper-case-names.ts: `HELLO WORLD`, `DEAR CUSTOMER,` stay).
 */
export const GREETING_WORDS = [...PROSE_GREETING_WORDS, ...PROSE_GREETING_WORDS.map(inCapitals)];

/**
 * Courtesy titles between a greeting and a name (`Mr.`, `Frau`, `Madame`, `Sra.`, `Pani`,
 * `Meneer`): after one a surname alone is a person's (`Dear Mr. Smith`).
 */
export const COURTESY_TITLES = [
  "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Herr", "Frau", "Monsieur", "Madame", "Mme", "Mlle", "M(?=\\.)", "Sr", "Sra", "Srta",
  "Se\\u00f1or", "Se\\u00f1ora", "Dona", "Dom", "Signor", "Signora", "Sig", "Dott", "Pan", "Pani", "Panie", "Meneer", "Mevrouw", "Dhr", "Mevr",
];

/**
 * The courtesy titles (`COURTESY_TITLES`) as a greeting's line in capitals prints them (`DEAR MR
 * SMITH,`, `SEHR GEEHRTE FRAU MÜLLER,`, `HOLA SRA. GARCIA,`), but those that in capitals are an
 * acronym or a thing's word as often (`HI DOM NODE`, `HELLO PAN AM`, `HELLO MX LINUX`, `SIG`, `M.`).
 */
export const COURTESY_TITLES_IN_CAPITALS = COURTESY_TITLES.filter((title) => !["Dom", "Pan", "Mx", "Sig", "M(?=\\.)"].includes(title)).map(inCapitals);

/**
 * Offices, ranks and roles a letter names its reader by after a courtesy title, in place of a
 * surname or before it (`Dear Mr. President`, `Bonjour Monsieur le Maire`, `Hola Señor Cliente`,
 * `Sehr geehrter Herr Doktor Müller`), in the greetings' languages, lower case: no one's name.
 */
export const OFFICE_WORDS: ReadonlySet<string> = new Set([
  // English.
  "president", "vice-president", "director", "manager", "chairman", "chairwoman", "chair", "chairperson", "secretary", "minister",
  "mayor", "governor", "senator", "ambassador", "judge", "justice", "officer", "doctor", "professor", "commissioner", "chancellor",
  "dean", "rector", "principal", "general", "colonel", "captain", "sergeant", "inspector", "speaker", "customer", "client", "user",
  "member", "admin", "administrator", "guest", "sir", "madam",
  // French.
  "président", "présidente", "directeur", "directrice", "maire", "ministre", "préfet", "préfète", "recteur",
  "rectrice", "doyen", "ambassadeur", "ambassadrice", "juge", "docteur", "professeur", "secrétaire", "gérant", "gérante",
  "cliente", "député", "députée", "sénateur", "sénatrice", "commissaire", "conseiller", "conseillère",
  "abonné", "abonnée", "utilisateur", "utilisatrice", "administrateur", "administratrice", "adjoint", "adjointe", "général",
  "notaire", "avocat", "avocate", "maître",
  // Spanish and Portuguese.
  "presidente", "presidenta", "directora", "diretor", "diretora", "alcalde", "alcaldesa", "prefeito", "prefeita", "ministro", "ministra",
  "usuario", "usuaria", "usuário", "usuária", "socio", "socia", "doctora", "doutor", "doutora", "profesor", "profesora",
  "professora", "secretario", "secretaria", "gerente", "embajador", "embajadora", "embaixador", "juez", "jueza", "diputado", "diputada",
  "senador", "senadora", "licenciado", "licenciada", "ingeniero", "ingeniera", "engenheiro", "gobernador", "decano", "abogado", "abogada",
  "advogado", "advogada", "notario",
  // Italian.
  "direttore", "direttrice", "sindaco", "dottore", "dottoressa", "professore", "professoressa", "avvocato", "ingegnere",
  // German.
  "präsident", "präsidentin", "direktor", "direktorin", "bürgermeister", "bürgermeisterin", "ministerin", "kunde",
  "kundin", "doktor", "professorin", "vorsitzender", "vorsitzende", "geschäftsführer", "geschäftsführerin", "botschafter",
  "botschafterin", "richter", "richterin", "rechtsanwalt", "rechtsanwältin", "anwalt", "anwältin", "pfarrer", "kollege", "kollegin",
  "nutzer", "benutzer", "mitglied", "dekan", "rektor", "rektorin", "abgeordneter", "abgeordnete",
  // Dutch and Polish.
  "klant", "voorzitter", "burgemeester", "prezes", "dyrektor", "dyrektorka", "prezydent", "klient", "klientka", "burmistrz", "kierownik",
  "kierowniczka",
]);

/**
 * Words a greeting addresses whoever reads with, closed by a comma as a name would be (`Dear
 * Customer,`, `Hello World,`, `Hi All,`, `Hallo zusammen,`, `Bonjour à tous,`), in the greetings'
 * languages, lower case: no one's name.
 */
export const ADDRESSEE_WORDS: ReadonlySet<string> = new Set([
  // English.
  "world", "all", "everyone", "everybody", "there", "again", "team", "guys", "folks", "friend", "friends", "colleague", "colleagues",
  "sirs", "madams", "partner", "partners", "customers", "clients", "users", "members", "guests", "subscriber", "subscribers", "reader",
  "readers", "both", "you", "buddy", "mate", "human", "developer", "developers", "dev", "devs", "people", "applicant", "candidate",
  "shopper", "student", "students", "traveler", "traveller", "valued", "back", "hello", "hi",
  "holder", "holders", "cardholder", "cardholders", "policyholder", "policyholders", "shareholder", "shareholders", "stakeholder",
  "stakeholders", "parent", "parents", "patient", "patients", "owner", "owners", "worker", "workers", "employee", "employees",
  "participant", "participants", "recipient", "recipients", "visitor", "visitors", "player", "players", "investor", "investors",
  "donor", "donors", "supporter", "supporters", "tenant", "tenants", "resident", "residents", "citizen", "citizens", "neighbor",
  "neighbors", "neighbour", "neighbours", "family", "community", "driver", "drivers", "rider", "riders", "seller", "sellers", "buyer",
  "buyers", "merchant", "merchants", "vendor", "vendors", "creator", "creators", "operator", "operators", "agent", "agents", "admins",
  // German, French, Spanish, Portuguese, Italian, Dutch, Polish.
  "welt", "alle", "zusammen", "leute", "kunden", "freunde", "kollegen", "monde", "tous", "toutes", "ami", "amis", "amie", "équipe",
  "clients", "mundo", "todos", "todas", "amigo", "amiga", "amigos", "amigas", "equipo", "equipe", "pessoal", "gente", "clientes",
  "tutti", "mondo", "amici", "wereld", "allemaal", "iedereen", "wszystkim", "wszyscy", "świecie", "zespole", "państwo",
  // Swedish, Danish, Norwegian (and `Hej då`, goodbye, capitalised).
  "världen", "verden", "alla", "allihop", "allihopa", "allesammen", "vänner", "venner", "då",
]);
/**
 * The salutations that open a letter to one reader (`Dear`, `Sehr geehrte/r`, `Liebe/r`, `Cher`,
 * `Estimado/a`, `Querido/a`, `Prezado/a`, `Caro/a`, `Gentile`, `Geachte`, `Beste`, `Szanowny/a`,
 * `Drogi/a`), anchored at the greeting's start: after one, one capitalised word closed by a comma
 * is the reader's name whether or not it is a common given name. An English bare greeting
 * (`Hello`, `Hi`, `Hey`) greets programs and services as often (`Hello Kubernetes, ready`), so a
 * name after it must read as a person's; the other languages' are `PERSONAL_GREETING`.
 */
export const LETTER_SALUTATION = /^(?:[Dd]ear|[Ss]ehr geehrte|[Ll]iebe|[Cc]her|[Cc]h\u00e8re|[Ee]stimad|[Qq]uerid|[Pp]rezad|[Cc]ar[oa]|[Gg]entile|[Gg]eachte|[Bb]este|[Ss]zanown|[Dd]rog)/;

/**
 * The bare greetings outside English (`Hola`, `Olá`, `Oi`, `Bonjour`, `Bonsoir`, `Salut`, `Hallo`,
 * `Moin`, `Servus`, `Ciao`, `Salve`, `Hoi`, `Hej`, `Cześć`, `Witaj`), anchored at the greeting's
 * start: read as a letter's salutation is (`LETTER_SALUTATION`: `Hola Anselmo,`, `Hej Zbyszek,`),
 * since a program is greeted in English (`Hello Kubernetes,`, `Hi Grafana,`, `Hey Siri,`), and
 * its world in any language is an addressee's word (`Hola Mundo,`, `Hallo Welt,`). English's
 * bare greetings still want a name that reads as a person's.
 */
export const PERSONAL_GREETING = /^(?:[Hh]ola|[Oo]l\u00e1|[Oo]i|[Bb]onjour|[Bb]onsoir|[Ss]alut|[Hh]allo|[Mm]oin|[Ss]ervus|[Cc]iao|[Ss]alve|[Hh]oi|[Hh]ej|[Cc]ze\u015b\u0107|[Ww]itaj)[ \t]/;

/** Articles before an office after a courtesy title (`Monsieur le Directeur`, `Madame la Présidente`): the office's, no name's. */
export const OFFICE_ARTICLES: ReadonlySet<string> = new Set(["le", "la", "les", "el", "los", "las", "the"]);

/** What every greeting the detector reads holds (a gate: one regex, a greeting's word at a word's start). */
export const GREETING_HINT = new RegExp(`(?<![A-Za-z\\u00C0-\\u017F])(?:${GREETING_WORDS.join("|")})(?![a-z\\u00DF-\\u017F])`);

/** What every Japanese name with its honorific the detector reads holds: `様` (sama), `さん` (san), `殿` (dono). */
export const HONORIFIC_HINT = /様|さん|殿/;

/**
 * Kanji words that take an honorific and name no one (`会員様`, a member; `担当者様`, the person in
 * charge; `皆様`, everyone; `お客様` is read past by its `お`): a role's or a group's, kept.
 * Names ending in `者` (a person), `員` (a member) or `長` (a head) are roles too (`ROLE_ENDING`).
 */
export const JAPANESE_NON_NAMES: ReadonlySet<string> = new Set([
  "皆", "各位", "顧客", "会員", "利用", "購入", "店舗", "御社", "貴社", "弊社", "先生", "社長", "部長", "課長", "担当", "患者", "神", "王",
]);
/** The last kanji of a role's word (`利用者`, `会員`, `店長`, `お客`), which a name's seldom is. */
export const ROLE_ENDING = /[者員長客方位]$/;
