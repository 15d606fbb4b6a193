/**
 * The words of a database's error around the values it quotes, shared by the detector
 * (`detectors/database-error-values.ts`) and its gate, `MoreEvidence.DATABASE_ERROR`
 * (`DATABASE_ERROR_HINT`), apart from the detector so that `evidence.ts` need not import it.
 *
 * MySQL's (and MariaDB's) ER_DUP_ENTRY, `Duplicate entry '%s' for key '%s'`, in the languages of
 * its `errmsg-utf8.txt` written in Latin letters: English (as sent, in any case), German
 * `Doppelter Eintrag '%s' für Schlüssel '%s'`, Spanish `Entrada duplicada '%s' para la clave '%s'`,
 * Portuguese `Entrada '%s' duplicada para a chave '%s'`, French `Duplicata du champ '%s' pour la
 * clef '%s'`, Italian `Valore duplicato '%s' per la chiave '%s'`, Dutch `Dubbele ingang '%s' voor
 * zoeksleutel '%s'`, Swedish `Dublett '%s' för nyckel '%s'`, Polish `Powtórzone wystąpienie '%s'
 * dla klucza '%s'`, Danish `Ens værdier '%s' for indeks %d`, Norwegian `Like verdier '%s' for nøkkel
 * %d`, Nynorsk `Like verdiar '%s' for nykkel %d`, Czech `Zdvojený klíč '%s' (číslo klíče %d)`, Slovak
 * `Opakovaný kľúč '%s' (číslo kľúča %d)`, Estonian `Kattuv väärtus '%s' võtmele %d`, Hungarian
 * `Duplikalt bejegyzes '%s' a %d kulcs szerint`, Romanian `Cimpul '%s' e duplicat pentru cheia %d`,
 * Serbian `Dupliran unos '%s' za ključ '%d'`, Swahili `Ingizo rudufu '%s' kwa ufunguo %d` (the key
 * a number or a name, as each server prints it). Not read: the Russian, Ukrainian, Greek,
 * Georgian, Hindi, Chinese, Japanese and Korean ones, whose heads no ASCII word keys
 * (`word-keys.ts`: their gate would run on every text; Hindi's `सामान प्रवेश '%s' KEY %d के लिए`
 * has its ASCII `KEY` after the entry, and a gate keyed on `key` runs on most texts).
 */

/** `words` in any case, each letter a class of its two cases (`for key`: `[Ff][Oo][Rr] [Kk][Ee][Yy]`), as senders write English's and headers' names. */
export function anyCase(words: string): string {
  return words.replace(/[a-z]/g, (letter) => `[${letter.toUpperCase()}${letter}]`);
}

/** The words before an entry's opening quote (each followed by a blank). */
export const ENTRY_HEAD = `${anyCase("duplicate entry")}|Doppelter Eintrag|Entrada duplicada|Entrada|Duplicata du champ|Valore duplicato|Dubbele ingang|Dublett|Powtórzone wystąpienie|Ens værdier|Like verdier|Like verdiar|Zdvojený klíč|Opakovaný kľúč|Kattuv väärtus|Duplikalt bejegyzes|Cimpul|Dupliran unos|Ingizo rudufu`;
/** The words between an entry's closing quote and its key (a blank either side). */
export const ENTRY_KEY = `${anyCase("for key")}|für Schlüssel|para la clave|duplicada para a chave|pour la clef|per la chiave|voor zoeksleutel|för nyckel|dla klucza|for indeks|for nøkkel|for nykkel|\\(číslo klíče|\\(číslo kľúča|võtmele|a|e duplicat pentru cheia|za ključ|kwa ufunguo`;
/**
 * An entry's quote as senders carry it: `'`, or `"` (some drivers), each perhaps after a run of up
 * to fifteen backslashes, escapes as nesting doubles them (a sender's `\'`; `\\'`, `\"` in a JSON
 * string; `\\\\'`, `\\\"` in JSON inside JSON; eight a level deeper), or doubled in an SQL
 * string (`'Duplicate entry ''Jane-Doe'' for key ''first_last'''`) or a CSV field (`"Duplicate
 * entry ""Jane-Doe"" for key ""first_last"""`) quoting the whole message.
 */
export const ENTRY_QUOTE = String.raw`''|""|\\{0,15}['"]`;
/** A key's quote: an entry's, or a backtick (a driver quoting the key as an identifier, `` for key `name_dob` ``). */
export const KEY_QUOTE = String.raw`${ENTRY_QUOTE}|\x60`;

/** Where a database's error quotes a value: PostgreSQL's key, SQL Server's key value, MySQL's entry, PostgreSQL's failing row. */
export const DATABASE_ERROR_HINT = new RegExp(String.raw`Key \(|[Dd]uplicate key value is \(|(?:${ENTRY_HEAD}) (?:${ENTRY_QUOTE})|Failing row contains \(`);
