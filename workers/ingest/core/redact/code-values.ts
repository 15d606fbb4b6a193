import { nameWords } from "./secret-names";

/**
 * Code written where a secret's value would be, as stack traces' source lines and printed config
 * code show it (`this.apiKey = options.apiKey;`, `@api_key = ENV['API_KEY']`): no secret, but
 * where one comes from. A string literal is the secret (`this.password = 'hunter2';`): callers
 * ask only about unquoted values.
 *
 * In any line: `await` before an expression (`await hash(…)`, `await "…"`) or `new` before a call
 * (`new Client(…)`; `password=new` is a word), a sigil's variable read by index, member or call
 * (`$_ENV['API_KEY']`, `$cfg->key`), Ruby's `ENV[…]`, Node's `process.env`, Python's
 * `os.environ` and `os.getenv(…)`, and a receiver's member (`this.token`, `self.password`,
 * `$this->apiKey`). A value that merely starts with `$` or `@` is a password as often
 * (`password=$ecret1`), so alone it is code only on a code line (below).
 */
const CODE_VALUE = /^(?:await[ \t]+(?=[A-Za-z_$"'`(])|new[ \t]+[A-Za-z_$][\w$.]*\(|\$[A-Za-z_]\w*(?:\[|->|::|\()|ENV\[|process\.env\b|os\.(?:environ\b|getenv\()|(?:this|self)(?:\.|->)[A-Za-z_])/;

/** An identifier or member path, with a sigil and indexes (`options.apiKey`, `$apiKey`, `kwargs["token"]`). */
const PATH = /^[$@]?[A-Za-z_]\w*(?:(?:\.|->|::)[A-Za-z_]\w*|\[[^\]\n]{1,64}\])*/;
/** What ends an expression in code: a call's `(`, `;`, `,`, `)`, `??`, `||`, `&&`, PHP's `?:`, Python's `or`/`and`. */
const CODE_AFTER = /^(?:\(|[ \t]*(?:[;,)]|\?\?|\?:|\|\||&&|(?:or|and)(?![\w$])))/;
/** What ends a statement or an argument: after a bare word alone it says nothing of the word. */
const STATEMENT_END = /^[ \t]*[;,)]/;
/** A bare word (no sigil, member or index): a variable or the secret itself, which nothing in the line tells apart. */
const BARE_WORD = /^[A-Za-z_]\w*$/;
/** A constant's name (`DB_PASSWORD`, `API_KEY`): capitals in words joined by `_`. */
const CONSTANT_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

/** A receiver or sigil right before a name (`this.password`, `self.token`, `$cfg->api_key`, `$password`, `@api_key`). */
const RECEIVER_BEFORE = /(?:(?:^|[^\w$])(?:this|self)\.|->|[$@])$/;
/** A name read with its receiver or sigil (`this.apiKey`, `$cfg->api_key`, `@password`). */
const RECEIVER_START = /^(?:(?:this|self)\.|[$@])/;

/**
 * Whether the unquoted value at `valueStart` in `text` (read to its line's end) after `name`,
 * which starts at `nameStart`, is code (`CODE_VALUE`), or, when the name follows a
 * receiver or sigil (a code line: `this.secret`, `$this->apiKey`, `@api_key`), a path that code
 * goes on after (`options.secret ?? …`, `hash(…)`, `$apiKey;`), a member path alone
 * (`options.apiKey`), or the variable of the name's own last word (`self.password = password`)
 * or a constant's name (`$db->password = DB_PASSWORD;`). Any other bare word is the secret, with
 * or without a `;` after it (`$db->password = hunter2;`, `self.password = hunter2`).
 * String literals inside code are read by `codeSecretLiterals`.
 */
export function isCodeValue(text: string, valueStart: number, name: string, nameStart: number): boolean {
  const lineEnd = text.indexOf("\n", valueStart);
  const value = text.slice(valueStart, lineEnd < 0 ? text.length : lineEnd);
  if (CODE_VALUE.test(value)) return true;
  const path = PATH.exec(value)?.[0];
  if (path === undefined) return false;
  if (!RECEIVER_BEFORE.test(text.slice(Math.max(0, nameStart - 8), nameStart)) && !RECEIVER_START.test(text.slice(nameStart, nameStart + 8))) return false;
  const rest = value.slice(path.length);
  // A bare word ending the statement (`$db->password = hunter2;`) is read as it is alone
  // (`self.password = hunter2`): the secret, but for the name's own variable or a constant's name.
  if (BARE_WORD.test(path) && (STATEMENT_END.test(rest) || rest.trim() === "")) return sameWords(path, name) || CONSTANT_NAME.test(path);
  if (CODE_AFTER.test(rest)) return true;
  if (rest.trim() !== "") return false;
  return /[.[]|->|::/.test(path.slice(1)) || sameWords(path, name);
}

/** Whether the variable `path` is spelt as `name`'s last segment (`password`, `$apiKey` for `apiKey`, `api_key`). */
function sameWords(path: string, name: string): boolean {
  const last = name.split(/\.|->|::/).pop()!;
  return nameWords(path.replace(/^[$@]/, "")).join("") === nameWords(last).join("");
}

/**
 * A string literal in code, in double or single quotes, with its backslash escapes. A quote
 * escaped itself (`\"`: code held in a JSON string) closes the string that holds the code, no literal.
 */
const STRING_LITERAL = /(?<!\\)"(?:[^"\\\n]|\\.)*"|(?<!\\)'(?:[^'\\\n]|\\.)*'/g;
/**
 * A call whose first argument names what it looks up, an environment variable or a setting
 * (`env('DB_PASSWORD', …)`, `os.getenv("PW", …)`, `kwargs.get("password", …)`, Ruby's
 * `ENV.fetch`, Java's `getProperty`), read back from the `(` before the literal.
 */
const LOOKUP_CALL_BEFORE = /(?:^|[^\w$])(?:env|getenv|Getenv|LookupEnv|get|fetch|getProperty|config|lookup|require)[ \t]*\([ \t]*$/;
/** A literal that indexes (`os.environ["PW"]`, `$_ENV['API_KEY']`, `ENV['API_KEY']`): a key's name. */
const INDEX_BEFORE = /\[[ \t]*$/;

/**
 * The string literals of a code value that are secrets, as [start, end) of their contents in
 * `value` (the text after the assignment's operator, read to the statement's end: a `;` or the
 * line's end outside a literal): every literal but a lookup's key, the first argument of a
 * lookup call or an index (`os.getenv("PW", "hunter2")`: `PW` names a variable, `hunter2` is
 * its default and the secret). `keep` says which contents stay (an empty string, a mask).
 * Returns the literals and where the statement ends.
 */
export function codeSecretLiterals(value: string, keep: (contents: string) => boolean): { readonly literals: readonly (readonly [number, number])[]; readonly end: number } {
  const literals: [number, number][] = [];
  const statementEnd = (from: number, to: number) => {
    const at = value.slice(from, to).search(/[;\n]/);
    return at < 0 ? -1 : from + at;
  };
  let from = 0;
  for (const literal of value.matchAll(STRING_LITERAL)) {
    const ended = statementEnd(from, literal.index);
    if (ended >= 0) return { literals, end: ended };
    from = literal.index + literal[0].length;
    const before = value.slice(0, literal.index);
    const contents = literal[0].slice(1, -1);
    if (LOOKUP_CALL_BEFORE.test(before) || INDEX_BEFORE.test(before) || keep(contents)) continue;
    literals.push([literal.index + 1, from - 1]);
  }
  const ended = statementEnd(from, value.length);
  return { literals, end: ended < 0 ? value.length : ended };
}
