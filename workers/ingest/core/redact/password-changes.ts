import { lazy } from "../../../shared/lazy";
import { CHANGE_FROM_SEARCH, CHANGE_PARTICIPLE_SEARCH, CHANGE_VERB_LAST_SEARCH, changedAfter, looseWord, PAIR_TO_SEARCH, PASSWORD_WORD_SEARCH, spellings, whosePhrase } from "./password-sentences";

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
 * changed from 8 to 12`) makes it another thing's change. An English change naming whose the
 * password is also states a new value alone (`OWNED_CHANGE`: `set password for alice to …`).
 */

/** A password's short words (`pwd changed from …`, `changed passwd from …`, `pw changed from …`), which only a change's words before or after make one. */
const SHORT_WORD = `(?:${["passwd", "pwd", "pass", "pw"].map(spellings).join("|")})`;
/**
 * An action's word before a password's in a key's name (`forgotPassword`, `reset_password`,
 * `onChangePassword`, `require_password`, `showPassword`): the name is a page's, a handler's or a
 * flag's, not a stored password's.
 */
const KEY_ACTION_NAMES = ["forgot", "forget", "reset", "change", "update", "require", "enable", "disable", "confirm", "show", "hide", "toggle", "validate", "verify", "check", "handle", "recover", "request", "send", "expire", "set"];
const KEY_ACTION = `(?:${KEY_ACTION_NAMES.map(spellings).join("|")})`;
/**
 * `KEY_ACTION` as a word of a key's name: capitalised (`onResetPassword`), or in lower case or
 * capitals at the name's start or after `_` (`reset_password`, `RESET_PASSWORD`); inside a longer
 * word it is none (`exchange_password`, `msExchangePassword`, `dataset_password`).
 */
const KEY_ACTION_WORD = String.raw`(?:(?<![A-Za-z0-9])${KEY_ACTION}|(?:${KEY_ACTION_NAMES.map((name) => name.charAt(0).toUpperCase() + name.slice(1)).join("|")}))`;
/**
 * A key's name for a password (`db_password`, `DB_PASSWORD`, `dbPassword`, Terraform's plan's
 * `administrator_login_password`): snake case ending in `_password` or camel case in `Password`,
 * up to 69 characters, no action's word (`KEY_ACTION_WORD`) right before the password's. Or
 * ending in the short `_pass`, `_PASS` or `Pass` (`smtp_pass`, `RABBITMQ_DEFAULT_PASS`,
 * `dbPass`), which names a processing pass as often (`render_pass`, `first_pass`), so both
 * values must be strongly shaped, as after the word `pass` (detectors/password-change.ts).
 */
const KEY_WORD = String.raw`[A-Za-z0-9_]{0,60}(?:_(?<!${KEY_ACTION_WORD}_)(?:password|PASSWORD|Password|(?:pass|PASS|Pass)(?![A-Za-z0-9]))|[a-z0-9](?<!${KEY_ACTION_WORD})Pass(?:word|(?![A-Za-z0-9])))`;
/** English's password words, the short ones and a key's name too. */
const WORD = `(?:${["password", "passphrase"].map(spellings).join("|")}|${SHORT_WORD}|${KEY_WORD})`;
/** English's participles of a change, which follow the word (`password was reset from …`). */
const PARTICIPLES = ["changed", "reset", "updated", "modified", "rotated", "set"];
/** English's verbs of a change in every form, which come before the word (`changes password from …`). */
const VERBS = [...PARTICIPLES, "change", "changes", "changing", "resets", "resetting", "update", "updates", "updating", "modify", "modifies", "rotate", "rotates", "sets", "setting"];
/** The adverbs before or after a participle (`was successfully changed`, `changed successfully from`). */
const ADVERBS = ["successfully", "just", "already", "automatically", "manually", "recently", "finally"];
/** The auxiliaries before a participle (`was`, `has been`). */
const AUXILIARIES = ["was", "is", "got", "has been", "had been", "have been"];
/** The determiners and nouns between a verb and the word (`his`, `the admin`, `user's`). */
const DETERMINERS = ["the", "a", "his", "her", "their", "its", "my", "your", "our", "new", "old", "own", "user's", "user’s", "admin", "root", "account", "account's"];

const alternation = (words: readonly string[]) => `(?:${words.map(spellings).join("|")})`;

/** Whose the password is (`for bob`, `for user bob`, `of the admin account`); `WHOSE` that or nothing. */
const OWNER = whosePhrase(["for", "of"]);
const WHOSE = `${OWNER}?`;
/** An adverb of a participle, or nothing. */
const ADVERB = String.raw`(?:[ \t]+${alternation(ADVERBS)})?`;
/** The word first (`word`), then `whose`, perhaps an auxiliary, and a participle (`password for bob was successfully changed`). */
const wordFirst = (word: string, whose: string) => String.raw`${word}${whose}(?:[ \t]+${alternation(AUXILIARIES)})?${ADVERB}[ \t]+${alternation(PARTICIPLES)}${ADVERB}`;
/** A verb first, perhaps one or two determiners or nouns, and the word (`word`: `changed his password`). */
const verbFirst = (word: string) => String.raw`${alternation(VERBS)}(?:[ \t]+${alternation(DETERMINERS)}){0,2}[ \t]+${word}`;
/** English's full password words, which a change naming whose the password is holds (`OWNED_CHANGE`): the short ones name a pass or a directory as often. */
const FULL_WORD = alternation(["password", "passphrase"]);
/** Whose the password is, before its word: a user's name and `'s` (`bob's`, `hans.meier’s`, `BOB'S`). */
const POSSESSIVE = String.raw`[A-Za-z0-9._-]{1,40}['’][sS]`;
/** A noun naming what the possessive's name is (`user alice's password`), or nothing. */
const OWNER_NOUN = String.raw`(?:[ \t]+${alternation(["user", "account", "member", "customer", "employee", "client", "service account"])})?`;
/** The words between a possessive and the password's word: a determiner or what kind of password (`bob's temporary password`), or nothing. */
const KIND_OF_PASSWORD = String.raw`(?:[ \t]+${alternation([...DETERMINERS, "temporary", "initial", "current", "default", "login", "one-time"])})?`;
/** A verb, whose the password is in the possessive, and the password's full word (`changed bob's password`, `changed user alice's temporary password`). */
const possessiveFirst = (word: string) => String.raw`${alternation(VERBS)}(?:[ \t]+${alternation(DETERMINERS)})?${OWNER_NOUN}[ \t]+${POSSESSIVE}${KIND_OF_PASSWORD}[ \t]+${word}`;
/**
 * Whose the password is after `for` or `of`: a whose-phrase (`OWNER`), or a name in double quotes,
 * escaped ones in JSON text held in a string too (`for "alice"`), or a key and its value (`for
 * uid=1001`, `for user:alice`).
 */
const OWNED_BY = String.raw`(?:${OWNER}|[ \t]+${alternation(["for", "of"])}[ \t]+(?:\\?"[^"\s\\]{1,40}\\?"|[A-Za-z]{1,10}[=:][A-Za-z0-9._@-]{1,40}))`;
/** Who made the change (`by admin`), or nothing. */
const CHANGED_BY = String.raw`(?:[ \t]+${spellings("by")}[ \t]+[A-Za-z0-9._-]{1,40})?`;
/**
 * English's change up to its participle and whose the password is, the word first or the verb
 * first (`password for bob was changed`, `password was successfully changed`, `password changed
 * for user bob`, `changed his password`, `changed password for bob`), or a verb and whose it is in the
 * possessive (`changed bob's password`).
 */
const ENGLISH_CHANGE = String.raw`(?:${wordFirst(WORD, WHOSE)}|${verbFirst(WORD)}|${possessiveFirst(FULL_WORD)})${WHOSE}`;
/** A change up to its old value after a preposition: English's and `from`, or a language's (`CHANGE_FROM_SEARCH`). */
const FROM_START = String.raw`(?:${ENGLISH_CHANGE}[ \t]+${spellings("from")}[ \t]+|${CHANGE_FROM_SEARCH})`;
/**
 * A change up to its old value before an arrow: English's or a language's participle and perhaps
 * `:`, English's word and the noun `change` before `:` (`Password change: OldPw1 -> NewPw2`), or
 * any language's password word and `:` or `=` (`password: OldPw1 => NewPw2`, `Passwort:
 * …`, Terraform's plan `password = "OldPw1" -> "NewPw2"`, `db_password = …` too), and perhaps an opening bracket.
 */
const ARROW_START = String.raw`(?:(?:${ENGLISH_CHANGE}|${CHANGE_PARTICIPLE_SEARCH})(?:[ \t]?:)?[ \t]+|${WORD}[ \t]+${spellings("change")}[ \t]?:[ \t]+|${PASSWORD_WORD_SEARCH}(?:[ \t]?:[ \t]+|[ \t]*=[ \t]*)|${KEY_WORD}[ \t]*=[ \t]*)\(?`;
/**
 * The old value's label and the new value's after a change's start (`ARROW_START`: `password
 * changed old=OldPw1 new=NewPw2`, `password changed: old="OldPw1", new="NewPw2"`, German
 * `Passwort geändert: alt=… neu=…`), each with `=` or `:`; between them blanks or a `,`, `;`,
 * `|` or `&` (`LABEL_SEPARATOR`). The new value's label may come first too (`password changed
 * new=NewPw2 old=OldPw1`: `NEW_FIRST_LABEL`, then `OLD_LABEL_AFTER`), or alone (`password changed
 * new=NewPw2`).
 */
const OLD_LABEL = String.raw`(?:${alternation(["old", "previous", "current", "alt"])})[ \t]?[:=][ \t]*`;
const NEW_FIRST_LABEL = String.raw`${alternation(["new", "neu"])}[ \t]?[:=][ \t]*`;
const LABEL_SEPARATOR = String.raw`(?:[ \t]*[,;|&][ \t]*|[ \t]+)`;
const NEW_LABEL = `${LABEL_SEPARATOR}${NEW_FIRST_LABEL}`;
const OLD_LABEL_AFTER = `${LABEL_SEPARATOR}${OLD_LABEL}`;
/**
 * A labelled pair's start: `ARROW_START`, or a change's participle and a `,`, `|`, `&` or a
 * spaced `-` before the labels (`password changed, old=… new=…`, `password changed - old=…`).
 */
const LABELLED_START = String.raw`(?:${ARROW_START}|(?:${ENGLISH_CHANGE}|${CHANGE_PARTICIPLE_SEARCH})(?:[ \t]*[,|&]|[ \t]+-)[ \t]*)`;
/** An arrow between the old value and the new one. */
const ARROW = String.raw`[ \t]*(?:-{1,2}>|={1,2}>|[→⇒⟶])[ \t]*`;
/** What stands between the old value and the new one after `FROM_START`: a new value's preposition, or an arrow. */
const FROM_LINK = String.raw`(?:[ \t]+(?:${spellings("to")}|${PAIR_TO_SEARCH})[ \t]+|${ARROW})`;
/**
 * A value of a pair, unquoted or quoted (ASCII quotes, escaped ones in JSON text held in a string,
 * or typographic quotes; one word). An escaped quote's backslash opens no unquoted value, and an
 * arrow ends one: a chain of them is code's (`$this->a->b->password`), a change has one arrow.
 */
const VALUE = String.raw`(?:(?!\\")(?:(?![-=]>)[^\s"'\[,;()]){1,128}|"[^"\s]{1,128}"|\\"[^"\s\\]{1,128}\\"|'[^'\s]{1,128}'|[«‹„‚“”»›][ \u00A0\u202F]?[^\s«»‹›„‚“”‘’]{1,128}[ \u00A0\u202F]?[»›“”‘’«‹])`;

/**
 * The searches' loose forms (the exact ones, each language's, would take the detector's pattern
 * past the size V8 optimizes a regex at; `changedPair` reads them): before an old value, any
 * language's password word and up to seven words, perhaps `:`, and perhaps an opening bracket;
 * after it, `LINK_SEARCH`; before a new value, both and the old value. For lookbehinds and
 * lookaheads: no check of what stands around them.
 */
export const CHANGE_OLD_SEARCH = String.raw`(?:${PASSWORD_WORD_SEARCH}|${SHORT_WORD}|${KEY_WORD})(?:[ 	]+${looseWord(40)}){0,7}(?:(?:[ 	]?:)?[ 	]+|[ 	]*=[ 	]*)\(?`;
export const CHANGE_LINK_SEARCH = FROM_LINK;
export const CHANGE_NEW_SEARCH = String.raw`${CHANGE_OLD_SEARCH}${VALUE}${FROM_LINK}`;
/**
 * English's change naming whose the password is, up to its new value after `to`: the word first,
 * whose it is before or after the participle (`password for alice changed to `, `password was
 * reset for bob to `); a verb first, whose it is after the word (`set password for alice to `,
 * `reset the password of user bob to `); or a verb, whose it is in the possessive, and the word
 * (`changed bob's password to `). Without an owner the change is password-phrase.ts's
 * (`password changed to …`, `changed password to …`).
 */
const OWNED_CHANGE = String.raw`(?:${wordFirst(FULL_WORD, OWNED_BY)}|(?:${wordFirst(FULL_WORD, "")}|${verbFirst(FULL_WORD)})${OWNED_BY}|${possessiveFirst(FULL_WORD)})${CHANGED_BY}[ \t]+${spellings("to")}[ \t]+`;
/** `OWNED_CHANGE`'s loose form before a new value: a full password word, up to seven words (a quoted or keyed owner's too), and `to`. */
export const OWNED_NEW_SEARCH = String.raw`${FULL_WORD}(?:[ \t]+(?:${looseWord(40)}|\\?"[^"\s\\]{1,40}\\?"|[A-Za-z]{1,10}[=:][A-Za-z0-9._@-]{1,40})){0,7}[ \t]+${spellings("to")}[ \t]+`;
/** Either value's label (`old=`, `new: `), for a lookbehind: `changedPair` reads the change's start before it. */
export const CHANGE_LABEL_SEARCH = String.raw`${alternation(["old", "previous", "current", "new", "alt", "neu"])}[ \t]?[:=][ \t]*`;
/** A value's end right before a `|` or `&` and the other value's label with no blank (`old=OldPw1|new=NewPw2`), for a lookahead. */
export const GLUED_LABEL_SEARCH = String.raw`[|&][ \t]*${CHANGE_LABEL_SEARCH}`;
/** The old value's end right before an arrow with no blank (`OldPw1->NewPw2`), for a lookahead. */
export const GLUED_ARROW_SEARCH = String.raw`(?:-{1,2}>|={1,2}>|[→⇒⟶])`;

/**
 * A new value's start, the old value captured, at the end of a text; and an old value's start,
 * after a preposition or before an arrow. Each reads backwards from the end once (`$` first), as
 * its alternation tried from every position of the text was a tenth of a millisecond a value.
 */
const NEW_BEFORE = lazy(() => new RegExp(String.raw`$(?<=(?<![\w-])(?:${FROM_START}(${VALUE})${FROM_LINK}|${ARROW_START}(${VALUE})${ARROW}))`));
const OLD_FROM_BEFORE = lazy(() => new RegExp(String.raw`$(?<=(?<![\w-])${FROM_START})`));
const OLD_ARROW_BEFORE = lazy(() => new RegExp(String.raw`$(?<=(?<![\w-])${ARROW_START})`));
/** The same for a change naming whose the password is (`OWNED_CHANGE`), its one value new. */
const OWNED_NEW_BEFORE = lazy(() => new RegExp(String.raw`$(?<=(?<![\w-])${OWNED_CHANGE})`));
/** The same for labelled values (`OLD_LABEL`, `NEW_LABEL`) after a change's start. */
const LABELLED_NEW_BEFORE = lazy(() => new RegExp(String.raw`$(?<=(?<![\w-])${LABELLED_START}${OLD_LABEL}(${VALUE})${NEW_LABEL})`));
const LABELLED_OLD_BEFORE = lazy(() => new RegExp(String.raw`$(?<=(?<![\w-])${LABELLED_START}${OLD_LABEL})`));
/** The same for a change whose participle comes last (`CHANGE_VERB_LAST_SEARCH`: `Passwort von Alt1 auf Neu2 geändert`), which `changedAfter` confirms after the new value. */
const VERB_LAST_NEW_BEFORE = lazy(() => new RegExp(String.raw`$(?<=(?<![\w-])${CHANGE_VERB_LAST_SEARCH}(${VALUE})${FROM_LINK})`));
const VERB_LAST_OLD_BEFORE = lazy(() => new RegExp(String.raw`$(?<=(?<![\w-])${CHANGE_VERB_LAST_SEARCH})`));
/** The same for a pair whose new value comes first: the new value's start, and the old value's with the new value captured. */
const NEW_FIRST_BEFORE = lazy(() => new RegExp(String.raw`$(?<=(?<![\w-])${LABELLED_START}${NEW_FIRST_LABEL})`));
const NEW_FIRST_OLD_BEFORE = lazy(() => new RegExp(String.raw`$(?<=(?<![\w-])${LABELLED_START}${NEW_FIRST_LABEL}(${VALUE})${OLD_LABEL_AFTER})`));
/** An old value's label (`OLD_LABEL_AFTER`) and the value after a new value's end, the old value captured. */
const OLD_AFTER_LABEL = new RegExp(String.raw`^${OLD_LABEL_AFTER}(${VALUE})`);
/** A new value's label (`NEW_LABEL`) and the value after an old value's end, the new value captured. */
const NEW_AFTER_LABEL = new RegExp(String.raw`^${NEW_LABEL}(${VALUE})`);
/** The link and the new value after an old value, the new value captured. */
const NEW_AFTER_FROM = new RegExp(String.raw`^${FROM_LINK}(${VALUE})`);
const NEW_AFTER_ARROW = new RegExp(String.raw`^${ARROW}(${VALUE})`);
/** A new value's label at the end of a text (`new=`), in any case: `LABELLED_NEW_BEFORE`'s and `NEW_FIRST_BEFORE`'s cheap end; and an old value's, `NEW_FIRST_OLD_BEFORE`'s. */
const NEW_LABEL_END = /(?<![\w-])ne[wu][ \t]?[:=][ \t]*$/i;
const OLD_LABEL_END = /(?<![\w-])(?:old|previous|current|alt)[ \t]?[:=][ \t]*$/i;
/** How far before and after a value its pair's words and other value are read. */
const REACH = 200;
/** Quotes around a value, ASCII or typographic, with their spaces. */
const QUOTES = /^\\?["'«‹„‚“”»›][ \u00A0\u202F]?|[ \u00A0\u202F]?\\?["'»›“”‘’«‹]$/g;

/**
 * The pair of values, old and new, unquoted, of a password's change stating both (`password
 * changed from OldPw1 to NewPw2`), where one of them stands from `start` to `end` in `text`; or
 * undefined when that value is none of such a pair. A new value labelled alone (`password changed
 * new=NewPw2`) is its own pair: what would keep a pair (a series' member, a standard's name)
 * keeps it.
 */
export function changedPair(text: string, start: number, end: number): readonly [string, string] | undefined {
  const value = unquoted(text.slice(start, end));
  const before = text.slice(Math.max(0, start - REACH), start);
  const old = oldValueBefore(text, end, before);
  if (old !== undefined) return [old, value];
  const next = newValueAfter(text, end, before, value);
  return next === undefined ? newFirstPair(text, end, before, value) : [value, next];
}

/**
 * The pair, unquoted, of a change labelled new value first (`password changed new=NewPw2
 * old=OldPw1`) or the new value alone (`password changed new=NewPw2`: itself twice), `value` one
 * of them ending at `end` in `text`, `before` the text up to its start; or undefined. Each form is
 * asked only after its cheap end (the label right before the value).
 */
function newFirstPair(text: string, end: number, before: string, value: string): readonly [string, string] | undefined {
  const next = OLD_LABEL_END.test(before) ? NEW_FIRST_OLD_BEFORE().exec(before) : null;
  if (next !== null) return [value, unquoted(next[1]!)];
  if (!NEW_LABEL_END.test(before) || !NEW_FIRST_BEFORE().test(before)) return undefined;
  const old = OLD_AFTER_LABEL.exec(text.slice(end, end + REACH));
  return old === null ? [value, value] : [unquoted(old[1]!), value];
}

/**
 * Whether a value starting at `start` in `text` is the new one of a change naming whose the
 * password is and no old value (`OWNED_CHANGE`: `set password for alice to …`, `admin changed
 * bob's password to …`).
 */
export function isOwnedNewValue(text: string, start: number): boolean {
  return OWNED_NEW_BEFORE().test(text.slice(Math.max(0, start - REACH), start));
}

/**
 * The old value, unquoted, of the pair whose new value ends at `end` in `text`, `before` the text
 * up to its start; or undefined. A label's and a last participle's forms are asked only after
 * their cheap ends (a new value's label; the participle after the value).
 */
function oldValueBefore(text: string, end: number, before: string): string | undefined {
  const old = NEW_BEFORE().exec(before) ?? (NEW_LABEL_END.test(before) ? LABELLED_NEW_BEFORE().exec(before) : null);
  if (old !== null) return unquoted(old[1] ?? old[2]!);
  const last = changedAfter(text, end) ? VERB_LAST_NEW_BEFORE().exec(before) : null;
  return last === null || isOwnerAfterVon(before.slice(0, before.lastIndexOf(last[1]!)), unquoted(last[1]!)) ? undefined : unquoted(last[1]!);
}

/** The new value, unquoted, of the pair whose old value (`value`, unquoted) ends at `end` in `text`, `before` the text up to its start; or undefined. */
function newValueAfter(text: string, end: number, before: string, value: string): string | undefined {
  const after = text.slice(end, end + REACH);
  const from = NEW_AFTER_FROM.exec(after);
  if (from !== null) {
    if (OLD_FROM_BEFORE().test(before)) return unquoted(from[1]!);
    const arrow = NEW_AFTER_ARROW.exec(after);
    if (arrow !== null && OLD_ARROW_BEFORE().test(before)) return unquoted(arrow[1]!);
    if (changedAfter(text, end + from[0].length) && VERB_LAST_OLD_BEFORE().test(before) && !isOwnerAfterVon(before, value)) return unquoted(from[1]!);
  }
  const labelled = NEW_AFTER_LABEL.exec(after);
  return labelled !== null && LABELLED_OLD_BEFORE().test(before) ? unquoted(labelled[1]!) : undefined;
}

/** German `von`, Dutch `van` right before a value: whose the password is as often as what it was changed from. */
const VON_BEFORE = /(?<![\w-])(?:von|van|VON|VAN|Von|Van)[ \t]+$/;
/** A user's name: letters, digits and what joins a name's parts (`jdoe42`, `anna.schmidt`, `Windows10`, `gebruiker42`). */
const USER_NAME = /^[A-Za-z0-9À-ÖØ-öø-ÿ._-]{1,128}$/;

/**
 * Whether `old`, unquoted after `von`/`van` (`before` the text up to it) in a change whose
 * participle comes last, may be whose the password is (`Passwort von jdoe42 auf Start123!
 * geändert`): shaped as a user's name (`USER_NAME`). Only a symbol no user's name holds
 * (`Alt123!`) makes it the old password; a name's letters and digits are both.
 */
function isOwnerAfterVon(before: string, old: string): boolean {
  return VON_BEFORE.test(before) && USER_NAME.test(old);
}

function unquoted(value: string): string {
  return value.replace(QUOTES, "");
}
