import { lazy } from "../../../shared/lazy";
import { caseless } from "./detectors/detector";
import { WHOLE_UUID } from "./uuid";
import { isRedisCommandName } from "./redis-command-names";
import { AFTER_LOGGER_PREFIX, MESSAGE_START } from "./logger-prefix";
import { blanksBefore } from "./blanks";
import { REDIS_ERROR_CODES } from "./error-names";
import { isOtherDatabase } from "./other-databases";

/**
 * Redis commands that carry a password, as client instrumentations write a command into
 * `db.statement` / `db.query.text` and span names (go-redis's redisotel writes the command and
 * its arguments, blank-separated, one command a line for a pipeline): `AUTH [username] password`,
 * `HELLO protover AUTH username password`, `CONFIG SET requirepass|masterauth password`,
 * `MIGRATE … AUTH password | AUTH2 username password`, `ACL SETUSER username >password <password
 * #sha256 !sha256` (Redis command reference, redis.io/docs/latest/commands). Only the password
 * is secret: the command, its keywords, the user name and the server stay.
 *
 * A command is recognised wherever clients and tools print one (`REDIS_COMMAND_SOURCE`): a
 * line's words, after redis-cli's prompt, MONITOR's prefix, a `;` or inside a JSON string; an
 * argument list (JSON, ioredis' debug line, RESP, an `arrayValue`: `redisArgumentPasswords`);
 * `AUTH` and a credential-shaped word in prose. Its word is read in any case (Redis reads it
 * so), its arguments must fit the command's grammar. Where words are only blank-separated, prose
 * stays: `auth failed for user bob` has too many arguments for `AUTH`, `auth denied` and
 * `Auth s3cretlooking` read as words, and an `AUTH` argument no credential takes makes the line
 * a log line (`AUTH OK`, `auth {"scheme":…}`, `auth 10.0.0.5`, `AUTH PLAIN failed`: below). An
 * argument quoted with blanks, as redis-cli takes one (`AUTH "s3cr3t P4ss"`), is one argument,
 * its quotes kept.
 */

/**
 * The command words, in any case (Redis reads a command's name caseless), as a regex group; and
 * MIGRATE's `AUTH2 username password`, which a line joining a command's parts with `;` writes as
 * a command of its own (`MIGRATE h 6379 k 0 5000;AUTH2 user pw`).
 */
const COMMAND_WORD = `(?:${["auth2", "auth", "hello", "config", "migrate", "acl"].map(caseless).join("|")})`;

/**
 * redis-cli's prompt (`127.0.0.1:6379> `, `::1:6379[2]> `, `127.0.0.1:6379(TX)> `,
 * `127.0.0.1:6379(subscribed mode)> ` while subscribed,
 * `redis /tmp/redis.sock> `, older `redis 127.0.0.1:6379> `, `not connected> `) and the
 * `redis> ` of Redis's documentation; valkey-cli's is the same.
 */
const PROMPT = "(?:(?:redis|valkey)(?:[ \\t]{1,8}[^\\s>]{1,255})?|[\\w.:-]{1,255}:\\d{1,5}|not connected)(?:\\[\\d{1,5}\\])?(?:\\((?:TX|subscribed mode)\\))?>";
/**
 * The blanks before a command, in a lookbehind: bounded, so that a lookbehind tried at each
 * place of a long run of blanks reads a bounded part of it (the scan stays linear).
 */
const BLANKS = "[ \\t]{0,64}";
/** The command words' first letters, either case: checked before a lookbehind, which is slower to fail. */
const COMMAND_INITIALS = "AaHhCcMm";
/**
 * A command word and the blank after it, checked before a lookbehind that reads a logger's prefix
 * or a prompt back (each slow to fail): at every `a` and `h` of a line of `auth: …` fields the
 * initials alone would send the scan into it. So too a directive's word and blank or a `CONFIG
 * GET` reply's number, `) ` and quote, before the directive's lookbehind (at every `u` and digit).
 */
const COMMAND_AHEAD = `(?=${COMMAND_WORD}[ \\t])`;
/**
 * What a command written as a line's words holds after its word: a character of the line but a
 * `"`, a quoted argument after a blank (`"s3cr3t P4ss"`, a sentence's mark or `;` after it), or a
 * `"` inside a word (`pa"ss`). Any other `"` (before `,`, `:`, `}`, `]`, a blank or the end)
 * ends the command: it is in a JSON string, read as its escapes say (`{"msg":"x\nAUTH pw"}`,
 * `{"msg":"ok; AUTH pw"}`, `"{\"msg\":\"ok; AUTH pw\"}"`), and the string's closing quote is
 * no part of the password.
 */
const LINE_CHARACTER = `(?:[^"\\r\\n]|(?<=[ \\t])"(?:[^"\\\\\\r\\n]|\\\\.)*"(?=[.!?;]?(?:[ \\t\\r\\n]|$))|(?<=[^\\s"])"(?=[^\\s",:}\\]]))`;
/**
 * How far a command joined to a line's earlier words (after a `;`, a `|` or redis-cli's prompt)
 * is read, in characters: bounded, so that a line of many such commands reads each a bounded
 * length (its words end the command at the next join: `tokensOf`) and the scan stays linear.
 */
const AFTER_JOIN = 1024;
/**
 * A command an error message quotes (`Redis::CommandError: WRONGPASS invalid username-password
 * pair (AUTH default pw)`, `Redis error [AUTH pw]`, `` `AUTH pw` ``): inside parentheses,
 * brackets or backquotes, to the closing one, at most this many characters (bounded, so that
 * a text of many opened and never closed reads each a bounded part and the scan stays linear).
 */
const ENCLOSED = 256;
/**
 * The end of an error's name before the message, after which a command starts the message
 * (`ReplyError: AUTH pw`, `ERR error: auth pw`): `error`, `err`, `exception`, `failed`, in any
 * case, a `:` and blanks.
 */
const ERROR_COLON = `(?:${["error", "err", "exception", "failed"].map(caseless).join("|")}):[ \\t]{1,8}`;
/**
 * What names the command that follows on a line: a `command` or `cmd` label and its `:` or `=`
 * after a word's start (`Command: AUTH admin pw`, `cmd=auth default pw`), or the word
 * `redis`/`valkey` or a Node or Go client's name opening the message or a JSON string, as a
 * logger's name, maybe in brackets (`redis AUTH admin pw`, `redis: auth pw`, `[redis] AUTH pw`,
 * `ioredis AUTH pw`; inside a sentence it is prose: `a Redis AUTH in RESP`), in any case; the command's words
 * are judged as a line's (`Command: auth status`, `redis auth failed` stay).
 */
/** The names a logger gives Redis's messages (`CLIENT_NAMES`' alternatives, any case). */
const CLIENT_NAMES = ["redis", "valkey", "ioredis", "node-redis", "go-redis"].map(caseless).join("|");
const COMMAND_LABEL = `(?<![\\w.-])(?:${["command", "cmd"].map(caseless).join("|")})[ \\t]{0,8}[:=][ \\t]{0,8}|(?:${MESSAGE_START}|(?<!\\\\)")${BLANKS}(?:\\[(?:${CLIENT_NAMES})\\]|(?:${CLIENT_NAMES}):?)[ \\t]{1,8}`;
/**
 * The directives of a Redis configuration file (redis.conf, one a line) that carry a password:
 * `requirepass password`, `masterauth password` and `user username rule …` (ACL rules,
 * redis.io/docs/latest/operate/oss_and_stack/management/security/acl). A line's words only: a
 * commented example (`# requirepass foobared`) is no setting and stays.
 */
const DIRECTIVE_WORD = `(?:${["requirepass", "masterauth", "user"].map(caseless).join("|")})`;
/**
 * redis-cli's reply to `CONFIG GET` (one numbered line per name and per value:
 * `1) "requirepass"\n2) "pw"`), the password directive's value on the line after its name.
 */
const CONFIG_REPLY = '\\d{1,5}\\) "(?:requirepass|masterauth)"\\r?\\n[ \\t]{0,8}\\d{1,5}\\) "(?:[^"\\\\\\r\\n]|\\\\.)*"';
/** MONITOR's prefix of a command: `1700000000.123456 [0 10.0.0.1:6379] ` (`[0 lua]`, `[0 unix:/tmp/redis.sock]`). */
const MONITOR_PREFIX = "\\d{1,12}\\.\\d{1,6} \\[\\d{1,5} [^\\]\\r\\n]{1,300}\\] ";
/** A double quote escaped, at any level of JSON text held in a string: `\"`, `\\\"`. */
const ESCAPED_QUOTE = '\\\\{1,15}"';
/**
 * One argument of a list as JSON and Node's `util.inspect` (ioredis' debug log) print it: quoted
 * (its text captured, by the quote: `"`, `'`, a backtick, or `"` escaped at any level, the list
 * being JSON text held in a JSON string: `"[\"AUTH\",\"pw\"]"`: `QUOTED_LIST_ITEM`), or a bare
 * number or word.
 */
const QUOTED_LIST_ITEM =
  "(?:\"((?:[^\"\\\\\\r\\n]|\\\\.)*)\"|'((?:[^'\\\\\\r\\n]|\\\\.)*)'|`((?:[^`\\\\\\r\\n]|\\\\.)*)`|" +
  `${ESCAPED_QUOTE}((?:[^"\\\\\\r\\n]|\\\\+[^"\\\\\\r\\n])*)${ESCAPED_QUOTE})`;
const LIST_ITEM = `(?:${QUOTED_LIST_ITEM}|[\\w.+-]+)`;
/**
 * The items after a list's first, each after a comma, and the `[length]: n` that Node's
 * `util.format` adds to an array it prints for `%o` (`debug` itself prints none).
 */
const MORE_ITEMS = `(?:[ \\t]*,[ \\t]*${LIST_ITEM})*(?:[ \\t]*,[ \\t]*\\[length\\]:[ \\t]*\\d+)?`;

/** A key of an object as JSON (also held in a JSON string, its quotes escaped) or `util.inspect` writes one. */
const objectKey = (name: string): string => `(?:${ESCAPED_QUOTE}|["']?)${name}(?:${ESCAPED_QUOTE}|["']?)[ \\t]*:`;
/** The command word as a quoted string: JSON's, `util.inspect`'s (a backtick's too), or JSON's held in a JSON string. */
const QUOTED_COMMAND_WORD = `(?:"${COMMAND_WORD}"|'${COMMAND_WORD}'|\`${COMMAND_WORD}\`|${ESCAPED_QUOTE}${COMMAND_WORD}${ESCAPED_QUOTE})`;
/**
 * The command word in capitals, quoted as a client prints the command it sent (redis-py's
 * `('AUTH', 'pw')`, `'AUTH', 'pw'`): in lower case (`('auth', 'user logged in')`) the words are
 * a call's arguments, a log's category and its text.
 */
const QUOTED_SENT_COMMAND_WORD = (() => {
  const capitals = "(?:AUTH2|AUTH|HELLO|CONFIG|MIGRATE|ACL)";
  return `(?:"${capitals}"|'${capitals}')`;
})();
/** Blanks and line breaks between an object's parts, as `util.inspect` breaks a long object: bounded. */
const OBJECT_SPACE = "\\s{0,64}";
/** A member's value holding no text: a number or word (`0`, `false`, `null`), an empty list or object (ioredis' `flags: []`). */
const TEXTLESS_VALUE = "(?:[\\w.+-]+|\\[[ \\t]*\\]|\\{[ \\t]*\\})";
/**
 * A command object's other member and the `,` after it, its value a scalar or an empty list or
 * object: ioredis' `Command` holds `keyPrefix: 'x'`, `inTransaction: false`, `isResolved:
 * false`, `errorStack: undefined`, `flags: []`, `db: 0` between its `name` and its `args`; at
 * most `OTHER_MEMBERS_MOST` of them.
 */
const OTHER_MEMBER = `${objectKey("[A-Za-z_$][\\w$]{0,63}")}${OBJECT_SPACE}(?:"(?:[^"\\\\\\r\\n]|\\\\.)*"|'(?:[^'\\\\\\r\\n]|\\\\.)*'|\`[^\`\\r\\n]*\`|${ESCAPED_QUOTE}(?:[^"\\\\\\r\\n]|\\\\+[^"\\\\\\r\\n])*${ESCAPED_QUOTE}|${TEXTLESS_VALUE})${OBJECT_SPACE},${OBJECT_SPACE}`;
const OTHER_MEMBERS_MOST = 16;
/** A key's namespace parts before its last, as a dotted key writes them (`redis.`, `db.redis.`): at most three. */
const DOTTED = "(?:[A-Za-z_]\\w{0,31}\\.){0,3}";
/**
 * A member holding no text (`TEXTLESS_VALUE`: a logger's `"db":0`) or a plain lower-case word
 * (`"db.system":"redis"`), and the `,` after it: what may stand before or between a command's
 * word and its arguments, which the detector keeps unscanned up to the last password (an
 * `"email"` there leaves the object unread rather than kept in clear).
 */
const PLAIN_MEMBER = `${objectKey("[A-Za-z_$][\\w$.]{0,63}")}${OBJECT_SPACE}(?:${TEXTLESS_VALUE}|(?:${ESCAPED_QUOTE}|["'])[a-z]{1,32}(?:${ESCAPED_QUOTE}|["']))${OBJECT_SPACE},${OBJECT_SPACE}`;
/**
 * The keys of a member naming a command beside its `args` (`COMMAND_OBJECT`'s second form): a
 * logger's `command`, `cmd` or `redisCommand`, maybe namespaced (`redis.command`), or
 * OpenTelemetry's `db.operation`/`db.operation.name` (`SIBLING_COMMAND_KEY`, which members
 * holding no text may precede); or the `name` a client's command object holds, in
 * an object that is no member's value nor a list's item (`{"job":{"name":"auth","args":[…]}}`
 * is a job's).
 */
const SIBLING_COMMAND_KEY = `(?:${DOTTED}(?:command|cmd|redisCommand)|db\\.operation(?:\\.name)?)`;
const COMMAND_KEY = `(?:${SIBLING_COMMAND_KEY}|(?<![:,[]\\s{0,64}\\{\\\\*["'\`]?)name)`;
/**
 * The keys of a command's arguments beside its word: `args`, maybe under a namespace as a
 * dotted key writes it (`redis.args`, `db.redis.args`).
 */
const ARGS_KEY = `${DOTTED}args`;
/**
 * The keys OpenTelemetry's database conventions hold a Redis command's text under
 * (`db.redis.args`, `db.statement`, `db.query.text`), beside the command's `db.operation` /
 * `db.operation.name`: the arguments as one blank-separated string.
 */
const ARGS_TEXT_KEY = "db\\.(?:redis\\.args|statement|query\\.text)";
/**
 * What holds a command object: a `command` member (ioredis' `ReplyError`'s `err.command`, as
 * pino's JSON, JSON held in a JSON string or `util.inspect` writes it), or the `Command` class's
 * name `util.inspect` puts before the object; read as a lookbehind ending at the object's `{`.
 * Another parent's `name` and `args` (`job`, `task`, `fn`, `event`) are a job's or a call's.
 */
const COMMAND_PARENT = `(?<=(?:\\bcommand(?:\\\\*["'])?[ \\t]*:${OBJECT_SPACE}|\\bCommand[ \\t])\\{)`;
/**
 * A client's command as an object, the command word its `name` and its arguments the `args`
 * list: ioredis' `Command` on the `ReplyError` it rejects with, which pino's error serializer
 * and `util.inspect` print (`"command":{"name":"auth","args":["default","pw"]}`, `command: {
 * name: 'auth', args: [ 'default', 'pw' ] }`), or its members in the other order, as a map
 * stored with sorted keys writes them (`{"args":["default","pw"],"name":"auth"}`), other members
 * with scalar values between (`OTHER_MEMBER`), the list maybe ending in `%o`'s `[length]: n`;
 * only under a `command` member or the `Command` class's name (`COMMAND_PARENT`); or, under any
 * parent, an object opening with a `command` member naming the command and then its `args`, as
 * a logger writes a command's word and arguments (`{"command":"auth","args":["default","pw"]}`),
 * or the other way round with other members between (sorted keys). The match starts at the `{`.
 */
const COMMAND_OBJECT = (() => {
  const word = (key: string) => `${objectKey(key)}${OBJECT_SPACE}${QUOTED_COMMAND_WORD}`;
  const length = `(?:${OBJECT_SPACE},${OBJECT_SPACE}\\[length\\]:[ \\t]*\\d+)?`;
  const list = `\\[${OBJECT_SPACE}${LIST_ITEM}(?:${OBJECT_SPACE},${OBJECT_SPACE}${LIST_ITEM})*${length}${OBJECT_SPACE}\\]`;
  const args = `${objectKey("args")}${OBJECT_SPACE}${list}`;
  const siblingArgs = `(?:${objectKey(ARGS_KEY)}${OBJECT_SPACE}${list}|${objectKey(ARGS_TEXT_KEY)}${OBJECT_SPACE}(?:${ESCAPED_QUOTE}|")[^"\\\\\\r\\n]{1,${ENCLOSED}}(?:${ESCAPED_QUOTE}|"))`;
  const members = `(?:${OTHER_MEMBER}){0,${OTHER_MEMBERS_MOST}}`;
  const then = `${OBJECT_SPACE},${OBJECT_SPACE}${members}`;
  const named = `(?:${word("name")}${then}${args}|${args}${then}${word("name")})`;
  // The rewrite keeps what it reads before the last password without scanning it: only members
  // holding no text or a plain word stand before or between the command's member and its
  // arguments, or before the arguments written first (`PLAIN_MEMBER`: `"db":0`,
  // `"db.system":"redis"`).
  const plain = `(?:${PLAIN_MEMBER}){0,${OTHER_MEMBERS_MOST}}`;
  const commanded = `(?:(?:${word(COMMAND_KEY)}|${plain}${word(SIBLING_COMMAND_KEY)})${OBJECT_SPACE},${OBJECT_SPACE}${plain}${siblingArgs}|${plain}${siblingArgs}${then}${word(COMMAND_KEY)})`;
  return `\\{(?:${COMMAND_PARENT}${OBJECT_SPACE}${named}|${OBJECT_SPACE}${commanded})`;
})();
/**
 * A command's arguments as a list without its brackets, the command first in capitals, as a
 * message quotes them (`sent 'AUTH', 'pw'`; `QUOTED_SENT_COMMAND_WORD`): not after a word, a quote, an opening or a `:` or `,` (a JSON
 * member's value, an item of a longer list), and followed by no `,` or `:` (a JSON object's
 * members `"AUTH", "user":` are no arguments).
 */
const BARE_LIST = `(?<![\\w'"\`\\\\])(?<![[(:,][ \\t]{0,8})${QUOTED_SENT_COMMAND_WORD}[ \\t]*,[ \\t]*${LIST_ITEM}${MORE_ITEMS}(?![ \\t]*[,:\\]\\)])`;

/**
 * A word after `AUTH` in a sentence: a run of non-blanks, or one quoted with `"` or `'` (also
 * escaped, in a JSON string: `sent AUTH admin \"p@ss\"`), which a sentence quotes a value with;
 * a quote opening a word with a blank inside (`'s3cr3t P4ss'`) is a command's argument, which
 * the line's form reads whole.
 */
const PROSE_WORD_SOURCE = `(?:"[^"\\s]{1,256}"|\\\\"[^"\\s\\\\]{1,256}\\\\"|'[^'\\s]{1,256}'|[^\\s"'][^\\s"]*)`;
/**
 * An SMTP client's answer to the server's `334` challenge in a session's transcript (RFC 4954:
 * `AUTH LOGIN` asks `334 VXNlcm5hbWU6` and `334 UGFzc3dvcmQ6`, base64 of `Username:` and
 * `Password:`; `AUTH PLAIN` without its argument gets an empty `334 `): the answer, on the next
 * line, after the client's `C: ` or `> `, is the base64 of the user name or the password. The
 * server's line may open with `S: ` or `< `.
 */
const SMTP_CHALLENGE_ANSWER =
  `(?=3)(?<=${MESSAGE_START}(?:S:[ \\t]{1,8}|<[ \\t]{0,8})?)334(?:[ \\t]{1,8}(?:VXNlcm5hbWU6|UGFzc3dvcmQ6|dXNlcm5hbWU6|cGFzc3dvcmQ6))?[ \\t]{0,8}\\r?\\n` +
  "(?:C:[ \\t]{1,8}|>[ \\t]{0,8})?[A-Za-z0-9+/]{4,4096}={0,2}(?![^\\r\\n])";
/** The answer's base64 at the end of a `SMTP_CHALLENGE_ANSWER` match. */
const CHALLENGE_ANSWER = /[A-Za-z0-9+/]+=*$/;

/**
 * Regex source of a Redis command as clients and tools print one, each match starting at the
 * command (`redisPasswords` reads it, its form told by its first character):
 * - a line's words (a span's `db.statement`, a pipeline's line, a log Body), the command starting
 *   the text or a line, after redis-cli's prompt (also after a blank, a session's lines joined
 *   into one: `127.0.0.1:6379> AUTH pw1 127.0.0.1:6379> AUTH pw2`, or opening a JSON string:
 *   `{"msg":"127.0.0.1:6379> AUTH pw"}`), MONITOR's prefix (the
 *   command and arguments quoted there: `"AUTH" "pw"`, also without the prefix at a line's
 *   start, as MONITOR's command is copied into logs, or after a `;` or `|` joining commands, or
 *   after a line's words, quoted words only: `auth "AUTH" "pw"`; after the prefix in a JSON
 *   string, its quotes escaped: `\"AUTH\" \"pw\"`), a `;` or `|` (`ok; AUTH pw`,
 *   `GET k | AUTH pw`) or a double quote (a JSON string:
 *   `{"command":"AUTH pw"}`, `{"msg":"> AUTH pw"}`, up to the string's end, its escaped quotes quoting an argument;
 *   one level further down, `{\"command\":\"AUTH pw\"}`, up to the escaped quote), to the
 *   line's end or a `"` that quotes no argument (`LINE_CHARACTER`);
 * - a command an error message quotes: inside `(…)`, `[…]` or backquotes, to the closing one
 *   (`ENCLOSED`), or after an error's name and `: ` (`ERROR_COLON`), its words judged as a line's
 *   (`(AUTH required)`, `(auth failed)` stay); so too after a label naming it (`COMMAND_LABEL`:
 *   `Command: AUTH admin pw`, `redis AUTH admin pw`);
 * - ioredis' debug line's call, `auth([ 'default', 'pw' ])` (`write command[…]: 0 -> …`);
 * - an array of arguments as JSON or `util.inspect` print it, the command its first item
 *   (`["AUTH","pw"]`, node-redis' command arrays); a tuple of quoted items and bare numbers, the
 *   command in capitals (redis-py's `AuthenticationError: ('AUTH', 'pw')`, `('HELLO', 3, 'AUTH',
 *   'default', 'pw')`); the list without brackets (`BARE_LIST`); a command
 *   object (`COMMAND_OBJECT`, ioredis' `ReplyError`'s `command`);
 * - RESP, the protocol's own text (`*2\r\n$4\r\nAUTH\r\n$2\r\npw\r\n`);
 * - in prose, `AUTH` in capitals and the word or two after it (a user's name and the password),
 *   the match starting at the blank before (`sent AUTH s3cr3tP4ss to redis`, `sent AUTH admin
 *   Tr0ub4dor3`).
 * Each start is bound by a lookbehind or a character of its own, so no match starts inside a
 * rejected one's command.
 */
export const REDIS_COMMAND_SOURCE = [
  `${COMMAND_AHEAD}(?<=${MESSAGE_START}${BLANKS}(?:(?:${PROMPT}|>)${BLANKS})?)${COMMAND_WORD}[ \\t]${LINE_CHARACTER}*`,
  // A directive and a `CONFIG GET` reply share their lookbehind (one logger's prefix to compile, not two).
  `(?=${DIRECTIVE_WORD}[ \\t]|\\d{1,5}\\) ")(?<=${MESSAGE_START}${BLANKS})(?:(?=[RrMmUu])${DIRECTIVE_WORD}[ \\t]${LINE_CHARACTER}*|(?=\\d)${CONFIG_REPLY})`,
  `(?=[${COMMAND_INITIALS}])(?<=[;|]${BLANKS}|(?:[ \\t]|(?<!\\\\)")${PROMPT}[ \\t]${BLANKS})${COMMAND_WORD}[ \\t]${LINE_CHARACTER}{0,${AFTER_JOIN}}`,
  `(?=")(?<=${MONITOR_PREFIX}|${MESSAGE_START}${BLANKS})"${COMMAND_WORD}"[ \\t]+"[^\\r\\n]*`,
  `(?=")(?<=[;|]${BLANKS})"${COMMAND_WORD}"[ \\t]+"[^\\r\\n]{0,${AFTER_JOIN}}`,
  `(?=")(?<=\\S[ \\t]{1,64})"${COMMAND_WORD}"(?:[ \\t]+"(?:[^"\\\\\\r\\n]|\\\\.)*")+(?=[ \\t\\r\\n]|$)`,
  `(?=[${COMMAND_INITIALS}])(?<=(?<!\\\\)"(?:>${BLANKS})?)${COMMAND_WORD}[ \\t](?:[^"\\\\\\r\\n]|\\\\.)*`,
  `(?=\\\\)(?<=${MONITOR_PREFIX})\\\\"${COMMAND_WORD}\\\\"(?:[ \\t]+\\\\"(?:[^"\\\\\\r\\n]|\\\\[^"\\r\\n])*\\\\")+`,
  `(?=[${COMMAND_INITIALS}])(?<=\\()${COMMAND_WORD}[ \\t][^()\\r\\n]{0,${ENCLOSED}}(?=\\))`,
  `(?=[${COMMAND_INITIALS}])(?<=\\[)${COMMAND_WORD}[ \\t][^[\\]\\r\\n]{0,${ENCLOSED}}(?=\\])`,
  `(?=[${COMMAND_INITIALS}])(?<=\`)${COMMAND_WORD}[ \\t][^\`\\r\\n]{0,${ENCLOSED}}(?=\`)`,
  `(?=[${COMMAND_INITIALS}])(?<=${ERROR_COLON}|${COMMAND_LABEL})${COMMAND_WORD}[ \\t]${LINE_CHARACTER}{0,${AFTER_JOIN}}`,
  `(?=[${COMMAND_INITIALS}])(?<=\\\\")${COMMAND_WORD}[ \\t](?:[^"\\\\\\r\\n]|\\\\[^"\\\\\\r\\n])*`,
  `(?<![\\w$.])${COMMAND_WORD}\\(\\[[ \\t]*${LIST_ITEM}${MORE_ITEMS}[ \\t]*\\]\\)`,
  `\\[[ \\t]*${QUOTED_COMMAND_WORD}[ \\t]*,[ \\t]*${LIST_ITEM}${MORE_ITEMS}[ \\t]*\\]`,
  `\\([ \\t]*${QUOTED_SENT_COMMAND_WORD}(?:[ \\t]*,[ \\t]*(?:${QUOTED_LIST_ITEM}|\\d{1,9}))+[ \\t]*\\)`,
  COMMAND_OBJECT,
  BARE_LIST,
  `(?<![\\w*$])\\*\\d{1,3}\\r?\\n\\$\\d{1,9}\\r?\\n${COMMAND_WORD}\\r?\\n(?:\\$\\d{1,9}\\r?\\n[^\\r\\n]*(?:\\r?\\n|\\r?$))*`,
  `(?<=[^\\s;|>"])[ \\t]+AUTH[ \\t]+(?:${PROSE_WORD_SOURCE}[ \\t]+)?${PROSE_WORD_SOURCE}`,
  SMTP_CHALLENGE_ANSWER,
].join("|");

/**
 * A command word in any case, a password directive or a `user` directive's password rule: the
 * evidence `holdsRedisCommand` looks for (`masterauth` holds `auth`).
 */
export const ANY_REDIS_COMMAND_WORD = /auth|hello|config|migrate|acl|requirepass|user[ \t][^\n]{0,256}[>#]/i;

/**
 * Whether `text` holds a command word in any case: the evidence that the detector may find
 * something (every form `REDIS_COMMAND_SOURCE` reads holds one). One native search.
 */
export function holdsRedisCommand(text: string): boolean {
  return ANY_REDIS_COMMAND_WORD.test(text);
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
 * Words that follow `AUTH default` in a sentence about the default user or mechanism (`AUTH
 * default user`, `AUTH default mechanism is PLAIN`), not a password.
 */
const DEFAULT_PROSE_WORDS = new Set(["user", "users", "mechanism", "method", "mode", "setting", "settings", "config", "is", "was", "to", "for", "with", "and", "or", "the", "a", "an", "of", "on", "in"]);
/** A Redis user's name as a sentence writes one after `AUTH`: a word of letters, digits, `_`, `.` and `-`. */
const USER_NAME = /^[A-Za-z_][\w.-]{0,63}$/;
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
 * What the text around a command says of it (`commandContext`): `typed`, it follows redis-cli's
 * prompt (`followsPrompt`); `saysRedis`, its line names Redis (`REDIS_NAME`, `REPLY_CODE`, a `command:` or
 * `cmd=` label before it, MONITOR's prefix); `afterProgram`, a command-line program's name
 * (`CLI_PROGRAM`) stands right before it (`gh auth status`); `sent`, its words are a client's
 * arguments (a command object's `args` beside its word); `underCommand`, an object is a
 * `command` member's value or follows ioredis' `Command` class name; `following`, the first
 * words after it on its line (`wordsOf`: `3ms` after `AUTH took`), a report's complement.
 */
export interface CommandContext {
  readonly typed?: boolean;
  readonly saysRedis?: boolean;
  readonly afterProgram?: boolean;
  readonly sent?: boolean;
  readonly underCommand?: boolean;
  readonly following?: readonly string[];
}

/**
 * What names Redis on a command's line, which makes the command the one sent to Redis: a Redis
 * or Valkey name, a client's (ioredis, node-redis, go-redis, redis-py, Jedis, Lettuce,
 * StackExchange.Redis: `redis`, `jedis`, `lettuce` inside them, any case), or a reply's error
 * code in capitals (`WRONGPASS`, `NOAUTH`, `NOPERM`, `ERR`).
 */
const REDIS_NAME = /redis|valkey|jedis|lettuce/i;
const REPLY_CODE = /\b(?:WRONGPASS|NOAUTH|NOPERM|ERR)\b/;
/** A `command:`/`cmd=` label, or MONITOR's prefix, just before a command (the text read up to it). */
const LABEL_BEFORE = lazy(() => new RegExp(`(?:(?<![\\w.-])(?:command|cmd)[ \\t]{0,8}[:=][ \\t]{0,8}|${MONITOR_PREFIX})$`, "i"));
/**
 * Command-line programs with an `auth` command of their own (GitHub's `gh`, Google Cloud's
 * `gcloud`, Azure's `az`, `firebase`, `npm`, `docker`, `heroku`, `vercel`, `wrangler`, Vault's
 * `vault`, `kubectl`, `aws`, `flyctl`, `supabase`, `netlify`, `doctl`, `gsutil`, `pulumi`,
 * `terraform`), as a word just before `auth`, maybe quoted (`"gh" "auth" "status"`).
 */
const CLI_PROGRAM = /(?<![\w.-])["'`]?(?:gh|gcloud|az|firebase|npm|npx|docker|heroku|vercel|wrangler|vault|kubectl|aws|flyctl|fly|supabase|netlify|doctl|gsutil|pulumi|terraform)["'`]?[ \t]{1,8}["'`]?$/;
/** A `command` member's key or ioredis' `Command` class name just before an object (`COMMAND_PARENT`'s text). */
const COMMAND_PARENT_BEFORE = /(?:\bcommand(?:\\*["'])?[ \t]*:\s{0,64}|\bCommand[ \t])$/;
/** How many words after a command `commandContext` gives: a report's verb and its complement (`took 3ms`, `completed in 4ms`). */
const FOLLOWING_WORDS = 3;
/** How far around a command its line is read for `commandContext`, each way: bounded, so the scan stays linear. */
const CONTEXT_REACH = 512;

/**
 * What the text `scanned` around the command at `[start, end)` says of it (`CommandContext`):
 * its line (to a line break, at most `CONTEXT_REACH` characters each way) is read for Redis's
 * names and replies, the text just before it for a label, a prompt or a program.
 */
export function commandContext(scanned: string, start: number, end: number): CommandContext {
  const from = Math.max(0, start - CONTEXT_REACH);
  const before = scanned.slice(from, start);
  // A line break, or one escaped in a JSON string (`\\n`), ends the line.
  const escapedBreak = before.lastIndexOf("\\n");
  const lineStart = Math.max(before.lastIndexOf("\n") + 1, escapedBreak < 0 ? 0 : escapedBreak + 2);
  const after = scanned.slice(end, end + CONTEXT_REACH);
  const lineEnd = after.search(/\r|\n|\\n/);
  const line = before.slice(lineStart) + scanned.slice(start, end) + (lineEnd < 0 ? after : after.slice(0, lineEnd));
  const saysRedis = REDIS_NAME.test(line) || REPLY_CODE.test(line) || LABEL_BEFORE().test(before);
  // The words after the command on its line, inside its JSON string if it is in one: a report's
  // complement (`took 3ms`) where the command's own match ended.
  const following = wordsOf(lineEnd < 0 ? after : after.slice(0, lineEnd));
  return { typed: followsPrompt(scanned, start), saysRedis, afterProgram: CLI_PROGRAM.test(before), underCommand: COMMAND_PARENT_BEFORE.test(before), following };
}

/**
 * The first `FOLLOWING_WORDS` words of `text`, to a quote that may end the JSON string it is in
 * or a `;` or `|` that starts the next command.
 */
function wordsOf(text: string): string[] {
  // Only the first words are split off: the line's other words (up to `CONTEXT_REACH`
  // characters, read at each command of a line of them) are not cut into strings.
  const words: string[] = [];
  for (const [word] of text.split(/\\*"|[;|]/, 1)[0]!.matchAll(/[^ \t]+/g)) {
    if (words.push(word) === FOLLOWING_WORDS) break;
  }
  return words;
}

/**
 * The passwords in `match`, a match of `REDIS_COMMAND_SOURCE`, in order; none when the command
 * does not fit its grammar (`passwordArguments`). `isPlaceholder` says which values only stand
 * for a secret (`standsForSecret`: `********`, `${REDIS_PASSWORD}`), which are kept. `contextOf`:
 * what the text around says of the command (`commandContext`), asked only of a command with
 * arguments (a line of many bare `AUTH ;` reads no text around any); a command the server's error
 * reply follows after `: ` (go-redis's `auth default pw: WRONGPASS …`) was sent to Redis too. An
 * SMTP client's answer to a `334` challenge (`SMTP_CHALLENGE_ANSWER`) is its base64 whole.
 */
export function redisPasswords(match: string, isPlaceholder: (value: string) => boolean, contextOf: () => CommandContext = () => ({})): readonly PasswordSpan[] {
  if (match.startsWith("334")) {
    const answer = CHALLENGE_ANSWER.exec(match)!;
    return [{ start: answer.index, end: match.length }];
  }
  const { tokens, written, bracketed, bareName } = commandIn(match);
  if (tokens.length < 2) return [];
  const found: PasswordSpan[] = [];
  // The server's reply after the command and `: ` (go-redis) says it was sent, whatever its case.
  const last = tokens[tokens.length - 1]!;
  const answered = match.charCodeAt(last.end) === 0x3a && repliesAfter(match, last.end + 1);
  const context = contextOf();
  const judged: Judged = {
    written: context.sent ? "list" : written,
    typed: context.typed === true,
    saysRedis: context.saysRedis === true || answered,
    afterProgram: context.afterProgram === true,
    bracketed,
    quoted: tokens.slice(1).map((token) => QUOTES.includes(match.charAt(token.start - 1))),
    // The words past those read as the command's (its match's rest, then its line's).
    following: [...wordsOf(match.slice(last.end)), ...(context.following ?? [])].slice(0, FOLLOWING_WORDS),
  };
  // An object opening with `name` and `args` with nothing around saying Redis is a job's as
  // much as a command's (`{ name: 'auth', args: [ 'bob', 'session-refresh' ] }`): only a
  // credential-shaped argument goes (`{"name":"auth","args":["-Xy9pass"]}`).
  // An `auth` command object holding its word and arguments apart is another's where it says so
  // (`heldApart`, `anotherCommandObject`): there too a credential-shaped argument goes, as in
  // prose (`{"db.system":"cassandra","db.operation":"AUTH","db.statement":"default s3cr3tP4ss"}`;
  // `user svc`, `["login"]` stay). Other password commands' grammar is Redis's alone
  // (`requirepass`, `>pw`, `HELLO 3 AUTH`, `AUTH2`).
  const another = written === "list" && match.charCodeAt(0) === 0x7b && /^auth$/i.test(tokens[0]!.text) && heldApart(match) && anotherCommandObject(match, tokens, judged.saysRedis);
  const loose = another || (bareName === true && !judged.saysRedis && context.underCommand !== true);
  const words = [...tokens.map((token) => token.text), ...judged.following];
  for (const { index, offset } of passwordArguments(tokens.map((token) => token.text), judged)) {
    const token = tokens[index + 1]!;
    const value = token.text.slice(offset);
    if (loose && !isProseCredential(value, false)) continue;
    // A line's `,` or `;` ending the clause before another is no part of the password (`[redis]
    // AUTH pw, SELECT 2`: `endsClause`).
    const mark = written === "line" && /[,;]$/.test(value) && endsClause(words, index + 2) ? 1 : 0;
    if (value !== "" && !PLACEHOLDER.test(value) && !isPlaceholder(value)) found.push({ start: token.start + offset, end: token.end - mark });
  }
  return found;
}

/**
 * The items of an argument list (`process.command_args`-like: an `arrayValue` of strings, the
 * command first, as node-redis and ioredis hold a command) that are passwords, with where in the
 * item the password starts (after an `ACL SETUSER` rule's `>`); none when the first item is no
 * command word or the list does not fit the command's grammar. Items that are no strings are
 * `undefined`. `isPlaceholder` as for `redisPasswords`. `written`: `list` for a command object's
 * `args` beside its word (a client's arguments), `line` for a list whose first item is the word
 * (which a list of names may also be: `["auth","profile"]`).
 */
export function redisArgumentPasswords(items: readonly (string | undefined)[], isPlaceholder: (value: string) => boolean, written: "list" | "line" = "line"): readonly ArgumentPassword[] {
  if (items.length < 2 || items.some((item) => item === undefined) || !COMMAND_NAME.test(items[0]!)) return [];
  return passwordArguments(items as readonly string[], { written, typed: false, saysRedis: false, afterProgram: false, bracketed: true, quoted: [], following: [] })
    .map(({ index, offset }) => ({ index: index + 1, offset }))
    .filter(({ index, offset }) => {
      const value = items[index]!.slice(offset);
      return value !== "" && !value.startsWith("[REDACTED:") && !isPlaceholder(value);
    });
}

/** A password among a command's arguments: the argument's index and where in it the password starts. */
export interface ArgumentPassword {
  readonly index: number;
  readonly offset: number;
}

/** A whole command word, in any case. */
const COMMAND_NAME = new RegExp(`^${COMMAND_WORD}$`);

/**
 * Whether `word` is, in any case, the word of a command that may carry a password (`AUTH`,
 * `AUTH2`, `HELLO`, `CONFIG`, `MIGRATE`, `ACL`): a command object's `name` whose `args` are read.
 */
export function isPasswordCommandWord(word: string): boolean {
  return COMMAND_NAME.test(word);
}

/**
 * Whether the command at `start` in `text` follows redis-cli's prompt (`PROMPT`, then blanks;
 * the prompt at a word's start or right after a logger's prefix, `ERROR:root:redis>`): what a
 * user typed there redis-cli sends as a command, whatever its case (`redis> auth mypass`), so no
 * word of it is prose. At most 320 characters before `start` are read. The prompt ends in `>`:
 * a command after anything else (each `AUTH` of `AUTH a, AUTH a, …`) is answered by the
 * characters before it, without the search, which tries the logger's prefix at each of the 320.
 */
export function followsPrompt(text: string, start: number): boolean {
  const from = Math.max(0, start - 320);
  const prompt = blanksBefore(text, start, from);
  if (prompt === from || text.charCodeAt(prompt - 1) !== 0x3e /* > */ || start - prompt > 64) return false;
  return PROMPT_BEFORE().test(text.slice(from, start));
}
const PROMPT_BEFORE = lazy(() => new RegExp(`(?:^|[\\s"]|(?<=${AFTER_LOGGER_PREFIX}))${PROMPT}[ \\t]{0,64}$`));

/**
 * How a command is written, which says how much its words are to be trusted as arguments:
 * `list` (what only a client or the protocol prints: ioredis' call, a command object, RESP), `line` (blank-separated
 * or quoted words (MONITOR's, also copied without its prefix), which log lines about authentication also are, and
 * arrays, which lists of names also are: `["auth","profile"]`), `prose` (`AUTH` and one word
 * inside a sentence).
 */
type Written = "list" | "line" | "prose";

/**
 * The command's words in `match` (a match of `REDIS_COMMAND_SOURCE`), by its form, how it is
 * written, whether it is an array or a tuple (`bracketed`: a 2-item one may be a label), and
 * whether it is an object opening with a `name` member (`bareName`: a job's too, unless under a
 * `command` or beside Redis's name).
 */
function commandIn(match: string): { tokens: Token[]; written: Written; bracketed?: boolean; bareName?: boolean } {
  const first = match.charCodeAt(0);
  // `[` an array, `*` RESP, a blank the prose form, `"` MONITOR's quoted words.
  // `(` a tuple (redis-py's error's arguments), `{` a command object, a quote and `,` a list without brackets.
  if (first === 0x5b || first === 0x28) return { tokens: listItems(match, 1, []), written: "line", bracketed: true };
  if (first === 0x7b) return { tokens: objectCommand(match), written: "list", bareName: /^\{\s*\\*["'`]?name\b/.test(match) };
  if (BARE_LIST_START.test(match)) return { tokens: listItems(match, 0, []), written: "line", bracketed: true };
  if (first === 0x2a) return { tokens: respArguments(match), written: "list" };
  // A digit: redis-cli's numbered reply to `CONFIG GET`, the name and the value quoted.
  if (first >= 0x30 && first <= 0x39) return { tokens: quotedWords(match), written: "list" };
  // `AUTH` takes at most two arguments: its words are read no further than a third, which says
  // the line is no command (`AUTH ;` repeated, a word each, read to the next `;` at every one).
  const limit = AUTH_WORD_FIRST.test(match) ? 4 : Infinity;
  if (first === 0x20 || first === 0x09) return { tokens: clauseOf(tokensOf(match, limit)).map(withoutTrailingMark), written: "prose" };
  // Quoted words, MONITOR's or copied from it to a line's start, judged as a line's: a log line
  // quotes its words too (`"auth" "required"`).
  if (first === 0x22) return { tokens: tokensOf(match, limit), written: "line" };
  const call = match.indexOf("([");
  const blank = match.search(/[ \t]/);
  if (call >= 0 && (blank < 0 || call < blank)) {
    return { tokens: listItems(match, call + 2, [{ text: match.slice(0, call), start: 0, end: call }]), written: "list" };
  }
  return { tokens: tokensOf(match, limit), written: "line" };
}

/**
 * The words of a sentence's clause: `tokens` to the word a `,` or `;` ends when what follows
 * starts another clause (`endsClause`: `redis: AUTH hunter2x9, SELECT 2`); a `,` before any other
 * word is a list's (`AUTH default, Pw9xQ`: both are arguments).
 */
function clauseOf(tokens: Token[]): Token[] {
  const end = clauseEnd(tokens.map((token) => token.text));
  return end < 0 ? tokens : tokens.slice(0, end + 1);
}

/** The index of the first of `words` ending its clause with `,` or `;` before another clause (`endsClause`); -1 when none does. */
function clauseEnd(words: readonly string[]): number {
  return words.findIndex((word, index) => /[,;]$/.test(word) && endsClause(words, index + 1));
}

/**
 * Whether `words[index]` starts a clause of its own after a `,` or `;`: a command's name in
 * capitals (`SELECT`, `GET`) or a report on the command (`reportsOn`: `took 800ms`).
 */
function endsClause(words: readonly string[], index: number): boolean {
  const word = words[index];
  if (word === undefined) return false;
  const bare = word.replace(/(?<![.,;:!?])[.,;:!?]+$/, "");
  return (bare === bare.toUpperCase() && /[A-Z]/.test(bare) && isRedisCommandName(bare)) || reportsOn(words, index, true);
}

/** A list without brackets: a quoted word and a `,` after it. */
const BARE_LIST_START = /^(?:"[^"]*"|'[^']*')[ \t]*,/;

/**
 * The `name` or `command` member of a command object (`COMMAND_OBJECT`), its value's text
 * captured: the command word; a member's key only, after the object's `{` or a `,` (a string
 * member's text is no member: `"msg":"bad command: auth"`).
 */
const OBJECT_NAME = /(?<=[{,]\s{0,64}\\*["'`]?)(?:name|(?:[A-Za-z_]\w{0,31}\.){0,3}(?:command|cmd|redisCommand)|db\.operation(?:\.name)?)\\*["'`]?[ \t]*:\s*\\*["'`]([A-Za-z0-9]+)/g;
/**
 * The arguments' member of a command object (`COMMAND_OBJECT`) to its list's `[` (`args`,
 * `redis.args`) or its text's opening quote (`db.redis.args`, `db.statement`), a member's key only.
 */
const OBJECT_ARGS = /(?<=[{,]\s{0,64}\\*["'`]?)(?:(?:[A-Za-z_]\w{0,31}\.){0,3}args\\*["'`]?[ \t]*:\s*\[|db\.(?:redis\.args|statement|query\.text)\\*"[ \t]*:\s*\\*")/;

/**
 * The command word (the first `name` or `command` member naming a command that may carry a
 * password) and then the arguments (the `args` list) of a command object (`COMMAND_OBJECT`).
 */
function objectCommand(match: string): Token[] {
  const name = [...match.matchAll(OBJECT_NAME)].find((member) => COMMAND_NAME.test(member[1]!))!;
  const start = name.index + name[0].length - name[1]!.length;
  const args = OBJECT_ARGS.exec(match)!;
  const word: Token = { text: name[1]!, start, end: start + name[1]!.length };
  const from = args.index + args[0].length;
  if (!args[0].endsWith('"')) return listItems(match, from, [word]);
  // The arguments as one string's words (`"db.redis.args":"default pw"`), to its closing quote
  // (escaped, in JSON held in a JSON string).
  const text = match.slice(from, match.indexOf('"', from)).replace(/\\+$/, "");
  return [word, ...tokensOf(text, Infinity).map((token) => ({ text: token.text, start: token.start + from, end: token.end + from }))];
}

/**
 * Whether the command object `match` (`COMMAND_OBJECT`) holds its word and its arguments apart:
 * other members before or between them (`{"level":"info","command":"auth","args":[…]}`), keys
 * under a namespace (`cli.command`, `redis.args`) or OpenTelemetry's `db.operation` beside its
 * text. A CLI's or a job's event writes these as well (`{"cmd":"auth","exit":0,"args":["login"]}`):
 * they are another program's only where they say so (`anotherCommandObject`). A command
 * object's `name` (ioredis' `Command`) and `command` right before `args`, or after them, are not.
 */
function heldApart(match: string): boolean {
  const name = [...match.matchAll(OBJECT_NAME)].find((member) => COMMAND_NAME.test(member[1]!))!;
  const key = name[0].slice(0, name[0].search(/\\*["'`]?[ \t]*:/));
  if (key === "name") return false;
  const args = OBJECT_ARGS.exec(match)!;
  const opens = (at: number): boolean => /^\{\s*\\*["'`]?$/.test(match.slice(0, at));
  if (args.index < name.index) return !args[0].startsWith("args") || !opens(args.index);
  if (!/^(?:command|cmd|redisCommand)$/.test(key) || !opens(name.index)) return true;
  return !/^\\*["'`]?\s*,\s*\\*["'`]?$/.test(match.slice(name.index + name[0].length, args.index));
}

/** ioredis' command object's own members (`flags`, `db`) or a user's name beside the command: what says a command object is Redis's. */
const REDIS_OBJECT_MEMBER = /(?<=[{,]\s{0,64}\\*["'`]?)(?:flags|db|user|username)\\*["'`]?[ \t]*:/;
/** OpenTelemetry's `db.system` (`db.system.name`) member and the database it names. */
const DB_SYSTEM_MEMBER = /(?<=[{,]\s{0,64}\\*["'`]?)db\.system(?:\.name)?\\*["'`]?[ \t]*:\s*\\*["'`]([\w.-]*)/;

/**
 * Whether a command object held apart (`heldApart`), its word and arguments `tokens`, is another
 * program's than Redis's: a `db.system` naming another database (`isOtherDatabase`: `cassandra`;
 * `db.redis.args` is Redis's whatever it says), or, with nothing saying Redis (`saysRedis`, a
 * `db.system` naming none other, ioredis' members or a user's: `REDIS_OBJECT_MEMBER`, the word
 * in capitals), a CLI's `auth` sub-command first among its arguments (`AUTH_SUBCOMMANDS`:
 * `{"cmd":"auth","exit":0,"args":["login"]}`). Any other argument is a password as a lifted
 * object's is (`{"level":"info","command":"auth","args":["sunshine"]}`).
 */
function anotherCommandObject(match: string, tokens: readonly Token[], saysRedis: boolean): boolean {
  if (/db\.redis\.args/.test(match)) return false;
  const system = DB_SYSTEM_MEMBER.exec(match);
  if (system !== null) return isOtherDatabase(system[1]!);
  const word = tokens[0]!.text;
  if (saysRedis || REDIS_OBJECT_MEMBER.test(match) || (word === word.toUpperCase() && /[A-Z]/.test(word))) return false;
  return AUTH_SUBCOMMANDS.has(tokens[1]!.text.toLowerCase());
}

/** A command whose word is `AUTH` in any case, as a line, a quoted word or the prose form writes it. */
const AUTH_WORD_FIRST = /^[ \t]*"?auth[ \t"]/i;

/** One item of a list (`LIST_ITEM`), or the list's end (`]`, or the `[` of `[length]`). */
const LIST_ITEMS = new RegExp(`${LIST_ITEM}|[\\]\\[]`, "g");

/** `tokens` and then the items of the list in `text` from `from` to its closing `]`, each quoted one's text inside its quotes. */
function listItems(text: string, from: number, tokens: Token[]): Token[] {
  LIST_ITEMS.lastIndex = from;
  for (let item = LIST_ITEMS.exec(text); item !== null && item[0] !== "]" && item[0] !== "["; item = LIST_ITEMS.exec(text)) {
    const inner = item[1] ?? item[2] ?? item[3] ?? item[4];
    // After the opening quote, and the backslashes escaping it.
    const start = inner === undefined ? item.index : item.index + (item[4] === undefined ? 1 : item[0].indexOf('"') + 1);
    const itemText = inner ?? item[0];
    tokens.push({ text: itemText, start, end: start + itemText.length });
  }
  return tokens;
}

/**
 * The bulk strings of a RESP array (`*<n>`, then per string `$<length>` and its bytes, CRLF after
 * each), the command first; none when the text holds fewer than `n` or a string of another
 * length than its header says (an altered or cut command, whose arguments could be misread),
 * but for the last, which the text's end may cut.
 */
function respArguments(text: string): Token[] {
  const count = Number(/^\*(\d+)/.exec(text)![1]);
  const tokens: Token[] = [];
  const bulk = /\$(\d+)\r?\n/g;
  for (let header = bulk.exec(text); header !== null && tokens.length < count; header = bulk.exec(text)) {
    const start = header.index + header[0].length;
    // A string cut by the text's end (a truncated log line) is still its argument.
    const end = Math.min(start + Number(header[1]), text.length);
    if (!/^\r?(?:\n|$)/.test(text.slice(end, end + 2))) return [];
    tokens.push({ text: text.slice(start, end), start, end });
    bulk.lastIndex = end;
  }
  return tokens.length === count ? tokens : [];
}

/** A double-quoted word of redis-cli's reply, its text captured. */
const REPLY_WORD = /"((?:[^"\\\r\n]|\\.)*)"/g;

/** The quoted words of `text`, each one's text and place inside its quotes. */
function quotedWords(text: string): Token[] {
  return [...text.matchAll(REPLY_WORD)].map((word) => ({ text: word[1]!, start: word.index + 1, end: word.index + 1 + word[1]!.length }));
}

/**
 * `token` judged without the marks a sentence puts after a word (`AUTH s3cr3tP4ss, then`,
 * `AUTH failed!`), its place still holding the password's own (`ownMarksEnd`).
 */
function withoutTrailingMark(token: Token): Token {
  return withoutMarks(token, /(?<![.,;:!?)])[.,;:!?)]+$/);
}

/**
 * `token` with its text read without the marks `marks` matches at its end, and its place ending
 * where the password's own characters end (`ownMarksEnd`): the word is judged without them, and
 * a password redacted whole.
 */
function withoutMarks(token: Token, marks: RegExp): Token {
  const text = token.text.replace(marks, "");
  return { text, start: token.start, end: token.start + ownMarksEnd(token.text) };
}

/**
 * Where a password's own characters end in `word`, a word a sentence's marks may end: before
 * `.`, `,`, `;`, `:` or `)` after a word of letters, digits, `_` and `-` and any `!` or `?`
 * (`s3cr3tPw.`, `s3cr3tPw!.`: the sentence's); else at the word's end, a mark being the
 * password's punctuation (`s3cr3tPw!`, `p@ss1,`): a password's punctuation is part of it, and
 * a password is never left partly in clear.
 */
function ownMarksEnd(word: string): number {
  return SENTENCE_MARKS_AFTER.exec(word)?.[1]!.length ?? word.length;
}
const SENTENCE_MARKS_AFTER = /^([\w-]+[!?]*)[.,;:)]+$/;

/**
 * How a command's words are to be judged: how it is `written`; `typed` at redis-cli's prompt;
 * `saysRedis`, its line names Redis or its reply (`commandContext`, or the reply after it);
 * `afterProgram`, after a command-line program's name; `bracketed`, an array or a tuple;
 * `quoted[i]`, argument `i` (after the command) is quoted.
 */
interface Judged {
  readonly written: Written;
  readonly typed: boolean;
  readonly saysRedis: boolean;
  readonly afterProgram: boolean;
  readonly bracketed?: boolean;
  readonly quoted: readonly boolean[];
  /** The words after the command's match on its line (`CommandContext.following`). */
  readonly following: readonly string[];
}

/** The quotes a quoted word opens with. */
const QUOTES = "\"'`";

/**
 * The arguments of `command` (`words[0]`; `words` its words as written) that are passwords, by
 * the command's grammar: the argument's index after the command, and where in it the password
 * starts. `AUTH`'s by `authArguments`; written in a `line`, a MIGRATE `AUTH2`'s and a
 * directive's argument must be one a credential can be (`canBeCredential`). Arguments in a
 * `list` are arguments.
 */
function passwordArguments(words: readonly string[], judged: Judged): ArgumentPassword[] {
  const { written } = judged;
  const command = words[0]!;
  const args = words.slice(1);
  const found: ArgumentPassword[] = [];
  const at = (index: number, offset = 0): void => void found.push({ index, offset });
  const keyword = (word: string | undefined, name: string): boolean => word !== undefined && word.toUpperCase() === name;
  switch (command.toUpperCase()) {
    case "AUTH":
      authArguments(command, args, judged, at);
      break;
    case "AUTH2":
      // MIGRATE's `AUTH2 username password`, its command's earlier parts before a `;` or `|`:
      // judged as `AUTH username password`'s words are.
      if (args.length !== 2 || (written === "line" && !args.every(canBeCredential)) || isProse(command, args[1]!)) break;
      at(1);
      break;
    case "HELLO": {
      // HELLO protover [AUTH username password] [SETNAME clientname]
      if (!/^\d+$/.test(args[0] ?? "")) break;
      for (let i = 1; i < args.length; ) {
        if (keyword(args[i], "AUTH") && i + 2 < args.length) {
          at(i + 2);
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
        if (/^(?:requirepass|masterauth)$/i.test(args[i]!)) at(i + 1);
      }
      break;
    case "MIGRATE":
      // MIGRATE host port key|"" destination-db timeout [COPY] [REPLACE] [AUTH password |
      // AUTH2 username password] [KEYS key …]
      if (args.length < 5 || !/^\d+$/.test(args[1]!)) break;
      for (let i = 5; i < args.length; i++) {
        if (keyword(args[i], "KEYS")) break;
        if (keyword(args[i], "AUTH") && i + 1 < args.length) at(++i);
        else if (keyword(args[i], "AUTH2") && i + 2 < args.length) at((i += 2));
      }
      break;
    case "ACL":
      // ACL SETUSER username [rule …]
      if (!keyword(args[0], "SETUSER") || args.length < 3) break;
      aclRulePasswords(args, 2, at);
      break;
    case "REQUIREPASS":
    case "MASTERAUTH":
      // redis.conf's `requirepass password` (`""` sets none) and CONFIG GET's reply; a line
      // about the directive says something else (`requirepass missing`, `requirepass is set`).
      if (args.length === 1 && (written === "list" || canBeCredential(args[0]!))) at(0);
      break;
    case "USER":
      // redis.conf's `user username [rule …]`, every word after the name an ACL rule: a
      // sentence about a user is none (`User alice logged in >3 times`).
      if (args.length < 2 || !args.slice(1).every(isAclRule)) break;
      aclRulePasswords(args, 1, at);
      break;
  }
  return found;
}

/**
 * How many of the words after `AUTH` are its arguments, in each way a line can be read that
 * joins the next command to it with a blank only (`"AUTH" "pw" "GET" "k"`, `MULTI AUTH pw EXEC`):
 * a word that starts a command (`startsCommand`) after the first argument ends them. Where both
 * readings fit, the second word a command's name that ends the line or is followed by another
 * (`AUTH pw EXEC`: the password `pw`, or the user `pw` and the password `EXEC`), both are taken,
 * so that each reading's password goes: a user name redacted too is the price of never leaving a
 * password; but Redis's `default` user is read as the user (`AUTH default GET`), as `AUTH
 * default` alone is. Else all the words (`AUTH` with more than two arguments is no command).
 */
function authArgumentCounts(args: readonly string[], startsCommand: (index: number) => boolean): readonly number[] {
  const words = args.length;
  if (words >= 2 && startsCommand(1)) {
    if (words > 2 && !startsCommand(2)) return [1];
    return args[0] === "default" ? [2] : [1, 2];
  }
  if (words >= 3 && startsCommand(2)) return [2];
  return [words];
}

/**
 * Whether an argument after `AUTH` starts the next command: a Redis command's name
 * (`isRedisCommandName`) in any case, as Redis reads one (`EXEC`, `get`, `Get`, MONITOR's and
 * redis-cli's quoted `"get"`). `AUTH app get` is then read both ways (`authArgumentCounts`), and
 * both words go: a lower-case command's name left as a password's place would leave the
 * password of `auth s3cr3t get k` in clear.
 */
function startsNextCommand(word: string | undefined): boolean {
  return word !== undefined && isRedisCommandName(word);
}

/**
 * The sub-commands of programs whose own `auth` command logs print beside Redis's (`gh auth
 * login --web`, `gh auth status`, `gcloud auth list`, `firebase auth:export`'s runners, `vault
 * auth enable`, `npm`'s and `docker`'s `logout`): after a lower-case `auth` that follows the
 * program's name (`CLI_PROGRAM`), the command is the program's and no word of it a Redis
 * credential.
 */
const AUTH_SUBCOMMANDS = new Set([
  "login", "logout", "status", "refresh", "token", "whoami", "list", "revoke", "switch", "setup-git",
  "print-access-token", "print-identity-token", "application-default", "activate-service-account",
  "configure-docker", "enable", "disable", "show", "info", "help", "version",
]);

/**
 * A command line's option (`--web`, `-h`): a lower-case `auth` with one among its arguments,
 * and nothing saying Redis, is a program's (`auth login --web`, `{"command":"auth","args":
 * ["login","--web"]}`). A `-` and more letters and digits is a password's start (`-Xy9pass`).
 */
const OPTION = /^(?:--[A-Za-z][\w-]*(?:=.*)?|-[A-Za-z])$/;

/**
 * The label words after `AUTH` in a 2-item tuple or list that are no password (Django's app
 * labels and verbose names: `('AUTH', 'Authorized')`, `('auth', 'Authentication')`): a closed
 * list, as any other word there may be one.
 */
const LABEL_WORDS: ReadonlySet<string> = new Set([
  "Authorized", "Authorised", "Authentication", "Authorization", "Authorisation", "Authenticated", "Unauthorized",
  "Unauthorised", "Unauthenticated", "Authenticator", "Auth", "Users", "Groups", "Permissions",
]);

/**
 * Outcomes and states a log line says after `AUTH` (`AUTH OK`, `auth failed`, `AUTH required`):
 * never a credential, even where the line says Redis (`Redis AUTH OK`, `redis auth failed`).
 */
const AUTH_OUTCOMES: ReadonlySet<string> = new Set([
  "ok", "okay", "success", "succeeded", "successful", "fail", "failed", "failure", "error", "denied",
  "called", "required", "optional", "missing", "invalid", "valid", "expired", "granted", "rejected",
  "pending", "passed", "skipped", "enabled", "disabled", "started", "done", "true", "false", "null",
  "none", "unauthorized", "unauthenticated", "authenticated", "forbidden", "timeout",
]);

/**
 * Short words of a sentence (prepositions, negations, articles' kin, verbs of being): a line
 * holding one among `AUTH`'s arguments is prose (`redis AUTH with ACL users`, `Valkey AUTH not
 * configured`), whose password must be shaped as one (`proseAuthPassword`).
 */
const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  "with", "via", "not", "no", "to", "for", "from", "using", "by", "on", "in", "of", "and", "or", "the",
  "is", "was", "are", "were", "has", "have", "without", "at", "as", "when", "if", "into", "over", "per", "than", "then",
]);

/**
 * Releases, protocols, places and machines a sentence names after `AUTH`, which no password is
 * written as: a version (`v1.2.3`, `2.0.1-rc1`, `v2`), a protocol's (`HTTP/1.1`, `TLSv1.3`), a
 * cloud region (`eu-west-1`, `us-gov-west-1`), an architecture (`x86_64`, `arm64`).
 */
const RELEASE_OR_PLACE = [
  /^v?\d+(?:\.\d+)+(?:[-+][0-9A-Za-z.-]+)?$/i,
  /^v\d{1,4}$/i,
  /^[A-Za-z]{2,12}\/\d+(?:\.\d+)*$/,
  /^[A-Za-z]{2,8}v\d+(?:\.\d+)+$/,
  /^[a-z]{2,4}(?:-[a-z]+){1,2}-\d{1,2}[a-z]?$/,
  /^(?:x86_64|x86-64|amd64|arm64|aarch64|i[3-6]86|armv\d{1,2}l?|ppc64le|s390x)$/,
];
/**
 * Names a sentence gives a service, a job or a host after `AUTH` (`service-a`, `job-17`,
 * `idp-2`, `retry3`, `prod2`): lower-case words joined by `-`, or a word of a closed list of
 * machines', stages' and attempts' words and a short number (any word and a number is also a
 * password's shape: `hunter2`). Only in prose without Redis named: a command's argument of that
 * shape is a password.
 */
const NAME_IN_PROSE =
  /^(?:[a-z]+(?:-[a-z0-9]+)+|(?:retry|attempt|try|prod|staging|stage|dev|test|qa|node|host|db|shard|replica|worker|web|app|job|pod|zone|cache|srv|server|vm|api|svc|edge|region|cluster)\d{1,3})$/;

function isReleaseOrPlace(word: string): boolean {
  return RELEASE_OR_PLACE.some((shape) => shape.test(word));
}

/**
 * Whether a word after `AUTH` a Redis client sent can be an argument, read without a sentence's
 * marks after it (`AUTH PLAIN AGJv…=.`): no outcome (`AUTH_OUTCOMES`), no shape a log line puts
 * there (`NOT_A_CREDENTIAL`); in a `line`, no release or place either (`isReleaseOrPlace`). A SASL
 * mechanism's name or a sub-command's word is one (`AUTH default login`, `AUTH default status`).
 */
function canBeSentArgument(word: string, written: Written): boolean {
  const bare = word.replace(/(?<![.!?])[.!?]+$/, "");
  return (
    !AUTH_OUTCOMES.has(bare.toLowerCase()) &&
    !NOT_A_CREDENTIAL.some((shape) => shape.test(bare)) &&
    !(written !== "list" && isReleaseOrPlace(word))
  );
}

/** SASL mechanisms' names (SMTP's, IMAP's `AUTH`/`AUTHENTICATE`), which `AUTH` names alone or before its initial response. */
const SASL_MECHANISMS: ReadonlySet<string> = new Set([
  "plain", "login", "xoauth2", "oauthbearer", "cram-md5", "digest-md5", "scram-sha-1", "scram-sha-256", "gssapi", "ntlm", "anonymous", "external",
]);

function isMechanism(word: string): boolean {
  return SASL_MECHANISMS.has(word.toLowerCase());
}

/**
 * The passwords among `AUTH`'s arguments `args` (`AUTH password`, `AUTH username password`),
 * `command` the word as written, by what says the command was sent to Redis:
 * - wherever anything says Redis (`judged.saysRedis`, redis-cli's prompt, the word in capitals
 *   outside a sentence, a client's list), every argument a credential can be goes, whatever its
 *   shape (`canBeSentArgument`: `AUTH default status`, `AUTH -Xy9pass`, `AUTH Sommer`); a SASL
 *   mechanism alone or before another stays (`AUTH LOGIN`, `AUTH PLAIN LOGIN`), its initial
 *   response after it goes (SMTP's `AUTH PLAIN <base64>`);
 * - a lower-case `auth` with a command line's option (`OPTION`) and nothing saying Redis is a
 *   program's, as is one after a program's name with its sub-command (`gh auth status`);
 * - a 2-item array or tuple whose second item is a label word (`LABEL_WORDS`) is a label;
 * - in a sentence (the prose form, or a line with a sentence's short word: `FUNCTION_WORDS`),
 *   `proseAuthPassword`;
 * - else a line's words as `authPasswords` judges them.
 */
function authArguments(command: string, args: readonly string[], judged: Judged, at: (index: number) => void): void {
  const { written, typed, saysRedis, afterProgram } = judged;
  const capitals = command === "AUTH";
  if (!saysRedis && !typed && !capitals && args.some((word) => OPTION.test(word))) return;
  if (!saysRedis && !capitals && afterProgram && args.length > 0 && AUTH_SUBCOMMANDS.has(args[0]!.toLowerCase())) return;
  if (judged.bracketed && !saysRedis && args.length === 1 && LABEL_WORDS.has(args[0]!)) return;
  if (written !== "list" && !typed && judged.bracketed !== true) {
    const words = [...args, ...judged.following];
    const own = beforeReport(words, judged.quoted);
    // A report on the command (`redis: AUTH ok, SELECT 2`, `AUTH took 3ms`) names no argument;
    // Redis's `default` user alone before it is the user, its password not printed. A report
    // after words of a lower-case `auth` is a sentence's (`auth token expired`, `auth header
    // missing`): its words are judged whole, as before.
    if (own.length === 0 || (own.length === 1 && own[0]!.replace(/[,;]$/, "") === "default" && own.length < words.length)) return;
    if (capitals) args = own.slice(0, args.length);
  }
  if (written === "prose" || (written === "line" && !typed && args.some((word) => FUNCTION_WORDS.has(word)))) {
    proseAuthPassword(args, judged, at);
    return;
  }
  // A list's command, one typed at redis-cli's prompt, and one Redis is named beside or written
  // in capitals is a command whatever its case.
  const sent = written === "list" || typed || saysRedis || capitals;
  if (sent) {
    const startsCommand = (index: number): boolean => written === "line" && startsNextCommand(args[index]);
    for (const count of authArgumentCounts(args, startsCommand)) sentAuthPasswords(args.slice(0, count), written, at);
    return;
  }
  const startsCommand = (index: number): boolean => written === "line" && startsNextCommand(args[index]);
  for (const count of authArgumentCounts(args, startsCommand)) authPasswords(command, args.slice(0, count), written, at, count < args.length);
}

/**
 * The password among the arguments `args` of an `AUTH` sent to Redis (`authArguments`): none
 * when they are more than two or one cannot be an argument (`canBeSentArgument`); the second of
 * two, but after a SASL mechanism another mechanism (a server's list: `AUTH PLAIN LOGIN`); the
 * only one, but a mechanism (`AUTH LOGIN`).
 */
function sentAuthPasswords(args: readonly string[], written: Written, at: (index: number) => void): void {
  if (args.length === 0 || args.length > 2 || !args.every((word) => canBeSentArgument(word, written))) return;
  if (args.length === 1) {
    if (written === "list" || !isMechanism(args[0]!)) at(0);
  } else if (written === "list" || !(isMechanism(args[0]!) && isMechanism(args[1]!))) at(1);
}

/**
 * The password among `AUTH`'s first two arguments in a sentence (`sent AUTH s3cr3tP4ss to
 * redis`, `StackExchange.Redis: AUTH Sommer failed`): after Redis's `default` user, a word a
 * credential can be but a sentence's; where the line says Redis (`judged.saysRedis`), any word
 * a client sends (`canBeSentArgument`) but a sentence's short word, the second of two when the
 * first can be a user's name, the first but a SASL mechanism (`Command: AUTH LOGIN`); else only a word shaped as a credential (`isProseCredential`),
 * the first, or the second after a user's name.
 */
function proseAuthPassword(args: readonly string[], judged: Judged, at: (index: number) => void): void {
  const [first, second] = args;
  if (first === undefined) return;
  const lenient = judged.saysRedis;
  const candidate = (index: number): boolean => {
    const word = args[index]!;
    if (FUNCTION_WORDS.has(word.toLowerCase()) || DEFAULT_PROSE_WORDS.has(word.toLowerCase())) return false;
    // A lower-case word of a sentence (`no AUTH configured for redis`) but after Redis's `default`.
    if (lenient) return canBeSentArgument(word, "prose") && (PROSE_WORD.test(word) === false || (index === 1 && first === "default"));
    return isProseCredential(word, judged.quoted[index] === true);
  };
  if (first === "default") {
    if (second !== undefined && (lenient ? candidate(1) : canBeCredential(second) && !DEFAULT_PROSE_WORDS.has(second.toLowerCase()) && !isReleaseOrPlace(second))) at(1);
    return;
  }
  const user = USER_NAME.test(first) && !FUNCTION_WORDS.has(first.toLowerCase()) && !DEFAULT_PROSE_WORDS.has(first.toLowerCase());
  if (lenient) {
    // The second word continues the sentence (`AUTH Sommer failed`, `AUTH pw to cache`), or is
    // the password after a user's name (`AUTH admin Sommer`); a release or a place after a name
    // makes the words a sentence's (`command: AUTH admin v1.2.3`).
    if (second !== undefined && user && candidate(1)) at(1);
    else if (candidate(0) && !isMechanism(first) && (second === undefined || continuesSentence(second))) at(0);
  } else if (candidate(0)) at(0);
  else if (second !== undefined && user && candidate(1)) at(1);
}

/**
 * The verbs a log line reports a command's run with when their complement follows
 * (`reportsOn`): `took 3ms`, `timed out`, `completed`, `finished in 4ms`.
 */
const DONE_WORDS: ReadonlySet<string> = new Set(["completed", "finished", "succeeded"]);
/** What a finished command's report may go on with after its verb (`AUTH completed successfully`, `in 4ms`, `for user u_42`). */
const DONE_COMPLEMENTS: ReadonlySet<string> = new Set(["successfully", "in", "for"]);
/**
 * A duration, its unit glued or the next word, or none (`3ms`, `1.5s,`, `3` in `took 3 ms` and
 * `took 3`), a mark after it maybe.
 */
const DURATION = /^\d+(?:\.\d+)?(?:ns|us|µs|ms|s|sec|secs|m|min)?[.,;:!?)]*$/i;
/** Words that measure a run after `took` without a number (`took too long`, `took longer than 5s`, `took over 1s`). */
const TOOK_MEASURES: ReadonlySet<string> = new Set(["too", "longer", "long", "over", "about", "around", "under", "nearly", "almost", "more", "less"]);
/** The verbs a log line reports a reply with (`AUTH default returned OK`), when a reply follows (`REPLY`). */
const REPLY_WORDS: ReadonlySet<string> = new Set(["returned", "replied", "answered"]);
/** A reply a report names after its verb: an outcome's word or a reply's code in capitals (`OK`, `+OK`, `ERR`, `WRONGPASS`). */
const REPLY = /^[+-]?(?:[A-Z]{2,}|ok|error|true|false|nil|null)[.,;:!?]*$/;
/**
 * Words that say how a command ran, not what it was sent with, before a report on it (`redis:
 * AUTH slow, took 800ms`): an adverb of its pace or turn.
 */
const REPORT_ADVERBS: ReadonlySet<string> = new Set(["slow", "slowly", "fast", "quickly", "again", "finally", "eventually", "already", "then", "now"]);

/**
 * Whether `words[index]` (words after `AUTH`) starts a report on the command with its
 * complement: `took` and a duration or a measure (`took 3 ms`, `took too long`), `timed out`,
 * `returned`/`replied` and a reply (`returned OK`), or `completed`/`finished`/`succeeded`
 * followed by `successfully`, `in` and a duration, or `for …`, or ending a sentence with `.`;
 * or, when `ended` (no argument before it, or after a clause's `,`), ending the clause (the
 * words' end, or its own mark). A
 * report word without one is a word the command was sent with (`AUTH default took`, `AUTH svc
 * completed`: the last word is the password).
 */
function reportsOn(words: readonly string[], index: number, ended: boolean): boolean {
  const word = words[index]!;
  const bare = word.replace(/(?<![.,;:!?])[.,;:!?]+$/, "").toLowerCase();
  const next = words[index + 1];
  if (bare === "took") return next !== undefined && (DURATION.test(next) || TOOK_MEASURES.has(next.toLowerCase()));
  if (bare === "timed") return next !== undefined && /^out[.,;:!?]*$/i.test(next);
  if (REPLY_WORDS.has(bare)) return next !== undefined && REPLY.test(next);
  if (!DONE_WORDS.has(bare)) return false;
  // A sentence's full stop ends the report (`AUTH default finished.`).
  if (/[.!]$/.test(word) || (next !== undefined && /^[.!]+$/.test(next))) return true;
  if (next === undefined || bare !== word.toLowerCase()) return ended;
  const after = next.replace(/(?<![.,;:!?])[.,;:!?]+$/, "").toLowerCase();
  if (after === "in") return words[index + 2] !== undefined && DURATION.test(words[index + 2]!);
  return DONE_COMPLEMENTS.has(after);
}

/**
 * Whether `words[index]`, after one argument of `AUTH`, starts a report on the command: an
 * outcome's word (`AUTH hunter2x9 failed`, `AUTH sunshine OK`: the word before is the password,
 * `AUTH <user> <password>` needing two words before a report), one with its complement
 * (`reportsOn`: `redis: AUTH hunter2x9 took 3 ms`), or a report's word ending its clause before
 * another (`AUTH phase finished, took 20ms`).
 */
function reportsAfterOne(words: readonly string[], index: number): boolean {
  const word = words[index]!;
  const bare = word.replace(/(?<![.,;:!?])[.,;:!?]+$/, "").toLowerCase();
  if (AUTH_OUTCOMES.has(bare) || reportsOn(words, index, false)) return true;
  return REPORT_WORDS.has(bare) && /[,;]$/.test(word) && endsClause(words, index + 1);
}

/**
 * `AUTH`'s own arguments among the words `args` after it in a line or a sentence (`quoted`: which
 * of them were quoted). None when a report on the command follows `AUTH` itself: an outcome
 * (`AUTH_OUTCOMES`: `redis: AUTH OK, SELECT 2`) or a report with its complement (`reportsOn`:
 * `AUTH took 3ms`, `AUTH completed successfully`), or an adverb, a parenthesis or a part of the
 * authentication before one (`asideBefore`: `redis: AUTH slow, took 800ms`, `[redis] AUTH (acl)
 * took 3ms`, `AUTH header missing`). After one word an outcome or a report with its complement
 * does, not the clause's end (`reportsAfterOne`: `redis: AUTH hunter2x9 took 3ms`, `AUTH
 * hunter2x9 failed`, its word the password); after two, any outcome or report word (`AUTH default hunter2x9
 * OK`). A `,` or `;` ends the clause before another one (`endsClause`: `[redis] AUTH pw, SELECT
 * 2`). Quoted words are the arguments as sent, never a report (MONITOR's `"AUTH" "took"`); so is
 * a report word without its complement (`AUTH default took`, `AUTH svc completed`: the last word
 * is the password).
 */
function beforeReport(args: readonly string[], quoted: readonly boolean[]): readonly string[] {
  if (quoted[0] === true) return args;
  for (let i = 0; i < args.length; i++) {
    const bare = args[i]!.replace(/(?<![.,;:!?])[.,;:!?]+$/, "").toLowerCase();
    const report = i === 0 ? AUTH_OUTCOMES.has(bare) || reportsOn(args, 0, true) : i === 1 ? reportsAfterOne(args, 1) : AUTH_OUTCOMES.has(bare) || REPORT_WORDS.has(bare);
    if (report) return asideBefore(args.slice(0, i), args.length);
    if (/[,;]$/.test(args[i]!) && endsClause(args, i + 1)) return asideBefore(args.slice(0, i + 1), args.length);
  }
  return args;
}

/** The words a log line reports a command's run with, after `AUTH`'s two arguments (`AUTH default pw returned OK`). */
const REPORT_WORDS: ReadonlySet<string> = new Set(["took", "timed", "completed", "finished", "returned", "replied", "answered"]);

/**
 * The parts and steps of an authentication a status line reports on after `AUTH` (`AUTH header
 * missing`, `AUTH token required`, `AUTH check passed`): a closed list of lower-case nouns, as any
 * other word before an outcome is the password (`AUTH sunshine failed`).
 */
const AUTH_PARTS: ReadonlySet<string> = new Set([
  "header", "headers", "token", "check", "checks", "step", "phase", "stage", "handshake", "request", "response", "method", "flow", "config", "cookie", "middleware", "plugin", "module",
]);

/**
 * `own`, `AUTH`'s words before a report, none when they are one word only saying how it ran or
 * what part of it the report is on: an adverb (`REPORT_ADVERBS`), a lower-case word in
 * parentheses (`(acl)`; `(Pw9xQ)` is a password), or a part of the authentication (`AUTH_PARTS`).
 */
function asideBefore(own: readonly string[], of: number): readonly string[] {
  if (own.length !== 1 || own.length === of) return own;
  const word = own[0]!.replace(/[,;]$/, "");
  return REPORT_ADVERBS.has(word.toLowerCase()) || AUTH_PARTS.has(word) || /^\([a-z]+\)?$/.test(word) ? [] : own;
}

/** Whether `word` after an `AUTH` argument continues a sentence: an outcome, a short word of one. */
function continuesSentence(word: string): boolean {
  const lower = word.replace(/(?<![.!?,;:])[.!?,;:]+$/, "").toLowerCase();
  return AUTH_OUTCOMES.has(lower) || FUNCTION_WORDS.has(lower) || DEFAULT_PROSE_WORDS.has(lower);
}

/**
 * Whether a word after `AUTH` in a sentence without Redis named is a credential: one shaped as
 * one (`isCredentialShaped`), or of four characters or more holding a letter and a symbol
 * (`p@ss`, `pw#1`), or quoted (`'pw1'`); never a release, a place or a name a sentence gives
 * (`isReleaseOrPlace`, `NAME_IN_PROSE`).
 */
/** Whether a word of `text` (split at blanks) is a credential as prose writes one (`isProseCredential`). */
export function holdsProseCredential(text: string): boolean {
  return text.split(/[ \t]+/).some((word) => isProseCredential(word, false));
}

function isProseCredential(word: string, quoted: boolean): boolean {
  if (isReleaseOrPlace(word) || !canBeCredential(word)) return false;
  if (quoted) return word.length >= 3;
  if (NAME_IN_PROSE.test(word)) return false;
  return isCredentialShaped(word) || (word.length >= 4 && /[A-Za-z]/.test(word) && /[^\w./-]/.test(word));
}

/**
 * The password among `AUTH`'s arguments `args` (`AUTH password` or `AUTH username password`),
 * the command word as `spelled`: none when they are more than two, or, in a `line`, one a
 * credential cannot be; one word after a capitalised `Auth` ending the line (a sentence's first
 * words: `Auth s3cretlooking`), or a sentence's word after a lower-case one (`isProse`), is
 * prose. `beforeCommand`: the next command follows the arguments (`Auth s3cr3t Get k`), which
 * makes the line a command whatever the case of its word.
 */
function authPasswords(spelled: string, args: readonly string[], written: Written, at: (index: number) => void, beforeCommand: boolean): void {
  // More words than a user name and a password make no `AUTH` command: asked before each
  // word is judged, which a line of many (`AUTH ;` repeated) paid for at every command word.
  if (args.length > 2) return;
  if (written === "line" && !args.every(canBeCredential)) return;
  if (args.length === 1 && (beforeCommand || spelled !== capitalised(spelled)) && !isProse(spelled, args[0]!)) at(0);
  else if (args.length === 2 && (args[0] === "default" || !isProse(spelled, args[1]!))) at(1);
}

/**
 * The passwords among ACL rules `args[from…]`: `>password` and `<password` add and remove a
 * password, `#hash` and `!hash` its SHA-256; the rule's first character stays.
 */
function aclRulePasswords(args: readonly string[], from: number, at: (index: number, offset: number) => void): void {
  for (let i = from; i < args.length; i++) {
    const sign = args[i]!.charAt(0);
    const value = args[i]!.slice(1);
    if (((sign === ">" || sign === "<") && value !== "") || ((sign === "#" || sign === "!") && SHA256_HEX.test(value))) at(i, 1);
  }
}

/**
 * An ACL rule as a configuration file's `user` line writes it (the ACL documentation's rule
 * list): a switch, a key, channel or command pattern, a password or a hash, a selector's part.
 */
const ACL_RULE =
  /^\(?(?:on|off|nopass|resetpass|reset|allkeys|allchannels|allcommands|nocommands|resetkeys|resetchannels|(?:skip-)?sanitize-payload|clearselectors|%R?W?~\S*|~\S*|&\S*|[+-]\S+|[<>]\S+|[#!][0-9a-fA-F]{64})\)?$/i;

function isAclRule(word: string): boolean {
  return ACL_RULE.test(word);
}

/** `word` with its first letter in capitals and the rest in lower case. */
function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/**
 * Whether a word after `AUTH` in a sentence is shaped as a credential: one a credential can be
 * (`canBeCredential`), no sentence's word (`PROSE_WORD`), at least six characters holding a
 * letter and a digit or a symbol (a word of a sentence is letters: `sent AUTH request to idp`),
 * and not hexadecimal digits alone (an id or a hash a log line names).
 */
export function isCredentialShaped(word: string): boolean {
  return (
    word.length >= 6 && canBeCredential(word) && !PROSE_WORD.test(word) && /[A-Za-z]/.test(word) && /[^A-Za-z]/.test(word) && !/^[0-9a-fA-F]+$/.test(word)
  );
}

/**
 * Whether an `AUTH` argument can be a user name or a password: not a word of the auth
 * vocabulary (`AUTH_VOCABULARY`), also before a sentence's marks (`AUTH failed.`, `auth ok!`,
 * `AUTH required?`: the line's last word keeps them), nor of a shape a log line puts there
 * (`NOT_A_CREDENTIAL`).
 */
function canBeCredential(text: string): boolean {
  return !AUTH_VOCABULARY.has(text.replace(/(?<![.!?])[.!?]+$/, "").toLowerCase()) && !NOT_A_CREDENTIAL.some((shape) => shape.test(text));
}

/**
 * Whether `password`, after the command word `command`, reads as a sentence's word
 * (`PROSE_WORD`): after a command word not all in capitals (`auth`, `Auth`).
 */
function isProse(command: string, password: string): boolean {
  return command !== command.toUpperCase() && PROSE_WORD.test(password);
}

/**
 * A word of a command line: a quoted argument as redis-cli and client logs write one with
 * blanks (`"s3cr3t P4ss"`, `'…'`, `\"` escaped in double quotes; in a JSON string, `\"…\"`),
 * its text and place inside the quotes, a sentence's mark after it read with it (and a `;`
 * even with the next command glued to it: MONITOR's `"pw1";"AUTH"`, `'pw1';AUTH pw2`);
 * else a run of non-blanks.
 */
const WORD = /"((?:[^"\\\r\n]|\\.)*)"(?:;|[.!?]?(?=[ \t\r]|$))|'([^'\r\n]*)'(?:;|[.!?]?(?=[ \t\r]|$))|\\"((?:[^"\\\r\n]|\\[^"\r\n])*)\\"(?:;|[.!?]?(?=[ \t\r]|$))|[^ \t\r]+/g;

/**
 * Where an unquoted word ends its command, as log lines and instrumentations join several
 * commands on a line with `;` or `|` (`AUTH pw1; AUTH pw2`, `GET k | AUTH pw`): at such a mark
 * ending the word, or before a command's name glued to it (`pw1;AUTH pw2`, `AUTH ;AUTH pw`,
 * `k|GET`): a password command's word in any case or a word in capitals (three letters at least,
 * as every command's name has); a Redis command's name in lower case too (`commandBreakIn`:
 * `pw1;get k`). A mark inside a word before anything else is the word's (`N3w;Pw`, `a;b`: a
 * password may hold either). A redis-cli prompt ends a command too (`commandBreakIn`).
 */
const COMMAND_BREAK = new RegExp(`[;|](?:$|(?=(?:${COMMAND_WORD}|[A-Z]{3,})$))`);

/** redis-cli's prompt as one word (`127.0.0.1:6379>`, `redis>`): the next command's start. */
const PROMPT_WORD = lazy(() => new RegExp(`^${PROMPT}$`));

/**
 * A `;` or `|` before a word of a command's name's letters that ends `word` (`pw1;get`,
 * `1;auth`), which `isRedisCommandName` then judges: at most the longest name's length, so a
 * word of many marks is read once.
 */
const BREAK_BEFORE_NAME = /[;|]([A-Za-z_]{3,20})$/;

/**
 * Where in the unquoted `word` its command ends (`COMMAND_BREAK`, before a Redis command's name
 * in any case glued after a `;` or `|`, or before a prompt), or -1.
 */
function commandBreakIn(word: string): number {
  if (word.endsWith(">") && PROMPT_WORD().test(word)) return 0;
  const found = word.search(COMMAND_BREAK);
  const named = BREAK_BEFORE_NAME.exec(word);
  if (named === null || !isRedisCommandName(named[1]!)) return found;
  return found < 0 ? named.index : Math.min(found, named.index);
}

/** A Redis error reply's code after blanks (`WRONGPASS invalid …`), read from `lastIndex`. */
const REPLY_AFTER = new RegExp(`[ \\t]+(?:${REDIS_ERROR_CODES})(?![\\w-])`, "y");

/**
 * Whether a Redis error reply starts after the blanks at `from` in `line`: the server's answer,
 * which clients print after the command and `: ` (go-redis: `auth default pw: WRONGPASS …`).
 */
function repliesAfter(line: string, from: number): boolean {
  REPLY_AFTER.lastIndex = from;
  return REPLY_AFTER.test(line);
}

/**
 * The words of `line` (`WORD`), with their places, up to a sentence's end, the command's end
 * (`COMMAND_BREAK`) or the server's error reply after a word's `:` (`repliesAfter`: the word read
 * without its colon, or left out when an outcome's, `AUTH pw failed: ERR …`), at most `limit` of them: a word ending in `.`, `!` or `?` with another word
 * after it ends the command there, without its mark (`AUTH hunter2. Next` is `AUTH hunter2` and
 * prose; a quoted word's mark is outside it already), and one holding a command's break ends it
 * there whatever follows (`AUTH pw; GET k`, `AUTH pw1 ;AUTH pw2`, as `ok; AUTH pw` and
 * `;AUTH pw2` start one): the next command's word is never read as this one's argument.
 */
function tokensOf(line: string, limit: number): Token[] {
  const tokens: Token[] = [];
  let quoted = false;
  let endsSentence = false;
  for (const word of line.matchAll(WORD)) {
    const previous = tokens[tokens.length - 1];
    if (previous !== undefined && endsSentence) {
      if (!quoted) tokens[tokens.length - 1] = withoutMarks(previous, /[.!?]$/);
      break;
    }
    const escaped = word[3];
    const inner = word[1] ?? word[2] ?? escaped;
    quoted = inner !== undefined;
    if (!quoted && word[0].endsWith(":") && repliesAfter(line, word.index + word[0].length)) {
      // The server's reply after the command and `: ` (go-redis's `auth default pw: WRONGPASS …`):
      // the word before the colon is the command's last, but an outcome word (`… pw failed: ERR …`).
      const text = word[0].slice(0, -1);
      if (text !== "" && !AUTH_OUTCOMES.has(text.toLowerCase())) tokens.push({ text, start: word.index, end: word.index + text.length });
      break;
    }
    // A quoted word's own text holds no break: only a `;` after its closing quote ends it.
    const quotedBreak = word[0].endsWith(";") ? word[0].length - 1 : -1;
    const commandBreak = quoted ? quotedBreak : commandBreakIn(word[0]);
    const endsCommand = commandBreak >= 0;
    endsSentence = /[.!?]$/.test(word[0]);
    const text = inner ?? (endsCommand ? word[0].slice(0, commandBreak) : word[0]);
    const start = escaped !== undefined ? word.index + 2 : quoted ? word.index + 1 : word.index;
    if (text !== "" || quoted) tokens.push({ text, start, end: start + text.length });
    if (endsCommand || tokens.length === limit) break;
  }
  return tokens;
}
