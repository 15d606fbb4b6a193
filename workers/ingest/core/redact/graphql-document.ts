/**
 * Which arguments a GraphQL document passes its variables to. A request names its secrets in the
 * document (`login(password: $p)`) and sends their values in `variables` under the variable's
 * name, which can be anything (`{"p":"hunter22"}`): redaction rules the value by the argument's
 * name (graphql-variables.ts). Read with only as much of the grammar as that needs, in one pass
 * over the characters (GraphQL specification, October 2021: §2.1 lexical tokens, §2.3
 * operations, §2.6 arguments, §2.9 input values, §2.10 variables).
 */
import { countWork } from "./scan-scope";

/**
 * A variable's name (without `$`) → the paths of the arguments the document passes it as, each
 * the argument's name and then the input object fields around the variable, dot-joined
 * (`login(input: {credentials: {password: $p}})`: `input.credentials.password`); a list between
 * adds nothing (`codes: [$a]`: `codes`). In document order, each path once, the first
 * MAX_ARGUMENTS_PER_VARIABLE of a variable.
 */
export type VariableArguments = ReadonlyMap<string, readonly string[]>;

const NO_ARGUMENTS: VariableArguments = new Map();

/**
 * Frames the reader can be in. A field's or directive's arguments, an input object and a list
 * are where values stand; a selection set holds fields; an operation's variable definitions
 * hold `$name: Type = default`, where a `$` is a definition, not a use.
 */
const SELECTION_SET = 0;
const ARGUMENTS = 1;
const INPUT_OBJECT = 2;
const LIST = 3;
const VARIABLE_DEFINITIONS = 4;

/**
 * Frames open at once: a real document nests a few tens (servers refuse depths past that); a
 * text nesting more is no document, and what was read up to there is the answer.
 */
const MAX_FRAMES = 256;

/**
 * The longest argument path kept: real ones are a few names (`input.credentials.password`). A
 * longer one names nothing a key rule knows, and bounds what one `name:` can cost.
 */
const MAX_PATH_LENGTH = 128;

/**
 * Argument paths kept per variable: a real one is passed to a few arguments. Each path costs a
 * rule lookup for every value held under the variable (one attribute per list item, as
 * instrumentation-graphql writes lists), so the count is bounded.
 */
const MAX_ARGUMENTS_PER_VARIABLE = 32;

/**
 * The arguments each variable of `document` is passed as (VariableArguments), from every
 * operation and fragment in it, field arguments and directive arguments alike. Text that is no
 * GraphQL (a SQL statement, prose) gives few or no bindings: only `$name` standing where an
 * argument's value stands counts. Linear in the document's length: each character is read once,
 * each frame opened and closed once, and each `name:` (two characters at least) builds one path
 * of at most MAX_PATH_LENGTH characters, hashed once however many variables stand after it;
 * strings (block strings too) and comments are skipped as the lexer skips them, so a `$` or a
 * bracket inside them means nothing.
 */
export function variableArguments(document: string): VariableArguments {
  // No `$`, no variable: the answer for most texts, without reading them token by token.
  if (document.indexOf("$") < 0) return NO_ARGUMENTS;
  // Characters of the paths built and the names hashed, counted with those read (countWork).
  let hashed = 0;
  const found = new Map<string, Set<string>>();
  // The open frames: their kind, the path a value directly inside stands at (an argument's or
  // a field's name is added to it), the name before the last `:` read in it and the path of a
  // value after that `:` ("" before any). A path is built once per name and frame, so a name
  // used again is hashed again at no cost (a string keeps its hash).
  const kinds: number[] = [];
  const paths: string[] = [];
  const keys: string[] = [];
  const values: string[] = [];
  // How many frames of each kind are open, so a closing bracket with no frame of its kind open
  // is skipped without searching the stack.
  const open = [0, 0, 0, 0, 0];
  // Parentheses open inside the variable definitions (a default's or a directive's), and the
  // reader's memory of the last tokens: a Name (for `:`), a `$` (for the variable's name), an
  // `@` and the directive's name after it (for a `(` outside any selection set).
  let definitionParentheses = 0;
  let lastName = "";
  let dollar = false;
  let at = false;
  let directiveName = false;

  const push = (kind: number, path: string): boolean => {
    if (kinds.length === MAX_FRAMES) return false;
    kinds.push(kind);
    paths.push(path);
    keys.push("");
    values.push("");
    open[kind]!++;
    return true;
  };
  // Closes frames down to and including the innermost one of `kind`, if one is open.
  const close = (kind: number, other = kind): void => {
    if (open[kind] === 0 && open[other] === 0) return;
    for (;;) {
      const top = kinds.pop()!;
      paths.pop();
      keys.pop();
      values.pop();
      open[top]!--;
      if (top === kind || top === other) return;
    }
  };
  // Where a value read now stands, or undefined where none stands (a selection set).
  const valuePath = (): string | undefined => {
    const depth = kinds.length - 1;
    if (depth < 0) return undefined;
    const kind = kinds[depth];
    if (kind === LIST) return paths[depth];
    if (kind !== ARGUMENTS && kind !== INPUT_OBJECT) return undefined;
    const value = values[depth]!;
    return value === "" ? undefined : value;
  };

  const length = document.length;
  let i = 0;
  while (i < length) {
    const code = document.charCodeAt(i);
    if (isNameStart(code)) {
      let end = i + 1;
      while (end < length && isNameContinue(document.charCodeAt(end))) end++;
      const name = document.slice(i, end);
      i = end;
      if (dollar) {
        dollar = false;
        lastName = "";
        directiveName = false;
        if (kinds[kinds.length - 1] === VARIABLE_DEFINITIONS) continue;
        const path = valuePath();
        if (path === undefined || path.length > MAX_PATH_LENGTH) continue;
        let bound = found.get(name);
        if (bound === undefined) found.set(name, (bound = new Set()));
        if (bound.size < MAX_ARGUMENTS_PER_VARIABLE) bound.add(path);
        hashed += name.length;
        continue;
      }
      lastName = name;
      directiveName = at;
      at = false;
      continue;
    }
    if (code === QUOTE) {
      i = afterString(document, i);
      forget();
      continue;
    }
    if (code === HASH) {
      while (i < length && !isLineTerminator(document.charCodeAt(i))) i++;
      continue;
    }
    i++;
    if (isIgnored(code)) continue;
    const wasDirectiveName = directiveName;
    const name = lastName;
    forget();
    if (kinds[kinds.length - 1] === VARIABLE_DEFINITIONS) {
      // Only the parentheses matter until the definitions close.
      if (code === OPEN_PARENTHESIS) definitionParentheses++;
      else if (code === CLOSE_PARENTHESIS && definitionParentheses-- === 0) {
        definitionParentheses = 0;
        close(VARIABLE_DEFINITIONS);
      }
      continue;
    }
    switch (code) {
      case DOLLAR:
        dollar = true;
        break;
      case AT:
        at = true;
        break;
      case COLON: {
        const depth = kinds.length - 1;
        const kind = kinds[depth];
        if (name !== "" && name !== keys[depth] && (kind === ARGUMENTS || kind === INPUT_OBJECT)) {
          const path = paths[depth]!;
          keys[depth] = name;
          values[depth] = path === "" ? name : `${path}.${name}`;
          // Joining makes no copy; a path is read whole only when hashed, which one longer
          // than MAX_PATH_LENGTH never is.
          const length = values[depth]!.length;
          if (length <= MAX_PATH_LENGTH) hashed += length;
        }
        break;
      }
      case OPEN_PARENTHESIS:
        // Outside any selection set, a `(` not after a directive's name opens an operation's
        // variable definitions (`mutation Login($password: String!)`).
        if (!push(kinds.length === 0 && !wasDirectiveName ? VARIABLE_DEFINITIONS : ARGUMENTS, "")) return done();
        break;
      case CLOSE_PARENTHESIS:
        close(ARGUMENTS);
        break;
      case OPEN_BRACE: {
        const path = valuePath();
        if (!push(path === undefined ? SELECTION_SET : INPUT_OBJECT, path ?? "")) return done();
        break;
      }
      case CLOSE_BRACE:
        close(SELECTION_SET, INPUT_OBJECT);
        break;
      case OPEN_BRACKET: {
        const path = valuePath();
        if (path !== undefined && !push(LIST, path)) return done();
        break;
      }
      case CLOSE_BRACKET:
        close(LIST);
        break;
      default:
        // Numbers, `!`, `=`, `...`, `&`, `|` and anything no document holds: nothing to note.
        break;
    }
  }
  return done();

  function done(): VariableArguments {
    countWork(i + hashed);
    return result(found);
  }

  function forget(): void {
    lastName = "";
    dollar = false;
    at = false;
    directiveName = false;
  }
}

function result(found: Map<string, Set<string>>): VariableArguments {
  if (found.size === 0) return NO_ARGUMENTS;
  const bindings = new Map<string, readonly string[]>();
  for (const [name, paths] of found) bindings.set(name, [...paths]);
  return bindings;
}

/**
 * Where the string starting at `start` (a `"`) ends, past its closing quote: a block string
 * `"""…"""` (§2.9.4: `\"""` is an escaped quote run inside it) or a string whose `\` escapes the
 * next character; an unclosed string ends at its line's end, an unclosed block string at the
 * text's.
 */
function afterString(text: string, start: number): number {
  const length = text.length;
  if (text.startsWith('"""', start)) {
    let i = start + 3;
    while (i < length) {
      const code = text.charCodeAt(i);
      if (code === BACKSLASH && text.startsWith('"""', i + 1)) i += 4;
      else if (code === QUOTE && text.startsWith('"""', i)) return i + 3;
      else i++;
    }
    return length;
  }
  let i = start + 1;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code === BACKSLASH) i += 2;
    else if (code === QUOTE) return i + 1;
    else if (isLineTerminator(code)) return i;
    else i++;
  }
  return length;
}

/** `[_A-Za-z]` (§2.1.9 Name). */
function isNameStart(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f;
}

/** `[_0-9A-Za-z]`. */
function isNameContinue(code: number): boolean {
  return isNameStart(code) || (code >= 0x30 && code <= 0x39);
}

/** White space, line terminators, commas and the byte order mark (§2.1.2–§2.1.7). */
function isIgnored(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x2c || isLineTerminator(code) || code === 0xfeff;
}

function isLineTerminator(code: number): boolean {
  return code === 0x0a || code === 0x0d;
}

const QUOTE = 0x22;
const HASH = 0x23;
const DOLLAR = 0x24;
const OPEN_PARENTHESIS = 0x28;
const CLOSE_PARENTHESIS = 0x29;
const COLON = 0x3a;
const AT = 0x40;
const OPEN_BRACKET = 0x5b;
const BACKSLASH = 0x5c;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
