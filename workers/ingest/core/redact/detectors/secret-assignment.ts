import { lazy } from "../../../../shared/lazy";
import { blanksBefore } from "../blanks";
import { namesSecretReference } from "../password-value-kinds";
import { countWork } from "../scan-scope";
import { AFTER_GLUED_LOGGER_PREFIX } from "../logger-prefix";
import { Evidence, NAMED_SETTERS } from "../evidence";
import { credentialHeaderOf, opensWithAuthScheme } from "../credential-headers";
import { isCodeValue } from "../code-values";
import { LOGIN_WORDS, NAME_CHARACTER, SECRET_NAME_ENDINGS, isHeldSecretName, isPassPassword, isShortPasswordName, keptUnderPassWord, isSecretName, isSecretParameterName, isNamedCount, nameWords, standsForSecret } from "../secret-names";
import { caseless, type Detector, type Rewrite } from "./detector";
import { endsSentence, sentenceEndLength, valueEnd, type ValueEnd } from "./sentence-end";
import { DOUBLE_QUOTED_OVER_LINES, ESCAPED_QUOTED, ESCAPED_SINGLE_QUOTED, NEXT_PAIR_NAME, quoteOpening } from "./escaped-quotes";
import { SECRET_PARAM_KIND, asSessionIdUnder } from "./secret-parameter";
import { holdsOrdinaryValue } from "../bare-parameters";
import { PASSWORD_WORD } from "../key-namespaces";
import { saysSecretState } from "../status-words";
import { PEM_ARMOR_START, leavesPemBlockAt, leavesPemValue } from "../token-formats";

/**
 * Secrets assigned in the notations the `secret_param` forms (`name=value`, `name: value`,
 * flags) do not read, counted under the same kind:
 *
 * - a quoted value after `=` with blanks around it, after `=>` or Go's `:=`: SQL (`WHERE password =
 *   'hunter2'`, Sequelize's `` `User`.`password` = '…' ``), Python and TOML (`api_key = "…"`), Ruby
 *   hashes and params (`:password=>"…"`, `"password" => "…"`, `params[:password] = "…"`), PHP
 *   and Perl arrays (`'password' => '…'`, `$config['password'] = '…'`), PHP's `define('DB_PASSWORD',
 *   '…')` and `var_dump` (`["password":protected]=> string(7) "…"`), Go (`token := "…"`);
 * - SQL statements that set a password, matched from their first keyword (PostgreSQL
 *   `CREATE|ALTER ROLE|USER <name> [WITH] [options] [ENCRYPTED] PASSWORD '…'`; MySQL, MariaDB,
 *   Oracle and ClickHouse `IDENTIFIED [WITH plugin] BY '…'` or `"…"`; Oracle's unquoted
 *   `CREATE USER <name> IDENTIFIED BY password`; MySQL `SET PASSWORD [FOR user] = '…'` and
 *   `PASSWORD('…')`), in any case, over lines too;
 * - an XML element named as a secret (`<password>…</password>`, `<apiKey>`, `<ns:secret>`), its
 *   text over lines or in CDATA, and .NET's `<add key="ApiKey" value="…"/>`;
 * - a parameter inside a percent-encoded URL that is itself a parameter's value, once or twice
 *   encoded (`next=%2Flogin%3Fpassword%3Dhunter2`, `%253Ftoken%253D…`, `%23access_token%3D…`:
 *   the `%3F`/`%26`/`%23` and `%3D` of RFC 3986 §2.1).
 *
 * Names are judged by `holdsSecret`: a secret name whose last word holds the secret, not a name
 * only a URL's query makes secret (`key`, `code`, `session`), so `password_changed_at = '…'`,
 * `password_encryption = '…'`, `WHERE code = 'US'` and `<password_policy>` stay. The name, the
 * quotes and the SQL words stay; a value that stands for a secret (`'********'`,
 * `'${DB_PASSWORD}'`, `[FILTERED]`), a word of letters under a name other than a password's
 * (`<token>ETH</token>`), or a marker is left alone. Each form starts at a fixed character or
 * word and reads a bounded stretch after it: the cost is linear in the text.
 */

/**
 * A quoted value, also in the escaped quotes of text held in a JSON string (`\"…\"`,
 * escaped-quotes.ts); one in double quotes holds the line breaks the scanner reads for escaped
 * `\n` (`api_key = "k3y\n"`), one in single quotes ends with its line.
 */
const QUOTED = String.raw`'(?:[^'\\\n]|''|\\.)*'|` + `${DOUBLE_QUOTED_OVER_LINES}|${ESCAPED_SINGLE_QUOTED}`;
/**
 * A language's optional around the quoted value (Scala's `val password = Some("…")`, Swift's
 * `Optional("…")`), when its `)` closes right after the string: it stays, as the `)` does,
 * and only the string's content is replaced.
 */
const OPTIONAL_WRAPPER = `(?:Optional|Some)\\((?=(?:${QUOTED})\\))`;
/** The quoted value that ends a match. */
const VALUE_AT_END = new RegExp(`(?:${QUOTED})$`);

const NAME = `[A-Za-z_]${NAME_CHARACTER}*`;
/** A name that may be a path of names parted by `::` (PHP's, Ruby's and Rust's: `Auth::token`), which key rules read as a dotted one. */
const PATH_NAME = `${NAME}(?:::${NAME_CHARACTER}+)*`;
/**
 * The name before an assignment: bare, quoted or a Ruby symbol (`password`, `"password"`,
 * `:password`), or an index (`$config['password']`, `params[:password]`).
 */
const ASSIGNED = `(?:(?<![\\w.\\u00C0-\\u00FF-])(?::|\\\\{0,7}["'])?${NAME}(?:\\\\{0,7}["'])?|\\[[:"']?${NAME}["']?\\])`;
/**
 * `name = 'value'` (blanks around `=`), `"name"="value"` (a quoted name glued to `=`, as go-logr's
 * and klog's key/value pairs print one: `"password"="hunter2"`), `name => "value"` (the value may start the next line,
 * as pretty printers write long hashes), Go's `name := "value"`; a quoted SQL column,
 * qualified or not, with any blanks (Sequelize's `` `User`.`password` = '…' `` and
 * `` SET `password`='…' ``); PHP's `define('DB_PASSWORD', '…')`; `var_dump`'s
 * `["password"]=>` / `["password":protected]=>` and `string(7) "…"` on the same or the next line,
 * its quotes perhaps escaped (a dump held in a JSON string: `[\"password\"]=> string(8) \"…\"`).
 * The blanks after `=` are read once, by the `[ \t]*` before the value: two quantifiers over the
 * same blanks would try every split of a long run (quadratic in it).
 */
const QUOTED_ASSIGNMENT =
  `(?:${ASSIGNED}(?:[ \\t]*=>(?:[ \\t]*\\r?\\n)?|[ \\t]+:?=|:?=(?=[ \\t])|(?<=["'])=(?![=>])(?!${NEXT_PAIR_NAME}))` +
  `|(?<![\\w.\\u00C0-\\u00FF-])(?:\`[^\`\\n]{1,64}\`\\.)?\`${NAME}\`[ \\t]*=` +
  `|(?:(?<![\\w.-])define|(?<=[\\w)\\]])\\.(?:${NAMED_SETTERS}))\\([ \\t]*(?:'${NAME}'|"${NAME}")[ \\t]*,` +
  `|\\[\\\\{0,7}"${NAME}\\\\{0,7}"(?::(?:\\\\{0,7}")?[\\w\\\\]{1,64}"?){0,2}\\]=>\\s{0,64}?string\\(\\d{1,9}\\))` +
  `[ \\t]*(?:${OPTIONAL_WRAPPER})?(?:${QUOTED})`;

/**
 * A Ruby symbol as a hash's value (`{:password=>:hunter2}`, `"token" => :abc123`), as `inspect`
 * prints one before Ruby 3.4: the symbol, its `:` too, is the value.
 */
const SYMBOL_VALUE = `${ASSIGNED}[ \\t]*=>[ \\t]*:[A-Za-z_]\\w{0,63}[?!]?(?![\\w:])`;
const SYMBOL_AT_END = /=>[ \t]*(:[A-Za-z_]\w*[?!]?)$/;

/**
 * What may stand before a variable's name: a sigil (PHP's and Perl's `$password`, Perl's `%`,
 * Ruby's instance variable and SQL's user variable `@password`, a shell's `${password}`), a
 * receiver with its `->` or `::` (`$cfg->api_key`, `$DB::password`, `obj->password`) or `.`
 * (`this.password`, `self.password`): the name after it decides, as a bare one does. The
 * lookbehind reads at most four receivers (`$this->config->db->password`), so that, tried at each
 * letter of a long chain, it reads a bounded part of it; a name right after `->` is a candidate
 * whatever the chain's length (`$this->a->b->c->d->password`), and its rewrite reads the chain
 * back once (`receiverChainStart`): the scan stays linear.
 */
const VARIABLE_HEAD = `(?:\\$\\{|[$@%])?(?:[A-Za-z_]\\w{0,63}(?:->|::|\\.)){0,4}`;

/**
 * An unquoted value after `=` with blanks beside it: where a line or a connection string's part
 * starts with the name, perhaps after a shell's `export` (an INI or `.env` line, `password =
 * hunter2`, `export PASSWORD = hunter2`; after Python logging's default prefix, glued to the
 * message, `ERROR:root:password = hunter2`; an ADO.NET or ODBC connection string, `Server=db; User
 * Id=app; Password = hunter2;`), or after a word in prose (`the password = hunter2x9 was
 * rejected`), where `PROSE_VALUE` decides. The value ends at a blank, a quote or what separates
 * parts. The name's first letter is looked for before what stands behind it, so that no place
 * inside a long run of blanks reads back over the run. After `name=` and a blank, a `name=…`
 * is the next pair of a logfmt line whose value was empty (`password= user=ana`), not the value.
 */
const UNQUOTED_LINE_ASSIGNMENT = `(?=[A-Za-z_])(?<=(?:(?:^|[\\n;])[ \\t]*|[\\w,:][ \\t]+|${AFTER_GLUED_LOGGER_PREFIX})${VARIABLE_HEAD}|->)${PATH_NAME}(?:(?<=\\$\\{${NAME})\\}[ \\t]*=[ \\t]*|[ \\t]*(?:=>|::?=|\\?=)[ \\t]*|[ \\t]+=[ \\t]*|=[ \\t]+(?!${NAME}=[^\\s=]))(?![ \\t"'\\\\])[^\\s"'<>;,&]+`;
/**
 * An unquoted value assigned to a member of a collection by its index (`secrets["db"]=…`,
 * `tokens['github'] = …`, `passwords[smtp]=…`): the member's path (`secrets.db`) decides, as a
 * dotted key's does.
 */
const INDEXED_ASSIGNMENT = `(?<![\\w.-])${NAME}\\[["']?${NAME}["']?\\][ \\t]*=[ \\t]*(?![ \\t"'\\\\=])[^\\s"'<>;,&]+`;
/**
 * What may stand before a line's assignment: blanks, a shell's `export`, `set`, `declare -x`,
 * `readonly`, `local`; or Python logging's default prefix, glued to its message (`ERROR:root:`).
 */
const LINE_ASSIGNMENT_HEAD = new RegExp(String.raw`(?:(?:^|[\n;])[ \t]*(?:(?:export|declare(?:[ \t]+-[a-zA-Z]+)*|readonly|local|setx?)[ \t]+)?|${AFTER_GLUED_LOGGER_PREFIX})$`);
/** What stands before a variable and its receivers in `UNQUOTED_LINE_ASSIGNMENT`: a line's or a part's start, a word and blanks, or `LINE_ASSIGNMENT_HEAD`'s logger prefix. */
const VARIABLE_CONTEXT = new RegExp(String.raw`(?:^|[\n;])[ \t]*$|[\w,:][ \t]+$|${AFTER_GLUED_LOGGER_PREFIX}$`);
/**
 * A value assigned in prose (`the password = hunter2x9`) that a generated secret looks like:
 * letters and digits, not a bound parameter or a variable (`WHERE password = $1`, `= :pw`,
 * `= ?`, `= @pw`), not a qualified column (`ON s.token = t.token`) nor a word (`the password =
 * wrong`).
 */
const PROSE_VALUE = /^(?=[^$:?@]*[A-Za-z])(?=[^$:?@]*\d)(?![$:?@])(?!.*\.\w)/;

/** Blanks between SQL words, a line break among them (a statement written over lines). */
const BLANKS = "\\s+";
const word = (sql: string): string => sql.split(" ").map(caseless).join(BLANKS);
/**
 * A SQL string (`'…'`, `''` escaping a quote) or, where MySQL and Oracle allow it, a
 * double-quoted one; either in escaped quotes where the statement is held in a JSON string
 * (`IDENTIFIED BY \"…\"`).
 */
const SQL_STRING = `'(?:[^'\\n]|'')*'`;
const SQL_OR_DOUBLE_QUOTED = `(?:${SQL_STRING}|"[^"\\n]*"|${ESCAPED_QUOTED})`;
/** A user or role: a word, or quoted (MySQL's `'app'@'%'`, PostgreSQL's `"App"`). */
const ACCOUNT_PART = "(?:[\\w.$-]{1,128}|\"[^\"\\n]{1,64}\"|'[^'\\n]{1,64}'|`[^`\\n]{1,64}`)";
const ACCOUNT = `${ACCOUNT_PART}(?:@(?:[\\w.%-]{1,255}|'[^'\\n]{1,255}'|\`[^\`\\n]{1,255}\`))?`;
/**
 * `CREATE|ALTER USER|ROLE [IF [NOT] EXISTS] <account>`: the statement's own start, so a password
 * string after it is the account's; prose naming a user (`the user reset their password 'x'`)
 * is no statement.
 */
const ACCOUNT_STATEMENT =
  `(?:${word("create")}|${word("alter")})${BLANKS}(?:${word("user")}|${word("role")})${BLANKS}` +
  `(?:${word("if")}${BLANKS}(?:${word("not")}${BLANKS})?${word("exists")}${BLANKS})?${ACCOUNT}`;
/**
 * PostgreSQL's role options before `PASSWORD` (`LOGIN`, `CREATEDB`, `CONNECTION LIMIT 5`,
 * `VALID UNTIL '…'`), at most eight: each candidate's work is bounded.
 */
const ROLE_OPTION = "(?:[A-Za-z]{1,32}|-?\\d{1,9}|'[^'\\n]{0,64}')";
const ROLE_PASSWORD =
  `${ACCOUNT_STATEMENT}(?:${BLANKS}${word("with")})?(?:${BLANKS}${ROLE_OPTION}){0,8}?${BLANKS}` +
  `(?:${word("encrypted")}${BLANKS})?${word("password")}${BLANKS}${SQL_STRING}`;
/**
 * Oracle's unquoted password (`CREATE USER sidney IDENTIFIED BY out_standing1`), only in the
 * statement; not MySQL's `IDENTIFIED BY RANDOM PASSWORD` nor Oracle's `IDENTIFIED BY VALUES '…'`.
 */
const UNQUOTED_PASSWORD =
  `${ACCOUNT_STATEMENT}${BLANKS}${word("identified")}${BLANKS}${word("by")}${BLANKS}` +
  `(?!(?:${word("values")}|${word("random")}|${word("password")})(?![\\w$#]))[A-Za-z][\\w$#]*`;
/** `IDENTIFIED [WITH plugin] BY [PASSWORD] '…'` (MySQL, MariaDB, Oracle, ClickHouse), `"…"` too. */
const IDENTIFIED_BY =
  `${word("identified")}(?:${BLANKS}${word("with")}${BLANKS}\\w+)?${BLANKS}${word("by")}(?:${BLANKS}${word("password")})?${BLANKS}${SQL_OR_DOUBLE_QUOTED}`;
/**
 * A SQL comment inside `SET PASSWORD FOR`'s account, read whole and holding no `=` or `;`: a block
 * comment on one line, its `*` too (`rotated to v2`, `* to *` between slash-star and star-slash),
 * or one left open, and `--`, each up to the `=` at the latest.
 */
const SQL_COMMENT = String.raw`(?:/\*(?:[^*=;\n]|\*(?!/)){0,100}(?:\*/|(?=[ \t]*=))|--[^=;\n]{0,100}(?=[ \t]*=))`;
/**
 * One quote's part of `SET PASSWORD FOR`'s account, holding no `=` or `;`: in the quote, where a
 * doubled quote is one (`'o''brien'`), or, in a text whose quotes are all doubled (a CSV cell,
 * `""bob""@""%""`, also escaped in a JSON string), in the doubled quote.
 */
const quotedAccountPart = (quote: string): string =>
  `${quote}\\\\*${quote}[^${quote}=;\\n]{0,100}${quote}\\\\*${quote}|${quote}(?:[^${quote}=;\\n]|${quote}${quote}){0,100}${quote}`;
/**
 * A quoted part of `SET PASSWORD FOR`'s account (`'a to b'@'%'`, `"app"`, `` `app` ``), read
 * whole and followed by no word after blanks: a quote between fields (`' user='`) is no part, nor
 * an apostrophe's stretch to a field's closing quote (`'s account to …'` in `msg='set password
 * for bob's account to …' user='bob'`).
 */
const SET_PASSWORD_QUOTED_PART =
  `(?:${quotedAccountPart("'")}|${quotedAccountPart('"')}|${quotedAccountPart("`")})(?![^\\S\\n]*\\w)`;
/**
 * `SET PASSWORD FOR`'s account: any text up to the `=` (`'bob'@'%'`, `''@'localhost'`, `${user}`,
 * `{{ user }}@'%'`, `?`), holding no blank-separated `to` and no quote outside a comment or a
 * quoted part. Prose setting a password for an account is no statement, and read so it runs
 * on to another field's `=` and takes its value: past a `to` (`msg='set password for alice to
 * …' user='bob'`) or past the closing quote of the field it sits in (`msg='set password for
 * alice: …' user='bob'`, `msg='… for alice' version='1.2.3'`). A comment or a quoted part is one
 * unit and a character starts none, so each character has one reading.
 */
const SET_PASSWORD_ACCOUNT =
  `(?:${SQL_COMMENT}|${SET_PASSWORD_QUOTED_PART}|(?!\\s${word("to")}\\s|${SQL_COMMENT})[^'"\`=;\\n]){1,100}?`;
/** MySQL's `SET PASSWORD [FOR user] = '…'`. */
const SET_PASSWORD =
  `${word("set")}${BLANKS}${word("password")}(?:${BLANKS}${word("for")}${BLANKS}${SET_PASSWORD_ACCOUNT})?[ \\t]*=[ \\t]*${SQL_STRING}`;
/** MySQL's `PASSWORD('…')` and `OLD_PASSWORD('…')` functions, wherever a statement calls them. */
const PASSWORD_FUNCTION = `(?:${caseless("old_")})?${caseless("password")}[ \\t]*\\([ \\t]*${SQL_STRING}`;
/** The SQL that sets a password; each form starts with its first keyword, so its work is bounded by the statement. */
const SQL_PASSWORD = `(?<![\\w.-])(?:${ROLE_PASSWORD}|${UNQUOTED_PASSWORD}|${IDENTIFIED_BY}|${SET_PASSWORD}|${PASSWORD_FUNCTION})`;
/** Whether a match is one of `SQL_PASSWORD`'s statements, whose words need no name check. */
const SQL_STATEMENT_START = /^(?:(?:create|alter|identified|set)\s+[a-z]|(?:old_)?password[ \t]*\()/i;

/**
 * An element whose name ends as a secret name does (`SECRET_NAME_ENDINGS`), closed by the same
 * name: its text, over lines too (pretty-printed XML), or a CDATA section. Only names with such
 * an ending can match, so most elements cost a few characters.
 */
const SECRET_NAME_ENDING = SECRET_NAME_ENDINGS.map(caseless).join("|");
const XML_ELEMENT =
  `<(?<tag>(?:[A-Za-z_][\\w.-]*:)?(?:[A-Za-z_][\\w.-]*?)?(?:${SECRET_NAME_ENDING}))(?:[ \\t][^<>]*)?>` +
  `(?:<!\\[CDATA\\[(?:[^\\]]|\\](?!\\]>)){1,512}\\]\\]>|[^<>]{1,512})</\\k<tag>>`;

/**
 * .NET's `<add key="ApiKey" value="…"/>` (app.config, web.config) and the `name`/`value`
 * pairs of other XML configuration (`<param name="password" value="…"/>`): the value of a
 * setting the first attribute names.
 */
const KEYED_SETTING =
  `(?<![\\w-])(?:${caseless("key")}|${caseless("name")})=(?:"${NAME}"|'${NAME}'|\\\\{1,7}"${NAME}\\\\{1,7}")[ \\t]+` +
  `${caseless("value")}=(?:"[^"\\n]*"|'[^'\\n]*'|${ESCAPED_QUOTED})`;

/**
 * A match that is a keyed setting as a whole: `key=`/`name=` also start other alternatives' matches
 * (Ruby's `name=>""`, a quoted `key="…"`), which hold no `value=` to rewrite.
 */
const WHOLE_KEYED_SETTING = lazy(() => new RegExp(`^${KEYED_SETTING}$`));

/** A login word (`LOGIN_WORDS`) in any case, then an array: `console.log("auth", [user, password])`. */
const LOGIN_WORD = `(?<![\\w.-])(?:${LOGIN_WORDS.map(caseless).join("|")})[ \\t]*(?::[ \\t]*)?\\[[ \\t]*`;
/**
 * A credential pair in an unnamed array after a login word: `auth ["ana@example.com","hunter2x9"]`,
 * `login ['ana', 'Tr0ub4dor&3']`, two strings, the first a user's name or e-mail address. The
 * match starts at the `,`: the user stays for the detectors of its own kind (an e-mail address
 * goes as `email`), the password goes when it looks like one (`isCredentialPair`), where
 * `auth ["bearer","basic"]` lists schemes.
 */
const CREDENTIAL_PAIR =
  `(?<=${LOGIN_WORD}"[\\w.@+-]{1,128}")[ \\t]*,[ \\t]*"[^"\\s]{1,128}"(?=[ \\t]*\\])` +
  `|(?<=${LOGIN_WORD}'[\\w.@+-]{1,128}')[ \\t]*,[ \\t]*'[^'\\s]{1,128}'(?=[ \\t]*\\])`;

/**
 * A member as PHP's `print_r` prints an array or an object, one to a line, its value unquoted to
 * the line's end: `[password] => hunter2`, a property's visibility after its name
 * (`[password:protected] => …`, `[token:App\User:private] => …`). print_r writes a string with
 * its line breaks, so the value runs on over the lines after it when they end at the next
 * member or at the container's `)` (`PRINT_R_NEXT`); lines that end no such way are the log's
 * own, not the value's, and a nested container's head (`Array`, `User Object`) has its members
 * on the lines after it. The line's start is looked for behind the `[`, not before it: looked
 * for first, it would read back over a long run of blanks at each of its characters.
 * Written within a line (`login failed [pass] => hunter2`), after a blank or an opening, the
 * member is a print_r pair in prose: its value, as print_r writes it, runs to the line's end
 * (`login [password] => correct horse battery staple`), up to a quote or a backslash (the
 * string's that holds the line: `"… [pass] => hunter2"`). On any line the next member's name
 * and arrow end a value (`[user] => ana [password] => …`, a print_r written on one line).
 */
const PRINT_R_NEXT = String.raw`\r?\n[ \t]*(?:\[[^\]\r\n]{1,200}\] =>|\)[ \t]*(?![^\r\n]))`;
const PRINT_R_NAME = `${PATH_NAME}(?::[\\w\\\\]{1,64}){0,2}\\] => `;
/** A word of a print_r value in prose, and the next member's name and arrow, which end the value. */
const PRINT_R_WORD = `[^\\s"'\\\\]+`;
const PRINT_R_MEMBER_NAME = `\\[[^\\]\\r\\n]{1,200}\\] => `;
/** Blanks within a line: any white space but a line break. */
const LINE_BLANKS = `[^\\S\\r\\n]`;
const PRINT_R_MEMBER =
  `\\[(?<=(?:^|\\n)[ \\t]*\\[)${PRINT_R_NAME}[^\\s]+(?:${LINE_BLANKS}+(?!${PRINT_R_MEMBER_NAME})[^\\s]+)*${LINE_BLANKS}*(?:(?<!\\] => Array|[\\w\\\\] Object)(?:(?!${PRINT_R_NEXT})\\r?\\n[^\\r\\n]*)+(?=${PRINT_R_NEXT}))?` +
  `|\\[(?<=[ \\t(,;]\\[)${PRINT_R_NAME}${PRINT_R_WORD}(?:[ \\t]+(?!${PRINT_R_MEMBER_NAME})${PRINT_R_WORD})*`;
const PRINT_R_HEAD = /^\[[A-Za-z_][^\]\s]*\] => /;

/** A parameter inside an encoded query or fragment, once or twice encoded, up to the next encoded `&` or the outer value's end. */
const ENCODED_PARAMETER = String.raw`%(?:25)?(?:3[Ff]|26|23)[A-Za-z_]${NAME_CHARACTER}*%(?:25)?3[Dd](?:[^&#\s"'<>;,%]|%(?!(?:25)?26)[0-9A-Fa-f]{2})+`;

export const secretAssignmentDetector: Detector = {
  kind: SECRET_PARAM_KIND,
  source: `(?:${QUOTED_ASSIGNMENT}|${SYMBOL_VALUE}|${PRINT_R_MEMBER}|${UNQUOTED_LINE_ASSIGNMENT}|${INDEXED_ASSIGNMENT}|${SQL_PASSWORD}|${XML_ELEMENT}|${KEYED_SETTING}|${ENCODED_PARAMETER}|${CREDENTIAL_PAIR})`,
  evidence: Evidence.SECRET_ASSIGNMENT,
  rewrite: (match, marker, text, start) => {
    if (match.startsWith("<")) return redactElement(match, marker);
    if (/^[ \t]*,/.test(match)) return redactCredentialPair(match, marker);
    if (match.startsWith("%")) return redactEncodedParameter(match, marker, text, start);
    if (SQL_STATEMENT_START.test(match)) return redactSqlPassword(match, marker);
    if (WHOLE_KEYED_SETTING().test(match)) return redactKeyedSetting(match, marker);
    if (PRINT_R_HEAD.test(match) && !VALUE_AT_END.test(match)) return redactPrintedMember(match, marker, text, start);
    const symbol = SYMBOL_AT_END.exec(match);
    if (symbol !== null) return redactSymbolValue(match, symbol, marker);
    if (!VALUE_AT_END.test(match)) return redactUnquotedValue(match, marker, text, start);
    // A literal that opens Python's conditional expression (`"…" if debug else "…"`) is code's, read whole by code-literal.ts.
    if (CONDITIONAL_AFTER.test(text.slice(start + match.length, start + match.length + 8))) return undefined;
    return redactQuotedValue(match, marker);
  },
};

/** A crypt string's `$id$` (`$2y$`, `$6$`): a password's hash, which the password-hash detector names. */
const CRYPT_PREFIX = /^\$[\w.-]{1,16}\$/;
/** `if` after a literal, as Python's conditional expression writes it. */
const CONDITIONAL_AFTER = /^[ \t]+if[ \t]/;

/**
 * Names only ever secret inside a URL's query (OAuth's `code`, a presigned URL's `sig`, `key`,
 * `auth`, `session`, `signature`, `sid`): in SQL, hashes and XML these are a column's, a
 * setting's or an element's ordinary names (`WHERE code = 'US'`, `'key' => 'app.name'`,
 * `<session>Morning session</session>`).
 */
const URL_ONLY_NAMES: ReadonlySet<string> = new Set(["key", "code", "auth", "session", "signature", "sig", "sid"]);
/** Last words that hold a secret only after the word before them (`api_key`, `auth_code`, `db_pass`, `db_pw`, `smtpPw`, `session_id`, `chave_api`, `secret_string`, AWS's `SecretString`, as the key rules read it). */
const QUALIFIED_LAST_WORDS: ReadonlySet<string> = new Set(["key", "code", "value", "string", "pass", "pw", "auth", "id", "api", "secreta", "secreto", "privada", "privado"]);
/**
 * Whether a name in these notations holds a secret: a secret name (`isSecretName`) whose last
 * word holds it (`db_password`, `api_key`, `auth_token`; not `password_encryption`,
 * `session_replication_role`, `secret_santa`, where a later word says what the name is), and
 * not one of the `URL_ONLY_NAMES` alone.
 */
export function holdsSecret(name: string): boolean {
  if (URL_ONLY_NAMES.has(name.toLowerCase()) || !isSecretName(name)) return false;
  const words = nameWords(name);
  const last = words[words.length - 1] ?? "";
  return words.length < 2 || QUALIFIED_LAST_WORDS.has(last) || isSecretName(last);
}

/**
 * Whether `value` under `name` is a secret to hide: not empty, not a marker, not standing for a
 * secret, not blanks alone nor an HTTP authentication scheme's word (`BLANKS_OR_SCHEME`:
 * `token = header.replace("Bearer ", "")`), and, but under a password's name, not a word of
 * letters (`<token>ETH</token>`, `<credentials>default</credentials>`): generated keys and
 * tokens hold digits or symbols.
 */
export function isHiddenValue(name: string, value: string): boolean {
  return isFallbackSecret(value) && (!/^[A-Za-z]{1,15}$/.test(value) || PASSWORD_WORD.test(nameWords(name).join("")));
}

/**
 * Whether `value`, a literal code falls back to under a credential's name (`opts.token ?? "…"`,
 * `os.getenv("TOKEN") or "…"`, a lookup's default), is the credential used when the setting is
 * unset: as `isHiddenValue`, but a word of letters is a value too (`?? "secret"`, `|| "changeme"`),
 * since code picks it as the credential itself; empty, a mask, a placeholder (`none`, `null`,
 * `${PW}`) or an authentication scheme's word alone is none. Nor is a PEM block
 * (`private_key = -----BEGIN PRIVATE KEY-----\nMII…`: `leavesPemValue`), a private key's read
 * whole by the private key detector, a certificate's public.
 */
export function isFallbackSecret(value: string): boolean {
  return value !== "" && !value.startsWith("[REDACTED:") && !standsForSecret(value) && !BLANKS_OR_SCHEME.test(value) && !leavesPemValue(value);
}

/**
 * Whether a string literal's `contents` under the variable or key `name` is the credential to
 * hide, in every form code writes it (a plain literal, a fallback after `??`/`or`/`.unwrap_or(…)`,
 * a lookup's default, a comparison's operand): under a name holding a secret (`holdsSecret`:
 * `password`, `pwd`, `db_pw`) a hidden value (`isHiddenValue`), or, when `fallback`, any value code
 * uses as the credential (`isFallbackSecret`), but under a last word `pw` or `pass` no number,
 * size, version or status word (`keptUnderPassWord`); under a short password's name alone (`pw`, `pass`:
 * `isShortPasswordName`), as often a flag's or a verdict's, only a password by its shape
 * (`isPassPassword`) that is no crypt hash (`CRYPT_PREFIX`, the password-hash detector's),
 * whatever the form.
 */
export function isCredentialLiteral(name: string, contents: string, fallback: boolean): boolean {
  // A secret's string as a store names it (`secret_string`, AWS's `SecretString`) holds a reference to one as often (`"arn:aws:secretsmanager:…"`).
  if (STRING_LAST_WORD.test(name) && namesSecretReference(contents)) return false;
  // A string literal's contents are delimited by its quotes: a passphrase under `pass` is whole (`keptUnderPassWord`).
  if (holdsSecret(name)) return !keptUnderPassWord(name, contents, true) && (fallback ? isFallbackSecret(contents) : isHiddenValue(name, contents));
  return isShortPasswordName(name) && isPassPassword(name, contents, true) && isHiddenValue(name, contents) && !CRYPT_PREFIX.test(contents);
}

/** A name's last word `string` (`secret_string`, `SecretString`, `SECRET_STRING`). */
const STRING_LAST_WORD = /(?:_string|String|_STRING)$/;

/**
 * Blanks alone, or an HTTP authentication scheme's name with the blanks after it (IANA's HTTP
 * Authentication Scheme Registry: `Bearer `, `Basic `, `Digest `; and `Token `, `Bot `,
 * `ApiKey ` as APIs write them): what code cuts off a header's credential with, no credential.
 */
const BLANKS_OR_SCHEME = /^(?:\s*|(?:Bearer|Basic|Digest|Negotiate|NTLM|Token|Bot|ApiKey|bearer|basic|token)\s*)$/;

/** The name a quoted assignment assigns to: the last backquoted one of a SQL column, `define`'s or a named setter's first argument, else the first. */
function assignedName(head: string): string {
  if (head.startsWith("`")) return head.slice(head.lastIndexOf("`", head.lastIndexOf("`") - 1) + 1, head.lastIndexOf("`"));
  return NAME_RUN.exec(head.startsWith("define") || head.startsWith(".") ? head.slice(head.indexOf("(")) : head)?.[0] ?? "";
}
const NAME_RUN = new RegExp(NAME);
const PATH_NAME_RUN = new RegExp(PATH_NAME);

/** Keeps everything up to the value's opening quote; the name must hold a secret (`holdsSecret`). */
function redactQuotedValue(match: string, marker: string): Rewrite | undefined {
  const open = VALUE_AT_END.exec(match)?.index ?? match.length - 1;
  // The quote, after any backslashes escaping it, opens and closes the value alike.
  const quote = quoteOpening(match.slice(open));
  const name = assignedName(match.slice(0, open));
  const value = match.slice(open + quote.length, -quote.length);
  if (!isCredentialLiteral(name, value, false)) return undefined;
  // A header set by name (`headers.set('Authorization', 'Bearer …')`) is read by the header's own detectors, its scheme word kept;
  // so is a header's value they already read after a known scheme's word (`Map(1) { 'authorization' => 'Bearer [REDACTED:secret]' }`):
  // replacing it again would count it twice. After another word (`'hunter2 [REDACTED:…]'`) the whole value goes.
  if ((match.startsWith(".") || (value.includes("[REDACTED:") && opensWithAuthScheme(value))) && credentialHeaderOf(name) !== undefined) return undefined;
  return asSessionIdUnder(name, `${match.slice(0, open)}${quote}${marker}${quote}`);
}

/** A Ruby symbol assigned to a name holding a secret (`SYMBOL_VALUE`), replaced whole with its `:`. */
function redactSymbolValue(match: string, symbol: RegExpExecArray, marker: string): Rewrite | undefined {
  const name = assignedName(match.slice(0, symbol.index));
  if (!holdsSecret(name) || !isHiddenValue(name, symbol[1]!.slice(1))) return undefined;
  return `${match.slice(0, match.length - symbol[1]!.length)}${marker}`;
}

/**
 * A line's unquoted value (`UNQUOTED_LINE_ASSIGNMENT`) replaced when the name holds a secret
 * (`holdsSecret`), or is `pass` or `pw` before a password (`isPassPassword`: `pass = Tr0ub4dor`), and
 * the value is one (`isHiddenValue`); an LLM's token count (`tokens = 42`) and
 * a sentence's final punctuation after the value (`sentenceEndLength`) stay.
 */
function redactUnquotedValue(match: string, marker: string, text: string, start: number): Rewrite | undefined {
  const end = valueEnd(text, start, start + match.length);
  const operator = ASSIGNMENT_OPERATOR.exec(match)!;
  // An index names the collection's member (`secrets["db"]` is `secrets.db`).
  // A shell's `${password}` closes its brace before the operator.
  const name = match.slice(0, operator.index).replace(INDEX, ".$1").replace(CLOSING_BRACE, "");
  const valueStart = operator.index + operator[0].length;
  const length = match.length - sentenceEndLength(match, end);
  const value = match.slice(valueStart, length);
  // A call's result (`token = os.getenv(...)`) is code naming where the secret comes from.
  // A PEM armor's first word is the name's value unless the block is a key's the key detector takes or a public one (`leavesPemBlockAt`).
  const hidden = isHiddenValue(name, value) || (value === PEM_ARMOR_START && !leavesPemBlockAt(text, start + valueStart));
  if (!(holdsSecret(name) || isHeldSecretName(name) || isPassPassword(name, value)) || keptUnderPassWord(name, value) || !hidden || isNamedCount(name, value) || value.includes("(")) return undefined;
  // The variable's receivers and sigil (`$this->a->b->c->d->password`) stand where the name would alone.
  const variableStart = receiverChainStart(text, start);
  if (!VARIABLE_CONTEXT.test(lineBefore(text, variableStart))) return undefined;
  if (!LINE_ASSIGNMENT_HEAD.test(lineBefore(text, variableStart)) && !PROSE_VALUE.test(value)) return undefined;
  // Code (`$_ENV['API_KEY']`, `options.apiKey;`, `await hash(…)`) names where the secret comes from.
  if (isCodeValue(text, start + valueStart, name, start)) return undefined;
  return asSessionIdUnder(name, { text: `${match.slice(0, valueStart)}${marker}`, kind: SECRET_PARAM_KIND, length });
}

/**
 * A `print_r` member's value (`PRINT_R_MEMBER`) replaced when its name holds a secret and the
 * value is one (`isHiddenValue`); blanks after it, a nested container's head (`Array`, `User
 * Object`: its members follow on the next lines) and, after a pair in prose, a sentence's final
 * punctuation (`sentenceEndLength`) stay.
 */
function redactPrintedMember(match: string, marker: string, text: string, start: number): Rewrite | undefined {
  const head = PRINT_R_HEAD.exec(match)![0];
  const name = PATH_NAME_RUN.exec(head)![0];
  const lineStart = blanksBefore(text, start);
  const inProse = lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10;
  // In prose the value ends with its sentence or at a comma (`[password] => hunter2 x. Next`,
  // `[password] => hunter2, retrying`), its final mark the sentence's; a member alone on its line
  // (print_r's own, perhaps a string over lines) ends with its sentence when another follows on
  // the line (`[password] => hunter2. Next step: …`).
  const reach = inProse || !match.includes("\n") ? sentenceReach(match, head.length, inProse) : match.length;
  const length = reach < match.length || inProse ? reach - sentenceEndLength(match.slice(0, reach), valueEnd(text, start, start + reach)) : match.length;
  const value = match.slice(head.length, length).trimEnd();
  // The value's first word says what a value of several is: a mask, a placeholder or a state the
  // sender wrote, perhaps in parentheses (`[REDACTED] …`, `(empty) on db-01`), a state in prose
  // (`expired at 10:00`), a verdict under `pass`.
  const first = /^\S*/.exec(value)![0];
  const unwrapped = PARENTHESIZED.exec(first)?.[1] ?? first;
  if (value !== first && (standsForSecret(unwrapped) || (inProse && saysSecretState(value.replace(PARENTHESIZED_START, "$1"))))) return undefined;
  const secret = holdsSecret(name) || isHeldSecretName(name) ? isHiddenValue(name, value) && !isNamedCount(name, value) && !keptUnderPassWord(name, first) : isPassPassword(name, first) && isHiddenValue(name, value);
  if (!secret) return undefined;
  if (/^(?:Array|[\w\\]+ Object)$/.test(value)) return undefined;
  return asSessionIdUnder(name, { text: `${head}${marker}`, kind: SECRET_PARAM_KIND, length: head.length + value.length });
}

/**
 * The operator of an unquoted assignment with the blanks around it: `=`, `=>`, and make's `:=`,
 * `::=` and `?=` (GNU make manual, §6.2); the first `=` after the name is the operator's.
 */
const ASSIGNMENT_OPERATOR = /[ \t]*(?:=>|::?=|\?=|=)[ \t]*/;

/**
 * Where the sentence holding the words of `match` from `from` ends: after the first word that
 * ends one (`endsSentence`), or, with `atComma`, before the `,` ending a word that a blank
 * follows; else the match's end.
 */
function sentenceReach(match: string, from: number, atComma: boolean): number {
  WORDS.lastIndex = from;
  for (let word = WORDS.exec(match); word !== null; word = WORDS.exec(match)) {
    const end = word.index + word[0].length;
    // The character after the word is all `endsSentence` reads of what follows.
    if (end < match.length && endsSentence(word[0], match.charAt(end))) return end;
    if (atComma && end < match.length && word[0].endsWith(",") && /[ \t]/.test(match.charAt(end))) return end - 1;
  }
  return match.length;
}
/** A word in parentheses (`(empty)`), its content captured; and one opening a value. */
const PARENTHESIZED = /^\(([^()\s]+)\)$/;
const PARENTHESIZED_START = /^\(([^()\s]+)\)/;
const WORDS = /\S+/g;

const CLOSING_BRACE = /\}$/;

/** An index after a collection's name, its member's name captured. */
const INDEX = /\[["']?([^"'\]]*)["']?\]$/;

/**
 * Where the variable whose name starts at `nameStart` starts: before its receivers, each an
 * identifier and `->`, `::` or `.` (`$this->config->db->password`, `self.password`, `$DB::password`),
 * and its sigil (`$`, `@`, `%`, `${`). Reads the chain back once, each character once.
 */
function receiverChainStart(text: string, nameStart: number): number {
  let start = nameStart;
  for (;;) {
    const separator = text.startsWith("->", start - 2) || text.startsWith("::", start - 2) ? 2 : text.charCodeAt(start - 1) === 46 ? 1 : 0;
    let receiver = start - separator;
    while (separator > 0 && receiver > 0 && isWordCode(text.charCodeAt(receiver - 1))) receiver--;
    if (separator === 0 || receiver === start - separator || !/[A-Za-z_]/.test(text.charAt(receiver))) break;
    start = receiver;
  }
  countWork(nameStart - start);
  if (text.startsWith("${", start - 2)) return start - 2;
  return start > 0 && "$@%".includes(text.charAt(start - 1)) ? start - 1 : start;
}

/** Whether `code` is a character of `\w`. */
function isWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/** The text before `start` on its line, at most 64 characters back (a shell's keywords and blanks). */
function lineBefore(text: string, start: number): string {
  return text.slice(Math.max(0, start - 64), start);
}

/**
 * The password of a credential pair (`CREDENTIAL_PAIR`, the match from the `,`): a password has a
 * digit or a symbol or is a passphrase's length; a word of letters (`"basic"`, `"viewer"`), a
 * value standing for a secret (`"********"`) or a marker stays.
 */
function redactCredentialPair(match: string, marker: string): Rewrite | undefined {
  const quote = match.charAt(match.length - 1);
  const open = match.indexOf(quote);
  const password = match.slice(open + 1, -1);
  if (/^[A-Za-z]{1,15}$/.test(password) || password.startsWith("[REDACTED:") || standsForSecret(password)) return undefined;
  return `${match.slice(0, open + 1)}${marker}${quote}`;
}

/** The SQL words stay; the password string's content, or Oracle's unquoted password, goes. */
function redactSqlPassword(match: string, marker: string): Rewrite | undefined {
  const quote = match.charAt(match.length - 1);
  if (quote !== "'" && quote !== '"') {
    const password = /(?<![\w$#])[\w$#]+$/.exec(match)!;
    return `${match.slice(0, password.index)}${marker}`;
  }
  // The quote's escape, when the statement is held in a JSON string (`BY \"…\"`), closes it too.
  let escapes = match.length - 1;
  while (escapes > 0 && match.charCodeAt(escapes - 1) === 92 /* \ */) escapes--;
  const closing = match.slice(escapes);
  const open =
    closing.length === 1 && quote === "'" ? SQL_STRING_AT_END.exec(match)!.index : match.lastIndexOf(closing, match.length - closing.length - 1);
  const value = match.slice(open + closing.length, -closing.length);
  if (value === "" || value.startsWith("[REDACTED:") || standsForSecret(value)) return undefined;
  return `${match.slice(0, open + closing.length)}${marker}${closing}`;
}
const SQL_STRING_AT_END = new RegExp(`${SQL_STRING}$`);

/** The `value` attribute's content, when the `key` or `name` attribute holds a secret's name. */
function redactKeyedSetting(match: string, marker: string): Rewrite | undefined {
  const name = NAME_RUN.exec(match.slice(match.indexOf("=") + 2))![0];
  const valueAt = match.search(/[Vv][Aa][Ll][Uu][Ee]=/) + 6;
  const quote = quoteOpening(match.slice(valueAt));
  if (!holdsSecret(name) || !isHiddenValue(name, match.slice(valueAt + quote.length, -quote.length))) return undefined;
  return `${match.slice(0, valueAt)}${quote}${marker}${quote}`;
}

/** The element's content replaced when its name (without a namespace prefix) holds a secret, or is `pass` or `pw` before a password (`isPassPassword`); blanks around it stay. */
function redactElement(match: string, marker: string): Rewrite | undefined {
  const tag = /^<([^\s>]+)/.exec(match)![1]!;
  const name = tag.slice(tag.lastIndexOf(":") + 1);
  const open = match.indexOf(">") + 1;
  const close = match.length - (tag.length + 3);
  const content = match.slice(open, close);
  const cdata = /^<!\[CDATA\[([\s\S]*)\]\]>$/.exec(content);
  const value = (cdata?.[1] ?? content).trim();
  if (!(holdsSecret(name) || isHeldSecretName(name) || isPassPassword(name, value)) || keptUnderPassWord(name, value) || !isHiddenValue(name, value)) return undefined;
  return asSessionIdUnder(name, `${match.slice(0, open)}${marker}${match.slice(close)}`);
}

/**
 * The encoded value replaced when the encoded name is a secret parameter name, or `pass` or `pw`
 * before a password, and the one rule for them keeps nothing (`keptUnderPassWord`); a sentence's
 * final punctuation after it stays (`sentenceEndLength`). `start`: where the match starts in `text`.
 */
function redactEncodedParameter(match: string, marker: string, text: string, start: number): Rewrite | undefined {
  const end = valueEnd(text, start, start + match.length);
  const equals = /%(?:25)?3[Dd]/.exec(match)!;
  const nameStart = /^%(?:25)?(?:3[Ff]|26|23)/.exec(match)![0].length;
  const name = match.slice(nameStart, equals.index);
  const valueStart = equals.index + equals[0].length;
  const length = match.length - sentenceEndLength(match, end);
  const value = match.slice(valueStart, length);
  if (!isSecretParameterName(name) && !isPassPassword(name, value)) return undefined;
  if (value.startsWith("[REDACTED:") || keptUnderPassWord(name, value)) return undefined;
  if (holdsOrdinaryValue(name, value, text, start)) return undefined;
  return { text: `${match.slice(0, valueStart)}${marker}`, kind: SECRET_PARAM_KIND, length };
}
