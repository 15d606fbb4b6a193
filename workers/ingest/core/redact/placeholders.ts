import { withoutRemembering } from "./bounded-memo";
import { isSecretName } from "./secret-names";

/**
 * A printf conversion after its `%`: flags, a width and a precision (each perhaps `*`, which consumes an argument
 * of its own), then the verb of Node's `util.format`, C's printf, Go's `fmt` or Python's `%`. One list for the
 * placeholder a value is (`isPlaceholder`) and the placeholders a format string counts (format-arguments.ts).
 */
export const PRINTF_CONVERSION = String.raw`[-+ #0]{0,3}(?:\d{1,3}|\*)?(?:\.(?:\d{1,3}|\*))?[sdvqrifgGxX@oOjceEupbtTUa]`;

/**
 * Placeholders and templates written where a secret's value goes: the value is filled in
 * elsewhere, so the text holds none.
 *
 * - A printf conversion (C's and Go's `fmt`, Python's `%`-formatting with a mapping key): `%s`,
 *   `%v`, `%+v`, `%d`, `%(secret)s`, alone; `%s3cret` goes on past the conversion and is a value;
 *   Ruby's named reference (`format`, i18n's interpolation): `%{password}`.
 * - A query's bind placeholder: JDBC's and Hibernate's `?` (JPA's `?1`), PostgreSQL's `$1`, Entity
 *   Framework's and SQL Server's positional `@p0`, and a named one (`NAMED_BIND`).
 * - A template expression (`TEMPLATE_EXPRESSION`), read whole even where it holds blanks.
 */
const PLACEHOLDER = new RegExp(String.raw`^(?:%\{[A-Za-z_]\w{0,63}\}|%(?:\([A-Za-z_]\w{0,63}\))?${PRINTF_CONVERSION}|\?\d{0,3}|\$\d{1,3}|@p\d{1,3})$`);

/**
 * A template expression at a value's start: Go's and Jinja's, Mustache's, Helm's `{{ .Token }}`,
 * GitHub Actions' `${{ secrets.TOKEN }}`, a shell's or JavaScript's `${…}` and command
 * substitution `$(cat /run/secrets/api_key)`, ERB's and EJS's `<%= … %>`. One line, no nested
 * braces or brackets, at most 256 characters.
 */
const TEMPLATE_EXPRESSION = /^(?:\$?\{\{[^{}\n]{0,256}\}\}|\$\{[^{}\n]{0,256}\}|\$\([^()\n]{0,256}\)|<%[=-]?[^%\n]{0,256}%>)/;

/**
 * A named bind placeholder (`:password`, `:apiKey`): only one naming a secret, as a query binds a
 * column's value by the column's name; Ruby's `inspect` prints a symbol value the same way
 * (`{:password=>:hunter2}`), and that is the secret.
 */
const NAMED_BIND = /^:([A-Za-z_]\w{0,63})$/;

/**
 * Whether `value`, whole, is a format's or a query's placeholder or a template expression
 * (`PLACEHOLDER`, `TEMPLATE_EXPRESSION`). A bind's name is the value's (it may be the secret
 * `:hunter2`): no memo of names remembers it (`withoutRemembering`).
 */
export function isPlaceholder(value: string): boolean {
  const named = NAMED_BIND.exec(value)?.[1];
  return PLACEHOLDER.test(value) || (named !== undefined && withoutRemembering(() => isSecretName(named))) || templateExpressionAt(value)?.length === value.length;
}

/**
 * A variable as a list's item (`$pw`, `$a`): GraphQL's list of variables as an argument
 * (`setPins(pin: [$a, $b])`, §2.10), a script's array of them (`password: [$pw]`). Only a
 * list's item: alone after a name (`password: $pw`) it is read as a value, as before. Lower-case
 * letters only: a password may start with `$` too (`$ecret1`, `$Tr0ub4dor`, `$KEY123abc`), and
 * mixed case or digits make it one; `isListedVariable` narrows it further.
 */
const VARIABLE = /^\$([a-z_]{1,64})$/;
/** The longest name a variable in a list has without naming the secret (`$pw`, `$a`, `$ids`). */
const SHORT_VARIABLE_NAME = 3;
/** A positional bind (`$1`): under a code's name it may be the code itself (`pin=[$123]`). */
const POSITIONAL_DOLLAR_BIND = /^\$\d/;

/**
 * Whether `item` is a variable (`VARIABLE`) whose name is short (`$a`, `$pw`) or names a secret
 * (`$password`, `$new_pin`): a longer word is as likely a password written with `$` (`$ecret`,
 * `$hunter`), so it is no listed variable and goes as any other item.
 */
function isListedVariable(item: string): boolean {
  const named = VARIABLE.exec(item)?.[1];
  return named !== undefined && (named.length <= SHORT_VARIABLE_NAME || withoutRemembering(() => isSecretName(named)));
}

/**
 * Whether `item`, one unquoted item of a bracketed list under a secret's name, refers to a value
 * sent elsewhere: a variable (`isListedVariable`) or a placeholder (`isPlaceholder`: `?`, `:pin`,
 * `${pw}`) but a positional `$1` bind (`POSITIONAL_DOLLAR_BIND`).
 */
export function isListedReference(item: string): boolean {
  return isListedVariable(item) || (isPlaceholder(item) && !POSITIONAL_DOLLAR_BIND.test(item));
}

/**
 * The template expression `value` starts with (`{{ .Token }}`, `$(cat /run/secrets/api_key)`),
 * whole, so a reader of unquoted values that ends a value at a blank keeps it whole; `undefined`
 * when it starts with none.
 */
export function templateExpressionAt(value: string): string | undefined {
  return TEMPLATE_EXPRESSION.exec(value)?.[0];
}

/**
 * Whether the value at `at` in `text` is one template expression (`templateExpressionAt`) to its
 * end (`TEMPLATE_EXPRESSION_END`), as a flag's, a parameter's or a code line's value. Anything
 * glued after it (`${X}hunter2`, `{{ .X }}Zx9…`, `$(true)Zx9…`, `${USER}:Zx9…`) is written out, a
 * secret's value like any other.
 */
export function isWholeTemplateExpressionAt(text: string, at: number): boolean {
  const expression = templateExpressionAt(text.slice(at, at + TEMPLATE_EXPRESSION_REACH));
  return expression !== undefined && TEMPLATE_EXPRESSION_END.test(text.slice(at + expression.length, at + expression.length + 8));
}
/** The longest template expression `templateExpressionAt` reads: 256 characters and its delimiters. */
const TEMPLATE_EXPRESSION_REACH = 262;
/**
 * What ends a value after a template expression: the text's end, a character that ends a flag's
 * value (a blank, a quote, `<`, `>`, `;`, `,`, `&`), a bracket closing the code around it
 * (`connect(password=${DB_PASSWORD})`), the `@` of a URL's credentials
 * (`x-access-token:${{ secrets.TOKEN }}@github.com`), or an escaped quote or line break of JSON
 * text (`{"cmd":"mycli --token ${{ secrets.TOKEN }}\"}`).
 */
const TEMPLATE_EXPRESSION_END = /^(?:$|[\s"'<>;,&)\]}@]|\\{1,7}["'nrt])/;
