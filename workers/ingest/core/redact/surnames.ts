/**
 * Whether `word` (any case, accents as written) is a surname people commonly bear in the senders'
 * languages (Portuguese, Spanish, English, German, French, Italian) or a short East Asian,
 * Vietnamese or Turkish one (`Li`, `Wu`, `Ng`, `Oz`): evidence where one word alone, after words
 * that precede a job's field or an acronym as often, is a name only if it is a surname (`Sr.
 * Nurse Silva`, not `Sr. Nurse Practitioner`; `HELLO DR OZ,`, not `HELLO DR QA,`). Surnames that
 * are ordinary words, jobs or programs' words too (`Baker`, `Cook`, `Mason`, `King`, `Page`,
 * `Ruby`, `Do`, `Ma`, `Lo`) are left out. Not complete: another surname there stays, a known miss.
 */
export function isCommonSurname(word: string): boolean {
  return SURNAMES.has(word.toLowerCase());
}

/**
 * Whether `word` (any case) is a common surname (`isCommonSurname`) that names nothing else
 * as often: not a city or a region (`Lima`, `Santos`, `Medina`, `Campbell`, `Costa`, `Mendoza`),
 * a brand (`Ferrari`), a colour or a word (`Gray`, `Brown`, `Wolf`) nor a given name (`Bruno`,
 * `SURNAMES_NAMING_THINGS`). One such word alone after words that precede a place or a field as
 * often (`Sr. Engineer Lima`, as `Sr. Consultant Victoria`) is not read as the surname.
 */
export function isOnlySurname(word: string): boolean {
  const lower = word.toLowerCase();
  return SURNAMES.has(lower) && !SURNAMES_NAMING_THINGS.has(lower);
}

/** The common surnames (`SURNAMES`) that are a city's, a region's, a brand's, a word's or a given name as often. */
const SURNAMES_NAMING_THINGS: ReadonlySet<string> = new Set([
  // Cities and regions (Peru's and Brazil's ports, Saudi Arabia's, California's, Argentina's, Costa Rica).
  "lima", "santos", "medina", "campbell", "costa", "mendoza", "santana", "castro", "cunha", "vargas", "moreno",
  // Brands: cars, bicycles, grills, wine, a chemical firm.
  "ferrari", "cooper", "bianchi", "weber", "gallo", "dupont", "wilson",
  // Colours, animals and words of English, Portuguese and Spanish (rock, flowers, towers, kings, days, branches, axe).
  "gray", "brown", "wolf", "park", "pinto", "ward", "romano", "rocha", "flores", "torres", "reyes", "dias", "ramos", "machado", "marino",
  // A given name too.
  "bruno",
]);

const SURNAMES: ReadonlySet<string> = new Set([
  // Portuguese
  "silva", "santos", "oliveira", "souza", "sousa", "rodrigues", "ferreira", "alves", "pereira", "lima", "gomes", "costa", "ribeiro",
  "martins", "carvalho", "almeida", "lopes", "soares", "fernandes", "vieira", "barbosa", "rocha", "dias", "nascimento", "andrade",
  "moreira", "nunes", "marques", "machado", "mendes", "freitas", "cardoso", "ramos", "gonçalves", "goncalves", "santana", "teixeira",
  "araujo", "araújo", "cavalcanti", "moura", "monteiro", "correia", "pinto", "azevedo", "cunha", "batista",
  // Spanish
  "garcía", "garcia", "rodríguez", "rodriguez", "gonzález", "gonzalez", "fernández", "fernandez", "lópez", "lopez", "martínez",
  "martinez", "sánchez", "sanchez", "pérez", "perez", "gómez", "gomez", "jiménez", "jimenez", "ruiz", "hernández", "hernandez",
  "díaz", "diaz", "moreno", "muñoz", "munoz", "álvarez", "alvarez", "romero", "navarro", "torres", "domínguez", "dominguez",
  "vázquez", "vazquez", "ramírez", "ramirez", "castillo", "ortiz", "morales", "castro", "ortega", "delgado", "medina", "guerrero",
  "flores", "reyes", "herrera", "mendoza", "aguilar", "vargas", "rojas", "gutiérrez", "gutierrez",
  // English
  "smith", "johnson", "williams", "brown", "jones", "miller", "davis", "wilson", "anderson", "taylor", "moore", "thompson", "harris",
  "clark", "lewis", "robinson", "walker", "wright", "mitchell", "campbell", "roberts", "evans", "edwards", "collins", "stewart",
  "murphy", "rogers", "cooper", "richardson", "howard", "ward", "peterson", "gray", "hughes", "sanders", "bennett", "kelly",
  "o'brien", "o'connor", "sullivan", "mccarthy",
  // German, French, Italian
  "müller", "mueller", "schmidt", "schneider", "fischer", "weber", "meyer", "wagner", "becker", "schulz", "hoffmann", "schäfer",
  "schaefer", "richter", "wolf", "schröder", "schroeder", "neumann", "zimmermann", "krüger", "krueger", "dubois", "durand", "lefebvre",
  "leroy", "moreau", "laurent", "girard", "bonnet", "dupont", "rossi", "russo", "ferrari", "esposito", "bianchi", "romano", "ricci",
  "marino", "greco", "bruno", "gallo", "conti",
  // East Asian, Vietnamese and Turkish, two letters: not words of English prose nor acronyms of software.
  "li", "wu", "xu", "yu", "hu", "ng", "oz", "ko", "ly", "vo", "au",
  "wang", "zhang", "liu", "chen", "yang", "huang", "zhao", "zhou", "nguyen", "tran", "pham", "kim", "park", "choi", "tanaka", "suzuki",
  "sato", "watanabe", "yamamoto", "yilmaz", "kaya", "demir", "sahin",
]);
