import { lazy } from "../../../shared/lazy";
import { CHANGE_FROM_SEARCH, CHANGE_PARTICIPLE_SEARCH, PAIR_TO_SEARCH, PASSWORD_WORD_SEARCH, spellings, whosePhrase } from "./password-sentences";

/**
 * A password's change that states both values, the old one and the new one, each a secret:
 * - English, the password's word first, perhaps whose it is and an auxiliary, a participle and
 *   `from` (`password changed from OldPw1 to NewPw2`, `password for bob was changed from …`),
 *   or a verb first, perhaps one or two determiners or nouns, and the word (`changed password
 *   from …`, `user bob changed his password from …`);
 * - each language's change up to its old value (password-sentences.ts: `Passwort für anna
 *   geändert von …`, `mot de passe a été changé de …`);
 * then the old value, a new value's preposition (`to`, each language's, German `nach` and `zu`
 * too) or an arrow (`->`, `=>`, `→`), and the new value. An arrow may also follow either
 * start's participle without `from`, perhaps after `:` or in brackets (`password changed: OldPw1
 * -> NewPw2`, `Passwort geändert (Alt1 → Neu2)`), or a password's word and `:` (`password: OldPw1
 * => NewPw2`). A value is unquoted (no blank, quote, `[`, `,`, `;` or bracket) or in quotes
 * (`'…'`, `"…"`, `« … »`, `„…“`). Whether each value is a password is its shape's to say
 * (detectors/password-change.ts): prose after `from` and `to`
 * (`from the admin console to the user portal`) is none. A word between the password's word and
 * the participle other than whose it is (`password policy changed from …`, `password length
 * changed from 8 to 12`) makes it another thing's change.
 */

/** English's password words. */
const WORD = `(?:${["password", "passphrase"].map(spellings).join("|")})`;
/** English's participles of a change, which follow the word (`password was reset from …`). */
const PARTICIPLES = ["changed", "reset", "updated", "modified", "rotated", "set"];
/** English's verbs of a change in every form, which come before the word (`changes password from …`). */
const VERBS = [...PARTICIPLES, "change", "changes", "changing", "resets", "resetting", "update", "updates", "updating", "modify", "modifies", "rotate", "rotates", "sets", "setting"];
/** The auxiliaries before a participle (`was`, `has been`). */
const AUXILIARIES = ["was", "is", "got", "has been", "had been", "have been"];
/** The determiners and nouns between a verb and the word (`his`, `the admin`, `user's`). */
const DETERMINERS = ["the", "a", "his", "her", "their", "its", "my", "your", "our", "new", "old", "own", "user's", "user’s", "admin", "root", "account", "account's"];

const alternation = (words: readonly string[]) => `(?:${words.map(spellings).join("|")})`;

/** Whose the password is (`for bob`, `for user bob`, `of the admin account`), or nothing. */
const WHOSE = `${whosePhrase(["for", "of"])}?`;
/**
 * English's change up to its participle and whose the password is, the word first or the verb
 * first (`password for bob was changed`, `password changed for user bob`, `changed his password`,
 * `changed password for bob`).
 */
const ENGLISH_CHANGE = String.raw`(?:${WORD}${WHOSE}(?:[ \t]+${alternation(AUXILIARIES)})?[ \t]+${alternation(PARTICIPLES)}|${alternation(VERBS)}(?:[ \t]+${alternation(DETERMINERS)}){0,2}[ \t]+${WORD})${WHOSE}`;
/** A change up to its old value after a preposition: English's and `from`, or a language's (`CHANGE_FROM_SEARCH`). */
const FROM_START = String.raw`(?:${ENGLISH_CHANGE}[ \t]+${spellings("from")}[ \t]+|${CHANGE_FROM_SEARCH})`;
/**
 * A change up to its old value before an arrow: English's or a language's participle and perhaps
 * `:`, or any language's password word and `:` (`password: OldPw1 => NewPw2`, `Passwort: …`), and
 * perhaps an opening bracket.
 */
const ARROW_START = String.raw`(?:(?:${ENGLISH_CHANGE}|${CHANGE_PARTICIPLE_SEARCH})(?:[ \t]?:)?|${PASSWORD_WORD_SEARCH}[ \t]?:)[ \t]+\(?`;
/** An arrow between the old value and the new one. */
const ARROW = String.raw`[ \t]*(?:-{1,2}>|={1,2}>|[→⇒⟶])[ \t]*`;
/** What stands between the old value and the new one after `FROM_START`: a new value's preposition, or an arrow. */
const FROM_LINK = String.raw`(?:[ \t]+(?:${spellings("to")}|${PAIR_TO_SEARCH})[ \t]+|${ARROW})`;
/**
 * A value of a pair, unquoted or quoted (ASCII quotes, escaped ones in JSON text held in a string,
 * or typographic quotes; one word). An escaped quote's backslash opens no unquoted value.
 */
const VALUE = String.raw`(?:(?!\\")[^\s"'\[,;()]{1,128}|"[^"\s]{1,128}"|\\"[^"\s\\]{1,128}\\"|'[^'\s]{1,128}'|[«‹„‚“”»›][ \u00A0\u202F]?[^\s«»‹›„‚“”‘’]{1,128}[ \u00A0\u202F]?[»›“”‘’«‹])`;

/**
 * The searches' loose forms (the exact ones, each language's, would take the detector's pattern
 * past the size V8 optimizes a regex at; `changedPair` reads them): before an old value, any
 * language's password word and up to seven words, perhaps `:`, and perhaps an opening bracket;
 * after it, `LINK_SEARCH`; before a new value, both and the old value. For lookbehinds and
 * lookaheads: no check of what stands around them.
 */
export const CHANGE_OLD_SEARCH = String.raw`${PASSWORD_WORD_SEARCH}(?:[ \t]+[^\s:=",;|.!?]{1,40}){0,7}(?:[ \t]?:)?[ \t]+\(?`;
export const CHANGE_LINK_SEARCH = FROM_LINK;
export const CHANGE_NEW_SEARCH = String.raw`${CHANGE_OLD_SEARCH}${VALUE}${FROM_LINK}`;

/**
 * A new value's start, the old value captured, at the end of a text; and an old value's start,
 * after a preposition or before an arrow. Each reads backwards from the end once (`$` first), as
 * its alternation tried from every position of the text was a tenth of a millisecond a value.
 */
const NEW_BEFORE = lazy(() => new RegExp(String.raw`$(?<=(?<![\w-])(?:${FROM_START}(${VALUE})${FROM_LINK}|${ARROW_START}(${VALUE})${ARROW}))`));
const OLD_FROM_BEFORE = lazy(() => new RegExp(String.raw`$(?<=(?<![\w-])${FROM_START})`));
const OLD_ARROW_BEFORE = lazy(() => new RegExp(String.raw`$(?<=(?<![\w-])${ARROW_START})`));
/** The link and the new value after an old value, the new value captured. */
const NEW_AFTER_FROM = new RegExp(String.raw`^${FROM_LINK}(${VALUE})`);
const NEW_AFTER_ARROW = new RegExp(String.raw`^${ARROW}(${VALUE})`);
/** How far before and after a value its pair's words and other value are read. */
const REACH = 200;
/** Quotes around a value, ASCII or typographic, with their spaces. */
const QUOTES = /^\\?["'«‹„‚“”»›][ \u00A0\u202F]?|[ \u00A0\u202F]?\\?["'»›“”‘’«‹]$/g;

/**
 * The pair of values, old and new, unquoted, of a password's change stating both (`password
 * changed from OldPw1 to NewPw2`), where one of them stands from `start` to `end` in `text`; or
 * undefined when that value is none of such a pair.
 */
export function changedPair(text: string, start: number, end: number): readonly [string, string] | undefined {
  const value = unquoted(text.slice(start, end));
  const before = text.slice(Math.max(0, start - REACH), start);
  const old = NEW_BEFORE().exec(before);
  if (old !== null) return [unquoted(old[1] ?? old[2]!), value];
  const after = text.slice(end, end + REACH);
  const from = NEW_AFTER_FROM.exec(after);
  if (from === null) return undefined;
  const arrow = NEW_AFTER_ARROW.exec(after);
  const next = OLD_FROM_BEFORE().test(before) ? from : arrow !== null && OLD_ARROW_BEFORE().test(before) ? arrow : null;
  return next === null ? undefined : [value, unquoted(next[1]!)];
}

function unquoted(value: string): string {
  return value.replace(QUOTES, "");
}
