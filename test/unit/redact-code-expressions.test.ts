/**
 * Code after a credential's name, in the expression forms of JavaScript/TypeScript, Python, Ruby,
 * Perl, PHP, Java, Kotlin and Go: ternaries (both branches), compound assignments (`??=`, `||=`,
 * `&&=`), Perl's defined-or `//`, and calls whose later arguments are defaults. The code stays;
 * every literal that may be the secret is replaced; a literal that is a lookup's key (a call's
 * first argument to get/fetch/getenv/getOrDefault, a later one naming a setting, a subscript's
 * key) stays.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { expectUnchanged } from "../support/redaction";

const policy = defaultRedactionPolicy();
const PARAM = "[REDACTED:secret_param]";

describe("a credential's code loses every literal that may be the secret", () => {
  it.each([
    // A ternary: both branches, in an assignment and as an object literal's member.
    ['const password = isProd ? "prodPw123" : "devPw456";', `const password = isProd ? "${PARAM}" : "${PARAM}";`, 2],
    ['password: cond ? "prodPw123" : "devPw456"', `password: cond ? "${PARAM}" : "${PARAM}"`, 2],
    // Compound assignments: only code writes one, so the literal right after it is the value.
    ['password ??= "jsDefault9"', `password ??= "${PARAM}"`, 1],
    ['password ||= "rubyDefault9"', `password ||= "${PARAM}"`, 1],
    ['@password ||= "rubyDefault9"', `@password ||= "${PARAM}"`, 1],
    ['password &&= "andDefault9"', `password &&= "${PARAM}"`, 1],
    ['$password //= "perlDefault9";', `$password //= "${PARAM}";`, 1],
    // Perl's defined-or after a hash's member, with a sigil on the name or none.
    ['my $password = $ENV{PW} // "perlDefault9";', `my $password = $ENV{PW} // "${PARAM}";`, 1],
    ['secret => $opts{secret} // "perlsecret99"', `secret => $opts{secret} // "${PARAM}"`, 1],
    // A call's default argument, with a receiver before the name or none.
    ['password = cfg.get("password", "pyDefault9")', `password = cfg.get("password", "${PARAM}")`, 1],
    ['password = ENV.fetch("PW", "rubyDefault9")', `password = ENV.fetch("PW", "${PARAM}")`, 1],
    ['password = ENV.fetch("PW") { "rubyDefault9" }', `password = ENV.fetch("PW") { "${PARAM}" }`, 1],
    ['String password = Optional.ofNullable(x).orElse("javaDefault9");', `String password = Optional.ofNullable(x).orElse("${PARAM}");`, 1],
    ['String password = props.getOrDefault("k","javaDefault9");', `String password = props.getOrDefault("k","${PARAM}");`, 1],
    ['password = os.environ.get("PW", "pyDefault9")', `password = os.environ.get("PW", "${PARAM}")`, 1],
    ['password = kwargs.get("password","defaultpw1")', `password = kwargs.get("password","${PARAM}")`, 1],
    ['self.password = kwargs.get("password","defaultpw1")', `self.password = kwargs.get("password","${PARAM}")`, 1],
    ['password = getenv("PW", "cDefault99")', `password = getenv("PW", "${PARAM}")`, 1],
    // A lookup's later literal that names a setting is a key (configparser's section and option).
    ['db_password = config.get("db", "password") or "Tr0ub4dor&3"', `db_password = config.get("db", "password") or "${PARAM}"`, 1],
  ])("%j", (text, expected, count) => {
    expect(redactString(text, policy)).toEqual({ text: expected, counts: { secret_param: count } });
  });

  it.each([
    // Lookups alone: every literal names what is looked up.
    'db_password = config.get("db", "password")',
    'password = os.environ.get("DB_PASSWORD")',
    'String password = props.getOrDefault("db.password", "");',
    'password = $opts{"password"} // "";',
  ])("keeps %j", expectUnchanged);
});
