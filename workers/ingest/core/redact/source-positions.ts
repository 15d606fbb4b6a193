/**
 * A position in a source file as stack traces, compilers and loggers' caller fields write it:
 * the file's name with a source language's or a configuration format's extension, a glued `:`, the line and perhaps the
 * column (Go's `/app/internal/auth/token.go:42 +0x1d`, zap's `"caller":"auth/password.go:42"`,
 * the JVM's `(Secret.java:42)`, V8's `(/app/src/secret.js:12:5)`, Ruby's `api_key.rb:12:in`,
 * GCC's `secret.c:42:3: warning`, yamllint's `secret.yaml:12:3: error`). A file named for a credential (`token.go`, `secret.rs`) reads
 * as a secret's name with a member (`secrets.db: …`); the number after it is a line, no value.
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
  "json", "yaml", "yml", "toml", "xml", "tf", "sql", "html",
]);

/** A line number right after the colon, then no word character (`42`, `12:5`, `12:in`, `42 +0x1d`). */
const LINE_NUMBER = /^\d{1,7}(?!\w)/;
/** How much of the text after the colon `LINE_NUMBER` reads: seven digits and the character after them. */
const LINE_REACH = 8;

/**
 * Whether the field `name` glued to its colon at `colon` in `text` is a source file's position:
 * the name's last dotted part is a source file's extension (`token.go`, `Secret.java`) and a line
 * number follows the colon, read no further than `LINE_REACH`, so a run of such names is passed
 * over before any value is read.
 */
export function isSourcePosition(name: string, text: string, colon: number): boolean {
  const dot = name.lastIndexOf(".");
  if (dot <= 0 || !SOURCE_EXTENSIONS.has(name.slice(dot + 1).toLowerCase())) return false;
  // The few characters read after the colon, for the cost tests (scan-scope.ts).
  countWork(LINE_REACH);
  return LINE_NUMBER.test(text.slice(colon + 1, colon + 1 + LINE_REACH));
}
