/**
 * A position in a source file as stack traces, compilers and loggers' caller fields write it:
 * the file's name with a source language's or a configuration format's extension, a glued `:`,
 * the line and perhaps the column (Go's `/app/internal/auth/token.go:42 +0x1d`, zap's
 * `"caller":"auth/password.go:42"`, the JVM's `(Secret.java:42)`, V8's
 * `(/app/src/secret.js:12:5)`, Ruby's `api_key.rb:12:in`, GCC's `secret.c:42:3: warning`, .NET's
 * `Token.cs:line 42`, yamllint's `secret.yaml:12:3: error`). A file named for a credential
 * (`token.go`, `secret.rs`) reads as a secret's name with a member (`secrets.db: …`); the number
 * after it is a line, no value.
 */
import { countWork } from "./scan-scope";

/**
 * Extensions of source files, in lower case: the languages whose stack traces, compiler
 * messages and loggers' callers name a file and its line, and the configuration formats whose
 * linters and parsers do.
 */
const SOURCE_EXTENSIONS: ReadonlySet<string> = new Set([
  "go", "java", "kt", "kts", "scala", "groovy", "clj", "cljs", "js", "mjs", "cjs", "jsx", "ts", "tsx", "mts", "cts", "vue", "svelte",
  "py", "pyx", "rb", "erb", "rake", "php", "pl", "pm", "rs", "c", "h", "cc", "cpp", "cxx", "hpp", "hh", "m", "mm", "swift",
  "cs", "fs", "vb", "dart", "ex", "exs", "erl", "hrl", "lua", "zig", "nim", "hs", "ml", "jl", "sh",
  "jsp", "json", "yaml", "yml", "toml", "xml", "properties", "tf", "sql", "html",
]);

/**
 * What a position writes after the colon: the line, perhaps `:` and the column (`42`, `12:5`),
 * or .NET's `line 42` (`Token.cs:line 42`); then its end: the text's, a blank, a closing bracket,
 * a `,`, a quote, perhaps escaped in JSON text (`\"caller\":\"auth/token.go:42\"`), an escaped line
 * break (`(Secret.java:42)\n\tat`), or a `:` before a blank, the end or Ruby's `in`
 * (`secret.c:42:3: warning`, `api_key.rb:12:in`). Anything else glued to the number
 * (`password.go:42:hunter2`, `token.js:1.Zx9…`, `secret.json:4821-3977-…`) makes it a value.
 */
const POSITION = /^(?:\d{1,7}(?::\d{1,7})?|line \d{1,7})(?=$|[\s),\]"']|\\{1,7}["'nrt]|:(?:$|\s|in(?!\w)))/;
/** How much of the text after the colon `POSITION` reads: a line and a column, then `:in` and one more, or an escaped quote. */
const POSITION_REACH = 24;

/**
 * Whether the field `name` glued to its colon at `colon` in `text` is a source file's position:
 * the name's last dotted part is a source file's extension (`token.go`, `Secret.java`) and a
 * position follows the colon (`POSITION`), read no further than `POSITION_REACH`, so a run of
 * such names is passed over before any value is read.
 */
export function isSourcePosition(name: string, text: string, colon: number): boolean {
  const dot = name.lastIndexOf(".");
  if (dot <= 0 || !SOURCE_EXTENSIONS.has(name.slice(dot + 1).toLowerCase())) return false;
  // The few characters read after the colon, for the cost tests (scan-scope.ts).
  countWork(POSITION_REACH);
  return POSITION.test(text.slice(colon + 1, colon + 1 + POSITION_REACH));
}
