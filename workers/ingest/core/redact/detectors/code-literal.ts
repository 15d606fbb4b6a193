import { Evidence } from "../evidence";
import { isWholeTemplateExpressionAt } from "../placeholders";
import { CODE_LINE, TYPE_ANNOTATION_SOURCE, codeSecretLiterals, isCodeValue } from "../code-values";
import type { Detector, Rewrite } from "./detector";
import { holdsSecret, isCredentialLiteral } from "./secret-assignment";
import { isShortPasswordName } from "../secret-names";
import { BASE64_SEPARATORS, KNOWN_TOKEN_FORMATS, knownTokenSource, nestsInOwnBody } from "../token-formats";
import { SECRET_PARAM_KIND } from "./secret-parameter";

/**
 * The name code is assigned to, in every form a language writes: bare (`password`,
 * `this.password`'s last part), with a sigil (Perl's and PHP's `$password`, Ruby's `@password`
 * and `@@password`), quoted as PHP's, Ruby's and Python's keys are (`'password' =>`,
 * `"password":`), or a Ruby symbol (`:password =>`).
 */
const CODE_NAME = String.raw`(?:(?<![\w$@])(?:\$|@{1,2})?[A-Za-z_]\w*|(?<![\w$\\])["'][A-Za-z_][\w.-]{0,63}["']|(?<![\w$:]):[A-Za-z_]\w*)`;
/**
 * The assignment's operator with its blanks: `=`, `:=`, a compound assignment
 * (`COMPOUND_OPERATOR`), `=>` (PHP's and Ruby's arrays and hashes), and a member's `:` (a
 * JavaScript object literal, a Python dict, YAML in code), perhaps with a type annotation and
 * its `=` (`password: str = …`: `TYPE_ANNOTATION_SOURCE`), not a path's `::` nor `:=`'s colon alone.
 */
const CODE_OPERATOR = String.raw`[ \t]*(?:(?:\?\?|\|\||&&|\/\/|:)?=(?![=>~])|=>|:(?![:=])(?:[ \t]*${TYPE_ANNOTATION_SOURCE})?)[ \t]*`;
/**
 * A compound assignment that sets a fallback or a condition's value: JavaScript's `??=`, `||=`
 * and `&&=`, Ruby's `||=` and `&&=`, Perl's `//=`. Only code writes one, so a literal right
 * after it is the secret (`password ??= "…"`), where after `=` a plain literal is the other
 * detectors'.
 */
const COMPOUND_OPERATOR = /(?:\?\?|\|\||&&|\/\/)=[ \t]*$/;
/**
 * A Python conditional expression opening with a literal (`"…" if debug else "…"`): code though
 * it opens with a quote, so both branches are read, where a plain literal is the other detectors'.
 * Only the first literal is read to its closing quote: a quoted value followed by no `if` (go-logr's
 * `"password"="…"` repeated) costs its own length, not a read of `CODE_LINE` characters each.
 */
const PYTHON_CONDITIONAL = String.raw`(?=\\{0,7}(?:"[^"\n]{0,${CODE_LINE}}"|'[^'\n]{0,${CODE_LINE}}')[ \t]+if[ \t])`;
/**
 * An assignment of code to a credential's name, with a string literal on the line
 * (`this.password = options.password || "hunter2";`, `password: options.password || "hunter2"`):
 * the name, its operator and the line's rest, read to its statement's end by the rewrite. A value
 * that opens with a quote is a plain literal, the other detectors'. Read over at most `CODE_LINE`
 * characters, so that a long line of candidates that are no code's costs each a bounded read;
 * after a compound operator a blank is refused before the lookbehind reads the blanks back, so
 * that the operator's blank run is not read again at each of its blanks (quadratic in the run).
 */
const CODE_ASSIGNMENT = `${CODE_NAME}${CODE_OPERATOR}(?:(?![ \\t])(?<=[?|&/]=[ \\t]*)|(?![\\s"'\\\\])|${PYTHON_CONDITIONAL})(?=[^\\n"']{0,${CODE_LINE}}["'])[^\\n]{1,${CODE_LINE}}`;
/** The name and operator at a match's start. */
const CODE_ASSIGNMENT_HEAD = new RegExp(`^(${CODE_NAME})${CODE_OPERATOR}`);
/**
 * A setter named for a credential called with a literal (`setPassword("…")`,
 * `user.setPassword('…')`, `setApiKey("…")`, `set_password("…")`): the literal is the value set.
 */
const CREDENTIAL_SETTER = String.raw`(?<![\w$])set_?(?=[A-Za-z])\w+[ \t]*\([ \t]*(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')`;
const SETTER_HEAD = /^set_?(\w+)[ \t]*\([ \t]*/;
/** A quoted name's quotes, a symbol's colon, a variable's sigil. */
const NAME_QUOTES = /^(?:[:'"]|\$|@{1,2})|['"]$/g;

const CODE_LITERAL = `${CODE_ASSIGNMENT}|${CREDENTIAL_SETTER}`;
const CODE_LITERAL_FROM = new RegExp(CODE_LITERAL, "g");

/**
 * A credential's value as a string literal in code (docs/decisions.md, 2026-12-03, "string
 * literals in code"), counted as `secret_param`: after a credential's name that code is assigned
 * to (`isCodeValue`: `this.secret = options.secret ?? "…"`, `password = os.getenv("PW", "…")`,
 * `$this->password = env('DB_PASSWORD', '…')`, `$this->password = $pw ?: '…'`,
 * `this.password = await "…"`), every literal but a lookup's key (`codeSecretLiterals`) is
 * replaced and the code stays; and the literal a credential's setter is called with
 * (`setPassword("…")`). A plain literal (`password = "…"`) is the other detectors'.
 */
export const codeLiteralDetector: Detector = {
  kind: SECRET_PARAM_KIND,
  source: CODE_LITERAL,
  search: searchCodeLiteral,
  evidence: Evidence.SECRET_ASSIGNMENT | Evidence.SECRET_FIELD | Evidence.SECRET_PARAMETER,
  rewrite: (match, marker, text, start) => {
    const setter = SETTER_HEAD.exec(match);
    if (setter !== null && match.endsWith(match.charAt(setter[0].length)) && /["']/.test(match.charAt(setter[0].length))) {
      const name = setter[1]!;
      const contents = match.slice(setter[0].length + 1, -1);
      if (!isCredentialLiteral(name, contents, false)) return undefined;
      return `${match.slice(0, setter[0].length + 1)}${marker}${match.slice(-1)}`;
    }
    const head = CODE_ASSIGNMENT_HEAD.exec(match)!;
    const name = head[1]!.replace(NAME_QUOTES, "");
    const valueStart = head[0].length;
    if (!(holdsSecret(name) || isShortPasswordName(name)) || (!COMPOUND_OPERATOR.test(head[0]) && !isCodeValue(text, start + valueStart, name, start))) return undefined;
    // A template expression is kept whole, its literals too (`password=$(cat "/run/secrets/pw")`,
    // `password=${DB_PASSWORD} "client_secret": …`): the code after it is another statement's.
    if (isWholeTemplateExpressionAt(text, start + valueStart)) return undefined;
    return redactLiterals(match, valueStart, name, marker);
  },
};

/**
 * The first match at or after `from`, as the global regex finds it. Every match holds a quote
 * after its start (the literal `CODE_ASSIGNMENT` looks ahead to, the setter's string), so a text
 * with none after `from` has no match: not searched, where the regex would read up to 1,024
 * characters on from each name for a quote (64 KB of `password: x` without one).
 */
function searchCodeLiteral(text: string, from: number): RegExpExecArray | null {
  if (text.indexOf('"', from) < 0 && text.indexOf("'", from) < 0) return null;
  CODE_LITERAL_FROM.lastIndex = from;
  return CODE_LITERAL_FROM.exec(text);
}

/**
 * A known token's format (`sk_live_…`, `ghp_…`, `glpat-…`): the known-token detector names it
 * more precisely. The base64 formats (Grafana's, Sentry's: `BASE64_SEPARATORS`) are not among
 * them, as when this was the known-token detector's own regex, which leaves them out.
 */
const KNOWN_TOKEN = new RegExp(knownTokenSource(KNOWN_TOKEN_FORMATS.filter((format) => !nestsInOwnBody(format, BASE64_SEPARATORS))));

/**
 * The match with the secret literals of its value (`codeSecretLiterals`) replaced, up to the
 * statement's end, or up to the first literal holding a known token's format, which the scan
 * reads again (`process.env.API_KEY ?? "sk_live_…"` counts a `known_token`); undefined when none is.
 */
function redactLiterals(match: string, valueStart: number, name: string, marker: string): Rewrite | undefined {
  const value = match.slice(valueStart);
  const found = codeSecretLiterals(value, (contents, fallback) => !isCredentialLiteral(name, contents, fallback));
  const token = found.literals.findIndex(([literalStart, literalEnd]) => KNOWN_TOKEN.test(value.slice(literalStart, literalEnd)));
  const literals = token < 0 ? found.literals : found.literals.slice(0, token);
  const end = token < 0 ? found.end : found.literals[token]![0] - 1;
  if (literals.length === 0) return undefined;
  let text = match.slice(0, valueStart);
  let from = 0;
  for (const [literalStart, literalEnd] of literals) {
    text += `${value.slice(from, literalStart)}${marker}`;
    from = literalEnd;
  }
  text += value.slice(from, end);
  return { text, kind: SECRET_PARAM_KIND, length: valueStart + end };
}
