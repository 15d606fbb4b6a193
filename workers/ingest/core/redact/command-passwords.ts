import { isShortPasswordName, standsForSecret } from "./secret-names";

/**
 * Passwords that commands take as plain arguments, by position rather than after an option
 * (password-options.ts has those: `docker login -p …`, `useradd -p …`), as each tool's manual
 * gives its synopsis:
 *
 * - `htpasswd -b[…] passwordfile username password`, `htpasswd -nb username password`;
 * - `mosquitto_passwd -b passwordfile username password`;
 * - `rabbitmqctl add_user|change_password|authenticate_user username password`, `rabbitmqctl hash_password password`;
 * - Windows' `net user username password …` and `net use [device] \\server\share password …`
 *   (`net use … /user:name password`), in lower case or capitals, `net.exe` and `net1` too;
 * - `openssl passwd [options] password`, `mkpasswd [options] password` (whois' mkpasswd);
 * - a password written into a command's standard input: `echo 'user:password' | chpasswd`,
 *   `chpasswd <<< 'user:password'`, `echo password | passwd --stdin user`.
 *
 * Only the password is matched (`COMMAND_PASSWORD_SOURCE`): the command, its options, the file
 * and the user stay, and the rest of the line is left to the other detectors (a user's e-mail
 * address, a host). The command starts the text or follows a blank (a shell's xtrace `+ `), a
 * path's separator, a quote, `(` (`$(mkpasswd …)`), a `=` or a shell's `;`, `|`, `&`. Usage and
 * help text stays: an option where the password stands (`openssl passwd -help`, `net user alice
 * /domain`), a bracket or a redirection (`NET USER [username [password | *]]`, `net user alice
 * 2>&1`), a variable or placeholder (`$PASS`, `%PASSWORD%`, `<password>`, `*`), a word naming
 * the password (`htpasswd -b passwordfile username password`), an argument ending in `:` (an
 * error line: `rabbitmqctl add_user alice: Error: …`). Where a command's name may start prose
 * (`net user accounts are …`, `run mkpasswd to hash it`), a lower-case word stays too.
 *
 * Every repetition is bounded (at most four options before a password), so each candidate reads
 * back a bounded number of words: 64 KB of a command's words repeated costs linear time.
 */

/**
 * Blanks between words, at most eight: the forms are lookbehinds asked after every blank, so an
 * unbounded run would be read back again from each of its blanks (quadratic on long runs).
 */
const BLANKS = "[ \\t]{1,8}";
/** Blanks that may be absent, as few. */
const SOME_BLANKS = "[ \\t]{0,8}";
/** Where a command's name starts: the text's start, a blank, a path's separator, a quote, `(`, `=`, `` ` `` or a shell's separator. */
const COMMAND_START = "(?:^|[\\s/\\\\\"'(;|&=`])";
/**
 * An unquoted argument of the command (a file, a user, an option's value): no option (`-` first,
 * or what `notFirst` adds, a regex class's characters), the command's end (`;`, `|`, `&`, a
 * redirection) or an error's `:` at its end (`add_user alice: Error: …`).
 */
function argument(notFirst = ""): string {
  return `[^\\s;|&<>${notFirst}-](?:[^\\s;|&<>]*[^\\s;|&<>:])?`;
}
const WORD = argument();
/**
 * A user's name where a Windows option could stand: no `/` or `[` first (`net user /domain`,
 * usage's `[username`); or quoted whole (`net user "John Smith" /domain`).
 */
const NAME = `(?:"[^"\\r\\n]{1,64}"|${argument("/\\[\"'")})`;
/** An opening quote, JSON-escaped too (`\"` in a command held in a JSON string). */
const QUOTE = `(?:\\\\?["'])`;
/** `sudo` and up to three of its options (`-u root`), before the command it runs. */
const SUDO = `(?:sudo(?:${BLANKS}-[^\\s;|&<>]+(?:${BLANKS}[\\w.-]+)?){0,3}${BLANKS})`;
/** What may run a command read from a pipe: `sudo` or `doas`, and the command's directory (`/usr/sbin/chpasswd`). */
const RUNNER = `(?:${SUDO}|doas${BLANKS})?(?:(?:/[\\w.-]{1,32}){1,4}/)?`;
/**
 * printf's format holding `%` (`'%s\n'`, JSON's `\"%s\\n\"`), quoted or not, short: its `\n` may
 * be read as a line's end (escape-view.ts).
 */
const FORMAT = `${QUOTE}?[^\\s;|&<>%'"]{0,8}%[^;|&<>'"]{0,8}${QUOTE}?`;
/** What writes a text into a pipe: `echo` with its options, or `printf` with a format (`printf '%s\n'`). */
const FEED = `(?:echo(?:${BLANKS}-[neE]+)?|printf(?:${BLANKS}${FORMAT})?)`;

/**
 * An option among at most four, each with an argument (after a blank or `=`) when its name is
 * among `withValue` (a regex source of names without dashes).
 */
function options(withValue: string): string {
  return `(?:${BLANKS}(?:--?(?:${withValue})(?:=|${BLANKS})${WORD}|--?(?!(?:${withValue})(?![\\w-]))[\\w-]+)){0,4}`;
}

/** Where an unquoted value ends: a blank, a quote, a backslash, `;`, `|`, `&`, `)` or the text's end. */
const VALUE_END = String.raw`(?=[\s"'\\;|&)]|$)`;
/**
 * The password's value: inside its quotes (`'…'`, `"…"`, JSON's `\"…\"`), which stay out of
 * the match, so that a value another detector knows starts where that one's match does (a
 * crypt hash's `$6$…`, `password_hash`); or a word up to a blank, a quote, a backslash, `;`,
 * `|`, `&`, `)` or the text's end (`2>&1`'s `2` is no value).
 */
const VALUE = String.raw`(?:(?<=')[^'\r\n]{1,256}(?=')|(?<=")[^"\\\r\n]{1,256}(?=\\?")|[^\s"'\\;|&<>()${"`"}]+${VALUE_END})`;
/** A lower-case word of prose where the command may be a sentence's word (`net user accounts are …`). */
const NO_PROSE = String.raw`(?![a-z]{1,15}${VALUE_END})`;
/**
 * Nothing but the line's end, a redirection, a comment or a parenthesis after the value (`# add
 * user`, `(exit 1)`), or a closing quote right after it: the command's last argument.
 */
const LAST = String.raw`(?=[ \t]{0,8}(?:$|[\r\n;|&<>)#(]|\d>)|["'\\])`;

/** Each form: the text before the password, as a lookbehind's source, and the checks at its start and after it. */
interface CommandForm {
  /** The command up to the blanks or `:` before its password. */
  readonly before: string;
  /** A lookahead at the password's start: what it may not start with, a prose word's doubt. */
  readonly first: string;
  /** A lookahead after the value, when the form needs one (the last argument, the pipe it is written into). */
  readonly after?: string;
}

/** `htpasswd`'s option clusters (`-c`, `-bB`, `-C 10`): a cost's or rounds' count after one. */
const HTPASSWD_OPTION = `${BLANKS}-[A-Za-z25]+(?:${BLANKS}\\d+)?`;
const MOSQUITTO_OPTION = `${BLANKS}(?:-[HI]${BLANKS}[\\w-]+|-[cDU])`;
const RABBITMQCTL = `rabbitmqctl(?:\\.bat)?(?:${BLANKS}--?[\\w-]+(?:${BLANKS}[^\\s;|&<>-][^\\s;|&<>]*)?){0,4}${BLANKS}`;
/**
 * Windows' `net` (and `net1`), in lower case or capitals as commands and their manuals write it
 * (`Net user growth` is prose), its path quoted too (`"C:/Windows/System32/net.exe" user`).
 */
const NET = `(?:net1?|NET1?)(?:\\.(?:exe|EXE))?${QUOTE}?${BLANKS}`;
const NET_USE = `${NET}(?:use|USE)(?:${BLANKS}(?:[A-Za-z]:|\\*))?${BLANKS}\\\\\\\\${WORD}`;
/** `net use`'s switches before a password: whether the connection persists, then the user's (`/persistent:no /user:alice`, `/u:alice`). */
const NET_USE_SWITCHES = `(?:${BLANKS}/(?:persistent|PERSISTENT|savecred|SAVECRED)(?::${WORD})?){0,2}(?:${BLANKS}/(?:user|USER|u|U):${WORD})?`;
/** An option's name may start the value only after `--`, which ends options. */
const NO_OPTION = "(?!-)";
/** Where only a password stands, a `-` may start it, but a dash and letters alone read as options (`-b`, `-cB`). */
const NO_OPTION_CLUSTER = String.raw`(?!-[A-Za-z]+${VALUE_END})`;
/** Neither a Windows option (`/add`, `/domain`) nor usage's brackets (`[password`). */
const NO_WINDOWS_OPTION = "(?![/\\[])";
const OPENSSL_PASSWD = `openssl${BLANKS}passwd${options("salt|in|rand|writerand|provider|provider-path|propquery")}`;
/** Debian's mkpasswd's options with a value, and expect's (`-l 12`, `-p /usr/bin/passwd`: its program, its last argument a user's name). */
const MKPASSWD = `mkpasswd${options("[mSRPlcCdsp]|method|salt|rounds|password-fd")}`;

const FORMS: readonly CommandForm[] = [
  {
    // The batch flag `b` in a cluster; the password is the last argument, after the file and the user (or the user alone, `-n`).
    before: `htpasswd(?:${HTPASSWD_OPTION}){0,3}${BLANKS}-[A-Za-z25]*b[A-Za-z25]*(?:${HTPASSWD_OPTION}){0,3}(?:${BLANKS}--)?(?:${BLANKS}${WORD}){1,2}${BLANKS}`,
    first: NO_OPTION_CLUSTER,
    after: LAST,
  },
  {
    before: `mosquitto_passwd(?:${MOSQUITTO_OPTION}){0,3}${BLANKS}-b(?:${MOSQUITTO_OPTION}){0,3}(?:${BLANKS}${WORD}){2}${BLANKS}`,
    first: NO_OPTION_CLUSTER,
    after: LAST,
  },
  { before: `${RABBITMQCTL}(?:add_user|change_password|authenticate_user)(?:${BLANKS}--)?${BLANKS}${WORD}${BLANKS}`, first: NO_PROSE },
  { before: `${RABBITMQCTL}hash_password(?:${BLANKS}--)?${BLANKS}`, first: NO_PROSE },
  { before: `${NET}(?:user|USER)${BLANKS}${NAME}${BLANKS}`, first: `${NO_WINDOWS_OPTION}${NO_PROSE}` },
  { before: `${NET_USE}${NET_USE_SWITCHES}${BLANKS}`, first: `${NO_WINDOWS_OPTION}${NO_PROSE}` },
  { before: `${OPENSSL_PASSWD}${BLANKS}`, first: `${NO_OPTION}${NO_PROSE}` },
  { before: `${OPENSSL_PASSWD}${BLANKS}--${BLANKS}`, first: NO_PROSE },
  { before: `${MKPASSWD}${BLANKS}`, first: `${NO_OPTION}${NO_PROSE}` },
  { before: `${MKPASSWD}${BLANKS}--${BLANKS}`, first: NO_PROSE },
  // `echo password | passwd --stdin user`: `--stdin` anywhere among passwd's first arguments.
  {
    before: `${FEED}${BLANKS}`,
    first: NO_OPTION,
    after: `(?=${QUOTE}?${SOME_BLANKS}\\|${SOME_BLANKS}${RUNNER}passwd(?:${BLANKS}[^\\s;|&<>]+){0,3}?${BLANKS}--stdin(?![\\w-]))`,
  },
];

/** A user's name (a letter or `_` first, as useradd's names; `10:30:00` is a time) and the `:` before the password in chpasswd's `user:password` line. */
const CHPASSWD_USER = `${QUOTE}?[A-Za-z_][^\\s:'"\\\\;|&<>]*:`;
/** chpasswd's password: up to a blank, a quote, a backslash (`\n`, `\"`) or the shell's separators. */
const CHPASSWD_PASSWORD = `[^\\s'"\\\\;|&<>]+`;
/** `echo 'user:password' | chpasswd`, `printf '%s\n' 'user:password' | sudo -u root chpasswd`; `chpasswd <<< 'user:password'`. */
const CHPASSWD_FORMS: readonly CommandForm[] = [
  {
    before: `${FEED}${BLANKS}${CHPASSWD_USER}`,
    first: "",
    after: `(?=(?:\\\\n)?${QUOTE}?${SOME_BLANKS}\\|${SOME_BLANKS}${RUNNER}chpasswd(?![\\w-]))`,
  },
  { before: `chpasswd(?:${BLANKS}-[^\\s;|&<>]+){0,3}${SOME_BLANKS}<<<${SOME_BLANKS}${CHPASSWD_USER}`, first: "" },
];

/** The forms whose `first` and `after` are the same, as one lookbehind of their alternatives, `opening` (a regex source) after each. */
function alternatives(forms: readonly CommandForm[], value: string, opening = ""): string {
  const groups = new Map<string, { first: string; after: string; befores: string[] }>();
  for (const { before, first, after = "" } of forms) {
    const key = JSON.stringify([first, after]);
    const group = groups.get(key) ?? { first, after, befores: [] };
    group.befores.push(before);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ first, after, befores }) => `(?<=${COMMAND_START}(?:${befores.join("|")})${opening})${first}${value}${after}`).join("|");
}

/**
 * The detector's regex source: a password given as a command's argument, or after the `:` of
 * chpasswd's line; a blank (or a blank and an opening quote) or `:` asked first, so that no other
 * position reads a command.
 */
export const COMMAND_PASSWORD_SOURCE = `(?:(?<=[ \\t]|[ \\t]${QUOTE})(?:${alternatives(FORMS, VALUE, `${QUOTE}?`)})|(?<=:)(?:${alternatives(CHPASSWD_FORMS, CHPASSWD_PASSWORD)}))`;

/**
 * A necessary condition of a match: a command's name (`htpasswd`, `chpasswd`, … all hold
 * `passwd`), `rabbitmqctl`, or Windows' `net use`/`net user` (`net1`, `net.exe"` quoted), in any
 * case (a gate: one regex with `i`). Its words key the evidence walk's word search (`word-keys.ts`).
 */
export const COMMAND_PASSWORD_HINT = /passwd|rabbitmqctl|net1?(?:\.exe)?(?:\\?")?[ \t]+use/i;

/**
 * What the password in `match` is: its start and end in `match`, or
 * undefined when the value is no password here (`NOT_A_PASSWORD`), or only stands for one: a
 * shell's variable or expansion (`$PASS`, `"${PW}"`, `"$(cat f)"`, `$?`), a placeholder or mask
 * (`<password>`, `%PASSWORD%`, `****`), a marker or a value holding one (another detector's:
 * `password=[REDACTED:…]`), a lock (`!`, `*`), or a word naming a password (`pass`). A crypt
 * hash (`$6$…`) is the password's hash, and goes too. A printf's `\n` after the password stays.
 */
export function commandPasswordIn(match: string): { start: number; end: number } | undefined {
  const end = match.endsWith("\\n") ? match.length - 2 : match.length;
  const value = match.slice(0, end);
  if (value === "" || value.includes("[REDACTED") || SHELL_EXPANSION.test(value) || NOT_A_PASSWORD.test(value)) return undefined;
  if (standsForSecret(value) || isShortPasswordName(value)) return undefined;
  return { start: 0, end };
}
/** A shell variable or expansion starting the value (`$PASS`, `${PW}`, `$(…)`, `` `…` ``), or a special parameter alone (`$?`, `$@`, `$1`); a crypt hash's `$6$` is none. */
const SHELL_EXPANSION = /^(?:\$[A-Za-z_{(]|`|\$[?@#*!$0-9-]$)/;
/**
 * Values that are no password where a command's words are also read in usage text, in its
 * output and in prose (`net user alice The command completed successfully.`, `mkpasswd 5.5.13`,
 * `rabbitmqctl change_password admin Error: no_such_user`): one plain word (letters or `_`
 * alone, in any case, a `.`, `,`, `:` or `!` after it), a version, a date or time (`2026-12-06`),
 * a count, port or percentage (at most five digits, `25%`), a host's name (`db01.example.com`), a lock (`!`, `!!`, `*`), or what opens a placeholder, a usage's
 * bracket or a comment (`{{ pw }}`, `{}`, `%1`, `%user%`, `!pass!`, `@file`, `[PASSWORD]`,
 * `{password | *}`, `<password>`, `#123`). A password of letters alone or of five digits at most
 * is so given up: such a password is a guess away already.
 */
const NOT_A_PASSWORD = /^(?:[A-Za-z_]+[.,:!]?|\d+(?:[.:/-]\d+)+(?:T[\d:.]+Z?)?|\d{1,5}%?|(?:[A-Za-z\d-]+\.)+[A-Za-z]{2,}|[!*]+|%\w+%?|!\w+!)$|^[{[<#@]/;
