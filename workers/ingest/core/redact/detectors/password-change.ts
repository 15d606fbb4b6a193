import { MoreEvidence } from "../evidence";
import { CHANGE_LABEL_SEARCH, CHANGE_LINK_SEARCH, CHANGE_NEW_SEARCH, CHANGE_OLD_SEARCH, changedPair, GLUED_ARROW_SEARCH, GLUED_LABEL_SEARCH, isOwnedNewValue, OWNED_NEW_SEARCH } from "../password-changes";
import { isPlaceholder } from "../placeholders";
import { standsForSecret } from "../secret-names";
import { namesChangedKind, namesPasswordSetting, namesSettingValue, namesThing } from "../password-value-kinds";
import type { Detector, Rewrite } from "./detector";
import { HOST_NAME, isBarePassword, isPassphrase, LINKED_UNQUOTED, quotesOf, replaced, TYPOGRAPHIC_WORD } from "./password-phrase";
import { SECRET_PARAM_KIND } from "./secret-parameter";

/**
 * The old and the new value of a password's change stating both (password-changes.ts: `password
 * changed from OldPw1 to NewPw2`, `changed password from 'OldPw1' to 'NewPw2'`, `password
 * changed: OldPw1 -> NewPw2`, `Passwort für anna geändert von Alt1 nach Neu2`), and the new value
 * of an English change naming whose the password is (`set password for alice to …`, `admin
 * changed bob's password to …`: password-changes.ts' `isOwnedNewValue`), counted as
 * `secret_param`: unquoted, where a JSON string's closing quote ends it too (as after a link's
 * word, password-phrase.ts), or one word in quotes (escaped ones in JSON text held in a string
 * too), which stay; after whose the password is, a passphrase in quotes too (`"P@ss w0rd!"`). A detector of its own after the
 * password phrases' (detectors/index.ts): what they redact stays theirs, and their pattern keeps
 * the size V8 optimizes a regex at.
 */
const VALUE = String.raw`(?:"[^"\s\\]{1,128}"|\\"[^"\s\\]{1,128}\\"|'[^'\s\\]{1,128}'|${TYPOGRAPHIC_WORD}|${LINKED_UNQUOTED})`;
/** A quoted value holding blanks (`"P@ss w0rd!"`), escaped quotes in JSON text held in a string too: only a change naming whose the password is takes it (`isOwnedNewValue`), as a passphrase. */
const PHRASE = String.raw`(?:"(?=[^"\\\r\n]*[ \t])[^"\\\r\n]{1,128}"|\\"(?=[^"\\\r\n]*[ \t])[^"\\\r\n]{1,128}\\"|'(?=[^'\\\r\n]*[ \t])[^'\\\r\n]{1,128}')`;
/** An old value glued to its arrow (`OldPw1->NewPw2`), up to the first arrow; then `VALUE`. */
const OLD_VALUE = String.raw`(?:[^\s"'\[,;()]{1,128}?(?=${GLUED_ARROW_SEARCH})|${VALUE})`;
/** A labelled value glued to the other value's label by `|` or `&` (`old=OldPw1|new=NewPw2`), up to that label; then `VALUE`. */
const LABELLED_VALUE = String.raw`(?:[^\s"'\[,;()]{1,128}?(?=${GLUED_LABEL_SEARCH})|${VALUE})`;

export const passwordChangeDetector: Detector = {
  kind: SECRET_PARAM_KIND,
  // An old value where the link to the new one follows, or a new value after it. The link next to
  // the value is asked first: the loose start's words read backwards at every position cost more.
  // An old value follows a blank or `(` (`CHANGE_OLD_SEARCH`'s end), asked before the value is read
  // ahead: inside a long token every position would read up to the value's length again.
  // A labelled value (`old=OldPw1 new=NewPw2`) only after its label: `changedPair` reads the change's start.
  source: String.raw`(?=\S)(?:(?<=[ \t(])(?=${OLD_VALUE}${CHANGE_LINK_SEARCH})(?<=(?<![\w-])${CHANGE_OLD_SEARCH})${OLD_VALUE}|(?<=${CHANGE_LINK_SEARCH})(?<=(?<![\w-])(?:${CHANGE_NEW_SEARCH}|${OWNED_NEW_SEARCH}))(?:${VALUE}|${PHRASE})|(?<=(?<![\w-])${CHANGE_LABEL_SEARCH})${LABELLED_VALUE})`,
  evidence: 0,
  moreEvidence: MoreEvidence.PASSWORD_PHRASE,
  rewrite: rewriteChangedValue,
};

/**
 * The replacement of a value of a password's change stating both (`changedPair`) or of a new
 * value after whose the password is (`isOwnedNewValue`), or undefined when it stays: the bare word's shape (`isBarePassword`: `from the admin console to the user
 * portal`, `from 8 to 12` stay), no host's or thing's name, placeholder or stand-in for a
 * secret, and no two values of one kind (`namesChangedKind`: `from bcrypt to argon2`), as after
 * a change's other words (password-phrase.ts); a new value labelled alone strongly shaped
 * (`isStronglyShaped`); its quotes stay.
 */
function rewriteChangedValue(match: string, marker: string, text: string, start: number): Rewrite | undefined {
  const quotes = quotesOf(match);
  const value = quotes === undefined ? match : match.slice(quotes[0].length, match.length - quotes[1].length);
  // A quoted phrase (`PHRASE`) is a passphrase only as the new value after whose the password is; a setting's or state's name (`"Never Expires"`) stays.
  if (/\s/.test(value)) return isOwnedNewValue(text, start) && isPassphrase(value) && !namesPasswordSetting(value) && !namesSettingValue(value) ? rewritten(match, quotes, marker, text, start) : undefined;
  // The value's shape first: the pair's exact forms are the longer read. After `pass` or `pwd` a
  // processing pass (`render pass changed from shadow2 to bloom3`) or a working directory (`pwd
  // changed from frontend2 to backend3`) changes as often: both values must be strongly shaped.
  const short = shortWordBefore(text.slice(Math.max(0, start - SHORT_WORD_REACH), start));
  const shaped = !value.startsWith("[REDACTED") && isPasswordShaped(value) && (!short || isStronglyShaped(value));
  const pair = shaped ? changedPair(text, start, start + match.length) : undefined;
  // A change naming whose the password is states its new value alone (`set password for alice to …`).
  if (pair === undefined) return shaped && isOwnedNewValue(text, start) ? rewritten(match, quotes, marker, text, start) : undefined;
  // The other value must be one too, or already replaced: `Passwort geändert von Benutzer123 nach
  // Anmeldung` is changed by a user, after a logon. Or where the secret is kept now or was, or a
  // setting's value: a password moved into a store (`password changed: Xk9#mPq2vL -> secret/app/db`)
  // is still one.
  const other = pair[pair[0] === value ? 1 : 0];
  if (!(other.startsWith("[REDACTED") || namesSettingValue(other) || (isPasswordShaped(other) && (!short || isStronglyShaped(other)))) || namesChangedKind(...pair)) return undefined;
  // A new value labelled alone (`password changed new=…`, its own pair) has no old one to confirm
  // the change: it must be strongly shaped (`new=2024Q2`, `new=build7` stay) and no address (`new=John.Doe@corp`).
  if (pair[0] === pair[1] && (!isStronglyShaped(value) || ADDRESS_LIKE.test(value))) return undefined;
  return rewritten(match, quotes, marker, text, start);
}

/** The marker for `match` at `start` in `text`, inside its `quotes` (`quotesOf`'s) or before a sentence's end (`replaced`). */
function rewritten(match: string, quotes: readonly [string, string] | undefined, marker: string, text: string, start: number): string {
  return quotes === undefined ? replaced(match, marker, text, start) : `${quotes[0]}${marker}${quotes[1]}`;
}

/** An address's or user's name: a `.` in the part before `@` (`John.Doe@corp`) or a top domain after it (`ops@corp.io`). */
const ADDRESS_LIKE = /^(?:[A-Za-z][\w+-]*\.[\w.+-]*@[A-Za-z][\w.-]*|[\w.+-]+@[A-Za-z][\w-]*(?:\.[\w-]+)*\.[A-Za-z]{2,})$/;

/** A password's word of English (`password`, `passwd`, `pass`, `pwd`, `pw`, …) as a word, the last one of a text searched, and how far before a value it is looked for. */
const ENGLISH_WORD = /(?<![\w-])(?:pass(?:word|phrase|wd)?|pwd?)(?![\w-])/gi;
const SHORT_WORD_REACH = 200;

/** A key's name ending in the short `pass` (`smtp_pass`, `DB_PASS`, `dbPass`; not `bypass`, `db_password`). */
const KEY_PASS_ENDING = /(?:(?<=[A-Za-z0-9]_)(?:pass|PASS|Pass)|(?<=[a-z0-9])Pass)(?![\w-])/g;

/**
 * Whether the last English password word in `before` is the short `pass`, `pwd` or `pw`, or a
 * key's name ending in `pass` (`KEY_PASS_ENDING`), which name a processing pass, the shell's
 * working directory or a width as often.
 */
function shortWordBefore(before: string): boolean {
  let last: string | undefined;
  let lastAt = -1;
  for (const found of before.matchAll(ENGLISH_WORD)) {
    last = found[0];
    lastAt = found.index;
  }
  let keyAt = -1;
  for (const found of before.matchAll(KEY_PASS_ENDING)) keyAt = found.index;
  return keyAt > lastAt || (last !== undefined && /^(?:pass|pwd?)$/i.test(last));
}

/**
 * Whether `value` has a password's shape no stage's, pass's or directory's name has: a symbol
 * besides what joins a name's parts (`Hunter2x!`), or capitals, lower-case letters and digits
 * together (`Hunter2x`); `stage1`, `bloom3`, `frontend2`, `proj2025` stay.
 */
function isStronglyShaped(value: string): boolean {
  return /[^A-Za-z0-9._-]/.test(value) || (/[A-Z]/.test(value) && /[a-z]/.test(value) && /\d/.test(value));
}

/** Whether `value` has a password's shape and names no host, thing, placeholder, stand-in for a secret, standard or setting's value. */
function isPasswordShaped(value: string): boolean {
  return isBarePassword(value) && !HOST_NAME.test(value) && !namesThing(value) && !isPlaceholder(value) && !standsForSecret(value) && !namesSettingValue(value);
}
