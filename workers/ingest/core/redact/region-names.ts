/**
 * Whether `word` (any case, accents as written) is the one-word name of a country, a US state or
 * a Brazilian state in English, Portuguese or Spanish (`Chile`, `Bulgaria`, `Montana`, `Bahia`):
 * after a given name it says a place is named (`to Helena Montana`, the city and its state;
 * `Sr. Engineer Santiago Chile`), not a surname. Surnames that are also such names (`Jordan`,
 * `Georgia` as given names aside, `Israel`, `France`, `Kent`) are left out: a name ending in one
 * stays a person's. Not complete: another place after a given name is read as a surname.
 */
export function isRegionName(word: string): boolean {
  return REGION_NAMES.has(word.toLowerCase());
}

/** Whether `name` (words and single blanks) is two words or more whose last is a country's or a state's name (`isRegionName`: `Helena Montana`). */
export function endsInRegionName(name: string): boolean {
  const blank = name.lastIndexOf(" ");
  return blank !== -1 && isRegionName(name.slice(blank + 1));
}

const REGION_NAMES: ReadonlySet<string> = new Set([
  // Countries.
  "argentina", "bolivia", "brazil", "brasil", "chile", "colombia", "ecuador", "paraguay", "peru", "perú", "uruguay", "venezuela",
  "mexico", "méxico", "guatemala", "honduras", "nicaragua", "panama", "panamá", "cuba", "canada", "usa", "portugal", "spain",
  "españa", "espanha", "italy", "italia", "germany", "alemanha", "alemania", "deutschland", "austria", "switzerland", "suiza",
  "belgium", "netherlands", "holland", "ireland", "scotland", "england", "wales", "britain", "poland", "polska", "bulgaria",
  "romania", "hungary", "ukraine", "russia", "greece", "turkey", "egypt", "morocco", "nigeria", "kenya", "india", "china", "japan",
  "korea", "vietnam", "thailand", "indonesia", "philippines", "australia", "sweden", "norway", "denmark", "finland", "iceland",
  "croatia", "serbia", "slovakia", "slovenia", "czechia", "estonia", "latvia", "lithuania", "angola", "mozambique", "moçambique",
  // US states.
  "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware", "florida", "hawaii", "idaho",
  "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota",
  "mississippi", "missouri", "montana", "nebraska", "nevada", "ohio", "oklahoma", "oregon", "pennsylvania", "tennessee", "texas",
  "utah", "vermont", "wisconsin", "wyoming",
  // Brazilian states.
  "acre", "amapá", "amapa", "amazonas", "bahia", "ceará", "ceara", "goiás", "goias", "maranhão", "maranhao", "pará", "para",
  "paraíba", "paraiba", "paraná", "parana", "pernambuco", "piauí", "piaui", "rondônia", "rondonia", "roraima", "sergipe", "tocantins",
]);
