import type { AnyValue, KeyValue } from "../../../shared/otlp/model";
import { isOtherDatabase } from "./other-databases";
import { holdsProseCredential, isPasswordCommandWord } from "./redis-commands";

/**
 * A client's Redis command held as a map, its word under `name` and its arguments under `args`:
 * ioredis' `Command` on the `ReplyError` it rejects with, which pino's error serializer writes
 * as `"err":{…,"command":{"name":"auth","args":["default","pw"]}}` and which a lifted log line
 * holds as the attributes `err.command.name` and `err.command.args` (the list as its JSON text,
 * as a lifted array is kept; or a map `command` whose members are `name` and `args`). Its arguments hold no command word of their own, so the list
 * alone is not read as a command (`redisArgumentPasswords` reads it with the word before it).
 */

/** Whether `key`'s last part is `args`: a command object's arguments may be under it. */
export function mayBeCommandArguments(key: string): boolean {
  return lastPartIs(key, "args") || ARGUMENTS_TEXT_KEYS.includes(key);
}

/**
 * Whether `key`'s last part is `name` or a command's (`COMMAND_WORD_KEYS`): a command object's
 * word may be under it, or the word of a command whose arguments are its sibling `args`.
 */
export function mayBeCommandName(key: string): boolean {
  return lastPartIs(key, "name") || commandWordKey(key) !== undefined || OPERATION_KEYS.includes(key);
}

/**
 * OpenTelemetry's database conventions: the operation's name (`db.operation`, since 1.26
 * `db.operation.name`) beside the command's text (`db.statement`, since 1.26 `db.query.text`;
 * the Redis instrumentations' `db.redis.args`), which an instrumentation may write as the
 * arguments alone, the command's word being the operation's.
 */
const OPERATION_KEYS = ["db.operation", "db.operation.name"];
const ARGUMENTS_TEXT_KEYS = ["db.redis.args", "db.statement", "db.query.text"];
/** The database system's name (`db.system`, since 1.26 `db.system.name`). */
const SYSTEM_KEYS = ["db.system", "db.system.name"];

/** The last parts of a key whose value names the command of the sibling `args`: a logger's `command`, `cmd`, `redisCommand`. */
const COMMAND_WORD_KEYS = ["command", "cmd", "redisCommand"] as const;

/** The last part of `key` when it is one of `COMMAND_WORD_KEYS`, else undefined. */
function commandWordKey(key: string): string | undefined {
  return COMMAND_WORD_KEYS.find((part) => lastPartIs(key, part));
}

/**
 * The command words of the command objects in `attributes` (the entries of the map at `prefix`,
 * "" for a record's own list), by the key of their arguments: for each `…args` whose sibling
 * `…name` (the same parent's, `err.command.`) is a string naming a command that carries a
 * password (`isPasswordCommandWord`: `auth`, `hello`, `config`, `migrate`, `acl`), the parent
 * being a `command` (`err.command.name`, `command.name`, a map `command`'s `name`); and for
 * each `…args` whose sibling `…command` (or `…cmd`, `…redisCommand`) is such a string (a logger's `{command:"auth",
 * args:[…]}`, `err.command` beside `err.args`): the word naming the command is the evidence the
 * list is its arguments. Undefined when there is none. Other commands' arguments are keys and values, no secret
 * (`{"name":"get","args":["session:42"]}` stays), and another parent's `name` and `args` are a
 * job's or a call's (`job.name`, `task.args`, `event.args`).
 */
export function commandObjectsIn(attributes: readonly KeyValue[], prefix: string): Map<string, string> | undefined {
  let commands: Map<string, string> | undefined;
  for (const { key, value } of attributes) {
    const word = commandWordKey(key) ?? "name";
    if (word === "name" && !(lastPartIs(key, "name") && underCommand(prefix === "" ? key : `${prefix}.${key}`))) continue;
    if (!("stringValue" in value) || !isPasswordCommandWord(value.stringValue)) continue;
    const args = `${key.slice(0, key.length - word.length)}args`;
    if (attributes.some((attribute) => attribute.key === args && holdsList(attribute.value))) (commands ??= new Map()).set(args, value.stringValue);
  }
  return operationArguments(attributes, prefix, commands);
}

/**
 * `commands` (made when undefined) with, in a record's own `attributes` (`prefix` ""), the
 * command text's key (`ARGUMENTS_TEXT_KEYS`) by the command word its `db.operation` names, when
 * the operation is a command that carries a password and the text does not start with a command
 * word of its own (`{"db.operation":"AUTH","db.redis.args":"default pw"}`; a full command in
 * `db.statement` is read by the line rules). `db.redis.args` is Redis's whatever `db.system`
 * says; `db.statement` and `db.query.text` are unless `db.system` (`db.system.name`) names
 * another database (`isOtherDatabase`: `cassandra`), a Redis-compatible store's name
 * (`elasticache`) or none leaving them Redis's; under another database only a statement holding
 * a credential-shaped word (`holdsProseCredential`) is read as the command's arguments.
 */
function operationArguments(attributes: readonly KeyValue[], prefix: string, commands: Map<string, string> | undefined): Map<string, string> | undefined {
  if (prefix !== "") return commands;
  const operation = attributes.find(({ key, value }) => OPERATION_KEYS.includes(key) && "stringValue" in value && isPasswordCommandWord(value.stringValue));
  if (operation === undefined) return commands;
  const word = (operation.value as { stringValue: string }).stringValue;
  const system = attributes.find(({ key }) => SYSTEM_KEYS.includes(key))?.value;
  const another = system !== undefined && "stringValue" in system && isOtherDatabase(system.stringValue);
  for (const { key, value } of attributes) {
    if (!ARGUMENTS_TEXT_KEYS.includes(key)) continue;
    // Another database's statement is its own, but a credential-shaped word in it goes as in
    // prose (`holdsProseCredential`: `default s3cr3tP4ss` under `cassandra`; `user svc` stays).
    if (another && key !== "db.redis.args" && !("stringValue" in value && holdsProseCredential(value.stringValue))) continue;
    if ("stringValue" in value && isPasswordCommandWord(value.stringValue.trimStart().split(/[ \t]/, 1)[0]!)) continue;
    if ("stringValue" in value || "arrayValue" in value) (commands ??= new Map()).set(key, word);
  }
  return commands;
}

/**
 * The text of a command's argument as a list holds it: a string's, or an integer's digits (an
 * exporter keeps a number as `intValue`: HELLO's protocol version, `[3,"AUTH","default","pw"]`);
 * undefined for any other value, which no command's grammar reads.
 */
export function commandArgumentText(item: AnyValue): string | undefined {
  if ("stringValue" in item) return item.stringValue;
  return "intValue" in item ? String(item.intValue) : undefined;
}

/** Whether `value` is a list: an array, or the JSON text of one (a lifted array). */
function holdsList(value: AnyValue): boolean {
  return "arrayValue" in value || ("stringValue" in value && value.stringValue.startsWith("["));
}

/** Whether `key`'s parent, its part before the last, is `command` (any case: ioredis' `Command`). */
function underCommand(key: string): boolean {
  const parent = key.slice(0, key.lastIndexOf("."));
  return lastPartIs(parent.toLowerCase(), "command");
}

/** Whether the last dot-separated part of `key` is `part`. */
function lastPartIs(key: string, part: string): boolean {
  return key.endsWith(part) && (key.length === part.length || key.charCodeAt(key.length - part.length - 1) === 0x2e);
}
