import { lazy } from "../../../../shared/lazy";
import { fieldNameBefore } from "../name-value-pairs";
import { passwordRuleAt } from "../password-rules";
import { REJOIN } from "../regex-join";
import { countWork, resetAfterEachScan } from "../scan-scope";
import { SpanMemo } from "../span-memo";
import { Evidence, isWordCharacterOrDash } from "../evidence";
import {
  SECRET_NAME_ENDINGS,
  standsForSecret,
  isSecretCodeName,
  isSecretFlagName,
  isSecretName,
  isSecretParameterName,
  isMemberSetting,
  namesSecretContext,
  isNamedCount,
  namesCount,
  numericSecretDigits,
  measuresNumericSecret,
  isShortCount,
  isFlagOrCountUnder,
  namesToken,
  isNameCharacter,
  isTokenInCountPlace,
  isPassPassword,
  namesPasswordByShape,
  namesTokensCountMember,
  isPassNounAt,
  keptUnderPassWord,
  passWordReading,
  PassWord,
  isStateInAnyLanguage,
  LOGIN_WORDS,
  nameWords,
  isSecretNameValue,
  nameBefore,
  NAME_CHARACTER,
  PASSWORD_CHANGE_HEADS,
  PASSWORD_CHANGE_WORD_LIST,
  codeListDigits,
  isPasswordShaped,
} from "../secret-names";
import { holdsOrdinaryUnsafeValue, holdsOrdinaryValue, isDirectoryPath } from "../bare-parameters";
import { PASSWORD_WORDS_VALUE, UNQUOTED_LINE_VALUE } from "./line-value";
import { AFTER_GLUED_LOGGER_PREFIX, MESSAGE_START } from "../logger-prefix";
import { propertyTokenOf } from "../../normalize/message-template";
import { isKeyNamespace, namesNamespaceOnAnyLine, opensGlobPart, opensNamespacePart, opensSanitizedPart } from "../key-namespaces";
import { formDecoded } from "../form-encoding";
import { isStateWhole, saysPasswordState, saysSecretState, saysSessionState, standsInForSecret } from "../status-words";
import { readsAsWording } from "../error-wording";
import { isTerraformProgressAt } from "../terraform-progress";
import { isOutcomeWord, readReport, type ReportReading } from "../event-reports";
import { isWrappedCause } from "../report-secrets";
import { errorNamedValueEnd, wrapsErrorBefore } from "../error-names";
import { isInArn } from "../arn";
import { isSourcePosition } from "../source-positions";
import { isListedReference, isWholeTemplateExpressionAt } from "../placeholders";
import { isMaskedSecretTypeAt } from "../sender-masks";
import { PASSWORD_OPTION_NAMES, passwordIn, passwordOptionIn, passwordOptionOf, type PasswordValueForm } from "../password-options";
import { PASSWORD_HASH_SOURCE, leavesPemValue } from "../token-formats";
import { RECOVERY_CODE, RECOVERY_CODE_LIST_VALUE } from "./recovery-codes";
import { areCodeNumbers } from "../code-list-items";
import { caseless, caselessLetters, hidingSessionIds, redactionMarker, type Detector, type Rewrite } from "./detector";
import { ESCAPED_QUOTED, ESCAPED_QUOTED_OVER_LINES, NOT_AT_ESCAPED_QUOTE, OPENING_QUOTES, UNCLOSED_ESCAPED_QUOTE, quoteOpening, unclosedQuoteOpening } from "./escaped-quotes";
import { endsSentence, sentenceEndLength, valueEnd, type ValueEnd } from "./sentence-end";
import { isEmailAddress } from "./email";
import {
  type CredentialHeader, GLUED_COLON_SCHEMES, credentialHeaderHolding, credentialHeaderOf, isSanitizedHeaderName, holdsNoCredentialToLineEnd, opensCookiePair, holdsNoCredentialUnderHeader, isAuthScheme, isPreferenceCookie, opensWithAuthScheme, namesCurlCookie, namesHeaderField, redactCredentialHeader, secretTokenEnd, shieldsUnder, takesGluedColon, wordedCredentialEnd,
} from "../credential-headers";
import { namesExistingSecret, namesSecretOrItsKey } from "../secret-object-names";
import { TYPED_ARRAY_NAMES, isBracketedTypeName, isElidedValue, isInspectedBuiltIn, opensInspectObject } from "../inspect-text";
import { isBracketedIpv6 } from "./ip";
import { isSessionIdShaped, namesSession, opensJoinedSessionId } from "../session-ids";
import { LOWER_CASE_TYPE_NAMES, isCodeValue, isQuotedKeyAt } from "../code-values";
import { nextArgumentAt } from "../argument-strings";

/**
 * Secrets given as the value of a name that announces one: `name=value` (URL query and form
 * parameters, logfmt), `name: value` (header lines, YAML, JSON text) and command-line flags
 * (`--db-password=…`, `--token …`, `-Dspring.datasource.password=…`). The name stays so the
 * row still says what was there; a value that is already a marker is left alone so redacting
 * twice counts once.
 *
 * When the value is an HTTP authentication scheme and its credentials (RFC 9110 §11.4:
 * `authorization=Basic <token68>`, `Authorization: Digest username="…", response="…"`,
 * `?token=Bearer%20…`), the scheme word stays and everything after it, to the end of the
 * value, is the secret: a token68, a list of auth-params with quoted strings, or what a quoted
 * value or a URL parameter holds. Credentials of the Bearer and Basic schemes count under
 * their own kinds, as they do without a name in front.
 */



/** A space, or its URL encodings (`%20`, `+`) in a query parameter. */
const SCHEME_SEPARATOR = "(?:[ \\t]+|%20|\\+)";
/**
 * A quoted value, also in the escaped quotes of text held in a JSON string (`\"…\"`), or the
 * word after an escaped quote that none closes (escaped-quotes.ts). A string in double quotes
 * holds line breaks: the ones JSON and most languages' string printers write are escapes the
 * scanner reads as line breaks (`password="k3y\n"`, a secret read from a file). In single quotes
 * `''` is a quote the value holds, as YAML (§7.3.2) and SQL write one (`password: 'it''s'`).
 */
const QUOTED = String.raw`"(?:[^"\\]|\\[^])*"|'(?:[^'\\\n]|\\.|'')*'|${ESCAPED_QUOTED_OVER_LINES}|${UNCLOSED_ESCAPED_QUOTE}`;
/**
 * A value in angle brackets, as documentation writes a placeholder (`password=<your-password>`,
 * Go's `<nil>`) and as some write a secret (`password=<<hunter2>>`): the whole bracketed text is
 * the value, which `standsForSecret` then judges.
 */
const ANGLED = "<{1,2}[^<>\\n]{1,64}>{1,2}";
/** A Ruby or Elixir value printed as `#<…>` or `#Name<…>` (`#<Secret abc>`, `#Secret<…>`): read whole, replaced whole. */
const HASHED_ANGLED = "#[\\w.]{0,64}<[^<>\\n]{1,256}>";
const HASHED_ANGLED_VALUE = new RegExp(`^(?:${HASHED_ANGLED})$`);
/** A value in backticks, as Markdown writes code and JavaScript a template literal: read whole, its backticks kept (`redactValue`). */
const BACKTICKED_VALUE = "`[^`\\n]{1,256}`";
/**
 * A value in a language's optional wrapper, as it prints one: Swift's `Optional("…")`, Rust's
 * `Some("…")`, Scala's `Some(…)`, Java's `Optional[…]`. The wrapper is the value's printed
 * form, not the value: the value inside is judged and replaced, the wrapper stays (`redactValue`).
 */
const WRAPPED = `(?:Optional|Some)\\((?:${QUOTED}|[^\\s()"'<>,;&]{1,256})\\)|Optional\\[[^\\s[\\]"'<>,;&]{1,256}\\]`;
/** Python's bytes literal (`b'…'`, `b"…"`: a `bytes` value as repr and `%r` print it), its `b` kept as a quote is (`redactValue`). */
const BYTES_QUOTED = `b(?=['"])(?:${QUOTED})`;
/** A bytes literal's `b` and quote, the quote closing the value's end. */
const BYTES_OPENING = /^b(['"]).*\1$/s;
/** A wrapper's opening (`WRAPPED`) at a value's start. */
const WRAPPER_OPENING = /^(?:(?:Optional|Some)\(|Optional\[)/;
/** AWS4 parameter values hold `/` and `;`, which RFC 9110's token does not allow. */
const AUTH_PARAM = String.raw`[\w-]+[ \t]*=[ \t]*(?:"(?:[^"\\\n]|\\.)*"|${ESCAPED_QUOTED}|${NOT_AT_ESCAPED_QUOTE}[^\s,"&#]+)`;
const CREDENTIALS = String.raw`(?:${AUTH_PARAM}(?:[ \t]*,[ \t]*${AUTH_PARAM})*|${NOT_AT_ESCAPED_QUOTE}[^\s"'<>&,;]+)`;
/** A token in quotes (`Token: "abc…"`), also escaped in text held in a JSON string (`\"abc…\"`), the quotes kept when it is replaced. */
const QUOTED_TOKEN_SOURCE = `\\\\?"[^"\\s\\\\]+\\\\?"|'[^'\\s\\\\]+'`;
const QUOTED_TOKEN = /^(\\?["'])[^"'\s\\]+\1$/;
/**
 * A word, perhaps a `:` glued to it (`Authorization: Token: …`, `Bearer: …`, as clients that
 * write the header's line twice send it), a separator, the word of a scheme that takes a glued
 * colon again if the client wrote it twice (`Token: Token …`, `Bearer: Bearer: …`), and
 * credentials; after a glued colon, perhaps one token in quotes (`Token: "abc…"`: a word and a
 * quoted name after it, `secret "db-password"`, are prose). Whether the word is a
 * scheme is checked on the match (a list of 29 words in the regex would be tried at every
 * candidate); when it is not, only the value's first token is the secret and the rest is
 * scanned again.
 */
const SCHEME_VALUE =
  `[A-Za-z][\\w-]*(?::${SCHEME_SEPARATOR}(?:${QUOTED_TOKEN_SOURCE})|:?${SCHEME_SEPARATOR}(?:(?:${GLUED_COLON_SCHEMES.map(caseless).join("|")}):?${SCHEME_SEPARATOR})?${CREDENTIALS})`;

export const SECRET_PARAM_KIND = "secret_param";
/** An unquoted value without a scheme: a query parameter's, and a field's (up to JSON's `}` and `]`). */
// An `&` ends a value only before the next `name=` (a query's or a form's next pair): a password
// may hold one (`Tr0ub4dor&3`), and cutting there stored the password's tail. So does a `#`,
// before anything but a fragment's `name=` (`#access_token=…`): not after a blank it starts no
// comment in shell, dotenv, YAML or logfmt (`PASSWORD=Xy7#pq`), and a URL's fragment after a
// secret's value goes with it.
const PARAMETER_TOKEN = /^(?:[^&#\s"'<>;,]|[&#](?![A-Za-z_][\w.-]*=))+/;
/** A pair's value that is a list of recovery codes (`RECOVERY_CODE_LIST_VALUE`), read whole. */
const RECOVERY_CODE_LIST = new RegExp(`^${RECOVERY_CODE}(?:,${RECOVERY_CODE})+`);
/** A URL query's or fragment's value (after `?`, `&` or `#`), which a `#` ends. */
const QUERY_TOKEN = /^(?:[^&#\s"'<>;,]|&(?![A-Za-z_][\w.-]*=))+/;
const QUERY_OPENERS = "?&#";
/** A URL path segment's parameter value (RFC 3986 §3.3: `;jsessionid=…`), which the path's next delimiter ends. */
const PATH_PARAMETER_TOKEN = /^[^?/;#\s"'<>,&]+/;

/** Whether the `name=value` at `start` follows a `;` glued to a URL's path (`GET /cart;jsessionid=…`, `https://h/p;sid=…`). */
function isPathParameter(text: string, start: number): boolean {
  return text.charAt(start - 1) === ";" && /(?:^|[\s"'(])(?:[a-z][a-z0-9+.-]*:\/\/[^\s/]*)?\/[^\s;=]*$/i.test(text.slice(Math.max(0, start - 256), start - 1));
}
// A marker an earlier pass wrote inside the value (`a[REDACTED:email]`) is read whole: cut at its
// `]`, the value's replacement left the `]` behind it (`[REDACTED:secret_param]]`).
const FIELD_TOKEN = /^[^\s"'<>,;&{}[\]](?:\[REDACTED:[\w:-]{1,80}\]|[^\s"'<>,;&}\]]|&(?![A-Za-z_][\w.-]*=))*/;
/** The kinds the credentials of a scheme (its word in lower case) count under: Bearer's and Basic's their own, others `secret_param`. */
export const SCHEME_KINDS: Readonly<Record<string, string>> = { bearer: "bearer", basic: "basic" };
/** RFC 7235 §2.1's token68, what Basic and Bearer credentials are, also percent-encoded in a query (`…%3D`). */
const TOKEN68 = /^(?:[A-Za-z0-9._~+/-]|%[0-9A-Fa-f]{2})+=*$/;

/**
 * `SECRET_NAME_ENDINGS` in any case, their letters past ASCII too (`LÖSENORD:`, `HASŁO:`,
 * `CONTRASEÑA:`), as alternatives. Only the end is matched, so each colon costs a fixed check.
 */
const SECRET_NAME_ENDING = SECRET_NAME_ENDINGS
  .map(caselessLetters)
  .join("|");

/** A password's change (`password_changed`, `passwordUpdated`: `namesPasswordChange`), whose value counts only when shaped as a password. */
const PASSWORD_CHANGE_NAME = `(?:${PASSWORD_CHANGE_HEADS.map(caseless).join("|")})${REJOIN}[._-]?(?:${PASSWORD_CHANGE_WORD_LIST.map(caseless).join("|")})${REJOIN}`;

/** The operator of a shell's parameter expansion after the name's `:` (`${PASSWORD:-default}`, `:=`, `:?`, `:+`). */
const SHELL_EXPANSION_OPERATOR = String.raw`(?<=\$\{[A-Za-z_]\w*:)[-=?+]`;
/**
 * The colon of `name: value` and `"name": "value"` when the name ends with a word announcing a
 * secret, or with a dotted member of such a name (`secrets.db: …`), or is a password's change
 * (`password_changed: …`); not Go's `:=`, an assignment `secretAssignmentDetector` reads, nor a
 * path's `::` (`Session::Secret`: the name goes on after it), nor a shell's expansion (`${PASSWORD:-…}`,
 * `${TOKEN:?unset}`: credential-literal.ts). The match starts at the colon: a regex that starts with a literal skips to it fast,
 * and the lookbehind compares a fixed set of endings.
 */
const AFTER_SECRET_NAME = `:(?![=:]|${SHELL_EXPANSION_OPERATOR})(?<!::)(?<=(?:(?:${SECRET_NAME_ENDING})${REJOIN}(?:\\.[\\w-]{1,32})?|${PASSWORD_CHANGE_NAME})(?:\\\\{0,7}["'])?[ \\t]*:)`;

/**
 * A passphrase's name's end, any case (`passphrase`, `pass_phrase`, `GPG_PASSPHRASE`): its
 * unquoted value is words (`passphrase=correct horse battery staple`), read to the line's next
 * pair (`UNQUOTED_LINE_VALUE`), as `Password for bob: …` is; under other names it is one token.
 */
const PASSPHRASE_NAME_END = "[Pp][Aa][Ss][Ss][_-]?[Pp][Hh][Rr][Aa][Ss][Ee]";
// Before a scheme's (`correct horse` is no `Basic …`); a quoted value, which no passphrase's
// starts with, is read as any name's.
const PASSPHRASE_VALUE = `(?<=${PASSPHRASE_NAME_END}=)(?![\\x60'<\\[{]|b["'])${UNQUOTED_LINE_VALUE}`;
const PASSPHRASE_NAME = new RegExp(`${PASSPHRASE_NAME_END}$`);
/** A passphrase's unquoted value at the start of a text (`PASSPHRASE_VALUE`). */
const PASSPHRASE_TOKEN = new RegExp(`^(?:${UNQUOTED_LINE_VALUE})`);
/** A password's name's end, any case (`password`, `DB_PASSWORD`, `passwd`, `pass_word`): its unquoted words are one value (`PASSWORD_WORDS_VALUE`). */
const PASSWORD_NAME_END = "[Pp][Aa][Ss][Ss](?:[_-]?[Ww][Oo][Rr][Dd]|[Ww][Dd])";
const PASSWORD_WORDS = `(?<=${PASSWORD_NAME_END}=)${PASSWORD_WORDS_VALUE}`;
const PASSWORD_NAME = new RegExp(`${PASSWORD_NAME_END}$`);
/** A password's words at the start of a text (`PASSWORD_WORDS_VALUE`). */
const PASSWORD_WORDS_TOKEN = new RegExp(`^(?:${PASSWORD_WORDS_VALUE})`);

/**
 * `name=value` after `?`, `#`, `&`, `;`, `,`, `(`, `[`, `{`, a space or the start of the text (a sentence's
 * `(password=…)`, a call's `connect(password=…)`, Java's `Map.toString()` `{password=…, …}` and a
 * record's `User[password=…]`, an OAuth implicit-flow redirect's
 * `#access_token=…`, RFC 6749 §4.2.2). Not after any quote (every key of JSON text would then
 * be a candidate to reject), but after quotes that open a string (`OPENING_QUOTES`): a
 * command-line argument (Terraform's `-var 'db_password=…'`, Ansible's `-e "…"`), a JSON string
 * value (a body kept as JSON text, `"detail":"password=…"`, one level down `\"password=…`), a
 * whole text in quotes (`"password=…"`). After MSBuild's and dotnet's property switches (`/p:DbPassword=…`,
 * `-p:…`, `-property:…`). A name may start with `_` (Laravel's `_token` form field), also after
 * `/:`, as an `.npmrc` line scopes a setting to a registry: `//registry.npmjs.org/:_authToken=…`.
 * A path's last name after its `::` is read as a dotted key's last segment is (`auth::token=…`).
 * After Python logging's default prefix, glued to the message (`ERROR:root:password=…`).
 */
const PARAMETER = `(?<=^|[?#&;\\s,([{]|/:|[\\w]::|${AFTER_GLUED_LOGGER_PREFIX}|${OPENING_QUOTES}|[\\s/-]p:|-property:)[A-Za-z_]${NAME_CHARACTER}*=(?:${RECOVERY_CODE_LIST_VALUE}|${WRAPPED}|${PASSPHRASE_VALUE}|${PASSWORD_WORDS}|${SCHEME_VALUE}|${QUOTED}|${BYTES_QUOTED}|${BACKTICKED_VALUE}|${ANGLED}|${NOT_AT_ESCAPED_QUOTE}${PARAMETER_TOKEN.source.slice(1)})`;
/**
 * A code printed in groups (`4829 1234`, `482 913`, `48 29 13`): under a one-time password's or
 * PIN's name (`OTP: 4829 1234`) the whole is the code; under other names only the first group is
 * the value, as before (a number there passes).
 */
const GROUPED_DIGITS = "(?:\\d{4} \\d{4}|\\d{3} \\d{3}|\\d\\d \\d\\d \\d\\d)(?!\\w|[.,/:-]\\d|[ \\t]\\d)";
const GROUPED_CODE = new RegExp(`^${GROUPED_DIGITS}$`);
/**
 * A GraphQL block string (`password: """…"""`, GraphQL specification, October 2021, §2.9.4:
 * `\"""` inside it is an escaped quote run, and it holds line breaks), also with its quotes
 * escaped in JSON text (`\"\"\"…\"\"\"`, a document in a request body). Read before `QUOTED`,
 * which would take its first two quotes for an empty string.
 */
const PLAIN_BLOCK_STRING = String.raw`"""(?:\\"""|\\(?!""")[^]|"(?!"")|[^"\\])*"""`;
const BLOCK_STRING =
  String.raw`${PLAIN_BLOCK_STRING}|\\"\\"\\"(?:\\[^"]|\\"(?!\\"\\")|[^"\\])*\\"\\"\\"` +
  // Escaped twice or three times: a document in a JSON body held in a JSON string (`\\\"\\\"\\\"…`).
  String.raw`|(?<blockQuoteEscape>\\{3}|\\{7})"\k<blockQuoteEscape>"\k<blockQuoteEscape>"` +
  String.raw`(?:(?!\k<blockQuoteEscape>")[^"]|\k<blockQuoteEscape>"(?!\k<blockQuoteEscape>"\k<blockQuoteEscape>"))*` +
  String.raw`\k<blockQuoteEscape>"\k<blockQuoteEscape>"\k<blockQuoteEscape>"`;
/** The quotes opening and closing a match of `BLOCK_STRING`. */
const BLOCK_STRING_QUOTES = /^(?:"""|(\\{1,7})"\1"\1")/;

/**
 * A string or a block string, as a GraphQL document or a language writes one, also in escaped
 * quotes (`\\"…\\"`), or in single quotes as util.inspect and Python's repr write a list's strings
 * (`[ 's3cr3tPw42' ]`).
 */
const STRING_LITERAL = `${PLAIN_BLOCK_STRING}|"(?:[^"\\\\\\n]|\\\\.)*"|\\\\"(?:[^"\\\\\\n]|\\\\[^"])*\\\\"|'(?:[^'\\\\\\n]|\\\\.)*'`;
/**
 * A typed declaration's default (GraphQL §2.10's `$password: String = "…"`, Kotlin's and
 * Scala's `password: String = "…"`, Python's and TypeScript's annotations `password: str = "…"`,
 * `password: string = "…"`): the type, `=` and a string.
 */
const TYPE_NAME = `(?:[A-Z][A-Za-z0-9_]*|${LOWER_CASE_TYPE_NAMES})`;
const TYPED_DEFAULT = `\\[?${TYPE_NAME}!?\\]?!?[ \\t]*=[ \\t]*(?:${STRING_LITERAL})`;
/**
 * The same with an unquoted value, a token to the line's end or a `;` (`str = hunter2`): the head
 * and the value captured. A blank before the `=`, as annotations are written: a glued
 * `Name=value` is the value itself (a cookie's `OptanonConsent=…`, `Password: Abc=123`). A
 * value ending in `:` is the next field's name (`password: str =Authorization: …`), no value.
 */
const TYPED_BARE_VALUE = new RegExp(`^(\\[?(${TYPE_NAME})!?\\]?!?[ \\t]+=(?![=>])[ \\t]*)([^\\s"'\`;]*[^\\s"'\`;:])(?=[ \\t]*(?:;|\\r?\\n|$))`);
const TYPED_DEFAULT_HEAD = new RegExp(`^\\[?${TYPE_NAME}!?\\]?!?[ \\t]*=[ \\t]*`);
/** A list of strings (`passwords: ["…", """…"""]`, GraphQL §2.9.7, YAML's and JSON's flow sequences), at most 64 items. */
const STRING_LIST = `\\[[ \\t]*(?:${STRING_LITERAL})(?:(?:[ \\t]*,[ \\t]*|[ \\t]+)(?:${STRING_LITERAL})){0,63}[ \\t]*\\]`;
const STRING_LIST_ITEM = new RegExp(STRING_LITERAL, "g");
/**
 * A YAML flow sequence or flow set of plain scalars on one line (YAML 1.2.2 §7.4: `[s3cr3t]`,
 * `[a, b]`, `{s3cr3t}`, an empty `[]`), no quote in it and, in braces, no `:` (a mapping, which key rules read);
 * a sequence nested once in another is one too (`[[hunter2]]`).
 * A bracket ends the match whatever is glued after it (`Authorization:[Bearer …]!x`, `password:
 * [hunter2]x`); what is glued is judged with the value (`gluedAfterList`): code or a link's
 * target after no password keeps it (`keepsCodeAfter`), a glued word goes with it (`GLUED_AFTER_LIST`). Nothing is glued after braces (LDAP's `{CRYPT}$6$…`, a scheme
 * before its hash) but what closes the text around them (a quote, `)`, `}`), a query's next pair
 * (`&x=1`) or a sentence's marks, `.`, `!`, `?` or `:` (a few: `?.`), before the end, a blank, a
 * quote, `)` or `}` (`{"msg":"password: {s3cr3t}."}`).
 */
const FLOW_COLLECTION = "(?:\\[\\[[^[\\]{}\\n\"'`]{1,256}\\]\\]|\\[[^[\\]{}\\n\"'`]{0,256}\\]|\\{[^[\\]{}\\n\"'`:]{1,256}\\}(?=$|[\\s,;\"')}&]|[.!?:]{1,8}(?:$|[\\s\"')}])))";
/**
 * A bracketed word with a capital first, perhaps GraphQL's non-null `!` after it: a GraphQL list
 * type (`[String!]`, `[ID!]`), a schema's type (`[Int64]`) or a sender's mask (`[FILTERED]`,
 * `[Redacted]`) as often as a capitalized secret (`[Passw0rd]`, `[Hunter!]`). The word and its `!`
 * are captured for `namesTypeInBrackets`, which tells them apart.
 */
const NAMED_TYPE_IN_BRACKETS = /^\[([A-Z]\w*)(!?)\]$/;
/**
 * A type's name as code writes one, outside a GraphQL variable's definition: letters alone, a
 * capital first (`String`, `FILTERED`; a secret so written, `[Sunshine]`, stays too), or a known
 * stem and its width or version (`Int64`, `Base64`, `SHA256`, `OAuth2`, `IPv6`, `X509`). A digit
 * anywhere else is a password's (`Pass2Word`, `Summer2024`, `Xk9Vm2Lp`, `Hunter2`), unless the
 * whole word is one of `NUMBERED_TYPE_NAMES`.
 */
const TYPE_SHAPED_WORD = /^[A-Z][A-Za-z]*$|^(?:U?Int|Float|Base|Crc|CRC|Sha|SHA|Md|MD|Aes|AES|Utf|UTF|Http|HTTP|IPv|OAuth|Ed|Rsa|RSA)\d{1,5}$|^X509$/;
/**
 * Names with digits elsewhere that code writes whole and a password is not, an exact list, no
 * grammar (a stem or a type's word beside other humps reads `Worker2024`, `SummerHost2024`,
 * `Sha256Secret` as types): JavaScript's typed arrays, a few protocols' and platforms' types,
 * password hashes' and ciphers' algorithms (`Bcrypt`, `Scrypt` are letters alone, read above), and
 * latency percentiles. A password written as one of
 * them (`[Argon2]`) stays, a known leak; under a code's name none is read (`pin: [P99]` goes).
 */
const NUMBERED_TYPE_NAMES: ReadonlySet<string> = new Set([
  ...TYPED_ARRAY_NAMES,
  ...["Http2Session", "Http2Stream", "OAuth2Token", "OAuth2Client", "V1Secret", "K8sSecret", "Gpt4o"],
  ...["Argon2", "Argon2i", "Argon2d", "Argon2id", "Pbkdf2", "Sha1", "Sha256", "Sha384", "Sha512", "Md5"],
  ...["128", "192", "256"].flatMap((width) => ["", "Gcm", "Cbc", "Ctr"].map((mode) => `Aes${width}${mode}`)),
  ...["P50", "P75", "P90", "P95", "P99", "P999"],
]);
/** GraphQL's built-in scalars, the only types a `!` follows outside a variable's definition (`[String!]`; `[Hunter!]` is a password). */
const GRAPHQL_SCALAR = /^(?:String|Int|Float|Boolean|ID)$/;
/**
 * What a password or key holds and a type's name of letters does not: case changing letter by
 * letter (`AbCdEf`, `HuNtEr`), or 16 capitals and more, a key's length (`VSXJQTBLMMRCWDHNKP`).
 */
const SECRET_SHAPED_WORD = /[A-Z][a-z][A-Z][a-z][A-Z]|^[A-Z]{16,}$/;
/**
 * A YAML plain scalar written whole after its key (YAML 1.2.2 §7.3.3): on a line that is only
 * `key: value` (perhaps a sequence's item, `- key: value`; perhaps after a logger's prefix,
 * logger-prefix.ts), the rest of the line up to a comment (` #`), and in a flow mapping
 * (`{user: admin, password: a b c}`, §7.4) the text up to the `,` or `}` ending the member. It starts with no quote, bracket or indicator, and holds no `: ` (a
 * second key makes the line prose or a log's pairs, whose value is the first token), no quote
 * and no backslash (in JSON text held in a string they are the string's, not the value's). What the
 * value's first token is decides whether it is a secret (`redactField`); this only says how far
 * it reaches: `password: correct horse battery`, `password: abc;def`. The value's end is looked
 * for only after a character that is no blank: a blank run's first place says what all its places
 * would, and asking at each of them would read the run to its end each time (quadratic in it).
 */
const YAML_KEY_TEXT = `(?:[A-Za-z_][\\w.-]*|"[^"\\n]{1,128}"|'[^'\\n]{1,128}')`;
const PLAIN_START = `[^\\s"'\\\\<>{}[\\]#|&*!%@\`,]`;
const PLAIN_CHARACTER = `(?:[^\\n:"'\\\\]|:(?![ \\t\\r\\n]|$))`;
const WHOLE_PLAIN_SCALAR =
  `(?<=${MESSAGE_START}[ \\t]*(?:-[ \\t]+)?${YAML_KEY_TEXT}[ \\t]*:[ \\t]*)${PLAIN_START}${PLAIN_CHARACTER}*?(?<![ \\t])(?=[ \\t]+#|[ \\t]*\\r?(?:\\n|$))` +
  `|(?<=[{,][ \\t]*${YAML_KEY_TEXT}[ \\t]*:[ \\t]*)${PLAIN_START}(?:[^,{}[\\]\\n:"'\\\\]|:(?![ \\t]))*?(?<![ \\t])(?=[ \\t]*[,}])`;

/**
 * `: value` after a secret name; unquoted, the value ends where JSON text or a list would
 * continue. A string may start the next line (a GraphQL argument written over lines, `login(\\n
 * password:\\n "…")`), but not one a `:` follows (a key). No value starts with a blank: the blanks
 * are read whole, not given back one by one to a value whose lookbehind reads them again.
 */
const FIELD_VALUE = `(?:${WRAPPED}|${TYPED_DEFAULT}|${SCHEME_VALUE}|${BLOCK_STRING}|${QUOTED}|${BYTES_QUOTED}|${BACKTICKED_VALUE}|${STRING_LIST}|${FLOW_COLLECTION}|${HASHED_ANGLED}|${ANGLED}|${GROUPED_DIGITS}|${NOT_AT_ESCAPED_QUOTE}${FIELD_TOKEN.source.slice(1)})`;
const FIELD =
  `${AFTER_SECRET_NAME}(?:[ \\t]*(?![ \\t])(?:${WHOLE_PLAIN_SCALAR}|${FIELD_VALUE})` +
  `|[ \\t]*\\r?\\n[ \\t]*(?:${STRING_LITERAL})(?![ \\t]*:))`;
/** `FIELD_VALUE` at one position: the value a field's first token or quoted string is. */
const FIELD_VALUE_AT = lazy(() => new RegExp(FIELD_VALUE, "y"));
/** `WHOLE_PLAIN_SCALAR` at one position. */
const WHOLE_PLAIN_SCALAR_AT = lazy(() => new RegExp(WHOLE_PLAIN_SCALAR, "y"));

/**
 * The MySQL and MariaDB command-line clients (`mysql`, `mysqldump`, `mysqladmin`, `mariadb`,
 * `mariadb-dump`, …), which take a password glued to `-p` (`mysql -uroot -pS3cret shop`, as
 * their manuals document `-p[password]`). Elsewhere `-p…` is a port, a path or another option.
 */
const MYSQL_CLIENT = String.raw`(?:mysql[a-z]*|mariadb(?:-[a-z]+)?)`;
/** A MySQL client's name as a word of the command before a position (not past `;`, `|`, `&` or a line end), then a blank. */
// The client's arguments before `-p` are read back at most 256 characters: an
// unbounded run would read the whole line back at every `-p` (quadratic on a line of many).
const MYSQL_CLIENT_BEFORE = String.raw`(?:^|[\s/"'(])${MYSQL_CLIENT}[ \t](?:[^\n;|&]{0,256}[ \t])?`;
const MYSQL_CLIENT_PROGRAM = new RegExp(String.raw`(?:^|/)${MYSQL_CLIENT}$`);
/** The start of a password after `-p`; not a marker, so redacting twice counts once. */
const GLUED_PASSWORD_START = String.raw`(?!\[REDACTED:)[^\s"'<>;,&-]`;
const GLUED_PASSWORD_ARGUMENT = new RegExp(`^-p${GLUED_PASSWORD_START}`);
/** A password glued to `-p` in the shell's quotes (`mysql -p"R00t Pw!"`, `-p'…'`): the quotes stay. */
const GLUED_QUOTED_PASSWORD = String.raw`"(?!\[REDACTED:)[^"\n]{1,256}"|'(?!\[REDACTED:)[^'\n]{1,256}'`;
const GLUED_QUOTED_ARGUMENT = new RegExp(`^-p(?:${GLUED_QUOTED_PASSWORD})$`);

/**
 * A command-line flag and its value: `--name=value`, `-Dname=value` (Java system properties),
 * or `--name value`, also as two elements of JSON array text (`"--token","…"`). A flag starts
 * a word: after a blank, a quote, `=` (`JAVA_OPTS=-D…`), `,`, `[`, `(` or the start of the text.
 * A value after a blank must not start another flag. First, a MySQL client's `-p<password>`:
 * the literal `-p` comes before the lookbehind, so the line is read back only at a `-p`.
 */
/**
 * Between two elements of JSON array text, `","`, its quotes escaped alike when the array is
 * JSON text held in a string (`[\\"--token\\",\\"…\\"]`), or `','` (a Python list's repr).
 */
const ARRAY_ELEMENTS_SEPARATOR = String.raw`(?<elementQuoteEscape>\\{0,7})"[ \t]*,[ \t]*\k<elementQuoteEscape>"|(?<elementApostropheEscape>\\{0,7})'[ \t]*,[ \t]*\k<elementApostropheEscape>'`;
const FLAG_VALUE = `(?:${QUOTED}|${ANGLED}|${NOT_AT_ESCAPED_QUOTE}[^\\s"'<>;,&]+)`;
/**
 * After a flag's `=`, a `name=value` whose value is quoted (`--from-literal=password='…'`,
 * `--env=DB_PASSWORD="…"`), read whole as its unquoted form is: `FLAG_VALUE` stops at the quote.
 */
const INNER_QUOTED_PARAMETER = `[A-Za-z_]${NAME_CHARACTER}*=(?:${QUOTED})`;
/**
 * A flag's `=`, glued or with blanks on both sides, as a hand-written command or a config's
 * echo spaces it (`--password = hunter2x`): the `=` is the separator, never the value. A lone `=`
 * after a blank is no value either (`FLAG`).
 */
const FLAG_EQUALS = `(?:[ \\t]+=(?![=>])[ \\t]+(?!-)|=)`;
const FLAG =
  `(?<=^|[\\s"'=,\\[(])(?:-p(?<=${MYSQL_CLIENT_BEFORE}-p)(?:${GLUED_QUOTED_PASSWORD}|(?=${GLUED_PASSWORD_START})[^\\s"'<>;,&]+)` +
  `|--?[A-Za-z]${NAME_CHARACTER}*(?:${FLAG_EQUALS}(?:${INNER_QUOTED_PARAMETER}|${FLAG_VALUE})|(?:[ \\t]+|${ARRAY_ELEMENTS_SEPARATOR})(?!-|=+(?:[ \\t]|$))${FLAG_VALUE}))`;
const AFTER_MYSQL_CLIENT = new RegExp(`${MYSQL_CLIENT_BEFORE}$`);
/** The flag's separator and value, in a match of `FLAG`. */
const FLAG_SEPARATOR = new RegExp(`${FLAG_EQUALS}|[ \\t]+|${ARRAY_ELEMENTS_SEPARATOR}`);

const SOURCE = `(?:${PARAMETER}|${FIELD}|${FLAG})`;

/**
 * Every form is one detector, so a string pays one search and one alternative for them. Found
 * from its `=`, `:` and `-` (`searchSecretParameter`): the regex alone tries every position of
 * a text, and reads a long text (an SQL `INSERT`'s rows, a stack) several times slower than a
 * native search for those three characters does.
 */
export const secretParameterDetector: Detector = {
  kind: SECRET_PARAM_KIND,
  source: SOURCE,
  search: searchSecretParameter,
  evidence: Evidence.SECRET_PARAMETER | Evidence.SECRET_FIELD,
  rewrite: (match, marker, text, start) =>
    holdsPasswordHash(match, text, start)
      ? undefined
      : match.startsWith(":")
        ? redactField(match, marker, text, start)
        : match.startsWith("-")
          ? redactFlag(match, marker, text, start)
          : redactParameter(match, marker, text, start),
};

/** The source, tried at one position only. */
const AT_START = new RegExp(SOURCE, "y");

/**
 * The first match of `SOURCE` starting at or after `from`, as the global regex's `exec` finds
 * it. A match starts at the colon of a field (`FIELD`), at the dash of a flag (`FLAG`), or at a
 * parameter's name (`PARAMETER`): a run of `NAME_CHARACTER`s ending at its `=`, whose
 * lookbehind needs a character before it that is none of them (or the text's start), so the
 * name starts where the whole run before the `=` starts, and nowhere else. Those starts, in
 * the text's order, are tried alone, and the first that matches is the leftmost match.
 */
function searchSecretParameter(text: string, from: number): RegExpExecArray | null {
  let nextColon = text.indexOf(":", from);
  let nextDash = flagDash(text, from);
  let nextName = parameterNameStart(text, from, from);
  for (;;) {
    let start = nextName;
    if (nextColon >= 0 && (start < 0 || nextColon < start)) start = nextColon;
    if (nextDash >= 0 && (start < 0 || nextDash < start)) start = nextDash;
    if (start < 0) return null;
    // A field its rewrite rejects by its name (`rejectedByName`) or by its value's start
    // (`rejectedByValueStart`) is passed over before the regex reads its value, which runs to the
    // end of the blank-free run, so that a run of them (`pwd:`, `session:ana@example.com`,
    // `sessionid:x@y` or `token:active.` repeated) is not read to its end at each one.
    if (start === nextColon && start > 0 && isNameCharacter(text.charCodeAt(start - 1)) && rejectedGlued(text, start)) {
      nextColon = text.indexOf(":", start + 1);
      continue;
    }
    // So is a parameter its rewrite rejects by its name or its value's opening (`rejectedParameter`):
    // its value runs to the end of the blank-free run too, and a name starts again after each `{`,
    // `(`, `[`, `,` or `;` inside it (`password:{a=`, `foo=${` or `session=(` repeated).
    if (start === nextName && rejectedParameter(text, start)) {
      nextName = parameterNameStart(text, text.indexOf("=", start) + 1, from);
      continue;
    }
    // So is a flag its rewrite rejects by its name (`rejectedFlag`): its value after a glued `=`
    // runs to the end of the blank-free run, `=` and `-` included, so each `-key=` of `key=-`
    // repeated was read to the text's end.
    if (start === nextDash && rejectedFlag(text, start)) {
      nextDash = flagDash(text, start + 1);
      continue;
    }
    AT_START.lastIndex = start;
    const match = AT_START.exec(text);
    if (match !== null) {
      // A candidate's value read to its end, for the cost tests (scan-scope.ts).
      countWork(match[0].length);
      return match;
    }
    if (start === nextColon) nextColon = text.indexOf(":", start + 1);
    else if (start === nextDash) nextDash = flagDash(text, start + 1);
    else nextName = parameterNameStart(text, text.indexOf("=", start) + 1, from);
  }
}

/**
 * Whether `redactFlag` rejects the flag whose dash is at `dash` whatever its value: a name glued
 * to its `=` that is no secret flag's name (`isSecretFlagName`), no `pass` alone or password's
 * change (`namesPasswordByShape`) and no program's password option (`PASSWORD_OPTION_NAMES`),
 * before a value that opens as no `name=` (`INNER_PARAMETER_NAME`, whose name would decide). A
 * MySQL client's `-p…` is left to the regex. Only the name and the inner name are read, each up
 * to the first character no name holds (an `=` ends both), where the regex reads the name too.
 */
function rejectedFlag(text: string, dash: number): boolean {
  const nameStart = dash + (text.charCodeAt(dash + 1) === 45 /* - */ ? 2 : 1);
  if (!/[A-Za-z]/.test(text.charAt(nameStart))) return false;
  let equals = nameStart + 1;
  while (isNameCharacter(text.charCodeAt(equals))) equals++;
  countWork(equals - dash);
  if (text.charCodeAt(equals) !== 61 /* = */) return false;
  if (text.startsWith("-p", dash) && AFTER_MYSQL_CLIENT.test(lineBefore(text, dash))) return false;
  const name = text.slice(nameStart, equals);
  if (isSecretFlagName(name) || namesPasswordByShape(name) || PASSWORD_OPTION_NAMES.has(name)) return false;
  INNER_PARAMETER_NAME_AT.lastIndex = equals + 1;
  return !INNER_PARAMETER_NAME_AT.test(text);
}

/**
 * Whether `redactField` rejects the field whose colon, glued to its name, is at `colon`: by its
 * name or a key's part after it (`rejectedByName`), by its value's start, as cookies it keeps, or
 * as a header's placeholder dash and mark before a line holding no secret-shaped token
 * (`keptAsPlaceholder`).
 */
function rejectedGlued(text: string, colon: number): boolean {
  const name = fieldNameBefore(text, colon);
  return rejectedByName(text, colon, name) || rejectedByValueStart(text, colon, name) || keptAsCookies(text, colon, name) || keptAsPlaceholder(text, colon, name);
}

/**
 * Whether the value at `at` under `name` is a placeholder's dash and a mark before a line with no
 * secret-shaped token (`holdsNoCredentialToLineEnd`) under a header's name that no cookie's,
 * signature's or session's reading takes first (`cookieFieldReading`): it reads none under an
 * authorization's name or another header's, and a cookie header's reading takes the value only
 * when it opens a cookie's pair (`opensCookiePair`: `cookie:-!a=b`).
 */
function holdsPlaceholderUnderHeader(name: string, text: string, at: number): boolean {
  const header = credentialHeaderOf(name);
  if (header === "signature" || (header === undefined && namesSession(name))) return false;
  if ((header === "cookie" || header === "set-cookie") && opensCookiePair(text, at)) return false;
  return holdsNoCredentialToLineEnd(name, text, at);
}

/**
 * Whether the glued field at `colon` under a header's name `name` holds a placeholder's dash and
 * a mark before a line with no secret-shaped token (`holdsNoCredentialToLineEnd`:
 * `Authorization:-!…`, `X-Api-Key:-?…`), which the rewrite keeps (`holdsSchemeAlone`) after
 * reading the rest of the line; a run of them was read to its end at each colon, by the regex and
 * by the rewrite. The readings `redactFieldValue` tries before that one are asked as it asks them:
 * no cookie's, signature's or session's reading (`holdsPlaceholderUnderHeader`), no password's rule
 * and no report that redacts (both read a bounded start). A value opening with a dash opens no
 * other form it tries.
 */
function keptAsPlaceholder(text: string, colon: number, name: string): boolean {
  if (!holdsPlaceholderUnderHeader(name, text, colon + 1)) return false;
  const rule = passwordRuleAt(text, colon + 1);
  if (rule !== undefined && !rule.kept) return false;
  return isSecretCodeName(name) || readReport(text, colon + 1, (word) => isStateWordUnder(name, word))?.kept !== false;
}

/**
 * Whether the glued field at `colon` under a cookie's or a webhook signature header's name `name`
 * holds a short unquoted value that a backslash ends (`cookie:-=\`, `set-cookie:-=\`), read as
 * the header and left whole, no credential marked (`redactCookieField` gives null). Every reading
 * `redactField` tries before that one leaves such a value (a typed value's needs a blank before
 * the backslash), and none reads past the backslash, so the field is passed over before the regex
 * reads its value to the end of the blank-free run; a run of them was read to its end at each one.
 */
function keptAsCookies(text: string, colon: number, name: string): boolean {
  SHORT_COOKIE_BEFORE_BACKSLASH.lastIndex = colon + 1;
  if (!SHORT_COOKIE_BEFORE_BACKSLASH.test(text)) return false;
  countWork(SHORT_COOKIE_BEFORE_BACKSLASH.lastIndex - colon);
  const reading = cookieFieldReading(name, "", text, colon + 1);
  if (reading === undefined || reading.value === "") return false;
  // Kept only when nothing is marked: then the marker the detector writes makes no difference.
  let marked = false;
  const redacted = redactCredentialHeader(reading.header, reading.value, () => {
    marked = true;
    return "";
  });
  return !marked && redacted === reading.value;
}
/** A few characters a cookie header's or a signature's unquoted value holds (`COOKIE_TEXT`, `SIGNATURE_TEXT`), then the backslash that ends it. */
const SHORT_COOKIE_BEFORE_BACKSLASH = /[^\s;,"'\\]{1,64}\\/y;

/**
 * Whether `redactField` rejects the field whose colon, glued to its name `name`, is at `colon`,
 * whatever its value: a key's namespace glued to its part (`tokens:revoked:…`, a name not
 * capitalized), a source file's position, read from the few characters after the colon
 * (`token.go:42`: source-positions.ts), or a name under which no value is a secret. Every value
 * `redactField` and `redactFieldValue` replace is under a secret name (`isSecretName`), a count's member of a
 * collection of tokens (`isTokenInCountPlace`), `pass` alone or a password's change
 * (`isPassPassword`), or a session's or credential header's name (`redactCookieField`). In a
 * blank-free run the name is the run's end before the colon (`example.comsession`), which none
 * of them is. Under any name, a glob's part (`opensGlobPart`: `password:*`) or the `?` part an
 * instrumentation sanitized, before no secret-shaped token (`opensSanitizedPart`: `x-api-key:?:`),
 * is a key's namespace, which `isKeyNamespace` rejects.
 */
function rejectedByName(text: string, colon: number, name: string): boolean {
  if (opensNamespacePart(text, colon + 1) && namesNamespaceOnAnyLine(name)) return true;
  // A credential header's in a dump joined by `:?:` (`x-api-key:?:98172634`) is sanitized-headers.ts's to read.
  if (text.startsWith("?:", colon + 1) && isSanitizedHeaderName(name)) return true;
  // A source file's position (`token.go:42`, `(Secret.java:42)`): a file named for a credential, and its line.
  if (isSourcePosition(name, text, colon)) return true;
  // The name decides first, so the value is read at a colon only when it must be. A list of numbers
  // opens with a blank or `[`, which no glob's part does, so testing the glob second changes no answer.
  if (namesNoSecretValue(name, isSecretName)) return !opensSecretNumberList(name, text, colon + 1);
  // A glob's part is a key's namespace under any name (`password:*`, read to the next colon), and so
  // is a sanitized one (`x-api-key:?:`, read to the end of the run at each colon otherwise).
  return opensGlobPart(text, colon + 1) || opensSanitizedPart(text, colon + 1);
}

/**
 * Whether a list of numbers opens at `at` in `text` (`NUMBER_LIST_OPENING`: `pins=[…]`, `pins: […]`)
 * under a name that holds a numeric secret's word and nothing counting or measuring it
 * (`numericSecretDigits`): the name is not rejected, so the list's numbers are read
 * (`secretListAt`, `holdsSecretNumberList`) and go when shaped as the codes.
 */
function opensSecretNumberList(name: string, text: string, at: number): boolean {
  // Most values open with neither (`host:db1`): the first character spares the slice.
  if (!NUMBER_LIST_FIRST.test(text.charAt(at))) return false;
  return NUMBER_LIST_OPENING.test(text.slice(at, at + NUMBER_LIST_OPENING_REACH)) && numericSecretDigits(name) > 0;
}

/**
 * Whether `redactParameter` rejects the parameter whose name starts at `start` (the run of name
 * characters up to its `=`, `parameterNameStart`) before its value is read: no cookie curl reports
 * (`namesCurlCookie`, under any name), and either a name under which no value is a secret
 * (`isSecretParameterName`, which holds `isSecretName`, asked of a quoted value's name; after a
 * path's `::` the path's whole, as `redactParameter` reads it: `f?psession::id=` names none), or a session's name (a path's whole: `session::id`), a bare `key` or a bare
 * `code` outside an authorization response (`holdsOrdinaryUnsafeValue`) before a value whose token
 * holds a character neither a session id (`isSessionIdShaped`) nor a key's or code's credential
 * (URL-safe) holds: at its opening (`NO_ID_OR_KEY_OPENING`: `session=(`, `sid=[`, `key=${`) or
 * after a first word (`holdsNoIdOrKeyCharacter`: `key=a(`, `sid=ab1{`, `code=%41${`), under no
 * credential header's name (whose cookies' pairs and worded credentials are read first). Such a
 * value is the parameter's token (`PARAMETER_TOKEN`, or the query's or the path's), and no
 * cookie's pair: its first token holds that character. Under a credential or `X-` header's name,
 * a placeholder's dash and mark before a line holding no secret-shaped token
 * (`holdsPlaceholderUnderHeader`: `authorization=-?`), which the header's reading keeps.
 */
function rejectedParameter(text: string, start: number): boolean {
  if (namesCurlCookie(text, start)) return false;
  const equals = text.indexOf("=", start);
  // After a path's `::` the path is the name (`session::id=(`), as `redactParameter` reads it.
  const path = text.startsWith("::", start - 2);
  const name = path ? nameBefore(text, equals) : text.slice(start, equals);
  // A list's under a numeric secret's own name (`pins=[1234, 5678]`: `secretListAt`) is read; no other value is a secret there.
  if (namesNoSecretValue(name, isSecretParameterName)) return !opensSecretNumberList(name, text, equals + 1);
  // A header's placeholder before a mark (`authorization=-?`): the header's reading keeps it after
  // reading the rest of the line, and no reading before it takes a value opening with a dash.
  if (holdsPlaceholderUnderHeader(name, text, equals + 1)) return true;
  // The name's tests decide most secret names (`password=`) without reading the value.
  return (
    credentialHeaderOf(name) === undefined &&
    !shieldsUnder(name) &&
    (namesSession(name) || holdsOrdinaryUnsafeValue(name, text, start)) &&
    (NO_ID_OR_KEY_OPENING.test(text.slice(equals + 1, equals + 3)) || holdsNoIdOrKeyCharacter(text, equals + 1, start, !namesSession(name)))
  );
}

/**
 * A parameter's value's start (its first two characters) that holds a character no session id
 * and no key's credential holds, and which starts none of the parameter's other value forms:
 * perhaps a `%`, then `(`, `[`, `{`, `$`, `#`, `@`, `!`, `*`, `^` or `?` (`session=(`, `sid={{`,
 * `key=${`, `session=%{`, `sid=#{`).
 */
const NO_ID_OR_KEY_OPENING = /^%?[([{$#@!*^?]/;

/**
 * Whether the unquoted value at `at` of the parameter whose name starts at `start` holds, before
 * its token ends, a character no session id and no key's credential holds
 * (`NO_ID_OR_KEY_CHARACTER`), read no further than the first such character: `key=a(`,
 * `sid=ab1{`, `code=%41${`, `key=a~(`, `sid=a&(`, `key=ab&cd(`, `sid=a\b(`, `key=a=b(`, `key=/(`.
 * The run before it is read as the value's token reads it (`valueRunMode`, `continuesValueRun`):
 * exactly the characters that token holds, so the token holds the refusing character too, and no
 * sentence's end cuts it (a sentence's end cuts only closing punctuation at the token's end).
 * Under a session's name a value that opens as a cookie's name and `=` is a cookie's pair
 * (`sid=a=b(`, `HELD_COOKIE`), which another reading may take: it is read whole (`pairs` is
 * false only there; a bare key's or code's `=` goes on, `key=a=b(`).
 *
 * The run's end depends on the characters from `at` on and on the mode alone, never on where the
 * run started, so a later value's run that starts inside a run already read ends where it ended
 * (`valueRunEnd`'s memo): each character is read once for each mode in a scan, whatever the
 * number of values whose runs cover it (`key=a~key=a~…`, `key=]key=]…`), and the work is linear.
 */
function holdsNoIdOrKeyCharacter(text: string, at: number, start: number, pairs: boolean): boolean {
  const before = text.charAt(start - 1);
  if (!pairs && (opensAsCookiePair(text, at) || opensJoinedSessionId(text, at))) return false;
  const mode = valueRunMode(text, at, start);
  const end = valueRunEnd(text, at, mode);
  // Under a session's name (`pairs` false) the token also refuses what no session id holds and
  // the run goes on through (`refusesSessionTokenAt`: `session::id=\q`, `session::id=a\b` once
  // the escape view has made `\b` a backspace). A scheme's credentials are read by their own form.
  if (!pairs && mode !== "scheme" && sessionTokenRefusalFrom(text, at) < end) return true;
  // At the opening a refusing character of `NO_ID_OR_KEY_CHARACTER` is judged by `NO_ID_OR_KEY_OPENING`
  // alone (a backtick opens a value in backticks); the others open no other form of value.
  if (end === at) return refusesAt(text, at, mode) && !NO_ID_OR_KEY_CHARACTER.test(text.charAt(at));
  if (refusesAt(text, end, mode)) return true;
  const after = text.charAt(end);
  // A URL path's parameter ends at a `?` (`PATH_PARAMETER_TOKEN`), a query's or a path's at a `#`,
  // and any value at a `#` before a parameter's `name=` (`#access_token=…`, `PARAMETER_TOKEN`, read
  // as after an `&`: `nextParameterNameAt`), where a `#` before any other name refuses (`session::id=-#`); a scheme's
  // credentials may end before a `#` (`SCHEME_VALUE`, `sid=Basic+dXNl…==#`).
  if (after === "?") return before !== ";";
  return mode !== "scheme" && after === "#" && !/[?&#;]/.test(before) && !nextParameterNameAt(text, end + 1);
}

/**
 * How a value's token reads it (`redactParameter`'s choice): in a URL's query (`QUERY_TOKEN`),
 * in a URL path's parameter (`PATH_PARAMETER_TOKEN`), as a scheme's word and credentials
 * (`SCHEME_VALUE`, when the value opens as one: `opensAsScheme`), or as any parameter's
 * (`PARAMETER_TOKEN`).
 */
type ValueRunMode = "query" | "path" | "scheme" | "plain";

/** The `ValueRunMode` of the value at `at` of the parameter whose name starts at `start`. */
function valueRunMode(text: string, at: number, start: number): ValueRunMode {
  const before = text.charAt(start - 1);
  // A path's token ends at every character a scheme's credentials end at, and at `/` and `?` too.
  if (before === ";" && isPathParameter(text, start)) return "path";
  if (opensAsScheme(text, at)) return "scheme";
  return QUERY_OPENERS.includes(before) ? "query" : "plain";
}

/**
 * Where the run of the value at `at` read in `mode` ends (`continuesValueRun`). The end of the
 * last run read in each mode is kept for the scan (`valueRuns`): a run that starts inside it ends
 * where it ended, as `continuesValueRun` asks only of the characters at and after each position.
 * The scan asks in the text's order, so each later run starts inside the last one (answered
 * without reading) or past its end (read on from there): every character is read once a mode.
 */
function valueRunEnd(text: string, at: number, mode: ValueRunMode): number {
  return valueRuns[mode].endFrom(text, at, () => {
    let end = at;
    while (end < text.length && continuesValueRun(text, end, mode)) end++;
    // The character the run stops at is read too.
    countWork(Math.min(end + 1, text.length) - at);
    return end;
  });
}
const valueRuns: Record<ValueRunMode, SpanMemo> = { query: new SpanMemo(), path: new SpanMemo(), scheme: new SpanMemo(), plain: new SpanMemo() };

/**
 * Whether the value's token read in `mode` holds the character at `at` and goes on after it: no
 * refusing character (`refusesAt`), `?` or `#` (judged where the run stops,
 * `holdsNoIdOrKeyCharacter`), and a character of the token's own set:
 * - `PARAMETER_TOKEN` and `QUERY_TOKEN`: none of a blank, a quote, `<`, `>`, `;` or `,`, nor an
 *   `&` before a parameter's `name=` (any other `&` refuses);
 * - `PATH_PARAMETER_TOKEN`: none of those, no `&` and no `/`;
 * - a scheme's credentials (`SCHEME_VALUE`'s `CREDENTIALS`, read by `firstToken` as any
 *   parameter's): no `&` at all, which ends both of their forms.
 */
function continuesValueRun(text: string, at: number, mode: ValueRunMode): boolean {
  if (isValueNameCharacter(text.charCodeAt(at))) return true;
  const character = text.charAt(at);
  if (VALUE_RUN_END.test(character) || character === "&" || refusesAt(text, at, mode)) return false;
  return !(mode === "path" && character === "/");
}

/**
 * Whether the character at `at`, inside a value's token read in `mode`, is one no session id and
 * no key's credential holds (`isSessionIdShaped`, `URL_SAFE` in bare-parameters.ts) and that no
 * sentence's end cuts from the token (it cuts only closing punctuation at the token's end): a
 * refusing character (`NO_ID_OR_KEY_CHARACTER`), a character past ASCII that is no blank, a
 * closing bracket before a letter, digit, `_` or `-` (which the token holds after it: `sid=a)b(`),
 * or, in a parameter's or a query's token, an `&` before no parameter's `name=` (`nextParameterNameAt`:
 * `key=ab&cd(`). A backslash is none (but under a session's name, `holdsNoIdOrKeyCharacter`), and
 * nothing decodes escapes here: a JSON string's escape (`\n`) is read as two characters of the
 * token, a backslash and a letter, neither refusing.
 */
function refusesAt(text: string, at: number, mode: ValueRunMode): boolean {
  const code = text.charCodeAt(at);
  const character = text.charAt(at);
  if (code >= 0x80) return !/\s/.test(character);
  if (NO_ID_OR_KEY_CHARACTER.test(character)) return true;
  if (character === "&") return (mode === "plain" || mode === "query") && !nextParameterNameAt(text, at + 1);
  return CLOSING_BRACKET.test(character) && isWordCharacterOrDash(text.charCodeAt(at + 1));
}
/** `)`, `]` or `}`. */
const CLOSING_BRACKET = /^[)\]}]$/;

/** What ends a value's run in every mode: a blank, a quote, `<`, `>`, `;`, `,`, `?` or `#`. */
const VALUE_RUN_END = /^[\s"'<>;,?#]$/;

/**
 * Whether a parameter's `name=` starts at `at` (`PARAMETER_TOKEN`'s lookahead after an `&`), or a
 * name that goes on past `NEXT_PARAMETER_NAME_REACH` characters, which may be one: the run ends
 * there, its value read whole. Each `&` reads at most that far, and no name holds an `&`, so each
 * character is read for one `&` at most.
 */
function nextParameterNameAt(text: string, at: number): boolean {
  const name = NEXT_PARAMETER_NAME.exec(text.slice(at, at + NEXT_PARAMETER_NAME_REACH));
  countWork(name?.[0].length ?? 0);
  return name !== null;
}
const NEXT_PARAMETER_NAME = /^[A-Za-z_][\w.-]*(?:=|$)/;
const NEXT_PARAMETER_NAME_REACH = 64;

/**
 * Whether the value at `at` opens as a cookie's name and its `=` (a letter or `_`, then
 * `[A-Za-z0-9_.-]*`, then `=`: a cookie's pair under a session's name, `HELD_COOKIE`: `sid=a=b(`),
 * which the cookie's reading may take. A name opening with another character (`sid=-=(`) is no
 * cookie's to that reading, and its value is judged as any other. No `=` is in the name it reads,
 * so each character is read for one value at most.
 */
function opensAsCookiePair(text: string, at: number): boolean {
  if (!isNameStart(text.charCodeAt(at))) return false;
  let end = at;
  while (end < text.length && isValueNameCharacter(text.charCodeAt(end))) end++;
  countWork(end - at);
  return end > at && text.charCodeAt(end) === 61 /* = */;
}

/**
 * Whether the value at `at` opens as a scheme's word and its separator (`SCHEME_OPENING`): it
 * may be read as a scheme's credentials (`SCHEME_VALUE`), which end at an `&` and are redacted
 * before a later `#` or `?` (`sid=Basic+dXNl…==#`, `sid=abc+Zx9…&я#`).
 */
function opensAsScheme(text: string, at: number): boolean {
  return SCHEME_OPENING.test(text.slice(at, at + SCHEME_OPENING_REACH));
}

/**
 * A value's opening as a scheme's word and its separator (`abc+…`, `Basic%20…`, `Token:+…`), or a
 * word that goes on past `SCHEME_OPENING_REACH` characters, which may be one.
 */
const SCHEME_OPENING = /^[A-Za-z][\w-]*(?::?(?:%20|\+)|$)/;
const SCHEME_OPENING_REACH = 64;

/**
 * A character no session id and no key's credential holds, and which ends no value's token:
 * `(`, `[`, `{`, `$`, `@`, `!`, `*`, `^` or `` ` `` (`?` and `#` end some: `holdsNoIdOrKeyCharacter`).
 */
const NO_ID_OR_KEY_CHARACTER = /^[([{$@!*^`]$/;

/**
 * Whether no value under `name` is a secret to `redactField` or `redactParameter`: `name` fails
 * their test of a secret's name (`namesSecret`), and is no count's member of a collection of
 * tokens (`isTokenInCountPlace`), no `pass` alone or password's change (`isPassPassword`), no
 * session's or credential header's name (`redactCookieField`).
 */
function namesNoSecretValue(name: string, namesSecret: (name: string) => boolean): boolean {
  return !namesSecret(name) && !namesTokensCountMember(name) && !namesPasswordByShape(name) && !namesSession(name) && credentialHeaderOf(name) === undefined;
}

/**
 * Whether `redactField` rejects the field whose colon, glued to its name `name`, is at `colon`,
 * by its value's start, read no further than the next colon (each character is then read for one
 * field only) and a few bounded reads: a value that starts with a run of name characters and
 * percent-encodings (`[A-Za-z0-9_.%-]`; a letter or digit first for a state's word; under a
 * session's name the run goes on through a session id's other characters, `sessionRunEnd`) and then
 * - under a session's name, a character no session id holds (`refusesSessionIdAt`: `@`, `!`, `#`,
 *   `$`, `(`, `{`, `?`, a letter past ASCII, …, a backslash only before an ASCII letter or digit:
 *   `sessionid:x@y`, `sid:m{*`, `sid:x\q`), which the token holds and which is no session id's
 *   shape (`isSessionIdShaped`); an `&` before no parameter's `name=` or a `)` before a word's
 *   character inside the run (`refusesInSessionRun`: `sid:a&{`, `sid:a)b(`); or an opening no
 *   session id holds right after the run (`NO_SESSION_ID_OPENING`: `sid:a${`, `session:ab1$(`,
 *   `sid:1%{`, `sessionid:a#{`), which the token holds whole;
 * - a word of a secret's state before a `.` (`token:active.`, `password:expired.`): read in prose,
 *   it says the secret's state (`saysSecretState`, its first word), as the value's end is read.
 * Such a start is the field's token (`FIELD_TOKEN`): no other form of `FIELD_VALUE` reads a `.`,
 * or such a character and a letter, after a word (a wrapper's `Some(x)` is refused as the token
 * is, a hash's `$` keeps the value: `holdsPasswordHash`), nor is it a cookie's pair (`=`), an
 * error's name (`AuthError: `) or a type (`str = `, `String!=`: a blank, `=`, `!` or `]` after
 * its `!`). The rewrite's other readings that may take the value first are asked here as it asks
 * them: a credential header's name, a password's rule and a report of what happened (both read a
 * bounded start). A value under a session's name that opens with such a character, no word
 * before it (`NO_SESSION_ID_OPENING`, `NO_SESSION_ID_FIRST`: `sid:(a=`, `session:${a=`, `sid:)a`,
 * `sid:#a:`), is refused as well.
 */
function rejectedByValueStart(text: string, colon: number, name: string): boolean {
  const at = colon + 1;
  const word = isAsciiLetterOrDigit(text.charCodeAt(at));
  if (!word && (NO_SESSION_ID_OPENING.test(text.slice(at, at + 3)) || NO_SESSION_ID_FIRST.test(text.slice(at, at + NO_SESSION_ID_FIRST_REACH)) || refusesTwoBackslashesAt(text, at))) {
    countWork(1);
    return namesSession(name) && refusedByEveryReading(text, at, name);
  }
  let end = at;
  let dot = -1;
  for (let code = text.charCodeAt(end); end < text.length && (isValueNameCharacter(code) || code === 37 /* % */); code = text.charCodeAt(++end)) {
    if (code === 46 /* . */ && dot < 0) dot = end;
  }
  countWork(end - at);
  const session = namesSession(name);
  // Under a session's name the run may open with a session id's other characters (`sid:|[`).
  if (end === at && !(session && SESSION_RUN_OPENING.test(text.charAt(at)))) return false;
  // The value's first word in prose, up to its first `.` (`saysSecretState`).
  const firstWord = dot < 0 || !word ? "" : text.slice(at, dot);
  // Under a session's name the run goes on through a session id's other characters (`sessionRunEnd`),
  // but in a value that opens as a scheme's word: its credentials end at an `&` and are redacted
  // before a later `#` (`sid:Bearer%20…&#1`), read by its first run only.
  const extended = session && !opensAsScheme(text, at);
  const sessionEnd = extended ? sessionRunEnd(text, at, end) : end;
  const refused =
    ((refusesSessionIdAt(text, sessionEnd) ||
      NO_SESSION_ID_OPENING.test(text.slice(sessionEnd, sessionEnd + 3)) ||
      (extended && refusesInSessionRun(text, sessionEnd))) &&
      session &&
      !opensJoinedSessionId(text, at)) ||
    // A blank, `=` or a `:` and a blank after the run would start another reading (a scheme's, a cookie's, an error's name).
    (firstWord.length <= 12 && isStateWhole(firstWord) && !/^(?:[\s=]|:[ \t])/.test(text.slice(end, end + 2)));
  return refused && refusedByEveryReading(text, at, name);
}

/**
 * Whether the character at `at`, after a glued session field's run, refuses its value: one no
 * session id holds (`NO_SESSION_ID_CHARACTER`), but a backslash only before a character the
 * field's token (`FIELD_TOKEN`) holds after it (`sid:x\q`, `sid:-\!`, `sid:x\-`), which keeps the
 * backslash inside the token as a session's value's run does (`refusesSessionTokenAt`; `?`
 * and `#` too, which end no field's token, `sid:x\#`). Before anything else it may open an
 * escaped quote or backslash that ends the value inside a JSON string (`sid:x\"`, `sid:x\\`),
 * or a `/`, `]`, `}` or an `&` before a parameter's `name=` the value is read up to, and the
 * value is read and redacted.
 */
function refusesSessionIdAt(text: string, at: number): boolean {
  const character = text.charAt(at);
  if (character === "\\") {
    // `FIELD_TOKEN` holds an `&` before no parameter's `name=` (`sid:-\&{`), a `?` and a `#`.
    if (text.charCodeAt(at + 1) === 38 /* & */) return !nextParameterNameAt(text, at + 2);
    return refusesTwoBackslashesAt(text, at) || !ENDS_ESCAPED_FIELD_RUN.test(text.charAt(at + 1));
  }
  return NO_SESSION_ID_CHARACTER.test(character);
}
/** What, after a backslash ending a glued session field's run, refuses nothing: a backslash or a quote (an escape that may end the value in a JSON string), `/`, or what ends `FIELD_TOKEN` (a blank, `<`, `>`, `;`, `,`, `]`, `}`), or the text's end. */
const ENDS_ESCAPED_FIELD_RUN = /^(?:[\\/\s"'<>;,\]}])?$/;

/**
 * Whether the character at `at`, inside a value's run under a session's name, is one the token
 * holds and no session id does (`isSessionIdShaped`), past those `refusesAt` judges: a control
 * character that is no blank (a decoded `\b` or `\u0001`: the escape view has decoded every escape
 * that encodes a character), or a backslash before a character of the run (`session::id=\q`,
 * `sid=a\.b`), which keeps it inside the token: a sentence's end never cuts a backslash, and only
 * backslashes at a match's end are dropped (`withoutEscapeAfter`: before a quote, a backslash, a
 * blank or the text's end they may escape what follows the value, `sid=x\"`, and are no refusal).
 */
function refusesSessionTokenAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code === 92 /* \\ */) return !ENDS_ESCAPED_RUN.test(text.charAt(at + 1));
  return code <= 0x08 || (code >= 0x0e && code <= 0x1f) || code === 0x7f;
}
/** What, after a backslash, is no character of a value's run in every mode, or the text's end: a backslash, `/`, `&` or `VALUE_RUN_END`'s. */
const ENDS_ESCAPED_RUN = /^(?:[\\/&\s"'<>;,?#])?$/;

/**
 * The first position at or after `from` that refuses a session's token (`refusesSessionTokenAt`),
 * or the text's length when there is none. The last one found is kept for the scan
 * (`sessionRefusalMemo`), as `flagDash` keeps its dash: a later ask from a position up to it gets
 * it again, so each character is read once a scan however many values' runs ask.
 */
function sessionTokenRefusalFrom(text: string, from: number): number {
  return sessionRefusalMemo.endFrom(text, from, () => {
    let found = from;
    while (found < text.length && !refusesSessionTokenAt(text, found)) found++;
    countWork(found - from);
    return found;
  });
}
const sessionRefusalMemo = new SpanMemo();

/**
 * Where a glued session field's run ends (`rejectedByValueStart`), its first run of name characters
 * and percent-encodings ending at `end`: on through a session id's other characters that the
 * field's token (`FIELD_TOKEN`) holds (`~`, `+`, `/`, `|`, `=`, `)`: `SESSION_RUN_CHARACTER`) and
 * name characters after them (`sid:a|{`, `sid:a~${`), but no `=` right after a first run that
 * opens as a cookie's name (`opensAsCookiePair`: a cookie's pair, `HELD_COOKIE`, which its reading
 * may take; `sid:-=(` is none and goes on). An `&` ends it: before a parameter's
 * `name=` the next pair starts there, before anything else the token holds it and it refuses the
 * value (`sid:a&{`, `sessionid:a&[`); so does a `)` before a word's character (`sid:a)b(`,
 * `refusesInSessionRun`). No `:` goes on, and every field starts at a
 * colon, so each character is read for one field only.
 */
function sessionRunEnd(text: string, at: number, end: number): number {
  if (text.charCodeAt(end) === 61 /* = */ && isNameStart(text.charCodeAt(at))) return end;
  let runEnd = end;
  while (runEnd < text.length && continuesSessionRun(text, runEnd)) runEnd++;
  countWork(runEnd - end);
  return runEnd;
}

/** Whether the character at `at` goes on in a glued session field's run past its first (`sessionRunEnd`). */
function continuesSessionRun(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return isValueNameCharacter(code) || code === 37 /* % */ || (SESSION_RUN_CHARACTER.test(text.charAt(at)) && !refusesInSessionRun(text, at));
}

/**
 * Whether the character at `at` in a glued session field's run refuses its value: an `&` before no
 * parameter's `name=`, or a `)` before a letter, digit, `_` or `-`, which the field's token holds
 * (no sentence's end cuts it there) and no session id holds (`sid:a&{`, `sid:m)sid:`).
 */
function refusesInSessionRun(text: string, at: number): boolean {
  const character = text.charAt(at);
  if (character === "&") return !nextParameterNameAt(text, at + 1);
  return character === ")" && isWordCharacterOrDash(text.charCodeAt(at + 1));
}
/** A session id's character beyond a name's and `%` that a field's token holds before more of it (`isSessionIdShaped`, `FIELD_TOKEN`). */
const SESSION_RUN_CHARACTER = /^[~+/=|)]$/;
/** Those a glued session field's value may open with, its first run then empty: not `=` (`:=` is no field's) nor `)` (`NO_SESSION_ID_FIRST`). */
const SESSION_RUN_OPENING = /^[~+/|]$/;

/**
 * Whether the rewrite's readings that may take a refused field's value at `at` before its token
 * is judged (`rejectedByValueStart`) leave it: under no credential header's name, no password's
 * rule and no report of what happened that redacts (both read a bounded start).
 */
function refusedByEveryReading(text: string, at: number, name: string): boolean {
  if (credentialHeaderOf(name) !== undefined || shieldsUnder(name)) return false;
  const rule = passwordRuleAt(text, at);
  if (rule !== undefined && !rule.kept) return false;
  return isSecretCodeName(name) || readReport(text, at, (word) => isStateWordUnder(name, word))?.kept !== false;
}

/**
 * A character that holds a field's token (`FIELD_TOKEN`) on, after its first, and that no session
 * id holds (`isSessionIdShaped`'s `[A-Za-z0-9-._~+/=%:|]`): not a blank, quote, `<`, `>`, `,`, `;`,
 * `}` or `]`, which end the token, nor `&`, which may start a query's next pair, nor `)`, which a
 * sentence's end may cut from the token's end.
 */
const NO_SESSION_ID_CHARACTER = /^[^\sA-Za-z0-9\-._~+/=%:|"'<>,;&}\])]$/;
/**
 * A value's start (its first three characters) that holds a character no session id holds, which
 * no other form of `FIELD_VALUE` and no cookie's pair starts with: perhaps a `%`, then `(`, `@`,
 * `$`, `!`, `*`, `^`, `?` or `#` (not Ruby's `#<…>`, a word or `.` after it), or `{` after the
 * `%` (`session:(a=`, `sid:@a`, `session:${a=`, `session:%{a=`, `sid:#{a=`). The field's token
 * holds that character before anything a sentence's end cuts, so it is no session id's shape.
 */
const NO_SESSION_ID_OPENING = /^%?(?:[(@$!*^?]|#(?![\w.<]))|^%\{/;
/**
 * A value's first character that no session id holds, that the field's token (`FIELD_TOKEN`)
 * holds, and that opens no other form of `FIELD_VALUE`, so the token holds it whatever follows
 * (a sentence's end cuts it only with the whole token): `)`, a character past ASCII that is no
 * blank, a backslash before no quote or backslash (which would open escaped quotes; two or
 * more are judged by `refusesTwoBackslashesAt`), a control character that is no blank (a decoded
 * `\b`), or a `#` before no Ruby `#Name<…>` (`HASHED_ANGLED`, its name read at most 64
 * characters): `sid:)a`, `sid:\u044fa`, `sid:\\a`, `sid:#a:`. Runs of such fields (`sid:#`
 * repeated) were read to their end at each colon.
 */
const NO_SESSION_ID_FIRST = /^(?:\)|(?!\s)[^\x00-\x7f]|\\[^"'\\]|[\x00-\x08\x0e-\x1f\x7f]|#(?![\w.]{0,64}<))/;
const NO_SESSION_ID_FIRST_REACH = 66;

/**
 * Whether two backslashes or more at `at` in a glued session field's value, at its opening or
 * after its first run, refuse it: before a character the field's token (`FIELD_TOKEN`) holds
 * after them that is no quote, backslash, `/` or blank and starts no escape the escape view
 * decodes one level down (`\\\\n`, `\\\\u00e3`, escape-view.ts), so the token holds the
 * backslashes and no session id does (`sid:\\\\a`, `sid:-\\\\!`, `sid:\\\\\\s`); before a `u`
 * that no four hex digits follow (`sid:\\\\usid:`), and before an `&` before no parameter's
 * `name=`, which the token holds (`sid:\\\\&sid:`). Those runs were read to the text's end at
 * each colon.
 */
function refusesTwoBackslashesAt(text: string, at: number): boolean {
  let end = at;
  while (text.charCodeAt(end) === 92 /* \\ */) end++;
  countWork(end - at);
  if (end - at < 2) return false;
  const after = text.charAt(end);
  if (after === "&") return !nextParameterNameAt(text, end + 1);
  if (after === "u") return !FOUR_HEX_DIGITS.test(text.slice(end + 1, end + 5));
  return TOKEN_CHARACTER_AFTER_TWO_BACKSLASHES.test(after);
}
/** What after two backslashes the field's token holds and ends no escape: not a quote, backslash, `/`, blank, `<`, `>`, `,`, `;`, `&`, `}`, `]` or an escape's letter. */
const TOKEN_CHARACTER_AFTER_TWO_BACKSLASHES = /^[^"'\\/\s<>,;&}\]bfnrtu]$/;
const FOUR_HEX_DIGITS = /^[0-9A-Fa-f]{4}$/;

/** An ASCII letter or digit. */
function isAsciiLetterOrDigit(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

/** A character of `[A-Za-z0-9_.-]`, what a cookie's pair's name holds (`HELD_COOKIE`). */
function isValueNameCharacter(code: number): boolean {
  return isAsciiLetterOrDigit(code) || code === 95 || code === 46 || code === 45;
}

/**
 * The first `-` at or after `from` that may start a flag: `FLAG`'s lookbehind wants the text's
 * start, a blank, a quote, `=`, `,`, `[` or `(` before it, so a dash after any other ASCII
 * character (a date's, a UUID's, a word's) is passed over; the regex judges the rest.
 */
function flagDash(text: string, from: number): number {
  // Whether a dash is a flag's depends on the character before it only, so the first one at or
  // after any position up to the one found last is that one again.
  return dashMemo.endFrom(text, from, () => firstFlagDash(text, from));
}
const dashMemo = new SpanMemo();
function firstFlagDash(text: string, from: number): number {
  for (let dash = text.indexOf("-", from); dash >= 0; dash = text.indexOf("-", dash + 1)) {
    if (dash === 0) return dash;
    const before = text.charCodeAt(dash - 1);
    if (before <= 0x20 || before >= 0x80 || before === 0x22 || before === 0x27 || before === 0x3d || before === 0x2c || before === 0x5b || before === 0x28) return dash;
  }
  return -1;
}

/**
 * The start of the first run of `NAME_CHARACTER`s that ends at an `=` at or after `at` and
 * starts with `[A-Za-z_]`, read back no further than `from` (a run reaching `from` is tried
 * there, where the regex's lookbehind rules it out); -1 when there is none. A run stops at the
 * `=` before it, so each character is read back once. The search past the first `=` is kept
 * (`nameMemo`) for the scan: the scanner asks again from each rejected candidate, and without it
 * a text of many `=` with no name before them (`token="-` repeated) was read to its end each time.
 */
function parameterNameStart(text: string, at: number, from: number): number {
  const first = text.indexOf("=", at);
  if (first < 0) return -1;
  let start = first;
  while (start > from && isNameCharacter(text.charCodeAt(start - 1))) start--;
  if (start < first && isNameStart(text.charCodeAt(start))) return start;
  // A later `=`'s run stops at the `=` before it, at or after `from`: no bound to pass on.
  const after = first + 1;
  if (nameMemo.text === text && after >= nameMemo.from && (nameMemo.equals < 0 || after <= nameMemo.equals)) return nameMemo.start;
  nameMemo.text = text;
  nameMemo.from = after;
  nameMemo.equals = -1;
  nameMemo.start = -1;
  for (let equals = text.indexOf("=", after); equals >= 0; equals = text.indexOf("=", equals + 1)) {
    let start = equals;
    while (isNameCharacter(text.charCodeAt(start - 1))) start--;
    if (start < equals && isNameStart(text.charCodeAt(start))) {
      nameMemo.equals = equals;
      nameMemo.start = start;
      break;
    }
  }
  return nameMemo.start;
}
const nameMemo = { text: "", from: -1, equals: -1, start: -1 };
// The name memo holds the scanned text: let it go when the scan ends.
resetAfterEachScan(() => {
  nameMemo.text = "";
  nameMemo.from = -1;
  nameMemo.equals = -1;
  nameMemo.start = -1;
});

/** What a parameter's name starts with: `[A-Za-z_]`. */
function isNameStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
}

const PASSWORD_HASH_AT = new RegExp(PASSWORD_HASH_SOURCE, "y");

/**
 * Whether the value in `match` starts a stored password hash (`PASSWORD_HASH_SOURCE`): the
 * `password_hash` detector then replaces it whole, where a value's token would end at its first
 * comma and leave the rest in clear (Argon2's `$argon2id$v=19$m=65536,t=3,p=4$salt$digest`).
 */
function holdsPasswordHash(match: string, text: string, start: number): boolean {
  const opening = match.search(/[${]/);
  if (opening < 0) return false;
  PASSWORD_HASH_AT.lastIndex = start + opening;
  return PASSWORD_HASH_AT.test(text);
}

/**
 * A usage line's placeholder for a flag's value: upper-case letters, `_` and `-`, no digits
 * (`--password PASSWORD`, `[--api-key API_KEY]`), as argparse, cobra and clap print them.
 */
const FLAG_PLACEHOLDER = /^[A-Z][A-Z_-]+[\])]?$/;

/** The match at `start` in `text`; how it ends says whether its final punctuation is a sentence's (`sentenceEndLength`). */
function redactParameter(match: string, marker: string, text: string, start: number): Rewrite | undefined {
  const end = valueEnd(text, start, start + match.length);
  const equals = match.indexOf("=");
  // After a path's `::` the path is the name (`Api::Key=…` is `api.key`), as a dotted key's is.
  const name = text.startsWith("::", start - 2) ? nameBefore(text, start + equals) : match.slice(0, equals);
  // A cookie header written as a field (`cookie=sid=…; refresh=…`) is read as the header; in a
  // URL's query (`?cookie=…&x=1`) the value ends at the next `&`, as any parameter's.
  const inQuery = start > 0 && /[?&]/.test(text.charAt(start - 1));
  const cookies = inQuery ? undefined : redactCookieField(name, match, equals + 1, marker, text, start);
  if (cookies !== undefined) return cookies ?? undefined;
  // A cookie curl's verbose output reports (`* Added cookie sid="…" for domain …`): a cookie's
  // value, as in a `Cookie` header, whatever its name; a preference's setting stays.
  if (namesCurlCookie(text, start)) {
    const cookie = unquoted(match.slice(equals + 1));
    return isPreferenceCookie(name, cookie) ? undefined : asSessionIdUnder(name, redactValue(match.slice(0, equals + 1), match.slice(equals + 1), marker, PARAMETER_TOKEN, end, false));
  }
  // A quoted value is an attribute's or an argument's, where the names only ever secret in a
  // URL's query are ordinary (`<add key="ApiKey" value="…"/>`: the setting's name).
  const value = match.slice(equals + 1);
  // A secret type's print of its mask (`password=SecretStr('**********')`) is the sender's mask.
  if (isMaskedSecretTypeAt(text, start + equals + 1)) return undefined;
  if (holdsEmptyListAt(text, start + equals + 1)) return undefined;
  const list = secretListAt(name, text, start + equals + 1);
  // A run glued after a secret's list goes with it, as after a spread bracket (`password=[a, b]!x`).
  const listAt = start + equals + 1;
  const span = list ? list + (gluedAfterList(name, text.slice(listAt, listAt + list), text, listAt + list) ?? "").length : list ?? spreadBracketAt(name, text, listAt);
  if (span !== undefined) return span === 0 ? undefined : { text: `${match.slice(0, equals + 1)}${marker}`, kind: SECRET_PARAM_KIND, length: equals + 1 + span };
  // In a URL's query or fragment a `#` starts the fragment (`?token=…#top`).
  // A URL path's parameter (`/cart;jsessionid=…?sku=1`, RFC 3986 §3.3) ends at the path's `/`, `;`, `?` or `#`.
  // A passphrase's words go to the line's next pair (`PASSPHRASE_VALUE`), a password's words of
  // letters too (`PASSWORD_WORDS_VALUE`), but in a query as any parameter's.
  // A list of recovery codes is one value (`recovery_codes=48291-37562,19283-74650`).
  const valueToken = RECOVERY_CODE_LIST.test(value) ? RECOVERY_CODE_LIST : start > 0 && QUERY_OPENERS.includes(text.charAt(start - 1)) ? QUERY_TOKEN : isPathParameter(text, start) ? PATH_PARAMETER_TOKEN : PASSPHRASE_NAME.test(name) ? PASSPHRASE_TOKEN : PASSWORD_NAME.test(name) && PASSWORD_WORDS_TOKEN.test(value) ? PASSWORD_WORDS_TOKEN : PARAMETER_TOKEN;
  const quoted = quoteOpening(value) !== "";
  const first = quoted ? unquoted(value) : firstToken(value, valueToken, end);
  if (!(quoted ? isSecretName(name) : isSecretParameterName(name)) && !isTokenInCountPlace(name, first) && !isPassPassword(name, first, quoted)) {
    return undefined;
  }
  if (keptUnderPassWord(name, first, quoted) || isPassNounAt(text, start, name)) return undefined;
  // The line's next logfmt pair is its own (`auth=ok latency_ms=4`, `auth=jwt status=200`).
  const line = quoted ? first : upToNextPair(value + lineRestAt(text, start + match.length));
  if (holdsSchemeAlone(name, line)) return undefined;
  // A scheme's word and a token after it (`X-Api-Key: Token, s3cr3t…`): both are the credential.
  const worded = quoted ? undefined : wordedCredentialEnd(name, line);
  if (worded !== undefined) return { text: `${match.slice(0, equals + 1)}${marker}`, kind: SECRET_PARAM_KIND, length: equals + 1 + worded };
  // A bare `code` or `key` outside a URL's credentials: an exit or error code, a cache key.
  if (!quoted && holdsOrdinaryValue(name, firstToken(value, valueToken, end), text, start)) return undefined;
  // A JSON object or a util.inspect one as the value (`credentials={"value":…}`,
  // `req.cookies={ sid: '…' }`): the key rules read its members as the name's (json-text.ts,
  // objects in prose), and its `{` alone is no secret.
  if (value === "{" && (end.next === '"' || opensInspectObject(text, start + equals + 1))) return undefined;
  // A count of an LLM's tokens (`tokens=42`, `tokens="42"`): digits alone are no credential there.
  const token = quoted ? unquoted(value) : firstToken(value, valueToken, end);
  if (isNamedCount(name, token) || isMemberSetting(name, token) || labelsAddress(name, token) || refersToSecret(name, token)) return undefined;
  // A session's state (`session=closed`, `session=new`) is no session's id, nor is what is not shaped as one (`session=build`).
  if (saysSessionState(name, token) || (!quoted && namesSession(name) && !isSessionIdShaped(token))) return undefined;
  if (!quoted && isCodeValue(text, start + equals + 1, name, start)) return undefined;
  // A query's value is the sender's whole value, read as an attribute's is once decoded (`?password=n%2Fa`, `&token=not+set`).
  if (inQuery && !quoted && standsInForSecret(formDecoded(token))) return undefined;
  // An outcome's word then a word shaped as a secret on a log's line: that word is the password
  // (`password=changed [REDACTED] user=bob`); other prose after `=` is read by the rules below,
  // which take the word (`login attempt user=ana password=changed from 10.0.0.5`).
  if (!quoted && isOutcomeWord(token) && inProse(name, text, start) && !isSecretCodeName(name) && WORD_AHEAD.test(text.slice(start + equals + 1 + token.length)) && !CONNINFO_KEYWORD.test(lineAround(text, start))) {
    const report = readReport(text, start + equals + 1, (word) => isStateWordUnder(name, word));
    if (report?.kept === false) return withReportSecrets(match.slice(0, equals + 1), report, text, start + equals + 1, marker);
    // Its secret marked before, the word stays (redacting twice changes nothing).
    if (report?.kept === true && line.includes("[REDACTED:")) return undefined;
  }
  // On a logfmt line, what became of the password is a field's as after a colon (`password=changed
  // user_id=42 took_ms=3`, as `password: changed`); alone, an environment's or a flag's value, it is the password.
  if (!quoted && saysPasswordState(token) && inProse(name, text, start) && NEXT_PAIR_AHEAD.test(text.slice(start + equals + 1 + token.length)) && !CONNINFO_KEYWORD.test(lineAround(text, start))) return undefined;
  if (!quoted && reportsSecretEvent(name, token)) return undefined;
  return asSessionIdUnder(name, redactValue(match.slice(0, equals + 1), value, marker, valueToken, end, inProse(name, text, start)));
}

/** `rewrite` of the value under `name`, saying that it hides a session's id under a session's name (`namesSession`). */
export function asSessionIdUnder(name: string, rewrite: Rewrite | undefined): Rewrite | undefined {
  return rewrite !== undefined && namesSession(name) ? hidingSessionIds(rewrite, SECRET_PARAM_KIND) : rewrite;
}

/**
 * Whether the parameter `name` at `start` is written in prose, where a state word after it is
 * no secret (`token=expired retry=false`): not in a URL's or a JDBC string's query (`?` or `&`
 * before it: `?user=root&password=…`) and not an environment variable (`PGPASSWORD=…`).
 */
function inProse(name: string, text: string, start: number): boolean {
  return !/[?&;]/.test(text.charAt(start - 1)) && !/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/.test(name);
}

/**
 * Whether `value`, under the secret's `name`, is an e-mail address the name labels rather than
 * the credential: a session's, a cookie's or an authorization's name (`namesSecretContext`)
 * before one whole address (`session:ana@example.com`, `auth=ana@example.com`) says whose session
 * or login it is, and a session id, a cookie or a signature is never an address. The e-mail
 * detector finds it then, counted as the address it is. Under a name holding the credential
 * itself (`password`, `token`) an address-shaped value is that credential, and stays a secret.
 */
function labelsAddress(name: string, value: string): boolean {
  // A sentence's end after the address (`session:ana@example.com.`) is no part of it, as the
  // e-mail detector, which takes the value then, reads it.
  return namesSecretContext(name) && isEmailAddress(value.replace(SENTENCE_PUNCTUATION_END, ""));
}
/**
 * Sentence punctuation ending a value, from the first mark of its run: a search tried at each
 * mark of a long run that stops before the end (`;;;…;x`) would read the rest of it from each.
 */
const SENTENCE_PUNCTUATION_END = /(?<![.,;:!?)])[.,;:!?)]+$/;

/** A GraphQL type as a variable definition writes it (`String!`, `[ID!]!`), up to what follows it. */
const GRAPHQL_TYPE = /^\[?[A-Z][A-Za-z0-9_]*!?\]?!?(?:[),=\s]|$)/;
/** `(` or `,`, blanks, `$` and a name, then the colon at the end of the text: a variable definition. */
const GRAPHQL_VARIABLE_DEFINITION = /[(,][ \t\n]*\$[A-Za-z_]\w*[ \t]*$/;

/** Whether the colon at `start` after `name` is a GraphQL operation's variable definition's (`($password: String!`, `, $ids: [ID!]`): a type follows it. */
function definesGraphQLVariable(text: string, start: number, name: string): boolean {
  return GRAPHQL_VARIABLE_DEFINITION.test(text.slice(Math.max(0, start - name.length - 64), start));
}

/**
 * A GraphQL variable as an argument's value, up to what ends it (`$token`, `$token){id}`,
 * `$token, …`): a reference to the request's variables, no value.
 */
const GRAPHQL_VARIABLE_ARGUMENT = /^\$[A-Za-z_]\w*(?:$|[),\s])/;

/** A YAML block scalar's header (YAML 1.2.2 §8.1.1: `|`, `>-`, `|2`), alone after its name. */
const BLOCK_SCALAR_HEADER = /^\|(?:[1-9]?[-+]?|[-+][1-9])$/;

/** How much of the text after a field's colon is read for an error's wording: its first words. */
const WORDING_REACH = 96;

/** Secret names that are also a sentence's or a heading's words (`redactField`). */
const WORD_HEADED_NAMES = /^(?:session|signature)$/i;

/** What ends a `var_dump` or `print_r` key after a property's visibility or class. */
const VAR_DUMP_KEY_END = /^(?::[\w\\]{1,64})?\](?:=>| => )/;

/** The name is read back from the text before the colon; it must be a secret name as an attribute key would. */
function redactField(match: string, marker: string, text: string, start: number): Rewrite | undefined {
  const valueStart = 1 + (/^[ \t]*(?:\r?\n[ \t]*)?/.exec(match.slice(1))?.[0].length ?? 0);
  // The quote after the colon closes the name's own string and the next argument is one console-arguments.ts reads (`console.log("password:", "hunter2")`): its reading.
  if (nextArgumentAt(text, start) !== undefined) return undefined;
  // A secret type's print of its mask (`password: Secret([REDACTED])`) is the sender's mask.
  if (isMaskedSecretTypeAt(text, start + valueStart)) return undefined;
  // A typed declaration's unquoted value (`password: str = hunter2`): the type and its `=` stay.
  // An authentication scheme's word is no type (`Authorization: Bearer =…`): `redactValue` reads its credentials.
  const typed = TYPED_BARE_VALUE.exec(match.slice(valueStart));
  if (typed !== null && !isAuthScheme(typed[2]!)) {
    const name = fieldNameBefore(text, start);
    const valueAt = valueStart + typed[1]!.length;
    if (!isSecretName(name) || standsForSecret(typed[3]!) || isCodeValue(text, start + valueAt, name, start)) return undefined;
    return { text: `${match.slice(0, valueAt)}${marker}`, kind: SECRET_PARAM_KIND, length: valueAt + typed[3]!.length };
  }
  const wholePlainScalarAt = WHOLE_PLAIN_SCALAR_AT();
  wholePlainScalarAt.lastIndex = start + valueStart;
  const whole = wholePlainScalarAt.exec(text)?.[0];
  const fieldValueAt = FIELD_VALUE_AT();
  fieldValueAt.lastIndex = start + valueStart;
  const token = whole === undefined || valueStart + whole.length !== match.length ? undefined : fieldValueAt.exec(text)?.[0];
  if (token === undefined) return reachingStringEnd(redactFieldValue(match, marker, text, start), match, marker, text, start, valueStart);
  // A whole placeholder (`password: ${DB_PASSWORD}`), whose first token would stop at its `}`.
  if (standsForSecret(match.slice(valueStart))) return undefined;
  // A whole plain scalar (`WHOLE_PLAIN_SCALAR`): its first token or quoted string decides, and
  // when that is replaced as a plain value, the replacement reaches to the scalar's end.
  const head = Math.min(valueStart + token.length, match.length);
  const rewrite = redactFieldValue(match.slice(0, head), marker, text, start);
  if (rewrite === undefined) return undefined;
  const value = match.slice(valueStart);
  const tokenLength = FIELD_TOKEN.exec(value)?.[0].length ?? 0;
  if (typeof rewrite === "object" && rewrite.kind === SECRET_PARAM_KIND && rewrite.text === `${match.slice(0, valueStart)}${marker}` && rewrite.length === valueStart + tokenLength) {
    // A first word that ends a sentence (`code: 7319. Next`, `key: Xk9;mQ7. Next`) ends the value.
    const word = /^\S*/.exec(value)![0];
    // A session's id is one token: what follows it is the line's (`session: abc123def456 expired`).
    // A log's next `name=` pair ends it (`password: hunter2 user=bob` keeps `user=bob`, as `password=hunter2 user=bob` does).
    const reach = endsSentence(word, value.slice(word.length)) || namesSession(fieldNameBefore(text, start)) ? valueStart + word.length : valueStart + beforeNextPair(value);
    const length = reach - sentenceEndLength(match.slice(valueStart, reach), valueEnd(text, start, start + reach));
    return { ...rewrite, length: Math.max(length, rewrite.length) };
  }
  return typeof rewrite === "string" ? { text: rewrite, kind: SECRET_PARAM_KIND, length: head } : { ...rewrite, length: rewrite.length ?? head };
}

/**
 * Whether `value` under `name` is what became of a step on the secret that the name's last word
 * names (`SECRET_EVENT_WORDS`): an outcome's word (`password_reset=sent`, `password_reset:
 * requested`). Any other value there may be the reset's code or token (`password_reset=123456`).
 */
function reportsSecretEvent(name: string, value: string): boolean {
  return SECRET_EVENT_WORDS.has(nameWords(name).at(-1) ?? "") && isOutcomeWord(value);
}
/** A name's last words that name a step done to a secret, lower case. */
const SECRET_EVENT_WORDS: ReadonlySet<string> = new Set(["reset", "rotation", "recovery", "change", "refresh"]);

/** The rewrite of a report's value at `at` in `text` after `head` (the name and its mark): only its secrets' spans marked, the prose kept. */
function withReportSecrets(head: string, report: Extract<ReportReading, { kept: false }>, text: string, at: number, marker: string): Rewrite {
  const written = text.slice(at, at + report.length);
  return { text: `${head}${withSpansReplaced(written, report.secrets, marker)}`, kind: SECRET_PARAM_KIND, length: head.length + report.length };
}

/** `text` with each of `spans` (`[start, end)`, in order, apart) replaced by `marker`. */
function withSpansReplaced(text: string, spans: readonly (readonly [number, number])[], marker: string): string {
  let written = "";
  let from = 0;
  for (const [start, end] of spans) {
    written += text.slice(from, start) + marker;
    from = end;
  }
  return written + text.slice(from);
}

/**
 * What glued after a bracketed value may make it code or markup (`FLOW_COLLECTION`): a member of
 * the list (`password: [a].b`), a regex's class repeated (`secret:[0-9a-f]{16}`, `[a-z]+`) or a
 * Markdown link's target after its text (`[Reset your password](https://…)`, `[link][1]`), as
 * `keepsCodeAfter` judges with what the bracket holds. An Authorization's credentials are read
 * before this, whatever follows their `]`.
 */
const CODE_AFTER_LIST = /^(?:\.[A-Za-z_$]|[{*+([])/;
/** A regex's repetition after its class (`{16}`, `*`, `+`). */
const REPETITION_AFTER_LIST = /^[{*+]/;
/** A regex's quantifier after its class: `{8}`, `{8,}`, `{8,64}`, `*`, `+`, `?` (`[^ ]{8,}`, `[A-Za-z0-9+/]{43}=`). */
const QUANTIFIER_AFTER_LIST = /^(?:\{\d{1,4}(?:,\d{0,4})?\}|[*+?])/;
/**
 * A regex's character class: ranges (`a-z`, `0-9`) and escapes (`\d`, `\w`), one at least, perhaps
 * negated, and the few marks a class of a token's characters lists (`[A-Za-z0-9_-]`).
 */
const REGEX_CLASS = /^\[\^?(?=[^\]]*(?:[a-z]-[a-z]|[A-Z]-[A-Z]|[0-9]-[0-9]|\\[dDwWsS]))(?:[a-z]-[a-z]|[A-Z]-[A-Z]|[0-9]-[0-9]|\\[dDwWsS]|[_.+-])+\]$/;
/**
 * A regex's class holding other marks too, which a quantifier after it confirms (`QUANTIFIER_AFTER_LIST`):
 * a leading `^` (`[^ ]`), an escape (`[\x20-\x7E]`, `[A-Za-z\d@$!%*?&]`) or a range no word holds,
 * one from `a`/`A` or to `z`/`Z` (`a-f`, `A-Z`), of digits (`0-9`) or of marks (`!-~`); a hyphen
 * inside a word (`[pass-word]*`, `s-w`) is none.
 */
const MARKED_REGEX_CLASS = /^\[(?:\^|[^\]]*(?:\\|[aA]-[a-zA-Z]|[a-zA-Z]-[zZ]|\d-\d|[!-/:-@[-`{-~]-[!-/:-@[-`{-~]))/;
/**
 * What is glued after a secret's bracketed value, up to a blank, a quote, a separator or an
 * opening bracket (`api_key: [sk]live_4eC39…`, `Authorization:[Bearer sk]/x`, `]#frag`, `]:xyz`),
 * a `]` inside it too when more is glued after that (`password: [abc]def]ghi`): the rest of the
 * same value, as after `=` (`password=[hunter2]x`). A separator (`&`, `;`, `,`) or a backslash
 * is inside the value only before a secret-shaped run (`SECRET_RUN_AFTER_SEPARATOR`:
 * `[hunter2]&Sup3rS3cretPw`, `[hunter2];Sup3r…`); before anything else it ends the value, as a
 * log's next field (`[FILTERED],host:example.com`, `[a],b:[c]`, `[req-1];foo`, `[x]&user=bob`) or a
 * JSON string's escape (`[x]\n`) follows. So is a word in quotes glued on, its quotes
 * holding no separator and opening with a letter, digit or `_` (`[x]|'hunter2'`, `[FILTERED]"hunter2"`;
 * JSON's `","` and a string's end before a concatenation, `"+"`, are none). A sentence's
 * marks and a closing `]` at its end are not (`gluedAfterList`).
 */
const GLUED_RUN_CHARACTER = String.raw`[^\s"'\`\\,;&()[\]{}<>]`;
const GLUED_QUOTED_WORD = String.raw`[A-Za-z0-9_][^\s"'\`\\,;:&()[\]{}<>]{0,127}`;
/**
 * A run after a separator that is a secret's rest: letters and digits mixed, eight or more, up to
 * the run's end or a sentence's marks before it; no field (`name:`, `name=`), words or numbers alone.
 */
const SECRET_RUN_AFTER_SEPARATOR = String.raw`(?=[A-Za-z0-9_]{0,127}[A-Za-z])(?=[A-Za-z0-9_]{0,127}\d)[A-Za-z0-9_]{8,128}(?=[.!?]{0,8}(?:$|[\s"'\`\\,;&()[\]{}<>]))`;
const GLUED_AFTER_LIST = new RegExp(
  String.raw`^(?:${GLUED_RUN_CHARACTER}|\](?=${GLUED_RUN_CHARACTER})|(?:[&;,]|\\(?![/bfnrtu]))(?=${SECRET_RUN_AFTER_SEPARATOR})|"${GLUED_QUOTED_WORD}"|'${GLUED_QUOTED_WORD}')+`,
);
/** A sentence's marks, or a `]` closing what holds the value, at the end of a glued run (`[x]y].`, `[x]y:`). */
const GLUED_RUN_END = /[\].!?:]+$/;
/**
 * What glued after a bracketed value is no part of it: a TypeScript union's next types, each a
 * type's name (`isTypeUnionAfter`), perhaps a list of it, `readonly` only before a list (`tokens: [Token]|null`,
 * `|string`, `|TokenInfo`, `|Token[]`, `[Token]|readonly Token[]`). `UNION_AFTER_LIST` reads the
 * members' words; whether they are types is their shape's question.
 */
const UNION_AFTER_LIST = new RegExp(String.raw`^(?:\|(?:readonly[ \t]+(?=[A-Za-z][A-Za-z0-9]{0,63}\[\]))?[A-Za-z][A-Za-z0-9]{0,63}(?:\[\])*(?![\w$]))+(?![^\s"'\`\\,;&()[\]{}<>.!?])`);
/** A union's member's word, its `readonly` and list's `[]` left out. */
const UNION_MEMBER_WORD = /^\|(?:readonly[ \t]+)?([A-Za-z0-9]+)/;
/** A union's member that is a keyword's or one of JavaScript's own classes, whatever the bracket holds. */
const BUILT_IN_UNION_MEMBER = /^(?:null|undefined|string|number|boolean|bigint|symbol|object|unknown|any|never|void|String|Number|Boolean|Object|Date|Error|Buffer|Promise|Array|Record|Map|Set)$/;
/** A type's name in brackets, a capitalised word (`[Token]`, `[String]`), before a union of its kind. */
const TYPE_NAME_IN_BRACKETS = /^\[[A-Z][A-Za-z]{0,63}\]$/;
/** A lower-case primitive type's name in brackets (`[string]`, `[number]`, `[int]`), before a union of types' names. */
const PRIMITIVE_IN_BRACKETS = /^\[(?:string|number|boolean|bigint|object|any|unknown|int(?:8|16|32|64)?|uint(?:8|16|32|64)?|float(?:32|64)?|bool|byte|rune)\]$/;
/**
 * A type's name of two humps or more, each a capital and lower-case letters (`TokenInfo`,
 * `HttpClient`): a capital alone (`ILoveYou`, `SuperSecretX`), capitals together (`PassWORD`,
 * `AbcDEF`) or a digit (`RedDragon7`) is no hump of a type's name.
 */
const HUMPED_TYPE_NAME = /^[A-Z][a-z]+(?:[A-Z][a-z]+)+$/;
/** After a bracketed type's name, any capitalised word of letters is a type's too (`[String]|Null`, `[Token]|Token[]`). */
const CAPITALISED_TYPE_NAME = /^[A-Z][A-Za-z]{0,63}$/;

/**
 * Whether each member of the union glued after `flow` (`UNION_AFTER_LIST`'s match) is a type's
 * name: a built-in one, a listed numbered name after a bracket holding a type's name, under no
 * code's name (`[Token]|OAuth2Token`: `NUMBERED_TYPE_NAMES`; `[x]|OAuth2Token` is a password's), or a capitalised word,
 * humps of letters too (`[Token]|TokenInfo`, `[Token]|Sunshine`), when the bracket holds a type's name itself, or humps
 * alone (`HUMPED_TYPE_NAME`) after a primitive's (`[string]|SecretInfo`), never shaped as a secret (`SECRET_SHAPED_WORD`). A capitalised word after another bracket, humps too (`[x]|Sunshine`, `[x]|SuperSecret`:
 * a mask's bracket, no type beside it),
 * capitals (`|ABCDEFGH`, `|PassWORD`), a word with digits (`|hunter2`, `|RedDragon7`) or a key's
 * mixed humps (`|Zx9Kq2Lm7Pw4abcd`) is a password glued to the bracket, one value with it.
 */
function isTypeUnionAfter(name: string, flow: string, union: string): boolean {
  const typeInBrackets = TYPE_NAME_IN_BRACKETS.test(flow);
  return union.split(/(?=\|)/).every((member) => {
    const word = UNION_MEMBER_WORD.exec(member)?.[1] ?? "";
    if (BUILT_IN_UNION_MEMBER.test(word)) return true;
    if (SECRET_SHAPED_WORD.test(word)) return false;
    if (NUMBERED_TYPE_NAMES.has(word)) return typeInBrackets && !isSecretCodeName(name);
    // Humps are a type's only beside a type (`[string]|SecretInfo`): after a mask's bracket (`[x]|SuperSecret`) they are a password's.
    if (typeInBrackets) return CAPITALISED_TYPE_NAME.test(word);
    return PRIMITIVE_IN_BRACKETS.test(flow) && HUMPED_TYPE_NAME.test(word);
  });
}
/**
 * A host's port, perhaps a database's number, glued after a bracketed host and ending the run
 * (`session: [10.0.0.1]:6379`, `[redis-1]:6379/0`, `auth: [::1]:443`): an address, no part of the
 * value; `gluedAfterList` reads it so only after a host (`HOST_IN_BRACKETS`, an IPv6 address) and
 * under no code's name, where `:5678` is more of the PIN (`pin: [1234]:5678`).
 */
const PORT_AFTER_LIST = /^:\d{1,5}(?:\/\d{1,2})?(?![^\s"'`\\,;&()[\]{}<>.!?])/;
/** A host's name or IPv4 address in brackets: a letter or a dot in it (`[10.0.0.1]`, `[redis-1]`; `[1234]` is no host). */
const HOST_IN_BRACKETS = /^\[(?=[^\]]*[A-Za-z.])[A-Za-z0-9.-]{1,253}\]$/;
/** A Go slice type's element after its `[]` (`[]string(nil)`, `[]byte{…}`, `[]*T`): Go's print of a type, no value (`gluedAfterList`). */
const GO_SLICE_ELEMENT = /^(?:\*|\[|map\[|(?:string|byte|rune|bool|u?int(?:8|16|32|64)?|uintptr|float(?:32|64)|complex(?:64|128)|any|error|interface|struct)(?!\w))/;
/**
 * A Go array type's length in brackets, one of the sizes keys, hashes and nonces are declared with
 * (`[32]byte`, `[16]byte`, `[20]byte`): other numbers before a type's word (`[1234]byte`) are read
 * as any other bracket.
 */
const GO_ARRAY_LENGTH = /^\[(?:1|2|4|8|12|16|20|24|28|32|48|64|128|256|512)\]$/;
/**
 * A Go array's element type after its length: one of Go's built-in type words with nothing glued
 * after it (`[32]byte`, `[16]uint8`); a pointer, a nested list, a map or a literal's items
 * (`[8]*hunter2`, `[2]map[…]`, `[4]uint8{0xde, …}`) is read as any other bracket, a password's run.
 */
const GO_ARRAY_ELEMENT = /^(?:string|byte|rune|bool|u?int(?:8|16|32|64)?|uintptr|float(?:32|64)|complex(?:64|128))(?=$|[\s"'`,;)\]}>.!?])/;
/** A Go slice literal of strings or bytes after its `[]`, its items in braces or a conversion's parentheses (`[]string{"a", "b"}`, `[]byte("x")`). */
const GO_SLICE_LITERAL = /^(?:string|byte|rune)(?:\{[^{}\n]{0,200}\}|\([^()\n]{0,200}\))/;
/**
 * A string in a Go literal that holds something: a quoted or raw string with a character in it
 * that is no quote nor backslash (JSON's escaped empty string, `\"\"`, holds none).
 */
const GO_STRING_ITEM = /"[^"\n]*[^"\\\n][^"\n]*"|`[^`\n]+`/;
/** How far after a bracket `gluedAfterList` reads. */
const GLUED_REACH = 256;

/**
 * What is glued after `flow`, a bracketed value under `name`, at `at` in `text`, and goes with it
 * (`GLUED_AFTER_LIST`, or after code that is none `gluedCodeRun`); "" when nothing is or what
 * follows is apart from it (`UNION_AFTER_LIST`; a port, `PORT_AFTER_LIST`, after a host under no
 * code's name: `pin: [1234]:5678` is one PIN); undefined when code or markup follows
 * (`keepsCodeAfter`: `[a].b`, a Markdown link's target; a Go slice's type, `[]string(nil)`).
 */
function gluedAfterList(name: string, flow: string, text: string, at: number): string | undefined {
  const after = text.slice(at, at + GLUED_REACH);
  // Go's array type (`[32]byte`) is no value, as its slice type is not; under a code's name `[1234]` is the code.
  if (GO_ARRAY_LENGTH.test(flow) && !isSecretCodeName(name) && GO_ARRAY_ELEMENT.test(after)) return undefined;
  if (flow === "[]") {
    // Go's slice literal holding a string is that string's value (`[]string{"hunter2"}`, `[]byte("hunter2")`); its type alone is none.
    const literal = GO_SLICE_LITERAL.exec(after)?.[0];
    if (literal !== undefined && GO_STRING_ITEM.test(literal)) return literal;
    if (GO_SLICE_ELEMENT.test(after)) return undefined;
  }
  if (CODE_AFTER_LIST.test(after)) return keepsCodeAfter(flow, after) ? undefined : gluedCodeRun(after);
  const union = UNION_AFTER_LIST.exec(after)?.[0];
  if (union !== undefined && isTypeUnionAfter(name, flow, union)) return "";
  if (PORT_AFTER_LIST.test(after) && (HOST_IN_BRACKETS.test(flow) || isBracketedIpv6(flow)) && !isSecretCodeName(name)) return "";
  return (GLUED_AFTER_LIST.exec(after)?.[0] ?? "").replace(GLUED_RUN_END, "");
}

/**
 * Whether code or markup glued after `flow` (`CODE_AFTER_LIST`) keeps the bracket as what code
 * writes: a repetition only after a regex's class (`REGEX_CLASS`: `[0-9a-f]{16}`; or, before a
 * quantifier, `MARKED_REGEX_CLASS`: `[A-Za-z\d@$!%*?&]{8,}`; `[hunter2]*x`, `[hunter2]{x}` are a
 * password), a member or a link's target after a regex's class or words no password is shaped as
 * (`[a].b`, `[Reset your password](…)`, `[link][1]`), a call or a known member after any list
 * (`MEMBER_CALL_AFTER_LIST`: `[tok_1].map(f)`), a link after a file's, an anchor's or a document's
 * name (`LINK_TEXT_WORD`: `[README.md](README.md)`). Otherwise one word shaped as a password in the
 * bracket (`isPasswordShaped`: `[hunter2].com`, `[hunter2](http://…)`) is the secret a logger
 * printed, whatever follows it.
 */
function keepsCodeAfter(flow: string, after: string): boolean {
  if (REGEX_CLASS.test(flow) || (MARKED_REGEX_CLASS.test(flow) && QUANTIFIER_AFTER_LIST.test(after))) return true;
  if (REPETITION_AFTER_LIST.test(after)) return false;
  const words = flow.slice(1, -1).trim();
  return !isPasswordShaped(words) || MEMBER_CALL_AFTER_LIST.test(after) || (LINK_TEXT_WORD.test(words) && LINK_TARGET_AFTER_LIST.test(after));
}
/**
 * A member code reads after a list: a call (`.map(f)`, `.concat(x)`) or one of the members
 * JavaScript's lists and objects are read by (`.length`, `.value`, `.data`), a word ending there
 * (`[tok_1].map(f)`, `[k8s].data`); `[hunter2].com` is a domain's tail.
 */
const MEMBER_CALL_AFTER_LIST =
  /^\.(?:[A-Za-z_$][\w$]*\(|(?:length|size|value|values|data|keys|entries|items|map|filter|join|concat|slice|first|last|name|type|id)(?![\w$]))/;
/**
 * A Markdown link's text that is a file's, an anchor's or a document's name, not a password: words
 * of letters alone or numbers alone joined by `-`, `_`, `.` or `/` (`README.md`, `docs/auth.md`,
 * `step-2`, `RFC-7617`, `link-1`); one word mixing letters and digits (`hunter2`) is a password's.
 */
const LINK_TEXT_WORD = /^(?:[A-Za-z]+|\d+)(?:[-_./](?:[A-Za-z]+|\d+))+$/;
/** A Markdown link's target: a URL, a path, an anchor (`(https://…)`, `(docs/auth.md)`, `(#step-2)`), or a reference (`[1]`). */
const LINK_TARGET_AFTER_LIST = /^(?:\((?:[a-z][a-z0-9+.-]*:\/\/|[#./]|[\w-]+[./])[^\s()]*\)|\[[\w-]{1,32}\])/;

/**
 * The run glued after a bracketed value that code does not keep (`keepsCodeAfter`): up to a blank,
 * a quote, a separator or a closing bracket that none in the run opened (`{x}`, `(http://evil)`
 * and `.com` go; `)` closing a sentence's parenthesis stays), a sentence's marks at its end left.
 * A bracket the run opened and did not close stays with what follows it, so the marker never
 * cuts a pair (`password: [hunter2](see docs)` keeps `(see docs)`).
 */
function gluedCodeRun(after: string): string {
  const opened: number[] = [];
  let end = 0;
  for (; end < after.length; end++) {
    const character = after.charAt(end);
    if (GLUED_CODE_END.test(character)) break;
    if (OPENING_BRACKET.test(character)) opened.push(end);
    else if (CLOSING_BRACKET.test(character) && opened.pop() === undefined) break;
  }
  return after.slice(0, opened[0] ?? end).replace(SENTENCE_MARKS_END, "");
}
/** A sentence's marks at the end of a glued run (`[hunter2][1].`). */
const SENTENCE_MARKS_END = /[.!?:]+$/;
/** What ends a glued run of code: a blank, a quote, a backslash, a separator or an angle bracket. */
const GLUED_CODE_END = /^[\s"'`\\,;&<>]$/;
/** `(`, `[` or `{`. */
const OPENING_BRACKET = /^[([{]$/;

/**
 * A run glued after a bracket that shows no value (a mask, a type's name, inspect's elision, an
 * empty list, a scheme's masked credentials) that carries a credential: three letters or digits or
 * more, marks between them (`[FILTERED]hunter2`, `[Bearer ***]sk_live_abc`); one or two
 * (`[Bearer abc***]x`, `[String]s`) are none, and the bracket stays as it is.
 */
const CREDENTIAL_TAIL = /(?:[A-Za-z0-9][^A-Za-z0-9]*){3}/;

/** A list of two strings in single quotes, blanks around (`['ana', 'hunter2x9']`), as the login pair's rule reads it. */
const STRING_PAIR = /^\[[ \t]*'[^'\s]{1,128}'[ \t]*,[ \t]*'[^'\s]{1,128}'[ \t]*\]$/;

/** Whether a quote closes the name before the colon at `start` (`"auth":`, `\\"auth\\" :`), as a JSON member's name. */
function closesQuotedName(text: string, start: number): boolean {
  return QUOTED_NAME_END.test(text.slice(Math.max(0, start - 8), start));
}
const QUOTED_NAME_END = /[A-Za-z0-9_]\\{0,7}"[ \t]*$/;

/**
 * `rewrite`, the first token of a value replaced in a string that the secret's name opens
 * (`{"msg":"password: changed Xk9mQ7vLp"}`, where no whole plain scalar ends at a line's end),
 * reaching over the words after it to the string's closing quote, as the whole plain scalar
 * reaches to the end of a line the name opens (`password: changed Xk9mQ7vLp` loses all of it):
 * a secret after a word of a report goes in both forms. Unchanged when the first token ends a
 * sentence (`password: hunter2. Retrying`) or anything but words (a `|`, `,`, `;`, `=`, a quote)
 * comes before that quote, and when the value is bracketed: it ends at its own `]` or `}`, or at
 * the end of a run glued after it (`[hunter2]*x more words`), as in plain text
 * (`{"msg":"X-Api-Key:[…] Host:[api.example.com]"}`, a header dump in a string, keeps `Host`).
 */
function reachingStringEnd(rewrite: Rewrite | undefined, match: string, marker: string, text: string, start: number, valueStart: number): Rewrite | undefined {
  const replaced = `${match.slice(0, valueStart)}${marker}`;
  const length = typeof rewrite === "string" ? (rewrite === replaced ? match.length : undefined) : rewrite?.kind === SECRET_PARAM_KIND && rewrite.text === replaced ? (rewrite.length ?? match.length) : undefined;
  if (length === undefined || quoteOpening(match.slice(valueStart)) !== "") return rewrite;
  // A run glued after the bracket (`[hunter2]*x`) is bounded by it as in plain text; the words after it stay.
  const bracketed = BRACKETED_VALUE.test(match.slice(valueStart));
  if (bracketed && (length > match.length || NEXT_BRACKETED_MEMBER.test(text.slice(start + length, start + length + NEXT_MEMBER_REACH)))) return rewrite;
  const name = fieldNameBefore(text, start);
  if (!STRING_OPENING.test(text.slice(Math.max(0, start - name.length - 16), start - name.length))) return rewrite;
  const rest = STRING_REST.exec(text.slice(start + length, start + length + LINE_REST_REACH))?.[1];
  if (rest === undefined || endsSentence(match.slice(valueStart, length), rest)) return rewrite;
  return { text: replaced, kind: SECRET_PARAM_KIND, length: length + rest.length };
}
/**
 * A wiki's link, a page's name of two words of letters or more joined by `-` or a blank in double
 * brackets (`[[reset-password]]`, `[[api-tokens]]`, `[[Password Policy]]`); one word
 * (`[[hunter2]]`, `[[abc]]`) is read as a nested sequence.
 */
const WIKI_LINK = /^\[\[[A-Za-z][a-z]{0,31}(?:[- ][A-Za-z][a-z]{0,31}){1,7}\]\]$/;
/** `flow` without its outer bracket when it is a sequence nested once in another (`[[hunter2]]` is read as `[hunter2]`, `[[Token]]` as `[Token]`). */
function withoutOuterBracket(flow: string): string {
  return flow.startsWith("[[") ? flow.slice(1, -1) : flow;
}

/**
 * A run glued after a bracket up to its first separator (`GLUED_AFTER_LIST` goes past one only
 * before a secret-shaped run): past a bracket that shows no value (a mask, a placeholder, a log's
 * level: `[FILTERED],user_12345678`, `[INFO]&page2of10`) the run after a separator is the next field's.
 */
function beforeSeparator(glued: string): string {
  const separator = glued.search(/[&;,\\]/);
  return separator < 0 ? glued : glued.slice(0, separator);
}
/** A value in brackets or braces, closed by its own (`FLOW_COLLECTION`, `STRING_LIST`). */
const BRACKETED_VALUE = /^[[{].*[\]}]$/s;
/**
 * After a bracketed value, the next member of a header dump (` Accept:[*\/*]`, Java's
 * ` Host=[…]`): the value ended at its own bracket. Any other words after it may be the secret
 * typed after a list (`password: [user1] Xk9mQ7vLpW2`), so the string's end is reached as before.
 */
const NEXT_BRACKETED_MEMBER = /^[ \t]+[A-Za-z][\w.-]{0,63}[:=][ \t]*[[{]/;
/** How far `NEXT_BRACKETED_MEMBER` reads: its blank, a 64-character name, `:` and the bracket. */
const NEXT_MEMBER_REACH = 80;
/** A JSON string's opening quote, escaped or not, as a member's value or an array's item, or a quoted line's. */
const STRING_OPENING = /(?:^|[:,[][ \t]*)\\{0,7}"$/;
/** Blank-separated words (no quote, backslash, `|`, `,`, `;` or `=`) up to a string's closing quote, escaped or not. */
const STRING_REST = /^((?:[ \t]+[^\s"\\|,;=]+)+)(?=\\{0,7}"(?:[ \t]*[,}\]]|[ \t]*$))/;

/**
 * A blank run and a log's next pair's `name=` with a value after it (`user=bob`; not a token68's
 * `==` padding). The run is taken whole, from its first blank: a search is tried at every
 * position, and one starting inside the run would read the rest of it again at each blank
 * (quadratic in a long run); a pair after the run is found from its first blank all the same.
 */
const NEXT_PAIR = /(?<![ \t])[ \t]+[A-Za-z_][\w.-]{0,63}=(?=[^\s=])/;

/** A libpq connection string's keyword and `=` (PostgreSQL, "Parameter Key Words"): there the password's pair is the password whatever it says. */
const CONNINFO_KEYWORD = /(?:^|[ \t])(?:host|hostaddr|dbname|port|sslmode|connect_timeout)=/;

/** The line of `text` holding `at`. */
function lineAround(text: string, at: number): string {
  const end = text.slice(at).search(/[\r\n]/);
  return text.slice(text.lastIndexOf("\n", at) + 1, end < 0 ? text.length : at + end);
}

/** A blank and a word that is no `name=value` pair right at a text's start: prose goes on. */
const WORD_AHEAD = /^[ \t]+(?![A-Za-z_][\w.-]{0,63}=)[^\s=]/;

/** A next pair (`NEXT_PAIR`) right at a text's start. */
const NEXT_PAIR_AHEAD = new RegExp(`^${NEXT_PAIR.source}`);

/** How much of `value`, a whole plain scalar, comes before a next pair (`NEXT_PAIR`): all of it when none follows. */
function beforeNextPair(value: string): number {
  const next = NEXT_PAIR.exec(value);
  return next === null ? value.length : next.index;
}

/**
 * Whether `word`, lower case, says a secret's state under `name`: a state's word any secret's
 * name takes (`isStateWhole`: `invalid`, `wrong`, `expired`) or, after another language's
 * password word, that language's (`Passwort: falsch`, `keptUnderPassWord`). A report's reading
 * (`readReport`) counts it as an outcome's word.
 */
function isStateWordUnder(name: string, word: string): boolean {
  return isStateWhole(word) || (passWordReading(name) === PassWord.NONE && keptUnderPassWord(name, word));
}

/**
 * `value` before a next pair (`beforeNextPair`), unless an authentication scheme's word and its
 * list of parameters open it (RFC 9110 §11.4's auth-params, `,`-joined: `Digest username="…",
 * realm=…`, `AWS4-HMAC-SHA256 Credential=…, …`): those pairs are the credentials' own. The
 * scheme's word is asked first, reading a bounded start (`opensWithAuthScheme`): the list's
 * regex, tried first, read a long blank-free value to its end and back at every field of it.
 */
function upToNextPair(value: string): string {
  return opensWithAuthScheme(value) && SCHEME_PARAMETER_LIST.test(value) ? value : value.slice(0, beforeNextPair(value));
}
/** A word, blanks, and a first parameter whose value, quoted or not (in escaped quotes too), a `,` ends. */
const SCHEME_PARAMETER_LIST = /^\S+[ \t]+[\w-]+[ \t]*=[ \t]*(?:\\*"[^"\\]*\\*"|[^\s,"\\]*)[ \t]*,/;

/** `redactField` for a match whose value is the field's first token or quoted string. */
function redactFieldValue(match: string, marker: string, text: string, start: number): Rewrite | undefined {
  // A pair's value member is read by the name its sibling gives it (`{"name":"DB_PASSWORD","value":…}`).
  const name = fieldNameBefore(text, start);
  // `tokens:revoked:2026-12-01`, `session:?`: a key's namespace, glued to its part (key-namespaces.ts).
  if (gluedColon(match, text, start) && isKeyNamespace(name, /^\S*/.exec(match.slice(1))![0], lineBefore(text, start), text, start + 1)) return undefined;
  // A configuration path looked up by its key (`GetValue<string>("Jwt:Secret")`, `Configuration["Jwt:Issuer"]`): names, no value.
  if (gluedColon(match, text, start) && isQuotedKeyAt(text, start)) return undefined;
  // An ARN's resource type and name (`arn:aws:secretsmanager:…:secret:prod/db-AbCdEf`): a name, no value.
  if (isInArn(text, start)) return undefined;
  // A message template's token and its format (`{ApiKey:l}`, `{Password:x}`): a hole, no value.
  if (gluedColon(match, text, start) && isFormattedPropertyToken(text, start - name.length, start)) return undefined;
  if (holdsGoEmptyValue(match, text, start)) return undefined;
  const valueStart = 1 + (/^[ \t]*(?:\r?\n[ \t]*)?/.exec(match.slice(1))?.[0].length ?? 0);
  const cookies = redactCookieField(name, match, valueStart, marker, text, start);
  if (cookies !== undefined) return cookies ?? undefined;
  const typed = TYPED_DEFAULT_HEAD.exec(match.slice(valueStart));
  if (typed !== null && /["']$/.test(match)) {
    return isSecretName(name) ? redactStringLiterals(match.slice(0, valueStart + typed[0].length), match.slice(valueStart + typed[0].length), marker) : undefined;
  }
  if (HASHED_ANGLED_VALUE.test(match.slice(valueStart))) return isSecretName(name) ? `${match.slice(0, valueStart)}${marker}` : undefined;
  const opening = match.charAt(valueStart);
  if ((opening === "[" || opening === "{") && !/["'`]/.test(match.slice(valueStart))) {
    const flow = match.slice(valueStart);
    // Nothing is glued after braces, but code keeps them too (`password: {a}.b`).
    const end = start + match.length;
    // Inspect's print of a built-in object past its depth names a class under any name (`{ pin: [Uint8Array] }`).
    if (isInspectedBuiltIn(flow, text, start, end)) return undefined;
    const glued = flow.startsWith("[") ? gluedAfterList(name, flow, text, end) : CODE_AFTER_LIST.test(text.slice(end, end + 2)) ? undefined : "";
    // A code's continuation glued after its list goes with it (`pin: [1234]:5678`).
    if (holdsSecretNumberList(name, flow)) return { text: `${match.slice(0, valueStart)}${marker}`, kind: SECRET_PARAM_KIND, length: match.length + (glued ?? "").length };
    if (!isSecretName(name)) return undefined;
    // A wiki's link to a page named by kebab-case words (`password: [[reset-password]]`) is no value.
    if (!glued && WIKI_LINK.test(flow)) return undefined;
    if (holdsOneSchemeCredential(name, flow)) {
      // With nothing glued after the `]` the scheme's word stays; a glued run makes it one value, as after `=` (`Authorization:[Bearer sk]live_…`), but a mask stays before a run carrying no credential (`[Bearer abc***]x`).
      if (!glued) {
        const token = tokenAfterMaskEnd(flow, text, end);
        if (token > end) return { text: `${match.slice(0, valueStart)}${marker}`, kind: SECRET_PARAM_KIND, length: token - start };
        return redactBracketedCredential(match.slice(0, valueStart), flow, marker);
      }
      if (showsNoCredential(flow) && !CREDENTIAL_TAIL.test(beforeSeparator(glued))) return undefined;
    }
    if (glued === undefined) return undefined;
    // A bracket that shows no value (a mask, a type's name, an elision, `[]`) before a run carrying a credential (`CREDENTIAL_TAIL`) is that credential's (`[FILTERED]hunter2`), up to a separator: what follows one is the log's next field (`[FILTERED],abc12345678`).
    const ownRun = beforeSeparator(glued);
    if (holdsFlowSecret(name, withoutOuterBracket(flow), () => definesGraphQLVariable(text, start, name), ownRun !== "")) {
      return { text: `${match.slice(0, valueStart)}${marker}`, kind: SECRET_PARAM_KIND, length: match.length + glued.length };
    }
    if (!CREDENTIAL_TAIL.test(ownRun)) return undefined;
    return { text: `${match.slice(0, valueStart)}${marker}`, kind: SECRET_PARAM_KIND, length: match.length + ownRun.length };
  }
  if (opening === "[") {
    // Two strings in single quotes after a login word are a user and a password, read by the login pair's rule (secret-assignment.ts: `AUTH: ['ana','…']`).
    if (LOGIN_WORDS.includes(name.toLowerCase()) && STRING_PAIR.test(match.slice(valueStart))) return undefined;
    // Codes in quotes go as unquoted ones do (`pins: ["1234", "5678"]`), each string's quotes kept.
    if (holdsSecretNumberStrings(name, match.slice(valueStart))) return redactStringLiterals(match.slice(0, valueStart), match.slice(valueStart), marker);
    return isSecretName(name) && !isNamedCount(name, match.slice(valueStart)) ? redactStringLiterals(match.slice(0, valueStart), match.slice(valueStart), marker) : undefined;
  }
  const blockQuotes = BLOCK_STRING_QUOTES.exec(match.slice(valueStart))?.[0];
  if (blockQuotes !== undefined) {
    return isSecretName(name) ? redactBlockString(match.slice(0, valueStart), match.slice(valueStart), blockQuotes, marker) : undefined;
  }
  const grouped = GROUPED_CODE.test(match.slice(valueStart));
  if (grouped && isSecretCodeName(name)) return `${match.slice(0, valueStart)}${marker}`;
  // Elsewhere a group is a number of its own (`"token": 1234 5678` keeps both).
  const value = grouped ? match.slice(valueStart, match.indexOf(" ", valueStart)) : match.slice(valueStart);
  const end = valueEnd(text, start, start + match.length);
  // A plain scalar ends before a log's next pair (`password: changed user_id=42`), as a report's reading does.
  const bare = quoteOpening(value) === "" ? upToNextPair(withoutSentenceEnd(value, end)) : withoutSentenceEnd(value, end);
  // A quoted value is whole; a plain scalar's words after `pass` alone are a verdict's as often (`keptUnderPassWord`).
  const delimited = quoteOpening(bare) !== "";
  if (!isSecretName(name) && !isTokenInCountPlace(name, unquoted(bare)) && !isPassPassword(name, unquoted(bare), delimited)) return undefined;
  // Terraform's progress line about a resource named for a secret (`random_password.db: Creation complete after 0s [id=none]`): a status, no value.
  if (!delimited && isTerraformProgressAt(text, start, start + valueStart)) return undefined;
  const line = delimited ? unquoted(bare) : upToNextPair(match.slice(valueStart) + lineRestAt(text, start + match.length));
  // A rule for the password's length (`Passwort: mindestens 12 Zeichen`, `password: at least 12 characters`) holds none; a value after it is the password's.
  const rule = delimited ? undefined : passwordRuleAt(text, start + valueStart);
  if (rule !== undefined) return rule.kept ? undefined : { text: `${match.slice(0, valueStart)}${marker}`, kind: SECRET_PARAM_KIND, length: valueStart + rule.length };
  // A report of what happened, every word of the whole value a report's (`auth: jwt verified in
  // 4ms`, `password: reset email queued for delivery`), stays; after a state's or outcome's word
  // only the words shaped as a secret go and the prose stays (`password: changed for user 42,
  // [REDACTED]`, `password: failed [REDACTED] for user 42`), before a state's word alone is kept
  // below. A code's name holds its code whatever follows (`pin: changed in 4821`).
  const report = delimited || isSecretCodeName(name) ? undefined : readReport(text, start + valueStart, (word) => isStateWordUnder(name, word));
  if (report?.kept === false) return withReportSecrets(match.slice(0, valueStart), report, text, start + valueStart, marker);
  if (keptUnderPassWord(name, unquoted(bare), delimited) || isPassNounAt(text, text.lastIndexOf(name, start), name)) return undefined;
  if (report?.kept === true) return undefined;
  // A generated credential's name before an outcome's word alone (`token: ok`, `session_token: verified`):
  // no one generates that word; under a password's name it may be the password (`password: ok`).
  if (!delimited && isOutcomeWord(bare) && (namesToken(name) || reportsSecretEvent(name, bare))) return undefined;
  // A scheme's word as the name (`Authorization: Token: abgelaufen`) names no language: any one's state word is a state.
  if (!delimited && isAuthScheme(name) && isStateInAnyLanguage(bare)) return undefined;
  // The name as the object of a wrapped error's step (Go's `failed to build token: %w`): the cause follows.
  if (!delimited && wrapsErrorBefore(text.slice(Math.max(0, start - 48), text.lastIndexOf(name, start))) && isWrappedCause(line)) return undefined;
  if (holdsSchemeAlone(name, line)) return undefined;
  const worded = delimited ? undefined : wordedCredentialEnd(name, line);
  if (worded !== undefined) return { text: `${match.slice(0, valueStart)}${marker}`, kind: SECRET_PARAM_KIND, length: valueStart + worded };
  // An error's name before a token, in prose (`password: AuthError: hunter2x9`): the token goes with it.
  const errorNamed = delimited ? undefined : errorNamedValueEnd(line);
  if (errorNamed !== undefined) return { text: `${match.slice(0, valueStart)}${marker}`, kind: SECRET_PARAM_KIND, length: valueStart + errorNamed };
  // `pwd: /home/app`: the working directory, as `pwd=/home/app` is (bare-parameters.ts).
  if (name.toLowerCase() === "pwd" && isDirectoryPath(unquoted(bare))) return undefined;
  // Booleans and null pass, as they do under such keys; a number is the secret (`password:
  // 1234`, a PIN), as under such keys, but a count of tokens (`tokens: 42`) and, after `session`
  // or `signature`, a heading's number (below) are not.
  if (/^(?:true|false|null)$/.test(bare)) return undefined;
  // A short number, unquoted, under a token's name is a count (`"token":512`), as that JSON
  // number under the same key is (key-rules.ts, `shortCounts`).
  if (namesToken(name) && isShortCount(bare)) return undefined;
  // A JSON member's number under a name that names no code (`"auth":3`, `"password":0`) is read
  // as the key rules read that number (redact-request.ts, `holdsNoSecretNumber`).
  if (closesQuotedName(text, start) && !isSecretCodeName(name) && isFlagOrCountUnder(name, bare)) return undefined;
  // A name's value is one word: what a blank follows is the line's next field (`existingSecret: db-creds existingSecretPasswordKey: password`).
  if (labelsAddress(name, unquoted(bare)) || refersToSecret(name, unquoted(bare).split(/[ \t]/, 1)[0]!)) return undefined;
  // A YAML block scalar's header (`password: |`): its value is on the lines below (yaml-members.ts).
  if (BLOCK_SCALAR_HEADER.test(value) && (end.next === "" || end.next === "\n" || end.next === "\r")) return undefined;
  // A field's state word says what became of the password (`password: changed`, `password:
  // expired`); as a flag's or a connection string's value (`--password=changed`) it is the password.
  if (saysPasswordState(bare)) return undefined;
  // An error's words about the credential (`password: cannot be blank.`, `invalid token:
  // signature is invalid`, golang-jwt's `jwt: token contains an invalid number of segments`),
  // read past the first token the match may stop at, are no value.
  if (quoteOpening(value) === "" && readsAsWording(text.slice(start + valueStart, start + valueStart + WORDING_REACH))) return undefined;
  // `session` and `signature` alone head a line or a sentence as often as they name a session
  // id or a signature (`Morning session: Keynote`): a word of letters there is no credential.
  if (WORD_HEADED_NAMES.test(name) && /^[A-Za-z]{1,15}$/.test(bare)) return undefined;
  // PHP's `var_dump` and `print_r` name a property's visibility, and a private one's class, after
  // its name (`["password":protected]=>`, `["password":"User":private]=>`, `[password:protected]
  // => `, `[token:App\User:private] => `): the value follows the `=>` (secret-assignment.ts).
  if (VAR_DUMP_KEY_END.test(text.slice(start + match.length, start + match.length + 16))) return undefined;
  // A GraphQL variable passed as an argument (`login(password: $password)`, `login(senha:$s)}`,
  // `viewer(token:$token){id}`, where the `)` closing the call and the selection after it are
  // read with the token): the secret is in the variables, which are read by their own names.
  if (end.opened && GRAPHQL_VARIABLE_ARGUMENT.test(value)) return undefined;
  // A GraphQL operation's variable definitions (`mutation Login($password: String!, $ids:
  // [ID!])`): after `(` or `,` and `$name`, the value is the variable's type, never a secret.
  if (GRAPHQL_TYPE.test(value) && definesGraphQLVariable(text, start, name)) return undefined;
  // A word and a quoted name is a sentence naming an object, as Kubernetes events write
  // them: `volume "db-password" : secret "db-password" not found`.
  if (/^[a-z]{1,15}$/.test(value) && /^[ \t]+"/.test(text.slice(start + match.length))) return undefined;
  // A group of a grouped number outside a code's name is a number of its own (`"token": 1234 5678`), kept as before.
  if (/^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(bare) && (WORD_HEADED_NAMES.test(name) || grouped)) return undefined;
  // A count of an LLM's tokens as a string (`"tokens": "42"`), as the key rule keeps it.
  if (isNamedCount(name, unquoted(bare))) return undefined;
  // Under a session's name only an id's shape is its id (`session: created for user 42`, `session: 3600s`,
  // `"session": "active"` stay), quoted or not, as under the same key (key-rules.ts).
  if (namesSession(name) && !isSessionIdShaped(quoteOpening(value) === "" ? firstToken(value, FIELD_TOKEN, end) : unquoted(bare))) return undefined;
  // Code after the name (`token: this.token`, `apiKey: options.apiKey,`) names where the secret comes from.
  if (quoteOpening(value) === "" && isCodeValue(text, start + valueStart, name, start - name.length)) return undefined;
  // A collection's setting as its member (`secrets.refresh: 300s`, `tokens.host: auth.internal:8443`).
  if (isMemberSetting(name, unquoted(bare))) return undefined;
  // An unquoted argument of a call (`viewer(token: abc){id}`) ends at the `)` closing it: what
  // follows is the query's, scanned again.
  const close = end.opened && quoteOpening(value) === "" && !WRAPPER_OPENING.test(value) ? unopenedClose(value) : -1;
  if (close > 0) return asSessionIdUnder(name, redactValue(match.slice(0, valueStart), value.slice(0, close), marker, FIELD_TOKEN, { ...end, next: ")" }, true));
  return asSessionIdUnder(name, redactValue(match.slice(0, valueStart), value, marker, FIELD_TOKEN, end, true));
}

/**
 * Whether the field at `start` is a member of a Go map or struct as `%v` and `%+v` print it
 * (`map[password: user:ana]`, `&{Name:ana Password: Token:x}`) whose value is empty: its colon
 * glued to its name, then a blank and the next member's glued `Name:`, the members before it
 * glued too. The next member is no value.
 */
function holdsGoEmptyValue(match: string, text: string, start: number): boolean {
  return start > 0 && isNameCharacter(text.charCodeAt(start - 1)) && GO_NEXT_MEMBER.test(match) && GO_MEMBERS_BEFORE.test(lineBefore(text, start));
}
/** A field's colon, blanks and a Go member's glued `Name:` and value. */
const GO_NEXT_MEMBER = /^:[ \t]+[A-Za-z_]\w{0,63}:(?![ :=/\\])[^\s\]}]/;
/**
 * A Go map's or struct pointer's opening (`map[`, `&{`), glued members (`Name:value`, no blank or
 * `:` in the value) and a name; after a bare `{` (also a YAML flow map's: `{password: a:b}`), a
 * glued member before the name or an exported field's capital (`{Password: User:ana}`).
 */
const GO_MEMBERS_BEFORE = /(?:map\[|&\{)(?:[A-Za-z_]\w{0,63}:[^\s:]*[ \t]+)*[A-Za-z_]\w{0,63}$|\{(?:[A-Za-z_]\w{0,63}:[^\s:]*[ \t]+)+[A-Za-z_]\w{0,63}$|\{[A-Z]\w{0,63}$/;

/**
 * Whether the value at `at` is a list holding no value (`[]`, `[""]`, `['']`: Spring's
 * `{Authorization=[]}`, a header sent empty), as the key rules keep it (redact-request.ts,
 * `holdsEmptyList`): nothing to hide, nothing to count. A bare word in it (`[null]`, `[<nil>]`)
 * is replaced, as the key rules replace it: their reader reads any bare word there as null.
 */
function holdsEmptyListAt(text: string, at: number): boolean {
  return text.charCodeAt(at) === 0x5b /* [ */ && EMPTY_LIST.test(text.slice(at, at + EMPTY_LIST_REACH));
}
/**
 * An empty list and what may follow it: the text's end, a blank, a separator, a closing bracket,
 * a string's closing quote, or a JSON string's escape of a quote or a line break
 * (`{"msg":"password=[]"}`, `msg="password=[]"`); a backslash before anything else is the
 * value's own (`password=[]\hunter2` is a password).
 */
const EMPTY_LIST = /^\[[ \t]*(?:(?:""|'')[ \t]*)?\](?=$|[\s,;)\]}"']|\\+["'nrt])/;
/** How far `EMPTY_LIST` reads: its longest list and the character after it. */
const EMPTY_LIST_REACH = 16;

/** The index of the first `)` in `value` closing no `(` of its own (`abc){id}`, not `~s(pw1)`), or -1. */
function unopenedClose(value: string): number {
  let open = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 40) open++;
    else if (code === 41 && open-- === 0) return i;
  }
  return -1;
}

/** A first auth-param's name, `=` and the start of its value (no token68's `=` padding). */
const AUTH_PARAMETERS_START = /^[\w-]+[ \t]*=[ \t]*(?:\\*"|[^=\s"\\])/;

/**
 * `credentials`, a scheme and its auth-params, with each secret parameter's value replaced as
 * under the header's key (credential-headers.ts); its quotes may be escaped alike, as in JSON
 * text held in a string (`username=\"ana\"`), and are read unescaped. Undefined when they do
 * not read as parameters.
 */
function redactedAuthParameters(credentials: string): string | undefined {
  const mark = () => redactionMarker(SECRET_PARAM_KIND);
  const escape = /(\\+)"/.exec(credentials)?.[1];
  if (escape === undefined) return redactCredentialHeader("authorization", credentials, mark);
  const parts = credentials.split(`${escape}"`);
  if (parts.some((part) => part.includes('"'))) return undefined;
  const redacted = redactCredentialHeader("authorization", parts.join('"'), mark);
  return redacted === undefined ? undefined : redacted.split('"').join(`${escape}"`);
}

/**
 * Whether `value`, under an `Authorization` header's `name`, is a scheme word alone
 * (`Authorization: Bearer`, a client that had no token to send), as the header's value reads
 * under its key (credential-headers.ts), or under any header's name a scheme's word or a
 * header's name (`X-Api-Key: Token`, `holdsNoCredentialUnderHeader`): no credential. Unquoted in
 * text, `value` is the matched value and the rest of its line (`lineRestAt`), so a token after
 * the word and a mark or blank (`Token, s3cr3t…`) is read with it, as in an attribute.
 */
function holdsSchemeAlone(name: string, value: string): boolean {
  return (credentialHeaderOf(name) === "authorization" && isAuthScheme(value.trim())) || holdsNoCredentialUnderHeader(name, value);
}

/** The rest of a line from `at` in `text` up to a line break, a quote or a `&` (`LINE_REST`). */
function lineRestAt(text: string, at: number): string {
  return LINE_REST.exec(text.slice(at, at + LINE_REST_REACH))![0];
}
/** A line's characters up to a line break, a quote, which closes the value's string, or a query's `&`, which starts its next pair. */
const LINE_REST = /^[^\r\n"'`&]*/;
/** How far a value's line is read after it. */
const LINE_REST_REACH = 256;

/** Whether `value`, under a setting referring to an existing Secret (`existingSecret: db-creds`), is the Secret's or its key's name, as under an attribute's key. */
function refersToSecret(name: string, value: string): boolean {
  return namesExistingSecret(name) && namesSecretOrItsKey(value);
}

/**
 * A `Cookie:` or `Set-Cookie:` header's value in text (a request dump, `curl -H 'Cookie: …'`,
 * JSON's `"Cookie":"…"`), read as the header is under an attribute's key (credential-headers.ts):
 * the cookies' names, a preference's value and a `Set-Cookie`'s attributes stay, each other value
 * is replaced; a webhook signature header's likewise (`Stripe-Signature: t=…,v1=…` keeps `t=…`
 * and `v1=`; unquoted, read as `SIGNATURE_TEXT`). Unquoted, the header's value is its `;`-joined pairs up to the first blank after
 * a pair (cookie values hold none, RFC 6265 §4.1.1) or a quote; quoted, the string's content.
 * Null when the header holds only preferences, which stay; undefined when `name` names no cookie
 * header or the value reads as no cookies.
 */
function redactCookieField(name: string, match: string, valueStart: number, marker: string, text: string, start: number): Rewrite | null | undefined {
  const quote = /^["']/.exec(match.slice(valueStart))?.[0] ?? "";
  const reading = cookieFieldReading(name, quote, text, start + valueStart + quote.length);
  if (reading === undefined) return undefined;
  const { header, value } = reading;
  // The places among the markers of those hiding a session's id (`sid=…`, `JSESSIONID=…`).
  const sessionIds: number[] = [];
  let markers = 0;
  const mark = (_: string, sessionId?: boolean) => {
    if (sessionId === true) sessionIds.push(markers);
    markers++;
    return marker;
  };
  const redacted = value === "" ? undefined : redactCredentialHeader(header, value, mark);
  if (redacted === undefined) return undefined;
  if (redacted === value) return null;
  // Each cookie replaced writes a marker of its own, and is counted (text-scanner.ts).
  const rewrite = { text: `${match.slice(0, valueStart)}${quote}${redacted}`, kind: SECRET_PARAM_KIND, length: valueStart + quote.length + value.length };
  return hidingSessionIds(rewrite, SECRET_PARAM_KIND, sessionIds);
}
/**
 * The header a field's value at `from` under `name` is read in by `redactCookieField`, and that
 * value: a cookie's or a signature header's that `name` names, or a `Cookie` header's under a
 * session's name holding cookies' pairs (`vtex.session: segment=…; vtex_session=…`); in `quote`,
 * up to the closing one. Undefined when it is read as no such header.
 */
function cookieFieldReading(name: string, quote: string, text: string, from: number): { header: CredentialHeader; value: string } | undefined {
  const named = credentialHeaderOf(name);
  if (named === "authorization" || (named === undefined && !namesSession(name))) return undefined;
  const value = quote === "" ? (named === "signature" ? SIGNATURE_TEXT.exec(text.slice(from, from + MAX_COOKIE_TEXT))![0] : cookieTextAt(text, from)) : text.slice(from, text.indexOf(quote, from) >>> 0);
  const header = named ?? credentialHeaderHolding(name, value);
  return header === undefined ? undefined : { header, value };
}
/** A comma that starts another cookie: `, ` before a cookie's `name=`. */
const NEXT_COOKIE = String.raw`,[ \t]*(?=[!#$%&'*+\-.^_\`|~0-9A-Za-z]+[ \t]*=)`;
/** A run of a pair's or attribute's characters, commas that start no cookie included. */
const COOKIE_RUN = String.raw`[^\s;,"'\\]*(?:(?!${NEXT_COOKIE}),[^\s;,"'\\]*)*`;
/** An `Expires` attribute's date, with its blanks. */
const EXPIRES_DATE = String.raw`[Ee]xpires[ \t]*=[ \t]*[A-Za-z]{3},[ \t]+[0-9]{1,2}[ -][A-Za-z]{3}[ -][0-9]{2,4}[ \t]+[0-9]{1,2}:[0-9]{2}:[0-9]{2}[ \t]+GMT`;
/**
 * A cookie header's pairs in unquoted text: `;`-joined runs of characters that are no blank, `;`,
 * quote or backslash (an escaped quote closing JSON text held in a string, `\"`; `COOKIE_RUN`); also joined by
 * `, ` before a cookie's `name=` (several `Set-Cookie`s on one line, credential-headers.ts), and an
 * `Expires` date read whole across its blanks (`Expires=Wed, 21 Oct 2026 07:28:00 GMT`, RFC 6265 §5.1.1).
 */
const COOKIE_TEXT = new RegExp(String.raw`^${COOKIE_RUN}(?:(?:;[ \t]*|${NEXT_COOKIE})(?:${EXPIRES_DATE}|${COOKIE_RUN}))*`);
/**
 * A webhook signature header's items in unquoted text (credential-headers.ts): runs of characters
 * that are no blank, `,`, `;`, quote or backslash, joined by `,`, by `;` before Paddle's `h1=`
 * (`ts=…;h1=…`) and by blanks before another Standard Webhooks signature's label (`v1,… v1a,…`).
 */
const SIGNATURE_TEXT = /^[^\s,;"'\\]*(?:(?:,|;(?=h[0-9]+=)|[ \t]+(?=v[0-9]+[a-z]?,))[^\s,;"'\\]*)*/;
/** How far a cookie header's value in text is read (browsers send at most a few kilobytes). */
const MAX_COOKIE_TEXT = 8192;

/**
 * A cookie header's pairs in unquoted text at `from` (`COOKIE_TEXT`), read on over a shell's `\&`
 * (`sid=9f8e…\&x`; in a JSON string `\\&`) only inside a session cookie's value (`namesSession`): a session's id carries
 * no pairs, so the `&` is more of it; any other cookie's value ends at the backslash, as every
 * value does before another backslash (`theme=dark\&x` keeps `\&x`). Each stretch is read once.
 */
function cookieTextAt(text: string, from: number): string {
  const end = from + MAX_COOKIE_TEXT;
  let at = from;
  let session = false;
  for (;;) {
    const run = COOKIE_TEXT.exec(text.slice(at, end))![0];
    const pairStart = Math.max(run.lastIndexOf(";"), run.lastIndexOf(",")) + 1;
    if (pairStart > 0 || at === from) session = namesSession(COOKIE_NAME.exec(run.slice(pairStart))?.[1] ?? "");
    at += run.length;
    const join = session ? ESCAPED_AMPERSAND.exec(text.slice(at, at + 3))?.[0] : undefined;
    if (join === undefined || at + join.length > end) return text.slice(from, at);
    at += join.length;
  }
}
/** A shell's escaped `&` (`\&`), perhaps escaped again in a JSON string (`\\&`). */
const ESCAPED_AMPERSAND = /^\\{1,2}&/;
/** A cookie pair's name before its `=`. */
const COOKIE_NAME = /^[ \t]*([^\s=;,]+)=/;

/**
 * Whether the name at `nameStart` and its colon at `colon` open a message template's property
 * token with a format (`{ApiKey:l}`, `{@Password:j}`, `{When:yyyy-MM-dd}`: `propertyTokenOf`),
 * read whole between its braces; a map printed without blanks (`{password:hunter2}`) is none.
 */
function isFormattedPropertyToken(text: string, nameStart: number, colon: number): boolean {
  const hint = text.charCodeAt(nameStart - 1) === 64 /* @ */ || text.charCodeAt(nameStart - 1) === 36; /* $ */
  const open = nameStart - (hint ? 2 : 1);
  if (open < 0 || text.charCodeAt(open) !== 123 /* { */) return false;
  const close = text.indexOf("}", colon);
  return close >= 0 && close - colon <= MAX_TEMPLATE_FORMAT && propertyTokenOf(text.slice(open, close + 1)) !== undefined;
}
/** How far after its colon a token's format is read. */
const MAX_TEMPLATE_FORMAT = 40;

/** Whether the colon at `start` in `text` (a `FIELD` match) has a name character right before it and no blank or quote after it. */
function gluedColon(match: string, text: string, start: number): boolean {
  return start > 0 && isNameCharacter(text.charCodeAt(start - 1)) && match.length > 1 && !/[\s"'\\]/.test(match.charAt(1));
}

/**
 * The length of a list after a secret parameter's `=` at `at` holding several items or a quoted
 * one (`password=[hunter2, s3cr3tXq]`, `token=[a b]`, `password=['hunter2', 's3cr3tXq']`,
 * Python's tuple `password=('a', 'b')`, a set `password={a, b}`: `SECRET_LIST`), whose every item
 * is the secret's as after `password: ` (`holdsSecretItems`), numbers only when they are shaped
 * as secrets (`holdsSecretNumbers`: `passwords=[123456, 654321]`, `pins=[1234]`); 0 when it holds
 * none (`tokens=[12, 30]`, `secrets=[DB_URL, API_KEY]`, `password=['', '']`, a length range
 * `password=[8, 64]`); undefined when no such list is there (one plain word with no blank around
 * it, `[hunter2]`, is read as the token it is; `[ hunter2 ]` is a list), or when it is a validator's rules (`password=[required, min:8]`:
 * `VALIDATOR_RULE`), read as before.
 */
function secretListAt(name: string, text: string, at: number): number | undefined {
  if (!LIST_OPENINGS.includes(text.charAt(at))) return undefined;
  const secretName = isSecretParameterName(name);
  if (!secretName && numericSecretDigits(name) === 0) return undefined;
  if (holdsOnlyReferencesAt(text, at)) return 0;
  const list = SECRET_LIST().exec(text.slice(at, at + SECRET_LIST_REACH))?.[0];
  if (list === undefined) return undefined;
  const items = Array.from(list.matchAll(SECRET_LIST_ITEM_AT()), (item) => item[0]);
  // Braces holding a key and its value are a map's (`cookies={ sid: 'abc…', theme: 'dark' }`, Ruby's `=>`), read by its members.
  if (list.startsWith("{") && items.some((item) => MAP_KEY_ITEM.test(item))) return undefined;
  const unquotedItems = items.map((item) => {
    const quote = quoteOpening(item).length;
    return item.slice(quote, item.length - quote).trim();
  });
  if (unquotedItems.every((item) => /^\d+$/.test(item))) {
    if (holdsSecretNumbers(name, unquotedItems)) return list.length;
    return isLengthRange(unquotedItems) || isNamedCount(name, list) || measuresNumericSecret(name) ? 0 : undefined;
  }
  // One plain word bracketed alone (`[hunter2]`) is read as the token it is; blanks inside the brackets (`[ hunter2 ]`) make it a list, replaced whole.
  if (!secretName || (items.length === 1 && quoteOpening(items[0]!) === "" && list.length === items[0]!.length + 2)) return undefined;
  if (unquotedItems.some((item) => VALIDATOR_RULE.test(item))) return undefined;
  return holdsSecretItems(unquotedItems) ? list.length : 0;
}

/**
 * A bracket with a blank inside, to its `]` on the line (`[ hunter2 ]`, `[hunter2 ]`, `[ 8 ]`,
 * `[ {} ]`), and what is glued after that `]` (`gluedAfterList`: `[Bearer sk]live_…`): no list
 * `SECRET_LIST` reads, and the token's rule would take its `[` alone and leave the rest.
 */
const SPREAD_BRACKET = /^\[(?=[^\]\n]*[ \t])[^[\]\n]{0,256}\]/;

/**
 * The length of a bracket spread with blanks (`SPREAD_BRACKET`) after a secret parameter's `=` at
 * `at`, replaced whole so that nothing of it is left; 0 when it holds only masks, placeholders,
 * a validator's rules or nothing (`password=[ FILTERED ]x`, `[required, min:8]`, `[ , ]`), kept
 * whole; undefined when there is none.
 */
function spreadBracketAt(name: string, text: string, at: number): number | undefined {
  if (!isSecretParameterName(name)) return undefined;
  const bracket = SPREAD_BRACKET.exec(text.slice(at, at + 320))?.[0];
  if (bracket === undefined) return undefined;
  const items = bracket.slice(1, -1).split(/[\s,]+/).filter((item) => item !== "");
  return items.every((item) => standsForSecret(item) || VALIDATOR_RULE.test(item)) ? 0 : bracket.length + (gluedAfterList(name, bracket, text, at + bracket.length) ?? "").length;
}

/**
 * Whether a list's `numbers` under the secret's `name` are secrets rather than a validator's
 * length range or a count (`password=[8, 64]`, `tokens=[12, 30]`): under a numeric secret's own
 * name (`numericSecretDigits`: `pins`, `card_pins`, `otps`, `passwords`; a code's, `isSecretCodeName`:
 * `mfa_code`) a number of as many digits as that secret has (a PIN's 3, a password's 4:
 * `pins=[1234, 5678]`, `password=[1234, 5678]`, `cvv=[123, 045]`; a password's length range,
 * `[8, 64]`, holds no 4 digits; no epoch or HTTP statuses: `areCodeNumbers`); under another secret's name a number of a
 * one-time code's 6 digits or more (`api_key=[314159, 271828]`), but none under a name that counts
 * (`tokens=[128000, 4096]`, `num_passwords=[1000000, 2000000]`, `passwords_checked`).
 */
function holdsSecretNumbers(name: string, numbers: readonly string[]): boolean {
  const digits = numericSecretDigits(name) || (isSecretCodeName(name) ? 3 : 0);
  // No length range is read under a code's name: a CVV or PIN of 3 digits is as short as a range's bound (`cvv=[123, 045]`).
  // Only a list's plural reads epochs and statuses (`areCodeNumbers`): a singular's list goes whole as before (`mfa_code=[200,401]`).
  if (digits > 0) return codeListDigits(name) > 0 ? areCodeNumbers(numbers, digits, name) : numbers.some((number) => number.length >= digits);
  return !namesCount(name) && numbers.some((number) => number.length >= 6);
}

/** Whether `flow`, a list of numbers only under `name` (`pins: [1234, 5678]`, `passwords: [123456]`), holds secrets (`holdsSecretNumbers`). */
function holdsSecretNumberList(name: string, flow: string): boolean {
  return NUMBER_LIST.test(flow) && holdsSecretNumbers(name, flow.slice(1, -1).split(",").map((number) => number.trim()));
}
/**
 * Whether `flow`, a list of whole numbers each in quotes under `name` (`otps: ["123456", "654321"]`,
 * `cvvs: ['123', '456']`: `QUOTED_NUMBER_LIST`), holds secrets as the unquoted list would (`holdsSecretNumbers`).
 */
function holdsSecretNumberStrings(name: string, flow: string): boolean {
  return QUOTED_NUMBER_LIST.test(flow) && holdsSecretNumbers(name, flow.match(/\d+/g)!);
}
/**
 * How a list of numbers opens (`[1234, …]`, `["1234", …]`, `[ 1234, …]`; inside a JSON string its quotes
 * are escaped, `[\"1234\", …]`), perhaps after a field's blanks: `pins: [1234, …]` needs
 * them. After `=` a spaced list (`pins= [1234]`) is left unread before this, a known fault.
 */
const NUMBER_LIST_OPENING = /^[ \t]{0,8}\[[ \t]{0,8}(?:\\{0,8}["'])?\d/;
/** The characters `NUMBER_LIST_OPENING` may open with: a space, a tab or `[`. */
const NUMBER_LIST_FIRST = /^[ \t[]$/;
/** How far `NUMBER_LIST_OPENING` reads. */
const NUMBER_LIST_OPENING_REACH = 27;
/** A list of whole numbers in brackets (`[1234, 5678]`). */
const NUMBER_LIST = /^\[[ \t]*\d{1,19}(?:[ \t]*,[ \t]*\d{1,19})*[ \t]*\]$/;
/**
 * A list of whole numbers in brackets, each in double or single quotes (`["1234", "5678"]`, `['123']`),
 * double quotes perhaps escaped as JSON text in a JSON string has them (`[\"1234\"]`, `escape-view.ts`).
 */
const QUOTED_NUMBER_LIST = /^\[[ \t]*(?:\\{0,8}"\d{1,19}\\{0,8}"|'\d{1,19}')(?:[ \t]*,[ \t]*(?:\\{0,8}"\d{1,19}\\{0,8}"|'\d{1,19}'))*[ \t]*\]$/;

/** Whether `numbers` are a length's two bounds (`[8, 64]`, `[6, 128]`): no password is so short. */
function isLengthRange(numbers: readonly string[]): boolean {
  return numbers.length === 2 && numbers.every((number) => number.length <= 3 && Number(number) <= 128);
}

/** What opens a secret's list: a list's `[`, a tuple's `(`, a set's `{`. */
const LIST_OPENINGS = "[({";
/** An item that is a map's key before its value (`sid:`, `:sid`, `=>`). */
const MAP_KEY_ITEM = /[:=]$|^:|^=>$/;
/** A validator's rule in a list (Laravel's `required`, `min:8`, `confirmed`; `MinLength(8)` is no item), no password. */
const VALIDATOR_RULE = /^(?:required|nullable|sometimes|confirmed|(?:min|max|size|between|digits)(?:[_-]?length)?:\d+(?:,\d+)?)$/i;
/**
 * A list's item: a whole number in escaped double quotes (JSON text in a JSON string, `[\\"1234\\"]`,
 * whose quotes the escape view keeps), a string in either quote on one line, or a plain word.
 */
const SECRET_LIST_ITEM = String.raw`\\{1,8}"\d{1,19}\\{1,8}"|'[^'\\\n]{0,256}'|"[^"\\\n]{0,256}"|[^[\]{}()\n"'\x60,\s]{1,256}`;
const SECRET_LIST_ITEM_AT = lazy(() => new RegExp(SECRET_LIST_ITEM, "g"));
/** Up to 64 items (`SECRET_LIST_ITEM`) parted by `,` or blanks. */
const SECRET_LIST_ITEMS = String.raw`[ \t]*(?:${SECRET_LIST_ITEM})(?:(?:[ \t]*,[ \t]*|[ \t]+)(?:${SECRET_LIST_ITEM})){0,63}[ \t]*`;
/**
 * What may end a secret's list (`SECRET_LIST`, `REFERENCE_LIST`): the text's end, a blank, a
 * pair's separator, a closing quote or bracket around it (a JSON string's, logfmt's, escaped in a
 * nested one: `"`, `\\"`), a `!` or a sentence's `.`, or a run of `?` and `:` before the end, a
 * blank, a closing quote, `)` or `}` (`pins=[1234, 5678]?`, as `FLOW_COLLECTION` ends a list after
 * `:`); nothing else glued after it (`[a, b].length`, `[a]:b`).
 */
const LIST_END = String.raw`(?=$|[\s,;&"'\\)\]}!]|\.(?!\w)|[?:]{1,8}(?:$|[\s"')}]))`;
/** A bracketed, parenthesised or braced list (`SECRET_LIST_ITEMS`), ended as `LIST_END` says. */
const SECRET_LIST = lazy(
  () => new RegExp(String.raw`^(?:\[${SECRET_LIST_ITEMS}\]|\(${SECRET_LIST_ITEMS}\)|\{${SECRET_LIST_ITEMS}\})${LIST_END}`),
);
/** How far `SECRET_LIST` reads: a long list and the character after it. */
const SECRET_LIST_REACH = 2048;

/**
 * Whether a bracketed list at `at` in `text`, ended as `SECRET_LIST` ends one, holds only
 * references to values sent elsewhere (`isListedReference`: `password=[$pw]`, `password=[${pw}]`,
 * `pin=[:pin]`, `password=[?]`), whose braces `SECRET_LIST`'s items do not read: no secret.
 */
function holdsOnlyReferencesAt(text: string, at: number): boolean {
  const items = REFERENCE_LIST.exec(text.slice(at, at + REFERENCE_LIST_REACH))?.[1];
  return items !== undefined && items.split(",").every((item) => isListedReference(item.trim()));
}
/**
 * A bracketed list on one line, no bracket or quote in it, ended as a list is (`LIST_END`) but
 * not by a `!` glued to a word (`password=[$pw]!x`): text around it leaves it no list of references.
 */
const REFERENCE_LIST = new RegExp(String.raw`^\[([^[\]\n"'\x60]{1,256})\]${LIST_END}(?!!\w)`);
/** How far `REFERENCE_LIST` reads: its longest list and the character after it. */
const REFERENCE_LIST_REACH = 260;

/** A bracketed scheme's word, blanks and one credential. */
const ONE_SCHEME_CREDENTIAL = /^\[[A-Za-z][\w-]{0,39}[ \t]+[^\s\]]+\]$/;
/** A bracketed word of up to 15 letters, a capital first: a mask's (`[Redacted]`, `[Hidden]`) or a type's (`[String]`), no key (keys are issued longer). */
const MASK_OR_TYPE_WORD = /^\[[A-Z][A-Za-z]{0,14}\]$/;

/** Whether a list's `items` (unquoted) hold a secret: one that is not empty, a placeholder, a mask or a secret's name (`secrets: [DB_URL, API_KEY]`). */
function holdsSecretItems(items: readonly string[]): boolean {
  return items.some((item) => item !== "" && !standsForSecret(item) && !isSecretNameValue(item));
}

/**
 * Whether `flow`, bracketed under an `Authorization` header's `name` in any case (`AUTHORIZATION`), is one known scheme's word
 * and credentials (`Authorization:[Bearer …]`, `Authorization: [Basic …]`: `ONE_SCHEME_CREDENTIAL`),
 * which keep the word (`redactBracketedCredential`); another word (`[key …]`, `[hunter2 …]`) is no
 * scheme, and several schemes' credentials (`[Bearer a Bearer b]`) go whole (`holdsFlowSecret`).
 */
function holdsOneSchemeCredential(name: string, flow: string): boolean {
  return credentialHeaderOf(name) === "authorization" && namesHeaderField(name.toLowerCase()) && ONE_SCHEME_CREDENTIAL.test(flow) && opensWithAuthScheme(flow.slice(1));
}

/**
 * `head` and the bracketed scheme's credentials in `flow` read as the header's value under its
 * key (`redactCredentialHeader`): the scheme's word stays, the credentials go whatever their
 * shape (`[Bearer x]`, `[Bearer abc123]`, which no bearer token's shape takes in prose), counted
 * as Bearer's or Basic's as after `Authorization: `; undefined when they stay, as after
 * `Authorization: ` (a placeholder, a state's word `empty`, a mask or a part of one: `abc***`, `***abc`, `abc…`).
 */
function redactBracketedCredential(head: string, flow: string, marker: string): Rewrite | undefined {
  if (showsNoCredential(flow)) return undefined;
  const credentials = flow.slice(1, -1);
  const kind = SCHEME_KINDS[/^\S*/.exec(credentials)![0].toLowerCase()] ?? SECRET_PARAM_KIND;
  const written = kind === SECRET_PARAM_KIND ? marker : redactionMarker(kind);
  const redacted = redactCredentialHeader("authorization", credentials, () => written);
  return redacted === undefined || redacted === credentials ? undefined : { text: `${head}[${redacted}]`, kind };
}

/**
 * Where a credential with a known issuer's prefix (`PREFIXED_CREDENTIAL`) ends that blanks part
 * from `flow`, a bracketed scheme's masked credentials (`showsNoCredential`), its `]` at `at` in
 * `text`; -1 for none. Written beside the mask (`Authorization: [Bearer ***] sk_live_…`), the
 * token is the credential the mask stands for, and goes with it; an id, a path, a version or a
 * time written there (`req_8f3a…`, `/v1/users/12345`) is the log's next field and stays. Reads
 * the blanks, at most 16, and the token (`secretTokenEnd`).
 */
function tokenAfterMaskEnd(flow: string, text: string, at: number): number {
  const blanks = BLANKS_AT.exec(text.slice(at, at + 17))?.[0].length ?? 0;
  if (blanks === 0 || !PREFIXED_CREDENTIAL.test(text.slice(at + blanks, at + blanks + 24)) || !showsNoCredential(flow)) return -1;
  const end = secretTokenEnd(text, at + blanks);
  return end > at + blanks ? end : -1;
}
const BLANKS_AT = /^[ \t]{1,16}/;
/**
 * A credential's known prefix and eight characters of its body: Stripe's keys, OpenAI's, GitHub's,
 * GitLab's, Slack's, npm's, Hugging Face's, AWS's and Google's key ids, and a JWT's header (`eyJ`); OpenAI's `sk-` only before twenty characters with a digit among them
 * (`sk-learn-version-1` is a package's name).
 */
const PREFIXED_CREDENTIAL = /^(?:sk-(?=[A-Za-z0-9_-]{0,19}\d)[A-Za-z0-9_-]{20}|(?:[sr]k_(?:live|test)_|whsec_|gh[pousr]_|github_pat_|gl(?:pat|dt|rt|ptt)-|xox[abeoprs]-|xapp-|npm_|hf_|AKIA|ASIA|AIza|eyJ)[A-Za-z0-9_-]{8})/;

/** Whether the bracketed scheme's credentials in `flow` show none: a placeholder, a state's word or a mask (`[Bearer empty]`, `[Bearer abc***]`, `[Bearer abc...]`). */
function showsNoCredential(flow: string): boolean {
  const credentials = flow.slice(1, -1);
  const credential = credentials.slice(credentials.search(/[ \t]/)).trim();
  return standsForSecret(credential) || isStateWhole(credential) || MASK_CHARACTER.test(credential) || DOTS_MASK.test(credential);
}

/** A mask's character, which no credential (RFC 7235's token68) holds: `*`, `…`, `•`. */
const MASK_CHARACTER = /[*\u2026\u2022]/;
/**
 * A sender's cut of the bracketed credentials (`[Bearer abc...]`), as `abc…` is: at most four
 * visible characters, no dot among them, then exactly three ASCII dots right before `]`. A longer
 * start (`[Token hunter2...]`, `[Token s3cr3tXYZ...]`) shows the secret itself, a fourth dot is no
 * ellipsis (`[Bearer abc....]`), and dots inside them (`abc...def`) leave a secret around them.
 */
const DOTS_MASK = /^[^.\s]{0,4}\.{3}$/;

/**
 * Whether `flow`, a YAML flow collection of plain scalars under the secret's `name`
 * (`FLOW_COLLECTION`: `[s3cr3t]`, `{s3cr3t}`), holds a secret: not a type's name
 * (`namesTypeInBrackets`), not a marker, nor a count of tokens (`tokens: [12, 30]`), nor
 * items that are all placeholders or secrets' names (`secrets: [DB_URL, API_KEY]`).
 * `inVariableDefinition` says whether the name is a GraphQL variable's (`definesGraphQLVariable`);
 * `glued`, whether a run is glued after its `]` (`[Argon2id]x`): then the bracket is a part of one
 * value, as after `=`, and no type's name.
 */
function holdsFlowSecret(name: string, flow: string, inVariableDefinition: () => boolean, glued: boolean): boolean {
  if (flow.startsWith("[REDACTED:") || isNamedCount(name, flow)) return false;
  // Under a header's name the brackets hold the header's values (Go's `X-Api-Key:[VSX…]`), whatever their shape: only inspect's elision is none.
  const header = namesHeaderField(name);
  // A word of letters in capitals first is a sender's mask or a type's name there (`[Redacted]`, `[String]`), a long one a key (`[VSXJQ…]`: `isSessionIdShaped`).
  // A type's name alone is a schema's print under any name (`map[Authorization:[string]]`, `{ password: [string] }`: `isBracketedTypeName`).
  // A sender's mask in brackets in any case (`[hidden]`, `[filtered]`) stays, as after `=` (`standsForSecret`).
  // A host's IPv6 address before its port (`session: [::1]:8080`) is an address, which the IPv6 rule judges.
  if (isBracketedTypeName(flow) || isBracketedIpv6(flow) || isElidedValue(flow) || standsForSecret(flow) || (header ? MASK_OR_TYPE_WORD.test(flow) : !glued && namesTypeInBrackets(name, flow, inVariableDefinition))) return false;
  const items = flow.slice(1, -1).split(/[ \t]*,[ \t]*/).map((item) => item.trim()).filter((item) => item !== "");
  // A format string's field named as the secret (`password: {password}`) is a placeholder.
  if (flow.startsWith("{") && items.length === 1 && (items[0] === name || isSecretName(items[0]!))) return false;
  // A variable refers to a value sent elsewhere (`password: [$pw]`, `setPins(pin: [$a, $b])`: `isListedReference`).
  const values = items.filter((item) => !isListedReference(item));
  return holdsSecretItems(header ? values.filter((item) => !holdsNoCredentialUnderHeader(name, item)) : values);
}

/**
 * Whether `flow`, bracketed under a secret's name, is a type's name or a sender's mask rather than
 * a typed secret: a capitalized word (`NAMED_TYPE_IN_BRACKETS`: `[String!]`, `[Int64]`,
 * `[FILTERED]`) shaped as a type's (`TYPE_SHAPED_WORD`) or, under no code's name (`isSecretCodeName`: `pin`, `otp`, `cvv`),
 * one of `NUMBERED_TYPE_NAMES`, not as a secret (`SECRET_SHAPED_WORD`), a `!` only after GraphQL's scalars; or any such word where a GraphQL variable's type is written
 * (`($v: [Vec3f!])`). Words after a blank, a `:` or a `/` are a value's (`[Bearer abc123]`,
 * `[Correct horse battery]`) unless they are inspect's elision (`isElidedValue`).
 */
function namesTypeInBrackets(name: string, flow: string, inVariableDefinition: () => boolean): boolean {
  const named = NAMED_TYPE_IN_BRACKETS.exec(flow);
  if (named === null) return false;
  const word = named[1]!;
  const typeShaped = (TYPE_SHAPED_WORD.test(word) || (NUMBERED_TYPE_NAMES.has(word) && !isSecretCodeName(name))) && !SECRET_SHAPED_WORD.test(word) && (named[2] === "" || GRAPHQL_SCALAR.test(word));
  return typeShaped || inVariableDefinition();
}

/**
 * Each string of `value` (one, or a list's items) with its content replaced, its quotes kept
 * (`["[REDACTED:…]", """[REDACTED:…]"""]`); strings that hold nothing to hide (empty, a marker,
 * a placeholder, the upper-case name of a secret) stay. Undefined when none is replaced.
 */
function redactStringLiterals(head: string, value: string, marker: string): string | undefined {
  let replaced = false;
  const text = value.replace(STRING_LIST_ITEM, (literal) => {
    const quotes = BLOCK_STRING_QUOTES.exec(literal)?.[0] ?? quoteOpening(literal);
    const inner = literal.slice(quotes.length, -quotes.length).trim();
    if (inner === "" || inner.startsWith("[REDACTED:") || standsForSecret(inner) || isSecretNameValue(inner)) return literal;
    replaced = true;
    return `${quotes}${marker}${quotes}`;
  });
  return replaced ? `${head}${text}` : undefined;
}

/**
 * A GraphQL block string's content replaced whole, its quotes kept (`password: """[REDACTED:…]"""`);
 * undefined when it holds nothing to hide (empty, a marker, a placeholder).
 */
function redactBlockString(head: string, value: string, quotes: string, marker: string): string | undefined {
  const inner = value.slice(quotes.length, -quotes.length).trim();
  if (inner === "" || inner.startsWith("[REDACTED:") || standsForSecret(inner)) return undefined;
  return `${head}${quotes}${marker}${quotes}`;
}

/**
 * A flag's value when its name (without the dashes) is a secret flag name. After a blank, a
 * value of lower-case letters shorter than a passphrase is read as prose (`use --token or set
 * TOKEN`), not a password; array elements of a command line are judged without that doubt by
 * the request walker (`isSecretArgument`). A MySQL client's `-p<password>` keeps its `-p`.
 */
function redactFlag(match: string, marker: string, text: string, start: number): Rewrite | undefined {
  const end = valueEnd(text, start, start + match.length);
  if (GLUED_QUOTED_ARGUMENT.test(match) && AFTER_MYSQL_CLIENT.test(lineBefore(text, start))) {
    const quote = match.charAt(2);
    return standsForSecret(match.slice(3, -1)) ? undefined : `-p${quote}${marker}${quote}`;
  }
  if (GLUED_PASSWORD_ARGUMENT.test(match) && AFTER_MYSQL_CLIENT.test(lineBefore(text, start))) {
    const password = withoutSentenceEnd(match.slice(2), end);
    if (password === "" || standsForSecret(unquoted(password))) return undefined;
    return { text: `-p${marker}`, kind: SECRET_PARAM_KIND, length: 2 + password.length };
  }
  const separator = FLAG_SEPARATOR.exec(match);
  if (separator === null) return undefined;
  const name = match.slice(match.startsWith("--") ? 2 : 1, separator.index);
  const value = match.slice(separator.index + separator[0].length);
  const head = match.slice(0, separator.index + separator[0].length);
  const delimited = quoteOpening(value) !== "";
  // A template expression, read whole where the value's token would end at its first blank
  // (`--token ${{ secrets.TOKEN }}`, `--env=TOKEN={{ .Token }}`), is filled in elsewhere, as under a parameter's name.
  if (isWholeTemplateExpressionAt(text, start + head.length) || isWholeTemplateExpressionAt(text, start + head.length + (INNER_PARAMETER_NAME.exec(value)?.[0].length ?? 0))) return undefined;
  if (!isSecretFlagName(name) && !isPassPassword(name, unquoted(withoutSentenceEnd(value, end)), delimited)) {
    const form = passwordOptionIn(lineBefore(text, start), name);
    if (form !== undefined) return redactPassword(head, value, form, marker, end);
    // A flag whose value is itself `name=value` (`kubectl … --from-literal=password=…`,
    // `docker run --env=DB_PASSWORD=…`): the inner name decides. A quoted value
    // (`--env=DB_PASSWORD='…'`) is read as the parameter form reads one after a blank
    // (`-e DB_PASSWORD='…'`), so the same names and values stay (`existingSecret='app-secret'`).
    const inner = separator[0] === "=" ? INNER_PARAMETER_NAME.exec(value) : null;
    if (inner === null) return undefined;
    const innerValue = value.slice(inner[0].length);
    const rewrite =
      quoteOpening(innerValue) !== ""
        ? redactParameter(value, marker, text, start + head.length)
        : isSecretParameterName(inner[0].slice(0, -1))
          ? redactValue(inner[0], innerValue, marker, PARAMETER_TOKEN, end, false)
          : undefined;
    if (rewrite === undefined) return undefined;
    return typeof rewrite === "string"
      ? `${head}${rewrite}`
      : { ...rewrite, text: `${head}${rewrite.text}`, length: rewrite.length === undefined ? undefined : head.length + rewrite.length };
  }
  const bare = withoutSentenceEnd(value, end);
  if (keptUnderPassWord(name, unquoted(bare), delimited)) return undefined;
  if (separator[0] !== "=" && /^[a-z]{1,15}$/.test(bare)) return undefined;
  if (FLAG_PLACEHOLDER.test(bare)) return undefined;
  // A count under a name that counts (`--secrets-loaded 3`, `--max-tokens=512`), as in every other form.
  if (isNamedCount(name, unquoted(bare))) return undefined;
  return redactValue(head, value, marker, PARAMETER_TOKEN, end, false);
}
/** The name of a `name=value` that is a flag's value (`--from-literal=password=…`). */
const INNER_PARAMETER_NAME_SOURCE = `[A-Za-z_]${NAME_CHARACTER}*=`;
const INNER_PARAMETER_NAME = new RegExp(`^${INNER_PARAMETER_NAME_SOURCE}`);
/** The same, tried at one position of the text (`rejectedFlag`). */
const INNER_PARAMETER_NAME_AT = new RegExp(INNER_PARAMETER_NAME_SOURCE, "y");


/**
 * The value of a program's password option (`docker login -p …`, `curl -u user:…`), its
 * password replaced as its form says. No prose doubt: the program's name is written before it.
 */
function redactPassword(head: string, value: string, form: PasswordValueForm, marker: string, end: ValueEnd): Rewrite | undefined {
  const quote = quoteOpening(value);
  const kept = quote === "" ? firstToken(value, PARAMETER_TOKEN, end) : value;
  const inner = quote === "" ? kept : value.slice(quote.length, -quote.length);
  const password = passwordIn(inner, form);
  if (password === undefined) return undefined;
  const secret = inner.slice(password.start, password.end);
  if (secret.startsWith("[REDACTED:") || standsForSecret(secret)) return undefined;
  if (quote !== "") return `${head}${quote}${inner.slice(0, password.start)}${marker}${quote}`;
  return { text: `${head}${kept.slice(0, password.start)}${marker}`, kind: SECRET_PARAM_KIND, length: head.length + kept.length };
}

/** `value` without the sentence's punctuation at its end (`sentenceEndLength`); `end` says how it ends. */
function withoutSentenceEnd(value: string, end: ValueEnd): string {
  return value.slice(0, value.length - sentenceEndLength(value, end));
}

/**
 * The first token of `value` (`token`, or the whole value when none matches), without the
 * sentence's punctuation at its end; `end` says how `value` ends.
 */
function firstToken(value: string, token: RegExp, end: ValueEnd): string {
  const first = token.exec(value)?.[0] ?? value;
  return withoutSentenceEnd(first, first.length < value.length ? { ...end, next: value.charAt(first.length) } : end);
}

/** `text` without the quotes around it (escaped ones too), when it is quoted. */
function unquoted(text: string): string {
  const opening = quoteOpening(text);
  return opening === "" ? text : text.slice(opening.length, -opening.length);
}

/** The text from the start of `start`'s line, at most LINE_BEFORE_REACH characters back, up to `start`. */
function lineBefore(text: string, start: number): string {
  let from = start;
  while (from > 0 && start - from < LINE_BEFORE_REACH && text.charCodeAt(from - 1) !== 0x0a) from--;
  return text.slice(from, start);
}

/**
 * How far back `lineBefore` reads: the program and options before a password option are a
 * command's first words, and a MySQL client's arguments before `-p` are read at most 256
 * characters back (`MYSQL_CLIENT_BEFORE`); a bounded read keeps a line of many flags linear.
 */
const LINE_BEFORE_REACH = 512;

/**
 * Whether `argument`, an element of the argument list that starts with `program`
 * (`process.command_args`), is a secret its text cannot show alone: the element after a flag
 * that takes a secret (`["--password", "…"]`, not another flag), or a MySQL client's
 * `-p<password>`. `previous` is the element before, when it is a string.
 */
export function isSecretArgument(program: string, previous: string | undefined, argument: string): boolean {
  if (argument === "" || argument.startsWith("[REDACTED:")) return false;
  if (GLUED_PASSWORD_ARGUMENT.test(argument) && MYSQL_CLIENT_PROGRAM.test(program)) return !standsForSecret(argument.slice(2));
  if (previous === undefined || argument.startsWith("-") || standsForSecret(argument)) return false;
  if (isSecretFlag(previous)) return true;
  // A program's password option (`["redis-cli", "-a", "…"]`); `curl -u user` holds a user name alone.
  const form = /^--?[A-Za-z]/.test(previous) ? passwordOptionOf(program, previous.replace(/^--?/, "")) : undefined;
  return form !== undefined && passwordIn(argument, form) !== undefined;
}

/** Whether `text` is a whole command-line flag that takes a secret as its value (`--password`, `--api-key`). */
function isSecretFlag(text: string): boolean {
  return /^--?[A-Za-z][\w.-]*$/.test(text) && isSecretFlagName(text.slice(text.startsWith("--") ? 2 : 1));
}

/** Backticks ending a value that none opened. */
const TRAILING_BACKTICKS = /(?<=[^`])`+$/;
/** A value in backticks, whole (`BACKTICKED_VALUE`). */
const BACKTICKED = /^`[^`\n]+`$/;

/**
 * `redactValue` for a value in an optional's wrapper (`WRAPPED`: `Optional("s3cr3t")`), the
 * value inside judged and replaced and the wrapper kept (`Optional("[REDACTED:secret_param]")`);
 * a wrapper around nothing to hide (`Optional(nil)`, `Some([FILTERED])`) stays whole.
 */
function redactWrapped(head: string, wrapper: string, value: string, marker: string, token: RegExp, end: ValueEnd, prose: boolean): Rewrite | undefined {
  const close = value.charAt(value.length - 1);
  const inner = value.slice(wrapper.length, -1);
  const opened = `${head}${wrapper}`;
  const rewrite = redactValue(opened, inner, marker, token, { ...end, next: close }, prose);
  if (rewrite === undefined) return undefined;
  const text = typeof rewrite === "string" ? rewrite : rewrite.text;
  const covered = typeof rewrite === "string" ? opened.length + inner.length : (rewrite.length ?? opened.length + inner.length);
  // What the replacement did not reach inside the wrapper stays, and so does the wrapper's close.
  const rest = inner.slice(covered - opened.length);
  return { text: `${text}${rest}${close}`, kind: typeof rewrite === "string" ? SECRET_PARAM_KIND : rewrite.kind, length: head.length + value.length };
}

/**
 * The name and separator, then the value with its secret replaced: the whole quoted value,
 * what follows an authentication scheme, or else the value's first token (`token`), leaving
 * the rest of the match to be scanned again. Undefined when there is nothing left to hide.
 * `prose`: the name is written in prose, where an unquoted state word (`saysSecretState`) stays.
 */
function redactValue(head: string, value: string, marker: string, token: RegExp, end: ValueEnd, prose: boolean): Rewrite | undefined {
  // An escaped quote that nothing closes stays, and the word after it is the value.
  const unclosed = unclosedQuoteOpening(value);
  if (unclosed !== "") return redactValue(`${head}${unclosed}`, value.slice(unclosed.length), marker, token, end, prose);
  const wrapper = WRAPPER_OPENING.exec(value)?.[0];
  if (wrapper !== undefined) return redactWrapped(head, wrapper, value, marker, token, end, prose);
  if (BYTES_OPENING.test(value)) return redactValue(`${head}b`, value.slice(1), marker, token, end, prose);
  // The quote, after any backslashes escaping it, opens and closes the value alike.
  const quote = quoteOpening(value);
  // Unquoted, the value ends before the sentence's final punctuation, which stays.
  const inner = quote === "" ? withoutSentenceEnd(value, end) : value.slice(quote.length, -quote.length);
  if (inner === "" || inner.startsWith("[REDACTED:")) return undefined;
  // A PEM block (`private_key=-----BEGIN RSA PRIVATE KEY-----\nMII…`) is the private key detector's, or public.
  if (leavesPemValue(inner)) return undefined;
  // A backtick after an unquoted value closes the code span it stands in (`` `password: hunter2x` ``), no part of it.
  const first = quote === "" ? firstToken(value, token, end).replace(TRAILING_BACKTICKS, "") : inner;
  // A word in prose saying the secret's state (`token=expired`, `Password: too short`) is none;
  // quoted, the whole value is read as a key's attribute is (`password="required"`).
  if (first === "" || standsForSecret(first) || (prose && (quote === "" ? saysSecretState(inner) : standsInForSecret(inner)))) return undefined;
  // A word in backticks (Markdown's code, a template literal) keeps them, as a quoted value its quotes.
  if (quote === "" && BACKTICKED.test(inner)) {
    if (standsForSecret(inner.slice(1, -1))) return undefined;
    return { text: `${head}\`${marker}\``, kind: SECRET_PARAM_KIND, length: head.length + inner.length };
  }
  const scheme = SCHEME_WORDS.exec(inner);
  const schemeName = scheme?.[1]!.toLowerCase();
  if (scheme === null || !isAuthScheme(schemeName!) || (scheme[2] !== "" && !takesGluedColon(schemeName!))) {
    if (quote !== "") return `${head}${quote}${marker}${quote}`;
    return { text: `${head}${marker}`, kind: SECRET_PARAM_KIND, length: head.length + first.length };
  }
  const written = inner.slice(scheme[0].length);
  // A token in quotes (`Token: "abc…"`) is read inside them; they stay.
  const tokenQuote = QUOTED_TOKEN.exec(written)?.[1] ?? "";
  const credentials = tokenQuote === "" ? written : written.slice(tokenQuote.length, -tokenQuote.length);
  // A scheme and a state (jsonwebtoken's `Invalid token: jwt expired`, `Token: abgelaufen`) hold no credentials.
  if (credentials === "" || credentials.startsWith("[REDACTED:") || standsForSecret(credentials) || saysSecretState(credentials) || isStateInAnyLanguage(credentials)) return undefined;
  // Basic and Bearer credentials are one token68 (RFC 7617 §2, RFC 6750 §2.1), or Basic's
  // `user:password` a client logged before encoding it: a parameter after the word
  // (`auth=basic retry=false`) is the next pair, and the scheme word was the value.
  const firstCredential = credentials.split(/[ \t]/, 1)[0]!;
  if (schemeName! in SCHEME_KINDS && !TOKEN68.test(firstCredential) && !(schemeName === "basic" && USER_PASSWORD.test(firstCredential))) return undefined;
  const kind = SCHEME_KINDS[schemeName!] ?? SECRET_PARAM_KIND;
  const length = quote === "" ? head.length + inner.length : head.length + value.length;
  // Parameters (Digest's, OAuth 1.0's, AWS's) are read as under the header's key: the public
  // ones stay (`realm`, `oauth_timestamp`), each other's value goes in place.
  const each = kind === SECRET_PARAM_KIND && AUTH_PARAMETERS_START.test(credentials) ? redactedAuthParameters(inner) : undefined;
  if (each === inner) return undefined;
  if (each !== undefined) return { text: `${head}${quote}${each}${quote}`, kind, length };
  return { text: `${head}${quote}${scheme[0]}${tokenQuote}${redactionMarker(kind)}${tokenQuote}${quote}`, kind, length };
}

/**
 * A scheme's word, perhaps a `:` glued to it, its separator, and the same word again in any case
 * (`Token: Token …`, `Bearer: Bearer: …`); credentials start with a token's character or a
 * quote, and a `|` after the word parts a line's fields (`password=HMAC-SHA256 | next`).
 */
const SCHEME_WORDS = /^([A-Za-z][\w-]*)(:?)(?:[ \t]+|%20|\+)(?:\1:?(?:[ \t]+|%20|\+))*(?=[^\s|])/i;
/** Basic's credentials before their base64 encoding (RFC 7617 §2): a user's id, `:`, a password. */
const USER_PASSWORD = /^[^\s:]+:\S+$/;
