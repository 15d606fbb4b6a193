/**
 * Values a sender already masked before sending: what a logger, a framework or a collector writes
 * in a secret's place. Such a value stays as written, neither replaced nor counted, so a reader
 * keeps the sender's own marker and the redaction count says what this pipeline hid. Only values
 * that are nothing but a mask are recognised; a mask with anything of the secret left beside it
 * (`****1234`, `[FILTERED]x9`) is no mask and its value is judged as any other.
 */

/**
 * Words that say a value was masked, as loggers and frameworks write them in brackets: Rails'
 * and Phoenix's `[FILTERED]`, pino's `[Redacted]`, Sentry's `[Filtered]`, Elastic's and
 * Datadog's `[REDACTED]`, GitLab's `[MASKED]`, `[PROTECTED]`, `[HIDDEN]`, `***MASKED***`.
 * Each is the past participle of masking (or `sensitive`), never a word someone picks as a
 * password and writes in brackets.
 */
const MASK_WORD = "(?:redacted|filtered|masked|protected|hidden|removed|omitted|scrubbed|censored|sanitized|sanitised|obfuscated|sensitive)";

/**
 * A run of one mask character, three or more: the Collector's redaction processor writes `****`,
 * Spring and Django runs of `*`, Go's `url.URL.Redacted` `xxxxx`, a form's bullets `••••`, an
 * ellipsis `...`/`…`.
 */
const MASK_RUN = /^(?:\*{3,}|x{3,}|X{3,}|\u2022{3,}|\u25cf{3,}|\.{3,}|\u2026)$/;
/**
 * A mask word in brackets, in any case (`[FILTERED]`, `[Redacted]`, `(redacted)`, `<hidden>`), or
 * between runs of `*` (`***REDACTED***`), perhaps after a signature scheme's name and `=`
 * (GitHub's `sha256=[filtered]`, Slack's `v0=`, Stripe's `v1=`). Only those names: any other
 * text before the `=` may be the secret itself (`hunter2=[FILTERED]` keeps nothing of a mask).
 */
const WRAPPED_MASK_WORD = new RegExp(`^(?:(?:sha(?:1|224|256|384|512)|md5|v[01])=)?(?:\\[${MASK_WORD}\\]|\\(${MASK_WORD}\\)|<${MASK_WORD}>|\\*{1,8}${MASK_WORD}\\*{1,8})$`, "i");
/** A mask word alone in capitals (`REDACTED`, `FILTERED`); in lower case alone (`hidden`) it may be a password. */
const CAPITAL_MASK_WORD = new RegExp(`^${MASK_WORD.toUpperCase()}$`);

/**
 * A secret type's printed form around what it masks: a capitalized type's name, perhaps with its
 * generics, and its one value in parentheses, perhaps quoted (1: the quote, 2: inside it; 3: the
 * value unquoted): pydantic's `SecretStr('**********')` and `SecretBytes(b'**********')`, the
 * secrecy crate's `Secret([REDACTED])` and `SecretBox<str>([REDACTED alloc::string::String])`.
 */
const SECRET_TYPE_FORM = /^[A-Z][\w.:]{0,63}(?:<[\w:<>, ]{1,64}>)?\([ \t]*(?:b?(['"])(.*)\1|(.*?))[ \t]*\)$/;
/** The secrecy crate's mask naming the type it hides (`[REDACTED alloc::string::String]`). */
const TYPED_MASK = new RegExp(`^\\[${MASK_WORD} [\\w:<>, ]{1,128}\\]$`, "i");

/**
 * Whether `value` (a whole value, its quotes removed) is only a mask a sender wrote for a secret:
 * `********`, `xxxxx`, `[FILTERED]`, `[Redacted]`, `<redacted>`, `***MASKED***`, `REDACTED`, or
 * one of them in a secret type's printed form (`SecretStr('**********')`, `Secret([REDACTED])`)
 * or in a Python bytes literal (`b'**********'`). Not `hidden`, `****1234`, `[FILTERED]x9`,
 * `Secret(pw1234)`.
 */
export function isSenderMask(value: string): boolean {
  if (isMaskAlone(value)) return true;
  const bytes = BYTES_LITERAL.exec(value);
  if (bytes !== null) return isMaskAlone(bytes[2]!);
  const form = value.length <= 512 ? SECRET_TYPE_FORM.exec(value) : null;
  if (form === null) return false;
  const inner = form[2] ?? form[3] ?? "";
  return isMaskAlone(inner) || TYPED_MASK.test(inner);
}
/** Python's bytes literal (`b'**********'`, pydantic's `SecretBytes` as a dict's value prints it): 2, its text. */
const BYTES_LITERAL = /^b(['"])([^'"\n]{1,64})\1$/;

function isMaskAlone(value: string): boolean {
  return MASK_RUN.test(value) || WRAPPED_MASK_WORD.test(value) || CAPITAL_MASK_WORD.test(value);
}

/**
 * Whether a secret type's printed form holding only a mask (`isSenderMask`: `SecretStr('****')`,
 * `Secret([REDACTED])`) starts at `at` in `text`, its `)` on the same line: what a detector
 * reading a value's first token (`Secret([REDACTED`) must leave whole. At most 400 characters read.
 */
export function isMaskedSecretTypeAt(text: string, at: number): boolean {
  SECRET_TYPE_FORM_AT.lastIndex = at;
  const form = SECRET_TYPE_FORM_AT.exec(text);
  return form !== null && isSenderMask(form[0]);
}
const SECRET_TYPE_FORM_AT = /[A-Z][\w.:]{0,63}(?:<[\w:<>, ]{1,64}>)?\([^()\n]{0,256}\)/y;
