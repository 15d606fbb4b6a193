import { WHOLE_UUID } from "./uuid";

/**
 * Redis commands that carry a password, as client instrumentations write a command into
 * `db.statement` / `db.query.text` and span names (go-redis's redisotel writes the command and
 * its arguments, blank-separated, one command a line for a pipeline): `AUTH [username] password`,
 * `HELLO protover AUTH username password`, `CONFIG SET requirepass|masterauth password`,
 * `MIGRATE … AUTH password | AUTH2 username password`, `ACL SETUSER username >password <password
 * #sha256 !sha256` (Redis command reference, redis.io/docs/latest/commands). Only the password
 * is secret: the command, its keywords, the user name and the server stay.
 *
 * A command is recognised where a Redis client writes one: at the start of the text or of a
 * line, the command word all in capitals or all in lower case (as clients send it; `Auth` is a
 * sentence's word), its arguments fitting the command's grammar. So prose stays: `auth failed
 * for user bob` has too many arguments for `AUTH`, `auth denied` reads as words, and an `AUTH`
 * argument no credential takes makes the line a log line (`AUTH OK`, `auth {"scheme":…}`,
 * `auth 10.0.0.5`, `AUTH PLAIN failed`: below). An argument quoted with blanks, as redis-cli
 * takes one (`AUTH "s3cr3t P4ss"`), is one argument, its quotes kept.
 */

/** The command words, each spelled in capitals and in lower case, as regex alternatives. */
const COMMAND_WORDS = ["AUTH", "HELLO", "CONFIG", "MIGRATE", "ACL"].flatMap((word) => [word, word.toLowerCase()]).join("|");

/**
 * Regex source of a line that starts with a Redis command word and a blank, to the line's end:
 * the candidate `redisPasswords` reads.
 */
export const REDIS_COMMAND_LINE = `(?<![^\\n])[ \\t]*(?:${COMMAND_WORDS})[ \\t][^\\r\\n]*`;

/**
 * The command word and a blank, or a backslash (an escaped blank, `AUTH\t?`, which the escape
 * view reads as one): what starts a line `REDIS_COMMAND_LINE` matches, past its blanks.
 */
const COMMAND_START = new RegExp(`^(?:${COMMAND_WORDS})[ \\t\\\\]`);
/** The longest command word and the character after it. */
const COMMAND_START_LENGTH = "MIGRATE ".length;

/**
 * Whether `text` has a line starting as `REDIS_COMMAND_LINE` does: the evidence that the
 * detector may find something. A native search per line; most texts are one line.
 */
export function holdsRedisCommandLine(text: string): boolean {
  for (let start = 0; start >= 0; ) {
    let at = start;
    while (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9) at++;
    // The first letter of a command word (`a`, `h`, `c`, `m`, either case) before the slice.
    const first = text.charCodeAt(at) | 0x20;
    if ((first === 0x61 || first === 0x68 || first === 0x63 || first === 0x6d) && COMMAND_START.test(text.slice(at, at + COMMAND_START_LENGTH))) return true;
    const next = text.indexOf("\n", at);
    start = next < 0 ? -1 : next + 1;
  }
  return false;
}

/** A password's place in a command line: `[start, end)` in the line. */
export interface PasswordSpan {
  readonly start: number;
  readonly end: number;
}

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** SHA-256 in hex, as `ACL SETUSER`'s `#` and `!` rules take a password's hash. */
const SHA256_HEX = /^[0-9a-fA-F]{64}$/;
/** A placeholder for a bound argument (`AUTH ?`), as some instrumentations write arguments. */
const PLACEHOLDER = /^(?:\?|\$\d+|\[REDACTED:[a-z_]+\])$/;
/**
 * In a lower-case `auth` line, a sentence's word: short letters (`auth denied`) or a name with a
 * number (`auth tenant-42`, `auth user_7`).
 */
const PROSE_WORD = /^(?:[a-z]{1,15}|[a-z]{1,15}[-_]\d{1,9})$/;
/**
 * Words a log line about authentication says after `AUTH`/`auth` (`AUTH OK`, `AUTH PLAIN
 * failed`, `AUTH LOGIN`): outcomes, states and SASL mechanism names, in any case. A line using
 * one as the user name or the password is prose, not a command.
 */
const AUTH_VOCABULARY = new Set(
  [
    "ok", "okay", "success", "succeeded", "successful", "fail", "failed", "failure", "error", "denied",
    "called", "required", "optional", "missing", "invalid", "valid", "expired", "granted", "rejected",
    "pending", "passed", "skipped", "enabled", "disabled", "started", "done", "true", "false", "null",
    "none", "unauthorized", "unauthenticated", "authenticated", "forbidden", "timeout", "bearer", "basic",
    "token", "login", "plain", "anonymous", "external", "xoauth2", "oauthbearer", "cram-md5", "digest-md5",
    "scram-sha-1", "scram-sha-256", "gssapi",
  ],
);
/**
 * Argument shapes no Redis password or user name in a written command takes, which log lines
 * put after `auth`: a JSON object or array opening (`console.log("auth", obj)`), a path, a
 * number or HTTP status, a UUID, an IPv4 address or `host:port`, an e-mail-like `user@host`
 * (the host an IP address or a dotted name: `p@ssw0rd` stays a password), a `key=value` pair.
 */
const NOT_A_CREDENTIAL = [
  /^[{[]/,
  /^\//,
  /^-?\d+(?:\.\d+)?$/,
  WHOLE_UUID,
  /^[\w.-]+:\d{1,5}$/,
  /^\d{1,3}(?:\.\d{1,3}){3}$/,
  /^[^@]+@(?:\d{1,3}(?:\.\d{1,3}){3}|[a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::\d{1,5})?$/i,
  /^[a-z_][\w.-]*=[^=]+$/i,
];

/**
 * The passwords in `line`, a match of `REDIS_COMMAND_LINE`, in order; none when the line does
 * not fit its command's grammar. `isPlaceholder` says which values only stand for a secret
 * (`standsForSecret`: `********`, `${REDIS_PASSWORD}`), which are kept.
 */
export function redisPasswords(line: string, isPlaceholder: (value: string) => boolean): readonly PasswordSpan[] {
  const tokens = tokensOf(line);
  const command = tokens[0]!.text;
  const args = tokens.slice(1);
  const found: Token[] = [];
  const keyword = (token: Token | undefined, word: string): boolean => token !== undefined && token.text.toUpperCase() === word;
  switch (command.toUpperCase()) {
    case "AUTH":
      // `AUTH password` or `AUTH username password`, in either case, each argument one a
      // credential can be (`canBeCredential`); a lower-case `auth` and a short word is prose
      // (`auth denied`, `auth user bob`), unless the user is Redis's `default`.
      if (!args.every(canBeCredential)) break;
      if (args.length === 1 && !isProse(command, args[0]!)) found.push(args[0]!);
      else if (args.length === 2 && (args[0]!.text === "default" || !isProse(command, args[1]!))) found.push(args[1]!);
      break;
    case "HELLO": {
      // HELLO protover [AUTH username password] [SETNAME clientname]
      if (!/^\d+$/.test(args[0]?.text ?? "")) break;
      for (let i = 1; i < args.length; ) {
        if (keyword(args[i], "AUTH") && i + 2 < args.length) {
          found.push(args[i + 2]!);
          i += 3;
        } else if (keyword(args[i], "SETNAME") && i + 1 < args.length) i += 2;
        else return [];
      }
      break;
    }
    case "CONFIG":
      // CONFIG SET parameter value [parameter value …]
      if (!keyword(args[0], "SET") || args.length < 3 || args.length % 2 === 0) break;
      for (let i = 1; i + 1 < args.length; i += 2) {
        if (/^(?:requirepass|masterauth)$/i.test(args[i]!.text)) found.push(args[i + 1]!);
      }
      break;
    case "MIGRATE":
      // MIGRATE host port key|"" destination-db timeout [COPY] [REPLACE] [AUTH password |
      // AUTH2 username password] [KEYS key …]
      if (args.length < 5 || !/^\d+$/.test(args[1]!.text)) break;
      for (let i = 5; i < args.length; i++) {
        if (keyword(args[i], "KEYS")) break;
        if (keyword(args[i], "AUTH") && i + 1 < args.length) found.push(args[++i]!);
        else if (keyword(args[i], "AUTH2") && i + 2 < args.length) found.push(args[(i += 2)]!);
      }
      break;
    case "ACL":
      // ACL SETUSER username [rule …]: `>password` and `<password` add and remove a password,
      // `#hash` and `!hash` its SHA-256; the rule's first character stays.
      if (!keyword(args[0], "SETUSER") || args.length < 3) break;
      for (const rule of args.slice(2)) {
        const sign = rule.text.charAt(0);
        const value = rule.text.slice(1);
        if (((sign === ">" || sign === "<") && value !== "") || ((sign === "#" || sign === "!") && SHA256_HEX.test(value))) {
          found.push({ text: value, start: rule.start + 1, end: rule.end });
        }
      }
      break;
  }
  return found.filter((token) => token.text !== "" && !PLACEHOLDER.test(token.text) && !isPlaceholder(token.text)).map(({ start, end }) => ({ start, end }));
}

/**
 * Whether an `AUTH` argument can be a user name or a password: not a word of the auth
 * vocabulary (`AUTH_VOCABULARY`) nor of a shape a log line puts there (`NOT_A_CREDENTIAL`).
 */
function canBeCredential(argument: Token): boolean {
  const { text } = argument;
  return !AUTH_VOCABULARY.has(text.toLowerCase()) && !NOT_A_CREDENTIAL.some((shape) => shape.test(text));
}

/** Whether `password`, after the command word `command`, reads as a sentence's word (`PROSE_WORD`). */
function isProse(command: string, password: Token): boolean {
  return command === "auth" && PROSE_WORD.test(password.text);
}

/**
 * A word of a command line: a quoted argument as redis-cli and client logs write one with
 * blanks (`"s3cr3t P4ss"`, `'…'`, `\"` escaped in double quotes), its text and place inside the
 * quotes, a sentence's mark after it read with it; else a run of non-blanks.
 */
const WORD = /"((?:[^"\\\r\n]|\\.)*)"[.!?]?(?=[ \t\r]|$)|'([^'\r\n]*)'[.!?]?(?=[ \t\r]|$)|[^ \t\r]+/g;

/**
 * The words of `line` (`WORD`), with their places, up to a sentence's end: a word ending in
 * `.`, `!` or `?` with another word after it ends the command there, without its mark
 * (`AUTH hunter2. Next` is `AUTH hunter2` and prose; a quoted word's mark is outside it already).
 */
function tokensOf(line: string): Token[] {
  const tokens: Token[] = [];
  let quoted = false;
  let endsSentence = false;
  for (const word of line.matchAll(WORD)) {
    const previous = tokens[tokens.length - 1];
    if (previous !== undefined && endsSentence) {
      if (!quoted) tokens[tokens.length - 1] = { text: previous.text.slice(0, -1), start: previous.start, end: previous.end - 1 };
      break;
    }
    const inner = word[1] ?? word[2];
    quoted = inner !== undefined;
    endsSentence = /[.!?]$/.test(word[0]);
    const text = inner ?? word[0];
    const start = quoted ? word.index + 1 : word.index;
    tokens.push({ text, start, end: start + text.length });
  }
  return tokens;
}
