import { isCommonWord } from "./common-words";
import { nameWords } from "./secret-names";

/**
 * A passphrase in a table's cell under a password's name, told apart from the description a
 * documentation table writes there (docs/decisions.md, 2026-12-07): a passphrase is words picked
 * from a list (xkcd's `correct horse battery staple`, EFF's and diceware's lists: lower-case words
 * of three letters or more, joined by one blank), while prose describing a field starts with a
 * capital, stops, counts (`The user's password, min 8 chars`, `Must be at least 8 characters`) or
 * holds the short words every sentence does (`is`, `at`, `of`, `to`, `in`, `or`), or words that
 * describe a secret or its use (`hashed with bcrypt`, `see vault`, `stored encrypted`).
 */

/** Three to eight lower-case words of 3 to 12 letters each, joined by one blank. */
const PHRASE_SHAPE = /^[a-z]{3,12}(?: [a-z]{3,12}){2,7}$/;

/** A name's last word that says its value is a password or a passphrase. */
const PASSWORD_WORDS: ReadonlySet<string> = new Set(["password", "passphrase", "passwd", "pwd"]);

/**
 * Words of three letters or more that a description of a password field holds and a picked
 * passphrase seldom does, beyond `isCommonWord`'s: sentences' words, a secret's words and what
 * is done with it.
 */
const DESCRIBING_WORDS: ReadonlySet<string> = new Set([
  // Sentences' words.
  "are", "any", "all", "but", "not", "nor", "yet", "its", "this", "that", "these", "those", "your", "our", "their", "his", "her",
  "you", "who", "which", "what", "when", "where", "how", "why", "than", "then", "there", "here", "from", "into", "onto", "over", "under",
  "per", "via", "each", "every", "some", "none", "null", "nil", "empty", "blank", "same", "other", "also", "only", "just", "more", "most",
  "less", "least", "few", "many", "must", "should", "shall", "may", "might", "could", "would", "need", "needs", "needed", "have", "been",
  "being", "does", "did", "see", "use", "used", "uses", "using", "get", "gets", "got", "let", "lets", "like", "about", "above", "below",
  "after", "before", "while", "until", "unless", "without", "within", "never", "always", "once", "twice", "again", "yes",
  "through", "inside", "outside", "across", "upon", "along", "among", "between", "behind", "beyond", "toward", "towards", "against",
  "during", "throughout", "around", "near", "off", "out", "now", "later", "soon", "already", "still", "instead", "else", "whether",
  "because", "since", "though", "although", "either", "neither", "both", "such", "very", "too", "well", "ask", "please", "contact",
  // A secret's words and what is done with it.
  "password", "passwords", "passphrase", "passwd", "pwd", "secret", "secrets", "token", "tokens", "key", "keys", "credential",
  "credentials", "hash", "hashed", "hashes", "hashing", "salt", "salted", "bcrypt", "scrypt", "argon", "sha", "encrypted",
  "encrypt", "encryption", "decrypted", "plain", "plaintext", "cleartext", "masked", "redacted", "hidden", "stored", "storage",
  "vault", "env", "environment", "variable", "variables", "var", "field", "fields", "input", "required", "optional", "default",
  "defaults", "characters", "chars", "char", "digits", "letters", "symbols", "minimum", "maximum", "least", "long", "short", "strong",
  "weak", "random", "randomly", "generated", "auto", "rotated", "rotation", "expires", "expired", "expiry", "valid", "invalid",
  "login", "logins", "sign", "signin", "signup", "admin", "owner", "database", "api", "app", "application", "client",
]);

/** Whether `value`, a table's cell holding blanks under the column or key `name`, is a passphrase rather than a description. */
export function isPassphraseUnder(name: string, value: string): boolean {
  if (!PHRASE_SHAPE.test(value) || !PASSWORD_WORDS.has(passwordWord(name) ?? "")) return false;
  return value.split(" ").every((word) => !isCommonWord(word) && !DESCRIBING_WORDS.has(word));
}

/** The last word of `name`, the password's word a passphrase is read under (`DB Password`: `password`); undefined for a name of no word. */
export function passwordWord(name: string): string | undefined {
  return nameWords(name).at(-1);
}
