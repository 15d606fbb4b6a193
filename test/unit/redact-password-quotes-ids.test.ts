/**
 * Other languages' password sentences, a second reading (detectors/password-phrase.ts,
 * password-sentences.ts):
 * - a quoted value after a password's word and `:` (`mot de passe : « … »`, `clave: “…”`,
 *   `mot de passe : "…"`), typographic quotes with their inner spaces too, the quotes kept, when
 *   shaped as a password unquoted after the same `:` is;
 * - after a change's preposition or a state's `:`, an id no password is shaped as stays (a UUID,
 *   a hex id of 16 digits or more, a ticket's key `JIRA-4711`, `ERR_AUTH_401`) while a word and
 *   digits, glued or joined, in any case (`user42`, `Winter-24`, `SOMMER-2024`, `HUNTER_2`,
 *   `cafe2024`), is a password's shape and goes;
 * - right after the password's word, typographic quotes around a login form's button's word or a
 *   dash hold a UI's label (`mot de passe « Valider »`, `password “—”`); any other word there is
 *   the password tried (`mot de passe « Soleil » refusé`);
 * - after `clave:` a quoted key's name stays (`clave: "user.email"`);
 * - a change with whose the password is (`Passwort für anna geändert auf …`), a change's
 *   preposition before `:` (`Hasło zmienione na: …`), Dutch and Swedish describing words.
 * Each in text, as an attribute's text, as a JSON body's message, in a pino line and in a
 * Cloudflare console line.
 */
import { describe } from "vitest";
import { itKeepsInEveryForm, itStoresInEveryForm as storesInEveryForm } from "../support/prose-forms";

const PARAM = "[REDACTED:secret_param]";

/** The line's secret (the examples' values). */
const SECRET_OF = (line: string) => /Lato-?2026!|Xk9\$mPq2|Host10|user42|användare42|Usuario123|Default2|Soleil#42|Node-7|Knoten-3|EDGE-FRA-03|DB-PROD-01|Winter-24|Soleil-42|Kot-12|Geheim-1!|P4SS-W0RD|SOMMER-2024|SOMMER-12|HEJ-2024|HUNTER_2|SECRET_2024|SOLEIL_42|cafe2024|abc12345|face1234|a1b2c3d4|deadbeef12|Soleil|Sommer|Kochanie|Barcelona|Flamengo|Welkom|Sommar|Dragon|Monkey|Qwertyuiop|Sunshine|Azertyuiop|Admin/.exec(line)![0];
const itStoresInEveryForm = (cases: readonly (readonly [string, string])[]) => storesInEveryForm(cases, SECRET_OF);

/** Each typographic pair the review found kept after `:` (`«…»`, `„…“`, `“…”`, `»…«`). */
const PAIRS = [["«", "»"], ["„", "“"], ["“", "”"], ["»", "«"]] as const;

describe("a quoted value after a password's word and `:`", () => {
  itStoresInEveryForm([
    ...["mot de passe", "clave"].flatMap((word) => [":", " :"].flatMap((colon) => PAIRS.map(([open, close]) =>
      [`${word}${colon} ${open}Lato2026!${close}`, `${word}${colon} ${open}${PARAM}${close}`] as const))),
    ["user=anna clave: «Lato2026!» ok", `user=anna clave: «${PARAM}» ok`],
    ["mot de passe : « Lato2026! »", `mot de passe : « ${PARAM} »`],
    ["Mot de passe : « Xk9$mPq2 »", `Mot de passe : « ${PARAM} »`],
    ["mot de passe : \u00AB\u202FLato2026!\u202F\u00BB", `mot de passe : \u00AB\u202F${PARAM}\u202F\u00BB`],
    ["mot de passe : \"Lato2026!\"", `mot de passe : "${PARAM}"`],
    ["clave: 'Lato2026!'", `clave: '${PARAM}'`],
    // German's word and `:` is a field's name: the field's rule takes the value with its quotes, as before.
    ["Passwort: „Lato2026!“", `Passwort: ${PARAM}`],
    ["mot de passe de anna: «Lato2026!»", `mot de passe de anna: «${PARAM}»`],
  ]);
  // As unquoted after the same `:`: letters alone, a rule or a placeholder stay (`clave` is any key too).
  itKeepsInEveryForm("a word of letters, a rule or a placeholder in quotes stays", [
    "mot de passe : « oublié »",
    "mot de passe : « défaut »",
    "mot de passe : « Valider »",
    "mot de passe : \"12 caractères\"",
    "clave: \"********\"",
    "clave: \"ES\"",
    "Clave: \"Cliente\"",
  ]);
  // `clave` is Spanish for any key: a key's name quoted after it stays (letters and digits joined by `.`, `_`, `-`).
  itKeepsInEveryForm("a key's name after `clave:` stays", [
    "clave: \"user.email\"",
    "clave: \"pedido_1234\"",
    "clave: \"order42\"",
    "clave: \"db-prod-01\"",
    "clave: \"CUSTOMER_ID\"",
    "clave: “cliente_id”",
    "clave: «API_KEY»",
    "clave: \"user.email\" no encontrada",
  ]);
});

describe("a thing's name after a password's change or wrong state", () => {
  itKeepsInEveryForm("a UUID, a long hex id, a ticket's key and an error's code stay", [
    "Passwort geändert auf JIRA-4711",
    "Passwort geändert auf PROJ-123.",
    "Passwort geändert auf 8f1e2d3c4b5a6978",
    "Passwort geändert auf 550e8400-e29b-41d4-a716-446655440000",
    "Passwort wurde auf JIRA-4711 gesetzt",
    "Passwort falsch: ERR_AUTH_401",
    "Passwort falsch: E_TIMEOUT",
    "mot de passe : « JIRA-4711 »",
    "mot de passe : « ERR_AUTH_401 »",
  ]);
  // A word and a number, joined or not, in any case, is a password's shape as often as a node's or a host's name: it goes, as before.
  itStoresInEveryForm([
    ["Passwort geändert auf Node-7", `Passwort geändert auf ${PARAM}`],
    ["Passwort geändert auf Knoten-3", `Passwort geändert auf ${PARAM}`],
    ["Passwort geändert auf EDGE-FRA-03", `Passwort geändert auf ${PARAM}`],
    ["hasło zmienione na DB-PROD-01", `hasło zmienione na ${PARAM}`],
    ["Passwort geändert auf Winter-24", `Passwort geändert auf ${PARAM}`],
    ["mot de passe modifié en Soleil-42", `mot de passe modifié en ${PARAM}`],
    ["hasło zmienione na Kot-12", `hasło zmienione na ${PARAM}`],
    ["Passwort falsch: Geheim-1!", `Passwort falsch: ${PARAM}`],
    ["Passwort geändert auf P4SS-W0RD", `Passwort geändert auf ${PARAM}`],
    ["Passwort wurde auf P4SS-W0RD gesetzt", `Passwort wurde auf ${PARAM} gesetzt`],
    ["Passwort geändert auf SOMMER-2024", `Passwort geändert auf ${PARAM}`],
    ["lösenord ändrat till HEJ-2024", `lösenord ändrat till ${PARAM}`],
    ["Passwort falsch: SOMMER-12", `Passwort falsch: ${PARAM}`],
    ["Passwort geändert auf HUNTER_2", `Passwort geändert auf ${PARAM}`],
    ["Passwort geändert auf SECRET_2024", `Passwort geändert auf ${PARAM}`],
    ["mot de passe modifié en SOLEIL_42", `mot de passe modifié en ${PARAM}`],
    ["Passwort geändert auf cafe2024", `Passwort geändert auf ${PARAM}`],
    ["Passwort geändert auf abc12345", `Passwort geändert auf ${PARAM}`],
    ["senha alterada para face1234", `senha alterada para ${PARAM}`],
    ["Passwort geändert auf a1b2c3d4", `Passwort geändert auf ${PARAM}`],
    ["Passwort geändert auf deadbeef12", `Passwort geändert auf ${PARAM}`],
  ]);
  // A word glued to digits is the commonest password's shape (`Sommer2024`): it goes, a host's or user's name too.
  itStoresInEveryForm([
    ["Passwort geändert auf Host10", `Passwort geändert auf ${PARAM}`],
    ["Passwort wurde auf Host10 zurückgesetzt", `Passwort wurde auf ${PARAM} zurückgesetzt`],
    ["senha alterada para user42", `senha alterada para ${PARAM}`],
    ["lösenord ändrat till användare42", `lösenord ändrat till ${PARAM}`],
    ["contraseña cambiada a Usuario123", `contraseña cambiada a ${PARAM}`],
    ["Passwort auf Default2 zurückgesetzt", `Passwort auf ${PARAM} zurückgesetzt`],
    // A year after a word and `-` is a password's shape, no node's number.
    ["Passwort geändert auf Lato-2026!", `Passwort geändert auf ${PARAM}`],
  ]);
});

describe("typographic quotes right after a password's word around a UI's label", () => {
  itKeepsInEveryForm("a button's or a link's word, in any case, or a dash stays", [
    "mot de passe « Valider »",
    "mot de passe « Oublié »",
    "mot de passe « Réinitialiser »",
    "mot de passe « OK »",
    "hasło „Zapomniałem”",
    "password “—”",
    "Passwort „Ändern“ gedrückt",
    "password “Reset” clicked",
  ]);
  itStoresInEveryForm([
    ["mot de passe « Soleil#42 » refusé", `mot de passe « ${PARAM} » refusé`],
    // Any other word of letters is the password tried, the commonest password's shape.
    ["mot de passe « Soleil » refusé", `mot de passe « ${PARAM} » refusé`],
    ["le mot de passe « Admin » est interdit", `le mot de passe « ${PARAM} » est interdit`],
    ["mot de passe « Azertyuiop » refusé", `mot de passe « ${PARAM} » refusé`],
    ["Passwort „Sommer“ abgelehnt", `Passwort „${PARAM}“ abgelehnt`],
    ["Passwort »Sommer« abgelehnt", `Passwort »${PARAM}« abgelehnt`],
    ["hasło „Kochanie” odrzucone", `hasło „${PARAM}” odrzucone`],
    ["contraseña «Barcelona» incorrecta", `contraseña «${PARAM}» incorrecta`],
    ["senha “Flamengo” incorreta", `senha “${PARAM}” incorreta`],
    ["wachtwoord „Welkom” geweigerd", `wachtwoord „${PARAM}” geweigerd`],
    ["lösenord ”Sommar” nekat", `lösenord ”${PARAM}” nekat`],
    ["wrong password “Dragon”", `wrong password “${PARAM}”`],
    ["the password “Monkey” was rejected", `the password “${PARAM}” was rejected`],
    ["user anna tried password “Qwertyuiop”", `user anna tried password “${PARAM}”`],
    ["password “Sunshine”", `password “${PARAM}”`],
    // A `:` names the value: it is read as unquoted after the `:`.
    ["mot de passe : « Xk9$mPq2 »", `mot de passe : « ${PARAM} »`],
  ]);
});

describe("a change with whose the password is, a preposition before `:`, Dutch and Swedish describing words", () => {
  itStoresInEveryForm([
    ["Passwort für anna geändert auf Lato2026!", `Passwort für anna geändert auf ${PARAM}`],
    ["mot de passe de jean modifié en Lato2026!", `mot de passe de jean modifié en ${PARAM}`],
    ["contraseña de juan cambiada a Lato2026!", `contraseña de juan cambiada a ${PARAM}`],
    ["Passwort von anna auf Lato2026! geändert", `Passwort von anna auf ${PARAM} geändert`],
    ["Passwort für anna geändert: Lato2026!", `Passwort für anna geändert: ${PARAM}`],
    ["Hasło zmienione na: Lato2026!", `Hasło zmienione na: ${PARAM}`],
    ["wachtwoord tijdelijk: Lato2026!", `wachtwoord tijdelijk: ${PARAM}`],
    ["lösenord tillfälligt: Lato2026!", `lösenord tillfälligt: ${PARAM}`],
  ]);
  itKeepsInEveryForm("prose, a default and a host after them stay", [
    "Passwort für anna geändert auf Anfrage",
    "Passwort von anna auf Standard gesetzt",
    "mot de passe de jean modifié en 2026",
    "Passwort für Server geändert auf db-prod-01",
    "wachtwoord nieuw: ********",
    "lösenord tillfälligt: skickat via e-post",
  ]);
});
