import { credentialHeaderOf, isAuthScheme, redactCredentialHeader, takesGluedColon } from "../credential-headers";
import { Evidence } from "../evidence";
import { isHeldSecretCodeName, isHeldSecretName, isMemberSetting, isSecretCodeName, isSecretName, isSecretNameValue, isNamedCount } from "../secret-names";
import { YAML_KEY, YamlPathReader } from "../yaml-paths";
import { redactionMarker, type Detector, type Rewrite } from "./detector";
import { isHiddenValue } from "./secret-assignment";
import { SCHEME_KINDS, SECRET_PARAM_KIND } from "./secret-parameter";
import { endsSentence } from "./sentence-end";
import { standsInForSecret } from "../status-words";

/**
 * Secrets YAML (and YAML-like configuration dumps) writes below their name rather than after it,
 * by indentation (`yaml-paths.ts`): a member of a collection of secrets (`secrets:\n  db: …`),
 * an item of a sequence under a secret's name (`credentials:\n  - …`), the scalar on the line
 * after a secret's name (`password:\n  …`; an authentication scheme's word before it stays:
 * `Authorization:\n  Token …`) and the lines of a block scalar (`password: |\n  …`).
 * A member whose own name is a secret's is the `secret_param` field form's (`password: …` on
 * its line). Members are judged by their dotted path as attribute keys are (`isHeldSecretName`:
 * `secrets.db` holds a secret, `secrets.db.host` and `tokens.prompt: 12` do not); values that
 * only stand for a secret, numbers (a code's name aside), a collection's settings and the
 * upper-case names of secrets a sequence lists (`secrets:\n  - STRIPE_KEY`) stay. Each line
 * is one candidate, and the reader reads the text's lines once per scan.
 */

/** A line's text after its indentation, or a sequence item's `-` at the line's start. */
const SOURCE = "(?<=(?:^|\\n))(?:[ \\t]+(?:-[ \\t]+)?|-[ \\t]+)[^\\s#-][^\\n]*";

/** A value's text: quoted (its quotes kept), or a plain scalar's first word, which decides whether it is a secret. */
const QUOTED_VALUE = /^(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*')/;
const FIRST_WORD = /^\S*/;
/**
 * A plain scalar's whole text on its line (YAML 1.2.2 §7.3.3): up to a comment (` #`) or the
 * line's end, holding no `: ` (a second key makes the line no scalar's) and no quote or
 * backslash (in JSON text held in a string they are the string's), as the field form
 * reads `password: a b c` (detectors/secret-parameter.ts, `WHOLE_PLAIN_SCALAR`).
 */
const PLAIN_SCALAR = /^(?:[^\s:#"'\\]|:(?![ \t]|$))(?:[^:"'\\]|:(?![ \t]|$))*?(?=[ \t]+#|[ \t]*$)/;
/**
 * A line of prose or a stack frame below a name that ends a line (`token:\n    at verify (…)`):
 * a short word of lower-case letters and more words after it. A scalar below its name is its
 * first word (`password:\n  hunter2`), or quoted.
 */
const PROSE = /^[a-z]{1,15}[ \t]+\S/;
const NUMBER = /^[-+]?\d+(?:\.\d+)?$/;

const reader = new YamlPathReader();

export const yamlMembersDetector: Detector = {
  kind: SECRET_PARAM_KIND,
  source: SOURCE,
  evidence: Evidence.SECRET_FIELD,
  rewrite: (match, marker, text, start) => {
    const line = reader.lineAt(text, start);
    if (line.path === "") return undefined;
    const lineText = withoutClosingQuote(match.replace(/\r$/, ""));
    let head = /^[ \t]*/.exec(lineText)![0].length;
    if (line.blockContent) {
      return isSecretPath(line.path) ? replaced(lineText, head, lineText.trimEnd().length, line.path, marker, false) : undefined;
    }
    let path = line.path;
    const dash = /^-[ \t]+/.exec(lineText.slice(head));
    if (dash !== null) {
      head += dash[0].length;
      path += ".0";
    }
    // A scheme's word with a glued colon reads as a key; under `Authorization` it is the scheme (`Bearer: abc…`).
    const glued = dash === null && credentialHeaderOf(path) === "authorization" ? SCHEME_WORD.exec(lineText.slice(head)) : null;
    if (glued !== null && glued[2] === ":" && takesGluedColon(glued[1]!)) return schemeCredentials(lineText, head, glued[1]!.toLowerCase());
    const key = YAML_KEY.exec(lineText.slice(head));
    if (key !== null) {
      const name = key[1] ?? key[2] ?? key[3]!;
      // A secret's own name is read by the field form on its line.
      if (isSecretName(name)) return undefined;
      path = `${path}.${name}`;
      head += key[0].length;
    } else if (dash === null && PROSE.test(lineText.slice(head)) && !isAuthScheme(SCHEME_WORD.exec(lineText.slice(head))?.[1] ?? "")) {
      return undefined;
    }
    if (!(key === null && dash === null ? isSecretPath(path) : isHeldSecretName(path))) return undefined;
    const rest = lineText.slice(head);
    const scheme = SCHEME_WORD.exec(rest);
    if (scheme !== null && isAuthScheme(scheme[1]!) && (scheme[2] === "" || takesGluedColon(scheme[1]!))) return schemeCredentials(lineText, head, scheme[1]!.toLowerCase());
    const quoted = QUOTED_VALUE.exec(rest)?.[0];
    const value = quoted ?? FIRST_WORD.exec(rest)![0];
    const rewrite = replaced(lineText, head, head + value.length, path, marker, quoted !== undefined);
    // The first word decides; a plain scalar replaced reaches to its end (`db: a b c # note`).
    const whole = quoted === undefined && rewrite !== undefined && !endsSentence(value, rest.slice(value.length)) ? PLAIN_SCALAR.exec(rest)?.[0] : undefined;
    return whole === undefined || whole.length <= value.length ? rewrite : { ...rewrite!, length: head + whole.length };
  },
};

/**
 * A scheme's word, perhaps a `:` glued to it (`takesGluedColon`), and blanks before its
 * credentials (`Token abc…`, `Bearer: eyJ…`), as a header's value printed on the line below its
 * name is written.
 */
const SCHEME_WORD = /^([A-Za-z][\w-]*)(:?)[ \t]+\S/;
const SCHEME_WORD_AND_BLANKS = /^[A-Za-z][\w-]*:?[ \t]+/;

/**
 * The line with the credentials after the scheme's word at `head` replaced as under the header's
 * key (credential-headers.ts: the word and public parameters stay), counted as the text forms
 * count them (`SCHEME_KINDS`: Bearer's and Basic's under their own kinds); undefined when there
 * is nothing left to hide, when what follows the word is words, not a token or parameters
 * (`Bearer tokens expire after 1h`: prose under the name; a token ending a sentence is read up to
 * its `.`), or only stands in for a token
 * (`Bearer: none`, `Token: expired`: `standsInForSecret`).
 */
function schemeCredentials(line: string, head: number, scheme: string): Exclude<Rewrite, string> | undefined {
  const kind = SCHEME_KINDS[scheme] ?? SECRET_PARAM_KIND;
  let value = line.slice(head);
  const credentials = value.replace(SCHEME_WORD_AND_BLANKS, "").trimEnd();
  if (/[ \t]/.test(credentials) && !credentials.includes("=")) {
    // A token that ends a sentence (`Bearer: abc123…. Next`) is the credentials; words are prose.
    const token = TOKEN_ENDING_SENTENCE.exec(credentials)?.[1];
    if (token === undefined) return undefined;
    value = value.slice(0, value.indexOf(credentials) + token.length);
  }
  if (standsInForSecret(credentials)) return undefined;
  const redacted = redactCredentialHeader("authorization", value, () => redactionMarker(kind));
  return redacted === undefined || redacted === value ? undefined : { text: `${line.slice(0, head)}${redacted}`, kind, length: head + value.length };
}
/** A token of letters and digits, then a sentence's `.` and a blank. */
const TOKEN_ENDING_SENTENCE = /^((?=[^\d\s]*\d)(?=[^A-Za-z\s]*[A-Za-z])[A-Za-z0-9_~+/-]{8,}=*)\.[ \t]/;

/** A quote, perhaps escaped, and what closes JSON text after it: more quotes, `}`, `]`, `,` and blanks. */
const CLOSING_TAIL = /\\*"(?:\\*"|[}\],\s])*$/;
/**
 * The line's text up to its first quote that no backslash escapes, when JSON text goes on after
 * that quote (`,`, `}`, `]`) or the line ends: the quote closing the JSON string that holds the
 * dump (`{"msg":"…\n    Bearer abc…","level":"info"}`), whose escaped quotes (`\"`) are the
 * dump's own. A first quote before anything else opens a value (`password: "…"`).
 */
const BEFORE_STRING_END = /^(?:[^"\\]|\\[^])*(?="(?:[,}\]]|[ \t]*$))/;
/**
 * The same for a dump held in a string of JSON text held in a string: up to the first escaped
 * quote followed by `}`, `]`, a member's escaped quote after `,` or a `{`/`[` (`…\",\"level\"…`),
 * which a parameter's closing quote is not (`username=\"a\", response=…`).
 */
const BEFORE_HELD_STRING_END = /^[^"]*?(?=\\+"(?:[}\]]|,[ \t]*\\+"|,[{[]))/;

/**
 * `line` without what closes the JSON text holding the dump (`"headers:\n  X-Api-Key:\n
 * 9f8e…"`, `{"msg":"…\n    9f8e…","level":"info"}`), no part of the value: from the string's
 * closing quote (`BEFORE_STRING_END`) on, then a quote ending what is left with only closers
 * after it and no quote before it in the line (a quoted value's own quotes stay; an escaped
 * quote closes a string held in a string).
 */
function withoutClosingQuote(line: string): string {
  const inString = BEFORE_STRING_END.exec(line)?.[0] ?? line;
  const held = BEFORE_HELD_STRING_END.exec(inString)?.[0] ?? inString;
  const tail = CLOSING_TAIL.exec(held);
  return tail === null || held.slice(0, tail.index).includes('"') ? held : held.slice(0, tail.index);
}

/** Whether the scalar right under `path` is a secret: its own last name is a secret's, or a parent's makes it one. */
function isSecretPath(path: string): boolean {
  return isSecretName(path.slice(path.lastIndexOf(".") + 1)) || isHeldSecretName(path);
}

/** The value from `from` to `to` of `line` replaced, its quotes kept; undefined when it holds no secret. */
function replaced(line: string, from: number, to: number, path: string, marker: string, quoted: boolean): Exclude<Rewrite, string> | undefined {
  const value = quoted ? line.slice(from + 1, to - 1) : line.slice(from, to);
  if (!isHiddenValue(path, value) || /^(?:true|false|null|~)$/.test(value) || isSecretNameValue(value)) return undefined;
  if (NUMBER.test(value) && !(isSecretCodeName(path) || isHeldSecretCodeName(path))) return undefined;
  if (isNamedCount(path, value) || isMemberSetting(path, value)) return undefined;
  const text = quoted ? `${line.slice(0, from)}${line.charAt(from)}${marker}${line.charAt(to - 1)}` : `${line.slice(0, from)}${marker}`;
  return { text, kind: SECRET_PARAM_KIND, length: to };
}
