import { lazy } from "../../../../shared/lazy";
import { MoreEvidence } from "../evidence";
import { isPassNounAt, isPasswordShaped, isSecretParameterName, isStateInAnyLanguage, saysOtherPasswordState, standsForSecret } from "../secret-names";
import { namesSecretObject } from "../secret-object-names";
import { passwordRuleAt } from "../password-rules";
import { confirmedAfter, describesPassword, OLD_VALUE, isDefaultWord, PASSWORD_SENTENCE_LINK, PASSWORD_SENTENCE_SEARCH, spellings, statedValueBefore } from "../password-sentences";
import { isPlaceholder } from "../placeholders";
import { isStateWhole, standsInForSecret } from "../status-words";
import { sentenceEndLength, valueEnd } from "./sentence-end";
import type { Detector, Rewrite } from "./detector";
import { SECRET_PARAM_KIND } from "./secret-parameter";
import { isQuotedProse, isUiLabel, namesChangedKind, namesPasswordSetting, namesSettingValue, namesThing } from "../password-value-kinds";

/**
 * A password written in prose after its word, where no `:` or `=` makes it a field (the field
 * detectors read those; a `:` after a word they do not know is read here: `COLON_PASSWORD_WORD`),
 * counted as `secret_param` as the same value is under the name:
 * - quoted after the word, perhaps after `is`, `was`, `set to` (`Login with password
 *   "hunter2hunter2"`, `User 42 set password "S3cr3t!pass"`, `password was set to 'x9!…'`): the
 *   value unless it is a plain lower-case word, which prose quotes as often as a value
 *   (`password "reset" link sent`, `password "required"`); the quotes stay;
 * - unquoted after `is`, `was`, `é`, `es` (`password is hunter2x`, `my password was
 *   Summer2024!`): only a password's shape (`isPasswordShaped`, six characters or more, a
 *   sentence's final punctuation set aside), so `password is required.`, `password is too short`
 *   and `password is 8 characters` stay; after another credential's word (`the secret is
 *   hunter2x`, `token was abc123def456`) that shape with a digit, no Secret object's name
 *   (`secret is db-creds-2`), or a PIN's digits (`PIN is 4821`), so `the secret is safe` and `the
 *   secret is rotated daily` stay;
 * - unquoted right after the word, with no link, or after `set to`, `changed to`, `reset to`
 *   (`Login with password S3cret!2024 failed`, `wrong password Tr0ub4dor&3`, `password reset to
 *   Welcome1`): a stricter shape (`isBarePassword`), as the word then runs on into prose as
 *   often (`password reset`, `password auto-generated`, `wrong password 3 times`); after `to`
 *   alone only when a word of setting comes before the password's (`changed password to
 *   S3cret!2024`, not `sent password to jdoe42`);
 *   Unix's `passwd` only before or after a change's words (`passwd changed to …`); with a link,
 *   the value ends at a quoted string's closing quote too (`{"msg":"password changed to …"}`);
 * - a secret's parameter with its `=` percent-encoded (`password%3Dhunter2x`,
 *   `redirect=%2Fcb%3Fcode%3Dabc`, RFC 3986 §2.1), as a URL nested in another's query writes
 *   it: the name as a parameter's (`isSecretParameterName`), the value up to an encoded `&`.
 * Other credentials' words (`secret`, `token`, `PIN`, `API key`, `pass phrase`) before a quoted
 * value only after `is`, `was` or `set to` (`secret was "s3cr3tValue"`).
 * English, Portuguese (`senha`), Spanish (`contraseña`, `clave`), German (`Passwort`, `Kennwort`),
 * Dutch (`wachtwoord`) and French (`mot de passe`) words, and each language's password sentence
 * with Italian's, Polish's and Swedish's (password-sentences.ts: `Hasło to …`, `Lösenordet är …`,
 * `Das Passwort für Benutzer anna lautet: …`, `La password è …`), its value unquoted (ending at a
 * JSON string's closing quote too) or quoted (in escaped quotes too, or typographic ones: `mot de
 * passe « … » refusé`, `Passwort „…“`, and after the word and `:`, `mot de passe : « … »`); a
 * value that stands for a secret (`standsForSecret`: `"<redacted>"`, `"********"`) or names a
 * default (`isDefaultWord`) stays, and so does a UI's label in typographic quotes right after the
 * word (`mot de passe « Valider »`). A sentence stating the value without a verb
 * (`statedValueBefore`: `Passwort geändert auf …`, `Passwort falsch: …`, `mot de passe temporaire
 * : …`) asks the bare word's shape and no host's or thing's name (`HOST_NAME`, `namesThing`), and
 * a change with no participle before its preposition one after the value (`Ihr Passwort wurde auf
 * … zurückgesetzt`).
 */
/** French `mot de passe`, three words. */
const MOT_DE_PASSE = String.raw`(?:[Mm]ot[ \t]+de[ \t]+passe|MOT[ \t]+DE[ \t]+PASSE)`;
const PASSWORD_WORD = String.raw`(?:[Pp]ass(?:word|phrase)|PASS(?:WORD|PHRASE)|[Ss]enha|SENHA|[Cc]ontrase(?:ñ|n)a|CONTRASE(?:Ñ|N)A|[Pp]asswort|PASSWORT|[Kk]ennwort|KENNWORT|[Ww]achtwoord|WACHTWOORD|${MOT_DE_PASSE})`;
/**
 * A password's words that no field detector reads before `:` (German `Passwort`, `Kennwort`,
 * Dutch `wachtwoord`, French `mot de passe`, Spanish `clave`), so `Passwort: Sommer2024!` and,
 * with French spacing, `mot de passe : Soleil2024!` are read here, as `is` is; and the Romance
 * words, which their describing words follow (`a senha do usuário é …`, `sua senha temporária
 * é …`, `la contraseña nueva es …`): one word, or `de`/`do`/`da`/`del`/`du` and one word.
 * `clave` is read only before `:` or `es` (`la clave es Madrid2024!`): bare it is any key.
 */
const COLON_PASSWORD_WORD = String.raw`(?:[Pp]asswort|PASSWORT|[Kk]ennwort|KENNWORT|[Ww]achtwoord|WACHTWOORD|${MOT_DE_PASSE}|[Cc]lave|CLAVE)`;
const ROMANCE_PASSWORD_WORD = String.raw`(?:[Ss]enha|SENHA|[Cc]ontrase(?:ñ|n)a|CONTRASE(?:Ñ|N)A|${MOT_DE_PASSE}|[Cc]lave|CLAVE)`;
/** A Romance password word's describing word after it (`do usuário`, `temporária`), one word of Latin-1 letters. */
const DESCRIBED = String.raw`(?:[ \t]+(?:d[eoa]|del|du)[ \t]+[A-Za-zÀ-ÖØ-öø-ÿ]{2,24}|[ \t]+[A-Za-zÀ-ÖØ-öø-ÿ]{3,24})?`;
/** A `:` after a password's word, French spacing before it allowed (`mot de passe : …`). */
const COLON = String.raw`[ \t]?:[ \t]+`;
/**
 * An `=` after `mot de passe`, blanks around it or not (`mot de passe = azerty123!`): the
 * parameter and assignment forms read a name's last word only (`passe`, no secret's name alone),
 * and the other words' `=` is theirs (secret-names.ts).
 */
const EQUALS = String.raw`[ \t]*=[ \t]*`;
/** Polish `hasło` and Swedish `lösenord`, whose quoted value may follow them alone too (`hasło „Lato2026!” odrzucone`). */
const QUOTING_PASSWORD_WORD = String.raw`(?:[Hh]as(?:ł|l)o|HAS(?:Ł|L)O|[Ll](?:ö|o)senord(?:et)?|L(?:Ö|O)SENORD(?:ET)?)`;
/** English's words in each case a log writes them (`to`, `To`, `TO`: `Set Password To "…"`, `SET PASSWORD TO "…"`), each word capitalised too (`Has Been`). */
const anyCase = (...words: readonly string[]) => `(?:${words.map((word) => `${spellings(word)}|${word.replace(/(?:^| )[a-z]/g, (start) => start.toUpperCase()).replace(/ /g, String.raw`[ \t]+`)}`).join("|")})`;
const TO = spellings("to");
/** A change's words (`set`, `was reset`, `has been changed`, `Set`, `WAS CHANGED`). */
const CHANGE_WORDS = String.raw`(?:${anyCase("was", "has been")}[ \t]+)?${anyCase("set", "changed", "reset", "updated")}`;
/**
 * Unix's `passwd` as a word of its own, a password's word only before or after a change's words
 * (`passwd changed to …`, `changed passwd to …`): alone it is the command (`sudo passwd
 * admin123`), in a path a file (`/etc/passwd`, `etc/passwd`, `passwd.db`), a name's part
 * (`-passwd`, `_passwd`).
 */
const PASSWD = String.raw`(?<![\w./\\-])(?:[Pp]asswd|PASSWD)(?![\w.])`;
/** The password's words of a change's sentence with no `is`: `PASSWORD_WORD`'s and `PASSWD`. */
const CHANGED_WORD = `(?:${PASSWORD_WORD}|${PASSWD})`;
/**
 * What may stand between the word and a quoted value: blanks and `is`, `was`, a change's words
 * and `to` (`set to`, `was changed to`), `é`, `es`; or `to` alone, which a setting's word before
 * the password's must then confirm (`SETTING_BEFORE`: `set password to "…"`).
 */
const LINK = String.raw`[ \t]+(?:(?:${anyCase("is", "was")}|${CHANGE_WORDS}[ \t]+${TO}|${TO}|é|es)[ \t]+)?`;
/**
 * Other credentials' words, whose quoted value counts only after `is`, `was` or `set to`
 * (`secret was "s3cr3tValue"`, `API key is 'k-93f…'`): right before a quote they name an
 * object as often (Kubernetes' `secret "db-creds" not found`, a parser's `unexpected token "}"`).
 */
const CREDENTIAL_WORD = String.raw`(?:[Ss]ecret|SECRET|[Tt]oken|TOKEN|PIN|(?:[Aa]pi|API|[Ss]ecret|SECRET|[Aa]ccess|ACCESS)[ \t]+(?:[Kk]ey|KEY)|[Pp]ass[ \t]+[Pp]hrase|PASS[ \t]+PHRASE)`;
const VERB_LINK = String.raw`[ \t]+(?:is|was|was[ \t]+set[ \t]+to|set[ \t]+to)[ \t]+`;
/** What links a word to a quoted value, `passwd` a change's words only, with a language's sentence as `sentence` spells it (`PASSWORD_SENTENCE_SEARCH` to search, `PASSWORD_SENTENCE_LINK` to confirm). */
const quotedLink = (sentence: string) => String.raw`(?:(?:${PASSWORD_WORD}|${QUOTING_PASSWORD_WORD})${LINK}|${PASSWD}[ \t]+(?:${CHANGE_WORDS}[ \t]+)?${TO}[ \t]+|${sentence}|${CREDENTIAL_WORD}${VERB_LINK})`;
/** A passphrase's words after its first (`quotedWords`): up to seven, each after blanks. */
const moreWords = (character: string, least: 0 | 1) => String.raw`(?:[ \t]+${character}{1,128}){${least},7}`;
/**
 * A quoted value's words, each a run of `character` (no blank, quote or `\`): one, or a
 * passphrase's up to eight joined by blanks (`"correct horse battery"`). Blanks and words are
 * apart, so a failed quote is given up in one pass.
 */
const quotedWords = (character: string) => String.raw`${character}{1,128}${moreWords(character, 0)}`;
/** Each opening typographic quote's closing ones (German `„…“`, French `« … »`, Swiss `‹…›`, reversed `»…«`, English `“…”`). */
const TYPOGRAPHIC_PAIRS: Readonly<Record<string, string>> = { "«": "»", "‹": "›", "„": "“”", "‚": "‘’", "“": "”", "”": "”", "»": "«", "›": "‹" };
/** A character of a value in typographic quotes, and the (narrow) no-break space or blank French puts inside them. */
const TYPOGRAPHIC_CHARACTER = String.raw`[^"'\s\\«»‹›„“”‚‘’]`;
const TYPOGRAPHIC_SPACE = String.raw`[ \u00A0\u202F]?`;
/** One word in typographic quotes, opened and closed by any (`TYPOGRAPHIC_QUOTED`). */
export const TYPOGRAPHIC_WORD = String.raw`[«‹„‚“”»›]${TYPOGRAPHIC_SPACE}${TYPOGRAPHIC_CHARACTER}{1,128}${TYPOGRAPHIC_SPACE}[»›“”‘’«‹]`;
/**
 * Typographic quotes: an opening one (`«`, `‹`, `„`, `‚`, `“`, `”`, `»`, `›`), perhaps a French
 * (narrow) no-break space or a blank, the value, and a closing one: any for one word
 * (`TYPOGRAPHIC_PAIRS` pairs them in the rewrite), its own pair's for a passphrase's words
 * (`„Sommer 2024“`, `« Soleil 2024 »`), as a closing quote of another pair would take in the
 * text up to the next quoted value (`« a » … «`).
 */
const TYPOGRAPHIC_QUOTED = String.raw`(?:${TYPOGRAPHIC_WORD}|${Object.entries(TYPOGRAPHIC_PAIRS)
  .map(([open, close]) => String.raw`${open}${TYPOGRAPHIC_SPACE}${TYPOGRAPHIC_CHARACTER}{1,128}${moreWords(TYPOGRAPHIC_CHARACTER, 1)}${TYPOGRAPHIC_SPACE}[${close}]`)
  .join("|")})`;
/** A backticked passphrase, two words or more (`password \`correct horse battery\``): one backticked word is `BARE`'s, the backticks read as its symbols. */
const BACKTICKED_WORDS = String.raw`\`[^\`\s\\]{1,128}${moreWords(String.raw`[^\`\s\\]`, 1)}\``;
const QUOTED = String.raw`(?<=(?<![\w-])${quotedLink(PASSWORD_SENTENCE_SEARCH)})(?:(\\{0,7}["'])${quotedWords(String.raw`[^"'\s\\]`)}\1|${TYPOGRAPHIC_QUOTED}|${BACKTICKED_WORDS})(?![\w])`;
/** A typographic quote and its space at a value's start and at its end. */
const TYPOGRAPHIC_OPEN = /^[«‹„‚“”»›][ \u00A0\u202F]?/;
const TYPOGRAPHIC_CLOSE = /[ \u00A0\u202F]?[»›“”‘’«‹]$/;
/** What links a credential's word to its unquoted value: `is`, `was`, Portuguese and Spanish `é`, `es`, German `ist` and `lautet` (`Das Passwort lautet …`), French `est`. */
const IS = String.raw`[ \t]+(?:is|was|é|es|ist|lautet|est)[ \t]+`;
/**
 * A password's word and what links it to an unquoted password: `IS`, a language's sentence as
 * `sentence` spells it (`PASSWORD_SENTENCE_SEARCH` to search, `PASSWORD_SENTENCE_LINK` to
 * confirm: `Das Passwort für Benutzer anna lautet`, `Hasło to`, `Lösenordet är`, `Passwort für
 * db_admin:`), a Romance word's describing word and `IS`, another language's word and `:`, or
 * `mot de passe` and `=`.
 */
const passwordLink = (sentence: string) => String.raw`(?:${PASSWORD_WORD}${IS}|${sentence}|${ROMANCE_PASSWORD_WORD}${DESCRIBED}${IS}|${COLON_PASSWORD_WORD}${COLON}|${MOT_DE_PASSE}${EQUALS})`;
/**
 * A quote closing the string that holds a sentence: `"`, `'` or JSON's escaped `\"` before no ASCII
 * letter or digit (`…2025"`, `…2025"|user=bob`, `…2025\""}`, `msg="…"/>`); one before a letter or digit
 * is the value's (`Win\"ter#2025`, `Autumn#'2023`).
 */
const CLOSING_QUOTE = String.raw`(?:["']|\\")(?![A-Za-z0-9])`;
/**
 * An unquoted value: a run of no blank, `[`, `,`, `;` or bracket, whole, four characters or more
 * (a sentence's end after it is sorted out by `sentenceEndLength`), where the closing quote of
 * the string holding the sentence ends it too (`CLOSING_QUOTE`): a JSON string's, escaped or not
 * (`{"msg":"La contraseña es Verano2024"}`, `{\"msg\":\"… Verano2024\"}`, `{"msg":"password
 * changed to Winter#2025"}`), a logfmt value's or a single-quoted one's (`msg='password set to
 * Winter#2025'`), whatever symbol follows it (`"password is …"|"bob"`), so a value's own quote
 * before a symbol ends it too (`Summer#24'-x9` keeps `'-x9`). A quote before a letter or digit is
 * the value's (`Winter#\"2025`), but its first and last character and an apostrophe between letters
 * (`Alice's`, which stays whole). Right after the password's word with no link (`BARE`) a quote
 * ends a request line as often (`"GET /de/konto/passwort HTTP/1.1"`): the rewrite turns that down.
 */
export const LINKED_UNQUOTED = String.raw`(?:[^\s"'\[,;()\\]|\\(?!"))(?:[^\s"'\[,;()\\]|\\(?!")|(?!${CLOSING_QUOTE})(?:"|(?<![A-Za-z])'|'(?![A-Za-z])|\\")){2,510}(?:[^\s"'\[,;()\\]|\\(?!"))(?=[\s,;()]|${CLOSING_QUOTE}|$)`;
/**
 * `pass`, `pw` and `pwd` alone, a password's short words (`my pass is Tr0ub4dor`, `the pw is …`,
 * `pwd is hunter2`): only before an unquoted value, read as another credential's
 * (`isUnquotedCredential`), and not after a word saying what else the pass is (`boarding pass is
 * BP-2231-A`, `isPassNounAt`); a path or a directory's name after `pwd` is the shell's working
 * directory (`pwd is /srv/app2`, `PATH_START`; `pwd is build2`, `DIRECTORY_NAME`).
 */
const SHORT_PASSWORD_WORD = String.raw`(?:[Pp]ass|PASS|[Pp]wd?|PWD?)`;
/**
 * A directory's name relative to where the shell is, after `pwd is` (`build2`, `tmp123`,
 * `workspace01`, `release-3`): a word directories are commonly called, in lower case, and a number
 * perhaps after `-`, `_` or `.`. A password's word and a number stay one (`hunter2`).
 */
const DIRECTORY_NAME = /^(?:build|builds|tmp|temp|work|workspace|workdir|src|source|app|apps|dist|out|output|bin|lib|project|projects|repo|release|releases|deploy|job|run|runner|cache|logs?|backup|site|web|api|stage|staging)[-_.]?\d{1,8}$/;
/** A path's start: `/`, `~/`, `./`, `../`, a drive's `C:\` or `\`. */
const PATH_START = /^(?:~|\.{1,2})?\/|^[A-Za-z]:\\|^\\/;
/** A short number or word a rule for the password's length starts with (`12 caractères`, `au moins 12`, `min. 8`), read by `passwordRuleAt`. */
const RULE_START = String.raw`(?:\d{1,3}\+?|[A-Za-zÀ-ÿ]{2,3}\.?)(?=[ \t])`;
const AFTER_IS = String.raw`(?<=(?<![\w-])(?:${passwordLink(PASSWORD_SENTENCE_SEARCH)}|(?:${CREDENTIAL_WORD}|${SHORT_PASSWORD_WORD})${IS}))(?:${LINKED_UNQUOTED}|${RULE_START})`;
/**
 * What may stand between a password's word and an unquoted value with no `is`/`was`: blanks, or
 * a change's words ending in `to`, perhaps after the old value (`password was reset to`,
 * `password changed from OldPw1 to`), or in `from` (the old value's, which ` to ` and the new one
 * must follow: `FROM_BEFORE`), or `to` alone, which `SETTING_BEFORE` must then confirm.
 */
const BARE_LINK = String.raw`[ \t]+(?:(?:${CHANGE_WORDS}(?:[ \t]+from[ \t]+${OLD_VALUE})?[ \t]+${TO}|${CHANGE_WORDS}[ \t]+from|${TO})[ \t]+)?`;
/** A password's word (`passwd` too) and no link or a change's right before an unquoted value (`with password hunter2x`, `passwd changed to …`). */
const BARE = String.raw`(?<=(?<![\w-])${CHANGED_WORD}${BARE_LINK})${LINKED_UNQUOTED}`;
/** `BARE`'s lookbehind read again; and a password's word and `to` alone before the value. */
const PASSWORD_BARE_BEFORE = new RegExp(String.raw`(?<![\w-])${CHANGED_WORD}${BARE_LINK}$`);
const PASSWORD_TO_BEFORE = new RegExp(String.raw`(?<![\w-])${CHANGED_WORD}[ \t]+${TO}[ \t]+$`);
/** `BARE`'s word with no link before the value, the word captured (`password `, `passwd `); `PASSWD` whole; a quote or an escape's `\`, the character after a value. */
const BARE_WORD_ALONE_BEFORE = new RegExp(String.raw`(?<![\w-])(${CHANGED_WORD})[ \t]+$`);
const PASSWD_WORD = new RegExp(String.raw`^${PASSWD}$`);
/** `passwd`, perhaps a change's words and `to`, right before a value (`passwd changed to `, `passwd to `), whose value `namesPasswdSetting` judges. */
const PASSWD_BEFORE = new RegExp(String.raw`${PASSWD}[ \t]+(?:${CHANGE_WORDS}[ \t]+)?(?:${TO}[ \t]+)?$`);
/**
 * A value with `:` (`root:root`, `files:sss`, `1:4.8.1-2ubuntu2.1`), a number or version (`0600`,
 * `99999`, `-1`, `4.8.1-2ubuntu2`), symbols only (`!!`), a hashing scheme (`SHA512-crypt`) or
 * name services' sources (`files systemd`, `compat`).
 */
const PASSWD_SETTING_VALUE = /:|^[-+]?\d+(?:[.~+-][0-9A-Za-z]+)*$|^[^A-Za-z0-9]+$|[Cc]rypt$|^(?:files|systemd|sss|ldap|nis|nisplus|compat|db|winbind|extrausers|altfiles|cache|hesiod)(?:[ \t]+(?:files|systemd|sss|ldap|nis|nisplus|compat|db|winbind|extrausers|altfiles|cache|hesiod)){0,5}$/;
/** nsswitch's label right before a word, which is then one of its databases (`nsswitch: passwd changed to …`, `/etc/nsswitch.conf: passwd …`). */
const NSSWITCH_LABEL = /nsswitch(?:\.conf)?[ \t]*:[ \t]*$/i;

/**
 * Whether `value`, after `passwd` and a change's words ending `before` (`PASSWD_BEFORE`), names
 * what the file, the package or a name service's source was set to, not a password: an owner, a
 * source, a version, a mode or an expiry's number (`PASSWD_SETTING_VALUE`), or anything on
 * nsswitch's database label (`nsswitch: passwd changed to files`), not a line merely naming
 * nsswitch (`{"host":"nsswitch-test-01","msg":"… passwd changed to …"}`).
 */
function namesPasswdSetting(value: string, before: string): boolean {
  return PASSWD_SETTING_VALUE.test(value) || NSSWITCH_LABEL.test(before.slice(-200, before.length - PASSWD_BEFORE.exec(before)![0].length));
}
const QUOTE_NEXT = /^["'\\]$/;
/** A password's word, perhaps a change's words other than `set`, and `to` right before a quoted value (`password changed to `, `password to `). */
const CHANGED_TO_BEFORE = new RegExp(String.raw`(?<![\w-])${CHANGED_WORD}[ \t]+(?:(?:${anyCase("was", "has been")}[ \t]+)?${anyCase("changed", "reset", "updated")}[ \t]+)?${TO}[ \t]+$`);
/** A password's word and `To` in capitals, perhaps a change's words between (`Set Password To `, `Password Was Changed To `, `PASSWORD TO `, `Passwd Set To `). */
const CAPITALISED_TO_BEFORE = new RegExp(String.raw`(?<![\w-])(?:Password|PASSWORD|Passwd|PASSWD)[ \t]+(?:(?:Was|WAS|Has[ \t]+Been|HAS[ \t]+BEEN)[ \t]+)?(?:(?:Set|Changed|Reset|Updated|SET|CHANGED|RESET|UPDATED)[ \t]+)?(?:To|TO)[ \t]+$`);
/** Two to six words in title case, a blank between each (`Never Expire`, `Welcome Back`): a UI's option's name. */
const TITLE_CASE_WORDS = /^[A-Z][a-z]{1,24}(?:[ \t][A-Z][a-z]{1,24}){1,5}$/;
/** `BARE_LINK`'s `from` before an old value, and the ` to ` and new value that must follow it. */
const FROM_BEFORE = /[ \t]from[ \t]+$/;
const TO_AFTER = /^[ \t]+to[ \t]+\S/;
/**
 * A word of setting before the password's, for `to` alone (`user 42 changed password to …`,
 * `admin reset the password to …`, `set new password to …`): `to` is otherwise whom the password
 * went to (`sent temporary password to jdoe42`).
 */
const SETTING_BEFORE = /(?<![\w-])(?:set|sets|setting|change|changed|changes|changing|reset|resets|resetting|update|updated|updates|updating)[ \t]+(?:(?:the|a|his|her|their|its|my|your|our|new|temporary|user's)[ \t]+){0,2}$/i;
/** A name, `%3D`, and the value: characters of a query's value and percent-escapes other than an encoded `&` or `=`. */
const ENCODED = String.raw`(?<![\w.%-])[A-Za-z_][\w.-]{0,63}%3[Dd](?:[^&\s"'%]|%(?!26|3[Dd])[0-9A-Fa-f]{2}){1,512}`;
const ENCODED_EQUALS = /%3[Dd]/;
/** A password's word and `is`/`was` right before an unquoted value (`AFTER_IS`'s lookbehind), read again to tell its matches from the other words' and `ENCODED`'s, each language's verb after its own word only. */
const PASSWORD_IS_BEFORE = new RegExp(String.raw`(?<![\w-])${passwordLink(PASSWORD_SENTENCE_LINK)}$`);
/** `QUOTED`'s lookbehind read again, each language's verb after its own word only. */
const QUOTED_BEFORE = lazy(() => new RegExp(String.raw`(?<![\w-])${quotedLink(PASSWORD_SENTENCE_LINK)}$`));
/** A password's word that no field detector reads and `:` right before a quoted value (`mot de passe : `, `clave: `). */
const COLON_WORD_BEFORE = new RegExp(String.raw`(?<![\w-])${COLON_PASSWORD_WORD}${COLON}$`);
/** `clave` and `:` right before a quoted value: Spanish for any key too, whose name is quoted there as often (`clave: "user.email"`). */
const CLAVE_COLON_BEFORE = new RegExp(String.raw`(?<![\w-])(?:[Cc]lave|CLAVE)${COLON}$`);
/** A key's name: letters and digits of any script joined by `.`, `_`, `-` or `:` (`user.email`, `pedido_1234`, `API_KEY`, `order42`), no other symbol as a password holds (`Lato2026!`). */
const KEY_NAME = lazy(() => new RegExp(String.raw`^[\p{L}\p{N}]+(?:[._:-][\p{L}\p{N}]+)*$`, "u"));
/** A password's word and blanks alone right before a quoted value (`mot de passe `, `hasło `): no verb or `:` names it the value. */
const WORD_ALONE_BEFORE = new RegExp(String.raw`(?<![\w-])(?:${PASSWORD_WORD}|${QUOTING_PASSWORD_WORD})[ \t]+$`);
/** Another credential's word and `is`/`was` right before an unquoted value. */
const CREDENTIAL_IS_BEFORE = new RegExp(String.raw`(?<![\w-])${CREDENTIAL_WORD}${IS}$`);
/** `pass`, `pw` or `pwd` and `is`/`was` right before an unquoted value, the word captured. */
const SHORT_PASSWORD_IS_BEFORE = new RegExp(String.raw`(?<![\w-])(${SHORT_PASSWORD_WORD})${IS}$`);
/** A PIN's word and `is`/`was` before a value, and a PIN's digits. */
const PIN_IS_BEFORE = new RegExp(String.raw`(?<![\w-])PIN${IS}$`);
const PIN_DIGITS = /^\d{4,12}$/;
/** How far back the word and its link are read: a sentence's whose-phrase too (`Das Passwort für Benutzer anna lautet: `). */
const WORD_REACH = 160;
/** How far back before a password's word its setting's words are read (`SETTING_BEFORE`). */
const SETTING_REACH = 40;

export const passwordPhraseDetector: Detector = {
  kind: SECRET_PARAM_KIND,
  // Every value starts with no blank: asked first, it spares the lookbehinds' backward reading of
  // a blank run at each of its blanks, which made a long run after a password's word quadratic.
  source: `(?=\\S)(?:${QUOTED}|${AFTER_IS}|${BARE}|${ENCODED})`,
  evidence: 0,
  moreEvidence: MoreEvidence.PASSWORD_PHRASE,
  rewrite: rewritePasswordPhrase,
};

/** The detector's rewrite (`Detector.rewrite`), also read again on a quoted value's first word (`unquotedHeadRewrite`). */
function rewritePasswordPhrase(match: string, marker: string, text: string, start: number): Rewrite | undefined {
  if (match.startsWith("[REDACTED")) return undefined;
  // A quote, escaped in JSON text held in a string (`lautet \"Sommer2024\"`): only `QUOTED` holds one.
  const quotes = quotesOf(match);
  const before = text.slice(Math.max(0, start - WORD_REACH), start);
  if (quotes !== undefined) {
    const quoted = quotedRewrite(match, quotes, marker, text, start, before);
    // Quoted words kept as prose: a quote glued to the first word is read as it is unquoted (`„Passwort` in `Passwort „Passwort vergessen“`).
    // A setting's or directory's name stays whole (`„Active Directory“`): its first word is no password either.
    return quoted === undefined && /\s/.test(match) && !namesPasswordSetting(quotedValue(match, quotes)) ? unquotedHeadRewrite(marker, text, start) : quoted;
  }
  const stated = statedValueBefore(before);
  if (stated !== undefined || PASSWORD_IS_BEFORE.test(before)) {
    // A rule for the password's length (`mot de passe : 12 caractères minimum`) holds none; a value after it is the password's.
    const rule = passwordRuleAt(text, start);
    if (rule !== undefined) return rule.kept ? undefined : { text: marker, kind: SECRET_PARAM_KIND, length: rule.length };
    if (stated !== undefined) {
      // A change's new value or the value tried (`Passwort geändert auf Lato2026!`, `Passwort falsch: Geheim#2026`): prose and fields run on there as often (`auf Anfrage`, `en 2026`, `na db-prod-01`, `falsch: user=anna`).
      return confirmedAfter(stated, text, start + match.length) && isBarePassword(match) && !HOST_NAME.test(match) && !namesThing(match) && !isPlaceholder(match) && !namesSettingValue(match) && !describesPassword(match) && !changesKind(match, text, start, before) ? replaced(match, marker, text, start) : undefined;
    }
    const password = isUnquotedPassword(match) || (FRENCH_COLON_BEFORE.test(before) && isFrenchFieldWord(match, text, start));
    return password && !describesPassword(match) && !isPlaceholder(match) ? replaced(match, marker, text, start) : undefined;
  }
  const short = SHORT_PASSWORD_IS_BEFORE.exec(before);
  if (short !== null) {
    const word = short[1]!;
    const other = isPassNounAt(text, start - before.length + short.index, word) || (word.toLowerCase() === "pwd" && (PATH_START.test(match) || DIRECTORY_NAME.test(match.replace(FINAL_PUNCTUATION, ""))));
    return !other && isUnquotedCredential(match, false) ? replaced(match, marker, text, start) : undefined;
  }
  if (CREDENTIAL_IS_BEFORE.test(before)) return isUnquotedCredential(match, PIN_IS_BEFORE.test(before)) ? replaced(match, marker, text, start) : undefined;
  if (PASSWORD_BARE_BEFORE.test(before)) {
    // With no link, `passwd` is the command (`sudo passwd admin123`) and a quote after the value ends a request line (`"GET /passwort HTTP/1.1"`).
    const alone = BARE_WORD_ALONE_BEFORE.exec(before);
    if (alone !== null && (PASSWD_WORD.test(alone[1]!) || QUOTE_NEXT.test(text.charAt(start + match.length)))) return undefined;
    if (PASSWD_BEFORE.test(before) && namesPasswdSetting(match.replace(FINAL_PUNCTUATION, ""), before)) return undefined;
    const set = PASSWORD_TO_BEFORE.test(before) ? settingBefore(text, start, before) : !FROM_BEFORE.test(before) || TO_AFTER.test(text.slice(start + match.length, start + match.length + 40));
    return set && isBarePassword(match) && !namesSettingValue(match) && !changesKind(match, text, start, before) ? replaced(match, marker, text, start) : undefined;
  }
  // The search also finds a sentence's words whose reading above declined it (`Password for
  // user 42 changed to version 3`): only an encoded pair is left to read here.
  const equals = ENCODED_EQUALS.exec(match);
  if (equals === null) return undefined;
  const value = match.slice(equals.index + 3);
  const named = isSecretParameterName(match.slice(0, equals.index));
  return named && !standsForSecret(value) && !value.startsWith("[REDACTED") ? `${match.slice(0, equals.index + 3)}${marker}` : undefined;
}

/**
 * Whether a setting's word (`SETTING_BEFORE`) stands before the password's word that, with `to`
 * alone, ends `before`, the text up to `start` in `text` (`PASSWORD_TO_BEFORE`).
 */
function settingBefore(text: string, start: number, before: string): boolean {
  const wordStart = start - before.length + PASSWORD_TO_BEFORE.exec(before)!.index;
  return SETTING_BEFORE.test(text.slice(Math.max(0, wordStart - SETTING_REACH), wordStart));
}

/** A new value's preposition and the new value after an old value (` to SHA256`, ` auf SHA256`), the new value captured. */
const NEW_AFTER = /^[ \t]+[^\s"'\[,;()]{1,8}[ \t]+([^\s"'\[,;()]{1,128})/;

/**
 * Whether `value` at `start` in `text`, `before` the text up to it, is a change's old or new value
 * whose other value names the same kind of thing as it does (`namesChangedKind`: `from SHA1 to
 * SHA256`, `from prod-db-01 to prod-db-02`). The words around are taken as the preposition and
 * the other value whatever they are, as only two values of one such kind keep it.
 */
function changesKind(value: string, text: string, start: number, before: string): boolean {
  // The old value is the word before the new value's preposition (`from SHA1 to `), the blanks after it ending `before`.
  const words = before.slice(-160).split(/[ \t]+/);
  const old = words.length >= 3 && words[words.length - 1] === "" ? words[words.length - 3] : undefined;
  const next = NEW_AFTER.exec(text.slice(start + value.length, start + value.length + 140))?.[1];
  return (old !== undefined && namesChangedKind(old, value)) || (next !== undefined && namesChangedKind(value, next));
}

/**
 * The replacement of a quoted value (`QUOTED`), whose `quotes` are `quotesOf`'s, or undefined when
 * it stays: after a word and `:` read as unquoted there, a stated value's change, a UI's label,
 * a state's or a default's word, a plain lower-case word, a stand-in for a secret, or prose
 * (`isQuotedProse`) or a setting's or directory's name (`namesPasswordSetting`) when it holds
 * blanks; a passphrase goes whole, its quotes kept.
 */
function quotedRewrite(match: string, quotes: readonly [string, string], marker: string, text: string, start: number, before: string): string | undefined {
  const stated = statedValueBefore(before);
  const [open, close] = quotes;
  const value = quotedValue(match, quotes);
  if (stated === undefined && !QUOTED_BEFORE().test(before)) {
    // A password's word and `:` (`mot de passe : « … »`, `clave: “…”`), which the search finds by the loose stated form and the exact ones turn down: the value is read as it is unquoted after the same `:`.
    // Ids stay there as after a change (`« JIRA-4711 »`), a marker too (the output read again), and after `clave`, a key's name too (`clave: "user.email"`, `"order42"`).
    const colon = COLON_WORD_BEFORE.test(before) && (isUnquotedPassword(value) || isPassphrase(value)) && !describesPassword(value) && !isPlaceholder(value) && !standsForSecret(value) && !namesThing(value) && !value.startsWith("[REDACTED");
    if (colon && CLAVE_COLON_BEFORE.test(before) && KEY_NAME().test(value)) return undefined;
    return colon ? `${open}${marker}${close}` : undefined;
  }
  if (stated !== undefined && !confirmedAfter(stated, text, start + match.length)) return undefined;
  // `to` alone after the word: whom the password went to (`sent password to "…"`) but after a setting's word.
  if (stated === undefined && PASSWORD_TO_BEFORE.test(before) && !settingBefore(text, start, before)) return undefined;
  // After a change's words and `to` or `to` alone the value's shape must say a password, as unquoted (an address or a host went there: `password reset to "bob@example.com"`),
  // and no setting's value or reference to the secret (`set password to "30 days"`, `"TLS1.2"`, `"env:DB_PASS"`).
  if (stated === undefined && CHANGED_TO_BEFORE.test(before) && (!(isBarePassword(value) || isPassphrase(value)) || HOST_NAME.test(value) || namesThing(value) || namesSettingValue(value))) return undefined;
  // After `passwd` an owner, a source, a version or a mode (`passwd set to "0600"`, `"root:root"`).
  if (stated === undefined && PASSWD_BEFORE.test(before) && namesPasswdSetting(value, before)) return undefined;
  // Words in title case after a setting's words in capitals name a UI's option (`Set Password To "Never Expire"`, `"Expire Now"`).
  if (stated === undefined && CAPITALISED_TO_BEFORE.test(before) && TITLE_CASE_WORDS.test(value)) return undefined;
  // Right after the word, typographic quotes hold a button's or a link's label as often (`mot de passe « Valider »`, `hasło „Zapomniałem”`, `password “—”`).
  if (!/["'`]/.test(open) && WORD_ALONE_BEFORE.test(before) && isUiLabel(value)) return undefined;
  // A state's word of any sentence's language, capitalised too (`Das Passwort ist "Abgelaufen"`, `password is 'Required'`), says what the password is.
  const state = (isStateWhole(value) || isStateInAnyLanguage(value)) && !ANSWER_WORDS.has(value.toLowerCase());
  // Words naming a setting, a state or a directory (`password "Never Expires"`, `password "Active Directory" sync failed`) are no passphrase in prose.
  const kept = LOWER_CASE_WORD().test(value) || (/\s/.test(value) && (!isPassphrase(value) || namesPasswordSetting(value))) || state || isDefaultWord(value) || standsForSecret(value) || value.startsWith("[REDACTED");
  return kept ? undefined : `${open}${marker}${close}`;
}

/** What `match` holds inside its `quotes` (`quotesOf`'s). */
function quotedValue(match: string, [open, close]: readonly [string, string]): string {
  return match.slice(open.length, match.length - close.length);
}

/** The search's unquoted readings (`AFTER_IS`, `BARE`) at a given position. */
const UNQUOTED_AT = lazy(() => new RegExp(String.raw`(?:${AFTER_IS}|${BARE})`, "y"));

/**
 * The replacement of what the unquoted readings (`UNQUOTED_AT`) find at `start`, where a quoted
 * passphrase (`„Sommer 2024“`) was kept as prose: its opening quote and first word, when glued
 * (`„Passwort` in `Passwort „Passwort vergessen“`), are judged as they were before quoted values
 * held blanks, and the rest of the quoted text is scanned again.
 */
function unquotedHeadRewrite(marker: string, text: string, start: number): Rewrite | undefined {
  const reading = UNQUOTED_AT();
  reading.lastIndex = start;
  const head = reading.exec(text)?.[0];
  const rewrite = head === undefined ? undefined : rewritePasswordPhrase(head, marker, text, start);
  return typeof rewrite === "string" ? { text: rewrite, kind: SECRET_PARAM_KIND, length: head!.length } : rewrite;
}

/**
 * Whether `value`, quoted and holding blanks, is a passphrase: no prose (`isQuotedProse`), no
 * rule for a password's length (`"min 8 chars"`: `passwordRuleAt`), no stand-in for a secret or
 * placeholder.
 */
export function isPassphrase(value: string): boolean {
  return /\s/.test(value) && !isQuotedProse(value) && passwordRuleAt(value, 0)?.kept !== true && !standsForSecret(value) && !isPlaceholder(value);
}

/**
 * The quotes around `match` as `QUOTED` found it: an ASCII quote (escaped in JSON text held in a
 * string: `lautet \\"Sommer2024\\"`) twice, a backtick around words (one backticked word is
 * `BARE`'s), or a typographic pair with its spaces (`« `, ` »`);
 * undefined for an unquoted value or typographic quotes that pair no way (`»…»`).
 */
export function quotesOf(match: string): readonly [string, string] | undefined {
  const quote = /^\\*["']|^`(?=[^`]*\s)/.exec(match)?.[0];
  if (quote !== undefined) return [quote, quote];
  const open = TYPOGRAPHIC_OPEN.exec(match)?.[0];
  const close = open === undefined || match.length < 3 ? undefined : TYPOGRAPHIC_CLOSE.exec(match)?.[0];
  return open !== undefined && close !== undefined && TYPOGRAPHIC_PAIRS[open.charAt(0)]!.includes(close.charAt(close.length - 1)) ? [open, close] : undefined;
}

/** A plain lower-case word of any script, which prose quotes as often as a value (`"reset"`, `« oublié »`). */
const LOWER_CASE_WORD = lazy(() => new RegExp(String.raw`^\p{Ll}{1,24}$`, "u"));
/** A host's name (`db-prod-01`, `edge-fra-03.internal`): lower-case labels of letters and digits joined by `-` or `.`, which a change's preposition names as where (`na db-prod-01`). */
export const HOST_NAME = /^[a-z][a-z0-9]*(?:[-.][a-z0-9]+)+[.!]?$/;

/** An answer's words among the state words (`ok`, `ja`, `nein`), which a quoted password may be (`Das Passwort ist "Ok"`). */
const ANSWER_WORDS: ReadonlySet<string> = new Set(["ok", "yes", "no", "ja", "nein", "nee", "nej", "nei", "tak", "nie", "ano", "ne", "kyllä", "kylla", "ei"]);

/** A sentence's final punctuation and closing typographic quotes, set aside to judge a value's shape (`password is required.`, `„Passwort geändert“`). */
const FINAL_PUNCTUATION = /(?<![.!?:»›“”‘’«‹])[.!?:»›“”‘’«‹]+$/;

/**
 * Whether `value`, unquoted after a password's word and `is`/`was` (`my password was
 * Summer2024!`), is a password: six characters or more shaped as one (`isPasswordShaped`) once a
 * sentence's final punctuation is set aside, so `password is required.` stays; and besides
 * letters of any script something else, as `isPasswordShaped` counts an accented letter as a
 * symbol (`mot de passe : oublié`, `la clave API es inválida` stay).
 */
function isUnquotedPassword(value: string): boolean {
  const word = value.replace(FINAL_PUNCTUATION, "");
  return word.length >= 6 && isPasswordShaped(word) && NOT_LETTER().test(word);
}
/** `mot de passe` and `:`, French spacing before it or not, right before a value. */
const FRENCH_COLON_BEFORE = new RegExp(String.raw`(?<![\w-])${MOT_DE_PASSE}${COLON}$`);
/** Six letters or more of any script, a word whole. */
const LETTERS_WORD = lazy(() => new RegExp(String.raw`^\p{L}{6,64}$`, "u"));
/** What ends a field's value: the text's, a line's or a JSON string's end, a list's `,`, `;`, `|`, a bracket, or blanks and the next field's `name=` or `name:`. */
const FIELD_END_AFTER = /^(?:[ \t]*(?:$|[\r\n,;|}\]"]|\\[nr"])|[ \t]+[A-Za-z_][\w.-]{0,63}[=:])/;

/**
 * Whether `value`, one word of letters after `mot de passe` and `:` (`mot de passe :
 * azertyuiop`, `mot de passe: Soleil!`), is the password, as it is under a field's name
 * (`mot_de_passe: azertyuiop`): six letters or more, its field's last word (`FIELD_END_AFTER`),
 * no French state's word (`mot de passe : oublié`, `: activé`), no stand-in or state the English
 * `password: …` field keeps (`standsInForSecret`: `: undefined`, `: bcrypt`, `: required`), no
 * placeholder, UI label or default's word. A word prose runs on after stays (`mot de passe : envoyé par e-mail`).
 */
function isFrenchFieldWord(value: string, text: string, start: number): boolean {
  const word = value.replace(FINAL_PUNCTUATION, "");
  if (!LETTERS_WORD().test(word) || !FIELD_END_AFTER.test(text.slice(start + value.length, start + value.length + 80))) return false;
  return !saysOtherPasswordState("mot de passe", word) && !standsInForSecret(word) && !isPlaceholder(word) && !isUiLabel(word) && !isDefaultWord(word);
}

/** A character that is no letter of any script. */
const NOT_LETTER = lazy(() => new RegExp(String.raw`\P{L}`, "u"));

/**
 * Whether `value`, unquoted right after a password's word with no `is`/`was` (`with password
 * hunter2x from …`), is a password: `isUnquotedPassword`'s shape, and besides its letters a digit
 * or a symbol that joins no words (`hunter2`, `Tr0ub4dor&3`, not `auto-generated`, `user's`,
 * `reset_token`), no `=` (the next field: `password user=bob`), no path or URL (`password
 * /etc/app/pw.txt`), no e-mail address (the e-mail detector's) and no number with a word (`3times`,
 * `2nd-factor`): prose runs on after the word where `is` would have announced the value.
 */
export function isBarePassword(value: string): boolean {
  const word = value.replace(FINAL_PUNCTUATION, "");
  return isUnquotedPassword(word) && BEYOND_WORDS().test(word) && !NO_BARE_PASSWORD.test(word);
}
/** A character other than a letter or what joins words (`-`, `_`, `.`, `'`, `’`). */
const BEYOND_WORDS = lazy(() => new RegExp(String.raw`[^\p{L}\-_.'’]`, "u"));
/** A field's `=`, a path's or URL's start, an e-mail address, a number glued to a word (`2nd`, `30days`). */
const NO_BARE_PASSWORD = /=|^(?:[~.]?\/|[A-Za-z]:\\|\\)|:\/\/|^[^@\s]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$|^\d+[A-Za-z]+(?:$|-)/;

/**
 * Whether `value`, unquoted after another credential's word and `is`/`was` (`the secret is
 * hunter2x`, `token was abc123def456`, `PIN is 4821`), is the credential: a PIN's digits after
 * `PIN`, else a password's shape holding a digit (`the secret is safe`, `the secret is rotated
 * daily`, `token is v2` stay), and no Kubernetes Secret's name (`secret is db-creds-2`:
 * `namesSecretObject`), which names an object and holds no value.
 */
function isUnquotedCredential(value: string, pin: boolean): boolean {
  const word = value.replace(FINAL_PUNCTUATION, "");
  if (pin) return PIN_DIGITS.test(word);
  return word.length >= 6 && /\d/.test(word) && isPasswordShaped(word) && !namesSecretObject(word);
}

/**
 * The value's replacement: the marker, then the sentence's punctuation after it as far as
 * `sentenceEndLength` says it is the sentence's (`PIN is 4821.`); a password's `!` is its own.
 */
export function replaced(value: string, marker: string, text: string, start: number): string {
  const tail = sentenceEndLength(value, valueEnd(text, start, start + value.length));
  return `${marker}${value.slice(value.length - tail)}`;
}
