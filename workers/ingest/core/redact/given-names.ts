/**
 * Whether `word` (any case; a hyphenated first name by its first part, `Mary-Jane`) is a given
 * name people commonly hold in the languages the project's senders write (English, Spanish,
 * Portuguese, French, German, Italian, Dutch, Polish, and common Indian, Chinese, Japanese and
 * Arabic names in Latin letters). Used where a capitalised phrase is a person's name only with
 * positive evidence, since the place holds ordinary words as often (`exception.type`:
 * `Too Many Requests`, `Queue Full`). Names that are ordinary English words too (`Will`, `Grant`,
 * `Mark`, `Rose`, `Hope`, `Max`, `Chase`, `Bill`, `May`, `Frank`, `Grace`) and places (`Austin`, `Virginia`) are left out: `Will Retry` and
 * `Max Retries` are no people. Not complete: a name outside the list stays, a known miss.
 */
export function isCommonGivenName(word: string): boolean {
  const first = word.split("-")[0]!.toLowerCase();
  return GIVEN_NAMES.has(first);
}

const GIVEN_NAMES: ReadonlySet<string> = new Set([
  // English
  "james", "john", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles", "christopher", "daniel",
  "matthew", "anthony", "donald", "steven", "paul", "andrew", "joshua", "kenneth", "kevin", "brian", "george", "timothy", "ronald",
  "edward", "jason", "jeffrey", "ryan", "jacob", "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott",
  "brandon", "benjamin", "samuel", "gregory", "alexander", "patrick", "raymond", "jack", "dennis", "jerry", "tyler", "aaron",
  "henry", "adam", "douglas", "nathan", "peter", "zachary", "kyle", "noah", "ethan", "jeremy", "christian", "sean", 
  "mary", "patricia", "jennifer", "jenny", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen", "lisa", "nancy",
  "betty", "sandra", "margaret", "ashley", "kimberly", "emily", "donna", "michelle", "carol", "amanda", "melissa", "deborah",
  "stephanie", "rebecca", "laura", "sharon", "cynthia", "kathleen", "amy", "angela", "shirley", "anna", "brenda", "pamela",
  "emma", "nicole", "helen", "samantha", "katherine", "christine", "debra", "rachel", "catherine", "carolyn", "janet", "ruth",
  "maria", "heather", "diane", "julie", "joyce", "victoria", "olivia", "kelly", "christina", "lauren", "joan",
  "evelyn", "judith", "megan", "andrea", "cheryl", "hannah", "jacqueline", "martha", "gloria", "teresa", "ann", "sara",
  "kathryn", "janice", "jean", "abigail", "alice", "julia", "judy", "sophia", "denise", "doris",
  "marilyn", "danielle", "beverly", "isabella", "theresa", "diana", "natalie", "brittany", "charlotte", "marie", "kayla",
  "alexis", "lori", "jane", "bob", "jim", "tom", "mike", "steve", "dave", "joe", "tony", "chris", "alex", "sam", "ben", "dan",
  "nick", "matt", "kate", "liz", "sue", "jen", "beth", "mona", "monalisa", "alan", "bobby", "oliver", "harry", "lucy", "chloe",
  "ella", "mia", "ava", "amelia", "isla", "freya", "leo", "oscar", "archie", "liam", "mason", "logan", "lucas", "jackson",
  // Spanish, Portuguese, Italian
  "juan", "jose", "josé", "joão", "joao", "luis", "luís", "carlos", "jorge", "pedro", "miguel", "javier", "francisco", "antonio",
  "manuel", "alejandro", "pablo", "diego", "sergio", "fernando", "rafael", "ricardo", "eduardo", "andrés", "andres", "raúl",
  "mateo", "santiago", "gabriel", "felipe", "rodrigo", "gustavo", "thiago", "tiago", "bruno", "marcelo", "leonardo", "paulo",
  "vitor", "vinícius", "vinicius", "guilherme", "matheus", "marco", "giuseppe", "giovanni", "francesco", "alessandro",
  "luca", "matteo", "lorenzo", "davide", "stefano", "roberto", "paolo", "carmen", "ana", "lucía", "lucia", "sofía",
  "sofia", "isabel", "pilar", "dolores", "elena", "marta", "beatriz", "fernanda", "juliana", "camila", "mariana", "gabriela",
  "larissa", "letícia", "leticia", "patrícia", "adriana", "francesca", "giulia", "chiara", "valentina", "federica", "silvia",
  "joaquim", "antônio", "antónio", "rosa", "conceição", "inês", "ines",
  // Accented Iberian forms, and the plain spelling where the list lacked it.
  "maría", "jesús", "ángel", "ángela", "óscar", "sebastián", "tomás", "nicolás", "martín", "joaquín", "julián", "adrián",
  "rubén", "ramón", "víctor", "héctor", "álvaro", "alvaro", "verónica", "veronica", "mónica", "monica", "begoña", "iñaki",
  "fátima", "gonçalo", "goncalo", "mário", "mario", "sérgio", "fábio", "fabio", "márcio", "marcio", "cláudia", "flávia",
  "márcia", "marcia", "lúcia", "vitória", "júlia", "débora", "bárbara", "jéssica", "otávio", "sebastião", "simão", "sônia", "sonia",
  // French, German, Dutch, Nordic, Polish
  "pierre", "jacques", "michel", "philippe", "alain", "nicolas", "françois", "francois", "olivier", "julien", "sébastien",
  "sebastien", "thierry", "laurent", "stéphane", "stephane", "mathieu", "antoine", "hugo", "louis", "théo", "jules", "camille",
  "sophie", "nathalie", "isabelle", "sylvie", "céline", "celine", "aurélie", "aurelie", "émilie", "manon", "léa",
  "lea", "chloé", "margaux", "hans", "klaus", "jürgen", "juergen", "wolfgang", "stefan", "andreas", 
  "markus", "matthias", "uwe", "jörg", "joerg", "dieter", "günter", "helmut", "heinz", "karl", "lukas", "felix",
  "jonas", "leon", "finn", "niklas", "tobias", "sabine", "ursula", "monika", "petra", "claudia", "susanne", "birgit", "katrin",
  "anja", "lena", "leonie", "lara", "jan", "pieter", "sander", "daan", "bram", "sanne", "lotte", "anke", "lars",
  "erik", "sven", "nils", "magnus", "ingrid", "astrid", "sigrid", "piotr", "krzysztof", "tomasz", "paweł", "pawel", "łukasz",
  "lukasz", "michał", "michal", "katarzyna", "agnieszka", "małgorzata", "malgorzata", "magdalena", "ivan", "dmitri",
  "grzegorz", "zbigniew", "andrzej", "marek", "wojciech", "marcin", "kamil", "jakub", "mateusz", "ewa", "joanna", "dorota", "beata",
  "sergei", "olga", "natalia", "tatiana", "svetlana",
  // Common Brazilian, Spanish, German and French given names a review found missing (`Ana Paula`).
  "paula", "francisca", "antonia", "aline", "bruna", "luciana", "vanessa", "renata", "priscila", "carla", "daniela", "cristina",
  "helena", "isabela", "rafaela", "manuela", "roberta", "simone", "luiz", "marcos", "andré", "andre", "alexandre", "cláudio",
  "claudio", "renato", "henrique", "caio", "raquel", "alberto", "enrique", "ramon", "raul", "joaquin", "vicente", "nuria", "irene",
  "susana", "yolanda", "rocío", "rocio", "alicia", "stefanie", "katharina", "johanna", "elisabeth", "karin", "gabriele", "florian",
  "moritz", "werner", "gerhard", "rainer", "guillaume", "christophe", "frédéric", "frederic", "valérie", "valerie", "sandrine",
  "monique", "martine", "françoise", "francoise", "louise", "juliette", "anne",
  // Indian, Chinese, Japanese, Korean, Arabic in Latin letters
  "priya", "rahul", "amit", "anil", "sunil", "ravi", "raj", "rajesh", "suresh", "ramesh", "vijay", "arjun", "rohan", "aditya",
  "deepak", "sanjay", "pooja", "neha", "anjali", "divya", "kavya", "lakshmi", "sunita", "wei", "jing", "li", "xiaoming", "yan",
  "hiroshi", "takashi", "kenji", "yuki", "haruto", "sakura", "yuto", "akira", "minjun", "seojun", "jiwoo", "mohammed",
  "muhammad", "mohamed", "ahmed", "ahmad", "ali", "omar", "hassan", "hussein", "khalid", "youssef", "fatima", "aisha", "layla",
  "mariam", "noor", "yasmin",
]);
