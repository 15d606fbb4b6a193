import { nameWords } from "./secret-names";

/**
 * Code written where a secret's value would be, as stack traces' source lines and printed config
 * code show it (`this.apiKey = options.apiKey;`, `@api_key = ENV['API_KEY']`): no secret, but
 * where one comes from. A string literal is the secret (`this.password = 'hunter2';`): callers
 * ask only about unquoted values.
 *
 * In any line: `await` or `new` before a call (`await hash(…)`, `new Client(…)`; `password=new` is a word), a sigil's variable read by index, member or call
 * (`$_ENV['API_KEY']`, `$cfg->key`), Ruby's `ENV[…]`, Node's `process.env`, Python's
 * `os.environ` and `os.getenv(…)`, and a receiver's member (`this.token`, `self.password`,
 * `$this->apiKey`). A value that merely starts with `$` or `@` is a password as often
 * (`password=$ecret1`), so alone it is code only on a code line (below).
 */
const CODE_VALUE = /^(?:(?:await|new)[ \t]+[A-Za-z_$][\w$.]*\(|\$[A-Za-z_]\w*(?:\[|->|::|\()|ENV\[|process\.env\b|os\.(?:environ\b|getenv\()|(?:this|self)(?:\.|->)[A-Za-z_])/;

/** An identifier or member path, with a sigil and indexes (`options.apiKey`, `$apiKey`, `kwargs["token"]`). */
const PATH = /^[$@]?[A-Za-z_]\w*(?:(?:\.|->|::)[A-Za-z_]\w*|\[[^\]\n]{1,64}\])*/;
/** What ends an expression in code: a call's `(`, `;`, `,`, `)`, `??` or `||`. */
const CODE_AFTER = /^(?:\(|[ \t]*(?:[;,)]|\?\?|\|\|))/;

/** A receiver or sigil right before a name (`this.password`, `self.token`, `$cfg->api_key`, `$password`, `@api_key`). */
const RECEIVER_BEFORE = /(?:(?:^|[^\w$])(?:this|self)\.|->|[$@])$/;
/** A name read with its receiver or sigil (`this.apiKey`, `$cfg->api_key`, `@password`). */
const RECEIVER_START = /^(?:(?:this|self)\.|[$@])/;

/**
 * Whether the unquoted value at `valueStart` in `text` (read to its line's end) after `name`,
 * which starts at `nameStart`, is code (`CODE_VALUE`), or, when the name follows a
 * receiver or sigil (a code line: `this.secret`, `$this->apiKey`, `@api_key`), a path that code
 * goes on after (`options.secret ?? …`, `hash(…)`, `$apiKey;`), a member path alone
 * (`options.apiKey`), or the variable of the name's own last word (`self.password = password`).
 */
export function isCodeValue(text: string, valueStart: number, name: string, nameStart: number): boolean {
  const lineEnd = text.indexOf("\n", valueStart);
  const value = text.slice(valueStart, lineEnd < 0 ? text.length : lineEnd);
  if (CODE_VALUE.test(value)) return true;
  const path = PATH.exec(value)?.[0];
  if (path === undefined) return false;
  if (!RECEIVER_BEFORE.test(text.slice(Math.max(0, nameStart - 8), nameStart)) && !RECEIVER_START.test(text.slice(nameStart, nameStart + 8))) return false;
  if (CODE_AFTER.test(value.slice(path.length))) return true;
  if (value.slice(path.length).trim() !== "") return false;
  return /[.[]|->|::/.test(path.slice(1)) || sameWords(path, name);
}

/** Whether the variable `path` is spelt as `name`'s last segment (`password`, `$apiKey` for `apiKey`, `api_key`). */
function sameWords(path: string, name: string): boolean {
  const last = name.split(/\.|->|::/).pop()!;
  return nameWords(path.replace(/^[$@]/, "")).join("") === nameWords(last).join("");
}
