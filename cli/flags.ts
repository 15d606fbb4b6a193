import { parseArgs, type ParseArgsConfig } from "node:util";
import { distance } from "fastest-levenshtein";

/** A wrong flag or variable: reported with the usage text instead of a stack trace. */
export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * What a command prints for a UsageError: the message on one line, then the command that
 * prints the usage (`npm run dashboards -- --help`). Not the usage itself: a screen of flags
 * after a one-line mistake scrolls the mistake out of sight.
 */
export function usageErrorText(message: string, helpCommand: string): string {
  return `${message}\nRun "${helpCommand}" for the usage.`;
}

/** `parseArgs` with unknown or malformed flags reported as a UsageError (`parseCommandArgs`). */
export function parseFlags<T extends NonNullable<ParseArgsConfig["options"]>>(argv: string[], options: T) {
  return parseCommandArgs({ args: argv, options, strict: true }).values;
}

/**
 * `parseArgs`, with what it refuses thrown as a UsageError that says what was wrong and what to
 * do, in place of Node's words (`Unknown option '--bogus'. To specify a positional argument
 * starting with a '-', place it at the end of the command after '--', as in '-- "--bogus"`:
 * quotes left open, and advice about arguments to someone who mistyped an option). Node's
 * ERR_PARSE_ARGS_* codes are read; another error is thrown as it is.
 *
 * @throws UsageError `unknown option --dryrun: did you mean --dry-run?`, `--mode needs a value
 *   (--mode <value>)`, `--fix takes no value: write --fix alone`, `unexpected argument "x": …`.
 */
export function parseCommandArgs<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw flagsError(error, config);
  }
}

function flagsError(error: unknown, config: ParseArgsConfig): unknown {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  // Node names the option or argument in single quotes first: '--bogus', '--mode <value>', 'pos'.
  const named = /'([^']*)'/.exec(message)?.[1] ?? "";
  const option = named.split(" ")[0]!;
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const names = Object.entries(config.options ?? {}).flatMap(([long, { short }]) => [`--${long}`, ...(short === undefined ? [] : [`-${short}`])]);
    const near = nearName(option, names);
    if (near !== undefined) return new UsageError(`unknown option ${option}: did you mean ${near}?`);
    const asArgument = config.allowPositionals === true ? ` (an argument that starts with "-" goes after "--": -- ${option})` : "";
    return new UsageError(`unknown option ${option}${asArgument}`);
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    if (message.includes("argument missing")) return new UsageError(`${option} needs a value (${named})`);
    if (message.includes("does not take an argument")) return new UsageError(`${option} takes no value: write ${option} alone`);
    if (message.includes("ambiguous")) return new UsageError(`${option} needs a value, and what follows it starts with "-": if that is the value, write ${option}=<value>`);
  }
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return new UsageError(`unexpected argument "${named}": this command takes options only`);
  return code === undefined ? error : new UsageError(message);
}

/**
 * The flag `typed` most likely meant: one within a typo's distance (two edits, fewer for a short
 * flag: `--dryrun` → `--dry-run`), else the only long flag it is the start of or starts with
 * (`--min-requests` → `--min-requests-per-window`, `--service-name` → `--service`), which an edit
 * distance misses. Undefined when none, or when the start fits several.
 */
function nearName(typed: string, names: readonly string[]): string | undefined {
  const close = names.find((name) => distance(name, typed) <= Math.min(2, Math.floor(typed.length / 3)));
  if (close !== undefined) return close;
  const long = names.filter((name) => name.startsWith("--") && typed.startsWith("--") && typed.length >= 5);
  const started = long.filter((name) => name.startsWith(typed) || typed.startsWith(`${name}-`));
  return started.length === 1 ? started[0] : undefined;
}

/** A TCP port from a flag or variable; 0 means "any free port". */
export function parsePort(text: string, name: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) {
    throw new UsageError(`${name} must be a port number (0 for any free port), got "${text}"`);
  }
  return port;
}

