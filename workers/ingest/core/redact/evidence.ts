import {
  CARD_SECURITY_CODE_WORDS,
  SECRET_NAME_ENDINGS,
  isBarePassName,
  namesPasswordByShape,
  namesPasswordChange,
  PASSWORD_CHANGE_ENDINGS,
  isNameCharacter,
  isSecretFlagName,
  isSecretName,
  isSecretParameterName,
  isShortPasswordName,
  isHeldSecretName,
  LOGIN_WORDS,
  namesTokensCountMember,
  numericSecretDigits,
  nameBefore,
} from "./secret-names";
import { currentScan } from "./scan-scope";
import { SECRET_PAIR_NAME_START, fieldNameBefore } from "./name-value-pairs";
import { SCHEMES, namesCurlCookie } from "./credential-headers";
import { PASSWORD_OPTION_NAMES, holdsPasswordProgram } from "./password-options";
import { COMMAND_PASSWORD_HINT } from "./command-passwords";
import { isPostalCodeParameterName } from "./postal-code-names";
import { CARD_HOLDER_WORD, HOLDER_BEFORE_NAME } from "./card-holder-names";
import { holdsNanpNumber } from "./north-american-numbers";
import { PERSON_FIELD_PARTY_WAY, PERSON_FIELD_PRENOM_WAY, PERSON_FIELD_WORD } from "./person-names";
import { holdsPasswordHashMark, holdsPrivateKeyArmor, holdsSeparatedPrefix, holdsUnseparatedPrefix } from "./token-formats";
import { isIbanCountry } from "./iban-registry";
import { SQL_BOUND_LIST_MARKERS, SQL_WHERE, holdsSqlBoundList } from "./detectors/sql-values";
import { blanksAfter, blanksBefore, isBlank, isRegExpSpace } from "./blanks";
import { endsGluedLoggerPrefix } from "./logger-prefix";
import { holdsCharacterEscape } from "./escape-view";
import { ANY_REDIS_COMMAND_WORD, holdsRedisCommand } from "./redis-commands";
import {
  ANY_LETTERED_NAME as ANY_LETTERED_NATIONAL_ID_NAME, FEW_DIGITS_NAME as FEW_DIGITS_NATIONAL_ID_NAME, GERMAN_CARD_NAME, holdsFullWidthNationalIdHint,
  holdsNationalIdHint,
} from "./national-documents";
import { STREET_FIELD_WORD, STREET_POSTAL_CODE_HINT, STREET_TYPE_WORD } from "./street-addresses";
import { GREETING_HINT, HONORIFIC_HINT } from "./greetings";
import { NAME_INTRODUCER_HINT } from "./name-introducers";
import { ORACLE_LOGON_HINT, ORACLE_TOOL_HINT } from "./oracle-logons";
import { GO_MYSQL_DSN_HINT } from "./go-mysql-dsns";
import { DATABASE_ERROR_HINT } from "./database-error-words";
import { type WordSearch, wordKeysFrom, wordKeysIn } from "./word-keys";
import { WORD_KEY_TABLE } from "./word-keys-table";
import { PATTERN_NEEDS } from "./pattern-needs-table";

/**
 * Facts about a text that the built-in detectors need before they can find anything in it.
 * Each detector declares the facts of which any match it accepts shows at least one; a text
 * showing none of a detector's facts cannot hold what it redacts, so its regex does not run.
 * `evidenceIn` rules out the common strings (words, paths, hex and UUID ids, versions, short
 * numbers) with one loop of integer checks instead of a regex call each.
 */
export enum Evidence {
  /** `://` followed later by `@`: a URL's `user:password@`. */
  URL_CREDENTIALS = 1 << 0,
  /** `@` or `%40`: an e-mail address. */
  MAIL_AT = 1 << 1,
  /** Two `eyJ`: a JWT's header and payload. */
  JWT = 1 << 2,
  /** `Bearer`, `bearer` or `BEARER`. */
  BEARER = 1 << 3,
  /** `Basic`, `basic` or `BASIC`. */
  BASIC = 1 << 4,
  /**
   * `name=value` (perhaps blanks before `=`) with a name `isSecretParameterName` accepts, or a command-line flag starting a
   * word, with a name `isSecretFlagName` accepts, before `=`, a blank or a quote.
   */
  SECRET_PARAMETER = 1 << 5,
  /** `name: value` with a name ending as a secret name does, which `isSecretName` accepts. */
  SECRET_FIELD = 1 << 6,
  /** `::`, or a colon between a hex digit and one to four hex digits and another colon. */
  IPV6 = 1 << 7,
  /** A run of digits, spaces, `.`, `/` and `-` holding three dots. */
  DOTTED_QUAD = 1 << 8,
  /**
   * `+` and a digit, `(dd)`, Brazil's mobile shape `9dddd-dddd`, or eight digits and a word
   * naming a phone (`PHONE_WORD`) before them, or anywhere in a text holding `(` and an SQL
   * `VALUES` (an `INSERT`'s column list), or eight digits and an ORM's list of bound
   * parameters (`SQL_BOUND_LIST_MARKERS`: `-- PARAMETERS:`, `Params:`, Sequelize's `Executing (`).
   */
  PHONE = 1 << 9,
  /** A run of digits, spaces, `.`, `/` and `-` with 11 digits from where a CPF could start. */
  CPF_DIGITS = 1 << 10,
  /** The same with 14 digits, or `/XXXX-dd` (the alphanumeric CNPJ's branch and check digits). */
  CNPJ = 1 << 11,
  /** The same with 13 digits from a `[2-689]` where a card number could start. */
  CARD_DIGITS = 1 << 12,
  /** A prefix of `KNOWN_TOKEN_FORMATS` (`ghp_`, `sk-`, `AKIA`, …) in a text long enough for a token. */
  KNOWN_TOKEN = 1 << 13,
  /**
   * Four digits and a word naming a code (`code`, `Code`, `CODE`, `OTP`, `PIN`, `código`, `G-1`,
   * `FB-1`: `CODE_WORD`) or a verb giving one (`Use 6`: `USE_CODE`), or three digits and a card
   * security code's name (`CVV`, `security`: `CARD_CODE_WORD`).
   */
  CODE_PHRASE = 1 << 14,
  /** `ddd-dd-dddd`, or a run of nine digits after a word naming a Social Security number (`SSN_WORD`). */
  SSN = 1 << 15,
  /**
   * What `secretAssignmentDetector` reads: `=>`, or `=` with a blank beside it, after a secret
   * parameter name; a quote after `PASSWORD`, `BY` or `FOR` (SQL); an end tag `</name>` of a
   * secret name; `%3D` after an encoded secret parameter name.
   */
  SECRET_ASSIGNMENT = 1 << 16,
  /**
   * `=` after a postal code's parameter name (`isPostalCodeParameterName`) after `?`, `&`, `#`,
   * `;`, `,`, `(`, a blank or nothing; or `:` after such a name, perhaps quoted, also after `{`
   * or `[` (a field, a JSON member); the value's first characters able to start a postal code
   * (`postalCodeValueMayStart`).
   */
  POSTAL_CODE_PARAMETER = 1 << 17,
  /** A PEM private key's armor line (`-----BEGIN`, then `PRIVATE KEY`) or a PuTTY key file's first line (`PuTTY-User-Key-File-`). */
  PRIVATE_KEY = 1 << 18,
  /** Seven digits and a word naming a Brazilian identity document (`RG`, `CNH`, `identidade`): `ID_DOCUMENT_WORD`. */
  ID_DOCUMENT = 1 << 19,
  /** Two `$` close together, or an LDAP scheme in braces (`{SSHA}`, `{MD5}`): a stored password hash (`holdsPasswordHashMark`). */
  PASSWORD_HASH = 1 << 20,
  /**
   * A run of seven digits or more with a country code of the IBAN registry and two digits
   * starting a word before it, in any case, only letters, digits and blanks between (`DE89
   * 3704…`, `GB82 WEST 1234…`, `de89 3704…`).
   */
  IBAN = 1 << 21,
  /**
   * `cf` (any case) after no word character or `-` and before `-` or `_` (a visitor-location
   * header: `cf-ipcity`); or `cf` before `.` or, past a quote and blanks, `:` or `=` and `{` (a
   * logged `request.cf`: `cf.city=`, `cf={"city":…}`).
   */
  VISITOR_LOCATION = 1 << 22,
  /**
   * `.PIX`, `.pix` or `.Pix` in a text with three dots and a `b` (a BR Code's `br.gov.bcb.pix`),
   * or a UUID and a word a PIX key's name holds (`PIX_KEY_WORD`), or a PIX key field's word
   * (`PIX_FIELD_WORD`) and a `:`, a `=` or ten digits (`pix_key=…`, `pix 11987654321`).
   */
  PIX = 1 << 23,
  /**
   * Five digits, a code's first digits after a blank (`holdsProseCodeDigits`), and a postal code's
   * word starting a word (`CEP`, `zip`, `postal`, `postcode`): `postalCodePhraseEvidence`.
   */
  POSTAL_CODE_PHRASE = 1 << 24,
  /**
   * A colon, `=`, `-` (a label's ` - ` in prose, `card-holder-phrase.ts`) or a quote or tag's `<`
   * (`<CardHolder>`), and a card holder's
   * word (`holder`, `titular`, `onCard`: `CARD_HOLDER_WORD`) or a person-name field's
   * (`user.name`, `fullName`: `PERSON_FIELD_WORD`, `person-name-field.ts`). One fact for the
   * fields of both kinds of name: a text holding one rarely holds the other. In a text with none
   * of those, a holder's word before a blank and a capital (`Policyholder Jan`: `HOLDER_BEFORE_NAME`).
   */
  CARD_HOLDER_FIELD = 1 << 25,
  /** An ORM's list of bound parameters (`SQL_BOUND_LIST_MARKERS`: `-- PARAMETERS:`, `Params:`, Sequelize's `Executing (`). */
  SQL_BOUND_LIST = 1 << 26,
  /**
   * An SQL statement's values written inline: `(` and `VALUES` (an `INSERT`'s rows), `=` and
   * `SET` (an `UPDATE`'s assignments), in the spellings `SQL_VALUES_SPELLINGS`/`SQL_SET_SPELLINGS`,
   * or `=` or `(`, a quote or a digit and a `WHERE` (`SQL_WHERE`: its comparisons).
   */
  SQL_STATEMENT = 1 << 27,
  /** A Redis command word that takes a password, in any case (`redis-commands.ts`: `holdsRedisCommand`). */
  REDIS_COMMAND = 1 << 28,
  /**
   * A JSON escape that encodes a character (`\n`, `\u00e3`; not `\"`): no detector's fact, but
   * what tells the scanner to read the text through its escapes (`escape-view.ts`) and ask for
   * its facts there. When `evidenceIn` finds it, it is the only fact returned. The word's last
   * bit, apart from the detectors' facts, which are numbered from 0. The word is full: the next
   * fact goes to `MoreEvidence`.
   */
  ESCAPES = 1 << 29,
}

/**
 * The bits of one word of facts: 30, so that a mask stays a small integer in V8 (31-bit signed
 * with pointer compression, as in workerd) wherever it is kept or passed: `1 << 30` and the sign
 * bit would make it a heap number.
 */
export const EVIDENCE_WORD_BITS = 30;

/**
 * The second word of facts, as `Evidence` (bits 0 to 29, 13 of them free): a detector declares
 * them in `moreEvidence`, and `evidenceIn` writes them where its caller asks. A fact goes here
 * when `Evidence` has no bit left; which word a fact is in changes nothing of what it gates.
 */
export enum MoreEvidence {
  /**
   * A street address's field or line (`detectors/street-address.ts`): a `:` or `=` and a street
   * address key's word (`STREET_FIELD_WORD`: `street`, `address`, `line1`, `endereco`), or a digit,
   * a blank and a street's type or head word (`STREET_TYPE_WORD`: `St`, `Avenue`, `Rua`).
   */
  STREET_ADDRESS = 1 << 0,
  /**
   * A date of birth's or a passport's name and its value's digits (`detectors/personal-documents.ts`):
   * five digits and a word those names hold (`PERSONAL_DOCUMENT_WORD`: `birth`, `born`, `dob`, `nasc`, `passport`).
   */
  PERSONAL_DOCUMENT = 1 << 1,
  /**
   * A session's word and a digit (`detectors/session-id-phrase.ts`): the word in English,
   * Spanish or Portuguese (`SESSION_WORD`: `session`, `sesión`, `sessão`, or the word `sid`) and a digit, which every
   * id the detector takes holds.
   */
  SESSION_ID_PHRASE = 1 << 2,
  /**
   * A password's word in prose or a percent-encoded `=` (`detectors/password-phrase.ts`), or a
   * credential's phrase (`detectors/credential-phrase.ts`): `PASSWORD_WORD`, `PASSWORD_PHRASE_WORD` (`password`,
   * `passphrase`, `senha`, `contraseña`, `Passwort`, `Kennwort`, `wachtwoord`, `mot de passe`, `hasło`, `lösenord` (`OTHER_PASSWORD_WORD`),
   * `clave`, `%3D`, `pass phrase`, `API key`, `token for`, `secret
   * was`), which every match of the detectors holds.
   */
  PASSWORD_PHRASE = 1 << 3,
  /**
   * Code comparing a value with a literal or looking a setting up (`detectors/credential-literal.ts`):
   * `==`/`!=`, a comparing call's or an assertion's name, a lookup's name before `(`, or an
   * environment's name, a shell's expansion with a default (`CREDENTIAL_LITERAL_HINT`), which every match of the detector holds.
   */
  CREDENTIAL_LITERAL = 1 << 4,
  /**
   * A credential's word in prose (`detectors/key-phrase.ts`): `key`, `secret`, `token` or `code`
   * in any case (`KEY_PHRASE_WORD`), which every name the detector reads holds.
   */
  KEY_PHRASE = 1 << 5,
  /**
   * A `/` and a one-time link's word (`detectors/url-path-token.ts`): `reset`, `verif`, `confirm`,
   * `activat`, `magic`, `invit`, `unsubscribe` or `share` in lower case, or Stripe's domain (a
   * receipt's or an invoice's page) (`URL_PATH_TOKEN_WORD`), which every path the detector reads holds.
   */
  URL_PATH_TOKEN = 1 << 6,
  /**
   * A national identity number's name or unnamed shape and four digits, or a German identity card's
   * name and one digit (`detectors/national-ids.ts`): `holdsNationalIdHint` (`DNI`, `national
   * insurance`, `BSN`, `Ausweisnummer`, a CURP's or a codice fiscale's start).
   */
  NATIONAL_ID = 1 << 7,
  /**
   * A greeting's word and a blank, or a Japanese honorific (`detectors/greeting-name.ts`):
   * `GREETING_HINT` (`Dear`, `Hola`, `Sehr geehrte`), `HONORIFIC_HINT` (`様`, `さん`).
   */
  GREETING = 1 << 8,
  /**
   * A home directory's parent and a separator (`detectors/home-directory.ts`): `home`, `Users`,
   * `users` (any case) after a drive's `:` or a one-letter directory, or `Settings` (any case),
   * before `/` or `\\`, or a `~` before a letter (`HOME_DIRECTORY_HINT`), which every path the
   * detector reads holds.
   */
  HOME_DIRECTORY = 1 << 9,
  /**
   * An authentication scheme's word other than Bearer's and Basic's before a blank, and a digit
   * (`detectors/auth-scheme.ts`): `AUTH_SCHEME_WORD` (`Token`, `SSWS`, `Digest`), which every
   * match of the detector holds, and its credentials a digit.
   */
  AUTH_SCHEME = 1 << 10,
  /**
   * A traceback's drawn value (`detectors/traceback-value.ts`): `└ ` (a character past Latin-1,
   * so asked only of a text holding one), or `-> ` at a line's start after blanks and `|`
   * (`DRAWN_ASCII_ROW`), which every row the detector reads starts with.
   */
  DRAWN_VALUE = 1 << 11,
  /**
   * A word saying a person's name follows and a blank (`detectors/introduced-name.ts`): a party's
   * word or a title before blanks and a capital letter, or a distinguished name's `CN=`
   * (`NAME_INTRODUCER_HINT`: `user Maria`, `Dr. Marie`, `CN=John Smith`), which every name the
   * detector takes follows; every such name holds a blank between its words.
   */
  NAME_INTRODUCER = 1 << 12,
  /**
   * An Oracle logon's `@` and `/` and a word of the places one is written in
   * (`detectors/oracle-connect.ts`): `ORACLE_LOGON_HINT` (a tool's name, a connection key's word,
   * `ORA-`, `@//`, `@host:port`), which every logon the detector takes shows; or, for a logon
   * without `@`, its `/`, a blank and a tool's name or SQL*Plus's prompt (`ORACLE_TOOL_HINT`).
   */
  ORACLE_LOGON = 1 << 13,
  /**
   * A Go MySQL DSN's `:` and its `@` before a network or a database's `/`
   * (`detectors/go-mysql-dsn.ts`): `GO_MYSQL_DSN_HINT` (`@tcp(`, `@unix(`, `@/`), which every
   * DSN the detector takes shows.
   */
  GO_MYSQL_DSN = 1 << 14,
  /**
   * A value printed beside its column's, parameter's or field's name (`detectors/named-values.ts`):
   * `NAMED_VALUE_HINT` (Rails' `[["`, EF Core's `[Parameters=[@`, pydantic's `input_value=`,
   * FastAPI's `"input":`), which every match of the detector is in or holds.
   */
  NAMED_VALUE = 1 << 15,
  /**
   * A command that takes a password as an argument (`detectors/command-password.ts`): a blank
   * and `COMMAND_PASSWORD_HINT` (`passwd` in `htpasswd`, `chpasswd`, `openssl passwd`;
   * `rabbitmqctl`; `net use`, `net user`), which every command the detector reads holds.
   */
  COMMAND_PASSWORD = 1 << 16,
  /**
   * A database's error quoting a value (`detectors/database-error-values.ts`): `DATABASE_ERROR_HINT`
   * (PostgreSQL's `Key (` and `Failing row contains (`, MySQL's `Duplicate entry '`, SQL Server's
   * `duplicate key value is (`), which every value the detector reads follows.
   */
  DATABASE_ERROR = 1 << 17,
  /**
   * A header list printed as pairs with no name (`detectors/header-pairs.ts`): `HEADER_PAIR_HINT`,
   * a quote or a list's or tuple's opening right before a dashed name, `Authorization`,
   * `Cookie` or a secret pair's name (`SECRET_PAIR_NAME_START`), which every name the detector pairs starts with.
   */
  HEADER_PAIR = 1 << 18,
  /**
   * Codes under a code list's name in the shapes `detectors/code-lists.ts` reads (`map[pins:[1234 5678]]`,
   * `otp[]=123456`): three digits or more in the whole text (a CVV's fewest) and a code's word before a
   * separator (`CODE_LIST_HINT`).
   */
  CODE_LIST = 1 << 19,
  /** A header dump joined by `:?:` (`detectors/sanitized-headers.ts`): the text holds `:?:`. */
  SANITIZED_HEADER = 1 << 20,
  /** A key/value table's row (`detectors/table-rows.ts`): the text holds `|`, or a box-drawing table's `│`, `┃` or `║`. */
  TABLE_ROW = 1 << 21,
}

const CPF_DIGITS = 11;
const CNPJ_DIGITS = 14;
const CARD_DIGITS = 13;

/**
 * What `evidenceIn`'s first loop reads of each ASCII character: in the low `CLASS_BITS` bits,
 * classes OR-ed over the text; above them, counts added over the text (digits in 12 bits, then
 * dots).
 */
const HAS_AT = 1 << 0;
const HAS_PERCENT = 1 << 1;
/**
 * `J` (a JWT's `eyJ`), `$` (a password hash's `$2b$`) or `\\` (a JSON escape): rare characters
 * sharing a bit, so a text holding one pays the others' native searches too.
 */
const HAS_J_DOLLAR_OR_BACKSLASH = 1 << 2;
const HAS_SLASH = 1 << 3;
const HAS_DASH = 1 << 4;
const HAS_B = 1 << 5;
const HAS_R = 1 << 6;
const HAS_S = 1 << 7;
const HAS_I = 1 << 8;
const HAS_COLON = 1 << 9;
const HAS_PHONE_START = 1 << 10;
const HAS_EQUALS = 1 << 11;
const HAS_UNDERSCORE = 1 << 12;
const HAS_CAPITAL_A = 1 << 13;
/** `'`, `<` or `[`: SQL strings, XML tags, a credential pair's array (`secretAssignmentEvidence`). */
const HAS_QUOTE_OR_TAG = 1 << 14;
/**
 * `v`, `V`, `y` or `Y`, in every English name of a card security code but `CSC` (`cvv`, `cvc`,
 * `cav2`, `security`), or a Latin-1 letter past ASCII (`ç`, `ó`: `código de segurança` /
 * `seguridad`).
 */
const HAS_CARD_CODE_LETTER = 1 << 15;
/** A blank or `#`: what a card security code and a code given before its purpose follow (`CVV 123`, `CVV#123`, `Use 654321 to`). */
const HAS_BLANK = 1 << 16;
/** Below 18, so that a digit and a dot count (`ONE_DOT`) leave every mask a small integer. */
const CLASS_BITS = 17;
const ONE_DIGIT = 1 << CLASS_BITS;
const ONE_DOT = 1 << (CLASS_BITS + 12);
/** By a character's low eight bits: Latin-1 reads as itself, later characters as a Latin-1 one. */
const CHARACTERS = new Int32Array(256);
for (let code = 48; code <= 57; code++) CHARACTERS[code] = ONE_DIGIT;
const SINGLE_CLASSES: readonly (readonly [string, number])[] = [
  [".", ONE_DOT],
  ["-", HAS_DASH],
  ["_", HAS_UNDERSCORE],
  ["A", HAS_CAPITAL_A],
  ["/", HAS_SLASH],
  [":", HAS_COLON],
  ["=", HAS_EQUALS],
  ["+", HAS_PHONE_START],
  ["(", HAS_PHONE_START],
  ["@", HAS_AT],
  ["%", HAS_PERCENT],
  ["J", HAS_J_DOLLAR_OR_BACKSLASH],
  ["$", HAS_J_DOLLAR_OR_BACKSLASH],
  ["\\", HAS_J_DOLLAR_OR_BACKSLASH],
  ["B", HAS_B],
  ["b", HAS_B],
  ["R", HAS_R],
  ["r", HAS_R],
  ["S", HAS_S],
  ["s", HAS_S],
  ["I", HAS_I],
  ["i", HAS_I],
  ["'", HAS_QUOTE_OR_TAG],
  ["<", HAS_QUOTE_OR_TAG],
  ["[", HAS_QUOTE_OR_TAG],
];
for (const [character, read] of SINGLE_CLASSES) CHARACTERS[character.charCodeAt(0)] = read;
for (const letter of "vVyY") CHARACTERS[letter.charCodeAt(0)] = HAS_CARD_CODE_LETTER;
for (const blank of " \t#") CHARACTERS[blank.charCodeAt(0)] = HAS_BLANK;
for (let code = 0xc0; code <= 0xff; code++) if (code !== 0xd7 && code !== 0xf7) CHARACTERS[code] = HAS_CARD_CODE_LETTER;
/**
 * What `evidenceIn`'s first loop also reads of each character, by its low eight bits, OR-ed over
 * the text: the ASCII letter it is in either case (bit 0 for `a` and `A`, …, bit 25 for `z` and
 * `Z`), which a word search needs all of before it can match (`needsOfWords`); `NOT_WORD` for a
 * character outside `[A-Za-z0-9_]`; `HAS_CAPITAL` for `A` to `Z` and `HAS_TILDE` for `~`, which
 * spare the searches needing them the texts of ids and routes, most in lower case and none with a
 * `~` (`UNNAMED_HINT` in `national-documents.ts`, `HOME_DIRECTORY_HINT`). A character past Latin-1
 * reads as its low eight bits here too, which at worst adds a letter or one of those bits; whether
 * the text has one is read from the OR of the codes.
 */
const LETTERS = new Int32Array(256);
const NOT_WORD = 1 << 26;
const ALL_LETTERS = NOT_WORD - 1;
const HAS_CAPITAL = 1 << 27;
const HAS_TILDE = 1 << 28;
for (let code = 0; code < 256; code++) {
  const lower = code | 0x20;
  if (lower >= 97 && lower <= 122 && code < 128) LETTERS[code] = (1 << (lower - 97)) | (code < 97 ? HAS_CAPITAL : 0);
  else if (!(code >= 48 && code <= 57) && code !== 95) LETTERS[code] = NOT_WORD;
}
LETTERS[126] = NOT_WORD | HAS_TILDE;
/** Past this length the first loop's digit count could overflow into its dot count. */
const COUNTED_LENGTH = 4000;
/** The shortest dotted quad, `1.2.3.4`. */
const SHORTEST_DOTTED_QUAD = 7;
/** The fewest digits of a phone number the phone detector accepts. */
const PHONE_DIGITS = 8;
/** The digits of a North American number (`north-american-numbers.ts`). */
const NANP_DIGITS = 10;
/** Classes that call for a closer look whatever the counts. */
const LOOKED_AT =
  HAS_AT | HAS_PERCENT | HAS_J_DOLLAR_OR_BACKSLASH | HAS_B | HAS_COLON | HAS_EQUALS | HAS_PHONE_START | HAS_SLASH | HAS_DASH;
/** Classes that end most known tokens' prefixes. */
const TOKEN_SEPARATORS = HAS_DASH | HAS_UNDERSCORE;

/**
 * The `Evidence` facts `text` shows, as a mask. Each fact is a necessary condition of a
 * detector's match (its regex) or of its acceptance (the name checks of secret parameters),
 * never a sufficient one: the detector's regex and checks still decide.
 *
 * One loop over the character codes (two table lookups, ORs and an add each) says which
 * characters and ASCII letters the text holds, whether it holds only word characters, and how
 * many digits and dots; most strings (words, hex ids, paths with short numbers, versions) end
 * there, and word searches run only in texts holding their letters (`needsOfPatterns`) or, for the
 * `MoreEvidence` word searches, their words' first letters (`word-keys.ts`, one more pass). Each fact is then established only where its
 * characters are, with native searches (`indexOf`, `includes`) for `@`, `%40`, `eyJ`, the
 * scheme words, colons, `=`, `+` and `(`, and a walk of the digit runs only when the text has
 * the digits or dots of one (`digitRunEvidence`).
 *
 * A text holding an escape that encodes a character shows `Evidence.ESCAPES` alone, unless
 * `escapesRead` says it is the view the scanner reads in its place (`escape-view.ts`:
 * `ana\u0040example.com` shows its `@` there). That costs a text without a backslash nothing but
 * the first loop's bit, which it shares with `J` and `$`; a text whose backslashes encode no
 * character (`\"`, `\\`) a read of its backslashes.
 *
 * Returns the `Evidence` facts. The `MoreEvidence` facts are asked only when `more` is given,
 * and written to `more[0]` (0 with `Evidence.ESCAPES`): an array the caller keeps, so that no
 * call allocates, and two words of small integers rather than one number too wide for one.
 */
export function evidenceIn(text: string, escapesRead = false, more?: Int32Array): number {
  const length = text.length;
  let classes = 0;
  let counts = 0;
  let letters = 0;
  let codes = 0;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    // A character past Latin-1 reads as its low eight bits: at worst more is looked at.
    const read = CHARACTERS[code & 255]!;
    classes |= read;
    counts += read >>> CLASS_BITS;
    letters |= LETTERS[code & 255]!;
    codes |= code;
  }
  // Only ASCII letters, digits and `_` (ids, words, numbers): no search that needs a blank, a
  // quote or punctuation runs.
  const wordOnly = (letters & NOT_WORD) === 0 && codes < 256;
  // The facts of a text with escapes are those of what they say, asked of its view.
  if (!escapesRead && (classes & HAS_J_DOLLAR_OR_BACKSLASH) !== 0 && holdsCharacterEscape(text)) {
    if (more !== undefined) more[0] = 0;
    return Evidence.ESCAPES;
  }
  // An escaped tab (`\t`) is a blank in the view (escape-view.ts), which is skipped when the raw
  // text is asked in its place: the raw text shows the blank too, for every gate that reads one.
  if ((classes & (HAS_J_DOLLAR_OR_BACKSLASH | HAS_BLANK)) === HAS_J_DOLLAR_OR_BACKSLASH && text.includes("\\t")) classes |= HAS_BLANK;
  // In a longer text the counts may have overflowed: every check that needs them runs.
  const digits = length > COUNTED_LENGTH ? COUNTED_LENGTH : counts & 0xfff;
  const dots = length > COUNTED_LENGTH ? COUNTED_LENGTH : counts >>> 12;
  // Which word searches may match, from one pass over the text's words (`word-keys.ts`).
  const words = wordKeysIn(text, WORD_KEYS);
  if (more !== undefined) more[0] = streetAddressEvidence(text, classes, letters, digits, words) | (digits >= PERSONAL_DOCUMENT_DIGITS && ((words & WORD_PERSONAL_DOCUMENT) !== 0 || codes >= 0x3000 || mayHoldAny(0, letters, PERSONAL_DOCUMENT_SHORT_NEEDS)) && PERSONAL_DOCUMENT_WORD.test(text) ? MoreEvidence.PERSONAL_DOCUMENT : 0);
  if (more !== undefined && digits > 0 && (words & WORD_SESSION) !== 0 && SESSION_WORD.test(text)) more[0] = (more[0] ?? 0) | MoreEvidence.SESSION_ID_PHRASE;
  // `%3D` has no letter: the first loop's `%` says it may be there.
  if (
    more !== undefined &&
    ((((words & WORD_PASSWORD) !== 0 || (classes & HAS_PERCENT) !== 0) && PASSWORD_WORD.test(text)) ||
      ((classes & HAS_BLANK) !== 0 && (words & WORD_PASSWORD_PHRASE) !== 0 && holdsAny(text, PASSWORD_PHRASE_PIECES) && PASSWORD_PHRASE_WORD.test(text)) ||
      ((words & WORD_OTHER_PASSWORD) !== 0 && OTHER_PASSWORD_WORD.test(text)))
  ) {
    more[0] = (more[0] ?? 0) | MoreEvidence.PASSWORD_PHRASE;
  }
  // Every match holds a literal's quote or a shell expansion's `$`: a native search first.
  if (more !== undefined && !wordOnly && ((classes & (HAS_QUOTE_OR_TAG | HAS_J_DOLLAR_OR_BACKSLASH)) !== 0 || text.includes('"')) && CREDENTIAL_LITERAL_HINT.test(text)) {
    more[0] = (more[0] ?? 0) | MoreEvidence.CREDENTIAL_LITERAL;
  }
  if (more !== undefined && (classes & HAS_SLASH) !== 0 && (words & WORD_URL_PATH_TOKEN) !== 0 && URL_PATH_TOKEN_WORD.test(text)) more[0] = (more[0] ?? 0) | MoreEvidence.URL_PATH_TOKEN;
  if (
    more !== undefined &&
    (classes & (HAS_SLASH | HAS_J_DOLLAR_OR_BACKSLASH)) !== 0 &&
    ((letters & HAS_TILDE) !== 0 || mayHoldAny(classes, letters, HOME_DIRECTORY_NEEDS)) &&
    HOME_DIRECTORY_HINT.test(text)
  ) {
    more[0] = (more[0] ?? 0) | MoreEvidence.HOME_DIRECTORY;
  }
  if (more !== undefined && digits >= 3 && !wordOnly && CODE_LIST_HINT.test(text)) more[0] = (more[0] ?? 0) | MoreEvidence.CODE_LIST;
  if (more !== undefined && !wordOnly && text.includes(":?:")) more[0] = (more[0] ?? 0) | MoreEvidence.SANITIZED_HEADER;
  // A box-drawing table's vertical line is U+2502: a text of Latin-1 alone (the OR of its codes below 0x100) pays nothing for it.
  if (more !== undefined && !wordOnly && (text.includes("|") || ((codes & ~0xff) !== 0 && TABLE_BORDER.test(text)))) more[0] = (more[0] ?? 0) | MoreEvidence.TABLE_ROW;
  // The detector's value follows its name after a blank, and is 16 characters or more.
  if (more !== undefined && (classes & HAS_BLANK) !== 0 && length >= KEY_PHRASE_LENGTH && (words & WORD_KEY_PHRASE) !== 0 && KEY_PHRASE_WORD.test(text)) more[0] = (more[0] ?? 0) | MoreEvidence.KEY_PHRASE;
  if (more !== undefined && digits > 0 && (classes & HAS_BLANK) !== 0 && (words & WORD_AUTH_SCHEME) !== 0 && AUTH_SCHEME_WORD.test(text)) more[0] = (more[0] ?? 0) | MoreEvidence.AUTH_SCHEME;
  // `└` is U+2514: a text of Latin-1 alone (the OR of its codes below 0x100) pays nothing.
  if (more !== undefined && (((codes & ~0xff) !== 0 && text.includes("└ ")) || ((classes & HAS_DASH) !== 0 && DRAWN_ASCII_ROW.test(text)))) {
    more[0] = (more[0] ?? 0) | MoreEvidence.DRAWN_VALUE;
  }
  // The bracketed forms open with a `[` (the first loop's `HAS_QUOTE_OR_TAG`), the others hold `input`.
  if (more !== undefined && !wordOnly && ((classes & HAS_QUOTE_OR_TAG) !== 0 || text.includes("input")) && NAMED_VALUE_HINT.test(text)) more[0] = (more[0] ?? 0) | MoreEvidence.NAMED_VALUE;
  // Every list's opening or string's quote is a `[` or a quote (the first loop's `HAS_QUOTE_OR_TAG`), but a tuple's `(` and a `"`.
  if (more !== undefined && !wordOnly && ((classes & HAS_QUOTE_OR_TAG) !== 0 || text.includes("(") || text.includes('"')) && HEADER_PAIR_HINT.test(text)) more[0] = (more[0] ?? 0) | MoreEvidence.HEADER_PAIR;
  // A logon to the local database has no `@`: a tool's name before it, after a blank, says it may be one.
  if (more !== undefined && (classes & HAS_SLASH) !== 0 && ((classes & HAS_AT) !== 0 ? ORACLE_LOGON_HINT : (classes & HAS_BLANK) !== 0 ? ORACLE_TOOL_HINT : undefined)?.test(text)) {
    more[0] = (more[0] ?? 0) | MoreEvidence.ORACLE_LOGON;
  }
  if (more !== undefined && (classes & (HAS_AT | HAS_COLON)) === (HAS_AT | HAS_COLON) && GO_MYSQL_DSN_HINT.test(text)) more[0] = (more[0] ?? 0) | MoreEvidence.GO_MYSQL_DSN;
  // A German identity card's number may hold one digit (`LZ6X7TFRK`): below four digits only a text holding its name's letters is searched.
  if (more !== undefined && (digits >= NATIONAL_ID_DIGITS || (digits > 0 && mayHoldAny(0, letters, GERMAN_CARD_NAME_NEEDS))) && holdsNationalIdHint(text, digits, (words & WORD_NATIONAL_ID_NAME) !== 0 || codes >= 0x3000, (words & WORD_FEW_DIGITS_NATIONAL_ID_NAME) !== 0, (letters & HAS_CAPITAL) !== 0)) {
    more[0] = (more[0] ?? 0) | MoreEvidence.NATIONAL_ID;
  }
  // Full-width digits are no ASCII digits: a My Number written in them is read where such a character is (`codes`, the OR of the text's).
  if (more !== undefined && codes >= 0xff10 && holdsFullWidthNationalIdHint(text)) more[0] = (more[0] ?? 0) | MoreEvidence.NATIONAL_ID;
  if (more !== undefined && (classes & HAS_BLANK) !== 0 && (words & WORD_NAME_INTRODUCER) !== 0 && NAME_INTRODUCER_HINT.test(text)) more[0] = (more[0] ?? 0) | MoreEvidence.NAME_INTRODUCER;
  if (more !== undefined && (classes & HAS_BLANK) !== 0 && (words & WORD_COMMAND_PASSWORD) !== 0 && COMMAND_PASSWORD_HINT.test(text)) more[0] = (more[0] ?? 0) | MoreEvidence.COMMAND_PASSWORD;
  if (more !== undefined && (classes & HAS_BLANK) !== 0 && (words & WORD_DATABASE_ERROR) !== 0 && DATABASE_ERROR_HINT.test(text)) more[0] = (more[0] ?? 0) | MoreEvidence.DATABASE_ERROR;
  if (more !== undefined && (((classes & HAS_BLANK) !== 0 && (words & WORD_GREETING) !== 0 && GREETING_HINT.test(text)) || (codes > 0x3000 && HONORIFIC_HINT.test(text)))) {
    more[0] = (more[0] ?? 0) | MoreEvidence.GREETING;
  }
  let named =
    // In a text of word characters a code could only be the whole text, all digits, which no code word is.
    (digits >= CARD_CODE_DIGITS && !wordOnly ? namedNumberEvidence(text, digits, classes) : 0) |
    // The code follows a blank (HAS_BLANK): ids and JSON numbers, most digits met, need no search.
    (digits >= POSTAL_CODE_PHRASE_DIGITS && (classes & HAS_BLANK) !== 0 && holdsProseCodeDigits(text) ? postalCodePhraseEvidence(text) : 0) |
    // A UK or Dutch postcode after its word holds two to four digits (`postcode SW1A 1AA`, `postcode 1012 LM`): native searches for the word first.
    (digits >= 2 && (classes & HAS_BLANK) !== 0 && holdsPostcodeWord(text) && UK_POSTCODE_PHRASE.test(text) ? Evidence.POSTAL_CODE_PHRASE : 0) |
    // A card's track 1 glues its PAN to the format code `B`, which the digit runs' walk reads as no card's start: its `^` says it.
    (digits >= CARD_DIGITS && text.includes("^") ? Evidence.CARD_DIGITS : 0);
  // A command's word is followed by a blank, a quote (a list's item, `["auth","pw"]`), a `(` or
  // RESP's `$` lengths.
  if ((classes & (HAS_BLANK | HAS_J_DOLLAR_OR_BACKSLASH | HAS_QUOTE_OR_TAG | HAS_PHONE_START)) !== 0 || (!wordOnly && text.includes('"'))) {
    if (mayHoldAny(0, letters, REDIS_COMMAND_NEEDS) && holdsRedisCommand(text)) named |= Evidence.REDIS_COMMAND;
  }
  if ((classes & (LOOKED_AT | TOKEN_SEPARATORS | HAS_CAPITAL_A)) === 0 && digits < NAMED_RUN_DIGITS && dots < 3) {
    // A known prefix holding a dot or an `S` (`SG.`, `ya29.`, Twilio's `SK`) needs none of the characters looked at.
    if ((dots > 0 || (classes & HAS_S) !== 0) && holdsUnseparatedPrefix(text, false, dots > 0, (classes & HAS_S) !== 0)) named |= Evidence.KNOWN_TOKEN;
    // SQL's `WITH PASSWORD '…'` needs none of the characters looked at.
    return (classes & (HAS_QUOTE_OR_TAG | HAS_I)) !== 0 ? named | sqlPasswordEvidence(text, classes) | credentialPairEvidence(text, classes) : named;
  }
  let found = named;
  if ((classes & HAS_DASH) !== 0 && digits >= SSN_DIGITS) found |= dashedNumberEvidence(text);
  // A known token's prefix ends in `_` or `-`, or holds an `A` (`AKIA`, Telegram's `:A`), a dot
  // (a webhook's host, `ya29.`) or an `S` (Twilio's `SK`); a PEM private key's armor line starts with five `-`, a PuTTY key file's with `PuTTY-`.
  if ((classes & HAS_DASH) !== 0 && holdsPrivateKeyArmor(text)) found |= Evidence.PRIVATE_KEY;
  if ((classes & TOKEN_SEPARATORS) !== 0 && holdsSeparatedPrefix(text)) found |= Evidence.KNOWN_TOKEN;
  else if (
    ((classes & (HAS_CAPITAL_A | HAS_S)) !== 0 || dots >= 1) &&
    holdsUnseparatedPrefix(text, (classes & HAS_CAPITAL_A) !== 0, dots >= 1, (classes & HAS_S) !== 0)
  ) {
    found |= Evidence.KNOWN_TOKEN;
  }
  if ((classes & HAS_DASH) !== 0) found |= flagEvidence(text);
  found |= visitorLocationEvidence(text, classes, dots);
  if ((classes & HAS_AT) !== 0) found |= atEvidence(text);
  if ((classes & HAS_PERCENT) !== 0 && text.includes("%40")) found |= Evidence.MAIL_AT;
  if ((classes & HAS_J_DOLLAR_OR_BACKSLASH) !== 0) {
    const first = text.indexOf("eyJ");
    if (first >= 0 && text.indexOf("eyJ", first + 3) >= 0) found |= Evidence.JWT;
  }
  // Two `$` of a crypt string; an LDAP scheme's `{SSHA}` (an `A`) or `{MD5}` (base64 padding, `=`).
  if (
    (classes & (HAS_J_DOLLAR_OR_BACKSLASH | HAS_CAPITAL_A | HAS_EQUALS)) !== 0 &&
    holdsPasswordHashMark(text, (classes & HAS_J_DOLLAR_OR_BACKSLASH) !== 0, (classes & HAS_CAPITAL_A) !== 0, (classes & HAS_EQUALS) !== 0)
  ) {
    found |= Evidence.PASSWORD_HASH;
  }
  if (mayHoldAny(classes, letters, BEARER_NEEDS) && holdsAny(text, BEARER_SPELLINGS)) found |= Evidence.BEARER;
  if (mayHoldAny(classes, letters, BASIC_NEEDS) && holdsAny(text, BASIC_SPELLINGS)) {
    found |= Evidence.BASIC;
  }
  // Whether the text may hold a name starting with `cep` (`cepDestino`), asked once, only where
  // a name before `=` or `:` does not end as the other postal code names do.
  let cepName: boolean | undefined;
  if ((classes & HAS_EQUALS) !== 0) {
    for (let equals = text.indexOf("="); equals >= 0; equals = text.indexOf("=", equals + 1)) {
      if (equals + 1 < length && namesSecretParameter(text, equals)) found |= Evidence.SECRET_PARAMETER;
      if (assignsToSecretName(text, equals)) found |= Evidence.SECRET_ASSIGNMENT;
      if (opensCfObject(text, equals)) found |= Evidence.VISITOR_LOCATION;
      if (
        (namesPostalCodeEnding(text, equals - 1) ||
          (isAlphanumeric(text.charCodeAt(equals + 1)) && (cepName ??= CEP_NAME.test(text)))) &&
        namesPostalCodeParameter(text, equals)
      ) {
        found |= Evidence.POSTAL_CODE_PARAMETER;
      } else if (namesPostalCodeMember(text, equals)) {
        found |= Evidence.POSTAL_CODE_PARAMETER;
      }
    }
  }
  if ((classes & (HAS_QUOTE_OR_TAG | HAS_PERCENT | HAS_I)) !== 0) found |= secretAssignmentEvidence(text, classes);
  // A credential's setter called with a literal (`setPassword("…")`): a native search for `set` first.
  if ((classes & HAS_PHONE_START) !== 0 && !wordOnly && text.includes("set") && CREDENTIAL_SETTER_CALL.test(text)) found |= Evidence.SECRET_ASSIGNMENT;
  if (
    (classes & (HAS_COLON | HAS_EQUALS | HAS_DASH | HAS_QUOTE_OR_TAG | HAS_BLANK)) !== 0 &&
    ((classes & (HAS_COLON | HAS_EQUALS | HAS_DASH | HAS_QUOTE_OR_TAG)) !== 0
      ? ((words & WORD_HOLDER_OR_PERSON_FIELD) !== 0 || (classes & (HAS_COLON | HAS_EQUALS)) !== 0 || (letters & PRENOM_LETTERS) === PRENOM_LETTERS) &&
        (CARD_HOLDER_WORD.test(text) || PERSON_FIELD_WORD.test(text))
      : // `HOLDER_BEFORE_NAME`'s words are `CARD_HOLDER_WORD`'s; with its `u` flag `ſ` and `K` (past Latin-1) fold to `s` and `k`.
        ((words & WORD_HOLDER_OR_PERSON_FIELD) !== 0 || codes > 0xff) && HOLDER_BEFORE_NAME.test(text))
  ) {
    found |= Evidence.CARD_HOLDER_FIELD;
  }
  if ((classes & HAS_COLON) !== 0) {
    for (let colon = text.indexOf(":"); colon >= 0; colon = text.indexOf(":", colon + 1)) {
      if (separatesIpv6Groups(text, colon)) found |= Evidence.IPV6;
      if (endsSecretFieldName(text, colon)) found |= Evidence.SECRET_FIELD;
      const lastAt = fieldNameLastAt(text, colon);
      const last = text.charCodeAt(lastAt) & 127;
      // `f`: `"cf":{`.
      if (last === 102 && opensCfObject(text, colon)) found |= Evidence.VISITOR_LOCATION;
      if (
        (found & Evidence.POSTAL_CODE_PARAMETER) === 0 &&
        (namesPostalCodeEnding(text, lastAt) || (mayOpenValue(text.charCodeAt(colon + 1)) && (cepName ??= CEP_NAME.test(text)))) &&
        mayOpenPostalCodeValue(text, colon) &&
        namesPostalCodeField(text, colon)
      ) {
        found |= Evidence.POSTAL_CODE_PARAMETER;
      }
    }
  }
  if ((classes & (HAS_PHONE_START | HAS_PERCENT)) !== 0 && digits >= PHONE_DIGITS) found |= phoneEvidence(text);
  // A North American number needs no phone word with its area code in parentheses or its trunk prefix (`1-415-555-0132`), a contact's word grouped.
  if ((found & Evidence.PHONE) === 0 && digits >= NANP_DIGITS && (dots >= 2 || (classes & (HAS_PHONE_START | HAS_DASH)) !== 0) && holdsNanpNumber(text)) found |= Evidence.PHONE;
  if (dots >= 3 && (classes & HAS_B) !== 0 && holdsAny(text, PIX_GUI_ENDINGS)) found |= Evidence.PIX;
  else if ((classes & HAS_DASH) !== 0 && holdsUuid(text) && PIX_KEY_WORD.test(text)) found |= Evidence.PIX;
  else if ((classes & HAS_I) !== 0 && ((classes & (HAS_COLON | HAS_EQUALS)) !== 0 || digits >= PIX_PHONE_DIGITS) && PIX_FIELD_WORD.test(text)) {
    found |= Evidence.PIX;
  }
  if ((classes & (HAS_SLASH | HAS_DASH)) === (HAS_SLASH | HAS_DASH) && dots >= 2 && digits >= 2) {
    for (let slash = text.indexOf("/"); slash >= 0; slash = text.indexOf("/", slash + 1)) {
      if (startsAlphanumericCnpjBranch(text, slash)) found |= Evidence.CNPJ;
    }
  }
  if (digits >= NAMED_RUN_DIGITS || (dots >= 3 && digits >= 4)) {
    found |= digitRunsEvidence(text);
  }
  // An ORM's query log binds values in a list after its statement (`sql-values.ts`): each gets its
  // column's rule, and a phone is found there by its column too.
  if (mayHoldAny(classes, letters, SQL_BOUND_LIST_MARKER_NEEDS) && holdsSqlBoundList(text)) {
    found |= Evidence.SQL_BOUND_LIST;
    if (digits >= PHONE_DIGITS) found |= Evidence.PHONE;
  }
  // Values written inline in an SQL statement get their column's rule as bound ones do; compared
  // ones (`WHERE ssn = '…'`, `IN ('…')`) those that say what a value is.
  if (
    ((classes & HAS_PHONE_START) !== 0 && mayHoldAny(classes, letters, SQL_VALUES_NEEDS) && holdsAny(text, SQL_VALUES_SPELLINGS)) ||
    ((classes & HAS_EQUALS) !== 0 && mayHoldAny(classes, letters, SQL_SET_NEEDS) && holdsAny(text, SQL_SET_SPELLINGS)) ||
    ((classes & (HAS_EQUALS | HAS_PHONE_START)) !== 0 && ((classes & HAS_QUOTE_OR_TAG) !== 0 || digits > 0) && mayHoldAny(0, letters, SQL_WHERE_NEEDS) && SQL_WHERE.test(text))
  ) {
    found |= Evidence.SQL_STATEMENT;
  }
  // An SQL `INSERT` names a phone's column apart from its value, maybe far from it.
  if ((found & Evidence.PHONE) === 0 && (classes & HAS_PHONE_START) !== 0 && digits >= PHONE_DIGITS && holdsAny(text, SQL_VALUES_SPELLINGS) && PHONE_WORD.test(text)) {
    found |= Evidence.PHONE;
  }
  return found;
}

/** The fewest digits of a code in a sentence; of a card's security code. */
const CODE_DIGITS = 4;
const CARD_CODE_DIGITS = 3;
/** The digits of a Social Security number. */
const SSN_DIGITS = 9;
/**
 * A part of every word that names a code in a sentence (`detectors/code-phrase.ts`: `code`,
 * `passcode`, `CODE`, `código`, `codigo`, `CÓDIGO`, `OTP`, `TOTP`, `PIN`, `one-time`, Google's
 * `G-123456`, Facebook's `FB-12345`, Portuguese `token` and `senha`, Spanish `clave` and
 * `contraseña`, Italian `codice`, German compounds `…code`, `Einmalpasswort` and a bank's `TAN`). Grouped by first letter: the regex tries its alternatives at every letter, so
 * fewer first letters cost less.
 */
const CODE_WORD =
  /o(?:d[ei]|ne[- ][Tt]ime|ken[ \t:])|O(?:D[EI]|TP|ne[- ][Tt]ime|NE[- ]TIME|KEN[ \t:])|ódigo|ÓDIGO|PIN|G-\d|FB-\d|n(?:ha|trase|mal)|N(?:HA|TRASE)|lave|LAVE|TAN(?![A-Za-z])/;
/** A verb giving a code, right before its digits (`Use 654321 to verify`, `Digite 1234 para confirmar`). */
const USE_CODE = /(?:[Uu]s[ea]|USE|[Ee]nter|ENTER|[Tt]ype|[Uu]tiliz[ae]|[Dd]igite|[Ii]nforme|[Ii]nsira|[Ii]ngresa|[Ii]ntroduce|[Ee]scribe)[ \t]+\d/;
/**
 * A part of every name of a card security code (`CVV`, `cvc2`, `CVN`, `CAV2`, `CSC`, `security
 * code`, `código de segurança`/`seguridad`). Its alternatives start at letters rarer than the
 * words' first ones (`v`, `y`, `ç`) and read back from there.
 */
const CARD_CODE_WORD = /[vV][vVcCnN2]|[yY](?<=[sS]ecurit[yY]|SECURITY)|[çÇ](?<=eguran[çÇ]|EGURAN[çÇ])|[dD](?<=eguridad|EGURIDAD)|csc|CSC|Csc/;
/** A part of every name of a Social Security number (`detectors/ssn.ts`: `ssn`, `SSN`, `userSsn`, `social security`). */
const SSN_WORD = /[Ss]sn|SSN|[Ss]ocial[ _-]?[Ss]ecurity|SOCIAL[ _-]?SECURITY/;
/**
 * A part of every word naming a phone (`detectors/phone.ts`: `phone`, `tel`, `fax`, `mobile`,
 * `cell`, `celular`, `cel`, `fone`, `móvil`, `WhatsApp`, `wpp`, `call`, `ligue`, `ligou`, `retornar`, `llame`, `llámenos`,
 * `Telefon`, `Handy`, `Rufnummer`, `tél`, `sms`, `携帯`, `電話`, `手机`, `电话`, `anrufen`, `Rückruf`, `erreichbar`,
 * `Ruf … an` (German's split `anrufen`), `appelez`, `joignable`, `joindre`, `chiamare`, `contattare`, Dutch `mobiel`, German
 * `Festnetz…`, `Durchwahl`, Polish `komórka`, `kom.` (its period perhaps the digit run's first: `kom$`), French `numéro`, `portable`; `reach`, `contact`, German `Kontakt` and `unter` before a callee's
 * number: `reach John Smith at …`, `Frau Weber unter … anrufen`; a label of phone numbers holds one: `Phone numbers:`,
 * `Numéros de téléphone :`), and a provider's phone field before its separator
 * (`To=`, `"From":`, `wa_id=`; `Caller`, `Called` are `call`'s).
 */
const PHONE_WORD = /[Pp]hone|PHONE|[Tt]el|TEL|[Tt]él|TÉL|[Ff]ax|FAX|[Mm]obil|MOBIL|[Hh]andy|HANDY|[Rr]ufnummer|RUFNUMMER|[Ss]ms|SMS|携帯|電話|手机|电话|[Cc]el|CEL|[Ff]one|FONE|[Mm][óo]vil|M[ÓO]VIL|[Ww]hats|WHATS|[Ww]pp|WPP|[Cc]all|CALL|[Ll]ig[uoa]|LIG[UOA]|[Rr]etorn|RETORN|[Ll]l[aá]m|LL[AÁ]M|nruf|NRUF|[Rr]uf(?:en|e|t)?(?![A-Za-z])|RUF(?![A-Z])|ückruf|ÜCKRUF|rreich|RREICH|ppel|PPEL|oign|OIGN|hiam|HIAM|ontatt|ONTATT|ontact|ONTACT|ontakt|ONTAKT|[Rr]each|REACH|[Uu]nter|UNTER|oind|OIND|[Mm]obiel|MOBIEL|estnetz|ESTNETZ|[Ss]tacj|STACJ|[Kk]om(?:[óo]rk|\.|$)|KOM(?:[ÓO]RK|\.|$)|[Nn]um[ée]ro|NUM[ÉE]RO|[Pp]ortable|PORTABLE|urchwahl|URCHWAHL|(?:To|From)[=:"']|wa_id[=:"'\\]|[Mm]sisdn|MSISDN/;
/** A part of every name of a Brazilian identity document (`detectors/brazil-id-documents.ts`: `RG`, `rg`, `CNH`, `identidade`, `habilitação`, `motorista`). */
const ID_DOCUMENT_WORD = /RG|R\.G|[Rr]g|CNH|[Cc]nh|dentidade|DENTIDADE|abilita|ABILITA|otorista|OTORISTA/;
/** Either: one search rules out most numbers. */
const NAMED_RUN_WORD = new RegExp(`${PHONE_WORD.source}|${ID_DOCUMENT_WORD.source}`);
/** The fewest digits of a number a word before it names as a phone or a document; how far before it the word is read. */
const NAMED_RUN_DIGITS = 7;
const NAMED_RUN_REACH = 48;
/**
 * The digits of a code as `detectors/code-phrase.ts` reads them: four to eight in a row, or six
 * in groups (`123-456`, `12-34-56`, `48 29 13`), after neither a word character, `.`, `,`, `/`
 * nor `:` and before no word character and no decimal (`-` may come before, as in `G-123456`;
 * what may follow is what both the detector's ends allow). Searched before the code words: a
 * regex that starts with a digit skips the letters, where the words' alternatives are tried at
 * every letter, and most texts with four digits hold them apart (`after 120 ms with 12
 * items`), glued to letters (hex ids) or after `:` (JSON numbers: `"ageSeconds":1805`).
 */
const CODE_DIGITS_RUN = /\d(?<![\w.,/:]\d)(?:\d\d[- ]\d{3}|\d-\d\d-\d\d|\d \d\d \d\d|\d{3,7})(?!\w|[.,]\d)/;
/**
 * The card security code's names without a `v`, a `y` or a letter past ASCII, as
 * `CARD_CODE_WORD` reads them: `CSC`, and `seguridad` after `codigo` written without its accent.
 */
const UNMARKED_CARD_CODE_NAMES = ["csc", "CSC", "Csc", "eguridad", "EGURIDAD"];
/** Where a card security code can start: three digits after a blank or `#` (`CVV 123`, `cvv is 123`, `CVV#123`). */
const CARD_CODE_START = /[ \t#]\d\d\d/g;
/** The length of every match of `CARD_CODE_START`. */
const CARD_CODE_START_LENGTH = 4;
/** How far before its digits a card security code's name is read (`código de seguridad: `). */
const CARD_CODE_REACH = 32;
/**
 * By a character's low eight bits, 1 for what may end a card security code's name (`cvv`,
 * `cvc2`, `cvn`, `security code`, `código de segurança`, `seguridad`) or a word between the
 * name and its digits (`is`, `es`, `é`), in any case; 2 for what may stand between them and the
 * blank or `#` before the digits (`CVV: 123`, `cvv = 123`, `CVV # 123`).
 */
const CARD_CODE_APPROACH = new Uint8Array(256);
for (const ending of [...CARD_SECURITY_CODE_WORDS, "code", "segurança", "seguridad", "is", "es", "é"]) {
  const last = ending[ending.length - 1]!;
  for (const letter of [last, last.toUpperCase()]) CARD_CODE_APPROACH[letter.charCodeAt(0) & 255] = 1;
}
for (const between of " \t#:=") CARD_CODE_APPROACH[between.charCodeAt(0)] = 2;
/**
 * The words after a code given before what it proves (`Use 654321 to verify`), between blanks
 * (any run of spaces and tabs, as `code-phrase.ts` reads them); how far before it its verb is read.
 */
const TO_PROVE = ["to", "para"];
const GIVEN_CODE_REACH = 24;

/**
 * `CODE_PHRASE` for a code's words and digits, a card security code's name and three digits,
 * or a verb giving a code and what it proves. Each looks for its digits first, with a regex
 * that starts with a digit and skips the letters, and only then for its words, whose
 * alternatives are tried at every letter; a card security code's name only in a text whose
 * characters (`classes`, from `evidenceIn`'s first loop) could spell one, and, like a code
 * given before its purpose, only after a blank or `#`. `digits`: at least `CARD_CODE_DIGITS`.
 * (An SSN's name is read before its digits: `namedRunEvidence`.)
 */
function namedNumberEvidence(text: string, digits: number, classes: number): number {
  const codeDigits = digits >= CODE_DIGITS && CODE_DIGITS_RUN.test(text);
  if (codeDigits && CODE_WORD.test(text)) return Evidence.CODE_PHRASE;
  if ((classes & HAS_BLANK) === 0) return 0;
  return holdsNamedCardCode(text, classes) || (codeDigits && holdsGivenCode(text)) ? Evidence.CODE_PHRASE : 0;
}

/**
 * Whether three digits after a blank or `#` have a card security code's name in the
 * `CARD_CODE_REACH` characters before them: only where such a code can start is a name looked
 * for (a text's numbers are few; its letters are many), and only where a name could end right
 * before it; only then are the text's characters (`classes`) asked whether they could spell one.
 */
function holdsNamedCardCode(text: string, classes: number): boolean {
  CARD_CODE_START.lastIndex = 0;
  while (CARD_CODE_START.test(text)) {
    // `test` and `lastIndex` rather than `exec`: no match object for each number.
    const blank = CARD_CODE_START.lastIndex - CARD_CODE_START_LENGTH;
    if (!mayEndCardCodeName(text, blank)) continue;
    // Whether the text's characters could spell a name at all, asked only once a name could end here.
    if ((classes & HAS_CARD_CODE_LETTER) === 0 && !holdsAny(text, UNMARKED_CARD_CODE_NAMES)) return false;
    if (CARD_CODE_WORD.test(text.slice(Math.max(0, blank - CARD_CODE_REACH), blank))) return true;
  }
  return false;
}

/**
 * Whether the blank or `#` at `blank`, past what may stand between (`CARD_CODE_APPROACH`),
 * follows a character that may end a card security code's name or the word before its digits:
 * a test of one character that rules out most numbers (`after 532 ms`, `GET /api 200`) before
 * the name is looked for.
 */
function mayEndCardCodeName(text: string, blank: number): boolean {
  let i = blank;
  while (i > 0 && CARD_CODE_APPROACH[text.charCodeAt(i - 1) & 255] === 2) i--;
  return i > 0 && CARD_CODE_APPROACH[text.charCodeAt(i - 1) & 255] === 1;
}

/**
 * Whether a code stands before `to` or `para` between blanks with a verb giving it before it
 * (`Use 654321 to verify`, `Digite 112233  para confirmar`): only there is the verb looked for.
 */
function holdsGivenCode(text: string): boolean {
  for (const word of TO_PROVE) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      if (!isBlank(text.charCodeAt(at + word.length))) continue;
      const end = blanksBefore(text, at);
      if (end === at || !isDigit(text.charCodeAt(end - 1))) continue;
      if (USE_CODE.test(text.slice(Math.max(0, end - GIVEN_CODE_REACH), end))) return true;
    }
  }
  return false;
}

/**
 * `PHONE` and `ID_DOCUMENT` for a run of digits (from `run` to `end`, as `DIGIT_RUN`
 * finds them, holding `digits` digits, and a space when `spaced`) with the digits of one and a word naming one in the `NAMED_RUN_REACH` characters
 * before it (`celular 98765-4321`, `RG: 12.345.678-9`); `SSN` for nine digits and an SSN's name
 * there (`ssn: 123456789`, which the SSN detector reads in as many characters before its
 * match, which starts in the run: every number of nine digits is in a run). Only where a number
 * could be named is a word looked for.
 */
function namedRunEvidence(text: string, run: number, end: number, digits: number, spaced: boolean): number {
  // A number glued to a word on either side (a hex id's digits) is no one's phone or document;
  // an SSN may still start after a space inside a run glued at its start (`a1 123456789`), and
  // end before a space or a `.` inside one glued at its end.
  const gluedStart = run > 0 && isDigit(text.charCodeAt(run)) && isWordCharacter(text.charCodeAt(run - 1));
  // The run may end in the blanks or punctuation after the number (`RG 12.345.678-9 foi`): what
  // follows its last digit says whether the number is glued.
  let last = end;
  while (last > run && !isDigit(text.charCodeAt(last - 1))) last--;
  const glued = gluedStart || (isWordCharacter(text.charCodeAt(last)) && (text.charCodeAt(last) | 0x20) !== 120 /* an RG's check X */);
  const maySsn = digits >= SSN_DIGITS && (spaced || !gluedStart);
  if (glued && !maySsn) return 0;
  const before = text.slice(Math.max(0, run - NAMED_RUN_REACH), run);
  const ssn = maySsn && SSN_WORD.test(before) ? Evidence.SSN : 0;
  if (glued || !NAMED_RUN_WORD.test(before)) return ssn;
  return ssn | (PHONE_WORD.test(before) ? Evidence.PHONE : 0) | (ID_DOCUMENT_WORD.test(before) ? Evidence.ID_DOCUMENT : 0);
}

/**
 * `Evidence.SSN` when three digits, `-`, two digits, `-` and four digits are in the text (a `]`
 * perhaps before the last `-`: `[123-45]-6789`), and
 * `Evidence.PHONE` for Brazil's mobile shape, a 9 and four digits (`98765-`, `9 8765-`), `-` and four digits.
 */
function dashedNumberEvidence(text: string): number {
  let found = 0;
  for (let dash = text.indexOf("-"); dash >= 0; dash = text.indexOf("-", dash + 1)) {
    if (!(isDigit(text.charCodeAt(dash - 1)) && isDigit(text.charCodeAt(dash - 2)) && isDigit(text.charCodeAt(dash - 3)) && isDigit(text.charCodeAt(dash + 1)))) {
      continue;
    }
    // The serial's dash, perhaps after a `]` closing a bracketed area and group (`[123-45]-6789`).
    const serial = dash + 3 + (text.charCodeAt(dash + 3) === 93 ? 1 : 0);
    if (
      isDigit(text.charCodeAt(dash + 2)) && text.charCodeAt(serial) === 45 &&
      isDigit(text.charCodeAt(serial + 1)) && isDigit(text.charCodeAt(serial + 2)) &&
      isDigit(text.charCodeAt(serial + 3)) && isDigit(text.charCodeAt(serial + 4))
    ) {
      found |= Evidence.SSN;
    }
    if (
      (text.charCodeAt(dash - 5) === 57 || (text.charCodeAt(dash - 5) === 32 && text.charCodeAt(dash - 6) === 57)) &&
      isDigit(text.charCodeAt(dash - 4)) &&
      isDigit(text.charCodeAt(dash + 2)) && isDigit(text.charCodeAt(dash + 3)) && isDigit(text.charCodeAt(dash + 4))
    ) {
      found |= Evidence.PHONE;
    }
  }
  return found;
}

/**
 * `Evidence.VISITOR_LOCATION` (`visitor-location.ts`) for a header's `cf-`/`cf_`, found from its
 * separator, which the text has few of (one test of the two characters before each), and for
 * `cf.` (`cf.city=`), only in a text with a `:` or `=` its members need: from its dots when the
 * text has few (`dots`), else by a native search. An object given as `cf` is found at its `:` or
 * `=` (`opensCfObject`) by the walks over those.
 */
function visitorLocationEvidence(text: string, classes: number, dots: number): number {
  if ((classes & HAS_DASH) !== 0 && followsCf(text, "-")) return Evidence.VISITOR_LOCATION;
  if ((classes & HAS_UNDERSCORE) !== 0 && followsCf(text, "_")) return Evidence.VISITOR_LOCATION;
  if ((classes & (HAS_COLON | HAS_EQUALS)) === 0 || dots === 0) return 0;
  if (dots > FEW_DOTS) return text.includes("cf.") ? Evidence.VISITOR_LOCATION : 0;
  for (let dot = text.indexOf(".", 2); dot >= 0; dot = text.indexOf(".", dot + 1)) {
    if (text.charCodeAt(dot - 1) === 102 && text.charCodeAt(dot - 2) === 99) return Evidence.VISITOR_LOCATION;
  }
  return 0;
}

/** Up to this many dots, reading before each costs less than a search for `cf.` (a Workers JSON line has two to five). */
const FEW_DOTS = 4;

/**
 * Whether the `:` or `=` at `separator` gives an object as `cf`, as `visitor-location.ts` reads
 * one before its `{` (`cf={`, `"cf": {`, `cf = {`): `cf`, perhaps quoted, blanks either side.
 */
function opensCfObject(text: string, separator: number): boolean {
  let i = blanksAfter(text, separator + 1);
  if (text.charCodeAt(i) !== 123) return false;
  i = blanksBefore(text, separator) - 1;
  if (text.charCodeAt(i) === 34 || text.charCodeAt(i) === 39) i--;
  // The quote's escape, in JSON text held in a string (`{\"cf\":{…}}`).
  while (text.charCodeAt(i) === 92) i--;
  return text.charCodeAt(i) === 102 && text.charCodeAt(i - 1) === 99;
}

/**
 * Whether some `separator` in `text` follows `cf` in any case that starts a name: the
 * detector's lookbehind (`(?<![\\w-])`) wants no word character or `-` before it, so a hex
 * id ending in `cf` (a ray id's `…eecf-IAD`) calls no search.
 */
function followsCf(text: string, separator: string): boolean {
  for (let at = text.indexOf(separator, 2); at >= 0; at = text.indexOf(separator, at + 1)) {
    if ((text.charCodeAt(at - 1) | 0x20) === 102 && (text.charCodeAt(at - 2) | 0x20) === 99 && !isWordCharacterOrDash(text.charCodeAt(at - 3))) return true;
  }
  return false;
}

/** `[A-Za-z0-9_-]`; false past the text's start or end (NaN). */
export function isWordCharacterOrDash(code: number): boolean {
  return code === 45 || isWordCharacter(code);
}

/** `Evidence.MAIL_AT` for `@`, with `Evidence.URL_CREDENTIALS` when a `://` comes before one. */
function atEvidence(text: string): number {
  const scheme = text.indexOf("://");
  return scheme >= 0 && text.lastIndexOf("@") > scheme ? Evidence.MAIL_AT | Evidence.URL_CREDENTIALS : Evidence.MAIL_AT;
}

/** The end of PIX's identifier in a BR Code (`BR.GOV.BCB.PIX`, `br.gov.bcb.pix`), as senders spell it. */
const PIX_GUI_ENDINGS = [".PIX", ".pix", ".Pix"];
/**
 * A part of every name of a PIX key's field (`pix_key=`, `chave pix:`, `chave aleatória:`) and of
 * the word `pix` before a phone: each holds an `i`.
 */
const PIX_FIELD_WORD = /[Pp][Ii][Xx]|[Aa]leat[óo]ria|ALEAT[ÓO]RIA/;
/**
 * The fewest digits of a date of birth (`12/04/90`, `1 Apr 1990`) or a passport's number
 * (`C01X00T47`): a passport's number with fewer digits in a text with no other is left out.
 */
const PERSONAL_DOCUMENT_DIGITS = 5;
/** The fewest digits of a national id the detector takes but a German identity card's (`NRIC S1234567D` has seven, a driver's licence four; `LZ6X7TFRK` two). */
const NATIONAL_ID_DIGITS = 4;
/**
 * A part of every name of a date of birth or a passport (`detectors/personal-documents.ts`):
 * `birth`, `born`, `dob`, `nasc`, `nac` (`nacimiento`, `nacido`, `fechaNac`), `aniversário`,
 * `geburt`, `geboren`, `geboorte`, `naissance`, `né le`, `urodz`, `生年月日`, `誕生日`, `passport`, `passaporte`, `pasaporte`, `passeport`,
 * `paspoort`, `Reisepass`, `Passnummer`, `Pass-Nr`; in any case (a gate: a mixed case only looks at more, and one regex
 * with `i` costs less than each case spelled out).
 */
const PERSONAL_DOCUMENT_WORD = /birth|born|d\.?o\.?b|na[cs]|anivers|geb(?:urt|oren|oorte)|naissance|n[ée]e? le|urodz|生年月日|誕生日|pass?[ae]?port|paspoort|reisepass|pass(?:nummer|[ _-]?nr)/i;
/**
 * The evidence of `MoreEvidence.PASSWORD_PHRASE`, in two regexes: a password's word or a
 * percent-encoded `=` (`PASSWORD_WORD`), or one of the forms holding a blank (`PASSWORD_PHRASE_WORD`):
 * a credential named in two words (`pass phrase`, `API key`) or one word before `for` (`PIN for`, `token for`),
 * or a credential's word before `is`/`was`/`set to` (`secret was`), or `pass`, `pw` or `pwd` alone before `is`/`was` (`my pass is …`),
 * or `pass`, `passwd`, `pwd` or `pw`, also ending a key's name (`smtp_pass`, `DB_PASS`, `dbPass`), and within a line's 80 characters `from`, an arrow or an `old=`/`new=` label (a change's, password-changes.ts: `pwd changed from …`, `pw changed old=… new=…`),
 * or `passwd` and within 80 characters `to` (a change's new value, detectors/password-phrase.ts: `passwd changed to …`).
 * A text shows the evidence when either matches, as it did when they were one alternation.
 */
const PASSWORD_WORD = /[Pp]ass(?:word|phrase|wort)|PASS(?:WORD|PHRASE|WORT)|[Kk]ennwort|KENNWORT|[Ww]achtwoord|WACHTWOORD|[Cc]lave|CLAVE|[Ss]enha|SENHA|[Cc]ontrase(?:ñ|n)a|CONTRASE(?:Ñ|N)A|%3[Dd]/;
/**
 * The forms holding a blank (`[ \t]`): asked only of a text with a space or a tab (the first loop's
 * `HAS_BLANK`), so that paths, ids and a cache's `BYPASS`, whose word keys (`api` of `/api/…`, `sec` of
 * `ageSeconds`, `pas`) are this regex's too, ask at most the short `PASSWORD_WORD`.
 */
const PASSWORD_PHRASE_WORD =
  /[Mm]ot[ \t]+de[ \t]+passe|MOT[ \t]+DE[ \t]+PASSE|[Pp]ass[ \t]+[Pp]hrase|PASS[ \t]+PHRASE|(?:[Aa]pi|API|[Ss]ecret|SECRET|[Aa]ccess|ACCESS)[ \t]+(?:[Kk]ey|KEY)|(?:PIN|[Tt]oken|TOKEN|[Ss]ecret|SECRET)[ \t]+(?:for|is|was|set[ \t]+to)[ \t]|(?<![\w-])(?:[Pp]ass|PASS|[Pp]wd?|PWD?)[ \t]+(?:is|was|é|es)[ \t]|(?:(?<![\w-])(?:[Pp]ass(?:wd)?|PASS(?:WD)?|[Pp]wd?|PWD?)|(?<=[A-Za-z0-9]_)(?:pass|PASS|Pass)|(?<=[a-z0-9])Pass)(?=[ \t])[^\n]{0,80}?(?:[ \t](?:from|FROM)[ \t]|->|=>|→|(?<![\w-])(?:old|new|OLD|NEW)[ \t]?[:=])|(?<![\w-])(?:[Pp]asswd|PASSWD)(?=[ \t])[^\n]{0,80}?[ \t](?:[Tt]o|TO)[ \t]/;
/**
 * A piece of text every match of `PASSWORD_PHRASE_WORD` holds, one per way or more: `ass`/`ASS`
 * (`[Pp]ass`, `PASS`, `passe`, `passwd`), `pw`/`Pw`/`PW` (`[Pp]wd?`, `PWD?`), `ey`/`EY` (`[Kk]ey`,
 * `KEY`), `PIN`, `oken`/`OKEN` (`[Tt]oken`, `TOKEN`) and `ecret`/`ECRET` (`[Ss]ecret`, `SECRET`); the
 * regex has no `i` flag. Asked first by native searches: the regex tries its many first letters
 * at every position of a text, and its word keys are in most texts with a blank (`api` of `/api/`,
 * `sec` of `ageSeconds`), where none of these pieces is (a request line, a user agent, a Workers
 * JSON line without a token).
 */
export const PASSWORD_PHRASE_PIECES = ["ass", "ASS", "pw", "Pw", "PW", "ey", "EY", "PIN", "oken", "OKEN", "ecret", "ECRET"];
/**
 * Polish `hasło` and Swedish `lösenord`, the evidence of `MoreEvidence.PASSWORD_PHRASE` too
 * (`Hasło to …`, `Lösenordet är …`), apart from `PASSWORD_WORD`: their word keys (`has`,
 * `los`) are in many texts, which then ask this short regex and not the long one.
 */
const OTHER_PASSWORD_WORD = /[Hh]as(?:ł|l)o|HAS(?:Ł|L)O|[Ll](?:ö|o)senord|L(?:Ö|O)SENORD/;
/** A box-drawing table's vertical line (`│`, `┃`, `║`), which the table readers read as a `|` (`table-view.ts`). */
const TABLE_BORDER = /[\u2502\u2503\u2551]/;
/** A traceback's drawn value's row where the sink's encoding has no box drawing: `-> ` after a line's blanks and `|` (loguru, better-exceptions). */
const DRAWN_ASCII_ROW = /\n[ \t|]*-> /;
/**
 * Where a named value's form starts or what it holds: the evidence of `MoreEvidence.NAMED_VALUE`.
 * Every way opens with a `[` (Rails' `[["`, EF Core's `[Parameters=[@`) or holds `input`
 * (pydantic's `input_value=`, FastAPI's `"input":`), which `evidenceIn` asks before it.
 */
export const NAMED_VALUE_HINT = /\[\[[ \t]*"|\[Parameters=\[@|input_value=|"input"[ \t]*:/;

/** A code's word (`pin`, `otp`, `cvv`, `cvc`, `code`), any case, right before a code list's separator, its plural's tail or a query's index: the evidence of `MoreEvidence.CODE_LIST`. */
const CODE_LIST_HINT = /(?:[Pp][Ii][Nn]|[Oo][Tt][Pp]|[Cc][Vv][VvCc]|[Cc][Oo][Dd][Ee])[A-Za-z_\-[\]\d"'*\\ \t]{0,16}[:=|]/;
/** Where a credential header's name may stand in a list of pairs (a dashed name, `Authorization`, `Cookie`). */
const CREDENTIAL_HEADER_PAIR_HINT = /(?:[[(]|['"])[ \t]*(?:[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9]|[Aa]uthorization|AUTHORIZATION|[Cc]ookie|COOKIE)/;
/** That or where a secret pair's name may (`SECRET_PAIR_NAME_START`): the evidence of `MoreEvidence.HEADER_PAIR`. */
const HEADER_PAIR_HINT = new RegExp(`${CREDENTIAL_HEADER_PAIR_HINT.source.slice(0, -1)}|${SECRET_PAIR_NAME_START})`);
/** The scan (`currentScan`) whose text `hintsCredentialHeaderPairs` answered for last, and its answer: every list in a text asks of the same text, and no text is held past its scan. */
let credentialHintRead: { readonly scan: number; readonly hints: boolean } | undefined;

/**
 * Whether `text` holds where a credential header's name may stand in a list of pairs (`CREDENTIAL_HEADER_PAIR_HINT`):
 * the header-pairs detector reads its lists as header dumps only then, a secret pair's name alone (`"apiKey"`,
 * `"token"`) opening them for its pair's judgement only (detectors/header-pairs.ts).
 */
export function hintsCredentialHeaderPairs(text: string): boolean {
  const scan = currentScan();
  if (credentialHintRead?.scan !== scan) credentialHintRead = { scan, hints: CREDENTIAL_HEADER_PAIR_HINT.test(text) };
  return credentialHintRead.hints;
}

/** A session's word in English, Spanish or Portuguese, or its short `sid`, the evidence of `MoreEvidence.SESSION_ID_PHRASE`. */
const SESSION_WORD = /[Ss]ess(?:ion|ão|ao)|[Ss]esi[oó]n|SESS(?:ION|ÃO|AO)|SESI[OÓ]N|(?<![A-Za-z])(?:[Ss]id|SID)(?![A-Za-z])/;
/**
 * What every match of `detectors/credential-literal.ts` holds: an equality beside a quote (not a
 * base64 value's `==`), a fallback's operator before a literal (`?? "…"`, `or '…'`), a comparing
 * call, an assertion, a lookup's call on a literal, an environment, a shell's default.
 */
const CREDENTIAL_LITERAL_HINT =
  /[=!]==?[ \t]*\\{0,7}["']|(?:\?\?|\|\||\?:|\/\/|[ \t]or)[ \t]*\\{0,7}["']|["'][ \t]*[=!]=|\.(?:[Ee]quals|contentEquals)\(|expect\(|assert|(?:getenv|Getenv|get|fetch|getOrDefault|getProperty|env)[ \t]*\([ \t]*\\{0,7}["']|process\.env|ENV|environ|\$\{\w+:?[-=]/;
/** A one-time link's word, the evidence of `MoreEvidence.URL_PATH_TOKEN`. */
const URL_PATH_TOKEN_WORD = /reset|verif|confirm|activat|magic|invit|unsubscribe|share|stripe\.com/;
/**
 * A home directory's parent before its separator, the evidence of `MoreEvidence.HOME_DIRECTORY`:
 * `home`, `Users`, a `users` in another case only after a drive's `:` or a one-letter directory
 * (`C:\\USERS\\`, `/mnt/c/users/`), as the detector reads them, so that a REST route's
 * `/api/users/42` (most of the hint's old passes, none a find) costs no scan. Separators in runs
 * of `/` and `\\`, so the raw text of a JSON string (`c:\\\\users`, `\\/c\\/users`) shows the
 * fact its view does.
 */
const HOME_DIRECTORY_HINT = /(?:home|Users|(?:[\\/][A-Za-z]|:)[\\/]+[Uu][Ss][Ee][Rr][Ss]|[Ss][Ee][Tt][Tt][Ii][Nn][Gg][Ss])[\\/]|~[A-Za-z]/;
/** The letters of `HOME_DIRECTORY_HINT`'s words, in either case: a text with none of them and no `~` (`HAS_TILDE`) is not searched. */
const HOME_DIRECTORY_NEEDS = needsOfWords(["home", "users", "settings"]);
/** A scheme's word but Bearer's and Basic's (`SCHEMES`), the evidence of `MoreEvidence.AUTH_SCHEME` (a gate: one regex with `i`). */
const AUTH_SCHEME_WORD = new RegExp(`(?:${SCHEMES.filter((scheme) => scheme !== "bearer" && scheme !== "basic").join("|")})[ \t]`, "i");
/** A credential's word, the evidence of `MoreEvidence.KEY_PHRASE` (a gate: one regex with `i`). */
const KEY_PHRASE_WORD = /key|secret|token|code/i;
/** The shortest text `detectors/key-phrase.ts` redacts in: `secret`, a blank, a 16-character key. */
const KEY_PHRASE_LENGTH = 23;
/** The fewest digits of a PIX key after its name without a separator (a Brazilian phone without its area code's `0`). */
const PIX_PHONE_DIGITS = 10;
/** A part of every name of a PIX key the PIX detector reads before a random key (`chave pix`, `PIX key`, `pixKey`, `chave aleatória`, `random key`). */
const PIX_KEY_WORD = /[Pp][Ii][Xx]|[Cc]have|CHAVE|[Rr]andom|RANDOM/;

/** Whether a UUID's groups (8, 4, 4, 4 and 12 hex digits) are in the text: found from its dashes. */
function holdsUuid(text: string): boolean {
  for (let dash = text.indexOf("-", 8); dash >= 0 && dash + 28 <= text.length; dash = text.indexOf("-", dash + 1)) {
    if (text.charCodeAt(dash + 5) !== 45 || text.charCodeAt(dash + 10) !== 45 || text.charCodeAt(dash + 15) !== 45) continue;
    if (allHex(text, dash - 8, dash) && allHex(text, dash + 1, dash + 5) && allHex(text, dash + 6, dash + 10) &&
      allHex(text, dash + 11, dash + 15) && allHex(text, dash + 16, dash + 28)) {
      return true;
    }
  }
  return false;
}

function allHex(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isHexDigit(text.charCodeAt(i))) return false;
  return true;
}

/** The scheme words as the credential detectors spell them (`[Bb]earer|BEARER`). */
const BEARER_SPELLINGS = ["bearer", "Bearer", "BEARER"];
const BASIC_SPELLINGS = ["basic", "Basic", "BASIC"];
/** An SQL `INSERT`'s `VALUES`, as statements spell it. */
const SQL_VALUES_SPELLINGS = ["VALUES", "values", "Values"];
/** An SQL `UPDATE`'s `SET`, as statements spell it. */
const SQL_SET_SPELLINGS = ["SET", "set", "Set"];

/** The word searches `wordKeysIn` answers for at once, by their bits there. */
const WORD_PASSWORD_PHRASE = 1 << 0;
const WORD_SESSION = 1 << 1;
const WORD_URL_PATH_TOKEN = 1 << 2;
const WORD_KEY_PHRASE = 1 << 3;
const WORD_AUTH_SCHEME = 1 << 4;
const WORD_NAME_INTRODUCER = 1 << 5;
const WORD_GREETING = 1 << 6;
const WORD_STREET_FIELD = 1 << 7;
const WORD_STREET_TYPE = 1 << 8;
const WORD_NATIONAL_ID_NAME = 1 << 9;
const WORD_PERSONAL_DOCUMENT = 1 << 10;
/** The names read below six digits (`FEW_DIGITS_NAME`, `GERMAN_CARD_NAME`), apart from `ANY_NAME`'s: they are read inside words. */
const WORD_FEW_DIGITS_NATIONAL_ID_NAME = 1 << 11;
/**
 * The card holder's and person field's words (`CARD_HOLDER_WORD`, `PERSON_FIELD_WORD`) but the
 * person field's ways keyed by nothing (`PERSON_FIELD_PARTY_WAY`, gated by `:` or `=`;
 * `PERSON_FIELD_PRENOM_WAY`, by `PRENOM_LETTERS`).
 */
const WORD_HOLDER_OR_PERSON_FIELD = 1 << 12;
/** `OTHER_PASSWORD_WORD`'s words, apart from `PASSWORD_PHRASE_WORD`'s. */
const WORD_OTHER_PASSWORD = 1 << 13;
/** `COMMAND_PASSWORD_HINT`'s command names. */
const WORD_COMMAND_PASSWORD = 1 << 14;
/** `DATABASE_ERROR_HINT`'s words. */
const WORD_DATABASE_ERROR = 1 << 15;
/** `PASSWORD_WORD`'s words, apart from `PASSWORD_PHRASE_WORD`'s forms holding a blank. */
const WORD_PASSWORD = 1 << 16;
/** The ASCII letters `PERSON_FIELD_PRENOM_WAY` needs (`LETTERS`' bits: `a` is bit 0). */
const PRENOM_LETTERS = [..."prnom"].reduce((mask, letter) => mask | (1 << (letter.charCodeAt(0) - 97)), 0);
/** `PERSONAL_DOCUMENT_WORD`'s ways with under three letters in a row, gated by their letters (`d.o.b`, `né le`). */
const PERSONAL_DOCUMENT_SHORT_WAYS = ["d\\.?o\\.?b", "n[ée]e? le"];
const PERSONAL_DOCUMENT_SHORT_NEEDS = Int32Array.from(PATTERN_NEEDS.personalDocumentShort);
/** Its Japanese ways, gated by a character from U+3000 on. */
const PERSONAL_DOCUMENT_CJK_WAYS = ["生年月日", "誕生日"];
/**
 * The word searches `wordKeysIn` answers for, their keys read from their regexes (`word-keys.ts`)
 * into `word-keys-table.ts` by `scripts/word-keys-table.ts` (a unit test fails while it is stale).
 * `%3D` is gated by the first loop's `%`, the personal document's short and Japanese ways as their constants say.
 * A function, as `neededPatterns` is: only the script and the tests read it, so the bundle leaves it out.
 */
export function wordSearches(): readonly WordSearch[] {
  return [
    { bit: WORD_PASSWORD, pattern: PASSWORD_WORD, gatedElsewhere: ["%3[Dd]"] },
    { bit: WORD_PASSWORD_PHRASE, pattern: PASSWORD_PHRASE_WORD },
    { bit: WORD_OTHER_PASSWORD, pattern: OTHER_PASSWORD_WORD },
    { bit: WORD_COMMAND_PASSWORD, pattern: COMMAND_PASSWORD_HINT },
    { bit: WORD_DATABASE_ERROR, pattern: DATABASE_ERROR_HINT },
    { bit: WORD_SESSION, pattern: SESSION_WORD },
    { bit: WORD_URL_PATH_TOKEN, pattern: URL_PATH_TOKEN_WORD },
    { bit: WORD_KEY_PHRASE, pattern: KEY_PHRASE_WORD },
    { bit: WORD_AUTH_SCHEME, pattern: AUTH_SCHEME_WORD },
    { bit: WORD_NAME_INTRODUCER, pattern: NAME_INTRODUCER_HINT },
    { bit: WORD_GREETING, pattern: GREETING_HINT },
    { bit: WORD_STREET_FIELD, pattern: STREET_FIELD_WORD },
    { bit: WORD_STREET_TYPE, pattern: STREET_TYPE_WORD },
    { bit: WORD_NATIONAL_ID_NAME, pattern: ANY_LETTERED_NATIONAL_ID_NAME },
    { bit: WORD_FEW_DIGITS_NATIONAL_ID_NAME, pattern: FEW_DIGITS_NATIONAL_ID_NAME },
    { bit: WORD_FEW_DIGITS_NATIONAL_ID_NAME, pattern: GERMAN_CARD_NAME },
    { bit: WORD_PERSONAL_DOCUMENT, pattern: PERSONAL_DOCUMENT_WORD, gatedElsewhere: [...PERSONAL_DOCUMENT_SHORT_WAYS, ...PERSONAL_DOCUMENT_CJK_WAYS] },
    { bit: WORD_HOLDER_OR_PERSON_FIELD, pattern: CARD_HOLDER_WORD },
    { bit: WORD_HOLDER_OR_PERSON_FIELD, pattern: PERSON_FIELD_WORD, gatedElsewhere: [PERSON_FIELD_PARTY_WAY, PERSON_FIELD_PRENOM_WAY] },
  ];
}
/** `wordKeysOf(wordSearches())`, copied from its generated form: reading the regexes at load cost a cold start milliseconds. */
const WORD_KEYS = wordKeysFrom(WORD_KEY_TABLE);

/** The fewest digits of a postal code in prose (a US ZIP; a CEP has eight). */
const POSTAL_CODE_PHRASE_DIGITS = 5;

/**
 * `MoreEvidence.STREET_ADDRESS` when the text may hold a street address's field (a `:` or `=` and a
 * key's word, `STREET_FIELD_WORD`) or a street line (a digit, a blank and a street's word,
 * `STREET_TYPE_WORD`, or a postal code before its town or after its state,
 * `STREET_POSTAL_CODE_HINT`). Asked before the early return: a line in prose (`shipping to 12 Main St`)
 * holds none of the characters looked at.
 */
function streetAddressEvidence(text: string, classes: number, letters: number, digits: number, words: number): number {
  if ((classes & (HAS_COLON | HAS_EQUALS)) !== 0 && mayHoldAny(0, letters, STREET_FIELD_NEEDS) && (words & WORD_STREET_FIELD) !== 0 && STREET_FIELD_WORD.test(text)) return MoreEvidence.STREET_ADDRESS;
  if (digits === 0 || (classes & HAS_BLANK) === 0) return 0;
  return ((words & WORD_STREET_TYPE) !== 0 && STREET_TYPE_WORD.test(text)) || (digits >= 4 && STREET_POSTAL_CODE_HINT.test(text)) ? MoreEvidence.STREET_ADDRESS : 0;
}
/**
 * Whether a code in prose may start in `text` (`postal-code-phrase.ts`): after a space or a tab,
 * four digits in a row, a dotted CEP's `01.310` or Japan's `123-4567` (`PROSE_CODE_DIGITS`).
 * JSON lines' numbers follow a `:` or a quote. Read from each of the first `FEW_BLANKS` spaces
 * the native searches find, as most lines met have a few and a regex call costs more than reading
 * them; a text with more (prose: a dozen words) is handed whole to the regex, which steps from
 * blank to blank faster than a search per blank (clean prose 196 → 70 ns).
 */
function holdsProseCodeDigits(text: string): boolean {
  let blanks = 0;
  for (let blank = text.indexOf(" "); blank >= 0; blank = text.indexOf(" ", blank + 1)) {
    if (startsProseCode(text, blank + 1)) return true;
    if (++blanks === FEW_BLANKS) return PROSE_CODE_DIGITS.test(text);
  }
  for (let blank = text.indexOf("\t"); blank >= 0; blank = text.indexOf("\t", blank + 1)) {
    if (startsProseCode(text, blank + 1)) return true;
  }
  return false;
}

/** `startsProseCode` after a blank, as one regex. */
const PROSE_CODE_DIGITS = /[ \t]\d\d(?:\.\d{3}|\d(?:\d|-\d{4}))/;
/** Up to this many spaces, reading after each costs less than the regex. */
const FEW_BLANKS = 4;

/** `\d(?:\d{3}|\d\.\d{3}|\d\d-\d{4})` at `at`: `holdsProseCodeDigits`. */
function startsProseCode(text: string, at: number): boolean {
  if (!isDigit(text.charCodeAt(at)) || !isDigit(text.charCodeAt(at + 1))) return false;
  const third = text.charCodeAt(at + 2);
  if (third === 46 /* . */) return digitsAt(text, at + 3, 3);
  if (!isDigit(third)) return false;
  const fourth = text.charCodeAt(at + 3);
  return isDigit(fourth) || (fourth === 45 /* - */ && digitsAt(text, at + 4, 4));
}

/** Whether the `count` characters from `at` are ASCII digits. */
function digitsAt(text: string, at: number, count: number): boolean {
  for (let i = at; i < at + count; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}
/**
 * A postal code word as `detectors/postal-code-phrase.ts` reads it (`CEP`, `Cep`, `cep`, `ZIP`,
 * `Zip`, `zip`, `POSTAL`, `Postal`, `postal`, `postcode`, `Postcode`, `POSTCODE`, `post code`,
 * `Postleitzahl`, `PLZ`, `Plz`, `plz`, `CP`, `C.P.`): a first
 * character the engine skips to, then the rest; whether it starts a word is read after
 * (`gzip`, `report.zip`, `_zip` are none).
 */
const POSTAL_CODE_WORD = /[CcZzPp](?:EP|ep|IP|ip|OST(?:AL|[ \t]?CODE|LEITZAHL)|ost(?:al|[ \t]?[Cc]ode|leitzahl)|LZ|lz)|C\.?P(?![A-Za-z])/g;
/**
 * Whether `text` may hold `postcode`, `post code` or `postal code` in a case `UK_POSTCODE_PHRASE`
 * reads: at each `ode`/`ODE` a native search finds (rarer in log lines than `ost`: `host`), whether
 * a `c` and `post`, perhaps `postal` and a blank, stand before it (`POSTCODE_BEFORE_ODE`), before
 * the regex reads the line.
 */
function holdsPostcodeWord(text: string): boolean {
  for (const ode of ODE_SPELLINGS) {
    for (let at = text.indexOf(ode, 4); at >= 0; at = text.indexOf(ode, at + 3)) {
      if (POSTCODE_BEFORE_ODE.test(text.slice(Math.max(0, at - 9), at))) return true;
    }
  }
  return false;
}
const ODE_SPELLINGS = ["ode", "ODE"];
const POSTCODE_BEFORE_ODE = /(?:ost|OST)(?:al|AL)?[ \t]?[Cc]$/;

/**
 * A UK or Dutch postcode word and the start of a code with fewer than five digits in a row
 * (`postcode SW1A 1AA`, `Post code: M1 1AE`, `postcode 1012 LM`): `postal-code-phrase.ts`' forms
 * that the digit count does not announce.
 */
const UK_POSTCODE_PHRASE = /(?<![\w.-])(?:[Pp]ost(?:al)?[ \t]?[Cc]ode|POST(?:AL)?[ \t]?CODE)(?:[ \t]*:)?[ \t]+(?:[A-Z]{1,2}\d|\d{4} ?[A-Z]{2})/;

/** `Evidence.POSTAL_CODE_PHRASE` when a word of `POSTAL_CODE_WORD` starts a word in the text. */
function postalCodePhraseEvidence(text: string): number {
  POSTAL_CODE_WORD.lastIndex = 0;
  for (let found = POSTAL_CODE_WORD.exec(text); found !== null; found = POSTAL_CODE_WORD.exec(text)) {
    const before = found.index > 0 ? text.charCodeAt(found.index - 1) : 32;
    if (!isAlphanumeric(before) && before !== 46 && before !== 45 && before !== 95) return Evidence.POSTAL_CODE_PHRASE;
  }
  return 0;
}

/**
 * What a text must hold to hold one of `words`, written as they are matched, as the first loop
 * reads it: pairs of its classes (`CHARACTERS`) and its letters (`LETTERS`, either case). A text lacking one of each pair's cannot hold any
 * (`mayHoldAny`), which spares the searches of texts that hold none of their characters (hex
 * ids, numbers, most paths). A word whose needs hold another's is left out: the other's pair
 * rules out no text it would not.
 */
function needsOfWords(words: readonly string[]): Int32Array {
  return fewestNeeds(
    words.map((word) => {
      let classes = 0;
      let letters = 0;
      for (let i = 0; i < word.length; i++) {
        classes |= CHARACTERS[word.charCodeAt(i) & 255]! & ((1 << CLASS_BITS) - 1);
        letters |= LETTERS[word.charCodeAt(i) & 255]! & ALL_LETTERS;
      }
      return [classes, letters] as const;
    }),
  );
}

/** The needs without those holding another's (`needsOfWords`), flat. */
function fewestNeeds(needs: readonly (readonly [number, number])[]): Int32Array {
  const holds = (a: readonly [number, number], b: readonly [number, number]) => (a[0] & b[0]) === b[0] && (a[1] & b[1]) === b[1];
  const kept = needs.filter((need, i) => !needs.some((other, j) => j !== i && holds(need, other) && (!holds(other, need) || j < i)));
  return Int32Array.from(kept.flat());
}

/**
 * `needsOfWords` for the matches of `patterns`: for each alternative at the top of a pattern, the
 * ASCII letters it matches for certain, in either case (its letters outside groups and classes,
 * not made optional by `?`, `*` or `{0,`), with no classes. A letter matches only itself in
 * either case without the `u` or `v` flag (ECMA-262 Canonicalize: no character past ASCII folds
 * to an ASCII letter), so a text lacking one of an alternative's letters cannot hold its match;
 * a pattern with either flag, like an alternative with no certain letter, needs nothing.
 */
export function needsOfPatterns(...patterns: readonly RegExp[]): Int32Array {
  const needs: [number, number][] = [];
  for (const pattern of patterns) {
    const source = pattern.unicode || pattern.flags.includes("v") ? "" : pattern.source;
    let depth = 0;
    let inClass = false;
    let letters = 0;
    for (let i = 0; i < source.length; i++) {
      const character = source[i]!;
      if (character === "\\") {
        // An escape is no letter: `\w`, `\x41`, `\u00C0`, `\cJ`, `\k<name>`.
        const kind = source[i + 1];
        i += kind === "u" ? 5 : kind === "x" ? 3 : kind === "c" ? 2 : kind === "k" ? source.indexOf(">", i) - i : 1;
        continue;
      }
      if (inClass) inClass = character !== "]";
      else if (character === "[") inClass = true;
      else if (character === "(") depth++;
      else if (character === ")") depth--;
      else if (character === "|" && depth === 0) {
        needs.push([0, letters]);
        letters = 0;
      } else if (depth === 0) {
        const next = source[i + 1];
        if (next !== "?" && next !== "*" && !(next === "{" && source[i + 2] === "0")) letters |= LETTERS[character.charCodeAt(0) & 255]! & ALL_LETTERS;
      }
    }
    needs.push([0, letters]);
  }
  return fewestNeeds(needs);
}

/** Whether a text of `classes` and `letters` may hold one of the words whose needs `needsOfWords` gave. */
function mayHoldAny(classes: number, letters: number, needs: Int32Array): boolean {
  for (let i = 0; i < needs.length; i += 2) {
    if ((classes & needs[i]!) === needs[i] && (letters & needs[i + 1]!) === needs[i + 1]) return true;
  }
  return false;
}

const SQL_BOUND_LIST_MARKER_NEEDS = needsOfWords(SQL_BOUND_LIST_MARKERS);
const BEARER_NEEDS = needsOfWords(BEARER_SPELLINGS);
const BASIC_NEEDS = needsOfWords(BASIC_SPELLINGS);
const SQL_VALUES_NEEDS = needsOfWords(SQL_VALUES_SPELLINGS);
const SQL_SET_NEEDS = needsOfWords(SQL_SET_SPELLINGS);
/**
 * The patterns whose needs (`needsOfPatterns`) gate searches below, by their name in
 * `PATTERN_NEEDS`: `scripts/pattern-needs-table.ts` reads them into `pattern-needs-table.ts`, so
 * that a Worker's start only copies them (a unit test fails while the written needs are stale).
 */
export function neededPatterns(): Record<keyof typeof PATTERN_NEEDS, readonly RegExp[]> {
  return {
    personalDocumentShort: [new RegExp(PERSONAL_DOCUMENT_SHORT_WAYS.join("|"), "i")],
    sqlWhere: [SQL_WHERE],
    streetField: [STREET_FIELD_WORD],
    redisCommand: [ANY_REDIS_COMMAND_WORD],
    // The letters of a German identity card's name (`Ausweis`, `Personalausweisnummer`).
    germanCardName: [GERMAN_CARD_NAME],
  };
}

const SQL_WHERE_NEEDS = Int32Array.from(PATTERN_NEEDS.sqlWhere);
const STREET_FIELD_NEEDS = Int32Array.from(PATTERN_NEEDS.streetField);
const REDIS_COMMAND_NEEDS = Int32Array.from(PATTERN_NEEDS.redisCommand);
const GERMAN_CARD_NAME_NEEDS = Int32Array.from(PATTERN_NEEDS.germanCardName);

function holdsAny(text: string, words: readonly string[]): boolean {
  // A loop rather than `some`: no closure per call, on a path most texts with a letter take.
  for (let i = 0; i < words.length; i++) if (text.includes(words[i]!)) return true;
  return false;
}

/** `Evidence.PHONE` when `+` (perhaps `%2B`) and a digit, `(`, two digits and `)`, or `%20` between digits and a phone word are in the text. */
function phoneEvidence(text: string): number {
  for (let plus = text.indexOf("+"); plus >= 0; plus = text.indexOf("+", plus + 1)) {
    if (isDigit(text.charCodeAt(plus + 1))) return Evidence.PHONE;
  }
  // A form-encoded `+` (`From=%2B14158675309`), or a blank between a number's groups after a phone's word (`?tel=91%20123%2045%2067`).
  let encodedBlank = false;
  for (let percent = text.indexOf("%2"); percent >= 0; percent = text.indexOf("%2", percent + 1)) {
    const escaped = text.charCodeAt(percent + 2) | 0x20;
    if (!isDigit(text.charCodeAt(percent + 3))) continue;
    if (escaped === 98 /* b */) return Evidence.PHONE;
    if (escaped === 48 /* 0 */ && isDigit(text.charCodeAt(percent - 1))) encodedBlank = true;
  }
  if (encodedBlank && PHONE_WORD.test(text)) return Evidence.PHONE;
  for (let open = text.indexOf("("); open >= 0; open = text.indexOf("(", open + 1)) {
    if (isDigit(text.charCodeAt(open + 1)) && isDigit(text.charCodeAt(open + 2)) && text.charCodeAt(open + 3) === 41) {
      return Evidence.PHONE;
    }
  }
  return 0;
}

/**
 * A run of digits, spaces, `.`, `/` and `-` as long as the shortest that can hold a digit fact:
 * seven digits (an RG, the shortest number a word names: `namedRunEvidence`; a CPF has 11) or a
 * dotted quad (`1.2.3.4`). A native search finds them: most characters of a text end a run, and
 * a regex steps over them several times faster than a loop of `charCodeAt`.
 */
const DIGIT_RUN = new RegExp(`[\\d ./-]{${Math.min(NAMED_RUN_DIGITS, SHORTEST_DOTTED_QUAD)},}`, "g");

/**
 * The digit facts of the text's runs (`DIGIT_RUN`): each run is counted (digits, dots) as it is
 * read back from its end to its start; only a run with the 11 digits of a CPF or the dots of a
 * quad is walked by `digitRunEvidence`, only one with 7 digits is read for the words that name
 * a number (`namedRunEvidence`). The hex ids with many digits, paths and versions end at the
 * count.
 */
function digitRunsEvidence(text: string): number {
  let found = 0;
  DIGIT_RUN.lastIndex = 0;
  while (DIGIT_RUN.test(text)) {
    const end = DIGIT_RUN.lastIndex;
    let run = end;
    let digits = 0;
    let dots = 0;
    let blanks = 0;
    for (let code = text.charCodeAt(run - 1); run > 0 && isRunCharacter(code); code = text.charCodeAt(--run - 1)) {
      if (code === 46) dots++;
      else if (code === 32) blanks++;
      else if (code >= 48 && code <= 57) digits++;
    }
    if (digits >= CPF_DIGITS || dots >= 3) found |= digitRunEvidence(text, run, end);
    if (digits >= NAMED_RUN_DIGITS) found |= namedRunEvidence(text, run, end, digits, blanks > 0) | ibanEvidence(text, run);
  }
  return found;
}

/** How far before a run of digits an IBAN's country code is read: the longest IBAN, printed in groups. */
const IBAN_REACH = 42;

/**
 * `Evidence.IBAN` when a country code of the IBAN registry and two digits start a word in the
 * `IBAN_REACH` characters before the run at `run`, with only letters, digits and blanks
 * between (`DE89370400…`, `GB82 WEST 1234…`, in lower case too: `de89370400…`): read back from
 * the run, which most texts end at its first character (`"ts":1733…`, `id=`).
 */
function ibanEvidence(text: string, run: number): number {
  const from = Math.max(1, run - IBAN_REACH);
  // The character after `second`, read by the step before: most steps end at its test, in the
  // letters of a path or a word before the run (`/products/4521`).
  let next = text.charCodeAt(run);
  for (let second = run - 1; second >= from; second--) {
    const code = text.charCodeAt(second);
    if (isDigit(next) && isLetter(code)) {
      const first = text.charCodeAt(second - 1);
      if (
        isLetter(first) && isDigit(text.charCodeAt(second + 2)) &&
        (second < 2 || !isAlphanumeric(text.charCodeAt(second - 2))) && isIbanCountry(first & ~0x20, code & ~0x20)
      ) {
        return Evidence.IBAN;
      }
    } else if (!(isLetter(code) || isDigit(code) || code === 32)) {
      return 0;
    }
    next = code;
  }
  return 0;
}

function isAlphanumeric(code: number): boolean {
  return isDigit(code) || ((code | 0x20) >= 97 && (code | 0x20) <= 122);
}

function isRunCharacter(code: number): boolean {
  return (code >= 48 && code <= 57) || code === 32 || code === 46 || code === 47 || code === 45;
}

/** A digit count's states before its run's first countable digit. */
const MAY_START = -1;
const GLUED = -2;
/** `[A-Za-z_]`: besides digits, `.`, `/` and `-`, what glues a digit after it to a word. */
const GLUES = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  GLUES[code] = (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 ? 1 : 0;
}

/**
 * The facts of digit runs (digits, spaces, `.`, `/` and `-`): `CPF_DIGITS`, `CNPJ` and
 * `CARD_DIGITS` when a run has their digits counted from its first digit where such a number
 * could start (not right after a word character, `.` or `-`, nor `/` for tax ids, as their
 * lookbehinds require; a comma may separate a list's items or a CSV row's fields; a card's first
 * digit is 2–6, 8 or 9) at a digit no word character follows (`endsNumber`),
 * `DOTTED_QUAD` for 3 dots.
 * The walk reads the run from `run` to `end`, after the character before it, which says
 * whether the run's first digit is glued.
 */
function digitRunEvidence(text: string, run: number, end: number): number {
  let found = 0;
  let taxDigits = MAY_START;
  let cardDigits = MAY_START;
  let dots = 0;
  for (let i = run > 0 ? run - 1 : 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      if (taxDigits >= 0) {
        if (++taxDigits >= CPF_DIGITS && endsNumber(text, i)) found |= taxDigits >= CNPJ_DIGITS ? Evidence.CPF_DIGITS | Evidence.CNPJ : Evidence.CPF_DIGITS;
      } else if (taxDigits === MAY_START) {
        taxDigits = 1;
      }
      if (cardDigits >= 0) {
        if (++cardDigits >= CARD_DIGITS && endsNumber(text, i)) found |= Evidence.CARD_DIGITS;
      } else {
        // A digit that starts no card glues the next.
        cardDigits = cardDigits === MAY_START && code !== 48 && code !== 49 && code !== 55 ? 1 : GLUED;
      }
      continue;
    }
    switch (code) {
      case 32: // space
        if (taxDigits < 0) taxDigits = MAY_START;
        if (cardDigits < 0) cardDigits = MAY_START;
        continue;
      case 46: // .
        if (++dots >= 3) found |= Evidence.DOTTED_QUAD;
        if (taxDigits < 0) taxDigits = GLUED;
        if (cardDigits < 0) cardDigits = GLUED;
        continue;
      case 45: // -
        if (taxDigits < 0) taxDigits = GLUED;
        if (cardDigits < 0) cardDigits = GLUED;
        continue;
      case 47: // /
        // A URL path's segment may be a printed CPF or CNPJ (`/clientes/529.982.247-25`).
        if (taxDigits < 0) taxDigits = MAY_START;
        if (cardDigits < 0) cardDigits = MAY_START;
        continue;
    }
    // Any other character ends the run; a word character glues a digit right after it. A comma
    // may separate a list's items or a CSV row's fields, a card or a CPF among them (`[1,4111…]`,
    // `Ana,52998224725,SP`): the detector tells.
    const glued = code < 128 && GLUES[code] === 1;
    taxDigits = glued ? GLUED : MAY_START;
    cardDigits = glued ? GLUED : MAY_START;
    dots = 0;
  }
  return found;
}

/**
 * Whether the digit at `at` can end a CPF, CNPJ or card: no word character follows it, as each
 * detector's lookahead requires (`(?![\\w…`), so a hex id or a file name starting with a dozen
 * digits (`176189766095a3d1`, `49905169188a.webp`) calls none of them. Every digit of such a
 * number is counted, so its last one has the count.
 */
function endsNumber(text: string, at: number): boolean {
  return !isWordCharacter(text.charCodeAt(at + 1));
}

/** `[A-Za-z0-9_]`. */
function isWordCharacter(code: number): boolean {
  return isDigit(code) || code === 95 || ((code | 0x20) >= 97 && (code | 0x20) <= 122);
}

/** Whether a UTF-16 code unit is an ASCII digit, `0`–`9`. */
export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isHexDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}

/** `/` then four `[0-9A-Z]`, `-` and two digits: the end of `AB.CDE.FGH/IJKL-12`. */
function startsAlphanumericCnpjBranch(text: string, slash: number): boolean {
  for (let i = slash + 1; i <= slash + 4; i++) {
    const code = text.charCodeAt(i);
    if (!((code >= 48 && code <= 57) || (code >= 65 && code <= 90))) return false;
  }
  return text.charCodeAt(slash + 5) === 45 && isDigit(text.charCodeAt(slash + 6)) && isDigit(text.charCodeAt(slash + 7));
}

/** The colon is followed by another, or sits between a hex digit and 1–4 hex digits and a colon. */
function separatesIpv6Groups(text: string, colon: number): boolean {
  if (text.charCodeAt(colon + 1) === 58) return true;
  if (!isHexDigit(text.charCodeAt(colon - 1))) return false;
  let i = colon + 1;
  while (i < colon + 5 && isHexDigit(text.charCodeAt(i))) i++;
  return i > colon + 1 && text.charCodeAt(i) === 58;
}

/** `SECRET_NAME_ENDINGS` by the code of their last letter. */
const ENDINGS_BY_LAST_LETTER: (readonly string[] | undefined)[] = new Array<readonly string[] | undefined>(128).fill(undefined);
for (const ending of SECRET_NAME_ENDINGS) {
  const last = ending.charCodeAt(ending.length - 1);
  ENDINGS_BY_LAST_LETTER[last] = [...(ENDINGS_BY_LAST_LETTER[last] ?? []), ending];
}

/**
 * Whether the colon follows, past blanks and one quote, a word of `SECRET_NAME_ENDINGS` in any
 * case (what the field form's regex requires) and a name that `isSecretName` accepts (what its
 * rewrite requires).
 */
function endsSecretFieldName(text: string, colon: number): boolean {
  let end = blanksBefore(text, colon);
  if (end > 0 && (text.charCodeAt(end - 1) === 34 || text.charCodeAt(end - 1) === 39)) {
    end--;
    // A name's quote escaped in JSON text held in a string (`{\"senha\":…}`).
    while (end > 0 && text.charCodeAt(end - 1) === 92) end--;
  }
  if (endsWithSecretEnding(text, end)) {
    const name = fieldNameBefore(text, colon);
    // A plural code's name (`pins: [1234, 5678]`) holds its codes as a list of numbers only, which the rewrite reads.
    return isSecretName(name) || isBarePassName(name) || numericSecretDigits(name) > 0;
  }
  // A password's change (`password_changed: hunter2`): a password-shaped value is the new one.
  if (PASSWORD_CHANGE_ENDINGS.some((ending) => endsWithCaseless(text, end, ending)) && namesPasswordChange(fieldNameBefore(text, colon))) return true;
  // A member of a collection of secrets in a dotted name (`secrets.db:`, `tokens.github:`), or a
  // count's member of a collection of tokens (`tokens.count:`), whose value decides.
  const dot = dottedSegmentStart(text, end) - 1;
  if (dot <= 0 || !endsWithSecretEnding(text, dot)) return false;
  const name = nameBefore(text, colon);
  return isSecretName(name) || namesTokensCountMember(name);
}

/** Whether `text` before `end` ends as a secret name does (`SECRET_NAME_ENDINGS`, any case). */
function endsWithSecretEnding(text: string, end: number): boolean {
  const endings = ENDINGS_BY_LAST_LETTER[(text.charCodeAt(end - 1) | 0x20) & 127];
  if (endings === undefined) return false;
  for (const ending of endings) if (endsWithCaseless(text, end, ending)) return true;
  return false;
}

/**
 * Where the last segment of a dotted name ending at `end` starts (after its `.`, at most
 * `DOTTED_SEGMENT_REACH` letters, digits, `_` and `-`), or -1 when no `.` stands before it.
 */
function dottedSegmentStart(text: string, end: number): number {
  let i = end;
  while (i > 0 && end - i < DOTTED_SEGMENT_REACH && isSegmentCharacter(text.charCodeAt(i - 1))) i--;
  return i < end && text.charCodeAt(i - 1) === 46 /* . */ ? i : -1;
}
const DOTTED_SEGMENT_REACH = 32;

function isSegmentCharacter(code: number): boolean {
  return (code >= 48 && code <= 57) || ((code | 0x20) >= 97 && (code | 0x20) <= 122) || code === 95 || code === 45;
}

/** Whether `text` before `end` ends with `word` (lower case) in any case; its other characters (`_`, `-`, `:`) as they are. */
function endsWithCaseless(text: string, end: number, word: string): boolean {
  const start = end - word.length;
  if (start < 0) return false;
  for (let i = 0; i < word.length; i++) {
    const code = text.charCodeAt(start + i);
    const wanted = word.charCodeAt(i);
    // Folding is for letters: `_` folded (0x7f) would match no ending that holds one. A letter
    // past ASCII folds by its own case (`LÖSENORD`, `HASŁO`: `Ł` and `ł` are not 0x20 apart).
    if (code !== wanted && ((code | 0x20) !== wanted || wanted < 97 || wanted > 122) && (wanted < 128 || String.fromCharCode(code).toLowerCase() !== word.charAt(i))) return false;
  }
  return true;
}

/**
 * Whether the name before `=` (every `[\w.-]` character before it, as the parameter form's
 * lookbehind makes the name start after none of them) is a secret parameter name.
 */
function namesSecretParameter(text: string, equals: number): boolean {
  // Blanks may stand before `=` (a connection string's `Password = x`, an INI line's `password = x`).
  const end = blanksBefore(text, equals);
  let start = end;
  while (start > 0 && isNameCharacter(text.charCodeAt(start - 1))) start--;
  // The parameter form's name starts with a letter after `?`, `#`, `&`, `;`, `,`, `(`, a space or nothing.
  const first = text.charCodeAt(start);
  if (start === end || !((first | 0x20) >= 97 && (first | 0x20) <= 122) && first !== 95) return false;
  if (start > 0 && !mayPrecedeParameter(text.charCodeAt(start - 1)) && !opensParameter(text, start)) return false;
  const name = text.startsWith("::", start - 2) ? nameBefore(text, end) : text.slice(start, end);
  return isSecretParameterName(name) || numericSecretDigits(name) > 0 || namesTokensCountMember(name) || namesPasswordByShape(name) || namesCurlCookie(text, start);
}

/**
 * `[?#&;\s,([{]`, with `\s` as JavaScript's regexes read it, and `=`: a flag's value may be a
 * parameter (`--from-literal=password=…`), which the flag form reads.
 */
function mayPrecedeParameter(code: number): boolean {
  return code === 35 || code === 61 || code === 63 || code === 38 || code === 59 || code === 44 || code === 40 || code === 91 || code === 123 || isRegExpSpace(code);
}

/**
 * The parameter form's other starts: after `/:` (an `.npmrc` line's `//registry/:_authToken=`),
 * after a path's `::` (`auth::token=`), after Python logging's default prefix (`ERROR:root:token=`),
 * a quote after a blank or `=` (`-var 'db_password=…'`), or a property switch's `p:` or
 * `property:` (`/p:DbPassword=…`, `-p:…`). `start` is past the first character.
 */
function opensParameter(text: string, start: number): boolean {
  const before = text.charCodeAt(start - 1);
  // After a blank or `=` (`-var 'db_password=…'`), or opening a JSON string (`"detail":"password=…"`, `["token=…"`).
  if (before === 34 || before === 39) return opensString(text, start - 1);
  if (before !== 58) return false;
  // Python logging's default prefix glued to the message (`ERROR:root:password=…`).
  if (endsGluedLoggerPrefix(text, start)) return true;
  const colonAfter = text.charCodeAt(start - 2);
  if (colonAfter === 47) return true;
  // A path's last name after its `::` (`auth::token=…`), a word character before the `::`.
  if (colonAfter === 58) return start >= 3 && /\w/.test(text[start - 3]!);
  return colonAfter === 112 ? start >= 3 && /[\s/-]/.test(text[start - 3]!) : text.endsWith("-property", start - 1);
}

/** Whether the character at `at` is a quote that opens a string (`opensString`). */
function opensStringAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return (code === 34 || code === 39) && opensString(text, at);
}

/**
 * Whether the quote at `quote` opens a string, as `OPENING_QUOTES` (detectors/escaped-quotes.ts)
 * reads it: past the backslashes escaping it, at the text's start or after a blank, `=`, `:`,
 * `,`, `(`, `[` or `{`, or after one more quote that does (`"\"smtp_pass=…`).
 */
function opensString(text: string, quote: number, second = false): boolean {
  let at = quote;
  while (at > 0 && text.charCodeAt(at - 1) === 92) at--;
  if (at === 0) return true;
  const code = text.charCodeAt(at - 1);
  if (code === 34 || code === 39) return !second && opensString(text, at - 1, true);
  return code === 61 || code === 58 || code === 44 || code === 40 || code === 91 || code === 123 || isRegExpSpace(code);
}

/** `[\s"'=,[(]`: what may precede a command-line flag, as the flag form's lookbehind says. */
function mayPrecedeFlag(code: number): boolean {
  if (code === 34 || code === 39 || code === 61 || code === 44 || code === 91 || code === 40 || code === 32) return true;
  return (code >= 9 && code <= 13) || (code >= 128 && /\s/.test(String.fromCharCode(code)));
}

/** `mysql` or `mariadb`: the start of every MySQL client's name. */
function holdsMysqlClient(text: string): boolean {
  return text.includes("mysql") || text.includes("mariadb");
}

/**
 * `Evidence.SECRET_PARAMETER` for a flag that starts a word (`-` or `--`, then a letter) and
 * whose name, ended by `=`, a blank, a quote or the backslash escaping one, `isSecretFlagName` accepts; or for `-p` and a
 * letter in a text naming a MySQL client. Whether the text names a MySQL client or a program of
 * the password options' table is read at most once a text: at every flag it made 64 KB of `-p `
 * quadratic (over a second).
 */
function flagEvidence(text: string): number {
  let mysqlClient: boolean | undefined;
  let passwordProgram: boolean | undefined;
  for (let dash = text.indexOf("-"); dash >= 0; dash = text.indexOf("-", dash + 1)) {
    if (dash > 0 && !mayPrecedeFlag(text.charCodeAt(dash - 1))) continue;
    const start = text.charCodeAt(dash + 1) === 45 ? dash + 2 : dash + 1;
    const first = text.charCodeAt(start) | 0x20;
    if (first < 97 || first > 122) continue;
    let end = start + 1;
    while (end < text.length && isNameCharacter(text.charCodeAt(end))) end++;
    // A MySQL client's `-p<password>`, whatever follows.
    if (start === dash + 1 && text.charCodeAt(start) === 112 && (mysqlClient ??= holdsMysqlClient(text))) return Evidence.SECRET_PARAMETER;
    const next = text.charCodeAt(end);
    // A quote may be escaped: an argument list held in a JSON string (`[\"--token\",\"…\"]`).
    const ends = next === 61 || next === 32 || next === 9 || next === 34 || next === 39 || next === 92;
    if (!ends) continue;
    const name = text.slice(start, end);
    if (isSecretFlagName(name) || isBarePassName(name) || (PASSWORD_OPTION_NAMES.has(name) && (passwordProgram ??= holdsPasswordProgram(text)))) return Evidence.SECRET_PARAMETER;
  }
  return 0;
}

/**
 * Whether the `=` at `equals` assigns to a secret parameter name as `secretAssignmentDetector`
 * reads assignments: `=>` or `=` with a blank beside it (`password = '…'`, `:password=>`,
 * `"api_key" => `, Go's `token := "…"`), after a backquoted column (`` `password`='…' ``) or an
 * index (`$config['password'] = `, `["password":protected]=>`); or the `key="…"`/`name="…"`
 * of a setting whose value follows (`<add key="ApiKey" value="…"/>`).
 */
function assignsToSecretName(text: string, equals: number): boolean {
  const next = text.charCodeAt(equals + 1);
  // make's `:=`, `::=` and `?=` are operators whatever stands beside them; Go's `:=` too, and
  // a compound assignment's `??=`, `||=`, `&&=` and Perl's `//=` (code-literal.ts).
  let end = equals;
  const first = text.charCodeAt(end - 2);
  if ((first === 63 || first === 124 || first === 38 || first === 47) && text.charCodeAt(end - 1) === first) end -= 2;
  else if (text.charCodeAt(end - 1) === 63) end--;
  else while (end > equals - 2 && text.charCodeAt(end - 1) === 58) end--;
  const operator = end < equals;
  const before = text.charCodeAt(end - 1);
  // The setting's name may be in escaped quotes, in JSON text held in a string (`key=\"ApiKey\"`).
  let quote = equals + 1;
  while (text.charCodeAt(quote) === 92 && quote - equals < 8) quote++;
  const quoteCode = text.charCodeAt(quote);
  if (quoteCode === 34 || quoteCode === 39) {
    if (endsWithCaseless(text, end, "key") || endsWithCaseless(text, end, "name")) {
      const close = text.indexOf(String.fromCharCode(quoteCode), quote + 1);
      if (close > 0 && close - equals < 66 && isSecretName(text.slice(quote + 1, close).replace(/\\+$/, ""))) return true;
    }
  }
  // A quoted name glued to its `=` is a pair's name as go-logr and klog print one (`"password"="…"`).
  if (!operator && next !== 62 && next !== 32 && next !== 9 && before !== 32 && before !== 9 && before !== 96 && before !== 93 && before !== 125 && before !== 34 && before !== 39) return false;
  end = blanksBefore(text, end);
  if (text.charCodeAt(end - 1) === 93) {
    // An index: the first name inside its brackets (`['password']`, `["password":protected]`,
    // a path `[Auth::token]`),
    // or the member it names of the collection before it (`secrets["db"]`: `secrets.db`).
    const open = text.lastIndexOf("[", end - 1);
    if (open < 0 || end - open > 130) return false;
    const name = /[A-Za-z_][\w.-]*(?:::[\w.-]+)*/.exec(text.slice(open + 1, end - 1));
    if (name === null) return false;
    // print_r's `[pass] => …` (secret-assignment.ts: only a value shaped as a password is one).
    return isSecretParameterName(name[0]) || namesPasswordByShape(name[0]) || isHeldSecretName(`${nameBefore(text, open)}.${name[0]}`);
  }
  // A backquoted SQL column (`` `password` ``), a shell's `${password}`: the name inside.
  const closing = text.charCodeAt(end - 1);
  const name = closing === 96 || closing === 125 ? nameBefore(text, end - 1) : nameBefore(text, end);
  // A short password name (`pw = "…"`): secret-assignment.ts reads the literal's shape.
  return name !== "" && (isSecretParameterName(name) || isShortPasswordName(name));
}

/**
 * A login word (`LOGIN_WORDS`) then an array, as the credential pair form reads it
 * (`secret-assignment.ts`); the blanks between may be escapes the view reads as blanks (`\\t`).
 */
const LOGIN_WORD_BEFORE_ARRAY = new RegExp(`(?<![\\w.-])(?:${LOGIN_WORDS.join("|")})(?:[\\s:]|\\\\+[tnr])*\\[`, "i");

/** `Evidence.SECRET_ASSIGNMENT` for a credential pair's array after a login word (`auth ["ana@example.com","…"]`). */
function credentialPairEvidence(text: string, classes: number): number {
  return (classes & HAS_QUOTE_OR_TAG) !== 0 && text.includes("[") && LOGIN_WORD_BEFORE_ARRAY.test(text) ? Evidence.SECRET_ASSIGNMENT : 0;
}

/** SQL words a password string follows (`WITH PASSWORD '…'`, `IDENTIFIED BY '…'`, `SET PASSWORD FOR '…'`). */
const SQL_WORDS_BEFORE_PASSWORD = ["password", "by", "for"];

/**
 * `Evidence.SECRET_ASSIGNMENT` for a quote after a blank, a line break or `(` that follows a
 * word of `SQL_WORDS_BEFORE_PASSWORD` in any case (a native search for `'` first, in a text
 * whose `classes` hold one); for `IDENTIFIED BY` (which may take a double-quoted or unquoted
 * password); for `define(`.
 */
function sqlPasswordEvidence(text: string, classes: number): number {
  if ((classes & HAS_QUOTE_OR_TAG) !== 0) for (let quote = text.indexOf("'"); quote > 0; quote = text.indexOf("'", quote + 1)) {
    const before = text.charCodeAt(quote - 1);
    if (before !== 32 && before !== 9 && before !== 40 && before !== 10 && before !== 13) continue;
    let end = quote - 1;
    while (end > 0 && (text.charCodeAt(end) === 32 || (text.charCodeAt(end) >= 9 && text.charCodeAt(end) <= 13) || text.charCodeAt(end) === 40)) end--;
    for (const word of SQL_WORDS_BEFORE_PASSWORD) {
      if (endsWithCaseless(text, end + 1, word) && !isNameCharacter(text.charCodeAt(end - word.length))) return Evidence.SECRET_ASSIGNMENT;
    }
  }
  // `IDENTIFIED BY "…"` and Oracle's unquoted `IDENTIFIED BY password`; PHP's `define("DB_PASSWORD", "…")`.
  if ((classes & (HAS_I | HAS_B)) === (HAS_I | HAS_B) && IDENTIFIED_BY.test(text)) return Evidence.SECRET_ASSIGNMENT;
  // MySQL's `SET PASSWORD FOR bob = '…'`: the quote follows the account's name and `=`.
  if ((classes & (HAS_S | HAS_QUOTE_OR_TAG | HAS_EQUALS)) === (HAS_S | HAS_QUOTE_OR_TAG | HAS_EQUALS) && SET_PASSWORD.test(text)) {
    return Evidence.SECRET_ASSIGNMENT;
  }
  return (classes & HAS_PHONE_START) !== 0 && (text.includes("define(") || NAMED_SETTER_CALL.test(text)) ? Evidence.SECRET_ASSIGNMENT : 0;
}

/**
 * Methods that store a value under a name given as their first argument, as browser and Node code
 * writes them (`localStorage.setItem('token', '…')`, `headers.set('Authorization', '…')`,
 * `res.setHeader(…)`, `xhr.setRequestHeader(…)`, `params.append(…)`): read as PHP's `define`.
 */
export const NAMED_SETTERS = "setItem|setHeader|setRequestHeader|set|append";
const NAMED_SETTER_CALL = new RegExp(`\\.(?:${NAMED_SETTERS})\\(`);
/** A setter named for what it sets called with a string literal (`setPassword("…")`, `set_api_key('…')`): `detectors/code-literal.ts` reads the name. */
const CREDENTIAL_SETTER_CALL = /(?<![\w$])set_?[A-Za-z]\w*[ \t]*\([ \t]*["']/;
/** The statements' words in any case and with any blanks between them, as the detector reads them (`secret-assignment.ts`). */
const IDENTIFIED_BY = /identified\s+by/i;
const SET_PASSWORD = /set\s+password/i;
/** An encoded `=`, once or twice (`%3D`, `%253D`); the encoded separator a parameter's name follows. */
const ENCODED_EQUALS = /%(?:25)?3[Dd]/;
const ENCODED_SEPARATOR = /^(?:25)?(?:3[Ff]|26|23)/;

/**
 * The other facts of `Evidence.SECRET_ASSIGNMENT` (`sqlPasswordEvidence`): an end tag of a
 * secret name or of `pass` or `pw` alone; `%3D` after an encoded secret parameter name. Native searches for `</` and
 * `%3D` first.
 */
function secretAssignmentEvidence(text: string, classes: number): number {
  if (sqlPasswordEvidence(text, classes) !== 0) return Evidence.SECRET_ASSIGNMENT;
  if (credentialPairEvidence(text, classes) !== 0) return Evidence.SECRET_ASSIGNMENT;
  if ((classes & (HAS_QUOTE_OR_TAG | HAS_SLASH)) === (HAS_QUOTE_OR_TAG | HAS_SLASH)) {
    for (let tag = text.indexOf("</"); tag >= 0; tag = text.indexOf("</", tag + 2)) {
      const close = text.indexOf(">", tag + 2);
      if (close < 0) break;
      const name = text.slice(tag + 2, close);
      const local = name.slice(name.lastIndexOf(":") + 1);
      // `</pass>`, `</pw>`: a password when the element holds one by its shape (`isPassPassword`).
      if (isSecretName(local) || isBarePassName(local)) return Evidence.SECRET_ASSIGNMENT;
    }
  }
  if ((classes & HAS_PERCENT) !== 0) {
    for (let equals = text.search(ENCODED_EQUALS); equals >= 0; ) {
      let start = equals;
      while (start > 0 && isNameCharacter(text.charCodeAt(start - 1))) start--;
      // The name starts after the encoded `?`, `&` or `#` (`%3F`, `%26`, `%23`, twice encoded
      // `%253F`), whose hex digits read as name characters.
      const encoded = start > 0 ? ENCODED_SEPARATOR.exec(text.slice(start, start + 4)) : null;
      if (encoded !== null) start += encoded[0].length;
      if (isSecretParameterName(text.slice(start, equals)) || isBarePassName(text.slice(start, equals))) return Evidence.SECRET_ASSIGNMENT;
      const next = text.slice(equals + 3).search(ENCODED_EQUALS);
      equals = next < 0 ? -1 : equals + 3 + next;
    }
  }
  return 0;
}

/**
 * Whether the name before the `=` at `equals` is a postal code's parameter name
 * (`isPostalCodeParameterName`) after what the detector's lookbehind allows: `?`, `&`, `#`,
 * `;`, `,`, `(`, a blank or the start of the text.
 */
function namesPostalCodeParameter(text: string, equals: number): boolean {
  let value = equals + 1;
  // A list of codes as the value: `zips=[94103,…]`, `postal_codes=["94103",…]`.
  if (text.charCodeAt(value) === 91 && (text.charCodeAt(++value) === 34 || text.charCodeAt(value) === 39)) value++;
  if (!postalCodeValueMayStart(text, value)) return false;
  let start = equals;
  let p = false;
  for (let code = text.charCodeAt(start - 1); start > 0 && isNameCharacter(code); code = text.charCodeAt(--start - 1)) {
    if ((code | 0x20) === 112) p = true;
  }
  if (!p) return false;
  if (start > 0 && !mayPrecedePostalCodeParameter(text.charCodeAt(start - 1)) && !opensStringAt(text, start - 1)) return false;
  return isPostalCodeParameterName(text.slice(start, equals));
}

/**
 * Whether the `=` at `equals` is an `=>` (PHP's and Ruby's `'zip' => '94103'`, `print_r`'s
 * `[zip] => 94103`) or an `=` with blanks on both sides (`zip = 94105`) after a postal code's
 * name, perhaps closed by a quote or `]`, with a value able to start a postal code after it
 * (`postalCodeValueMayStart`). Only an `=>` or a spaced `=` is read further.
 */
function namesPostalCodeMember(text: string, equals: number): boolean {
  const arrow = text.charCodeAt(equals + 1) === 62; /* > */
  if (!arrow && !(isBlank(text.charCodeAt(equals - 1)) && isBlank(text.charCodeAt(equals + 1)))) return false;
  let value = blanksAfter(text, equals + (arrow ? 2 : 1));
  while (text.charCodeAt(value) === 92) value++;
  if (!postalCodeValueMayStart(text, pastOpeningQuotes(text, value))) return false;
  let end = blanksBefore(text, equals);
  const closing = text.charCodeAt(end - 1);
  if (closing === 93 /* ] */ || closing === 34 || closing === 39) end--;
  while (end > 0 && text.charCodeAt(end - 1) === 92) end--;
  let start = end;
  while (start > 0 && isNameCharacter(text.charCodeAt(start - 1))) start--;
  return start < end && isPostalCodeParameterName(text.slice(start, end));
}

/**
 * The last characters of every name `isPostalCodeParameterName` accepts but those starting with
 * `cep`: `p` (`zip`, `cep`, `cp`), `e` (`code`, `postcode`), `z` (`plz`), `l` (`postleitzahl`,
 * `code_postal`), `s` after one of those (`zipCodes`,
 * `ceps`: 2, `endsAsPluralCodeName`), a digit (`zip5`), in any case, or a
 * separator its words drop (`zip_`); `t` and `y` of a list's word after one of those (`zip_list`,
 * `cepArray`: 3, `detectors/list-names.ts`). A name ending otherwise (`"ageSeconds":1762`,
 * `"requestId":"a16b…"`) needs `CEP_NAME` in the text, which most texts answer once, asked
 * only where the value's first character may open a code (not at `https://`, `:id/`).
 */
const POSTAL_CODE_NAME_ENDS = new Uint8Array(128);
for (const character of "pPeEzZlL0123456789_.-") POSTAL_CODE_NAME_ENDS[character.charCodeAt(0)] = 1;
// A plural's `s`, which `endsAsPluralCodeName` reads further.
POSTAL_CODE_NAME_ENDS[115] = POSTAL_CODE_NAME_ENDS[83] = 2;
// A list's word (`list`, `array`), read further.
POSTAL_CODE_NAME_ENDS[116] = POSTAL_CODE_NAME_ENDS[84] = POSTAL_CODE_NAME_ENDS[121] = POSTAL_CODE_NAME_ENDS[89] = 3;
/** The words saying a name holds a list, by their last letter's code, lower case (`list-names.ts`). */
const LIST_WORD_ENDING_IN: Readonly<Record<number, string>> = { 116: "list", 121: "array" };
/** `cep` as a name's first word may spell it (`cep`, `Cep`, `CEP`, `CEp`: `nameWords`). */
const CEP_NAME = /[cC][eE][pP]/;

/** What a field's value may start with, as `mayOpenPostalCodeValue` reads it: a quote, a blank, a letter or a digit. */
function mayOpenValue(code: number): boolean {
  return code === 34 || code === 39 || code === 32 || code === 9 || code === 91 || isAlphanumeric(code);
}

/**
 * Where the last character of the name before the field's `:` at `colon` is, past blanks and
 * one quote as `namesPostalCodeField` reads it (`namesPostalCodeEnding` reads the character there).
 */
function fieldNameLastAt(text: string, colon: number): number {
  const end = blanksBefore(text, colon);
  const last = text.charCodeAt(end - 1);
  if (last !== 34 && last !== 39) return end - 1;
  // Past the quote and the backslashes escaping it (`{\"zip\":[…]}`).
  let name = end - 2;
  while (name > 0 && text.charCodeAt(name) === 92) name--;
  return name;
}

/**
 * Whether the name character at `at` may end a postal code's name (`POSTAL_CODE_NAME_ENDS`): a
 * plural's `s` only after a `p` or an `e` (`zips`, `ceps`, `zipCodes`; not `items`, `status`), a
 * list's word only after such an ending (`zip_list`, `cepsArray`; not `playlist`).
 */
function namesPostalCodeEnding(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  // No name these endings read ends past ASCII (`时间:`, `allô=`); NaN before the text's start.
  if (!(code < 128)) return false;
  const ends = POSTAL_CODE_NAME_ENDS[code];
  if (ends === 3) {
    const word = LIST_WORD_ENDING_IN[text.charCodeAt(at) | 0x20]!;
    if (text.slice(at - word.length + 1, at + 1).toLowerCase() !== word) return false;
    let before = at - word.length;
    if (text.charCodeAt(before) === 95 /* _ */ || text.charCodeAt(before) === 45 /* - */) before--;
    return before >= 0 && namesPostalCodeEnding(text, before);
  }
  if (ends !== 2) return ends === 1;
  const before = text.charCodeAt(at - 1) | 0x20;
  return before === 112 || before === 101;
}

/**
 * Whether the value after the field's `:` at `colon` may be a postal code, read at its first
 * characters (`postalCodeValueMayStart`): most JSON values are ruled out there, before the name
 * is read (`"GET"`, `404`, `319.22`, `"2b9b…"`).
 */
function mayOpenPostalCodeValue(text: string, colon: number): boolean {
  let value = colon + 1;
  // An array of codes: `"cep":["01310-100"]`, `"zip":[94105]`, its quotes perhaps escaped.
  if (text.charCodeAt(value) === 91) value++;
  // Its quote perhaps escaped, in JSON text held in a string (`{\"cep\":\"01310-100\"}`).
  while (text.charCodeAt(value) === 92) value++;
  value = pastOpeningQuotes(text, value);
  const first = text.charCodeAt(value);
  if (isDigit(first)) return postalCodeValueMayStart(text, value);
  if (isLetter(first)) return isDigit(text.charCodeAt(value + 1)) || isDigit(text.charCodeAt(value + 2));
  return first === 32 || first === 9;
}

/**
 * The index past the quotes opening a value at `at` (past the backslashes escaping them): one
 * quote, or a GraphQL block string's three (`"""`, `\"\"\"` in JSON text held in a string:
 * `VALUE_OPENING_QUOTES`); `at` when none opens there.
 */
function pastOpeningQuotes(text: string, at: number): number {
  const quote = text.charCodeAt(at);
  if (quote === 39) return at + 1;
  if (quote !== 34) return at;
  if (text.startsWith('""', at + 1)) return at + 3;
  if (text.startsWith('\\"\\"', at + 1)) return at + 5;
  return at + 1;
}

/**
 * The same for a field's `:` at `colon` (`CEP: 01310-100`, `"zip":94105`, `'cep': '…'`): the
 * name perhaps quoted and followed by blanks, after what may precede a parameter, `{` or `[`;
 * the value after blanks and a quote.
 */
function namesPostalCodeField(text: string, colon: number): boolean {
  let value = blanksAfter(text, colon + 1);
  if (text.charCodeAt(value) === 91) value = blanksAfter(text, value + 1);
  while (text.charCodeAt(value) === 92) value++;
  if (!postalCodeValueMayStart(text, pastOpeningQuotes(text, value))) return false;
  let end = blanksBefore(text, colon);
  const quoted = end > 0 && (text.charCodeAt(end - 1) === 34 || text.charCodeAt(end - 1) === 39);
  if (quoted) end--;
  while (quoted && end > 0 && text.charCodeAt(end - 1) === 92) end--;
  // Every postal code name holds a `p` (`zip`, `cep`, `postal`, `postcode`): a name without one
  // (`"status":404`, `"durationMs":319`) is ruled out before it is cut from the text.
  let start = end;
  let p = false;
  for (let code = text.charCodeAt(start - 1); start > 0 && isNameCharacter(code); code = text.charCodeAt(--start - 1)) {
    if ((code | 0x20) === 112) p = true;
  }
  if (!p) return false;
  // A name in quotes, perhaps escaped (JSON text in a string: `{\"cep\":[…]}`), or after one opening a string (`{"m":"CEP: …"}`).
  if (start > 0 && !opensStringAt(text, start - 1)) {
    const code = text.charCodeAt(start - 1);
    if (code !== 123 && code !== 91 && !mayPrecedePostalCodeParameter(code)) return false;
  }
  return isPostalCodeParameterName(text.slice(start, end));
}

/**
 * Whether a postal code the detector accepts may start at `value`, by its leading digits as the
 * shapes have them (`postal-code-parameter.ts`): a letter (the UK's and Canada's codes); two
 * digits and `.` or `-`, three and `-`, four, five, six, seven or eight not glued to a letter. Rules out
 * most numbers and ids at one or two reads (`404`, `319.22`, `2b9b…`, a 32-digit trace id).
 */
function postalCodeValueMayStart(text: string, value: number): boolean {
  const first = text.charCodeAt(value);
  if (!isDigit(first)) return isLetter(first);
  let digits = 1;
  while (digits < 9 && isDigit(text.charCodeAt(value + digits))) digits++;
  const next = text.charCodeAt(value + digits);
  switch (digits) {
    case 2:
      return next === 46 || next === 45;
    case 3:
      return next === 45;
    case 4:
      return true;
    case 5:
    case 6:
    case 7:
    case 8:
      return !isLetter(next);
    default:
      return false;
  }
}

/** `[A-Za-z]`. */
function isLetter(code: number): boolean {
  return (code | 0x20) >= 97 && (code | 0x20) <= 122;
}

/** `[?&#;\s,([{]`, with `\s` as JavaScript's regexes read it. */
function mayPrecedePostalCodeParameter(code: number): boolean {
  return code !== 61 && mayPrecedeParameter(code);
}
