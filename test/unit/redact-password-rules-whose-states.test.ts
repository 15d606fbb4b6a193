/**
 * A review's faults in other languages' password sentences and password rules:
 * - a rule for the password's length is kept only when all of its line after the length is the
 *   rule's own words; a value after the rule goes with it (password-rules.ts);
 * - whose the password is (`für anna`, `for the admin account on prod`) holds no sentence's end,
 *   no `|` and no clause's word, so the next sentence's verb is not the password's
 *   (password-sentences.ts);
 * - quoted state words, capitalised too, hyphenated descriptions and Ruby's `%{name}` stay after a
 *   password's sentence.
 * Each in text, as an attribute's text, as a JSON body's message, in a pino line and in a
 * Cloudflare console line.
 */
import { describe } from "vitest";
import { wholeValuesReplaced } from "../support/redaction-cases";
import { itKeepsInEveryForm, itStoresInEveryForm } from "../support/prose-forms";

const PARAM = "[REDACTED:secret_param]";

/** The secret each case's line holds, which no stored form may hold. */
const SECRETS: ReadonlyMap<string, string> = new Map([
  ["password: 10 chars Xk-mQ!vLp", "Xk-mQ!vLp"],
  ["password: 12 chars: correct-horse-battery-staple", "correct-horse-battery-staple"],
  ["Passwort: 12 Zeichen: Sommer-Regen!", "Sommer-Regen"],
  ["hasło: 8 znaków, Lato!Zima", "Lato!Zima"],
  ["password: at least 12 characters. hunter!x", "hunter!x"],
  ["password: 12 chars (!Qwerty!)", "!Qwerty!"],
  ["password: 8 chars abc/def!", "abc/def"],
  ["password: 8 chars ABC.def-GHI", "ABC.def-GHI"],
  ["password: 12 chars !!abc!!", "!!abc!!"],
  ["password: 12 chars | Xk9mQ7vLp2", "Xk9mQ7vLp2"],
  ['password: 12 characters" hunter2x9', "hunter2x9"],
  ["Passwort: 12 Zeichen Sommer!", "Sommer!"],
  ["password: 6 chars 123", "chars 123"],
  ["password: 10 chars and Sommer", "and Sommer"],
  ["password: 12 characters: Xk9mQ7vLp2", "Xk9mQ7vLp2"],
  ["password: min 8: hunter2x9", "hunter2x9"],
  ["contraseña: mínimo 8 caracteres Verano2024", "Verano2024"],
  ["Passwort: mindestens 12 Zeichen, neu: Sommer2024!", "Sommer2024"],
  ["mot de passe: 12 caractères Soleil2024!", "Soleil2024"],
  ["password: at least 12 characters, use Xk9mQ7vLp2", "Xk9mQ7vLp2"],
  ["password is 12 chars Xk9mQ7vLp2", "Xk9mQ7vLp2"],
]);
const secretOf = (line: string) => SECRETS.get(line) ?? /[^\s"']+2024|ERR_4711x/.exec(line)![0];

describe("a rule for the password's length", () => {
  const AFTER_RULE = wholeValuesReplaced([...SECRETS.keys()].filter((line) => line.includes(":")));
  itStoresInEveryForm([...AFTER_RULE, ["password is 12 chars Xk9mQ7vLp2", `password is ${PARAM}`]], secretOf);

  itKeepsInEveryForm("a rule and nothing else stays", [
    "password: 8-64 characters, letters and digits",
    "password: 12+ chars, upper and lower case, symbols",
    "Passwort: mindestens 12 Zeichen lang, 1 Ziffer und 1 Sonderzeichen",
    "password: 12 characters, 1 number and 1 symbol",
    "contraseña: mínimo 8 caracteres, una mayúscula y un número",
    "mot de passe : au moins 12 caractères",
    "password: min 8",
    "password: 8 to 64 characters",
    "Passwort: 12 Zeichen | user=anna ip=10.0.0.1",
    "Das Passwort ist mindestens 12 Zeichen lang",
    "password is 8 characters",
  ]);
});

describe("whose the password is", () => {
  itKeepsInEveryForm("the next sentence's or field's verb has its own subject", [
    "Passwort für anna gesetzt. Host ist db-prod-01",
    "Passwort für anna gesetzt. Host ist db-prod-01.internal",
    "Passwort für anna gesetzt. Request-ID ist 4f1c2b9a-77de-4c1b-9a2e-3f5d6c7b8a90",
    "Passwort für anna gesetzt. Request-ID ist req_8f3a2b1c",
    "password for bob | trace is 5b8efff798038103",
    "Hasło dla jana zmienione. Serwer to db-prod-01",
    "Lösenord för erik ändrat. Servern är db-prod-01",
    "Password for bob reset. Build was b20240501x",
    "Hasło dla jana. Kod to AB12-CD34",
    "password for bob ok. status is 0xDEADBEEF42",
    "password for bob was reset and host is db-prod-01",
    "Passwort für anna gesetzt und Host ist db-prod-01",
    "Het wachtwoord voor gebruiker jan de vries is onjuist",
    "The password for the admin account on prod is invalid",
    "La password dell'utente mario è errata",
  ]);

  itStoresInEveryForm([
    ["Het wachtwoord voor gebruiker jan de vries is Zomer2024!", `Het wachtwoord voor gebruiker jan de vries is ${PARAM}`],
    ["La contraseña para el usuario juan pérez es Verano2024!", `La contraseña para el usuario juan pérez es ${PARAM}`],
    ["A senha para o usuário joão silva é Verao2024!", `A senha para o usuário joão silva é ${PARAM}`],
    ["Das Passwort für den Benutzer anna mueller lautet Sommer2024!", `Das Passwort für den Benutzer anna mueller lautet ${PARAM}`],
    ["The password for the admin account on prod is Summer2024!", `The password for the admin account on prod is ${PARAM}`],
    ["Kennwort für das WLAN im Büro lautet Sommer2024!", `Kennwort für das WLAN im Büro lautet ${PARAM}`],
    ["password for jan.doe is Summer2024!", `password for jan.doe is ${PARAM}`],
    ["La password dell'utente mario è Estate2024!", `La password dell'utente mario è ${PARAM}`],
    ["La password dell’utente mario è Estate2024!", `La password dell’utente mario è ${PARAM}`],
    // An error code's shape after a password's sentence is the password the sentence names.
    ["Passwort für anna ist ERR_4711x", `Passwort für anna ist ${PARAM}`],
  ], secretOf);
});

describe("what a password's sentence says the password is", () => {
  itKeepsInEveryForm("states, descriptions and placeholders stay", [
    'Das Passwort ist "Abgelaufen"',
    "Das Passwort ist 'Korrekt'",
    'Le mot de passe est "Requis"',
    'Lösenordet är "Fel"',
    'Hasło to "Nieprawidłowe"',
    "password is 'Required'",
    "CONTRASEÑA: REQUERIDA",
    "CONTRASEÑA: requerida",
    "SENHA: OBRIGATORIA",
    "Lösenordet är AES-256-krypterat",
    "Lösenordet är bcrypt-hashat",
    "Hasło jest 2FA-chronione",
    "Hasło to %{password}",
  ]);

  itStoresInEveryForm([
    ['Das Passwort ist "Geheim2024"', `Das Passwort ist "${PARAM}"`],
    ["Lösenordet är AES-256-Vinter2024", `Lösenordet är ${PARAM}`],
    ["Hasło jest Tajne-2024", `Hasło jest ${PARAM}`],
  ], secretOf);
});
