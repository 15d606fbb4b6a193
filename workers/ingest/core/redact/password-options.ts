/**
 * Command-line clients whose short or plain-named options take a password: `docker login -p …`,
 * `redis-cli -a …`, `sqlcmd -P …`, `curl -u user:password`, `openssl … -passin pass:…`. The
 * option's name alone says nothing (`-p` is a port for `docker run` and `ssh`, `-a` a switch
 * for most programs), so the program decides, as each client's manual documents its options.
 * The MySQL clients' password glued to `-p` is the flag detector's own form
 * (`detectors/secret-parameter.ts`).
 */

/** How an option's value holds the password. */
export type PasswordValueForm =
  /** The whole value: `-p S3cret`. */
  | "whole"
  /** After the first colon of `user:password`; a value without a colon is a user name (curl then prompts). */
  | "user:password"
  /** After `pass:` in OpenSSL's pass phrase argument (`env:VAR`, `file:path`, `fd:N`, `stdin` say where it is). */
  | "pass:password"
  /**
   * The whole value, an encrypted password (crypt(3)'s `$6$…`, the password's hash, or a clear
   * one given by mistake), but for a lock alone (`!`, `*`, `!!`), which says the account has none.
   */
  | "encrypted";

interface PasswordOption {
  /** The command before the option: the program and the subcommand that takes it, as a regex source. */
  readonly command: string;
  /** Option names without their dashes, case-sensitive (`sqlcmd -p` prints statistics, `-P` is the password). */
  readonly options: readonly string[];
  readonly value: PasswordValueForm;
  /**
   * Whether the command may run another command whose own options follow (`sshpass -p … ssh
   * -p 2222`), so only options right after the program's name are its own.
   */
  readonly wraps?: true;
  /**
   * Whether only the command's options, each with at most one value, may stand before the
   * option (`useradd -m -s /bin/bash -p …`): prose runs on from a command's name into another
   * command's options (`useradd alice, then docker run -p 8080:80 app`), or a command glued to
   * the next by `;`, `|` or `&` (`useradd -m app&&mkdir -p /app/data`).
   */
  readonly optionsFirst?: true;
}

const PASSWORD_OPTIONS: readonly PasswordOption[] = [
  // Container registry logins (docker, podman, nerdctl, buildah, skopeo, oras, helm, regctl,
  // crane) and the Azure and Cloud Foundry CLIs' `login`: `-p` is `--password`.
  {
    command: String.raw`(?:docker|podman|nerdctl|buildah|skopeo|oras|az|cf|crane[ \t]+auth|(?:helm|regctl)[ \t]+registry)[ \t]+login`,
    options: ["p"],
    value: "whole",
  },
  { command: "sshpass", options: ["p"], value: "whole", wraps: true },
  // PyPI's uploader: `twine upload -u __token__ -p pypi-…`.
  { command: String.raw`twine[ \t]+upload`, options: ["p"], value: "whole" },
  // The MongoDB shells and database tools: `-p` is `--password`.
  { command: "mongo(?:sh|dump|restore|export|import|stat|top|files)?", options: ["p"], value: "whole" },
  // redis-cli's `-a` and `--pass` (its manual: `--pass` is the same as `-a`); `--askpass` takes no value.
  { command: "redis-cli", options: ["a", "pass"], value: "whole" },
  // SQL Server's sqlcmd and bcp.
  { command: "(?:sqlcmd|bcp)", options: ["P"], value: "whole" },
  { command: "curl", options: ["u", "user", "U", "proxy-user"], value: "user:password" },
  { command: "openssl", options: ["pass", "passin", "passout", "kdfpass"], value: "pass:password" },
  // The shadow utilities' `-p`: the encrypted password of a user or a group (`--password` is a secret flag's name already).
  { command: "(?:user|group)(?:add|mod)", options: ["p"], value: "encrypted", optionsFirst: true },
];

/** `command` as the start of the command before an option (not past `;`, `|`, `&` or a line end). */
function commandBefore(option: PasswordOption): RegExp {
  const between =
    option.wraps === true
      ? String.raw`(?:[ \t]+-\S+)*[ \t]+`
      : option.optionsFirst === true
        ? // An option or its value never holds `;`, `|` or `&`: those end the command (`useradd -m app&&mkdir -p /app`).
          String.raw`(?:[ \t]+-[^\s;|&]+(?:[ \t]+[^\s;|&-][^\s;|&]*)?)*[ \t]+`
        : String.raw`[ \t](?:[^\n;|&]*[ \t])?`;
  // A command starts the text, follows a blank, a path's `/`, a quote, a `;` (zsh's history: `: 1733450000:0;useradd …`), or opens a subshell (`$(curl …)`).
  return new RegExp(String.raw`(?:^|[\s/"'(;])${option.command}${between}$`);
}

/**
 * The table's regexes, built the first time an option of the table is met (most isolates never
 * meet one): `before` for a command line, `program` for an argument list's first element (a
 * path or a name), the latter only for programs that need no subcommand and run no other one.
 */
let matchers:
  | {
      readonly commandsBefore: readonly { option: PasswordOption; before: RegExp }[];
      readonly programs: readonly { option: PasswordOption; program: RegExp }[];
    }
  | undefined;

function passwordOptionMatchers(): NonNullable<typeof matchers> {
  matchers ??= {
    commandsBefore: PASSWORD_OPTIONS.map((option) => ({ option, before: commandBefore(option) })),
    programs: PASSWORD_OPTIONS.filter((option) => option.wraps !== true && !option.command.includes(" ")).map((option) => ({
      option,
      program: new RegExp(String.raw`(?:^|/)${option.command}$`),
    })),
  };
  return matchers;
}

/** Every option name of the table, for the evidence walk. */
export const PASSWORD_OPTION_NAMES: ReadonlySet<string> = new Set(PASSWORD_OPTIONS.flatMap((option) => option.options));

/** Whether `text` names one of the table's programs anywhere: a necessary condition of a password option in it. */
const ANY_PROGRAM = /docker|podman|nerdctl|buildah|skopeo|oras|az|cf|crane|helm|regctl|sshpass|twine|mongo|redis-cli|sqlcmd|bcp|curl|openssl|useradd|usermod|groupadd|groupmod/;
export function holdsPasswordProgram(text: string): boolean {
  return ANY_PROGRAM.test(text);
}

/**
 * How the value of option `name` (without dashes) holds a password, when the command written
 * in `lineBefore` (the text of its line before the option) takes one there; else undefined.
 */
export function passwordOptionIn(lineBefore: string, name: string): PasswordValueForm | undefined {
  if (!PASSWORD_OPTION_NAMES.has(name)) return undefined;
  return passwordOptionMatchers().commandsBefore.find(({ option, before }) => option.options.includes(name) && before.test(lineBefore))?.option.value;
}

/**
 * The same for an argument list (`process.command_args`) whose first element is `program`: the
 * options of a program that needs no subcommand and runs no other command, as only those can be
 * told from the first element.
 */
export function passwordOptionOf(program: string, name: string): PasswordValueForm | undefined {
  if (!PASSWORD_OPTION_NAMES.has(name)) return undefined;
  return passwordOptionMatchers().programs.find(({ option, program: named }) => option.options.includes(name) && named.test(program))?.option.value;
}

/** The part of `value` that is the password, as its form says, or undefined when none is there. */
export function passwordIn(value: string, form: PasswordValueForm): { start: number; end: number } | undefined {
  if (form === "encrypted") return NO_ENCRYPTED_PASSWORD.test(value) ? undefined : { start: 0, end: value.length };
  if (form === "whole") return value === "" ? undefined : { start: 0, end: value.length };
  const colon = form === "user:password" ? value.indexOf(":") : value.startsWith("pass:") ? 4 : -1;
  return colon < 0 || colon + 1 >= value.length ? undefined : { start: colon + 1, end: value.length };
}
/**
 * What the shadow utilities' `-p` may hold that is no password: nothing, a lock the shadow file
 * writes where an account's password would be (`!`, `!!`, `*`, `*LK*`), a word saying what goes
 * there (`PASSWORD`, `ENCRYPTED_PASSWORD`, prose's `usermod -p is deprecated`), a number (`1000`, a
 * user's id given to the wrong option), a template's
 * `{{ pw }}`, or a command's substitution (`-p $(mkpasswd …)`): its output, the command read as
 * one by command-passwords.ts.
 */
const NO_ENCRYPTED_PASSWORD = /^(?:[!*]*|\*LK\*|[A-Za-z_]+|\d{1,5})$|^(?:\$\(|`|\{)/;
