/**
 * A console line's arguments (a Workers console line is a JSON array of console.log's arguments; Node's
 * util.format, pino, winston and browsers take a printf-style first argument): a format string is read as any
 * text is, and the argument a placeholder after a secret's name consumes is judged as the rendered pair; an argument after a name's string is read whole (escaped quotes and backslashes, a flat object), never
 * leaving the value after a mask of the gap, and a run of backslashes read by its parity, so JSON stays JSON;
 * names of two words; codes in several arguments; a list of two strings is no pair. Each output is pinned.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { itKeepsUncounted, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const counted = (text: string) => redactString(text, policy);
const M = "[REDACTED:secret_param]";

/** Every kind the other detectors find, in a format string before, inside or after a secret's placeholder and among its arguments. */
const KINDS: readonly (readonly [string, string])[] = [
  ["alice@example.com", "email"],
  ["203.0.113.77", "ip"],
  ["4111 1111 1111 1111", "card"],
  ["sk_live_4eC39HqLyjWDarjtT1zdp7dc", "secret"],
  ["eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", "jwt"],
  ["+1 415 555 0132", "phone"],
  ["https://bob:pa55word@example.com/x", "url credentials"],
];

describe("a format string is read as any text: no reading covers its text, so every kind in it is found", () => {
  it.each(KINDS)("%s (%s) before, inside and after a secret's placeholder, and in the arguments", (value) => {
    const texts = [
      `["password: %s for ${value}","hunter2"]`,
      `["user ${value} password: %s","hunter2"]`,
      `["Login %s password=%s","${value}","hunter2"]`,
      `["password: %s","hunter2","${value}"]`,
      `["password: %s","${value}"]`,
    ];
    for (const text of texts) expect(counted(text).text, text).not.toContain(value);
  });
  itStoresCounting("secrets around a placeholder: %j", counted, { secret_param: 2 }, [
    ['["password: %s token=Zx9Kq2Lm7Pw4abcd","hunter2"]', `["password: %s token=${M}","${M}"]`],
    ['["password=hunter1 token: %s","Zx9Kq2Lm7Pw4abcd"]', `["password=${M} token: %s","${M}"]`],
  ]);
  // The argument a placeholder after a secret's name consumes is judged as the rendered pair (`password: hunter2`).
  itStoresCounting("the argument a placeholder after a secret's name consumes goes, the placeholder kept: %j", counted, { secret_param: 1 }, [
    ['["password: %s","hunter2"]', `["password: %s","${M}"]`],
    ['["Login %s password=%s","alice","hunter2"]', `["Login %s password=%s","alice","${M}"]`],
    ['logger.info("password: %s", "hunter2")', `logger.info("password: %s", "${M}")`],
    ["console.log('password: %s', 'hunter2')", `console.log('password: %s', '${M}')`],
    ['logger.info("pin: %d", 1234)', `logger.info("pin: %d", ${M})`],
    ['["pin: %d",1234]', `["pin: %d","${M}"]`],
    ['["otp=%d",482913]', `["otp=%d","${M}"]`],
    ['["token: %o","Zx9Kq2Lm7Pw4abcd"]', `["token: %o","${M}"]`],
    ...["%i", "%f", "%j", "%O", "%v", "%q", "%5s", "%-8s"].map((placeholder) => [`["token: ${placeholder}","Zx9Kq2Lm7Pw4abcd"]`, `["token: ${placeholder}","${M}"]`] as [string, string]),
    ['["style %c password: %s","color: red","hunter2"]', `["style %c password: %s","color: red","${M}"]`],
    ['["100%% done, password: %s","hunter2"]', `["100%% done, password: %s","${M}"]`],
    ["[\"password: '%s'\",\"hunter2\"]", `["password: '%s'","${M}"]`],
    ['["password: \\"%s\\"","hunter2"]', `["password: \\"%s\\"","${M}"]`],
    ['{"msg":"[\\"password: %s\\",\\"hunter2\\"]"}', `{"msg":"[\\"password: %s\\",\\"${M}\\"]"}`],
    // As `pin: 3`, `otp: 30`, `secret=set`, `token=v2` go.
    ['["pin: %d",3]', `["pin: %d","${M}"]`],
    ['["otp: %d",30]', `["otp: %d","${M}"]`],
    ['["secret=%s","set"]', `["secret=%s","${M}"]`],
    ['["api_key=%s","set"]', `["api_key=%s","${M}"]`],
    ['["token: %s","Bearer"]', `["token: %s","${M}"]`],
    ['["token=%s","v2"]', `["token=%s","${M}"]`],
  ]);
  itStoresCounting("an argument holding an escape goes whole, a format string's line break read: %j", counted, { secret_param: 1 }, [
    ['["password: %s","hun\\"ter2"]', `["password: %s","${M}"]`],
    ['["password: %s","abc\\\\","x"]', `["password: %s","${M}","x"]`],
    ['{"msg":"[\\"password: %s\\",\\"hun\\\\\\"ter2\\"]"}', `{"msg":"[\\"password: %s\\",\\"${M}\\"]"}`],
    ['fmt.Printf("token=%q\\n", "Zx9Kq2Lm7Pw4abcd")', `fmt.Printf("token=%q\\n", "${M}")`],
    ['["token=%s\\n","Zx9Kq2Lm7Pw4abcd"]', `["token=%s\\n","${M}"]`],
  ]);
  itStoresCounting("only the consumed argument goes, the format string and the other arguments read as any text: %j", counted, { secret_param: 1, email: 1 }, [
    ['["user %s from %s password=%s","bob@acme.io","10.1.2.3","hunter2"]', `["user %s from %s password=%s","[REDACTED:email]","10.1.2.3","${M}"]`],
  ]);
  itStoresCounting("%j", counted, { secret_param: 1, card: 1 }, [
    ['["card %s password: %s","4111 1111 1111 1111","hunter2"]', `["card %s password: %s","[REDACTED:card]","${M}"]`],
  ]);
  // As `auth=basic`, `auth=jwt`, `sid=s42`, `token abc expired`, `password: ***` stay.
  itKeepsUncounted("an argument the rendered pair keeps, or no secret's name before its placeholder: %j", counted, [
    'console.log("%s requests in %d ms", 12, 30)',
    '["auth=%s","basic"]',
    '["auth=%s","jwt"]',
    '["sid=%s","s42"]',
    '["token %s expired","abc"]',
    '["password changed for %s","bob"]',
    '["%s: %s","password","***"]',
    '["%s: %s","user","bob"]',
    '["%s: %s","password changed for","bob"]',
    '["%d: %s",1,"hunter2"]',
    '["password: %s %s","***","ok"]',
    '["password: %s","***"]',
    '["password: %s","[REDACTED]"]',
    '["password: %s",""]',
    '["password: %s",pw]',
    // A second pass over what the first wrote changes nothing.
    '["session_id: %s","[REDACTED:secret:94ce30ef66ba6cd7]"]',
    '["Authorization: %s","Bearer [REDACTED:bearer]"]',
    'logger.info("pin: %d", [REDACTED:secret_param])',
    '["pin: %d","[REDACTED:secret_param]"]',
  ]);
  // Only a call's first argument is a format: a string after `,` is no format; a consumed format or name's string stays.
  itKeepsUncounted("a list of strings that is no console line: %j", counted, [
    '["a","password: %s","hunter2"]',
    '{"templates":["password: %s","username: %s"]}',
    '["password: %s","username: %s"]',
    '["password: %s","token:"]',
  ]);
  itStoresCounting("a password holding a `%` is no template: %j", counted, { secret_param: 1 }, [
    ['["password: %s","p%ssw0rd"]', `["password: %s","${M}"]`],
    ['["password: %s","ab%d9"]', `["password: %s","${M}"]`],
  ]);
  itStoresCounting("a list of stringified console lines reads the escaped pair inside, not the next element: %j", counted, { secret_param: 1 }, [
    ['["[\\"password: %s\\",\\"hunter2\\"]","[\\"ok\\"]"]', `["[\\"password: %s\\",\\"${M}\\"]","[\\"ok\\"]"]`],
  ]);
  // Go's, C's and Python's verbs count as placeholders (`%x`), a `*` width or precision consumes an argument of its own.
  itStoresCounting("every verb counted, a `*` consuming its argument: %j", counted, { secret_param: 1 }, [
    ['["%x token=%s",255,"Zx9Kq2Lm7Pw4abcd"]', `["%x token=%s",255,"${M}"]`],
    ['["%*d token=%s",5,255,"Zx9Kq2Lm7Pw4abcd"]', `["%*d token=%s",5,255,"${M}"]`],
    ['["%.*f token=%s",2,3.14159,"Zx9Kq2Lm7Pw4abcd"]', `["%.*f token=%s",2,3.14159,"${M}"]`],
    ...["%e", "%E", "%g", "%G", "%u", "%p", "%b", "%t", "%T", "%U", "%X", "%r", "%a"].map((verb) => [`["${verb} token=%s",7,"Zx9Kq2Lm7Pw4abcd"]`, `["${verb} token=%s",7,"${M}"]`] as [string, string]),
    ['["password: %u",1234]', `["password: %u","${M}"]`],
  ]);
  itKeepsUncounted("a placeholder of any verb is no secret: %j", counted, ["password: %u", "password=%x", "token: %.*f"]);
  // A trailing escape is the argument's: the whole content goes, the escape with it.
  itStoresCounting("an argument ending in an escape goes whole: %j", counted, { secret_param: 1 }, [
    ['["token: %s","Zx9Kq2Lm7Pw4abcd\\n"]', `["token: %s","${M}"]`],
    ['["password: %s","hunter2\\n"]', `["password: %s","${M}"]`],
    ['["password: %s","hunter2\\r\\n"]', `["password: %s","${M}"]`],
    ['["password: %s","hunter2\\t"]', `["password: %s","${M}"]`],
  ]);
  itStoresCounting("a line break between arguments: %j", counted, { secret_param: 1 }, [
    ['["password: %s",\n"hunter2"]', `["password: %s",\n"${M}"]`],
    ['logging.info("password=%s",\n    "hunter2")', `logging.info("password=%s",\n    "${M}")`],
  ]);
  // Each argument of a placeholder glued to a secret's (`%s%s`) is a part of the value; the glued run is read as a
  // value, as on main: a run of conversions is no placeholder, since a percent-encoding reads as one (`%2b%3d`).
  itStoresCounting("the arguments of placeholders glued after a secret's name all go: %j", counted, { secret_param: 3 }, [
    ['["password: %s%s","hun","ter2"]', `["password: ${M}","${M}","${M}"]`],
    ['["Login %s password=%s%s","alice","hun","ter2"]', `["Login %s password=${M}","alice","${M}","${M}"]`],
    ['["password: %s%d","hun",1234]', `["password: ${M}","${M}","${M}"]`],
  ]);
  itStoresCounting("%j", counted, { secret_param: 4 }, [['["password: %s%s%s","hun","ter","2"]', `["password: ${M}","${M}","${M}","${M}"]`]]);
  // Only glued: a blank between them makes the second placeholder's argument no part of the value.
  itStoresCounting("a placeholder after a blank is no part of the value: %j", counted, { secret_param: 1 }, [
    ['["password: %s %s","hun","ter2"]', `["password: %s %s","${M}","ter2"]`],
  ]);
  itStoresCounting("a run of conversions or percent-encodings after a secret's name is its value, as on main: %j", counted, { secret_param: 1 }, [
    ...["password: %s%s", "password=%s%s", "token: %(a)s%(b)s", "password=%2b%3d", "password=%2f%2f", "password=%3d%3d%3d", "password=%5e%7e", "password=%2a%2e%3f", "token=%3d%3d", "password=%c%c", "password=%1d%2d%3d%4d"].map(
      (text): [string, string] => [text, text.replace(/(?<=[:=] ?)%.*$/, M)],
    ),
  ]);
  // A name given as an argument (`"%s: %s"`): the argument after a secret's name goes when it is a token, as a pair's
  // value is judged wherever two strings are written (pair-values.ts); labels, types and rules stay (redact-pair-values.test.ts).
  itStoresCounting("a secret's name given as the argument before `: %s` or `=%s`, a token after it: %j", counted, { secret_param: 1 }, [
    ['["%s: %s","token","Zx9Kq2Lm7Pw4abcd"]', `["%s: %s","token","${M}"]`],
    ['console.log("%s: %s", "API key", "Zx9Kq2Lm7Pw4abcd")', `console.log("%s: %s", "API key", "${M}")`],
    ['["%s: %s %s: %s","user","bob","password","Zx9Kq2Lm7Pw4abcd"]', `["%s: %s %s: %s","user","bob","password","${M}"]`],
    ['["%s=%s","password","Zx9Kq2Lm7Pw4abcd"]', `["%s=%s","password","${M}"]`],
    ['fmt.Printf("%v: %v\\n", "token", "Zx9Kq2Lm7Pw4abcd")', `fmt.Printf("%v: %v\\n", "token", "${M}")`],
  ]);
  // A known miss: a word with digits after a name given as an argument is a password as often as an identifier (`user2`).
  itKeepsUncounted("a word with digits after a name given as an argument stays: %j", counted, ['["%s: %s","password","hunter2"]', '["%s=%s","password","hunter2"]']);
  // Known false positives (README): a UI's label list reads as a console line.
  itStoresCounting("a label list after a secret's placeholder reads as a console line: %j", counted, { secret_param: 1 }, [
    ['["Enter password: %s","Cancel"]', `["Enter password: %s","${M}"]`],
    ['["Token: %s","Copy to clipboard","Close"]', `["Token: %s","${M}","Close"]`],
  ]);
  it("a session's id under a placeholder takes the session marker the field form writes for it", () => {
    const field = counted("session_id: abc123def456ghi").text.slice("session_id: ".length);
    expect(field).toMatch(/^\[REDACTED:secret:[0-9a-f]{16}\]$/);
    expect(counted('["session_id: %s","abc123def456ghi"]')).toEqual({ text: `["session_id: %s","${field}"]`, counts: { secret_param: 1 } });
  });
  itStoresCounting("a scheme's credentials under a placeholder are the bearer reading's: %j", counted, { bearer: 1 }, [
    ['["Authorization: %s","Bearer Zx9Kq2Lm7Pw4abcd"]', '["Authorization: %s","Bearer [REDACTED:bearer]"]'],
  ]);
});

// An argument holding a secret of its own is left to the scan, which finds it in place as in any text: the rendered
// pair (`password: password: hunter2`) would read the argument's own name as the value and keep the secret.
describe("an argument holding a secret of its own is read in place, its name and other words kept", () => {
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    ['["password: %s","password: hunter2"]', `["password: %s","password: ${M}"]`],
    ['console.error("auth: %s", "password: hunter2 rejected")', `console.error("auth: %s", "password: ${M} rejected")`],
    ['["secret: %s","api_key: sk-live-xyz123"]', `["secret: %s","api_key: ${M}"]`],
    ['["password: %s","otp: 123456"]', `["password: %s","otp: ${M}"]`],
    ['["credentials: %s","user=bob password=hunter2"]', `["credentials: %s","user=bob password=${M}"]`],
  ]);
  itStoresCounting("%j", counted, { bearer: 1 }, [
    ['["token: %s","Authorization: Bearer abcdef123456"]', '["token: %s","Authorization: Bearer [REDACTED:bearer]"]'],
  ]);
});

describe("an argument after a name's string is read whole: no mask of the gap before a kept value", () => {
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    ['["password:","hun\\"ter2"]', `["password:","${M}"]`],
    ['["secret:","abc\\\\def"]', `["secret:","${M}"]`],
    ['["password:",{"v":"hunter2"}]', `["password:",{"v":"${M}"}]`],
    ['["password :","hunter2"]', `["password :","${M}"]`],
    ['["password:  ","hunter2"]', `["password:  ","${M}"]`],
    ['["password=","hunter2"]', `["password=","${M}"]`],
    ['{"msg":"[\\"password=\\",\\"hunter2\\"]"}', `{"msg":"[\\"password=\\",\\"${M}\\"]"}`],
    ['{"msg":"[\\"password:\\",\\"hun\\\\\\"ter2\\"]"}', `{"msg":"[\\"password:\\",\\"${M}\\"]"}`],
  ]);
  it.each([
    ['["password:","hun\\"ter2"]', "ter2"],
    ['["secret:","abc\\\\def"]', "def"],
    ['["password:",{"v":"hunter2"}]', "hunter2"],
    ['["password :","hunter2"]', "hunter2"],
    ['["password:  ","hunter2"]', "hunter2"],
    ['["password=","hunter2"]', "hunter2"],
  ])("never leaves the value after a masked gap: %j", (text, value) => {
    expect(counted(text).text).not.toContain(value);
  });
  itKeepsUncounted("an object's member that is no value: %j", counted, ['["password:",{"changed":true}]']);
});

describe("a name's string of two words", () => {
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    ['["Your password is:","hunter2"]', `["Your password is:","${M}"]`],
    ['["API key:","Zx9Kq2Lm7Pw4abcd"]', `["API key:","${M}"]`],
    ['["access token:","Zx9Kq2Lm7Pw4abcd"]', `["access token:","${M}"]`],
    ['["Secret Key:","Zx9Kq2Lm7Pw4abcd"]', `["Secret Key:","${M}"]`],
    ['["client secret:","Zx9Kq2Lm7Pw4abcd"]', `["client secret:","${M}"]`],
    ['["Bearer token:","Zx9Kq2Lm7Pw4abcd"]', `["Bearer token:","${M}"]`],
  ]);
});

describe("a list or tuple of two strings pairs a secret's name with its value when the value is a token", () => {
  // One judgement (pair-values.ts) for a list alone, a list of pairs (Rails' binds, a form's entries) and a tuple.
  itStoresCounting("a token after a secret's name, in a list, among pairs or in a tuple: %j", counted, { secret_param: 1 }, [
    ['[["token","Zx9Kq2Lm7Pw4abcd"]]', `[["token","${M}"]]`],
    ['[["username","bob"],["password","Zx9Kq2Lm7Pw4abcd"]]', `[["username","bob"],["password","${M}"]]`],
    ["[('username', 'bob'), ('password', 'Zx9Kq2Lm7Pw4abcd')]", `[('username', 'bob'), ('password', '${M}')]`],
    ["('api_key', 'Zx9Kq2Lm7Pw4abcd')", `('api_key', '${M}')`],
    ['["password_hash","5f4dcc3b5aa765d61d8327deb882cf99"]', `["password_hash","${M}"]`],
    ['["token","Zx9Kq2Lm7Pw4abcd"]', `["token","${M}"]`],
    ['{"fields":["secret","Zx9Kq2Lm7Pw4abcd"]}', `{"fields":["secret","${M}"]}`],
  ]);
  itStoresCounting("%j", counted, { secret_param: 1, email: 1 }, [
    ['[["email", "bob@acme.io"], ["password", "Zx9Kq2Lm7Pw4abcd"]]', `[["email", "[REDACTED:email]"], ["password", "${M}"]]`],
  ]);
  // Another detector's mark is kept: a known token and a password hash keep their kinds.
  itStoresCounting("a known token keeps its kind: %j", counted, { known_token: 1 }, [
    ['["token","ghp_16C7e42F292c6912E7710c838347Ae178B4a"]', '["token","[REDACTED:known_token]"]'],
    ['[["token","ghp_16C7e42F292c6912E7710c838347Ae178B4a"]]', '[["token","[REDACTED:known_token]"]]'],
    ['["%s: %s","token","ghp_16C7e42F292c6912E7710c838347Ae178B4a"]', '["%s: %s","token","[REDACTED:known_token]"]'],
  ]);
  itStoresCounting("a password hash keeps its kind: %j", counted, { password_hash: 1 }, [
    ["('password_digest', '$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW')", "('password_digest', '[REDACTED:password_hash]')"],
  ]);
  itKeepsUncounted("names, labels, masks and rules beside a secret's name stay, among pairs too: %j", counted, [
    '[["password","Password"]]',
    '[["password","Mot de passe"]]',
    "('password', 'Passwort')",
    '[["password","password_confirmation"]]',
    '[["password","username"]]',
    '[["password","token"]]',
    '[["password","[FILTERED]"]]',
    '[["password","***"]]',
    '[["password",""]]',
    '[["password","min:8"]]',
    '[["password","%s"]]',
    '[["password","2024-01-01"]]',
    '[["id","password"],["email","name"]]',
    '[["user_id","token"]]',
    '[["access_level","hunter2"]]',
    '("password", "Enter your password")',
    'print("password", "hunter2")',
  ]);
  // Known misses: a word with digits is a password as often as an identifier (`user2`), and a lower-case word with digits as a token (`abcdef123456`).
  itKeepsUncounted("a word with digits stays in every form: %j", counted, ['[["password","hunter2"]]', "('password', 'hunter2')", "[('username', 'bob'), ('password', 'hunter2')]", '[["token","abcdef123456"]]']);
});

describe("a list of two strings alone is no name and value pair unless its value has a token's shape: both stay, as a list of field names or rules does", () => {
  itKeepsUncounted("%j", counted, [
    '["password","hunter2"]',
    '["pwd","hunter2"]',
    '["password","sha256"]',
    '["secret","base64"]',
    '["password","argon2id"]',
    '["password","***"]',
    '["password","[FILTERED]"]',
    '["password",""]',
    '["id","password","email"]',
    '["token","Zx9Kq2Lm7Pw4abcd","x"]',
    '["password","Password"]',
    '["password","username"]',
    '["password","token"]',
    ...["min:8", "required|min:8", "required!", "Invalid!", "too_short?", "^.{8,}$", "varchar(255)", "char(60)", "str|null", "string?", "field_1", "user2", "col_3", "new_password2", "8-64", "3/5", "20%", "#1", "v1.2", "2024-01-01"].map((rule) => JSON.stringify(["password", rule])),
  ]);
});

describe("codes in several arguments after a code's name", () => {
  itStoresCounting("%j", counted, { secret_param: 2 }, [
    ['["otp:",482913,119283]', `["otp:","${M}","${M}"]`],
    ['["backup codes:","482913","119283"]', `["backup codes:","${M}","${M}"]`],
    ['console.log("otp:", 482913, 119283)', `console.log("otp:", ${M}, ${M})`],
    ['otp codes: 482913, 119283', `otp codes: ${M}, ${M}`],
  ]);
  itStoresCounting("a card after a PIN is the card's: %j", counted, { secret_param: 1, card: 1 }, [
    ['["pin:",1234,4111111111111111]', `["pin:","${M}","[REDACTED:card]"]`],
  ]);
  itKeepsUncounted("a duration, counts, a format without names: %j", counted, [
    '["otp:", 30, "seconds"]',
    'console.log("%s requests in %d ms", 12, 30)',
  ]);
  itStoresCounting("a count under a plural stays as it was read: %j", counted, { secret_param: 1 }, [
    ["otps: 1500 requests", `otps: ${M} requests`],
  ]);
});

describe("a run of backslashes before a quote is read by its parity: an escaped backslash ends the string", () => {
  itStoresCounting("%j", counted, { secret_param: 1, email: 1 }, [
    ['["password:","abc\\\\","user","bob@example.com"]', `["password:","${M}","user","[REDACTED:email]"]`],
    ['{"msg":"[\\"password:\\",\\"abc\\\\\\\\\\",\\"user\\",\\"bob@example.com\\"]"}', `{"msg":"[\\"password:\\",\\"${M}\\",\\"user\\",\\"[REDACTED:email]\\"]"}`],
  ]);
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    ['["password:","C:\\\\temp\\\\","count",3]', `["password:","${M}","count",3]`],
    ['["password:",{"v":"ab\\\\"},"x"]', `["password:",{"v":"${M}"},"x"]`],
  ]);
});

/** Every JSON array written in this file's cases, escaped one level down or not. */
const JSON_ARRAYS = [
  '["password:","abc\\\\","user","bob@example.com"]',
  '["password:","C:\\\\temp\\\\","count",3]',
  '["password: %s","abc\\\\","bob@example.com"]',
  '["password: %s","a\\\\"," and ",5]',
  '["password:",{"v":"ab\\\\"},"x"]',
  '["password:","hun\\"ter2"]',
  '["secret:","abc\\\\def"]',
  '["password:",{"v":"hunter2"}]',
  '["password :","hunter2"]',
  '["password:  ","hunter2"]',
  '["password=","hunter2"]',
  '["Your password is:","hunter2"]',
  '["API key:","Zx9Kq2Lm7Pw4abcd"]',
  '["otp:",482913,119283]',
  '["backup codes:","482913","119283"]',
  '["pin:",1234,4111111111111111]',
  '["password: %s token=Zx9Kq2Lm7Pw4abcd","hunter2"]',
  '["Authorization: %s","Bearer Zx9Kq2Lm7Pw4abcd"]',
  '["pin: %d",1234]',
  '["pin: %d",3]',
  '["password: %s","hun\\"ter2"]',
  '["Login %s password=%s","alice","hunter2"]',
  '["user %s from %s password=%s","bob@acme.io","10.1.2.3","hunter2"]',
  ...KINDS.map(([value]) => `["password: %s for ${value}","hunter2"]`),
];

describe("the output of a JSON array is still JSON", () => {
  it.each(JSON_ARRAYS)("%s", (text) => {
    expect(() => JSON.parse(counted(text).text), text).not.toThrow();
    const escaped = JSON.stringify({ msg: text });
    expect(JSON.parse(JSON.parse(counted(escaped).text).msg as string), escaped).toBeInstanceOf(Array);
  });
});
