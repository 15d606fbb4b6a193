import { lazy } from "../../../shared/lazy";

/**
 * A password's sentence in each language a service's users write: the password's word, perhaps
 * whose it is (`für Benutzer anna`, `dla użytkownika jan`, `for user bob`), and the verb linking
 * it to the value (`ist`, `lautet`, `to`, `är`, `est`, `es`, `é`, `è`, `is`), perhaps with a
 * `:` after the verb (`Das Passwort lautet: …`); or the word, whose it is, and `:` (`Passwort für
 * db_admin: …`, where the name before the `:` is the user's, not a secret's). Each language's
 * verbs follow only its own words (Polish `to` is English's preposition), in lower case,
 * capitalised or in capitals. The value after it is judged by its shape (password-phrase.ts):
 * the language's ordinary words after a verb (`ist falsch`, `är fel`, `to za krótkie`, `est
 * incorrect`) are no password's shape.
 */

interface PasswordSentence {
  /** The password's words, lower case; blanks in them stand for any run of blanks. */
  words: readonly string[];
  /** The words saying whose the password is, before a user's or an account's name or noun. */
  whose: readonly string[];
  /** The linking verbs (copulas, `lautet`), present and past. */
  links: readonly string[];
  /** Whether the word, whose it is and `:` are a prompt that credential-phrase.ts reads (`Enter password for user bob: …`), and not read here. */
  prompt?: true;
}

const SENTENCES: readonly PasswordSentence[] = [
  // English, and Italian, which writes the English word.
  { words: ["password", "passphrase"], whose: ["for", "of", "per", "di", "del", "della", "dell'", "dell’"], links: ["is", "was", "è", "era"], prompt: true },
  { words: ["passwort", "kennwort"], whose: ["für", "fuer", "von"], links: ["ist", "lautet", "lautete", "war"] },
  { words: ["hasło", "haslo"], whose: ["dla", "do"], links: ["to", "jest", "brzmi", "było", "bylo"] },
  { words: ["lösenord", "lösenordet", "losenord", "losenordet"], whose: ["för", "for", "till"], links: ["är", "ar", "var"] },
  { words: ["wachtwoord"], whose: ["voor", "van"], links: ["is", "was", "luidt"] },
  { words: ["mot de passe"], whose: ["pour", "de", "du"], links: ["est", "était", "etait"] },
  { words: ["contraseña", "contrasena", "clave"], whose: ["para", "de", "del"], links: ["es", "era"] },
  { words: ["senha"], whose: ["para", "de", "do", "da"], links: ["é", "era"] },
];

/**
 * A word that starts or links a clause of its own, which a whose-phrase does not hold: the
 * languages' conjunctions and every language's linking verb (`password for bob was reset and
 * host is db-prod-01`: the host is the verb's subject).
 */
const CLAUSE_WORD = `(?:${[...new Set([
  "and", "or", "but", "und", "oder", "aber", "en", "of", "maar", "och", "eller", "men", "i", "oraz", "lub", "ale",
  "et", "ou", "mais", "y", "pero", "e", "mas", "ma", ...SENTENCES.flatMap((sentence) => sentence.links),
])].map(spellings).join("|")})`;

/** `word` in lower case, capitalised and in capitals, its blanks any run of blanks. */
function spellings(word: string): string {
  const forms = new Set([word, word.charAt(0).toUpperCase() + word.slice(1), word.toUpperCase()]);
  return `(?:${[...forms].map((form) => form.replace(/ /g, String.raw`[ \t]+`)).join("|")})`;
}

/**
 * Whose the password is: the word and one to six words (`voor gebruiker jan de vries`, `for the
 * admin account on prod`), none a clause's (`CLAUSE_WORD`), no `:`, `=`, double quote, `|` or
 * sentence's `,`/`;` in them and none ending a sentence (`.`, `!`, `?`): `für Benutzer anna`,
 * `for db_admin`, `per l'utente mario`, `for jan.doe`, and Italian's elided article glued to
 * its word (`dell'utente mario`); a sentence or a field after the phrase (`Passwort für anna
 * gesetzt. Host ist db-prod-01`, `password for bob | trace is …`) has its own subject.
 */
function whosePhrase(whose: readonly string[]): string {
  const word = String.raw`(?!${CLAUSE_WORD}[ \t])[^\s:=",;|]{0,39}[^\s:=",;|.!?]`;
  const elided = whose.filter((each) => /['’]$/.test(each));
  const spaced = whose.filter((each) => !elided.includes(each));
  const glued = elided.length === 0 ? "" : String.raw`|(?:${elided.map(spellings).join("|")})${word}(?:[ \t]+${word}){0,5}`;
  return String.raw`(?:[ \t]+(?:(?:${spaced.map(spellings).join("|")})(?:[ \t]+${word}){1,6}${glued}))`;
}

/**
 * A regex source for a password's sentence up to its value (`SENTENCES`): the word, whose it is
 * or not, a linking verb, perhaps a `:`, and blanks; or the word, whose it is, `:` and blanks.
 * For a lookbehind: it starts at the word, with no check of what stands before it.
 */
export const PASSWORD_SENTENCE_LINK = `(?:${SENTENCES.map(({ words, whose, links, prompt }) => {
  const word = `(?:${words.map(spellings).join("|")})`;
  const phrase = whosePhrase(whose);
  const linked = String.raw`${word}${phrase}?[ \t]+(?:${links.map(spellings).join("|")})(?:[ \t]*:)?[ \t]+`;
  return prompt === true ? linked : String.raw`${linked}|${word}${phrase}[ \t]?:[ \t]+`;
}).join("|")})`;

/** Each of `SENTENCES`' lists merged, in spellings (`spellings`), as one alternation. */
function merged(list: (sentence: PasswordSentence) => readonly string[], of: readonly PasswordSentence[] = SENTENCES): string {
  return `(?:${[...new Set(of.flatMap(list))].map(spellings).join("|")})`;
}

/**
 * `PASSWORD_SENTENCE_LINK` with every language's words, whose-words and verbs merged: one
 * alternative where that has one per language, for a search's lookbehind, which is tried at
 * every position of a text (a language's verb after another's word, `password to`, is matched
 * here and told apart by `PASSWORD_SENTENCE_LINK` afterwards).
 */
const ALL_WHOSE = whosePhrase([...new Set(SENTENCES.flatMap((sentence) => sentence.whose))]);
export const PASSWORD_SENTENCE_SEARCH = String.raw`(?:${merged((sentence) => sentence.words)}${ALL_WHOSE}?[ \t]+${merged((sentence) => sentence.links)}(?:[ \t]*:)?[ \t]+|${merged((sentence) => sentence.words, SENTENCES.filter((sentence) => sentence.prompt !== true))}${ALL_WHOSE}[ \t]?:[ \t]+)`;

/**
 * What a sentence says a password is made or kept with, as the last part of a hyphenated word
 * (`AES-256-krypterat`, `bcrypt-hashat`, `2FA-chronione`, `SHA-256-gehasht`), lower case, in the
 * languages of `SENTENCES`: a description, no password.
 */
const DESCRIBING_WORDS: ReadonlySet<string> = new Set([
  "encrypted", "hashed", "protected", "salted", "generated", "based", "secured", "stored",
  "verschlüsselt", "verschluesselt", "gehasht", "geschützt", "geschuetzt", "gesalzen", "generiert", "basiert", "gesichert",
  "versleuteld", "gehasht", "beveiligd", "beschermd", "gegenereerd",
  "krypterat", "krypterad", "hashat", "hashad", "skyddat", "skyddad", "genererat", "lagrat",
  "chronione", "szyfrowane", "zaszyfrowane", "hashowane", "zabezpieczone", "generowane",
  "chiffré", "chiffre", "haché", "hache", "protégé", "protege", "généré", "genere",
  "cifrada", "cifrado", "hasheada", "protegida", "protegido", "generada",
  "criptografada", "criptografado", "protegida", "gerada",
  "cifrata", "protetta", "generata",
]);
/** A hyphenated word's last part after at least one other, a sentence's final mark aside. */
const LAST_PART = lazy(() => new RegExp(String.raw`^[^\s-]+(?:-[^\s-]+)*-(\p{L}+)[.!]?$`, "u"));

/**
 * Whether `value`, unquoted after a password's sentence (`Lösenordet är AES-256-krypterat`,
 * `Hasło jest 2FA-chronione`), is a hyphenated word whose last part says what the password is
 * made or kept with (`DESCRIBING_WORDS`): a description of it, in any case.
 */
export function describesPassword(value: string): boolean {
  const last = LAST_PART().exec(value)?.[1];
  return last !== undefined && DESCRIBING_WORDS.has(last.toLowerCase());
}
