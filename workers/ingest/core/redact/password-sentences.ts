import { lazy } from "../../../shared/lazy";
import { anyWord } from "./regex-word-set";
import { repeat, upTo } from "./regex-repeat";

/**
 * A password's sentence in each language a service's users write: the password's word, perhaps
 * whose it is (`für Benutzer anna`, `dla użytkownika jan`, `for user bob`), and the verb linking
 * it to the value (`ist`, `lautet`, `to`, `är`, `est`, `es`, `é`, `è`, `is`), perhaps with a
 * `:` after the verb (`Das Passwort lautet: …`); or the word, whose it is, and `:` (`Passwort für
 * db_admin: …`, where the name before the `:` is the user's, not a secret's). Each language's
 * verbs follow only its own words (Polish `to` is English's preposition), in lower case,
 * capitalised or in capitals. The value after it is judged by its shape (password-phrase.ts):
 * the language's ordinary words after a verb (`ist falsch`, `är fel`, `to za krótkie`, `est
 * incorrect`) are no password's shape. A sentence may also state the value without a verb
 * (`statedValueBefore`): a describing word after the password's word, a wrong state's word or a
 * change's participle and `:` (`mot de passe temporaire : …`, `Passwort falsch: …`), or a change
 * to it (`Passwort geändert auf …`, `hasło zostało zmienione na …`, `Ihr Passwort wurde auf …
 * zurückgesetzt`).
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
  /** Describing words the language puts after the password's word (`temporaire`, `tymczasowe`, `temporal`), before a `:`, a wrong state's word or a change. */
  after: readonly string[];
  /** The words saying the password is wrong, before a `:` and the value tried (`Passwort falsch: …`). */
  wrong: readonly string[];
  /** A change's participles (`geändert`, `modifié`, `zmienione`). */
  changed: readonly string[];
  /** The auxiliaries a change's participle takes (`wurde`, `a été`, `zostało`). */
  auxiliaries: readonly string[];
  /** The prepositions a change's new value follows (`auf`, `en`, `na`, `a`, `para`, `naar`, `till`). */
  to: readonly string[];
  /** The prepositions a change's old value follows, before `to`'s (`von … auf`, `de … à`, `z … na`). */
  from: readonly string[];
  /** The prepositions a change's new value follows only after its old value (`von Alt nach Neu`, `von Alt zu Neu`): alone they say when or whither as often (`geändert nach Anmeldung`). */
  pairTo?: readonly string[];
}

const SENTENCES: readonly PasswordSentence[] = [
  // English, and Italian, which writes the English word (its describing words, states and changes are Italian's: English's are read by password-phrase.ts).
  {
    words: ["password", "passphrase"], whose: ["for", "of", "per", "di", "del", "della", "dell'", "dell’"], links: ["is", "was", "è", "era"], prompt: true,
    after: ["temporanea", "provvisoria", "nuova", "iniziale", "monouso", "attuale", "vecchia"], wrong: ["errata", "sbagliata", "errato", "sbagliato"],
    changed: ["cambiata", "modificata", "reimpostata", "impostata", "aggiornata", "resettata"], auxiliaries: ["è", "stata", "viene", "venne"], to: ["in", "a"], from: ["da"],
  },
  {
    words: ["passwort", "kennwort"], whose: ["für", "fuer", "von", "vom", "des", "der"], links: ["ist", "lautet", "lautete", "war"],
    after: ["neu", "alt", "temporär", "temporaer", "vorläufig", "vorlaeufig", "initial", "aktuell"], wrong: ["falsch", "ungültig", "ungueltig", "inkorrekt", "abgelehnt"],
    changed: ["geändert", "geaendert", "zurückgesetzt", "zurueckgesetzt", "gesetzt", "aktualisiert", "umgestellt", "festgelegt"], auxiliaries: ["wurde", "wird", "ist", "wurden", "worden"], to: ["auf", "in"], from: ["von"], pairTo: ["nach", "zu"],
  },
  {
    words: ["hasło", "haslo"], whose: ["dla", "do"], links: ["to", "jest", "brzmi", "było", "bylo"],
    after: ["tymczasowe", "nowe", "jednorazowe", "początkowe", "poczatkowe", "stare", "aktualne", "obecne"], wrong: ["błędne", "bledne", "nieprawidłowe", "nieprawidlowe", "niepoprawne"],
    changed: ["zmienione", "zmieniono", "ustawione", "ustawiono", "zresetowane", "zresetowano", "zaktualizowane"], auxiliaries: ["zostało", "zostalo", "było", "bylo"], to: ["na"], from: ["z"],
  },
  {
    words: ["lösenord", "lösenordet", "losenord", "losenordet"], whose: ["för", "for", "till"], links: ["är", "ar", "var"],
    after: ["tillfälligt", "tillfalligt", "temporärt", "temporart", "nytt", "gammalt", "nuvarande"], wrong: ["fel", "felaktigt", "ogiltigt"],
    changed: ["ändrat", "andrat", "ändrats", "ändrades", "återställt", "återställts", "återställdes", "satt", "satts", "uppdaterat"], auxiliaries: ["har", "blivit", "är", "har blivit"], to: ["till"], from: ["från", "fran"],
  },
  {
    words: ["wachtwoord"], whose: ["voor", "van"], links: ["is", "was", "luidt"],
    after: ["tijdelijk", "tijdelijke", "nieuw", "nieuwe", "oud", "oude", "huidig", "huidige", "eenmalig"], wrong: ["onjuist", "ongeldig", "fout", "verkeerd"],
    changed: ["gewijzigd", "veranderd", "gereset", "ingesteld", "aangepast", "bijgewerkt"], auxiliaries: ["is", "werd", "wordt"], to: ["naar", "in"], from: ["van"],
  },
  {
    words: ["mot de passe"], whose: ["pour", "de", "du"], links: ["est", "était", "etait"],
    after: ["temporaire", "provisoire", "initial", "nouveau", "actuel", "ancien", "généré", "genere"], wrong: ["incorrect", "invalide", "erroné", "errone", "refusé", "refuse"],
    changed: ["modifié", "modifie", "changé", "change", "réinitialisé", "reinitialise", "défini", "defini", "mis à jour"], auxiliaries: ["a été", "a ete", "est"], to: ["en", "à", "a"], from: ["de"],
  },
  {
    words: ["contraseña", "contrasena", "clave"], whose: ["para", "de", "del"], links: ["es", "era"],
    after: ["temporal", "provisional", "nueva", "inicial", "actual", "anterior"], wrong: ["incorrecta", "inválida", "invalida", "errónea", "erronea"],
    changed: ["cambiada", "restablecida", "actualizada", "establecida", "modificada", "reseteada"], auxiliaries: ["ha sido", "fue", "ha"], to: ["a"], from: ["de"],
  },
  {
    words: ["senha"], whose: ["para", "de", "do", "da"], links: ["é", "era"],
    after: ["provisória", "provisoria", "temporária", "temporaria", "nova", "inicial", "atual", "antiga"], wrong: ["incorreta", "inválida", "invalida", "errada"],
    changed: ["alterada", "redefinida", "mudada", "trocada", "atualizada", "definida", "resetada"], auxiliaries: ["foi", "tem sido"], to: ["para"], from: ["de"],
  },
];

/**
 * A word that starts or links a clause of its own, which a whose-phrase does not hold: the
 * languages' conjunctions and every language's linking verb (`password for bob was reset and
 * host is db-prod-01`: the host is the verb's subject).
 */
const CLAUSE_WORD = anyWord([...new Set([
  "and", "or", "but", "und", "oder", "aber", "en", "of", "maar", "och", "eller", "men", "i", "oraz", "lub", "ale",
  "et", "ou", "mais", "y", "pero", "e", "mas", "ma", ...SENTENCES.flatMap((sentence) => sentence.links),
].flatMap(casings))]);

/** `word` in lower case, capitalised and in capitals, its blanks any run of blanks. */
export function spellings(word: string): string {
  return `(?:${casings(word).map((form) => form.replace(/ /g, String.raw`[ \t]+`)).join("|")})`;
}

/** `word` in lower case, capitalised and in capitals, each once. */
function casings(word: string): string[] {
  return [...new Set([word, word.charAt(0).toUpperCase() + word.slice(1), word.toUpperCase()])];
}

/**
 * Whose the password is: the word and one to six words (`voor gebruiker jan de vries`, `for the
 * admin account on prod`, German's genitive `des Benutzers anna`), none a clause's (`CLAUSE_WORD`), no `:`, `=`, double quote, `|` or
 * sentence's `,`/`;` in them and none ending a sentence (`.`, `!`, `?`): `für Benutzer anna`,
 * `for db_admin`, `per l'utente mario`, `for jan.doe`, and Italian's elided article glued to
 * its word (`dell'utente mario`); a sentence or a field after the phrase (`Passwort für anna
 * gesetzt. Host ist db-prod-01`, `password for bob | trace is …`) has its own subject.
 */
export function whosePhrase(whose: readonly string[]): string {
  const word = String.raw`(?!${CLAUSE_WORD}[ \t])[^\s:=",;|]{0,39}[^\s:=",;|.!?]`;
  const elided = whose.filter((each) => /['’]$/.test(each));
  const spaced = whose.filter((each) => !elided.includes(each));
  const glued = elided.length === 0 ? "" : String.raw`|(?:${elided.map(spellings).join("|")})${word}(?:[ \t]+${word}){0,5}`;
  return String.raw`(?:[ \t]+(?:(?:${spaced.map(spellings).join("|")})${repeat(String.raw`[ \t]+${word}`, 1, 6)}${glued}))`;
}

/** Each of `of`'s lists merged, in spellings (`spellings`), as one alternation; undefined when they are empty. */
function merged(list: (sentence: PasswordSentence) => readonly string[], of: readonly PasswordSentence[]): string | undefined {
  const words = [...new Set(of.flatMap(list))];
  return words.length === 0 ? undefined : `(?:${words.map(spellings).join("|")})`;
}

/**
 * A regex source for the sentences of `of`, each list merged (`merged`), up to the value: the
 * password's word, then
 * - whose it is or not, a linking verb, perhaps a `:` (`Das Passwort für anna lautet: `);
 * - whose it is and `:` (`Passwort für db_admin: `), not for a prompt's words.
 * Blanks end it. It starts at the word, with no check of what stands before it.
 */
function sentenceForms(of: readonly PasswordSentence[]): string {
  const word = merged((sentence) => sentence.words, of)!;
  const phrase = whosePhrase([...new Set(of.flatMap((sentence) => sentence.whose))]);
  const forms = [String.raw`${word}${phrase}?[ \t]+${merged((sentence) => sentence.links, of)!}(?:[ \t]*:)?[ \t]+`];
  const colonWord = merged((sentence) => sentence.words, of.filter((sentence) => sentence.prompt !== true));
  if (colonWord !== undefined) forms.push(String.raw`${colonWord}${phrase}[ \t]?:[ \t]+`);
  return `(?:${forms.join("|")})`;
}

/**
 * A word of a loose search's up to `length` characters: no `:`, `=`, double quote, `,`, `;`, `|`,
 * `!` or `?`, and a `.` only inside it, as a user's name holds one (`hans.meier`, `john.doe`) and
 * a sentence's end does not.
 */
export function looseWord(length: number): string {
  return String.raw`[^\s:=",;|!?]{0,${length - 1}}[^\s:=",;|.!?]`;
}

/**
 * A sentence stating what the password became or what was tried (`statedValueBefore`, each
 * language's own words: `stateForm`, `changeForm`), as a search's lookbehind finds it: the
 * password's word, up to four words, and `:` or a change's preposition, the new value's or the old one's. Loose, as the exact
 * forms in every spelling would more than double the detector's pattern, past the size V8
 * optimizes a regex at (a tenth of the speed); the rewrite reads the exact ones.
 */
function statedSearch(): string {
  const words = String.raw`(?:[ \t]+${looseWord(24)}){0,4}`;
  return String.raw`${merged((sentence) => sentence.words, SENTENCES)!}${words}(?:[ \t]?:|[ \t]+${prepositions()})[ \t]+`;
}

/** Every language's prepositions before a change's new or old value (`to`, `from`), merged. */
function prepositions(): string {
  return merged((sentence) => [...sentence.to, ...sentence.from], SENTENCES)!;
}

/** A change's old value before the new one's preposition (`geändert von Alt-2024 auf …`): no blank, quote, `[`, `,`, `;` or bracket. */
export const OLD_VALUE = String.raw`[^\s"'\[,;()]{1,128}`;

/**
 * One or two describing words and `:` (`hasło tymczasowe: `, `mot de passe temporaire : `), or a
 * word saying the password is wrong or a change's participle, perhaps after describing words or
 * whose it is, perhaps the change's preposition, and `:` (`Passwort falsch: `, `hasło zmienione:
 * `, `Passwort für anna geändert: `, `Hasło zmienione na: `): the value tried or set follows.
 */
function stateForm(of: readonly PasswordSentence[]): string {
  const word = merged((sentence) => sentence.words, of)!;
  const adjectives = merged((sentence) => sentence.after, of);
  const states = merged((sentence) => [...sentence.wrong, ...sentence.changed], of)!;
  const described = adjectives === undefined ? "" : String.raw`(?:[ \t]+${adjectives}){1,2}[ \t]?:[ \t]+|`;
  const to = merged((sentence) => sentence.to, of)!;
  return String.raw`${word}(?:${described}${describedSource(of)}${whoseSource(of)}[ \t]+${states}(?:[ \t]+${to})?[ \t]?:[ \t]+)`;
}

/** Whose the password is (`whosePhrase`: `für anna`, `de jean`, `von anna`), or nothing. */
function whoseSource(of: readonly PasswordSentence[]): string {
  return `${whosePhrase([...new Set(of.flatMap((sentence) => sentence.whose))])}?`;
}

/** One or two of `of`'s describing words after the password's word, or nothing. */
function describedSource(of: readonly PasswordSentence[]): string {
  const adjectives = merged((sentence) => sentence.after, of);
  return adjectives === undefined ? "" : upTo(String.raw`[ \t]+${adjectives}`, 2);
}

/** Up to two of `of`'s auxiliaries after blanks (`wurde`, `a été`, `har blivit`), or nothing. */
function auxiliariesSource(of: readonly PasswordSentence[]): string {
  return upTo(String.raw`[ \t]+${merged((sentence) => sentence.auxiliaries, of)!}`, 2);
}

/**
 * A change: perhaps describing words or whose it is, auxiliaries, perhaps a participle and after
 * it the old value (`geändert von Alt-2024`), and the preposition the new value follows
 * (`Passwort geändert auf `, `hasło zostało zmienione na `, `Ihr Passwort wurde auf `, `Passwort
 * für anna geändert auf `, `mot de passe de jean modifié en `, `Passwort von anna auf `, `mot de
 * passe changé de Ancien1 à `). `reading`: `"either"` both, the participle in a group of its
 * own; `"participle"` only with one, `"bare"` only without.
 */
function changeForm(of: readonly PasswordSentence[], reading: "either" | "participle" | "bare"): string {
  const word = merged((sentence) => sentence.words, of)!;
  const participle = String.raw`[ \t]+${merged((sentence) => sentence.changed, of)!}`;
  const auxiliaries = auxiliariesSource(of);
  // With the participle first: a whose-phrase would otherwise take it as a name's word (`für anna geändert`).
  const whose = whoseSource(of);
  const old = String.raw`(?:[ \t]+${merged((sentence) => sentence.from, of)!}[ \t]+${OLD_VALUE})?`;
  const withParticiple = `${whose}${auxiliaries}(${reading === "either" ? "" : "?:"}${participle})${old}`;
  const readings = { either: `${withParticiple}|${whose}${auxiliaries}`, participle: withParticiple, bare: `${whose}${auxiliaries}` }[reading];
  return String.raw`${word}${describedSource(of)}(?:${readings})[ \t]+${merged((sentence) => sentence.to, of)!}[ \t]+`;
}

/**
 * A change's start up to its participle: perhaps describing words or whose it is, auxiliaries,
 * and a participle (`Passwort für anna geändert`, `mot de passe a été changé`, `hasło zmienione`).
 */
function participleForm(of: readonly PasswordSentence[]): string {
  const word = merged((sentence) => sentence.words, of)!;
  const auxiliaries = auxiliariesSource(of);
  return String.raw`${word}${describedSource(of)}${whoseSource(of)}${auxiliaries}[ \t]+${merged((sentence) => sentence.changed, of)!}`;
}

/**
 * A change's start up to its old value: `participleForm` and the old value's preposition
 * (`Passwort geändert von `, `mot de passe a été changé de `, `hasło zmienione z `); the new
 * value's preposition must follow the value (`confirmedAfter`), as `von` and `de` also say who
 * changed it or whose it is.
 */
function fromForm(of: readonly PasswordSentence[]): string {
  return String.raw`${participleForm(of)}[ \t]+${merged((sentence) => sentence.from, of)!}[ \t]+`;
}

/**
 * A change whose participle comes last, up to its old value: the password's word, perhaps
 * describing words, whose it is and auxiliaries, and the old value's preposition (`Passwort von `,
 * `Passwort wurde von `, `Passwort für anna von `, `wachtwoord van `); the new value and a
 * participle must follow (`… auf Neu456 geändert`), as `von`/`van` alone also say whose it is.
 */
function verbLastForm(of: readonly PasswordSentence[]): string {
  const word = merged((sentence) => sentence.words, of)!;
  const auxiliaries = auxiliariesSource(of);
  return String.raw`${word}${describedSource(of)}${whoseSource(of)}${auxiliaries}${CHANGE_ADVERB}[ \t]+${merged((sentence) => sentence.from, of)!}[ \t]+`;
}

/**
 * An adverb of a change that German, Dutch and the other languages put before a participle last or
 * before the old value's preposition (`… auf Neu456! erfolgreich geändert`, `wurde erfolgreich von
 * … auf …`, `succesvol gewijzigd`), perhaps: one of any language, after blanks.
 */
const CHANGE_ADVERB = String.raw`(?:[ \t]+(?:erfolgreich|soeben|gerade|automatisch|succesvol|zojuist|pomy(?:ś|s)lnie|automatycznie|framg(?:å|a)ngsrikt|automatiskt|correttamente|automaticamente|con[ \t]successo|correctamente|correctement|avec[ \t]succ(?:è|e)s|com[ \t]sucesso))?`;

/** Each language's change up to its old value with its participle last (`verbLastForm`), for a lookbehind: no check of what stands before it. */
export const CHANGE_VERB_LAST_SEARCH = `(?:${SENTENCES.map((sentence) => verbLastForm([sentence])).join("|")})`;
/** Each language's change up to its old value (`fromForm`), for a lookbehind: no check of what stands before it. */
export const CHANGE_FROM_SEARCH = `(?:${SENTENCES.map((sentence) => fromForm([sentence])).join("|")})`;
/** Each language's change up to its participle (`participleForm`), for a lookbehind: no check of what stands before it. */
export const CHANGE_PARTICIPLE_SEARCH = `(?:${SENTENCES.map((sentence) => participleForm([sentence])).join("|")})`;
/** Every language's password words (`SENTENCES`), merged. */
export const PASSWORD_WORD_SEARCH = merged((sentence) => sentence.words, SENTENCES)!;
/** Every language's prepositions before a change's new value after its old one (`to`, `pairTo`: `auf`, `nach`, `à`, `en`), merged. */
export const PAIR_TO_SEARCH = merged((sentence) => [...sentence.to, ...(sentence.pairTo ?? [])], SENTENCES)!;

/**
 * A regex source for a password's sentence up to its value (`SENTENCES`, `sentenceForms`), each
 * language's verbs after its own words only. For a lookbehind: it starts at the word, with no
 * check of what stands before it. A sentence stating the value is `statedValueBefore`'s.
 */
export const PASSWORD_SENTENCE_LINK = `(?:${SENTENCES.map((sentence) => sentenceForms([sentence])).join("|")})`;

/**
 * `PASSWORD_SENTENCE_LINK` with every language's lists merged, and a sentence stating the value
 * (`statedSearch`): one alternative where that has one per language, for a search's lookbehind,
 * which is tried at every position of a text (a language's verb after another's word, `password
 * to`, is matched here and told apart by `PASSWORD_SENTENCE_LINK` and `statedValueBefore`
 * afterwards).
 */
export const PASSWORD_SENTENCE_SEARCH = `(?:${sentenceForms(SENTENCES)}|${statedSearch()})`;

/**
 * Each language's change (`changeForm`) at the end of a text, its participle in a group of its own,
 * searched forward: asked only where a change with a participle and one without both end the text
 * (`CHANGE_WITH_PARTICIPLE_BEFORE`, `CHANGE_WITHOUT_PARTICIPLE_BEFORE`), as which it reads depends on the search's order.
 */
const CHANGE_BEFORE = lazy(() => new RegExp(String.raw`(?<![\w-])(?:${changeForms("either")})$`));
/**
 * Whether each language's change with a participle (`Passwort geändert auf `), or one without
 * (`Passwort wurde auf `), ends a text. These and the forms below read backwards from the end
 * once (`$` first): an alternation this long tried from every position of a text cost ten
 * microseconds a value (`Passwort von a1 auf ` repeated).
 */
const CHANGE_WITH_PARTICIPLE_BEFORE = lazy(() => new RegExp(String.raw`$(?<=(?<![\w-])(?:${changeForms("participle")}))`));
const CHANGE_WITHOUT_PARTICIPLE_BEFORE = lazy(() => new RegExp(String.raw`$(?<=(?<![\w-])(?:${changeForms("bare")}))`));
/** Each language's change up to its old value (`fromForm`) at the end of a text. */
const FROM_BEFORE = lazy(() => new RegExp(String.raw`$(?<=(?<![\w-])${CHANGE_FROM_SEARCH})`));
/** Any language's new value's preposition and a value's start right after an old value, its blanks before it (`… von Alt-2024 auf Neu`). */
const TO_AFTER = lazy(() => new RegExp(String.raw`^[ \t]+${merged((sentence) => sentence.to, SENTENCES)!}[ \t]+[^\s]`));
/** Each language's state and `:` (`stateForm`) at the end of a text. */
const STATE_BEFORE = lazy(() => new RegExp(String.raw`$(?<=(?<![\w-])(?:${SENTENCES.map((sentence) => stateForm([sentence])).join("|")}))`));
/** How a state's sentence ends (`stateForm`): `:` and blanks. */
const STATE_END = /[ \t]?:[ \t]+$/;
/** How a change's sentence ends (`changeForm`): any language's new value's preposition and blanks. */
const CHANGE_END = lazy(() => new RegExp(String.raw`[ \t]${merged((sentence) => sentence.to, SENTENCES)!}[ \t]+$`));
/** How a change up to its old value ends (`fromForm`): the old value's preposition, and blanks. */
const FROM_END = lazy(() => new RegExp(String.raw`[ \t]${merged((sentence) => sentence.from, SENTENCES)!}[ \t]+$`));
/** Any language's participle right after a value, its blanks and perhaps an adverb before it (`Passwort wurde auf … zurückgesetzt`, `… auf … erfolgreich geändert`). */
const PARTICIPLE_AFTER = lazy(() => new RegExp(String.raw`^${CHANGE_ADVERB}[ \t]+${merged((sentence) => sentence.changed, SENTENCES)!}(?![\w-]|[^\x00-\x7F])`));

/**
 * How `before`, the text before a value, ends in a sentence stating what the password became or
 * what was tried (`SENTENCES`' `after`, `wrong`, `changed`, `auxiliaries`, `to`), where prose
 * and fields run on as often as a value follows: `"state"` for a describing word, a wrong
 * state's word or a participle and `:` (`mot de passe temporaire : `, `Passwort falsch: `);
 * `"participle"` for a change with its participle before the preposition (`Passwort geändert
 * auf `, `hasło zostało zmienione na `); `"bare"` for one with none (`Ihr Passwort wurde auf `:
 * the participle must then follow the value, `changedAfter`); `"from"` for a change up to its
 * old value (`Passwort geändert von `: the new value's preposition must follow it); undefined for
 * anything else.
 */
export function statedValueBefore(before: string): "state" | "participle" | "bare" | "from" | undefined {
  // The exact forms are long alternations V8 scans `before` with from every position: each asked
  // only when its end could be its own (a change's preposition after `password: ` repeated made
  // every field's check read back 160 characters through the changes of every language).
  const stateEnd = STATE_END.test(before);
  const changeEnd = CHANGE_END().test(before);
  if (!stateEnd && !changeEnd) return FROM_END().test(before) && FROM_BEFORE().test(before) ? "from" : undefined;
  if (stateEnd && STATE_BEFORE().test(before)) return "state";
  if (!changeEnd) return undefined;
  const participle = CHANGE_WITH_PARTICIPLE_BEFORE().test(before);
  const bare = CHANGE_WITHOUT_PARTICIPLE_BEFORE().test(before);
  if (participle !== bare) return participle ? "participle" : "bare";
  if (!participle) return undefined;
  // Both readings end the text: the forward search's first match says which (`CHANGE_BEFORE`).
  return CHANGE_BEFORE().exec(before)!.slice(1).some((group) => group !== undefined) ? "participle" : "bare";
}

/** Each language's change (`changeForm`) in `reading`, as one alternation. */
function changeForms(reading: "either" | "participle" | "bare"): string {
  return SENTENCES.map((sentence) => changeForm([sentence], reading)).join("|");
}


/** Whether a change's participle follows `text` at `end` after blanks (`… auf Winter2027# zurückgesetzt`). */
export function changedAfter(text: string, end: number): boolean {
  return PARTICIPLE_AFTER().test(text.slice(end, end + 60));
}

/**
 * Whether what follows a value ending at `end` in `text` confirms the sentence `stated` before it
 * (`statedValueBefore`) stated it: a participle after a change with none before
 * (`changedAfter`), the new value's preposition and a value after an old one (`… von Alt-2024
 * auf Neu-2025`); anything after the other sentences.
 */
export function confirmedAfter(stated: "state" | "participle" | "bare" | "from", text: string, end: number): boolean {
  if (stated === "bare") return changedAfter(text, end);
  return stated !== "from" || TO_AFTER().test(text.slice(end, end + 40));
}

/**
 * The words naming a password's default, lower case, in the languages of `SENTENCES`: a change
 * to them (`Passwort auf Standard zurückgesetzt`, `mot de passe réinitialisé en « défaut »`)
 * sets no password the text holds.
 */
const DEFAULT_WORDS: ReadonlySet<string> = new Set([
  "default", "standard", "werkseinstellung", "werkseinstellungen", "standardwert", "défaut", "defaut", "domyślne", "domyslne",
  "standardvärde", "standaard", "predeterminada", "predeterminado", "padrão", "padrao", "predefinita", "predefinito",
]);

/** Whether `value`, whole but for a sentence's final mark, names a password's default (`DEFAULT_WORDS`), in any case. */
export function isDefaultWord(value: string): boolean {
  return DEFAULT_WORDS.has(value.replace(/[.!]$/, "").toLowerCase());
}
/**
 * What a sentence says a password is made or kept with, as the last part of a hyphenated word
 * (`AES-256-krypterat`, `bcrypt-hashat`, `2FA-chronione`, `SHA-256-gehasht`), or how long, how
 * long valid, with what compatible or in what state it is (`12-stellig`, `90-Tage-gültig`,
 * `SHA256-kompatibel`, `v2-gesperrt`), lower case, in the languages of `SENTENCES`: a
 * description, no password.
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
  "stellig", "gültig", "gueltig", "kompatibel", "gesperrt", "compatible", "compliant", "locked",
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
