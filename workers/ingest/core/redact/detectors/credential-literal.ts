import { MoreEvidence } from "../evidence";
import { ESCAPED_QUOTED, quoteOpening } from "./escaped-quotes";
import type { Detector } from "./detector";
import { isCredentialLiteral } from "./secret-assignment";
import { LOOKUP_FUNCTIONS, TYPE_ARGUMENTS } from "../code-values";
import { SECRET_PARAM_KIND } from "./secret-parameter";
import { nameWords } from "../secret-names";

/**
 * A credential's value as a string literal in code that assigns nothing, where the code names
 * the credential beside the literal (docs/decisions.md, "credential literals beside their name"):
 *
 * - a comparison with a credential's variable, either side (`if (password === "…")`,
 *   `password != "…"`, `assert password == "…"`, `"…" == token`), and the calls that compare
 *   (`password.equals("…")`, `"…".equals(password)`, `expect(password).toBe("…")`,
 *   `assertThat(password).isEqualTo("…")`, `assertEquals("…", password)`, `assert_eq!(token, "…")`);
 * - a lookup's default, when the key it looks up names a credential (`os.environ.get("DB_PASSWORD",
 *   "…")`, `os.getenv("API_KEY", "…")`, `ENV.fetch("SECRET_TOKEN", "…")`, `getOrDefault(…)`),
 *   or the fallback after such a lookup or an environment's member (`process.env.API_KEY ?? "…"`,
 *   `os.environ.get("DB_PASSWORD") or "…"`, `ENV["API_KEY"] || "…"`).
 *
 * - a shell's parameter expansion's default (`${DB_PASSWORD:-…}`, `${PASSWORD:=…}`).
 *
 * The variable, the key and the code stay; only the literal's contents go, when the name holds
 * a secret (`holdsSecret`: `password`, `apiKey`, `DB_PASSWORD`, `DB_PW`, not `passwordMinLength`) and the
 * contents are one (`isHiddenValue`: not empty, no mask, no blanks or auth scheme alone, no word
 * of letters under a non-password name; not the variable's own name, `spellsName`), or the name
 * is a short password's (`pw`, `pass`) and the contents shaped as one (`isCredentialLiteral`), and not a
 * type's name compared with `typeof` (`typeof password === "string"`). Every form starts at a name or a literal and reads a bounded stretch: the scan is linear.
 */

/** A string literal on its line, with its code's escapes, or in escaped quotes (code held in a JSON string: `\\"…\\"`). */
const LITERAL = String.raw`"(?:[^"\\\n]|\\.){0,256}"|'(?:[^'\\\n]|\\.){0,256}'|${ESCAPED_QUOTED}`;
/** A variable or member path (`password`, `$password`, `this.password`, `cfg?.apiKey`, `$cfg->token`); its last segment names it. */
const REFERENCE = String.raw`(?<![\w$@.])[$@]?[A-Za-z_]\w{0,63}(?:(?:\??\.|->|::)[A-Za-z_]\w{0,63}){0,8}`;
/** A reference that ends there: no longer path, call or index goes on after it. */
const WHOLE_REFERENCE = String.raw`${REFERENCE}(?![\w$(\[]|\??\.[A-Za-z_]|->)`;
const EQUALITY = String.raw`[ \t]*[=!]==?[ \t]*`;
/** Calls that compare their receiver or argument with a value: Java's, C#'s and Kotlin's `equals`, Jest's and AssertJ's matchers. */
const EQUALS_CALL = String.raw`\.(?:equals|equalsIgnoreCase|Equals|contentEquals)\([ \t]*`;
const MATCHER = String.raw`\)(?:\.not)?\.(?:toBe|toEqual|toStrictEqual|isEqualTo)\([ \t]*`;
/** An assertion's call comparing two arguments (`assertEquals`, `assertEqual`, `assertSame`, Rust's `assert_eq!`). */
const ASSERTION = String.raw`(?<![\w$])(?:assert(?:Equals?|NotEquals?|Same|NotSame|_eq!|_ne!)|assert_equal)\([ \t]*`;
/** Lookups whose first argument names what is looked up, and whose second is its default (`LOOKUP_FUNCTIONS`: `getenv`, `GetValue<string>`, …). */
const LOOKUP = String.raw`(?<![\w$])${LOOKUP_FUNCTIONS}${TYPE_ARGUMENTS}[ \t]*\([ \t]*`;
/** Go's `cmp.Or(` before a lookup (`cmp.Or(os.Getenv("TOKEN"), "…")`): its next argument is the lookup's default. */
const FIRST_SET = String.raw`(?<![\w$])(?:cmp\.)?Or\([ \t]*(?:[A-Za-z_]\w{0,63}\.)?`;
/** An environment's member (`process.env.API_KEY`, `ENV["API_KEY"]`, `os.environ['PW']`, `$_ENV['PW']`, Perl's `$ENV{PW}`). */
const ENVIRONMENT_MEMBER = String.raw`(?<![\w$])(?:process\.env\.[A-Za-z_]\w{0,63}|(?:ENV|os\.environ|\$_ENV|\$_SERVER)\[[ \t]*(?:${LITERAL})[ \t]*\]|\$ENV\{[A-Za-z_]\w{0,63}\})`;
/** An operator that picks a fallback when what is before it is unset: `??`, `||`, PHP's `?:`, Perl's `//`, Python's `or`. */
const FALLBACK = String.raw`[ \t]*(?:\?\?|\|\||\?:|\/\/)[ \t]*|[ \t]+or[ \t]+`;

/**
 * A shell's parameter expansion with a default (`${PASSWORD:-…}`, `${PASSWORD:=…}`, `${PASSWORD-…}`):
 * the default, words or a quoted string, is the value when the variable is unset; another
 * variable (`${PASSWORD:-$PW}`) is no secret. `:?` (an error's message) and `:+` (a value used when
 * the variable is set) hold none.
 */
const SHELL_DEFAULT = String.raw`\$\{[A-Za-z_]\w{0,63}:?[-=](?:${LITERAL}|[^\n"'$}]{1,256})\}`;
const SHELL_DEFAULT_HEAD = /^\$\{([A-Za-z_]\w*):?[-=]/;

const FORMS = [
  SHELL_DEFAULT,
  // A comparison, the variable on either side.
  `${REFERENCE}${EQUALITY}(?:${LITERAL})`,
  `(?:${LITERAL})${EQUALITY}${WHOLE_REFERENCE}`,
  // The calls that compare.
  `${REFERENCE}${EQUALS_CALL}(?:${LITERAL})`,
  `(?:${LITERAL})${EQUALS_CALL}${WHOLE_REFERENCE}[ \\t]*\\)`,
  `(?<![\\w$])(?:expect|assertThat)\\([ \\t]*${WHOLE_REFERENCE}[ \\t]*${MATCHER}(?:${LITERAL})`,
  `${ASSERTION}(?:(?:${LITERAL})[ \\t]*,[ \\t]*${WHOLE_REFERENCE}|${WHOLE_REFERENCE}[ \\t]*,[ \\t]*(?:${LITERAL}))[ \\t]*[,)]`,
  // A lookup's default, or the fallback after a lookup or an environment's member.
  `(?:${FIRST_SET})?${LOOKUP}(?:${LITERAL})[ \\t]*(?:,[ \\t]*|\\)(?:${FALLBACK}|[ \\t]*,[ \\t]*))(?:${LITERAL})`,
  `${ENVIRONMENT_MEMBER}(?:${FALLBACK})(?:${LITERAL})`,
  // The fallback after a credential's variable or member (`opts.Token ?? "…"`, `settings.password || "…"`).
  `${WHOLE_REFERENCE}(?:${FALLBACK})(?:${LITERAL})`,
];

/** Every literal of a match, in order. */
const LITERALS = new RegExp(LITERAL, "g");
/** A match that is a lookup's or an environment member's: the key names the credential, the last literal is its value. */
const LOOKUP_START = new RegExp(`^(?:(?:${FIRST_SET.replace("(?<![\\w$])", "")})?${LOOKUP.replace("(?<![\\w$])", "")}|${ENVIRONMENT_MEMBER.replace("(?<![\\w$])", "")})`);
/** A fallback's operator right before the value's literal: code's value when the setting is unset (`isFallbackSecret`). */
const FALLBACK_BEFORE = new RegExp(`(?:${FALLBACK})$`);
/** The calls' and the operators' words that are no variable's (`expect`, `equals`, `or`). */
const NOT_VARIABLE = new Set(["expect", "assertThat", "equals", "equalsIgnoreCase", "Equals", "contentEquals", "not", "toBe", "toEqual", "toStrictEqual", "isEqualTo", "or"]);

export const credentialLiteralDetector: Detector = {
  kind: SECRET_PARAM_KIND,
  source: `(?:${FORMS.join("|")})`,
  evidence: 0,
  moreEvidence: MoreEvidence.CREDENTIAL_LITERAL,
  rewrite: (match, marker, text, start) => {
    const shell = SHELL_DEFAULT_HEAD.exec(match);
    if (shell !== null) {
      const quoted = /^["']/.test(match.slice(shell[0].length));
      const open = shell[0].length + (quoted ? 1 : 0);
      const close = match.length - (quoted ? 2 : 1);
      if (!isCredentialLiteral(shell[1]!, match.slice(open, close), false)) return undefined;
      return `${match.slice(0, open)}${marker}${match.slice(close)}`;
    }
    const literals = [...match.matchAll(LITERALS)];
    const lookup = LOOKUP_START.exec(match);
    // A lookup's key is its first literal, or the environment member's name or index; the value is the last literal.
    // Comparisons and assertions hold one literal, the value; the variable is the last name of the code around it.
    const value = lookup !== null ? literals[literals.length - 1]! : literals[0]!;
    const name =
      lookup === null
        ? lastVariable(`${match.slice(0, value.index)} ${match.slice(value.index + value[0].length)}`)
        : literals.length > 1
          ? keyName(unquoted(literals[0]![0]))
          : (MEMBER_NAME.exec(lookup[0])?.[0] ?? "");
    const quote = quoteOpening(value[0]).length;
    const contents = value[0].slice(quote, -quote);
    // A lookup's default and a fallback are what code uses when the setting is unset: a word of letters too (`?? "secret"`).
    const fallback = lookup !== null || FALLBACK_BEFORE.test(match.slice(0, value.index));
    if (!isCredentialLiteral(name, contents, fallback) || spellsName(name, contents)) return undefined;
    // `typeof password === "string"`: the literal is a type's name, the variable's value is not compared.
    if (lookup === null && TYPEOF_BEFORE.test(text.slice(Math.max(0, start - 16), start))) return undefined;
    const open = value.index + quote;
    return `${match.slice(0, open)}${marker}${match.slice(open + contents.length)}`;
  },
};

/** JavaScript's `typeof` right before a comparison's variable. */
const TYPEOF_BEFORE = /(?<![\w$])typeof[ \t]+$/;

/**
 * Whether a literal spells its variable's own name (`assert password != "password"`,
 * `token == "TOKEN"`): a check that a default or a placeholder was replaced, whose literal
 * everyone reading the code knows; no secret.
 */
function spellsName(name: string, contents: string): boolean {
  return nameWords(contents).join("") === nameWords(name).join("");
}

/** A lookup key's last name (`Password` of `Db:Password`, `api_key` of `stripe/api_key`): what it names. */
function keyName(key: string): string {
  return key.slice(Math.max(key.lastIndexOf(":"), key.lastIndexOf("/"), key.lastIndexOf(".")) + 1);
}

/** A literal's contents, without its quotes and their escapes. */
function unquoted(literal: string): string {
  const quote = quoteOpening(literal).length;
  return literal.slice(quote, -quote);
}

/** An environment member's name at its end (`API_KEY` of `process.env.API_KEY`, `PW` of `$ENV{PW}`). */
const MEMBER_NAME = /[A-Za-z_]\w*(?=\}?$)/;
const WORDS = /[A-Za-z_]\w*/g;

/** The last word of `code` that names a variable: not a comparing call's or an assertion's (`expect`, `equals`, `assertEquals`). */
function lastVariable(code: string): string {
  let name = "";
  for (const [word] of code.matchAll(WORDS)) if (!NOT_VARIABLE.has(word) && !word.startsWith("assert")) name = word;
  return name;
}
