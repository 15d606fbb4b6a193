/**
 * Other languages' password sentences, password words in capitals and password rules:
 * - a password's word, perhaps whose it is (`für Benutzer anna`, `dla użytkownika jan`), a
 *   linking verb of its language (`ist`, `lautet`, `to`, `är`, `est`, `es`, `é`, `è`, `is`) in
 *   any case, perhaps `:` or quotes, and the value (password-sentences.ts): the value goes when
 *   shaped as a password; the language's ordinary words after the verb stay;
 * - the word in capitals with a letter past ASCII before `:` (`LÖSENORD:`, `HASŁO:`,
 *   `CONTRASEÑA:`), read as in lower case; shouty states stay;
 * - a rule for the password's length where its value would be (`Passwort: mindestens 12
 *   Zeichen`): no password (password-rules.ts).
 * Each in text, as an attribute's text, as a JSON body's message, in a pino line and in a
 * Cloudflare console line.
 */
import { describe } from "vitest";
import { itStores } from "../support/redaction-cases";
import { itKeepsInEveryForm, itStoresInEveryForm as storesInEveryForm, text } from "../support/prose-forms";

const PARAM = "[REDACTED:secret_param]";

/** The line's secret (the examples' values). */
const SECRET_OF = (line: string) => /(?:Tajne|Vinter|Sommer|Soleil|Verano|Verao|Estate|Zomer)2024|Xy9!pq|Hunter2x9/.exec(line)![0];
const itStoresInEveryForm = (cases: readonly (readonly [string, string])[]) => storesInEveryForm(cases, SECRET_OF);

const SENTENCES: readonly (readonly [string, string])[] = [
  ["Hasło to Tajne2024 dla użytkownika jan", `Hasło to ${PARAM} dla użytkownika jan`],
  ["Lösenordet är Vinter2024 för kontot", `Lösenordet är ${PARAM} för kontot`],
  ["Das Passwort für Benutzer anna lautet Sommer2024!", `Das Passwort für Benutzer anna lautet ${PARAM}`],
  ["Passwort für db_admin: Xy9!pq", `Passwort für db_admin: ${PARAM}`],
  ["Das Passwort lautet: Sommer2024", `Das Passwort lautet: ${PARAM}`],
  ['Das Passwort lautet "Sommer2024"', `Das Passwort lautet "${PARAM}"`],
  ["Das Passwort lautete Sommer2024", `Das Passwort lautete ${PARAM}`],
  ["Le mot de passe est Soleil2024", `Le mot de passe est ${PARAM}`],
  ["La contraseña es Verano2024", `La contraseña es ${PARAM}`],
  ["A senha é Verao2024", `A senha é ${PARAM}`],
  ["La password è Estate2024", `La password è ${PARAM}`],
  ["Het wachtwoord is Zomer2024", `Het wachtwoord is ${PARAM}`],
  ["Das Passwort Lautet Sommer2024", `Das Passwort Lautet ${PARAM}`],
  ["Das Passwort Ist Sommer2024", `Das Passwort Ist ${PARAM}`],
  // The kind beyond the examples: other verbs, whose-phrases and languages of the table.
  ["Hasło dla konta 4711 jest Tajne2024", `Hasło dla konta 4711 jest ${PARAM}`],
  ["Le mot de passe pour marie est Soleil2024, merci", `Le mot de passe pour marie est ${PARAM}, merci`],
  ["La contraseña para el usuario pedro es Verano2024", `La contraseña para el usuario pedro es ${PARAM}`],
  ["La password per l'utente mario è Estate2024", `La password per l'utente mario è ${PARAM}`],
  ["Het wachtwoord voor gebruiker piet luidt Zomer2024", `Het wachtwoord voor gebruiker piet luidt ${PARAM}`],
  ["the password for user bob is Hunter2x9", `the password for user bob is ${PARAM}`],
  ["DAS PASSWORT IST Sommer2024", `DAS PASSWORT IST ${PARAM}`],
];

describe("a password's sentence in another language", () => {
  itStoresInEveryForm(SENTENCES);

  const WORDS = [
    "Das Passwort ist falsch",
    "Das Passwort ist zu kurz",
    "Das Passwort ist: falsch",
    "Das Passwort ist abgelaufen, bitte ändern Sie es",
    "Lösenordet är fel",
    "Lösenordet är för kort",
    "Hasło to za krótkie",
    "Hasło to podstawa bezpieczeństwa",
    "Hasło jest nieprawidłowe",
    "Le mot de passe est incorrect",
    "Le mot de passe est trop court",
    "La contraseña es incorrecta",
    "La contraseña es obligatoria",
    "A senha é obrigatória",
    "La password è errata",
    "Het wachtwoord is onjuist",
    "Passwort für Benutzer anna ist abgelaufen",
    "Passwort für db_admin: erforderlich",
    "Le mot de passe pour l'utilisateur marie est expiré",
    "password for user bob is invalid",
    "Das Passwort lautet ********",
    "Das Passwort ist ${DB_PASSWORD}",
    "Die Fehlermeldung lautet: Passwort falsch",
    "Die Version lautet v2.14.3-rc1",
    "Wersja to 2.0.1",
    "To jest test",
    "Der Server ist nicht erreichbar: db-01.intern:5432",
  ];
  itKeepsInEveryForm("the language's ordinary words after the verb, and other sentences, stay", WORDS);
});

const CAPITALS: readonly (readonly [string, string])[] = [
  ["LÖSENORD: Vinter2024", `LÖSENORD: ${PARAM}`],
  ["HASŁO: Tajne2024", `HASŁO: ${PARAM}`],
  ["CONTRASEÑA: Verano2024", `CONTRASEÑA: ${PARAM}`],
  ["SENHA: Verao2024", `SENHA: ${PARAM}`],
  ["MOT DE PASSE: Soleil2024", `MOT DE PASSE: ${PARAM}`],
  ["ANVÄNDARLÖSENORD: Vinter2024", `ANVÄNDARLÖSENORD: ${PARAM}`],
  ["login failed LÖSENORD: Vinter2024 user=x", `login failed LÖSENORD: ${PARAM} user=x`],
];

describe("a password's word in capitals with a letter past ASCII before `:`", () => {
  itStoresInEveryForm(CAPITALS);
  itKeepsInEveryForm("shouty states stay", ["PASSWORT GEÄNDERT", "CONTRASEÑA INCORRECTA", "CONTRASEÑA: INCORRECTA", "HASŁO: BŁĘDNE", "LÖSENORD: ÄNDRAT", "SENHA: INCORRETA", "LÖSENORD ÄNDRAT"]);
});

describe("a rule for the password's length where its value would be", () => {
  const RULES = [
    "Passwort: mindestens 12 Zeichen",
    "Hasło: co najmniej 8 znaków",
    "Passwort muss mindestens 12 Zeichen lang sein",
    "contraseña: mínimo 8 caracteres",
    "mot de passe : 12 caractères minimum",
    "password: at least 12 characters",
    "password: min. 8 chars",
    "Passwort: 8-64 Zeichen",
    "Passwort: mind. 8 Zeichen, 1 Ziffer und 1 Sonderzeichen",
    "contraseña: entre 8 y 64 caracteres",
    "Hasło: od 8 do 64 znaków",
    "lösenord: minst 8 tecken",
    "wachtwoord: minimaal 8 tekens",
    "senha: no mínimo 8 caracteres",
    "la password: almeno 8 caratteri",
    "Passwort: mindestens 12 Zeichen | next=1",
  ];
  itKeepsInEveryForm("a rule stays", RULES);

  itStores("a password after a rule's words is no rule: %s", text, [
    ["password: 8 chars hunter2x9", `password: ${PARAM}`],
    ["Passwort: 12Zeichen", `Passwort: ${PARAM}`],
    ["Passwort: Sommer2024 (mindestens 12 Zeichen)", `Passwort: ${PARAM}`],
  ]);
});

describe("a password's sentence the search finds and no reading takes", () => {
  // The search's words matched but no sentence's reading took them: the rule declines instead of
  // failing (which replaced the whole text with a failure's marker).
  itKeepsInEveryForm("keeps it", [
    "Password for user 42 changed to version 3",
    "Password for db-prod-01.internal rotated to version 7",
    "Password for host rotated to version 7 at 03:00",
  ]);
});
