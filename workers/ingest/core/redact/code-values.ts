import { withoutRemembering } from "./bounded-memo";
import { blanksBefore } from "./blanks";
import { isSecretShapedWord } from "./error-names";
import { isWholeTemplateExpressionAt } from "./placeholders";
import { countWork } from "./scan-scope";
import { isSecretName, nameWords } from "./secret-names";

/**
 * Code written where a secret's value would be, as stack traces' source lines and printed config
 * code show it (`this.apiKey = options.apiKey;`, `@api_key = ENV['API_KEY']`): no secret, but
 * where one comes from. A string literal is the secret (`this.password = 'hunter2';`): callers
 * ask only about unquoted values.
 *
 * In any line: `await` before an expression (`await hash(…)`, `await "…"`) or `new` before a call
 * (`new Client(…)`; `password=new` is a word), a sigil's variable read by index, member or call
 * (`$_ENV['API_KEY']`, `$cfg->key`), Ruby's `ENV[…]`, Node's `process.env`, Python's
 * `os.environ` and `os.getenv(…)`, and a receiver's member (`this.token`, `self.password`,
 * `$this->apiKey`). A value that merely starts with `$` or `@` is a password as often
 * (`password=$ecret1`), so alone it is code only on a code line (below).
 */
const CODE_VALUE = new RegExp(
  String.raw`^(?:await[ \t]+(?=[A-Za-z_$"'${"`"}(])|new[ \t]+[A-Za-z_$][\w$.]*\(|\$[A-Za-z_]\w*(?:\[|\{|->|::|\()|ENV\[|process\.env\b|os\.(?:environ\b|getenv\()|(?:this|self)(?:\.|->)[A-Za-z_]` +
    // A call: a member's with an argument or none (`cfg.get(…)`, `Optional.ofNullable(x)`,
    // `System.getenv("PW")`), or a function's with a literal first (`getenv("PW", …)`). A lone
    // word before `(` and something unquoted (`hunter(2)`) may be a password, so it stays a value.
    String.raw`|[A-Za-z_]\w*(?:(?:\??\.|->|::)[A-Za-z_]\w*)+\((?=[ \t]*(?:\\{0,7}["'${"`"}]|[A-Za-z_$@)]))|[A-Za-z_]\w*\([ \t]*\\{0,7}["'${"`"}])`,
);

/**
 * An identifier or member path, with a sigil, indexes and optional chaining (`options.apiKey`,
 * `$apiKey`, `kwargs["token"]`, `x[0]`, `a?.b?.c`, `a?.[0]`).
 */
const PATH = /^[$@]?[A-Za-z_]\w*(?:(?:\??\.|->|::)[A-Za-z_]\w*|(?:\?\.)?\[[^\]\n]{1,64}\])*/;
/** What ends an expression in code: a call's `(`, `;`, `,`, `)`, `??`, `||`, `&&`, PHP's `?:`, Python's `or`/`and`. */
const CODE_AFTER = /^(?:\(|[ \t]*(?:[;,)]|\?\?|\?:|\|\||&&|(?:or|and)(?![\w$])))/;
/** What ends a statement or an argument: after a bare word alone it says nothing of the word. */
const STATEMENT_END = /^[ \t]*[;,)]/;
/** A bare word (no sigil, member or index): a variable or the secret itself, which nothing in the line tells apart. */
const BARE_WORD = /^[A-Za-z_]\w*$/;
/** A constant's name (`DB_PASSWORD`, `API_KEY`): capitals in words joined by `_`. */
const CONSTANT_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

/** An operand: a variable, member path or index, perhaps called (`os.environ.get('PW')`). */
const OPERAND = String.raw`${PATH.source.slice(1)}(?:\([^()\n]{0,64}\))?`;
/** A string literal on its line, its quotes perhaps escaped (code held in a JSON string). */
const LITERAL = String.raw`\\{0,7}"[^"\n]{0,256}?\\{0,7}"|'[^'\n]{0,256}'`;
/**
 * An expression that code alone writes, in any line: an operand (a variable, member path or
 * index, `PATH`, perhaps called: `os.environ.get('PW')`), an operator between blanks that picks a fallback or joins conditions
 * (`||`, `??`, `&&`, PHP's and Kotlin's `?:`, Perl's defined-or `//`, Python's `or`/`and`) or
 * opens a ternary's branches (`isProd ? "…" : "…"`), and an operand that opens a string literal,
 * a member path, an index, a call or a sigil's variable (`options.password || "…"`,
 * `$opts['pw'] ?? '…'`, `opts[:pw] || "…"`, `pw or cfg.password`). A password holds no blank
 * before such an operator, and prose's `or`/`and` before a plain word (`hunter2 or later`) is no
 * operand's: both stay values.
 */
const CODE_EXPRESSION = new RegExp(
  String.raw`^(?:${OPERAND}[ \t]+(?:\|\||\?\?|&&|\?:|\?|\/\/|or|and)[ \t]+(?:\\{0,7}["'${"`"}]|[$@][A-Za-z_{]|[A-Za-z_]\w*(?:\.|->|::|\[|\())` +
    // A ternary whose branch is a variable (`isProd ? a : b ? "…" : "…"`), or written without
    // blanks with a literal branch (`c?"…":"…"`): a password holds neither shape.
    String.raw`|${OPERAND}[ \t]+\?[ \t]+${OPERAND}[ \t]+:[ \t]|${OPERAND}\?(?:${LITERAL})[ \t]*:` +
    // Python's conditional expression (`"…" if debug else "…"`): a literal, then `if`, a condition and `else`.
    String.raw`|(?:${LITERAL})[ \t]+if[ \t]+[^\n]{1,256}?[ \t]else[ \t])`,
);

/** A setting read as a member whose last name is a constant's (`settings.DB_PASSWORD`, `Config::API_KEY`), nothing glued after it. */
const CONSTANT_MEMBER = /^[A-Za-z_]\w*(?:(?:\??\.|->|::)[A-Za-z_]\w*)*(?:\??\.|->|::)[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![\w$([])/;

/**
 * Whether `value` opens with code (`CODE_VALUE`, `CODE_EXPRESSION`, `CONSTANT_MEMBER`:
 * `process.env.PW`, `options.password || "…"`, `$opts['pw'] ?? '…'`, `get_secret("db")`,
 * `settings.DB_PASSWORD`): where a printed record's reader finds one as a member's value, the
 * record is code's object literal or call (`Client(api_key=settings.STRIPE_KEY)`), and its
 * literals are read in the text.
 */
export function isCodeExpression(value: string): boolean {
  return CODE_VALUE.test(value) || CODE_EXPRESSION.test(value) || CONSTANT_MEMBER.test(value);
}

/** How much of a line a code value is read over (`isCodeValue`, `codeSecretLiterals`' callers): a statement's length, bounded so a long line costs each candidate a bounded read. */
export const CODE_LINE = 1024;

/** A member path of identifiers alone (`config.password`, `req.headers.authorization`, `Settings::API_KEY`), its last name captured. */
const IDENTIFIER_PATH = /^[A-Za-z_]\w{0,63}(?:(?:\??\.|->|::)[A-Za-z_]\w{0,63}){0,7}(?:\??\.|->|::)([A-Za-z_]\w{0,63})$/;
/**
 * A lookup written whole: a name or member path, then one quoted literal in brackets or a call's
 * parentheses (`os.environ["DB_PASSWORD"]`, `ENV['DB_PASSWORD']`, `os.getenv("DB_PASSWORD")`,
 * `ENV.fetch('DB_PASSWORD')`, `System.getenv("DB_PASSWORD")`, `env('DB_PASSWORD')`), the literal captured;
 * its quotes perhaps escaped (JSON's text: `"ENV[\\"DB_PASSWORD\\"]"`).
 */
const WHOLE_LOOKUP = /^[$@]?[A-Za-z_]\w{0,63}(?:(?:\.|->|::)[A-Za-z_]\w{0,63}){0,7}(?:\[[ \t]*(\\{0,7}["'])([^"'\\\n]{1,64})\1[ \t]*\]|\([ \t]*(\\{0,7}["'])([^"'\\\n]{1,64})\3[ \t]*\))$/;

/**
 * Whether `value`, the whole of what a secret's key holds (an attribute's or a JSON member's
 * string), is code that reads the secret from elsewhere, as text's unquoted values are read
 * (`isCodeValue`): a member path of identifiers whose last name names a credential
 * (`config.password`, `req.headers.authorization`), or a lookup of a setting's key that names one
 * (`os.environ["DB_PASSWORD"]`, `System.getenv("DB_PASSWORD")`: `isSettingKey`). A dotted value
 * whose last name names nothing secret (`abc.def.ghi`, a JWT's shape) stays the value. The names
 * read are the value's: no memo of names remembers them (`withoutRemembering`).
 */
export function isCodeRead(value: string): boolean {
  return withoutRemembering(() => readsSetting(value));
}

function readsSetting(value: string): boolean {
  const member = IDENTIFIER_PATH.exec(value)?.[1];
  if (member !== undefined) return isSecretName(member);
  const lookup = WHOLE_LOOKUP.exec(value);
  return lookup !== null && isSettingKey(lookup[2] ?? lookup[4]!);
}

/** The string types Python and TypeScript annotate in lower case (`str`, `string`, `bytes`), as regex source alternatives. */
export const LOWER_CASE_TYPE_NAMES = "str|string|bytes";

/**
 * A type annotation and its `=` at a value's start, as Python, TypeScript, Kotlin and Scala write a
 * typed assignment after the name's `:` (`str = `, `string = `, `String = `, `Optional[str] = `).
 */
export const TYPE_ANNOTATION_SOURCE = String.raw`(?:${LOWER_CASE_TYPE_NAMES}|[A-Z]\w{0,63})(?:\[[\w, ]{1,64}\])?[ \t]*=(?![=>~])`;
const TYPE_ANNOTATION = new RegExp(`^${TYPE_ANNOTATION_SOURCE}[ \t]*`);

/** A receiver or sigil right before a name (`this.password`, `self.token`, `$cfg->api_key`, `$password`, `@api_key`). */
const RECEIVER_BEFORE = /(?:(?:^|[^\w$])(?:this|self)\.|->|[$@])$/;
/** A name read with its receiver or sigil (`this.apiKey`, `$cfg->api_key`, `@password`). */
const RECEIVER_START = /^(?:(?:this|self)\.|[$@])/;

/**
 * Whether the unquoted value at `valueStart` in `text` (read to its line's end) after `name`,
 * which starts at `nameStart`, is code (`CODE_VALUE`, `CODE_EXPRESSION`: whatever the operator
 * before it, `=`, `:`, `=>` or `:=`), or, when the name follows a
 * receiver or sigil (a code line: `this.secret`, `$this->apiKey`, `@api_key`), a path that code
 * goes on after (`options.secret ?? …`, `hash(…)`, `$apiKey;`), a member path alone
 * (`options.apiKey`), or the variable of the name's own last word (`self.password = password`)
 * or a constant's name (`$db->password = DB_PASSWORD;`). Any other bare word is the secret, with
 * or without a `;` after it (`$db->password = hunter2;`, `self.password = hunter2`).
 * String literals inside code are read by `codeSecretLiterals`.
 */
export function isCodeValue(text: string, valueStart: number, name: string, nameStart: number): boolean {
  // Read at most `CODE_LINE` characters: what decides is the value's start, and a line of many
  // assignments (`a->password = x` repeated) is then not read to its end at each.
  const window = text.slice(valueStart, valueStart + CODE_LINE);
  const lineEnd = window.indexOf("\n");
  const value = lineEnd < 0 ? window : window.slice(0, lineEnd);
  // A template expression is read whole, its blanks too (`{{ .Token }}`, `$(cat /run/secrets/api_key)`),
  // when it is the whole value: text glued after it (`${{ secrets.X }}Zx9…`) is written out.
  if (CODE_VALUE.test(value) || CODE_EXPRESSION.test(value) || isWholeTemplateExpressionAt(text, valueStart)) return true;
  // A type annotation before the value (`password: str = os.getenv(…) or "…"`): the value after its `=` decides.
  const annotation = TYPE_ANNOTATION.exec(value)?.[0];
  if (annotation !== undefined) return isCodeValue(text, valueStart + annotation.length, name, nameStart);
  const path = PATH.exec(value)?.[0];
  if (path === undefined) return false;
  const ends = endsExpression(value.slice(path.length));
  // A member whose last name is the key's own or a constant's (`settings.DB_PASSWORD`,
  // `cfg.password`), or an index by such a key (`request.form["password"]`): a setting read, in
  // any line. Other dotted words may be a password (`abc.def`).
  if (ends && MEMBER_PATH.test(path) && namesSetting(lastName(path), name)) return true;
  // A keyword argument's variable (`connect(password=password)`), or on a source line a
  // traceback draws values under (loguru, better-exceptions), any variable or member passed.
  if (ends && isKeywordArgument(text, nameStart) && (sameWords(path, name) || drawnBelow(text, valueStart))) return true;
  if (!RECEIVER_BEFORE.test(text.slice(Math.max(0, nameStart - 8), nameStart)) && !RECEIVER_START.test(text.slice(nameStart, nameStart + 8))) return false;
  const rest = value.slice(path.length);
  // A bare word ending the statement (`$db->password = hunter2;`) is read as it is alone
  // (`self.password = hunter2`): the secret, but for the name's own variable or a constant's name.
  if (BARE_WORD.test(path) && (STATEMENT_END.test(rest) || rest.trim() === "")) return sameWords(path, name) || CONSTANT_NAME.test(path);
  if (CODE_AFTER.test(rest)) return true;
  if (rest.trim() !== "") return false;
  return /[.[]|->|::/.test(path.slice(1)) || sameWords(path, name);
}

/** A path with a member or an index after its first name (`settings.DB_PASSWORD`, `cfg->pw`, `kwargs["pw"]`). */
const MEMBER_PATH = /^[$@]?[A-Za-z_]\w*(?:\??\.|->|::|\[)/;
/** The separator before a path's last member name. */
const LAST_MEMBER = /(?:\.|->|::)[A-Za-z_]\w*$/;
/** An index by a quoted word or a symbol ending a path (`["password"]`, `['API_TOKEN']`, `[:password]`), its key captured. */
const LAST_KEY = /\[[ \t]*(?:(\\{0,7}["'])([\w.:/-]{1,64})\1|:([A-Za-z_]\w{0,63}))[ \t]*\]$/;
/**
 * What such an index subscripts: a name, then members and indexes by a quoted word or a symbol
 * (`request.form`, `params`, `$_POST`, `request.json["user"]`, `params[:user]`).
 */
const SUBSCRIPTED_PATH = /^[$@]?[A-Za-z_]\w{0,63}(?:(?:\??\.|->|::)[A-Za-z_]\w{0,63}|\[[ \t]*(?:"[\w.-]{1,64}"|'[\w.-]{1,64}'|:[A-Za-z_]\w{0,63})[ \t]*\]){0,7}$/;

/**
 * The name a path reads last: its last member's (`settings.DB_PASSWORD`), or the key its last
 * index looks up (`request.form["password"]`, `os.environ['API_TOKEN']`, `params[:password]`)
 * when what the index subscripts is a name or member path with no part shaped as a secret; a
 * password pasted before a bracket (`Hunter2x["password"]`) reads no name (""). A name of
 * letters alone (`hunter["password"]`) is read as `hunter.password` is: a variable.
 */
function lastName(path: string): string {
  const key = LAST_KEY.exec(path);
  if (key === null) return path.slice(path.search(LAST_MEMBER) + 1).replace(/^[>:]+/, "");
  const subscripted = path.slice(0, key.index);
  if (!SUBSCRIPTED_PATH.test(subscripted) || subscripted.split(/[^\w-]+/).some(isSecretShapedWord)) return "";
  return key[2] ?? key[3]!;
}

/** Whether `rest`, what follows a path in its line, ends the expression: nothing, a statement's or an argument's end, or code going on (`CODE_AFTER`). */
function endsExpression(rest: string): boolean {
  return rest.trim() === "" || STATEMENT_END.test(rest) || CODE_AFTER.test(rest);
}

/** Whether a member's last name `member` names `name`'s own setting or a constant (`DB_PASSWORD`, `password` under `password`). */
function namesSetting(member: string, name: string): boolean {
  return member !== "" && (CONSTANT_NAME.test(member) || sameWords(member, name) || isSecretName(member));
}

/** How far back a keyword argument's call is looked for (`isKeywordArgument`): a call's head and its earlier arguments. */
const CALL_REACH = 256;
/** A call's opening: a name (or a generic's `>`) right before `(`. */
const CALL_OPENING = /[\w$>][ \t]*$/;

/**
 * Whether the name at `nameStart` in `text` is a keyword argument: an argument of a call's, right
 * after its `(` or a `,`, the call open on the same line (`connect(host=host, password=…`).
 * Reads at most `CALL_REACH` characters back.
 */
function isKeywordArgument(text: string, nameStart: number): boolean {
  const before = blanksBefore(text, nameStart);
  const separator = text.charCodeAt(before - 1);
  if (separator !== 0x28 /* ( */ && separator !== 0x2c /* , */) return false;
  let depth = 0;
  for (let i = before - 1; i >= Math.max(0, nameStart - CALL_REACH); i--) {
    const code = text.charCodeAt(i);
    if (code === 0x0a) return false;
    if (code === 0x29 /* ) */ || code === 0x5d /* ] */) depth++;
    else if (code === 0x28 /* ( */ || code === 0x5b /* [ */) {
      if (depth === 0) return code === 0x28 && CALL_OPENING.test(text.slice(Math.max(0, i - 8), i));
      depth--;
    }
  }
  return false;
}

/**
 * Whether the line holding `at` is a source line a traceback draws its names' values under
 * (loguru's `diagnose`, better-exceptions: the next row is blanks and `│`/`|` before `└ ` or
 * `-> `, traceback-value.ts): its words are code, the values drawn below.
 */
function drawnBelow(text: string, at: number): boolean {
  // A bounded read: a source line longer than a statement's `CODE_LINE` is no drawn frame's.
  const lineEnd = text.slice(at, at + CODE_LINE).indexOf("\n");
  return lineEnd >= 0 && DRAWN_ROW.test(text.slice(at + lineEnd + 1, at + lineEnd + 1 + CODE_LINE));
}
/** A drawn row's start: blanks and pipes, then the value's mark. */
const DRAWN_ROW = /^[ \t|│]*(?:└|->) /;

/** Whether the variable `path` is spelt as `name`'s last segment (`password`, `$apiKey` for `apiKey`, `api_key`). */
function sameWords(path: string, name: string): boolean {
  const last = name.split(/\.|->|::/).pop()!;
  return nameWords(path.replace(/^[$@]/, "")).join("") === nameWords(last).join("");
}

/**
 * The functions whose first argument names what they look up, an environment variable or a
 * setting (`env('DB_PASSWORD', …)`, `os.getenv("PW", …)`, `kwargs.get("password", …)`, Ruby's
 * `ENV.fetch`, Java's `getProperty` and `Map.getOrDefault`); a later argument is the default,
 * the secret, unless it too names a setting (`config.get("db", "password")`, configparser's
 * section and option). Scala's `getOrElse` and Java's `orElse` take the default alone: not here.
 * .NET's `Environment.GetEnvironmentVariable` and `IConfiguration.GetValue<T>`, Go's `Getenv`,
 * a secret store's `read` (`vault.read("secret/data/db")`), Rust's `env::var` and `env::var_os`
 * (`env::var("DB_PASSWORD").unwrap_or("…")`: the variable's name is no secret, whatever it names)
 * are such lookups too, and so is any function named for looking something up, a lookup's verb
 * before what it looks up (`get_secret("db")`, `getSecret("db")`, `GetSecretValue(…)`,
 * `fetch_token("svc")`, `load_password("db")`): its first argument names the secret.
 */
export const LOOKUP_FUNCTIONS = String.raw`(?:env|var|var_os|getenv|Getenv|getEnv|GetEnvironmentVariable|LookupEnv|get|Get|GetValue|fetch|getProperty|getOrDefault|config|lookup|require|read|(?:[gG]et|[fF]etch|[rR]ead|[lL]oad|[lL]ookup|[rR]esolve|[rR]etrieve)(?:_[a-z]\w*|[A-Z]\w*))`;
/** A generic call's type arguments (`GetValue<string>`, `Get<List<string>>`), as regex source. */
export const TYPE_ARGUMENTS = String.raw`(?:<[\w.?, \[\]<>]{1,64}>)?`;
const LOOKUP_NAME = String.raw`(?:^|[^\w$])${LOOKUP_FUNCTIONS}${TYPE_ARGUMENTS}[ \t]*`;
/** A lookup call's `(` before a literal: the literal is its first argument. */
const LOOKUP_CALL_BEFORE = new RegExp(`${LOOKUP_NAME}\\([ \\t]*$`);
/** A lookup function's name before a `(`. */
const LOOKUP_NAME_BEFORE = new RegExp(`${LOOKUP_NAME}$`);
/** Go's `cmp.Or`, which picks its first argument that is set: its later literals are defaults, as a lookup's are. */
const FIRST_SET_BEFORE = /(?:^|[^\w$])Or[ \t]*$/;
/** Any call's `(` before a literal (`Vault.Secret("db/password")`, `GetValue<string>("Jwt:Secret")`): the literal is its first argument. */
const CALL_BEFORE = /[\w>][ \t]*\([ \t]*$/;
/**
 * An operator or a call that picks a fallback right before a literal (`?? "…"`, `|| "…"`, PHP's
 * and Kotlin's `?:`, Perl's `//`, Python's `or`; Rust's `.unwrap_or("…")` and
 * `.unwrap_or_else(|_| "…")`, Java's `.orElse("…")` and `.orElseGet(() -> "…")`, Scala's
 * `.getOrElse("…")`): the literal is what code uses when the setting is unset.
 */
const FALLBACK_BEFORE =
  /(?:\?\?|\|\||\?:|\/\/|(?<![\w$])or|\.(?:unwrap_or|or|orElse|getOrElse|value_or)[ \t]*\(|\.(?:unwrap_or_else|or_else|orElseGet|getOrElse)[ \t]*\([ \t]*(?:\|[^|\n]{0,32}\||\([^()\n]{0,32}\)[ \t]*->))[ \t]*$/;
/**
 * A call or a statement whose string is a failure's message, said when the setting is unset, not
 * a value used in its place: Rust's `.expect("…")`, `panic!("…")` (`unwrap_or_else(|| panic!(…))`)
 * and its kin, an error's or exception's constructor (`throw new Error("…")`, Python's `raise
 * KeyError("…")`, any call raised or thrown, `raise SystemExit("…")`, Go's `errors.New("…")`, `fmt.Errorf("…")`), a fatal log (`log.Fatal("…")`), PHP's
 * `die("…")`/`exit("…")`. Every literal inside such a call is a message.
 */
const MESSAGE_CALL_BEFORE =
  /(?:\.expect|(?<![\w$])(?:panic|unreachable|todo|unimplemented)!|\w*(?:Error|Exception|Err)|(?<![\w$])(?:raise|throw)[ \t]+(?:new[ \t]+)?[\w.]+|(?<![\w$])(?:errors\.New|fmt\.Errorf|die|exit|abort)|\.(?:Fatal|Fatalf|Fatalln|Panic|Panicf))[ \t]*$/;
/** A statement that says a failure's message without a call's brackets (Perl's `die "…"`, `croak "…"`, Ruby's `raise "…"`). */
const MESSAGE_WORD_BEFORE = /(?<![\w$])(?:die|croak|confess|raise|fail|throw)[ \t]+$/;
/**
 * A string method's name and its `(`, whose arguments are a separator, a prefix or a pattern the
 * string is cut, searched or rewritten by, not a value (`authorization?.split(" ")[1]`,
 * `header.replace("Bearer ", "")`, `auth.startsWith("Basic ")`, Python's `.removeprefix(…)`,
 * Go's `strings.TrimPrefix(h, "Bearer ")`): the literals there are no secret.
 */
const PATTERN_CALL_BEFORE =
  /\??\.(?:split|rsplit|replace|replaceAll|replaceFirst|startsWith|endsWith|startswith|endswith|includes|contains|indexOf|lastIndexOf|find|rfind|index|removePrefix|removeSuffix|removeprefix|removesuffix|strip|lstrip|rstrip|trim|trimStart|trimEnd|partition|rpartition|substringAfter|substringBefore|match|matchAll|search|test|TrimPrefix|TrimSuffix|TrimLeft|TrimRight|Trim|HasPrefix|HasSuffix|Split|SplitN|Cut|Replace|ReplaceAll|Contains|Index)$/;
/**
 * A literal that indexes (`os.environ["PW"]`, `$_ENV['API_KEY']`, `ENV['API_KEY']`, Perl's
 * `$opts{"secret"}`: a `{` right after a name or an index): a key's name.
 */
const INDEX_BEFORE = /(?:\[|[\w\]}]\{)[ \t]*$/;
/**
 * A comparison's operator beside a literal (`env == "prod" ? … : …`, `… if mode != 'dev' else …`):
 * the literal is what another operand is compared with, a condition's, not the value assigned.
 */
const COMPARED_BEFORE = /(?:[=!]=|(?<![=-])[<>]=?)[ \t]*$/;
const COMPARED_AFTER = /^[ \t]*(?:[=!]=|[<>])/;
/** A literal that spells a setting's name (`"password"`, `"db.api_key"`): under a lookup call, a key when it names a secret. */
const SETTING_NAME = /^[A-Za-z_][\w.-]{0,63}$/;
/** An environment variable's name in capitals (`TOKEN`, `DB_PASSWORD`). */
const ENVIRONMENT_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;
/** A configuration path: names joined by `:`, `/`, `.` or `__` (`Jwt:Secret`, `stripe/api_key`, `db.password`), its last name captured. */
const SETTING_PATH = /^[A-Za-z_][\w-]{0,63}(?:(?::|\/|\.|__)[A-Za-z_][\w-]{0,63}){0,7}(?::|\/|\.|__)([A-Za-z_][A-Za-z0-9-]{0,63})$/;

/**
 * Whether a literal spells a setting's key, whatever call it is given to: an environment
 * variable's name that names a secret (`TOKEN`, `DB_PASSWORD`), or a configuration path whose last
 * name does (`Jwt:Secret`, `Db:Password`, `stripe/api_key`, `db.password`). A secret's value spells
 * no secret's name, so such a literal stays a key where the call's name says nothing
 * (`Secrets.Load("Jwt:Secret")`); `admin:hunter2` spells none and is a value.
 */
export function isSettingKey(contents: string): boolean {
  if (ENVIRONMENT_NAME.test(contents)) return isSecretName(contents);
  const last = SETTING_PATH.exec(contents)?.[1];
  return last !== undefined && isSecretName(last);
}

/**
 * Whether the string around `at` in `text` (a position inside its contents) is a lookup's key
 * written as a call's first argument or an index (`GetValue<string>("Jwt:Secret")`,
 * `Configuration["Jwt:Issuer"]`): a configuration path, whose `:` is no name's and value's. Reads
 * at most 64 characters each side.
 */
export function isQuotedKeyAt(text: string, at: number): boolean {
  const open = KEY_BEFORE.exec(text.slice(Math.max(0, at - 64), at));
  if (open === null) return false;
  const close = KEY_AFTER.exec(text.slice(at, at + 64));
  return close !== null && close[1] === open[1];
}
/** A key's opening quote after a call's `(` or an index's `[`, and the key's characters up to `at`. */
const KEY_BEFORE = /(?:[\w>][ \t]*\(|\[)[ \t]*@?(["'])[\w.:/-]*$/;
/** The key's characters from `at`, its closing quote, and a `)`, `]` or `,` after it. */
const KEY_AFTER = /^[\w.:/-]*(["'])[ \t]*[)\],]/;

/**
 * The string literals of a code value that are secrets, as [start, end) of their contents in
 * `value` (the text after the assignment's operator, read to the expression's end: a `;` or the
 * line's end outside a literal, a `,` or a closing bracket outside the brackets the value opened):
 * every literal but a lookup's key, the first argument of a
 * lookup call or an index (`os.getenv("PW", "hunter2")`: `PW` names a variable, `hunter2` is
 * its default and the secret) or any call's first argument that spells a setting's key
 * (`isSettingKey`: `Secrets.Load("Jwt:Secret")`), and but a comparison's operand (`env == "prod" ? "…" : "…"`; an
 * arrow's `=>` or `->` compares nothing), and but a string method's argument (`split(" ")`,
 * `replace("Bearer ", "")`: `PATTERN_CALL_BEFORE`), and but a failure's message (`.expect("…")`,
 * `?? throw new Error("…")`, `|| die "…"`: `MESSAGE_CALL_BEFORE`, `MESSAGE_WORD_BEFORE`). `keep`
 * says which contents stay (an empty string, a mask); it is told whether the literal is a
 * fallback, after `??`, `||`, `?:`, `//`, `or` or a fallback's call (Rust's `.unwrap_or("…")`,
 * Java's `.orElse("…")`, Scala's `.getOrElse("…")`), or a lookup's later argument (`getenv("PW", "…")`, `cmp.Or(os.Getenv("PW"), "…")`).
 * Returns the literals and where the expression ends.
 *
 * Code held in a JSON string (`{"msg":"this.password = opts.pw || \"hunter2\""}`) writes its
 * double quotes escaped, `2^n - 1` backslashes at level `n` (RFC 8259 §7, escaped-quotes.ts):
 * the backslashes before the value's first double quote give the level, a double quote with
 * those backslashes opens and closes a literal, one with fewer closes the string holding the
 * code and ends the statement, and the marker stays inside the escaped quotes, so the JSON text
 * stays valid. Single quotes are no JSON string's: a `'…'` literal reads alike at every level.
 */
export function codeSecretLiterals(value: string, keep: (contents: string, fallback: boolean) => boolean): { readonly literals: readonly (readonly [number, number])[]; readonly end: number } {
  const literals: [number, number][] = [];
  const edge = backslashesBefore(value, value.indexOf('"'));
  const period = 2 * (edge + 1);
  // A quote that no later one on the line closes: no later quote of its kind is closed either,
  // so none is read to the line's end again (a line of apostrophes stays linear).
  const unclosed = { [DOUBLE_QUOTE]: false, [APOSTROPHE]: false } as Record<number, boolean>;
  // Brackets the value opened: outside them a `,` or a closer ends the value, a member's of an
  // object literal (`{ password: opts.pw || "…", user: "ana" }`) or an argument's.
  let depth = 0;
  // Which open brackets are a lookup call's (`config.get(`), by depth: its later literal
  // arguments are defaults, or keys too when they name a secret (`LOOKUP_KEYS`; `DEFAULTS_ONLY`
  // once its key named one, `getenv("API_KEY", "secret")`, and for `cmp.Or(`); and which a
  // string method's (`.split(`), whose literal arguments are patterns (`PATTERN_CALL_BEFORE`).
  const lookups: number[] = [];
  const patterns: boolean[] = [];
  // The depth of the outermost open failure's message call (`MESSAGE_CALL_BEFORE`), or -1.
  let messageAt = -1;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    countWork(1);
    if (code === SEMICOLON || code === LINE_FEED) return { literals, end: i };
    if (code === 0x28 || code === 0x5b || code === 0x7b) {
      const callee = code === 0x28 ? value.slice(Math.max(0, i - 64), i) : "";
      lookups[depth] = code !== 0x28 ? NO_LOOKUP : LOOKUP_NAME_BEFORE.test(callee) ? LOOKUP_KEYS : FIRST_SET_BEFORE.test(callee) ? DEFAULTS_ONLY : NO_LOOKUP;
      patterns[depth] = code === 0x28 && PATTERN_CALL_BEFORE.test(callee);
      if (messageAt < 0 && code === 0x28 && MESSAGE_CALL_BEFORE.test(callee)) messageAt = depth;
      depth++;
    } else if (code === 0x29 || code === 0x5d || code === 0x7d || code === 0x2c) {
      if (depth === 0) return { literals, end: i };
      if (code !== 0x2c) depth--;
      if (depth <= messageAt) messageAt = -1;
    }
    if (code !== DOUBLE_QUOTE && code !== APOSTROPHE) continue;
    const escapes = backslashesBefore(value, i);
    if (code === DOUBLE_QUOTE && escapes < edge) return { literals, end: i - escapes };
    if ((code === DOUBLE_QUOTE ? escapes !== edge : escapes !== 0) || unclosed[code]) continue;
    const close = code === DOUBLE_QUOTE ? closingQuote(value, i, edge, period) : closingQuote(value, i, 0, 2);
    countWork((close < 0 ? value.length : close) - i);
    if (close < 0) {
      unclosed[code] = true;
      continue;
    }
    const literalStart = i - escapes;
    const contentsEnd = close - (code === DOUBLE_QUOTE ? edge : 0);
    i = close;
    // A lookup's call or index stands right before its key: a bounded read back, so a value of
    // many literals is not read from its start at each.
    const before = value.slice(Math.max(0, literalStart - 64), literalStart);
    const contents = value.slice(literalStart + escapes + 1, contentsEnd);
    if (LOOKUP_CALL_BEFORE.test(before)) {
      if (depth > 0 && isSecretName(contents)) lookups[depth - 1] = DEFAULTS_ONLY;
      continue;
    }
    if (messageAt >= 0 || MESSAGE_WORD_BEFORE.test(before)) continue;
    if (INDEX_BEFORE.test(before) || COMPARED_BEFORE.test(before) || COMPARED_AFTER.test(value.slice(close + 1, close + 6))) continue;
    if (CALL_BEFORE.test(before) && isSettingKey(contents)) continue;
    const lookup = depth > 0 ? (lookups[depth - 1] ?? NO_LOOKUP) : NO_LOOKUP;
    if (keep(contents, FALLBACK_BEFORE.test(before) || lookup !== NO_LOOKUP)) continue;
    if (lookup === LOOKUP_KEYS && SETTING_NAME.test(contents) && isSecretName(contents)) continue;
    if (depth > 0 && patterns[depth - 1] === true) continue;
    literals.push([literalStart + escapes + 1, contentsEnd]);
  }
  return { literals, end: value.length };
}

/** An open bracket that is no lookup call's. */
const NO_LOOKUP = 0;
/** A lookup call's `(`: a later literal argument that names a secret is a key (configparser's `get("db", "password")`), another its default. */
const LOOKUP_KEYS = 1;
/** A lookup call's `(` whose later literal arguments are all defaults: its key already named a secret, or the call picks the first set value (`cmp.Or`). */
const DEFAULTS_ONLY = 2;
const SEMICOLON = 0x3b;
const LINE_FEED = 0x0a;
const DOUBLE_QUOTE = 0x22;
const APOSTROPHE = 0x27;
const BACKSLASH = 0x5c;

/** How many backslashes stand right before `at` in `text` (0 when `at` is -1). */
function backslashesBefore(text: string, at: number): number {
  let i = at;
  while (i > 0 && text.charCodeAt(i - 1) === BACKSLASH) i--;
  return at < 0 ? 0 : at - i;
}

/**
 * The index of the quote closing the literal whose quote is at `open`, on its line: the next
 * same quote whose backslashes number `edge` modulo `period` (escaped-quotes.ts: at level 0 an
 * even number, `\"` inside `"…"` being the code's own escape); -1 when none does.
 */
function closingQuote(text: string, open: number, edge: number, period: number): number {
  const quote = text.charCodeAt(open);
  for (let i = open + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === LINE_FEED) return -1;
    if (code === quote && backslashesBefore(text, i) % period === edge) return i;
  }
  return -1;
}
